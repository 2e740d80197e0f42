/* group_test.c — lib/store/group.c, group commit: concurrent members share
 * commits; a failing member is rolled back alone and the others commit;
 * every member returns only once its writes are committed (another handle
 * sees them); transactions nest inside a member as they do outside; a
 * member that breaks the group's transaction fails every member in it;
 * another program's write lock gives RD_EBUSY without running anyone; and
 * committed members leave while the next member holds the writer slot.
 * scripts/test-all also runs it under ThreadSanitizer (build-tsan).
 * On PostgreSQL there is no group: each writer commits on its own handle. */
#include "../unit.h"

#include <pthread.h>
#include <inttypes.h>
#include <stdatomic.h>
#include <sys/stat.h>

#define NO_GROUP "group commit is SQLite's; PostgreSQL runs each writer on its own handle"

#define NTHREADS 16
#define BASE_DEPTH(s) (((struct rd_store_base *)(s))->tx_depth)

static int64_t count(struct rd_store *s, const char *name)
{
	int64_t n = -1;
	if (rd_store_exec(s, &n, "SELECT count(*) FROM services WHERE name = ?1", "t", name))
		fail_msg("count %s: %s", name, rd_store_errmsg(s));
	return n;
}

struct writer {
	struct rd_group *g;
	const char *db;
	pthread_barrier_t *start;
	int i;
	bool fail;              /* this member inserts, then asks to be rolled back */
	/* results */
	enum rd_err rc;
	bool kept;
	int64_t seen_after;     /* its row, counted on its own handle after the return */
};

static bool insert_member(struct rd_store *s, void *arg)
{
	struct writer *w = arg;
	char name[32];
	snprintf(name, sizeof name, "svc-%d", w->i);
	if (rd_store_exec(s, NULL, "INSERT INTO services (name, created_at) VALUES (?1, 0)", "t", name))
		return false;
	usleep(2000); /* long enough for the others to queue behind it */
	return !w->fail;
}

static void *writer_thread(void *arg)
{
	struct writer *w = arg;
	struct rd_store *own = NULL;
	char *msg = NULL;
	if (rd_store_open_mode(w->db, RD_STORE_NOMIGRATE, &own, &msg)) {
		w->rc = RD_EDB;
		free(msg);
		return NULL;
	}
	pthread_barrier_wait(w->start);
	w->rc = rd_group_run(w->g, insert_member, w, &w->kept);
	char name[32];
	snprintf(name, sizeof name, "svc-%d", w->i);
	rd_store_exec(own, &w->seen_after, "SELECT count(*) FROM services WHERE name = ?1", "t", name);
	rd_store_close(own);
	return NULL;
}

/* NTHREADS writers at once, every third asking to be rolled back. */
static void failing_members_do_not_fail_the_others(void **state)
{
	struct fx *f = *state;
	struct rd_group *g = NULL;
	SQLITE_ONLY(NO_GROUP);
	assert_ok(rd_group_open(f->path, &g, &m_));
	assert_non_null(g);
	pthread_barrier_t start;
	pthread_barrier_init(&start, NULL, NTHREADS);
	struct writer w[NTHREADS];
	pthread_t th[NTHREADS];
	for (int i = 0; i < NTHREADS; i++) {
		w[i] = (struct writer){.g = g, .db = f->path, .start = &start, .i = i, .fail = i % 3 == 0,
				       .seen_after = -1};
		assert_int_equal(pthread_create(&th[i], NULL, writer_thread, &w[i]), 0);
	}
	for (int i = 0; i < NTHREADS; i++)
		pthread_join(th[i], NULL);
	pthread_barrier_destroy(&start);
	for (int i = 0; i < NTHREADS; i++) {
		char name[32];
		snprintf(name, sizeof name, "svc-%d", i);
		/* a rolled-back member is told RD_OK (its answer is its own)
		 * and not kept; the others are kept and committed */
		assert_int_equal(w[i].rc, RD_OK);
		assert_int_equal(w[i].kept, !w[i].fail);
		assert_int_equal(count(f->s, name), w[i].fail ? 0 : 1);
		/* told only after the commit: its own other handle already sees it */
		assert_int_equal(w[i].seen_after, w[i].fail ? 0 : 1);
	}
	uint64_t commits, members;
	rd_group_stats(g, &commits, &members);
	assert_int_equal(members, NTHREADS);
	/* they queued behind each other's 2 ms: far fewer commits than writes */
	assert_true(commits >= 1);
	assert_true(commits < NTHREADS / 2);
	rd_group_close(g);
}

