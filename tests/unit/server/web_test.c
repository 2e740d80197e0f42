/* web_test.c — the staff pages (src/server/web_*.c) and the client portal
 * (src/server/portal_*.c) called as the HTTP core calls them, on the demo
 * data: every interpolated value is escaped; a portal link of one client
 * gets 404 for another client's failure and never sees an internal note;
 * forms that are refused change nothing; the routes table is well formed.
 *
 * The page files are linked into this program directly (they are not part
 * of libredress); see tests/unit/meson.build. */
#include "../unit.h"

#include "../../../src/server/web_pages.h"

struct page {
	struct rd_page_req q;
	struct rd_page_resp r;
	struct rd_actor actor;
};

static void page_init(struct page *p, struct fx *f, const char *email, const char *method, const char *path)
{
	memset(p, 0, sizeof *p);
	p->q.store = f->s;
	if (email) {
		char *m = NULL;
		if (rd_actor_for_user(f->s, email, &p->actor, &m))
			fail_msg("actor %s: %s", email, m ? m : "?");
		p->actor.now = T_NOW; /* as the core does: the request's time */
		p->q.actor = &p->actor;
	}
	p->q.method = method;
	p->q.path = path;
	p->q.query = json_object();
	p->q.form = json_object();
	p->q.csrf_token = "tok\"<en>";
	p->q.now = T_NOW;
	p->r.body = (struct rd_buf)RD_BUF_INIT;
}

static void page_free(struct page *p)
{
	json_decref(p->q.query);
	json_decref(p->q.form);
	rd_buf_free(&p->r.body);
	free(p->r.location);
	free(p->r.flash);
}

static int status_of(struct page *p)
{
	return p->r.status ? p->r.status : 200;
}

static const char *body(struct page *p)
{
	return p->r.body.data ? p->r.body.data : "";
}

static void set(json_t *o, const char *k, const char *v)
{
	json_object_set_new(o, k, json_string(v));
}

static int64_t id_of(struct fx *f, const char *entity, const char *key)
{
	int64_t id = 0;
	char *m = NULL;
	if (rd_record_lookup(f->s, entity, key, &id, &m))
		fail_msg("lookup %s %s: %s", entity, key, m ? m : "?");
	return id;
}

static int demo_setup(void **state)
{
	if (fx_setup(state))
		return -1;
	struct fx *f = *state;
	char *m = NULL;
	if (rd_demo_load(f->s, T_NOW, &m)) {
		fprintf(stderr, "demo: %s\n", m ? m : "?");
		return -1;
	}
	return 0;
}

/* ---- the escaper ---- */

static void escapes_every_special_character(void **state)
{
	(void)state;
	struct rd_buf b = RD_BUF_INIT;
	rd_buf_add_htmls(&b, "<script>\"a\" & 'b'</script>");
	assert_string_equal(b.data, "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;");
	rd_buf_free(&b);
	web_html(&b, "<p title=\"%s\">%s %D %U</p>", "x\"onmouseover=\"y", "<b>", (int64_t)42, "a b&c/é");
	assert_string_equal(b.data, "<p title=\"x&quot;onmouseover=&quot;y\">&lt;b&gt; 42 a%20b%26c%2F%C3%A9</p>");
	rd_buf_free(&b);
	web_html(&b, "%s|%R", NULL, "<i>raw</i>");
	assert_string_equal(b.data, "|<i>raw</i>");
	rd_buf_free(&b);
}

/* A title and a note a user typed reach every page escaped. */
static void staff_pages_escape_user_text(void **state)
{
	struct fx *f = *state;
	int64_t cid = add_client(f, "{\"name\": \"<img src=x onerror=alert(1)>\", \"tier\": \"key\"}");
	int64_t fid = open_failure(f, "{\"title\": \"<script>alert('t')</script>\", \"severity\": 2, "
				      "\"clients\": [\"<img src=x onerror=alert(1)>\"]}");
	json_t *in = json_pack("{sI sI ss ss ss}", "failure", (json_int_t)fid, "client", (json_int_t)cid, "kind",
			       "apology", "channel", "email", "summary", "\"><svg onload=alert(2)>");
	assert_ok(rd_comm_log(f->s, &f->sys, in, NULL, &m_));
	json_decref(in);

	char idbuf[32];
	snprintf(idbuf, sizeof idbuf, "%lld", (long long)fid);
	struct page p;
	page_init(&p, f, "sam@provider.example", "GET", "/failures/x");
	p.q.params[0] = idbuf;
	assert_int_equal(web_failure_room(&p.q, &p.r), 0);
	assert_int_equal(status_of(&p), 200);
	assert_null(strstr(body(&p), "<script>alert"));
	assert_null(strstr(body(&p), "<img src=x"));
	assert_null(strstr(body(&p), "<svg"));
	assert_non_null(strstr(body(&p), "&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;"));
	assert_non_null(strstr(body(&p), "&quot;&gt;&lt;svg onload=alert(2)&gt;"));
	/* the CSRF token is an attribute value: escaped too */
	assert_non_null(strstr(body(&p), "value=\"tok&quot;&lt;en&gt;\""));
	page_free(&p);

	snprintf(idbuf, sizeof idbuf, "%lld", (long long)cid);
	page_init(&p, f, "sam@provider.example", "GET", "/clients/x");
	p.q.params[0] = idbuf;
	assert_int_equal(web_client_page(&p.q, &p.r), 0);
	assert_int_equal(status_of(&p), 200);
	assert_null(strstr(body(&p), "<img src=x"));
	assert_null(strstr(body(&p), "<svg onload")); /* the trust card draws its own <svg> */
	page_free(&p);

	page_init(&p, f, "sam@provider.example", "GET", "/");
	assert_int_equal(web_agenda(&p.q, &p.r), 0);
	assert_int_equal(status_of(&p), 200);
	assert_null(strstr(body(&p), "<script>alert"));
	assert_null(strstr(body(&p), "<img src=x"));
	page_free(&p);
}

