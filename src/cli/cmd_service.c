/* cmd_service.c — `redress service`: services: add, list.
 * One file per command (it shared cmd_client.c until issue 9). */
#include <stdio.h>

#include "commands.h"
#include "redress/trust.h"

/* ---- services ---- */

static const char service_add_usage[] = "usage: redress service add NAME [--description TEXT] [--json]\n";

static int service_add(struct rd_cli *cli, int argc, char **argv)
{
	static const struct cli_opt opts[] = {{"description", NULL, CO_STR, "TEXT"}, {NULL, NULL, 0, NULL}};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 1, 1, service_add_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(service_add_usage));
	struct rd_store *s = cli_store(cli);
	const struct rd_actor *act = s ? cli_actor(cli) : NULL;
	if (!act)
		return cli_end(&a, s ? 2 : 1);
	json_object_set_new(a.fields, "name", json_string(a.pos[0]));
	int64_t id;
	char *msg = NULL;
	enum rd_err rc = act->role < RD_ROLE_AGENT
		? rd_fail(RD_EPERM, &msg, "a viewer may not add services")
		: rd_record_create(s, act, "service", a.fields, NULL, &id, &msg);
	if (rc)
		return cli_end(&a, cli_fail(cli, rc, msg));
	return cli_end(&a, cli_done(cli, "service", id, a.json, "added"));
}

static const char service_list_usage[] = "usage: redress service list [--json | --format csv|xlsx [-o FILE]]\n";

static int service_list(struct rd_cli *cli, int argc, char **argv)
{
	static const struct cli_opt opts[] = {CLI_EXPORT_OPTS, {NULL, NULL, 0, NULL}};
	static const char *const cols[] = {"id", "name", "description", NULL};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 0, 0, service_list_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(service_list_usage));
	return cli_end(&a, cli_list(cli, "service", NULL, a.json, cols));
}

static const struct cli_command service_cmds[] = {
	{"add", service_add, "add a service", service_add_usage},
	{"list", service_list, "list services", service_list_usage},
	{NULL, NULL, NULL, NULL},
};

int cmd_service(struct rd_cli *cli, int argc, char **argv)
{
	return cli_dispatch(cli, "service", service_cmds, argc, argv);
}
