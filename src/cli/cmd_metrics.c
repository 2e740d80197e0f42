/* cmd_metrics.c — `redress metrics`: the recovery metrics of a period
 * (redress/metrics.h, defined in docs/metrics.md), as JSON or as a table
 * per group with human labels and durations like "2 h 15 min". */
#include <inttypes.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "redress/metrics.h"
#include "redress/time.h"

#define DEFAULT_DAYS 90

/* "2 d 3 h", "2 h 15 min", "45 min", "30 s". */
static const char *duration(int64_t s, char *buf, size_t n)
{
	const char *sign = s < 0 ? "-" : "";
	if (s < 0)
		s = -s;
	if (s >= 86400)
		snprintf(buf, n, "%s%" PRId64 " d %" PRId64 " h", sign, s / 86400, (s % 86400) / 3600);
	else if (s >= 3600 && (s % 3600) / 60)
		snprintf(buf, n, "%s%" PRId64 " h %" PRId64 " min", sign, s / 3600, (s % 3600) / 60);
	else if (s >= 3600)
		snprintf(buf, n, "%s%" PRId64 " h", sign, s / 3600);
	else if (s >= 60)
		snprintf(buf, n, "%s%" PRId64 " min", sign, s / 60);
	else
		snprintf(buf, n, "%s%" PRId64 " s", sign, s);
	return buf;
}

static const char *dur_of(json_t *o, const char *key, char *buf, size_t n)
{
	json_t *v = json_object_get(o, key);
	return json_is_integer(v) ? duration(json_integer_value(v), buf, n) : "-";
}

static const char *pct(json_t *v, char *buf, size_t n)
{
	if (!json_is_number(v))
		return "-";
	snprintf(buf, n, "%.0f %%", json_number_value(v) * 100.0);
	return buf;
}

static int64_t iv(json_t *o, const char *key)
{
	return json_integer_value(json_object_get(o, key));
}

#define LABEL "  %-22s "

static void print_group(json_t *g, const char *heading)
{
	char a[48], b[48], c[48];
	printf("%s: %" PRId64 " failure(s), %" PRId64 " affected client(s)\n", heading, iv(g, "failures"),
	       iv(g, "affected_clients"));
	json_t *t = json_object_get(g, "time_to_apology");
	printf(LABEL "median %s, p90 %s (%" PRId64 " apologised, %" PRId64 " still waiting)\n",
	       "Time to apology", dur_of(t, "median_seconds", a, sizeof a), dur_of(t, "p90_seconds", b, sizeof b),
	       iv(t, "apologised"), iv(t, "waiting"));
	json_t *p = json_object_get(g, "promises");
	if (json_is_number(json_object_get(p, "kept_rate")))
		printf(LABEL "%s kept on time, %s kept at all (%" PRId64 " on time, %" PRId64 " late, %" PRId64
		       " broken, %" PRId64 " overdue; %" PRId64 " renegotiated, %" PRId64 " open)\n",
		       "Promises", pct(json_object_get(p, "kept_on_time_rate"), a, sizeof a),
		       pct(json_object_get(p, "kept_rate"), b, sizeof b), iv(p, "kept_on_time"), iv(p, "kept_late"),
		       iv(p, "broken"), iv(p, "open_overdue"), iv(p, "renegotiated"), iv(p, "open"));
	else
		printf(LABEL "none due yet (%" PRId64 " open, %" PRId64 " renegotiated)\n", "Promises",
		       iv(p, "open"), iv(p, "renegotiated"));
	json_t *e = json_object_get(g, "eta");
	json_t *rpt = json_object_get(e, "revisions_per_track");
	if (iv(e, "resolved"))
		printf(LABEL "off by %s on average, median %s (%" PRId64 " resolved of %" PRId64
		       " with an ETA); %.1f revisions per client, at most %" PRId64 "\n",
		       "ETA accuracy", dur_of(e, "mean_abs_error_seconds", a, sizeof a),
		       dur_of(e, "median_abs_error_seconds", b, sizeof b), iv(e, "resolved"), iv(e, "tracks"),
		       json_is_number(rpt) ? json_number_value(rpt) : 0.0, iv(e, "max_revisions"));
	else
		printf(LABEL "nothing resolved yet against an ETA (%" PRId64 " client(s) with one); %.1f "
		       "revisions per client, at most %" PRId64 "\n", "ETA accuracy", iv(e, "tracks"),
		       json_is_number(rpt) ? json_number_value(rpt) : 0.0, iv(e, "max_revisions"));
	json_t *ch = json_object_get(g, "chases");
	json_t *per = json_object_get(ch, "per_affected_client");
	printf(LABEL "%.2f per affected client (%" PRId64 " in all)\n", "Chases",
	       json_is_number(per) ? json_number_value(per) : 0.0, iv(ch, "total"));
	json_t *sv = json_object_get(g, "survey");
	json_t *mean = json_object_get(sv, "mean");
	if (json_is_number(mean))
		printf(LABEL "mean %.1f of 10 from %" PRId64 " answer(s)\n", "Survey score", json_number_value(mean),
		       iv(sv, "answers"));
	else
		printf(LABEL "no scored answers\n", "Survey score");
	size_t i;
	json_t *gw;
	if (json_array_size(json_object_get(g, "goodwill")) == 0)
		printf(LABEL "none\n", "Goodwill");
	json_array_foreach(json_object_get(g, "goodwill"), i, gw) {
		char label[40];
		snprintf(label, sizeof label, "Goodwill (%s)", json_string_value(json_object_get(gw, "currency")));
		printf(LABEL "%s granted (%s delivered, %s proposed) = %s of client value %s\n", label,
		       json_string_value(json_object_get(gw, "granted")),
		       json_string_value(json_object_get(gw, "delivered")),
		       json_string_value(json_object_get(gw, "proposed")),
		       json_is_number(json_object_get(gw, "ratio"))
			       ? (snprintf(c, sizeof c, "%.2f %%", json_number_value(json_object_get(gw, "ratio")) * 100.0), c)
			       : "-",
		       json_string_value(json_object_get(gw, "client_value")));
	}
	json_t *steps = json_object_get(g, "steps");
	if (json_array_size(steps)) {
		printf(LABEL "%8s %8s %8s %8s %8s %8s\n", "Steps", "on time", "late", "overdue", "pending",
		       "waived", "rate");
		json_t *s;
		json_array_foreach(steps, i, s)
			printf("    %-20s %8" PRId64 " %8" PRId64 " %8" PRId64 " %8" PRId64 " %8" PRId64 " %8s\n",
			       json_string_value(json_object_get(s, "title")), iv(s, "on_time"), iv(s, "late"),
			       iv(s, "overdue"), iv(s, "pending"), iv(s, "waived"),
			       pct(json_object_get(s, "on_time_rate"), a, sizeof a));
	}
}

