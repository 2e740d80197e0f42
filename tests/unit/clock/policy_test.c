/* policy_test.c — the policy file: the shipped default reproduces SPEC's
 * table cell by cell, and every kind of mistake a user can make in the
 * file is reported with file:line:column and the field path. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "redress/agenda.h"
#include "redress/check.h"
#include "redress/data.h"
#include "redress/policy.h"

/* A malloc'd copy of the compiled-in data/policy.yaml. */
static char *default_text(void)
{
	const char *d = rd_data_default("policy.yaml", NULL);
	assert_non_null(d);
	char *t = strdup(d);
	assert_non_null(t);
	return t;
}

static struct rd_policy *load_default(void)
{
	struct rd_policy *p = NULL;
	char *err = NULL;
	enum rd_err rc = rd_policy_load(NULL, &p, &err);
	if (rc)
		fail_msg("default policy failed to load: %s", err ? err : "?");
	return p;
}

static void assert_dur(struct rd_duration d, const char *want)
{
	char b[24];
	assert_string_equal(rd_duration_format(d, b), want);
}

/* ---- the shipped default is SPEC's table ---------------------------- */

static void default_reproduces_spec_table(void **state)
{
	(void)state;
	struct rd_policy *p = load_default();
	const int S = RD_COL_STANDARD, K = RD_COL_KEY;

	assert_string_equal(p->version, "2026-12-default");
	/* acknowledge and apologise: 4h any / 2h by call or meeting, not email */
	assert_dur(p->steps[RD_STEP_APOLOGY][S].due, "4h");
	assert_int_equal(p->steps[RD_STEP_APOLOGY][S].channels, RD_CH_ANY);
	assert_dur(p->steps[RD_STEP_APOLOGY][K].due, "2h");
	assert_int_equal(p->steps[RD_STEP_APOLOGY][K].channels, RD_CH_CALL | RD_CH_MEETING);
	/* root-cause update 3d / 1d; plan 5d / 3d */
	assert_dur(p->steps[RD_STEP_RCA_UPDATE][S].due, "3d");
	assert_dur(p->steps[RD_STEP_RCA_UPDATE][K].due, "1d");
	assert_dur(p->steps[RD_STEP_PLAN][S].due, "5d");
	assert_dur(p->steps[RD_STEP_PLAN][K].due, "3d");
	/* progress every 7 days / every day */
	assert_dur(p->steps[RD_STEP_PROGRESS][S].due, "7d");
	assert_dur(p->steps[RD_STEP_PROGRESS][K].due, "1d");
	/* delay: within 24 h and before the old ETA, same both columns */
	for (int c = 0; c < RD_NCOLS; c++) {
		assert_dur(p->steps[RD_STEP_DELAY][c].due, "24h");
		assert_true(p->steps[RD_STEP_DELAY][c].before_old_eta);
	}
	/* resolution 24h / 4h; check-in 3d, survey 14d, review 45d both */
	assert_dur(p->steps[RD_STEP_RESOLUTION][S].due, "24h");
	assert_dur(p->steps[RD_STEP_RESOLUTION][K].due, "4h");
	for (int c = 0; c < RD_NCOLS; c++) {
		assert_dur(p->steps[RD_STEP_FOLLOW_UP][c].due, "3d");
		assert_dur(p->steps[RD_STEP_SURVEY][c].due, "14d");
		assert_dur(p->steps[RD_STEP_REVIEW][c].due, "45d");
		assert_dur(p->steps[RD_STEP_CORRECTION][c].due, "24h");
		for (int s = RD_STEP_RCA_UPDATE; s < RD_STEP_COUNT; s++)
			assert_int_equal(p->steps[s][c].channels, RD_CH_ANY);
	}
	/* cadence, key column only: weekly x4, fortnightly x4, quarterly for a year */
	assert_false(p->cadence_columns[S]);
	assert_true(p->cadence_columns[K]);
	assert_int_equal(p->n_cadence, 3);
	assert_dur(p->cadence[0].every, "1w");
	assert_int_equal(p->cadence[0].count, 4);
	assert_dur(p->cadence[1].every, "2w");
	assert_int_equal(p->cadence[1].count, 4);
	assert_dur(p->cadence[2].every, "3mo");
	assert_int_equal(p->cadence[2].count, 4);
	/* who gets the key column; windows; escalation */
	assert_true(p->key_if_tier_key);
	assert_int_equal(p->key_if_severity_at_most, 1);
	assert_true(p->key_if_reopened);
	assert_true(p->key_if_second_failure);
	assert_dur(p->second_failure_window, "90d");
	assert_dur(p->due_soon, "24h");
	assert_dur(p->escalate_manager_after[S], "24h");
	assert_dur(p->escalate_manager_after[K], "4h");
	/* the version recorded with failures */
	assert_int_equal(strlen(p->hash), 64);
	assert_int_equal(strncmp(p->stamp, "2026-12-default+", 16), 0);
	assert_int_equal(strlen(p->stamp), 16 + 12);
	rd_policy_free(p);
}

