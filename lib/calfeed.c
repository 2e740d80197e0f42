/* calfeed.c — calendar feeds at secret, revocable URLs (/cal/<token>.ics):
 * an owner's or a client's obligations, rendered by the same
 * rd_agenda_calendar as `redress calendar`. Secrets are stored only as
 * their BLAKE2b hash, like API tokens (auth.h). */
#include <inttypes.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "model_int.h"
#include "redress/agenda.h"
#include "redress/auth.h"
#include "redress/intake.h"
#include "redress/time.h"

#define PREFIX "rdc_"

enum rd_err rd_calfeed_create(struct rd_store *s, const struct rd_actor *a, const char *owner,
			      const char *client, char **token, int64_t *id, char **errmsg)
{
	enum rd_err rc = rd_require_role(a, RD_ROLE_AGENT, "creating a calendar feed", errmsg);
	int64_t oid = 0, cid = 0, fid = 0;
	*token = NULL;
	if (rc)
		return rc;
	if (!!(owner && *owner) == !!(client && *client))
		return rd_fail(RD_EINVAL, errmsg, "a calendar feed is for one owner (email) or one client, not %s",
			       owner && *owner ? "both" : "neither");
	if (owner && *owner) {
		struct rd_actor who;
		if ((rc = rd_actor_for_user(s, owner, &who, errmsg)))
			return rc;
		oid = who.user_id;
	} else if ((rc = rd_record_lookup(s, "client", client, &cid, errmsg))) {
		return rc;
	}
	char tok[RD_TOKEN_BUFSZ], hash[RD_TOKEN_HASHSZ];
	rd_token_new(PREFIX, tok);
	rd_token_hash(tok, hash);
	if ((rc = rd_store_begin(s)))
		return rd_fail(rc, errmsg, "cannot start a transaction");
	rc = oid ? rd_store_exec(s, &fid, "INSERT INTO calendar_feeds (token_hash, owner_id, created_by, created_at) "
				 "VALUES (?1, ?2, ?3, ?4) RETURNING id", "titi", hash, oid, a->label, a->now)
		 : rd_store_exec(s, &fid, "INSERT INTO calendar_feeds (token_hash, client_id, created_by, created_at) "
				 "VALUES (?1, ?2, ?3, ?4) RETURNING id", "titi", hash, cid, a->label, a->now);
	if (rc) {
		rc = rd_fail(RD_EDB, errmsg, "storing the feed: %s", rd_store_errmsg(s));
		goto out;
	}
	json_t *after = oid ? json_pack("{sI}", "owner_id", (json_int_t)oid) : json_pack("{sI}", "client_id",
											    (json_int_t)cid);
	if ((rc = rd_audit(s, a, "calendar_feed", fid, "create", NULL, after)))
		rc = rd_fail(rc, errmsg, "writing the audit log failed: %s", rd_store_errmsg(s));
	json_decref(after);
out:
	rc = rd_store_end(s, rc, errmsg);
	if (rc == RD_OK) {
		if (!(*token = strdup(tok)))
			rc = rd_fail(RD_ENOMEM, errmsg, "out of memory");
		else if (id)
			*id = fid;
	}
	sodium_memzero(tok, sizeof tok);
	return rc;
}

enum rd_err rd_calfeed_list(struct rd_store *s, json_t **out, char **errmsg)
{
	struct rd_stmt *st;
	bool row;
	char b1[RD_TIME_BUFSZ], b2[RD_TIME_BUFSZ];
	enum rd_err rc = rd_store_prepare(s,
		"SELECT f.id, u.email, c.name, f.created_by, f.created_at, f.revoked_at FROM calendar_feeds f "
		"LEFT JOIN users u ON u.id = f.owner_id LEFT JOIN clients c ON c.id = f.client_id ORDER BY f.id",
		&st);
	if (rc)
		return rd_fail(RD_EDB, errmsg, "reading calendar feeds: %s", rd_store_errmsg(s));
	json_t *arr = json_array();
	while ((rc = rd_stmt_step(st, &row)) == RD_OK && row) {
		json_t *o = json_pack("{sI ss? ss? ss ss ss?}", "id", (json_int_t)rd_stmt_col_int(st, 0),
			"owner", rd_stmt_col_text(st, 1), "client", rd_stmt_col_text(st, 2),
			"created_by", rd_stmt_col_text(st, 3), "created_at", rd_time_format(rd_stmt_col_int(st, 4), b1),
			"revoked_at", rd_stmt_col_null(st, 5) ? NULL : rd_time_format(rd_stmt_col_int(st, 5), b2));
		json_array_append_new(arr, o);
	}
	rd_stmt_free(st);
	if (rc) {
		json_decref(arr);
		return rd_fail(RD_EDB, errmsg, "reading calendar feeds: %s", rd_store_errmsg(s));
	}
	*out = arr;
	return RD_OK;
}

