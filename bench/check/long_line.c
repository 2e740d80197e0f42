/* long_line.c — the checker on one long, findings-heavy line: times rd_check
 * on 1 MB and 4 MB of text built from the same sentences (passives, hedges,
 * jargon, minimisers, conditional apologies, placeholders… with no line
 * break) and prints the ratio, which is about 4 for a checker linear in its
 * input and 16 for a quadratic one: the sizes alternating in one process,
 * each check in a new process, plain text, and the same text as 16 KB
 * messages (a control for the machine). Built and run by
 * bench/check/long_line.sh; see bench/check/README.md. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "redress/check.h"
#include "redress/time.h"

static const char *const sentences[] = {
	"We apologize if you were affected by the recent issue.",
	"We are sorry you feel that way about our service.",
	"We apologize for any inconvenience this may have caused.",
	"Mistakes were made during the maintenance window.",
	"Your records were deleted during the migration.",
	"This was caused by our vendor and was beyond our control.",
	"It was just a small hiccup and only affected a few records.",
	"We believe the problem might possibly be related to the upgrade.",
	"Our RCA shows the MTTR was within SLA and the failover to the DR cluster worked.",
	"Please be advised that at this point in time the system is operational.",
	"Rest assured, this will never happen again; we guarantee 100% uptime.",
	"Dear [CLIENT NAME], your ETA is {{plan.eta_local}}.",
	"Our QQX and ZZV teams expect the fix by Friday 17:00, see `don't` TODO.",
};

/* Plain text: what a careful writer sends, no finding in it, for the
 * case most messages are. */
static const char *const plain[] = {
	"We deleted your records during the migration on Tuesday.",
	"I am sorry that our release stopped your exports for six hours.",
	"Our engineers restored the data from the nightly backup.",
	"We now test every migration against a copy of your account first.",
	"Your team lost a morning of work because of our mistake.",
	"I will call you on Friday at 10:00 with the next update.",
	"The fix ships on Thursday, and we will confirm when it is live.",
	"Please write to me directly if anything still looks wrong.",
	"We will credit one month of your subscription on the next invoice.",
	"The root cause was a script that skipped the final check.",
	"Our database team now reviews every change before it runs.",
	"The new alert pages the on-call engineer within five minutes.",
	"Your point person is Dana Whitfield, on 020 7946 0018.",
};

static bool plain_text;   /* fill from plain[] instead of sentences[] */

/* Fills buf with n bytes of sentences separated by spaces, one line. */
static void fill(char *buf, size_t n)
{
	const char *const *from = plain_text ? plain : sentences;
	size_t count = plain_text ? sizeof plain / sizeof plain[0] : sizeof sentences / sizeof sentences[0];
	size_t len = 0, k = 0;
	while (len < n) {
		const char *s = from[k++ % count];
		size_t l = strlen(s);
		if (len + l + 1 > n)
			break;
		memcpy(buf + len, s, l);
		buf[len + l] = ' ';
		len += l + 1;
	}
	memset(buf + len, ' ', n - len);
	buf[n - 1] = '\n';
}

static double cpu_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double wall_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The control: the same text as messages this long, so that nothing of a
 * check grows with the text. What it measures for 4 MB / 1 MB is what a
 * checker linear in its input measures on this machine. */
#define PIECE ((size_t)16 << 10)
static bool pieces;

/* CPU seconds (user+sys) for one rd_check of buf[0..n) (with pieces, of
 * its pieces one after the other), its elapsed seconds in *wall; *nf gets
 * the findings. */
static double time_check(const char *buf, size_t n, size_t *nf, double *wall)
{
	struct rd_check_opts o;
	memset(&o, 0, sizeof o);
	o.kind = "plan";
	o.tz = "Europe/Berlin";
	rd_time_parse("2026-11-23T09:00:00Z", &o.now, NULL);
	struct rd_check_result *res = NULL;
	char *err = NULL;
	double w0 = wall_s(), t0 = cpu_s();
	*nf = 0;
	/* the whole text at once, or (pieces) as consecutive messages of
	 * about PIECE bytes, each cut after a sentence */
	for (size_t a = 0; a < n;) {
		size_t b = n;
		if (pieces && n - a > PIECE) {
			b = a + PIECE;
			while (b < n && !(buf[b - 2] == '.' && buf[b - 1] == ' '))
				b++;
		}
		enum rd_err rc = rd_check(buf + a, b - a, &o, &res, &err);
		if (rc != RD_OK) {
			fprintf(stderr, "long_line: %s\n", err ? err : "check failed");
			exit(1);
		}
		*nf += res->n_findings;
		rd_check_result_free(res);
		a = b;
	}
	double dt = cpu_s() - t0;
	*wall = wall_s() - w0;
	return dt;
}

