/* demo_test.c — lib/demo.c: the demo data set loads into an empty database
 * through the same rules a user's commands follow, is placed relative to
 * NOW, holds what its page promises (a dozen clients, three key accounts,
 * five staff, three failures at different stages, a chase, a broken and a
 * kept promise, approved and proposed goodwill), and refuses to load twice. */
#include "unit.h"

static void loads_the_promised_story(void **state)
{
	struct fx *f = *state;
	assert_ok(rd_demo_load(f->s, T_NOW, &m_));
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM clients"), 12);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM clients WHERE tier = 'key'"), 3);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM contacts"), 12);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM users"), 5);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM users WHERE email = 'maria@provider.example' AND role = 'manager'"), 1);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM failures"), 3);
	assert_field(f, "failure", 1, "status", "remediating");
	assert_field(f, "failure", 2, "status", "resolved");
	assert_field(f, "failure", 3, "status", "investigating");
	assert_field(f, "failure", 3, "detected_at", "2026-11-22T09:00:00Z"); /* now - 3 h */
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM communications WHERE chase = 1 AND direction = 'in'"), 1);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM communications WHERE channel = 'call'"), 2);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM commitments WHERE status = 'kept'"), 1);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM commitments WHERE status = 'broken'"), 1);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM goodwill WHERE status = 'approved' AND approver_id IS NOT NULL"), 1);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM goodwill WHERE status = 'proposed'"), 1);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM eta_revisions WHERE reason IS NOT NULL"), 2);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM rca_whys"), 3);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM near_misses"), 1);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM reviews"), 1);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM surveys"), 1);
	/* no client has had two failures: every risk is normal */
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM clients WHERE risk <> 'normal'"), 0);
	/* every row was audited by the demo actor */
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM audit_log WHERE actor NOT IN ('system:demo', 'maria@provider.example')"), 0);
	assert_true(count_rows(f->s, "SELECT count(*) FROM audit_log") > 50);
	/* nothing is dated after now except promised due dates and ETAs */
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM communications WHERE at > 1795348800"), 0);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM failures WHERE detected_at > 1795348800"), 0);
}

static void refuses_a_database_with_clients(void **state)
{
	struct fx *f = *state;
	add_client(f, "{\"name\": \"Mine\"}");
	int64_t audit0 = count_rows(f->s, "SELECT count(*) FROM audit_log");
	assert_fails(rd_demo_load(f->s, T_NOW, &m_), RD_EEXIST, "already holds 1 clients");
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM users"), 0);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM audit_log"), audit0);
}

static void refuses_to_load_twice(void **state)
{
	struct fx *f = *state;
	assert_ok(rd_demo_load(f->s, T_NOW, &m_));
	int64_t audit0 = count_rows(f->s, "SELECT count(*) FROM audit_log");
	assert_fails(rd_demo_load(f->s, T_NOW, &m_), RD_EEXIST, "already holds 12 clients");
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM audit_log"), audit0);
}

/* A database that holds users but no clients: the demo's own users would
 * collide, and the whole load must roll back. */
static void rolls_back_entirely_on_a_collision(void **state)
{
	struct fx *f = *state;
	make_user(f, "maria@provider.example", "manager");
	assert_fails(rd_demo_load(f->s, T_NOW, &m_), RD_EEXIST, "maria@provider.example");
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM users"), 1);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM clients"), 0);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM services"), 0);
}

/* The check for existing clients may fail: that is a database error, and
 * nothing is loaded — it used to read as "no clients" and load the demo on
 * top of the user's own data. */
static void a_failed_check_for_clients_loads_nothing(void **state)
{
	struct fx *f = *state;
	add_client(f, "{\"name\": \"Mine\"}");
	rd_store_fail_after(f->s, 1);
	assert_fails(rd_demo_load(f->s, T_NOW, &m_), RD_EDB, "reading clients");
	rd_store_fail_after(f->s, 0);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM clients"), 1);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM users"), 0);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, fx_setup, fx_teardown)
	const struct CMUnitTest tests[] = {
		T(loads_the_promised_story),
		T(refuses_a_database_with_clients),
		T(a_failed_check_for_clients_loads_nothing),
		T(refuses_to_load_twice),
		T(rolls_back_entirely_on_a_collision),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
