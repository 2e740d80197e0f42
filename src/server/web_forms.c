/* web_forms.c — the small forms of the staff app: the login form (the core
 * handles POST /login), logging a call or meeting note (GET/POST /log),
 * reporting a near miss (GET/POST /near-misses), and deciding goodwill
 * (GET /goodwill, POST /goodwill/{id}); the password links' pages are in
 * web_password.c. Each POST calls one library
 * function as the signed-in user, then redirects (303); on a refusal it
 * shows the form again with the library's message and changes nothing. */
#include <ctype.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "redress/model.h"
#include "redress/views.h"
#include "redress/time.h"
#include "web_pages.h"

static const char *const directions[] = {"out", "in", NULL};
static const char *const note_channels[] = {"call", "meeting", "email", "chat", "letter", "report", "portal", NULL};
static const char *const visibilities[] = {"client", "internal", NULL};

/* ---- login ---- */

int web_login(const struct rd_page_req *q, struct rd_page_resp *r)
{
	struct rd_buf *b = &r->body;
	web_public_begin(r, "Sign in");
	rd_buf_adds(b, "<form class=\"card\" method=\"post\" action=\"/login\">"
		       "<h1>redress</h1><p class=\"muted\">Service-recovery desk — sign in</p>\n");
	/* The core says why a sign-in failed with ?error=1; we never echo text
	 * from the URL. */
	if (web_query(q, "error"))
		web_flash_error(b, "Wrong email or password.");
	web_csrf(b, q);
	const char *next = rd_safe_next(web_query(q, "next"), NULL);
	if (next)
		web_html(b, "<input type=\"hidden\" name=\"next\" value=\"%s\">", next);
	rd_buf_adds(b, "<label>Email <input type=\"email\" name=\"email\" id=\"email\" autocomplete=\"username\" required autofocus></label>"
		       "<label>Password <input type=\"password\" name=\"password\" id=\"password\" autocomplete=\"current-password\" required></label>"
		       "<button type=\"submit\" id=\"signin\">Sign in</button>"
		       "<p><a href=\"/password/forgot\" id=\"forgot\">Forgot your password?</a></p></form>\n");
	web_page_end(r, NULL);
	return web_done(r);
}

/* ---- log a call or note ---- */

static void client_options(struct rd_buf *b, const struct web_names *nm, int64_t selected)
{
	const char *key;
	json_t *cl;
	json_object_foreach(nm->clients, key, cl)
		web_html(b, "<option value=\"%D\"%R>%s</option>", web_jint(cl, "id"),
			 web_jint(cl, "id") == selected ? " selected" : "", web_jstr(cl, "name"));
}

