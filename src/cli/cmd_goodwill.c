/* cmd_goodwill.c — `redress goodwill`: goodwill: propose, list, approve, deliver, decline.
 * One file per command (it shared cmd_ledger.c until issue 9). */
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "redress/agenda.h"
#include "redress/time.h"

/* ---- goodwill ---- */

static const char propose_usage[] =
	"usage: redress goodwill propose --failure ID --client NAME --kind KIND\n"
	"                                [--amount N] [--currency CUR] [--note TEXT] [--json]\n\n"
	"Proposes goodwill. KIND is credit, refund, discount, free_service, upgrade,\n"
	"dedicated_resource or other. A manager approves it.\n";

static int goodwill_propose(struct rd_cli *cli, int argc, char **argv)
{
	static const struct cli_opt opts[] = {
		{"failure", NULL, CO_STR, "ID"}, {"client", NULL, CO_STR, "CLIENT"},
		{"kind", NULL, CO_STR, "KIND"}, {"amount", NULL, CO_STR, "AMOUNT"},
		{"currency", NULL, CO_STR, "CUR"}, {"note", NULL, CO_STR, "TEXT"}, {NULL, NULL, 0, NULL}};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 0, 0, propose_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(propose_usage));
	static const char *const required[] = {"failure", "client", "kind", NULL};
	for (int i = 0; required[i]; i++)
		if (!json_object_get(a.fields, required[i]))
			return cli_end(&a, cli_usage_error(cli, "--%s is required\n%s", required[i], propose_usage));
	struct rd_store *s = cli_store(cli);
	const struct rd_actor *act = s ? cli_actor(cli) : NULL;
	if (!act)
		return cli_end(&a, s ? 2 : 1);
	json_t *extra = json_pack("{ss}", "status", "proposed");
	if (act->user_id)
		json_object_set_new(extra, "proposed_by", json_integer(act->user_id));
	int64_t id;
	char *msg = NULL;
	enum rd_err rc = act->role < RD_ROLE_AGENT
		? rd_fail(RD_EPERM, &msg, "a viewer may not propose goodwill")
		: rd_record_create(s, act, "goodwill", a.fields, extra, &id, &msg);
	json_decref(extra);
	if (rc)
		return cli_end(&a, cli_fail(cli, rc, msg));
	return cli_end(&a, cli_done(cli, "goodwill", id, a.json, "proposed"));
}

static const char gw_list_usage[] =
	"usage: redress goodwill list [--client CLIENT] [--failure ID] [--status STATUS] [--json | --format csv|xlsx [-o FILE]]\n";

static int goodwill_list(struct rd_cli *cli, int argc, char **argv)
{
	static const struct cli_opt opts[] = {
		{"client", NULL, CO_STR, "CLIENT"}, {"failure", NULL, CO_STR, "ID"},
		{"status", NULL, CO_STR, "STATUS"}, CLI_EXPORT_OPTS,
		{NULL, NULL, 0, NULL}};
	static const char *const cols[] = {"id", "failure_id", "client_id", "kind", "amount", "currency",
					   "status", NULL};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 0, 0, gw_list_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(gw_list_usage));
	return cli_end(&a, cli_list(cli, "goodwill", a.fields, a.json, cols));
}

static int decide(struct rd_cli *cli, int argc, char **argv, const char *status, const char *usage)
{
	static const struct cli_opt opts[] = {
		{"note", NULL, CO_STR, "TEXT"}, {"at", NULL, CO_STR, "TIME"}, {NULL, NULL, 0, NULL}};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 1, 1, usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(usage));
	int64_t id, at;
	if (cli_arg_time(cli, &a, "at", cli->now, &at) || cli_lookup(cli, "goodwill", a.pos[0], &id))
		return cli_end(&a, 2);
	const struct rd_actor *act = cli_actor(cli);
	if (!act)
		return cli_end(&a, 2);
	char *msg = NULL;
	enum rd_err rc = rd_goodwill_decide(cli->store, act, id, status, cli_arg(&a, "note"), at, &msg);
	if (rc)
		return cli_end(&a, cli_fail(cli, rc, msg));
	return cli_end(&a, cli_done(cli, "goodwill", id, a.json, status));
}

