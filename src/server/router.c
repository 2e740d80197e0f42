/* router.c — the routes table and dispatch. Every request goes through
 * rd_dispatch: match a route (API and core rows first, then the web app's
 * and portal's page rows from page.h, then fallbacks), authenticate it for
 * its kind, check the route's role, check CSRF, parse its body, call it.
 *
 * To add an API route: write `static void api_x(struct rd_req *, struct
 * rd_resp *)` in the api_<resource>.c it belongs to and add a row to that
 * file's table (method, pattern, handler, least role, flags, summary); then
 * add the path to docs/api/openapi.yaml — tests/api/openapi_sync.py fails
 * until the two agree. Generic entity routes come from api_records.c's
 * table, one row per entity. */
#include <ctype.h>
#include <errno.h>
#include <pthread.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "redress/time.h"
#include "server.h"
#include "web_layout.h"

const struct rd_route *rd_routes;
size_t rd_nroutes;

/* ---- the write path ----
 *
 * Every write request (an API write, a page's POST) runs as a member of the
 * group commit (lib/store/group.c): on the group's one handle, inside a
 * transaction it shares with the writers queued beside it, under its own
 * savepoint; its answer leaves only after the commit holding its writes is
 * durable. Queueing this process's writers there is also fairer and faster
 * than each of them polling SQLite's lock with the busy handler's growing
 * sleeps; other processes (the CLI) still meet the busy timeout. A backend
 * without group commit (rd_server_group() NULL) runs each write on the
 * worker's own handle, concurrently. Reads never come here. */

/* Forgets what a handler answered, so the write path can answer instead. */
static void resp_reset(struct rd_resp *resp)
{
	rd_buf_free(&resp->body);
	json_decref(resp->json_later);
	resp->json_later = NULL;
	for (int i = 0; i < resp->nheaders; i++)
		free(resp->headers[i].value);
	resp->nheaders = 0;
	resp->status = 0;
	resp->content_type = NULL;
	resp->etag[0] = '\0';
}

struct write_call {
	struct rd_req *req;
	struct rd_resp *resp;
	const struct rd_route *route;        /* an API route, or NULL for a page */
	const struct rd_page_route *page;
	struct rd_page_req *pq;
	struct rd_page_resp *pr_out;
	int page_rc;
};

/* A page's answer as the status it will have (run_page's rule). */
static int page_status(int rc, const struct rd_page_resp *out)
{
	if (out->status)
		return out->status;
	if (rc != 0)
		return rc >= 400 && rc < 600 ? rc : 500;
	return 200;
}

/* One member of the group: the handler on the group's handle S. A server
 * error's partial writes are rolled back; a 4xx answer keeps what it wrote
 * on purpose (a failed login is counted). */
static bool write_member(struct rd_store *s, void *arg)
{
	struct write_call *c = arg;
	if (c->page) {
		c->pq->store = s;
		c->page_rc = c->page->fn(c->pq, c->pr_out);
		c->pq->store = c->req->store;
		return page_status(c->page_rc, c->pr_out) < 500;
	}
	struct rd_store *own = c->req->store;
	c->req->store = s;
	c->route->fn(c->req, c->resp);
	c->req->store = own;
	return c->resp->status < 500;
}

/* Runs C's handler on the write path. False when the commit holding its
 * writes failed: *lost is then the error (the answer must say so). */
static bool write_run(struct write_call *c, enum rd_err *lost)
{
	struct rd_group *g = rd_server_group();
	*lost = RD_OK;
	if (!g) {
		write_member(c->req->store, c);
		return true;
	}
	*lost = rd_group_run(g, write_member, c, NULL);
	return *lost == RD_OK;
}

/* The answer for a write whose commit failed: whatever the handler said,
 * its writes are not in the database. */
static const char *lost_detail(enum rd_err rc)
{
	return rc == RD_EBUSY ? "the database was busy (another program is writing); nothing was saved, "
				"send it again" : "the write could not be saved; nothing was changed";
}

static void push(struct rd_route **v, size_t *n, size_t *cap, const struct rd_route *r)
{
	if (*n + 1 >= *cap) {
		*cap = *cap ? *cap * 2 : 64;
		*v = realloc(*v, *cap * sizeof **v);
		if (!*v) {
			fputs("redress serve: out of memory building routes\n", stderr);
			exit(1);
		}
	}
	(*v)[(*n)++] = *r;
}

