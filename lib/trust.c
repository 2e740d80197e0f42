/* trust.c — the trust score of a client (trust.h, docs/trust.md).
 *
 * rd_trust_compute is pure: one client's facts and an instant in, a score
 * and its explanation out, so "30 days ago" is the same facts at another
 * instant. The loader gathers those facts with one prepared query per kind
 * of fact (for one client through its indexes, or for every client in one
 * pass each for the portfolio); trust_history keeps each change. */
#include <inttypes.h>
#include <stdarg.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model_int.h"
#include "redress/agenda.h"
#include "redress/time.h"
#include "redress/trust.h"
#include "util/buf.h"
#include "util/digits.h"
#include "util/jsonw.h"

/* ---- the pure model ------------------------------------------------------ */

static double e4(int64_t v)
{
	return (double)v / 10000.0;
}

/* "45 min", "3 h", "2.5 h", "3 days", "4.5 days". Every contribution of
 * every trust read has one: the digits are written here where printf
 * would write the same (an integer; a tenth M / 10 of an integral M, which
 * "%.1f" gives back exactly), else by snprintf. */
static void span_text(int64_t secs, char *buf, size_t n)
{
	if (n >= 32 && secs >= 0 && secs < 3600) {
		memcpy(rd_put_uint(buf, (uint64_t)((secs + 59) / 60)), " min", 5);
		return;
	}
	if (secs < 3600) {
		snprintf(buf, n, "%" PRId64 " min", (secs + 59) / 60);
		return;
	}
	double v = secs < 48 * 3600 ? (double)secs / 3600.0 : (double)secs / 86400.0;
	const char *unit = secs < 48 * 3600 ? " h" : " days";
	double m = round(v * 10.0), r = m / 10.0;
	if (n >= 32 && m < 1e14) {
		char *p = rd_put_uint(buf, (uint64_t)m / 10);
		if (r != floor(r)) {
			*p++ = '.';
			*p++ = (char)('0' + (uint64_t)m % 10);
		}
		memcpy(p, unit, strlen(unit) + 1);
		return;
	}
	if (r == floor(r))
		snprintf(buf, n, "%.0f%s", r, unit);
	else
		snprintf(buf, n, "%.1f%s", r, unit);
}

/* FMT and its arguments appended to B as rd_buf_vaddf appends them: the
 * reasons' formats hold only %s (and %%), written here; any other
 * conversion, or a NULL string, goes to vsnprintf from the start. */
static void reason_vaddf(struct rd_buf *b, const char *fmt, va_list ap)
{
	va_list again;
	va_copy(again, ap);
	size_t start = b->len;
	for (const char *p = fmt; *p;) {
		const char *q = strchr(p, '%');
		if (!q) {
			rd_buf_adds(b, p);
			break;
		}
		rd_buf_add(b, p, (size_t)(q - p));
		if (q[1] == 's') {
			const char *arg = va_arg(ap, const char *);
			if (!arg)
				goto printf;
			rd_buf_adds(b, arg);
		} else if (q[1] == '%') {
			rd_buf_addc(b, '%');
		} else {
			goto printf;
		}
		p = q + 2;
	}
	va_end(again);
	return;
printf:
	b->len = start;
	if (b->data)
		b->data[start] = '\0';
	rd_buf_vaddf(b, fmt, again);
	va_end(again);
}

struct acc {
	const struct rd_trust_policy *w;
	const struct rd_trust_fact *f;
	size_t nf;
	int64_t at;
	double half_life;       /* seconds */
	bool explain;
	double sum;
	struct rd_trust_contribution *items;
	size_t n, cap;
	bool oom;
};

static const char *failure_title(const struct acc *a, int64_t failure_id)
{
	for (size_t i = 0; failure_id && i < a->nf; i++)
		if (a->f[i].kind == RD_TF_FAILURE && a->f[i].failure_id == failure_id && a->f[i].what)
			return a->f[i].what;
	return NULL;
}

/* Adds RAW points for an event at WHEN, weighted by its age; the reason is
 * formatted only when explaining. */
