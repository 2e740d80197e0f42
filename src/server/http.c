/* http.c — the HTTP core on libmicrohttpd: binds the listen socket, runs a
 * pool of worker threads (each with its own store handle, opened lazily),
 * receives bodies under a hard cap, hands each request to the router,
 * turns the handler's struct rd_resp into a response (security headers,
 * ETag / 304), writes the access log, counts requests (metrics.c), stops gracefully
 * on SIGTERM: no new connections, requests in flight finish, then close.
 *
 * Nothing here knows a route or an entity: that is router.c and api_*.c. */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <microhttpd.h>
#include <netdb.h>
#include <pthread.h>
#include <signal.h>
#include <sodium.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "redress/agenda.h"
#include "redress/settings.h"
#include "redress/time.h"
#include "server.h"
#include "util/dynlib.h"

/* libmicrohttpd is resolved when the server starts (util/dynlib.h): it
 * brings GnuTLS, whose start-up cost every CLI command would otherwise pay. */
static struct {
	__typeof__(MHD_add_response_header) *MHD_add_response_header;
	__typeof__(MHD_create_response_from_buffer) *MHD_create_response_from_buffer;
	__typeof__(MHD_create_response_from_callback) *MHD_create_response_from_callback;
	__typeof__(MHD_destroy_response) *MHD_destroy_response;
	__typeof__(MHD_get_connection_info) *MHD_get_connection_info;
	__typeof__(MHD_get_connection_values) *MHD_get_connection_values;
	__typeof__(MHD_lookup_connection_value) *MHD_lookup_connection_value;
	__typeof__(MHD_queue_response) *MHD_queue_response;
	__typeof__(MHD_quiesce_daemon) *MHD_quiesce_daemon;
	__typeof__(MHD_start_daemon) *MHD_start_daemon;
	__typeof__(MHD_stop_daemon) *MHD_stop_daemon;
} mhd;

static const struct rd_dynsym mhd_syms[] = {
	{"MHD_add_response_header", (void **)&mhd.MHD_add_response_header},
	{"MHD_create_response_from_buffer", (void **)&mhd.MHD_create_response_from_buffer},
	{"MHD_create_response_from_callback", (void **)&mhd.MHD_create_response_from_callback},
	{"MHD_destroy_response", (void **)&mhd.MHD_destroy_response},
	{"MHD_get_connection_info", (void **)&mhd.MHD_get_connection_info},
	{"MHD_get_connection_values", (void **)&mhd.MHD_get_connection_values},
	{"MHD_lookup_connection_value", (void **)&mhd.MHD_lookup_connection_value},
	{"MHD_queue_response", (void **)&mhd.MHD_queue_response},
	{"MHD_quiesce_daemon", (void **)&mhd.MHD_quiesce_daemon},
	{"MHD_start_daemon", (void **)&mhd.MHD_start_daemon},
	{"MHD_stop_daemon", (void **)&mhd.MHD_stop_daemon},
	{NULL, NULL},
};

#define MHD_add_response_header (*mhd.MHD_add_response_header)
#define MHD_create_response_from_buffer (*mhd.MHD_create_response_from_buffer)
#define MHD_create_response_from_callback (*mhd.MHD_create_response_from_callback)
#define MHD_destroy_response (*mhd.MHD_destroy_response)
#define MHD_get_connection_info (*mhd.MHD_get_connection_info)
#define MHD_get_connection_values (*mhd.MHD_get_connection_values)
#define MHD_lookup_connection_value (*mhd.MHD_lookup_connection_value)
#define MHD_queue_response (*mhd.MHD_queue_response)
#define MHD_quiesce_daemon (*mhd.MHD_quiesce_daemon)
#define MHD_start_daemon (*mhd.MHD_start_daemon)
#define MHD_stop_daemon (*mhd.MHD_stop_daemon)

/* ---- arena ---- */

struct rd_arena_block {
	struct rd_arena_block *next;
	size_t size, used;
	_Alignas(16) char data[];
};

#define ARENA_BLOCK 8192

void *rd_arena_alloc(struct rd_arena *a, size_t n)
{
	n = (n + 15) & ~(size_t)15;
	if (a->used + n > a->cap) {
		a->over = true;
		return NULL;
	}
	struct rd_arena_block *b = a->head;
	if (!b || b->size - b->used < n) {
		size_t sz = n > ARENA_BLOCK ? n : ARENA_BLOCK;
		b = malloc(sizeof *b + sz);
		if (!b)
			return NULL;
		b->size = sz;
		b->used = 0;
		b->next = a->head;
		a->head = b;
	}
	void *p = b->data + b->used;
	b->used += n;
	a->used += n;
	return p;
}

char *rd_arena_strndup(struct rd_arena *a, const char *s, size_t n)
{
	char *p = rd_arena_alloc(a, n + 1);
	if (p) {
		memcpy(p, s, n);
		p[n] = '\0';
	}
	return p;
}

char *rd_arena_strdup(struct rd_arena *a, const char *s)
{
	return s ? rd_arena_strndup(a, s, strlen(s)) : NULL;
}

void rd_arena_free(struct rd_arena *a)
{
	while (a->head) {
		struct rd_arena_block *n = a->head->next;
		free(a->head);
		a->head = n;
	}
	a->used = 0;
}

/* ---- server state ---- */

