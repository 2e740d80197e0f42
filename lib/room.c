/* room.c — the reads and rules behind the web app's agenda and failure room
 * (room.h): the agenda's urgency order, the one table of human labels, the
 * questions clients are waiting on and a failure room's summary. Pages
 * render these; they hold no SQL and no rule of their own, so the web app,
 * the exports and the reports say the same thing the same way. */
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "redress/agenda.h"
#include "redress/clock.h"
#include "redress/policy.h"
#include "redress/model.h"
#include "redress/room.h"
#include "redress/time.h"

/* ---- the urgency order ---- */

static const char *jstr(json_t *o, const char *k)
{
	const char *s = json_string_value(json_object_get(o, k));
	return s ? s : "";
}

static int64_t jint(json_t *o, const char *k, int64_t dflt)
{
	json_t *v = json_object_get(o, k);
	return json_is_integer(v) ? (int64_t)json_integer_value(v) : dflt;
}

static bool critical(json_t *r)
{
	return strcmp(jstr(r, "tier"), "key") == 0 || jint(r, "severity", 5) == 1;
}

#define CMP(x, y) do { if ((x) != (y)) return (x) < (y) ? -1 : 1; } while (0)

int rd_agenda_urgency_cmp(json_t *a, json_t *b)
{
	int c;
	CMP(strcmp(jstr(a, "state"), "overdue") != 0, strcmp(jstr(b, "state"), "overdue") != 0);
	CMP(!critical(a), !critical(b));
	CMP(-jint(a, "escalation", 0), -jint(b, "escalation", 0));
	CMP(jint(a, "severity", 5), jint(b, "severity", 5));
	if ((c = strcmp(jstr(a, "due_at"), jstr(b, "due_at"))))   /* UTC ISO 8601: text order is time order */
		return c < 0 ? -1 : 1;
	CMP(jint(a, "failure_id", 0), jint(b, "failure_id", 0));
	CMP(jint(a, "client_id", 0), jint(b, "client_id", 0));
	c = strcmp(jstr(a, "key"), jstr(b, "key"));
	return c < 0 ? -1 : c > 0;
}

static int urgency_qsort(const void *x, const void *y)
{
	return rd_agenda_urgency_cmp(*(json_t *const *)x, *(json_t *const *)y);
}

enum rd_err rd_agenda_sort_urgency(json_t *rows)
{
	size_t n = json_array_size(rows);
	if (n < 2)
		return RD_OK;
	json_t **v = malloc(n * sizeof *v);
	if (!v)
		return RD_ENOMEM;
	for (size_t i = 0; i < n; i++)
		v[i] = json_incref(json_array_get(rows, i));
	qsort(v, n, sizeof *v, urgency_qsort);
	enum rd_err rc = RD_OK;
	for (size_t i = 0; i < n; i++)
		if (json_array_set(rows, i, v[i]))
			rc = RD_ENOMEM;
	for (size_t i = 0; i < n; i++)
		json_decref(v[i]);
	free(v);
	return rc;
}

/* ---- labels ---- */

/* To add a word: one row. Words are unique across the vocabularies that
 * share them (a channel "other" and a kind "other" both read "Other"). */
