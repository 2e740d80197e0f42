/* errors.c — the one place an error becomes HTTP: enum rd_err → status and
 * problem type, the titles of every problem type, and the RFC 9457
 * application/problem+json body. Problem types are part of the API (the
 * OpenAPI file lists them): rename one and clients break.
 *
 * Server errors (5xx) never echo the library's message to the client (it
 * may name files or SQL); it goes to the server's stderr instead. */
#include <stdlib.h>
#include <string.h>

#include "server.h"
#include "util/jsonw.h"
#include "web_layout.h"

static const struct {
	enum rd_err err;
	int status;
	const char *type;
} err_map[] = {
	{RD_EINVAL, 422, "invalid"},         /* the request parsed but its content is wrong */
	{RD_ENOTFOUND, 404, "not-found"},
	{RD_EEXIST, 409, "conflict"},
	{RD_ESTATE, 409, "invalid-state"},   /* a transition the state machine refuses */
	{RD_EPERM, 403, "forbidden"},
	{RD_ECHECK, 422, "check-failed"},
	{RD_ENOMEM, 503, "unavailable"},
	{RD_EBUSY, 503, "busy"},             /* another writer holds the database: retry */
	{RD_EDB, 500, "database"},
	{RD_EIO, 500, "internal"},
};

static const struct {
	const char *type;
	const char *title;
} titles[] = {
	{"invalid", "The request's content is not valid"},
	{"not-found", "Not found"},
	{"conflict", "It already exists"},
	{"invalid-state", "Not allowed in the current state"},
	{"forbidden", "Your role may not do this"},
	{"check-failed", "The check found errors"},
	{"unavailable", "Temporarily unavailable"},
	{"busy", "The database is busy"},
	{"database", "The database failed"},
	{"internal", "Internal error"},
	{"malformed-json", "The body is not valid JSON"},
	{"bad-request", "Bad request"},
	{"unsupported-media-type", "Unsupported content type"},
	{"payload-too-large", "The body is too large"},
	{"uri-too-long", "The request target is too long"},
	{"headers-too-large", "The request headers are too large"},
	{"unauthenticated", "Authentication required"},
	{"method-not-allowed", "Method not allowed"},
	{"rate-limited", "Too many attempts"},
	{"csrf", "Missing or wrong CSRF token"},
	{NULL, NULL},
};

int rd_err_http_status(enum rd_err err)
{
	for (size_t i = 0; i < sizeof err_map / sizeof err_map[0]; i++)
		if (err_map[i].err == err)
			return err_map[i].status;
	return 500;
}

const char *rd_err_problem_type(enum rd_err err)
{
	for (size_t i = 0; i < sizeof err_map / sizeof err_map[0]; i++)
		if (err_map[i].err == err)
			return err_map[i].type;
	return "internal";
}

const char *rd_problem_title(const char *type)
{
	for (int i = 0; titles[i].type; i++)
		if (strcmp(titles[i].type, type) == 0)
			return titles[i].title;
	return "Error";
}

/* json_dump_callback's sink: straight into the response body. jansson
 * hands the text over in many small pieces (a key, a quote, a number):
 * those that fit are copied inline, without a call per piece. */
static int dump_to_body(const char *buf, size_t size, void *data)
{
	struct rd_buf *b = data;
	if (b->len + size < b->cap) {
		memcpy(b->data + b->len, buf, size);
		b->len += size;
		b->data[b->len] = '\0';
		return 0;
	}
	return rd_buf_add(b, buf, size) == RD_OK ? 0 : -1;
}

/* Room reserved before a JSON answer is encoded: above a typical
 * dashboard or list page (3-4 KB), so most answers are written into one
 * allocation instead of one doubling after another. */
#define JSON_BODY_RESERVE 8192

void rd_resp_json_later(struct rd_resp *resp, int status, json_t *j)
{
	rd_buf_free(&resp->body);
	json_decref(resp->json_later);
	resp->status = status;
	resp->content_type = "application/json";
	resp->json_later = j;
}

void rd_resp_json_finish(struct rd_resp *resp)
{
	json_t *j = resp->json_later;
	if (!j)
		return;
	resp->json_later = NULL;
	rd_resp_json(resp, resp->status, j);
}