static void add(struct acc *a, double raw, int64_t when, int64_t failure_id, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
static void add(struct acc *a, double raw, int64_t when, int64_t failure_id, const char *fmt, ...)
{
	if (raw == 0.0)
		return;
	double age = when < a->at ? (double)(a->at - when) : 0.0;
	double weight = a->half_life > 0 ? exp2(-age / a->half_life) : 1.0;
	double pts = round(raw * weight * 10.0) / 10.0;
	if (pts == 0.0)
		return;
	a->sum += pts;
	if (!a->explain)
		return;
	if (a->n == a->cap) {
		size_t cap = a->cap ? 2 * a->cap : 16;
		struct rd_trust_contribution *p = realloc(a->items, cap * sizeof *p);
		if (!p) {
			a->oom = true;
			return;
		}
		a->items = p;
		a->cap = cap;
	}
	struct rd_buf b = RD_BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	reason_vaddf(&b, fmt, ap);
	va_end(ap);
	const char *title = failure_title(a, failure_id);
	if (title) {
		rd_buf_adds(&b, " on ");
		rd_buf_adds(&b, title);
	}
	if (weight < 0.995) {
		char sp[32];
		span_text((int64_t)age, sp, sizeof sp);
		rd_buf_adds(&b, " (");
		rd_buf_adds(&b, sp);
		/* "%.0f" of 0 <= pc < 100: the nearest integer, ties to even in
		 * the default rounding mode, as printf rounds (nearbyint) */
		double pc = weight * 100.0;
		if (pc >= 0.0 && pc < 1e9) {
			char num[24];
			*rd_put_uint(num, (uint64_t)nearbyint(pc)) = '\0';
			rd_buf_adds(&b, " ago: counted at ");
			rd_buf_adds(&b, num);
			rd_buf_adds(&b, "%)");
		} else {
			rd_buf_addf(&b, " ago: counted at %.0f%%)", pc);
		}
	}
	char *reason = rd_buf_detach(&b);
	if (!reason) {
		a->oom = true;
		return;
	}
	a->items[a->n++] = (struct rd_trust_contribution){pts, when, reason};
}

static double late_points(const struct rd_trust_policy *w, int64_t secs)
{
	double p = e4(w->step_late_per_hour_e4) * (double)secs / 3600.0;
	return p > e4(w->step_late_max_e4) ? e4(w->step_late_max_e4) : p;
}

static void obligation(struct acc *a, const struct rd_trust_fact *f)
{
	const struct rd_trust_policy *w = a->w;
	const char *step = f->what ? f->what : "update";
	char sp[32] = "";
	if (f->t2 && f->t2 <= a->at)
		return; /* waived: not owed */
	if (f->t1 && f->t1 <= a->at) {
		if (f->t1 <= f->t0) {
			add(a, e4(w->step_on_time_e4), f->t1, f->failure_id, "%s on time", step);
		} else {
			if (a->explain)
				span_text(f->t1 - f->t0, sp, sizeof sp);
			add(a, -late_points(w, f->t1 - f->t0), f->t1, f->failure_id, "%s %s late", step, sp);
		}
	} else if (f->t0 < a->at) {
		if (a->explain)
			span_text(a->at - f->t0, sp, sizeof sp);
		add(a, -(late_points(w, a->at - f->t0) + e4(w->step_overdue_e4)), f->t0, f->failure_id,
		    "%s overdue by %s", step, sp);
	}
}

static void commitment(struct acc *a, const struct rd_trust_fact *f)
{
	const struct rd_trust_policy *w = a->w;
	const char *text = f->what ? f->what : "";
	if (f->t2 > a->at)
		return; /* not made yet */
	if (f->n && f->t1 && f->t1 <= a->at) {
		if (f->n == 2)
			add(a, -e4(w->promise_broken_e4), f->t1, f->failure_id, "promise broken: '%s'", text);
		else if (f->t0 && f->t1 > f->t0)
			add(a, -e4(w->promise_kept_late_e4), f->t1, f->failure_id, "promise kept late: '%s'", text);
		else
			add(a, e4(w->promise_kept_e4), f->t1, f->failure_id, "promise kept: '%s'", text);
	} else if (f->t0 && f->t0 < a->at) {
		char sp[32] = "";
		if (a->explain)
			span_text(a->at - f->t0, sp, sizeof sp);
		add(a, -e4(w->promise_overdue_e4), f->t0, f->failure_id, "promise overdue by %s: '%s'", sp, text);
	}
}

/* The ETA facts of one failure known at AT: revisions after the first, and
 * how far the resolution came after the last ETA given before it. */
static void etas(struct acc *a, const struct rd_trust_fact *fail)
{
	const struct rd_trust_policy *w = a->w;
	int64_t first = 0, first_id = -1, last_eta = 0, last_at = 0;
	bool resolved = fail->t1 && fail->t1 <= a->at;
	for (size_t i = 0; i < a->nf; i++) {
		const struct rd_trust_fact *e = &a->f[i];
		if (e->kind != RD_TF_ETA || e->failure_id != fail->failure_id || e->t0 > a->at)
			continue;
		if (first_id < 0 || e->t0 < first) {
			first = e->t0;
			first_id = (int64_t)i;
		}
		if (resolved && e->t0 <= fail->t1 && e->t0 >= last_at) {
			last_at = e->t0;
			last_eta = e->t1;
		}
	}
	for (size_t i = 0; first_id >= 0 && i < a->nf; i++) {
		const struct rd_trust_fact *e = &a->f[i];
		if (e->kind != RD_TF_ETA || e->failure_id != fail->failure_id || e->t0 > a->at ||
		    (int64_t)i == first_id)
			continue;
		char t[RD_TIME_BUFSZ] = "";
		add(a, -e4(w->eta_revision_e4), e->t0, e->failure_id, "ETA revised to %s",
		    a->explain ? rd_time_format(e->t1, t) : t);
	}
	if (resolved && last_eta && fail->t1 > last_eta) {
		double p = e4(w->eta_miss_per_day_e4) * (double)(fail->t1 - last_eta) / 86400.0;
		if (p > e4(w->eta_miss_max_e4))
			p = e4(w->eta_miss_max_e4);
		char sp[32] = "";
		if (a->explain)
			span_text(fail->t1 - last_eta, sp, sizeof sp);
		add(a, -p, fail->t1, fail->failure_id, "resolved %s after the ETA given", sp);
	}
}

static void second_failure(struct acc *a, const struct rd_trust_fact *f, int64_t window)
{
	for (size_t i = 0; i < a->nf; i++) {
		const struct rd_trust_fact *g = &a->f[i];
		if (g->kind != RD_TF_FAILURE || g->failure_id == f->failure_id)
			continue;
		bool earlier = g->t0 < f->t0 || (g->t0 == f->t0 && g->failure_id < f->failure_id);
		if (earlier && f->t0 - g->t0 <= window) {
			char sp[32] = "";
			if (a->explain)
				span_text(f->t0 - g->t0, sp, sizeof sp);
			add(a, -e4(a->w->second_failure_e4), f->t0, f->failure_id,
			    "second failure %s after '%s'", sp, g->what ? g->what : "another");
			return;
		}
	}
}

/* Goodwill delivered for FAIL's failure, in time order, each delivery
 * credited with the share of the recorded harm it newly covers (all of it
 * when no harm is recorded: the first delivery counts as full cover). */
static void goodwill(struct acc *a, const struct rd_trust_fact *fail)
{
	int64_t harm = fail->n, covered = 0, last_t = INT64_MIN;
	size_t last_i = 0;
	bool any = false;
	for (;;) {
		/* the next delivery after (last_t, last_i) in (time, position) order */
		const struct rd_trust_fact *next = NULL;
		size_t next_i = 0;
		for (size_t i = 0; i < a->nf; i++) {
			const struct rd_trust_fact *g = &a->f[i];
			if (g->kind != RD_TF_GOODWILL || g->failure_id != fail->failure_id || g->t0 > a->at)
				continue;
			if (g->t0 < last_t || (g->t0 == last_t && any && i <= last_i))
				continue;
			if (!next || g->t0 < next->t0) {
				next = g;
				next_i = i;
			}
		}
		if (!next)
			break;
		last_t = next->t0;
		last_i = next_i;
		double share;
		if (harm > 0) {
			int64_t before = covered < harm ? covered : harm;
			covered += next->n;
			int64_t after = covered < harm ? covered : harm;
			share = (double)(after - before) / (double)harm;
			add(a, e4(a->w->goodwill_cover_e4) * share, next->t0, fail->failure_id,
			    "goodwill delivered covering %.0f%% of the recorded harm", share * 100.0);
		} else {
			share = any ? 0.0 : 1.0;
			add(a, e4(a->w->goodwill_cover_e4) * share, next->t0, fail->failure_id,
			    "goodwill delivered (no financial harm recorded)");
		}
		any = true;
	}
}

static int by_size(const void *x, const void *y)
{
	const struct rd_trust_contribution *a = x, *b = y;
	double d = fabs(b->points) - fabs(a->points);
	if (d != 0.0)
		return d > 0 ? 1 : -1;
	return (a->at > b->at) - (a->at < b->at);
}

enum rd_err rd_trust_compute(const struct rd_trust_policy *w, int64_t second_window,
			     const struct rd_trust_fact *f, size_t n, int64_t at, bool explain,
			     struct rd_trust_result *out, char **errmsg)
{
	memset(out, 0, sizeof *out);
	struct acc a = {.w = w, .f = f, .nf = n, .at = at, .explain = explain,
			.half_life = (double)rd_duration_nominal_seconds(w->half_life)};
	for (size_t i = 0; i < n && !a.oom; i++) {
		const struct rd_trust_fact *x = &f[i];
		switch (x->kind) {
		case RD_TF_OBLIGATION:
			obligation(&a, x);
			break;
		case RD_TF_COMMITMENT:
			commitment(&a, x);
			break;
		case RD_TF_CHASE:
			if (x->t0 <= at)
				add(&a, -e4(w->chase_e4), x->t0, x->failure_id, "chased us for status");
			break;
		case RD_TF_SURVEY:
			if (x->t0 <= at)
				add(&a, (double)(x->n * 10000 - w->survey_neutral_e4) / 10000.0 * e4(w->survey_per_point_e4),
				    x->t0, x->failure_id, "survey answer %" PRId64 "/10: '%s'", x->n,
				    x->what ? x->what : "");
			break;
		case RD_TF_FAILURE:
			if (x->t0 > at)
				break;
			second_failure(&a, x, second_window);
			etas(&a, x);
			goodwill(&a, x);
			break;
		case RD_TF_ETA:
		case RD_TF_GOODWILL:
			break; /* counted with their failure */
		}
	}
	if (a.oom) {
		out->items = a.items;
		out->n = a.n;
		return rd_fail(RD_ENOMEM, errmsg, "out of memory");
	}
	out->total = e4(w->baseline_e4) + a.sum;
	long s = lround(out->total);
	out->score = s < 0 ? 0 : s > 100 ? 100 : (int)s;
	if (a.n > 1)
		qsort(a.items, a.n, sizeof *a.items, by_size);
	out->items = a.items;
	out->n = a.n;
	return RD_OK;
}

void rd_trust_result_free(struct rd_trust_result *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->items[i].reason);
	free(r->items);
	memset(r, 0, sizeof *r);
}

