/* actor.c — staff users, roles and who is acting. Passwords are hashed
 * with argon2id (libsodium's crypto_pwhash_str, interactive limits), never
 * stored or logged in clear; a new password must pass libpwquality's
 * strength check (with cracklib's dictionary) before it is hashed. */
#include <ctype.h>
#include <pthread.h>
#include <pwquality.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "model_int.h"
#include "redress/model.h"
#include "redress/store.h"

static const char *const role_names[] = {"viewer", "agent", "manager", "admin"};

const char *rd_role_name(enum rd_role r)
{
	return (unsigned)r < 4 ? role_names[r] : "viewer";
}

/* Every domain file asks this before a write that needs a role; it lives
 * with the roles, so asking it does not tie a file to failure.c. */
enum rd_err rd_require_role(const struct rd_actor *a, enum rd_role role, const char *what,
			    char **errmsg)
{
	if (a->role >= role)
		return RD_OK;
	return rd_fail(RD_EPERM, errmsg, "%s needs role %s or higher (you are %s)", what,
		       rd_role_name(role), rd_role_name(a->role));
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
		char hash[RD_PASSWORD_HASHSZ];
		if ((rc = rd_password_check(password, json_string_value(json_object_get(in, "email")),
					    json_string_value(json_object_get(in, "name")), errmsg)))
			goto out;
		if ((rc = rd_password_hash(password, hash, errmsg)))
			goto out;
		json_object_set_new(extra, "password_hash", json_string(hash));
	}
	rc = rd_record_create(s, a, "user", in, extra, id, errmsg);
out:
	json_decref(extra);
	return rc;
}

enum rd_err rd_user_update(struct rd_store *s, const struct rd_actor *a, int64_t id, json_t *in,
			   char **errmsg)
{
	if (a->role != RD_ROLE_ADMIN && a->user_id != id)
		return rd_fail(RD_EPERM, errmsg, "only an admin may change another user");
	const char *key;
	json_t *v;
	json_object_foreach(in, key, v) {
		if (strcmp(key, "name") && strcmp(key, "title") && strcmp(key, "phone"))
			return rd_fail(RD_EINVAL, errmsg, "user: '%s' cannot be changed here (name, title, phone)", key);
	}
	return rd_record_update(s, a, "user", id, in, NULL, errmsg);
}

/* An argon2id hash of a random secret, made once with the same limits as
 * every stored password, for rd_user_check_password's unknown-user path. */
static char dummy[crypto_pwhash_STRBYTES];
static pthread_once_t dummy_once = PTHREAD_ONCE_INIT;

static void dummy_make(void)
{
	unsigned char secret[32];
	if (sodium_init() < 0)
		return;
	randombytes_buf(secret, sizeof secret);
	if (crypto_pwhash_str(dummy, (const char *)secret, sizeof secret, crypto_pwhash_OPSLIMIT_INTERACTIVE,
			      crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		dummy[0] = '\0';
	sodium_memzero(secret, sizeof secret);
}

static const char *dummy_hash(void)
{
	pthread_once(&dummy_once, dummy_make);
	return dummy[0] ? dummy : NULL;
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
	} else if (rc == RD_OK) {
		/* No such user, no password yet, or disabled: verify against a
		 * dummy hash anyway, so the answer takes as long as a real one
		 * and its timing does not tell which emails have accounts. */
		const char *dummy = dummy_hash();
		if (dummy && crypto_pwhash_str_verify(dummy, password, strlen(password)) == 0)
			ok = false; /* cannot happen: nobody knows the dummy's secret */
	}
	rd_stmt_free(st);
	if (rc)
		return rd_fail(RD_EDB, errmsg, "reading users failed");
	if (!ok)
		return rd_fail(RD_EPERM, errmsg, "wrong email or password");
	return RD_OK;
}

/* ---- password strength ---- */

/* libpwquality's settings are read once (the system's
 * /etc/security/pwquality.conf, if any, is the operator's policy); the
 * check runs under a mutex because cracklib's dictionary lookup keeps
 * state between calls. */
static pthread_mutex_t pwq_lock = PTHREAD_MUTEX_INITIALIZER;
static pwquality_settings_t *pwq;

static enum rd_err pwq_check_one(const char *password, const char *user, char **errmsg)
{
	void *aux = NULL;
	int score = pwquality_check(pwq, password, NULL, user, &aux);
	if (score >= 0)
		return RD_OK;
	char buf[PWQ_MAX_ERROR_MESSAGE_LEN];
	const char *why = pwquality_strerror(buf, sizeof buf, score, aux);
	/* "The password is…" reads as part of our sentence in lower case. */
	char first = why && *why ? (char)tolower((unsigned char)why[0]) : 't';
	return rd_fail(RD_EINVAL, errmsg, "weak password: %c%s", first, why && *why ? why + 1 : "oo weak");
}

enum rd_err rd_password_check(const char *password, const char *email, const char *name, char **errmsg)
{
	if (!password || !*password)
		return rd_fail(RD_EINVAL, errmsg, "weak password: the password is empty");
	/* cracklib looks for a "user name" in the password: the whole email,
	 * its local part (too short ones are skipped by cracklib) and the
	 * display name each get a turn. */
	char local[128] = "";
	if (email) {
		size_t n = strcspn(email, "@");
		snprintf(local, sizeof local, "%.*s", (int)(n < sizeof local ? n : sizeof local - 1), email);
	}
	enum rd_err rc = RD_OK;
	pthread_mutex_lock(&pwq_lock);
	if (!pwq) {
		pwq = pwquality_default_settings();
		if (pwq)
			pwquality_read_config(pwq, NULL, NULL);
	}
	if (!pwq) {
		rc = rd_fail(RD_ENOMEM, errmsg, "the password check could not start (out of memory)");
		goto out;
	}
	const char *context[] = {email, local[0] ? local : NULL, name};
	for (int i = 0; i < 3 && rc == RD_OK; i++)
		if (i == 0 || (context[i] && *context[i]))
			rc = pwq_check_one(password, context[i], errmsg);
out:
	pthread_mutex_unlock(&pwq_lock);
	return rc;
}

_Static_assert(RD_PASSWORD_HASHSZ == crypto_pwhash_STRBYTES, "RD_PASSWORD_HASHSZ is libsodium's size");

enum rd_err rd_password_hash(const char *password, char out[RD_PASSWORD_HASHSZ], char **errmsg)
{
	if (sodium_init() < 0 ||
	    crypto_pwhash_str(out, password, strlen(password), crypto_pwhash_OPSLIMIT_INTERACTIVE,
			      crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		return rd_fail(RD_ENOMEM, errmsg, "password hashing failed (out of memory)");
	return RD_OK;
}
