/* demo.c — a realistic demo data set for `redress demo` and `make run`:
 * a dozen clients (three key accounts), staff, and three failures at
 * different stages, with the narrative that goes with them. Everything goes
 * through the same library calls a user's commands use, so the demo is also
 * a smoke test of the domain rules. Times are relative to NOW. The trust
 * scores this story gives each client are explained in docs/trust.md
 * ("The demo") and checked by tests/e2e/cases/0181-*. */
#include <inttypes.h>
#include <string.h>

#include "redress/model.h"
#include "redress/time.h"

#define H 3600
#define D 86400

struct demo {
	struct rd_store *s;
	struct rd_actor sys;
	int64_t now;
	char **errmsg;
};

static enum rd_err create(struct demo *d, const char *entity, json_t *in, int64_t *id)
{
	if (!in)
		return rd_fail(RD_ENOMEM, d->errmsg, "demo: bad literal for %s", entity);
	enum rd_err rc = rd_record_create(d->s, &d->sys, entity, in, NULL, id, d->errmsg);
	json_decref(in);
	return rc;
}

static int64_t client_id(struct demo *d, const char *name)
{
	int64_t id = 0;
	rd_record_lookup(d->s, "client", name, &id, NULL);
	return id;
}

/* Logs an outbound (or inbound) communication. */
static enum rd_err say(struct demo *d, int64_t fid, const char *client, const char *kind,
		       const char *channel, const char *dir, int64_t at, const char *summary,
		       const char *author, int64_t *id)
{
	json_t *in = json_pack("{sI ss ss ss ss sI ss ss}", "failure_id", (json_int_t)fid,
			       "client", client, "kind", kind, "channel", channel, "direction", dir,
			       "at", (json_int_t)at, "summary", summary, "author", author);
	if (!in)
		return RD_ENOMEM;
	enum rd_err rc = rd_comm_log(d->s, &d->sys, in, id, d->errmsg);
	json_decref(in);
	return rc;
}

static const struct { const char *email, *name, *role, *manager, *title, *phone; } staff[] = {
	{"ada@provider.example", "Ada Quinn", "admin", NULL, "Head of Client Operations", NULL},
	{"maria@provider.example", "Maria Santos", "manager", NULL, "Director of Client Success", "+44 20 7946 0321"},
	{"sam@provider.example", "Sam Okafor", "agent", "maria@provider.example", "Senior Account Manager",
	 "+49 30 901820 44"},
	{"priya@provider.example", "Priya Raman", "agent", "maria@provider.example", "Account Manager",
	 "+1 212 555 0147"},
	{"victor@provider.example", "Victor Lindqvist", "viewer", NULL, NULL, NULL},
};

static const struct {
	const char *name, *tier, *value, *currency, *tz, *owner, *services[3];
	const char *contact, *email, *role;
} clients[] = {
	{"Northwind Logistics", "key", "480000", "EUR", "Europe/Berlin", "sam@provider.example",
	 {"Payments API", "Data Sync", NULL}, "Lena Vogel", "lena.vogel@northwind.example", "executive sponsor"},
	{"Globex Health", "key", "350000", "USD", "America/New_York", "priya@provider.example",
	 {"Payments API", "Customer Portal", NULL}, "Marcus Hale", "m.hale@globex.example", "operations"},
	{"Initech Banking", "key", "620000", "GBP", "Europe/London", "sam@provider.example",
	 {"Reporting", "Data Sync", NULL}, "Fiona Grant", "fiona.grant@initech.example", "executive sponsor"},
	{"Acme Retail", "standard", "42000", "EUR", "Europe/Paris", "priya@provider.example",
	 {"Payments API", NULL, NULL}, "Jules Martin", "jules@acme-retail.example", "operations"},
	{"Blue Harbor Foods", "standard", "28000", "USD", "America/Chicago", "priya@provider.example",
	 {"Customer Portal", NULL, NULL}, "Dana Brooks", "dana@blueharbor.example", "operations"},
	{"Cedar Analytics", "standard", "36000", "EUR", "Europe/Amsterdam", "sam@provider.example",
	 {"Reporting", NULL, NULL}, "Pieter de Vries", "pieter@cedar.example", "operations"},
	{"Delta Freight", "standard", "51000", "EUR", "Europe/Madrid", "sam@provider.example",
	 {"Data Sync", NULL, NULL}, "Lucia Romero", "lucia@deltafreight.example", "IT lead"},
	{"Evergreen Schools", "standard", "18000", "USD", "America/Denver", "priya@provider.example",
	 {"Customer Portal", NULL, NULL}, "Tom Reed", "treed@evergreen.example", "operations"},
	{"Fjord Travel", "standard", "24000", "EUR", "Europe/Oslo", "sam@provider.example",
	 {"Mobile App", NULL, NULL}, "Ingrid Dahl", "ingrid@fjordtravel.example", "product owner"},
	{"Granite Insurance", "standard", "64000", "EUR", "Europe/Vienna", "priya@provider.example",
	 {"Reporting", "Customer Portal", NULL}, "Karl Huber", "k.huber@granite.example", "executive sponsor"},
	{"Helios Energy", "standard", "58000", "EUR", "Europe/Rome", "sam@provider.example",
	 {"Data Sync", NULL, NULL}, "Giulia Conti", "giulia@helios.example", "operations"},
	{"Iris Media", "standard", "21000", "USD", "America/Los_Angeles", "priya@provider.example",
	 {"Mobile App", NULL, NULL}, "Noah Kim", "noah@irismedia.example", "product owner"},
};

