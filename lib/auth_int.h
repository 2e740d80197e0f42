/* auth_int.h — what the auth_*.c files share and nothing else sees: the
 * shape check of a presented token, the staff actor behind a user id, and
 * the one session insert every way of signing in ends with. */
#ifndef REDRESS_AUTH_INT_H
#define REDRESS_AUTH_INT_H
#include <stdbool.h>
#include <stdint.h>

#include "redress/auth.h"

/* True when T is PREFIX (4 bytes) and 64 lower-case hex digits: a token as
 * presented must look like one before it costs a query (auth_token.c). */
bool rd_token_shape(const char *t, const char *prefix);

/* Fills *out with staff user UID as an actor (now 0). RD_ENOTFOUND when
 * there is no such user, RD_EPERM when disabled, RD_EDB (auth_session.c). */
enum rd_err rd_auth_actor_by_id(struct rd_store *s, int64_t uid, struct rd_actor *out);

/* Stores a session of KIND ("staff": USER_ID; "portal": CONTACT_ID,
 * CLIENT_ID, LINK_ID) created at NOW, expiring at EXPIRES, and sweeps
 * expired ones. *token gets the cookie value, malloc'd, CALLER frees
 * (auth_session.c). */
enum rd_err rd_session_insert(struct rd_store *s, const char *kind, int64_t user_id, int64_t contact_id,
			      int64_t client_id, int64_t link_id, int64_t now, int64_t expires, char **token,
			      char **errmsg);

#endif
