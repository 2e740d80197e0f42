/* api_intake.c — the routes of lib/intake.c and lib/calfeed.c: Prometheus
 * Alertmanager's webhook (a bearer token of a user who may open failures),
 * confirming a draft failure, what the alerts said, and calendar feeds —
 * managed under /api/calendar_feeds, read by calendar apps at the public,
 * secret /cal/<token>.ics. Handlers parse, call the library, format. */
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "redress/intake.h"
#include "server.h"

#define VI RD_ROLE_VIEWER
#define AG RD_ROLE_AGENT

static void alertmanager(struct rd_req *req, struct rd_resp *resp)
{
	json_t *out = NULL;
	char *msg = NULL;
	enum rd_err rc = rd_intake_alertmanager(req->store, &req->actor, req->json, &out, &msg);
	if (rc) {
		rd_resp_err(resp, req, rc, msg);
		return;
	}
	bool created = json_is_true(json_object_get(out, "created"));
	if (created) {
		char loc[64];
		snprintf(loc, sizeof loc, "/api/failures/%lld",
			 (long long)json_integer_value(json_object_get(out, "failure_id")));
		rd_resp_header(resp, "Location", loc);
	}
	rd_resp_json(resp, created ? 201 : 200, out);
	resp->no_etag = true;
}

static void failure_confirm(struct rd_req *req, struct rd_resp *resp)
{
	static const char *const ok[] = {"at", NULL};
	int64_t id, at;
	if (!rd_req_path_id(req, resp, 0, "failure", &id) || !rd_req_only(req, resp, ok) ||
	    !rd_req_time(req, resp, "at", req->now, &at))
		return;
	char *msg = NULL;
	enum rd_err rc = rd_failure_confirm(req->store, &req->actor, id, at, &msg);
	if (rc) {
		rd_resp_err(resp, req, rc, msg);
		return;
	}
	rd_resp_record(resp, req, "failure", id, 200);
}

static void failure_intake(struct rd_req *req, struct rd_resp *resp)
{
	int64_t id;
	if (!rd_req_path_id(req, resp, 0, "failure", &id))
		return;
	json_t *out = NULL;
	char *msg = NULL;
	enum rd_err rc = rd_intake_failure(req->store, id, &out, &msg);
	if (rc) {
		rd_resp_err(resp, req, rc, msg);
		return;
	}
	rd_resp_json(resp, 200, out);
}

/* ---- calendar feeds ---- */

static void feeds_list(struct rd_req *req, struct rd_resp *resp)
{
	json_t *arr = NULL;
	char *msg = NULL;
	enum rd_err rc = rd_calfeed_list(req->store, &arr, &msg);
	if (rc) {
		rd_resp_err(resp, req, rc, msg);
		return;
	}
	rd_resp_json(resp, 200, json_pack("{so}", "items", arr));
}

static void feeds_create(struct rd_req *req, struct rd_resp *resp)
{
	static const char *const ok[] = {"owner", "client", NULL};
	const char *owner, *client;
	if (!rd_req_only(req, resp, ok) || !rd_req_str(req, resp, "owner", false, &owner) ||
	    !rd_req_str(req, resp, "client", false, &client))
		return;
	char *tok = NULL, *msg = NULL, url[700];
	int64_t id = 0;
	enum rd_err rc = rd_calfeed_create(req->store, &req->actor, owner, client, &tok, &id, &msg);
	if (rc) {
		rd_resp_err(resp, req, rc == RD_ENOTFOUND ? RD_EINVAL : rc, msg);
		return;
	}
	snprintf(url, sizeof url, "%s/cal/%s.ics", rd_server_base_url(), tok);
	rd_resp_json(resp, 201, json_pack("{sI ss? ss? ss}", "id", (json_int_t)id, "owner", owner, "client", client,
					  "url", url));
	resp->no_etag = true;
	rd_resp_header(resp, "Cache-Control", "no-store");
	sodium_memzero(tok, strlen(tok));
	sodium_memzero(url, sizeof url);
	free(tok);
}

static void feeds_revoke(struct rd_req *req, struct rd_resp *resp)
{
	char *end;
	long long id = strtoll(req->params[0], &end, 10);
	if (*end || id <= 0) {
		rd_resp_problem(resp, req, 404, "not-found", "no such calendar feed");
		return;
	}
	char *msg = NULL;
	enum rd_err rc = rd_calfeed_revoke(req->store, &req->actor, id, req->now, &msg);
	if (rc) {
		rd_resp_err(resp, req, rc, msg);
		return;
	}
	resp->status = 204;
}

/* GET /cal/<token>.ics — public: the secret is the credential. Anything
 * that is not a live feed is the same bare 404. */
static void cal_feed(struct rd_req *req, struct rd_resp *resp)
{
	const char *p = req->params[0];
	size_t n = strlen(p);
	char tok[80];
	char *ics = NULL, *msg = NULL;
	enum rd_err rc = RD_ENOTFOUND;
	if (n > 4 && n - 4 < sizeof tok && strcmp(p + n - 4, ".ics") == 0) {
		memcpy(tok, p, n - 4);
		tok[n - 4] = '\0';
		rc = rd_calfeed_render(req->store, tok, req->now, &ics, &msg);
		sodium_memzero(tok, sizeof tok);
	}
	if (rc == RD_ENOTFOUND) {
		free(msg);
		rd_resp_problem(resp, req, 404, "not-found", "no such calendar");
		return;
	}
	if (rc) {
		rd_resp_err(resp, req, rc, msg);
		return;
	}
	resp->status = 200;
	resp->content_type = "text/calendar; charset=utf-8";
	rd_buf_adds(&resp->body, ics);
	/* The ETag ignores DTSTAMP (the time of generation), so an unchanged
	 * feed answers 304 to a polling calendar app. */
	struct rd_resp stable = {0};
	for (const char *line = ics; *line;) {
		const char *eol = strchr(line, '\n');
		size_t len = eol ? (size_t)(eol - line + 1) : strlen(line);
		if (strncmp(line, "DTSTAMP:", 8) != 0)
			rd_buf_add(&stable.body, line, len);
		line += len;
	}
	rd_resp_etag(&stable);
	memcpy(resp->etag, stable.etag, sizeof resp->etag);
	rd_buf_free(&stable.body);
	rd_resp_header(resp, "Cache-Control", "private, max-age=300");
	rd_resp_header(resp, "Content-Disposition", "inline; filename=\"redress.ics\"");
	free(ics);
}

const struct rd_route rd_api_intake_routes[] = {
	{"POST", "/api/intake/alertmanager", alertmanager, AG, 0, "Prometheus Alertmanager webhook (version 4): opens or updates a draft failure", NULL},
	{"POST", "/api/failures/{id}/confirm", failure_confirm, AG, 0, "confirm a draft failure (its clock starts)", NULL},
	{"GET", "/api/failures/{id}/intake", failure_intake, VI, 0, "the alerts a failure was opened from, resolution proposals", NULL},
	{"GET", "/api/calendar_feeds", feeds_list, AG, 0, "calendar feeds (never their URLs)", NULL},
	{"POST", "/api/calendar_feeds", feeds_create, AG, 0, "create a secret calendar URL for an owner or a client (shown once)", NULL},
	{"DELETE", "/api/calendar_feeds/{id}", feeds_revoke, AG, 0, "revoke a calendar feed", NULL},
	{"GET", "/cal/{file}", cal_feed, VI, RD_ROUTE_PUBLIC, "an iCalendar feed at its secret URL (/cal/<token>.ics)", NULL},
	{NULL, NULL, NULL, 0, 0, NULL, NULL},
};
