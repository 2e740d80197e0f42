/* web_layout.h — helpers shared by the staff pages (web_*.c) and the client
 * portal (portal_*.c): the one HTML escaper, the page frame (head, nav,
 * footer), time and money formatting, form and path parameters, and the
 * response shortcuts (redirect, error page).
 *
 * The escaping rule: every value that did not come from a string literal in
 * our own source goes through rd_buf_add_html(s) (util/buf.h), or through
 * web_html's %s (which calls it). %R (raw) is only for HTML this file or a
 * page built itself. */
#ifndef REDRESS_SERVER_WEB_LAYOUT_H
#define REDRESS_SERVER_WEB_LAYOUT_H
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "page.h"
#include "redress/comm_kind.h"
#include "redress/err.h"
#include "util/buf.h"

/* A small printf for HTML. Conversions:
 *   %s  const char *, HTML-escaped (NULL reads as "")
 *   %U  const char *, percent-encoded for a URL query component
 *   %R  const char *, RAW: only literals and HTML built by these helpers
 *   %d  int
 *   %D  int64_t
 *   %%  a percent sign
 * There is no compiler check of the arguments: keep formats simple. */
void web_html(struct rd_buf *b, const char *fmt, ...);

/* ---- the page frame ---- */

/* Starts a staff page: doctype, head (TITLE escaped), the top bar with the
 * navigation (ACTIVE is the nav key to highlight: "agenda", "failures",
 * "clients", "compose", "log", "near-miss", "goodwill", "reports") and the user. */
void web_page_begin(const struct rd_page_req *q, struct rd_page_resp *r, const char *title,
		    const char *active);
/* Starts a portal page for CLIENT_NAME (no staff navigation). */
void web_portal_begin(const struct rd_page_req *q, struct rd_page_resp *r, const char *title,
		      const char *client_name);
/* Starts a page for someone not signed in (sign-in, password links): the
 * app's head and top bar without navigation, a narrow column. */
void web_public_begin(struct rd_page_resp *r, const char *title);
/* The same frame into a bare buffer (for the core's own pages). */
void web_public_head(struct rd_buf *b, const char *title);
/* A complete signed-out page: TITLE, TEXT and an optional LINK (all
 * escaped) in the app's layout. The core's message pages (errors.c) use
 * it, so "link not valid" and "too many attempts" look like the app. */
void web_message_page(struct rd_buf *b, const char *title, const char *text, const char *link,
		      const char *link_text);
/* Closes the page; EXTRA_JS (a file name under /static/, or NULL) is loaded
 * at the end of the body. */
void web_page_end(struct rd_page_resp *r, const char *extra_js);

/* The hidden CSRF field every form carries. */
void web_csrf(struct rd_buf *b, const struct rd_page_req *q);

/* An error banner (MSG escaped) — inline errors on forms. */
void web_flash_error(struct rd_buf *b, const char *msg);
/* A notice banner (MSG escaped). */
void web_flash_notice(struct rd_buf *b, const char *msg);

/* The success message of an action, shown once on the next page: a page
 * that changed something and redirects calls web_flash_set(r, "Message
 * logged.") before web_redirect; the core carries MSG (copied, cut at
 * WEB_FLASH_MAX bytes, page.h) in a short-lived cookie (rd_flash, 60 s, HttpOnly,
 * SameSite=Strict) to the next staff page, whose web_page_begin shows it in
 * a green banner (#flash, role=status, escaped) and which clears it.
 * Returns 0, or -1 out of memory. Only the server writes the cookie's
 * text, so a link cannot put words in the banner. */
int web_flash_set(struct rd_page_resp *r, const char *msg);

/* ---- responses ---- */

/* A 303 See Other to LOCATION (copied). Returns 0, or -1 out of memory. */
int web_redirect(struct rd_page_resp *r, const char *location);
/* A complete error page with STATUS and MSG (escaped). Staff frame when
 * q->actor is set, else the bare portal frame. Returns 0. */
int web_error_page(const struct rd_page_req *q, struct rd_page_resp *r, int status, const char *msg);
/* 404, with a message that gives nothing away (the portal uses it for
 * "exists but is not yours" too). */
int web_not_found(const struct rd_page_req *q, struct rd_page_resp *r);
/* A page whose reads failed with RC: 503 with "busy: try again" for a busy
 * database (the core adds Retry-After), else 500 with MSG. Returns 0. */
int web_read_failed(const struct rd_page_req *q, struct rd_page_resp *r, enum rd_err rc, const char *msg);
/* The HTTP status for a library error: EINVAL 422, ENOTFOUND 404, EPERM 403,
 * ESTATE and EEXIST 409, EBUSY 503, anything else 500. */
int web_status_for(enum rd_err rc);
/* The message a form shows for a failed write RC: the library's ERR (or
 * FALLBACK), except a busy database, which gets a plain "try again". */
const char *web_err_text(enum rd_err rc, const char *err, const char *fallback);
/* What a page function returns: 0, or -1 when the body ran out of memory. */
int web_done(struct rd_page_resp *r);

