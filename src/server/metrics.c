/* metrics.c — GET /metrics for Prometheus (text format 0.0.4): the domain
 * figures of lib/opsmetrics.c (cached a few seconds, so scraping often costs
 * one set of GROUP BY queries per interval, not per scrape), the process
 * figures (start time, memory, CPU, descriptors) and the HTTP figures this
 * file counts for http.c: requests per route and status class, and a
 * latency histogram per route class. Who may scrape: anyone, or with
 * --metrics-anonymous off only a valid API token (any role). */
#include <dirent.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "redress/opsmetrics.h"
#include "server.h"

/* How long a computed set of domain figures is served again. */
#define DOMAIN_TTL_US ((int64_t)5 * 1000000)

static const double buckets_ms[] = {0.5, 1, 2.5, 5, 10, 25, 50, 100, 250, 1000};
#define NBUCKETS (sizeof buckets_ms / sizeof buckets_ms[0])

/* Route classes of the latency histogram; see route_class. */
static const char *const classes[] = {"api", "page", "portal", "core", "unmatched"};
#define NCLASSES (sizeof classes / sizeof classes[0])

static atomic_ulong *route_counts; /* [(nroutes + 2) * 5]: slot 0 unmatched, 1 pages */
static atomic_ulong hist[NCLASSES][NBUCKETS + 1];
static atomic_ulong hist_count[NCLASSES];
static atomic_ullong hist_sum_us[NCLASSES];
static double start_time;

static pthread_mutex_t domain_mu = PTHREAD_MUTEX_INITIALIZER;
static char *domain_text;      /* the last domain figures, or NULL */
static int64_t domain_mono_us; /* when they were computed */
static int64_t domain_now;     /* the request time they were computed at */

static int64_t mono_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