static const struct {
	const char *word, *label;
} labels[] = {
	/* communication kinds beyond the clock's steps (rd_step_title names those) */
	{"other", "Other"}, {"promise", "Promise"},
	/* obligation states */
	{"pending", "Due"}, {"on_time", "Sent on time"}, {"late", "Sent late"}, {"overdue", "Overdue"},
	{"waived", "Waived"}, {"not_applicable", "No longer owed"},
	/* failure statuses */
	{"open", "Open"}, {"investigating", "Investigating"}, {"identified", "Cause identified"},
	{"remediating", "Remediating"}, {"resolved", "Resolved"}, {"closed", "Closed"},
	/* recovery statuses of a client's track */
	{"awaiting-apology", "Awaiting apology"}, {"apologised", "Apologised"},
	{"plan-presented", "Plan presented"}, {"recovering", "Recovering"}, {"recovered", "Recovered"},
	{"follow-up", "Following up"},
	/* goodwill, commitments, plan actions */
	{"proposed", "Proposed"}, {"approved", "Approved"}, {"delivered", "Delivered"},
	{"declined", "Declined"}, {"kept", "Kept"}, {"broken", "Broken"},
	{"renegotiated", "Renegotiated"}, {"planned", "Planned"}, {"in_progress", "In progress"},
	{"done", "Done"}, {"dropped", "Dropped"},
	{"credit", "Service credit"}, {"refund", "Refund"}, {"discount", "Discount"},
	{"free_service", "Free service"}, {"upgrade", "Upgrade"},
	{"dedicated_resource", "Dedicated resource"}, {"none", "None"},
	/* channels, directions, visibility */
	{"email", "Email"}, {"call", "Call"}, {"meeting", "Meeting"}, {"portal", "Portal"},
	{"chat", "Chat"}, {"report", "Report"}, {"letter", "Letter"},
	{"in", "Inbound"}, {"out", "Outbound"}, {"client", "Client-visible"}, {"internal", "Internal"},
	/* tiers and the clock's columns; an impact's "affected" */
	{"key", "Key client"}, {"standard", "Standard"}, {"yes", "Affected"},
	{"suspected", "Suspected"}, {"no", "Not affected"},
	/* root-cause categories */
	{"process", "Process"}, {"training", "Training"}, {"technology", "Technology"},
	{"capacity", "Capacity"}, {"communication", "Communication"}, {"vendor", "Vendor"},
};

const char *rd_label(const char *word)
{
	if (!word)
		return "";
	int step = rd_step_from_name(word);   /* the clock's steps: one source of their titles */
	if (step >= 0)
		return rd_step_title((enum rd_step)step);
	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
		if (strcmp(labels[i].word, word) == 0)
			return labels[i].label;
	return word;
}

const char *rd_label_key(const char *key, char *buf, size_t n)
{
	if (!key)
		return "";
	/* "progress#3", "follow_up.cadence#5", "delay@20261123T090000Z", "correction@41" */
	size_t stem = strcspn(key, "#@.");
	char word[32];
	if (stem >= sizeof word)
		return key;
	memcpy(word, key, stem);
	word[stem] = '\0';
	const char *label = rd_label(word);
	if (label == word)      /* unknown */
		return key;
	const char *num = strrchr(key, '#');
	if (!buf || !n)
		return label;
	if (num && num[1])
		snprintf(buf, n, "%s %s", label, num + 1);
	else
		snprintf(buf, n, "%s", label);
	return buf;
}

const char *rd_label_count(int64_t count, const char *singular, const char *plural, char *buf, size_t n)
{
	if (count == 0)
		snprintf(buf, n, "no %s", singular);
	else
		snprintf(buf, n, "%" PRId64 " %s", count, count == 1 ? singular : plural);
	return buf;
}

/* ---- questions ---- */

