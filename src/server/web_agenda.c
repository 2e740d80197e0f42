/* web_agenda.c — the home page (GET /): today's agenda. Communications the
 * clock says are overdue (red) or due soon, most urgent first across owners
 * (rd_agenda_sort_urgency; `?group=owner` groups them per owner, `?owner=me`
 * keeps the viewer's, tiles counting what the list shows); the questions
 * clients are waiting on, each with a Reply; then the promises (commitments,
 * plan actions) falling due; then the open failures. An agent starts the
 * day here and ends it with an empty list. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "redress/model.h"
#include "redress/agenda.h"
#include "redress/room.h"
#include "redress/views.h"
#include "web_layout.h"

#define PROMISE_HORIZON (2 * 86400)

/* Distinct owners (by email, "" for none) in first-seen order, with the
 * viewer first. */
static json_t *owner_order(json_t *items, const char *owner_key, const char *me)
{
	json_t *order = json_array();
	size_t i;
	json_t *it;
	json_array_foreach(items, i, it) {
		const char *o = web_jstr(it, owner_key);
		if (me && o && !strcasecmp(o, me)) {
			json_array_append_new(order, json_string(me));
			break;
		}
	}
	json_array_foreach(items, i, it) {
		const char *o = web_jstr(it, owner_key);
		bool seen = false;
		size_t k;
		json_t *v;
		json_array_foreach(order, k, v)
			if (!strcasecmp(json_string_value(v), o ? o : ""))
				seen = true;
		if (!seen)
			json_array_append_new(order, json_string(o ? o : ""));
	}
	return order;
}

static bool same_owner(json_t *it, const char *key, const char *owner)
{
	const char *o = web_jstr(it, key);
	return !strcasecmp(o ? o : "", owner);
}

static void owner_heading(struct rd_buf *b, const struct web_names *nm, const char *owner, const char *me)
{
	if (!*owner) {
		rd_buf_adds(b, "<h3 class=\"owner\">No owner assigned</h3>\n");
		return;
	}
	json_t *u = web_user_by_email(nm, owner);
	web_html(b, "<h3 class=\"owner\">%s%R</h3>\n", u ? web_jstr(u, "name") : owner,
		 me && !strcasecmp(owner, me) ? " <span class=\"muted\">(you)</span>" : "");
}

/* One agenda row: what is due, for whom, when (the viewer's time, the
 * client's on hover), and a Compose button. OWNER_NAME, when not NULL, is
 * shown (the ungrouped view says whose it is). */
static void agenda_item(struct rd_buf *b, const struct rd_page_req *q, const struct web_names *nm, json_t *o,
			const char *owner_name)
{
	bool overdue = web_jstr(o, "state") && !strcmp(web_jstr(o, "state"), "overdue");
	int64_t fid = web_jint(o, "failure_id"), cid = web_jint(o, "client_id");
	int64_t due = web_jtime(o, "due_at");
	json_t *cl = web_client(nm, cid);
	char kb[64], cb[32];
	web_html(b, "<li class=\"item %R\" data-client=\"%D\" data-failure=\"%D\"><div class=\"what\">",
		 overdue ? "overdue" : "soon", cid, fid);
	web_badge(b, overdue ? "red" : "amber", overdue ? "overdue" : "due soon");
	web_html(b, " <strong>%s</strong> — <a href=\"/clients/%D\">%s</a>",
		 rd_label_key(web_jstr(o, "key"), kb, sizeof kb), cid, web_jstr(o, "client"));
	if (web_jstr(o, "tier") && strcmp(web_jstr(o, "tier"), "key") == 0)
		web_badge(b, "key", "key client");
	web_html(b, " <span class=\"muted\">· <a href=\"/failures/%D\">#%D %s</a> · severity %D</span>", fid, fid,
		 web_jstr(o, "failure"), web_jint(o, "severity"));
	rd_buf_adds(b, "</div><div class=\"meta\">due ");
	web_time_for(b, due, cl ? web_jstr(cl, "tz") : NULL, web_jstr(o, "client"));
	rd_buf_adds(b, " (");
	web_rel(b, due, q->now);
	rd_buf_adds(b, ")");
	const char *ch = web_jstr(o, "channels");
	if (ch && *ch && strcmp(ch, "any"))
		web_html(b, " · by %s", ch);
	if (owner_name)
		web_html(b, " · <span class=\"owner-name\">%s</span>", owner_name);
	if (web_jint(o, "escalation") >= 2)
		rd_buf_adds(b, " · <span class=\"red-text\">escalated to the manager</span>");
	if (web_jint(o, "chases") > 0)
		web_html(b, " · <span class=\"red-text\">%s</span>",
			 rd_label_count(web_jint(o, "chases"), "chase", "chases", cb, sizeof cb));
	web_html(b, "</div><a class=\"button small\" href=\"/compose?kind=%U&amp;client=%D&amp;failure=%D\">"
		    "Compose</a></li>\n", web_jstr(o, "kind"), cid, fid);
}