void rd_routes_init(void)
{
	if (rd_routes)
		return;
	struct rd_route *v = NULL;
	size_t n = 0, cap = 0;
	for (const struct rd_route *r = rd_core_routes; r->method; r++)
		push(&v, &n, &cap, r);
	for (const struct rd_route *r = rd_api_domain_routes; r->method; r++)
		push(&v, &n, &cap, r);
	for (const struct rd_route *r = rd_api_metrics_routes; r->method; r++)
		push(&v, &n, &cap, r);
	for (const struct rd_route *r = rd_api_mail_routes; r->method; r++)
		push(&v, &n, &cap, r);
	for (const struct rd_route *r = rd_api_intake_routes; r->method; r++)
		push(&v, &n, &cap, r);
	for (const struct rd_route *r = rd_api_webhook_routes; r->method; r++)
		push(&v, &n, &cap, r);
	rd_api_entity_routes(&v, &n, &cap);
	/* Two rows for one method and path would make one of them dead code. */
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++)
			if (strcmp(v[i].method, v[j].method) == 0 && strcmp(v[i].pattern, v[j].pattern) == 0) {
				fprintf(stderr, "redress serve: route %s %s is defined twice\n", v[i].method,
					v[i].pattern);
				exit(1);
			}
	struct rd_route end = {0};
	push(&v, &n, &cap, &end);
	rd_routes = v;
	rd_nroutes = n - 1;
}

void rd_routes_print(FILE *f)
{
	rd_routes_init();
	for (size_t i = 0; i < rd_nroutes; i++) {
		const struct rd_route *r = &rd_routes[i];
		fprintf(f, "%-6s %-44s %-7s %s%s\n", r->method, r->pattern,
			r->flags & RD_ROUTE_PUBLIC ? "public" : rd_role_name(r->min_role),
			r->summary ? r->summary : "", r->flags & RD_ROUTE_HIDDEN ? " [browser]" : "");
	}
	for (const struct rd_page_route *p = rd_web_routes; p->method; p++)
		fprintf(f, "%-6s %-44s %-7s %s\n", p->method, p->pattern,
			p->access == RD_PAGE_PUBLIC ? "public" : p->access == RD_PAGE_PORTAL ? "portal"
			: rd_role_name(p->min_role), "[page]");
}

/* ---- matching ---- */

static bool match(const char *pattern, const char *path, const char **caps, size_t *lens, int *n);
static bool method_is(const char *route_method, const char *method);

size_t rd_route_body_limit(const char *method, const char *path, size_t dflt)
{
	const char *caps[4];
	size_t lens[4];
	int n;
	rd_routes_init();
	for (size_t i = 0; i < rd_nroutes; i++) {
		const struct rd_route *r = &rd_routes[i];
		if (!(r->flags & RD_ROUTE_FALLBACK) && method_is(r->method, method) &&
		    match(r->pattern, path, caps, lens, &n))
			return (r->flags & RD_ROUTE_BIG_BODY) && RD_BIG_BODY > dflt ? RD_BIG_BODY : dflt;
	}
	return dflt;
}

/* Matches PATH against PATTERN; {x} captures one non-empty segment. */
static bool match(const char *pattern, const char *path, const char **caps, size_t *lens, int *n)
{
	int k = 0;
	const char *p = pattern, *s = path;
	while (*p) {
		if (*p == '{') {
			const char *close = strchr(p, '}');
			if (!close)
				return false;
			const char *e = s;
			while (*e && *e != '/')
				e++;
			if (e == s || k >= 4)
				return false;
			caps[k] = s;
			lens[k] = (size_t)(e - s);
			k++;
			s = e;
			p = close + 1;
		} else if (*p++ != *s++) {
			return false;
		}
	}
	if (*s)
		return false;
	*n = k;
	return true;
}

static bool method_is(const char *route_method, const char *method)
{
	if (strcmp(route_method, method) == 0)
		return true;
	return strcmp(method, "HEAD") == 0 && strcmp(route_method, "GET") == 0;
}

static void set_params(struct rd_req *req, const char **caps, size_t *lens, int n)
{
	req->nparams = n;
	for (int i = 0; i < n; i++)
		req->params[i] = rd_arena_strndup(&req->arena, caps[i], lens[i]);
}

