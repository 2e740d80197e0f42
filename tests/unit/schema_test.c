/* schema_test.c — lib/schema.c against the migrations: every entity's
 * table and columns exist, its ORDER BY and label are valid SQL, every
 * enumeration agrees with the table's CHECK, every reference names an
 * entity, and every NOT NULL column without a default is something input
 * must give (RD_FF_REQUIRED) or the library fills in — so a missing field
 * is reported by name, never as a raw constraint error. The state
 * machines are walked too: every allowed move allowed (and only for its
 * role), every other refused with a message naming the record and its
 * state, and each initial state the one the migration defaults to. */
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

/* The row of M leading from FROM as ASK, or NULL. */
static const struct rd_transition *row_of(const struct rd_machine *m, const char *from, const char *ask)
{
	for (size_t i = 0; i < m->nmoves; i++) {
		const struct rd_transition *t = &m->moves[i];
		if (!strcmp(t->from, from) && !strcmp(t->verb ? t->verb : t->to, ask))
			return t;
	}
	return NULL;
}

static bool is_state(const struct rd_machine *m, const char *s)
{
	for (int i = 0; m->states[i]; i++)
		if (!strcmp(m->states[i], s))
			return true;
	return false;
}

static void machines_are_well_formed(void **state)
{
	(void)state;
	static const char *const want[] = {"failure", "impact", "plan_action", "commitment", "goodwill",
					   "review_action", NULL};
	for (int i = 0; want[i]; i++)
		if (!rd_machine_find(want[i]))
			fail_msg("no state machine for %s", want[i]);
	assert_null(rd_machine_find("client"));
	assert_null(rd_status_initial("client"));
	assert_string_equal(rd_status_initial("failure"), "open");
	for (const struct rd_machine *m = rd_machines; m->entity; m++) {
		const struct rd_entity *e = rd_entity_find(m->entity);
		if (!e)
			fail_msg("machine %s: no such entity", m->entity);
		const struct rd_field *fl = rd_entity_field(e, m->field);
		if (!fl || fl->type != RD_F_ENUM || fl->values != m->states)
			fail_msg("machine %s: its states are not the enumeration of %s.%s", m->entity, m->entity,
				 m->field);
		if (!is_state(m, m->initial))
			fail_msg("machine %s: initial %s is no state", m->entity, m->initial);
		assert_true(m->nmoves > 0);
		for (size_t i = 0; i < m->nmoves; i++) {
			const struct rd_transition *t = &m->moves[i];
			if (!is_state(m, t->from) || !is_state(m, t->to))
				fail_msg("machine %s: move %s -> %s names an unknown state", m->entity, t->from, t->to);
			if (t->role < RD_ROLE_AGENT || !t->doing || !*t->doing)
				fail_msg("machine %s: move %s -> %s lets a viewer move it or says nothing", m->entity,
					 t->from, t->to);
			if (row_of(m, t->from, t->verb ? t->verb : t->to) != t)
				fail_msg("machine %s: move %s -> %s listed twice", m->entity, t->from, t->to);
		}
		/* every state is reachable from the initial one — but a review
		 * action's "dropped", which the migration allows and no operation
		 * reaches yet (nothing drops a review action) */
		for (int k = 0; m->states[k]; k++) {
			bool reached = !strcmp(m->states[k], m->initial) ||
				       (!strcmp(m->entity, "review_action") && !strcmp(m->states[k], "dropped"));
			for (size_t i = 0; i < m->nmoves && !reached; i++)
				reached = !strcmp(m->moves[i].to, m->states[k]);
			if (!reached)
				fail_msg("machine %s: state %s is never reached", m->entity, m->states[k]);
		}
	}
}

/* For every machine, every state FROM and every ask (each state, each
 * verb): allowed exactly when a row says so, and for a role at least the
 * row's; everything else refused with RD_ESTATE naming the record. */
