/* mime.c — MIME bodies for the archive reader, through GMime (see mime.h):
 * GMime's parser handles multipart nesting, transfer encodings, charsets and
 * RFC 2047 headers; this file only loads it lazily and picks the part. */
#include <errno.h>
#include <iconv.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <gmime/gmime.h>

#include "check/mime.h"
#include "util/dynlib.h"

static struct {
	void (*init)(void);
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
	GMimeStream *(*mem_empty)(void);
	void (*mem_set_array)(GMimeStreamMem *, GByteArray *);
	GMimeParser *(*parser_empty)(void);
	void (*parser_init)(GMimeParser *, GMimeStream *);
	GMimeDataWrapper *(*part_content)(GMimePart *);
	GMimeContentEncoding (*wrapper_encoding)(GMimeDataWrapper *);
	GMimeStream *(*wrapper_stream)(GMimeDataWrapper *);
	int (*stream_reset)(GMimeStream *);
	gint64 (*stream_length)(GMimeStream *);
	ssize_t (*stream_read)(GMimeStream *, char *, size_t);
	const char *(*ct_param)(GMimeContentType *, const char *);
	gboolean (*utf8_validate)(const gchar *, gssize, const gchar **);
	GByteArray *(*array_new)(void);
	GByteArray *(*array_append)(GByteArray *, const guint8 *, guint);
	GByteArray *(*array_set_size)(GByteArray *, guint);
	guint8 *(*array_free)(GByteArray *, gboolean);
} gm;

static pthread_once_t gm_once = PTHREAD_ONCE_INIT;
static enum rd_err gm_rc;
static char *gm_err;

/* One parser, one memory stream and the stream's buffer a thread, reused
 * message after message: creating and finalising them per message cost more
 * than parsing a small multipart. The key's destructor frees them when a
 * worker thread exits; the main thread's stay until exit. The buffer is
 * dropped after a message above GM_BUF_KEEP so that a thread keeps a few KB. */
#define GM_BUF_KEEP 65536
struct gm_thread {
	GMimeParser *ps;
	GMimeStream *st;
	GByteArray *buf;
	bool keyed;   /* registered with gm_key, so that its destructor runs */
};
/* thread-local, not allocated: nothing of ours is reachable only through
 * the key (LeakSanitizer runs without TLS roots in some unit tests) */
static _Thread_local struct gm_thread gm_tl;
static pthread_key_t gm_key;

static void gm_thread_free(void *arg)
{
	struct gm_thread *t = arg;
	if (t->ps)
		gm.unref(t->ps);
	if (t->st)
		gm.unref(t->st);
	if (t->buf)
		gm.array_free(t->buf, TRUE);
	*t = (struct gm_thread){0};
}