static bool nested_member(struct rd_store *s, void *arg)
{
	(void)arg;
	/* an inner rollback dooms its outer transaction, as outside a group */
	assert_int_equal(rd_store_begin(s), RD_OK);
	assert_int_equal(rd_store_exec(s, NULL, "INSERT INTO services (name, created_at) VALUES ('a', 0)", ""), RD_OK);
	assert_int_equal(rd_store_begin(s), RD_OK);
	assert_int_equal(rd_store_exec(s, NULL, "INSERT INTO services (name, created_at) VALUES ('b', 0)", ""), RD_OK);
	rd_store_rollback(s);
	assert_int_equal(rd_store_commit(s), RD_ESTATE);
	/* a later transaction of the same member commits */
	assert_int_equal(rd_store_begin(s), RD_OK);
	assert_int_equal(rd_store_exec(s, NULL, "INSERT INTO services (name, created_at) VALUES ('c', 0)", ""), RD_OK);
	assert_int_equal(rd_store_commit(s), RD_OK);
	/* and a statement outside any transaction stays too */
	assert_int_equal(rd_store_exec(s, NULL, "INSERT INTO services (name, created_at) VALUES ('d', 0)", ""), RD_OK);
	return true;
}

static bool leaves_a_transaction_open(struct rd_store *s, void *arg)
{
	(void)arg;
	assert_int_equal(rd_store_begin(s), RD_OK);
	assert_int_equal(rd_store_exec(s, NULL, "INSERT INTO services (name, created_at) VALUES ('e', 0)", ""), RD_OK);
	return true;
}

static void transactions_nest_inside_a_member(void **state)
{
	struct fx *f = *state;
	struct rd_group *g = NULL;
	bool kept = false;
	SQLITE_ONLY(NO_GROUP);
	assert_ok(rd_group_open(f->path, &g, &m_));
	assert_int_equal(rd_group_run(g, nested_member, NULL, &kept), RD_OK);
	assert_true(kept);
	assert_int_equal(count(f->s, "a"), 0);
	assert_int_equal(count(f->s, "b"), 0);
	assert_int_equal(count(f->s, "c"), 1);
	assert_int_equal(count(f->s, "d"), 1);
	/* a member that forgets its commit is rolled back, not committed */
	assert_int_equal(rd_group_run(g, leaves_a_transaction_open, NULL, &kept), RD_OK);
	assert_false(kept);
	assert_int_equal(count(f->s, "e"), 0);
	assert_int_equal(BASE_DEPTH(rd_group_store(g)), 0);
	rd_group_close(g);
}

static atomic_bool slow_inside;

/* Holds the group until the breaker has queued behind it (its own call and
 * the breaker's pending), so that the commit is the breaker's to make: a
 * fixed sleep here let a starved breaker arrive after the commit on a
 * loaded machine. At most 10 s. ARG is the group. */
static bool slow_member(struct rd_store *s, void *arg)
{
	struct rd_group *g = arg;
	if (rd_store_exec(s, NULL, "INSERT INTO services (name, created_at) VALUES ('slow', 0)", ""))
		return false;
	atomic_store(&slow_inside, true);
	for (int i = 0; i < 10000 && rd_group_pending(g) < 2; i++)
		usleep(1000);
	return true;
}

/* Ends the group's transaction behind the group's back, as SQLite does by
 * itself on an I/O error or a full disk. */
static bool breaking_member(struct rd_store *s, void *arg)
{
	(void)arg;
	rd_store_exec(s, NULL, "INSERT INTO services (name, created_at) VALUES ('broken', 0)", "");
	rd_store_exec(s, NULL, "ROLLBACK", "");
	return true;
}

struct run_arg {
	struct rd_group *g;
	rd_group_fn fn;
	enum rd_err rc;
	bool kept;
};

static void *run_thread(void *arg)
{
	struct run_arg *a = arg;
	a->rc = rd_group_run(a->g, a->fn, a->g, &a->kept);   /* the member gets its group */
	return NULL;
}

static void a_broken_group_fails_every_member(void **state)
{
	struct fx *f = *state;
	struct rd_group *g = NULL;
	SQLITE_ONLY(NO_GROUP);
	assert_ok(rd_group_open(f->path, &g, &m_));
	struct run_arg slow = {.g = g, .fn = slow_member}, breaker = {.g = g, .fn = breaking_member};
	pthread_t a, b;
	atomic_store(&slow_inside, false);
	assert_int_equal(pthread_create(&a, NULL, run_thread, &slow), 0);
	while (!atomic_load(&slow_inside))
		usleep(1000);
	assert_int_equal(pthread_create(&b, NULL, run_thread, &breaker), 0);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	/* the slow member waited for the commit the breaker made impossible:
	 * it is told its write was lost, and it is not in the database */
	assert_int_not_equal(slow.rc, RD_OK);
	assert_false(slow.kept);
	assert_int_not_equal(breaker.rc, RD_OK);
	assert_int_equal(count(f->s, "slow"), 0);
	assert_int_equal(count(f->s, "broken"), 0);
	/* and the group goes on */
	bool kept = false;
	assert_int_equal(rd_group_run(g, nested_member, NULL, &kept), RD_OK);
	assert_true(kept);
	assert_int_equal(count(f->s, "c"), 1);
	rd_group_close(g);
}

