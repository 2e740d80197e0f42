/* comm.c — the narrative: every communication in and out, with the facts
 * it stated. Logging one moves the client's recovery status along and lets
 * the clock re-evaluate the track (model_int.h rd_track_changed). */
#include <inttypes.h>
#include <string.h>

#include "model_int.h"
#include "redress/comm_kind.h"
#include "redress/facts.h"
#include "redress/time.h"
#include "redress/webhook.h"
#include "util/buf.h"
#include <stdlib.h>

/* The recovery status an outbound message of KIND moves an impact to, if it
 * is further along than where the impact is. */
static const char *status_after(const char *kind)
{
	const struct rd_comm_kind_info *k = rd_comm_kind_find(kind);
	return k ? k->recovery : NULL;
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
 * for the cause, any client of the same failure) was told before and still
 * holds (NOT_CORRECTED). An ETA is compared with the ETA in force at the
 * time (the latest revision, else the first one stated), so a revised ETA
 * told correctly is no discrepancy. Causes are compared as the checker
 * does (rd_statements_differ: no content word in common), so a call note's
 * "a failed database switch in the Frankfurt site" agrees with an email's
 * "a failed database switch". A `correction` is never one: it is how a
 * discrepancy is put right. */
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
			rc = rd_store_exec(s, &earlier, "SELECT m.id FROM communications m WHERE m.failure_id = ?1 AND "
					   "m.client_id = ?2 AND m.id <> ?3 AND m.fact_eta IS NOT NULL AND m.direction = 'out' "
					   "AND m.at <= ?4 AND " NOT_CORRECTED("eta", "?4") " ORDER BY m.at, m.id LIMIT 1",
					   "iiii", fid, cid, id, at);
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
		struct rd_stmt *st;
		/* this client's statements first, then the others', oldest first */
		rc = rd_store_prepare(s, "SELECT m.id, m.fact_cause FROM communications m WHERE m.failure_id = ?1 "
				      "AND m.id <> ?2 AND m.fact_cause IS NOT NULL AND m.direction = 'out' AND "
				      "m.at <= ?3 AND " NOT_CORRECTED("cause", "?3") " ORDER BY m.client_id <> ?4, "
				      "m.at, m.id", &st);
		if (rc)
			return rc;
		rd_stmt_bind_int(st, 1, fid);
		rd_stmt_bind_int(st, 2, id);
		rd_stmt_bind_int(st, 3, at);
		rd_stmt_bind_int(st, 4, cid);
		bool row;
		while (!earlier && (rc = rd_stmt_step(st, &row)) == RD_OK && row)
			if (rd_statements_differ(cause, rd_stmt_col_text(st, 1)))
				earlier = rd_stmt_col_int(st, 0);
		rd_stmt_free(st);
		if (rc == RD_OK && earlier)
			rc = note_discrepancy(s, fid, cid, id, earlier, "cause", at);
		if (rc)
			return rc;
	}
	json_t *amount = json_object_get(rec, "amount");
	if (json_is_string(amount)) {
		int64_t cents, earlier = 0;
		if (rd_money_parse(json_string_value(amount), &cents, NULL))
			return RD_EINVAL;
		rc = rd_store_exec(s, &earlier, "SELECT m.id FROM communications m WHERE m.failure_id = ?1 AND "
				   "m.client_id = ?2 AND m.id <> ?3 AND m.fact_amount_cents IS NOT NULL AND "
				   "m.direction = 'out' AND m.at <= ?4 AND m.fact_amount_cents <> ?5 AND "
				   NOT_CORRECTED("amount", "?4") " ORDER BY m.at, m.id LIMIT 1", "iiiii",
				   fid, cid, id, at, cents);
		if (rc == RD_OK)
			rc = note_discrepancy(s, fid, cid, id, earlier, "amount", at);
		if (rc == RD_ENOTFOUND)
			rc = RD_OK;
	}
	return rc;
}

/* A call or meeting note is the agent's account of a conversation: the
 * facts it says we told the client (rd_note_facts: not the client's words,
 * questions or denials) become the communication's facts, unless the
 * caller gave that fact itself. Adds them to EXTRA. Input the record
 * engine will refuse (unknown client, bad time) is left for it to report. */