static void assert_elements(const struct rd_policy *p, const char *kind, const char *const *want)
{
	const char *const *got = rd_policy_required_elements(p, kind);
	assert_non_null(got);
	size_t i = 0;
	for (; want[i]; i++) {
		assert_non_null(got[i]);
		assert_string_equal(got[i], want[i]);
	}
	assert_null(got[i]);
}

static void default_checker_elements(void **state)
{
	(void)state;
	struct rd_policy *p = load_default();
	/* the same lists as docs/internals/check.md and rd_check_default_elements */
	const char *kinds[] = {"apology", "rca_update", "plan", "progress", "delay", "resolution",
			       "follow_up", "survey", "review", "correction"};
	for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
		assert_elements(p, kinds[k], rd_check_default_elements(kinds[k], false));
	assert_elements(p, "rca_update", (const char *const[]){"ownership", "cause", "prevention", "action", "next-update", "contact", NULL});
	assert_elements(p, "resolution", (const char *const[]){"action", "contact", NULL});
	assert_elements(p, "other", (const char *const[]){NULL});
	const char *const *review = rd_policy_required_elements(p, "review");
	bool cause = false, prevention = false;
	for (; *review; review++) {
		cause |= strcmp(*review, "cause") == 0;
		prevention |= strcmp(*review, "prevention") == 0;
	}
	assert_true(cause && prevention);
	assert_null(rd_policy_required_elements(p, "memo"));
	assert_null(rd_policy_jargon(p)[0]);
	assert_null(rd_policy_word_list(p, "hedging")[0]);
	rd_policy_free(p);
}

static void goodwill_section_parsed(void **state)
{
	(void)state;
	struct rd_policy *p = load_default();
	assert_string_equal(p->goodwill.kind, "credit");
	assert_int_equal(p->goodwill.base_pct_e4[1], 100000);
	assert_int_equal(p->goodwill.base_pct_e4[4], 0);
	assert_int_equal(p->goodwill.key_multiplier_e4, 15000);
	assert_int_equal(p->goodwill.outage_pct_per_hour_e4, 5000);
	assert_int_equal(p->goodwill.impact_cover_pct_e4, 500000);
	assert_true(p->goodwill.honour_sla_credit);
	assert_int_equal(p->goodwill.cap_pct_e4, 1000000);
	assert_int_equal(p->goodwill.round_to_cents, 100);
	rd_policy_free(p);
}

static void durations(void **state)
{
	(void)state;
	struct rd_duration d;
	const char *good[] = {"30m", "4h", "3d", "2w", "3mo", "0h", NULL};
	const enum rd_dur_unit units[] = {RD_DUR_MIN, RD_DUR_HOUR, RD_DUR_DAY, RD_DUR_WEEK, RD_DUR_MONTH, RD_DUR_HOUR};
	for (int i = 0; good[i]; i++) {
		assert_true(rd_duration_parse(good[i], &d));
		assert_int_equal(d.unit, units[i]);
		assert_dur(d, good[i]);
	}
	const char *bad[] = {"", "h", "4", "4x", "-1h", " 4h", "4 h", "4H", "4hh", "soon", "999999999d", NULL};
	for (int i = 0; bad[i]; i++)
		assert_false(rd_duration_parse(bad[i], &d));
	assert_true(rd_duration_parse("2w", &d));
	assert_int_equal(rd_duration_nominal_seconds(d), 14 * 86400);
}

/* ---- validation: one mutation of the default per kind of mistake ------ */

/* Replaces the first OLD in the default text with NEW (must exist). */
static char *mutate(const char *old, const char *new)
{
	char *t = default_text();
	const char *at = strstr(t, old);
	if (!at)
		fail_msg("test bug: '%s' not in the default policy", old);
	size_t off = (size_t)(at - t);
	size_t lt = strlen(t), lo = strlen(old), ln = strlen(new);
	char *r = malloc(lt - lo + ln + 1);
	assert_non_null(r);
	memcpy(r, t, off);
	memcpy(r + off, new, ln);
	memcpy(r + off + ln, t + off + lo, lt - off - lo + 1);
	free(t);
	return r;
}

/* Line and column (1-based) of the first NEEDLE in TEXT, searching from
 * the first AFTER (may be NULL). */
static void locate(const char *text, const char *after, const char *needle, int *line, int *col)
{
	const char *from = after ? strstr(text, after) : text;
	assert_non_null(from);
	const char *at = strstr(from, needle);
	assert_non_null(at);
	*line = 1;
	*col = 1;
	for (const char *p = text; p < at; p++) {
		if (*p == '\n') {
			(*line)++;
			*col = 1;
		} else {
			(*col)++;
		}
	}
}

/* Parses TEXT expecting RD_EINVAL with a message containing WANT (a
 * printf format given line and column). */
static void expect_error(const char *text, const char *want_fmt, int line, int col)
{
	struct rd_policy *p = NULL;
	char *err = NULL;
	enum rd_err rc = rd_policy_parse(text, strlen(text), "policy.yaml", &p, &err);
	assert_int_equal(rc, RD_EINVAL);
	assert_null(p);
	assert_non_null(err);
	char want[512];
	snprintf(want, sizeof want, want_fmt, line, col);
	if (!strstr(err, want))
		fail_msg("expected error containing\n  %s\ngot\n  %s", want, err);
	free(err);
}

