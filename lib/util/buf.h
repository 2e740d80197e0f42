/* buf.h — a growable byte buffer (always NUL-terminated) and small helpers
 * for files and UTF-8 that several modules need. Internal to libredress and
 * its tests. A struct rd_buf owns its bytes; rd_buf_free releases them. */
#ifndef REDRESS_UTIL_BUF_H
#define REDRESS_UTIL_BUF_H
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include "redress/err.h"

struct rd_buf {
	char *data;   /* NUL-terminated; NULL until the first append */
	size_t len;
	size_t cap;
	bool oom;     /* set once an allocation failed; later appends do nothing */
};

#define RD_BUF_INIT {NULL, 0, 0, false}

void rd_buf_free(struct rd_buf *b);
/* Appends; on allocation failure sets b->oom and returns RD_ENOMEM. */
enum rd_err rd_buf_add(struct rd_buf *b, const char *s, size_t n);
/* Makes room for N more bytes (and the NUL) in one allocation, so that a
 * writer that knows roughly how much comes (a JSON answer) does not grow
 * the buffer step by step; the bytes already there stay. */
enum rd_err rd_buf_reserve(struct rd_buf *b, size_t n);
enum rd_err rd_buf_adds(struct rd_buf *b, const char *s);
enum rd_err rd_buf_addc(struct rd_buf *b, char c);
enum rd_err rd_buf_addf(struct rd_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
enum rd_err rd_buf_vaddf(struct rd_buf *b, const char *fmt, va_list ap);
/* Appends s[0..n) escaped for HTML text and attribute values (& < > " ');
 * a NUL byte is dropped. */
enum rd_err rd_buf_add_html(struct rd_buf *b, const char *s, size_t n);
/* The same for a NUL-terminated S; NULL appends nothing. */
enum rd_err rd_buf_add_htmls(struct rd_buf *b, const char *s);
/* Appends S (may be NULL) percent-encoded for a URL query or path segment:
 * everything but A-Z a-z 0-9 - _ . ~ */
enum rd_err rd_buf_add_urlenc(struct rd_buf *b, const char *s);

/* Hands the bytes to the caller (who frees them) and resets b. Returns ""
 * copied when empty; NULL only on allocation failure. */
char *rd_buf_detach(struct rd_buf *b);

/* Reads a whole file. *out is malloc'd (CALLER frees), NUL-terminated.
 * RD_ENOTFOUND when it does not exist, RD_EIO on other failures. */
enum rd_err rd_file_read(const char *path, char **out, size_t *len, char **errmsg);
/* Reads a whole stream (stdin, a pipe) the same way. */
enum rd_err rd_stream_read(FILE *f, char **out, size_t *len, char **errmsg);

/* True if s[0..n) is well-formed UTF-8 (no overlongs, surrogates or values
 * past U+10FFFF). On false, *bad (if not NULL) is the offset of the first
 * bad byte. */
bool rd_utf8_valid(const char *s, size_t n, size_t *bad);

#endif
