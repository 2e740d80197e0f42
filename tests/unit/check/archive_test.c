/* archive_test.c — the archive reader (lib/check/archive.c, mime.c): mbox
 * message boundaries, >From unquoting, headers, MIME bodies, lines longer
 * than the read buffer, oversized messages; JSON Lines with bad lines; and
 * rd_check_archive's order and per-message kinds with one and two threads. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "redress/archive.h"

/* Every message of S read in FMT, into M (at most MAX); returns the count. */
static size_t read_all(const char *s, size_t n, enum rd_archive_format fmt, struct rd_archive_msg *m,
		       size_t max, enum rd_err *rc_out)
{
	FILE *f = fmemopen((void *)s, n, "r");
	assert_non_null(f);
	struct rd_archive *a = NULL;
	assert_int_equal(rd_archive_open(f, fmt, &a, NULL), RD_OK);
	size_t k = 0;
	enum rd_err rc = RD_OK;
	for (;;) {
		struct rd_archive_msg x = {0};
		bool got = false;
		char *err = NULL;
		rc = rd_archive_next(a, &x, &got, &err);
		free(err);
		if (rc || !got) {
			rd_archive_msg_clear(&x);
			break;
		}
		if (k < max)
			m[k] = x;
		else
			rd_archive_msg_clear(&x);
		k++;
	}
	if (rc_out)
		*rc_out = rc;
	rd_archive_free(a);
	fclose(f);
	return k;
}

static void clear_all(struct rd_archive_msg *m, size_t n)
{
	for (size_t i = 0; i < n; i++)
		rd_archive_msg_clear(&m[i]);
}

static void test_mbox_boundaries_and_quoting(void **state)
{
	(void)state;
	static const char box[] =
		"\n"
		"From a@x Mon Nov 23 10:00:00 2026\n"
		"Message-ID: <one@x>\n"
		"Subject: First\n"
		"  and folded\n"
		"X-Redress-Kind:  Apology \n"
		"\n"
		"Hello.\n"
		">From here on we test.\n"
		">>From two levels.\n"
		"Thanks,\n"
		"From the team\n"       /* not after a blank line: body, not a boundary */
		"\n"
		"From b@x Mon Nov 23 11:00:00 2026\r\n"
		"Subject: Second\r\n"
		"\r\n"
		"Body two.\r\n";
	struct rd_archive_msg m[4];
	enum rd_err rc;
	assert_int_equal(read_all(box, sizeof box - 1, RD_ARCHIVE_MBOX, m, 4, &rc), 2);
	assert_int_equal(rc, RD_OK);
	assert_int_equal(m[0].index, 0);
	assert_int_equal(m[0].line, 2);
	assert_string_equal(m[0].id, "one@x");
	assert_string_equal(m[0].subject, "First  and folded");
	assert_string_equal(m[0].kind, "apology");
	assert_string_equal(m[0].text, "Hello.\nFrom here on we test.\n>From two levels.\nThanks,\nFrom the team\n");
	assert_null(m[0].error);
	assert_int_equal(m[1].line, 14);
	assert_null(m[1].id);
	assert_string_equal(m[1].subject, "Second");
	assert_string_equal(m[1].text, "Body two.\r\n");
	clear_all(m, 2);
}

/* Where the header block ends: a message with no header fields (a blank
 * first line, LF or CRLF), one whose header block never ends (no blank
 * line: no body), a "\r" that is not a blank line, and a folded field whose
 * value holds a colon. */
static void test_mbox_header_block_edges(void **state)
{
	(void)state;
	static const char box[] =
		"From a@x Mon Nov 23 10:00:00 2026\n"
		"\n"
		"Subject: not a header, the body's first line\n"
		"\n"
		"From b@x Mon Nov 23 10:00:00 2026\n"
		"\r\n"
		"Body after a CRLF blank line.\n"
		"\n"
		"From c@x Mon Nov 23 10:00:00 2026\n"
		"Subject: Third\r\n"
		"\r\r\n"
		"X-Redress-Kind: apology\r\n"
		"\r\n"
		"Body three.\n"
		"\n"
		"From d@x Mon Nov 23 10:00:00 2026\n"
		"Subject: Fourth:\n"
		"\tstill: the subject\n"
		"Message-ID: <four@x>";
	struct rd_archive_msg m[5];
	enum rd_err rc;
	assert_int_equal(read_all(box, sizeof box - 1, RD_ARCHIVE_MBOX, m, 5, &rc), 4);
	assert_int_equal(rc, RD_OK);
	assert_null(m[0].subject);
	assert_string_equal(m[0].text, "Subject: not a header, the body's first line\n");
	assert_null(m[1].subject);
	assert_string_equal(m[1].text, "Body after a CRLF blank line.\n");
	assert_string_equal(m[2].subject, "Third");
	assert_string_equal(m[2].kind, "apology");
	assert_string_equal(m[2].text, "Body three.\n");
	assert_string_equal(m[3].subject, "Fourth:\tstill: the subject");
	assert_string_equal(m[3].id, "four@x");
	assert_string_equal(m[3].text, "");
	clear_all(m, 4);
}

