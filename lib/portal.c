/* portal.c — the client portal's reads (portal.h): what a contact may see
 * of the failures that touched its client. Every query is bound to the
 * identity's client and every entry point first checks the identity and
 * the failure's visibility, so a page cannot forget the isolation rule. */
#include <stdio.h>
#include <string.h>

#include "model_int.h"
#include "redress/comm_kind.h"
#include "redress/portal.h"
#include "redress/report.h"

/* RD_EPERM unless WHO names a client and, when it names a contact, a
 * contact of that client; RD_ENOTFOUND when there is no such client. */
static enum rd_err identity(struct rd_store *s, const struct rd_portal_id *who)
{
	int64_t n = 0;
	if (!who || who->client_id <= 0)
		return RD_EPERM;
	enum rd_err rc = rd_store_exec(s, &n,
		"SELECT (SELECT count(*) FROM clients WHERE id = ?1) + "
		"(CASE WHEN ?2 <= 0 OR EXISTS (SELECT 1 FROM contacts WHERE id = ?2 AND client_id = ?1) "
		"THEN 2 ELSE 0 END)", "ii", who->client_id, who->contact_id);
	if (rc)
		return RD_EDB;
	if (!(n & 2))
		return RD_EPERM;
	return n & 1 ? RD_OK : RD_ENOTFOUND;
}

static enum rd_err visible(struct rd_store *s, int64_t cid, int64_t fid, bool *yes)
{
	int64_t n = 0;
	*yes = false;
	if (fid <= 0)
		return RD_OK;
	enum rd_err rc = rd_store_exec(s, &n,
		"SELECT count(*) FROM impacts i WHERE i.failure_id = ?1 AND i.client_id = ?2 AND "
		"(i.affected = 'yes' OR EXISTS (SELECT 1 FROM communications m WHERE m.failure_id = ?1 "
		" AND m.client_id = ?2 AND m.visibility = 'client' AND m.direction = 'out'))", "ii", fid, cid);
	if (rc)
		return RD_EDB;
	*yes = n > 0;
	return RD_OK;
}

enum rd_err rd_portal_visible(struct rd_store *s, const struct rd_portal_id *who, int64_t fid, bool *yes)
{
	*yes = false;
	enum rd_err rc = identity(s, who);
	return rc ? rc : visible(s, who->client_id, fid, yes);
}

/* Identity, then visibility: RD_ENOTFOUND for a failure not shown. */
static enum rd_err gate(struct rd_store *s, const struct rd_portal_id *who, int64_t fid)
{
	bool yes = false;
	enum rd_err rc = rd_portal_visible(s, who, fid, &yes);
	return rc ? rc : yes ? RD_OK : RD_ENOTFOUND;
}

/* {name, tz} of the client, the only client fields a contact sees. */
static enum rd_err client_face(struct rd_store *s, int64_t cid, json_t **out)
{
	json_t *rows = NULL;
	enum rd_err rc = rd_rows_json(s, "SELECT name, tz FROM clients WHERE id = ?1", "tt", &rows, "i", cid);
	if (rc)
		return rc;
	json_t *c = json_array_get(rows, 0);
	if (!c) {
		json_decref(rows);
		return RD_ENOTFOUND;
	}
	*out = json_incref(c);
	json_decref(rows);
	return RD_OK;
}

/* What an update is called on the portal: a call or meeting by who was
 * on it ("Call with Lena Vogel"), a message by its purpose ("Apology"),
 * a message from the client as theirs. */
static const char *kind_title(const char *k)
{
	const struct rd_comm_kind_info *i = rd_comm_kind_find(k);
	return i ? i->portal_title : "Update";
}

static enum rd_err titles(json_t *updates)
{
	size_t i;
	json_t *m;
	json_array_foreach(updates, i, m) {
		const char *ch = json_string_value(json_object_get(m, "channel"));
		const char *dir = json_string_value(json_object_get(m, "direction"));
		const char *who = json_string_value(json_object_get(m, "contact"));
		char title[160];
		bool talk = ch && (!strcmp(ch, "call") || !strcmp(ch, "meeting"));
		if (dir && !strcmp(dir, "in"))
			snprintf(title, sizeof title, "%s", talk ? (!strcmp(ch, "call") ? "Your call" : "Your meeting")
							       : "You wrote");
		else if (talk && who)
			snprintf(title, sizeof title, "%s with %s", !strcmp(ch, "call") ? "Call" : "Meeting", who);
		else if (talk)
			snprintf(title, sizeof title, "%s: %s", !strcmp(ch, "call") ? "Call" : "Meeting",
				 kind_title(json_string_value(json_object_get(m, "kind"))));
		else
			snprintf(title, sizeof title, "%s", kind_title(json_string_value(json_object_get(m, "kind"))));
		json_t *v = json_string(title);
		if (!v || json_object_set_new(m, "title", v))
			return RD_ENOMEM;
	}
	return RD_OK;
}

