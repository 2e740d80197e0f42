/* goodwill_suggest_test.c — goodwill sized from the default policy's rules,
 * with the explanation a manager reads checked line by line. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "redress/policy.h"

static struct rd_policy *P;

static int setup(void **state)
{
	(void)state;
	return rd_policy_load(NULL, &P, NULL) == RD_OK ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	rd_policy_free(P);
	return 0;
}

static void assert_lines(const struct rd_goodwill_suggestion *s, const char *const *want)
{
	size_t i = 0;
	for (; want[i]; i++) {
		if (i >= s->n_lines)
			fail_msg("missing line %zu: %s", i, want[i]);
		if (strcmp(s->lines[i], want[i]) != 0)
			fail_msg("line %zu:\n  got  %s\n  want %s", i, s->lines[i], want[i]);
	}
	assert_int_equal(s->n_lines, i);
}

static struct rd_goodwill_input input(int severity, const char *tier)
{
	return (struct rd_goodwill_input){.severity = severity, .tier = tier,
		.yearly_value_cents = 12000000, .currency = "EUR", .financial_impact_cents = -1,
		.sla_credit_pct = -1, .outage_hours = 0};
}

static void key_client_with_financial_impact(void **state)
{
	(void)state;
	struct rd_goodwill_input in = input(1, "key");
	in.financial_impact_cents = 450000;
	in.sla_credit_pct = 10;
	struct rd_goodwill_suggestion s;
	assert_int_equal(rd_goodwill_suggest(P, &in, &s, NULL), RD_OK);
	assert_string_equal(s.kind, "credit");
	assert_int_equal(s.amount_cents, 225000);
	assert_string_equal(s.currency, "EUR");
	assert_lines(&s, (const char *const[]){
		"monthly value = EUR 120,000.00 a year / 12 = EUR 10,000.00",
		"severity 1 \xe2\x86\x92 base 10% of monthly value = EUR 1,000.00",
		"key client \xc3\x97" "1.5 = EUR 1,500.00",
		"recorded financial impact EUR 4,500.00 \xe2\x86\x92 at least 50% covered = EUR 2,250.00",
		"SLA credit 10% of monthly fee = EUR 1,000.00 (already exceeded)",
		"suggested: credit of EUR 2,250.00",
		NULL});
	rd_goodwill_suggestion_free(&s);
}

static void capped_at_a_month(void **state)
{
	(void)state;
	struct rd_goodwill_input in = input(1, "key");
	in.financial_impact_cents = 10000000;
	struct rd_goodwill_suggestion s;
	assert_int_equal(rd_goodwill_suggest(P, &in, &s, NULL), RD_OK);
	assert_int_equal(s.amount_cents, 1000000);
	assert_string_equal(s.lines[4], "capped at 100% of monthly value = EUR 10,000.00");
	rd_goodwill_suggestion_free(&s);
}

static void sla_credit_is_the_floor(void **state)
{
	(void)state;
	struct rd_goodwill_input in = input(4, "standard");
	in.sla_credit_pct = 5;
	struct rd_goodwill_suggestion s;
	assert_int_equal(rd_goodwill_suggest(P, &in, &s, NULL), RD_OK);
	assert_int_equal(s.amount_cents, 50000);
	assert_string_equal(s.kind, "credit");
	assert_lines(&s, (const char *const[]){
		"monthly value = EUR 120,000.00 a year / 12 = EUR 10,000.00",
		"severity 4 \xe2\x86\x92 base 0% of monthly value = EUR 0.00",
		"SLA credit 5% of monthly fee = EUR 500.00 (contractual, raised to it)",
		"suggested: credit of EUR 500.00",
		NULL});
	rd_goodwill_suggestion_free(&s);

	/* nothing owed: no suggestion */
	in.sla_credit_pct = -1;
	assert_int_equal(rd_goodwill_suggest(P, &in, &s, NULL), RD_OK);
	assert_int_equal(s.amount_cents, 0);
	assert_string_equal(s.kind, "none");
	rd_goodwill_suggestion_free(&s);
}

static void outage_hours_add(void **state)
{
	(void)state;
	struct rd_goodwill_input in = input(2, "standard");
	in.outage_hours = 6;
	struct rd_goodwill_suggestion s;
	assert_int_equal(rd_goodwill_suggest(P, &in, &s, NULL), RD_OK);
	assert_int_equal(s.amount_cents, 80000);
	assert_string_equal(s.lines[2],
		"outage 6 h \xc3\x97 0.5% of monthly value per hour = EUR 300.00 \xe2\x86\x92 EUR 800.00");
	rd_goodwill_suggestion_free(&s);
}

static void rounded_to_whole_units(void **state)
{
	(void)state;
	struct rd_goodwill_input in = input(1, "standard");
	in.yearly_value_cents = 10000000;      /* monthly EUR 8,333.33 */
	in.currency = "GBP";
	struct rd_goodwill_suggestion s;
	assert_int_equal(rd_goodwill_suggest(P, &in, &s, NULL), RD_OK);
	assert_int_equal(s.amount_cents, 83300);
	assert_string_equal(s.lines[2], "GBP 833.33 rounded to GBP 833.00");
	rd_goodwill_suggestion_free(&s);
}

static void bad_input_refused(void **state)
{
	(void)state;
	struct rd_goodwill_input in = input(5, "standard");
	struct rd_goodwill_suggestion s;
	char *err = NULL;
	assert_int_equal(rd_goodwill_suggest(P, &in, &s, &err), RD_EINVAL);
	assert_non_null(strstr(err, "severity"));
	free(err);
	rd_goodwill_suggestion_free(&s);
	in = input(2, "standard");
	in.yearly_value_cents = -5;
	assert_int_equal(rd_goodwill_suggest(P, &in, &s, NULL), RD_EINVAL);
	rd_goodwill_suggestion_free(&s);
}

static void money_format(void **state)
{
	(void)state;
	char b[48];
	assert_string_equal(rd_money_text(123456789, "EUR", b), "EUR 1,234,567.89");
	assert_string_equal(rd_money_text(0, "EUR", b), "EUR 0.00");
	assert_string_equal(rd_money_text(5, "USD", b), "USD 0.05");
	assert_string_equal(rd_money_text(100000, "EUR", b), "EUR 1,000.00");
	assert_string_equal(rd_money_text(-150, "EUR", b), "EUR -1.50");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(key_client_with_financial_impact),
		cmocka_unit_test(capped_at_a_month),
		cmocka_unit_test(sla_credit_is_the_floor),
		cmocka_unit_test(outage_hours_add),
		cmocka_unit_test(rounded_to_whole_units),
		cmocka_unit_test(bad_input_refused),
		cmocka_unit_test(money_format),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
