/* web_act_client.c — one client's side of a failure from the browser: its
 * impact dimensions and point person, commitments (add; kept, broken or
 * renegotiated), a manager waiving an obligation with a reason, and the
 * client's portal contacts (invite, revoke). Each POST calls the library
 * function the API calls (rd_impact_set, rd_record_create "commitment",
 * rd_commitment_settle, rd_obligation_waive, rd_portal_invite/revoke). */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "redress/agenda.h"
#include "redress/auth.h"
#include "redress/model.h"
#include "web_act.h"

static const char *const impact_sev[] = {"1", "2", "3", "4", NULL};
static const char *const recovery[] = {"awaiting-apology", "apologised", "investigating", "plan-presented",
				       "recovering", "recovered", "follow-up", "closed", NULL};

static json_t *impact_of(json_t *f, int64_t cid)
{
	size_t i;
	json_t *im;
	json_array_foreach(json_object_get(f, "impacts"), i, im)
		if (web_jint(im, "client_id") == cid)
			return im;
	return NULL;
}

/* ---- impact dimensions and point person ---- */

static const struct act_field impact_fields[] = {
	{"severity", "Severity for this client", ACT_SELECT, false, 0, impact_sev, 0, 0, NULL},
	{"operational", "Operational", ACT_AREA, false, 2000, NULL, 0, 0, "What stopped working for them."},
	{"financial", "Financial (client's currency)", ACT_MONEY, false, 40, NULL, 0, 0, "Estimated cost to the client."},
	{"reputational", "Reputational", ACT_AREA, false, 2000, NULL, 0, 0, NULL},
	{"compliance", "Compliance", ACT_AREA, false, 2000, NULL, 0, 0, NULL},
	{"data", "Data", ACT_AREA, false, 2000, NULL, 0, 0, NULL},
	{"point_person", "Point person", ACT_USER, false, 0, NULL, 0, 0, "Who the client hears from."},
	{"recovery_status", "Recovery status", ACT_SELECT, false, 0, recovery, 0, 0, NULL},
	{NULL},
};

static int impact_render(const struct rd_page_req *q, struct rd_page_resp *r, const struct web_names *nm, json_t *f,
			 int64_t cid, const struct act_err *e, int status)
{
	char action[80], back[64], title[240];
	int64_t fid = web_jint(f, "id");
	snprintf(action, sizeof action, "/failures/%" PRId64 "/impact/%" PRId64, fid, cid);
	snprintf(back, sizeof back, "/failures/%" PRId64 "#track-%" PRId64, fid, cid);
	snprintf(title, sizeof title, "Impact on %s", web_client_name(nm, cid));
	char label[200];
	struct act_form form = {.title = title, .intro = "Record each dimension of the harm in the client's words.",
				.action = action, .back = back, .back_label = act_failure_label(f, label, sizeof label),
				.fields = impact_fields, .submit = "Save the impact"};
	json_t *im = impact_of(f, cid), *v = json_object();
	for (const struct act_field *x = impact_fields; x->name; x++)
		if (web_jstr(im, x->name))
			json_object_set_new(v, x->name, json_string(web_jstr(im, x->name)));
	char n[32];
	if (web_jint(im, "severity")) {
		snprintf(n, sizeof n, "%" PRId64, web_jint(im, "severity"));
		json_object_set_new(v, "severity", json_string(n));
	}
	if (web_jint(im, "point_person_id")) {
		snprintf(n, sizeof n, "%" PRId64, web_jint(im, "point_person_id"));
		json_object_set_new(v, "point_person", json_string(n));
	}
	int ret = act_page(q, r, &form, e ? q->form : v, e, NULL, status);
	json_decref(v);
	return ret;
}

int web_act_impact(const struct rd_page_req *q, struct rd_page_resp *r)
{
	return act_failure_client_form(q, r, impact_render);
}

