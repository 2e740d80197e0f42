/* unit.h — what the unit tests of lib/ share: a fresh database per test in
 * a private temporary directory (setup/teardown for cmocka), JSON literals,
 * and asserts on library results that print the library's own message.
 * With REDRESS_TEST_PG set to a PostgreSQL admin URL (tests/pg/pgserver.py
 * sets it), the fresh database is a PostgreSQL one instead: a copy of a
 * template migrated once per program, dropped after the test.
 *
 * Header-only (static functions) so each test program stays one file in
 * tests/unit/meson.build. */
#ifndef REDRESS_TESTS_UNIT_H
#define REDRESS_TESTS_UNIT_H
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "redress/model.h"
#include "redress/store.h"
#include "redress/time.h"

/* The instant every test calls "now" (the actors' now), 2026-11-22T12:00:00Z. */
#define T_NOW INT64_C(1795348800)
#define T_HOUR 3600
#define T_DAY 86400

struct fx {
	char dir[64];
	char path[256];     /* the SQLite file, or the PostgreSQL URL */
	struct rd_store *s;
	struct rd_actor sys;
};

/* The PostgreSQL admin URL the tests run against, or NULL for SQLite. */
static inline const char *fx_pg(void)
{
	const char *u = getenv("REDRESS_TEST_PG");
	return u && *u ? u : NULL;
}

/* Skips the calling test on PostgreSQL, saying why (it tests something
 * only a SQLite file has). */
#define SQLITE_ONLY(why)                                                               \
	do {                                                                         \
		if (fx_pg()) {                                                       \
			fprintf(stderr, "[  SKIP    ] on PostgreSQL: %s\n", why);        \
			skip();                                                      \
		}                                                                    \
	} while (0)

/* The URL of database NAME on the admin URL's server. */
static inline void fx_pg_url(const char *name, char *buf, size_t n)
{
	const char *admin = fx_pg();
	const char *slash = strrchr(admin, '/');
	snprintf(buf, n, "%.*s/%s", (int)(slash - admin), admin, name);
}

/* Runs one statement on the admin database; false (and a message) on error. */
static inline int fx_pg_admin(const char *sql)
{
	PGconn *c = PQconnectdb(fx_pg());
	int ok = PQstatus(c) == CONNECTION_OK;
	if (ok) {
		PGresult *r = PQexec(c, sql);
		ok = PQresultStatus(r) == PGRES_COMMAND_OK;
		if (!ok)
			fprintf(stderr, "unit: %s: %s", sql, PQresultErrorMessage(r));
		PQclear(r);
	} else {
		fprintf(stderr, "unit: %s", PQerrorMessage(c));
	}
	PQfinish(c);
	return ok;
}

static inline void fx_pg_drop_template(void)
{
	char sql[96];
	snprintf(sql, sizeof sql, "DROP DATABASE IF EXISTS rd_utpl_%d WITH (FORCE)", (int)getpid());
	fx_pg_admin(sql);
}

/* A new PostgreSQL database for one test, copied from a template this
 * program migrated on its first call; its URL goes into f->path. */
static inline int fx_pg_create(struct fx *f)
{
	static int made, n;
	char sql[192], url[256];
	if (!made) {
		snprintf(sql, sizeof sql, "CREATE DATABASE rd_utpl_%d", (int)getpid());
		if (!fx_pg_admin(sql))
			return -1;
		snprintf(sql, sizeof sql, "rd_utpl_%d", (int)getpid());
		fx_pg_url(sql, url, sizeof url);
		struct rd_store *s = NULL;
		char *msg = NULL;
		if (rd_store_open(url, &s, &msg)) {
			fprintf(stderr, "fx_setup: template: %s\n", msg ? msg : "?");
			free(msg);
			return -1;
		}
		rd_store_close(s);
		atexit(fx_pg_drop_template);
		made = 1;
	}
	snprintf(sql, sizeof sql, "rd_u_%d_%d", (int)getpid(), ++n);
	fx_pg_url(sql, f->path, sizeof f->path);
	snprintf(sql, sizeof sql, "CREATE DATABASE rd_u_%d_%d TEMPLATE rd_utpl_%d", (int)getpid(), n,
		 (int)getpid());
	return fx_pg_admin(sql) ? 0 : -1;
}

static inline void fx_paths_remove(struct fx *f)
{
	if (fx_pg()) {
		char sql[320];
		const char *name = strrchr(f->path, '/');
		if (name && name[1]) {
			snprintf(sql, sizeof sql, "DROP DATABASE IF EXISTS %s WITH (FORCE)", name + 1);
			fx_pg_admin(sql);
		}
		rmdir(f->dir);
		return;
	}
	static const char *const suffix[] = {"", "-wal", "-shm", "-journal"};
	char p[300];
	for (int i = 0; i < 4; i++) {
		snprintf(p, sizeof p, "%s%s", f->path, suffix[i]);
		unlink(p);
	}
	rmdir(f->dir);
}

/* cmocka setup: a new empty, migrated database; *state is a struct fx. */
static inline int fx_setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	if (!f)
		return -1;
	const char *tmp = getenv("TMPDIR");
	snprintf(f->dir, sizeof f->dir, "%s/rd-unit-XXXXXX", tmp && *tmp && strlen(tmp) < 40 ? tmp : "/tmp");
	if (!mkdtemp(f->dir)) {
		free(f);
		return -1;
	}
	snprintf(f->path, sizeof f->path, "%s/test.db", f->dir);
	if (fx_pg() && fx_pg_create(f)) {
		rmdir(f->dir);
		free(f);
		return -1;
	}
	char *msg = NULL;
	if (rd_store_open(f->path, &f->s, &msg)) {
		fprintf(stderr, "fx_setup: %s\n", msg ? msg : "?");
		free(msg);
		fx_paths_remove(f);
		free(f);
		return -1;
	}
	rd_actor_system(&f->sys, "test");
	f->sys.now = T_NOW;
	*state = f;
	return 0;
}

