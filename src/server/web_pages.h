/* web_pages.h — the page functions of the staff web app and the client
 * portal, as web_routes.c lists them (one row each in rd_web_routes[]).
 * Each is a pure function of the request (see page.h); each file says which
 * pages it holds. Shared rendering pieces used by more than one page are
 * declared here too. */
#ifndef REDRESS_SERVER_WEB_PAGES_H
#define REDRESS_SERVER_WEB_PAGES_H
#include "page.h"
#include "redress/portal.h"
#include "web_layout.h"

/* web_agenda.c */
int web_agenda(const struct rd_page_req *q, struct rd_page_resp *r);

/* web_failure.c */
int web_failure_list(const struct rd_page_req *q, struct rd_page_resp *r);
int web_failure_room(const struct rd_page_req *q, struct rd_page_resp *r);

/* web_client.c */
int web_client_list(const struct rd_page_req *q, struct rd_page_resp *r);
int web_client_page(const struct rd_page_req *q, struct rd_page_resp *r);

/* web_composer.c */
int web_compose(const struct rd_page_req *q, struct rd_page_resp *r);
int web_compose_post(const struct rd_page_req *q, struct rd_page_resp *r);

/* web_forms.c */
int web_login(const struct rd_page_req *q, struct rd_page_resp *r);
int web_log_form(const struct rd_page_req *q, struct rd_page_resp *r);
int web_log_post(const struct rd_page_req *q, struct rd_page_resp *r);
int web_near_miss_form(const struct rd_page_req *q, struct rd_page_resp *r);
int web_near_miss_post(const struct rd_page_req *q, struct rd_page_resp *r);
int web_goodwill_list(const struct rd_page_req *q, struct rd_page_resp *r);
/* GET /outbox (web_outbox.c): queued, sent and failed email with errors. */
int web_outbox(const struct rd_page_req *q, struct rd_page_resp *r);
/* Whether serve has an SMTP server and a sender (set once at start, before
 * any request): the outbox page warns, the password form emails or prints. */
void web_mail_enable(bool on);
bool web_mail_enabled(void);
int web_goodwill_post(const struct rd_page_req *q, struct rd_page_resp *r);

/* web_reports.c: charts, headline figures and the trust portfolio */
int web_reports(const struct rd_page_req *q, struct rd_page_resp *r);

/* web_password.c */
int web_password_forgot(const struct rd_page_req *q, struct rd_page_resp *r);
int web_password_forgot_post(const struct rd_page_req *q, struct rd_page_resp *r);
int web_password_link(const struct rd_page_req *q, struct rd_page_resp *r);
int web_password_link_post(const struct rd_page_req *q, struct rd_page_resp *r);

/* portal_home.c */
int portal_home(const struct rd_page_req *q, struct rd_page_resp *r);
/* The request's portal identity, for the library's rd_portal_* calls. */
struct rd_portal_id portal_who(const struct rd_page_req *q);
/* The portal's one rule of visibility: failure FID is shown to the
 * request's client (q->portal_client_id) only when the client is recorded
 * as affected by it, or was sent a client-visible update about it. Every
 * portal page that names a failure asks this first and answers 404. */
bool portal_failure_visible(const struct rd_page_req *q, int64_t fid);
/* The same, for pages: answers R with 404 (not visible, or no such id) or
 * 500 (the database failed: never passed off as "not found") and returns
 * false; true with *fid set when the page may go on. */
bool portal_failure_gate(const struct rd_page_req *q, struct rd_page_resp *r, int64_t *fid);
/* The contact's client record (new reference) or NULL; *rc (may be NULL)
 * tells a missing client (RD_ENOTFOUND) from a database error. */
json_t *portal_client(const struct rd_page_req *q, enum rd_err *rc);
/* Answers R for a failed portal_client: 404 when there is no client, 500
 * when the database failed. */
int portal_no_client(const struct rd_page_req *q, struct rd_page_resp *r, enum rd_err rc);
/* portal_failure.c */
int portal_failure(const struct rd_page_req *q, struct rd_page_resp *r);
int portal_ask(const struct rd_page_req *q, struct rd_page_resp *r);
int portal_survey(const struct rd_page_req *q, struct rd_page_resp *r);
/* portal_report.c: the client form of the post-incident report, HTML or PDF */
int portal_report(const struct rd_page_req *q, struct rd_page_resp *r);
int portal_report_pdf(const struct rd_page_req *q, struct rd_page_resp *r);
int portal_report_css(const struct rd_page_req *q, struct rd_page_resp *r);

/* ---- shared pieces (web_failure.c) ---- */

/* One timeline entry for communication record C (from rd_failure_show or
 * a client's list); SHOW_CLIENT adds the client's name, else the failure
 * it was about. Staff pages only. */
void web_comm_entry(struct rd_buf *b, const struct web_names *nm, json_t *c, bool show_client);
/* A goodwill row with its decision buttons (shown by role); BACK is
 * "failure", "client" or "list": where the decision returns to. */
void web_goodwill_row(struct rd_buf *b, const struct rd_page_req *q, const struct web_names *nm,
		      json_t *g, const char *back);
/* A commitment row. */
void web_commitment_row(struct rd_buf *b, const struct web_names *nm, json_t *k, bool show_client);
/* The obligations of track (FAILURE_ID, CLIENT_ID) as a compact list;
 * TRACKS is an array as rd_obligations_json returns it. */
void web_obligation_list(struct rd_buf *b, const struct rd_page_req *q, json_t *tracks, int64_t failure_id,
			 int64_t client_id);

int web_favicon(const struct rd_page_req *req, struct rd_page_resp *resp);
int web_static(const struct rd_page_req *req, struct rd_page_resp *resp);

#endif