static enum rd_err impact_apply(const struct rd_page_req *q, struct act_call *c, struct act_err *e, char **msg)
{
	int64_t pp = 0;
	json_t *in = json_object();
	act_copy_fields(q, impact_fields, in);
	json_object_del(in, "point_person");
	if (web_form_nonempty(q, "severity"))
		json_object_set_new(in, "severity", json_integer(strtol(web_form(q, "severity"), NULL, 10)));
	if (web_parse_id(web_form_nonempty(q, "point_person"), &pp))
		json_object_set_new(in, "point_person_id", json_integer(pp));
	enum rd_err rc = rd_impact_set(q->store, q->actor, c->fid, c->cid, in, NULL, msg);
	json_decref(in);
	snprintf(c->anchor, sizeof c->anchor, "track-%" PRId64, c->cid);
	return rc;
}

static const struct act_post impact_post = {
	.fields = impact_fields, .render_client = impact_render, .apply = impact_apply,
	.fallback = "The impact could not be saved.", .word = "impact",
};

int web_act_impact_post(const struct rd_page_req *q, struct rd_page_resp *r)
{
	return act_failure_post(q, r, &impact_post);
}

/* ---- commitments: add ---- */

static const struct act_field commitment_fields[] = {
	{"client", "Client", ACT_CLIENT, true, 0, NULL, 0, 0, NULL},
	{"text", "What we promised", ACT_AREA, true, 2000, NULL, 0, 0, "In the words the client heard."},
	{"owner", "Owner", ACT_USER, false, 0, NULL, 0, 0, NULL},
	{"due", "Due", ACT_DATETIME, false, 0, NULL, 0, 0, "Your local time."},
	{NULL},
};

static int commitment_render(const struct rd_page_req *q, struct rd_page_resp *r, json_t *f, const struct act_err *e,
			     int status)
{
	struct act_links l;
	struct act_form form = {.title = "Add a commitment", .intro = "A promise made to a client: it is tracked until kept.",
				.fields = commitment_fields, .submit = "Add the commitment", .affected_of = f};
	act_failure_links(&form, &l, f, "commitments/new", NULL);
	return act_page(q, r, &form, e ? q->form : q->query, e, NULL, status);
}

int web_act_commitment(const struct rd_page_req *q, struct rd_page_resp *r)
{
	return act_failure_form(q, r, commitment_render);
}

static enum rd_err commitment_apply(const struct rd_page_req *q, struct act_call *c, struct act_err *e, char **msg)
{
	int64_t cid = 0, owner = 0, due = 0, id = 0;
	if (!act_form_time(q, "due", &due, e))
		return RD_EINVAL;
	web_parse_id(web_form(q, "client"), &cid);
	if (!impact_of(c->subject, cid)) {
		act_err_set(e, "client", "Client: choose one of the failure's affected clients.");
		return RD_EINVAL;
	}
	json_t *in = json_pack("{sI sI ss}", "client_id", (json_int_t)cid, "failure_id", (json_int_t)c->fid, "text",
			       web_form_nonempty(q, "text"));
	if (web_parse_id(web_form_nonempty(q, "owner"), &owner))
		json_object_set_new(in, "owner_id", json_integer(owner));
	if (due)
		json_object_set_new(in, "due_at", json_integer(due));
	/* as POST /api/commitments: a new promise is open */
	json_t *extra = json_pack("{ss}", "status", "open");
	enum rd_err rc = rd_record_create(q->store, q->actor, "commitment", in, extra, &id, msg);
	json_decref(in);
	json_decref(extra);
	return rc;
}

static const struct act_post commitment_post = {
	.fields = commitment_fields, .render = commitment_render, .apply = commitment_apply,
	.fallback = "The commitment could not be added.", .word = "commitment",
};

int web_act_commitment_post(const struct rd_page_req *q, struct rd_page_resp *r)
{
	return act_failure_post(q, r, &commitment_post);
}

/* ---- commitments: kept, broken, renegotiated ---- */

