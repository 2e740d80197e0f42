/* report.h — the post-incident report of one failure, in two forms:
 *
 * internal: the whole story for staff — impact per client, the full
 *   timeline (internal notes too), root cause with the whys, category and
 *   findings, the plan and every ETA revision, commitments and goodwill with
 *   their notes, the review (internal and client texts), lessons and the
 *   follow-up actions.
 * client: what one client may read — their impact, the updates sent to
 *   them (visibility "client"), the client explanation of the cause, the
 *   plan's actions for everyone or for them, only the ETA revisions clients
 *   were told, their commitments and approved or delivered goodwill (no
 *   notes), and the review's client-facing text. Every section is built
 *   from named fields (a whitelist), so an internal field added later does
 *   not leak into it.
 *
 * A review is published to a client when its client-facing text is
 * written: rd_report_published says so (the portal serves the client form
 * only then).
 *
 * The view is a JSON object (rd_report_view); rd_report_html and
 * rd_report_pdf render it. Ownership: *out is NEW (json_decref); rendered
 * bytes are appended to a caller-owned struct rd_buf; errmsg as in err.h. */
#ifndef REDRESS_REPORT_H
#define REDRESS_REPORT_H
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "redress/err.h"
#include "redress/store.h"

struct rd_buf; /* util/buf.h */

enum rd_report_form { RD_REPORT_INTERNAL = 0, RD_REPORT_CLIENT };

/* "internal" or "client" → *out; RD_EINVAL naming the accepted ones. */
enum rd_err rd_report_form_parse(const char *s, enum rd_report_form *out, char **errmsg);

/* The report of FAILURE_ID. The client form needs CLIENT_ID (a client the
 * failure affected: RD_ENOTFOUND otherwise, the same as no such failure);
 * the internal form ignores it. NOW dates the report. */
enum rd_err rd_report_view(struct rd_store *s, int64_t failure_id, enum rd_report_form form,
			   int64_t client_id, int64_t now, json_t **out, char **errmsg);

/* True (*yes) when FAILURE_ID has a review whose client-facing text is
 * written and the failure affected CLIENT_ID. */
enum rd_err rd_report_published(struct rd_store *s, int64_t failure_id, int64_t client_id, bool *yes,
				char **errmsg);

/* A standalone, printable HTML page of VIEW (borrowed): every text escaped,
 * its own small stylesheet (rd_report_css) inline, no scripts. CSS_HREF, when
 * not NULL, links the stylesheet from there instead: a server whose
 * Content-Security-Policy refuses inline styles serves rd_report_css there. */
enum rd_err rd_report_html(json_t *view, const char *css_href, struct rd_buf *out, char **errmsg);
extern const char rd_report_css[];

/* An A4 PDF of VIEW (borrowed), laid out with Pango on a cairo PDF surface:
 * headings, wrapped paragraphs, page numbers, a real text layer, the title
 * in the document's metadata. */
enum rd_err rd_report_pdf(json_t *view, struct rd_buf *out, char **errmsg);

/* ---- blocks: what both renderers lay out ----
 *
 * A report is a JSON array of blocks {"t": enum rd_report_block, "label":
 * optional string, "text": string} — a chart block carries "chart" (a
 * chart.h description) instead of text. The post-incident report builds
 * its blocks from its view; the portfolio report below builds its own and
 * renders them through the same two functions (BLOCKS borrowed). */
enum rd_report_block {
	RD_RB_TITLE = 0, RD_RB_META, RD_RB_H, RD_RB_H3, RD_RB_P, RD_RB_ITEM, RD_RB_NOTE, RD_RB_CHART
};
enum rd_err rd_report_blocks_html(json_t *blocks, const char *css_href, struct rd_buf *out, char **errmsg);
enum rd_err rd_report_blocks_pdf(json_t *blocks, struct rd_buf *out, char **errmsg);

/* ---- the portfolio report (lib/report_portfolio.c) ----
 *
 * A period's recovery for leadership, for the failures detected in [FROM,
 * TO) as rd_metrics counts them (as of min(TO, NOW)), and the trust of
 * every client at that instant. *out is a new object
 *   {from, to, as_of, generated_at,
 *    headline: {failures, affected_clients, apology_median_seconds,
 *               apology_p90_seconds, on_time_rate, promise_kept_rate,
 *               chases_per_client, survey_mean, survey_answers},
 *    clients, falling, rising, steady,
 *    portfolio: [{client_id, client, tier, score, trend, label, risk,
 *                 top_reason}…] (the TOP most at risk, first first),
 *    charts: [chart.h descriptions: trust over time of the five most at
 *             risk, time to apology by tier, on-time rate by step, chases
 *             per failure, promise-kept rate by owner]}.
 * Rates are null where nothing fell due. RD_EINVAL when FROM >= TO. */
enum rd_err rd_report_portfolio_view(struct rd_store *s, int64_t now, int64_t from, int64_t to, int top,
				     json_t **out, char **errmsg);
/* The blocks of a portfolio VIEW (borrowed): a new array. */
json_t *rd_report_portfolio_blocks(json_t *view);

#endif
