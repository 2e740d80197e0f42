/* clock.h — the communication clock: obligations for one (failure, client)
 * track, and their calendar feed.
 *
 * rd_clock_compute is a PURE function: it reads the policy and one track's
 * facts (no database, no wall clock, no globals besides the zone database)
 * and returns the ordered list of obligations as they stand at `now`. Same
 * inputs, same output, so the CLI, the server, the agenda and the calendar
 * feed all agree, and `--at` can replay any moment. Anything dated after
 * `now` (a communication, a revision, a waiver, the resolution) is ignored.
 *
 * Ownership: inputs are BORROWED for the call only; the result is new and
 * owns its memory (the CALLER frees it with rd_clock_result_free). The rules
 * are in docs/internals/clock.md. */
#ifndef REDRESS_CLOCK_H
#define REDRESS_CLOCK_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "redress/err.h"
#include "redress/policy.h"

/* ---- inputs ------------------------------------------------------------ */

/* One communication with this client about this failure (communications
 * table). Inbound ones matter only when they are chases. */
struct rd_clock_comm {
	int64_t id;
	const char *kind;        /* "apology"…"other" */
	const char *channel;     /* "email"…"letter" */
	const char *direction;   /* "out" | "in" (NULL = "out") */
	int64_t at;
	bool chase;              /* inbound status request */
	bool internal;           /* visibility = internal: never meets an obligation */
};

/* One change of the plan's ETA (eta_revisions). */
struct rd_clock_eta_revision {
	int64_t at;              /* when it was revised */
	int64_t eta;             /* the new ETA */
	const char *reason;      /* required (SPEC); NULL/empty is refused */
};

/* A discrepancy between what two communications told this client. */
struct rd_clock_discrepancy {
	int64_t at;              /* when it was recorded */
	int64_t comm_id;         /* the communication that needs correcting */
};

/* A decision that an obligation is not owed (e.g. the client asked for no
 * calls). Matched by obligation key. */
struct rd_clock_waiver {
	const char *key;         /* obligation key, e.g. "progress#3" */
	const char *reason;
	int64_t by_user_id;
	int64_t at;
};

struct rd_clock_input {
	/* the failure */
	int64_t failure_id;
	int severity;                    /* 1..4 */
	int64_t detected_at;
	int64_t resolved_at;             /* 0 if not resolved */
	const char *status;              /* failures.status; NULL = derive from resolved_at */
	int reopened;                    /* times reopened (0 = never) */

	/* the client */
	int64_t client_id;
	const char *tier;                /* "key" | "standard" */
	const char *tz;                  /* IANA zone; NULL or "" = UTC */
	bool second_failure;             /* another failure hit this client within
					  * policy->second_failure_window before this one */

	/* the narrative */
	const struct rd_clock_comm *comms;
	size_t n_comms;
	int64_t initial_eta;             /* the ETA first promised (0 if none) */
	const struct rd_clock_eta_revision *revisions; /* in order of `at` */
	size_t n_revisions;
	const struct rd_clock_discrepancy *discrepancies;
	size_t n_discrepancies;
	const struct rd_clock_waiver *waivers;
	size_t n_waivers;
	int64_t plan_presented_at;       /* 0 = the first outbound `plan` communication */

	int64_t now;
};

/* ---- output ------------------------------------------------------------ */

/* NOT_APPLICABLE: closed by a policy rule, not by a person (closed_at,
 * closed_by_rule): a progress update still unsent when the failure was
 * resolved. Unlike a waiver it does not say the step was not owed: trust
 * and metrics still count one that was due before as missed. */
enum rd_ob_state { RD_OB_PENDING, RD_OB_ON_TIME, RD_OB_LATE, RD_OB_OVERDUE, RD_OB_WAIVED,
		   RD_OB_NOT_APPLICABLE };
const char *rd_ob_state_name(enum rd_ob_state s); /* "pending"… "not_applicable" */

/* Why a track uses the key column (bits; 0 means the standard column). */
enum rd_column_reason {
	RD_COLR_KEY_TIER = 1u << 0,
	RD_COLR_SEVERITY = 1u << 1,
	RD_COLR_REOPENED = 1u << 2,
	RD_COLR_SECOND_FAILURE = 1u << 3,
};

#define RD_OB_KEY_MAX 64

struct rd_obligation {
	char key[RD_OB_KEY_MAX];  /* stable: "apology", "progress#3", "delay@20261123T090000Z",
				   * "correction@41", "follow_up", "follow_up.cadence#5" */
	enum rd_step step;
	const char *kind;         /* rd_step_name(step): the communication kind that meets it */
	int seq;                  /* 1-based index within a recurring series, else 0 */
	enum rd_column column;
	int64_t opens_at;         /* a communication before this does not count */
	int64_t due_at;
	unsigned channels;        /* RD_CH_* allowed to meet it (RD_CH_ANY = any) */
	enum rd_ob_state state;
	int64_t met_by;           /* communication id, 0 if unmet */
	int64_t met_at;           /* 0 if unmet */
	int64_t lateness;         /* seconds past due: met late, or overdue at now; else 0 */
	int escalation;           /* at now: 0 none, 1 owner (overdue), 2 owner's manager */
	int64_t manager_at;       /* when it escalates (or escalated) to the manager */
	int chases;               /* chases attributed to it */
	int waiver;               /* index into input->waivers, or -1 */
	int64_t waived_at;        /* the waiver's time, 0 if not waived */
	int64_t closed_at;        /* closed by a policy rule at this time (state
				   * not_applicable from then on), 0 if not */
	const char *closed_by_rule; /* why, static text; NULL if not closed */
};

