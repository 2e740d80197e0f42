/* auth.c — who is asking, and the routes that decide it: API bearer tokens
 * and staff session cookies for /api/, session cookies for staff pages,
 * portal cookies (scoped to /portal, to one contact) for portal pages, CSRF
 * on every form and every cookie-authenticated API write, rate-limited
 * password login, one-time login links and portal magic links; plus the
 * unauthenticated /healthz and the /metrics row (metrics.c decides who).
 *
 * A portal session can never act as staff: its cookie has another name and
 * path, the store refuses it as a staff session (rd_session_lookup), and the
 * API does not read cookies other than the staff one. */
#include <ctype.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "redress/time.h"
#include "redress/views.h"
#include "server.h"

#define COOKIE_STAFF "rd_session"
#define COOKIE_PORTAL "rd_portal"
#define COOKIE_CSRF "rd_csrf"
#define LOGIN_WINDOW 900

static void set_cookie(struct rd_req *req, struct rd_resp *resp, const char *name, const char *value,
		       const char *path, long max_age)
{
	char buf[256];
	snprintf(buf, sizeof buf, "%s=%s; Path=%s; HttpOnly; SameSite=Lax; Max-Age=%ld%s", name, value, path,
		 max_age, req->cfg->secure_cookies ? "; Secure" : "");
	rd_resp_header(resp, "Set-Cookie", buf);
}

/* The pre-login CSRF token: a double-submit cookie. */
static const char *csrf_cookie(struct rd_req *req, struct rd_resp *resp)
{
	const char *c = rd_req_cookie(req, COOKIE_CSRF);
	if (c && strncmp(c, "csr_", 4) == 0 && strlen(c) == 68 && strspn(c + 4, "0123456789abcdef") == 64)
		return c;
	char tok[RD_TOKEN_BUFSZ];
	rd_token_new("csr_", tok);
	set_cookie(req, resp, COOKIE_CSRF, tok, "/", 86400);
	return rd_arena_strdup(&req->arena, tok);
}

static bool csrf_ok(const char *expected, const char *given)
{
	return expected && given && rd_token_equal(expected, given);
}

static void unauthenticated(struct rd_req *req, struct rd_resp *resp, const char *detail)
{
	rd_resp_problem(resp, req, 401, "unauthenticated", detail);
	rd_resp_header(resp, "WWW-Authenticate", "Bearer realm=\"redress\"");
}

bool rd_auth_api(struct rd_req *req, struct rd_resp *resp)
{
	const char *authz = rd_req_header(req, "Authorization");
	char *msg = NULL;
	enum rd_err rc;
	if (authz) {
		if (strncasecmp(authz, "Bearer ", 7) != 0) {
			unauthenticated(req, resp, "use 'Authorization: Bearer TOKEN' (redress token create EMAIL)");
			return false;
		}
		const char *tok = authz + 7;
		while (*tok == ' ')
			tok++;
		rc = rd_api_token_auth(req->store, tok, &req->actor, &msg);
		if (rc == RD_EPERM) {
			free(msg);
			unauthenticated(req, resp, "invalid or revoked API token");
			rd_resp_header(resp, "WWW-Authenticate", "Bearer error=\"invalid_token\"");
			return false;
		}
		if (rc) {
			rd_resp_err(resp, req, rc, msg);
			return false;
		}
		req->actor.now = req->now;
		req->auth = RD_AUTH_TOKEN;
		return true;
	}
	const char *cookie = rd_req_cookie(req, COOKIE_STAFF);
	if (!cookie) {
		unauthenticated(req, resp, rd_req_cookie(req, COOKIE_PORTAL)
			? "a client-portal session cannot use the staff API"
			: "send an API token (Authorization: Bearer TOKEN) or log in");
		return false;
	}
	rc = rd_session_lookup(req->store, cookie, false, req->now, &req->session, &msg);
	if (rc == RD_ENOTFOUND || rc == RD_EPERM) {
		free(msg);
		unauthenticated(req, resp, "the session has expired or ended; log in again");
		return false;
	}
	if (rc) {
		rd_resp_err(resp, req, rc, msg);
		return false;
	}
	req->actor = req->session.actor;
	req->auth = RD_AUTH_SESSION;
	req->csrf = req->session.csrf;
	bool safe = strcmp(req->method, "GET") == 0 || strcmp(req->method, "HEAD") == 0;
	if (!safe && !csrf_ok(req->session.csrf, rd_req_header(req, "X-CSRF-Token"))) {
		rd_resp_problem(resp, req, 403, "csrf",
				"a cookie-authenticated write needs the session's X-CSRF-Token header");
		return false;
	}
	return true;
}

