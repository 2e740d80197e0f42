/* report.c — the post-incident report's view (report.h): the data of one
 * failure gathered through the record engine's prepared statements, in an
 * internal form and a client form built from whitelisted fields. The
 * renderers (report_html.c, report_pdf.c) only lay this view out. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "redress/model.h"
#include "redress/report.h"
#include "redress/time.h"

enum rd_err rd_report_form_parse(const char *s, enum rd_report_form *out, char **errmsg)
{
	if (s && strcmp(s, "internal") == 0)
		*out = RD_REPORT_INTERNAL;
	else if (s && strcmp(s, "client") == 0)
		*out = RD_REPORT_CLIENT;
	else
		return rd_fail(RD_EINVAL, errmsg, "unknown report form '%s' (accepted: internal, client)",
			       s ? s : "");
	return RD_OK;
}

static int append(json_t *rec, void *arr)
{
	return json_array_append(arr, rec) ? 1 : 0;
}

/* The records of ENTITY whose fields equal FILTER (consumed). */
static enum rd_err list(struct rd_store *s, const char *entity, json_t *filter, json_t **out,
			char **errmsg)
{
	*out = json_array();
	enum rd_err rc = *out && filter ? rd_record_list(s, entity, filter, 0, 0, append, *out, errmsg)
					: rd_fail(RD_ENOMEM, errmsg, "out of memory");
	json_decref(filter);
	if (rc) {   /* a failed read leaves no half list for the caller to free */
		json_decref(*out);
		*out = NULL;
	}
	return rc;
}

/* A new object with only the KEYS (NULL-terminated) of REC. */
static json_t *pick(json_t *rec, const char *const *keys)
{
	json_t *o = json_object();
	for (; *keys; keys++) {
		json_t *v = json_object_get(rec, *keys);
		json_object_set(o, *keys, v ? v : json_null());
	}
	return o;
}

/* Each client's name by id, read once (a read error is the report's). */
static int name_by_id(json_t *rec, void *names)
{
	json_t *id = json_object_get(rec, "id"), *name = json_object_get(rec, "name");
	if (json_is_integer(id) && json_is_string(name)) {
		char key[24];
		snprintf(key, sizeof key, "%" JSON_INTEGER_FORMAT, json_integer_value(id));
		if (json_object_set(names, key, name))
			return 1;
	}
	return 0;
}

static enum rd_err client_names(struct rd_store *s, json_t **out, char **errmsg)
{
	*out = json_object();
	if (!*out)
		return rd_fail(RD_ENOMEM, errmsg, "out of memory");
	return rd_record_list(s, "client", NULL, 0, 0, name_by_id, *out, errmsg);
}

/* A client's name by id from NAMES ("" for a client that is not there). */
static json_t *client_name(json_t *names, json_t *id)
{
	json_t *n = NULL;
	if (json_is_integer(id)) {
		char key[24];
		snprintf(key, sizeof key, "%" JSON_INTEGER_FORMAT, json_integer_value(id));
		n = json_object_get(names, key);
	}
	return n ? json_incref(n) : json_string("");
}

static const char *const failure_internal_keys[] = {"id", "title", "description", "severity", "status",
	"started_at", "detected_at", "resolved_at", "closed_at", "disclosure", NULL};
static const char *const failure_client_keys[] = {"id", "title", "status", "started_at", "detected_at",
	"resolved_at", NULL};
static const char *const impact_internal_keys[] = {"client", "affected", "severity", "operational",
	"financial", "reputational", "compliance", "data", "recovery_status", NULL};
static const char *const impact_client_keys[] = {"affected", "severity", "operational", "financial",
	"compliance", "data", "recovery_status", NULL};
static const char *const comm_internal_keys[] = {"at", "client", "kind", "channel", "direction", "visibility",
	"summary", "body", "eta", NULL};
static const char *const comm_client_keys[] = {"at", "kind", "channel", "direction", "summary", "body",
	"eta", NULL};
static const char *const plan_keys[] = {"kind", "description", "due_at", "status", "success_criterion",
	NULL};
static const char *const eta_internal_keys[] = {"eta", "reason", "at", "clients_told", NULL};
static const char *const eta_client_keys[] = {"eta", "reason", "at", NULL};
static const char *const commitment_internal_keys[] = {"client", "text", "due_at", "status", "note",
	"settled_at", NULL};
static const char *const commitment_client_keys[] = {"text", "due_at", "status", "settled_at", NULL};
static const char *const goodwill_internal_keys[] = {"client", "kind", "amount", "currency", "status",
	"note", "decided_at", NULL};
