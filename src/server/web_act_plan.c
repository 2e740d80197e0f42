/* web_act_plan.c — the root cause (whys, category, client explanation),
 * the recovery plan (add an action; move it along with evidence) and ETA
 * revisions with their reason, from the browser. Each POST calls the
 * library function the API calls: rd_rca_set, rd_record_create
 * "plan_action", rd_plan_action_set_status, rd_eta_set. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "redress/model.h"
#include "web_act.h"

static const char *const categories[] = {"process", "training", "technology", "capacity", "communication",
					 "vendor", "other", NULL};

/* ---- root cause ---- */

static const struct act_field rca_fields[] = {
	{"whys", "Chain of whys", ACT_AREA, false, 5000, NULL, 0, 0, "One \"why\" a line, from the symptom to the cause."},
	{"category", "Category", ACT_SELECT, false, 0, categories, 0, 0, NULL},
	{"contributing", "Contributing factors", ACT_AREA, false, 5000, NULL, 0, 0, NULL},
	{"findings", "Internal findings", ACT_AREA, false, 5000, NULL, 0, 0, "Never shown to clients."},
	{"client_explanation", "Explanation for clients", ACT_AREA, false, 5000, NULL, 0, 0,
	 "Shown in the portal and used by the checker: plain words, no blame."},
	{NULL},
};

static int rca_render(const struct rd_page_req *q, struct rd_page_resp *r, json_t *f, const struct act_err *e,
		      int status)
{
	struct act_links l;
	struct act_form form = {.title = "Root cause", .fields = rca_fields, .submit = "Save the root cause"};
	act_failure_links(&form, &l, f, "rca", "rca");
	json_t *rca = json_object_get(f, "rca"), *v = json_object();
	for (const struct act_field *x = rca_fields; x->name; x++)
		if (web_jstr(rca, x->name))
			json_object_set_new(v, x->name, json_string(web_jstr(rca, x->name)));
	struct rd_buf w = RD_BUF_INIT;
	size_t i;
	json_t *y;
	json_array_foreach(json_object_get(rca, "whys"), i, y) {
		if (i)
			rd_buf_addc(&w, '\n');
		rd_buf_adds(&w, json_string_value(y) ? json_string_value(y) : "");
	}
	if (w.data)
		json_object_set_new(v, "whys", json_string(w.data));
	rd_buf_free(&w);
	int ret = act_page(q, r, &form, e ? q->form : v, e, NULL, status);
	json_decref(v);
	return ret;
}

int web_act_rca(const struct rd_page_req *q, struct rd_page_resp *r)
{
	return act_failure_form(q, r, rca_render);
}

/* the chain replaces the stored one: one why a line, blank lines dropped */
static enum rd_err rca_apply(const struct rd_page_req *q, struct act_call *c, struct act_err *e, char **msg)
{
	json_t *in = json_object();
	act_copy_fields(q, rca_fields, in);
	json_t *whys = json_array();
	const char *s = web_form(q, "whys");
	while (s && *s) {
		size_t n = strcspn(s, "\r\n");
		size_t a = 0, z = n;
		while (a < z && (s[a] == ' ' || s[a] == '\t'))
			a++;
		while (z > a && (s[z - 1] == ' ' || s[z - 1] == '\t'))
			z--;
		if (z > a)
			json_array_append_new(whys, json_stringn(s + a, z - a));
		s += n;
		while (*s == '\r' || *s == '\n')
			s++;
	}
	json_object_set_new(in, "whys", whys);
	enum rd_err rc = rd_rca_set(q->store, q->actor, c->fid, in, msg);
	json_decref(in);
	return rc;
}

static const struct act_post rca_post = {
	.fields = rca_fields, .render = rca_render, .apply = rca_apply,
	.fallback = "The root cause could not be saved.", .word = "rca", .anchor = "rca",
};

int web_act_rca_post(const struct rd_page_req *q, struct rd_page_resp *r)
{
	return act_failure_post(q, r, &rca_post);
}

/* ---- plan actions: add ---- */

