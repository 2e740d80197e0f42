/* web_composer.c — the message composer: choose kind, client and failure
 * (GET /compose), get a draft from the message template for that kind
 * (tier and client overrides apply), edit it while the checker's findings
 * are highlighted live (web/static/composer.js calls POST /api/check), and
 * log it as sent (POST /compose), which records the communication with the
 * facts it states, or send it by email to the client's contacts through
 * rd_comm_send (the function `redress send` and POST /api/send call), which
 * logs it the same way and queues the email. Drafting never sends anything. */
#include <ctype.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "redress/model.h"
#include "redress/notify.h"
#include "redress/views.h"
#include "redress/check.h"
#include "redress/compose.h"
#include "redress/room.h"
#include "redress/time.h"
#include "web_pages.h"

static const char *const out_channels[] = {"email", "call", "meeting", "portal", "chat", "report", "letter", NULL};
static const char *const visibilities[] = {"client", "internal", NULL};

/* Checks TEXT as a message of KIND to CLIENT about FAILURE (0 = none) in
 * the context of what was said before; a new JSON result or NULL. */
static json_t *check_text(const struct rd_page_req *q, const char *kind, int64_t cid, int64_t fid, const char *text)
{
	struct rd_check_context ctx = {0};
	struct rd_check_result *res = NULL;
	json_t *out = NULL;
	if (rd_check_context_build(q->store, kind, fid, cid, q->now, &ctx, NULL) == RD_OK &&
	    rd_check(text, strlen(text), &ctx.opts, &res, NULL) == RD_OK)
		out = rd_check_result_json(res);
	if (res)
		rd_check_result_free(res);
	rd_check_context_free(&ctx);
	return out;
}

/* The text with each finding's byte span marked (what composer.js draws
 * live); spans that overlap an earlier one are listed, not marked. */
static void marked_text(struct rd_buf *b, const char *text, json_t *findings)
{
	size_t len = strlen(text), pos = 0, i;
	json_t *f;
	json_array_foreach(findings, i, f) {
		size_t st = (size_t)web_jint(f, "start"), en = (size_t)web_jint(f, "end");
		if (web_jstr(f, "scope") && !strcmp(web_jstr(f, "scope"), "message"))
			continue;
		if (st < pos || en <= st || en > len)
			continue;
		rd_buf_add_html(b, text + pos, st - pos);
		web_html(b, "<mark class=\"sev-%s\" title=\"%s: %s\">", web_jstr(f, "severity"), web_jstr(f, "rule"),
			 web_jstr(f, "message"));
		rd_buf_add_html(b, text + st, en - st);
		rd_buf_adds(b, "</mark>");
		pos = en;
	}
	rd_buf_add_html(b, text + pos, len - pos);
}

/* The checker panel's content, server-side (the first paint, and the
 * whole thing without JavaScript). */
static void findings_list(struct rd_buf *b, json_t *res)
{
	size_t i;
	json_t *f;
	json_array_foreach(json_object_get(res, "findings"), i, f) {
		web_html(b, "<li class=\"finding sev-%s\" data-start=\"%D\" data-end=\"%D\">", web_jstr(f, "severity"),
			 web_jint(f, "start"), web_jint(f, "end"));
		web_badge(b, web_jstr(f, "severity"), web_jstr(f, "severity"));
		web_html(b, " <code>%s</code> %s", web_jstr(f, "rule"), web_jstr(f, "message"));
		if (web_jstr(f, "suggestion"))
			web_html(b, "<div class=\"suggestion\">Try: %s</div>", web_jstr(f, "suggestion"));
		rd_buf_adds(b, "</li>\n");
	}
}

static void elements_list(struct rd_buf *b, json_t *res)
{
	json_t *el = json_object_get(res, "elements");
	size_t i;
	json_t *e;
	rd_buf_adds(b, "<ul class=\"elements\">");
	json_array_foreach(json_object_get(el, "found"), i, e)
		web_html(b, "<li class=\"found\">✓ %s</li>", web_jstr(e, "name"));
	json_array_foreach(json_object_get(el, "missing"), i, e)
		web_html(b, "<li class=\"missing\">✗ %s</li>", json_string_value(e));
	rd_buf_adds(b, "</ul>");
}

struct compose {
	const char *kind, *channel, *visibility, *summary, *body, *eta, *cause, *remedy, *amount, *currency;
	int64_t client, failure;
	json_t *result;   /* the checker's JSON result for body, or NULL */
	bool ask_confirm; /* logging or sending was refused for errors: offer "anyway" */
};

