/* intake_test.c — lib/intake.c and lib/calfeed.c: an Alertmanager
 * notification opens a draft failure with the policy's service and
 * severity, a retry changes nothing, new alerts join the same failure,
 * "resolved" only proposes; a draft has no clock until confirmed; bad
 * notifications change nothing; calendar feeds render `redress calendar`'s
 * text until revoked. */
#include "unit.h"
#include "redress/agenda.h"
#include "redress/auth.h"
#include "redress/intake.h"

#define GK "{}/{severity=~\\\"critical|warning\\\"}:{alertname=\\\"HighErrorRate\\\"}"

/* A version-4 notification of group GK with the given alerts JSON. */
static json_t *notification(const char *status, const char *alerts)
{
	char buf[4096];
	snprintf(buf, sizeof buf,
		 "{\"version\": \"4\", \"receiver\": \"redress\", \"status\": \"%s\", \"groupKey\": \"" GK "\","
		 " \"truncatedAlerts\": 0, \"groupLabels\": {\"alertname\": \"HighErrorRate\"},"
		 " \"commonLabels\": {\"alertname\": \"HighErrorRate\"}, \"commonAnnotations\": {},"
		 " \"externalURL\": \"http://127.0.0.1:9093\", \"alerts\": [%s]}", status, alerts);
	return J(buf);
}

#define ALERT(status, fp, labels, ends) \
	"{\"status\": \"" status "\", \"fingerprint\": \"" fp "\", \"labels\": {\"alertname\": \"HighErrorRate\", " \
	labels "}, \"annotations\": {\"summary\": \"errors\"}, \"startsAt\": \"2026-11-22T11:50:00.123456789Z\"," \
	" \"endsAt\": \"" ends "\"}"
#define ZERO "0001-01-01T00:00:00Z"

static void setup(struct fx *f)
{
	add_client(f, "{\"name\": \"Northwind\", \"tier\": \"key\", \"services\": [\"Payments API\"]}");
	add_client(f, "{\"name\": \"Globex\", \"services\": [\"Data Sync\"]}");
	add_client(f, "{\"name\": \"Initech\", \"services\": [\"Reporting\"]}");
}

static json_t *take(struct fx *f, const struct rd_actor *a, json_t *n)
{
	json_t *out = NULL;
	assert_ok(rd_intake_alertmanager(f->s, a, n, &out, &m_));
	json_decref(n);
	return out;
}

static void firing_opens_a_draft_and_retries_change_nothing(void **state)
{
	struct fx *f = *state;
	setup(f);
	struct rd_actor bot = make_user(f, "bot@provider.example", "agent");
	json_t *r = take(f, &bot, notification("firing", ALERT("firing", "fp1",
		"\"service\": \"Payments API\", \"severity\": \"warning\", \"team\": \"x\"", ZERO)));
	assert_true(json_is_true(json_object_get(r, "created")));
	int64_t id = json_integer_value(json_object_get(r, "failure_id"));
	json_decref(r);
	assert_field(f, "failure", id, "title", "Alert: HighErrorRate on Payments API");
	assert_int_equal(count_rows(f->s, "SELECT severity FROM failures WHERE id = 1"), 2);
	assert_int_equal(count_rows(f->s, "SELECT draft FROM failures WHERE id = 1"), 1);
	/* the clients of the service are proposed, as when opened by hand */
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM impacts WHERE failure_id = 1 AND client_id = 1 "
				    "AND affected = 'suspected'"), 1);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM impacts WHERE failure_id = 1"), 1);
	/* a draft has no clock */
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM obligations WHERE failure_id = 1"), 0);
	/* Alertmanager retries: the same notification changes nothing */
	int64_t audit = count_rows(f->s, "SELECT count(*) FROM audit_log");
	r = take(f, &bot, notification("firing", ALERT("firing", "fp1",
		"\"service\": \"Payments API\", \"severity\": \"warning\", \"team\": \"x\"", ZERO)));
	assert_false(json_is_true(json_object_get(r, "created")));
	assert_int_equal(json_integer_value(json_object_get(r, "changes")), 0);
	json_decref(r);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM audit_log"), audit);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM failures"), 1);

	/* a second, critical alert in the group: same failure, a new service, a
	 * higher severity for the draft */
	r = take(f, &bot, notification("firing", ALERT("firing", "fp1",
		"\"service\": \"Payments API\", \"severity\": \"warning\"", ZERO) ", "
		ALERT("firing", "fp2", "\"job\": \"Data Sync\", \"severity\": \"critical\"", ZERO)));
	assert_int_equal(json_integer_value(json_object_get(r, "failure_id")), id);
	assert_int_equal(json_integer_value(json_object_get(r, "changes")), 1);
	json_decref(r);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM failures"), 1);
	assert_int_equal(count_rows(f->s, "SELECT severity FROM failures WHERE id = 1"), 1);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM impacts WHERE failure_id = 1 AND client_id = 2"), 1);
	json_t *show = NULL;
	assert_ok(rd_failure_show(f->s, id, &show, &m_));
	assert_int_equal(json_array_size(json_object_get(show, "alerts")), 2);
	assert_int_equal(json_array_size(json_object_get(show, "services")), 2);
	json_decref(show);

	/* resolved: a proposal, never a resolution; twice is still one */
	for (int i = 0; i < 2; i++) {
		r = take(f, &bot, notification("resolved", ALERT("resolved", "fp1", "\"service\": \"Payments API\"",
			"2026-11-22T11:58:00Z") ", " ALERT("resolved", "fp2", "\"job\": \"Data Sync\"",
			"2026-11-22T11:59:00Z")));
		assert_true(i == 0 ? json_is_integer(json_object_get(r, "proposal_id"))
				   : json_is_null(json_object_get(r, "proposal_id")));
		json_decref(r);
	}
	assert_field(f, "failure", id, "status", "open");
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM resolution_proposals WHERE failure_id = 1 AND "
				    "status = 'open'"), 1);
	char *note = text_of(f->s, "SELECT note FROM resolution_proposals WHERE failure_id = ?1", id);
	assert_non_null(strstr(note, "the last ended 2026-11-22T11:59:00Z"));
	free(note);
	/* firing again withdraws it */
	json_decref(take(f, &bot, notification("firing", ALERT("firing", "fp1", "\"service\": \"Payments API\"", ZERO))));
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM resolution_proposals WHERE status = 'withdrawn'"), 1);
}

