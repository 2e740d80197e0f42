/* web_act_failure.c — the failure itself from the browser: open one (title,
 * severity, services, lead), then confirm or remove the clients the service
 * map proposed and add others; edit its details; move its status along
 * (resolve, close, reopen); the manager's disclosure decision. Also the
 * action panel the failure room shows (web_act_failure_panel). Each POST
 * calls the library function the API calls, as the signed-in user. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "redress/model.h"
#include "web_act.h"

static const char *const severities[] = {"1", "2", "3", "4", NULL};
static const char *const statuses[] = {"investigating", "identified", "remediating", "resolved", "closed", "reopen",
				       NULL};

/* ---- open a failure ---- */

static const struct act_field new_fields[] = {
	{"title", "Title", ACT_TEXT, true, 200, NULL, 0, 0, "What failed, as you would say it to a client."},
	{"severity", "Severity", ACT_SELECT, true, 0, severities, 0, 0, "1 is the most severe."},
	{"description", "Description (internal)", ACT_AREA, false, 5000, NULL, 0, 0, NULL},
	{"lead", "Incident lead", ACT_USER, false, 0, NULL, 0, 0, NULL},
	{"detected", "Detected at", ACT_DATETIME, false, 0, NULL, 0, 0, "Your local time; empty = now."},
	{NULL},
};

static bool has_name(json_t *names, const char *name)
{
	size_t i;
	json_t *n;
	json_array_foreach(names, i, n)
		if (name && json_string_value(n) && !strcmp(json_string_value(n), name))
			return true;
	return false;
}

/* The services as checkboxes "svc-ID" (a form keeps one value per name),
 * ticked from the POSTed form, else from CHECKED (names; may be NULL). */
static enum rd_err services_boxes(const struct rd_page_req *q, struct rd_buf *b, json_t *checked, json_t **services)
{
	enum rd_err rc = web_list(q->store, "service", NULL, services);
	if (rc)
		return rc;
	json_t *v = q->form && !strcmp(q->method, "POST") ? q->form : NULL;
	rd_buf_adds(b, "<fieldset class=\"inline\" id=\"f-services\"><legend>Services that failed</legend>");
	size_t i;
	json_t *s;
	json_array_foreach(*services, i, s) {
		char name[40];
		snprintf(name, sizeof name, "svc-%" PRId64, web_jint(s, "id"));
		bool on = v ? json_object_get(v, name) != NULL : has_name(checked, web_jstr(s, "name"));
		web_html(b, "<label><input type=\"checkbox\" name=\"%s\" value=\"1\"%R> %s</label>", name,
			 on ? " checked" : "", web_jstr(s, "name"));
	}
	rd_buf_adds(b, "<p class=\"hint muted\">Clients using these services are proposed as affected; you confirm "
		       "them next.</p></fieldset>");
	return RD_OK;
}

/* The names of the services ticked in the POSTed form, as a new array;
 * NULL when the services could not be read. */
static json_t *ticked_services(const struct rd_page_req *q)
{
	json_t *services = NULL;
	if (web_list(q->store, "service", NULL, &services))
		return NULL;
	json_t *names = json_array();
	size_t i;
	json_t *s;
	json_array_foreach(services, i, s) {
		char name[40];
		snprintf(name, sizeof name, "svc-%" PRId64, web_jint(s, "id"));
		if (web_form_nonempty(q, name))
			json_array_append(names, json_object_get(s, "name"));
	}
	json_decref(services);
	return names;
}

static int new_render(const struct rd_page_req *q, struct rd_page_resp *r, json_t *none, const struct act_err *e,
		      int status)
{
	struct rd_buf inner = {0};
	json_t *services = NULL;
	enum rd_err src = services_boxes(q, &inner, NULL, &services);
	if (src) {
		rd_buf_free(&inner);
		return web_read_failed(q, r, src, "The database could not be read.");
	}
	struct act_form form = {
		.title = "Open a failure",
		.intro = "Open it as soon as clients may be affected: the clock for apologies and updates starts now.",
		.action = "/failures/new", .back = "/failures", .back_label = "Failures",
		.fields = new_fields, .submit = "Open the failure", .inner = inner.data,
	};
	json_t *defaults = json_pack("{ss}", "severity", "2");
	int ret = act_page(q, r, &form, e ? q->form : defaults, e, NULL, status);
	json_decref(defaults);
	json_decref(services);
	rd_buf_free(&inner);
	return ret;
}

