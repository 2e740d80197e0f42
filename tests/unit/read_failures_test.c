/* read_failures_test.c — every read the fronts call may meet a failing
 * statement: the failure must reach the caller as a database error
 * (RD_EDB, and a message where the function gives one), never as "not
 * found", bad input, an empty list or a page built without what could not
 * be read. For each read, on the demo data: a clean call counts its
 * statements (rd_store_stats: prepares and steps), then each of them is
 * failed in turn (rd_store_fail_after). The clock, the agenda, the
 * dashboard, drafts and the integrity check have sweeps of their own. */
#include "unit.h"
#include "redress/model.h"
#include "redress/agenda.h"
#include "redress/auth.h"
#include "redress/intake.h"
#include "redress/metrics.h"
#include "redress/outbox.h"
#include "redress/webhook.h"
#include "redress/portal.h"
#include "redress/report.h"
#include "redress/room.h"
#include "redress/trust.h"
#include "redress/views.h"

/* One read: its result in *out (a JSON value, or NULL), its message in
 * *msg when it gives one (has_msg). */
struct read {
	const char *name;
	bool has_msg;
	enum rd_err (*call)(struct fx *f, json_t **out, char **msg);
};

static enum rd_err client_list(struct fx *f, json_t **out, char **msg) { (void)msg; return rd_view_client_list(f->s, out); }
static enum rd_err client_failures(struct fx *f, json_t **out, char **msg) { (void)msg; return rd_view_client_failures(f->s, 1, out); }
static enum rd_err failure_list(struct fx *f, json_t **out, char **msg) { (void)msg; return rd_view_failure_list(f->s, true, out); }
static enum rd_err open_failures(struct fx *f, json_t **out, char **msg) { (void)msg; return rd_view_open_failures(f->s, out); }
static enum rd_err failure_menu(struct fx *f, json_t **out, char **msg) { (void)msg; return rd_view_failure_menu(f->s, out); }
static enum rd_err contacts(struct fx *f, json_t **out, char **msg) { (void)msg; return rd_view_contacts(f->s, 1, out); }
static enum rd_err open_tracks(struct fx *f, json_t **out, char **msg) { (void)msg; return rd_view_open_tracks(f->s, out); }
static enum rd_err promises_due(struct fx *f, json_t **out, char **msg) { (void)msg; return rd_view_promises_due(f->s, T_NOW + 30 * T_DAY, out); }
static enum rd_err client_show(struct fx *f, json_t **out, char **msg) { return rd_client_show(f->s, 1, out, msg); }
static enum rd_err failure_show(struct fx *f, json_t **out, char **msg) { return rd_failure_show(f->s, 1, out, msg); }
static enum rd_err obligations(struct fx *f, json_t **out, char **msg) { return rd_obligations_json(f->s, 1, 0, T_NOW, out, msg); }
static enum rd_err room_summary(struct fx *f, json_t **out, char **msg) { return rd_room_summary(f->s, 1, T_NOW, out, msg); }
static enum rd_err metrics(struct fx *f, json_t **out, char **msg) { return rd_metrics(f->s, T_NOW, T_NOW - 60 * T_DAY, T_NOW, RD_METRICS_FAILURE, out, msg); }
static enum rd_err trust_client(struct fx *f, json_t **out, char **msg) { return rd_trust_client_json(f->s, 1, T_NOW, out, msg); }
static enum rd_err trust_portfolio(struct fx *f, json_t **out, char **msg) { return rd_trust_portfolio(f->s, T_NOW, 20, out, msg); }
static enum rd_err report_internal(struct fx *f, json_t **out, char **msg) { return rd_report_view(f->s, 2, RD_REPORT_INTERNAL, 0, T_NOW, out, msg); }
static enum rd_err report_client(struct fx *f, json_t **out, char **msg) { return rd_report_view(f->s, 2, RD_REPORT_CLIENT, 3, T_NOW, out, msg); }

static enum rd_err room_questions(struct fx *f, json_t **out, char **msg) { return rd_room_questions(f->s, 0, out, msg); }
static enum rd_err portal_links(struct fx *f, json_t **out, char **msg) { return rd_portal_list(f->s, NULL, T_NOW, out, msg); }
static enum rd_err outbox(struct fx *f, json_t **out, char **msg) { return rd_outbox_list(f->s, NULL, 50, out, msg); }
static enum rd_err webhooks(struct fx *f, json_t **out, char **msg) { return rd_webhook_list(f->s, out, msg); }
static enum rd_err tokens(struct fx *f, json_t **out, char **msg) { return rd_api_token_list(f->s, NULL, out, msg); }