static const struct rd_server_config *g_cfg;

/* "Now" for a request or a tick: the pinned instant when the front pinned
 * one, else the clock. The one place the server reads the time of day. */
static int64_t server_now(void)
{
	return g_cfg->now_pin ? g_cfg->now_pin : (int64_t)time(NULL);
}

static pthread_key_t store_key;
static atomic_int inflight;
static atomic_bool stopping;
static int log_fd = -1;
static char g_base[400];
static struct rd_group *g_group;

const char *rd_server_base_url(void)
{
	return g_base;
}

struct rd_group *rd_server_group(void)
{
	return g_group;
}

static void store_destroy(void *p)
{
	rd_store_close(p);
}

static struct rd_store *thread_store(char **errmsg)
{
	struct rd_store *s = pthread_getspecific(store_key);
	if (s)
		return s;
	/* serve migrated the database once at start; a worker never does */
	if (rd_store_open_mode(g_cfg->db, RD_STORE_NOMIGRATE, &s, errmsg))
		return NULL;
	if (g_cfg->busy_timeout_ms)
		rd_store_set_busy_timeout(s, (int)g_cfg->busy_timeout_ms);
	pthread_setspecific(store_key, s);
	return s;
}

static int64_t mono_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

/* ---- request helpers used by handlers ---- */

const char *rd_req_header(struct rd_req *r, const char *name)
{
	return MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, name);
}

const char *rd_req_cookie(struct rd_req *r, const char *name)
{
	return MHD_lookup_connection_value(r->conn, MHD_COOKIE_KIND, name);
}

void rd_resp_header(struct rd_resp *resp, const char *name, const char *value)
{
	if (resp->nheaders >= RD_RESP_MAX_HEADERS)
		return;
	char *v = strdup(value);
	if (!v)
		return;
	resp->headers[resp->nheaders].name = name;
	resp->headers[resp->nheaders].value = v;
	resp->nheaders++;
}

/* ---- per-connection state ---- */

struct conn_state {
	struct rd_req req;
	bool started;        /* on_request has seen this request */
	bool raw_nul;        /* the raw request target holds %00 */
	const char *uri_at;  /* where libmicrohttpd holds the raw target (compared, never read) */
	size_t uri_len;      /* its length up to the first NUL */
	char *body;
	size_t len, cap;
	bool too_large;
	bool answered;       /* a response was queued on the first call */
	int64_t start_us;
	size_t route_slot;
	size_t limit;        /* body cap of the route asked for (rd_route_body_limit) */
};

static enum MHD_Result query_iter(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
	json_t *q = cls;
	(void)kind;
	if (!json_object_get(q, key)) {
		json_t *v = json_string(value ? value : "");
		if (!v) /* not UTF-8: the router refuses the request */
			v = json_null();
		json_object_set_new(q, key, v);
	}
	return MHD_YES;
}

/* Behind --trusted-proxy ADDR, a request from ADDR is from the client its
 * X-Forwarded-For names last (the entry the proxy itself appended; earlier
 * ones come from the client and prove nothing). Anyone else's header is
 * ignored, so it cannot dodge the per-address sign-in limit. */
static void forwarded_for(struct MHD_Connection *c, char *remote, size_t n)
{
	if (!g_cfg->trusted_proxy || strcmp(remote, g_cfg->trusted_proxy) != 0)
		return;
	const char *xff = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "X-Forwarded-For");
	if (!xff)
		return;
	const char *last = strrchr(xff, ',');
	last = last ? last + 1 : xff;
	while (*last == ' ' || *last == '\t')
		last++;
	char addr[INET6_ADDRSTRLEN + 1];
	size_t len = strcspn(last, " \t");
	if (len == 0 || len >= sizeof addr)
		return;
	memcpy(addr, last, len);
	addr[len] = '\0';
	unsigned char bin[sizeof(struct in6_addr)];
	if (inet_pton(AF_INET, addr, bin) == 1 || inet_pton(AF_INET6, addr, bin) == 1)
		snprintf(remote, n, "%s", addr);
}

static void client_addr(struct MHD_Connection *c, char *out, size_t n)
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	snprintf(out, n, "-");
	if (!ci || !ci->client_addr)
		return;
	const struct sockaddr *sa = ci->client_addr;
	if (sa->sa_family == AF_INET)
		inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr, out, (socklen_t)n);
	else if (sa->sa_family == AF_INET6)
		inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)sa)->sin6_addr, out, (socklen_t)n);
}

/* The longest request target and header block the server reads; longer
 * ones get 414 / 431 as problem+json from early_bad_request. libmicrohttpd's
 * per-connection memory (CONN_MEMORY) is set well above both, so it does
 * not answer first with its own bare HTML page (up to a head of about 60 KB
 * the 431 is ours). No larger: libmicrohttpd 0.9.75 zeroes the whole pool
 * before each request of a kept-alive connection (MHD_pool_reset), so its
 * size is paid on every request — at 256 KiB, a quarter of a dashboard's. */
#define MAX_TARGET 8192
#define MAX_HEADERS 32768
#define CONN_MEMORY ((size_t)64 * 1024)

static enum MHD_Result header_bytes(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
	(void)kind;
	*(size_t *)cls += strlen(key) + (value ? strlen(value) : 0) + 4;
	return MHD_YES;
}

