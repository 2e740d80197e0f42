/* comm_test.c — lib/comm.c: logging a communication needs an affected
 * client, moves the impact's recovery status forward (never back, never on
 * inbound), defaults its time and author, and refuses a chase that is not
 * inbound, a contact of another client, and bad fields — writing nothing. */
#include "unit.h"

static int64_t fid;

static void world(struct fx *f)
{
	add_client(f, "{\"name\": \"Northwind\", \"tier\": \"key\"}");
	add_client(f, "{\"name\": \"Globex\"}");
	fid = open_failure(f, "{\"title\": \"T\", \"severity\": 1, \"clients\": [\"Northwind\"],"
			   " \"detected_at\": \"2026-11-22T10:00:00Z\"}");
	json_t *c = J("{\"client\": \"Globex\", \"name\": \"Marcus\", \"email\": \"m@globex.example\"}");
	assert_ok(rd_record_create(f->s, &f->sys, "contact", c, NULL, NULL, &m_));
	json_decref(c);
}

static int64_t log_json(struct fx *f, const struct rd_actor *a, const char *fmt)
{
	char buf[1024];
	snprintf(buf, sizeof buf, fmt, (long long)fid);
	json_t *in = J(buf);
	int64_t id = 0;
	assert_ok(rd_comm_log(f->s, a, in, &id, &m_));
	json_decref(in);
	return id;
}

static char *recovery(struct fx *f, int64_t client)
{
	char sql[128];
	snprintf(sql, sizeof sql, "SELECT recovery_status FROM impacts WHERE failure_id = %lld AND client_id = ?1",
		 (long long)fid);
	return text_of(f->s, sql, client);
}

static void assert_recovery(struct fx *f, int64_t client, const char *want)
{
	char *r = recovery(f, client);
	if (!r || strcmp(r, want))
		fail_msg("recovery status %s, want %s", r ? r : "(none)", want);
	free(r);
}

static void logs_and_advances_recovery_status(void **state)
{
	struct fx *f = *state;
	world(f);
	struct rd_actor sam = make_user(f, "sam@provider.example", "agent");
	assert_recovery(f, 1, "awaiting-apology");
	int64_t id = log_json(f, &sam, "{\"failure\": %lld, \"client\": \"Northwind\", \"kind\": \"apology\","
			      " \"channel\": \"call\", \"summary\": \"Called Lena\", \"eta\": \"2026-11-23T09:00:00Z\","
			      " \"cause\": \"failover\", \"amount\": \"1,200\", \"currency\": \"EUR\"}");
	assert_recovery(f, 1, "apologised");
	json_t *r;
	assert_ok(rd_record_get(f->s, "communication", id, &r, &m_));
	assert_string_equal(json_string_value(json_object_get(r, "at")), "2026-11-22T12:00:00Z"); /* now */
	assert_string_equal(json_string_value(json_object_get(r, "direction")), "out");
	assert_string_equal(json_string_value(json_object_get(r, "visibility")), "client");
	assert_string_equal(json_string_value(json_object_get(r, "eta")), "2026-11-23T09:00:00Z");
	assert_string_equal(json_string_value(json_object_get(r, "amount")), "1200.00");
	assert_int_equal(json_integer_value(json_object_get(r, "author_id")), sam.user_id);
	json_decref(r);
	log_json(f, &sam, "{\"failure\": %lld, \"client\": \"Northwind\", \"kind\": \"plan\", \"channel\": \"meeting\"}");
	assert_recovery(f, 1, "plan-presented");
	/* an earlier kind does not move it back */
	log_json(f, &sam, "{\"failure\": %lld, \"client\": \"Northwind\", \"kind\": \"apology\", \"channel\": \"email\"}");
	assert_recovery(f, 1, "plan-presented");
	/* inbound does not move it */
	log_json(f, &sam, "{\"failure\": %lld, \"client\": \"Northwind\", \"kind\": \"resolution\", \"channel\": \"email\","
		      " \"direction\": \"in\"}");
	assert_recovery(f, 1, "plan-presented");
	log_json(f, &sam, "{\"failure\": %lld, \"client\": \"Northwind\", \"kind\": \"resolution\", \"channel\": \"email\"}");
	assert_recovery(f, 1, "recovered");
	/* a chase: inbound, with its failure */
	id = log_json(f, &sam, "{\"failure\": %lld, \"client\": \"Northwind\", \"kind\": \"other\", \"channel\": \"email\","
			  " \"direction\": \"in\", \"chase\": true, \"at\": \"2026-11-22T11:00:00Z\"}");
	assert_ok(rd_record_get(f->s, "communication", id, &r, &m_));
	assert_true(json_is_true(json_object_get(r, "chase")));
	json_decref(r);
	/* with no failure: a general note to a client */
	log_json(f, &f->sys, "{\"client\": \"Globex\", \"kind\": \"other\", \"channel\": \"chat\", \"visibility\": \"internal\"}");
}