/* ---- staff pages ---- */

/* The client page's trust card shows what `redress trust` says: the demo's
 * Globex Health scores 10 and is falling, with its broken promise. */
static void client_page_shows_trust(void **state)
{
	struct fx *f = *state;
	struct page p;
	page_init(&p, f, "sam@provider.example", "GET", "/clients/x");
	p.q.params[0] = "2"; /* Globex Health, the demo's second client */
	assert_int_equal(web_client_page(&p.q, &p.r), 0);
	assert_int_equal(status_of(&p), 200);
	assert_non_null(strstr(body(&p), "id=\"trust\""));
	assert_non_null(strstr(body(&p), "<span class=\"trust-score\">10</span>"));
	assert_non_null(strstr(body(&p), "falling since"));
	assert_non_null(strstr(body(&p), "promise broken: &#39;Call back within 2 hours with a timeline&#39;"));
	page_free(&p);
}

static void agenda_lists_what_is_due_per_owner(void **state)
{
	struct fx *f = *state;
	struct page p;
	page_init(&p, f, "sam@provider.example", "GET", "/");
	assert_int_equal(web_agenda(&p.q, &p.r), 0);
	assert_int_equal(status_of(&p), 200);
	assert_non_null(strstr(body(&p), "Communications due"));
	/* the mobile-login failure is 3 h old: its standard-tier apologies are
	 * due within the hour, under their owners */
	assert_non_null(strstr(body(&p), "Fjord Travel"));
	assert_non_null(strstr(body(&p), "due soon"));
	/* the payments failure has overdue obligations: shown in red */
	assert_non_null(strstr(body(&p), "class=\"item overdue\""));
	/* by urgency, one list: the first row is overdue, the tiles count
	 * the rows listed */
	const char *first = strstr(body(&p), "<li class=\"item ");
	assert_non_null(first);
	assert_true(strncmp(first, "<li class=\"item overdue\"", strlen("<li class=\"item overdue\"")) == 0);
	assert_null(strstr(body(&p), "(you)"));
	size_t rows = 0;
	const char *sec = strstr(body(&p), "id=\"due\""), *end = sec ? strstr(sec, "</section>") : NULL;
	assert_non_null(end);
	for (const char *x = sec; (x = strstr(x, "<li class=\"item ")) && x < end; x++)
		rows++;
	int tiles_overdue = 0, tiles_soon = 0;
	const char *t = strstr(body(&p), "id=\"tile-overdue\"><span>");
	assert_non_null(t);
	tiles_overdue = (int)strtol(strchr(t, '>') + 7, NULL, 10);
	t = strstr(body(&p), "id=\"tile-soon\"><span>");
	assert_non_null(t);
	tiles_soon = (int)strtol(strchr(t, '>') + 7, NULL, 10);
	assert_int_equal((size_t)(tiles_overdue + tiles_soon), rows);
	page_free(&p);
	/* grouped per owner: the viewer's group first */
	page_init(&p, f, "sam@provider.example", "GET", "/");
	set(p.q.query, "group", "owner");
	assert_int_equal(web_agenda(&p.q, &p.r), 0);
	assert_non_null(strstr(body(&p), "(you)"));
	page_free(&p);
}

static void failure_room_shows_every_part(void **state)
{
	struct fx *f = *state;
	struct page p;
	page_init(&p, f, "maria@provider.example", "GET", "/failures/1");
	p.q.params[0] = "1";
	assert_int_equal(web_failure_room(&p.q, &p.r), 0);
	assert_int_equal(status_of(&p), 200);
	const char *h = body(&p);
	assert_non_null(strstr(h, "Payments API outage"));
	assert_non_null(strstr(h, "id=\"timeline\""));
	assert_non_null(strstr(h, "Northwind Logistics"));
	assert_non_null(strstr(h, "Globex Health"));
	assert_non_null(strstr(h, "chase"));
	assert_non_null(strstr(h, "Chain of whys"));
	assert_non_null(strstr(h, "ETA history"));
	assert_non_null(strstr(h, "second maintenance window")); /* the revision's reason */
	assert_non_null(strstr(h, "value=\"approved\""));          /* a manager may approve */
	page_free(&p);

	page_init(&p, f, "sam@provider.example", "GET", "/failures/1");
	p.q.params[0] = "1";
	assert_int_equal(web_failure_room(&p.q, &p.r), 0);
	assert_null(strstr(body(&p), "value=\"approved\"")); /* an agent may not */
	page_free(&p);

	page_init(&p, f, "sam@provider.example", "GET", "/failures/9999");
	p.q.params[0] = "9999";
	assert_int_equal(web_failure_room(&p.q, &p.r), 0);
	assert_int_equal(status_of(&p), 404);
	page_free(&p);

	page_init(&p, f, "sam@provider.example", "GET", "/failures/x");
	p.q.params[0] = "1 OR 1=1";
	assert_int_equal(web_failure_room(&p.q, &p.r), 0);
	assert_int_equal(status_of(&p), 404);
	page_free(&p);
}