static const char *const kinds[] = {"immediate", "repair", "preventive", "value_add", NULL};
static const struct act_field plan_fields[] = {
	{"description", "Action", ACT_TEXT, true, 500, NULL, 0, 0, "What will be done."},
	{"kind", "Kind", ACT_SELECT, true, 0, kinds, 0, 0, NULL},
	{"client", "For one client only", ACT_CLIENT, false, 0, NULL, 0, 0, "Leave empty for every client."},
	{"owner", "Owner", ACT_USER, false, 0, NULL, 0, 0, NULL},
	{"due", "Due", ACT_DATETIME, false, 0, NULL, 0, 0, "Your local time."},
	{"success_criterion", "Done when", ACT_TEXT, false, 500, NULL, 0, 0, "How anyone can tell it worked."},
	{NULL},
};

static int plan_render(const struct rd_page_req *q, struct rd_page_resp *r, json_t *f, const struct act_err *e,
		       int status)
{
	struct act_links l;
	struct act_form form = {.title = "Add a plan action", .fields = plan_fields, .submit = "Add to the plan",
				.affected_of = f};
	act_failure_links(&form, &l, f, "plan/new", "plan");
	json_t *v = json_pack("{ss}", "kind", "repair");
	int ret = act_page(q, r, &form, e ? q->form : v, e, NULL, status);
	json_decref(v);
	return ret;
}

int web_act_plan(const struct rd_page_req *q, struct rd_page_resp *r)
{
	return act_failure_form(q, r, plan_render);
}

static enum rd_err plan_apply(const struct rd_page_req *q, struct act_call *c, struct act_err *e, char **msg)
{
	int64_t cid = 0, owner = 0, due = 0, id = 0;
	if (!act_form_time(q, "due", &due, e))
		return RD_EINVAL;
	json_t *in = json_pack("{sI ss ss}", "failure_id", (json_int_t)c->fid, "description",
			       web_form_nonempty(q, "description"), "kind", web_form(q, "kind"));
	if (web_parse_id(web_form_nonempty(q, "client"), &cid))
		json_object_set_new(in, "client_id", json_integer(cid));
	if (web_parse_id(web_form_nonempty(q, "owner"), &owner))
		json_object_set_new(in, "owner_id", json_integer(owner));
	if (due)
		json_object_set_new(in, "due_at", json_integer(due));
	if (web_form_nonempty(q, "success_criterion"))
		json_object_set_new(in, "success_criterion", json_string(web_form_nonempty(q, "success_criterion")));
	/* as POST /api/plan_actions: a new action is planned */
	json_t *extra = json_pack("{ss}", "status", "planned");
	enum rd_err rc = rd_record_create(q->store, q->actor, "plan_action", in, extra, &id, msg);
	json_decref(in);
	json_decref(extra);
	return rc;
}

static const struct act_post plan_post = {
	.fields = plan_fields, .render = plan_render, .apply = plan_apply,
	.fallback = "The action could not be added.", .word = "plan", .anchor = "plan",
};

int web_act_plan_post(const struct rd_page_req *q, struct rd_page_resp *r)
{
	return act_failure_post(q, r, &plan_post);
}

/* ---- plan actions: status with evidence ---- */

static const char *const pa_statuses[] = {"in_progress", "done", "dropped", NULL};
static const struct act_field pa_fields[] = {
	{"status", "New status", ACT_SELECT, true, 0, pa_statuses, 0, 0, NULL},
	{"evidence", "Evidence", ACT_AREA, false, 2000, NULL, 0, 0, "Required for done: what shows it worked."},
	{NULL},
};

static bool load_action(const struct rd_page_req *q, struct rd_page_resp *r, json_t **a)
{
	int64_t id;
	*a = NULL;
	if (!web_param_id(q, 0, &id) || rd_record_get(q->store, "plan_action", id, a, NULL) != RD_OK) {
		web_not_found(q, r);
		return false;
	}
	return true;
}

