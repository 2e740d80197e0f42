/* integrity_test.c — lib/integrity.c and error discipline: records that join
 * a failure, a client and a contact must be about one client (refused with
 * RD_EINVAL and nothing written), and a database error in a domain
 * operation is reported as RD_EDB — never as bad input, never swallowed
 * (swept with the store's fault injection). */
#include "unit.h"

#include "redress/agenda.h"
#include "redress/auth.h"
#include "redress/compose.h"

static int64_t fid, north, globex, other_fid, north_contact, globex_contact;

/* Northwind is affected by failure fid; Globex is a client of the same
 * desk whom fid does not affect (it is affected by other_fid). */
static void world(struct fx *f)
{
	north = add_client(f, "{\"name\": \"Northwind\"}");
	globex = add_client(f, "{\"name\": \"Globex\"}");
	fid = open_failure(f, "{\"title\": \"T\", \"severity\": 2, \"clients\": [\"Northwind\"]}");
	other_fid = open_failure(f, "{\"title\": \"U\", \"severity\": 3, \"clients\": [\"Globex\"]}");
	json_t *c = J("{\"client\": \"Northwind\", \"name\": \"Lena\", \"email\": \"lena@north.example\"}");
	assert_ok(rd_record_create(f->s, &f->sys, "contact", c, NULL, &north_contact, &m_));
	json_decref(c);
	c = J("{\"client\": \"Globex\", \"name\": \"Marc\", \"email\": \"marc@globex.example\"}");
	assert_ok(rd_record_create(f->s, &f->sys, "contact", c, NULL, &globex_contact, &m_));
	json_decref(c);
}

static enum rd_err create(struct fx *f, const char *entity, json_t *in, char **m)
{
	int64_t id;
	enum rd_err rc = rd_record_create(f->s, &f->sys, entity, in, NULL, &id, m);
	json_decref(in);
	return rc;
}

static void refuses_records_for_an_unaffected_client(void **state)
{
	struct fx *f = *state;
	world(f);
	int64_t audit = count_rows(f->s, "SELECT count(*) FROM audit_log");
	assert_fails(create(f, "commitment", json_pack("{sI sI ss}", "client_id", (json_int_t)globex, "failure_id",
						      (json_int_t)fid, "text", "Daily update"), &m_),
		     RD_EINVAL, "not affected by failure");
	assert_fails(create(f, "goodwill", json_pack("{sI sI ss}", "client_id", (json_int_t)globex, "failure_id",
						    (json_int_t)fid, "kind", "credit"), &m_),
		     RD_EINVAL, "not affected by failure");
	assert_fails(create(f, "plan_action", json_pack("{sI sI ss ss}", "client_id", (json_int_t)globex,
						       "failure_id", (json_int_t)fid, "kind", "repair",
						       "description", "Refund"), &m_),
		     RD_EINVAL, "not affected by failure");
	assert_fails(create(f, "survey", json_pack("{sI sI ss}", "client_id", (json_int_t)globex, "failure_id",
						  (json_int_t)fid, "sent_at", "2026-11-22T12:00:00Z"), &m_),
		     RD_EINVAL, "not affected by failure");
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM audit_log"), audit);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM commitments") +
			 count_rows(f->s, "SELECT count(*) FROM goodwill") +
			 count_rows(f->s, "SELECT count(*) FROM plan_actions") +
			 count_rows(f->s, "SELECT count(*) FROM surveys"), 0);
	/* an impact marked "not affected" does not count */
	json_t *no = J("{\"affected\": \"no\"}");
	assert_ok(rd_impact_set(f->s, &f->sys, fid, globex, no, NULL, &m_));
	json_decref(no);
	assert_fails(create(f, "commitment", json_pack("{sI sI ss}", "client_id", (json_int_t)globex, "failure_id",
						      (json_int_t)fid, "text", "x"), &m_), RD_EINVAL, "not affected");
	/* the same records for the affected client, and a plan action or a
	 * commitment for no client or no failure, are fine */
	assert_ok(create(f, "commitment", json_pack("{sI sI ss}", "client_id", (json_int_t)north, "failure_id",
						   (json_int_t)fid, "text", "Daily update"), &m_));
	assert_ok(create(f, "commitment", json_pack("{sI ss}", "client_id", (json_int_t)globex, "text", "Call"), &m_));
	assert_ok(create(f, "plan_action", json_pack("{sI ss ss}", "failure_id", (json_int_t)fid, "kind", "preventive",
						    "description", "Add a canary"), &m_));
	assert_ok(create(f, "goodwill", json_pack("{sI sI ss}", "client_id", (json_int_t)north, "failure_id",
						 (json_int_t)fid, "kind", "credit"), &m_));
}

