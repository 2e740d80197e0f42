/* metrics.h — whether trust came back, in numbers: time to apology, steps
 * on time, promises kept, ETA accuracy, chases, survey scores and goodwill
 * against client value, over a period and grouped overall, per failure,
 * per owner or per tier. Every figure is defined in docs/metrics.md.
 *
 * Ownership as in model.h: json_t **out is a new reference and char
 * **errmsg a malloc'd message, both for the CALLER to release. */
#ifndef REDRESS_METRICS_H
#define REDRESS_METRICS_H
#include <jansson.h>
#include <stdint.h>

#include "redress/err.h"
#include "redress/store.h"

/* How the tracks of the period are grouped, besides the overall figures. */
enum rd_metrics_by {
	RD_METRICS_OVERALL = 0, /* only the overall figures */
	RD_METRICS_FAILURE,     /* one group per failure */
	RD_METRICS_OWNER,       /* per owner: the impact's point person, else the client's owner */
	RD_METRICS_TIER,        /* per client tier (key, standard) */
};

/* "failure" | "owner" | "tier" (NULL or "": overall) -> *out; RD_EINVAL
 * with a message naming the accepted values otherwise. */
enum rd_err rd_metrics_by_parse(const char *s, enum rd_metrics_by *out, char **errmsg);
/* "overall", "failure", "owner", "tier". */
const char *rd_metrics_by_name(enum rd_metrics_by by);

/* The metrics of the failures DETECTED in [FROM, TO), every state taken
 * as it stood at min(TO, NOW) (the "as of" instant: what happened later is
 * not counted). The unit is the track: one affected client (impact not
 * "no") of one failure. *out is a new object
 *   {from, to, as_of, by, overall: GROUP, groups: [GROUP…]}
 * (groups empty for RD_METRICS_OVERALL), each GROUP
 *   {group, label, failures, affected_clients, time_to_apology, steps,
 *    promises, eta, chases, survey, goodwill}
 * as docs/metrics.md describes. RD_EINVAL when FROM >= TO. Reads only. */
enum rd_err rd_metrics(struct rd_store *s, int64_t now, int64_t from, int64_t to,
		       enum rd_metrics_by by, json_t **out, char **errmsg);

/* The nearest-rank P-th percentile (0 < P <= 100) of the N sorted values
 * V: the value at rank ceil(P/100 * N). The median is not this: see
 * rd_metrics_median. N > 0. */
int64_t rd_metrics_percentile(const int64_t *v, size_t n, int p);
/* The median of the N sorted values V: the middle one, or the mean of the
 * two middle ones (rounded down to a whole second) when N is even. N > 0. */
int64_t rd_metrics_median(const int64_t *v, size_t n);

#endif
