/* agenda_test.c — lib/agenda.c: the clock's table of obligations is kept in
 * step with every write (it always equals what the clock computes from
 * the narrative), the agenda of the demo data at pinned times lists what
 * is overdue and what is due soon, most urgent first, and a database that
 * fails while a track is read is reported as a database error, never as
 * something the user got wrong or an empty agenda. */
#include "unit.h"

#include "model_int.h"
#include "redress/agenda.h"

/* The track's stored obligations agree with rd_track_compute at NOW: every
 * computed obligation due by the stored horizon is a row with the same due
 * time and met state, and every row is a computed obligation. */
static void assert_in_step(struct fx *f, int64_t fid, int64_t cid, int64_t now)
{
	struct rd_clock_result r;
	assert_ok(rd_track_compute(f->s, fid, cid, now, &r, &m_));
	struct rd_stmt *st;
	assert_int_equal(rd_store_prepare(f->s, "SELECT key, due_at, coalesce(met_at, 0), coalesce(met_by, 0) "
					  "FROM obligations WHERE failure_id = ?1 AND client_id = ?2 ORDER BY key",
					  &st), RD_OK);
	rd_stmt_bind_int(st, 1, fid);
	rd_stmt_bind_int(st, 2, cid);
	bool row;
	size_t stored = 0;
	while (rd_stmt_step(st, &row) == RD_OK && row) {
		const char *key = rd_stmt_col_text(st, 0);
		const struct rd_obligation *o = NULL;
		for (size_t i = 0; i < r.n; i++)
			if (!strcmp(r.obs[i].key, key))
				o = &r.obs[i];
		if (!o)
			fail_msg("stored obligation %s is not one the clock computes", key);
		if (o->due_at != rd_stmt_col_int(st, 1) || o->met_at != rd_stmt_col_int(st, 2) ||
		    o->met_by != rd_stmt_col_int(st, 3))
			fail_msg("%s stored due %lld met %lld by %lld; computed due %lld met %lld by %lld", key,
				 (long long)rd_stmt_col_int(st, 1), (long long)rd_stmt_col_int(st, 2),
				 (long long)rd_stmt_col_int(st, 3), (long long)o->due_at, (long long)o->met_at,
				 (long long)o->met_by);
		stored++;
	}
	rd_stmt_free(st);
	/* the one-off steps are always stored (recurring ones up to a horizon) */
	for (size_t i = 0; i < r.n; i++) {
		if (r.obs[i].seq)
			continue;
		char sql[256];
		snprintf(sql, sizeof sql, "SELECT count(*) FROM obligations WHERE failure_id = %lld AND client_id = "
			 "%lld AND key = '%s'", (long long)fid, (long long)cid, r.obs[i].key);
		if (count_rows(f->s, sql) != 1)
			fail_msg("computed obligation %s is not stored", r.obs[i].key);
	}
	assert_true(stored > 0);
	rd_clock_result_free(&r);
}

static int64_t log_out(struct fx *f, const struct rd_actor *a, int64_t fid, const char *kind, const char *channel,
		       const char *at)
{
	json_t *in = json_pack("{sI ss ss ss ss ss}", "failure", (json_int_t)fid, "client", "Northwind", "kind", kind,
			       "channel", channel, "at", at, "summary", kind);
	int64_t id = 0;
	assert_ok(rd_comm_log(f->s, a, in, &id, &m_));
	json_decref(in);
	return id;
}