static void lists_show_times_and_flags(void **state)
{
	struct fx *f = *state;
	assert_ok(rd_failure_set_status(f->s, &f->sys, 2, "reopen", T_NOW, &m_)); /* elevates Initech */
	struct page p;
	page_init(&p, f, "victor@provider.example", "GET", "/failures");
	assert_int_equal(web_failure_list(&p.q, &p.r), 0);
	assert_int_equal(status_of(&p), 200);
	assert_non_null(strstr(body(&p), "<time datetime=\"2026-11-22T09:00:00Z\">")); /* failure 3 detected */
	page_free(&p);
	page_init(&p, f, "victor@provider.example", "GET", "/clients");
	assert_int_equal(web_client_list(&p.q, &p.r), 0);
	assert_non_null(strstr(body(&p), "elevated risk"));
	page_free(&p);
	page_init(&p, f, "victor@provider.example", "GET", "/");
	assert_int_equal(web_agenda(&p.q, &p.r), 0);
	assert_non_null(strstr(body(&p), "· Remediating · 3 affected · detected 6 d ago"));
	page_free(&p);
}

static void refused_log_changes_nothing(void **state)
{
	struct fx *f = *state;
	int64_t before = count_rows(f->s, "SELECT count(*) FROM communications");
	struct page p;
	page_init(&p, f, "sam@provider.example", "POST", "/log");
	/* Delta Freight is not affected by failure 1 */
	char cid[32];
	snprintf(cid, sizeof cid, "%lld", (long long)id_of(f, "client", "Delta Freight"));
	set(p.q.form, "client", cid);
	set(p.q.form, "failure", "1");
	set(p.q.form, "channel", "call");
	set(p.q.form, "kind", "progress");
	set(p.q.form, "summary", "Called <them>");
	assert_int_equal(web_log_post(&p.q, &p.r), 0);
	assert_int_equal(status_of(&p), 422);
	assert_null(p.r.location);
	assert_non_null(strstr(body(&p), "not affected"));
	assert_non_null(strstr(body(&p), "Called &lt;them&gt;")); /* the typed text is kept, escaped */
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM communications"), before);
	page_free(&p);

	/* the same call for an affected client is logged and redirects */
	page_init(&p, f, "sam@provider.example", "POST", "/log");
	snprintf(cid, sizeof cid, "%lld", (long long)id_of(f, "client", "Northwind Logistics"));
	set(p.q.form, "client", cid);
	set(p.q.form, "failure", "1");
	set(p.q.form, "channel", "call");
	set(p.q.form, "kind", "progress");
	set(p.q.form, "visibility", "internal");
	set(p.q.form, "summary", "Internal: Lena is unhappy about the second window");
	assert_int_equal(web_log_post(&p.q, &p.r), 0);
	assert_int_equal(p.r.status, 303);
	assert_non_null(p.r.location);
	assert_true(strncmp(p.r.location, "/failures/1#comm-", 17) == 0);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM communications"), before + 1);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM communications WHERE visibility = 'internal' "
					  "AND author_id IS NOT NULL AND channel = 'call'"), 1);
	page_free(&p);
}

static void goodwill_approval_needs_a_manager(void **state)
{
	struct fx *f = *state;
	int64_t gid = count_rows(f->s, "SELECT id FROM goodwill WHERE status = 'proposed'");
	char gbuf[32];
	snprintf(gbuf, sizeof gbuf, "%lld", (long long)gid);
	struct page p;
	page_init(&p, f, "sam@provider.example", "POST", "/goodwill/x");
	p.q.params[0] = gbuf;
	set(p.q.form, "decision", "approved");
	assert_int_equal(web_goodwill_post(&p.q, &p.r), 0);
	assert_int_equal(status_of(&p), 403);
	assert_null(p.r.location);
	assert_field(f, "goodwill", gid, "status", "proposed");
	page_free(&p);

	page_init(&p, f, "maria@provider.example", "POST", "/goodwill/x");
	p.q.params[0] = gbuf;
	set(p.q.form, "decision", "approved");
	set(p.q.form, "back", "list");
	assert_int_equal(web_goodwill_post(&p.q, &p.r), 0);
	assert_int_equal(p.r.status, 303);
	assert_string_equal(p.r.location, "/goodwill");
	assert_field(f, "goodwill", gid, "status", "approved");
	page_free(&p);
}

static void near_miss_form_records_and_refuses(void **state)
{
	struct fx *f = *state;
	struct page p;
	page_init(&p, f, "victor@provider.example", "POST", "/near-misses");
	set(p.q.form, "title", "   ");
	assert_int_equal(web_near_miss_post(&p.q, &p.r), 0);
	assert_int_equal(status_of(&p), 422);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM near_misses"), 1);
	page_free(&p);

	page_init(&p, f, "victor@provider.example", "POST", "/near-misses");
	set(p.q.form, "title", "Backup job ran against the wrong bucket");
	set(p.q.form, "anonymous", "1");
	assert_int_equal(web_near_miss_post(&p.q, &p.r), 0);
	assert_int_equal(p.r.status, 303);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM near_misses WHERE reporter_id IS NULL "
					  "AND title LIKE 'Backup job%'"), 1);
	/* anonymous: the audit log (readable by viewers) names nobody, and the
	 * page tells the core to keep the user out of the access log */
	assert_true(p.r.anonymous);
	char *who = text_of(f->s, "SELECT actor FROM audit_log WHERE entity = 'near_miss' AND entity_id = "
			    "(SELECT max(id) FROM near_misses) AND ?1 = ?1", 0);
	assert_string_equal(who, "anonymous");
	free(who);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM audit_log WHERE entity = 'near_miss' AND "
					  "(actor LIKE '%victor%' OR after LIKE '%victor%')"), 0);
	page_free(&p);

	/* not anonymous: the reporter is the user, and the audit says so */
	page_init(&p, f, "victor@provider.example", "POST", "/near-misses");
	set(p.q.form, "title", "Disk at 95% on db-2");
	assert_int_equal(web_near_miss_post(&p.q, &p.r), 0);
	assert_false(p.r.anonymous);
	who = text_of(f->s, "SELECT actor FROM audit_log WHERE entity = 'near_miss' AND entity_id = "
		      "(SELECT max(id) FROM near_misses) AND ?1 = ?1", 0);
	assert_string_equal(who, "victor@provider.example");
	free(who);
	page_free(&p);
}