int web_act_new(const struct rd_page_req *q, struct rd_page_resp *r)
{
	return new_render(q, r, NULL, NULL, 0);
}

static enum rd_err new_apply(const struct rd_page_req *q, struct act_call *c, struct act_err *e, char **msg)
{
	int64_t detected = 0, fid = 0, lead = 0;
	if (!act_form_time(q, "detected", &detected, e))
		return RD_EINVAL;
	if (detected > q->now + 300) {
		act_err_set(e, "detected", "Detected at: this time is in the future; a failure is opened once it has been seen.");
		return RD_EINVAL;
	}
	json_t *in = json_object();
	act_copy_fields(q, new_fields, in);
	json_object_set_new(in, "severity", json_integer(strtol(web_form(q, "severity"), NULL, 10)));
	if (web_parse_id(web_form_nonempty(q, "lead"), &lead))
		json_object_set_new(in, "lead_id", json_integer(lead));
	json_object_del(in, "lead");
	if (detected)
		json_object_set_new(in, "detected_at", json_integer(detected));
	json_t *names = ticked_services(q);
	if (!names) {
		json_decref(in);
		act_err_set(e, NULL, "The database could not be read.");
		return RD_EINVAL;
	}
	json_object_set_new(in, "services", names);
	enum rd_err rc = rd_failure_open(q->store, q->actor, in, &fid, msg);
	json_decref(in);
	snprintf(c->loc, sizeof c->loc, "/failures/%" PRId64 "/clients", fid);
	return rc;
}

static const struct act_post new_post = {
	.fields = new_fields, .render = new_render, .apply = new_apply,
	.fallback = "The failure could not be opened.", .word = "opened",
};

int web_act_new_post(const struct rd_page_req *q, struct rd_page_resp *r)
{
	return act_post_run(q, r, &new_post, NULL, 0, NULL);
}

/* ---- confirm, remove and add affected clients ---- */

static const struct act_field add_client_fields[] = {
	{"add", "Add another affected client", ACT_CLIENT, false, 0, NULL, 0, 0, NULL},
	{NULL},
};

static int clients_render(const struct rd_page_req *q, struct rd_page_resp *r, json_t *f, const struct act_err *e,
			  int status)
{
	struct web_names nm;
	if (!web_names_ready(q, r, &nm))
		return web_done(r);
	bool posted = e && q->form;
	struct rd_buf inner = {0};
	rd_buf_adds(&inner, "<fieldset id=\"f-clients\"><legend>Clients of this failure</legend>");
	size_t i, n = 0;
	json_t *im;
	json_array_foreach(json_object_get(f, "impacts"), i, im) {
		int64_t cid = web_jint(im, "client_id");
		const char *aff = web_jstr(im, "affected");
		char name[40];
		snprintf(name, sizeof name, "client-%" PRId64, cid);
		/* proposed (suspected) and confirmed clients start ticked: the lead
		 * removes the ones that were not hit */
		bool on = posted ? web_form_nonempty(q, name) != NULL : (aff && strcmp(aff, "no") != 0);
		json_t *cl = web_client(&nm, cid);
		web_html(&inner, "<label class=\"check\"><input type=\"checkbox\" name=\"%s\" id=\"f-%s\" value=\"1\"%R> "
				 "%s <span class=\"muted\">%s · %s</span></label>",
			 name, name, on ? " checked" : "", web_client_name(&nm, cid), web_jstr(cl, "tier"),
			 aff && !strcmp(aff, "suspected") ? "proposed by the service map"
			 : aff && !strcmp(aff, "yes")     ? "confirmed"
							  : "not affected");
		n++;
	}
	if (!n)
		rd_buf_adds(&inner, "<p class=\"muted\">No client uses the failed services: add the affected ones below.</p>");
	rd_buf_adds(&inner, "</fieldset>");
	struct act_links l;
	struct act_form form = {
		.title = "Affected clients",
		.intro = "Ticked clients are affected: each gets its own track of apologies and updates. "
			 "Untick a client to remove it.",
		.fields = add_client_fields, .submit = "Save the affected clients",
	};
	act_failure_links(&form, &l, f, "clients", NULL);
	/* the checkboxes go first, then "add another" */
	struct rd_buf before = {0};
	/* the list and "add another" are one block: no table fields */
	static const struct act_field none[] = {{NULL}};
	form.fields = none;
	rd_buf_adds(&inner, "<label for=\"f-add\">Add another affected client</label>");
	web_html(&inner, "<select name=\"add\" id=\"f-add\"%R><option value=\"\">—</option>",
		 e && e->field && !strcmp(e->field, "add") ? " aria-invalid=\"true\"" : "");
	const char *key;
	json_t *cl;
	const char *sel = posted ? web_form(q, "add") : NULL;
	json_object_foreach(nm.clients, key, cl)
		web_html(&inner, "<option value=\"%s\"%R>%s</option>", key, sel && !strcmp(sel, key) ? " selected" : "",
			 web_jstr(cl, "name"));
	rd_buf_adds(&inner, "</select>");
	if (e && e->field && !strcmp(e->field, "add"))
		web_html(&inner, "<p class=\"field-error\" id=\"err-add\" role=\"alert\">%s</p>", e->msg);
	form.inner = inner.data;
	int ret = act_page(q, r, &form, NULL, e, before.data, status);
	rd_buf_free(&inner);
	rd_buf_free(&before);
	web_names_free(&nm);
	return ret;
}

