/* agenda.c — the communication clock over the database.
 *
 * The rules live in lib/clock/clock.c as a pure function of one track's
 * facts. Here we load those facts from the store, keep each track's
 * obligations in the obligations table (refreshed inside every write that
 * touches the track: rd_track_changed), and read them back as the agenda.
 * Because the table is indexed by what is open, the agenda costs what is
 * due, not what is history. See docs/internals/agenda.md. */
#include <inttypes.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "model_int.h"
#include "redress/agenda.h"
#include "redress/notify.h"
#include "redress/time.h"
#include "redress/trust.h"
#include "util/buf.h"
#include "util/jsonw.h"

/* Recurring steps of an unresolved failure are generated this far past the
 * last known event; the agenda extends a track on demand past that. */
#define HORIZON (30 * 86400)

/* ---- the policy in force ---- */

/* The file is a setting of the front (the CLI's $REDRESS_POLICY), handed
 * down once through rd_policy_select before the policy is first used; the
 * policy is then loaded once and shared, read-only, by every thread. */
static pthread_mutex_t policy_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t policy_once = PTHREAD_ONCE_INIT;
static char *policy_path;
static bool policy_loaded;
static struct rd_policy *policy;
static char *policy_error;

static void load_policy(void)
{
	pthread_mutex_lock(&policy_lock);
	if (rd_policy_load(policy_path, &policy, &policy_error))
		policy = NULL;
	policy_loaded = true;
	pthread_mutex_unlock(&policy_lock);
}

enum rd_err rd_policy_select(const char *path, char **errmsg)
{
	enum rd_err rc = RD_OK;
	pthread_mutex_lock(&policy_lock);
	if (policy_loaded) {
		rc = rd_fail(RD_ESTATE, errmsg, "the policy is already loaded; choose its file before using it");
	} else {
		free(policy_path);
		policy_path = path && *path ? strdup(path) : NULL;
		if (path && *path && !policy_path)
			rc = rd_fail(RD_ENOMEM, errmsg, "out of memory");
	}
	pthread_mutex_unlock(&policy_lock);
	return rc;
}

enum rd_err rd_policy_in_force(const struct rd_policy **out, char **errmsg)
{
	pthread_once(&policy_once, load_policy);
	if (!policy)
		return rd_fail(RD_EINVAL, errmsg, "policy: %s", policy_error ? policy_error : "cannot load");
	*out = policy;
	return RD_OK;
}

/* ---- loading one track ---- */

/* A track's obligation row as stored (track_load with its rows asked
 * for): what refresh_track compares the new computation with. */
struct stored_row {
	const char *key, *kind, *column, *channels; /* the track's copies */
	int64_t seq, opens_at, due_at, met_by, met_at, waived_at, manager_at, chases;
	bool met_by_null, met_at_null, waived_null, manager_null;
};

struct track {
	struct rd_clock_input in;
	struct stored_row *rows; /* the stored obligations, by key; NULL unless asked for */
	size_t nrows;
	struct rd_clock_comm *comms;
	struct rd_clock_eta_revision *revs;
	struct rd_clock_discrepancy *discs;
	struct rd_clock_waiver *waivers;
	char *status, *tier, *tz, *client_name;
	char **strings;          /* every other copied string, freed together */
	size_t nstrings, capstrings;
	int64_t last_event;
	int64_t generation;      /* the tracks row's (0: none yet); read with ROWS */
	bool affected;           /* an impact with affected <> 'no' exists */
	bool draft;              /* the failure awaits confirmation: no clock yet */
};

static const char *keep(struct track *t, const char *s)
{
	if (!s)
		return NULL;
	if (t->nstrings == t->capstrings) {
		size_t cap = t->capstrings ? t->capstrings * 2 : 32;
		char **p = realloc(t->strings, cap * sizeof *p);
		if (!p)
			return NULL;
		t->strings = p;
		t->capstrings = cap;
	}
	char *c = strdup(s);
	if (c)
		t->strings[t->nstrings++] = c;
	return c;
}

/* A communication's kind, channel or direction as a name the program holds
 * for good (rd_comm_kind_name, rd_channel_name, "out"/"in"): the clock reads
 * every communication of the track on every write, and a copy per column
 * per row was most of that write's CPU. A name outside those closed sets
 * (the database edited by hand) is copied, so the clock names it. */
static const char *kind_name(struct track *t, const char *s)
{
	const struct rd_comm_kind_info *k = s ? rd_comm_kind_find(s) : NULL;
	return k ? k->name : keep(t, s ? s : "");
}

static const char *channel_name(struct track *t, const char *s)
{
	const char *n = s ? rd_channel_name(rd_channel_from_name(s)) : NULL;
	return n && strcmp(n, s) == 0 ? n : keep(t, s ? s : "");
}

static const char *direction_name(struct track *t, const char *s)
{
	if (s && strcmp(s, "out") == 0)
		return "out";
	if (s && strcmp(s, "in") == 0)
		return "in";
	return keep(t, s ? s : "");
}

static void track_free(struct track *t)
{
	free(t->rows);
	free(t->comms);
	free(t->revs);
	free(t->discs);
	free(t->waivers);
	free(t->status);
	free(t->tier);
	free(t->tz);
	free(t->client_name);
	for (size_t i = 0; i < t->nstrings; i++)
		free(t->strings[i]);
	free(t->strings);
	memset(t, 0, sizeof *t);
}

static char *dup_col(struct rd_stmt *st, int col)
{
	const char *v = rd_stmt_col_text(st, col);
	return strdup(v ? v : "");
}

#define GROW(arr, n, cap)                                                        \
	do {                                                                     \
		if ((n) == (cap)) {                                              \
			size_t c_ = (cap) ? (cap) * 2 : 16;                      \
			void *p_ = realloc((arr), c_ * sizeof *(arr));           \
			if (!p_) {                                               \
				rc = RD_ENOMEM;                                  \
				goto out;                                        \
			}                                                        \
			(arr) = p_;                                              \
			(cap) = c_;                                              \
		}                                                                \
	} while (0)

static void bump(struct track *t, int64_t at)
{
	if (at > t->last_event)
		t->last_event = at;
}

/* A row of the track's ETA revisions, discrepancies or waivers as read,
 * with its id: put in (at, id) order here, not by the query (below). */
struct raw_event {
	int64_t id, at, n;
	const char *text, *text2;
};