static void confirm_starts_the_clock(void **state)
{
	struct fx *f = *state;
	setup(f);
	struct rd_actor bot = make_user(f, "bot@provider.example", "agent");
	struct rd_actor lead = make_user(f, "lead@provider.example", "manager");
	json_decref(take(f, &bot, notification("firing", ALERT("firing", "fp1",
		"\"service\": \"Payments API\", \"severity\": \"critical\"", ZERO))));
	assert_fails(rd_failure_set_status(f->s, &lead, 1, "investigating", T_NOW, &m_), RD_ESTATE,
		     "is a draft (opened from an alert): confirm it first");
	assert_fails(rd_failure_confirm(f->s, &lead, 1, T_NOW - T_DAY, &m_), RD_EINVAL, "before the draft was opened");
	lead.now = T_NOW + T_HOUR;
	assert_ok(rd_failure_confirm(f->s, &lead, 1, T_NOW + T_HOUR, &m_));
	assert_field(f, "failure", 1, "detected_at", "2026-11-22T13:00:00Z");
	assert_field(f, "failure", 1, "confirmed_at", "2026-11-22T13:00:00Z");
	assert_int_equal(count_rows(f->s, "SELECT lead_id FROM failures WHERE id = 1"), lead.user_id);
	/* the apology is due from the confirmation, not from the alert */
	int64_t due = count_rows(f->s, "SELECT due_at FROM obligations WHERE failure_id = 1 AND kind = 'apology'");
	assert_true(due > T_NOW + T_HOUR);
	assert_fails(rd_failure_confirm(f->s, &lead, 1, T_NOW + T_HOUR, &m_), RD_ESTATE, "is not a draft");
	assert_ok(rd_failure_set_status(f->s, &lead, 1, "investigating", T_NOW + T_HOUR, &m_));
	/* a failure opened by hand is no draft */
	open_failure(f, "{\"title\": \"By hand\", \"severity\": 3}");
	assert_fails(rd_failure_confirm(f->s, &lead, 2, T_NOW, &m_), RD_ESTATE, "is not a draft");
	/* viewers may not confirm, nor send alerts */
	struct rd_actor viewer = make_user(f, "v@provider.example", "viewer");
	json_t *out = NULL;
	json_t *n = notification("firing", ALERT("firing", "fp9", "\"service\": \"Reporting\"", ZERO));
	assert_fails(rd_intake_alertmanager(f->s, &viewer, n, &out, &m_), RD_EPERM, "needs role agent");
	json_decref(n);
}

