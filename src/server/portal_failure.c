/* portal_failure.c — one failure as the client sees it
 * (GET /portal/failures/{id}): what happened in plain language, every
 * update as they received it (never our notes about it), the review once
 * published, the plan with its ETA history and the reason for
 * each new date, our commitments to them and their state, goodwill, and
 * the survey; plus the two things a contact can do: ask a question
 * (POST …/ask, recorded as an inbound communication; a status question is
 * a chase) and answer the survey (POST …/survey).
 *
 * Isolation is the library's (lib/portal.c rd_portal_failure): a failure
 * that is not visible to the request's client is a 404, exactly like one
 * that does not exist, and internal fields are never read. A read that
 * fails makes the whole page a 500, never an empty section. */
#include <ctype.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "redress/model.h"
#include "redress/report.h"
#include "web_pages.h"

#define QUESTION_MAX 4000

static const struct {
	const char *name, *text;
	bool scored;
} survey_questions[] = {
	{"informed", "How well did we keep you informed?", true},
	{"repaired", "How well did we put things right?", true},
	{"better", "What should we do differently next time?", false},
};
#define NQ (sizeof survey_questions / sizeof survey_questions[0])

static const char *action_label(const char *k)
{
	if (!k)
		return "";
	if (!strcmp(k, "immediate"))
		return "Fix now";
	if (!strcmp(k, "preventive"))
		return "Prevent recurrence";
	if (!strcmp(k, "repair"))
		return "Put right";
	if (!strcmp(k, "value_add"))
		return "Extra";
	return k;
}

/* "in progress", not "in_progress" */
static const char *state_label(const char *s)
{
	return s && !strcmp(s, "in_progress") ? "in progress" : s;
}

static const char *state_class(const char *s)
{
	if (!s)
		return "grey";
	if (!strcmp(s, "kept") || !strcmp(s, "done") || !strcmp(s, "delivered") || !strcmp(s, "approved"))
		return "green";
	if (!strcmp(s, "broken") || !strcmp(s, "dropped"))
		return "red";
	return "amber";
}

struct portal_ctx {
	const struct rd_page_req *q;
	int64_t fid;
	const char *tz;
	json_t *view;     /* rd_portal_failure's answer (borrowed) */
};

static void updates(struct rd_buf *b, struct portal_ctx *p)
{
	json_t *rows = json_object_get(p->view, "updates");
	web_html(b, "<section class=\"card\" id=\"updates\"><h2>Updates <span class=\"muted\">%D</span></h2>"
		    "<ol class=\"timeline\">\n", (int64_t)json_array_size(rows));
	size_t i;
	json_t *m;
	json_array_foreach(rows, i, m) {
		bool in = web_jstr(m, "direction") && !strcmp(web_jstr(m, "direction"), "in");
		web_html(b, "<li class=\"tl %R\"><div class=\"tl-when\">", in ? "in" : "out");
		web_time(b, web_jint(m, "at"), p->tz);
		web_html(b, "</div><div class=\"tl-body\"><div class=\"tl-head\"><strong>%s</strong> ",
			 web_jstr(m, "title"));
		web_badge(b, "channel", web_jstr(m, "channel"));
		rd_buf_adds(b, "</div>");
		if (web_jstr(m, "text")) { /* what they received, never our note about it */
			rd_buf_adds(b, "<div class=\"msgbody\">");
			web_text_block(b, web_jstr(m, "text"));
			rd_buf_adds(b, "</div>");
		}
		if (web_jint(m, "fact_eta")) {
			rd_buf_adds(b, "<div class=\"meta\">Expected fix: ");
			web_time(b, web_jint(m, "fact_eta"), p->tz);
			rd_buf_adds(b, "</div>");
		}
		rd_buf_adds(b, "</div></li>\n");
	}
	if (!json_array_size(rows))
		rd_buf_adds(b, "<li class=\"empty\">No update yet.</li>\n");
	rd_buf_adds(b, "</ol></section>\n");
}

