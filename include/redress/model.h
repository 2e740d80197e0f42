/* model.h — the domain model of SPEC "Vocabulary" and the operations on it.
 *
 * Records travel as JSON objects (jansson). Every entity is described by a
 * row in the schema table (lib/schema.c): its fields, their types, which are
 * required, which enumerations they take and which other entity a reference
 * names. The generic record engine (lib/record.c) validates input against
 * that table, writes it with prepared statements, and writes the audit-log
 * row in the same transaction. Domain files (lib/client.c, lib/failure.c …)
 * add what is specific: state transitions, permissions, side effects.
 *
 * Ownership: every `json_t *in` argument is BORROWED; every `json_t **out`
 * returns a NEW reference the caller json_decref()s. `char **errmsg` is set
 * on failure to a malloc'd message the caller free()s (see err.h). */
#ifndef REDRESS_MODEL_H
#define REDRESS_MODEL_H
#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "redress/err.h"
#include "redress/store.h"

enum rd_role { RD_ROLE_VIEWER = 0, RD_ROLE_AGENT, RD_ROLE_MANAGER, RD_ROLE_ADMIN };

/* Who is acting, and when. user_id 0 is the system (the CLI without --as,
 * the demo), which acts with role admin.
 *
 * NOW is the instant the action happens: what the library stamps on
 * created_at and the audit log, defaults an omitted time to, and counts the
 * clock's horizon from. The library never reads the clock or $REDRESS_NOW
 * itself: whoever builds the actor sets now after rd_actor_system or
 * rd_actor_for_user (which leave it 0) — the CLI from $REDRESS_NOW or the
 * clock, the server from the request's time, the demo from its argument. A
 * write by an actor whose now is still 0 is refused (RD_EINVAL) rather than
 * dated 1970. */
struct rd_actor {
	int64_t user_id;
	enum rd_role role;
	char label[160];   /* user email or "system:cli" — written to the audit log */
	int64_t now;       /* seconds since the epoch, UTC; set by the front */
};

const char *rd_role_name(enum rd_role r);
enum rd_err rd_role_parse(const char *s, enum rd_role *out);
void rd_actor_system(struct rd_actor *a, const char *label);
/* Looks up a staff user by email and fills *a. */
enum rd_err rd_actor_for_user(struct rd_store *s, const char *email, struct rd_actor *a, char **errmsg);

/* ---- field and entity descriptions (lib/schema.c) ---- */

enum rd_ftype {
	RD_F_TEXT,     /* UTF-8 string */
	RD_F_INT,      /* integer; min/max in the field row */
	RD_F_TIME,     /* ISO 8601 in, UTC ISO 8601 out; stored as epoch seconds */
	RD_F_MONEY,    /* decimal "4500.50" in and out; stored as cents */
	RD_F_ENUM,     /* one of values[] */
	RD_F_REF,      /* id of another entity; input may give its label */
	RD_F_BOOL,
	RD_F_TZ,       /* IANA zone name, checked against the system database */
	RD_F_EMAIL,    /* text with one @ and no spaces */
};

enum {
	RD_FF_REQUIRED = 1 << 0,   /* must be given on create */
	RD_FF_INTERNAL = 1 << 1,   /* set by the library only, never from input */
	RD_FF_FIXED = 1 << 2,      /* given on create, never changed by update */
	RD_FF_SECRET = 1 << 3,     /* never shown (password hashes) */
	RD_FF_NOTNULL = 1 << 4,    /* its column holds no NULL: null input is refused
				    * (left out on create, the column's default applies) */
};

struct rd_field {
	const char *name;          /* JSON key */
	const char *column;        /* SQL column (compile-time constant) */
	enum rd_ftype type;
	unsigned flags;
	const char *const *values; /* RD_F_ENUM: NULL-terminated */
	const char *ref;           /* RD_F_REF: the entity name referred to */
	int64_t min, max;          /* RD_F_INT bounds when min < max */
};

struct rd_entity {
	const char *name;          /* "client" */
	const char *plural;        /* "clients" (for messages and routes) */
	const char *table;         /* SQL table (compile-time constant) */
	const char *label;         /* column that names a record ("name"), or NULL */
	const struct rd_field *fields;
	size_t nfields;
	const char *order;         /* ORDER BY clause for lists */
};

/* NULL when there is no such entity. */
const struct rd_entity *rd_entity_find(const char *name);
/* All entities, ended by a NULL name. */
extern const struct rd_entity rd_entities[];
const struct rd_field *rd_entity_field(const struct rd_entity *e, const char *name);

/* ---- state machines (lib/schema.c) ----
 *
 * Every status that moves is a table: its states in order, its initial
 * state, and one row per allowed move (from, to, what asks for it, the
 * least role that may make it). One function answers "may this record go
 * from A to B"; the domain files (failure.c, ledger.c, review.c, comm.c)
 * ask it instead of keeping their own lists. */

