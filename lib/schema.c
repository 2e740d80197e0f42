/* schema.c — the entity table: every entity of SPEC "Vocabulary" as a row
 * of fields. The record engine (record.c), the CLI's generic list/show and
 * the API all read it, so a new field is one line here plus a migration.
 *
 * To add an entity: write its migration, add a `static const struct
 * rd_field x_fields[]` below and a row to rd_entities[]. Names here are
 * compile-time SQL identifiers; values are always bound, never spliced.
 * Below the entities, the state machines: each status that moves, as a
 * table of allowed moves, with the one function that judges a move. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "redress/comm_kind.h"
#include "redress/model.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))
#define ID {"id", "id", RD_F_INT, RD_FF_INTERNAL, NULL, NULL, 0, 0}
#define CREATED {"created_at", "created_at", RD_F_TIME, RD_FF_INTERNAL, NULL, NULL, 0, 0}
#define REQ RD_FF_REQUIRED
#define FIX RD_FF_FIXED
#define INT_ RD_FF_INTERNAL
#define NN RD_FF_NOTNULL   /* NOT NULL in the migration, not required here */

static const char *const roles[] = {"admin", "manager", "agent", "viewer", NULL};
static const char *const tiers[] = {"key", "standard", NULL};
static const char *const risks[] = {"normal", "elevated", NULL};
/* The languages drafts are written in (data/templates/<lang>/). */
static const char *const languages[] = {"en", "de", "fr", NULL};
static const char *const failure_statuses[] = {"open", "investigating", "identified", "remediating",
					       "resolved", "closed", NULL};
static const char *const affected_values[] = {"yes", "suspected", "no", NULL};
static const char *const recovery_statuses[] = {"awaiting-apology", "apologised", "investigating",
						"plan-presented", "recovering", "recovered",
						"follow-up", "closed", NULL};
static const char *const channels[] = {"email", "call", "meeting", "portal", "chat", "report", "letter", NULL};
static const char *const directions[] = {"out", "in", NULL};
static const char *const visibilities[] = {"client", "internal", NULL};
static const char *const rca_categories[] = {"process", "training", "technology", "capacity",
					     "communication", "vendor", "other", NULL};
static const char *const action_kinds[] = {"immediate", "preventive", "repair", "value_add", NULL};
static const char *const action_statuses[] = {"planned", "in_progress", "done", "dropped", NULL};
static const char *const commitment_statuses[] = {"open", "kept", "broken", "renegotiated", NULL};
static const char *const goodwill_kinds[] = {"credit", "refund", "discount", "free_service",
					     "upgrade", "dedicated_resource", "other", NULL};
static const char *const goodwill_statuses[] = {"proposed", "approved", "delivered", "declined", NULL};
static const char *const review_action_statuses[] = {"open", "done", "dropped", NULL};

static const struct rd_field user_fields[] = {
	ID,
	{"email", "email", RD_F_EMAIL, REQ, NULL, NULL, 0, 0},
	{"name", "name", RD_F_TEXT, REQ, NULL, NULL, 0, 0},
	{"role", "role", RD_F_ENUM, REQ, roles, NULL, 0, 0},
	{"manager_id", "manager_id", RD_F_REF, 0, NULL, "user", 0, 0},
	{"title", "title", RD_F_TEXT, 0, NULL, NULL, 0, 0},
	{"phone", "phone", RD_F_TEXT, 0, NULL, NULL, 0, 0},
	{"tz", "tz", RD_F_TZ, 0, NULL, NULL, 0, 0},
	{"password_hash", "password_hash", RD_F_TEXT, INT_ | RD_FF_SECRET, NULL, NULL, 0, 0},
	{"disabled", "disabled", RD_F_BOOL, NN, NULL, NULL, 0, 0},
	CREATED,
};

static const struct rd_field service_fields[] = {
	ID,
	{"name", "name", RD_F_TEXT, REQ, NULL, NULL, 0, 0},
	{"description", "description", RD_F_TEXT, 0, NULL, NULL, 0, 0},
	CREATED,
};