static void plan(struct rd_buf *b, struct portal_ctx *p)
{
	json_t *acts = json_object_get(p->view, "actions"), *etas = json_object_get(p->view, "etas");
	rd_buf_adds(b, "<section class=\"card\" id=\"plan\"><h2>Our recovery plan</h2>\n");
	size_t n = json_array_size(etas), i;
	json_t *x;
	json_t *f = json_object_get(p->view, "failure");
	const char *fst = web_jstr(f, "status");
	bool fixed = fst && (!strcmp(fst, "resolved") || !strcmp(fst, "closed"));
	if (fixed && web_jint(f, "resolved_at")) { /* no "expected" date once it is fixed */
		rd_buf_adds(b, "<p class=\"eta-now\">Fixed: <strong>");
		web_time(b, web_jint(f, "resolved_at"), p->tz);
		rd_buf_adds(b, "</strong></p>\n");
	} else if (n && !fixed) {
		rd_buf_adds(b, "<p class=\"eta-now\">Expected fix: <strong>");
		web_time(b, web_jint(json_array_get(etas, n - 1), "eta"), p->tz);
		rd_buf_adds(b, "</strong></p>\n");
	}
	if (json_array_size(acts)) {
		rd_buf_adds(b, "<ul class=\"rows\">\n");
		json_array_foreach(acts, i, x) {
			rd_buf_adds(b, "<li class=\"row\"><div>");
			web_badge(b, state_class(web_jstr(x, "status")), state_label(web_jstr(x, "status")));
			web_html(b, " <span class=\"muted\">%s:</span> %s<div class=\"meta\">", action_label(web_jstr(x, "kind")),
				 web_jstr(x, "description"));
			if (web_jint(x, "due_at")) {
				rd_buf_adds(b, "by ");
				web_time(b, web_jint(x, "due_at"), p->tz);
			}
			if (web_jstr(x, "success_criterion"))
				web_html(b, " · done when: %s", web_jstr(x, "success_criterion"));
			rd_buf_adds(b, "</div></div></li>\n");
		}
		rd_buf_adds(b, "</ul>\n");
	} else {
		rd_buf_adds(b, fixed ? "<p class=\"empty\">No further action was needed.</p>\n"
				     : "<p class=\"empty\">The plan is being prepared; we will share it here.</p>\n");
	}
	if (n) {
		rd_buf_adds(b, "<h3>How the expected date changed</h3><ol class=\"etas\">\n");
		json_array_foreach(etas, i, x) {
			rd_buf_adds(b, "<li><strong>");
			web_time(b, web_jint(x, "eta"), p->tz);
			rd_buf_adds(b, "</strong> <span class=\"muted\">(set ");
			web_time(b, web_jint(x, "at"), p->tz);
			web_html(b, ")</span><div class=\"reason\">%s</div></li>\n", web_jstr(x, "reason"));
		}
		rd_buf_adds(b, "</ol>\n");
	}
	rd_buf_adds(b, "</section>\n");
}

static void promises(struct rd_buf *b, struct portal_ctx *p)
{
	json_t *ks = json_object_get(p->view, "commitments"), *gw = json_object_get(p->view, "goodwill");
	rd_buf_adds(b, "<section class=\"card\" id=\"commitments\"><h2>What we promised you</h2>\n");
	size_t i;
	json_t *x;
	if (json_array_size(ks)) {
		rd_buf_adds(b, "<ul class=\"rows\">\n");
		json_array_foreach(ks, i, x) {
			rd_buf_adds(b, "<li class=\"row\"><div>");
			web_badge(b, state_class(web_jstr(x, "status")), web_jstr(x, "status"));
			web_html(b, " %s", web_jstr(x, "text"));
			if (web_jint(x, "due_at")) {
				rd_buf_adds(b, "<div class=\"meta\">by ");
				web_time(b, web_jint(x, "due_at"), p->tz);
				rd_buf_adds(b, "</div>");
			}
			rd_buf_adds(b, "</div></li>\n");
		}
		rd_buf_adds(b, "</ul>\n");
	} else {
		rd_buf_adds(b, "<p class=\"empty\">No commitments recorded yet.</p>\n");
	}
	rd_buf_adds(b, "</section>\n");
	if (json_array_size(gw)) {
		rd_buf_adds(b, "<section class=\"card\" id=\"goodwill\"><h2>Goodwill</h2><ul class=\"rows\">\n");
		json_array_foreach(gw, i, x) {
			char amount[32];
			rd_money_decimal(web_jint(x, "amount_cents"), amount, sizeof amount);
			rd_buf_adds(b, "<li class=\"row\"><div>");
			web_badge(b, state_class(web_jstr(x, "status")), web_jstr(x, "status"));
			web_html(b, " %s ", web_jstr(x, "kind"));
			web_money(b, amount, web_jstr(x, "currency"));
			rd_buf_adds(b, "</div></li>\n");
		}
		rd_buf_adds(b, "</ul></section>\n");
	}
}