/* Secrets in paths (magic and login links, calendar feeds) never reach the log. */
static void log_path(struct rd_buf *b, const char *path)
{
	static const char *const secret[] = {"/portal/enter/", "/login/link/", "/password/rdr_", "/cal/", NULL};
	for (int i = 0; secret[i]; i++) {
		size_t n = strlen(secret[i]);
		if (strncmp(path, secret[i], n) == 0) {
			rd_buf_add(b, path, n);
			rd_buf_adds(b, "[redacted]");
			return;
		}
	}
	bool utf8 = rd_utf8_valid(path, strlen(path), NULL);
	for (const char *p = path; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == '"' || *p == 0x7f || (!utf8 && (unsigned char)*p >= 0x80))
			rd_buf_addf(b, "\\x%02x", (unsigned char)*p);
		else
			rd_buf_addc(b, *p);
}

static void access_log(struct conn_state *cs, int status, size_t bytes, const char *note)
{
	if (log_fd < 0)
		return;
	struct rd_req *r = &cs->req;
	char ts[RD_TIME_BUFSZ];
	double ms = (double)(mono_us() - cs->start_us) / 1000.0;
	struct rd_buf b = RD_BUF_INIT;
	rd_buf_addf(&b, "%s %s \"%s ", rd_time_format(time(NULL), ts), r->remote, r->method);
	log_path(&b, r->path ? r->path : "?");
	const char *who = r->auth == RD_AUTH_TOKEN || r->auth == RD_AUTH_SESSION ? r->actor.label
			  : r->auth == RD_AUTH_PORTAL ? "portal" : "-";
	if (bytes == SIZE_MAX)   /* a streamed body: its length is not known yet */
		rd_buf_addf(&b, "\" %d - %.2fms %s", status, ms, who);
	else
		rd_buf_addf(&b, "\" %d %zu %.2fms %s", status, bytes, ms, who);
	if (r->auth == RD_AUTH_PORTAL)
		rd_buf_addf(&b, ":contact#%" PRId64, r->session.contact_id);
	if (note)
		rd_buf_addf(&b, " %s", note);
	rd_buf_addc(&b, '\n');
	if (!b.oom) {
		ssize_t w = write(log_fd, b.data, b.len);
		(void)w; /* the log is best effort; a full disk must not stop serving */
	}
	rd_buf_free(&b);
}

int rd_server_inflight(void)
{
	return atomic_load(&inflight);
}

/* ---- responses ---- */

void rd_resp_etag(struct rd_resp *resp)
{
	unsigned char h[16];
	static const char hex[] = "0123456789abcdef";
	crypto_generichash(h, sizeof h, (const unsigned char *)(resp->body.data ? resp->body.data : ""),
			   resp->body.len, NULL, 0);
	resp->etag[0] = '"';
	for (int i = 0; i < 16; i++) {
		resp->etag[1 + 2 * i] = hex[h[i] >> 4];
		resp->etag[2 + 2 * i] = hex[h[i] & 15];
	}
	resp->etag[33] = '"';
	resp->etag[34] = '\0';
}

static bool etag_matches(const char *inm, const char *etag)
{
	if (!inm)
		return false;
	if (strcmp(inm, "*") == 0)
		return true;
	size_t n = strlen(etag);
	for (const char *p = inm; (p = strstr(p, etag + 0)); p += n) {
		/* etag is quoted; a W/ prefix matches too (weak comparison) */
		char after = p[n];
		if (after == '\0' || after == ',' || after == ' ')
			return true;
	}
	return false;
}

void rd_resp_stream(struct rd_resp *resp, int status, const char *content_type,
		    enum rd_err (*next)(void *state, struct rd_buf *out, bool *done),
		    void (*free_state)(void *state), void *state)
{
	struct rd_resp_stream *st = calloc(1, sizeof *st);
	if (!st) {
		free_state(state);
		rd_resp_problem(resp, NULL, 500, "internal", "out of memory");
		return;
	}
	st->next = next;
	st->free = free_state;
	st->state = state;
	rd_buf_free(&resp->body);
	resp->status = status;
	resp->content_type = content_type;
	resp->stream = st;
}

static void stream_free(void *cls)
{
	struct rd_resp_stream *st = cls;
	if (!st)
		return;
	st->free(st->state);
	rd_buf_free(&st->part);
	free(st);
}

/* libmicrohttpd asks for the next bytes of a streamed body: the rest of
 * the part being sent, the next part once it is all gone. */
static ssize_t stream_read(void *cls, uint64_t pos, char *buf, size_t max)
{
	(void)pos;
	struct rd_resp_stream *st = cls;
	while (st->off == st->part.len) {
		if (st->done)
			return MHD_CONTENT_READER_END_OF_STREAM;
		st->part.len = 0;
		st->off = 0;
		if (st->next(st->state, &st->part, &st->done) != RD_OK || st->part.oom)
			return MHD_CONTENT_READER_END_WITH_ERROR;
	}
	size_t n = st->part.len - st->off;
	if (n > max)
		n = max;
	memcpy(buf, st->part.data + st->off, n);
	st->off += n;
	return (ssize_t)n;
}