static void error_bad_duration(void **state)
{
	(void)state;
	char *t = mutate("key:      { due: 2h, channels: [call, meeting] }",
			 "key:      { due: soon, channels: [call, meeting] }");
	int l, c;
	locate(t, "apology:", "soon", &l, &c);
	expect_error(t, "policy.yaml:%d:%d: steps.apology.key.due: expected a duration like 2h, 3d, 45d", l, c);
	free(t);
}

static void error_unknown_key(void **state)
{
	(void)state;
	char *t = mutate("  rca_update:\n    standard: { due: 3d }", "  rca_update:\n    standard: { due: 3d, dew: 4h }");
	int l, c;
	locate(t, "rca_update:", "dew", &l, &c);
	expect_error(t, "policy.yaml:%d:%d: steps.rca_update.standard.dew: unknown key 'dew' (expected one of: due, channels)", l, c);
	free(t);
	/* a typo at the top level too */
	t = mutate("due_soon: 24h", "due_son: 24h");
	locate(t, NULL, "due_son", &l, &c);
	expect_error(t, "policy.yaml:%d:%d: due_son: unknown key 'due_son'", l, c);
	free(t);
}

static void error_wrong_type(void **state)
{
	(void)state;
	char *t = mutate("  tier_key: true ", "  tier_key: [yes] ");
	int l, c;
	locate(t, "tier_key:", "[yes]", &l, &c);
	expect_error(t, "policy.yaml:%d:%d: key_column.tier_key: expected true or false, got a list", l, c);
	free(t);
	/* a scalar where a mapping belongs */
	t = mutate("  survey:\n    standard: { due: 14d }", "  survey:\n    standard: 14d");
	locate(t, "survey:", "14d", &l, &c);
	expect_error(t, "policy.yaml:%d:%d: steps.survey.standard: expected a mapping (key: value lines), got '14d'", l, c);
	free(t);
	/* a number out of range */
	t = mutate("    - { every: 2w, count: 4 }", "    - { every: 2w, count: four }");
	locate(t, NULL, "four", &l, &c);
	expect_error(t, "policy.yaml:%d:%d: cadence.phases[1].count: expected a whole number from 1 to 1000", l, c);
	free(t);
}

static void error_missing_step(void **state)
{
	(void)state;
	char *t = mutate("  plan:\n    standard: { due: 5d }\n    key:      { due: 3d }\n", "");
	int l, c;
	locate(t, "\nsteps:", "apology:", &l, &c);
	expect_error(t, "policy.yaml:%d:%d: steps: missing required key 'plan'", l, c);
	free(t);
	/* a missing column of a step */
	t = mutate("  review:\n    standard: { due: 45d }\n    key:      { due: 45d }\n",
		   "  review:\n    standard: { due: 45d }\n");
	locate(t, "  review:\n", "standard", &l, &c);
	expect_error(t, "policy.yaml:%d:%d: steps.review: missing required key 'key'", l, c);
	free(t);
}

static void error_bad_channel(void **state)
{
	(void)state;
	char *t = mutate("channels: [call, meeting]", "channels: [call, phone]");
	int l, c;
	locate(t, "apology:", "phone", &l, &c);
	expect_error(t, "policy.yaml:%d:%d: steps.apology.key.channels[1]: unknown channel 'phone'", l, c);
	free(t);
}

static void error_bad_yaml(void **state)
{
	(void)state;
	char *t = mutate("    key:      { due: 1d }", "    key:      { due: 1d ");
	struct rd_policy *p = NULL;
	char *err = NULL;
	assert_int_equal(rd_policy_parse(t, strlen(t), "policy.yaml", &p, &err), RD_EINVAL);
	assert_null(p);
	assert_non_null(err);
	assert_non_null(strstr(err, "YAML syntax error"));
	/* names the file and a line:column */
	int l = 0, c = 0;
	assert_int_equal(sscanf(err, "policy.yaml:%d:%d:", &l, &c), 2);
	assert_true(l > 1);
	free(err);
	free(t);
	/* tabs for indentation */
	const char *tabs = "version: x\nsteps:\n\tapology: 1\n";
	err = NULL;
	assert_int_equal(rd_policy_parse(tabs, strlen(tabs), "p.yaml", &p, &err), RD_EINVAL);
	assert_non_null(strstr(err, "p.yaml:"));
	free(err);
}