static void machines_allow_their_moves_and_refuse_the_rest(void **state)
{
	(void)state;
	for (const struct rd_machine *m = rd_machines; m->entity; m++) {
		const char *asks[32];
		int n = 0;
		for (int k = 0; m->states[k]; k++)
			asks[n++] = m->states[k];
		for (size_t i = 0; i < m->nmoves; i++)
			if (m->moves[i].verb && n < 32)
				asks[n++] = m->moves[i].verb;
		for (int k = 0; m->states[k]; k++) {
			const char *from = m->states[k];
			for (int j = 0; j < n; j++) {
				const char *ask = asks[j], *to = NULL;
				char *msg = NULL;
				const struct rd_transition *t = row_of(m, from, ask);
				enum rd_err rc = rd_machine_may(m, 7, from, ask, RD_ROLE_ADMIN, &to, &msg);
				if (t) {
					if (rc != RD_OK || !to || strcmp(to, t->to))
						fail_msg("%s: %s -> %s refused: %s", m->entity, from, ask, msg ? msg : "");
					for (int r = RD_ROLE_VIEWER; r < (int)t->role; r++) {
						free(msg);
						msg = NULL;
						if (rd_machine_may(m, 7, from, ask, (enum rd_role)r, NULL, &msg) != RD_EPERM ||
						    !strstr(msg, "needs role"))
							fail_msg("%s: %s -> %s allowed to %s", m->entity, from, ask,
								 rd_role_name((enum rd_role)r));
					}
				} else if (m->any_state || rc != RD_EINVAL) {
					char name[64];
					snprintf(name, sizeof name, "%s #7 is ", m->name);
					if (rc != RD_ESTATE || !msg || !strstr(msg, name) || !strstr(msg, from))
						fail_msg("%s: %s -> %s: got %s (%s)", m->entity, from, ask, rd_err_name(rc),
							 msg ? msg : "no message");
				} else if (!strstr(msg, "is not a")) {
					fail_msg("%s: %s -> %s: %s", m->entity, from, ask, msg);
				}
				free(msg);
			}
			/* something the machine never accepts */
			assert_fails(rd_machine_may(m, 7, from, "sideways", RD_ROLE_ADMIN, NULL, &m_), RD_EINVAL,
				     "'sideways' is not a");
		}
		/* before the record is read: the ask and the role only */
		assert_fails(rd_machine_may(m, 7, NULL, "sideways", RD_ROLE_ADMIN, NULL, &m_), RD_EINVAL, "accepted: ");
		assert_fails(rd_machine_may(m, 7, NULL, m->moves[0].verb ? m->moves[0].verb : m->moves[0].to,
					    RD_ROLE_VIEWER, NULL, &m_), RD_EPERM, "needs role");
	}
}

/* The refusals a user reads, word for word where the CLI's cases rely on
 * them. */