static const char *owner_display(const struct web_names *nm, const char *owner)
{
	if (!owner || !*owner)
		return "No owner";
	json_t *u = web_user_by_email(nm, owner);
	return u && web_jstr(u, "name") ? web_jstr(u, "name") : owner;
}

/* OBS: the rows this page lists (already filtered to the viewer's when
 * "Mine", promises left out); GROUPED: per owner, else by urgency. */
static void obligations_section(struct rd_buf *b, const struct rd_page_req *q, const struct web_names *nm,
				json_t *obs, bool grouped)
{
	const char *me = q->actor ? web_jstr(web_user(nm, q->actor->user_id), "email") : NULL;
	rd_buf_adds(b, "<section class=\"card\" id=\"due\"><h2>Communications due</h2>\n");
	size_t i;
	json_t *o;
	if (!grouped) {
		rd_buf_adds(b, "<p class=\"muted\">Most urgent first: overdue before due soon; key clients and "
			       "severity 1 first; then escalated, more severe, longest overdue. "
			       "<a href=\"/?group=owner\">Group by owner</a></p>\n<ul class=\"agenda\" id=\"agenda-list\">\n");
		json_array_foreach(obs, i, o)
			agenda_item(b, q, nm, o, owner_display(nm, web_jstr(o, "owner")));
		rd_buf_adds(b, "</ul>\n");
	} else {
		rd_buf_adds(b, "<p class=\"muted\">Per owner, each most urgent first. "
			       "<a href=\"/\">One list by urgency</a></p>\n");
		json_t *order = owner_order(obs, "owner", me);
		size_t k;
		json_t *ov;
		json_array_foreach(order, k, ov) {
			const char *owner = json_string_value(ov);
			owner_heading(b, nm, owner, me);
			rd_buf_adds(b, "<ul class=\"agenda\">\n");
			json_array_foreach(obs, i, o)
				if (same_owner(o, "owner", owner))
					agenda_item(b, q, nm, o, NULL);
			rd_buf_adds(b, "</ul>\n");
		}
		json_decref(order);
	}
	if (!json_array_size(obs))
		rd_buf_adds(b, "<p class=\"empty\">Nothing overdue or due soon. No client is waiting on us.</p>\n");
	rd_buf_adds(b, "</section>\n");
}

/* A section whose read failed: its heading and a warning that says so,
 * never an absent or empty section that would read as "nothing due". */
static void unreadable(struct rd_buf *b, const char *id, const char *title)
{
	web_html(b, "<section class=\"card\" id=\"%s\"><h2>%s</h2>\n<p class=\"flash warning\">This list is "
		    "unavailable: the database could not be read. Reload the page in a moment.</p></section>\n",
		 id, title);
}

/* Questions clients asked (portal, or a chase by email) that no message
 * has answered yet: one card each, with the question and a Reply that
 * opens the composer for that failure and client. */
static void questions_section(struct rd_buf *b, const struct rd_page_req *q, const struct web_names *nm,
			      int64_t owner_id)
{
	json_t *rows = NULL;
	if (rd_room_questions(q->store, owner_id, &rows, NULL) != RD_OK) {
		unreadable(b, "questions", "Questions waiting for an answer");
		return;
	}
	rd_buf_adds(b, "<section class=\"card\" id=\"questions\"><h2>Questions waiting for an answer</h2>\n");
	if (!json_array_size(rows)) {
		rd_buf_adds(b, "<p class=\"empty\">No client question is waiting.</p></section>\n");
		json_decref(rows);
		return;
	}
	rd_buf_adds(b, "<div class=\"questions\">\n");
	size_t i;
	json_t *r;
	json_array_foreach(rows, i, r) {
		int64_t cid = web_jint(r, "client_id"), fid = web_jint(r, "failure_id");
		json_t *cl = web_client(nm, cid);
		web_html(b, "<article class=\"question\" data-client=\"%D\" data-failure=\"%D\"><div>"
			    "<a href=\"/clients/%D\"><strong>%s</strong></a> ", cid, fid, cid, web_jstr(r, "client"));
		if (web_jstr(r, "tier") && !strcmp(web_jstr(r, "tier"), "key"))
			web_badge(b, "key", "key client");
		web_html(b, " <span class=\"muted\">asked by %s · ", rd_label(web_jstr(r, "channel")));
		web_time_for(b, web_jtime(r, "at"), cl ? web_jstr(cl, "tz") : NULL, web_jstr(r, "client"));
		rd_buf_adds(b, " (");
		web_rel(b, web_jtime(r, "at"), q->now);
		web_html(b, ") · <a href=\"/failures/%D\">#%D %s</a></span></div>\n<blockquote>", fid, fid,
			 web_jstr(r, "failure"));
		web_text_block(b, web_jstr(r, "question"));
		web_html(b, "</blockquote><a class=\"button small reply\" href=\"/compose?kind=other&amp;client=%D"
			    "&amp;failure=%D\">Reply</a></article>\n", cid, fid);
	}
	rd_buf_adds(b, "</div></section>\n");
	json_decref(rows);
}