static int log_render(const struct rd_page_req *q, struct rd_page_resp *r, const char *error, int status)
{
	/* the values come back from the POST on an error, else from the query */
	json_t *v = q->form && !strcmp(q->method, "POST") ? q->form : q->query;
#define V(k) json_string_value(json_object_get(v, k))
	int64_t fid = 0, cid = 0;
	web_parse_id(V("failure"), &fid);
	web_parse_id(V("client"), &cid);
	struct web_names nm;
	json_t *failures = NULL, *contacts = NULL;
	if (!web_names_ready(q, r, &nm))
		return web_done(r);
	enum rd_err rc = rd_view_failure_menu(q->store, &failures);
	if (rc == RD_OK && cid)
		rc = rd_view_contacts(q->store, cid, &contacts);
	if (rc) { /* an empty menu would hide a database error */
		json_decref(failures);
		web_names_free(&nm);
		return web_read_failed(q, r, rc, "The database could not be read.");
	}
	if (status)
		r->status = status;
	struct rd_buf *b = &r->body;
	web_page_begin(q, r, "Log a call or note", "log");
	rd_buf_adds(b, "<div class=\"pagehead\"><h1>Log a call, meeting or note</h1>"
		       "<p class=\"muted\">Everything said to a client goes on the record, whatever the channel.</p></div>\n");
	if (error)
		web_flash_error(b, error);
	rd_buf_adds(b, "<form class=\"card form\" method=\"post\" action=\"/log\" id=\"log-form\">");
	web_csrf(b, q);
	rd_buf_adds(b, "<div class=\"grid3\"><label>Client <select name=\"client\" id=\"f-client\" required>"
		       "<option value=\"\">choose…</option>");
	client_options(b, &nm, cid);
	rd_buf_adds(b, "</select></label><label>Failure <select name=\"failure\" id=\"f-failure\"><option value=\"\">none</option>");
	size_t i;
	json_t *f;
	json_array_foreach(failures, i, f)
		web_html(b, "<option value=\"%D\"%R>#%D %s</option>", web_jint(f, "id"), web_jint(f, "id") == fid ? " selected" : "",
			 web_jint(f, "id"), web_jstr(f, "title"));
	rd_buf_adds(b, "</select></label><label>Contact <select name=\"contact\" id=\"f-contact\"><option value=\"\">—</option>");
	json_array_foreach(contacts, i, f) {
		char id[32];
		snprintf(id, sizeof id, "%" PRId64, web_jint(f, "id"));
		web_html(b, "<option value=\"%s\"%R>%s (%s)</option>", id,
			 V("contact") && !strcmp(V("contact"), id) ? " selected" : "", web_jstr(f, "name"), web_jstr(f, "email"));
	}
	rd_buf_adds(b, "</select></label></div>\n<div class=\"grid3\"><label>Channel ");
	web_select(b, "channel", note_channels, V("channel") ? V("channel") : "call", NULL);
	rd_buf_adds(b, "</label><label>Direction ");
	web_select(b, "direction", directions, V("direction") ? V("direction") : "out", NULL);
	rd_buf_adds(b, "</label><label>Kind ");
	web_select(b, "kind", rd_comm_kind_names, V("kind") ? V("kind") : "progress", NULL);
	rd_buf_adds(b, "</label></div>\n<div class=\"grid3\"><label>When (ISO 8601; empty = now) "
		       "<input type=\"text\" name=\"at\" placeholder=\"2026-11-23T09:00:00Z\" value=\"");
	rd_buf_add_htmls(b, V("at"));
	rd_buf_adds(b, "\"></label><label>Visibility ");
	web_select(b, "visibility", visibilities, V("visibility") ? V("visibility") : "client", NULL);
	web_html(b, "</label><label class=\"check\"><input type=\"checkbox\" name=\"chase\" value=\"1\"%R> "
		    "The client chased us for status (inbound)</label></div>\n",
		 V("chase") ? " checked" : "");
	rd_buf_adds(b, "<label>What was said <textarea name=\"summary\" id=\"f-summary\" rows=\"6\" required>");
	rd_buf_add_htmls(b, V("summary"));
	rd_buf_adds(b, "</textarea></label>\n<details><summary>Facts stated (ETA, cause, remedy)</summary><div class=\"grid3\">"
		       "<label>ETA <input type=\"text\" name=\"eta\" placeholder=\"2026-11-27T17:00:00Z\" value=\"");
	rd_buf_add_htmls(b, V("eta"));
	rd_buf_adds(b, "\"></label><label>Cause <input type=\"text\" name=\"cause\" value=\"");
	rd_buf_add_htmls(b, V("cause"));
	rd_buf_adds(b, "\"></label><label>Remedy <input type=\"text\" name=\"remedy\" value=\"");
	rd_buf_add_htmls(b, V("remedy"));
	rd_buf_adds(b, "\"></label></div></details>\n<div class=\"actions\"><button type=\"submit\" id=\"log-submit\">Log it</button></div></form>\n");
#undef V
	web_page_end(r, NULL);
	json_decref(failures);
	json_decref(contacts);
	web_names_free(&nm);
	return web_done(r);
}

int web_log_form(const struct rd_page_req *q, struct rd_page_resp *r)
{
	return log_render(q, r, NULL, 0);
}

