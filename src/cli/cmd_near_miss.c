/* cmd_near_miss.c — `redress near-miss add|list`: what almost failed,
 * reported anonymously unless a reporter is named. */
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "redress/time.h"

static const char nm_add_usage[] =
	"usage: redress near-miss add TITLE [--description TEXT] [--services TEXT]\n"
	"                             [--potential-impact TEXT] [--actions TEXT]\n"
	"                             [--reporter EMAIL] [--at TIME] [--json]\n\n"
	"Reports something that almost failed. Blameless: leave out --reporter to\n"
	"report anonymously; then neither the report nor the audit log (its actor\n"
	"is \"anonymous\") names who reported it, not even with --as.\n";

static int nm_add(struct rd_cli *cli, int argc, char **argv)
{
	static const struct cli_opt opts[] = {
		{"description", NULL, CO_STR, "TEXT"}, {"services", NULL, CO_STR, "TEXT"},
		{"potential-impact", "potential_impact", CO_STR, "TEXT"},
		{"actions", NULL, CO_STR, "TEXT"}, {"reporter", NULL, CO_STR, "EMAIL"},
		{"at", NULL, CO_STR, "TIME"}, {NULL, NULL, 0, NULL}};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 1, 1, nm_add_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(nm_add_usage));
	if (!cli_store(cli))
		return cli_end(&a, 1);
	json_object_set_new(a.fields, "title", json_string(a.pos[0]));
	if (!json_object_get(a.fields, "at"))
		json_object_set_new(a.fields, "at", json_integer(cli->now));
	const struct rd_actor *act = cli_actor(cli);
	if (!act)
		return cli_end(&a, 2);
	int64_t id;
	char *msg = NULL;
	enum rd_err rc = rd_near_miss_report(cli->store, act, a.fields, &id, NULL, &msg);
	if (rc)
		return cli_end(&a, cli_fail(cli, rc, msg));
	return cli_end(&a, cli_done(cli, "near_miss", id, a.json, "reported"));
}

static const char nm_list_usage[] = "usage: redress near-miss list [--json | --format csv|xlsx [-o FILE]]\n";

static int nm_list(struct rd_cli *cli, int argc, char **argv)
{
	static const struct cli_opt opts[] = {CLI_EXPORT_OPTS, {NULL, NULL, 0, NULL}};
	static const char *const cols[] = {"id", "at", "title", "services", NULL};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 0, 0, nm_list_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(nm_list_usage));
	return cli_end(&a, cli_list(cli, "near_miss", NULL, a.json, cols));
}

static const struct cli_command nm_cmds[] = {
	{"add", nm_add, "report a near miss", nm_add_usage},
	{"list", nm_list, "list near misses", nm_list_usage},
	{NULL, NULL, NULL, NULL},
};

int cmd_near_miss(struct rd_cli *cli, int argc, char **argv)
{
	return cli_dispatch(cli, "near-miss", nm_cmds, argc, argv);
}
