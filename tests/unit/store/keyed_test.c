/* keyed_test.c — concurrent writers on one database (lib/store/store.c
 * rd_store_begin_keyed, store_pg.c): on PostgreSQL a keyed transaction
 * runs beside keyed transactions of other clients and waits only for its
 * own client's and for exclusive ones; many threads logging communications
 * on the same and on different tracks, with exclusive writes among them,
 * lose and duplicate nothing, never see a lock error, and leave every
 * track's obligations and every client's trust as a recomputation gives. */
#include <pthread.h>

#include "../unit.h"
#include "redress/agenda.h"
#include "redress/trust.h"
#include "util/buf.h"

/* ---- the lock semantics (PostgreSQL only: SQLite has one writer) ---- */

static struct rd_store *open_handle(struct fx *f, int busy_ms)
{
	struct rd_store *s = NULL;
	char *m = NULL;
	if (rd_store_open_mode(f->path, RD_STORE_NOMIGRATE, &s, &m))
		fail_msg("open: %s", m ? m : "?");
	rd_store_set_busy_timeout(s, busy_ms);
	return s;
}

static void keyed_writers_of_different_clients_run_side_by_side(void **state)
{
	struct fx *f = *state;
	if (!fx_pg()) {
		fprintf(stderr, "[  SKIP    ] on SQLite: one writer at a time, no keys to test\n");
		skip();
	}
	struct rd_store *a = open_handle(f, 300), *b = open_handle(f, 300), *c = open_handle(f, 300),
			*d = open_handle(f, 300);
	assert_int_equal(rd_store_begin_keyed(a), RD_OK);
	assert_int_equal(rd_store_lock_key(a, RD_KEY_CLIENT, 1), RD_OK);
	/* another client: no waiting (with one write lock for all, this
	 * begin would wait 300 ms and fail) */
	assert_int_equal(rd_store_begin_keyed(b), RD_OK);
	assert_int_equal(rd_store_lock_key(b, RD_KEY_CLIENT, 2), RD_OK);
	assert_int_equal(rd_store_exec(b, NULL, "INSERT INTO settings (key, value, updated_at) VALUES ('k.b', 'b', 0)", ""),
			 RD_OK);
	assert_int_equal(rd_store_commit(b), RD_OK);
	/* the same client waits for A, and gives up after the busy timeout */
	assert_int_equal(rd_store_begin_keyed(c), RD_OK);
	assert_int_equal(rd_store_lock_key(c, RD_KEY_CLIENT, 1), RD_EBUSY);
	rd_store_rollback(c);
	/* an exclusive writer (every write not keyed) waits for all keyed ones */
	assert_int_equal(rd_store_begin(d), RD_EBUSY);
	rd_store_rollback(a);
	assert_int_equal(rd_store_begin(d), RD_OK);
	/* … and keyed ones wait for it */
	assert_int_equal(rd_store_begin_keyed(c), RD_EBUSY);
	/* a key taken inside an exclusive transaction costs nothing */
	assert_int_equal(rd_store_lock_key(d, RD_KEY_CLIENT, 1), RD_OK);
	assert_int_equal(rd_store_commit(d), RD_OK);
	/* nested: the outer transaction's mode holds, the key is re-entrant */
	assert_int_equal(rd_store_begin_keyed(a), RD_OK);
	assert_int_equal(rd_store_begin(a), RD_OK);
	assert_int_equal(rd_store_lock_key(a, RD_KEY_CLIENT, 3), RD_OK);
	assert_int_equal(rd_store_lock_key(a, RD_KEY_CLIENT, 3), RD_OK);
	assert_int_equal(rd_store_commit(a), RD_OK);
	assert_int_equal(rd_store_begin_keyed(b), RD_OK);
	assert_int_equal(rd_store_lock_key(b, RD_KEY_CLIENT, 3), RD_EBUSY); /* A still holds it */
	rd_store_rollback(b);
	assert_int_equal(rd_store_commit(a), RD_OK);
	assert_int_equal(rd_store_begin_keyed(b), RD_OK);
	assert_int_equal(rd_store_lock_key(b, RD_KEY_CLIENT, 3), RD_OK); /* the commit let it go */
	assert_int_equal(rd_store_commit(b), RD_OK);
	rd_store_close(a);
	rd_store_close(b);
	rd_store_close(c);
	rd_store_close(d);
}

