/* compose_test.c — lib/compose.c drafting: every draft the demo data allows,
 * for every kind and every affected client, comes out of the checker with
 * no finding (English: every rule; German and French: the rules that run
 * there); a kind that would claim what is not so is refused with the reason;
 * the view names the failure as a noun phrase, signs with the point person's
 * own details and writes dates and amounts for the client's language.
 * What each kind needs before a draft is the kind table's (comm_kind.c),
 * and the check context knows when a message is late and what the client
 * was told before. */
#include "redress/compose.h"
#include "redress/comm_kind.h"
#include "redress/time.h"
#include "unit.h"

static const char *const *const kinds = rd_comm_kind_names;

/* Every (failure, client) track of the demo with an affected client, every
 * kind, in LANG: drafted with zero findings, or refused for a stated
 * reason. Returns how many were drafted. */
static int draft_all(struct fx *f, const char *lang)
{
	struct rd_stmt *st;
	assert_ok(rd_store_prepare(f->s, "SELECT failure_id, client_id FROM impacts WHERE affected <> 'no' "
				   "ORDER BY failure_id, client_id", &st));
	int64_t tracks[32][2];
	size_t n = 0;
	bool row;
	while (rd_stmt_step(st, &row) == RD_OK && row && n < 32) {
		tracks[n][0] = rd_stmt_col_int(st, 0);
		tracks[n][1] = rd_stmt_col_int(st, 1);
		n++;
	}
	rd_stmt_free(st);
	assert_true(n >= 7);
	int drafted = 0;
	for (size_t t = 0; t < n; t++) {
		for (size_t k = 0; kinds[k]; k++) {
			char *text = NULL, *msg = NULL;
			struct rd_check_result *r = NULL;
			enum rd_err rc = rd_draft_lang(f->s, kinds[k], tracks[t][0], tracks[t][1], T_NOW, 0, NULL, lang,
						       &text, &r, &msg);
			if (rc == RD_EINVAL) {
				/* refused: says why, in words a user can act on */
				assert_non_null(msg);
				assert_true(strstr(msg, "resolved") || strstr(msg, "root cause") ||
					    strstr(msg, "recovery plan") || strstr(msg, "ETA") ||
					    strstr(msg, "nothing recorded to correct"));
				free(msg);
				continue;
			}
			if (rc != RD_OK)
				fail_msg("%s f%lld c%lld %s: %s", kinds[k], (long long)tracks[t][0],
					 (long long)tracks[t][1], lang ? lang : "", msg ? msg : "?");
			if (r->n_findings) {
				rd_check_result_print(stderr, kinds[k], text, strlen(text), r);
				fail_msg("%s for failure %lld, client %lld (%s) has %zu findings", kinds[k],
					 (long long)tracks[t][0], (long long)tracks[t][1], lang ? lang : "en",
					 r->n_findings);
			}
			for (size_t e = 0; e < r->n_elements; e++)
				assert_true(r->elements[e].found);
			/* nothing left unsaid: no empty slot, no stray braces */
			assert_null(strstr(text, "{{"));
			assert_null(strstr(text, " ."));
			assert_null(strstr(text, "by ."));
			assert_null(strstr(text, "\n\n\n"));
			assert_true(lang ? r->n_skipped > 0 : r->n_skipped == 0);
			drafted++;
			rd_check_result_free(r);
			free(text);
		}
	}
	return drafted;
}

static void every_demo_draft_has_no_finding(void **state)
{
	struct fx *f = *state;
	assert_ok(rd_demo_load(f->s, T_NOW, &m_));
	int en = draft_all(f, NULL);
	/* most kinds of most tracks are drafted, not refused */
	print_message("drafted %d of 77 (the rest refused)\n", en);
	assert_true(en >= 30);
	assert_int_equal(draft_all(f, "de"), en);
	assert_int_equal(draft_all(f, "fr"), en);
}

