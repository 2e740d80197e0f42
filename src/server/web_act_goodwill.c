/* web_act_goodwill.c — goodwill from the browser: propose it for a client
 * with the policy's suggestion and its step-by-step explanation on screen
 * (rd_goodwill_suggest_for), then approve, deliver or decline it through a
 * confirmation page with a note (rd_goodwill_decide, which refuses an
 * approval by anyone below manager, as the API does). */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "redress/agenda.h"
#include "redress/model.h"
#include "redress/policy.h"
#include "web_act.h"

static const char *const gw_kinds[] = {"credit", "refund", "discount", "free_service", "upgrade",
				       "dedicated_resource", "other", NULL};

static const struct act_field gw_fields[] = {
	{"kind", "Kind", ACT_SELECT, true, 0, gw_kinds, 0, 0, NULL},
	{"amount", "Amount", ACT_MONEY, true, 40, NULL, 0, 0, "In the currency below, like 4500 or 4,500.50."},
	{"currency", "Currency", ACT_TEXT, true, 3, NULL, 0, 0, "Three letters, like EUR."},
	{"note", "Why (internal)", ACT_AREA, false, 2000, NULL, 0, 0, "For the approving manager."},
	{NULL},
};

static int gw_render(const struct rd_page_req *q, struct rd_page_resp *r, const struct web_names *nm, json_t *f,
		     int64_t cid, const struct act_err *e, int status)
{
	int64_t fid = web_jint(f, "id");
	struct rd_goodwill_suggestion sg;
	memset(&sg, 0, sizeof sg);
	char *msg = NULL;
	enum rd_err rc = rd_goodwill_suggest_for(q->store, fid, cid, q->now, &sg, &msg);
	struct rd_buf before = RD_BUF_INIT;
	rd_buf_adds(&before, "<section class=\"card\" id=\"suggestion\"><h2>The policy suggests</h2>");
	if (rc) {
		web_html(&before, "<p class=\"flash warning\">No suggestion: %s</p>",
			 web_err_text(rc, msg, "the policy could not be applied"));
	} else {
		char money[48];
		web_html(&before, "<p class=\"suggested\"><strong id=\"sg-amount\">%s</strong> as <strong id=\"sg-kind\">%s</strong></p>",
			 rd_money_text(sg.amount_cents, sg.currency, money), sg.kind);
		rd_buf_adds(&before, "<h3>How it was worked out</h3><ol class=\"explain\" id=\"sg-lines\">");
		for (size_t i = 0; i < sg.n_lines; i++)
			web_html(&before, "<li>%s</li>", sg.lines[i]);
		rd_buf_adds(&before, "</ol>");
	}
	rd_buf_adds(&before, "</section>\n");
	free(msg);
	char action[80], back[64], title[240], label[200];
	snprintf(action, sizeof action, "/failures/%" PRId64 "/goodwill/%" PRId64, fid, cid);
	snprintf(back, sizeof back, "/failures/%" PRId64 "#goodwill", fid);
	snprintf(title, sizeof title, "Propose goodwill for %s", web_client_name(nm, cid));
	struct act_form form = {.title = title, .intro = "A manager approves it before it is offered.", .action = action,
				.back = back, .back_label = act_failure_label(f, label, sizeof label), .fields = gw_fields,
				.submit = "Propose"};
	/* the suggestion is the default; the lead may change it */
	json_t *v = json_object();
	if (rc == RD_OK && strcmp(sg.kind, "none")) {
		char amt[32];
		snprintf(amt, sizeof amt, "%" PRId64 ".%02" PRId64, sg.amount_cents / 100, sg.amount_cents % 100);
		json_object_set_new(v, "kind", json_string(sg.kind));
		json_object_set_new(v, "amount", json_string(amt));
	}
	const char *cur = web_jstr(web_client(nm, cid), "currency");
	json_object_set_new(v, "currency", json_string(rc == RD_OK && sg.currency[0] ? sg.currency : cur ? cur : "EUR"));
	int ret = act_page(q, r, &form, e ? q->form : v, e, before.data, status);
	json_decref(v);
	rd_buf_free(&before);
	rd_goodwill_suggestion_free(&sg);
	return ret;
}

int web_act_goodwill(const struct rd_page_req *q, struct rd_page_resp *r)
{
	return act_failure_client_form(q, r, gw_render);
}

static enum rd_err gw_apply(const struct rd_page_req *q, struct act_call *c, struct act_err *e, char **msg)
{
	int64_t id = 0;
	const char *cur = web_form_nonempty(q, "currency");
	if (strlen(cur) != 3 || !((cur[0] >= 'A' && cur[0] <= 'Z') && (cur[1] >= 'A' && cur[1] <= 'Z') &&
				  (cur[2] >= 'A' && cur[2] <= 'Z'))) {
		act_err_set(e, "currency", "Currency: three capital letters, like EUR.");
		return RD_EINVAL;
	}
	json_t *in = json_pack("{sI sI}", "failure_id", (json_int_t)c->fid, "client_id", (json_int_t)c->cid);
	act_copy_fields(q, gw_fields, in);
	/* as POST /api/goodwill: proposed, by the signed-in user */
	json_t *extra = json_pack("{ss sI}", "status", "proposed", "proposed_by", (json_int_t)q->actor->user_id);
	enum rd_err rc = rd_record_create(q->store, q->actor, "goodwill", in, extra, &id, msg);
	json_decref(in);
	json_decref(extra);
	return rc;
}

