/* metrics_test.c — lib/metrics.c on a hand-computed scenario: one failure
 * detected at D = 2026-11-12T12:00Z with four affected clients; every
 * expected figure below is worked out by hand in the comment beside it
 * (definitions: docs/metrics.md). */
#include "unit.h"
#include "redress/metrics.h"

#define D (T_NOW - 10 * T_DAY)

static int64_t fid, c1, c2, c3, c4;

static const char *iso(int64_t t)
{
	static char buf[4][RD_TIME_BUFSZ];
	static int i;
	i = (i + 1) % 4;
	return rd_time_format(t, buf[i]);
}

static void log_comm(struct fx *f, int64_t client, const char *kind, const char *channel, const char *dir,
		     int64_t at, bool chase, int64_t eta)
{
	json_t *in = json_pack("{sI sI ss ss ss ss sb}", "failure", (json_int_t)fid, "client", (json_int_t)client,
			       "kind", kind, "channel", channel, "direction", dir, "at", iso(at), "chase", chase);
	if (eta)
		json_object_set_new(in, "eta", json_string(iso(eta)));
	assert_ok(rd_comm_log(f->s, &f->sys, in, NULL, &m_));
	json_decref(in);
}

static int64_t commitment(struct fx *f, int64_t client, int64_t due)
{
	json_t *in = json_pack("{sI sI ss ss}", "client_id", (json_int_t)client, "failure_id", (json_int_t)fid,
			       "text", "Call back with the numbers", "due_at", iso(due));
	json_t *extra = J("{\"status\": \"open\"}");
	int64_t id;
	assert_ok(rd_record_create(f->s, &f->sys, "commitment", in, extra, &id, &m_));
	json_decref(in);
	json_decref(extra);
	return id;
}

static int64_t goodwill(struct fx *f, int64_t client, const char *amount, const char *currency)
{
	json_t *in = json_pack("{sI sI ss ss ss}", "failure_id", (json_int_t)fid, "client_id", (json_int_t)client,
			       "kind", "credit", "amount", amount, "currency", currency);
	json_t *extra = J("{\"status\": \"proposed\"}");
	int64_t id;
	assert_ok(rd_record_create(f->s, &f->sys, "goodwill", in, extra, &id, &m_));
	json_decref(in);
	json_decref(extra);
	return id;
}

static void answer(struct fx *f, int64_t survey, int score)
{
	json_t *in = json_pack("{sI ss ss}", "survey_id", (json_int_t)survey, "question", "How did we do?",
			       "at", iso(D + 8 * T_DAY));
	if (score >= 0)
		json_object_set_new(in, "score", json_integer(score));
	assert_ok(rd_record_create(f->s, &f->sys, "survey_answer", in, NULL, NULL, &m_));
	json_decref(in);
}

