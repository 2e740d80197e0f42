/* auth_test.c — lib/auth_*.c: one-time password links (made by an admin or
 * asked for, looked at, used once with a strong password, ending the
 * user's other sessions; expired, used and unknown links refused alike),
 * staff sessions (valid until they expire, ended by logout, never taken
 * for a portal one), login links used once, API tokens (revoked and
 * disabled users refused), portal links (a revoked link ends its
 * sessions) and the sign-in throttle, per account and per address. */
#include "redress/auth.h"
#include "unit.h"

static void add_with_password(struct fx *f, const char *email, const char *pw)
{
	json_t *in = json_pack("{ss ss ss}", "email", email, "name", "Sam Okafor", "role", "agent");
	assert_ok(rd_user_add(f->s, &f->sys, in, pw, NULL, &m_));
	json_decref(in);
}

static void password_link_sets_a_password_once(void **state)
{
	struct fx *f = *state;
	add_with_password(f, "sam@provider.example", "Velvet-Otter-Canyon-17");
	struct rd_actor agent = make_user(f, "ann@provider.example", "agent");
	char *tok = NULL, *email = NULL, *sess = NULL, *old = NULL;
	assert_fails(rd_password_link_create(f->s, &agent, "sam@provider.example", 0, T_NOW, &tok, &m_), RD_EPERM,
		     "admin");
	assert_fails(rd_password_link_create(f->s, &f->sys, "nobody@provider.example", 0, T_NOW, &tok, &m_),
		     RD_ENOTFOUND, "nobody@provider.example");
	assert_ok(rd_session_create_staff(f->s, agent.user_id + 0, T_NOW, &old, &m_));
	free(old);
	int64_t sam = 0;
	assert_ok(rd_user_check_password(f->s, "sam@provider.example", "Velvet-Otter-Canyon-17", &sam, &m_));
	assert_ok(rd_session_create_staff(f->s, sam, T_NOW, &old, &m_));
	assert_int_equal(rd_login_failed(f->s, "email:sam@provider.example", T_NOW), RD_OK);
	assert_int_equal(rd_login_failed(f->s, "email:ann@provider.example", T_NOW), RD_OK);
	assert_ok(rd_password_link_create(f->s, &f->sys, "sam@provider.example", 0, T_NOW, &tok, &m_));
	assert_int_equal(strncmp(tok, "rdr_", 4), 0);
	assert_ok(rd_password_link_peek(f->s, tok, T_NOW + 60, &email, &m_));
	assert_string_equal(email, "sam@provider.example");
	free(email);
	/* a weak password is refused and the link stays live */
	assert_fails(rd_password_link_use(f->s, tok, "password", T_NOW + 60, &sess, &m_), RD_EINVAL, "dictionary");
	assert_null(sess);
	assert_fails(rd_password_link_use(f->s, tok, "Sam Okafor 1", T_NOW + 60, &sess, &m_), RD_EINVAL, "user name");
	assert_ok(rd_password_link_peek(f->s, tok, T_NOW + 60, &email, &m_));
	free(email);
	assert_ok(rd_password_link_use(f->s, tok, "Ocean-Lamp-Thistle-25", T_NOW + 60, &sess, &m_));
	struct rd_session s;
	assert_ok(rd_session_lookup(f->s, sess, false, T_NOW + 61, &s, &m_));
	assert_int_equal(s.actor.user_id, sam);
	/* the old session ended; another user's did not */
	assert_fails(rd_session_lookup(f->s, old, false, T_NOW + 61, &s, &m_), RD_ENOTFOUND, NULL);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM sessions"), 2);
	int64_t who;
	assert_ok(rd_user_check_password(f->s, "sam@provider.example", "Ocean-Lamp-Thistle-25", &who, &m_));
	assert_fails(rd_user_check_password(f->s, "sam@provider.example", "Velvet-Otter-Canyon-17", &who, &m_),
		     RD_EPERM, NULL);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM audit_log WHERE action = 'set-password'"), 1);
	/* sam's failed sign-ins are forgotten, ann's are not */
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM login_attempts WHERE key = 'email:sam@provider.example'"), 0);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM login_attempts WHERE key = 'email:ann@provider.example'"), 1);
	free(sess);
	sess = NULL;
	assert_fails(rd_password_link_use(f->s, tok, "Another-Strong-Phrase-99", T_NOW + 90, &sess, &m_),
		     RD_ENOTFOUND, "already used");
	assert_null(sess);
	free(tok);
	free(old);
}