static void refuses_another_clients_contact_or_message(void **state)
{
	struct fx *f = *state;
	world(f);
	int64_t sid, cm;
	json_t *in = json_pack("{sI sI ss}", "client_id", (json_int_t)north, "failure_id", (json_int_t)fid,
			       "sent_at", "2026-11-22T12:00:00Z");
	assert_ok(rd_record_create(f->s, &f->sys, "survey", in, NULL, &sid, &m_));
	json_decref(in);
	assert_fails(create(f, "survey_answer", json_pack("{sI sI ss ss}", "survey_id", (json_int_t)sid, "contact_id",
							 (json_int_t)globex_contact, "question", "Q?", "at",
							 "2026-11-22T12:00:00Z"), &m_),
		     RD_EINVAL, "belongs to another client");
	assert_ok(create(f, "survey_answer", json_pack("{sI sI ss ss}", "survey_id", (json_int_t)sid, "contact_id",
						      (json_int_t)north_contact, "question", "Q?", "at",
						      "2026-11-22T12:00:00Z"), &m_));
	/* a commitment made in another client's message */
	in = json_pack("{sI ss ss ss}", "failure", (json_int_t)other_fid, "client", "Globex", "kind", "apology",
		       "channel", "email");
	assert_ok(rd_comm_log(f->s, &f->sys, in, &cm, &m_));
	json_decref(in);
	assert_fails(create(f, "commitment", json_pack("{sI sI ss sI}", "client_id", (json_int_t)north, "failure_id",
						      (json_int_t)fid, "text", "x", "communication_id", (json_int_t)cm),
			    &m_), RD_EINVAL, "communication #");
	/* an update cannot move a contact across either */
	int64_t ans = count_rows(f->s, "SELECT max(id) FROM survey_answers");
	json_t *up = json_pack("{sI}", "contact_id", (json_int_t)globex_contact);
	assert_fails(rd_record_update(f->s, &f->sys, "survey_answer", ans, up, NULL, &m_), RD_EINVAL, "another client");
	json_decref(up);
	char *still = text_of(f->s, "SELECT contact_id FROM survey_answers WHERE id = ?1", ans);
	assert_int_equal(strtoll(still, NULL, 10), north_contact);
	free(still);
}

/* Runs OP with the Nth statement failing, for N = 1, 2, … until OP gets
 * through untouched. Every injected failure must come back as RD_EDB with
 * a message, and must never be swallowed (an RD_OK after the fault fired). */
static void sweep(struct fx *f, const char *what, enum rd_err (*op)(struct fx *f, char **m))
{
	for (int n = 1; n < 400; n++) {
		char *m = NULL;
		rd_store_fail_after(f->s, n);
		enum rd_err rc = op(f, &m);
		bool fired = strcmp(rd_store_errmsg(f->s), "injected fault") == 0;
		rd_store_fail_after(f->s, 0);
		if (rc == RD_OK && !fired) {
			free(m);
			return;
		}
		if (rc == RD_OK)
			fail_msg("%s: statement %d failed but the operation reported success", what, n);
		if (rc != RD_EDB)
			fail_msg("%s: statement %d failed and was reported as %s: %s", what, n, rd_err_name(rc),
				 m ? m : "(no message)");
		if (!m)
			fail_msg("%s: statement %d failed with no message", what, n);
		free(m);
	}
	fail_msg("%s: never got through", what);
}

static enum rd_err op_comm_with_contact(struct fx *f, char **m)
{
	json_t *in = json_pack("{sI sI ss ss sI ss}", "failure", (json_int_t)fid, "client", (json_int_t)north,
			       "kind", "apology", "channel", "email", "contact", (json_int_t)north_contact,
			       "summary", "sorry");
	enum rd_err rc = rd_comm_log(f->s, &f->sys, in, NULL, m);
	json_decref(in);
	return rc;
}

static enum rd_err op_commitment(struct fx *f, char **m)
{
	return create(f, "commitment", json_pack("{sI sI ss}", "client_id", (json_int_t)north, "failure_id",
						(json_int_t)fid, "text", "Daily update"), m);
}

static enum rd_err op_portal_invite(struct fx *f, char **m)
{
	char *tok = NULL;
	enum rd_err rc = rd_portal_invite(f->s, &f->sys, "lena@north.example", RD_PORTAL_LINK_DAYS, T_NOW, &tok,
					  NULL, m);
	free(tok);
	return rc;
}

static enum rd_err op_near_miss(struct fx *f, char **m)
{
	json_t *in = J("{\"title\": \"almost\", \"at\": \"2026-11-22T12:00:00Z\"}");
	enum rd_err rc = rd_near_miss_report(f->s, &f->sys, in, NULL, NULL, m);
	json_decref(in);
	return rc;
}

static enum rd_err op_failure_open(struct fx *f, char **m)
{
	json_t *in = J("{\"title\": \"V\", \"severity\": 1, \"clients\": [\"Northwind\", \"Globex\"]}");
	enum rd_err rc = rd_failure_open(f->s, &f->sys, in, NULL, m);
	json_decref(in);
	return rc;
}