static void bad_notifications_change_nothing(void **state)
{
	struct fx *f = *state;
	setup(f);
	struct rd_actor bot = make_user(f, "bot@provider.example", "agent");
	int64_t audit = count_rows(f->s, "SELECT count(*) FROM audit_log");
	static const struct { const char *from, *to, *needle; } bad[] = {
		{"\"version\":\"4\"", "\"version\":\"3\"", "version: expected \"4\""},
		{"\"version\":\"4\",", "", "version: missing"},
		{"\"receiver\":\"redress\",", "", "receiver: missing"},
		{"\"status\":\"firing\",\"groupKey\"", "\"status\":\"burning\",\"groupKey\"", "status: expected firing or resolved"},
		{"\"groupKey\":\"", "\"groupKe\":\"", "groupKey: missing"},
		{"\"fingerprint\":\"fp1\",", "", "alerts[0].fingerprint: missing"},
		{"\"startsAt\":\"2026-11-22T11:50:00.123456789Z\"", "\"startsAt\":\"yesterday\"", "alerts[0].startsAt"},
		{"\"endsAt\":\"" ZERO "\"", "\"endsAt\":5", "alerts[0].endsAt: expected an RFC 3339 time"},
		{"\"team\":\"x\"", "\"team\":7", "alerts[0].labels: expected an object of strings"},
		{"\"truncatedAlerts\":0", "\"truncatedAlerts\":-1", "truncatedAlerts"},
	};
	json_t *good = notification("firing", ALERT("firing", "fp1", "\"service\": \"Payments API\", \"team\": \"x\"", ZERO));
	char *text = json_dumps(good, JSON_COMPACT);
	json_decref(good);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		/* json_dumps(JSON_COMPACT) writes "k":v, as the patterns do */
		char *at = strstr(text, bad[i].from);
		if (!at)
			fail_msg("test bug: %s not in %s", bad[i].from, text);
		char buf[4096];
		snprintf(buf, sizeof buf, "%.*s%s%s", (int)(at - text), text, bad[i].to, at + strlen(bad[i].from));
		json_t *n = J(buf), *out = NULL;
		assert_fails(rd_intake_alertmanager(f->s, &bot, n, &out, &m_), RD_EINVAL, bad[i].needle);
		json_decref(n);
	}
	free(text);
	json_t *out = NULL, *n = J("{\"version\": \"4\", \"receiver\": \"r\", \"status\": \"firing\", "
				    "\"groupKey\": \"g\", \"alerts\": []}");
	assert_fails(rd_intake_alertmanager(f->s, &bot, n, &out, &m_), RD_EINVAL, "alerts: expected a non-empty list");
	json_decref(n);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM failures"), 0);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM intake_groups"), 0);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM audit_log"), audit);
	/* a resolved notification of a group never seen opens nothing */
	json_t *r = take(f, &bot, notification("resolved", ALERT("resolved", "fp1", "\"service\": \"Payments API\"",
		"2026-11-22T11:58:00Z")));
	assert_true(json_is_null(json_object_get(r, "failure_id")));
	json_decref(r);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM failures"), 0);
}

static void calendar_feed_renders_until_revoked(void **state)
{
	struct fx *f = *state;
	setup(f);
	struct rd_actor owner = make_user(f, "owner@provider.example", "agent");
	json_t *upd = J("{\"owner\": \"owner@provider.example\"}");
	assert_ok(rd_client_update(f->s, &f->sys, 1, upd, &m_));
	json_decref(upd);
	open_failure(f, "{\"title\": \"Payments down\", \"severity\": 1, \"clients\": [\"Northwind\"]}");
	char *tok = NULL, *ics = NULL, *want = NULL;
	int64_t id = 0;
	assert_fails(rd_calfeed_create(f->s, &owner, "owner@provider.example", "Northwind", &tok, &id, &m_),
		     RD_EINVAL, "not both");
	assert_fails(rd_calfeed_create(f->s, &owner, NULL, "Nobody", &tok, &id, &m_), RD_ENOTFOUND, NULL);
	assert_ok(rd_calfeed_create(f->s, &owner, "owner@provider.example", NULL, &tok, &id, &m_));
	assert_int_equal(strncmp(tok, "rdc_", 4), 0);
	/* only the hash is stored */
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM calendar_feeds WHERE token_hash LIKE 'rdc_%'"), 0);
	assert_ok(rd_calfeed_render(f->s, tok, T_NOW, &ics, &m_));
	assert_ok(rd_agenda_calendar(f->s, owner.user_id, 0, T_NOW, &want, &m_));
	assert_string_equal(ics, want);
	assert_non_null(strstr(ics, "BEGIN:VEVENT"));
	free(ics);
	free(want);
	ics = NULL;
	assert_fails(rd_calfeed_render(f->s, "rdc_0000", T_NOW, &ics, &m_), RD_ENOTFOUND, NULL);
	assert_ok(rd_calfeed_revoke(f->s, &owner, id, T_NOW, &m_));
	assert_fails(rd_calfeed_revoke(f->s, &owner, id, T_NOW, &m_), RD_ESTATE, "already revoked");
	assert_fails(rd_calfeed_render(f->s, tok, T_NOW, &ics, &m_), RD_ENOTFOUND, NULL);
	assert_null(ics);
	json_t *list = NULL;
	assert_ok(rd_calfeed_list(f->s, &list, &m_));
	assert_string_equal(json_string_value(json_object_get(json_array_get(list, 0), "owner")),
			    "owner@provider.example");
	assert_false(json_is_null(json_object_get(json_array_get(list, 0), "revoked_at")));
	json_decref(list);
	free(tok);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, fx_setup, fx_teardown)
	const struct CMUnitTest tests[] = {
		T(firing_opens_a_draft_and_retries_change_nothing),
		T(confirm_starts_the_clock),
		T(bad_notifications_change_nothing),
		T(calendar_feed_renders_until_revoked),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
