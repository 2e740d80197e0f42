/* store_test.c — lib/store/store.c, the backend-independent half: a
 * failed prepare leaves a NULL statement every call accepts (the error
 * surfaces at the step), rd_store_end commits or rolls back by the work's
 * result, rd_store_ids collects a column, writes queued with
 * rd_store_exec_later stay in their transaction, and the statement counter
 * — with the cost of the commonest write, logging one communication, held
 * to a budget (and on PostgreSQL its round trips too). */
#include "../unit.h"

static void failed_prepare_is_safe_and_sticky(void **state)
{
	struct fx *f = *state;
	struct rd_stmt *st = (struct rd_stmt *)&st; /* not NULL: the prepare must reset it */
	assert_int_not_equal(rd_store_prepare(f->s, "SELECT nonsense FROM no_such_table", &st), RD_OK);
	assert_null(st);
	/* straight-line code: bind, bind, step — checked once, at the step */
	assert_int_equal(rd_stmt_bind_int(st, 1, 7), RD_EDB);
	assert_int_equal(rd_stmt_bind_text(st, 2, "x"), RD_EDB);
	assert_int_equal(rd_stmt_bind_null(st, 3), RD_EDB);
	bool row = true;
	assert_int_equal(rd_stmt_step(st, &row), RD_EDB);
	assert_false(row);
	assert_int_equal(rd_stmt_ncols(st), 0);
	assert_int_equal(rd_stmt_col_int(st, 0), 0);
	assert_null(rd_stmt_col_text(st, 0));
	rd_stmt_free(st);
	/* and an injected prepare failure too */
	rd_store_fail_after(f->s, 1);
	st = (struct rd_stmt *)&st;
	assert_int_equal(rd_store_prepare(f->s, "SELECT 1", &st), RD_EDB);
	assert_null(st);
	assert_int_equal(rd_stmt_step(st, &row), RD_EDB);
}

static void end_commits_or_rolls_back(void **state)
{
	struct fx *f = *state;
	int64_t before = count_rows(f->s, "SELECT count(*) FROM clients");
	assert_int_equal(rd_store_begin(f->s), RD_OK);
	add_client(f, "{\"name\": \"Kept\"}");
	assert_int_equal(rd_store_end(f->s, RD_OK, NULL), RD_OK);
	assert_int_equal(rd_store_begin(f->s), RD_OK);
	add_client(f, "{\"name\": \"Dropped\"}");
	assert_int_equal(rd_store_end(f->s, RD_EINVAL, NULL), RD_EINVAL);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM clients"), before + 1);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM clients WHERE name = 'Dropped'"), 0);
	/* an inner scope that rolled back dooms the outer commit, with a message */
	assert_int_equal(rd_store_begin(f->s), RD_OK);
	assert_int_equal(rd_store_begin(f->s), RD_OK);
	add_client(f, "{\"name\": \"Doomed\"}");
	rd_store_rollback(f->s);
	assert_fails(rd_store_end(f->s, RD_OK, &m_), RD_ESTATE, "commit failed");
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM clients WHERE name = 'Doomed'"), 0);
}

static void ids_collects_a_column(void **state)
{
	struct fx *f = *state;
	int64_t a = add_client(f, "{\"name\": \"A\"}"), b = add_client(f, "{\"name\": \"B\"}");
	add_client(f, "{\"name\": \"C\"}");
	int64_t *ids = NULL;
	size_t n = 99;
	assert_int_equal(rd_store_ids(f->s, &ids, &n, "SELECT id FROM clients WHERE name IN (?1, ?2) ORDER BY id",
				      "tt", "A", "B"), RD_OK);
	assert_int_equal(n, 2);
	assert_int_equal(ids[0], a);
	assert_int_equal(ids[1], b);
	free(ids);
	assert_int_equal(rd_store_ids(f->s, &ids, &n, "SELECT id FROM clients WHERE name = ?1", "t", "nobody"), RD_OK);
	assert_int_equal(n, 0);
	assert_null(ids);
	assert_int_not_equal(rd_store_ids(f->s, &ids, &n, "SELECT id FROM nowhere", ""), RD_OK);
	assert_null(ids);
}

