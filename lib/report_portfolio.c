/* report_portfolio.c — the portfolio report: a period's recovery for
 * leadership (report.h). It gathers what lib/metrics.c and lib/trust.c
 * already compute — the headline figures, every client's trust most at
 * risk first with its top reason, and the five charts — into one view,
 * and lays that view out as report blocks for report_render.c. */
#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "redress/metrics.h"
#include "redress/report.h"
#include "redress/time.h"
#include "redress/trust.h"
#include "util/buf.h"

#define TREND_CLIENTS 5   /* clients drawn on the trust-over-time chart */

static json_t *num_or_null(json_t *v)
{
	return json_is_number(v) ? json_real(json_number_value(v)) : json_null();
}

static json_t *jget(json_t *o, const char *path1, const char *path2)
{
	json_t *x = json_object_get(o, path1);
	return path2 ? json_object_get(x, path2) : x;
}

/* The on-time rate over every step: on time / (on time + late + overdue),
 * the per-step rate of docs/metrics.md summed over the steps. */
static json_t *on_time_overall(json_t *steps)
{
	json_int_t on = 0, due = 0;
	size_t i;
	json_t *st;
	json_array_foreach(steps, i, st) {
		json_int_t o = json_integer_value(json_object_get(st, "on_time"));
		on += o;
		due += o + json_integer_value(json_object_get(st, "late")) +
		       json_integer_value(json_object_get(st, "overdue"));
	}
	return due ? json_real((double)on / (double)due) : json_null();
}

static json_t *bar_chart(const char *title, const char *unit)
{
	return json_pack("{ss ss ss s[]}", "kind", "bar", "title", title, "unit", unit, "bars");
}

static void bar(json_t *chart, const char *label, json_t *value)
{
	json_array_append_new(json_object_get(chart, "bars"),
			      json_pack("{ss so}", "label", label ? label : "", "value", value));
}

/* Keeps at most MAX bars of CHART when it has more: the MAX with the
 * highest values (HIGHEST) or the lowest, n/a last, and says so in the
 * title — a thousand failures would not fit one chart, and the ones to
 * look at are the extremes. */
#define MAX_BARS 12
static int highest_first(const void *a, const void *b)
{
	json_t *x = json_object_get(*(json_t *const *)a, "value"), *y = json_object_get(*(json_t *const *)b, "value");
	if (!json_is_number(x) || !json_is_number(y))
		return json_is_number(x) ? -1 : json_is_number(y) ? 1 : 0;
	double d = json_number_value(y) - json_number_value(x);
	return d > 0 ? 1 : d < 0 ? -1 : 0;
}
static int lowest_first(const void *a, const void *b)
{
	json_t *x = json_object_get(*(json_t *const *)a, "value"), *y = json_object_get(*(json_t *const *)b, "value");
	if (!json_is_number(x) || !json_is_number(y))
		return json_is_number(x) ? -1 : json_is_number(y) ? 1 : 0;
	return -highest_first(a, b);
}
static void cap(json_t *chart, bool highest, const char *which)
{
	json_t *bars = json_object_get(chart, "bars");
	size_t n = json_array_size(bars);
	if (n <= MAX_BARS)
		return;
	json_t **v = malloc(n * sizeof *v);
	if (!v)
		return;
	for (size_t i = 0; i < n; i++)
		v[i] = json_incref(json_array_get(bars, i));
	qsort(v, n, sizeof *v, highest ? highest_first : lowest_first);
	json_array_clear(bars);
	for (size_t i = 0; i < n; i++) {
		if (i < MAX_BARS)
			json_array_append(bars, v[i]);
		json_decref(v[i]);
	}
	free(v);
	char t[200];
	snprintf(t, sizeof t, "%s: the %d %s of %zu", json_string_value(json_object_get(chart, "title")), MAX_BARS,
		 which, n);
	json_object_set_new(chart, "title", json_string(t));
}

/* The metrics of the period grouped BY (new reference in *out). */
static enum rd_err grouped(struct rd_store *s, int64_t now, int64_t from, int64_t to, enum rd_metrics_by by,
			   json_t **out, char **errmsg)
{
	return rd_metrics(s, now, from, to, by, out, errmsg);
}