/* How many findings of severity "error" a checker result has. */
static int64_t error_count(json_t *result)
{
	return web_jint(json_object_get(result, "counts"), "error");
}

static void chooser(struct rd_buf *b, const struct rd_page_req *q, const struct web_names *nm,
		    const struct compose *c, json_t *failures)
{
	rd_buf_adds(b, "<form class=\"card chooser\" method=\"get\" action=\"/compose\">\n<div class=\"grid3\">"
		       "<label>Kind ");
	/* With the client and failure known, only the kinds that can be
	 * written honestly now (no progress update for a resolved failure,
	 * no resolution notice before the fix: rd_draft_kind_allowed). */
	const char *offered[32];
	size_t n = 0;
	for (size_t k = 0; rd_comm_kind_names[k] && n + 1 < sizeof offered / sizeof offered[0]; k++)
		if (!c->client || !c->failure ||
		    rd_draft_kind_allowed(q->store, rd_comm_kind_names[k], c->failure, c->client, q->now, NULL) == RD_OK)
			offered[n++] = rd_comm_kind_names[k];
	offered[n] = NULL;
	web_select(b, "kind", offered, c->kind, NULL);
	rd_buf_adds(b, "</label><label>Client <select name=\"client\" id=\"f-client\"><option value=\"\">choose…</option>");
	const char *key;
	json_t *cl;
	json_object_foreach(nm->clients, key, cl)
		web_html(b, "<option value=\"%D\"%R>%s</option>", web_jint(cl, "id"),
			 web_jint(cl, "id") == c->client ? " selected" : "", web_jstr(cl, "name"));
	rd_buf_adds(b, "</select></label><label>Failure <select name=\"failure\" id=\"f-failure\">"
		       "<option value=\"\">none</option>");
	size_t i;
	json_t *f;
	json_array_foreach(failures, i, f)
		web_html(b, "<option value=\"%D\"%R>#%D %s</option>", web_jint(f, "id"),
			 web_jint(f, "id") == c->failure ? " selected" : "", web_jint(f, "id"), web_jstr(f, "title"));
	rd_buf_adds(b, "</select></label></div><button type=\"submit\" class=\"secondary\">Draft from the template</button>"
		       "</form>\n");
	(void)q;
}

