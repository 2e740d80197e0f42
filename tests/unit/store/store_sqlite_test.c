/* store_sqlite_test.c — lib/store/store.c + store_sqlite.c: opening creates
 * and migrates, reopening is idempotent, WAL and foreign keys are on, nested
 * transactions (an inner rollback dooms the outer commit), constraint errors
 * map to the right codes, the statement cache survives more statements than
 * it has slots and re-entrant use of one SQL text, the audit log is
 * append-only, a newer schema is refused, and a postgres:// URL reaches the
 * PostgreSQL backend (tests/unit/store/store_pg_test.c tests that one). */
#include "../unit.h"

#include <sqlite3.h>
#include <sys/stat.h>

#include "util/embed.h"

/* The schema version a fresh database reaches: the number of migrations. */
static int latest_version(void)
{
	int n = 0;
	for (const struct rd_embedded *m = rd_sqlite_migrations; m->name; m++)
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

static void open_creates_and_migrates(void **state)
{
	struct fx *f = *state;
	assert_true(latest_version() >= 1);
	assert_int_equal(rd_store_schema_version(f->s), latest_version());
	assert_int_equal(one(f->s, "PRAGMA user_version"), latest_version());
	assert_int_equal(access(f->path, F_OK), 0);
	/* every table of the migration exists */
	assert_true(one(f->s, "SELECT count(*) FROM sqlite_master WHERE type = 'table'") >= 20);
	assert_int_equal(one(f->s, "SELECT count(*) FROM clients"), 0);
	/* reopening applies nothing new and keeps the data */
	assert_int_equal(rd_store_exec(f->s, NULL, "INSERT INTO services (name, created_at) VALUES (?1, 0)", "t", "X"), RD_OK);
	rd_store_close(f->s);
	f->s = NULL;
	assert_ok(rd_store_open(f->path, &f->s, &m_));
	assert_int_equal(rd_store_schema_version(f->s), latest_version());
	assert_int_equal(one(f->s, "SELECT count(*) FROM services"), 1);
}

static void wal_synchronous_full_and_foreign_keys(void **state)
{
	struct fx *f = *state;
	struct rd_stmt *st;
	assert_int_equal(rd_store_prepare(f->s, "PRAGMA journal_mode", &st), RD_OK);
	bool row;
	assert_int_equal(rd_stmt_step(st, &row), RD_OK);
	assert_true(row);
	assert_string_equal(rd_stmt_col_text(st, 0), "wal");
	rd_stmt_free(st);
	assert_int_equal(one(f->s, "PRAGMA foreign_keys"), 1);
	assert_int_equal(one(f->s, "PRAGMA synchronous"), 2); /* FULL */
	/* a dangling reference is refused by the database itself */
	enum rd_err rc = rd_store_exec(f->s, NULL,
		"INSERT INTO contacts (client_id, name, email, created_at) VALUES (999, 'x', 'x@y.z', 0)", "");
	assert_int_equal(rc, RD_ENOTFOUND);
}

static void refuses_bad_targets(void **state)
{
	(void)state;
	struct rd_store *s = (struct rd_store *)1;
	assert_fails(rd_store_open("", &s, &m_), RD_EINVAL, "--db");
	assert_null(s);
	assert_fails(rd_store_open(NULL, &s, &m_), RD_EINVAL, NULL);
	/* a postgres:// URL goes to the PostgreSQL backend, which names what it
	 * could not reach (nothing listens on port 1) */
	assert_fails(rd_store_open("postgres://u@127.0.0.1:1/db", &s, &m_), RD_EDB, "PostgreSQL database 'db'");
	assert_null(s);
	assert_fails(rd_store_open("postgresql://u@127.0.0.1:1/db", &s, &m_), RD_EDB, "cannot connect");
	assert_fails(rd_store_open("/nonexistent-dir/x/y.db", &s, &m_), RD_EDB, "y.db");
	assert_null(s);
}

static void refuses_a_newer_schema(void **state)
{
	struct fx *f = *state;
	assert_int_equal(rd_store_exec(f->s, NULL, "PRAGMA user_version = 999", ""), RD_OK);
	rd_store_close(f->s);
	f->s = NULL;
	struct rd_store *s = NULL;
	assert_fails(rd_store_open(f->path, &s, &m_), RD_EDB, "newer");
	assert_null(s);
	/* put it back so teardown can close a handle */
	sqlite3 *db;
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	char sql[64];
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", latest_version());
	sqlite3_exec(db, sql, NULL, NULL, NULL);
	sqlite3_close(db);
	assert_ok(rd_store_open(f->path, &f->s, &m_));
}

static void refuses_a_file_that_is_not_a_database(void **state)
{
	struct fx *f = *state;
	char p[200];
	snprintf(p, sizeof p, "%s/junk.db", f->dir);
	FILE *fp = fopen(p, "wb");
	for (int i = 0; i < 200; i++)
		fputs("this is not a database file at all. ", fp);
	fclose(fp);
	struct rd_store *s = NULL;
	assert_fails(rd_store_open(p, &s, &m_), RD_EDB, "junk.db");
	assert_null(s);
	unlink(p);
}

static void transactions_commit_and_roll_back(void **state)
{
	struct fx *f = *state;
	struct rd_store *s = f->s;
	assert_int_equal(rd_store_begin(s), RD_OK);
	rd_store_exec(s, NULL, "INSERT INTO services (name, created_at) VALUES ('a', 0)", "");
	rd_store_rollback(s);
	assert_int_equal(one(s, "SELECT count(*) FROM services"), 0);

	assert_int_equal(rd_store_begin(s), RD_OK);
	rd_store_exec(s, NULL, "INSERT INTO services (name, created_at) VALUES ('a', 0)", "");
	assert_int_equal(rd_store_commit(s), RD_OK);
	assert_int_equal(one(s, "SELECT count(*) FROM services"), 1);
	/* commit without begin */
	assert_int_equal(rd_store_commit(s), RD_ESTATE);
	rd_store_rollback(s); /* harmless */
}

static void nested_transactions(void **state)
{
	struct fx *f = *state;
	struct rd_store *s = f->s;
	/* inner commit does not commit: an outer rollback undoes it */
	assert_int_equal(rd_store_begin(s), RD_OK);
	assert_int_equal(rd_store_begin(s), RD_OK);
	rd_store_exec(s, NULL, "INSERT INTO services (name, created_at) VALUES ('inner', 0)", "");
	assert_int_equal(rd_store_commit(s), RD_OK);
	rd_store_rollback(s);
	assert_int_equal(one(s, "SELECT count(*) FROM services"), 0);

	/* an inner rollback dooms the outer commit */
	assert_int_equal(rd_store_begin(s), RD_OK);
	rd_store_exec(s, NULL, "INSERT INTO services (name, created_at) VALUES ('outer', 0)", "");
	assert_int_equal(rd_store_begin(s), RD_OK);
	rd_store_rollback(s);
	assert_int_equal(rd_store_commit(s), RD_ESTATE);
	assert_int_equal(one(s, "SELECT count(*) FROM services"), 0);

	/* and the handle is usable afterwards */
	assert_int_equal(rd_store_begin(s), RD_OK);
	rd_store_exec(s, NULL, "INSERT INTO services (name, created_at) VALUES ('after', 0)", "");
	assert_int_equal(rd_store_commit(s), RD_OK);
	assert_int_equal(one(s, "SELECT count(*) FROM services"), 1);
}

static void exec_binds_and_reports_no_row(void **state)
{
	struct fx *f = *state;
	struct rd_store *s = f->s;
	int64_t id = 0;
	assert_int_equal(rd_store_exec(s, &id, "INSERT INTO services (name, description, created_at) "
				       "VALUES (?1, ?2, ?3) RETURNING id", "tni", "Quote's \"name\"; DROP TABLE x", INT64_C(5)), RD_OK);
	assert_true(id > 0);
	char *name = text_of(s, "SELECT name FROM services WHERE id = ?1", id);
	assert_string_equal(name, "Quote's \"name\"; DROP TABLE x");
	free(name);
	assert_int_equal(one(s, "SELECT count(*) FROM services WHERE description IS NULL"), 1);
	/* a NULL text binds NULL */
	assert_int_equal(rd_store_exec(s, NULL, "UPDATE services SET description = ?1", "t", (const char *)NULL), RD_OK);
	int64_t v;
	assert_int_equal(rd_store_exec(s, &v, "SELECT id FROM services WHERE id = ?1", "i", INT64_C(9999)), RD_ENOTFOUND);
	/* a 64-bit value survives */
	assert_int_equal(rd_store_exec(s, &v, "SELECT ?1", "i", INT64_C(9007199254740993)), RD_OK);
	assert_true(v == INT64_C(9007199254740993));
	/* bad SQL is an error, not a crash */
	assert_int_equal(rd_store_exec(s, NULL, "SELEC nonsense", ""), RD_EDB);
	assert_non_null(rd_store_errmsg(s));
}

static void constraint_errors_map_to_codes(void **state)
{
	struct fx *f = *state;
	struct rd_store *s = f->s;
	assert_int_equal(rd_store_exec(s, NULL, "INSERT INTO services (name, created_at) VALUES ('Dup', 0)", ""), RD_OK);
	/* names are unique without regard to case */
	assert_int_equal(rd_store_exec(s, NULL, "INSERT INTO services (name, created_at) VALUES ('dup', 0)", ""), RD_EEXIST);
	assert_int_equal(rd_store_exec(s, NULL, "INSERT INTO clients (name, tier, created_at) VALUES ('c', 'gold', 0)", ""), RD_EINVAL);
	assert_int_equal(rd_store_exec(s, NULL, "INSERT INTO services (name, created_at) VALUES (NULL, 0)", ""), RD_EINVAL);
}

static void audit_log_is_append_only(void **state)
{
	struct fx *f = *state;
	struct rd_store *s = f->s;
	assert_int_equal(rd_audit(s, &f->sys, "client", 1, "create", NULL, NULL), RD_OK);
	assert_int_equal(one(s, "SELECT count(*) FROM audit_log"), 1);
	assert_int_not_equal(rd_store_exec(s, NULL, "UPDATE audit_log SET actor = 'me'", ""), RD_OK);
	assert_int_not_equal(rd_store_exec(s, NULL, "DELETE FROM audit_log", ""), RD_OK);
	assert_int_equal(one(s, "SELECT count(*) FROM audit_log WHERE actor = 'system:test'"), 1);
}

/* More distinct statements than the cache has slots, each used many times,
 * and one SQL text open twice at once (a list whose callback re-queries). */
static void statement_cache_overflow_and_reentry(void **state)
{
	struct fx *f = *state;
	struct rd_store *s = f->s;
	char sql[128];
	for (int round = 0; round < 3; round++) {
		for (int i = 0; i < 120; i++) {
			snprintf(sql, sizeof sql, "SELECT %d + ?1", i);
			int64_t v = -1;
			assert_int_equal(rd_store_exec(s, &v, sql, "i", (int64_t)round), RD_OK);
			assert_int_equal(v, i + round);
		}
	}
	const char *q = "SELECT value FROM json_each('[1,2,3]') WHERE value >= ?1 ORDER BY value";
	struct rd_stmt *a, *b;
	assert_int_equal(rd_store_prepare(s, q, &a), RD_OK);
	assert_int_equal(rd_store_prepare(s, q, &b), RD_OK);
	rd_stmt_bind_int(a, 1, 1);
	rd_stmt_bind_int(b, 1, 3);
	bool ra, rb;
	assert_int_equal(rd_stmt_step(a, &ra), RD_OK);
	assert_int_equal(rd_stmt_step(b, &rb), RD_OK);
	assert_true(ra && rb);
	assert_int_equal(rd_stmt_col_int(a, 0), 1);
	assert_int_equal(rd_stmt_col_int(b, 0), 3);
	assert_int_equal(rd_stmt_step(a, &ra), RD_OK);
	assert_int_equal(rd_stmt_col_int(a, 0), 2);
	assert_int_equal(rd_stmt_step(b, &rb), RD_OK);
	assert_false(rb);
	rd_stmt_free(a);
	rd_stmt_free(b);
	/* a reused statement starts fresh: bindings were cleared */
	assert_int_equal(rd_store_prepare(s, q, &a), RD_OK);
	assert_int_equal(rd_stmt_step(a, &ra), RD_OK);
	assert_false(ra); /* value >= NULL matches nothing */
	rd_stmt_free(a);
	rd_stmt_free(NULL);
}

static void column_accessors(void **state)
{
	struct fx *f = *state;
	struct rd_stmt *st;
	assert_int_equal(rd_store_prepare(f->s, "SELECT 1 AS a, 2.5 AS b, 'x' AS c, NULL AS d", &st), RD_OK);
	bool row;
	assert_int_equal(rd_stmt_step(st, &row), RD_OK);
	assert_true(row);
	assert_int_equal(rd_stmt_ncols(st), 4);
	assert_string_equal(rd_stmt_col_name(st, 2), "c");
	assert_int_equal(rd_stmt_col_int(st, 0), 1);
	assert_true(rd_stmt_col_double(st, 1) == 2.5);
	assert_string_equal(rd_stmt_col_text(st, 2), "x");
	assert_true(rd_stmt_col_null(st, 3));
	assert_null(rd_stmt_col_text(st, 3));
	assert_false(rd_stmt_col_null(st, 0));
	rd_stmt_free(st);
}

/* Two handles on one file: a committed write by one is visible to the
 * other (what the server's workers rely on). */
static void two_handles_see_each_others_commits(void **state)
{
	struct fx *f = *state;
	struct rd_store *other = NULL;
	assert_ok(rd_store_open(f->path, &other, &m_));
	assert_int_equal(rd_store_begin(f->s), RD_OK);
	rd_store_exec(f->s, NULL, "INSERT INTO services (name, created_at) VALUES ('seen', 0)", "");
	assert_int_equal(one(other, "SELECT count(*) FROM services"), 0);
	assert_int_equal(rd_store_commit(f->s), RD_OK);
	assert_int_equal(one(other, "SELECT count(*) FROM services"), 1);
	rd_store_close(other);
}

/* Only RD_STORE_CREATE makes a file; the other modes name the missing path. */
static void open_modes_missing_readonly_nomigrate(void **state)
{
	struct fx *f = *state;
	char p[200];
	snprintf(p, sizeof p, "%s/absent.db", f->dir);
	struct rd_store *s = NULL;
	assert_fails(rd_store_open_mode(p, RD_STORE_EXISTING, &s, &m_), RD_ENOTFOUND, "no database at");
	assert_fails(rd_store_open_mode(p, RD_STORE_READONLY, &s, &m_), RD_ENOTFOUND, "absent.db");
	assert_fails(rd_store_open_mode(p, RD_STORE_NOMIGRATE, &s, &m_), RD_ENOTFOUND, "absent.db");
	assert_null(s);
	assert_int_equal(access(p, F_OK), -1);
	/* a read-only handle reads and cannot write */
	assert_ok(rd_store_open_mode(f->path, RD_STORE_READONLY, &s, &m_));
	assert_true(rd_store_readonly(s));
	assert_false(rd_store_readonly(f->s));
	assert_int_equal(one(s, "SELECT count(*) FROM clients"), 0);
	assert_int_not_equal(rd_store_exec(s, NULL, "INSERT INTO services (name, created_at) VALUES ('x', 0)", ""), RD_OK);
	rd_store_close(s);
	assert_int_equal(one(f->s, "SELECT count(*) FROM services"), 0);
}

/* Reading the schema version never migrates: a database left behind (here
 * by lowering user_version) stays behind for READONLY and NOMIGRATE
 * handles and for rd_store_schema_version; EXISTING brings it up. */
static void schema_version_only_reads(void **state)
{
	struct fx *f = *state;
	int latest = latest_version(), cur = 0, lat = 0;
	/* the last migration's tables would be recreated; simulate "behind" by
	 * a version number only, which a migration run would overwrite */
	sqlite3 *db;
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "PRAGMA user_version = 1", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(rd_store_schema_version(f->s), 1);
	struct rd_store *s = NULL;
	assert_ok(rd_store_open_mode(f->path, RD_STORE_READONLY, &s, &m_));
	assert_ok(rd_store_schema_status(s, &cur, &lat, &m_));
	assert_int_equal(cur, 1);
	assert_int_equal(lat, latest);
	rd_store_close(s);
	assert_ok(rd_store_open_mode(f->path, RD_STORE_NOMIGRATE, &s, &m_));
	assert_int_equal(rd_store_schema_version(s), 1);
	rd_store_close(s);
	assert_int_equal(one(f->s, "PRAGMA user_version"), 1);
	/* put it back */
	char sql[64];
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", latest);
	assert_int_equal(rd_store_exec(f->s, NULL, sql, ""), RD_OK);
}

/* A failed bind is not lost: the step reports it and the statement does
 * not run with the parameter left NULL. */
static void a_failed_bind_fails_the_step(void **state)
{
	struct fx *f = *state;
	struct rd_stmt *st;
	assert_int_equal(rd_store_prepare(f->s, "INSERT INTO services (name, description, created_at) "
					  "VALUES ('svc', ?1, 0)", &st), RD_OK);
	assert_int_equal(rd_stmt_bind_text(st, 1, "fine"), RD_OK);
	assert_int_not_equal(rd_stmt_bind_int(st, 7, 1), RD_OK); /* no ?7 */
	bool row = true;
	assert_int_not_equal(rd_stmt_step(st, &row), RD_OK);
	assert_false(row);
	rd_stmt_free(st);
	assert_int_equal(one(f->s, "SELECT count(*) FROM services"), 0);
	/* the cached statement is clean for the next user */
	assert_int_equal(rd_store_prepare(f->s, "INSERT INTO services (name, description, created_at) "
					  "VALUES ('svc', ?1, 0)", &st), RD_OK);
	assert_int_equal(rd_stmt_bind_text(st, 1, "fine"), RD_OK);
	assert_int_equal(rd_stmt_step(st, &row), RD_OK);
	rd_stmt_free(st);
	assert_int_equal(one(f->s, "SELECT count(*) FROM services"), 1);
}

static void fault_injection_fails_the_nth_statement(void **state)
{
	struct fx *f = *state;
	int64_t v = 0;
	/* exec is a prepare (1) and a step (2): the step fails, once */
	rd_store_fail_after(f->s, 2);
	assert_int_equal(rd_store_exec(f->s, &v, "SELECT 1", ""), RD_EDB);
	assert_string_equal(rd_store_errmsg(f->s), "injected fault");
	assert_int_equal(rd_store_exec(f->s, &v, "SELECT 1", ""), RD_OK);
	rd_store_fail_after(f->s, 1);
	assert_int_equal(rd_store_exec(f->s, &v, "SELECT 1", ""), RD_EDB);
	rd_store_fail_after(f->s, 0);
	assert_int_equal(rd_store_exec(f->s, &v, "SELECT 2", ""), RD_OK);
	assert_int_equal(v, 2);
}

/* Migration 0004: portal_links.created_by held a pointer's value; it
 * becomes the inviting user's id (from the audit log) and only an integer
 * naming a user (or NULL) is accepted from then on. */
static void created_by_migrates_to_a_user_id(void **state)
{
	struct fx *f = *state;
	rd_store_close(f->s);
	f->s = NULL;
	fx_paths_remove(f);
	assert_int_equal(mkdir(f->dir, 0700), 0);
	sqlite3 *db;
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	int n = 0;
	for (const struct rd_embedded *m = rd_sqlite_migrations; m->name && n < 3; m++, n++)
		assert_int_equal(sqlite3_exec(db, m->data, NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db,
		"PRAGMA user_version = 3;"
		"INSERT INTO users (id, email, name, role, created_at) VALUES (7, 'ann@x.example', 'Ann', 'agent', 0);"
		"INSERT INTO clients (id, name, created_at) VALUES (1, 'C', 0);"
		"INSERT INTO contacts (id, client_id, name, email, created_at) VALUES (1, 1, 'P', 'p@c.example', 0);"
		"INSERT INTO portal_links (id, contact_id, client_id, token_hash, created_by, created_at, expires_at) "
		"  VALUES (1, 1, 1, 'h1', 94601234567890, 0, 10), (2, 1, 1, 'h2', 94601234567999, 0, 10);"
		"INSERT INTO audit_log (at, actor, entity, entity_id, action) VALUES (0, 'ann@x.example', 'portal_link', 1, 'create'),"
		"  (0, 'system:cli', 'portal_link', 2, 'create');", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_ok(rd_store_open(f->path, &f->s, &m_));
	assert_int_equal(one(f->s, "SELECT created_by FROM portal_links WHERE id = 1"), 7);
	assert_int_equal(one(f->s, "SELECT typeof(created_by) = 'integer' FROM portal_links WHERE id = 1"), 1);
	assert_int_equal(one(f->s, "SELECT created_by IS NULL FROM portal_links WHERE id = 2"), 1);
	/* text, or a number that names no user, is refused by the store */
	assert_int_not_equal(rd_store_exec(f->s, NULL, "INSERT INTO portal_links (contact_id, client_id, token_hash, "
		"created_by, created_at, expires_at) VALUES (1, 1, 'h3', 'ann@x.example', 0, 10)", ""), RD_OK);
	assert_int_not_equal(rd_store_exec(f->s, NULL, "INSERT INTO portal_links (contact_id, client_id, token_hash, "
		"created_by, created_at, expires_at) VALUES (1, 1, 'h4', 94601234567890, 0, 10)", ""), RD_OK);
	assert_int_equal(one(f->s, "SELECT count(*) FROM portal_links"), 2);
}


/* The database of migration N - 1 with its rows in place: migrations 1..N-1
 * run on a raw connection with foreign keys on (as the store runs them),
 * then SETUP. */
static void db_at_version(struct fx *f, int n, const char *setup)
{
	rd_store_close(f->s);
	f->s = NULL;
	fx_paths_remove(f);
	assert_int_equal(mkdir(f->dir, 0700), 0);
	sqlite3 *db;
	char *err = NULL;
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON", NULL, NULL, NULL),
			 SQLITE_OK);
	int k = 0;
	for (const struct rd_embedded *m = rd_sqlite_migrations; m->name && k < n - 1; m++, k++)
		assert_int_equal(sqlite3_exec(db, m->data, NULL, NULL, NULL), SQLITE_OK);
	char bump[64];
	snprintf(bump, sizeof bump, "PRAGMA user_version = %d", n - 1);
	assert_int_equal(sqlite3_exec(db, bump, NULL, NULL, NULL), SQLITE_OK);
	if (sqlite3_exec(db, setup, NULL, NULL, &err) != SQLITE_OK)
		fail_msg("setup: %s", err ? err : "?");
	sqlite3_close(db);
}

/* Rows of both tables and of those that reference communications, for the
 * 0012 tests: two clients, a failure, three communications (one a chase,
 * one internal), two impacts, and a discrepancy, a commitment and an
 * outbox row pointing at the communications. */
static const char rows_0012[] =
	"INSERT INTO users (id, email, name, role, created_at) VALUES (7, 'ann@x.example', 'Ann', 'agent', 0);"
	"INSERT INTO clients (id, name, created_at) VALUES (1, 'C1', 0), (2, 'C2', 0);"
	"INSERT INTO failures (id, title, severity, detected_at, created_at) VALUES (1, 'F', 2, 100, 100);"
	"INSERT INTO impacts (id, failure_id, client_id, affected, severity, financial_cents, point_person_id, "
	"  recovery_status, created_at) VALUES (1, 1, 1, 'yes', 2, 500, 7, 'plan-presented', 100), "
	"  (2, 1, 2, 'suspected', NULL, NULL, NULL, 'awaiting-apology', 101);"
	"INSERT INTO communications (id, failure_id, client_id, channel, direction, kind, at, author_id, summary, "
	"  visibility, chase, fact_eta, fact_cause, created_at) VALUES "
	"  (1, 1, 1, 'email', 'out', 'apology', 200, 7, 'sorry', 'client', 0, NULL, NULL, 200), "
	"  (2, 1, 1, 'call', 'in', 'other', 300, NULL, 'where is it', 'client', 1, NULL, NULL, 300), "
	"  (3, 1, 2, 'letter', 'out', 'plan', 400, 7, 'plan', 'internal', 0, 9000, 'a disk', 400);"
	"INSERT INTO discrepancies (failure_id, client_id, communication_id, earlier_id, fact, at) "
	"  VALUES (1, 1, 2, 1, 'eta', 300);"
	"INSERT INTO commitments (client_id, failure_id, text, communication_id, created_at) "
	"  VALUES (1, 1, 'call back', 2, 300);"
	"INSERT INTO outbox (channel, idem_key, kind, recipient, payload, failure_id, client_id, "
	"  communication_id, next_attempt_at, created_at) VALUES ('email', 'k1', 'c', 'p@c.example', '{}', 1, 1, 3, 0, 0);";

/* Every row of both tables, as one text. */
static const char all_rows_0012[] =
	"SELECT (SELECT group_concat(x, '|') FROM (SELECT quote(id) || quote(failure_id) || quote(client_id) || "
	"quote(affected) || quote(severity) || quote(operational) || quote(financial_cents) || quote(reputational) || "
	"quote(compliance) || quote(data) || quote(point_person_id) || quote(recovery_status) || quote(created_at) "
	"AS x FROM impacts ORDER BY id)) || '#' || (SELECT group_concat(x, '|') FROM (SELECT quote(id) || "
	"quote(failure_id) || quote(client_id) || quote(channel) || quote(direction) || quote(kind) || quote(at) || "
	"quote(author_id) || quote(contact_id) || quote(summary) || quote(body) || quote(visibility) || quote(chase) || "
	"quote(fact_eta) || quote(fact_cause) || quote(fact_remedy) || quote(fact_amount_cents) || "
	"quote(fact_currency) || quote(created_at) AS x FROM communications ORDER BY id))";
/* The schema's indexes and triggers (names and texts), and the columns
 * of both tables in order. Quotes aside: an index made on the new table
 * names it "communications" once the rename has rewritten its text. */
static const char schema_0012[] =
	"SELECT (SELECT group_concat(x, '|') FROM (SELECT type || ':' || name || ':' || tbl_name || ':' || "
	"replace(coalesce(sql, ''), '\"', '') AS x FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY name)) || '#' || "
	"(SELECT group_concat(name || type || \"notnull\" || coalesce(dflt_value, '') || pk, ',') FROM "
	"pragma_table_info('communications')) || '#' || (SELECT group_concat(name || type || \"notnull\" || "
	"coalesce(dflt_value, '') || pk, ',') FROM pragma_table_info('impacts'))";

static char *raw_text(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	const char *v = (const char *)sqlite3_column_text(st, 0);
	char *copy = strdup(v ? v : "");
	sqlite3_finalize(st);
	return copy;
}

static char *text_at(const char *path, const char *sql)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	char *v = raw_text(db, sql);
	sqlite3_close(db);
	return v;
}

/* Migration 0012 rebuilds communications and impacts with OR chains for
 * their CHECKs (an IN list costs SQLite an ephemeral table per row
 * written): every row, index, trigger and referencing row survives, the
 * checks still refuse a bad value, foreign keys still hold and are on. */
static void check_or_migration_keeps_rows_and_rules(void **state)
{
	struct fx *f = *state;
	db_at_version(f, 12, rows_0012);
	char *rows = text_at(f->path, all_rows_0012), *schema = text_at(f->path, schema_0012);
	assert_non_null(strstr(rows, "'plan-presented'"));
	assert_ok(rd_store_open(f->path, &f->s, &m_));
	assert_true(rd_store_schema_version(f->s) >= 12);
	char *rows2 = text_at(f->path, all_rows_0012), *schema2 = text_at(f->path, schema_0012);
	assert_string_equal(rows2, rows);
	assert_string_equal(schema2, schema);
	free(rows);
	free(rows2);
	free(schema);
	free(schema2);
	assert_int_equal(one(f->s, "SELECT count(*) FROM sqlite_master WHERE name IN ('communications', 'impacts') "
			    "AND sql LIKE '% IN (%'"), 0);
	assert_int_equal(one(f->s, "SELECT count(*) FROM sqlite_master WHERE name LIKE 'new_%'"), 0);
	assert_int_equal(one(f->s, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
	assert_int_equal(one(f->s, "PRAGMA foreign_keys"), 1);
	assert_int_equal(one(f->s, "SELECT count(*) FROM discrepancies d JOIN communications a ON a.id = "
			    "d.communication_id JOIN communications b ON b.id = d.earlier_id"), 1);
	/* the rules: a bad value of every checked column is refused */
	static const char *const bad[] = {
		"UPDATE impacts SET affected = 'maybe' WHERE id = 1",
		"UPDATE impacts SET recovery_status = 'done' WHERE id = 1",
		"UPDATE communications SET channel = 'fax' WHERE id = 1",
		"UPDATE communications SET direction = 'sideways' WHERE id = 1",
		"UPDATE communications SET kind = 'gossip' WHERE id = 1",
		"UPDATE communications SET visibility = 'secret' WHERE id = 1",
		"UPDATE communications SET chase = 2 WHERE id = 1",
		"INSERT INTO communications (client_id, channel, kind, at, created_at) VALUES (1, 'Email', 'apology', 0, 0)",
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		assert_int_equal(rd_store_exec(f->s, NULL, bad[i], ""), RD_EINVAL);
	/* good values pass; the references still hold both ways */
	assert_ok(rd_store_exec(f->s, NULL, "UPDATE impacts SET affected = 'no', recovery_status = 'closed' "
				"WHERE id = 2", ""));
	assert_ok(rd_store_exec(f->s, NULL, "INSERT INTO communications (client_id, channel, direction, kind, at, "
				"visibility, chase, created_at) VALUES (2, 'portal', 'in', 'correction', 0, 'internal', "
				"1, 0)", ""));
	assert_int_equal(rd_store_exec(f->s, NULL, "INSERT INTO discrepancies (failure_id, client_id, "
				       "communication_id, fact, at) VALUES (1, 1, 99, 'eta', 0)", ""), RD_ENOTFOUND);
	assert_int_equal(rd_store_exec(f->s, NULL, "DELETE FROM communications WHERE id = 2", ""), RD_ENOTFOUND);
	assert_int_equal(rd_store_exec(f->s, NULL, "INSERT INTO impacts (failure_id, client_id, created_at) "
				       "VALUES (1, 99, 0)", ""), RD_ENOTFOUND);
	/* the failure's cascade still reaches its impacts */
	assert_ok(rd_store_exec(f->s, NULL, "DELETE FROM discrepancies", ""));
	assert_ok(rd_store_exec(f->s, NULL, "DELETE FROM outbox", ""));
	assert_ok(rd_store_exec(f->s, NULL, "DELETE FROM commitments", ""));
	assert_ok(rd_store_exec(f->s, NULL, "DELETE FROM communications WHERE failure_id = 1", ""));
	assert_ok(rd_store_exec(f->s, NULL, "DELETE FROM failures WHERE id = 1", ""));
	assert_int_equal(one(f->s, "SELECT count(*) FROM impacts"), 0);
}

/* A rebuild that would leave a reference without its row is not committed:
 * the schema stays at 11 with its rows, and foreign keys are on again. */
static void check_or_migration_refuses_a_broken_reference(void **state)
{
	struct fx *f = *state;
	char setup[2048];
	/* a discrepancy naming communication 42, which does not exist (put in
	 * with foreign keys off, as a hand edit could) */
	snprintf(setup, sizeof setup, "%sPRAGMA foreign_keys=OFF; INSERT INTO discrepancies (failure_id, client_id, "
		 "communication_id, fact, at) VALUES (1, 1, 42, 'eta', 0);", rows_0012);
	db_at_version(f, 12, setup);
	char *rows = text_at(f->path, all_rows_0012);
	char *msg = NULL;
	assert_int_equal(rd_store_open(f->path, &f->s, &msg), RD_EDB);
	assert_non_null(strstr(msg, "foreign_key_check"));
	free(msg);
	assert_null(f->s);
	char *version = text_at(f->path, "PRAGMA user_version");
	assert_string_equal(version, "11");
	free(version);
	char *rows2 = text_at(f->path, all_rows_0012);
	assert_string_equal(rows2, rows);
	free(rows);
	free(rows2);
	/* repaired, it migrates; the handle has foreign keys on */
	sqlite3 *db;
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "DELETE FROM discrepancies WHERE communication_id = 42", NULL, NULL, NULL),
			 SQLITE_OK);
	sqlite3_close(db);
	assert_ok(rd_store_open(f->path, &f->s, &m_));
	assert_int_equal(one(f->s, "PRAGMA foreign_keys"), 1);
	assert_true(one(f->s, "PRAGMA user_version") >= 12);
}

int main(void)
{
	/* this is the SQLite backend's test, whatever backend the run is for */
	unsetenv("REDRESS_TEST_PG");
#define T(fn) cmocka_unit_test_setup_teardown(fn, fx_setup, fx_teardown)
	const struct CMUnitTest tests[] = {
		T(open_creates_and_migrates),
		T(check_or_migration_keeps_rows_and_rules),
		T(check_or_migration_refuses_a_broken_reference),
		T(wal_synchronous_full_and_foreign_keys),
		cmocka_unit_test(refuses_bad_targets),
		T(refuses_a_newer_schema),
		T(refuses_a_file_that_is_not_a_database),
		T(transactions_commit_and_roll_back),
		T(nested_transactions),
		T(exec_binds_and_reports_no_row),
		T(constraint_errors_map_to_codes),
		T(audit_log_is_append_only),
		T(statement_cache_overflow_and_reentry),
		T(column_accessors),
		T(two_handles_see_each_others_commits),
		T(open_modes_missing_readonly_nomigrate),
		T(schema_version_only_reads),
		T(a_failed_bind_fails_the_step),
		T(fault_injection_fails_the_nth_statement),
		T(created_by_migrates_to_a_user_id),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
