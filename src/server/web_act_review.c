/* web_act_review.c — the post-incident review from the browser (internal
 * and client-facing text; writing the client-facing text publishes it to
 * the client's portal, see report.h) and sending the survey to a client
 * (rd_survey_send, which also logs the outbound survey message). The review
 * is the record engine's, as POST/PATCH /api/reviews. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "redress/model.h"
#include "web_act.h"

static const struct act_field review_fields[] = {
	{"held_at", "Held at", ACT_DATETIME, false, 0, NULL, 0, 0, "Your local time; empty = now."},
	{"went_well", "What went well", ACT_AREA, false, 5000, NULL, 0, 0, NULL},
	{"lessons", "Lessons", ACT_AREA, false, 5000, NULL, 0, 0, NULL},
	{"internal_text", "Internal review", ACT_AREA, false, 10000, NULL, 0, 0, "For the team only."},
	{"client_text", "Client-facing review", ACT_AREA, false, 10000, NULL, 0, 0,
	 "Writing it publishes the review in the affected clients' portal."},
	{NULL},
};

/* The failure's review record (new reference) or NULL. */
static json_t *review_of(const struct rd_page_req *q, int64_t fid, enum rd_err *rc)
{
	json_t *filter = json_pack("{sI}", "failure_id", (json_int_t)fid), *rows = NULL;
	*rc = web_list(q->store, "review", filter, &rows);
	json_decref(filter);
	json_t *rv = *rc ? NULL : json_incref(json_array_get(rows, 0));
	json_decref(rows);
	return rv;
}

static int review_render(const struct rd_page_req *q, struct rd_page_resp *r, json_t *f, json_t *rv,
			 const struct act_err *e, int status)
{
	struct act_links l;
	struct act_form form = {.title = "Post-incident review", .fields = review_fields, .submit = "Save the review"};
	act_failure_links(&form, &l, f, "review", NULL);
	json_t *v = json_object();
	for (const struct act_field *x = review_fields; x->name; x++)
		if (x->kind != ACT_DATETIME && web_jstr(rv, x->name))
			json_object_set_new(v, x->name, json_string(web_jstr(rv, x->name)));
	int ret = act_page(q, r, &form, e ? q->form : v, e, NULL, status);
	json_decref(v);
	return ret;
}

static const struct act_post review_post;

/* The failure and its review (none yet: NULL), then the form (POST: the
 * skeleton with the review as its own). */
static int review_page(const struct rd_page_req *q, struct rd_page_resp *r, bool post)
{
	int64_t fid;
	json_t *f;
	if (!act_load_failure(q, r, &fid, &f))
		return web_done(r);
	enum rd_err rc;
	json_t *rv = review_of(q, fid, &rc);
	int ret = rc     ? web_read_failed(q, r, rc, "The database could not be read.")
		  : post ? act_post_run(q, r, &review_post, f, fid, rv)
			 : review_render(q, r, f, rv, NULL, 0);
	json_decref(rv);
	json_decref(f);
	return ret;
}

int web_act_review(const struct rd_page_req *q, struct rd_page_resp *r)
{
	return review_page(q, r, false);
}

static int review_again(const struct rd_page_req *q, struct rd_page_resp *r, const struct act_call *c,
			const struct act_err *e, int status)
{
	return review_render(q, r, c->subject, (json_t *)c->own, e, status);
}

/* The first save creates the review record; later ones update it. */
static enum rd_err review_apply(const struct rd_page_req *q, struct act_call *c, struct act_err *e, char **msg)
{
	int64_t held = 0, id = 0;
	json_t *rv = (json_t *)c->own;
	if (!act_form_time(q, "held_at", &held, e))
		return RD_EINVAL;
	if (held > q->now + 300) {
		act_err_set(e, "held_at", "Held at is in the future: record the review once it was held.");
		return RD_EINVAL;
	}
	json_t *in = json_object();
	act_copy_fields(q, review_fields, in);
	json_object_set_new(in, "held_at", json_integer(held ? held : q->now));
	enum rd_err rc;
	if (rv) {
		rc = rd_record_update(q->store, q->actor, "review", web_jint(rv, "id"), in, NULL, msg);
	} else {
		json_object_set_new(in, "failure_id", json_integer(c->fid));
		rc = rd_record_create(q->store, q->actor, "review", in, NULL, &id, msg);
	}
	json_decref(in);
	return rc;
}

static const struct act_post review_post = {
	.fields = review_fields, .render_call = review_again, .apply = review_apply,
	.fallback = "The review could not be saved.", .word = "review",
};

int web_act_review_post(const struct rd_page_req *q, struct rd_page_resp *r)
{
	return review_page(q, r, true);
}

/* ---- the survey ---- */

static const struct act_field survey_fields[] = {
	{"client", "Client", ACT_CLIENT, true, 0, NULL, 0, 0, "The survey appears in their portal; sending it meets the clock's survey step."},
	{NULL},
};

static int survey_render(const struct rd_page_req *q, struct rd_page_resp *r, json_t *f, const struct act_err *e,
			 int status)
{
	struct act_links l;
	struct act_form form = {.title = "Send the survey", .fields = survey_fields, .submit = "Send the survey",
				.affected_of = f};
	act_failure_links(&form, &l, f, "survey", NULL);
	return act_page(q, r, &form, e ? q->form : q->query, e, NULL, status);
}

int web_act_survey(const struct rd_page_req *q, struct rd_page_resp *r)
{
	return act_failure_form(q, r, survey_render);
}

static enum rd_err survey_apply(const struct rd_page_req *q, struct act_call *c, struct act_err *e, char **msg)
{
	int64_t cid = 0, id = 0;
	web_parse_id(web_form(q, "client"), &cid);
	json_t *in = json_pack("{sI sI sI}", "failure_id", (json_int_t)c->fid, "client_id", (json_int_t)cid, "sent_at",
			       (json_int_t)q->now);
	enum rd_err rc = rd_survey_send(q->store, q->actor, in, &id, msg);
	json_decref(in);
	if (rc) /* every refusal is about the client chosen */
		act_err_set(e, "client", "%s", web_err_text(rc, *msg, "The survey could not be sent."));
	return rc;
}

static const struct act_post survey_post = {
	.fields = survey_fields, .render = survey_render, .apply = survey_apply, .word = "survey", .anchor = "timeline",
};

int web_act_survey_post(const struct rd_page_req *q, struct rd_page_resp *r)
{
	return act_failure_post(q, r, &survey_post);
}
