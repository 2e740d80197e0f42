/* settings.h — installation settings kept in the database (table settings,
 * migration 0004) and the one users see: the base URL that printed links
 * (login links, portal invitations, the survey link in drafts) start with.
 *
 * A link's base is, in order: an explicit value the caller passes (the
 * --base-url option, else $REDRESS_BASE_URL: the CLI and the server read
 * options and the environment, the library never does), else the address
 * the last `redress serve` recorded when it started listening, else
 * RD_BASE_URL_DEFAULT (serve's default address).
 *
 * Ownership: `char **` outputs are malloc'd strings the CALLER frees;
 * `char **errmsg` as in err.h. */
#ifndef REDRESS_SETTINGS_H
#define REDRESS_SETTINGS_H
#include <stdint.h>

#include "redress/err.h"
#include "redress/store.h"

#define RD_BASE_URL_DEFAULT "http://127.0.0.1:8080"
/* The longest base URL accepted, so that every link built on it fits. */
#define RD_BASE_URL_MAX 300
/* The settings key serve records its base URL under. */
#define RD_SETTING_BASE_URL "server.base_url"

/* *value gets a copy of KEY's value, or NULL when KEY was never set. */
enum rd_err rd_setting_get(struct rd_store *s, const char *key, char **value, char **errmsg);
/* Sets KEY to VALUE (insert or replace), stamped NOW. */
enum rd_err rd_setting_set(struct rd_store *s, const char *key, const char *value, int64_t now,
			   char **errmsg);

/* RD_OK when URL can start a link: http:// or https://, then a host, at
 * most RD_BASE_URL_MAX characters, and no space, control character, quote,
 * angle bracket, query or fragment.
 * Else RD_EINVAL with a message that names WHAT ("--base-url" …). */
enum rd_err rd_base_url_check(const char *url, const char *what, char **errmsg);

/* *out gets the base for printed links, without a trailing slash, by the
 * order above. EXPLICIT_URL may be NULL; WHAT names it in errors. A bad
 * explicit or recorded value is RD_EINVAL, never silently replaced. */
enum rd_err rd_base_url_resolve(struct rd_store *s, const char *explicit_url, const char *what,
				char **out, char **errmsg);

/* Records URL (checked, trailing slashes dropped) as the base the running
 * server answers on; serve calls it once it listens. */
enum rd_err rd_base_url_record(struct rd_store *s, const char *url, int64_t now, char **errmsg);

#endif
