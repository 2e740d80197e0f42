/* web_layout.c — the shared HTML layer of the staff web app and the client
 * portal: one escaper that every page uses, the page frame, formatting of
 * times and money, and request/response shortcuts (see web_layout.h).
 *
 * Keeping the escaper and the frame in one file means an audit of "is every
 * value escaped?" starts and ends here plus a grep for %R in the pages. */
#include <ctype.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "redress/clock.h"
#include "redress/model.h"
#include "redress/policy.h"
#include "redress/room.h"
#include "redress/time.h"
#include "web_layout.h"

void web_html(struct rd_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	const char *p = fmt, *lit = fmt;
	while (*p) {
		if (*p != '%') {
			p++;
			continue;
		}
		rd_buf_add(b, lit, (size_t)(p - lit));
		switch (p[1]) {
		case 's': rd_buf_add_htmls(b, va_arg(ap, const char *)); break;
		case 'U': rd_buf_add_urlenc(b, va_arg(ap, const char *)); break;
		case 'R': {
			const char *raw = va_arg(ap, const char *);
			if (raw)
				rd_buf_adds(b, raw);
			break;
		}
		case 'd': rd_buf_addf(b, "%d", va_arg(ap, int)); break;
		case 'D': rd_buf_addf(b, "%" PRId64, va_arg(ap, int64_t)); break;
		case '%': rd_buf_addc(b, '%'); break;
		default:
			/* An unknown conversion is a programming error; emit nothing
			 * rather than guess at the argument's type. */
			va_end(ap);
			return;
		}
		p += 2;
		lit = p;
	}
	rd_buf_add(b, lit, (size_t)(p - lit));
	va_end(ap);
}

/* ---- frame ---- */

static const struct {
	const char *key, *href, *label;
	enum rd_role min;
} nav[] = {
	{"agenda", "/", "Agenda", RD_ROLE_VIEWER},
	{"failures", "/failures", "Failures", RD_ROLE_VIEWER},
	{"clients", "/clients", "Clients", RD_ROLE_VIEWER},
	{"compose", "/compose", "Compose", RD_ROLE_AGENT},
	{"log", "/log", "Log a call", RD_ROLE_AGENT},
	{"goodwill", "/goodwill", "Goodwill", RD_ROLE_VIEWER},
	{"near-miss", "/near-misses", "Near miss", RD_ROLE_VIEWER},
	{"reports", "/reports", "Reports", RD_ROLE_VIEWER},
	{"outbox", "/outbox", "Outbox", RD_ROLE_MANAGER},
	{"users", "/admin/users", "Users", RD_ROLE_ADMIN},
};

static void head_css(struct rd_buf *b, const char *title, const char *body_class, const char *css)
{
	web_html(b,
		"<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
		"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		"<title>%s · redress</title>\n"
		"<link rel=\"stylesheet\" href=\"%R\">\n"
		"%R</head>\n<body class=\"%s\">\n", title, css,
		/* a static portal copy (relative app.css) has no server to ask */
		strcmp(css, "app.css") == 0 ? "" : "<link rel=\"icon\" href=\"/static/favicon.svg\" type=\"image/svg+xml\">\n",
		body_class);
}

static void head(struct rd_buf *b, const char *title, const char *body_class)
{
	head_css(b, title, body_class, "/static/app.css");
}

