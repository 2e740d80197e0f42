/* facts.h — the facts a call or meeting note says WE told the client (an
 * ETA, a cause, a goodwill amount), read with the checker's tokeniser and
 * extractor, and the comparison of two free-text statements the checker's
 * fact.contradiction uses. The note grammar and its limits are in
 * docs/internals/check.md ("Facts from call and meeting notes"). */
#ifndef REDRESS_FACTS_H
#define REDRESS_FACTS_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "redress/err.h"

struct rd_note_facts {
	bool has_eta;
	int64_t eta;              /* UTC seconds: a time of day we named as the ETA */
	char *cause;              /* the cause we gave, as written in the note, or NULL */
	bool has_amount;
	int64_t amount_cents;     /* goodwill amount we offered, minor units */
	char currency[4];         /* its ISO 4217 code */
};

/* Reads note[0..len) (UTF-8), logged at AT (UTC seconds) for a client in
 * zone TZ (NULL = UTC). Only what we told counts: the client's reported
 * speech ("Lena said/asked…"), questions and negated statements ("did not
 * promise Friday") give nothing. Each fact is the first one stated. On
 * success *out is filled and the CALLER releases it with
 * rd_note_facts_free; RD_EINVAL on invalid UTF-8 or an unknown zone,
 * RD_ENOMEM (*errmsg set, CALLER frees). */
enum rd_err rd_note_facts(const char *note, size_t len, int64_t at, const char *tz,
			  struct rd_note_facts *out, char **errmsg);
void rd_note_facts_free(struct rd_note_facts *f);

/* Do two statements of a cause (or remedy) say different things? The
 * checker's test: both reduced to content words (stop words out, light
 * stemming), at least two on each side and none in common. "caused by"
 * and the like are dropped first. False when either cannot be read (empty,
 * invalid UTF-8, out of memory): no difference is claimed then. */
bool rd_statements_differ(const char *a, const char *b);

#endif
