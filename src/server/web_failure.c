/* web_failure.c — the failure list (GET /failures) and the failure room
 * (GET /failures/{id}): one timeline of every communication across
 * channels; each affected client with its own track, obligations,
 * commitments and goodwill; the root cause; the plan with its ETA history
 * and the reasons for every revision. Also the timeline, goodwill and
 * commitment pieces the client page reuses. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "redress/agenda.h"
#include "redress/model.h"
#include "redress/room.h"
#include "redress/views.h"
#include "web_pages.h"
#include "web_act.h"

static const char *sev_class(int64_t sev)
{
	return sev <= 1 ? "red" : sev == 2 ? "amber" : "grey";
}

static void sev_badge(struct rd_buf *b, int64_t sev)
{
	char t[8];
	snprintf(t, sizeof t, "S%" PRId64, sev);
	web_badge(b, sev_class(sev), t);
}

int web_failure_list(const struct rd_page_req *q, struct rd_page_resp *r)
{
	const char *which = web_query(q, "status");
	bool all = which && strcmp(which, "all") == 0;
	json_t *rows = NULL;
	enum rd_err rc = rd_view_failure_list(q->store, all, &rows);
	if (rc)
		return web_read_failed(q, r, rc, "The database could not be read.");
	struct rd_buf *b = &r->body;
	web_page_begin(q, r, "Failures", "failures");
	web_html(b, "<div class=\"pagehead\"><h1>Failures</h1><div class=\"tabs\">"
		    "<a href=\"/failures\"%R>Not closed</a><a href=\"/failures?status=all\"%R>All</a></div></div>\n",
		 all ? "" : " class=\"active\"", all ? " class=\"active\"" : "");
	web_act_failure_list_bar(b, q);
	rd_buf_adds(b, "<section class=\"card\"><table class=\"list\"><thead><tr><th>Failure</th><th>Status</th>"
		       "<th>Detected</th><th>Affected</th><th>Updates</th></tr></thead><tbody>\n");
	size_t i;
	json_t *f;
	json_array_foreach(rows, i, f) {
		rd_buf_adds(b, "<tr><td>");
		sev_badge(b, web_jint(f, "severity"));
		web_html(b, " <a href=\"/failures/%D\">#%D %s</a></td><td>%s</td><td>", web_jint(f, "id"),
			 web_jint(f, "id"), web_jstr(f, "title"), rd_label(web_jstr(f, "status")));
		web_time(b, web_jint(f, "detected_at"), NULL);
		web_html(b, "</td><td>%D</td><td>%D</td></tr>\n", web_jint(f, "affected"), web_jint(f, "comms"));
	}
	if (!json_array_size(rows))
		rd_buf_adds(b, "<tr><td colspan=\"5\" class=\"empty\">No failures.</td></tr>\n");
	rd_buf_adds(b, "</tbody></table></section>\n");
	json_decref(rows);
	web_page_end(r, NULL);
	return web_done(r);
}

/* ---- shared pieces ---- */

