/* outbox.h — every message redress sends (email, and webhooks through
 * webhook.h, same table) is queued here inside the transaction of the change that causes
 * it, then delivered by a sweep: `redress deliver` (one sweep, cron and
 * tests) or the worker thread of `redress serve --deliver-every`.
 *
 * Delivery never blocks or fails the write that queued it. A sweep claims
 * one due row at a time (status sending, claimed_at), delivers it outside
 * any transaction, and records the outcome. A worker killed mid-send leaves
 * the row in sending; after RD_OUTBOX_LEASE seconds another sweep claims it
 * again and sends the same message with the same Message-ID (derived from
 * the row's idempotency key), so the recipient can drop the duplicate.
 * Retries back off exponentially (rd_outbox_backoff); a permanent failure
 * (SMTP 5xx, an invalid address, the last attempt) is status failed with
 * its error, shown by `redress outbox`, GET /api/outbox and /outbox.
 *
 * Ownership: json_t **out is a new reference, char **errmsg a malloc'd
 * message, both for the CALLER. Strings in structs are borrowed. */
#ifndef REDRESS_OUTBOX_H
#define REDRESS_OUTBOX_H
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "redress/err.h"
#include "redress/store.h"

/* A claimed row whose worker has not answered for this long is claimed again. */
#define RD_OUTBOX_LEASE 300
/* Attempts before a row that keeps failing temporarily is failed for good. */
#define RD_OUTBOX_MAX_ATTEMPTS 8

/* How email is sent: passed down by the CLI and the server, which read
 * flags and the environment; the library never does. */
struct rd_mail_settings {
	const char *smtp_url;      /* smtp://… or smtps://…; NULL: email stays queued */
	const char *from;          /* REDRESS_MAIL_FROM: envelope and From address */
	long timeout_ms;           /* one SMTP transaction at most; 0: 30 s */
};

/* What a sender fills in to queue one email. */
struct rd_outbox_msg {
	const char *idem_key;      /* unique per message: queueing it again is a no-op */
	const char *kind;          /* "reminder.due_soon", "reminder.overdue", "escalation",
	                              "digest", "client", "password_link" */
	const char *const *to;     /* recipient addresses */
	size_t n_to;
	const char *subject, *body;
	const char *from_name;     /* display name on From (the point person), or NULL */
	bool reply_address;        /* client mail: carry a per-failure+client reply address */
	bool thread;               /* thread per failure+client (In-Reply-To, References) */
	int64_t failure_id, client_id, user_id, communication_id, escalation_id; /* 0: none */
	int64_t at;                /* when it was queued; first attempt not before */
};

/* Queues M inside the caller's transaction (S may be mid-transaction; this
 * nests). *id (may be NULL) gets the new row's id, or 0 when a row with the
 * same idempotency key already exists (nothing changes). RD_EINVAL when a
 * recipient is not a valid address. */
enum rd_err rd_outbox_enqueue(struct rd_store *s, const struct rd_outbox_msg *m, int64_t *id,
			      char **errmsg);

/* The wait before attempt N+1 after N failed attempts: 1 min, 2, 4, 8, 16,
 * 32, 64 min, then failed (RD_OUTBOX_MAX_ATTEMPTS). */
int64_t rd_outbox_backoff(int attempts);

struct rd_sweep_stats {
	int64_t sent, failed, retried;   /* outcomes of this sweep */
	int64_t waiting;                 /* email left queued: no SMTP configured */
};

/* One delivery sweep at NOW: delivers every due row (at most MAX; 0: no
 * limit) and records each outcome. Without an SMTP URL, email rows stay
 * queued with last_error saying why. RD_EDB only when the database fails;
 * delivery failures are outcomes, not errors. ST may be NULL. */
enum rd_err rd_outbox_sweep(struct rd_store *s, const struct rd_mail_settings *ms, int64_t now, int max,
			    struct rd_sweep_stats *st, char **errmsg);

/* The outbox, newest first: STATUS NULL for all, else queued, sending,
 * sent or failed (RD_EINVAL otherwise); at most LIMIT rows (0: 500). */
enum rd_err rd_outbox_list(struct rd_store *s, const char *status, int limit, json_t **out,
			   char **errmsg);

/* Counts per status: {"queued": n, "sending": n, "sent": n, "failed": n}. */
enum rd_err rd_outbox_counts(struct rd_store *s, json_t **out, char **errmsg);

#endif
