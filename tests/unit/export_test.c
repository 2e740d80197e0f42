/* export_test.c — lib/export.c: RFC 4180 quoting (commas, quotes, CR/LF,
 * UTF-8 kept as is), formula-looking text defused with a leading quote but
 * numbers, times and money left alone, the header in schema order without
 * secret fields, and the format names the fronts accept. */
#include "redress/export.h"
#include "unit.h"
#include "util/buf.h"

static char *csv_of(const struct rd_export_col *cols, size_t n, json_t *rows)
{
	struct rd_export *x;
	struct rd_buf b = RD_BUF_INIT;
	assert_ok(rd_export_begin(RD_EXPORT_CSV, cols, n, "t", &x, &m_));
	size_t i;
	json_t *r;
	json_array_foreach(rows, i, r)
		assert_ok(rd_export_row(x, r, &m_));
	assert_ok(rd_export_finish(x, &b, &m_));
	rd_export_free(x);
	json_decref(rows);
	return rd_buf_detach(&b);
}

static void csv_quotes_what_needs_it(void **state)
{
	(void)state;
	static const struct rd_export_col cols[] = {{"name", RD_F_TEXT}, {"n", RD_F_INT},
						    {"ok", RD_F_BOOL}, {"at", RD_F_TIME}};
	char *s = csv_of(cols, 4, json_pack("[{ss si sb ss} {ss sn} {}]", "name", "Zoë, \"Q\"\r\nLtd", "n", 7,
					    "ok", 1, "at", "2026-11-22T12:00:00Z", "name", "plain", "n"));
	assert_string_equal(s, "name,n,ok,at\r\n"
			       "\"Zoë, \"\"Q\"\"\r\nLtd\",7,true,2026-11-22T12:00:00Z\r\n"
			       "plain,,,\r\n"
			       ",,,\r\n");
	free(s);
}

static void csv_defuses_formulas_in_text_only(void **state)
{
	(void)state;
	static const struct rd_export_col cols[] = {{"a", RD_F_TEXT}, {"b", RD_F_TEXT}, {"c", RD_F_TEXT},
						    {"d", RD_F_EMAIL}, {"m", RD_F_MONEY}, {"i", RD_F_INT}};
	char *s = csv_of(cols, 6, json_pack("[{ss ss ss ss ss si}]", "a", "=1+1", "b", "+x", "c", "-2",
					    "d", "@evil", "m", "-12.50", "i", -3));
	assert_string_equal(s, "a,b,c,d,m,i\r\n\"'=1+1\",\"'+x\",\"'-2\",\"'@evil\",-12.50,-3\r\n");
	free(s);
}

static void entity_columns_follow_the_schema(void **state)
{
	(void)state;
	struct rd_export_col cols[64];
	const struct rd_entity *e = rd_entity_find("user");
	size_t n = rd_export_entity_cols(e, cols, 64);
	size_t secret = 0;
	for (size_t i = 0; i < e->nfields; i++)
		secret += (e->fields[i].flags & RD_FF_SECRET) != 0;
	assert_true(secret > 0);
	assert_int_equal(n, e->nfields - secret);
	for (size_t i = 0; i < n; i++)
		assert_false(rd_entity_field(e, cols[i].name)->flags & RD_FF_SECRET);
	assert_string_equal(cols[0].name, "id");
}

static void format_names(void **state)
{
	(void)state;
	enum rd_export_format f;
	assert_ok(rd_export_format_parse("xlsx", &f, &m_));
	assert_int_equal(f, RD_EXPORT_XLSX);
	assert_fails(rd_export_format_parse("pdf", &f, &m_), RD_EINVAL, "unknown export format 'pdf' (accepted: csv, xlsx)");
	size_t n;
	assert_non_null(rd_export_view_cols("agenda", &n));
	assert_null(rd_export_view_cols("nothing", &n));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(csv_quotes_what_needs_it),
		cmocka_unit_test(csv_defuses_formulas_in_text_only),
		cmocka_unit_test(entity_columns_follow_the_schema),
		cmocka_unit_test(format_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
