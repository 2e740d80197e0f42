/* dashboard_test.c — lib/dashboard.c: a client's dashboard read from the
 * stored obligations equals the one recomputed from each track's history,
 * for every client of the demo, at many instants (as loaded, as due times
 * and escalations pass, past the generated horizon, before the last write)
 * and again after writes (a message sent, a chase, a waiver, a resolution).
 * Everywhere, the text rd_client_dashboard_write writes straight from the
 * rows is byte for byte the tree's text, also for names that need escaping,
 * text that is not UTF-8, and failing statements. */
#include "unit.h"
#include "redress/agenda.h"
#include "redress/dashboard.h"
#include "redress/time.h"
#include "util/buf.h"
#include "util/jsonw.h"

/* Client ID's dashboard at AT as rd_client_dashboard_write writes it: JSON
 * that jansson reads, and writes back byte for byte (compact, reals at 15
 * digits: the writer escapes and formats as jansson does), equal to
 * rd_client_dashboard's tree; or the same error from both. The text is
 * returned (caller frees; NULL after an error). */
static char *written_as_jansson_writes(struct fx *f, int64_t id, int64_t at)
{
	json_t *tree = NULL;
	char *m1 = NULL, *m2 = NULL;
	struct rd_buf got = RD_BUF_INIT;
	enum rd_err r1 = rd_client_dashboard(f->s, id, at, 0, &tree, &m1);
	enum rd_err r2 = rd_client_dashboard_write(f->s, id, at, &got, &m2);
	assert_int_equal(r2, r1);
	char *text = NULL;
	if (r1 == RD_OK) {
		json_error_t e;
		json_t *parsed = json_loadb(got.data, got.len, 0, &e);
		if (!parsed)
			fail_msg("client %lld: not JSON (%s)\n%s", (long long)id, e.text, got.data);
		char *again = json_dumps(parsed, JSON_COMPACT | JSON_REAL_PRECISION(15));
		assert_non_null(again);
		if (strcmp(again, got.data))
			fail_msg("client %lld: written\n%s\njansson\n%s", (long long)id, got.data, again);
		assert_true(json_equal(parsed, tree));
		free(again);
		json_decref(parsed);
		text = rd_buf_detach(&got);
	} else {
		assert_non_null(m2);
		assert_string_equal(m2, m1);
	}
	json_decref(tree);
	free(m1);
	free(m2);
	rd_buf_free(&got);
	return text;
}

static void written_as_tree(struct fx *f, int64_t id, int64_t at)
{
	free(written_as_jansson_writes(f, id, at));
}

/* Every client's dashboard at AT, stored and recomputed, must be equal. */
static void same_at(struct fx *f, int64_t at)
{
	int64_t *ids = NULL;
	size_t n = 0;
	assert_ok(rd_store_ids(f->s, &ids, &n, "SELECT id FROM clients ORDER BY id", ""));
	assert_true(n > 0);
	for (size_t i = 0; i < n; i++) {
		json_t *fast = NULL, *full = NULL;
		assert_ok(rd_client_dashboard(f->s, ids[i], at, 0, &fast, &m_));
		assert_ok(rd_client_dashboard(f->s, ids[i], at, RD_DASH_RECOMPUTE, &full, &m_));
		if (!json_equal(fast, full)) {
			char t[RD_TIME_BUFSZ];
			char *a = json_dumps(fast, JSON_INDENT(1) | JSON_SORT_KEYS);
			char *b = json_dumps(full, JSON_INDENT(1) | JSON_SORT_KEYS);
			fail_msg("client %lld at %s: stored\n%s\nrecomputed\n%s", (long long)ids[i],
				 rd_time_format(at, t), a, b);
		}
		json_decref(fast);
		json_decref(full);
		written_as_tree(f, ids[i], at);
	}
	free(ids);
}

/* Each stored due time and escalation time of a row still open, just before,
 * at and just after it, plus fixed instants from FROM on. */