static void expired_unknown_and_other_links_are_refused(void **state)
{
	struct fx *f = *state;
	add_with_password(f, "sam@provider.example", "Velvet-Otter-Canyon-17");
	char *tok = NULL, *email = NULL, *login = NULL, *sess = NULL;
	assert_ok(rd_password_link_create(f->s, &f->sys, "sam@provider.example", 30, T_NOW, &tok, &m_));
	assert_fails(rd_password_link_peek(f->s, tok, T_NOW + 30 * 60, &email, &m_), RD_ENOTFOUND, "expired");
	assert_fails(rd_password_link_use(f->s, tok, "Ocean-Lamp-Thistle-25", T_NOW + 31 * 60, &sess, &m_),
		     RD_ENOTFOUND, NULL);
	assert_fails(rd_password_link_peek(f->s, "rdr_0000000000000000000000000000000000000000000000000000000000000000",
					   T_NOW, &email, &m_), RD_ENOTFOUND, NULL);
	/* a login link is not a password link, even though both live in login_links */
	assert_ok(rd_login_link_create(f->s, &f->sys, "sam@provider.example", 0, T_NOW, &login, &m_));
	assert_fails(rd_password_link_peek(f->s, login, T_NOW, &email, &m_), RD_ENOTFOUND, NULL);
	free(tok);
	free(login);
}

static void asking_for_links_is_bounded(void **state)
{
	struct fx *f = *state;
	add_with_password(f, "sam@provider.example", "Velvet-Otter-Canyon-17");
	char *tok = NULL;
	assert_fails(rd_password_link_request(f->s, "nobody@provider.example", T_NOW, &tok, &m_), RD_ENOTFOUND, NULL);
	for (int i = 0; i < 3; i++) {
		assert_ok(rd_password_link_request(f->s, "SAM@provider.example", T_NOW + i, &tok, &m_));
		free(tok);
	}
	assert_fails(rd_password_link_request(f->s, "sam@provider.example", T_NOW + 5, &tok, &m_), RD_ESTATE, "15 minutes");
	assert_ok(rd_password_link_request(f->s, "sam@provider.example", T_NOW + 901, &tok, &m_));
	free(tok);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM audit_log WHERE actor = 'system:password-reset'"), 4);
}

static void throttle_wait_counts_down(void **state)
{
	struct fx *f = *state;
	int64_t wait = -1;
	for (int i = 0; i < 5; i++)
		assert_int_equal(rd_login_failed(f->s, "email:sam@provider.example", T_NOW + i * 10), RD_OK);
	assert_int_equal(rd_login_wait(f->s, "email:sam@provider.example", 5, 900, T_NOW + 100, &wait), RD_OK);
	assert_int_equal(wait, 800); /* the first failure leaves the window at T_NOW + 900 */
	assert_int_equal(rd_login_wait(f->s, "email:sam@provider.example", 6, 900, T_NOW + 100, &wait), RD_OK);
	assert_int_equal(wait, 0);
	assert_int_equal(rd_login_wait(f->s, "email:sam@provider.example", 5, 900, T_NOW + 900, &wait), RD_OK);
	assert_int_equal(wait, 0);
	assert_int_equal(rd_login_wait(f->s, "email:other@provider.example", 5, 900, T_NOW, &wait), RD_OK);
	assert_int_equal(wait, 0);
	/* "signed in from here" survives the daily prune of failures */
	bool known = false;
	assert_int_equal(rd_login_remember(f->s, "ok:10.0.0.1 sam@provider.example", T_NOW), RD_OK);
	assert_int_equal(rd_login_failed(f->s, "ip:10.0.0.1", T_NOW + 2 * 86400), RD_OK);
	assert_int_equal(rd_login_known(f->s, "ok:10.0.0.1 sam@provider.example", T_NOW + 2 * 86400, &known), RD_OK);
	assert_true(known);
	assert_int_equal(rd_login_known(f->s, "ok:10.0.0.2 sam@provider.example", T_NOW, &known), RD_OK);
	assert_false(known);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM login_attempts WHERE key LIKE 'email:%'"), 0);
}