static const struct rd_field client_fields[] = {
	ID,
	{"name", "name", RD_F_TEXT, REQ, NULL, NULL, 0, 0},
	{"tier", "tier", RD_F_ENUM, NN, tiers, NULL, 0, 0},
	{"value", "value_cents", RD_F_MONEY, NN, NULL, NULL, 0, 0},
	{"currency", "currency", RD_F_TEXT, NN, NULL, NULL, 0, 0},
	{"tz", "tz", RD_F_TZ, NN, NULL, NULL, 0, 0},
	{"owner_id", "owner_id", RD_F_REF, 0, NULL, "user", 0, 0},
	{"tags", "tags", RD_F_TEXT, 0, NULL, NULL, 0, 0},
	{"sla_credit_pct", "sla_credit_pct", RD_F_INT, 0, NULL, NULL, 0, 100},
	{"risk", "risk", RD_F_ENUM, INT_, risks, NULL, 0, 0},
	{"language", "language", RD_F_ENUM, NN, languages, NULL, 0, 0},
	CREATED,
};

static const struct rd_field contact_fields[] = {
	ID,
	{"client_id", "client_id", RD_F_REF, REQ | FIX, NULL, "client", 0, 0},
	{"name", "name", RD_F_TEXT, REQ, NULL, NULL, 0, 0},
	{"email", "email", RD_F_EMAIL, REQ, NULL, NULL, 0, 0},
	{"role", "role", RD_F_TEXT, 0, NULL, NULL, 0, 0},
	CREATED,
};

static const struct rd_field failure_fields[] = {
	ID,
	{"title", "title", RD_F_TEXT, REQ, NULL, NULL, 0, 0},
	{"description", "description", RD_F_TEXT, 0, NULL, NULL, 0, 0},
	{"severity", "severity", RD_F_INT, REQ, NULL, NULL, 1, 4},
	{"status", "status", RD_F_ENUM, INT_, failure_statuses, NULL, 0, 0},
	{"started_at", "started_at", RD_F_TIME, 0, NULL, NULL, 0, 0},
	{"detected_at", "detected_at", RD_F_TIME, NN, NULL, NULL, 0, 0},
	{"resolved_at", "resolved_at", RD_F_TIME, INT_, NULL, NULL, 0, 0},
	{"closed_at", "closed_at", RD_F_TIME, INT_, NULL, NULL, 0, 0},
	{"lead_id", "lead_id", RD_F_REF, 0, NULL, "user", 0, 0},
	{"disclosure", "disclosure", RD_F_TEXT, INT_, NULL, NULL, 0, 0},
	{"disclosure_by", "disclosure_by", RD_F_REF, INT_, NULL, "user", 0, 0},
	{"disclosure_at", "disclosure_at", RD_F_TIME, INT_, NULL, NULL, 0, 0},
	{"policy_version", "policy_version", RD_F_TEXT, INT_, NULL, NULL, 0, 0},
	{"reopened", "reopened", RD_F_INT, INT_, NULL, NULL, 0, 0},
	{"draft", "draft", RD_F_BOOL, INT_, NULL, NULL, 0, 0},
	{"confirmed_at", "confirmed_at", RD_F_TIME, INT_, NULL, NULL, 0, 0},
	{"confirmed_by", "confirmed_by", RD_F_REF, INT_, NULL, "user", 0, 0},
	CREATED,
};

static const struct rd_field impact_fields[] = {
	ID,
	{"failure_id", "failure_id", RD_F_REF, REQ | FIX, NULL, "failure", 0, 0},
	{"client_id", "client_id", RD_F_REF, REQ | FIX, NULL, "client", 0, 0},
	{"affected", "affected", RD_F_ENUM, NN, affected_values, NULL, 0, 0},
	{"severity", "severity", RD_F_INT, 0, NULL, NULL, 1, 4},
	{"operational", "operational", RD_F_TEXT, 0, NULL, NULL, 0, 0},
	{"financial", "financial_cents", RD_F_MONEY, 0, NULL, NULL, 0, 0},
	{"reputational", "reputational", RD_F_TEXT, 0, NULL, NULL, 0, 0},
	{"compliance", "compliance", RD_F_TEXT, 0, NULL, NULL, 0, 0},
	{"data", "data", RD_F_TEXT, 0, NULL, NULL, 0, 0},
	{"point_person_id", "point_person_id", RD_F_REF, 0, NULL, "user", 0, 0},
	{"recovery_status", "recovery_status", RD_F_ENUM, NN, recovery_statuses, NULL, 0, 0},
	CREATED,
};