static enum MHD_Result send_resp(struct conn_state *cs, struct MHD_Connection *conn, struct rd_resp *resp)
{
	struct rd_req *r = &cs->req;
	rd_resp_json_finish(resp);
	bool is_get = strcmp(r->method, "GET") == 0 || strcmp(r->method, "HEAD") == 0;
	bool api = r->path && strncmp(r->path, "/api/", 5) == 0;
	int status = resp->status ? resp->status : 200;
	if (is_get && status == 200 && !resp->no_etag) {
		if (!resp->etag[0])
			rd_resp_etag(resp);
		if (etag_matches(rd_req_header(r, MHD_HTTP_HEADER_IF_NONE_MATCH), resp->etag)) {
			status = 304;
			rd_buf_free(&resp->body);
		}
	}
	const char *etag = is_get && (status == 200 || status == 304) && !resp->no_etag ? resp->etag : "";
	size_t len = resp->body.len;
	struct MHD_Response *mr;
	if (resp->stream) {   /* the connection owns it from here */
		struct rd_resp_stream *st = resp->stream;
		resp->stream = NULL;
		len = SIZE_MAX;   /* not known yet: the access log says "-" */
		mr = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 64 * 1024, stream_read, st, stream_free);
		if (!mr) {
			stream_free(st);
			return MHD_NO;
		}
	} else {
		char *data = rd_buf_detach(&resp->body);
		mr = data ? MHD_create_response_from_buffer(len, data, MHD_RESPMEM_MUST_FREE)
			  : MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
		if (!mr) {
			free(data);
			return MHD_NO;
		}
	}
	if (status != 304 || resp->content_type)
		MHD_add_response_header(mr, MHD_HTTP_HEADER_CONTENT_TYPE,
					resp->content_type ? resp->content_type : "text/html; charset=utf-8");
	if (etag[0])
		MHD_add_response_header(mr, MHD_HTTP_HEADER_ETAG, etag);
	bool cache_set = false;
	for (int i = 0; i < resp->nheaders; i++) {
		MHD_add_response_header(mr, resp->headers[i].name, resp->headers[i].value);
		if (strcasecmp(resp->headers[i].name, "Cache-Control") == 0)
			cache_set = true;
	}
	if (!cache_set)
		MHD_add_response_header(mr, "Cache-Control", api ? "private, no-cache" : "no-store");
	MHD_add_response_header(mr, "X-Content-Type-Options", "nosniff");
	/* Magic-link tokens live in URLs: never leak them through Referer. */
	MHD_add_response_header(mr, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(mr, "X-Frame-Options", "DENY");
	/* No inline script, style or handler anywhere: a page that slipped an
	 * injected <script> past the escaper still could not run it. */
	MHD_add_response_header(mr, "Content-Security-Policy", RD_CSP);
	if (g_cfg->secure_cookies)
		MHD_add_response_header(mr, "Strict-Transport-Security", "max-age=31536000");
	if (atomic_load(&stopping))
		MHD_add_response_header(mr, MHD_HTTP_HEADER_CONNECTION, "close");
	enum MHD_Result ret = MHD_queue_response(conn, (unsigned)status, mr);
	MHD_destroy_response(mr);
	int64_t us = mono_us() - cs->start_us;
	rd_metrics_count(cs->route_slot, cs->req.path, status, us);
	access_log(cs, status, len, resp->log_note);
	return ret;
}

static void resp_free(struct rd_resp *resp);

/* Requests refused before any handler runs (a NUL in the target, a target
 * or headers too large): the API gets problem+json, a browser an error
 * page in the app's layout; both with every security header. */
static enum MHD_Result early_bad_request(struct conn_state *cs, struct MHD_Connection *conn, int status,
					 const char *detail)
{
	struct rd_resp resp = {0};
	const char *path = cs->req.path ? cs->req.path : "";
	const char *type = status == 414 ? "uri-too-long" : status == 431 ? "headers-too-large" : "bad-request";
	if (strncmp(path, "/api/", 5) == 0 || strcmp(path, "/api") == 0 || status != 400)
		rd_resp_problem(&resp, &cs->req, status, type, detail);
	else
		rd_resp_html_message(&resp, 400, "Bad request", detail, "/", "Home");
	rd_resp_header(&resp, MHD_HTTP_HEADER_CONNECTION, "close");
	enum MHD_Result ret = send_resp(cs, conn, &resp);
	resp_free(&resp);
	return ret;
}

static void resp_free(struct rd_resp *resp)
{
	rd_buf_free(&resp->body);
	stream_free(resp->stream);   /* not handed to the connection */
	resp->stream = NULL;
	json_decref(resp->json_later);
	for (int i = 0; i < resp->nheaders; i++)
		free(resp->headers[i].value);
	free(resp->log_note);
}

static enum MHD_Result early_problem(struct conn_state *cs, struct MHD_Connection *conn, int status,
				     const char *type, const char *detail)
{
	struct rd_resp resp = {0};
	rd_resp_problem(&resp, &cs->req, status, type, detail);
	rd_resp_header(&resp, MHD_HTTP_HEADER_CONNECTION, "close");
	enum MHD_Result ret = send_resp(cs, conn, &resp);
	resp_free(&resp);
	return ret;
}