static void refuses_and_writes_nothing(void **state)
{
	struct fx *f = *state;
	world(f);
	int64_t comms = count_rows(f->s, "SELECT count(*) FROM communications");
	int64_t audit0 = count_rows(f->s, "SELECT count(*) FROM audit_log");
	static const struct { const char *fmt; const char *needle; } bad[] = {
		{"{\"failure\": %lld, \"client\": \"Globex\", \"kind\": \"apology\", \"channel\": \"email\"}", "not affected"},
		{"{\"failure\": %lld, \"client\": \"Nobody\", \"kind\": \"apology\", \"channel\": \"email\"}", "unknown client 'Nobody'"},
		{"{\"x\": %lld, \"client\": \"Northwind\", \"kind\": \"apology\", \"channel\": \"email\"}", "unknown field 'x'"},
		{"{\"failure\": 99, \"client\": \"Northwind\", \"kind\": \"apology\", \"channel\": \"email\", \"summary\": \"%lld\"}", "unknown failure '99'"},
		{"{\"failure\": %lld, \"client\": \"Northwind\", \"kind\": \"sorry\", \"channel\": \"email\"}", "communication.kind: 'sorry'"},
		{"{\"failure\": %lld, \"client\": \"Northwind\", \"kind\": \"apology\", \"channel\": \"pigeon\"}", "communication.channel: 'pigeon'"},
		{"{\"failure\": %lld, \"client\": \"Northwind\", \"kind\": \"apology\"}", "communication.channel is required"},
		{"{\"failure\": %lld, \"client\": \"Northwind\", \"channel\": \"email\"}", "communication.kind is required"},
		{"{\"failure\": %lld, \"kind\": \"apology\", \"channel\": \"email\"}", "communication.client_id is required"},
		{"{\"failure\": %lld, \"client\": \"Northwind\", \"kind\": \"apology\", \"channel\": \"email\", \"direction\": \"sideways\"}", "communication.direction"},
		{"{\"failure\": %lld, \"client\": \"Northwind\", \"kind\": \"apology\", \"channel\": \"email\", \"at\": \"noon\"}", "communication.at"},
		{"{\"failure\": %lld, \"client\": \"Northwind\", \"kind\": \"apology\", \"channel\": \"email\", \"eta\": \"2026-11-23\", \"amount\": \"lots\"}", "communication.amount"},
		{"{\"failure\": %lld, \"client\": \"Northwind\", \"kind\": \"other\", \"channel\": \"email\", \"chase\": true}", "inbound"},
		{"{\"client\": \"Northwind\", \"kind\": \"other\", \"channel\": \"email\", \"direction\": \"in\", \"chase\": true, \"x\": null, \"y\": %lld}", "unknown field"},
		{"{\"failure\": %lld, \"client\": \"Northwind\", \"kind\": \"apology\", \"channel\": \"email\", \"contact\": \"m@globex.example\"}", "another client"},
		{"{\"failure\": %lld, \"client\": \"Northwind\", \"kind\": \"apology\", \"channel\": \"email\", \"author\": \"ghost@p.example\"}", "ghost@p.example"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char buf[512];
		snprintf(buf, sizeof buf, bad[i].fmt, (long long)fid);
		json_t *in = J(buf);
		char *m = NULL;
		enum rd_err rc = rd_comm_log(f->s, &f->sys, in, NULL, &m);
		json_decref(in);
		if (rc != RD_EINVAL || !m || !strstr(m, bad[i].needle))
			fail_msg("%s: %s (%s)", buf, rd_err_name(rc), m ? m : "no message");
		free(m);
	}
	/* a chase without a failure */
	json_t *in = J("{\"client\": \"Northwind\", \"kind\": \"other\", \"channel\": \"email\", \"direction\": \"in\", \"chase\": true}");
	assert_fails(rd_comm_log(f->s, &f->sys, in, NULL, &m_), RD_EINVAL, "--failure");
	json_decref(in);
	struct rd_actor v = make_user(f, "victor@provider.example", "viewer");
	in = J("{\"client\": \"Northwind\", \"kind\": \"other\", \"channel\": \"email\"}");
	assert_fails(rd_comm_log(f->s, &v, in, NULL, &m_), RD_EPERM, NULL);
	json_decref(in);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM communications"), comms);
	/* only the user we added wrote audit rows */
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM audit_log WHERE entity <> 'user'"), audit0);
	assert_recovery(f, 1, "awaiting-apology");
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, fx_setup, fx_teardown)
	const struct CMUnitTest tests[] = {
		T(logs_and_advances_recovery_status),
		T(refuses_and_writes_nothing),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