static void composer_drafts_and_logs(void **state)
{
	struct fx *f = *state;
	char cid[32];
	snprintf(cid, sizeof cid, "%lld", (long long)id_of(f, "client", "Fjord Travel"));
	struct page p;
	page_init(&p, f, "sam@provider.example", "GET", "/compose");
	set(p.q.query, "kind", "apology");
	set(p.q.query, "client", cid);
	set(p.q.query, "failure", "3");
	assert_int_equal(web_compose(&p.q, &p.r), 0);
	assert_int_equal(status_of(&p), 200);
	assert_non_null(strstr(body(&p), "id=\"body\""));
	assert_non_null(strstr(body(&p), "composer.js"));
	assert_non_null(strstr(body(&p), "data-failure=\"3\""));
	page_free(&p);

	int64_t before = count_rows(f->s, "SELECT count(*) FROM communications");
	page_init(&p, f, "sam@provider.example", "POST", "/compose");
	set(p.q.form, "kind", "apology");
	set(p.q.form, "client", cid);
	set(p.q.form, "failure", "3");
	set(p.q.form, "channel", "email");
	set(p.q.form, "body", "We are sorry: our login change locked your staff out of the app this morning.\n"
			      "I will call you at 15:00 with the fix.");
	set(p.q.form, "action", "log");
	assert_int_equal(web_compose_post(&p.q, &p.r), 0);
	assert_int_equal(p.r.status, 303);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM communications"), before + 1);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM communications WHERE kind = 'apology' AND "
					  "summary LIKE 'We are sorry:%' AND body LIKE '%15:00%'"), 1);
	page_free(&p);

	/* "Check" renders the findings without logging anything */
	page_init(&p, f, "sam@provider.example", "POST", "/compose");
	set(p.q.form, "kind", "apology");
	set(p.q.form, "client", cid);
	set(p.q.form, "failure", "3");
	set(p.q.form, "body", "We apologize if you were affected by this minor issue.");
	set(p.q.form, "action", "check");
	assert_int_equal(web_compose_post(&p.q, &p.r), 0);
	assert_int_equal(status_of(&p), 200);
	assert_non_null(strstr(body(&p), "apology.conditional"));
	assert_non_null(strstr(body(&p), "<mark class=\"sev-"));
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM communications"), before + 1);
	page_free(&p);

	/* "Log as sent" with errors left: refused (409) with the count and a
	 * box to confirm, nothing logged; confirmed, it is logged */
	for (int confirmed = 0; confirmed < 2; confirmed++) {
		page_init(&p, f, "sam@provider.example", "POST", "/compose");
		set(p.q.form, "kind", "apology");
		set(p.q.form, "client", cid);
		set(p.q.form, "failure", "3");
		set(p.q.form, "body", "We apologize if you were affected by this minor issue.");
		set(p.q.form, "action", "log");
		set(p.q.form, "channel", "call");
		if (confirmed)
			set(p.q.form, "confirm_errors", "yes");
		assert_int_equal(web_compose_post(&p.q, &p.r), 0);
		if (!confirmed) {
			assert_int_equal(status_of(&p), 409);
			assert_non_null(strstr(body(&p), "The checker still finds"));
			assert_non_null(strstr(body(&p), "Nothing was logged."));
			assert_non_null(strstr(body(&p), "id=\"confirm-errors-box\""));
			assert_int_equal(count_rows(f->s, "SELECT count(*) FROM communications"), before + 1);
		} else {
			if (p.r.status != 303)
				fail_msg("confirmed log: %d %s", p.r.status, strstr(body(&p), "flash error"));
			assert_non_null(p.r.flash);   /* the next page says it was logged */
			assert_string_equal(p.r.flash, "Apology logged as sent.");
			assert_int_equal(count_rows(f->s, "SELECT count(*) FROM communications"), before + 2);
		}
		page_free(&p);
	}
}

/* "Send by email" in the composer: through rd_comm_send, like `redress
 * send`. With checker errors it is refused (409) and nothing is logged or
 * queued; confirmed, one email to the client's contacts is queued and the
 * communication logged, and the flash says it waits for SMTP (none is set
 * here). Without a failure, or on another channel, it is refused. */
