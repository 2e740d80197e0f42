/* mime.h — decoding a MIME message (multipart, quoted-printable, base64,
 * charsets) to its text/plain body with GMime, loaded on first use
 * (lib/util/dynlib.h) so that commands which never read MIME do not pay
 * for linking GLib. Internal to lib/check (archive.c). */
#ifndef REDRESS_CHECK_MIME_H
#define REDRESS_CHECK_MIME_H
#include <stddef.h>

#include "redress/err.h"

/* Parses the message RAW[0..n) (headers and body) and returns NEW strings the
 * CALLER frees: the first text/plain part not marked as an attachment,
 * decoded to UTF-8 (*text, *len), and the decoded Subject, Message-ID and
 * X-Redress-Kind headers (each NULL when absent). RD_EINVAL when the message
 * has no text/plain part or cannot be parsed, RD_EIO when GMime cannot be
 * loaded; *errmsg (CALLER frees) says which. Call from one thread at a time. */
enum rd_err ck_mime_decode(const char *raw, size_t n, char **text, size_t *len, char **subject,
			   char **msgid, char **kind, char **errmsg);

#endif