static void error_more_kinds(void **state)
{
	(void)state;
	int l, c;
	/* a duplicate key */
	char *t = mutate("second_failure_window: 90d", "second_failure_window: 90d\nsecond_failure_window: 60d");
	locate(t, "90d", "second_failure_window", &l, &c);
	expect_error(t, "policy.yaml:%d:%d: second_failure_window: duplicate key (first given at line", l, c);
	free(t);
	/* an unknown checker element */
	t = mutate("progress:   [action, timeline, next-update, contact]", "progress:   [action, timelines, next-update, contact]");
	locate(t, NULL, "timelines", &l, &c);
	expect_error(t, "policy.yaml:%d:%d: checker.required.progress[1]: unknown element 'timelines'", l, c);
	free(t);
	/* aliases are refused */
	t = mutate("due_soon: 24h", "due_soon: *x");
	locate(t, NULL, "*x", &l, &c);
	expect_error(t, "policy.yaml:%d:%d: aliases", l, c);
	free(t);
	/* zero and negative durations */
	t = mutate("standard: { due: 24h }\n    key:      { due: 4h }", "standard: { due: 0h }\n    key:      { due: 4h }");
	locate(t, "resolution:", "0h", &l, &c);
	expect_error(t, "policy.yaml:%d:%d: steps.resolution.standard.due: expected a duration", l, c);
	free(t);
	/* goodwill base must name all four severities */
	t = mutate("    4: 0\n", "");
	locate(t, "goodwill:", "1: 10", &l, &c);
	expect_error(t, "policy.yaml:%d:%d: goodwill.base_pct: missing required key '4'", l, c);
	free(t);
	/* before_old_eta only makes sense for delay */
	t = mutate("key:      { due: 1d }", "key:      { due: 1d, before_old_eta: true }");
	locate(t, "rca_update:", "before_old_eta", &l, &c);
	expect_error(t, "policy.yaml:%d:%d: steps.rca_update.key.before_old_eta: unknown key", l, c);
	free(t);
}

/* ---- the trust section ---------------------------------------------- */

static void trust_section_parsed_and_optional(void **state)
{
	(void)state;
	struct rd_policy *p = load_default();
	assert_int_equal(p->trust.baseline_e4, 700000);
	assert_dur(p->trust.half_life, "90d");
	assert_dur(p->trust.trend_window, "30d");
	assert_int_equal(p->trust.step_late_per_hour_e4, 20000);
	assert_int_equal(p->trust.promise_broken_e4, 120000);
	assert_int_equal(p->trust.key_risk_factor_e4, 15000);
	/* A file without `trust:` gets exactly the shipped values. */
	char *t = default_text();
	char *cut = strstr(t, "\n# The trust score of each client");
	assert_non_null(cut);
	*cut = '\0';
	struct rd_policy *q = NULL;
	char *err = NULL;
	if (rd_policy_parse(t, strlen(t), "policy.yaml", &q, &err))
		fail_msg("without trust: %s", err);
	assert_memory_equal(&p->trust, &q->trust, sizeof p->trust);
	/* and one that sets a single weight keeps the others */
	char one[16384];
	snprintf(one, sizeof one, "%s\ntrust:\n  chase: 5\n", t);
	rd_policy_free(q);
	assert_int_equal(rd_policy_parse(one, strlen(one), "policy.yaml", &q, &err), RD_OK);
	assert_int_equal(q->trust.chase_e4, 50000);
	assert_int_equal(q->trust.promise_broken_e4, 120000);
	rd_policy_free(q);
	rd_policy_free(p);
	free(t);
}

/* The default works Monday to Friday; a file without `working_days` works
 * every day, as every file did before the key existed; the dumps list the
 * days Monday first and re-parse to the same set. */
static void working_days_parsed_and_optional(void **state)
{
	(void)state;
	struct rd_policy *p = load_default();
	assert_int_equal(p->working_days, 1u << 1 | 1u << 2 | 1u << 3 | 1u << 4 | 1u << 5);
	json_t *j = rd_policy_json(p);
	json_t *wd = json_object_get(j, "working_days");
	assert_int_equal(json_array_size(wd), 5);
	assert_string_equal(json_string_value(json_array_get(wd, 0)), "mon");
	assert_string_equal(json_string_value(json_array_get(wd, 4)), "fri");
	json_decref(j);
	char *dump = NULL, *err = NULL;
	assert_int_equal(rd_policy_yaml(p, &dump, &err), RD_OK);
	assert_non_null(strstr(dump, "\nworking_days: [mon, tue, wed, thu, fri]\n"));
	free(dump);
	rd_policy_free(p);

	char *t = mutate("working_days: [mon, tue, wed, thu, fri]\n", "");
	assert_int_equal(rd_policy_parse(t, strlen(t), "policy.yaml", &p, &err), RD_OK);
	assert_int_equal(p->working_days, RD_WEEK_ALL);
	rd_policy_free(p);
	free(t);

	/* the weekend only, written in any order, Sunday first in the dump too */
	t = mutate("working_days: [mon, tue, wed, thu, fri]", "working_days: [sun, sat]");
	assert_int_equal(rd_policy_parse(t, strlen(t), "policy.yaml", &p, &err), RD_OK);
	assert_int_equal(p->working_days, 1u << 0 | 1u << 6);
	assert_int_equal(rd_policy_yaml(p, &dump, &err), RD_OK);
	assert_non_null(strstr(dump, "\nworking_days: [sat, sun]\n"));
	struct rd_policy *q = NULL;
	if (rd_policy_parse(dump, strlen(dump), "dump.yaml", &q, &err))
		fail_msg("dump does not re-parse: %s", err);
	assert_int_equal(q->working_days, p->working_days);
	rd_policy_free(q);
	free(dump);
	rd_policy_free(p);
	free(t);
}

