/* server.h — the HTTP server's insides, shared by its files: the request
 * and response as handlers see them, the routes table row, and the helpers
 * every handler uses (JSON in and out, problem+json errors, path ids).
 *
 * Files: http.c (libmicrohttpd glue: listen, threads, body cap, access log,
 * graceful stop), router.c (the routes table and dispatch, role checks),
 * auth.c (who is asking: tokens, sessions, CSRF, login), errors.c (the one
 * place enum rd_err becomes an HTTP status and problem type), api_*.c (the
 * REST API), web_*.c / portal_*.c (pages, through page.h).
 *
 * Handlers never touch libmicrohttpd. A handler fills struct rd_resp; the
 * core turns it into a response, adds the ETag and the access-log line.
 * Ownership: json_t values passed to rd_resp_json are CONSUMED; char *msg
 * passed to rd_resp_err is CONSUMED (freed). Request strings are borrowed
 * for the request's lifetime (they live in its arena). */
#ifndef REDRESS_SERVER_H
#define REDRESS_SERVER_H
#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "page.h"
#include "redress/auth.h"
#include "redress/model.h"
#include "redress/outbox.h"
#include "redress/store.h"
#include "util/buf.h"

/* ---- configuration (cmd_serve.c fills it) ---- */

struct rd_server_config {
	const char *db;            /* --db / REDRESS_DB */
	const char *listen;        /* "127.0.0.1:8080"; port 0 picks a free one */
	const char *base_url;      /* for printed links; NULL: http://<bound address>.
				    * While running, req->cfg->base_url is the
				    * effective one, also recorded in the database. */
	size_t body_limit;         /* bytes; requests above get 413 */
	unsigned threads;          /* worker threads, each with its own store handle */
	unsigned timeout;          /* idle connection timeout, seconds */
	unsigned busy_timeout_ms;  /* a write waits this long for another program's lock, then 503 */
	const char *access_log;    /* "-" stderr (default), a file, or "off" */
	bool secure_cookies;       /* behind TLS: cookies get Secure */
	const char *first_admin;   /* make sure this admin exists (rd_first_admin), print a login link */
	int login_max_failures;    /* per account per 15 minutes (per address: 4x) */
	int64_t now_pin;           /* $REDRESS_NOW: every request's "now" (tests); 0: the clock */
	const char *trusted_proxy; /* this peer's X-Forwarded-For names the client; NULL: none */
	bool metrics_private;      /* --metrics-anonymous off: /metrics needs an API token */
	struct rd_mail_settings mail; /* --smtp-url, --mail-from: how email is sent */
	unsigned deliver_every;    /* seconds between delivery sweeps; 0: no worker */
};

/* The delivery worker (deliver.c): a thread that every cfg->deliver_every
 * seconds queues reminders and sends the outbox. Start once listening;
 * stop before the store goes away (waits for a sweep in progress). */
void rd_deliver_start(const struct rd_server_config *cfg);
void rd_deliver_stop(void);


/* Runs the server until SIGTERM or SIGINT, then stops gracefully: stops
 * accepting, lets requests in flight finish (up to 30 s), closes. Once
 * listening, prints "listening on http://ADDR:PORT" (the real port) on
 * stdout, then how to sign in (docs/cli/serve.md), and records its base URL
 * for other commands' links (rd_base_url_record). Returns the exit status. */
int rd_server_run(const struct rd_server_config *cfg);

/* The group commit every write request joins (router.c, lib/store/group.c),
 * opened when the server starts; NULL when the backend runs writers side by
 * side instead (store ops group_commit false) or outside the server. */
struct rd_group *rd_server_group(void);

/* How users reach the server ("http://127.0.0.1:8080", no trailing '/'):
 * --base-url, else the bound address; "" before the server is bound. */
const char *rd_server_base_url(void);

/* ---- per-request arena (http.c) ---- */

/* Request-scoped memory with a hard cap: everything a request allocates for
 * itself (body, captured strings) comes from here and is freed at once when
 * the request ends. */
struct rd_arena {
	struct rd_arena_block *head;
	size_t used, cap;
	bool over;                 /* an allocation hit the cap */
};
void *rd_arena_alloc(struct rd_arena *a, size_t n);
char *rd_arena_strdup(struct rd_arena *a, const char *s);
char *rd_arena_strndup(struct rd_arena *a, const char *s, size_t n);
void rd_arena_free(struct rd_arena *a);

/* ---- request and response ---- */

enum rd_auth_kind { RD_AUTH_NONE, RD_AUTH_TOKEN, RD_AUTH_SESSION, RD_AUTH_PORTAL };

struct rd_route;

