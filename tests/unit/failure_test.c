/* failure_test.c — lib/failure.c: opening a failure (named clients
 * affected, users of a hit service suspected, all or nothing), the status
 * machine, reopening and the second-failure rule raising client risk, the
 * disclosure decision (managers only), impacts, the RCA and ETA revisions
 * (refused without a reason). */
#include "unit.h"

static int64_t impact_count(struct fx *f, const char *where)
{
	char sql[256];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM impacts WHERE %s", where);
	return count_rows(f->s, sql);
}

static void setup_clients(struct fx *f)
{
	add_client(f, "{\"name\": \"Northwind\", \"tier\": \"key\", \"services\": [\"Payments API\", \"Data Sync\"]}");
	add_client(f, "{\"name\": \"Globex\", \"services\": [\"Payments API\"]}");
	add_client(f, "{\"name\": \"Initech\", \"services\": [\"Reporting\"]}");
}

static void open_names_affected_and_proposes_suspected(void **state)
{
	struct fx *f = *state;
	setup_clients(f);
	int64_t id = open_failure(f, "{\"title\": \"Payments down\", \"severity\": 1,"
				  " \"services\": [\"Payments API\"], \"clients\": [\"Northwind\"]}");
	assert_field(f, "failure", id, "status", "open");
	assert_field(f, "failure", id, "detected_at", "2026-11-22T12:00:00Z");
	char *pv = field_str(f, "failure", id, "policy_version");
	assert_non_null(pv); /* the policy in force is recorded */
	free(pv);
	assert_int_equal(impact_count(f, "client_id = 1 AND affected = 'yes'"), 1);
	assert_int_equal(impact_count(f, "client_id = 2 AND affected = 'suspected'"), 1);
	assert_int_equal(impact_count(f, "client_id = 3"), 0);
	json_t *r = NULL;
	assert_ok(rd_failure_show(f->s, id, &r, &m_));
	assert_int_equal(json_array_size(json_object_get(r, "impacts")), 2);
	assert_string_equal(json_string_value(json_array_get(json_object_get(r, "services"), 0)), "Payments API");
	assert_true(json_is_null(json_object_get(r, "rca")));
	for (const char *const *k = (const char *const[]){"communications", "plan_actions", "eta_revisions",
							   "commitments", "goodwill", NULL}; *k; k++)
		assert_true(json_is_array(json_object_get(r, *k)));
	json_decref(r);
	/* a failure with no services and no clients is allowed */
	int64_t id2 = open_failure(f, "{\"title\": \"Quiet\", \"severity\": 4, \"detected_at\": \"2026-11-20T08:00:00Z\"}");
	assert_field(f, "failure", id2, "detected_at", "2026-11-20T08:00:00Z");
}

static void bad_open_changes_nothing(void **state)
{
	struct fx *f = *state;
	setup_clients(f);
	int64_t audit0 = count_rows(f->s, "SELECT count(*) FROM audit_log");
	static const struct { const char *json; enum rd_err want; const char *needle; } bad[] = {
		{"{\"title\": \"T\", \"severity\": 2, \"clients\": [\"Northwind\", \"Nobody\"]}", RD_EINVAL, "unknown client 'Nobody'"},
		{"{\"title\": \"T\", \"severity\": 2, \"services\": [\"Payments API\", \"Warp Drive\"]}", RD_EINVAL, "unknown service 'Warp Drive'"},
		{"{\"title\": \"T\", \"severity\": 2, \"clients\": [\"Northwind\", \"northwind\"]}", RD_EINVAL, "named twice"},
		{"{\"title\": \"T\", \"severity\": 5, \"clients\": [\"Northwind\"]}", RD_EINVAL, "failure.severity"},
		{"{\"title\": \"T\", \"severity\": \"high\"}", RD_EINVAL, "failure.severity"},
		{"{\"severity\": 2}", RD_EINVAL, "failure.title is required"},
		{"{\"title\": \"T\", \"severity\": 2, \"clients\": \"Northwind\"}", RD_EINVAL, "failure.clients"},
		{"{\"title\": \"T\", \"severity\": 2, \"services\": [3]}", RD_EINVAL, "failure.services[0]"},
		{"{\"title\": \"T\", \"severity\": 2, \"clients\": [null]}", RD_EINVAL, "failure.clients[0]"},
		{"{\"title\": \"T\", \"severity\": 2, \"detected_at\": \"last tuesday\"}", RD_EINVAL, "failure.detected_at"},
		{"{\"title\": \"T\", \"severity\": 2, \"lead\": \"ghost@provider.example\"}", RD_EINVAL, "ghost@provider.example"},
		{"{\"title\": \"T\", \"severity\": 2, \"status\": \"closed\"}", RD_EINVAL, "failure.status"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		json_t *in = J(bad[i].json);
		char *m = NULL;
		int64_t id = -1;
		enum rd_err rc = rd_failure_open(f->s, &f->sys, in, &id, &m);
		json_decref(in);
		if (rc != bad[i].want || !m || !strstr(m, bad[i].needle))
			fail_msg("%s: %s (%s)", bad[i].json, rd_err_name(rc), m ? m : "no message");
		assert_int_equal(id, -1);
		free(m);
	}
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM failures"), 0);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM impacts"), 0);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM failure_services"), 0);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM audit_log"), audit0);
	struct rd_actor v = make_user(f, "victor@provider.example", "viewer");
	json_t *in = J("{\"title\": \"T\", \"severity\": 2}");
	assert_fails(rd_failure_open(f->s, &v, in, NULL, &m_), RD_EPERM, "viewer");
	json_decref(in);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM failures"), 0);
}

