/* archive_fuzz.c — libFuzzer target for the archive reader and its checking
 * driver (lib/check/archive.c, mime.c): the first byte picks mbox or JSON
 * Lines, the rest is the archive. Any bytes must end in a clean error or a
 * run of messages numbered 0, 1, 2… at non-decreasing lines, each with a
 * text or an error (never both), never a crash or a leak.
 * Build and run: tests/fuzz/README.md. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "redress/archive.h"

struct state {
	size_t next, line;
};

static int visit(void *ctx, const struct rd_archive_msg *m, enum rd_err rc, const char *err,
		 const struct rd_check_result *r)
{
	struct state *s = ctx;
	if (m->index != s->next++ || m->line < s->line || !!m->text == !!m->error)
		abort();
	if ((rc == RD_OK) != (r != NULL) || (rc != RD_OK && (!err || !*err)))
		abort();
	if (m->error && rc == RD_OK)
		abort();
	s->line = m->line;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	enum rd_archive_format fmt = data[0] & 1 ? RD_ARCHIVE_JSONL : RD_ARCHIVE_MBOX;
	FILE *f = fmemopen((void *)(data + 1), size - 1 ? size - 1 : 1, "r");
	if (!f)
		return 0;
	if (size == 1)
		fgetc(f);   /* fmemopen needs a non-empty buffer: consume it, empty archive */
	struct rd_archive *a = NULL;
	if (rd_archive_open(f, fmt, &a, NULL) != RD_OK)
		abort();
	struct rd_check_opts co = {.kind = "apology", .now = 1795424400};
	struct rd_archive_opts ao = {.check = &co};
	struct state s = {0, 0};
	char *err = NULL;
	enum rd_err rc = rd_check_archive(a, &ao, visit, &s, &err);
	/* the only archive-level refusal of bytes in memory: not an mbox */
	if (rc != RD_OK && (rc != RD_EINVAL || fmt != RD_ARCHIVE_MBOX || !err))
		abort();
	free(err);
	rd_archive_free(a);
	fclose(f);
	return 0;
}