/* Unanswered inbound questions; FAILURE_ID 0 means every failure. */
static enum rd_err questions(struct rd_store *s, int64_t owner_id, int64_t failure_id, json_t **out,
			     char **errmsg)
{
	struct rd_stmt *st;
	enum rd_err rc = rd_store_prepare(s,
		"SELECT m.id, m.failure_id, f.title, m.client_id, c.name, c.tier, m.channel, m.at, m.chase, "
		"COALESCE(m.body, m.summary, ''), u.email "
		"FROM communications m JOIN clients c ON c.id = m.client_id "
		"JOIN failures f ON f.id = m.failure_id "
		"LEFT JOIN impacts i ON i.failure_id = m.failure_id AND i.client_id = m.client_id "
		"LEFT JOIN users u ON u.id = COALESCE(i.point_person_id, c.owner_id) "
		"WHERE m.direction = 'in' AND m.channel IN ('portal', 'email') "
		"AND (m.chase = 1 OR m.channel = 'portal') "
		"AND (?1 = 0 OR COALESCE(i.point_person_id, c.owner_id) = ?1) "
		"AND (?2 = 0 OR m.failure_id = ?2) "
		"AND NOT EXISTS (SELECT 1 FROM communications r WHERE r.failure_id = m.failure_id "
		"AND r.client_id = m.client_id AND r.direction = 'out' AND r.visibility = 'client' "
		"AND r.at >= m.at) "
		"ORDER BY m.at, m.id LIMIT 100", &st);
	if (rc)
		return rd_fail(RD_EDB, errmsg, "reading clients' questions: %s", rd_store_errmsg(s));
	json_t *rows = json_array();
	rd_stmt_bind_int(st, 1, owner_id);
	rd_stmt_bind_int(st, 2, failure_id);
	bool row;
	while ((rc = rd_stmt_step(st, &row)) == RD_OK && row) {
		char at[RD_TIME_BUFSZ];
		json_t *r = json_pack("{sI sI ss sI ss ss ss ss sb ss}",
			"comm_id", (json_int_t)rd_stmt_col_int(st, 0),
			"failure_id", (json_int_t)rd_stmt_col_int(st, 1), "failure", rd_stmt_col_text(st, 2),
			"client_id", (json_int_t)rd_stmt_col_int(st, 3), "client", rd_stmt_col_text(st, 4),
			"tier", rd_stmt_col_text(st, 5), "channel", rd_stmt_col_text(st, 6),
			"at", rd_time_format(rd_stmt_col_int(st, 7), at), "chase", rd_stmt_col_int(st, 8) != 0,
			"question", rd_stmt_col_text(st, 9));
		if (!r || json_array_append_new(rows, r)) {
			rc = RD_ENOMEM;
			break;
		}
		json_object_set_new(r, "owner", rd_stmt_col_null(st, 10) ? json_null()
					: json_string(rd_stmt_col_text(st, 10)));
	}
	rd_stmt_free(st);
	if (rc) {
		json_decref(rows);
		return rd_fail(rc == RD_ENOMEM ? rc : RD_EDB, errmsg, "reading clients' questions: %s",
			       rc == RD_ENOMEM ? "out of memory" : rd_store_errmsg(s));
	}
	*out = rows;
	return RD_OK;
}

enum rd_err rd_room_questions(struct rd_store *s, int64_t owner_id, json_t **out, char **errmsg)
{
	return questions(s, owner_id, 0, out, errmsg);
}

/* ---- the room's summary ---- */

static json_t *next_json(json_t *track, json_t *ob)
{
	char kb[64];
	return json_pack("{sO sO ss ss sO sO}", "client_id", json_object_get(track, "client_id"),
			 "client", json_object_get(track, "client"), "key", jstr(ob, "key"),
			 "label", rd_label_key(jstr(ob, "key"), kb, sizeof kb), "due_at",
			 json_object_get(ob, "due_at"), "state", json_object_get(ob, "state"));
}

/* The last outbound, client-visible message of one track by an instant. */
#define LAST_UPDATE_SQL \
	"SELECT m.at, m.kind FROM communications m WHERE m.failure_id = ?1 AND m.client_id = ?2 " \
	"AND m.direction = 'out' AND m.visibility = 'client' AND m.at <= ?3 " \
	"ORDER BY m.at DESC, m.id DESC LIMIT 1"

static bool open_state(json_t *ob)
{
	const char *st = jstr(ob, "state");
	return !strcmp(st, "pending") || !strcmp(st, "overdue");
}

