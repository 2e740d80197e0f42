/* write_failures_test.c — every write of the desk may meet a failing
 * statement part-way: the operation then reports RD_EDB with a message and
 * leaves nothing behind (its transaction rolled back: no audit row, no row
 * of its own). For each write, on the demo data, the Nth statement is
 * failed for N = 1, 2, … until the operation gets through without the
 * fault firing; integrity_test.c sweeps the record-level writes (messages,
 * commitments, impacts, ETAs, status changes) the same way. */
#include "unit.h"
#include "redress/agenda.h"
#include "redress/auth.h"
#include "redress/intake.h"
#include "redress/model.h"
#include "redress/portal.h"
#include "redress/trust.h"
#include "redress/webhook.h"

static struct rd_actor maria, ada;   /* the demo's manager and admin */

/* What a write leaves behind: the audit log's length (every write audits
 * what it changes) and the number of rows of TABLE, the one it adds to
 * (SQL text is never built at run time, here neither). */
#define SNAPSHOT(table) \
	"SELECT (SELECT count(*) FROM audit_log WHERE id > ?1) || '/' || (SELECT count(*) FROM " table ")"


/* what the writes act on, read before the sweep (a read inside an
 * operation would meet the injected fault itself) */
static char *waive_key;
static int64_t plan_action;

static enum rd_err op_waive(struct fx *f, char **m)
{
	return rd_obligation_waive(f->s, &maria, 1, 1, waive_key, "agreed on the phone", T_NOW, m);
}

static enum rd_err op_escalate(struct fx *f, char **m)
{
	int64_t n = 0;
	return rd_escalate(f->s, T_NOW + T_DAY, &n, m);
}

static enum rd_err op_disclose(struct fx *f, char **m)
{
	return rd_failure_disclose(f->s, &maria, 1, "A database switch went wrong; 50 minutes without alerts.",
				   T_NOW, m);
}

static enum rd_err op_login_link(struct fx *f, char **m)
{
	char *tok = NULL;
	enum rd_err rc = rd_login_link_create(f->s, &f->sys, "sam@provider.example", 30, T_NOW, &tok, m);
	free(tok);
	return rc;
}

static enum rd_err op_password_link(struct fx *f, char **m)
{
	char *tok = NULL;
	enum rd_err rc = rd_password_link_create(f->s, &f->sys, "priya@provider.example", 30, T_NOW, &tok, m);
	free(tok);
	return rc;
}

static enum rd_err op_calfeed(struct fx *f, char **m)
{
	char *tok = NULL;
	int64_t id = 0;
	enum rd_err rc = rd_calfeed_create(f->s, &maria, NULL, "Northwind Logistics", &tok, &id, m);
	free(tok);
	return rc;
}

static enum rd_err op_plan_done(struct fx *f, char **m)
{
	return rd_plan_action_set_status(f->s, &maria, plan_action, "done", "the change is live, checked by hand", T_NOW, m);
}

static enum rd_err op_survey(struct fx *f, char **m)
{
	json_t *in = json_pack("{sI sI ss ss}", "failure", (json_int_t)2, "client", (json_int_t)6, "sent_at",
			       "2026-11-22T11:00:00Z", "channel", "email");
	int64_t id = 0;
	enum rd_err rc = rd_survey_send(f->s, &maria, in, &id, m);
	json_decref(in);
	return rc;
}

static enum rd_err op_user_add(struct fx *f, char **m)
{
	json_t *in = json_pack("{ss ss ss}", "email", "noor@provider.example", "name", "Noor Haddad", "role", "agent");
	int64_t id = 0;
	enum rd_err rc = rd_user_add(f->s, &ada, in, "Quiet-Harbour-Lantern-42", &id, m);
	json_decref(in);
	return rc;
}

