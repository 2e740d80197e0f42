/* store_sqlite.c — the embedded backend: SQLite in WAL mode with foreign
 * keys on, a busy timeout, synchronous=FULL (a commit that returned is on
 * disk), numbered migrations compiled in from migrations/sqlite/, a small
 * cache of prepared statements so hot paths don't re-parse SQL, and the
 * group writer's WAL checkpoints moved to a thread of their own. */
#include <limits.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "redress/store.h"
#include "store/store_int.h"
#include "util/embed.h"

/* Enough for every statement of the write path (the obligations' upsert
 * alone has one text per batch size) next to the reads of a request. */
#define CACHE_SLOTS 96

struct cache_slot {
	char *sql;            /* a copy of the statement's text, compared by value */
	sqlite3_stmt *st;
	bool in_use;
};

/* The checkpoints of a writer handle that gave them away
 * (sq_offload_checkpoints): a thread with its own connection copies the
 * WAL into the database while the writer goes on committing. */
struct sq_ckpt {
	pthread_t thread;
	pthread_mutex_t lock;   /* guards every field below but db */
	pthread_cond_t wake;
	sqlite3 *db;            /* the checkpointer's own connection */
	bool due, stop;
	bool running;           /* a pass is under way */
	/* Its passes so far, and what the last one left: the WAL's length and
	 * how much of it is in the database (frames). A pass that began
	 * before the WAL started again (its number <= stale) says nothing
	 * about the new one. */
	unsigned long passes, stale, done_pass;
	int done_log, done_frames;
};

/* A pass of the checkpointer per this many new WAL frames: SQLite's own
 * auto-checkpoint size, so the database file is as current as before. */
#define CKPT_PAGES 1000
/* A WAL this long (frames) is finished by the writer itself, between two
 * of its transactions: only then does SQLite start the WAL again from its
 * beginning, which a checkpoint running beside a busy writer never sees
 * (there is always a newer frame), so this bounds the WAL file. */
#define CKPT_TAIL_PAGES 4000
/* The writer finishes it when the checkpointer is idle and has copied all
 * but this many frames: the writer then waits for a short copy and the
 * database's sync, not the 3-13 ms of a pass of up to CKPT_PAGES frames.
 * Until then the writer starts a pass of the checkpointer whenever it
 * finds it idle (each pass copies what came during the one before, so
 * they shorten). */
#define CKPT_TAIL_LAG 64
/* ... or anyway, with whatever is left, once the WAL holds this many
 * frames (a checkpointer that cannot keep up, or a reader that kept the
 * WAL from starting again) and the checkpointer is idle. */
#define CKPT_TAIL_FORCE (CKPT_TAIL_PAGES + CKPT_PAGES)

struct sq_store {
	struct rd_store_base base;
	sqlite3 *db;
	struct cache_slot cache[CACHE_SLOTS];
	int hand;             /* the next slot to give up when all are taken */
	struct sq_ckpt *ckpt; /* NULL: SQLite's auto-checkpoint, in the committing writer */
	int wal_pages;        /* frames in the WAL after this handle's last commit */
	int ckpt_next;        /* wake the checkpointer when the WAL reaches this */
	int tail_next;        /* finish the checkpoint here when the WAL reaches this */
};

struct sq_stmt {
	struct rd_stmt_base base;
	struct sq_store *s;
	sqlite3_stmt *st;
	int slot;             /* cache slot, or -1 when owned */
};

#define SQ(s) ((struct sq_store *)(s))
#define ST(x) ((struct sq_stmt *)(x))

static enum rd_err map_rc(int rc)
{
	switch (rc & 0xff) {
	case SQLITE_OK:
	case SQLITE_ROW:
	case SQLITE_DONE:
		return RD_OK;
	case SQLITE_NOMEM:
		return RD_ENOMEM;
	case SQLITE_CONSTRAINT:
		if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
			return RD_EEXIST;
		if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
			return RD_ENOTFOUND;
		return RD_EINVAL;
	case SQLITE_MISMATCH:
	case SQLITE_TOOBIG:
	case SQLITE_RANGE:
		return RD_EINVAL;
	case SQLITE_BUSY:     /* another connection's write lock outlasted the busy timeout */
	case SQLITE_LOCKED:   /* a conflicting lock on this connection's shared cache */
		return RD_EBUSY;
	default:
		return RD_EDB;
	}
}