static void dishonest_kinds_are_refused(void **state)
{
	struct fx *f = *state;
	assert_ok(rd_demo_load(f->s, T_NOW, &m_));
	char *text = NULL;
	struct rd_check_result *r = NULL;
	/* failure 2 is resolved; failure 1 is being fixed; failure 3 has no ETA */
	assert_fails(rd_draft(f->s, "progress", 2, 3, T_NOW, 0, NULL, &text, &r, &m_), RD_EINVAL,
		     "failure #2 is resolved: a progress draft is for a failure still being fixed");
	assert_null(text);
	assert_null(r);
	assert_fails(rd_draft(f->s, "resolution", 1, 1, T_NOW, 0, NULL, &text, &r, &m_), RD_EINVAL,
		     "failure #1 is not resolved yet");
	assert_fails(rd_draft(f->s, "progress", 3, 9, T_NOW, 0, NULL, &text, &r, &m_), RD_EINVAL,
		     "failure #3 has no ETA");
	assert_fails(rd_draft(f->s, "delay", 3, 9, T_NOW, 0, NULL, &text, &r, &m_), RD_EINVAL,
		     "has not moved");
	assert_fails(rd_draft_kind_allowed(f->s, "progress", 2, 3, T_NOW, &m_), RD_EINVAL, "is resolved");
	assert_ok(rd_draft_kind_allowed(f->s, "follow_up", 2, 3, T_NOW, &m_));
	assert_fails(rd_draft_lang(f->s, "apology", 1, 1, T_NOW, 0, NULL, "es", &text, &r, &m_), RD_EINVAL,
		     "unknown language 'es' (accepted: en, de, fr)");
}

static void view_names_signs_and_localises(void **state)
{
	struct fx *f = *state;
	assert_ok(rd_demo_load(f->s, T_NOW, &m_));
	json_t *v = NULL;
	assert_ok(rd_draft_view_lang(f->s, 1, 1, T_NOW, 0, NULL, NULL, &v, &m_));
	json_t *fl = json_object_get(v, "failure"), *pp = json_object_get(v, "point_person");
	/* "Payments API outage: card authorisations failing" as a noun phrase */
	assert_string_equal(json_string_value(json_object_get(fl, "subject")), "the Payments API outage");
	assert_false(json_is_true(json_object_get(fl, "resolved")));
	/* the impact's point person, with their own contact details */
	assert_string_equal(json_string_value(json_object_get(pp, "name")), "Sam Okafor");
	assert_string_equal(json_string_value(json_object_get(pp, "title")), "Senior Account Manager");
	assert_string_equal(json_string_value(json_object_get(pp, "phone")), "+49 30 901820 44");
	assert_string_equal(json_string_value(json_object_get(json_object_get(v, "impact"), "financial")),
			    "EUR 18,500.00");
	json_decref(v);
	assert_ok(rd_draft_view_lang(f->s, 1, 1, T_NOW, 0, NULL, "de", &v, &m_));
	assert_string_equal(json_string_value(json_object_get(json_object_get(v, "failure"), "subject")),
			    "die Störung bei Payments API");
	assert_string_equal(json_string_value(json_object_get(json_object_get(v, "impact"), "financial")),
			    "18.500,00\u00a0€");
	json_decref(v);
	/* failure 2's title is not a noun phrase: its service names it */
	assert_ok(rd_draft_view_lang(f->s, 2, 3, T_NOW, 0, NULL, NULL, &v, &m_));
	assert_string_equal(json_string_value(json_object_get(json_object_get(v, "failure"), "subject")),
			    "the Reporting incident");
	assert_true(json_is_true(json_object_get(json_object_get(v, "failure"), "resolved")));
	assert_false(json_is_true(json_object_get(json_object_get(v, "impact"), "recorded")));
	json_decref(v);
	/* the client's stored language is the default */
	json_t *in = json_pack("{ss}", "language", "fr");
	assert_ok(rd_record_update(f->s, &f->sys, "client", 1, in, NULL, &m_));
	json_decref(in);
	assert_ok(rd_draft_view_lang(f->s, 1, 1, T_NOW, 0, NULL, NULL, &v, &m_));
	assert_string_equal(json_string_value(json_object_get(v, "lang")), "fr");
	json_decref(v);
}