void web_comm_entry(struct rd_buf *b, const struct web_names *nm, json_t *c, bool show_client)
{
	const char *dir = web_jstr(c, "direction");
	bool in = dir && strcmp(dir, "in") == 0;
	bool internal = web_jstr(c, "visibility") && strcmp(web_jstr(c, "visibility"), "internal") == 0;
	web_html(b, "<li class=\"tl %R%R\" id=\"comm-%D\"><div class=\"tl-when\">", in ? "in" : "out",
		 internal ? " internal" : "", web_jint(c, "id"));
	json_t *who = web_client(nm, web_jint(c, "client_id"));
	web_time_for(b, web_jtime(c, "at"), who ? web_jstr(who, "tz") : NULL, who ? web_jstr(who, "name") : NULL);
	rd_buf_adds(b, "</div><div class=\"tl-body\"><div class=\"tl-head\">");
	web_html(b, "<span class=\"dir\" title=\"%R\">%R</span> ", in ? "from the client" : "to the client",
		 in ? "←" : "→");
	web_badge(b, "channel", rd_label(web_jstr(c, "channel")));
	web_badge(b, "kind", rd_label(web_jstr(c, "kind")));
	if (internal)
		web_badge(b, "internal", "internal");
	if (json_is_true(json_object_get(c, "chase")))
		web_badge(b, "red", "chase");
	if (show_client)
		web_html(b, " <a href=\"/clients/%D\">%s</a>", web_jint(c, "client_id"),
			 web_client_name(nm, web_jint(c, "client_id")));
	else if (web_jint(c, "failure_id"))
		web_html(b, " <a href=\"/failures/%D\">failure #%D</a>", web_jint(c, "failure_id"),
			 web_jint(c, "failure_id"));
	if (web_jint(c, "author_id"))
		web_html(b, " <span class=\"muted\">by %s</span>", web_user_name(nm, web_jint(c, "author_id")));
	rd_buf_adds(b, "</div>");
	if (web_jstr(c, "summary")) {
		rd_buf_adds(b, "<p>");
		web_text_block(b, web_jstr(c, "summary"));
		rd_buf_adds(b, "</p>");
	}
	if (web_jstr(c, "body")) {
		rd_buf_adds(b, "<details><summary>Full text</summary><div class=\"msgbody\">");
		web_text_block(b, web_jstr(c, "body"));
		rd_buf_adds(b, "</div></details>");
	}
	bool facts = web_jtime(c, "eta") || web_jstr(c, "cause") || web_jstr(c, "remedy") || web_jstr(c, "amount");
	if (facts) {
		rd_buf_adds(b, "<dl class=\"facts\">");
		if (web_jtime(c, "eta")) {
			rd_buf_adds(b, "<dt>ETA stated</dt><dd>");
			web_time(b, web_jtime(c, "eta"), NULL);
			rd_buf_adds(b, "</dd>");
		}
		if (web_jstr(c, "cause"))
			web_html(b, "<dt>Cause stated</dt><dd>%s</dd>", web_jstr(c, "cause"));
		if (web_jstr(c, "remedy"))
			web_html(b, "<dt>Remedy stated</dt><dd>%s</dd>", web_jstr(c, "remedy"));
		if (web_jstr(c, "amount")) {
			rd_buf_adds(b, "<dt>Amount stated</dt><dd>");
			web_money(b, web_jstr(c, "amount"), web_jstr(c, "currency"));
			rd_buf_adds(b, "</dd>");
		}
		rd_buf_adds(b, "</dl>");
	}
	rd_buf_adds(b, "</div></li>\n");
}

static const char *status_class(const char *s)
{
	if (!s)
		return "grey";
	if (!strcmp(s, "kept") || !strcmp(s, "delivered") || !strcmp(s, "done") || !strcmp(s, "approved"))
		return "green";
	if (!strcmp(s, "broken") || !strcmp(s, "declined") || !strcmp(s, "dropped"))
		return "red";
	if (!strcmp(s, "renegotiated") || !strcmp(s, "proposed") || !strcmp(s, "in_progress"))
		return "amber";
	return "grey";
}

void web_goodwill_row(struct rd_buf *b, const struct rd_page_req *q, const struct web_names *nm,
		      json_t *g, const char *back)
{
	const char *st = web_jstr(g, "status");
	web_html(b, "<li class=\"row\" id=\"goodwill-%D\"><div>", web_jint(g, "id"));
	web_badge(b, status_class(st), rd_label(st));
	web_html(b, " <strong>%s</strong> ", rd_label(web_jstr(g, "kind")));
	web_money(b, web_jstr(g, "amount"), web_jstr(g, "currency"));
	web_html(b, " · <a href=\"/clients/%D\">%s</a> · <a href=\"/failures/%D\">failure #%D</a>",
		 web_jint(g, "client_id"), web_client_name(nm, web_jint(g, "client_id")),
		 web_jint(g, "failure_id"), web_jint(g, "failure_id"));
	if (web_jstr(g, "note"))
		web_html(b, "<div class=\"meta\">%s</div>", web_jstr(g, "note"));
	if (web_jint(g, "approver_id"))
		web_html(b, "<div class=\"meta\">approved by %s</div>", web_user_name(nm, web_jint(g, "approver_id")));
	rd_buf_adds(b, "</div>");
	/* Decisions offered by state and role; the library re-checks both. */
	bool proposed = st && !strcmp(st, "proposed"), approved = st && !strcmp(st, "approved");
	enum rd_role role = q->actor ? q->actor->role : RD_ROLE_VIEWER;
	if ((proposed && role >= RD_ROLE_MANAGER) || ((proposed || approved) && role >= RD_ROLE_AGENT)) {
		web_html(b, "<form class=\"inline\" method=\"post\" action=\"/goodwill/%D\">", web_jint(g, "id"));
		web_csrf(b, q);
		web_html(b, "<input type=\"hidden\" name=\"back\" value=\"%s\">", back);
		if (proposed && role >= RD_ROLE_MANAGER)
			rd_buf_adds(b, "<button name=\"decision\" value=\"approved\" class=\"small\">Approve</button>");
		if (approved)
			rd_buf_adds(b, "<button name=\"decision\" value=\"delivered\" class=\"small\">Mark delivered</button>");
		rd_buf_adds(b, "<button name=\"decision\" value=\"declined\" class=\"small secondary\">Decline</button>"
			       "</form>");
	}
	rd_buf_adds(b, "</li>\n");
}

