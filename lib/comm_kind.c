/* comm_kind.c — the one table of communication kinds (comm_kind.h). Adding
 * a kind is a row here, an enumerator in comm_kind.h, its template under
 * data/templates/, its checker defaults (lib/check/check.c), a migration
 * widening communications.kind's CHECK and, if the clock counts it, a step
 * in policy.h and data/policy.yaml. */
#include <stdio.h>
#include <string.h>

#include "redress/comm_kind.h"
#include "redress/policy.h"

#define OPEN RD_DRAFT_NEEDS_OPEN
#define RESOLVED RD_DRAFT_NEEDS_RESOLVED
#define RCA RD_DRAFT_NEEDS_RCA

static const struct rd_comm_kind_info kinds[RD_KIND_COUNT] = {
	[RD_KIND_APOLOGY] = {"apology", "Apology", "apologised", true, 0},
	[RD_KIND_RCA_UPDATE] = {"rca_update", "What went wrong", "investigating", true, RCA},
	[RD_KIND_PLAN] = {"plan", "Recovery plan", "plan-presented", true, RD_DRAFT_NEEDS_PLAN},
	[RD_KIND_PROGRESS] = {"progress", "Progress update", "recovering", true, OPEN | RD_DRAFT_NEEDS_ETA},
	[RD_KIND_DELAY] = {"delay", "New timeline", "recovering", true, OPEN | RD_DRAFT_NEEDS_ETA_REVISION},
	[RD_KIND_RESOLUTION] = {"resolution", "Resolved", "recovered", true, RESOLVED},
	[RD_KIND_FOLLOW_UP] = {"follow_up", "Follow-up", "follow-up", true, RESOLVED},
	[RD_KIND_SURVEY] = {"survey", "Survey", "follow-up", true, RESOLVED},
	[RD_KIND_REVIEW] = {"review", "Review", "follow-up", true, RESOLVED | RCA},
	[RD_KIND_CORRECTION] = {"correction", "Correction", NULL, true, RD_DRAFT_NEEDS_FACT},
	[RD_KIND_OTHER] = {"other", "Update", NULL, false, 0},
};

/* The clock's steps are the first kinds, numbered alike. */
_Static_assert(RD_STEP_COUNT == RD_KIND_CORRECTION + 1, "the clock's steps are the kinds up to correction");
_Static_assert((int)RD_STEP_RCA_UPDATE == (int)RD_KIND_RCA_UPDATE, "steps and kinds share their numbers");
_Static_assert((int)RD_STEP_FOLLOW_UP == (int)RD_KIND_FOLLOW_UP, "steps and kinds share their numbers");

const char *const rd_comm_kind_names[RD_KIND_COUNT + 1] = {
	"apology", "rca_update", "plan", "progress", "delay", "resolution",
	"follow_up", "survey", "review", "correction", "other", NULL,
};

const struct rd_comm_kind_info *rd_comm_kind_get(enum rd_comm_kind kind)
{
	return (unsigned)kind < RD_KIND_COUNT ? &kinds[kind] : NULL;
}

const char *rd_comm_kind_name(enum rd_comm_kind kind)
{
	return (unsigned)kind < RD_KIND_COUNT ? kinds[kind].name : "other";
}

const struct rd_comm_kind_info *rd_comm_kind_find(const char *s)
{
	for (int k = 0; s && k < RD_KIND_COUNT; k++)
		if (strcmp(kinds[k].name, s) == 0)
			return &kinds[k];
	return NULL;
}

enum rd_err rd_comm_kind_parse(const char *s, enum rd_comm_kind *out, char **errmsg)
{
	const struct rd_comm_kind_info *k = rd_comm_kind_find(s);
	if (k) {
		*out = (enum rd_comm_kind)(k - kinds);
		return RD_OK;
	}
	char list[160];
	size_t len = 0;
	list[0] = '\0';
	for (int i = 0; i < RD_KIND_COUNT; i++) {
		int w = snprintf(list + len, sizeof list - len, "%s%s",
				 !i ? "" : i == RD_KIND_COUNT - 1 ? " or " : ", ", kinds[i].name);
		if (w > 0 && (size_t)w < sizeof list - len)
			len += (size_t)w;
	}
	return rd_fail(RD_EINVAL, errmsg, "unknown kind '%s' (expected %s)", s ? s : "", list);
}
