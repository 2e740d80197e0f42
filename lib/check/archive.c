/* archive.c — `redress check --archive`: a streaming reader of mbox and JSON
 * Lines archives (one message at a time through a fixed read buffer, so
 * memory stays flat whatever the archive's size) and the driver that checks
 * each message, in parallel batches when asked, handing results back in
 * archive order. Plain text/plain messages are read here; MIME ones go to
 * GMime (mime.c). See docs/internals/check.md, "Archives". */
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "check/check_int.h"
#include "check/mime.h"
#include "redress/archive.h"
#include "util/buf.h"

#define READ_CHUNK ((size_t)256 << 10)

struct rd_archive {
	FILE *f;
	enum rd_archive_format fmt;
	char *buf;                 /* READ_CHUNK bytes: [pos, end) not yet consumed */
	size_t pos, end;
	bool eof;
	size_t lineno;             /* lines consumed so far */
	bool bol;                  /* the next piece starts a line */
	size_t index;              /* messages returned so far */
	bool started;              /* mbox: the first "From " line was seen */
	bool pending;              /* mbox: a "From " line ends the previous message */
	struct rd_buf msg;         /* the message being read (at most RD_ARCHIVE_MAX_MSG) */
	/* mbox: the header fields' values of the message being read and its
	 * charset, kept from one message to the next (mbox_message) */
	struct rd_buf field[5], charset;
};

bool rd_archive_format_parse(const char *name, enum rd_archive_format *fmt)
{
	if (name && !strcmp(name, "mbox"))
		*fmt = RD_ARCHIVE_MBOX;
	else if (name && !strcmp(name, "jsonl"))
		*fmt = RD_ARCHIVE_JSONL;
	else
		return false;
	return true;
}

enum rd_err rd_archive_open(FILE *f, enum rd_archive_format fmt, struct rd_archive **out,
			    char **errmsg)
{
	struct rd_archive *a = calloc(1, sizeof *a);
	char *buf = malloc(READ_CHUNK);
	*out = NULL;
	if (!a || !buf) {
		free(a);
		free(buf);
		return rd_fail(RD_ENOMEM, errmsg, "out of memory");
	}
	a->f = f;
	a->fmt = fmt;
	a->buf = buf;
	a->bol = true;
	a->msg = (struct rd_buf)RD_BUF_INIT;
	for (size_t f = 0; f < sizeof a->field / sizeof a->field[0]; f++)
		a->field[f] = (struct rd_buf)RD_BUF_INIT;
	a->charset = (struct rd_buf)RD_BUF_INIT;
	*out = a;
	return RD_OK;
}

void rd_archive_free(struct rd_archive *a)
{
	if (!a)
		return;
	free(a->buf);
	rd_buf_free(&a->msg);
	for (size_t f = 0; f < sizeof a->field / sizeof a->field[0]; f++)
		rd_buf_free(&a->field[f]);
	rd_buf_free(&a->charset);
	free(a);
}

void rd_archive_msg_clear(struct rd_archive_msg *m)
{
	free(m->id);
	free(m->subject);
	free(m->kind);
	free(m->text);
	free(m->error);
	memset(m, 0, sizeof *m);
}

/* The next piece of a line: up to and including its '\n', or as much of a
 * longer line as the buffer holds (*bol tells whether it starts a line).
 * *n is 0 at the end of the stream. RD_EIO on a read error. */