/* ---- bodies ---- */

static bool is_json_type(const char *ct)
{
	if (!ct)
		return true; /* lenient: curl -d without -H */
	size_t n = strcspn(ct, ";");
	while (n && ct[n - 1] == ' ')
		n--;
	if (n == 16 && strncasecmp(ct, "application/json", 16) == 0)
		return true;
	return n > 17 && strncasecmp(ct, "application/", 12) == 0 && strncasecmp(ct + n - 5, "+json", 5) == 0;
}

static bool parse_json_body(struct rd_req *req, struct rd_resp *resp)
{
	if (req->body_len == 0)
		return true;
	if (!is_json_type(req->content_type)) {
		rd_resp_problem(resp, req, 415, "unsupported-media-type",
				"send the body as application/json");
		return false;
	}
	json_error_t e;
	req->json = json_loadb(req->body, req->body_len, JSON_REJECT_DUPLICATES, &e);
	if (!req->json) {
		char d[256];
		snprintf(d, sizeof d, "line %d, column %d: %s", e.line, e.column, e.text);
		rd_resp_problem(resp, req, 400, "malformed-json", d);
		return false;
	}
	if (!json_is_object(req->json)) {
		rd_resp_problem(resp, req, 422, "invalid", "the body must be a JSON object");
		return false;
	}
	return true;
}

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = tolower(c);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Decodes one application/x-www-form-urlencoded component in place. A
 * %00 is refused: the NUL would silently cut the value short. */
static bool form_decode(char *s)
{
	char *o = s;
	for (; *s; s++) {
		if (*s == '+') {
			*o++ = ' ';
		} else if (*s == '%') {
			int h = hexval((unsigned char)s[1]), l = h < 0 ? -1 : hexval((unsigned char)s[2]);
			if (h < 0 || l < 0 || h * 16 + l == 0)
				return false;
			*o++ = (char)(h * 16 + l);
			s += 2;
		} else {
			*o++ = *s;
		}
	}
	*o = '\0';
	return true;
}

static bool parse_form_body(struct rd_req *req, struct rd_resp *resp)
{
	req->form = json_object();
	if (req->body_len == 0)
		return true;
	const char *ct = req->content_type;
	if (!ct || strncasecmp(ct, "application/x-www-form-urlencoded", 33) != 0) {
		rd_resp_html_message(resp, 415, "Unsupported form", "Forms must be sent as "
				     "application/x-www-form-urlencoded.", NULL, NULL);
		return false;
	}
	char *copy = rd_arena_strndup(&req->arena, req->body, req->body_len);
	if (!copy) {
		rd_resp_html_message(resp, 413, "Too large", "The form is too large.", NULL, NULL);
		return false;
	}
	for (char *save = NULL, *pair = copy; pair; pair = save) {
		save = strchr(pair, '&');
		if (save)
			*save++ = '\0';
		if (!*pair)
			continue;
		char *eq = strchr(pair, '=');
		char *val = eq ? eq + 1 : pair + strlen(pair);
		if (eq)
			*eq = '\0';
		json_t *v = NULL;
		if (form_decode(pair) && form_decode(val))
			v = json_string(val);
		if (!v || !rd_utf8_valid(pair, strlen(pair), NULL)) {
			json_decref(v);
			rd_resp_html_message(resp, 400, "Bad form", "The form is not valid (bad %-encoding, a NUL "
					     "character (%00), or not UTF-8).", NULL, NULL);
			return false;
		}
		if (!json_object_get(req->form, pair))
			json_object_set_new(req->form, pair, v);
		else
			json_decref(v);
	}
	return true;
}

/* ---- pages ---- */

/* The flash cookie (web_flash_set): the message percent-encoded, so any
 * UTF-8 text survives the cookie syntax. */
#define COOKIE_FLASH "rd_flash"