static void lock_key_outside_a_transaction_is_a_state_error(void **state)
{
	struct fx *f = *state;
	assert_int_equal(rd_store_lock_key(f->s, RD_KEY_CLIENT, 1), RD_ESTATE);
	/* on either backend a keyed transaction writes and commits */
	assert_int_equal(rd_store_begin_keyed(f->s), RD_OK);
	assert_int_equal(rd_store_lock_key(f->s, RD_KEY_CLIENT, 1), RD_OK);
	assert_int_equal(rd_store_exec(f->s, NULL, "INSERT INTO settings (key, value, updated_at) VALUES ('k', 'v', 0)", ""),
			 RD_OK);
	assert_int_equal(rd_store_commit(f->s), RD_OK);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM settings WHERE key = 'k'"), 1);
}

/* rd_store_begin_keyed_on is begin_keyed and lock_key in one call (one
 * round trip on PostgreSQL, not two): it waits for the same client's
 * writer and for an exclusive one as they do, and a wait that fails leaves
 * nothing open; a connection cut before it is re-opened. */
static void begin_keyed_on_is_begin_and_key_at_once(void **state)
{
	struct fx *f = *state;
	/* on either backend it writes and commits */
	assert_int_equal(rd_store_begin_keyed_on(f->s, RD_KEY_CLIENT, 1), RD_OK);
	assert_int_equal(rd_store_exec(f->s, NULL, "INSERT INTO settings (key, value, updated_at) VALUES ('k', 'v', 0)", ""),
			 RD_OK);
	assert_int_equal(rd_store_commit(f->s), RD_OK);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM settings WHERE key = 'k'"), 1);
	if (!fx_pg()) {
		fprintf(stderr, "[  SKIP    ] on SQLite: one writer at a time, no keys to test\n");
		skip();
	}
	struct rd_store *a = open_handle(f, 300), *b = open_handle(f, 300);
	assert_int_equal(rd_store_begin_keyed_on(a, RD_KEY_CLIENT, 1), RD_OK);
	assert_int_equal(rd_store_begin_keyed_on(b, RD_KEY_CLIENT, 2), RD_OK); /* another client */
	assert_int_equal(rd_store_commit(b), RD_OK);
	int64_t r0 = rd_store_round_trips(b);
	assert_int_equal(rd_store_begin_keyed_on(b, RD_KEY_CLIENT, 2), RD_OK); /* locks prepared by now */
	assert_int_equal(rd_store_round_trips(b) - r0, 1);
	assert_int_equal(rd_store_commit(b), RD_OK);
	/* the same client waits for A and gives up: nothing left open */
	assert_int_equal(rd_store_begin_keyed_on(b, RD_KEY_CLIENT, 1), RD_EBUSY);
	assert_non_null(strstr(rd_store_errmsg(b), "lock"));
	assert_int_equal(rd_store_commit(b), RD_ESTATE);
	rd_store_rollback(a);
	/* an exclusive writer makes it wait too; a read-only handle, which
	 * takes no write lock, only its key */
	assert_int_equal(rd_store_begin(a), RD_OK);
	assert_int_equal(rd_store_begin_keyed_on(b, RD_KEY_CLIENT, 2), RD_EBUSY);
	assert_int_equal(rd_store_commit(b), RD_ESTATE);
	struct rd_store *ro = NULL;
	assert_ok(rd_store_open_mode(f->path, RD_STORE_READONLY, &ro, &m_));
	assert_int_equal(rd_store_begin_keyed_on(ro, RD_KEY_CLIENT, 2), RD_OK);
	assert_int_equal(rd_store_commit(ro), RD_OK);
	rd_store_close(ro);
	assert_int_equal(rd_store_commit(a), RD_OK);
	/* a cut connection is re-opened and the whole of it sent again */
	char sql[96];
	int64_t pid = -1;
	assert_int_equal(rd_store_exec(b, &pid, "SELECT pg_backend_pid()", ""), RD_OK);
	snprintf(sql, sizeof sql, "SELECT pg_terminate_backend(%lld)", (long long)pid);
	assert_int_equal(rd_store_exec(a, NULL, sql, ""), RD_OK);
	assert_int_equal(rd_store_begin_keyed_on(b, RD_KEY_CLIENT, 2), RD_OK);
	assert_int_equal(rd_store_exec(b, NULL, "INSERT INTO settings (key, value, updated_at) VALUES ('k2', 'v', 0)", ""),
			 RD_OK);
	assert_int_equal(rd_store_commit(b), RD_OK);
	assert_int_equal(count_rows(a, "SELECT count(*) FROM settings"), 2);
	rd_store_close(a);
	rd_store_close(b);
}