static void gm_load(void)
{
	static const char *const names[] = {"libgmime-3.0.so.0", "libgmime-3.0.so", NULL};
	const struct rd_dynsym syms[] = {
		{"g_mime_init", (void **)&gm.init},
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
		{"g_mime_stream_mem_new", (void **)&gm.mem_empty},
		{"g_mime_stream_mem_set_byte_array", (void **)&gm.mem_set_array},
		{"g_mime_parser_new", (void **)&gm.parser_empty},
		{"g_mime_parser_init_with_stream", (void **)&gm.parser_init},
		{"g_mime_part_get_content", (void **)&gm.part_content},
		{"g_mime_data_wrapper_get_encoding", (void **)&gm.wrapper_encoding},
		{"g_mime_data_wrapper_get_stream", (void **)&gm.wrapper_stream},
		{"g_mime_stream_reset", (void **)&gm.stream_reset},
		{"g_mime_stream_length", (void **)&gm.stream_length},
		{"g_mime_stream_read", (void **)&gm.stream_read},
		{"g_mime_content_type_get_parameter", (void **)&gm.ct_param},
		{"g_utf8_validate", (void **)&gm.utf8_validate},
		{"g_byte_array_new", (void **)&gm.array_new},
		{"g_byte_array_append", (void **)&gm.array_append},
		{"g_byte_array_set_size", (void **)&gm.array_set_size},
		{"g_byte_array_free", (void **)&gm.array_free},
		{NULL, NULL}};
	gm_rc = rd_dynlib_open(names, syms, &gm_err);
	if (gm_rc == RD_OK && pthread_key_create(&gm_key, gm_thread_free) != 0)
		gm_rc = rd_fail(RD_ENOMEM, &gm_err, "cannot make GMime's per-thread key");
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

/* This thread's parser reset onto a copy of RAW[0..n) in its own stream;
 * NULL when out of memory. */
static GMimeParser *gm_parser_for(const char *raw, size_t n)
{
	struct gm_thread *t = &gm_tl;
	if (!t->keyed) {
		if (pthread_setspecific(gm_key, t) != 0)
			return NULL;
		t->keyed = true;
	}
	if (!t->st && !(t->st = gm.mem_empty()))
		return NULL;
	if (!t->ps && !(t->ps = gm.parser_empty()))
		return NULL;
	if (!t->buf && !(t->buf = gm.array_new()))
		return NULL;
	if (n > G_MAXUINT)
		return NULL;
	/* the GByteArray grows with g_realloc, which aborts rather than fail */
	gm.array_set_size(t->buf, 0);
	gm.array_append(t->buf, (const guint8 *)raw, (guint)n);
	gm.mem_set_array((GMimeStreamMem *)t->st, t->buf);
	gm.parser_init(t->ps, t->st);
	return t->ps;
}

/* After a message: a buffer grown past GM_BUF_KEEP is given back. The stream
 * is pointed at an empty array first so that it never holds a freed one. */
static void gm_parser_done(size_t n)
{
	struct gm_thread *t = &gm_tl;
	if (n <= GM_BUF_KEEP || !t->buf)
		return;
	GByteArray *small = gm.array_new();
	if (!small)
		return;
	gm.mem_set_array((GMimeStreamMem *)t->st, small);
	gm.array_free(t->buf, TRUE);
	t->buf = small;
}

/* The text of text/plain PART without g_mime_text_part_get_text's stream
 * and filter objects, where that gives the same bytes: its content as parsed
 * (a substream of the message), decoded with GMime's own base64 or
 * quoted-printable step, kept when its charset is UTF-8 or US-ASCII (or
 * absent) and the bytes are valid in it without a NUL — there GMime's
 * charset filter changes nothing. Returns NEW text (*len bytes) or NULL for
 * "ask get_text" (other encodings and charsets, invalid bytes, no memory). */
static char *part_text_direct(GMimeObject *part, size_t *len)
{
	GMimeDataWrapper *w = gm.part_content((GMimePart *)part);
	if (!w)
		return NULL;
	GMimeContentEncoding enc = gm.wrapper_encoding(w);
	bool b64 = enc == GMIME_CONTENT_ENCODING_BASE64, qp = enc == GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE;
	if (!b64 && !qp && enc != GMIME_CONTENT_ENCODING_DEFAULT && enc != GMIME_CONTENT_ENCODING_7BIT &&
	    enc != GMIME_CONTENT_ENCODING_8BIT && enc != GMIME_CONTENT_ENCODING_BINARY)
		return NULL;
	const char *cs = gm.ct_param(gm.content_type(part), "charset");
	bool ascii = cs && (!strcasecmp(cs, "us-ascii") || !strcasecmp(cs, "ascii"));
	if (cs && !ascii && strcasecmp(cs, "utf-8") && strcasecmp(cs, "utf8"))
		return NULL;
	GMimeStream *st = gm.wrapper_stream(w);
	gint64 sl = st ? gm.stream_length(st) : -1;
	if (sl < 0 || gm.stream_reset(st) != 0)
		return NULL;
	/* encoded content is read into RAW and decoded into OUT; the rest is
	 * read straight into OUT (both decoders write at most their input) */
	size_t n = (size_t)sl, got = 0, dn = n;
	char *out = malloc(n + 4), *raw = (b64 || qp) ? malloc(n + 1) : out;
	while (out && raw && got < n) {
		ssize_t r = gm.stream_read(st, raw + got, n - got);
		if (r <= 0)
			break;
		got += (size_t)r;
	}
	if (!out || !raw || got != n) {
		if (raw != out)
			free(raw);
		free(out);
		return NULL;
	}
	if (raw != out) {
		int state = 0;
		guint32 save = 0;
		dn = (qp ? gm.qp_step : gm.b64_step)((const unsigned char *)raw, n, (unsigned char *)out,
						    &state, &save);
		free(raw);
	}
	out[dn] = '\0';
	if (!cs) {
		/* no charset: get_text copies the bytes, the caller stops at a NUL */
		*len = strlen(out);
		return out;
	}
	bool ok = gm.utf8_validate(out, (gssize)dn, NULL);
	for (size_t i = 0; ok && ascii && i < dn; i++)
		ok = !((unsigned char)out[i] & 0x80);
	if (!ok) {
		free(out);
		return NULL;
	}
	*len = dn;
	return out;
}

enum rd_err ck_mime_decode(const char *raw, size_t n, char **text, size_t *len, char **errmsg)
{
	return ck_mime_decode_with(raw, n, true, text, len, errmsg);
}

enum rd_err ck_mime_decode_with(const char *raw, size_t n, bool direct, char **text, size_t *len,
				char **errmsg)
{
	enum rd_err ret = RD_OK;
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
	if (!(ps = gm_parser_for(raw, n))) {
		ret = rd_fail(RD_ENOMEM, errmsg, "out of memory");
		goto out;
	}
	/* a MIME part, not a GMimeMessage: a message object would also parse
	 * its address and date headers into objects nothing here reads */
	top = gm.construct_part(ps, NULL);
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
	if (direct && (*text = part_text_direct(p.part, len)))
		goto out;
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
		gm_parser_done(n);
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