const char *rd_trust_trend_label(const struct rd_trust_policy *w, int delta)
{
	if (delta * 10000LL >= w->trend_steady_e4 && delta > 0)
		return "rising";
	if (-delta * 10000LL >= w->trend_steady_e4 && delta < 0)
		return "falling";
	return "steady";
}

/* ---- loading the facts --------------------------------------------------- */

/* One query per kind of fact, each returning (client_id, failure_id, t0, t1,
 * t2, n, what); ALL reads every client in one pass and leaves `what` NULL
 * (the portfolio needs no reasons); one_client_facts below filters on one
 * client (?1) through its index. Only impacts with affected = 'yes' count. */
#define OBL(W) "SELECT client_id, failure_id, due_at, coalesce(met_at, 0), coalesce(waived_at, 0), 0, " \
	W " FROM obligations"
#define COM(W) "SELECT client_id, coalesce(failure_id, 0), coalesce(due_at, 0), coalesce(settled_at, 0), " \
	"created_at, CASE status WHEN 'kept' THEN 1 WHEN 'broken' THEN 2 ELSE 0 END, " W " FROM commitments"
#define CHASE "SELECT client_id, coalesce(failure_id, 0), at, 0, 0, 0, NULL FROM communications " \
	"WHERE chase = 1 AND direction = 'in'"