static void flash_cookie(struct rd_req *req, struct rd_resp *resp, const char *msg)
{
	char buf[3 * WEB_FLASH_MAX + 160];
	size_t n = (size_t)snprintf(buf, sizeof buf, COOKIE_FLASH "=");
	for (const unsigned char *p = (const unsigned char *)(msg ? msg : ""); *p && n + 4 < sizeof buf; p++) {
		if (isalnum(*p) || *p == '.' || *p == '-' || *p == '_')
			buf[n++] = (char)*p;
		else
			n += (size_t)snprintf(buf + n, sizeof buf - n, "%%%02X", *p);
	}
	snprintf(buf + n, sizeof buf - n, "; Path=/; HttpOnly; SameSite=Strict; Max-Age=%d%s", msg ? 60 : 0,
		 req->cfg->secure_cookies ? "; Secure" : "");
	rd_resp_header(resp, "Set-Cookie", buf);
}

/* The flash cookie's message, decoded into BUF; NULL when there is none. */
static const char *flash_read(struct rd_req *req, char *buf, size_t n)
{
	const char *c = rd_req_cookie(req, COOKIE_FLASH);
	if (!c || !*c)
		return NULL;
	size_t o = 0;
	for (const char *p = c; *p && o + 1 < n; p++) {
		if (*p == '%' && isxdigit((unsigned char)p[1]) && isxdigit((unsigned char)p[2])) {
			char hex[3] = {p[1], p[2], 0};
			buf[o++] = (char)strtol(hex, NULL, 16);
			p += 2;
		} else {
			buf[o++] = *p;
		}
	}
	buf[o] = '\0';
	/* a cut or forged cookie must not put invalid UTF-8 on the page */
	json_t *ok = json_string(buf);
	json_decref(ok);
	return ok && o ? buf : NULL;
}

static void run_page(struct rd_req *req, struct rd_resp *resp, const struct rd_page_route *pr)
{
	if (strcmp(req->method, "POST") == 0 && !parse_form_body(req, resp))
		return;
	if (!req->form)
		req->form = json_object();
	if (!rd_auth_page(req, resp, pr->access, pr->min_role))
		return;
	struct rd_page_req pq = {0};
	pq.store = req->store;
	pq.actor = req->auth == RD_AUTH_SESSION ? &req->actor : NULL;
	web_viewer_tz_for(req->store, pq.actor); /* the one rule for zones: web_layout.h */
	if (req->auth == RD_AUTH_PORTAL) {
		pq.portal_client_id = req->session.client_id;
		pq.portal_contact_id = req->session.contact_id;
	}
	pq.method = strcmp(req->method, "HEAD") == 0 ? "GET" : req->method;
	pq.path = req->path;
	for (int i = 0; i < req->nparams; i++)
		pq.params[i] = req->params[i];
	pq.query = req->query;
	pq.form = req->form;
	pq.csrf_token = req->csrf;
	pq.now = req->now;
	pq.base_url = rd_server_base_url();
	char flash[WEB_FLASH_MAX + 1];
	pq.flash = pq.actor ? flash_read(req, flash, sizeof flash) : NULL;
	struct rd_page_resp pr_out = {0};
	int rc;
	if (strcmp(pq.method, "POST") == 0) {
		struct write_call c = {.req = req, .resp = resp, .page = pr, .pq = &pq, .pr_out = &pr_out};
		enum rd_err lost;
		if (!write_run(&c, &lost)) {
			/* whatever the page said, nothing of it was saved */
			if (pr_out.session)
				sodium_memzero(pr_out.session, strlen(pr_out.session));
			free(pr_out.session);
			free(pr_out.location);
			free(pr_out.flash);
			pr_out = (struct rd_page_resp){.body = pr_out.body};
			rc = web_error_page(&pq, &pr_out, web_status_for(lost),
					    web_err_text(lost, NULL, lost_detail(lost)));
		} else {
			rc = c.page_rc;
		}
	} else {
		rc = pr->fn(&pq, &pr_out);
	}
	if (pr_out.flash) {
		flash_cookie(req, resp, pr_out.flash);
		free(pr_out.flash);
	} else if (pq.flash && !pr_out.location) {
		flash_cookie(req, resp, NULL);   /* shown once: cleared */
	}
	if (pr_out.session) {
		rd_auth_start_session(req, resp, pr_out.session);
		sodium_memzero(pr_out.session, strlen(pr_out.session));
		free(pr_out.session);
	}
	if (pr_out.anonymous)
		snprintf(req->actor.label, sizeof req->actor.label, "anonymous");
	if (rc != 0 && !pr_out.status)
		pr_out.status = rc >= 400 && rc < 600 ? rc : 500;
	resp->status = pr_out.status ? pr_out.status : 200;
	if (resp->status == 503) /* a busy database: the write can be sent again */
		rd_resp_header(resp, "Retry-After", "1");
	resp->content_type = pr_out.content_type ? pr_out.content_type : "text/html; charset=utf-8";
	rd_buf_free(&resp->body);
	resp->body = pr_out.body;
	if (pr_out.location) {
		rd_resp_header(resp, "Location", pr_out.location);
		if (resp->status < 300 || resp->status > 399)
			resp->status = 303;
		free(pr_out.location);
	}
	if (resp->status >= 500 && resp->body.len == 0)
		rd_resp_html_message(resp, resp->status, "Something went wrong",
				     "The page could not be shown; the server log has the details.", "/", "Home");
}