static enum rd_err next_piece(struct rd_archive *a, const char **p, size_t *n, bool *bol,
			      char **errmsg)
{
	const char *nl = a->pos < a->end ? memchr(a->buf + a->pos, '\n', a->end - a->pos) : NULL;
	if (!nl && !a->eof) {
		memmove(a->buf, a->buf + a->pos, a->end - a->pos);
		a->end -= a->pos;
		a->pos = 0;
		while (!a->eof && a->end < READ_CHUNK) {
			size_t got = fread(a->buf + a->end, 1, READ_CHUNK - a->end, a->f);
			if (got == 0) {
				if (ferror(a->f))
					return rd_fail(RD_EIO, errmsg, "read error at line %zu", a->lineno + 1);
				a->eof = true;
			}
			size_t from = a->end;
			a->end += got;
			if (memchr(a->buf + from, '\n', got))
				break;
		}
		nl = memchr(a->buf, '\n', a->end);
	}
	size_t take = nl ? (size_t)(nl - (a->buf + a->pos)) + 1 : a->end - a->pos;
	*p = a->buf + a->pos;
	*n = take;
	*bol = a->bol;
	a->pos += take;
	if (take) {
		a->bol = nl != NULL;
		if (*bol)
			a->lineno++;
	}
	return RD_OK;
}

static void msg_fail(struct rd_archive_msg *m, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	free(m->error);
	if (vasprintf(&m->error, fmt, ap) < 0)
		m->error = NULL;
	va_end(ap);
	if (!m->error)
		m->error = strdup("out of memory");
}

/* ---- JSON Lines ----------------------------------------------------------------------- */

static void jsonl_message(const char *s, size_t n, struct rd_archive_msg *m)
{
	json_error_t je;
	json_t *j = json_loadb(s, n, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &je);
	if (!j) {
		msg_fail(m, "line %zu: invalid JSON: %s (column %d)", m->line, je.text, je.column);
		return;
	}
	json_t *t = json_object_get(j, "text"), *k = json_object_get(j, "kind"),
	       *id = json_object_get(j, "id");
	if (!json_is_object(j))
		msg_fail(m, "line %zu: not a JSON object", m->line);
	else if (!json_is_string(t))
		msg_fail(m, "line %zu: no \"text\" string", m->line);
	else if (k && !json_is_string(k))
		msg_fail(m, "line %zu: \"kind\" is not a string", m->line);
	else if (id && !json_is_string(id) && !json_is_integer(id))
		msg_fail(m, "line %zu: \"id\" is not a string or an integer", m->line);
	if (!m->error && id) {
		if (json_is_string(id))
			m->id = strdup(json_string_value(id));
		else if (asprintf(&m->id, "%" JSON_INTEGER_FORMAT, json_integer_value(id)) < 0)
			m->id = NULL;
	}
	if (!m->error && k)
		m->kind = strdup(json_string_value(k));
	if (!m->error) {
		m->len = json_string_length(t);
		m->text = malloc(m->len + 1);
		if (m->text)
			memcpy(m->text, json_string_value(t), m->len + 1);
		if (!m->text || (k && !m->kind) || (id && !m->id))
			msg_fail(m, "out of memory");
	}
	json_decref(j);
}

static enum rd_err jsonl_next(struct rd_archive *a, struct rd_archive_msg *m, bool *got, char **errmsg)
{
	for (;;) {
		const char *p;
		size_t n;
		bool bol, big = false;
		a->msg.len = 0;
		size_t start = 0;
		/* one physical line, at most RD_ARCHIVE_MAX_MSG bytes kept */
		for (;;) {
			enum rd_err rc = next_piece(a, &p, &n, &bol, errmsg);
			if (rc)
				return rc;
			if (!n)
				break;
			if (bol)
				start = a->lineno;
			if (a->msg.len + n > RD_ARCHIVE_MAX_MSG)
				big = true;
			else if (!big && rd_buf_add(&a->msg, p, n) != RD_OK)
				return rd_fail(RD_ENOMEM, errmsg, "out of memory");
			if (p[n - 1] == '\n')
				break;
		}
		if (!n && a->msg.len == 0 && !big) {
			*got = false;
			return RD_OK;
		}
		bool blank = !big;
		for (size_t i = 0; i < a->msg.len && blank; i++)
			if (!strchr(" \t\r\n", a->msg.data[i]))
				blank = false;
		if (blank)
			continue;
		m->index = a->index++;
		m->line = start;
		*got = true;
		if (big)
			msg_fail(m, "line %zu: longer than %zu MB", start, RD_ARCHIVE_MAX_MSG >> 20);
		else
			jsonl_message(a->msg.data, a->msg.len, m);
		return RD_OK;
	}
}