static void dates_and_amounts_per_language(void **state)
{
	(void)state;
	char buf[128];
	int64_t t;
	assert_ok(rd_time_parse("2026-11-27T17:00:00Z", &t, &m_));
	assert_ok(rd_time_format_lang(t, "Europe/Berlin", "de", buf, sizeof buf));
	assert_string_equal(buf, "Freitag, 27. November 2026, 18:00 MEZ");
	assert_ok(rd_time_format_lang(t, "Europe/Paris", "fr", buf, sizeof buf));
	assert_string_equal(buf, "vendredi 27 novembre 2026 à 18:00 UTC+1");
	assert_int_equal(rd_time_format_lang(t, "Europe/Paris", "xx", buf, sizeof buf), RD_EINVAL);
	assert_int_equal(rd_time_format_lang(t, "Nowhere/Land", "de", buf, sizeof buf), RD_EINVAL);
	assert_ok(rd_money_format_lang(450000, "EUR", "de", buf, sizeof buf));
	assert_string_equal(buf, "4.500,00\u00a0€");
	/* French groups with a narrow no-break space, and a no-break space before € */
	assert_ok(rd_money_format_lang(450000, "EUR", "fr", buf, sizeof buf));
	assert_string_equal(buf, "4\u202f500,00\u00a0€");
	assert_ok(rd_money_format_lang(123456789, "USD", "de", buf, sizeof buf));
	assert_string_equal(buf, "1.234.567,89\u00a0$");
	assert_int_equal(rd_money_format_lang(100, "EURO", "de", buf, sizeof buf), RD_EINVAL);
	char tiny[4];
	assert_int_equal(rd_money_format_lang(450000, "EUR", "de", tiny, sizeof tiny), RD_EINVAL);
}

/* What a draft needs (comm_kind.c's table) is what compose refuses on:
 * every kind that needs the failure resolved is refused for the demo's
 * failure #1 (being fixed) and every kind that needs it open for #2
 * (resolved), naming why; a kind that needs neither is refused for
 * neither reason. */
static void draft_needs_follow_the_kind_table(void **state)
{
	struct fx *f = *state;
	assert_ok(rd_demo_load(f->s, T_NOW, &m_));
	for (int k = 0; k < RD_KIND_COUNT; k++) {
		const struct rd_comm_kind_info *i = rd_comm_kind_get((enum rd_comm_kind)k);
		char *msg = NULL;
		enum rd_err rc = rd_draft_kind_allowed(f->s, i->name, 1, 1, T_NOW, &msg);
		bool says = msg && strstr(msg, "is not resolved yet");
		if ((i->draft_needs & RD_DRAFT_NEEDS_RESOLVED) ? (rc != RD_EINVAL || !says) : says)
			fail_msg("%s for failure #1 (unresolved): %s (%s)", i->name, rd_err_name(rc), msg ? msg : "allowed");
		free(msg);
		msg = NULL;
		rc = rd_draft_kind_allowed(f->s, i->name, 2, 3, T_NOW, &msg);
		says = msg && strstr(msg, "failure #2 is resolved");
		if ((i->draft_needs & RD_DRAFT_NEEDS_OPEN) ? (rc != RD_EINVAL || !says) : says)
			fail_msg("%s for failure #2 (resolved): %s (%s)", i->name, rd_err_name(rc), msg ? msg : "allowed");
		free(msg);
	}
	/* an apology needs nothing on record */
	assert_ok(rd_draft_kind_allowed(f->s, "apology", 3, 9, T_NOW, &m_));
}

/* The check context of a message: the obligation it meets is late once its
 * due time has passed (failure #3's apology to Fjord Travel is due at
 * 13:00), and what the client was told before comes along as prior facts. */
