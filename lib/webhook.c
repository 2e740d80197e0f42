/* webhook.c — webhooks out (see webhook.h): endpoints, events queued in the
 * outbox inside the change's transaction, and the signed POST the outbox
 * sweep makes for each (Standard Webhooks: HMAC-SHA256 by libsodium, the
 * POST by libcurl through lib/mail.c). Retries and claiming are the
 * outbox's; this file only says what one attempt means. */
#include <inttypes.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "redress/auth.h"
#include "redress/mail.h"
#include "redress/model.h"
#include "redress/time.h"
#include "redress/webhook.h"
#include "util/buf.h"
#include "util/jsonw.h"

const char *const rd_webhook_events[] = {
	"obligation.due", "obligation.overdue", "escalation.raised", "communication.logged",
	"failure.opened", "failure.status_changed", "failure.resolved", "eta.revised",
	"commitment.broken", "survey.answered", NULL};

static bool event_known(const char *e)
{
	for (int i = 0; rd_webhook_events[i]; i++)
		if (strcmp(rd_webhook_events[i], e) == 0)
			return true;
	return false;
}

/* ---- secrets and signatures ---------------------------------------------------- */

#define PREFIX "whsec_"

void rd_webhook_secret_new(char out[RD_WEBHOOK_SECRETSZ])
{
	unsigned char raw[24];
	if (sodium_init() < 0)
		abort(); /* no randomness: refusing beats a guessable key */
	randombytes_buf(raw, sizeof raw);
	memcpy(out, PREFIX, sizeof PREFIX - 1);
	sodium_bin2base64(out + sizeof PREFIX - 1, RD_WEBHOOK_SECRETSZ - (sizeof PREFIX - 1), raw, sizeof raw,
			  sodium_base64_VARIANT_ORIGINAL);
	sodium_memzero(raw, sizeof raw);
}

/* SECRET's key bytes into KEY (64 bytes room), their count in *n. */
static enum rd_err secret_key(const char *secret, unsigned char key[64], size_t *n, char **errmsg)
{
	const char *end = NULL;
	if (!secret || strncmp(secret, PREFIX, sizeof PREFIX - 1) ||
	    sodium_base642bin(key, 64, secret + sizeof PREFIX - 1, strlen(secret + sizeof PREFIX - 1), NULL, n,
			      &end, sodium_base64_VARIANT_ORIGINAL) != 0 ||
	    (end && *end) || *n < 24)
		return rd_fail(RD_EINVAL, errmsg, "the secret must be \"whsec_\" followed by the base64 of 24 to "
			       "64 random bytes (leave --secret out to have one made)");
	return RD_OK;
}

enum rd_err rd_webhook_sign(const char *secret, const char *id, int64_t ts, const char *body, size_t len,
			    char out[RD_WEBHOOK_SIGSZ], char **errmsg)
{
	unsigned char key[64], mac[crypto_auth_hmacsha256_BYTES];
	size_t n = 0;
	enum rd_err ret = secret_key(secret, key, &n, errmsg);
	if (ret)
		return ret;
	if (sodium_init() < 0)
		abort();
	char t[24];
	snprintf(t, sizeof t, "%" PRId64, ts);
	crypto_auth_hmacsha256_state st;
	crypto_auth_hmacsha256_init(&st, key, n);
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)id, strlen(id));
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)".", 1);
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)t, strlen(t));
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)".", 1);
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)body, len);
	crypto_auth_hmacsha256_final(&st, mac);
	memcpy(out, "v1,", 3);
	sodium_bin2base64(out + 3, RD_WEBHOOK_SIGSZ - 3, mac, sizeof mac, sodium_base64_VARIANT_ORIGINAL);
	sodium_memzero(key, sizeof key);
	sodium_memzero(&st, sizeof st);
	return RD_OK;
}

/* ---- endpoints --------------------------------------------------------------- */