static void test_mbox_mime(void **state)
{
	(void)state;
	static const char box[] =
		"From a@x Mon Nov 23 10:00:00 2026\n"
		"Subject: =?iso-8859-1?q?D=E9j=E0?=\n"
		"Message-ID: <q@x>\n"
		"MIME-Version: 1.0\n"
		"Content-Type: multipart/mixed; boundary=b\n"
		"\n"
		"--b\n"
		"Content-Type: text/plain; name=log.txt\n"
		"Content-Disposition: attachment\n"
		"\n"
		"an attachment, not the message\n"
		"--b\n"
		"Content-Type: text/plain; charset=iso-8859-1\n"
		"Content-Transfer-Encoding: quoted-printable\n"
		"X-Redress-Kind: other\n"
		"\n"
		"Caf=E9 soft=\n"
		"break.\n"
		"--b--\n"
		"\n"
		"From b@x Mon Nov 23 11:00:00 2026\n"
		"X-Redress-Kind: plan\n"
		"Content-Type: text/plain; charset=utf-8\n"
		"Content-Transfer-Encoding: base64\n"
		"\n"
		"SGVsbG8sIHdvcmxkLgo=\n"
		"\n"
		"From c@x Mon Nov 23 12:00:00 2026\n"
		"Content-Type: text/html\n"
		"\n"
		"<p>only html</p>\n"
		"\n"
		"From d@x Mon Nov 23 12:00:00 2026\n"
		"Subject: =?utf-8?b?w4ljaGVj?=\n"
		"Content-Type: text/plain; charset=\"ISO-8859-15\"\n"
		"Content-Transfer-Encoding: quoted-printable\n"
		"\n"
		"=A4 50 cr=E9dit, soft=\r\n"
		"break.\r\n"
		"\n"
		"From e@x Mon Nov 23 12:00:00 2026\n"
		"Content-Type: text/plain; charset=no-such-charset\n"
		"\n"
		"text\n"
		"\n"
		"From f@x Mon Nov 23 12:00:00 2026\n"
		"Content-Type: text/plain; compact=c; CharSet=ISO-8859-1\n"
		"\n"
		"caf\xe9\n";
	struct rd_archive_msg m[7];
	assert_int_equal(read_all(box, sizeof box - 1, RD_ARCHIVE_MBOX, m, 7, NULL), 6);
	assert_string_equal(m[0].subject, "D\xc3\xa9j\xc3\xa0");
	assert_string_equal(m[0].id, "q@x");
	/* the line break before a boundary belongs to the boundary (RFC 2046) */
	assert_string_equal(m[0].text, "Caf\xc3\xa9 softbreak.");
	assert_string_equal(m[1].kind, "plan");
	assert_string_equal(m[1].text, "Hello, world.\n");
	assert_null(m[2].text);
	assert_non_null(strstr(m[2].error, "no text/plain part"));
	/* one text/plain part: decoded without a message object, same result */
	assert_string_equal(m[3].subject, "\xc3\x89" "chec");
	assert_string_equal(m[3].text, "\xe2\x82\xac 50 cr\xc3\xa9" "dit, softbreak.\r\n");
	assert_null(m[4].text);
	assert_non_null(strstr(m[4].error, "unknown charset 'no-such-charset'"));
	/* the parameter's name in any case, after other words starting 'c' */
	assert_string_equal(m[5].text, "caf\xc3\xa9\n");
	clear_all(m, 6);
}

/* GMime is handed a multipart message's Content-* fields only: a folded
 * Content-Type keeps its continuation (the boundary), a continuation line of
 * another field that reads "Content-Type:" is not taken for one, and
 * Subject, Message-ID and X-Redress-Kind come from the message's own header,
 * folded or not. */