static void put(json_t *o, const char *key, const char *v)
{
	if (!v)
		return;
	for (const char *p = v; *p; p++)
		if (!isspace((unsigned char)*p)) {
			json_t *s = json_string(v);
			json_object_set_new(o, key, s ? s : json_integer(-1));
			return;
		}
}

int web_log_post(const struct rd_page_req *q, struct rd_page_resp *r)
{
	int64_t cid = 0, fid = 0, contact = 0;
	if (!web_parse_id(web_form(q, "client"), &cid))
		return log_render(q, r, "Choose the client.", 422);
	if (web_form_nonempty(q, "failure") && !web_parse_id(web_form(q, "failure"), &fid))
		return log_render(q, r, "The failure must be given by its number.", 422);
	if (web_form_nonempty(q, "contact") && !web_parse_id(web_form(q, "contact"), &contact))
		return log_render(q, r, "Choose the contact from the list.", 422);
	if (!web_form_nonempty(q, "summary"))
		return log_render(q, r, "Write down what was said.", 422);
	json_t *in = json_pack("{sI}", "client", (json_int_t)cid);
	if (fid)
		json_object_set_new(in, "failure", json_integer(fid));
	if (contact)
		json_object_set_new(in, "contact", json_integer(contact));
	put(in, "channel", web_form(q, "channel"));
	put(in, "direction", web_form(q, "direction"));
	put(in, "kind", web_form(q, "kind"));
	put(in, "at", web_form(q, "at"));
	put(in, "visibility", web_form(q, "visibility"));
	put(in, "summary", web_form(q, "summary"));
	put(in, "eta", web_form(q, "eta"));
	put(in, "cause", web_form(q, "cause"));
	put(in, "remedy", web_form(q, "remedy"));
	if (web_form_nonempty(q, "chase"))
		json_object_set_new(in, "chase", json_true());
	int64_t id = 0;
	char *err = NULL;
	enum rd_err rc = rd_comm_log(q->store, q->actor, in, &id, &err);
	json_decref(in);
	if (rc) {
		int ret = log_render(q, r, web_err_text(rc, err, "The note could not be logged."), web_status_for(rc));
		free(err);
		return ret;
	}
	char loc[96];
	if (fid)
		snprintf(loc, sizeof loc, "/failures/%" PRId64 "#comm-%" PRId64, fid, id);
	else
		snprintf(loc, sizeof loc, "/clients/%" PRId64 "#comm-%" PRId64, cid, id);
	if (web_flash_set(r, "Logged: it is on the timeline."))
		return -1;
	return web_redirect(r, loc);
}

/* ---- near misses ---- */

