/* store_sqlite_test.c — lib/store/store.c + store_sqlite.c: opening creates
 * and migrates, reopening is idempotent, WAL and foreign keys are on, nested
 * transactions (an inner rollback dooms the outer commit), constraint errors
 * map to the right codes, the statement cache survives more statements than
 * it has slots and re-entrant use of one SQL text, the audit log is
 * append-only, and a newer schema or a postgres:// URL is refused. */
#include "../unit.h"

#include <sqlite3.h>

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
	assert_fails(rd_store_open("postgres://u@h/db", &s, &m_), RD_EINVAL, "PostgreSQL");
	assert_fails(rd_store_open("postgresql://u@h/db", &s, &m_), RD_EINVAL, "PostgreSQL");
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

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, fx_setup, fx_teardown)
	const struct CMUnitTest tests[] = {
		T(open_creates_and_migrates),
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
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