static void test_mbox_multipart_headers(void **state)
{
	(void)state;
	static const char box[] =
		"From a@x Mon Nov 23 10:00:00 2026\n"
		"Received: from relay.example\n"
		"\tby mx.example; Mon, 23 Nov 2026 10:00:00 +0100\n"
		"X-Note: harmless\n"
		" Content-Type: text/html\n"
		"Subject: Outage\n"
		"  update\n"
		"Message-ID:\n"
		" <m1@x>\n"
		"X-Redress-Kind: Delay\n"
		"MIME-Version: 1.0\n"
		"Content-Type: multipart/alternative;\n"
		"\tboundary=\"zz\"\n"
		"\n"
		"--zz\n"
		"Content-Type: text/plain; charset=utf-8\n"
		"\n"
		"The fix is late.\n"
		"--zz\n"
		"Content-Type: text/html\n"
		"\n"
		"<p>The fix is late.</p>\n"
		"--zz--\n";
	struct rd_archive_msg m[2];
	assert_int_equal(read_all(box, sizeof box - 1, RD_ARCHIVE_MBOX, m, 2, NULL), 1);
	assert_null(m[0].error);
	assert_string_equal(m[0].text, "The fix is late.");
	assert_string_equal(m[0].subject, "Outage  update");
	assert_string_equal(m[0].id, "m1@x");
	assert_string_equal(m[0].kind, "delay");
	clear_all(m, 1);
}

static void test_mbox_not_an_mbox_and_empty(void **state)
{
	(void)state;
	static const char notbox[] = "\n\nDear client,\nFrom now on…\n";
	struct rd_archive_msg m[1];
	enum rd_err rc;
	assert_int_equal(read_all(notbox, sizeof notbox - 1, RD_ARCHIVE_MBOX, m, 1, &rc), 0);
	assert_int_equal(rc, RD_EINVAL);
	assert_int_equal(read_all("", 0, RD_ARCHIVE_MBOX, m, 1, &rc), 0);
	assert_int_equal(rc, RD_OK);
	assert_int_equal(read_all("\n \n", 3, RD_ARCHIVE_JSONL, m, 1, &rc), 0);
	assert_int_equal(rc, RD_OK);
}

/* A body line longer than the reader's buffer, a "From " line right after
 * it, and a message over RD_ARCHIVE_MAX_MSG: skipped as unreadable, and the
 * message after it is read whole. */
static void test_mbox_long_lines_and_oversized(void **state)
{
	(void)state;
	size_t big = RD_ARCHIVE_MAX_MSG + 1000, longline = 600000;
	size_t cap = big + longline + 1000;
	char *s = malloc(cap);
	assert_non_null(s);
	size_t n = 0;
	n += (size_t)snprintf(s + n, cap - n, "From a@x Mon Nov 23 10:00:00 2026\n\n");
	memset(s + n, 'a', longline);
	n += longline;
	n += (size_t)snprintf(s + n, cap - n, "\n\nFrom b@x Mon Nov 23 10:00:00 2026\n\n");
	memset(s + n, 'b', big);
	for (size_t i = 100; i < big; i += 100)
		s[n + i] = '\n';
	n += big;
	n += (size_t)snprintf(s + n, cap - n, "\n\nFrom c@x Mon Nov 23 10:00:00 2026\nSubject: last\n\nLast.\n");
	struct rd_archive_msg m[3];
	assert_int_equal(read_all(s, n, RD_ARCHIVE_MBOX, m, 3, NULL), 3);
	assert_int_equal(m[0].len, longline + 1);
	assert_null(m[0].error);
	assert_null(m[1].text);
	assert_non_null(strstr(m[1].error, "longer than 16 MB"));
	assert_string_equal(m[2].subject, "last");
	assert_string_equal(m[2].text, "Last.\n");
	clear_all(m, 3);
	free(s);
}

/* Thousands of messages of varied sizes, so that every kind of line — a
 * "From " boundary after a blank line, a ">From " to unquote, a "From "
 * inside a paragraph, a CRLF blank line — falls somewhere across the
 * reader's 256 KB buffer boundary: each message's body and first line
 * number come out as written (the reader copies runs of plain lines at
 * once and must stop at exactly these lines). */