static char *text_of(size_t n)
{
	char *buf = malloc(n);
	if (!buf)
		exit(1);
	fill(buf, n);
	return buf;
}

/* `redress check` run as a user runs it: a new process for each check,
 * the file read, checked and printed (to /dev/null). CPU seconds (user +
 * sys of the child) of one run, its elapsed seconds in *wall. */
static double time_cli(const char *bin, const char *file, const char *format, double *wall)
{
	struct rusage a, b;
	getrusage(RUSAGE_CHILDREN, &a);
	double w0 = wall_s();
	fflush(stdout);   /* the child's freopen would write the buffer again */
	pid_t pid = fork();
	if (pid == 0) {
		if (!freopen("/dev/null", "w", stdout))
			_exit(127);
		execl(bin, bin, "check", "--kind", "plan", "--format", format, "--at", "2026-11-23T09:00:00Z",
		      file, (char *)NULL);
		_exit(127);
	}
	int st = 0;
	if (pid < 0 || waitpid(pid, &st, 0) != pid || !WIFEXITED(st) || WEXITSTATUS(st) > 1) {
		fprintf(stderr, "long_line: %s check %s failed\n", bin, file);
		exit(1);
	}
	*wall = wall_s() - w0;
	getrusage(RUSAGE_CHILDREN, &b);
	return (double)(b.ru_utime.tv_sec - a.ru_utime.tv_sec) + (double)(b.ru_stime.tv_sec - a.ru_stime.tv_sec) +
	       (double)(b.ru_utime.tv_usec - a.ru_utime.tv_usec) / 1e6 +
	       (double)(b.ru_stime.tv_usec - a.ru_stime.tv_usec) / 1e6;
}

/* The two sizes written to files in DIR, each checked RUNS times by BIN
 * (alternating), in each output format: best CPU and elapsed, and the
 * ratio. A one-sentence message gives the fixed cost of a run (start,
 * word lists, zones), which a new process pays at every size. */
static void cli_runs(const char *bin, const char *dir, int runs)
{
	char path[3][4096];
	static const char *const name[3] = {"long-line-1mb.txt", "long-line-4mb.txt", "long-line-tiny.txt"};
	static const size_t size[2] = {1u << 20, 4u << 20};
	for (int k = 0; k < 3; k++) {
		snprintf(path[k], sizeof path[k], "%s/%s", dir, name[k]);
		FILE *f = fopen(path[k], "w");
		if (!f) {
			perror(path[k]);
			exit(1);
		}
		if (k < 2) {
			char *buf = text_of(size[k]);
			fwrite(buf, 1, size[k], f);
			free(buf);
		} else {
			fputs("We are sorry: our release broke your exports. The fix ships Friday.\n", f);
		}
		if (fclose(f) != 0) {
			perror(path[k]);
			exit(1);
		}
	}
	static const char *const formats[] = {"text", "json"};
	for (int fi = 0; fi < 2; fi++) {
		double t[3] = {-1, -1, -1}, w[3] = {-1, -1, -1}, wall;
		for (int r = 0; r < runs; r++)
			for (int k = 0; k < 3; k++) {
				double c = time_cli(bin, path[k], formats[fi], &wall);
				if (t[k] < 0 || c < t[k])
					t[k] = c;
				if (w[k] < 0 || wall < w[k])
					w[k] = wall;
			}
		printf("redress check --format %s: one sentence %.3f s, 1 MB %.3f s, 4 MB %.3f s cpu "
		       "(elapsed %.3f, %.3f, %.3f)\n", formats[fi], t[2], t[0], t[1], w[2], w[0], w[1]);
		printf("ratio 4 MB / 1 MB: cpu %.2fx, elapsed %.2fx; less the one-sentence run: cpu %.2fx\n",
		       t[1] / t[0], w[1] / w[0], (t[1] - t[2]) / (t[0] - t[2]));
	}
	for (int k = 0; k < 3; k++)
		unlink(path[k]);
}

/* One check in a new process: the word lists loaded by a one-sentence
 * check first (what a process pays once, whatever the size), then the
 * timed check of n bytes on a heap that no earlier check has grown. In
 * one process the 1 MB check after a 4 MB one reuses pages the 4 MB check
 * faulted in, while the 4 MB check (its arrays past glibc's largest mmap
 * threshold) faults its own in every time; here every size pays for its
 * own memory, as `redress check` and a server's first large check do.
 * CPU seconds of the check; *wall its elapsed seconds. */
