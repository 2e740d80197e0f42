/* opsmetrics.c — the domain half of GET /metrics: what an operator's
 * dashboards and alerts watch (obligations due and overdue by step and
 * tier, chases, escalations, failures, open commitments, goodwill), counted
 * with one prepared GROUP BY query per family at scrape time and written in
 * the Prometheus text format. Contract in include/redress/opsmetrics.h. */
#include <inttypes.h>
#include <stdbool.h>
#include <string.h>

#include "redress/opsmetrics.h"
#include "redress/agenda.h"
#include "redress/policy.h"
#include "redress/trust.h"
#include "model_int.h"

#define DAY 86400

void rd_prom_label(struct rd_buf *out, const char *value)
{
	for (const char *p = value ? value : ""; *p; p++) {
		if (*p == '\\' || *p == '"')
			rd_buf_addc(out, '\\'), rd_buf_addc(out, *p);
		else if (*p == '\n')
			rd_buf_adds(out, "\\n");
		else
			rd_buf_addc(out, *p);
	}
}

static void family(struct rd_buf *out, const char *name, const char *type, const char *help)
{
	rd_buf_addf(out, "# HELP %s %s\n# TYPE %s %s\n", name, help, name, type);
}

/* Runs SQL (?1 = P1 and ?2 = P2, each when SQL uses it) and hands
 * each row to ROW. */
typedef void (*row_fn)(struct rd_stmt *st, void *ctx);

static enum rd_err each_row(struct rd_store *s, const char *what, const char *sql, int64_t p1, int64_t p2,
			    row_fn row, void *ctx, char **errmsg)
{
	struct rd_stmt *st = NULL;
	enum rd_err rc = rd_store_prepare(s, sql, &st);
	if (rc)
		goto out;
	if (strstr(sql, "?1"))
		rd_stmt_bind_int(st, 1, p1);
	if (strstr(sql, "?2"))
		rd_stmt_bind_int(st, 2, p2);
	bool more;
	while ((rc = rd_stmt_step(st, &more)) == RD_OK && more)
		row(st, ctx);
out:
	rd_stmt_free(st);
	if (rc)
		return rd_fail(rc, errmsg, "metrics: counting %s: %s", what, rd_store_errmsg(s));
	return RD_OK;
}

/* ---- obligations ---- */

static const char *const ob_states[] = {"due_soon", "overdue", "pending"};
static const char *const tiers[] = {"key", "standard"};
#define NSTATES 3
#define NTIERS 2
#define MAXKINDS 32

struct ob_counts {
	char kinds[MAXKINDS][48];
	int nkinds;
	int64_t n[MAXKINDS][NTIERS][NSTATES];
};

static int index_of(const char *const *v, int n, const char *s)
{
	for (int i = 0; s && i < n; i++)
		if (strcmp(v[i], s) == 0)
			return i;
	return -1;
}

static void ob_row(struct rd_stmt *st, void *ctx)
{
	struct ob_counts *c = ctx;
	const char *kind = rd_stmt_col_text(st, 0);
	if (!kind)
		return;
	int k = 0;
	while (k < c->nkinds && strcmp(c->kinds[k], kind) != 0)
		k++;
	if (k == c->nkinds) {
		/* steps come from the policy; a policy with more than MAXKINDS
		 * step kinds has its rarest ones left out rather than a
		 * series cut mid-name */
		if (c->nkinds == MAXKINDS || strlen(kind) >= sizeof c->kinds[0])
			return;
		memcpy(c->kinds[k], kind, strlen(kind) + 1);
		c->nkinds++;
	}
	int t = index_of(tiers, NTIERS, rd_stmt_col_text(st, 1));
	int s = index_of(ob_states, NSTATES, rd_stmt_col_text(st, 2));
	if (t >= 0 && s >= 0)
		c->n[k][t][s] += rd_stmt_col_int(st, 3);
}