static void editor(struct rd_buf *b, const struct rd_page_req *q, const struct compose *c)
{
	web_html(b, "<form class=\"card composer\" id=\"composer\" method=\"post\" action=\"/compose\" "
		    "data-kind=\"%s\" data-client=\"%D\" data-failure=\"%D\" data-errors=\"%D\">\n",
		 c->kind, c->client, c->failure, c->result ? error_count(c->result) : (int64_t)0);
	web_csrf(b, q);
	web_html(b, "<input type=\"hidden\" name=\"kind\" value=\"%s\"><input type=\"hidden\" name=\"client\" value=\"%D\">",
		 c->kind, c->client);
	if (c->failure)
		web_html(b, "<input type=\"hidden\" name=\"failure\" value=\"%D\">", c->failure);
	rd_buf_adds(b, "<div class=\"editor\"><div class=\"editor-main\">\n"
		       "<label>Summary (one line for the timeline) <input type=\"text\" name=\"summary\" id=\"f-summary\" value=\"");
	rd_buf_add_htmls(b, c->summary);
	/* the highlight layer (#body-hl) sits behind the transparent textarea;
	 * composer.js fills it with the text and the findings' marks */
	rd_buf_adds(b, "\"></label>\n<label>Message <span class=\"hl-wrap\"><span class=\"hl-backdrop\" id=\"body-hl\" "
		       "aria-hidden=\"true\"></span><textarea name=\"body\" id=\"body\" rows=\"16\" spellcheck=\"true\">");
	rd_buf_add_htmls(b, c->body);
	rd_buf_adds(b, "</textarea></span></label>\n"
		       "<div class=\"preview-wrap\"><h4>Checker view</h4>"
		       "<div id=\"check-preview\" class=\"preview\" aria-live=\"polite\">");
	if (c->result && c->body)
		marked_text(b, c->body, json_object_get(c->result, "findings"));
	rd_buf_adds(b, "</div></div>\n<div class=\"grid3\"><label>Channel ");
	web_select(b, "channel", out_channels, c->channel ? c->channel : "email", NULL);
	rd_buf_adds(b, "</label><label>Visibility ");
	web_select(b, "visibility", visibilities, c->visibility ? c->visibility : "client", NULL);
	rd_buf_adds(b, "</label><label>ETA stated (ISO 8601) <input type=\"text\" name=\"eta\" placeholder=\"2026-11-27T17:00:00Z\" value=\"");
	rd_buf_add_htmls(b, c->eta);
	rd_buf_adds(b, "\"></label></div>\n<details><summary>Other facts this message states</summary><div class=\"grid3\">"
		       "<label>Cause <input type=\"text\" name=\"cause\" value=\"");
	rd_buf_add_htmls(b, c->cause);
	rd_buf_adds(b, "\"></label><label>Remedy <input type=\"text\" name=\"remedy\" value=\"");
	rd_buf_add_htmls(b, c->remedy);
	rd_buf_adds(b, "\"></label><label>Goodwill amount <input type=\"text\" name=\"amount\" inputmode=\"decimal\" value=\"");
	rd_buf_add_htmls(b, c->amount);
	rd_buf_adds(b, "\"></label><label>Currency <input type=\"text\" name=\"currency\" maxlength=\"3\" value=\"");
	rd_buf_add_htmls(b, c->currency);
	rd_buf_adds(b, "\"></label></div></details>\n");
	/* A form field's first value wins: the box (when shown and ticked)
	 * before the hidden field composer.js sets after its confirm(). */
	if (c->ask_confirm)
		rd_buf_adds(b, "<label class=\"confirm\"><input type=\"checkbox\" name=\"confirm_errors\" value=\"yes\" "
			       "id=\"confirm-errors-box\"> The checker still finds errors: send or log it anyway</label>\n");
	rd_buf_adds(b, "<input type=\"hidden\" name=\"confirm_errors\" id=\"confirm-errors\" value=\"\">\n");
	rd_buf_adds(b, "<div class=\"actions\"><button type=\"submit\" name=\"action\" value=\"log\" id=\"log-sent\">Log as sent</button>"
		       "<button type=\"submit\" name=\"action\" value=\"send\" id=\"send-email\">Send by email</button>"
		       "<button type=\"submit\" name=\"action\" value=\"check\" class=\"secondary\" id=\"check-now\">Check</button>"
		       "<span class=\"muted\">\"Send by email\" emails it to the client's contacts and records it; "
		       "\"Log as sent\" records a message you sent yourself by the channel chosen.</span></div>\n"
		       "</div>\n<aside class=\"checker\" id=\"checker\" aria-live=\"polite\">\n");
	char score[16] = "–";
	if (c->result)
		snprintf(score, sizeof score, "%" PRId64, web_jint(c->result, "score"));
	web_html(b, "<div class=\"score\"><span id=\"check-score\">%s</span><small>score</small></div>\n"
		    "<p id=\"check-status\" class=\"muted\">The checker runs as you type.</p>\n<div id=\"check-elements\">",
		 score);
	if (c->result)
		elements_list(b, c->result);
	rd_buf_adds(b, "</div>\n<ol id=\"check-findings\" class=\"findings\">");
	if (c->result)
		findings_list(b, c->result);
	rd_buf_adds(b, "</ol>\n</aside></div>\n</form>\n");
}