static const char *const settle_to[] = {"kept", "broken", "renegotiated", NULL};
static const struct act_field settle_fields[] = {
	{"status", "Outcome", ACT_SELECT, true, 0, settle_to, 0, 0, NULL},
	{"note", "Note", ACT_AREA, false, 2000, NULL, 0, 0, "Why, in a line."},
	{"due", "New date (renegotiated only)", ACT_DATETIME, false, 0, NULL, 0, 0, "Your local time."},
	{NULL},
};

static int settle_render(const struct rd_page_req *q, struct rd_page_resp *r, json_t *k, const struct act_err *e,
			 int status)
{
	char action[64], back[64];
	snprintf(action, sizeof action, "/commitments/%" PRId64 "/settle", web_jint(k, "id"));
	if (web_jint(k, "failure_id"))
		snprintf(back, sizeof back, "/failures/%" PRId64, web_jint(k, "failure_id"));
	else
		snprintf(back, sizeof back, "/clients/%" PRId64, web_jint(k, "client_id"));
	struct act_form form = {.title = "Settle a commitment", .intro = web_jstr(k, "text"), .action = action,
				.back = back, .back_label = "Back", .fields = settle_fields, .submit = "Save"};
	return act_page(q, r, &form, e ? q->form : q->query, e, NULL, status);
}

static bool load_commitment(const struct rd_page_req *q, struct rd_page_resp *r, json_t **k)
{
	int64_t id;
	*k = NULL;
	if (!web_param_id(q, 0, &id) || rd_record_get(q->store, "commitment", id, k, NULL) != RD_OK) {
		web_not_found(q, r);
		return false;
	}
	return true;
}

int web_act_settle(const struct rd_page_req *q, struct rd_page_resp *r)
{
	json_t *k;
	if (!load_commitment(q, r, &k))
		return web_done(r);
	int ret = settle_render(q, r, k, NULL, 0);
	json_decref(k);
	return ret;
}

static enum rd_err settle_apply(const struct rd_page_req *q, struct act_call *c, struct act_err *e, char **msg)
{
	int64_t due = 0;
	if (!act_form_time(q, "due", &due, e))
		return RD_EINVAL;
	const char *to = web_form(q, "status");
	if (!strcmp(to, "renegotiated") && !due) {
		act_err_set(e, "due", "New date: a renegotiated promise needs the date agreed.");
		return RD_EINVAL;
	}
	if (!c->fid) /* a promise made outside a failure goes back to its client */
		snprintf(c->loc, sizeof c->loc, "/clients/%" PRId64, web_jint(c->subject, "client_id"));
	return rd_commitment_settle(q->store, q->actor, web_jint(c->subject, "id"), to, web_form_nonempty(q, "note"),
				    due, q->now, msg);
}

static const struct act_post settle_post = {
	.fields = settle_fields, .render = settle_render, .apply = settle_apply,
	.fallback = "The commitment could not be updated.", .word = "settled",
};

int web_act_settle_post(const struct rd_page_req *q, struct rd_page_resp *r)
{
	json_t *k;
	if (!load_commitment(q, r, &k))
		return web_done(r);
	int ret = act_post_run(q, r, &settle_post, k, web_jint(k, "failure_id"), NULL);
	json_decref(k);
	return ret;
}

/* ---- waive an obligation (manager) ---- */

/* The track's obligations still to meet, as select values "key" with
 * labels; *n gets how many. */
