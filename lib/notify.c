/* notify.c — the emails redress owes people (see notify.h): staff
 * reminders, escalations and digests, client messages with their reply
 * address, and inbound replies routed back to their failure. Everything is
 * queued in the outbox inside the transaction of what caused it; sending
 * is the sweep's job (outbox.c). */
#include <ctype.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "model_int.h"
#include "redress/agenda.h"
#include "redress/auth.h"
#include "redress/clock.h"
#include "redress/compose.h"
#include "redress/mail.h"
#include "redress/notify.h"
#include "redress/outbox.h"
#include "redress/settings.h"
#include "redress/time.h"
#include "redress/webhook.h"
#include "util/buf.h"

/* ---- who is told ------------------------------------------------------------ */

struct people {
	char *email[16];
	char *name[16];
	int64_t id[16];
	size_t n;
};

static void people_free(struct people *p)
{
	for (size_t i = 0; i < p->n; i++) {
		free(p->email[i]);
		free(p->name[i]);
	}
	p->n = 0;
}

/* Appends the rows (id, email, name) of SQL bound to ARG. */
static enum rd_err people_add(struct rd_store *s, struct people *p, const char *sql, int64_t arg)
{
	struct rd_stmt *st;
	enum rd_err rc = rd_store_prepare(s, sql, &st);
	if (rc)
		return rc;
	rd_stmt_bind_int(st, 1, arg);
	bool row;
	while ((rc = rd_stmt_step(st, &row)) == RD_OK && row && p->n < 16) {
		p->id[p->n] = rd_stmt_col_int(st, 0);
		p->email[p->n] = strdup(rd_stmt_col_text(st, 1));
		p->name[p->n] = strdup(rd_stmt_col_text(st, 2));
		if (!p->email[p->n] || !p->name[p->n]) {
			free(p->email[p->n]);
			free(p->name[p->n]);
			rc = RD_ENOMEM;
			break;
		}
		p->n++;
	}
	rd_stmt_free(st);
	return rc;
}

/* The person told about FAILURE: user UID if enabled, else the failure's
 * lead, else every admin — so an overdue obligation always reaches someone. */
static enum rd_err people_for(struct rd_store *s, int64_t uid, int64_t failure_id, struct people *p)
{
	enum rd_err rc = RD_OK;
	memset(p, 0, sizeof *p);
	if (uid)
		rc = people_add(s, p, "SELECT id, email, name FROM users WHERE id = ?1 AND disabled = 0", uid);
	if (rc == RD_OK && p->n == 0 && failure_id)
		rc = people_add(s, p, "SELECT u.id, u.email, u.name FROM failures f JOIN users u ON u.id = f.lead_id "
			       "WHERE f.id = ?1 AND u.disabled = 0", failure_id);
	if (rc == RD_OK && p->n == 0)
		rc = people_add(s, p, "SELECT id, email, name FROM users WHERE role = 'admin' AND disabled = 0 "
			       "AND id <> ?1 ORDER BY id", 0);
	return rc;
}

/* ---- reminders ------------------------------------------------------------------ */

/* One obligation as a reminder names it. */
struct step {
	int64_t obligation_id, failure_id, client_id, due_at;
	const char *kind, *client, *tz, *failure;
};

static void step_text(struct rd_buf *b, const struct step *o, const char *base)
{
	char local[RD_TIME_BUFSZ], utc[RD_TIME_BUFSZ];
	if (rd_time_format_local(o->due_at, o->tz, local))
		rd_time_format(o->due_at, local);
	rd_time_format(o->due_at, utc);
	rd_buf_addf(b, "- %s to %s, for \"%s\" (failure #%" PRId64 "): due %s (%s, %s)\n", o->kind, o->client,
		    o->failure, o->failure_id, local, o->tz, utc);
	rd_buf_addf(b, "  compose it: %s/compose?failure=%" PRId64 "&client=%" PRId64 "&kind=%s\n", base,
		    o->failure_id, o->client_id, o->kind);
}

/* The webhook EVENT about step O (owned by UID), once per KEY. */
static enum rd_err step_event(struct rd_store *s, const char *event, const char *key, const struct step *o,
			      int64_t uid, json_t *more, int64_t now, char **errmsg)
{
	char due[RD_TIME_BUFSZ];
	json_t *d = json_pack("{sI sI ss sI ss ss ss so}", "obligation_id", (json_int_t)o->obligation_id,
			      "failure_id", (json_int_t)o->failure_id, "failure", o->failure, "client_id",
			      (json_int_t)o->client_id, "client", o->client, "kind", o->kind, "due_at",
			      rd_time_format(o->due_at, due), "owner_id", uid ? json_integer(uid) : json_null());
	if (!d) {
		json_decref(more);
		return rd_fail(RD_ENOMEM, errmsg, "out of memory");
	}
	if (more)
		json_object_update(d, more);
	json_decref(more);
	enum rd_err rc = rd_webhook_emit(s, event, key, d, now, errmsg);
	json_decref(d);
	return rc;
}

