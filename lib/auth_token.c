/* auth_token.c — the secrets themselves and API bearer tokens: a fresh
 * token is 32 random bytes from libsodium shown once with a prefix naming
 * what it is, and only its BLAKE2b hash is stored; the shape check every
 * presented credential passes before it costs a query; creating, revoking,
 * listing and authenticating API tokens (see redress/auth.h). */
#include <inttypes.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "auth_int.h"
#include "model_int.h"
#include "redress/auth.h"
#include "redress/time.h"

static void to_hex(const unsigned char *b, size_t n, char *out)
{
	static const char hex[] = "0123456789abcdef";
	for (size_t i = 0; i < n; i++) {
		out[2 * i] = hex[b[i] >> 4];
		out[2 * i + 1] = hex[b[i] & 15];
	}
	out[2 * n] = '\0';
}

void rd_token_new(const char *prefix, char out[RD_TOKEN_BUFSZ])
{
	unsigned char raw[32];
	size_t p = strlen(prefix);
	if (p > 4)
		p = 4;
	if (sodium_init() < 0)
		abort(); /* no randomness: refusing beats a guessable token */
	randombytes_buf(raw, sizeof raw);
	memcpy(out, prefix, p);
	to_hex(raw, sizeof raw, out + p);
	sodium_memzero(raw, sizeof raw);
}

void rd_token_hash(const char *token, char out[RD_TOKEN_HASHSZ])
{
	unsigned char h[32];
	crypto_generichash(h, sizeof h, (const unsigned char *)token, strlen(token), NULL, 0);
	to_hex(h, sizeof h, out);
}

bool rd_token_equal(const char *a, const char *b)
{
	size_t n = strlen(a);
	if (n != strlen(b))
		return false;
	return sodium_memcmp(a, b, n) == 0;
}

/* A token as presented must look like one before it costs a query
 * (auth_int.h). */
bool rd_token_shape(const char *t, const char *prefix)
{
	if (!t || strncmp(t, prefix, 4) != 0 || strlen(t) != 68)
		return false;
	for (const char *p = t + 4; *p; p++)
		if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f')))
			return false;
	return true;
}

/* ---- API tokens ---- */

enum rd_err rd_api_token_create(struct rd_store *s, const struct rd_actor *a, const char *email,
				const char *label, char **token, int64_t *id, char **errmsg)
{
	struct rd_actor who;
	enum rd_err rc = rd_actor_for_user(s, email, &who, errmsg);
	if (rc)
		return rc;
	if (a->role != RD_ROLE_ADMIN && a->user_id != who.user_id)
		return rd_fail(RD_EPERM, errmsg, "only an admin may create a token for another user");
	char tok[RD_TOKEN_BUFSZ], hash[RD_TOKEN_HASHSZ];
	rd_token_new("rdt_", tok);
	rd_token_hash(tok, hash);
	int64_t tid = 0, now = a->now;
	if ((rc = rd_store_begin(s)))
		return rd_fail(rc, errmsg, "cannot start a transaction");
	rc = rd_store_exec(s, &tid, "INSERT INTO api_tokens (user_id, token_hash, label, created_at) "
			   "VALUES (?1, ?2, ?3, ?4) RETURNING id", "itti", who.user_id, hash, label, now);
	if (rc) {
		rc = rd_fail(RD_EDB, errmsg, "storing the token: %s", rd_store_errmsg(s));
		goto out;
	}
	json_t *after = json_pack("{sI ss* sI}", "user_id", (json_int_t)who.user_id, "label", label,
				  "created_at", (json_int_t)now);
	if ((rc = rd_audit(s, a, "api_token", tid, "create", NULL, after)))
		rc = rd_fail(rc, errmsg, "writing the audit log failed: %s", rd_store_errmsg(s));
	json_decref(after);
out:
	rc = rd_store_end(s, rc, errmsg);
	if (rc == RD_OK) {
		*token = strdup(tok);
		if (id)
			*id = tid;
		if (!*token)
			rc = RD_ENOMEM;
	}
	sodium_memzero(tok, sizeof tok);
	return rc;
}

