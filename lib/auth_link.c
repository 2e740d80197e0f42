/* auth_link.c — links sent to people: client-portal magic links
 * (invite, revoke, list, enter), one-time staff login links, one-time
 * password links (and the "Forgot your password?" request, at most three
 * in 15 minutes), and the first admin a login link is printed for. Each
 * is a hashed token; using one ends in a session (auth_session.c). */
#include <inttypes.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "auth_int.h"
#include "model_int.h"
#include "redress/auth.h"
#include "redress/time.h"

/* ---- portal links ---- */

static enum rd_err find_contact(struct rd_store *s, const char *contact, int64_t *id, int64_t *client,
				char **errmsg)
{
	enum rd_err rc = rd_record_lookup(s, "contact", contact, id, errmsg);
	if (rc)
		return rc;
	rc = rd_store_exec(s, client, "SELECT client_id FROM contacts WHERE id = ?1", "i", *id);
	return rc ? rd_fail(RD_EDB, errmsg, "reading contacts failed") : RD_OK;
}

enum rd_err rd_portal_invite(struct rd_store *s, const struct rd_actor *a, const char *contact,
			     int64_t days, int64_t now, char **token, int64_t *id, char **errmsg)
{
	enum rd_err rc = rd_require_role(a, RD_ROLE_AGENT, "inviting a contact to the portal", errmsg);
	if (rc)
		return rc;
	if (days < 1 || days > RD_PORTAL_LINK_MAX_DAYS)
		return rd_fail(RD_EINVAL, errmsg, "a portal link lives from 1 to %d days, not %" PRId64,
			       RD_PORTAL_LINK_MAX_DAYS, days);
	int64_t cid, client, lid = 0;
	if ((rc = find_contact(s, contact, &cid, &client, errmsg)))
		return rc;
	char tok[RD_TOKEN_BUFSZ], hash[RD_TOKEN_HASHSZ];
	rd_token_new("rdp_", tok);
	rd_token_hash(tok, hash);
	int64_t expires = now + (int64_t)days * 86400;
	if ((rc = rd_store_begin(s)))
		return rd_fail(rc, errmsg, "cannot start a transaction");
	/* created_by is the inviting user's id; the system (no user) is NULL. */
	static const char ins[] = "INSERT INTO portal_links (contact_id, client_id, token_hash, "
		"created_by, created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id";
	rc = a->user_id ? rd_store_exec(s, &lid, ins, "iitiii", cid, client, hash, a->user_id, now, expires)
			: rd_store_exec(s, &lid, ins, "iitnii", cid, client, hash, now, expires);
	if (rc == RD_OK) {
		json_t *after = json_pack("{sI sI sI}", "contact_id", (json_int_t)cid, "client_id",
					  (json_int_t)client, "expires_at", (json_int_t)expires);
		rc = rd_audit(s, a, "portal_link", lid, "create", NULL, after);
		json_decref(after);
	}
	if (rc) {
		rd_store_rollback(s);
		sodium_memzero(tok, sizeof tok);
		return rd_fail(RD_EDB, errmsg, "storing the link: %s", rd_store_errmsg(s));
	}
	if (rd_store_commit(s)) {
		sodium_memzero(tok, sizeof tok);
		return rd_fail(RD_EDB, errmsg, "commit failed");
	}
	*token = strdup(tok);
	sodium_memzero(tok, sizeof tok);
	if (id)
		*id = lid;
	return *token ? RD_OK : RD_ENOMEM;
}

