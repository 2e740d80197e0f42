/* failure.c — failures (incidents): opening one with its affected clients,
 * the disclosure decision, and the status machine: forward along open → …
 * → resolved → closed, or a reopen, which raises the risk of every client
 * it touched; a draft (opened from an alert) moves only once a person
 * confirms it. Impacts, the RCA and the ETA history are impact.c, rca.c and
 * eta.c. */
#include <inttypes.h>
#include <string.h>

#include "model_int.h"
#include "redress/agenda.h"
#include "redress/intake.h"
#include "redress/time.h"
#include "redress/webhook.h"

#define SECOND_FAILURE_WINDOW (90 * 86400)

/* Marks CLIENT elevated-risk ("a second failure is often fatal"). */
static enum rd_err elevate(struct rd_store *s, const struct rd_actor *a, int64_t client_id,
			   char **errmsg)
{
	json_t *extra = json_pack("{ss}", "risk", "elevated");
	enum rd_err rc = rd_record_update(s, a, "client", client_id, NULL, extra, errmsg);
	json_decref(extra);
	return rc;
}

/* Elevates the client when another failure touched it within 90 days
 * before DETECTED. */
enum rd_err rd_second_failure_check(struct rd_store *s, const struct rd_actor *a,
					int64_t failure_id, int64_t client_id, int64_t detected,
					char **errmsg)
{
	int64_t n = 0;
	enum rd_err rc = rd_store_exec(s, &n,
		"SELECT count(*) FROM impacts i JOIN failures f ON f.id = i.failure_id "
		"WHERE i.client_id = ?1 AND i.failure_id <> ?2 AND i.affected <> 'no' "
		"AND f.detected_at BETWEEN ?3 AND ?4", "iiii",
		client_id, failure_id, detected - SECOND_FAILURE_WINDOW, detected);
	if (rc)
		return rd_fail(RD_EDB, errmsg, "checking earlier failures: %s", rd_store_errmsg(s));
	return n > 0 ? elevate(s, a, client_id, errmsg) : RD_OK;
}

static enum rd_err add_impact(struct rd_store *s, const struct rd_actor *a, int64_t fid, int64_t cid,
			      const char *affected, int64_t detected, char **errmsg)
{
	json_t *in = json_pack("{sI sI ss}", "failure_id", (json_int_t)fid, "client_id", (json_int_t)cid,
			       "affected", affected);
	enum rd_err rc = rd_record_create(s, a, "impact", in, NULL, NULL, errmsg);
	json_decref(in);
	if (rc == RD_OK)
		rc = rd_second_failure_check(s, a, fid, cid, detected, errmsg);
	return rc;
}

static enum rd_err open_failure(struct rd_store *s, const struct rd_actor *a, json_t *in, bool draft,
				int64_t *id, char **errmsg);
static enum rd_err propose_clients(struct rd_store *s, const struct rd_actor *a, int64_t fid,
				   int64_t detected, char **errmsg);
/* The names of failure FID's services, in name order, as a new array. */
static enum rd_err service_names(struct rd_store *s, int64_t fid, json_t **out, char **errmsg)
{
	struct rd_stmt *st;
	if (rd_store_prepare(s, "SELECT s.name FROM failure_services fs JOIN services s ON s.id = fs.service_id "
			     "WHERE fs.failure_id = ?1 ORDER BY s.name", &st))
		return rd_fail(RD_EDB, errmsg, "reading the failure's services: %s", rd_store_errmsg(s));
	rd_stmt_bind_int(st, 1, fid);
	bool row;
	enum rd_err rc;
	json_t *names = json_array();
	while ((rc = rd_stmt_step(st, &row)) == RD_OK && row)
		json_array_append_new(names, json_string(rd_stmt_col_text(st, 0)));
	rd_stmt_free(st);
	if (rc) {
		json_decref(names);
		return rd_fail(RD_EDB, errmsg, "reading the failure's services: %s", rd_store_errmsg(s));
	}
	*out = names;
	return RD_OK;
}

