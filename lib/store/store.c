/* store.c — the backend-independent half of the storage interface: picks a
 * backend from the target, nests transactions, and forwards every call
 * through the ops table (see redress/store.h). */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "redress/store.h"
#include "store/store_int.h"

enum rd_err rd_store_open(const char *target, struct rd_store **out, char **errmsg)
{
	return rd_store_open_mode(target, RD_STORE_CREATE, out, errmsg);
}

enum rd_err rd_store_open_mode(const char *target, enum rd_store_mode mode, struct rd_store **out,
			       char **errmsg)
{
	*out = NULL;
	if (!target || !*target)
		return rd_fail(RD_EINVAL, errmsg, "no database given (use --db PATH or REDRESS_DB)");
	if (rd_store_target_is_pg(target))
		return rd_store_pg_ops.open(target, mode, out, errmsg);
	return rd_store_sqlite_ops.open(target, mode, out, errmsg);
}

bool rd_store_target_is_pg(const char *target)
{
	return target && (strncmp(target, "postgres://", 11) == 0 || strncmp(target, "postgresql://", 13) == 0);
}

const char *rd_store_backend(struct rd_store *s)
{
	return BASE(s)->ops->name;
}

void rd_store_close(struct rd_store *s)
{
	if (s)
		BASE(s)->ops->close(s);
}

/* Undoes the outermost transaction: the database's, or inside a group
 * member just the member's own savepoint. */
static void outer_rollback(struct rd_store_base *b, struct rd_store *s)
{
	if (!b->in_group) {
		b->ops->rollback(s);
		return;
	}
	if (b->ops->exec_simple(s, "ROLLBACK TO rd_tx") == RD_OK)
		b->ops->exec_simple(s, "RELEASE rd_tx");
}

/* RC, remembered as the handle's latest failure when it is one. */
static enum rd_err noted(struct rd_store_base *b, enum rd_err rc)
{
	if (rc && b)
		b->last_fail = rc;
	return rc;
}

enum rd_err rd_store_begin(struct rd_store *s)
{
	struct rd_store_base *b = BASE(s);
	if (b->tx_depth++ > 0)
		return RD_OK;
	b->tx_failed = false;
	b->tx_keyed = false;
	enum rd_err rc = b->in_group ? b->ops->exec_simple(s, "SAVEPOINT rd_tx") : b->ops->begin(s);
	if (rc)
		b->tx_depth = 0;
	return noted(b, rc);
}

enum rd_err rd_store_begin_keyed(struct rd_store *s)
{
	struct rd_store_base *b = BASE(s);
	if (b->tx_depth > 0 || b->in_group || !b->ops->begin_keyed)
		return rd_store_begin(s);
	b->tx_depth = 1;
	b->tx_failed = false;
	enum rd_err rc = b->ops->begin_keyed(s);
	if (rc)
		b->tx_depth = 0;
	b->tx_keyed = rc == RD_OK;
	return noted(b, rc);
}

enum rd_err rd_store_begin_read(struct rd_store *s)
{
	struct rd_store_base *b = BASE(s);
	if (b->tx_depth > 0 || b->in_group || !b->ops->begin_read)
		return rd_store_begin(s);
	b->tx_depth = 1;
	b->tx_failed = false;
	b->tx_keyed = false;
	enum rd_err rc = b->ops->begin_read(s);
	if (rc)
		b->tx_depth = 0;
	return noted(b, rc);
}

/* Keys live in pg_advisory_xact_lock's bigint space: 0x72 ("r") in the top
 * byte, the kind in the next, the id in the low 48 bits — away from the
 * small keys of migrations, the write lock and the jobs. Two ids equal in
 * their low 48 bits would share a lock: more waiting, never less. */
static int64_t key_of(enum rd_store_key kind, int64_t id)
{
	uint64_t key = (UINT64_C(0x72) << 56) | ((uint64_t)(kind & 0xff) << 48) |
		       ((uint64_t)id & ((UINT64_C(1) << 48) - 1));
	return (int64_t)key;
}

