/* extract_fuzz.c — libFuzzer target for the free-text extractor
 * (lib/check/extract.c, rd_extract): any text is either refused because it
 * is not UTF-8, or gives items that hold the promises of extract.h — spans
 * inside the text, non-empty, in text order, not overlapping, on character
 * boundaries; kinds and precisions in range; an instant the store can show
 * (formats and re-parses to itself); a duration's instant now + seconds
 * (more for business days over a weekend); an
 * amount non-negative with an ISO 4217-shaped currency. A text that is one
 * ISO 8601 time with a zone is that instant (to the minute), as
 * rd_time_parse reads it. Every text is read in several zones and twice,
 * and must give the same items both times. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "redress/extract.h"
#include "redress/time.h"
#include "util/buf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* 2026-11-23T09:00:00Z, a Monday */
#define NOW INT64_C(1795424400)

static const char *const zones[] = {"UTC", "Europe/Berlin", "America/Chicago", "Asia/Kathmandu"};

static void fail(const char *what, const char *tz, size_t i, const struct rd_extract_item *it)
{
	fprintf(stderr, "extract (tz %s), item %zu [%zu, %zu) kind %d: %s\n", tz, i,
		it ? it->start : 0, it ? it->end : 0, it ? (int)it->kind : -1, what);
	abort();
}

static int continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

static void check_items(const uint8_t *text, size_t len, const char *tz,
			const struct rd_extract_result *r)
{
	size_t prev_end = 0;
	for (size_t i = 0; i < r->n; i++) {
		const struct rd_extract_item *it = &r->items[i];
		if (it->start >= it->end || it->end > len)
			fail("span empty or beyond the text", tz, i, it);
		if (it->start < prev_end)
			fail("span overlaps or precedes the one before", tz, i, it);
		prev_end = it->end;
		if (continuation(text[it->start]) || (it->end < len && continuation(text[it->end])))
			fail("span cuts a UTF-8 character", tz, i, it);
		if (it->precision < RD_PREC_MINUTE || it->precision > RD_PREC_MONTH)
			fail("precision out of range", tz, i, it);
		switch (it->kind) {
		case RD_EXTRACT_INSTANT:
		case RD_EXTRACT_DURATION: {
			/* business days skip weekends: at most 5 of every 7 days count */
			if (it->kind == RD_EXTRACT_DURATION &&
			    (it->seconds <= 0 || it->instant < NOW + it->seconds ||
			     it->instant > NOW + it->seconds / 5 * 7 + 2 * 86400))
				fail("duration not positive or its instant not now + seconds", tz, i, it);
			if (it->instant < 0 || it->instant > INT64_C(253402300799))
				fail("instant outside 1970 … 9999", tz, i, it);
			char buf[RD_TIME_BUFSZ];
			int64_t back;
			if (rd_time_parse(rd_time_format(it->instant, buf), &back, NULL) != RD_OK ||
			    back != it->instant)
				fail("instant does not format and re-parse to itself", tz, i, it);
			break;
		}
		case RD_EXTRACT_AMOUNT:
			if (it->amount_minor < 0)
				fail("negative amount", tz, i, it);
			for (int k = 0; k < 3; k++)
				if (it->currency[k] < 'A' || it->currency[k] > 'Z')
					fail("currency is not three capital letters", tz, i, it);
			if (it->currency[3] != '\0')
				fail("currency not NUL-terminated", tz, i, it);
			break;
		default:
			fail("unknown kind", tz, i, it);
		}
		if (strcmp(rd_extract_kind_name(it->kind), "instant") != 0 &&
		    strcmp(rd_extract_kind_name(it->kind), "duration") != 0 &&
		    strcmp(rd_extract_kind_name(it->kind), "amount") != 0)
			fail("kind has no name", tz, i, it);
	}
}

/* True if TEXT[0..len) is exactly an ISO 8601 time with a zone, in the
 * shapes the extractor documents: dddd-dd-ddTdd:dd[:dd](Z|±dd:dd). */
static bool iso_with_zone(const uint8_t *text, size_t len)
{
	static const char *const shapes[] = {
		"dddd-dd-ddTdd:ddZ", "dddd-dd-ddTdd:dd:ddZ",
		"dddd-dd-ddTdd:dd+dd:dd", "dddd-dd-ddTdd:dd:dd+dd:dd",
	};
	for (size_t k = 0; k < sizeof shapes / sizeof shapes[0]; k++) {
		const char *sh = shapes[k];
		if (strlen(sh) != len)
			continue;
		size_t i = 0;
		for (; i < len; i++) {
			char c = (char)text[i];
			if (sh[i] == 'd' ? c < '0' || c > '9' : sh[i] == '+' ? c != '+' && c != '-' : c != sh[i])
				break;
		}
		if (i == len)
			return true;
	}
	return false;
}

/* A whole-text ISO time is one instant, the one rd_time_parse reads, to
 * the minute (the extractor's finest precision), in every zone. */
static void agrees_with_rd_time_parse(const uint8_t *data, size_t size, const char *tz,
				      const struct rd_extract_result *r)
{
	char s[32];
	int64_t t;
	if (!iso_with_zone(data, size))
		return;
	memcpy(s, data, size);
	s[size] = '\0';
	if (rd_time_parse(s, &t, NULL) != RD_OK)
		return;
	if (r->n != 1 || r->items[0].kind != RD_EXTRACT_INSTANT || r->items[0].start != 0 ||
	    r->items[0].end != size || r->items[0].instant != t - t % 60) {
		fprintf(stderr, "'%s' (tz %s): rd_time_parse reads %lld; the extractor gives %zu items, "
			"the first %lld\n", s, tz, (long long)t, r->n, r->n ? (long long)r->items[0].instant : 0LL);
		abort();
	}
}

/* Field by field: padding inside the items is not part of the result. */
static bool same(const struct rd_extract_result *a, const struct rd_extract_result *b)
{
	if (a->n != b->n)
		return false;
	for (size_t i = 0; i < a->n; i++) {
		const struct rd_extract_item *x = &a->items[i], *y = &b->items[i];
		if (x->kind != y->kind || x->start != y->start || x->end != y->end ||
		    x->instant != y->instant || x->seconds != y->seconds || x->deadline != y->deadline ||
		    x->precision != y->precision || x->amount_minor != y->amount_minor ||
		    strcmp(x->currency, y->currency) != 0)
			return false;
	}
	return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	bool utf8 = rd_utf8_valid(text, size, NULL);
	for (size_t z = 0; z < sizeof zones / sizeof zones[0]; z++) {
		struct rd_extract_result r, again;
		char *err = NULL;
		enum rd_err rc = rd_extract(text, size, NOW, zones[z], &r, &err);
		if (rc != RD_OK) {
			/* the only refusal for a known zone is invalid UTF-8 */
			if (rc != RD_EINVAL || !err || utf8) {
				fprintf(stderr, "rd_extract refused (tz %s, rc %d): %s\n", zones[z], (int)rc,
					err ? err : "(no message)");
				abort();
			}
			free(err);
			return 0;
		}
		if (!utf8)
			abort(); /* invalid UTF-8 was accepted */
		check_items(data, size, zones[z], &r);
		agrees_with_rd_time_parse(data, size, zones[z], &r);
		if (rd_extract(text, size, NOW, zones[z], &again, NULL) != RD_OK || !same(&r, &again)) {
			fprintf(stderr, "rd_extract (tz %s) gave different items on a second run\n", zones[z]);
			abort();
		}
		rd_extract_result_free(&again);
		rd_extract_result_free(&r);
	}
	return 0;
}