static void scenario(struct fx *f)
{
	make_user(f, "sam@provider.example", "agent");
	make_user(f, "ann@provider.example", "agent");
	struct rd_actor mgr = make_user(f, "maria@provider.example", "manager");
	/* Yearly values: EUR 1200 + 2400 + 400 = 4000 (C1, C2, C4); USD 1000 (C3). */
	c1 = add_client(f, "{\"name\": \"C1\", \"value\": \"1200\", \"owner\": \"sam@provider.example\"}");
	c2 = add_client(f, "{\"name\": \"C2\", \"value\": \"2400\", \"owner\": \"sam@provider.example\"}");
	c3 = add_client(f, "{\"name\": \"C3\", \"tier\": \"key\", \"value\": \"1000\", \"currency\": \"USD\", "
			   "\"owner\": \"ann@provider.example\"}");
	c4 = add_client(f, "{\"name\": \"C4\", \"value\": \"400\", \"owner\": \"sam@provider.example\"}");
	char buf[256];
	snprintf(buf, sizeof buf, "{\"title\": \"Payments down\", \"severity\": 2, \"detected_at\": \"%s\", "
		 "\"clients\": [\"C1\", \"C2\", \"C3\", \"C4\"]}", iso(D));
	fid = open_failure(f, buf);
	/* An earlier failure, detected before every period asked about below. */
	snprintf(buf, sizeof buf, "{\"title\": \"Old\", \"severity\": 3, \"detected_at\": \"%s\", "
		 "\"clients\": [\"C1\"]}", iso(D - 200 * T_DAY));
	open_failure(f, buf);

	/* Apologies after 1 h, 3 h (email: standard, due in 4 h) and 5 h (a
	 * call: C3 is key, due in 2 h, so late); C4 never gets one. */
	log_comm(f, c1, "apology", "email", "out", D + 1 * T_HOUR, false, 0);
	log_comm(f, c2, "apology", "email", "out", D + 3 * T_HOUR, false, 0);
	log_comm(f, c3, "apology", "call", "out", D + 5 * T_HOUR, false, 0);

	/* ETA: C1's plan promised D+2d; a failure-wide revision to D+3d at
	 * D+1d, then the same ETA again (not a change). Resolved at D+4d. */
	log_comm(f, c1, "plan", "email", "out", D + 12 * T_HOUR, false, D + 2 * T_DAY);
	assert_ok(rd_eta_set(f->s, &f->sys, fid, 0, D + 3 * T_DAY, "vendor patch late", true, D + T_DAY, NULL, &m_));
	assert_ok(rd_eta_set(f->s, &f->sys, fid, 0, D + 3 * T_DAY, "confirmed", true, D + T_DAY + T_HOUR, NULL, &m_));
	assert_ok(rd_failure_set_status(f->s, &f->sys, fid, "resolved", D + 4 * T_DAY, &m_));

	/* Chases: two from C2, one from C3. */
	log_comm(f, c2, "other", "email", "in", D + 6 * T_HOUR, true, 0);
	log_comm(f, c2, "other", "call", "in", D + 7 * T_HOUR, true, 0);
	log_comm(f, c3, "other", "email", "in", D + 8 * T_HOUR, true, 0);

	/* Promises and goodwill are recorded half a day in (created_at). */
	f->sys.now = D + 12 * T_HOUR;
	/* Promises: kept on time, kept late, broken, open past due, open. */
	int64_t k1 = commitment(f, c1, D + 2 * T_DAY), k2 = commitment(f, c2, D + 2 * T_DAY);
	int64_t k3 = commitment(f, c3, D + 2 * T_DAY);
	commitment(f, c4, D + 5 * T_DAY);
	commitment(f, c1, T_NOW + 5 * T_DAY);
	assert_ok(rd_commitment_settle(f->s, &f->sys, k1, "kept", NULL, 0, D + T_DAY, &m_));
	assert_ok(rd_commitment_settle(f->s, &f->sys, k2, "kept", NULL, 0, D + 3 * T_DAY, &m_));
	assert_ok(rd_commitment_settle(f->s, &f->sys, k3, "broken", NULL, 0, D + T_DAY, &m_));

	/* Survey of C1: scores 6, 8 and 10, and one answer without a score. */
	json_t *in = json_pack("{sI sI ss}", "failure_id", (json_int_t)fid, "client_id", (json_int_t)c1,
			       "sent_at", iso(D + 5 * T_DAY));
	int64_t sv;
	assert_ok(rd_record_create(f->s, &f->sys, "survey", in, NULL, &sv, &m_));
	json_decref(in);
	answer(f, sv, 6);
	answer(f, sv, 8);
	answer(f, sv, 10);
	answer(f, sv, -1);

	/* Goodwill: EUR 1200 approved (C1), EUR 600 delivered (C2), EUR 999
	 * declined, USD 500 proposed (C3). */
	int64_t g1 = goodwill(f, c1, "1200", "EUR"), g2 = goodwill(f, c2, "600", "EUR");
	int64_t g3 = goodwill(f, c4, "999", "EUR");
	goodwill(f, c3, "500", "USD");
	f->sys.now = T_NOW;
	assert_ok(rd_goodwill_decide(f->s, &mgr, g1, "approved", NULL, D + 2 * T_DAY, &m_));
	assert_ok(rd_goodwill_decide(f->s, &mgr, g2, "approved", NULL, D + 2 * T_DAY, &m_));
	assert_ok(rd_goodwill_decide(f->s, &mgr, g2, "delivered", NULL, D + 3 * T_DAY, &m_));
	assert_ok(rd_goodwill_decide(f->s, &mgr, g3, "declined", NULL, D + 2 * T_DAY, &m_));
}

