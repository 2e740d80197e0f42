/* settings.c — the settings table (key/value facts about the installation)
 * and the base URL of printed links: serve records where it really listens,
 * and every command that prints a link reads it back, so links point at the
 * running server rather than at a guess (see redress/settings.h). */
#include <stdlib.h>
#include <string.h>

#include "redress/settings.h"

enum rd_err rd_setting_get(struct rd_store *s, const char *key, char **value, char **errmsg)
{
	struct rd_stmt *st = NULL;
	enum rd_err ret = RD_OK;
	bool row = false;
	*value = NULL;
	if (rd_store_prepare(s, "SELECT value FROM settings WHERE key = ?1", &st) ||
	    rd_stmt_bind_text(st, 1, key) || rd_stmt_step(st, &row)) {
		ret = rd_fail(RD_EDB, errmsg, "reading setting %s: %s", key, rd_store_errmsg(s));
		goto out;
	}
	if (row && !(*value = strdup(rd_stmt_col_text(st, 0))))
		ret = rd_fail(RD_ENOMEM, errmsg, "out of memory");
out:
	rd_stmt_free(st);
	return ret;
}

enum rd_err rd_setting_set(struct rd_store *s, const char *key, const char *value, int64_t now,
			   char **errmsg)
{
	if (rd_store_exec(s, NULL,
			  "INSERT INTO settings (key, value, updated_at) VALUES (?1, ?2, ?3) "
			  "ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
			  "tti", key, value, now))
		return rd_fail(RD_EDB, errmsg, "writing setting %s: %s", key, rd_store_errmsg(s));
	return RD_OK;
}

enum rd_err rd_base_url_check(const char *url, const char *what, char **errmsg)
{
	size_t skip = strncmp(url, "http://", 7) == 0 ? 7 : strncmp(url, "https://", 8) == 0 ? 8 : 0;
	if (!skip)
		return rd_fail(RD_EINVAL, errmsg, "%s '%s' must start with http:// or https://", what, url);
	if (!url[skip] || url[skip] == '/')
		return rd_fail(RD_EINVAL, errmsg, "%s '%s' has no host after %.*s", what, url, (int)skip, url);
	if (strlen(url) > RD_BASE_URL_MAX)
		return rd_fail(RD_EINVAL, errmsg, "%s is longer than %d characters", what, RD_BASE_URL_MAX);
	for (const unsigned char *p = (const unsigned char *)url; *p; p++)
		if (*p <= 0x20 || *p == 0x7f || strchr("\"'<>?#\\", *p))
			return rd_fail(RD_EINVAL, errmsg,
				       "%s '%s': a base URL may not contain spaces, control characters, quotes, "
				       "angle brackets, backslashes, a query (?) or a fragment (#)", what, url);
	return RD_OK;
}

/* A copy of URL without its trailing slashes, in *out. */
static enum rd_err trimmed(const char *url, char **out, char **errmsg)
{
	size_t n = strlen(url);
	while (n > 0 && url[n - 1] == '/')
		n--;
	*out = strndup(url, n);
	return *out ? RD_OK : rd_fail(RD_ENOMEM, errmsg, "out of memory");
}

enum rd_err rd_base_url_resolve(struct rd_store *s, const char *explicit_url, const char *what,
				char **out, char **errmsg)
{
	char *recorded = NULL;
	enum rd_err ret;
	*out = NULL;
	if (explicit_url && *explicit_url) {
		if ((ret = rd_base_url_check(explicit_url, what, errmsg)) == RD_OK)
			ret = trimmed(explicit_url, out, errmsg);
		return ret;
	}
	if ((ret = rd_setting_get(s, RD_SETTING_BASE_URL, &recorded, errmsg)))
		goto out;
	if (!recorded) {
		ret = trimmed(RD_BASE_URL_DEFAULT, out, errmsg);
		goto out;
	}
	if ((ret = rd_base_url_check(recorded, "the base URL recorded by redress serve (settings table)",
				     errmsg)) == RD_OK)
		ret = trimmed(recorded, out, errmsg);
out:
	free(recorded);
	return ret;
}

enum rd_err rd_base_url_record(struct rd_store *s, const char *url, int64_t now, char **errmsg)
{
	char *t = NULL;
	enum rd_err ret = rd_base_url_check(url, "the server's base URL", errmsg);
	if (ret == RD_OK)
		ret = trimmed(url, &t, errmsg);
	if (ret == RD_OK)
		ret = rd_setting_set(s, RD_SETTING_BASE_URL, t, now, errmsg);
	free(t);
	return ret;
}