static const char *const goodwill_client_keys[] = {"kind", "amount", "currency", "status", NULL};
static const char *const review_internal_keys[] = {"held_at", "timeline", "root_cause", "went_well",
	"lessons", "internal_text", "client_text", NULL};
static const char *const review_client_keys[] = {"held_at", "client_text", NULL};
static const char *const action_keys[] = {"text", "due_at", "success_criterion", "status", NULL};

/* Picks KEYS of each record of ARR into a new array, adding the client's
 * name (internal form) and skipping records KEEP refuses. */
static json_t *pick_all(json_t *names, json_t *arr, const char *const *keys, bool with_names,
			bool (*keep)(json_t *rec, int64_t cid), int64_t cid)
{
	json_t *out = json_array();
	size_t i;
	json_t *r;
	json_array_foreach(arr, i, r) {
		if (keep && !keep(r, cid))
			continue;
		if (with_names)
			json_object_set_new(r, "client", client_name(names, json_object_get(r, "client_id")));
		json_array_append_new(out, pick(r, keys));
	}
	return out;
}

/* Plan actions and ETA revisions for everyone (no client) or for CID. */
static bool for_client(json_t *rec, int64_t cid)
{
	json_t *c = json_object_get(rec, "client_id");
	return !json_is_integer(c) || json_integer_value(c) == cid;
}

static bool told_client(json_t *rec, int64_t cid)
{
	return for_client(rec, cid) && json_is_true(json_object_get(rec, "clients_told"));
}

/* Goodwill a client sees: what was approved or delivered. */
static bool granted(json_t *rec, int64_t cid)
{
	const char *st = json_string_value(json_object_get(rec, "status"));
	return st && (strcmp(st, "approved") == 0 || strcmp(st, "delivered") == 0);
}

#define BY_FAILURE(fid) json_pack("{sI}", "failure_id", (json_int_t)(fid))
#define BY_FAILURE_CLIENT(fid, cid) \
	json_pack("{sI sI}", "failure_id", (json_int_t)(fid), "client_id", (json_int_t)(cid))

