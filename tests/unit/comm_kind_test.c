/* comm_kind_test.c — lib/comm_kind.c: the one table of communication
 * kinds agrees with everything that reads it — the schema's enumeration of
 * communications.kind, the clock's steps, the recovery machine's states —
 * and parsing names the wrong word and lists the right ones. */
#include "unit.h"

#include "redress/comm_kind.h"
#include "redress/policy.h"

static void names_table_and_enum_agree(void **state)
{
	(void)state;
	int n = 0;
	while (rd_comm_kind_names[n])
		n++;
	assert_int_equal(n, RD_KIND_COUNT);
	for (int k = 0; k < RD_KIND_COUNT; k++) {
		const struct rd_comm_kind_info *i = rd_comm_kind_get((enum rd_comm_kind)k);
		assert_non_null(i);
		assert_string_equal(i->name, rd_comm_kind_names[k]);
		assert_string_equal(rd_comm_kind_name((enum rd_comm_kind)k), i->name);
		assert_ptr_equal(rd_comm_kind_find(i->name), i);
		enum rd_comm_kind back = RD_KIND_COUNT;
		assert_ok(rd_comm_kind_parse(i->name, &back, &m_));
		assert_int_equal(back, k);
		if (!i->portal_title || !*i->portal_title || strchr(i->portal_title, '_'))
			fail_msg("kind %s has no portal title", i->name);
	}
	assert_null(rd_comm_kind_get(RD_KIND_COUNT));
	assert_string_equal(rd_comm_kind_name(RD_KIND_COUNT), "other");
	/* the stored words, unchanged */
	assert_string_equal(rd_comm_kind_name(RD_KIND_RCA_UPDATE), "rca_update");
	assert_string_equal(rd_comm_kind_name(RD_KIND_FOLLOW_UP), "follow_up");
}

static void an_unknown_kind_is_named_with_the_list(void **state)
{
	(void)state;
	enum rd_comm_kind k = RD_KIND_APOLOGY;
	assert_fails(rd_comm_kind_parse("apologie", &k, &m_), RD_EINVAL,
		     "unknown kind 'apologie' (expected apology, rca_update, plan, progress, delay, resolution, "
		     "follow_up, survey, review, correction or other)");
	assert_int_equal(k, RD_KIND_APOLOGY);
	assert_fails(rd_comm_kind_parse(NULL, &k, &m_), RD_EINVAL, "unknown kind ''");
	assert_fails(rd_comm_kind_parse("Apology", &k, &m_), RD_EINVAL, "unknown kind 'Apology'");
	assert_null(rd_comm_kind_find("progress "));
}

/* The schema validates communications.kind against this very list. */
static void the_schema_enumerates_these_kinds(void **state)
{
	(void)state;
	const struct rd_field *f = rd_entity_field(rd_entity_find("communication"), "kind");
	assert_non_null(f);
	assert_ptr_equal(f->values, rd_comm_kind_names);
}

/* The clock counts exactly the kinds marked clock_step, numbered alike. */
static void the_clock_steps_are_the_counted_kinds(void **state)
{
	(void)state;
	for (int k = 0; k < RD_KIND_COUNT; k++) {
		const struct rd_comm_kind_info *i = rd_comm_kind_get((enum rd_comm_kind)k);
		int step = rd_step_from_name(i->name);
		if (i->clock_step) {
			assert_int_equal(step, k);
			assert_string_equal(rd_step_name((enum rd_step)k), i->name);
		} else if (step != -1) {
			fail_msg("kind %s is a clock step but not marked so", i->name);
		}
	}
	assert_false(rd_comm_kind_get(RD_KIND_OTHER)->clock_step);
}

/* An outbound message moves its client's recovery to a state of the
 * recovery machine; a correction or "other" moves nothing. */
static void recovery_targets_are_recovery_states(void **state)
{
	(void)state;
	const struct rd_machine *m = rd_machine_find("impact");
	assert_non_null(m);
	for (int k = 0; k < RD_KIND_COUNT; k++) {
		const char *to = rd_comm_kind_get((enum rd_comm_kind)k)->recovery;
		if (!to)
			continue;
		bool found = false;
		for (int s = 0; m->states[s]; s++)
			found = found || !strcmp(m->states[s], to);
		if (!found || !strcmp(to, m->initial))
			fail_msg("kind %s moves recovery to %s, not a later state", rd_comm_kind_name((enum rd_comm_kind)k),
				 to);
	}
	assert_null(rd_comm_kind_get(RD_KIND_CORRECTION)->recovery);
	assert_null(rd_comm_kind_get(RD_KIND_OTHER)->recovery);
	assert_string_equal(rd_comm_kind_find("apology")->recovery, "apologised");
}

/* Drafts that would claim what is not so need their facts first. */
static void draft_needs_say_what_must_be_recorded(void **state)
{
	(void)state;
	assert_int_equal(rd_comm_kind_find("apology")->draft_needs, 0);
	assert_true(rd_comm_kind_find("resolution")->draft_needs & RD_DRAFT_NEEDS_RESOLVED);
	assert_true(rd_comm_kind_find("progress")->draft_needs & RD_DRAFT_NEEDS_OPEN);
	assert_true(rd_comm_kind_find("review")->draft_needs & RD_DRAFT_NEEDS_RCA);
	for (int k = 0; k < RD_KIND_COUNT; k++) {
		unsigned n = rd_comm_kind_get((enum rd_comm_kind)k)->draft_needs;
		if ((n & RD_DRAFT_NEEDS_OPEN) && (n & RD_DRAFT_NEEDS_RESOLVED))
			fail_msg("kind %s needs the failure open and resolved", rd_comm_kind_name((enum rd_comm_kind)k));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(names_table_and_enum_agree),
		cmocka_unit_test(an_unknown_kind_is_named_with_the_list),
		cmocka_unit_test(the_schema_enumerates_these_kinds),
		cmocka_unit_test(the_clock_steps_are_the_counted_kinds),
		cmocka_unit_test(recovery_targets_are_recovery_states),
		cmocka_unit_test(draft_needs_say_what_must_be_recorded),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