/* ---- mbox ------------------------------------------------------------------------------- */

static bool from_line(const char *p, size_t n)
{
	return n >= 5 && !memcmp(p, "From ", 5);
}

/* The header block of the message h[0..n) — up to its first blank line,
 * "\n" or "\r\n": *hend is where that line starts and *body where the
 * body starts after it (both n without one) — and the values of the header
 * fields NAMES[0..k) (of NLEN[0..k) bytes) in it, in one pass over its
 * lines: vals[i] is the first NAMES[i] field's value (unfolded, trimmed),
 * written in the caller's buffer v[i] (emptied first; kept from message to
 * message, so that a field's value costs no allocation of its own), or NULL
 * when absent. False when out of memory (every vals[i] then NULL). */
static bool headers(const char *h, size_t n, const char *const *names, const size_t *nlen, size_t k,
		    struct rd_buf *v, char **vals, size_t *hend, size_t *body)
{
	bool found[8] = {false};
	size_t in = k;   /* the field whose continuation lines are being read */
	uint32_t firsts = 0;   /* the names' first letters, either case, a bit each (mod 32) */
	for (size_t f = 0; f < k; f++) {
		v[f].len = 0;
		v[f].oom = false;
		firsts |= 1u << (((unsigned char)names[f][0] | 0x20) & 31);
	}
	*hend = *body = n;
	for (size_t i = 0; i < n;) {
		if (h[i] == '\n' || (h[i] == '\r' && i + 1 < n && h[i + 1] == '\n')) {
			*hend = i;
			*body = i + (h[i] == '\n' ? 1 : 2);
			break;
		}
		const char *e = memchr(h + i, '\n', n - i);
		size_t ln = e ? (size_t)(e - (h + i)) : n - i;
		const char *l = h + i;
		size_t len = ln;
		if (len && l[len - 1] == '\r')
			len--;
		if (len && (l[0] == ' ' || l[0] == '\t')) {
			if (in < k && rd_buf_add(&v[in], l, len) != RD_OK)
				goto oom;
		} else {
			in = k;
			/* NAMES[f] is the field when the line starts with it and
			 * a ':' (no name holds one, so that is the line's first):
			 * the first letter, either case, turns away most lines
			 * (Received, From, To, Date…) before a compare */
			bool may = len && (firsts >> (((unsigned char)l[0] | 0x20) & 31) & 1);
			for (size_t f = 0; may && f < k; f++) {
				size_t nl = nlen[f];
				if (found[f] || ((unsigned char)l[0] | 0x20) != ((unsigned char)names[f][0] | 0x20) ||
				    nl >= len || l[nl] != ':' || strncasecmp(l, names[f], nl))
					continue;
				found[f] = true;
				in = f;
				if (rd_buf_add(&v[f], l + nl + 1, len - nl - 1) != RD_OK)
					goto oom;
				break;
			}
		}
		i += ln + 1;
	}
	for (size_t f = 0; f < k; f++) {
		vals[f] = NULL;
		if (!found[f])
			continue;
		/* found: rd_buf_add made data, NUL-terminated */
		char *s = v[f].data, *b = s, *end = s + strlen(s);
		while (*b == ' ' || *b == '\t')
			b++;
		while (end > b && (end[-1] == ' ' || end[-1] == '\t'))
			end--;
		*end = '\0';
		memmove(s, b, (size_t)(end - b) + 1);
		vals[f] = s;
	}
	return true;
oom:
	for (size_t f = 0; f < k; f++)
		vals[f] = NULL;
	return false;
}

static inline bool ieq_prefix(const char *s, const char *prefix)
{
	return s && !strncasecmp(s, prefix, strlen(prefix));
}

/* A Message-ID without its angle brackets (GMime returns it the same way). */
static void strip_angles(char *s)
{
	size_t n = s ? strlen(s) : 0;
	if (n >= 2 && s[0] == '<' && s[n - 1] == '>') {
		memmove(s, s + 1, n - 2);
		s[n - 2] = '\0';
	}
}

