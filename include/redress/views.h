/* views.h — ready data for the staff web pages (agenda, client page and
 * list, failure list, composer and log-form menus): the reads those pages
 * need, so no SQL lives in src/. Each returns a new JSON array of objects
 * (keys as documented per call) that the caller owns and json_decref()s;
 * on error *out is untouched and nothing needs freeing. Every call only
 * reads. The portal's views, which enforce a contact's isolation, are in
 * portal.h. */
#ifndef REDRESS_VIEWS_H
#define REDRESS_VIEWS_H
#include <stdbool.h>
#include <stdint.h>

#include <jansson.h>

#include "redress/err.h"
#include "redress/store.h"

/* Every client, key tier first then by name: {id, name, tier, risk,
 * owner_id, open_failures (affected, not resolved), broken (commitments)}. */
enum rd_err rd_view_client_list(struct rd_store *s, json_t **out);

/* Every failure that touched CLIENT_ID, newest first: {id, title,
 * severity, status, detected_at, affected ("yes"/"no"/…), recovery_status}. */
enum rd_err rd_view_client_failures(struct rd_store *s, int64_t client_id, json_t **out);

/* Failures newest first, all of them or only those not closed: {id, title,
 * severity, status, detected_at, resolved_at, affected (count), comms}. */
enum rd_err rd_view_failure_list(struct rd_store *s, bool all, json_t **out);

/* The agenda's failures not closed, most severe first: {id, title,
 * severity, status, detected_at, affected (count)}. */
enum rd_err rd_view_open_failures(struct rd_store *s, json_t **out);

/* Failures not closed for a <select>, newest first: {id, title}. */
enum rd_err rd_view_failure_menu(struct rd_store *s, json_t **out);

/* The contacts of CLIENT_ID by name: {id, name, email}. */
enum rd_err rd_view_contacts(struct rd_store *s, int64_t client_id, json_t **out);

/* The agenda's fallback when the clock cannot be asked: every affected
 * client of a failure not closed, {f, c, st (recovery status), last_out
 * (time of the last client-visible outbound message or null)}. */
enum rd_err rd_view_open_tracks(struct rd_store *s, json_t **out);

/* Commitments (open or renegotiated) and plan actions (planned or in
 * progress, failure not closed) due at or before UNTIL, by due time:
 * {what ("commitment"/"plan action"), id, text, owner (email or ""), due,
 * client (or null), failure (or null)}. */
enum rd_err rd_view_promises_due(struct rd_store *s, int64_t until, json_t **out);

/* The contact of CLIENT_ID whose email is EMAIL (exact match): its id in
 * *id, RD_ENOTFOUND when there is none, RD_EDB when the read fails. */
enum rd_err rd_contact_by_email(struct rd_store *s, int64_t client_id, const char *email, int64_t *id);

/* A number that grows with every audited write (the last audit log id):
 * the response cache's version. */
enum rd_err rd_view_data_version(struct rd_store *s, int64_t *version);

#endif