void web_page_begin(const struct rd_page_req *q, struct rd_page_resp *r, const char *title,
		    const char *active)
{
	struct rd_buf *b = &r->body;
	r->content_type = "text/html; charset=utf-8";
	head(b, title, "staff");
	rd_buf_adds(b, "<header class=\"topbar\">\n<a class=\"brand\" href=\"/\">redress</a>\n"
		       "<input type=\"checkbox\" id=\"navtoggle\" class=\"navtoggle\" aria-label=\"Menu\">"
		       "<label for=\"navtoggle\" class=\"navbutton\" aria-hidden=\"true\">☰</label>\n"
		       "<nav class=\"mainnav\">\n");
	for (size_t i = 0; i < sizeof nav / sizeof nav[0]; i++) {
		if (q->actor && q->actor->role < nav[i].min)
			continue;
		bool on = active && strcmp(active, nav[i].key) == 0;
		web_html(b, "<a href=\"%R\"%R>%R</a>\n", nav[i].href,
			 on ? " class=\"active\" aria-current=\"page\"" : "", nav[i].label);
	}
	rd_buf_adds(b, "</nav>\n");
	if (q->actor) {
		web_html(b, "<form class=\"whoami\" method=\"post\" action=\"/logout\">"
			    "<span title=\"%s\">%s</span>", rd_role_name(q->actor->role), q->actor->label);
		web_csrf(b, q);
		rd_buf_adds(b, "<button class=\"link\" type=\"submit\">Sign out</button></form>\n");
	}
	rd_buf_adds(b, "</header>\n<main class=\"page\">\n");
	if (q->flash && *q->flash)
		web_html(b, "<div class=\"flash success\" role=\"status\" id=\"flash\">%s</div>\n", q->flash);
}

int web_flash_set(struct rd_page_resp *r, const char *msg)
{
	free(r->flash);
	r->flash = msg ? strndup(msg, WEB_FLASH_MAX) : NULL;
	return msg && !r->flash ? -1 : 0;
}

void web_portal_begin(const struct rd_page_req *q, struct rd_page_resp *r, const char *title,
		      const char *client_name)
{
	struct rd_buf *b = &r->body;
	r->content_type = "text/html; charset=utf-8";
	if (q->static_copy_at) {
		/* a static copy (redress export site): relative links, no forms */
		head_css(b, title, "portal", "app.css");
		web_html(b, "<header class=\"topbar portalbar\">\n<a class=\"brand\" href=\"index.html\">"
			    "Service recovery</a>\n<span class=\"who\">%s</span>\n</header>\n<main class=\"page\">\n"
			    "<div class=\"flash notice\" role=\"status\" id=\"static-copy\">This is a copy of your "
			    "service status as of ", client_name ? client_name : "");
		web_time(b, q->static_copy_at, "UTC");
		rd_buf_adds(b, ", kept for you while the live portal is down. It cannot take questions or "
			       "survey answers; your point person can.</div>\n");
		return;
	}
	head(b, title, "portal");
	web_html(b, "<header class=\"topbar portalbar\">\n<a class=\"brand\" href=\"/portal/\">"
		    "Service recovery</a>\n<span class=\"who\">%s</span>\n", client_name ? client_name : "");
	if (q->csrf_token && q->portal_client_id > 0) {
		rd_buf_adds(b, "<form class=\"whoami\" method=\"post\" action=\"/portal/logout\">");
		web_csrf(b, q);
		rd_buf_adds(b, "<button class=\"link\" type=\"submit\">Sign out</button></form>\n");
	}
	rd_buf_adds(b, "</header>\n<main class=\"page\">\n");
}

void web_public_begin(struct rd_page_resp *r, const char *title)
{
	struct rd_buf *b = &r->body;
	r->content_type = "text/html; charset=utf-8";
	web_public_head(b, title);
}

void web_public_head(struct rd_buf *b, const char *title)
{
	head(b, title, "login");
	rd_buf_adds(b, "<header class=\"topbar\">\n<a class=\"brand\" href=\"/\">redress</a>\n</header>\n"
		       "<main class=\"page narrow\">\n");
}

void web_message_page(struct rd_buf *b, const char *title, const char *text, const char *link,
		      const char *link_text)
{
	web_public_head(b, title);
	web_html(b, "<section class=\"card\"><h1>%s</h1><p>%s</p>\n", title, text);
	if (link)
		web_html(b, "<p><a href=\"%s\">%s</a></p>\n", link, link_text ? link_text : link);
	rd_buf_adds(b, "</section>\n</main>\n</body>\n</html>\n");
}