static enum rd_err obligations(struct rd_store *s, int64_t now, struct rd_buf *out, char **errmsg)
{
	const struct rd_policy *p = NULL;
	enum rd_err rc = rd_policy_in_force(&p, errmsg);
	if (rc)
		return rc;
	int64_t soon = now + rd_duration_nominal_seconds(p->due_soon);
	struct ob_counts c;
	memset(&c, 0, sizeof c);
	/* Every step kind ever owed gets its series (zeros included), so a
	 * series does not vanish from a graph when its count reaches 0. */
	rc = each_row(s, "obligations",
		"SELECT o.kind, c.tier, CASE "
		" WHEN o.met_at IS NOT NULL AND o.met_at <= ?1 THEN 'closed' "
		" WHEN o.waived_at IS NOT NULL AND o.waived_at <= ?1 THEN 'closed' "
		" WHEN " CLOSED_BY_RESOLUTION("?1") " THEN 'closed' "
		" WHEN o.opens_at > ?1 THEN 'not_open' "
		" WHEN o.due_at < ?1 THEN 'overdue' "
		" WHEN o.due_at <= ?2 THEN 'due_soon' ELSE 'pending' END, count(*) "
		"FROM obligations o JOIN clients c ON c.id = o.client_id JOIN failures f ON f.id = o.failure_id "
		"GROUP BY 1, 2, 3 ORDER BY 1, 2, 3", now, soon, ob_row, &c, errmsg);
	if (rc)
		return rc;
	family(out, "redress_obligations", "gauge",
	       "Open obligations to clients by state (overdue, due_soon within the policy's window, pending), "
	       "step and client tier.");
	for (int k = 0; k < c.nkinds; k++)
		for (int t = 0; t < NTIERS; t++)
			for (int i = 0; i < NSTATES; i++) {
				rd_buf_addf(out, "redress_obligations{state=\"%s\",step=\"", ob_states[i]);
				rd_prom_label(out, c.kinds[k]);
				rd_buf_addf(out, "\",tier=\"%s\"} %" PRId64 "\n", tiers[t], c.n[k][t][i]);
			}
	return RD_OK;
}

/* ---- single figures and small fixed label sets ---- */

static void one_int(struct rd_stmt *st, void *ctx)
{
	*(int64_t *)ctx = rd_stmt_col_int(st, 0);
}

static enum rd_err chases(struct rd_store *s, int64_t now, struct rd_buf *out, char **errmsg)
{
	int64_t all = 0, recent = 0;
	enum rd_err rc = each_row(s, "chases",
		"SELECT count(*) FROM communications WHERE direction = 'in' AND chase = 1 AND at <= ?1",
		now, 0, one_int, &all, errmsg);
	if (!rc)
		rc = each_row(s, "recent chases",
			"SELECT count(*) FROM communications WHERE direction = 'in' AND chase = 1 "
			"AND at <= ?1 AND at > ?2", now, now - 30 * DAY, one_int, &recent, errmsg);
	if (rc)
		return rc;
	family(out, "redress_chases_total", "counter",
	       "Inbound chases ever recorded: a client asked where things stand.");
	rd_buf_addf(out, "redress_chases_total %" PRId64 "\n", all);
	family(out, "redress_chases_30d", "gauge", "Inbound chases recorded in the last 30 days.");
	rd_buf_addf(out, "redress_chases_30d %" PRId64 "\n", recent);
	return RD_OK;
}

/* Counts by one text label whose values are known (zeros filled in). */
struct by_label {
	const char *const *values;
	int n;
	int64_t count[8];
};

static void label_row(struct rd_stmt *st, void *ctx)
{
	struct by_label *b = ctx;
	int i = index_of(b->values, b->n, rd_stmt_col_text(st, 0));
	if (i >= 0)
		b->count[i] += rd_stmt_col_int(st, 1);
}

static void by_label_write(struct rd_buf *out, const char *name, const char *label, const struct by_label *b)
{
	for (int i = 0; i < b->n; i++)
		rd_buf_addf(out, "%s{%s=\"%s\"} %" PRId64 "\n", name, label, b->values[i], b->count[i]);
}

static enum rd_err escalations(struct rd_store *s, int64_t now, struct rd_buf *out, char **errmsg)
{
	static const char *const levels[] = {"1", "2"};
	struct by_label b = {levels, 2, {0}};
	enum rd_err rc = each_row(s, "escalations",
		"SELECT CAST(level AS TEXT), count(*) FROM escalations WHERE at <= ?1 GROUP BY level",
		now, 0, label_row, &b, errmsg);
	if (rc)
		return rc;
	family(out, "redress_escalations_total", "counter",
	       "Escalations of overdue obligations (level 1: the owner's manager; level 2: further up).");
	by_label_write(out, "redress_escalations_total", "level", &b);
	return RD_OK;
}

static const char *const failure_states[] = {"open", "investigating", "identified", "remediating", "resolved",
					     "closed"};
#define NFSTATES 6

struct failure_counts {
	int64_t n[NFSTATES][4];
};

static void failure_row(struct rd_stmt *st, void *ctx)
{
	struct failure_counts *c = ctx;
	int i = index_of(failure_states, NFSTATES, rd_stmt_col_text(st, 0));
	int64_t sev = rd_stmt_col_int(st, 1);
	if (i >= 0 && sev >= 1 && sev <= 4)
		c->n[i][sev - 1] += rd_stmt_col_int(st, 2);
}