enum rd_err rd_report_view(struct rd_store *s, int64_t failure_id, enum rd_report_form form,
			   int64_t client_id, int64_t now, json_t **out, char **errmsg)
{
	enum rd_err ret;
	bool client = form == RD_REPORT_CLIENT;
	json_t *f = NULL, *v = NULL, *impacts = NULL, *comms = NULL, *plan = NULL, *etas = NULL,
	       *commitments = NULL, *goodwill = NULL, *reviews = NULL, *rca = NULL, *whys = NULL, *names = NULL;
	*out = NULL;
	if ((ret = rd_record_get(s, "failure", failure_id, &f, errmsg)))
		goto out;
	if (client) {
		if ((ret = list(s, "impact", BY_FAILURE_CLIENT(failure_id, client_id), &impacts, errmsg)))
			goto out;
		if (json_array_size(impacts) == 0) {
			ret = rd_fail(RD_ENOTFOUND, errmsg, "failure #%" PRId64 " did not affect client #%" PRId64,
				      failure_id, client_id);
			goto out;
		}
	} else if ((ret = list(s, "impact", BY_FAILURE(failure_id), &impacts, errmsg))) {
		goto out;
	}
	if ((ret = client ? list(s, "communication",
				 json_pack("{sI sI ss}", "failure_id", (json_int_t)failure_id, "client_id",
					   (json_int_t)client_id, "visibility", "client"), &comms, errmsg)
			  : list(s, "communication", BY_FAILURE(failure_id), &comms, errmsg)) ||
	    (ret = list(s, "plan_action", BY_FAILURE(failure_id), &plan, errmsg)) ||
	    (ret = list(s, "eta_revision", BY_FAILURE(failure_id), &etas, errmsg)) ||
	    (ret = client ? list(s, "commitment", BY_FAILURE_CLIENT(failure_id, client_id), &commitments, errmsg)
			  : list(s, "commitment", BY_FAILURE(failure_id), &commitments, errmsg)) ||
	    (ret = client ? list(s, "goodwill", BY_FAILURE_CLIENT(failure_id, client_id), &goodwill, errmsg)
			  : list(s, "goodwill", BY_FAILURE(failure_id), &goodwill, errmsg)) ||
	    (ret = list(s, "review", BY_FAILURE(failure_id), &reviews, errmsg)) ||
	    (ret = list(s, "rca", BY_FAILURE(failure_id), &rca, errmsg)) ||
	    (ret = list(s, "why", BY_FAILURE(failure_id), &whys, errmsg)) ||
	    (ret = client_names(s, &names, errmsg)))
		goto out;

	char at[RD_TIME_BUFSZ];
	v = json_object();
	json_object_set_new(v, "form", json_string(client ? "client" : "internal"));
	json_object_set_new(v, "generated_at", json_string(rd_time_format(now, at)));
	json_object_set_new(v, "failure", pick(f, client ? failure_client_keys : failure_internal_keys));
	/* The client's summary is what was decided may be told (the disclosure). */
	json_object_set(v, "summary", json_object_get(f, client ? "disclosure" : "description"));
	if (client) {
		json_t *cid = json_integer(client_id);
		json_object_set_new(v, "client", json_pack("{sI so}", "id", (json_int_t)client_id, "name",
							   client_name(names, cid)));
		json_decref(cid);
	}
	json_object_set_new(v, "impacts", pick_all(names, impacts, client ? impact_client_keys : impact_internal_keys,
						   !client, NULL, 0));
	json_object_set_new(v, "timeline", pick_all(names, comms, client ? comm_client_keys : comm_internal_keys,
						    !client, NULL, 0));
	json_t *r0 = json_array_get(rca, 0);
	json_t *cause = json_object();
	if (client) {
		json_object_set(cause, "explanation", r0 ? json_object_get(r0, "client_explanation") : json_null());
	} else {
		json_object_set(cause, "category", r0 ? json_object_get(r0, "category") : json_null());
		json_object_set(cause, "contributing", r0 ? json_object_get(r0, "contributing") : json_null());
		json_object_set(cause, "findings", r0 ? json_object_get(r0, "findings") : json_null());
		json_object_set(cause, "explanation", r0 ? json_object_get(r0, "client_explanation") : json_null());
		json_t *w = json_array();
		size_t i;
		json_t *x;
		json_array_foreach(whys, i, x)
			json_array_append(w, json_object_get(x, "text"));
		json_object_set_new(cause, "whys", w);
	}
	json_object_set_new(v, "root_cause", cause);
	json_object_set_new(v, "plan", pick_all(names, plan, plan_keys, false, client ? for_client : NULL, client_id));
	json_object_set_new(v, "eta_history", pick_all(names, etas, client ? eta_client_keys : eta_internal_keys, false,
						       client ? told_client : NULL, client_id));
	json_object_set_new(v, "commitments", pick_all(names, commitments, client ? commitment_client_keys
									      : commitment_internal_keys,
						       !client, NULL, 0));
	json_object_set_new(v, "goodwill", pick_all(names, goodwill, client ? goodwill_client_keys : goodwill_internal_keys,
						    !client, client ? granted : NULL, 0));
	json_t *rv = json_array_get(reviews, json_array_size(reviews) ? json_array_size(reviews) - 1 : 0);
	if (rv && (!client || json_is_string(json_object_get(rv, "client_text")))) {
		json_object_set_new(v, "review", pick(rv, client ? review_client_keys : review_internal_keys));
		if (!client) {
			json_t *acts;
			if ((ret = list(s, "review_action",
					json_pack("{sI}", "review_id", json_integer_value(json_object_get(rv, "id"))),
					&acts, errmsg)))
				goto out;
			json_object_set_new(v, "actions", pick_all(names, acts, action_keys, false, NULL, 0));
			json_decref(acts);
		}
	} else {
		json_object_set_new(v, "review", json_null());
	}
	*out = v;
	v = NULL;
out:
	json_decref(f);
	json_decref(v);
	json_decref(impacts);
	json_decref(comms);
	json_decref(plan);
	json_decref(etas);
	json_decref(commitments);
	json_decref(goodwill);
	json_decref(reviews);
	json_decref(rca);
	json_decref(whys);
	json_decref(names);
	return ret;
}

enum rd_err rd_report_published(struct rd_store *s, int64_t failure_id, int64_t client_id, bool *yes,
				char **errmsg)
{
	int64_t n = 0;
	*yes = false;
	enum rd_err rc = rd_store_exec(s, &n,
		"SELECT count(*) FROM reviews r JOIN impacts i ON i.failure_id = r.failure_id "
		"WHERE r.failure_id = ?1 AND i.client_id = ?2 AND r.client_text IS NOT NULL "
		"AND trim(r.client_text) != ''", "ii", failure_id, client_id);
	if (rc)
		return rd_fail(RD_EDB, errmsg, "reading the review of failure #%" PRId64, failure_id);
	*yes = n > 0;
	return RD_OK;
}