struct rd_transition {
	const char *from;       /* a state */
	const char *to;         /* the state it moves to */
	const char *verb;       /* NULL: asked for by naming TO; else the word that asks ("reopen") */
	enum rd_role role;      /* the least role that may make it */
	const char *doing;      /* for the refusal: "approving goodwill" */
};

/* A hint added to the refusal of a move from FROM (NULL: any state) asked
 * for by ASK (NULL: any ask). */
struct rd_transition_hint {
	const char *from, *ask, *hint;
};

struct rd_machine {
	const char *entity;         /* the schema's entity: "plan_action" */
	const char *name;           /* for messages: "plan action #3 is …" */
	const char *field;          /* the field that holds the state: "status" */
	const char *noun;           /* "goodwill decision": "'x' is not a goodwill decision" */
	const char *initial;        /* the state a new record starts in */
	const char *const *states;  /* the field's enumeration (schema), in order */
	bool any_state;             /* every state may be asked for (and refused as a
				     * state error); else only the rows' targets */
	const struct rd_transition *moves;
	size_t nmoves;
	const struct rd_transition_hint *hints;
	size_t nhints;
};

/* All machines, ended by a NULL entity. */
extern const struct rd_machine rd_machines[];
/* The machine of ENTITY ("failure", "impact", "plan_action", "commitment",
 * "goodwill", "review_action"), or NULL. */
const struct rd_machine *rd_machine_find(const char *entity);
/* The state a new record of ENTITY starts in; NULL when it has no machine. */
const char *rd_status_initial(const char *entity);

/* May record ENTITY #ID (id for the message only), now at FROM, move as
 * ASK (a state, or a row's verb) when the actor's role is ROLE? RD_OK with
 * *to (may be NULL; static) the state it moves to. Refusals, in this order:
 * RD_EINVAL when ASK is nothing the machine accepts (the message lists what
 * is); RD_EPERM when no row asked for by ASK allows ROLE; RD_ESTATE when no
 * row leads from FROM as ASK ("goodwill #3 is proposed and cannot become
 * delivered (approve it first)"). FROM NULL checks ASK and ROLE only, for a
 * caller that has not read the record yet. */
enum rd_err rd_machine_may(const struct rd_machine *m, int64_t id, const char *from, const char *ask,
			   enum rd_role role, const char **to, char **errmsg);

/* ---- generic records (lib/record.c) ---- */

/* Finds the id of a record of entity E given an id ("12", "#12") or its
 * label ("Acme Corp", "alice@example.com"). */
enum rd_err rd_record_lookup(struct rd_store *s, const char *entity, const char *key,
			     int64_t *id, char **errmsg);

/* Reads one record as a JSON object of its fields ({"id": …, …}). */
enum rd_err rd_record_get(struct rd_store *s, const char *entity, int64_t id, json_t **out,
			  char **errmsg);

/* Lists records whose columns equal the values of FILTER (a JSON object of
 * field → value, borrowed, may be NULL), in the entity's order, calling FN
 * with each record (borrowed; FN must incref to keep it). FN returns 0 to go
 * on. limit <= 0 means no limit. */
enum rd_err rd_record_list(struct rd_store *s, const char *entity, json_t *filter,
			   int64_t limit, int64_t offset,
			   int (*fn)(json_t *rec, void *ctx), void *ctx, char **errmsg);

/* Lists the records of ENTITY whose FIELD equals ID into a new array set
 * as OBJ[KEY] (obj borrowed). */
enum rd_err rd_record_attach(struct rd_store *s, json_t *obj, const char *key, const char *entity,
			     const char *field, int64_t id, char **errmsg);

/* Validates IN against the entity and inserts it with the audit row, inside
 * the caller's transaction if one is open (else in its own). Internal fields
 * may be passed in EXTRA (borrowed, may be NULL: trusted values from library
 * code, already in column form). *id gets the new id. */
enum rd_err rd_record_create(struct rd_store *s, const struct rd_actor *a, const char *entity,
			     json_t *in, json_t *extra, int64_t *id, char **errmsg);
/* The same, handing back the record it wrote (as rd_record_get would read
 * it; new, the caller json_decref()s it) in *rec: the insert returns the
 * row, so nobody reads it again. */
enum rd_err rd_record_create_rec(struct rd_store *s, const struct rd_actor *a, const char *entity,
				 json_t *in, json_t *extra, json_t **rec, char **errmsg);

/* Validates and applies the changes in IN (borrowed); EXTRA as above. An
 * update that changes nothing writes nothing. */
enum rd_err rd_record_update(struct rd_store *s, const struct rd_actor *a, const char *entity,
			     int64_t id, json_t *in, json_t *extra, char **errmsg);

