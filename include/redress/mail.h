/* mail.h — email in and out: building an RFC 5322 message with GMime,
 * handing it to an SMTP server with libcurl, and reading one that arrives
 * (an MTA piping a reply to `redress inbound`).
 *
 * Both libraries are loaded on first use (lib/util/dynlib.h), so commands
 * that never touch mail do not pay for linking them. Everything here is a
 * pure function of its arguments: settings (the SMTP URL, the From address)
 * are passed down by the caller, never read from the environment.
 * Ownership: `char **` outputs are malloc'd, the CALLER frees them;
 * `char **errmsg` as in err.h. */
#ifndef REDRESS_MAIL_H
#define REDRESS_MAIL_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "redress/err.h"

/* The largest message `redress inbound` and POST /api/inbound accept. */
#define RD_MAIL_INBOUND_MAX ((size_t)1 << 20)

/* One outgoing message. Strings are borrowed, UTF-8; NULL where optional. */
struct rd_mail {
	const char *from_name;        /* display name of From (may be NULL) */
	const char *from_addr;        /* From address (REDRESS_MAIL_FROM) */
	const char *reply_to;         /* Reply-To address, or NULL */
	const char *const *to;        /* recipient addresses */
	size_t n_to;
	const char *subject;
	const char *body;             /* text/plain, sent quoted-printable when not ASCII */
	const char *message_id;       /* without angle brackets */
	const char *in_reply_to;      /* "<id>" or NULL */
	const char *references;       /* "<id> <id>" or NULL */
	const char *kind;             /* X-Redress-Kind header, or NULL */
	int64_t date;                 /* Date, UTC seconds */
};

/* Builds M as a MIME message with CRLF line ends: *out (malloc'd) and *len.
 * RD_EINVAL when an address is not valid, RD_EIO when GMime cannot be
 * loaded. Thread-safe. */
enum rd_err rd_mail_build(const struct rd_mail *m, char **out, size_t *len, char **errmsg);

/* How a send ended, beyond the return code. */
struct rd_mail_result {
	int smtp_code;                /* last SMTP reply code (0: none); the HTTP status for a webhook */
	bool permanent;               /* retrying will not help (5xx, bad address) */
};

/* An SMTP connection kept open between sends of one sweep (opaque). */
struct rd_mail_conn;
void rd_mail_conn_free(struct rd_mail_conn *c);

/* Sends DATA[0..len) through the SMTP server at URL (smtp:// or smtps://,
 * credentials in the URL) from envelope sender FROM to TO[0..n_to).
 * RD_OK when the server accepted it; else RD_EIO with *errmsg naming the
 * server's answer and RES saying whether it was permanent. Waits at most
 * TIMEOUT_MS. CONN (may be NULL: one connection per call) keeps the
 * connection for the next call: *conn starts NULL, the CALLER frees it with
 * rd_mail_conn_free. One thread per CONN; libcurl runs without signals. */
enum rd_err rd_mail_send(const char *url, const char *from, const char *const *to, size_t n_to,
			 const char *data, size_t len, long timeout_ms, struct rd_mail_conn **conn,
			 struct rd_mail_result *res, char **errmsg);

/* RD_OK when URL parses (libcurl's URL parser) as http:// or https:// with
 * a host; else RD_EINVAL with *errmsg naming what is wrong. */
enum rd_err rd_http_url_check(const char *url, char **errmsg);

/* POSTs BODY[0..len) to URL with the N_HEADERS "Name: value" HEADERS
 * through libcurl (redirects not followed, the answer's body dropped),
 * waiting at most TIMEOUT_MS. RD_OK when an HTTP answer came back, whatever
 * its status (in *STATUS); RD_EIO when none did (refused, timed out). */
enum rd_err rd_http_post(const char *url, const char *const *headers, size_t n_headers, const char *body,
			 size_t len, long timeout_ms, long *status, char **errmsg);

/* True when ADDR looks like a deliverable address: local@domain, no spaces,
 * control characters, quotes, angle brackets, commas or semicolons. */
bool rd_mail_addr_valid(const char *addr);

/* RD_OK when URL is smtp://… or smtps://… with a host; else RD_EINVAL
 * naming WHAT ("--smtp-url", "REDRESS_SMTP_URL"). */
enum rd_err rd_mail_url_check(const char *url, const char *what, char **errmsg);

/* The reply address for TOKEN on FROM: "local+TOKEN@domain", malloc'd;
 * NULL when FROM is not an address. */
char *rd_mail_plus_address(const char *from, const char *token);

/* One message read by rd_mail_parse. Every string is malloc'd (or NULL). */
struct rd_mail_in {
	char *from;                   /* the sender's address */
	char **rcpts;                 /* To, Cc, Delivered-To and X-Original-To addresses */
	size_t n_rcpts;
	char *subject;
	char *message_id;
	char *in_reply_to;
	char *text;                   /* the first text/plain part, as UTF-8 */
};

/* Parses RAW[0..n) (at most RD_MAIL_INBOUND_MAX bytes). RD_EINVAL with a
 * message saying what is wrong: too big, not a message, no sender, no
 * text/plain part, a body that cannot be read as UTF-8 from its charset.
 * OUT is filled on success; free it with rd_mail_in_free (also after a
 * failure). */
enum rd_err rd_mail_parse(const char *raw, size_t n, struct rd_mail_in *out, char **errmsg);
void rd_mail_in_free(struct rd_mail_in *m);

#endif