/* A write whose answer nobody reads (rd_store_exec_later) belongs to its
 * transaction like any other: the next statement sees it, the commit keeps
 * it, a rollback drops it. One that fails fails the transaction: SQLite
 * says so at once; PostgreSQL only queued it, so the next statement that
 * waits for an answer, or the commit, returns its error with its code.
 * Outside a transaction it commits at once. */
static void later_writes_belong_to_their_transaction(void **state)
{
	struct fx *f = *state;
	struct rd_store *s = f->s, *other = NULL;
	const char *ins = "INSERT INTO services (name, created_at) VALUES (?1, 0)";
	assert_ok(rd_store_open(f->path, &other, &m_));
	assert_int_equal(rd_store_begin(s), RD_OK);
	assert_int_equal(rd_store_exec_later(s, ins, "t", "A"), RD_OK);
	assert_int_equal(rd_store_exec_later(s, ins, "t", "B"), RD_OK);
	assert_int_equal(count_rows(s, "SELECT count(*) FROM services"), 2);
	assert_int_equal(rd_store_exec_later(s, ins, "t", "C"), RD_OK);
	rd_store_rollback(s);
	assert_int_equal(count_rows(s, "SELECT count(*) FROM services"), 0);
	/* kept by the commit, which it may go with */
	assert_int_equal(rd_store_begin(s), RD_OK);
	assert_int_equal(rd_store_exec_later(s, ins, "t", "A"), RD_OK);
	assert_int_equal(rd_store_commit(s), RD_OK);
	assert_int_equal(count_rows(other, "SELECT count(*) FROM services WHERE name = 'A'"), 1);
	/* a failure, reported by the next statement: a duplicate name */
	assert_int_equal(rd_store_begin(s), RD_OK);
	assert_int_equal(rd_store_exec_later(s, ins, "t", "B"), RD_OK);
	enum rd_err rc = rd_store_exec_later(s, ins, "t", "a");
	if (rc == RD_OK)
		rc = rd_store_exec(s, NULL, "SELECT count(*) FROM services", "");
	assert_int_equal(rc, RD_EEXIST);
	const char *why = rd_store_errmsg(s); /* the queued write's own message */
	assert_true(strstr(why, "UNIQUE") || strstr(why, "unique"));
	rd_store_rollback(s);
	/* ... or by the commit, which then fails and writes nothing */
	assert_int_equal(rd_store_begin(s), RD_OK);
	assert_int_equal(rd_store_exec_later(s, ins, "t", "B"), RD_OK);
	rc = rd_store_exec_later(s, ins, "t", "a");
	if (rc == RD_OK)
		rc = rd_store_commit(s);
	else
		rd_store_rollback(s);
	assert_int_equal(rc, RD_EEXIST);
	assert_int_equal(count_rows(other, "SELECT count(*) FROM services"), 1);
	/* the handle goes on as before; outside a transaction: at once */
	assert_int_equal(rd_store_begin(s), RD_OK);
	assert_int_equal(rd_store_exec_later(s, ins, "t", "B"), RD_OK);
	assert_int_equal(rd_store_commit(s), RD_OK);
	assert_int_equal(rd_store_exec_later(s, ins, "t", "C"), RD_OK);
	assert_int_equal(count_rows(other, "SELECT count(*) FROM services"), 3);
	rd_store_close(other);
}

/* Logging one outbound communication on a running track — the path of
 * `redress log` and POST /api/communications, validation, audit row, the
 * impact's recovery status, the clock's recompute of the track, the trust
 * hook and the webhook event included — in 11 statements (it was 31;
 * docs/internals/store.md has the table), issue 9's target. The track's
 * facts and events are one read (lib/agenda.c track_load), and the
 * communication.logged event is queued by one INSERT … SELECT over the
 * subscribed endpoints (lib/webhook.c), not a lookup and then inserts.
 * The track read brings its stored obligations too, so only the rows the
 * write moved are written, and the stale delete runs only when a stored
 * key is no longer computed (lib/agenda.c refresh_track). */