static enum rd_err op_alert(struct fx *f, char **m)
{
	json_t *n = J("{\"version\": \"4\", \"groupKey\": \"{}:{alertname=\\\"PaymentsDown\\\"}\", \"status\": "
		      "\"firing\", \"receiver\": \"redress\", \"truncatedAlerts\": 0, \"groupLabels\": {\"alertname\": "
		      "\"PaymentsDown\"}, \"commonLabels\": {\"alertname\": \"PaymentsDown\"}, \"commonAnnotations\": {}, "
		      "\"externalURL\": \"http://127.0.0.1:9093\", \"alerts\": [{\"status\": \"firing\", \"fingerprint\": "
		      "\"9f1e2d3c4b5a6978\", \"labels\": {\"alertname\": \"PaymentsDown\", \"service\": \"Payments API\", "
		      "\"severity\": \"critical\"}, \"annotations\": {\"summary\": \"card authorisations failing\"}, "
		      "\"startsAt\": \"2026-11-22T11:50:00Z\", \"endsAt\": \"0001-01-01T00:00:00Z\"}]}");
	json_t *out = NULL;
	enum rd_err rc = rd_intake_alertmanager(f->s, &maria, n, &out, m);
	json_decref(out);
	json_decref(n);
	return rc;
}

static enum rd_err op_trust_sweep(struct fx *f, char **m)
{
	int64_t n = 0;
	return rd_trust_sweep(f->s, T_NOW + T_DAY, &n, m);
}

static char *link_token;   /* a live login link, made before the sweep */
static char *portal_contact;   /* a contact with a live portal link */
static int64_t draft_failure, feed_id, token_id, hook_id, review_action;

static enum rd_err op_login_link_use(struct fx *f, char **m)
{
	char *sess = NULL;
	enum rd_err rc = rd_login_link_use(f->s, link_token, T_NOW + 60, &sess, m);
	free(sess);
	return rc;
}

static enum rd_err op_rca(struct fx *f, char **m)
{
	json_t *in = J("{\"category\": \"process\", \"client_explanation\": \"A scheduled job was pointed at the "
		       "wrong database.\"}");
	enum rd_err rc = rd_rca_set(f->s, &maria, 3, in, m);
	json_decref(in);
	return rc;
}

static enum rd_err op_user_update(struct fx *f, char **m)
{
	json_t *in = J("{\"title\": \"Head of Client Success\", \"phone\": \"+44 20 7946 0999\"}");
	enum rd_err rc = rd_user_update(f->s, &ada, maria.user_id, in, m);
	json_decref(in);
	return rc;
}

static enum rd_err op_webhook_add(struct fx *f, char **m)
{
	json_t *events = J("[\"communication.logged\"]");
	int64_t id = 0;
	char *secret = NULL;
	enum rd_err rc = rd_webhook_add(f->s, "https://hooks.example/redress", NULL, events, T_NOW, &id, &secret, m);
	free(secret);
	json_decref(events);
	return rc;
}

static enum rd_err op_refresh(struct fx *f, char **m)
{
	int64_t n = 0;
	return rd_tracks_refresh_all(f->s, T_NOW + 3 * T_DAY, &n, m);
}

static enum rd_err op_client_update(struct fx *f, char **m)
{
	json_t *in = J("{\"tier\": \"standard\", \"tz\": \"Europe/Paris\"}");
	enum rd_err rc = rd_client_update(f->s, &maria, 1, in, m);
	json_decref(in);
	return rc;
}

static enum rd_err op_use_service(struct fx *f, char **m)
{
	return rd_client_use_service(f->s, &maria, 1, "Parcel Tracking", m);
}

static enum rd_err op_draft_failure(struct fx *f, char **m)
{
	json_t *in = J("{\"title\": \"Label printing stalls\", \"severity\": 3, \"services\": [\"Payments API\"]}");
	int64_t id = 0;
	enum rd_err rc = rd_failure_open_draft(f->s, &maria, in, &id, m);
	json_decref(in);
	return rc;
}

static enum rd_err op_add_service(struct fx *f, char **m)
{
	bool added = false;
	return rd_failure_add_service(f->s, &maria, 3, "Reporting", &added, m);
}