static atomic_int calls;

static bool counting_member(struct rd_store *s, void *arg)
{
	(void)s;
	(void)arg;
	atomic_fetch_add(&calls, 1);
	return true;
}

static void busy_when_another_program_writes(void **state)
{
	struct fx *f = *state;
	struct rd_group *g = NULL;
	SQLITE_ONLY(NO_GROUP);
	assert_ok(rd_group_open(f->path, &g, &m_));
	rd_store_set_busy_timeout(rd_group_store(g), 50);
	atomic_store(&calls, 0);
	assert_int_equal(rd_store_begin(f->s), RD_OK); /* BEGIN IMMEDIATE: the write lock */
	bool kept = true;
	assert_int_equal(rd_group_run(g, counting_member, NULL, &kept), RD_EBUSY);
	assert_false(kept);
	assert_int_equal(atomic_load(&calls), 0);
	rd_store_rollback(f->s);
	assert_int_equal(rd_group_run(g, counting_member, NULL, &kept), RD_OK);
	assert_true(kept);
	assert_int_equal(atomic_load(&calls), 1);
	rd_group_close(g);
}

/* PostgreSQL opts out (ops->group_commit false): rd_group_open gives no
 * group, so the server runs each write request on its thread's own handle
 * (router.c write_run) and PostgreSQL's own concurrency does the rest. */
static void postgres_opens_no_group(void **state)
{
	struct fx *f = *state;
	struct rd_group *g = (struct rd_group *)1;
	assert_ok(rd_group_open(f->path, &g, &m_));
	if (fx_pg())
		assert_null(g);
	else
		assert_non_null(g);
	rd_group_close(g);
}

/* The group's writer gives its WAL checkpoints to a thread of their own
 * (store_sqlite.c): a checkpoint inside a group's commit stalled every
 * member. The WAL must still stay bounded under writers that never pause
 * (a checkpoint beside them never sees the WAL whole, so SQLite never
 * starts it again unless the writer finishes it), and every write must be
 * in the database. WAL_WRITERS threads each rewrite their own 40 KB row
 * (ten pages a member): about 13,000 WAL frames in all. */
#define WAL_WRITERS 16
#define WAL_ROUNDS 80
#define WAL_BODY 40000

struct rewriter {
	struct rd_group *g;
	int i, round;
	enum rd_err rc;
};

static bool rewrite_member(struct rd_store *s, void *arg)
{
	struct rewriter *w = arg;
	char *text = malloc(WAL_BODY + 1);
	if (!text)
		return false;
	memset(text, 'a' + (w->round + w->i) % 26, WAL_BODY);
	text[WAL_BODY] = '\0';
	enum rd_err rc = rd_store_exec(s, NULL, "UPDATE wal_rows SET body = ?2, round = round + 1 WHERE id = ?1",
				       "it", (int64_t)w->i, text);
	free(text);
	return rc == RD_OK;
}

static void *rewriter_thread(void *arg)
{
	struct rewriter *w = arg;
	for (w->round = 0; w->round < WAL_ROUNDS && !w->rc; w->round++)
		w->rc = rd_group_run(w->g, rewrite_member, w, NULL);
	return NULL;
}

static void the_wal_stays_bounded_under_writers_that_never_pause(void **state)
{
	struct fx *f = *state;
	SQLITE_ONLY(NO_GROUP);
	assert_ok(rd_store_exec(f->s, NULL, "CREATE TABLE wal_rows (id INTEGER PRIMARY KEY, round INTEGER NOT NULL, "
				"body TEXT NOT NULL)", ""));
	for (int i = 0; i < WAL_WRITERS; i++)
		assert_ok(rd_store_exec(f->s, NULL, "INSERT INTO wal_rows (id, round, body) VALUES (?1, 0, '')", "i",
					(int64_t)i));
	struct rd_group *g = NULL;
	assert_ok(rd_group_open(f->path, &g, &m_));
	struct rewriter w[WAL_WRITERS];
	pthread_t th[WAL_WRITERS];
	for (int i = 0; i < WAL_WRITERS; i++) {
		w[i] = (struct rewriter){.g = g, .i = i};
		assert_int_equal(pthread_create(&th[i], NULL, rewriter_thread, &w[i]), 0);
	}
	for (int i = 0; i < WAL_WRITERS; i++) {
		pthread_join(th[i], NULL);
		assert_int_equal(w[i].rc, RD_OK);
	}
	/* Measured while the group is still open (closing checkpoints and
	 * removes the WAL): the file's size is the most the WAL ever held. */
	char wal[300];
	snprintf(wal, sizeof wal, "%s-wal", f->path);
	struct stat sb;
	assert_int_equal(stat(wal, &sb), 0);
	int64_t frames = (int64_t)sb.st_size / (4096 + 24);
	if (frames > 6000)
		fail_msg("the WAL grew to %" PRId64 " frames (%" PRId64 " bytes); the bound is about 5,000", frames,
			 (int64_t)sb.st_size);
	rd_group_close(g);
	int64_t rounds = 0;
	assert_ok(rd_store_exec(f->s, &rounds, "SELECT sum(round) FROM wal_rows", ""));
	assert_int_equal(rounds, WAL_WRITERS * WAL_ROUNDS);
}