#define ETA "SELECT i.client_id, e.failure_id, e.at, e.eta, 0, 0, NULL FROM impacts i " \
	"JOIN eta_revisions e ON e.failure_id = i.failure_id " \
	"WHERE i.affected = 'yes' AND (e.client_id IS NULL OR e.client_id = i.client_id)"
#define FAIL(W) "SELECT i.client_id, f.id, f.detected_at, coalesce(f.resolved_at, 0), 0, " \
	"coalesce(i.financial_cents, 0), " W " FROM impacts i JOIN failures f ON f.id = i.failure_id " \
	"WHERE i.affected = 'yes'"
#define SURVEY(W) "SELECT s.client_id, s.failure_id, a.at, 0, 0, a.score, " W " FROM surveys s " \
	"JOIN survey_answers a ON a.survey_id = s.id WHERE a.score IS NOT NULL"
#define GW "SELECT client_id, failure_id, decided_at, 0, 0, amount_cents, NULL FROM goodwill " \
	"WHERE status = 'delivered' AND decided_at IS NOT NULL"
static const struct {
	enum rd_trust_fact_kind kind;
	const char *all;
} fact_queries[] = {
	{RD_TF_OBLIGATION, OBL("NULL")},
	{RD_TF_COMMITMENT, COM("NULL")},
	{RD_TF_CHASE, CHASE},
	{RD_TF_ETA, ETA},
	{RD_TF_FAILURE, FAIL("NULL")},
	{RD_TF_SURVEY, SURVEY("NULL")},
	{RD_TF_GOODWILL, GW},
};
/* One client's facts in one statement: the queries above in the same order,
 * filtered on the client and keeping `what`, each row tagged with its
 * query's index (column 0). A write that
 * moves a client's trust reads them on every call (rd_trust_record). */
#define PART(i, q) "SELECT " #i ", q.* FROM (" q ") q"
static const char one_client_facts[] =
	PART(0, OBL("kind") " WHERE client_id = ?1") " UNION ALL "
	PART(1, COM("text") " WHERE client_id = ?1") " UNION ALL "
	PART(2, CHASE " AND client_id = ?1") " UNION ALL "
	PART(3, ETA " AND i.client_id = ?1") " UNION ALL "
	PART(4, FAIL("f.title") " AND i.client_id = ?1") " UNION ALL "
	PART(5, SURVEY("a.question") " AND s.client_id = ?1") " UNION ALL "
	PART(6, GW " AND client_id = ?1") " UNION ALL "
	/* not a fact: the client's last two trust_history rows (id, at, score),
	 * newest first, which rd_trust_record compares the new score with */
	PART(7, "SELECT client_id, id, at, score, 0, 0, NULL FROM trust_history WHERE client_id = ?1 "
		"ORDER BY at DESC, id DESC LIMIT 2");
#define HISTORY_PART 7
#undef PART
#undef OBL
#undef COM
#undef CHASE
#undef ETA
#undef FAIL
#undef SURVEY
#undef GW

/* Facts of one client or of many (CID parallel to F). With KEEP_TEXT the
 * strings are copied (and owned here); without, `what` stays NULL. */
struct facts {
	struct rd_trust_fact *f;
	int64_t *cid;
	size_t n, cap;
	bool keep_text;
	/* one client only: its last two trust_history rows, newest first */
	int nhist;
	int64_t hist_id[2], hist_at[2], hist_score[2];
};

static void facts_free(struct facts *x)
{
	if (x->keep_text)
		for (size_t i = 0; i < x->n; i++)
			free((char *)x->f[i].what);
	free(x->f);
	free(x->cid);
	memset(x, 0, sizeof *x);
}