static void status_moves_forward_only(void **state)
{
	struct fx *f = *state;
	int64_t id = open_failure(f, "{\"title\": \"T\", \"severity\": 2, \"detected_at\": \"2026-11-22T10:00:00Z\"}");
	const int64_t at = T_NOW;
	assert_ok(rd_failure_set_status(f->s, &f->sys, id, "investigating", at, &m_));
	assert_fails(rd_failure_set_status(f->s, &f->sys, id, "investigating", at, &m_), RD_ESTATE, "already investigating");
	assert_fails(rd_failure_set_status(f->s, &f->sys, id, "open", at, &m_), RD_ESTATE, "cannot go back");
	assert_fails(rd_failure_set_status(f->s, &f->sys, id, "closed", at, &m_), RD_ESTATE, "resolve it before closing");
	assert_fails(rd_failure_set_status(f->s, &f->sys, id, "fixed", at, &m_), RD_EINVAL, "'fixed' is not a failure status");
	assert_fails(rd_failure_set_status(f->s, &f->sys, id, "reopen", at, &m_), RD_ESTATE, "nothing to reopen");
	/* resolving before detection is refused */
	assert_fails(rd_failure_set_status(f->s, &f->sys, id, "resolved", T_NOW - 3 * T_HOUR, &m_), RD_EINVAL,
		     "before detection");
	assert_field(f, "failure", id, "status", "investigating");
	assert_ok(rd_failure_set_status(f->s, &f->sys, id, "resolved", T_NOW + T_HOUR, &m_)); /* skips steps */
	assert_field(f, "failure", id, "resolved_at", "2026-11-22T13:00:00Z");
	assert_fails(rd_failure_set_status(f->s, &f->sys, id, "resolved", at, &m_), RD_ESTATE, "already resolved");
	assert_fails(rd_failure_set_status(f->s, &f->sys, id, "remediating", at, &m_), RD_ESTATE, "use reopen");
	/* closing before the resolution is refused */
	assert_fails(rd_failure_set_status(f->s, &f->sys, id, "closed", T_NOW, &m_), RD_EINVAL,
		     "before resolution");
	assert_field(f, "failure", id, "status", "resolved");
	assert_ok(rd_failure_set_status(f->s, &f->sys, id, "closed", T_NOW + T_DAY, &m_));
	assert_field(f, "failure", id, "closed_at", "2026-11-23T12:00:00Z");
	/* resolving a closed failure is refused */
	assert_fails(rd_failure_set_status(f->s, &f->sys, id, "resolved", at, &m_), RD_ESTATE, "closed");
	assert_fails(rd_failure_set_status(f->s, &f->sys, 999, "resolved", at, &m_), RD_ENOTFOUND, "999");
	struct rd_actor v = make_user(f, "victor@provider.example", "viewer");
	assert_fails(rd_failure_set_status(f->s, &v, id, "reopen", at, &m_), RD_EPERM, NULL);
	assert_field(f, "failure", id, "status", "closed");
}

