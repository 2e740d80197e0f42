/* comm_kind.h — the communication kinds: one enum and one table of what
 * each kind is (its stored word, what the portal calls it, where an
 * outbound one moves the client's recovery, whether the clock counts it,
 * what a draft of it needs). Everything that used to keep its own list of
 * kinds (schema, clock policy, checker, web forms, portal) reads this.
 *
 * Ownership: every string returned is static; nothing here allocates. */
#ifndef REDRESS_COMM_KIND_H
#define REDRESS_COMM_KIND_H
#include <stdbool.h>

#include "redress/err.h"

/* In the order of the clock's steps (policy.h RD_STEP_*): the first
 * RD_KIND_CORRECTION + 1 kinds are the steps, with the same numbers. */
enum rd_comm_kind {
	RD_KIND_APOLOGY,
	RD_KIND_RCA_UPDATE,
	RD_KIND_PLAN,
	RD_KIND_PROGRESS,
	RD_KIND_DELAY,
	RD_KIND_RESOLUTION,
	RD_KIND_FOLLOW_UP,
	RD_KIND_SURVEY,
	RD_KIND_REVIEW,
	RD_KIND_CORRECTION,
	RD_KIND_OTHER,
	RD_KIND_COUNT
};

/* What must be on record before a draft of a kind can be written honestly
 * (compose.c refuses the draft otherwise, saying what to do first). */
enum {
	RD_DRAFT_NEEDS_OPEN = 1 << 0,         /* the failure is not resolved yet */
	RD_DRAFT_NEEDS_RESOLVED = 1 << 1,     /* the failure is resolved */
	RD_DRAFT_NEEDS_RCA = 1 << 2,          /* a client-facing root cause */
	RD_DRAFT_NEEDS_PLAN = 1 << 3,         /* a recovery plan */
	RD_DRAFT_NEEDS_ETA_REVISION = 1 << 4, /* a revised ETA (what a delay announces) */
	RD_DRAFT_NEEDS_ETA = 1 << 5,          /* an ETA */
	RD_DRAFT_NEEDS_FACT = 1 << 6,         /* something to correct: cause, ETA or resolution */
};

struct rd_comm_kind_info {
	const char *name;          /* the stored value and the CLI/API word: "rca_update" */
	const char *portal_title;  /* what the client portal calls one: "What went wrong" */
	const char *recovery;      /* the recovery status an outbound one moves its impact
				    * to (forward only, schema.c's machine), or NULL */
	bool clock_step;           /* the clock's playbook has a step for it */
	unsigned draft_needs;      /* RD_DRAFT_NEEDS_* */
};

/* The kinds' words in enum order, ended by NULL: the enumeration of
 * communications.kind (schema.c), what the policy's checker section and
 * the web forms offer. */
extern const char *const rd_comm_kind_names[RD_KIND_COUNT + 1];

/* The row of KIND; NULL when KIND is out of range. */
const struct rd_comm_kind_info *rd_comm_kind_get(enum rd_comm_kind kind);
/* "rca_update" for RD_KIND_RCA_UPDATE; "other" when out of range. */
const char *rd_comm_kind_name(enum rd_comm_kind kind);
/* RD_OK with *out the kind named S; RD_EINVAL when S is no kind: "unknown
 * kind 'x' (expected apology, …, correction or other)" (errmsg as in
 * err.h; may be NULL). */
enum rd_err rd_comm_kind_parse(const char *s, enum rd_comm_kind *out, char **errmsg);
/* The row of the kind named S, or NULL. */
const struct rd_comm_kind_info *rd_comm_kind_find(const char *s);

#endif
