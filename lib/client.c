/* client.c — clients (accounts), their services and the client overview.
 * A client's services are what propose it as affected when a failure hits
 * one of them (failure.c). */
#include <ctype.h>
#include <stdlib.h>
#include <inttypes.h>
#include <string.h>

#include "model_int.h"

/* Finds a service by name, creating it when new. */
static enum rd_err ensure_service(struct rd_store *s, const struct rd_actor *a, const char *name,
				  int64_t *id, char **errmsg)
{
	char *m = NULL;
	enum rd_err rc = rd_record_lookup(s, "service", name, id, &m);
	if (rc != RD_ENOTFOUND) { /* found, or a database error (not "new") */
		if (rc)
			rd_fail(rc, errmsg, "%s", m ? m : "looking up the service failed");
		free(m);
		return rc;
	}
	free(m);
	json_t *in = json_pack("{s:s}", "name", name);
	if (!in)
		return rd_fail(RD_EINVAL, errmsg, "service name '%s' is not valid UTF-8", name);
	rc = rd_record_create(s, a, "service", in, NULL, id, errmsg);
	json_decref(in);
	return rc;
}

enum rd_err rd_client_use_service(struct rd_store *s, const struct rd_actor *a, int64_t client_id,
				  const char *service, char **errmsg)
{
	int64_t sid;
	enum rd_err rc = rd_store_begin(s);
	if (rc)
		return rd_fail(rc, errmsg, "cannot start a transaction");
	if ((rc = ensure_service(s, a, service, &sid, errmsg)))
		goto out;
	/* Already linked: nothing changes, so nothing is written (not even audit). */
	int64_t linked;
	rc = rd_store_exec(s, &linked, "SELECT count(*) FROM client_services WHERE client_id = ?1 "
			   "AND service_id = ?2", "ii", client_id, sid);
	if (rc == RD_OK && linked)
		goto out;
	if (rc == RD_OK)
		rc = rd_store_exec(s, NULL,
			"INSERT INTO client_services (client_id, service_id) VALUES (?1, ?2) "
			"ON CONFLICT DO NOTHING", "ii", client_id, sid);
	if (rc) {
		rc = rd_fail(RD_EDB, errmsg, "linking service: %s", rd_store_errmsg(s));
		goto out;
	}
	json_t *after = json_pack("{sI sI}", "client_id", (json_int_t)client_id, "service_id", (json_int_t)sid);
	if ((rc = rd_audit(s, a, "client_service", client_id, "create", NULL, after)))
		rc = rd_fail(rc, errmsg, "writing the audit log failed: %s", rd_store_errmsg(s));
	json_decref(after);
out:
	if (rc) {
		rd_store_rollback(s);
		return rc;
	}
	return rd_store_commit(s) ? rd_fail(RD_EDB, errmsg, "commit failed") : RD_OK;
}

static enum rd_err check_currency(json_t *in, char **errmsg)
{
	json_t *c = json_object_get(in, "currency");
	if (!c)
		return RD_OK;
	const char *t = json_string_value(c);
	if (!t || strlen(t) != 3 || !isupper((unsigned char)t[0]) || !isupper((unsigned char)t[1]) ||
	    !isupper((unsigned char)t[2]))
		return rd_fail(RD_EINVAL, errmsg,
			"client.currency must be a three-letter ISO 4217 code such as EUR, got '%s'",
			t ? t : "(not a string)");
	return RD_OK;
}