static void reopen_raises_risk_of_its_clients(void **state)
{
	struct fx *f = *state;
	setup_clients(f);
	int64_t id = open_failure(f, "{\"title\": \"T\", \"severity\": 2, \"services\": [\"Payments API\"],"
				  " \"clients\": [\"Northwind\"]}");
	json_t *no = J("{\"affected\": \"no\"}");
	assert_ok(rd_impact_set(f->s, &f->sys, id, 2, no, NULL, &m_)); /* Globex: turned out unaffected */
	json_decref(no);
	assert_ok(rd_failure_set_status(f->s, &f->sys, id, "resolved", T_NOW + T_HOUR, &m_));
	assert_field(f, "client", 1, "risk", "normal");
	assert_ok(rd_failure_set_status(f->s, &f->sys, id, "reopen", T_NOW + T_DAY, &m_));
	assert_field(f, "failure", id, "status", "investigating");
	json_t *r;
	assert_ok(rd_record_get(f->s, "failure", id, &r, &m_));
	assert_int_equal(json_integer_value(json_object_get(r, "reopened")), 1);
	assert_true(json_is_null(json_object_get(r, "resolved_at")));
	json_decref(r);
	assert_field(f, "client", 1, "risk", "elevated");
	assert_field(f, "client", 2, "risk", "normal"); /* affected = no */
	assert_field(f, "client", 3, "risk", "normal"); /* never touched */
	/* twice: the count goes on */
	assert_ok(rd_failure_set_status(f->s, &f->sys, id, "resolved", T_NOW + 2 * T_DAY, &m_));
	assert_ok(rd_failure_set_status(f->s, &f->sys, id, "closed", T_NOW + 3 * T_DAY, &m_));
	assert_ok(rd_failure_set_status(f->s, &f->sys, id, "reopened", T_NOW + 4 * T_DAY, &m_));
	assert_ok(rd_record_get(f->s, "failure", id, &r, &m_));
	assert_int_equal(json_integer_value(json_object_get(r, "reopened")), 2);
	assert_true(json_is_null(json_object_get(r, "closed_at")));
	json_decref(r);
}

static void second_failure_within_90_days_raises_risk(void **state)
{
	struct fx *f = *state;
	setup_clients(f);
	open_failure(f, "{\"title\": \"First\", \"severity\": 3, \"detected_at\": \"2026-09-01T00:00:00Z\","
		     " \"clients\": [\"Northwind\", \"Globex\"]}");
	assert_field(f, "client", 1, "risk", "normal");
	/* 82 days later, Northwind again: elevated; Initech's first: normal */
	open_failure(f, "{\"title\": \"Second\", \"severity\": 3, \"detected_at\": \"2026-11-22T00:00:00Z\","
		     " \"clients\": [\"Northwind\", \"Initech\"]}");
	assert_field(f, "client", 1, "risk", "elevated");
	assert_field(f, "client", 3, "risk", "normal");
	/* Globex, 150 days after its first: outside the window */
	open_failure(f, "{\"title\": \"Third\", \"severity\": 3, \"detected_at\": \"2027-01-29T00:00:00Z\","
		     " \"clients\": [\"Globex\"]}");
	assert_field(f, "client", 2, "risk", "normal");
	/* a client added later through impact_set counts too (Initech: Second was 2026-11-22) */
	int64_t fourth = open_failure(f, "{\"title\": \"Fourth\", \"severity\": 3, \"detected_at\": \"2026-12-01T00:00:00Z\"}");
	assert_ok(rd_impact_set(f->s, &f->sys, fourth, 3, NULL, NULL, &m_));
	assert_field(f, "client", 3, "risk", "elevated");
}

static void suspected_proposals_count_as_a_second_failure(void **state)
{
	struct fx *f = *state;
	setup_clients(f);
	open_failure(f, "{\"title\": \"First\", \"severity\": 3, \"detected_at\": \"2026-11-01T00:00:00Z\","
		     " \"services\": [\"Reporting\"]}");
	assert_int_equal(impact_count(f, "client_id = 3 AND affected = 'suspected'"), 1);
	open_failure(f, "{\"title\": \"Second\", \"severity\": 3, \"clients\": [\"Initech\"]}");
	assert_field(f, "client", 3, "risk", "elevated");
}

static void disclosure_needs_a_manager(void **state)
{
	struct fx *f = *state;
	int64_t id = open_failure(f, "{\"title\": \"T\", \"severity\": 2}");
	struct rd_actor agent = make_user(f, "sam@provider.example", "agent");
	struct rd_actor maria = make_user(f, "maria@provider.example", "manager");
	assert_fails(rd_failure_disclose(f->s, &agent, id, "Cause and duration.", T_NOW, &m_), RD_EPERM,
		     "needs role manager");
	assert_fails(rd_failure_disclose(f->s, &maria, id, "", T_NOW, &m_), RD_EINVAL, "needs a text");
	assert_fails(rd_failure_disclose(f->s, &maria, id, "bad \xff", T_NOW, &m_), RD_EINVAL, "UTF-8");
	char *d = field_str(f, "failure", id, "disclosure");
	assert_null(d);
	assert_ok(rd_failure_disclose(f->s, &maria, id, "Cause and duration.", T_NOW, &m_));
	assert_field(f, "failure", id, "disclosure", "Cause and duration.");
	json_t *r;
	assert_ok(rd_record_get(f->s, "failure", id, &r, &m_));
	assert_int_equal(json_integer_value(json_object_get(r, "disclosure_by")), maria.user_id);
	json_decref(r);
}

