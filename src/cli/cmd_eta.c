/* cmd_eta.c — `redress eta`: ETA revisions: set, list.
 * One file per command (it shared cmd_rca.c until issue 9). */
#include <stdio.h>

#include "commands.h"
#include "redress/time.h"

/* ---- ETA revisions ---- */

static const char eta_set_usage[] =
	"usage: redress eta set FAILURE TIME --reason TEXT [--client NAME] [--told]\n"
	"                       [--at TIME] [--json]\n\n"
	"Revises the plan's ETA. A reason is required: every client is owed the why\n"
	"of a new date. The revision creates a delay-notice obligation for each\n"
	"affected client (or only --client). --told records that clients were told.\n";

static int eta_set(struct rd_cli *cli, int argc, char **argv)
{
	static const struct cli_opt opts[] = {
		{"reason", NULL, CO_STR, "TEXT"}, {"client", NULL, CO_STR, "CLIENT"},
		{"told", NULL, CO_FLAG, NULL}, {"at", NULL, CO_STR, "TIME"}, {NULL, NULL, 0, NULL}};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 2, 2, eta_set_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(eta_set_usage));
	int64_t fid, cid = 0, eta, at, id;
	char *msg = NULL;
	if (rd_time_parse(a.pos[1], &eta, &msg)) {
		cli_usage_error(cli, "ETA: %s", msg);
		free(msg);
		return cli_end(&a, 2);
	}
	if (cli_arg_time(cli, &a, "at", cli->now, &at) || cli_lookup(cli, "failure", a.pos[0], &fid))
		return cli_end(&a, 2);
	if (cli_arg(&a, "client") && cli_lookup(cli, "client", cli_arg(&a, "client"), &cid))
		return cli_end(&a, 2);
	const struct rd_actor *act = cli_actor(cli);
	if (!act)
		return cli_end(&a, 2);
	enum rd_err rc = rd_eta_set(cli->store, act, fid, cid, eta, cli_arg(&a, "reason"),
				    json_is_true(json_object_get(a.fields, "told")), at, &id, &msg);
	if (rc)
		return cli_end(&a, cli_fail(cli, rc, msg));
	return cli_end(&a, cli_done(cli, "eta_revision", id, a.json, "recorded"));
}

static const char eta_list_usage[] = "usage: redress eta list FAILURE [--json | --format csv|xlsx [-o FILE]]\n";

static int eta_list(struct rd_cli *cli, int argc, char **argv)
{
	static const struct cli_opt opts[] = {CLI_EXPORT_OPTS, {NULL, NULL, 0, NULL}};
	static const char *const cols[] = {"id", "at", "eta", "client_id", "clients_told", "reason", NULL};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 1, 1, eta_list_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(eta_list_usage));
	json_object_set_new(a.fields, "failure", json_string(a.pos[0]));
	return cli_end(&a, cli_list(cli, "eta_revision", a.fields, a.json, cols));
}

static const struct cli_command eta_cmds[] = {
	{"set", eta_set, "revise the ETA (with a reason)", eta_set_usage},
	{"list", eta_list, "the ETA history", eta_list_usage},
	{NULL, NULL, NULL, NULL},
};

int cmd_eta(struct rd_cli *cli, int argc, char **argv)
{
	return cli_dispatch(cli, "eta", eta_cmds, argc, argv);
}