/* Sets KEY of O to *ROWS, the answer of the query that returned QRC
 * (consumed, *ROWS reset); keeps the first error. ROWS is read only here,
 * after the query ran: an argument's value would be evaluated in no
 * fixed order with the call that fills it. */
static void put(json_t *o, const char *key, enum rd_err *rc, enum rd_err qrc, json_t **rows)
{
	json_t *v = *rows;
	*rows = NULL;
	if (*rc == RD_OK && qrc)
		*rc = qrc;
	if (qrc == RD_OK && json_object_set_new(o, key, v) && *rc == RD_OK)
		*rc = RD_ENOMEM;
}

enum rd_err rd_portal_home(struct rd_store *s, const struct rd_portal_id *who, json_t **out)
{
	json_t *o = NULL, *rows = NULL;
	enum rd_err rc = identity(s, who);
	if (rc)
		return rc;
	if (!(o = json_object()))
		return RD_ENOMEM;
	json_t *c = NULL;
	if ((rc = client_face(s, who->client_id, &c)))
		goto out;
	put(o, "client", &rc, RD_OK, &c);
	if (who->contact_id > 0) {
		put(o, "contact", &rc, rd_rows_json(s, "SELECT name FROM contacts WHERE id = ?1 AND client_id = ?2",
				"t", &rows, "ii", who->contact_id, who->client_id), &rows);
		if (rc == RD_OK) {
			json_t *k = json_array_get(json_object_get(o, "contact"), 0);
			json_object_set(o, "contact", k ? k : json_null());
		}
	} else {
		json_object_set_new(o, "contact", json_null());
	}
	put(o, "failures", &rc, rd_rows_json(s,
		"SELECT f.id, f.title, f.status, f.detected_at, f.resolved_at, "
		"(SELECT max(at) FROM communications m WHERE m.failure_id = f.id AND m.client_id = ?1 "
		" AND m.visibility = 'client' AND m.direction = 'out') AS last_update, "
		"(SELECT count(*) FROM surveys s WHERE s.failure_id = f.id AND s.client_id = ?1 AND NOT EXISTS "
		" (SELECT 1 FROM survey_answers a WHERE a.survey_id = s.id)) AS open_surveys "
		"FROM failures f JOIN impacts i ON i.failure_id = f.id AND i.client_id = ?1 "
		"WHERE i.affected = 'yes' OR EXISTS (SELECT 1 FROM communications m WHERE m.failure_id = f.id "
		" AND m.client_id = ?1 AND m.visibility = 'client' AND m.direction = 'out') "
		"ORDER BY f.detected_at DESC", "ittiiii", &rows, "i", who->client_id), &rows);
out:
	if (rc) {
		json_decref(o);
		return rc;
	}
	*out = o;
	return RD_OK;
}