static const struct rd_field communication_fields[] = {
	ID,
	{"failure_id", "failure_id", RD_F_REF, FIX, NULL, "failure", 0, 0},
	{"client_id", "client_id", RD_F_REF, REQ | FIX, NULL, "client", 0, 0},
	{"channel", "channel", RD_F_ENUM, REQ, channels, NULL, 0, 0},
	{"direction", "direction", RD_F_ENUM, NN, directions, NULL, 0, 0},
	{"kind", "kind", RD_F_ENUM, REQ, rd_comm_kind_names, NULL, 0, 0},
	{"at", "at", RD_F_TIME, NN, NULL, NULL, 0, 0},
	{"author_id", "author_id", RD_F_REF, 0, NULL, "user", 0, 0},
	{"contact_id", "contact_id", RD_F_REF, 0, NULL, "contact", 0, 0},
	{"summary", "summary", RD_F_TEXT, 0, NULL, NULL, 0, 0},
	{"body", "body", RD_F_TEXT, 0, NULL, NULL, 0, 0},
	{"visibility", "visibility", RD_F_ENUM, NN, visibilities, NULL, 0, 0},
	{"chase", "chase", RD_F_BOOL, NN, NULL, NULL, 0, 0},
	{"eta", "fact_eta", RD_F_TIME, 0, NULL, NULL, 0, 0},
	{"cause", "fact_cause", RD_F_TEXT, 0, NULL, NULL, 0, 0},
	{"remedy", "fact_remedy", RD_F_TEXT, 0, NULL, NULL, 0, 0},
	{"amount", "fact_amount_cents", RD_F_MONEY, 0, NULL, NULL, 0, 0},
	{"currency", "fact_currency", RD_F_TEXT, 0, NULL, NULL, 0, 0},
	CREATED,
};

static const struct rd_field rca_fields[] = {
	ID,
	{"failure_id", "failure_id", RD_F_REF, REQ | FIX, NULL, "failure", 0, 0},
	{"category", "category", RD_F_ENUM, 0, rca_categories, NULL, 0, 0},
	{"contributing", "contributing", RD_F_TEXT, 0, NULL, NULL, 0, 0},
	{"findings", "findings", RD_F_TEXT, 0, NULL, NULL, 0, 0},
	{"client_explanation", "client_explanation", RD_F_TEXT, 0, NULL, NULL, 0, 0},
	CREATED,
};

static const struct rd_field why_fields[] = {
	ID,
	{"failure_id", "failure_id", RD_F_REF, REQ | FIX, NULL, "failure", 0, 0},
	{"position", "position", RD_F_INT, REQ, NULL, NULL, 1, 1000},
	{"text", "text", RD_F_TEXT, REQ, NULL, NULL, 0, 0},
};

static const struct rd_field plan_action_fields[] = {
	ID,
	{"failure_id", "failure_id", RD_F_REF, REQ | FIX, NULL, "failure", 0, 0},
	{"client_id", "client_id", RD_F_REF, FIX, NULL, "client", 0, 0},
	{"kind", "kind", RD_F_ENUM, REQ, action_kinds, NULL, 0, 0},
	{"description", "description", RD_F_TEXT, REQ, NULL, NULL, 0, 0},
	{"owner_id", "owner_id", RD_F_REF, 0, NULL, "user", 0, 0},
	{"due_at", "due_at", RD_F_TIME, 0, NULL, NULL, 0, 0},
	{"status", "status", RD_F_ENUM, INT_, action_statuses, NULL, 0, 0},
	{"success_criterion", "success_criterion", RD_F_TEXT, 0, NULL, NULL, 0, 0},
	{"evidence", "evidence", RD_F_TEXT, INT_, NULL, NULL, 0, 0},
	{"done_at", "done_at", RD_F_TIME, INT_, NULL, NULL, 0, 0},
	CREATED,
};

