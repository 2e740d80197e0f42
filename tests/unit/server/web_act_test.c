/* web_act_test.c — the action forms (src/server/web_act_*.c) called as the
 * HTTP core calls them, on the demo data: a date-time typed in the browser
 * is read in the viewer's zone; empty, too long, markup, impossible dates
 * and unknown ids are refused with the message next to the field and write
 * nothing; the library's roles hold (an agent cannot approve goodwill); a
 * viewer is offered no action; success messages come from one table by
 * the flash cookie, never from the URL. Every form's POST is also run from
 * a table: its refusal (status, field named, input kept, nothing written),
 * its success (303, where, which flash) and a busy database (503). */
#include "../unit.h"

#include "../../../src/server/web_act.h"
#include "redress/time.h"

struct page {
	struct rd_page_req q;
	struct rd_page_resp r;
	struct rd_actor actor;
};

static void page_init(struct page *p, struct fx *f, const char *email, const char *method, const char *id,
		      const char *id2)
{
	memset(p, 0, sizeof *p);
	p->q.store = f->s;
	char *m = NULL;
	if (rd_actor_for_user(f->s, email, &p->actor, &m))
		fail_msg("actor %s: %s", email, m ? m : "?");
	p->actor.now = T_NOW;
	p->q.actor = &p->actor;
	p->q.method = method;
	p->q.path = "/x";
	p->q.params[0] = id;
	p->q.params[1] = id2;
	p->q.query = json_object();
	p->q.form = json_object();
	p->q.csrf_token = "tok";
	p->q.now = T_NOW;
	p->r.body = (struct rd_buf)RD_BUF_INIT;
	web_viewer_tz_for(f->s, &p->actor); /* as the router does */
}

/* Sets sam's zone (users.tz; NULL: none, the desk's). */
static void sam_tz(struct fx *f, const char *tz)
{
	int64_t id = 0;
	assert_ok(rd_record_lookup(f->s, "user", "sam@provider.example", &id, &m_));
	json_t *in = json_pack("{so}", "tz", tz ? json_string(tz) : json_null());
	assert_ok(rd_record_update(f->s, &f->sys, "user", id, in, NULL, &m_));
	json_decref(in);
}

static void page_free(struct page *p)
{
	json_decref(p->q.query);
	json_decref(p->q.form);
	rd_buf_free(&p->r.body);
	free(p->r.location);
	free(p->r.flash);
}

static const char *body(struct page *p)
{
	return p->r.body.data ? p->r.body.data : "";
}

