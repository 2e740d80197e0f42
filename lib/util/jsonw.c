/* jsonw.c — compact JSON straight into a buffer, the same bytes jansson
 * writes (jsonw.h): from a jansson tree, or streamed by struct rd_jw.
 * Containers, strings (escaped here, one routine for both) and whole
 * integers are written here; a real is encoded by jansson itself, one
 * value at a time, so the rules for those stay jansson's. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/jsonw.h"
#include "util/digits.h"

/* Deeper than any answer redress builds; past it the caller falls back to
 * jansson, which also catches a cycle. */
#define MAX_DEPTH 256

/* The json_dumpb flags a scalar is encoded with: the caller's compact form
 * and real precision (JSON_REAL_PRECISION sits in bits 11-15). */
#define SCALAR_FLAGS(f) (JSON_COMPACT | JSON_ENCODE_ANY | ((f) & JSON_REAL_PRECISION(31)))

/* One scalar through jansson's own encoder. */
static enum rd_err scalar(const json_t *v, struct rd_buf *b, size_t flags)
{
	char small[64];
	flags = SCALAR_FLAGS(flags);
	size_t n = json_dumpb(v, small, sizeof small, flags);
	if (n == 0)
		return RD_EINVAL;
	if (n <= sizeof small)
		return rd_buf_add(b, small, n);
	size_t at = b->len;
	if (rd_buf_reserve(b, n))
		return RD_ENOMEM;
	if (json_dumpb(v, b->data + at, n, flags) != n)
		return RD_EINVAL;
	b->len = at + n;
	b->data[b->len] = '\0';
	return RD_OK;
}

/* Bytes written into a JSON string as they are: printable ASCII but the
 * quote (0x22) and the backslash (0x5c); GNU range designators (GCC, Clang). */
static const bool plain_byte[256] = {[0x20 ... 0x21] = true, [0x23 ... 0x5b] = true, [0x5d ... 0x7e] = true};

/* S[0..N) quoted and escaped as jansson escapes a string (jsonw.h); RD_EINVAL
 * with nothing written when it is not UTF-8 (jansson refuses those too).
 * Most strings are plain: one scan, one reservation, one copy. */
static enum rd_err quoted(const char *s, size_t n, struct rd_buf *b)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t plain = 0;
	while (plain < n && plain_byte[u[plain]])
		plain++;
	if (plain < n && !rd_utf8_valid(s + plain, n - plain, NULL))
		return RD_EINVAL;
	if (rd_buf_reserve(b, n + 2))
		return RD_ENOMEM;
	char *p = b->data + b->len;
	*p++ = '"';
	memcpy(p, s, plain);
	if (plain == n) {
		p[n] = '"';
		b->len += n + 2;
		b->data[b->len] = '\0';
		return RD_OK;
	}
	b->len += 1 + plain;
	for (size_t i = plain; i < n; i++) {
		unsigned char c = u[i];
		char esc[7] = {'\\', 0};
		size_t k = 2;
		if (c == '"' || c == '\\') {
			esc[1] = (char)c;
		} else if (c >= 0x20) {
			esc[0] = (char)c;
			k = 1;
		} else {
			static const char hex[] = "0123456789ABCDEF";
			if (c >= 8 && c <= 13 && c != 11) { /* \b \t \n \f \r; 11 (\v) has no letter */
				esc[1] = "btn?fr"[c - 8];
			} else {
				memcpy(esc + 1, "u00", 3);
				esc[4] = hex[c >> 4];
				esc[5] = hex[c & 15];
				k = 6;
			}
		}
		if (rd_buf_add(b, esc, k))
			return RD_ENOMEM;
	}
	return rd_buf_add(b, "\"", 1);
}

static enum rd_err string(const json_t *v, struct rd_buf *b, size_t flags)
{
	enum rd_err rc = quoted(json_string_value(v), json_string_length(v), b);
	return rc == RD_EINVAL ? scalar(v, b, flags) : rc;
}