enum rd_err rd_portal_revoke(struct rd_store *s, const struct rd_actor *a, int64_t id,
			     const char *contact, int64_t now, int *n, char **errmsg)
{
	enum rd_err rc = rd_require_role(a, RD_ROLE_AGENT, "revoking a portal link", errmsg);
	if (rc)
		return rc;
	int64_t cid = 0, client;
	if (contact && (rc = find_contact(s, contact, &cid, &client, errmsg)))
		return rc;
	struct rd_stmt *st;
	json_t *ids = json_array();
	if ((rc = rd_store_begin(s))) {
		json_decref(ids);
		return rd_fail(rc, errmsg, "cannot start a transaction");
	}
	if ((rc = rd_store_prepare(s, "SELECT id, revoked_at FROM portal_links WHERE "
				   "(?1 <> 0 AND id = ?1) OR (?2 <> 0 AND contact_id = ?2) ORDER BY id", &st)))
		goto out;
	rd_stmt_bind_int(st, 1, contact ? 0 : id);
	rd_stmt_bind_int(st, 2, cid);
	bool row, any = false;
	while ((rc = rd_stmt_step(st, &row)) == RD_OK && row) {
		any = true;
		if (rd_stmt_col_null(st, 1))
			json_array_append_new(ids, json_integer(rd_stmt_col_int(st, 0)));
	}
	rd_stmt_free(st);
	if (rc)
		goto out;
	if (!any) {
		rc = contact ? rd_fail(RD_ENOTFOUND, errmsg, "contact '%s' has no portal links", contact)
			     : rd_fail(RD_ENOTFOUND, errmsg, "no portal link with id %" PRId64, id);
		goto out;
	}
	if (!contact && json_array_size(ids) == 0) {
		rc = rd_fail(RD_ESTATE, errmsg, "portal link #%" PRId64 " is already revoked", id);
		goto out;
	}
	size_t i;
	json_t *v;
	json_array_foreach(ids, i, v) {
		int64_t lid = json_integer_value(v);
		if ((rc = rd_store_exec(s, NULL, "UPDATE portal_links SET revoked_at = ?1 WHERE id = ?2",
					"ii", now, lid)))
			goto out;
		json_t *after = json_pack("{sI}", "revoked_at", (json_int_t)now);
		rc = rd_audit(s, a, "portal_link", lid, "revoke", NULL, after);
		json_decref(after);
		if (rc)
			goto out;
	}
	/* Sessions opened through these links end with them. */
	if (contact)
		rc = rd_store_exec(s, NULL, "DELETE FROM sessions WHERE contact_id = ?1", "i", cid);
	else
		rc = rd_store_exec(s, NULL, "DELETE FROM sessions WHERE portal_link_id = ?1", "i", id);
out:
	if (rc) {
		rd_store_rollback(s);
		if (rc == RD_EDB)
			rd_fail(rc, errmsg, "revoking: %s", rd_store_errmsg(s));
	} else if ((rc = rd_store_commit(s))) {
		rc = rd_fail(RD_EDB, errmsg, "commit failed");
	}
	if (rc == RD_OK && n)
		*n = (int)json_array_size(ids);
	json_decref(ids);
	return rc;
}

enum rd_err rd_portal_list(struct rd_store *s, const char *contact, int64_t now, json_t **out,
			   char **errmsg)
{
	int64_t cid = 0, client;
	enum rd_err rc;
	if (contact && (rc = find_contact(s, contact, &cid, &client, errmsg)))
		return rc;
	struct rd_stmt *st;
	if (rd_store_prepare(s, "SELECT l.id, c.email, l.client_id, (SELECT email FROM users u WHERE u.id = "
			     "l.created_by), l.created_at, l.expires_at, "
			     "l.revoked_at, l.last_used_at FROM portal_links l JOIN contacts c ON c.id = "
			     "l.contact_id WHERE ?1 = 0 OR l.contact_id = ?1 ORDER BY l.id", &st))
		return rd_fail(RD_EDB, errmsg, "reading portal links: %s", rd_store_errmsg(s));
	rd_stmt_bind_int(st, 1, cid);
	json_t *arr = json_array();
	bool row;
	while ((rc = rd_stmt_step(st, &row)) == RD_OK && row) {
		char b1[RD_TIME_BUFSZ], b2[RD_TIME_BUFSZ], b3[RD_TIME_BUFSZ], b4[RD_TIME_BUFSZ];
		int64_t exp = rd_stmt_col_int(st, 5);
		bool revoked = !rd_stmt_col_null(st, 6);
		json_array_append_new(arr, json_pack("{sI ss sI ss? ss ss ss* ss* ss}",
			"id", (json_int_t)rd_stmt_col_int(st, 0), "contact", rd_stmt_col_text(st, 1),
			"client_id", (json_int_t)rd_stmt_col_int(st, 2), "created_by", rd_stmt_col_text(st, 3),
			"created_at", rd_time_format(rd_stmt_col_int(st, 4), b1),
			"expires_at", rd_time_format(exp, b2),
			"revoked_at", revoked ? rd_time_format(rd_stmt_col_int(st, 6), b3) : NULL,
			"last_used_at", rd_stmt_col_null(st, 7) ? NULL : rd_time_format(rd_stmt_col_int(st, 7), b4),
			"state", revoked ? "revoked" : exp <= now ? "expired" : "live"));
	}
	rd_stmt_free(st);
	if (rc) {
		json_decref(arr);
		return rd_fail(RD_EDB, errmsg, "reading portal links failed");
	}
	*out = arr;
	return RD_OK;
}