void web_commitment_row(struct rd_buf *b, const struct web_names *nm, json_t *k, bool show_client)
{
	const char *st = web_jstr(k, "status");
	web_html(b, "<li class=\"row\"><div>");
	web_badge(b, status_class(st), rd_label(st));
	web_html(b, " %s", web_jstr(k, "text"));
	rd_buf_adds(b, "<div class=\"meta\">");
	if (web_jtime(k, "due_at")) {
		rd_buf_adds(b, "due ");
		web_time(b, web_jtime(k, "due_at"), NULL);
	}
	if (web_jint(k, "owner_id"))
		web_html(b, " · %s", web_user_name(nm, web_jint(k, "owner_id")));
	if (show_client)
		web_html(b, " · <a href=\"/clients/%D\">%s</a>", web_jint(k, "client_id"),
			 web_client_name(nm, web_jint(k, "client_id")));
	if (web_jstr(k, "note"))
		web_html(b, " · %s", web_jstr(k, "note"));
	rd_buf_adds(b, "</div></div></li>\n");
}

static const char *ob_class(const char *state)
{
	if (!strcmp(state, "overdue"))
		return "red";
	if (!strcmp(state, "late"))
		return "amber";
	if (!strcmp(state, "on_time"))
		return "green";
	return "grey";
}

static bool ob_open(const char *st)
{
	return st && (!strcmp(st, "pending") || !strcmp(st, "overdue"));
}

static void ob_item(struct rd_buf *b, const struct rd_page_req *q, json_t *o, int64_t failure_id,
		    const char *tz, const char *client_name)
{
	const char *st = web_jstr(o, "state");
	int64_t due = web_jtime(o, "due_at");
	char kb[64], cb[32];
	web_html(b, "<li class=\"ob %s\">", st);
	web_badge(b, ob_class(st), rd_label(st));
	web_html(b, " %s <span class=\"muted\">due ", rd_label_key(web_jstr(o, "key"), kb, sizeof kb));
	web_time_for(b, due, tz, client_name);
	if (ob_open(st)) {
		rd_buf_adds(b, " (");
		web_rel(b, due, q->now);
		rd_buf_adds(b, ")");
	}
	const char *ch = web_jstr(o, "channels");
	if (ch && *ch && strcmp(ch, "any"))
		web_html(b, " · by %s", ch);
	rd_buf_adds(b, "</span>");
	if (web_jint(o, "met_by"))
		web_html(b, " <a href=\"/failures/%D#comm-%D\">sent</a>", failure_id, web_jint(o, "met_by"));
	if (web_jstr(o, "closed_by_rule"))
		web_html(b, " <span class=\"muted\">— %s</span>", web_jstr(o, "closed_by_rule"));
	if (web_jint(o, "chases"))
		web_html(b, " <span class=\"red-text\">%s</span>",
			 rd_label_count(web_jint(o, "chases"), "chase", "chases", cb, sizeof cb));
	rd_buf_adds(b, "</li>");
}

/* A track's obligations collapse to its next step (the earliest still
 * pending or overdue) and a count; the whole schedule is one click away
 * in a <details>. */