static enum rd_err sq_exec(struct sq_store *s, const char *sql)
{
	return map_rc(sqlite3_exec(s->db, sql, NULL, NULL, NULL));
}

static void ckpt_stop(struct sq_store *s);

static void sq_close(struct rd_store *rs)
{
	struct sq_store *s = SQ(rs);
	ckpt_stop(s);
	for (int i = 0; i < CACHE_SLOTS; i++)
		if (s->cache[i].st) {
			sqlite3_finalize(s->cache[i].st);
			free(s->cache[i].sql);
		}
	sqlite3_close(s->db);
	free(s);
}

/* A migration that rebuilds a table (SQLite's 12-step procedure: a new
 * table, the rows copied, the old one dropped, the new one renamed) opens
 * with this line: foreign keys must be off while it runs (a DROP TABLE
 * would otherwise check, or cascade to, the rows that reference the old
 * table), which SQLite only allows outside a transaction, and the
 * references are checked before it commits. */
#define FK_OFF_MARK "-- redress: foreign_keys off\n"

/* Whether the database holds a row whose foreign key has no parent. */
static enum rd_err fk_violations(struct sq_store *s, bool *any)
{
	sqlite3_stmt *st;
	*any = false;
	if (sqlite3_prepare_v2(s->db, "PRAGMA foreign_key_check", -1, &st, NULL) != SQLITE_OK)
		return RD_EDB;
	int rc = sqlite3_step(st);
	*any = rc == SQLITE_ROW;
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? RD_OK : RD_EDB;
}

/* Applies migration M as schema version N: it and its version bump commit
 * together or not at all. */
static enum rd_err migrate_one(struct sq_store *s, const struct rd_embedded *m, int n, char **errmsg)
{
	enum rd_err ret = RD_OK;
	bool fk_off = strncmp(m->data, FK_OFF_MARK, strlen(FK_OFF_MARK)) == 0, open = false, bad = false;
	char *err = NULL;
	if (fk_off && sq_exec(s, "PRAGMA foreign_keys=OFF")) {
		ret = rd_fail(RD_EDB, errmsg, "cannot start migration %s: %s", m->name, sqlite3_errmsg(s->db));
		goto out;
	}
	if (sq_exec(s, "BEGIN IMMEDIATE")) {
		ret = rd_fail(RD_EDB, errmsg, "cannot start migration %s: %s", m->name, sqlite3_errmsg(s->db));
		goto out;
	}
	open = true;
	if (sqlite3_exec(s->db, m->data, NULL, NULL, &err) != SQLITE_OK) {
		ret = rd_fail(RD_EDB, errmsg, "migration %s failed: %s", m->name, err ? err : "?");
		goto out;
	}
	if (fk_off && (fk_violations(s, &bad) || bad)) {
		ret = rd_fail(RD_EDB, errmsg, "migration %s failed: %s", m->name,
			      bad ? "a foreign key would no longer hold (PRAGMA foreign_key_check)"
				  : sqlite3_errmsg(s->db));
		goto out;
	}
	char bump[64];
	snprintf(bump, sizeof bump, "PRAGMA user_version = %d", n);
	if (sq_exec(s, bump) || sq_exec(s, "COMMIT")) {
		ret = rd_fail(RD_EDB, errmsg, "migration %s failed to commit: %s", m->name, sqlite3_errmsg(s->db));
		goto out;
	}
	open = false;
out:
	sqlite3_free(err);
	if (open)
		sq_exec(s, "ROLLBACK");
	if (fk_off && sq_exec(s, "PRAGMA foreign_keys=ON") && ret == RD_OK)
		ret = rd_fail(RD_EDB, errmsg, "after migration %s: cannot turn foreign keys on: %s", m->name,
			      sqlite3_errmsg(s->db));
	return ret;
}