static json_t *metrics(struct fx *f, int64_t from, int64_t to, enum rd_metrics_by by)
{
	json_t *out = NULL;
	assert_ok(rd_metrics(f->s, T_NOW, from, to, by, &out, &m_));
	return out;
}

/* PATH like "overall.promises.kept_late" */
static json_t *at_path(json_t *j, const char *path)
{
	char buf[128];
	snprintf(buf, sizeof buf, "%s", path);
	for (char *k = buf, *dot; k && j; k = dot ? dot + 1 : NULL) {
		if ((dot = strchr(k, '.')))
			*dot = '\0';
		j = json_is_array(j) ? json_array_get(j, (size_t)strtol(k, NULL, 10)) : json_object_get(j, k);
	}
	if (!j)
		fail_msg("no %s in the metrics", path);
	return j;
}

static void assert_num(json_t *j, const char *path, double want)
{
	json_t *v = at_path(j, path);
	if (!json_is_number(v) || json_number_value(v) < want - 1e-9 || json_number_value(v) > want + 1e-9)
		fail_msg("%s = %g%s, want %g", path, json_number_value(v), json_is_number(v) ? "" : " (not a number)",
			 want);
}

static void assert_jnull(json_t *j, const char *path)
{
	if (!json_is_null(at_path(j, path)))
		fail_msg("%s is not null", path);
}

static json_t *step(json_t *g, const char *kind)
{
	size_t i;
	json_t *s;
	json_array_foreach(json_object_get(g, "steps"), i, s)
		if (strcmp(json_string_value(json_object_get(s, "kind")), kind) == 0)
			return s;
	fail_msg("no step %s", kind);
	return NULL;
}

static void overall_figures(void **state)
{
	struct fx *f = *state;
	scenario(f);
	json_t *m = metrics(f, D - 30 * T_DAY, T_NOW, RD_METRICS_OVERALL);
	json_t *o = json_object_get(m, "overall");
	/* the old failure is outside the period */
	assert_num(o, "failures", 1);
	assert_num(o, "affected_clients", 4);
	/* 1 h, 3 h, 5 h: median the middle one, p90 the ceil(0.9 * 3) = 3rd */
	assert_num(o, "time_to_apology.apologised", 3);
	assert_num(o, "time_to_apology.waiting", 1);
	assert_num(o, "time_to_apology.median_seconds", 3 * T_HOUR);
	assert_num(o, "time_to_apology.p90_seconds", 5 * T_HOUR);
	/* apology step: C1, C2 on time; C3 late (key: 2 h); C4 overdue -> 2 / 4 */
	json_t *ap = step(o, "apology");
	assert_num(ap, "on_time", 2);
	assert_num(ap, "late", 1);
	assert_num(ap, "overdue", 1);
	assert_num(ap, "on_time_rate", 0.5);
	/* promises: 1 on time, 1 late, 1 broken, 1 open past due, 1 open */
	assert_num(o, "promises.kept_on_time", 1);
	assert_num(o, "promises.kept_late", 1);
	assert_num(o, "promises.broken", 1);
	assert_num(o, "promises.open_overdue", 1);
	assert_num(o, "promises.open", 1);
	assert_num(o, "promises.kept_on_time_rate", 0.25);
	assert_num(o, "promises.kept_rate", 0.5);
	/* ETA: C1 promised D+2d (its plan), the others D+3d (the first
	 * revision); resolved D+4d: errors 48 h, 24 h, 24 h, 24 h. C1's
	 * revision to D+3d is its one change; the repeat is none. */
	assert_num(o, "eta.tracks", 4);
	assert_num(o, "eta.resolved", 4);
	assert_num(o, "eta.mean_abs_error_seconds", 30 * T_HOUR);
	assert_num(o, "eta.median_abs_error_seconds", 24 * T_HOUR);
	assert_num(o, "eta.mean_error_seconds", 30 * T_HOUR);
	assert_num(o, "eta.revisions", 1);
	assert_num(o, "eta.max_revisions", 1);
	assert_num(o, "eta.revisions_per_track", 0.25);
	/* chases: 3 over 4 affected clients */
	assert_num(o, "chases.total", 3);
	assert_num(o, "chases.per_affected_client", 0.75);
	/* survey: (6 + 8 + 10) / 3; the unscored answer is not counted */
	assert_num(o, "survey.answers", 3);
	assert_num(o, "survey.mean", 8);
	assert_num(o, "survey.distribution.6", 1);
	assert_num(o, "survey.distribution.8", 1);
	assert_num(o, "survey.distribution.10", 1);
	assert_num(o, "survey.distribution.7", 0);
	/* goodwill, per currency: EUR 1200 + 600 of 4000 = 0.45; USD only proposed */
	assert_string_equal(json_string_value(at_path(o, "goodwill.0.currency")), "EUR");
	assert_string_equal(json_string_value(at_path(o, "goodwill.0.granted")), "1800.00");
	assert_string_equal(json_string_value(at_path(o, "goodwill.0.delivered")), "600.00");
	assert_string_equal(json_string_value(at_path(o, "goodwill.0.client_value")), "4000.00");
	assert_num(o, "goodwill.0.ratio", 0.45);
	assert_string_equal(json_string_value(at_path(o, "goodwill.1.currency")), "USD");
	assert_string_equal(json_string_value(at_path(o, "goodwill.1.proposed")), "500.00");
	assert_num(o, "goodwill.1.ratio", 0);
	assert_int_equal(json_array_size(json_object_get(m, "groups")), 0);
	json_decref(m);
}