/* Shown when the clock cannot be asked: what the library knows for sure. */
static void tracks_fallback(struct rd_buf *b, const struct rd_page_req *q, const struct web_names *nm,
			    const char *why)
{
	json_t *rows = NULL;
	web_html(b, "<section class=\"card\" id=\"due\"><h2>Open tracks</h2>\n"
		    "<p class=\"flash warning\">The communication clock is unavailable (%s), so due times are "
		    "not shown. Listed: every affected client of a failure that is not closed, with "
		    "its recovery status and last outbound update.</p>\n", why);
	if (rd_view_open_tracks(q->store, &rows) == RD_OK) {
		rd_buf_adds(b, "<ul class=\"agenda\">\n");
		size_t i;
		json_t *r;
		json_array_foreach(rows, i, r) {
			const char *st = web_jstr(r, "st");
			bool waiting = st && strcmp(st, "awaiting-apology") == 0;
			web_html(b, "<li class=\"item%R\"><div class=\"what\">", waiting ? " overdue" : "");
			web_badge(b, waiting ? "red" : "grey", rd_label(st));
			web_html(b, " <a href=\"/clients/%D\">%s</a> · <a href=\"/failures/%D\">failure #%D</a>"
				    "</div><div class=\"meta\">last update sent ", web_jint(r, "c"), web_client_name(nm, web_jint(r, "c")),
				 web_jint(r, "f"), web_jint(r, "f"));
			if (web_jint(r, "last_out"))
				web_rel(b, web_jint(r, "last_out"), q->now);
			else
				rd_buf_adds(b, "never");
			rd_buf_adds(b, "</div></li>\n");
		}
		rd_buf_adds(b, "</ul>\n");
	} else {
		rd_buf_adds(b, "<p class=\"flash warning\">The open tracks could not be read either.</p>\n");
	}
	json_decref(rows);
	rd_buf_adds(b, "</section>\n");
}

static void promises_section(struct rd_buf *b, const struct rd_page_req *q, const struct web_names *nm,
			     bool mine)
{
	json_t *rows = NULL;
	const char *me = q->actor ? web_jstr(web_user(nm, q->actor->user_id), "email") : NULL;
	/* commitments and plan actions, one list: what we promised, by when */
	if (rd_view_promises_due(q->store, q->now + PROMISE_HORIZON, &rows) != RD_OK) {
		unreadable(b, "promises", "Promises falling due");
		return;
	}
	rd_buf_adds(b, "<section class=\"card\" id=\"promises\"><h2>Promises falling due</h2>\n"
		       "<p class=\"muted\">Open commitments and plan actions: overdue, and due within 48 h.</p>\n");
	json_t *order = owner_order(rows, "owner", me);
	size_t shown = 0, k;
	json_t *ov;
	json_array_foreach(order, k, ov) {
		const char *owner = json_string_value(ov);
		if (mine && !(me && !strcasecmp(owner, me)))
			continue;
		owner_heading(b, nm, owner, me);
		rd_buf_adds(b, "<ul class=\"agenda\">\n");
		size_t i;
		json_t *r;
		json_array_foreach(rows, i, r) {
			if (!same_owner(r, "owner", owner))
				continue;
			shown++;
			bool overdue = web_jint(r, "due") < q->now;
			web_html(b, "<li class=\"item %R\"><div class=\"what\">", overdue ? "overdue" : "soon");
			web_badge(b, overdue ? "red" : "amber", overdue ? "overdue" : "due soon");
			web_html(b, " <span class=\"muted\">%s</span> %s", web_jstr(r, "what"), web_jstr(r, "text"));
			rd_buf_adds(b, "</div><div class=\"meta\">due ");
			web_time(b, web_jint(r, "due"), NULL);
			rd_buf_adds(b, " (");
			web_rel(b, web_jint(r, "due"), q->now);
			rd_buf_adds(b, ")");
			if (web_jint(r, "client"))
				web_html(b, " · <a href=\"/clients/%D\">%s</a>", web_jint(r, "client"),
					 web_client_name(nm, web_jint(r, "client")));
			if (web_jint(r, "failure"))
				web_html(b, " · <a href=\"/failures/%D\">failure #%D</a>", web_jint(r, "failure"),
					 web_jint(r, "failure"));
			rd_buf_adds(b, "</div></li>\n");
		}
		rd_buf_adds(b, "</ul>\n");
	}
	if (!shown)
		rd_buf_adds(b, "<p class=\"empty\">No promise is due in the next 48 hours.</p>\n");
	rd_buf_adds(b, "</section>\n");
	json_decref(order);
	json_decref(rows);
}

