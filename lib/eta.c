/* eta.c — a failure's ETA history: every revision with its reason (none is
 * accepted without one), whether clients were told, and the delay notice
 * each revision owes the affected clients. */
#include <inttypes.h>
#include <string.h>

#include "model_int.h"
#include "redress/webhook.h"

enum rd_err rd_eta_set(struct rd_store *s, const struct rd_actor *a, int64_t failure_id,
		       int64_t client_id, int64_t eta, const char *reason, bool told, int64_t at,
		       int64_t *id, char **errmsg)
{
	enum rd_err rc = rd_require_role(a, RD_ROLE_AGENT, "revising an ETA", errmsg);
	if (rc)
		return rc;
	const char *p = reason;
	while (p && (*p == ' ' || *p == '\t' || *p == '\n'))
		p++;
	if (!p || !*p)
		return rd_fail(RD_EINVAL, errmsg, "an ETA revision needs a reason (--reason TEXT): "
			       "clients are owed the why of every new date");
	json_t *in = json_pack("{sI sI ss sb sI}", "failure_id", (json_int_t)failure_id,
			       "eta", (json_int_t)eta, "reason", reason, "clients_told", told,
			       "at", (json_int_t)at);
	if (!in)
		return rd_fail(RD_EINVAL, errmsg, "reason is not valid UTF-8");
	if (client_id)
		json_object_set_new(in, "client_id", json_integer(client_id));
	json_t *extra = a->user_id ? json_pack("{sI}", "actor_id", (json_int_t)a->user_id) : NULL;
	if ((rc = rd_store_begin(s)))
		goto done;
	json_t *f;
	if ((rc = rd_record_get(s, "failure", failure_id, &f, errmsg)) == RD_OK) {
		const char *st = json_string_value(json_object_get(f, "status"));
		if (strcmp(st, "resolved") == 0 || strcmp(st, "closed") == 0)
			rc = rd_fail(RD_ESTATE, errmsg, "failure #%" PRId64 " is %s: its ETA is history",
				     failure_id, st);
		json_decref(f);
	}
	if (rc == RD_OK && client_id) {
		int64_t x;
		if (rd_store_exec(s, &x, "SELECT id FROM impacts WHERE failure_id = ?1 AND client_id = ?2",
				  "ii", failure_id, client_id))
			rc = rd_fail(RD_EINVAL, errmsg, "that client is not affected by failure #%" PRId64,
				     failure_id);
	}
	int64_t eid = 0;
	if (rc == RD_OK)
		rc = rd_record_create(s, a, "eta_revision", in, extra, &eid, errmsg);
	if (rc == RD_OK && id)
		*id = eid;
	if (rc == RD_OK)
		rc = rd_track_changed(s, failure_id, client_id, a->now, errmsg);
	if (rc == RD_OK)
		rc = rd_webhook_emit_record(s, "eta.revised", "eta_revision", eid, a->now, errmsg);
	rc = rd_store_end(s, rc, errmsg);
done:
	json_decref(in);
	json_decref(extra);
	return rc;
}