int web_act_clients(const struct rd_page_req *q, struct rd_page_resp *r)
{
	return act_failure_form(q, r, clients_render);
}

/* Everything is checked (the fields) before the first write. */
static enum rd_err clients_apply(const struct rd_page_req *q, struct act_call *c, struct act_err *e, char **msg)
{
	int64_t add = 0;
	enum rd_err rc;
	web_parse_id(web_form_nonempty(q, "add"), &add);
	size_t i;
	json_t *im;
	json_array_foreach(json_object_get(c->subject, "impacts"), i, im) {
		int64_t cid = web_jint(im, "client_id");
		char name[40];
		snprintf(name, sizeof name, "client-%" PRId64, cid);
		const char *want = web_form_nonempty(q, name) || cid == add ? "yes" : "no";
		const char *aff = web_jstr(im, "affected");
		if (aff && !strcmp(aff, want))
			continue;
		json_t *in = json_pack("{ss}", "affected", want);
		rc = rd_impact_set(q->store, q->actor, c->fid, cid, in, NULL, msg);
		json_decref(in);
		if (rc) {
			act_err_set(e, NULL, "%s: %s", web_client_name(c->nm, cid),
				    web_err_text(rc, *msg, "the change could not be saved"));
			return rc;
		}
	}
	bool known = !add;
	json_array_foreach(json_object_get(c->subject, "impacts"), i, im)
		known = known || web_jint(im, "client_id") == add;
	if (known)
		return RD_OK;
	json_t *in = json_pack("{ss}", "affected", "yes");
	rc = rd_impact_set(q->store, q->actor, c->fid, add, in, NULL, msg);
	json_decref(in);
	if (rc)
		act_err_set(e, "add", "%s", web_err_text(rc, *msg, "The client could not be added."));
	return rc;
}

static const struct act_post clients_post = {
	.fields = add_client_fields, .render = clients_render, .apply = clients_apply,
	.word = "clients", .anchor = "clients",
};

int web_act_clients_post(const struct rd_page_req *q, struct rd_page_resp *r)
{
	return act_failure_post(q, r, &clients_post);
}

/* ---- edit the details ---- */

static const struct act_field edit_fields[] = {
	{"title", "Title", ACT_TEXT, true, 200, NULL, 0, 0, NULL},
	{"severity", "Severity", ACT_SELECT, true, 0, severities, 0, 0, "Changing it moves the due times."},
	{"description", "Description (internal)", ACT_AREA, false, 5000, NULL, 0, 0, NULL},
	{"lead", "Incident lead", ACT_USER, false, 0, NULL, 0, 0, NULL},
	{NULL},
};

/* Services are checkboxes after the fields; adding one proposes its clients
 * (rd_failure_update), who are then confirmed on the clients page. */
static int edit_render(const struct rd_page_req *q, struct rd_page_resp *r, json_t *f, const struct act_err *e,
		       int status)
{
	struct act_links l;
	struct rd_buf inner = RD_BUF_INIT;
	json_t *services = NULL;
	enum rd_err src = services_boxes(q, &inner, json_object_get(f, "services"), &services);
	if (src) {
		rd_buf_free(&inner);
		return web_read_failed(q, r, src, "The database could not be read.");
	}
	json_decref(services);
	struct act_form form = {.title = "Edit the failure", .fields = edit_fields, .submit = "Save", .inner = inner.data};
	act_failure_links(&form, &l, f, "edit", NULL);
	char sev[8], lead[32];
	snprintf(sev, sizeof sev, "%" PRId64, web_jint(f, "severity"));
	snprintf(lead, sizeof lead, "%" PRId64, web_jint(f, "lead_id"));
	json_t *v = json_pack("{ss ss ss* ss}", "title", web_jstr(f, "title"), "severity", sev, "description",
			      web_jstr(f, "description"), "lead", lead);
	int ret = act_page(q, r, &form, e ? q->form : v, e, NULL, status);
	json_decref(v);
	rd_buf_free(&inner);
	return ret;
}

