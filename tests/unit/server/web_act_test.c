/* web_act_test.c — the action forms (src/server/web_act_*.c) called as the
 * HTTP core calls them, on the demo data: a date-time typed in the browser
 * is read in the viewer's zone; empty, too long, markup, impossible dates
 * and unknown ids are refused with the message next to the field and write
 * nothing; the library's roles hold (an agent cannot approve goodwill); a
 * viewer is offered no action; success messages come from one table by
 * the flash cookie, never from the URL. */
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
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