static void grouped_by_tier_and_owner(void **state)
{
	struct fx *f = *state;
	scenario(f);
	json_t *m = metrics(f, D - 30 * T_DAY, T_NOW, RD_METRICS_TIER);
	json_t *g = json_object_get(m, "groups");
	assert_int_equal(json_array_size(g), 2);
	/* groups in order of detection, then key: key before standard */
	json_t *key = json_array_get(g, 0), *std = json_array_get(g, 1);
	assert_string_equal(json_string_value(json_object_get(key, "group")), "key");
	assert_num(key, "affected_clients", 1);
	assert_num(key, "time_to_apology.median_seconds", 5 * T_HOUR);
	assert_num(key, "chases.per_affected_client", 1);
	assert_num(key, "promises.broken", 1);
	assert_num(key, "promises.kept_on_time_rate", 0);
	/* standard: 1 h and 3 h -> median (1 + 3) / 2 = 2 h, p90 rank 2 = 3 h */
	assert_num(std, "time_to_apology.median_seconds", 2 * T_HOUR);
	assert_num(std, "time_to_apology.p90_seconds", 3 * T_HOUR);
	assert_num(std, "time_to_apology.waiting", 1);
	assert_num(std, "chases.total", 2);
	json_decref(m);

	m = metrics(f, D - 30 * T_DAY, T_NOW, RD_METRICS_OWNER);
	g = json_object_get(m, "groups");
	assert_int_equal(json_array_size(g), 2);
	json_t *ann = json_array_get(g, 0), *sam = json_array_get(g, 1);
	assert_string_equal(json_string_value(json_object_get(ann, "group")), "ann@provider.example");
	assert_string_equal(json_string_value(json_object_get(sam, "group")), "sam@provider.example");
	assert_num(sam, "affected_clients", 3);
	assert_num(sam, "promises.kept_on_time", 1);
	assert_num(sam, "promises.kept_late", 1);
	assert_num(sam, "promises.open_overdue", 1);
	/* sam's clients hold all the EUR goodwill and value */
	assert_num(sam, "goodwill.0.ratio", 0.45);
	json_decref(m);

	m = metrics(f, D - 30 * T_DAY, T_NOW, RD_METRICS_FAILURE);
	g = json_object_get(m, "groups");
	assert_int_equal(json_array_size(g), 1);
	assert_string_equal(json_string_value(at_path(g, "0.label")), "Payments down");
	json_decref(m);
}