/* ---- dispatch ---- */

static void allow_header(struct rd_req *req, struct rd_resp *resp)
{
	struct rd_buf b = RD_BUF_INIT;
	const char *caps[4];
	size_t lens[4];
	int n;
	for (size_t i = 0; i < rd_nroutes; i++)
		if (match(rd_routes[i].pattern, req->path, caps, lens, &n) &&
		    (!b.data || !strstr(b.data, rd_routes[i].method)))
			rd_buf_addf(&b, "%s%s", b.len ? ", " : "", rd_routes[i].method);
	for (const struct rd_page_route *p = rd_web_routes; p->method; p++)
		if (match(p->pattern, req->path, caps, lens, &n) && (!b.data || !strstr(b.data, p->method)))
			rd_buf_addf(&b, "%s%s", b.len ? ", " : "", p->method);
	if (b.len) {
		resp->status = 405;
		rd_resp_problem(resp, req, 405, "method-not-allowed", NULL);
		rd_resp_header(resp, "Allow", b.data);
	}
	rd_buf_free(&b);
}

static bool query_valid(struct rd_req *req, struct rd_resp *resp)
{
	const char *k;
	json_t *v;
	json_object_foreach(req->query, k, v) {
		if (!json_is_string(v) || !rd_utf8_valid(k, strlen(k), NULL)) {
			rd_resp_problem(resp, req, 400, "bad-request", "the query string is not valid UTF-8");
			return false;
		}
	}
	return true;
}