/* ---- request values ---- */

/* Path segment IDX as a positive id; false when absent or not a number. */
bool web_param_id(const struct rd_page_req *q, int idx, int64_t *out);
/* Form / query field KEY as a string, or NULL when absent. Borrowed. */
const char *web_form(const struct rd_page_req *q, const char *key);
const char *web_query(const struct rd_page_req *q, const char *key);
/* Form field as a trimmed non-empty string, or NULL. */
const char *web_form_nonempty(const struct rd_page_req *q, const char *key);
/* Parses a decimal id ("12", "#12"); false otherwise. */
bool web_parse_id(const char *s, int64_t *out);

/* ---- JSON records ---- */

/* Field K of object O as a string (NULL when missing or not a string). */
const char *web_jstr(json_t *o, const char *k);
/* Field K as an integer (0 when missing or not an integer). */
int64_t web_jint(json_t *o, const char *k);
/* Field K (an ISO 8601 string as records carry times) as epoch seconds;
 * 0 when missing or null. */
int64_t web_jtime(json_t *o, const char *k);

/* ---- formatting ---- */

/* <time datetime="…">Mon 23 Nov 2026, 10:00 CET</time> in zone TZ (NULL =
 * UTC); "—" when T is 0. */
void web_time(struct rd_buf *b, int64_t t, const char *tz);
/* The one rule for times on staff pages: a time is shown, and a form's
 * date-time read, in the viewer's zone, web_viewer_tz(): the signed-in
 * user's zone (users.tz, `redress user add/update --tz`), else the desk's
 * default, WEB_DESK_TZ. A time that concerns a client carries the client's
 * local time in its title (on hover): <time datetime="…" title="Northwind’s
 * time: Mon 23 Nov 2026, 11:00 CET">Mon 23 Nov 2026, 10:00 UTC</time>.
 * CLIENT_TZ NULL or unknown: no title. The portal shows the client's zone
 * only. web_time with TZ NULL also uses the viewer's zone. */
#define WEB_DESK_TZ "UTC"
/* The router sets the zone for the request this thread is serving (a
 * thread-local: each worker thread serves one request at a time, so no
 * zone is shared between threads; page code never sets it). TZ NULL,
 * empty or not a known zone: WEB_DESK_TZ. */
void web_viewer_tz_set(const char *tz);
/* Sets it to ACTOR's zone (users.tz; NULL actor, a portal visitor, or a
 * user without one: the desk's). */
void web_viewer_tz_for(struct rd_store *s, const struct rd_actor *actor);
const char *web_viewer_tz(void);
void web_time_for(struct rd_buf *b, int64_t t, const char *client_tz, const char *client_name);
/* "in 3 h", "2 d ago", "now" — relative to NOW. */
void web_rel(struct rd_buf *b, int64_t t, int64_t now);
/* <span class="badge CLS">TEXT</span>, both escaped. */
void web_badge(struct rd_buf *b, const char *cls, const char *text);
/* A money amount ("4500.00" as records carry it) with its currency. */
void web_money(struct rd_buf *b, const char *amount, const char *currency);
/* Text with line breaks kept (escaped, \n becomes <br>). */
void web_text_block(struct rd_buf *b, const char *s);
/* A <select> named NAME offering the NULL-terminated VALUES, with SELECTED
 * (may be NULL) chosen; EMPTY_LABEL, if not NULL, adds an empty first option. */
void web_select(struct rd_buf *b, const char *name, const char *const *values, const char *selected,
		const char *empty_label);

/* ---- names for ids (staff pages only: they name other clients) ---- */

struct web_names {
	json_t *users;    /* "id" → user record */
	json_t *clients;  /* "id" → client record */
};

/* Loads every user and client (small tables). Free with web_names_free. */
enum rd_err web_names_load(struct rd_store *s, struct web_names *n);
void web_names_free(struct web_names *n);
/* web_names_load for a page: true when loaded, else the page is already the
 * read-failed answer (web_read_failed) and the caller returns web_done. */
bool web_names_ready(const struct rd_page_req *q, struct rd_page_resp *r, struct web_names *n);
/* The user's / client's record, or NULL. Borrowed. */
json_t *web_user(const struct web_names *n, int64_t id);
json_t *web_client(const struct web_names *n, int64_t id);
/* The user's name (or "—"). Borrowed. */
const char *web_user_name(const struct web_names *n, int64_t id);
const char *web_client_name(const struct web_names *n, int64_t id);

/* Lists records of ENTITY matching FILTER (borrowed, may be NULL) into a new
 * array *out. */
enum rd_err web_list(struct rd_store *s, const char *entity, json_t *filter, json_t **out);

/* "Apology", "Root-cause update"… for a kind (the clock's step titles);
 * "Other" for anything else. */
const char *web_kind_title(const char *kind);
/* The staff user with EMAIL, or NULL. Borrowed. */
json_t *web_user_by_email(const struct web_names *n, const char *email);

#endif
