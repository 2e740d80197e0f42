/* store.h — the storage interface: one database handle, transactions, and
 * prepared statements with bound parameters.
 *
 * Domain code writes portable SQL (placeholders `?1`, `?2`…; `RETURNING id`
 * for new rows) and runs it through these calls; each backend (SQLite,
 * PostgreSQL) fills in struct rd_store_ops. SQL text is always a
 * compile-time constant or built from compile-time identifiers; values are
 * always bound, never spliced in.
 *
 * A handle is used by one thread at a time; the server opens one per worker. */
#ifndef REDRESS_STORE_H
#define REDRESS_STORE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "redress/err.h"

struct rd_store;
struct rd_stmt;

/* How a database is opened (rd_store_open_mode). */
enum rd_store_mode {
	RD_STORE_CREATE,     /* create the file if missing, apply migrations */
	RD_STORE_EXISTING,   /* the file must exist (RD_ENOTFOUND), apply migrations */
	RD_STORE_NOMIGRATE,  /* must exist; read-write; never migrates (server workers) */
	RD_STORE_READONLY,   /* must exist; opened read-only; never migrates or writes */
};

struct rd_store_ops {
	const char *name;
	enum rd_err (*open)(const char *target, enum rd_store_mode mode, struct rd_store **out,
			    char **errmsg);
	void (*close)(struct rd_store *s);
	enum rd_err (*begin)(struct rd_store *s);
	enum rd_err (*commit)(struct rd_store *s);
	void (*rollback)(struct rd_store *s);
	enum rd_err (*prepare)(struct rd_store *s, const char *sql, struct rd_stmt **out);
	enum rd_err (*bind_int)(struct rd_stmt *st, int idx, int64_t v);
	enum rd_err (*bind_double)(struct rd_stmt *st, int idx, double v);
	enum rd_err (*bind_text)(struct rd_stmt *st, int idx, const char *v);
	enum rd_err (*bind_null)(struct rd_stmt *st, int idx);
	/* RD_OK with *row true for a row, false when done. */
	enum rd_err (*step)(struct rd_stmt *st, bool *row);
	int (*ncols)(struct rd_stmt *st);
	const char *(*col_name)(struct rd_stmt *st, int col);
	bool (*col_null)(struct rd_stmt *st, int col);
	int64_t (*col_int)(struct rd_stmt *st, int col);
	double (*col_double)(struct rd_stmt *st, int col);
	/* Borrowed: valid until the next step or finalize. NULL for SQL NULL. */
	const char *(*col_text)(struct rd_stmt *st, int col);
	void (*finalize)(struct rd_stmt *st);
	/* The last database error message (borrowed). */
	const char *(*errmsg)(struct rd_store *s);
	/* Applies pending migrations; *version gets the schema version after. */
	enum rd_err (*migrate)(struct rd_store *s, int *version, char **errmsg);
	/* Reads the schema version in force and the latest this build knows,
	 * without changing anything. */
	enum rd_err (*schema_status)(struct rd_store *s, int *current, int *latest, char **errmsg);
	/* True when the database cannot be written (file or directory
	 * permissions, a read-only open). */
	bool (*readonly)(struct rd_store *s);
	/* How long a write waits for another connection's lock before failing
	 * with RD_EBUSY (milliseconds); may be NULL for a backend without one. */
	void (*busy_timeout)(struct rd_store *s, int ms);
	/* True when concurrent writers should share one transaction and one
	 * durable commit (struct rd_group): SQLite, whose single writer and
	 * fsync per commit are the bottleneck. A backend with its own write
	 * concurrency (PostgreSQL) leaves it false: each request then runs
	 * its own transaction on its own handle, side by side. */
	bool group_commit;
	/* Runs a statement without rows and without parameters (savepoints,
	 * BEGIN); RD_OK or the mapped error. */
	enum rd_err (*exec_simple)(struct rd_store *s, const char *sql);
	/* True when the connection broke since its last successful use (a
	 * server restart); NULL for a backend without connections (SQLite). */
	bool (*conn_lost)(struct rd_store *s);
	/* A keyed transaction (rd_store_begin_keyed) and its key locks; NULL
	 * for a backend with one writer at a time (SQLite): begin is used. */
	enum rd_err (*begin_keyed)(struct rd_store *s);
	enum rd_err (*lock_key)(struct rd_store *s, int64_t key);
	/* begin_keyed and lock_key in one (rd_store_begin_keyed_on); NULL:
	 * the two are called. */
	enum rd_err (*begin_keyed_on)(struct rd_store *s, int64_t key);
	/* A read snapshot (rd_store_begin_read); NULL: begin is used. */
	enum rd_err (*begin_read)(struct rd_store *s);
	/* Moves this handle's WAL checkpoints off its commits, to a thread of
	 * the backend's own, until the handle is closed (the group's writer:
	 * a checkpoint inside a group's commit stalls every member); NULL for
	 * a backend without them (PostgreSQL). */
	enum rd_err (*offload_checkpoints)(struct rd_store *s, char **errmsg);
	/* Runs a write whose answer nobody reads (rd_stmt_step_later): a
	 * backend with round trips may queue it, to go with the next statement
	 * that must answer; NULL: step is used. */
	enum rd_err (*step_later)(struct rd_stmt *st);
	/* The times the handle waited for its server (rd_store_round_trips);
	 * NULL for a backend without one (SQLite). */
	int64_t (*round_trips)(struct rd_store *s);
};