static void error_bad_working_days(void **state)
{
	(void)state;
	int l, c;
	char *t = mutate("working_days: [mon, tue, wed, thu, fri]", "working_days: [mon, tue, wed, thur, fri]");
	locate(t, "\nworking_days:", "thur", &l, &c);
	expect_error(t, "policy.yaml:%d:%d: working_days[3]: unknown day 'thur' (expected one of: mon, tue, wed, "
		     "thu, fri, sat, sun)", l, c);
	free(t);
	/* a day twice: the second one is named */
	t = mutate("working_days: [mon, tue, wed, thu, fri]", "working_days: [mon, tue, wed, thu, fri, mon]");
	locate(t, "\nworking_days:", "fri, mon", &l, &c);
	expect_error(t, "policy.yaml:%d:%d: working_days[5]: 'mon' is listed twice", l, c + 5);
	free(t);
	/* an empty list would leave no day to move a step to */
	t = mutate("working_days: [mon, tue, wed, thu, fri]", "working_days: []");
	locate(t, "\nworking_days:", "[]", &l, &c);
	expect_error(t, "policy.yaml:%d:%d: working_days: name at least one working day", l, c);
	free(t);
	/* not a list */
	t = mutate("working_days: [mon, tue, wed, thu, fri]", "working_days: weekdays");
	locate(t, "\nworking_days:", "weekdays", &l, &c);
	expect_error(t, "policy.yaml:%d:%d: working_days: expected a list of weekdays like [mon, tue, wed, thu, "
		     "fri], got 'weekdays'", l, c);
	free(t);
	/* a mapping is not a day either */
	t = mutate("working_days: [mon, tue, wed, thu, fri]", "working_days: [mon, {tue: 1}]");
	locate(t, "\nworking_days:", "{tue", &l, &c);
	expect_error(t, "policy.yaml:%d:%d: working_days[1]: expected a day (mon, tue, wed, thu, fri, sat or sun), got a mapping", l, c);
	free(t);
}

static void error_bad_trust_weights(void **state)
{
	(void)state;
	int l, c;
	char *t = mutate("  chase: 3 ", "  chase: -3 ");
	locate(t, "trust:", "-3", &l, &c);
	expect_error(t, "policy.yaml:%d:%d: trust.chase: expected a number from 0 to 100", l, c);
	free(t);
	t = mutate("  baseline: 70 ", "  baseline: 170 ");
	locate(t, "trust:", "170", &l, &c);
	expect_error(t, "policy.yaml:%d:%d: trust.baseline: expected a number from 0 to 100", l, c);
	free(t);
	t = mutate("  half_life: 90d ", "  half_life: soon ");
	locate(t, "trust:", "soon", &l, &c);
	expect_error(t, "policy.yaml:%d:%d: trust.half_life: expected a duration", l, c);
	free(t);
	t = mutate("  chase: 3 ", "  chases: 3 ");
	locate(t, "trust:", "chases", &l, &c);
	expect_error(t, "policy.yaml:%d:%d: trust.chases: unknown key 'chases'", l, c);
	free(t);
	t = mutate("  step_late_max: 10 ", "  step_late_max: 1 ");
	locate(t, "step_late_max:", "1", &l, &c);
	expect_error(t, "policy.yaml:%d:%d: trust.step_late_max: must be at least step_late_per_hour", l, c);
	free(t);
	t = mutate("  key_risk_factor: 1.5 ", "  key_risk_factor: 0.5 ");
	locate(t, "trust:", "0.5", &l, &c);
	expect_error(t, "policy.yaml:%d:%d: trust.key_risk_factor: must be at least 1", l, c);
	free(t);
	t = mutate("  survey_neutral: 7 ", "  survey_neutral: 11 ");
	locate(t, "trust:", "11", &l, &c);
	expect_error(t, "policy.yaml:%d:%d: trust.survey_neutral: expected a number from 0 to 10", l, c);
	free(t);
}

static void error_reports_every_problem(void **state)
{
	(void)state;
	char *t1 = mutate("due_soon: 24h", "due_soon: tomorrow");
	size_t n = strlen(t1);
	char *t = malloc(n + 64);
	assert_non_null(t);
	memcpy(t, t1, n + 1);
	free(t1);
	char *at = strstr(t, "channels: [call, meeting]");
	memcpy(at, "channels: [call, meetin ]", 25);
	struct rd_policy *p = NULL;
	char *err = NULL;
	assert_int_equal(rd_policy_parse(t, strlen(t), "policy.yaml", &p, &err), RD_EINVAL);
	assert_non_null(strstr(err, "due_soon: expected a duration"));
	assert_non_null(strstr(err, "steps.apology.key.channels[1]: unknown channel 'meetin'"));
	assert_non_null(strchr(err, '\n'));
	free(err);
	free(t);
}

