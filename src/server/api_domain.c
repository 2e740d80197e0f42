/* api_domain.c — the REST routes that are not plain records: state
 * transitions (failure status, commitments kept or broken, goodwill
 * approved), the RCA, ETA revisions, impacts, credentials (API tokens,
 * portal links), and the clock and checker views (agenda, a client's
 * dashboard, a track's obligations, POST /api/check). Each handler parses
 * its body, calls the one library function the CLI calls too, and formats.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sodium.h>

#include "redress/agenda.h"
#include "redress/check.h"
#include "redress/compose.h"
#include "redress/dashboard.h"
#include "redress/time.h"
#include "redress/trust.h"
#include "server.h"
#include "util/jsonw.h"

static void done(struct rd_resp *resp, struct rd_req *req, enum rd_err rc, char *msg, const char *entity,
		 int64_t id, int status)
{
	if (rc) {
		rd_resp_err(resp, req, rc, msg);
		return;
	}
	rd_resp_record(resp, req, entity, id, status);
}

/* ---- who am I ---- */

static void api_me(struct rd_req *req, struct rd_resp *resp)
{
	json_t *me = json_pack("{sI ss ss ss}", "id", (json_int_t)req->actor.user_id, "email", req->actor.label,
			       "role", rd_role_name(req->actor.role), "auth",
			       req->auth == RD_AUTH_TOKEN ? "token" : "session");
	if (req->auth == RD_AUTH_SESSION)
		json_object_set_new(me, "csrf_token", json_string(req->session.csrf));
	rd_resp_json(resp, 200, me);
	resp->no_etag = true;
}

/* ---- failures ---- */

static void failure_status(struct rd_req *req, struct rd_resp *resp)
{
	static const char *const ok[] = {"status", "at", NULL};
	int64_t id, at;
	const char *status;
	if (!rd_req_path_id(req, resp, 0, "failure", &id) || !rd_req_only(req, resp, ok) ||
	    !rd_req_str(req, resp, "status", true, &status) || !rd_req_time(req, resp, "at", req->now, &at))
		return;
	char *msg = NULL;
	enum rd_err rc = rd_failure_set_status(req->store, &req->actor, id, status, at, &msg);
	done(resp, req, rc, msg, "failure", id, 200);
}

static void failure_disclose(struct rd_req *req, struct rd_resp *resp)
{
	static const char *const ok[] = {"text", "at", NULL};
	int64_t id, at;
	const char *text;
	if (!rd_req_path_id(req, resp, 0, "failure", &id) || !rd_req_only(req, resp, ok) ||
	    !rd_req_str(req, resp, "text", true, &text) || !rd_req_time(req, resp, "at", req->now, &at))
		return;
	char *msg = NULL;
	enum rd_err rc = rd_failure_disclose(req->store, &req->actor, id, text, at, &msg);
	done(resp, req, rc, msg, "failure", id, 200);
}

static void rca_get(struct rd_req *req, struct rd_resp *resp)
{
	int64_t id;
	if (!rd_req_path_id(req, resp, 0, "failure", &id))
		return;
	json_t *out;
	char *msg = NULL;
	enum rd_err rc = rd_rca_get(req->store, id, &out, &msg);
	if (rc) {
		rd_resp_err(resp, req, rc, msg);
		return;
	}
	rd_resp_json(resp, 200, out);
}

static void rca_put(struct rd_req *req, struct rd_resp *resp)
{
	int64_t id;
	if (!rd_req_path_id(req, resp, 0, "failure", &id))
		return;
	json_t *in = req->json ? json_incref(req->json) : json_object();
	char *msg = NULL;
	enum rd_err rc = rd_rca_set(req->store, &req->actor, id, in, &msg);
	json_decref(in);
	if (rc) {
		rd_resp_err(resp, req, rc, msg);
		return;
	}
	rca_get(req, resp);
}