static void the_table_follows_every_write(void **state)
{
	struct fx *f = *state;
	int64_t cid = add_client(f, "{\"name\": \"Northwind\", \"tier\": \"key\"}");
	int64_t fid = open_failure(f, "{\"title\": \"Payments down\", \"severity\": 1, \"clients\": [\"Northwind\"],"
				   " \"detected_at\": \"2026-11-22T10:00:00Z\"}");
	/* opened: the apology is owed and not met */
	assert_in_step(f, fid, cid, T_NOW);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM obligations WHERE key = 'apology' AND met_at IS NULL"),
			 1);
	/* a key client's apology is a call: an email does not meet it */
	log_out(f, &f->sys, fid, "apology", "email", "2026-11-22T10:10:00Z");
	assert_in_step(f, fid, cid, T_NOW);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM obligations WHERE key = 'apology' AND met_at IS NULL"),
			 1);
	/* a call meets it, at the time it was made */
	int64_t ap = log_out(f, &f->sys, fid, "apology", "call", "2026-11-22T10:20:00Z");
	assert_in_step(f, fid, cid, T_NOW);
	char sql[160];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM obligations WHERE key = 'apology' AND met_by = %lld AND "
		 "met_at = 1795342800", (long long)ap);
	assert_int_equal(count_rows(f->s, sql), 1);
	/* a severity change moves due times; the table moves with them */
	json_t *in = J("{\"severity\": 3}");
	assert_ok(rd_failure_update(f->s, &f->sys, fid, in, &m_));
	json_decref(in);
	assert_in_step(f, fid, cid, T_NOW);
	/* a progress update, then the fix: what the clock now asks is stored */
	log_out(f, &f->sys, fid, "progress", "email", "2026-11-22T11:30:00Z");
	assert_in_step(f, fid, cid, T_NOW);
	assert_ok(rd_failure_set_status(f->s, &f->sys, fid, "resolved", T_NOW, &m_));
	assert_in_step(f, fid, cid, T_NOW);
	assert_true(count_rows(f->s, "SELECT count(*) FROM obligations WHERE kind = 'resolution'") >= 1);
	/* a waiver is kept on the row */
	struct rd_actor maria = make_user(f, "maria@provider.example", "manager");
	assert_ok(rd_obligation_waive(f->s, &maria, fid, cid, "resolution", "told in person", T_NOW, &m_));
	assert_in_step(f, fid, cid, T_NOW);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM obligations WHERE key = 'resolution' AND "
				    "waived_at IS NOT NULL"), 1);
}

/* A write rewrites only the obligations it moved: a row the new
 * computation leaves as it was keeps the generation that last changed it
 * (the track's generation moves on every write), so a write on a long
 * track does not rewrite its whole schedule; and the table stays equal to
 * the clock. */
static void a_write_rewrites_only_what_it_moves(void **state)
{
	struct fx *f = *state;
	int64_t cid = add_client(f, "{\"name\": \"Northwind\", \"tier\": \"key\"}");
	int64_t fid = open_failure(f, "{\"title\": \"Payments down\", \"severity\": 1, \"clients\": [\"Northwind\"],"
				   " \"detected_at\": \"2026-11-22T10:00:00Z\"}");
	assert_in_step(f, fid, cid, T_NOW);
	int64_t rows = count_rows(f->s, "SELECT count(*) FROM obligations");
	assert_true(rows > 1);
	/* the call meets the apology: that row is written, the others are not */
	log_out(f, &f->sys, fid, "apology", "call", "2026-11-22T10:20:00Z");
	assert_in_step(f, fid, cid, T_NOW);
	const char *written = "SELECT count(*) FROM obligations WHERE generation = (SELECT generation FROM tracks)";
	assert_int_equal(count_rows(f->s, written), 1);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM obligations WHERE key = 'apology' AND generation = "
				    "(SELECT generation FROM tracks)"), 1);
	int64_t apology_gen = count_rows(f->s, "SELECT generation FROM obligations WHERE key = 'apology'");
	/* an email that moves nothing writes no obligation; the track moves on */
	log_out(f, &f->sys, fid, "apology", "email", "2026-11-22T11:40:00Z");
	assert_in_step(f, fid, cid, T_NOW);
	assert_int_equal(count_rows(f->s, written), 0);
	assert_true(count_rows(f->s, "SELECT generation FROM tracks") > apology_gen);
	assert_int_equal(count_rows(f->s, "SELECT generation FROM obligations WHERE key = 'apology'"), apology_gen);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM obligations"), rows);
}

/* Each refresh moves the track's generation on by exactly one from the
 * stored one (read with the track, not returned by the upsert), starting
 * at 1, and the rows it writes carry it; a track cleared and begun again
 * starts again at 1. */