static const struct act_post gw_post = {
	.fields = gw_fields, .render_client = gw_render, .apply = gw_apply,
	.fallback = "The goodwill could not be proposed.", .word = "goodwill", .anchor = "goodwill",
};

int web_act_goodwill_post(const struct rd_page_req *q, struct rd_page_resp *r)
{
	return act_failure_post(q, r, &gw_post);
}

/* ---- decide: a confirmation page with a note ---- */

static const char *const decisions[] = {"approved", "delivered", "declined", NULL};

static const char *decision_of(const char *s)
{
	for (size_t i = 0; s && decisions[i]; i++)
		if (!strcmp(s, decisions[i]))
			return decisions[i];
	return NULL;
}

static const struct act_field decide_fields[] = {
	{"note", "Note", ACT_AREA, false, 2000, NULL, 0, 0, "Recorded with the decision."},
	{NULL},
};

static int decide_render(const struct rd_page_req *q, struct rd_page_resp *r, json_t *g, const char *decision,
			 const struct act_err *e, int status)
{
	struct web_names nm;
	if (!web_names_ready(q, r, &nm))
		return web_done(r);
	char action[64], back[64], title[120], confirm[400], money[48], submit[80];
	snprintf(action, sizeof action, "/goodwill/%" PRId64 "/decide", web_jint(g, "id"));
	snprintf(back, sizeof back, "/failures/%" PRId64 "#goodwill", web_jint(g, "failure_id"));
	const char *verb = !strcmp(decision, "approved") ? "Approve" : !strcmp(decision, "declined") ? "Decline"
												 : "Record as delivered";
	snprintf(title, sizeof title, "%s goodwill", verb);
	int64_t cents = 0;
	rd_money_parse(web_jstr(g, "amount"), &cents, NULL);
	rd_money_text(cents, web_jstr(g, "currency"), money);
	snprintf(confirm, sizeof confirm, "%s %s as %s for %s (now %s)?", verb, money,
		 web_jstr(g, "kind") ? web_jstr(g, "kind") : "", web_client_name(&nm, web_jint(g, "client_id")),
		 web_jstr(g, "status") ? web_jstr(g, "status") : "");
	snprintf(submit, sizeof submit, "Yes, %s", !strcmp(decision, "approved") ? "approve" :
						   !strcmp(decision, "declined") ? "decline" : "it was delivered");
	struct rd_buf inner = RD_BUF_INIT;
	web_html(&inner, "<input type=\"hidden\" name=\"decision\" value=\"%s\">", decision);
	struct rd_buf before = RD_BUF_INIT;
	if (web_jstr(g, "note"))
		web_html(&before, "<section class=\"card\"><h2>Proposal</h2><p>%s</p><p class=\"meta\">proposed by %s</p></section>",
			 web_jstr(g, "note"), web_user_name(&nm, web_jint(g, "proposed_by")));
	struct act_form form = {.title = title, .action = action, .back = back, .back_label = "Back to the failure",
				.fields = decide_fields, .submit = submit, .danger = confirm, .inner = inner.data};
	int ret = act_page(q, r, &form, e ? q->form : NULL, e, before.data, status);
	rd_buf_free(&inner);
	rd_buf_free(&before);
	web_names_free(&nm);
	return ret;
}

static bool load_gw(const struct rd_page_req *q, struct rd_page_resp *r, json_t **g)
{
	int64_t id;
	*g = NULL;
	if (!web_param_id(q, 0, &id) || rd_record_get(q->store, "goodwill", id, g, NULL) != RD_OK) {
		web_not_found(q, r);
		return false;
	}
	return true;
}

int web_act_decide(const struct rd_page_req *q, struct rd_page_resp *r)
{
	json_t *g;
	const char *d = decision_of(web_query(q, "decision"));
	if (!d)
		return web_error_page(q, r, 404, "Choose approve, delivered or decline from the failure's page.");
	if (!load_gw(q, r, &g))
		return web_done(r);
	int ret = decide_render(q, r, g, d, NULL, 0);
	json_decref(g);
	return ret;
}

static int decide_again(const struct rd_page_req *q, struct rd_page_resp *r, const struct act_call *c,
			const struct act_err *e, int status)
{
	return decide_render(q, r, c->subject, c->own, e, status);
}

/* The decision (a word of decisions[]) is also the success message's. */
static enum rd_err decide_apply(const struct rd_page_req *q, struct act_call *c, struct act_err *e, char **msg)
{
	c->word = c->own;
	enum rd_err rc = rd_goodwill_decide(q->store, q->actor, web_jint(c->subject, "id"), c->own,
					    web_form_nonempty(q, "note"), q->now, msg);
	if (rc) /* the library's words on the form, beside no field */
		act_err_set(e, NULL, "%s", web_err_text(rc, *msg, "The decision could not be recorded."));
	return rc;
}

static const struct act_post decide_post = {
	.fields = decide_fields, .render_call = decide_again, .apply = decide_apply, .anchor = "goodwill",
};

int web_act_decide_post(const struct rd_page_req *q, struct rd_page_resp *r)
{
	json_t *g;
	if (!load_gw(q, r, &g))
		return web_done(r);
	const char *d = decision_of(web_form(q, "decision"));
	int ret = d ? act_post_run(q, r, &decide_post, g, web_jint(g, "failure_id"), d)
		    : web_error_page(q, r, 422, "The decision must be approved, delivered or declined.");
	json_decref(g);
	return ret;
}
