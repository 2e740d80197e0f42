/* outbox.c — the outbox (see outbox.h): queueing in the caller's
 * transaction, the delivery sweep with leases and backoff, and the listing
 * staff read. Two channels: email (lib/mail.c) and webhooks
 * (lib/webhook.c), claimed, retried and backed off alike. */
#include <inttypes.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "redress/auth.h"
#include "redress/mail.h"
#include "redress/outbox.h"
#include "redress/time.h"
#include "redress/webhook.h"
#include "util/buf.h"

/* ---- message ids -------------------------------------------------------- */

/* The local part of the Message-ID of the message with idempotency key
 * KEY: stable, so a resend after a killed worker has the same id. */
static void msgid_local(const char *key, char out[48])
{
	char h[RD_TOKEN_HASHSZ];
	rd_token_hash(key, h);
	snprintf(out, 48, "rd.%.32s", h);
}

/* "<LOCAL@domain of FROM>" into a new buffer. */
static char *msgid_full(const char *local, const char *from)
{
	const char *at = from ? strrchr(from, '@') : NULL;
	struct rd_buf b = RD_BUF_INIT;
	rd_buf_addf(&b, "<%s@%s>", local, at ? at + 1 : "redress.invalid");
	return b.oom ? (rd_buf_free(&b), NULL) : rd_buf_detach(&b);
}

/* ---- queueing ------------------------------------------------------------- */

static enum rd_err bind_ref(struct rd_stmt *st, int idx, int64_t v)
{
	return v ? rd_stmt_bind_int(st, idx, v) : rd_stmt_bind_null(st, idx);
}

/* A fresh reply token for track (FAILURE, CLIENT): 128 random bits as hex,
 * stored only as its hash. TOKEN gets the text. */
static enum rd_err reply_token_new(struct rd_store *s, int64_t failure_id, int64_t client_id, int64_t at,
				   char token[40])
{
	unsigned char raw[16];
	if (sodium_init() < 0)
		abort(); /* no randomness: refusing beats a guessable address */
	randombytes_buf(raw, sizeof raw);
	token[0] = 'r';
	sodium_bin2hex(token + 1, 33, raw, sizeof raw);
	char h[RD_TOKEN_HASHSZ];
	rd_token_hash(token, h);
	return rd_store_exec(s, NULL, "INSERT INTO reply_tokens (token_hash, failure_id, client_id, created_at) "
			     "VALUES (?1, ?2, ?3, ?4)", "tiii", h, failure_id, client_id, at);
}