static int cmp_raw(const void *a, const void *b)
{
	const struct raw_event *x = a, *y = b;
	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

static int cmp_row_key(const void *a, const void *b)
{
	return strcmp(((const struct stored_row *)a)->key, ((const struct stored_row *)b)->key);
}

/* Loads track (FID, CID); with ROWS, its stored obligations too (t->rows,
 * sorted by key), read by the same statement. */
static enum rd_err track_load(struct rd_store *s, const struct rd_policy *p, int64_t fid, int64_t cid,
			      bool rows, struct track *t, char **errmsg)
{
	struct rd_stmt *st = NULL;
	bool row, facts = false, client = false;
	size_t cap = 0, caprows = 0, nraw[3] = {0}, capraw[3] = {0};
	struct raw_event *raw[3] = {NULL}; /* revisions, discrepancies, waivers */
	int64_t plan_at = 0, plan_id = 0;
	enum rd_err rc;
	memset(t, 0, sizeof *t);
	t->in.failure_id = fid;
	t->in.client_id = cid;

	/* One statement: the track's facts (-1: the failure, the client, its
	 * impact and whether it is its second failure within the policy's
	 * window; no such row: no such failure), then its events:
	 * communications (0), ETA revisions (1), discrepancies (2) and waivers
	 * (3), and when ROWS (?4) the track's stored obligations (4: seq,
	 * due, met_by, met_at, key, kind, column, channels, opens_at,
	 * waived_at, manager_at, chases as text). Columns: kind of row, id, at, two integers, four texts, three
	 * integers, a text, an integer — the first branch names every type, so
	 * the others' NULLs are typed too. The facts row: id is the client's
	 * (NULL: no such client), at the detection; then severity, resolved_at,
	 * status, tier, tz, name, reopened, the count of other failures in the
	 * window, draft, the impact's `affected` and, when ROWS, the track's
	 * stored generation (NULL: no tracks row yet), which the refresh moves
	 * on by one: read here, the tracks upsert needs no RETURNING.
	 *
	 * No ORDER BY: sorting every communication of the track (a temporary
	 * b-tree of all its rows) was most of a write's cost on a long track,
	 * and the clock puts them in (at, id) order itself. The few revisions,
	 * discrepancies and waivers are put in order below. */
	int64_t window = rd_duration_nominal_seconds(p->second_failure_window);
	if ((rc = rd_store_prepare(s,
		"SELECT -1, c.id, f.detected_at, f.severity, f.resolved_at, f.status, c.tier, c.tz, c.name, "
		"f.reopened, (SELECT count(*) FROM impacts i2 JOIN failures f2 ON f2.id = i2.failure_id "
		" WHERE i2.client_id = ?2 AND i2.failure_id <> f.id AND i2.affected <> 'no' "
		" AND f2.detected_at BETWEEN f.detected_at - ?3 AND f.detected_at), f.draft, i.affected, "
		"(SELECT t.generation FROM tracks t WHERE ?4 <> 0 AND t.failure_id = ?1 AND t.client_id = ?2) "
		"FROM failures f LEFT JOIN clients c ON c.id = ?2 "
		"LEFT JOIN impacts i ON i.client_id = ?2 AND i.failure_id = f.id WHERE f.id = ?1 UNION ALL "
		"SELECT 0, id, at, chase, fact_eta, kind, channel, direction, visibility, NULL, NULL, NULL, NULL, NULL "
		"FROM communications WHERE failure_id = ?1 AND client_id = ?2 UNION ALL "
		"SELECT 1, id, at, eta, NULL, reason, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM eta_revisions "
		"WHERE failure_id = ?1 AND (client_id IS NULL OR client_id = ?2) UNION ALL "
		"SELECT 2, id, at, communication_id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL "
		"FROM discrepancies WHERE failure_id = ?1 AND client_id = ?2 UNION ALL "
		"SELECT 3, id, at, by_user_id, NULL, key, reason, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM waivers "
		"WHERE failure_id = ?1 AND client_id = ?2 UNION ALL "
		"SELECT 4, seq, due_at, met_by, met_at, key, kind, column_name, channels, opens_at, waived_at, "
		"manager_at, CAST(chases AS TEXT), NULL FROM obligations WHERE ?4 <> 0 AND failure_id = ?1 "
		"AND client_id = ?2", &st)))
		goto db;
	rd_stmt_bind_int(st, 1, fid);
	rd_stmt_bind_int(st, 2, cid);
	rd_stmt_bind_int(st, 3, window);
	rd_stmt_bind_int(st, 4, rows);
	while ((rc = rd_stmt_step(st, &row)) == RD_OK && row) {
		int64_t what = rd_stmt_col_int(st, 0), at = rd_stmt_col_int(st, 2);
		if (what == -1) {
			facts = true;
			if ((client = !rd_stmt_col_null(st, 1)) == false)
				continue;
			t->in.severity = (int)rd_stmt_col_int(st, 3);
			t->in.detected_at = at;
			t->in.resolved_at = rd_stmt_col_null(st, 4) ? 0 : rd_stmt_col_int(st, 4);
			t->in.reopened = (int)rd_stmt_col_int(st, 9);
			t->affected = !rd_stmt_col_null(st, 12) && strcmp(rd_stmt_col_text(st, 12), "no") != 0;
			t->in.second_failure = rd_stmt_col_int(st, 10) > 0;
			t->draft = rd_stmt_col_int(st, 11) != 0;
			t->generation = rd_stmt_col_null(st, 13) ? 0 : rd_stmt_col_int(st, 13);
			if (!(t->status = dup_col(st, 5)) || !(t->tier = dup_col(st, 6)) ||
			    !(t->tz = dup_col(st, 7)) || !(t->client_name = dup_col(st, 8))) {
				rc = RD_ENOMEM;
				goto out;
			}
			bump(t, t->in.detected_at);
			bump(t, t->in.resolved_at);
		} else if (what == 0) {
			bump(t, at);
			GROW(t->comms, t->in.n_comms, cap);
			struct rd_clock_comm *c = &t->comms[t->in.n_comms++];
			c->id = rd_stmt_col_int(st, 1);
			c->kind = kind_name(t, rd_stmt_col_text(st, 5));
			c->channel = channel_name(t, rd_stmt_col_text(st, 6));
			c->direction = direction_name(t, rd_stmt_col_text(st, 7));
			c->at = at;
			c->chase = rd_stmt_col_int(st, 3) != 0;
			c->internal = strcmp(rd_stmt_col_text(st, 8), "internal") == 0;
			if (!c->kind || !c->channel || !c->direction) {
				rc = RD_ENOMEM;
				goto out;
			}
			/* The first ETA promised: the plan presented to this
			 * client, the earliest in (at, id) order. */
			if (!rd_stmt_col_null(st, 4) && strcmp(c->kind, "plan") == 0 && strcmp(c->direction, "out") == 0 &&
			    (!plan_id || at < plan_at || (at == plan_at && c->id < plan_id))) {
				plan_at = at;
				plan_id = c->id;
				t->in.initial_eta = rd_stmt_col_int(st, 4);
			}
		} else if (what >= 1 && what <= 3) {
			size_t k = (size_t)(what - 1);
			bump(t, at);
			GROW(raw[k], nraw[k], capraw[k]);
			struct raw_event *e = &raw[k][nraw[k]++];
			e->id = rd_stmt_col_int(st, 1);
			e->at = at;
			e->n = rd_stmt_col_null(st, 3) ? 0 : rd_stmt_col_int(st, 3);
			e->text = keep(t, rd_stmt_col_text(st, 5));
			e->text2 = keep(t, rd_stmt_col_text(st, 6));
		} else if (what == 4) {
			GROW(t->rows, t->nrows, caprows);
			struct stored_row *o = &t->rows[t->nrows++];
			memset(o, 0, sizeof *o);
			o->seq = rd_stmt_col_int(st, 1);
			o->due_at = at;
			o->met_by_null = rd_stmt_col_null(st, 3);
			o->met_by = rd_stmt_col_int(st, 3);
			o->met_at_null = rd_stmt_col_null(st, 4);
			o->met_at = rd_stmt_col_int(st, 4);
			o->opens_at = rd_stmt_col_int(st, 9);
			o->waived_null = rd_stmt_col_null(st, 10);
			o->waived_at = rd_stmt_col_int(st, 10);
			o->manager_null = rd_stmt_col_null(st, 11);
			o->manager_at = rd_stmt_col_int(st, 11);
			const char *ch = rd_stmt_col_text(st, 12);
			o->chases = ch ? strtoll(ch, NULL, 10) : 0;
			if (!(o->key = keep(t, rd_stmt_col_text(st, 5))) || !(o->kind = keep(t, rd_stmt_col_text(st, 6))) ||
			    !(o->column = keep(t, rd_stmt_col_text(st, 7))) ||
			    !(o->channels = keep(t, rd_stmt_col_text(st, 8)))) {
				rc = RD_ENOMEM;
				goto out;
			}
		}
	}
	rd_stmt_free(st);
	st = NULL;
	if (rc)
		goto db;
	if (!facts || !client) {
		track_free(t);
		for (int k = 0; k < 3; k++)
			free(raw[k]);
		return !facts ? rd_fail(RD_ENOTFOUND, errmsg, "no failure with id %" PRId64, fid)
			      : rd_fail(RD_ENOTFOUND, errmsg, "no client with id %" PRId64, cid);
	}
	t->in.status = t->status;
	t->in.tier = t->tier;
	t->in.tz = t->tz;
	for (int k = 0; k < 3; k++)
		if (nraw[k] > 1)
			qsort(raw[k], nraw[k], sizeof *raw[k], cmp_raw);
	if (t->nrows > 1)
		qsort(t->rows, t->nrows, sizeof *t->rows, cmp_row_key);
	/* Revisions: the whole failure's and this client's own, in order,
	 * after the plan's ETA is known. One that repeats the ETA already in
	 * force is not a change; without a plan's ETA the first revision is
	 * the initial estimate. */
	size_t cap_revs = 0, cap_discs = 0, cap_waivers = 0;
	int64_t in_force = t->in.initial_eta;
	for (size_t i = 0; i < nraw[0]; i++) {
		const struct raw_event *e = &raw[0][i];
		if (!in_force) {
			t->in.initial_eta = in_force = e->n;
			continue;
		}
		if (e->n == in_force)
			continue;
		GROW(t->revs, t->in.n_revisions, cap_revs);
		struct rd_clock_eta_revision *r = &t->revs[t->in.n_revisions++];
		r->at = e->at;
		r->eta = e->n;
		r->reason = e->text;
		in_force = e->n;
	}
	for (size_t i = 0; i < nraw[1]; i++) {
		GROW(t->discs, t->in.n_discrepancies, cap_discs);
		t->discs[t->in.n_discrepancies].at = raw[1][i].at;
		t->discs[t->in.n_discrepancies++].comm_id = raw[1][i].n;
	}
	for (size_t i = 0; i < nraw[2]; i++) {
		GROW(t->waivers, t->in.n_waivers, cap_waivers);
		struct rd_clock_waiver *w = &t->waivers[t->in.n_waivers++];
		w->key = raw[2][i].text;
		w->reason = raw[2][i].text2;
		w->by_user_id = raw[2][i].n;
		w->at = raw[2][i].at;
	}
	for (int k = 0; k < 3; k++)
		free(raw[k]);
	t->in.comms = t->comms;
	t->in.revisions = t->revs;
	t->in.discrepancies = t->discs;
	t->in.waivers = t->waivers;
	return RD_OK;
out:
	rd_stmt_free(st);
	track_free(t);
	for (int k = 0; k < 3; k++)
		free(raw[k]);
	return rd_fail(rc, errmsg, "out of memory loading a track");
db:
	rd_stmt_free(st);
	track_free(t);
	for (int k = 0; k < 3; k++)
		free(raw[k]);
	return rd_fail(RD_EDB, errmsg, "reading the track of failure #%" PRId64 ": %s", fid,
		       rd_store_errmsg(s));
}

enum rd_err rd_track_compute(struct rd_store *s, int64_t failure_id, int64_t client_id, int64_t at,
			     struct rd_clock_result *out, char **errmsg)
{
	const struct rd_policy *p = NULL;
	memset(out, 0, sizeof *out);
	enum rd_err rc = rd_policy_in_force(&p, errmsg);
	if (rc)
		return rc;
	struct track t;
	if ((rc = track_load(s, p, failure_id, client_id, false, &t, errmsg)))
		return rc;
	t.in.now = at;
	rc = rd_clock_compute(p, &t.in, out, errmsg);
	track_free(&t);
	return rc;
}

/* ---- keeping the table in step ---- */

static void channels_text(unsigned mask, char *buf, size_t n)
{
	if (mask == RD_CH_ANY) {
		snprintf(buf, n, "any");
		return;
	}
	size_t len = 0;
	buf[0] = '\0';
	for (unsigned bit = 1; bit <= RD_CH_LETTER; bit <<= 1) {
		const char *name = (mask & bit) ? rd_channel_name(bit) : NULL;
		if (name && len < n)
			len += (size_t)snprintf(buf + len, n - len, "%s%s", len ? "," : "", name);
	}
}

/* The obligations of a track are written in batches of up to OB_BATCH rows,
 * one statement each: INSERT … VALUES (row 1), (row 2) … with this
 * upsert's conflict clause. The text is built from these constant pieces
 * and numbered placeholders only. */
#define OB_COLS 15
#define OB_BATCH 32
static const char upsert_obligations_head[] =
	"INSERT INTO obligations (failure_id, client_id, key, kind, seq, column_name, opens_at, "
	"due_at, channels, met_by, met_at, waived_at, manager_at, chases, generation) VALUES ";
static const char upsert_obligations_tail[] =
	" ON CONFLICT (failure_id, client_id, key) DO UPDATE SET kind = excluded.kind, "
	"seq = excluded.seq, column_name = excluded.column_name, opens_at = excluded.opens_at, "
	"due_at = excluded.due_at, channels = excluded.channels, met_by = excluded.met_by, "
	"met_at = excluded.met_at, waived_at = excluded.waived_at, "
	"manager_at = excluded.manager_at, chases = excluded.chases, "
	"generation = excluded.generation WHERE (obligations.kind, obligations.seq, "
	"obligations.column_name, obligations.opens_at, obligations.due_at, obligations.channels, "
	"obligations.met_by, obligations.met_at, obligations.waived_at, obligations.manager_at, "
	"obligations.chases) IS DISTINCT FROM (excluded.kind, excluded.seq, excluded.column_name, "
	"excluded.opens_at, excluded.due_at, excluded.channels, excluded.met_by, excluded.met_at, "
	"excluded.waived_at, excluded.manager_at, excluded.chases)";
/* Rows of the track whose keys the new computation no longer has: the
 * keys of the track are bound from ?3 on. */
static const char delete_stale_head[] =
	"DELETE FROM obligations WHERE failure_id = ?1 AND client_id = ?2 AND key NOT IN (";

/* The statement for a batch of N rows, built once per N for the process
 * (every write refreshes a track: formatting 15 placeholders a row each
 * time was a measurable share of a write's CPU). upsert_texts[N - 1];
 * NULL when it could not be built (out of memory). An unchanged row is
 * left as it is (the WHERE of the conflict clause): a write rewrites only
 * the obligations it moved, and the generation of a row is the one that
 * last changed it. */
static pthread_once_t upsert_once = PTHREAD_ONCE_INIT;
static char *upsert_texts[OB_BATCH];
/* The stale-row delete for a track of N keys, delete_texts[N - 1], built
 * alongside for N <= OB_BATCH; longer tracks build theirs per write. */
static char *delete_texts[OB_BATCH];

/* The delete of the rows of a track that has N >= 1 keys now; caller frees. */
static char *delete_stale_text(size_t n)
{
	struct rd_buf sql = RD_BUF_INIT;
	rd_buf_adds(&sql, delete_stale_head);
	for (size_t k = 0; k < n; k++)
		rd_buf_addf(&sql, "%s?%d", k ? ", " : "", (int)k + 3);
	rd_buf_addc(&sql, ')');
	if (sql.oom) {
		rd_buf_free(&sql);
		return NULL;
	}
	return sql.data;
}

static void build_upsert_texts(void)
{
	for (size_t n = 1; n <= OB_BATCH; n++) {
		struct rd_buf sql = RD_BUF_INIT;
		rd_buf_adds(&sql, upsert_obligations_head);
		for (size_t k = 0; k < n; k++) {
			rd_buf_adds(&sql, k ? ", (" : "(");
			for (int c = 1; c <= OB_COLS; c++)
				rd_buf_addf(&sql, "%s?%d", c > 1 ? ", " : "", (int)(k * OB_COLS) + c);
			rd_buf_addc(&sql, ')');
		}
		rd_buf_adds(&sql, upsert_obligations_tail);
		if (sql.oom)
			rd_buf_free(&sql);
		else
			upsert_texts[n - 1] = sql.data; /* kept for the process */
		delete_texts[n - 1] = delete_stale_text(n); /* kept for the process */
	}
}

/* Deletes the obligations of track (FID, CID) whose keys are not among
 * OBS[0..N) (N >= 1): what the new computation dropped, and nothing else. */
static enum rd_err delete_stale_obligations(struct rd_store *s, int64_t fid, int64_t cid,
					    const struct rd_obligation *obs, size_t n)
{
	pthread_once(&upsert_once, build_upsert_texts);
	char *own = n > OB_BATCH ? delete_stale_text(n) : NULL;
	const char *sql = n > OB_BATCH ? own : delete_texts[n - 1];
	if (!sql)
		return RD_ENOMEM;
	struct rd_stmt *st;
	enum rd_err rc = rd_store_prepare(s, sql, &st);
	if (rc == RD_OK) {
		rd_stmt_bind_int(st, 1, fid);
		rd_stmt_bind_int(st, 2, cid);
		for (size_t k = 0; k < n; k++)
			rd_stmt_bind_text(st, (int)k + 3, obs[k].key);
		rc = rd_stmt_step_later(st); /* a bind error surfaces here */
		rd_stmt_free(st);
	}
	free(own);
	return rc;
}

/* Upserts OBS[0..N) (1 <= N <= OB_BATCH) of track (FID, CID) at generation GEN. */
static enum rd_err upsert_obligations(struct rd_store *s, int64_t fid, int64_t cid, int64_t gen,
				      const struct rd_obligation *obs, size_t n)
{
	pthread_once(&upsert_once, build_upsert_texts);
	if (!upsert_texts[n - 1])
		return RD_ENOMEM;
	struct rd_stmt *st;
	enum rd_err rc = rd_store_prepare(s, upsert_texts[n - 1], &st);
	for (size_t k = 0; rc == RD_OK && k < n; k++) {
		const struct rd_obligation *o = &obs[k];
		int b = (int)(k * OB_COLS);
		char ch[96];
		channels_text(o->channels, ch, sizeof ch);
		rd_stmt_bind_int(st, b + 1, fid);
		rd_stmt_bind_int(st, b + 2, cid);
		rd_stmt_bind_text(st, b + 3, o->key);
		rd_stmt_bind_text(st, b + 4, o->kind);
		rd_stmt_bind_int(st, b + 5, o->seq);
		rd_stmt_bind_text(st, b + 6, rd_column_name(o->column));
		rd_stmt_bind_int(st, b + 7, o->opens_at);
		rd_stmt_bind_int(st, b + 8, o->due_at);
		rd_stmt_bind_text(st, b + 9, ch); /* copied: the buffer may go */
		if (o->met_by) {
			rd_stmt_bind_int(st, b + 10, o->met_by);
			rd_stmt_bind_int(st, b + 11, o->met_at);
		} else {
			rd_stmt_bind_null(st, b + 10);
			rd_stmt_bind_null(st, b + 11);
		}
		if (o->state == RD_OB_WAIVED)
			rd_stmt_bind_int(st, b + 12, o->waived_at);
		else
			rd_stmt_bind_null(st, b + 12);
		rd_stmt_bind_int(st, b + 13, o->manager_at);
		rd_stmt_bind_int(st, b + 14, o->chases);
		rd_stmt_bind_int(st, b + 15, gen);
	}
	if (rc == RD_OK)
		rc = rd_stmt_step_later(st); /* a bind error surfaces here */
	rd_stmt_free(st);
	return rc;
}

/* Whether the stored row X holds what the upsert would write for O (CH:
 * its channels as text): every column the upsert sets but the generation. */
static bool row_unchanged(const struct stored_row *x, const struct rd_obligation *o, const char *ch)
{
	const char *col = rd_column_name(o->column);
	if (!col || strcmp(x->kind, o->kind) != 0 || x->seq != o->seq || strcmp(x->column, col) != 0 ||
	    x->opens_at != o->opens_at || x->due_at != o->due_at || strcmp(x->channels, ch) != 0 ||
	    x->manager_null || x->manager_at != o->manager_at || x->chases != o->chases)
		return false;
	if (o->met_by ? (x->met_by_null || x->met_at_null || x->met_by != o->met_by || x->met_at != o->met_at)
		      : !(x->met_by_null && x->met_at_null))
		return false;
	return o->state == RD_OB_WAIVED ? !x->waived_null && x->waived_at == o->waived_at : x->waived_null;
}

static enum rd_err refresh_track(struct rd_store *s, int64_t fid, int64_t cid, int64_t now, char **errmsg)
{
	const struct rd_policy *p = NULL;
	enum rd_err rc = rd_policy_in_force(&p, errmsg);
	if (rc)
		return rc;
	struct track t;
	if ((rc = track_load(s, p, fid, cid, true, &t, errmsg)))
		return rc;
	if (!t.affected || t.draft) {
		/* Not (or no longer) affected, or a draft nobody confirmed yet:
		 * no obligations. */
		track_free(&t);
		if (rd_store_exec_later(s, "DELETE FROM obligations WHERE failure_id = ?1 AND client_id = ?2",
					"ii", fid, cid) ||
		    rd_store_exec_later(s, "DELETE FROM tracks WHERE failure_id = ?1 AND client_id = ?2", "ii",
					fid, cid))
			return rd_fail(RD_EDB, errmsg, "clearing a track: %s", rd_store_errmsg(s));
		return RD_OK;
	}
	int64_t base = now;
	if (t.last_event > base)
		base = t.last_event;
	int64_t horizon = base + HORIZON;
	t.in.now = horizon;
	struct rd_clock_result r;
	rc = rd_clock_compute(p, &t.in, &r, errmsg);
	if (rc) {
		track_free(&t);
		rd_clock_result_free(&r);
		return rc;
	}
	/* Only what moved is written: the computed obligations that differ
	 * from their stored rows (or have none), and the stored rows whose
	 * keys the computation no longer has are deleted. A track whose
	 * schedule the write did not move costs no obligation statement. */
	struct rd_obligation *moved = r.n ? malloc(r.n * sizeof *moved) : NULL;
	size_t nmoved = 0, matched = 0;
	if (r.n && !moved) {
		track_free(&t);
		rd_clock_result_free(&r);
		return rd_fail(RD_ENOMEM, errmsg, "out of memory");
	}
	for (size_t i = 0; i < r.n; i++) {
		struct stored_row key = {.key = r.obs[i].key};
		const struct stored_row *x = t.nrows ? bsearch(&key, t.rows, t.nrows, sizeof *t.rows, cmp_row_key)
						     : NULL;
		char ch[96];
		if (x) {
			matched++;
			channels_text(r.obs[i].channels, ch, sizeof ch);
			if (row_unchanged(x, &r.obs[i], ch))
				continue;
		}
		moved[nmoved++] = r.obs[i];
	}
	bool stale = matched < t.nrows;
	/* The generation read with the track, moved on by one: the writer of
	 * a track holds it until its commit (SQLite's one writer, PostgreSQL's
	 * client key, taken before track_load), so nobody moved it since. */
	int64_t gen = t.generation + 1;
	track_free(&t);
	/* Written, not read: on PostgreSQL these go with the next statement
	 * that must answer (rd_stmt_step_later), not a round trip each. */
	rc = rd_store_exec_later(s,
		"INSERT INTO tracks (failure_id, client_id, column_name, horizon, resolved, generation) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (failure_id, client_id) DO UPDATE SET "
		"column_name = excluded.column_name, horizon = excluded.horizon, "
		"resolved = excluded.resolved, generation = excluded.generation",
		"iitiii", fid, cid, rd_column_name(r.column), horizon, (int64_t)r.resolved, gen);
	for (size_t i = 0; rc == RD_OK && i < nmoved; i += OB_BATCH)
		rc = upsert_obligations(s, fid, cid, gen, moved + i, nmoved - i < OB_BATCH ? nmoved - i : OB_BATCH);
	if (rc == RD_OK && stale && r.n)
		rc = delete_stale_obligations(s, fid, cid, r.obs, r.n);
	else if (rc == RD_OK && stale)
		rc = rd_store_exec_later(s, "DELETE FROM obligations WHERE failure_id = ?1 AND client_id = ?2",
					 "ii", fid, cid);
	free(moved);
	rd_clock_result_free(&r);
	if (rc)
		return rd_fail(RD_EDB, errmsg, "storing obligations: %s", rd_store_errmsg(s));
	return RD_OK;
}

enum rd_err rd_track_changed(struct rd_store *s, int64_t failure_id, int64_t client_id, int64_t now,
			     char **errmsg)
{
	if (client_id) {
		enum rd_err rc = refresh_track(s, failure_id, client_id, now, errmsg);
		return rc ? rc : rd_trust_record(s, client_id, now, NULL, errmsg);
	}
	/* the clients first, then the writes: no statement open while writing */
	int64_t *ids = NULL;
	size_t n = 0;
	enum rd_err rc = rd_store_ids(s, &ids, &n, "SELECT client_id FROM impacts WHERE failure_id = ?1 "
				      "UNION SELECT client_id FROM tracks WHERE failure_id = ?1", "i", failure_id);
	for (size_t i = 0; rc == RD_OK && i < n; i++) {
		rc = refresh_track(s, failure_id, ids[i], now, errmsg);
		if (rc == RD_OK)
			rc = rd_trust_record(s, ids[i], now, NULL, errmsg);
	}
	free(ids);
	if (rc == RD_OK)
		rc = rd_track_neighbours_changed(s, failure_id, 0, now, errmsg);
	return rc ? rd_fail(rc, errmsg, "refreshing failure #%" PRId64 ": %s", failure_id,
			    rd_store_errmsg(s)) : RD_OK;
}

/* A track's column counts another failure of its client detected within
 * the policy's window before its own (track_load: second_failure), so a
 * failure opened, confirmed or re-dated, or an impact added or changed,
 * also moves the client's tracks of failures detected from its detection
 * to a window after it. Collected first, refreshed after: no statement
 * open while writing, and a re-dating collects before it writes. */
enum rd_err rd_track_neighbours(struct rd_store *s, int64_t failure_id, int64_t client_id,
				struct rd_track_ids *out, char **errmsg)
{
	const struct rd_policy *p = NULL;
	enum rd_err rc = rd_policy_in_force(&p, errmsg);
	if (rc)
		return rc;
	struct rd_stmt *st;
	if ((rc = rd_store_prepare(s, "SELECT t.failure_id, t.client_id FROM failures f "
				   "JOIN impacts i ON i.failure_id = f.id JOIN tracks t ON t.client_id = i.client_id "
				   "JOIN failures g ON g.id = t.failure_id WHERE f.id = ?1 AND (?2 = 0 OR "
				   "i.client_id = ?2) AND t.failure_id <> f.id AND g.detected_at BETWEEN "
				   "f.detected_at AND f.detected_at + ?3", &st)))
		return rd_fail(RD_EDB, errmsg, "reading the tracks near failure #%" PRId64 ": %s", failure_id,
			       rd_store_errmsg(s));
	rd_stmt_bind_int(st, 1, failure_id);
	rd_stmt_bind_int(st, 2, client_id);
	rd_stmt_bind_int(st, 3, rd_duration_nominal_seconds(p->second_failure_window));
	bool row;
	while ((rc = rd_stmt_step(st, &row)) == RD_OK && row) {
		if (out->n == out->cap) {
			size_t ncap = out->cap ? 2 * out->cap : 8;
			int64_t(*np)[2] = realloc(out->ids, ncap * sizeof *np);
			if (!np) {
				rd_stmt_free(st);
				return rd_fail(RD_ENOMEM, errmsg, "out of memory");
			}
			out->ids = np;
			out->cap = ncap;
		}
		out->ids[out->n][0] = rd_stmt_col_int(st, 0);
		out->ids[out->n++][1] = rd_stmt_col_int(st, 1);
	}
	rd_stmt_free(st);
	return rc ? rd_fail(RD_EDB, errmsg, "reading the tracks near failure #%" PRId64 ": %s", failure_id,
			    rd_store_errmsg(s)) : RD_OK;
}

enum rd_err rd_track_ids_refresh(struct rd_store *s, const struct rd_track_ids *t, int64_t now, char **errmsg)
{
	enum rd_err rc = RD_OK;
	for (size_t i = 0; rc == RD_OK && i < t->n; i++)
		rc = refresh_track(s, t->ids[i][0], t->ids[i][1], now, errmsg);
	return rc;
}

void rd_track_ids_free(struct rd_track_ids *t)
{
	free(t->ids);
	memset(t, 0, sizeof *t);
}

enum rd_err rd_track_neighbours_changed(struct rd_store *s, int64_t failure_id, int64_t client_id,
					int64_t now, char **errmsg)
{
	struct rd_track_ids t = {0};
	enum rd_err rc = rd_track_neighbours(s, failure_id, client_id, &t, errmsg);
	if (rc == RD_OK)
		rc = rd_track_ids_refresh(s, &t, now, errmsg);
	rd_track_ids_free(&t);
	return rc;
}

enum rd_err rd_tracks_refresh_all(struct rd_store *s, int64_t now, int64_t *n, char **errmsg)
{
	int64_t last_f = 0, last_c = 0, done = 0;
	enum rd_err rc = RD_OK;
	for (;;) {
		struct rd_stmt *st;
		if ((rc = rd_store_prepare(s, "SELECT failure_id, client_id FROM impacts WHERE "
					   "(failure_id, client_id) > (?1, ?2) ORDER BY failure_id, client_id "
					   "LIMIT 500", &st)))
			break;
		json_t *batch = json_array();
		rd_stmt_bind_int(st, 1, last_f);
		rd_stmt_bind_int(st, 2, last_c);
		bool row;
		while ((rc = rd_stmt_step(st, &row)) == RD_OK && row)
			json_array_append_new(batch, json_pack("[II]", (json_int_t)rd_stmt_col_int(st, 0),
							       (json_int_t)rd_stmt_col_int(st, 1)));
		rd_stmt_free(st);
		if (rc || json_array_size(batch) == 0) {
			json_decref(batch);
			break;
		}
		if ((rc = rd_store_begin(s))) {
			json_decref(batch);
			break;
		}
		size_t i;
		json_t *v;
		json_array_foreach(batch, i, v) {
			last_f = json_integer_value(json_array_get(v, 0));
			last_c = json_integer_value(json_array_get(v, 1));
			if ((rc = refresh_track(s, last_f, last_c, now, errmsg)))
				break;
			done++;
		}
		json_decref(batch);
		if (rc) {
			rd_store_rollback(s);
			break;
		}
		if ((rc = rd_store_commit(s)))
			break;
	}
	if (n)
		*n = done;
	return rc ? rd_fail(rc, errmsg, "refreshing obligations: %s", rd_store_errmsg(s)) : RD_OK;
}

/* ---- reading ---- */

static const char *state_at(int64_t due, int64_t met_at, int64_t waived_at, int64_t closed_at, int64_t at,
			    int64_t *late)
{
	*late = 0;
	if (waived_at && waived_at <= at)
		return "waived";
	if (closed_at && closed_at <= at && !(met_at && met_at <= at))
		return "not_applicable";
	if (met_at && met_at <= at) {
		if (met_at > due) {
			*late = met_at - due;
			return "late";
		}
		return "on_time";
	}
	if (at > due) {
		*late = at - due;
		return "overdue";
	}
	return "pending";
}

enum rd_err rd_obligations_json(struct rd_store *s, int64_t failure_id, int64_t client_id,
				int64_t at, json_t **out, char **errmsg)
{
	struct rd_jw w;
	int64_t *clients = NULL;
	size_t n = 0;
	enum rd_err rc = RD_OK;
	*out = NULL;
	if (client_id) {
		clients = &client_id;
		n = 1;
	} else if ((rc = rd_store_ids(s, &clients, &n, "SELECT client_id FROM impacts WHERE failure_id = ?1 AND "
				      "affected <> 'no' ORDER BY client_id", "i", failure_id))) {
		rc = rd_fail(rc == RD_EBUSY ? RD_EBUSY : RD_EDB, errmsg, "reading the failure's clients: %s",
			     rd_store_errmsg(s));
		goto out;
	}
	/* each track by rd_track_computed_write, its one implementation,
	 * building the callers' tree */
	rd_jw_init_tree(&w);
	rd_jw_arr(&w);
	for (size_t i = 0; i < n && rc == RD_OK; i++) {
		json_t *c = NULL;
		if ((rc = rd_record_get(s, "client", clients[i], &c, errmsg)) == RD_OK)
			rc = rd_track_computed_write(s, failure_id, clients[i], at,
						     json_string_value(json_object_get(c, "name")),
						     json_string_value(json_object_get(c, "tz")), &w, errmsg);
		json_decref(c);
	}
	rd_jw_end_arr(&w);
	enum rd_err wrc = rd_jw_tree(&w, out);
	if (rc != RD_OK) { /* the tree of a failed read is no answer */
		json_decref(*out);
		*out = NULL;
	}
	if (rc == RD_OK && (rc = wrc))
		rc = rd_fail(rc, errmsg, rc == RD_ENOMEM ? "out of memory" : "the schedule cannot be written as JSON");
out:
	if (clients != &client_id)
		free(clients);
	return rc;
}

/* ---- reading a track from the stored rows ---- */

/* The stored rows of one track and the track itself, in one statement (one
 * snapshot): obligations (0) first so every column is typed, then the
 * track (1) with its failure's status and its inbound chases. */
static const char stored_track_sql[] =
	"SELECT 0, key, kind, column_name, channels, seq, opens_at, due_at, met_by, met_at, waived_at, "
	"manager_at, chases FROM obligations WHERE failure_id = ?1 AND client_id = ?2 UNION ALL "
	"SELECT 1, t.column_name, f.status, NULL, NULL, t.horizon, f.resolved_at, "
	"(SELECT count(*) FROM communications c WHERE c.failure_id = ?1 AND c.client_id = ?2 "
	" AND c.chase <> 0 AND c.direction <> 'out'), NULL, NULL, NULL, NULL, NULL "
	"FROM tracks t JOIN failures f ON f.id = t.failure_id "
	"WHERE t.failure_id = ?1 AND t.client_id = ?2";

struct stored_ob {
	struct rd_obligation o;
	char ch[96];
};

/* rd_clock_compute's order: due time, step, series position, key. */
static int cmp_stored(const void *a, const void *b)
{
	return rd_obligation_cmp(&((const struct stored_ob *)a)->o, &((const struct stored_ob *)b)->o);
}

/* The state at AT of a stored row, as rd_clock_compute gives it when every
 * event of the track is at or before AT (met, then waived, then closed by
 * the resolution, then overdue or pending). */
static void stored_state(struct rd_obligation *o, bool resolved, int64_t resolved_at, int64_t at)
{
	if (o->step == RD_STEP_PROGRESS && !o->met_by && resolved &&
	    !(o->waived_at && o->waived_at <= resolved_at)) {
		o->closed_at = resolved_at;
		o->closed_by_rule = rd_clock_rule_resolved_progress;
	}
	rd_obligation_settle(o, at);
}

static int64_t col_or_0(struct rd_stmt *st, int col)
{
	return rd_stmt_col_null(st, col) ? 0 : rd_stmt_col_int(st, col);
}

/* A track read from its stored rows (stored_read): the obligations to show,
 * in rd_clock_compute's order, and the track's counts. */
struct stored_track {
	struct stored_ob *obs;   /* owned: free */
	size_t kept;             /* the first KEPT of OBS are shown */
	char column[16];
	int attributed;
	int64_t chases_in;
	bool answered;           /* false: the rows cannot answer for AT (the caller computes) */
};

/* Reads track (FAILURE_ID, CLIENT_ID) at AT from its stored rows into *T
 * (rd_track_stored_write's rules for when they answer). T->obs is the
 * caller's to free, whatever the result. */
static enum rd_err stored_read(struct rd_store *s, int64_t failure_id, int64_t client_id, int64_t at,
			       const char *tz, struct stored_track *t, char **errmsg)
{
	const struct rd_policy *p = NULL;
	struct stored_ob *obs = NULL;
	size_t n = 0, cap = 0;
	struct rd_stmt *st = NULL;
	bool have_track = false, usable = true, row;
	char status[32] = "";
	int64_t horizon = 0, resolved_at = 0, chases_in = 0;
	*t = (struct stored_track){0};
	enum rd_err rc = rd_policy_in_force(&p, errmsg);
	if (rc)
		return rc;
	if ((rc = rd_store_prepare(s, stored_track_sql, &st)))
		goto db;
	rd_stmt_bind_int(st, 1, failure_id);
	rd_stmt_bind_int(st, 2, client_id);
	while ((rc = rd_stmt_step(st, &row)) == RD_OK && row) {
		if (rd_stmt_col_int(st, 0) == 1) {
			const char *c = rd_stmt_col_text(st, 1), *f = rd_stmt_col_text(st, 2);
			have_track = true;
			snprintf(t->column, sizeof t->column, "%s", c ? c : "");
			if (!rd_utf8_valid(t->column, strlen(t->column), NULL))
				usable = false; /* not what the clock wrote: let it compute */
			snprintf(status, sizeof status, "%s", f ? f : "");
			horizon = rd_stmt_col_int(st, 5);
			resolved_at = col_or_0(st, 6);
			chases_in = rd_stmt_col_int(st, 7);
			continue;
		}
		if (n == cap) {
			size_t ncap = cap ? 2 * cap : 16;
			struct stored_ob *np = realloc(obs, ncap * sizeof *np);
			if (!np) {
				rc = RD_ENOMEM;
				break;
			}
			obs = np;
			cap = ncap;
		}
		struct stored_ob *x = &obs[n];
		struct rd_obligation *o = &x->o;
		memset(x, 0, sizeof *x);
		const char *key = rd_stmt_col_text(st, 1), *kind = rd_stmt_col_text(st, 2);
		const char *col = rd_stmt_col_text(st, 3), *ch = rd_stmt_col_text(st, 4);
		int step = kind ? rd_step_from_name(kind) : -1;
		size_t nkey = key ? strlen(key) : 0, nch = ch ? strlen(ch) : 0;
		if (step < 0 || !key || nkey >= sizeof o->key || !ch || nch >= sizeof x->ch ||
		    !rd_utf8_valid(key, nkey, NULL) || !rd_utf8_valid(ch, nch, NULL)) {
			usable = false; /* not a row the clock wrote: let it compute */
			continue;
		}
		memcpy(o->key, key, nkey + 1); /* lengths checked: copies, not formats */
		memcpy(x->ch, ch, nch + 1);
		o->step = (enum rd_step)step;
		o->kind = rd_step_name(o->step);
		o->column = col && strcmp(col, "key") == 0 ? RD_COL_KEY : RD_COL_STANDARD;
		o->seq = (int)rd_stmt_col_int(st, 5);
		o->opens_at = rd_stmt_col_int(st, 6);
		o->due_at = rd_stmt_col_int(st, 7);
		o->met_by = col_or_0(st, 8);
		o->met_at = o->met_by ? col_or_0(st, 9) : 0;
		o->waived_at = col_or_0(st, 10);
		o->manager_at = col_or_0(st, 11);
		o->chases = (int)rd_stmt_col_int(st, 12);
		o->waiver = -1;
		n++;
	}
	rd_stmt_free(st);
	st = NULL;
	t->obs = obs;
	if (rc == RD_ENOMEM)
		return rd_fail(RD_ENOMEM, errmsg, "out of memory");
	if (rc)
		goto db;
	/* The rows answer for AT only when every event of the track is at or
	 * before AT (they are, up to the writer's present, and horizon =
	 * max(that present, the last event) + HORIZON) and AT is within what
	 * was generated. Anything else (no track: not affected, a draft; an
	 * earlier ?at=; past the horizon) is computed by the caller. */
	if (!have_track || !usable || at < horizon - HORIZON || at > horizon)
		return RD_OK;
	bool resolved = resolved_at > 0 && resolved_at <= at &&
			(!strcmp(status, "resolved") || !strcmp(status, "closed"));
	/* Progress steps of an unresolved failure exist up to the one that
	 * opens after AT and falls due after AT + due_soon (clock.c
	 * add_progress); the rows go further, up to the horizon. */
	int64_t soon = 0;
	if (!resolved && rd_duration_add(at, p->due_soon, tz, &soon))
		return RD_OK;
	size_t kept = 0;
	int attributed = 0;
	for (size_t i = 0; i < n; i++) {
		struct rd_obligation *o = &obs[i].o;
		if (!resolved && o->step == RD_STEP_PROGRESS && o->opens_at > at && o->due_at > soon)
			continue;
		stored_state(o, resolved, resolved_at, at);
		attributed += o->chases;
		if (kept != i)
			obs[kept] = obs[i];
		kept++;
	}
	if (attributed > chases_in)
		return RD_OK; /* not what the clock would count: let it compute */
	if (kept > 1)
		qsort(obs, kept, sizeof *obs, cmp_stored);
	t->kept = kept;
	t->attributed = attributed;
	t->chases_in = chases_in;
	t->answered = true;
	return RD_OK;
db:
	rd_stmt_free(st);
	return rd_fail(RD_EDB, errmsg, "reading the obligations of failure #%" PRId64 ": %s", failure_id,
		       rd_store_errmsg(s));
}

/* One obligation as JSON, CH its channels as text: the one implementation,
 * for the stored track and the computed one alike. */
static void ob_write(const struct rd_obligation *o, const char *tz, const char *ch, struct rd_jw *w)
{
	char due[RD_TIME_BUFSZ], local[RD_TIME_BUFSZ], met[RD_TIME_BUFSZ];
	if (rd_time_format_local(o->due_at, tz && *tz ? tz : "UTC", local))
		rd_time_format(o->due_at, local);
	rd_jw_obj(w);
	rd_jw_key(w, "key");
	rd_jw_str(w, o->key);
	rd_jw_key(w, "kind");
	rd_jw_str(w, o->kind);
	rd_jw_key(w, "column");
	rd_jw_str(w, rd_column_name(o->column));
	rd_jw_key(w, "seq");
	rd_jw_int(w, o->seq);
	rd_jw_key(w, "due_at");
	rd_jw_str(w, rd_time_format(o->due_at, due));
	rd_jw_key(w, "due_local");
	rd_jw_str(w, local);
	rd_jw_key(w, "channels");
	rd_jw_str(w, ch);
	rd_jw_key(w, "state");
	rd_jw_str(w, rd_ob_state_name(o->state));
	rd_jw_key(w, "lateness_seconds");
	rd_jw_int(w, o->lateness);
	rd_jw_key(w, "escalation");
	rd_jw_int(w, o->escalation);
	rd_jw_key(w, "chases");
	rd_jw_int(w, o->chases);
	rd_jw_key(w, "met_by");
	if (o->met_by)
		rd_jw_int(w, o->met_by);
	else
		rd_jw_null(w);
	rd_jw_key(w, "met_at");
	rd_jw_str(w, o->met_by ? rd_time_format(o->met_at, met) : NULL);
	rd_jw_key(w, "closed_by_rule");
	rd_jw_str(w, o->closed_by_rule);
	rd_jw_end_obj(w);
}

/* A track object up to its "obligations" array, opened; track_tail closes
 * both. The computed and the stored track share them. */
static void track_head(struct rd_jw *w, int64_t failure_id, int64_t client_id, const char *client_name,
		       const char *column, int chases, int unattributed)
{
	rd_jw_obj(w);
	rd_jw_key(w, "failure_id");
	rd_jw_int(w, failure_id);
	rd_jw_key(w, "client_id");
	rd_jw_int(w, client_id);
	rd_jw_key(w, "client");
	rd_jw_str(w, client_name);
	rd_jw_key(w, "column");
	rd_jw_str(w, column);
	rd_jw_key(w, "chases");
	rd_jw_int(w, chases);
	rd_jw_key(w, "chases_unattributed");
	rd_jw_int(w, unattributed);
	rd_jw_key(w, "obligations");
	rd_jw_arr(w);
}

static void track_tail(struct rd_jw *w, const char *tz)
{
	rd_jw_end_arr(w);
	rd_jw_key(w, "tz");
	rd_jw_str(w, tz && *tz ? tz : "UTC");
	rd_jw_end_obj(w);
}

enum rd_err rd_track_computed_write(struct rd_store *s, int64_t failure_id, int64_t client_id, int64_t at,
				    const char *client_name, const char *tz, struct rd_jw *w, char **errmsg)
{
	struct rd_clock_result r;
	enum rd_err rc = rd_track_compute(s, failure_id, client_id, at, &r, errmsg);
	if (rc == RD_OK) {
		track_head(w, failure_id, client_id, client_name, rd_column_name(r.column), r.chases_total,
			   r.chases_unattributed);
		for (size_t k = 0; k < r.n; k++) {
			char ch[96];
			channels_text(r.obs[k].channels, ch, sizeof ch);
			ob_write(&r.obs[k], tz, ch, w);
		}
		track_tail(w, tz);
	}
	rd_clock_result_free(&r);
	return rc;
}

enum rd_err rd_track_stored_write(struct rd_store *s, int64_t failure_id, int64_t client_id, int64_t at,
				  const char *client_name, const char *tz, struct rd_jw *w, bool *written,
				  char **errmsg)
{
	struct stored_track t;
	*written = false;
	enum rd_err rc = stored_read(s, failure_id, client_id, at, tz, &t, errmsg);
	if (rc || !t.answered)
		goto out;
	track_head(w, failure_id, client_id, client_name, t.column, t.attributed, (int)(t.chases_in - t.attributed));
	for (size_t i = 0; i < t.kept; i++)
		ob_write(&t.obs[i].o, tz, t.obs[i].ch, w);
	track_tail(w, tz);
	*written = true;
out:
	free(t.obs);
	return rc;
}

/* Extends unresolved tracks whose generated horizon ends before UNTIL. */
static enum rd_err extend_tracks(struct rd_store *s, int64_t until, int64_t now, char **errmsg)
{
	struct rd_stmt *st;
	json_t *stale = json_array();
	enum rd_err rc = rd_store_prepare(s, "SELECT failure_id, client_id FROM tracks WHERE resolved = 0 "
					  "AND horizon < ?1", &st);
	if (rc == RD_OK) {
		bool row;
		rd_stmt_bind_int(st, 1, until);
		while ((rc = rd_stmt_step(st, &row)) == RD_OK && row)
			json_array_append_new(stale, json_pack("[II]", (json_int_t)rd_stmt_col_int(st, 0),
							      (json_int_t)rd_stmt_col_int(st, 1)));
		rd_stmt_free(st);
	}
	if (rc)
		rc = rd_fail(RD_EDB, errmsg, "reading tracks to extend: %s", rd_store_errmsg(s));
	size_t i;
	json_t *v;
	json_array_foreach(stale, i, v) {
		if (rc)
			break;
		rc = refresh_track(s, json_integer_value(json_array_get(v, 0)),
				   json_integer_value(json_array_get(v, 1)), now, errmsg);
	}
	json_decref(stale);
	return rc;
}

/* Open promises past due at AT (commitments open or renegotiated then),
 * as agenda rows of kind "promise", in due order: the "overdue
 * promises appear in the agenda too". The owner is the commitment's, else
 * the track's (point person, else the client's owner). */
static enum rd_err promise_rows(struct rd_store *s, int64_t at, int64_t owner_id, json_t *rows)
{
	struct rd_stmt *st;
	enum rd_err rc = rd_store_prepare(s,
		"SELECT k.id, k.failure_id, f.title, k.client_id, c.name, c.tz, k.text, k.due_at, u.email, "
		"f.severity, c.tier FROM commitments k JOIN clients c ON c.id = k.client_id "
		"LEFT JOIN failures f ON f.id = k.failure_id "
		"LEFT JOIN impacts i ON i.failure_id = k.failure_id AND i.client_id = k.client_id "
		"LEFT JOIN users u ON u.id = COALESCE(k.owner_id, i.point_person_id, c.owner_id) "
		"WHERE k.due_at < ?1 AND k.created_at <= ?1 AND (k.status IN ('open', 'renegotiated') "
		"OR k.settled_at > ?1) AND (?2 = 0 OR COALESCE(k.owner_id, i.point_person_id, c.owner_id) = ?2) "
		"ORDER BY k.due_at NULLS FIRST, k.id", &st);
	if (rc)
		return rc;
	rd_stmt_bind_int(st, 1, at);
	rd_stmt_bind_int(st, 2, owner_id);
	bool row;
	while ((rc = rd_stmt_step(st, &row)) == RD_OK && row) {
		int64_t id = rd_stmt_col_int(st, 0), due = rd_stmt_col_int(st, 7);
		char dbuf[RD_TIME_BUFSZ], lbuf[RD_TIME_BUFSZ], key[40];
		if (rd_time_format_local(due, rd_stmt_col_text(st, 5), lbuf))
			rd_time_format(due, lbuf);
		snprintf(key, sizeof key, "commitment:%" PRId64, id);
		bool nof = rd_stmt_col_null(st, 1);
		json_t *r = json_pack("{sn sI so so sI ss ss ss ss ss ss ss sI si sn so ss si}",
			"obligation_id", "commitment_id", (json_int_t)id,
			"failure_id", nof ? json_null() : json_integer(rd_stmt_col_int(st, 1)),
			"failure", nof ? json_null() : json_string(rd_stmt_col_text(st, 2)),
			"client_id", (json_int_t)rd_stmt_col_int(st, 3), "client", rd_stmt_col_text(st, 4),
			"key", key, "kind", "promise", "text", rd_stmt_col_text(st, 6),
			"due_at", rd_time_format(due, dbuf), "due_local", lbuf, "state", "overdue",
			"lateness_seconds", (json_int_t)(at - due), "escalation", 1, "column",
			"severity", nof ? json_null() : json_integer(rd_stmt_col_int(st, 9)),
			"channels", "any", "chases", 0);
		if (!r) {
			rc = RD_ENOMEM;
			break;
		}
		json_object_set_new(r, "owner", rd_stmt_col_null(st, 8) ? json_null()
					: json_string(rd_stmt_col_text(st, 8)));
		json_object_set_new(r, "tier", json_string(rd_stmt_col_text(st, 10)));
		json_array_append_new(rows, r);
	}
	rd_stmt_free(st);
	return rc;
}

/* Merges two arrays of agenda rows, each in due order, into one (due_at is
 * UTC ISO 8601, so its text order is time order); A's rows first on a tie. */
static json_t *merge_by_due(json_t *a, json_t *b)
{
	json_t *out = json_array();
	size_t i = 0, j = 0, na = json_array_size(a), nb = json_array_size(b);
	while (i < na || j < nb) {
		bool take_a = j >= nb || (i < na &&
			strcmp(json_string_value(json_object_get(json_array_get(a, i), "due_at")),
			       json_string_value(json_object_get(json_array_get(b, j), "due_at"))) <= 0);
		json_array_append(out, take_a ? json_array_get(a, i++) : json_array_get(b, j++));
	}
	return out;
}

enum rd_err rd_agenda(struct rd_store *s, int64_t now, int64_t at, int64_t owner_id, int64_t window,
		      json_t **out, char **errmsg)
{
	const struct rd_policy *p = NULL;
	enum rd_err rc = rd_policy_in_force(&p, errmsg);
	if (rc)
		return rc;
	if (window <= 0)
		window = rd_duration_nominal_seconds(p->due_soon);
	struct rd_stmt *st = NULL;
	json_t *rows = json_array();
	if ((rc = rd_store_begin(s))) {
		json_decref(rows);
		return rd_fail(rc, errmsg, "cannot start a transaction: %s", rd_store_errmsg(s));
	}
	if ((rc = extend_tracks(s, at + window, now, errmsg)))
		goto out;
	rc = rd_store_prepare(s,
		"SELECT o.id, o.failure_id, o.client_id, o.key, o.kind, o.due_at, o.met_at, o.waived_at, "
		"o.manager_at, o.column_name, o.chases, c.name, c.tz, f.title, f.severity, "
		"u.email, o.channels, c.tier, CASE WHEN " CLOSED_BY_RESOLUTION("?1") " THEN f.resolved_at END "
		"FROM obligations o JOIN clients c ON c.id = o.client_id "
		"JOIN failures f ON f.id = o.failure_id "
		"LEFT JOIN impacts i ON i.failure_id = o.failure_id AND i.client_id = o.client_id "
		"LEFT JOIN users u ON u.id = COALESCE(i.point_person_id, c.owner_id) "
		"WHERE o.id IN (SELECT id FROM obligations WHERE met_at IS NULL AND waived_at IS NULL "
		"AND due_at <= ?2 UNION ALL SELECT id FROM obligations WHERE met_at > ?1 AND due_at <= ?2 "
		"UNION ALL SELECT id FROM obligations WHERE waived_at > ?1 AND due_at <= ?2) "
		"AND o.opens_at <= ?1 AND (?3 = 0 OR COALESCE(i.point_person_id, c.owner_id) = ?3) "
		"ORDER BY o.due_at, f.severity, o.id", &st);
	if (rc)
		goto db;
	rd_stmt_bind_int(st, 1, at);
	rd_stmt_bind_int(st, 2, at + window);
	rd_stmt_bind_int(st, 3, owner_id);
	bool row;
	while ((rc = rd_stmt_step(st, &row)) == RD_OK && row) {
		int64_t due = rd_stmt_col_int(st, 5);
		int64_t met = rd_stmt_col_null(st, 6) ? 0 : rd_stmt_col_int(st, 6);
		int64_t waived = rd_stmt_col_null(st, 7) ? 0 : rd_stmt_col_int(st, 7);
		int64_t mgr_at = rd_stmt_col_int(st, 8);
		int64_t closed = rd_stmt_col_null(st, 18) ? 0 : rd_stmt_col_int(st, 18);
		int64_t late;
		const char *state = state_at(due, met, waived, closed, at, &late);
		if (strcmp(state, "overdue") && strcmp(state, "pending"))
			continue;
		int level = strcmp(state, "overdue") == 0 ? (mgr_at && mgr_at <= at ? 2 : 1) : 0;
		const char *tz = rd_stmt_col_text(st, 12);
		char dbuf[RD_TIME_BUFSZ], lbuf[RD_TIME_BUFSZ];
		if (rd_time_format_local(due, tz, lbuf))
			rd_time_format(due, lbuf);
		json_t *r = json_pack("{sI sI ss sI ss ss ss ss ss ss sI si ss si}",
			"obligation_id", (json_int_t)rd_stmt_col_int(st, 0),
			"failure_id", (json_int_t)rd_stmt_col_int(st, 1),
			"failure", rd_stmt_col_text(st, 13),
			"client_id", (json_int_t)rd_stmt_col_int(st, 2),
			"client", rd_stmt_col_text(st, 11),
			"key", rd_stmt_col_text(st, 3), "kind", rd_stmt_col_text(st, 4),
			"due_at", rd_time_format(due, dbuf), "due_local", lbuf,
			"state", state, "lateness_seconds", (json_int_t)late, "escalation", level,
			"column", rd_stmt_col_text(st, 9), "severity", (int)rd_stmt_col_int(st, 14));
		json_object_set_new(r, "channels", json_string(rd_stmt_col_text(st, 16)));
		json_object_set_new(r, "owner", rd_stmt_col_null(st, 15) ? json_null()
					: json_string(rd_stmt_col_text(st, 15)));
		json_object_set_new(r, "chases", json_integer(rd_stmt_col_int(st, 10)));
		json_object_set_new(r, "tier", json_string(rd_stmt_col_text(st, 17)));
		json_array_append_new(rows, r);
	}
	rd_stmt_free(st);
	st = NULL;
	if (rc)
		goto db;
	json_t *promises = json_array();
	if ((rc = promise_rows(s, at, owner_id, promises)) == RD_OK && json_array_size(promises)) {
		json_t *merged = merge_by_due(rows, promises);
		json_decref(rows);
		rows = merged;
	}
	json_decref(promises);
	if (rc)
		goto db;
	/* Escalations that have happened by AT are stored as events for the
	 * notification work to deliver (the server also does this each minute). */
	if (at <= now)
		rc = rd_escalate(s, at, NULL, errmsg);
out:
	if (rc) {
		rd_store_rollback(s);
		json_decref(rows);
		return rc;
	}
	if ((rc = rd_store_commit(s))) {
		json_decref(rows);
		return rd_fail(RD_EDB, errmsg, "commit failed: %s", rd_store_errmsg(s));
	}
	*out = rows;
	return RD_OK;
db:
	rd_stmt_free(st);
	rc = rd_fail(RD_EDB, errmsg, "reading the agenda: %s", rd_store_errmsg(s));
	goto out;
}

enum rd_err rd_escalate(struct rd_store *s, int64_t now, int64_t *n, char **errmsg)
{
	if (n)
		*n = 0;
	enum rd_err rc = rd_store_begin(s);
	if (rc)
		return rd_fail(rc, errmsg, "cannot start a transaction: %s", rd_store_errmsg(s));
	/* Every `redress serve` sweeps each minute: with several on one
	 * database, one sweeps at a time and the others skip (the one holding
	 * the lock stores what is due); UNIQUE (obligation_id, level) keeps
	 * each escalation once, and the counts below exact. */
	bool mine = false;
	if ((rc = rd_store_job_try_lock(s, RD_JOB_ESCALATE, &mine, errmsg))) {
		rd_store_rollback(s);
		return rc;
	}
	if (!mine)
		return rd_store_commit(s) ? rd_fail(RD_EDB, errmsg, "commit failed: %s", rd_store_errmsg(s))
					  : RD_OK;
	/* Open obligations past due come from the partial index; the owner is
	 * the impact's point person, else the client's owner. */
	static const char *const sweeps[] = {
		"INSERT INTO escalations (obligation_id, level, to_user_id, at) "
		"SELECT o.id, 1, COALESCE(i.point_person_id, c.owner_id), o.due_at FROM obligations o "
		"JOIN clients c ON c.id = o.client_id LEFT JOIN impacts i ON i.failure_id = o.failure_id "
		"AND i.client_id = o.client_id WHERE o.met_at IS NULL AND o.waived_at IS NULL "
		"AND o.due_at < ?1 AND o.opens_at <= ?1 ON CONFLICT DO NOTHING",
		"INSERT INTO escalations (obligation_id, level, to_user_id, at) "
		"SELECT o.id, 2, u.manager_id, o.manager_at FROM obligations o "
		"JOIN clients c ON c.id = o.client_id JOIN failures f ON f.id = o.failure_id LEFT JOIN impacts i ON i.failure_id = o.failure_id "
		"AND i.client_id = o.client_id LEFT JOIN users u ON u.id = COALESCE(i.point_person_id, c.owner_id) "
		"WHERE o.met_at IS NULL AND o.waived_at IS NULL AND o.due_at < ?1 AND o.opens_at <= ?1 "
		"AND NOT (" CLOSED_BY_RESOLUTION("o.manager_at") ") "
		"AND o.manager_at > 0 AND o.manager_at <= ?1 ON CONFLICT DO NOTHING",
	};
	int64_t before = 0, after = 0;
	rc = rd_store_exec(s, &before, "SELECT count(*) FROM escalations", "");
	for (size_t i = 0; rc == RD_OK && i < 2; i++)
		rc = rd_store_exec(s, NULL, sweeps[i], "i", now);
	if (rc == RD_OK)
		rc = rd_store_exec(s, &after, "SELECT count(*) FROM escalations", "");
	/* each new escalation row queues its one email, in this transaction;
	 * when none is new there is nothing to queue (and an agenda read stays
	 * a read) */
	if (rc == RD_OK && after > before && (rc = rd_notify_escalations(s, now, NULL, errmsg))) {
		rd_store_rollback(s);
		return rc;
	}
	if (rc) {
		rd_store_rollback(s);
		return rd_fail(RD_EDB, errmsg, "storing escalations: %s", rd_store_errmsg(s));
	}
	if ((rc = rd_store_commit(s)))
		return rd_fail(RD_EDB, errmsg, "commit failed: %s", rd_store_errmsg(s));
	if (n)
		*n = after - before;
	return RD_OK;
}

enum rd_err rd_agenda_calendar(struct rd_store *s, int64_t owner_id, int64_t client_id, int64_t at,
			       char **out, char **errmsg)
{
	struct rd_stmt *st;
	enum rd_err rc = rd_store_prepare(s,
		"SELECT o.key, o.failure_id, o.client_id, c.name, o.kind, o.due_at, o.met_at, o.waived_at "
		"FROM obligations o JOIN clients c ON c.id = o.client_id JOIN failures f ON f.id = o.failure_id "
		"LEFT JOIN impacts i ON i.failure_id = o.failure_id AND i.client_id = o.client_id "
		"WHERE (?1 = 0 OR COALESCE(i.point_person_id, c.owner_id) = ?1) "
		"AND (?2 = 0 OR o.client_id = ?2) AND o.met_at IS NULL AND o.waived_at IS NULL "
		"AND NOT (" CLOSED_BY_RESOLUTION("?3") ") ORDER BY o.due_at, o.id", &st);
	if (rc)
		return rd_fail(RD_EDB, errmsg, "reading obligations: %s", rd_store_errmsg(s));
	rd_stmt_bind_int(st, 1, owner_id);
	rd_stmt_bind_int(st, 2, client_id);
	rd_stmt_bind_int(st, 3, at);
	struct rd_cal_event *ev = NULL;
	size_t n = 0, cap = 0;
	struct track strings = {0};
	bool row;
	while ((rc = rd_stmt_step(st, &row)) == RD_OK && row) {
		GROW(ev, n, cap);
		struct rd_cal_event *e = &ev[n++];
		memset(e, 0, sizeof *e);
		e->key = keep(&strings, rd_stmt_col_text(st, 0));
		e->failure_id = rd_stmt_col_int(st, 1);
		e->client_id = rd_stmt_col_int(st, 2);
		e->client_name = keep(&strings, rd_stmt_col_text(st, 3));
		e->kind = keep(&strings, rd_stmt_col_text(st, 4));
		e->due_at = rd_stmt_col_int(st, 5);
		e->state = e->due_at < at ? RD_OB_OVERDUE : RD_OB_PENDING;
		e->stamp = at;
	}
out:
	rd_stmt_free(st);
	if (rc == RD_OK)
		rc = rd_calendar_ics(ev, n, owner_id ? "redress: my obligations" : "redress: client follow-ups",
				     out, errmsg);
	else
		rc = rd_fail(rc, errmsg, "reading obligations failed");
	free(ev);
	track_free(&strings);
	return rc;
}

enum rd_err rd_obligation_waive(struct rd_store *s, const struct rd_actor *a, int64_t failure_id,
				int64_t client_id, const char *key, const char *reason, int64_t at,
				char **errmsg)
{
	enum rd_err rc = rd_require_role(a, RD_ROLE_MANAGER, "waiving an obligation", errmsg);
	if (rc)
		return rc;
	const char *p = reason;
	while (p && (*p == ' ' || *p == '\t'))
		p++;
	if (!p || !*p)
		return rd_fail(RD_EINVAL, errmsg, "a waiver needs a reason (--reason TEXT)");
	struct rd_clock_result r;
	if ((rc = rd_track_compute(s, failure_id, client_id, at, &r, errmsg)))
		return rc;
	long idx = rd_clock_find(&r, key);
	rd_clock_result_free(&r);
	if (idx < 0)
		return rd_fail(RD_EINVAL, errmsg, "failure #%" PRId64 " has no obligation '%s' for that client "
			       "at that time (see redress obligations)", failure_id, key);
	if ((rc = rd_store_begin(s)))
		return rd_fail(rc, errmsg, "cannot start a transaction");
	int64_t id = 0;
	rc = a->user_id
		? rd_store_exec(s, &id, "INSERT INTO waivers (failure_id, client_id, key, reason, by_user_id, at) "
				"VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id", "iittii", failure_id, client_id,
				key, reason, a->user_id, at)
		: rd_store_exec(s, &id, "INSERT INTO waivers (failure_id, client_id, key, reason, at) "
				"VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id", "iitti", failure_id, client_id, key,
				reason, at);
	if (rc == RD_EEXIST)
		rc = rd_fail(RD_ESTATE, errmsg, "obligation '%s' is already waived", key);
	else if (rc)
		rc = rd_fail(RD_EDB, errmsg, "recording the waiver: %s", rd_store_errmsg(s));
	if (rc == RD_OK) {
		json_t *after = json_pack("{sI sI ss ss}", "failure_id", (json_int_t)failure_id, "client_id",
					  (json_int_t)client_id, "key", key, "reason", reason);
		if ((rc = rd_audit(s, a, "waiver", id, "create", NULL, after)))
			rc = rd_fail(rc, errmsg, "writing the audit log failed: %s", rd_store_errmsg(s));
		json_decref(after);
	}
	if (rc == RD_OK)
		rc = refresh_track(s, failure_id, client_id, a->now, errmsg);
	if (rc) {
		rd_store_rollback(s);
		return rc;
	}
	return rd_store_commit(s) ? rd_fail(RD_EDB, errmsg, "commit failed") : RD_OK;
}

enum rd_err rd_goodwill_suggest_for(struct rd_store *s, int64_t failure_id, int64_t client_id,
				    int64_t now, struct rd_goodwill_suggestion *out, char **errmsg)
{
	const struct rd_policy *p = NULL;
	memset(out, 0, sizeof *out);
	enum rd_err rc = rd_policy_in_force(&p, errmsg);
	if (rc)
		return rc;
	struct rd_stmt *st;
	if ((rc = rd_store_prepare(s,
		"SELECT f.severity, c.tier, c.value_cents, c.currency, i.financial_cents, c.sla_credit_pct, "
		"COALESCE(f.resolved_at, ?3) - COALESCE(f.started_at, f.detected_at) "
		"FROM failures f JOIN impacts i ON i.failure_id = f.id JOIN clients c ON c.id = i.client_id "
		"WHERE f.id = ?1 AND c.id = ?2", &st)))
		return rd_fail(RD_EDB, errmsg, "reading: %s", rd_store_errmsg(s));
	rd_stmt_bind_int(st, 1, failure_id);
	rd_stmt_bind_int(st, 2, client_id);
	rd_stmt_bind_int(st, 3, now);
	bool row = false;
	rc = rd_stmt_step(st, &row);
	if (rc == RD_OK && row) {
		struct rd_goodwill_input in = {
			.severity = (int)rd_stmt_col_int(st, 0),
			.tier = rd_stmt_col_text(st, 1),
			.yearly_value_cents = rd_stmt_col_int(st, 2),
			.currency = rd_stmt_col_text(st, 3),
			.financial_impact_cents = rd_stmt_col_null(st, 4) ? -1 : rd_stmt_col_int(st, 4),
			.sla_credit_pct = rd_stmt_col_null(st, 5) ? -1 : (int)rd_stmt_col_int(st, 5),
			.outage_hours = rd_stmt_col_int(st, 6) > 0 ? rd_stmt_col_int(st, 6) / 3600.0 : 0,
		};
		rc = rd_goodwill_suggest(p, &in, out, errmsg);
	}
	rd_stmt_free(st);
	if (rc)
		return rc;
	if (!row)
		return rd_fail(RD_EINVAL, errmsg, "that client is not affected by failure #%" PRId64, failure_id);
	return RD_OK;
}
