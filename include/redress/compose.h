/* compose.h — the composer: checking a message in the context of its
 * client and failure, and drafting one from its template.
 *
 * The checker itself (check.h) knows nothing of the database; here the
 * stored narrative becomes its context — whether the obligation this
 * message meets is already overdue (element.late-ack), what this client and
 * the failure's other clients were told before (fact.contradiction), the
 * elements the policy requires — and the model becomes a template's view. */
#ifndef REDRESS_COMPOSE_H
#define REDRESS_COMPOSE_H
#include <jansson.h>
#include <stdint.h>

#include "redress/check.h"
#include "redress/store.h"

/* Everything rd_check needs beyond the text. Owns its memory. */
struct rd_check_context {
	struct rd_check_opts opts;
	struct rd_prior_fact *prior;
	size_t n_prior;
	json_t *extra_words;
	char *tz, *client_name, *kind;
	char **strings;
	size_t nstrings;
};

/* Fills CTX for a message of KIND sent at AT. FAILURE_ID and CLIENT_ID may
 * be 0 (no context: only the policy's elements and word lists). The CALLER
 * frees CTX with rd_check_context_free, also after a failure. */
enum rd_err rd_check_context_build(struct rd_store *s, const char *kind, int64_t failure_id,
				   int64_t client_id, int64_t at, struct rd_check_context *ctx,
				   char **errmsg);
void rd_check_context_free(struct rd_check_context *ctx);

/* The view a message template is rendered against (see
 * docs/internals/mustache.md): client, contact, failure, impact, rca, plan,
 * ETA history, point person, goodwill, next update, sender, survey link.
 * BASE_URL (borrowed) starts the links in it, without a trailing slash:
 * the caller resolves it (rd_base_url_resolve); NULL means
 * RD_BASE_URL_DEFAULT. *out is new. */
enum rd_err rd_draft_view(struct rd_store *s, int64_t failure_id, int64_t client_id, int64_t at,
			  int64_t sender_id, const char *base_url, json_t **out, char **errmsg);

/* The same in language LANG ("en", "de", "fr"; NULL = the client's own):
 * dates and amounts are written for it, and "lang" is in the view. Also
 * in the view: failure.subject (the failure as a noun phrase, "the
 * Payments API outage"), failure.resolved, impact.recorded, plan.has_eta,
 * plan.previous_eta_local/eta_reason (the latest ETA move), point_person
 * (who signs: the impact's point person, else the client's owner, else
 * SENDER_ID, with name, title, email, phone). RD_EINVAL for an unknown
 * LANG, naming the accepted ones. */
enum rd_err rd_draft_view_lang(struct rd_store *s, int64_t failure_id, int64_t client_id, int64_t at,
			       int64_t sender_id, const char *base_url, const char *lang, json_t **out,
			       char **errmsg);

/* True for a language drafts are written in: "en", "de", "fr". */
bool rd_draft_lang_valid(const char *lang);

/* RD_OK when a draft of KIND can be written honestly for this failure now;
 * else RD_EINVAL with *errmsg saying why and what to do (a progress update
 * or delay for a resolved failure, a resolution, follow-up, survey or
 * review before the fix, an RCA update or review without a client-facing
 * root cause, a plan without actions, a delay without a moved ETA). The
 * web composer offers only the kinds allowed. */
enum rd_err rd_draft_kind_allowed(struct rd_store *s, const char *kind, int64_t failure_id, int64_t client_id,
				  int64_t at, char **errmsg);

/* Drafts a message of KIND: loads the template (client, then tier, then
 * default), renders it as plain text, and checks the result in context.
 * BASE_URL as for rd_draft_view. *text is malloc'd; *result is new
 * (rd_check_result_free). Never sends. */
enum rd_err rd_draft(struct rd_store *s, const char *kind, int64_t failure_id, int64_t client_id,
		     int64_t at, int64_t sender_id, const char *base_url, char **text, struct rd_check_result **result,
		     char **errmsg);

/* The same in language LANG (NULL = the client's own): the template comes
 * from templates/<lang>/ for de and fr, and the check runs only the rules
 * that work in that language (check.h, rd_check_opts.lang). A kind that
 * cannot be drafted honestly now is RD_EINVAL (rd_draft_kind_allowed). */
enum rd_err rd_draft_lang(struct rd_store *s, const char *kind, int64_t failure_id, int64_t client_id,
			  int64_t at, int64_t sender_id, const char *base_url, const char *lang, char **text,
			  struct rd_check_result **result, char **errmsg);

#endif