/* An object's key: jansson writes it as it writes a string of those bytes. */
static enum rd_err key(const char *k, size_t n, struct rd_buf *b, size_t flags)
{
	enum rd_err rc = quoted(k, n, b);
	if (rc != RD_EINVAL)
		return rc;
	json_t *s = json_stringn(k, n);
	if (!s)
		return RD_EINVAL;
	rc = scalar(s, b, flags);
	json_decref(s);
	return rc;
}

/* One byte: inline while the buffer has room (rd_json_write's callers
 * reserve ahead), else through rd_buf_add. */
static inline enum rd_err put(struct rd_buf *b, char c)
{
	if (b->len + 1 < b->cap) {
		b->data[b->len++] = c;
		b->data[b->len] = '\0';
		return RD_OK;
	}
	return rd_buf_add(b, &c, 1);
}

/* A json_int_t in decimal, as jansson's "%" JSON_INTEGER_FORMAT writes it. */
static enum rd_err integer(json_int_t v, struct rd_buf *b)
{
	char num[24], *p = num;
	if (v < 0)
		*p++ = '-';
	/* negated as unsigned, so that the most negative value works too */
	p = rd_put_uint(p, v < 0 ? 0ULL - (uint64_t)v : (uint64_t)v);
	return rd_buf_add(b, num, (size_t)(p - num));
}

struct member {
	const char *key;
	size_t klen;
	const json_t *v;
};

/* jansson's order for JSON_SORT_KEYS: the common bytes, then the length */
static int by_key(const void *a, const void *b)
{
	const struct member *x = a, *y = b;
	int c = memcmp(x->key, y->key, x->klen < y->klen ? x->klen : y->klen);
	return c ? c : (x->klen > y->klen) - (x->klen < y->klen);
}

static enum rd_err value(const json_t *v, struct rd_buf *b, size_t flags, int depth);

static enum rd_err member(const struct member *m, bool first, struct rd_buf *b, size_t flags, int depth)
{
	enum rd_err rc;
	if ((!first && (rc = put(b, ','))) || (rc = key(m->key, m->klen, b, flags)) || (rc = put(b, ':')))
		return rc;
	return value(m->v, b, flags, depth + 1);
}

/* An object's members in insertion order, or sorted (JSON_SORT_KEYS). */
static enum rd_err object(const json_t *v, struct rd_buf *b, size_t flags, int depth)
{
	enum rd_err rc;
	size_t n = json_object_size(v), k = 0;
	if ((rc = put(b, '{')))
		return rc;
	if (!(flags & JSON_SORT_KEYS) || n < 2) {
		for (void *it = json_object_iter((json_t *)v); it; it = json_object_iter_next((json_t *)v, it)) {
			struct member m = {json_object_iter_key(it), json_object_iter_key_len(it),
					   json_object_iter_value(it)};
			if ((rc = member(&m, k++ == 0, b, flags, depth)))
				return rc;
		}
		return put(b, '}');
	}
	struct member small[64], *ms = n <= 64 ? small : malloc(n * sizeof *ms);
	if (!ms)
		return RD_ENOMEM;
	for (void *it = json_object_iter((json_t *)v); it && k < n; it = json_object_iter_next((json_t *)v, it))
		ms[k++] = (struct member){json_object_iter_key(it), json_object_iter_key_len(it),
					  json_object_iter_value(it)};
	qsort(ms, k, sizeof *ms, by_key);
	for (size_t i = 0; i < k && !rc; i++)
		rc = member(&ms[i], i == 0, b, flags, depth);
	if (ms != small)
		free(ms);
	return rc ? rc : put(b, '}');
}