struct rd_req {
	const struct rd_server_config *cfg;
	struct rd_store *store;        /* this worker thread's handle */
	const char *method;            /* "GET", "POST", "PATCH", "PUT", "DELETE" */
	const char *path;              /* decoded path, "/api/clients/3" */
	const char *params[4];         /* captured {x} segments */
	int nparams;
	json_t *query;                 /* object of strings (borrowed by handlers) */
	const char *body;              /* raw body (NUL-terminated), may be NULL */
	size_t body_len;
	json_t *json;                  /* API: the parsed JSON object body, or NULL */
	json_t *form;                  /* pages: form fields, object of strings */
	const char *content_type;
	const struct rd_route *route;  /* the API/core route matched, or NULL */
	enum rd_auth_kind auth;
	struct rd_actor actor;         /* valid when auth is TOKEN or SESSION */
	struct rd_session session;     /* valid when auth is SESSION or PORTAL */
	const char *csrf;              /* the token forms must echo */
	char remote[64];               /* client address, for the log and rate limits */
	int64_t now;
	int export_format;             /* enum rd_export_format the Accept header
	                                * chose on a table route; 0: JSON */
	struct rd_arena arena;
	void *conn;                    /* opaque (struct MHD_Connection *) */
};

#define RD_RESP_MAX_HEADERS 8

/* The Content-Security-Policy of every response (http.c): scripts, styles
 * and images only from this origin, nothing inline, no framing, forms post
 * only here. Pages must keep to it: no <script> blocks, no on* attributes,
 * no style attributes. */
#define RD_CSP "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " \
	"frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'"

struct rd_resp {
	int status;
	const char *content_type;      /* static string */
	struct rd_buf body;
	struct { const char *name; char *value; } headers[RD_RESP_MAX_HEADERS]; /* value malloc'd */
	int nheaders;
	bool no_etag;                  /* don't compute an ETag for this 200 */
	char etag[40];                 /* computed once ("…" quoted), or empty */
	char *log_note;                /* malloc'd; appended to the access-log line */
	json_t *json_later;            /* owned; rd_resp_json_later's body, not encoded yet */
	struct rd_resp_stream *stream; /* owned; rd_resp_stream's body, made as it is sent */
};

/* A body written while it is sent, part by part (rd_resp_stream): a long
 * check's JSON runs to tens of megabytes, which a buffer would hold whole
 * (and fault in afresh) before the first byte left. NEXT appends the next
 * part to OUT (emptied before each call) and sets *DONE with the last; an
 * error cuts the answer short (the client sees the connection end before
 * the body does: the status line has gone). FREE frees STATE, whether the
 * body was all sent or the client left first. */
struct rd_resp_stream {
	enum rd_err (*next)(void *state, struct rd_buf *out, bool *done);
	void (*free)(void *state);
	void *state;
	struct rd_buf part;            /* the part being sent */
	size_t off;                    /* how much of it has gone */
	bool done;                     /* NEXT gave the last part */
};

/* Answers STATUS with a body of CONTENT_TYPE (a static string) that NEXT
 * makes while it is sent (struct rd_resp_stream). CONSUMES state (FREE
 * frees it, also when this fails: then the answer is a 500). */
void rd_resp_stream(struct rd_resp *resp, int status, const char *content_type,
		    enum rd_err (*next)(void *state, struct rd_buf *out, bool *done),
		    void (*free_state)(void *state), void *state);

/* Returns the value of request header NAME, or NULL. */
const char *rd_req_header(struct rd_req *r, const char *name);
/* Returns cookie NAME's value (arena copy), or NULL. */
const char *rd_req_cookie(struct rd_req *r, const char *name);

/* Adds a response header (VALUE copied). */
void rd_resp_header(struct rd_resp *resp, const char *name, const char *value);
/* Sets a JSON body and status. CONSUMES j. */
void rd_resp_json(struct rd_resp *resp, int status, json_t *j);
/* The same, but J is encoded only by rd_resp_json_finish: a write's answer
 * is then written after the group's writer slot, not inside it (router.c
 * finishes it once the write path returned; send_resp does too). CONSUMES j. */
void rd_resp_json_later(struct rd_resp *resp, int status, json_t *j);
/* Encodes the body rd_resp_json_later left, if any (rd_resp_json's rules). */
void rd_resp_json_finish(struct rd_resp *resp);
/* Empties the body for a JSON answer with STATUS that the caller writes
 * itself (a library writer appending compact JSON) and returns it, room
 * reserved: rd_resp_json without a tree. A caller whose writer failed
 * answers with rd_resp_err, which replaces whatever it wrote. */