enum rd_err rd_store_lock_key(struct rd_store *s, enum rd_store_key kind, int64_t id)
{
	struct rd_store_base *b = BASE(s);
	if (b->tx_depth <= 0)
		return RD_ESTATE;
	if (!b->tx_keyed)
		return RD_OK;
	return b->ops->lock_key(s, key_of(kind, id));
}

enum rd_err rd_store_begin_keyed_on(struct rd_store *s, enum rd_store_key kind, int64_t id)
{
	struct rd_store_base *b = BASE(s);
	if (b->tx_depth > 0 || b->in_group || !b->ops->begin_keyed_on) {
		enum rd_err rc = rd_store_begin_keyed(s);
		if (rc == RD_OK && (rc = rd_store_lock_key(s, kind, id)))
			rd_store_rollback(s);
		return rc;
	}
	b->tx_depth = 1;
	b->tx_failed = false;
	enum rd_err rc = b->ops->begin_keyed_on(s, key_of(kind, id));
	if (rc)
		b->tx_depth = 0;
	b->tx_keyed = rc == RD_OK;
	return noted(b, rc);
}

enum rd_err rd_store_commit(struct rd_store *s)
{
	struct rd_store_base *b = BASE(s);
	if (b->tx_depth <= 0)
		return RD_ESTATE;
	if (--b->tx_depth > 0)
		return RD_OK;
	if (b->tx_failed) {
		outer_rollback(b, s);
		return RD_ESTATE;
	}
	/* In a group the commit that makes this durable is the group's. */
	enum rd_err rc = b->in_group ? b->ops->exec_simple(s, "RELEASE rd_tx") : b->ops->commit(s);
	if (rc)
		outer_rollback(b, s);
	return noted(b, rc);
}

void rd_store_rollback(struct rd_store *s)
{
	struct rd_store_base *b = BASE(s);
	if (b->tx_depth <= 0)
		return;
	if (--b->tx_depth > 0) {
		b->tx_failed = true;
		return;
	}
	outer_rollback(b, s);
}

int rd_store_schema_version(struct rd_store *s)
{
	int v = -1, latest;
	if (BASE(s)->ops->schema_status(s, &v, &latest, NULL))
		return -1;
	return v;
}

enum rd_err rd_store_schema_status(struct rd_store *s, int *current, int *latest, char **errmsg)
{
	return BASE(s)->ops->schema_status(s, current, latest, errmsg);
}

bool rd_store_readonly(struct rd_store *s)
{
	return BASE(s)->ops->readonly(s);
}

void rd_store_fail_after(struct rd_store *s, int n)
{
	rd_store_fail_after_with(s, n, RD_EDB);
}

void rd_store_fail_after_with(struct rd_store *s, int n, enum rd_err rc)
{
	BASE(s)->fail_in = n > 0 ? n : 0;
	BASE(s)->fail_rc = rc ? rc : RD_EDB;
	BASE(s)->fault_fired = false;
}

enum rd_err rd_store_last_failure(struct rd_store *s)
{
	return BASE(s)->last_fail;
}

/* True when this call is the one fault injection picked. */
static bool injected(struct rd_store_base *b)
{
	if (b->fail_in <= 0 || --b->fail_in > 0)
		return false;
	b->fault_fired = true;
	return true;
}

enum rd_err rd_store_prepare(struct rd_store *s, const char *sql, struct rd_stmt **out)
{
	*out = NULL;
	BASE(s)->n_prepares++;
	if (injected(BASE(s)))
		return noted(BASE(s), BASE(s)->fail_rc);
	enum rd_err rc = BASE(s)->ops->prepare(s, sql, out);
	if (rc)
		*out = NULL; /* the NULL every rd_stmt_* call accepts */
	return noted(BASE(s), rc);
}

