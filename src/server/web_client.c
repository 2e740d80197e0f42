/* web_client.c — the client list (GET /clients) and the client page
 * (GET /clients/{id}): the failures that touched the client and where each
 * track stands, every communication, commitments kept and broken,
 * goodwill, and the next follow-ups the clock and our promises owe. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "redress/agenda.h"
#include "redress/model.h"
#include "redress/room.h"
#include "redress/trust.h"
#include "redress/views.h"
#include "web_pages.h"
#include "web_act.h"

int web_client_list(const struct rd_page_req *q, struct rd_page_resp *r)
{
	json_t *rows = NULL;
	enum rd_err rc = rd_view_client_list(q->store, &rows);
	if (rc)
		return web_read_failed(q, r, rc, "The database could not be read.");
	struct web_names nm;
	if (!web_names_ready(q, r, &nm)) {
		json_decref(rows);
		return web_done(r);
	}
	struct rd_buf *b = &r->body;
	web_page_begin(q, r, "Clients", "clients");
	rd_buf_adds(b, "<div class=\"pagehead\"><h1>Clients</h1></div>\n<section class=\"card\"><table class=\"list\">"
		       "<thead><tr><th>Client</th><th>Owner</th><th>Open failures</th><th>Broken promises</th></tr>"
		       "</thead><tbody>\n");
	size_t i;
	json_t *c;
	json_array_foreach(rows, i, c) {
		web_html(b, "<tr><td><a href=\"/clients/%D\">%s</a> ", web_jint(c, "id"), web_jstr(c, "name"));
		if (web_jstr(c, "tier") && !strcmp(web_jstr(c, "tier"), "key"))
			web_badge(b, "key", "key");
		if (web_jstr(c, "risk") && !strcmp(web_jstr(c, "risk"), "elevated"))
			web_badge(b, "red", "elevated risk");
		web_html(b, "</td><td>%s</td><td>%D</td><td>%D</td></tr>\n", web_user_name(&nm, web_jint(c, "owner_id")),
			 web_jint(c, "open_failures"), web_jint(c, "broken"));
	}
	rd_buf_adds(b, "</tbody></table></section>\n");
	web_page_end(r, NULL);
	json_decref(rows);
	web_names_free(&nm);
	return web_done(r);
}

/* The client's trust (lib/trust.c): score, trend, the recorded history as
 * a line, and every contribution with its reason. */
static void trust_card(struct rd_buf *b, const struct rd_page_req *q, int64_t cid)
{
	json_t *t = NULL;
	char *err = NULL;
	rd_buf_adds(b, "<section class=\"card\" id=\"trust\"><h2>Trust</h2>\n");
	if (rd_trust_client_report(q->store, cid, q->now, &t, &err)) {
		web_html(b, "<p class=\"flash warning\">Trust unavailable: %s</p></section>\n", err ? err : "");
		free(err);
		return;
	}
	int64_t score = web_jint(t, "score");
	json_t *tr = json_object_get(t, "trend");
	const char *label = web_jstr(tr, "label");
	web_html(b, "<div class=\"stats\"><div class=\"stat %R\"><span class=\"trust-score\">%D</span>of 100</div>"
		    "<div class=\"stat %R\"><span class=\"trust-trend\">%R%D</span>%s since %s</div></div>\n",
		 score < 40 ? "red" : score >= 70 ? "green" : "", score,
		 !strcmp(label, "falling") ? "red" : !strcmp(label, "rising") ? "green" : "",
		 web_jint(tr, "delta") > 0 ? "+" : "", web_jint(tr, "delta"), label, web_jstr(tr, "since"));
	json_t *h = json_object_get(t, "history");
	size_t n = json_array_size(h), i;
	json_t *x;
	if (n > 1) {
		/* the history as a line: oldest left, 0 at the bottom, 100 at the top */
		rd_buf_adds(b, "<svg class=\"trust-line\" viewBox=\"0 0 240 60\" width=\"240\" height=\"60\" "
			       "role=\"img\" aria-label=\"trust score history\"><polyline fill=\"none\" "
			       "stroke=\"currentColor\" stroke-width=\"2\" points=\"");
		json_array_foreach(h, i, x)
			rd_buf_addf(b, "%s%.1f,%.1f", i ? " " : "", 240.0 * (double)i / (double)(n - 1),
				    60.0 - 0.6 * (double)web_jint(x, "score"));
		rd_buf_adds(b, "\"/></svg>\n");
	}
	web_html(b, "<p class=\"muted\">%D recorded change%R", (int64_t)n, n == 1 ? "" : "s");
	if (n)
		web_html(b, "; last %s", web_jstr(json_array_get(h, n - 1), "at"));
	char base[32];
	snprintf(base, sizeof base, "%g", json_number_value(json_object_get(t, "baseline")));
	web_html(b, "; a client with no record scores %s.</p>\n", base);
	json_t *ex = json_object_get(t, "explanation");
	if (json_array_size(ex)) {
		rd_buf_adds(b, "<ul class=\"rows trust-why\">");
		json_array_foreach(ex, i, x) {
			double p = json_number_value(json_object_get(x, "points"));
			char pts[32];
			snprintf(pts, sizeof pts, "%+.1f", p);
			web_html(b, "<li><strong class=\"%R\">%s</strong> %s</li>", p < 0 ? "red-text" : "up", pts,
				 web_jstr(x, "reason"));
		}
		rd_buf_adds(b, "</ul>\n");
	} else {
		rd_buf_adds(b, "<p class=\"empty\">Nothing on record yet: the baseline.</p>\n");
	}
	rd_buf_adds(b, "</section>\n");
	json_decref(t);
}