static void error_empty_and_not_a_map(void **state)
{
	(void)state;
	expect_error("", "policy.yaml:%d:%d: the policy is empty", 1, 1);
	expect_error("# only a comment\n", "policy.yaml:%d:%d: the policy is empty", 1, 1);
	expect_error("- a\n- b\n", "policy.yaml:%d:%d: (top): expected a mapping", 1, 1);
	expect_error("version: x\n", "policy.yaml:%d:%d: (top): missing required key 'steps'", 1, 1);
}

/* Found by tests/fuzz/policy_fuzz.c: libfyaml 0.7.12 never returned on an
 * invalid UTF-8 byte in a directive line. */
static void error_invalid_utf8_does_not_hang(void **state)
{
	(void)state;
	expect_error("%\xd2\nversion: x\n", "policy.yaml:%d:%d: not valid UTF-8 (byte 0xd2)", 1, 2);
	expect_error("version: x\nsteps:\n  a\xc3\xa9\xff: 1\n", "policy.yaml:%d:%d: not valid UTF-8", 3, 5);
}

/* Single-quoted phrases are read from the source bytes (a libfyaml leak
 * workaround); their '' escapes must still come out as one quote. */
static void quoted_phrases_unescape(void **state)
{
	(void)state;
	char *t = mutate("  word_lists: {}", "  word_lists:\n    hedging: ['it''s possible', \"we \\\"think\\\"\", "
			 "'''''''''''''''''''''''''''''''''''', 'a\n      b']");
	struct rd_policy *p = NULL;
	char *err = NULL;
	if (rd_policy_parse(t, strlen(t), "policy.yaml", &p, &err))
		fail_msg("%s", err);
	const char *const *w = rd_policy_word_list(p, "hedging");
	assert_string_equal(w[0], "it's possible");
	assert_string_equal(w[1], "we \"think\"");
	assert_string_equal(w[2], "'''''''''''''''''");
	assert_string_equal(w[3], "a b");
	assert_null(w[4]);
	rd_policy_free(p);
	free(t);

	/* an empty phrase would match everywhere */
	t = mutate("  jargon: []", "  jargon: [RCA, '']");
	int l, c;
	locate(t, "jargon:", "''", &l, &c);
	expect_error(t, "policy.yaml:%d:%d: checker.jargon[1]: expected a word or phrase, got ''", l, c);
	free(t);
}

/* ---- round trips, JSON, overrides ----------------------------------- */

/* ---- the intake section (alerts -> draft failures) --------------------- */

static void intake_section_maps_labels(void **state)
{
	(void)state;
	struct rd_policy *p = load_default();
	const char *svc = NULL;
	int sev = 0;
	json_t *l = json_pack("{ss ss ss ss}", "job", "node", "service", "Payments API", "severity", "critical",
			      "team", "core");
	rd_intake_map_labels(&p->intake, l, &svc, &sev);
	assert_string_equal(svc, "Payments API"); /* service before job; unknown labels ignored */
	assert_int_equal(sev, 1);
	json_decref(l);
	l = json_pack("{ss ss}", "job", "Data Sync", "severity", "page-someone");
	rd_intake_map_labels(&p->intake, l, &svc, &sev);
	assert_string_equal(svc, "Data Sync");
	assert_int_equal(sev, 2); /* an unknown severity value gets default_severity */
	json_decref(l);
	l = json_pack("{ss}", "severity", "info");
	rd_intake_map_labels(&p->intake, l, &svc, &sev);
	assert_null(svc);
	assert_int_equal(sev, 3);
	json_decref(l);
	rd_policy_free(p);

	/* A custom section: other labels, a value -> service map, and it round-trips. */
	char *t = default_text();
	char *cut = strstr(t, "\nintake:");
	assert_non_null(cut);
	*cut = '\0';
	char custom[32768];
	snprintf(custom, sizeof custom, "%s\nintake:\n  service_labels: [app]\n  services:\n"
		 "    payments: Payments API\n  severity_label: prio\n  severities: {P1: 1, P4: 4}\n"
		 "  default_severity: 3\n", t);
	char *err = NULL, *dump = NULL;
	struct rd_policy *q = NULL, *r = NULL;
	if (rd_policy_parse(custom, strlen(custom), "policy.yaml", &q, &err))
		fail_msg("custom intake: %s", err);
	l = json_pack("{ss ss ss}", "app", "payments", "prio", "p4", "service", "Reporting");
	rd_intake_map_labels(&q->intake, l, &svc, &sev);
	assert_string_equal(svc, "Payments API");
	assert_int_equal(sev, 4); /* values compare without case */
	json_decref(l);
	assert_int_equal(rd_policy_yaml(q, &dump, &err), RD_OK);
	if (rd_policy_parse(dump, strlen(dump), "dump.yaml", &r, &err))
		fail_msg("dump does not re-parse: %s\n%s", err, dump);
	assert_int_equal(r->intake.n_services, 1);
	assert_string_equal(r->intake.services[0].to, "Payments API");
	assert_string_equal(r->intake.severity_label, "prio");
	assert_int_equal(r->intake.default_severity, 3);
	free(dump);
	rd_policy_free(q);
	rd_policy_free(r);
	/* Without the section: the shipped defaults. */
	if (rd_policy_parse(t, strlen(t), "policy.yaml", &q, &err))
		fail_msg("without intake: %s", err);
	assert_string_equal(q->intake.service_labels[1], "job");
	assert_int_equal(q->intake.n_severities, 3);
	rd_policy_free(q);
	free(t);
}

