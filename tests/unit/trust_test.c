/* trust_test.c — lib/trust.c: the trust model on hand-computed scenarios
 * (docs/trust.md gives the same arithmetic), under the shipped policy's
 * weights: baseline 70, a late step -2 per hour (at most 10), a broken
 * promise -12, a kept one +4, a survey (score - 7) x 2, a second failure
 * within 90 days -15, half-life 90 days. Then the history kept on writes. */
#include <math.h>

#include "unit.h"
#include "redress/agenda.h"
#include "redress/trust.h"
#include "util/buf.h"
#include "util/jsonw.h"

#define T T_NOW
#define H T_HOUR
#define D T_DAY
#define WINDOW (90 * D)

static const struct rd_policy *pol(void)
{
	const struct rd_policy *p = NULL;
	char *m = NULL;
	assert_int_equal(rd_policy_in_force(&p, &m), RD_OK);
	return p;
}

/* The score of facts F at AT; *first gets the largest contribution. */
static int score(const struct rd_trust_fact *f, size_t n, int64_t at, double *first, char **reason)
{
	struct rd_trust_result r;
	char *m = NULL;
	assert_int_equal(rd_trust_compute(&pol()->trust, WINDOW, f, n, at, true, &r, &m), RD_OK);
	if (first)
		*first = r.n ? r.items[0].points : 0.0;
	if (reason)
		*reason = r.n ? strdup(r.items[0].reason) : NULL;
	int s = r.score;
	rd_trust_result_free(&r);
	return s;
}

static const struct rd_trust_fact outage = {RD_TF_FAILURE, 1, T - 10 * D, 0, 0, 0, "Payments API outage"};

static void no_record_is_the_baseline(void **state)
{
	assert_int_equal(score(NULL, 0, T, NULL, NULL), 70);
	assert_int_equal(score(&outage, 1, T, NULL, NULL), 70); /* a failure alone costs nothing */
}

static void late_apology_lowers_it_by_two_points_an_hour(void **state)
{
	struct rd_trust_fact f[] = {outage, {RD_TF_OBLIGATION, 1, T - 3 * H, T, 0, 0, "apology"}};
	double pts;
	char *why;
	assert_int_equal(score(f, 2, T, &pts, &why), 64);
	assert_true(pts == -6.0);
	assert_string_equal(why, "apology 3 h late on Payments API outage");
	free(why);
	/* on time instead: +1 */
	f[1].t1 = T - 4 * H;
	assert_int_equal(score(f, 2, T, &pts, NULL), 71);
	/* two days late: capped at -10 */
	f[1].t0 = T - 2 * D;
	f[1].t1 = T;
	assert_int_equal(score(f, 2, T, &pts, NULL), 60);
	/* still open 2 h past due: -(4 + 5) */
	f[1].t0 = T - 2 * H;
	f[1].t1 = 0;
	assert_int_equal(score(f, 2, T, &pts, NULL), 61);
	/* waived: not owed at all */
	f[1].t2 = T - H;
	assert_int_equal(score(f, 2, T, NULL, NULL), 70);
}

static void broken_promise_lowers_it_more_than_a_late_apology(void **state)
{
	struct rd_trust_fact f[] = {outage, {RD_TF_COMMITMENT, 1, T - H, T, T - D, 2, "Call back in 2 h"}};
	char *why;
	int broken = score(f, 2, T, NULL, &why);
	assert_int_equal(broken, 58);
	assert_true(broken < 64);
	assert_string_equal(why, "promise broken: 'Call back in 2 h' on Payments API outage");
	free(why);
	/* before it was due it was an open promise and cost nothing */
	assert_int_equal(score(f, 2, T - 2 * H, NULL, NULL), 70);
	/* past due and still open (as seen between due and settled): -6 */
	assert_int_equal(score(f, 2, T - H / 2, NULL, NULL), 64);
	/* before it was made, nothing */
	assert_int_equal(score(f, 2, T - 2 * D, NULL, NULL), 70);
}

