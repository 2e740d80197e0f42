/* portal_test.c — lib/portal.c: a contact sees its own client's failures
 * and nothing else. A contact of client A asking for a failure, survey or
 * report of client B gets RD_ENOTFOUND and no data; a contact presented as
 * another client's is RD_EPERM; on a failure both clients share, A's view
 * holds none of B's messages, actions or ETAs and no internal note. And
 * what a contact sees of an update is what the client was told. */
#include "unit.h"
#include "redress/portal.h"

static int64_t ca, cb, contact_a, contact_b, f_a, f_b, f_ab;

static int64_t create(struct fx *f, const char *entity, const char *json)
{
	json_t *in = J(json);
	int64_t id = 0;
	char *m = NULL;
	if (rd_record_create(f->s, &f->sys, entity, in, NULL, &id, &m))
		fail_msg("create %s %s: %s", entity, json, m ? m : "?");
	json_decref(in);
	return id;
}

static void say(struct fx *f, int64_t fid, int64_t cid, const char *extra_json)
{
	char buf[512];
	snprintf(buf, sizeof buf, "{\"failure\": %lld, \"client\": %lld, \"at\": %lld, %s}", (long long)fid,
		 (long long)cid, (long long)(T_NOW - 5 * T_HOUR), extra_json);
	json_t *in = J(buf);
	assert_ok(rd_comm_log(f->s, &f->sys, in, NULL, &m_));
	json_decref(in);
}

static void world(struct fx *f)
{
	char buf[256];
	ca = add_client(f, "{\"name\": \"Acme\"}");
	cb = add_client(f, "{\"name\": \"Bravo\"}");
	snprintf(buf, sizeof buf, "{\"client_id\": %lld, \"name\": \"Ann\", \"email\": \"ann@acme.example\"}",
		 (long long)ca);
	contact_a = create(f, "contact", buf);
	snprintf(buf, sizeof buf, "{\"client_id\": %lld, \"name\": \"Ben\", \"email\": \"ben@bravo.example\"}",
		 (long long)cb);
	contact_b = create(f, "contact", buf);
	f_a = open_failure(f, "{\"title\": \"Only Acme\", \"severity\": 2, \"detected_at\": \"2026-11-20T09:00:00Z\", "
			      "\"clients\": [\"Acme\"]}");
	f_b = open_failure(f, "{\"title\": \"Only Bravo\", \"severity\": 2, \"detected_at\": \"2026-11-20T10:00:00Z\", "
			      "\"clients\": [\"Bravo\"]}");
	f_ab = open_failure(f, "{\"title\": \"Both\", \"severity\": 1, \"detected_at\": \"2026-11-21T09:00:00Z\", "
			       "\"clients\": [\"Acme\", \"Bravo\"]}");
	say(f, f_ab, ca, "\"kind\": \"apology\", \"channel\": \"email\", \"body\": \"Sorry, Acme.\"");
	say(f, f_ab, ca, "\"kind\": \"other\", \"channel\": \"call\", \"visibility\": \"internal\", "
			 "\"summary\": \"INTERNAL: Acme is angry\"");
	say(f, f_ab, cb, "\"kind\": \"apology\", \"channel\": \"email\", \"body\": \"Sorry, Bravo.\"");
	snprintf(buf, sizeof buf, "{\"failure_id\": %lld, \"client_id\": %lld, \"kind\": \"repair\", "
		 "\"description\": \"Refund Bravo\"}", (long long)f_ab, (long long)cb);
	create(f, "plan_action", buf);
	assert_ok(rd_eta_set(f->s, &f->sys, f_ab, cb, T_NOW + 9 * T_DAY, "Bravo's own date", true, T_NOW - T_HOUR,
			     NULL, &m_));
	/* Bravo's failure: a survey and a published review */
	assert_ok(rd_failure_set_status(f->s, &f->sys, f_b, "resolved", T_NOW - 2 * T_HOUR, &m_));
	snprintf(buf, sizeof buf, "{\"failure\": %lld, \"client\": %lld, \"sent_at\": %lld}", (long long)f_b,
		 (long long)cb, (long long)(T_NOW - T_HOUR));
	json_t *in = J(buf);
	assert_ok(rd_survey_send(f->s, &f->sys, in, NULL, &m_));
	json_decref(in);
	snprintf(buf, sizeof buf, "{\"failure_id\": %lld, \"client_text\": \"BRAVO REVIEW\", "
		 "\"internal_text\": \"INTERNAL REVIEW\"}", (long long)f_b);
	create(f, "review", buf);
}