static inline int fx_teardown(void **state)
{
	struct fx *f = *state;
	if (!f)
		return 0;
	rd_store_close(f->s);
	fx_paths_remove(f);
	free(f);
	return 0;
}

/* A JSON value from a literal; fails the test when it does not parse. */
static inline json_t *J(const char *text)
{
	json_error_t e;
	json_t *j = json_loads(text, JSON_DECODE_ANY, &e);
	if (!j)
		fail_msg("bad JSON literal at %d: %s: %s", e.position, e.text, text);
	return j;
}

/* Asserts CALL returns RD_OK, printing the library's message if not. CALL
 * passes `&m_` as its errmsg argument: assert_ok(rd_x(s, …, &m_)). */
#define assert_ok(call)                                                              \
	do {                                                                         \
		char *m_ = NULL;                                                     \
		enum rd_err rc_ = (call);                                            \
		if (rc_ != RD_OK)                                                    \
			fail_msg("%s -> %s: %s", #call, rd_err_name(rc_), m_ ? m_ : ""); \
		free(m_);                                                            \
	} while (0)

/* Checks that CALL (passing `&m_` as its errmsg) fails with WANT and a
 * message containing NEEDLE (NULL: any message, or none). */
#define assert_fails(call, want, needle)                                            \
	do {                                                                         \
		char *m_ = NULL;                                                     \
		enum rd_err rc_ = (call);                                            \
		check_failure(rc_, m_, (want), (needle), #call);                     \
	} while (0)

static inline void check_failure(enum rd_err rc, char *msg, enum rd_err want, const char *needle,
				 const char *what)
{
	if (rc != want)
		fail_msg("%s: expected %s, got %s (%s)", what, rd_err_name(want), rd_err_name(rc),
			 msg ? msg : "no message");
	if (needle && (!msg || !strstr(msg, needle)))
		fail_msg("%s: message '%s' does not contain '%s'", what, msg ? msg : "(none)", needle);
	free(msg);
}

/* count(*) of a query with no parameters. */
static inline int64_t count_rows(struct rd_store *s, const char *sql)
{
	int64_t n = -1;
	if (rd_store_exec(s, &n, sql, ""))
		fail_msg("query failed: %s: %s", sql, rd_store_errmsg(s));
	return n;
}

/* A text column of the first row of SQL with one int parameter; malloc'd. */
static inline char *text_of(struct rd_store *s, const char *sql, int64_t id)
{
	struct rd_stmt *st;
	if (rd_store_prepare(s, sql, &st))
		fail_msg("prepare failed: %s: %s", sql, rd_store_errmsg(s));
	rd_stmt_bind_int(st, 1, id);
	bool row = false;
	char *out = NULL;
	if (rd_stmt_step(st, &row) == RD_OK && row && rd_stmt_col_text(st, 0))
		out = strdup(rd_stmt_col_text(st, 0));
	rd_stmt_free(st);
	return out;
}

/* An actor of ROLE for a staff user created on the spot. */
static inline struct rd_actor make_user(struct fx *f, const char *email, const char *role)
{
	json_t *in = json_pack("{ss ss ss}", "email", email, "name", email, "role", role);
	struct rd_actor a;
	char *m = NULL;
	if (rd_user_add(f->s, &f->sys, in, NULL, NULL, &m))
		fail_msg("user add %s: %s", email, m ? m : "?");
	json_decref(in);
	if (rd_actor_for_user(f->s, email, &a, &m))
		fail_msg("actor %s: %s", email, m ? m : "?");
	a.now = T_NOW;
	return a;
}

/* Adds a client by JSON literal and returns its id. */
static inline int64_t add_client(struct fx *f, const char *json)
{
	json_t *in = J(json);
	int64_t id = 0;
	char *m = NULL;
	if (rd_client_add(f->s, &f->sys, in, &id, &m))
		fail_msg("client add %s: %s", json, m ? m : "?");
	json_decref(in);
	return id;
}

/* Opens a failure by JSON literal and returns its id. */
static inline int64_t open_failure(struct fx *f, const char *json)
{
	json_t *in = J(json);
	int64_t id = 0;
	char *m = NULL;
	if (rd_failure_open(f->s, &f->sys, in, &id, &m))
		fail_msg("failure open %s: %s", json, m ? m : "?");
	json_decref(in);
	return id;
}

/* A string field of a record, via rd_record_get; malloc'd or NULL. */
static inline char *field_str(struct fx *f, const char *entity, int64_t id, const char *key)
{
	json_t *r = NULL;
	char *m = NULL;
	if (rd_record_get(f->s, entity, id, &r, &m))
		fail_msg("get %s #%lld: %s", entity, (long long)id, m ? m : "?");
	const char *v = json_string_value(json_object_get(r, key));
	char *out = v ? strdup(v) : NULL;
	json_decref(r);
	return out;
}

static inline void assert_field(struct fx *f, const char *entity, int64_t id, const char *key,
				const char *want)
{
	char *v = field_str(f, entity, id, key);
	if (!v || strcmp(v, want) != 0)
		fail_msg("%s #%lld .%s = '%s', want '%s'", entity, (long long)id, key, v ? v : "(null)", want);
	free(v);
}

#endif
