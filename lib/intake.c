/* intake.c — Prometheus Alertmanager's webhook (version 4) as draft
 * failures. A notification is checked whole before anything is written;
 * its group (groupKey) owns one failure, its alerts (by fingerprint) are
 * that failure's notes, and "resolved" only ever proposes resolution to a
 * person. Retries of the same notification change nothing. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "model_int.h"
#include "redress/agenda.h"
#include "redress/intake.h"
#include "redress/policy.h"
#include "redress/time.h"
#include "util/buf.h"

#define SOURCE "alertmanager"
#define MAX_TEXT 4096

/* One alert of the notification, checked. Strings borrowed from the payload. */
struct alert {
	const char *status, *fingerprint, *alertname, *service, *summary;
	int severity;
	int64_t starts_at, ends_at;      /* ends_at 0: not ended (Alertmanager's zero time) */
};

static bool str_ok(json_t *v, size_t max)
{
	return json_is_string(v) && json_string_length(v) <= max &&
	       strlen(json_string_value(v)) == json_string_length(v);
}

static bool labels_ok(json_t *o)
{
	const char *k;
	json_t *v;
	if (!json_is_object(o))
		return false;
	json_object_foreach(o, k, v) {
		if (!str_ok(v, MAX_TEXT))
			return false;
	}
	return true;
}

/* Alertmanager writes "0001-01-01T00:00:00Z" for "no end". */
static enum rd_err alert_time(json_t *v, const char *path, bool zero_ok, int64_t *out, char **errmsg)
{
	*out = 0;
	if (!str_ok(v, 64))
		return rd_fail(RD_EINVAL, errmsg, "%s: expected an RFC 3339 time", path);
	const char *s = json_string_value(v);
	if (zero_ok && strncmp(s, "0001-01-01T00:00:00", 19) == 0)
		return RD_OK;
	char *msg = NULL;
	if (rd_time_parse(s, out, &msg)) {
		enum rd_err rc = rd_fail(RD_EINVAL, errmsg, "%s: %s", path, msg ? msg : "not a time");
		free(msg);
		return rc;
	}
	return RD_OK;
}