static void test_mbox_many_across_buffers(void **state)
{
	(void)state;
	enum { N = 6000 };
	size_t cap = (size_t)N * 700, n = 0, line = 1;
	char *s = malloc(cap), body[1024];
	size_t *first = malloc(N * sizeof *first);
	assert_non_null(s);
	assert_non_null(first);
	for (size_t i = 0; i < N; i++) {
		first[i] = line;
		n += (size_t)snprintf(s + n, cap - n, "From m%zu@x Mon Nov 23 10:00:00 2026\nSubject: s%zu\n\n", i, i);
		line += 3;
		size_t extra = (i * 7919) % 23;
		for (size_t k = 0; k < extra; k++, line++)
			n += (size_t)snprintf(s + n, cap - n, "%s line %zu of %zu\n",
					      k % 5 == 3 ? ">From" : k % 7 == 4 ? "From" : "plain", k, i);
		n += (size_t)snprintf(s + n, cap - n, "%s", i % 3 ? "end.\n\n" : "end.\r\n\r\n");
		line += 2;
	}
	struct rd_archive_msg *m = calloc(N, sizeof *m);
	assert_non_null(m);
	assert_int_equal(read_all(s, n, RD_ARCHIVE_MBOX, m, N, NULL), N);
	for (size_t i = 0; i < N; i++) {
		size_t k = 0, extra = (i * 7919) % 23;
		for (size_t j = 0; j < extra; j++)
			k += (size_t)snprintf(body + k, sizeof body - k, "%s line %zu of %zu\n",
					      j % 5 == 3 || j % 7 == 4 ? "From" : "plain", j, i);
		/* the blank line before the next "From " is not the body's; the last
		 * message's is */
		snprintf(body + k, sizeof body - k, "%s%s", i % 3 ? "end.\n" : "end.\r\n",
			 i + 1 < N ? "" : i % 3 ? "\n" : "\r\n");
		assert_int_equal(m[i].index, i);
		assert_int_equal(m[i].line, first[i]);
		assert_string_equal(m[i].text, body);
		assert_null(m[i].error);
	}
	clear_all(m, N);
	free(m);
	free(first);
	free(s);
}

static void test_jsonl(void **state)
{
	(void)state;
	static const char lines[] =
		"{\"id\": \"a\", \"kind\": \"apology\", \"text\": \"We are sorry.\"}\n"
		"\n"
		"{\"text\": 5}\n"
		"[1, 2]\n"
		"{\"text\": \"x\", \"kind\": 3}\n"
		"{broken\n"
		"{\"id\": 42, \"text\": \"nul \\u0000 inside\"}";   /* no final newline */
	struct rd_archive_msg m[8];
	assert_int_equal(read_all(lines, sizeof lines - 1, RD_ARCHIVE_JSONL, m, 8, NULL), 6);
	assert_string_equal(m[0].id, "a");
	assert_string_equal(m[0].kind, "apology");
	assert_string_equal(m[0].text, "We are sorry.");
	assert_int_equal(m[1].line, 3);
	assert_string_equal(m[1].error, "line 3: no \"text\" string");
	assert_string_equal(m[2].error, "line 4: not a JSON object");
	assert_string_equal(m[3].error, "line 5: \"kind\" is not a string");
	assert_non_null(strstr(m[4].error, "line 6: invalid JSON"));
	assert_int_equal(m[5].index, 5);
	assert_string_equal(m[5].id, "42");
	assert_int_equal(m[5].len, 12);
	clear_all(m, 6);
}

struct seen {
	char out[8192];
	size_t n, len;
};

static int collect(void *ctx, const struct rd_archive_msg *m, enum rd_err rc, const char *err,
		   const struct rd_check_result *r)
{
	struct seen *s = ctx;
	s->len += (size_t)snprintf(s->out + s->len, sizeof s->out - s->len, "%zu:%s:%s:%d;", m->index,
				   rc ? "ERR" : r->kind, rc ? err : "", rc ? -1 : r->score);
	s->n++;
	return 0;
}

static void check_archive(const char *box, unsigned threads, struct seen *s)
{
	FILE *f = fmemopen((void *)box, strlen(box), "r");
	struct rd_archive *a = NULL;
	assert_int_equal(rd_archive_open(f, RD_ARCHIVE_MBOX, &a, NULL), RD_OK);
	struct rd_check_opts co = {.kind = "progress", .now = 1795000000};
	struct rd_archive_opts ao = {.check = &co, .threads = threads};
	memset(s, 0, sizeof *s);
	assert_int_equal(rd_check_archive(a, &ao, collect, s, NULL), RD_OK);
	rd_archive_free(a);
	fclose(f);
}