/* The charset parameter of a Content-Type value, written in OUT (kept from
 * message to message), or NULL: absent, or out of memory. */
static char *charset_of(const char *ctype, struct rd_buf *out)
{
	/* strcasestr's first match, found by its first letter before a
	 * compare (strcasestr's own set-up cost more than the short value) */
	const char *cs = NULL;
	for (const char *q = ctype; q && *q && !cs; q++)
		if ((*q | 0x20) == 'c' && !strncasecmp(q, "charset=", 8))
			cs = q;
	if (!cs)
		return NULL;
	cs += 8;
	if (*cs == '"')
		cs++;
	size_t n = strcspn(cs, "\"; \t");
	out->len = 0;
	out->oom = false;
	return rd_buf_add(out, cs, n) == RD_OK ? out->data : NULL;
}

/* How a message's body is read: as it is (text/plain or no Content-Type,
 * 7bit/8bit/binary), decoded in place (one text/plain part in
 * quoted-printable or base64, or another charset: GMime's decoders, no
 * message object), or parsed whole by GMime (multipart and the rest). */
enum body_path { BODY_RAW, BODY_DECODE, BODY_GMIME };

static enum body_path body_path(const char *ctype, const char *cte, const char *charset)
{
	if (ctype && !ieq_prefix(ctype, "text/plain"))
		return BODY_GMIME;
	bool identity = !cte || !strcasecmp(cte, "7bit") || !strcasecmp(cte, "8bit") ||
			!strcasecmp(cte, "binary");
	if (!identity && strcasecmp(cte, "quoted-printable") && strcasecmp(cte, "base64"))
		return BODY_GMIME;
	bool utf8 = !charset || !strcasecmp(charset, "utf-8") || !strcasecmp(charset, "us-ascii") ||
		    !strcasecmp(charset, "utf8");
	return identity && utf8 ? BODY_RAW : BODY_DECODE;
}

/* The message's MIME entity for GMime in *e: its Content-* header fields
 * (with their continuation lines), a blank line and the body raw[body..n).
 * The other fields (addresses, dates, Received lines, MIME-Version, which a
 * part parsed by g_mime_parser_construct_part does not read) would each
 * become GMime objects nothing reads; Subject, Message-ID and X-Redress-Kind
 * are read here for every message alike. */
static bool mime_entity(const char *raw, size_t hend, size_t body, size_t n, struct rd_buf *e)
{
	bool keep = false;
	for (size_t i = 0; i < hend;) {
		const char *l = raw + i, *nl = memchr(l, '\n', hend - i);
		size_t len = nl ? (size_t)(nl - l) + 1 : hend - i;
		if (l[0] != ' ' && l[0] != '\t')
			keep = len > 8 && !strncasecmp(l, "Content-", 8);
		if (keep && rd_buf_add(e, l, len) != RD_OK)
			return false;
		i += len;
	}
	return rd_buf_add(e, "\n", 1) == RD_OK && rd_buf_add(e, raw + body, n - body) == RD_OK;
}