enum rd_err rd_room_summary(struct rd_store *s, int64_t failure_id, int64_t now, json_t **out,
			    char **errmsg)
{
	json_t *f = NULL, *tracks = NULL, *qs = NULL, *sum = NULL;
	struct rd_stmt *st = NULL;
	enum rd_err rc;
	if ((rc = rd_record_get(s, "failure", failure_id, &f, errmsg)) ||
	    (rc = rd_obligations_json(s, failure_id, 0, now, &tracks, errmsg)) ||
	    (rc = questions(s, 0, failure_id, &qs, errmsg)))
		goto out;
	const char *status = jstr(f, "status");
	sum = json_pack("{ss ss sO sn s[] s[]}", "status", status, "status_label", rd_label(status),
			"severity", json_object_get(f, "severity"), "next", "waiting", "clients");
	if (!sum) {
		rc = rd_fail(RD_ENOMEM, errmsg, "out of memory");
		goto out;
	}
	json_t *waiting = json_object_get(sum, "waiting"), *clients = json_object_get(sum, "clients");
	const char *best_due = NULL;
	size_t i;
	json_t *t;
	json_array_foreach(tracks, i, t) {
		int64_t cid = jint(t, "client_id", 0);
		json_t *c = NULL;
		if ((rc = rd_record_get(s, "client", cid, &c, errmsg)))
			goto out;
		json_t *row = json_pack("{sI sO ss ss sn sn si sn}", "client_id", (json_int_t)cid,
			"client", json_object_get(t, "client"), "tier", jstr(c, "tier"), "tz", jstr(c, "tz"),
			"last_update_at", "last_update_kind", "open", 0, "next");
		json_decref(c);
		if (!row || json_array_append_new(clients, row)) {
			rc = rd_fail(RD_ENOMEM, errmsg, "out of memory");
			goto out;
		}
		if ((rc = rd_store_prepare(s, LAST_UPDATE_SQL, &st))) {
			rc = rd_fail(RD_EDB, errmsg, "reading the last updates: %s", rd_store_errmsg(s));
			goto out;
		}
		rd_stmt_bind_int(st, 1, failure_id);
		rd_stmt_bind_int(st, 2, cid);
		rd_stmt_bind_int(st, 3, now);
		bool got;
		if ((rc = rd_stmt_step(st, &got))) {
			rc = rd_fail(RD_EDB, errmsg, "reading the last updates: %s", rd_store_errmsg(s));
			goto out;
		}
		if (got) {
			char at[RD_TIME_BUFSZ];
			json_object_set_new(row, "last_update_at", json_string(rd_time_format(rd_stmt_col_int(st, 0), at)));
			json_object_set_new(row, "last_update_kind", json_string(rd_stmt_col_text(st, 1)));
		}
		rd_stmt_free(st);
		st = NULL;
		int open = 0;
		bool overdue = false;
		size_t k;
		json_t *ob;
		json_array_foreach(json_object_get(t, "obligations"), k, ob) {
			if (!open_state(ob))
				continue;
			overdue |= strcmp(jstr(ob, "state"), "overdue") == 0;
			if (!open++)    /* obligations come in due order: the first open one is next */
				json_object_set_new(row, "next", next_json(t, ob));
			if (!best_due || strcmp(jstr(ob, "due_at"), best_due) < 0) {
				best_due = jstr(ob, "due_at");
				json_object_set_new(sum, "next", next_json(t, ob));
			}
		}
		json_object_set_new(row, "open", json_integer(open));
		const char *why = NULL;
		size_t qi;
		json_t *q;
		int nq = 0;
		json_array_foreach(qs, qi, q)
			nq += jint(q, "client_id", 0) == cid;
		if (overdue && nq)
			why = "an overdue update and an unanswered question";
		else if (overdue)
			why = "an overdue update";
		else if (nq)
			why = "an unanswered question";
		if (why)
			json_array_append_new(waiting, json_pack("{sI sO ss}", "client_id", (json_int_t)cid,
								 "client", json_object_get(t, "client"), "reason", why));
	}
out:
	rd_stmt_free(st);
	json_decref(f);
	json_decref(tracks);
	json_decref(qs);
	if (rc) {
		json_decref(sum);
		return rc;
	}
	*out = sum;
	return RD_OK;
}
