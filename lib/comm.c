/* comm.c — the narrative: every communication in and out, with the facts
 * it stated. Logging one moves the client's recovery status along and lets
 * the clock re-evaluate the track (model_int.h rd_track_changed). */
#include <inttypes.h>
#include <string.h>

#include "model_int.h"
#include "redress/time.h"
#include <stdlib.h>

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

/* Records a discrepancy of FACT between communication ID and EARLIER. */
static enum rd_err note_discrepancy(struct rd_store *s, int64_t fid, int64_t cid, int64_t id,
				   int64_t earlier, const char *fact, int64_t at)
{
	/* EARLIER is 0 when what was in force came from an ETA revision. */
	if (!earlier)
		return rd_store_exec(s, NULL, "INSERT INTO discrepancies (failure_id, client_id, "
				     "communication_id, fact, at) VALUES (?1, ?2, ?3, ?4, ?5)", "iiiti",
				     fid, cid, id, fact, at);
	return rd_store_exec(s, NULL, "INSERT INTO discrepancies (failure_id, client_id, communication_id, "
			     "earlier_id, fact, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", "iiiiti",
			     fid, cid, id, earlier, fact, at);
}

/* Compares the facts an outbound message states with what this client (or,
 * for the cause, any client of the same failure) was told before. An ETA is
 * compared with the ETA in force at the time (the latest revision, else the
 * first one stated), so a revised ETA told correctly is no discrepancy. A
 * `correction` is never one: it is how a discrepancy is put right. */
static enum rd_err check_facts(struct rd_store *s, json_t *rec, int64_t fid, int64_t cid)
{
	int64_t id = json_integer_value(json_object_get(rec, "id"));
	int64_t at;
	char *m = NULL;
	if (rd_time_parse(json_string_value(json_object_get(rec, "at")), &at, &m)) {
		free(m);
		return RD_EINVAL;
	}
	enum rd_err rc = RD_OK;
	const char *eta_s = json_string_value(json_object_get(rec, "eta"));
	if (eta_s) {
		int64_t eta, in_force = 0, earlier = 0;
		if (rd_time_parse(eta_s, &eta, NULL))
			return RD_EINVAL;
		rc = rd_store_exec(s, &in_force, "SELECT eta FROM eta_revisions WHERE failure_id = ?1 AND "
				   "(client_id IS NULL OR client_id = ?2) AND at <= ?3 ORDER BY at DESC, id DESC "
				   "LIMIT 1", "iii", fid, cid, at);
		if (rc == RD_ENOTFOUND) {
			rc = rd_store_exec(s, &earlier, "SELECT id FROM communications WHERE failure_id = ?1 AND "
					   "client_id = ?2 AND id <> ?3 AND fact_eta IS NOT NULL AND direction = 'out' "
					   "AND at <= ?4 ORDER BY at, id LIMIT 1", "iiii", fid, cid, id, at);
			if (rc == RD_OK)
				rc = rd_store_exec(s, &in_force, "SELECT fact_eta FROM communications WHERE id = ?1",
						   "i", earlier);
		}
		if (rc == RD_OK && in_force != eta)
			rc = note_discrepancy(s, fid, cid, id, earlier, "eta", at);
		if (rc == RD_ENOTFOUND)
			rc = RD_OK;
		if (rc)
			return rc;
	}
	const char *cause = json_string_value(json_object_get(rec, "cause"));
	if (cause) {
		int64_t earlier = 0;
		rc = rd_store_exec(s, &earlier, "SELECT id FROM communications WHERE failure_id = ?1 AND id <> ?2 "
				   "AND fact_cause IS NOT NULL AND direction = 'out' AND at <= ?3 AND "
				   "lower(trim(fact_cause)) <> lower(trim(?4)) ORDER BY client_id <> ?5, at, id LIMIT 1",
				   "iiiti", fid, id, at, cause, cid);
		if (rc == RD_OK)
			rc = note_discrepancy(s, fid, cid, id, earlier, "cause", at);
		if (rc == RD_ENOTFOUND)
			rc = RD_OK;
		if (rc)
			return rc;
	}
	json_t *amount = json_object_get(rec, "amount");
	if (json_is_string(amount)) {
		int64_t cents, earlier = 0;
		if (rd_money_parse(json_string_value(amount), &cents, NULL))
			return RD_EINVAL;
		rc = rd_store_exec(s, &earlier, "SELECT id FROM communications WHERE failure_id = ?1 AND "
				   "client_id = ?2 AND id <> ?3 AND fact_amount_cents IS NOT NULL AND direction = 'out' "
				   "AND at <= ?4 AND fact_amount_cents <> ?5 ORDER BY at, id LIMIT 1", "iiiii",
				   fid, cid, id, at, cents);
		if (rc == RD_OK)
			rc = note_discrepancy(s, fid, cid, id, earlier, "amount", at);
		if (rc == RD_ENOTFOUND)
			rc = RD_OK;
	}
	return rc;
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
	if (!json_object_get(in, "at"))
		json_object_set_new(extra, "at", json_integer(a->now));
	if (a->user_id && !json_object_get(in, "author") && !json_object_get(in, "author_id"))
		json_object_set_new(extra, "author_id", json_integer(a->user_id));
	if ((rc = rd_store_begin(s))) {
		json_decref(extra);
		return rd_fail(rc, errmsg, "cannot start a transaction");
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
	if (chase && strcmp(dir, "in") != 0) {
		rc = rd_fail(RD_EINVAL, errmsg, "a chase is an inbound message: use --direction in with --chase");
		goto out;
	}
	/* A contact of another client was refused by the record engine
	 * (integrity.c), before anything was written. */
	if (json_is_integer(fv)) {
		int64_t fid = json_integer_value(fv), iid = 0;
		char *status = NULL;
		struct rd_stmt *st;
		rc = rd_store_prepare(s, "SELECT id, recovery_status FROM impacts WHERE failure_id = ?1 "
				      "AND client_id = ?2", &st);
		if (rc) {
			rc = rd_fail(RD_EDB, errmsg, "reading the impact: %s", rd_store_errmsg(s));
			goto out;
		}
		rd_stmt_bind_int(st, 1, fid);
		rd_stmt_bind_int(st, 2, client);
		bool row = false;
		rc = rd_stmt_step(st, &row);
		if (rc == RD_OK && row) {
			iid = rd_stmt_col_int(st, 0);
			status = strdup(rd_stmt_col_text(st, 1));
		}
		rd_stmt_free(st);
		if (rc) {
			free(status);
			rc = rd_fail(RD_EDB, errmsg, "reading the impact: %s", rd_store_errmsg(s));
			goto out;
		}
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
		if (rc == RD_OK && strcmp(dir, "out") == 0 && strcmp(kind, "correction") != 0 &&
		    (rc = check_facts(s, rec, fid, client)))
			rc = rd_fail(rc, errmsg, "comparing the facts stated: %s", rd_store_errmsg(s));
		if (rc == RD_OK)
			rc = rd_track_changed(s, fid, client, a->now, errmsg);
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
