/* portal_failure.c — one failure as the client sees it
 * (GET /portal/failures/{id}): what happened in plain language, every
 * update we sent them, the plan with its ETA history and the reason for
 * each new date, our commitments to them and their state, goodwill, and
 * the survey; plus the two things a contact can do: ask a question
 * (POST …/ask, recorded as an inbound communication; a status question is
 * a chase) and answer the survey (POST …/survey).
 *
 * Isolation: a failure that is not visible to the request's client is a
 * 404, exactly like one that does not exist; every query is bound to
 * q->portal_client_id; communications are read with visibility = 'client'
 * only, and internal fields (findings, disclosure notes, goodwill notes,
 * other clients' actions and ETAs) are never selected. A query that fails
 * makes the whole page a 500, never an empty section. */
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

static const char *kind_label(const char *k)
{
	static const struct { const char *k, *label; } m[] = {
		{"apology", "Apology"}, {"rca_update", "What went wrong"}, {"plan", "Recovery plan"},
		{"progress", "Progress update"}, {"delay", "New timeline"}, {"resolution", "Resolved"},
		{"follow_up", "Follow-up"}, {"survey", "Survey"}, {"review", "Review"},
		{"correction", "Correction"}, {"other", "Update"},
	};
	for (size_t i = 0; k && i < sizeof m / sizeof m[0]; i++)
		if (!strcmp(k, m[i].k))
			return m[i].label;
	return "Update";
}

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
	int64_t fid, cid;
	const char *tz;
	enum rd_err err;  /* the first query that failed: the page is not shown */
};

/* Keeps the first failure of a section's query (see render). */
static void note(struct portal_ctx *p, enum rd_err rc)
{
	if (rc && !p->err)
		p->err = rc;
}