static enum rd_err note_facts(struct rd_store *s, const struct rd_actor *a, json_t *in, json_t *extra,
			      char **errmsg)
{
	const char *ch = json_string_value(json_object_get(in, "channel"));
	const char *dir = json_string_value(json_object_get(in, "direction"));
	if (!ch || (strcmp(ch, "call") && strcmp(ch, "meeting")) || (dir && strcmp(dir, "out")))
		return RD_OK;
	bool want_eta = !json_object_get(in, "eta"), want_cause = !json_object_get(in, "cause");
	bool want_amount = !json_object_get(in, "amount") && !json_object_get(in, "currency");
	const char *sum = json_string_value(json_object_get(in, "summary"));
	const char *body = json_string_value(json_object_get(in, "body"));
	json_t *cv = json_object_get(in, "client_id");
	if (!cv)
		cv = json_object_get(in, "client");
	if ((!sum && !body) || !(want_eta || want_cause || want_amount))
		return RD_OK;
	/* the client as the record engine reads it: an id or a name */
	int64_t client = 0;
	char num[32], *m = NULL;
	if (json_is_integer(cv))
		snprintf(num, sizeof num, "%" JSON_INTEGER_FORMAT, json_integer_value(cv));
	const char *key = json_is_integer(cv) ? num : json_string_value(cv);
	enum rd_err rc = key ? rd_record_lookup(s, "client", key, &client, &m) : RD_ENOTFOUND;
	free(m);
	m = NULL;
	if (rc == RD_ENOTFOUND || rc == RD_EINVAL)
		return RD_OK;
	if (rc)
		return rd_fail(rc, errmsg, "looking up the client: %s", rd_store_errmsg(s));
	int64_t at = a->now;
	json_t *atv = json_object_get(in, "at");
	if (json_is_integer(atv))
		at = json_integer_value(atv);
	else if (atv && (!json_is_string(atv) || rd_time_parse(json_string_value(atv), &at, NULL)))
		return RD_OK;
	struct rd_stmt *st;
	rc = rd_store_prepare(s, "SELECT tz FROM clients WHERE id = ?1", &st);
	if (rc)
		return rd_fail(RD_EDB, errmsg, "reading the client's time zone: %s", rd_store_errmsg(s));
	rd_stmt_bind_int(st, 1, client);
	bool row = false;
	char *tz = NULL;
	if ((rc = rd_stmt_step(st, &row)) == RD_OK && row && rd_stmt_col_text(st, 0))
		tz = strdup(rd_stmt_col_text(st, 0));
	rd_stmt_free(st);
	if (rc) {
		free(tz);
		return rd_fail(RD_EDB, errmsg, "reading the client's time zone: %s", rd_store_errmsg(s));
	}
	if (!row)
		return RD_OK;
	/* summary and body read as one note, a paragraph apart */
	struct rd_buf b = RD_BUF_INIT;
	if (sum)
		rd_buf_adds(&b, sum);
	if (sum && body)
		rd_buf_adds(&b, "\n\n");
	if (body)
		rd_buf_adds(&b, body);
	struct rd_note_facts nf;
	if (b.oom)
		rc = rd_fail(RD_ENOMEM, errmsg, "out of memory");
	else if ((rc = rd_note_facts(b.data, b.len, at, tz, &nf, &m)) == RD_EINVAL)
		rc = RD_OK; /* invalid UTF-8: the record engine names it */
	else if (rc)
		rc = rd_fail(rc, errmsg, "reading the note: %s", m ? m : "?");
	free(m);
	free(tz);
	rd_buf_free(&b);
	if (rc || !(nf.has_eta || nf.cause || nf.has_amount))
		return rc;
	if (want_eta && nf.has_eta)
		json_object_set_new(extra, "eta", json_integer(nf.eta));
	if (want_cause && nf.cause)
		json_object_set_new(extra, "cause", json_string(nf.cause));
	if (want_amount && nf.has_amount) {
		json_object_set_new(extra, "amount", json_integer(nf.amount_cents));
		json_object_set_new(extra, "currency", json_string(nf.currency));
	}
	rd_note_facts_free(&nf);
	return RD_OK;
}

/* The id a reference of IN (under KEY or KEY_ID) gives as an id: a JSON
 * integer, or with DIGITS a string of digits (the CLI's --failure); 0 when
 * it is given otherwise (a name) or not at all. */
static int64_t given_id(json_t *in, const char *key, const char *key_id, bool digits)
{
	json_t *v = json_object_get(in, key);
	if (!v)
		v = json_object_get(in, key_id);
	if (json_is_integer(v))
		return json_integer_value(v);
	const char *t = digits ? json_string_value(v) : NULL;
	if (!t || !*t || strlen(t) > 18 || strspn(t, "0123456789") != strlen(t))
		return 0;
	return strtoll(t, NULL, 10);
}

/* Waits for the other writers of CLIENT's rows (a keyed transaction). */
static enum rd_err lock_client(struct rd_store *s, int64_t client, char **errmsg)
{
	enum rd_err rc = rd_store_lock_key(s, RD_KEY_CLIENT, client);
	return rc ? rd_fail(rc, errmsg, "waiting for the client's other writers: %s", rd_store_errmsg(s)) : RD_OK;
}