static enum rd_err value(const json_t *v, struct rd_buf *b, size_t flags, int depth)
{
	enum rd_err rc = RD_OK;
	switch (json_typeof(v)) {
	case JSON_OBJECT:
		if (depth >= MAX_DEPTH)
			return RD_EINVAL;
		return object(v, b, flags, depth);
	case JSON_ARRAY: {
		if (depth >= MAX_DEPTH)
			return RD_EINVAL;
		if ((rc = put(b, '[')))
			return rc;
		size_t n = json_array_size(v);
		for (size_t i = 0; i < n; i++)
			if ((i && (rc = put(b, ','))) || (rc = value(json_array_get(v, i), b, flags, depth + 1)))
				return rc;
		return put(b, ']');
	}
	case JSON_STRING:
		return string(v, b, flags);
	case JSON_INTEGER:
		return integer(json_integer_value(v), b);
	case JSON_TRUE:
		return rd_buf_add(b, "true", 4);
	case JSON_FALSE:
		return rd_buf_add(b, "false", 5);
	case JSON_NULL:
		return rd_buf_add(b, "null", 4);
	default: /* JSON_REAL */
		return scalar(v, b, flags);
	}
}

enum rd_err rd_json_write_flags(const json_t *j, struct rd_buf *b, size_t flags)
{
	if (!j || (!json_is_object(j) && !json_is_array(j)) || !(flags & JSON_COMPACT))
		return RD_EINVAL;
	return value(j, b, flags, 0);
}

enum rd_err rd_json_write(const json_t *j, struct rd_buf *b)
{
	return rd_json_write_flags(j, b, JSON_COMPACT | JSON_REAL_PRECISION(15));
}

char *rd_json_text(const json_t *j, size_t flags)
{
	struct rd_buf b = RD_BUF_INIT;
	if (rd_json_write_flags(j, &b, flags) == RD_OK && !b.oom)
		return b.data;
	rd_buf_free(&b);
	return json_dumps(j, flags);
}

/* rd_buf_add, copied in place while there is room (the layout adds a
 * few bytes at a time, hundreds of thousands of times in a long answer). */
static inline enum rd_err add(struct rd_buf *b, const char *s, size_t n)
{
	if (b->len + n < b->cap) {
		memcpy(b->data + b->len, s, n);
		b->len += n;
		b->data[b->len] = '\0';
		return RD_OK;
	}
	return rd_buf_add(b, s, n);
}

/* A newline and LEVEL levels of INDENT spaces. */
static enum rd_err indent_line(struct rd_buf *out, int indent, size_t level)
{
	static const char spaces[] = "                                ";
	enum rd_err rc = put(out, '\n');
	for (size_t k = level * (size_t)indent; !rc && k > 0;) {
		size_t m = k < sizeof spaces - 1 ? k : sizeof spaces - 1;
		rc = add(out, spaces, m);
		k -= m;
	}
	return rc;
}

/* The bytes rd_json_indent acts on outside strings. */
static const bool layout_byte[256] = {
	['"'] = true, ['{'] = true, ['}'] = true, ['['] = true, [']'] = true, [','] = true, [':'] = true,
};

enum rd_err rd_json_indent(const char *s, size_t n, int indent, struct rd_buf *out)
{
	size_t depth = 0;
	/* the layout adds about a byte for each of the text's */
	enum rd_err rc = rd_buf_reserve(out, n + n / 2);
	for (size_t i = 0; i < n && !rc; i++) {
		char ch = s[i];
		if (!layout_byte[(unsigned char)ch]) {
			/* a number, true, false, null: copied in one piece */
			size_t j = i + 1;
			while (j < n && !layout_byte[(unsigned char)s[j]])
				j++;
			rc = add(out, s + i, j - i);
			i = j - 1;
		} else if (ch == '"') {
			/* a string, escapes and all, copied as it is: it ends at
			 * the first quote after an even run of backslashes */
			size_t j = i + 1;
			for (;;) {
				const char *q = memchr(s + j, '"', n - j);
				if (!q)
					return RD_EINVAL;
				j = (size_t)(q - s);
				size_t k = j;
				while (k > i + 1 && s[k - 1] == '\\')
					k--;
				if ((j - k) % 2 == 0)
					break;
				j++;
			}
			rc = add(out, s + i, j + 1 - i);
			i = j;
		} else if (ch == '{' || ch == '[') {
			char close = ch == '{' ? '}' : ']';
			if (i + 1 < n && s[i + 1] == close) {   /* empty: {} or [] */
				rc = add(out, s + i, 2);
				i++;
				continue;
			}
			depth++;
			if (!(rc = put(out, ch)))
				rc = indent_line(out, indent, depth);
		} else if (ch == '}' || ch == ']') {
			if (depth == 0)
				return RD_EINVAL;
			depth--;
			if (!(rc = indent_line(out, indent, depth)))
				rc = put(out, ch);
		} else if (ch == ',') {
			if (!(rc = put(out, ',')))
				rc = indent_line(out, indent, depth);
		} else {   /* ':' */
			rc = add(out, ": ", 2);
		}
	}
	if (rc)
		return rc;
	return depth ? RD_EINVAL : RD_OK;
}