bool rd_auth_page(struct rd_req *req, struct rd_resp *resp, enum rd_page_access access,
		  enum rd_role min_role)
{
	bool post = strcmp(req->method, "POST") == 0;
	const char *given = json_string_value(json_object_get(req->form, "csrf"));
	char *msg = NULL;
	enum rd_err rc;
	if (access == RD_PAGE_PUBLIC) {
		const char *cookie = rd_req_cookie(req, COOKIE_STAFF);
		if (cookie && rd_session_lookup(req->store, cookie, false, req->now, &req->session, NULL) == RD_OK) {
			req->actor = req->session.actor;
			req->auth = RD_AUTH_SESSION;
			req->csrf = req->session.csrf;
		} else {
			req->csrf = csrf_cookie(req, resp);
		}
	} else if (access == RD_PAGE_PORTAL) {
		const char *cookie = rd_req_cookie(req, COOKIE_PORTAL);
		rc = cookie ? rd_session_lookup(req->store, cookie, true, req->now, &req->session, &msg)
			    : RD_ENOTFOUND;
		if (rc == RD_ENOTFOUND) {
			free(msg);
			rd_resp_html_message(resp, 401, "Please use your personal link",
					     "This page opens from the personal link we sent you. If it has "
					     "expired, ask your account manager for a new one.", NULL, NULL);
			return false;
		}
		if (rc) {
			rd_resp_err(resp, req, rc, msg);
			return false;
		}
		req->auth = RD_AUTH_PORTAL;
		req->csrf = req->session.csrf;
	} else {
		const char *cookie = rd_req_cookie(req, COOKIE_STAFF);
		rc = cookie ? rd_session_lookup(req->store, cookie, false, req->now, &req->session, &msg)
			    : RD_ENOTFOUND;
		if (rc == RD_ENOTFOUND || rc == RD_EPERM) {
			free(msg);
			if (!post && (strcmp(req->method, "GET") == 0 || strcmp(req->method, "HEAD") == 0)) {
				struct rd_buf b = RD_BUF_INIT;
				rd_buf_adds(&b, "/login?next=");
				rd_buf_add_urlenc(&b, req->path);
				rd_resp_redirect(resp, b.data ? b.data : "/login");
				rd_buf_free(&b);
			} else {
				rd_resp_html_message(resp, 401, "Please log in", "Your session has ended.",
						     "/login", "Log in");
			}
			return false;
		}
		if (rc) {
			rd_resp_err(resp, req, rc, msg);
			return false;
		}
		req->actor = req->session.actor;
		req->auth = RD_AUTH_SESSION;
		req->csrf = req->session.csrf;
		if (req->actor.role < min_role) {
			char t[160];
			snprintf(t, sizeof t, "This page needs role %s or higher; you are %s.",
				 rd_role_name(min_role), rd_role_name(req->actor.role));
			rd_resp_html_message(resp, 403, "Not allowed", t, "/", "Home");
			return false;
		}
	}
	if (post && !csrf_ok(req->csrf, given)) {
		rd_resp_html_message(resp, 403, "Form expired",
				     "The form was missing its security token or it was stale. Go back, "
				     "reload the page and try again.", NULL, NULL);
		return false;
	}
	return true;
}

/* ---- core routes ---- */

/* Only reads: a read-only handle of its own, so a health probe can never
 * migrate or write the database. A schema behind this build (a restored
 * backup, say) is 503 until `redress init` brings it up. */
static void healthz(struct rd_req *req, struct rd_resp *resp)
{
	struct rd_store *ro = NULL;
	char *msg = NULL;
	int cur = -1, latest = 0;
	int64_t one = 0;
	enum rd_err rc = rd_store_open_mode(req->cfg->db, RD_STORE_READONLY, &ro, &msg);
	if (rc == RD_OK)
		rc = rd_store_schema_status(ro, &cur, &latest, &msg);
	/* a real read of a table every database has: the data answers */
	if (rc == RD_OK && (rc = rd_view_data_version(ro, &one)))
		rc = rd_fail(RD_EDB, &msg, "%s", rd_store_errmsg(ro));
	rd_store_close(ro);
	if (rc) {
		fprintf(stderr, "redress serve: healthz: %s\n", msg ? msg : rd_err_name(rc));
		free(msg);
		rd_resp_problem(resp, req, 503, "unavailable", "the database does not answer");
		return;
	}
	if (cur < latest) {
		char d[160];
		snprintf(d, sizeof d, "the database schema (version %d) is behind this redress (%d): "
			 "run `redress init`", cur, latest);
		rd_resp_problem(resp, req, 503, "unavailable", d);
		return;
	}
	rd_resp_json(resp, 200, json_pack("{ss si ss}", "status", "ok", "schema", cur, "version",
					  REDRESS_VERSION));
	resp->no_etag = true;
	rd_resp_header(resp, "Cache-Control", "no-store");
}

static const char *safe_next(const char *next, const char *dflt)
{
	return rd_safe_next(next, dflt);
}

