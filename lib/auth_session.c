/* auth_session.c — browser sessions, staff and portal: the one insert
 * every way of signing in ends with (a session token and its CSRF secret,
 * expired ones swept), looking a cookie up (a portal cookie never stands in
 * for a staff one) and logging out. */
#include <inttypes.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "auth_int.h"
#include "model_int.h"
#include "redress/auth.h"
#include "redress/time.h"

enum rd_err rd_auth_actor_by_id(struct rd_store *s, int64_t uid, struct rd_actor *out)
{
	struct rd_stmt *st;
	if (rd_store_prepare(s, "SELECT role, email, disabled FROM users WHERE id = ?1", &st))
		return RD_EDB;
	rd_stmt_bind_int(st, 1, uid);
	bool row = false;
	enum rd_err rc = rd_stmt_step(st, &row);
	if (rc == RD_OK && row) {
		memset(out, 0, sizeof *out);
		out->user_id = uid;
		if (rd_role_parse(rd_stmt_col_text(st, 0), &out->role))
			out->role = RD_ROLE_VIEWER;
		snprintf(out->label, sizeof out->label, "%s", rd_stmt_col_text(st, 1));
		if (rd_stmt_col_int(st, 2))
			rc = RD_EPERM;
	} else if (rc == RD_OK) {
		rc = RD_ENOTFOUND;
	}
	rd_stmt_free(st);
	return rc;
}

/* ---- sessions ---- */

enum rd_err rd_session_insert(struct rd_store *s, const char *kind, int64_t user_id,
				  int64_t contact_id, int64_t client_id, int64_t link_id, int64_t now,
				  int64_t expires, char **token, char **errmsg)
{
	char tok[RD_TOKEN_BUFSZ], hash[RD_TOKEN_HASHSZ], csrf[RD_TOKEN_BUFSZ];
	rd_token_new("rds_", tok);
	rd_token_new("csr_", csrf);
	rd_token_hash(tok, hash);
	/* Sweep expired sessions now and then, so the table stays small;
	 * first, so that a failure here stores no session nobody was given
	 * the token of. */
	if (rd_store_exec(s, NULL, "DELETE FROM sessions WHERE expires_at < ?1", "i", now))
		return rd_fail(RD_EDB, errmsg, "storing the session: %s", rd_store_errmsg(s));
	struct rd_stmt *st;
	enum rd_err rc = rd_store_prepare(s,
		"INSERT INTO sessions (token_hash, kind, user_id, contact_id, client_id, portal_link_id, "
		"csrf, created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", &st);
	if (rc)
		return rd_fail(RD_EDB, errmsg, "storing the session: %s", rd_store_errmsg(s));
	rd_stmt_bind_text(st, 1, hash);
	rd_stmt_bind_text(st, 2, kind);
	if (user_id)
		rd_stmt_bind_int(st, 3, user_id);
	else
		rd_stmt_bind_null(st, 3);
	if (contact_id) {
		rd_stmt_bind_int(st, 4, contact_id);
		rd_stmt_bind_int(st, 5, client_id);
		rd_stmt_bind_int(st, 6, link_id);
	} else {
		rd_stmt_bind_null(st, 4);
		rd_stmt_bind_null(st, 5);
		rd_stmt_bind_null(st, 6);
	}
	rd_stmt_bind_text(st, 7, csrf);
	rd_stmt_bind_int(st, 8, now);
	rd_stmt_bind_int(st, 9, expires);
	bool row;
	rc = rd_stmt_step(st, &row);
	rd_stmt_free(st);
	if (rc)
		return rd_fail(RD_EDB, errmsg, "storing the session: %s", rd_store_errmsg(s));
	*token = strdup(tok);
	sodium_memzero(tok, sizeof tok);
	return *token ? RD_OK : RD_ENOMEM;
}

enum rd_err rd_session_create_staff(struct rd_store *s, int64_t user_id, int64_t now,
				    char **token, char **errmsg)
{
	return rd_session_insert(s, "staff", user_id, 0, 0, 0, now, now + RD_SESSION_HOURS * 3600, token,
			      errmsg);
}

enum rd_err rd_session_lookup(struct rd_store *s, const char *token, bool portal, int64_t now,
			      struct rd_session *out, char **errmsg)
{
	if (!rd_token_shape(token, "rds_"))
		return rd_fail(RD_ENOTFOUND, errmsg, "no such session");
	char hash[RD_TOKEN_HASHSZ];
	rd_token_hash(token, hash);
	struct rd_stmt *st;
	/* A portal session lives only as long as its link: revoking the link
	 * ends every session it opened. */
	if (rd_store_prepare(s,
		"SELECT s.id, s.kind, s.user_id, s.contact_id, s.client_id, s.csrf, s.expires_at "
		"FROM sessions s LEFT JOIN portal_links l ON l.id = s.portal_link_id "
		"WHERE s.token_hash = ?1 AND s.expires_at > ?2 AND (s.kind = 'staff' OR "
		"(l.revoked_at IS NULL AND l.expires_at > ?2))", &st))
		return rd_fail(RD_EDB, errmsg, "reading sessions: %s", rd_store_errmsg(s));
	rd_stmt_bind_text(st, 1, hash);
	rd_stmt_bind_int(st, 2, now);
	bool row = false;
	enum rd_err rc = rd_stmt_step(st, &row);
	int64_t uid = 0;
	if (rc == RD_OK && row) {
		memset(out, 0, sizeof *out);
		out->id = rd_stmt_col_int(st, 0);
		out->portal = strcmp(rd_stmt_col_text(st, 1), "portal") == 0;
		uid = rd_stmt_col_int(st, 2);
		out->contact_id = rd_stmt_col_int(st, 3);
		out->client_id = rd_stmt_col_int(st, 4);
		snprintf(out->csrf, sizeof out->csrf, "%s", rd_stmt_col_text(st, 5));
		out->expires_at = rd_stmt_col_int(st, 6);
	}
	rd_stmt_free(st);
	if (rc)
		return rd_fail(RD_EDB, errmsg, "reading sessions failed");
	if (!row || out->portal != portal)
		return rd_fail(RD_ENOTFOUND, errmsg, "no such session");
	if (!portal) {
		rc = rd_auth_actor_by_id(s, uid, &out->actor);
		out->actor.now = now;
		if (rc == RD_EPERM)
			return rd_fail(RD_EPERM, errmsg, "this account is disabled");
		if (rc)
			return rd_fail(rc == RD_ENOTFOUND ? RD_ENOTFOUND : RD_EDB, errmsg, "no such session");
	}
	return RD_OK;
}

enum rd_err rd_session_destroy(struct rd_store *s, const char *token)
{
	if (!rd_token_shape(token, "rds_"))
		return RD_OK;
	char hash[RD_TOKEN_HASHSZ];
	rd_token_hash(token, hash);
	return rd_store_exec(s, NULL, "DELETE FROM sessions WHERE token_hash = ?1", "t", hash);
}