/* Queues one reminder of KIND about step O to the people of UID. */
static enum rd_err remind(struct rd_store *s, const char *kind, const char *key, int64_t uid, int64_t esc_id,
			  const struct step *o, const char *base, int64_t now, int64_t *n, char **errmsg)
{
	struct people p;
	enum rd_err rc = people_for(s, uid, o->failure_id, &p);
	if (rc) {
		people_free(&p);
		return rd_fail(RD_EDB, errmsg, "finding who to remind: %s", rd_store_errmsg(s));
	}
	static const struct { const char *kind, *subject, *lead; } words[] = {
		{"reminder.due_soon", "Due soon", "This step falls due soon:"},
		{"escalation.overdue", "Overdue", "This step is overdue: the client is waiting."},
		{"escalation.manager", "Escalated: overdue", "This step of someone you manage is still overdue "
							    "(second escalation level)."},
	};
	size_t w = 0;
	while (w + 1 < sizeof words / sizeof words[0] && strcmp(words[w].kind, kind))
		w++;
	for (size_t i = 0; i < p.n && rc == RD_OK; i++) {
		struct rd_buf subj = RD_BUF_INIT, body = RD_BUF_INIT;
		rd_buf_addf(&subj, "[redress] %s: %s to %s (%s)", words[w].subject, o->kind, o->client, o->failure);
		rd_buf_addf(&body, "Hello %s,\n\n%s\n\n", p.name[i], words[w].lead);
		step_text(&body, o, base);
		if (p.id[i] != uid)
			rd_buf_adds(&body, "\nYou get this because the step has no owner who can be reached "
					   "(then the failure's lead, then every admin is told).\n");
		rd_buf_addf(&body, "\nYour agenda: %s/\n", base);
		char k[160];
		snprintf(k, sizeof k, "%s:%" PRId64, key, p.id[i]);
		const char *to[1] = {p.email[i]};
		struct rd_outbox_msg m = {.idem_key = k, .kind = kind, .to = to, .n_to = 1, .subject = subj.data,
					  .body = body.data, .failure_id = o->failure_id, .client_id = o->client_id,
					  .user_id = p.id[i], .escalation_id = esc_id, .at = now};
		int64_t id = 0;
		if (subj.oom || body.oom)
			rc = rd_fail(RD_ENOMEM, errmsg, "out of memory");
		else if ((rc = rd_outbox_enqueue(s, &m, &id, errmsg)) == RD_EINVAL) {
			rc = RD_OK; /* a user with a bad address must not stop the others */
		}
		if (rc == RD_OK && id && n)
			(*n)++;
		rd_buf_free(&subj);
		rd_buf_free(&body);
	}
	people_free(&p);
	return rc;
}

static enum rd_err base_url(struct rd_store *s, char **out, char **errmsg)
{
	enum rd_err rc = rd_base_url_resolve(s, NULL, "the recorded base URL", out, errmsg);
	if (rc == RD_EINVAL) { /* a bad recorded value: links to the default rather than no email */
		*out = strdup(RD_BASE_URL_DEFAULT);
		rc = *out ? RD_OK : RD_ENOMEM;
	}
	return rc;
}

#define STEP_COLS "o.id, o.failure_id, o.client_id, o.due_at, o.kind, c.name, c.tz, f.title"
#define STEP_JOINS "FROM obligations o JOIN clients c ON c.id = o.client_id JOIN failures f ON f.id = o.failure_id " \
	"LEFT JOIN impacts i ON i.failure_id = o.failure_id AND i.client_id = o.client_id "

static void step_read(struct rd_stmt *st, struct step *o)
{
	o->obligation_id = rd_stmt_col_int(st, 0);
	o->failure_id = rd_stmt_col_int(st, 1);
	o->client_id = rd_stmt_col_int(st, 2);
	o->due_at = rd_stmt_col_int(st, 3);
	o->kind = rd_stmt_col_text(st, 4);
	o->client = rd_stmt_col_text(st, 5);
	o->tz = rd_stmt_col_text(st, 6);
	o->failure = rd_stmt_col_text(st, 7);
}

