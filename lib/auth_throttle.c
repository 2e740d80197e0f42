/* auth_throttle.c — the failed-login counter behind sign-in throttling
 * (per account "email:…" and per address "ip:…", counted in
 * login_attempts and pruned after a day) and the "signed in from here
 * before" marks kept for RD_LOGIN_KNOWN_DAYS. */
#include <inttypes.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "auth_int.h"
#include "model_int.h"
#include "redress/auth.h"
#include "redress/time.h"

/* ---- failed logins ---- */

enum rd_err rd_login_failed(struct rd_store *s, const char *key, int64_t now)
{
	enum rd_err rc = rd_store_exec(s, NULL, "INSERT INTO login_attempts (key, at) VALUES (?1, ?2)", "ti",
				       key, now);
	/* Failures matter for minutes, "signed in from here" marks for weeks. */
	if (rc == RD_OK)
		rc = rd_store_exec(s, NULL, "DELETE FROM login_attempts WHERE (at < ?1 AND key NOT LIKE 'ok:%') "
				   "OR at < ?2", "ii", now - 86400, now - RD_LOGIN_KNOWN_DAYS * 86400);
	return rc;
}

/* ---- throttling helpers ---- */

enum rd_err rd_login_wait(struct rd_store *s, const char *key, int max, int64_t window, int64_t now,
			  int64_t *wait)
{
	/* The MAX-th newest failure in the window: once it leaves the window,
	 * fewer than MAX remain. */
	int64_t at = 0;
	*wait = 0;
	if (max <= 0)
		return RD_OK;
	enum rd_err rc = rd_store_exec(s, &at, "SELECT at FROM login_attempts WHERE key = ?1 AND at > ?2 "
				       "ORDER BY at DESC LIMIT 1 OFFSET ?3", "tii", key, now - window,
				       (int64_t)max - 1);
	if (rc == RD_ENOTFOUND)
		return RD_OK;
	if (rc == RD_OK) {
		*wait = at + window - now;
		if (*wait < 1)
			*wait = 1;
	}
	return rc;
}

enum rd_err rd_login_remember(struct rd_store *s, const char *key, int64_t now)
{
	enum rd_err rc = rd_store_exec(s, NULL, "DELETE FROM login_attempts WHERE key = ?1", "t", key);
	if (rc == RD_OK)
		rc = rd_store_exec(s, NULL, "INSERT INTO login_attempts (key, at) VALUES (?1, ?2)", "ti", key, now);
	return rc;
}

enum rd_err rd_login_known(struct rd_store *s, const char *key, int64_t now, bool *known)
{
	int64_t n = 0;
	enum rd_err rc = rd_store_exec(s, &n, "SELECT count(*) FROM login_attempts WHERE key = ?1 AND at > ?2",
				       "ti", key, now - RD_LOGIN_KNOWN_DAYS * 86400);
	*known = rc == RD_OK && n > 0;
	return rc;
}
