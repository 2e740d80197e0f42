/* shared.c — what several `redress serve` processes on one database need
 * from the store: a data version that every process reads alike (the
 * response cache's key), a job lock so that one process of many runs a
 * sweep, and a probe that tells a database out of reach (503, try again)
 * from a statement that failed (500). docs/internals/store.md, "A fleet". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "redress/store.h"
#include "store/store_int.h"

static bool is_pg(struct rd_store *s)
{
	return strcmp(rd_store_backend(s), "postgres") == 0;
}

/* PostgreSQL: the transaction snapshot as text ("xmin:xmax:xip,…"). Every
 * transaction that writes takes an xid, which enters the snapshot when it
 * starts and leaves it when it ends, so any commit anywhere changes the
 * text; max(audit_log.id) would not do there, because an id is taken when
 * the row is inserted, not when it commits: a writer holding id 100 can
 * commit after one holding 101, and the 101 cache entry would then be
 * stale for good. SQLite: one writer at a time, ids in commit order, so
 * max(audit_log.id) is exact and changes on every write (each writes an
 * audit row in its transaction). */
enum rd_err rd_store_data_version(struct rd_store *s, char **out, char **errmsg)
{
	*out = NULL;
	struct rd_stmt *st = NULL;
	bool row = false;
	enum rd_err rc = rd_store_prepare(s, is_pg(s) ? "SELECT pg_current_snapshot()::text"
						      : "SELECT 'a' || coalesce(max(id), 0) FROM audit_log", &st);
	if (rc == RD_OK)
		rc = rd_stmt_step(st, &row);
	if (rc == RD_OK && (!row || rd_stmt_col_null(st, 0)))
		rc = RD_EDB;
	if (rc) {
		rd_fail(rc, errmsg, "reading the data version: %s", rd_store_errmsg(s));
		goto out;
	}
	if (!(*out = strdup(rd_stmt_col_text(st, 0))))
		rc = rd_fail(RD_ENOMEM, errmsg, "out of memory");
out:
	rd_stmt_free(st);
	return rc;
}

/* Keys in pg_advisory_xact_lock's space: "rdj" and the job's number, away
 * from store_pg.c's "rdmg" (migrations) and "rdwr" (writers). */
#define JOB_LOCK_BASE INT64_C(0x72646a00)

enum rd_err rd_store_job_try_lock(struct rd_store *s, enum rd_store_job job, bool *got, char **errmsg)
{
	*got = false;
	if (BASE(s)->tx_depth <= 0)
		return rd_fail(RD_ESTATE, errmsg, "a job lock is taken inside a transaction");
	if (!is_pg(s)) {
		/* BEGIN IMMEDIATE already holds SQLite's one write lock: another
		 * process's sweep waits for it (busy timeout), then finds the work
		 * done through the unique constraints. */
		*got = true;
		return RD_OK;
	}
	int64_t v = 0;
	enum rd_err rc = rd_store_exec(s, &v, "SELECT CASE WHEN pg_try_advisory_xact_lock(?1) THEN 1 ELSE 0 END",
				       "i", JOB_LOCK_BASE + (int64_t)job);
	if (rc)
		return rd_fail(rc, errmsg, "taking the job lock: %s", rd_store_errmsg(s));
	*got = v == 1;
	return RD_OK;
}

bool rd_store_reachable(struct rd_store *s)
{
	/* asked first: the probe's re-open would clear it */
	bool lost = BASE(s)->ops->conn_lost && BASE(s)->ops->conn_lost(s);
	return rd_store_exec(s, NULL, "SELECT 1", "") == RD_OK && !lost;
}
