/* portal_home.c — the client portal's start page (GET /portal/): the
 * failures that touched this contact's client, where each stands, and
 * whether a survey waits. Also the portal's visibility rule, which every
 * portal page applies (web_pages.h portal_failure_visible).
 *
 * Isolation: every query here is bound to q->portal_client_id; nothing
 * is looked up by a name or id from the request without that bound. */
#include <inttypes.h>
#include <string.h>

#include "redress/model.h"
#include "web_pages.h"

static enum rd_err visible(const struct rd_page_req *q, int64_t fid, bool *yes)
{
	int64_t n = 0;
	*yes = false;
	if (q->portal_client_id <= 0 || fid <= 0)
		return RD_OK;
	enum rd_err rc = rd_store_exec(q->store, &n,
		"SELECT count(*) FROM impacts i WHERE i.failure_id = ?1 AND i.client_id = ?2 AND "
		"(i.affected = 'yes' OR EXISTS (SELECT 1 FROM communications m WHERE m.failure_id = ?1 "
		" AND m.client_id = ?2 AND m.visibility = 'client' AND m.direction = 'out'))",
		"ii", fid, q->portal_client_id);
	*yes = rc == RD_OK && n > 0;
	return rc;
}

bool portal_failure_visible(const struct rd_page_req *q, int64_t fid)
{
	bool yes;
	return visible(q, fid, &yes) == RD_OK && yes;
}

bool portal_failure_gate(const struct rd_page_req *q, struct rd_page_resp *r, int64_t *fid)
{
	bool yes = false;
	if (!web_param_id(q, 0, fid)) {
		web_not_found(q, r);
		return false;
	}
	if (visible(q, *fid, &yes)) {
		web_error_page(q, r, 500, "This page could not be loaded. Please try again later.");
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
	return web_error_page(q, r, 500, "This page could not be loaded. Please try again later.");
}

int portal_home(const struct rd_page_req *q, struct rd_page_resp *r)
{
	enum rd_err crc;
	json_t *c = portal_client(q, &crc), *rows = NULL, *contact = NULL;
	if (!c)
		return portal_no_client(q, r, crc);
	if (web_sql_rows(q->store,
		"SELECT f.id, f.title, f.status, f.detected_at, f.resolved_at, "
		"(SELECT max(at) FROM communications m WHERE m.failure_id = f.id AND m.client_id = ?1 "
		" AND m.visibility = 'client' AND m.direction = 'out') AS last_update, "
		"(SELECT count(*) FROM surveys s WHERE s.failure_id = f.id AND s.client_id = ?1 AND NOT EXISTS "
		" (SELECT 1 FROM survey_answers a WHERE a.survey_id = s.id)) AS open_surveys "
		"FROM failures f JOIN impacts i ON i.failure_id = f.id AND i.client_id = ?1 "
		"WHERE i.affected = 'yes' OR EXISTS (SELECT 1 FROM communications m WHERE m.failure_id = f.id "
		" AND m.client_id = ?1 AND m.visibility = 'client' AND m.direction = 'out') "
		"ORDER BY f.detected_at DESC", "ittiiii", &rows, "i", q->portal_client_id) != RD_OK) {
		json_decref(c);
		return web_error_page(q, r, 500, "This page could not be loaded. Please try again later.");
	}
	if (q->portal_contact_id > 0 &&
	    (crc = rd_record_get(q->store, "contact", q->portal_contact_id, &contact, NULL)) != RD_OK &&
	    crc != RD_ENOTFOUND) {
		json_decref(rows);
		json_decref(c);
		return web_error_page(q, r, 500, "This page could not be loaded. Please try again later.");
	}
	/* a contact of another client would be a core bug: never show its name */
	if (contact && web_jint(contact, "client_id") != q->portal_client_id) {
		json_decref(contact);
		contact = NULL;
	}
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
	json_decref(rows);
	json_decref(contact);
	json_decref(c);
	return web_done(r);
}