struct rd_buf *rd_resp_json_body(struct rd_resp *resp, int status);
/* Writes an RFC 9457 problem: {type, title, status, detail, instance}.
 * TYPE is the short name ("not-found"); the body's type is "/problems/TYPE". */
void rd_resp_problem(struct rd_resp *resp, struct rd_req *req, int status, const char *type,
		     const char *detail);
/* Writes the problem for a library error (errors.c). CONSUMES msg. */
void rd_resp_err(struct rd_resp *resp, struct rd_req *req, enum rd_err err, char *msg);
/* A 303 redirect to LOCATION. */
void rd_resp_redirect(struct rd_resp *resp, const char *location);
/* A small HTML page (title + text, both escaped) with STATUS. */
void rd_resp_html_message(struct rd_resp *resp, int status, const char *title, const char *text,
			  const char *link, const char *link_text);

/* errors.c: the HTTP status and problem type for a library error. */
int rd_err_http_status(enum rd_err err);
const char *rd_err_problem_type(enum rd_err err);
/* The title for a problem type ("Not found"). */
const char *rd_problem_title(const char *type);


/* ---- handler helpers (router.c) ---- */

/* The id of ENTITY named by path parameter IDX (an id or a label). On
 * failure writes 404 (or 422) and returns false. */
bool rd_req_path_id(struct rd_req *req, struct rd_resp *resp, int idx, const char *entity,
		    int64_t *id);
/* Refuses (422) any body key not in ALLOWED (NULL-terminated). An absent
 * body counts as {}. */
bool rd_req_only(struct rd_req *req, struct rd_resp *resp, const char *const *allowed);
/* A string member of the body; REQUIRED: 422 when missing. *out NULL when
 * absent and optional. */
bool rd_req_str(struct rd_req *req, struct rd_resp *resp, const char *key, bool required,
		const char **out);
/* A reference to a record (an id or a name/label) as a string or as a
 * positive integer, which is written in decimal into BUF: clients send ids
 * either way. 422 naming KEY for anything else. *out NULL when absent. */
bool rd_req_ref(struct rd_req *req, struct rd_resp *resp, const char *key, char buf[24],
		const char **out);
/* A time member (ISO 8601 string or epoch integer); DFLT when absent. */
bool rd_req_time(struct rd_req *req, struct rd_resp *resp, const char *key, int64_t dflt,
		 int64_t *out);
/* A boolean member; DFLT when absent. */
bool rd_req_bool(struct rd_req *req, struct rd_resp *resp, const char *key, bool dflt, bool *out);
/* The query parameter KEY as an ISO time ("?at="), DFLT when absent. */
bool rd_req_query_time(struct rd_req *req, struct rd_resp *resp, const char *key, int64_t dflt,
		       int64_t *out);
/* The query parameter KEY as a count from 1 to MAX ("?limit="), 0 when
 * absent; anything else is a 400 naming the parameter and its value. */
bool rd_req_query_count(struct rd_req *req, struct rd_resp *resp, const char *key, int max, int *out);

/* Sends record ENTITY #ID (after a write) with STATUS, or the error. */
void rd_resp_record(struct rd_resp *resp, struct rd_req *req, const char *entity, int64_t id,
		    int status);

/* ---- routes ---- */

typedef void (*rd_handler_fn)(struct rd_req *req, struct rd_resp *resp);

enum {
	RD_ROUTE_PUBLIC = 1 << 0,   /* no authentication (healthz, login) */
	RD_ROUTE_FORM = 1 << 1,     /* body is a form (core login/logout), not JSON */
	RD_ROUTE_FALLBACK = 1 << 2, /* only when no web page route matches */
	RD_ROUTE_HIDDEN = 1 << 3,   /* not in the OpenAPI document (browser-only) */
	RD_ROUTE_CACHE = 1 << 4,    /* GET answers may be served from cache.c */
	/* a POST that changes nothing (POST /api/check): it does not queue on
	 * the write lock, so a long one never delays other users' writes */
	RD_ROUTE_READONLY = 1 << 5,
	/* takes bodies up to RD_BIG_BODY bytes (or --body-limit if larger):
	 * POST /api/check must accept a multi-megabyte message */
	RD_ROUTE_BIG_BODY = 1 << 6,
	/* the body is not JSON: the handler reads req->body (POST /api/inbound) */
	RD_ROUTE_RAW = 1 << 7,
};
#define RD_BIG_BODY ((size_t)8 << 20)

struct rd_route {
	const char *method;
	const char *pattern;        /* "/api/clients/{id}" */
	rd_handler_fn fn;
	enum rd_role min_role;      /* API routes: the least role that may call it */
	unsigned flags;
	const char *summary;        /* one line, for --print-routes and the docs */
	const char *entity;         /* generic entity routes: the entity */
};