static void same_around_due_times(struct fx *f, int64_t from)
{
	static const int64_t offsets[] = {0, 60, T_HOUR, 3 * T_HOUR, T_DAY, 7 * T_DAY, 29 * T_DAY,
					  31 * T_DAY, 45 * T_DAY, -T_HOUR, -2 * T_DAY};
	for (size_t i = 0; i < sizeof offsets / sizeof offsets[0]; i++)
		same_at(f, from + offsets[i]);
	int64_t *due = NULL;
	size_t n = 0;
	assert_ok(rd_store_ids(f->s, &due, &n,
			       "SELECT due_at FROM obligations WHERE met_at IS NULL AND waived_at IS NULL "
			       "AND due_at >= ?1 UNION SELECT manager_at FROM obligations WHERE met_at IS NULL "
			       "AND waived_at IS NULL AND manager_at >= ?1 ORDER BY 1 LIMIT 12", "i", from));
	assert_true(n >= 3); /* the demo has open obligations falling due after now */
	for (size_t i = 0; i < n; i++) {
		same_at(f, due[i] - 1);
		same_at(f, due[i]);
		same_at(f, due[i] + 1);
	}
	free(due);
}

/* How many tracks the stored rows answer for at AT (the rest are computed). */
static size_t stored_answers(struct fx *f, int64_t at)
{
	int64_t *fids = NULL, *cids = NULL;
	size_t n = 0, m = 0, yes = 0;
	assert_ok(rd_store_ids(f->s, &fids, &n, "SELECT failure_id FROM tracks ORDER BY failure_id, client_id", ""));
	assert_ok(rd_store_ids(f->s, &cids, &m, "SELECT client_id FROM tracks ORDER BY failure_id, client_id", ""));
	assert_int_equal(n, m);
	for (size_t i = 0; i < n; i++) {
		struct rd_buf b = RD_BUF_INIT;
		struct rd_jw w;
		bool written;
		rd_jw_init(&w, &b);
		assert_ok(rd_track_stored_write(f->s, fids[i], cids[i], at, "x", "UTC", &w, &written, &m_));
		assert_int_equal(w.err, RD_OK);
		assert_true(written == (b.len > 0)); /* nothing written where the rows do not answer */
		yes += written;
		rd_buf_free(&b);
	}
	free(fids);
	free(cids);
	return yes;
}

static void stored_equals_recomputed_over_the_demo(void **state)
{
	struct fx *f = *state;
	assert_ok(rd_demo_load(f->s, T_NOW, &m_));
	size_t tracks = (size_t)count_rows(f->s, "SELECT count(*) FROM tracks");
	assert_true(tracks >= 5);
	/* the stored rows answer for every track from now to the horizon... */
	assert_int_equal(stored_answers(f, T_NOW), tracks);
	assert_int_equal(stored_answers(f, T_NOW + 29 * T_DAY), tracks);
	/* ...and for none before the last write or past the horizon */
	assert_int_equal(stored_answers(f, T_NOW - 1), 0);
	assert_int_equal(stored_answers(f, T_NOW + 31 * T_DAY), 0);
	same_around_due_times(f, T_NOW);
}

static void log_comm(struct fx *f, const struct rd_actor *a, int64_t fid, const char *client, const char *what)
{
	char buf[512], t[RD_TIME_BUFSZ];
	snprintf(buf, sizeof buf, "{\"failure\": %lld, \"client\": \"%s\", \"at\": \"%s\", %s}", (long long)fid,
		 client, rd_time_format(a->now, t), what);
	json_t *in = J(buf);
	assert_ok(rd_comm_log(f->s, a, in, NULL, &m_));
	json_decref(in);
}