bool rd_metrics_init(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	start_time = (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
	route_counts = calloc((rd_nroutes + 2) * 5, sizeof *route_counts);
	return route_counts != NULL;
}

void rd_metrics_free(void)
{
	free(route_counts);
	route_counts = NULL;
	pthread_mutex_lock(&domain_mu);
	free(domain_text);
	domain_text = NULL;
	pthread_mutex_unlock(&domain_mu);
}

static size_t route_class(size_t slot, const char *path)
{
	if (slot == 0)
		return 4;
	if (slot == 1)
		return path && strncmp(path, "/portal", 7) == 0 ? 2 : 1;
	return strncmp(rd_routes[slot - 2].pattern, "/api/", 5) == 0 ? 0 : 3;
}

void rd_metrics_count(size_t slot, const char *path, int status, int64_t us)
{
	int cls = status / 100 - 1;
	if (cls < 0 || cls > 4)
		cls = 4;
	if (route_counts)
		atomic_fetch_add_explicit(&route_counts[slot * 5 + (size_t)cls], 1, memory_order_relaxed);
	size_t c = route_class(slot, path);
	double ms = (double)us / 1000.0;
	size_t i = 0;
	while (i < NBUCKETS && ms > buckets_ms[i])
		i++;
	atomic_fetch_add_explicit(&hist[c][i], 1, memory_order_relaxed);
	atomic_fetch_add_explicit(&hist_count[c], 1, memory_order_relaxed);
	atomic_fetch_add_explicit(&hist_sum_us[c], (unsigned long long)us, memory_order_relaxed);
}

static void http_figures(struct rd_buf *b)
{
	static const char *const cls[] = {"1xx", "2xx", "3xx", "4xx", "5xx"};
	rd_buf_adds(b, "# HELP redress_http_requests_total HTTP requests by route and status class.\n"
		       "# TYPE redress_http_requests_total counter\n");
	for (size_t slot = 0; route_counts && slot < rd_nroutes + 2; slot++) {
		for (int c = 0; c < 5; c++) {
			unsigned long n = atomic_load(&route_counts[slot * 5 + (size_t)c]);
			if (!n)
				continue;
			const char *m = slot < 2 ? "" : rd_routes[slot - 2].method;
			const char *p = slot == 0 ? "unmatched" : slot == 1 ? "page" : rd_routes[slot - 2].pattern;
			rd_buf_addf(b, "redress_http_requests_total{route=\"%s%s", m, *m ? " " : "");
			rd_prom_label(b, p);
			rd_buf_addf(b, "\",code=\"%s\"} %lu\n", cls[c], n);
		}
	}
	rd_buf_adds(b, "# HELP redress_http_request_duration_seconds Time to a response, by route class "
		       "(api, page, portal, core, unmatched).\n"
		       "# TYPE redress_http_request_duration_seconds histogram\n");
	for (size_t c = 0; c < NCLASSES; c++) {
		unsigned long cum = 0;
		for (size_t i = 0; i < NBUCKETS; i++) {
			cum += atomic_load(&hist[c][i]);
			rd_buf_addf(b, "redress_http_request_duration_seconds_bucket{class=\"%s\",le=\"%g\"} %lu\n",
				    classes[c], buckets_ms[i] / 1000.0, cum);
		}
		cum += atomic_load(&hist[c][NBUCKETS]);
		rd_buf_addf(b, "redress_http_request_duration_seconds_bucket{class=\"%s\",le=\"+Inf\"} %lu\n",
			    classes[c], cum);
		rd_buf_addf(b, "redress_http_request_duration_seconds_sum{class=\"%s\"} %.6f\n", classes[c],
			    (double)atomic_load(&hist_sum_us[c]) / 1e6);
		rd_buf_addf(b, "redress_http_request_duration_seconds_count{class=\"%s\"} %lu\n", classes[c],
			    atomic_load(&hist_count[c]));
	}
	rd_buf_addf(b, "# HELP redress_http_requests_in_flight Requests being handled now.\n"
		       "# TYPE redress_http_requests_in_flight gauge\nredress_http_requests_in_flight %d\n",
		    rd_server_inflight());
	/* The write path's group commit: members per commit is how many
	 * writes each fsync carries (docs/operations.md, tuning). */
	struct rd_group *g = rd_server_group();
	if (g) {
		uint64_t commits, members;
		rd_group_stats(g, &commits, &members);
		rd_buf_addf(b, "# HELP redress_write_commits_total Durable commits of the write path (one fsync "
			       "each).\n# TYPE redress_write_commits_total counter\nredress_write_commits_total %llu\n"
			       "# HELP redress_write_members_total Write requests those commits carried.\n"
			       "# TYPE redress_write_members_total counter\nredress_write_members_total %llu\n",
			    (unsigned long long)commits, (unsigned long long)members);
	}
}

/* The process figures under the names Prometheus client libraries use, so
 * stock dashboards work. Linux: memory from /proc/self/statm, descriptors
 * from /proc/self/fd. A figure that cannot be read is left out. */
static void process_figures(struct rd_buf *b)
{
	rd_buf_addf(b, "# HELP process_start_time_seconds Start time of the process since the Unix epoch.\n"
		       "# TYPE process_start_time_seconds gauge\nprocess_start_time_seconds %.3f\n", start_time);
	struct rusage ru;
	if (getrusage(RUSAGE_SELF, &ru) == 0) {
		double cpu = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
			     (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
		rd_buf_addf(b, "# HELP process_cpu_seconds_total User and system CPU time spent.\n"
			       "# TYPE process_cpu_seconds_total counter\nprocess_cpu_seconds_total %.3f\n", cpu);
	}
	FILE *f = fopen("/proc/self/statm", "r");
	unsigned long vm, rss;
	if (f) {
		if (fscanf(f, "%lu %lu", &vm, &rss) == 2) {
			unsigned long page = (unsigned long)sysconf(_SC_PAGESIZE);
			rd_buf_addf(b, "# HELP process_virtual_memory_bytes Virtual memory size.\n"
				       "# TYPE process_virtual_memory_bytes gauge\nprocess_virtual_memory_bytes %lu\n"
				       "# HELP process_resident_memory_bytes Resident memory size.\n"
				       "# TYPE process_resident_memory_bytes gauge\nprocess_resident_memory_bytes %lu\n",
				    vm * page, rss * page);
		}
		fclose(f);
	}
	DIR *d = opendir("/proc/self/fd");
	if (d) {
		long n = 0;
		struct dirent *e;
		while ((e = readdir(d)))
			if (e->d_name[0] != '.')
				n++;
		closedir(d);
		rd_buf_addf(b, "# HELP process_open_fds Open file descriptors.\n"
			       "# TYPE process_open_fds gauge\nprocess_open_fds %ld\n", n - 1 /* the listing's own */);
	}
	struct rlimit rl;
	if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY)
		rd_buf_addf(b, "# HELP process_max_fds Most file descriptors the process may open.\n"
			       "# TYPE process_max_fds gauge\nprocess_max_fds %llu\n", (unsigned long long)rl.rlim_cur);
}

/* The domain figures at NOW, from the cache when they are fresh: computed
 * less than DOMAIN_TTL_US ago for a request time within 5 s of this one
 * (a pinned $REDRESS_NOW keeps the same time). Appends them to B. */
static enum rd_err domain_figures(struct rd_req *req, struct rd_buf *b, char **errmsg)
{
	enum rd_err rc = RD_OK;
	pthread_mutex_lock(&domain_mu);
	int64_t t = mono_us();
	if (!domain_text || t - domain_mono_us > DOMAIN_TTL_US || llabs(req->now - domain_now) > 5) {
		struct rd_buf fresh = RD_BUF_INIT;
		rc = rd_opsmetrics_write(req->store, req->now, &fresh, errmsg);
		char *text = rc == RD_OK ? rd_buf_detach(&fresh) : NULL;
		rd_buf_free(&fresh);
		if (rc == RD_OK && !text)
			rc = rd_fail(RD_ENOMEM, errmsg, "metrics: out of memory");
		if (rc)
			goto out;
		free(domain_text);
		domain_text = text;
		domain_mono_us = t;
		domain_now = req->now;
	}
	rd_buf_adds(b, domain_text);
out:
	pthread_mutex_unlock(&domain_mu);
	return rc;
}

void rd_metrics_route(struct rd_req *req, struct rd_resp *resp)
{
	/* A token sent is always checked (a wrong one is a 401, never an
	 * anonymous scrape); without one, only when anonymous scrapes are on. */
	if (rd_req_header(req, "Authorization")) {
		if (!rd_auth_api(req, resp))
			return;
	} else if (req->cfg->metrics_private && !rd_req_cookie(req, "rd_session")) {
		rd_resp_problem(resp, req, 401, "unauthenticated",
				"anonymous scrapes are off (--metrics-anonymous off): send an API token "
				"(Authorization: Bearer TOKEN; redress token create EMAIL)");
		rd_resp_header(resp, "WWW-Authenticate", "Bearer realm=\"redress\"");
		return;
	} else if (req->cfg->metrics_private && !rd_auth_api(req, resp)) {
		return;
	}
	char *msg = NULL;
	struct rd_buf *b = &resp->body;
	enum rd_err rc = domain_figures(req, b, &msg);
	if (rc) {
		rd_buf_free(b);
		rd_resp_err(resp, req, rc, msg);
		return;
	}
	process_figures(b);
	http_figures(b);
	if (b->oom) {
		rd_buf_free(b);
		rd_resp_err(resp, req, RD_ENOMEM, NULL);
		return;
	}
	resp->content_type = "text/plain; version=0.0.4; charset=utf-8";
	resp->no_etag = true;
	rd_resp_header(resp, "Cache-Control", "no-store");
}
