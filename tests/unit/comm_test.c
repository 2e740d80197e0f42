/* comm_test.c — lib/comm.c: logging a communication needs an affected
 * client, moves the impact's recovery status forward (never back, never on
 * inbound), defaults its time and author, and refuses a chase that is not
 * inbound, a contact of another client, and bad fields — writing nothing.
 * A call or meeting note states facts like an email: a different ETA owes
 * a correction (both orders), the checker cites the note, and a client
 * that was corrected no longer counts against another. */
#include "unit.h"
#include "redress/agenda.h"
#include "redress/check.h"
#include "redress/compose.h"

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

/* ---- facts from call and meeting notes -------------------------------------------- */

static int64_t north, globex;

static void notes_world(struct fx *f)
{
	north = add_client(f, "{\"name\": \"Northwind\", \"tz\": \"Europe/Berlin\"}");
	globex = add_client(f, "{\"name\": \"Globex\", \"tz\": \"UTC\"}");
	fid = open_failure(f, "{\"title\": \"T\", \"severity\": 2, \"clients\": [\"Northwind\", \"Globex\"],"
			   " \"detected_at\": \"2026-11-23T09:00:00Z\"}");
}

static int64_t discrepancies(struct fx *f, int64_t client)
{
	char sql[160];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM discrepancies WHERE client_id = %lld", (long long)client);
	return count_rows(f->s, sql);
}

/* The correction obligation for communication COMM of CLIENT at AT: its
 * met_by (0: unmet); fails when there is none. */
static int64_t correction_met_by(struct fx *f, int64_t client, int64_t comm, const char *at)
{
	int64_t t = 0;
	assert_ok(rd_time_parse(at, &t, &m_));
	struct rd_clock_result r;
	assert_ok(rd_track_compute(f->s, fid, client, t, &r, &m_));
	char key[64];
	snprintf(key, sizeof key, "correction@%lld", (long long)comm);
	int64_t met = -1;
	for (size_t i = 0; i < r.n; i++)
		if (!strcmp(r.obs[i].key, key))
			met = r.obs[i].met_by;
	rd_clock_result_free(&r);
	if (met < 0)
		fail_msg("no obligation %s", key);
	return met;
}

/* The communication a fact.contradiction of TEXT (kind other, to CLIENT at
 * AT) cites, or 0 when there is none. */
static int64_t contradiction(struct fx *f, int64_t client, const char *at, const char *text)
{
	int64_t t = 0;
	assert_ok(rd_time_parse(at, &t, &m_));
	struct rd_check_context c;
	assert_ok(rd_check_context_build(f->s, "other", fid, client, t, &c, &m_));
	struct rd_check_result *res = NULL;
	assert_ok(rd_check(text, strlen(text), &c.opts, &res, &m_));
	int64_t ref = 0;
	for (size_t i = 0; i < res->n_findings; i++)
		if (!strcmp(res->findings[i].rule, "fact.contradiction"))
			ref = res->findings[i].ref_comm_id;
	rd_check_result_free(res);
	rd_check_context_free(&c);
	return ref;
}