static void eta_post(struct rd_req *req, struct rd_resp *resp)
{
	static const char *const ok[] = {"eta", "reason", "client", "clients_told", "at", NULL};
	int64_t id, eta, at, client = 0, rid = 0;
	const char *reason, *cname;
	bool told;
	if (!rd_req_path_id(req, resp, 0, "failure", &id) || !rd_req_only(req, resp, ok) ||
	    !rd_req_time(req, resp, "eta", 0, &eta) || !rd_req_str(req, resp, "reason", false, &reason) ||
	    !rd_req_str(req, resp, "client", false, &cname) ||
	    !rd_req_bool(req, resp, "clients_told", false, &told) ||
	    !rd_req_time(req, resp, "at", req->now, &at))
		return;
	if (!eta) {
		rd_resp_problem(resp, req, 422, "invalid", "'eta' is required (ISO 8601 time)");
		return;
	}
	char *msg = NULL;
	enum rd_err rc = RD_OK;
	if (cname && (rc = rd_record_lookup(req->store, "client", cname, &client, &msg)))
		rc = rc == RD_ENOTFOUND ? RD_EINVAL : rc;
	if (rc == RD_OK)
		rc = rd_eta_set(req->store, &req->actor, id, client, eta, reason, told, at, &rid, &msg);
	done(resp, req, rc, msg, "eta_revision", rid, 201);
}

static void impact_put(struct rd_req *req, struct rd_resp *resp)
{
	int64_t fid, cid, iid = 0;
	if (!rd_req_path_id(req, resp, 0, "failure", &fid) || !rd_req_path_id(req, resp, 1, "client", &cid))
		return;
	json_t *in = req->json ? json_incref(req->json) : json_object();
	char *msg = NULL;
	enum rd_err rc = rd_impact_set(req->store, &req->actor, fid, cid, in, &iid, &msg);
	json_decref(in);
	done(resp, req, rc, msg, "impact", iid, 200);
}

static void obligations_get(struct rd_req *req, struct rd_resp *resp)
{
	int64_t id, at, client = 0;
	if (!rd_req_path_id(req, resp, 0, "failure", &id) || !rd_req_query_time(req, resp, "at", req->now, &at))
		return;
	const char *cname = json_string_value(json_object_get(req->query, "client"));
	char *msg = NULL;
	if (cname && rd_record_lookup(req->store, "client", cname, &client, &msg)) {
		rd_resp_problem(resp, req, 400, "bad-request", msg);
		free(msg);
		return;
	}
	json_t *out;
	enum rd_err rc = rd_obligations_json(req->store, id, client, at, &out, &msg);
	if (rc) {
		rd_resp_err(resp, req, rc, msg);
		return;
	}
	rd_resp_json(resp, 200, out);
}

/* ---- clients ---- */

static void client_service(struct rd_req *req, struct rd_resp *resp)
{
	static const char *const ok[] = {"service", NULL};
	int64_t id;
	const char *svc;
	if (!rd_req_path_id(req, resp, 0, "client", &id) || !rd_req_only(req, resp, ok) ||
	    !rd_req_str(req, resp, "service", true, &svc))
		return;
	char *msg = NULL;
	enum rd_err rc = rd_client_use_service(req->store, &req->actor, id, svc, &msg);
	if (rc) {
		rd_resp_err(resp, req, rc, msg);
		return;
	}
	json_t *out;
	if ((rc = rd_client_show(req->store, id, &out, &msg))) {
		rd_resp_err(resp, req, rc, msg);
		return;
	}
	rd_resp_json(resp, 200, out);
}

/* The client's overview, the obligations of every failure that touched it
 * (from the stored schedule) and its trust score: lib/dashboard.c. */
static void client_dashboard(struct rd_req *req, struct rd_resp *resp)
{
	int64_t id, at;
	if (!rd_req_path_id(req, resp, 0, "client", &id) || !rd_req_query_time(req, resp, "at", req->now, &at))
		return;
	char *msg = NULL;
	/* written straight into the body: no tree (lib/dashboard.c) */
	enum rd_err rc = rd_client_dashboard_write(req->store, id, at, rd_resp_json_body(resp, 200), &msg);
	if (rc)
		rd_resp_err(resp, req, rc, msg);
}