static bool body_append(struct conn_state *cs, const char *data, size_t n)
{
	if (cs->too_large || cs->len + n > cs->limit) {
		cs->too_large = true;
		cs->len += n; /* counted, discarded */
		return cs->len <= 4 * cs->limit + 65536;
	}
	if (cs->len + n + 1 > cs->cap) {
		size_t cap = cs->cap ? cs->cap * 2 : 4096;
		while (cap < cs->len + n + 1)
			cap *= 2;
		if (cap > cs->limit + 1)
			cap = cs->limit + 1;
		char *nb = rd_arena_alloc(&cs->req.arena, cap);
		if (!nb) {
			cs->too_large = true;
			return true;
		}
		if (cs->len)
			memcpy(nb, cs->body, cs->len);
		cs->body = nb; /* the old block stays in the arena until the request ends */
		cs->cap = cap;
	}
	memcpy(cs->body + cs->len, data, n);
	cs->len += n;
	cs->body[cs->len] = '\0';
	return true;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
				  const char *method, const char *version, const char *upload_data,
				  size_t *upload_data_size, void **con_cls)
{
	(void)cls;
	struct conn_state *cs = *con_cls;
	if (!cs) {
		cs = calloc(1, sizeof *cs);
		if (!cs)
			return MHD_NO;
		*con_cls = cs;
		cs->start_us = mono_us();
	}
	if (!cs->started) {
		/* In flight from here: a request libmicrohttpd refuses itself after
		 * on_uri never gets this far and must not hold up a graceful stop. */
		cs->started = true;
		atomic_fetch_add(&inflight, 1);
		cs->req.cfg = g_cfg;
		cs->req.conn = conn;
		/* The cap covers the body plus what the request allocates for
		 * itself; JSON trees are counted by the body cap. */
		cs->limit = rd_route_body_limit(method, url, g_cfg->body_limit);
		cs->req.arena.cap = cs->limit * 2 + (1u << 20);
		cs->req.method = rd_arena_strdup(&cs->req.arena, method);
		cs->req.path = rd_arena_strdup(&cs->req.arena, url);
		client_addr(conn, cs->req.remote, sizeof cs->req.remote);
		forwarded_for(conn, cs->req.remote, sizeof cs->req.remote);
		/* libmicrohttpd cuts the request line into target and version in
		 * place, so the version starts one byte after the target's end;
		 * further on, the "end" was a raw NUL byte inside the target. */
		uintptr_t at = (uintptr_t)cs->uri_at, ver = (uintptr_t)version;
		if (at && ver > at + cs->uri_len + 1 && ver <= at + cs->uri_len + MAX_TARGET)
			cs->raw_nul = true;
		if (cs->raw_nul) {
			cs->answered = true;
			return early_bad_request(cs, conn, 400, "the request target contains a NUL character (%00)");
		}
		if (cs->uri_len > MAX_TARGET) {
			cs->answered = true;
			/* the problem's "instance" and the log get its start only */
			if (cs->req.path && strlen(cs->req.path) > 200)
				cs->req.path = rd_arena_strndup(&cs->req.arena, cs->req.path, 200);
			char d[96];
			snprintf(d, sizeof d, "the request target is longer than %d bytes", MAX_TARGET);
			return early_bad_request(cs, conn, 414, d);
		}
		size_t hbytes = 0;
		MHD_get_connection_values(conn, MHD_HEADER_KIND, header_bytes, &hbytes);
		if (hbytes > MAX_HEADERS) {
			cs->answered = true;
			char d[96];
			snprintf(d, sizeof d, "the request headers are larger than %d bytes", MAX_HEADERS);
			return early_bad_request(cs, conn, 431, d);
		}
		const char *cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
							     MHD_HTTP_HEADER_CONTENT_LENGTH);
		if (cl) {
			char *end;
			errno = 0;
			unsigned long long n = strtoull(cl, &end, 10);
			/* Moderately oversized bodies are read and dropped, so the client
			 * (still sending) reliably gets its 413; absurd ones are refused
			 * at once and the connection closed. */
			if (!errno && !*end && n > cs->limit && n <= 4 * (unsigned long long)cs->limit + 65536)
				cs->too_large = true;
			else if (errno || *end || n > cs->limit) {
				cs->answered = true;
				char detail[128];
				snprintf(detail, sizeof detail, "the request body is larger than %zu bytes",
					 cs->limit);
				return early_problem(cs, conn, 413, "payload-too-large", detail);
			}
		}
		return MHD_YES;
	}
	if (cs->answered) {
		*upload_data_size = 0; /* the response is out; drop the rest */
		return MHD_YES;
	}
	if (*upload_data_size) {
		bool go_on = body_append(cs, upload_data, *upload_data_size);
		*upload_data_size = 0;
		return go_on ? MHD_YES : MHD_NO;
	}
	/* The whole request is in: answer it. */
	struct rd_req *r = &cs->req;
	struct rd_resp resp = {0};
	enum MHD_Result ret;
	if (cs->too_large) {
		char detail[128];
		snprintf(detail, sizeof detail, "the request body is larger than %zu bytes", cs->limit);
		rd_resp_problem(&resp, r, 413, "payload-too-large", detail);
		rd_resp_header(&resp, MHD_HTTP_HEADER_CONNECTION, "close");
		goto send;
	}
	if (!r->method || !r->path) {
		rd_resp_problem(&resp, r, 500, "internal", "out of memory");
		goto send;
	}
	r->body = cs->body;
	r->body_len = cs->len;
	r->now = server_now();
	r->query = json_object();
	MHD_get_connection_values(conn, MHD_GET_ARGUMENT_KIND, query_iter, r->query);
	char *msg = NULL;
	r->store = thread_store(&msg);
	if (!r->store) {
		fprintf(stderr, "redress serve: %s\n", msg ? msg : "cannot open the database");
		free(msg);
		rd_resp_problem(&resp, r, 503, "unavailable", "the database cannot be opened");
		goto send;
	}
	rd_dispatch(r, &resp);
	/* A handler must close what it opens; if one did not, the next request
	 * on this thread must not inherit its transaction. */
	if (((struct rd_store_base *)r->store)->tx_depth > 0) {
		fprintf(stderr, "redress serve: %s %s left a transaction open; rolled back\n", r->method, r->path);
		while (((struct rd_store_base *)r->store)->tx_depth > 0)
			rd_store_rollback(r->store);
	}
	if (r->route)
		cs->route_slot = (size_t)(r->route - rd_routes) + 2;
	else if (resp.status != 404 && resp.status != 405)
		cs->route_slot = 1;