static enum rd_err facts_load(struct rd_store *s, int64_t client_id, struct facts *x, char **errmsg)
{
	enum rd_err rc = RD_OK;
	const size_t nq = sizeof fact_queries / sizeof fact_queries[0];
	/* one client: one statement whose column 0 says which query (o = 1) */
	for (size_t q = 0; rc == RD_OK && q < (client_id ? 1 : nq); q++) {
		struct rd_stmt *st;
		const int o = client_id ? 1 : 0;
		if ((rc = rd_store_prepare(s, client_id ? one_client_facts : fact_queries[q].all, &st)))
			break;
		if (client_id)
			rd_stmt_bind_int(st, 1, client_id);
		bool row;
		while ((rc = rd_stmt_step(st, &row)) == RD_OK && row) {
			size_t k = client_id ? (size_t)rd_stmt_col_int(st, 0) : q;
			if (client_id && k == HISTORY_PART) {
				if (x->nhist < 2) {
					x->hist_id[x->nhist] = rd_stmt_col_int(st, o + 1);
					x->hist_at[x->nhist] = rd_stmt_col_int(st, o + 2);
					x->hist_score[x->nhist++] = rd_stmt_col_int(st, o + 3);
				}
				continue;
			}
			if (k >= nq) {
				rc = RD_EDB;
				break;
			}
			if (x->n == x->cap) {
				size_t cap = x->cap ? 2 * x->cap : 64;
				struct rd_trust_fact *nf = realloc(x->f, cap * sizeof *nf);
				if (nf)
					x->f = nf;
				int64_t *nc = nf ? realloc(x->cid, cap * sizeof *nc) : NULL;
				if (!nc) {
					rc = RD_ENOMEM;
					break;
				}
				x->cid = nc;
				x->cap = cap;
			}
			const char *what = x->keep_text ? rd_stmt_col_text(st, o + 6) : NULL;
			struct rd_trust_fact *f = &x->f[x->n];
			*f = (struct rd_trust_fact){fact_queries[k].kind, rd_stmt_col_int(st, o + 1),
				rd_stmt_col_int(st, o + 2), rd_stmt_col_int(st, o + 3), rd_stmt_col_int(st, o + 4),
				rd_stmt_col_int(st, o + 5), what ? strdup(what) : NULL};
			if (what && !f->what) {
				rc = RD_ENOMEM;
				break;
			}
			x->cid[x->n++] = rd_stmt_col_int(st, o);
		}
		rd_stmt_free(st);
	}
	if (rc == RD_ENOMEM)
		return rd_fail(rc, errmsg, "out of memory");
	return rc ? rd_fail(rc, errmsg, "reading the trust record: %s", rd_store_errmsg(s)) : RD_OK;
}

static enum rd_err policy_for_trust(const struct rd_policy **p, char **errmsg)
{
	return rd_policy_in_force(p, errmsg);
}

/* The explanation of R, an array of {points, reason, at}, written into W.
 * A reason that is not UTF-8 (a failure's title written by something
 * else) is left out, as jansson left it out of the tree this was built as
 * before: one implementation for the dashboard, the trust object and the
 * history's text. */
static void explanation_write(const struct rd_trust_result *r, struct rd_jw *w)
{
	char t[RD_TIME_BUFSZ];
	rd_jw_arr(w);
	for (size_t i = 0; i < r->n; i++) {
		const struct rd_trust_contribution *c = &r->items[i];
		if (!c->reason || !rd_utf8_valid(c->reason, strlen(c->reason), NULL))
			continue;
		rd_jw_obj(w);
		rd_jw_key(w, "points");
		rd_jw_real(w, c->points);
		rd_jw_key(w, "reason");
		rd_jw_str(w, c->reason);
		rd_jw_key(w, "at");
		rd_jw_str(w, rd_time_format(c->at, t));
		rd_jw_end_obj(w);
	}
	rd_jw_end_arr(w);
}

char *rd_trust_explanation_text(const struct rd_trust_result *r)
{
	struct rd_buf b = RD_BUF_INIT;
	struct rd_jw w;
	rd_jw_init(&w, &b);
	explanation_write(r, &w);
	if (w.err) {
		rd_buf_free(&b);
		return NULL;
	}
	return rd_buf_detach(&b);
}

/* The trust object of one client from its loaded facts, written into W:
 * its one implementation (rd_trust_client_json has it build a tree). */
static enum rd_err trust_write(const struct rd_policy *p, const struct facts *x, int64_t at, struct rd_jw *w,
			       char **errmsg)
{
	struct rd_trust_result now, then;
	int64_t win = rd_duration_nominal_seconds(p->second_failure_window);
	int64_t since = at - rd_duration_nominal_seconds(p->trust.trend_window);
	enum rd_err rc = rd_trust_compute(&p->trust, win, x->f, x->n, at, true, &now, errmsg);
	if (rc == RD_OK)
		rc = rd_trust_compute(&p->trust, win, x->f, x->n, since, false, &then, errmsg);
	else
		memset(&then, 0, sizeof then);
	if (rc == RD_OK) {
		char t[RD_TIME_BUFSZ];
		int delta = now.score - then.score;
		rd_jw_obj(w);
		rd_jw_key(w, "score");
		rd_jw_int(w, now.score);
		rd_jw_key(w, "baseline");
		rd_jw_real(w, e4(p->trust.baseline_e4));
		rd_jw_key(w, "explanation");
		explanation_write(&now, w);
		rd_jw_key(w, "trend");
		rd_jw_obj(w);
		rd_jw_key(w, "delta");
		rd_jw_int(w, delta);
		rd_jw_key(w, "label");
		rd_jw_str(w, rd_trust_trend_label(&p->trust, delta));
		rd_jw_key(w, "since");
		rd_jw_str(w, rd_time_format(since, t));
		rd_jw_key(w, "score_then");
		rd_jw_int(w, then.score);
		rd_jw_end_obj(w);
		rd_jw_end_obj(w);
	}
	rd_trust_result_free(&now);
	rd_trust_result_free(&then);
	return rc;
}