static void error_bad_intake(void **state)
{
	(void)state;
	int l, c;
	char *t = mutate("    critical: 1", "    critical: 7");
	locate(t, "intake:", "7", &l, &c);
	expect_error(t, "policy.yaml:%d:%d: intake.severities.critical: expected a whole number from 1 to 4", l, c);
	free(t);
	t = mutate("  severity_label: severity", "  severity_labels: severity");
	locate(t, "intake:", "severity_labels", &l, &c);
	expect_error(t, "policy.yaml:%d:%d: intake.severity_labels: unknown key 'severity_labels'", l, c);
	free(t);
	t = mutate("  service_labels: [service, job]", "  service_labels: []");
	locate(t, "intake:", "[]", &l, &c);
	expect_error(t, "policy.yaml:%d:%d: intake.service_labels: name at least one label", l, c);
	free(t);
	t = mutate("  default_severity: 2", "  default_severity: high");
	locate(t, "intake:", "high", &l, &c);
	expect_error(t, "policy.yaml:%d:%d: intake.default_severity: expected a whole number from 1 to 4", l, c);
	free(t);
}

static void yaml_dump_round_trips(void **state)
{
	(void)state;
	char *src = mutate("  word_lists: {}", "  word_lists:\n    hedging: [\"kind of\", \"sort of\"]\n    corporate: [\"per my last email\"]");
	char *t2 = src;
	src = NULL;
	char *with_jargon = NULL;
	{
		char *at = strstr(t2, "  jargon: []");
		assert_non_null(at);
		size_t n = strlen(t2);
		with_jargon = malloc(n + 64);
		assert_non_null(with_jargon);
		size_t pre = (size_t)(at - t2);
		memcpy(with_jargon, t2, pre);
		int k = snprintf(with_jargon + pre, 64, "  jargon: [RCA, \"blast radius\"]");
		memcpy(with_jargon + pre + k, at + 12, n - pre - 12 + 1);
	}
	free(t2);

	struct rd_policy *a = NULL, *b = NULL;
	char *err = NULL, *dump = NULL;
	assert_int_equal(rd_policy_parse(with_jargon, strlen(with_jargon), "custom.yaml", &a, &err), RD_OK);
	assert_string_equal(rd_policy_jargon(a)[1], "blast radius");
	assert_string_equal(rd_policy_word_list(a, "hedging")[0], "kind of");
	assert_string_equal(rd_policy_word_list(a, "corporate")[0], "per my last email");
	assert_null(rd_policy_word_list(a, "corporate")[1]);
	assert_string_equal(rd_policy_word_list_names(a)[0], "hedging");

	assert_int_equal(rd_policy_yaml(a, &dump, &err), RD_OK);
	if (rd_policy_parse(dump, strlen(dump), "dump.yaml", &b, &err))
		fail_msg("dump does not re-parse: %s\n%s", err, dump);
	json_t *ja = rd_policy_json(a), *jb = rd_policy_json(b);
	assert_non_null(ja);
	assert_non_null(jb);
	/* identity fields differ by construction; everything else must not */
	const char *ids[] = {"hash", "stamp", "source"};
	for (int i = 0; i < 3; i++) {
		json_object_del(ja, ids[i]);
		json_object_del(jb, ids[i]);
	}
	assert_true(json_equal(ja, jb));
	json_decref(ja);
	json_decref(jb);
	free(dump);
	free(with_jargon);
	rd_policy_free(a);
	rd_policy_free(b);
}

static void json_shape(void **state)
{
	(void)state;
	struct rd_policy *p = load_default();
	json_t *j = rd_policy_json(p);
	assert_non_null(j);
	assert_string_equal(json_string_value(json_object_get(j, "version")), "2026-12-default");
	json_t *ap = json_object_get(json_object_get(json_object_get(j, "steps"), "apology"), "key");
	assert_string_equal(json_string_value(json_object_get(ap, "due")), "2h");
	json_t *ch = json_object_get(ap, "channels");
	assert_int_equal(json_array_size(ch), 2);
	assert_string_equal(json_string_value(json_array_get(ch, 0)), "call");
	assert_string_equal(json_string_value(json_array_get(ch, 1)), "meeting");
	json_t *pr = json_object_get(json_object_get(json_object_get(j, "steps"), "progress"), "standard");
	assert_string_equal(json_string_value(json_object_get(pr, "every")), "7d");
	json_t *gw = json_object_get(j, "goodwill");
	assert_true(json_is_real(json_object_get(gw, "key_multiplier")));
	assert_true(json_real_value(json_object_get(gw, "key_multiplier")) == 1.5);
	assert_int_equal(json_integer_value(json_object_get(json_object_get(gw, "base_pct"), "1")), 10);
	assert_string_equal(json_string_value(json_object_get(j, "stamp")), p->stamp);
	json_decref(j);
	rd_policy_free(p);
}