static void open_obligations(struct rd_buf *b, json_t *obs, int64_t fid, int64_t cid, const char *sel, bool bad,
			     int *n)
{
	*n = 0;
	web_html(b, "<label for=\"f-key\">Obligation <span class=\"muted\">(required)</span></label>"
		    "<select name=\"key\" id=\"f-key\" required%R><option value=\"\">choose…</option>",
		 bad ? " aria-invalid=\"true\"" : "");
	size_t i, j;
	json_t *t, *o;
	json_array_foreach(obs, i, t) {
		if (web_jint(t, "failure_id") != fid || web_jint(t, "client_id") != cid)
			continue;
		json_array_foreach(json_object_get(t, "obligations"), j, o) {
			const char *st = web_jstr(o, "state");
			if (!st || (strcmp(st, "pending") && strcmp(st, "overdue")))
				continue;
			(*n)++;
			web_html(b, "<option value=\"%s\"%R>%s (%s, due %s)</option>", web_jstr(o, "key"),
				 sel && web_jstr(o, "key") && !strcmp(sel, web_jstr(o, "key")) ? " selected" : "",
				 web_kind_title(web_jstr(o, "kind")), st, web_jstr(o, "due_local"));
		}
	}
	rd_buf_adds(b, "</select>");
}

static const struct act_field waive_fields[] = {
	{"reason", "Reason", ACT_AREA, true, 2000, NULL, 0, 0, "Why this step does not apply to this client."},
	{NULL},
};

static int waive_render(const struct rd_page_req *q, struct rd_page_resp *r, const struct web_names *nm, json_t *f,
			int64_t cid, const struct act_err *e, int status)
{
	int64_t fid = web_jint(f, "id");
	json_t *obs = NULL;
	enum rd_err rc = rd_obligations_json(q->store, fid, cid, q->now, &obs, NULL);
	if (rc)
		return web_read_failed(q, r, rc, "The clock could not be read.");
	struct rd_buf before = RD_BUF_INIT;
	int n;
	bool bad = e && e->field && !strcmp(e->field, "key");
	open_obligations(&before, obs, fid, cid, e ? web_form(q, "key") : web_query(q, "key"), bad, &n);
	if (bad)
		web_html(&before, "<p class=\"field-error\" id=\"err-key\" role=\"alert\">%s</p>", e->msg);
	char action[80], back[64], title[240], label[200];
	snprintf(action, sizeof action, "/failures/%" PRId64 "/waive/%" PRId64, fid, cid);
	snprintf(back, sizeof back, "/failures/%" PRId64 "#track-%" PRId64, fid, cid);
	snprintf(title, sizeof title, "Waive an obligation for %s", web_client_name(nm, cid));
	struct act_form form = {.title = title,
				.intro = "A manager may waive a step that does not apply; the waiver and its reason are audited.",
				.action = action, .back = back, .back_label = act_failure_label(f, label, sizeof label),
				.fields = waive_fields, .submit = "Waive it"};
	if (!n)
		form.intro = "Every obligation of this track is met or waived: there is nothing left to waive.";
	/* the obligation select comes first, then the reason: both drawn here */
	static const struct act_field none[] = {{NULL}};
	struct rd_buf all = RD_BUF_INIT;
	rd_buf_add(&all, before.data ? before.data : "", before.len);
	const char *reason = e ? web_form(q, "reason") : NULL;
	bool rbad = e && e->field && !strcmp(e->field, "reason");
	web_html(&all, "<label for=\"f-reason\">Reason <span class=\"muted\">(required)</span></label>"
		       "<textarea name=\"reason\" id=\"f-reason\" rows=\"3\" required%R>%s</textarea>",
		 rbad ? " aria-invalid=\"true\"" : "", reason);
	if (rbad)
		web_html(&all, "<p class=\"field-error\" id=\"err-reason\" role=\"alert\">%s</p>", e->msg);
	form.fields = none;
	form.inner = all.data;
	int ret = act_page(q, r, &form, NULL, e, NULL, status);
	rd_buf_free(&all);
	rd_buf_free(&before);
	json_decref(obs);
	return ret;
}

int web_act_waive(const struct rd_page_req *q, struct rd_page_resp *r)
{
	return act_failure_client_form(q, r, waive_render);
}