static void set(json_t *o, const char *k, const char *v)
{
	json_object_set_new(o, k, json_string(v));
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

static int64_t latest_eta(struct fx *f)
{
	return count_rows(f->s, "SELECT eta FROM eta_revisions WHERE failure_id = 1 ORDER BY id DESC LIMIT 1");
}

/* One POST of the ETA form by sam, whose zone is TZ; returns the status.
 * The browser's zone in a "tz" field (what act.js sent before) is ignored. */
static int post_eta(struct fx *f, const char *eta, const char *tz)
{
	struct page p;
	sam_tz(f, tz);
	page_init(&p, f, "sam@provider.example", "POST", "1", NULL);
	set(p.q.form, "eta", eta);
	set(p.q.form, "tz", "Pacific/Auckland");
	set(p.q.form, "reason", "The vendor needs a second window");
	assert_int_equal(web_act_eta_post(&p.q, &p.r), 0);
	int st = p.r.status;
	if (st == 422)
		assert_non_null(strstr(body(&p), "id=\"err-eta\""));
	page_free(&p);
	return st;
}

static void eta_is_read_in_the_viewers_zone(void **state)
{
	struct fx *f = *state;
	int64_t want;
	assert_ok(rd_time_parse("2030-01-15T17:00:00Z", &want, &m_));
	assert_int_equal(post_eta(f, "2030-01-15T18:00", "Europe/Berlin"), 303);
	assert_int_equal(latest_eta(f), want);
	/* India is 5:30 ahead: 22:30 there is the same instant */
	assert_int_equal(post_eta(f, "2030-01-15T22:30", "Asia/Kolkata"), 303);
	assert_int_equal(latest_eta(f), want);
	/* a user without a zone: the desk's (UTC) */
	assert_int_equal(post_eta(f, "2030-01-15T17:00", NULL), 303);
	assert_int_equal(latest_eta(f), want);
	assert_int_equal(post_eta(f, "2030-01-15T17:00:00", NULL), 303);
	assert_int_equal(latest_eta(f), want);
	/* the form says which zone it reads */
	struct page p;
	sam_tz(f, "Asia/Kolkata");
	page_init(&p, f, "sam@provider.example", "GET", "1", NULL);
	assert_int_equal(web_act_eta(&p.q, &p.r), 0);
	assert_non_null(strstr(body(&p), "Asia/Kolkata time"));
	page_free(&p);
	sam_tz(f, NULL);
	web_viewer_tz_set(NULL);
}

static void bad_dates_change_nothing(void **state)
{
	struct fx *f = *state;
	int64_t n = count_rows(f->s, "SELECT count(*) FROM eta_revisions");
	assert_int_equal(post_eta(f, "2030-02-30T10:00", "UTC"), 422);  /* no such day */
	assert_int_equal(post_eta(f, "2030-1-5T10:00", "UTC"), 422);    /* not the picker's shape */
	assert_int_equal(post_eta(f, "2031-02-29T10:00", "UTC"), 422);  /* not a leap year */
	assert_int_equal(post_eta(f, "2030-01-15T24:00", "UTC"), 422);
	assert_int_equal(post_eta(f, "2020-01-15T10:00", "UTC"), 422);  /* in the past */
	assert_int_equal(post_eta(f, "", "UTC"), 422);                  /* required */
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM eta_revisions"), n);
}

static void open_refuses_empty_long_and_markup(void **state)
{
	struct fx *f = *state;
	int64_t n = count_rows(f->s, "SELECT count(*) FROM failures");
	char longer[202];
	memset(longer, 'x', 201);
	longer[201] = 0;
	const char *titles[] = {"", "   ", longer, "Outage <script>alert(1)</script>", "<img src=x>"};
	const char *why[] = {"required", "required", "too long", "markup", "markup"};
	for (size_t i = 0; i < 5; i++) {
		struct page p;
		page_init(&p, f, "sam@provider.example", "POST", NULL, NULL);
		set(p.q.form, "title", titles[i]);
		set(p.q.form, "severity", "2");
		assert_int_equal(web_act_new_post(&p.q, &p.r), 0);
		assert_int_equal(p.r.status, 422);
		assert_null(p.r.location);
		const char *e = strstr(body(&p), "id=\"err-title\"");
		assert_non_null(e);
		assert_non_null(strstr(e, why[i]));
		/* the typed text comes back, escaped */
		assert_null(strstr(body(&p), "<script>alert"));
		page_free(&p);
	}
	/* a severity that is not offered, an unknown lead */
	struct page p;
	page_init(&p, f, "sam@provider.example", "POST", NULL, NULL);
	set(p.q.form, "title", "Fine title");
	set(p.q.form, "severity", "9");
	assert_int_equal(web_act_new_post(&p.q, &p.r), 0);
	assert_non_null(strstr(body(&p), "id=\"err-severity\""));
	page_free(&p);
	page_init(&p, f, "sam@provider.example", "POST", NULL, NULL);
	set(p.q.form, "title", "Fine title");
	set(p.q.form, "severity", "2");
	set(p.q.form, "lead", "99999");
	assert_int_equal(web_act_new_post(&p.q, &p.r), 0);
	assert_non_null(strstr(body(&p), "id=\"err-lead\""));
	page_free(&p);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM failures"), n);

	/* 200 characters and a "<" that is not markup are fine */
	longer[200] = 0;
	page_init(&p, f, "sam@provider.example", "POST", NULL, NULL);
	set(p.q.form, "title", longer);
	set(p.q.form, "description", "latency < 5 ms before");
	set(p.q.form, "severity", "2");
	assert_int_equal(web_act_new_post(&p.q, &p.r), 0);
	assert_int_equal(p.r.status, 303);
	assert_non_null(p.r.location);
	assert_null(strstr(p.r.location, "done="));
	assert_non_null(strstr(p.r.location, "/clients"));
	assert_non_null(p.r.flash);
	assert_string_equal(p.r.flash, "Failure opened. Confirm the clients the service map proposes below.");
	page_free(&p);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM failures"), n + 1);
}

static void rca_with_markup_writes_nothing(void **state)
{
	struct fx *f = *state;
	int64_t n = count_rows(f->s, "SELECT count(*) FROM audit_log");
	struct page p;
	page_init(&p, f, "sam@provider.example", "POST", "1", NULL);
	set(p.q.form, "whys", "one\ntwo");
	set(p.q.form, "client_explanation", "It broke </textarea><script>x</script>");
	assert_int_equal(web_act_rca_post(&p.q, &p.r), 0);
	assert_int_equal(p.r.status, 422);
	assert_non_null(strstr(body(&p), "id=\"err-client_explanation\""));
	assert_non_null(strstr(body(&p), "&lt;/textarea&gt;")); /* kept, escaped, inside the textarea */
	page_free(&p);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM audit_log"), n);
}

static void agent_cannot_approve_goodwill(void **state)
{
	struct fx *f = *state;
	int64_t gid = count_rows(f->s, "SELECT id FROM goodwill WHERE status = 'proposed' LIMIT 1");
	assert_true(gid > 0);
	char id[32];
	snprintf(id, sizeof id, "%lld", (long long)gid);
	struct page p;
	page_init(&p, f, "sam@provider.example", "POST", id, NULL);
	set(p.q.form, "decision", "approved");
	assert_int_equal(web_act_decide_post(&p.q, &p.r), 0);
	assert_int_equal(p.r.status, 403);
	page_free(&p);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM goodwill WHERE status = 'proposed'"), 1);
	/* an unknown decision is refused before anything */
	page_init(&p, f, "maria@provider.example", "POST", id, NULL);
	set(p.q.form, "decision", "gifted");
	assert_int_equal(web_act_decide_post(&p.q, &p.r), 0);
	assert_int_equal(p.r.status, 422);
	page_free(&p);
	/* a manager approves */
	page_init(&p, f, "maria@provider.example", "POST", id, NULL);
	set(p.q.form, "decision", "approved");
	set(p.q.form, "note", "ok with finance");
	assert_int_equal(web_act_decide_post(&p.q, &p.r), 0);
	assert_int_equal(p.r.status, 303);
	page_free(&p);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM goodwill WHERE status = 'approved' AND note = "
					  "'ok with finance'"), 1);
}