void web_obligation_list(struct rd_buf *b, const struct rd_page_req *q, json_t *tracks, int64_t failure_id,
			 int64_t client_id)
{
	size_t i, n = 0, open = 0;
	json_t *t, *obs = NULL, *next = NULL;
	const char *tz = NULL, *cname = NULL;
	json_array_foreach(tracks, i, t)
		if (web_jint(t, "failure_id") == failure_id && web_jint(t, "client_id") == client_id) {
			obs = json_object_get(t, "obligations");
			cname = web_jstr(t, "client");
			tz = web_jstr(t, "tz");
		}
	json_t *o;
	json_array_foreach(obs, i, o) {
		if (!web_jstr(o, "state"))
			continue;
		n++;
		if (ob_open(web_jstr(o, "state")) && !open++)
			next = o;
	}
	if (!n) {
		rd_buf_adds(b, "<p class=\"muted\">No obligations on this track.</p>\n");
		return;
	}
	rd_buf_adds(b, "<div class=\"next-step\">");
	if (next) {
		rd_buf_adds(b, "<ol class=\"obligations next\">");
		ob_item(b, q, next, failure_id, tz, cname);
		rd_buf_adds(b, "</ol>");
	} else {
		rd_buf_adds(b, "<p class=\"muted\">Nothing owed now: every step is sent or closed.</p>");
	}
	web_html(b, "</div><details class=\"more\"><summary>%D open · %D in all: the whole schedule</summary>"
		    "<ol class=\"obligations\">", (int64_t)open, (int64_t)n);
	json_array_foreach(obs, i, o)
		if (web_jstr(o, "state"))
			ob_item(b, q, o, failure_id, tz, cname);
	rd_buf_adds(b, "</ol></details>\n");
}

/* The room opens with what a lead needs first: status, the next step due
 * across clients, who is waiting on us, and when each client last heard
 * from us (rd_room_summary). */
static void summary_section(struct rd_buf *b, const struct rd_page_req *q, const struct web_names *nm, int64_t fid)
{
	json_t *sm = NULL;
	char *err = NULL;
	if (rd_room_summary(q->store, fid, q->now, &sm, &err) != RD_OK) {
		web_html(b, "<section class=\"card summary\" id=\"summary\"><p class=\"flash warning\">No summary: %s</p>"
			    "</section>\n", err ? err : "the clock failed");
		free(err);
		return;
	}
	rd_buf_adds(b, "<section class=\"card summary\" id=\"summary\"><h2>Summary</h2><dl>");
	web_html(b, "<dt>Status</dt><dd id=\"summary-status\">%s</dd><dt>Next step due</dt><dd id=\"summary-next\">",
		 web_jstr(sm, "status_label"));
	json_t *next = json_object_get(sm, "next");
	if (json_is_object(next)) {
		json_t *cl = web_client(nm, web_jint(next, "client_id"));
		web_html(b, "%s for <a href=\"#track-%D\">%s</a>, due ", web_jstr(next, "label"), web_jint(next, "client_id"),
			 web_jstr(next, "client"));
		web_time_for(b, web_jtime(next, "due_at"), cl ? web_jstr(cl, "tz") : NULL, web_jstr(next, "client"));
		rd_buf_adds(b, " (");
		web_rel(b, web_jtime(next, "due_at"), q->now);
		rd_buf_adds(b, ")");
		if (!strcmp(web_jstr(next, "state") ? web_jstr(next, "state") : "", "overdue"))
			web_badge(b, "red", "overdue");
	} else {
		rd_buf_adds(b, "nothing owed now");
	}
	rd_buf_adds(b, "</dd><dt>Clients waiting</dt><dd id=\"summary-waiting\">");
	json_t *w = json_object_get(sm, "waiting"), *x;
	size_t i;
	if (!json_array_size(w))
		rd_buf_adds(b, "none");
	json_array_foreach(w, i, x)
		web_html(b, "%R<a href=\"#track-%D\">%s</a> <span class=\"muted\">(%s)</span>", i ? ", " : "",
			 web_jint(x, "client_id"), web_jstr(x, "client"), web_jstr(x, "reason"));
	rd_buf_adds(b, "</dd></dl>\n<table class=\"list\" id=\"summary-clients\"><thead><tr><th>Client</th>"
		       "<th>Last update sent</th><th>Next step</th><th>Open</th></tr></thead><tbody>\n");
	json_array_foreach(json_object_get(sm, "clients"), i, x) {
		web_html(b, "<tr data-client=\"%D\"><td><a href=\"#track-%D\">%s</a></td><td>", web_jint(x, "client_id"),
			 web_jint(x, "client_id"), web_jstr(x, "client"));
		if (web_jtime(x, "last_update_at")) {
			web_html(b, "%s, ", rd_label(web_jstr(x, "last_update_kind")));
			web_time_for(b, web_jtime(x, "last_update_at"), web_jstr(x, "tz"), web_jstr(x, "client"));
			rd_buf_adds(b, " (");
			web_rel(b, web_jtime(x, "last_update_at"), q->now);
			rd_buf_adds(b, ")");
		} else {
			rd_buf_adds(b, "<span class=\"red-text\">nothing yet</span>");
		}
		rd_buf_adds(b, "</td><td>");
		json_t *nx = json_object_get(x, "next");
		if (json_is_object(nx)) {
			web_html(b, "%s, ", web_jstr(nx, "label"));
			web_rel(b, web_jtime(nx, "due_at"), q->now);
		} else {
			rd_buf_adds(b, "—");
		}
		web_html(b, "</td><td>%D</td></tr>\n", web_jint(x, "open"));
	}
	rd_buf_adds(b, "</tbody></table></section>\n");
	json_decref(sm);
}