enum rd_err rd_webhook_add(struct rd_store *s, const char *url, const char *secret, json_t *events, int64_t now,
			   int64_t *id, char **secret_out, char **errmsg)
{
	enum rd_err ret;
	char made[RD_WEBHOOK_SECRETSZ];
	unsigned char key[64];
	size_t n;
	struct rd_buf ev = RD_BUF_INIT;
	*id = 0;
	if (secret_out)
		*secret_out = NULL;
	if ((ret = rd_http_url_check(url, errmsg)))
		return ret;
	if (secret) {
		if ((ret = secret_key(secret, key, &n, errmsg)))
			return ret;
		sodium_memzero(key, sizeof key);
	} else {
		rd_webhook_secret_new(made);
		secret = made;
	}
	if (events && !json_is_array(events))
		return rd_fail(RD_EINVAL, errmsg, "events must be a list of event names");
	size_t i;
	json_t *v;
	json_array_foreach(events, i, v) {
		const char *e = json_string_value(v);
		if (!e || !event_known(e)) {
			ret = rd_fail(RD_EINVAL, errmsg, "'%s' is not a webhook event (one of obligation.due, "
				      "obligation.overdue, escalation.raised, communication.logged, failure.opened, "
				      "failure.status_changed, failure.resolved, eta.revised, commitment.broken, "
				      "survey.answered)", e ? e : "(not a string)");
			goto out;
		}
		rd_buf_addf(&ev, "%s%s", i ? "," : "", e);
	}
	if (ev.oom) {
		ret = rd_fail(RD_ENOMEM, errmsg, "out of memory");
		goto out;
	}
	ret = rd_store_exec(s, id, "INSERT INTO webhooks (url, secret, events, created_at) VALUES (?1, ?2, ?3, ?4) "
			    "RETURNING id", "ttti", url, secret, ev.data && *ev.data ? ev.data : "*", now);
	if (ret) {
		ret = rd_fail(RD_EDB, errmsg, "adding the webhook: %s", rd_store_errmsg(s));
		goto out;
	}
	if (secret_out && !(*secret_out = strdup(secret)))
		ret = rd_fail(RD_ENOMEM, errmsg, "out of memory");
out:
	sodium_memzero(made, sizeof made);
	rd_buf_free(&ev);
	return ret;
}

static json_t *events_json(const char *ev)
{
	json_t *a = json_array();
	if (strcmp(ev, "*") == 0) {
		for (int i = 0; rd_webhook_events[i]; i++)
			json_array_append_new(a, json_string(rd_webhook_events[i]));
		return a;
	}
	const char *p = ev;
	while (*p) {
		size_t n = strcspn(p, ",");
		json_array_append_new(a, json_stringn(p, n));
		p += n + (p[n] == ',');
	}
	return a;
}

static void set_time(json_t *o, const char *key, struct rd_stmt *st, int col)
{
	char b[RD_TIME_BUFSZ];
	json_object_set_new(o, key, rd_stmt_col_null(st, col) ? json_null()
				: json_string(rd_time_format(rd_stmt_col_int(st, col), b)));
}

enum rd_err rd_webhook_list(struct rd_store *s, json_t **out, char **errmsg)
{
	struct rd_stmt *st;
	*out = NULL;
	enum rd_err ret = rd_store_prepare(s, "SELECT w.id, w.url, w.events, w.created_at, "
		"(SELECT count(*) FROM webhook_deliveries d WHERE d.webhook_id = w.id AND d.outcome = 'delivered'), "
		"(SELECT count(*) FROM webhook_deliveries d WHERE d.webhook_id = w.id AND d.outcome = 'failed'), "
		"(SELECT d.status_code FROM webhook_deliveries d WHERE d.webhook_id = w.id ORDER BY d.id DESC LIMIT 1) "
		"FROM webhooks w WHERE w.removed_at IS NULL ORDER BY w.id", &st);
	if (ret)
		return rd_fail(RD_EDB, errmsg, "reading webhooks: %s", rd_store_errmsg(s));
	json_t *rows = json_array();
	bool row;
	while ((ret = rd_stmt_step(st, &row)) == RD_OK && row) {
		json_t *o = json_pack("{sI ss so}", "id", (json_int_t)rd_stmt_col_int(st, 0), "url",
				      rd_stmt_col_text(st, 1), "events", events_json(rd_stmt_col_text(st, 2)));
		set_time(o, "created_at", st, 3);
		json_object_set_new(o, "delivered", json_integer(rd_stmt_col_int(st, 4)));
		json_object_set_new(o, "failed", json_integer(rd_stmt_col_int(st, 5)));
		json_object_set_new(o, "last_status", rd_stmt_col_null(st, 6) ? json_null()
				    : json_integer(rd_stmt_col_int(st, 6)));
		json_array_append_new(rows, o);
	}
	rd_stmt_free(st);
	if (ret) {
		json_decref(rows);
		return rd_fail(RD_EDB, errmsg, "reading webhooks: %s", rd_store_errmsg(s));
	}
	*out = rows;
	return RD_OK;
}

