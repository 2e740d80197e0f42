/* time_stress_test.c — zones under threads (issue 8): many threads render
 * the staff pages and agendas of the demo data, with its clients spread
 * over Berlin, New York, Kolkata, Kathmandu, Sydney, St John's and UTC, and
 * convert instants around every DST change of the year in those zones, all
 * at once; every result must be byte for byte what one thread produced.
 *
 * Meanwhile a watcher thread reads $TZ, as any thread may: converting must
 * never change it. (The old time.c pointed TZ at each zone: the watcher saw
 * it, and under AddressSanitizer, where realloc always moves, the getenv
 * calls crashed on the environment array setenv had just freed.)
 * scripts/test-all runs it in the unit suites (plain and ASan+UBSan) and in
 * a ThreadSanitizer build (build-tsan) with halt_on_error, so a data race
 * fails it even when the bytes agree. STRESS_THREADS and STRESS_ROUNDS
 * override the defaults (8 threads, 8 rounds over every job). Links the
 * page files like server/web_test.c. */
#include "../unit.h"

#include <pthread.h>
#include <stdatomic.h>

#include "redress/agenda.h"
#include "../../../src/server/web_pages.h"

static const char *const zones[] = {
	"Europe/Berlin", "America/New_York", "Asia/Kolkata", "Asia/Kathmandu",
	"Australia/Sydney", "UTC", "America/St_Johns",
};
#define NZONES (sizeof zones / sizeof zones[0])

/* Both sides of every 2026 DST change in the zones above, and more. */
static const char *const instants[] = {
	"2026-03-08T06:59:59Z", "2026-03-08T07:00:00Z", /* New York springs forward */
	"2026-03-29T00:59:59Z", "2026-03-29T01:00:00Z", /* Berlin */
	"2026-04-04T15:59:59Z", "2026-04-04T16:00:00Z", /* Sydney falls back */
	"2026-10-03T15:59:59Z", "2026-10-03T16:00:00Z", /* Sydney springs forward */
	"2026-10-25T00:59:59Z", "2026-10-25T01:00:00Z", /* Berlin falls back */
	"2026-11-01T05:59:59Z", "2026-11-01T06:00:00Z", /* New York */
	"2026-11-22T12:00:00Z", "2026-12-31T23:30:00Z", "2099-06-30T12:00:00Z",
};
#define NINSTANTS (sizeof instants / sizeof instants[0])

enum job_kind { JOB_PAGE, JOB_AGENDA, JOB_ZONE };

struct job {
	enum job_kind kind;
	const char *name;
	rd_page_fn page;
	char param[24];
	int64_t at;          /* JOB_AGENDA */
	const char *tz;      /* JOB_ZONE */
	char *want;          /* one thread's result */
};

static struct job jobs[64];
static size_t njobs;
static char db_path[256];

static void add_page(const char *name, rd_page_fn fn, int64_t id)
{
	struct job *j = &jobs[njobs++];
	j->kind = JOB_PAGE;
	j->name = name;
	j->page = fn;
	if (id)
		snprintf(j->param, sizeof j->param, "%lld", (long long)id);
}

/* Every conversion of every instant in zone TZ, one line each. */
static char *zone_job(const char *tz)
{
	struct rd_buf b = RD_BUF_INIT;
	for (size_t i = 0; i < NINSTANTS; i++) {
		int64_t t = 0, back = 0, later = 0;
		char iso[RD_TIME_BUFSZ], text[96];
		struct tm tm;
		long off = 0;
		if (rd_time_parse(instants[i], &t, NULL) || rd_time_format_local(t, tz, iso) ||
		    rd_time_strftime(t, tz, "%A %-d %B %Y, %H:%M:%S %Z %z", text, sizeof text) ||
		    rd_time_local(t, tz, &tm, &off) || rd_time_from_local(&tm, tz, &back))
			rd_buf_addf(&b, "%s: failed\n", instants[i]);
		tm.tm_min += 90; /* 90 minutes later on the wall clock, maybe across a change */
		if (rd_time_from_local(&tm, tz, &later))
			later = -1;
		rd_buf_addf(&b, "%s %s | %s | %s %ld | %lld %lld\n", tz, iso, text, tm.tm_zone, off,
			    (long long)(back - t), (long long)(later - t));
	}
	return b.data ? b.data : strdup("");
}