static void profile(struct rd_buf *b, const struct web_names *nm, json_t *c)
{
	rd_buf_adds(b, "<section class=\"card\" id=\"profile\"><h2>Account</h2><dl class=\"facts\">");
	web_html(b, "<dt>Tier</dt><dd>%s</dd><dt>Yearly value</dt><dd>", web_jstr(c, "tier"));
	web_money(b, web_jstr(c, "value"), web_jstr(c, "currency"));
	web_html(b, "</dd><dt>Time zone</dt><dd>%s</dd><dt>Owner</dt><dd>%s</dd>", web_jstr(c, "tz"),
		 web_user_name(nm, web_jint(c, "owner_id")));
	/* drafts to them are written in it (redress client update --lang) */
	static const char *const lang_names[][2] = {{"en", "English"}, {"de", "German"}, {"fr", "French"}};
	const char *lang = web_jstr(c, "language");
	for (size_t i = 0; lang && i < sizeof lang_names / sizeof lang_names[0]; i++)
		if (!strcmp(lang, lang_names[i][0]))
			web_html(b, "<dt>Language</dt><dd id=\"client-language\">%s</dd>", lang_names[i][1]);
	json_t *svc = json_object_get(c, "services");
	if (json_array_size(svc)) {
		rd_buf_adds(b, "<dt>Services</dt><dd>");
		size_t i;
		json_t *s;
		json_array_foreach(svc, i, s)
			web_html(b, "%R%s", i ? ", " : "", json_string_value(s));
		rd_buf_adds(b, "</dd>");
	}
	rd_buf_adds(b, "</dl>");
	json_t *contacts = json_object_get(c, "contacts");
	if (json_array_size(contacts)) {
		rd_buf_adds(b, "<h4>Contacts</h4><ul class=\"plain\">");
		size_t i;
		json_t *k;
		json_array_foreach(contacts, i, k)
			web_html(b, "<li>%s <span class=\"muted\">%s · <a href=\"mailto:%s\">%s</a></span></li>",
				 web_jstr(k, "name"), web_jstr(k, "role"), web_jstr(k, "email"), web_jstr(k, "email"));
		rd_buf_adds(b, "</ul>");
	}
	rd_buf_adds(b, "</section>\n");
}