static void panel_by_role_and_known_messages_only(void **state)
{
	struct fx *f = *state;
	struct page p;
	page_init(&p, f, "victor@provider.example", "GET", "1", NULL);
	assert_int_equal(web_failure_room(&p.q, &p.r), 0);
	assert_null(strstr(body(&p), "id=\"act\""));
	assert_null(strstr(body(&p), "/edit\""));
	page_free(&p);
	page_init(&p, f, "sam@provider.example", "GET", "1", NULL);
	set(p.q.query, "done", "<script>alert(1)</script>");
	assert_int_equal(web_failure_room(&p.q, &p.r), 0);
	assert_non_null(strstr(body(&p), "id=\"act\""));
	assert_null(strstr(body(&p), "id=\"act-disclosure\"")); /* a manager's */
	assert_null(strstr(body(&p), "id=\"act-waive-"));
	assert_null(strstr(body(&p), "alert(1)"));
	assert_null(strstr(body(&p), "flash notice"));
	page_free(&p);
	/* ?done= no longer shows anything; the flash (read by the core from its
	 * cookie) shows once in the layout's #flash banner */
	page_init(&p, f, "maria@provider.example", "GET", "1", NULL);
	set(p.q.query, "done", "rca");
	assert_int_equal(web_failure_room(&p.q, &p.r), 0);
	assert_non_null(strstr(body(&p), "id=\"act-disclosure\""));
	assert_null(strstr(body(&p), "Root cause saved."));
	page_free(&p);
	page_init(&p, f, "maria@provider.example", "GET", "1", NULL);
	p.q.flash = "Root cause saved.";
	assert_int_equal(web_failure_room(&p.q, &p.r), 0);
	assert_non_null(strstr(body(&p), "id=\"flash\">Root cause saved.</div>"));
	page_free(&p);
}