static void updates(struct rd_buf *b, struct portal_ctx *p)
{
	json_t *rows = NULL;
	note(p, web_sql_rows(p->q->store,
		"SELECT id, kind, channel, direction, at, summary, body, fact_eta FROM communications "
		"WHERE failure_id = ?1 AND client_id = ?2 AND visibility = 'client' ORDER BY at, id",
		"itttitti", &rows, "ii", p->fid, p->cid));
	web_html(b, "<section class=\"card\" id=\"updates\"><h2>Updates <span class=\"muted\">%D</span></h2>"
		    "<ol class=\"timeline\">\n", (int64_t)json_array_size(rows));
	size_t i;
	json_t *m;
	json_array_foreach(rows, i, m) {
		bool in = web_jstr(m, "direction") && !strcmp(web_jstr(m, "direction"), "in");
		web_html(b, "<li class=\"tl %R\"><div class=\"tl-when\">", in ? "in" : "out");
		web_time(b, web_jint(m, "at"), p->tz);
		web_html(b, "</div><div class=\"tl-body\"><div class=\"tl-head\"><strong>%s</strong> ",
			 in ? "You wrote" : kind_label(web_jstr(m, "kind")));
		web_badge(b, "channel", web_jstr(m, "channel"));
		rd_buf_adds(b, "</div><div class=\"msgbody\">");
		web_text_block(b, web_jstr(m, "body") ? web_jstr(m, "body") : web_jstr(m, "summary"));
		rd_buf_adds(b, "</div>");
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
	json_decref(rows);
}

static void plan(struct rd_buf *b, struct portal_ctx *p)
{
	json_t *acts = NULL, *etas = NULL;
	note(p, web_sql_rows(p->q->store,
		"SELECT kind, description, due_at, status, success_criterion FROM plan_actions "
		"WHERE failure_id = ?1 AND (client_id IS NULL OR client_id = ?2) ORDER BY due_at NULLS FIRST, id",
		"ttitt", &acts, "ii", p->fid, p->cid));
	note(p, web_sql_rows(p->q->store,
		"SELECT eta, reason, at FROM eta_revisions WHERE failure_id = ?1 AND "
		"(client_id IS NULL OR client_id = ?2) ORDER BY at, id", "iti", &etas, "ii", p->fid, p->cid));
	rd_buf_adds(b, "<section class=\"card\" id=\"plan\"><h2>Our recovery plan</h2>\n");
	size_t n = json_array_size(etas), i;
	json_t *x;
	if (n) {
		rd_buf_adds(b, "<p class=\"eta-now\">Expected fix: <strong>");
		web_time(b, web_jint(json_array_get(etas, n - 1), "eta"), p->tz);
		rd_buf_adds(b, "</strong></p>\n");
	}
	if (json_array_size(acts)) {
		rd_buf_adds(b, "<ul class=\"rows\">\n");
		json_array_foreach(acts, i, x) {
			rd_buf_adds(b, "<li class=\"row\"><div>");
			web_badge(b, state_class(web_jstr(x, "status")), web_jstr(x, "status"));
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
		rd_buf_adds(b, "<p class=\"empty\">The plan is being prepared; we will share it here.</p>\n");
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
	json_decref(acts);
	json_decref(etas);
}

static void promises(struct rd_buf *b, struct portal_ctx *p)
{
	json_t *ks = NULL, *gw = NULL;
	note(p, web_sql_rows(p->q->store,
		"SELECT text, due_at, status FROM commitments WHERE client_id = ?2 AND failure_id = ?1 "
		"ORDER BY due_at NULLS FIRST, id", "tit", &ks, "ii", p->fid, p->cid));
	note(p, web_sql_rows(p->q->store,
		"SELECT kind, amount_cents, currency, status FROM goodwill WHERE client_id = ?2 AND failure_id = ?1 "
		"AND status IN ('approved','delivered') ORDER BY id", "titt", &gw, "ii", p->fid, p->cid));
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
	json_decref(ks);
	json_decref(gw);
}

static void survey(struct rd_buf *b, struct portal_ctx *p)
{
	int64_t sid = 0;
	enum rd_err rc = rd_store_exec(p->q->store, &sid, "SELECT id FROM surveys WHERE failure_id = ?1 AND "
				       "client_id = ?2", "ii", p->fid, p->cid);
	if (rc) {
		if (rc != RD_ENOTFOUND) /* no survey sent is not an error */
			note(p, rc);
		return;
	}
	json_t *answers = NULL;
	note(p, web_sql_rows(p->q->store, "SELECT question, score, answer FROM survey_answers WHERE survey_id = ?1 ORDER BY id",
		     "tit", &answers, "i", sid));
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
	json_decref(answers);
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
	enum rd_err crc;
	json_t *c = portal_client(q, &crc), *f = NULL, *rows = NULL;
	if (!c)
		return portal_no_client(q, r, crc);
	if (web_sql_rows(q->store,
		"SELECT f.title, f.status, f.detected_at, f.resolved_at, r.client_explanation, "
		"u.name AS pp_name, u.email AS pp_email FROM failures f "
		"JOIN impacts i ON i.failure_id = f.id AND i.client_id = ?2 "
		"LEFT JOIN rcas r ON r.failure_id = f.id LEFT JOIN users u ON u.id = i.point_person_id "
		"WHERE f.id = ?1", "ttiittt", &rows, "ii", fid, q->portal_client_id) != RD_OK) {
		json_decref(c);
		return web_error_page(q, r, 500, "This page could not be loaded. Please try again later.");
	}
	if (!(f = json_array_get(rows, 0))) {
		json_decref(rows);
		json_decref(c);
		return web_not_found(q, r);
	}
	struct portal_ctx p = {q, fid, q->portal_client_id, web_jstr(c, "tz"), RD_OK};
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
	bool published = false;   /* the post-incident report, once published (portal_report.c) */
	note(&p, rd_report_published(q->store, fid, q->portal_client_id, &published, NULL));
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
	json_decref(rows);
	json_decref(c);
	/* A section whose query failed would read "No update yet." or "No
	 * commitments": a database error is never shown as an empty list. */
	if (p.err)
		return web_error_page(q, r, 500, "This page could not be loaded. Please try again later.");
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
	enum rd_err qrc = rd_store_exec(q->store, &sid, "SELECT id FROM surveys WHERE failure_id = ?1 AND "
					"client_id = ?2", "ii", fid, q->portal_client_id);
	if (qrc == RD_ENOTFOUND)
		return web_not_found(q, r);
	if (qrc == RD_OK)
		qrc = rd_store_exec(q->store, &answered, "SELECT count(*) FROM survey_answers WHERE survey_id = ?1",
				    "i", sid);
	if (qrc)
		return web_error_page(q, r, 500, "This page could not be loaded. Please try again later.");
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