/* The ids of the services NAMES names (borrowed: an array of names),
 * appended to IDS; a name that is not a string or not a service is
 * RD_EINVAL naming it. */
static enum rd_err service_ids(struct rd_store *s, json_t *names, json_t *ids, char **errmsg)
{
	size_t i;
	json_t *v;
	json_array_foreach(names, i, v) {
		int64_t sid;
		enum rd_err rc;
		if (!json_is_string(v))
			return rd_fail(RD_EINVAL, errmsg, "failure.services[%zu] must be a service name", i);
		if ((rc = rd_record_lookup(s, "service", json_string_value(v), &sid, errmsg)))
			return rc == RD_ENOTFOUND ? RD_EINVAL : rc;
		json_array_append_new(ids, json_integer(sid));
	}
	return RD_OK;
}

/* Replaces failure FID's services with NAMES (borrowed: an array of names
 * of existing services), proposes the clients of the services added
 * (propose_clients) and audits the change. Removing a service removes no
 * client: whether a client was hit is the lead's call. Inside the caller's
 * transaction. */
static enum rd_err set_services(struct rd_store *s, const struct rd_actor *a, int64_t fid, json_t *names,
				char **errmsg)
{
	if (!json_is_array(names))
		return rd_fail(RD_EINVAL, errmsg, "failure.services must be a list of service names");
	enum rd_err rc;
	int64_t detected = 0;
	json_t *ids = json_array(), *before = NULL, *after = NULL;
	size_t i;
	json_t *v;
	if ((rc = service_ids(s, names, ids, errmsg)))
		goto out;
	if ((rc = rd_store_exec(s, &detected, "SELECT detected_at FROM failures WHERE id = ?1", "i", fid))) {
		rc = rc == RD_ENOTFOUND ? rd_fail(RD_ENOTFOUND, errmsg, "no failure #%" PRId64, fid)
					: rd_fail(RD_EDB, errmsg, "reading the failure: %s", rd_store_errmsg(s));
		goto out;
	}
	if ((rc = service_names(s, fid, &before, errmsg)))
		goto out;
	if ((rc = rd_store_exec(s, NULL, "DELETE FROM failure_services WHERE failure_id = ?1", "i", fid))) {
		rc = rd_fail(RD_EDB, errmsg, "unlinking services: %s", rd_store_errmsg(s));
		goto out;
	}
	json_array_foreach(ids, i, v) {
		if ((rc = rd_store_exec(s, NULL, "INSERT INTO failure_services (failure_id, service_id) "
					"VALUES (?1, ?2) ON CONFLICT DO NOTHING", "ii", fid, json_integer_value(v)))) {
			rc = rd_fail(RD_EDB, errmsg, "linking service: %s", rd_store_errmsg(s));
			goto out;
		}
	}
	if ((rc = service_names(s, fid, &after, errmsg)))
		goto out;
	if (json_equal(before, after))
		goto out;
	json_t *b = json_pack("{sO}", "services", before), *f = json_pack("{sO}", "services", after);
	rc = rd_audit(s, a, "failure", fid, "services", b, f);
	json_decref(b);
	json_decref(f);
	if (rc == RD_OK)
		rc = propose_clients(s, a, fid, detected, errmsg);
	else
		rc = rd_fail(rc, errmsg, "writing the audit log failed");
out:
	json_decref(ids);
	json_decref(before);
	json_decref(after);
	return rc;
}

enum rd_err rd_failure_open(struct rd_store *s, const struct rd_actor *a, json_t *in, int64_t *id,
			    char **errmsg)
{
	return open_failure(s, a, in, false, id, errmsg);
}

enum rd_err rd_failure_open_draft(struct rd_store *s, const struct rd_actor *a, json_t *in, int64_t *id,
				  char **errmsg)
{
	return open_failure(s, a, in, true, id, errmsg);
}

/* Proposes every client using one of failure FID's services, and not yet
 * linked to it, as suspected (inside the caller's transaction). */