static void invite_only_this_clients_contacts(void **state)
{
	struct fx *f = *state;
	int64_t other = count_rows(f->s, "SELECT id FROM contacts WHERE email = 'jules@acme-retail.example'");
	char cid[32];
	snprintf(cid, sizeof cid, "%lld", (long long)other);
	int64_t n = count_rows(f->s, "SELECT count(*) FROM portal_links");
	struct page p;
	page_init(&p, f, "sam@provider.example", "POST", "1", NULL); /* Northwind */
	set(p.q.form, "contact", cid);
	assert_int_equal(web_act_invite_post(&p.q, &p.r), 0);
	assert_int_equal(p.r.status, 422);
	page_free(&p);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM portal_links"), n);
}

static void admin_cannot_lock_themselves_out(void **state)
{
	struct fx *f = *state;
	struct page p;
	page_init(&p, f, "ada@provider.example", "POST", "1", NULL);
	set(p.q.form, "action", "disable");
	assert_int_equal(web_act_user_post(&p.q, &p.r), 0);
	assert_int_equal(p.r.status, 409);
	page_free(&p);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM users WHERE id = 1 AND disabled = 0"), 1);
	/* another user: deactivated */
	page_init(&p, f, "ada@provider.example", "POST", "5", NULL);
	set(p.q.form, "action", "disable");
	assert_int_equal(web_act_user_post(&p.q, &p.r), 0);
	assert_int_equal(p.r.status, 303);
	page_free(&p);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM users WHERE id = 5 AND disabled = 1"), 1);
}

/* ---- every form's POST, as a table: what a user sees after each ---- */

typedef int (*post_fn)(const struct rd_page_req *q, struct rd_page_resp *r);

/* A case: HANDLER posted by EMAIL with path segments P0, P1 ("F" failure
 * 1, "C" a client affected by it, "K" an open commitment of it, "A" an open
 * plan action of it, "G" its proposed goodwill) and the form FORM (pairs,
 * NULL-ended). A 303 goes to LOC with the flash FLASH; a refusal (STATUS)
 * names the field ERR and keeps the typed text KEPT. */
struct form_case {
	const char *name;
	post_fn handler;
	const char *email, *p0, *p1;
	const char *form[12];
	int status;
	const char *loc, *flash;   /* 303 */
	const char *err, *kept;    /* 4xx/5xx: the field named, the typed text kept */
};

static char ids[5][32];

static const char *seg(const char *p)
{
	if (!p)
		return NULL;
	const char *keys = "FCKAG";
	const char *at = strchr(keys, p[0]);
	return at && !p[1] ? ids[at - keys] : p;
}

