/* webhook_test.c — lib/webhook.c: signatures against a vector computed
 * outside redress, secrets, URL checks, endpoints, and events queued in the
 * outbox inside the change's transaction (once per key, never when the
 * change rolls back). Delivery over HTTP is tested with a real receiver in
 * tests/webhooks/run.py. */
#include <string.h>

#include "redress/webhook.h"
#include "unit.h"

/* The Standard Webhooks specification's example, checked independently
 * with Python's hmac/hashlib/base64:
 *   base64(hmac.new(b64decode("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"),
 *          b'msg_p5jXN8AQM9LWM0D4loKWxJek.1614265330.{"test": 2432232314}',
 *          sha256).digest()) */
static void sign_known_vector(void **state)
{
	(void)state;
	char sig[RD_WEBHOOK_SIGSZ];
	const char *body = "{\"test\": 2432232314}";
	assert_ok(rd_webhook_sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
				  1614265330, body, strlen(body), sig, &m_));
	assert_string_equal(sig, "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
	/* one byte of the body changed: another signature */
	assert_ok(rd_webhook_sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
				  1614265330, "{\"test\": 2432232315}", strlen(body), sig, &m_));
	assert_string_not_equal(sig, "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
}

static void secrets(void **state)
{
	(void)state;
	char a[RD_WEBHOOK_SECRETSZ], b[RD_WEBHOOK_SECRETSZ], sig[RD_WEBHOOK_SIGSZ];
	rd_webhook_secret_new(a);
	rd_webhook_secret_new(b);
	assert_int_equal(strncmp(a, "whsec_", 6), 0);
	assert_string_not_equal(a, b);
	assert_ok(rd_webhook_sign(a, "msg_1", 1, "{}", 2, sig, &m_)); /* a made secret signs */
	assert_fails(rd_webhook_sign("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "m", 1, "{}", 2, sig, &m_), RD_EINVAL,
		     "whsec_");
	assert_fails(rd_webhook_sign("whsec_c2hvcnQ=", "m", 1, "{}", 2, sig, &m_), RD_EINVAL, "24 to");
	assert_fails(rd_webhook_sign("whsec_!!notbase64!!", "m", 1, "{}", 2, sig, &m_), RD_EINVAL, "base64");
}

static void add_refuses_bad_input(void **state)
{
	struct fx *f = *state;
	int64_t id = 0;
	static const char *const bad[] = {"ftp://example.com/h", "example.com/h", "http:///h", "http://", "",
					  "javascript:alert(1)", NULL};
	for (int i = 0; bad[i]; i++)
		assert_fails(rd_webhook_add(f->s, bad[i], NULL, NULL, T_NOW, &id, NULL, &m_), RD_EINVAL, "");
	json_t *ev = J("[\"failure.opened\", \"failure.exploded\"]");
	assert_fails(rd_webhook_add(f->s, "https://example.com/h", NULL, ev, T_NOW, &id, NULL, &m_), RD_EINVAL,
		     "'failure.exploded' is not a webhook event");
	json_decref(ev);
	assert_fails(rd_webhook_add(f->s, "https://example.com/h", "whsec_short", NULL, T_NOW, &id, NULL, &m_),
		     RD_EINVAL, "whsec_");
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM webhooks"), 0); /* nothing changed */
}

static void emit_queues_per_subscriber_once(void **state)
{
	struct fx *f = *state;
	int64_t all = 0, some = 0;
	char *secret = NULL;
	assert_ok(rd_webhook_add(f->s, "https://a.example/h", NULL, NULL, T_NOW, &all, &secret, &m_));
	assert_non_null(secret);
	free(secret);
	json_t *ev = J("[\"failure.resolved\"]");
	assert_ok(rd_webhook_add(f->s, "https://b.example/h", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", ev, T_NOW,
				 &some, NULL, &m_));
	json_decref(ev);
	int64_t fid = open_failure(f, "{\"title\": \"Payments down\", \"severity\": 2}");
	/* failure.opened went to the endpoint of every event only */
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM outbox WHERE channel = 'webhook' AND "
				    "kind = 'failure.opened'"), 1);
	char *pl = text_of(f->s, "SELECT payload FROM outbox WHERE kind = 'failure.opened' AND ?1", 1);
	if (!strstr(pl, "\"type\":\"failure.opened\""))
		fail_msg("payload: %s", pl);
	assert_non_null(strstr(pl, "Payments down"));
	free(pl);
	/* the same key again: nothing new */
	json_t *d = J("{\"x\": 1}");
	assert_ok(rd_webhook_emit(f->s, "failure.resolved", "k", d, T_NOW, &m_));
	assert_ok(rd_webhook_emit(f->s, "failure.resolved", "k", d, T_NOW, &m_));
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM outbox WHERE kind = 'failure.resolved'"), 2);
	/* a change rolled back takes its event with it */
	assert_ok(rd_store_begin(f->s));
	assert_ok(rd_webhook_emit(f->s, "failure.resolved", "k2", d, T_NOW, &m_));
	rd_store_rollback(f->s);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM outbox WHERE kind = 'failure.resolved'"), 2);
	json_decref(d);
	/* the queued body is json_dumps's compact text of the envelope, byte for
	 * byte (it is written by rd_json_text): escapes, UTF-8, a real, nesting */
	d = J("{\"title\": \"caf\\u00e9 \\\"quote\\\" \\n\\t/\", \"amount\": 0.1, "
	      "\"n\": [1, {\"b\": null, \"a\": true}], \"e\": {}}");
	assert_ok(rd_webhook_emit(f->s, "failure.resolved", "k3", d, T_NOW, &m_));
	char ts[RD_TIME_BUFSZ];
	json_t *env = json_pack("{ss ss sO}", "type", "failure.resolved", "timestamp", rd_time_format(T_NOW, ts),
				"data", d);
	char *want = json_dumps(env, JSON_COMPACT);
	pl = text_of(f->s, "SELECT payload FROM outbox WHERE kind = 'failure.resolved' AND payload LIKE '%quote%' "
			   "AND ?1 LIMIT 1", 1);
	assert_string_equal(pl, want);
	free(pl);
	free(want);
	json_decref(env);
	json_decref(d);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM outbox WHERE kind = 'failure.resolved'"), 4);
	/* a refused status change queues nothing */
	assert_fails(rd_failure_set_status(f->s, &f->sys, fid, "open", T_NOW, &m_), RD_ESTATE, "already");
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM outbox WHERE kind = 'failure.status_changed'"), 0);
	assert_ok(rd_failure_set_status(f->s, &f->sys, fid, "resolved", T_NOW, &m_));
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM outbox WHERE kind = 'failure.status_changed'"), 1);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM outbox WHERE kind = 'failure.resolved'"), 6);
	/* removed: no more events, and the list no longer shows it */
	assert_ok(rd_webhook_remove(f->s, all, T_NOW, &m_));
	assert_fails(rd_webhook_remove(f->s, all, T_NOW, &m_), RD_ENOTFOUND, "no webhook");
	json_t *rows = NULL;
	assert_ok(rd_webhook_list(f->s, &rows, &m_));
	assert_int_equal(json_array_size(rows), 1);
	assert_null(json_object_get(json_array_get(rows, 0), "secret"));
	json_decref(rows);
}

