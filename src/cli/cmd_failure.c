/* cmd_failure.c — the `failure` command group: opening a failure, moving
 * it through its statuses, the disclosure decision (the per-client impact
 * is cmd_impact.c). */
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "redress/time.h"

static const char open_usage[] =
	"usage: redress failure open TITLE --severity N [--detected TIME] [--started TIME]\n"
	"                                  [--service S]... [--client NAME]...\n"
	"                                  [--description TEXT] [--lead EMAIL] [--json]\n\n"
	"Opens a failure (severity 1 critical … 4 low). Each --client is recorded as\n"
	"affected; clients using a --service are proposed as suspected. --detected\n"
	"defaults to now. --json prints the new record, including its id.\n";

static int failure_open(struct rd_cli *cli, int argc, char **argv)
{
	static const struct cli_opt opts[] = {
		{"severity", NULL, CO_STR, "1-4"},
		{"detected", "detected_at", CO_STR, "TIME"},
		{"started", "started_at", CO_STR, "TIME"},
		{"service", "services", CO_LIST, "SERVICE"},
		{"client", "clients", CO_LIST, "CLIENT"},
		{"description", NULL, CO_STR, "TEXT"},
		{"lead", NULL, CO_STR, "EMAIL"},
		{NULL, NULL, 0, NULL}};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 1, 1, open_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(open_usage));
	if (!cli_arg(&a, "severity"))
		return cli_end(&a, cli_usage_error(cli, "--severity is required (1 critical … 4 low)"));
	struct rd_store *s = cli_store(cli);
	const struct rd_actor *act = s ? cli_actor(cli) : NULL;
	if (!act)
		return cli_end(&a, s ? 2 : 1);
	json_object_set_new(a.fields, "title", json_string(a.pos[0]));
	int64_t id;
	char *msg = NULL;
	enum rd_err rc = rd_failure_open(s, act, a.fields, &id, &msg);
	if (rc)
		return cli_end(&a, cli_fail(cli, rc, msg));
	return cli_end(&a, cli_done(cli, "failure", id, a.json, "opened"));
}

static const char list_usage[] = "usage: redress failure list [--status STATUS] [--severity N] [--json | --format csv|xlsx [-o FILE]]\n";

static int failure_list(struct rd_cli *cli, int argc, char **argv)
{
	static const struct cli_opt opts[] = {
		{"status", NULL, CO_STR, "STATUS"}, {"severity", NULL, CO_STR, "1-4"}, CLI_EXPORT_OPTS,
		{NULL, NULL, 0, NULL}};
	static const char *const cols[] = {"id", "severity", "status", "draft", "detected_at", "title", NULL};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 0, 0, list_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(list_usage));
	return cli_end(&a, cli_list(cli, "failure", a.fields, a.json, cols));
}

static const char show_usage[] =
	"usage: redress failure show ID [--json]\n\n"
	"Shows a failure with its services, impacts, communications, RCA, plan,\n"
	"ETA history, commitments and goodwill.\n";

static int failure_show(struct rd_cli *cli, int argc, char **argv)
{
	struct cli_args a;
	if (cli_parse(cli, argc, argv, NULL, 1, 1, show_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(show_usage));
	int64_t id;
	if (cli_lookup(cli, "failure", a.pos[0], &id))
		return cli_end(&a, 2);
	json_t *rec;
	char *msg = NULL;
	enum rd_err rc = rd_failure_show(cli->store, id, &rec, &msg);
	if (rc)
		return cli_end(&a, cli_fail(cli, rc, msg));
	cli_show(rec, a.json);
	json_decref(rec);
	return cli_end(&a, 0);
}

static const char update_usage[] =
	"usage: redress failure update ID [--title TEXT] [--description TEXT] [--severity N]\n"
	"                                 [--detected TIME] [--started TIME] [--lead EMAIL]\n";

static int failure_update(struct rd_cli *cli, int argc, char **argv)
{
	static const struct cli_opt opts[] = {
		{"title", NULL, CO_STR, "TEXT"}, {"description", NULL, CO_STR, "TEXT"},
		{"severity", NULL, CO_STR, "1-4"}, {"detected", "detected_at", CO_STR, "TIME"},
		{"started", "started_at", CO_STR, "TIME"}, {"lead", NULL, CO_STR, "EMAIL"},
		{NULL, NULL, 0, NULL}};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 1, 1, update_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(update_usage));
	int64_t id;
	if (cli_lookup(cli, "failure", a.pos[0], &id))
		return cli_end(&a, 2);
	const struct rd_actor *act = cli_actor(cli);
	if (!act)
		return cli_end(&a, 2);
	char *msg = NULL;
	enum rd_err rc = rd_failure_update(cli->store, act, id, a.fields, &msg);
	if (rc)
		return cli_end(&a, cli_fail(cli, rc, msg));
	return cli_end(&a, cli_done(cli, "failure", id, a.json, "updated"));
}

/* status/resolve/close/reopen share this: STATUS NULL means "take it from
 * the second positional argument". */