/* GET /api/trust: every client most at risk first (?at=, ?limit=N). */
static void trust_portfolio(struct rd_req *req, struct rd_resp *resp)
{
	int64_t at;
	if (!rd_req_query_time(req, resp, "at", req->now, &at))
		return;
	int limit;
	if (!rd_req_query_count(req, resp, "limit", 1000000, &limit))
		return;
	json_t *rows;
	char *msg = NULL;
	enum rd_err rc = rd_trust_portfolio(req->store, at, limit, &rows, &msg);
	if (rc) {
		rd_resp_err(resp, req, rc, msg);
		return;
	}
	char buf[RD_TIME_BUFSZ];
	rd_resp_json(resp, 200, json_pack("{so ss}", "clients", rows, "at", rd_time_format(at, buf)));
}

/* ---- ledger ---- */

static void settle(struct rd_req *req, struct rd_resp *resp, const char *status)
{
	static const char *const ok[] = {"note", "at", "due", NULL};
	int64_t id, at, due;
	const char *note;
	if (!rd_req_path_id(req, resp, 0, "commitment", &id) || !rd_req_only(req, resp, ok) ||
	    !rd_req_str(req, resp, "note", false, &note) || !rd_req_time(req, resp, "at", req->now, &at) ||
	    !rd_req_time(req, resp, "due", 0, &due))
		return;
	char *msg = NULL;
	enum rd_err rc = rd_commitment_settle(req->store, &req->actor, id, status, note, due, at, &msg);
	done(resp, req, rc, msg, "commitment", id, 200);
}

static void commitment_keep(struct rd_req *q, struct rd_resp *r) { settle(q, r, "kept"); }
static void commitment_break(struct rd_req *q, struct rd_resp *r) { settle(q, r, "broken"); }
static void commitment_reneg(struct rd_req *q, struct rd_resp *r) { settle(q, r, "renegotiated"); }

static void decide(struct rd_req *req, struct rd_resp *resp, const char *status)
{
	static const char *const ok[] = {"note", "at", NULL};
	int64_t id, at;
	const char *note;
	if (!rd_req_path_id(req, resp, 0, "goodwill", &id) || !rd_req_only(req, resp, ok) ||
	    !rd_req_str(req, resp, "note", false, &note) || !rd_req_time(req, resp, "at", req->now, &at))
		return;
	char *msg = NULL;
	enum rd_err rc = rd_goodwill_decide(req->store, &req->actor, id, status, note, at, &msg);
	done(resp, req, rc, msg, "goodwill", id, 200);
}

static void goodwill_approve(struct rd_req *q, struct rd_resp *r) { decide(q, r, "approved"); }
static void goodwill_deliver(struct rd_req *q, struct rd_resp *r) { decide(q, r, "delivered"); }
static void goodwill_decline(struct rd_req *q, struct rd_resp *r) { decide(q, r, "declined"); }

static void plan_action_status(struct rd_req *req, struct rd_resp *resp)
{
	static const char *const ok[] = {"status", "evidence", "at", NULL};
	int64_t id, at;
	const char *status, *evidence;
	if (!rd_req_path_id(req, resp, 0, "plan_action", &id) || !rd_req_only(req, resp, ok) ||
	    !rd_req_str(req, resp, "status", true, &status) ||
	    !rd_req_str(req, resp, "evidence", false, &evidence) || !rd_req_time(req, resp, "at", req->now, &at))
		return;
	char *msg = NULL;
	enum rd_err rc = rd_plan_action_set_status(req->store, &req->actor, id, status, evidence, at, &msg);
	done(resp, req, rc, msg, "plan_action", id, 200);
}