/* Every handle starts with this, so the generic calls find the backend. */
struct rd_store_base {
	const struct rd_store_ops *ops;
	int tx_depth;       /* nesting of rd_store_begin calls */
	bool tx_failed;     /* an inner scope rolled back: the outer must too */
	int fail_in;        /* fault injection: the Nth next prepare/step fails (0: off) */
	enum rd_err fail_rc; /* ... with this error (RD_EDB unless told otherwise) */
	enum rd_err last_fail; /* the latest failed prepare/step/begin/commit (rd_store_last_failure) */
	bool fault_fired;   /* the last failure was injected (rd_store_errmsg says so) */
	/* Set by struct rd_group while a member runs: the member's outermost
	 * rd_store_begin/commit/rollback become a savepoint inside the group's
	 * transaction, made durable by the group's one commit. */
	bool in_group;
	int64_t n_prepares; /* statements prepared on this handle (rd_store_stats) */
	int64_t n_steps;    /* rd_stmt_step calls on this handle's statements */
	bool tx_keyed;      /* the open transaction began keyed: rd_store_lock_key locks */
};

extern const struct rd_store_ops rd_store_sqlite_ops;
extern const struct rd_store_ops rd_store_pg_ops;

/* True when TARGET names a PostgreSQL database (postgres:// or
 * postgresql://, libpq's URL form); anything else is a SQLite file path. */
bool rd_store_target_is_pg(const char *target);
/* The backend's name: "sqlite" or "postgres" (borrowed, static). */
const char *rd_store_backend(struct rd_store *s);

/* Opens TARGET: a file path for SQLite, or a postgres:// URL (the database
 * must exist; its schema is created here). Creates the file if needed and
 * applies migrations (mode RD_STORE_CREATE). *out is a new handle the
 * caller closes with rd_store_close. */
enum rd_err rd_store_open(const char *target, struct rd_store **out, char **errmsg);
/* The same with an explicit mode. A missing file (modes other than CREATE)
 * is RD_ENOTFOUND with "no database at PATH"; a file that is not a SQLite
 * database is RD_EDB naming it. */
enum rd_err rd_store_open_mode(const char *target, enum rd_store_mode mode, struct rd_store **out,
			       char **errmsg);
void rd_store_close(struct rd_store *s);
/* The schema version in force; reads only (never migrates). -1 when the
 * database cannot be read. */
int rd_store_schema_version(struct rd_store *s);
/* The version in force and the latest this build knows; reads only. */
enum rd_err rd_store_schema_status(struct rd_store *s, int *current, int *latest, char **errmsg);
/* True when writes to this database will fail because it is read-only. */
bool rd_store_readonly(struct rd_store *s);

/* Fault injection, for tests of error paths: the Nth next rd_store_prepare
 * or rd_stmt_step on S (1 = the very next) fails with RD_EDB, and
 * rd_store_errmsg then says "injected fault". 0 turns it off. */
