/* auth.h — credentials that are not passwords: API bearer tokens, browser
 * sessions (staff and portal), client-portal magic links, one-time login
 * links, and the failed-login counter behind rate limiting.
 *
 * Every secret is 32 random bytes from libsodium (randombytes_buf), shown
 * once as text with a prefix that says what it is ("rdt_" API token, "rds_"
 * session, "rdp_" portal link, "rdl_" login link, "rdr_" password link) and
 * stored only as its
 * BLAKE2b hash (crypto_generichash, hex). Lookups hash what was presented and
 * compare hashes, so a database copy lets no one log in.
 *
 * Ownership: `char **token` outputs are malloc'd strings the CALLER frees
 * (and should wipe); `char **errmsg` as in err.h. */
#ifndef REDRESS_AUTH_H
#define REDRESS_AUTH_H
#include <stdbool.h>
#include <stdint.h>

#include "redress/model.h"
#include "redress/store.h"

/* Text of a token: 4-byte prefix + 64 hex digits + NUL. */
#define RD_TOKEN_BUFSZ 72
/* Hex hash of a token: 64 hex digits + NUL. */
#define RD_TOKEN_HASHSZ 65

#define RD_PORTAL_LINK_DAYS 30      /* default lifetime of a portal link */
#define RD_PORTAL_LINK_MAX_DAYS 90  /* longest accepted: --days / "days" 1..90 */
#define RD_LOGIN_LINK_MINUTES 60
#define RD_SESSION_HOURS 12
#define RD_PASSWORD_LINK_MINUTES 60
/* How long "ADDR signed in as EMAIL" is remembered (rd_login_remember). */
#define RD_LOGIN_KNOWN_DAYS 30

/* Writes a fresh token "PREFIX<64 hex>" into out (RD_TOKEN_BUFSZ bytes). */
void rd_token_new(const char *prefix, char out[RD_TOKEN_BUFSZ]);
/* Writes the hex BLAKE2b-256 hash of TOKEN into out. */
void rd_token_hash(const char *token, char out[RD_TOKEN_HASHSZ]);
/* Constant-time comparison of two NUL-terminated strings. */
bool rd_token_equal(const char *a, const char *b);

/* ---- API tokens (table api_tokens) ---- */

/* Creates a token for the staff user EMAIL (admin only, or the user
 * themselves). *token gets the text, shown once; *id the row id. */
enum rd_err rd_api_token_create(struct rd_store *s, const struct rd_actor *a, const char *email,
				const char *label, char **token, int64_t *id, char **errmsg);
/* Revokes token ID (admin, or its owner). RD_ESTATE if already revoked. */
enum rd_err rd_api_token_revoke(struct rd_store *s, const struct rd_actor *a, int64_t id,
				char **errmsg);
/* Lists tokens (never their hashes) of EMAIL, or of everyone when NULL, as
 * a new JSON array in *out. */
enum rd_err rd_api_token_list(struct rd_store *s, const char *email, json_t **out, char **errmsg);
/* The actor a presented token stands for. RD_EPERM (with a message that
 * does not say why, on purpose) when unknown, revoked or the user disabled.
 * out->now is 0: the caller sets the time the actor acts at (model.h). */
enum rd_err rd_api_token_auth(struct rd_store *s, const char *token, struct rd_actor *out,
			      char **errmsg);

/* ---- browser sessions (table sessions) ---- */

struct rd_session {
	int64_t id;
	bool portal;              /* a client contact's session, not staff */
	struct rd_actor actor;    /* staff: the user, acting at the lookup's NOW; portal: zeroed */
	int64_t contact_id;       /* portal only */
	int64_t client_id;        /* portal only */
	char csrf[RD_TOKEN_BUFSZ];/* the session's CSRF secret */
	int64_t expires_at;
};

/* Starts a staff session for USER_ID at NOW. *token is the cookie value. */
enum rd_err rd_session_create_staff(struct rd_store *s, int64_t user_id, int64_t now,
				    char **token, char **errmsg);
/* Resolves a cookie value. RD_ENOTFOUND when unknown or expired, or (portal)
 * when its link has since been revoked or expired; RD_EPERM for a disabled
 * user. PORTAL says which kind is wanted: the other kind is RD_ENOTFOUND, so
 * a portal cookie can never stand in for a staff one. */
enum rd_err rd_session_lookup(struct rd_store *s, const char *token, bool portal, int64_t now,
			      struct rd_session *out, char **errmsg);
/* Ends a session (logout). Unknown tokens are not an error. */
enum rd_err rd_session_destroy(struct rd_store *s, const char *token);

/* ---- client-portal magic links (table portal_links) ---- */

/* Creates a link for the contact CONTACT (email or id), valid DAYS days:
 * 1 to RD_PORTAL_LINK_MAX_DAYS, anything else is RD_EINVAL (callers pass
 * RD_PORTAL_LINK_DAYS when the user gave none). The link records the
 * inviting user's id (NULL for the system). Agent or higher. *token is the
 * secret part of the URL (/portal/enter/TOKEN). */