static void stored_equals_recomputed_after_writes(void **state)
{
	struct fx *f = *state;
	assert_ok(rd_demo_load(f->s, T_NOW, &m_));
	struct rd_actor a = f->sys;
	/* two hours on: a chase, then the apology it asked for, to the client
	 * of an open track whose apology is still owed */
	a.now = T_NOW + 2 * T_HOUR;
	int64_t fid = 0, cid = 0;
	assert_ok(rd_store_exec(f->s, &fid, "SELECT failure_id FROM obligations WHERE kind = 'apology' AND "
				"met_at IS NULL AND waived_at IS NULL ORDER BY failure_id, client_id LIMIT 1", ""));
	assert_ok(rd_store_exec(f->s, &cid, "SELECT client_id FROM obligations WHERE kind = 'apology' AND "
				"met_at IS NULL AND waived_at IS NULL ORDER BY failure_id, client_id LIMIT 1", ""));
	char *client = text_of(f->s, "SELECT name FROM clients WHERE id = ?1", cid);
	assert_non_null(client);
	log_comm(f, &a, fid, client, "\"kind\": \"other\", \"channel\": \"email\", \"direction\": \"in\", "
		 "\"chase\": true, \"summary\": \"any news?\"");
	same_around_due_times(f, a.now);
	a.now += 60;
	log_comm(f, &a, fid, client, "\"kind\": \"apology\", \"channel\": \"email\", \"direction\": \"out\", "
		 "\"summary\": \"we are sorry\"");
	same_around_due_times(f, a.now);
	/* a waiver of the next obligation still open on that track */
	char *key = NULL;
	{
		struct rd_stmt *st;
		assert_ok(rd_store_prepare(f->s, "SELECT key FROM obligations WHERE failure_id = ?1 AND client_id = ?2 "
					   "AND met_at IS NULL AND waived_at IS NULL ORDER BY due_at LIMIT 1", &st));
		rd_stmt_bind_int(st, 1, fid);
		rd_stmt_bind_int(st, 2, cid);
		bool row = false;
		assert_ok(rd_stmt_step(st, &row));
		assert_true(row);
		key = strdup(rd_stmt_col_text(st, 0));
		rd_stmt_free(st);
	}
	a.now += 60;
	assert_ok(rd_obligation_waive(f->s, &a, fid, cid, key, "agreed with the client", a.now, &m_));
	same_around_due_times(f, a.now);
	/* a day on, the failure is resolved: open progress steps close */
	a.now = T_NOW + T_DAY;
	assert_ok(rd_failure_set_status(f->s, &a, fid, "resolved", a.now, &m_));
	assert_int_equal(stored_answers(f, a.now), (size_t)count_rows(f->s, "SELECT count(*) FROM tracks"));
	same_around_due_times(f, a.now);
	free(key);
	free(client);
}

/* A failure recorded after the fact, detected before one already open for
 * the same client, makes the later one that client's second failure (the
 * key column, tighter due times): both tracks must read the same. */
static void a_backdated_failure_moves_the_later_track(void **state)
{
	struct fx *f = *state;
	int64_t cid = add_client(f, "{\"name\": \"Northwind\"}");
	open_failure(f, "{\"title\": \"Later\", \"severity\": 3, \"clients\": [\"Northwind\"],"
		     " \"detected_at\": \"2026-11-22T10:00:00Z\"}");
	same_at(f, T_NOW);
	open_failure(f, "{\"title\": \"Earlier\", \"severity\": 3, \"clients\": [\"Northwind\"],"
		     " \"detected_at\": \"2026-11-20T10:00:00Z\"}");
	json_t *d = NULL;
	assert_ok(rd_client_dashboard(f->s, cid, T_NOW, 0, &d, &m_));
	json_decref(d);
	same_around_due_times(f, T_NOW);
	/* the earlier one re-dated after the later one: the later is no longer
	 * a second failure, the re-dated one is */
	int64_t earlier = 0;
	assert_ok(rd_store_exec(f->s, &earlier, "SELECT id FROM failures WHERE title = 'Earlier'", ""));
	json_t *in = J("{\"detected_at\": \"2026-11-22T11:00:00Z\"}");
	assert_ok(rd_failure_update(f->s, &f->sys, earlier, in, &m_));
	json_decref(in);
	same_around_due_times(f, T_NOW);
}

/* Any statement of a dashboard may fail: the dashboard is then a database
 * error with a message, never a track shown without its schedule (both the
 * stored reading and the recomputed one). */
static void failing_reads_are_database_errors(void **state)
{
	struct fx *f = *state;
	assert_ok(rd_demo_load(f->s, T_NOW, &m_));
	int64_t cid = 0;
	assert_ok(rd_store_exec(f->s, &cid, "SELECT client_id FROM impacts GROUP BY client_id "
				"ORDER BY count(*) DESC, client_id LIMIT 1", ""));
	for (unsigned flags = 0; flags <= RD_DASH_RECOMPUTE; flags += RD_DASH_RECOMPUTE) {
		int failed = 0;
		bool answered = false;
		for (int n = 1; n < 2000 && !answered; n++) {
			json_t *d = NULL;
			char *msg = NULL;
			rd_store_fail_after(f->s, n);
			enum rd_err rc = rd_client_dashboard(f->s, cid, T_NOW, flags, &d, &msg);
			rd_store_fail_after(f->s, 0);
			if (rc == RD_OK) {
				size_t i;
				json_t *t;
				json_array_foreach(json_object_get(d, "tracks"), i, t)
					assert_non_null(json_object_get(t, "obligations"));
				assert_true(json_array_size(json_object_get(d, "tracks")) > 0);
				json_decref(d);
				free(msg);
				answered = true;
				continue;
			}
			if (rc != RD_EDB || !msg || !*msg)
				fail_msg("statement %d failing (flags %u): %s (%s), want a database error", n, flags,
					 rd_err_name(rc), msg ? msg : "no message");
			assert_null(d);
			failed++;
			free(msg);
		}
		assert_true(answered);   /* past its last statement it answers */
		assert_true(failed >= 3);
	}
}

