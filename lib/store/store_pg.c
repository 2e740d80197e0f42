/* store_pg.c — the PostgreSQL backend on libpq, for teams that run several
 * servers on one database. Same contract as store_sqlite.c: `?N` is turned
 * into `$N` once per connection and the statement PQprepare'd and cached by
 * its SQL text; a write transaction holds one advisory lock (the twin of
 * SQLite's BEGIN IMMEDIATE), shared by keyed writers that lock their client
 * instead (rd_store_begin_keyed); SQLSTATEs map to the codes SQLite's errors map
 * to; a lost connection is RD_EDB and is re-opened by the next begin/prepare.
 * Inside a transaction, writes whose answer nobody reads (rd_stmt_step_later)
 * wait in libpq's pipeline mode and go with the next statement that must
 * answer, or the COMMIT: one round trip for them all. */
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "redress/store.h"
#include "store/store_int.h"
#include "util/embed.h"

/* Advisory lock keys (pg_advisory_xact_lock): migrations, and writers.
 * Arbitrary but fixed; "rdmg" and "rdwr" in ASCII. */
#define LOCK_MIGRATE INT64_C(0x72646d67)
#define LOCK_WRITE INT64_C(0x72647772)
#define BUCKETS 256
#define INT8OID 20
#define INT2OID 21
#define INT4OID 23
#define BOOLOID 16
#define TEXTOID 25

/* One statement prepared on this connection, found again by its SQL text. */
struct pg_entry {
	struct pg_entry *next;
	char *sql;            /* the text as the caller wrote it (the key) */
	char name[16];        /* the server-side name, "rd<n>" */
	int nparams;
	Oid *types;           /* nparams parameter types, as prepared */
	int ncols;
	char **colnames;      /* ncols names, as PostgreSQL reports them */
	unsigned generation;  /* the connection it was prepared on */
};

struct pg_store {
	struct rd_store_base base;
	PGconn *conn;
	enum rd_store_mode mode;
	int busy_ms;
	bool in_tx;           /* a BEGIN was sent and not yet ended */
	bool lost;            /* the connection broke: reconnect before the next use */
	unsigned generation;  /* bumped on every (re)connect: older entries are stale */
	unsigned next_name;
	int queued;           /* statements sent in pipeline mode, answers unread */
	int64_t round_trips;  /* waits for the server (rd_store_round_trips) */
	struct pg_entry *cache[BUCKETS];
	char err[512];
};

struct pg_stmt {
	struct rd_stmt_base base;
	struct pg_store *s;
	struct pg_entry *e;
	char **vals;          /* nparams bound values in text form (NULL: SQL NULL) */
	PGresult *res;        /* after the first step: every row */
	int row;              /* the row the cursor is on (-1 before the first) */
};

#define PG(s) ((struct pg_store *)(s))
#define PST(x) ((struct pg_stmt *)(x))

static void set_err(struct pg_store *s, const char *what, const char *detail)
{
	size_t n;
	snprintf(s->err, sizeof s->err, "%s%s%s", what ? what : "", what && detail ? ": " : "",
		 detail ? detail : "");
	n = strlen(s->err);
	while (n && (s->err[n - 1] == '\n' || s->err[n - 1] == ' '))
		s->err[--n] = 0;
}

/* The code a PostgreSQL error stands for; the comments give SQLite's twin
 * (see map_rc in store_sqlite.c). Marks the connection lost when it is. */
static enum rd_err map_sqlstate(struct pg_store *s, const PGresult *r)
{
	if (PQstatus(s->conn) != CONNECTION_OK) {
		s->lost = true;
		set_err(s, "connection to PostgreSQL lost", PQerrorMessage(s->conn));
		return RD_EDB;
	}
	const char *state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
	set_err(s, NULL, r ? PQresultErrorMessage(r) : PQerrorMessage(s->conn));
	if (!state)
		return RD_EDB;
	if (!strcmp(state, "23505"))
		return RD_EEXIST;      /* SQLITE_CONSTRAINT_UNIQUE / PRIMARYKEY */
	if (!strcmp(state, "23503"))
		return RD_ENOTFOUND;   /* SQLITE_CONSTRAINT_FOREIGNKEY */
	if (!strncmp(state, "23", 2) || !strcmp(state, "P0001"))
		return RD_EINVAL;      /* CHECK, NOT NULL, a trigger's RAISE(ABORT) */
	if (!strncmp(state, "22", 2))
		return RD_EINVAL;      /* SQLITE_MISMATCH / TOOBIG: bad data */
	if (!strcmp(state, "40001") || !strcmp(state, "40P01") || !strcmp(state, "55P03") ||
	    !strcmp(state, "57014"))
		return RD_EBUSY;       /* SQLITE_BUSY: another writer, try again */
	if (!strcmp(state, "53200"))
		return RD_ENOMEM;
	if (!strncmp(state, "08", 2) || !strncmp(state, "57P", 3)) {
		s->lost = true;        /* the server went away or is shutting down */
		set_err(s, "connection to PostgreSQL lost", PQresultErrorMessage(r));
	}
	return RD_EDB;
}