/* Writes one audit row (before/after borrowed, may be NULL). */
enum rd_err rd_audit(struct rd_store *s, const struct rd_actor *a, const char *entity,
		     int64_t id, const char *action, json_t *before, json_t *after);

/* Money: "4,500.50" / "4500" / 4500 → 450050 cents. */
enum rd_err rd_money_parse(const char *s, int64_t *cents, char **errmsg);
/* 450050 → "4500.50" in buf (at least 32 bytes). */
char *rd_money_decimal(int64_t cents, char *buf, size_t n);

/* ---- domain operations: one transaction each, audited ---- */

/* Clients: IN has name (required), tier, value, currency, tz, owner (email),
 * tags, sla_credit_pct, and services (array of service names, created when
 * new). */
enum rd_err rd_client_add(struct rd_store *s, const struct rd_actor *a, json_t *in, int64_t *id,
			  char **errmsg);
enum rd_err rd_client_update(struct rd_store *s, const struct rd_actor *a, int64_t id, json_t *in,
			     char **errmsg);
/* The client with its contacts, services, impacts, open commitments and
 * goodwill, as one JSON object. */
enum rd_err rd_client_show(struct rd_store *s, int64_t id, json_t **out, char **errmsg);
/* Adds SERVICE (by name, created if new) to the client's services. */
enum rd_err rd_client_use_service(struct rd_store *s, const struct rd_actor *a, int64_t client_id,
				  const char *service, char **errmsg);

/* Failures: IN has title, severity, description, detected, started, lead,
 * services (array of names) and clients (array of names: impacts created
 * with affected=yes). Clients using any of the services get an impact with
 * affected=suspected unless listed. */
enum rd_err rd_failure_open(struct rd_store *s, const struct rd_actor *a, json_t *in, int64_t *id,
			    char **errmsg);
/* The same, as a DRAFT (an alert opened it, lib/intake.c): its tracks get
 * no obligations and its status cannot move until rd_failure_confirm. */
enum rd_err rd_failure_open_draft(struct rd_store *s, const struct rd_actor *a, json_t *in, int64_t *id,
				  char **errmsg);
/* Confirms draft failure ID at AT (agent or higher): it stops being a
 * draft, its detection time becomes AT (the clock starts then), the
 * confirmer becomes its lead when it has none. RD_ESTATE when it is not a
 * draft. */
enum rd_err rd_failure_confirm(struct rd_store *s, const struct rd_actor *a, int64_t id, int64_t at,
			       char **errmsg);
/* Links SERVICE (by name; RD_ENOTFOUND when unknown) to failure ID and
 * proposes the clients using it as suspected, as rd_failure_open does.
 * *added false (and nothing written) when it was linked already. */
enum rd_err rd_failure_add_service(struct rd_store *s, const struct rd_actor *a, int64_t id,
				   const char *service, bool *added, char **errmsg);
/* Changes a failure's fields (title, description, severity, times, lead)
 * and recomputes its tracks: severity and detection time move due times.
 * "services" (array of names of existing services) replaces its services;
 * clients of a service added who have no impact yet are proposed as
 * suspected, as on opening; removing a service removes no client. */
enum rd_err rd_failure_update(struct rd_store *s, const struct rd_actor *a, int64_t id, json_t *in,
			      char **errmsg);

/* Moves a failure along open → investigating → identified → remediating →
 * resolved → closed (forward only, any number of steps), or reopens a
 * resolved/closed failure (to "investigating", counting the reopen). AT is
 * the time of the change (resolved_at, closed_at). */
enum rd_err rd_failure_set_status(struct rd_store *s, const struct rd_actor *a, int64_t id,
				  const char *status, int64_t at, char **errmsg);
enum rd_err rd_failure_show(struct rd_store *s, int64_t id, json_t **out, char **errmsg);
/* Records the disclosure decision: what may be told to clients. Manager or
 * admin only. */
enum rd_err rd_failure_disclose(struct rd_store *s, const struct rd_actor *a, int64_t id,
				const char *text, int64_t at, char **errmsg);

/* Impacts: one per (failure, client); created or updated. */
enum rd_err rd_impact_set(struct rd_store *s, const struct rd_actor *a, int64_t failure_id,
			  int64_t client_id, json_t *in, int64_t *id, char **errmsg);

/* Communications: IN has failure, client, kind, channel, direction, at,
 * author, contact, summary, body, visibility, chase, eta, cause, remedy,
 * amount, currency. The client must be affected by the failure (an impact
 * exists). */
enum rd_err rd_comm_log(struct rd_store *s, const struct rd_actor *a, json_t *in, int64_t *id,
			char **errmsg);
/* rd_comm_log, handing back the communication as written (*out, a new
 * reference for the caller: what rd_record_get would read) instead of its
 * id, so an answer needs no read-back. */
