/* integrity.c — references that must stay within one client: a record
 * joining a failure and a client needs that failure to affect that client,
 * and a contact or communication it names must be that client's. Called by
 * the record engine on every create and update, so CLI, API and web forms
 * refuse alike (RD_EINVAL). To add a rule: a row in the tables below. */
#include <inttypes.h>
#include <string.h>

#include "model_int.h"

/* ENTITY's CLIENT field must name a client the FAILURE field's failure
 * affects (an impact whose `affected` is not "no"). A NULL field skips the
 * rule (a plan action or ETA for the whole failure). */
static const struct {
	const char *entity, *failure, *client;
} affected_rules[] = {
	{"commitment", "failure_id", "client_id"},
	{"goodwill", "failure_id", "client_id"},
	{"plan_action", "failure_id", "client_id"},
	{"survey", "failure_id", "client_id"},
	{"eta_revision", "failure_id", "client_id"},
};

/* ENTITY's REF field names a row of TABLE whose client_id must be the
 * client the record is about: its own CLIENT field, or (via) the client_id
 * of the row its VIA field names in VIA_TABLE. */
static const struct {
	const char *entity, *ref, *what, *table, *client, *via_table;
} owned_rules[] = {
	{"communication", "contact_id", "contact", "contacts", "client_id", NULL},
	{"commitment", "communication_id", "communication", "communications", "client_id", NULL},
	{"survey_answer", "contact_id", "contact", "contacts", "survey_id", "surveys"},
};

#define N(a) (sizeof a / sizeof a[0])

static bool ref_of(json_t *rec, const char *field, int64_t *id)
{
	json_t *v = json_object_get(rec, field);
	if (!json_is_integer(v))
		return false;
	*id = json_integer_value(v);
	return true;
}

static enum rd_err db_failed(struct rd_store *s, const char *entity, char **errmsg)
{
	return rd_fail(RD_EDB, errmsg, "checking the references of the %s: %s", entity, rd_store_errmsg(s));
}

enum rd_err rd_refs_check(struct rd_store *s, const char *entity, json_t *rec, char **errmsg)
{
	enum rd_err rc;
	for (size_t i = 0; i < N(affected_rules); i++) {
		int64_t fid, cid, n = 0;
		if (strcmp(affected_rules[i].entity, entity) || !ref_of(rec, affected_rules[i].failure, &fid) ||
		    !ref_of(rec, affected_rules[i].client, &cid))
			continue;
		rc = rd_store_exec(s, &n, "SELECT count(*) FROM impacts WHERE failure_id = ?1 AND client_id = ?2 "
				   "AND affected <> 'no'", "ii", fid, cid);
		if (rc)
			return db_failed(s, entity, errmsg);
		if (n == 0)
			return rd_fail(RD_EINVAL, errmsg, "%s: client #%" PRId64 " is not affected by failure #%" PRId64
				       " (record the impact first: redress impact set)", entity, cid, fid);
	}
	for (size_t i = 0; i < N(owned_rules); i++) {
		int64_t ref, key, want = 0, owner = 0;
		if (strcmp(owned_rules[i].entity, entity) || !ref_of(rec, owned_rules[i].ref, &ref) ||
		    !ref_of(rec, owned_rules[i].client, &key))
			continue;
		want = key;
		if (owned_rules[i].via_table) {
			/* compile-time table names only; the values are bound */
			rc = strcmp(owned_rules[i].via_table, "surveys") == 0
				? rd_store_exec(s, &want, "SELECT client_id FROM surveys WHERE id = ?1", "i", key)
				: RD_EINVAL;
			if (rc == RD_ENOTFOUND)
				continue;
			if (rc)
				return db_failed(s, entity, errmsg);
		}
		rc = strcmp(owned_rules[i].table, "contacts") == 0
			? rd_store_exec(s, &owner, "SELECT client_id FROM contacts WHERE id = ?1", "i", ref)
			: rd_store_exec(s, &owner, "SELECT client_id FROM communications WHERE id = ?1", "i", ref);
		if (rc == RD_ENOTFOUND)
			continue; /* the record engine already refused an unknown id */
		if (rc)
			return db_failed(s, entity, errmsg);
		if (owner != want)
			return rd_fail(RD_EINVAL, errmsg, "%s: %s #%" PRId64 " belongs to another client (#%" PRId64
				       "), not to client #%" PRId64, entity, owned_rules[i].what, ref, owner, want);
	}
	return RD_OK;
}
