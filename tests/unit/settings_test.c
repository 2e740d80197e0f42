/* settings_test.c — lib/settings.c: the settings table, base URLs checked
 * before use, the order a printed link's base is chosen in (explicit, then
 * what serve recorded, then the default), and drafts whose survey link uses
 * the base the caller passes (not the environment). Also the first-admin
 * rules of lib/auth_link.c that serve relies on. */
#include "redress/auth.h"
#include "redress/compose.h"
#include "redress/settings.h"
#include "unit.h"

static void settings_round_trip(void **state)
{
	struct fx *f = *state;
	char *v = (char *)1;
	assert_ok(rd_setting_get(f->s, "x.y", &v, &m_));
	assert_null(v);
	assert_ok(rd_setting_set(f->s, "x.y", "one", T_NOW, &m_));
	assert_ok(rd_setting_set(f->s, "x.y", "two", T_NOW + 1, &m_));
	assert_ok(rd_setting_get(f->s, "x.y", &v, &m_));
	assert_string_equal(v, "two");
	free(v);
}

static void base_urls_are_checked(void **state)
{
	(void)state;
	assert_ok(rd_base_url_check("http://127.0.0.1:8080", "--base-url", &m_));
	assert_ok(rd_base_url_check("https://desk.example.com/redress", "--base-url", &m_));
	assert_fails(rd_base_url_check("desk.example.com", "--base-url", &m_), RD_EINVAL,
		     "--base-url 'desk.example.com' must start with http:// or https://");
	assert_fails(rd_base_url_check("https://", "REDRESS_BASE_URL", &m_), RD_EINVAL, "REDRESS_BASE_URL");
	assert_fails(rd_base_url_check("http:///x", "--base-url", &m_), RD_EINVAL, "no host");
	assert_fails(rd_base_url_check("http://a b", "--base-url", &m_), RD_EINVAL, "spaces");
	assert_fails(rd_base_url_check("http://a/?q=1", "--base-url", &m_), RD_EINVAL, "query");
	assert_fails(rd_base_url_check("http://a/\"><script>", "--base-url", &m_), RD_EINVAL, "quotes");
	char long_url[RD_BASE_URL_MAX + 2];
	memset(long_url, 'a', sizeof long_url - 1);
	memcpy(long_url, "http://", 7);
	long_url[sizeof long_url - 1] = '\0';
	assert_fails(rd_base_url_check(long_url, "--base-url", &m_), RD_EINVAL, "longer than 300 characters");
	long_url[sizeof long_url - 2] = '\0';
	assert_ok(rd_base_url_check(long_url, "--base-url", &m_));
}

static void base_url_order(void **state)
{
	struct fx *f = *state;
	char *b = NULL;
	assert_ok(rd_base_url_resolve(f->s, NULL, "--base-url", &b, &m_));
	assert_string_equal(b, RD_BASE_URL_DEFAULT);
	free(b);
	assert_ok(rd_base_url_record(f->s, "http://127.0.0.1:40123//", T_NOW, &m_));
	assert_ok(rd_base_url_resolve(f->s, "", "--base-url", &b, &m_));
	assert_string_equal(b, "http://127.0.0.1:40123");
	free(b);
	assert_ok(rd_base_url_resolve(f->s, "https://desk.example.com/", "--base-url", &b, &m_));
	assert_string_equal(b, "https://desk.example.com");
	free(b);
	assert_fails(rd_base_url_resolve(f->s, "ftp://x", "--base-url", &b, &m_), RD_EINVAL, "--base-url 'ftp://x'");
	assert_null(b);
	assert_fails(rd_base_url_record(f->s, "nope", T_NOW, &m_), RD_EINVAL, "must start with http");
	assert_ok(rd_base_url_resolve(f->s, NULL, "--base-url", &b, &m_));
	assert_string_equal(b, "http://127.0.0.1:40123"); /* the bad one was not recorded */
	free(b);
}

static void draft_survey_link_uses_the_given_base(void **state)
{
	struct fx *f = *state;
	assert_ok(rd_demo_load(f->s, T_NOW, &m_));
	setenv("REDRESS_BASE_URL", "http://from-the-environment.example", 1);
	json_t *v = NULL;
	assert_ok(rd_draft_view(f->s, 1, 1, T_NOW, 0, "https://desk.example.com", &v, &m_));
	assert_string_equal(json_string_value(json_object_get(v, "survey_url")),
			    "https://desk.example.com/portal/failures/1");
	json_decref(v);
	assert_ok(rd_draft_view(f->s, 1, 1, T_NOW, 0, NULL, &v, &m_));
	assert_string_equal(json_string_value(json_object_get(v, "survey_url")),
			    RD_BASE_URL_DEFAULT "/portal/failures/1");
	json_decref(v);
	unsetenv("REDRESS_BASE_URL");
}

static int64_t count_users(struct fx *f)
{
	int64_t n = -1;
	assert_int_equal(rd_store_exec(f->s, &n, "SELECT count(*) FROM users", ""), RD_OK);
	return n;
}

static void first_admin_on_existing_admins(void **state)
{
	struct fx *f = *state;
	bool created = true;
	make_user(f, "ada@provider.example", "admin");
	make_user(f, "sam@provider.example", "agent");
	/* An existing admin: nothing to do. */
	assert_ok(rd_first_admin(f->s, "ADA@provider.example", T_NOW, &created, &m_));
	assert_false(created);
	/* A new address while another admin exists (the demo data): added. */
	assert_ok(rd_first_admin(f->s, "boss@provider.example", T_NOW, &created, &m_));
	assert_true(created);
	int64_t n = count_users(f);
	/* Never a promotion as a side effect of starting the server. */
	assert_fails(rd_first_admin(f->s, "sam@provider.example", T_NOW, &created, &m_), RD_ESTATE, "role 'agent'");
	assert_false(created);
	assert_int_equal(count_users(f), n);
	char *email = NULL;
	assert_ok(rd_admin_first(f->s, &email, &m_));
	assert_string_equal(email, "ada@provider.example");
	free(email);
}

static void no_admin_named_when_none(void **state)
{
	struct fx *f = *state;
	char *email = (char *)1;
	assert_ok(rd_admin_first(f->s, &email, &m_));
	assert_null(email);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, fx_setup, fx_teardown)
	const struct CMUnitTest tests[] = {
		T(settings_round_trip),
		cmocka_unit_test(base_urls_are_checked),
		T(base_url_order),
		T(draft_survey_link_uses_the_given_base),
		T(first_admin_on_existing_admins),
		T(no_admin_named_when_none),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