static enum rd_err propose_clients(struct rd_store *s, const struct rd_actor *a, int64_t fid,
				   int64_t detected, char **errmsg)
{
	enum rd_err rc;
	struct rd_stmt *st;
	if ((rc = rd_store_prepare(s,
		"SELECT DISTINCT cs.client_id FROM client_services cs JOIN failure_services fs "
		"ON fs.service_id = cs.service_id WHERE fs.failure_id = ?1 AND cs.client_id NOT IN "
		"(SELECT client_id FROM impacts WHERE failure_id = ?1) ORDER BY cs.client_id", &st)))
		return rd_fail(RD_EDB, errmsg, "finding the clients of its services: %s", rd_store_errmsg(s));
	rd_stmt_bind_int(st, 1, fid);
	bool row;
	size_t i;
	json_t *v, *suspects = json_array();
	while ((rc = rd_stmt_step(st, &row)) == RD_OK && row)
		json_array_append_new(suspects, json_integer(rd_stmt_col_int(st, 0)));
	rd_stmt_free(st);
	if (rc)
		rc = rd_fail(RD_EDB, errmsg, "finding the clients of its services: %s", rd_store_errmsg(s));
	json_array_foreach(suspects, i, v) {
		if (rc)
			break;
		rc = add_impact(s, a, fid, json_integer_value(v), "suspected", detected, errmsg);
	}
	json_decref(suspects);
	return rc;
}

enum rd_err rd_failure_add_service(struct rd_store *s, const struct rd_actor *a, int64_t id,
				   const char *service, bool *added, char **errmsg)
{
	enum rd_err rc = rd_require_role(a, RD_ROLE_AGENT, "linking a service to a failure", errmsg);
	int64_t sid = 0, detected = 0, n = 0;
	*added = false;
	if (rc)
		return rc;
	if ((rc = rd_record_lookup(s, "service", service, &sid, errmsg)))
		return rc;
	if ((rc = rd_store_begin(s)))
		return rd_fail(rc, errmsg, "cannot start a transaction");
	if ((rc = rd_store_exec(s, &detected, "SELECT detected_at FROM failures WHERE id = ?1", "i", id))) {
		rc = rc == RD_ENOTFOUND ? rd_fail(rc, errmsg, "no failure with id %" PRId64, id)
					: rd_fail(RD_EDB, errmsg, "reading the failure: %s", rd_store_errmsg(s));
		goto out;
	}
	if ((rc = rd_store_exec(s, &n, "SELECT count(*) FROM failure_services WHERE failure_id = ?1 AND "
				"service_id = ?2", "ii", id, sid))) {
		rc = rd_fail(RD_EDB, errmsg, "reading its services: %s", rd_store_errmsg(s));
		goto out;
	}
	if (n)
		goto out;
	if ((rc = rd_store_exec(s, NULL, "INSERT INTO failure_services (failure_id, service_id) VALUES (?1, ?2)",
				"ii", id, sid))) {
		rc = rd_fail(RD_EDB, errmsg, "linking service: %s", rd_store_errmsg(s));
		goto out;
	}
	json_t *after = json_pack("{sI sI}", "failure_id", (json_int_t)id, "service_id", (json_int_t)sid);
	rc = rd_audit(s, a, "failure_service", id, "create", NULL, after);
	json_decref(after);
	if (rc) {
		rc = rd_fail(rc, errmsg, "writing the audit log failed: %s", rd_store_errmsg(s));
		goto out;
	}
	*added = true;
	if ((rc = propose_clients(s, a, id, detected, errmsg)) == RD_OK)
		rc = rd_track_changed(s, id, 0, a->now, errmsg);
out:
	rc = rd_store_end(s, rc, errmsg);
	if (rc)
		*added = false;
	return rc;
}