/* ---- streaming (struct rd_jw) ---- */

void rd_jw_init(struct rd_jw *w, struct rd_buf *b)
{
	w->b = b;
	w->err = RD_OK;
	w->comma = false;
	w->root = NULL;
	w->depth = 0;
	w->key = NULL;
}

void rd_jw_init_tree(struct rd_jw *w)
{
	rd_jw_init(w, NULL);
}

/* ---- the tree: the same calls building jansson values ---- */

/* Adds V (consumed; NULL: out of memory) where the tree is open: the
 * root, the next element, or the member of the key named last. */
static void tree_add(struct rd_jw *w, json_t *v)
{
	int rc = 0;
	if (w->err) {
		json_decref(v);
		return;
	}
	if (!v) {
		w->err = RD_ENOMEM;
		return;
	}
	if (w->depth == 0) {
		if (w->root) {
			json_decref(v);
			w->err = RD_EINVAL; /* a second value at the top */
			return;
		}
		w->root = v;
		return;
	}
	json_t *top = w->open[w->depth - 1];
	if (json_is_array(top)) {
		rc = json_array_append_new(top, v);
	} else if (w->key) {
		rc = json_object_set_new_nocheck(top, w->key, v); /* checked by tree_key */
	} else {
		json_decref(v);
		w->err = RD_EINVAL; /* a member without its key */
		return;
	}
	w->key = NULL;
	if (rc)
		w->err = RD_ENOMEM;
}

static void tree_open(struct rd_jw *w, json_t *c)
{
	if (!w->err && c && w->depth == RD_JW_DEPTH) {
		json_decref(c);
		w->err = RD_EINVAL;
		return;
	}
	tree_add(w, c);
	if (!w->err)
		w->open[w->depth++] = c; /* borrowed: its parent (or root) holds it */
}

static void tree_close(struct rd_jw *w)
{
	if (!w->err && w->depth > 0)
		w->depth--;
}

static void tree_key(struct rd_jw *w, const char *k)
{
	if (w->err)
		return;
	if (!rd_utf8_valid(k, strlen(k), NULL))
		w->err = RD_EINVAL;
	else
		w->key = k;
}

static void tree_strn(struct rd_jw *w, const char *s, size_t n)
{
	if (w->err)
		return;
	if (!rd_utf8_valid(s, n, NULL))
		w->err = RD_EINVAL;
	else
		tree_add(w, json_stringn_nocheck(s, n));
}

enum rd_err rd_jw_tree(struct rd_jw *w, json_t **out)
{
	*out = NULL;
	enum rd_err rc = w->b ? RD_EINVAL : w->err;
	if (rc == RD_OK && (!w->root || w->depth))
		rc = RD_EINVAL; /* nothing written, or a container left open */
	if (rc == RD_OK)
		*out = w->root;
	else
		json_decref(w->root);
	w->root = NULL;
	w->depth = 0;
	return rc;
}