static enum rd_err endpoint_exists(struct rd_store *s, int64_t id, char **errmsg)
{
	int64_t x;
	enum rd_err ret = rd_store_exec(s, &x, "SELECT id FROM webhooks WHERE id = ?1 AND removed_at IS NULL", "i", id);
	if (ret == RD_ENOTFOUND)
		return rd_fail(RD_ENOTFOUND, errmsg, "no webhook #%" PRId64 " (see `redress webhook list`)", id);
	if (ret)
		return rd_fail(RD_EDB, errmsg, "reading webhooks: %s", rd_store_errmsg(s));
	return RD_OK;
}

enum rd_err rd_webhook_remove(struct rd_store *s, int64_t id, int64_t now, char **errmsg)
{
	enum rd_err ret = rd_store_begin(s);
	if (ret)
		return rd_fail(ret, errmsg, "cannot start a transaction: %s", rd_store_errmsg(s));
	if ((ret = endpoint_exists(s, id, errmsg)))
		goto out;
	ret = rd_store_exec(s, NULL, "UPDATE webhooks SET removed_at = ?1 WHERE id = ?2", "ii", now, id);
	if (ret && ret != RD_ENOTFOUND)
		ret = rd_fail(RD_EDB, errmsg, "removing the webhook: %s", rd_store_errmsg(s));
	else
		ret = RD_OK;
out:
	if (ret) {
		rd_store_rollback(s);
		return ret;
	}
	return rd_store_commit(s) ? rd_fail(RD_EDB, errmsg, "commit failed: %s", rd_store_errmsg(s)) : RD_OK;
}

enum rd_err rd_webhook_deliveries(struct rd_store *s, int64_t id, int limit, json_t **out, char **errmsg)
{
	*out = NULL;
	int64_t x;
	enum rd_err ret = rd_store_exec(s, &x, "SELECT id FROM webhooks WHERE id = ?1", "i", id);
	if (ret == RD_ENOTFOUND)
		return rd_fail(RD_ENOTFOUND, errmsg, "no webhook #%" PRId64 " (see `redress webhook list`)", id);
	if (ret)
		return rd_fail(RD_EDB, errmsg, "reading webhooks: %s", rd_store_errmsg(s));
	struct rd_stmt *st;
	if ((ret = rd_store_prepare(s, "SELECT id, outbox_id, message_id, event, attempt, status_code, outcome, "
				    "error, at FROM webhook_deliveries WHERE webhook_id = ?1 ORDER BY id DESC LIMIT ?2",
				    &st)))
		return rd_fail(RD_EDB, errmsg, "reading deliveries: %s", rd_store_errmsg(s));
	rd_stmt_bind_int(st, 1, id);
	rd_stmt_bind_int(st, 2, limit > 0 ? limit : 200);
	json_t *rows = json_array();
	bool row;
	while ((ret = rd_stmt_step(st, &row)) == RD_OK && row) {
		const char *err = rd_stmt_col_text(st, 7);
		json_t *o = json_pack("{sI sI ss ss sI so ss so}", "id", (json_int_t)rd_stmt_col_int(st, 0),
				      "outbox_id", (json_int_t)rd_stmt_col_int(st, 1), "webhook_id_header",
				      rd_stmt_col_text(st, 2), "event", rd_stmt_col_text(st, 3), "attempt",
				      (json_int_t)rd_stmt_col_int(st, 4), "status_code",
				      rd_stmt_col_null(st, 5) ? json_null() : json_integer(rd_stmt_col_int(st, 5)),
				      "outcome", rd_stmt_col_text(st, 6), "error",
				      err ? json_string(err) : json_null());
		set_time(o, "at", st, 8);
		json_array_append_new(rows, o);
	}
	rd_stmt_free(st);
	if (ret) {
		json_decref(rows);
		return rd_fail(RD_EDB, errmsg, "reading deliveries: %s", rd_store_errmsg(s));
	}
	*out = rows;
	return RD_OK;
}

/* ---- events ------------------------------------------------------------------ */

/* Queued for every subscribed endpoint by one statement, so a write that
 * emits an event costs one statement whether or not anyone subscribed: the
 * endpoints are chosen in SQL (portable: || and LIKE). EVENTS is "*" or a
 * comma list of known event names; ",EVENT," is matched against ",EVENTS,"
 * with LIKE's "_" escaped (event names hold no "%"). The pattern is an
 * expression, not a bare parameter: SQLite re-prepares a statement whose
 * LIKE pattern is a parameter every time that parameter changes.
 *
 * Each row's idem_key is its webhook-id, msg_ + 32 hex digits of the hash
 * of EVENT and KEY + "_" + the endpoint's id (the same on every retry,
 * different per endpoint), and its payload is the body to POST as it is.
 * Rows queued before this layout hold {"webhook_id": N, "body": "…"} under
 * an id without "_" (queued_parts reads both). */
