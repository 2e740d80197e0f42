/* group.c — group commit: the concurrent writers of one process share one
 * transaction and one durable commit (see "group commit" in store.h).
 * SQLite commits one writer at a time and each commit costs an fsync;
 * gathering the writers that queue meanwhile into one commit pays that
 * fsync once per group instead of once per write. */
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <stdlib.h>

#include "redress/store.h"
#include "store/store_int.h"

/* One caller of rd_group_run, on its own stack while it waits. */
struct member {
	struct member *next;  /* in the group awaiting its commit */
	struct member *qnext; /* in the queue of members waiting to run */
	pthread_cond_t turn;  /* signalled when it reaches the queue's head */
	/* Posted when its group is committed or lost (settle_all): a member
	 * whose write is in a group waits on this, not on the group's lock,
	 * so it leaves as soon as the commit is done instead of queueing
	 * for the lock behind the member that runs next (which holds the
	 * lock for the whole of its write). */
	sem_t done;
	enum rd_err rc;       /* the outcome of the commit that held it */
	bool settled;         /* rc is final: the caller may return */
};

struct rd_group {
	pthread_mutex_t lock;     /* guards the handle and every field below */
	struct rd_store *s;
	/* Callers inside rd_group_run that have not run their member yet
	 * (waiting for the lock included): while some are, the member that
	 * just ran leaves the commit to them, so they share it. */
	atomic_int pending;
	bool open;                /* the group transaction is open */
	/* Members run in the order they arrived: a mutex alone lets a newcomer
	 * barge ahead of a thread that was woken but not yet running, again
	 * and again, which is a latency tail of seconds under load. */
	struct member *qhead, *qtail;
	struct member *members;   /* kept members awaiting the group's commit */
	int nmembers;
	uint64_t commits, total;
};

enum rd_err rd_group_open(const char *target, struct rd_group **out, char **errmsg)
{
	*out = NULL;
	struct rd_store *s;
	enum rd_err rc = rd_store_open_mode(target, RD_STORE_NOMIGRATE, &s, errmsg);
	if (rc)
		return rc;
	if (!BASE(s)->ops->group_commit) {
		rd_store_close(s);
		return RD_OK;
	}
	/* A checkpoint inside a group's commit would stall every member. */
	if (BASE(s)->ops->offload_checkpoints && (rc = BASE(s)->ops->offload_checkpoints(s, errmsg))) {
		rd_store_close(s);
		return rc;
	}
	struct rd_group *g = calloc(1, sizeof *g);
	if (!g) {
		rd_store_close(s);
		return rd_fail(RD_ENOMEM, errmsg, "out of memory");
	}
	pthread_mutex_init(&g->lock, NULL);
	atomic_init(&g->pending, 0);
	g->s = s;
	*out = g;
	return RD_OK;
}

void rd_group_close(struct rd_group *g)
{
	if (!g)
		return;
	rd_store_close(g->s);
	pthread_mutex_destroy(&g->lock);
	free(g);
}

struct rd_store *rd_group_store(struct rd_group *g)
{
	return g->s;
}

void rd_group_stats(struct rd_group *g, uint64_t *commits, uint64_t *members)
{
	pthread_mutex_lock(&g->lock);
	*commits = g->commits;
	*members = g->total;
	pthread_mutex_unlock(&g->lock);
}

int rd_group_pending(struct rd_group *g)
{
	return atomic_load(&g->pending);
}

/* Tells every member of the open group RC and closes the group. A member
 * other than the caller may return (and its struct go) as soon as its
 * semaphore is posted: nothing of it is touched after. */
static void settle_all(struct rd_group *g, enum rd_err rc)
{
	struct member *next;
	for (struct member *m = g->members; m; m = next) {
		next = m->next;
		m->rc = rc;
		m->settled = true;
		sem_post(&m->done);
	}
	g->members = NULL;
	g->nmembers = 0;
	g->open = false;
}