struct ordered {
	size_t n, stop_at;
	bool in_order;
};

static int in_order(void *ctx, const struct rd_archive_msg *m, enum rd_err rc, const char *err,
		    const struct rd_check_result *r)
{
	(void)err;
	struct ordered *o = ctx;
	if (m->index != o->n || rc != RD_OK || !r)
		o->in_order = false;
	o->n++;
	return o->n == o->stop_at;
}

/* With threads the next batch (256 messages) is read while the threads check
 * the one before: over three batches every message is handed on once, in
 * archive order, whatever the number of threads, and a stop in the middle
 * batch hands on nothing after it. */
static void test_check_archive_batches_and_stop(void **state)
{
	(void)state;
	size_t cap = 700 * 96, n = 0;
	char *box = malloc(cap);
	assert_non_null(box);
	for (int i = 0; i < 700; i++)
		n += (size_t)snprintf(box + n, cap - n,
				      "From a@x Mon Nov 23 10:00:00 2026\n\nMessage %d: the fix is done.\n\n", i);
	struct rd_check_opts co = {.kind = "progress", .now = 1795000000};
	for (unsigned threads = 1; threads <= 3; threads++) {
		for (size_t stop_at = 0; stop_at <= 300; stop_at += 300) {
			FILE *f = fmemopen(box, n, "r");
			struct rd_archive *a = NULL;
			assert_int_equal(rd_archive_open(f, RD_ARCHIVE_MBOX, &a, NULL), RD_OK);
			struct rd_archive_opts ao = {.check = &co, .threads = threads};
			struct ordered o = {0, stop_at, true};
			assert_int_equal(rd_check_archive(a, &ao, in_order, &o, NULL), RD_OK);
			assert_true(o.in_order);
			assert_int_equal(o.n, stop_at ? stop_at : 700);
			rd_archive_free(a);
			fclose(f);
		}
	}
	free(box);
}

static void test_check_archive_order_and_kinds(void **state)
{
	(void)state;
	char box[20000];
	size_t n = 0;
	static const char *const kinds[] = {"apology", "", "nonsense", "other"};
	for (int i = 0; i < 40; i++) {
		n += (size_t)snprintf(box + n, sizeof box - n, "From a@x Mon Nov 23 10:00:00 2026\n");
		if (*kinds[i % 4])
			n += (size_t)snprintf(box + n, sizeof box - n, "X-Redress-Kind: %s\n", kinds[i % 4]);
		n += (size_t)snprintf(box + n, sizeof box - n, "\nMessage %d: we apologize if it was just a blip.\n\n", i);
	}
	struct seen one, two;
	check_archive(box, 1, &one);
	check_archive(box, 2, &two);
	assert_int_equal(one.n, 40);
	assert_string_equal(one.out, two.out);
	/* the header's kind, else the default; an unknown kind is that message's error */
	assert_non_null(strstr(one.out, "0:apology:"));
	assert_non_null(strstr(one.out, "1:progress:"));
	assert_non_null(strstr(one.out, "2:ERR:unknown kind 'nonsense'"));
	assert_non_null(strstr(one.out, "3:other:"));
	/* a bad default kind fails before any message */
	FILE *f = fmemopen(box, strlen(box), "r");
	struct rd_archive *a = NULL;
	assert_int_equal(rd_archive_open(f, RD_ARCHIVE_MBOX, &a, NULL), RD_OK);
	struct rd_check_opts bad = {.kind = "bogus"};
	struct rd_archive_opts ao = {.check = &bad};
	struct seen s = {{0}, 0, 0};
	char *err = NULL;
	assert_int_equal(rd_check_archive(a, &ao, collect, &s, &err), RD_EINVAL);
	assert_int_equal(s.n, 0);
	assert_non_null(strstr(err, "bogus"));
	free(err);
	rd_archive_free(a);
	fclose(f);
}

/* Twelve kinds, one unknown, in turn: a worker prepares each known one once
 * (ck_check_cached keeps 16) and reuses it for the later messages of that kind. */
static const char *const many_kinds[] = {"apology",  "rca_update", "plan",   "progress",
					 "delay",    "resolution", "follow_up", "survey",
					 "review",   "correction", "other",     "nonsense"};
#define MANY_TEXT "We apologize: we deleted your records. We will restore them by Friday 17:00; call me on +49 30 1234567."

