/* dashboard.h — a client's dashboard: its overview, the schedule of every
 * failure that touched it and its trust score, as one JSON object (GET
 * /api/clients/{id}/dashboard). Read from stored state that every write
 * keeps in step (the obligations table, the trust facts), never by
 * replaying a track's history, unless the stored rows cannot answer. */
#ifndef REDRESS_DASHBOARD_H
#define REDRESS_DASHBOARD_H
#include <jansson.h>
#include <stdint.h>

#include "redress/err.h"
#include "redress/store.h"

/* Recompute every track's clock from its history instead of reading the
 * stored obligations: the reference the stored reading must equal (tests). */
#define RD_DASH_RECOMPUTE 1u

/* The dashboard of client CLIENT_ID at AT: {client, tracks, trust, at}.
 * `client` is rd_client_show's object; each of its impacts is a row of
 * `tracks` ({failure_id, affected, recovery_status, obligations}, the
 * obligations as rd_obligations_json gives them for the client; left out
 * when the track cannot be read); `trust` is rd_trust_client_json's.
 * *out is a new reference and *errmsg a malloc'd message, for the CALLER
 * to release. RD_ENOTFOUND for no such client. */
enum rd_err rd_client_dashboard(struct rd_store *s, int64_t client_id, int64_t at, unsigned flags,
				json_t **out, char **errmsg);

/* The same object written as compact JSON at the end of OUT (a struct
 * rd_buf, lib/util/buf.h), read straight from the rows without a tree:
 * the server's read, and the one implementation (rd_client_dashboard
 * runs this building a tree). Errors as rd_client_dashboard (then OUT may hold part
 * of the text: the caller drops it); *errmsg as there. */
struct rd_buf;
enum rd_err rd_client_dashboard_write(struct rd_store *s, int64_t client_id, int64_t at, struct rd_buf *out,
				      char **errmsg);

#endif