static void kept_promises_and_a_good_survey_raise_it(void **state)
{
	struct rd_trust_fact f[] = {outage,
		{RD_TF_COMMITMENT, 1, T + H, T, T - D, 1, "RCA within 24 h"},
		{RD_TF_COMMITMENT, 1, T + H, T, T - D, 1, "Daily status at 09:00"},
		{RD_TF_SURVEY, 1, T, 0, 0, 9, "How well did we keep you informed?"}};
	assert_int_equal(score(f, 4, T, NULL, NULL), 70 + 4 + 4 + 4);
	/* a poor answer lowers it: (3 - 7) x 2 = -8 */
	f[3].n = 3;
	assert_int_equal(score(f, 4, T, NULL, NULL), 70 + 8 - 8);
	/* kept after its due time: -2 */
	f[1].t0 = T - H;
	assert_int_equal(score(f, 4, T, NULL, NULL), 70 - 2 + 4 - 8);
}

static void second_failure_within_90_days_drops_it(void **state)
{
	struct rd_trust_fact f[] = {{RD_TF_FAILURE, 1, T - 30 * D, T - 29 * D, 0, 0, "Reporting delay"},
				    {RD_TF_FAILURE, 2, T, 0, 0, 0, "Payments API outage"}};
	char *why;
	assert_int_equal(score(f, 2, T, NULL, &why), 55);
	assert_string_equal(why, "second failure 30 days after 'Reporting delay' on Payments API outage");
	free(why);
	/* 100 days apart: not a second failure */
	f[0].t0 = T - 100 * D;
	assert_int_equal(score(f, 2, T, NULL, NULL), 70);
	/* and before the second one happened, nothing */
	f[0].t0 = T - 30 * D;
	assert_int_equal(score(f, 2, T - D, NULL, NULL), 70);
}

static void etas_revisions_and_misses_cost(void **state)
{
	struct rd_trust_fact f[] = {{RD_TF_FAILURE, 1, T - 5 * D, T, 0, 0, "Outage"},
				    {RD_TF_ETA, 1, T - 4 * D, T - 3 * D, 0, 0, NULL},
				    {RD_TF_ETA, 1, T - 3 * D, T - D, 0, 0, NULL}};
	/* one revision three days ago (-2 x 2^(-3/90) = -1.95, shown -2) and
	 * resolved a day after the last ETA (-2) */
	assert_int_equal(score(f, 3, T, NULL, NULL), 66);
	/* the first ETA alone is not a revision; resolved 3 days after it: -6 */
	assert_int_equal(score(f, 2, T, NULL, NULL), 64);
}

static void goodwill_counts_by_the_share_of_harm_covered(void **state)
{
	struct rd_trust_fact f[] = {{RD_TF_FAILURE, 1, T - D, 0, 0, 1000000, "Outage"},
				    {RD_TF_GOODWILL, 1, T, 0, 0, 500000, NULL},
				    {RD_TF_GOODWILL, 1, T, 0, 0, 900000, NULL}};
	assert_int_equal(score(f, 2, T, NULL, NULL), 73);       /* half the harm: +3 */
	assert_int_equal(score(f, 3, T, NULL, NULL), 76);       /* all of it, never more: +6 */
}

static void clamped_to_0_and_100(void **state)
{
	struct rd_trust_fact f[12];
	for (int i = 0; i < 12; i++)
		f[i] = (struct rd_trust_fact){RD_TF_COMMITMENT, 0, T - H, T, T - D, 2, "x"};
	struct rd_trust_result r;
	char *m = NULL;
	assert_int_equal(rd_trust_compute(&pol()->trust, WINDOW, f, 12, T, false, &r, &m), RD_OK);
	assert_int_equal(r.score, 0);
	assert_true(r.total == 70 - 144);
	rd_trust_result_free(&r);
	for (int i = 0; i < 12; i++)
		f[i].n = 1, f[i].t0 = T + H;
	assert_int_equal(score(f, 12, T, NULL, NULL), 100);
}

static void older_events_weigh_less(void **state)
{
	struct rd_trust_fact f[] = {{RD_TF_COMMITMENT, 0, T - 90 * D - H, T - 90 * D, T - 91 * D, 2, "x"}};
	double pts;
	char *why;
	assert_int_equal(score(f, 1, T, &pts, &why), 64);          /* one half-life: -12 -> -6 */
	assert_true(pts == -6.0);
	assert_non_null(strstr(why, "(90 days ago: counted at 50%)"));
	free(why);
	f[0].t1 = T - 180 * D, f[0].t0 = f[0].t1 - H, f[0].t2 = f[0].t1 - D;
	assert_int_equal(score(f, 1, T, &pts, NULL), 67);          /* two: -3 */
	assert_true(pts == -3.0);
}