/* A full group's members leave once it is committed, whoever holds the
 * writer slot next: RD_GROUP_MAX + 1 writers, the first holding the slot
 * until the others queue; the RD_GROUP_MAX-th fills the group and commits
 * it; the one after runs next and, inside its write (so holding the slot),
 * waits for the RD_GROUP_MAX committed members to return. When they had
 * to take the group's lock again to leave, they waited for it: the member
 * gave up after 5 s and the count fell short. */
#define LEAVE_N (RD_GROUP_MAX + 1)
static atomic_int leave_ran, leave_returned;
static atomic_bool leave_saw_all;

/* ARG is the group. */
static bool leave_member(struct rd_store *s, void *arg)
{
	int n = atomic_fetch_add(&leave_ran, 1) + 1;
	char name[32];
	snprintf(name, sizeof name, "leave-%d", n);
	if (rd_store_exec(s, NULL, "INSERT INTO services (name, created_at) VALUES (?1, 0)", "t", name))
		return false;
	if (n == 1) { /* hold the slot until every other writer queued (at most 10 s) */
		for (int i = 0; i < 10000 && rd_group_pending(arg) < LEAVE_N; i++)
			usleep(1000);
	} else if (n == LEAVE_N) { /* the first of the next group */
		for (int i = 0; i < 5000 && atomic_load(&leave_returned) < RD_GROUP_MAX; i++)
			usleep(1000);
		atomic_store(&leave_saw_all, atomic_load(&leave_returned) == RD_GROUP_MAX);
	}
	return true;
}

static void *leave_thread(void *arg)
{
	struct run_arg *a = arg;
	a->rc = rd_group_run(a->g, leave_member, a->g, &a->kept);
	atomic_fetch_add(&leave_returned, 1);
	return NULL;
}

static void committed_members_leave_while_the_next_one_writes(void **state)
{
	struct fx *f = *state;
	struct rd_group *g = NULL;
	SQLITE_ONLY(NO_GROUP);
	assert_ok(rd_group_open(f->path, &g, &m_));
	atomic_store(&leave_ran, 0);
	atomic_store(&leave_returned, 0);
	atomic_store(&leave_saw_all, false);
	struct run_arg a[LEAVE_N];
	pthread_t th[LEAVE_N];
	for (int i = 0; i < LEAVE_N; i++) {
		a[i] = (struct run_arg){.g = g};
		assert_int_equal(pthread_create(&th[i], NULL, leave_thread, &a[i]), 0);
		if (i == 0) /* the first holds the slot before the others come */
			while (atomic_load(&leave_ran) == 0)
				usleep(1000);
	}
	for (int i = 0; i < LEAVE_N; i++) {
		pthread_join(th[i], NULL);
		assert_int_equal(a[i].rc, RD_OK);
		assert_true(a[i].kept);
	}
	assert_true(atomic_load(&leave_saw_all));
	uint64_t commits = 0, members = 0;
	rd_group_stats(g, &commits, &members);
	assert_int_equal(commits, 2);
	assert_int_equal(members, LEAVE_N);
	rd_group_close(g);
	int64_t n = 0;
	assert_ok(rd_store_exec(f->s, &n, "SELECT count(*) FROM services WHERE name LIKE 'leave-%'", ""));
	assert_int_equal(n, LEAVE_N);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, fx_setup, fx_teardown)
	const struct CMUnitTest tests[] = {
		T(failing_members_do_not_fail_the_others),
		T(transactions_nest_inside_a_member),
		T(a_broken_group_fails_every_member),
		T(busy_when_another_program_writes),
		T(postgres_opens_no_group),
		T(the_wal_stays_bounded_under_writers_that_never_pause),
		T(committed_members_leave_while_the_next_one_writes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
