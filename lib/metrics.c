/* metrics.c — recovery metrics over a period (docs/metrics.md): one
 * set-based query per figure over the tracks of the failures detected in
 * the period, grouped in SQL by failure, owner or tier; percentiles and
 * rates are finished here. Reads only: it never writes or refreshes. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "model_int.h"
#include "redress/clock.h"
#include "redress/metrics.h"
#include "redress/policy.h"
#include "redress/time.h"

/* The tracks of the period: every affected (or suspected) client of every
 * failure detected in [?1, ?2) and by ?4 (the as-of instant), with the key
 * and label of its group (?3: "failure", "owner", "tier" or "overall"). The
 * owner is the agenda's: the impact's point person, else the client's. */
#define TRACKS                                                                                   \
	"WITH tr AS MATERIALIZED (SELECT i.failure_id AS fid, i.client_id AS cid, f.detected_at AS det, "      \
	"f.resolved_at AS res, c.value_cents AS value, c.currency AS currency, "                  \
	"CASE ?3 WHEN 'failure' THEN CAST(f.id AS TEXT) WHEN 'owner' THEN COALESCE(u.email, '') " \
	"WHEN 'tier' THEN c.tier ELSE 'all' END AS grp, "                                         \
	"CASE ?3 WHEN 'failure' THEN f.title WHEN 'owner' THEN COALESCE(u.name, 'no owner') "     \
	"WHEN 'tier' THEN c.tier ELSE 'all' END AS label "                                        \
	"FROM failures f CROSS JOIN impacts i JOIN clients c ON c.id = i.client_id "              \
	"LEFT JOIN users u ON u.id = COALESCE(i.point_person_id, c.owner_id) "                    \
	"WHERE i.failure_id = f.id AND i.affected <> 'no' AND f.detected_at >= ?1 AND f.detected_at < ?2 "                \
	"AND f.detected_at <= ?4) "

static const char q_groups[] = TRACKS
	"SELECT grp, min(label), count(DISTINCT fid), count(*) FROM tr GROUP BY grp "
	"ORDER BY min(det), grp";

/* First outbound, client-visible apology of each track, minus detection. */
static const char q_apology[] = TRACKS
	"SELECT grp, (SELECT min(m.at) FROM communications m WHERE m.failure_id = tr.fid "
	"AND m.client_id = tr.cid AND m.direction = 'out' AND m.kind = 'apology' "
	"AND m.visibility = 'client' AND m.at <= ?4) - det AS d FROM tr ORDER BY grp, d NULLS FIRST";

/* Stored obligations open by the as-of instant, in their state then. */
static const char q_steps[] = TRACKS
	"SELECT grp, kind, st, count(*) FROM (SELECT tr.grp AS grp, o.kind AS kind, CASE "
	"WHEN o.waived_at IS NOT NULL AND o.waived_at <= ?4 THEN 'waived' "
	"WHEN o.met_at IS NOT NULL AND o.met_at <= ?4 THEN "
	"  CASE WHEN o.met_at <= o.due_at THEN 'on_time' ELSE 'late' END "
	"WHEN o.due_at < ?4 THEN 'overdue' ELSE 'pending' END AS st "
	"FROM tr CROSS JOIN obligations o "
	"WHERE o.failure_id = tr.fid AND o.client_id = tr.cid AND o.opens_at <= ?4) AS x GROUP BY grp, kind, st";

/* Commitments of the tracks made by the as-of instant, in their state then. */
static const char q_promises[] = TRACKS
	"SELECT grp, st, count(*) FROM (SELECT tr.grp AS grp, CASE "
	"WHEN k.status = 'kept' AND k.settled_at <= ?4 THEN "
	"  CASE WHEN k.due_at IS NULL OR k.settled_at <= k.due_at THEN 'kept_on_time' ELSE 'kept_late' END "
	"WHEN k.status = 'broken' AND k.settled_at <= ?4 THEN 'broken' "
	"WHEN k.due_at IS NOT NULL AND k.due_at < ?4 THEN 'open_overdue' "
	"WHEN k.status = 'renegotiated' THEN 'renegotiated' ELSE 'open' END AS st "
	"FROM tr JOIN commitments k ON k.failure_id = tr.fid AND k.client_id = tr.cid "
	"WHERE k.created_at <= ?4) AS x GROUP BY grp, st";

/* Per track: the first ETA promised (the first plan's stated ETA, else the
 * first revision, as the clock counts it), the resolution, and how many
 * revisions changed the ETA in force. */