/* Before a value or a key: the comma that separates it from the last. */
static bool jw_next(struct rd_jw *w)
{
	if (w->err)
		return false;
	if (w->comma && (w->err = put(w->b, ',')))
		return false;
	w->comma = true;
	return true;
}

static void jw_open(struct rd_jw *w, char c)
{
	if (jw_next(w)) {
		w->err = put(w->b, c);
		w->comma = false;
	}
}

static void jw_close(struct rd_jw *w, char c)
{
	if (!w->err)
		w->err = put(w->b, c);
	w->comma = true;
}

void rd_jw_obj(struct rd_jw *w)
{
	if (!w->b) {
		tree_open(w, json_object());
		return;
	}
	jw_open(w, '{');
}

void rd_jw_end_obj(struct rd_jw *w)
{
	if (!w->b) {
		tree_close(w);
		return;
	}
	jw_close(w, '}');
}

void rd_jw_arr(struct rd_jw *w)
{
	if (!w->b) {
		tree_open(w, json_array());
		return;
	}
	jw_open(w, '[');
}

void rd_jw_end_arr(struct rd_jw *w)
{
	if (!w->b) {
		tree_close(w);
		return;
	}
	jw_close(w, ']');
}

void rd_jw_key(struct rd_jw *w, const char *k)
{
	if (w->err)
		return;
	struct rd_buf *b = w->b;
	if (!b) {
		tree_key(w, k);
		return;
	}
	/* a key is nearly always a short plain literal: with room in the
	 * buffer, ,"key": is copied as it is checked, in one pass */
	if (b->data && b->cap - b->len > 40) {
		char *p = b->data + b->len, *start = p;
		size_t i = 0;
		if (w->comma)
			*p++ = ',';
		*p++ = '"';
		while (i < 32 && plain_byte[(unsigned char)k[i]]) {
			p[i] = k[i];
			i++;
		}
		if (!k[i]) {
			p += i;
			*p++ = '"';
			*p++ = ':';
			*p = '\0';
			b->len += (size_t)(p - start);
			w->comma = false;
			return;
		}
		*start = '\0'; /* not written: the buffer is as it was */
	}
	size_t n = strlen(k), i = 0;
	while (i < n && plain_byte[(unsigned char)k[i]])
		i++;
	if (i == n) {
		if ((w->err = rd_buf_reserve(w->b, n + 4)))
			return;
		char *p = w->b->data + w->b->len;
		if (w->comma)
			*p++ = ',';
		*p++ = '"';
		memcpy(p, k, n);
		p += n;
		*p++ = '"';
		*p++ = ':';
		*p = '\0';
		w->b->len = (size_t)(p - w->b->data);
	} else if (jw_next(w) && !(w->err = quoted(k, n, w->b))) {
		w->err = put(w->b, ':');
	}
	w->comma = false;
}

void rd_jw_strn(struct rd_jw *w, const char *s, size_t n)
{
	if (!w->b) {
		tree_strn(w, s, n);
		return;
	}
	if (jw_next(w))
		w->err = quoted(s, n, w->b);
}

void rd_jw_str(struct rd_jw *w, const char *s)
{
	if (!s) {
		rd_jw_null(w);
		return;
	}
	struct rd_buf *b = w->b;
	/* as rd_jw_key: a short plain string copied as it is checked */
	if (!w->err && b && b->data && b->cap - b->len > 72) {
		char *p = b->data + b->len, *start = p;
		size_t i = 0;
		if (w->comma)
			*p++ = ',';
		*p++ = '"';
		while (i < 64 && plain_byte[(unsigned char)s[i]]) {
			p[i] = s[i];
			i++;
		}
		if (!s[i]) {
			p += i;
			*p++ = '"';
			*p = '\0';
			b->len += (size_t)(p - start);
			w->comma = true;
			return;
		}
		*start = '\0'; /* not written: the buffer is as it was */
	}
	rd_jw_strn(w, s, strlen(s));
}