static double time_fresh(size_t n, size_t *nf, double *wall)
{
	int fd[2];
	if (pipe(fd) != 0) {
		perror("pipe");
		exit(1);
	}
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		close(fd[0]);
		static const char tiny[] = "We are sorry: our release broke your exports. The fix ships Friday.\n";
		double w, got[3];
		size_t f;
		time_check(tiny, sizeof tiny - 1, &f, &w);
		char *buf = text_of(n);
		got[0] = time_check(buf, n, &f, &w);
		got[1] = w;
		got[2] = (double)f;
		_exit(write(fd[1], got, sizeof got) == (ssize_t)sizeof got ? 0 : 1);
	}
	close(fd[1]);
	double got[3];
	ssize_t k = pid > 0 ? read(fd[0], got, sizeof got) : -1;
	int st = 0;
	close(fd[0]);
	if (pid < 0 || k != (ssize_t)sizeof got || waitpid(pid, &st, 0) != pid || !WIFEXITED(st) ||
	    WEXITSTATUS(st) != 0) {
		fprintf(stderr, "long_line: the check in a new process failed\n");
		exit(1);
	}
	*wall = got[1];
	*nf = (size_t)got[2];
	return got[0];
}

/* Runs alternate between the sizes, so a burst of load on a shared
 * machine hits both; the best of each is kept, by CPU time and by elapsed
 * time separately (the same runs). FRESH: each check in a new process
 * (time_fresh). */
static void pair(int runs, const char *what, bool fresh)
{
	char *b1 = text_of(1u << 20), *b4 = text_of(4u << 20);
	size_t f1 = 0, f4 = 0;
	double t1 = -1, t4 = -1, w1 = -1, w4 = -1, wa, wb;
	if (!fresh)
		time_check(b1, 1u << 20, &f1, &wa);   /* loads the word lists */
	for (int r = 0; r < runs; r++) {
		double a = fresh ? time_fresh(1u << 20, &f1, &wa) : time_check(b1, 1u << 20, &f1, &wa);
		double b = fresh ? time_fresh(4u << 20, &f4, &wb) : time_check(b4, 4u << 20, &f4, &wb);
		if (t1 < 0 || a < t1)
			t1 = a;
		if (t4 < 0 || b < t4)
			t4 = b;
		if (w1 < 0 || wa < w1)
			w1 = wa;
		if (w4 < 0 || wb < w4)
			w4 = wb;
	}
	printf("1 MB %s: %8.3f s cpu  %8.3f s elapsed  %7zu findings\n", what, t1, w1, f1);
	printf("4 MB %s: %8.3f s cpu  %8.3f s elapsed  %7zu findings\n", what, t4, w4, f4);
	printf("ratio 4 MB / 1 MB: cpu %.2fx, elapsed %.2fx   (%s)\n", t4 / t1, w4 / w1,
	       pieces ? "a linear checker measures this here"
	       : fresh ? "target < 4x"
		       : "target < 4x; a quadratic checker: 16x");
	free(b1);
	free(b4);
}

int main(int argc, char **argv)
{
	if (argc == 5 && strcmp(argv[1], "cli") == 0) {   /* cli REDRESS DIR RUNS */
		cli_runs(argv[2], argv[3], (int)strtol(argv[4], NULL, 10));
		return 0;
	}
	int runs = argc > 1 ? (int)strtol(argv[1], NULL, 10) : 5;
	if (argc > 2) {   /* one size only (MB), RUNS times in this process: for a profiler, or the mean */
		size_t n = (size_t)strtoul(argv[2], NULL, 10) << 20;
		char *buf = text_of(n);
		double w, sum = 0, best = 0;
		size_t f1 = 0;
		int m = runs > 0 ? runs : 1;
		for (int k = 0; k < m; k++) {
			double t = time_check(buf, n, &f1, &w);
			sum += t;
			if (k == 0 || t < best)
				best = t;
		}
		printf("%zu MB one line, %d checks: %8.4f s cpu mean, %8.4f s best  %7zu findings\n", n >> 20, m,
		       sum / m, best, f1);
		free(buf);
		return 0;
	}
	/* the findings-heavy text the target is about, then plain text, then
	 * the control (the findings-heavy text as 16 KB messages) */
	pair(runs, "one line", false);
	pair(runs, "one line, a new process each", true);
	plain_text = true;
	pair(runs, "plain text, one line", false);
	plain_text = false;
	pieces = true;
	pair(runs, "control: as 16 KB messages", false);
	return 0;
}