enum rd_err rd_notify_escalations(struct rd_store *s, int64_t now, int64_t *n, char **errmsg)
{
	char *base = NULL;
	struct rd_stmt *st = NULL;
	enum rd_err rc = base_url(s, &base, errmsg);
	if (rc)
		return rc;
	/* Reminders run inside the escalation's transaction, so the statement
	 * below is read to the end before anything is queued. */
	rc = rd_store_prepare(s, "SELECT " STEP_COLS ", e.id, e.level, COALESCE(e.to_user_id, 0) " STEP_JOINS
			      "JOIN escalations e ON e.obligation_id = o.id WHERE e.delivered_at IS NULL "
			      "AND o.met_at IS NULL AND o.waived_at IS NULL AND e.at <= ?1 "
			      "AND NOT EXISTS (SELECT 1 FROM outbox x WHERE x.escalation_id = e.id) ORDER BY e.id", &st);
	if (rc)
		goto db;
	rd_stmt_bind_int(st, 1, now);
	struct owed_mail { struct step o; int64_t esc, level, uid; char *kind, *client, *tz, *failure; } *v = NULL;
	size_t nv = 0;
	bool row;
	while ((rc = rd_stmt_step(st, &row)) == RD_OK && row) {
		struct owed_mail *g = realloc(v, (nv + 1) * sizeof *v);
		if (!g) {
			rc = RD_ENOMEM;
			break;
		}
		v = g;
		struct owed_mail *t = &v[nv++];
		step_read(st, &t->o);
		t->kind = strdup(t->o.kind);
		t->client = strdup(t->o.client);
		t->tz = strdup(t->o.tz);
		t->failure = strdup(t->o.failure);
		t->o.kind = t->kind;
		t->o.client = t->client;
		t->o.tz = t->tz;
		t->o.failure = t->failure;
		t->esc = rd_stmt_col_int(st, 8);
		t->level = rd_stmt_col_int(st, 9);
		t->uid = rd_stmt_col_int(st, 10);
	}
	rd_stmt_free(st);
	st = NULL;
	for (size_t i = 0; rc == RD_OK && i < nv; i++) {
		char key[64];
		snprintf(key, sizeof key, "escalation:%" PRId64, v[i].esc);
		rc = remind(s, v[i].level == 1 ? "escalation.overdue" : "escalation.manager", key, v[i].uid, v[i].esc,
			    &v[i].o, base, now, n, errmsg);
		/* level 1 tells the owner the step is overdue; higher levels escalate */
		if (rc == RD_OK)
			rc = step_event(s, v[i].level == 1 ? "obligation.overdue" : "escalation.raised", key, &v[i].o,
					v[i].uid, json_pack("{sI sI}", "escalation_id", (json_int_t)v[i].esc, "level",
							    (json_int_t)v[i].level), now, errmsg);
	}
	for (size_t i = 0; i < nv; i++) {
		free(v[i].kind);
		free(v[i].client);
		free(v[i].tz);
		free(v[i].failure);
	}
	free(v);
	if (rc == RD_ENOMEM)
		rc = rd_fail(RD_ENOMEM, errmsg, "out of memory");
	else if (rc && rc != RD_EINVAL)
		goto db;
	free(base);
	return rc;
db:
	rd_stmt_free(st);
	free(base);
	return rd_fail(RD_EDB, errmsg, "queueing escalation emails: %s", rd_store_errmsg(s));
}

/* Steps read by SQL (bound ?1 = NOW, ?2 = UNTIL, ?3 = user) are
 * copied out so that queueing may write while reading is over. */
struct steps {
	struct step *v;
	int64_t *owner;
	char **strings;
	size_t n, ns;
};

static void steps_free(struct steps *x)
{
	for (size_t i = 0; i < x->ns; i++)
		free(x->strings[i]);
	free(x->strings);
	free(x->v);
	free(x->owner);
	memset(x, 0, sizeof *x);
}

static const char *keep(struct steps *x, const char *s)
{
	char **g = realloc(x->strings, (x->ns + 1) * sizeof *g);
	if (!g)
		return "";
	x->strings = g;
	g[x->ns] = strdup(s ? s : "");
	return g[x->ns] ? g[x->ns++] : "";
}

static enum rd_err steps_read(struct rd_store *s, const char *sql, int64_t a1, int64_t a2, int64_t a3,
			      struct steps *x)
{
	struct rd_stmt *st;
	memset(x, 0, sizeof *x);
	enum rd_err rc = rd_store_prepare(s, sql, &st);
	if (rc)
		return rc;
	rd_stmt_bind_int(st, 1, a1);
	rd_stmt_bind_int(st, 2, a2);
	rd_stmt_bind_int(st, 3, a3);
	bool row;
	while ((rc = rd_stmt_step(st, &row)) == RD_OK && row) {
		struct step *g = realloc(x->v, (x->n + 1) * sizeof *g);
		int64_t *w = g ? realloc(x->owner, (x->n + 1) * sizeof *w) : NULL;
		if (g)
			x->v = g;
		if (!w) {
			rc = RD_ENOMEM;
			break;
		}
		x->owner = w;
		struct step *o = &x->v[x->n];
		step_read(st, o);
		o->kind = keep(x, o->kind);
		o->client = keep(x, o->client);
		o->tz = keep(x, o->tz);
		o->failure = keep(x, o->failure);
		x->owner[x->n++] = rd_stmt_col_int(st, 8);
	}
	rd_stmt_free(st);
	return rc;
}