static const struct rd_field eta_revision_fields[] = {
	ID,
	{"failure_id", "failure_id", RD_F_REF, REQ | FIX, NULL, "failure", 0, 0},
	{"client_id", "client_id", RD_F_REF, FIX, NULL, "client", 0, 0},
	{"eta", "eta", RD_F_TIME, REQ, NULL, NULL, 0, 0},
	{"reason", "reason", RD_F_TEXT, 0, NULL, NULL, 0, 0},
	{"clients_told", "clients_told", RD_F_BOOL, NN, NULL, NULL, 0, 0},
	{"at", "at", RD_F_TIME, REQ, NULL, NULL, 0, 0},
	{"actor_id", "actor_id", RD_F_REF, INT_, NULL, "user", 0, 0},
};

static const struct rd_field commitment_fields[] = {
	ID,
	{"client_id", "client_id", RD_F_REF, REQ | FIX, NULL, "client", 0, 0},
	{"failure_id", "failure_id", RD_F_REF, FIX, NULL, "failure", 0, 0},
	{"text", "text", RD_F_TEXT, REQ, NULL, NULL, 0, 0},
	{"owner_id", "owner_id", RD_F_REF, 0, NULL, "user", 0, 0},
	{"due_at", "due_at", RD_F_TIME, 0, NULL, NULL, 0, 0},
	{"status", "status", RD_F_ENUM, INT_, commitment_statuses, NULL, 0, 0},
	{"communication_id", "communication_id", RD_F_REF, FIX, NULL, "communication", 0, 0},
	{"note", "note", RD_F_TEXT, 0, NULL, NULL, 0, 0},
	{"settled_at", "settled_at", RD_F_TIME, INT_, NULL, NULL, 0, 0},
	CREATED,
};

static const struct rd_field goodwill_fields[] = {
	ID,
	{"failure_id", "failure_id", RD_F_REF, REQ | FIX, NULL, "failure", 0, 0},
	{"client_id", "client_id", RD_F_REF, REQ | FIX, NULL, "client", 0, 0},
	{"kind", "kind", RD_F_ENUM, REQ, goodwill_kinds, NULL, 0, 0},
	{"amount", "amount_cents", RD_F_MONEY, NN, NULL, NULL, 0, 0},
	{"currency", "currency", RD_F_TEXT, NN, NULL, NULL, 0, 0},
	{"status", "status", RD_F_ENUM, INT_, goodwill_statuses, NULL, 0, 0},
	{"proposed_by", "proposed_by", RD_F_REF, INT_, NULL, "user", 0, 0},
	{"approver_id", "approver_id", RD_F_REF, INT_, NULL, "user", 0, 0},
	{"note", "note", RD_F_TEXT, 0, NULL, NULL, 0, 0},
	{"decided_at", "decided_at", RD_F_TIME, INT_, NULL, NULL, 0, 0},
	CREATED,
};

static const struct rd_field survey_fields[] = {
	ID,
	{"failure_id", "failure_id", RD_F_REF, REQ | FIX, NULL, "failure", 0, 0},
	{"client_id", "client_id", RD_F_REF, REQ | FIX, NULL, "client", 0, 0},
	{"sent_at", "sent_at", RD_F_TIME, REQ, NULL, NULL, 0, 0},
	CREATED,
};

static const struct rd_field survey_answer_fields[] = {
	ID,
	{"survey_id", "survey_id", RD_F_REF, REQ | FIX, NULL, "survey", 0, 0},
	{"contact_id", "contact_id", RD_F_REF, 0, NULL, "contact", 0, 0},
	{"question", "question", RD_F_TEXT, REQ, NULL, NULL, 0, 0},
	{"score", "score", RD_F_INT, 0, NULL, NULL, 0, 10},
	{"answer", "answer", RD_F_TEXT, 0, NULL, NULL, 0, 0},
	{"at", "at", RD_F_TIME, REQ, NULL, NULL, 0, 0},
};

static const struct rd_field near_miss_fields[] = {
	ID,
	{"title", "title", RD_F_TEXT, REQ, NULL, NULL, 0, 0},
	{"description", "description", RD_F_TEXT, 0, NULL, NULL, 0, 0},
	{"services", "services", RD_F_TEXT, 0, NULL, NULL, 0, 0},
	{"potential_impact", "potential_impact", RD_F_TEXT, 0, NULL, NULL, 0, 0},
	{"reporter_id", "reporter_id", RD_F_REF, 0, NULL, "user", 0, 0},
	{"actions", "actions", RD_F_TEXT, 0, NULL, NULL, 0, 0},
	{"at", "at", RD_F_TIME, REQ, NULL, NULL, 0, 0},
	CREATED,
};