enum rd_err rd_portal_enter(struct rd_store *s, const char *link_token, int64_t now,
			    char **session, char **errmsg)
{
	if (!rd_token_shape(link_token, "rdp_"))
		return rd_fail(RD_ENOTFOUND, errmsg, "this link is not valid (it may have expired or been revoked)");
	char hash[RD_TOKEN_HASHSZ];
	rd_token_hash(link_token, hash);
	struct rd_stmt *st;
	if (rd_store_prepare(s, "SELECT id, contact_id, client_id, expires_at FROM portal_links WHERE "
			     "token_hash = ?1 AND revoked_at IS NULL AND expires_at > ?2", &st))
		return rd_fail(RD_EDB, errmsg, "reading portal links: %s", rd_store_errmsg(s));
	rd_stmt_bind_text(st, 1, hash);
	rd_stmt_bind_int(st, 2, now);
	bool row = false;
	int64_t lid = 0, contact = 0, client = 0, expires = 0;
	enum rd_err rc = rd_stmt_step(st, &row);
	if (rc == RD_OK && row) {
		lid = rd_stmt_col_int(st, 0);
		contact = rd_stmt_col_int(st, 1);
		client = rd_stmt_col_int(st, 2);
		expires = rd_stmt_col_int(st, 3);
	}
	rd_stmt_free(st);
	if (rc)
		return rd_fail(RD_EDB, errmsg, "reading portal links failed");
	if (!row)
		return rd_fail(RD_ENOTFOUND, errmsg, "this link is not valid (it may have expired or been revoked)");
	int64_t sess_exp = now + 7 * 86400;
	if (sess_exp > expires)
		sess_exp = expires;
	if ((rc = rd_store_begin(s)))
		return rd_fail(rc, errmsg, "cannot start a transaction");
	rc = rd_store_exec(s, NULL, "UPDATE portal_links SET last_used_at = ?1 WHERE id = ?2", "ii", now, lid);
	if (rc)
		rc = rd_fail(RD_EDB, errmsg, "using the link: %s", rd_store_errmsg(s));
	else
		rc = rd_session_insert(s, "portal", 0, contact, client, lid, now, sess_exp, session, errmsg);
	if (rc) {
		rd_store_rollback(s);
		return rc;
	}
	if (rd_store_commit(s)) {
		free(*session);
		*session = NULL;
		return rd_fail(RD_EDB, errmsg, "commit failed");
	}
	return RD_OK;
}

/* ---- login links ---- */

/* A one-time link for staff user EMAIL: a login_links row holding the hash
 * of a PREFIX token ("rdl_" signs in, "rdr_" sets a password), valid
 * MINUTES (0: DFLT), audited with PURPOSE when not NULL. WHAT names the
 * link in messages. Admin only. *token malloc'd, CALLER frees. */
static enum rd_err link_create(struct rd_store *s, const struct rd_actor *a, const char *email, int minutes,
			       int dflt, const char *prefix, const char *purpose, const char *what, int64_t now,
			       char **token, char **errmsg)
{
	if (a->role != RD_ROLE_ADMIN)
		return rd_fail(RD_EPERM, errmsg, "only an admin may create %s links", what);
	struct rd_actor who;
	enum rd_err rc = rd_actor_for_user(s, email, &who, errmsg);
	if (rc)
		return rc;
	if (minutes <= 0)
		minutes = dflt;
	if (minutes > 7 * 24 * 60)
		return rd_fail(RD_EINVAL, errmsg, "a %s link may live at most 7 days", what);
	char tok[RD_TOKEN_BUFSZ], hash[RD_TOKEN_HASHSZ];
	rd_token_new(prefix, tok);
	rd_token_hash(tok, hash);
	int64_t lid = 0;
	if ((rc = rd_store_begin(s)))
		return rd_fail(rc, errmsg, "cannot start a transaction");
	rc = rd_store_exec(s, &lid, "INSERT INTO login_links (user_id, token_hash, created_at, expires_at) "
			   "VALUES (?1, ?2, ?3, ?4) RETURNING id", "itii", who.user_id, hash, now,
			   now + (int64_t)minutes * 60);
	if (rc == RD_OK) {
		json_t *after = json_pack("{sI}", "user_id", (json_int_t)who.user_id);
		if (after && purpose)
			json_object_set_new(after, "purpose", json_string(purpose));
		rc = after ? rd_audit(s, a, "login_link", lid, "create", NULL, after) : RD_ENOMEM;
		json_decref(after);
	}
	if (rc || rd_store_commit(s)) {
		if (rc)
			rd_store_rollback(s);
		sodium_memzero(tok, sizeof tok);
		return rd_fail(RD_EDB, errmsg, "storing the %s link: %s", what, rd_store_errmsg(s));
	}
	*token = strdup(tok);
	sodium_memzero(tok, sizeof tok);
	return *token ? RD_OK : RD_ENOMEM;
}

