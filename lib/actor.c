/* actor.c — staff users, roles and who is acting. Passwords are hashed
 * with argon2id (libsodium's crypto_pwhash_str, interactive limits), never
 * stored or logged in clear. */
#include <sodium.h>
#include <string.h>

#include "redress/model.h"
#include "redress/store.h"

static const char *const role_names[] = {"viewer", "agent", "manager", "admin"};

const char *rd_role_name(enum rd_role r)
{
	return (unsigned)r < 4 ? role_names[r] : "viewer";
}

enum rd_err rd_role_parse(const char *s, enum rd_role *out)
{
	for (int i = 0; i < 4; i++) {
		if (s && strcmp(s, role_names[i]) == 0) {
			*out = (enum rd_role)i;
			return RD_OK;
		}
	}
	return RD_EINVAL;
}

void rd_actor_system(struct rd_actor *a, const char *label)
{
	memset(a, 0, sizeof *a);
	a->role = RD_ROLE_ADMIN;
	snprintf(a->label, sizeof a->label, "system:%s", label ? label : "cli");
}

enum rd_err rd_actor_for_user(struct rd_store *s, const char *email, struct rd_actor *a, char **errmsg)
{
	struct rd_stmt *st;
	if (rd_store_prepare(s, "SELECT id, role, email, disabled FROM users WHERE email = ?1", &st))
		return rd_fail(RD_EDB, errmsg, "reading users: %s", rd_store_errmsg(s));
	rd_stmt_bind_text(st, 1, email);
	bool row = false;
	enum rd_err rc = rd_stmt_step(st, &row);
	if (rc == RD_OK && row) {
		memset(a, 0, sizeof *a);
		a->user_id = rd_stmt_col_int(st, 0);
		rd_role_parse(rd_stmt_col_text(st, 1), &a->role);
		snprintf(a->label, sizeof a->label, "%s", rd_stmt_col_text(st, 2));
		if (rd_stmt_col_int(st, 3))
			rc = rd_fail(RD_EPERM, errmsg, "user '%s' is disabled", email);
	}
	rd_stmt_free(st);
	if (rc)
		return rc == RD_EPERM ? rc : rd_fail(RD_EDB, errmsg, "reading users failed");
	if (!row)
		return rd_fail(RD_ENOTFOUND, errmsg, "unknown user '%s'", email);
	return RD_OK;
}

enum rd_err rd_user_add(struct rd_store *s, const struct rd_actor *a, json_t *in,
			const char *password, int64_t *id, char **errmsg)
{
	if (a->role != RD_ROLE_ADMIN)
		return rd_fail(RD_EPERM, errmsg, "only an admin may add users");
	json_t *extra = json_object();
	enum rd_err rc = RD_OK;
	if (password) {
		if (strlen(password) < 8) {
			rc = rd_fail(RD_EINVAL, errmsg, "password must be at least 8 characters");
			goto out;
		}
		char hash[crypto_pwhash_STRBYTES];
		if (sodium_init() < 0 ||
		    crypto_pwhash_str(hash, password, strlen(password), crypto_pwhash_OPSLIMIT_INTERACTIVE,
				      crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
			rc = rd_fail(RD_ENOMEM, errmsg, "password hashing failed (out of memory)");
			goto out;
		}
		json_object_set_new(extra, "password_hash", json_string(hash));
	}
	rc = rd_record_create(s, a, "user", in, extra, id, errmsg);
out:
	json_decref(extra);
	return rc;
}

enum rd_err rd_user_check_password(struct rd_store *s, const char *email, const char *password,
				   int64_t *id, char **errmsg)
{
	struct rd_stmt *st;
	if (rd_store_prepare(s, "SELECT id, password_hash, disabled FROM users WHERE email = ?1", &st))
		return rd_fail(RD_EDB, errmsg, "reading users: %s", rd_store_errmsg(s));
	rd_stmt_bind_text(st, 1, email);
	bool row = false;
	enum rd_err rc = rd_stmt_step(st, &row);
	bool ok = false;
	if (rc == RD_OK && row && !rd_stmt_col_null(st, 1) && !rd_stmt_col_int(st, 2)) {
		const char *hash = rd_stmt_col_text(st, 1);
		ok = sodium_init() >= 0 && crypto_pwhash_str_verify(hash, password, strlen(password)) == 0;
		*id = rd_stmt_col_int(st, 0);
	}
	rd_stmt_free(st);
	if (rc)
		return rd_fail(RD_EDB, errmsg, "reading users failed");
	if (!ok)
		return rd_fail(RD_EPERM, errmsg, "wrong email or password");
	return RD_OK;
}