static enum rd_err open_failure(struct rd_store *s, const struct rd_actor *a, json_t *in, bool draft,
				int64_t *id, char **errmsg)
{
	enum rd_err rc = rd_require_role(a, RD_ROLE_AGENT, "opening a failure", errmsg);
	if (rc)
		return rc;
	if (!json_is_object(in))
		return rd_fail(RD_EINVAL, errmsg, "failure input must be a JSON object");
	json_t *fields = json_deep_copy(in);
	json_t *services = json_incref(json_object_get(fields, "services"));
	json_t *clients = json_incref(json_object_get(fields, "clients"));
	json_object_del(fields, "services");
	json_object_del(fields, "clients");
	int64_t fid = 0, detected = a->now;
	if ((services && !json_is_array(services)) || (clients && !json_is_array(clients))) {
		rc = rd_fail(RD_EINVAL, errmsg, "failure.services and failure.clients must be lists of names");
		goto done;
	}
	if (!json_object_get(fields, "detected_at"))
		json_object_set_new(fields, "detected_at", json_integer(detected));
	if ((rc = rd_store_begin(s))) {
		rc = rd_fail(rc, errmsg, "cannot start a transaction");
		goto done;
	}
	/* The policy in force is recorded so the obligations stay explainable. */
	const struct rd_policy *policy = NULL;
	if ((rc = rd_policy_in_force(&policy, errmsg)))
		goto out;
	json_t *extra = json_pack("{ss ss sI}", "status", rd_status_initial("failure"), "policy_version", policy->stamp, "draft",
				  (json_int_t)draft);
	rc = rd_record_create(s, a, "failure", fields, extra, &fid, errmsg);
	json_decref(extra);
	if (rc)
		goto out;
	if ((rc = rd_store_exec(s, &detected, "SELECT detected_at FROM failures WHERE id = ?1", "i", fid))) {
		rc = rd_fail(RD_EDB, errmsg, "reading the failure: %s", rd_store_errmsg(s));
		goto out;
	}
	size_t i;
	json_t *v, *sids = json_array();
	rc = service_ids(s, services, sids, errmsg);
	json_array_foreach(sids, i, v) {
		if (rc)
			break;
		if ((rc = rd_store_exec(s, NULL, "INSERT INTO failure_services (failure_id, service_id) "
					"VALUES (?1, ?2) ON CONFLICT DO NOTHING", "ii", fid, json_integer_value(v))))
			rc = rd_fail(RD_EDB, errmsg, "linking service: %s", rd_store_errmsg(s));
	}
	json_decref(sids);
	if (rc)
		goto out;
	json_t *named = json_array();
	json_array_foreach(clients, i, v) {
		int64_t cid;
		if (!json_is_string(v)) {
			rc = rd_fail(RD_EINVAL, errmsg, "failure.clients[%zu] must be a client name", i);
			break;
		}
		if ((rc = rd_record_lookup(s, "client", json_string_value(v), &cid, errmsg))) {
			if (rc == RD_ENOTFOUND)
				rc = RD_EINVAL;
			break;
		}
		if ((rc = add_impact(s, a, fid, cid, "yes", detected, errmsg))) {
			if (rc == RD_EEXIST) {
				if (errmsg) {
					free(*errmsg);
					*errmsg = NULL;
				}
				rc = rd_fail(RD_EINVAL, errmsg, "client '%s' is named twice", json_string_value(v));
			}
			break;
		}
		json_array_append_new(named, json_integer(cid));
	}
	json_decref(named);
	if (rc)
		goto out;
	/* Clients using a hit service are proposed as suspected. */
	rc = propose_clients(s, a, fid, detected, errmsg);
	if (rc == RD_OK)
		rc = rd_track_changed(s, fid, 0, a->now, errmsg);
	if (rc == RD_OK)
		rc = rd_webhook_emit_record(s, "failure.opened", "failure", fid, a->now, errmsg);
out:
	rc = rd_store_end(s, rc, errmsg);
	if (rc == RD_OK && id)
		*id = fid;
done:
	json_decref(fields);
	json_decref(services);
	json_decref(clients);
	return rc;
}