static void check_context_knows_lateness_and_what_was_told(void **state)
{
	struct fx *f = *state;
	assert_ok(rd_demo_load(f->s, T_NOW, &m_));
	struct rd_check_context c;
	assert_ok(rd_check_context_build(f->s, "apology", 3, 9, T_NOW, &c, &m_));
	assert_false(c.opts.late);
	assert_string_equal(c.opts.kind, "apology");
	assert_string_equal(c.client_name, "Fjord Travel");
	assert_non_null(c.opts.required_elements);
	rd_check_context_free(&c);
	assert_ok(rd_check_context_build(f->s, "apology", 3, 9, T_NOW + 2 * T_HOUR, &c, &m_));
	assert_true(c.opts.late);
	int64_t due;
	assert_ok(rd_time_parse("2026-11-22T13:00:00Z", &due, &m_));
	assert_int_equal(c.opts.due_at, due);
	rd_check_context_free(&c);
	/* Northwind (#1) was told an ETA before: it is a prior fact of its own */
	assert_ok(rd_check_context_build(f->s, "progress", 1, 1, T_NOW, &c, &m_));
	bool own_eta = false;
	for (size_t i = 0; i < c.n_prior; i++)
		own_eta = own_eta || (c.prior[i].same_client && c.prior[i].has_eta && c.prior[i].at <= T_NOW);
	assert_true(own_eta);
	rd_check_context_free(&c);
	/* no failure: the policy's elements only */
	assert_ok(rd_check_context_build(f->s, "other", 0, 0, T_NOW, &c, &m_));
	assert_false(c.opts.late);
	assert_int_equal(c.n_prior, 0);
	rd_check_context_free(&c);
}

/* Every statement a draft reads may fail: the draft is then refused with
 * the database's error (RD_EDB and a message), never written without what
 * could not be read. The view's reads used to fall back on "no row": a
 * failed impact read gave an apology that says "I do not yet know what it
 * cost your team", a failed plan read a plan with no actions, a failed
 * goodwill read no amount. The sweep fails each of the statements of a
 * clean draft in turn (rd_store_stats counts them: prepares and steps). */
static void failed_reads_refuse_the_draft(void **state)
{
	struct fx *f = *state;
	assert_ok(rd_demo_load(f->s, T_NOW, &m_));
	/* Northwind's plan on failure #1: impact, plan, ETA, goodwill, clock */
	static const struct { const char *kind; int64_t fid, cid; } cases[] = {
		{"plan", 1, 1}, {"delay", 1, 1}, {"resolution", 2, 3},
	};
	for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
		char *text = NULL;
		struct rd_check_result *r = NULL;
		int64_t p0, s0, p1, s1;
		rd_store_stats(f->s, &p0, &s0);
		assert_ok(rd_draft(f->s, cases[c].kind, cases[c].fid, cases[c].cid, T_NOW, 0, NULL, &text, &r, &m_));
		rd_store_stats(f->s, &p1, &s1);
		rd_check_result_free(r);
		free(text);
		int total = (int)((p1 - p0) + (s1 - s0));
		assert_true(total >= 10);
		for (int n = 1; n <= total; n++) {
			char *msg = NULL;
			text = NULL;
			r = NULL;
			rd_store_fail_after(f->s, n);
			enum rd_err rc = rd_draft(f->s, cases[c].kind, cases[c].fid, cases[c].cid, T_NOW, 0, NULL, &text,
						  &r, &msg);
			rd_store_fail_after(f->s, 0);
			if (rc != RD_EDB || !msg || !*msg || text || r)
				fail_msg("%s draft, statement %d of %d failing: %s (%s), want a database error and no "
					 "draft", cases[c].kind, n, total, rd_err_name(rc), msg ? msg : "no message");
			free(msg);
		}
	}
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, fx_setup, fx_teardown)
	const struct CMUnitTest tests[] = {
		T(every_demo_draft_has_no_finding),
		T(dishonest_kinds_are_refused),
		T(view_names_signs_and_localises),
		cmocka_unit_test(dates_and_amounts_per_language),
		T(draft_needs_follow_the_kind_table),
		T(check_context_knows_lateness_and_what_was_told),
		T(failed_reads_refuse_the_draft),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