static const char q_eta[] = TRACKS
	", pl AS (SELECT grp, fid, cid, res, (SELECT m.fact_eta FROM communications m "
	"  WHERE m.failure_id = tr.fid AND m.client_id = tr.cid AND m.kind = 'plan' "
	"  AND m.direction = 'out' AND m.fact_eta IS NOT NULL AND m.at <= ?4 "
	"  ORDER BY m.at, m.id LIMIT 1) AS peta FROM tr), "
	"ev AS (SELECT pl.fid AS fid, pl.cid AS cid, pl.peta AS peta, e.eta AS eta, "
	"  LAG(e.eta) OVER w AS prev, ROW_NUMBER() OVER w AS rn "
	"  FROM pl JOIN eta_revisions e ON e.failure_id = pl.fid "
	"  AND (e.client_id IS NULL OR e.client_id = pl.cid) WHERE e.at <= ?4 "
	"  WINDOW w AS (PARTITION BY pl.fid, pl.cid ORDER BY e.at, e.id)), "
	"agg AS (SELECT fid, cid, max(CASE WHEN rn = 1 THEN eta END) AS first_rev, "
	"  sum(CASE WHEN (rn = 1 AND peta IS NOT NULL AND eta <> peta) OR (rn > 1 AND eta <> prev) "
	"  THEN 1 ELSE 0 END) AS revs FROM ev GROUP BY fid, cid) "
	"SELECT grp, COALESCE(pl.peta, agg.first_rev) AS first, "
	"CASE WHEN pl.res <= ?4 THEN pl.res END AS res, COALESCE(agg.revs, 0), "
	"abs(CASE WHEN pl.res <= ?4 THEN pl.res END - COALESCE(pl.peta, agg.first_rev)) AS err "
	"FROM pl LEFT JOIN agg ON agg.fid = pl.fid AND agg.cid = pl.cid ORDER BY grp, err NULLS FIRST";

/* Inbound chases of each group's tracks. */
static const char q_chases[] = TRACKS
	"SELECT grp, sum((SELECT count(*) FROM communications m WHERE m.failure_id = tr.fid "
	"AND m.client_id = tr.cid AND m.direction = 'in' AND m.chase = 1 AND m.at <= ?4)) "
	"FROM tr GROUP BY grp";

/* Scored survey answers of the tracks' surveys, by score. */
static const char q_survey[] = TRACKS
	"SELECT tr.grp, a.score, count(*) FROM tr JOIN surveys v ON v.client_id = tr.cid "
	"AND v.failure_id = tr.fid JOIN survey_answers a ON a.survey_id = v.id "
	"WHERE a.score IS NOT NULL AND a.at <= ?4 GROUP BY tr.grp, a.score";

/* Goodwill of the tracks per currency, by its state at the as-of instant
 * (a decision after it counts as still proposed), and the yearly value of
 * the group's distinct clients per currency. */
static const char q_goodwill[] = TRACKS
	"SELECT grp, currency, sum(p), sum(a), sum(d), sum(v) FROM ("
	"SELECT tr.grp AS grp, g.currency AS currency, "
	"CASE WHEN g.decided_at IS NULL OR g.decided_at > ?4 THEN g.amount_cents ELSE 0 END AS p, "
	"CASE WHEN g.status = 'approved' AND g.decided_at <= ?4 THEN g.amount_cents ELSE 0 END AS a, "
	"CASE WHEN g.status = 'delivered' AND g.decided_at <= ?4 THEN g.amount_cents ELSE 0 END AS d, "
	"0 AS v FROM tr JOIN goodwill g ON g.failure_id = tr.fid AND g.client_id = tr.cid "
	"WHERE g.created_at <= ?4 AND g.status <> 'declined' "
	"UNION ALL SELECT grp, currency, 0, 0, 0, value FROM "
	"(SELECT DISTINCT grp, cid, currency, value FROM tr) AS t) AS x GROUP BY grp, currency ORDER BY grp, currency";

static const char *const by_names[] = {"overall", "failure", "owner", "tier"};

enum rd_err rd_metrics_by_parse(const char *s, enum rd_metrics_by *out, char **errmsg)
{
	if (!s || !*s) {
		*out = RD_METRICS_OVERALL;
		return RD_OK;
	}
	for (int i = 0; i < 4; i++)
		if (strcmp(s, by_names[i]) == 0) {
			*out = (enum rd_metrics_by)i;
			return RD_OK;
		}
	return rd_fail(RD_EINVAL, errmsg, "'%s' is not a metrics grouping (accepted: failure, owner, tier)", s);
}