/* Runs job J on store S as actor A; the result is malloc'd. */
static char *run_job(struct job *j, struct rd_store *s, const struct rd_actor *a)
{
	if (j->kind == JOB_ZONE)
		return zone_job(j->tz);
	if (j->kind == JOB_AGENDA) {
		json_t *out = NULL;
		char *m = NULL;
		if (rd_agenda(s, T_NOW, j->at, 0, 0, &out, &m)) {
			char *e = NULL;
			if (asprintf(&e, "agenda failed: %s", m ? m : "?") < 0)
				e = NULL;
			free(m);
			return e;
		}
		char *text = json_dumps(out, JSON_SORT_KEYS | JSON_INDENT(1));
		json_decref(out);
		return text;
	}
	struct rd_page_req q = {
		.store = s, .actor = a, .method = "GET", .path = "/", .csrf_token = "tok", .now = T_NOW,
	};
	q.params[0] = j->param[0] ? j->param : NULL;
	q.query = json_object();
	q.form = json_object();
	struct rd_page_resp r = {.body = RD_BUF_INIT};
	int rc = j->page(&q, &r);
	char *text = NULL;
	if (asprintf(&text, "%d %d %s", rc, r.status, r.body.data ? r.body.data : "") < 0)
		text = NULL;
	json_decref(q.query);
	json_decref(q.form);
	rd_buf_free(&r.body);
	free(r.location);
	return text;
}

static int stress_setup(void **state)
{
	if (fx_setup(state))
		return -1;
	struct fx *f = *state;
	char *m = NULL;
	if (rd_demo_load(f->s, T_NOW, &m)) {
		fprintf(stderr, "demo: %s\n", m ? m : "?");
		return -1;
	}
	/* spread the demo's twelve clients over the zones under test */
	for (int64_t id = 1; id <= 12; id++) {
		json_t *in = json_pack("{ss}", "tz", zones[(id - 1) % NZONES]);
		enum rd_err rc = rd_client_update(f->s, &f->sys, id, in, &m);
		json_decref(in);
		if (rc) {
			fprintf(stderr, "client tz: %s\n", m ? m : "?");
			return -1;
		}
		if (id <= 7)
			add_page("client page", web_client_page, id);
	}
	add_page("agenda page", web_agenda, 0);
	add_page("failure list", web_failure_list, 0);
	add_page("client list", web_client_list, 0);
	for (int64_t fid = 1; fid <= 3; fid++)
		add_page("failure room", web_failure_room, fid);
	for (int k = 0; k < 4; k++) {
		struct job *j = &jobs[njobs++];
		j->kind = JOB_AGENDA;
		j->name = "agenda";
		j->at = T_NOW + k * 9 * T_HOUR - 2 * T_DAY;
	}
	for (size_t z = 0; z < NZONES; z++) {
		struct job *j = &jobs[njobs++];
		j->kind = JOB_ZONE;
		j->name = "zone conversions";
		j->tz = zones[z];
	}
	snprintf(db_path, sizeof db_path, "%s", f->path);
	return 0;
}

static int stress_teardown(void **state)
{
	for (size_t i = 0; i < njobs; i++)
		free(jobs[i].want);
	return fx_teardown(state);
}

struct worker {
	pthread_t th;
	int index, rounds;
	int mismatches, errors;
	char first[200];
};

