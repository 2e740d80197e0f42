/* cmd_comm.c — `redress comm`: communications: list, show.
 * One file per command (it shared cmd_log.c until issue 9). */
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "redress/views.h"
#include "util/buf.h"

static const char comm_list_usage[] =
	"usage: redress comm list [--failure ID] [--client CLIENT] [--kind KIND]\n"
	"                         [--direction out|in] [--json | --format csv|xlsx [-o FILE]]\n";

static int comm_list(struct rd_cli *cli, int argc, char **argv)
{
	static const struct cli_opt opts[] = {
		{"failure", NULL, CO_STR, "ID"}, {"client", NULL, CO_STR, "CLIENT"},
		{"kind", NULL, CO_STR, "KIND"}, {"direction", NULL, CO_STR, "out|in"},
		CLI_EXPORT_OPTS,
		{NULL, NULL, 0, NULL}};
	static const char *const cols[] = {"id", "at", "failure_id", "client_id", "direction", "kind",
					   "channel", "summary", NULL};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 0, 0, comm_list_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(comm_list_usage));
	return cli_end(&a, cli_list(cli, "communication", a.fields, a.json, cols));
}

static const char comm_show_usage[] = "usage: redress comm show ID [--json]\n";

static int comm_show(struct rd_cli *cli, int argc, char **argv)
{
	struct cli_args a;
	if (cli_parse(cli, argc, argv, NULL, 1, 1, comm_show_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(comm_show_usage));
	int64_t id;
	if (cli_lookup(cli, "communication", a.pos[0], &id))
		return cli_end(&a, 2);
	json_t *rec;
	char *msg = NULL;
	enum rd_err rc = rd_record_get(cli->store, "communication", id, &rec, &msg);
	if (rc)
		return cli_end(&a, cli_fail(cli, rc, msg));
	cli_show(rec, a.json);
	json_decref(rec);
	return cli_end(&a, 0);
}

static const struct cli_command comm_cmds[] = {
	{"list", comm_list, "list communications", comm_list_usage},
	{"show", comm_show, "show one communication", comm_show_usage},
	{NULL, NULL, NULL, NULL},
};

int cmd_comm(struct rd_cli *cli, int argc, char **argv)
{
	return cli_dispatch(cli, "comm", comm_cmds, argc, argv);
}
