/* impact.c — what a failure did to one client (impacts): recorded or
 * changed per (failure, client); a new affected client may be a second
 * failure within the policy's window, which raises its risk
 * (failure.c rd_second_failure_check). */
#include "model_int.h"

enum rd_err rd_impact_set(struct rd_store *s, const struct rd_actor *a, int64_t failure_id,
			  int64_t client_id, json_t *in, int64_t *id, char **errmsg)
{
	enum rd_err rc = rd_require_role(a, RD_ROLE_AGENT, "recording an impact", errmsg);
	if (rc)
		return rc;
	int64_t iid = 0;
	if ((rc = rd_store_begin(s)))
		return rd_fail(rc, errmsg, "cannot start a transaction");
	rc = rd_store_exec(s, &iid, "SELECT id FROM impacts WHERE failure_id = ?1 AND client_id = ?2",
			   "ii", failure_id, client_id);
	if (rc == RD_ENOTFOUND) {
		json_t *fields = in ? json_deep_copy(in) : json_object();
		if (!fields)
			fields = json_object();
		json_object_set_new(fields, "failure_id", json_integer(failure_id));
		json_object_set_new(fields, "client_id", json_integer(client_id));
		rc = rd_record_create(s, a, "impact", fields, NULL, &iid, errmsg);
		json_decref(fields);
		if (rc == RD_OK) {
			int64_t detected = 0;
			rc = rd_store_exec(s, &detected, "SELECT detected_at FROM failures WHERE id = ?1", "i",
					   failure_id);
			if (rc)
				rc = rd_fail(RD_EDB, errmsg, "reading the failure: %s", rd_store_errmsg(s));
			else
				rc = rd_second_failure_check(s, a, failure_id, client_id, detected, errmsg);
		}
	} else if (rc == RD_OK) {
		rc = rd_record_update(s, a, "impact", iid, in, NULL, errmsg);
	} else {
		rc = rd_fail(RD_EDB, errmsg, "reading impacts: %s", rd_store_errmsg(s));
	}
	if (rc == RD_OK)
		rc = rd_track_changed(s, failure_id, client_id, a->now, errmsg);
	if (rc == RD_OK)
		rc = rd_track_neighbours_changed(s, failure_id, client_id, a->now, errmsg);
	rc = rd_store_end(s, rc, errmsg);
	if (rc == RD_OK && id)
		*id = iid;
	return rc;
}