const char *rd_metrics_by_name(enum rd_metrics_by by)
{
	return (unsigned)by < 4 ? by_names[by] : "overall";
}

int64_t rd_metrics_percentile(const int64_t *v, size_t n, int p)
{
	size_t rank = ((size_t)p * n + 99) / 100; /* ceil(p/100 * n), in integers */
	if (rank < 1)
		rank = 1;
	if (rank > n)
		rank = n;
	return v[rank - 1];
}

int64_t rd_metrics_median(const int64_t *v, size_t n)
{
	if (n % 2)
		return v[n / 2];
	int64_t a = v[n / 2 - 1], b = v[n / 2];
	return a + (b - a) / 2;
}

/* ---- building the groups ---- */

static json_t *rate(int64_t num, int64_t den)
{
	return den > 0 ? json_real((double)num / (double)den) : json_null();
}

static json_t *money(int64_t cents)
{
	char buf[32];
	return json_string(rd_money_decimal(cents, buf, sizeof buf));
}

static json_t *group_new(const char *key, const char *label, int64_t failures, int64_t clients)
{
	json_t *dist = json_array();
	for (int i = 0; i <= 10; i++)
		json_array_append_new(dist, json_integer(0));
	return json_pack("{ss ss sI sI s{si si sn sn} s[] s{si si si si si si sn sn}"
			 " s{si si sn sn sn si si sn} s{si sn} s{si sn so} s[]}",
		"group", key, "label", label, "failures", (json_int_t)failures,
		"affected_clients", (json_int_t)clients,
		"time_to_apology", "apologised", 0, "waiting", 0, "median_seconds", "p90_seconds",
		"steps",
		"promises", "kept_on_time", 0, "kept_late", 0, "broken", 0, "open_overdue", 0,
		"renegotiated", 0, "open", 0, "kept_on_time_rate", "kept_rate",
		"eta", "tracks", 0, "resolved", 0, "mean_abs_error_seconds", "median_abs_error_seconds",
		"mean_error_seconds", "revisions", 0, "max_revisions", 0, "revisions_per_track",
		"chases", "total", 0, "per_affected_client",
		"survey", "answers", 0, "mean", "distribution", dist,
		"goodwill");
}

struct run {
	struct rd_store *s;
	int64_t from, to, as_of;
	const char *by;
	json_t *index; /* group key -> group object (borrowed from the array) */
	char **errmsg;
};

static enum rd_err prepare(struct run *r, const char *sql, struct rd_stmt **st)
{
	enum rd_err rc = rd_store_prepare(r->s, sql, st);
	if (rc)
		return rc;
	rd_stmt_bind_int(*st, 1, r->from);
	rd_stmt_bind_int(*st, 2, r->to);
	rd_stmt_bind_text(*st, 3, r->by);
	rd_stmt_bind_int(*st, 4, r->as_of);
	return RD_OK;
}

static json_t *group_of(struct run *r, struct rd_stmt *st)
{
	const char *k = rd_stmt_col_text(st, 0);
	return json_object_get(r->index, k ? k : "");
}

/* Runs SQL (bound as prepare() binds) and hands FN every row whose group
 * (column 0) is one of the run's; rows of other groups are skipped. */
static enum rd_err each_group_row(struct run *r, const char *sql, void (*fn)(json_t *g, struct rd_stmt *st))
{
	struct rd_stmt *st;
	enum rd_err rc = prepare(r, sql, &st);
	if (rc)
		return rc;
	bool row;
	while ((rc = rd_stmt_step(st, &row)) == RD_OK && row) {
		json_t *g = group_of(r, st);
		if (g)
			fn(g, st);
	}
	rd_stmt_free(st);
	return rc;
}

static void set_int(json_t *o, const char *sub, const char *key, int64_t v)
{
	json_object_set_new(json_object_get(o, sub), key, json_integer(v));
}

static int64_t get_int(json_t *o, const char *sub, const char *key)
{
	return json_integer_value(json_object_get(json_object_get(o, sub), key));
}

struct vals {
	int64_t *v;
	size_t n, cap;
};

static enum rd_err vals_push(struct vals *a, int64_t x)
{
	if (a->n == a->cap) {
		size_t cap = a->cap ? a->cap * 2 : 64;
		int64_t *nv = realloc(a->v, cap * sizeof *nv);
		if (!nv)
			return RD_ENOMEM;
		a->v = nv;
		a->cap = cap;
	}
	a->v[a->n++] = x;
	return RD_OK;
}