static void trend_labels(void **state)
{
	const struct rd_trust_policy *w = &pol()->trust;
	assert_string_equal(rd_trust_trend_label(w, 3), "rising");
	assert_string_equal(rd_trust_trend_label(w, 2), "steady");
	assert_string_equal(rd_trust_trend_label(w, -2), "steady");
	assert_string_equal(rd_trust_trend_label(w, -3), "falling");
}

/* ---- over the store ---- */

static void history_follows_writes_and_the_trust_object(void **state)
{
	struct fx *f = *state;
	int64_t cid = add_client(f, "{\"name\": \"Northwind\"}");
	int64_t fid = open_failure(f, "{\"title\": \"Outage\", \"severity\": 3, \"detected_at\": \"2026-11-22T08:00:00Z\","
				      " \"clients\": [\"Northwind\"]}");
	json_t *in = json_pack("{sI sI ss sI}", "client_id", (json_int_t)cid, "failure_id", (json_int_t)fid,
			       "text", "Call back with a timeline", "due_at", (json_int_t)(T - 2 * H));
	int64_t com;
	assert_ok(rd_record_create(f->s, &f->sys, "commitment", in, NULL, &com, &m_));
	json_decref(in);
	static const char last[] = "SELECT score FROM trust_history ORDER BY at DESC, id DESC LIMIT 1";
	int64_t before = count_rows(f->s, last);
	assert_ok(rd_commitment_settle(f->s, &f->sys, com, "broken", NULL, 0, T, &m_));
	/* the settle recorded the new score: the overdue promise's -6 became
	 * a broken one's -12 (writes at one instant share one row) */
	assert_int_equal(count_rows(f->s, last), before - 6);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM trust_history"), 1);
	json_t *t;
	assert_ok(rd_trust_client_json(f->s, cid, T, &t, &m_));
	int sc = (int)json_integer_value(json_object_get(t, "score"));
	assert_int_equal(count_rows(f->s, last), sc);
	json_t *ex = json_object_get(t, "explanation");
	int found = 0;
	size_t i;
	json_t *c;
	json_array_foreach(ex, i, c)
		if (strstr(json_string_value(json_object_get(c, "reason")), "promise broken: 'Call back with a timeline'") &&
		    json_real_value(json_object_get(c, "points")) == -12.0)
			found++;
	assert_int_equal(found, 1);
	assert_string_equal(json_string_value(json_object_get(json_object_get(t, "trend"), "label")), "falling");
	json_decref(t);
	/* the portfolio puts the client with a broken promise first */
	add_client(f, "{\"name\": \"Acme\"}");
	json_t *pf;
	assert_ok(rd_trust_portfolio(f->s, T, 0, &pf, &m_));
	assert_int_equal(json_array_size(pf), 2);
	assert_string_equal(json_string_value(json_object_get(json_array_get(pf, 0), "client")), "Northwind");
	assert_int_equal(json_integer_value(json_object_get(json_array_get(pf, 1), "score")), 70);
	json_decref(pf);
}

/* Client CID's trust object at T as rd_trust_client_write writes it (new,
 * caller frees): the text jansson writes back of rd_trust_client_json's
 * tree, which is that text parsed. */
static char *trust_written(struct fx *f, int64_t cid)
{
	struct rd_buf b = RD_BUF_INIT;
	struct rd_jw w;
	json_t *t = NULL;
	rd_jw_init(&w, &b);
	assert_ok(rd_trust_client_write(f->s, cid, T, &w, &m_));
	assert_int_equal(w.err, RD_OK);
	assert_ok(rd_trust_client_json(f->s, cid, T, &t, &m_));
	char *again = json_dumps(t, JSON_COMPACT | JSON_REAL_PRECISION(15));
	assert_string_equal(again, b.data);
	assert_true(json_is_integer(json_object_get(t, "score")));
	assert_true(json_is_real(json_object_get(t, "baseline")));
	free(again);
	json_decref(t);
	return rd_buf_detach(&b);
}

/* A failure's title in the reasons: escaped as jansson escapes it; and
 * where it is not UTF-8 (written by something else; SQLite only, as
 * PostgreSQL refuses it), the reasons that carry it are left out of the
 * explanation, as the tree left them out, while the score still counts
 * them. */