static void mbox_message(struct rd_archive *a, char *raw, size_t n, struct rd_archive_msg *m)
{
	static const char *const names[] = {"Content-Type", "Content-Transfer-Encoding", "Subject",
					    "Message-ID", "X-Redress-Kind"};
	static const size_t nlen[] = {sizeof "Content-Type" - 1, sizeof "Content-Transfer-Encoding" - 1,
				      sizeof "Subject" - 1, sizeof "Message-ID" - 1,
				      sizeof "X-Redress-Kind" - 1};
	char *h[5];
	size_t hend, body;   /* the header block ends at the first blank line */
	if (!headers(raw, n, names, nlen, 5, a->field, h, &hend, &body)) {
		msg_fail(m, "out of memory");
		return;
	}
	/* the Content-* values are read where they are (a->field); the
	 * message keeps copies of the other three */
	char *ctype = h[0], *cte = h[1], *cs = charset_of(ctype, &a->charset), *err = NULL;
	enum body_path path = body_path(ctype, cte, cs);
	if ((h[2] && !(m->subject = strdup(h[2]))) || (h[3] && !(m->id = strdup(h[3]))) ||
	    (h[4] && !(m->kind = strdup(h[4])))) {
		msg_fail(m, "out of memory");
		return;
	}
	if (m->subject && strstr(m->subject, "=?")) {
		char *d = ck_mime_header_text(m->subject);
		if (d) {
			free(m->subject);
			m->subject = d;
		}
	}
	strip_angles(m->id);
	if (path == BODY_GMIME) {
		struct rd_buf e = RD_BUF_INIT;
		if (!mime_entity(raw, hend, body, n, &e))
			msg_fail(m, "out of memory");
		else if (ck_mime_decode(e.data, e.len, &m->text, &m->len, &err) != RD_OK)
			msg_fail(m, "line %zu: %s", m->line, err ? err : "unreadable MIME message");
		rd_buf_free(&e);
	} else if (path == BODY_DECODE) {
		if (ck_mime_decode_body(raw + body, n - body, cte, cs, &m->text, &m->len, &err) != RD_OK)
			msg_fail(m, "line %zu: %s", m->line, err ? err : "undecodable body");
	} else if (!(m->text = malloc(n - body + 1))) {
		msg_fail(m, "out of memory");
	} else {
		m->len = n - body;
		memcpy(m->text, raw + body, m->len);
		m->text[m->len] = '\0';
	}
	free(err);
	if (m->kind) {
		/* a header value may carry spaces or a different case: "Apology " */
		for (char *k = m->kind; *k; k++)
			if (*k >= 'A' && *k <= 'Z')
				*k = (char)(*k - 'A' + 'a');
	}
}

/* The body lines at a->pos that go into the message as they are, taken in
 * one run: whole lines already in the buffer, up to (not including) a
 * "From " line after a blank one, a line starting '>' (it may be an escaped
 * ">From ") or a line not yet read to its end; those go through
 * next_piece one by one. Consumes the run, counting its lines and whether
 * the last was blank, as next_piece would have; returns its start and
 * length (0: the next line needs the slow path). Only called at a line's
 * start. Most lines of a message take this path: one copy per run instead
 * of a call and a copy per line. */
static size_t mbox_plain_run(struct rd_archive *a, bool *prev_blank, const char **start)
{
	const char *s = a->buf + a->pos, *e = a->buf + a->end, *q = s;
	bool blank = *prev_blank;
	size_t lines = 0;
	while (q < e) {
		if (*q == '>' || (blank && from_line(q, (size_t)(e - q))))
			break;
		const char *nl = memchr(q, '\n', (size_t)(e - q));
		if (!nl)
			break;
		size_t n = (size_t)(nl - q) + 1;
		blank = n == 1 || (n == 2 && q[0] == '\r');
		lines++;
		q = nl + 1;
	}
	*start = s;
	if (q == s)
		return 0;
	*prev_blank = blank;
	a->lineno += lines;
	a->pos = (size_t)(q - a->buf);
	return (size_t)(q - s);
}