enum rd_err rd_portal_failure(struct rd_store *s, const struct rd_portal_id *who, int64_t fid, json_t **out)
{
	json_t *o = NULL, *rows = NULL, *c = NULL;
	int64_t cid = who ? who->client_id : 0, sid = 0;
	enum rd_err rc = gate(s, who, fid);
	if (rc)
		return rc;
	if (!(o = json_object()))
		return RD_ENOMEM;
	if ((rc = client_face(s, cid, &c)))
		goto out;
	put(o, "client", &rc, RD_OK, &c);
	put(o, "failure", &rc, rd_rows_json(s,
		"SELECT f.title, f.status, f.detected_at, f.resolved_at, r.client_explanation, "
		"u.name AS pp_name, u.email AS pp_email FROM failures f "
		"JOIN impacts i ON i.failure_id = f.id AND i.client_id = ?2 "
		"LEFT JOIN rcas r ON r.failure_id = f.id LEFT JOIN users u ON u.id = i.point_person_id "
		"WHERE f.id = ?1", "ttiittt", &rows, "ii", fid, cid), &rows);
	if (rc == RD_OK) {
		json_t *f = json_array_get(json_object_get(o, "failure"), 0);
		if (!f) {
			rc = RD_ENOTFOUND;
			goto out;
		}
		json_object_set(o, "failure", f);
	}
	bool published = false;
	if (rc == RD_OK && rd_report_published(s, fid, cid, &published, NULL))
		rc = RD_EDB;
	json_object_set_new(o, "report_published", json_boolean(published));
	/* never the summary: it is the staff's note ("Call note: Sam called…") */
	put(o, "updates", &rc, rd_rows_json(s,
		"SELECT m.id, m.kind, m.channel, m.direction, m.at, m.body AS text, m.fact_eta, k.name AS contact "
		"FROM communications m LEFT JOIN contacts k ON k.id = m.contact_id AND k.client_id = m.client_id "
		"WHERE m.failure_id = ?1 AND m.client_id = ?2 AND m.visibility = 'client' ORDER BY m.at, m.id",
		"itttitit", &rows, "ii", fid, cid), &rows);
	if (rc == RD_OK)
		rc = titles(json_object_get(o, "updates"));
	put(o, "actions", &rc, rd_rows_json(s,
		"SELECT kind, description, due_at, status, success_criterion FROM plan_actions "
		"WHERE failure_id = ?1 AND (client_id IS NULL OR client_id = ?2) ORDER BY due_at NULLS FIRST, id",
		"ttitt", &rows, "ii", fid, cid), &rows);
	put(o, "etas", &rc, rd_rows_json(s,
		"SELECT eta, reason, at FROM eta_revisions WHERE failure_id = ?1 AND clients_told = 1 AND "
		"(client_id IS NULL OR client_id = ?2) ORDER BY at, id", "iti", &rows, "ii", fid, cid), &rows);
	put(o, "review", &rc, rd_rows_json(s,
		"SELECT client_text AS text FROM reviews WHERE failure_id = ?1 AND client_text IS NOT NULL "
		"AND trim(client_text) <> ''", "t", &rows, "i", fid), &rows);
	if (rc == RD_OK) {
		json_t *rv = json_array_get(json_object_get(o, "review"), 0);
		json_object_set(o, "review", rv ? json_object_get(rv, "text") : json_null());
	}
	put(o, "commitments", &rc, rd_rows_json(s,
		"SELECT text, due_at, status FROM commitments WHERE client_id = ?2 AND failure_id = ?1 "
		"ORDER BY due_at NULLS FIRST, id", "tit", &rows, "ii", fid, cid), &rows);
	put(o, "goodwill", &rc, rd_rows_json(s,
		"SELECT kind, amount_cents, currency, status FROM goodwill WHERE client_id = ?2 AND failure_id = ?1 "
		"AND status IN ('approved','delivered') ORDER BY id", "titt", &rows, "ii", fid, cid), &rows);
	if (rc)
		goto out;
	enum rd_err src = rd_store_exec(s, &sid, "SELECT id FROM surveys WHERE failure_id = ?1 AND client_id = ?2",
					"ii", fid, cid);
	if (src == RD_ENOTFOUND) { /* no survey sent is not an error */
		json_object_set_new(o, "survey", json_null());
	} else if (src) {
		rc = RD_EDB;
	} else {
		json_t *sv = json_pack("{sI}", "id", (json_int_t)sid);
		put(sv, "answers", &rc, rd_rows_json(s,
			"SELECT question, score, answer FROM survey_answers WHERE survey_id = ?1 ORDER BY id",
			"tit", &rows, "i", sid), &rows);
		put(o, "survey", &rc, sv ? RD_OK : RD_ENOMEM, &sv);
	}
out:
	if (rc) {
		json_decref(o);
		return rc;
	}
	*out = o;
	return RD_OK;
}

enum rd_err rd_portal_survey(struct rd_store *s, const struct rd_portal_id *who, int64_t fid, int64_t *survey_id,
			     int64_t *answered)
{
	enum rd_err rc = gate(s, who, fid);
	if (rc)
		return rc;
	rc = rd_store_exec(s, survey_id, "SELECT id FROM surveys WHERE failure_id = ?1 AND client_id = ?2", "ii",
			   fid, who->client_id);
	if (rc == RD_OK)
		rc = rd_store_exec(s, answered, "SELECT count(*) FROM survey_answers WHERE survey_id = ?1", "i",
				   *survey_id);
	return rc == RD_OK || rc == RD_ENOTFOUND ? rc : RD_EDB;
}

enum rd_err rd_portal_report(struct rd_store *s, const struct rd_portal_id *who, int64_t fid, int64_t now,
			     json_t **out, char **errmsg)
{
	bool published = false;
	enum rd_err rc = gate(s, who, fid);
	if (rc == RD_OK)
		rc = rd_report_published(s, fid, who->client_id, &published, errmsg);
	if (rc == RD_OK && !published)
		rc = RD_ENOTFOUND;
	if (rc == RD_OK)
		rc = rd_report_view(s, fid, RD_REPORT_CLIENT, who->client_id, now, out, errmsg);
	return rc;
}
