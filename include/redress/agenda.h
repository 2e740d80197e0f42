/* agenda.h — the communication clock over the database: each track's
 * obligations computed from the stored narrative, kept in the obligations
 * table, and read back as the agenda, a track's schedule, and calendars.
 *
 * The pure rules are in clock.h (rd_clock_compute); this is where they meet
 * the store. Ownership as in model.h: json_t **out is a new reference,
 * char **errmsg a malloc'd message, both for the CALLER to release. */
#ifndef REDRESS_AGENDA_H
#define REDRESS_AGENDA_H
#include <jansson.h>
#include <stdint.h>

#include "redress/clock.h"
#include "redress/model.h"
#include "redress/policy.h"
#include "redress/store.h"

/* Chooses the policy file of this process (NULL or "": the default). The
 * front calls it once at start (the CLI passes $REDRESS_POLICY), before
 * anything uses the policy: RD_ESTATE once the policy is loaded. The file
 * is read on first use, so a bad one is reported by what needs it. */
enum rd_err rd_policy_select(const char *path, char **errmsg);

/* The policy in force for this process: the file chosen by
 * rd_policy_select, else the default. Loaded once; borrowed, never freed. */
enum rd_err rd_policy_in_force(const struct rd_policy **out, char **errmsg);

/* Computes the obligations of track (FAILURE, CLIENT) as they stand at AT
 * straight from the narrative. OUT is filled; the CALLER frees it with
 * rd_clock_result_free (also after a failure). */
enum rd_err rd_track_compute(struct rd_store *s, int64_t failure_id, int64_t client_id, int64_t at,
			     struct rd_clock_result *out, char **errmsg);

/* The schedule of one failure (CLIENT 0: every affected client) at AT, as a
 * JSON array of obligations with their state, lateness, escalation level and
 * the client's local due time. */
enum rd_err rd_obligations_json(struct rd_store *s, int64_t failure_id, int64_t client_id,
				int64_t at, json_t **out, char **errmsg);

struct rd_jw;
/* The object rd_obligations_json puts in its array for client CLIENT_ID,
 * computed from the track's history, written into W (a struct rd_jw,
 * lib/util/jsonw.h: for the library's own readers; a writer failure stays
 * in w->err), CLIENT_NAME and TZ (borrowed) the client's name (NULL for
 * null) and zone: the one implementation of a track object, which
 * rd_obligations_json runs building its tree. */
enum rd_err rd_track_computed_write(struct rd_store *s, int64_t failure_id, int64_t client_id, int64_t at,
				    const char *client_name, const char *tz, struct rd_jw *w, char **errmsg);
/* Track (FAILURE, CLIENT) at AT read from its stored obligations, without
 * recomputing the clock: the object rd_track_computed_write writes, equal
 * to it, written into W. The rows answer for AT only when the track is
 * stored (affected, not a draft), every row is one the clock wrote (its
 * texts UTF-8), and AT lies between the last write's present (or the
 * track's last event, if later) and the horizon they were generated to;
 * otherwise *written is false, nothing is written, and the caller computes. */
enum rd_err rd_track_stored_write(struct rd_store *s, int64_t failure_id, int64_t client_id, int64_t at,
				  const char *client_name, const char *tz, struct rd_jw *w, bool *written,
				  char **errmsg);

/* The agenda at AT: obligations overdue, then due within the policy's
 * due-soon window (WINDOW seconds if > 0), most urgent first. OWNER_ID 0
 * means everyone's. Each row has failure, client, kind, due (UTC and the
 * client's local time), owner, state, lateness and escalation level. NOW
 * is the caller's present: tracks are extended from it, and escalations
 * due by AT are stored only when AT is not after NOW. Promises (commitments
 * open or renegotiated at AT) past their due time are rows too, of kind
 * "promise", with commitment_id and text and a null obligation_id. */
enum rd_err rd_agenda(struct rd_store *s, int64_t now, int64_t at, int64_t owner_id, int64_t window,
		      json_t **out, char **errmsg);

/* Obligations of a staff owner (OWNER_ID) or a client (CLIENT_ID) as an
 * iCalendar feed, *out malloc'd. One of the two ids is 0. */
enum rd_err rd_agenda_calendar(struct rd_store *s, int64_t owner_id, int64_t client_id, int64_t at,
			       char **out, char **errmsg);

/* Waives obligation KEY of track (FAILURE, CLIENT): needs a reason and a
 * manager or admin. */
enum rd_err rd_obligation_waive(struct rd_store *s, const struct rd_actor *a, int64_t failure_id,
				int64_t client_id, const char *key, const char *reason, int64_t at,
				char **errmsg);

/* Stores an escalation event for every obligation overdue at NOW (level 1
 * to its owner from its due time, level 2 to the owner's manager after the
 * policy's delay), once per obligation and level, for the notification work
 * to deliver. *n (may be NULL) gets how many new events were stored. The
 * server runs this every minute; `redress escalate` runs it from cron.
 * With several processes on one database one sweeps at a time
 * (rd_store_job_try_lock): a call that finds another sweeping stores
 * nothing, sets *n to 0 and returns RD_OK — the other stores what is due. */
enum rd_err rd_escalate(struct rd_store *s, int64_t now, int64_t *n, char **errmsg);

/* Recomputes every track's stored obligations (after a policy change or a
 * bulk import) as of NOW, committing every 500 tracks; *n gets the number of
 * tracks. */
enum rd_err rd_tracks_refresh_all(struct rd_store *s, int64_t now, int64_t *n, char **errmsg);

/* Suggests goodwill for CLIENT of FAILURE from the policy (severity, tier,
 * yearly value, recorded financial impact, SLA credit terms, outage length:
 * an unresolved failure's runs until NOW). */
enum rd_err rd_goodwill_suggest_for(struct rd_store *s, int64_t failure_id, int64_t client_id,
				    int64_t now, struct rd_goodwill_suggestion *out, char **errmsg);

#endif
