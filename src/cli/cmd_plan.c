/* cmd_plan.c — `redress plan`: recovery plan actions: add, list, status.
 * One file per command (it shared cmd_rca.c until issue 9). */
#include <stdio.h>

#include "commands.h"
#include "redress/time.h"

/* ---- plan actions ---- */

static const char plan_add_usage[] =
	"usage: redress plan add FAILURE --kind KIND --description TEXT [--client NAME]\n"
	"                        [--owner EMAIL] [--due TIME] [--success TEXT] [--json]\n\n"
	"Adds a recovery-plan action. KIND is immediate, preventive, repair or\n"
	"value_add. --success is the objective success criterion. --client makes it\n"
	"an action for one client only.\n";

static int plan_add(struct rd_cli *cli, int argc, char **argv)
{
	static const struct cli_opt opts[] = {
		{"kind", NULL, CO_STR, "KIND"}, {"description", NULL, CO_STR, "TEXT"},
		{"client", NULL, CO_STR, "CLIENT"}, {"owner", NULL, CO_STR, "EMAIL"},
		{"due", "due_at", CO_STR, "TIME"}, {"success", "success_criterion", CO_STR, "TEXT"},
		{NULL, NULL, 0, NULL}};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 1, 1, plan_add_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(plan_add_usage));
	int64_t fid, id;
	if (cli_lookup(cli, "failure", a.pos[0], &fid))
		return cli_end(&a, 2);
	const struct rd_actor *act = cli_actor(cli);
	if (!act)
		return cli_end(&a, 2);
	json_object_set_new(a.fields, "failure_id", json_integer(fid));
	char *msg = NULL;
	enum rd_err rc = act->role < RD_ROLE_AGENT
		? rd_fail(RD_EPERM, &msg, "a viewer may not change the plan")
		: rd_record_create(cli->store, act, "plan_action", a.fields, NULL, &id, &msg);
	if (rc)
		return cli_end(&a, cli_fail(cli, rc, msg));
	return cli_end(&a, cli_done(cli, "plan_action", id, a.json, "added"));
}

static const char plan_list_usage[] = "usage: redress plan list FAILURE [--json | --format csv|xlsx [-o FILE]]\n";

static int plan_list(struct rd_cli *cli, int argc, char **argv)
{
	static const struct cli_opt opts[] = {CLI_EXPORT_OPTS, {NULL, NULL, 0, NULL}};
	static const char *const cols[] = {"id", "kind", "status", "due_at", "client_id", "description", NULL};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 1, 1, plan_list_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(plan_list_usage));
	json_object_set_new(a.fields, "failure", json_string(a.pos[0]));
	return cli_end(&a, cli_list(cli, "plan_action", a.fields, a.json, cols));
}

static const char plan_status_usage[] =
	"usage: redress plan status ACTION STATUS [--evidence TEXT] [--at TIME]\n\n"
	"Moves a plan action: planned → in_progress → done (needs --evidence) | dropped.\n";

static int plan_status(struct rd_cli *cli, int argc, char **argv)
{
	static const struct cli_opt opts[] = {
		{"evidence", NULL, CO_STR, "TEXT"}, {"at", NULL, CO_STR, "TIME"}, {NULL, NULL, 0, NULL}};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 2, 2, plan_status_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(plan_status_usage));
	int64_t id, at;
	if (cli_arg_time(cli, &a, "at", cli->now, &at) || cli_lookup(cli, "plan_action", a.pos[0], &id))
		return cli_end(&a, 2);
	const struct rd_actor *act = cli_actor(cli);
	if (!act)
		return cli_end(&a, 2);
	char *msg = NULL;
	enum rd_err rc = rd_plan_action_set_status(cli->store, act, id, a.pos[1], cli_arg(&a, "evidence"),
						   at, &msg);
	if (rc)
		return cli_end(&a, cli_fail(cli, rc, msg));
	return cli_end(&a, cli_done(cli, "plan_action", id, a.json, a.pos[1]));
}

static const struct cli_command plan_cmds[] = {
	{"add", plan_add, "add a recovery-plan action", plan_add_usage},
	{"list", plan_list, "list a failure's plan", plan_list_usage},
	{"status", plan_status, "move an action along", plan_status_usage},
	{NULL, NULL, NULL, NULL},
};

int cmd_plan(struct rd_cli *cli, int argc, char **argv)
{
	return cli_dispatch(cli, "plan", plan_cmds, argc, argv);
}
