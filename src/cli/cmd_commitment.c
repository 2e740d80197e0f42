/* cmd_commitment.c — the `commitment` command group: what we promised each
 * client (what we gave them is cmd_goodwill.c). */
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "redress/agenda.h"
#include "redress/time.h"

static const char commitment_add_usage[] =
	"usage: redress commitment add CLIENT TEXT [--failure ID] [--owner EMAIL]\n"
	"                              [--due TIME] [--from COMM_ID] [--json]\n\n"
	"Records a promise made to a client (from a plan, a call, a message).\n";

static int commitment_add(struct rd_cli *cli, int argc, char **argv)
{
	static const struct cli_opt opts[] = {
		{"failure", NULL, CO_STR, "ID"}, {"owner", NULL, CO_STR, "EMAIL"},
		{"due", "due_at", CO_STR, "TIME"}, {"from", "communication", CO_STR, "COMM_ID"},
		{NULL, NULL, 0, NULL}};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 2, 2, commitment_add_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(commitment_add_usage));
	int64_t cid, id;
	if (cli_lookup(cli, "client", a.pos[0], &cid))
		return cli_end(&a, 2);
	const struct rd_actor *act = cli_actor(cli);
	if (!act)
		return cli_end(&a, 2);
	json_object_set_new(a.fields, "client_id", json_integer(cid));
	json_object_set_new(a.fields, "text", json_string(a.pos[1]));
	json_t *extra = json_pack("{ss}", "status", "open");
	char *msg = NULL;
	enum rd_err rc = act->role < RD_ROLE_AGENT
		? rd_fail(RD_EPERM, &msg, "a viewer may not record commitments")
		: rd_record_create(cli->store, act, "commitment", a.fields, extra, &id, &msg);
	json_decref(extra);
	if (rc)
		return cli_end(&a, cli_fail(cli, rc, msg));
	return cli_end(&a, cli_done(cli, "commitment", id, a.json, "recorded"));
}

static const char commitment_list_usage[] =
	"usage: redress commitment list [--client CLIENT] [--failure ID] [--status STATUS] [--json | --format csv|xlsx [-o FILE]]\n";

static int commitment_list(struct rd_cli *cli, int argc, char **argv)
{
	static const struct cli_opt opts[] = {
		{"client", NULL, CO_STR, "CLIENT"}, {"failure", NULL, CO_STR, "ID"},
		{"status", NULL, CO_STR, "open|kept|broken|renegotiated"}, CLI_EXPORT_OPTS,
		{NULL, NULL, 0, NULL}};
	static const char *const cols[] = {"id", "client_id", "status", "due_at", "text", NULL};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 0, 0, commitment_list_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(commitment_list_usage));
	return cli_end(&a, cli_list(cli, "commitment", a.fields, a.json, cols));
}

static int settle(struct rd_cli *cli, int argc, char **argv, const char *status, const char *usage)
{
	static const struct cli_opt opts[] = {
		{"note", NULL, CO_STR, "TEXT"}, {"due", NULL, CO_STR, "TIME"}, {"at", NULL, CO_STR, "TIME"},
		{NULL, NULL, 0, NULL}};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 1, 1, usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(usage));
	int64_t id, at, due;
	if (cli_arg_time(cli, &a, "at", cli->now, &at) || cli_arg_time(cli, &a, "due", 0, &due) ||
	    cli_lookup(cli, "commitment", a.pos[0], &id))
		return cli_end(&a, 2);
	const struct rd_actor *act = cli_actor(cli);
	if (!act)
		return cli_end(&a, 2);
	char *msg = NULL;
	enum rd_err rc = rd_commitment_settle(cli->store, act, id, status, cli_arg(&a, "note"), due, at, &msg);
	if (rc)
		return cli_end(&a, cli_fail(cli, rc, msg));
	return cli_end(&a, cli_done(cli, "commitment", id, a.json, status));
}

static const char keep_usage[] = "usage: redress commitment keep ID [--note TEXT] [--at TIME]\n";
static const char break_usage[] = "usage: redress commitment break ID [--note TEXT] [--at TIME]\n";
static const char reneg_usage[] =
	"usage: redress commitment renegotiate ID --due TIME --note TEXT\n\n"
	"Records that the client agreed to a new date; the commitment stays open to\n"
	"be kept or broken against it.\n";

static int commitment_keep(struct rd_cli *c, int n, char **v) { return settle(c, n, v, "kept", keep_usage); }
static int commitment_break(struct rd_cli *c, int n, char **v) { return settle(c, n, v, "broken", break_usage); }
static int commitment_reneg(struct rd_cli *c, int n, char **v) { return settle(c, n, v, "renegotiated", reneg_usage); }

static const struct cli_command commitment_cmds[] = {
	{"add", commitment_add, "record a promise", commitment_add_usage},
	{"list", commitment_list, "list promises", commitment_list_usage},
	{"keep", commitment_keep, "mark a promise kept", keep_usage},
	{"break", commitment_break, "mark a promise broken", break_usage},
	{"renegotiate", commitment_reneg, "agree a new date", reneg_usage},
	{NULL, NULL, NULL, NULL},
};

int cmd_commitment(struct rd_cli *cli, int argc, char **argv)
{
	return cli_dispatch(cli, "commitment", commitment_cmds, argc, argv);
}
