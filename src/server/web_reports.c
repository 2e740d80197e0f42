/* web_reports.c — the Reports page (GET /reports): the period's headline
 * figures, the five charts drawn on the server as SVG (lib/chart.c) and
 * the trust portfolio, most at risk first, with links to each client. It
 * shows the same view as `redress report portfolio` (lib/report_portfolio.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "redress/chart.h"
#include "redress/report.h"
#include "redress/time.h"
#include "web_pages.h"

#define REPORTS_DAYS 30
#define REPORTS_TOP 50

/* Query field KEY as a time into *t (DFLT when absent); false with a 422
 * page naming the field when it is not an ISO 8601 time. */
static bool query_time(const struct rd_page_req *q, struct rd_page_resp *r, const char *key, int64_t dflt,
		       int64_t *t)
{
	const char *v = web_query(q, key);
	char *err = NULL;
	if (!v || !*v) {
		*t = dflt;
		return true;
	}
	if (rd_time_parse(v, t, &err) == RD_OK)
		return true;
	char msg[300];
	snprintf(msg, sizeof msg, "'%s' is not a time: %s", key, err ? err : v);
	free(err);
	web_error_page(q, r, 422, msg);
	return false;
}

static void figure(struct rd_buf *b, const char *label, const char *value)
{
	web_html(b, "<div class=\"figure\"><span class=\"figlabel\">%s</span><span class=\"figvalue\">%s</span></div>\n",
		 label, value);
}

static void rate(char *t, size_t n, json_t *v)
{
	if (json_is_number(v))
		snprintf(t, n, "%.0f%%", json_number_value(v) * 100);
	else
		snprintf(t, n, "none due yet");
}

static void hours(char *t, size_t n, json_t *v)
{
	if (json_is_number(v))
		snprintf(t, n, "%.1f h", json_number_value(v) / 3600);
	else
		snprintf(t, n, "none yet");
}

int web_reports(const struct rd_page_req *q, struct rd_page_resp *r)
{
	int64_t from, to;
	if (!query_time(q, r, "to", q->now, &to) ||
	    !query_time(q, r, "from", to - (int64_t)REPORTS_DAYS * 86400, &from))
		return web_done(r);
	if (from >= to)
		return web_error_page(q, r, 422, "'from' must be before 'to'.");
	json_t *v = NULL;
	char *err = NULL;
	enum rd_err rc = rd_report_portfolio_view(q->store, q->now, from, to, REPORTS_TOP, &v, &err);
	if (rc) {
		int st = web_error_page(q, r, web_status_for(rc), web_err_text(rc, err, "The report could not be made."));
		free(err);
		return st;
	}
	struct rd_buf *b = &r->body;
	char f0[RD_TIME_BUFSZ], f1[RD_TIME_BUFSZ], t[64];
	web_page_begin(q, r, "Reports", "reports");
	web_html(b, "<div class=\"pagehead\"><h1>Reports</h1></div>\n"
		    "<form class=\"card period\" method=\"get\" action=\"/reports\">"
		    "<label>From <input type=\"text\" name=\"from\" value=\"%s\"></label> "
		    "<label>To <input type=\"text\" name=\"to\" value=\"%s\"></label> "
		    "<button type=\"submit\">Show</button></form>\n",
		 rd_time_format(from, f0), rd_time_format(to, f1));
	json_t *h = json_object_get(v, "headline");
	web_html(b, "<section class=\"card\" id=\"headline\"><h2>Headline figures</h2>"
		    "<p class=\"muted\">Failures detected from %s to %s, as they stood at %s.</p>\n<div class=\"figures\">\n",
		 web_jstr(v, "from"), web_jstr(v, "to"), web_jstr(v, "as_of"));
	snprintf(t, sizeof t, "%lld on %lld clients", (long long)web_jint(h, "failures"),
		 (long long)web_jint(h, "affected_clients"));
	figure(b, "Failures", t);
	hours(t, sizeof t, json_object_get(h, "apology_median_seconds"));
	figure(b, "Time to apology, median", t);
	hours(t, sizeof t, json_object_get(h, "apology_p90_seconds"));
	figure(b, "Time to apology, p90", t);
	rate(t, sizeof t, json_object_get(h, "on_time_rate"));
	figure(b, "Steps on time", t);
	rate(t, sizeof t, json_object_get(h, "promise_kept_rate"));
	figure(b, "Promises kept", t);
	json_t *x = json_object_get(h, "chases_per_client");
	snprintf(t, sizeof t, json_is_number(x) ? "%.2f" : "none", json_number_value(x));
	figure(b, "Chases per client", t);
	x = json_object_get(h, "survey_mean");
	snprintf(t, sizeof t, json_is_number(x) ? "%.1f of 10" : "no answer yet", json_number_value(x));
	figure(b, "Survey mean", t);
	rd_buf_adds(b, "</div></section>\n<section class=\"card\" id=\"charts\"><h2>Charts</h2>\n");
	size_t i;
	json_array_foreach(json_object_get(v, "charts"), i, x) {
		rd_buf_adds(b, "<figure class=\"chart\">\n");
		if (rd_chart_svg(x, b, NULL))
			rd_buf_adds(b, "<p class=\"flash warning\">This chart could not be drawn.</p>\n");
		rd_buf_adds(b, "</figure>\n");
	}
	web_html(b, "</section>\n<section class=\"card\" id=\"portfolio\"><h2>Trust portfolio</h2>"
		    "<p class=\"muted\">%D clients: %D falling, %D rising, %D steady. Most at risk first.</p>\n"
		    "<table class=\"list\"><thead><tr><th>Client</th><th>Score</th><th>Trend</th><th>Top reason</th>"
		    "</tr></thead><tbody>\n",
		 web_jint(v, "clients"), web_jint(v, "falling"), web_jint(v, "rising"), web_jint(v, "steady"));
	json_array_foreach(json_object_get(v, "portfolio"), i, x) {
		const char *label = web_jstr(x, "label");
		web_html(b, "<tr><td><a href=\"/clients/%D\">%s</a> ", web_jint(x, "client_id"), web_jstr(x, "client"));
		if (web_jstr(x, "tier") && !strcmp(web_jstr(x, "tier"), "key"))
			web_badge(b, "key", "key");
		snprintf(t, sizeof t, "%s (%+lld)", label ? label : "steady", (long long)web_jint(x, "trend"));
		web_html(b, "</td><td>%D</td><td>", web_jint(x, "score"));
		web_badge(b, label && !strcmp(label, "falling") ? "red" : label && !strcmp(label, "rising") ? "green" : "",
			  t);
		web_html(b, "</td><td>%s</td></tr>\n",
			 web_jstr(x, "top_reason") ? web_jstr(x, "top_reason") : "no event counts against this client");
	}
	rd_buf_adds(b, "</tbody></table></section>\n");
	web_page_end(r, NULL);
	json_decref(v);
	return web_done(r);
}