static void add_record(struct fx *f, const char *entity, const char *json)
{
	json_t *in = J(json);
	int64_t id;
	assert_ok(rd_record_create(f->s, &f->sys, entity, in, NULL, &id, &m_));
	json_decref(in);
}

/* Names and text that need escaping, non-ASCII, a client without tracks,
 * one without anything, text that is not UTF-8 where the record shows null
 * and in a stored obligation, and a client that does not exist: the text
 * is what jansson writes, with the escapes spelled out. */
static void written_as_jansson_writes_for_awkward_clients(void **state)
{
	struct fx *f = *state;
	int64_t odd = add_client(f, "{\"name\": \"Zo\u00eb \\\"Q\\\" back\\\\slash/\\ttab\\u0001\\u001f\\u007f\","
				    " \"tz\": \"Asia/Tokyo\", \"services\": [\"\u6771\u4eac \\\"core\\\"\", \"mail\\n\"]}");
	int64_t emoji = add_client(f, "{\"name\": \"\U0001F600 \u2028 Caf\u00e9\", \"tz\": \"Europe/Paris\"}");
	int64_t bare = add_client(f, "{\"name\": \"Nobody\"}");
	char buf[512];
	snprintf(buf, sizeof buf, "{\"client_id\": %lld, \"name\": \"J\u00fcrgen \\\"the\\\" \\\\ \\b\", "
		 "\"email\": \"j@x.example\", \"role\": \"\\u00e9\\r\\n\"}", (long long)odd);
	add_record(f, "contact", buf);
	/* contacts of one name: the order among them must not change either */
	for (int k = 0; k < 4; k++) {
		snprintf(buf, sizeof buf, "{\"client_id\": %lld, \"name\": \"Same\", \"email\": \"%c@x.example\"}",
			 (long long)odd, "zamc"[k]);
		add_record(f, "contact", buf);
	}
	int64_t fid = open_failure(f, "{\"title\": \"Outage \\\"big\\\"\", \"severity\": 2, "
				      "\"clients\": [\"Zo\u00eb \\\"Q\\\" back\\\\slash/\\ttab\\u0001\\u001f\\u007f\", "
				      "\"\U0001F600 \u2028 Caf\u00e9\"]}");
	snprintf(buf, sizeof buf, "{\"client_id\": %lld, \"failure_id\": %lld, \"text\": \"call back \\t\u00e0 9h\", "
		 "\"due_at\": \"2026-11-25T09:00:00Z\"}", (long long)odd, (long long)fid);
	add_record(f, "commitment", buf);
	snprintf(buf, sizeof buf, "{\"client_id\": %lld, \"failure_id\": %lld, \"kind\": \"credit\", "
		 "\"amount\": \"1234.56\", \"currency\": \"EUR\", \"note\": \"\\\"sorry\\\"\"}",
		 (long long)emoji, (long long)fid);
	add_record(f, "goodwill", buf);
	for (int64_t id = 1; id <= bare + 1; id++) /* bare + 1: no such client */
		for (int k = 0; k < 3; k++)
			written_as_tree(f, id, T_NOW + k * T_DAY);
	/* the escapes themselves, as jansson writes them: \" \\ \t \n \r \b,
	 * other control bytes \u00XX in capitals, DEL and non-ASCII (U+2028
	 * too) copied; services in name order */
	char *t = written_as_jansson_writes(f, odd, T_NOW);
	assert_non_null(strstr(t, "\"name\":\"Zo\xc3\xab \\\"Q\\\" back\\\\slash/\\ttab\\u0001\\u001F\x7f\","));
	assert_non_null(strstr(t, "\"services\":[\"mail\\n\",\"\xe6\x9d\xb1\xe4\xba\xac \\\"core\\\"\"]"));
	assert_non_null(strstr(t, "\"name\":\"J\xc3\xbcrgen \\\"the\\\" \\\\ \\b\""));
	assert_non_null(strstr(t, "\"role\":\"\xc3\xa9\\r\\n\""));
	free(t);
	t = written_as_jansson_writes(f, emoji, T_NOW);
	assert_non_null(strstr(t, "\"name\":\"\xf0\x9f\x98\x80 \xe2\x80\xa8 Caf\xc3\xa9\","));
	assert_non_null(strstr(t, "\"note\":\"\\\"sorry\\\"\""));
	assert_non_null(strstr(t, "\"amount\":\"1234.56\""));
	free(t);
	/* text that is not UTF-8, written by something else: the records show
	 * it as null, and so must the writer (SQLite only: PostgreSQL's UTF8
	 * database refuses such text on the way in) */
	if (!strcmp(rd_store_backend(f->s), "postgres"))
		return;
	assert_ok(rd_store_exec(f->s, NULL, "UPDATE clients SET name = ?1 WHERE id = ?2", "ti", "bad \xff\xfe",
				bare));
	assert_ok(rd_store_exec(f->s, NULL, "UPDATE contacts SET role = ?1", "t", "\xc0\xaf"));
	assert_ok(rd_store_exec(f->s, NULL, "UPDATE clients SET name = ?1 WHERE id = ?2", "ti", "odd \xed\xa0\x80",
				emoji));
	t = written_as_jansson_writes(f, bare, T_NOW);
	assert_non_null(strstr(t, "{\"client\":{\"id\":"));
	assert_non_null(strstr(t, ",\"name\":null,"));
	assert_null(strstr(t, "bad "));
	free(t);
	t = written_as_jansson_writes(f, odd, T_NOW);
	assert_non_null(strstr(t, "\"role\":null"));
	assert_null(strstr(t, "\xc0"));
	free(t);
	t = written_as_jansson_writes(f, emoji, T_NOW);
	assert_non_null(strstr(t, "{\"client\":{\"id\":"));
	assert_null(strstr(t, "odd "));
	assert_non_null(strstr(t, "\"client\":null,\"column\":")); /* the track's copy of the name */
	free(t);
	/* a stored row the clock did not write (a key that is not UTF-8): the
	 * rows do not answer for the track, it is computed from its history,
	 * as if stored rows were not there */
	assert_ok(rd_store_exec(f->s, NULL, "UPDATE obligations SET key = ?1 WHERE client_id = ?2 AND kind = 'apology'",
				"ti", "apo\xff", odd));
	t = written_as_jansson_writes(f, odd, T_NOW);
	assert_null(strstr(t, "apo\xff"));
	assert_non_null(strstr(t, "\"kind\":\"apology\""));
	free(t);
	same_at(f, T_NOW);
}