static const struct rd_field review_fields[] = {
	ID,
	{"failure_id", "failure_id", RD_F_REF, REQ | FIX, NULL, "failure", 0, 0},
	{"held_at", "held_at", RD_F_TIME, 0, NULL, NULL, 0, 0},
	{"timeline", "timeline", RD_F_TEXT, 0, NULL, NULL, 0, 0},
	{"root_cause", "root_cause", RD_F_TEXT, 0, NULL, NULL, 0, 0},
	{"went_well", "went_well", RD_F_TEXT, 0, NULL, NULL, 0, 0},
	{"lessons", "lessons", RD_F_TEXT, 0, NULL, NULL, 0, 0},
	{"internal_text", "internal_text", RD_F_TEXT, 0, NULL, NULL, 0, 0},
	{"client_text", "client_text", RD_F_TEXT, 0, NULL, NULL, 0, 0},
	CREATED,
};

static const struct rd_field review_action_fields[] = {
	ID,
	{"review_id", "review_id", RD_F_REF, REQ | FIX, NULL, "review", 0, 0},
	{"text", "text", RD_F_TEXT, REQ, NULL, NULL, 0, 0},
	{"owner_id", "owner_id", RD_F_REF, 0, NULL, "user", 0, 0},
	{"due_at", "due_at", RD_F_TIME, 0, NULL, NULL, 0, 0},
	{"success_criterion", "success_criterion", RD_F_TEXT, 0, NULL, NULL, 0, 0},
	{"status", "status", RD_F_ENUM, NN | INT_, review_action_statuses, NULL, 0, 0},
	{"evidence", "evidence", RD_F_TEXT, INT_, NULL, NULL, 0, 0},
	{"done_at", "done_at", RD_F_TIME, INT_, NULL, NULL, 0, 0},
	CREATED,
};

static const struct rd_field audit_fields[] = {
	ID,
	{"at", "at", RD_F_TIME, INT_, NULL, NULL, 0, 0},
	{"actor", "actor", RD_F_TEXT, INT_, NULL, NULL, 0, 0},
	{"entity", "entity", RD_F_TEXT, INT_, NULL, NULL, 0, 0},
	{"entity_id", "entity_id", RD_F_INT, INT_, NULL, NULL, 0, 0},
	{"action", "action", RD_F_TEXT, INT_, NULL, NULL, 0, 0},
	{"before", "before", RD_F_TEXT, INT_, NULL, NULL, 0, 0},
	{"after", "after", RD_F_TEXT, INT_, NULL, NULL, 0, 0},
};

#define E(n, p, t, l, f, o) {n, p, t, l, f, N(f), o}
const struct rd_entity rd_entities[] = {
	E("user", "users", "users", "email", user_fields, "id"),
	E("service", "services", "services", "name", service_fields, "name"),
	E("client", "clients", "clients", "name", client_fields, "name"),
	E("contact", "contacts", "contacts", "email", contact_fields, "client_id, name"),
	E("failure", "failures", "failures", NULL, failure_fields, "id"),
	E("impact", "impacts", "impacts", NULL, impact_fields, "failure_id, client_id"),
	E("communication", "communications", "communications", NULL, communication_fields, "at, id"),
	E("rca", "rcas", "rcas", NULL, rca_fields, "failure_id"),
	E("why", "whys", "rca_whys", NULL, why_fields, "failure_id, position"),
	E("plan_action", "plan_actions", "plan_actions", NULL, plan_action_fields, "failure_id, due_at NULLS FIRST, id"),
	E("eta_revision", "eta_revisions", "eta_revisions", NULL, eta_revision_fields, "failure_id, at, id"),
	E("commitment", "commitments", "commitments", NULL, commitment_fields, "due_at NULLS FIRST, id"),
	E("goodwill", "goodwill", "goodwill", NULL, goodwill_fields, "id"),
	E("survey", "surveys", "surveys", NULL, survey_fields, "id"),
	E("survey_answer", "survey_answers", "survey_answers", NULL, survey_answer_fields, "survey_id, id"),
	E("near_miss", "near_misses", "near_misses", NULL, near_miss_fields, "at, id"),
	E("review", "reviews", "reviews", NULL, review_fields, "id"),
	E("review_action", "review_actions", "review_actions", NULL, review_action_fields, "review_id, id"),
	E("audit", "audit", "audit_log", NULL, audit_fields, "id"),
	{NULL, NULL, NULL, NULL, NULL, 0, NULL},
};