enum rd_err rd_calfeed_revoke(struct rd_store *s, const struct rd_actor *a, int64_t id, int64_t now,
			      char **errmsg)
{
	enum rd_err rc = rd_require_role(a, RD_ROLE_AGENT, "revoking a calendar feed", errmsg);
	int64_t revoked = 0;
	if (rc)
		return rc;
	if ((rc = rd_store_begin(s)))
		return rd_fail(rc, errmsg, "cannot start a transaction");
	rc = rd_store_exec(s, &revoked, "SELECT coalesce(revoked_at, 0) FROM calendar_feeds WHERE id = ?1", "i", id);
	if (rc == RD_ENOTFOUND) {
		rc = rd_fail(RD_ENOTFOUND, errmsg, "no calendar feed with id %" PRId64, id);
	} else if (rc) {
		rc = rd_fail(RD_EDB, errmsg, "reading calendar feeds: %s", rd_store_errmsg(s));
	} else if (revoked) {
		rc = rd_fail(RD_ESTATE, errmsg, "calendar feed #%" PRId64 " is already revoked", id);
	} else if ((rc = rd_store_exec(s, NULL, "UPDATE calendar_feeds SET revoked_at = ?2 WHERE id = ?1", "ii",
				       id, now))) {
		rc = rd_fail(RD_EDB, errmsg, "revoking the feed: %s", rd_store_errmsg(s));
	} else {
		json_t *after = json_pack("{sI}", "revoked_at", (json_int_t)now);
		if ((rc = rd_audit(s, a, "calendar_feed", id, "revoke", NULL, after)))
			rc = rd_fail(rc, errmsg, "writing the audit log failed: %s", rd_store_errmsg(s));
		json_decref(after);
	}
	rc = rd_store_end(s, rc, errmsg);
	return rc;
}

enum rd_err rd_calfeed_render(struct rd_store *s, const char *token, int64_t now, char **ics, char **errmsg)
{
	char hash[RD_TOKEN_HASHSZ];
	struct rd_stmt *st;
	bool row = false;
	int64_t owner = 0, client = 0;
	*ics = NULL;
	/* Only something shaped like a feed token costs a query. */
	size_t n = token ? strlen(token) : 0;
	bool shape = n == 68 && strncmp(token, PREFIX, 4) == 0;
	for (size_t i = 4; shape && i < n; i++)
		shape = (token[i] >= '0' && token[i] <= '9') || (token[i] >= 'a' && token[i] <= 'f');
	if (!shape)
		return rd_fail(RD_ENOTFOUND, errmsg, "no such calendar");
	rd_token_hash(token, hash);
	if (rd_store_prepare(s, "SELECT coalesce(owner_id, 0), coalesce(client_id, 0) FROM calendar_feeds "
			     "WHERE token_hash = ?1 AND revoked_at IS NULL", &st))
		return rd_fail(RD_EDB, errmsg, "reading calendar feeds: %s", rd_store_errmsg(s));
	rd_stmt_bind_text(st, 1, hash);
	enum rd_err rc = rd_stmt_step(st, &row);
	if (rc == RD_OK && row) {
		owner = rd_stmt_col_int(st, 0);
		client = rd_stmt_col_int(st, 1);
	}
	rd_stmt_free(st);
	if (rc)
		return rd_fail(RD_EDB, errmsg, "reading calendar feeds: %s", rd_store_errmsg(s));
	if (!row)
		return rd_fail(RD_ENOTFOUND, errmsg, "no such calendar");
	return rd_agenda_calendar(s, owner, client, now, ics, errmsg);
}