static void review_action_done(struct rd_req *req, struct rd_resp *resp)
{
	static const char *const ok[] = {"evidence", "at", NULL};
	int64_t id, at;
	const char *evidence;
	if (!rd_req_path_id(req, resp, 0, "review_action", &id) || !rd_req_only(req, resp, ok) ||
	    !rd_req_str(req, resp, "evidence", true, &evidence) || !rd_req_time(req, resp, "at", req->now, &at))
		return;
	char *msg = NULL;
	enum rd_err rc = rd_review_action_done(req->store, &req->actor, id, evidence, at, &msg);
	done(resp, req, rc, msg, "review_action", id, 200);
}

/* ---- credentials ---- */

static void tokens_list(struct rd_req *req, struct rd_resp *resp)
{
	json_t *out;
	char *msg = NULL;
	const char *user = json_string_value(json_object_get(req->query, "user"));
	enum rd_err rc = rd_api_token_list(req->store, user, &out, &msg);
	if (rc) {
		rd_resp_err(resp, req, rc, msg);
		return;
	}
	rd_resp_json(resp, 200, json_pack("{so}", "items", out));
}

static void tokens_create(struct rd_req *req, struct rd_resp *resp)
{
	static const char *const ok[] = {"user", "label", NULL};
	const char *user, *label;
	if (!rd_req_only(req, resp, ok) || !rd_req_str(req, resp, "user", true, &user) ||
	    !rd_req_str(req, resp, "label", false, &label))
		return;
	char *tok = NULL, *msg = NULL;
	int64_t id = 0;
	enum rd_err rc = rd_api_token_create(req->store, &req->actor, user, label, &tok, &id, &msg);
	if (rc) {
		rd_resp_err(resp, req, rc == RD_ENOTFOUND ? RD_EINVAL : rc, msg);
		return;
	}
	rd_resp_json(resp, 201, json_pack("{sI ss ss* ss}", "id", (json_int_t)id, "user", user, "label", label,
					  "token", tok));
	resp->no_etag = true;
	rd_resp_header(resp, "Cache-Control", "no-store");
	sodium_memzero(tok, strlen(tok));
	free(tok);
}

static void tokens_revoke(struct rd_req *req, struct rd_resp *resp)
{
	char *end;
	long long id = strtoll(req->params[0], &end, 10);
	if (*end || id <= 0) {
		rd_resp_problem(resp, req, 404, "not-found", "no such API token");
		return;
	}
	char *msg = NULL;
	enum rd_err rc = rd_api_token_revoke(req->store, &req->actor, id, &msg);
	if (rc) {
		rd_resp_err(resp, req, rc, msg);
		return;
	}
	resp->status = 204;
}

static void portal_links_list(struct rd_req *req, struct rd_resp *resp)
{
	json_t *out;
	char *msg = NULL;
	const char *contact = json_string_value(json_object_get(req->query, "contact"));
	enum rd_err rc = rd_portal_list(req->store, contact, req->now, &out, &msg);
	if (rc) {
		rd_resp_err(resp, req, rc, msg);
		return;
	}
	rd_resp_json(resp, 200, json_pack("{so}", "items", out));
}

static void portal_links_create(struct rd_req *req, struct rd_resp *resp)
{
	static const char *const ok[] = {"contact", "days", NULL};
	const char *contact;
	json_t *days = json_object_get(req->json, "days");
	if (!rd_req_only(req, resp, ok) || !rd_req_str(req, resp, "contact", true, &contact))
		return;
	if (days && !json_is_integer(days)) {
		rd_resp_problem(resp, req, 422, "invalid", "'days' must be a whole number");
		return;
	}
	char *tok = NULL, *msg = NULL;
	int64_t id = 0;
	enum rd_err rc = rd_portal_invite(req->store, &req->actor, contact,
					  days ? (int64_t)json_integer_value(days) : RD_PORTAL_LINK_DAYS,
					  req->now, &tok, &id, &msg);
	if (rc) {
		rd_resp_err(resp, req, rc == RD_ENOTFOUND ? RD_EINVAL : rc, msg);
		return;
	}
	/* url: the link on the address users reach this server by (the
	 * effective base URL, see http.c), ready to send. */
	char path[128], url[600];
	snprintf(path, sizeof path, "/portal/enter/%s", tok);
	snprintf(url, sizeof url, "%s%s", req->cfg && req->cfg->base_url ? req->cfg->base_url : "", path);
	rd_resp_json(resp, 201, json_pack("{sI ss ss ss}", "id", (json_int_t)id, "contact", contact, "path", path,
					  "url", url));
	resp->no_etag = true;
	rd_resp_header(resp, "Cache-Control", "no-store");
	sodium_memzero(tok, strlen(tok));
	sodium_memzero(path, sizeof path);
	sodium_memzero(url, sizeof url);
	free(tok);
}