static enum rd_err sq_migrate(struct rd_store *rs, int *version, char **errmsg)
{
	struct sq_store *s = SQ(rs);
	sqlite3_stmt *st;
	int v = 0;
	if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK)
		return rd_fail(RD_EDB, errmsg, "cannot read schema version: %s", sqlite3_errmsg(s->db));
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);

	/* Migrations are numbered by their file names (0001_init.sql …) and
	 * must run 1, 2, 3 … without gaps: the number is the schema version. */
	int latest = 0;
	for (const struct rd_embedded *m = rd_sqlite_migrations; m->name; m++) {
		int num = (int)strtol(m->name, NULL, 10);
		if (num != latest + 1)
			return rd_fail(RD_EDB, errmsg, "migration %s is out of sequence (expected %04d)",
				       m->name, latest + 1);
		latest = num;
	}
	if (v > latest)
		return rd_fail(RD_EDB, errmsg,
			"database schema version %d is newer than this redress (%d); upgrade redress", v, latest);
	int n = 0;
	for (const struct rd_embedded *m = rd_sqlite_migrations; m->name; m++) {
		if (++n <= v)
			continue;
		enum rd_err rc = migrate_one(s, m, n, errmsg);
		if (rc)
			return rc;
		v = n;
	}
	if (version)
		*version = v;
	return RD_OK;
}

static enum rd_err sq_schema_status(struct rd_store *rs, int *current, int *latest, char **errmsg)
{
	struct sq_store *s = SQ(rs);
	sqlite3_stmt *st;
	int n = 0;
	for (const struct rd_embedded *m = rd_sqlite_migrations; m->name; m++)
		n++;
	*latest = n;
	if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK)
		return rd_fail(RD_EDB, errmsg, "cannot read schema version: %s", sqlite3_errmsg(s->db));
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*current = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return rd_fail(RD_EDB, errmsg, "cannot read schema version: %s", sqlite3_errmsg(s->db));
	return RD_OK;
}

static bool sq_readonly(struct rd_store *rs)
{
	return sqlite3_db_readonly(SQ(rs)->db, "main") == 1;
}

/* Says what is wrong with PATH in words a user can act on. */
static enum rd_err open_failed(struct sq_store *s, const char *path, int rc, char **errmsg)
{
	int code = (s->db ? sqlite3_extended_errcode(s->db) : rc) & 0xff;
	if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT)
		return rd_fail(RD_EDB, errmsg, "'%s' is not a redress database, or it is damaged (%s)", path,
			       s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc));
	if (code == SQLITE_READONLY)
		return rd_fail(RD_EDB, errmsg, "database '%s' is read-only (%s)", path,
			       s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc));
	return rd_fail(RD_EDB, errmsg, "database '%s': %s", path, s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc));
}

