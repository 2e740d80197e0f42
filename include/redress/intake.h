/* intake.h — failures opened from outside: Prometheus Alertmanager's
 * webhook (version 4) becomes a draft failure, and calendar apps subscribe
 * to an owner's or a client's obligations at a secret URL.
 *
 * Ownership: `json_t *payload` is BORROWED; `json_t **out` returns a NEW
 * reference the CALLER json_decref()s; `char **token` is malloc'd (CALLER
 * frees and wipes); `char **errmsg` as in err.h. */
#ifndef REDRESS_INTAKE_H
#define REDRESS_INTAKE_H
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "redress/err.h"
#include "redress/model.h"
#include "redress/store.h"

/* Most alerts one notification may carry (Alertmanager's max_alerts is
 * usually far lower); more is refused as RD_EINVAL. */
#define RD_INTAKE_MAX_ALERTS 1000

/* Takes one Alertmanager notification (PAYLOAD, the parsed JSON body).
 * Validated completely first: anything but version "4", a missing or
 * mistyped field (receiver, status, groupKey, alerts[] with status, labels,
 * startsAt, fingerprint) or a bad time is RD_EINVAL naming the field, and
 * nothing is written. Then, in one transaction (agent or higher):
 *  - the first firing notification of a groupKey opens a DRAFT failure
 *    (rd_failure_open_draft): title from the common summary annotation or
 *    the alertname, severity and services mapped through the policy's
 *    `intake:` section, clients of those services proposed as suspected;
 *  - later ones add their new alerts (by fingerprint) to the same failure,
 *    link their services, and raise a draft's severity;
 *  - a resolved notification of a firing group records a resolution
 *    PROPOSAL on the failure (never a resolution); firing again withdraws it.
 * The same notification twice changes nothing the second time (retries).
 * *out: {"failure_id", "created", "changes", "draft", "proposal_id"} —
 * failure_id null when a resolved notification names a group never seen. */
enum rd_err rd_intake_alertmanager(struct rd_store *s, const struct rd_actor *a, json_t *payload,
				   json_t **out, char **errmsg);

/* What the intake knows of failure ID: {"alerts": […], "resolution_proposals":
 * […]} (empty lists for a failure opened by hand). */
enum rd_err rd_intake_failure(struct rd_store *s, int64_t id, json_t **out, char **errmsg);

/* ---- calendar feeds (lib/calfeed.c) ---- */

/* Creates a feed of the obligations of staff user OWNER (an email) or of
 * client CLIENT (a name or id) — exactly one of the two non-NULL. Agent or
 * higher. *token is the secret ("rdc_…"; the URL is /cal/<token>.ics),
 * shown once; *id the feed's id. */
enum rd_err rd_calfeed_create(struct rd_store *s, const struct rd_actor *a, const char *owner,
			      const char *client, char **token, int64_t *id, char **errmsg);
/* Lists feeds (never their secrets) as a new JSON array: id, owner or
 * client, created_by, created_at, revoked_at. */
enum rd_err rd_calfeed_list(struct rd_store *s, json_t **out, char **errmsg);
/* Revokes feed ID (agent or higher). RD_ESTATE when already revoked. */
enum rd_err rd_calfeed_revoke(struct rd_store *s, const struct rd_actor *a, int64_t id, int64_t now,
			      char **errmsg);
/* The iCalendar text of the live feed whose secret is TOKEN at NOW (the
 * same rd_agenda_calendar as `redress calendar`), *ics malloc'd.
 * RD_ENOTFOUND, saying nothing more, for an unknown or revoked token.
 * Reads only: a calendar app polling it never queues on the write lock. */
enum rd_err rd_calfeed_render(struct rd_store *s, const char *token, int64_t now, char **ics,
			      char **errmsg);

#endif