static enum rd_err failures(struct rd_store *s, int64_t now, struct rd_buf *out, char **errmsg)
{
	struct failure_counts c;
	memset(&c, 0, sizeof c);
	enum rd_err rc = each_row(s, "failures",
		"SELECT status, severity, count(*) FROM failures WHERE detected_at <= ?1 GROUP BY 1, 2",
		now, 0, failure_row, &c, errmsg);
	if (rc)
		return rc;
	family(out, "redress_failures", "gauge", "Failures by status and severity (1 is the worst).");
	for (int i = 0; i < NFSTATES; i++)
		for (int sev = 1; sev <= 4; sev++)
			rd_buf_addf(out, "redress_failures{status=\"%s\",severity=\"%d\"} %" PRId64 "\n",
				    failure_states[i], sev, c.n[i][sev - 1]);
	return RD_OK;
}

static enum rd_err commitments(struct rd_store *s, int64_t now, struct rd_buf *out, char **errmsg)
{
	static const char *const states[] = {"open", "overdue"};
	struct by_label b = {states, 2, {0}};
	enum rd_err rc = each_row(s, "commitments",
		"SELECT CASE WHEN due_at IS NOT NULL AND due_at < ?1 THEN 'overdue' ELSE 'open' END, count(*) "
		"FROM commitments WHERE status = 'open' GROUP BY 1", now, 0, label_row, &b, errmsg);
	if (rc)
		return rc;
	family(out, "redress_open_commitments", "gauge",
	       "Commitments to clients not yet kept or broken: overdue (past their date) or open (not yet due).");
	by_label_write(out, "redress_open_commitments", "state", &b);
	return RD_OK;
}

static enum rd_err goodwill(struct rd_store *s, int64_t now, struct rd_buf *out, char **errmsg)
{
	static const char *const states[] = {"proposed", "approved", "delivered", "declined"};
	struct by_label b = {states, 4, {0}};
	enum rd_err rc = each_row(s, "goodwill", "SELECT status, count(*) FROM goodwill GROUP BY 1", now, 0,
				  label_row, &b, errmsg);
	if (rc)
		return rc;
	family(out, "redress_goodwill", "gauge", "Goodwill gestures by status.");
	by_label_write(out, "redress_goodwill", "status", &b);
	return RD_OK;
}

/* How trust is spread over the clients now: a histogram of every client's
 * score (lib/trust.c, the same figure as `redress trust`), so a dashboard
 * can chart the share of clients below 40 or the mean. Computed over all
 * clients at scrape time; the server caches the figures for a few seconds. */
static enum rd_err trust(struct rd_store *s, int64_t now, struct rd_buf *out, char **errmsg)
{
	static const int le[] = {20, 40, 60, 80, 100};
	int64_t n[5] = {0};
	int64_t count = 0;
	double sum = 0;
	json_t *all = NULL;
	enum rd_err rc = rd_trust_portfolio(s, now, 0, &all, errmsg);
	if (rc)
		return rc;
	size_t i;
	json_t *c;
	json_array_foreach(all, i, c) {
		double score = json_number_value(json_object_get(c, "score"));
		for (size_t b = 0; b < 5; b++)
			if (score <= le[b])
				n[b]++;
		sum += score;
		count++;
	}
	json_decref(all);
	family(out, "redress_client_trust", "histogram",
	       "Clients by trust score (0-100) now, as `redress trust` computes it.");
	for (size_t b = 0; b < 5; b++)
		rd_buf_addf(out, "redress_client_trust_bucket{le=\"%d\"} %" PRId64 "\n", le[b], n[b]);
	rd_buf_addf(out, "redress_client_trust_bucket{le=\"+Inf\"} %" PRId64 "\n", count);
	rd_buf_addf(out, "redress_client_trust_sum %.1f\n", sum);
	rd_buf_addf(out, "redress_client_trust_count %" PRId64 "\n", count);
	return RD_OK;
}

/* The families, in output order. Adding one is a row and a function.
 * Extension point, not here because its data does not exist yet: the
 * outbox, once delivery exists: redress_outbox_depth (gauge, queued
 * messages) and redress_outbox_failures_total (counter). Not faked
 * meanwhile: a missing family is better than a wrong one. */
static const struct {
	const char *name;
	enum rd_err (*write)(struct rd_store *s, int64_t now, struct rd_buf *out, char **errmsg);
} families[] = {
	{"obligations", obligations},
	{"chases", chases},
	{"escalations", escalations},
	{"failures", failures},
	{"commitments", commitments},
	{"goodwill", goodwill},
	{"trust", trust},
};

enum rd_err rd_opsmetrics_write(struct rd_store *s, int64_t now, struct rd_buf *out, char **errmsg)
{
	enum rd_err rc = RD_OK;
	for (size_t i = 0; rc == RD_OK && i < sizeof families / sizeof families[0]; i++)
		rc = families[i].write(s, now, out, errmsg);
	if (rc == RD_OK && out->oom)
		rc = rd_fail(RD_ENOMEM, errmsg, "metrics: out of memory");
	return rc;
}