#define COMM_LOG_BUDGET 11
/* On PostgreSQL each statement that must answer is a round trip to the
 * server; the audit rows, the track's and trust's writes and the webhook
 * event do not, and go with the next one that does (rd_stmt_step_later).
 * Counted on the track's next communication, every statement prepared
 * already: BEGIN with the write lock and the client's key
 * (rd_store_begin_keyed_on), the impact, the insert, the impact's
 * status, the track, trust, COMMIT (it was 13). */
#define COMM_LOG_ROUND_TRIPS 7

static void logging_a_communication_stays_within_budget(void **state)
{
	struct fx *f = *state;
	int64_t cid = add_client(f, "{\"name\": \"Northwind\"}");
	int64_t fid = open_failure(f, "{\"title\": \"T\", \"severity\": 3, \"detected_at\": \"2026-11-22T09:00:00Z\", "
				      "\"clients\": [\"Northwind\"]}");
	char buf[256];
	/* ids, as the CLI (which turns names into ids first) and the API pass them */
	snprintf(buf, sizeof buf, "{\"failure\": %lld, \"client\": %lld, \"kind\": \"apology\", "
		 "\"channel\": \"email\", \"at\": \"2026-11-22T10:00:00Z\", \"summary\": \"Sorry\"}", (long long)fid,
		 (long long)cid);
	json_t *in = J(buf);
	int64_t p0, s0, p1, s1, id = 0;
	rd_store_stats(f->s, &p0, &s0);
	assert_ok(rd_comm_log(f->s, &f->sys, in, &id, &m_));
	rd_store_stats(f->s, &p1, &s1);
	json_decref(in);
	assert_true(id > 0);
	print_message("logging one communication: %lld statements, %lld steps\n", (long long)(p1 - p0),
		      (long long)(s1 - s0));
	if (p1 - p0 > COMM_LOG_BUDGET)
		fail_msg("logging one communication ran %lld statements; the budget is %d", (long long)(p1 - p0),
			 COMM_LOG_BUDGET);
	/* and it did what it costs: the row, its audit entry, the track's clock */
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM communications"), 1);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM audit_log WHERE entity = 'communication'"), 1);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM impacts WHERE recovery_status = 'apologised'"), 1);
	assert_true(count_rows(f->s, "SELECT count(*) FROM obligations WHERE kind = 'apology' AND met_by IS NOT NULL") == 1);
	if (!fx_pg())
		return;
	snprintf(buf, sizeof buf, "{\"failure\": %lld, \"client\": %lld, \"kind\": \"progress\", "
		 "\"channel\": \"email\", \"at\": \"2026-11-22T11:00:00Z\", \"summary\": \"Update\"}",
		 (long long)fid, (long long)cid);
	in = J(buf);
	int64_t r0 = rd_store_round_trips(f->s);
	assert_ok(rd_comm_log(f->s, &f->sys, in, &id, &m_));
	int64_t trips = rd_store_round_trips(f->s) - r0;
	json_decref(in);
	print_message("logging the next one on PostgreSQL: %lld round trips\n", (long long)trips);
	if (trips > COMM_LOG_ROUND_TRIPS)
		fail_msg("logging one communication waited for PostgreSQL %lld times; the budget is %d",
			 (long long)trips, COMM_LOG_ROUND_TRIPS);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM audit_log WHERE entity = 'communication'"), 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(failed_prepare_is_safe_and_sticky, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(end_commits_or_rolls_back, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(ids_collects_a_column, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(later_writes_belong_to_their_transaction, fx_setup, fx_teardown),
		cmocka_unit_test_setup_teardown(logging_a_communication_stays_within_budget, fx_setup, fx_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