static enum rd_err op_eta(struct fx *f, char **m)
{
	return rd_eta_set(f->s, &f->sys, fid, 0, T_NOW + T_DAY, "vendor patch", true, T_NOW, NULL, m);
}

static enum rd_err op_resolve(struct fx *f, char **m)
{
	return rd_failure_set_status(f->s, &f->sys, other_fid, "resolved", T_NOW, m);
}

static enum rd_err op_impact(struct fx *f, char **m)
{
	json_t *in = J("{\"severity\": 2, \"financial\": \"1200\"}");
	enum rd_err rc = rd_impact_set(f->s, &f->sys, fid, globex, in, NULL, m);
	json_decref(in);
	return rc;
}

static enum rd_err op_agenda(struct fx *f, char **m)
{
	json_t *out = NULL;
	enum rd_err rc = rd_agenda(f->s, T_NOW, T_NOW, 0, 0, &out, m);
	json_decref(out);
	return rc;
}

static enum rd_err op_check_context(struct fx *f, char **m)
{
	struct rd_check_context c;
	enum rd_err rc = rd_check_context_build(f->s, "progress", fid, north, T_NOW, &c, m);
	rd_check_context_free(&c);
	return rc;
}

static enum rd_err op_client_add(struct fx *f, char **m)
{
	json_t *in = J("{\"name\": \"Initech\", \"tier\": \"key\", \"services\": [\"Payments API\"]}");
	enum rd_err rc = rd_client_add(f->s, &f->sys, in, NULL, m);
	json_decref(in);
	return rc;
}

static int64_t settle_id, goodwill_id;

static enum rd_err op_settle(struct fx *f, char **m)
{
	return rd_commitment_settle(f->s, &f->sys, settle_id, "kept", "done", 0, T_NOW, m);
}

static enum rd_err op_goodwill_decide(struct fx *f, char **m)
{
	return rd_goodwill_decide(f->s, &f->sys, goodwill_id, "approved", "fair", T_NOW, m);
}

static enum rd_err op_portal_enter(struct fx *f, char **m)
{
	char *tok = NULL, *sess = NULL;
	enum rd_err rc = rd_portal_invite(f->s, &f->sys, "lena@north.example", 5, T_NOW, &tok, NULL, m);
	if (rc == RD_OK)
		rc = rd_portal_enter(f->s, tok, T_NOW, &sess, m);
	free(tok);
	free(sess);
	return rc;
}

static enum rd_err op_token(struct fx *f, char **m)
{
	char *tok = NULL;
	enum rd_err rc = rd_api_token_create(f->s, &f->sys, "ann@north.example", "t", &tok, NULL, m);
	free(tok);
	return rc;
}

static void database_errors_are_database_errors(void **state)
{
	struct fx *f = *state;
	world(f);
	sweep(f, "rd_comm_log with a contact", op_comm_with_contact);
	sweep(f, "commitment create", op_commitment);
	sweep(f, "rd_portal_invite", op_portal_invite);
	sweep(f, "rd_near_miss_report", op_near_miss);
	sweep(f, "rd_failure_open", op_failure_open);
	sweep(f, "rd_eta_set", op_eta);
	sweep(f, "rd_impact_set", op_impact);
	sweep(f, "rd_failure_set_status resolved", op_resolve);
	sweep(f, "rd_agenda", op_agenda);
	sweep(f, "rd_check_context_build", op_check_context);
	sweep(f, "rd_client_add", op_client_add);
	json_t *in = json_pack("{sI sI ss}", "client_id", (json_int_t)north, "failure_id", (json_int_t)fid, "text", "x");
	json_t *extra = J("{\"status\": \"open\"}");
	assert_ok(rd_record_create(f->s, &f->sys, "commitment", in, extra, &settle_id, &m_));
	json_decref(in);
	json_decref(extra);
	sweep(f, "rd_commitment_settle", op_settle);
	in = json_pack("{sI sI ss}", "client_id", (json_int_t)north, "failure_id", (json_int_t)fid, "kind", "credit");
	extra = J("{\"status\": \"proposed\"}");
	assert_ok(rd_record_create(f->s, &f->sys, "goodwill", in, extra, &goodwill_id, &m_));
	json_decref(in);
	json_decref(extra);
	sweep(f, "rd_goodwill_decide", op_goodwill_decide);
	sweep(f, "rd_portal_enter", op_portal_enter);
	make_user(f, "ann@north.example", "agent");
	sweep(f, "rd_api_token_create", op_token);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, fx_setup, fx_teardown)
	const struct CMUnitTest tests[] = {
		T(refuses_records_for_an_unaffected_client),
		T(refuses_another_clients_contact_or_message),
		T(database_errors_are_database_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