static void *work(void *arg)
{
	struct worker *w = arg;
	struct rd_store *s = NULL;
	struct rd_actor a;
	char *m = NULL;
	if (rd_store_open(db_path, &s, &m) || rd_actor_for_user(s, "maria@provider.example", &a, &m)) {
		snprintf(w->first, sizeof w->first, "thread %d: %s", w->index, m ? m : "?");
		w->errors++;
		free(m);
		if (s)
			rd_store_close(s);
		return NULL;
	}
	a.now = T_NOW;
	for (int r = 0; r < w->rounds; r++) {
		for (size_t k = 0; k < njobs; k++) {
			/* each thread walks the jobs from its own starting point, so
			 * different kinds of work overlap */
			struct job *j = &jobs[(k + (size_t)w->index * 5) % njobs];
			char *got = run_job(j, s, &a);
			if (!got || strcmp(got, j->want)) {
				if (!w->mismatches++)
					snprintf(w->first, sizeof w->first, "thread %d, %s %s%s: differs from one thread",
						 w->index, j->name, j->param, j->tz ? j->tz : "");
			}
			free(got);
		}
	}
	rd_store_close(s);
	return NULL;
}

static atomic_bool watching;

/* Counts the times $TZ is seen set while the workers run. */
static void *watch_tz(void *arg)
{
	long *seen = arg;
	while (atomic_load(&watching))
		if (getenv("TZ"))
			++*seen;
	return NULL;
}

static int env_int(const char *name, int dflt)
{
	const char *v = getenv(name);
	int n = v && *v ? (int)strtol(v, NULL, 10) : 0;
	return n > 0 ? n : dflt;
}

static void threads_agree_with_one_thread(void **state)
{
	struct fx *f = *state;
	struct rd_actor a;
	assert_ok(rd_actor_for_user(f->s, "maria@provider.example", &a, &m_));
	a.now = T_NOW;
	/* one thread, twice: the results are deterministic to begin with (the
	 * first agenda pass may store escalations; the second changes nothing) */
	for (size_t i = 0; i < njobs; i++)
		free(run_job(&jobs[i], f->s, &a));
	for (size_t i = 0; i < njobs; i++) {
		jobs[i].want = run_job(&jobs[i], f->s, &a);
		assert_non_null(jobs[i].want);
		char *again = run_job(&jobs[i], f->s, &a);
		if (strcmp(again, jobs[i].want))
			fail_msg("%s %s is not deterministic on one thread", jobs[i].name, jobs[i].param);
		free(again);
		if (jobs[i].kind == JOB_PAGE && strncmp(jobs[i].want, "0 0 ", 4))
			fail_msg("%s %s: %.80s", jobs[i].name, jobs[i].param, jobs[i].want);
	}
	/* the pages really show the zones under test */
	static const char *const shown[] = {" CET", " EST", " IST"};
	for (size_t k = 0; k < sizeof shown / sizeof shown[0]; k++) {
		bool found = false;
		for (size_t i = 0; i < njobs && !found; i++)
			found = jobs[i].kind == JOB_PAGE && strstr(jobs[i].want, shown[k]) != NULL;
		if (!found)
			fail_msg("no page shows a time in%s", shown[k]);
	}

	int nthreads = env_int("STRESS_THREADS", 8), rounds = env_int("STRESS_ROUNDS", 8);
	struct worker *w = calloc((size_t)nthreads, sizeof *w);
	assert_non_null(w);
	unsetenv("TZ");
	long tz_seen = 0;
	pthread_t watcher;
	atomic_store(&watching, true);
	assert_int_equal(pthread_create(&watcher, NULL, watch_tz, &tz_seen), 0);
	for (int i = 0; i < nthreads; i++) {
		w[i].index = i;
		w[i].rounds = rounds;
		assert_int_equal(pthread_create(&w[i].th, NULL, work, &w[i]), 0);
	}
	int mismatches = 0, errors = 0;
	for (int i = 0; i < nthreads; i++) {
		pthread_join(w[i].th, NULL);
		mismatches += w[i].mismatches;
		errors += w[i].errors;
		if (w[i].first[0])
			fprintf(stderr, "%s\n", w[i].first);
	}
	free(w);
	atomic_store(&watching, false);
	pthread_join(watcher, NULL);
	fprintf(stderr, "%d threads x %d rounds x %zu jobs: %d mismatches, %d errors, TZ seen set %ld times\n",
		nthreads, rounds, njobs, mismatches, errors, tz_seen);
	assert_int_equal(errors, 0);
	assert_int_equal(mismatches, 0);
	assert_int_equal(tz_seen, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(threads_agree_with_one_thread, stress_setup, stress_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