/* One digest to owner UID at NOW, if their local hour has come today. */
static enum rd_err digest_one(struct rd_store *s, int64_t uid, const char *email, const char *name,
			      const char *tz, const struct rd_policy *pol, const char *base, int64_t now,
			      int64_t *n, char **errmsg)
{
	struct tm lt;
	long off;
	if (!tz || !*tz || rd_time_local(now, tz, &lt, &off))
		tz = "UTC";
	if (rd_time_local(now, tz, &lt, &off))
		return RD_OK;
	if (lt.tm_hour < pol->digest_hour)
		return RD_OK;
	int64_t until = now;
	if (rd_duration_add(now, pol->due_soon, "UTC", &until))
		until = now + 86400;
	struct steps x;
	enum rd_err rc = steps_read(s, "SELECT " STEP_COLS ", 0 " STEP_JOINS "WHERE o.met_at IS NULL AND "
				    "o.waived_at IS NULL AND o.opens_at <= ?1 AND o.due_at <= ?2 AND "
				    "COALESCE(i.point_person_id, c.owner_id) = ?3 ORDER BY o.due_at, o.id", now, until,
				    uid, &x);
	if (rc || x.n == 0) {
		steps_free(&x);
		return rc ? rd_fail(RD_EDB, errmsg, "reading the digest: %s", rd_store_errmsg(s)) : RD_OK;
	}
	char day[48], key[128];
	snprintf(day, sizeof day, "%04d-%02d-%02d", lt.tm_year + 1900, lt.tm_mon + 1, lt.tm_mday);
	snprintf(key, sizeof key, "digest:%" PRId64 ":%s", uid, day);
	struct rd_buf subj = RD_BUF_INIT, body = RD_BUF_INIT;
	size_t over = 0;
	for (size_t i = 0; i < x.n; i++)
		over += x.v[i].due_at <= now;
	rd_buf_addf(&subj, "[redress] Your agenda for %s: %zu overdue, %zu due soon", day, over, x.n - over);
	rd_buf_addf(&body, "Hello %s,\n\nWhat you owe clients today (%s):\n\n", name, tz);
	if (over)
		rd_buf_adds(&body, "Overdue:\n");
	for (size_t i = 0; i < x.n; i++) {
		if (i == over)
			rd_buf_adds(&body, "\nDue soon:\n");
		step_text(&body, &x.v[i], base);
	}
	rd_buf_addf(&body, "\nYour agenda: %s/\n", base);
	const char *to[1] = {email};
	struct rd_outbox_msg m = {.idem_key = key, .kind = "digest", .to = to, .n_to = 1, .subject = subj.data,
				  .body = body.data, .user_id = uid, .at = now};
	int64_t id = 0;
	if (subj.oom || body.oom)
		rc = rd_fail(RD_ENOMEM, errmsg, "out of memory");
	else if ((rc = rd_outbox_enqueue(s, &m, &id, errmsg)) == RD_EINVAL)
		rc = RD_OK;
	if (rc == RD_OK && id && n)
		(*n)++;
	rd_buf_free(&subj);
	rd_buf_free(&body);
	steps_free(&x);
	return rc;
}

enum rd_err rd_reminders_queue(struct rd_store *s, int64_t now, int64_t *n, char **errmsg)
{
	const struct rd_policy *pol;
	char *base = NULL;
	struct steps x = {0};
	struct rd_stmt *st = NULL;
	int64_t count = 0;
	enum rd_err rc = rd_policy_in_force(&pol, errmsg);
	if (rc)
		return rc;
	/* escalations first: rd_escalate queues their emails itself */
	if ((rc = rd_escalate(s, now, NULL, errmsg)))
		return rc;
	if ((rc = rd_store_begin(s)))
		return rd_fail(rc, errmsg, "cannot start a transaction: %s", rd_store_errmsg(s));
	if ((rc = base_url(s, &base, errmsg)))
		goto out;
	int64_t until = now + 3600;
	if (rd_duration_add(now, pol->remind_before, "UTC", &until))
		until = now + 3600;
	rc = steps_read(s, "SELECT " STEP_COLS ", COALESCE(i.point_person_id, c.owner_id, 0) " STEP_JOINS
			"WHERE o.met_at IS NULL AND o.waived_at IS NULL AND o.opens_at <= ?1 AND o.due_at > ?1 "
			"AND o.due_at <= ?2 AND ?3 = 0 ORDER BY o.due_at, o.id", now, until, 0, &x);
	if (rc) {
		rc = rd_fail(RD_EDB, errmsg, "reading what falls due: %s", rd_store_errmsg(s));
		goto out;
	}
	for (size_t i = 0; rc == RD_OK && i < x.n; i++) {
		char key[96];
		snprintf(key, sizeof key, "due_soon:%" PRId64 ":%" PRId64, x.v[i].obligation_id, x.v[i].due_at);
		rc = remind(s, "reminder.due_soon", key, x.owner[i], 0, &x.v[i], base, now, &count, errmsg);
		if (rc == RD_OK)
			rc = step_event(s, "obligation.due", key, &x.v[i], x.owner[i], NULL, now, errmsg);
	}
	if (rc)
		goto out;
	/* digests: every enabled user who owns an open step */
	struct people owners = {0};
	rc = people_add(s, &owners, "SELECT DISTINCT u.id, u.email, u.name FROM obligations o JOIN clients c ON "
			"c.id = o.client_id LEFT JOIN impacts i ON i.failure_id = o.failure_id AND i.client_id = "
			"o.client_id JOIN users u ON u.id = COALESCE(i.point_person_id, c.owner_id) WHERE "
			"o.met_at IS NULL AND o.waived_at IS NULL AND u.disabled = 0 AND o.opens_at <= ?1 ORDER BY u.id",
			now);
	for (size_t i = 0; rc == RD_OK && i < owners.n; i++) {
		char *tz = NULL;
		rc = rd_store_prepare(s, "SELECT tz FROM users WHERE id = ?1", &st);
		if (rc == RD_OK) {
			bool row = false;
			rd_stmt_bind_int(st, 1, owners.id[i]);
			if ((rc = rd_stmt_step(st, &row)) == RD_OK && row && rd_stmt_col_text(st, 0))
				tz = strdup(rd_stmt_col_text(st, 0));
			rd_stmt_free(st);
			st = NULL;
		}
		if (rc == RD_OK)
			rc = digest_one(s, owners.id[i], owners.email[i], owners.name[i], tz, pol, base, now, &count,
					errmsg);
		free(tz);
	}
	people_free(&owners);
	if (rc && rc != RD_ENOMEM)
		rc = rd_fail(RD_EDB, errmsg, "queueing digests: %s", rd_store_errmsg(s));
out:
	steps_free(&x);
	free(base);
	if (rc) {
		rd_store_rollback(s);
		return rc;
	}
	if ((rc = rd_store_commit(s)))
		return rd_fail(RD_EDB, errmsg, "commit failed: %s", rd_store_errmsg(s));
	if (n)
		*n = count;
	return RD_OK;
}

