/* client.c — clients (accounts), their services and the client overview.
 * A client's services are what propose it as affected when a failure hits
 * one of them (failure.c). */
#include <ctype.h>
#include <stdlib.h>
#include <inttypes.h>
#include <string.h>

#include "model_int.h"
#include "util/buf.h"
#include "util/jsonw.h"

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
	rc = rd_store_end(s, rc, errmsg);
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
	int64_t *failures = NULL;
	size_t n = 0;
	if (rc == RD_OK && (rc = rd_store_ids(s, &failures, &n, "SELECT failure_id FROM impacts WHERE client_id = ?1 "
					      "ORDER BY failure_id", "i", id)))
		rc = rc == RD_ENOMEM ? rd_fail(rc, errmsg, "out of memory")
				     : rd_fail(RD_EDB, errmsg, "reading the client's failures: %s", rd_store_errmsg(s));
	for (size_t i = 0; i < n && rc == RD_OK; i++)
		rc = rd_track_changed(s, failures[i], id, a->now, errmsg);
	free(failures);
	if (rc) {
		rd_store_rollback(s);
		return rc;
	}
	return rd_store_commit(s) ? rd_fail(RD_EDB, errmsg, "commit failed: %s", rd_store_errmsg(s)) : RD_OK;
}

static const char services_sql[] =
	"SELECT s.name FROM client_services cs JOIN services s ON s.id = cs.service_id "
	"WHERE cs.client_id = ?1 ORDER BY s.name";

void rd_client_overview_free(struct rd_client_overview *o)
{
	free(o->name);
	free(o->tz);
	for (size_t i = 0; i < o->n; i++) {
		free(o->impacts[i].affected);
		free(o->impacts[i].recovery_status);
	}
	free(o->impacts);
	*o = (struct rd_client_overview){0};
}

/* A copy of TEXT (NULL stays NULL); false when out of memory. */
static bool keep_text(const char *text, char **to)
{
	*to = text ? strdup(text) : NULL;
	return !text || *to;
}

static void peek_client(const struct rd_entity *e, struct rd_stmt *st, void *ctx)
{
	struct rd_client_overview *o = ctx;
	if (!keep_text(rd_record_col_text(e, st, "name"), &o->name) ||
	    !keep_text(rd_record_col_text(e, st, "tz"), &o->tz))
		o->oom = true;
}

static void peek_impact(const struct rd_entity *e, struct rd_stmt *st, void *ctx)
{
	struct rd_client_overview *o = ctx;
	if (o->n == o->cap) {
		size_t ncap = o->cap ? 2 * o->cap : 8;
		struct rd_overview_impact *np = realloc(o->impacts, ncap * sizeof *np);
		if (!np) {
			o->oom = true;
			return;
		}
		o->impacts = np;
		o->cap = ncap;
	}
	struct rd_overview_impact *m = &o->impacts[o->n];
	*m = (struct rd_overview_impact){0};
	/* what the tree's json_integer_value gives: 0 for null */
	int fid = rd_record_col(e, "failure_id");
	m->failure_id = fid < 0 || rd_stmt_col_null(st, fid) ? 0 : rd_stmt_col_int(st, fid);
	if (!keep_text(rd_record_col_text(e, st, "affected"), &m->affected) ||
	    !keep_text(rd_record_col_text(e, st, "recovery_status"), &m->recovery_status)) {
		free(m->affected);
		o->oom = true;
		return;
	}
	o->n++;
}

enum rd_err rd_client_overview_write(struct rd_store *s, int64_t id, struct rd_jw *w,
				     struct rd_client_overview *out, char **errmsg)
{
	struct rd_stmt *st = NULL;
	*out = (struct rd_client_overview){0};
	rd_jw_obj(w);
	enum rd_err rc = rd_record_write_get(s, "client", id, w, peek_client, out, errmsg);
	if (rc)
		goto out;
	rd_jw_key(w, "services");
	rd_jw_arr(w);
	/* a failing read is the answer's error, never a client without services */
	if ((rc = rd_store_prepare(s, services_sql, &st)) == RD_OK) {
		bool row;
		rd_stmt_bind_int(st, 1, id);
		while ((rc = rd_stmt_step(st, &row)) == RD_OK && row) {
			const char *name = rd_stmt_col_text(st, 0);
			/* rd_client_show's array takes no name jansson refuses */
			if (name && rd_utf8_valid(name, strlen(name), NULL))
				rd_jw_str(w, name);
		}
	}
	rd_stmt_free(st);
	if (rc) {
		rc = rd_fail(RD_EDB, errmsg, "reading client #%" PRId64 "'s services: %s", id, rd_store_errmsg(s));
		goto out;
	}
	rd_jw_end_arr(w);
	rd_jw_key(w, "contacts");
	if ((rc = rd_record_write_list(s, "contact", "client_id", id, w, NULL, NULL, errmsg)))
		goto out;
	rd_jw_key(w, "impacts");
	if ((rc = rd_record_write_list(s, "impact", "client_id", id, w, peek_impact, out, errmsg)))
		goto out;
	rd_jw_key(w, "commitments");
	if ((rc = rd_record_write_list(s, "commitment", "client_id", id, w, NULL, NULL, errmsg)))
		goto out;
	rd_jw_key(w, "goodwill");
	if ((rc = rd_record_write_list(s, "goodwill", "client_id", id, w, NULL, NULL, errmsg)))
		goto out;
	rd_jw_end_obj(w);
	if (out->oom)
		rc = rd_fail(RD_ENOMEM, errmsg, "out of memory");
out:
	if (rc)
		rd_client_overview_free(out);
	return rc;
}

/* rd_client_overview_write's object, its one implementation, built as a
 * tree: the CLI, the API's GET and the web pages' overview. */
enum rd_err rd_client_show(struct rd_store *s, int64_t id, json_t **out, char **errmsg)
{
	struct rd_client_overview ov;
	struct rd_jw w;
	*out = NULL;
	rd_jw_init_tree(&w);
	enum rd_err rc = rd_client_overview_write(s, id, &w, &ov, errmsg);
	enum rd_err wrc = rd_jw_tree(&w, out);
	if (rc != RD_OK) { /* the tree of a failed read is no answer */
		json_decref(*out);
		*out = NULL;
	}
	if (rc == RD_OK) {
		rd_client_overview_free(&ov);
		if ((rc = wrc))
			rc = rd_fail(rc, errmsg, rc == RD_ENOMEM ? "out of memory" : "the client cannot be written as JSON");
	}
	return rc;
}
