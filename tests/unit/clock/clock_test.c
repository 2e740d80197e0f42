/* clock_test.c — the communication clock against SPEC's table: every row in
 * both columns with exact due times, the key-client channel rule, DST in the
 * client's zone, reopening, ETA revisions, chases, waivers, the follow-up
 * cadence, working days and escalation. With the shipped default policy,
 * and variants of it where a test says so. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "redress/clock.h"
#include "redress/data.h"
#include "redress/policy.h"
#include "redress/time.h"

static struct rd_policy *P;

#define H 3600
#define DAY 86400

static int64_t T(const char *iso)
{
	int64_t t;
	if (rd_time_parse(iso, &t, NULL))
		fail_msg("test bug: bad time %s", iso);
	return t;
}

/* Monday 2 November 2026, 09:00 UTC: no DST anywhere near in UTC. */
static const char *D_ISO = "2026-11-02T09:00:00Z";

static struct rd_clock_input base(const char *tier)
{
	struct rd_clock_input in;
	memset(&in, 0, sizeof in);
	in.failure_id = 3;
	in.severity = 2;
	in.detected_at = T(D_ISO);
	in.client_id = 7;
	in.tier = tier;
	in.tz = "UTC";
	in.now = in.detected_at + 1;
	return in;
}

static void compute(const struct rd_clock_input *in, struct rd_clock_result *r)
{
	char *err = NULL;
	if (rd_clock_compute(P, in, r, &err))
		fail_msg("rd_clock_compute: %s", err ? err : "?");
}

static const struct rd_obligation *ob(const struct rd_clock_result *r, const char *key)
{
	long i = rd_clock_find(r, key);
	if (i < 0)
		fail_msg("no obligation '%s'", key);
	return &r->obs[i];
}

static void assert_due(const struct rd_clock_result *r, const char *key, const char *iso)
{
	char b[RD_TIME_BUFSZ];
	const struct rd_obligation *o = ob(r, key);
	if (strcmp(rd_time_format(o->due_at, b), iso) != 0)
		fail_msg("%s due %s, want %s", key, b, iso);
}

static size_t count_prefix(const struct rd_clock_result *r, const char *prefix)
{
	size_t n = 0;
	for (size_t i = 0; i < r->n; i++)
		n += strncmp(r->obs[i].key, prefix, strlen(prefix)) == 0;
	return n;
}

