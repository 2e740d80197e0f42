/* store_pg_test.c — lib/store/store_pg.c against a real PostgreSQL (the
 * server tests/pg/pgserver.py starts; REDRESS_TEST_PG is its admin URL;
 * without it every test is skipped and says so). Opening migrates through
 * schema_version, two processes migrating at once do not race, `?N` becomes
 * `$N` outside quotes, constraint, lock and connection errors map to the
 * codes the SQLite backend gives, the audit log is append-only, a
 * handle whose connection was cut reconnects on its next prepare, and
 * writes queued in pipeline mode share the next statement's round trip. */
#include "../unit.h"

#include <pthread.h>

#include "util/embed.h"

static int latest_version(void)
{
	int n = 0;
	for (const struct rd_embedded *m = rd_pg_migrations; m->name; m++)
		n++;
	return n;
}

static int64_t one(struct rd_store *s, const char *sql)
{
	int64_t v = -1;
	if (rd_store_exec(s, &v, sql, ""))
		fail_msg("%s: %s", sql, rd_store_errmsg(s));
	return v;
}

static int pg_setup(void **state)
{
	if (!fx_pg()) {
		fprintf(stderr, "[  SKIP    ] no REDRESS_TEST_PG: run through tests/pg/pgserver.py\n");
		*state = NULL;
		return 0;
	}
	return fx_setup(state);
}

#define NEED_PG(state)                    \
	do {                              \
		if (!*(state))            \
			skip();           \
	} while (0)