/* ---- messages to clients --------------------------------------------------------- */

static enum rd_err client_id_of(struct rd_store *s, json_t *in, int64_t *id, char **errmsg)
{
	json_t *cv = json_object_get(in, "client");
	if (!cv)
		cv = json_object_get(in, "client_id");
	if (json_is_integer(cv)) {
		*id = json_integer_value(cv);
		return RD_OK;
	}
	if (!json_is_string(cv))
		return rd_fail(RD_EINVAL, errmsg, "a message needs its client");
	return rd_record_lookup(s, "client", json_string_value(cv), id, errmsg);
}

static int64_t int_of(json_t *in, const char *k1, const char *k2)
{
	json_t *v = json_object_get(in, k1);
	if (!v)
		v = json_object_get(in, k2);
	if (json_is_integer(v))
		return json_integer_value(v);
	if (json_is_string(v)) {
		char *end;
		long long x = strtoll(json_string_value(v), &end, 10);
		return *end ? 0 : x;
	}
	return 0;
}

enum rd_err rd_comm_send(struct rd_store *s, const struct rd_actor *a, json_t *in, const struct rd_send *o,
			 int64_t *comm_id, int64_t *outbox_id, struct rd_check_result **check, char **errmsg)
{
	enum rd_err rc = rd_require_role(a, RD_ROLE_AGENT, "sending a message", errmsg);
	struct rd_check_context ctx = {0};
	struct rd_check_result *res = NULL;
	struct people contacts = {0};
	struct rd_stmt *st = NULL;
	char *from_name = NULL, *subject = NULL;
	bool tx = false;
	if (check)
		*check = NULL;
	if (rc)
		return rc;
	if (!json_is_object(in))
		return rd_fail(RD_EINVAL, errmsg, "message input must be a JSON object");
	if (!o->body || !*o->body)
		return rd_fail(RD_EINVAL, errmsg, "the message has no body");
	size_t bad = 0;
	if (!rd_utf8_valid(o->body, strlen(o->body), &bad))
		return rd_fail(RD_EINVAL, errmsg, "the body is not valid UTF-8 (byte %zu)", bad);
	int64_t failure = int_of(in, "failure", "failure_id"), client = 0;
	if (!failure)
		return rd_fail(RD_EINVAL, errmsg, "a message to a client names its failure (--failure)");
	if ((rc = client_id_of(s, in, &client, errmsg)))
		return rc;
	const char *kind = json_string_value(json_object_get(in, "kind"));
	const char *dir = json_string_value(json_object_get(in, "direction"));
	const char *ch = json_string_value(json_object_get(in, "channel"));
	if (!kind)
		return rd_fail(RD_EINVAL, errmsg, "a message needs its kind (--kind)");
	if ((dir && strcmp(dir, "out")) || (ch && strcmp(ch, "email")))
		return rd_fail(RD_EINVAL, errmsg, "a sent message is an outbound email (no --direction in, "
			       "--channel email or none)");
	for (size_t i = 0; i < o->n_to; i++)
		if (!rd_mail_addr_valid(o->to[i]))
			return rd_fail(RD_EINVAL, errmsg, "--to '%s' is not a valid email address", o->to[i]);
	int64_t at = a->now;
	json_t *atv = json_object_get(in, "at");
	if (json_is_string(atv) && (rc = rd_time_parse(json_string_value(atv), &at, errmsg)))
		return rc;
	/* the checker, in the message's context */
	if ((rc = rd_check_context_build(s, kind, failure, client, at, &ctx, errmsg)))
		goto out;
	if ((rc = rd_check(o->body, strlen(o->body), &ctx.opts, &res, errmsg)))
		goto out;
	if (rd_check_result_has_errors(res) && !o->confirm_errors) {
		size_t ne = 0;
		for (size_t i = 0; i < res->n_findings; i++)
			ne += res->findings[i].severity == RD_SEV_ERROR;
		rc = rd_fail(RD_ECHECK, errmsg, "the message has %zu checker error(s): nothing was sent "
			     "(fix them, or confirm sending anyway with --confirm-errors / \"confirm_errors\": true)", ne);
		goto out;
	}
	/* recipients: as given, else the client's contacts */
	if (o->n_to == 0) {
		rc = people_add(s, &contacts, "SELECT id, email, name FROM contacts WHERE client_id = ?1 ORDER BY id",
				client);
		if (rc) {
			rc = rd_fail(RD_EDB, errmsg, "reading the contacts: %s", rd_store_errmsg(s));
			goto out;
		}
		if (contacts.n == 0) {
			rc = rd_fail(RD_EINVAL, errmsg, "client #%" PRId64 " has no contacts to email: add one "
				     "(redress contact add) or give --to", client);
			goto out;
		}
	}
	const char *to[16];
	size_t nto = o->n_to ? o->n_to : contacts.n;
	if (nto > 16) {
		rc = rd_fail(RD_EINVAL, errmsg, "at most 16 recipients");
		goto out;
	}
	for (size_t i = 0; i < nto; i++)
		to[i] = o->n_to ? o->to[i] : contacts.email[i];
	if ((rc = rd_store_begin(s))) {
		rc = rd_fail(rc, errmsg, "cannot start a transaction: %s", rd_store_errmsg(s));
		goto out;
	}
	tx = true;
	json_t *rec = json_deep_copy(in);
	json_object_set_new(rec, "channel", json_string("email"));
	json_object_set_new(rec, "direction", json_string("out"));
	json_object_set_new(rec, "body", json_string(o->body));
	json_object_del(rec, "to");
	json_object_del(rec, "confirm_errors");
	json_object_del(rec, "send");
	int64_t cid = 0;
	rc = rd_comm_log(s, a, rec, &cid, errmsg);
	json_decref(rec);
	if (rc)
		goto out;
	/* from the point person, else the client's owner, else the sender */
	rc = rd_store_prepare(s, "SELECT COALESCE(p.name, o.name, u.name), f.title FROM failures f LEFT JOIN impacts i "
			      "ON i.failure_id = f.id AND i.client_id = ?2 LEFT JOIN users p ON p.id = i.point_person_id "
			      "LEFT JOIN clients c ON c.id = ?2 LEFT JOIN users o ON o.id = c.owner_id "
			      "LEFT JOIN users u ON u.id = ?3 WHERE f.id = ?1", &st);
	if (rc == RD_OK) {
		bool row = false;
		rd_stmt_bind_int(st, 1, failure);
		rd_stmt_bind_int(st, 2, client);
		rd_stmt_bind_int(st, 3, a->user_id);
		if ((rc = rd_stmt_step(st, &row)) == RD_OK && row) {
			if (rd_stmt_col_text(st, 0))
				from_name = strdup(rd_stmt_col_text(st, 0));
			const char *sum = json_string_value(json_object_get(in, "summary"));
			struct rd_buf b = RD_BUF_INIT;
			if (sum)
				rd_buf_adds(&b, sum);
			else
				rd_buf_addf(&b, "%s", rd_stmt_col_text(st, 1));
			subject = rd_buf_detach(&b);
		}
		rd_stmt_free(st);
		st = NULL;
	}
	if (rc) {
		rc = rd_fail(RD_EDB, errmsg, "reading the sender: %s", rd_store_errmsg(s));
		goto out;
	}
	char key[48];
	snprintf(key, sizeof key, "comm:%" PRId64, cid);
	struct rd_outbox_msg m = {.idem_key = key, .kind = "client", .to = to, .n_to = nto, .subject = subject,
				  .body = o->body, .from_name = from_name, .reply_address = true, .thread = true,
				  .failure_id = failure, .client_id = client, .user_id = a->user_id,
				  .communication_id = cid, .at = a->now};
	if ((rc = rd_outbox_enqueue(s, &m, outbox_id, errmsg)))
		goto out;
	if (comm_id)
		*comm_id = cid;
out:
	if (tx) {
		rc = rd_store_end(s, rc, errmsg);
	}
	rd_stmt_free(st);
	free(from_name);
	free(subject);
	people_free(&contacts);
	rd_check_context_free(&ctx);
	if (check)
		*check = res;
	else
		rd_check_result_free(res);
	return rc;
}

