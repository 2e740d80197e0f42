/* webhook.h — webhooks out: endpoints staff register, the events redress
 * emits, and their delivery through the outbox (channel 'webhook', see
 * outbox.h) signed the Standard Webhooks way (docs/webhooks.md).
 *
 * An event is queued by rd_webhook_emit inside the transaction of the
 * change that causes it: one outbox row per endpoint subscribed to it, so
 * a rolled-back change sends nothing, queued by one statement however many
 * endpoints there are. The outbox row's idempotency key is the webhook-id
 * header, the same on every retry, ending in "_" and the endpoint's id; its
 * payload is the body to POST.
 *
 * Ownership: json_t **out is a new reference and char **errmsg a malloc'd
 * message, both for the CALLER; json_t *data is borrowed. */
#ifndef REDRESS_WEBHOOK_H
#define REDRESS_WEBHOOK_H
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "redress/err.h"
#include "redress/store.h"

/* "whsec_" + base64 of 24..64 key bytes, NUL included. */
#define RD_WEBHOOK_SECRETSZ 96
/* "v1," + base64 of an HMAC-SHA256, NUL included. */
#define RD_WEBHOOK_SIGSZ 48
/* One delivery attempt waits at most this long for the endpoint. */
#define RD_WEBHOOK_TIMEOUT_MS 10000

/* The event names, NULL-terminated: "obligation.due", "obligation.overdue",
 * "escalation.raised", "communication.logged", "failure.opened",
 * "failure.status_changed", "failure.resolved", "eta.revised",
 * "commitment.broken", "survey.answered". */
extern const char *const rd_webhook_events[];

/* A fresh secret: 24 random bytes as "whsec_<base64>". */
void rd_webhook_secret_new(char out[RD_WEBHOOK_SECRETSZ]);

/* The signature header value for message ID sent at TS (unix seconds) with
 * BODY[0..len): "v1," + base64(HMAC-SHA256(key, "ID.TS.BODY")), the key
 * being SECRET's base64 part decoded. RD_EINVAL when SECRET is not a
 * "whsec_" secret of 24 to 64 bytes. */
enum rd_err rd_webhook_sign(const char *secret, const char *id, int64_t ts, const char *body, size_t len,
			    char out[RD_WEBHOOK_SIGSZ], char **errmsg);

/* Registers an endpoint: URL http(s) with a host; SECRET a "whsec_" secret
 * or NULL (one is made); EVENTS an array of event names or NULL (all).
 * *id gets its id and *secret_out (may be NULL; a malloc'd string for the
 * CALLER) the secret, to show once. Bad input: RD_EINVAL, nothing written. */
enum rd_err rd_webhook_add(struct rd_store *s, const char *url, const char *secret, json_t *events, int64_t now,
			   int64_t *id, char **secret_out, char **errmsg);

/* The endpoints not removed, oldest first: [{id, url, events, created_at,
 * delivered, failed, last_status}] — never the secret. */
enum rd_err rd_webhook_list(struct rd_store *s, json_t **out, char **errmsg);

/* Removes endpoint ID (its log stays); what is queued for it fails with
 * "endpoint removed". RD_ENOTFOUND when there is no such endpoint. */
enum rd_err rd_webhook_remove(struct rd_store *s, int64_t id, int64_t now, char **errmsg);

/* Endpoint ID's delivery log, newest first, at most LIMIT (0: 200):
 * [{id, outbox_id, webhook_id_header, event, attempt, status_code, outcome,
 * error, at}]. RD_ENOTFOUND for an unknown endpoint. */
enum rd_err rd_webhook_deliveries(struct rd_store *s, int64_t id, int limit, json_t **out, char **errmsg);

/* Queues EVENT (one of rd_webhook_events) with DATA for every endpoint
 * subscribed to it, inside the caller's transaction (this nests). KEY makes
 * it idempotent: emitting the same EVENT and KEY again queues nothing (NULL:
 * every call is a new event). AT is when it happened. */
enum rd_err rd_webhook_emit(struct rd_store *s, const char *event, const char *key, json_t *data, int64_t at,
			    char **errmsg);

/* rd_webhook_emit with record ENTITY #ID (as rd_record_get reads it, inside
 * the caller's transaction) as the data, keyed by entity, id and AT. */
enum rd_err rd_webhook_emit_record(struct rd_store *s, const char *event, const char *entity, int64_t id,
				   int64_t at, char **errmsg);

/* ---- for the outbox sweep (lib/outbox.c) ---- */

/* Delivers the claimed webhook row with idempotency key IDEM and PAYLOAD at
 * NOW: signs and POSTs it. *status gets the HTTP status (0: none);
 * *permanent whether retrying cannot help (a 4xx other than 408 and 429, a
 * removed endpoint, an unreadable row). RD_OK only for a 2xx. */
enum rd_err rd_webhook_deliver(struct rd_store *s, const char *idem, const char *payload, int64_t now,
			       long *status, bool *permanent, char **errmsg);

/* Writes one line of the delivery log for outbox row OUTBOX_ID (inside the
 * sweep's transaction). OUTCOME: "delivered", "retrying" or "failed". */
enum rd_err rd_webhook_log(struct rd_store *s, int64_t outbox_id, const char *idem, const char *payload,
			   int attempt, long status, const char *outcome, const char *error, int64_t at);

#endif