static void survey(struct rd_buf *b, struct portal_ctx *p)
{
	json_t *sv = json_object_get(p->view, "survey");
	if (!json_is_object(sv)) /* no survey sent */
		return;
	json_t *answers = json_object_get(sv, "answers");
	rd_buf_adds(b, "<section class=\"card\" id=\"survey\"><h2>Your feedback</h2>\n");
	size_t i;
	json_t *a;
	if (json_array_size(answers)) {
		rd_buf_adds(b, "<p>Thank you for your answers.</p><dl class=\"facts\">");
		json_array_foreach(answers, i, a) {
			web_html(b, "<dt>%s</dt><dd>", web_jstr(a, "question"));
			if (!json_is_null(json_object_get(a, "score")))
				web_html(b, "%D / 10 ", web_jint(a, "score"));
			web_html(b, "%s</dd>", web_jstr(a, "answer"));
		}
		rd_buf_adds(b, "</dl>\n");
	} else if (p->q->static_copy_at) {
		rd_buf_adds(b, "<p class=\"empty\">A short survey waits for you on the live portal.</p>\n");
	} else {
		web_html(b, "<form method=\"post\" action=\"/portal/failures/%D/survey\" class=\"form\" id=\"survey-form\">",
			 p->fid);
		web_csrf(b, p->q);
		for (size_t k = 0; k < NQ; k++) {
			if (survey_questions[k].scored) {
				web_html(b, "<fieldset class=\"scale\"><legend>%s</legend>", survey_questions[k].text);
				for (int s = 0; s <= 10; s++)
					web_html(b, "<label><input type=\"radio\" name=\"%s\" value=\"%d\"> %d</label>",
						 survey_questions[k].name, s, s);
				rd_buf_adds(b, "</fieldset>");
			} else {
				web_html(b, "<label>%s <textarea name=\"%s\" rows=\"3\"></textarea></label>",
					 survey_questions[k].text, survey_questions[k].name);
			}
		}
		rd_buf_adds(b, "<div class=\"actions\"><button type=\"submit\">Send feedback</button></div></form>\n");
	}
	rd_buf_adds(b, "</section>\n");
}

static void ask_form(struct rd_buf *b, const struct portal_ctx *p, const char *error, const char *text)
{
	web_html(b, "<section class=\"card\" id=\"ask\"><h2>Ask us</h2>\n");
	if (error)
		web_flash_error(b, error);
	web_html(b, "<form method=\"post\" action=\"/portal/failures/%D/ask\" class=\"form\" id=\"ask-form\">", p->fid);
	web_csrf(b, p->q);
	rd_buf_adds(b, "<label>Your question <textarea name=\"question\" id=\"f-question\" rows=\"4\" required maxlength=\"4000\">");
	rd_buf_add_htmls(b, text);
	rd_buf_adds(b, "</textarea></label><fieldset class=\"inline\"><legend>It is about</legend>"
		       "<label><input type=\"radio\" name=\"about\" value=\"status\" checked> the status or timing of the fix</label>"
		       "<label><input type=\"radio\" name=\"about\" value=\"other\"> something else</label></fieldset>"
		       "<div class=\"actions\"><button type=\"submit\" id=\"ask-submit\">Send</button>"
		       "<span class=\"muted\">Your point person sees it at once.</span></div></form></section>\n");
}