/* Checks the whole payload; fills AL[0..n). */
static enum rd_err validate(const struct rd_intake_policy *ip, json_t *p, struct alert **al, size_t *n,
			    char **errmsg)
{
	json_t *v;
	*al = NULL;
	*n = 0;
	if (!json_is_object(p))
		return rd_fail(RD_EINVAL, errmsg, "the notification must be a JSON object");
	v = json_object_get(p, "version");
	if (!v)
		return rd_fail(RD_EINVAL, errmsg, "version: missing (expected \"4\", Alertmanager's webhook format)");
	if (!json_is_string(v) || strcmp(json_string_value(v), "4") != 0)
		return rd_fail(RD_EINVAL, errmsg, "version: expected \"4\" (Alertmanager's webhook format), got %s",
			       json_is_string(v) ? json_string_value(v) : "a non-string");
	static const char *const strs[] = {"receiver", "status", "groupKey"};
	for (size_t i = 0; i < 3; i++) {
		v = json_object_get(p, strs[i]);
		if (!v)
			return rd_fail(RD_EINVAL, errmsg, "%s: missing", strs[i]);
		if (!str_ok(v, MAX_TEXT) || json_string_length(v) == 0)
			return rd_fail(RD_EINVAL, errmsg, "%s: expected a non-empty string of at most %d bytes",
				       strs[i], MAX_TEXT);
	}
	const char *st = json_string_value(json_object_get(p, "status"));
	if (strcmp(st, "firing") && strcmp(st, "resolved"))
		return rd_fail(RD_EINVAL, errmsg, "status: expected firing or resolved, got '%.40s'", st);
	static const char *const objs[] = {"groupLabels", "commonLabels", "commonAnnotations"};
	for (size_t i = 0; i < 3; i++) {
		v = json_object_get(p, objs[i]);
		if (v && !labels_ok(v))
			return rd_fail(RD_EINVAL, errmsg, "%s: expected an object of strings", objs[i]);
	}
	v = json_object_get(p, "externalURL");
	if (v && !str_ok(v, MAX_TEXT))
		return rd_fail(RD_EINVAL, errmsg, "externalURL: expected a string");
	v = json_object_get(p, "truncatedAlerts");
	if (v && (!json_is_integer(v) || json_integer_value(v) < 0))
		return rd_fail(RD_EINVAL, errmsg, "truncatedAlerts: expected a whole number");
	json_t *alerts = json_object_get(p, "alerts");
	if (!alerts)
		return rd_fail(RD_EINVAL, errmsg, "alerts: missing");
	if (!json_is_array(alerts) || json_array_size(alerts) == 0)
		return rd_fail(RD_EINVAL, errmsg, "alerts: expected a non-empty list");
	if (json_array_size(alerts) > RD_INTAKE_MAX_ALERTS)
		return rd_fail(RD_EINVAL, errmsg, "alerts: %zu alerts, more than the %d accepted at once",
			       json_array_size(alerts), RD_INTAKE_MAX_ALERTS);
	struct alert *a = calloc(json_array_size(alerts), sizeof *a);
	if (!a)
		return rd_fail(RD_ENOMEM, errmsg, "out of memory");
	enum rd_err rc = RD_OK;
	size_t i;
	json_t *x;
	json_array_foreach(alerts, i, x) {
		char path[64];
		if (!json_is_object(x)) {
			rc = rd_fail(RD_EINVAL, errmsg, "alerts[%zu]: expected an object", i);
			break;
		}
		json_t *labels = json_object_get(x, "labels"), *ann = json_object_get(x, "annotations");
		json_t *status = json_object_get(x, "status"), *fp = json_object_get(x, "fingerprint");
		if (!status || !str_ok(status, 16) || (strcmp(json_string_value(status), "firing") &&
						       strcmp(json_string_value(status), "resolved"))) {
			rc = rd_fail(RD_EINVAL, errmsg, "alerts[%zu].status: %s", i,
				     status ? "expected firing or resolved" : "missing");
			break;
		}
		if (!labels || !labels_ok(labels)) {
			rc = rd_fail(RD_EINVAL, errmsg, "alerts[%zu].labels: %s", i,
				     labels ? "expected an object of strings" : "missing");
			break;
		}
		if (ann && !labels_ok(ann)) {
			rc = rd_fail(RD_EINVAL, errmsg, "alerts[%zu].annotations: expected an object of strings", i);
			break;
		}
		if (!fp || !str_ok(fp, 128) || json_string_length(fp) == 0) {
			rc = rd_fail(RD_EINVAL, errmsg, "alerts[%zu].fingerprint: %s", i,
				     fp ? "expected a non-empty string" : "missing");
			break;
		}
		snprintf(path, sizeof path, "alerts[%zu].startsAt", i);
		if (!json_object_get(x, "startsAt")) {
			rc = rd_fail(RD_EINVAL, errmsg, "%s: missing", path);
			break;
		}
		if ((rc = alert_time(json_object_get(x, "startsAt"), path, false, &a[i].starts_at, errmsg)))
			break;
		snprintf(path, sizeof path, "alerts[%zu].endsAt", i);
		if (json_object_get(x, "endsAt") &&
		    (rc = alert_time(json_object_get(x, "endsAt"), path, true, &a[i].ends_at, errmsg)))
			break;
		a[i].status = json_string_value(status);
		a[i].fingerprint = json_string_value(fp);
		a[i].alertname = json_string_value(json_object_get(labels, "alertname"));
		a[i].summary = json_string_value(json_object_get(ann, "summary"));
		rd_intake_map_labels(ip, labels, &a[i].service, &a[i].severity);
	}
	if (rc) {
		free(a);
		return rc;
	}
	*al = a;
	*n = json_array_size(alerts);
	return RD_OK;
}