/* ---- replies ---------------------------------------------------------------------- */

/* What clients write when they chase: matched case-insensitively in the
 * unquoted text. Keep docs/delivery.md in step. */
static const char *const status_patterns[] = {
	"any update", "any news", "any progress", "an update", "is anyone looking", "is anybody looking",
	"anyone looking at this", "anyone working on", "what is the status", "what's the status",
	"status of this", "when will this be fixed", "when will it be fixed", "when will this be resolved",
	"still waiting", "still no update", "heard nothing", "haven't heard", "have not heard",
	"no update", "any eta", "what is happening", "what's happening", NULL,
};

bool rd_status_question(const char *text)
{
	if (!text)
		return false;
	struct rd_buf b = RD_BUF_INIT;
	const char *p = text;
	while (*p) {
		const char *e = strchr(p, '\n');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		const char *q = p;
		while (q < p + n && (*q == ' ' || *q == '\t'))
			q++;
		/* the quoted message we sent is not what the client asked */
		if (q < p + n && *q == '>') {
			p += n + (e != NULL);
			continue;
		}
		if ((n >= 6 && strncmp(p + n - 6, "wrote:", 6) == 0) || strncmp(q, "-----Original Message", 21) == 0)
			break;
		for (size_t i = 0; i < n; i++) {
			unsigned char c = (unsigned char)p[i];
			/* a typographic apostrophe (U+2019) reads as ' */
			if (c == 0xe2 && i + 2 < n && (unsigned char)p[i + 1] == 0x80 && (unsigned char)p[i + 2] == 0x99) {
				rd_buf_addc(&b, '\'');
				i += 2;
				continue;
			}
			rd_buf_addc(&b, (char)tolower(c));
		}
		rd_buf_addc(&b, ' ');
		p += n + (e != NULL);
	}
	bool hit = false;
	for (size_t i = 0; b.data && status_patterns[i] && !hit; i++)
		hit = strstr(b.data, status_patterns[i]) != NULL;
	rd_buf_free(&b);
	return hit;
}