void rd_dispatch(struct rd_req *req, struct rd_resp *resp)
{
	req->content_type = rd_req_header(req, "Content-Type");
	bool api = strncmp(req->path, "/api/", 5) == 0 || strcmp(req->path, "/api") == 0;
	if (!rd_utf8_valid(req->path, strlen(req->path), NULL)) {
		rd_resp_problem(resp, req, 400, "bad-request", "the path is not valid UTF-8");
		return;
	}
	if (!query_valid(req, resp))
		return;
	const char *caps[4];
	size_t lens[4];
	int n = 0;
	const struct rd_route *route = NULL;
	const struct rd_page_route *page = NULL;
	for (size_t i = 0; i < rd_nroutes && !route; i++)
		if (!(rd_routes[i].flags & RD_ROUTE_FALLBACK) && method_is(rd_routes[i].method, req->method) &&
		    match(rd_routes[i].pattern, req->path, caps, lens, &n))
			route = &rd_routes[i];
	/* Pages never live under /api/: a page row there could bypass the API's
	 * authentication. */
	for (const struct rd_page_route *p = rd_web_routes; !route && !api && !page && p->method; p++)
		if (method_is(p->method, req->method) && match(p->pattern, req->path, caps, lens, &n))
			page = p;
	for (size_t i = 0; i < rd_nroutes && !route && !page; i++)
		if ((rd_routes[i].flags & RD_ROUTE_FALLBACK) && method_is(rd_routes[i].method, req->method) &&
		    match(rd_routes[i].pattern, req->path, caps, lens, &n))
			route = &rd_routes[i];
	if (!route && !page) {
		allow_header(req, resp);
		if (resp->status != 405) {
			if (api)
				rd_resp_problem(resp, req, 404, "not-found", "no such endpoint");
			else
				rd_resp_html_message(resp, 404, "Not found", "There is no page here.", "/", "Home");
		}
		return;
	}
	set_params(req, caps, lens, n);
	if (page) {
		run_page(req, resp, page);
		return;
	}
	req->route = route;
	bool has_body = strcmp(req->method, "POST") == 0 || strcmp(req->method, "PUT") == 0 ||
			strcmp(req->method, "PATCH") == 0;
	if (route->flags & RD_ROUTE_FORM) {
		if (has_body && !parse_form_body(req, resp))
			return;
		if (!req->form)
			req->form = json_object();
	}
	if (!(route->flags & RD_ROUTE_PUBLIC)) {
		if (!rd_auth_api(req, resp))
			return;
		if (req->actor.role < route->min_role) {
			char d[160];
			snprintf(d, sizeof d, "%s %s needs role %s or higher (you are %s)", route->method,
				 route->pattern, rd_role_name(route->min_role), rd_role_name(req->actor.role));
			rd_resp_problem(resp, req, 403, "forbidden", d);
			return;
		}
	}
	if (has_body && !(route->flags & (RD_ROUTE_FORM | RD_ROUTE_RAW)) && !parse_json_body(req, resp))
		return;
	char *key = NULL;
	int64_t version = -1;
	bool cache = (route->flags & RD_ROUTE_CACHE) && strcmp(route->method, "GET") == 0;
	/* Content negotiation of list routes: here, once, for all of them. */
	if (rd_route_table(route) && (req->export_format = rd_accept_export(rd_req_header(req, "Accept"))))
		cache = false;
	if (cache && rd_cache_lookup(req, resp, &key, &version)) {
		free(key);
		return;
	}
	bool write = strcmp(req->method, "GET") != 0 && strcmp(req->method, "HEAD") != 0 &&
		     !(route->flags & RD_ROUTE_READONLY);
	if (write) {
		struct write_call c = {.req = req, .resp = resp, .route = route};
		enum rd_err lost;
		if (!write_run(&c, &lost)) {
			resp_reset(resp);
			rd_resp_err(resp, req, lost, strdup(lost_detail(lost)));
			free(key);
			return;
		}
	} else {
		route->fn(req, resp);
	}
	/* A write's answer encoded here, after the writer slot (rd_resp_json_later). */
	rd_resp_json_finish(resp);
	if (!resp->status)
		resp->status = 200;
	if (req->export_format)
		rd_resp_export(req, resp, route);
	if (cache)
		rd_cache_store(key, version, resp);
	free(key);
}

/* ---- handler helpers ---- */

bool rd_req_path_id(struct rd_req *req, struct rd_resp *resp, int idx, const char *entity, int64_t *id)
{
	char *msg = NULL;
	enum rd_err rc = rd_record_lookup(req->store, entity, req->params[idx], id, &msg);
	if (rc == RD_OK)
		return true;
	if (rc == RD_EDB || rc == RD_ENOMEM) {
		rd_resp_err(resp, req, rc, msg);
	} else {
		rd_resp_problem(resp, req, 404, "not-found", msg ? msg : "no such record");
		free(msg);
	}
	return false;
}

bool rd_req_only(struct rd_req *req, struct rd_resp *resp, const char *const *allowed)
{
	const char *k;
	json_t *v;
	json_object_foreach(req->json, k, v) {
		bool ok = false;
		for (int i = 0; allowed[i] && !ok; i++)
			ok = strcmp(allowed[i], k) == 0;
		if (!ok) {
			struct rd_buf b = RD_BUF_INIT;
			rd_buf_addf(&b, "unknown field '%s' (accepted:", k);
			for (int i = 0; allowed[i]; i++)
				rd_buf_addf(&b, " %s", allowed[i]);
			rd_buf_adds(&b, ")");
			rd_resp_problem(resp, req, 422, "invalid", b.data);
			rd_buf_free(&b);
			return false;
		}
	}
	return true;
}

bool rd_req_str(struct rd_req *req, struct rd_resp *resp, const char *key, bool required,
		const char **out)
{
	json_t *v = json_object_get(req->json, key);
	*out = NULL;
	if (!v || json_is_null(v)) {
		if (!required)
			return true;
		char d[128];
		snprintf(d, sizeof d, "'%s' is required", key);
		rd_resp_problem(resp, req, 422, "invalid", d);
		return false;
	}
	if (!json_is_string(v) || strlen(json_string_value(v)) != json_string_length(v)) {
		char d[128];
		snprintf(d, sizeof d, "'%s' must be a string", key);
		rd_resp_problem(resp, req, 422, "invalid", d);
		return false;
	}
	*out = json_string_value(v);
	return true;
}

