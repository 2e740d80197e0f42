/* model_int.h — helpers shared by the domain files of libredress. */
#ifndef REDRESS_MODEL_INT_H
#define REDRESS_MODEL_INT_H
#include "redress/model.h"

/* RD_EPERM with "WHAT needs role ROLE or higher" unless a->role >= role
 * (actor.c, with the roles). */
enum rd_err rd_require_role(const struct rd_actor *a, enum rd_role role, const char *what,
			    char **errmsg);

/* Called after every write that can change a (failure, client) track so
 * derived state (the clock's stored obligations) follows; client_id 0 means
 * every client of the failure. NOW (the writing actor's) is where the
 * generated horizon is counted from. Runs inside the caller's transaction. */
enum rd_err rd_track_changed(struct rd_store *s, int64_t failure_id, int64_t client_id, int64_t now,
			     char **errmsg);
/* The client's other tracks whose column counts FAILURE_ID as an earlier
 * failure (detected up to the second-failure window after it), CLIENT_ID 0
 * for every client of the failure: rd_track_neighbours appends them to
 * *OUT (the CALLER frees it with rd_track_ids_free), rd_track_ids_refresh
 * refreshes them, rd_track_neighbours_changed does both. rd_track_changed
 * calls the last for failure-wide changes; an impact's change calls it
 * itself, and re-dating a failure collects before it writes. */
struct rd_track_ids {
	int64_t (*ids)[2]; /* (failure_id, client_id) */
	size_t n, cap;
};
enum rd_err rd_track_neighbours(struct rd_store *s, int64_t failure_id, int64_t client_id,
				struct rd_track_ids *out, char **errmsg);
enum rd_err rd_track_ids_refresh(struct rd_store *s, const struct rd_track_ids *t, int64_t now,
				 char **errmsg);
void rd_track_ids_free(struct rd_track_ids *t);
enum rd_err rd_track_neighbours_changed(struct rd_store *s, int64_t failure_id, int64_t client_id,
					int64_t now, char **errmsg);

/* Cross-client references (integrity.c): RD_EINVAL when REC (column form:
 * references as integer ids; borrowed) of ENTITY joins a failure to a
 * client it does not affect, or names another client's contact or
 * communication; RD_EDB when the database fails. Called by the record
 * engine on create and on update (with the record as it will be). */
enum rd_err rd_refs_check(struct rd_store *s, const char *entity, json_t *rec, char **errmsg);

/* The trust hook (trust.c): after a record write of ENTITY (REC, the
 * record as written; borrowed) that changes a client's promises, goodwill
 * or survey answers, records the client's trust in trust_history if its
 * score changed. Writes that change a track reach the same recording
 * through rd_track_changed. Runs inside the caller's transaction. */
enum rd_err rd_trust_touched(struct rd_store *s, const char *entity, json_t *rec, int64_t now,
			     char **errmsg);

/* SQL: the fact FACT of communication m still counts at ?UNTIL — no
 * correction was sent to that client after m (and by UNTIL) for a
 * discrepancy of FACT. A client who was corrected no longer holds what it
 * was told before; what the correction (or a later message) states counts
 * instead. Used by the check context too (compose.c), so the
 * discrepancies logged and the checker's findings agree. */
#define NOT_CORRECTED(fact, until)                                                                   \
	"NOT EXISTS (SELECT 1 FROM communications k JOIN discrepancies d ON d.failure_id = k.failure_id " \
	"AND d.client_id = k.client_id AND d.fact = '" fact "' AND d.at <= k.at WHERE k.failure_id = "   \
	"m.failure_id AND k.client_id = m.client_id AND k.kind = 'correction' AND k.direction = 'out' "    \
	"AND k.at <= " until " AND (k.at > m.at OR (k.at = m.at AND k.id > m.id)))"

/* The clock's resolution rule (clock.h, rd_clock_rule_resolved_progress)
 * over stored rows: a progress update unmet when its failure was resolved
 * (as of AT) is not_applicable. Rows keep it unmet and unwaived — trust and
 * metrics still count one due before the fix as missed — so the readers of
 * open obligations (agenda, escalations, calendars, the /metrics gauge)
 * apply this instead.
 * Needs `o` (obligations) and `f` (its failure) in the query. */
#define CLOSED_BY_RESOLUTION(AT) \
	"o.kind = 'progress' AND o.met_at IS NULL AND f.status IN ('resolved', 'closed') " \
	"AND f.resolved_at IS NOT NULL AND f.resolved_at <= " AT
/* Runs SQL (a compile-time constant; values bound from BINDTYPES: 'i'
 * int64_t, 't' const char *) and returns its rows as a new array *out of
 * objects keyed by column name; COLTYPES gives each column's type in order:
 * 'i' integer, 't' text ('-' skips); RD_EINVAL when their number is not
 * the number of columns. NULL columns read as JSON null. The views'
 * (views.c, portal.c) one row reader. */
enum rd_err rd_rows_json(struct rd_store *s, const char *sql, const char *coltypes, json_t **out,
			 const char *bindtypes, ...);

/* The record of ENTITY whose columns COL1 and COL2 (compile-time column
 * names from library code) equal V1 and V2, as rd_record_get reads it
 * (new, in *out); RD_ENOTFOUND when there is none. One statement. */
enum rd_err rd_record_find(struct rd_store *s, const char *entity, const char *col1, int64_t v1,
			   const char *col2, int64_t v2, json_t **out, char **errmsg);

/* rd_record_update when the caller has just read the record (KNOWN,
 * borrowed, as rd_record_get/rd_record_find return it, inside the same
 * transaction): it is not read again. NULL: read it. */
enum rd_err rd_record_update_known(struct rd_store *s, const struct rd_actor *a, const char *entity,
				   int64_t id, json_t *known, json_t *in, json_t *extra, char **errmsg);

/* Called when CLIENT_ID becomes affected by failure FID (detected at
 * DETECTED): a second failure within the window raises the client's risk
 * (failure.c; impact.c calls it too). */
enum rd_err rd_second_failure_check(struct rd_store *s, const struct rd_actor *a, int64_t fid,
				    int64_t client_id, int64_t detected, char **errmsg);

#endif