static enum rd_err mbox_next(struct rd_archive *a, struct rd_archive_msg *m, bool *got, char **errmsg)
{
	const char *p;
	size_t n, start = 0;
	bool bol, big = false, prev_blank = true;
	enum rd_err rc;
	/* the "From " line of this message: read at the end of the previous one,
	 * or (first message) after any blank lines at the start */
	while (!a->pending) {
		if ((rc = next_piece(a, &p, &n, &bol, errmsg)))
			return rc;
		if (!n) {
			*got = false;
			return RD_OK;
		}
		if (bol && from_line(p, n)) {
			a->pending = true;
			a->started = true;
			while (p[n - 1] != '\n') {   /* the rest of a very long "From " line */
				if ((rc = next_piece(a, &p, &n, &bol, errmsg)))
					return rc;
				if (!n)
					break;
			}
			break;
		}
		bool blank = true;
		for (size_t i = 0; i < n && blank; i++)
			blank = strchr(" \t\r\n", p[i]) != NULL;
		if (!blank && !a->started)
			return rd_fail(RD_EINVAL, errmsg, "not an mbox archive: line %zu does not start with \"From \"",
				       a->lineno);
	}
	a->pending = false;
	start = a->lineno;
	a->msg.len = 0;
	for (;;) {
		if (a->bol && (n = mbox_plain_run(a, &prev_blank, &p))) {
			if (a->msg.len + n > RD_ARCHIVE_MAX_MSG)
				big = true;
			else if (!big && rd_buf_add(&a->msg, p, n) != RD_OK)
				return rd_fail(RD_ENOMEM, errmsg, "out of memory");
			continue;
		}
		if ((rc = next_piece(a, &p, &n, &bol, errmsg)))
			return rc;
		if (!n)
			break;
		if (bol && prev_blank && from_line(p, n)) {
			while (p[n - 1] != '\n') {
				if ((rc = next_piece(a, &p, &n, &bol, errmsg)))
					return rc;
				if (!n)
					break;
			}
			a->pending = true;
			break;
		}
		if (bol) {
			prev_blank = (n == 1) || (n == 2 && p[0] == '\r');
			/* mboxrd: ">From ", ">>From "… lose one '>' (mboxo's ">From " too) */
			size_t q = 0;
			while (q < n && p[q] == '>')
				q++;
			if (q && from_line(p + q, n - q)) {
				p++;
				n--;
			}
		} else {
			prev_blank = false;
		}
		if (a->msg.len + n > RD_ARCHIVE_MAX_MSG)
			big = true;
		else if (!big && rd_buf_add(&a->msg, p, n) != RD_OK)
			return rd_fail(RD_ENOMEM, errmsg, "out of memory");
	}
	/* the blank line before the next "From " separates; it is not the body's */
	if (a->pending && a->msg.len && a->msg.data[a->msg.len - 1] == '\n') {
		a->msg.len--;
		if (a->msg.len && a->msg.data[a->msg.len - 1] == '\r')
			a->msg.len--;
	}
	m->index = a->index++;
	m->line = start;
	*got = true;
	if (big)
		msg_fail(m, "line %zu: message longer than %zu MB", start, RD_ARCHIVE_MAX_MSG >> 20);
	else
		mbox_message(a, a->msg.data ? a->msg.data : (char *)"", a->msg.len, m);
	return RD_OK;
}

enum rd_err rd_archive_next(struct rd_archive *a, struct rd_archive_msg *m, bool *got, char **errmsg)
{
	rd_archive_msg_clear(m);
	*got = false;
	return a->fmt == RD_ARCHIVE_MBOX ? mbox_next(a, m, got, errmsg) : jsonl_next(a, m, got, errmsg);
}

/* ---- checking an archive ------------------------------------------------------------- */

struct slot {
	struct rd_archive_msg m;
	struct rd_check_result *res;
	enum rd_err rc;
	char *err;
};

struct job {
	struct slot *s;
	size_t n;
	const struct rd_archive_opts *ao;
	const struct ck_lex *lex;
};

struct worker {
	pthread_t th;
	unsigned id, nth;
	struct job *j;
	struct ck_doc doc;
	struct ck_prep_cache *prep;   /* options prepared per kind (ck_check_cached) */
};

static void check_slot(struct worker *w, const struct job *j, struct slot *s)
{
	if (s->m.error)
		return;
	const struct rd_archive_opts *ao = j->ao;
	struct rd_check_opts o = *ao->check;
	const char *base = o.kind && *o.kind ? o.kind : "other";
	if (s->m.kind && *s->m.kind && strcmp(s->m.kind, base)) {
		o.kind = s->m.kind;
		o.required_elements = ao->required ? ao->required(s->m.kind, ao->rctx) : NULL;
	}
	s->rc = ck_check_cached(&w->doc, &w->prep, j->lex, s->m.text, s->m.len, &o, &s->res, &s->err);
}