static const char approve_usage[] =
	"usage: redress goodwill approve ID [--note TEXT] [--at TIME]\n\n"
	"Approves proposed goodwill. Needs a manager or admin: --as EMAIL.\n";
static const char deliver_usage[] = "usage: redress goodwill deliver ID [--note TEXT] [--at TIME]\n";
static const char decline_usage[] = "usage: redress goodwill decline ID [--note TEXT] [--at TIME]\n";

static int goodwill_approve(struct rd_cli *c, int n, char **v) { return decide(c, n, v, "approved", approve_usage); }
static int goodwill_deliver(struct rd_cli *c, int n, char **v) { return decide(c, n, v, "delivered", deliver_usage); }
static int goodwill_decline(struct rd_cli *c, int n, char **v) { return decide(c, n, v, "declined", decline_usage); }

static const char suggest_usage[] =
	"usage: redress goodwill suggest --failure ID --client NAME [--json]\n\n"
	"Proposes a kind and an amount of goodwill from the policy — severity, tier,\n"
	"yearly value, the recorded financial impact, contractual SLA credit and\n"
	"outage length — and explains the calculation line by line. Records nothing.\n";

static int goodwill_suggest(struct rd_cli *cli, int argc, char **argv)
{
	static const struct cli_opt opts[] = {
		{"failure", NULL, CO_STR, "ID"}, {"client", NULL, CO_STR, "NAME"}, {NULL, NULL, 0, NULL}};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 0, 0, suggest_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(suggest_usage));
	if (!cli_arg(&a, "failure") || !cli_arg(&a, "client"))
		return cli_end(&a, cli_usage_error(cli, "--failure and --client are required\n%s", suggest_usage));
	int64_t fid, cid;
	if (cli_lookup(cli, "failure", cli_arg(&a, "failure"), &fid) ||
	    cli_lookup(cli, "client", cli_arg(&a, "client"), &cid))
		return cli_end(&a, 2);
	struct rd_goodwill_suggestion sg;
	char *msg = NULL;
	enum rd_err rc = rd_goodwill_suggest_for(cli->store, fid, cid, cli->now, &sg, &msg);
	if (rc) {
		rd_goodwill_suggestion_free(&sg);
		return cli_end(&a, cli_fail(cli, rc, msg));
	}
	char money[48], dec[32];
	if (a.json) {
		json_t *lines = json_array();
		for (size_t i = 0; i < sg.n_lines; i++)
			json_array_append_new(lines, json_string(sg.lines[i]));
		json_t *j = json_pack("{ss ss ss so}", "kind", sg.kind, "amount",
				      rd_money_decimal(sg.amount_cents, dec, sizeof dec), "currency", sg.currency,
				      "explanation", lines);
		cli_print_json(j);
		json_decref(j);
	} else {
		printf("suggested: %s %s\n", sg.kind, rd_money_text(sg.amount_cents, sg.currency, money));
		for (size_t i = 0; i < sg.n_lines; i++)
			printf("  %s\n", sg.lines[i]);
	}
	rd_goodwill_suggestion_free(&sg);
	return cli_end(&a, 0);
}

static const struct cli_command goodwill_cmds[] = {
	{"suggest", goodwill_suggest, "suggest kind and amount from the policy", suggest_usage},
	{"propose", goodwill_propose, "propose goodwill", propose_usage},
	{"list", goodwill_list, "list goodwill", gw_list_usage},
	{"approve", goodwill_approve, "approve (manager or admin)", approve_usage},
	{"deliver", goodwill_deliver, "record delivery", deliver_usage},
	{"decline", goodwill_decline, "record that it was declined", decline_usage},
	{NULL, NULL, NULL, NULL},
};

int cmd_goodwill(struct rd_cli *cli, int argc, char **argv)
{
	return cli_dispatch(cli, "goodwill", goodwill_cmds, argc, argv);
}