static void composer_sends_by_email(void **state)
{
	struct fx *f = *state;
	char cid[32];
	snprintf(cid, sizeof cid, "%lld", (long long)id_of(f, "client", "Northwind Logistics"));
	const char *queued = "SELECT count(*) FROM outbox WHERE kind = 'client' AND "
			     "recipient = 'lena.vogel@northwind.example'";
	const char *comms = "SELECT count(*) FROM communications";
	int64_t before = count_rows(f->s, comms), out0 = count_rows(f->s, queued);
	struct page p;
	page_init(&p, f, "sam@provider.example", "GET", "/compose");
	set(p.q.query, "kind", "apology");
	set(p.q.query, "client", cid);
	set(p.q.query, "failure", "1");
	assert_int_equal(web_compose(&p.q, &p.r), 0);
	assert_non_null(strstr(body(&p), "value=\"send\" id=\"send-email\">Send by email</button>"));
	page_free(&p);

	for (int confirmed = 0; confirmed < 2; confirmed++) {
		page_init(&p, f, "sam@provider.example", "POST", "/compose");
		set(p.q.form, "kind", "apology");
		set(p.q.form, "client", cid);
		set(p.q.form, "failure", "1");
		set(p.q.form, "channel", "email");
		set(p.q.form, "summary", "Our apology");
		set(p.q.form, "body", "We apologize if you were affected by this minor issue.");
		set(p.q.form, "action", "send");
		if (confirmed)
			set(p.q.form, "confirm_errors", "yes");
		assert_int_equal(web_compose_post(&p.q, &p.r), 0);
		if (!confirmed) {
			assert_int_equal(status_of(&p), 409);
			assert_non_null(strstr(body(&p), "Nothing was sent."));
			assert_non_null(strstr(body(&p), "id=\"confirm-errors-box\""));
			assert_int_equal(count_rows(f->s, comms), before);
			assert_int_equal(count_rows(f->s, queued), out0);
		} else {
			if (p.r.status != 303)
				fail_msg("confirmed send: %d %s", p.r.status, strstr(body(&p), "flash error"));
			assert_non_null(p.r.flash);
			assert_non_null(strstr(p.r.flash, "queued by email to the client's contacts"));
			assert_non_null(strstr(p.r.flash, "No SMTP server is configured"));
			assert_int_equal(count_rows(f->s, comms), before + 1);
			assert_int_equal(count_rows(f->s, queued), out0 + 1);
			assert_int_equal(count_rows(f->s, "SELECT count(*) FROM communications WHERE channel = 'email' "
							  "AND direction = 'out' AND summary = 'Our apology' AND "
							  "body LIKE 'We apologize if%'"), 1);
		}
		page_free(&p);
	}

	/* no failure, or a channel that is not email: refused, nothing changes */
	for (int k = 0; k < 2; k++) {
		page_init(&p, f, "sam@provider.example", "POST", "/compose");
		set(p.q.form, "kind", "apology");
		set(p.q.form, "client", cid);
		if (k)
			set(p.q.form, "failure", "1");
		set(p.q.form, "channel", k ? "call" : "email");
		set(p.q.form, "body", "We are sorry: the outage stopped your shipments this morning.");
		set(p.q.form, "action", "send");
		set(p.q.form, "confirm_errors", "yes");
		assert_int_equal(web_compose_post(&p.q, &p.r), 0);
		assert_int_equal(status_of(&p), 422);
		assert_non_null(strstr(body(&p), k ? "choose the channel email" : "Choose the failure"));
		assert_int_equal(count_rows(f->s, comms), before + 1);
		assert_int_equal(count_rows(f->s, queued), out0 + 1);
		page_free(&p);
	}
}

/* One rule for zones on staff pages: times in the signed-in user's zone
 * (users.tz), the desk's (UTC) when they have none; the client's on hover. */
static void staff_times_in_the_viewers_zone(void **state)
{
	struct fx *f = *state;
	int64_t uid = id_of(f, "user", "sam@provider.example");
	for (int k = 0; k < 2; k++) {
		json_t *in = json_pack("{so}", "tz", k ? json_null() : json_string("Asia/Tokyo"));
		assert_ok(rd_record_update(f->s, &f->sys, "user", uid, in, NULL, &m_));
		json_decref(in);
		struct page p;
		page_init(&p, f, "sam@provider.example", "GET", "/failures/1");
		web_viewer_tz_for(f->s, &p.actor); /* as the router does */
		p.q.params[0] = "1";
		assert_int_equal(web_failure_room(&p.q, &p.r), 0);
		assert_int_equal(status_of(&p), 200);
		/* shown in Tokyo's zone (JST), else UTC; Northwind's own on hover */
		assert_non_null(strstr(body(&p), k ? " UTC</time>" : " JST</time>"));
		assert_null(strstr(body(&p), k ? " JST</time>" : " UTC</time>"));
		assert_non_null(strstr(body(&p), "Northwind Logistics’s time: "));
		page_free(&p);
	}
	web_viewer_tz_set(NULL);
}

static void login_page_never_echoes_foreign_text(void **state)
{
	struct fx *f = *state;
	struct page p;
	page_init(&p, f, NULL, "GET", "/login");
	set(p.q.query, "error", "<b>gotcha</b>");
	set(p.q.query, "next", "//evil.example/");
	assert_int_equal(web_login(&p.q, &p.r), 0);
	assert_null(strstr(body(&p), "gotcha"));
	assert_null(strstr(body(&p), "evil"));
	assert_non_null(strstr(body(&p), "Wrong email or password"));
	assert_non_null(strstr(body(&p), "name=\"csrf\""));
	page_free(&p);
}

/* ---- the portal ---- */

static void portal_page(struct page *p, struct fx *f, const char *client, const char *method, const char *path)
{
	page_init(p, f, NULL, method, path);
	p->q.portal_client_id = id_of(f, "client", client);
	int64_t contact = 0;
	rd_store_exec(f->s, &contact, "SELECT id FROM contacts WHERE client_id = ?1", "i", p->q.portal_client_id);
	p->q.portal_contact_id = contact;
}