send:
	ret = send_resp(cs, conn, &resp);
	resp_free(&resp);
	return ret;
}

/* libmicrohttpd calls this with the raw request target (before it decodes
 * %XX), and what it returns becomes the request's state: the one place a
 * %00, which decoding would turn into a silent truncation ("/api/clients/
 * 1%00" read as client 1), can still be seen. */
static void *on_uri(void *cls, const char *uri, struct MHD_Connection *conn)
{
	(void)cls;
	(void)conn;
	struct conn_state *cs = calloc(1, sizeof *cs);
	if (!cs)
		return NULL;
	cs->start_us = mono_us();
	cs->raw_nul = uri && strstr(uri, "%00") != NULL;
	cs->uri_at = uri;
	cs->uri_len = uri ? strlen(uri) : 0;
	return cs;
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
			 enum MHD_RequestTerminationCode toe)
{
	(void)cls;
	(void)conn;
	(void)toe;
	struct conn_state *cs = *con_cls;
	if (!cs)
		return;
	json_decref(cs->req.query);
	json_decref(cs->req.json);
	json_decref(cs->req.form);
	rd_arena_free(&cs->req.arena);
	bool started = cs->started;
	free(cs);
	*con_cls = NULL;
	if (started)
		atomic_fetch_sub(&inflight, 1);
}

static void mhd_log(void *cls, const char *fmt, va_list ap)
{
	(void)cls;
	fputs("redress serve: libmicrohttpd: ", stderr);
	vfprintf(stderr, fmt, ap);
}

/* ---- listen socket ---- */

/* Binds SPEC. SHOWN gets the address really bound (the real port when
 * SPEC asked for port 0); LINK gets how a browser on this machine reaches
 * it: the same, except that a wildcard address becomes the loopback one. */
static int open_listen(const char *spec, char *shown, size_t shown_n, char *link, size_t link_n)
{
	char host[256] = "127.0.0.1", port[16];
	const char *colon = strrchr(spec, ':');
	if (spec[0] == '[') {
		const char *close = strchr(spec, ']');
		if (!close || close[1] != ':') {
			fprintf(stderr, "redress serve: --listen '%s': expected [ADDR]:PORT\n", spec);
			return -1;
		}
		snprintf(host, sizeof host, "%.*s", (int)(close - spec - 1), spec + 1);
		colon = close + 1;
	} else if (colon) {
		if (colon > spec)
			snprintf(host, sizeof host, "%.*s", (int)(colon - spec), spec);
	}
	const char *p = colon ? colon + 1 : spec;
	if (!*p || strspn(p, "0123456789") != strlen(p) || strlen(p) > 5 || strtol(p, NULL, 10) > 65535) {
		fprintf(stderr, "redress serve: --listen '%s': expected ADDR:PORT with a port 0-65535\n", spec);
		return -1;
	}
	snprintf(port, sizeof port, "%s", p);
	struct addrinfo hints = {0}, *ai;
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
	int e = getaddrinfo(host, port, &hints, &ai);
	if (e) {
		fprintf(stderr, "redress serve: --listen '%s': %s\n", spec, gai_strerror(e));
		return -1;
	}
	int fd = socket(ai->ai_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
	int one = 1;
	if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) ||
	    bind(fd, ai->ai_addr, ai->ai_addrlen) || listen(fd, 1024)) {
		fprintf(stderr, "redress serve: cannot listen on %s: %s\n", spec, strerror(errno));
		if (fd >= 0)
			close(fd);
		freeaddrinfo(ai);
		return -1;
	}
	freeaddrinfo(ai);
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
	/* The address printed and recorded for links must be the real one:
	 * without it (port 0 especially) every printed link would be wrong. */
	struct sockaddr_storage ss;
	socklen_t sl = sizeof ss;
	char addr[INET6_ADDRSTRLEN];
	const void *in_addr = NULL;
	int bound = 0;
	if (getsockname(fd, (struct sockaddr *)&ss, &sl) == 0) {
		if (ss.ss_family == AF_INET) {
			in_addr = &((struct sockaddr_in *)&ss)->sin_addr;
			bound = ntohs(((struct sockaddr_in *)&ss)->sin_port);
		} else if (ss.ss_family == AF_INET6) {
			in_addr = &((struct sockaddr_in6 *)&ss)->sin6_addr;
			bound = ntohs(((struct sockaddr_in6 *)&ss)->sin6_port);
		}
	}
	if (!in_addr || !inet_ntop(ss.ss_family, in_addr, addr, sizeof addr)) {
		fprintf(stderr, "redress serve: cannot read the address bound for --listen '%s': %s\n", spec,
			in_addr ? strerror(errno) : errno ? strerror(errno) : "not an IP address");
		close(fd);
		return -1;
	}
	bool v6 = ss.ss_family == AF_INET6;
	snprintf(shown, shown_n, v6 ? "[%s]:%d" : "%s:%d", addr, bound);
	bool any = v6 ? IN6_IS_ADDR_UNSPECIFIED(&((struct sockaddr_in6 *)&ss)->sin6_addr)
		      : ((struct sockaddr_in *)&ss)->sin_addr.s_addr == htonl(INADDR_ANY);
	if (any)
		snprintf(link, link_n, v6 ? "[::1]:%d" : "127.0.0.1:%d", bound);
	else
		snprintf(link, link_n, "%s", shown);
	return fd;
}