static void reasons_with_awkward_titles(void **state)
{
	struct fx *f = *state;
	int64_t cid = add_client(f, "{\"name\": \"Northwind\"}");
	int64_t fid = open_failure(f, "{\"title\": \"Outage \\\"big\\\" a\\\\b\\ttab\", \"severity\": 3,"
				      " \"detected_at\": \"2026-11-22T08:00:00Z\", \"clients\": [\"Northwind\"]}");
	json_t *in = json_pack("{sI sI ss sI}", "client_id", (json_int_t)cid, "failure_id", (json_int_t)fid,
			       "text", "Call back", "due_at", (json_int_t)(T - 2 * H));
	int64_t com;
	assert_ok(rd_record_create(f->s, &f->sys, "commitment", in, NULL, &com, &m_));
	json_decref(in);
	assert_ok(rd_commitment_settle(f->s, &f->sys, com, "broken", NULL, 0, T, &m_));
	char *text = trust_written(f, cid);
	if (!strstr(text, "\"reason\":\"promise broken: 'Call back' on Outage \\\"big\\\" a\\\\b\\ttab\""))
		fail_msg("no escaped title in %s", text);
	json_t *t = json_loads(text, 0, NULL);
	int64_t score = json_integer_value(json_object_get(t, "score"));
	size_t items = json_array_size(json_object_get(t, "explanation"));
	assert_true(items >= 1);
	json_decref(t);
	free(text);
	if (!strcmp(rd_store_backend(f->s), "postgres"))
		return;
	assert_ok(rd_store_exec(f->s, NULL, "UPDATE failures SET title = ?1 WHERE id = ?2", "ti", "bad \xff", fid));
	text = trust_written(f, cid);
	assert_null(strstr(text, "bad "));
	assert_null(strstr(text, "promise broken"));
	t = json_loads(text, 0, NULL);
	assert_int_equal(json_integer_value(json_object_get(t, "score")), score);
	assert_true(json_array_size(json_object_get(t, "explanation")) < items);
	json_decref(t);
	free(text);
}

/* What json_dumps gives for R's explanation built as a tree (the way
 * trust.c built it before rd_trust_explanation_text). */
static char *explanation_by_jansson(const struct rd_trust_result *r)
{
	json_t *a = json_array();
	for (size_t i = 0; i < r->n; i++) {
		char t[RD_TIME_BUFSZ];
		json_array_append_new(a, json_pack("{sf ss ss}", "points", r->items[i].points, "reason",
						   r->items[i].reason, "at", rd_time_format(r->items[i].at, t)));
	}
	char *text = json_dumps(a, JSON_COMPACT | JSON_REAL_PRECISION(15));
	json_decref(a);
	return text;
}

static void assert_same_explanation(const struct rd_trust_result *r, const char *what)
{
	char *want = explanation_by_jansson(r);
	char *got = rd_trust_explanation_text(r);
	assert_non_null(want);
	assert_non_null(got);
	if (strcmp(want, got) != 0)
		fail_msg("%s: jansson %s, written %s", what, want, got);
	free(want);
	free(got);
}

/* The stored explanation (rd_trust_explanation_text, on every logged
 * write, through the trust object's writer) must be the text json_dumps
 * gives for the same list built as a tree (jansson as the reference), byte for byte, for every kind of
 * points, reason and instant, the escaped and refused ones included. */
static void explanation_text_is_what_jansson_dumps(void **state)
{
	(void)state;
	static const double points[] = {0.0, -0.0, 2.5, -3.0, 12.3, 100.0, -0.1, 0.30000000000000004, 1e-7,
					 1e20, -123456.789, 4.0 / 3.0, 1e15, 123456789012345.6};
	static const char *const reasons[] = {"apology on time", "promise kept: 'call back by 5'", "",
					      "said \"soon\"", "a\\b", "two\nlines", "caf\xc3\xa9", "bell \x01",
					      "del \x7f", "bad \xff utf-8", NULL};
	static const int64_t ats[] = {T, 0, -86400, 253402300799};
	enum { NP = sizeof points / sizeof *points, NR = sizeof reasons / sizeof *reasons };
	char reason_buf[NR][64];
	struct rd_trust_contribution items[NP * NR], plain[NP];
	size_t n = 0;
	for (size_t j = 0; j < NR; j++)
		if (reasons[j])
			snprintf(reason_buf[j], sizeof reason_buf[j], "%s", reasons[j]);
	for (size_t i = 0; i < NP; i++) {
		for (size_t j = 0; j < NR; j++)
			items[n++] = (struct rd_trust_contribution){points[i], ats[(i + j) % 4],
								     reasons[j] ? reason_buf[j] : NULL};
		plain[i] = (struct rd_trust_contribution){points[i], ats[i % 4], reason_buf[i % 3]};
	}
	char what[64];
	for (size_t k = 0; k < n; k++) { /* each alone */
		struct rd_trust_result r = {.score = 70, .items = &items[k], .n = 1};
		snprintf(what, sizeof what, "item %zu", k);
		assert_same_explanation(&r, what);
	}
	for (size_t k = 0; k <= NP; k++) { /* several in a row: plain ones, then an exponent among them */
		struct rd_trust_result r = {.score = 70, .items = plain, .n = k};
		snprintf(what, sizeof what, "the first %zu plain items", k);
		assert_same_explanation(&r, what);
	}
	struct rd_trust_result all = {.score = 70, .items = items, .n = n};
	assert_same_explanation(&all, "every item");
	struct rd_trust_result none = {.score = 70};
	char *got = rd_trust_explanation_text(&none);
	assert_string_equal(got, "[]");
	free(got);
}