void web_page_end(struct rd_page_resp *r, const char *extra_js)
{
	struct rd_buf *b = &r->body;
	rd_buf_adds(b, "</main>\n");
	if (extra_js)
		web_html(b, "<script src=\"/static/%R\" defer></script>\n", extra_js);
	rd_buf_adds(b, "</body>\n</html>\n");
}

void web_csrf(struct rd_buf *b, const struct rd_page_req *q)
{
	web_html(b, "<input type=\"hidden\" name=\"csrf\" value=\"%s\">", q->csrf_token);
}

void web_flash_error(struct rd_buf *b, const char *msg)
{
	web_html(b, "<div class=\"flash error\" role=\"alert\">%s</div>\n", msg);
}

void web_flash_notice(struct rd_buf *b, const char *msg)
{
	web_html(b, "<div class=\"flash notice\" role=\"status\">%s</div>\n", msg);
}

/* ---- responses ---- */

int web_done(struct rd_page_resp *r)
{
	return r->body.oom ? -1 : 0;
}

int web_redirect(struct rd_page_resp *r, const char *location)
{
	free(r->location);
	r->location = strdup(location);
	r->status = 303;
	return r->location ? 0 : -1;
}

int web_status_for(enum rd_err rc)
{
	switch (rc) {
	case RD_OK: return 200;
	case RD_EINVAL: return 422;
	case RD_ENOTFOUND: return 404;
	case RD_EPERM: return 403;
	case RD_ESTATE:
	case RD_EEXIST: return 409;
	case RD_EBUSY: return 503; /* the core adds Retry-After */
	default: return 500;
	}
}

const char *web_err_text(enum rd_err rc, const char *err, const char *fallback)
{
	if (rc == RD_EBUSY)
		return "The database is busy with another program, so nothing was saved. "
		       "Try again in a moment.";
	return err && *err ? err : fallback;
}

int web_read_failed(const struct rd_page_req *q, struct rd_page_resp *r, enum rd_err rc, const char *msg)
{
	/* the library reports most store failures as RD_EDB: the store knows
	 * whether the cause was a lock held past the busy timeout */
	if (rc == RD_EBUSY || (rc == RD_EDB && q->store && rd_store_last_failure(q->store) == RD_EBUSY))
		return web_error_page(q, r, 503, "The database is busy with another program. "
						 "Try again in a moment.");
	if (rc == RD_EDB && q->store && !rd_store_reachable(q->store))
		return web_error_page(q, r, 503, "The database cannot be reached just now. "
						 "Try again in a moment.");
	return web_error_page(q, r, 500, msg);
}

int web_error_page(const struct rd_page_req *q, struct rd_page_resp *r, int status, const char *msg)
{
	rd_buf_free(&r->body);
	r->status = status;
	const char *title = status == 404 ? "Not found" : status == 403 ? "Not allowed" :
			    status == 503 ? "Busy: try again" : "Something went wrong";
	if (q->actor)
		web_page_begin(q, r, title, NULL);
	else
		web_portal_begin(q, r, title, NULL);
	web_html(&r->body, "<section class=\"card\"><h1>%s</h1><p>%s</p>"
			   "<p><a href=\"%R\">Back to the start</a></p></section>\n",
		 title, msg, q->actor ? "/" : "/portal/");
	web_page_end(r, NULL);
	return web_done(r);
}

int web_not_found(const struct rd_page_req *q, struct rd_page_resp *r)
{
	return web_error_page(q, r, 404, "There is nothing here. The link may be wrong or out of date.");
}

/* ---- request values ---- */