/* Queues a statement in pipeline mode (entering it first): prepared NAME,
 * or without a name the text SQL, with N values VALS. A queue
 * that libpq refuses leaves the pipeline in no known state: the connection
 * is given up, as a lost one (its transaction is lost with it). */
static enum rd_err queue(struct pg_store *s, const char *name, int n, const char *const *vals, const char *sql)
{
	if ((PQpipelineStatus(s->conn) != PQ_PIPELINE_OFF || PQenterPipelineMode(s->conn)) &&
	    (name ? PQsendQueryPrepared(s->conn, name, n, vals, NULL, NULL, 0)
		  : PQsendQueryParams(s->conn, sql, n, NULL, vals, NULL, NULL, 0))) {
		s->queued++;
		return RD_OK;
	}
	enum rd_err rc = map_sqlstate(s, NULL);
	s->lost = true;
	return rc;
}

/* Ends the pipeline of the queued statements: a sync point, then their
 * answers, read in order; with LAST, the answer of the one queued last
 * (the statement the caller waits for) is handed over in *LAST. The first
 * failure among them is the result, mapped as any other (s->err says what
 * it was): a queued write that failed is reported by the statement after
 * it, which the server then skipped, as everything up to the sync point. */
static enum rd_err pipeline_sync(struct pg_store *s, PGresult **last)
{
	enum rd_err rc = RD_OK;
	int n = s->queued;
	s->queued = 0;
	s->round_trips++;
	if (last)
		*last = NULL;
	if (!PQpipelineSync(s->conn)) {
		rc = map_sqlstate(s, NULL);
		s->lost = true;
		return rc;
	}
	for (int i = 0; i < n; i++) {
		PGresult *r = PQgetResult(s->conn);
		if (!r) { /* no answer: the connection broke */
			rc = rc ? rc : map_sqlstate(s, NULL);
			s->lost = true;
			return rc;
		}
		ExecStatusType st = PQresultStatus(r);
		if (rc == RD_OK && st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK)
			rc = map_sqlstate(s, r);
		if (last && i == n - 1)
			*last = r;
		else
			PQclear(r);
		while ((r = PQgetResult(s->conn))) /* each statement's answer ends with a NULL */
			PQclear(r);
	}
	PGresult *r = PQgetResult(s->conn);
	bool synced = PQresultStatus(r) == PGRES_PIPELINE_SYNC;
	PQclear(r);
	if (!synced || !PQexitPipelineMode(s->conn)) {
		if (rc == RD_OK)
			rc = map_sqlstate(s, NULL);
		s->lost = true;
	}
	return rc;
}

/* Sends what is queued, before a call that cannot join a pipeline (PQexec,
 * PQprepare): a queued write's failure is this call's. */
static enum rd_err flush_queued(struct pg_store *s)
{
	return s->queued ? pipeline_sync(s, NULL) : RD_OK;
}

/* Runs a command with no parameters and no rows wanted. */
static enum rd_err pg_cmd(struct pg_store *s, const char *sql)
{
	enum rd_err rc = flush_queued(s);
	if (rc)
		return rc;
	s->round_trips++;
	PGresult *r = PQexec(s->conn, sql);
	if (PQresultStatus(r) != PGRES_COMMAND_OK && PQresultStatus(r) != PGRES_TUPLES_OK)
		rc = map_sqlstate(s, r);
	PQclear(r);
	return rc;
}

static void free_entry(struct pg_entry *e);

static void drop_cache(struct pg_store *s)
{
	for (int i = 0; i < BUCKETS; i++) {
		struct pg_entry *e = s->cache[i], *n;
		for (; e; e = n) {
			n = e->next;
			free_entry(e);
		}
		s->cache[i] = NULL;
	}
}

/* The session settings every connection starts with: durable commits, the
 * write-lock wait, times as plain numbers (the schema stores epoch seconds). */
static enum rd_err session_setup(struct pg_store *s)
{
	char sql[256];
	snprintf(sql, sizeof sql,
		 "SET synchronous_commit = on; SET lock_timeout = %d; SET client_min_messages = warning; "
		 "SET default_transaction_read_only = %s",
		 s->busy_ms, s->mode == RD_STORE_READONLY ? "on" : "off");
	return pg_cmd(s, sql);
}

/* Re-opens a lost connection (a PostgreSQL restart): statements prepared on
 * the old one are gone with it. Never inside a transaction. */
static enum rd_err reconnect(struct pg_store *s)
{
	if (!s->lost && PQstatus(s->conn) == CONNECTION_OK)
		return RD_OK;
	if (s->in_tx)
		return RD_EDB;
	PQreset(s->conn);
	if (PQstatus(s->conn) != CONNECTION_OK) {
		set_err(s, "cannot reconnect to PostgreSQL", PQerrorMessage(s->conn));
		return RD_EDB;
	}
	s->generation++;      /* every cached statement must be prepared again */
	s->lost = false;
	s->queued = 0;        /* a new connection, out of pipeline mode */
	return session_setup(s);
}

static void pg_close(struct rd_store *rs)
{
	struct pg_store *s = PG(rs);
	drop_cache(s);
	PQfinish(s->conn);
	free(s);
}