/* A word a POSIX shell reads back as S: as is when plain, else quoted. */
static void shell_word(const char *s, char *out, size_t n)
{
	if (*s && strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_./:@%+=,-") == strlen(s)) {
		snprintf(out, n, "%s", s);
		return;
	}
	size_t k = 0;
	if (n < 8) {
		snprintf(out, n, "''");
		return;
	}
	out[k++] = '\'';
	for (; *s && k + 6 < n; s++) {
		if (*s == '\'') {
			memcpy(out + k, "'\\''", 4);
			k += 4;
		} else {
			out[k++] = *s;
		}
	}
	out[k++] = '\'';
	out[k] = '\0';
}

/* How to sign in, decided before the server starts and printed once it
 * listens: with --first-admin, that admin (created if missing) and a fresh
 * one-time link; else the command that prints a link for an existing
 * admin, or how to create the first one. Records BASE as the address the
 * printed links of other commands use. Returns 0, or the exit status after
 * a message naming what is wrong (a --first-admin that is not an admin). */
static int sign_in_prepare(const char *base, struct rd_buf *say)
{
	struct rd_store *s;
	char *msg = NULL, *tok = NULL, *admin = NULL;
	char db[600];
	int ret = 1;
	enum rd_err rc;
	if (rd_store_open(g_cfg->db, &s, &msg)) {
		fprintf(stderr, "redress serve: %s\n", msg ? msg : "cannot open the database");
		free(msg);
		return 1;
	}
	int64_t now = server_now();
	if ((rc = rd_base_url_record(s, base, now, &msg)))
		goto out;
	rd_buf_addf(say, "open %s/ in a browser\n", base);
	if (g_cfg->first_admin) {
		bool created = false;
		struct rd_actor sys;
		rd_actor_system(&sys, "first-admin");
		sys.now = now;
		if ((rc = rd_first_admin(s, g_cfg->first_admin, now, &created, &msg)) ||
		    (rc = rd_login_link_create(s, &sys, g_cfg->first_admin, 0, now, &tok, &msg))) {
			if (rc == RD_ESTATE || rc == RD_EINVAL) {
				fprintf(stderr, "redress serve: --first-admin: %s\n", msg ? msg : rd_err_name(rc));
				free(msg);
				msg = NULL;
				ret = 2;
			}
			goto out;
		}
		rd_buf_addf(say, "sign in as %s (admin%s) with this one-time link, valid %d minutes:\n  %s/login/link/%s\n",
			    g_cfg->first_admin, created ? ", just created" : "", RD_LOGIN_LINK_MINUTES, base, tok);
		sodium_memzero(tok, strlen(tok));
		ret = 0;
		goto out;
	}
	if ((rc = rd_admin_first(s, &admin, &msg)))
		goto out;
	shell_word(g_cfg->db, db, sizeof db);
	if (admin)
		rd_buf_addf(say, "sign in: get a one-time login link with: redress --db %s user login-link %s\n", db,
			    admin);
	else
		rd_buf_addf(say, "no admin yet: restart with --first-admin EMAIL to create one and print a login "
			    "link (or: redress --db %s user add EMAIL --role admin)\n", db);
	ret = 0;
out:
	if (msg) {
		fprintf(stderr, "redress serve: %s\n", msg);
		free(msg);
	}
	free(tok);
	free(admin);
	rd_store_close(s);
	return say->oom && ret == 0 ? 1 : ret;
}