/* The obligation is asked for before the reason (the row has no fields). */
static enum rd_err waive_apply(const struct rd_page_req *q, struct act_call *c, struct act_err *e, char **msg)
{
	if (!web_form_nonempty(q, "key")) {
		act_err_set(e, "key", "Obligation: choose the step to waive.");
		return RD_EINVAL;
	}
	if (!act_validate(q, c->nm, waive_fields, e))
		return RD_EINVAL;
	enum rd_err rc = rd_obligation_waive(q->store, q->actor, c->fid, c->cid, web_form(q, "key"),
					     web_form_nonempty(q, "reason"), q->now, msg);
	if (rc)
		act_err_set(e, rc == RD_ESTATE || rc == RD_EINVAL ? "key" : NULL, "%s",
			    web_err_text(rc, *msg, "The obligation could not be waived."));
	snprintf(c->anchor, sizeof c->anchor, "track-%" PRId64, c->cid);
	return rc;
}

static const struct act_post waive_post = {
	.render_client = waive_render, .apply = waive_apply, .word = "waived",
};

int web_act_waive_post(const struct rd_page_req *q, struct rd_page_resp *r)
{
	return act_failure_post(q, r, &waive_post);
}

/* ---- portal contacts: invite and revoke ---- */

void web_act_client_panel(struct rd_buf *b, const struct rd_page_req *q, int64_t client_id)
{
	if (!act_can(q, RD_ROLE_AGENT))
		return;
	json_t *c = NULL;
	if (rd_client_show(q->store, client_id, &c, NULL) != RD_OK) {
		/* a read error is said, not hidden as "no panel" */
		rd_buf_adds(b, "<section class=\"card\" id=\"portal-links\"><h2>Client portal</h2>"
			       "<p class=\"flash warning\">Portal links unavailable: the database could not be read."
			       "</p></section>\n");
		return;
	}
	rd_buf_adds(b, "<section class=\"card\" id=\"portal-links\"><h2>Client portal</h2>"
		       "<p class=\"muted\">A contact opens the portal through a personal link; revoking it ends "
		       "their session.</p><ul class=\"rows\">");
	size_t i, j;
	json_t *ct;
	char action[80];
	json_array_foreach(json_object_get(c, "contacts"), i, ct) {
		web_html(b, "<li><strong>%s</strong> <span class=\"muted\">%s</span> ", web_jstr(ct, "name"),
			 web_jstr(ct, "email"));
		snprintf(action, sizeof action, "/clients/%" PRId64 "/portal/invite", client_id);
		char cid[32];
		snprintf(cid, sizeof cid, "%" PRId64, web_jint(ct, "id"));
		act_button(b, q, action, "Invite to the portal", NULL, "contact", cid, NULL);
		json_t *links = NULL;
		if (rd_portal_list(q->store, cid, q->now, &links, NULL) == RD_OK) {
			json_t *l;
			json_array_foreach(links, j, l) {
				if (!web_jstr(l, "state") || strcmp(web_jstr(l, "state"), "live"))
					continue;
				web_html(b, " <span class=\"badge green\">link #%D live</span> ", web_jint(l, "id"));
				snprintf(action, sizeof action, "/clients/%" PRId64 "/portal/revoke/%" PRId64, client_id,
					 web_jint(l, "id"));
				act_button(b, q, action, "Revoke", "secondary", NULL);
			}
			json_decref(links);
		} else {
			rd_buf_adds(b, " <span class=\"flash warning\">Portal links unavailable: the database "
				       "could not be read.</span>");
		}
		rd_buf_adds(b, "</li>");
	}
	if (!json_array_size(json_object_get(c, "contacts")))
		rd_buf_adds(b, "<li class=\"muted\">No contacts recorded for this client.</li>");
	rd_buf_adds(b, "</ul></section>\n");
	json_decref(c);
}