/* How many migrations this build carries; *bad names one out of sequence. */
static int migrations_known(const struct rd_embedded **bad)
{
	int latest = 0;
	*bad = NULL;
	for (const struct rd_embedded *m = rd_pg_migrations; m->name; m++) {
		if ((int)strtol(m->name, NULL, 10) != latest + 1) {
			*bad = m;
			return latest;
		}
		latest++;
	}
	return latest;
}

/* The version in schema_version, 0 when the table does not exist yet. */
static enum rd_err read_version(struct pg_store *s, int *v, char **errmsg)
{
	s->round_trips++;
	PGresult *r = PQexec(s->conn, "SELECT CASE WHEN to_regclass('schema_version') IS NULL THEN 0 "
				      "ELSE (SELECT coalesce(max(version), 0) FROM schema_version) END");
	enum rd_err rc = RD_OK;
	if (PQresultStatus(r) != PGRES_TUPLES_OK || PQntuples(r) != 1)
		rc = rd_fail(map_sqlstate(s, r), errmsg, "cannot read schema version: %s", s->err);
	else
		*v = (int)strtol(PQgetvalue(r, 0, 0), NULL, 10);
	PQclear(r);
	return rc;
}

static enum rd_err pg_schema_status(struct rd_store *rs, int *current, int *latest, char **errmsg)
{
	struct pg_store *s = PG(rs);
	const struct rd_embedded *bad;
	*latest = migrations_known(&bad);
	enum rd_err rc = reconnect(s);
	if (rc == RD_OK)
		rc = flush_queued(s);
	if (rc)
		return rd_fail(rc, errmsg, "%s", s->err);
	return read_version(s, current, errmsg);
}

/* Applies pending migrations, one transaction each. The advisory lock makes
 * a second process that starts at the same time wait, then find the work
 * done (it re-reads the version under the lock). */
static enum rd_err pg_migrate(struct rd_store *rs, int *version, char **errmsg)
{
	struct pg_store *s = PG(rs);
	const struct rd_embedded *bad;
	int latest = migrations_known(&bad), v = 0;
	enum rd_err rc;
	if (bad)
		return rd_fail(RD_EDB, errmsg, "migration %s is out of sequence (expected %04d)", bad->name,
			       latest + 1);
	for (;;) {
		char sql[160];
		if ((rc = pg_cmd(s, "BEGIN")))
			return rd_fail(rc, errmsg, "cannot start a migration: %s", s->err);
		snprintf(sql, sizeof sql,
			 "SELECT pg_advisory_xact_lock(%lld); "
			 "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at BIGINT NOT NULL)",
			 (long long)LOCK_MIGRATE);
		if ((rc = pg_cmd(s, sql)) || (rc = read_version(s, &v, errmsg))) {
			rd_fail(rc, errmsg, "cannot lock the schema for migration: %s", s->err);
			goto out;
		}
		if (v > latest) {
			rc = rd_fail(RD_EDB, errmsg,
				"database schema version %d is newer than this redress (%d); upgrade redress", v, latest);
			goto out;
		}
		if (v == latest)
			break;
		const struct rd_embedded *m = &rd_pg_migrations[v];
		if ((rc = pg_cmd(s, m->data))) {
			rd_fail(RD_EDB, errmsg, "migration %s failed: %s", m->name, s->err);
			goto out;
		}
		snprintf(sql, sizeof sql,
			 "INSERT INTO schema_version (version, applied_at) "
			 "VALUES (%d, CAST(extract(epoch FROM now()) AS BIGINT))", v + 1);
		if ((rc = pg_cmd(s, sql)) || (rc = pg_cmd(s, "COMMIT"))) {
			rd_fail(RD_EDB, errmsg, "migration %s failed to commit: %s", m->name, s->err);
			goto out;
		}
	}
	rc = pg_cmd(s, "COMMIT");
	if (rc == RD_OK && version)
		*version = v;
	return rc;
out:
	pg_cmd(s, "ROLLBACK");
	return rc ? rc : RD_EDB;
}

static bool pg_readonly(struct rd_store *rs)
{
	struct pg_store *s = PG(rs);
	if (s->mode == RD_STORE_READONLY)
		return true;
	const char *hs = PQparameterStatus(s->conn, "in_hot_standby");
	const char *ro = PQparameterStatus(s->conn, "default_transaction_read_only");
	return (hs && !strcmp(hs, "on")) || (ro && !strcmp(ro, "on"));
}

/* "db on host:port" for messages: the URL without its password. */
static void describe(PGconn *c, const char *target, char *buf, size_t n)
{
	if (c && PQdb(c) && PQhost(c))
		snprintf(buf, n, "PostgreSQL database '%s' on %s:%s", PQdb(c), PQhost(c), PQport(c));
	else
		snprintf(buf, n, "PostgreSQL database '%.*s'", (int)strcspn(target, "?"), target);
}

/* libpq prints the server's notices (a shutdown's "terminating
 * connection" warning) on stderr by default; a library must not: what
 * matters comes back as an error through the call that met it. */
static void quiet(void *arg, const char *message)
{
	(void)arg;
	(void)message;
}

