/* cmd_obligations.c — `redress obligations`: one failure's whole
 * communication schedule per affected client, with each obligation's state
 * and what met it. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "redress/agenda.h"
#include "redress/time.h"

static const char obligations_usage[] =
	"usage: redress obligations --failure ID [--client NAME] [--at TIME]\n"
	"                           [--json | --format csv|xlsx [-o FILE]]\n\n"
	"The whole schedule of a failure, per affected client: every obligation\n"
	"with its due time, the channels that may meet it, its state (pending, on\n"
	"time, late, overdue, waived, or not_applicable: a progress update not sent\n"
	"when the failure was resolved, no longer owed), what met it and the chases\n"
	"against it.\n";

int cmd_obligations(struct rd_cli *cli, int argc, char **argv)
{
	static const struct cli_opt opts[] = {
		{"failure", NULL, CO_STR, "ID"}, {"client", NULL, CO_STR, "NAME"},
		{"at", NULL, CO_STR, "TIME"}, CLI_EXPORT_OPTS, {NULL, NULL, 0, NULL}};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 0, 0, obligations_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(obligations_usage));
	if (!cli_arg(&a, "failure"))
		return cli_end(&a, cli_usage_error(cli, "--failure is required\n%s", obligations_usage));
	int64_t at, fid, cid = 0;
	if (cli_arg_time(cli, &a, "at", cli->now, &at) ||
	    cli_lookup(cli, "failure", cli_arg(&a, "failure"), &fid) ||
	    (cli_arg(&a, "client") && cli_lookup(cli, "client", cli_arg(&a, "client"), &cid)))
		return cli_end(&a, 2);
	json_t *tracks;
	char *msg = NULL;
	enum rd_err rc = rd_obligations_json(cli->store, fid, cid, at, &tracks, &msg);
	if (rc)
		return cli_end(&a, cli_fail(cli, rc, msg));
	if (cli->format && (strcmp(cli->format, "csv") == 0 || strcmp(cli->format, "xlsx") == 0)) {
		/* A sheet is flat: one row per obligation, its client beside it. */
		json_t *flat = json_array();
		size_t i, k;
		json_t *t, *o;
		json_array_foreach(tracks, i, t) {
			json_array_foreach(json_object_get(t, "obligations"), k, o) {
				json_t *row = json_copy(o);
				json_object_set(row, "client", json_object_get(t, "client"));
				json_array_append_new(flat, row);
			}
		}
		size_t ncols;
		const struct rd_export_col *cols = rd_export_view_cols("obligation", &ncols);
		bool done;
		int xrc = cli_export_items(cli, cols, ncols, "obligations", flat, &a.json, &done);
		json_decref(flat);
		json_decref(tracks);
		return cli_end(&a, xrc);
	}
	if (a.json) {
		cli_print_json(tracks);
	} else {
		size_t i, k;
		json_t *t, *o;
		json_array_foreach(tracks, i, t) {
			printf("%s (%s column, %" JSON_INTEGER_FORMAT " chases)\n",
			       json_string_value(json_object_get(t, "client")),
			       json_string_value(json_object_get(t, "column")),
			       json_integer_value(json_object_get(t, "chases")));
			json_array_foreach(json_object_get(t, "obligations"), k, o) {
				printf("  %-24s %-8s due %s (%s)  %s",
				       json_string_value(json_object_get(o, "key")),
				       json_string_value(json_object_get(o, "state")),
				       json_string_value(json_object_get(o, "due_at")),
				       json_string_value(json_object_get(o, "due_local")),
				       json_string_value(json_object_get(o, "channels")));
				if (json_is_integer(json_object_get(o, "met_by")))
					printf("  met by #%" JSON_INTEGER_FORMAT,
					       json_integer_value(json_object_get(o, "met_by")));
				putchar('\n');
			}
		}
	}
	json_decref(tracks);
	return cli_end(&a, 0);
}
