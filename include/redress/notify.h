/* notify.h — who gets told what by email, queued in the outbox (outbox.h):
 * reminders to staff (a step due soon, overdue, escalated to the manager),
 * each owner's daily digest, messages to clients with a reply address, and
 * replies coming back (`redress inbound`, POST /api/inbound).
 *
 * Every reminder names the client, the step, the due time and a link to
 * compose it (the base URL of settings.h). An obligation without an owner
 * goes to the failure's lead, then to every admin: overdue always reaches
 * a person. Each is queued once (its idempotency key).
 * Ownership: json_t **out new, char **errmsg malloc'd, both for the CALLER. */
#ifndef REDRESS_NOTIFY_H
#define REDRESS_NOTIFY_H
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "redress/check.h"
#include "redress/model.h"
#include "redress/store.h"

/* Queues one email per escalation row that has none yet (level 1: the
 * owner, "overdue"; level 2: the owner's manager), for obligations still
 * open at NOW. Runs inside the caller's transaction; rd_escalate calls it.
 * *n (may be NULL) gets how many were queued. */
enum rd_err rd_notify_escalations(struct rd_store *s, int64_t now, int64_t *n, char **errmsg);

/* Everything a sweep at NOW owes staff: escalations (rd_escalate, which
 * queues their emails), "due soon" reminders for steps due within the
 * policy's remind_before, and the daily digest of each owner whose local
 * hour (users.tz, else UTC) has reached the policy's digest_hour. *n (may
 * be NULL) gets how many emails were queued. */
enum rd_err rd_reminders_queue(struct rd_store *s, int64_t now, int64_t *n, char **errmsg);

/* A message to a client: BODY checked by the checker in the context of its
 * failure and client; refused (RD_ECHECK, *check set) when it has errors
 * unless CONFIRM_ERRORS; then, in one transaction, logged as the outbound
 * email communication IN describes (the same fields as rd_comm_log: it
 * meets the obligation and records its facts) and queued to TO (NULL: the
 * client's contacts) from the point person, with a reply address.
 * *check (may be NULL) gets the checker's result (CALLER frees with
 * rd_check_result_free). */
struct rd_send {
	const char *body;
	const char *const *to;
	size_t n_to;
	bool confirm_errors;
};
enum rd_err rd_comm_send(struct rd_store *s, const struct rd_actor *a, json_t *in, const struct rd_send *o,
			 int64_t *comm_id, int64_t *outbox_id, struct rd_check_result **check,
			 char **errmsg);

/* True when TEXT (an inbound message; quoted lines and what follows
 * "On … wrote:" are ignored) asks about status: "any update?", "is anyone
 * looking at this?" … (the list is in notify.c and docs/delivery.md). */
bool rd_status_question(const char *text);

/* Reads one RFC 5322 message RAW[0..n) and logs it as an inbound email
 * communication at NOW: on the failure and client of its reply token, else
 * of the sender's contact address (the client's latest open failure). A
 * status question counts as a chase. RD_EINVAL (nothing changes) for a
 * malformed, oversized, charset-less non-UTF-8 or text-less message, and
 * for an unknown or revoked reply token with an unknown sender. *out gets
 * {communication_id, failure_id, client_id, contact_id, chase, matched_by,
 * duplicate}. A message whose Message-ID was logged before for the same
 * client is not logged again: *out is the first answer, duplicate true. */
enum rd_err rd_inbound(struct rd_store *s, const char *raw, size_t n, int64_t now, json_t **out,
		       char **errmsg);

/* Revokes every reply token of track (FAILURE, CLIENT): replies to earlier
 * mail then match by sender only. *n gets how many were revoked. */
enum rd_err rd_reply_tokens_revoke(struct rd_store *s, int64_t failure_id, int64_t client_id, int64_t now,
				   int64_t *n, char **errmsg);

/* Queues the password link LINK for EMAIL (a staff user's own address). */
enum rd_err rd_notify_password_link(struct rd_store *s, const char *email, const char *link, int minutes,
				    int64_t now, char **errmsg);

#endif
