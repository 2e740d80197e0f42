/* cmd_trust.c — `redress trust`: one client's trust score with its
 * explanation, trend and history, or the portfolio of every client sorted
 * by risk; `--sweep` records the scores that moved with time (cron). The
 * model is lib/trust.c (docs/trust.md); this file only parses and prints. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "redress/trust.h"

static const char trust_usage[] =
	"usage: redress trust [CLIENT] [--at TIME] [--limit N] [--json]\n"
	"       redress trust --sweep [--at TIME]\n\n"
	"With CLIENT: the client's trust score (0-100) at TIME (default now), its\n"
	"trend over the policy's trend window (rising, falling or steady), every\n"
	"contribution with its reason, and the recorded history of the score.\n"
	"Without: the portfolio, every client most at risk first (lowest score,\n"
	"key clients and falling trends weighted); --limit N shows the first N.\n"
	"--sweep records in the history every client whose score moved since it\n"
	"was last recorded (scores move with time as events age and obligations\n"
	"fall overdue): run it daily from cron. The model and its weights (the\n"
	"policy's trust: section) are described in docs/trust.md.\n";

/* "+4", "-12", "-2.5" */
static void print_points(double p)
{
	char b[32];
	snprintf(b, sizeof b, "%+.1f", p);
	size_t n = strlen(b);
	if (n > 2 && strcmp(b + n - 2, ".0") == 0)
		b[n - 2] = '\0';
	printf("%6s", b);
}

void cli_print_trust(json_t *t)
{
	json_t *trend = json_object_get(t, "trend");
	printf("trust %" JSON_INTEGER_FORMAT "/100, %s (%+" JSON_INTEGER_FORMAT " since %s)\n",
	       json_integer_value(json_object_get(t, "score")),
	       json_string_value(json_object_get(trend, "label")),
	       json_integer_value(json_object_get(trend, "delta")),
	       json_string_value(json_object_get(trend, "since")));
	printf("  baseline %g\n", json_number_value(json_object_get(t, "baseline")));
	size_t i;
	json_t *c;
	json_array_foreach(json_object_get(t, "explanation"), i, c) {
		fputs("  ", stdout);
		print_points(json_number_value(json_object_get(c, "points")));
		printf("  %s\n", json_string_value(json_object_get(c, "reason")));
	}
}

int cmd_trust(struct rd_cli *cli, int argc, char **argv)
{
	static const struct cli_opt opts[] = {
		{"at", NULL, CO_STR, "TIME"}, {"limit", NULL, CO_STR, "N"}, {"sweep", NULL, CO_FLAG, NULL},
		{NULL, NULL, 0, NULL}};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 0, 1, trust_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(trust_usage));
	int64_t at, cid = 0;
	int limit;
	bool sweep = json_is_true(json_object_get(a.fields, "sweep"));
	if (cli_arg_time(cli, &a, "at", cli->now, &at))
		return cli_end(&a, 2);
	const char *l = cli_arg(&a, "limit");
	if (cli_arg_count(cli, &a, "limit", 1000000, &limit))
		return cli_end(&a, 2);
	if (sweep && (a.npos || l))
		return cli_end(&a, cli_usage_error(cli, "--sweep records every client: it takes no CLIENT "
						     "or --limit\n%s", trust_usage));
	if (a.npos && l)
		return cli_end(&a, cli_usage_error(cli, "--limit is for the portfolio, not one client"));
	if (a.npos && cli_lookup(cli, "client", a.pos[0], &cid))
		return cli_end(&a, 2);
	struct rd_store *s = cli_store(cli);
	if (!s)
		return cli_end(&a, 1);
	char *msg = NULL;
	enum rd_err rc;
	if (sweep) {
		int64_t n = 0;
		if ((rc = rd_trust_sweep(s, at, &n, &msg)))
			return cli_end(&a, cli_fail(cli, rc, msg));
		printf("trust recorded for %" PRId64 " client%s\n", n, n == 1 ? "" : "s");
		return cli_end(&a, 0);
	}
	json_t *out;
	if (cid) {
		if ((rc = rd_trust_client_report(s, cid, at, &out, &msg)))
			return cli_end(&a, cli_fail(cli, rc, msg));
		if (a.json) {
			cli_print_json(out);
		} else {
			printf("%s (%s): ", json_string_value(json_object_get(out, "client")),
			       json_string_value(json_object_get(out, "tier")));
			cli_print_trust(out);
			json_t *h = json_object_get(out, "history");
			printf("history: %zu change%s\n", json_array_size(h), json_array_size(h) == 1 ? "" : "s");
			size_t i;
			json_t *r;
			json_array_foreach(h, i, r)
				printf("  %s  %3" JSON_INTEGER_FORMAT "\n", json_string_value(json_object_get(r, "at")),
				       json_integer_value(json_object_get(r, "score")));
		}
	} else {
		if ((rc = rd_trust_portfolio(s, at, limit, &out, &msg)))
			return cli_end(&a, cli_fail(cli, rc, msg));
		if (a.json) {
			cli_print_json(out);
		} else {
			printf("score  trend       risk  tier      client\n");
			size_t i;
			json_t *r;
			json_array_foreach(out, i, r)
				printf("%5" JSON_INTEGER_FORMAT "  %+4" JSON_INTEGER_FORMAT " %-7s %5.1f  %-8s  %s\n",
				       json_integer_value(json_object_get(r, "score")),
				       json_integer_value(json_object_get(r, "trend")),
				       json_string_value(json_object_get(r, "label")),
				       json_number_value(json_object_get(r, "risk")),
				       json_string_value(json_object_get(r, "tier")),
				       json_string_value(json_object_get(r, "client")));
		}
	}
	json_decref(out);
	return cli_end(&a, 0);
}