void rd_resp_json(struct rd_resp *resp, int status, json_t *j)
{
	rd_buf_free(&resp->body);
	json_decref(resp->json_later); /* a later answer replaces one not encoded yet */
	resp->json_later = NULL;
	resp->status = status;
	resp->content_type = "application/json";
	/* written into the body as it is encoded: no copy of the whole text.
	 * rd_json_write writes jansson's bytes faster (util/jsonw.h); what it
	 * leaves to jansson (a cycle, a string that is not UTF-8) is encoded
	 * by jansson, which then writes the same or refuses. */
	int rc = -1;
	if (j && rd_buf_reserve(&resp->body, JSON_BODY_RESERVE) == RD_OK) {
		enum rd_err w = rd_json_write(j, &resp->body);
		if (w == RD_EINVAL && !resp->body.oom) {
			resp->body.len = 0;
			resp->body.data[0] = '\0';
			rc = json_dump_callback(j, dump_to_body, &resp->body,
						JSON_COMPACT | JSON_REAL_PRECISION(15)); /* 0.1 as 0.1 */
		} else {
			rc = w ? -1 : 0;
		}
	}
	json_decref(j);
	if (rc || resp->body.oom) {
		rd_buf_free(&resp->body);
		resp->status = 500;
		rd_buf_adds(&resp->body, "{\"type\":\"/problems/internal\",\"title\":\"Internal error\",\"status\":500}");
		resp->content_type = "application/problem+json";
	}
}

struct rd_buf *rd_resp_json_body(struct rd_resp *resp, int status)
{
	rd_buf_free(&resp->body);
	json_decref(resp->json_later);
	resp->json_later = NULL;
	resp->status = status;
	resp->content_type = "application/json";
	rd_buf_reserve(&resp->body, JSON_BODY_RESERVE); /* a failure sets oom: the writer reports it */
	return &resp->body;
}

void rd_resp_problem(struct rd_resp *resp, struct rd_req *req, int status, const char *type,
		     const char *detail)
{
	char t[64];
	snprintf(t, sizeof t, "/problems/%s", type);
	json_t *p = json_pack("{ss ss si}", "type", t, "title", rd_problem_title(type), "status", status);
	if (detail) {
		json_t *d = json_string(detail);
		/* a message quoting bad input may itself be bad UTF-8 */
		json_object_set_new(p, "detail", d ? d : json_string("(detail not shown: not valid UTF-8)"));
	}
	if (req && req->path) {
		json_t *in = json_string(req->path);
		if (in)
			json_object_set_new(p, "instance", in);
	}
	rd_resp_json(resp, status, p);
	resp->content_type = "application/problem+json";
	resp->no_etag = true;
	if (resp->log_note == NULL)
		resp->log_note = strdup(type);
}

void rd_resp_err(struct rd_resp *resp, struct rd_req *req, enum rd_err err, char *msg)
{
	int status = rd_err_http_status(err);
	if (err == RD_EDB && req && req->store && !rd_store_reachable(req->store)) {
		/* not this request's fault either: the database is out of reach (a
		 * PostgreSQL restart or failover); the next request reconnects */
		fprintf(stderr, "redress serve: %s %s: database unreachable: %s\n", req->method ? req->method : "?",
			req->path ? req->path : "?", msg ? msg : rd_err_name(err));
		rd_resp_problem(resp, req, 503, "unavailable",
				"the database could not be reached; retry shortly (a write cut off this way may have been saved: check before repeating it)");
		rd_resp_header(resp, "Retry-After", "1");
	} else if (err == RD_EBUSY ||
		   (err == RD_EDB && req && req->store && rd_store_last_failure(req->store) == RD_EBUSY)) {
		/* not a fault: another process (a CLI import, a backup) holds the
		 * write lock past the busy timeout; nothing was written */
		fprintf(stderr, "redress serve: %s %s: database busy\n", req && req->method ? req->method : "?",
			req && req->path ? req->path : "?");
		rd_resp_problem(resp, req, 503, rd_err_problem_type(RD_EBUSY),
				"the database is busy with another writer; nothing was changed, retry shortly");
		rd_resp_header(resp, "Retry-After", "1");
	} else if (status >= 500) {
		fprintf(stderr, "redress serve: %s %s: %s\n", req && req->method ? req->method : "?",
			req && req->path ? req->path : "?", msg ? msg : rd_err_name(err));
		rd_resp_problem(resp, req, status, rd_err_problem_type(err),
				"the server could not complete the request; details are in its log");
	} else {
		rd_resp_problem(resp, req, status, rd_err_problem_type(err), msg ? msg : rd_err_name(err));
	}
	free(msg);
}

void rd_resp_redirect(struct rd_resp *resp, const char *location)
{
	resp->status = 303;
	rd_resp_header(resp, "Location", location);
	resp->content_type = "text/plain; charset=utf-8";
	rd_buf_free(&resp->body);
}

void rd_resp_html_message(struct rd_resp *resp, int status, const char *title, const char *text,
			  const char *link, const char *link_text)
{
	rd_buf_free(&resp->body);
	resp->status = status;
	resp->content_type = "text/html; charset=utf-8";
	resp->no_etag = true;
	web_message_page(&resp->body, title, text, link, link_text);
}