enum rd_err rd_trust_client_write(struct rd_store *s, int64_t client_id, int64_t at, struct rd_jw *w,
				  char **errmsg)
{
	const struct rd_policy *p;
	struct facts x = {.keep_text = true};
	enum rd_err rc = policy_for_trust(&p, errmsg);
	if (rc == RD_OK)
		rc = facts_load(s, client_id, &x, errmsg);
	if (rc == RD_OK)
		rc = trust_write(p, &x, at, w, errmsg);
	facts_free(&x);
	return rc;
}

enum rd_err rd_trust_client_json(struct rd_store *s, int64_t client_id, int64_t at, json_t **out,
				 char **errmsg)
{
	struct rd_jw w;
	*out = NULL;
	rd_jw_init_tree(&w);
	enum rd_err rc = rd_trust_client_write(s, client_id, at, &w, errmsg);
	enum rd_err wrc = rd_jw_tree(&w, out);
	if (rc != RD_OK) { /* the tree of a failed read is no answer */
		json_decref(*out);
		*out = NULL;
	}
	if (rc == RD_OK && (rc = wrc))
		rc = rd_fail(rc, errmsg, rc == RD_ENOMEM ? "out of memory" : "the trust object cannot be written as JSON");
	return rc;
}

enum rd_err rd_trust_client_report(struct rd_store *s, int64_t client_id, int64_t at, json_t **out,
				   char **errmsg)
{
	json_t *c = NULL, *t = NULL, *hist = json_array();
	struct rd_stmt *st = NULL;
	enum rd_err rc = rd_record_get(s, "client", client_id, &c, errmsg);
	if (rc)
		goto out;
	if ((rc = rd_trust_client_json(s, client_id, at, &t, errmsg)))
		goto out;
	if ((rc = rd_store_prepare(s, "SELECT at, score FROM trust_history WHERE client_id = ?1 AND at <= ?2 "
				   "ORDER BY at, id", &st)))
		goto db;
	rd_stmt_bind_int(st, 1, client_id);
	rd_stmt_bind_int(st, 2, at);
	bool row;
	while ((rc = rd_stmt_step(st, &row)) == RD_OK && row) {
		char ts[RD_TIME_BUFSZ];
		json_array_append_new(hist, json_pack("{ss sI}", "at", rd_time_format(rd_stmt_col_int(st, 0), ts),
						      "score", (json_int_t)rd_stmt_col_int(st, 1)));
	}
	if (rc)
		goto db;
	json_object_set(t, "client_id", json_object_get(c, "id"));
	json_object_set(t, "client", json_object_get(c, "name"));
	json_object_set(t, "tier", json_object_get(c, "tier"));
	json_object_set(t, "history", hist);
	char ts[RD_TIME_BUFSZ];
	json_object_set_new(t, "at", json_string(rd_time_format(at, ts)));
	*out = t;
	t = NULL;
	goto out;
db:
	rc = rd_fail(RD_EDB, errmsg, "reading the trust history: %s", rd_store_errmsg(s));
out:
	rd_stmt_free(st);
	json_decref(c);
	json_decref(t);
	json_decref(hist);
	return rc;
}

/* ---- the portfolio ------------------------------------------------------- */

struct pf_row {
	int64_t id;
	char *name;
	bool key;
	int score, delta;
	double risk;
	size_t first, count;   /* this client's facts in the sorted array */
};

static int by_risk(const void *x, const void *y)
{
	const struct pf_row *a = x, *b = y;
	if (a->risk != b->risk)
		return a->risk < b->risk ? 1 : -1;
	if (a->score != b->score)
		return a->score - b->score;
	return strcmp(a->name, b->name);
}