static const char metrics_usage[] =
	"usage: redress metrics [--from TIME] [--to TIME] [--by failure|owner|tier] [--json]\n\n"
	"How the recovery went, over the failures detected from --from (default:\n"
	"90 days before --to) up to --to (default: now), each state as it stood at\n"
	"--to (or now, if earlier): time to apology (median, p90), each step of the\n"
	"clock on time, promises kept (on time, late, broken, overdue), ETA accuracy\n"
	"and revisions, chases per affected client, survey scores, and goodwill\n"
	"granted against client value per currency. --by adds one group per\n"
	"failure, owner or client tier. Definitions: docs/metrics.md.\n";

int cmd_metrics(struct rd_cli *cli, int argc, char **argv)
{
	static const struct cli_opt opts[] = {
		{"from", NULL, CO_STR, "TIME"}, {"to", NULL, CO_STR, "TIME"},
		{"by", NULL, CO_STR, "failure|owner|tier"}, {NULL, NULL, 0, NULL}};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 0, 0, metrics_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(metrics_usage));
	int64_t from, to;
	if (cli_arg_time(cli, &a, "to", cli->now, &to) ||
	    cli_arg_time(cli, &a, "from", to - (int64_t)DEFAULT_DAYS * 86400, &from))
		return cli_end(&a, 2);
	enum rd_metrics_by by;
	char *msg = NULL;
	if (rd_metrics_by_parse(cli_arg(&a, "by"), &by, &msg)) {
		int rc = cli_usage_error(cli, "--by: %s", msg);
		free(msg);
		return cli_end(&a, rc);
	}
	if (from >= to)
		return cli_end(&a, cli_usage_error(cli, "--from must be before --to"));
	struct rd_store *s = cli_store(cli);
	if (!s)
		return cli_end(&a, 1);
	json_t *out;
	enum rd_err rc = rd_metrics(s, cli->now, from, to, by, &out, &msg);
	if (rc)
		return cli_end(&a, cli_fail(cli, rc, msg));
	if (a.json) {
		cli_print_json(out);
	} else {
		printf("Failures detected %s to %s, as of %s\n\n", json_string_value(json_object_get(out, "from")),
		       json_string_value(json_object_get(out, "to")), json_string_value(json_object_get(out, "as_of")));
		print_group(json_object_get(out, "overall"), "Overall");
		size_t i;
		json_t *g;
		const char *what = by == RD_METRICS_FAILURE ? "Failure" : by == RD_METRICS_OWNER ? "Owner" : "Tier";
		json_array_foreach(json_object_get(out, "groups"), i, g) {
			char heading[400];
			const char *key = json_string_value(json_object_get(g, "group"));
			const char *label = json_string_value(json_object_get(g, "label"));
			if (by == RD_METRICS_FAILURE)
				snprintf(heading, sizeof heading, "%s #%s %s", what, key, label);
			else if (by == RD_METRICS_OWNER)
				snprintf(heading, sizeof heading, "%s %s%s%s%s", what, label, *key ? " <" : "", key,
					 *key ? ">" : "");
			else
				snprintf(heading, sizeof heading, "%s %s", what, label);
			putchar('\n');
			print_group(g, heading);
		}
	}
	json_decref(out);
	return cli_end(&a, 0);
}