static enum rd_err load_people(struct demo *d)
{
	enum rd_err rc;
	for (size_t i = 0; i < sizeof staff / sizeof staff[0]; i++) {
		json_t *in = json_pack("{ss ss ss}", "email", staff[i].email, "name", staff[i].name,
				       "role", staff[i].role);
		if (staff[i].manager)
			json_object_set_new(in, "manager", json_string(staff[i].manager));
		if (staff[i].title)
			json_object_set_new(in, "title", json_string(staff[i].title));
		if (staff[i].phone)
			json_object_set_new(in, "phone", json_string(staff[i].phone));
		rc = rd_user_add(d->s, &d->sys, in, NULL, NULL, d->errmsg);
		json_decref(in);
		if (rc)
			return rc;
	}
	for (size_t i = 0; i < sizeof clients / sizeof clients[0]; i++) {
		json_t *svc = json_array();
		for (int k = 0; k < 3 && clients[i].services[k]; k++)
			json_array_append_new(svc, json_string(clients[i].services[k]));
		json_t *in = json_pack("{ss ss ss ss ss ss so}", "name", clients[i].name, "tier", clients[i].tier,
				       "value", clients[i].value, "currency", clients[i].currency, "tz",
				       clients[i].tz, "owner", clients[i].owner, "services", svc);
		int64_t cid;
		rc = rd_client_add(d->s, &d->sys, in, &cid, d->errmsg);
		json_decref(in);
		if (rc)
			return rc;
		if ((rc = create(d, "contact", json_pack("{sI ss ss ss}", "client_id", (json_int_t)cid, "name",
							 clients[i].contact, "email", clients[i].email,
							 "role", clients[i].role), NULL)))
			return rc;
	}
	return RD_OK;
}