/* ---- many writers at once, through the domain ---- */

#define NCLIENTS 3
#define NFAILURES 2
#define NTHREADS 6
#define NLOGS 20

static const char *const kinds[] = {"apology", "progress", "progress", "rca_update", "plan", "delay"};

struct worker {
	const char *db;
	int n;                    /* which worker */
	int64_t fids[NFAILURES];
	pthread_barrier_t *start;
	int ok, busy, failed;     /* outcomes of its calls */
	char msg[256];            /* the first failure's message */
};

static void note(struct worker *w, enum rd_err rc, char *m)
{
	if (rc == RD_OK)
		w->ok++;
	else if (rc == RD_EBUSY)
		w->busy++;
	else
		w->failed++;
	if (rc && !w->msg[0])
		snprintf(w->msg, sizeof w->msg, "%s: %s", rd_err_name(rc), m ? m : "");
	free(m);
}

/* Workers 0-2 log on one track (failure 1, client 1); 3 and 4 on a track
 * each; 5 sets the first failure's ETA (an exclusive write that refreshes
 * every track of that failure) between its own logs on client 3. */
static void *worker_thread(void *arg)
{
	struct worker *w = arg;
	struct rd_store *s = NULL;
	char *m = NULL;
	if (rd_store_open_mode(w->db, RD_STORE_NOMIGRATE, &s, &m)) {
		snprintf(w->msg, sizeof w->msg, "open: %s", m ? m : "?");
		free(m);
		w->failed = NLOGS;
		for (int i = 0; i < 2 * NLOGS; i++)
			pthread_barrier_wait(w->start);
		return NULL;
	}
	struct rd_actor a;
	rd_actor_system(&a, "test");
	a.now = T_NOW;
	for (int i = 0; i < NLOGS; i++) {
		/* every round starts together, so that writes on one track
		 * overlap, and ends together: the test checks between rounds */
		pthread_barrier_wait(w->start);
		int64_t fid = w->fids[0], client = 1;
		if (w->n == 3)
			client = 2;
		else if (w->n == 4)
			fid = w->fids[1], client = 2;
		else if (w->n == 5)
			fid = w->fids[i % 2], client = 3;
		if (w->n == 5 && i % 3 == 0) {
			m = NULL;
			enum rd_err rc = rd_eta_set(s, &a, w->fids[0], 0, T_NOW + (10 + i) * T_HOUR, "bench", true,
						    T_NOW, NULL, &m);
			note(w, rc, m);
		}
		json_t *in = json_pack("{sI sI ss ss ss}", "failure", (json_int_t)fid, "client", (json_int_t)client,
				       "kind", kinds[(i + w->n) % 6], "channel", "email", "summary", "");
		char sum[64], at[RD_TIME_BUFSZ];
		snprintf(sum, sizeof sum, "w%d-%d", w->n, i);
		json_object_set_new(in, "summary", json_string(sum));
		/* each at its own minute, interleaved across workers: every log
		 * moves its track (the next update is due from the latest) */
		json_object_set_new(in, "at", json_string(rd_time_format(T_NOW - 2 * T_HOUR + (i * NTHREADS + w->n) * 60, at)));
		m = NULL;
		enum rd_err rc = rd_comm_log(s, &a, in, NULL, &m);
		note(w, rc, m);
		json_decref(in);
		pthread_barrier_wait(w->start);
	}
	rd_store_close(s);
	return NULL;
}

/* Every obligation as text, in one order. */
static char *obligations_dump(struct rd_store *s)
{
	struct rd_stmt *st;
	struct rd_buf b = RD_BUF_INIT;
	if (rd_store_prepare(s, "SELECT failure_id, client_id, key, kind, seq, column_name, opens_at, due_at, "
			     "channels, coalesce(met_by, 0), coalesce(met_at, 0), coalesce(waived_at, 0), "
			     "manager_at, chases FROM obligations ORDER BY failure_id, client_id, key", &st))
		fail_msg("prepare: %s", rd_store_errmsg(s));
	bool row;
	while (rd_stmt_step(st, &row) == RD_OK && row) {
		for (int c = 0; c < 14; c++)
			rd_buf_addf(&b, "%s%s", c ? "|" : "", rd_stmt_col_text(st, c) ? rd_stmt_col_text(st, c) : "");
		rd_buf_addc(&b, '\n');
	}
	rd_stmt_free(st);
	return b.data ? b.data : strdup("");
}

