/* portal_home.c — the client portal's start page (GET /portal/): the
 * failures that touched this contact's client, where each stands, and
 * whether a survey waits. Also the gate every portal page that names a
 * failure passes (web_pages.h portal_failure_gate).
 *
 * Isolation is the library's (lib/portal.c): every read goes through
 * rd_portal_* with the request's identity (portal_who). */
#include <inttypes.h>
#include <string.h>

#include "redress/model.h"
#include "redress/portal.h"
#include "web_pages.h"

struct rd_portal_id portal_who(const struct rd_page_req *q)
{
	return (struct rd_portal_id){q->portal_contact_id, q->portal_client_id};
}

bool portal_failure_visible(const struct rd_page_req *q, int64_t fid)
{
	bool yes = false;
	struct rd_portal_id who = portal_who(q);
	return rd_portal_visible(q->store, &who, fid, &yes) == RD_OK && yes;
}

bool portal_failure_gate(const struct rd_page_req *q, struct rd_page_resp *r, int64_t *fid)
{
	bool yes = false;
	if (!web_param_id(q, 0, fid)) {
		web_not_found(q, r);
		return false;
	}
	struct rd_portal_id who = portal_who(q);
	enum rd_err rc = rd_portal_visible(q->store, &who, *fid, &yes);
	if (rc == RD_EPERM) { /* a session whose contact is not its client's */
		web_not_found(q, r);
		return false;
	}
	if (rc) {
		web_read_failed(q, r, rc, "This page could not be loaded. Please try again later.");
		return false;
	}
	if (!yes)
		web_not_found(q, r);
	return yes;
}

json_t *portal_client(const struct rd_page_req *q, enum rd_err *rc)
{
	json_t *c = NULL;
	enum rd_err e = q->portal_client_id <= 0 ? RD_ENOTFOUND
		      : rd_record_get(q->store, "client", q->portal_client_id, &c, NULL);
	if (rc)
		*rc = e;
	return e ? NULL : c;
}

/* The page for a portal request whose client could not be read. */
int portal_no_client(const struct rd_page_req *q, struct rd_page_resp *r, enum rd_err rc)
{
	if (rc == RD_ENOTFOUND)
		return web_not_found(q, r);
	return web_read_failed(q, r, rc, "This page could not be loaded. Please try again later.");
}

int portal_home(const struct rd_page_req *q, struct rd_page_resp *r)
{
	json_t *home = NULL;
	struct rd_portal_id who = portal_who(q);
	enum rd_err rc = rd_portal_home(q->store, &who, &home);
	if (rc)
		return portal_no_client(q, r, rc == RD_EPERM ? RD_ENOTFOUND : rc);
	json_t *c = json_object_get(home, "client"), *rows = json_object_get(home, "failures");
	json_t *contact = json_object_get(home, "contact");
	if (json_is_null(contact))
		contact = NULL;
	const char *tz = web_jstr(c, "tz");
	struct rd_buf *b = &r->body;
	web_portal_begin(q, r, "Your service status", web_jstr(c, "name"));
	web_html(b, "<div class=\"pagehead\"><h1>%R%s</h1>"
		    "<p class=\"muted\">Every service problem that affected %s, what we told you, and what we are doing about it. "
		    "Times are shown in %s.</p></div>\n",
		 contact ? "Hello, " : "Welcome", contact ? web_jstr(contact, "name") : "",
		 web_jstr(c, "name"), tz ? tz : "UTC");
	rd_buf_adds(b, "<section class=\"card\"><h2>Your incidents</h2><ul class=\"rows\">\n");
	size_t i;
	json_t *f;
	json_array_foreach(rows, i, f) {
		const char *st = web_jstr(f, "status");
		bool done = st && (!strcmp(st, "resolved") || !strcmp(st, "closed"));
		web_html(b, q->static_copy_at ? "<li class=\"row\"><div><a href=\"failure-%D.html\"><strong>%s</strong></a><div class=\"meta\">"
			 : "<li class=\"row\"><div><a href=\"/portal/failures/%D\"><strong>%s</strong></a><div class=\"meta\">",
			 web_jint(f, "id"), web_jstr(f, "title"));
		web_badge(b, done ? "green" : "amber", done ? "resolved" : "being fixed");
		rd_buf_adds(b, " started ");
		web_time(b, web_jint(f, "detected_at"), tz);
		if (web_jint(f, "last_update")) {
			rd_buf_adds(b, " · last update ");
			web_time(b, web_jint(f, "last_update"), tz);
		}
		if (web_jint(f, "open_surveys") && !q->static_copy_at)
			rd_buf_adds(b, " · <strong>a short survey awaits you</strong>");
		rd_buf_adds(b, "</div></div></li>\n");
	}
	if (!json_array_size(rows))
		rd_buf_adds(b, "<li class=\"empty\">No service problem has affected you. </li>\n");
	rd_buf_adds(b, "</ul></section>\n");
	web_page_end(r, NULL);
	json_decref(home);
	return web_done(r);
}
