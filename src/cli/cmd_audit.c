/* cmd_audit.c — `redress audit`: the audit log: list.
 * One file per command (it shared cmd_user.c until issue 9). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "redress/auth.h"
#include "redress/time.h"

#include "commands.h"

static const char audit_list_usage[] =
	"usage: redress audit list [--entity NAME] [--id N] [--json | --format csv|xlsx [-o FILE]]\n\n"
	"The append-only record of every change: who, when, what, before and after.\n";

static int audit_list(struct rd_cli *cli, int argc, char **argv)
{
	static const struct cli_opt opts[] = {
		{"entity", NULL, CO_STR, "NAME"}, {"id", "entity_id", CO_STR, "N"}, CLI_EXPORT_OPTS,
		{NULL, NULL, 0, NULL}};
	static const char *const cols[] = {"id", "at", "actor", "action", "entity", "entity_id", NULL};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 0, 0, audit_list_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(audit_list_usage));
	/* Filters on internal fields go straight to the record engine. */
	return cli_end(&a, cli_list(cli, "audit", a.fields, a.json, cols));
}

static const struct cli_command audit_cmds[] = {
	{"list", audit_list, "list audit-log entries", audit_list_usage},
	{NULL, NULL, NULL, NULL},
};

int cmd_audit(struct rd_cli *cli, int argc, char **argv)
{
	return cli_dispatch(cli, "audit", audit_cmds, argc, argv);
}