/* Failure 1: a severity-1 payments outage, six days in, being remediated. */
static enum rd_err payments_outage(struct demo *d)
{
	int64_t t0 = d->now - 6 * D - 5 * H, fid, cid, id;
	json_t *in = json_pack("{ss ss si sI sI ss s[s] s[sss]}",
		"title", "Payments API outage: card authorisations failing",
		"description", "Card authorisation requests timed out for 3 h 40 min after a database "
			       "failover left the payments service pointing at a read-only replica.",
		"severity", 1, "detected_at", (json_int_t)t0, "started_at", (json_int_t)(t0 - 20 * 60),
		"lead", "maria@provider.example", "services", "Payments API",
		"clients", "Northwind Logistics", "Globex Health", "Acme Retail");
	enum rd_err rc = rd_failure_open(d->s, &d->sys, in, &fid, d->errmsg);
	json_decref(in);
	if (rc)
		return rc;
	struct rd_actor maria;
	if ((rc = rd_actor_for_user(d->s, "maria@provider.example", &maria, d->errmsg)))
		return rc;
	maria.now = d->now;
	if ((rc = rd_failure_disclose(d->s, &maria, fid, "Cause (failover to a read-only replica), "
				      "duration, affected transactions per client; not the vendor name.",
				      t0 + 3 * H, d->errmsg)))
		return rc;
	if ((rc = rd_failure_set_status(d->s, &d->sys, fid, "investigating", t0 + H, d->errmsg)) ||
	    (rc = rd_failure_set_status(d->s, &d->sys, fid, "identified", t0 + 10 * H, d->errmsg)) ||
	    (rc = rd_failure_set_status(d->s, &d->sys, fid, "remediating", t0 + 2 * D, d->errmsg)))
		return rc;
	cid = client_id(d, "Northwind Logistics");
	in = json_pack("{si ss ss ss ss ss}", "severity", 1,
		"operational", "About 2,300 parcel deliveries could not be charged at the door; drivers "
			       "collected cash or rescheduled.",
		"financial", "18500", "reputational", "Complaints from two of their largest retail customers.",
		"point_person", "sam@provider.example", "compliance", "none");
	rc = rd_impact_set(d->s, &d->sys, fid, cid, in, NULL, d->errmsg);
	json_decref(in);
	if (rc)
		return rc;
	in = json_pack("{si ss ss ss}", "severity", 2,
		"operational", "Patient co-payments failed at 14 clinics for the afternoon.",
		"financial", "7200", "point_person", "priya@provider.example");
	rc = rd_impact_set(d->s, &d->sys, fid, client_id(d, "Globex Health"), in, NULL, d->errmsg);
	json_decref(in);
	if (rc)
		return rc;
	/* The story, in order. */
	/* A call: the summary is the staff's note; the body is what the
	 * client's portal shows, written for the client. */
	json_t *call = json_pack("{sI ss ss ss ss sI ss ss ss ss}", "failure_id", (json_int_t)fid, "client",
		"Northwind Logistics", "kind", "apology", "channel", "call", "direction", "out",
		"at", (json_int_t)(t0 + 90 * 60), "summary",
		"Call note: Sam called Lena Vogel. Apologised for the failed card payments, said "
		"it was our failover that broke, promised a root-cause update within 24 hours "
		"and a daily status email at 09:00 until fixed.", "author", "sam@provider.example",
		"contact", "lena.vogel@northwind.example", "body",
		"We apologised for the card payments that failed this afternoon: our failover broke "
		"them. We promised a root-cause update within 24 hours and a daily status email "
		"at 09:00 until fixed.");
	rc = call ? rd_comm_log(d->s, &d->sys, call, &id, d->errmsg) : RD_ENOMEM;
	json_decref(call);
	if (rc)
		return rc;
	if ((rc = create(d, "commitment", json_pack("{sI ss sI ss sI sI}", "client_id", (json_int_t)cid,
			"text", "Daily status email at 09:00 CET until the fix is live", "failure_id",
			(json_int_t)fid, "owner", "sam@provider.example", "communication_id", (json_int_t)id,
			"due_at", (json_int_t)(d->now + 4 * D)), NULL)))
		return rc;
	if ((rc = create(d, "commitment", json_pack("{sI ss sI ss sI}", "client_id", (json_int_t)cid,
			"text", "Written root-cause report within 24 hours", "failure_id", (json_int_t)fid,
			"owner", "sam@provider.example", "due_at", (json_int_t)(t0 + 25 * H)), &id)))
		return rc;
	if ((rc = rd_commitment_settle(d->s, &d->sys, id, "kept", "Sent with the RCA update.", 0,
				       t0 + 20 * H, d->errmsg)))
		return rc;
	if ((rc = say(d, fid, "Acme Retail", "apology", "email", "out", t0 + 3 * H,
		      "Apology email: card payments failed for 3 h 40 min because of our database "
		      "failover; next update tomorrow 10:00.", "priya@provider.example", NULL)))
		return rc;
	json_t *chase = json_pack("{sI ss ss ss ss sI ss sb}", "failure_id", (json_int_t)fid, "client",
		"Globex Health", "kind", "other", "channel", "email", "direction", "in",
		"at", (json_int_t)(t0 + 6 * H), "summary",
		"Marcus Hale: 'Is anyone looking at this? Our clinics can't take payments.'", "chase", 1);
	rc = rd_comm_log(d->s, &d->sys, chase, NULL, d->errmsg);
	json_decref(chase);
	if (rc)
		return rc;
	if ((rc = say(d, fid, "Globex Health", "apology", "email", "out", t0 + 7 * H,
		      "Apology email (late): we're sorry for the failed co-payments and for not "
		      "reaching you sooner.", "priya@provider.example", NULL)))
		return rc;
	int64_t globex = client_id(d, "Globex Health");
	if ((rc = create(d, "commitment", json_pack("{sI ss sI ss sI}", "client_id", (json_int_t)globex,
			"text", "Call back within 2 hours with a timeline", "failure_id", (json_int_t)fid,
			"owner", "priya@provider.example", "due_at", (json_int_t)(t0 + 9 * H)), &id)))
		return rc;
	if ((rc = rd_commitment_settle(d->s, &d->sys, id, "broken", "Called back the next morning.", 0,
				       t0 + 22 * H, d->errmsg)))
		return rc;
	/* Root cause and plan. */
	in = json_pack("{ss ss ss ss s[sss]}", "category", "technology",
		"contributing", "Failover runbook not rehearsed since the database upgrade; alert on "
				"write errors routed to a muted channel.",
		"findings", "Replica promotion script skipped the read-only flag reset (ticket OPS-4411).",
		"client_explanation", "During a planned database switch our system connected the payments "
				      "service to a copy of the database that could not accept new "
				      "transactions. Our monitoring did not alert us for 50 minutes.",
		"whys", "Card authorisations timed out.",
		"The payments service could not write to its database.",
		"After failover it was connected to a read-only replica because our promotion script "
		"skipped a step.");
	rc = rd_rca_set(d->s, &d->sys, fid, in, d->errmsg);
	json_decref(in);
	if (rc)
		return rc;
	json_t *fact = json_pack("{sI ss ss ss ss sI ss ss ss}", "failure_id", (json_int_t)fid, "client",
		"Northwind Logistics", "kind", "rca_update", "channel", "email", "direction", "out",
		"at", (json_int_t)(t0 + 20 * H), "summary", "Root-cause update emailed to Lena Vogel.",
		"cause", "failover connected payments to a read-only replica", "author", "sam@provider.example");
	rc = rd_comm_log(d->s, &d->sys, fact, NULL, d->errmsg);
	json_decref(fact);
	if (rc)
		return rc;
	static const struct { const char *kind, *desc, *success; int64_t due; } actions[] = {
		{"immediate", "Point the payments service back at the primary and replay queued "
			      "authorisations", "No pending authorisations older than 5 minutes", -5 * D},
		{"preventive", "Fix the script that switches databases, and rehearse the switch monthly",
		 "Two consecutive rehearsals with zero write errors", 2 * D},
		{"preventive", "Route database write-error alerts to the on-call pager",
		 "A test alert pages the on-call engineer within 2 minutes", D},
		{"repair", "Reconcile failed transactions for each affected client",
		 "Each client confirms the reconciliation report", 3 * D},
	};
	for (size_t i = 0; i < sizeof actions / sizeof actions[0]; i++) {
		if ((rc = create(d, "plan_action", json_pack("{sI ss ss ss sI ss}", "failure_id", (json_int_t)fid,
				"kind", actions[i].kind, "description", actions[i].desc, "success_criterion",
				actions[i].success, "due_at", (json_int_t)(d->now + actions[i].due),
				"owner", "maria@provider.example"), &id)))
			return rc;
		if (i == 0 && (rc = rd_plan_action_set_status(d->s, &d->sys, id, "done",
				"Queue drained at 16:42; 2,311 authorisations replayed.", t0 + 6 * H, d->errmsg)))
			return rc;
	}
	int64_t eta1 = d->now + 2 * D;
	fact = json_pack("{sI ss ss ss ss sI ss sI ss}", "failure_id", (json_int_t)fid, "client",
		"Northwind Logistics", "kind", "plan", "channel", "meeting", "direction", "out",
		"at", (json_int_t)(t0 + 2 * D), "summary", "Recovery plan presented in a video meeting.",
		"eta", (json_int_t)eta1, "author", "sam@provider.example");
	rc = rd_comm_log(d->s, &d->sys, fact, NULL, d->errmsg);
	json_decref(fact);
	if (rc)
		return rc;
	if ((rc = rd_eta_set(d->s, &d->sys, fid, 0, eta1, "First estimate, from the plan", true,
			     t0 + 2 * D, NULL, d->errmsg)) ||
	    (rc = rd_eta_set(d->s, &d->sys, fid, 0, d->now + 4 * D,
			     "The promotion-script fix needs a second maintenance window approved by "
			     "the card network", false, d->now - D, NULL, d->errmsg)))
		return rc;
	if ((rc = say(d, fid, "Northwind Logistics", "progress", "email", "out", t0 + 3 * D,
		      "Daily status: queue replay verified, script fix in review.", "sam@provider.example",
		      NULL)))
		return rc;
	/* Goodwill: one approved, one still proposed. */
	if ((rc = create(d, "goodwill", json_pack("{sI sI ss ss ss ss}", "failure_id", (json_int_t)fid,
			"client_id", (json_int_t)cid, "kind", "credit", "amount", "12000", "currency", "EUR",
			"note", "One month of platform fees"), &id)))
		return rc;
	json_t *st = json_pack("{ss}", "status", "proposed");
	rd_record_update(d->s, &d->sys, "goodwill", id, NULL, st, NULL);
	json_decref(st);
	if ((rc = rd_goodwill_decide(d->s, &maria, id, "approved", "Proportionate to their losses.",
				     d->now - 2 * D, d->errmsg)))
		return rc;
	if ((rc = create(d, "goodwill", json_pack("{sI sI ss ss ss}", "failure_id", (json_int_t)fid,
			"client_id", (json_int_t)globex, "kind", "credit", "amount", "5000", "currency", "USD"),
			&id)))
		return rc;
	st = json_pack("{ss}", "status", "proposed");
	rc = rd_record_update(d->s, &d->sys, "goodwill", id, NULL, st, d->errmsg);
	json_decref(st);
	return rc;
}