/* One statement queues a row per subscribed endpoint: each row's
 * webhook-id ends in its endpoint's id, its payload is the body itself, an
 * event is matched by its whole name ("_" in a name is no wildcard), and
 * the delivery log reads rows of this layout and of the earlier one
 * ({"webhook_id": N, "body": "…"}, still in the outbox of an upgraded
 * database) alike. */
static void queued_rows_name_their_endpoint(void **state)
{
	struct fx *f = *state;
	int64_t a = 0, b = 0, c = 0;
	json_t *ev = J("[\"failure.resolved\", \"eta.revised\"]");
	assert_ok(rd_webhook_add(f->s, "https://a.example/h", NULL, ev, T_NOW, &a, NULL, &m_));
	assert_ok(rd_webhook_add(f->s, "https://b.example/h", NULL, ev, T_NOW, &b, NULL, &m_));
	json_decref(ev);
	ev = J("[\"failure.status_changed\"]");
	assert_ok(rd_webhook_add(f->s, "https://c.example/h", NULL, ev, T_NOW, &c, NULL, &m_));
	json_decref(ev);
	json_t *d = J("{\"x\": 1}");
	assert_ok(rd_webhook_emit(f->s, "failure.resolved", "k", d, T_NOW, &m_));
	json_decref(d);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM outbox WHERE kind = 'failure.resolved'"), 2);
	char *ida = text_of(f->s, "SELECT idem_key FROM outbox WHERE recipient = 'https://a.example/h' AND ?1", 1);
	char *idb = text_of(f->s, "SELECT idem_key FROM outbox WHERE recipient = 'https://b.example/h' AND ?1", 1);
	char want[32];
	snprintf(want, sizeof want, "_%lld", (long long)a);
	assert_int_equal(strlen(ida), 4 + 32 + strlen(want));
	assert_memory_equal(ida, "msg_", 4);
	assert_string_equal(ida + 36, want);
	snprintf(want, sizeof want, "_%lld", (long long)b);
	assert_string_equal(idb + 36, want);
	assert_memory_equal(ida, idb, 36); /* one event: the same hash */
	char *pl = text_of(f->s, "SELECT payload FROM outbox WHERE recipient = 'https://a.example/h' AND ?1", 1);
	json_t *body = json_loads(pl, 0, NULL);
	assert_non_null(body);
	assert_string_equal(json_string_value(json_object_get(body, "type")), "failure.resolved");
	assert_int_equal(json_integer_value(json_object_get(json_object_get(body, "data"), "x")), 1);
	json_decref(body);
	/* the delivery log, this layout and the earlier one */
	assert_ok(rd_webhook_log(f->s, 1, ida, pl, 1, 200, "delivered", NULL, T_NOW));
	char old[160];
	snprintf(old, sizeof old, "{\"webhook_id\": %lld, \"body\": \"{\\\"type\\\":\\\"eta.revised\\\"}\"}",
		 (long long)b);
	assert_ok(rd_webhook_log(f->s, 2, "msg_0123456789abcdef0123456789abcdef", old, 1, 500, "retrying", "HTTP 500",
				 T_NOW));
	char *got = text_of(f->s, "SELECT event || ' ' || outcome || ' ' || CAST(coalesce(status_code, 0) AS TEXT) "
			    "FROM webhook_deliveries WHERE webhook_id = ?1", a);
	assert_string_equal(got, "failure.resolved delivered 200");
	free(got);
	got = text_of(f->s, "SELECT event || ' ' || outcome || ' ' || CAST(coalesce(status_code, 0) AS TEXT) "
		      "FROM webhook_deliveries WHERE webhook_id = ?1", b);
	assert_string_equal(got, "eta.revised retrying 500");
	free(got);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM webhook_deliveries"), 2);
	free(ida);
	free(idb);
	free(pl);
	/* the endpoint of failure.status_changed only hears that event */
	d = J("{}");
	assert_ok(rd_webhook_emit(f->s, "failure.resolved", "k3", d, T_NOW, &m_));
	json_decref(d);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM outbox WHERE recipient = 'https://c.example/h'"), 0);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, fx_setup, fx_teardown)
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sign_known_vector),
		cmocka_unit_test(secrets),
		T(add_refuses_bad_input),
		T(emit_queues_per_subscriber_once),
		T(queued_rows_name_their_endpoint),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
