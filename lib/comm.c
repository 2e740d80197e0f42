/* comm.c — the narrative: every communication in and out, with the facts
 * it stated. Logging one moves the client's recovery status along and lets
 * the clock re-evaluate the track (model_int.h rd_track_changed). */
#include <inttypes.h>
#include <string.h>

#include "model_int.h"
#include "redress/time.h"

/* The recovery status an outbound message of KIND moves an impact to, if it
 * is further along than where the impact is. */
static const char *status_after(const char *kind)
{
	static const struct { const char *kind, *status; } map[] = {
		{"apology", "apologised"},   {"rca_update", "investigating"},
		{"plan", "plan-presented"},  {"progress", "recovering"},
		{"delay", "recovering"},     {"resolution", "recovered"},
		{"follow_up", "follow-up"},  {"survey", "follow-up"},
		{"review", "follow-up"},
	};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (strcmp(map[i].kind, kind) == 0)
			return map[i].status;
	return NULL;
}

static int recovery_rank(const char *s)
{
	static const char *const order[] = {"awaiting-apology", "apologised", "investigating",
					    "plan-presented", "recovering", "recovered",
					    "follow-up", "closed"};
	for (int i = 0; i < 8; i++)
		if (s && strcmp(s, order[i]) == 0)
			return i;
	return -1;
}

enum rd_err rd_comm_log(struct rd_store *s, const struct rd_actor *a, json_t *in, int64_t *id,
			char **errmsg)
{
	enum rd_err rc = rd_require_role(a, RD_ROLE_AGENT, "logging a communication", errmsg);
	if (rc)
		return rc;
	if (!json_is_object(in))
		return rd_fail(RD_EINVAL, errmsg, "communication input must be a JSON object");
	json_t *extra = json_object();
	json_t *rec = NULL;
	int64_t cid = 0;
	if (!json_object_get(in, "at") && !json_object_get(in, "at"))
		json_object_set_new(extra, "at", json_integer(rd_time_now()));
	if (a->user_id && !json_object_get(in, "author") && !json_object_get(in, "author_id"))
		json_object_set_new(extra, "author_id", json_integer(a->user_id));
	if ((rc = rd_store_begin(s))) {
		json_decref(extra);
		return rd_fail(RD_EDB, errmsg, "cannot start a transaction");
	}
	if ((rc = rd_record_create(s, a, "communication", in, extra, &cid, errmsg)))
		goto out;
	if ((rc = rd_record_get(s, "communication", cid, &rec, errmsg)))
		goto out;
	json_int_t client = json_integer_value(json_object_get(rec, "client_id"));
	json_t *fv = json_object_get(rec, "failure_id");
	const char *dir = json_string_value(json_object_get(rec, "direction"));
	const char *kind = json_string_value(json_object_get(rec, "kind"));
	bool chase = json_is_true(json_object_get(rec, "chase"));
	if (!dir) {
		/* direction defaulted by the schema */
		dir = "out";
	}
	if (chase && strcmp(dir, "in") != 0) {
		rc = rd_fail(RD_EINVAL, errmsg, "a chase is an inbound message: use --direction in with --chase");
		goto out;
	}
	json_t *contact = json_object_get(rec, "contact_id");
	if (json_is_integer(contact)) {
		int64_t owner = 0;
		rd_store_exec(s, &owner, "SELECT client_id FROM contacts WHERE id = ?1", "i",
			      (int64_t)json_integer_value(contact));
		if (owner != client) {
			rc = rd_fail(RD_EINVAL, errmsg, "contact #%" JSON_INTEGER_FORMAT
				     " belongs to another client", json_integer_value(contact));
			goto out;
		}
	}
	if (json_is_integer(fv)) {
		int64_t fid = json_integer_value(fv), iid = 0;
		char *status = NULL;
		struct rd_stmt *st;
		rc = rd_store_prepare(s, "SELECT id, recovery_status FROM impacts WHERE failure_id = ?1 "
				      "AND client_id = ?2", &st);
		if (rc)
			goto out;
		rd_stmt_bind_int(st, 1, fid);
		rd_stmt_bind_int(st, 2, client);
		bool row = false;
		rc = rd_stmt_step(st, &row);
		if (rc == RD_OK && row) {
			iid = rd_stmt_col_int(st, 0);
			status = strdup(rd_stmt_col_text(st, 1));
		}
		rd_stmt_free(st);
		if (rc)
			goto out;
		if (!row) {
			rc = rd_fail(RD_EINVAL, errmsg, "client #%" JSON_INTEGER_FORMAT " is not affected by "
				     "failure #%" PRId64 " (record the impact first: redress impact set)",
				     client, fid);
			goto out;
		}
		const char *next = strcmp(dir, "out") == 0 ? status_after(kind) : NULL;
		if (next && recovery_rank(next) > recovery_rank(status)) {
			json_t *x = json_pack("{ss}", "recovery_status", next);
			rc = rd_record_update(s, a, "impact", iid, x, NULL, errmsg);
			json_decref(x);
		}
		free(status);
		if (rc == RD_OK)
			rc = rd_track_changed(s, fid, client, errmsg);
	} else if (chase) {
		rc = rd_fail(RD_EINVAL, errmsg, "a chase must name the failure it asks about (--failure)");
	}
out:
	if (rc)
		rd_store_rollback(s);
	else if ((rc = rd_store_commit(s)))
		rc = rd_fail(RD_EDB, errmsg, "commit failed: %s", rd_store_errmsg(s));
	if (rc == RD_OK && id)
		*id = cid;
	json_decref(extra);
	json_decref(rec);
	return rc;
}
