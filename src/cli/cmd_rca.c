/* cmd_rca.c — explaining and fixing a failure: the `rca` (root cause),
 * `plan` (recovery actions) and `eta` (revised timeline) command groups. */
#include <stdio.h>

#include "commands.h"
#include "redress/time.h"

static const char rca_set_usage[] =
	"usage: redress rca set FAILURE [--category CAT] [--why TEXT]...\n"
	"                       [--contributing TEXT] [--findings TEXT]\n"
	"                       [--client-explanation TEXT] [--json]\n\n"
	"Records the root-cause analysis. CAT is process, training, technology,\n"
	"capacity, communication, vendor or other. --why repeats, in order, and\n"
	"replaces the chain of whys. --findings stay internal; the client\n"
	"explanation is what clients are told, in plain language.\n";

static int rca_set(struct rd_cli *cli, int argc, char **argv)
{
	static const struct cli_opt opts[] = {
		{"category", NULL, CO_STR, "CATEGORY"}, {"why", "whys", CO_LIST, "TEXT"},
		{"contributing", NULL, CO_STR, "TEXT"}, {"findings", NULL, CO_STR, "TEXT"},
		{"client-explanation", "client_explanation", CO_STR, "TEXT"}, {NULL, NULL, 0, NULL}};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 1, 1, rca_set_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(rca_set_usage));
	int64_t fid;
	if (cli_lookup(cli, "failure", a.pos[0], &fid))
		return cli_end(&a, 2);
	const struct rd_actor *act = cli_actor(cli);
	if (!act)
		return cli_end(&a, 2);
	char *msg = NULL;
	enum rd_err rc = rd_rca_set(cli->store, act, fid, a.fields, &msg);
	if (rc)
		return cli_end(&a, cli_fail(cli, rc, msg));
	json_t *rec;
	if ((rc = rd_rca_get(cli->store, fid, &rec, &msg)))
		return cli_end(&a, cli_fail(cli, rc, msg));
	if (a.json)
		cli_print_json(rec);
	else
		printf("rca of failure #%lld recorded\n", (long long)fid);
	json_decref(rec);
	return cli_end(&a, 0);
}

static const char rca_show_usage[] = "usage: redress rca show FAILURE [--json]\n";

static int rca_show(struct rd_cli *cli, int argc, char **argv)
{
	struct cli_args a;
	if (cli_parse(cli, argc, argv, NULL, 1, 1, rca_show_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(rca_show_usage));
	int64_t fid;
	if (cli_lookup(cli, "failure", a.pos[0], &fid))
		return cli_end(&a, 2);
	json_t *rec;
	char *msg = NULL;
	enum rd_err rc = rd_rca_get(cli->store, fid, &rec, &msg);
	if (rc)
		return cli_end(&a, cli_fail(cli, rc, msg));
	cli_show(rec, a.json);
	json_decref(rec);
	return cli_end(&a, 0);
}

static const struct cli_command rca_cmds[] = {
	{"set", rca_set, "record the root-cause analysis", rca_set_usage},
	{"show", rca_show, "show the root-cause analysis", rca_show_usage},
	{NULL, NULL, NULL, NULL},
};

int cmd_rca(struct rd_cli *cli, int argc, char **argv)
{
	return cli_dispatch(cli, "rca", rca_cmds, argc, argv);
}

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