/* The reply token in ADDR ("local+TOKEN@domain"), into TOK; false if none. */
static bool token_of(const char *addr, char tok[40])
{
	const char *plus = strchr(addr, '+'), *at = strrchr(addr, '@');
	if (!plus || !at || at < plus || (size_t)(at - plus - 1) >= 40)
		return false;
	size_t n = (size_t)(at - plus - 1);
	for (size_t i = 0; i < n; i++)
		tok[i] = (char)tolower((unsigned char)plus[1 + i]);
	tok[n] = '\0';
	return n == 33 && tok[0] == 'r';
}

enum rd_err rd_inbound(struct rd_store *s, const char *raw, size_t n, int64_t now, json_t **out, char **errmsg)
{
	struct rd_mail_in m;
	*out = NULL;
	enum rd_err rc = rd_mail_parse(raw, n, &m, errmsg);
	if (rc) {
		rd_mail_in_free(&m);
		return rc;
	}
	int64_t failure = 0, client = 0, contact = 0;
	const char *by = NULL;
	bool had_token = false;
	for (size_t i = 0; i < m.n_rcpts && !by; i++) {
		char tok[40], h[RD_TOKEN_HASHSZ];
		if (!token_of(m.rcpts[i], tok))
			continue;
		had_token = true;
		rd_token_hash(tok, h);
		struct rd_stmt *st;
		if ((rc = rd_store_prepare(s, "SELECT failure_id, client_id FROM reply_tokens WHERE token_hash = ?1 "
					   "AND revoked_at IS NULL", &st)))
			goto db;
		rd_stmt_bind_text(st, 1, h);
		bool row = false;
		if ((rc = rd_stmt_step(st, &row)) == RD_OK && row) {
			failure = rd_stmt_col_int(st, 0);
			client = rd_stmt_col_int(st, 1);
			by = "reply-token";
		}
		rd_stmt_free(st);
		if (rc)
			goto db;
	}
	/* the sender: a contact of the token's client, or of any client */
	struct rd_stmt *st;
	if ((rc = rd_store_prepare(s, "SELECT id, client_id FROM contacts WHERE email = ?1 AND (?2 = 0 OR "
				   "client_id = ?2) ORDER BY id LIMIT 1", &st)))
		goto db;
	rd_stmt_bind_text(st, 1, m.from);
	rd_stmt_bind_int(st, 2, client);
	bool row = false;
	if ((rc = rd_stmt_step(st, &row)) == RD_OK && row) {
		contact = rd_stmt_col_int(st, 0);
		if (!by) {
			client = rd_stmt_col_int(st, 1);
			by = "sender";
		}
	}
	rd_stmt_free(st);
	if (rc)
		goto db;
	if (!by) {
		rc = rd_fail(RD_EINVAL, errmsg, "%s, and the sender %s is not a contact of any client: "
			     "nothing was logged", had_token ? "the reply address has an unknown or revoked token"
							    : "the message has no reply address of ours", m.from);
		goto out;
	}
	if (!failure) {
		/* the client's latest failure still open, else its latest */
		rc = rd_store_exec(s, &failure, "SELECT f.id FROM failures f JOIN impacts i ON i.failure_id = f.id "
				   "WHERE i.client_id = ?1 ORDER BY f.status IN ('resolved','closed'), f.detected_at DESC, "
				   "f.id DESC LIMIT 1", "i", client);
		if (rc == RD_ENOTFOUND)
			failure = 0;
		else if (rc)
			goto db;
	}
	/* the same message again (an MTA or client retrying): the first answer */
	if (m.message_id && *m.message_id) {
		struct rd_stmt *q;
		if ((rc = rd_store_prepare(s, "SELECT result FROM inbound_messages WHERE client_id = ?1 AND "
					   "message_id = ?2", &q)))
			goto db;
		rd_stmt_bind_int(q, 1, client);
		rd_stmt_bind_text(q, 2, m.message_id);
		bool seen = false;
		if ((rc = rd_stmt_step(q, &seen)) == RD_OK && seen) {
			*out = json_loads(rd_stmt_col_text(q, 0), 0, NULL);
			if (*out)
				json_object_set_new(*out, "duplicate", json_true());
		}
		rd_stmt_free(q);
		if (rc)
			goto db;
		if (seen) {
			rc = *out ? RD_OK : rd_fail(RD_ENOMEM, errmsg, "out of memory");
			goto out;
		}
	}
	bool chase = failure && rd_status_question(m.text);
	struct rd_actor a;
	rd_actor_system(&a, "inbound email");
	a.now = now;
	json_t *in = json_pack("{sI ss ss ss ss* ss sb}", "client", (json_int_t)client, "kind", "other",
			       "channel", "email", "direction", "in", "summary",
			       m.subject ? m.subject : "(no subject)", "body", m.text, "chase", chase);
	if (failure)
		json_object_set_new(in, "failure", json_integer(failure));
	if (contact)
		json_object_set_new(in, "contact", json_integer(contact));
	int64_t cid = 0;
	if ((rc = rd_store_begin(s))) {
		json_decref(in);
		goto db;
	}
	rc = rd_comm_log(s, &a, in, &cid, errmsg);
	json_decref(in);
	if (rc) {
		rd_store_rollback(s);
		goto out;
	}
	*out = json_pack("{sI sI sI ss sb}", "communication_id", (json_int_t)cid, "client_id", (json_int_t)client,
			 "failure_id", (json_int_t)failure, "matched_by", by, "chase", chase);
	json_object_set_new(*out, "contact_id", contact ? json_integer(contact) : json_null());
	if (!failure)
		json_object_set_new(*out, "failure_id", json_null());
	/* remembered with the communication, in its transaction */
	char *res = m.message_id && *m.message_id ? json_dumps(*out, JSON_COMPACT) : NULL;
	if (res)
		rc = rd_store_exec(s, NULL, "INSERT INTO inbound_messages (client_id, message_id, result, created_at) "
				   "VALUES (?1, ?2, ?3, ?4)", "itti", client, m.message_id, res, now);
	free(res);
	if (rc == RD_ENOTFOUND)
		rc = RD_OK;
	if (rc || (rc = rd_store_commit(s))) {
		/* the message before the rollback, which would reset it */
		rc = rd_fail(RD_EDB, errmsg, "logging the reply: %s", rd_store_errmsg(s));
		rd_store_rollback(s);
		json_decref(*out);
		*out = NULL;
		goto out;
	}
	json_object_set_new(*out, "duplicate", json_false());
	goto out;
db:
	rc = rd_fail(RD_EDB, errmsg, "routing the reply: %s", rd_store_errmsg(s));
out:
	rd_mail_in_free(&m);
	return rc;
}