void rd_store_fail_after(struct rd_store *s, int n);
/* The same, failing with RC instead (RD_EBUSY: a database another program
 * holds locked), so callers' mapping of each error can be tested. */
void rd_store_fail_after_with(struct rd_store *s, int n, enum rd_err rc);

/* Transactions nest: only the outermost begin/commit touch the database; a
 * rollback anywhere makes the outermost commit fail with RD_ESTATE. A commit
 * returns only after the write is durable. */
enum rd_err rd_store_begin(struct rd_store *s);
enum rd_err rd_store_commit(struct rd_store *s);
void rd_store_rollback(struct rd_store *s);

/* Writers side by side (PostgreSQL; docs/internals/store.md, "Concurrent
 * writers"). A transaction begun with rd_store_begin runs alone among
 * writers, as on SQLite: every domain check that reads, then writes, keeps
 * its meaning without further thought. A write whose read-then-write
 * concerns one client's rows only (its impacts, tracks, obligations,
 * trust) may begin with rd_store_begin_keyed instead, and must call
 * rd_store_lock_key for that client before it reads what it will write
 * from: it then runs beside keyed writers of other clients, waits for
 * those of the same client, and never overlaps an exclusive writer. A key
 * is held until the transaction ends. One client key per transaction (a
 * second one could deadlock against a writer taking them the other way
 * round). On SQLite, inside a group member, or nested inside a
 * transaction already open, rd_store_begin_keyed is rd_store_begin (the
 * outer transaction's mode holds), and rd_store_lock_key in a transaction
 * that is not keyed does nothing: it already runs alone. RD_EBUSY when the
 * lock is still held after the busy timeout; RD_ESTATE outside a
 * transaction. */
enum rd_store_key {
	RD_KEY_CLIENT = 1,   /* a client's rows: its tracks and its trust */
};
enum rd_err rd_store_begin_keyed(struct rd_store *s);
enum rd_err rd_store_lock_key(struct rd_store *s, enum rd_store_key kind, int64_t id);
/* rd_store_begin_keyed and at once rd_store_lock_key(KIND, ID), for a
 * writer that knows its key before it reads anything: on PostgreSQL the
 * BEGIN, the shared write lock and the key's lock go in one round trip
 * instead of two. Either wait that fails is this call's (RD_EBUSY after
 * the busy timeout) and leaves no transaction open. Nested inside a
 * transaction, or on a backend without keys: the two calls. */
enum rd_err rd_store_begin_keyed_on(struct rd_store *s, enum rd_store_key kind, int64_t id);

/* A read snapshot: the statements until rd_store_commit (or rd_store_rollback)
 * all see one state of the database, and none of them pays for its own
 * transaction — for a read made of several statements (a dashboard). It
 * takes no write lock and must not write: SQLite's deferred BEGIN (a read
 * transaction from the first read), PostgreSQL's REPEATABLE READ, READ ONLY.
 * Nested inside a transaction already open (or in a group member) it is
 * rd_store_begin: the outer transaction holds. */
enum rd_err rd_store_begin_read(struct rd_store *s);

enum rd_err rd_store_prepare(struct rd_store *s, const char *sql, struct rd_stmt **out);
const char *rd_store_errmsg(struct rd_store *s);

/* How long a transaction waits for another writer's lock before it fails
 * with RD_EBUSY; rd_store_open sets RD_STORE_BUSY_MS. The server lowers it
 * (--busy-timeout) so a request answers 503 instead of hanging. */
#define RD_STORE_BUSY_MS 10000
void rd_store_set_busy_timeout(struct rd_store *s, int ms);

/* A bind that fails is remembered by the statement: the next rd_stmt_step
 * returns that error without running it. So a caller that binds several
 * values may check only the step, and a bad bind is never silently a
 * statement run with a missing (NULL) parameter. A prepare that failed
 * leaves *out NULL, and every call here accepts that NULL: binds and step
 * return RD_EDB, column reads return 0/NULL/false, free does nothing. So
 * prepare, bind, step can be written straight and checked once, at the
 * step. */