static void concurrent_logs_lose_nothing_and_keep_every_track_exact(void **state)
{
	struct fx *f = *state;
	for (int c = 1; c <= NCLIENTS; c++) {
		char j[96];
		snprintf(j, sizeof j, "{\"name\": \"Client %d\", \"tier\": \"key\"}", c);
		add_client(f, j);
	}
	int64_t fids[NFAILURES];
	fids[0] = open_failure(f, "{\"title\": \"A\", \"severity\": 1, \"clients\": [\"Client 1\", \"Client 2\", "
			       "\"Client 3\"], \"detected_at\": \"2026-11-22T10:00:00Z\"}");
	fids[1] = open_failure(f, "{\"title\": \"B\", \"severity\": 2, \"clients\": [\"Client 2\", \"Client 3\"], "
			       "\"detected_at\": \"2026-11-22T11:00:00Z\"}");
	pthread_barrier_t start;
	pthread_barrier_init(&start, NULL, NTHREADS + 1);
	struct worker w[NTHREADS];
	pthread_t th[NTHREADS];
	memset(w, 0, sizeof w);
	for (int i = 0; i < NTHREADS; i++) {
		w[i].db = f->path;
		w[i].n = i;
		w[i].start = &start;
		memcpy(w[i].fids, fids, sizeof fids);
		assert_int_equal(pthread_create(&th[i], NULL, worker_thread, &w[i]), 0);
	}
	/* after each round, with every writer waiting: each track's
	 * obligations are what a recomputation from the stored rows gives,
	 * and each client's last recorded trust is its score now (a write
	 * that recomputed from a view missing another's communication would
	 * leave them behind) */
	for (int r = 0; r < NLOGS; r++) {
		pthread_barrier_wait(&start);
		pthread_barrier_wait(&start);
		char *before = obligations_dump(f->s);
		int64_t n = 0;
		assert_ok(rd_tracks_refresh_all(f->s, T_NOW, &n, &m_));
		assert_int_equal(n, 5);
		char *after = obligations_dump(f->s);
		if (strcmp(before, after))
			fail_msg("round %d: obligations differ from a recomputation:\n--- stored\n%s--- recomputed\n%s",
				 r, before, after);
		free(before);
		free(after);
		for (int c = 1; c <= NCLIENTS; c++) {
			bool changed = true;
			assert_ok(rd_trust_record(f->s, c, T_NOW, &changed, &m_));
			if (changed)
				fail_msg("round %d, client %d: the trust recorded last is not its score from the "
					 "stored rows", r, c);
		}
	}
	for (int i = 0; i < NTHREADS; i++)
		pthread_join(th[i], NULL);
	pthread_barrier_destroy(&start);
	for (int i = 0; i < NTHREADS; i++)
		if (w[i].busy || w[i].failed)
			fail_msg("worker %d: %d busy, %d failed: %s", i, w[i].busy, w[i].failed, w[i].msg);
	/* every communication once */
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM communications WHERE summary LIKE 'w%'"),
			 NTHREADS * NLOGS);
	assert_int_equal(count_rows(f->s, "SELECT count(DISTINCT summary) FROM communications WHERE summary LIKE 'w%'"),
			 NTHREADS * NLOGS);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM communications WHERE failure_id = 1 AND "
				    "client_id = 1"), 3 * NLOGS);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM audit_log WHERE entity = 'communication' "
				    "AND action = 'create'"), NTHREADS * NLOGS);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(keyed_writers_of_different_clients_run_side_by_side, fx_setup,
						fx_teardown),
		cmocka_unit_test_setup_teardown(lock_key_outside_a_transaction_is_a_state_error, fx_setup,
						fx_teardown),
		cmocka_unit_test_setup_teardown(begin_keyed_on_is_begin_and_key_at_once, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(concurrent_logs_lose_nothing_and_keep_every_track_exact, fx_setup,
						fx_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