static const char queue_event_sql[] =
	"INSERT INTO outbox (channel, idem_key, kind, recipient, payload, next_attempt_at, created_at) "
	"SELECT 'webhook', ?1 || CAST(id AS TEXT), ?2, url, ?3, ?4, ?4 FROM webhooks "
	"WHERE removed_at IS NULL AND (events = '*' OR ',' || events || ',' LIKE '%,' || ?5 || ',%' ESCAPE '!') "
	"ORDER BY id ON CONFLICT (idem_key) DO NOTHING";

enum rd_err rd_webhook_emit(struct rd_store *s, const char *event, const char *key, json_t *data, int64_t at,
			    char **errmsg)
{
	if (!event_known(event))
		return rd_fail(RD_EINVAL, errmsg, "internal: '%s' is not a webhook event", event);
	char *body = NULL;
	struct rd_buf k = RD_BUF_INIT, like = RD_BUF_INIT;
	enum rd_err ret = RD_OK;
	char ts[RD_TIME_BUFSZ], rnd[33];
	json_t *env = json_pack("{ss ss sO}", "type", event, "timestamp", rd_time_format(at, ts), "data",
				data ? data : json_null());
	/* json_dumps's text, written directly (util/jsonw.h): this runs inside
	 * the group's writer slot for every logged communication */
	if (!env || !(body = rd_json_text(env, JSON_COMPACT))) {
		ret = rd_fail(RD_ENOMEM, errmsg, "out of memory");
		goto out;
	}
	if (!key) {
		unsigned char raw[16];
		randombytes_buf(raw, sizeof raw);
		sodium_bin2hex(rnd, sizeof rnd, raw, sizeof raw);
		key = rnd;
	}
	char h[RD_TOKEN_HASHSZ], idem[40];
	rd_buf_addf(&k, "%s:%s", event, key);
	for (const char *c = event; *c; c++) {
		if (*c == '_' || *c == '!')
			rd_buf_addc(&like, '!');
		rd_buf_addc(&like, *c);
	}
	if (k.oom || like.oom) {
		ret = rd_fail(RD_ENOMEM, errmsg, "out of memory");
		goto out;
	}
	rd_token_hash(k.data, h);
	snprintf(idem, sizeof idem, "msg_%.32s_", h);
	/* nothing is read back: on PostgreSQL the queueing goes with the next
	 * statement that must answer, often the COMMIT (rd_store_exec_later) */
	ret = rd_store_exec_later(s, queue_event_sql, "tttit", idem, event, body, at, like.data);
	if (ret == RD_ENOTFOUND)
		ret = RD_OK;
	if (ret)
		ret = rd_fail(RD_EDB, errmsg, "queueing a webhook: %s", rd_store_errmsg(s));
out:
	rd_buf_free(&k);
	rd_buf_free(&like);
	free(body);
	json_decref(env);
	return ret;
}

/* The endpoint (*WID) and body (*BODY, borrowed from PAYLOAD or from *OLD,
 * which the caller decrefs) of a queued row with webhook-id IDEM: the id
 * after the last "_" and the payload itself, or, for a row queued in the
 * earlier layout, both from the payload's JSON. False when unreadable. */
static bool queued_parts(const char *idem, const char *payload, int64_t *wid, const char **body, json_t **old)
{
	*old = NULL;
	*wid = 0;
	*body = NULL;
	const char *u = idem && strlen(idem) > 4 ? strrchr(idem + 4, '_') : NULL;
	if (u && u[1] && strlen(u + 1) <= 18 && strspn(u + 1, "0123456789") == strlen(u + 1)) {
		*wid = strtoll(u + 1, NULL, 10);
		*body = payload;
	} else if ((*old = json_loads(payload ? payload : "", 0, NULL))) {
		*wid = json_integer_value(json_object_get(*old, "webhook_id"));
		*body = json_string_value(json_object_get(*old, "body"));
	}
	return *wid > 0 && *body;
}

enum rd_err rd_webhook_emit_record(struct rd_store *s, const char *event, const char *entity, int64_t id,
				   int64_t at, char **errmsg)
{
	json_t *rec = NULL;
	enum rd_err ret = rd_record_get(s, entity, id, &rec, errmsg);
	if (ret)
		return ret;
	char key[96];
	snprintf(key, sizeof key, "%s:%" PRId64 ":%" PRId64, entity, id, at);
	ret = rd_webhook_emit(s, event, key, rec, at, errmsg);
	json_decref(rec);
	return ret;
}