enum rd_err rd_client_add(struct rd_store *s, const struct rd_actor *a, json_t *in, int64_t *id,
			  char **errmsg)
{
	if (a->role < RD_ROLE_AGENT)
		return rd_fail(RD_EPERM, errmsg, "a viewer may not add clients");
	if (!json_is_object(in))
		return rd_fail(RD_EINVAL, errmsg, "client input must be a JSON object");
	json_t *fields = json_deep_copy(in);
	json_t *services = json_incref(json_object_get(fields, "services"));
	json_object_del(fields, "services");
	enum rd_err rc = check_currency(fields, errmsg);
	if (rc)
		goto done;
	if (services && !json_is_array(services)) {
		rc = rd_fail(RD_EINVAL, errmsg, "client.services must be a list of service names");
		goto done;
	}
	if ((rc = rd_store_begin(s))) {
		rc = rd_fail(rc, errmsg, "cannot start a transaction");
		goto done;
	}
	int64_t cid;
	if ((rc = rd_record_create(s, a, "client", fields, NULL, &cid, errmsg)))
		goto out;
	size_t i;
	json_t *sv;
	json_array_foreach(services, i, sv) {
		if (!json_is_string(sv) || !*json_string_value(sv)) {
			rc = rd_fail(RD_EINVAL, errmsg, "client.services[%zu] must be a service name", i);
			goto out;
		}
		if ((rc = rd_client_use_service(s, a, cid, json_string_value(sv), errmsg)))
			goto out;
	}
out:
	if (rc)
		rd_store_rollback(s);
	else if ((rc = rd_store_commit(s)))
		rc = rd_fail(RD_EDB, errmsg, "commit failed: %s", rd_store_errmsg(s));
	if (rc == RD_OK && id)
		*id = cid;
done:
	json_decref(fields);
	json_decref(services);
	return rc;
}

enum rd_err rd_client_update(struct rd_store *s, const struct rd_actor *a, int64_t id, json_t *in,
			     char **errmsg)
{
	if (a->role < RD_ROLE_AGENT)
		return rd_fail(RD_EPERM, errmsg, "a viewer may not change clients");
	enum rd_err rc = check_currency(in, errmsg);
	if (rc)
		return rc;
	if ((rc = rd_store_begin(s)))
		return rd_fail(rc, errmsg, "cannot start a transaction");
	rc = rd_record_update(s, a, "client", id, in, NULL, errmsg);
	/* Tier and zone decide the column and the local due times of every
	 * track of this client: recompute them in the same transaction. */
	struct rd_stmt *st = NULL;
	json_t *failures = json_array();
	if (rc == RD_OK && (rc = rd_store_prepare(s, "SELECT failure_id FROM impacts WHERE client_id = ?1 "
						  "ORDER BY failure_id", &st)) == RD_OK) {
		bool row;
		rd_stmt_bind_int(st, 1, id);
		while ((rc = rd_stmt_step(st, &row)) == RD_OK && row)
			json_array_append_new(failures, json_integer(rd_stmt_col_int(st, 0)));
		rd_stmt_free(st);
	}
	size_t i;
	json_t *v;
	json_array_foreach(failures, i, v) {
		if (rc)
			break;
		rc = rd_track_changed(s, json_integer_value(v), id, a->now, errmsg);
	}
	json_decref(failures);
	if (rc) {
		rd_store_rollback(s);
		return rc;
	}
	return rd_store_commit(s) ? rd_fail(RD_EDB, errmsg, "commit failed: %s", rd_store_errmsg(s)) : RD_OK;
}

enum rd_err rd_client_show(struct rd_store *s, int64_t id, json_t **out, char **errmsg)
{
	json_t *c;
	enum rd_err rc = rd_record_get(s, "client", id, &c, errmsg);
	if (rc)
		return rc;
	struct rd_stmt *st;
	json_t *services = json_array();
	/* a failing read is the answer's error, never a client without services */
	if ((rc = rd_store_prepare(s, "SELECT s.name FROM client_services cs JOIN services s ON s.id = cs.service_id "
				   "WHERE cs.client_id = ?1 ORDER BY s.name", &st)) == RD_OK) {
		bool row;
		rd_stmt_bind_int(st, 1, id);
		while ((rc = rd_stmt_step(st, &row)) == RD_OK && row)
			json_array_append_new(services, json_string(rd_stmt_col_text(st, 0)));
		rd_stmt_free(st);
	}
	json_object_set_new(c, "services", services);
	if (rc) {
		json_decref(c);
		return rd_fail(RD_EDB, errmsg, "reading client #%" PRId64 "'s services: %s", id, rd_store_errmsg(s));
	}
	if ((rc = rd_record_attach(s, c, "contacts", "contact", "client_id", id, errmsg)) ||
	    (rc = rd_record_attach(s, c, "impacts", "impact", "client_id", id, errmsg)) ||
	    (rc = rd_record_attach(s, c, "commitments", "commitment", "client_id", id, errmsg)) ||
	    (rc = rd_record_attach(s, c, "goodwill", "goodwill", "client_id", id, errmsg))) {
		json_decref(c);
		return rc;
	}
	*out = c;
	return RD_OK;
}
