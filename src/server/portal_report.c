/* portal_report.c — the client-facing post-incident report on the portal
 * (GET /portal/failures/{id}/report, and …/report.pdf): the client form of
 * lib/report.c for the request's client only, once the review is published
 * to clients (its client-facing text is written). Before that, and for a
 * failure the client cannot see, it is a 404 like any unknown page. */
#include <stdlib.h>

#include "redress/report.h"
#include "web_pages.h"

static int report(const struct rd_page_req *q, struct rd_page_resp *r, bool pdf)
{
	int64_t fid;
	if (!portal_failure_gate(q, r, &fid))
		return web_done(r);
	json_t *view = NULL;
	struct rd_portal_id who = portal_who(q);
	enum rd_err rc = rd_portal_report(q->store, &who, fid, q->now, &view, NULL);
	if (rc == RD_ENOTFOUND || rc == RD_EPERM)
		return web_not_found(q, r);
	if (rc == RD_OK) {
		rd_buf_free(&r->body);
		rc = pdf ? rd_report_pdf(view, &r->body, NULL) : rd_report_html(view, "/portal/report.css", &r->body, NULL);
	}
	json_decref(view);
	if (rc)
		return web_read_failed(q, r, rc, "The report could not be made. Please try again later.");
	r->content_type = pdf ? "application/pdf" : "text/html; charset=utf-8";
	return web_done(r);
}

/* The report's stylesheet: the server's CSP refuses inline styles. */
int portal_report_css(const struct rd_page_req *q, struct rd_page_resp *r)
{
	rd_buf_adds(&r->body, rd_report_css);
	r->content_type = "text/css; charset=utf-8";
	return web_done(r);
}

int portal_report(const struct rd_page_req *q, struct rd_page_resp *r)
{
	return report(q, r, false);
}

int portal_report_pdf(const struct rd_page_req *q, struct rd_page_resp *r)
{
	return report(q, r, true);
}