int web_client_page(const struct rd_page_req *q, struct rd_page_resp *r)
{
	int64_t cid;
	if (!web_param_id(q, 0, &cid))
		return web_not_found(q, r);
	json_t *c = NULL, *comms = NULL, *fails = NULL, *obs = NULL, *x;
	size_t i;
	enum rd_err rc = rd_client_show(q->store, cid, &c, NULL);
	if (rc == RD_ENOTFOUND)
		return web_not_found(q, r);
	struct web_names nm = {0};
	if (rc) {
		json_decref(c);
		return web_read_failed(q, r, rc, "The database could not be read.");
	}
	if (!web_names_ready(q, r, &nm)) {
		json_decref(c);
		return web_done(r);
	}
	json_t *filter = json_pack("{sI}", "client_id", (json_int_t)cid);
	rc = web_list(q->store, "communication", filter, &comms);
	json_decref(filter);
	if (rc == RD_OK)
		rc = rd_view_client_failures(q->store, cid, &fails);
	if (rc) {
		json_decref(c);
		json_decref(comms);
		web_names_free(&nm);
		return web_read_failed(q, r, rc, "The database could not be read.");
	}
	/* the clock's obligations of each of the client's running tracks */
	char *clock_err = NULL;
	obs = json_array();
	json_array_foreach(fails, i, x) {
		json_t *tracks = NULL;
		if (strcmp(web_jstr(x, "affected") ? web_jstr(x, "affected") : "", "yes") ||
		    !strcmp(web_jstr(x, "status") ? web_jstr(x, "status") : "", "closed"))
			continue;
		if (rd_obligations_json(q->store, web_jint(x, "id"), cid, q->now, &tracks, clock_err ? NULL : &clock_err))
			continue;
		size_t k;
		json_t *t, *o;
		json_array_foreach(tracks, k, t) {
			size_t m;
			json_array_foreach(json_object_get(t, "obligations"), m, o) {
				json_object_set(o, "failure_id", json_object_get(t, "failure_id"));
				json_array_append(obs, o);
			}
		}
		json_decref(tracks);
	}

	struct rd_buf *b = &r->body;
	web_page_begin(q, r, web_jstr(c, "name"), "clients");
	web_html(b, "<div class=\"pagehead\"><div class=\"crumbs\"><a href=\"/clients\">Clients</a></div>"
		    "<h1>%s ", web_jstr(c, "name"));
	if (web_jstr(c, "tier") && !strcmp(web_jstr(c, "tier"), "key"))
		web_badge(b, "key", "key account");
	if (web_jstr(c, "risk") && !strcmp(web_jstr(c, "risk"), "elevated"))
		web_badge(b, "red", "elevated risk");
	rd_buf_adds(b, "</h1>");
	if (q->actor && q->actor->role >= RD_ROLE_AGENT)
		web_html(b, "<div class=\"actions\"><a class=\"button\" href=\"/compose?client=%D\">Compose</a>"
			    "<a class=\"button secondary\" href=\"/log?client=%D\">Log a call or note</a></div>", cid, cid);
	rd_buf_adds(b, "</div>\n");
	web_act_client_panel(b, q, cid);

	/* the headline numbers: promises kept and broken, chases */
	json_t *commitments = json_object_get(c, "commitments");
	int64_t kept = 0, broken = 0, open = 0, chases = 0;
	json_array_foreach(commitments, i, x) {
		const char *st = web_jstr(x, "status");
		if (!st)
			continue;
		if (!strcmp(st, "kept"))
			kept++;
		else if (!strcmp(st, "broken"))
			broken++;
		else
			open++;
	}
	json_array_foreach(comms, i, x)
		if (json_is_true(json_object_get(x, "chase")))
			chases++;
	web_html(b, "<div class=\"stats\"><div class=\"stat green\"><span>%D</span>promises kept</div>"
		    "<div class=\"stat %R\"><span>%D</span>promises broken</div>"
		    "<div class=\"stat\"><span>%D</span>open promises</div>"
		    "<div class=\"stat %R\"><span>%D</span>times the client chased us</div></div>\n",
		 kept, broken ? "red" : "", broken, open, chases ? "red" : "", chases);

	rd_buf_adds(b, "<div class=\"columns\"><div>\n");
	trust_card(b, q, cid);
	/* next follow-ups: what the clock and our promises owe next */
	rd_buf_adds(b, "<section class=\"card\" id=\"next\"><h2>Next follow-ups</h2>\n");
	if (clock_err)
		web_html(b, "<p class=\"flash warning\">Obligations unavailable: %s</p>\n", clock_err);
	int shown = 0;
	json_array_foreach(obs, i, x) {
		const char *st = web_jstr(x, "state");
		if (strcmp(st, "pending") && strcmp(st, "overdue"))
			continue;
		if (!shown++)
			rd_buf_adds(b, "<ul class=\"agenda\">");
		bool overdue = !strcmp(st, "overdue");
		web_html(b, "<li class=\"item %R\"><div class=\"what\">", overdue ? "overdue" : "soon");
		web_badge(b, overdue ? "red" : "grey", rd_label(st));
		web_html(b, " <strong>%s</strong> <span class=\"muted\">· <a href=\"/failures/%D\">failure #%D</a></span>"
			    "</div><div class=\"meta\">due ", web_kind_title(web_jstr(x, "kind")), web_jint(x, "failure_id"),
			 web_jint(x, "failure_id"));
		web_time_for(b, web_jtime(x, "due_at"), web_jstr(c, "tz"), web_jstr(c, "name"));
		rd_buf_adds(b, " (");
		web_rel(b, web_jtime(x, "due_at"), q->now);
		web_html(b, ")</div><a class=\"button small\" href=\"/compose?kind=%U&amp;client=%D&amp;failure=%D\">"
			    "Compose</a></li>", web_jstr(x, "kind"), cid, web_jint(x, "failure_id"));
	}
	if (shown)
		rd_buf_adds(b, "</ul>\n");
	else if (!clock_err)
		rd_buf_adds(b, "<p class=\"empty\">Nothing owed right now.</p>\n");
	rd_buf_adds(b, "</section>\n");

	rd_buf_adds(b, "<section class=\"card\" id=\"failures\"><h2>Failures</h2><ul class=\"plain\">\n");
	json_array_foreach(fails, i, x) {
		web_html(b, "<li><a href=\"/failures/%D#track-%D\">#%D %s</a> <span class=\"muted\">%s · %s</span> ",
			 web_jint(x, "id"), cid, web_jint(x, "id"), web_jstr(x, "title"), rd_label(web_jstr(x, "status")),
			 web_jstr(x, "affected"));
		web_badge(b, "status", rd_label(web_jstr(x, "recovery_status")));
		rd_buf_adds(b, "</li>\n");
	}
	if (!json_array_size(fails))
		rd_buf_adds(b, "<li class=\"empty\">No failure has touched this client.</li>\n");
	rd_buf_adds(b, "</ul></section>\n");

	rd_buf_adds(b, "<section class=\"card\" id=\"commitments\"><h2>Commitments</h2>\n");
	if (json_array_size(commitments)) {
		rd_buf_adds(b, "<ul class=\"rows\">");
		json_array_foreach(commitments, i, x)
			web_commitment_row(b, &nm, x, false);
		rd_buf_adds(b, "</ul>\n");
	} else {
		rd_buf_adds(b, "<p class=\"empty\">No commitments recorded.</p>\n");
	}
	rd_buf_adds(b, "</section>\n<section class=\"card\" id=\"goodwill\"><h2>Goodwill</h2>\n");
	json_t *gw = json_object_get(c, "goodwill");
	if (json_array_size(gw)) {
		rd_buf_adds(b, "<ul class=\"rows\">");
		json_array_foreach(gw, i, x)
			web_goodwill_row(b, q, &nm, x, "client");
		rd_buf_adds(b, "</ul>\n");
	} else {
		rd_buf_adds(b, "<p class=\"empty\">No goodwill.</p>\n");
	}
	rd_buf_adds(b, "</section>\n");
	profile(b, &nm, c);
	rd_buf_adds(b, "</div><div>\n");

	web_html(b, "<section class=\"card\" id=\"timeline\"><h2>Communications <span class=\"muted\">%D</span></h2>"
		    "<ol class=\"timeline\">\n", (int64_t)json_array_size(comms));
	/* newest first: the page answers "when did we last talk to them?" */
	for (size_t k = json_array_size(comms); k-- > 0;) {
		web_comm_entry(b, &nm, json_array_get(comms, k), false);
	}
	if (!json_array_size(comms))
		rd_buf_adds(b, "<li class=\"empty\">No communications yet.</li>\n");
	rd_buf_adds(b, "</ol></section>\n</div></div>\n");
	web_page_end(r, NULL);
	free(clock_err);
	json_decref(obs);
	json_decref(c);
	json_decref(comms);
	json_decref(fails);
	web_names_free(&nm);
	return web_done(r);
}