/* Why a progress update still unmet when the failure is resolved is no
 * longer owed (rd_obligation.closed_by_rule). */
extern const char rd_clock_rule_resolved_progress[];

struct rd_clock_result {
	struct rd_obligation *obs;   /* ordered by due_at, then step, then seq */
	size_t n;
	enum rd_column column;
	unsigned column_reasons;     /* RD_COLR_* */
	int chases_total;            /* chases attributed to some obligation */
	int chases_unattributed;     /* chases while nothing was pending or overdue */
	bool truncated;              /* a recurring series hit RD_CLOCK_MAX_SERIES */
	bool resolved;               /* resolved as of now (status and resolved_at) */
	int64_t plan_presented_at;   /* as used (given or derived), 0 if none yet */
	int64_t due_soon_until;      /* now + policy due_soon (in the client's zone) */
	int64_t now;
};

/* A recurring series (progress) never yields more than this many. */
#define RD_CLOCK_MAX_SERIES 4000

/* Computes the track's obligations at in->now. *out is filled (CALLER
 * releases with rd_clock_result_free, also after a failure). RD_EINVAL for
 * an unknown time zone, kind, channel, tier or direction, a severity
 * outside 1..4, or an ETA revision without a reason; *errmsg (CALLER frees)
 * says which. */
enum rd_err rd_clock_compute(const struct rd_policy *p, const struct rd_clock_input *in,
			     struct rd_clock_result *out, char **errmsg);
void rd_clock_result_free(struct rd_clock_result *r);

/* The order of rd_clock_compute's obligations, a qsort comparator over
 * struct rd_obligation: due time, step, series position (the check-in
 * first), key. */
int rd_obligation_cmp(const void *a, const void *b);

/* Sets O's state, lateness and escalation level at AT from its times: met
 * (on time or late), else waived, else closed (not applicable), else
 * overdue past its due time (level 2 from its manager time), else pending.
 * rd_clock_compute ends with it; the stored schedule (agenda.c) too. */
void rd_obligation_settle(struct rd_obligation *o, int64_t at);

/* The obligation an inbound chase at AT is recorded against: the earliest
 * due among those that existed then (opens_at <= AT), were not yet met
 * (met_at > AT or unmet) and not waived. Returns its index in r->obs, or -1
 * when nothing was pending or overdue. rd_clock_compute already applies
 * this to the chases in its input; the CLI uses it to tell the user. */
long rd_clock_attribute_chase(const struct rd_clock_result *r, int64_t at);

/* True if O belongs on the agenda: overdue, or pending and due by
 * r->due_soon_until. Most urgent first is r's order (by due time). */
bool rd_clock_on_agenda(const struct rd_clock_result *r, const struct rd_obligation *o);

/* Finds an obligation by key; -1 if none. */
long rd_clock_find(const struct rd_clock_result *r, const char *key);

/* T + D, calendar units (d, w, mo) in zone TZ at the same local wall time
 * (a skipped time moves forward by the jump), exact seconds for m and h.
 * TZ NULL or "" means UTC. RD_EINVAL for an unknown zone. */
enum rd_err rd_duration_add(int64_t t, struct rd_duration d, const char *tz, int64_t *out);

/* ---- calendar (lib/clock/calendar.c) ------------------------------------ */

struct rd_cal_event {
	const char *key;          /* obligation key */
	int64_t failure_id;
	int64_t client_id;
	const char *client_name;
	const char *kind;         /* "apology"… */
	int64_t due_at;
	int duration_min;         /* length of the calendar block; 0 = 30 */
	enum rd_ob_state state;
	const char *description;  /* optional extra text (NULL) */
	int64_t stamp;            /* DTSTAMP: when the feed was generated */
};

/* Writes an RFC 5545 VCALENDAR named CALNAME with one VEVENT per event:
 * UID "<key>.<failure>.<client>@redress" (stable across recomputations),
 * DTSTART in UTC at the due time, SUMMARY "Apology due — Acme (failure #3)",
 * STATUS (CANCELLED when waived), CATEGORIES "redress,<kind>,<state>".
 * *out is malloc'd (CALLER frees). */
enum rd_err rd_calendar_ics(const struct rd_cal_event *events, size_t n, const char *calname,
			    char **out, char **errmsg);

/* Fills EV from obligation OB of track (failure, client). Borrows CLIENT_NAME
 * and OB's strings: keep them alive until rd_calendar_ics returns. */
void rd_cal_event_from_obligation(struct rd_cal_event *ev, const struct rd_obligation *ob,
				  int64_t failure_id, int64_t client_id, const char *client_name,
				  int64_t stamp);

/* "Apology", "Root-cause update"… for titles; never NULL. */
const char *rd_step_title(enum rd_step s);

#endif
