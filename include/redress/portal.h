/* portal.h — everything a client's contact can see on the portal, read
 * through one identity (struct rd_portal_id). Isolation lives here, not in
 * the pages: every call is bound to the identity's client, a failure the
 * client cannot see is RD_ENOTFOUND exactly like one that does not exist,
 * and an identity whose contact belongs to another client is RD_EPERM.
 * Internal communications, findings, disclosure and goodwill notes and
 * other clients' rows are never selected. Returned JSON is new and owned
 * by the caller (json_decref); on error *out is untouched. */
#ifndef REDRESS_PORTAL_H
#define REDRESS_PORTAL_H
#include <stdbool.h>
#include <stdint.h>

#include <jansson.h>

#include "redress/err.h"
#include "redress/store.h"

/* Who is asking: the contact (0 for a copy made for the client as a whole,
 * such as the static portal copy) and the contact's client (> 0). */
struct rd_portal_id {
	int64_t contact_id;
	int64_t client_id;
};

/* *yes when failure FID is visible to WHO's client: the client is affected,
 * or was sent a client-visible message about it. RD_EPERM for a contact
 * that is not the client's. */
enum rd_err rd_portal_visible(struct rd_store *s, const struct rd_portal_id *who, int64_t fid, bool *yes);

/* The start page: {client: {name, tz}, contact: {name} or null,
 * failures: [{id, title, status, detected_at, resolved_at, last_update,
 * open_surveys}]} (newest first). RD_ENOTFOUND when the client does not
 * exist. */
enum rd_err rd_portal_home(struct rd_store *s, const struct rd_portal_id *who, json_t **out);

/* One failure as the client sees it: {client: {name, tz}, failure: {title,
 * status, detected_at, resolved_at, client_explanation, pp_name,
 * pp_email}, report_published, updates: [{id, kind, channel, direction,
 * at, title, text, fact_eta, contact}], actions: [{kind, description,
 * due_at, status, success_criterion}], etas: [{eta, reason, at}],
 * commitments: [{text, due_at, status}], goodwill: [{kind, amount_cents,
 * currency, status}], survey: null or {id, answers: [{question, score,
 * answer}]}, review: the client-facing review text or null}.
 * An update's text is what the client received (the message body; for a
 * call or meeting the client-facing summary logged as its body) or null,
 * never the staff's summary; its title names it for the client ("Call
 * with Lena Vogel", "Apology", "You wrote"). ETA revisions are only those
 * the clients were told. RD_ENOTFOUND when the failure is not visible to
 * WHO. */
enum rd_err rd_portal_failure(struct rd_store *s, const struct rd_portal_id *who, int64_t fid, json_t **out);

/* The survey of failure FID sent to WHO's client: its id and how many
 * answers it has. RD_ENOTFOUND when the failure is not visible or no
 * survey was sent. */
enum rd_err rd_portal_survey(struct rd_store *s, const struct rd_portal_id *who, int64_t fid, int64_t *survey_id,
			     int64_t *answered);

/* The client form of the post-incident report (report.h rd_report_view)
 * for WHO's client, once the review is published to clients (its
 * client-facing text written). RD_ENOTFOUND before that and for a failure
 * not visible. *errmsg (may be NULL) is a new message the caller frees. */
enum rd_err rd_portal_report(struct rd_store *s, const struct rd_portal_id *who, int64_t fid, int64_t now,
			     json_t **out, char **errmsg);

#endif