static void ids_load(struct fx *f)
{
	snprintf(ids[0], sizeof ids[0], "1");
	snprintf(ids[1], sizeof ids[1], "%lld", (long long)count_rows(f->s,
		 "SELECT client_id FROM impacts WHERE failure_id = 1 AND affected = 'yes' ORDER BY client_id LIMIT 1"));
	snprintf(ids[2], sizeof ids[2], "%lld", (long long)count_rows(f->s,
		 "SELECT id FROM commitments WHERE failure_id = 1 AND status = 'open' ORDER BY id LIMIT 1"));
	snprintf(ids[3], sizeof ids[3], "%lld", (long long)count_rows(f->s,
		 "SELECT id FROM plan_actions WHERE failure_id = 1 AND status IN ('planned', 'in_progress') ORDER BY id LIMIT 1"));
	snprintf(ids[4], sizeof ids[4], "%lld", (long long)count_rows(f->s,
		 "SELECT id FROM goodwill WHERE status = 'proposed' ORDER BY id LIMIT 1"));
	for (int i = 1; i < 5; i++)
		assert_true(strtoll(ids[i], NULL, 10) > 0);
}

/* The location the handler answers, with "{C}" standing for the client. */
static void want_loc(const char *pat, char *out, size_t n)
{
	const char *c = strstr(pat, "{C}");
	if (c)
		snprintf(out, n, "%.*s%s%s", (int)(c - pat), pat, ids[1], c + 3);
	else
		snprintf(out, n, "%s", pat);
}

static void run_case(struct fx *f, const struct form_case *c)
{
	struct page p;
	int64_t audit = count_rows(f->s, "SELECT count(*) FROM audit_log");
	page_init(&p, f, c->email ? c->email : "sam@provider.example", "POST", seg(c->p0), seg(c->p1));
	for (size_t i = 0; c->form[i]; i += 2)
		set(p.q.form, c->form[i], c->form[i + 1]);
	assert_int_equal(c->handler(&p.q, &p.r), 0);
	if (p.r.status != c->status)
		fail_msg("%s: status %d, want %d: %.300s", c->name, p.r.status, c->status, body(&p));
	if (c->status == 303) {
		char loc[128];
		want_loc(c->loc, loc, sizeof loc);
		if (!p.r.location || strcmp(p.r.location, loc))
			fail_msg("%s: location %s, want %s", c->name, p.r.location ? p.r.location : "(none)", loc);
		if (!p.r.flash || strcmp(p.r.flash, c->flash))
			fail_msg("%s: flash %s, want %s", c->name, p.r.flash ? p.r.flash : "(none)", c->flash);
		assert_true(count_rows(f->s, "SELECT count(*) FROM audit_log") > audit);
	} else {
		char id[64];
		/* the form again, with the error beside the field and the input kept */
		assert_non_null(strstr(body(&p), "id=\"act-form\""));
		if (c->err) {
			snprintf(id, sizeof id, "id=\"err-%s\"", c->err);
			if (!strstr(body(&p), id))
				fail_msg("%s: no %s in the page", c->name, id);
		}
		if (c->kept && !strstr(body(&p), c->kept))
			fail_msg("%s: the typed '%s' was not kept", c->name, c->kept);
		assert_null(p.r.location);
		assert_null(p.r.flash);
		assert_int_equal(count_rows(f->s, "SELECT count(*) FROM audit_log"), audit);
	}
	page_free(&p);
}

#define MARIA "maria@provider.example"

