/* api_webhooks.c — the webhooks API (admin): GET/POST /api/webhooks,
 * DELETE /api/webhooks/{id} and GET /api/webhooks/{id}/deliveries, as
 * `redress webhook`. Checking, storing and delivery are lib/webhook.c's. */
#include <stdlib.h>
#include <string.h>

#include "redress/webhook.h"
#include "server.h"

/* Path parameter 0 as a webhook id; false after a 404. */
static bool hook_id(struct rd_req *req, struct rd_resp *resp, int64_t *id)
{
	char *end;
	long long v = strtoll(req->params[0], &end, 10);
	if (*end || end == req->params[0] || v < 1) {
		rd_resp_problem(resp, req, 404, "not-found", "a webhook is named by its id (a number)");
		return false;
	}
	*id = v;
	return true;
}

static void hooks_get(struct rd_req *req, struct rd_resp *resp)
{
	json_t *rows = NULL;
	char *msg = NULL;
	enum rd_err rc = rd_webhook_list(req->store, &rows, &msg);
	if (rc) {
		rd_resp_err(resp, req, rc, msg);
		return;
	}
	rd_resp_json(resp, 200, rows);
}

static void hooks_post(struct rd_req *req, struct rd_resp *resp)
{
	static const char *const ok[] = {"url", "secret", "events", NULL};
	const char *url, *secret;
	if (!rd_req_only(req, resp, ok) || !rd_req_str(req, resp, "url", true, &url) ||
	    !rd_req_str(req, resp, "secret", false, &secret))
		return;
	json_t *ev = json_object_get(req->json, "events");
	if (ev && !json_is_array(ev)) {
		rd_resp_problem(resp, req, 422, "invalid", "events must be an array of event names");
		return;
	}
	int64_t id = 0;
	char *made = NULL, *msg = NULL;
	enum rd_err rc = rd_webhook_add(req->store, url, secret, ev, req->now, &id, &made, &msg);
	if (rc) {
		rd_resp_err(resp, req, rc, msg);
		return;
	}
	/* the secret is in this answer and never again */
	rd_resp_json(resp, 201, json_pack("{sI ss ss}", "id", (json_int_t)id, "url", url, "secret", made));
	free(made);
}

static void hook_delete(struct rd_req *req, struct rd_resp *resp)
{
	int64_t id = 0;
	if (!hook_id(req, resp, &id))
		return;
	char *msg = NULL;
	enum rd_err rc = rd_webhook_remove(req->store, id, req->now, &msg);
	if (rc) {
		rd_resp_err(resp, req, rc, msg);
		return;
	}
	rd_resp_json(resp, 200, json_pack("{sI sb}", "id", (json_int_t)id, "removed", 1));
}

static void hook_deliveries(struct rd_req *req, struct rd_resp *resp)
{
	int64_t id = 0;
	if (!hook_id(req, resp, &id))
		return;
	int limit;
	if (!rd_req_query_count(req, resp, "limit", 100000, &limit))
		return;
	json_t *rows = NULL;
	char *msg = NULL;
	enum rd_err rc = rd_webhook_deliveries(req->store, id, limit, &rows, &msg);
	if (rc) {
		rd_resp_err(resp, req, rc, msg);
		return;
	}
	rd_resp_json(resp, 200, rows);
}

#define AD RD_ROLE_ADMIN

/* To add a route: a handler above and a row here, then its path in
 * docs/api/openapi.yaml (tests/api/openapi_sync.py checks). */
const struct rd_route rd_api_webhook_routes[] = {
	{"GET", "/api/webhooks", hooks_get, AD, 0, "webhook endpoints with delivery counts (never secrets)", NULL},
	{"POST", "/api/webhooks", hooks_post, AD, 0, "register a webhook endpoint; the answer holds its secret once", NULL},
	{"DELETE", "/api/webhooks/{id}", hook_delete, AD, 0, "stop sending to a webhook endpoint", NULL},
	{"GET", "/api/webhooks/{id}/deliveries", hook_deliveries, AD, 0, "a webhook endpoint's delivery log (?limit=)", NULL},
	{NULL, NULL, NULL, 0, 0, NULL, NULL},
};