/* The period's end is also the instant states are taken at: at D+2d+1h,
 * k2 (kept at D+3d) was still open and past due, the failure unresolved,
 * and the survey not answered. G2 was approved at D+2d but delivered at
 * D+3d: a goodwill row keeps only its last decision time, so as of D+2d+1h
 * it counts as proposed (docs/metrics.md says so). */
static void states_as_of_the_end(void **state)
{
	struct fx *f = *state;
	scenario(f);
	json_t *m = metrics(f, D - T_DAY, D + 2 * T_DAY + T_HOUR, RD_METRICS_OVERALL);
	json_t *o = json_object_get(m, "overall");
	assert_string_equal(json_string_value(json_object_get(m, "as_of")), "2026-11-14T13:00:00Z");
	assert_num(o, "promises.kept_on_time", 1);
	assert_num(o, "promises.kept_late", 0);
	assert_num(o, "promises.broken", 1);
	assert_num(o, "promises.open_overdue", 1);
	assert_num(o, "promises.open", 2);
	assert_num(o, "promises.kept_on_time_rate", 1.0 / 3.0);
	assert_num(o, "eta.resolved", 0);
	assert_jnull(o, "eta.mean_abs_error_seconds");
	assert_num(o, "survey.answers", 0);
	assert_jnull(o, "survey.mean");
	assert_string_equal(json_string_value(at_path(o, "goodwill.0.granted")), "1200.00");
	assert_string_equal(json_string_value(at_path(o, "goodwill.0.proposed")), "600.00");
	assert_string_equal(json_string_value(at_path(o, "goodwill.0.delivered")), "0.00");
	json_decref(m);

	/* a period before the failure: nothing, and no division by zero */
	m = metrics(f, D - 100 * T_DAY, D - 50 * T_DAY, RD_METRICS_OWNER);
	o = json_object_get(m, "overall");
	assert_num(o, "affected_clients", 0);
	assert_jnull(o, "time_to_apology.median_seconds");
	assert_jnull(o, "promises.kept_on_time_rate");
	assert_jnull(o, "chases.per_affected_client");
	assert_int_equal(json_array_size(json_object_get(m, "groups")), 0);
	json_decref(m);
}

static void bad_input(void **state)
{
	struct fx *f = *state;
	json_t *out = NULL;
	assert_fails(rd_metrics(f->s, T_NOW, T_NOW, T_NOW, RD_METRICS_OVERALL, &out, &m_), RD_EINVAL, "before");
	assert_fails(rd_metrics(f->s, T_NOW, T_NOW, T_NOW - 1, RD_METRICS_OVERALL, &out, &m_), RD_EINVAL, "empty");
	enum rd_metrics_by by;
	assert_fails(rd_metrics_by_parse("client", &by, &m_), RD_EINVAL, "failure, owner, tier");
	assert_ok(rd_metrics_by_parse("tier", &by, &m_));
	assert_int_equal(by, RD_METRICS_TIER);
}

static void percentiles(void **state)
{
	(void)state;
	const int64_t one[] = {7}, three[] = {1, 3, 5}, four[] = {1, 2, 4, 10};
	const int64_t ten[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
	assert_int_equal(rd_metrics_median(one, 1), 7);
	assert_int_equal(rd_metrics_percentile(one, 1, 90), 7);
	assert_int_equal(rd_metrics_median(three, 3), 3);
	assert_int_equal(rd_metrics_percentile(three, 3, 90), 5);
	assert_int_equal(rd_metrics_median(four, 4), 3);          /* (2 + 4) / 2 */
	assert_int_equal(rd_metrics_percentile(four, 4, 90), 10); /* rank ceil(3.6) = 4 */
	assert_int_equal(rd_metrics_percentile(ten, 10, 90), 9);  /* rank 9 exactly */
	assert_int_equal(rd_metrics_percentile(ten, 10, 50), 5);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, fx_setup, fx_teardown)
	const struct CMUnitTest tests[] = {
		T(overall_figures),
		T(grouped_by_tier_and_owner),
		T(states_as_of_the_end),
		T(bad_input),
		cmocka_unit_test(percentiles),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