void rd_auth_start_session(struct rd_req *req, struct rd_resp *resp, const char *token)
{
	set_cookie(req, resp, COOKIE_STAFF, token, "/", RD_SESSION_HOURS * 3600L);
}

static void login_page(struct rd_req *req, struct rd_resp *resp)
{
	const char *csrf = csrf_cookie(req, resp);
	const char *next = safe_next(json_string_value(json_object_get(req->query, "next")), "/");
	struct rd_buf *b = &resp->body;
	resp->content_type = "text/html; charset=utf-8";
	resp->no_etag = true;
	rd_buf_adds(b, "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
		       "<title>Log in — redress</title></head><body><main><h1>Log in</h1>"
		       "<form method=\"post\" action=\"/login\"><input type=\"hidden\" name=\"csrf\" value=\"");
	rd_buf_add_htmls(b, csrf);
	rd_buf_adds(b, "\"><input type=\"hidden\" name=\"next\" value=\"");
	rd_buf_add_htmls(b, next);
	rd_buf_adds(b, "\"><label>Email <input name=\"email\" type=\"email\" autocomplete=\"username\" required>"
		       "</label><label>Password <input name=\"password\" type=\"password\" "
		       "autocomplete=\"current-password\" required></label><button>Log in</button></form>"
		       "</main></body></html>\n");
}