void rd_store_stats(struct rd_store *s, int64_t *prepares, int64_t *steps)
{
	if (prepares)
		*prepares = BASE(s)->n_prepares;
	if (steps)
		*steps = BASE(s)->n_steps;
}

enum rd_err rd_store_end(struct rd_store *s, enum rd_err rc, char **errmsg)
{
	if (rc) {
		rd_store_rollback(s);
		return rc;
	}
	if ((rc = rd_store_commit(s)))
		return rd_fail(rc == RD_ESTATE ? RD_ESTATE : RD_EDB, errmsg, "commit failed: %s",
			       rc == RD_ESTATE ? "an inner step was rolled back" : rd_store_errmsg(s));
	return RD_OK;
}

const char *rd_store_errmsg(struct rd_store *s)
{
	if (BASE(s)->fault_fired)
		return "injected fault";
	return BASE(s)->ops->errmsg(s);
}

void rd_store_set_busy_timeout(struct rd_store *s, int ms)
{
	if (BASE(s)->ops->busy_timeout)
		BASE(s)->ops->busy_timeout(s, ms);
}

#define SB(st) ((struct rd_stmt_base *)(st))
#define OPS(st) (SB(st)->ops)

/* Keeps the first bind error for rd_stmt_step (see store.h). */
static enum rd_err bound(struct rd_stmt *st, enum rd_err rc)
{
	if (rc && !SB(st)->bind_err)
		SB(st)->bind_err = rc;
	return rc;
}

/* A statement whose prepare failed is NULL: every call takes it (store.h). */
enum rd_err rd_stmt_bind_int(struct rd_stmt *st, int idx, int64_t v)
{
	return st ? bound(st, OPS(st)->bind_int(st, idx, v)) : RD_EDB;
}
enum rd_err rd_stmt_bind_double(struct rd_stmt *st, int idx, double v)
{
	return st ? bound(st, OPS(st)->bind_double(st, idx, v)) : RD_EDB;
}
enum rd_err rd_stmt_bind_text(struct rd_stmt *st, int idx, const char *v)
{
	if (!st)
		return RD_EDB;
	return bound(st, v ? OPS(st)->bind_text(st, idx, v) : OPS(st)->bind_null(st, idx));
}
enum rd_err rd_stmt_bind_null(struct rd_stmt *st, int idx)
{
	return st ? bound(st, OPS(st)->bind_null(st, idx)) : RD_EDB;
}
enum rd_err rd_stmt_step(struct rd_stmt *st, bool *row)
{
	*row = false;
	if (!st)
		return RD_EDB;
	if (SB(st)->bind_err)
		return SB(st)->bind_err;
	if (SB(st)->store)
		SB(st)->store->n_steps++;
	if (SB(st)->store && injected(SB(st)->store))
		return noted(SB(st)->store, SB(st)->store->fail_rc);
	return noted(SB(st)->store, OPS(st)->step(st, row));
}
enum rd_err rd_stmt_step_later(struct rd_stmt *st)
{
	if (!st)
		return RD_EDB;
	if (!OPS(st)->step_later) {
		bool row;
		return rd_stmt_step(st, &row);
	}
	if (SB(st)->bind_err)
		return SB(st)->bind_err;
	if (SB(st)->store)
		SB(st)->store->n_steps++;
	if (SB(st)->store && injected(SB(st)->store))
		return noted(SB(st)->store, SB(st)->store->fail_rc);
	return noted(SB(st)->store, OPS(st)->step_later(st));
}
int rd_stmt_ncols(struct rd_stmt *st) { return st ? OPS(st)->ncols(st) : 0; }
const char *rd_stmt_col_name(struct rd_stmt *st, int col) { return st ? OPS(st)->col_name(st, col) : NULL; }
bool rd_stmt_col_null(struct rd_stmt *st, int col) { return st ? OPS(st)->col_null(st, col) : true; }
int64_t rd_stmt_col_int(struct rd_stmt *st, int col) { return st ? OPS(st)->col_int(st, col) : 0; }
double rd_stmt_col_double(struct rd_stmt *st, int col) { return st ? OPS(st)->col_double(st, col) : 0; }
const char *rd_stmt_col_text(struct rd_stmt *st, int col) { return st ? OPS(st)->col_text(st, col) : NULL; }
void rd_stmt_free(struct rd_stmt *st)
{
	if (st)
		OPS(st)->finalize(st);
}

