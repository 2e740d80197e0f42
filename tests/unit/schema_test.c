/* schema_test.c — lib/schema.c against the migrations: every entity's
 * table and columns exist, its ORDER BY and label are valid SQL, every
 * enumeration agrees with the table's CHECK, every reference names an
 * entity, and every NOT NULL column without a default is something input
 * must give (RD_FF_REQUIRED) or the library fills in — so a missing field
 * is reported by name, never as a raw constraint error. */
#include "unit.h"

#include "util/buf.h"

static void finds_entities_by_name_and_plural(void **state)
{
	(void)state;
	assert_non_null(rd_entity_find("client"));
	assert_ptr_equal(rd_entity_find("clients"), rd_entity_find("client"));
	assert_ptr_equal(rd_entity_find("near_misses"), rd_entity_find("near_miss"));
	assert_null(rd_entity_find("clientz"));
	assert_null(rd_entity_find(""));
	const struct rd_entity *c = rd_entity_find("client");
	assert_string_equal(rd_entity_field(c, "tier")->column, "tier");
	assert_string_equal(rd_entity_field(c, "value")->column, "value_cents");
	assert_null(rd_entity_field(c, "value_cents"));
	assert_null(rd_entity_field(c, "nope"));
}

static void names_are_unique_and_well_formed(void **state)
{
	(void)state;
	int n = 0;
	for (const struct rd_entity *e = rd_entities; e->name; e++, n++) {
		for (const struct rd_entity *g = e + 1; g->name; g++) {
			if (!strcmp(e->name, g->name) || !strcmp(e->plural, g->plural) ||
			    !strcmp(e->table, g->table) || !strcmp(e->name, g->plural))
				fail_msg("entities %s and %s share a name", e->name, g->name);
		}
		assert_true(e->nfields > 1);
		if (strcmp(e->fields[0].name, "id") != 0)
			fail_msg("%s: first field is %s, not id", e->name, e->fields[0].name);
		for (size_t i = 0; i < e->nfields; i++) {
			const struct rd_field *f = &e->fields[i];
			for (size_t k = i + 1; k < e->nfields; k++)
				if (!strcmp(f->name, e->fields[k].name) || !strcmp(f->column, e->fields[k].column))
					fail_msg("%s: fields %s and %s collide", e->name, f->name, e->fields[k].name);
			if (f->type == RD_F_ENUM && (!f->values || !f->values[0]))
				fail_msg("%s.%s: enum without values", e->name, f->name);
			if (f->type == RD_F_REF && (!f->ref || !rd_entity_find(f->ref)))
				fail_msg("%s.%s: refers to unknown entity %s", e->name, f->name, f->ref ? f->ref : "(null)");
			if (f->min > f->max)
				fail_msg("%s.%s: min > max", e->name, f->name);
			if ((f->flags & RD_FF_REQUIRED) && (f->flags & RD_FF_INTERNAL))
				fail_msg("%s.%s: required and internal", e->name, f->name);
		}
		if (e->label && !rd_entity_field(e, e->label))
			fail_msg("%s: label %s is not a field", e->name, e->label);
	}
	assert_true(n >= 19);
}

static int64_t one(struct rd_store *s, const char *sql)
{
	int64_t v = -1;
	if (rd_store_exec(s, &v, sql, ""))
		fail_msg("%s: %s", sql, rd_store_errmsg(s));
	return v;
}

static void every_column_exists_and_order_is_valid(void **state)
{
	struct fx *f = *state;
	for (const struct rd_entity *e = rd_entities; e->name; e++) {
		struct rd_buf b = RD_BUF_INIT;
		rd_buf_adds(&b, "SELECT ");
		for (size_t i = 0; i < e->nfields; i++)
			rd_buf_addf(&b, "%s%s", i ? ", " : "", e->fields[i].column);
		rd_buf_addf(&b, " FROM %s ORDER BY %s LIMIT 0", e->table, e->order);
		struct rd_stmt *st;
		if (rd_store_prepare(f->s, b.data, &st))
			fail_msg("%s: %s: %s", e->name, b.data, rd_store_errmsg(f->s));
		rd_stmt_free(st);
		rd_buf_free(&b);
	}
}