static const struct form_case refusals[] = {
	{"plan: no description", web_act_plan_post, NULL, "F", NULL,
	 {"kind", "repair", "success_criterion", "Pager rota live", NULL}, 422, NULL, NULL, "description", "Pager rota live"},
	{"edit: empty title", web_act_edit_post, NULL, "F", NULL,
	 {"title", "", "severity", "2", "description", "Kept words 123", NULL}, 422, NULL, NULL, "title", "Kept words 123"},
	{"status: in the future", web_act_status_post, NULL, "F", NULL,
	 {"status", "resolved", "at", "2031-03-04T10:00", NULL}, 422, NULL, NULL, "at", "2031-03-04T10:00"},
	{"status: not a choice", web_act_status_post, NULL, "F", NULL,
	 {"status", "exploded", NULL}, 422, NULL, NULL, "status", NULL},
	{"disclosure: empty", web_act_disclosure_post, MARIA, "F", NULL, {"text", "", NULL}, 422, NULL, NULL, "text", NULL},
	{"commitment: no client", web_act_commitment_post, NULL, "F", NULL,
	 {"text", "Call back by noon", NULL}, 422, NULL, NULL, "client", "Call back by noon"},
	{"survey: no client", web_act_survey_post, NULL, "F", NULL, {"client", "", NULL}, 422, NULL, NULL, "client", NULL},
	{"review: held in the future", web_act_review_post, NULL, "F", NULL,
	 {"held_at", "2031-03-04T10:00", "lessons", "Rehearse failover", NULL}, 422, NULL, NULL, "held_at",
	 "Rehearse failover"},
	{"rca: markup", web_act_rca_post, NULL, "F", NULL,
	 {"findings", "Seen <b>x</b>", "contributing", "Old firmware", NULL}, 422, NULL, NULL, "findings", "Old firmware"},
	{"eta: in the past", web_act_eta_post, NULL, "F", NULL,
	 {"eta", "2020-01-15T10:00", "reason", "Vendor window moved", NULL}, 422, NULL, NULL, "eta", "Vendor window moved"},
	{"impact: not an amount", web_act_impact_post, NULL, "F", "C",
	 {"financial", "lots", "operational", "Tills down", NULL}, 422, NULL, NULL, "financial", "Tills down"},
	{"waive: no obligation", web_act_waive_post, MARIA, "F", "C",
	 {"reason", "Not applicable here", NULL}, 422, NULL, NULL, "key", "Not applicable here"},
	{"goodwill: bad currency", web_act_goodwill_post, NULL, "F", "C",
	 {"kind", "credit", "amount", "100", "currency", "eur", "note", "Long outage", NULL}, 422, NULL, NULL, "currency",
	 "Long outage"},
	{"settle: renegotiated without a date", web_act_settle_post, NULL, "K", NULL,
	 {"status", "renegotiated", "note", "Moved to Friday", NULL}, 422, NULL, NULL, "due", "Moved to Friday"},
	{"plan status: done without evidence", web_act_plan_status_post, NULL, "A", NULL,
	 {"status", "done", NULL}, 422, NULL, NULL, "evidence", NULL},
	{"clients: unknown client", web_act_clients_post, NULL, "F", NULL, {"add", "999999", NULL}, 422, NULL, NULL, "add",
	 NULL},
	{"decide: note too long", web_act_decide_post, MARIA, "G", NULL,
	 {"decision", "approved", "note", "", NULL}, 0, NULL, NULL, "note", NULL}, /* filled below */
	/* the library's refusals: its status, its words, nothing written */
	{"status: backwards (409)", web_act_status_post, NULL, "F", NULL,
	 {"status", "investigating", NULL}, 409, NULL, NULL, "status", NULL},
	{"disclosure: an agent (403)", web_act_disclosure_post, NULL, "F", NULL,
	 {"text", "We may say the tills failed", NULL}, 403, NULL, NULL, NULL, "We may say the tills failed"},
};

static void every_form_refuses_with_the_field_named_and_input_kept(void **state)
{
	struct fx *f = *state;
	ids_load(f);
	char longnote[2100];
	memset(longnote, 'n', sizeof longnote - 1);
	longnote[sizeof longnote - 1] = 0;
	for (size_t i = 0; i < sizeof refusals / sizeof refusals[0]; i++) {
		struct form_case c = refusals[i];
		if (c.handler == web_act_decide_post) {
			c.form[3] = longnote;
			c.status = 422;
		}
		run_case(f, &c);
	}
}