/* Failure 2: reporting exports, resolved two weeks ago, in follow-up. */
static enum rd_err reporting_delay(struct demo *d)
{
	int64_t t0 = d->now - 20 * D, fid, id;
	json_t *in = json_pack("{ss si sI ss s[s] s[ss]}", "title", "Reporting exports delayed by up to 30 hours",
		"severity", 2, "detected_at", (json_int_t)t0, "lead", "maria@provider.example",
		"services", "Reporting", "clients", "Initech Banking", "Cedar Analytics");
	enum rd_err rc = rd_failure_open(d->s, &d->sys, in, &fid, d->errmsg);
	json_decref(in);
	if (rc)
		return rc;
	if ((rc = say(d, fid, "Initech Banking", "apology", "meeting", "out", t0 + 80 * 60,
		      "Meeting with Fiona Grant: apologised for the late regulatory exports.",
		      "sam@provider.example", NULL)) ||
	    (rc = say(d, fid, "Cedar Analytics", "apology", "email", "out", t0 + 2 * H,
		      "Apology email with the affected export list.", "sam@provider.example", NULL)) ||
	    (rc = say(d, fid, "Initech Banking", "rca_update", "email", "out", t0 + 20 * H,
		      "Root cause: the export queue was sized for last year's month-end volume.",
		      "sam@provider.example", NULL)) ||
	    (rc = say(d, fid, "Cedar Analytics", "rca_update", "email", "out", t0 + 2 * D,
		      "Root-cause update with the list of late exports.", "sam@provider.example", NULL)) ||
	    (rc = say(d, fid, "Initech Banking", "plan", "meeting", "out", t0 + 2 * D,
		      "Plan: double queue capacity, alert on export age, regenerate all late exports.",
		      "sam@provider.example", NULL)) ||
	    (rc = say(d, fid, "Cedar Analytics", "plan", "email", "out", t0 + 4 * D,
		      "Recovery plan emailed.", "sam@provider.example", NULL)) ||
	    (rc = rd_failure_set_status(d->s, &d->sys, fid, "resolved", t0 + 5 * D, d->errmsg)) ||
	    (rc = say(d, fid, "Initech Banking", "resolution", "email", "out", t0 + 5 * D + 2 * H,
		      "Resolution notice: all exports regenerated and verified.", "sam@provider.example", NULL)) ||
	    (rc = say(d, fid, "Cedar Analytics", "resolution", "email", "out", t0 + 5 * D + 3 * H,
		      "Resolution notice.", "sam@provider.example", NULL)) ||
	    (rc = say(d, fid, "Initech Banking", "follow_up", "call", "out", t0 + 8 * D,
		      "Check-in call: exports on time since the fix.", "sam@provider.example", NULL)))
		return rc;
	/* Granite uses Reporting too: proposed as suspected, cleared after a call. */
	json_t *no = json_pack("{ss ss}", "affected", "no", "operational", "Checked with Karl Huber: "
			       "their exports run weekly and were not delayed.");
	rc = rd_impact_set(d->s, &d->sys, fid, client_id(d, "Granite Insurance"), no, NULL, d->errmsg);
	json_decref(no);
	if (rc)
		return rc;
	if ((rc = say(d, fid, "Initech Banking", "follow_up", "email", "out", t0 + 12 * D,
		      "Weekly check-in: no late exports this week.", "sam@provider.example", NULL)) ||
	    (rc = say(d, fid, "Initech Banking", "survey", "email", "out", t0 + 19 * D,
		      "Feedback survey sent to Fiona Grant.", "sam@provider.example", NULL)))
		return rc;
	if ((rc = create(d, "survey", json_pack("{sI ss sI}", "failure_id", (json_int_t)fid, "client",
						 "Initech Banking", "sent_at", (json_int_t)(t0 + 19 * D)), &id)))
		return rc;
	if ((rc = create(d, "survey_answer", json_pack("{sI ss si ss sI}", "survey_id", (json_int_t)id,
			"question", "How well did we keep you informed?", "score", 8, "answer",
			"Much better than last time; the daily emails helped.", "at", (json_int_t)(d->now - 12 * H)),
			NULL)))
		return rc;
	if ((rc = create(d, "review", json_pack("{sI sI ss ss ss ss}", "failure_id", (json_int_t)fid,
			"held_at", (json_int_t)(t0 + 12 * D), "root_cause", "Export queue sized for last year's volume.",
			"went_well", "Key clients heard from us within 90 minutes.",
			"lessons", "Capacity alerts must cover queue age, not only length.",
			"client_text", "The export queue could not keep up with month-end volume; we have doubled "
				       "its capacity and now alert on export age."), &id)))
		return rc;
	return create(d, "review_action", json_pack("{sI ss ss ss}", "review_id", (json_int_t)id, "text",
			"Alert when any export is older than 2 hours", "owner", "maria@provider.example",
			"success_criterion", "Synthetic late export triggers the alert"), NULL);
}