int web_act_edit(const struct rd_page_req *q, struct rd_page_resp *r)
{
	return act_failure_form(q, r, edit_render);
}

static enum rd_err edit_apply(const struct rd_page_req *q, struct act_call *c, struct act_err *e, char **msg)
{
	int64_t lead = 0;
	json_t *in = json_object();
	act_copy_fields(q, edit_fields, in);
	json_object_set_new(in, "severity", json_integer(strtol(web_form(q, "severity"), NULL, 10)));
	json_object_del(in, "lead");
	if (web_parse_id(web_form_nonempty(q, "lead"), &lead))
		json_object_set_new(in, "lead_id", json_integer(lead));
	json_t *names = ticked_services(q);
	if (!names) {
		json_decref(in);
		c->fatal = "The database could not be read.";
		return RD_EINVAL;
	}
	json_object_set_new(in, "services", names);
	enum rd_err rc = rd_failure_update(q->store, q->actor, c->fid, in, msg);
	json_decref(in);
	return rc;
}

static const struct act_post edit_post = {
	.fields = edit_fields, .render = edit_render, .apply = edit_apply,
	.fallback = "The failure could not be saved.", .word = "edited", .anchor = "act",
};

int web_act_edit_post(const struct rd_page_req *q, struct rd_page_resp *r)
{
	return act_failure_post(q, r, &edit_post);
}

/* ---- status: move along, resolve, close, reopen ---- */

static const struct act_field status_fields[] = {
	{"status", "New status", ACT_SELECT, true, 0, statuses, 0, 0,
	 "Forward only; \"reopen\" takes a resolved or closed failure back to investigating."},
	{"at", "When", ACT_DATETIME, false, 0, NULL, 0, 0, "Your local time; empty = now."},
	{NULL},
};

static int status_render(const struct rd_page_req *q, struct rd_page_resp *r, json_t *f, const struct act_err *e,
			 int status)
{
	struct act_links l;
	char intro[160];
	snprintf(intro, sizeof intro, "It is now %s.", web_jstr(f, "status") ? web_jstr(f, "status") : "?");
	struct act_form form = {.title = "Change the status", .intro = intro, .fields = status_fields,
				.submit = "Change the status"};
	act_failure_links(&form, &l, f, "status", NULL);
	const char *to = web_query(q, "to");
	json_t *v = json_pack("{ss}", "status", to ? to : "");
	int ret = act_page(q, r, &form, e ? q->form : v, e, NULL, status);
	json_decref(v);
	return ret;
}

int web_act_status(const struct rd_page_req *q, struct rd_page_resp *r)
{
	return act_failure_form(q, r, status_render);
}

static enum rd_err status_apply(const struct rd_page_req *q, struct act_call *c, struct act_err *e, char **msg)
{
	int64_t at = 0;
	if (!act_form_time(q, "at", &at, e))
		return RD_EINVAL;
	if (at > q->now + 300) {
		act_err_set(e, "at", "When is in the future: record a change once it has happened.");
		return RD_EINVAL;
	}
	return rd_failure_set_status(q->store, q->actor, c->fid, web_form(q, "status"), at ? at : q->now, msg);
}

static const struct act_post status_post = {
	.fields = status_fields, .render = status_render, .apply = status_apply,
	.fallback = "The status could not be changed.", .field = "status", .word = "status",
};

int web_act_status_post(const struct rd_page_req *q, struct rd_page_resp *r)
{
	return act_failure_post(q, r, &status_post);
}

/* ---- the disclosure decision (manager) ---- */

static const struct act_field disclosure_fields[] = {
	{"text", "What may be told to clients", ACT_AREA, true, 5000, NULL, 0, 0,
	 "Agree it before detailed updates go out; every message is checked against it."},
	{NULL},
};