enum rd_err rd_login_link_create(struct rd_store *s, const struct rd_actor *a, const char *email,
				 int minutes, int64_t now, char **token, char **errmsg)
{
	return link_create(s, a, email, minutes, RD_LOGIN_LINK_MINUTES, "rdl_", NULL, "login", now, token,
			   errmsg);
}

enum rd_err rd_login_link_use(struct rd_store *s, const char *token, int64_t now, char **session,
			      char **errmsg)
{
	if (!rd_token_shape(token, "rdl_"))
		return rd_fail(RD_ENOTFOUND, errmsg, "this login link is not valid (used or expired)");
	char hash[RD_TOKEN_HASHSZ];
	rd_token_hash(token, hash);
	int64_t lid = 0, uid = 0;
	enum rd_err rc;
	if ((rc = rd_store_begin(s)))
		return rd_fail(rc, errmsg, "cannot start a transaction");
	/* Marking it used and reading it is one statement: two racing uses
	 * cannot both succeed. */
	rc = rd_store_exec(s, &lid, "UPDATE login_links SET used_at = ?1 WHERE token_hash = ?2 AND "
			   "used_at IS NULL AND expires_at > ?1 RETURNING id", "it", now, hash);
	if (rc == RD_OK)
		rc = rd_store_exec(s, &uid, "SELECT user_id FROM login_links WHERE id = ?1", "i", lid);
	struct rd_actor who;
	if (rc == RD_OK && (rc = rd_auth_actor_by_id(s, uid, &who)) == RD_OK)
		rc = rd_session_create_staff(s, uid, now, session, errmsg);
	if (rc) {
		rd_store_rollback(s);
		if (rc == RD_ENOTFOUND)
			return rd_fail(RD_ENOTFOUND, errmsg, "this login link is not valid (used or expired)");
		if (rc == RD_EPERM)
			return rd_fail(RD_EPERM, errmsg, "this account is disabled");
		return rd_fail(rc, errmsg, "using the login link failed");
	}
	if (rd_store_commit(s)) {
		free(*session);
		*session = NULL;
		return rd_fail(RD_EDB, errmsg, "commit failed");
	}
	return RD_OK;
}

/* ---- first admin ---- */

enum rd_err rd_first_admin(struct rd_store *s, const char *email, int64_t now, bool *created,
			   char **errmsg)
{
	struct rd_stmt *st = NULL;
	bool row = false;
	*created = false;
	if (rd_store_prepare(s, "SELECT role, disabled FROM users WHERE email = ?1", &st) ||
	    rd_stmt_bind_text(st, 1, email) || rd_stmt_step(st, &row)) {
		rd_stmt_free(st);
		return rd_fail(RD_EDB, errmsg, "reading users: %s", rd_store_errmsg(s));
	}
	if (row) {
		/* Never promote or re-enable someone as a side effect of starting
		 * the server: that is a decision for `user` commands. */
		enum rd_err ret = RD_OK;
		if (rd_stmt_col_int(st, 1))
			ret = rd_fail(RD_ESTATE, errmsg, "%s is a disabled user: choose another address for the "
				      "first admin", email);
		else if (strcmp(rd_stmt_col_text(st, 0), "admin") != 0)
			ret = rd_fail(RD_ESTATE, errmsg, "%s is a staff user with the role '%s', not an admin: "
				      "choose another address for the first admin", email, rd_stmt_col_text(st, 0));
		rd_stmt_free(st);
		return ret;
	}
	rd_stmt_free(st);
	struct rd_actor sys;
	rd_actor_system(&sys, "first-admin");
	sys.now = now;
	const char *at = strchr(email, '@');
	json_t *in = json_pack("{ss ss% ss}", "email", email, "name", email,
			       at ? (size_t)(at - email) : strlen(email), "role", "admin");
	if (!in)
		return rd_fail(RD_EINVAL, errmsg, "'%s' is not valid UTF-8", email);
	enum rd_err rc = rd_user_add(s, &sys, in, NULL, NULL, errmsg);
	json_decref(in);
	if (rc == RD_OK)
		*created = true;
	return rc;
}