static void staff_sessions_expire_and_end(void **state)
{
	struct fx *f = *state;
	struct rd_actor sam = make_user(f, "sam@provider.example", "agent");
	char *tok = NULL;
	assert_ok(rd_session_create_staff(f->s, sam.user_id, T_NOW, &tok, &m_));
	assert_non_null(tok);
	assert_int_equal(strncmp(tok, "rds_", 4), 0);
	struct rd_session se;
	int64_t last = T_NOW + RD_SESSION_HOURS * 3600 - 1;
	assert_ok(rd_session_lookup(f->s, tok, false, last, &se, &m_));
	assert_int_equal(se.actor.user_id, sam.user_id);
	assert_int_equal(se.actor.role, RD_ROLE_AGENT);
	assert_int_equal(se.actor.now, last);     /* acts at the lookup's time */
	assert_false(se.portal);
	assert_true(se.csrf[0] != '\0');
	/* expired: refused the second it ends */
	assert_fails(rd_session_lookup(f->s, tok, false, T_NOW + RD_SESSION_HOURS * 3600 + 1, &se, &m_), RD_ENOTFOUND,
		     NULL);
	/* a staff cookie is never a portal session */
	assert_fails(rd_session_lookup(f->s, tok, true, T_NOW, &se, &m_), RD_ENOTFOUND, NULL);
	/* only its hash is stored */
	char sql[200];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM sessions WHERE token_hash = '%s'", tok);
	assert_int_equal(count_rows(f->s, sql), 0);
	/* logout ends it; an unknown or malformed cookie is no error */
	assert_int_equal(rd_session_destroy(f->s, tok), RD_OK);
	assert_fails(rd_session_lookup(f->s, tok, false, T_NOW, &se, &m_), RD_ENOTFOUND, NULL);
	assert_int_equal(rd_session_destroy(f->s, "rds_nonsense"), RD_OK);
	free(tok);
	/* a disabled user's session stops working */
	assert_ok(rd_session_create_staff(f->s, sam.user_id, T_NOW, &tok, &m_));
	json_t *off = J("{\"disabled\": true}");
	assert_ok(rd_record_update(f->s, &f->sys, "user", sam.user_id, off, NULL, &m_));
	json_decref(off);
	assert_fails(rd_session_lookup(f->s, tok, false, T_NOW, &se, &m_), RD_EPERM, NULL);
	free(tok);
}

static void login_links_work_once(void **state)
{
	struct fx *f = *state;
	struct rd_actor sam = make_user(f, "sam@provider.example", "agent");
	char *link = NULL, *sess = NULL;
	assert_fails(rd_login_link_create(f->s, &sam, "sam@provider.example", 0, T_NOW, &link, &m_), RD_EPERM, NULL);
	assert_ok(rd_login_link_create(f->s, &f->sys, "sam@provider.example", 0, T_NOW, &link, &m_));
	assert_int_equal(strncmp(link, "rdl_", 4), 0);
	assert_ok(rd_login_link_use(f->s, link, T_NOW + 60, &sess, &m_));
	struct rd_session se;
	assert_ok(rd_session_lookup(f->s, sess, false, T_NOW + 60, &se, &m_));
	assert_int_equal(se.actor.user_id, sam.user_id);
	free(sess);
	sess = NULL;
	/* used: the same link signs no one in again */
	assert_fails(rd_login_link_use(f->s, link, T_NOW + 61, &sess, &m_), RD_ENOTFOUND, NULL);
	assert_null(sess);
	free(link);
	/* expired after its minutes */
	assert_ok(rd_login_link_create(f->s, &f->sys, "sam@provider.example", 5, T_NOW, &link, &m_));
	assert_fails(rd_login_link_use(f->s, link, T_NOW + 5 * 60 + 1, &sess, &m_), RD_ENOTFOUND, NULL);
	assert_null(sess);
	free(link);
	/* a password link is not a login link */
	assert_ok(rd_password_link_create(f->s, &f->sys, "sam@provider.example", 0, T_NOW, &link, &m_));
	assert_fails(rd_login_link_use(f->s, link, T_NOW, &sess, &m_), RD_ENOTFOUND, NULL);
	free(link);
}