const struct rd_entity *rd_entity_find(const char *name)
{
	for (const struct rd_entity *e = rd_entities; e->name; e++)
		if (strcmp(e->name, name) == 0 || strcmp(e->plural, name) == 0)
			return e;
	return NULL;
}

const struct rd_field *rd_entity_field(const struct rd_entity *e, const char *name)
{
	for (size_t i = 0; i < e->nfields; i++)
		if (strcmp(e->fields[i].name, name) == 0)
			return &e->fields[i];
	return NULL;
}

/* ---- state machines ----
 *
 * To add one: list its states in the field's enumeration above, write its
 * moves (from, to, verb or NULL, least role, what the actor is doing), any
 * hints its refusals deserve, and a row in rd_machines[]; the domain file
 * asks rd_machine_may before it writes. schema_test walks every table. */

#define AGENT RD_ROLE_AGENT
#define MANAGER RD_ROLE_MANAGER

/* Forward only, skipping allowed; closing only once resolved; a resolved or
 * closed failure is reopened (to investigating), never moved back. */
static const char failure_doing[] = "changing a failure's status";
static const struct rd_transition failure_moves[] = {
	{"open", "investigating", NULL, AGENT, failure_doing},
	{"open", "identified", NULL, AGENT, failure_doing},
	{"open", "remediating", NULL, AGENT, failure_doing},
	{"open", "resolved", NULL, AGENT, failure_doing},
	{"investigating", "identified", NULL, AGENT, failure_doing},
	{"investigating", "remediating", NULL, AGENT, failure_doing},
	{"investigating", "resolved", NULL, AGENT, failure_doing},
	{"identified", "remediating", NULL, AGENT, failure_doing},
	{"identified", "resolved", NULL, AGENT, failure_doing},
	{"remediating", "resolved", NULL, AGENT, failure_doing},
	{"resolved", "closed", NULL, AGENT, failure_doing},
	{"resolved", "investigating", "reopen", AGENT, failure_doing},
	{"closed", "investigating", "reopen", AGENT, failure_doing},
};
static const struct rd_transition_hint failure_hints[] = {
	{NULL, "reopen", ", not resolved or closed: nothing to reopen"},
	{NULL, "closed", ": resolve it before closing it"},
	{"resolved", NULL, " (use reopen)"},
	{"closed", NULL, " (use reopen)"},
};

/* A client's recovery moves forward only, as outbound messages are logged
 * (comm.c; the kind decides where to: rd_comm_kind_recovery). */
static const char recovery_doing[] = "logging a message";
#define R(a, b) {a, b, NULL, AGENT, recovery_doing}
static const struct rd_transition recovery_moves[] = {
	R("awaiting-apology", "apologised"), R("awaiting-apology", "investigating"),
	R("awaiting-apology", "plan-presented"), R("awaiting-apology", "recovering"),
	R("awaiting-apology", "recovered"), R("awaiting-apology", "follow-up"),
	R("awaiting-apology", "closed"),
	R("apologised", "investigating"), R("apologised", "plan-presented"),
	R("apologised", "recovering"), R("apologised", "recovered"), R("apologised", "follow-up"),
	R("apologised", "closed"),
	R("investigating", "plan-presented"), R("investigating", "recovering"),
	R("investigating", "recovered"), R("investigating", "follow-up"), R("investigating", "closed"),
	R("plan-presented", "recovering"), R("plan-presented", "recovered"),
	R("plan-presented", "follow-up"), R("plan-presented", "closed"),
	R("recovering", "recovered"), R("recovering", "follow-up"), R("recovering", "closed"),
	R("recovered", "follow-up"), R("recovered", "closed"),
	R("follow-up", "closed"),
};
#undef R

/* Done needs evidence (ledger.c asks for it); an action in progress may go
 * back to planned; done and dropped are final. */