static const struct form_case successes[] = {
	{"rca", web_act_rca_post, NULL, "F", NULL, {"whys", "a\n\n b \nc", "category", "vendor", NULL}, 303,
	 "/failures/1#rca", "Root cause saved.", NULL, NULL},
	{"plan", web_act_plan_post, NULL, "F", NULL, {"description", "Swap the router", "kind", "repair", NULL}, 303,
	 "/failures/1#plan", "Plan action added.", NULL, NULL},
	{"eta", web_act_eta_post, NULL, "F", NULL, {"eta", "2030-01-15T10:00", "reason", "Vendor window", NULL}, 303,
	 "/failures/1#eta", "ETA revised.", NULL, NULL},
	{"edit", web_act_edit_post, NULL, "F", NULL, {"title", "Tills down", "severity", "2", NULL}, 303,
	 "/failures/1#act", "Failure details saved. Clients of a service added are proposed under Affected clients.", NULL, NULL},
	{"disclosure", web_act_disclosure_post, MARIA, "F", NULL, {"text", "We may say the tills failed", NULL}, 303,
	 "/failures/1#disclosure", "Disclosure decision recorded.", NULL, NULL},
	{"commitment", web_act_commitment_post, NULL, "F", NULL, {"client", "C", "text", "Call back by noon", NULL}, 303,
	 "/failures/1", "Commitment added.", NULL, NULL},
	{"review", web_act_review_post, NULL, "F", NULL, {"lessons", "Rehearse failover", NULL}, 303, "/failures/1",
	 "Review saved.", NULL, NULL},
	{"review again (update)", web_act_review_post, NULL, "F", NULL, {"lessons", "Rehearse it twice", NULL}, 303,
	 "/failures/1", "Review saved.", NULL, NULL},
	{"impact", web_act_impact_post, NULL, "F", "C", {"operational", "Tills down", "severity", "2", NULL}, 303,
	 "/failures/1#track-{C}", "Impact recorded.", NULL, NULL},
	{"goodwill", web_act_goodwill_post, NULL, "F", "C", {"kind", "credit", "amount", "100", "currency", "EUR", NULL},
	 303, "/failures/1#goodwill", "Goodwill proposed: it now waits for a manager's approval.", NULL, NULL},
	{"settle", web_act_settle_post, NULL, "K", NULL, {"status", "kept", NULL}, 303, "/failures/1",
	 "Commitment updated.", NULL, NULL},
	{"plan status", web_act_plan_status_post, NULL, "A", NULL, {"status", "in_progress", NULL}, 303,
	 "/failures/1#plan", "Plan action updated.", NULL, NULL},
	{"decide", web_act_decide_post, MARIA, "G", NULL, {"decision", "approved", NULL}, 303, "/failures/1#goodwill",
	 "Goodwill approved.", NULL, NULL},
	{"survey", web_act_survey_post, NULL, "F", NULL, {"client", "C", NULL}, 303, "/failures/1#timeline",
	 "Survey sent.", NULL, NULL},
	{"status", web_act_status_post, NULL, "F", NULL, {"status", "resolved", NULL}, 303, "/failures/1",
	 "Status changed.", NULL, NULL},
};

static void every_form_saves_redirects_and_says_so(void **state)
{
	struct fx *f = *state;
	ids_load(f);
	for (size_t i = 0; i < sizeof successes / sizeof successes[0]; i++) {
		struct form_case c = successes[i];
		for (size_t j = 1; c.form[j - 1]; j += 2)
			if (!strcmp(c.form[j], "C"))
				c.form[j] = ids[1];
		run_case(f, &c);
	}
}

/* Another program holds the write lock: each form answers 503 with the
 * busy text, the typed input kept, nothing written; then it saves. */