static int set_status(struct rd_cli *cli, int argc, char **argv, const char *status, const char *usage)
{
	static const struct cli_opt opts[] = {{"at", NULL, CO_STR, "TIME"}, {NULL, NULL, 0, NULL}};
	struct cli_args a;
	int npos = status ? 1 : 2;
	if (cli_parse(cli, argc, argv, opts, npos, npos, usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(usage));
	int64_t id, at;
	if (cli_arg_time(cli, &a, "at", cli->now, &at))
		return cli_end(&a, 2);
	if (cli_lookup(cli, "failure", a.pos[0], &id))
		return cli_end(&a, 2);
	const struct rd_actor *act = cli_actor(cli);
	if (!act)
		return cli_end(&a, 2);
	const char *to = status ? status : a.pos[1];
	char *msg = NULL;
	enum rd_err rc = rd_failure_set_status(cli->store, act, id, to, at, &msg);
	if (rc)
		return cli_end(&a, cli_fail(cli, rc, msg));
	return cli_end(&a, cli_done(cli, "failure", id, a.json, strcmp(to, "reopen") == 0 ? "reopened" : to));
}

static const char status_usage[] =
	"usage: redress failure status ID STATUS [--at TIME]\n\n"
	"Moves a failure forward: open → investigating → identified → remediating →\n"
	"resolved → closed. Steps may be skipped; going back needs 'reopen'.\n";
static const char resolve_usage[] = "usage: redress failure resolve ID [--at TIME]\n";
static const char close_usage[] = "usage: redress failure close ID [--at TIME]\n\nCloses a resolved failure.\n";
static const char reopen_usage[] =
	"usage: redress failure reopen ID [--at TIME]\n\n"
	"Reopens a resolved or closed failure. Its clients' risk is raised and their\n"
	"clock tightens to the key-client column.\n";

static int failure_status(struct rd_cli *c, int n, char **v) { return set_status(c, n, v, NULL, status_usage); }
static int failure_resolve(struct rd_cli *c, int n, char **v) { return set_status(c, n, v, "resolved", resolve_usage); }
static int failure_close(struct rd_cli *c, int n, char **v) { return set_status(c, n, v, "closed", close_usage); }
static int failure_reopen(struct rd_cli *c, int n, char **v) { return set_status(c, n, v, "reopen", reopen_usage); }

static const char disclose_usage[] =
	"usage: redress failure disclose ID TEXT [--at TIME]\n\n"
	"Records the disclosure decision: what may be told to clients. Needs a\n"
	"manager or admin (--as EMAIL).\n";

static int failure_disclose(struct rd_cli *cli, int argc, char **argv)
{
	static const struct cli_opt opts[] = {{"at", NULL, CO_STR, "TIME"}, {NULL, NULL, 0, NULL}};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 2, 2, disclose_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(disclose_usage));
	int64_t id, at;
	if (cli_arg_time(cli, &a, "at", cli->now, &at) || cli_lookup(cli, "failure", a.pos[0], &id))
		return cli_end(&a, 2);
	const struct rd_actor *act = cli_actor(cli);
	if (!act)
		return cli_end(&a, 2);
	char *msg = NULL;
	enum rd_err rc = rd_failure_disclose(cli->store, act, id, a.pos[1], at, &msg);
	if (rc)
		return cli_end(&a, cli_fail(cli, rc, msg));
	return cli_end(&a, cli_done(cli, "failure", id, a.json, "disclosure recorded"));
}

static const char confirm_usage[] =
	"usage: redress failure confirm ID [--at TIME] [--json]\n\n"
	"Confirms a draft failure (one an alert opened, docs/intake.md): from AT\n"
	"(default now) it is a failure like any other, its clock starts and you\n"
	"become its lead if it has none. Its proposed clients stay suspected until\n"
	"you set their impact.\n";

static int failure_confirm(struct rd_cli *cli, int argc, char **argv)
{
	static const struct cli_opt opts[] = {{"at", NULL, CO_STR, "TIME"}, {NULL, NULL, 0, NULL}};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 1, 1, confirm_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(confirm_usage));
	int64_t id, at;
	if (cli_arg_time(cli, &a, "at", cli->now, &at) || cli_lookup(cli, "failure", a.pos[0], &id))
		return cli_end(&a, 2);
	const struct rd_actor *act = cli_actor(cli);
	if (!act)
		return cli_end(&a, 2);
	char *msg = NULL;
	enum rd_err rc = rd_failure_confirm(cli->store, act, id, at, &msg);
	if (rc)
		return cli_end(&a, cli_fail(cli, rc, msg));
	return cli_end(&a, cli_done(cli, "failure", id, a.json, "confirmed"));
}

static const struct cli_command failure_cmds[] = {
	{"open", failure_open, "open a failure", open_usage},
	{"list", failure_list, "list failures", list_usage},
	{"show", failure_show, "show a failure and its whole story", show_usage},
	{"update", failure_update, "change a failure's fields", update_usage},
	{"status", failure_status, "move a failure to a status", status_usage},
	{"resolve", failure_resolve, "mark a failure resolved", resolve_usage},
	{"close", failure_close, "close a resolved failure", close_usage},
	{"reopen", failure_reopen, "reopen a resolved or closed failure", reopen_usage},
	{"disclose", failure_disclose, "record what may be told to clients", disclose_usage},
	{"confirm", failure_confirm, "confirm a draft failure an alert opened", confirm_usage},
	{NULL, NULL, NULL, NULL},
};

int cmd_failure(struct rd_cli *cli, int argc, char **argv)
{
	return cli_dispatch(cli, "failure", failure_cmds, argc, argv);
}