/* The required elements per kind, in a fresh copy on every call (as a
 * caller's lists may be): kinds of even length owe timeline and contact,
 * the others action. */
static const char *const *required_for(const char *kind, void *rctx)
{
	(void)rctx;
	static _Thread_local char names[4][2][16];
	static _Thread_local const char *lists[4][3];
	static _Thread_local unsigned k;
	unsigned i = k++ % 4;
	bool even = strlen(kind) % 2 == 0;
	snprintf(names[i][0], sizeof names[i][0], "%s", even ? "timeline" : "action");
	snprintf(names[i][1], sizeof names[i][1], "%s", "contact");
	lists[i][0] = names[i][0];
	lists[i][1] = even ? names[i][1] : NULL;
	lists[i][2] = NULL;
	return lists[i];
}

struct same_as_one {
	size_t n, bad;
};

/* Each archive message's result must be what rd_check gives that message
 * alone, with its kind and that kind's required elements. */
static int same_as_one(void *ctx, const struct rd_archive_msg *m, enum rd_err rc, const char *err,
		       const struct rd_check_result *r)
{
	struct same_as_one *s = ctx;
	const char *kind = many_kinds[m->index % 12];
	/* the archive's own kind (other) keeps the built-in defaults */
	struct rd_check_opts o = {.kind = kind, .now = 1795000000,
				  .required_elements = strcmp(kind, "other") ? required_for(kind, NULL) : NULL};
	struct rd_check_result *want = NULL;
	char *werr = NULL;
	enum rd_err wrc = rd_check(MANY_TEXT, strlen(MANY_TEXT), &o, &want, &werr);
	bool same = wrc == rc;
	if (same && rc == RD_OK) {
		same = !strcmp(want->kind, r->kind) && want->score == r->score &&
		       want->n_elements == r->n_elements && want->n_findings == r->n_findings;
		for (size_t i = 0; same && i < r->n_elements; i++)
			same = !strcmp(want->elements[i].name, r->elements[i].name) &&
			       want->elements[i].found == r->elements[i].found;
	} else if (same) {
		same = err && werr && !strcmp(err, werr);
	}
	if (!same)
		print_message("message %zu (%s) differs from rd_check\n", m->index, kind);
	s->bad += !same;
	s->n++;
	rd_check_result_free(want);
	free(werr);
	return 0;
}

/* A worker prepares a kind's options once and reuses them
 * (ck_check_cached): messages cycling through more kinds than it keeps,
 * with the caller's required lists, each get rd_check's own result. */
static void test_check_archive_prepared_kinds(void **state)
{
	(void)state;
	size_t cap = 48 * 256, n = 0;
	char *box = malloc(cap);
	assert_non_null(box);
	for (int i = 0; i < 48; i++)
		n += (size_t)snprintf(box + n, cap - n,
				      "From a@x Mon Nov 23 10:00:00 2026\nX-Redress-Kind: %s\n\n" MANY_TEXT "\n\n",
				      many_kinds[i % 12]);
	struct rd_check_opts co = {.kind = "other", .now = 1795000000};
	for (unsigned threads = 1; threads <= 2; threads++) {
		FILE *f = fmemopen(box, n, "r");
		struct rd_archive *a = NULL;
		assert_int_equal(rd_archive_open(f, RD_ARCHIVE_MBOX, &a, NULL), RD_OK);
		struct rd_archive_opts ao = {.check = &co, .required = required_for, .threads = threads};
		struct same_as_one s = {0, 0};
		assert_int_equal(rd_check_archive(a, &ao, same_as_one, &s, NULL), RD_OK);
		assert_int_equal(s.n, 48);
		assert_int_equal(s.bad, 0);
		rd_archive_free(a);
		fclose(f);
	}
	free(box);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mbox_boundaries_and_quoting),
		cmocka_unit_test(test_mbox_header_block_edges),
		cmocka_unit_test(test_mbox_mime),
		cmocka_unit_test(test_mbox_multipart_headers),
		cmocka_unit_test(test_check_archive_batches_and_stop),
		cmocka_unit_test(test_mbox_not_an_mbox_and_empty),
		cmocka_unit_test(test_mbox_long_lines_and_oversized),
		cmocka_unit_test(test_mbox_many_across_buffers),
		cmocka_unit_test(test_jsonl),
		cmocka_unit_test(test_check_archive_order_and_kinds),
		cmocka_unit_test(test_check_archive_prepared_kinds),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