static const char action_doing[] = "updating a plan action";
static const struct rd_transition action_moves[] = {
	{"planned", "in_progress", NULL, AGENT, action_doing},
	{"planned", "done", NULL, AGENT, action_doing},
	{"planned", "dropped", NULL, AGENT, action_doing},
	{"in_progress", "planned", NULL, AGENT, action_doing},
	{"in_progress", "done", NULL, AGENT, action_doing},
	{"in_progress", "dropped", NULL, AGENT, action_doing},
};

/* Kept and broken are final; a renegotiated promise (new due date and what
 * was agreed) may be renegotiated again, kept or broken. */
static const char commitment_doing[] = "settling a commitment";
static const struct rd_transition commitment_moves[] = {
	{"open", "kept", NULL, AGENT, commitment_doing},
	{"open", "broken", NULL, AGENT, commitment_doing},
	{"open", "renegotiated", NULL, AGENT, commitment_doing},
	{"renegotiated", "kept", NULL, AGENT, commitment_doing},
	{"renegotiated", "broken", NULL, AGENT, commitment_doing},
	{"renegotiated", "renegotiated", NULL, AGENT, commitment_doing},
};

/* Approval is a manager's; delivery only of approved goodwill. */
static const struct rd_transition goodwill_moves[] = {
	{"proposed", "approved", NULL, MANAGER, "approving goodwill"},
	{"approved", "delivered", NULL, AGENT, "recording goodwill"},
	{"proposed", "declined", NULL, AGENT, "recording goodwill"},
	{"approved", "declined", NULL, AGENT, "recording goodwill"},
};
static const struct rd_transition_hint goodwill_hints[] = {
	{"proposed", "delivered", " (approve it first)"},
};

/* Closed with evidence (review.c asks for it). */
static const struct rd_transition review_action_moves[] = {
	{"open", "done", NULL, AGENT, "closing a review action"},
};

#define M(e, n, f, noun, init, st, any, mv, h, nh) {e, n, f, noun, init, st, any, mv, N(mv), h, nh}
const struct rd_machine rd_machines[] = {
	M("failure", "failure", "status", "failure status", "open", failure_statuses, true,
	  failure_moves, failure_hints, N(failure_hints)),
	M("impact", "impact", "recovery_status", "recovery status", "awaiting-apology", recovery_statuses,
	  true, recovery_moves, NULL, 0),
	M("plan_action", "plan action", "status", "plan action status", "planned", action_statuses, true,
	  action_moves, NULL, 0),
	M("commitment", "commitment", "status", "commitment outcome", "open", commitment_statuses, false,
	  commitment_moves, NULL, 0),
	M("goodwill", "goodwill", "status", "goodwill decision", "proposed", goodwill_statuses, false,
	  goodwill_moves, goodwill_hints, N(goodwill_hints)),
	M("review_action", "review action", "status", "review action status", "open",
	  review_action_statuses, false, review_action_moves, NULL, 0),
	{NULL, NULL, NULL, NULL, NULL, NULL, false, NULL, 0, NULL, 0},
};
#undef M

const struct rd_machine *rd_machine_find(const char *entity)
{
	for (const struct rd_machine *m = rd_machines; entity && m->entity; m++)
		if (strcmp(m->entity, entity) == 0)
			return m;
	return NULL;
}

const char *rd_status_initial(const char *entity)
{
	const struct rd_machine *m = rd_machine_find(entity);
	return m ? m->initial : NULL;
}

/* What asks for move T: its verb, else its target. */
static const char *ask_of(const struct rd_transition *t)
{
	return t->verb ? t->verb : t->to;
}

static int state_index(const struct rd_machine *m, const char *s)
{
	for (int i = 0; s && m->states[i]; i++)
		if (strcmp(m->states[i], s) == 0)
			return i;
	return -1;
}

static bool is_verb(const struct rd_machine *m, const char *ask)
{
	for (size_t i = 0; i < m->nmoves; i++)
		if (m->moves[i].verb && strcmp(m->moves[i].verb, ask) == 0)
			return true;
	return false;
}

/* Whether the machine accepts ASK at all. */
static bool accepted(const struct rd_machine *m, const char *ask)
{
	if (m->any_state && state_index(m, ask) >= 0)
		return true;
	for (size_t i = 0; i < m->nmoves; i++)
		if (strcmp(ask_of(&m->moves[i]), ask) == 0)
			return true;
	return false;
}