static enum rd_err comm_log(struct rd_store *s, const struct rd_actor *a, json_t *in, int64_t *id,
			    json_t **out, char **errmsg)
{
	enum rd_err rc = rd_require_role(a, RD_ROLE_AGENT, "logging a communication", errmsg);
	if (rc)
		return rc;
	if (!json_is_object(in))
		return rd_fail(RD_EINVAL, errmsg, "communication input must be a JSON object");
	json_t *extra = json_object();
	json_t *rec = NULL, *imp = NULL, *in_ids = NULL;
	int64_t cid = 0;
	if (!json_object_get(in, "at"))
		json_object_set_new(extra, "at", json_integer(a->now));
	if (a->user_id && !json_object_get(in, "author") && !json_object_get(in, "author_id"))
		json_object_set_new(extra, "author_id", json_integer(a->user_id));
	/* Keyed (store.h): what this reads and then writes is the client's —
	 * its impact, track and trust — so writers for other clients run
	 * beside it; the client's key is taken before the impact is read.
	 * Given as ids (the CLI and the API do), the client is known before
	 * anything is read: its key is taken with the BEGIN (one round trip
	 * on PostgreSQL, not two). */
	int64_t gf = given_id(in, "failure", "failure_id", true), gc = given_id(in, "client", "client_id", false);
	if ((rc = gf > 0 && gc > 0 ? rd_store_begin_keyed_on(s, RD_KEY_CLIENT, gc) : rd_store_begin_keyed(s))) {
		json_decref(extra);
		/* busy: the store says which wait ran out (the database's write
		 * lock, or the client's key that its other writers held) */
		if (rc == RD_EBUSY)
			return rd_fail(rc, errmsg, "cannot start a transaction: %s", rd_store_errmsg(s));
		return rd_fail(rc, errmsg, "cannot start a transaction");
	}
	if ((rc = note_facts(s, a, in, extra, errmsg)))
		goto out;
	/* Given as ids, the failure and the client are proved to exist, and
	 * related, by their impact: one read instead of two lookups and the
	 * impact's read below. Not found: the record engine and the check
	 * below say what is wrong, as always. */
	if (gf > 0 && gc > 0 &&
	    (rc = rd_record_find(s, "impact", "failure_id", gf, "client_id", gc, &imp, errmsg)) != RD_OK) {
		if (rc != RD_ENOTFOUND)
			goto out;
		rc = RD_OK;
	}
	if (imp) {
		if (!(in_ids = json_copy(in))) {
			rc = rd_fail(RD_ENOMEM, errmsg, "out of memory");
			goto out;
		}
		json_object_del(in_ids, "failure");
		json_object_del(in_ids, "failure_id");
		json_object_del(in_ids, "client");
		json_object_del(in_ids, "client_id");
		json_object_set_new(extra, "failure_id", json_integer(gf));
		json_object_set_new(extra, "client_id", json_integer(gc));
	}
	if ((rc = rd_record_create_rec(s, a, "communication", in_ids ? in_ids : in, extra, &rec, errmsg)))
		goto out;
	cid = json_integer_value(json_object_get(rec, "id"));
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
		int64_t fid = json_integer_value(fv);
		/* read once: the update below does not read it again */
		if (!imp && (rc = lock_client(s, client, errmsg)) == RD_OK)
			rc = rd_record_find(s, "impact", "failure_id", fid, "client_id", client, &imp, errmsg);
		if (rc == RD_ENOTFOUND) {
			rc = rd_fail(RD_EINVAL, errmsg, "client #%" JSON_INTEGER_FORMAT " is not affected by "
				     "failure #%" PRId64 " (record the impact first: redress impact set)",
				     client, fid);
			goto out;
		}
		if (rc)
			goto out;
		const char *status = json_string_value(json_object_get(imp, "recovery_status"));
		const char *next = strcmp(dir, "out") == 0 ? status_after(kind) : NULL;
		if (next && rd_machine_may(rd_machine_find("impact"), 0, status, next, RD_ROLE_ADMIN, NULL,
					   NULL) == RD_OK) {
			json_t *x = json_pack("{ss}", "recovery_status", next);
			rc = rd_record_update_known(s, a, "impact", json_integer_value(json_object_get(imp, "id")), imp,
						    x, NULL, errmsg);
			json_decref(x);
		}
		if (rc == RD_OK && strcmp(dir, "out") == 0 && strcmp(kind, "correction") != 0 &&
		    (rc = check_facts(s, rec, fid, client)))
			rc = rd_fail(rc, errmsg, "comparing the facts stated: %s", rd_store_errmsg(s));
		if (rc == RD_OK)
			rc = rd_track_changed(s, fid, client, a->now, errmsg);
	} else if (chase) {
		rc = rd_fail(RD_EINVAL, errmsg, "a chase must name the failure it asks about (--failure)");
	}
	if (rc == RD_OK) { /* the row just written is the event's data: not read again */
		char key[96];
		snprintf(key, sizeof key, "communication:%" PRId64 ":%" PRId64, cid, a->now);
		rc = rd_webhook_emit(s, "communication.logged", key, rec, a->now, errmsg);
	}
out:
	rc = rd_store_end(s, rc, errmsg);
	if (rc == RD_OK && id)
		*id = cid;
	if (rc == RD_OK && out)
		*out = json_incref(rec);
	json_decref(extra);
	json_decref(rec);
	json_decref(imp);
	json_decref(in_ids);
	return rc;
}

enum rd_err rd_comm_log(struct rd_store *s, const struct rd_actor *a, json_t *in, int64_t *id,
			char **errmsg)
{
	return comm_log(s, a, in, id, NULL, errmsg);
}

enum rd_err rd_comm_log_rec(struct rd_store *s, const struct rd_actor *a, json_t *in, json_t **out,
			    char **errmsg)
{
	*out = NULL;
	return comm_log(s, a, in, NULL, out, errmsg);
}