static int render(const struct rd_page_req *q, struct rd_page_resp *r, struct compose *c, const char *error,
		  int status)
{
	struct web_names nm;
	json_t *failures = NULL;
	if (!web_names_ready(q, r, &nm))
		return web_done(r);
	enum rd_err mrc = rd_view_failure_menu(q->store, &failures);
	if (mrc) {
		web_names_free(&nm);
		return web_read_failed(q, r, mrc, "The database could not be read.");
	}
	json_t *client = NULL, *failure = NULL;
	const char *notice = NULL;
	char *drafted = NULL;
	bool ready = c->kind && c->client;
	if (c->client && rd_client_show(q->store, c->client, &client, NULL) != RD_OK) {
		error = error ? error : "There is no such client.";
		ready = false;
	}
	if (c->failure && rd_failure_show(q->store, c->failure, &failure, NULL) != RD_OK) {
		error = error ? error : "There is no such failure.";
		ready = false;
	}
	if (ready && failure) {
		bool affected = false;
		size_t i;
		json_t *x;
		json_array_foreach(json_object_get(failure, "impacts"), i, x)
			if (web_jint(x, "client_id") == c->client)
				affected = true;
		if (!affected)
			notice = "This client is not recorded as affected by this failure: record the impact "
				 "before logging a message about it.";
	}
	char why[512];
	if (ready && !c->body && failure) {
		struct rd_check_result *res = NULL;
		char *err = NULL;
		if (rd_draft(q->store, c->kind, c->failure, c->client, q->now, q->actor ? q->actor->user_id : 0,
			     q->base_url, &drafted, &res, &err) == RD_OK) {
			c->body = drafted;
			json_decref(c->result);
			c->result = rd_check_result_json(res);
		} else {
			snprintf(why, sizeof why, "No draft could be made from the template for this kind: %s",
				 err ? err : "write the message below.");
			notice = why;
		}
		if (res)
			rd_check_result_free(res);
		free(err);
	} else if (ready && !c->body && !failure) {
		notice = "Choose the failure too to draft from the template, or write the message below.";
	} else if (ready && c->body && !c->result) {
		c->result = check_text(q, c->kind, c->client, c->failure, c->body);
	}
	if (status)
		r->status = status;
	struct rd_buf *b = &r->body;
	web_page_begin(q, r, "Compose", "compose");
	rd_buf_adds(b, "<div class=\"pagehead\"><h1>Compose a message</h1>"
		       "<p class=\"muted\">Choose kind, client and failure; edit the draft; the checker marks "
		       "what to fix; log it once you have sent it.</p></div>\n");
	if (error)
		web_flash_error(b, error);
	if (notice)
		web_flash_notice(b, notice);
	chooser(b, q, &nm, c, failures);
	if (ready) {
		if (!c->summary && failure) {
			char sum[200];
			snprintf(sum, sizeof sum, "%s — %s", c->kind, web_jstr(failure, "title") ? web_jstr(failure, "title") : "");
			c->summary = sum;
			editor(b, q, c);
			c->summary = NULL;
		} else {
			editor(b, q, c);
		}
	}
	web_page_end(r, ready ? "composer.js" : NULL);
	free(drafted);
	json_decref(c->result);
	c->result = NULL;
	json_decref(client);
	json_decref(failure);
	json_decref(failures);
	web_names_free(&nm);
	return web_done(r);
}

static bool known_kind(const char *k)
{
	for (size_t i = 0; k && rd_comm_kind_names[i]; i++)
		if (!strcmp(k, rd_comm_kind_names[i]))
			return true;
	return false;
}

int web_compose(const struct rd_page_req *q, struct rd_page_resp *r)
{
	struct compose c = {0};
	c.kind = web_query(q, "kind");
	if (c.kind && !known_kind(c.kind))
		c.kind = NULL;
	if (!c.kind && (web_query(q, "client") || web_query(q, "failure")))
		c.kind = "apology";
	web_parse_id(web_query(q, "client"), &c.client);
	web_parse_id(web_query(q, "failure"), &c.failure);
	return render(q, r, &c, NULL, 0);
}

static void set_str(json_t *o, const char *key, const char *v)
{
	if (!v)
		return;
	for (const char *p = v; *p; p++) {
		if (!isspace((unsigned char)*p)) {
			json_t *s = json_string(v);
			/* json_string refuses invalid UTF-8: pass the raw bytes on as
			 * an explicit error rather than dropping the field */
			json_object_set_new(o, key, s ? s : json_integer(-1));
			return;
		}
	}
}

/* The first line of the body, cut at a character boundary, as the summary. */
static char *summary_from(const char *body)
{
	if (!body)
		return NULL;
	while (*body && isspace((unsigned char)*body))
		body++;
	size_t n = strcspn(body, "\r\n");
	if (n > 160) {
		n = 160;
		while (n > 0 && ((unsigned char)body[n] & 0xC0) == 0x80)
			n--;
	}
	return n ? strndup(body, n) : NULL;
}