static void portal_links_revoke(struct rd_req *req, struct rd_resp *resp)
{
	char *end;
	long long id = strtoll(req->params[0], &end, 10);
	if (*end || id <= 0) {
		rd_resp_problem(resp, req, 404, "not-found", "no such portal link");
		return;
	}
	char *msg = NULL;
	int n = 0;
	enum rd_err rc = rd_portal_revoke(req->store, &req->actor, id, NULL, req->now, &n, &msg);
	if (rc) {
		rd_resp_err(resp, req, rc, msg);
		return;
	}
	resp->status = 204;
}

/* ---- clock and checker ---- */

static void agenda(struct rd_req *req, struct rd_resp *resp)
{
	int64_t at, owner = 0;
	if (!rd_req_query_time(req, resp, "at", req->now, &at))
		return;
	const char *o = json_string_value(json_object_get(req->query, "owner"));
	char *msg = NULL;
	if (o && strcmp(o, "me") == 0) {
		owner = req->actor.user_id;
	} else if (o && rd_record_lookup(req->store, "user", o, &owner, &msg)) {
		rd_resp_problem(resp, req, 400, "bad-request", msg);
		free(msg);
		return;
	}
	json_t *out;
	enum rd_err rc = rd_agenda(req->store, req->now, at, owner, 0, &out, &msg);
	if (rc) {
		rd_resp_err(resp, req, rc, msg);
		return;
	}
	char buf[RD_TIME_BUFSZ];
	rd_resp_json(resp, 200, json_pack("{ss so}", "at", rd_time_format(at, buf), "items", out));
}

/* /api/check's answer as it is sent (rd_resp_stream): the result, and the
 * writer's place in it. */
struct check_stream {
	struct rd_check_result *r;
	struct rd_jw w;
	struct rd_check_write_part part;
};

/* The next part, of 32 KB or so: the writer goes on where it stopped, into
 * the buffer the last part left empty. */
static enum rd_err check_stream_next(void *state, struct rd_buf *out, bool *done)
{
	struct check_stream *cs = state;
	if (!cs->part.begun)   /* the first part: the writer starts with it */
		rd_jw_init(&cs->w, out);
	cs->w.b = out;
	*done = rd_check_result_write_part(cs->r, &cs->w, &cs->part, 32 * 1024);
	return cs->w.err;
}

static void check_stream_free(void *state)
{
	struct check_stream *cs = state;
	rd_check_result_free(cs->r);
	free(cs);
}

/* Checks a message. With client and failure, in the context of the stored
 * narrative: late acknowledgement and contradictions with what was told. */
