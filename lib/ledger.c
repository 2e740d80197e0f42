/* ledger.c — what we promised and what we gave: commitments, goodwill and
 * the status of plan actions. Each has a small state machine (its table is
 * in schema.c, rd_machine_may judges a move); refusing a wrong transition
 * here is what makes the promise-kept rate honest. */
#include <inttypes.h>
#include <string.h>

#include "model_int.h"
#include "redress/webhook.h"

static enum rd_err load_status(struct rd_store *s, const char *entity, int64_t id, json_t **rec,
			       const char **status, char **errmsg)
{
	enum rd_err rc = rd_record_get(s, entity, id, rec, errmsg);
	if (rc)
		return rc;
	*status = json_string_value(json_object_get(*rec, "status"));
	return RD_OK;
}

enum rd_err rd_commitment_settle(struct rd_store *s, const struct rd_actor *a, int64_t id,
				 const char *status, const char *note, int64_t new_due, int64_t at,
				 char **errmsg)
{
	const struct rd_machine *m = rd_machine_find("commitment");
	enum rd_err rc = rd_machine_may(m, id, NULL, status, a->role, NULL, errmsg);
	if (rc)
		return rc;
	if (strcmp(status, "renegotiated") == 0 && (!new_due || !note || !*note))
		return rd_fail(RD_EINVAL, errmsg, "renegotiating needs the new due date (--due) and what "
			       "was agreed (--note)");
	json_t *rec = NULL, *extra = json_object();
	const char *cur;
	if ((rc = rd_store_begin(s))) {
		json_decref(extra);
		return rd_fail(rc, errmsg, "cannot start a transaction");
	}
	if ((rc = load_status(s, "commitment", id, &rec, &cur, errmsg)))
		goto out;
	if ((rc = rd_machine_may(m, id, cur, status, a->role, NULL, errmsg)))
		goto out;
	json_object_set_new(extra, "status", json_string(status));
	if (strcmp(status, "renegotiated") == 0)
		json_object_set_new(extra, "due_at", json_integer(new_due));
	else
		json_object_set_new(extra, "settled_at", json_integer(at));
	json_t *in = note ? json_pack("{ss}", "note", note) : NULL;
	if (note && !in) {
		rc = rd_fail(RD_EINVAL, errmsg, "note is not valid UTF-8");
		goto out;
	}
	rc = rd_record_update(s, a, "commitment", id, in, extra, errmsg);
	json_decref(in);
	if (rc == RD_OK && strcmp(status, "broken") == 0)
		rc = rd_webhook_emit_record(s, "commitment.broken", "commitment", id, a->now, errmsg);
out:
	rc = rd_store_end(s, rc, errmsg);
	json_decref(rec);
	json_decref(extra);
	return rc;
}

enum rd_err rd_goodwill_decide(struct rd_store *s, const struct rd_actor *a, int64_t id,
			       const char *status, const char *note, int64_t at, char **errmsg)
{
	const struct rd_machine *m = rd_machine_find("goodwill");
	enum rd_err rc = rd_machine_may(m, id, NULL, status, a->role, NULL, errmsg);
	if (rc)
		return rc;
	json_t *rec = NULL, *extra = json_object();
	const char *cur;
	if ((rc = rd_store_begin(s))) {
		json_decref(extra);
		return rd_fail(rc, errmsg, "cannot start a transaction");
	}
	if ((rc = load_status(s, "goodwill", id, &rec, &cur, errmsg)))
		goto out;
	if ((rc = rd_machine_may(m, id, cur, status, a->role, NULL, errmsg)))
		goto out;
	json_object_set_new(extra, "status", json_string(status));
	json_object_set_new(extra, "decided_at", json_integer(at));
	if (strcmp(status, "approved") == 0 && a->user_id)
		json_object_set_new(extra, "approver_id", json_integer(a->user_id));
	json_t *in = note ? json_pack("{ss}", "note", note) : NULL;
	if (note && !in) {
		rc = rd_fail(RD_EINVAL, errmsg, "note is not valid UTF-8");
		goto out;
	}
	rc = rd_record_update(s, a, "goodwill", id, in, extra, errmsg);
	json_decref(in);
out:
	rc = rd_store_end(s, rc, errmsg);
	json_decref(rec);
	json_decref(extra);
	return rc;
}

enum rd_err rd_plan_action_set_status(struct rd_store *s, const struct rd_actor *a, int64_t id,
				      const char *status, const char *evidence, int64_t at,
				      char **errmsg)
{
	const struct rd_machine *m = rd_machine_find("plan_action");
	enum rd_err rc = rd_machine_may(m, id, NULL, status, a->role, NULL, errmsg);
	if (rc)
		return rc;
	bool done = strcmp(status, "done") == 0;
	if (done && (!evidence || !*evidence))
		return rd_fail(RD_EINVAL, errmsg, "marking an action done needs its evidence (--evidence): "
			       "how do we know the success criterion is met?");
	json_t *rec = NULL, *extra = json_object();
	const char *cur;
	if ((rc = rd_store_begin(s))) {
		json_decref(extra);
		return rd_fail(rc, errmsg, "cannot start a transaction");
	}
	if ((rc = load_status(s, "plan_action", id, &rec, &cur, errmsg)))
		goto out;
	if ((rc = rd_machine_may(m, id, cur, status, a->role, NULL, errmsg)))
		goto out;
	json_object_set_new(extra, "status", json_string(status));
	if (done) {
		json_object_set_new(extra, "evidence", json_string(evidence));
		json_object_set_new(extra, "done_at", json_integer(at));
		if (!json_object_get(extra, "evidence")) {
			rc = rd_fail(RD_EINVAL, errmsg, "evidence is not valid UTF-8");
			goto out;
		}
	}
	rc = rd_record_update(s, a, "plan_action", id, NULL, extra, errmsg);
out:
	rc = rd_store_end(s, rc, errmsg);
	json_decref(rec);
	json_decref(extra);
	return rc;
}
