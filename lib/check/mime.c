/* mime.c — MIME bodies for the archive reader, through GMime (see mime.h):
 * GMime's parser handles multipart nesting, transfer encodings, charsets and
 * RFC 2047 headers; this file loads it lazily and picks the part. The one
 * common shape of multipart message (a text/plain UTF-8 part first, plain
 * header lines, unambiguous boundary lines) is cut here instead, its body
 * decoded with GMime's own decoders: the part and message objects cost
 * about ten times the check of the message itself. */
#include <errno.h>
#include <iconv.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <gmime/gmime.h>

#include "check/mime.h"
#include "util/buf.h"
#include "util/dynlib.h"

static struct {
	void (*init)(void);
	GMimeStream *(*mem_new)(const char *, size_t);
	GMimeParser *(*parser_new)(GMimeStream *);
	GMimeContentType *(*content_type)(GMimeObject *);
	gboolean (*is_type)(GMimeContentType *, const char *, const char *);
	const char *(*disposition)(GMimeObject *);
	char *(*get_text)(GMimeTextPart *);
	void (*unref)(gpointer);
	void (*gfree)(gpointer);
	size_t (*qp_step)(const unsigned char *, size_t, unsigned char *, int *, guint32 *);
	size_t (*b64_step)(const unsigned char *, size_t, unsigned char *, int *, guint32 *);
	const char *(*iconv_name)(const char *);
	char *(*decode_text)(GMimeParserOptions *, const char *);
	GMimeObject *(*construct_part)(GMimeParser *, GMimeParserOptions *);
	void (*mp_foreach)(GMimeMultipart *, GMimeObjectForeachFunc, gpointer);
	GType (*mp_type)(void);
	gboolean (*is_a)(GTypeInstance *, GType);
} gm;

static pthread_once_t gm_once = PTHREAD_ONCE_INIT;
static enum rd_err gm_rc;
static char *gm_err;

static void gm_load(void)
{
	static const char *const names[] = {"libgmime-3.0.so.0", "libgmime-3.0.so", NULL};
	const struct rd_dynsym syms[] = {
		{"g_mime_init", (void **)&gm.init},
		{"g_mime_stream_mem_new_with_buffer", (void **)&gm.mem_new},
		{"g_mime_parser_new_with_stream", (void **)&gm.parser_new},
		{"g_mime_object_get_content_type", (void **)&gm.content_type},
		{"g_mime_content_type_is_type", (void **)&gm.is_type},
		{"g_mime_object_get_disposition", (void **)&gm.disposition},
		{"g_mime_text_part_get_text", (void **)&gm.get_text},
		{"g_object_unref", (void **)&gm.unref},
		{"g_free", (void **)&gm.gfree},
		{"g_mime_encoding_quoted_decode_step", (void **)&gm.qp_step},
		{"g_mime_encoding_base64_decode_step", (void **)&gm.b64_step},
		{"g_mime_charset_iconv_name", (void **)&gm.iconv_name},
		{"g_mime_utils_header_decode_text", (void **)&gm.decode_text},
		{"g_mime_parser_construct_part", (void **)&gm.construct_part},
		{"g_mime_multipart_foreach", (void **)&gm.mp_foreach},
		{"g_mime_multipart_get_type", (void **)&gm.mp_type},
		{"g_type_check_instance_is_a", (void **)&gm.is_a},
		{NULL, NULL}};
	gm_rc = rd_dynlib_open(names, syms, &gm_err);
	if (gm_rc == RD_OK)
		gm.init();
}

struct pick {
	GMimeObject *part;   /* the first text/plain part that is not an attachment */
};

static void visit(GMimeObject *parent, GMimeObject *part, gpointer data)
{
	(void)parent;
	struct pick *p = data;
	if (p->part)
		return;
	GMimeContentType *ct = gm.content_type(part);
	if (!ct || !gm.is_type(ct, "text", "plain"))
		return;
	const char *disp = gm.disposition(part);
	if (disp && !strcasecmp(disp, "attachment"))
		return;
	p->part = part;
}

/* ---- the common multipart shape, without GMime's objects ---------------- */

/* s[0..n) equals LIT, ASCII case ignored. */
static bool eq_ci(const char *s, size_t n, const char *lit)
{
	return strlen(lit) == n && !strncasecmp(s, lit, n);
}