static enum rd_err pg_open(const char *target, enum rd_store_mode mode, struct rd_store **out,
			   char **errmsg)
{
	struct pg_store *s = calloc(1, sizeof *s);
	char what[256];
	enum rd_err rc = RD_OK;
	if (!s)
		return rd_fail(RD_ENOMEM, errmsg, "out of memory");
	s->base.ops = &rd_store_pg_ops;
	s->mode = mode;
	s->busy_ms = RD_STORE_BUSY_MS;
	s->conn = PQconnectdb(target);
	describe(s->conn, target, what, sizeof what);
	if (!s->conn) {
		free(s);
		return rd_fail(RD_ENOMEM, errmsg, "out of memory");
	}
	PQsetNoticeProcessor(s->conn, quiet, NULL);
	if (PQstatus(s->conn) != CONNECTION_OK) {
		const char *m = PQerrorMessage(s->conn);
		set_err(s, NULL, m);
		if (strstr(m, "does not exist") && strstr(m, "database"))
			rc = rd_fail(RD_ENOTFOUND, errmsg, "no %s (create it with createdb, then `redress init`): %s",
				     what, s->err);
		else
			rc = rd_fail(RD_EDB, errmsg, "cannot connect to %s: %s", what, s->err);
		goto out;
	}
	if ((rc = session_setup(s))) {
		rd_fail(rc, errmsg, "%s: %s", what, s->err);
		goto out;
	}
	if (mode == RD_STORE_CREATE || mode == RD_STORE_EXISTING) {
		rc = pg_migrate((struct rd_store *)s, NULL, errmsg);
	} else {
		int v = 0, latest = 0;
		rc = pg_schema_status((struct rd_store *)s, &v, &latest, errmsg);
		if (rc == RD_OK && v > latest)
			rc = rd_fail(RD_EDB, errmsg, "database schema version %d is newer than this redress (%d); "
				     "upgrade redress", v, latest);
	}
out:
	if (rc) {
		pg_close((struct rd_store *)s);
		return rc;
	}
	*out = (struct rd_store *)s;
	return RD_OK;
}

static void pg_busy_timeout(struct rd_store *rs, int ms)
{
	struct pg_store *s = PG(rs);
	char sql[64];
	s->busy_ms = ms > 0 ? ms : 0;
	snprintf(sql, sizeof sql, "SET lock_timeout = %d", s->busy_ms);
	if (!s->lost)
		pg_cmd(s, sql);
}

/* A transaction takes the write lock at once, as SQLite's BEGIN IMMEDIATE
 * does: writers queue (up to lock_timeout, then RD_EBUSY) instead of failing
 * each other's read-then-write checks. A keyed transaction takes the same
 * lock shared: keyed writers run side by side (each then locks the client
 * it writes for, pg_lock_key), an exclusive one waits for all of them and
 * they for it. Readers outside a transaction run beside them all. A
 * read-only handle takes no lock (begin_with). A connection found broken
 * here (the server restarted since the last use) is re-opened and the
 * BEGIN sent again: nothing had been done on it yet. */
/* Opens a transaction with SEND(s, ARG) on a live connection: one found
 * broken is re-opened and it is all sent again (nothing was done on it
 * yet); a failure rolls back what was begun. */
static enum rd_err begin_retried(struct pg_store *s, enum rd_err (*send)(struct pg_store *, const char *),
				 const char *arg)
{
	enum rd_err rc = reconnect(s);
	if (rc)
		return rc;
	rc = send(s, arg);
	if (rc && s->lost && reconnect(s) == RD_OK)
		rc = send(s, arg);
	if (rc) {
		if (!s->lost)
			pg_cmd(s, "ROLLBACK");
		return rc;
	}
	s->in_tx = true;
	return RD_OK;
}

static enum rd_err begin_sql(struct pg_store *s, const char *sql)
{
	return begin_retried(s, pg_cmd, sql);
}

static enum rd_err begin_with(struct pg_store *s, const char *lock_fn)
{
	char sql[96];
	if (s->mode == RD_STORE_READONLY)
		snprintf(sql, sizeof sql, "BEGIN");
	else
		snprintf(sql, sizeof sql, "BEGIN; SELECT %s(%lld)", lock_fn, (long long)LOCK_WRITE);
	return begin_sql(s, sql);
}

/* One snapshot for every statement until COMMIT, and no write lock: a
 * reader never queues behind writers. */