enum rd_err rd_admin_first(struct rd_store *s, char **email, char **errmsg)
{
	struct rd_stmt *st = NULL;
	bool row = false;
	enum rd_err ret = RD_OK;
	*email = NULL;
	if (rd_store_prepare(s, "SELECT email FROM users WHERE role = 'admin' AND disabled = 0 ORDER BY id LIMIT 1",
			     &st) || rd_stmt_step(st, &row))
		ret = rd_fail(RD_EDB, errmsg, "reading users: %s", rd_store_errmsg(s));
	else if (row && !(*email = strdup(rd_stmt_col_text(st, 0))))
		ret = rd_fail(RD_ENOMEM, errmsg, "out of memory");
	rd_stmt_free(st);
	return ret;
}

/* ---- password links ---- */

/* A password link is a login_links row like a login link; its token's
 * prefix ("rdr_") differs, so the hash of one can never be presented as
 * the other. Using it sets a new password, which a login link does not. */

enum rd_err rd_password_link_create(struct rd_store *s, const struct rd_actor *a, const char *email,
				    int minutes, int64_t now, char **token, char **errmsg)
{
	return link_create(s, a, email, minutes, RD_PASSWORD_LINK_MINUTES, "rdr_", "password", "password",
			   now, token, errmsg);
}

#define LINK_GONE "this password link is not valid: it was already used, it expired, or it never existed"

enum rd_err rd_password_link_peek(struct rd_store *s, const char *token, int64_t now, char **email,
				  char **errmsg)
{
	if (!rd_token_shape(token, "rdr_"))
		return rd_fail(RD_ENOTFOUND, errmsg, LINK_GONE);
	char hash[RD_TOKEN_HASHSZ];
	rd_token_hash(token, hash);
	struct rd_stmt *st;
	if (rd_store_prepare(s, "SELECT u.email FROM login_links l JOIN users u ON u.id = l.user_id "
			     "WHERE l.token_hash = ?1 AND l.used_at IS NULL AND l.expires_at > ?2 AND "
			     "u.disabled = 0", &st))
		return rd_fail(RD_EDB, errmsg, "reading links: %s", rd_store_errmsg(s));
	rd_stmt_bind_text(st, 1, hash);
	rd_stmt_bind_int(st, 2, now);
	bool row = false;
	enum rd_err rc = rd_stmt_step(st, &row);
	if (rc == RD_OK && row && !(*email = strdup(rd_stmt_col_text(st, 0))))
		rc = RD_ENOMEM;
	rd_stmt_free(st);
	if (rc)
		return rd_fail(rc == RD_ENOMEM ? rc : RD_EDB, errmsg, "reading links failed");
	return row ? RD_OK : rd_fail(RD_ENOTFOUND, errmsg, LINK_GONE);
}

