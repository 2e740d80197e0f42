/* deliver.c — the delivery worker of `redress serve`: one thread with its
 * own database handle that, every --deliver-every, stores escalations,
 * queues reminders and digests, and sends the outbox (lib/notify.c,
 * lib/outbox.c). Requests never wait for it: what they queue is sent by
 * the next sweep. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "redress/notify.h"
#include "redress/outbox.h"
#include "server.h"
#include "web_pages.h"

static pthread_t worker;
static bool running;
static bool stop;
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv;
static const struct rd_server_config *g_cfg;

static int64_t now_of(const struct rd_server_config *cfg)
{
	return cfg->now_pin ? cfg->now_pin : (int64_t)time(NULL);
}

static void sweep(struct rd_store **s)
{
	char *msg = NULL;
	if (!*s && rd_store_open_mode(g_cfg->db, RD_STORE_NOMIGRATE, s, &msg)) {
		fprintf(stderr, "redress serve: delivery: %s\n", msg ? msg : "cannot open the database");
		free(msg);
		*s = NULL;
		return;
	}
	int64_t now = now_of(g_cfg);
	if (rd_reminders_queue(*s, now, NULL, &msg)) {
		fprintf(stderr, "redress serve: reminders: %s\n", msg ? msg : "failed");
		free(msg);
		msg = NULL;
	}
	struct rd_sweep_stats st;
	if (rd_outbox_sweep(*s, &g_cfg->mail, now, 0, &st, &msg)) {
		fprintf(stderr, "redress serve: delivery: %s\n", msg ? msg : "failed");
		free(msg);
	} else if (st.sent || st.failed || st.retried) {
		fprintf(stderr, "redress serve: delivery: sent %lld, retrying %lld, failed %lld\n",
			(long long)st.sent, (long long)st.retried, (long long)st.failed);
	}
}

static void *run(void *arg)
{
	(void)arg;
	struct rd_store *s = NULL;
	pthread_mutex_lock(&mu);
	while (!stop) {
		pthread_mutex_unlock(&mu);
		sweep(&s);
		pthread_mutex_lock(&mu);
		struct timespec until;
		clock_gettime(CLOCK_MONOTONIC, &until);
		until.tv_sec += g_cfg->deliver_every;
		while (!stop && pthread_cond_timedwait(&cv, &mu, &until) != ETIMEDOUT)
			;
	}
	pthread_mutex_unlock(&mu);
	rd_store_close(s);
	return NULL;
}

void rd_deliver_start(const struct rd_server_config *cfg)
{
	g_cfg = cfg;
	web_mail_enable(cfg->mail.smtp_url && cfg->mail.from);
	if (!cfg->deliver_every)
		return;
	pthread_condattr_t ca;
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&cv, &ca);
	pthread_condattr_destroy(&ca);
	if (pthread_create(&worker, NULL, run, NULL) == 0)
		running = true;
	else
		fprintf(stderr, "redress serve: cannot start the delivery worker\n");
}

void rd_deliver_stop(void)
{
	if (!running)
		return;
	pthread_mutex_lock(&mu);
	stop = true;
	pthread_cond_signal(&cv);
	pthread_mutex_unlock(&mu);
	pthread_join(worker, NULL);
	running = false;
}
