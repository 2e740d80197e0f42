/* client_test.c — lib/client.c: adding a client with its services (new
 * ones created, all linked, all or nothing), the currency rule, roles, the
 * client overview, and using one more service. */
#include "unit.h"

static json_t *show(struct fx *f, int64_t id)
{
	json_t *r = NULL;
	assert_ok(rd_client_show(f->s, id, &r, &m_));
	return r;
}

static void add_with_services_creates_and_links_them(void **state)
{
	struct fx *f = *state;
	make_user(f, "sam@provider.example", "agent");
	int64_t id = add_client(f, "{\"name\": \"Northwind\", \"tier\": \"key\", \"value\": \"480000\","
				" \"currency\": \"EUR\", \"tz\": \"Europe/Berlin\", \"owner\": \"sam@provider.example\","
				" \"services\": [\"Payments API\", \"Data Sync\", \"payments api\"]}");
	json_t *r = show(f, id);
	assert_string_equal(json_string_value(json_object_get(r, "tier")), "key");
	assert_string_equal(json_string_value(json_object_get(r, "value")), "480000.00");
	json_t *svc = json_object_get(r, "services");
	assert_int_equal(json_array_size(svc), 2); /* names ignore case: one service */
	assert_string_equal(json_string_value(json_array_get(svc, 0)), "Data Sync");
	assert_string_equal(json_string_value(json_array_get(svc, 1)), "Payments API");
	for (const char *const *k = (const char *const[]){"contacts", "impacts", "commitments", "goodwill", NULL}; *k; k++)
		assert_true(json_is_array(json_object_get(r, *k)));
	json_decref(r);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM services"), 2);
	/* a second client reuses the existing service */
	add_client(f, "{\"name\": \"Globex\", \"services\": [\"Payments API\"]}");
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM services"), 2);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM client_services"), 3);
}

static void bad_input_changes_nothing(void **state)
{
	struct fx *f = *state;
	add_client(f, "{\"name\": \"Existing\"}");
	int64_t audit0 = count_rows(f->s, "SELECT count(*) FROM audit_log");
	static const struct { const char *json; const char *needle; } bad[] = {
		{"{\"name\": \"A\", \"currency\": \"eur\"}", "client.currency"},
		{"{\"name\": \"A\", \"currency\": \"EURO\"}", "client.currency"},
		{"{\"name\": \"A\", \"currency\": 978}", "client.currency"},
		{"{\"name\": \"A\", \"services\": \"Payments\"}", "client.services"},
		{"{\"name\": \"A\", \"services\": [\"New One\", \"\"]}", "client.services[1]"},
		{"{\"name\": \"A\", \"services\": [\"New One\", 7]}", "client.services[1]"},
		{"{\"name\": \"existing\", \"services\": [\"New One\"]}", "already exists"},
		{"{\"name\": \"A\", \"tz\": \"Nowhere/Land\", \"services\": [\"New One\"]}", "client.tz"},
		{"\"just a string\"", "JSON object"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		json_t *in = J(bad[i].json);
		char *m = NULL;
		enum rd_err rc = rd_client_add(f->s, &f->sys, in, NULL, &m);
		json_decref(in);
		if (rc == RD_OK || !m || !strstr(m, bad[i].needle))
			fail_msg("%s: %s (%s)", bad[i].json, rd_err_name(rc), m ? m : "no message");
		free(m);
	}
	/* nothing half-done: no client, no service "New One", no audit row */
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM clients"), 1);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM services"), 0);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM client_services"), 0);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM audit_log"), audit0);
}

static void viewers_may_not_change_clients(void **state)
{
	struct fx *f = *state;
	struct rd_actor v = make_user(f, "victor@provider.example", "viewer");
	struct rd_actor ag = make_user(f, "sam@provider.example", "agent");
	json_t *in = J("{\"name\": \"X\"}");
	assert_fails(rd_client_add(f->s, &v, in, NULL, &m_), RD_EPERM, "viewer");
	int64_t id;
	assert_ok(rd_client_add(f->s, &ag, in, &id, &m_));
	json_decref(in);
	in = J("{\"tier\": \"key\"}");
	assert_fails(rd_client_update(f->s, &v, id, in, &m_), RD_EPERM, "viewer");
	assert_ok(rd_client_update(f->s, &ag, id, in, &m_));
	json_decref(in);
	assert_field(f, "client", id, "tier", "key");
	/* the audit row names the agent */
	char *actor = text_of(f->s, "SELECT actor FROM audit_log WHERE entity = 'client' AND entity_id = ?1 "
			      "AND action = 'update'", id);
	assert_string_equal(actor, "sam@provider.example");
	free(actor);
}

static void update_checks_currency_and_fields(void **state)
{
	struct fx *f = *state;
	int64_t id = add_client(f, "{\"name\": \"X\", \"currency\": \"USD\"}");
	json_t *in = J("{\"currency\": \"us dollars\"}");
	assert_fails(rd_client_update(f->s, &f->sys, id, in, &m_), RD_EINVAL, "client.currency");
	json_decref(in);
	in = J("{\"sla_credit_pct\": 150}");
	assert_fails(rd_client_update(f->s, &f->sys, id, in, &m_), RD_EINVAL, "client.sla_credit_pct");
	json_decref(in);
	assert_field(f, "client", id, "currency", "USD");
}

static void use_service_links_once(void **state)
{
	struct fx *f = *state;
	int64_t id = add_client(f, "{\"name\": \"X\"}");
	assert_ok(rd_client_use_service(f->s, &f->sys, id, "Reporting", &m_));
	assert_ok(rd_client_use_service(f->s, &f->sys, id, "reporting", &m_));
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM client_services"), 1);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM services"), 1);
	/* the second link changed nothing, so it wrote no audit row */
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM audit_log WHERE entity = 'client_service'"), 1);
	json_t *r = show(f, id);
	assert_int_equal(json_array_size(json_object_get(r, "services")), 1);
	json_decref(r);
	assert_fails(rd_client_use_service(f->s, &f->sys, id, "", &m_), RD_EINVAL, NULL);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM services"), 1);
	assert_fails(rd_client_use_service(f->s, &f->sys, 999, "Reporting", &m_), RD_EDB, NULL);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM client_services"), 1);
	assert_fails(rd_client_show(f->s, 999, &r, &m_), RD_ENOTFOUND, "999");
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, fx_setup, fx_teardown)
	const struct CMUnitTest tests[] = {
		T(add_with_services_creates_and_links_them),
		T(bad_input_changes_nothing),
		T(viewers_may_not_change_clients),
		T(update_checks_currency_and_fields),
		T(use_service_links_once),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