/* ---- the room ---- */

static void header(struct rd_buf *b, const struct rd_page_req *q, const struct web_names *nm, json_t *f)
{
	int64_t id = web_jint(f, "id");
	rd_buf_adds(b, "<div class=\"pagehead\"><div class=\"crumbs\"><a href=\"/failures\">Failures</a></div><h1>");
	sev_badge(b, web_jint(f, "severity"));
	web_html(b, " %s <span class=\"muted\">#%D</span></h1>\n", web_jstr(f, "title"), id);
	rd_buf_adds(b, "<div class=\"meta\">");
	web_badge(b, "status", rd_label(web_jstr(f, "status")));
	rd_buf_adds(b, " detected ");
	web_time(b, web_jtime(f, "detected_at"), NULL);
	rd_buf_adds(b, " (");
	web_rel(b, web_jtime(f, "detected_at"), q->now);
	rd_buf_adds(b, ")");
	if (web_jtime(f, "resolved_at")) {
		rd_buf_adds(b, " · resolved ");
		web_time(b, web_jtime(f, "resolved_at"), NULL);
	}
	if (web_jint(f, "lead_id"))
		web_html(b, " · lead %s", web_user_name(nm, web_jint(f, "lead_id")));
	if (web_jint(f, "reopened"))
		web_html(b, " · <span class=\"red-text\">reopened %D×</span>", web_jint(f, "reopened"));
	json_t *svc = json_object_get(f, "services");
	if (json_array_size(svc)) {
		rd_buf_adds(b, " · services: ");
		size_t i;
		json_t *s;
		json_array_foreach(svc, i, s)
			web_html(b, "%R%s", i ? ", " : "", json_string_value(s));
	}
	rd_buf_adds(b, "</div>\n");
	if (q->actor && q->actor->role >= RD_ROLE_AGENT)
		web_html(b, "<div class=\"actions\"><a class=\"button\" href=\"/compose?failure=%D\">Compose a message</a>"
			    "<a class=\"button secondary\" href=\"/log?failure=%D\">Log a call or note</a></div>\n", id, id);
	rd_buf_adds(b, "</div>\n");
	if (web_jstr(f, "description"))
		web_html(b, "<p class=\"lead\">%s</p>\n", web_jstr(f, "description"));
	summary_section(b, q, nm, id);
	rd_buf_adds(b, "<section class=\"card\" id=\"disclosure\"><h2>Disclosure decision</h2>");
	if (web_jstr(f, "disclosure")) {
		web_html(b, "<p>%s</p><p class=\"meta\">decided by %s, ", web_jstr(f, "disclosure"),
			 web_user_name(nm, web_jint(f, "disclosure_by")));
		web_time(b, web_jtime(f, "disclosure_at"), NULL);
		rd_buf_adds(b, "</p>");
	} else {
		rd_buf_adds(b, "<p class=\"flash warning\">No disclosure decision yet: agree what may be told "
			       "before detailed updates go out.</p>");
	}
	rd_buf_adds(b, "</section>\n");
}