static void machines_explain_their_refusals(void **state)
{
	(void)state;
	const struct rd_machine *f = rd_machine_find("failure");
	assert_fails(rd_machine_may(f, 3, "identified", "open", RD_ROLE_AGENT, NULL, &m_), RD_ESTATE,
		     "failure #3 is identified and cannot go back to open");
	assert_fails(rd_machine_may(f, 3, "resolved", "investigating", RD_ROLE_AGENT, NULL, &m_), RD_ESTATE,
		     "cannot go back to investigating (use reopen)");
	assert_fails(rd_machine_may(f, 3, "identified", "closed", RD_ROLE_AGENT, NULL, &m_), RD_ESTATE,
		     ": resolve it before closing it");
	assert_fails(rd_machine_may(f, 3, "open", "reopen", RD_ROLE_AGENT, NULL, &m_), RD_ESTATE,
		     "failure #3 is open, not resolved or closed: nothing to reopen");
	assert_fails(rd_machine_may(f, 3, "closed", "closed", RD_ROLE_AGENT, NULL, &m_), RD_ESTATE,
		     "failure #3 is already closed");
	assert_fails(rd_machine_may(f, 3, "open", "fixed", RD_ROLE_AGENT, NULL, &m_), RD_EINVAL,
		     "'fixed' is not a failure status (accepted: open, investigating, identified, remediating, "
		     "resolved, closed, reopen)");
	const char *to = NULL;
	assert_ok(rd_machine_may(f, 3, "closed", "reopen", RD_ROLE_AGENT, &to, &m_));
	assert_string_equal(to, "investigating");
	const struct rd_machine *g = rd_machine_find("goodwill");
	assert_fails(rd_machine_may(g, 4, "proposed", "delivered", RD_ROLE_ADMIN, NULL, &m_), RD_ESTATE,
		     "goodwill #4 is proposed and cannot become delivered (approve it first)");
	assert_fails(rd_machine_may(g, 4, "proposed", "approved", RD_ROLE_AGENT, NULL, &m_), RD_EPERM,
		     "approving goodwill needs role manager or higher (you are agent)");
	assert_fails(rd_machine_may(g, 4, NULL, "proposed", RD_ROLE_ADMIN, NULL, &m_), RD_EINVAL,
		     "'proposed' is not a goodwill decision (accepted: approved, delivered, declined)");
	const struct rd_machine *c = rd_machine_find("commitment");
	assert_fails(rd_machine_may(c, 5, "kept", "broken", RD_ROLE_AGENT, NULL, &m_), RD_ESTATE,
		     "commitment #5 is already kept");
	assert_ok(rd_machine_may(c, 5, "renegotiated", "renegotiated", RD_ROLE_AGENT, NULL, &m_));
	const struct rd_machine *r = rd_machine_find("impact");
	assert_ok(rd_machine_may(r, 0, "apologised", "recovering", RD_ROLE_AGENT, NULL, &m_));
	assert_fails(rd_machine_may(r, 0, "recovering", "apologised", RD_ROLE_AGENT, NULL, &m_), RD_ESTATE,
		     "cannot go back to apologised");
	assert_fails(rd_machine_may(rd_machine_find("plan_action"), 9, "dropped", "in_progress", RD_ROLE_AGENT,
				    NULL, &m_), RD_ESTATE, "plan action #9 is already dropped");
}

/* A record created without a status starts where its machine says: the
 * migration's default is that initial state (failure.c sets a failure's
 * from rd_status_initial). */
static void initial_states_are_the_column_defaults(void **state)
{
	struct fx *f = *state;
	for (const struct rd_machine *m = rd_machines; m->entity; m++) {
		const struct rd_entity *e = rd_entity_find(m->entity);
		const struct rd_field *fl = rd_entity_field(e, m->field);
		char sql[320];
		if (fx_pg())
			snprintf(sql, sizeof sql, "SELECT coalesce(column_default, '') FROM information_schema.columns "
				 "WHERE table_schema = 'public' AND table_name = '%s' AND column_name = '%s'",
				 e->table, fl->column);
		else
			snprintf(sql, sizeof sql, "SELECT coalesce(dflt_value, '') FROM pragma_table_info('%s') "
				 "WHERE name = '%s'", e->table, fl->column);
		struct rd_stmt *st;
		assert_int_equal(rd_store_prepare(f->s, sql, &st), RD_OK);
		bool row = false;
		assert_int_equal(rd_stmt_step(st, &row), RD_OK);
		assert_true(row);
		char want[64];
		snprintf(want, sizeof want, "'%s'", m->initial);
		const char *dflt = rd_stmt_col_text(st, 0);
		if (!strstr(dflt, want))
			fail_msg("%s.%s defaults to %s, its machine starts at %s", e->table, fl->column, dflt,
				 m->initial);
		rd_stmt_free(st);
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
		cmocka_unit_test(machines_are_well_formed),
		cmocka_unit_test(machines_allow_their_moves_and_refuse_the_rest),
		cmocka_unit_test(machines_explain_their_refusals),
		T(initial_states_are_the_column_defaults),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
