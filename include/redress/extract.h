/* extract.h — finds dates, times, durations and money amounts in free text
 * ("by Friday 5pm", "within 48 hours", "27/11", "EUR 4,500") and resolves
 * them relative to the message's send time and the client's time zone, so
 * that ETAs and amounts in messages and call notes can be compared
 * (checker rule fact.contradiction). English only; the grammar and its
 * limits are in docs/internals/extract.md. */
#ifndef REDRESS_EXTRACT_H
#define REDRESS_EXTRACT_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "redress/err.h"

enum rd_extract_kind {
	RD_EXTRACT_INSTANT = 0,   /* a point in time: "by Friday 5pm", "2026-11-27" */
	RD_EXTRACT_DURATION = 1,  /* a span: "within 48 hours", "3 days" */
	RD_EXTRACT_AMOUNT = 2,    /* money: "EUR 4,500", "$1.2k" */
};

/* How exact an instant is: "2 December" is a day, "5pm" an hour. */
enum rd_extract_precision {
	RD_PREC_MINUTE = 0,
	RD_PREC_HOUR = 1,
	RD_PREC_DAY = 2,
	RD_PREC_WEEK = 3,
	RD_PREC_MONTH = 4,
};

struct rd_extract_item {
	enum rd_extract_kind kind;
	size_t start, end;        /* byte span [start, end) in the text */
	/* INSTANT: the UTC instant. A date without a time is the start of that
	 * local day (00:00) with precision DAY; "end of day" is 17:00.
	 * DURATION: now + seconds, the deadline it implies. */
	int64_t instant;
	int64_t seconds;          /* DURATION: its length in seconds */
	bool deadline;            /* phrased as a limit: "by …", "within …", "before …" */
	enum rd_extract_precision precision;
	int64_t amount_minor;     /* AMOUNT: in minor units (cents); JPY has none */
	char currency[4];         /* AMOUNT: ISO 4217 code, NUL-terminated */
};

struct rd_extract_result {
	struct rd_extract_item *items;  /* in text order */
	size_t n;
};

/* Extracts from text[0..len) (UTF-8). NOW is the reference instant (UTC
 * seconds) and TZ the zone local times are read in (NULL = "UTC"). On
 * success *out is filled; the CALLER releases it with
 * rd_extract_result_free. RD_EINVAL on invalid UTF-8 or an unknown zone
 * (*errmsg set, CALLER frees). */
enum rd_err rd_extract(const char *text, size_t len, int64_t now, const char *tz,
		       struct rd_extract_result *out, char **errmsg);

void rd_extract_result_free(struct rd_extract_result *r);

/* "instant", "duration" or "amount". */
const char *rd_extract_kind_name(enum rd_extract_kind k);

#endif