/* The one durable commit for every member of the open group. */
static void commit_group(struct rd_group *g)
{
	const struct rd_store_ops *ops = BASE(g->s)->ops;
	enum rd_err rc = ops->commit(g->s);
	if (rc)
		ops->rollback(g->s);
	g->commits++;
	settle_all(g, rc);
}

/* Runs FN under its savepoint in the open group transaction; true when its
 * writes stay in the group. A failure to release or roll back the
 * savepoint means the database dropped the whole transaction (SQLite does
 * on I/O errors and a full disk): every member in it is then lost. */
static bool run_member(struct rd_group *g, rd_group_fn fn, void *arg, struct member *me)
{
	struct rd_store_base *b = BASE(g->s);
	enum rd_err rc = b->ops->exec_simple(g->s, "SAVEPOINT rd_member");
	if (rc) {
		me->rc = rc;
		return false;
	}
	b->in_group = true;
	b->tx_depth = 0;
	b->tx_failed = false;
	bool keep = fn(g->s, arg);
	if (b->tx_depth > 0) { /* a transaction left open is not a finished write */
		while (b->tx_depth > 0)
			rd_store_rollback(g->s);
		keep = false;
	}
	b->in_group = false;
	if (keep) {
		rc = b->ops->exec_simple(g->s, "RELEASE rd_member");
	} else {
		rc = b->ops->exec_simple(g->s, "ROLLBACK TO rd_member");
		if (rc == RD_OK)
			rc = b->ops->exec_simple(g->s, "RELEASE rd_member");
	}
	if (rc) {
		b->ops->rollback(g->s);
		g->total++;
		settle_all(g, rc);
		me->rc = rc;
		return false;
	}
	g->total++;
	return keep;
}

enum rd_err rd_group_run(struct rd_group *g, rd_group_fn fn, void *arg, bool *kept)
{
	struct member me = {0};
	bool keep = false;
	pthread_cond_init(&me.turn, NULL);
	sem_init(&me.done, 0, 0);
	atomic_fetch_add(&g->pending, 1);
	pthread_mutex_lock(&g->lock);
	if (g->qtail)
		g->qtail->qnext = &me;
	else
		g->qhead = &me;
	g->qtail = &me;
	while (g->qhead != &me)
		pthread_cond_wait(&me.turn, &g->lock);
	if (!g->open) {
		/* BEGIN IMMEDIATE: the write lock is taken now, so a member never
		 * meets another program's writer halfway through. */
		me.rc = BASE(g->s)->ops->begin(g->s);
		g->open = me.rc == RD_OK;
	}
	if (g->open)
		keep = run_member(g, fn, arg, &me);
	if (keep) {
		me.next = g->members;
		g->members = &me;
		g->nmembers++;
	} else {
		me.settled = true; /* nothing of it to commit: its answer is its own */
	}
	/* The last member in before the queue runs dry commits for all; so
	 * does the one that fills the group. */
	int left = atomic_fetch_sub(&g->pending, 1) - 1;
	if (g->open && g->nmembers > 0 && (left == 0 || g->nmembers >= RD_GROUP_MAX))
		commit_group(g);
	else if (g->open && g->nmembers == 0 && left == 0) {
		/* every member failed: end the empty transaction, release the lock */
		BASE(g->s)->ops->rollback(g->s);
		g->open = false;
	}
	g->qhead = me.qnext; /* the next in line runs */
	if (!g->qhead)
		g->qtail = NULL;
	else
		pthread_cond_signal(&g->qhead->turn);
	/* Settled already (not kept, or this member made the commit), or
	 * wait for the commit without the lock; settled is only written under
	 * the lock before the post, so reading it here is safe. */
	bool settled = me.settled;
	pthread_mutex_unlock(&g->lock);
	if (!settled)
		while (sem_wait(&me.done) != 0 && errno == EINTR)
			;
	pthread_cond_destroy(&me.turn);
	sem_destroy(&me.done);
	if (kept)
		*kept = keep && me.rc == RD_OK;
	return me.rc;
}