static void impacts_are_created_then_updated(void **state)
{
	struct fx *f = *state;
	setup_clients(f);
	make_user(f, "sam@provider.example", "agent");
	int64_t fid = open_failure(f, "{\"title\": \"T\", \"severity\": 2, \"clients\": [\"Northwind\"]}");
	int64_t iid = 0, again = 0;
	json_t *in = J("{\"severity\": 1, \"financial\": \"18,500\", \"point_person\": \"sam@provider.example\","
		       " \"operational\": \"2,300 deliveries\"}");
	assert_ok(rd_impact_set(f->s, &f->sys, fid, 1, in, &iid, &m_));
	json_decref(in);
	in = J("{\"compliance\": \"none\"}");
	assert_ok(rd_impact_set(f->s, &f->sys, fid, 1, in, &again, &m_));
	json_decref(in);
	assert_int_equal(iid, again);
	assert_field(f, "impact", iid, "financial", "18500.00");
	assert_field(f, "impact", iid, "compliance", "none");
	assert_field(f, "impact", iid, "recovery_status", "awaiting-apology");
	in = J("{\"affected\": \"perhaps\"}");
	assert_fails(rd_impact_set(f->s, &f->sys, fid, 1, in, NULL, &m_), RD_EINVAL, "impact.affected");
	json_decref(in);
	in = J("{\"severity\": 9}");
	assert_fails(rd_impact_set(f->s, &f->sys, fid, 2, in, NULL, &m_), RD_EINVAL, "impact.severity");
	json_decref(in);
	assert_int_equal(impact_count(f, "client_id = 2"), 0);
	in = J("{\"failure_id\": 1}");
	assert_fails(rd_impact_set(f->s, &f->sys, fid, 1, in, NULL, &m_), RD_EINVAL, "cannot be changed");
	json_decref(in);
}

static void rca_whys_are_replaced(void **state)
{
	struct fx *f = *state;
	int64_t fid = open_failure(f, "{\"title\": \"T\", \"severity\": 2}");
	json_t *r;
	assert_fails(rd_rca_get(f->s, fid, &r, &m_), RD_ENOTFOUND, "no root-cause analysis");
	json_t *in = J("{\"category\": \"technology\", \"findings\": \"internal\", \"whys\": [\"a\", \"b\", \"c\"]}");
	assert_ok(rd_rca_set(f->s, &f->sys, fid, in, &m_));
	json_decref(in);
	in = J("{\"client_explanation\": \"plain words\", \"whys\": [\"only\"]}");
	assert_ok(rd_rca_set(f->s, &f->sys, fid, in, &m_));
	json_decref(in);
	assert_ok(rd_rca_get(f->s, fid, &r, &m_));
	assert_string_equal(json_string_value(json_object_get(r, "category")), "technology");
	assert_string_equal(json_string_value(json_object_get(r, "client_explanation")), "plain words");
	assert_int_equal(json_array_size(json_object_get(r, "whys")), 1);
	assert_string_equal(json_string_value(json_array_get(json_object_get(r, "whys"), 0)), "only");
	json_decref(r);
	in = J("{\"category\": \"gremlins\"}");
	assert_fails(rd_rca_set(f->s, &f->sys, fid, in, &m_), RD_EINVAL, "rca.category");
	json_decref(in);
	in = J("{\"whys\": [\"ok\", 5]}");
	assert_fails(rd_rca_set(f->s, &f->sys, fid, in, &m_), RD_EINVAL, NULL);
	json_decref(in);
	in = J("{\"whys\": \"one string\"}");
	assert_fails(rd_rca_set(f->s, &f->sys, fid, in, &m_), RD_EINVAL, "rca.whys");
	json_decref(in);
	/* the failed attempts left the chain as it was */
	assert_ok(rd_rca_get(f->s, fid, &r, &m_));
	assert_int_equal(json_array_size(json_object_get(r, "whys")), 1);
	json_decref(r);
	in = J("{\"category\": \"process\"}");
	assert_fails(rd_rca_set(f->s, &f->sys, 999, in, &m_), RD_ENOTFOUND, "999");
	json_decref(in);
}