static void failures_section(struct rd_buf *b, const struct rd_page_req *q)
{
	json_t *rows = NULL;
	if (rd_view_open_failures(q->store, &rows) != RD_OK) {
		unreadable(b, "open-failures", "Failures not closed");
		return;
	}
	rd_buf_adds(b, "<section class=\"card\" id=\"open-failures\"><h2>Failures not closed</h2>\n<ul class=\"plain\">\n");
	size_t i;
	json_t *r;
	json_array_foreach(rows, i, r) {
		char sev[8];
		snprintf(sev, sizeof sev, "S%" PRId64, web_jint(r, "severity"));
		web_html(b, "<li>");
		web_badge(b, web_jint(r, "severity") <= 1 ? "red" : web_jint(r, "severity") == 2 ? "amber" : "grey", sev);
		web_html(b, " <a href=\"/failures/%D\">%s</a> <span class=\"muted\">· %s · %D affected · detected ",
			 web_jint(r, "id"), web_jstr(r, "title"), rd_label(web_jstr(r, "status")), web_jint(r, "affected"));
		web_rel(b, web_jint(r, "detected_at"), q->now);
		rd_buf_adds(b, "</span></li>\n");
	}
	if (!json_array_size(rows))
		rd_buf_adds(b, "<li class=\"empty\">None.</li>\n");
	rd_buf_adds(b, "</ul></section>\n");
	json_decref(rows);
}

int web_agenda(const struct rd_page_req *q, struct rd_page_resp *r)
{
	struct web_names nm;
	if (!web_names_ready(q, r, &nm))
		return web_done(r);
	const char *who = web_query(q, "owner"), *group = web_query(q, "group");
	bool mine = who && strcmp(who, "me") == 0;
	bool grouped = group && strcmp(group, "owner") == 0;
	const char *me = q->actor ? web_jstr(web_user(&nm, q->actor->user_id), "email") : NULL;
	struct rd_buf *b = &r->body;
	web_page_begin(q, r, "Agenda", "agenda");
	rd_buf_adds(b, "<div class=\"pagehead\"><h1>Agenda</h1>\n<div class=\"tabs\">");
	web_html(b, "<a href=\"/%R\"%R>Everyone</a><a href=\"/?owner=me%R\"%R>Mine</a></div>",
		 grouped ? "?group=owner" : "", mine ? "" : " class=\"active\"", grouped ? "&amp;group=owner" : "",
		 mine ? " class=\"active\"" : "");
	rd_buf_adds(b, "<p class=\"muted\">As of ");
	web_time(b, q->now, NULL);
	rd_buf_adds(b, "</p></div>\n");

	json_t *obs = NULL;
	char *why = NULL;
	if (rd_agenda(q->store, q->now, q->now, 0, 0, &obs, &why) == RD_OK) {
		/* What the list shows — communications (promises have their own
		 * section), the viewer's only under "Mine" — is what the tiles count. */
		json_t *shown = json_array(), *o;
		size_t overdue = 0, i;
		json_array_foreach(obs, i, o) {
			if (web_jstr(o, "kind") && !strcmp(web_jstr(o, "kind"), "promise"))
				continue;
			if (mine && !(me && web_jstr(o, "owner") && !strcasecmp(web_jstr(o, "owner"), me)))
				continue;
			json_array_append(shown, o);
			if (web_jstr(o, "state") && !strcmp(web_jstr(o, "state"), "overdue"))
				overdue++;
		}
		if (rd_agenda_sort_urgency(shown) != RD_OK) {
			json_decref(shown);
			json_decref(obs);
			free(why);
			web_names_free(&nm);
			return -1;
		}
		web_html(b, "<div class=\"stats\" id=\"tiles\"><div class=\"stat %R\" id=\"tile-overdue\"><span>%D</span>overdue</div>"
			    "<div class=\"stat amber\" id=\"tile-soon\"><span>%D</span>due soon</div></div>\n",
			 overdue ? "red" : "", (int64_t)overdue, (int64_t)(json_array_size(shown) - overdue));
		obligations_section(b, q, &nm, shown, grouped);
		json_decref(shown);
	} else {
		tracks_fallback(b, q, &nm, why ? why : "no detail");
	}
	free(why);
	json_decref(obs);
	questions_section(b, q, &nm, mine && q->actor ? q->actor->user_id : 0);
	promises_section(b, q, &nm, mine);
	failures_section(b, q);
	web_page_end(r, NULL);
	web_names_free(&nm);
	return web_done(r);
}