static int near_miss_render(const struct rd_page_req *q, struct rd_page_resp *r, const char *error, int status,
			    bool saved)
{
	json_t *rows = NULL;
	struct web_names nm;
	if (!web_names_ready(q, r, &nm))
		return web_done(r);
	enum rd_err rc = web_list(q->store, "near_miss", NULL, &rows);
	if (rc) {
		web_names_free(&nm);
		return web_read_failed(q, r, rc, "The database could not be read.");
	}
	if (status)
		r->status = status;
	struct rd_buf *b = &r->body;
	json_t *v = error ? q->form : NULL;
#define V(k) json_string_value(json_object_get(v, k))
	web_page_begin(q, r, "Near misses", "near-miss");
	rd_buf_adds(b, "<div class=\"pagehead\"><h1>Near misses</h1><p class=\"muted\">Something almost failed? "
		       "Report it: blameless, and you may stay anonymous.</p></div>\n");
	if (error)
		web_flash_error(b, error);
	if (saved)
		web_flash_notice(b, "Thank you: the near miss is recorded.");
	rd_buf_adds(b, "<form class=\"card form\" method=\"post\" action=\"/near-misses\" id=\"near-miss-form\">");
	web_csrf(b, q);
	rd_buf_adds(b, "<label>What almost happened <input type=\"text\" name=\"title\" id=\"f-title\" required value=\"");
	rd_buf_add_htmls(b, V("title"));
	rd_buf_adds(b, "\"></label><label>Description <textarea name=\"description\" rows=\"4\">");
	rd_buf_add_htmls(b, V("description"));
	rd_buf_adds(b, "</textarea></label><div class=\"grid3\"><label>Services <input type=\"text\" name=\"services\" value=\"");
	rd_buf_add_htmls(b, V("services"));
	rd_buf_adds(b, "\"></label><label>Potential impact <input type=\"text\" name=\"potential_impact\" value=\"");
	rd_buf_add_htmls(b, V("potential_impact"));
	rd_buf_adds(b, "\"></label><label>When (ISO 8601; empty = now) <input type=\"text\" name=\"at\" value=\"");
	rd_buf_add_htmls(b, V("at"));
	rd_buf_adds(b, "\"></label></div><label>Actions taken or proposed <textarea name=\"actions\" rows=\"3\">");
	rd_buf_add_htmls(b, V("actions"));
	web_html(b, "</textarea></label><label class=\"check\"><input type=\"checkbox\" name=\"anonymous\" value=\"1\"%R> "
		    "Report anonymously</label><div class=\"actions\"><button type=\"submit\" id=\"near-miss-submit\">"
		    "Report the near miss</button></div></form>\n", V("anonymous") ? " checked" : "");
#undef V
	rd_buf_adds(b, "<section class=\"card\"><h2>Reported</h2><ul class=\"rows\">\n");
	for (size_t i = json_array_size(rows); i-- > 0;) {
		json_t *n = json_array_get(rows, i);
		web_html(b, "<li class=\"row\"><div><strong>%s</strong><div class=\"meta\">", web_jstr(n, "title"));
		web_time(b, web_jtime(n, "at"), NULL);
		if (web_jstr(n, "services"))
			web_html(b, " · %s", web_jstr(n, "services"));
		web_html(b, " · %s</div>", web_jint(n, "reporter_id") ? web_user_name(&nm, web_jint(n, "reporter_id"))
								   : "anonymous");
		if (web_jstr(n, "potential_impact"))
			web_html(b, "<div>Could have: %s</div>", web_jstr(n, "potential_impact"));
		rd_buf_adds(b, "</div></li>\n");
	}
	if (!json_array_size(rows))
		rd_buf_adds(b, "<li class=\"empty\">None reported.</li>\n");
	rd_buf_adds(b, "</ul></section>\n");
	web_page_end(r, NULL);
	json_decref(rows);
	web_names_free(&nm);
	return web_done(r);
}

int web_near_miss_form(const struct rd_page_req *q, struct rd_page_resp *r)
{
	return near_miss_render(q, r, NULL, 0, web_query(q, "saved") != NULL);
}

int web_near_miss_post(const struct rd_page_req *q, struct rd_page_resp *r)
{
	if (!web_form_nonempty(q, "title"))
		return near_miss_render(q, r, "Say in a few words what almost happened.", 422, false);
	json_t *in = json_object();
	put(in, "title", web_form(q, "title"));
	put(in, "description", web_form(q, "description"));
	put(in, "services", web_form(q, "services"));
	put(in, "potential_impact", web_form(q, "potential_impact"));
	put(in, "actions", web_form(q, "actions"));
	put(in, "at", web_form(q, "at"));
	if (!json_object_get(in, "at"))
		json_object_set_new(in, "at", json_integer(q->now));
	if (!web_form_nonempty(q, "anonymous") && q->actor && q->actor->user_id)
		json_object_set_new(in, "reporter", json_integer(q->actor->user_id));
	char *err = NULL;
	bool anon = false;
	enum rd_err rc = rd_near_miss_report(q->store, q->actor, in, NULL, &anon, &err);
	json_decref(in);
	r->anonymous = anon;
	if (rc) {
		int ret = near_miss_render(q, r, web_err_text(rc, err, "The report could not be saved."), web_status_for(rc), false);
		free(err);
		return ret;
	}
	return web_redirect(r, "/near-misses?saved=1");
}

/* ---- goodwill ---- */