enum rd_err rd_comm_log_rec(struct rd_store *s, const struct rd_actor *a, json_t *in, json_t **out,
			    char **errmsg);

/* Root-cause analysis: IN has category, contributing, findings,
 * client_explanation, whys (array of strings, replacing the chain). */
enum rd_err rd_rca_set(struct rd_store *s, const struct rd_actor *a, int64_t failure_id, json_t *in,
		       char **errmsg);
enum rd_err rd_rca_get(struct rd_store *s, int64_t failure_id, json_t **out, char **errmsg);

/* ETA revisions: refused without a reason. client_id 0 = whole failure. */
enum rd_err rd_eta_set(struct rd_store *s, const struct rd_actor *a, int64_t failure_id,
		       int64_t client_id, int64_t eta, const char *reason, bool told, int64_t at,
		       int64_t *id, char **errmsg);

/* Commitments: open → kept | broken | renegotiated (a renegotiated one may
 * be kept or broken later; kept and broken are final). */
enum rd_err rd_commitment_settle(struct rd_store *s, const struct rd_actor *a, int64_t id,
				 const char *status, const char *note, int64_t new_due, int64_t at,
				 char **errmsg);

/* Goodwill: proposed → approved → delivered, or proposed/approved →
 * declined. Approval needs role manager or admin. */
enum rd_err rd_goodwill_decide(struct rd_store *s, const struct rd_actor *a, int64_t id,
			       const char *status, const char *note, int64_t at, char **errmsg);

/* Plan actions: status planned → in_progress → done (with evidence) |
 * dropped. */
enum rd_err rd_plan_action_set_status(struct rd_store *s, const struct rd_actor *a, int64_t id,
				      const char *status, const char *evidence, int64_t at,
				      char **errmsg);

/* Surveys (lib/review.c): IN as the survey entity (failure, client,
 * sent_at) plus channel (default email). Records the survey and, in the
 * same transaction, the outbound `survey` communication at sent_at, which
 * meets the clock's survey step. */
enum rd_err rd_survey_send(struct rd_store *s, const struct rd_actor *a, json_t *in, int64_t *id,
			   char **errmsg);

/* Review actions: open -> done, only with EVIDENCE (non-empty) that the
 * success criterion is met; done_at is AT. Audited. */
enum rd_err rd_review_action_done(struct rd_store *s, const struct rd_actor *a, int64_t id,
				  const char *evidence, int64_t at, char **errmsg);

/* Near misses: IN as the near_miss entity (title and at required;
 * reporter optional). Without a reporter the report is anonymous: the row
 * names nobody and its audit entry's actor is "anonymous", not A. Any
 * staff role may report. *anonymous (may be NULL) tells the caller, which
 * must then keep the user out of its own logs too. */
enum rd_err rd_near_miss_report(struct rd_store *s, const struct rd_actor *a, json_t *in, int64_t *id,
				bool *anonymous, char **errmsg);

/* Staff users. PASSWORD may be NULL (no login until set); hashed with
 * argon2id. */
enum rd_err rd_user_add(struct rd_store *s, const struct rd_actor *a, json_t *in,
			const char *password, int64_t *id, char **errmsg);
/* Changes a staff user's name, title or phone (IN borrowed: only those
 * keys; role and email stay). An admin may change anyone, a user only
 * themselves: the signature of their drafts is theirs to keep right. */
enum rd_err rd_user_update(struct rd_store *s, const struct rd_actor *a, int64_t id, json_t *in,
			   char **errmsg);
/* RD_OK when EMAIL's password is PASSWORD (*id its user); RD_EPERM when
 * not, or no such user, or no password, or disabled — all taking the same
 * time (an unknown user costs one argon2id verify against a dummy hash). */
enum rd_err rd_user_check_password(struct rd_store *s, const char *email, const char *password,
				   int64_t *id, char **errmsg);

/* Password strength, through libpwquality (cracklib's dictionary, the
 * system's /etc/security/pwquality.conf): RD_EINVAL with a message naming
 * the problem ("weak password: the password fails the dictionary check -
 * it is based on a dictionary word") when PASSWORD is weak or contains the
 * user's EMAIL (its local part) or NAME (either may be NULL). */
enum rd_err rd_password_check(const char *password, const char *email, const char *name, char **errmsg);
/* The argon2id hash of PASSWORD (libsodium, interactive limits) into out. */
#define RD_PASSWORD_HASHSZ 128
enum rd_err rd_password_hash(const char *password, char out[RD_PASSWORD_HASHSZ], char **errmsg);

/* Loads the demo data set (lib/demo.c) relative to NOW. Refuses with
 * RD_EEXIST when the database already holds clients. */
enum rd_err rd_demo_load(struct rd_store *s, int64_t now, char **errmsg);

#endif
