/* shared_test.c — lib/store/shared.c on SQLite, and on PostgreSQL when
 * REDRESS_TEST_PG is set: the data version moves with every commit (on
 * PostgreSQL also when a writer holding an earlier audit id commits last),
 * the job lock lets one transaction of several run a job, and a connection
 * cut under a failing statement reads as unreachable once, then reopens. */
#include "../unit.h"

static char *version(struct rd_store *s)
{
	char *v = NULL, *msg = NULL;
	if (rd_store_data_version(s, &v, &msg))
		fail_msg("rd_store_data_version: %s", msg ? msg : "?");
	return v;
}

static struct rd_store *second(struct fx *f, enum rd_store_mode mode)
{
	struct rd_store *s = NULL;
	char *msg = NULL;
	if (rd_store_open_mode(f->path, mode, &s, &msg))
		fail_msg("open: %s", msg ? msg : "?");
	return s;
}

#define AUDIT "INSERT INTO audit_log (at, actor, entity, entity_id, action) VALUES (0, 't', 'service', 1, ?1)"

static void data_version_moves_with_every_commit(void **state)
{
	struct fx *f = *state;
	struct rd_store *w = second(f, RD_STORE_NOMIGRATE);
	/* Two reads with no commit in between agree. On PostgreSQL the
	 * snapshot is the whole server's, and the other unit tests commit on
	 * it in parallel (meson runs them side by side), so a pair may
	 * straddle someone else's commit: some pair of 50 must agree. A
	 * version that moved on every read (a read that took an xid, say)
	 * fails all 50. */
	char *v1 = NULL, *v2 = version(f->s);
	bool agreed = false;
	for (int i = 0; i < 50 && !agreed; i++) {
		free(v1);
		v1 = v2;
		v2 = version(f->s);
		agreed = strcmp(v1, v2) == 0;
	}
	assert_true(agreed);
	assert_int_equal(rd_store_begin(w), RD_OK);
	assert_int_equal(rd_store_exec(w, NULL, AUDIT, "t", "one"), RD_OK);
	assert_int_equal(rd_store_commit(w), RD_OK);
	char *v3 = version(f->s);
	assert_string_not_equal(v2, v3);
	free(v1);
	free(v2);
	free(v3);
	rd_store_close(w);
}

/* PostgreSQL: a writer outside redress's write lock takes audit id N, a
 * second commits N+1, then the first commits. max(audit_log.id) stays N+1
 * across that last commit; the data version must not. */
static void data_version_sees_a_late_commit_of_an_earlier_id(void **state)
{
	struct fx *f = *state;
	if (!fx_pg())
		skip(); /* SQLite has one writer at a time: ids commit in order */
	/* the other writer is another program, on a connection of its own */
	PGconn *a = PQconnectdb(f->path);
	assert_int_equal(PQstatus(a), CONNECTION_OK);
	struct rd_store *b = second(f, RD_STORE_NOMIGRATE);
	PQclear(PQexec(a, "BEGIN"));
	PGresult *r = PQexec(a, "INSERT INTO audit_log (at, actor, entity, entity_id, action) "
				"VALUES (0, 'other', 'service', 1, 'first') RETURNING id");
	assert_int_equal(PQresultStatus(r), PGRES_TUPLES_OK);
	int64_t first = strtoll(PQgetvalue(r, 0, 0), NULL, 10);
	PQclear(r);
	assert_int_equal(rd_store_begin(b), RD_OK);
	assert_int_equal(rd_store_exec(b, NULL, AUDIT, "t", "second"), RD_OK);
	assert_int_equal(rd_store_commit(b), RD_OK);
	int64_t max = 0;
	assert_int_equal(rd_store_exec(f->s, &max, "SELECT max(id) FROM audit_log", ""), RD_OK);
	assert_true(max > first);
	char *before = version(f->s);
	PQclear(PQexec(a, "COMMIT"));
	PQfinish(a);
	char *after = version(f->s);
	assert_string_not_equal(before, after);
	free(before);
	free(after);
	rd_store_close(b);
}

static void job_lock_one_holder_at_a_time(void **state)
{
	struct fx *f = *state;
	bool got = true;
	char *msg = NULL;
	assert_int_equal(rd_store_job_try_lock(f->s, RD_JOB_ESCALATE, &got, &msg), RD_ESTATE);
	assert_false(got);
	free(msg);
	assert_int_equal(rd_store_begin(f->s), RD_OK);
	assert_int_equal(rd_store_job_try_lock(f->s, RD_JOB_ESCALATE, &got, NULL), RD_OK);
	assert_true(got);
	if (fx_pg()) {
		/* another process (a read-only handle: its BEGIN waits for no writer) */
		struct rd_store *o = second(f, RD_STORE_READONLY);
		assert_int_equal(rd_store_begin(o), RD_OK);
		assert_int_equal(rd_store_job_try_lock(o, RD_JOB_ESCALATE, &got, NULL), RD_OK);
		assert_false(got);
		/* another job is another lock */
		assert_int_equal(rd_store_job_try_lock(o, RD_JOB_OUTBOX, &got, NULL), RD_OK);
		assert_true(got);
		assert_int_equal(rd_store_commit(o), RD_OK);
		assert_int_equal(rd_store_commit(f->s), RD_OK);
		/* the commit let it go */
		assert_int_equal(rd_store_begin(o), RD_OK);
		assert_int_equal(rd_store_job_try_lock(o, RD_JOB_ESCALATE, &got, NULL), RD_OK);
		assert_true(got);
		assert_int_equal(rd_store_commit(o), RD_OK);
		rd_store_close(o);
	} else {
		assert_int_equal(rd_store_commit(f->s), RD_OK);
	}
}

static void reachable_says_a_cut_connection_once(void **state)
{
	struct fx *f = *state;
	assert_true(rd_store_reachable(f->s));
	if (!fx_pg())
		return;
	int64_t pid = 0;
	assert_int_equal(rd_store_exec(f->s, &pid, "SELECT pg_backend_pid()", ""), RD_OK);
	char sql[96];
	snprintf(sql, sizeof sql, "SELECT pg_terminate_backend(%lld)", (long long)pid);
	PGconn *c = PQconnectdb(fx_pg());
	PQclear(PQexec(c, sql));
	PQfinish(c);
	/* a write is never run again on a new connection: it fails … */
	assert_int_equal(rd_store_exec(f->s, NULL, AUDIT, "t", "cut"), RD_EDB);
	/* … and the server must call that unavailable (503), not a fault */
	assert_false(rd_store_reachable(f->s));
	/* the probe reopened it */
	assert_true(rd_store_reachable(f->s));
	assert_int_equal(rd_store_exec(f->s, NULL, AUDIT, "t", "after"), RD_OK);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(data_version_moves_with_every_commit, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(data_version_sees_a_late_commit_of_an_earlier_id, fx_setup,
						fx_teardown),
		cmocka_unit_test_setup_teardown(job_lock_one_holder_at_a_time, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(reachable_says_a_cut_connection_once, fx_setup, fx_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