static void call_note_states_facts(void **state)
{
	struct fx *f = *state;
	notes_world(f);
	int64_t id = log_json(f, &f->sys, "{\"failure\": %lld, \"client\": \"Northwind\", \"kind\": \"progress\","
			      " \"channel\": \"call\", \"at\": \"2026-11-25T10:00:00Z\", \"summary\": \"Called Lena: told"
			      " her the fix lands Friday 18:00; credit of €500 agreed.\", \"body\": \"Explained it was"
			      " caused by a failed database switch. Lena asked whether Monday 09:00 was possible.\"}");
	assert_field(f, "communication", id, "eta", "2026-11-27T17:00:00Z"); /* 18:00 Berlin */
	assert_field(f, "communication", id, "amount", "500.00");
	assert_field(f, "communication", id, "currency", "EUR");
	assert_field(f, "communication", id, "cause", "a failed database switch");
	/* a fact given by the caller wins over the note's */
	id = log_json(f, &f->sys, "{\"failure\": %lld, \"client\": \"Northwind\", \"kind\": \"progress\","
		      " \"channel\": \"meeting\", \"at\": \"2026-11-25T10:00:00Z\", \"eta\": \"2026-11-27T17:00:00Z\","
		      " \"summary\": \"Told her the fix lands Friday 19:00 at the latest.\"}");
	assert_field(f, "communication", id, "eta", "2026-11-27T17:00:00Z");
	/* the client's words only, an e-mail's summary, an inbound call: no facts */
	static const char *const none[] = {
		"{\"failure\": %lld, \"client\": \"Northwind\", \"kind\": \"other\", \"channel\": \"call\","
		" \"summary\": \"Lena said her CTO expects the fix by Friday 17:00 and a credit of €2,000.\"}",
		"{\"failure\": %lld, \"client\": \"Northwind\", \"kind\": \"progress\", \"channel\": \"email\","
		" \"summary\": \"Told her the fix lands Friday 19:00.\"}",
		"{\"failure\": %lld, \"client\": \"Northwind\", \"kind\": \"other\", \"channel\": \"call\","
		" \"direction\": \"in\", \"summary\": \"Told her the fix lands Friday 19:00.\"}",
	};
	for (size_t i = 0; i < sizeof none / sizeof none[0]; i++) {
		id = log_json(f, &f->sys, none[i]);
		char *eta = field_str(f, "communication", id, "eta"), *amount = field_str(f, "communication", id, "amount");
		if (eta || amount)
			fail_msg("%s: eta %s, amount %s", none[i], eta ? eta : "-", amount ? amount : "-");
	}
	assert_int_equal(discrepancies(f, north), 0);
}

/* An e-mail gives an ETA, a call promises another: a correction is owed and
 * met by the correction call; the other way round the same. */
static void call_note_contradicts_email_both_ways(void **state)
{
	struct fx *f = *state;
	notes_world(f);
	int64_t mail = log_json(f, &f->sys, "{\"failure\": %lld, \"client\": \"Northwind\", \"kind\": \"progress\","
				" \"channel\": \"email\", \"eta\": \"2026-11-27T17:00:00Z\", \"at\": \"2026-11-24T10:00:00Z\"}");
	/* the same time told on a call (18:00 in Berlin): nothing owed */
	log_json(f, &f->sys, "{\"failure\": %lld, \"client\": \"Northwind\", \"kind\": \"progress\", \"channel\":"
		 " \"call\", \"at\": \"2026-11-24T15:00:00Z\", \"summary\": \"Told Lena the fix lands Friday at 18:00.\"}");
	assert_int_equal(discrepancies(f, north), 0);
	int64_t call = log_json(f, &f->sys, "{\"failure\": %lld, \"client\": \"Northwind\", \"kind\": \"progress\","
				" \"channel\": \"call\", \"at\": \"2026-11-25T10:00:00Z\", \"summary\": \"Called Lena: told"
				" her the fix lands Monday 09:00.\"}");
	assert_int_equal(discrepancies(f, north), 1);
	assert_int_equal(count_rows(f->s, "SELECT earlier_id FROM discrepancies"), mail);
	assert_int_equal(correction_met_by(f, north, call, "2026-11-25T12:00:00Z"), 0);
	/* the checker holds the newest date told, the call's, against a draft */
	assert_int_equal(contradiction(f, north, "2026-11-25T12:00:00Z",
				       "We expect the fix to be complete by Friday 27 November, 18:00."), call);
	int64_t fix = log_json(f, &f->sys, "{\"failure\": %lld, \"client\": \"Northwind\", \"kind\": \"correction\","
			       " \"channel\": \"call\", \"at\": \"2026-11-25T14:00:00Z\", \"summary\": \"Correction:"
			       " told Lena Monday was wrong, the fix lands Friday 18:00 as e-mailed.\"}");
	assert_int_equal(correction_met_by(f, north, call, "2026-11-26T12:00:00Z"), fix);

	/* the other way round: a call gives the date, the e-mail differs */
	call = log_json(f, &f->sys, "{\"failure\": %lld, \"client\": \"Globex\", \"kind\": \"progress\", \"channel\":"
			" \"call\", \"at\": \"2026-11-24T10:00:00Z\", \"summary\": \"Called Marcus, told him we"
			" expect the fix to be live on Monday at 09:00.\"}");
	assert_int_equal(contradiction(f, globex, "2026-11-24T12:00:00Z",
				       "We expect the fix to be complete by Tuesday 1 December at 12:00."), call);
	assert_int_equal(contradiction(f, globex, "2026-11-24T12:00:00Z",
				       "We expect the fix to be complete by Monday 30 November at 09:00."), 0);
	mail = log_json(f, &f->sys, "{\"failure\": %lld, \"client\": \"Globex\", \"kind\": \"progress\", \"channel\":"
			" \"email\", \"eta\": \"2026-12-01T12:00:00Z\", \"at\": \"2026-11-24T12:00:00Z\"}");
	assert_int_equal(count_rows(f->s, "SELECT earlier_id FROM discrepancies WHERE client_id = 2"), call);
	assert_int_equal(correction_met_by(f, globex, mail, "2026-11-24T13:00:00Z"), 0);
}

