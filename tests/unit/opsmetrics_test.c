/* opsmetrics_test.c — lib/opsmetrics.c: the domain figures of GET /metrics
 * on the demo data (obligations by state, step and tier; chases;
 * escalations; failures; commitments; goodwill), zeros kept for known
 * series, label escaping, and a failing query reported, not written as
 * zeros. The exposition's syntax is checked with promtool by
 * tests/api/metrics.py. */
#include "redress/opsmetrics.h"
#include "unit.h"

static char *scrape(struct fx *f, int64_t now)
{
	struct rd_buf b = RD_BUF_INIT;
	assert_ok(rd_opsmetrics_write(f->s, now, &b, &m_));
	char *text = rd_buf_detach(&b);
	assert_non_null(text);
	return text;
}

static void assert_has(const char *text, const char *line)
{
	if (!strstr(text, line))
		fail_msg("missing line '%s' in:\n%s", line, text);
}

static void empty_database_has_every_family(void **state)
{
	struct fx *f = *state;
	char *t = scrape(f, T_NOW);
	assert_has(t, "# TYPE redress_obligations gauge\n");
	assert_has(t, "# TYPE redress_chases_total counter\nredress_chases_total 0\n");
	assert_has(t, "redress_chases_30d 0\n");
	assert_has(t, "redress_escalations_total{level=\"1\"} 0\n");
	assert_has(t, "redress_escalations_total{level=\"2\"} 0\n");
	assert_has(t, "redress_failures{status=\"open\",severity=\"1\"} 0\n");
	assert_has(t, "redress_open_commitments{state=\"overdue\"} 0\n");
	assert_has(t, "redress_goodwill{status=\"declined\"} 0\n");
	/* no step was ever owed: no obligation series yet */
	assert_null(strstr(t, "redress_obligations{"));
	free(t);
}

static void demo_figures(void **state)
{
	struct fx *f = *state;
	assert_ok(rd_demo_load(f->s, T_NOW, &m_));
	char *t = scrape(f, T_NOW);
	/* Northwind (key) and one standard client are owed an apology past due
	 * (the same count `redress obligations --json` gives: tests/api/metrics.py) */
	assert_has(t, "redress_obligations{state=\"overdue\",step=\"apology\",tier=\"key\"} 1\n");
	assert_has(t, "redress_obligations{state=\"overdue\",step=\"apology\",tier=\"standard\"} 1\n");
	assert_has(t, "redress_chases_total 1\n");
	assert_has(t, "redress_chases_30d 1\n");
	assert_has(t, "redress_failures{status=\"remediating\",severity=\"1\"} 1\n");
	assert_has(t, "redress_failures{status=\"resolved\",severity=\"2\"} 1\n");
	assert_has(t, "redress_goodwill{status=\"approved\"} 1\n");
	assert_has(t, "redress_goodwill{status=\"proposed\"} 1\n");
	int64_t open = count_rows(f->s, "SELECT count(*) FROM commitments WHERE status = 'open'");
	char line[96];
	snprintf(line, sizeof line, "redress_open_commitments{state=\"open\"} %lld\n", (long long)open);
	assert_has(t, line);
	free(t);
	/* 40 days on, nothing is due soon any more and the chase is older than 30 days */
	t = scrape(f, T_NOW + 40 * T_DAY);
	assert_null(strstr(t, "state=\"due_soon\",step=\"apology\",tier=\"key\"} 1"));
	assert_has(t, "redress_chases_30d 0\n");
	assert_has(t, "redress_chases_total 1\n");
	free(t);
}

static void escalations_by_level(void **state)
{
	struct fx *f = *state;
	assert_ok(rd_demo_load(f->s, T_NOW, &m_));
	int64_t ob = count_rows(f->s, "SELECT min(id) FROM obligations");
	assert_int_equal(rd_store_exec(f->s, NULL, "INSERT INTO escalations (obligation_id, level, at) VALUES (?1, 1, ?2), "
				       "(?1, 2, ?3)", "iii", ob, T_NOW - T_HOUR, T_NOW + T_HOUR), RD_OK);
	char *t = scrape(f, T_NOW);
	assert_has(t, "redress_escalations_total{level=\"1\"} 1\n");
	assert_has(t, "redress_escalations_total{level=\"2\"} 0\n"); /* not yet at NOW */
	free(t);
}

static void a_failing_query_is_an_error(void **state)
{
	struct fx *f = *state;
	struct rd_buf b = RD_BUF_INIT;
	rd_store_fail_after(f->s, 1);
	assert_fails(rd_opsmetrics_write(f->s, T_NOW, &b, &m_), RD_EDB, "metrics: counting obligations");
	rd_store_fail_after(f->s, 0);
	rd_buf_free(&b);
}

static void labels_are_escaped(void **state)
{
	(void)state;
	struct rd_buf b = RD_BUF_INIT;
	rd_prom_label(&b, "a\"b\\c\nd");
	rd_buf_addc(&b, '\0');
	assert_string_equal(b.data, "a\\\"b\\\\c\\nd");
	rd_buf_free(&b);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, fx_setup, fx_teardown)
	const struct CMUnitTest tests[] = {
		T(empty_database_has_every_family),
		T(demo_figures),
		T(escalations_by_level),
		T(a_failing_query_is_an_error),
		cmocka_unit_test(labels_are_escaped),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