/* rd_client_dashboard_write under a failing statement: a database error
 * with a message, as rd_client_dashboard. */
static void failing_reads_are_database_errors_when_written(void **state)
{
	struct fx *f = *state;
	assert_ok(rd_demo_load(f->s, T_NOW, &m_));
	int64_t cid = 0;
	assert_ok(rd_store_exec(f->s, &cid, "SELECT client_id FROM impacts GROUP BY client_id "
				"ORDER BY count(*) DESC, client_id LIMIT 1", ""));
	int failed = 0;
	bool answered = false;
	for (int n = 1; n < 2000 && !answered; n++) {
		struct rd_buf b = RD_BUF_INIT;
		char *msg = NULL;
		rd_store_fail_after(f->s, n);
		enum rd_err rc = rd_client_dashboard_write(f->s, cid, T_NOW, &b, &msg);
		rd_store_fail_after(f->s, 0);
		if (rc == RD_OK) {
			answered = true;
		} else {
			if (rc != RD_EDB || !msg || !*msg)
				fail_msg("statement %d failing: %s (%s), want a database error", n, rd_err_name(rc),
					 msg ? msg : "no message");
			failed++;
		}
		free(msg);
		rd_buf_free(&b);
	}
	assert_true(answered);
	assert_true(failed >= 3);
	written_as_tree(f, cid, T_NOW);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, fx_setup, fx_teardown)
	const struct CMUnitTest tests[] = {
		T(stored_equals_recomputed_over_the_demo),
		T(stored_equals_recomputed_after_writes),
		T(a_backdated_failure_moves_the_later_track),
		T(failing_reads_are_database_errors),
		T(written_as_jansson_writes_for_awkward_clients),
		T(failing_reads_are_database_errors_when_written),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