static int pa_render(const struct rd_page_req *q, struct rd_page_resp *r, json_t *a, const struct act_err *e,
		     int status)
{
	char action[64], back[64], intro[700];
	snprintf(action, sizeof action, "/plan-actions/%" PRId64 "/status", web_jint(a, "id"));
	snprintf(back, sizeof back, "/failures/%" PRId64 "#plan", web_jint(a, "failure_id"));
	snprintf(intro, sizeof intro, "%s — now %s.", web_jstr(a, "description") ? web_jstr(a, "description") : "",
		 web_jstr(a, "status") ? web_jstr(a, "status") : "?");
	struct act_form form = {.title = "Update a plan action", .intro = intro, .action = action, .back = back,
				.back_label = "Back to the failure", .fields = pa_fields, .submit = "Save"};
	return act_page(q, r, &form, e ? q->form : q->query, e, NULL, status);
}

int web_act_plan_status(const struct rd_page_req *q, struct rd_page_resp *r)
{
	json_t *a;
	if (!load_action(q, r, &a))
		return web_done(r);
	int ret = pa_render(q, r, a, NULL, 0);
	json_decref(a);
	return ret;
}

static enum rd_err pa_apply(const struct rd_page_req *q, struct act_call *c, struct act_err *e, char **msg)
{
	const char *to = web_form(q, "status");
	if (!strcmp(to, "done") && !web_form_nonempty(q, "evidence")) {
		act_err_set(e, "evidence", "Evidence: say what shows the action worked before marking it done.");
		return RD_EINVAL;
	}
	return rd_plan_action_set_status(q->store, q->actor, web_jint(c->subject, "id"), to,
					 web_form_nonempty(q, "evidence"), q->now, msg);
}

static const struct act_post pa_post = {
	.fields = pa_fields, .render = pa_render, .apply = pa_apply, .fallback = "The action could not be updated.",
	.field = "status", .word = "plan-status", .anchor = "plan",
};

int web_act_plan_status_post(const struct rd_page_req *q, struct rd_page_resp *r)
{
	json_t *a;
	if (!load_action(q, r, &a))
		return web_done(r);
	int ret = act_post_run(q, r, &pa_post, a, web_jint(a, "failure_id"), NULL);
	json_decref(a);
	return ret;
}

/* ---- ETA revisions ---- */

static const struct act_field eta_fields[] = {
	{"eta", "New ETA", ACT_DATETIME, true, 0, NULL, 0, 0, "Your local time."},
	{"reason", "Reason", ACT_AREA, true, 2000, NULL, 0, 0, "Why it moved: clients see the reasons of revisions they were told."},
	{"client", "For one client only", ACT_CLIENT, false, 0, NULL, 0, 0, "Leave empty for the whole failure."},
	{"clients_told", "Clients have been told this ETA", ACT_CHECK, false, 0, NULL, 0, 0, NULL},
	{NULL},
};

static int eta_render(const struct rd_page_req *q, struct rd_page_resp *r, json_t *f, const struct act_err *e,
		      int status)
{
	struct act_links l;
	struct act_form form = {.title = "Revise the ETA", .intro = "Every revision keeps its reason in the ETA history.",
				.fields = eta_fields, .submit = "Revise the ETA", .affected_of = f};
	act_failure_links(&form, &l, f, "eta", "eta");
	return act_page(q, r, &form, e ? q->form : NULL, e, NULL, status);
}

int web_act_eta(const struct rd_page_req *q, struct rd_page_resp *r)
{
	return act_failure_form(q, r, eta_render);
}

static enum rd_err eta_apply(const struct rd_page_req *q, struct act_call *c, struct act_err *e, char **msg)
{
	int64_t eta = 0, cid = 0, rid = 0;
	if (!act_form_time(q, "eta", &eta, e))
		return RD_EINVAL;
	if (eta < q->now) {
		act_err_set(e, "eta", "New ETA is in the past: give the time you now expect the fix.");
		return RD_EINVAL;
	}
	web_parse_id(web_form_nonempty(q, "client"), &cid);
	return rd_eta_set(q->store, q->actor, c->fid, cid, eta, web_form_nonempty(q, "reason"),
			  web_form_nonempty(q, "clients_told") != NULL, q->now, &rid, msg);
}

static const struct act_post eta_post = {
	.fields = eta_fields, .render = eta_render, .apply = eta_apply,
	.fallback = "The ETA could not be revised.", .word = "eta", .anchor = "eta",
};

int web_act_eta_post(const struct rd_page_req *q, struct rd_page_resp *r)
{
	return act_failure_post(q, r, &eta_post);
}