static int render(const struct rd_page_req *q, struct rd_page_resp *r, int64_t fid, const char *error,
		  const char *text, int status)
{
	json_t *view = NULL;
	struct rd_portal_id who = portal_who(q);
	enum rd_err rc = rd_portal_failure(q->store, &who, fid, &view);
	if (rc == RD_ENOTFOUND || rc == RD_EPERM)
		return web_not_found(q, r);
	if (rc) /* a database error is never shown as an empty section */
		return web_read_failed(q, r, rc, "This page could not be loaded. Please try again later.");
	json_t *c = json_object_get(view, "client"), *f = json_object_get(view, "failure");
	struct portal_ctx p = {q, fid, web_jstr(c, "tz"), view};
	if (status)
		r->status = status;
	struct rd_buf *b = &r->body;
	web_portal_begin(q, r, web_jstr(f, "title"), web_jstr(c, "name"));
	const char *st = web_jstr(f, "status");
	bool done = st && (!strcmp(st, "resolved") || !strcmp(st, "closed"));
	web_html(b, "<div class=\"pagehead\"><div class=\"crumbs\"><a href=\"%R\">All incidents</a></div>"
		    "<h1>%s</h1><div class=\"meta\">", q->static_copy_at ? "index.html" : "/portal/", web_jstr(f, "title"));
	web_badge(b, done ? "green" : "amber", done ? "resolved" : "being fixed");
	rd_buf_adds(b, " started ");
	web_time(b, web_jint(f, "detected_at"), p.tz);
	if (done && web_jint(f, "resolved_at")) {
		rd_buf_adds(b, " · resolved ");
		web_time(b, web_jint(f, "resolved_at"), p.tz);
	}
	rd_buf_adds(b, "</div>");
	if (web_jstr(f, "pp_name"))
		web_html(b, "<p class=\"pointperson\">Your point person: <strong>%s</strong> "
			    "<a href=\"mailto:%s\">%s</a></p>", web_jstr(f, "pp_name"), web_jstr(f, "pp_email"),
			 web_jstr(f, "pp_email"));
	rd_buf_adds(b, "</div>\n");
	if (web_jstr(f, "client_explanation"))
		web_html(b, "<section class=\"card\" id=\"cause\"><h2>What went wrong</h2><p>%s</p></section>\n",
			 web_jstr(f, "client_explanation"));
	if (web_jstr(view, "review")) { /* the client-facing review, once published */
		rd_buf_adds(b, "<section class=\"card\" id=\"review\"><h2>Our review</h2><div class=\"msgbody\">");
		web_text_block(b, web_jstr(view, "review"));
		rd_buf_adds(b, "</div></section>\n");
	}
	/* the post-incident report, once published (portal_report.c) */
	bool published = json_is_true(json_object_get(view, "report_published"));
	if (published && q->static_copy_at) /* the copy has no report to link to */
		rd_buf_adds(b, "<section class=\"card\" id=\"report\"><h2>Post-incident report</h2><p>"
			       "The report is on the live portal; your point person can also send it.</p></section>\n");
	else if (published)
		web_html(b, "<section class=\"card\" id=\"report\"><h2>Post-incident report</h2><p>"
			    "<a href=\"/portal/failures/%D/report\">Read the report</a> · "
			    "<a href=\"/portal/failures/%D/report.pdf\">Download it as PDF</a></p></section>\n",
			 fid, fid);
	rd_buf_adds(b, "<div class=\"columns\"><div>\n");
	updates(b, &p);
	rd_buf_adds(b, "</div><div>\n");
	if (web_query(q, "asked"))
		web_flash_notice(b, "Thank you: your question is with your point person.");
	if (!q->static_copy_at) /* a static copy cannot take a question */
		ask_form(b, &p, error, text);
	plan(b, &p);
	promises(b, &p);
	survey(b, &p);
	rd_buf_adds(b, "</div></div>\n");
	web_page_end(r, NULL);
	json_decref(view);
	return web_done(r);
}

int portal_failure(const struct rd_page_req *q, struct rd_page_resp *r)
{
	int64_t fid;
	if (!portal_failure_gate(q, r, &fid))
		return web_done(r);
	return render(q, r, fid, NULL, NULL, 0);
}

/* The library acts for the contact as a labelled system actor: contacts
 * are not staff users, and the audit log must still say who it was. */
static void contact_actor(const struct rd_page_req *q, struct rd_actor *a)
{
	char label[64];
	snprintf(label, sizeof label, "portal:contact#%" PRId64, q->portal_contact_id);
	rd_actor_system(a, label);
	a->now = q->now;
}