static enum rd_err sq_open(const char *path, enum rd_store_mode mode, struct rd_store **out, char **errmsg)
{
	struct stat sb;
	if (mode != RD_STORE_CREATE && stat(path, &sb) != 0)
		return rd_fail(RD_ENOTFOUND, errmsg, "no database at '%s' (create it with `redress init`)", path);
	struct sq_store *s = calloc(1, sizeof *s);
	if (!s)
		return rd_fail(RD_ENOMEM, errmsg, "out of memory");
	s->base.ops = &rd_store_sqlite_ops;
	int flags = mode == RD_STORE_READONLY ? SQLITE_OPEN_READONLY
		  : mode == RD_STORE_CREATE ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READWRITE;
	int rc = sqlite3_open_v2(path, &s->db, flags | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		rd_fail(RD_EDB, errmsg, "cannot open database '%s': %s", path,
			s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc));
		sqlite3_close(s->db);
		free(s);
		return RD_EDB;
	}
	sqlite3_busy_timeout(s->db, RD_STORE_BUSY_MS);
	sqlite3_extended_result_codes(s->db, 1);
	/* WAL lets readers (the server) run beside a writer; FULL syncs the WAL
	 * on every commit so an acknowledged write survives power loss too. */
	sqlite3_stmt *st;
	const char *jmode = NULL;
	/* A read-only handle only reads: it leaves the journal mode as it is
	 * (a redress database is already in WAL mode) and checks the file is
	 * a database by reading the schema version. */
	const char *first = mode == RD_STORE_READONLY ? "PRAGMA user_version" : "PRAGMA journal_mode=WAL";
	if (sqlite3_prepare_v2(s->db, first, -1, &st, NULL) == SQLITE_OK) {
		int src = sqlite3_step(st);
		if (src == SQLITE_ROW)
			jmode = (const char *)sqlite3_column_text(st, 0);
		if (src != SQLITE_ROW || (mode != RD_STORE_READONLY && (!jmode || strcmp(jmode, "wal") != 0))) {
			if (src == SQLITE_ROW)
				rd_fail(RD_EDB, errmsg, "database '%s': cannot use WAL mode: %s", path,
					sqlite3_errmsg(s->db));
			else
				open_failed(s, path, src, errmsg);
			sqlite3_finalize(st);
			sq_close((struct rd_store *)s);
			return RD_EDB;
		}
		sqlite3_finalize(st);
	} else {
		open_failed(s, path, SQLITE_ERROR, errmsg);
		sq_close((struct rd_store *)s);
		return RD_EDB;
	}
	if (sq_exec(s, mode == RD_STORE_READONLY ? "PRAGMA foreign_keys=ON;"
						  : "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;")) {
		rd_fail(RD_EDB, errmsg, "database '%s': %s", path, sqlite3_errmsg(s->db));
		sq_close((struct rd_store *)s);
		return RD_EDB;
	}
	enum rd_err err = RD_OK;
	if (mode == RD_STORE_CREATE || mode == RD_STORE_EXISTING) {
		err = sq_migrate((struct rd_store *)s, NULL, errmsg);
		if (err == RD_EDB && sq_readonly((struct rd_store *)s))
			rd_fail(RD_EDB, errmsg, "database '%s' is read-only", path);
	} else {
		int v = 0, latest = 0;
		err = sq_schema_status((struct rd_store *)s, &v, &latest, errmsg);
		if (err == RD_OK && v > latest)
			err = rd_fail(RD_EDB, errmsg, "database schema version %d is newer than this redress (%d); "
				      "upgrade redress", v, latest);
	}
	if (err) {
		sq_close((struct rd_store *)s);
		return err;
	}
	*out = (struct rd_store *)s;
	return RD_OK;
}

static enum rd_err sq_prepare(struct rd_store *rs, const char *sql, struct rd_stmt **out);
static enum rd_err sq_step(struct rd_stmt *x, bool *row);
static void sq_finalize(struct rd_stmt *x);

/* One statement without parameters or rows (BEGIN, COMMIT, SAVEPOINT …)
 * through the statement cache: a write in a group commit runs four or five
 * of these, and sqlite3_exec parsed each again every time. Not counted in
 * rd_store_stats (that counts the callers' statements). */
static enum rd_err sq_exec_one(struct sq_store *s, const char *sql)
{
	struct rd_stmt *st;
	enum rd_err rc = sq_prepare((struct rd_store *)s, sql, &st);
	if (rc)
		return sq_exec(s, sql);
	bool row;
	rc = sq_step(st, &row);
	sq_finalize(st);
	return rc;
}

/* ---- checkpoints off the writer's path ----
 *
 * SQLite's auto-checkpoint runs inside the COMMIT that takes the WAL past
 * 1,000 frames: that commit copies the frames into the database and syncs
 * it before returning, and under group commit every member of the group
 * and everyone queued behind it waits for it (the latency tail of
 * bench/http/writes.sh). A handle that gives its checkpoints away
 * replaces the auto-checkpoint with a WAL hook that wakes a thread, which
 * checkpoints PASSIVE on its own connection (never waiting for a lock,
 * never blocking the writer). Durability does not change: a commit is on
 * disk once the WAL is synced, whoever later copies it. */

static void *ckpt_main(void *arg)
{
	struct sq_ckpt *c = arg;
	pthread_mutex_lock(&c->lock);
	for (;;) {
		while (!c->due && !c->stop)
			pthread_cond_wait(&c->wake, &c->lock);
		if (c->stop)
			break;
		c->due = false;
		c->running = true;
		unsigned long pass = ++c->passes;
		pthread_mutex_unlock(&c->lock);
		/* BUSY (another checkpoint is running) or a failure: the next
		 * pass, or the writer's own, copies what this one did not. */
		int log = -1, frames = -1;
		int rc = sqlite3_wal_checkpoint_v2(c->db, NULL, SQLITE_CHECKPOINT_PASSIVE, &log, &frames);
		pthread_mutex_lock(&c->lock);
		if (rc == SQLITE_OK && log >= 0 && frames >= 0) {
			c->done_pass = pass;
			c->done_log = log;
			c->done_frames = frames;
		}
		c->running = false;
	}
	pthread_mutex_unlock(&c->lock);
	return NULL;
}