static int setup(void **state)
{
	(void)state;
	char *err = NULL;
	if (rd_policy_load(NULL, &P, &err)) {
		fprintf(stderr, "policy: %s\n", err);
		return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	rd_policy_free(P);
	return 0;
}

/* ---- SPEC's table, standard column ------------------------------------ */

static void standard_column_every_row(void **state)
{
	(void)state;
	struct rd_clock_comm comms[] = {
		{.id = 1, .kind = "plan", .channel = "email", .at = T("2026-11-04T09:00:00Z")},
	};
	struct rd_clock_input in = base("standard");
	in.comms = comms;
	in.n_comms = 1;
	in.resolved_at = T("2026-11-22T09:00:00Z");
	in.status = "resolved";
	in.now = T("2028-01-01T00:00:00Z");
	struct rd_clock_result r;
	compute(&in, &r);

	assert_int_equal(r.column, RD_COL_STANDARD);
	assert_int_equal(r.column_reasons, 0);
	assert_due(&r, "apology", "2026-11-02T13:00:00Z");      /* detected + 4 h */
	assert_due(&r, "rca_update", "2026-11-05T09:00:00Z");   /* detected + 3 days */
	assert_due(&r, "plan", "2026-11-07T09:00:00Z");         /* detected + 5 days */
	assert_due(&r, "progress#1", "2026-11-11T09:00:00Z");   /* plan + 7 days */
	assert_due(&r, "progress#2", "2026-11-18T09:00:00Z");   /* … until resolved */
	assert_int_equal(rd_clock_find(&r, "progress#3"), -1);  /* 11-25 is after resolution */
	assert_due(&r, "resolution", "2026-11-23T09:00:00Z");   /* resolved + 24 h */
	assert_due(&r, "follow_up", "2026-11-25T09:00:00Z");    /* resolved + 3 days */
	assert_due(&r, "survey", "2026-12-07T09:00:00Z");       /* + 14 days is a Sunday: Monday */
	assert_due(&r, "review", "2027-01-06T09:00:00Z");       /* resolved + 45 days */
	assert_int_equal(count_prefix(&r, "follow_up.cadence"), 0);
	assert_int_equal(r.n, 9);

	/* ordered by due time */
	for (size_t i = 1; i < r.n; i++)
		assert_true(r.obs[i - 1].due_at <= r.obs[i].due_at);
	/* the plan was met on time; the rest are overdue and at the manager */
	assert_int_equal(ob(&r, "plan")->state, RD_OB_ON_TIME);
	assert_int_equal(ob(&r, "plan")->met_by, 1);
	assert_int_equal(ob(&r, "apology")->state, RD_OB_OVERDUE);
	assert_int_equal(ob(&r, "apology")->escalation, 2);
	assert_int_equal(ob(&r, "apology")->channels, RD_CH_ANY);
	assert_int_equal(ob(&r, "apology")->column, RD_COL_STANDARD);
	assert_true(r.resolved);
	assert_int_equal(r.plan_presented_at, T("2026-11-04T09:00:00Z"));
	rd_clock_result_free(&r);
}

/* ---- SPEC's table, key column ----------------------------------------- */

static void key_column_every_row(void **state)
{
	(void)state;
	struct rd_clock_comm comms[] = {
		{.id = 1, .kind = "plan", .channel = "meeting", .at = T("2026-11-04T09:00:00Z")},
	};
	struct rd_clock_input in = base("key");
	in.comms = comms;
	in.n_comms = 1;
	in.resolved_at = T("2026-11-22T09:00:00Z");
	in.status = "closed";
	in.now = T("2029-01-01T00:00:00Z");
	struct rd_clock_result r;
	compute(&in, &r);

	assert_int_equal(r.column, RD_COL_KEY);
	assert_int_equal(r.column_reasons, RD_COLR_KEY_TIER);
	assert_due(&r, "apology", "2026-11-02T11:00:00Z");      /* detected + 2 h */
	assert_int_equal(ob(&r, "apology")->channels, RD_CH_CALL | RD_CH_MEETING);
	assert_due(&r, "rca_update", "2026-11-03T09:00:00Z");   /* + 1 day */
	assert_due(&r, "plan", "2026-11-05T09:00:00Z");         /* + 3 days */
	/* progress every day after the plan (11-04) until resolved (11-22) */
	assert_int_equal(count_prefix(&r, "progress#"), 18);
	assert_due(&r, "progress#1", "2026-11-05T09:00:00Z");
	assert_due(&r, "progress#18", "2026-11-22T09:00:00Z");
	assert_due(&r, "resolution", "2026-11-22T13:00:00Z");   /* resolved + 4 h */
	assert_due(&r, "follow_up", "2026-11-25T09:00:00Z");    /* same as standard */
	assert_due(&r, "survey", "2026-12-07T09:00:00Z");
	assert_due(&r, "review", "2027-01-06T09:00:00Z");
	assert_int_equal(count_prefix(&r, "follow_up.cadence#"), 12);
	/* escalation to the manager 4 h after due for the key column */
	const struct rd_obligation *a = ob(&r, "apology");
	assert_int_equal(a->manager_at, a->due_at + 4 * H);
	rd_clock_result_free(&r);
}

static void severity_one_and_second_failure_tighten_to_key(void **state)
{
	(void)state;
	struct rd_clock_input in = base("standard");
	in.severity = 1;
	struct rd_clock_result r;
	compute(&in, &r);
	assert_int_equal(r.column, RD_COL_KEY);
	assert_int_equal(r.column_reasons, RD_COLR_SEVERITY);
	assert_due(&r, "apology", "2026-11-02T11:00:00Z");
	rd_clock_result_free(&r);

	in.severity = 3;
	in.second_failure = true;
	compute(&in, &r);
	assert_int_equal(r.column, RD_COL_KEY);
	assert_int_equal(r.column_reasons, RD_COLR_SECOND_FAILURE);
	assert_due(&r, "rca_update", "2026-11-03T09:00:00Z");
	rd_clock_result_free(&r);

	in.second_failure = false;
	compute(&in, &r);
	assert_int_equal(r.column, RD_COL_STANDARD);
	assert_due(&r, "rca_update", "2026-11-05T09:00:00Z");
	rd_clock_result_free(&r);
}

/* ---- the channel rule -------------------------------------------------- */

static void key_apology_needs_call_or_meeting(void **state)
{
	(void)state;
	int64_t d = T(D_ISO);
	struct rd_clock_comm comms[] = {
		{.id = 10, .kind = "apology", .channel = "email", .at = d + 1 * H},
		{.id = 11, .kind = "apology", .channel = "call", .at = d + 2 * H + 1800},
	};
	struct rd_clock_input in = base("key");
	in.comms = comms;
	in.n_comms = 1;               /* only the email so far */
	in.now = d + 3 * H;
	struct rd_clock_result r;
	compute(&in, &r);
	const struct rd_obligation *a = ob(&r, "apology");
	assert_int_equal(a->state, RD_OB_OVERDUE);     /* an email apology does not count */
	assert_int_equal(a->met_by, 0);
	assert_int_equal(a->escalation, 1);
	assert_int_equal(a->lateness, 1 * H);
	rd_clock_result_free(&r);

	in.n_comms = 2;               /* then the call, 30 min late */
	compute(&in, &r);
	a = ob(&r, "apology");
	assert_int_equal(a->state, RD_OB_LATE);
	assert_int_equal(a->met_by, 11);
	assert_int_equal(a->lateness, 1800);
	assert_int_equal(a->escalation, 0);
	rd_clock_result_free(&r);

	/* a standard client's email apology is fine */
	in = base("standard");
	in.comms = comms;
	in.n_comms = 1;
	in.now = d + 3 * H;
	compute(&in, &r);
	a = ob(&r, "apology");
	assert_int_equal(a->state, RD_OB_ON_TIME);
	assert_int_equal(a->met_by, 10);
	rd_clock_result_free(&r);
}

/* ---- DST in the client's zone ------------------------------------------ */

static void check_dst(const char *tz, const char *tier, const char *detected, const char *apology,
		      const char *rca, const char *plan)
{
	struct rd_clock_input in = base(tier);
	in.tz = tz;
	in.detected_at = T(detected);
	in.now = in.detected_at;
	struct rd_clock_result r;
	compute(&in, &r);
	assert_due(&r, "apology", apology);
	assert_due(&r, "rca_update", rca);
	assert_due(&r, "plan", plan);
	rd_clock_result_free(&r);
}

static void dst_days_keep_local_time_hours_are_exact(void **state)
{
	(void)state;
	/* Berlin, autumn: 25 Oct 2026 03:00 CEST -> 02:00 CET. Detected Fri
	 * 10:00 CEST; "+3 days" is Mon 10:00 CET, 73 hours later; "+4 h" is 4 h. */
	check_dst("Europe/Berlin", "standard", "2026-10-23T08:00:00Z",
		  "2026-10-23T12:00:00Z", "2026-10-26T09:00:00Z", "2026-10-28T09:00:00Z");
	check_dst("Europe/Berlin", "key", "2026-10-23T08:00:00Z",
		  "2026-10-23T10:00:00Z", "2026-10-24T08:00:00Z", "2026-10-26T09:00:00Z");
	/* Berlin, spring: 29 Mar 2026 02:00 CET -> 03:00 CEST: 71 hours. */
	check_dst("Europe/Berlin", "standard", "2026-03-27T08:00:00Z",
		  "2026-03-27T12:00:00Z", "2026-03-30T07:00:00Z", "2026-04-01T07:00:00Z");
	/* New York, autumn: 1 Nov 2026 02:00 EDT -> 01:00 EST. 09:00 EDT Fri. */
	check_dst("America/New_York", "standard", "2026-10-30T13:00:00Z",
		  "2026-10-30T17:00:00Z", "2026-11-02T14:00:00Z", "2026-11-04T14:00:00Z");
	check_dst("America/New_York", "key", "2026-10-30T13:00:00Z",
		  "2026-10-30T15:00:00Z", "2026-10-31T13:00:00Z", "2026-11-02T14:00:00Z");
	/* New York, spring: 8 Mar 2026 02:00 EST -> 03:00 EDT. */
	check_dst("America/New_York", "standard", "2026-03-06T14:00:00Z",
		  "2026-03-06T18:00:00Z", "2026-03-09T13:00:00Z", "2026-03-11T13:00:00Z");
	/* the same instants in UTC are plain 72 h */
	check_dst("UTC", "standard", "2026-10-23T08:00:00Z",
		  "2026-10-23T12:00:00Z", "2026-10-26T08:00:00Z", "2026-10-28T08:00:00Z");
}

static void duration_add_edges(void **state)
{
	(void)state;
	struct rd_duration d1 = {1, RD_DUR_DAY}, h24 = {24, RD_DUR_HOUR}, m1 = {1, RD_DUR_MONTH},
			   w1 = {1, RD_DUR_WEEK};
	int64_t out;
	char b[RD_TIME_BUFSZ];
	/* 02:30 on 8 Mar 2026 does not exist in New York: moves forward by the jump */
	assert_int_equal(rd_duration_add(T("2026-03-07T07:30:00Z"), d1, "America/New_York", &out), RD_OK);
	assert_string_equal(rd_time_format(out, b), "2026-03-08T07:30:00Z");
	/* 01:30 on 1 Nov 2026 happens twice in New York: the first one */
	assert_int_equal(rd_duration_add(T("2026-10-31T05:30:00Z"), d1, "America/New_York", &out), RD_OK);
	assert_string_equal(rd_time_format(out, b), "2026-11-01T05:30:00Z");
	/* hours are exact across the change */
	assert_int_equal(rd_duration_add(T("2026-10-24T23:00:00Z"), h24, "Europe/Berlin", &out), RD_OK);
	assert_string_equal(rd_time_format(out, b), "2026-10-25T23:00:00Z");
	/* a day across it is 25 h */
	assert_int_equal(rd_duration_add(T("2026-10-24T23:00:00Z"), d1, "Europe/Berlin", &out), RD_OK);
	assert_string_equal(rd_time_format(out, b), "2026-10-26T00:00:00Z");
	/* a week and a month keep the local time too */
	assert_int_equal(rd_duration_add(T("2026-10-20T10:00:00Z"), w1, "Europe/Berlin", &out), RD_OK);
	assert_string_equal(rd_time_format(out, b), "2026-10-27T11:00:00Z");
	assert_int_equal(rd_duration_add(T("2026-10-01T10:00:00Z"), m1, "Europe/Berlin", &out), RD_OK);
	assert_string_equal(rd_time_format(out, b), "2026-11-01T11:00:00Z");
	/* months clamp to the end of a shorter month */
	assert_int_equal(rd_duration_add(T("2026-01-31T10:00:00Z"), m1, "UTC", &out), RD_OK);
	assert_string_equal(rd_time_format(out, b), "2026-02-28T10:00:00Z");
	assert_int_equal(rd_duration_add(T("2028-01-31T10:00:00Z"), m1, NULL, &out), RD_OK);
	assert_string_equal(rd_time_format(out, b), "2028-02-29T10:00:00Z");
	/* an unknown zone is an error */
	assert_int_equal(rd_duration_add(T("2026-01-31T10:00:00Z"), d1, "Mars/Olympus", &out), RD_EINVAL);
}

/* ---- reopening ---------------------------------------------------------- */

static void reopened_failure_tightens_and_restarts_resolution(void **state)
{
	(void)state;
	int64_t d = T(D_ISO);
	struct rd_clock_comm comms[] = {
		{.id = 20, .kind = "resolution", .channel = "email", .at = d + DAY + H},
		{.id = 21, .kind = "resolution", .channel = "email", .at = d + 3 * DAY + H},
	};
	struct rd_clock_input in = base("standard");
	in.severity = 3;
	in.reopened = 1;
	in.status = "investigating";        /* reopened after a first resolution */
	in.resolved_at = d + DAY;
	in.comms = comms;
	in.n_comms = 1;
	in.now = d + 2 * DAY;
	struct rd_clock_result r;
	compute(&in, &r);
	assert_int_equal(r.column, RD_COL_KEY);
	assert_int_equal(r.column_reasons, RD_COLR_REOPENED);
	assert_due(&r, "apology", "2026-11-02T11:00:00Z");
	assert_false(r.resolved);
	assert_int_equal(rd_clock_find(&r, "resolution"), -1);
	rd_clock_result_free(&r);

	/* resolved again: the old notice does not count for the new resolution */
	in.status = "resolved";
	in.resolved_at = d + 3 * DAY;
	in.now = d + 3 * DAY + 5 * H;
	compute(&in, &r);
	assert_due(&r, "resolution", "2026-11-05T13:00:00Z");   /* key: + 4 h */
	assert_int_equal(ob(&r, "resolution")->state, RD_OB_OVERDUE);
	assert_int_equal(count_prefix(&r, "follow_up.cadence#"), 12);  /* key column cadence */
	rd_clock_result_free(&r);

	in.n_comms = 2;
	compute(&in, &r);
	assert_int_equal(ob(&r, "resolution")->state, RD_OB_ON_TIME);
	assert_int_equal(ob(&r, "resolution")->met_by, 21);
	rd_clock_result_free(&r);
}

/* ---- ETA revisions ------------------------------------------------------ */

static void eta_revised_twice_two_delay_notices(void **state)
{
	(void)state;
	int64_t d = T(D_ISO);
	struct rd_clock_eta_revision revs[] = {
		{.at = d + 3 * DAY, .eta = d + 14 * DAY, .reason = "the vendor patch failed"},
		{.at = d + 13 * DAY + 12 * H, .eta = d + 20 * DAY, .reason = "data migration slower"},
		{.at = d + 30 * DAY, .eta = d + 40 * DAY, .reason = "after now: ignored"},
	};
	struct rd_clock_comm comms[] = {
		{.id = 30, .kind = "delay", .channel = "email", .at = d + 3 * DAY + 2 * H},
		{.id = 31, .kind = "delay", .channel = "email", .at = d + 14 * DAY + H},
	};
	struct rd_clock_input in = base("standard");
	in.initial_eta = d + 10 * DAY;
	in.revisions = revs;
	in.n_revisions = 3;
	in.comms = comms;
	in.n_comms = 2;
	in.now = d + 16 * DAY;
	struct rd_clock_result r;
	compute(&in, &r);
	assert_int_equal(count_prefix(&r, "delay@"), 2);
	/* first: revision + 24 h, well before the old ETA */
	assert_due(&r, "delay@20261105T090000Z", "2026-11-06T09:00:00Z");
	assert_int_equal(ob(&r, "delay@20261105T090000Z")->state, RD_OB_ON_TIME);
	assert_int_equal(ob(&r, "delay@20261105T090000Z")->met_by, 30);
	/* second: the old ETA (d + 14 d) comes before revision + 24 h */
	assert_due(&r, "delay@20261115T210000Z", "2026-11-16T09:00:00Z");
	assert_int_equal(ob(&r, "delay@20261115T210000Z")->state, RD_OB_LATE);
	assert_int_equal(ob(&r, "delay@20261115T210000Z")->lateness, H);
	assert_int_equal(ob(&r, "delay@20261115T210000Z")->opens_at, d + 13 * DAY + 12 * H);
	rd_clock_result_free(&r);

	/* a revision without a reason is refused */
	struct rd_clock_eta_revision bad = {.at = d + DAY, .eta = d + 5 * DAY, .reason = ""};
	in.revisions = &bad;
	in.n_revisions = 1;
	char *err = NULL;
	assert_int_equal(rd_clock_compute(P, &in, &r, &err), RD_EINVAL);
	assert_non_null(strstr(err, "reason"));
	free(err);
	rd_clock_result_free(&r);
}

/* ---- chases ------------------------------------------------------------- */

static void chases_count_against_the_pending_obligation(void **state)
{
	(void)state;
	int64_t d = T(D_ISO);
	struct rd_clock_comm comms[] = {
		{.id = 1, .kind = "apology", .channel = "email", .at = d + H},
		{.id = 2, .kind = "other", .channel = "email", .direction = "in", .chase = true, .at = d + 1800},
		{.id = 3, .kind = "other", .channel = "call", .direction = "in", .chase = true, .at = d + DAY},
		{.id = 4, .kind = "other", .channel = "email", .direction = "in", .chase = true, .at = d - H},
		{.id = 5, .kind = "other", .channel = "email", .direction = "in", .chase = false, .at = d + DAY},
		{.id = 6, .kind = "other", .channel = "email", .direction = "in", .chase = true, .at = d + 3 * DAY + H},
	};
	struct rd_clock_input in = base("standard");
	in.comms = comms;
	in.n_comms = 6;
	in.now = d + 4 * DAY;
	struct rd_clock_result r;
	compute(&in, &r);
	assert_int_equal(ob(&r, "apology")->chases, 1);      /* 2: before the apology was sent */
	assert_int_equal(ob(&r, "rca_update")->chases, 2);   /* 3: pending; 6: overdue */
	assert_int_equal(ob(&r, "plan")->chases, 0);
	assert_int_equal(r.chases_total, 3);
	assert_int_equal(r.chases_unattributed, 1);          /* 4: before detection */
	/* the helper the CLI uses answers the same */
	assert_int_equal(rd_clock_attribute_chase(&r, d + 2 * H), rd_clock_find(&r, "rca_update"));
	assert_int_equal(rd_clock_attribute_chase(&r, d + 10), rd_clock_find(&r, "apology"));
	assert_int_equal(rd_clock_attribute_chase(&r, d - 10), -1);
	rd_clock_result_free(&r);
}

/* ---- waivers ------------------------------------------------------------ */

static void waiver_takes_an_obligation_off_the_clock(void **state)
{
	(void)state;
	int64_t d = T(D_ISO);
	struct rd_clock_waiver waivers[] = {
		{.key = "rca_update", .reason = "client asked for the full plan only", .by_user_id = 5, .at = d + H},
		{.key = "apology", .reason = "given after it was met", .by_user_id = 5, .at = d + 2 * H},
		{.key = "plan", .reason = "in the future", .by_user_id = 5, .at = d + 30 * DAY},
	};
	struct rd_clock_comm comms[] = {
		{.id = 1, .kind = "apology", .channel = "email", .at = d + 1800},
		{.id = 2, .kind = "other", .channel = "email", .direction = "in", .chase = true, .at = d + 2 * H},
		{.id = 9, .kind = "rca_update", .channel = "email", .at = d + 2 * DAY},
	};
	struct rd_clock_input in = base("standard");
	in.waivers = waivers;
	in.n_waivers = 3;
	in.comms = comms;
	in.n_comms = 3;
	in.now = d + 10 * DAY;
	struct rd_clock_result r;
	compute(&in, &r);
	const struct rd_obligation *rca = ob(&r, "rca_update");
	assert_int_equal(rca->state, RD_OB_WAIVED);
	assert_int_equal(rca->waiver, 0);
	assert_int_equal(rca->met_by, 0);             /* a waived step takes no message */
	assert_int_equal(rca->escalation, 0);
	assert_int_equal(ob(&r, "apology")->state, RD_OB_ON_TIME);   /* met before the waiver */
	assert_int_equal(ob(&r, "plan")->state, RD_OB_OVERDUE);      /* waiver not yet given */
	assert_int_equal(ob(&r, "plan")->chases, 1);  /* the chase skips the waived step */
	assert_int_equal(rca->chases, 0);
	rd_clock_result_free(&r);
}

/* ---- the follow-up cadence ---------------------------------------------- */

static void cadence_after_resolution(void **state)
{
	(void)state;
	int64_t rv = T("2026-11-20T10:00:00Z");
	struct rd_clock_comm comms[] = {
		{.id = 40, .kind = "follow_up", .channel = "call", .at = rv + 2 * DAY},
		{.id = 41, .kind = "follow_up", .channel = "email", .at = rv + 6 * DAY},
		{.id = 42, .kind = "follow_up", .channel = "email", .at = rv + 20 * DAY},
	};
	struct rd_clock_input in = base("key");
	in.resolved_at = rv;
	in.status = "resolved";
	in.comms = comms;
	in.n_comms = 3;
	in.now = T("2028-06-01T00:00:00Z");
	struct rd_clock_result r;
	compute(&in, &r);
	static const char *const want[] = {
		"2026-11-27T10:00:00Z", "2026-12-04T10:00:00Z", "2026-12-11T10:00:00Z", "2026-12-18T10:00:00Z",
		"2027-01-01T10:00:00Z", "2027-01-15T10:00:00Z", "2027-01-29T10:00:00Z", "2027-02-12T10:00:00Z",
		"2027-05-12T10:00:00Z", "2027-08-12T10:00:00Z", "2027-11-12T10:00:00Z",
		"2028-02-14T10:00:00Z",    /* 12 Feb 2028 is a Saturday: the Monday after */
	};
	assert_int_equal(count_prefix(&r, "follow_up.cadence#"), 12);
	for (int i = 0; i < 12; i++) {
		char key[64];
		snprintf(key, sizeof key, "follow_up.cadence#%d", i + 1);
		assert_due(&r, key, want[i]);
	}
	assert_int_equal(rd_clock_find(&r, "follow_up.cadence#13"), -1);
	/* the check-in is met first, then the cadence in order */
	assert_int_equal(ob(&r, "follow_up")->met_by, 40);
	assert_int_equal(ob(&r, "follow_up")->state, RD_OB_ON_TIME);
	assert_int_equal(ob(&r, "follow_up.cadence#1")->met_by, 41);
	assert_int_equal(ob(&r, "follow_up.cadence#1")->state, RD_OB_ON_TIME);
	assert_int_equal(ob(&r, "follow_up.cadence#2")->met_by, 42);
	assert_int_equal(ob(&r, "follow_up.cadence#2")->state, RD_OB_LATE);
	assert_int_equal(ob(&r, "follow_up.cadence#3")->state, RD_OB_OVERDUE);
	assert_int_equal(ob(&r, "follow_up.cadence#3")->kind[0], 'f');
	rd_clock_result_free(&r);

	/* a standard client gets no cadence */
	in.tier = "standard";
	compute(&in, &r);
	assert_int_equal(count_prefix(&r, "follow_up.cadence#"), 0);
	rd_clock_result_free(&r);
}

/* ---- working days ------------------------------------------------------- */

/* The shipped policy with OLD replaced by NEW (OLD must be in it). */
static struct rd_policy *variant(const char *old, const char *new)
{
	const char *d = rd_data_default("policy.yaml", NULL);
	const char *at = d ? strstr(d, old) : NULL;
	if (!at)
		fail_msg("test bug: '%s' not in the default policy", old);
	size_t off = (size_t)(at - d), lo = strlen(old), ln = strlen(new), lt = strlen(d);
	char *t = malloc(lt - lo + ln + 1);
	assert_non_null(t);
	memcpy(t, d, off);
	memcpy(t + off, new, ln);
	memcpy(t + off + ln, d + off + lo, lt - off - lo + 1);
	struct rd_policy *p = NULL;
	char *err = NULL;
	if (rd_policy_parse(t, strlen(t), "variant.yaml", &p, &err))
		fail_msg("variant policy: %s", err);
	free(t);
	return p;
}

/* A standard track resolved at RESOLVED in zone TZ, as of a year later. */
static void compute_resolved(const struct rd_policy *p, const char *tz, const char *resolved,
			     struct rd_clock_result *r)
{
	struct rd_clock_input in = base("standard");
	in.tz = tz;
	in.resolved_at = T(resolved);
	in.detected_at = in.resolved_at - 2 * DAY;
	in.status = "resolved";
	in.now = in.resolved_at + 400 * DAY;
	char *err = NULL;
	if (rd_clock_compute(p, &in, r, &err))
		fail_msg("rd_clock_compute: %s", err ? err : "?");
}

/* The weekday is the client's: in Auckland (NZDT, UTC+13) 09:00 is 20:00
 * the day before in UTC. Resolved Thursday 19 Nov 2026 09:00 there, the
 * check-in three days on is Sunday 09:00 there and moves to Monday 09:00
 * there, which is Sunday 20:00 in UTC. */
static void weekend_check_in_moves_to_monday_in_the_clients_zone(void **state)
{
	(void)state;
	struct rd_clock_result r;
	compute_resolved(P, "Pacific/Auckland", "2026-11-18T20:00:00Z", &r);
	assert_due(&r, "follow_up", "2026-11-22T20:00:00Z");    /* Monday 23 Nov, 09:00 NZDT */
	assert_due(&r, "survey", "2026-12-02T20:00:00Z");       /* Thursday 3 Dec: stays */
	assert_due(&r, "review", "2027-01-03T20:00:00Z");       /* Sunday 3 Jan -> Monday 4 Jan */
	/* the fix itself is confirmed on the outage's clock: + 24 h, no move */
	assert_due(&r, "resolution", "2026-11-19T20:00:00Z");
	/* the check-in still opens at the resolution */
	assert_int_equal(ob(&r, "follow_up")->opens_at, T("2026-11-18T20:00:00Z"));
	rd_clock_result_free(&r);

	/* resolved Wednesday 18 Nov 09:00 NZDT: the check-in is Saturday 09:00
	 * there, still Friday in UTC, and moves to Monday */
	compute_resolved(P, "Pacific/Auckland", "2026-11-17T20:00:00Z", &r);
	assert_due(&r, "follow_up", "2026-11-22T20:00:00Z");
	rd_clock_result_free(&r);
	/* resolved Friday 20 Nov 09:00 NZDT: the check-in is Monday there,
	 * Sunday in UTC, and stays */
	compute_resolved(P, "Pacific/Auckland", "2026-11-19T20:00:00Z", &r);
	assert_due(&r, "follow_up", "2026-11-22T20:00:00Z");
	rd_clock_result_free(&r);

	/* steps before the fix never move: an rca_update due on a Sunday stays */
	struct rd_clock_input in = base("standard");
	in.detected_at = T("2026-11-05T09:00:00Z");             /* Thursday */
	in.now = in.detected_at + 1;
	compute(&in, &r);
	assert_due(&r, "rca_update", "2026-11-08T09:00:00Z");   /* Sunday */
	rd_clock_result_free(&r);
}

/* Moving across a DST change keeps the local time of day, not 24 h steps. */
static void working_day_move_keeps_local_time_across_dst(void **state)
{
	(void)state;
	struct rd_clock_result r;
	/* Berlin, autumn: resolved Wed 21 Oct 2026 10:00 CEST; Sat 24 Oct
	 * 10:00 CEST -> Mon 26 Oct 10:00 CET, 49 h later */
	compute_resolved(P, "Europe/Berlin", "2026-10-21T08:00:00Z", &r);
	assert_due(&r, "follow_up", "2026-10-26T09:00:00Z");
	rd_clock_result_free(&r);
	/* Berlin, spring: resolved Wed 25 Mar 2026 10:00 CET; Sat 28 Mar 10:00
	 * CET -> Mon 30 Mar 10:00 CEST, 47 h later */
	compute_resolved(P, "Europe/Berlin", "2026-03-25T09:00:00Z", &r);
	assert_due(&r, "follow_up", "2026-03-30T08:00:00Z");
	rd_clock_result_free(&r);
	/* resolved Thu 26 Mar 02:30 CET: + 3 days is Sunday 02:30, a time the
	 * spring change skips (03:30 CEST); Monday has 02:30 again, and that
	 * is where it goes, not 03:30 */
	compute_resolved(P, "Europe/Berlin", "2026-03-26T01:30:00Z", &r);
	assert_due(&r, "follow_up", "2026-03-30T00:30:00Z");
	rd_clock_result_free(&r);
}

/* A key track resolved on Saturday 21 Nov 2026 10:00 UTC: every weekly and
 * fortnightly step falls on a Saturday and moves to the Monday after, each
 * counted from the unmoved series (so still 7 and 14 days apart). The
 * quarterly phase counts on from the last unmoved step (Sat 13 Feb 2027):
 * 13 May is a Thursday and stays. Counted from the moved Monday it would
 * have been Sat 15 May, moved to Mon 17 May. */
static void cadence_moves_steps_without_drift(void **state)
{
	(void)state;
	struct rd_clock_input in = base("key");
	in.resolved_at = T("2026-11-21T10:00:00Z");
	in.status = "resolved";
	in.now = T("2028-06-01T00:00:00Z");
	struct rd_clock_result r;
	compute(&in, &r);
	static const char *const want[] = {
		"2026-11-30T10:00:00Z", "2026-12-07T10:00:00Z", "2026-12-14T10:00:00Z", "2026-12-21T10:00:00Z",
		"2027-01-04T10:00:00Z", "2027-01-18T10:00:00Z", "2027-02-01T10:00:00Z", "2027-02-15T10:00:00Z",
		"2027-05-13T10:00:00Z", "2027-08-13T10:00:00Z", "2027-11-15T10:00:00Z", "2028-02-14T10:00:00Z",
	};
	for (int i = 0; i < 12; i++) {
		char key[64];
		snprintf(key, sizeof key, "follow_up.cadence#%d", i + 1);
		assert_due(&r, key, want[i]);
		/* each opens when the step before it was due, as moved */
		int64_t prev = i ? T(want[i - 1]) : in.resolved_at;
		assert_int_equal(ob(&r, key)->opens_at, prev);
	}
	assert_due(&r, "follow_up", "2026-11-24T10:00:00Z");    /* Tuesday: stays */
	rd_clock_result_free(&r);
}

/* A policy without `working_days` works every day: the due times are the
 * plain calendar ones, weekends included, as before the key existed. */
static void no_working_days_key_keeps_calendar_due_times(void **state)
{
	(void)state;
	struct rd_policy *p = variant("working_days: [mon, tue, wed, thu, fri]\n", "");
	struct rd_clock_result r;
	compute_resolved(p, "Pacific/Auckland", "2026-11-18T20:00:00Z", &r);
	assert_due(&r, "follow_up", "2026-11-21T20:00:00Z");    /* Sunday 22 Nov, 09:00 NZDT */
	assert_due(&r, "review", "2027-01-02T20:00:00Z");       /* Sunday 3 Jan */
	rd_clock_result_free(&r);
	struct rd_clock_input in = base("key");
	in.resolved_at = T("2026-11-21T10:00:00Z");
	in.status = "resolved";
	in.now = T("2028-06-01T00:00:00Z");
	char *err = NULL;
	assert_int_equal(rd_clock_compute(p, &in, &r, &err), RD_OK);
	assert_due(&r, "follow_up.cadence#1", "2026-11-28T10:00:00Z");  /* Saturday */
	assert_due(&r, "follow_up.cadence#12", "2028-02-13T10:00:00Z"); /* Sunday */
	rd_clock_result_free(&r);
	rd_policy_free(p);
}

/* A desk that works weekends only: a weekday step moves to Saturday. */
static void weekend_only_desk_moves_weekday_steps(void **state)
{
	(void)state;
	struct rd_policy *p = variant("working_days: [mon, tue, wed, thu, fri]", "working_days: [sat, sun]");
	struct rd_clock_result r;
	compute_resolved(p, "UTC", "2026-11-19T09:00:00Z", &r);  /* Thursday */
	assert_due(&r, "follow_up", "2026-11-22T09:00:00Z");    /* Sunday: a working day here */
	assert_due(&r, "survey", "2026-12-05T09:00:00Z");       /* Thu 3 Dec -> Sat 5 Dec */
	assert_due(&r, "review", "2027-01-03T09:00:00Z");       /* Sunday 3 Jan: stays */
	rd_clock_result_free(&r);
	rd_policy_free(p);
}

/* ---- escalation --------------------------------------------------------- */

static void escalation_owner_then_manager(void **state)
{
	(void)state;
	int64_t d = T(D_ISO);
	struct rd_clock_input in = base("standard");
	struct rd_clock_result r;
	in.now = d + 4 * H;                       /* exactly at due: still pending */
	compute(&in, &r);
	assert_int_equal(ob(&r, "apology")->state, RD_OB_PENDING);
	assert_int_equal(ob(&r, "apology")->escalation, 0);
	rd_clock_result_free(&r);
	in.now = d + 4 * H + 1;
	compute(&in, &r);
	assert_int_equal(ob(&r, "apology")->state, RD_OB_OVERDUE);
	assert_int_equal(ob(&r, "apology")->escalation, 1);
	assert_int_equal(ob(&r, "apology")->manager_at, d + 28 * H);
	rd_clock_result_free(&r);
	in.now = d + 28 * H;
	compute(&in, &r);
	assert_int_equal(ob(&r, "apology")->escalation, 2);
	rd_clock_result_free(&r);
	in.tier = "key";
	in.now = d + 6 * H - 1;
	compute(&in, &r);
	assert_int_equal(ob(&r, "apology")->escalation, 1);
	rd_clock_result_free(&r);
	in.now = d + 6 * H;
	compute(&in, &r);
	assert_int_equal(ob(&r, "apology")->escalation, 2);
	rd_clock_result_free(&r);
}

/* ---- progress while unresolved ------------------------------------------ */

static void progress_runs_until_now_while_unresolved(void **state)
{
	(void)state;
	int64_t d = T(D_ISO);
	struct rd_clock_comm comms[] = {
		{.id = 50, .kind = "progress", .channel = "email", .at = d + 12 * H},  /* before the plan */
		{.id = 51, .kind = "plan", .channel = "email", .at = d + DAY},
		{.id = 52, .kind = "progress", .channel = "portal", .at = d + 9 * DAY},
	};
	struct rd_clock_input in = base("standard");
	in.comms = comms;
	in.n_comms = 3;
	in.now = d + 9 * DAY + H;
	struct rd_clock_result r;
	compute(&in, &r);
	assert_int_equal(count_prefix(&r, "progress#"), 2);
	assert_due(&r, "progress#1", "2026-11-10T09:00:00Z");
	assert_due(&r, "progress#2", "2026-11-17T09:00:00Z");
	assert_int_equal(ob(&r, "progress#1")->met_by, 52);       /* late, and 50 did not count */
	assert_int_equal(ob(&r, "progress#1")->state, RD_OB_LATE);
	assert_int_equal(ob(&r, "progress#2")->state, RD_OB_PENDING);
	assert_int_equal(ob(&r, "progress#2")->opens_at, T("2026-11-10T09:00:00Z"));
	/* the agenda: overdue, or due within 24 h of now */
	assert_int_equal(r.due_soon_until, in.now + DAY);
	assert_true(rd_clock_on_agenda(&r, ob(&r, "apology")));      /* overdue */
	assert_false(rd_clock_on_agenda(&r, ob(&r, "progress#1")));  /* met */
	assert_false(rd_clock_on_agenda(&r, ob(&r, "progress#2")));  /* due in 6 days */
	rd_clock_result_free(&r);
	in.now = T("2026-11-16T10:00:00Z");                          /* 23 h before it */
	compute(&in, &r);
	assert_true(rd_clock_on_agenda(&r, ob(&r, "progress#2")));
	assert_int_equal(ob(&r, "progress#2")->state, RD_OB_PENDING);
	rd_clock_result_free(&r);

	/* no plan yet: no progress obligations */
	in.n_comms = 1;
	compute(&in, &r);
	assert_int_equal(count_prefix(&r, "progress#"), 0);
	rd_clock_result_free(&r);
}

/* ---- corrections -------------------------------------------------------- */

static void discrepancy_creates_a_correction(void **state)
{
	(void)state;
	int64_t d = T(D_ISO);
	struct rd_clock_discrepancy disc[] = {
		{.at = d + 2 * DAY, .comm_id = 41},
		{.at = d + 2 * DAY + H, .comm_id = 41},   /* the same message again: one correction */
		{.at = d + 3 * DAY, .comm_id = 44},
	};
	struct rd_clock_comm comms[] = {
		{.id = 60, .kind = "correction", .channel = "email", .at = d + 2 * DAY + 3 * H},
	};
	struct rd_clock_input in = base("standard");
	in.discrepancies = disc;
	in.n_discrepancies = 3;
	in.comms = comms;
	in.n_comms = 1;
	in.now = d + 5 * DAY;
	struct rd_clock_result r;
	compute(&in, &r);
	assert_int_equal(count_prefix(&r, "correction@"), 2);
	assert_due(&r, "correction@41", "2026-11-05T09:00:00Z");
	assert_int_equal(ob(&r, "correction@41")->state, RD_OB_ON_TIME);
	assert_int_equal(ob(&r, "correction@41")->met_by, 60);
	assert_due(&r, "correction@44", "2026-11-06T09:00:00Z");
	assert_int_equal(ob(&r, "correction@44")->state, RD_OB_OVERDUE);
	rd_clock_result_free(&r);
}

/* ---- determinism and "as of now" ---------------------------------------- */

static void same_inputs_same_output(void **state)
{
	(void)state;
	int64_t d = T(D_ISO);
	struct rd_clock_comm fwd[] = {
		{.id = 1, .kind = "apology", .channel = "call", .at = d + H},
		{.id = 2, .kind = "apology", .channel = "call", .at = d + H},
		{.id = 3, .kind = "plan", .channel = "email", .at = d + DAY},
		{.id = 4, .kind = "progress", .channel = "email", .at = d + 2 * DAY},
		{.id = 5, .kind = "rca_update", .channel = "email", .at = d + DAY, .internal = true},
		{.id = 6, .kind = "rca_update", .channel = "email", .at = d + 30 * DAY},  /* after now */
	};
	struct rd_clock_comm rev[6];
	for (int i = 0; i < 6; i++)
		rev[i] = fwd[5 - i];
	struct rd_clock_input in = base("key");
	in.comms = fwd;
	in.n_comms = 6;
	in.now = d + 5 * DAY;
	struct rd_clock_result a, b;
	compute(&in, &a);
	in.comms = rev;
	compute(&in, &b);
	assert_int_equal(a.n, b.n);
	for (size_t i = 0; i < a.n; i++) {
		assert_string_equal(a.obs[i].key, b.obs[i].key);
		assert_int_equal(a.obs[i].due_at, b.obs[i].due_at);
		assert_int_equal(a.obs[i].state, b.obs[i].state);
		assert_int_equal(a.obs[i].met_by, b.obs[i].met_by);
	}
	assert_int_equal(ob(&a, "apology")->met_by, 1);          /* same instant: lower id first */
	assert_int_equal(ob(&a, "rca_update")->state, RD_OB_OVERDUE); /* internal and future ones don't count */
	rd_clock_result_free(&a);
	rd_clock_result_free(&b);
}

static void bad_inputs_are_refused(void **state)
{
	(void)state;
	struct rd_clock_result r;
	char *err = NULL;
	struct rd_clock_input in = base("standard");
	in.tz = "Mars/Olympus";
	assert_int_equal(rd_clock_compute(P, &in, &r, &err), RD_EINVAL);
	assert_non_null(strstr(err, "Mars/Olympus"));
	free(err);
	err = NULL;
	in = base("gold");
	assert_int_equal(rd_clock_compute(P, &in, &r, &err), RD_EINVAL);
	free(err);
	err = NULL;
	in = base("standard");
	in.severity = 0;
	assert_int_equal(rd_clock_compute(P, &in, &r, &err), RD_EINVAL);
	free(err);
	err = NULL;
	struct rd_clock_comm c = {.id = 1, .kind = "memo", .channel = "email", .at = in.detected_at};
	in = base("standard");
	in.comms = &c;
	in.n_comms = 1;
	assert_int_equal(rd_clock_compute(P, &in, &r, &err), RD_EINVAL);
	assert_non_null(strstr(err, "memo"));
	free(err);
	err = NULL;
	c.kind = "apology";
	c.channel = "pigeon";
	assert_int_equal(rd_clock_compute(P, &in, &r, &err), RD_EINVAL);
	assert_non_null(strstr(err, "pigeon"));
	free(err);
	assert_null(r.obs);
}

/* ---- progress after resolution ------------------------------------------ */

/* Resolved: the progress updates still unmet close by rule at the
 * resolution time (not_applicable, with the rule's reason — not a waiver:
 * no waiver index, no waived_at); one sent is kept as
 * sent; the resolution notice and the follow-up stay owed; before the
 * resolution (a replay) they were overdue; a human waiver given earlier
 * keeps its own reason; reopened, they are owed again. */
static void resolution_closes_unmet_progress_updates(void **state)
{
	(void)state;
	int64_t d = T(D_ISO), rv = d + 4 * DAY + 5 * H;
	struct rd_clock_comm comms[] = {
		{.id = 1, .kind = "plan", .channel = "email", .at = d + 3 * H},       /* progress daily from here */
		{.id = 2, .kind = "progress", .channel = "email", .at = d + DAY + 2 * H},
	};
	struct rd_clock_waiver waivers[] = {
		{.key = "progress#3", .reason = "on the daily call", .by_user_id = 5, .at = d + 2 * DAY},
	};
	struct rd_clock_input in = base("key");
	in.comms = comms;
	in.n_comms = 2;
	in.waivers = waivers;
	in.n_waivers = 1;
	in.resolved_at = rv;
	in.status = "resolved";
	in.now = rv + 10 * DAY;
	struct rd_clock_result r;
	compute(&in, &r);
	assert_int_equal(count_prefix(&r, "progress#"), 4);   /* due d+1d+3h … d+4d+3h */
	assert_int_equal(ob(&r, "progress#1")->state, RD_OB_ON_TIME);
	assert_null(ob(&r, "progress#1")->closed_by_rule);
	assert_int_equal(ob(&r, "progress#2")->state, RD_OB_NOT_APPLICABLE);
	assert_int_equal(ob(&r, "progress#2")->closed_at, rv);
	assert_int_equal(ob(&r, "progress#2")->waived_at, 0);
	assert_int_equal(ob(&r, "progress#2")->waiver, -1);
	assert_int_equal(ob(&r, "progress#2")->lateness, 0);
	assert_int_equal(ob(&r, "progress#2")->escalation, 0);
	assert_ptr_equal(ob(&r, "progress#2")->closed_by_rule, rd_clock_rule_resolved_progress);
	assert_non_null(strstr(rd_clock_rule_resolved_progress, "resolved"));
	assert_int_equal(ob(&r, "progress#3")->state, RD_OB_WAIVED);  /* the manager's waiver */
	assert_null(ob(&r, "progress#3")->closed_by_rule);
	assert_int_equal(ob(&r, "progress#3")->waiver, 0);
	assert_int_equal(ob(&r, "progress#4")->state, RD_OB_NOT_APPLICABLE);
	assert_string_equal(rd_ob_state_name(RD_OB_NOT_APPLICABLE), "not_applicable");
	assert_int_equal(ob(&r, "resolution")->state, RD_OB_OVERDUE);
	assert_null(ob(&r, "resolution")->closed_by_rule);
	assert_int_equal(ob(&r, "follow_up")->state, RD_OB_OVERDUE);
	rd_clock_result_free(&r);

	/* as it stood just before the resolution */
	in.now = rv - 1;
	compute(&in, &r);
	assert_int_equal(ob(&r, "progress#2")->state, RD_OB_OVERDUE);
	assert_null(ob(&r, "progress#2")->closed_by_rule);
	assert_int_equal(rd_clock_find(&r, "resolution"), -1);
	rd_clock_result_free(&r);

	/* reopened: owed again */
	in.now = rv + 10 * DAY;
	in.status = "investigating";
	in.reopened = 1;
	compute(&in, &r);
	assert_int_equal(ob(&r, "progress#2")->state, RD_OB_OVERDUE);
	assert_null(ob(&r, "progress#2")->closed_by_rule);
	rd_clock_result_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(standard_column_every_row),
		cmocka_unit_test(key_column_every_row),
		cmocka_unit_test(severity_one_and_second_failure_tighten_to_key),
		cmocka_unit_test(key_apology_needs_call_or_meeting),
		cmocka_unit_test(dst_days_keep_local_time_hours_are_exact),
		cmocka_unit_test(duration_add_edges),
		cmocka_unit_test(reopened_failure_tightens_and_restarts_resolution),
		cmocka_unit_test(eta_revised_twice_two_delay_notices),
		cmocka_unit_test(chases_count_against_the_pending_obligation),
		cmocka_unit_test(waiver_takes_an_obligation_off_the_clock),
		cmocka_unit_test(cadence_after_resolution),
		cmocka_unit_test(weekend_check_in_moves_to_monday_in_the_clients_zone),
		cmocka_unit_test(working_day_move_keeps_local_time_across_dst),
		cmocka_unit_test(cadence_moves_steps_without_drift),
		cmocka_unit_test(no_working_days_key_keeps_calendar_due_times),
		cmocka_unit_test(weekend_only_desk_moves_weekday_steps),
		cmocka_unit_test(escalation_owner_then_manager),
		cmocka_unit_test(progress_runs_until_now_while_unresolved),
		cmocka_unit_test(discrepancy_creates_a_correction),
		cmocka_unit_test(same_inputs_same_output),
		cmocka_unit_test(bad_inputs_are_refused),
		cmocka_unit_test(resolution_closes_unmet_progress_updates),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