/* Binds the values of AP as TYPES says ('i', 't', 'n'). */
static enum rd_err bind_va(struct rd_stmt *st, const char *types, va_list ap)
{
	enum rd_err rc = RD_OK;
	for (int i = 0; types[i] && rc == RD_OK; i++) {
		switch (types[i]) {
		case 'i': rc = rd_stmt_bind_int(st, i + 1, va_arg(ap, int64_t)); break;
		case 't': rc = rd_stmt_bind_text(st, i + 1, va_arg(ap, const char *)); break;
		case 'n': rc = rd_stmt_bind_null(st, i + 1); break;
		default: rc = RD_EINVAL;
		}
	}
	return rc;
}

enum rd_err rd_store_ids(struct rd_store *s, int64_t **ids, size_t *n, const char *sql, const char *types, ...)
{
	struct rd_stmt *st;
	int64_t *v = NULL;
	size_t len = 0, cap = 0;
	*ids = NULL;
	*n = 0;
	enum rd_err rc = rd_store_prepare(s, sql, &st);
	if (rc)
		return rc;
	va_list ap;
	va_start(ap, types);
	rc = bind_va(st, types, ap);
	va_end(ap);
	bool row = false;
	while (rc == RD_OK && (rc = rd_stmt_step(st, &row)) == RD_OK && row) {
		if (len == cap) {
			size_t ncap = cap ? 2 * cap : 16;
			int64_t *nv = realloc(v, ncap * sizeof *nv);
			if (!nv) {
				rc = RD_ENOMEM;
				break;
			}
			v = nv;
			cap = ncap;
		}
		v[len++] = rd_stmt_col_int(st, 0);
	}
	rd_stmt_free(st);
	if (rc) {
		free(v);
		return rc;
	}
	*ids = v;
	*n = len;
	return RD_OK;
}

/* SQL prepared into *ST with the values AP of TYPES bound; *ST is set
 * (for the caller to free) whenever the prepare succeeded. */
static enum rd_err prepare_bound(struct rd_store *s, struct rd_stmt **st, const char *sql, const char *types,
				 va_list ap)
{
	enum rd_err rc = rd_store_prepare(s, sql, st);
	return rc ? rc : bind_va(*st, types, ap);
}

enum rd_err rd_store_exec(struct rd_store *s, int64_t *out, const char *sql, const char *types, ...)
{
	struct rd_stmt *st = NULL;
	va_list ap;
	va_start(ap, types);
	enum rd_err rc = prepare_bound(s, &st, sql, types, ap);
	va_end(ap);
	if (!st)
		return rc;
	bool row = false;
	if (rc == RD_OK)
		rc = rd_stmt_step(st, &row);
	if (rc == RD_OK && out) {
		if (row)
			*out = rd_stmt_col_int(st, 0);
		else
			rc = RD_ENOTFOUND;
	}
	rd_stmt_free(st);
	return rc;
}

enum rd_err rd_store_exec_later(struct rd_store *s, const char *sql, const char *types, ...)
{
	struct rd_stmt *st = NULL;
	va_list ap;
	va_start(ap, types);
	enum rd_err rc = prepare_bound(s, &st, sql, types, ap);
	va_end(ap);
	if (!st)
		return rc;
	if (rc == RD_OK)
		rc = rd_stmt_step_later(st);
	rd_stmt_free(st);
	return rc;
}

int64_t rd_store_round_trips(struct rd_store *s)
{
	return BASE(s)->ops->round_trips ? BASE(s)->ops->round_trips(s) : 0;
}