/* The writer's WAL hook, after each of its commits: PAGES frames in the WAL. */
static int on_wal_commit(void *arg, sqlite3 *db, const char *name, int pages)
{
	(void)db;
	(void)name;
	struct sq_store *s = arg;
	bool restarted = pages < s->wal_pages; /* the WAL started again from its beginning */
	if (restarted) {
		s->ckpt_next = CKPT_PAGES;
		s->tail_next = CKPT_TAIL_PAGES;
	}
	s->wal_pages = pages;
	bool wake = pages >= s->ckpt_next;
	if (wake)
		s->ckpt_next = pages + CKPT_PAGES;
	if (restarted || wake) {
		pthread_mutex_lock(&s->ckpt->lock);
		if (restarted)
			s->ckpt->stale = s->ckpt->passes;
		if (wake) {
			s->ckpt->due = true;
			pthread_cond_signal(&s->ckpt->wake);
		}
		pthread_mutex_unlock(&s->ckpt->lock);
	}
	return SQLITE_OK;
}

/* Frames of the WAL the checkpointer has not copied into the database as
 * far as the writer knows, or INT_MAX when no pass since the WAL started
 * again said. The caller holds c->lock. */
static int ckpt_lag(struct sq_store *s)
{
	struct sq_ckpt *c = s->ckpt;
	if (c->done_pass > c->stale && c->done_log <= s->wal_pages && c->done_frames <= c->done_log)
		return s->wal_pages - c->done_frames;
	return INT_MAX;
}

/* Before the writer's next transaction, with a long WAL: copies what the
 * checkpointer has not (the frames since its last pass) so that the
 * transaction starts the WAL again — once the checkpointer is idle with
 * at most CKPT_TAIL_LAG frames left, which this starts passes for; at
 * CKPT_TAIL_FORCE frames whatever is left, once it is idle. Every writer
 * waits meanwhile, so the less is left the better. */