static void *work(void *arg)
{
	struct worker *w = arg;
	for (size_t i = w->id; i < w->j->n; i += w->nth)
		check_slot(w, w->j, &w->j->s[i]);
	return NULL;
}

static void run_batch(struct worker *w, unsigned nth, struct job *j)
{
	bool started[64] = {false};
	for (unsigned t = 0; t < nth; t++) {
		w[t].j = j;
		w[t].id = t;
		w[t].nth = nth;
	}
	for (unsigned t = 1; t < nth && j->n > 1; t++)
		started[t] = pthread_create(&w[t].th, NULL, work, &w[t]) == 0;
	work(&w[0]);
	for (unsigned t = 1; t < nth; t++) {
		if (started[t])
			pthread_join(w[t].th, NULL);
		else
			work(&w[t]);   /* the calling thread stands in for one that did not start */
	}
}

/* ---- --jobs N: reading the next batch while the threads check this one ---------------- */

/* Reads up to CAP messages (or 8 MB of text) into j->s. *more turns false at
 * the end of the archive or on a read error, which goes to *ret. */
static void read_batch(struct rd_archive *a, struct job *j, size_t cap, bool *more, enum rd_err *ret,
		       char **errmsg)
{
	size_t bytes = 0;
	j->n = 0;
	while (j->n < cap && bytes < (8u << 20)) {
		bool got;
		enum rd_err rc = rd_archive_next(a, &j->s[j->n].m, &got, errmsg);
		if (rc != RD_OK || !got) {
			if (rc != RD_OK)
				*ret = rc;
			*more = false;
			break;
		}
		bytes += j->s[j->n].m.len;
		j->n++;
	}
}

/* Hands the checked batch J to FN in archive order (not once *stop or out
 * of memory: then its results are only freed) and empties its slots. */
static void deliver(struct job *j, rd_archive_check_fn fn, void *ctx, bool *stop, enum rd_err *ret,
		    char **errmsg)
{
	for (size_t i = 0; i < j->n; i++) {
		struct slot *x = &j->s[i];
		if (x->rc == RD_ENOMEM && *ret == RD_OK)
			*ret = rd_fail(RD_ENOMEM, errmsg, "out of memory");
		if (!*stop && *ret != RD_ENOMEM)
			*stop = fn(ctx, &x->m, x->m.error ? RD_EINVAL : x->rc, x->m.error ? x->m.error : x->err,
				   x->res) != 0;
		rd_check_result_free(x->res);
		x->res = NULL;
		free(x->err);
		x->err = NULL;
		x->rc = RD_OK;
		rd_archive_msg_clear(&x->m);
	}
	j->n = 0;
}

/* Starts NTH threads on batch J; one that cannot start has its share
 * checked here, before returning. */
static void start_batch(struct worker *w, unsigned nth, struct job *j, bool *started)
{
	for (unsigned t = 0; t < nth; t++) {
		w[t].j = j;
		w[t].id = t;
		w[t].nth = nth;
		started[t] = pthread_create(&w[t].th, NULL, work, &w[t]) == 0;
	}
	for (unsigned t = 0; t < nth; t++)
		if (!started[t])
			work(&w[t]);
}

static void join_batch(struct worker *w, unsigned nth, bool *started)
{
	for (unsigned t = 0; t < nth; t++) {
		if (started[t])
			pthread_join(w[t].th, NULL);
		started[t] = false;
	}
}

/* Two batches in turn: while the threads check one, this thread reads the
 * next (mbox splitting, header fields, GMime) and then prints the one
 * before, so reading and printing no longer leave the threads idle. */