/* All routes (domain rows, generated entity rows, core rows), built once
 * by rd_routes_init; ended by a NULL method. */
extern const struct rd_route *rd_routes;
extern size_t rd_nroutes;
void rd_routes_init(void);
void rd_routes_print(FILE *f);
/* The body cap for METHOD PATH: RD_BIG_BODY for a RD_ROUTE_BIG_BODY route
 * when that is larger than dflt (the server's --body-limit), else dflt.
 * Pages and unknown paths get dflt. */
size_t rd_route_body_limit(const char *method, const char *path, size_t dflt);

/* api_records.c: appends the generic entity rows to V (a growing array). */
void rd_api_entity_routes(struct rd_route **v, size_t *n, size_t *cap);
/* api_domain.c: the domain rows, ended by a NULL method. */
extern const struct rd_route rd_api_domain_routes[];
/* api_metrics.c: the reporting rows, ended by a NULL method. */
extern const struct rd_route rd_api_metrics_routes[];
/* api_mail.c: outbox, send, inbound; ended by a NULL method. */
extern const struct rd_route rd_api_mail_routes[];
/* api_intake.c: alert intake, draft confirmation, calendar feeds (and
 * the public /cal/<token>.ics); ended by a NULL method. */
extern const struct rd_route rd_api_intake_routes[];
/* api_webhooks.c: webhook endpoints and their delivery log; ended by a
 * NULL method. */
extern const struct rd_route rd_api_webhook_routes[];
/* auth.c: login, logout, magic links, healthz; ended by a NULL method. */
extern const struct rd_route rd_core_routes[];

/* router.c: handles one request from start to end (match, authenticate,
 * check role and CSRF, call). */
void rd_dispatch(struct rd_req *req, struct rd_resp *resp);

/* ---- authentication (auth.c) ---- */

/* Authenticates an API request (bearer token or staff session + CSRF
 * header on writes). False after writing 401/403. */
bool rd_auth_api(struct rd_req *req, struct rd_resp *resp);
/* Authenticates a page request of the given access; false after writing
 * the redirect/401/403. Sets req->csrf and checks it on POST. */
bool rd_auth_page(struct rd_req *req, struct rd_resp *resp, enum rd_page_access access,
		  enum rd_role min_role);

/* Sets the staff session cookie to TOKEN (copied) on RESP. */
void rd_auth_start_session(struct rd_req *req, struct rd_resp *resp, const char *token);

/* ---- CSV and XLSX answers of list routes (export.c) ---- */

/* The export format ACCEPT (may be NULL) prefers over JSON: RD_EXPORT_CSV
 * for text/csv, RD_EXPORT_XLSX for the spreadsheet type, 0 for JSON (also
 * for * / * and when application/json weighs as much). */
int rd_accept_export(const char *accept);
/* The table a list route's rows are (an entity name, or a view of
 * rd_export_view_cols), or NULL when the route is not a list: every GET of
 * a generic entity list, and the rows of export.c's table_routes. */
const char *rd_route_table(const struct rd_route *route);
/* Turns the JSON list answer in RESP (200, {"items": […]}) into the format
 * of req->export_format with the columns of the route's table, with a
 * Content-Disposition naming the file. Anything else is left alone. */
void rd_resp_export(struct rd_req *req, struct rd_resp *resp, const struct rd_route *route);

/* ---- response cache (cache.c) ---- */

/* Looks REQ up; on a hit fills RESP and returns true. Either way *key (a
 * malloc'd string the CALLER frees, may be NULL) and *version are what
 * rd_cache_store needs after computing the answer. */
bool rd_cache_lookup(struct rd_req *req, struct rd_resp *resp, char **key, int64_t *version);
void rd_cache_store(const char *key, int64_t version, struct rd_resp *resp);

/* Sets resp->etag from the body (BLAKE2b-128, quoted hex). */
void rd_resp_etag(struct rd_resp *resp);

/* ---- metrics (metrics.c) ---- */

/* Allocates the per-route request counters (after rd_routes_init); false
 * when out of memory. rd_metrics_free releases them when the server stops. */
bool rd_metrics_init(void);
void rd_metrics_free(void);
/* Counts one answered request: route SLOT (0 unmatched, 1 a page, 2 + the
 * index in rd_routes), its PATH (for the route class), STATUS and the time
 * it took in microseconds. Lock-free; called by every worker. */
void rd_metrics_count(size_t slot, const char *path, int status, int64_t us);
/* GET /metrics (a row in auth.c's core routes). */
void rd_metrics_route(struct rd_req *req, struct rd_resp *resp);
/* Requests being handled now (http.c). */
int rd_server_inflight(void);

#endif