/* The trust of CLIENT_ID over [FROM, AS_OF] as chart points: the score
 * recomputed from the client's facts (rd_trust_client_json at each
 * instant: facts after it are not known yet) at SAMPLES evenly spaced
 * instants and at AS_OF. Recomputing, rather than reading trust_history,
 * shows the curve also for the days before the history was first
 * recorded, and ends at the score the portfolio shows. */
#define SAMPLES 30
static enum rd_err trust_series(struct rd_store *s, int64_t client_id, const char *name, int64_t from,
				int64_t as_of, json_t *series, char **errmsg)
{
	enum rd_err rc = RD_OK;
	json_t *pts = json_array();
	for (int k = 0; k <= SAMPLES; k++) {
		int64_t at = k == SAMPLES ? as_of : from + (as_of - from) / SAMPLES * k;
		json_t *t = NULL;
		if ((rc = rd_trust_client_json(s, client_id, at, &t, errmsg)))
			goto out;
		json_array_append_new(pts, json_pack("[IO]", (json_int_t)at, json_object_get(t, "score")));
		json_decref(t);
	}
	json_array_append_new(series, json_pack("{ss sO}", "name", name, "points", pts));
out:
	json_decref(pts);
	return rc;
}

enum rd_err rd_report_portfolio_view(struct rd_store *s, int64_t now, int64_t from, int64_t to, int top,
				     json_t **out, char **errmsg)
{
	enum rd_err rc;
	json_t *v = NULL, *m = NULL, *tier = NULL, *owner = NULL, *fail = NULL, *port = NULL;
	if (from >= to)
		return rd_fail(RD_EINVAL, errmsg, "--from must be before --to");
	int64_t as_of = to < now ? to : now;
	if ((rc = grouped(s, now, from, to, RD_METRICS_OVERALL, &m, errmsg)) ||
	    (rc = grouped(s, now, from, to, RD_METRICS_TIER, &tier, errmsg)) ||
	    (rc = grouped(s, now, from, to, RD_METRICS_OWNER, &owner, errmsg)) ||
	    (rc = grouped(s, now, from, to, RD_METRICS_FAILURE, &fail, errmsg)) ||
	    (rc = rd_trust_portfolio(s, as_of, 0, &port, errmsg)))
		goto out;
	json_t *ov = json_object_get(m, "overall");
	char ts[RD_TIME_BUFSZ];
	v = json_object();
	json_object_set(v, "from", json_object_get(m, "from"));
	json_object_set(v, "to", json_object_get(m, "to"));
	json_object_set(v, "as_of", json_object_get(m, "as_of"));
	json_object_set_new(v, "generated_at", json_string(rd_time_format(now, ts)));
	json_object_set_new(
		v, "headline",
		json_pack("{sO sO so so so so so so sO}", "failures", json_object_get(ov, "failures"),
			  "affected_clients", json_object_get(ov, "affected_clients"), "apology_median_seconds",
			  num_or_null(jget(ov, "time_to_apology", "median_seconds")), "apology_p90_seconds",
			  num_or_null(jget(ov, "time_to_apology", "p90_seconds")), "on_time_rate",
			  on_time_overall(json_object_get(ov, "steps")), "promise_kept_rate",
			  num_or_null(jget(ov, "promises", "kept_rate")), "chases_per_client",
			  num_or_null(jget(ov, "chases", "per_affected_client")), "survey_mean",
			  num_or_null(jget(ov, "survey", "mean")), "survey_answers",
			  jget(ov, "survey", "answers")));

	/* the portfolio: counts over every client, the TOP most at risk in full */
	json_int_t falling = 0, rising = 0, steady = 0;
	json_t *rows = json_array(), *c;
	size_t i;
	json_array_foreach(port, i, c) {
		const char *label = json_string_value(json_object_get(c, "label"));
		if (label && strcmp(label, "falling") == 0)
			falling++;
		else if (label && strcmp(label, "rising") == 0)
			rising++;
		else
			steady++;
		if (top > 0 && (int)i >= top)
			continue;
		json_t *t = NULL;
		if ((rc = rd_trust_client_json(s, json_integer_value(json_object_get(c, "client_id")), as_of, &t,
					       errmsg))) {
			json_decref(rows);
			goto out;
		}
		json_t *row = json_deep_copy(c);
		json_t *reason = json_object_get(json_array_get(json_object_get(t, "explanation"), 0), "reason");
		json_object_set(row, "top_reason", reason ? reason : json_null());
		json_array_append_new(rows, row);
		json_decref(t);
	}
	json_object_set_new(v, "clients", json_integer((json_int_t)json_array_size(port)));
	json_object_set_new(v, "falling", json_integer(falling));
	json_object_set_new(v, "rising", json_integer(rising));
	json_object_set_new(v, "steady", json_integer(steady));
	json_object_set_new(v, "portfolio", rows);

	/* the charts */
	json_t *charts = json_array(), *g;
	json_object_set_new(v, "charts", charts);
	int64_t from_t = 0, to_t = 0;
	rd_time_parse(json_string_value(json_object_get(m, "from")), &from_t, NULL);
	to_t = as_of;
	json_t *line = json_pack("{ss ss sI sI s[]}", "kind", "line", "title", "Trust over time: the most at risk",
				 "from", (json_int_t)from_t, "to", (json_int_t)to_t, "series");
	json_array_append_new(charts, line);
	json_array_foreach(rows, i, c) {
		if (i >= TREND_CLIENTS)
			break;
		if ((rc = trust_series(s, json_integer_value(json_object_get(c, "client_id")),
				       json_string_value(json_object_get(c, "client")), from_t, as_of,
				       json_object_get(line, "series"), errmsg)))
			goto out;
	}
	json_t *ch = bar_chart("Time to apology by tier (median, hours)", "h");
	json_array_foreach(json_object_get(tier, "groups"), i, g) {
		json_t *med = jget(g, "time_to_apology", "median_seconds");
		bar(ch, json_string_value(json_object_get(g, "label")),
		    json_is_number(med) ? json_real(json_number_value(med) / 3600.0) : json_null());
	}
	json_array_append_new(charts, ch);
	ch = bar_chart("On-time rate by step", "%");
	json_array_foreach(json_object_get(ov, "steps"), i, g)
		bar(ch, json_string_value(json_object_get(g, "title")), num_or_null(json_object_get(g, "on_time_rate")));
	json_array_append_new(charts, ch);
	ch = bar_chart("Chases per affected client, by failure", "");
	json_array_foreach(json_object_get(fail, "groups"), i, g)
		bar(ch, json_string_value(json_object_get(g, "label")),
		    num_or_null(jget(g, "chases", "per_affected_client")));
	cap(ch, true, "most chased");
	json_array_append_new(charts, ch);
	ch = bar_chart("Promise-kept rate by owner", "%");
	json_array_foreach(json_object_get(owner, "groups"), i, g) {
		const char *label = json_string_value(json_object_get(g, "label"));
		bar(ch, label && *label ? label : "(no owner)", num_or_null(jget(g, "promises", "kept_rate")));
	}
	cap(ch, false, "lowest");
	json_array_append_new(charts, ch);
	*out = v;
	v = NULL;
out:
	json_decref(v);
	json_decref(m);
	json_decref(tier);
	json_decref(owner);
	json_decref(fail);
	json_decref(port);
	return rc;
}