static void the_generation_moves_by_one_per_refresh(void **state)
{
	struct fx *f = *state;
	int64_t cid = add_client(f, "{\"name\": \"Northwind\", \"tier\": \"key\"}");
	int64_t fid = open_failure(f, "{\"title\": \"Payments down\", \"severity\": 1, \"clients\": [\"Northwind\"],"
				   " \"detected_at\": \"2026-11-22T10:00:00Z\"}");
	const char *gen = "SELECT generation FROM tracks";
	int64_t g = count_rows(f->s, gen);
	assert_true(g >= 1);
	/* a refresh that moves nothing still moves the generation */
	assert_ok(rd_track_changed(f->s, fid, cid, T_NOW, &m_));
	assert_int_equal(count_rows(f->s, gen), g + 1);
	log_out(f, &f->sys, fid, "apology", "call", "2026-11-22T10:20:00Z");
	assert_int_equal(count_rows(f->s, gen), g + 2);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM obligations WHERE key = 'apology' AND generation = "
				    "(SELECT generation FROM tracks)"), 1);
	assert_int_equal(count_rows(f->s, "SELECT max(generation) FROM obligations"), g + 2);
	/* someone else's track does not count: a second client's starts at 1 */
	int64_t cid2 = add_client(f, "{\"name\": \"Contoso\"}");
	assert_ok(rd_store_exec(f->s, NULL, "INSERT INTO impacts (failure_id, client_id, created_at) VALUES "
				"(?1, ?2, 0)", "ii", fid, cid2));
	assert_ok(rd_track_changed(f->s, fid, cid2, T_NOW, &m_));
	assert_int_equal(count_rows(f->s, "SELECT generation FROM tracks WHERE client_id = (SELECT id FROM clients "
				    "WHERE name = 'Contoso')"), 1);
	assert_int_equal(count_rows(f->s, "SELECT generation FROM tracks WHERE client_id = (SELECT id FROM clients "
				    "WHERE name = 'Northwind')"), g + 2);
	/* cleared (no longer affected), then affected again: from 1 */
	assert_ok(rd_store_exec(f->s, NULL, "UPDATE impacts SET affected = 'no' WHERE client_id = ?1", "i", cid2));
	assert_ok(rd_track_changed(f->s, fid, cid2, T_NOW, &m_));
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM tracks"), 1);
	assert_ok(rd_store_exec(f->s, NULL, "UPDATE impacts SET affected = 'yes' WHERE client_id = ?1", "i", cid2));
	assert_ok(rd_track_changed(f->s, fid, cid2, T_NOW, &m_));
	assert_int_equal(count_rows(f->s, "SELECT generation FROM tracks WHERE client_id = (SELECT id FROM clients "
				    "WHERE name = 'Contoso')"), 1);
}

/* Agenda rows of failure FID (0: any) of KIND and STATE for CLIENT (NULL:
 * any). */
static int rows_of(json_t *rows, int64_t fid, const char *kind, const char *state, const char *client)
{
	int n = 0;
	size_t i;
	json_t *r;
	json_array_foreach(rows, i, r) {
		const char *k = json_string_value(json_object_get(r, "kind"));
		const char *s = json_string_value(json_object_get(r, "state"));
		const char *c = json_string_value(json_object_get(r, "client"));
		if ((!fid || json_integer_value(json_object_get(r, "failure_id")) == fid) && k && !strcmp(k, kind) &&
		    s && !strcmp(s, state) && (!client || (c && !strcmp(c, client))))
			n++;
	}
	return n;
}

/* The demo, loaded at T_NOW (2026-11-22T12:00Z): failure #3 was detected at
 * 09:00 and its two standard clients are owed an apology by 13:00;
 * Northwind's open promise is due 2026-11-26T12:00Z. */