/* The table's CREATE statement, malloc'd. */
static char *table_sql(struct rd_store *s, const char *table)
{
	struct rd_stmt *st;
	/* On PostgreSQL, the table's CHECK constraints as the catalogue prints
	 * them: `CHECK ((tier = ANY (ARRAY['key'::text, …])))` */
	assert_int_equal(rd_store_prepare(s, fx_pg()
		? "SELECT coalesce(string_agg(pg_get_constraintdef(oid), ' '), '') FROM pg_constraint "
		  "WHERE conrelid = CAST(?1 AS regclass) AND contype = 'c'"
		: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?1", &st), RD_OK);
	rd_stmt_bind_text(st, 1, table);
	bool row = false;
	char *out = NULL;
	if (rd_stmt_step(st, &row) == RD_OK && row)
		out = strdup(rd_stmt_col_text(st, 0));
	rd_stmt_free(st);
	if (!out)
		fail_msg("no table %s", table);
	return out;
}

static void enums_agree_with_check_constraints(void **state)
{
	struct fx *f = *state;
	for (const struct rd_entity *e = rd_entities; e->name; e++) {
		char *sql = table_sql(f->s, e->table);
		for (size_t i = 0; i < e->nfields; i++) {
			const struct rd_field *fl = &e->fields[i];
			if (fl->type != RD_F_ENUM)
				continue;
			for (int k = 0; fl->values[k]; k++) {
				char q[64];
				snprintf(q, sizeof q, "'%s'", fl->values[k]);
				if (!strstr(sql, q))
					fail_msg("%s.%s: value %s missing from the table's CHECK", e->name, fl->name, q);
			}
		}
		free(sql);
	}
}

/* NOT NULL columns without a default that neither input must give nor the
 * record engine fills in: the library sets these itself. */
static bool library_filled(const char *table, const char *column)
{
	static const char *const ok[][2] = {
		{"failures", "detected_at"},   /* rd_failure_open: now */
		{"communications", "at"},      /* rd_comm_log: now */
		{"audit_log", "at"}, {"audit_log", "actor"}, {"audit_log", "entity"},
		{"audit_log", "action"},
	};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
		if (!strcmp(ok[i][0], table) && !strcmp(ok[i][1], column))
			return true;
	return false;
}

static void required_columns_are_required_fields(void **state)
{
	struct fx *f = *state;
	for (const struct rd_entity *e = rd_entities; e->name; e++) {
		char sql[320];
		if (fx_pg()) /* an identity column is the primary key */
			snprintf(sql, sizeof sql, "SELECT column_name, CASE WHEN is_nullable = 'NO' THEN 1 ELSE 0 END, "
				 "column_default, CASE WHEN is_identity = 'YES' THEN 1 ELSE 0 END "
				 "FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '%s'",
				 e->table);
		else
			snprintf(sql, sizeof sql, "SELECT name, \"notnull\", dflt_value, pk FROM pragma_table_info('%s')",
				 e->table);
		struct rd_stmt *st;
		assert_int_equal(rd_store_prepare(f->s, sql, &st), RD_OK);
		bool row;
		while (rd_stmt_step(st, &row) == RD_OK && row) {
			const char *col = rd_stmt_col_text(st, 0);
			if (!rd_stmt_col_int(st, 1) || !rd_stmt_col_null(st, 2) || rd_stmt_col_int(st, 3) ||
			    !strcmp(col, "created_at") || library_filled(e->table, col))
				continue;
			const struct rd_field *fl = NULL;
			for (size_t i = 0; i < e->nfields; i++)
				if (!strcmp(e->fields[i].column, col))
					fl = &e->fields[i];
			if (!fl)
				fail_msg("%s.%s is NOT NULL but not in the schema table", e->table, col);
			if (!(fl->flags & RD_FF_REQUIRED))
				fail_msg("%s.%s is NOT NULL without default but field %s is not required",
					 e->table, col, fl->name);
		}
		rd_stmt_free(st);
	}
	(void)one;
}

static void labels_are_unique_columns(void **state)
{
	struct fx *f = *state;
	/* a label names one record: the database must keep it unique (users,
	 * services, clients) — contacts are unique per client only, which the
	 * lookup reports as ambiguous. */
	static const char *const unique_labels[] = {"user", "service", "client", NULL};
	for (int i = 0; unique_labels[i]; i++) {
		const struct rd_entity *e = rd_entity_find(unique_labels[i]);
		if (fx_pg()) {
			/* a one-column UNIQUE constraint on the label, which is NOT NULL */
			char q[512];
			snprintf(q, sizeof q, "SELECT count(*) FROM pg_constraint k JOIN pg_attribute a "
				 "ON a.attrelid = k.conrelid AND k.conkey = ARRAY[a.attnum] "
				 "WHERE k.conrelid = CAST('%s' AS regclass) AND k.contype = 'u' "
				 "AND a.attname = '%s' AND a.attnotnull", e->table, e->label);
			if (one(f->s, q) != 1)
				fail_msg("%s.%s is not declared unique", e->table, e->label);
			continue;
		}
		char *sql = table_sql(f->s, e->table);
		char want[64];
		snprintf(want, sizeof want, "%s TEXT NOT NULL UNIQUE", e->label);
		if (!strstr(sql, want))
			fail_msg("%s.%s is not declared unique", e->table, e->label);
		free(sql);
	}
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, fx_setup, fx_teardown)
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(finds_entities_by_name_and_plural),
		cmocka_unit_test(names_are_unique_and_well_formed),
		T(every_column_exists_and_order_is_valid),
		T(enums_agree_with_check_constraints),
		T(required_columns_are_required_fields),
		T(labels_are_unique_columns),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