int web_compose_post(const struct rd_page_req *q, struct rd_page_resp *r)
{
	struct compose c = {
		.kind = web_form(q, "kind"), .channel = web_form(q, "channel"),
		.visibility = web_form(q, "visibility"), .summary = web_form(q, "summary"),
		.body = web_form(q, "body"), .eta = web_form(q, "eta"), .cause = web_form(q, "cause"),
		.remedy = web_form(q, "remedy"), .amount = web_form(q, "amount"), .currency = web_form(q, "currency"),
	};
	if (!known_kind(c.kind))
		c.kind = NULL;
	if (!c.kind || !web_parse_id(web_form(q, "client"), &c.client)) {
		c.kind = c.kind ? c.kind : "other";
		return render(q, r, &c, "Choose the kind and the client of the message.", 422);
	}
	if (web_form_nonempty(q, "failure") && !web_parse_id(web_form(q, "failure"), &c.failure))
		return render(q, r, &c, "The failure must be given by its number.", 422);
	const char *action = web_form(q, "action");
	if (action && !strcmp(action, "check"))
		return render(q, r, &c, NULL, 0);
	bool send = action && !strcmp(action, "send");
	if (send && !web_form_nonempty(q, "body"))
		return render(q, r, &c, "The message is empty: write it before sending it. Nothing was sent.", 422);
	if (!web_form_nonempty(q, "body") && !web_form_nonempty(q, "summary"))
		return render(q, r, &c, "The message is empty: write it before logging it.", 422);
	if (send && !c.failure)
		return render(q, r, &c, "Choose the failure: a message sent by email belongs to a failure's track "
			      "(its replies come back to it). Nothing was sent.", 422);
	if (send && c.channel && *c.channel && strcmp(c.channel, "email"))
		return render(q, r, &c, "\"Send by email\" sends an email: choose the channel email, or log a "
			      "message you sent yourself with \"Log as sent\". Nothing was sent.", 422);
	/* Errors left in the text: logged or sent only when the user confirmed
	 * it (composer.js asks; without JavaScript, the box this answer shows). */
	const char *confirmed = web_form(q, "confirm_errors");
	if (c.body && !(confirmed && !strcmp(confirmed, "yes"))) {
		c.result = check_text(q, c.kind, c.client, c.failure, c.body);
		int64_t errs = c.result ? error_count(c.result) : 0;
		if (errs > 0) {
			char msg[200];
			snprintf(msg, sizeof msg, "The checker still finds %" PRId64 " error%s in this message. Fix %s, "
				 "or tick \"send or log it anyway\" and %s it again. Nothing was %s.",
				 errs, errs == 1 ? "" : "s", errs == 1 ? "it" : "them", send ? "send" : "log",
				 send ? "sent" : "logged");
			c.ask_confirm = true;
			return render(q, r, &c, msg, 409);
		}
		json_decref(c.result);
		c.result = NULL;
	}
	json_t *in = json_pack("{sI ss ss}", "client", (json_int_t)c.client, "kind", c.kind, "direction", "out");
	if (c.failure)
		json_object_set_new(in, "failure", json_integer(c.failure));
	if (!send) {
		set_str(in, "channel", c.channel);
		set_str(in, "body", c.body);
	}
	set_str(in, "visibility", c.visibility);
	char *derived = web_form_nonempty(q, "summary") ? NULL : summary_from(c.body);
	set_str(in, "summary", derived ? derived : c.summary);
	free(derived);
	set_str(in, "eta", c.eta);
	set_str(in, "cause", c.cause);
	set_str(in, "remedy", c.remedy);
	set_str(in, "amount", c.amount);
	set_str(in, "currency", c.currency);
	int64_t id = 0, oid = 0;
	char *err = NULL;
	enum rd_err rc;
	if (send) {
		/* the library checks again and refuses errors unless confirmed */
		struct rd_send o = {.body = c.body, .confirm_errors = confirmed && !strcmp(confirmed, "yes")};
		rc = rd_comm_send(q->store, q->actor, in, &o, &id, &oid, NULL, &err);
	} else {
		rc = rd_comm_log(q->store, q->actor, in, &id, &err);
	}
	json_decref(in);
	if (rc) {
		int st = render(q, r, &c, web_err_text(rc, err, send ? "The message could not be sent. Nothing was sent."
								     : "The message could not be logged."),
				web_status_for(rc));
		free(err);
		return st;
	}
	char loc[96];
	if (c.failure)
		snprintf(loc, sizeof loc, "/failures/%" PRId64 "#comm-%" PRId64, c.failure, id);
	else
		snprintf(loc, sizeof loc, "/clients/%" PRId64 "#comm-%" PRId64, c.client, id);
	char done[240];
	if (send && web_mail_enabled())
		snprintf(done, sizeof done, "%s logged and on its way by email to the client's contacts (email #%" PRId64 ").",
			 rd_label(c.kind), oid);
	else if (send)
		snprintf(done, sizeof done, "%s logged and queued by email to the client's contacts (email #%" PRId64 "). "
			 "No SMTP server is configured: it waits in the outbox until one is.",
			 rd_label(c.kind), oid);
	else
		snprintf(done, sizeof done, "%s logged as sent.", rd_label(c.kind));
	if (web_flash_set(r, done))
		return -1;
	return web_redirect(r, loc);
}