/* ---- one delivery ---------------------------------------------------------------- */

enum rd_err rd_webhook_deliver(struct rd_store *s, const char *idem, const char *payload, int64_t now,
			       long *status, bool *permanent, char **errmsg)
{
	enum rd_err ret = RD_OK;
	struct rd_stmt *st = NULL;
	char *url = NULL, *secret = NULL;
	*status = 0;
	*permanent = true;
	json_t *p;
	int64_t wid;
	const char *body;
	if (!queued_parts(idem, payload, &wid, &body, &p)) {
		ret = rd_fail(RD_EINVAL, errmsg, "the queued webhook is unreadable");
		goto out;
	}
	if ((ret = rd_store_prepare(s, "SELECT url, secret, removed_at FROM webhooks WHERE id = ?1", &st))) {
		*permanent = false;
		ret = rd_fail(RD_EDB, errmsg, "reading the webhook: %s", rd_store_errmsg(s));
		goto out;
	}
	rd_stmt_bind_int(st, 1, wid);
	bool row = false;
	if ((ret = rd_stmt_step(st, &row)) || !row || !rd_stmt_col_null(st, 2)) {
		*permanent = ret != RD_OK ? false : true;
		ret = ret ? rd_fail(RD_EDB, errmsg, "reading the webhook: %s", rd_store_errmsg(s))
			  : rd_fail(RD_ENOTFOUND, errmsg, "endpoint removed");
		goto out;
	}
	url = strdup(rd_stmt_col_text(st, 0));
	secret = strdup(rd_stmt_col_text(st, 1));
	rd_stmt_free(st);
	st = NULL;
	if (!url || !secret) {
		*permanent = false;
		ret = rd_fail(RD_ENOMEM, errmsg, "out of memory");
		goto out;
	}
	char sig[RD_WEBHOOK_SIGSZ];
	if ((ret = rd_webhook_sign(secret, idem, now, body, strlen(body), sig, errmsg)))
		goto out;
	char h_id[80], h_ts[48], h_sig[80];
	snprintf(h_id, sizeof h_id, "webhook-id: %s", idem);
	snprintf(h_ts, sizeof h_ts, "webhook-timestamp: %" PRId64, now);
	snprintf(h_sig, sizeof h_sig, "webhook-signature: %s", sig);
	const char *hdr[] = {"Content-Type: application/json", "User-Agent: redress-webhooks", h_id, h_ts, h_sig};
	ret = rd_http_post(url, hdr, sizeof hdr / sizeof hdr[0], body, strlen(body), RD_WEBHOOK_TIMEOUT_MS, status,
			   errmsg);
	if (ret) {
		*permanent = false; /* refused, timed out: the endpoint may be back later */
		goto out;
	}
	if (*status >= 200 && *status < 300) {
		*permanent = false;
		goto out;
	}
	/* 408 and 429 ask to try later, as do 5xx; the rest of 4xx (and
	 * redirects, which are not followed) will not change by retrying */
	*permanent = !(*status == 408 || *status == 429 || *status >= 500);
	ret = rd_fail(RD_EIO, errmsg, "HTTP %ld from %s%s", *status, url,
		      *status >= 300 && *status < 400 ? " (redirects are not followed)" : "");
out:
	rd_stmt_free(st);
	free(url);
	if (secret) {
		sodium_memzero(secret, strlen(secret));
		free(secret);
	}
	json_decref(p);
	return ret;
}

enum rd_err rd_webhook_log(struct rd_store *s, int64_t outbox_id, const char *idem, const char *payload,
			   int attempt, long status, const char *outcome, const char *error, int64_t at)
{
	json_t *p;
	int64_t wid;
	const char *body;
	queued_parts(idem, payload, &wid, &body, &p);
	json_t *b = json_loads(body ? body : "{}", 0, NULL);
	const char *ev = json_string_value(json_object_get(b, "type"));
	enum rd_err ret = RD_OK;
	if (wid) {
		ret = rd_store_exec(s, NULL, "INSERT INTO webhook_deliveries (webhook_id, outbox_id, message_id, "
				    "event, attempt, status_code, outcome, error, at) SELECT id, ?1, ?2, ?3, ?4, NULLIF(?5, 0), "
				    "?6, ?7, ?8 FROM webhooks WHERE id = ?9", "ittiittii", outbox_id, idem, ev ? ev : "?",
				    (int64_t)attempt, (int64_t)status, outcome, error, at, wid);
		if (ret == RD_ENOTFOUND)
			ret = RD_OK;
	}
	json_decref(b);
	json_decref(p);
	return ret;
}