enum rd_err rd_reply_tokens_revoke(struct rd_store *s, int64_t failure_id, int64_t client_id, int64_t now,
				   int64_t *n, char **errmsg)
{
	int64_t before = 0;
	enum rd_err rc = rd_store_exec(s, &before, "SELECT count(*) FROM reply_tokens WHERE failure_id = ?1 AND "
				       "client_id = ?2 AND revoked_at IS NULL", "ii", failure_id, client_id);
	if (rc == RD_OK)
		rc = rd_store_exec(s, NULL, "UPDATE reply_tokens SET revoked_at = ?3 WHERE failure_id = ?1 AND "
				   "client_id = ?2 AND revoked_at IS NULL", "iii", failure_id, client_id, now);
	if (rc)
		return rd_fail(RD_EDB, errmsg, "revoking reply addresses: %s", rd_store_errmsg(s));
	if (n)
		*n = before;
	return RD_OK;
}

enum rd_err rd_notify_password_link(struct rd_store *s, const char *email, const char *link, int minutes,
				    int64_t now, char **errmsg)
{
	char h[RD_TOKEN_HASHSZ], key[96];
	rd_token_hash(link, h);
	snprintf(key, sizeof key, "password:%.40s", h);
	struct rd_buf body = RD_BUF_INIT;
	rd_buf_addf(&body, "Someone (we hope you) asked to set a new password for %s on redress.\n\n"
			   "Open this link within %d minutes; it works once:\n\n  %s\n\n"
			   "If you did not ask, ignore this email: your password stays as it is.\n",
		    email, minutes, link);
	const char *to[1] = {email};
	struct rd_outbox_msg m = {.idem_key = key, .kind = "password_link", .to = to, .n_to = 1,
				  .subject = "[redress] Set your password", .body = body.data, .at = now};
	enum rd_err rc = body.oom ? rd_fail(RD_ENOMEM, errmsg, "out of memory") : rd_outbox_enqueue(s, &m, NULL, errmsg);
	rd_buf_free(&body);
	return rc;
}
