/* auth_test.c — lib/auth.c: one-time password links (made by an admin or
 * asked for, looked at, used once with a strong password, ending the
 * user's other sessions; expired, used and unknown links refused alike)
 * and the sign-in throttle's wait. */
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

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, fx_setup, fx_teardown)
	const struct CMUnitTest tests[] = {
		T(password_link_sets_a_password_once),
		T(expired_unknown_and_other_links_are_refused),
		T(asking_for_links_is_bounded),
		T(throttle_wait_counts_down),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
