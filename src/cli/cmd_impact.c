/* cmd_impact.c — `redress impact`: per-client impact of a failure: set, list.
 * One file per command (it shared cmd_failure.c until issue 9). */
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "redress/time.h"

/* ---- impacts ---- */

static const char impact_set_usage[] =
	"usage: redress impact set FAILURE CLIENT [--affected yes|suspected|no] [--severity N]\n"
	"          [--operational TEXT] [--financial AMOUNT] [--reputational TEXT]\n"
	"          [--compliance TEXT] [--data TEXT] [--point-person EMAIL]\n"
	"          [--recovery-status STATUS] [--json]\n\n"
	"Records what the failure cost this client (from the discovery conversation)\n"
	"and who on our side is the client's point person. Creates the impact if new.\n";

static int impact_set(struct rd_cli *cli, int argc, char **argv)
{
	static const struct cli_opt opts[] = {
		{"affected", NULL, CO_STR, "yes|suspected|no"}, {"severity", NULL, CO_STR, "1-4"},
		{"operational", NULL, CO_STR, "TEXT"}, {"financial", NULL, CO_STR, "AMOUNT"},
		{"reputational", NULL, CO_STR, "TEXT"}, {"compliance", NULL, CO_STR, "TEXT"},
		{"data", NULL, CO_STR, "TEXT"}, {"point-person", "point_person", CO_STR, "EMAIL"},
		{"recovery-status", "recovery_status", CO_STR, "STATUS"}, {NULL, NULL, 0, NULL}};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 2, 2, impact_set_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(impact_set_usage));
	int64_t fid, cid, id;
	if (cli_lookup(cli, "failure", a.pos[0], &fid) || cli_lookup(cli, "client", a.pos[1], &cid))
		return cli_end(&a, 2);
	const struct rd_actor *act = cli_actor(cli);
	if (!act)
		return cli_end(&a, 2);
	char *msg = NULL;
	enum rd_err rc = rd_impact_set(cli->store, act, fid, cid, a.fields, &id, &msg);
	if (rc)
		return cli_end(&a, cli_fail(cli, rc, msg));
	return cli_end(&a, cli_done(cli, "impact", id, a.json, "recorded"));
}

static const char impact_list_usage[] = "usage: redress impact list [--failure ID] [--client CLIENT] [--json | --format csv|xlsx [-o FILE]]\n";

static int impact_list(struct rd_cli *cli, int argc, char **argv)
{
	static const struct cli_opt opts[] = {
		{"failure", NULL, CO_STR, "ID"}, {"client", NULL, CO_STR, "CLIENT"}, CLI_EXPORT_OPTS,
		{NULL, NULL, 0, NULL}};
	static const char *const cols[] = {"id", "failure_id", "client_id", "affected", "severity",
					   "recovery_status", NULL};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 0, 0, impact_list_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(impact_list_usage));
	return cli_end(&a, cli_list(cli, "impact", a.fields, a.json, cols));
}

static const struct cli_command impact_cmds[] = {
	{"set", impact_set, "record a client's impact", impact_set_usage},
	{"list", impact_list, "list impacts", impact_list_usage},
	{NULL, NULL, NULL, NULL},
};

int cmd_impact(struct rd_cli *cli, int argc, char **argv)
{
	return cli_dispatch(cli, "impact", impact_cmds, argc, argv);
}