static void check(struct rd_req *req, struct rd_resp *resp)
{
	static const char *const ok[] = {"text", "kind", "client", "failure", "at", "lang", NULL};
	const char *text, *kind, *cname, *fname, *lang;
	int64_t at, cid = 0, fid = 0;
	char cbuf[24], fbuf[24];   /* ids sent as numbers: the composer sends them so */
	if (!rd_req_only(req, resp, ok) || !rd_req_str(req, resp, "text", true, &text) ||
	    !rd_req_str(req, resp, "kind", false, &kind) || !rd_req_ref(req, resp, "client", cbuf, &cname) ||
	    !rd_req_ref(req, resp, "failure", fbuf, &fname) || !rd_req_time(req, resp, "at", req->now, &at) ||
	    !rd_req_str(req, resp, "lang", false, &lang))
		return;
	if (lang && !rd_draft_lang_valid(lang)) {
		rd_resp_problem(resp, req, 422, "invalid", "lang is not en, de or fr");
		return;
	}
	if (kind && !rd_check_default_elements(kind, false)) {
		rd_resp_problem(resp, req, 422, "invalid", "kind is not a communication kind");
		return;
	}
	if (fname && !cname) {
		rd_resp_problem(resp, req, 422, "invalid", "failure needs client too");
		return;
	}
	char *msg = NULL;
	enum rd_err rc = RD_OK;
	if (cname)
		rc = rd_record_lookup(req->store, "client", cname, &cid, &msg);
	if (rc == RD_OK && fname)
		rc = rd_record_lookup(req->store, "failure", fname, &fid, &msg);
	if (rc) {
		rd_resp_err(resp, req, rc == RD_ENOTFOUND ? RD_EINVAL : rc, msg);
		return;
	}
	struct rd_check_context ctx;
	if ((rc = rd_check_context_build(req->store, kind, fid, cid, at, &ctx, &msg))) {
		rd_check_context_free(&ctx);
		rd_resp_err(resp, req, rc, msg);
		return;
	}
	struct rd_check_result *r = NULL;
	ctx.opts.lang = lang;
	rc = rd_check(text, json_string_length(json_object_get(req->json, "text")), &ctx.opts, &r, &msg);
	rd_check_context_free(&ctx);
	if (rc == RD_EINVAL) {   /* kind and context were checked above: it is the text */
		struct rd_buf d = RD_BUF_INIT;
		rd_buf_addf(&d, "'text': %s", msg ? msg : "not a message to check");
		rd_resp_problem(resp, req, 422, "invalid", d.data ? d.data : "'text' is not a message to check");
		rd_buf_free(&d);
		free(msg);
		return;
	}
	if (rc) {
		rd_resp_err(resp, req, rc, msg);
		return;
	}
	/* written while it is sent: a long message's findings number in the
	 * hundred thousands, tens of megabytes of JSON */
	struct check_stream *cs = calloc(1, sizeof *cs);
	if (!cs) {
		rd_check_result_free(r);
		rd_resp_err(resp, req, RD_ENOMEM, NULL);
		return;
	}
	cs->r = r;
	rd_resp_stream(resp, 200, "application/json", check_stream_next, check_stream_free, cs);
}

/* The policy in force, as JSON. Admin only: it is how the desk is run. */
static void policy_get(struct rd_req *req, struct rd_resp *resp)
{
	const struct rd_policy *p;
	char *msg = NULL;
	enum rd_err rc = rd_policy_in_force(&p, &msg);
	if (rc) {
		rd_resp_err(resp, req, rc, msg);
		return;
	}
	rd_resp_json(resp, 200, rd_policy_json(p));
}

/* Validates a policy file given as {"yaml": "…"}: 200 with its version when
 * valid, 422 naming every problem (line, column, field) when not. Nothing
 * is changed: the policy in force comes from the server's environment. */
static void policy_check(struct rd_req *req, struct rd_resp *resp)
{
	static const char *const ok[] = {"yaml", NULL};
	const char *yaml;
	if (!rd_req_only(req, resp, ok) || !rd_req_str(req, resp, "yaml", true, &yaml))
		return;
	struct rd_policy *p = NULL;
	char *msg = NULL;
	enum rd_err rc = rd_policy_parse(yaml, json_string_length(json_object_get(req->json, "yaml")),
					 "policy.yaml", &p, &msg);
	if (rc) {
		rd_resp_err(resp, req, rc, msg);
		return;
	}
	rd_resp_json(resp, 200, json_pack("{sb ss}", "valid", 1, "version", p->stamp));
	rd_policy_free(p);
}