bool rd_req_ref(struct rd_req *req, struct rd_resp *resp, const char *key, char buf[24], const char **out)
{
	json_t *v = json_object_get(req->json, key);
	if (json_is_integer(v)) {
		*out = NULL;
		if (json_integer_value(v) <= 0) {
			char d[128];
			snprintf(d, sizeof d, "'%s' must be a positive id or a name", key);
			rd_resp_problem(resp, req, 422, "invalid", d);
			return false;
		}
		snprintf(buf, 24, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
		*out = buf;
		return true;
	}
	if (v && !json_is_null(v) && !json_is_string(v)) {
		char d[128];
		snprintf(d, sizeof d, "'%s' must be an id (number or string) or a name", key);
		rd_resp_problem(resp, req, 422, "invalid", d);
		return false;
	}
	return rd_req_str(req, resp, key, false, out);
}

bool rd_req_time(struct rd_req *req, struct rd_resp *resp, const char *key, int64_t dflt, int64_t *out)
{
	json_t *v = json_object_get(req->json, key);
	*out = dflt;
	if (!v || json_is_null(v))
		return true;
	if (json_is_integer(v)) {
		*out = json_integer_value(v);
		return true;
	}
	char *msg = NULL;
	if (!json_is_string(v) || rd_time_parse(json_string_value(v), out, &msg)) {
		char d[256];
		snprintf(d, sizeof d, "'%s': %s", key, msg ? msg : "must be an ISO 8601 time");
		free(msg);
		rd_resp_problem(resp, req, 422, "invalid", d);
		return false;
	}
	return true;
}

bool rd_req_bool(struct rd_req *req, struct rd_resp *resp, const char *key, bool dflt, bool *out)
{
	json_t *v = json_object_get(req->json, key);
	*out = dflt;
	if (!v || json_is_null(v))
		return true;
	if (!json_is_boolean(v)) {
		char d[128];
		snprintf(d, sizeof d, "'%s' must be true or false", key);
		rd_resp_problem(resp, req, 422, "invalid", d);
		return false;
	}
	*out = json_is_true(v);
	return true;
}

bool rd_req_query_time(struct rd_req *req, struct rd_resp *resp, const char *key, int64_t dflt,
		       int64_t *out)
{
	const char *v = json_string_value(json_object_get(req->query, key));
	*out = dflt;
	if (!v)
		return true;
	char *msg = NULL;
	if (rd_time_parse(v, out, &msg)) {
		char d[256];
		snprintf(d, sizeof d, "?%s: %s", key, msg ? msg : "must be an ISO 8601 time");
		free(msg);
		rd_resp_problem(resp, req, 400, "bad-request", d);
		return false;
	}
	return true;
}

bool rd_req_query_count(struct rd_req *req, struct rd_resp *resp, const char *key, int max, int *out)
{
	const char *v = json_string_value(json_object_get(req->query, key));
	*out = 0;
	if (!v)
		return true;
	char *end;
	errno = 0;
	long n = strtol(v, &end, 10);
	if (*end || end == v || errno || n < 1 || n > max) {
		char d[160];
		snprintf(d, sizeof d, "?%s: '%.40s' is not a number from 1 to %d", key, v, max);
		rd_resp_problem(resp, req, 400, "bad-request", d);
		return false;
	}
	*out = (int)n;
	return true;
}

void rd_resp_record(struct rd_resp *resp, struct rd_req *req, const char *entity, int64_t id, int status)
{
	json_t *rec;
	char *msg = NULL;
	enum rd_err rc = rd_record_get(req->store, entity, id, &rec, &msg);
	if (rc) {
		rd_resp_err(resp, req, rc, msg);
		return;
	}
	if (status == 201) {
		const struct rd_entity *e = rd_entity_find(entity);
		char loc[160];
		snprintf(loc, sizeof loc, "/api/%s/%lld", e ? e->plural : entity, (long long)id);
		rd_resp_header(resp, "Location", loc);
	}
	rd_resp_json(resp, status, rec);
}