static enum rd_err check_pipelined(struct rd_archive *a, struct job jb[2], size_t cap, struct worker *w,
				   unsigned nth, rd_archive_check_fn fn, void *ctx, char **errmsg)
{
	enum rd_err ret = RD_OK;
	bool started[64] = {false}, more = true, stop = false;
	int cur = 0;
	read_batch(a, &jb[cur], cap, &more, &ret, errmsg);
	if (jb[cur].n)
		start_batch(w, nth, &jb[cur], started);
	while (jb[cur].n) {
		struct job *now = &jb[cur], *next = &jb[!cur];
		if (more)
			read_batch(a, next, cap, &more, &ret, errmsg);
		join_batch(w, nth, started);
		if (next->n)
			start_batch(w, nth, next, started);
		deliver(now, fn, ctx, &stop, &ret, errmsg);
		if (stop || ret == RD_ENOMEM) {
			join_batch(w, nth, started);
			deliver(next, fn, ctx, &stop, &ret, errmsg);   /* freed, not handed on */
			break;
		}
		cur = !cur;
	}
	return ret;
}

enum rd_err rd_check_archive(struct rd_archive *a, const struct rd_archive_opts *ao,
			     rd_archive_check_fn fn, void *ctx, char **errmsg)
{
	enum rd_err ret = RD_OK;
	static const struct rd_check_opts none;
	struct rd_archive_opts defaults = {.check = &none};
	if (!ao)
		ao = &defaults;
	if (!ao->check) {
		defaults = *ao;
		defaults.check = &none;
		ao = &defaults;
	}
	unsigned nth = ao->threads > 1 ? (ao->threads > 64 ? 64 : ao->threads) : 1;
	size_t cap = nth > 1 ? 256 : 1;
	struct slot *s = calloc(nth > 1 ? 2 * cap : cap, sizeof *s);
	struct worker *w = calloc(nth, sizeof *w);
	struct ck_lex *own = NULL;
	struct job j = {.s = s, .ao = ao};
	bool stop = false, more = true;
	if (!s || !w) {
		ret = rd_fail(RD_ENOMEM, errmsg, "out of memory");
		goto out;
	}
	/* options errors (a bad default kind, zone or word list) stop before
	 * any message; a message's own unknown kind is that message's error */
	if ((ret = ck_check_opts_valid(ao->check, errmsg)) != RD_OK)
		goto out;
	if (ao->check->extra_words && json_object_size(ao->check->extra_words)) {
		if (!(own = ck_lex_extend(ao->check->extra_words, errmsg))) {
			ret = RD_EINVAL;
			goto out;
		}
		j.lex = own;
	}
	if (nth > 1) {
		struct job jb[2] = {j, j};
		jb[1].s = s + cap;
		ret = check_pipelined(a, jb, cap, w, nth, fn, ctx, errmsg);
		goto out;
	}
	while (more && !stop) {
		size_t bytes = 0;
		j.n = 0;
		while (j.n < cap && bytes < (8u << 20)) {
			bool got;
			/* a read error ends the archive after the messages read before it */
			if ((ret = rd_archive_next(a, &s[j.n].m, &got, errmsg)) != RD_OK) {
				more = false;
				break;
			}
			if (!got) {
				more = false;
				break;
			}
			bytes += s[j.n].m.len;
			j.n++;
		}
		run_batch(w, nth, &j);
		for (size_t i = 0; i < j.n; i++) {
			struct slot *x = &s[i];
			if (x->rc == RD_ENOMEM && ret == RD_OK)
				ret = rd_fail(RD_ENOMEM, errmsg, "out of memory");
			if (!stop && ret != RD_ENOMEM)
				stop = fn(ctx, &x->m, x->m.error ? RD_EINVAL : x->rc,
					  x->m.error ? x->m.error : x->err, x->res) != 0;
			rd_check_result_free(x->res);
			x->res = NULL;
			free(x->err);
			x->err = NULL;
			x->rc = RD_OK;
			rd_archive_msg_clear(&x->m);
		}
		if (ret == RD_ENOMEM)
			break;
	}
out:
	for (unsigned t = 0; w && t < nth; t++) {
		ck_doc_free(&w[t].doc);
		ck_prep_cache_free(w[t].prep);
	}
	free(w);
	free(s);
	ck_lex_free(own);
	return ret;
}