int rd_server_run(const struct rd_server_config *given)
{
	/* A copy whose base_url becomes the effective one once bound, so that
	 * handlers (req->cfg) build links on the address users really reach. */
	static struct rd_server_config run_cfg;
	static char base[400];
	run_cfg = *given;
	const struct rd_server_config *cfg = &run_cfg;
	g_cfg = cfg;
	if (sodium_init() < 0) {
		fprintf(stderr, "redress serve: libsodium failed to initialise\n");
		return 1;
	}
	static const char *const mhd_names[] = {"libmicrohttpd.so.12", "libmicrohttpd.so", NULL};
	char *err = NULL;
	if (rd_dynlib_open(mhd_names, mhd_syms, &err)) {
		fprintf(stderr, "redress serve: %s\n", err ? err : "cannot load libmicrohttpd");
		free(err);
		return 1;
	}
	rd_routes_init();
	if (!rd_metrics_init())
		return 1;
	/* Open once up front: a bad --db fails here with a clear message, and
	 * migrations run before any worker starts. */
	struct rd_store *probe;
	char *msg = NULL;
	if (rd_store_open(cfg->db, &probe, &msg)) {
		fprintf(stderr, "redress serve: %s\n", msg ? msg : "cannot open the database");
		free(msg);
		return 1;
	}
	rd_store_close(probe);
	/* The write path's group commit, with the workers' busy timeout. */
	if (rd_group_open(cfg->db, &g_group, &msg)) {
		fprintf(stderr, "redress serve: %s\n", msg ? msg : "cannot open the database");
		free(msg);
		return 1;
	}
	if (g_group && cfg->busy_timeout_ms)
		rd_store_set_busy_timeout(rd_group_store(g_group), (int)cfg->busy_timeout_ms);
	if (!cfg->access_log || strcmp(cfg->access_log, "-") == 0) {
		log_fd = STDERR_FILENO;
	} else if (strcmp(cfg->access_log, "off") == 0) {
		log_fd = -1;
	} else {
		log_fd = open(cfg->access_log, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0640);
		if (log_fd < 0) {
			fprintf(stderr, "redress serve: cannot open access log '%s': %s\n", cfg->access_log,
				strerror(errno));
			return 1;
		}
	}
	char shown[300], link[300];
	int lfd = open_listen(cfg->listen, shown, sizeof shown, link, sizeof link);
	if (lfd < 0)
		return 1;
	snprintf(base, sizeof base, "%s", given->base_url ? given->base_url : "");
	if (!given->base_url)
		snprintf(base, sizeof base, "http://%s", link);
	size_t bl = strlen(base);
	while (bl && base[bl - 1] == '/')
		base[--bl] = '\0';
	run_cfg.base_url = base;
	snprintf(g_base, sizeof g_base, "%s", base);
	struct rd_buf say = RD_BUF_INIT;
	int src = sign_in_prepare(base, &say);
	if (src) {
		rd_buf_free(&say);
		close(lfd);
		return src;
	}
	pthread_key_create(&store_key, store_destroy);
	/* Workers inherit this mask: only the main thread takes the signals. */
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);
	/* before the request threads: they read what it sets */
	rd_deliver_start(cfg);
	struct MHD_Daemon *d = MHD_start_daemon(
		MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_POLL | MHD_USE_ITC | MHD_USE_ERROR_LOG, 0,
		NULL, NULL, on_request, NULL,
		MHD_OPTION_EXTERNAL_LOGGER, mhd_log, NULL,
		MHD_OPTION_LISTEN_SOCKET, lfd,
		MHD_OPTION_THREAD_POOL_SIZE, cfg->threads,
		MHD_OPTION_CONNECTION_TIMEOUT, cfg->timeout,
		MHD_OPTION_CONNECTION_LIMIT, (unsigned)4096,
		MHD_OPTION_CONNECTION_MEMORY_LIMIT, CONN_MEMORY,
		MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL,
		MHD_OPTION_URI_LOG_CALLBACK, on_uri, NULL,
		MHD_OPTION_END);
	if (!d) {
		fprintf(stderr, "redress serve: cannot start the HTTP server on %s\n", shown);
		rd_deliver_stop();
		rd_buf_free(&say);
		close(lfd);
		return 1;
	}
	/* The first line stays "listening on http://ADDR:PORT": scripts and
	 * tests read the real port from it. The sign-in lines follow. */
	printf("listening on http://%s\n%s", shown, say.data ? say.data : "");
	fflush(stdout);
	if (say.data)
		sodium_memzero(say.data, say.len);
	rd_buf_free(&say);
	/* Between signals, every minute: store the escalations that have come
	 * due, so the notification work finds them without anyone reading the
	 * agenda. */
	int sig = -1;
	struct rd_store *ticker = NULL;
	while (sig < 0) {
		struct timespec minute = {60, 0};
		sig = sigtimedwait(&set, NULL, &minute);
		if (sig >= 0)
			break;
		char *emsg = NULL;
		if (!ticker && rd_store_open(cfg->db, &ticker, &emsg))
			ticker = NULL;
		if (ticker && rd_escalate(ticker, server_now(), NULL, &emsg))
			fprintf(stderr, "redress serve: escalations: %s\n", emsg ? emsg : "failed");
		free(emsg);
	}
	rd_store_close(ticker);
	rd_deliver_stop();
	atomic_store(&stopping, true);
	fprintf(stderr, "redress serve: %s: finishing %d request(s) in flight\n",
		sig == SIGTERM ? "SIGTERM" : "SIGINT", atomic_load(&inflight));
	MHD_socket q = MHD_quiesce_daemon(d);
	if (q != MHD_INVALID_SOCKET)
		close(q);
	for (int i = 0; i < 3000 && atomic_load(&inflight) > 0; i++)
		usleep(10000);
	MHD_stop_daemon(d);
	rd_group_close(g_group);
	g_group = NULL;
	if (log_fd > STDERR_FILENO)
		close(log_fd);
	fprintf(stderr, "redress serve: stopped\n");
	rd_metrics_free();
	return 0;
}