static void apology_flush(json_t *g, struct vals *a, int64_t waiting)
{
	if (!g)
		return;
	set_int(g, "time_to_apology", "apologised", (int64_t)a->n);
	set_int(g, "time_to_apology", "waiting", waiting);
	if (a->n) {
		json_t *t = json_object_get(g, "time_to_apology");
		json_object_set_new(t, "median_seconds", json_integer(rd_metrics_median(a->v, a->n)));
		json_object_set_new(t, "p90_seconds", json_integer(rd_metrics_percentile(a->v, a->n, 90)));
	}
}

/* Rows come sorted by group, then delay (NULL, never apologised, first). */
static enum rd_err apology(struct run *r)
{
	struct rd_stmt *st;
	enum rd_err rc = prepare(r, q_apology, &st);
	if (rc)
		return rc;
	struct vals a = {0};
	json_t *cur = NULL;
	int64_t waiting = 0;
	bool row;
	while ((rc = rd_stmt_step(st, &row)) == RD_OK && row) {
		json_t *g = group_of(r, st);
		if (g != cur) {
			apology_flush(cur, &a, waiting);
			cur = g;
			a.n = 0;
			waiting = 0;
		}
		if (rd_stmt_col_null(st, 1))
			waiting++;
		else if ((rc = vals_push(&a, rd_stmt_col_int(st, 1) < 0 ? 0 : rd_stmt_col_int(st, 1))))
			break;
	}
	if (rc == RD_OK)
		apology_flush(cur, &a, waiting);
	free(a.v);
	rd_stmt_free(st);
	return rc;
}

static enum rd_err steps(struct run *r)
{
	struct rd_stmt *st;
	enum rd_err rc = prepare(r, q_steps, &st);
	if (rc)
		return rc;
	json_t *by_group = json_object(); /* group -> {kind -> counts} */
	bool row;
	while ((rc = rd_stmt_step(st, &row)) == RD_OK && row) {
		const char *k = rd_stmt_col_text(st, 0), *kind = rd_stmt_col_text(st, 1);
		const char *state = rd_stmt_col_text(st, 2);
		if (!k || !kind || !state)
			continue;
		json_t *kinds = json_object_get(by_group, k);
		if (!kinds)
			json_object_set_new(by_group, k, kinds = json_object());
		json_t *c = json_object_get(kinds, kind);
		if (!c)
			json_object_set_new(kinds, kind, c = json_pack("{si si si si si}", "on_time", 0, "late", 0,
								       "overdue", 0, "pending", 0, "waived", 0));
		json_object_set_new(c, state, json_integer(rd_stmt_col_int(st, 3)));
	}
	rd_stmt_free(st);
	/* Into each group's array, in the playbook's order of steps. */
	const char *key;
	json_t *kinds;
	json_object_foreach(by_group, key, kinds) {
		json_t *g = json_object_get(r->index, key);
		if (!g)
			continue;
		json_t *arr = json_object_get(g, "steps");
		for (int s = 0; s < RD_STEP_COUNT; s++) {
			json_t *c = json_object_get(kinds, rd_step_name((enum rd_step)s));
			if (!c)
				continue;
			int64_t on = json_integer_value(json_object_get(c, "on_time"));
			int64_t late = json_integer_value(json_object_get(c, "late"));
			int64_t over = json_integer_value(json_object_get(c, "overdue"));
			json_t *o = json_pack("{ss ss}", "kind", rd_step_name((enum rd_step)s), "title",
					      rd_step_title((enum rd_step)s));
			json_object_update(o, c);
			json_object_set_new(o, "on_time_rate", rate(on, on + late + over));
			json_array_append_new(arr, o);
		}
	}
	json_decref(by_group);
	return rc;
}

static void promise_row(json_t *g, struct rd_stmt *st)
{
	const char *state = rd_stmt_col_text(st, 1);
	if (state)
		set_int(g, "promises", state, rd_stmt_col_int(st, 2));
}

static enum rd_err promises(struct run *r)
{
	enum rd_err rc = each_group_row(r, q_promises, promise_row);
	const char *key;
	json_t *g;
	json_object_foreach(r->index, key, g) {
		int64_t on = get_int(g, "promises", "kept_on_time"), late = get_int(g, "promises", "kept_late");
		int64_t due = on + late + get_int(g, "promises", "broken") + get_int(g, "promises", "open_overdue");
		json_t *p = json_object_get(g, "promises");
		json_object_set_new(p, "kept_on_time_rate", rate(on, due));
		json_object_set_new(p, "kept_rate", rate(on + late, due));
	}
	return rc;
}