static void demo_agenda_at_pinned_times(void **state)
{
	struct fx *f = *state;
	assert_ok(rd_demo_load(f->s, T_NOW, &m_));
	json_t *rows = NULL;
	assert_ok(rd_agenda(f->s, T_NOW, T_NOW, 0, 0, &rows, &m_));
	/* overdue first, then due soon; each part earliest due first */
	int64_t prev_due = INT64_MIN;
	bool soon_seen = false;
	int overdue = 0, soon = 0;
	size_t i;
	json_t *r;
	json_array_foreach(rows, i, r) {
		const char *st = json_string_value(json_object_get(r, "state"));
		int64_t due = 0;
		if (!st || rd_time_parse(json_string_value(json_object_get(r, "due_at")), &due, NULL))
			fail_msg("agenda row %zu has no state or due time", i);
		if (!strcmp(st, "overdue")) {
			if (soon_seen)
				fail_msg("row %zu: overdue after a due-soon row", i);
			if (due >= T_NOW)
				fail_msg("row %zu: overdue but due at or after now", i);
			overdue++;
		} else {
			if (!soon_seen)
				prev_due = INT64_MIN;
			soon_seen = true;
			if (due < T_NOW)
				fail_msg("row %zu: %s but due before now", i, st);
			soon++;
		}
		if (due < prev_due)
			fail_msg("row %zu: due before the row above it", i);
		prev_due = due;
	}
	assert_int_equal(overdue, 10);
	assert_true(soon >= 5);
	/* #2's follow-up steps due on Saturday 21 November moved to Monday 23
	 * November at noon (the policy's working days): due soon, not overdue */
	assert_int_equal(rows_of(rows, 2, "follow_up", "pending", "Initech Banking"), 1);
	assert_int_equal(rows_of(rows, 2, "survey", "pending", "Cedar Analytics"), 1);
	assert_int_equal(rows_of(rows, 2, "survey", "overdue", NULL), 0);
	json_array_foreach(rows, i, r) {
		const char *k = json_string_value(json_object_get(r, "kind"));
		if (json_integer_value(json_object_get(r, "failure_id")) == 2 && k && !strcmp(k, "survey"))
			assert_string_equal(json_string_value(json_object_get(r, "due_at")), "2026-11-23T12:00:00Z");
	}
	/* #3's apologies: due soon at noon, not yet late, owned as the demo says */
	assert_int_equal(rows_of(rows, 3, "apology", "pending", "Fjord Travel"), 1);
	assert_int_equal(rows_of(rows, 3, "apology", "pending", "Iris Media"), 1);
	assert_int_equal(rows_of(rows, 3, "apology", "overdue", NULL), 0);
	/* Northwind's open promise is not due yet: no promise row */
	assert_int_equal(rows_of(rows, 0, "promise", "overdue", NULL), 0);
	json_decref(rows);

	/* at 14:00 neither apology was sent: both are overdue */
	assert_ok(rd_agenda(f->s, T_NOW, T_NOW + 2 * T_HOUR, 0, 0, &rows, &m_));
	assert_int_equal(rows_of(rows, 3, "apology", "overdue", NULL), 2);
	json_decref(rows);
	/* one day after the promise's due time it is an overdue promise */
	assert_ok(rd_agenda(f->s, T_NOW, T_NOW + 5 * T_DAY, 0, 0, &rows, &m_));
	assert_int_equal(rows_of(rows, 1, "promise", "overdue", "Northwind Logistics"), 1);
	json_decref(rows);
	/* one owner's agenda holds only that owner's rows */
	struct rd_actor sam;
	assert_ok(rd_actor_for_user(f->s, "sam@provider.example", &sam, &m_));
	assert_ok(rd_agenda(f->s, T_NOW, T_NOW, sam.user_id, 0, &rows, &m_));
	assert_true(json_array_size(rows) > 0);
	json_array_foreach(rows, i, r)
		assert_string_equal(json_string_value(json_object_get(r, "owner")), "sam@provider.example");
	assert_int_equal(rows_of(rows, 3, "apology", "pending", "Iris Media"), 0);
	json_decref(rows);
}

/* Every statement the clock's reads run may fail: the failure reaches the
 * caller as RD_EDB with a message, never as "not found", bad input or an
 * empty schedule. */
static void track_load_failures_are_database_errors(void **state)
{
	struct fx *f = *state;
	assert_ok(rd_demo_load(f->s, T_NOW, &m_));
	int failed = 0;
	for (int n = 1; n < 40; n++) {
		struct rd_clock_result r;
		char *msg = NULL;
		rd_store_fail_after(f->s, n);
		enum rd_err rc = rd_track_compute(f->s, 1, 1, T_NOW, &r, &msg);
		rd_store_fail_after(f->s, 0);
		rd_clock_result_free(&r);
		if (rc == RD_OK) {
			free(msg);
			break;
		}
		if (rc != RD_EDB || !msg || !*msg)
			fail_msg("statement %d failing: %s (%s), want a database error", n, rd_err_name(rc),
				 msg ? msg : "no message");
		failed++;
		free(msg);
	}
	assert_true(failed >= 2);
	/* the agenda too: never an empty list when the reads fail */
	failed = 0;
	for (int n = 1; n < 40; n++) {
		json_t *rows = NULL;
		char *msg = NULL;
		rd_store_fail_after(f->s, n);
		enum rd_err rc = rd_agenda(f->s, T_NOW, T_NOW, 0, 0, &rows, &msg);
		rd_store_fail_after(f->s, 0);
		if (rc == RD_OK) {
			assert_true(json_array_size(rows) > 0);
			json_decref(rows);
			free(msg);
			break;
		}
		if (rc != RD_EDB || !msg)
			fail_msg("agenda with statement %d failing: %s (%s)", n, rd_err_name(rc), msg ? msg : "no message");
		assert_null(rows);
		failed++;
		free(msg);
	}
	assert_true(failed >= 1);
	/* an unknown track is not found, not a database error */
	struct rd_clock_result r;
	assert_fails(rd_track_compute(f->s, 999, 1, T_NOW, &r, &m_), RD_ENOTFOUND, NULL);
	rd_clock_result_free(&r);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, fx_setup, fx_teardown)
	const struct CMUnitTest tests[] = {
		T(the_table_follows_every_write),
		T(a_write_rewrites_only_what_it_moves),
		T(the_generation_moves_by_one_per_refresh),
		T(demo_agenda_at_pinned_times),
		T(track_load_failures_are_database_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
