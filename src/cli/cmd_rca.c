/* cmd_rca.c — the `rca` command group: a failure's root cause (the plan's
 * actions and the revised timeline are cmd_plan.c and cmd_eta.c). */
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