enum rd_err rd_failure_update(struct rd_store *s, const struct rd_actor *a, int64_t id, json_t *in,
			      char **errmsg)
{
	enum rd_err rc = rd_require_role(a, RD_ROLE_AGENT, "changing a failure", errmsg);
	if (rc)
		return rc;
	if (!json_is_object(in))
		return rd_fail(RD_EINVAL, errmsg, "failure input must be a JSON object");
	if ((rc = rd_store_begin(s)))
		return rd_fail(rc, errmsg, "cannot start a transaction");
	/* services are a list beside the record, not one of its columns */
	json_t *fields = json_deep_copy(in);
	json_t *services = json_incref(json_object_get(fields, "services"));
	json_object_del(fields, "services");
	/* the tracks that count this failure where it was detected before */
	struct rd_track_ids was = {0};
	rc = rd_track_neighbours(s, id, 0, &was, errmsg);
	if (rc == RD_OK)
		rc = rd_record_update(s, a, "failure", id, fields, NULL, errmsg);
	if (rc == RD_OK && services)
		rc = set_services(s, a, id, services, errmsg);
	json_decref(fields);
	json_decref(services);
	if (rc == RD_OK)
		rc = rd_track_changed(s, id, 0, a->now, errmsg);
	if (rc == RD_OK)
		rc = rd_track_ids_refresh(s, &was, a->now, errmsg);
	rd_track_ids_free(&was);
	if (rc) {
		rd_store_rollback(s);
		return rc;
	}
	return rd_store_commit(s) ? rd_fail(RD_EDB, errmsg, "commit failed: %s", rd_store_errmsg(s)) : RD_OK;
}

enum rd_err rd_failure_set_status(struct rd_store *s, const struct rd_actor *a, int64_t id,
				  const char *status, int64_t at, char **errmsg)
{
	const struct rd_machine *m = rd_machine_find("failure");
	bool reopen = strcmp(status, "reopen") == 0 || strcmp(status, "reopened") == 0;
	const char *ask = reopen ? "reopen" : status;
	enum rd_err rc = rd_machine_may(m, id, NULL, ask, a->role, NULL, errmsg);
	if (rc)
		return rc;
	json_t *f = NULL, *extra = json_object();
	if ((rc = rd_store_begin(s))) {
		json_decref(extra);
		return rd_fail(rc, errmsg, "cannot start a transaction");
	}
	if ((rc = rd_record_get(s, "failure", id, &f, errmsg)))
		goto out;
	const char *cur = json_string_value(json_object_get(f, "status"));
	if (json_is_true(json_object_get(f, "draft"))) {
		rc = rd_fail(RD_ESTATE, errmsg, "failure #%" PRId64 " is a draft (opened from an alert): "
			     "confirm it first (redress failure confirm %" PRId64 ")", id, id);
		goto out;
	}
	const char *next = NULL;
	if ((rc = rd_machine_may(m, id, cur, ask, a->role, &next, errmsg)))
		goto out;
	int to = reopen ? 0 : strcmp(next, "resolved") == 0 ? 4 : strcmp(next, "closed") == 0 ? 5 : 0;
	json_object_set_new(extra, "status", json_string(next));
	if (reopen) {
		json_t *r = json_object_get(f, "reopened");
		json_object_set_new(extra, "reopened", json_integer(json_integer_value(r) + 1));
		json_object_set_new(extra, "resolved_at", json_null());
		json_object_set_new(extra, "closed_at", json_null());
	} else if (to == 4) {
		json_object_set_new(extra, "resolved_at", json_integer(at));
	} else if (to == 5) {
		json_object_set_new(extra, "closed_at", json_integer(at));
	}
	if (to == 4) {
		int64_t detected = 0;
		if ((rc = rd_store_exec(s, &detected, "SELECT detected_at FROM failures WHERE id = ?1", "i", id))) {
			rc = rd_fail(RD_EDB, errmsg, "reading the failure: %s", rd_store_errmsg(s));
			goto out;
		}
		if (at < detected) {
			char b1[RD_TIME_BUFSZ], b2[RD_TIME_BUFSZ];
			rc = rd_fail(RD_EINVAL, errmsg, "resolution time %s is before detection at %s",
				     rd_time_format(at, b1), rd_time_format(detected, b2));
			goto out;
		}
	}
	if (to == 5) {
		int64_t resolved = 0;
		if ((rc = rd_store_exec(s, &resolved, "SELECT coalesce(resolved_at, 0) FROM failures WHERE id = ?1",
					"i", id))) {
			rc = rd_fail(RD_EDB, errmsg, "reading the failure: %s", rd_store_errmsg(s));
			goto out;
		}
		if (at < resolved) {
			char b1[RD_TIME_BUFSZ], b2[RD_TIME_BUFSZ];
			rc = rd_fail(RD_EINVAL, errmsg, "closing time %s is before resolution at %s",
				     rd_time_format(at, b1), rd_time_format(resolved, b2));
			goto out;
		}
	}
	if ((rc = rd_record_update(s, a, "failure", id, NULL, extra, errmsg)))
		goto out;
	if (reopen) {
		int64_t *cl = NULL;
		size_t n = 0;
		if ((rc = rd_store_ids(s, &cl, &n, "SELECT client_id FROM impacts WHERE failure_id = ?1 AND "
				       "affected <> 'no' ORDER BY client_id", "i", id)))
			rc = rc == RD_ENOMEM ? rd_fail(rc, errmsg, "out of memory")
					     : rd_fail(RD_EDB, errmsg, "reading the failure's clients: %s", rd_store_errmsg(s));
		for (size_t i = 0; i < n && rc == RD_OK; i++)
			rc = elevate(s, a, cl[i], errmsg);
		free(cl);
		if (rc)
			goto out;
	}
	rc = rd_track_changed(s, id, 0, a->now, errmsg);
	if (rc == RD_OK) {
		json_t *d = json_pack("{sI ss ss sI}", "failure_id", (json_int_t)id, "from", cur, "to",
				      json_string_value(json_object_get(extra, "status")), "at", (json_int_t)at);
		rc = d ? rd_webhook_emit(s, "failure.status_changed", NULL, d, a->now, errmsg)
		       : rd_fail(RD_ENOMEM, errmsg, "out of memory");
		json_decref(d);
	}
	if (rc == RD_OK && to == 4)
		rc = rd_webhook_emit_record(s, "failure.resolved", "failure", id, a->now, errmsg);
out:
	rc = rd_store_end(s, rc, errmsg);
	json_decref(f);
	json_decref(extra);
	return rc;
}

