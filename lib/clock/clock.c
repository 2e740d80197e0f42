/* clock.c — the communication clock (clock.h): turns one (failure, client)
 * track and the policy into its obligations, matches outbound
 * communications to them, and records chases against them.
 *
 * Pure and deterministic by construction: the only inputs are the
 * arguments (and the system zone database for calendar arithmetic); ties
 * are broken by id and input order, never by memory addresses. The rules
 * are spelt out in docs/internals/clock.md. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "redress/clock.h"
#include "redress/time.h"

/* Beyond year 9999 nothing we compute makes sense. */
#define T_MAX INT64_C(253402300799)

/* ---- calendar arithmetic ------------------------------------------------ */

static int64_t days_from_civil(int64_t y, int m, int d)
{
	/* Howard Hinnant's algorithms: proleptic Gregorian, no tables. */
	y -= m <= 2;
	const int64_t era = (y >= 0 ? y : y - 399) / 400;
	const int64_t yoe = y - era * 400;
	const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
	z += 719468;
	const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	const int64_t doe = z - era * 146097;
	const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	const int64_t mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

static int days_in_month(int64_t y, int m)
{
	static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return dm[m - 1];
}

/* Moves the civil date (y, m, d) by N days, weeks or months (a month step
 * clamps the day: Jan 31 + 1mo = Feb 28/29). */
static void civil_add(int64_t *y, int *m, int *d, enum rd_dur_unit u, int64_t n)
{
	if (u == RD_DUR_MONTH) {
		int64_t mi = *y * 12 + (*m - 1) + n;
		*y = mi >= 0 ? mi / 12 : -((-mi + 11) / 12);
		*m = (int)(mi - *y * 12) + 1;
		if (*d > days_in_month(*y, *m))
			*d = days_in_month(*y, *m);
		return;
	}
	int64_t days = days_from_civil(*y, *m, *d) + (u == RD_DUR_WEEK ? 7 * n : n);
	civil_from_days(days, y, m, d);
}

static bool is_utc(const char *tz)
{
	return !tz || !*tz || strcmp(tz, "UTC") == 0 || strcmp(tz, "Etc/UTC") == 0;
}

/* The instant of the local date Y-M-DD at TOD's time of day in zone TZ
 * (a time a daylight-saving change skips is read as rd_time_from_local
 * reads it). */
static enum rd_err local_instant(int64_t y, int m, int dd, const struct tm *tod, const char *tz, int64_t *out)
{
	struct tm nt;
	memset(&nt, 0, sizeof nt);
	nt.tm_year = (int)(y - 1900);
	nt.tm_mon = m - 1;
	nt.tm_mday = dd;
	nt.tm_hour = tod->tm_hour;
	nt.tm_min = tod->tm_min;
	nt.tm_sec = tod->tm_sec;
	return rd_time_from_local(&nt, tz, out);
}

enum rd_err rd_duration_add(int64_t t, struct rd_duration d, const char *tz, int64_t *out)
{
	if (d.n < 0 || d.n > INT64_C(100000000) || t < 0 || t > T_MAX)
		return RD_EINVAL;
	switch (d.unit) {
	case RD_DUR_MIN:
		*out = t + d.n * 60;
		return *out > T_MAX ? RD_EINVAL : RD_OK;
	case RD_DUR_HOUR:
		*out = t + d.n * 3600;
		return *out > T_MAX ? RD_EINVAL : RD_OK;
	case RD_DUR_DAY:
	case RD_DUR_WEEK:
	case RD_DUR_MONTH:
		break;
	default:
		return RD_EINVAL;
	}
	if (d.n > 3660000)  /* more than ten thousand years of days */
		return RD_EINVAL;
	int64_t y;
	int m, dd;
	if (is_utc(tz)) {
		int64_t days = t / 86400, secs = t % 86400;
		civil_from_days(days, &y, &m, &dd);
		civil_add(&y, &m, &dd, d.unit, d.n);
		if (y > 9999)
			return RD_EINVAL;
		*out = days_from_civil(y, m, dd) * 86400 + secs;
		return RD_OK;
	}
	struct tm lt;
	if (rd_time_local(t, tz, &lt, NULL))
		return RD_EINVAL;
	y = lt.tm_year + 1900;
	m = lt.tm_mon + 1;
	dd = lt.tm_mday;
	civil_add(&y, &m, &dd, d.unit, d.n);
	if (y > 9999)
		return RD_EINVAL;
	return local_instant(y, m, dd, &lt, tz, out);
}

/* ---- names -------------------------------------------------------------- */

const char rd_clock_rule_resolved_progress[] =
	"no longer owed: the failure was resolved, and the resolution notice replaces progress updates";

const char *rd_ob_state_name(enum rd_ob_state s)
{
	static const char *const n[] = {"pending", "on_time", "late", "overdue", "waived", "not_applicable"};
	return (unsigned)s < 6 ? n[s] : "?";
}

const char *rd_step_title(enum rd_step s)
{
	static const char *const t[RD_STEP_COUNT] = {
		"Apology", "Root-cause update", "Recovery plan", "Progress update", "Delay notice",
		"Resolution notice", "Follow-up", "Feedback survey", "Formal review", "Correction",
	};
	return (unsigned)s < RD_STEP_COUNT ? t[s] : "Obligation";
}

/* ---- building the list -------------------------------------------------- */

struct build {
	const struct rd_policy *p;
	const struct rd_clock_input *in;
	const char *tz;
	enum rd_column col;
	struct rd_clock_result *r;
	size_t cap;
	char **errmsg;
};

static enum rd_err add_ob(struct build *b, enum rd_step step, int seq, const char *key,
			  int64_t opens_at, int64_t due_at)
{
	struct rd_clock_result *r = b->r;
	if (r->n == b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 32;
		struct rd_obligation *v = realloc(r->obs, cap * sizeof *v);
		if (!v)
			return rd_fail(RD_ENOMEM, b->errmsg, "out of memory");
		r->obs = v;
		b->cap = cap;
	}
	struct rd_obligation *o = &r->obs[r->n++];
	memset(o, 0, sizeof *o);
	snprintf(o->key, sizeof o->key, "%s", key);
	o->step = step;
	o->kind = rd_step_name(step);
	o->seq = seq;
	o->column = b->col;
	o->opens_at = opens_at;
	o->due_at = due_at;
	o->channels = b->p->steps[step][b->col].channels;
	o->waiver = -1;
	return RD_OK;
}

static enum rd_err add_dur(struct build *b, int64_t t, struct rd_duration d, int64_t *out)
{
	if (rd_duration_add(t, d, b->tz, out)) {
		char db[24], tb[RD_TIME_BUFSZ];
		return rd_fail(RD_EINVAL, b->errmsg, "cannot add %s to %s in zone '%s': out of range",
			       rd_duration_format(d, db), rd_time_format(t, tb), b->tz);
	}
	return RD_OK;
}

/* DUE (ANCHOR + D), moved to the next working day of the policy when it
 * falls on another day in the client's zone, at ANCHOR's local time of
 * day: a check-in, a survey or a review is a human appointment, and no
 * one books those for a Sunday. Only for the steps after the fix: an
 * outage runs round the clock, so nothing before it moves; and D in hours
 * or minutes is elapsed time, which a weekend does not stop. The weekday
 * is the client's local one, not UTC's (Monday 09:00 in Auckland is still
 * Sunday in UTC). */
static enum rd_err to_working_day(struct build *b, int64_t anchor, struct rd_duration d, int64_t due,
				  int64_t *out)
{
	unsigned days = b->p->working_days & RD_WEEK_ALL;
	struct tm at, from;
	*out = due;
	if (d.unit == RD_DUR_MIN || d.unit == RD_DUR_HOUR || !days || days == RD_WEEK_ALL)
		return RD_OK;
	if (is_utc(b->tz)) {
		/* pure arithmetic, as in rd_duration_add: 1 Jan 1970 was a Thursday */
		int k = 0;
		while (!(days & 1u << ((due / 86400 + 4 + k) % 7)))
			k++;
		*out = due + k * INT64_C(86400);
		return *out > T_MAX ? rd_fail(RD_EINVAL, b->errmsg, "a working day after year 9999") : RD_OK;
	}
	if (rd_time_local(due, b->tz, &at, NULL))
		return rd_fail(RD_EINVAL, b->errmsg, "cannot read the local date in zone '%s'", b->tz);
	int k = 0;
	while (!(days & 1u << ((at.tm_wday + k) % 7)))
		k++;
	if (!k)
		return RD_OK;
	if (rd_time_local(anchor, b->tz, &from, NULL))
		return rd_fail(RD_EINVAL, b->errmsg, "cannot read the local time in zone '%s'", b->tz);
	/* the local date plus K days, at the anchor's wall time: DUE itself may
	 * sit an hour later when its date skipped the anchor's time (DST) */
	int64_t y;
	int m, dd;
	civil_from_days(days_from_civil(at.tm_year + 1900, at.tm_mon + 1, at.tm_mday) + k, &y, &m, &dd);
	if (y > 9999)
		return rd_fail(RD_EINVAL, b->errmsg, "a working day after year 9999");
	if (local_instant(y, m, dd, &from, b->tz, out))
		return rd_fail(RD_EINVAL, b->errmsg, "cannot move a due time to a working day in zone '%s'", b->tz);
	return RD_OK;
}

/* A one-shot step anchored at ANCHOR (detected or resolved); AFTER_FIX:
 * it keeps to working days. */
static enum rd_err add_simple(struct build *b, enum rd_step step, int64_t anchor, bool after_fix)
{
	struct rd_duration d = b->p->steps[step][b->col].due;
	int64_t due;
	enum rd_err rc = add_dur(b, anchor, d, &due);
	if (!rc && after_fix)
		rc = to_working_day(b, anchor, d, due, &due);
	return rc ? rc : add_ob(b, step, 0, rd_step_name(step), anchor, due);
}

static void compact_utc(int64_t t, char buf[24])
{
	time_t tt = (time_t)t;
	struct tm tm;
	gmtime_r(&tt, &tm);
	strftime(buf, 24, "%Y%m%dT%H%M%SZ", &tm);
}

static enum rd_err add_progress(struct build *b, int64_t plan_at, bool resolved, int64_t resolved_at)
{
	struct rd_duration every = b->p->steps[RD_STEP_PROGRESS][b->col].due;
	int64_t horizon;
	enum rd_err rc = add_dur(b, b->in->now, b->p->due_soon, &horizon);
	if (rc)
		return rc;
	int64_t opens = plan_at;
	for (int k = 1;; k++) {
		if (k > RD_CLOCK_MAX_SERIES) {
			b->r->truncated = true;
			break;
		}
		struct rd_duration dk = {every.n * k, every.unit};
		int64_t due;
		if ((rc = add_dur(b, plan_at, dk, &due)))
			return rc;
		if (resolved ? due > resolved_at : (opens > b->in->now && due > horizon))
			break;
		char key[RD_OB_KEY_MAX];
		snprintf(key, sizeof key, "progress#%d", k);
		if ((rc = add_ob(b, RD_STEP_PROGRESS, k, key, opens, due)))
			return rc;
		opens = due;
	}
	return RD_OK;
}

static int cmp_rev(const void *a, const void *b)
{
	const struct rd_clock_eta_revision *x = *(const struct rd_clock_eta_revision *const *)a;
	const struct rd_clock_eta_revision *y = *(const struct rd_clock_eta_revision *const *)b;
	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	return x < y ? -1 : x > y; /* input order: both point into one array */
}

static enum rd_err add_delays(struct build *b)
{
	const struct rd_clock_input *in = b->in;
	const struct rd_step_rule *rule = &b->p->steps[RD_STEP_DELAY][b->col];
	enum rd_err rc = RD_OK;
	if (!in->n_revisions)
		return RD_OK;
	const struct rd_clock_eta_revision **rv = malloc(in->n_revisions * sizeof *rv);
	if (!rv)
		return rd_fail(RD_ENOMEM, b->errmsg, "out of memory");
	for (size_t i = 0; i < in->n_revisions; i++)
		rv[i] = &in->revisions[i];
	qsort(rv, in->n_revisions, sizeof *rv, cmp_rev);
	int64_t old_eta = in->initial_eta;
	for (size_t i = 0; i < in->n_revisions && rv[i]->at <= in->now; i++) {
		int64_t due;
		if ((rc = add_dur(b, rv[i]->at, rule->due, &due)))
			break;
		if (rule->before_old_eta && old_eta > 0 && old_eta < due)
			due = old_eta;
		char key[RD_OB_KEY_MAX], ts[24];
		compact_utc(rv[i]->at, ts);
		snprintf(key, sizeof key, "delay@%s", ts);
		/* two revisions in the same second: keep keys unique and stable */
		for (size_t j = 0; j < b->r->n; j++) {
			if (strcmp(b->r->obs[j].key, key) == 0) {
				if (snprintf(key, sizeof key, "delay@%s.%zu", ts, i + 1) >= (int)sizeof key)
					key[sizeof key - 1] = '\0';
				break;
			}
		}
		if ((rc = add_ob(b, RD_STEP_DELAY, (int)i + 1, key, rv[i]->at, due)))
			break;
		old_eta = rv[i]->eta;
	}
	free(rv);
	return rc;
}

static enum rd_err add_corrections(struct build *b)
{
	const struct rd_clock_input *in = b->in;
	for (size_t i = 0; i < in->n_discrepancies; i++) {
		const struct rd_clock_discrepancy *d = &in->discrepancies[i];
		if (d->at > in->now)
			continue;
		/* one correction per communication: the earliest record wins */
		bool dup = false;
		for (size_t j = 0; j < in->n_discrepancies && !dup; j++) {
			const struct rd_clock_discrepancy *e = &in->discrepancies[j];
			if (j != i && e->comm_id == d->comm_id && e->at <= in->now &&
			    (e->at < d->at || (e->at == d->at && j < i)))
				dup = true;
		}
		if (dup)
			continue;
		int64_t due;
		enum rd_err rc = add_dur(b, d->at, b->p->steps[RD_STEP_CORRECTION][b->col].due, &due);
		if (rc)
			return rc;
		char key[RD_OB_KEY_MAX];
		snprintf(key, sizeof key, "correction@%" PRId64, d->comm_id);
		if ((rc = add_ob(b, RD_STEP_CORRECTION, (int)i + 1, key, d->at, due)))
			return rc;
	}
	return RD_OK;
}

/* The series is counted on the unmoved due times (BASE, DUE), so a weekly
 * cadence stays on its weekday and a step moved to a working day does not
 * push the ones after it; each step is moved on its own, and opens at the
 * previous step's due time as the client was told it. */
static enum rd_err add_cadence(struct build *b, int64_t resolved_at)
{
	int seq = 0;
	int64_t base = resolved_at, opens = resolved_at;
	for (int ph = 0; ph < b->p->n_cadence; ph++) {
		const struct rd_cadence_phase *cp = &b->p->cadence[ph];
		int64_t due = base;
		for (int j = 1; j <= cp->count; j++) {
			struct rd_duration dj = {cp->every.n * j, cp->every.unit};
			int64_t moved;
			enum rd_err rc = add_dur(b, base, dj, &due);
			if (!rc)
				rc = to_working_day(b, base, dj, due, &moved);
			if (rc)
				return rc;
			char key[RD_OB_KEY_MAX];
			snprintf(key, sizeof key, "follow_up.cadence#%d", ++seq);
			if ((rc = add_ob(b, RD_STEP_FOLLOW_UP, seq, key, opens, moved)))
				return rc;
			opens = moved;
		}
		base = due;
	}
	return RD_OK;
}

void rd_obligation_settle(struct rd_obligation *o, int64_t at)
{
	if (o->met_at) {
		o->state = o->met_at <= o->due_at ? RD_OB_ON_TIME : RD_OB_LATE;
		o->lateness = o->met_at > o->due_at ? o->met_at - o->due_at : 0;
	} else if (o->waived_at) {
		o->state = RD_OB_WAIVED;
	} else if (o->closed_at) {
		o->state = RD_OB_NOT_APPLICABLE;
	} else if (at > o->due_at) {
		o->state = RD_OB_OVERDUE;
		o->lateness = at - o->due_at;
		o->escalation = at >= o->manager_at ? 2 : 1;
	} else {
		o->state = RD_OB_PENDING;
	}
}

int rd_obligation_cmp(const void *a, const void *b)
{
	const struct rd_obligation *x = a, *y = b;
	if (x->due_at != y->due_at)
		return x->due_at < y->due_at ? -1 : 1;
	if (x->step != y->step)
		return x->step < y->step ? -1 : 1;
	/* the check-in (seq 0) before cadence steps, then series order */
	if (x->seq != y->seq)
		return x->seq < y->seq ? -1 : 1;
	return strcmp(x->key, y->key);
}

/* ---- matching ----------------------------------------------------------- */

static int cmp_comm(const void *a, const void *b)
{
	const struct rd_clock_comm *x = *(const struct rd_clock_comm *const *)a;
	const struct rd_clock_comm *y = *(const struct rd_clock_comm *const *)b;
	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	if (x->id != y->id)
		return x->id < y->id ? -1 : 1;
	return x < y ? -1 : x > y;
}

static bool outbound(const struct rd_clock_comm *c)
{
	return !c->direction || strcmp(c->direction, "out") == 0;
}

static enum rd_err validate(const struct rd_clock_input *in, char **errmsg)
{
	if (in->severity < 1 || in->severity > 4)
		return rd_fail(RD_EINVAL, errmsg, "severity must be 1 to 4, got %d", in->severity);
	if (in->tier && strcmp(in->tier, "key") && strcmp(in->tier, "standard"))
		return rd_fail(RD_EINVAL, errmsg, "tier must be key or standard, got '%s'", in->tier);
	if (!is_utc(in->tz) && !rd_tz_valid(in->tz))
		return rd_fail(RD_EINVAL, errmsg, "unknown time zone '%s'", in->tz);
	if (in->detected_at <= 0 || in->detected_at > T_MAX || in->now < 0 || in->now > T_MAX)
		return rd_fail(RD_EINVAL, errmsg, "detected time and now must be real instants");
	for (size_t i = 0; i < in->n_comms; i++) {
		const struct rd_clock_comm *c = &in->comms[i];
		bool kind_ok = false;
		for (int k = 0; c->kind && rd_comm_kind_names[k]; k++)
			kind_ok |= strcmp(c->kind, rd_comm_kind_names[k]) == 0;
		if (!kind_ok)
			return rd_fail(RD_EINVAL, errmsg, "communication %" PRId64 ": unknown kind '%s'", c->id,
				       c->kind ? c->kind : "");
		if (!c->channel || !rd_channel_from_name(c->channel))
			return rd_fail(RD_EINVAL, errmsg, "communication %" PRId64 ": unknown channel '%s'",
				       c->id, c->channel ? c->channel : "");
		if (c->direction && strcmp(c->direction, "out") && strcmp(c->direction, "in"))
			return rd_fail(RD_EINVAL, errmsg, "communication %" PRId64 ": direction must be out or in",
				       c->id);
	}
	for (size_t i = 0; i < in->n_revisions; i++)
		if (!in->revisions[i].reason || !in->revisions[i].reason[0])
			return rd_fail(RD_EINVAL, errmsg, "an ETA revision needs a reason (revision %zu has none)",
				       i + 1);
	return RD_OK;
}

void rd_clock_result_free(struct rd_clock_result *r)
{
	if (!r)
		return;
	free(r->obs);
	r->obs = NULL;
	r->n = 0;
}

bool rd_clock_on_agenda(const struct rd_clock_result *r, const struct rd_obligation *o)
{
	return o->state == RD_OB_OVERDUE || (o->state == RD_OB_PENDING && o->due_at <= r->due_soon_until);
}

long rd_clock_find(const struct rd_clock_result *r, const char *key)
{
	for (size_t i = 0; i < r->n; i++)
		if (strcmp(r->obs[i].key, key) == 0)
			return (long)i;
	return -1;
}

long rd_clock_attribute_chase(const struct rd_clock_result *r, int64_t at)
{
	long best = -1;
	for (size_t i = 0; i < r->n; i++) {
		const struct rd_obligation *o = &r->obs[i];
		if (o->opens_at > at)
			continue;                       /* did not exist yet */
		if (o->met_at && o->met_at <= at)
			continue;                       /* already met */
		if (o->waived_at && o->waived_at <= at)
			continue;                       /* not owed */
		if (o->closed_at && o->closed_at <= at)
			continue;                       /* closed by a rule */
		if (best < 0 || o->due_at < r->obs[best].due_at)
			best = (long)i;
	}
	return best;
}

enum rd_err rd_clock_compute(const struct rd_policy *p, const struct rd_clock_input *in,
			     struct rd_clock_result *out, char **errmsg)
{
	enum rd_err ret = RD_OK;
	const struct rd_clock_comm **cs = NULL;
	struct build b = {.p = p, .in = in, .tz = is_utc(in->tz) ? "UTC" : in->tz, .r = out, .errmsg = errmsg};

	memset(out, 0, sizeof *out);
	out->now = in->now;
	if ((ret = validate(in, errmsg)))
		goto out;

	/* the column */
	unsigned why = 0;
	if (p->key_if_tier_key && in->tier && strcmp(in->tier, "key") == 0)
		why |= RD_COLR_KEY_TIER;
	if (p->key_if_severity_at_most && in->severity <= p->key_if_severity_at_most)
		why |= RD_COLR_SEVERITY;
	if (p->key_if_reopened && in->reopened > 0)
		why |= RD_COLR_REOPENED;
	if (p->key_if_second_failure && in->second_failure)
		why |= RD_COLR_SECOND_FAILURE;
	b.col = why ? RD_COL_KEY : RD_COL_STANDARD;
	out->column = b.col;
	out->column_reasons = why;

	/* communications in time order, then id */
	if (in->n_comms) {
		cs = malloc(in->n_comms * sizeof *cs);
		if (!cs) {
			ret = rd_fail(RD_ENOMEM, errmsg, "out of memory");
			goto out;
		}
		bool sorted = true;
		for (size_t i = 0; i < in->n_comms; i++) {
			cs[i] = &in->comms[i];
			sorted = sorted && (i == 0 || cmp_comm(&cs[i - 1], &cs[i]) < 0);
		}
		/* the store hands a track's history over in this order already
		 * (its index): a long track is not sorted again on every write */
		if (!sorted)
			qsort(cs, in->n_comms, sizeof *cs, cmp_comm);
	}

	/* the facts as of now */
	bool resolved = in->resolved_at > 0 && in->resolved_at <= in->now &&
		(!in->status || !strcmp(in->status, "resolved") || !strcmp(in->status, "closed"));
	int64_t plan_at = in->plan_presented_at > 0 && in->plan_presented_at <= in->now
		? in->plan_presented_at : 0;
	for (size_t i = 0; !plan_at && i < in->n_comms; i++) {
		const struct rd_clock_comm *c = cs[i];
		if (c->at <= in->now && outbound(c) && !c->internal && strcmp(c->kind, "plan") == 0)
			plan_at = c->at;
	}
	out->resolved = resolved;
	out->plan_presented_at = plan_at;
	if ((ret = add_dur(&b, in->now, p->due_soon, &out->due_soon_until)))
		goto out;

	/* the obligations */
	if ((ret = add_simple(&b, RD_STEP_APOLOGY, in->detected_at, false)) ||
	    (ret = add_simple(&b, RD_STEP_RCA_UPDATE, in->detected_at, false)) ||
	    (ret = add_simple(&b, RD_STEP_PLAN, in->detected_at, false)))
		goto out;
	if (plan_at && (ret = add_progress(&b, plan_at, resolved, in->resolved_at)))
		goto out;
	if ((ret = add_delays(&b)) || (ret = add_corrections(&b)))
		goto out;
	if (resolved) {
		/* the resolution notice confirms the fix itself: it is owed
		 * on the clock of the outage, weekend or not */
		if ((ret = add_simple(&b, RD_STEP_RESOLUTION, in->resolved_at, false)) ||
		    (ret = add_simple(&b, RD_STEP_FOLLOW_UP, in->resolved_at, true)) ||
		    (ret = add_simple(&b, RD_STEP_SURVEY, in->resolved_at, true)) ||
		    (ret = add_simple(&b, RD_STEP_REVIEW, in->resolved_at, true)))
			goto out;
		if (p->cadence_columns[b.col] && (ret = add_cadence(&b, in->resolved_at)))
			goto out;
	}
	qsort(out->obs, out->n, sizeof *out->obs, rd_obligation_cmp);

	/* waivers: the earliest waiver (as of now) for each key */
	for (size_t i = 0; i < out->n; i++) {
		struct rd_obligation *o = &out->obs[i];
		for (size_t w = 0; w < in->n_waivers; w++) {
			const struct rd_clock_waiver *wv = &in->waivers[w];
			if (!wv->key || strcmp(wv->key, o->key) || wv->at > in->now)
				continue;
			if (o->waiver < 0 || wv->at < o->waived_at) {
				o->waiver = (int)w;
				o->waived_at = wv->at > 0 ? wv->at : 1;
			}
		}
	}

	/* outbound communications meet the earliest open, allowed, unmet one */
	for (size_t i = 0; i < in->n_comms; i++) {
		const struct rd_clock_comm *c = cs[i];
		if (c->at > in->now || !outbound(c) || c->internal)
			continue;
		int step = rd_step_from_name(c->kind);
		unsigned ch = rd_channel_from_name(c->channel);
		if (step < 0)
			continue;
		for (size_t j = 0; j < out->n; j++) {
			struct rd_obligation *o = &out->obs[j];
			if ((int)o->step != step || o->met_by || o->opens_at > c->at || !(o->channels & ch))
				continue;
			if (o->waived_at && o->waived_at <= c->at)
				continue;
			o->met_by = c->id;
			o->met_at = c->at;
			break;
		}
	}

	/* the resolution rule: progress updates exist to keep a client informed
	 * while the failure is open; once it is resolved, the resolution notice
	 * replaces every one still unmet, so they close at the resolution time
	 * (not_applicable) instead of staying overdue for ever. Not a waiver:
	 * one due before the fix was still missed, and trust and metrics say
	 * so. One met later still counts as sent late; an earlier human waiver
	 * wins; a reopening brings them back (`resolved` is false again). */
	if (resolved) {
		for (size_t i = 0; i < out->n; i++) {
			struct rd_obligation *o = &out->obs[i];
			if (o->step != RD_STEP_PROGRESS || o->met_by ||
			    (o->waived_at && o->waived_at <= in->resolved_at))
				continue;
			o->closed_at = in->resolved_at;
			o->closed_by_rule = rd_clock_rule_resolved_progress;
		}
	}

	/* states and escalation at now */
	for (size_t i = 0; i < out->n; i++) {
		struct rd_obligation *o = &out->obs[i];
		if ((ret = add_dur(&b, o->due_at, p->escalate_manager_after[o->column], &o->manager_at)))
			goto out;
		rd_obligation_settle(o, in->now);
	}

	/* chases: recorded against the earliest obligation pending or overdue then */
	for (size_t i = 0; i < in->n_comms; i++) {
		const struct rd_clock_comm *c = cs[i];
		if (c->at > in->now || outbound(c) || !c->chase)
			continue;
		long k = rd_clock_attribute_chase(out, c->at);
		if (k >= 0) {
			out->obs[k].chases++;
			out->chases_total++;
		} else {
			out->chases_unattributed++;
		}
	}
out:
	free(cs);
	if (ret) {
		rd_clock_result_free(out);
	}
	return ret;
}