static int disclosure_render(const struct rd_page_req *q, struct rd_page_resp *r, json_t *f,
			     const struct act_err *e, int status)
{
	struct act_links l;
	struct act_form form = {.title = "Disclosure decision", .intro = "A manager decides what may be told.",
				.fields = disclosure_fields, .submit = "Record the decision"};
	act_failure_links(&form, &l, f, "disclosure", "disclosure");
	json_t *v = json_pack("{ss*}", "text", web_jstr(f, "disclosure"));
	int ret = act_page(q, r, &form, e ? q->form : v, e, NULL, status);
	json_decref(v);
	return ret;
}

int web_act_disclosure(const struct rd_page_req *q, struct rd_page_resp *r)
{
	return act_failure_form(q, r, disclosure_render);
}

static enum rd_err disclosure_apply(const struct rd_page_req *q, struct act_call *c, struct act_err *e, char **msg)
{
	return rd_failure_disclose(q->store, q->actor, c->fid, web_form(q, "text"), q->now, msg);
}

static const struct act_post disclosure_post = {
	.fields = disclosure_fields, .render = disclosure_render, .apply = disclosure_apply,
	.fallback = "The decision could not be recorded.", .word = "disclosure", .anchor = "disclosure",
};

int web_act_disclosure_post(const struct rd_page_req *q, struct rd_page_resp *r)
{
	return act_failure_post(q, r, &disclosure_post);
}

/* ---- the panels ---- */

void web_act_failure_list_bar(struct rd_buf *b, const struct rd_page_req *q)
{
	if (act_can(q, RD_ROLE_AGENT))
		rd_buf_adds(b, "<div class=\"actions\"><a class=\"button\" href=\"/failures/new\" id=\"open-failure\">"
			       "Open a failure</a></div>\n");
}

static void link(struct rd_buf *b, const char *id, const char *href, const char *label, bool secondary)
{
	web_html(b, "<a class=\"button small%R\" id=\"%s\" href=\"%s\">%s</a>", secondary ? " secondary" : "", id, href,
		 label);
}

