/* api_mail.c — the email API: GET /api/outbox (what is queued, sent and
 * failed), POST /api/send (a checked message to a client, logged and queued
 * like `redress send`) and POST /api/inbound (one raw RFC 5322 message, as
 * `redress inbound`; a retried message is answered, not logged, again) and
 * POST /api/reply-addresses/revoke. Domain work is in lib/notify.c and lib/outbox.c. */
#include <stdlib.h>
#include <string.h>

#include "redress/mail.h"
#include "redress/notify.h"
#include "redress/outbox.h"
#include "server.h"

static void outbox_get(struct rd_req *req, struct rd_resp *resp)
{
	const char *status = json_string_value(json_object_get(req->query, "status"));
	int limit;
	if (!rd_req_query_count(req, resp, "limit", 100000, &limit))
		return;
	json_t *rows = NULL;
	char *msg = NULL;
	enum rd_err rc = rd_outbox_list(req->store, status, limit, &rows, &msg);
	if (rc) {
		rd_resp_err(resp, req, rc, msg);
		return;
	}
	rd_resp_json(resp, 200, rows);
}

static void send_post(struct rd_req *req, struct rd_resp *resp)
{
	static const char *const ok[] = {"failure", "client", "kind", "body", "to", "confirm_errors", "at",
					 "summary", "visibility", "eta", "cause", "remedy", "amount", "currency",
					 "channel", NULL};
	const char *body;
	bool confirm;
	if (!rd_req_only(req, resp, ok) || !rd_req_str(req, resp, "body", true, &body) ||
	    !rd_req_bool(req, resp, "confirm_errors", false, &confirm))
		return;
	json_t *tov = json_object_get(req->json, "to");
	const char *to[16];
	size_t nto = 0;
	if (tov && (!json_is_array(tov) || json_array_size(tov) > 16)) {
		rd_resp_problem(resp, req, 422, "invalid", "to must be an array of at most 16 email addresses");
		return;
	}
	for (size_t i = 0; i < json_array_size(tov); i++) {
		to[nto] = json_string_value(json_array_get(tov, i));
		if (!to[nto]) {
			rd_resp_problem(resp, req, 422, "invalid", "to must be an array of email addresses");
			return;
		}
		nto++;
	}
	json_t *in = json_deep_copy(req->json);
	json_object_del(in, "body");
	json_object_del(in, "to");
	json_object_del(in, "confirm_errors");
	struct rd_send o = {.body = body, .to = to, .n_to = nto, .confirm_errors = confirm};
	struct rd_check_result *res = NULL;
	int64_t cid = 0, oid = 0;
	char *msg = NULL;
	enum rd_err rc = rd_comm_send(req->store, &req->actor, in, &o, &cid, &oid, &res, &msg);
	json_decref(in);
	json_t *check = res ? rd_check_result_json(res) : NULL;
	rd_check_result_free(res);
	if (rc == RD_ECHECK) {
		/* the problem carries the findings, so a client can show them */
		json_t *p = json_pack("{ss ss si ss so*}", "type", "/problems/check-failed", "title",
				      "the message has checker errors", "status", 422, "detail", msg ? msg : "",
				      "check", check);
		free(msg);
		rd_resp_json(resp, 422, p);
		resp->content_type = "application/problem+json";
		return;
	}
	if (rc) {
		json_decref(check);
		rd_resp_err(resp, req, rc, msg);
		return;
	}
	rd_resp_json(resp, 201, json_pack("{sI sI so*}", "communication_id", (json_int_t)cid, "outbox_id",
					  (json_int_t)oid, "check", check));
}

static bool is_rfc822(const char *ct)
{
	if (!ct)
		return false;
	size_t n = strcspn(ct, "; ");
	return n == 14 && strncasecmp(ct, "message/rfc822", 14) == 0;
}

static void inbound_post(struct rd_req *req, struct rd_resp *resp)
{
	if (!is_rfc822(req->content_type)) {
		rd_resp_problem(resp, req, 415, "unsupported-media-type",
				"send the raw email as Content-Type: message/rfc822");
		return;
	}
	json_t *out = NULL;
	char *msg = NULL;
	enum rd_err rc = rd_inbound(req->store, req->body ? req->body : "", req->body_len, req->now, &out, &msg);
	if (rc) {
		rd_resp_err(resp, req, rc, msg);
		return;
	}
	/* a retried message: the first answer again, and nothing new was made */
	rd_resp_json(resp, json_is_true(json_object_get(out, "duplicate")) ? 200 : 201, out);
}

/* The id of ENTITY named by body member KEY (an id or a name); false after
 * writing 422 or the error. */
static bool body_ref(struct rd_req *req, struct rd_resp *resp, const char *key, const char *entity, int64_t *id)
{
	json_t *v = json_object_get(req->json, key);
	char buf[32], *msg = NULL;
	const char *name = json_string_value(v);
	if (json_is_integer(v)) {
		snprintf(buf, sizeof buf, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
		name = buf;
	}
	if (!name) {
		char d[96];
		snprintf(d, sizeof d, "%s is required (its id or name)", key);
		rd_resp_problem(resp, req, 422, "invalid", d);
		return false;
	}
	enum rd_err rc = rd_record_lookup(req->store, entity, name, id, &msg);
	if (rc == RD_ENOTFOUND)
		rc = RD_EINVAL;
	if (rc) {
		rd_resp_err(resp, req, rc, msg);
		return false;
	}
	return true;
}

static void reply_revoke_post(struct rd_req *req, struct rd_resp *resp)
{
	static const char *const ok[] = {"failure", "client", NULL};
	int64_t fid = 0, cid = 0, n = 0;
	if (!rd_req_only(req, resp, ok) || !body_ref(req, resp, "failure", "failure", &fid) ||
	    !body_ref(req, resp, "client", "client", &cid))
		return;
	char *msg = NULL;
	enum rd_err rc = rd_reply_tokens_revoke(req->store, fid, cid, req->now, &n, &msg);
	if (rc) {
		rd_resp_err(resp, req, rc, msg);
		return;
	}
	rd_resp_json(resp, 200, json_pack("{sI sI sI}", "failure_id", (json_int_t)fid, "client_id", (json_int_t)cid,
					  "revoked", (json_int_t)n));
}

#define AG RD_ROLE_AGENT
#define MA RD_ROLE_MANAGER

/* To add a route: a handler above and a row here, then its path in
 * docs/api/openapi.yaml (tests/api/openapi_sync.py checks). */
const struct rd_route rd_api_mail_routes[] = {
	{"GET", "/api/outbox", outbox_get, MA, 0, "queued, sent and failed email with errors (?status=, ?limit=)", NULL},
	{"POST", "/api/send", send_post, AG, 0, "send a checked message to a client by email (logged and queued)", NULL},
	{"POST", "/api/inbound", inbound_post, AG, RD_ROUTE_RAW, "log one raw email (message/rfc822) as an inbound reply", NULL},
	{"POST", "/api/reply-addresses/revoke", reply_revoke_post, MA, 0, "revoke the reply addresses of a failure and client", NULL},
	{NULL, NULL, NULL, 0, 0, NULL, NULL},
};