/* ---- blocks ---- */

static void add(json_t *b, enum rd_report_block t, const char *label, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void add(json_t *b, enum rd_report_block t, const char *label, const char *fmt, ...)
{
	struct rd_buf x = RD_BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	rd_buf_vaddf(&x, fmt, ap);
	va_end(ap);
	json_array_append_new(b, json_pack("{si ss ss}", "t", (int)t, "label", label ? label : "", "text",
					   x.data ? x.data : ""));
	rd_buf_free(&x);
}

/* "2.0 h", "45 min", or "none yet" for a duration in seconds. */
static void dur(char *t, size_t n, json_t *v)
{
	if (!json_is_number(v))
		snprintf(t, n, "none yet");
	else if (json_number_value(v) < 3600)
		snprintf(t, n, "%.0f min", json_number_value(v) / 60);
	else
		snprintf(t, n, "%.1f h", json_number_value(v) / 3600);
}

static void pct(char *t, size_t n, json_t *v)
{
	if (json_is_number(v))
		snprintf(t, n, "%.0f%%", json_number_value(v) * 100);
	else
		snprintf(t, n, "none due yet");
}

json_t *rd_report_portfolio_blocks(json_t *v)
{
	json_t *b = json_array(), *h = json_object_get(v, "headline");
	const char *from = json_string_value(json_object_get(v, "from"));
	const char *asof = json_string_value(json_object_get(v, "as_of"));
	char a[32], c[32];
	add(b, RD_RB_TITLE, NULL, "Portfolio report: recovery from %.10s to %.10s", from ? from : "-",
	    asof ? asof : "-");
	add(b, RD_RB_META, NULL, "Failures detected from %s to %s, as they stood at %s",
	    from ? from : "-", json_string_value(json_object_get(v, "to")), asof ? asof : "-");
	add(b, RD_RB_META, NULL, "Generated %s", json_string_value(json_object_get(v, "generated_at")));

	add(b, RD_RB_H, NULL, "Headline figures");
	add(b, RD_RB_ITEM, "Failures", "%" JSON_INTEGER_FORMAT " affecting %" JSON_INTEGER_FORMAT " clients",
	    json_integer_value(json_object_get(h, "failures")),
	    json_integer_value(json_object_get(h, "affected_clients")));
	dur(a, sizeof a, json_object_get(h, "apology_median_seconds"));
	dur(c, sizeof c, json_object_get(h, "apology_p90_seconds"));
	add(b, RD_RB_ITEM, "Time to apology", "median %s, 90th percentile %s", a, c);
	pct(a, sizeof a, json_object_get(h, "on_time_rate"));
	add(b, RD_RB_ITEM, "Steps on time", "%s", a);
	pct(a, sizeof a, json_object_get(h, "promise_kept_rate"));
	add(b, RD_RB_ITEM, "Promises kept", "%s", a);
	json_t *cp = json_object_get(h, "chases_per_client");
	if (json_is_number(cp))
		add(b, RD_RB_ITEM, "Chases per affected client", "%.2f", json_number_value(cp));
	else
		add(b, RD_RB_ITEM, "Chases per affected client", "no affected client");
	json_t *sm = json_object_get(h, "survey_mean");
	if (json_is_number(sm))
		add(b, RD_RB_ITEM, "Survey", "mean %.1f out of 10 (%" JSON_INTEGER_FORMAT " %s)",
		    json_number_value(sm), json_integer_value(json_object_get(h, "survey_answers")),
		    json_integer_value(json_object_get(h, "survey_answers")) == 1 ? "answer" : "answers");
	else
		add(b, RD_RB_ITEM, "Survey", "no answer yet");

	add(b, RD_RB_H, NULL, "Trust portfolio: most at risk first");
	add(b, RD_RB_P, NULL,
	    "%" JSON_INTEGER_FORMAT " clients: %" JSON_INTEGER_FORMAT " falling, %" JSON_INTEGER_FORMAT
	    " rising, %" JSON_INTEGER_FORMAT " steady.",
	    json_integer_value(json_object_get(v, "clients")), json_integer_value(json_object_get(v, "falling")),
	    json_integer_value(json_object_get(v, "rising")), json_integer_value(json_object_get(v, "steady")));
	size_t i;
	json_t *r;
	json_array_foreach(json_object_get(v, "portfolio"), i, r) {
		json_int_t trend = json_integer_value(json_object_get(r, "trend"));
		add(b, RD_RB_ITEM, json_string_value(json_object_get(r, "client")),
		    "score %" JSON_INTEGER_FORMAT " · %s (%+" JSON_INTEGER_FORMAT " points) · %s client",
		    json_integer_value(json_object_get(r, "score")), json_string_value(json_object_get(r, "label")),
		    trend, json_string_value(json_object_get(r, "tier")));
		const char *why = json_string_value(json_object_get(r, "top_reason"));
		add(b, RD_RB_P, "Why", "%s", why ? why : "no event counts against this client");
	}
	if (json_array_size(json_object_get(v, "portfolio")) == 0)
		add(b, RD_RB_NOTE, NULL, "No client yet.");

	add(b, RD_RB_H, NULL, "Charts");
	json_array_foreach(json_object_get(v, "charts"), i, r)
		json_array_append_new(b, json_pack("{si ss ss sO}", "t", (int)RD_RB_CHART, "label", "", "text", "",
						   "chart", r));
	return b;
}