static void hash_follows_bytes(void **state)
{
	(void)state;
	char *a = default_text();
	char *b = mutate("# redress default policy", "# redress  default policy");
	struct rd_policy *pa = NULL, *pb = NULL, *pc = NULL;
	assert_int_equal(rd_policy_parse(a, strlen(a), "a", &pa, NULL), RD_OK);
	assert_int_equal(rd_policy_parse(b, strlen(b), "b", &pb, NULL), RD_OK);
	assert_int_equal(rd_policy_parse(a, strlen(a), "c", &pc, NULL), RD_OK);
	assert_string_not_equal(pa->hash, pb->hash);
	assert_string_equal(pa->hash, pc->hash);
	rd_policy_free(pa);
	rd_policy_free(pb);
	rd_policy_free(pc);
	free(a);
	free(b);
}

static void load_from_path_and_override(void **state)
{
	(void)state;
	struct rd_policy *p = NULL;
	char *err = NULL;
	assert_int_equal(rd_policy_load("/nonexistent/policy.yaml", &p, &err), RD_ENOTFOUND);
	assert_null(p);
	free(err);

	char dir[] = "/tmp/rd_policy_test_XXXXXX";
	assert_non_null(mkdtemp(dir));
	char path[256];
	snprintf(path, sizeof path, "%s/policy.yaml", dir);
	char *t = mutate("version: \"2026-12-default\"", "version: \"acme-2027\"");
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(t, f);
	fclose(f);

	assert_int_equal(rd_policy_load(path, &p, NULL), RD_OK);
	assert_string_equal(p->version, "acme-2027");
	assert_string_equal(p->source, path);
	rd_policy_free(p);

	setenv("REDRESS_DATA_DIR", dir, 1);
	assert_int_equal(rd_policy_load(NULL, &p, NULL), RD_OK);
	assert_string_equal(p->version, "acme-2027");
	rd_policy_free(p);
	unsetenv("REDRESS_DATA_DIR");

	/* an invalid file at a path names that path */
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("version: x\nsteps: {}\n", f);
	fclose(f);
	err = NULL;
	assert_int_equal(rd_policy_load(path, &p, &err), RD_EINVAL);
	assert_int_equal(strncmp(err, path, strlen(path)), 0);
	free(err);
	unlink(path);
	rmdir(dir);
	free(t);
}

/* The policy in force comes from the file the front chose (the CLI passes
 * $REDRESS_POLICY; the library reads no environment), and the choice is
 * closed once the policy is in use. Runs last: it loads the process's policy. */
static void policy_in_force_is_chosen_by_the_front(void **state)
{
	(void)state;
	setenv("REDRESS_POLICY", "/nonexistent/ignored.yaml", 1); /* not read */
	char *m = NULL;
	assert_int_equal(rd_policy_select("/nonexistent/chosen.yaml", &m), RD_OK);
	const struct rd_policy *p = NULL;
	assert_int_equal(rd_policy_in_force(&p, &m), RD_EINVAL);
	assert_non_null(m);
	if (!strstr(m, "chosen.yaml"))
		fail_msg("message does not name the chosen file: %s", m);
	free(m);
	m = NULL;
	assert_int_equal(rd_policy_select(NULL, &m), RD_ESTATE);
	assert_non_null(strstr(m, "already loaded"));
	free(m);
	unsetenv("REDRESS_POLICY");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(default_reproduces_spec_table),
		cmocka_unit_test(default_checker_elements),
		cmocka_unit_test(goodwill_section_parsed),
		cmocka_unit_test(trust_section_parsed_and_optional),
		cmocka_unit_test(error_bad_trust_weights),
		cmocka_unit_test(working_days_parsed_and_optional),
		cmocka_unit_test(error_bad_working_days),
		cmocka_unit_test(intake_section_maps_labels),
		cmocka_unit_test(error_bad_intake),
		cmocka_unit_test(durations),
		cmocka_unit_test(error_bad_duration),
		cmocka_unit_test(error_unknown_key),
		cmocka_unit_test(error_wrong_type),
		cmocka_unit_test(error_missing_step),
		cmocka_unit_test(error_bad_channel),
		cmocka_unit_test(error_bad_yaml),
		cmocka_unit_test(error_more_kinds),
		cmocka_unit_test(error_reports_every_problem),
		cmocka_unit_test(error_empty_and_not_a_map),
		cmocka_unit_test(error_invalid_utf8_does_not_hang),
		cmocka_unit_test(quoted_phrases_unescape),
		cmocka_unit_test(yaml_dump_round_trips),
		cmocka_unit_test(json_shape),
		cmocka_unit_test(hash_follows_bytes),
		cmocka_unit_test(load_from_path_and_override),
		cmocka_unit_test(policy_in_force_is_chosen_by_the_front),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