enum rd_err rd_failure_confirm(struct rd_store *s, const struct rd_actor *a, int64_t id, int64_t at,
			       char **errmsg)
{
	enum rd_err rc = rd_require_role(a, RD_ROLE_AGENT, "confirming a failure", errmsg);
	if (rc)
		return rc;
	json_t *f = NULL, *extra = NULL;
	if ((rc = rd_store_begin(s)))
		return rd_fail(rc, errmsg, "cannot start a transaction");
	if ((rc = rd_record_get(s, "failure", id, &f, errmsg)))
		goto out;
	if (!json_is_true(json_object_get(f, "draft"))) {
		rc = rd_fail(RD_ESTATE, errmsg, "failure #%" PRId64 " is not a draft: it was confirmed or "
			     "opened by hand", id);
		goto out;
	}
	int64_t created = 0;
	if ((rc = rd_store_exec(s, &created, "SELECT created_at FROM failures WHERE id = ?1", "i", id))) {
		rc = rd_fail(RD_EDB, errmsg, "reading the failure: %s", rd_store_errmsg(s));
		goto out;
	}
	if (at < created) {
		char b1[RD_TIME_BUFSZ], b2[RD_TIME_BUFSZ];
		rc = rd_fail(RD_EINVAL, errmsg, "confirmation time %s is before the draft was opened at %s",
			     rd_time_format(at, b1), rd_time_format(created, b2));
		goto out;
	}
	/* The clock starts now: the time a person knew and took it on. */
	extra = json_pack("{sI sI sI}", "draft", (json_int_t)0, "confirmed_at", (json_int_t)at, "detected_at",
			  (json_int_t)at);
	if (a->user_id) {
		json_object_set_new(extra, "confirmed_by", json_integer(a->user_id));
		if (json_is_null(json_object_get(f, "lead_id")) || !json_object_get(f, "lead_id"))
			json_object_set_new(extra, "lead_id", json_integer(a->user_id));
	}
	if ((rc = rd_record_update(s, a, "failure", id, NULL, extra, errmsg)))
		goto out;
	rc = rd_track_changed(s, id, 0, a->now, errmsg);
out:
	rc = rd_store_end(s, rc, errmsg);
	json_decref(f);
	json_decref(extra);
	return rc;
}