static void open_creates_and_migrates(void **state)
{
	NEED_PG(state);
	struct fx *f = *state;
	assert_string_equal(rd_store_backend(f->s), "postgres");
	assert_int_equal(rd_store_schema_version(f->s), latest_version());
	assert_int_equal(one(f->s, "SELECT max(version) FROM schema_version"), latest_version());
	assert_int_equal(one(f->s, "SELECT count(*) FROM schema_version"), latest_version());
	assert_true(one(f->s, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'") >= 20);
	/* durable commits and the busy timeout are the session's */
	assert_int_equal(one(f->s, "SELECT CASE WHEN current_setting('synchronous_commit') = 'on' THEN 1 ELSE 0 END"), 1);
	assert_int_equal(one(f->s, "SELECT CASE WHEN current_setting('lock_timeout') = '10s' THEN 1 ELSE 0 END"), 1);
	/* reopening applies nothing new and keeps the data */
	assert_int_equal(rd_store_exec(f->s, NULL, "INSERT INTO services (name, created_at) VALUES (?1, 0)", "t", "X"), RD_OK);
	rd_store_close(f->s);
	f->s = NULL;
	assert_ok(rd_store_open(f->path, &f->s, &m_));
	assert_int_equal(one(f->s, "SELECT count(*) FROM schema_version"), latest_version());
	assert_int_equal(one(f->s, "SELECT count(*) FROM services"), 1);
}

struct opener {
	const char *url;
	enum rd_err rc;
	char *msg;
};

static void *open_one(void *arg)
{
	struct opener *o = arg;
	struct rd_store *s = NULL;
	o->rc = rd_store_open(o->url, &s, &o->msg);
	rd_store_close(s);
	return NULL;
}

/* Four processes' worth of handles start on an empty database at once: the
 * advisory lock lets one migrate, the others find the work done. */
static void concurrent_first_opens_migrate_once(void **state)
{
	NEED_PG(state);
	char name[64], url[256], sql[128];
	snprintf(name, sizeof name, "rd_race_%d", (int)getpid());
	fx_pg_url(name, url, sizeof url);
	snprintf(sql, sizeof sql, "CREATE DATABASE %s", name);
	assert_true(fx_pg_admin(sql));
	pthread_t t[4];
	struct opener o[4];
	for (int i = 0; i < 4; i++) {
		o[i] = (struct opener){url, RD_EDB, NULL};
		pthread_create(&t[i], NULL, open_one, &o[i]);
	}
	for (int i = 0; i < 4; i++) {
		pthread_join(t[i], NULL);
		if (o[i].rc)
			fail_msg("open %d: %s", i, o[i].msg ? o[i].msg : "?");
	}
	struct rd_store *s = NULL;
	assert_ok(rd_store_open(url, &s, &m_));
	assert_int_equal(one(s, "SELECT count(*) FROM schema_version"), latest_version());
	assert_int_equal(one(s, "SELECT count(DISTINCT version) FROM schema_version"), latest_version());
	rd_store_close(s);
	snprintf(sql, sizeof sql, "DROP DATABASE %s WITH (FORCE)", name);
	assert_true(fx_pg_admin(sql));
}

static void missing_database_newer_schema_and_unreachable_server(void **state)
{
	NEED_PG(state);
	struct fx *f = *state;
	char url[256];
	struct rd_store *s = NULL;
	fx_pg_url("rd_no_such_db", url, sizeof url);
	assert_fails(rd_store_open_mode(url, RD_STORE_EXISTING, &s, &m_), RD_ENOTFOUND, "rd_no_such_db");
	assert_fails(rd_store_open_mode(url, RD_STORE_CREATE, &s, &m_), RD_ENOTFOUND, "createdb");
	assert_null(s);
	assert_fails(rd_store_open("postgresql://u:hunter2@127.0.0.1:1/x", &s, &m_), RD_EDB, "cannot connect");
	/* a database from a newer redress is refused, not downgraded */
	assert_int_equal(rd_store_exec(f->s, NULL, "INSERT INTO schema_version VALUES (999, 0)", ""), RD_OK);
	assert_fails(rd_store_open(f->path, &s, &m_), RD_EDB, "newer");
	assert_fails(rd_store_open_mode(f->path, RD_STORE_NOMIGRATE, &s, &m_), RD_EDB, "newer");
	assert_null(s);
	assert_int_equal(rd_store_exec(f->s, NULL, "DELETE FROM schema_version WHERE version = 999", ""), RD_OK);
}

static void placeholders_quotes_and_binds(void **state)
{
	NEED_PG(state);
	struct fx *f = *state;
	struct rd_store *s = f->s;
	int64_t id = 0, v = 0;
	/* a `?` inside a string literal stays a question mark */
	assert_int_equal(rd_store_exec(s, &id, "INSERT INTO services (name, description, created_at) "
		"VALUES (?2, 'why? -- not ?1', ?1) RETURNING id", "it", INT64_C(5), "Quote's \"name\"?"), RD_OK);
	assert_true(id > 0);
	char *t = text_of(s, "SELECT name || '|' || description FROM services WHERE id = ?1", id);
	assert_string_equal(t, "Quote's \"name\"?|why? -- not ?1");
	free(t);
	/* 64-bit values, also where PostgreSQL would guess a 4-byte integer */
	assert_int_equal(rd_store_exec(s, &v, "SELECT ?1 + 1", "i", INT64_C(9007199254740992)), RD_OK);
	assert_true(v == INT64_C(9007199254740993));
	assert_int_equal(rd_store_exec(s, &v, "SELECT created_at FROM services WHERE created_at < ?1 - 60", "i",
				       INT64_C(1795348800)), RD_OK);
	assert_int_equal(v, 5);
	/* `?1 IS NULL OR …` gives PostgreSQL no type to infer: it is text */
	const char *opt = "SELECT count(*) FROM services WHERE ?1 IS NULL OR description = ?1";
	if (rd_store_exec(s, &v, opt, "t", (const char *)NULL))
		fail_msg("%s: %s", opt, rd_store_errmsg(s));
	assert_int_equal(v, 1);
	assert_int_equal(rd_store_exec(s, &v, opt, "t", "no such"), RD_OK);
	assert_int_equal(v, 0);
	/* a NULL binds NULL; no row is RD_ENOTFOUND; bad SQL is RD_EDB */
	assert_int_equal(rd_store_exec(s, NULL, "UPDATE services SET description = ?1", "t", (const char *)NULL), RD_OK);
	assert_int_equal(one(s, "SELECT count(*) FROM services WHERE description IS NULL"), 1);
	assert_int_equal(rd_store_exec(s, &v, "SELECT id FROM services WHERE id = ?1", "i", INT64_C(9999)), RD_ENOTFOUND);
	assert_int_equal(rd_store_exec(s, NULL, "SELEC nonsense", ""), RD_EDB);
	assert_non_null(strstr(rd_store_errmsg(s), "syntax"));
	/* a bind past the statement's parameters fails the step */
	struct rd_stmt *st;
	bool row = true;
	assert_int_equal(rd_store_prepare(s, "SELECT ?1", &st), RD_OK);
	assert_int_not_equal(rd_stmt_bind_int(st, 2, 1), RD_OK);
	assert_int_not_equal(rd_stmt_step(st, &row), RD_OK);
	assert_false(row);
	rd_stmt_free(st);
}

static void columns_as_sqlite_gives_them(void **state)
{
	NEED_PG(state);
	struct fx *f = *state;
	struct rd_stmt *st, *st2;
	const char *q = "SELECT 1 AS a, 2.5 AS b, 'x' AS c, NULL AS d, 1 < 2 AS e, 1 > 2 AS g";
	assert_int_equal(rd_store_prepare(f->s, q, &st), RD_OK);
	/* the columns are known before the first step (web pages check them) */
	assert_int_equal(rd_stmt_ncols(st), 6);
	assert_string_equal(rd_stmt_col_name(st, 2), "c");
	bool row;
	assert_int_equal(rd_stmt_step(st, &row), RD_OK);
	assert_true(row);
	assert_int_equal(rd_stmt_col_int(st, 0), 1);
	assert_true(rd_stmt_col_double(st, 1) == 2.5);
	assert_int_equal(rd_stmt_col_int(st, 1), 2);
	assert_string_equal(rd_stmt_col_text(st, 2), "x");
	assert_true(rd_stmt_col_null(st, 3));
	assert_null(rd_stmt_col_text(st, 3));
	/* booleans read as SQLite's 1 and 0 */
	assert_int_equal(rd_stmt_col_int(st, 4), 1);
	assert_string_equal(rd_stmt_col_text(st, 5), "0");
	/* the same text open twice at once: one prepared statement, two cursors */
	assert_int_equal(rd_store_prepare(f->s, q, &st2), RD_OK);
	assert_int_equal(rd_stmt_step(st2, &row), RD_OK);
	assert_true(row);
	assert_int_equal(rd_stmt_step(st, &row), RD_OK);
	assert_false(row);
	rd_stmt_free(st);
	rd_stmt_free(st2);
}

static void constraint_errors_map_to_sqlite_codes(void **state)
{
	NEED_PG(state);
	struct fx *f = *state;
	struct rd_store *s = f->s;
	assert_int_equal(rd_store_exec(s, NULL, "INSERT INTO services (name, created_at) VALUES ('Dup', 0)", ""), RD_OK);
	/* names are unique without regard to case (CITEXT, as COLLATE NOCASE) */
	assert_int_equal(rd_store_exec(s, NULL, "INSERT INTO services (name, created_at) VALUES ('dup', 0)", ""), RD_EEXIST);
	assert_int_equal(one(s, "SELECT count(*) FROM services WHERE name = 'DUP'"), 1);
	assert_int_equal(rd_store_exec(s, NULL, "INSERT INTO clients (name, tier, created_at) VALUES ('c', 'gold', 0)", ""), RD_EINVAL);
	assert_int_equal(rd_store_exec(s, NULL, "INSERT INTO services (name, created_at) VALUES (NULL, 0)", ""), RD_EINVAL);
	assert_int_equal(rd_store_exec(s, NULL, "INSERT INTO contacts (client_id, name, email, created_at) "
				       "VALUES (999, 'x', 'x@y.z', 0)", ""), RD_ENOTFOUND);
	/* text where a number belongs is bad input, as SQLite's mismatch */
	assert_int_equal(rd_store_exec(s, NULL, "SELECT id FROM services WHERE id = ?1", "t", "seven"), RD_EINVAL);
}

static void audit_log_is_append_only(void **state)
{
	NEED_PG(state);
	struct fx *f = *state;
	struct rd_store *s = f->s;
	assert_int_equal(rd_audit(s, &f->sys, "client", 1, "create", NULL, NULL), RD_OK);
	assert_int_equal(rd_store_exec(s, NULL, "UPDATE audit_log SET actor = 'me'", ""), RD_EINVAL);
	assert_non_null(strstr(rd_store_errmsg(s), "append-only"));
	assert_int_equal(rd_store_exec(s, NULL, "DELETE FROM audit_log", ""), RD_EINVAL);
	assert_int_equal(rd_store_exec(s, NULL, "TRUNCATE audit_log", ""), RD_EINVAL);
	assert_int_equal(one(s, "SELECT count(*) FROM audit_log WHERE actor = 'system:test'"), 1);
}

static void transactions_nest_and_roll_back(void **state)
{
	NEED_PG(state);
	struct fx *f = *state;
	struct rd_store *s = f->s, *other = NULL;
	assert_ok(rd_store_open(f->path, &other, &m_));
	assert_int_equal(rd_store_begin(s), RD_OK);
	assert_int_equal(rd_store_begin(s), RD_OK);
	rd_store_exec(s, NULL, "INSERT INTO services (name, created_at) VALUES ('inner', 0)", "");
	assert_int_equal(rd_store_commit(s), RD_OK);
	/* not visible to another handle before the outer commit */
	assert_int_equal(one(other, "SELECT count(*) FROM services"), 0);
	rd_store_rollback(s);
	assert_int_equal(one(s, "SELECT count(*) FROM services"), 0);
	/* an inner rollback dooms the outer commit */
	assert_int_equal(rd_store_begin(s), RD_OK);
	rd_store_exec(s, NULL, "INSERT INTO services (name, created_at) VALUES ('outer', 0)", "");
	assert_int_equal(rd_store_begin(s), RD_OK);
	rd_store_rollback(s);
	assert_int_equal(rd_store_commit(s), RD_ESTATE);
	assert_int_equal(one(other, "SELECT count(*) FROM services"), 0);
	/* a committed write is visible to the other handle at once */
	assert_int_equal(rd_store_begin(s), RD_OK);
	rd_store_exec(s, NULL, "INSERT INTO services (name, created_at) VALUES ('seen', 0)", "");
	assert_int_equal(rd_store_commit(s), RD_OK);
	assert_int_equal(one(other, "SELECT count(*) FROM services"), 1);
	assert_int_equal(rd_store_commit(s), RD_ESTATE);
	rd_store_close(other);
}

/* A writer that holds the write lock makes a second one wait for the busy
 * timeout and then fail with RD_EBUSY (the server's 503), having written
 * nothing; once the first commits, the second goes through. */
static void a_held_write_lock_is_busy(void **state)
{
	NEED_PG(state);
	struct fx *f = *state;
	struct rd_store *other = NULL;
	assert_ok(rd_store_open(f->path, &other, &m_));
	rd_store_set_busy_timeout(other, 200);
	assert_int_equal(rd_store_begin(f->s), RD_OK);
	rd_store_exec(f->s, NULL, "INSERT INTO services (name, created_at) VALUES ('first', 0)", "");
	assert_int_equal(rd_store_begin(other), RD_EBUSY);
	assert_non_null(strstr(rd_store_errmsg(other), "lock"));
	assert_int_equal(rd_store_commit(f->s), RD_OK);
	assert_int_equal(rd_store_begin(other), RD_OK);
	assert_int_equal(rd_store_exec(other, NULL, "INSERT INTO services (name, created_at) VALUES ('second', 0)", ""), RD_OK);
	assert_int_equal(rd_store_commit(other), RD_OK);
	assert_int_equal(one(f->s, "SELECT count(*) FROM services"), 2);
	rd_store_close(other);
}

static void readonly_handle_reads_and_cannot_write(void **state)
{
	NEED_PG(state);
	struct fx *f = *state;
	struct rd_store *ro = NULL;
	int cur = 0, latest = 0;
	assert_ok(rd_store_open_mode(f->path, RD_STORE_READONLY, &ro, &m_));
	assert_true(rd_store_readonly(ro));
	assert_false(rd_store_readonly(f->s));
	assert_ok(rd_store_schema_status(ro, &cur, &latest, &m_));
	assert_int_equal(cur, latest);
	assert_int_equal(one(ro, "SELECT count(*) FROM services"), 0);
	assert_int_equal(rd_store_exec(ro, NULL, "INSERT INTO services (name, created_at) VALUES ('no', 0)", ""), RD_EDB);
	assert_non_null(strstr(rd_store_errmsg(ro), "read-only"));
	rd_store_close(ro);
	assert_int_equal(one(f->s, "SELECT count(*) FROM services"), 0);
}

/* Cuts S's connection from outside, as a PostgreSQL restart does. */
static void cut(struct rd_store *s)
{
	char sql[96];
	snprintf(sql, sizeof sql, "SELECT pg_terminate_backend(%lld)", (long long)one(s, "SELECT pg_backend_pid()"));
	PGconn *c = PQconnectdb(fx_pg());
	PQclear(PQexec(c, sql));
	PQfinish(c);
}

/* The server must survive a PostgreSQL restart. A handle whose connection
 * was cut reconnects by itself where that is safe: a read outside a
 * transaction and a BEGIN are simply run again on a new connection (with
 * the statement cache prepared again). A transaction that was under way is
 * lost with the connection: RD_EDB with a clear message, nothing written,
 * and the next transaction works. */
static void a_lost_connection_is_reopened(void **state)
{
	NEED_PG(state);
	struct fx *f = *state;
	struct rd_store *s = f->s;
	int64_t pid = one(s, "SELECT pg_backend_pid()");
	assert_int_equal(one(s, "SELECT count(*) FROM services"), 0);
	cut(s);
	/* a cached read: reconnects, prepares again, answers */
	assert_int_equal(one(s, "SELECT count(*) FROM services"), 0);
	assert_true(one(s, "SELECT pg_backend_pid()") != pid);
	/* a BEGIN on a cut connection: reconnects and begins */
	cut(s);
	assert_int_equal(rd_store_begin(s), RD_OK);
	assert_int_equal(rd_store_exec(s, NULL, "INSERT INTO services (name, created_at) VALUES ('after', 0)", ""), RD_OK);
	assert_int_equal(rd_store_commit(s), RD_OK);
	/* cut inside a transaction: the write is lost, and says why */
	assert_int_equal(rd_store_begin(s), RD_OK);
	assert_int_equal(rd_store_exec(s, NULL, "INSERT INTO services (name, created_at) VALUES ('lost', 0)", ""), RD_OK);
	PGconn *c = PQconnectdb(fx_pg());
	char sql[320];
	snprintf(sql, sizeof sql, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '%s' "
		 "AND pid <> pg_backend_pid()", strrchr(f->path, '/') + 1);
	PQclear(PQexec(c, sql));
	PQfinish(c);
	assert_int_equal(rd_store_exec(s, NULL, "INSERT INTO services (name, created_at) VALUES ('lost2', 0)", ""), RD_EDB);
	assert_non_null(strstr(rd_store_errmsg(s), "connection to PostgreSQL lost"));
	rd_store_rollback(s);
	assert_int_equal(one(s, "SELECT count(*) FROM services"), 1);
	assert_int_equal(rd_store_begin(s), RD_OK);
	assert_int_equal(rd_store_exec(s, NULL, "INSERT INTO services (name, created_at) VALUES ('next', 0)", ""), RD_OK);
	assert_int_equal(rd_store_commit(s), RD_OK);
	assert_int_equal(one(s, "SELECT count(*) FROM services"), 2);
}

/* Writes nobody waits for (rd_store_exec_later) are queued inside a
 * transaction and go with the next statement that waits, in its round
 * trip, or with the COMMIT. A connection cut meanwhile loses the
 * transaction, as any other, and says so; the next one works. */
static void queued_writes_share_a_round_trip(void **state)
{
	NEED_PG(state);
	struct fx *f = *state;
	struct rd_store *s = f->s;
	const char *ins = "INSERT INTO services (name, created_at) VALUES (?1, 0)";
	char name[16];
	assert_int_equal(rd_store_exec(s, NULL, ins, "t", "warm"), RD_OK); /* both prepared */
	assert_int_equal(one(s, "SELECT count(*) FROM services"), 1);
	assert_int_equal(rd_store_begin(s), RD_OK);
	int64_t r0 = rd_store_round_trips(s);
	for (int i = 0; i < 3; i++) {
		snprintf(name, sizeof name, "q%d", i);
		assert_int_equal(rd_store_exec_later(s, ins, "t", name), RD_OK);
	}
	assert_int_equal(rd_store_round_trips(s), r0);
	assert_int_equal(one(s, "SELECT count(*) FROM services"), 4);
	assert_int_equal(rd_store_round_trips(s), r0 + 1);
	assert_int_equal(rd_store_exec_later(s, ins, "t", "q3"), RD_OK);
	assert_int_equal(rd_store_commit(s), RD_OK);
	assert_int_equal(rd_store_round_trips(s), r0 + 2);
	/* cut with a write queued: lost, said so, nothing of it written */
	assert_int_equal(rd_store_begin(s), RD_OK);
	cut(s);
	rd_store_exec_later(s, ins, "t", "lost"); /* queued, or refused by the closed socket */
	assert_int_equal(rd_store_exec(s, NULL, "SELECT count(*) FROM services", ""), RD_EDB);
	assert_non_null(strstr(rd_store_errmsg(s), "connection to PostgreSQL lost"));
	rd_store_rollback(s);
	assert_int_equal(rd_store_begin(s), RD_OK);
	assert_int_equal(rd_store_exec_later(s, ins, "t", "next"), RD_OK);
	assert_int_equal(rd_store_commit(s), RD_OK);
	assert_int_equal(one(s, "SELECT count(*) FROM services"), 6);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, pg_setup, fx_teardown)
	const struct CMUnitTest tests[] = {
		T(open_creates_and_migrates),
		T(concurrent_first_opens_migrate_once),
		T(missing_database_newer_schema_and_unreachable_server),
		T(placeholders_quotes_and_binds),
		T(columns_as_sqlite_gives_them),
		T(constraint_errors_map_to_sqlite_codes),
		T(audit_log_is_append_only),
		T(transactions_nest_and_roll_back),
		T(a_held_write_lock_is_busy),
		T(readonly_handle_reads_and_cannot_write),
		T(a_lost_connection_is_reopened),
		T(queued_writes_share_a_round_trip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