enum rd_err rd_portal_invite(struct rd_store *s, const struct rd_actor *a, const char *contact,
			     int64_t days, int64_t now, char **token, int64_t *id, char **errmsg);
/* Revokes link ID, or (contact != NULL) every live link of that contact.
 * *n gets how many were revoked. Agent or higher. */
enum rd_err rd_portal_revoke(struct rd_store *s, const struct rd_actor *a, int64_t id,
			     const char *contact, int64_t now, int *n, char **errmsg);
/* Lists links (never hashes), of one contact or all, as a new JSON array. */
enum rd_err rd_portal_list(struct rd_store *s, const char *contact, int64_t now, json_t **out,
			   char **errmsg);
/* Exchanges a live link for a portal session: *session is the cookie value.
 * RD_ENOTFOUND for an unknown, expired or revoked link. */
enum rd_err rd_portal_enter(struct rd_store *s, const char *link_token, int64_t now,
			    char **session, char **errmsg);

/* ---- one-time login links (table login_links) ---- */

/* Creates a one-time link for staff user EMAIL (admin, or the system),
 * valid MINUTES (0 = RD_LOGIN_LINK_MINUTES). */
enum rd_err rd_login_link_create(struct rd_store *s, const struct rd_actor *a, const char *email,
				 int minutes, int64_t now, char **token, char **errmsg);
/* Uses a login link once: marks it used and starts a staff session.
 * RD_ENOTFOUND when unknown, used or expired. */
enum rd_err rd_login_link_use(struct rd_store *s, const char *token, int64_t now, char **session,
			      char **errmsg);

/* ---- one-time password links (table login_links, token "rdr_") ---- */

/* Creates a one-time link that lets staff user EMAIL set a new password,
 * valid MINUTES (0 = RD_PASSWORD_LINK_MINUTES). Admin, or the system (the
 * sign-in page's "Forgot your password?" acts as the system). */
enum rd_err rd_password_link_create(struct rd_store *s, const struct rd_actor *a, const char *email,
				    int minutes, int64_t now, char **token, char **errmsg);
/* The "Forgot your password?" request: a link for EMAIL as the system.
 * RD_ENOTFOUND for an unknown email, RD_EPERM for a disabled user,
 * RD_ESTATE when three links were made for the user in the last 15
 * minutes (so the form cannot be used to flood a mailbox or the log). */
enum rd_err rd_password_link_request(struct rd_store *s, const char *email, int64_t now, char **token,
				     char **errmsg);
/* The email of the user whose live link TOKEN is (*email malloc'd, CALLER
 * frees). RD_ENOTFOUND when unknown, used, expired or the user disabled. */
enum rd_err rd_password_link_peek(struct rd_store *s, const char *token, int64_t now, char **email,
				  char **errmsg);
/* Sets PASSWORD through link TOKEN: checks its strength (RD_EINVAL with
 * rd_password_check's message; the link stays live), then in one
 * transaction marks the link used, stores the new hash, ends every session
 * and every other live link of the user, clears the account's failed
 * sign-ins ("email:…"), audits, and starts a new staff session (*session,
 * the cookie value). RD_ENOTFOUND as for peek. */
enum rd_err rd_password_link_use(struct rd_store *s, const char *token, const char *password, int64_t now,
				 char **session, char **errmsg);

/* ---- first admin ---- */

/* Makes sure EMAIL is an admin who can be given a login link (serve
 * --first-admin): when no user has that address, adds EMAIL as an admin
 * without a password (*created true), created at NOW, whether or not other admins exist
 * (so it works on the demo data too); when EMAIL is already an enabled
 * admin, does nothing (*created false). RD_ESTATE, changing nothing, when
 * EMAIL is a user with another role or disabled: never promotes anyone. */
enum rd_err rd_first_admin(struct rd_store *s, const char *email, int64_t now, bool *created,
			   char **errmsg);
/* *email gets a copy of the address of the oldest enabled admin, or NULL
 * when there is none (serve's sign-in hint). */
enum rd_err rd_admin_first(struct rd_store *s, char **email, char **errmsg);

/* ---- failed logins ---- */

/* Records one failure for KEY ("email:…" per account, "ip:…" per address)
 * and prunes failures older than a day. */
enum rd_err rd_login_failed(struct rd_store *s, const char *key, int64_t now);
/* *wait: seconds until KEY has fewer than MAX failures in the WINDOW
 * seconds before NOW (for Retry-After); 0 when it already has. */
enum rd_err rd_login_wait(struct rd_store *s, const char *key, int max, int64_t window, int64_t now,
			  int64_t *wait);
/* Remembers a successful sign-in under KEY ("ok:ADDR EMAIL") for
 * RD_LOGIN_KNOWN_DAYS; rd_login_known says whether it is remembered. */
enum rd_err rd_login_remember(struct rd_store *s, const char *key, int64_t now);
enum rd_err rd_login_known(struct rd_store *s, const char *key, int64_t now, bool *known);

#endif