enum rd_err rd_outbox_enqueue(struct rd_store *s, const struct rd_outbox_msg *m, int64_t *id, char **errmsg)
{
	enum rd_err ret = RD_OK;
	json_t *p = NULL, *to = NULL;
	char *payload = NULL;
	struct rd_stmt *st = NULL;
	struct rd_buf rcpt = RD_BUF_INIT;
	if (id)
		*id = 0;
	if (!m->idem_key || !*m->idem_key || !m->kind)
		return rd_fail(RD_EINVAL, errmsg, "an outbox message needs an idempotency key and a kind");
	if (m->n_to == 0)
		return rd_fail(RD_EINVAL, errmsg, "an email needs at least one recipient");
	to = json_array();
	for (size_t i = 0; i < m->n_to; i++) {
		if (!rd_mail_addr_valid(m->to[i])) {
			ret = rd_fail(RD_EINVAL, errmsg, "recipient '%s' is not a valid email address", m->to[i]);
			goto out;
		}
		json_array_append_new(to, json_string(m->to[i]));
		rd_buf_addf(&rcpt, "%s%s", i ? ", " : "", m->to[i]);
	}
	if ((m->reply_address || m->thread) && !(m->failure_id && m->client_id)) {
		ret = rd_fail(RD_EINVAL, errmsg, "a reply address and threading need a failure and a client");
		goto out;
	}
	if ((ret = rd_store_begin(s))) {
		ret = rd_fail(ret, errmsg, "cannot start a transaction: %s", rd_store_errmsg(s));
		goto out;
	}
	/* queued already: nothing to do, and no new reply token */
	int64_t existing = 0;
	ret = rd_store_exec(s, &existing, "SELECT id FROM outbox WHERE idem_key = ?1", "t", m->idem_key);
	if (ret == RD_OK) {
		/* commit, not roll back: a rollback would fail the caller's transaction */
		if ((ret = rd_store_commit(s)))
			ret = rd_fail(RD_EDB, errmsg, "commit failed: %s", rd_store_errmsg(s));
		goto out;
	}
	if (ret != RD_ENOTFOUND)
		goto db;
	char local[48];
	msgid_local(m->idem_key, local);
	p = json_pack("{sO ss* ss* ss*}", "to", to, "subject", m->subject, "body", m->body, "from_name",
		      m->from_name);
	if (!p) {
		ret = rd_fail(RD_ENOMEM, errmsg, "out of memory");
		goto fail;
	}
	if (m->thread) {
		/* one thread per failure and client: every message references its
		 * root and answers the one before it */
		char root[64];
		snprintf(root, sizeof root, "rd.thread.%" PRId64 ".%" PRId64, m->failure_id, m->client_id);
		json_object_set_new(p, "thread_root", json_string(root));
		ret = rd_store_prepare(s, "SELECT message_id FROM outbox WHERE failure_id = ?1 AND client_id = ?2 "
				       "AND kind = 'client' ORDER BY id DESC LIMIT 1", &st);
		if (ret)
			goto db;
		rd_stmt_bind_int(st, 1, m->failure_id);
		rd_stmt_bind_int(st, 2, m->client_id);
		bool row = false;
		if ((ret = rd_stmt_step(st, &row)))
			goto db;
		if (row && rd_stmt_col_text(st, 0))
			json_object_set_new(p, "previous", json_string(rd_stmt_col_text(st, 0)));
		rd_stmt_free(st);
		st = NULL;
	}
	if (m->reply_address) {
		char token[40];
		if ((ret = reply_token_new(s, m->failure_id, m->client_id, m->at, token)))
			goto db;
		json_object_set_new(p, "reply_token", json_string(token));
		sodium_memzero(token, sizeof token);
	}
	if (!(payload = json_dumps(p, JSON_COMPACT))) {
		ret = rd_fail(RD_ENOMEM, errmsg, "out of memory");
		goto fail;
	}
	ret = rd_store_prepare(s, "INSERT INTO outbox (channel, idem_key, kind, recipient, subject, payload, "
			       "message_id, failure_id, client_id, user_id, communication_id, escalation_id, "
			       "next_attempt_at, created_at) VALUES ('email', ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
			       "?10, ?11, ?12, ?12) RETURNING id", &st);
	if (ret)
		goto db;
	rd_stmt_bind_text(st, 1, m->idem_key);
	rd_stmt_bind_text(st, 2, m->kind);
	rd_stmt_bind_text(st, 3, rcpt.data ? rcpt.data : "");
	rd_stmt_bind_text(st, 4, m->subject);
	rd_stmt_bind_text(st, 5, payload);
	rd_stmt_bind_text(st, 6, local);
	bind_ref(st, 7, m->failure_id);
	bind_ref(st, 8, m->client_id);
	bind_ref(st, 9, m->user_id);
	bind_ref(st, 10, m->communication_id);
	bind_ref(st, 11, m->escalation_id);
	rd_stmt_bind_int(st, 12, m->at);
	bool row = false;
	if ((ret = rd_stmt_step(st, &row)) || !row)
		goto db;
	if (id)
		*id = rd_stmt_col_int(st, 0);
	rd_stmt_free(st);
	st = NULL;
	if ((ret = rd_store_commit(s)))
		ret = rd_fail(RD_EDB, errmsg, "commit failed: %s", rd_store_errmsg(s));
	goto out;
db:
	ret = rd_fail(RD_EDB, errmsg, "queueing an email: %s", rd_store_errmsg(s));
fail:
	rd_stmt_free(st);
	st = NULL;
	rd_store_rollback(s);
out:
	rd_stmt_free(st);
	free(payload);
	json_decref(p);
	json_decref(to);
	rd_buf_free(&rcpt);
	return ret;
}

/* ---- the sweep ------------------------------------------------------------ */

int64_t rd_outbox_backoff(int attempts)
{
	if (attempts < 1)
		attempts = 1;
	if (attempts > 12)
		attempts = 12;
	return (int64_t)60 << (attempts - 1);
}

struct claimed {
	int64_t id, escalation_id, due;
	int attempts;
	char *channel, *payload, *message_id, *kind, *idem_key, claim[33];
};