static enum rd_err intake_failure(struct fx *f, json_t **out, char **msg) { return rd_intake_failure(f->s, 1, out, msg); }
static enum rd_err outbox_counts(struct fx *f, json_t **out, char **msg) { return rd_outbox_counts(f->s, out, msg); }
static enum rd_err trust_report(struct fx *f, json_t **out, char **msg) { return rd_trust_client_report(f->s, 1, T_NOW, out, msg); }
static enum rd_err metrics_owner(struct fx *f, json_t **out, char **msg) { return rd_metrics(f->s, T_NOW, T_NOW - 60 * T_DAY, T_NOW, RD_METRICS_OWNER, out, msg); }
static enum rd_err metrics_tier(struct fx *f, json_t **out, char **msg) { return rd_metrics(f->s, T_NOW, T_NOW - 60 * T_DAY, T_NOW, RD_METRICS_TIER, out, msg); }
/* the owner's calendar as text, wrapped as a JSON string for the sweep */
static enum rd_err calendar(struct fx *f, json_t **out, char **msg)
{
	char *ics = NULL;
	enum rd_err rc = rd_agenda_calendar(f->s, 0, 1, T_NOW, &ics, msg);
	if (ics)
		*out = json_string(ics);
	free(ics);
	return rc;
}
static enum rd_err data_version(struct fx *f, json_t **out, char **msg)
{
	(void)msg;
	int64_t v = 0;
	enum rd_err rc = rd_view_data_version(f->s, &v);
	if (rc == RD_OK)
		*out = json_integer(v);
	return rc;
}

/* the portal as Northwind's first contact sees it (set before the sweep) */
static struct rd_portal_id northwind;
static enum rd_err portal_home(struct fx *f, json_t **out, char **msg) { (void)msg; return rd_portal_home(f->s, &northwind, out); }
static enum rd_err portal_failure(struct fx *f, json_t **out, char **msg) { (void)msg; return rd_portal_failure(f->s, &northwind, 1, out); }

static const struct read reads[] = {
	{"rd_view_client_list", false, client_list},
	{"rd_view_client_failures", false, client_failures},
	{"rd_view_failure_list", false, failure_list},
	{"rd_view_open_failures", false, open_failures},
	{"rd_view_failure_menu", false, failure_menu},
	{"rd_view_contacts", false, contacts},
	{"rd_view_open_tracks", false, open_tracks},
	{"rd_view_promises_due", false, promises_due},
	{"rd_client_show", true, client_show},
	{"rd_failure_show", true, failure_show},
	{"rd_obligations_json", true, obligations},
	{"rd_room_summary", true, room_summary},
	{"rd_metrics", true, metrics},
	{"rd_trust_client_json", true, trust_client},
	{"rd_trust_portfolio", true, trust_portfolio},
	{"rd_report_view internal", true, report_internal},
	{"rd_report_view client", true, report_client},
	{"rd_portal_home", false, portal_home},
	{"rd_portal_failure", false, portal_failure},
	{"rd_room_questions", true, room_questions},
	{"rd_portal_list", true, portal_links},
	{"rd_outbox_list", true, outbox},
	{"rd_webhook_list", true, webhooks},
	{"rd_api_token_list", true, tokens},
	{"rd_intake_failure", true, intake_failure},
	{"rd_outbox_counts", true, outbox_counts},
	{"rd_trust_client_report", true, trust_report},
	{"rd_metrics by owner", true, metrics_owner},
	{"rd_metrics by tier", true, metrics_tier},
	{"rd_agenda_calendar", true, calendar},
	{"rd_view_data_version", false, data_version},
};

static void every_failed_statement_is_a_database_error(void **state)
{
	struct fx *f = *state;
	assert_ok(rd_demo_load(f->s, T_NOW, &m_));
	int64_t contact = 0;
	assert_int_equal(rd_store_exec(f->s, &contact, "SELECT min(id) FROM contacts WHERE client_id = 1", ""), RD_OK);
	northwind = (struct rd_portal_id){contact, 1};
	for (size_t k = 0; k < sizeof reads / sizeof reads[0]; k++) {
		const struct read *r = &reads[k];
		json_t *out = NULL;
		char *msg = NULL;
		int64_t p0, s0, p1, s1;
		rd_store_stats(f->s, &p0, &s0);
		enum rd_err rc = r->call(f, &out, &msg);
		rd_store_stats(f->s, &p1, &s1);
		if (rc != RD_OK)
			fail_msg("%s: %s (%s) with no fault", r->name, rd_err_name(rc), msg ? msg : "");
		json_decref(out);
		free(msg);
		int total = (int)((p1 - p0) + (s1 - s0));
		assert_true(total >= 1);
		for (int n = 1; n <= total; n++) {
			out = NULL;
			msg = NULL;
			rd_store_fail_after(f->s, n);
			rc = r->call(f, &out, &msg);
			rd_store_fail_after(f->s, 0);
			if (rc != RD_EDB || (r->has_msg && (!msg || !*msg)) || out)
				fail_msg("%s, statement %d of %d failing: %s (%s)%s, want a database error", r->name, n,
					 total, rd_err_name(rc), msg ? msg : "no message", out ? " with a result" : "");
			free(msg);
		}
		print_message("%s: %d statements, each failure a database error\n", r->name, total);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(every_failed_statement_is_a_database_error, fx_setup, fx_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
