/* room.h — what the web app's agenda and failure room show on top of the
 * clock: the agenda's urgency order, the human label of every stored word,
 * the questions clients are waiting on, and a failure room's summary.
 *
 * Ownership as in model.h: json_t **out is a new reference and char
 * **errmsg a malloc'd message, both for the CALLER to release; rows passed
 * in are BORROWED (sorted in place). The order and the labels are spelt out
 * in docs/web.md ("The agenda") and docs/internals/web.md. */
#ifndef REDRESS_ROOM_H
#define REDRESS_ROOM_H
#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "redress/err.h"
#include "redress/store.h"

/* ---- the agenda's urgency order ---- */

/* Compares two agenda rows (rd_agenda's objects) by urgency, most urgent
 * first (negative when A comes first). The keys, in turn:
 *   1. overdue before due soon;
 *   2. critical before the rest: a key-tier client or a severity-1 failure;
 *   3. escalated to the manager (level 2) before level 1;
 *   4. severity, 1 first (a promise without a failure sorts last);
 *   5. due time, earliest (the longest overdue) first;
 *   6. failure id, client id, then obligation key: a total order, so the
 *      same agenda always lists the same way. */
int rd_agenda_urgency_cmp(json_t *a, json_t *b);
/* Sorts ROWS (an array of agenda rows, modified in place) by urgency.
 * RD_ENOMEM when out of memory (ROWS unchanged). */
enum rd_err rd_agenda_sort_urgency(json_t *rows);

/* ---- labels ---- */

/* The human label of a stored word — a communication kind or obligation
 * step ("rca_update" → "Root-cause update"), an obligation state
 * ("on_time" → "Sent on time"), a failure, recovery, goodwill, commitment
 * or plan status, a channel, a direction, a tier, a goodwill kind, an
 * impact's "affected". One table for the web app, the exports' and
 * reports' readable text. An obligation key ("progress#3") reads as its
 * step with the number ("Progress update 3"), into BUF when given (else
 * the step's label). An unknown word comes back as itself. Never NULL. */
const char *rd_label(const char *word);
const char *rd_label_key(const char *key, char *buf, size_t n);
/* "1 chase", "3 chases", "no chase": N and the noun in the right number,
 * into BUF (N bytes); returns BUF. */
const char *rd_label_count(int64_t count, const char *singular, const char *plural, char *buf, size_t n);

/* ---- what the room shows ---- */

/* Questions clients are waiting on: inbound communications about a failure
 * by portal or email that are a chase or came through the portal, with no
 * outbound client-visible message to that client about that failure since.
 * OWNER_ID (0: everyone's) keeps the clients whose track owner (point
 * person, else the client's owner) it is. Oldest first, at most 100. Each
 * row: comm_id, failure_id, failure, client_id, client, tier, channel, at,
 * chase (bool), question (the body, else the summary), owner (email or
 * null). */
enum rd_err rd_room_questions(struct rd_store *s, int64_t owner_id, json_t **out, char **errmsg);

/* The summary a failure room opens with, at NOW: {status, status_label,
 * severity, next: the earliest open obligation across clients (client_id,
 * client, key, label, due_at, state) or null, waiting: clients with an
 * overdue obligation or an unanswered question [{client_id, client,
 * reason}], clients: [{client_id, client, tier, tz, last_update_at (the
 * last outbound client-visible message, or null), last_update_kind,
 * open (obligations pending or overdue), next: the track's next step or
 * null}]}. RD_ENOTFOUND for an unknown failure. */
enum rd_err rd_room_summary(struct rd_store *s, int64_t failure_id, int64_t now, json_t **out,
			    char **errmsg);

#endif