/* span_text and the age suffix as they were written with printf before
 * their digits were written by hand: the reference. */
static void printf_span(int64_t secs, char *buf, size_t n)
{
	if (secs < 3600) {
		snprintf(buf, n, "%lld min", (long long)((secs + 59) / 60));
		return;
	}
	double v = secs < 48 * 3600 ? (double)secs / 3600.0 : (double)secs / 86400.0;
	const char *unit = secs < 48 * 3600 ? "h" : "days";
	double r = round(v * 10.0) / 10.0;
	if (r == floor(r))
		snprintf(buf, n, "%.0f %s", r, unit);
	else
		snprintf(buf, n, "%.1f %s", r, unit);
}

/* Every reason reads as printf wrote it: 20,000 late steps, from a minute
 * to five days late, from now to 400 days ago (the age suffix and its
 * percentage), on a failure or not. */
static void reasons_read_as_printf_wrote_them(void **state)
{
	uint64_t x = 0x9e3779b97f4a7c15u;
	int checked = 0;
	for (int i = 0; i < 20000; i++) {
		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		int64_t late = 60 + (int64_t)(x % (uint64_t)(5 * D));
		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		int64_t age = (int64_t)(x % (uint64_t)(400 * D));
		struct rd_trust_fact f[] = {outage, {RD_TF_OBLIGATION, i % 2, T - age - late, T - age, 0, 0, "apology"}};
		struct rd_trust_result r;
		char *m = NULL;
		assert_int_equal(rd_trust_compute(&pol()->trust, WINDOW, f, 2, T, true, &r, &m), RD_OK);
		if (r.n) {
			char a[32], b[32], want[200];
			const char *on = i % 2 ? " on Payments API outage" : "";
			printf_span(late, a, sizeof a);
			double weight = exp2(-(double)age / (90.0 * D));
			if (weight < 0.995) {
				printf_span(age, b, sizeof b);
				snprintf(want, sizeof want, "apology %s late%s (%s ago: counted at %.0f%%)", a, on, b,
					 weight * 100.0);
			} else {
				snprintf(want, sizeof want, "apology %s late%s", a, on);
			}
			assert_string_equal(r.items[0].reason, want);
			checked++;
		}
		rd_trust_result_free(&r);
	}
	assert_true(checked > 15000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(no_record_is_the_baseline),
		cmocka_unit_test(late_apology_lowers_it_by_two_points_an_hour),
		cmocka_unit_test(broken_promise_lowers_it_more_than_a_late_apology),
		cmocka_unit_test(kept_promises_and_a_good_survey_raise_it),
		cmocka_unit_test(second_failure_within_90_days_drops_it),
		cmocka_unit_test(etas_revisions_and_misses_cost),
		cmocka_unit_test(goodwill_counts_by_the_share_of_harm_covered),
		cmocka_unit_test(clamped_to_0_and_100),
		cmocka_unit_test(older_events_weigh_less),
		cmocka_unit_test(trend_labels),
		cmocka_unit_test(explanation_text_is_what_jansson_dumps),
		cmocka_unit_test(reasons_read_as_printf_wrote_them),
		cmocka_unit_test_setup_teardown(history_follows_writes_and_the_trust_object, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(reasons_with_awkward_titles, fx_setup, fx_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