static void eta_revision_needs_a_reason(void **state)
{
	struct fx *f = *state;
	setup_clients(f);
	int64_t fid = open_failure(f, "{\"title\": \"T\", \"severity\": 2, \"clients\": [\"Northwind\"]}");
	int64_t id = 0;
	assert_fails(rd_eta_set(f->s, &f->sys, fid, 0, T_NOW + T_DAY, NULL, false, T_NOW, &id, &m_), RD_EINVAL, "reason");
	assert_fails(rd_eta_set(f->s, &f->sys, fid, 0, T_NOW + T_DAY, " \t\n", false, T_NOW, &id, &m_), RD_EINVAL, "reason");
	assert_fails(rd_eta_set(f->s, &f->sys, fid, 3, T_NOW + T_DAY, "why", false, T_NOW, &id, &m_), RD_EINVAL, "not affected");
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM eta_revisions"), 0);
	assert_ok(rd_eta_set(f->s, &f->sys, fid, 0, T_NOW + T_DAY, "Vendor window moved", true, T_NOW, &id, &m_));
	assert_field(f, "eta_revision", id, "reason", "Vendor window moved");
	assert_ok(rd_eta_set(f->s, &f->sys, fid, 1, T_NOW + 2 * T_DAY, "Northwind-specific migration", false, T_NOW, &id, &m_));
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM eta_revisions"), 2);
	assert_ok(rd_failure_set_status(f->s, &f->sys, fid, "resolved", T_NOW + T_HOUR, &m_));
	assert_fails(rd_eta_set(f->s, &f->sys, fid, 0, T_NOW + T_DAY, "late", false, T_NOW, &id, &m_), RD_ESTATE, "resolved");
	assert_fails(rd_eta_set(f->s, &f->sys, 999, 0, T_NOW + T_DAY, "x", false, T_NOW, &id, &m_), RD_ENOTFOUND, NULL);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM eta_revisions"), 2);
}

/* Editing the services: the set is replaced; clients of a service added are
 * proposed as suspected (once), nobody is removed with a service; a bad
 * list changes nothing; the change is audited. */
static void services_are_edited_and_propose_their_clients(void **state)
{
	struct fx *f = *state;
	setup_clients(f);
	int64_t id = open_failure(f, "{\"title\": \"Sync slow\", \"severity\": 2, \"services\": [\"Data Sync\"]}");
	assert_int_equal(impact_count(f, "client_id = 1 AND affected = 'suspected'"), 1); /* Northwind */
	assert_int_equal(impact_count(f, "client_id = 2"), 0);
	json_t *in = json_pack("{s[ss]}", "services", "Payments API", "Data Sync");
	assert_ok(rd_failure_update(f->s, &f->sys, id, in, &m_));
	json_decref(in);
	assert_int_equal(impact_count(f, "client_id = 2 AND affected = 'suspected'"), 1); /* Globex, newly */
	assert_int_equal(impact_count(f, "client_id = 1"), 1);                            /* not twice */
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM audit_log WHERE entity = 'failure' AND action = 'services'"), 1);
	/* dropping a service keeps the clients; the same list again writes nothing */
	in = json_pack("{s[s]}", "services", "Payments API");
	assert_ok(rd_failure_update(f->s, &f->sys, id, in, &m_));
	assert_ok(rd_failure_update(f->s, &f->sys, id, in, &m_));
	json_decref(in);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM failure_services WHERE failure_id = 1"), 1);
	assert_int_equal(impact_count(f, "failure_id = 1"), 2);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM audit_log WHERE entity = 'failure' AND action = 'services'"), 2);
	/* an unknown service, or not a list: refused, nothing changed */
	in = json_pack("{ss s[ss]}", "title", "Renamed", "services", "Reporting", "Warp Drive");
	assert_fails(rd_failure_update(f->s, &f->sys, id, in, &m_), RD_EINVAL, "Warp Drive");
	json_decref(in);
	in = json_pack("{ss}", "services", "Reporting");
	assert_fails(rd_failure_update(f->s, &f->sys, id, in, &m_), RD_EINVAL, "list");
	json_decref(in);
	assert_field(f, "failure", id, "title", "Sync slow");
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM failure_services WHERE failure_id = 1"), 1);
	assert_int_equal(impact_count(f, "client_id = 3"), 0);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, fx_setup, fx_teardown)
	const struct CMUnitTest tests[] = {
		T(open_names_affected_and_proposes_suspected),
		T(bad_open_changes_nothing),
		T(status_moves_forward_only),
		T(reopen_raises_risk_of_its_clients),
		T(second_failure_within_90_days_raises_risk),
		T(suspected_proposals_count_as_a_second_failure),
		T(disclosure_needs_a_manager),
		T(impacts_are_created_then_updated),
		T(rca_whys_are_replaced),
		T(eta_revision_needs_a_reason),
		T(services_are_edited_and_propose_their_clients),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
