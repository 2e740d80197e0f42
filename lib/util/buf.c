/* buf.c — growable buffers, whole-file reads and UTF-8 validation: the
 * string plumbing shared by the store, the checker and the server. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"

void rd_buf_free(struct rd_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
	b->oom = false;
}

static enum rd_err grow(struct rd_buf *b, size_t extra)
{
	if (b->oom)
		return RD_ENOMEM;
	if (b->len + extra + 1 <= b->cap)
		return RD_OK;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < b->len + extra + 1) {
		if (cap > ((size_t)-1) / 2) {
			b->oom = true;
			return RD_ENOMEM;
		}
		cap *= 2;
	}
	char *p = realloc(b->data, cap);
	if (!p) {
		b->oom = true;
		return RD_ENOMEM;
	}
	b->data = p;
	b->cap = cap;
	return RD_OK;
}

enum rd_err rd_buf_add(struct rd_buf *b, const char *s, size_t n)
{
	if (grow(b, n))
		return RD_ENOMEM;
	if (n)
		memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
	return RD_OK;
}

enum rd_err rd_buf_reserve(struct rd_buf *b, size_t n)
{
	if (grow(b, n))
		return RD_ENOMEM;
	b->data[b->len] = '\0';
	return RD_OK;
}

enum rd_err rd_buf_adds(struct rd_buf *b, const char *s)
{
	return rd_buf_add(b, s, strlen(s));
}

enum rd_err rd_buf_addc(struct rd_buf *b, char c)
{
	return rd_buf_add(b, &c, 1);
}

enum rd_err rd_buf_vaddf(struct rd_buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	va_copy(cp, ap);
	int n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		return RD_EINVAL;
	if (grow(b, (size_t)n))
		return RD_ENOMEM;
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
	return RD_OK;
}

enum rd_err rd_buf_addf(struct rd_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	enum rd_err rc = rd_buf_vaddf(b, fmt, ap);
	va_end(ap);
	return rc;
}

enum rd_err rd_buf_add_html(struct rd_buf *b, const char *s, size_t n)
{
	size_t start = 0;
	for (size_t i = 0; i < n; i++) {
		const char *rep;
		switch (s[i]) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		case '\0': rep = ""; break; /* never emit a NUL into HTML */
		default: continue;
		}
		rd_buf_add(b, s + start, i - start);
		rd_buf_adds(b, rep);
		start = i + 1;
	}
	return rd_buf_add(b, s + start, n - start);
}

enum rd_err rd_buf_add_htmls(struct rd_buf *b, const char *s)
{
	return s ? rd_buf_add_html(b, s, strlen(s)) : RD_OK;
}

enum rd_err rd_buf_add_urlenc(struct rd_buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    *p == '-' || *p == '_' || *p == '.' || *p == '~') {
			rd_buf_addc(b, (char)*p);
		} else {
			char e[3] = {'%', hex[*p >> 4], hex[*p & 15]};
			rd_buf_add(b, e, 3);
		}
	}
	return b->oom ? RD_ENOMEM : RD_OK;
}

char *rd_buf_detach(struct rd_buf *b)
{
	if (b->oom) {
		rd_buf_free(b);
		return NULL;
	}
	char *p = b->data;
	if (!p)
		p = strdup("");
	b->data = NULL;
	b->len = b->cap = 0;
	return p;
}

enum rd_err rd_stream_read(FILE *f, char **out, size_t *len, char **errmsg)
{
	struct rd_buf b = RD_BUF_INIT;
	char chunk[65536];
	size_t n;
	*out = NULL;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		if (rd_buf_add(&b, chunk, n)) {
			rd_buf_free(&b);
			return rd_fail(RD_ENOMEM, errmsg, "out of memory reading input");
		}
	}
	if (ferror(f)) {
		rd_buf_free(&b);
		return rd_fail(RD_EIO, errmsg, "read failed: %s", strerror(errno));
	}
	size_t l = b.len;
	*out = rd_buf_detach(&b);
	if (!*out)
		return rd_fail(RD_ENOMEM, errmsg, "out of memory reading input");
	if (len)
		*len = l;
	return RD_OK;
}

enum rd_err rd_file_read(const char *path, char **out, size_t *len, char **errmsg)
{
	*out = NULL;
	FILE *f = fopen(path, "rb");
	if (!f) {
		if (errno == ENOENT)
			return rd_fail(RD_ENOTFOUND, errmsg, "%s: no such file", path);
		return rd_fail(RD_EIO, errmsg, "%s: %s", path, strerror(errno));
	}
	enum rd_err rc = rd_stream_read(f, out, len, errmsg);
	fclose(f);
	return rc;
}

bool rd_utf8_valid(const char *str, size_t n, size_t *bad)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;
	while (i < n) {
		unsigned c = s[i];
		size_t need;
		unsigned cp;
		if (c < 0x80) {
			/* ASCII runs (most text) eight bytes at a time */
			for (i++; n - i >= 8; i += 8) {
				uint64_t x;
				memcpy(&x, s + i, 8);
				if (x & 0x8080808080808080u)
					break;
			}
			continue;
		} else if (c >= 0xC2 && c <= 0xDF) {
			need = 1;
			cp = c & 0x1F;
		} else if (c >= 0xE0 && c <= 0xEF) {
			need = 2;
			cp = c & 0x0F;
		} else if (c >= 0xF0 && c <= 0xF4) {
			need = 3;
			cp = c & 0x07;
		} else {
			goto bad;
		}
		for (size_t k = 1; k <= need; k++) {
			if (i + k >= n || (s[i + k] & 0xC0) != 0x80)
				goto bad;
			cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		if ((need == 2 && cp < 0x800) || (need == 3 && cp < 0x10000) ||
		    cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			goto bad;
		i += need + 1;
	}
	return true;
bad:
	if (bad)
		*bad = i;
	return false;
}