static void a_busy_database_gives_503_on_the_form(void **state)
{
	struct fx *f = *state;
	SQLITE_ONLY("a second SQLite handle holds the write lock");
	ids_load(f);
	struct rd_store *other = NULL;
	char *m = NULL;
	if (rd_store_open_mode(f->path, RD_STORE_NOMIGRATE, &other, &m))
		fail_msg("open: %s", m ? m : "?");
	rd_store_set_busy_timeout(f->s, 50);
	assert_int_equal(rd_store_begin(other), RD_OK);
	static const struct form_case busy[] = {
		{"rca", web_act_rca_post, NULL, "F", NULL, {"contributing", "Old firmware", NULL}, 503, NULL, NULL, NULL,
		 "Old firmware"},
		{"disclosure", web_act_disclosure_post, MARIA, "F", NULL, {"text", "We may say the tills failed", NULL},
		 503, NULL, NULL, NULL, "We may say the tills failed"},
		{"impact", web_act_impact_post, NULL, "F", "C", {"operational", "Tills down", NULL}, 503, NULL, NULL, NULL,
		 "Tills down"},
		{"settle", web_act_settle_post, NULL, "K", NULL, {"status", "kept", "note", "Done on time", NULL}, 503, NULL,
		 NULL, NULL, "Done on time"},
		{"eta", web_act_eta_post, NULL, "F", NULL, {"eta", "2030-01-15T10:00", "reason", "Vendor window", NULL}, 503,
		 NULL, NULL, NULL, "Vendor window"},
	};
	for (size_t i = 0; i < sizeof busy / sizeof busy[0]; i++) {
		struct page p;
		const struct form_case *c = &busy[i];
		page_init(&p, f, c->email ? c->email : "sam@provider.example", "POST", seg(c->p0), seg(c->p1));
		for (size_t j = 0; c->form[j]; j += 2)
			set(p.q.form, c->form[j], c->form[j + 1]);
		assert_int_equal(c->handler(&p.q, &p.r), 0);
		if (p.r.status != 503)
			fail_msg("%s: status %d, want 503", c->name, p.r.status);
		assert_non_null(strstr(body(&p), "The database is busy with another program, so nothing was saved."));
		assert_non_null(strstr(body(&p), "id=\"act-form\""));
		assert_non_null(strstr(body(&p), c->kept));
		assert_null(p.r.location);
		page_free(&p);
	}
	rd_store_rollback(other);
	rd_store_close(other);
	int64_t audit = count_rows(f->s, "SELECT count(*) FROM audit_log");
	run_case(f, &successes[0]);
	assert_true(count_rows(f->s, "SELECT count(*) FROM audit_log") > audit);
}

/* An unknown failure, client of the path, commitment or plan action is a
 * 404 page, GET or POST, before anything is read from the form. */
static void unknown_subjects_are_404(void **state)
{
	struct fx *f = *state;
	ids_load(f);
	static const struct {
		post_fn handler;
		const char *p0, *p1;
	} cases[] = {
		{web_act_rca_post, "999999", NULL},      {web_act_impact_post, "1", "999999"},
		{web_act_impact, "1", "999999"},         {web_act_goodwill_post, "999999", "C"},
		{web_act_waive, "1", "x"},               {web_act_settle_post, "999999", NULL},
		{web_act_plan_status_post, "999999", NULL}, {web_act_review_post, "999999", NULL},
		{web_act_decide_post, "999999", NULL},
	};
	int64_t audit = count_rows(f->s, "SELECT count(*) FROM audit_log");
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct page p;
		page_init(&p, f, MARIA, "POST", seg(cases[i].p0), seg(cases[i].p1));
		set(p.q.form, "status", "kept");
		set(p.q.form, "decision", "approved");
		assert_int_equal(cases[i].handler(&p.q, &p.r), 0);
		if (p.r.status != 404)
			fail_msg("case %zu: status %d, want 404", i, p.r.status);
		assert_non_null(strstr(body(&p), "There is nothing here."));
		page_free(&p);
	}
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM audit_log"), audit);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(eta_is_read_in_the_viewers_zone, demo_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(bad_dates_change_nothing, demo_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(open_refuses_empty_long_and_markup, demo_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(rca_with_markup_writes_nothing, demo_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(agent_cannot_approve_goodwill, demo_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(panel_by_role_and_known_messages_only, demo_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(invite_only_this_clients_contacts, demo_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(admin_cannot_lock_themselves_out, demo_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(every_form_refuses_with_the_field_named_and_input_kept, demo_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(every_form_saves_redirects_and_says_so, demo_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(a_busy_database_gives_503_on_the_form, demo_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(unknown_subjects_are_404, demo_setup, fx_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