/* Failure 3: detected three hours ago; apologies are due. */
static enum rd_err mobile_login(struct demo *d)
{
	int64_t fid;
	json_t *in = json_pack("{ss si sI s[s] s[ss]}", "title", "Mobile app login errors for some users",
		"severity", 3, "detected_at", (json_int_t)(d->now - 3 * H), "services", "Mobile App",
		"clients", "Fjord Travel", "Iris Media");
	enum rd_err rc = rd_failure_open(d->s, &d->sys, in, &fid, d->errmsg);
	json_decref(in);
	if (rc)
		return rc;
	if ((rc = rd_failure_set_status(d->s, &d->sys, fid, "investigating", d->now - 2 * H, d->errmsg)))
		return rc;
	return create(d, "near_miss", json_pack("{ss ss ss ss sI}", "title",
		"Data Sync TLS certificate two days from expiry",
		"description", "Found by chance during an unrelated change; renewal automation had been "
			       "failing silently for a month.",
		"services", "Data Sync", "potential_impact", "All sync clients offline until renewed.",
		"at", (json_int_t)(d->now - 9 * D)), NULL);
}

enum rd_err rd_demo_load(struct rd_store *s, int64_t now, char **errmsg)
{
	struct demo d = {s, {0}, now, errmsg};
	rd_actor_system(&d.sys, "demo");
	d.sys.now = now;
	int64_t n = 0;
	enum rd_err rc = rd_store_exec(s, &n, "SELECT count(*) FROM clients", "");
	if (rc)
		return rd_fail(RD_EDB, errmsg, "reading clients: %s", rd_store_errmsg(s));
	if (n > 0)
		return rd_fail(RD_EEXIST, errmsg, "the database already holds %" PRId64 " clients; "
			       "the demo loads only into an empty database", n);
	rc = rd_store_begin(s);
	if (rc)
		return rd_fail(rc, errmsg, "cannot start a transaction");
	if ((rc = load_people(&d)) || (rc = payments_outage(&d)) || (rc = reporting_delay(&d)) ||
	    (rc = mobile_login(&d))) {
		rd_store_rollback(s);
		return rc;
	}
	if ((rc = rd_store_commit(s)))
		return rd_fail(RD_EDB, errmsg, "commit failed: %s", rd_store_errmsg(s));
	return RD_OK;
}