static void other_clients_failure_is_not_found(void **state)
{
	struct fx *f = *state;
	world(f);
	struct rd_portal_id ann = {contact_a, ca};
	json_t *out = NULL;
	int64_t sid = -7, answered = -7;
	bool yes = true;
	assert_int_equal(rd_portal_failure(f->s, &ann, f_b, &out), RD_ENOTFOUND);
	assert_null(out);
	assert_int_equal(rd_portal_survey(f->s, &ann, f_b, &sid, &answered), RD_ENOTFOUND);
	assert_int_equal(sid, -7);
	assert_int_equal(rd_portal_report(f->s, &ann, f_b, T_NOW, &out, NULL), RD_ENOTFOUND);
	assert_null(out);
	assert_int_equal(rd_portal_visible(f->s, &ann, f_b, &yes), RD_OK);
	assert_false(yes);
	/* and Bravo's own contact does get them: the refusals above are isolation */
	struct rd_portal_id ben = {contact_b, cb};
	assert_int_equal(rd_portal_survey(f->s, &ben, f_b, &sid, &answered), RD_OK);
	assert_int_equal(answered, 0);
	assert_int_equal(rd_portal_report(f->s, &ben, f_b, T_NOW, &out, NULL), RD_OK);
	json_decref(out);
	out = NULL;
	assert_int_equal(rd_portal_failure(f->s, &ben, f_b, &out), RD_OK);
	assert_non_null(out);
	json_decref(out);
}

static void a_contact_presented_as_another_clients_is_refused(void **state)
{
	struct fx *f = *state;
	world(f);
	struct rd_portal_id forged = {contact_b, ca}, nobody = {0, 0};
	json_t *out = NULL;
	bool yes = true;
	assert_int_equal(rd_portal_failure(f->s, &forged, f_ab, &out), RD_EPERM);
	assert_int_equal(rd_portal_home(f->s, &forged, &out), RD_EPERM);
	assert_int_equal(rd_portal_visible(f->s, &forged, f_ab, &yes), RD_EPERM);
	assert_false(yes);
	assert_int_equal(rd_portal_home(f->s, &nobody, &out), RD_EPERM);
	assert_null(out);
}

static void shared_failure_shows_only_our_side(void **state)
{
	struct fx *f = *state;
	world(f);
	struct rd_portal_id ann = {contact_a, ca};
	json_t *out = NULL;
	assert_int_equal(rd_portal_failure(f->s, &ann, f_ab, &out), RD_OK);
	char *all = json_dumps(out, JSON_COMPACT);
	assert_non_null(strstr(all, "Sorry, Acme."));
	assert_null(strstr(all, "Bravo"));          /* B's message, action, ETA reason */
	assert_null(strstr(all, "INTERNAL"));       /* the internal call note */
	assert_int_equal(json_array_size(json_object_get(out, "updates")), 1);
	assert_int_equal(json_array_size(json_object_get(out, "actions")), 0);
	assert_int_equal(json_array_size(json_object_get(out, "etas")), 0);
	assert_string_equal(json_string_value(json_object_get(json_object_get(out, "client"), "name")), "Acme");
	free(all);
	json_decref(out);
}