static void portal_shows_only_its_client(void **state)
{
	struct fx *f = *state;
	int64_t nw = id_of(f, "client", "Northwind Logistics");
	/* an internal note and a client update for Northwind on failure 1 */
	json_t *in = json_pack("{si sI ss ss ss ss}", "failure", 1, "client", (json_int_t)nw, "kind", "other",
			       "channel", "call", "visibility", "internal", "summary", "SECRET-INTERNAL-NOTE");
	assert_ok(rd_comm_log(f->s, &f->sys, in, NULL, &m_));
	json_decref(in);
	in = json_pack("{si sI ss ss ss ss}", "failure", 1, "client", (json_int_t)nw, "kind", "progress", "channel",
		       "email", "summary", "STAFF-SUMMARY-OF-IT", "body", "VISIBLE-UPDATE");
	assert_ok(rd_comm_log(f->s, &f->sys, in, NULL, &m_));
	json_decref(in);

	struct page p;
	portal_page(&p, f, "Northwind Logistics", "GET", "/portal/");
	assert_int_equal(portal_home(&p.q, &p.r), 0);
	assert_int_equal(status_of(&p), 200);
	assert_non_null(strstr(body(&p), "Payments API outage"));
	assert_null(strstr(body(&p), "Reporting exports")); /* failure 2 is not Northwind's */
	assert_null(strstr(body(&p), "Mobile app login"));
	page_free(&p);

	portal_page(&p, f, "Northwind Logistics", "GET", "/portal/failures/1");
	p.q.params[0] = "1";
	assert_int_equal(portal_failure(&p.q, &p.r), 0);
	assert_int_equal(status_of(&p), 200);
	const char *h = body(&p);
	assert_non_null(strstr(h, "VISIBLE-UPDATE"));       /* the body they received */
	assert_null(strstr(h, "STAFF-SUMMARY-OF-IT"));      /* never our note about it */
	assert_null(strstr(h, "SECRET-INTERNAL-NOTE"));
	/* internal findings, other clients and their goodwill stay out */
	assert_null(strstr(h, "OPS-4411"));
	assert_null(strstr(h, "Globex"));
	assert_null(strstr(h, "Acme"));
	assert_null(strstr(h, "Proportionate to their losses"));
	assert_non_null(strstr(h, "our system connected the payments")); /* the client explanation */
	assert_non_null(strstr(h, "First estimate, from the plan"));      /* a reason the client was told */
	assert_null(strstr(h, "second maintenance window"));              /* the demo's revision not told */
	assert_non_null(strstr(h, "Daily status email"));                 /* a commitment */
	/* the ETA the plan meeting stated, in the update itself */
	const char *upd = strstr(h, "id=\"updates\""), *plan = strstr(h, "id=\"plan\"");
	assert_non_null(upd);
	assert_non_null(plan);
	const char *eta = strstr(upd, "Expected fix:");
	assert_true(eta && eta < plan);
	page_free(&p);

	/* another client's failure, a nonexistent one, and garbage: all 404 */
	static const char *const ids[] = {"2", "3", "9999", "0", "-1", "abc"};
	for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++) {
		portal_page(&p, f, "Northwind Logistics", "GET", "/portal/failures/x");
		p.q.params[0] = ids[i];
		assert_int_equal(portal_failure(&p.q, &p.r), 0);
		assert_int_equal(status_of(&p), 404);
		assert_null(strstr(body(&p), "Reporting"));
		page_free(&p);
	}

	/* asking about another client's failure writes nothing */
	int64_t before = count_rows(f->s, "SELECT count(*) FROM communications");
	portal_page(&p, f, "Northwind Logistics", "POST", "/portal/failures/2/ask");
	p.q.params[0] = "2";
	set(p.q.form, "question", "What is going on with Initech?");
	assert_int_equal(portal_ask(&p.q, &p.r), 0);
	assert_int_equal(status_of(&p), 404);
	page_free(&p);
	portal_page(&p, f, "Northwind Logistics", "POST", "/portal/failures/2/survey");
	p.q.params[0] = "2";
	set(p.q.form, "informed", "0");
	assert_int_equal(portal_survey(&p.q, &p.r), 0);
	assert_int_equal(status_of(&p), 404);
	page_free(&p);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM communications"), before);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM survey_answers"), 1);

	/* a portal request without a client (a core bug) shows nothing */
	page_init(&p, f, NULL, "GET", "/portal/");
	assert_int_equal(portal_home(&p.q, &p.r), 0);
	assert_int_equal(status_of(&p), 404);
	page_free(&p);
}

/* A database error while the portal page is built is a 500, never a page
 * with an empty section ("No update yet.") and never a 404: every
 * statement of the page is made to fail in turn. */
static void portal_page_database_error_is_not_empty(void **state)
{
	struct fx *f = *state;
	struct page p;
	int n, ok_at = 0;
	for (n = 1; n < 200 && !ok_at; n++) {
		portal_page(&p, f, "Northwind Logistics", "GET", "/portal/failures/1");
		p.q.params[0] = "1";
		rd_store_fail_after(f->s, n);
		assert_int_equal(portal_failure(&p.q, &p.r), 0);
		bool fired = strcmp(rd_store_errmsg(f->s), "injected fault") == 0;
		rd_store_fail_after(f->s, 0);
		if (!fired) {
			assert_int_equal(status_of(&p), 200);
			assert_null(strstr(body(&p), "No update yet"));
			ok_at = n;
		} else if (status_of(&p) != 500) {
			fail_msg("statement %d failed and the page answered %d", n, status_of(&p));
		}
		page_free(&p);
	}
	assert_true(ok_at > 5);
}

