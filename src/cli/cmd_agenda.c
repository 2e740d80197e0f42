/* cmd_agenda.c — `redress agenda`: what is due and overdue across owners,
 * most urgent first, with overdue promises, from the clock's stored
 * obligations. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "redress/agenda.h"
#include "redress/time.h"

static void print_late(int64_t s)
{
	if (s >= 86400)
		printf("%" PRId64 "d%02" PRId64 "h", s / 86400, (s % 86400) / 3600);
	else
		printf("%" PRId64 "h%02" PRId64 "m", s / 3600, (s % 3600) / 60);
}

/* An overdue promise (a commitment past due): who, what, by when, how late. */
static void print_promise(json_t *r)
{
	printf("%-8s %s (%s)  ", "OVERDUE", json_string_value(json_object_get(r, "due_at")),
	       json_string_value(json_object_get(r, "due_local")));
	if (json_is_integer(json_object_get(r, "failure_id")))
		printf("#%" JSON_INTEGER_FORMAT " ", json_integer_value(json_object_get(r, "failure_id")));
	printf("%s — promise #%" JSON_INTEGER_FORMAT " \"%s\"", json_string_value(json_object_get(r, "client")),
	       json_integer_value(json_object_get(r, "commitment_id")),
	       json_string_value(json_object_get(r, "text")));
	json_t *owner_j = json_object_get(r, "owner");
	printf("  owner %s  late ", json_is_string(owner_j) ? json_string_value(owner_j) : "-");
	print_late(json_integer_value(json_object_get(r, "lateness_seconds")));
	putchar('\n');
}

static const char agenda_usage[] =
	"usage: redress agenda [--at TIME] [--owner EMAIL] [--window HOURS]\n"
	"                      [--json | --format csv|xlsx [-o FILE]]\n\n"
	"What is overdue, then what is due within the policy's due-soon window\n"
	"(24 hours by default), most urgent first. Each row: state, due time in UTC\n"
	"and in the client's zone, client, failure, what is owed, owner, how late,\n"
	"and the escalation level (1: owner, 2: owner's manager). Promises\n"
	"(commitments) still open past their due time are listed too, as \"promise\".\n"
	"--at evaluates \"now\" at that time.\n";

int cmd_agenda(struct rd_cli *cli, int argc, char **argv)
{
	static const struct cli_opt opts[] = {
		{"at", NULL, CO_STR, "TIME"}, {"owner", NULL, CO_STR, "EMAIL"},
		{"window", NULL, CO_STR, "HOURS"}, CLI_EXPORT_OPTS, {NULL, NULL, 0, NULL}};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 0, 0, agenda_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(agenda_usage));
	int64_t at, owner = 0, window = 0;
	if (cli_arg_time(cli, &a, "at", cli->now, &at))
		return cli_end(&a, 2);
	const char *w = cli_arg(&a, "window");
	if (w) {
		char *end;
		long h = strtol(w, &end, 10);
		if (*end || h <= 0 || h > 24 * 365)
			return cli_end(&a, cli_usage_error(cli, "--window: '%s' is not a number of hours (1-8760)", w));
		window = h * 3600;
	}
	if (cli_arg(&a, "owner") && cli_lookup(cli, "user", cli_arg(&a, "owner"), &owner))
		return cli_end(&a, 2);
	struct rd_store *s = cli_store(cli);
	if (!s)
		return cli_end(&a, 1);
	json_t *rows;
	char *msg = NULL;
	enum rd_err rc = rd_agenda(s, cli->now, at, owner, window, &rows, &msg);
	if (rc)
		return cli_end(&a, cli_fail(cli, rc, msg));
	size_t ncols;
	const struct rd_export_col *cols = rd_export_view_cols("agenda", &ncols);
	bool done;
	int xrc = cli_export_items(cli, cols, ncols, "agenda", rows, &a.json, &done);
	if (done) {
		json_decref(rows);
		return cli_end(&a, xrc);
	}
	if (a.json) {
		cli_print_json(rows);
	} else if (json_array_size(rows) == 0) {
		printf("nothing overdue or due soon\n");
	} else {
		size_t i;
		json_t *r;
		json_array_foreach(rows, i, r) {
			const char *state = json_string_value(json_object_get(r, "state"));
			if (json_is_integer(json_object_get(r, "commitment_id"))) {
				print_promise(r);
				continue;
			}
			printf("%-8s %s (%s)  #%" JSON_INTEGER_FORMAT " %s — %s",
			       strcmp(state, "overdue") == 0 ? "OVERDUE" : "due",
			       json_string_value(json_object_get(r, "due_at")),
			       json_string_value(json_object_get(r, "due_local")),
			       json_integer_value(json_object_get(r, "failure_id")),
			       json_string_value(json_object_get(r, "client")),
			       json_string_value(json_object_get(r, "kind")));
			json_t *owner_j = json_object_get(r, "owner");
			printf("  owner %s", json_is_string(owner_j) ? json_string_value(owner_j) : "-");
			if (strcmp(state, "overdue") == 0) {
				printf("  late ");
				print_late(json_integer_value(json_object_get(r, "lateness_seconds")));
				printf("  escalation %" JSON_INTEGER_FORMAT,
				       json_integer_value(json_object_get(r, "escalation")));
			}
			putchar('\n');
		}
	}
	json_decref(rows);
	return cli_end(&a, 0);
}