static enum rd_err op_portal_revoke(struct fx *f, char **m)
{
	int n = 0;
	return rd_portal_revoke(f->s, &maria, 0, portal_contact, T_NOW, &n, m);
}

static enum rd_err op_session(struct fx *f, char **m)
{
	char *tok = NULL;
	enum rd_err rc = rd_session_create_staff(f->s, maria.user_id, T_NOW, &tok, m);
	free(tok);
	return rc;
}

static enum rd_err op_confirm(struct fx *f, char **m)
{
	return rd_failure_confirm(f->s, &maria, draft_failure, T_NOW, m);
}

static enum rd_err op_feed_revoke(struct fx *f, char **m)
{
	return rd_calfeed_revoke(f->s, &maria, feed_id, T_NOW, m);
}

static enum rd_err op_token_revoke(struct fx *f, char **m)
{
	return rd_api_token_revoke(f->s, &ada, token_id, m);
}

static enum rd_err op_hook_remove(struct fx *f, char **m)
{
	return rd_webhook_remove(f->s, hook_id, T_NOW, m);
}

static enum rd_err op_reopen(struct fx *f, char **m)
{
	return rd_failure_set_status(f->s, &maria, 2, "reopened", T_NOW, m);
}

static enum rd_err op_review_action(struct fx *f, char **m)
{
	return rd_review_action_done(f->s, &maria, review_action, "the new alert paged on-call in a drill", T_NOW, m);
}

/* BATCHED: commits every so many items by design (a recompute of derived
 * state, idempotent), so a failure keeps the batches before it; it must
 * still say so. */
static const struct write {
	const char *name, *table, *snapshot;
	enum rd_err (*op)(struct fx *f, char **m);
	bool batched;
} writes[] = {
#define W(name, table, op, batched) {name, table, SNAPSHOT(table), op, batched}
	W("rd_obligation_waive", "waivers", op_waive, false),
	W("rd_escalate", "escalations", op_escalate, false),
	W("rd_failure_disclose", "failures", op_disclose, false),
	W("rd_login_link_create", "login_links", op_login_link, false),
	W("rd_password_link_create", "login_links", op_password_link, false),
	W("rd_calfeed_create", "calendar_feeds", op_calfeed, false),
	W("rd_plan_action_set_status", "plan_actions", op_plan_done, false),
	W("rd_survey_send", "surveys", op_survey, false),
	W("rd_user_add", "users", op_user_add, false),
	W("rd_intake_alertmanager", "failures", op_alert, false),
	W("rd_trust_sweep", "trust_history", op_trust_sweep, false),
	W("rd_login_link_use", "sessions", op_login_link_use, false),
	W("rd_rca_set", "rcas", op_rca, false),
	W("rd_user_update", "users", op_user_update, false),
	W("rd_webhook_add", "webhooks", op_webhook_add, false),
	W("rd_tracks_refresh_all", "obligations", op_refresh, true),
	W("rd_client_update", "clients", op_client_update, false),
	W("rd_client_use_service", "client_services", op_use_service, false),
	W("rd_failure_open_draft", "failures", op_draft_failure, false),
	W("rd_failure_add_service", "failure_services", op_add_service, false),
	W("rd_portal_revoke", "portal_links", op_portal_revoke, false),
	W("rd_session_create_staff", "sessions", op_session, false),
	W("rd_failure_confirm", "failures", op_confirm, false),
	W("rd_calfeed_revoke", "calendar_feeds", op_feed_revoke, false),
	W("rd_api_token_revoke", "api_tokens", op_token_revoke, false),
	W("rd_webhook_remove", "webhooks", op_hook_remove, false),
	W("rd_review_action_done", "review_actions", op_review_action, false),
	W("rd_failure_set_status reopened", "failures", op_reopen, false),
#undef W
};