int portal_ask(const struct rd_page_req *q, struct rd_page_resp *r)
{
	int64_t fid;
	if (!portal_failure_gate(q, r, &fid))
		return web_done(r);
	const char *text = web_form_nonempty(q, "question");
	if (!text)
		return render(q, r, fid, "Please write your question.", NULL, 422);
	if (strlen(text) > QUESTION_MAX)
		return render(q, r, fid, "Your question is too long (4,000 characters at most).", text, 422);
	const char *about = web_form(q, "about");
	bool chase = !about || strcmp(about, "other") != 0;
	json_t *in = json_pack("{sI sI ss ss ss ss ss sb}", "failure", (json_int_t)fid, "client",
			       (json_int_t)q->portal_client_id, "kind", "other", "channel", "portal", "direction", "in",
			       "visibility", "client", "body", text, "chase", chase);
	if (!in)
		return render(q, r, fid, "Your question contains characters we cannot store.", NULL, 422);
	/* the first line as the summary staff see in their timeline */
	size_t n = strcspn(text, "\r\n");
	if (n > 160) {
		n = 160;
		while (n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80)
			n--;
	}
	char *summary = strndup(text, n);
	if (summary)
		json_object_set_new(in, "summary", json_string(summary));
	free(summary);
	if (q->portal_contact_id > 0)
		json_object_set_new(in, "contact", json_integer(q->portal_contact_id));
	struct rd_actor a;
	contact_actor(q, &a);
	char *err = NULL;
	enum rd_err rc = rd_comm_log(q->store, &a, in, NULL, &err);
	json_decref(in);
	free(err); /* the library's wording is for staff */
	if (rc)
		return render(q, r, fid, "Your question could not be recorded. Please try again or email your point person.",
			      text, web_status_for(rc));
	char loc[96];
	snprintf(loc, sizeof loc, "/portal/failures/%" PRId64 "?asked=1#ask", fid);
	return web_redirect(r, loc);
}

int portal_survey(const struct rd_page_req *q, struct rd_page_resp *r)
{
	int64_t fid, sid = 0, answered = 0;
	if (!portal_failure_gate(q, r, &fid))
		return web_done(r);
	struct rd_portal_id who = portal_who(q);
	enum rd_err qrc = rd_portal_survey(q->store, &who, fid, &sid, &answered);
	if (qrc == RD_ENOTFOUND || qrc == RD_EPERM)
		return web_not_found(q, r);
	if (qrc)
		return web_read_failed(q, r, qrc, "This page could not be loaded. Please try again later.");
	if (answered)
		return render(q, r, fid, "We already have your answers to this survey. Thank you!", NULL, 409);
	struct rd_actor a;
	contact_actor(q, &a);
	if (rd_store_begin(q->store))
		return render(q, r, fid, "Your answers could not be saved. Please try again.", NULL, 500);
	enum rd_err rc = RD_OK;
	int given = 0;
	for (size_t k = 0; rc == RD_OK && k < NQ; k++) {
		const char *v = web_form_nonempty(q, survey_questions[k].name);
		if (!v)
			continue;
		json_t *in = json_pack("{sI ss sI}", "survey_id", (json_int_t)sid, "question", survey_questions[k].text,
				       "at", (json_int_t)q->now);
		if (q->portal_contact_id > 0)
			json_object_set_new(in, "contact", json_integer(q->portal_contact_id));
		json_t *val = json_string(v); /* a score is parsed and range-checked by the schema */
		json_object_set_new(in, survey_questions[k].scored ? "score" : "answer", val ? val : json_integer(-1));
		rc = rd_record_create(q->store, &a, "survey_answer", in, NULL, NULL, NULL);
		json_decref(in);
		given++;
	}
	if (rc == RD_OK && !given)
		rc = RD_EINVAL;
	if (rc) {
		rd_store_rollback(q->store);
		return render(q, r, fid, "Please answer at least one question (scores run from 0 to 10).", NULL,
			      web_status_for(rc));
	}
	if (rd_store_commit(q->store))
		return render(q, r, fid, "Your answers could not be saved. Please try again.", NULL, 500);
	char loc[96];
	snprintf(loc, sizeof loc, "/portal/failures/%" PRId64 "#survey", fid);
	return web_redirect(r, loc);
}