void web_act_failure_panel(struct rd_buf *b, const struct rd_page_req *q, const struct web_names *nm, json_t *f,
			   json_t *obs)
{
	if (!act_can(q, RD_ROLE_AGENT))
		return; /* a viewer reads; no action is offered */
	int64_t fid = web_jint(f, "id");
	const char *st = web_jstr(f, "status");
	bool ended = st && (!strcmp(st, "resolved") || !strcmp(st, "closed"));
	char h[160];
	rd_buf_adds(b, "<section class=\"card act-panel\" id=\"act\" aria-labelledby=\"act-h\"><h2 id=\"act-h\">Actions</h2>"
		       "<div class=\"actions\">");
#define L(id, fmt, label, sec)                                   \
	do {                                                     \
		snprintf(h, sizeof h, fmt, fid);                 \
		link(b, id, h, label, sec);                      \
	} while (0)
	L("act-edit", "/failures/%" PRId64 "/edit", "Edit details", true);
	L("act-clients", "/failures/%" PRId64 "/clients", "Affected clients", true);
	if (!ended) {
		L("act-status", "/failures/%" PRId64 "/status", "Change status", true);
		L("act-resolve", "/failures/%" PRId64 "/status?to=resolved", "Resolve", false);
	} else if (!strcmp(st, "resolved")) {
		L("act-close", "/failures/%" PRId64 "/status?to=closed", "Close", false);
		L("act-reopen", "/failures/%" PRId64 "/status?to=reopen", "Reopen", true);
	} else {
		L("act-reopen", "/failures/%" PRId64 "/status?to=reopen", "Reopen", true);
	}
	L("act-rca", "/failures/%" PRId64 "/rca", "Root cause", true);
	L("act-plan", "/failures/%" PRId64 "/plan/new", "Add a plan action", true);
	L("act-eta", "/failures/%" PRId64 "/eta", "Revise the ETA", true);
	L("act-commitment", "/failures/%" PRId64 "/commitments/new", "Add a commitment", true);
	if (act_can(q, RD_ROLE_MANAGER))
		L("act-disclosure", "/failures/%" PRId64 "/disclosure", "Disclosure decision", true);
	L("act-review", "/failures/%" PRId64 "/review", "Write the review", true);
	L("act-survey", "/failures/%" PRId64 "/survey", "Send the survey", true);
#undef L
	rd_buf_adds(b, "</div>\n");

	/* per client: its impact, goodwill, and (managers) waiving an obligation */
	json_t *clients = act_affected_clients(nm, f);
	if (json_array_size(clients)) {
		rd_buf_adds(b, "<h3>Per client</h3><ul class=\"rows act-clients\">");
		size_t i;
		json_t *c;
		json_array_foreach(clients, i, c) {
			int64_t cid = web_jint(c, "id");
			web_html(b, "<li><strong>%s</strong> <span class=\"actions\">", web_jstr(c, "name"));
			snprintf(h, sizeof h, "/failures/%" PRId64 "/impact/%" PRId64, fid, cid);
			web_html(b, "<a class=\"button small secondary\" href=\"%s\" id=\"act-impact-%D\">Impact &amp; point person</a>",
				 h, cid);
			snprintf(h, sizeof h, "/failures/%" PRId64 "/goodwill/%" PRId64, fid, cid);
			web_html(b, "<a class=\"button small secondary\" href=\"%s\" id=\"act-goodwill-%D\">Propose goodwill</a>", h,
				 cid);
			if (act_can(q, RD_ROLE_MANAGER) && obs) {
				snprintf(h, sizeof h, "/failures/%" PRId64 "/waive/%" PRId64, fid, cid);
				web_html(b, "<a class=\"button small secondary\" href=\"%s\" id=\"act-waive-%D\">Waive an obligation</a>",
					 h, cid);
			}
			rd_buf_adds(b, "</span></li>");
		}
		rd_buf_adds(b, "</ul>\n");
	}
	json_decref(clients);

	/* what waits on someone: plan actions, open promises, goodwill */
	size_t i;
	json_t *x;
	int n = 0;
	json_array_foreach(json_object_get(f, "plan_actions"), i, x) {
		const char *s = web_jstr(x, "status");
		if (s && (!strcmp(s, "done") || !strcmp(s, "dropped")))
			continue;
		if (!n++)
			rd_buf_adds(b, "<h3>Plan actions to move along</h3><ul class=\"rows\">");
		web_html(b, "<li>%s <span class=\"muted\">%s</span> <a class=\"button small secondary\" "
			    "href=\"/plan-actions/%D/status\" id=\"act-pa-%D\">Update</a></li>",
			 web_jstr(x, "description"), s, web_jint(x, "id"), web_jint(x, "id"));
	}
	if (n)
		rd_buf_adds(b, "</ul>");
	n = 0;
	json_array_foreach(json_object_get(f, "commitments"), i, x) {
		const char *s = web_jstr(x, "status");
		if (s && strcmp(s, "open") && strcmp(s, "renegotiated"))
			continue;
		if (!n++)
			rd_buf_adds(b, "<h3>Open commitments</h3><ul class=\"rows\">");
		web_html(b, "<li>%s <span class=\"muted\">%s</span> <a class=\"button small secondary\" "
			    "href=\"/commitments/%D/settle\" id=\"act-cm-%D\">Kept, broken or new date</a></li>",
			 web_jstr(x, "text"), web_client_name(nm, web_jint(x, "client_id")), web_jint(x, "id"),
			 web_jint(x, "id"));
	}
	if (n)
		rd_buf_adds(b, "</ul>");
	n = 0;
	json_array_foreach(json_object_get(f, "goodwill"), i, x) {
		const char *s = web_jstr(x, "status");
		if (!s || (strcmp(s, "proposed") && strcmp(s, "approved")))
			continue;
		if (!n++)
			rd_buf_adds(b, "<h3>Goodwill waiting</h3><ul class=\"rows\">");
		web_html(b, "<li>%s, %s <span class=\"muted\">%s</span> ", web_jstr(x, "kind"),
			 web_client_name(nm, web_jint(x, "client_id")), s);
		if (!strcmp(s, "proposed")) {
			if (act_can(q, RD_ROLE_MANAGER))
				web_html(b, "<a class=\"button small\" href=\"/goodwill/%D/decide?decision=approved\" "
					    "id=\"act-gw-approve-%D\">Approve…</a>",
					 web_jint(x, "id"), web_jint(x, "id"));
		} else {
			web_html(b, "<a class=\"button small\" href=\"/goodwill/%D/decide?decision=delivered\" "
				    "id=\"act-gw-deliver-%D\">Delivered…</a>",
				 web_jint(x, "id"), web_jint(x, "id"));
		}
		web_html(b, "<a class=\"button small secondary\" href=\"/goodwill/%D/decide?decision=declined\" "
			    "id=\"act-gw-decline-%D\">Decline…</a></li>",
			 web_jint(x, "id"), web_jint(x, "id"));
	}
	if (n)
		rd_buf_adds(b, "</ul>");
	rd_buf_adds(b, "</section>\n");
}