enum rd_err rd_api_token_revoke(struct rd_store *s, const struct rd_actor *a, int64_t id,
				char **errmsg)
{
	struct rd_stmt *st;
	if (rd_store_prepare(s, "SELECT user_id, revoked_at FROM api_tokens WHERE id = ?1", &st))
		return rd_fail(RD_EDB, errmsg, "reading tokens: %s", rd_store_errmsg(s));
	rd_stmt_bind_int(st, 1, id);
	bool row = false, revoked = false;
	int64_t owner = 0;
	enum rd_err rc = rd_stmt_step(st, &row);
	if (rc == RD_OK && row) {
		owner = rd_stmt_col_int(st, 0);
		revoked = !rd_stmt_col_null(st, 1);
	}
	rd_stmt_free(st);
	if (rc)
		return rd_fail(RD_EDB, errmsg, "reading tokens failed");
	if (!row)
		return rd_fail(RD_ENOTFOUND, errmsg, "no API token with id %" PRId64, id);
	if (a->role != RD_ROLE_ADMIN && a->user_id != owner)
		return rd_fail(RD_EPERM, errmsg, "only an admin may revoke another user's token");
	if (revoked)
		return rd_fail(RD_ESTATE, errmsg, "API token #%" PRId64 " is already revoked", id);
	int64_t now = a->now;
	if ((rc = rd_store_begin(s)))
		return rd_fail(rc, errmsg, "cannot start a transaction");
	rc = rd_store_exec(s, NULL, "UPDATE api_tokens SET revoked_at = ?1 WHERE id = ?2", "ii", now, id);
	if (rc == RD_OK) {
		json_t *after = json_pack("{sI}", "revoked_at", (json_int_t)now);
		rc = rd_audit(s, a, "api_token", id, "revoke", NULL, after);
		json_decref(after);
	}
	if (rc) {
		rd_store_rollback(s);
		return rd_fail(RD_EDB, errmsg, "revoking the token: %s", rd_store_errmsg(s));
	}
	return rd_store_commit(s) ? rd_fail(RD_EDB, errmsg, "commit failed") : RD_OK;
}

enum rd_err rd_api_token_list(struct rd_store *s, const char *email, json_t **out, char **errmsg)
{
	struct rd_stmt *st;
	if (rd_store_prepare(s, "SELECT t.id, u.email, t.label, t.created_at, t.revoked_at FROM api_tokens t "
			     "JOIN users u ON u.id = t.user_id WHERE u.email = coalesce(?1, u.email) ORDER BY t.id",
			     &st))
		return rd_fail(RD_EDB, errmsg, "reading tokens: %s", rd_store_errmsg(s));
	rd_stmt_bind_text(st, 1, email);
	json_t *arr = json_array();
	bool row;
	enum rd_err rc;
	while ((rc = rd_stmt_step(st, &row)) == RD_OK && row) {
		char b1[RD_TIME_BUFSZ], b2[RD_TIME_BUFSZ];
		json_array_append_new(arr, json_pack("{sI ss ss* ss ss*}",
			"id", (json_int_t)rd_stmt_col_int(st, 0), "user", rd_stmt_col_text(st, 1),
			"label", rd_stmt_col_text(st, 2),
			"created_at", rd_time_format(rd_stmt_col_int(st, 3), b1),
			"revoked_at", rd_stmt_col_null(st, 4) ? NULL : rd_time_format(rd_stmt_col_int(st, 4), b2)));
	}
	rd_stmt_free(st);
	if (rc) {
		json_decref(arr);
		return rd_fail(RD_EDB, errmsg, "reading tokens failed");
	}
	*out = arr;
	return RD_OK;
}

enum rd_err rd_api_token_auth(struct rd_store *s, const char *token, struct rd_actor *out,
			      char **errmsg)
{
	if (!rd_token_shape(token, "rdt_"))
		return rd_fail(RD_EPERM, errmsg, "invalid or revoked API token");
	char hash[RD_TOKEN_HASHSZ];
	rd_token_hash(token, hash);
	struct rd_stmt *st;
	if (rd_store_prepare(s, "SELECT t.user_id, u.role, u.email FROM api_tokens t JOIN users u ON "
			     "u.id = t.user_id WHERE t.token_hash = ?1 AND t.revoked_at IS NULL AND "
			     "u.disabled = 0", &st))
		return rd_fail(RD_EDB, errmsg, "reading tokens: %s", rd_store_errmsg(s));
	rd_stmt_bind_text(st, 1, hash);
	bool row = false;
	enum rd_err rc = rd_stmt_step(st, &row);
	if (rc == RD_OK && row) {
		memset(out, 0, sizeof *out);
		out->user_id = rd_stmt_col_int(st, 0);
		if (rd_role_parse(rd_stmt_col_text(st, 1), &out->role))
			out->role = RD_ROLE_VIEWER;
		snprintf(out->label, sizeof out->label, "%s", rd_stmt_col_text(st, 2));
	}
	rd_stmt_free(st);
	if (rc)
		return rd_fail(RD_EDB, errmsg, "reading tokens failed");
	if (!row)
		return rd_fail(RD_EPERM, errmsg, "invalid or revoked API token");
	return RD_OK;
}