enum rd_err rd_password_link_use(struct rd_store *s, const char *token, const char *password, int64_t now,
				 char **session, char **errmsg)
{
	char *email = NULL, *name = NULL;
	int64_t uid = 0, lid = 0;
	struct rd_actor who;
	char hash[RD_TOKEN_HASHSZ], pwhash[RD_PASSWORD_HASHSZ];
	bool in_tx = false;
	*session = NULL;
	enum rd_err rc = rd_password_link_peek(s, token, now, &email, errmsg);
	if (rc)
		goto out;
	if ((rc = rd_actor_for_user(s, email, &who, errmsg)))
		goto out;
	who.now = now; /* the user sets their own password, now */
	/* the strength check refuses a password made of the user's name: a
	 * failed read of it is an error, not a weaker check */
	struct rd_stmt *st;
	if (!(rc = rd_store_prepare(s, "SELECT name FROM users WHERE id = ?1", &st))) {
		bool row = false;
		rd_stmt_bind_int(st, 1, who.user_id);
		if ((rc = rd_stmt_step(st, &row)) == RD_OK && row && rd_stmt_col_text(st, 0) &&
		    !(name = strdup(rd_stmt_col_text(st, 0))))
			rc = RD_ENOMEM;
		rd_stmt_free(st);
	}
	if (rc) {
		rc = rc == RD_ENOMEM ? rd_fail(rc, errmsg, "out of memory")
				     : rd_fail(RD_EDB, errmsg, "reading the user: %s", rd_store_errmsg(s));
		goto out;
	}
	/* A weak password leaves the link live: the user tries again. */
	if ((rc = rd_password_check(password, email, name, errmsg)))
		goto out;
	if ((rc = rd_password_hash(password, pwhash, errmsg)))
		goto out;
	rd_token_hash(token, hash);
	if ((rc = rd_store_begin(s))) {
		rc = rd_fail(RD_EDB, errmsg, "cannot start a transaction");
		goto out;
	}
	in_tx = true;
	/* Marking it used and reading it is one statement: two racing uses
	 * cannot both succeed. */
	rc = rd_store_exec(s, &lid, "UPDATE login_links SET used_at = ?1 WHERE token_hash = ?2 AND "
			   "used_at IS NULL AND expires_at > ?1 RETURNING id", "it", now, hash);
	if (rc == RD_ENOTFOUND) {
		rc = rd_fail(RD_ENOTFOUND, errmsg, LINK_GONE);
		goto out;
	}
	if (rc == RD_OK)
		rc = rd_store_exec(s, &uid, "SELECT user_id FROM login_links WHERE id = ?1", "i", lid);
	/* The new password ends every session the old one (or a thief) opened,
	 * and every other password link still in flight. */
	if (rc == RD_OK)
		rc = rd_store_exec(s, NULL, "UPDATE users SET password_hash = ?1 WHERE id = ?2", "ti", pwhash, uid);
	if (rc == RD_OK)
		rc = rd_store_exec(s, NULL, "DELETE FROM sessions WHERE user_id = ?1", "i", uid);
	if (rc == RD_OK)
		rc = rd_store_exec(s, NULL, "UPDATE login_links SET used_at = ?1 WHERE user_id = ?2 AND "
				   "used_at IS NULL", "ii", now, uid);
	/* The guesses that locked the account were against the old password:
	 * the owner may sign in with the new one at once, anywhere. */
	if (rc == RD_OK)
		rc = rd_store_exec(s, NULL, "DELETE FROM login_attempts WHERE key = 'email:' || lower(?1)", "t", email);
	if (rc == RD_OK) {
		json_t *after = json_pack("{sI}", "login_link_id", (json_int_t)lid);
		rc = rd_audit(s, &who, "user", uid, "set-password", NULL, after);
		json_decref(after);
	}
	if (rc) {
		rc = rd_fail(RD_EDB, errmsg, "setting the password: %s", rd_store_errmsg(s));
		goto out;
	}
	if ((rc = rd_session_create_staff(s, uid, now, session, errmsg)))
		goto out;
	if (rd_store_commit(s)) {
		rc = rd_fail(RD_EDB, errmsg, "commit failed");
		goto out;
	}
	in_tx = false;
out:
	if (in_tx)
		rd_store_rollback(s);
	if (rc && *session) {
		free(*session);
		*session = NULL;
	}
	sodium_memzero(pwhash, sizeof pwhash);
	free(email);
	free(name);
	return rc;
}

enum rd_err rd_password_link_request(struct rd_store *s, const char *email, int64_t now, char **token,
				     char **errmsg)
{
	struct rd_actor who, sys;
	enum rd_err rc = rd_actor_for_user(s, email, &who, errmsg);
	if (rc)
		return rc;
	int64_t recent = 0;
	if (rd_store_exec(s, &recent, "SELECT count(*) FROM login_links WHERE user_id = ?1 AND created_at > ?2",
			  "ii", who.user_id, now - 900))
		return rd_fail(RD_EDB, errmsg, "reading links: %s", rd_store_errmsg(s));
	if (recent >= 3)
		return rd_fail(RD_ESTATE, errmsg, "three links were sent in the last 15 minutes; wait");
	rd_actor_system(&sys, "password-reset");
	sys.now = now;
	return rd_password_link_create(s, &sys, who.label, 0, now, token, errmsg);
}