/* The staff forms' lists (failures and contacts to log against, near
 * misses, goodwill awaiting approval) are a 500 when their query fails,
 * never an empty list. */
static void staff_forms_database_error_is_not_empty(void **state)
{
	struct fx *f = *state;
	static const struct {
		const char *path;
		rd_page_fn fn;
	} pages[] = {
		{"/log", web_log_form}, {"/near-misses", web_near_miss_form}, {"/goodwill", web_goodwill_list},
	};
	for (size_t k = 0; k < sizeof pages / sizeof pages[0]; k++) {
		int ok_at = 0;
		for (int n = 1; n < 100 && !ok_at; n++) {
			struct page p;
			page_init(&p, f, "maria@provider.example", "GET", pages[k].path);
			set(p.q.query, "client", "1");
			rd_store_fail_after(f->s, n);
			assert_int_equal(pages[k].fn(&p.q, &p.r), 0);
			bool fired = strcmp(rd_store_errmsg(f->s), "injected fault") == 0;
			rd_store_fail_after(f->s, 0);
			if (!fired)
				ok_at = n;
			else if (status_of(&p) != 500)
				fail_msg("%s: statement %d failed and the page answered %d", pages[k].path, n,
					 status_of(&p));
			page_free(&p);
		}
		assert_true(ok_at > 1);
	}
}

/* A busy database (another program holds its lock past the busy timeout)
 * is a 503 "try again" on every page that only reads — the core adds
 * Retry-After — never a bare 500: every statement of each page is made to
 * fail in turn with RD_EBUSY. */
static void read_pages_busy_database_is_503(void **state)
{
	struct fx *f = *state;
	static const struct {
		const char *who; /* a staff email, or a client's name for the portal */
		bool portal;
		const char *path;
		const char *param;
		rd_page_fn fn;
	} pages[] = {
		{"maria@provider.example", false, "/clients", NULL, web_client_list},
		{"maria@provider.example", false, "/clients/1", "1", web_client_page},
		{"maria@provider.example", false, "/failures", NULL, web_failure_list},
		{"maria@provider.example", false, "/failures/1", "1", web_failure_room},
		{"maria@provider.example", false, "/", NULL, web_agenda},
		{"maria@provider.example", false, "/compose", NULL, web_compose},
		{"maria@provider.example", false, "/log", NULL, web_log_form},
		{"maria@provider.example", false, "/near-misses", NULL, web_near_miss_form},
		{"maria@provider.example", false, "/goodwill", NULL, web_goodwill_list},
		{"Northwind Logistics", true, "/portal/", NULL, portal_home},
		{"Northwind Logistics", true, "/portal/failures/1", "1", portal_failure},
		{"Initech Banking", true, "/portal/failures/2/report", "2", portal_report},
	};
	for (size_t k = 0; k < sizeof pages / sizeof pages[0]; k++) {
		int ok_at = 0, busy = 0, warnings = -1;
		for (int n = 0; n < 400 && !ok_at; n++) {
			struct page p;
			if (pages[k].portal)
				portal_page(&p, f, pages[k].who, "GET", pages[k].path);
			else
				page_init(&p, f, pages[k].who, "GET", pages[k].path);
			if (pages[k].param)
				p.q.params[0] = pages[k].param;
			rd_store_fail_after_with(f->s, n, RD_EBUSY);
			assert_int_equal(pages[k].fn(&p.q, &p.r), 0);
			bool fired = n > 0 && strcmp(rd_store_errmsg(f->s), "injected fault") == 0;
			rd_store_fail_after(f->s, 0);
			int w = 0;
			for (const char *at = body(&p); (at = strstr(at, "flash warning")); at++)
				w++;
			if (!fired && status_of(&p) != 200)
				fail_msg("%s: answered %d with no fault (statement %d)", pages[k].path, status_of(&p), n);
			if (n == 0) /* the page as it is, for its own warnings */
				warnings = w;
			else if (!fired)
				ok_at = n;
			else if (status_of(&p) == 200 && w > warnings) {
				/* a page that names the part it could not read (trust,
				 * obligations, the summary) and shows the rest: said, not hidden */
			} else if (status_of(&p) != 503 || !strstr(body(&p), "Try again in a moment")) {
				fail_msg("%s: statement %d was busy and the page answered %d", pages[k].path, n,
					 status_of(&p));
			} else {
				busy++;
			}
			page_free(&p);
		}
		if (ok_at == 0 || busy == 0)
			fail_msg("%s: %d busy answers, first whole page at statement %d", pages[k].path, busy, ok_at);
	}
}