static void home_lists_only_our_failures(void **state)
{
	struct fx *f = *state;
	world(f);
	struct rd_portal_id ann = {contact_a, ca};
	json_t *out = NULL;
	assert_int_equal(rd_portal_home(f->s, &ann, &out), RD_OK);
	json_t *fs = json_object_get(out, "failures");
	assert_int_equal(json_array_size(fs), 2);
	size_t i;
	json_t *x;
	json_array_foreach(fs, i, x)
		assert_int_not_equal(json_integer_value(json_object_get(x, "id")), f_b);
	assert_string_equal(json_string_value(json_object_get(json_object_get(out, "contact"), "name")), "Ann");
	json_decref(out);
}

/* issue 11 §4: an update is what the client received, never our note about
 * it; a call is named by who was on it; only ETA revisions they were told;
 * the client-facing review once published, never the internal one. */
static void the_portal_shows_what_the_client_was_told(void **state)
{
	struct fx *f = *state;
	world(f);
	char buf[256];
	say(f, f_a, ca, "\"kind\": \"apology\", \"channel\": \"call\", \"contact\": \"ann@acme.example\", "
			"\"summary\": \"Call note: Sam called Ann, she was upset\", "
			"\"body\": \"We apologised by phone and promised a fix.\"");
	say(f, f_a, ca, "\"kind\": \"progress\", \"channel\": \"email\", \"summary\": \"STAFF: emailed Ann\"");
	assert_ok(rd_eta_set(f->s, &f->sys, f_a, 0, T_NOW + 3 * T_DAY, "TOLD-REASON", true, T_NOW - 3 * T_HOUR,
			     NULL, &m_));
	assert_ok(rd_eta_set(f->s, &f->sys, f_a, 0, T_NOW + 5 * T_DAY, "UNTOLD-REASON", false, T_NOW - 2 * T_HOUR,
			     NULL, &m_));
	struct rd_portal_id ann = {contact_a, ca};
	json_t *out = NULL;
	assert_int_equal(rd_portal_failure(f->s, &ann, f_a, &out), RD_OK);
	char *all = json_dumps(out, JSON_COMPACT);
	assert_null(strstr(all, "Call note"));
	assert_null(strstr(all, "STAFF:"));
	assert_null(strstr(all, "UNTOLD-REASON"));
	json_t *ups = json_object_get(out, "updates");
	assert_int_equal(json_array_size(ups), 2);
	json_t *call = json_array_get(ups, 0), *mail = json_array_get(ups, 1);
	assert_string_equal(json_string_value(json_object_get(call, "title")), "Call with Ann");
	assert_string_equal(json_string_value(json_object_get(call, "text")), "We apologised by phone and promised a fix.");
	assert_string_equal(json_string_value(json_object_get(mail, "title")), "Progress update");
	assert_true(json_is_null(json_object_get(mail, "text")));
	json_t *etas = json_object_get(out, "etas");
	assert_int_equal(json_array_size(etas), 1);
	assert_string_equal(json_string_value(json_object_get(json_array_get(etas, 0), "reason")), "TOLD-REASON");
	assert_true(json_is_null(json_object_get(out, "review")));
	free(all);
	json_decref(out);
	out = NULL;
	snprintf(buf, sizeof buf, "{\"failure_id\": %lld, \"client_text\": \"ACME REVIEW\", "
		 "\"internal_text\": \"INTERNAL REVIEW\"}", (long long)f_a);
	create(f, "review", buf);
	assert_int_equal(rd_portal_failure(f->s, &ann, f_a, &out), RD_OK);
	assert_string_equal(json_string_value(json_object_get(out, "review")), "ACME REVIEW");
	all = json_dumps(out, JSON_COMPACT);
	assert_null(strstr(all, "INTERNAL REVIEW"));
	free(all);
	json_decref(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(other_clients_failure_is_not_found, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(a_contact_presented_as_another_clients_is_refused, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(shared_failure_shows_only_our_side, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(home_lists_only_our_failures, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(the_portal_shows_what_the_client_was_told, fx_setup, fx_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
