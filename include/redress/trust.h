/* trust.h — a trust score 0-100 per client with its explanation, its trend
 * and its history (docs/trust.md has the model and a worked example).
 *
 * Two layers, like the clock: rd_trust_compute is a pure function of one
 * client's facts (obligations, promises, chases, ETAs, failures, survey
 * answers, goodwill — each with its timestamps) and an instant AT, so the
 * score at any earlier time comes from the same facts; the rest loads those
 * facts with a few set-based prepared queries and keeps the history.
 *
 * Ownership as in model.h: json_t **out is a new reference and char
 * **errmsg a malloc'd message, both for the CALLER to release. */
#ifndef REDRESS_TRUST_H
#define REDRESS_TRUST_H
#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "redress/err.h"
#include "redress/policy.h"
#include "redress/store.h"

/* What a fact is. Times are seconds since the epoch; 0 means "none". */
enum rd_trust_fact_kind {
	RD_TF_OBLIGATION,  /* t0 due_at, t1 met_at, t2 waived_at; what: the step */
	RD_TF_COMMITMENT,  /* t0 due_at, t1 settled_at; n 1 kept, 2 broken, 0 open; what: its text */
	RD_TF_CHASE,       /* t0 when the client chased us */
	RD_TF_ETA,         /* t0 when the ETA was given, t1 the ETA */
	RD_TF_FAILURE,     /* t0 detected_at, t1 resolved_at; n the recorded harm (cents); what: title */
	RD_TF_SURVEY,      /* t0 answered at; n the score 0..10; what: the question */
	RD_TF_GOODWILL,    /* t0 delivered at; n the amount (cents) */
};

/* One fact of a client's record. Strings are BORROWED (may be NULL). */
struct rd_trust_fact {
	enum rd_trust_fact_kind kind;
	int64_t failure_id;               /* 0 when not tied to a failure */
	int64_t t0, t1, t2;
	int64_t n;
	const char *what;
};

/* One line of the explanation: POINTS (already weighted by age, rounded to
 * a tenth) and why. */
struct rd_trust_contribution {
	double points;
	int64_t at;                       /* when it happened (its age counts from here) */
	char *reason;                     /* owned by the result */
};

struct rd_trust_result {
	int score;                        /* 0..100 */
	double total;                     /* baseline + the sum of the contributions, unclamped */
	struct rd_trust_contribution *items; /* largest first; NULL when not explained */
	size_t n;
};

/* The score of a client with facts F[0..N) at AT under weights W (the
 * policy's trust section); SECOND_WINDOW is the policy's
 * second_failure_window in seconds. Facts after AT are not known yet and
 * count for nothing. With EXPLAIN, OUT->items lists every contribution with
 * its reason; without, only the score is computed (the portfolio). OUT is
 * filled; the CALLER releases it with rd_trust_result_free (also after a
 * failure). RD_ENOMEM only. */
enum rd_err rd_trust_compute(const struct rd_trust_policy *w, int64_t second_window,
			     const struct rd_trust_fact *f, size_t n, int64_t at, bool explain,
			     struct rd_trust_result *out, char **errmsg);
void rd_trust_result_free(struct rd_trust_result *r);

/* R's explanation as trust_history stores it: the text json_dumps gives
 * for [{points, reason, at}] (compact, reals to 15 digits), byte for byte,
 * written by the trust object's own writer (a reason that is not UTF-8
 * left out). Returns new (free), NULL when out of memory. */
char *rd_trust_explanation_text(const struct rd_trust_result *r);

/* "rising" | "falling" | "steady" for a trend of DELTA points. */
const char *rd_trust_trend_label(const struct rd_trust_policy *w, int delta);

/* The trust of CLIENT_ID at AT as JSON: {score, trend: {delta, label,
 * since, score_then}, explanation: [{points, reason, at}], baseline}. */
enum rd_err rd_trust_client_json(struct rd_store *s, int64_t client_id, int64_t at, json_t **out,
				 char **errmsg);
/* The same object written into W (a struct rd_jw, lib/util/jsonw.h: for
 * the library's own readers): its one implementation, which
 * rd_trust_client_json runs building a tree; a writer failure stays in
 * w->err. */
struct rd_jw;
enum rd_err rd_trust_client_write(struct rd_store *s, int64_t client_id, int64_t at, struct rd_jw *w,
				  char **errmsg);

/* Like rd_trust_client_json plus the client's name and tier, and its
 * stored history (every recorded change up to AT, oldest first:
 * [{at, score}]). */
enum rd_err rd_trust_client_report(struct rd_store *s, int64_t client_id, int64_t at, json_t **out,
				   char **errmsg);

/* Every client at AT, most at risk first: [{client_id, client, tier, score,
 * trend, label, risk}]. Risk is (100 - score) times the policy's
 * key_risk_factor for a key client, plus the points lost over the trend
 * window. LIMIT > 0 keeps only the first LIMIT. */
enum rd_err rd_trust_portfolio(struct rd_store *s, int64_t at, int limit, json_t **out,
			       char **errmsg);

/* Records the trust of CLIENT_ID at NOW in trust_history when its score
 * differs from the last one recorded (or none is). Called inside the
 * transaction of every write that can change a client's record (see
 * model_int.h); *changed (may be NULL) says whether a row was written. */
enum rd_err rd_trust_record(struct rd_store *s, int64_t client_id, int64_t now, bool *changed,
			    char **errmsg);

/* Records every client's trust at NOW where it changed (the daily sweep:
 * the score moves with time alone as events age and obligations fall
 * overdue). *n (may be NULL) gets the number of rows written. */
enum rd_err rd_trust_sweep(struct rd_store *s, int64_t now, int64_t *n, char **errmsg);

#endif
