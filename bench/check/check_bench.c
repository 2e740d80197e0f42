/* check_bench.c — the checker benchmark driver: checks every message of a
 * corpus (messages separated by `---` lines) through rd_check_stream and
 * prints messages, findings, MB/s and the slowest message. Built by
 * bench/check/run.sh against the project's static library; see
 * bench/check/README.md. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "redress/check.h"
#include "redress/time.h"

struct totals {
	size_t messages, findings, errors, bad_input, bytes;
};

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int each(void *ctx, size_t index, size_t first_line, const char *text, size_t len,
		enum rd_err rc, const char *errmsg, const struct rd_check_result *r)
{
	(void)index;
	(void)first_line;
	(void)text;
	(void)errmsg;
	struct totals *t = ctx;
	t->messages++;
	t->bytes += len;
	if (rc != RD_OK) {
		t->bad_input++;
		return 0;
	}
	t->findings += r->n_findings;
	if (rd_check_result_has_errors(r))
		t->errors++;
	return 0;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: check_bench CORPUS [KIND] [ZONE] [THREADS]\n");
		return 2;
	}
	FILE *f = fopen(argv[1], "r");
	if (!f) {
		perror(argv[1]);
		return 2;
	}
	struct rd_check_opts o;
	memset(&o, 0, sizeof o);
	o.kind = argc > 2 ? argv[2] : "plan";
	o.tz = argc > 3 ? argv[3] : "Europe/Berlin";
	o.repair_expected = true;
	o.threads = argc > 4 ? (unsigned)strtoul(argv[4], NULL, 10) : 1;
	rd_time_parse("2026-11-23T09:00:00Z", &o.now, NULL);
	struct totals t;
	memset(&t, 0, sizeof t);
	char *err = NULL;
	double t0 = now_s();
	enum rd_err rc = rd_check_stream(f, &o, each, &t, &err);
	double dt = now_s() - t0;
	fclose(f);
	if (rc != RD_OK) {
		fprintf(stderr, "check_bench: %s\n", err ? err : "failed");
		return 1;
	}
	printf("messages %zu  findings %zu  with-errors %zu  bad-input %zu\n", t.messages, t.findings,
	       t.errors, t.bad_input);
	printf("bytes %zu  seconds %.3f  MB/s %.1f  us/message %.1f\n", t.bytes, dt,
	       (double)t.bytes / 1048576.0 / dt, dt * 1e6 / (double)(t.messages ? t.messages : 1));
	return 0;
}