static void ckpt_tail(struct sq_store *s)
{
	struct sq_ckpt *c = s->ckpt;
	pthread_mutex_lock(&c->lock);
	/* Never waits for a pass under way: that held up every writer for
	 * the whole pass (tried: at 5,000 frames a wait of one pass). */
	bool force = s->wal_pages >= CKPT_TAIL_FORCE;
	if (c->running || (!force && ckpt_lag(s) > CKPT_TAIL_LAG)) {
		/* not yet: a pass to shorten what is left, if none is under way */
		if (!c->running) {
			c->due = true;
			pthread_cond_signal(&c->wake);
		}
		pthread_mutex_unlock(&c->lock);
		return;
	}
	/* Under the lock the checkpointer cannot begin a pass: a checkpoint
	 * of its beside this one would make this one give up (SQLITE_BUSY). */
	sqlite3_wal_checkpoint_v2(s->db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
	pthread_mutex_unlock(&c->lock);
	/* The WAL starts again at the next commit unless a reader was still
	 * on it: then try again a quarter pass later, not before every
	 * transaction (each attempt syncs the database file). */
	s->tail_next = s->wal_pages + CKPT_PAGES / 4;
}

static void ckpt_stop(struct sq_store *s)
{
	struct sq_ckpt *c = s->ckpt;
	if (!c)
		return;
	pthread_mutex_lock(&c->lock);
	c->stop = true;
	pthread_cond_signal(&c->wake);
	pthread_mutex_unlock(&c->lock);
	pthread_join(c->thread, NULL);
	sqlite3_close(c->db);
	pthread_cond_destroy(&c->wake);
	pthread_mutex_destroy(&c->lock);
	free(c);
	s->ckpt = NULL;
	sqlite3_wal_hook(s->db, NULL, NULL);
	sqlite3_wal_autocheckpoint(s->db, CKPT_PAGES);
}

static enum rd_err sq_offload_checkpoints(struct rd_store *rs, char **errmsg)
{
	struct sq_store *s = SQ(rs);
	if (s->ckpt)
		return RD_OK;
	const char *path = sqlite3_db_filename(s->db, "main");
	struct sq_ckpt *c = calloc(1, sizeof *c);
	if (!c)
		return rd_fail(RD_ENOMEM, errmsg, "out of memory");
	int rc = sqlite3_open_v2(path && *path ? path : "", &c->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		rd_fail(RD_EDB, errmsg, "database '%s': cannot open the checkpointer's connection: %s", path ? path : "",
			c->db ? sqlite3_errmsg(c->db) : sqlite3_errstr(rc));
		sqlite3_close(c->db);
		free(c);
		return RD_EDB;
	}
	/* FULL: the database is synced before the WAL may start again, so a
	 * power cut never loses a frame that was only in the WAL. */
	if (sqlite3_exec(c->db, "PRAGMA synchronous=FULL", NULL, NULL, NULL) != SQLITE_OK) {
		rd_fail(RD_EDB, errmsg, "database '%s': %s", path ? path : "", sqlite3_errmsg(c->db));
		sqlite3_close(c->db);
		free(c);
		return RD_EDB;
	}
	pthread_mutex_init(&c->lock, NULL);
	pthread_cond_init(&c->wake, NULL);
	if (pthread_create(&c->thread, NULL, ckpt_main, c) != 0) {
		sqlite3_close(c->db);
		pthread_cond_destroy(&c->wake);
		pthread_mutex_destroy(&c->lock);
		free(c);
		return rd_fail(RD_ENOMEM, errmsg, "cannot start the checkpointer's thread");
	}
	s->ckpt = c;
	s->wal_pages = 0;
	s->ckpt_next = CKPT_PAGES;
	s->tail_next = CKPT_TAIL_PAGES;
	sqlite3_wal_hook(s->db, on_wal_commit, s); /* replaces the auto-checkpoint */
	return RD_OK;
}

static enum rd_err sq_begin(struct rd_store *rs)
{
	struct sq_store *s = SQ(rs);
	if (s->ckpt && s->wal_pages >= s->tail_next)
		ckpt_tail(s);
	return sq_exec_one(s, "BEGIN IMMEDIATE");
}
/* Deferred: no lock until the first read, then a read transaction (one
 * snapshot of the WAL) until COMMIT. */
static enum rd_err sq_begin_read(struct rd_store *rs) { return sq_exec_one(SQ(rs), "BEGIN"); }
static void sq_busy_timeout(struct rd_store *rs, int ms) { sqlite3_busy_timeout(SQ(rs)->db, ms); }
static enum rd_err sq_commit(struct rd_store *rs) { return sq_exec_one(SQ(rs), "COMMIT"); }
static void sq_rollback(struct rd_store *rs) { sq_exec_one(SQ(rs), "ROLLBACK"); }
static enum rd_err sq_exec_simple(struct rd_store *rs, const char *sql) { return sq_exec_one(SQ(rs), sql); }

static enum rd_err sq_prepare(struct rd_store *rs, const char *sql, struct rd_stmt **out)
{
	struct sq_store *s = SQ(rs);
	struct sq_stmt *w = calloc(1, sizeof *w);
	if (!w)
		return RD_ENOMEM;
	w->base.ops = &rd_store_sqlite_ops;
	w->base.store = &s->base;
	w->s = s;
	w->slot = -1;
	int free_slot = -1;
	for (int i = 0; i < CACHE_SLOTS; i++) {
		struct cache_slot *c = &s->cache[i];
		if (!c->st) {
			if (free_slot < 0)
				free_slot = i;
			continue;
		}
		if (!c->in_use && strcmp(c->sql, sql) == 0) {
			c->in_use = true;
			w->st = c->st;
			w->slot = i;
			*out = (struct rd_stmt *)w;
			return RD_OK;
		}
	}
	/* Full: give up a slot not in use, in turn, so the cache follows what
	 * the process runs now (a full cache that kept its first 48 texts for
	 * good left a server's writes parsing most of their SQL every time). */
	for (int k = 0; free_slot < 0 && k < CACHE_SLOTS; k++) {
		int i = (s->hand + k) % CACHE_SLOTS;
		if (!s->cache[i].in_use) {
			sqlite3_finalize(s->cache[i].st);
			free(s->cache[i].sql);
			s->cache[i] = (struct cache_slot){0};
			free_slot = i;
			s->hand = (i + 1) % CACHE_SLOTS;
		}
	}
	int rc = sqlite3_prepare_v3(s->db, sql, -1, free_slot >= 0 ? SQLITE_PREPARE_PERSISTENT : 0,
		&w->st, NULL);
	if (rc != SQLITE_OK) {
		free(w);
		return map_rc(rc) ? map_rc(rc) : RD_EDB;
	}
	char *copy = free_slot >= 0 ? strdup(sql) : NULL;
	if (copy) {
		s->cache[free_slot] = (struct cache_slot){copy, w->st, true};
		w->slot = free_slot;
	}
	*out = (struct rd_stmt *)w;
	return RD_OK;
}

static enum rd_err sq_bind_int(struct rd_stmt *x, int i, int64_t v) { return map_rc(sqlite3_bind_int64(ST(x)->st, i, v)); }
static enum rd_err sq_bind_double(struct rd_stmt *x, int i, double v) { return map_rc(sqlite3_bind_double(ST(x)->st, i, v)); }
static enum rd_err sq_bind_text(struct rd_stmt *x, int i, const char *v)
{
	return map_rc(sqlite3_bind_text(ST(x)->st, i, v, -1, SQLITE_TRANSIENT));
}
static enum rd_err sq_bind_null(struct rd_stmt *x, int i) { return map_rc(sqlite3_bind_null(ST(x)->st, i)); }

static enum rd_err sq_step(struct rd_stmt *x, bool *row)
{
	int rc = sqlite3_step(ST(x)->st);
	*row = rc == SQLITE_ROW;
	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		return RD_OK;
	rc = sqlite3_extended_errcode(ST(x)->s->db);
	enum rd_err e = map_rc(rc);
	return e ? e : RD_EDB;
}

static int sq_ncols(struct rd_stmt *x) { return sqlite3_column_count(ST(x)->st); }
static const char *sq_col_name(struct rd_stmt *x, int c) { return sqlite3_column_name(ST(x)->st, c); }
static bool sq_col_null(struct rd_stmt *x, int c) { return sqlite3_column_type(ST(x)->st, c) == SQLITE_NULL; }
static int64_t sq_col_int(struct rd_stmt *x, int c) { return sqlite3_column_int64(ST(x)->st, c); }
static double sq_col_double(struct rd_stmt *x, int c) { return sqlite3_column_double(ST(x)->st, c); }
static const char *sq_col_text(struct rd_stmt *x, int c) { return (const char *)sqlite3_column_text(ST(x)->st, c); }

static void sq_finalize(struct rd_stmt *x)
{
	struct sq_stmt *w = ST(x);
	if (w->slot >= 0) {
		sqlite3_reset(w->st);
		sqlite3_clear_bindings(w->st);
		w->s->cache[w->slot].in_use = false;
	} else {
		sqlite3_finalize(w->st);
	}
	free(w);
}

static const char *sq_errmsg(struct rd_store *rs) { return sqlite3_errmsg(SQ(rs)->db); }

const struct rd_store_ops rd_store_sqlite_ops = {
	.name = "sqlite",
	.open = sq_open,
	.close = sq_close,
	.begin = sq_begin,
	.begin_read = sq_begin_read,
	.commit = sq_commit,
	.rollback = sq_rollback,
	.prepare = sq_prepare,
	.bind_int = sq_bind_int,
	.bind_double = sq_bind_double,
	.bind_text = sq_bind_text,
	.bind_null = sq_bind_null,
	.step = sq_step,
	.ncols = sq_ncols,
	.col_name = sq_col_name,
	.col_null = sq_col_null,
	.col_int = sq_col_int,
	.col_double = sq_col_double,
	.col_text = sq_col_text,
	.finalize = sq_finalize,
	.errmsg = sq_errmsg,
	.migrate = sq_migrate,
	.schema_status = sq_schema_status,
	.readonly = sq_readonly,
	.busy_timeout = sq_busy_timeout,
	/* one writer, one fsync per commit: concurrent writers share commits */
	.group_commit = true,
	.exec_simple = sq_exec_simple,
	.offload_checkpoints = sq_offload_checkpoints,
};