struct eta_acc {
	json_t *g;
	struct vals err;       /* |resolution - first ETA|, sorted */
	int64_t signed_sum, tracks, revs, max_revs;
};

static void eta_flush(struct eta_acc *e)
{
	if (!e->g)
		return;
	json_t *o = json_object_get(e->g, "eta");
	json_object_set_new(o, "tracks", json_integer(e->tracks));
	json_object_set_new(o, "resolved", json_integer((json_int_t)e->err.n));
	json_object_set_new(o, "revisions", json_integer(e->revs));
	json_object_set_new(o, "max_revisions", json_integer(e->max_revs));
	json_object_set_new(o, "revisions_per_track", rate(e->revs, e->tracks));
	if (e->err.n) {
		int64_t sum = 0;
		for (size_t i = 0; i < e->err.n; i++)
			sum += e->err.v[i];
		json_object_set_new(o, "mean_abs_error_seconds", json_integer(sum / (int64_t)e->err.n));
		json_object_set_new(o, "median_abs_error_seconds",
				    json_integer(rd_metrics_median(e->err.v, e->err.n)));
		json_object_set_new(o, "mean_error_seconds", json_integer(e->signed_sum / (int64_t)e->err.n));
	}
}

static enum rd_err eta(struct run *r)
{
	struct rd_stmt *st;
	enum rd_err rc = prepare(r, q_eta, &st);
	if (rc)
		return rc;
	struct eta_acc e = {0};
	bool row;
	while ((rc = rd_stmt_step(st, &row)) == RD_OK && row) {
		json_t *g = group_of(r, st);
		if (g != e.g) {
			eta_flush(&e);
			struct vals keep = e.err;
			memset(&e, 0, sizeof e);
			e.err.v = keep.v;
			e.err.cap = keep.cap;
			e.g = g;
		}
		if (rd_stmt_col_null(st, 1))
			continue; /* no ETA was ever promised to this client */
		int64_t first = rd_stmt_col_int(st, 1), revs = rd_stmt_col_int(st, 3);
		e.tracks++;
		e.revs += revs;
		if (revs > e.max_revs)
			e.max_revs = revs;
		if (!rd_stmt_col_null(st, 2)) {
			e.signed_sum += rd_stmt_col_int(st, 2) - first;
			if ((rc = vals_push(&e.err, rd_stmt_col_int(st, 4))))
				break;
		}
	}
	if (rc == RD_OK)
		eta_flush(&e);
	free(e.err.v);
	rd_stmt_free(st);
	return rc;
}

static void chase_row(json_t *g, struct rd_stmt *st)
{
	int64_t n = rd_stmt_col_int(st, 1);
	json_t *c = json_object_get(g, "chases");
	json_object_set_new(c, "total", json_integer(n));
	json_object_set_new(c, "per_affected_client",
			    rate(n, json_integer_value(json_object_get(g, "affected_clients"))));
}

static enum rd_err chases(struct run *r)
{
	return each_group_row(r, q_chases, chase_row);
}

static void survey_row(json_t *g, struct rd_stmt *st)
{
	int64_t score = rd_stmt_col_int(st, 1), n = rd_stmt_col_int(st, 2);
	if (score >= 0 && score <= 10)
		json_array_set_new(json_object_get(json_object_get(g, "survey"), "distribution"), (size_t)score,
				   json_integer(n));
}

/* The answers and their mean follow from the 0-10 distribution. */
static enum rd_err survey(struct run *r)
{
	enum rd_err rc = each_group_row(r, q_survey, survey_row);
	const char *key;
	json_t *g;
	json_object_foreach(r->index, key, g) {
		json_t *s = json_object_get(g, "survey");
		int64_t n = 0, sum = 0;
		for (int i = 0; i <= 10; i++) {
			int64_t c = json_integer_value(json_array_get(json_object_get(s, "distribution"), (size_t)i));
			n += c;
			sum += c * i;
		}
		json_object_set_new(s, "answers", json_integer(n));
		json_object_set_new(s, "mean", rate(sum, n));
	}
	return rc;
}