#define VI RD_ROLE_VIEWER
#define AG RD_ROLE_AGENT
#define MA RD_ROLE_MANAGER
#define AD RD_ROLE_ADMIN
const struct rd_route rd_api_domain_routes[] = {
	{"GET", "/api/me", api_me, VI, 0, "the caller: user, role, CSRF token of a session", NULL},
	{"GET", "/api/agenda", agenda, VI, RD_ROUTE_CACHE, "due and overdue obligations and overdue promises (?at=, ?owner=EMAIL|me)", NULL},
	{"POST", "/api/check", check, VI, RD_ROUTE_READONLY | RD_ROUTE_BIG_BODY, "check a message: findings, score, elements", NULL},
	{"GET", "/api/policy", policy_get, AD, 0, "the policy in force", NULL},
	{"POST", "/api/policy/check", policy_check, AD, RD_ROUTE_READONLY, "validate a policy file ({yaml}); changes nothing", NULL},
	{"GET", "/api/clients/{id}/dashboard", client_dashboard, VI, RD_ROUTE_CACHE, "a client's overview, tracks and trust", NULL},
	{"GET", "/api/trust", trust_portfolio, VI, RD_ROUTE_CACHE, "every client's trust, most at risk first (?at=, ?limit=)", NULL},
	{"POST", "/api/clients/{id}/services", client_service, AG, 0, "record that a client uses a service", NULL},
	{"POST", "/api/failures/{id}/status", failure_status, AG, 0, "move a failure along (or reopen)", NULL},
	{"POST", "/api/failures/{id}/disclosure", failure_disclose, MA, 0, "decide what may be told", NULL},
	{"GET", "/api/failures/{id}/rca", rca_get, VI, 0, "the root-cause analysis", NULL},
	{"PUT", "/api/failures/{id}/rca", rca_put, AG, 0, "record the root-cause analysis", NULL},
	{"POST", "/api/failures/{id}/eta", eta_post, AG, 0, "revise the ETA (a reason is required)", NULL},
	{"PUT", "/api/failures/{id}/impacts/{client}", impact_put, AG, 0, "record a client's impact", NULL},
	{"GET", "/api/failures/{id}/obligations", obligations_get, VI, RD_ROUTE_CACHE, "the clock's schedule (?client=, ?at=)", NULL},
	{"POST", "/api/commitments/{id}/keep", commitment_keep, AG, 0, "mark a promise kept", NULL},
	{"POST", "/api/commitments/{id}/break", commitment_break, AG, 0, "mark a promise broken", NULL},
	{"POST", "/api/commitments/{id}/renegotiate", commitment_reneg, AG, 0, "agree a new date", NULL},
	{"POST", "/api/goodwill/{id}/approve", goodwill_approve, MA, 0, "approve goodwill", NULL},
	{"POST", "/api/goodwill/{id}/deliver", goodwill_deliver, AG, 0, "record goodwill delivered", NULL},
	{"POST", "/api/goodwill/{id}/decline", goodwill_decline, AG, 0, "record goodwill declined", NULL},
	{"POST", "/api/plan_actions/{id}/status", plan_action_status, AG, 0, "move a plan action along", NULL},
	{"POST", "/api/review_actions/{id}/done", review_action_done, AG, 0, "close a review action with its evidence", NULL},
	{"GET", "/api/tokens", tokens_list, AD, 0, "API tokens (never their secrets)", NULL},
	{"POST", "/api/tokens", tokens_create, AD, 0, "create an API token (shown once)", NULL},
	{"DELETE", "/api/tokens/{id}", tokens_revoke, AD, 0, "revoke an API token", NULL},
	{"GET", "/api/portal_links", portal_links_list, AG, 0, "client-portal links", NULL},
	{"POST", "/api/portal_links", portal_links_create, AG, 0, "invite a contact (magic link, shown once)", NULL},
	{"DELETE", "/api/portal_links/{id}", portal_links_revoke, AG, 0, "revoke a portal link", NULL},
	{NULL, NULL, NULL, 0, 0, NULL, NULL},
};