static void clients_section(struct rd_buf *b, const struct rd_page_req *q, const struct web_names *nm,
			    json_t *f, json_t *obs, const char *clock_err)
{
	int64_t fid = web_jint(f, "id");
	json_t *impacts = json_object_get(f, "impacts");
	rd_buf_adds(b, "<section class=\"card\" id=\"clients\"><h2>Affected clients</h2>\n");
	if (clock_err)
		web_html(b, "<p class=\"flash warning\">Obligations unavailable: %s</p>\n", clock_err);
	rd_buf_adds(b, "<div class=\"tracks\">\n");
	size_t i, suspected = 0;
	json_t *im;
	json_array_foreach(impacts, i, im) {
		const char *aff = web_jstr(im, "affected");
		if (!aff || strcmp(aff, "yes") != 0) {
			suspected++;
			continue;
		}
		int64_t cid = web_jint(im, "client_id");
		json_t *cl = web_client(nm, cid);
		web_html(b, "<article class=\"track\" id=\"track-%D\"><h3><a href=\"/clients/%D\">%s</a> ", cid, cid,
			 web_client_name(nm, cid));
		if (web_jstr(cl, "tier") && !strcmp(web_jstr(cl, "tier"), "key"))
			web_badge(b, "key", "key");
		if (web_jstr(cl, "risk") && !strcmp(web_jstr(cl, "risk"), "elevated"))
			web_badge(b, "red", "elevated risk");
		rd_buf_adds(b, "</h3><div class=\"meta\">");
		web_badge(b, "status", rd_label(web_jstr(im, "recovery_status")));
		if (web_jint(im, "severity"))
			web_html(b, " impact S%D", web_jint(im, "severity"));
		web_html(b, " · point person %s</div>\n", web_user_name(nm, web_jint(im, "point_person_id")));
		static const char *const dims[] = {"operational", "reputational", "compliance", "data"};
		rd_buf_adds(b, "<dl class=\"facts\">");
		for (size_t d = 0; d < 4; d++)
			if (web_jstr(im, dims[d]))
				web_html(b, "<dt>%s</dt><dd>%s</dd>", dims[d], web_jstr(im, dims[d]));
		if (web_jstr(im, "financial")) {
			rd_buf_adds(b, "<dt>financial</dt><dd>");
			web_money(b, web_jstr(im, "financial"), web_jstr(cl, "currency"));
			rd_buf_adds(b, "</dd>");
		}
		rd_buf_adds(b, "</dl>\n<h4>Obligations</h4>\n");
		if (obs)
			web_obligation_list(b, q, obs, fid, cid);
		size_t k;
		json_t *x;
		int nk = 0;
		json_array_foreach(json_object_get(f, "commitments"), k, x) {
			if (web_jint(x, "client_id") != cid)
				continue;
			if (!nk++)
				rd_buf_adds(b, "<h4>Commitments</h4><ul class=\"rows\">");
			web_commitment_row(b, nm, x, false);
		}
		if (nk)
			rd_buf_adds(b, "</ul>\n");
		if (q->actor && q->actor->role >= RD_ROLE_AGENT)
			web_html(b, "<div class=\"actions\"><a class=\"button small\" href=\"/compose?failure=%D&amp;client=%D\">"
				    "Compose</a><a class=\"button small secondary\" href=\"/log?failure=%D&amp;client=%D\">"
				    "Log a call</a></div>\n", fid, cid, fid, cid);
		rd_buf_adds(b, "</article>\n");
	}
	rd_buf_adds(b, "</div>\n");
	if (suspected) {
		char cnt[48];
		web_html(b, "<details><summary>%s suspected or not affected</summary><ul class=\"plain\">",
			 rd_label_count((int64_t)suspected, "client", "clients", cnt, sizeof cnt));
		json_array_foreach(impacts, i, im) {
			const char *aff = web_jstr(im, "affected");
			if (aff && !strcmp(aff, "yes"))
				continue;
			web_html(b, "<li><a href=\"/clients/%D\">%s</a> <span class=\"muted\">%s</span></li>",
				 web_jint(im, "client_id"), web_client_name(nm, web_jint(im, "client_id")), aff);
		}
		rd_buf_adds(b, "</ul></details>\n");
	}
	rd_buf_adds(b, "</section>\n");
}