static void claimed_free(struct claimed *c)
{
	free(c->channel);
	free(c->payload);
	free(c->message_id);
	free(c->kind);
	free(c->idem_key);
}

/* Due first, then in the order queued: the order the claim picked them.
 * UPDATE … RETURNING promises no order (PostgreSQL returns rows as its
 * join met them), so the batch is sorted after the claim. */
static int claimed_cmp(const void *a, const void *b)
{
	const struct claimed *x = a, *y = b;
	if (x->due != y->due)
		return x->due < y->due ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

/* How many rows one claim takes: one durable write claims them all. */
#define CLAIM_BATCH 32

/* Claims up to MAX due rows (queued and due, or sending past their lease)
 * of a channel this sweep can deliver (webhooks always, email when EMAIL),
 * in one transaction, into C[0..*n). */
static enum rd_err claim_batch(struct rd_store *s, int64_t now, bool email, int max, struct claimed *c,
			       size_t *n)
{
	*n = 0;
	char claim[33];
	unsigned char raw[16];
	randombytes_buf(raw, sizeof raw);
	sodium_bin2hex(claim, sizeof claim, raw, sizeof raw);
	enum rd_err ret = rd_store_begin(s);
	if (ret)
		return ret;
	struct rd_stmt *st = NULL;
	ret = rd_store_prepare(s, "UPDATE outbox SET status = 'sending', claimed_at = ?1, claim = ?2, "
			       "attempts = attempts + 1 WHERE id IN (SELECT id FROM outbox WHERE "
			       "(channel = 'webhook' OR (channel = 'email' AND ?3 = 1)) AND ((status = 'queued' AND next_attempt_at <= ?1) OR "
			       "(status = 'sending' AND claimed_at <= ?1 - ?4)) ORDER BY next_attempt_at, id LIMIT ?5) "
			       "RETURNING id, channel, payload, message_id, kind, attempts, escalation_id, idem_key, "
			       "next_attempt_at", &st);
	if (ret)
		goto out;
	rd_stmt_bind_int(st, 1, now);
	rd_stmt_bind_text(st, 2, claim);
	rd_stmt_bind_int(st, 3, email ? 1 : 0);
	rd_stmt_bind_int(st, 4, RD_OUTBOX_LEASE);
	rd_stmt_bind_int(st, 5, max);
	bool row;
	while ((ret = rd_stmt_step(st, &row)) == RD_OK && row) {
		if (*n >= (size_t)max)
			continue; /* cannot happen (LIMIT); drain the statement anyway */
		struct claimed *x = &c[(*n)++];
		memset(x, 0, sizeof *x);
		memcpy(x->claim, claim, sizeof claim);
		x->id = rd_stmt_col_int(st, 0);
		x->channel = strdup(rd_stmt_col_text(st, 1));
		x->payload = strdup(rd_stmt_col_text(st, 2));
		x->message_id = rd_stmt_col_text(st, 3) ? strdup(rd_stmt_col_text(st, 3)) : NULL;
		x->kind = strdup(rd_stmt_col_text(st, 4));
		x->attempts = (int)rd_stmt_col_int(st, 5);
		x->escalation_id = rd_stmt_col_null(st, 6) ? 0 : rd_stmt_col_int(st, 6);
		x->idem_key = strdup(rd_stmt_col_text(st, 7));
		x->due = rd_stmt_col_int(st, 8);
		if (!x->channel || !x->payload || !x->kind || !x->idem_key)
			ret = RD_ENOMEM;
	}
out:
	rd_stmt_free(st);
	if (ret == RD_OK)
		ret = rd_store_commit(s);
	else
		rd_store_rollback(s);
	if (ret) {
		for (size_t i = 0; i < *n; i++)
			claimed_free(&c[i]);
		*n = 0;
	}
	qsort(c, *n, sizeof *c, claimed_cmp);
	return ret;
}

/* Delivers one email row. RES tells a failure's kind. */
static enum rd_err deliver_email(const struct rd_mail_settings *ms, const struct claimed *c, int64_t now,
				 struct rd_mail_conn **conn, struct rd_mail_result *res, char **errmsg)
{
	enum rd_err ret = RD_OK;
	json_error_t je;
	json_t *p = json_loads(c->payload, 0, &je);
	const char **to = NULL;
	char *id = NULL, *root = NULL, *prev = NULL, *reply = NULL, *data = NULL;
	struct rd_buf refs = RD_BUF_INIT;
	size_t len = 0;
	res->smtp_code = 0;
	res->permanent = false;
	json_t *ta = json_object_get(p, "to");
	size_t n = json_array_size(ta);
	if (!p || !n || !(to = calloc(n, sizeof *to))) {
		res->permanent = true;
		ret = rd_fail(RD_EINVAL, errmsg, "the queued message is unreadable");
		goto out;
	}
	for (size_t i = 0; i < n; i++)
		to[i] = json_string_value(json_array_get(ta, i));
	id = msgid_full(c->message_id ? c->message_id : "rd.unknown", ms->from);
	const char *r = json_string_value(json_object_get(p, "thread_root"));
	const char *pv = json_string_value(json_object_get(p, "previous"));
	if (r) {
		root = msgid_full(r, ms->from);
		prev = pv ? msgid_full(pv, ms->from) : NULL;
		rd_buf_addf(&refs, "%s%s%s", root, prev ? " " : "", prev ? prev : "");
	}
	const char *tok = json_string_value(json_object_get(p, "reply_token"));
	if (tok && !(reply = rd_mail_plus_address(ms->from, tok))) {
		res->permanent = true;
		ret = rd_fail(RD_EINVAL, errmsg, "no reply address: REDRESS_MAIL_FROM '%s' is not an address",
			      ms->from ? ms->from : "");
		goto out;
	}
	struct rd_mail m = {
		.from_name = json_string_value(json_object_get(p, "from_name")),
		.from_addr = ms->from,
		.reply_to = reply,
		.to = to,
		.n_to = n,
		.subject = json_string_value(json_object_get(p, "subject")),
		.body = json_string_value(json_object_get(p, "body")),
		.message_id = id ? id + 1 : NULL,
		.in_reply_to = prev ? prev : root,
		.references = refs.data,
		.kind = c->kind,
		.date = now,
	};
	if (id)
		id[strlen(id) - 1] = '\0'; /* GMime adds the angle brackets */
	if ((ret = rd_mail_build(&m, &data, &len, errmsg))) {
		res->permanent = ret == RD_EINVAL;
		goto out;
	}
	ret = rd_mail_send(ms->smtp_url, ms->from, to, n, data, len, ms->timeout_ms > 0 ? ms->timeout_ms : 30000,
			   conn, res, errmsg);
out:
	free(data);
	free(id);
	free(root);
	free(prev);
	free(reply);
	free(to);
	rd_buf_free(&refs);
	json_decref(p);
	return ret;
}

/* Delivers one webhook row (lib/webhook.c); RES gets the HTTP status in
 * its smtp_code, the reply code of whatever server answered. */
static enum rd_err deliver_webhook(struct rd_store *s, const struct claimed *c, int64_t now,
				   struct rd_mail_result *res, char **errmsg)
{
	long status = 0;
	bool permanent = false;
	enum rd_err ret = rd_webhook_deliver(s, c->idem_key, c->payload, now, &status, &permanent, errmsg);
	res->smtp_code = (int)status;
	res->permanent = ret != RD_OK && permanent;
	return ret;
}

/* Records the outcome of claimed row C, unless another sweep took it over
 * (its claim no longer matches). */
static enum rd_err record(struct rd_store *s, const struct claimed *c, int64_t now, enum rd_err sent,
			  const struct rd_mail_result *res, const char *err, struct rd_sweep_stats *stats)
{
	enum rd_err ret = rd_store_begin(s);
	if (ret)
		return ret;
	const char *outcome = sent == RD_OK ? "delivered"
			      : res->permanent || c->attempts >= RD_OUTBOX_MAX_ATTEMPTS ? "failed" : "retrying";
	if (strcmp(c->channel, "webhook") == 0 &&
	    (ret = rd_webhook_log(s, c->id, c->idem_key, c->payload, c->attempts, res->smtp_code, outcome,
				  sent == RD_OK ? NULL : err ? err : "failed", now))) {
		rd_store_rollback(s);
		return ret;
	}
	if (sent == RD_OK) {
		ret = rd_store_exec(s, NULL, "UPDATE outbox SET status = 'sent', sent_at = ?1, last_error = NULL "
				    "WHERE id = ?2 AND claim = ?3", "iit", now, c->id, c->claim);
		if (ret == RD_OK && c->escalation_id)
			ret = rd_store_exec(s, NULL, "UPDATE escalations SET delivered_at = ?1 WHERE id = ?2 AND "
					    "delivered_at IS NULL", "ii", now, c->escalation_id);
		stats->sent++;
	} else if (res->permanent || c->attempts >= RD_OUTBOX_MAX_ATTEMPTS) {
		char msg[600];
		snprintf(msg, sizeof msg, "%s%s", err ? err : "failed",
			 res->permanent ? "" : " (last attempt)");
		ret = rd_store_exec(s, NULL, "UPDATE outbox SET status = 'failed', last_error = ?1 WHERE id = ?2 "
				    "AND claim = ?3", "tit", msg, c->id, c->claim);
		stats->failed++;
	} else {
		ret = rd_store_exec(s, NULL, "UPDATE outbox SET status = 'queued', next_attempt_at = ?1, "
				    "last_error = ?2 WHERE id = ?3 AND claim = ?4", "itit",
				    now + rd_outbox_backoff(c->attempts), err ? err : "failed", c->id, c->claim);
		stats->retried++;
	}
	if (ret) {
		rd_store_rollback(s);
		return ret;
	}
	return rd_store_commit(s);
}

#define NO_SMTP "waiting: no SMTP server configured (set REDRESS_SMTP_URL or --smtp-url, and REDRESS_MAIL_FROM)"

enum rd_err rd_outbox_sweep(struct rd_store *s, const struct rd_mail_settings *ms, int64_t now, int max,
			    struct rd_sweep_stats *st, char **errmsg)
{
	struct rd_sweep_stats dummy;
	if (!st)
		st = &dummy;
	memset(st, 0, sizeof *st);
	bool email = ms && ms->smtp_url && *ms->smtp_url && ms->from && *ms->from;
	enum rd_err ret;
	/* without SMTP, email waits (and says why) while webhooks go out */
	if (!email) {
		ret = rd_store_exec(s, NULL, "UPDATE outbox SET last_error = ?1 WHERE channel = 'email' AND "
				    "status = 'queued' AND (last_error IS NULL OR last_error <> ?1)", "t", NO_SMTP);
		if (ret == RD_OK || ret == RD_ENOTFOUND)
			ret = rd_store_exec(s, &st->waiting, "SELECT count(*) FROM outbox WHERE channel = 'email' "
					    "AND status = 'queued'", "");
		if (ret)
			return rd_fail(RD_EDB, errmsg, "reading the outbox: %s", rd_store_errmsg(s));
	}
	/* One SMTP connection for the sweep; after a failed send it is dropped,
	 * so one bad answer does not poison the rest. */
	struct rd_mail_conn *conn = NULL;
	struct claimed c[CLAIM_BATCH];
	int done = 0;
	ret = RD_OK;
	while (ret == RD_OK && (max <= 0 || done < max)) {
		int want = max > 0 && max - done < CLAIM_BATCH ? max - done : CLAIM_BATCH;
		size_t n = 0;
		if ((ret = claim_batch(s, now, email, want, c, &n))) {
			ret = rd_fail(RD_EDB, errmsg, "claiming outbox rows: %s", rd_store_errmsg(s));
			break;
		}
		if (n == 0)
			break;
		for (size_t i = 0; i < n; i++) {
			struct rd_mail_result res = {0};
			char *err = NULL;
			bool hook = strcmp(c[i].channel, "webhook") == 0;
			enum rd_err sent = ret ? RD_EIO
					 : hook ? deliver_webhook(s, &c[i], now, &res, &err)
						: deliver_email(ms, &c[i], now, &conn, &res, &err);
			if (sent && !hook) {
				rd_mail_conn_free(conn);
				conn = NULL;
			}
			/* after a database failure the rest stay claimed: the lease frees them */
			if (ret == RD_OK && (ret = record(s, &c[i], now, sent, &res, err, st)))
				ret = rd_fail(RD_EDB, errmsg, "recording a delivery: %s", rd_store_errmsg(s));
			free(err);
			claimed_free(&c[i]);
		}
		done += (int)n;
	}
	rd_mail_conn_free(conn);
	return ret;
}

/* ---- reading ------------------------------------------------------------------ */

static void set_time(json_t *o, const char *key, struct rd_stmt *st, int col)
{
	char b[RD_TIME_BUFSZ];
	json_object_set_new(o, key, rd_stmt_col_null(st, col) ? json_null()
				: json_string(rd_time_format(rd_stmt_col_int(st, col), b)));
}

static void set_ref(json_t *o, const char *key, struct rd_stmt *st, int col)
{
	json_object_set_new(o, key, rd_stmt_col_null(st, col) ? json_null() : json_integer(rd_stmt_col_int(st, col)));
}

enum rd_err rd_outbox_list(struct rd_store *s, const char *status, int limit, json_t **out, char **errmsg)
{
	static const char *const statuses[] = {"queued", "sending", "sent", "failed", NULL};
	*out = NULL;
	if (status) {
		int i = 0;
		while (statuses[i] && strcmp(statuses[i], status))
			i++;
		if (!statuses[i])
			return rd_fail(RD_EINVAL, errmsg, "status '%s' is not one of queued, sending, sent, failed",
				       status);
	}
	struct rd_stmt *st;
	enum rd_err ret = rd_store_prepare(s, "SELECT id, channel, kind, recipient, subject, status, attempts, "
					   "next_attempt_at, sent_at, last_error, failure_id, client_id, created_at, "
					   "escalation_id FROM outbox WHERE (?1 IS NULL OR status = ?1) "
					   "ORDER BY id DESC LIMIT ?2", &st);
	if (ret)
		return rd_fail(RD_EDB, errmsg, "reading the outbox: %s", rd_store_errmsg(s));
	rd_stmt_bind_text(st, 1, status);
	rd_stmt_bind_int(st, 2, limit > 0 ? limit : 500);
	json_t *rows = json_array();
	bool row;
	while ((ret = rd_stmt_step(st, &row)) == RD_OK && row) {
		json_t *o = json_object();
		json_object_set_new(o, "id", json_integer(rd_stmt_col_int(st, 0)));
		json_object_set_new(o, "channel", json_string(rd_stmt_col_text(st, 1)));
		json_object_set_new(o, "kind", json_string(rd_stmt_col_text(st, 2)));
		json_object_set_new(o, "recipient", json_string(rd_stmt_col_text(st, 3)));
		const char *subj = rd_stmt_col_text(st, 4);
		json_object_set_new(o, "subject", subj ? json_string(subj) : json_null());
		json_object_set_new(o, "status", json_string(rd_stmt_col_text(st, 5)));
		json_object_set_new(o, "attempts", json_integer(rd_stmt_col_int(st, 6)));
		set_time(o, "next_attempt_at", st, 7);
		set_time(o, "sent_at", st, 8);
		const char *e = rd_stmt_col_text(st, 9);
		json_object_set_new(o, "last_error", e ? json_string(e) : json_null());
		set_ref(o, "failure_id", st, 10);
		set_ref(o, "client_id", st, 11);
		set_time(o, "created_at", st, 12);
		set_ref(o, "escalation_id", st, 13);
		json_array_append_new(rows, o);
	}
	rd_stmt_free(st);
	if (ret) {
		json_decref(rows);
		return rd_fail(RD_EDB, errmsg, "reading the outbox: %s", rd_store_errmsg(s));
	}
	*out = rows;
	return RD_OK;
}

enum rd_err rd_outbox_counts(struct rd_store *s, json_t **out, char **errmsg)
{
	struct rd_stmt *st;
	*out = NULL;
	enum rd_err ret = rd_store_prepare(s, "SELECT status, count(*) FROM outbox GROUP BY status", &st);
	if (ret)
		return rd_fail(RD_EDB, errmsg, "reading the outbox: %s", rd_store_errmsg(s));
	json_t *o = json_pack("{sI sI sI sI}", "queued", (json_int_t)0, "sending", (json_int_t)0, "sent",
			      (json_int_t)0, "failed", (json_int_t)0);
	bool row;
	while ((ret = rd_stmt_step(st, &row)) == RD_OK && row)
		json_object_set_new(o, rd_stmt_col_text(st, 0), json_integer(rd_stmt_col_int(st, 1)));
	rd_stmt_free(st);
	if (ret) {
		json_decref(o);
		return rd_fail(RD_EDB, errmsg, "reading the outbox: %s", rd_store_errmsg(s));
	}
	*out = o;
	return RD_OK;
}