/* Takes LIT (ASCII case ignored) off the front of *s[0..*n). */
static bool take_ci(const char **s, size_t *n, const char *lit)
{
	size_t l = strlen(lit);
	if (*n < l || strncasecmp(*s, lit, l))
		return false;
	*s += l;
	*n -= l;
	return true;
}

/* "; NAME=VALUE" with VALUE quoted or not, and nothing after it: the one
 * parameter of a simple Content-Type (V, VN: the value). Only the bytes
 * [A-Za-z0-9_.+-] are taken in a value: no escapes, continuations or RFC
 * 2231 encodings that GMime would read differently. */
static bool one_param(const char *s, size_t n, const char *name, const char **v, size_t *vn)
{
	if (!take_ci(&s, &n, ";"))
		return false;
	while (n && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	if (!take_ci(&s, &n, name) || !take_ci(&s, &n, "="))
		return false;
	bool q = take_ci(&s, &n, "\"");
	size_t k = 0;
	while (k < n && (((s[k] | 0x20) >= 'a' && (s[k] | 0x20) <= 'z') || (s[k] >= '0' && s[k] <= '9') ||
			 s[k] == '_' || s[k] == '.' || s[k] == '+' || s[k] == '-'))
		k++;
	if (k == 0 || k > 70 || k + q != n || (q && s[k] != '"'))
		return false;
	*v = s;
	*vn = k;
	return true;
}

/* The fields of a header block s[0..n) of plain lines ("Name: value", no
 * continuation line, no CR), up to its blank line: *body is where the body
 * starts. Only MIME-Version (when TOP), Content-Type and
 * Content-Transfer-Encoding, each at most once; their values are trimmed.
 * False for anything else, which GMime then reads. */
static bool plain_fields(const char *s, size_t n, bool top, size_t *body, const char **ct, size_t *ctn,
			 const char **cte, size_t *cten)
{
	bool seen_ver = false;
	*ct = *cte = NULL;
	*ctn = *cten = 0;
	for (size_t i = 0; i < n;) {
		const char *l = s + i, *nl = memchr(l, '\n', n - i);
		if (!nl)
			return false;
		size_t len = (size_t)(nl - l);
		i += len + 1;
		if (len == 0) {
			*body = i;
			return true;
		}
		const char *colon = memchr(l, ':', len);
		if (!colon || colon == l || memchr(l, '\r', len))
			return false;
		for (const char *c = l; c < colon; c++)
			if (!(((*c | 0x20) >= 'a' && (*c | 0x20) <= 'z') || *c == '-'))
				return false;   /* also a continuation line's space */
		const char *v = colon + 1, *e = l + len;
		while (v < e && (*v == ' ' || *v == '\t'))
			v++;
		while (e > v && (e[-1] == ' ' || e[-1] == '\t'))
			e--;
		size_t nn = (size_t)(colon - l);
		if (top && eq_ci(l, nn, "MIME-Version") && !seen_ver) {
			seen_ver = true;
		} else if (eq_ci(l, nn, "Content-Type") && !*ct) {
			*ct = v;
			*ctn = (size_t)(e - v);
		} else if (!top && eq_ci(l, nn, "Content-Transfer-Encoding") && !*cte) {
			*cte = v;
			*cten = (size_t)(e - v);
		} else {
			return false;
		}
	}
	return false;
}

/* The first part of a multipart entity RAW[0..n) when the message has the
 * shape most mail has and GMime would read it the same way: top fields
 * MIME-Version and Content-Type only, multipart/alternative, mixed or
 * related with one simple boundary parameter; no CR, and every line of the
 * body that starts "--" is exactly "--B" or "--B--"; the first part's
 * fields are Content-Type text/plain with charset utf-8 or us-ascii and at
 * most a Content-Transfer-Encoding of 7bit, 8bit, quoted-printable or
 * base64. That part is what GMime picks (the first text/plain one, not an
 * attachment), and its content is the bytes up to the newline before the
 * next boundary line (the newline belongs to the boundary). *text is its
 * body decoded as ck_mime_decode_body does, which uses GMime's decoders:
 * when that is UTF-8 (ASCII for us-ascii) without a NUL, GMime's charset
 * conversion would leave it as it is and its text would be the same. False
 * (nothing allocated) for every other message, which GMime then parses. */
bool ck_mime_decode_simple(const char *raw, size_t n, char **text, size_t *len)
{
	*text = NULL;
	*len = 0;
	size_t body, bn, sub, csn;
	const char *ct, *cte, *b, *cs;
	size_t ctn, cten;
	if (!plain_fields(raw, n, true, &body, &ct, &ctn, &cte, &cten) || !ct)
		return false;
	if (!take_ci(&ct, &ctn, "multipart/"))
		return false;
	for (sub = 0; sub < ctn && ct[sub] != ';';)
		sub++;
	if (!(eq_ci(ct, sub, "alternative") || eq_ci(ct, sub, "mixed") || eq_ci(ct, sub, "related")) ||
	    !one_param(ct + sub, ctn - sub, "boundary", &b, &bn))
		return false;
	/* the body's lines: find the first two boundary lines, and make sure
	 * no line could be read as a boundary some other way */
	size_t part = 0, end = 0;
	for (size_t i = body; i < n;) {
		const char *l = raw + i, *nl = memchr(l, '\n', n - i);
		size_t len = nl ? (size_t)(nl - l) : n - i;
		if (len >= 2 && l[0] == '-' && l[1] == '-') {
			bool open = len == bn + 2 && !memcmp(l + 2, b, bn);
			bool close = len == bn + 4 && !memcmp(l + 2, b, bn) && l[bn + 2] == '-' && l[bn + 3] == '-';
			if (!open && !close)
				return false;
			if (!part) {
				if (close)
					return false;
				part = i + len + 1;
			} else if (!end) {
				end = i;
			}
		} else if (memchr(l, '\r', len) || (len >= 5 && !memcmp(l, "From ", 5))) {
			return false;
		}
		i += len + 1;
	}
	if (!part || !end || part > n)
		return false;
	size_t pbody;
	if (!plain_fields(raw + part, end - part, false, &pbody, &ct, &ctn, &cte, &cten) || !ct ||
	    !take_ci(&ct, &ctn, "text/plain") || !one_param(ct, ctn, "charset", &cs, &csn))
		return false;
	bool ascii = eq_ci(cs, csn, "us-ascii");
	if (!ascii && !eq_ci(cs, csn, "utf-8"))
		return false;
	char enc[20] = "";
	if (cte) {
		if (!(eq_ci(cte, cten, "7bit") || eq_ci(cte, cten, "8bit") || eq_ci(cte, cten, "quoted-printable") ||
		      eq_ci(cte, cten, "base64")))
			return false;
		memcpy(enc, cte, cten);
		enc[cten] = '\0';
	}
	/* the content: from the part's body to the newline before the boundary */
	size_t c0 = part + pbody, c1 = end - 1;
	if (c1 <= c0)
		return false;
	char *t = NULL, *err = NULL;
	size_t tn = 0;
	if (ck_mime_decode_body(raw + c0, c1 - c0, cte ? enc : NULL, NULL, &t, &tn, &err) != RD_OK) {
		free(err);
		return false;
	}
	bool same = tn && !memchr(t, '\0', tn) && rd_utf8_valid(t, tn, NULL);
	for (size_t k = 0; same && ascii && k < tn; k++)
		same = (unsigned char)t[k] < 0x80;
	if (!same) {
		free(t);
		return false;
	}
	*text = t;
	*len = tn;
	return true;
}

enum rd_err ck_mime_decode(const char *raw, size_t n, char **text, size_t *len, char **errmsg)
{
	pthread_once(&gm_once, gm_load);
	if (gm_rc == RD_OK && ck_mime_decode_simple(raw, n, text, len))
		return RD_OK;
	return ck_mime_decode_gmime(raw, n, text, len, errmsg);
}

enum rd_err ck_mime_decode_gmime(const char *raw, size_t n, char **text, size_t *len, char **errmsg)
{
	enum rd_err ret = RD_OK;
	GMimeStream *st = NULL;
	GMimeParser *ps = NULL;
	GMimeObject *top = NULL;
	char *body = NULL;
	*text = NULL;
	*len = 0;
	pthread_once(&gm_once, gm_load);
	if (gm_rc != RD_OK) {
		ret = rd_fail(gm_rc, errmsg, "MIME message: %s", gm_err ? gm_err : "cannot load GMime");
		goto out;
	}
	/* a MIME part, not a GMimeMessage: a message object would also parse
	 * its address and date headers into objects nothing here reads */
	st = gm.mem_new(raw, n);
	ps = st ? gm.parser_new(st) : NULL;
	top = ps ? gm.construct_part(ps, NULL) : NULL;
	if (!top) {
		ret = rd_fail(RD_EINVAL, errmsg, "not a MIME message GMime can parse");
		goto out;
	}
	/* the top part first, then a multipart's parts depth first */
	struct pick p = {NULL};
	visit(NULL, top, &p);
	if (!p.part && gm.is_a((GTypeInstance *)top, gm.mp_type()))
		gm.mp_foreach((GMimeMultipart *)top, visit, &p);
	if (!p.part) {
		ret = rd_fail(RD_EINVAL, errmsg, "no text/plain part");
		goto out;
	}
	body = gm.get_text((GMimeTextPart *)p.part);
	if (!body) {
		ret = rd_fail(RD_EINVAL, errmsg, "the text/plain part cannot be decoded");
		goto out;
	}
	*len = strlen(body);
	if (!(*text = malloc(*len + 1))) {
		*len = 0;
		ret = rd_fail(RD_ENOMEM, errmsg, "out of memory");
		goto out;
	}
	memcpy(*text, body, *len + 1);
out:
	if (body)
		gm.gfree(body);
	if (top)
		gm.unref(top);
	if (ps)
		gm.unref(ps);
	if (st)
		gm.unref(st);
	return ret;
}

static bool is_utf8(const char *cs)
{
	return !cs || !*cs || !strcasecmp(cs, "utf-8") || !strcasecmp(cs, "utf8") ||
	       !strcasecmp(cs, "us-ascii") || !strcasecmp(cs, "ascii");
}

enum rd_err ck_mime_decode_body(const char *body, size_t n, const char *cte, const char *charset,
				char **text, size_t *len, char **errmsg)
{
	enum rd_err ret = RD_OK;
	unsigned char *dec = NULL;
	char *out = NULL;
	iconv_t cd = (iconv_t)-1;
	size_t dn = n;
	*text = NULL;
	*len = 0;
	pthread_once(&gm_once, gm_load);
	if (gm_rc != RD_OK) {
		ret = rd_fail(gm_rc, errmsg, "MIME message: %s", gm_err ? gm_err : "cannot load GMime");
		goto out;
	}
	bool qp = cte && !strcasecmp(cte, "quoted-printable"), b64 = cte && !strcasecmp(cte, "base64");
	dec = malloc(n + 4);   /* both decoders write at most their input's size */
	if (!dec) {
		ret = rd_fail(RD_ENOMEM, errmsg, "out of memory");
		goto out;
	}
	if (qp || b64) {
		int state = 0;
		guint32 save = 0;
		dn = (qp ? gm.qp_step : gm.b64_step)((const unsigned char *)body, n, dec, &state, &save);
	} else {
		memcpy(dec, body, n);
	}
	if (is_utf8(charset)) {
		dec[dn] = '\0';
		*text = (char *)dec;
		*len = dn;
		dec = NULL;
		goto out;
	}
	const char *name = gm.iconv_name(charset);
	cd = iconv_open("UTF-8", name ? name : charset);
	if (cd == (iconv_t)-1) {
		ret = rd_fail(RD_EINVAL, errmsg, "unknown charset '%s'", charset);
		goto out;
	}
	size_t cap = dn * 4 + 16;
	out = malloc(cap);
	char *in = (char *)dec, *o = out;
	size_t inleft = dn, outleft = cap - 1;
	if (out && iconv(cd, &in, &inleft, &o, &outleft) == (size_t)-1) {
		ret = rd_fail(RD_EINVAL, errmsg, "text not valid in its charset '%s' at byte %zu", charset,
			      (size_t)(in - (char *)dec));
		goto out;
	}
	if (!out) {
		ret = rd_fail(RD_ENOMEM, errmsg, "out of memory");
		goto out;
	}
	*o = '\0';
	*len = (size_t)(o - out);
	*text = out;
	out = NULL;
out:
	if (cd != (iconv_t)-1)
		iconv_close(cd);
	free(dec);
	free(out);
	return ret;
}

char *ck_mime_header_text(const char *value)
{
	pthread_once(&gm_once, gm_load);
	if (gm_rc != RD_OK || !value)
		return NULL;
	char *g = gm.decode_text(NULL, value);
	char *s = g ? strdup(g) : NULL;
	if (g)
		gm.gfree(g);
	return s;
}