/* "HighErrorRate on Payments API", from the notification's common parts. */
static char *title_of(json_t *p, const struct alert *al, size_t n)
{
	const char *sum = json_string_value(json_object_get(json_object_get(p, "commonAnnotations"), "summary"));
	const char *name = json_string_value(json_object_get(json_object_get(p, "groupLabels"), "alertname"));
	if (!name)
		name = json_string_value(json_object_get(json_object_get(p, "commonLabels"), "alertname"));
	if (!name && n)
		name = al[0].alertname;
	struct rd_buf b = RD_BUF_INIT;
	if (sum && *sum)
		rd_buf_addf(&b, "%.200s", sum);
	else
		rd_buf_addf(&b, "Alert: %.100s%s%.100s", name ? name : "unnamed", n && al[0].service ? " on " : "",
			    n && al[0].service ? al[0].service : "");
	return rd_buf_detach(&b);
}

static enum rd_err db(struct rd_store *s, char **errmsg, const char *what)
{
	return rd_fail(RD_EDB, errmsg, "%s: %s", what, rd_store_errmsg(s));
}

/* Records alert AL of group GID, or brings its row up to date; *changed
 * when anything was written. Links its service when redress knows it. */
static enum rd_err take_alert(struct rd_store *s, const struct rd_actor *a, int64_t gid, int64_t fid,
			      bool draft, const struct alert *al, int *changes, char **errmsg)
{
	int64_t aid = 0;
	enum rd_err rc = rd_store_exec(s, &aid, "SELECT id FROM intake_alerts WHERE group_id = ?1 AND "
				       "fingerprint = ?2", "it", gid, al->fingerprint);
	if (rc && rc != RD_ENOTFOUND)
		return db(s, errmsg, "reading alerts");
	json_t *after = json_pack("{ss ss si}", "fingerprint", al->fingerprint, "status", al->status,
				  "severity", al->severity);
	if (rc == RD_ENOTFOUND) {
		struct rd_stmt *st;
		bool row;
		if ((rc = rd_store_prepare(s, "INSERT INTO intake_alerts (group_id, fingerprint, alertname, service, "
					   "severity, status, summary, starts_at, ends_at, created_at, updated_at) "
					   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10) RETURNING id", &st))) {
			json_decref(after);
			return db(s, errmsg, "recording an alert");
		}
		rd_stmt_bind_int(st, 1, gid);
		rd_stmt_bind_text(st, 2, al->fingerprint);
		rd_stmt_bind_text(st, 3, al->alertname);
		rd_stmt_bind_text(st, 4, al->service);
		rd_stmt_bind_int(st, 5, al->severity);
		rd_stmt_bind_text(st, 6, al->status);
		rd_stmt_bind_text(st, 7, al->summary);
		rd_stmt_bind_int(st, 8, al->starts_at);
		if (al->ends_at)
			rd_stmt_bind_int(st, 9, al->ends_at);
		else
			rd_stmt_bind_null(st, 9);
		rd_stmt_bind_int(st, 10, a->now);
		rc = rd_stmt_step(st, &row);
		if (rc == RD_OK && row)
			aid = rd_stmt_col_int(st, 0);
		rd_stmt_free(st);
		if (rc || !aid) {
			json_decref(after);
			return db(s, errmsg, "recording an alert");
		}
		rc = rd_audit(s, a, "intake_alert", aid, "create", NULL, after);
		json_decref(after);
		if (rc)
			return db(s, errmsg, "writing the audit log");
		(*changes)++;
		if (al->service) {
			bool added = false;
			char *msg = NULL;
			rc = rd_failure_add_service(s, a, fid, al->service, &added, &msg);
			if (rc == RD_ENOTFOUND) /* a service redress does not know: kept on the alert only */
				rc = RD_OK;
			if (rc) {
				if (errmsg)
					*errmsg = msg;
				else
					free(msg);
				return rc;
			}
			free(msg);
		}
		if (draft && !strcmp(al->status, "firing")) {
			int64_t cur = 0;
			if (rd_store_exec(s, &cur, "SELECT severity FROM failures WHERE id = ?1", "i", fid))
				return db(s, errmsg, "reading the failure");
			if (al->severity < cur) { /* a draft takes its most severe alert's severity */
				json_t *extra = json_pack("{si}", "severity", al->severity);
				rc = rd_record_update(s, a, "failure", fid, NULL, extra, errmsg);
				json_decref(extra);
				if (rc == RD_OK)
					rc = rd_track_changed(s, fid, 0, a->now, errmsg);
			}
		}
		return rc;
	}
	/* Known: only a new status or end time is news. */
	int64_t same = 0;
	rc = rd_store_exec(s, &same, "SELECT count(*) FROM intake_alerts WHERE id = ?1 AND status = ?2 AND "
			   "coalesce(ends_at, 0) = ?3", "iti", aid, al->status, al->ends_at);
	if (rc || same) {
		json_decref(after);
		return rc ? db(s, errmsg, "reading alerts") : RD_OK;
	}
	rc = al->ends_at ? rd_store_exec(s, NULL, "UPDATE intake_alerts SET status = ?2, ends_at = ?3, "
					 "updated_at = ?4 WHERE id = ?1", "itii", aid, al->status, al->ends_at,
					 a->now)
			 : rd_store_exec(s, NULL, "UPDATE intake_alerts SET status = ?2, ends_at = NULL, "
					 "updated_at = ?3 WHERE id = ?1", "iti", aid, al->status, a->now);
	if (rc == RD_OK)
		rc = rd_audit(s, a, "intake_alert", aid, "update", NULL, after);
	json_decref(after);
	if (rc)
		return db(s, errmsg, "updating an alert");
	(*changes)++;
	return RD_OK;
}

/* Firing -> resolved proposes resolution; resolved -> firing withdraws it. */
static enum rd_err take_group_status(struct rd_store *s, const struct rd_actor *a, int64_t gid, int64_t fid,
				     const char *was, const char *now_status, const struct alert *al, size_t n,
				     int64_t *proposal, int *changes, char **errmsg)
{
	enum rd_err rc;
	if (!strcmp(was, now_status))
		return RD_OK;
	if ((rc = rd_store_exec(s, NULL, "UPDATE intake_groups SET status = ?2, updated_at = ?3 WHERE id = ?1",
				"iti", gid, now_status, a->now)))
		return db(s, errmsg, "updating the alert group");
	(*changes)++;
	if (!strcmp(now_status, "firing")) {
		if ((rc = rd_store_exec(s, NULL, "UPDATE resolution_proposals SET status = 'withdrawn', "
					"updated_at = ?2 WHERE failure_id = ?1 AND source = ?3 AND status = 'open'",
					"iit", fid, a->now, SOURCE)))
			return db(s, errmsg, "withdrawing the resolution proposal");
		return RD_OK;
	}
	int64_t ended = 0;
	for (size_t i = 0; i < n; i++)
		if (al[i].ends_at > ended)
			ended = al[i].ends_at;
	if (!ended)
		ended = a->now;
	char when[RD_TIME_BUFSZ];
	struct rd_buf note = RD_BUF_INIT;
	rd_buf_addf(&note, "Alertmanager reports the alert group resolved (%zu alert%s, the last ended %s). "
		    "If the service is restored for clients, resolve the failure: redress failure resolve %" PRId64
		    ".", n, n == 1 ? "" : "s", rd_time_format(ended, when), fid);
	if (note.oom) {
		rd_buf_free(&note);
		return rd_fail(RD_ENOMEM, errmsg, "out of memory");
	}
	rc = rd_store_exec(s, proposal, "INSERT INTO resolution_proposals (failure_id, source, note, ended_at, "
			   "status, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, 'open', ?5, ?5) RETURNING id",
			   "ittii", fid, SOURCE, note.data, ended, a->now);
	json_t *after = json_pack("{sI ss}", "failure_id", (json_int_t)fid, "note", note.data);
	rd_buf_free(&note);
	if (rc == RD_OK)
		rc = rd_audit(s, a, "resolution_proposal", *proposal, "create", NULL, after);
	json_decref(after);
	return rc ? db(s, errmsg, "recording the resolution proposal") : RD_OK;
}

enum rd_err rd_intake_alertmanager(struct rd_store *s, const struct rd_actor *a, json_t *payload,
				   json_t **out, char **errmsg)
{
	enum rd_err rc = rd_require_role(a, RD_ROLE_AGENT, "sending alerts", errmsg);
	const struct rd_policy *pol = NULL;
	struct alert *al = NULL;
	size_t n = 0;
	int64_t gid = 0, fid = 0, proposal = 0;
	int changes = 0;
	bool created = false, draft = false, began = false;
	char *was = NULL;
	*out = NULL;
	if (rc || (rc = rd_policy_in_force(&pol, errmsg)) || (rc = validate(&pol->intake, payload, &al, &n, errmsg)))
		goto out;
	const char *key = json_string_value(json_object_get(payload, "groupKey"));
	const char *status = json_string_value(json_object_get(payload, "status"));
	if ((rc = rd_store_begin(s))) {
		rc = rd_fail(rc, errmsg, "cannot start a transaction");
		goto out;
	}
	began = true;
	struct rd_stmt *st;
	bool row;
	if ((rc = rd_store_prepare(s, "SELECT g.id, g.failure_id, g.status, f.draft FROM intake_groups g JOIN "
				   "failures f ON f.id = g.failure_id WHERE g.source = ?1 AND g.group_key = ?2",
				   &st))) {
		rc = db(s, errmsg, "reading alert groups");
		goto out;
	}
	rd_stmt_bind_text(st, 1, SOURCE);
	rd_stmt_bind_text(st, 2, key);
	if ((rc = rd_stmt_step(st, &row)) == RD_OK && row) {
		gid = rd_stmt_col_int(st, 0);
		fid = rd_stmt_col_int(st, 1);
		was = strdup(rd_stmt_col_text(st, 2));
		draft = rd_stmt_col_int(st, 3) != 0;
	}
	rd_stmt_free(st);
	if (rc || (row && !was)) {
		rc = rc ? db(s, errmsg, "reading alert groups") : rd_fail(RD_ENOMEM, errmsg, "out of memory");
		goto out;
	}
	if (!gid) {
		bool firing = false;
		for (size_t i = 0; i < n; i++)
			firing |= !strcmp(al[i].status, "firing");
		if (!firing) /* the end of something we never saw begin: nothing to open */
			goto out;
		int sev = 4;
		int64_t started = 0;
		for (size_t i = 0; i < n; i++) {
			if (!strcmp(al[i].status, "firing") && al[i].severity < sev)
				sev = al[i].severity;
			if (!started || al[i].starts_at < started)
				started = al[i].starts_at;
		}
		char *title = title_of(payload, al, n);
		struct rd_buf desc = RD_BUF_INIT;
		const char *d = json_string_value(json_object_get(json_object_get(payload, "commonAnnotations"),
								  "description"));
		rd_buf_addf(&desc, "Opened from Prometheus Alertmanager (receiver %.200s). %s", json_string_value(
			    json_object_get(payload, "receiver")), d ? d : "");
		json_t *in = json_pack("{ss? ss? si}", "title", title, "description", desc.data, "severity", sev);
		if (in && started && started <= a->now)
			json_object_set_new(in, "started_at", json_integer(started));
		free(title);
		rd_buf_free(&desc);
		if (!in) {
			rc = rd_fail(RD_ENOMEM, errmsg, "out of memory");
			goto out;
		}
		rc = rd_failure_open_draft(s, a, in, &fid, errmsg);
		json_decref(in);
		if (rc)
			goto out;
		const char *url = json_string_value(json_object_get(payload, "externalURL"));
		if ((rc = rd_store_exec(s, &gid, "INSERT INTO intake_groups (source, group_key, failure_id, status, "
					"receiver, external_url, created_at, updated_at) VALUES (?1, ?2, ?3, 'firing', "
					"?4, ?5, ?6, ?6) RETURNING id", "ttitti", SOURCE, key, fid,
					json_string_value(json_object_get(payload, "receiver")), url, a->now))) {
			rc = db(s, errmsg, "recording the alert group");
			goto out;
		}
		json_t *after = json_pack("{ss sI}", "group_key", key, "failure_id", (json_int_t)fid);
		rc = rd_audit(s, a, "intake_group", gid, "create", NULL, after);
		json_decref(after);
		if (rc) {
			rc = db(s, errmsg, "writing the audit log");
			goto out;
		}
		created = draft = true;
		changes++;
		free(was);
		if (!(was = strdup("firing"))) {
			rc = rd_fail(RD_ENOMEM, errmsg, "out of memory");
			goto out;
		}
	}
	for (size_t i = 0; i < n && rc == RD_OK; i++)
		rc = take_alert(s, a, gid, fid, draft, &al[i], &changes, errmsg);
	if (rc == RD_OK)
		rc = take_group_status(s, a, gid, fid, was, status, al, n, &proposal, &changes, errmsg);
out:
	if (began) {
		rc = rd_store_end(s, rc, errmsg);
	}
	if (rc == RD_OK) {
		*out = json_pack("{so sb si sb so}", "failure_id", fid ? json_integer(fid) : json_null(), "created",
				 created, "changes", changes, "draft", draft, "proposal_id",
				 proposal ? json_integer(proposal) : json_null());
		if (!*out)
			rc = rd_fail(RD_ENOMEM, errmsg, "out of memory");
	}
	free(al);
	free(was);
	return rc;
}

enum rd_err rd_intake_failure(struct rd_store *s, int64_t id, json_t **out, char **errmsg)
{
	struct rd_stmt *st;
	bool row;
	char b1[RD_TIME_BUFSZ], b2[RD_TIME_BUFSZ];
	json_t *alerts = json_array(), *props = json_array();
	enum rd_err rc = rd_store_prepare(s,
		"SELECT a.fingerprint, a.alertname, a.service, a.severity, a.status, a.summary, a.starts_at, "
		"a.ends_at, g.group_key FROM intake_alerts a JOIN intake_groups g ON g.id = a.group_id "
		"WHERE g.failure_id = ?1 ORDER BY a.id", &st);
	if (rc == RD_OK) {
		rd_stmt_bind_int(st, 1, id);
		while ((rc = rd_stmt_step(st, &row)) == RD_OK && row) {
			json_t *o = json_pack("{ss ss? ss? si ss ss? ss ss? ss}", "fingerprint", rd_stmt_col_text(st, 0),
				"alertname", rd_stmt_col_text(st, 1), "service", rd_stmt_col_text(st, 2),
				"severity", (int)rd_stmt_col_int(st, 3), "status", rd_stmt_col_text(st, 4),
				"summary", rd_stmt_col_text(st, 5), "starts_at",
				rd_time_format(rd_stmt_col_int(st, 6), b1), "ends_at",
				rd_stmt_col_null(st, 7) ? NULL : rd_time_format(rd_stmt_col_int(st, 7), b2),
				"group_key", rd_stmt_col_text(st, 8));
			json_array_append_new(alerts, o);
		}
		rd_stmt_free(st);
	}
	if (rc == RD_OK && (rc = rd_store_prepare(s, "SELECT id, source, note, ended_at, status, created_at "
						  "FROM resolution_proposals WHERE failure_id = ?1 ORDER BY id",
						  &st)) == RD_OK) {
		rd_stmt_bind_int(st, 1, id);
		while ((rc = rd_stmt_step(st, &row)) == RD_OK && row) {
			json_t *o = json_pack("{sI ss ss ss ss ss}", "id", (json_int_t)rd_stmt_col_int(st, 0),
				"source", rd_stmt_col_text(st, 1), "note", rd_stmt_col_text(st, 2), "ended_at",
				rd_time_format(rd_stmt_col_int(st, 3), b1), "status", rd_stmt_col_text(st, 4),
				"created_at", rd_time_format(rd_stmt_col_int(st, 5), b2));
			json_array_append_new(props, o);
		}
		rd_stmt_free(st);
	}
	if (rc) {
		json_decref(alerts);
		json_decref(props);
		return db(s, errmsg, "reading the failure's alerts");
	}
	*out = json_pack("{so so}", "alerts", alerts, "resolution_proposals", props);
	return *out ? RD_OK : rd_fail(RD_ENOMEM, errmsg, "out of memory");
}
