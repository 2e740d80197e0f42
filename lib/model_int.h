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

/* ---- records written straight as JSON (record.c; the dashboard's read) ----
 *
 * The same records rd_record_get and rd_record_attach show, written into a
 * streaming writer (util/jsonw.h) from the row, with no tree: one object,
 * or the array of those whose FIELD equals ID in the entity's order. The
 * SQL text of each is built once per process. PEEK (may be NULL) sees each
 * row after it is written, to keep what the caller needs of it (a column's
 * text through rd_record_col_text). rd_record_write_get writes the
 * record's members only, into an object the caller opened (so it can add
 * its own after them), rd_record_write_list a whole array. Errors as
 * rd_record_get and rd_record_list; a writer failure stays in w->err. */
struct rd_jw;
enum rd_err rd_record_write_get(struct rd_store *s, const char *entity, int64_t id, struct rd_jw *w,
				void (*peek)(const struct rd_entity *e, struct rd_stmt *st, void *ctx), void *ctx,
				char **errmsg);
enum rd_err rd_record_write_list(struct rd_store *s, const char *entity, const char *field, int64_t id,
				 struct rd_jw *w,
				 void (*peek)(const struct rd_entity *e, struct rd_stmt *st, void *ctx),
				 void *ctx, char **errmsg);
/* One row of E as rd_record_get shows it: the object, or its members. */
void rd_record_write_row(const struct rd_entity *e, struct rd_stmt *st, struct rd_jw *w);
void rd_record_write_members(const struct rd_entity *e, struct rd_stmt *st, struct rd_jw *w);
/* The column of FIELD in the rows these read, -1 when E has no such field. */
int rd_record_col(const struct rd_entity *e, const char *field);
/* The text of FIELD in ST's row (borrowed, until the next step) as the
 * record shows it: NULL for SQL NULL or text that is not UTF-8. */
const char *rd_record_col_text(const struct rd_entity *e, struct rd_stmt *st, const char *field);

/* ---- the client overview written straight as JSON (client.c) ---- */

/* What the dashboard needs of the overview it wrote: the client's name
 * and zone as the record shows them (NULL for null) and, per impact in
 * order, the values its track row repeats. Owned; rd_client_overview_free. */
struct rd_overview_impact {
	int64_t failure_id;
	char *affected, *recovery_status;
};
struct rd_client_overview {
	char *name, *tz;
	struct rd_overview_impact *impacts;
	size_t n, cap;
	bool oom;
};
/* Writes rd_client_show's object for client ID into W (its one
 * implementation: rd_client_show runs it building a tree) and fills *OUT. Errors as rd_client_show;
 * *out is empty after an error. */
enum rd_err rd_client_overview_write(struct rd_store *s, int64_t id, struct rd_jw *w,
				     struct rd_client_overview *out, char **errmsg);
void rd_client_overview_free(struct rd_client_overview *o);

#endif
