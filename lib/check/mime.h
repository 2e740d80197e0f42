/* mime.h — decoding a MIME message (multipart, quoted-printable, base64,
 * charsets) to its text/plain body with GMime, loaded on first use
 * (lib/util/dynlib.h) so that commands which never read MIME do not pay
 * for linking GLib. Internal to lib/check (archive.c). */
#ifndef REDRESS_CHECK_MIME_H
#define REDRESS_CHECK_MIME_H
#include <stdbool.h>
#include <stddef.h>

#include "redress/err.h"

/* Parses the MIME entity RAW[0..n) (its Content-* headers, a blank line and
 * its body: archive.c hands over a message's MIME headers only) and returns
 * in *text (NEW, CALLER frees; *len bytes) the first text/plain part not
 * marked as an attachment, decoded to UTF-8. RD_EINVAL when it has no
 * text/plain part or cannot be parsed, RD_EIO when GMime cannot be loaded;
 * *errmsg (CALLER frees) says which. Keeps one GMime parser, memory stream
 * and buffer per calling thread (a few KB; freed when the thread exits). */
enum rd_err ck_mime_decode(const char *raw, size_t n, char **text, size_t *len, char **errmsg);

/* ck_mime_decode with DIRECT chosen: true (what ck_mime_decode does) reads
 * the part's content and decodes it with GMime's decoder steps wherever that
 * gives the same bytes as g_mime_text_part_get_text, false always asks
 * get_text — the reference tests/unit/check/mime_test.c holds it to. */
enum rd_err ck_mime_decode_with(const char *raw, size_t n, bool direct, char **text, size_t *len,
				char **errmsg);

/* The body of a single-part text/plain message in CTE ("quoted-printable",
 * "base64", "7bit", "8bit" or NULL) and CHARSET (NULL: UTF-8): decoded with
 * GMime's decoders and converted to UTF-8 with iconv — no message object,
 * five times cheaper than ck_mime_decode. *text is NEW (CALLER frees).
 * RD_EINVAL for an unknown charset or bytes not in it, RD_EIO when GMime
 * cannot be loaded. */
enum rd_err ck_mime_decode_body(const char *body, size_t n, const char *cte, const char *charset,
				char **text, size_t *len, char **errmsg);
/* A header value with RFC 2047 encoded words ("=?utf-8?q?Caf=C3=A9?=")
 * decoded to UTF-8: a NEW string (CALLER frees), NULL on failure. */
char *ck_mime_header_text(const char *value);

#endif