static void goodwill_row(json_t *g, struct rd_stmt *st)
{
	int64_t p = rd_stmt_col_int(st, 2), a = rd_stmt_col_int(st, 3), d = rd_stmt_col_int(st, 4);
	int64_t v = rd_stmt_col_int(st, 5);
	json_t *o = json_pack("{ss}", "currency", rd_stmt_col_text(st, 1) ? rd_stmt_col_text(st, 1) : "");
	json_object_set_new(o, "proposed", money(p));
	json_object_set_new(o, "approved", money(a));
	json_object_set_new(o, "delivered", money(d));
	json_object_set_new(o, "granted", money(a + d));
	json_object_set_new(o, "client_value", money(v));
	json_object_set_new(o, "ratio", rate(a + d, v));
	json_array_append_new(json_object_get(g, "goodwill"), o);
}

static enum rd_err goodwill(struct run *r)
{
	return each_group_row(r, q_goodwill, goodwill_row);
}

/* The groups of BY as an array (one element "all" for overall; empty when
 * the period holds no track). */
static enum rd_err compute(struct rd_store *s, int64_t from, int64_t to, int64_t as_of, const char *by,
			   json_t **out, char **errmsg)
{
	struct run r = {s, from, to, as_of, by, json_object(), errmsg};
	json_t *groups = json_array();
	struct rd_stmt *st = NULL;
	enum rd_err rc = prepare(&r, q_groups, &st);
	bool row;
	while (rc == RD_OK && (rc = rd_stmt_step(st, &row)) == RD_OK && row) {
		const char *k = rd_stmt_col_text(st, 0), *label = rd_stmt_col_text(st, 1);
		json_t *g = group_new(k ? k : "", label ? label : "", rd_stmt_col_int(st, 2), rd_stmt_col_int(st, 3));
		if (!g) {
			rc = RD_ENOMEM;
			break;
		}
		json_array_append_new(groups, g);
		json_object_set(r.index, k ? k : "", g);
	}
	rd_stmt_free(st);
	enum rd_err (*const parts[])(struct run *) = {apology, steps, promises, eta, chases, survey, goodwill};
	for (size_t i = 0; rc == RD_OK && i < sizeof parts / sizeof parts[0]; i++)
		rc = parts[i](&r);
	json_decref(r.index);
	if (rc) {
		json_decref(groups);
		return rc == RD_ENOMEM ? rd_fail(rc, errmsg, "out of memory computing metrics")
				       : rd_fail(RD_EDB, errmsg, "computing metrics: %s", rd_store_errmsg(s));
	}
	*out = groups;
	return RD_OK;
}

enum rd_err rd_metrics(struct rd_store *s, int64_t now, int64_t from, int64_t to,
		       enum rd_metrics_by by, json_t **out, char **errmsg)
{
	char f[RD_TIME_BUFSZ], t[RD_TIME_BUFSZ], a[RD_TIME_BUFSZ];
	if (from >= to)
		return rd_fail(RD_EINVAL, errmsg, "the period is empty: from (%s) must be before to (%s)",
			       rd_time_format(from, f), rd_time_format(to, t));
	int64_t as_of = to < now ? to : now;
	json_t *all = NULL, *groups = NULL;
	/* One read transaction: every figure sees the same database. */
	enum rd_err rc = rd_store_begin(s);
	if (rc)
		return rd_fail(rc, errmsg, "cannot start a transaction: %s", rd_store_errmsg(s));
	rc = compute(s, from, to, as_of, "overall", &all, errmsg);
	if (rc == RD_OK && by != RD_METRICS_OVERALL)
		rc = compute(s, from, to, as_of, rd_metrics_by_name(by), &groups, errmsg);
	if (rc) {
		rd_store_rollback(s);
		json_decref(all);
		return rc;
	}
	if ((rc = rd_store_commit(s))) {
		json_decref(all);
		json_decref(groups);
		return rd_fail(RD_EDB, errmsg, "commit failed: %s", rd_store_errmsg(s));
	}
	json_t *overall = json_array_get(all, 0);
	*out = json_pack("{ss ss ss ss sO so}", "from", rd_time_format(from, f), "to", rd_time_format(to, t),
			 "as_of", rd_time_format(as_of, a), "by", rd_metrics_by_name(by),
			 "overall", overall ? overall : json_null(), "groups", groups ? groups : json_array());
	if (!overall) /* no track in the period: every figure is zero or unknown */
		json_object_set_new(*out, "overall", group_new("all", "all", 0, 0));
	json_decref(all);
	return *out ? RD_OK : rd_fail(RD_ENOMEM, errmsg, "out of memory");
}