static void api_tokens_stop_when_revoked_or_disabled(void **state)
{
	struct fx *f = *state;
	struct rd_actor sam = make_user(f, "sam@provider.example", "agent");
	struct rd_actor ann = make_user(f, "ann@provider.example", "agent");
	char *tok = NULL;
	int64_t id = 0;
	assert_fails(rd_api_token_create(f->s, &ann, "sam@provider.example", "ci", &tok, &id, &m_), RD_EPERM, NULL);
	assert_ok(rd_api_token_create(f->s, &sam, "sam@provider.example", "ci", &tok, &id, &m_));
	struct rd_actor who;
	assert_ok(rd_api_token_auth(f->s, tok, &who, &m_));
	assert_int_equal(who.user_id, sam.user_id);
	assert_int_equal(who.now, 0);   /* the caller dates what it does */
	assert_fails(rd_api_token_auth(f->s, "rdt_short", &who, &m_), RD_EPERM, "invalid or revoked");
	json_t *list = NULL;
	assert_ok(rd_api_token_list(f->s, "sam@provider.example", &list, &m_));
	assert_int_equal(json_array_size(list), 1);
	char *dump = json_dumps(list, 0);
	assert_null(strstr(dump, tok + 4));   /* never the secret */
	free(dump);
	json_decref(list);
	assert_ok(rd_api_token_revoke(f->s, &sam, id, &m_));
	assert_fails(rd_api_token_auth(f->s, tok, &who, &m_), RD_EPERM, "invalid or revoked");
	assert_fails(rd_api_token_revoke(f->s, &sam, id, &m_), RD_ESTATE, NULL);
	free(tok);
	/* a disabled user's token stops working */
	assert_ok(rd_api_token_create(f->s, &f->sys, "sam@provider.example", "cron", &tok, &id, &m_));
	json_t *off = J("{\"disabled\": true}");
	assert_ok(rd_record_update(f->s, &f->sys, "user", sam.user_id, off, NULL, &m_));
	json_decref(off);
	assert_fails(rd_api_token_auth(f->s, tok, &who, &m_), RD_EPERM, NULL);
	free(tok);
}

static void portal_links_open_portal_sessions_until_revoked(void **state)
{
	struct fx *f = *state;
	int64_t cid = add_client(f, "{\"name\": \"Northwind\"}");
	json_t *c = J("{\"client\": \"Northwind\", \"name\": \"Lena\", \"email\": \"lena@northwind.example\"}");
	assert_ok(rd_record_create(f->s, &f->sys, "contact", c, NULL, NULL, &m_));
	json_decref(c);
	char *link = NULL, *sess = NULL;
	int64_t id = 0;
	assert_fails(rd_portal_invite(f->s, &f->sys, "lena@northwind.example", 91, T_NOW, &link, &id, &m_), RD_EINVAL,
		     NULL);
	assert_ok(rd_portal_invite(f->s, &f->sys, "lena@northwind.example", 2, T_NOW, &link, &id, &m_));
	assert_ok(rd_portal_enter(f->s, link, T_NOW + 60, &sess, &m_));
	struct rd_session se;
	assert_ok(rd_session_lookup(f->s, sess, true, T_NOW + 60, &se, &m_));
	assert_true(se.portal);
	assert_int_equal(se.client_id, cid);
	/* a portal cookie is never a staff session */
	assert_fails(rd_session_lookup(f->s, sess, false, T_NOW + 60, &se, &m_), RD_ENOTFOUND, NULL);
	/* the link may be used again while it lives, not after */
	char *again = NULL;
	assert_ok(rd_portal_enter(f->s, link, T_NOW + 120, &again, &m_));
	free(again);
	again = NULL;
	assert_fails(rd_portal_enter(f->s, link, T_NOW + 2 * T_DAY + 1, &again, &m_), RD_ENOTFOUND, NULL);
	/* revoking it ends the sessions it opened */
	int n = 0;
	assert_ok(rd_portal_revoke(f->s, &f->sys, id, NULL, T_NOW + 180, &n, &m_));
	assert_int_equal(n, 1);
	assert_fails(rd_session_lookup(f->s, sess, true, T_NOW + 240, &se, &m_), RD_ENOTFOUND, NULL);
	assert_fails(rd_portal_enter(f->s, link, T_NOW + 240, &again, &m_), RD_ENOTFOUND, NULL);
	free(link);
	free(sess);
}

/* Failures of one account do not slow another account, nor do one
 * address's slow another address: each key counts alone. */