static int hexdigit(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = tolower(c);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* True when S, as given or after percent-decoding (repeatedly: a browser
 * or proxy may decode again), is a path on this site: one leading '/',
 * never "//" or "/\" (another host to a browser), and no control character
 * or backslash anywhere ("/\t/evil" is "//evil" once a browser drops the
 * tab). */
static bool local_path(const char *s)
{
	char buf[2048];
	size_t n = strlen(s);
	if (n >= sizeof buf)
		return false;
	memcpy(buf, s, n + 1);
	for (int round = 0; round < 4; round++) {
		if (buf[0] != '/' || buf[1] == '/' || buf[1] == '\\')
			return false;
		bool pct = false;
		for (const unsigned char *p = (const unsigned char *)buf; *p; p++) {
			if (*p < 0x20 || *p == 0x7f || *p == '\\')
				return false;
			pct |= *p == '%';
		}
		if (!pct)
			return true;
		char *o = buf;
		for (const char *p = buf; *p; p++) {
			int h, l;
			if (*p == '%' && (h = hexdigit((unsigned char)p[1])) >= 0 && (l = hexdigit((unsigned char)p[2])) >= 0) {
				*o++ = (char)(h * 16 + l);
				p += 2;
			} else {
				*o++ = *p;
			}
		}
		*o = '\0';
	}
	return false; /* still encoded after four rounds: not a path anyone needs */
}

const char *rd_safe_next(const char *next, const char *dflt)
{
	return next && local_path(next) ? next : dflt;
}


bool web_parse_id(const char *s, int64_t *out)
{
	if (!s)
		return false;
	if (*s == '#')
		s++;
	if (!*s || strlen(s) > 18)
		return false;
	int64_t v = 0;
	for (const char *p = s; *p; p++) {
		if (!isdigit((unsigned char)*p))
			return false;
		v = v * 10 + (*p - '0');
	}
	if (v <= 0)
		return false;
	*out = v;
	return true;
}

bool web_param_id(const struct rd_page_req *q, int idx, int64_t *out)
{
	if (idx < 0 || idx >= 4)
		return false;
	return web_parse_id(q->params[idx], out);
}

static const char *obj_str(json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

const char *web_form(const struct rd_page_req *q, const char *key)
{
	return obj_str(q->form, key);
}

const char *web_query(const struct rd_page_req *q, const char *key)
{
	return obj_str(q->query, key);
}

const char *web_form_nonempty(const struct rd_page_req *q, const char *key)
{
	const char *v = web_form(q, key);
	if (!v)
		return NULL;
	for (const char *p = v; *p; p++)
		if (!isspace((unsigned char)*p))
			return v;
	return NULL;
}

/* ---- JSON ---- */

const char *web_jstr(json_t *o, const char *k)
{
	return json_string_value(json_object_get(o, k));
}

int64_t web_jint(json_t *o, const char *k)
{
	return (int64_t)json_integer_value(json_object_get(o, k));
}

int64_t web_jtime(json_t *o, const char *k)
{
	json_t *v = json_object_get(o, k);
	if (json_is_integer(v))
		return json_integer_value(v);
	int64_t t = 0;
	if (json_is_string(v) && rd_time_parse(json_string_value(v), &t, NULL) == RD_OK)
		return t;
	return 0;
}

/* ---- formatting ---- */

/* "Mon 23 Nov 2026, 10:00 CET" for T in TZ (NULL = UTC) into SHOWN; false
 * when the zone is unknown even as UTC. */
static _Thread_local char viewer_tz[64] = WEB_DESK_TZ;

void web_viewer_tz_set(const char *tz)
{
	if (!tz || !*tz || strlen(tz) >= sizeof viewer_tz || !rd_tz_valid(tz))
		tz = WEB_DESK_TZ;
	snprintf(viewer_tz, sizeof viewer_tz, "%s", tz);
}

void web_viewer_tz_for(struct rd_store *s, const struct rd_actor *actor)
{
	json_t *u = NULL;
	if (actor && actor->user_id && rd_record_get(s, "user", actor->user_id, &u, NULL) != RD_OK)
		u = NULL; /* unreadable: the desk's zone, the page says what failed */
	web_viewer_tz_set(json_string_value(json_object_get(u, "tz")));
	json_decref(u);
}

const char *web_viewer_tz(void)
{
	return viewer_tz;
}

static bool local_text(int64_t t, const char *tz, char shown[80])
{
	struct tm tm;
	long off = 0;
	if (!tz || !*tz)
		tz = viewer_tz;
	shown[0] = '\0';
	if (rd_time_local(t, tz, &tm, &off) != RD_OK && rd_time_local(t, "UTC", &tm, &off) != RD_OK)
		return false;
	size_t n = strftime(shown, 80, "%a %d %b %Y, %H:%M", &tm);
	/* The zone's abbreviation when the zone database has a real one, else
	 * the numeric offset ("+0545"). */
	const char *abbr = tm.tm_zone;
	if (abbr && (isalpha((unsigned char)abbr[0])) && n + 8 < 80)
		snprintf(shown + n, 80 - n, " %s", abbr);
	else if (n + 8 < 80)
		snprintf(shown + n, 80 - n, " %c%02ld%02ld", off < 0 ? '-' : '+', labs(off) / 3600,
			 labs(off) % 3600 / 60);
	return true;
}

void web_time(struct rd_buf *b, int64_t t, const char *tz)
{
	if (!t) {
		rd_buf_adds(b, "<span class=\"muted\">—</span>");
		return;
	}
	char iso[RD_TIME_BUFSZ], shown[80];
	rd_time_format(t, iso);
	web_html(b, "<time datetime=\"%s\">%s</time>", iso, local_text(t, tz, shown) ? shown : iso);
}

void web_time_for(struct rd_buf *b, int64_t t, const char *client_tz, const char *client_name)
{
	if (!t) {
		rd_buf_adds(b, "<span class=\"muted\">—</span>");
		return;
	}
	char iso[RD_TIME_BUFSZ], shown[80], theirs[80];
	rd_time_format(t, iso);
	if (!local_text(t, viewer_tz, shown))
		snprintf(shown, sizeof shown, "%s", iso);
	if (!client_tz || !*client_tz || !local_text(t, client_tz, theirs)) {
		web_html(b, "<time datetime=\"%s\">%s</time>", iso, shown);
		return;
	}
	web_html(b, "<time datetime=\"%s\" title=\"%s’s time: %s\">%s</time>", iso,
		 client_name ? client_name : "The client", theirs, shown);
}

void web_rel(struct rd_buf *b, int64_t t, int64_t now)
{
	int64_t d = t - now, a = d < 0 ? -d : d;
	char amount[32];
	if (a < 60) {
		rd_buf_adds(b, "now");
		return;
	}
	if (a < 3600)
		snprintf(amount, sizeof amount, "%" PRId64 " min", a / 60);
	else if (a < 2 * 86400)
		snprintf(amount, sizeof amount, "%" PRId64 " h", a / 3600);
	else
		snprintf(amount, sizeof amount, "%" PRId64 " d", a / 86400);
	if (d > 0)
		web_html(b, "in %s", amount);
	else
		web_html(b, "%s ago", amount);
}

void web_badge(struct rd_buf *b, const char *cls, const char *text)
{
	web_html(b, "<span class=\"badge %s\">%s</span>", cls, text);
}

void web_money(struct rd_buf *b, const char *amount, const char *currency)
{
	if (!amount) {
		rd_buf_adds(b, "<span class=\"muted\">—</span>");
		return;
	}
	/* "4500.00" → cents → "€4,500.00" through ICU (rd_money_format_lang),
	 * the same formatter the drafts use; as given when it does not parse */
	char shown[64];
	const char *p = amount;
	bool neg = *p == '-';
	p += neg;
	int64_t units = 0, cents = 0;
	int frac = 0;
	bool ok = *p >= '0' && *p <= '9';
	for (; ok && *p >= '0' && *p <= '9'; p++)
		ok = (units = units * 10 + (*p - '0')) < INT64_C(1000000000000000);
	if (ok && *p == '.')
		for (p++; ok && *p >= '0' && *p <= '9'; p++)
			ok = ++frac <= 2 && ((cents = cents * 10 + (*p - '0')), true);
	if (frac == 1)
		cents *= 10;
	if (ok && !*p && currency &&
	    rd_money_format_lang((neg ? -1 : 1) * (units * 100 + cents), currency, "en", shown, sizeof shown) == RD_OK) {
		web_html(b, "<span class=\"money\">%s</span>", shown);
		return;
	}
	web_html(b, "<span class=\"money\">%s %s</span>", currency ? currency : "", amount);
}

void web_text_block(struct rd_buf *b, const char *s)
{
	if (!s)
		return;
	const char *p = s;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		rd_buf_add_html(b, p, n);
		if (!nl)
			break;
		rd_buf_adds(b, "<br>");
		p = nl + 1;
	}
}

void web_select(struct rd_buf *b, const char *name, const char *const *values, const char *selected,
		const char *empty_label)
{
	web_html(b, "<select name=\"%s\" id=\"f-%s\">", name, name);
	if (empty_label)
		web_html(b, "<option value=\"\">%s</option>", empty_label);
	for (size_t i = 0; values[i]; i++)
		web_html(b, "<option value=\"%s\"%R>%s</option>", values[i],
			 selected && strcmp(selected, values[i]) == 0 ? " selected" : "", values[i]);
	rd_buf_adds(b, "</select>");
}

/* ---- names ---- */

static int collect(json_t *rec, void *ctx)
{
	json_array_append(ctx, rec);
	return 0;
}

enum rd_err web_list(struct rd_store *s, const char *entity, json_t *filter, json_t **out)
{
	json_t *arr = json_array();
	if (!arr)
		return RD_ENOMEM;
	enum rd_err rc = rd_record_list(s, entity, filter, 0, 0, collect, arr, NULL);
	if (rc) {
		json_decref(arr);
		return rc;
	}
	*out = arr;
	return RD_OK;
}

static int by_id(json_t *rec, void *ctx)
{
	char key[32];
	snprintf(key, sizeof key, "%" PRId64, web_jint(rec, "id"));
	json_object_set(ctx, key, rec);
	return 0;
}

enum rd_err web_names_load(struct rd_store *s, struct web_names *n)
{
	n->users = json_object();
	n->clients = json_object();
	if (!n->users || !n->clients) {
		web_names_free(n);
		return RD_ENOMEM;
	}
	enum rd_err rc = rd_record_list(s, "user", NULL, 0, 0, by_id, n->users, NULL);
	if (rc == RD_OK)
		rc = rd_record_list(s, "client", NULL, 0, 0, by_id, n->clients, NULL);
	if (rc)
		web_names_free(n);
	return rc;
}

bool web_names_ready(const struct rd_page_req *q, struct rd_page_resp *r, struct web_names *n)
{
	enum rd_err rc = web_names_load(q->store, n);
	if (rc)
		web_read_failed(q, r, rc, "The database could not be read.");
	return rc == RD_OK;
}

void web_names_free(struct web_names *n)
{
	json_decref(n->users);
	json_decref(n->clients);
	n->users = n->clients = NULL;
}

static json_t *lookup(json_t *o, int64_t id)
{
	char key[32];
	if (!id)
		return NULL;
	snprintf(key, sizeof key, "%" PRId64, id);
	return json_object_get(o, key);
}

json_t *web_user(const struct web_names *n, int64_t id)
{
	return lookup(n->users, id);
}

json_t *web_client(const struct web_names *n, int64_t id)
{
	return lookup(n->clients, id);
}

const char *web_user_name(const struct web_names *n, int64_t id)
{
	const char *s = web_jstr(web_user(n, id), "name");
	return s ? s : "—";
}

const char *web_client_name(const struct web_names *n, int64_t id)
{
	const char *s = web_jstr(web_client(n, id), "name");
	return s ? s : "—";
}

const char *web_kind_title(const char *kind)
{
	/* the one label table (lib/room.c), "Other" for a word it lacks */
	const char *l = rd_label(kind);
	return kind && l != kind ? l : "Other";
}

json_t *web_user_by_email(const struct web_names *n, const char *email)
{
	const char *key;
	json_t *u;
	if (!email)
		return NULL;
	json_object_foreach(n->users, key, u)
		if (web_jstr(u, "email") && strcasecmp(web_jstr(u, "email"), email) == 0)
			return u;
	return NULL;
}