static void login(struct rd_req *req, struct rd_resp *resp)
{
	const char *cookie = rd_req_cookie(req, COOKIE_CSRF);
	if (!csrf_ok(cookie, json_string_value(json_object_get(req->form, "csrf")))) {
		rd_resp_html_message(resp, 403, "Form expired", "Reload the login page and try again.",
				     "/login", "Log in");
		return;
	}
	const char *email = json_string_value(json_object_get(req->form, "email"));
	const char *pw = json_string_value(json_object_get(req->form, "password"));
	if (!email || !*email || !pw) {
		rd_resp_html_message(resp, 400, "Log in", "Enter your email and password.", "/login", "Back");
		return;
	}
	/* Throttling (docs/internals/server.md): an account's failures lock
	 * password sign-in for that account, from everywhere (brute force from
	 * many addresses); an address's failures, across accounts, lock it out
	 * only for accounts that have not signed in from it before (password
	 * spraying), so colleagues behind one proxy keep working. A locked-out
	 * user gets back in through "Forgot your password?". */
	char ekey[300], ikey[100], okey[400];
	snprintf(ekey, sizeof ekey, "email:%s", email);
	for (char *p = ekey; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	snprintf(ikey, sizeof ikey, "ip:%s", req->remote);
	snprintf(okey, sizeof okey, "ok:%s %s", req->remote, ekey + 6);
	int max = req->cfg->login_max_failures > 0 ? req->cfg->login_max_failures : 5;
	int64_t wait_acct = 0, wait_addr = 0;
	bool known = false;
	rd_login_wait(req->store, ekey, max, LOGIN_WINDOW, req->now, &wait_acct);
	rd_login_wait(req->store, ikey, max * 4, LOGIN_WINDOW, req->now, &wait_addr);
	if (wait_addr)
		rd_login_known(req->store, okey, req->now, &known);
	int64_t wait = wait_acct ? wait_acct : known ? 0 : wait_addr;
	if (wait) {
		char text[300], ra[32];
		long minutes = (long)((wait + 59) / 60);
		snprintf(text, sizeof text, "Too many failed sign-ins %s. Try again in %ld minute%s, or use "
			 "\"Forgot your password?\" to get a link that lets you in.",
			 wait_acct ? "for this account" : "from your network", minutes, minutes == 1 ? "" : "s");
		rd_resp_html_message(resp, 429, "Too many attempts", text, "/password/forgot",
				     "Forgot your password?");
		snprintf(ra, sizeof ra, "%lld", (long long)wait);
		rd_resp_header(resp, "Retry-After", ra);
		resp->log_note = strdup(wait_acct ? "rate-limited:account" : "rate-limited:address");
		return;
	}
	int64_t uid = 0;
	char *msg = NULL;
	enum rd_err rc = rd_user_check_password(req->store, email, pw, &uid, &msg);
	free(msg);
	msg = NULL;
	if (rc == RD_EPERM) {
		rd_login_failed(req->store, ekey, req->now);
		rd_login_failed(req->store, ikey, req->now);
		rd_resp_html_message(resp, 401, "Sign in", "Wrong email or password.", "/login", "Try again");
		resp->log_note = strdup("login-failed");
		return;
	}
	if (rc == RD_OK)
		rd_login_remember(req->store, okey, req->now);
	char *tok = NULL;
	if (rc == RD_OK)
		rc = rd_session_create_staff(req->store, uid, req->now, &tok, &msg);
	if (rc) {
		rd_resp_err(resp, req, rc, msg);
		return;
	}
	rd_auth_start_session(req, resp, tok);
	sodium_memzero(tok, strlen(tok));
	free(tok);
	rd_resp_redirect(resp, safe_next(json_string_value(json_object_get(req->form, "next")), "/"));
}

static void logout(struct rd_req *req, struct rd_resp *resp)
{
	const char *cookie = rd_req_cookie(req, COOKIE_STAFF);
	struct rd_session s;
	if (cookie && rd_session_lookup(req->store, cookie, false, req->now, &s, NULL) == RD_OK) {
		if (!csrf_ok(s.csrf, json_string_value(json_object_get(req->form, "csrf")))) {
			rd_resp_html_message(resp, 403, "Form expired", "Reload the page and try again.", "/", "Home");
			return;
		}
		rd_session_destroy(req->store, cookie);
	}
	set_cookie(req, resp, COOKIE_STAFF, "", "/", 0);
	rd_resp_redirect(resp, "/login");
}

static void login_link(struct rd_req *req, struct rd_resp *resp)
{
	char *tok = NULL, *msg = NULL;
	enum rd_err rc = rd_login_link_use(req->store, req->params[0], req->now, &tok, &msg);
	if (rc == RD_ENOTFOUND || rc == RD_EPERM) {
		rd_resp_html_message(resp, rc == RD_EPERM ? 403 : 404, "Link not valid",
				     msg ? msg : "This login link is not valid.", "/login", "Log in");
		free(msg);
		return;
	}
	if (rc) {
		rd_resp_err(resp, req, rc, msg);
		return;
	}
	set_cookie(req, resp, COOKIE_STAFF, tok, "/", RD_SESSION_HOURS * 3600L);
	sodium_memzero(tok, strlen(tok));
	free(tok);
	rd_resp_redirect(resp, "/");
}

static void portal_enter(struct rd_req *req, struct rd_resp *resp)
{
	char *tok = NULL, *msg = NULL;
	enum rd_err rc = rd_portal_enter(req->store, req->params[0], req->now, &tok, &msg);
	if (rc == RD_ENOTFOUND) {
		free(msg);
		rd_resp_html_message(resp, 404, "This link is no longer valid",
				     "It may have expired or been withdrawn. Ask your account manager for a new "
				     "one.", NULL, NULL);
		return;
	}
	if (rc) {
		rd_resp_err(resp, req, rc, msg);
		return;
	}
	set_cookie(req, resp, COOKIE_PORTAL, tok, "/portal", 7 * 86400L);
	sodium_memzero(tok, strlen(tok));
	free(tok);
	rd_resp_redirect(resp, "/portal/");
}

static void portal_logout(struct rd_req *req, struct rd_resp *resp)
{
	const char *cookie = rd_req_cookie(req, COOKIE_PORTAL);
	struct rd_session s;
	if (cookie && rd_session_lookup(req->store, cookie, true, req->now, &s, NULL) == RD_OK) {
		if (!csrf_ok(s.csrf, json_string_value(json_object_get(req->form, "csrf")))) {
			rd_resp_html_message(resp, 403, "Form expired", "Reload the page and try again.", NULL, NULL);
			return;
		}
		rd_session_destroy(req->store, cookie);
	}
	set_cookie(req, resp, COOKIE_PORTAL, "", "/portal", 0);
	rd_resp_html_message(resp, 200, "Signed out", "You are signed out. Your personal link still "
			     "works until it expires.", NULL, NULL);
}

#define PUB RD_ROUTE_PUBLIC
#define BROWSER (RD_ROUTE_PUBLIC | RD_ROUTE_HIDDEN)
const struct rd_route rd_core_routes[] = {
	{"GET", "/healthz", healthz, RD_ROLE_VIEWER, PUB, "liveness and database check", NULL},
	{"GET", "/metrics", rd_metrics_route, RD_ROLE_VIEWER, PUB, "Prometheus metrics", NULL},
	{"GET", "/login", login_page, RD_ROLE_VIEWER, BROWSER | RD_ROUTE_FALLBACK, "login form (fallback)", NULL},
	{"POST", "/login", login, RD_ROLE_VIEWER, BROWSER | RD_ROUTE_FORM, "password login", NULL},
	{"POST", "/logout", logout, RD_ROLE_VIEWER, BROWSER | RD_ROUTE_FORM, "end the staff session", NULL},
	{"GET", "/login/link/{token}", login_link, RD_ROLE_VIEWER, BROWSER, "one-time login link", NULL},
	{"GET", "/portal/enter/{token}", portal_enter, RD_ROLE_VIEWER, BROWSER, "portal magic link", NULL},
	{"POST", "/portal/logout", portal_logout, RD_ROLE_VIEWER, BROWSER | RD_ROUTE_FORM, "end the portal session", NULL},
	{NULL, NULL, NULL, 0, 0, NULL, NULL},
};