static enum rd_err pg_begin_read(struct rd_store *rs)
{
	return begin_sql(PG(rs), "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
}

static enum rd_err pg_begin(struct rd_store *rs)
{
	return begin_with(PG(rs), "pg_advisory_xact_lock");
}

static enum rd_err pg_begin_keyed(struct rd_store *rs)
{
	return begin_with(PG(rs), "pg_advisory_xact_lock_shared");
}

static enum rd_err cached_entry(struct pg_store *s, const char *sql, struct pg_entry **out);
static enum rd_err pg_lock_key(struct rd_store *rs, int64_t key);
static void pg_rollback(struct rd_store *rs);

/* BEGIN, the shared write lock and KEY's lock (as text) behind one sync
 * point, the locks as statements prepared once per connection (not
 * parsed and planned on every write); the first failure is the result. */
static enum rd_err begin_and_lock(struct pg_store *s, const char *key)
{
	char w[24];
	snprintf(w, sizeof w, "%lld", (long long)LOCK_WRITE);
	const char *wv[1] = {w}, *kv[1] = {key};
	struct pg_entry *shared, *one;
	enum rd_err rc = cached_entry(s, "SELECT pg_advisory_xact_lock_shared(?1)", &shared);
	if (rc == RD_OK)
		rc = cached_entry(s, "SELECT pg_advisory_xact_lock(?1)", &one);
	if (rc == RD_OK)
		rc = queue(s, NULL, 0, NULL, "BEGIN");
	if (rc == RD_OK)
		rc = queue(s, shared->name, 1, wv, NULL);
	if (rc == RD_OK)
		rc = queue(s, one->name, 1, kv, NULL);
	return rc == RD_OK ? pipeline_sync(s, NULL) : rc;
}

/* A keyed BEGIN with its first key lock (rd_store_begin_keyed_on): one
 * round trip where begin_keyed and lock_key take two, retried as any
 * BEGIN (begin_retried). */
static enum rd_err pg_begin_keyed_on(struct rd_store *rs, int64_t key)
{
	struct pg_store *s = PG(rs);
	char v[24];
	snprintf(v, sizeof v, "%lld", (long long)key);
	/* a read-only handle takes no write lock (begin_with): the two calls */
	if (s->mode == RD_STORE_READONLY) {
		enum rd_err rc = pg_begin_keyed(rs);
		if (rc == RD_OK && (rc = pg_lock_key(rs, key)))
			pg_rollback(rs);
		return rc;
	}
	return begin_retried(s, begin_and_lock, v);
}

/* A key of a keyed transaction (store.c makes it from the client's id),
 * held until the transaction ends; waits up to lock_timeout. */
static enum rd_err pg_lock_key(struct rd_store *rs, int64_t key)
{
	struct pg_store *s = PG(rs);
	char v[24];
	const char *params[1] = {v};
	snprintf(v, sizeof v, "%lld", (long long)key);
	enum rd_err rc = flush_queued(s);
	if (rc)
		return rc;
	s->round_trips++;
	PGresult *r = PQexecParams(s->conn, "SELECT pg_advisory_xact_lock($1::bigint)", 1, NULL, params, NULL,
				   NULL, 0);
	rc = PQresultStatus(r) == PGRES_TUPLES_OK ? RD_OK : map_sqlstate(s, r);
	PQclear(r);
	return rc;
}

/* The writes still queued go with the COMMIT, in its round trip; when one
 * of them failed, the server skipped the COMMIT and the transaction is
 * still open (and failed): in_tx stays, for the rollback that follows. */
static enum rd_err pg_commit(struct rd_store *rs)
{
	struct pg_store *s = PG(rs);
	PGresult *r = NULL;
	enum rd_err rc = RD_OK;
	if (s->queued) {
		if ((rc = queue(s, NULL, 0, NULL, "COMMIT")) == RD_OK)
			rc = pipeline_sync(s, &r);
	} else {
		s->round_trips++;
		r = PQexec(s->conn, "COMMIT");
		if (PQresultStatus(r) != PGRES_COMMAND_OK)
			rc = map_sqlstate(s, r);
	}
	/* A COMMIT of a failed transaction answers "ROLLBACK": nothing was written. */
	if (rc == RD_OK && strcmp(PQcmdStatus(r), "COMMIT") != 0) {
		set_err(s, "the transaction failed earlier and was rolled back", NULL);
		rc = RD_EDB;
	}
	PQclear(r);
	s->in_tx = rc != RD_OK && !s->lost;
	return rc;
}

/* What is still queued is dropped with the transaction; it is sent (and
 * its answers read) first: a ROLLBACK in the same pipeline would be
 * skipped after a queued write's failure. */
static void pg_rollback(struct rd_store *rs)
{
	struct pg_store *s = PG(rs);
	if (s->queued && !s->lost)
		pipeline_sync(s, NULL);
	if (!s->lost && PQstatus(s->conn) == CONNECTION_OK) {
		s->round_trips++;
		PGresult *r = PQexec(s->conn, "ROLLBACK");
		PQclear(r);
	}
	s->queued = 0;
	s->in_tx = false;
}

/* Copies SQL with SQLite's `?N` (and bare `?`) placeholders as `$N`, leaving
 * quoted strings, identifiers and comments alone; *nparams gets the highest. */
static char *translate(const char *sql, int *nparams)
{
	size_t n = strlen(sql);
	char *out = malloc(n * 7 + 8), *o = out;
	int maxp = 0;
	if (!out)
		return NULL;
	for (const char *p = sql; *p;) {
		if (*p == '\'' || *p == '"') {
			char q = *p;
			*o++ = *p++;
			while (*p) {
				if (*p == q && p[1] == q) {
					*o++ = *p++;
					*o++ = *p++;
				} else if (*p == q) {
					*o++ = *p++;
					break;
				} else {
					*o++ = *p++;
				}
			}
		} else if (p[0] == '-' && p[1] == '-') {
			while (*p && *p != '\n')
				*o++ = *p++;
		} else if (*p == '?') {
			p++;
			int num = 0;
			if (*p >= '0' && *p <= '9')
				while (*p >= '0' && *p <= '9' && num < 100000)
					num = num * 10 + (*p++ - '0');
			else
				num = maxp + 1;
			if (num > maxp)
				maxp = num;
			/* "?N" keeps its length; a bare "?" grows to at most "$99999" */
			o += snprintf(o, (size_t)(out + n * 7 + 8 - o), "$%d", num);
		} else {
			*o++ = *p++;
		}
	}
	*o = 0;
	*nparams = maxp;
	return out;
}

/* True when the translated TEXT mentions $N (not as a prefix of $N0). */
static bool uses_param(const char *text, int n)
{
	char tag[16];
	int len = snprintf(tag, sizeof tag, "$%d", n);
	for (const char *p = text; (p = strstr(p, tag)); p += len)
		if (p[len] < '0' || p[len] > '9')
			return true;
	return false;
}

static unsigned hash(const char *s)
{
	unsigned h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* PREPAREs E's text and learns its parameters and columns. A parameter
 * PostgreSQL guessed to be a 2- or 4-byte integer (from `?1 - 60`, say) is
 * re-declared BIGINT: every integer redress binds is 64-bit. */
static enum rd_err prepare_entry(struct pg_store *s, struct pg_entry *e, const char *text)
{
	enum rd_err rc = RD_OK;
	PGresult *r = NULL, *d = NULL;
	if (!(e->types = calloc((size_t)e->nparams + 1, sizeof *e->types)))
		return RD_ENOMEM;
	/* A parameter the text never uses (a list whose filter became IS NULL
	 * still numbers the later ones) has no type to infer: call it text. */
	for (int i = 1; i <= e->nparams; i++)
		if (!uses_param(text, i))
			e->types[i - 1] = TEXTOID;
	for (int pass = 0, tries = 0; pass < 2; pass++) {
		snprintf(e->name, sizeof e->name, "rd%u", s->next_name++);
		s->round_trips++;
		r = PQprepare(s->conn, e->name, text, e->nparams, e->types);
		/* `?1 IS NULL OR …` gives PostgreSQL nothing to infer ?1 from
		 * (42P08 or 42P18, naming $N): such a parameter is text, as
		 * SQLite would compare it. */
		const char *state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
		const char *dollar = strchr(PQresultErrorMessage(r), '$');
		int n = dollar ? (int)strtol(dollar + 1, NULL, 10) : 0;
		if (state && (!strcmp(state, "42P18") || !strcmp(state, "42P08")) && n >= 1 &&
		    n <= e->nparams && !e->types[n - 1] && tries++ < e->nparams) {
			PQclear(r);
			r = NULL;
			e->types[n - 1] = TEXTOID;
			pass--;
			continue;
		}
		if (PQresultStatus(r) != PGRES_COMMAND_OK) {
			rc = map_sqlstate(s, r);
			goto out;
		}
		PQclear(r);
		r = NULL;
		s->round_trips++;
		d = PQdescribePrepared(s->conn, e->name);
		if (PQresultStatus(d) != PGRES_COMMAND_OK) {
			rc = map_sqlstate(s, d);
			goto out;
		}
		bool narrow = false;
		for (int i = 0; i < PQnparams(d) && i < e->nparams; i++) {
			Oid t = PQparamtype(d, i);
			narrow |= t == INT4OID || t == INT2OID;
			e->types[i] = t == INT4OID || t == INT2OID ? INT8OID : t;
		}
		if (!narrow || pass == 1)
			break;
		PQclear(d);
		d = NULL;
		char dealloc[48];
		snprintf(dealloc, sizeof dealloc, "DEALLOCATE %s", e->name);
		pg_cmd(s, dealloc);
	}
	e->ncols = PQnfields(d);
	e->colnames = calloc((size_t)e->ncols + 1, sizeof *e->colnames);
	if (!e->colnames) {
		rc = RD_ENOMEM;
		goto out;
	}
	for (int c = 0; c < e->ncols; c++)
		if (!(e->colnames[c] = strdup(PQfname(d, c)))) {
			rc = RD_ENOMEM;
			goto out;
		}
out:
	PQclear(r);
	PQclear(d);
	return rc;
}

/* After a reconnect: the same text with the types learnt the first time. */
static enum rd_err reprepare_entry(struct pg_store *s, struct pg_entry *e)
{
	int n;
	char *text = translate(e->sql, &n);
	if (!text)
		return RD_ENOMEM;
	snprintf(e->name, sizeof e->name, "rd%u", s->next_name++);
	s->round_trips++;
	PGresult *r = PQprepare(s->conn, e->name, text, e->nparams, e->types);
	enum rd_err rc = PQresultStatus(r) == PGRES_COMMAND_OK ? RD_OK : map_sqlstate(s, r);
	PQclear(r);
	free(text);
	if (rc == RD_OK)
		e->generation = s->generation;
	return rc;
}

static void free_entry(struct pg_entry *e)
{
	for (int c = 0; c < e->ncols && e->colnames; c++)
		free(e->colnames[c]);
	free(e->colnames);
	free(e->types);
	free(e->sql);
	free(e);
}

/* SQL's statement on this connection (*OUT, owned by the cache): found by
 * its text, prepared again after a reconnect, or prepared now. */
static enum rd_err cached_entry(struct pg_store *s, const char *sql, struct pg_entry **out)
{
	enum rd_err rc;
	unsigned b = hash(sql) % BUCKETS;
	struct pg_entry *e = s->cache[b];
	while (e && strcmp(e->sql, sql) != 0)
		e = e->next;
	/* PQprepare cannot join a pipeline: what is queued goes first */
	if ((!e || e->generation != s->generation) && (rc = flush_queued(s)))
		return rc;
	if (e && e->generation != s->generation && (rc = reprepare_entry(s, e)))
		return rc;
	if (!e) {
		char *text = NULL;
		if (!(e = calloc(1, sizeof *e)) || !(e->sql = strdup(sql)) ||
		    !(text = translate(sql, &e->nparams))) {
			if (e)
				free(e->sql);
			free(e);
			return RD_ENOMEM;
		}
		rc = prepare_entry(s, e, text);
		free(text);
		if (rc) {
			free_entry(e);
			return rc;
		}
		e->generation = s->generation;
		e->next = s->cache[b];
		s->cache[b] = e;
	}
	*out = e;
	return RD_OK;
}

static enum rd_err pg_prepare(struct rd_store *rs, const char *sql, struct rd_stmt **out)
{
	struct pg_store *s = PG(rs);
	enum rd_err rc;
	*out = NULL;
	if (!s->in_tx && (rc = reconnect(s)))
		return rc;
	if (s->lost) {
		set_err(s, "connection to PostgreSQL lost", "inside a transaction, which is lost with it");
		return RD_EDB;
	}
	struct pg_entry *e;
	if ((rc = cached_entry(s, sql, &e)))
		return rc;
	struct pg_stmt *w = calloc(1, sizeof *w);
	if (!w || (e->nparams && !(w->vals = calloc((size_t)e->nparams, sizeof *w->vals)))) {
		free(w);
		return RD_ENOMEM;
	}
	w->base.ops = &rd_store_pg_ops;
	w->base.store = &s->base;
	w->s = s;
	w->e = e;
	w->row = -1;
	*out = (struct rd_stmt *)w;
	return RD_OK;
}

static enum rd_err set_param(struct rd_stmt *x, int i, const char *text)
{
	struct pg_stmt *w = PST(x);
	if (i < 1 || i > w->e->nparams) {
		set_err(w->s, "bind index out of range", NULL);
		return RD_EINVAL;  /* SQLITE_RANGE */
	}
	char *copy = NULL;
	if (text && !(copy = strdup(text)))
		return RD_ENOMEM;
	free(w->vals[i - 1]);
	w->vals[i - 1] = copy;
	return RD_OK;
}

static enum rd_err pg_bind_int(struct rd_stmt *x, int i, int64_t v)
{
	char b[24];
	snprintf(b, sizeof b, "%lld", (long long)v);
	return set_param(x, i, b);
}

static enum rd_err pg_bind_double(struct rd_stmt *x, int i, double v)
{
	char b[40];
	snprintf(b, sizeof b, "%.17g", v);
	return set_param(x, i, b);
}

static enum rd_err pg_bind_text(struct rd_stmt *x, int i, const char *v) { return set_param(x, i, v); }
static enum rd_err pg_bind_null(struct rd_stmt *x, int i) { return set_param(x, i, NULL); }

/* A statement that only reads: running it again cannot do anything twice. */
static bool only_reads(const char *sql)
{
	while (*sql == ' ' || *sql == '\n' || *sql == '\t')
		sql++;
	return strncasecmp(sql, "SELECT", 6) == 0;
}

/* The first step runs the statement and keeps every row; the next ones walk
 * them. A read outside a transaction whose connection turns out broken is
 * run again once on a new connection; a write is not (it may have
 * committed before the connection broke), nor anything inside a
 * transaction (which was lost with the connection). */
static enum rd_err pg_step(struct rd_stmt *x, bool *row)
{
	struct pg_stmt *w = PST(x);
	struct pg_store *s = w->s;
	*row = false;
	if (!w->res && s->queued && !s->lost && w->e->generation == s->generation) {
		/* the queued writes go first, in this statement's round trip */
		enum rd_err rc = queue(s, w->e->name, w->e->nparams, (const char *const *)w->vals, NULL);
		if (rc == RD_OK)
			rc = pipeline_sync(s, &w->res);
		if (rc) {
			PQclear(w->res);
			w->res = NULL;
			return rc;
		}
	}
	if (!w->res) {
		if (s->lost || w->e->generation != s->generation) {
			set_err(s, "connection to PostgreSQL lost", "the statement was prepared before it broke");
			return RD_EDB;
		}
		s->round_trips++;
		w->res = PQexecPrepared(s->conn, w->e->name, w->e->nparams, (const char *const *)w->vals, NULL,
					NULL, 0);
		if (PQresultStatus(w->res) == PGRES_FATAL_ERROR && PQstatus(s->conn) != CONNECTION_OK &&
		    !s->in_tx && only_reads(w->e->sql)) {
			s->lost = true;
			if (reconnect(s) == RD_OK && reprepare_entry(s, w->e) == RD_OK) {
				PQclear(w->res);
				s->round_trips++;
				w->res = PQexecPrepared(s->conn, w->e->name, w->e->nparams,
							(const char *const *)w->vals, NULL, NULL, 0);
			}
		}
		ExecStatusType st = PQresultStatus(w->res);
		if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) {
			enum rd_err rc = map_sqlstate(s, w->res);
			PQclear(w->res);
			w->res = NULL;
			return rc;
		}
	}
	if (w->row + 1 < PQntuples(w->res)) {
		w->row++;
		*row = true;
	} else {
		w->row = PQntuples(w->res);
	}
	return RD_OK;
}

/* A write nobody waits for (rd_stmt_step_later): inside a transaction it
 * is queued, to go with the next statement that waits (pg_step, the
 * COMMIT; anything else sends the queue first). Outside one it commits on
 * its own: stepped as always. */
static enum rd_err pg_step_later(struct rd_stmt *x)
{
	struct pg_stmt *w = PST(x);
	struct pg_store *s = w->s;
	if (!s->in_tx || s->lost || w->e->generation != s->generation || w->res) {
		bool row;
		return pg_step(x, &row);
	}
	return queue(s, w->e->name, w->e->nparams, (const char *const *)w->vals, NULL);
}

static int64_t pg_round_trips(struct rd_store *rs)
{
	return PG(rs)->round_trips;
}

static int pg_ncols(struct rd_stmt *x) { return PST(x)->e->ncols; }
static const char *pg_col_name(struct rd_stmt *x, int c)
{
	struct pg_stmt *w = PST(x);
	return c >= 0 && c < w->e->ncols ? w->e->colnames[c] : NULL;
}

static bool on_row(struct pg_stmt *w, int c)
{
	return w->res && w->row >= 0 && w->row < PQntuples(w->res) && c >= 0 && c < PQnfields(w->res);
}

static bool pg_col_null(struct rd_stmt *x, int c)
{
	struct pg_stmt *w = PST(x);
	return !on_row(w, c) || PQgetisnull(w->res, w->row, c);
}

/* Text as SQLite would give it: a boolean is 1 or 0. */
static const char *pg_col_text(struct rd_stmt *x, int c)
{
	struct pg_stmt *w = PST(x);
	if (!on_row(w, c) || PQgetisnull(w->res, w->row, c))
		return NULL;
	const char *v = PQgetvalue(w->res, w->row, c);
	if (PQftype(w->res, c) == BOOLOID)
		return v[0] == 't' ? "1" : "0";
	return v;
}

static double pg_col_double(struct rd_stmt *x, int c)
{
	const char *v = pg_col_text(x, c);
	return v ? strtod(v, NULL) : 0.0;
}

/* As sqlite3_column_int64: a real is truncated, text that is no number is 0. */
static int64_t pg_col_int(struct rd_stmt *x, int c)
{
	const char *v = pg_col_text(x, c);
	if (!v)
		return 0;
	if (strpbrk(v, ".eE"))
		return (int64_t)strtod(v, NULL);
	return strtoll(v, NULL, 10);
}

static void pg_finalize(struct rd_stmt *x)
{
	struct pg_stmt *w = PST(x);
	for (int i = 0; i < w->e->nparams; i++)
		free(w->vals[i]);
	free(w->vals);
	PQclear(w->res);
	free(w);
}

static bool pg_conn_lost(struct rd_store *rs)
{
	struct pg_store *s = PG(rs);
	return s->lost || PQstatus(s->conn) != CONNECTION_OK;
}

static const char *pg_errmsg(struct rd_store *rs)
{
	struct pg_store *s = PG(rs);
	return s->err[0] ? s->err : PQerrorMessage(s->conn);
}

const struct rd_store_ops rd_store_pg_ops = {
	.name = "postgres",
	.open = pg_open,
	.close = pg_close,
	.begin = pg_begin,
	.commit = pg_commit,
	.rollback = pg_rollback,
	.prepare = pg_prepare,
	.bind_int = pg_bind_int,
	.bind_double = pg_bind_double,
	.bind_text = pg_bind_text,
	.bind_null = pg_bind_null,
	.step = pg_step,
	.ncols = pg_ncols,
	.col_name = pg_col_name,
	.col_null = pg_col_null,
	.col_int = pg_col_int,
	.col_double = pg_col_double,
	.col_text = pg_col_text,
	.finalize = pg_finalize,
	.errmsg = pg_errmsg,
	.migrate = pg_migrate,
	.schema_status = pg_schema_status,
	.readonly = pg_readonly,
	.busy_timeout = pg_busy_timeout,
	.conn_lost = pg_conn_lost,
	.begin_keyed = pg_begin_keyed,
	.begin_read = pg_begin_read,
	.lock_key = pg_lock_key,
	.begin_keyed_on = pg_begin_keyed_on,
	.step_later = pg_step_later,
	.round_trips = pg_round_trips,
};