static void timeline_section(struct rd_buf *b, const struct web_names *nm, json_t *f)
{
	json_t *comms = json_object_get(f, "communications");
	web_html(b, "<section class=\"card\" id=\"timeline\"><h2>Timeline <span class=\"muted\">%D "
		    "communications, every channel</span></h2>\n<ol class=\"timeline\">\n",
		 (int64_t)json_array_size(comms));
	size_t i;
	json_t *c;
	json_array_foreach(comms, i, c)
		web_comm_entry(b, nm, c, true);
	if (!json_array_size(comms))
		rd_buf_adds(b, "<li class=\"empty\">Nothing communicated yet.</li>\n");
	rd_buf_adds(b, "</ol></section>\n");
}

static void rca_section(struct rd_buf *b, json_t *f)
{
	json_t *rca = json_object_get(f, "rca");
	rd_buf_adds(b, "<section class=\"card\" id=\"rca\"><h2>Root cause</h2>\n");
	if (!json_is_object(rca)) {
		rd_buf_adds(b, "<p class=\"empty\">No root-cause analysis recorded yet.</p></section>\n");
		return;
	}
	if (web_jstr(rca, "category")) {
		rd_buf_adds(b, "<p>Category: ");
		web_badge(b, "kind", rd_label(web_jstr(rca, "category")));
		rd_buf_adds(b, "</p>");
	}
	json_t *whys = json_object_get(rca, "whys");
	if (json_array_size(whys)) {
		rd_buf_adds(b, "<h4>Chain of whys</h4><ol class=\"whys\">");
		size_t i;
		json_t *w;
		json_array_foreach(whys, i, w)
			web_html(b, "<li>%s</li>", json_string_value(w));
		rd_buf_adds(b, "</ol>");
	}
	if (web_jstr(rca, "contributing"))
		web_html(b, "<h4>Contributing factors</h4><p>%s</p>", web_jstr(rca, "contributing"));
	if (web_jstr(rca, "findings"))
		web_html(b, "<h4>Internal findings</h4><p>%s</p>", web_jstr(rca, "findings"));
	if (web_jstr(rca, "client_explanation"))
		web_html(b, "<h4>For clients</h4><blockquote>%s</blockquote>", web_jstr(rca, "client_explanation"));
	rd_buf_adds(b, "</section>\n");
}

static void plan_section(struct rd_buf *b, const struct web_names *nm, json_t *f)
{
	json_t *acts = json_object_get(f, "plan_actions"), *etas = json_object_get(f, "eta_revisions");
	rd_buf_adds(b, "<section class=\"card\" id=\"plan\"><h2>Recovery plan</h2>\n");
	if (json_array_size(acts)) {
		rd_buf_adds(b, "<table class=\"list\"><thead><tr><th>Action</th><th>Owner</th><th>Due</th>"
			       "<th>Status</th></tr></thead><tbody>\n");
		size_t i;
		json_t *a;
		json_array_foreach(acts, i, a) {
			web_html(b, "<tr><td><span class=\"muted\">%s</span> %s", rd_label(web_jstr(a, "kind")),
				 web_jstr(a, "description"));
			if (web_jint(a, "client_id"))
				web_html(b, " <span class=\"muted\">(for %s)</span>", web_client_name(nm, web_jint(a, "client_id")));
			if (web_jstr(a, "success_criterion"))
				web_html(b, "<div class=\"meta\">success: %s</div>", web_jstr(a, "success_criterion"));
			if (web_jstr(a, "evidence"))
				web_html(b, "<div class=\"meta\">evidence: %s</div>", web_jstr(a, "evidence"));
			web_html(b, "</td><td>%s</td><td>", web_user_name(nm, web_jint(a, "owner_id")));
			web_time(b, web_jtime(a, "due_at"), NULL);
			rd_buf_adds(b, "</td><td>");
			web_badge(b, status_class(web_jstr(a, "status")), rd_label(web_jstr(a, "status")));
			rd_buf_adds(b, "</td></tr>\n");
		}
		rd_buf_adds(b, "</tbody></table>\n");
	} else {
		rd_buf_adds(b, "<p class=\"empty\">No plan actions yet.</p>\n");
	}
	rd_buf_adds(b, "<h3 id=\"eta\">ETA history</h3>\n");
	if (json_array_size(etas)) {
		rd_buf_adds(b, "<ol class=\"etas\">\n");
		size_t i;
		json_t *e;
		json_array_foreach(etas, i, e) {
			rd_buf_adds(b, "<li><strong>");
			web_time(b, web_jtime(e, "eta"), NULL);
			rd_buf_adds(b, "</strong> <span class=\"muted\">set ");
			web_time(b, web_jtime(e, "at"), NULL);
			if (web_jint(e, "client_id"))
				web_html(b, " for %s", web_client_name(nm, web_jint(e, "client_id")));
			rd_buf_adds(b, "</span> ");
			web_badge(b, json_is_true(json_object_get(e, "clients_told")) ? "green" : "amber",
				  json_is_true(json_object_get(e, "clients_told")) ? "clients told" : "not told yet");
			web_html(b, "<div class=\"reason\">%s</div></li>\n", web_jstr(e, "reason"));
		}
		rd_buf_adds(b, "</ol>\n");
	} else {
		rd_buf_adds(b, "<p class=\"empty\">No ETA given yet.</p>\n");
	}
	rd_buf_adds(b, "</section>\n");
}