static int goodwill_render(const struct rd_page_req *q, struct rd_page_resp *r, const char *error, int status)
{
	json_t *open = NULL, *done = NULL;
	struct web_names nm;
	if (!web_names_ready(q, r, &nm))
		return web_done(r);
	json_t *f1 = json_pack("{ss}", "status", "proposed"), *f2 = json_pack("{ss}", "status", "approved");
	enum rd_err rc = web_list(q->store, "goodwill", f1, &open);
	if (rc == RD_OK)
		rc = web_list(q->store, "goodwill", f2, &done);
	json_decref(f1);
	json_decref(f2);
	if (rc) { /* "nothing awaits approval" would hide a database error */
		json_decref(open);
		web_names_free(&nm);
		return web_read_failed(q, r, rc, "The database could not be read.");
	}
	if (status)
		r->status = status;
	struct rd_buf *b = &r->body;
	web_page_begin(q, r, "Goodwill", "goodwill");
	rd_buf_adds(b, "<div class=\"pagehead\"><h1>Goodwill</h1><p class=\"muted\">Proposed goodwill waits for a "
		       "manager's approval; approved goodwill waits to be delivered.</p></div>\n");
	if (error)
		web_flash_error(b, error);
	rd_buf_adds(b, "<section class=\"card\" id=\"proposed\"><h2>Awaiting approval</h2><ul class=\"rows\">\n");
	size_t i;
	json_t *g;
	json_array_foreach(open, i, g)
		web_goodwill_row(b, q, &nm, g, "list");
	if (!json_array_size(open))
		rd_buf_adds(b, "<li class=\"empty\">Nothing awaits approval.</li>\n");
	rd_buf_adds(b, "</ul></section>\n<section class=\"card\" id=\"approved\"><h2>Approved, not yet delivered</h2>"
		       "<ul class=\"rows\">\n");
	json_array_foreach(done, i, g)
		web_goodwill_row(b, q, &nm, g, "list");
	if (!json_array_size(done))
		rd_buf_adds(b, "<li class=\"empty\">Nothing to deliver.</li>\n");
	rd_buf_adds(b, "</ul></section>\n");
	web_page_end(r, NULL);
	json_decref(open);
	json_decref(done);
	web_names_free(&nm);
	return web_done(r);
}

int web_goodwill_list(const struct rd_page_req *q, struct rd_page_resp *r)
{
	return goodwill_render(q, r, NULL, 0);
}

int web_goodwill_post(const struct rd_page_req *q, struct rd_page_resp *r)
{
	int64_t gid;
	if (!web_param_id(q, 0, &gid))
		return web_not_found(q, r);
	json_t *g = NULL;
	if (rd_record_get(q->store, "goodwill", gid, &g, NULL) != RD_OK)
		return web_not_found(q, r);
	int64_t fid = web_jint(g, "failure_id"), cid = web_jint(g, "client_id");
	json_decref(g);
	const char *decision = web_form(q, "decision");
	const char *note = web_form_nonempty(q, "note");
	char *err = NULL;
	enum rd_err rc = decision ? rd_goodwill_decide(q->store, q->actor, gid, decision, note, q->now, &err)
				  : rd_fail(RD_EINVAL, &err, "choose a decision");
	if (rc) {
		int ret = goodwill_render(q, r, web_err_text(rc, err, "The decision could not be recorded."), web_status_for(rc));
		free(err);
		return ret;
	}
	/* Back where the decision was taken; only our own paths. */
	const char *back = web_form(q, "back");
	char loc[96];
	if (back && !strcmp(back, "client"))
		snprintf(loc, sizeof loc, "/clients/%" PRId64 "#goodwill-%" PRId64, cid, gid);
	else if (back && !strcmp(back, "list"))
		snprintf(loc, sizeof loc, "/goodwill");
	else
		snprintf(loc, sizeof loc, "/failures/%" PRId64 "#goodwill-%" PRId64, fid, gid);
	char done[96];
	snprintf(done, sizeof done, "Goodwill %s.", decision);
	if (web_flash_set(r, done))
		return -1;
	return web_redirect(r, loc);
}