enum rd_err rd_failure_disclose(struct rd_store *s, const struct rd_actor *a, int64_t id,
				const char *text, int64_t at, char **errmsg)
{
	enum rd_err rc = rd_require_role(a, RD_ROLE_MANAGER, "deciding disclosure", errmsg);
	if (rc)
		return rc;
	if (!text || !*text)
		return rd_fail(RD_EINVAL, errmsg, "the disclosure decision needs a text (what may be told)");
	json_t *extra = json_pack("{ss sI}", "disclosure", text, "disclosure_at", (json_int_t)at);
	if (!extra)
		return rd_fail(RD_EINVAL, errmsg, "disclosure text is not valid UTF-8");
	if (a->user_id)
		json_object_set_new(extra, "disclosure_by", json_integer(a->user_id));
	rc = rd_record_update(s, a, "failure", id, NULL, extra, errmsg);
	json_decref(extra);
	return rc;
}

enum rd_err rd_failure_show(struct rd_store *s, int64_t id, json_t **out, char **errmsg)
{
	json_t *f;
	enum rd_err rc = rd_record_get(s, "failure", id, &f, errmsg);
	if (rc)
		return rc;
	json_t *services = json_array();
	struct rd_stmt *st;
	if ((rc = rd_store_prepare(s, "SELECT s.name FROM failure_services fs JOIN services s ON "
				      "s.id = fs.service_id WHERE fs.failure_id = ?1 ORDER BY s.name", &st)) == RD_OK) {
		bool row;
		rd_stmt_bind_int(st, 1, id);
		while ((rc = rd_stmt_step(st, &row)) == RD_OK && row)
			json_array_append_new(services, json_string(rd_stmt_col_text(st, 0)));
		rd_stmt_free(st);
	}
	json_object_set_new(f, "services", services);
	if (rc) { /* no services and no RCA would hide a database error */
		json_decref(f);
		return rd_fail(RD_EDB, errmsg, "reading the failure's services: %s", rd_store_errmsg(s));
	}
	json_t *rca = NULL;
	rc = rd_rca_get(s, id, &rca, errmsg);
	if (rc == RD_OK) {
		json_object_set_new(f, "rca", rca);
	} else if (rc == RD_ENOTFOUND) {
		if (errmsg) {
			free(*errmsg);
			*errmsg = NULL;
		}
		json_object_set_new(f, "rca", json_null());
	} else {
		json_decref(f);
		return rc;
	}
	if ((rc = rd_record_attach(s, f, "impacts", "impact", "failure_id", id, errmsg)) ||
	    (rc = rd_record_attach(s, f, "communications", "communication", "failure_id", id, errmsg)) ||
	    (rc = rd_record_attach(s, f, "plan_actions", "plan_action", "failure_id", id, errmsg)) ||
	    (rc = rd_record_attach(s, f, "eta_revisions", "eta_revision", "failure_id", id, errmsg)) ||
	    (rc = rd_record_attach(s, f, "commitments", "commitment", "failure_id", id, errmsg)) ||
	    (rc = rd_record_attach(s, f, "goodwill", "goodwill", "failure_id", id, errmsg))) {
		json_decref(f);
		return rc;
	}
	json_t *intake = NULL; /* the alerts it was opened from, a proposal to resolve it */
	if ((rc = rd_intake_failure(s, id, &intake, errmsg))) {
		json_decref(f);
		return rc;
	}
	json_object_update(f, intake);
	json_decref(intake);
	*out = f;
	return RD_OK;
}