enum rd_err rd_stmt_bind_int(struct rd_stmt *st, int idx, int64_t v);
enum rd_err rd_stmt_bind_double(struct rd_stmt *st, int idx, double v);
/* Binds text, or NULL when v is NULL. The text is copied. */
enum rd_err rd_stmt_bind_text(struct rd_stmt *st, int idx, const char *v);
enum rd_err rd_stmt_bind_null(struct rd_stmt *st, int idx);
enum rd_err rd_stmt_step(struct rd_stmt *st, bool *row);
/* Runs ST, a write whose rows and answer the caller does not read (an
 * audit row, a history row, an upsert), as rd_stmt_step does; but inside
 * a transaction a backend whose every statement is a round trip to its
 * server (PostgreSQL) only queues it, to be sent with the next statement
 * that must answer, or with the commit: one round trip for them all. Its
 * failure is then returned by that statement (or the commit) with its own
 * code and message, and the transaction cannot commit, as before. ST may
 * be freed at once. SQLite steps it, as rd_stmt_step. */
enum rd_err rd_stmt_step_later(struct rd_stmt *st);
int rd_stmt_ncols(struct rd_stmt *st);
const char *rd_stmt_col_name(struct rd_stmt *st, int col);
bool rd_stmt_col_null(struct rd_stmt *st, int col);
int64_t rd_stmt_col_int(struct rd_stmt *st, int col);
double rd_stmt_col_double(struct rd_stmt *st, int col);
const char *rd_stmt_col_text(struct rd_stmt *st, int col);
void rd_stmt_free(struct rd_stmt *st);

/* ---- group commit (lib/store/group.c) ----
 *
 * Concurrent writers of one process share one transaction and one durable
 * commit instead of one fsync each. A member is a function run on the
 * group's own handle inside the open group transaction, under its own
 * savepoint; members run one at a time (SQLite has one writer anyway).
 * The member that finds nobody else waiting to run (or the group full)
 * commits for everybody; every member returns only after the commit that
 * holds its writes is durable, or with the error that lost them.
 *
 * A member that fails (its function returns false) is rolled back to its
 * savepoint alone; the others still commit. Inside a member the usual
 * calls work unchanged: rd_store_begin/commit/rollback nest as ever, the
 * outermost of them mapped onto a savepoint. */
struct rd_group;

/* Runs one member on S (the group's handle, borrowed for the call).
 * Returns true to keep its writes, false to roll them back. */
typedef bool (*rd_group_fn)(struct rd_store *s, void *arg);

/* Opens TARGET's group: a handle of its own (mode RD_STORE_NOMIGRATE).
 * When the backend does not want group commit (ops->group_commit false),
 * returns RD_OK with *out NULL: callers then run each write on their own
 * handle. *out is new; close it with rd_group_close. */
enum rd_err rd_group_open(const char *target, struct rd_group **out, char **errmsg);
/* Closes the group (no member may be running). NULL is fine. */
void rd_group_close(struct rd_group *g);
/* The group's handle (borrowed), for settings like the busy timeout
 * before members run. */
struct rd_store *rd_group_store(struct rd_group *g);
/* Runs FN(store, ARG) as a member and waits until its writes are durable.
 * Returns RD_OK when the commit holding them succeeded (or FN returned
 * false: its own rollback is its answer); otherwise the error that lost
 * them — RD_EBUSY when another program held the database's write lock
 * past the busy timeout, RD_EDB when the commit failed — and FN's writes
 * are not in the database. *kept (may be NULL) tells whether FN's writes
 * were kept. */
enum rd_err rd_group_run(struct rd_group *g, rd_group_fn fn, void *arg, bool *kept);

/* Counters since rd_group_open: commits made and members they held
 * (failed members included), so a caller can tell how well writes group. */
void rd_group_stats(struct rd_group *g, uint64_t *commits, uint64_t *members);
/* Callers inside rd_group_run that have not finished running their member
 * (waiting for their turn included): how many writes are queued now. */
int rd_group_pending(struct rd_group *g);

/* How many members at most share one commit; a group stops admitting at
 * this size so a steady stream of writers cannot postpone a commit. */