/* Northwind was told another cause on a call than Globex by e-mail; once
 * Northwind got its correction, the cause it was first told no longer
 * contradicts what Globex hears. */
static void corrected_client_stops_counting(void **state)
{
	struct fx *f = *state;
	notes_world(f);
	log_json(f, &f->sys, "{\"failure\": %lld, \"client\": \"Globex\", \"kind\": \"rca_update\", \"channel\":"
		 " \"email\", \"cause\": \"a failed database switch\", \"at\": \"2026-11-24T10:00:00Z\"}");
	int64_t call = log_json(f, &f->sys, "{\"failure\": %lld, \"client\": \"Northwind\", \"kind\": \"rca_update\","
				" \"channel\": \"call\", \"at\": \"2026-11-24T12:00:00Z\", \"summary\": \"Explained"
				" the outage was caused by a power cut in our data centre.\"}");
	assert_int_equal(discrepancies(f, north), 1);
	const char *msg = "The outage was caused by a failed database switch.";
	/* before the correction, Northwind's version contradicts Globex's */
	assert_int_equal(contradiction(f, globex, "2026-11-24T13:00:00Z", msg), call);
	int64_t fix = log_json(f, &f->sys, "{\"failure\": %lld, \"client\": \"Northwind\", \"kind\": \"correction\","
			       " \"channel\": \"email\", \"at\": \"2026-11-24T15:00:00Z\", \"summary\": \"Correction:"
			       " the power cut we mentioned was not the cause.\"}");
	assert_int_equal(correction_met_by(f, north, call, "2026-11-25T12:00:00Z"), fix);
	assert_int_equal(contradiction(f, globex, "2026-11-25T10:00:00Z", msg), 0);
	/* and logging it owes Globex nothing */
	log_json(f, &f->sys, "{\"failure\": %lld, \"client\": \"Globex\", \"kind\": \"rca_update\", \"channel\":"
		 " \"email\", \"cause\": \"the failed database switch\", \"at\": \"2026-11-25T10:00:00Z\"}");
	assert_int_equal(discrepancies(f, globex), 0);
	/* the check as of before the correction still sees the contradiction */
	assert_int_equal(contradiction(f, globex, "2026-11-24T14:00:00Z", msg), call);
	/* what Northwind is told after its correction counts again */
	int64_t late = log_json(f, &f->sys, "{\"failure\": %lld, \"client\": \"Northwind\", \"kind\": \"other\","
				" \"channel\": \"call\", \"at\": \"2026-11-26T10:00:00Z\", \"summary\": \"Told Lena"
				" again it was caused by a power cut in our data centre.\"}");
	assert_int_equal(discrepancies(f, north), 2);
	assert_int_equal(contradiction(f, globex, "2026-11-26T12:00:00Z", msg), late);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, fx_setup, fx_teardown)
	const struct CMUnitTest tests[] = {
		T(logs_and_advances_recovery_status),
		T(refuses_and_writes_nothing),
		T(call_note_states_facts),
		T(call_note_contradicts_email_both_ways),
		T(corrected_client_stops_counting),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