void rd_jw_int(struct rd_jw *w, int64_t v)
{
	if (!w->b) {
		tree_add(w, json_integer((json_int_t)v));
		return;
	}
	if (jw_next(w))
		w->err = integer((json_int_t)v, w->b);
}

void rd_jw_real(struct rd_jw *w, double v)
{
	if (!w->b) {
		if (!isfinite(v))
			w->err = w->err ? w->err : RD_EINVAL;
		else
			tree_add(w, json_real(v));
		return;
	}
	if (!jw_next(w))
		return;
	/* jansson writes "%.15g" (redress never sets a locale: the point is
	 * '.'), ".0" added when there is no point and no exponent; the common
	 * case, plain digits, is written here, anything else by jansson */
	char num[40];
	int len;
	/* a whole number of tenths (trust's points, its baseline) has at most
	 * 14 significant digits, which "%.15g" writes back exactly, without an
	 * exponent and without trailing zeros: its digits, written here */
	double m = v * 10.0;
	if (v != 0.0 && fabs(m) < 1e14 && m == nearbyint(m) && m / 10.0 == v) {
		uint64_t a = (uint64_t)fabs(m);
		char *p = num;
		if (v < 0)
			*p++ = '-';
		p = rd_put_uint(p, a / 10);
		*p++ = '.';
		*p++ = (char)('0' + a % 10); /* ".0": what jansson adds to a whole number */
		w->err = rd_buf_add(w->b, num, (size_t)(p - num));
		return;
	}
	len = isfinite(v) ? snprintf(num, sizeof num, "%.15g", v) : -1;
	if (len > 0 && len <= 30 && strspn(num, "-0123456789.") == (size_t)len) {
		if (!strchr(num, '.')) {
			memcpy(num + len, ".0", 3);
			len += 2;
		}
		w->err = rd_buf_add(w->b, num, (size_t)len);
		return;
	}
	json_t *r = json_real(v);
	w->err = r ? scalar(r, w->b, JSON_COMPACT | JSON_REAL_PRECISION(15)) : RD_EINVAL;
	json_decref(r);
}

void rd_jw_bool(struct rd_jw *w, bool v)
{
	if (!w->b) {
		tree_add(w, json_boolean(v));
		return;
	}
	if (jw_next(w))
		w->err = v ? rd_buf_add(w->b, "true", 4) : rd_buf_add(w->b, "false", 5);
}

void rd_jw_null(struct rd_jw *w)
{
	if (!w->b) {
		tree_add(w, json_null());
		return;
	}
	if (jw_next(w))
		w->err = rd_buf_add(w->b, "null", 4);
}

void rd_jw_json(struct rd_jw *w, const json_t *v)
{
	if (!w->b) {
		if (!v)
			w->err = w->err ? w->err : RD_EINVAL;
		else
			tree_add(w, json_deep_copy(v));
		return;
	}
	if (!jw_next(w))
		return;
	if (!v) {
		w->err = RD_EINVAL;
		return;
	}
	size_t at = w->b->len;
	size_t flags = JSON_COMPACT | JSON_REAL_PRECISION(15);
	enum rd_err rc = value(v, w->b, flags, 0);
	if (rc == RD_EINVAL && !w->b->oom) {
		/* what the writer leaves to jansson (a cycle, a string not UTF-8) */
		w->b->len = at;
		if (w->b->data)
			w->b->data[at] = '\0';
		size_t n = json_dumpb(v, NULL, 0, flags | JSON_ENCODE_ANY);
		if (n == 0)
			return (void)(w->err = RD_EINVAL);
		if (rd_buf_reserve(w->b, n))
			return (void)(w->err = RD_ENOMEM);
		if (json_dumpb(v, w->b->data + at, n, flags | JSON_ENCODE_ANY) != n)
			return (void)(w->err = RD_EINVAL);
		w->b->len = at + n;
		w->b->data[w->b->len] = '\0';
		rc = RD_OK;
	}
	w->err = rc;
}