#define RD_GROUP_MAX 64
/* How many statements were prepared and stepped on S since it was opened
 * (either may be NULL): what a write costs, for tests and benchmarks. */
void rd_store_stats(struct rd_store *s, int64_t *prepares, int64_t *steps);

/* Ends a transaction begun with rd_store_begin according to RC, the
 * result of the work inside it: commits when RC is RD_OK, else rolls back
 * and returns RC. A failed commit is RD_EDB (or RD_ESTATE when an inner
 * scope rolled back) with "commit failed: …" in *errmsg (may be NULL; the
 * caller frees it). The epilogue of a write: `rc = rd_store_end(s, rc,
 * errmsg);`. */
enum rd_err rd_store_end(struct rd_store *s, enum rd_err rc, char **errmsg);

/* Runs SQL (params as rd_store_exec) and collects the first column of
 * every row as a new array *ids of *n ints (the caller frees it; NULL when
 * *n is 0). For the "find the ids, then act on each" loops: the statement
 * is finished before the caller writes. */
enum rd_err rd_store_ids(struct rd_store *s, int64_t **ids, size_t *n, const char *sql, const char *types, ...);

/* Convenience: runs SQL with int/text params given as a format string of
 * 'i' (int64_t), 't' (const char *, may be NULL), 'n' (null) and returns
 * the first column of the first row as an int in *out (if not NULL).
 * RD_ENOTFOUND when no row. */
enum rd_err rd_store_exec(struct rd_store *s, int64_t *out, const char *sql, const char *types, ...);
/* rd_store_exec for a write whose answer nobody reads, run with
 * rd_stmt_step_later (on PostgreSQL, inside a transaction: queued). */
enum rd_err rd_store_exec_later(struct rd_store *s, const char *sql, const char *types, ...);

/* How many times S waited for its database server to answer: PostgreSQL's
 * round trips (each statement that must answer, with what was queued
 * before it, is one; so are BEGIN and COMMIT); 0 on SQLite, which has no
 * server. For tests and benchmarks of what a write costs. */
int64_t rd_store_round_trips(struct rd_store *s);

/* ---- several processes on one database (lib/store/shared.c) ---- */

/* A version of the whole database that every process reads alike and that
 * changes whenever any committed write could change what a read returns:
 * the response cache keys on it (src/server/cache.c). *out is a malloc'd
 * string the caller frees; equal strings mean nothing was committed in
 * between. */
enum rd_err rd_store_data_version(struct rd_store *s, char **out, char **errmsg);

/* The background jobs that must run once per due item, whichever process
 * runs them. Add a job: a new number here (never reuse one). */
enum rd_store_job {
	RD_JOB_ESCALATE = 1,   /* rd_escalate: the escalation sweep */
	RD_JOB_OUTBOX = 2,     /* the outbox delivery (lib/outbox.c) */
};

/* Takes JOB's lock for the rest of the current transaction, if no other
 * process holds it: *got true, run the job and commit (the commit lets it
 * go); *got false, another process is running it now — commit without
 * doing it, it will be done. On PostgreSQL pg_try_advisory_xact_lock; on
 * SQLite the transaction's write lock is already the job lock (*got is
 * always true). Must be called inside rd_store_begin; RD_ESTATE if not.
 * Items still need a unique constraint: the lock makes a sweep run once at
 * a time, the constraint makes each item count once. */
enum rd_err rd_store_job_try_lock(struct rd_store *s, enum rd_store_job job, bool *got, char **errmsg);

/* False when the connection broke since its last successful use (so the
 * operation that just failed lost it: a PostgreSQL restart or failover), or
 * when the database does not answer a trivial query now; PostgreSQL
 * re-opens a lost connection on the way. The server answers a failed
 * request 503 "unavailable" rather than 500 when this is false. */
bool rd_store_reachable(struct rd_store *s);
/* The error of this handle's latest failed prepare, step, begin or commit
 * (RD_OK if none yet). The library reports most store failures as RD_EDB
 * with a message; a caller deciding between 500 and 503 asks this whether
 * the cause was really RD_EBUSY (a lock held past the busy timeout). */
enum rd_err rd_store_last_failure(struct rd_store *s);

#endif
