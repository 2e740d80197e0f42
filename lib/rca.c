/* rca.c — a failure's root-cause analysis: category, contributing
 * factors, internal findings, the client-facing explanation and the chain
 * of whys. */
#include <inttypes.h>
#include <string.h>

#include "model_int.h"

enum rd_err rd_rca_get(struct rd_store *s, int64_t failure_id, json_t **out, char **errmsg)
{
	int64_t rid;
	enum rd_err rc = rd_store_exec(s, &rid, "SELECT id FROM rcas WHERE failure_id = ?1", "i", failure_id);
	if (rc == RD_ENOTFOUND)
		return rd_fail(RD_ENOTFOUND, errmsg, "failure #%" PRId64 " has no root-cause analysis yet",
			       failure_id);
	if (rc)
		return rd_fail(RD_EDB, errmsg, "reading rca: %s", rd_store_errmsg(s));
	json_t *r;
	if ((rc = rd_record_get(s, "rca", rid, &r, errmsg)))
		return rc;
	json_t *whys = json_array();
	struct rd_stmt *st;
	if ((rc = rd_store_prepare(s, "SELECT text FROM rca_whys WHERE failure_id = ?1 ORDER BY position", &st)) ==
	    RD_OK) {
		bool row;
		rd_stmt_bind_int(st, 1, failure_id);
		while ((rc = rd_stmt_step(st, &row)) == RD_OK && row)
			json_array_append_new(whys, json_string(rd_stmt_col_text(st, 0)));
		rd_stmt_free(st);
	}
	if (rc) { /* a chain of whys read as empty would hide the error */
		json_decref(whys);
		json_decref(r);
		return rd_fail(RD_EDB, errmsg, "reading the whys: %s", rd_store_errmsg(s));
	}
	json_object_set_new(r, "whys", whys);
	*out = r;
	return RD_OK;
}

enum rd_err rd_rca_set(struct rd_store *s, const struct rd_actor *a, int64_t failure_id, json_t *in,
		       char **errmsg)
{
	enum rd_err rc = rd_require_role(a, RD_ROLE_AGENT, "recording a root cause", errmsg);
	if (rc)
		return rc;
	if (!json_is_object(in))
		return rd_fail(RD_EINVAL, errmsg, "rca input must be a JSON object");
	json_t *fields = json_deep_copy(in);
	json_t *whys = json_incref(json_object_get(fields, "whys"));
	json_object_del(fields, "whys");
	if (whys && !json_is_array(whys)) {
		rc = rd_fail(RD_EINVAL, errmsg, "rca.whys must be a list of sentences");
		goto done;
	}
	if ((rc = rd_store_begin(s))) {
		rc = rd_fail(rc, errmsg, "cannot start a transaction");
		goto done;
	}
	int64_t rid;
	json_t *probe;
	if ((rc = rd_record_get(s, "failure", failure_id, &probe, errmsg)))
		goto out;
	json_decref(probe);
	rc = rd_store_exec(s, &rid, "SELECT id FROM rcas WHERE failure_id = ?1", "i", failure_id);
	if (rc == RD_ENOTFOUND) {
		json_object_set_new(fields, "failure_id", json_integer(failure_id));
		rc = rd_record_create(s, a, "rca", fields, NULL, &rid, errmsg);
	} else if (rc == RD_OK) {
		rc = rd_record_update(s, a, "rca", rid, fields, NULL, errmsg);
	} else {
		rc = rd_fail(RD_EDB, errmsg, "reading the root cause: %s", rd_store_errmsg(s));
	}
	if (rc)
		goto out;
	if (whys) {
		json_t *old;
		if ((rc = rd_rca_get(s, failure_id, &old, NULL)) == RD_OK) {
			json_t *before = json_pack("{sO}", "whys", json_object_get(old, "whys"));
			if ((rc = rd_audit(s, a, "rca_whys", failure_id, "delete", before, NULL)))
				rc = rd_fail(rc, errmsg, "writing the audit log failed: %s", rd_store_errmsg(s));
			json_decref(before);
			json_decref(old);
		} else if (rc == RD_ENOTFOUND) {
			rc = RD_OK;
		} else {
			rc = rd_fail(rc, errmsg, "reading the whys: %s", rd_store_errmsg(s));
		}
		if (rc == RD_OK && (rc = rd_store_exec(s, NULL, "DELETE FROM rca_whys WHERE failure_id = ?1", "i",
						       failure_id)))
			rc = rd_fail(RD_EDB, errmsg, "replacing whys: %s", rd_store_errmsg(s));
		size_t i;
		json_t *w;
		json_array_foreach(whys, i, w) {
			if (rc)
				break;
			json_t *row = json_pack("{sI sI sO}", "failure_id", (json_int_t)failure_id,
						"position", (json_int_t)(i + 1), "text", w);
			rc = rd_record_create(s, a, "why", row, NULL, NULL, errmsg);
			json_decref(row);
		}
	}
out:
	rc = rd_store_end(s, rc, errmsg);
done:
	json_decref(fields);
	json_decref(whys);
	return rc;
}