static void throttle_counts_per_account_and_per_address(void **state)
{
	struct fx *f = *state;
	int64_t wait = -1;
	for (int i = 0; i < 5; i++) {
		assert_int_equal(rd_login_failed(f->s, "email:sam@provider.example", T_NOW + i), RD_OK);
		assert_int_equal(rd_login_failed(f->s, "ip:10.0.0.1", T_NOW + i), RD_OK);
	}
	assert_int_equal(rd_login_wait(f->s, "email:sam@provider.example", 5, 900, T_NOW + 10, &wait), RD_OK);
	assert_true(wait > 0);
	assert_int_equal(rd_login_wait(f->s, "ip:10.0.0.1", 5, 900, T_NOW + 10, &wait), RD_OK);
	assert_true(wait > 0);
	assert_int_equal(rd_login_wait(f->s, "email:ann@provider.example", 5, 900, T_NOW + 10, &wait), RD_OK);
	assert_int_equal(wait, 0);
	assert_int_equal(rd_login_wait(f->s, "ip:10.0.0.2", 5, 900, T_NOW + 10, &wait), RD_OK);
	assert_int_equal(wait, 0);
	/* four failures from another address leave it below the limit */
	for (int i = 0; i < 4; i++)
		assert_int_equal(rd_login_failed(f->s, "ip:10.0.0.2", T_NOW + i), RD_OK);
	assert_int_equal(rd_login_wait(f->s, "ip:10.0.0.2", 5, 900, T_NOW + 10, &wait), RD_OK);
	assert_int_equal(wait, 0);
	/* failures older than a day are pruned by the next one */
	assert_int_equal(rd_login_failed(f->s, "ip:10.0.0.3", T_NOW + 86400 + 10), RD_OK);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM login_attempts"), 1);
}

/* Each read and write of setting a password may fail: the failure is a
 * database error with a message and the password is not set — in
 * particular a failed read of the user's name, which the strength check
 * needs, used to let a password made of that name through ("Sam Okafor 1"
 * is refused below only because the name is read). */
static void password_link_read_failures_set_nothing(void **state)
{
	struct fx *f = *state;
	add_with_password(f, "sam@provider.example", "Velvet-Otter-Canyon-17");
	char *tok = NULL, *sess = NULL, *msg = NULL;
	assert_ok(rd_password_link_create(f->s, &f->sys, "sam@provider.example", 0, T_NOW, &tok, &m_));
	/* how many statements a refusal for the name runs, fault-free */
	int64_t p0, s0, p1, s1;
	rd_store_stats(f->s, &p0, &s0);
	assert_fails(rd_password_link_use(f->s, tok, "Sam Okafor 1", T_NOW + 60, &sess, &m_), RD_EINVAL, "user name");
	rd_store_stats(f->s, &p1, &s1);
	int total = (int)((p1 - p0) + (s1 - s0));
	assert_true(total >= 3);
	for (int n = 1; n <= total; n++) {
		rd_store_fail_after(f->s, n);
		enum rd_err rc = rd_password_link_use(f->s, tok, "Sam Okafor 1", T_NOW + 60, &sess, &msg);
		rd_store_fail_after(f->s, 0);
		if (rc != RD_EDB || !msg || !*msg || sess)
			fail_msg("statement %d of %d failing: %s (%s), want a database error and no session", n, total,
				 rd_err_name(rc), msg ? msg : "no message");
		free(msg);
		msg = NULL;
	}
	/* the link is still live, and the old password still works */
	int64_t sam = 0;
	assert_ok(rd_user_check_password(f->s, "sam@provider.example", "Velvet-Otter-Canyon-17", &sam, &m_));
	assert_ok(rd_password_link_use(f->s, tok, "Ocean-Lamp-Thistle-25", T_NOW + 60, &sess, &m_));
	free(sess);
	free(tok);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, fx_setup, fx_teardown)
	const struct CMUnitTest tests[] = {
		T(password_link_sets_a_password_once),
		T(password_link_read_failures_set_nothing),
		T(expired_unknown_and_other_links_are_refused),
		T(asking_for_links_is_bounded),
		T(throttle_wait_counts_down),
		T(staff_sessions_expire_and_end),
		T(login_links_work_once),
		T(api_tokens_stop_when_revoked_or_disabled),
		T(portal_links_open_portal_sessions_until_revoked),
		T(throttle_counts_per_account_and_per_address),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