static void every_failed_statement_rolls_back(void **state)
{
	struct fx *f = *state;
	assert_ok(rd_demo_load(f->s, T_NOW, &m_));
	assert_ok(rd_actor_for_user(f->s, "maria@provider.example", &maria, &m_));
	maria.now = T_NOW;
	assert_ok(rd_actor_for_user(f->s, "ada@provider.example", &ada, &m_));
	ada.now = T_NOW;
	waive_key = text_of(f->s, "SELECT key FROM obligations WHERE failure_id = ?1 AND client_id = 1 AND met_at IS "
			    "NULL AND waived_at IS NULL ORDER BY due_at LIMIT 1", 1);
	assert_non_null(waive_key);
	assert_ok(rd_login_link_create(f->s, &f->sys, "sam@provider.example", 30, T_NOW, &link_token, &m_));
	{
		json_t *in = J("{\"title\": \"Slow label printing\", \"severity\": 3}");
		assert_ok(rd_failure_open_draft(f->s, &maria, in, &draft_failure, &m_));
		json_decref(in);
		char *tok = NULL, *secret = NULL;
		assert_ok(rd_calfeed_create(f->s, &maria, "sam@provider.example", NULL, &tok, &feed_id, &m_));
		free(tok);
		assert_ok(rd_api_token_create(f->s, &ada, "sam@provider.example", "ci", &tok, &token_id, &m_));
		free(tok);
		json_t *events = J("[\"communication.logged\"]");
		assert_ok(rd_webhook_add(f->s, "https://hooks.example/old", NULL, events, T_NOW, &hook_id, &secret, &m_));
		free(secret);
		json_decref(events);
		assert_int_equal(rd_store_exec(f->s, &review_action, "SELECT min(id) FROM review_actions WHERE "
					       "status = 'open'", ""), RD_OK);
	}
	portal_contact = strdup("fiona.grant@initech.example");
	{
		char *ptok = NULL;
		int64_t pid = 0;
		assert_ok(rd_portal_invite(f->s, &maria, portal_contact, 30, T_NOW, &ptok, &pid, &m_));
		free(ptok);
	}
	assert_int_equal(rd_store_exec(f->s, &plan_action, "SELECT min(id) FROM plan_actions WHERE failure_id = 1 AND "
				       "status <> 'done'", ""), RD_OK);
	for (size_t k = 0; k < sizeof writes / sizeof writes[0]; k++) {
		const struct write *w = &writes[k];
		int n = 1;
		for (;; n++) {
			if (n > 3000)
				fail_msg("%s: never got through", w->name);
			char *before = text_of(f->s, w->snapshot, 0), *m = NULL;
			rd_store_fail_after(f->s, n);
			enum rd_err rc = w->op(f, &m);
			bool fired = strcmp(rd_store_errmsg(f->s), "injected fault") == 0;
			rd_store_fail_after(f->s, 0);
			if (rc == RD_OK && !fired) {
				free(before);
				free(m);
				break;
			}
			if (rc == RD_OK)
				fail_msg("%s: statement %d failed but the write reported success", w->name, n);
			if (rc != RD_EDB || !m || !*m)
				fail_msg("%s: statement %d failed and was reported as %s: %s", w->name, n, rd_err_name(rc),
					 m ? m : "(no message)");
			char *after = text_of(f->s, w->snapshot, 0);
			if (!before || !after)
				fail_msg("%s: statement %d: cannot read the %s table: %s", w->name, n, w->table,
					 rd_store_errmsg(f->s));
			if (!w->batched && strcmp(before, after))
				fail_msg("%s: statement %d failed, yet the write left %s (audit rows/%s rows) "
					 "where there was %s", w->name, n, after, w->table, before);
			free(before);
			free(after);
			free(m);
		}
		print_message("%s: %d statements, each failure %s\n", w->name, n - 1,
			      w->batched ? "reported" : "rolled back");
	}
	free(waive_key);
	free(link_token);
	free(portal_contact);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(every_failed_statement_rolls_back, fx_setup, fx_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