static void goodwill_section(struct rd_buf *b, const struct rd_page_req *q, const struct web_names *nm,
			     json_t *f)
{
	json_t *gw = json_object_get(f, "goodwill");
	rd_buf_adds(b, "<section class=\"card\" id=\"goodwill\"><h2>Goodwill</h2>\n");
	if (json_array_size(gw)) {
		rd_buf_adds(b, "<ul class=\"rows\">\n");
		size_t i;
		json_t *g;
		json_array_foreach(gw, i, g)
			web_goodwill_row(b, q, nm, g, "failure");
		rd_buf_adds(b, "</ul>\n");
	} else {
		rd_buf_adds(b, "<p class=\"empty\">No goodwill proposed.</p>\n");
	}
	rd_buf_adds(b, "</section>\n");
}

int web_failure_room(const struct rd_page_req *q, struct rd_page_resp *r)
{
	int64_t fid;
	if (!web_param_id(q, 0, &fid))
		return web_not_found(q, r);
	json_t *f = NULL;
	enum rd_err rc = rd_failure_show(q->store, fid, &f, NULL);
	if (rc == RD_ENOTFOUND)
		return web_not_found(q, r);
	if (rc)
		return web_read_failed(q, r, rc, "The failure could not be read.");
	struct web_names nm;
	if (!web_names_ready(q, r, &nm)) {
		json_decref(f);
		return web_done(r);
	}
	json_t *obs = NULL;
	char *clock_err = NULL;
	if (rd_obligations_json(q->store, fid, 0, q->now, &obs, &clock_err) != RD_OK && !clock_err)
		clock_err = strdup("the clock failed");
	struct rd_buf *b = &r->body;
	char title[200];
	snprintf(title, sizeof title, "#%" PRId64 " %s", fid, web_jstr(f, "title") ? web_jstr(f, "title") : "");
	web_page_begin(q, r, title, "failures");
	header(b, q, &nm, f);
	web_act_failure_panel(b, q, &nm, f, obs);
	rd_buf_adds(b, "<nav class=\"subnav\"><a href=\"#clients\">Clients</a><a href=\"#timeline\">Timeline</a>"
		       "<a href=\"#rca\">Root cause</a><a href=\"#plan\">Plan &amp; ETA</a>"
		       "<a href=\"#goodwill\">Goodwill</a></nav>\n<div class=\"room\">\n");
	clients_section(b, q, &nm, f, obs, clock_err);
	timeline_section(b, &nm, f);
	rca_section(b, f);
	plan_section(b, &nm, f);
	goodwill_section(b, q, &nm, f);
	rd_buf_adds(b, "</div>\n");
	web_page_end(r, NULL);
	free(clock_err);
	json_decref(obs);
	json_decref(f);
	web_names_free(&nm);
	return web_done(r);
}