static void portal_question_is_an_inbound_chase(void **state)
{
	struct fx *f = *state;
	struct page p;
	portal_page(&p, f, "Globex Health", "POST", "/portal/failures/1/ask");
	p.q.params[0] = "1";
	set(p.q.form, "question", "When will co-payments work again?\nOur clinics need to know.");
	set(p.q.form, "about", "status");
	assert_int_equal(portal_ask(&p.q, &p.r), 0);
	assert_int_equal(p.r.status, 303);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM communications WHERE direction = 'in' AND chase = 1 "
					  "AND channel = 'portal' AND visibility = 'client' AND contact_id IS NOT NULL "
					  "AND summary = 'When will co-payments work again?'"), 1);
	page_free(&p);

	portal_page(&p, f, "Globex Health", "POST", "/portal/failures/1/ask");
	p.q.params[0] = "1";
	set(p.q.form, "question", "Can we get the invoice split?");
	set(p.q.form, "about", "other");
	assert_int_equal(portal_ask(&p.q, &p.r), 0);
	assert_int_equal(p.r.status, 303);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM communications WHERE direction = 'in' AND chase = 0 "
					  "AND channel = 'portal'"), 1);
	page_free(&p);

	/* the question shows on the portal as theirs, escaped */
	portal_page(&p, f, "Globex Health", "POST", "/portal/failures/1/ask");
	p.q.params[0] = "1";
	set(p.q.form, "question", "<script>x()</script>");
	assert_int_equal(portal_ask(&p.q, &p.r), 0);
	page_free(&p);
	portal_page(&p, f, "Globex Health", "GET", "/portal/failures/1");
	p.q.params[0] = "1";
	assert_int_equal(portal_failure(&p.q, &p.r), 0);
	assert_non_null(strstr(body(&p), "&lt;script&gt;x()&lt;/script&gt;"));
	assert_null(strstr(body(&p), "<script>x()"));
	page_free(&p);
}

static void portal_survey_is_answered_once(void **state)
{
	struct fx *f = *state;
	struct page p;
	/* Cedar has a survey-free failure 2; Initech answered already */
	portal_page(&p, f, "Initech Banking", "POST", "/portal/failures/2/survey");
	p.q.params[0] = "2";
	set(p.q.form, "informed", "9");
	assert_int_equal(portal_survey(&p.q, &p.r), 0);
	assert_int_equal(status_of(&p), 409);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM survey_answers"), 1);
	page_free(&p);

	json_t *in = json_pack("{si ss sI}", "failure", 2, "client", "Cedar Analytics", "sent_at", (json_int_t)T_NOW);
	assert_ok(rd_record_create(f->s, &f->sys, "survey", in, NULL, NULL, &m_));
	json_decref(in);
	portal_page(&p, f, "Cedar Analytics", "POST", "/portal/failures/2/survey");
	p.q.params[0] = "2";
	set(p.q.form, "informed", "11");
	assert_int_equal(portal_survey(&p.q, &p.r), 0);
	assert_int_equal(status_of(&p), 422); /* out of range: nothing saved */
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM survey_answers"), 1);
	page_free(&p);
	portal_page(&p, f, "Cedar Analytics", "POST", "/portal/failures/2/survey");
	p.q.params[0] = "2";
	set(p.q.form, "informed", "7");
	set(p.q.form, "better", "Call us sooner.");
	assert_int_equal(portal_survey(&p.q, &p.r), 0);
	assert_int_equal(p.r.status, 303);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM survey_answers"), 3);
	page_free(&p);
}

/* ---- the table ---- */

static void routes_table_is_well_formed(void **state)
{
	(void)state;
	size_t n = 0, portal = 0;
	for (const struct rd_page_route *r = rd_web_routes; r->method; r++, n++) {
		assert_non_null(r->pattern);
		assert_non_null(r->fn);
		assert_true(!strcmp(r->method, "GET") || !strcmp(r->method, "POST"));
		assert_true(r->pattern[0] == '/');
		bool under_portal = !strncmp(r->pattern, "/portal", 7);
		/* portal pages and only they are reachable with a portal link */
		assert_int_equal(under_portal, r->access == RD_PAGE_PORTAL);
		portal += under_portal;
		/* only the login form, the password links (getting back in) and
		 * the static assets (and the icon) need no login */
		if (r->access == RD_PAGE_PUBLIC)
			assert_true(!strcmp(r->pattern, "/login") || !strcmp(r->pattern, "/static/{name}") ||
				    !strcmp(r->pattern, "/favicon.ico") ||
				    !strncmp(r->pattern, "/password/", 10));
	}
	assert_true(n >= 15);
	assert_true(portal >= 4);
}

/* The stylesheet is served from the copy compiled in; unknown names are 404. */
static void static_assets_are_served(void **state)
{
	(void)state;
	struct rd_page_req req = {0};
	struct rd_page_resp resp = {0};
	req.method = "GET";
	req.params[0] = "app.css";
	assert_int_equal(web_static(&req, &resp), 0);
	assert_int_equal(resp.status, 0);
	assert_string_equal(resp.content_type, "text/css; charset=utf-8");
	assert_true(resp.body.len > 100);
	rd_buf_free(&resp.body);
	struct rd_page_resp miss = {0};
	req.params[0] = "../meson.build";
	assert_int_equal(web_static(&req, &miss), 0);
	assert_int_equal(miss.status, 404);
	rd_buf_free(&miss.body);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(escapes_every_special_character),
		cmocka_unit_test(routes_table_is_well_formed),
		cmocka_unit_test(static_assets_are_served),
		cmocka_unit_test_setup_teardown(staff_pages_escape_user_text, demo_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(agenda_lists_what_is_due_per_owner, demo_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(client_page_shows_trust, demo_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(failure_room_shows_every_part, demo_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(lists_show_times_and_flags, demo_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(refused_log_changes_nothing, demo_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(goodwill_approval_needs_a_manager, demo_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(near_miss_form_records_and_refuses, demo_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(composer_drafts_and_logs, demo_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(composer_sends_by_email, demo_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(staff_times_in_the_viewers_zone, demo_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(login_page_never_echoes_foreign_text, demo_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(portal_shows_only_its_client, demo_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(portal_question_is_an_inbound_chase, demo_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(portal_survey_is_answered_once, demo_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(portal_page_database_error_is_not_empty, demo_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(staff_forms_database_error_is_not_empty, demo_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(read_pages_busy_database_is_503, demo_setup, fx_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
