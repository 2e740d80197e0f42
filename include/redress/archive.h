/* archive.h — reading an archive of messages (an mbox, or JSON Lines) one
 * message at a time with bounded memory, and checking every message of it
 * with the message checker (`redress check --archive`). The reader owns a
 * fixed read buffer; one message is held at a time (at most
 * RD_ARCHIVE_MAX_MSG bytes), so a 50 MB archive costs what its largest
 * message costs. docs/internals/check.md ("Archives") describes the formats.
 *
 * Ownership: the FILE is BORROWED (the caller opens and closes it); a reader
 * is owned by the caller and released with rd_archive_free; a message's
 * strings are owned by the message and released with rd_archive_msg_clear. */
#ifndef REDRESS_ARCHIVE_H
#define REDRESS_ARCHIVE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "redress/check.h"
#include "redress/err.h"

enum rd_archive_format {
	RD_ARCHIVE_MBOX,   /* "From " lines, mboxrd/mboxo >From quoting, MIME bodies */
	RD_ARCHIVE_JSONL,  /* one JSON object a line: text, optional kind and id */
};

/* A message larger than this is reported unreadable and skipped. */
#define RD_ARCHIVE_MAX_MSG ((size_t)16 << 20)

/* "mbox" or "jsonl" into *fmt; false for anything else. */
bool rd_archive_format_parse(const char *name, enum rd_archive_format *fmt);

struct rd_archive_msg {
	size_t index;      /* 0-based, counting unreadable messages too */
	size_t line;       /* 1-based archive line where the message starts */
	char *id;          /* Message-ID header / JSON "id", or NULL */
	char *subject;     /* Subject header (decoded), or NULL */
	char *kind;        /* X-Redress-Kind header / JSON "kind", or NULL */
	char *text;        /* the text/plain body, decoded to UTF-8 (not validated) */
	size_t len;
	char *error;       /* set when the message is unreadable (text is then NULL):
	                      why, e.g. "line 7: invalid JSON: …" */
};

struct rd_archive;

/* A new reader of F in format FMT (CALLER frees with rd_archive_free).
 * RD_ENOMEM only. */
enum rd_err rd_archive_open(FILE *f, enum rd_archive_format fmt, struct rd_archive **out,
			    char **errmsg);
/* Reads the next message into *m (cleared first; the CALLER clears it with
 * rd_archive_msg_clear). *got is false at the end of the archive. An
 * unreadable message is still a message (m->error set): the reader goes on.
 * Fails with RD_EIO on a read error and RD_EINVAL when the stream is not an
 * mbox at all (its first line does not start with "From "); *errmsg (may be
 * NULL) is then set and the CALLER frees it. */
enum rd_err rd_archive_next(struct rd_archive *a, struct rd_archive_msg *m, bool *got,
			    char **errmsg);
void rd_archive_msg_clear(struct rd_archive_msg *m);
void rd_archive_free(struct rd_archive *a);

/* Options of rd_check_archive: CHECK applies to every message (borrowed);
 * its kind is the default for messages that name none. A message naming
 * another kind is checked against REQUIRED(kind, rctx) elements when
 * REQUIRED is set (e.g. the policy's lists), else the built-in defaults.
 * THREADS > 1 checks batches of messages in parallel. */
struct rd_archive_opts {
	const struct rd_check_opts *check;
	const char *const *(*required)(const char *kind, void *rctx);
	void *rctx;
	unsigned threads;
};

/* Called once per message, in archive order, always on the calling thread:
 * either r (rc RD_OK; borrowed, freed after FN returns) or rc and errmsg
 * (unreadable message, invalid UTF-8, unknown kind…). Return non-zero to stop. */
typedef int (*rd_archive_check_fn)(void *ctx, const struct rd_archive_msg *m, enum rd_err rc,
				   const char *errmsg, const struct rd_check_result *r);

/* Checks every message of A. Memory stays bounded: one message, or with
 * threads two batches (each at most 256 messages or 8 MB of text: the next
 * is read while the threads check one). Returns the
 * reader's RD_EIO/RD_EINVAL, an options error (unknown kind, bad extra
 * words…) before any message, RD_ENOMEM, else RD_OK. */
enum rd_err rd_check_archive(struct rd_archive *a, const struct rd_archive_opts *opts,
			     rd_archive_check_fn fn, void *ctx, char **errmsg);

#endif