static size_t row_of(const struct pf_row *rows, size_t n, int64_t id)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (rows[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && rows[lo].id == id ? lo : n;
}

static size_t find_row(const struct pf_row *rows, size_t n, const size_t *slot, int64_t max_id, int64_t id)
{
	if (slot)
		return id >= 0 && id <= max_id ? slot[id] : n;
	return row_of(rows, n, id);
}

/* Every client's score at AT and AT - trend window, from one pass of each
 * fact query; ROWS (sorted by id) is filled and the CALLER frees it. */
static enum rd_err portfolio_scores(struct rd_store *s, const struct rd_policy *p, int64_t at,
				    struct pf_row **rows_out, size_t *n_out, char **errmsg)
{
	struct pf_row *rows = NULL;
	size_t n = 0, cap = 0;
	struct facts x = {.keep_text = false};
	struct rd_trust_fact *sorted = NULL;
	size_t *slot = NULL;
	struct rd_stmt *st = NULL;
	enum rd_err rc = rd_store_prepare(s, "SELECT id, name, tier FROM clients ORDER BY id", &st);
	if (rc) {
		rc = rd_fail(RD_EDB, errmsg, "reading clients: %s", rd_store_errmsg(s));
		goto out;
	}
	bool row;
	while ((rc = rd_stmt_step(st, &row)) == RD_OK && row) {
		if (n == cap) {
			cap = cap ? 2 * cap : 256;
			struct pf_row *r = realloc(rows, cap * sizeof *r);
			if (!r) {
				rc = rd_fail(RD_ENOMEM, errmsg, "out of memory");
				goto out;
			}
			rows = r;
		}
		const char *tier = rd_stmt_col_text(st, 2);
		rows[n] = (struct pf_row){.id = rd_stmt_col_int(st, 0),
					  .name = strdup(rd_stmt_col_text(st, 1)),
					  .key = tier && strcmp(tier, "key") == 0};
		if (!rows[n++].name) {
			rc = rd_fail(RD_ENOMEM, errmsg, "out of memory");
			goto out;
		}
	}
	if (rc) {
		rc = rd_fail(RD_EDB, errmsg, "reading clients: %s", rd_store_errmsg(s));
		goto out;
	}
	if ((rc = facts_load(s, 0, &x, errmsg)))
		goto out;
	/* Counting sort of the facts by client. Client ids are mostly dense:
	 * a table id -> row when that costs at most a few bytes per client,
	 * else a binary search per fact. */
	int64_t max_id = n ? rows[n - 1].id : 0;
	if (max_id > 0 && max_id <= 4 * (int64_t)n + 1024) {
		if (!(slot = malloc(((size_t)max_id + 1) * sizeof *slot))) {
			rc = rd_fail(RD_ENOMEM, errmsg, "out of memory");
			goto out;
		}
		for (int64_t i = 0; i <= max_id; i++)
			slot[i] = n;
		for (size_t r = 0; r < n; r++)
			slot[rows[r].id] = r;
	}
	for (size_t i = 0; i < x.n; i++) {
		size_t r = find_row(rows, n, slot, max_id, x.cid[i]);
		x.cid[i] = (int64_t)r;
		if (r < n)
			rows[r].count++;
	}
	size_t pos = 0;
	for (size_t r = 0; r < n; r++) {
		rows[r].first = pos;
		pos += rows[r].count;
		rows[r].count = 0;
	}
	if (pos && !(sorted = malloc(pos * sizeof *sorted))) {
		rc = rd_fail(RD_ENOMEM, errmsg, "out of memory");
		goto out;
	}
	for (size_t i = 0; i < x.n; i++) {
		size_t r = (size_t)x.cid[i]; /* the row, from the first pass */
		if (r < n)
			sorted[rows[r].first + rows[r].count++] = x.f[i];
	}
	int64_t win = rd_duration_nominal_seconds(p->second_failure_window);
	int64_t since = at - rd_duration_nominal_seconds(p->trust.trend_window);
	for (size_t r = 0; r < n; r++) {
		struct rd_trust_result a, b;
		const struct rd_trust_fact *f = sorted ? sorted + rows[r].first : NULL;
		if ((rc = rd_trust_compute(&p->trust, win, f, rows[r].count, at, false, &a, errmsg)) ||
		    (rc = rd_trust_compute(&p->trust, win, f, rows[r].count, since, false, &b, errmsg)))
			goto out;
		rows[r].score = a.score;
		rows[r].delta = a.score - b.score;
		rows[r].risk = (100 - a.score) * (rows[r].key ? e4(p->trust.key_risk_factor_e4) : 1.0) +
			       (rows[r].delta < 0 ? -rows[r].delta : 0);
	}
out:
	rd_stmt_free(st);
	free(sorted);
	free(slot);
	facts_free(&x);
	if (rc) {
		for (size_t r = 0; r < n; r++)
			free(rows[r].name);
		free(rows);
		rows = NULL;
		n = 0;
	}
	*rows_out = rows;
	*n_out = n;
	return rc;
}

enum rd_err rd_trust_portfolio(struct rd_store *s, int64_t at, int limit, json_t **out, char **errmsg)
{
	const struct rd_policy *p;
	struct pf_row *rows = NULL;
	size_t n = 0;
	*out = NULL;
	enum rd_err rc = policy_for_trust(&p, errmsg);
	if (rc == RD_OK)
		rc = portfolio_scores(s, p, at, &rows, &n, errmsg);
	if (rc)
		return rc;
	if (n > 1) /* qsort must not be given NULL, even for no rows */
		qsort(rows, n, sizeof *rows, by_risk);
	json_t *a = json_array();
	for (size_t r = 0; a && r < n; r++) {
		if (limit <= 0 || r < (size_t)limit)
			json_array_append_new(a, json_pack("{sI ss ss si si ss sf}", "client_id", (json_int_t)rows[r].id,
				"client", rows[r].name, "tier", rows[r].key ? "key" : "standard", "score",
				rows[r].score, "trend", rows[r].delta, "label",
				rd_trust_trend_label(&p->trust, rows[r].delta), "risk",
				round(rows[r].risk * 10.0) / 10.0));
		free(rows[r].name);
	}
	free(rows);
	if (!a)
		return rd_fail(RD_ENOMEM, errmsg, "out of memory");
	*out = a;
	return RD_OK;
}

/* ---- history ------------------------------------------------------------- */

enum rd_err rd_trust_record(struct rd_store *s, int64_t client_id, int64_t now, bool *changed,
			    char **errmsg)
{
	const struct rd_policy *p;
	struct facts x = {.keep_text = true};
	struct rd_trust_result r = {0};
	char *expl = NULL;
	if (changed)
		*changed = false;
	enum rd_err rc = policy_for_trust(&p, errmsg);
	if (rc == RD_OK)
		rc = facts_load(s, client_id, &x, errmsg);
	if (rc == RD_OK)
		rc = rd_trust_compute(&p->trust, rd_duration_nominal_seconds(p->second_failure_window), x.f,
				      x.n, now, true, &r, errmsg);
	if (rc)
		goto out;
	/* The last row, and the one before it: several writes at one instant
	 * (one command, the demo) leave one row, the score after the last.
	 * They came with the facts (one_client_facts). */
	int64_t last = -1, last_id = 0, last_at = 0, prev = -1;
	if (x.nhist > 0) {
		last_id = x.hist_id[0];
		last_at = x.hist_at[0];
		last = x.hist_score[0];
	}
	if (x.nhist > 1)
		prev = x.hist_score[1];
	if (last == r.score)
		goto out;
	if (last_id && last_at == now && prev == r.score) {
		/* back to where it was before this instant: the row goes */
		if (rd_store_exec_later(s, "DELETE FROM trust_history WHERE id = ?1", "i", last_id))
			rc = rd_fail(RD_EDB, errmsg, "recording trust: %s", rd_store_errmsg(s));
		else if (changed)
			*changed = true;
		goto out;
	}
	expl = rd_trust_explanation_text(&r);
	if (!expl) {
		rc = rd_fail(RD_ENOMEM, errmsg, "out of memory");
		goto out;
	}
	/* nothing is read back: on PostgreSQL the write goes with the next
	 * statement that must answer (rd_store_exec_later) */
	enum rd_err wrc = last_id && last_at == now
		? rd_store_exec_later(s, "UPDATE trust_history SET score = ?2, explanation = ?3 WHERE id = ?1",
				      "iit", last_id, (int64_t)r.score, expl)
		: rd_store_exec_later(s, "INSERT INTO trust_history (client_id, at, score, explanation) "
				      "VALUES (?1, ?2, ?3, ?4)", "iiit", client_id, now, (int64_t)r.score, expl);
	if (wrc) {
		rc = rd_fail(RD_EDB, errmsg, "recording trust: %s", rd_store_errmsg(s));
		goto out;
	}
	if (changed)
		*changed = true;
out:
	free(expl);
	rd_trust_result_free(&r);
	facts_free(&x);
	return rc;
}

enum rd_err rd_trust_sweep(struct rd_store *s, int64_t now, int64_t *n, char **errmsg)
{
	const struct rd_policy *p;
	struct pf_row *rows = NULL;
	size_t nrows = 0;
	int64_t done = 0;
	enum rd_err rc = policy_for_trust(&p, errmsg);
	if (rc == RD_OK)
		rc = portfolio_scores(s, p, now, &rows, &nrows, errmsg);
	if (rc)
		return rc;
	/* Only the clients whose score moved get their explanation recorded. */
	struct rd_stmt *st = NULL;
	if ((rc = rd_store_begin(s))) {
		rc = rd_fail(rc, errmsg, "cannot start a transaction: %s", rd_store_errmsg(s));
		goto out;
	}
	if ((rc = rd_store_prepare(s, "SELECT client_id, score FROM trust_history h WHERE id = "
				   "(SELECT id FROM trust_history WHERE client_id = h.client_id "
				   "ORDER BY at DESC, id DESC LIMIT 1)", &st))) {
		rc = rd_fail(RD_EDB, errmsg, "reading the trust history: %s", rd_store_errmsg(s));
		goto tx;
	}
	int *last = calloc(nrows ? nrows : 1, sizeof *last);
	if (!last) {
		rc = rd_fail(RD_ENOMEM, errmsg, "out of memory");
		goto tx;
	}
	for (size_t r = 0; r < nrows; r++)
		last[r] = -1;
	bool row;
	while ((rc = rd_stmt_step(st, &row)) == RD_OK && row) {
		size_t r = row_of(rows, nrows, rd_stmt_col_int(st, 0));
		if (r < nrows)
			last[r] = (int)rd_stmt_col_int(st, 1);
	}
	if (rc)
		rc = rd_fail(RD_EDB, errmsg, "reading the trust history: %s", rd_store_errmsg(s));
	rd_stmt_free(st);
	st = NULL;
	for (size_t r = 0; rc == RD_OK && r < nrows; r++) {
		bool ch = false;
		if (last[r] != rows[r].score && (rc = rd_trust_record(s, rows[r].id, now, &ch, errmsg)) == RD_OK)
			done += ch;
	}
	free(last);
tx:
	rc = rd_store_end(s, rc, errmsg);
out:
	rd_stmt_free(st);
	for (size_t r = 0; r < nrows; r++)
		free(rows[r].name);
	free(rows);
	if (n)
		*n = done;
	return rc;
}

/* ---- the write hook (model_int.h) --------------------------------------- */

enum rd_err rd_trust_touched(struct rd_store *s, const char *entity, json_t *rec, int64_t now,
			     char **errmsg)
{
	int64_t cid = 0;
	if (strcmp(entity, "commitment") == 0 || strcmp(entity, "goodwill") == 0) {
		cid = json_integer_value(json_object_get(rec, "client_id"));
	} else if (strcmp(entity, "survey_answer") == 0) {
		int64_t sid = json_integer_value(json_object_get(rec, "survey_id"));
		enum rd_err rc = rd_store_exec(s, &cid, "SELECT client_id FROM surveys WHERE id = ?1", "i", sid);
		if (rc && rc != RD_ENOTFOUND)
			return rd_fail(RD_EDB, errmsg, "reading a survey: %s", rd_store_errmsg(s));
	}
	return cid ? rd_trust_record(s, cid, now, NULL, errmsg) : RD_OK;
}