int web_act_invite_post(const struct rd_page_req *q, struct rd_page_resp *r)
{
	int64_t client_id, contact = 0;
	if (!web_param_id(q, 0, &client_id))
		return web_not_found(q, r);
	json_t *c = NULL;
	if (rd_client_show(q->store, client_id, &c, NULL) != RD_OK)
		return web_not_found(q, r);
	/* the contact must be this client's: an id from another client is refused */
	bool ours = false;
	size_t i;
	json_t *ct;
	web_parse_id(web_form(q, "contact"), &contact);
	json_array_foreach(json_object_get(c, "contacts"), i, ct)
		ours = ours || (contact && web_jint(ct, "id") == contact);
	char back[48];
	snprintf(back, sizeof back, "/clients/%" PRId64, client_id);
	if (!ours) {
		json_decref(c);
		r->status = 422;
		return web_error_page(q, r, 422, "Choose one of this client's contacts.");
	}
	char cid[32];
	snprintf(cid, sizeof cid, "%" PRId64, contact);
	char *tok = NULL, *msg = NULL;
	int64_t id = 0;
	enum rd_err rc = rd_portal_invite(q->store, q->actor, cid, RD_PORTAL_LINK_DAYS, q->now, &tok, &id, &msg);
	if (rc) {
		int ret = web_error_page(q, r, web_status_for(rc), web_err_text(rc, msg, "The link could not be made."));
		free(msg);
		json_decref(c);
		return ret;
	}
	/* The secret is shown once, on this answer (as the API does): a reload
	 * would make another link, never show this one again. */
	struct rd_buf *b = &r->body;
	web_page_begin(q, r, "Portal link", "clients");
	web_html(b, "<div class=\"pagehead\"><div class=\"crumbs\"><a href=\"%s\">%s</a></div><h1>Portal link made</h1></div>",
		 back, web_jstr(c, "name"));
	json_array_foreach(json_object_get(c, "contacts"), i, ct)
		if (web_jint(ct, "id") == contact)
			web_html(b, "<section class=\"card\"><p>Send this link to %s (%s). It is shown only now and "
				    "is valid for %d days.</p>",
				 web_jstr(ct, "name"), web_jstr(ct, "email"), RD_PORTAL_LINK_DAYS);
	web_html(b, "<p><input type=\"text\" readonly id=\"portal-url\" aria-label=\"Portal link\" value=\"%s/portal/enter/%s\"></p>",
		 q->base_url ? q->base_url : "", tok);
	web_html(b, "<div class=\"actions\"><a class=\"button\" href=\"%s\">Back to the client</a></div></section>", back);
	web_page_end(r, NULL);
	sodium_memzero(tok, strlen(tok));
	free(tok);
	json_decref(c);
	return web_done(r);
}

int web_act_revoke_post(const struct rd_page_req *q, struct rd_page_resp *r)
{
	int64_t client_id, id;
	if (!web_param_id(q, 0, &client_id) || !web_param_id(q, 1, &id))
		return web_not_found(q, r);
	json_t *links = NULL;
	enum rd_err rc = rd_portal_list(q->store, NULL, q->now, &links, NULL);
	if (rc)
		return web_read_failed(q, r, rc, "The database could not be read.");
	/* the link must be one of this client's */
	bool ours = false;
	size_t i;
	json_t *l;
	json_array_foreach(links, i, l)
		ours = ours || (web_jint(l, "id") == id && web_jint(l, "client_id") == client_id);
	json_decref(links);
	if (!ours)
		return web_not_found(q, r);
	int n = 0;
	char *msg = NULL;
	rc = rd_portal_revoke(q->store, q->actor, id, NULL, q->now, &n, &msg);
	if (rc) {
		int ret = web_error_page(q, r, web_status_for(rc), web_err_text(rc, msg, "The link could not be revoked."));
		free(msg);
		return ret;
	}
	char loc[48];
	snprintf(loc, sizeof loc, "/clients/%" PRId64, client_id);
	return act_done(r, loc, "revoked", "portal-links");
}
