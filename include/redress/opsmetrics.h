/* opsmetrics.h — the domain figures an operator's monitoring scrapes
 * (GET /metrics): obligations due and overdue by step and tier, chases,
 * escalations, failures, open commitments and goodwill, read from the store
 * at one instant and written in the Prometheus text format (0.0.4).
 *
 * Not to be confused with the recovery metrics of `redress metrics` (how
 * well trust came back): these are gauges and counters for dashboards and
 * alerts. The server adds the process and HTTP figures (src/server/metrics.c)
 * and caches the text for a few seconds so a scrape stays cheap. */
#ifndef REDRESS_OPSMETRICS_H
#define REDRESS_OPSMETRICS_H
#include <stdint.h>

#include "redress/err.h"
#include "redress/store.h"
#include "util/buf.h"

/* Appends every domain metric family (HELP, TYPE, samples) as it stands at
 * NOW to OUT. Reads only, through prepared statements. Obligations are the
 * stored ones (lib/agenda.c keeps them in step on every write; the server
 * extends recurring ones each minute): states are "overdue" (due before
 * NOW), "due_soon" (due within the policy's due_soon window) and "pending"
 * (due later), counting only obligations open at NOW. On failure OUT may
 * hold part of the text (the caller discards it) and *errmsg (CALLER frees,
 * may be NULL) names the query that failed. */
enum rd_err rd_opsmetrics_write(struct rd_store *s, int64_t now, struct rd_buf *out, char **errmsg);

/* Appends VALUE to OUT escaped as a Prometheus label value (backslash,
 * double quote and newline escaped). */
void rd_prom_label(struct rd_buf *out, const char *value);

#endif