/* "open, investigating, …, reopen": what the machine accepts, in the
 * states' order, then the verbs. */
static void accepted_list(const struct rd_machine *m, char *buf, size_t n)
{
	size_t len = 0;
	buf[0] = '\0';
	for (int i = 0; m->states[i]; i++) {
		if (!accepted(m, m->states[i]) || is_verb(m, m->states[i]))
			continue;
		int w = snprintf(buf + len, n - len, "%s%s", len ? ", " : "", m->states[i]);
		if (w > 0 && (size_t)w < n - len)
			len += (size_t)w;
	}
	for (size_t i = 0; i < m->nmoves; i++) {
		const char *v = m->moves[i].verb;
		bool seen = false;
		for (size_t k = 0; v && k < i; k++)
			seen = seen || (m->moves[k].verb && strcmp(m->moves[k].verb, v) == 0);
		if (!v || seen)
			continue;
		int w = snprintf(buf + len, n - len, "%s%s", len ? ", " : "", v);
		if (w > 0 && (size_t)w < n - len)
			len += (size_t)w;
	}
}

static const char *hint_for(const struct rd_machine *m, const char *from, const char *ask)
{
	for (size_t i = 0; i < m->nhints; i++) {
		const struct rd_transition_hint *h = &m->hints[i];
		if ((!h->from || strcmp(h->from, from) == 0) && (!h->ask || strcmp(h->ask, ask) == 0))
			return h->hint;
	}
	return "";
}

enum rd_err rd_machine_may(const struct rd_machine *m, int64_t id, const char *from, const char *ask,
			   enum rd_role role, const char **to, char **errmsg)
{
	if (!ask)
		ask = "";
	/* the least role among the moves ASK names (every move when it names
	 * none): below it, the actor may do nothing here */
	const struct rd_transition *least = NULL;
	bool known = accepted(m, ask);
	for (size_t i = 0; i < m->nmoves; i++) {
		const struct rd_transition *t = &m->moves[i];
		if (known && strcmp(ask_of(t), ask) != 0)
			continue;
		if (!least || t->role < least->role)
			least = t;
	}
	if (!least && m->nmoves)
		least = &m->moves[0];
	if (least && role < least->role)
		return rd_fail(RD_EPERM, errmsg, "%s needs role %s or higher (you are %s)", least->doing,
			       rd_role_name(least->role), rd_role_name(role));
	if (!known) {
		char list[256];
		accepted_list(m, list, sizeof list);
		return rd_fail(RD_EINVAL, errmsg, "'%s' is not a %s (accepted: %s)", ask, m->noun, list);
	}
	if (!from)
		return RD_OK;
	bool leaves = false;
	for (size_t i = 0; i < m->nmoves; i++) {
		const struct rd_transition *t = &m->moves[i];
		if (strcmp(t->from, from) != 0)
			continue;
		leaves = true;
		if (strcmp(ask_of(t), ask) != 0)
			continue;
		if (role < t->role)
			return rd_fail(RD_EPERM, errmsg, "%s needs role %s or higher (you are %s)", t->doing,
				       rd_role_name(t->role), rd_role_name(role));
		if (to)
			*to = t->to;
		return RD_OK;
	}
	if (!leaves || strcmp(from, ask) == 0)
		return rd_fail(RD_ESTATE, errmsg, "%s #%" PRId64 " is already %s", m->name, id, from);
	const char *hint = hint_for(m, from, ask);
	if (is_verb(m, ask))
		return rd_fail(RD_ESTATE, errmsg, "%s #%" PRId64 " is %s%s", m->name, id, from,
			       *hint ? hint : ": cannot do that");
	int a = state_index(m, ask), f = state_index(m, from);
	if (a >= 0 && f >= 0 && a < f)
		return rd_fail(RD_ESTATE, errmsg, "%s #%" PRId64 " is %s and cannot go back to %s%s", m->name,
			       id, from, ask, hint);
	return rd_fail(RD_ESTATE, errmsg, "%s #%" PRId64 " is %s and cannot become %s%s", m->name, id, from,
		       ask, hint);
}
