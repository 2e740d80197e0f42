/* cmd_client.c — the `client` command group: accounts (the people we talk
 * to there and what they use of ours are cmd_contact.c, cmd_service.c). */
#include <stdio.h>

#include "commands.h"
#include "redress/trust.h"

static const struct cli_opt client_opts[] = {
	{"tier", NULL, CO_STR, "key|standard"},
	{"value", NULL, CO_STR, "yearly value, e.g. 120000"},
	{"currency", NULL, CO_STR, "ISO 4217 code, e.g. EUR"},
	{"tz", NULL, CO_STR, "IANA zone, e.g. Europe/Berlin"},
	{"owner", NULL, CO_STR, "staff EMAIL"},
	{"tags", NULL, CO_STR, "TEXT"},
	{"sla-credit", "sla_credit_pct", CO_STR, "percent 0-100"},
	{"lang", "language", CO_STR, "en|de|fr"},
	{"service", "services", CO_LIST, "SERVICE"},
	{NULL, NULL, 0, NULL},
};

static const char client_add_usage[] =
	"usage: redress client add NAME [--tier key|standard] [--value N] [--currency CUR]\n"
	"                               [--tz ZONE] [--owner EMAIL] [--service S]...\n"
	"                               [--tags TEXT] [--sla-credit PCT] [--lang en|de|fr]\n"
	"                               [--json]\n\n"
	"Adds a client. --service may repeat; unknown services are created.\n"
	"--lang is the language drafts to them are written in (default en): the\n"
	"templates and the date and amount formats follow it.\n"
	"--json prints the new record, including its id.\n";

static int client_add(struct rd_cli *cli, int argc, char **argv)
{
	struct cli_args a;
	if (cli_parse(cli, argc, argv, client_opts, 1, 1, client_add_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(client_add_usage));
	struct rd_store *s = cli_store(cli);
	const struct rd_actor *act = s ? cli_actor(cli) : NULL;
	if (!act)
		return cli_end(&a, s ? 2 : 1);
	json_object_set_new(a.fields, "name", json_string(a.pos[0]));
	int64_t id;
	char *msg = NULL;
	enum rd_err rc = rd_client_add(s, act, a.fields, &id, &msg);
	if (rc)
		return cli_end(&a, cli_fail(cli, rc, msg));
	return cli_end(&a, cli_done(cli, "client", id, a.json, "added"));
}

static const char client_update_usage[] =
	"usage: redress client update CLIENT [--tier …] [--value N] [--currency CUR] [--tz ZONE]\n"
	"                                    [--owner EMAIL] [--tags TEXT] [--sla-credit PCT]\n"
	"                                    [--lang en|de|fr]\n\n"
	"Changes a client's fields. CLIENT is its name or id.\n";

static int client_update(struct rd_cli *cli, int argc, char **argv)
{
	struct cli_args a;
	if (cli_parse(cli, argc, argv, client_opts, 1, 1, client_update_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(client_update_usage));
	int64_t id;
	if (cli_lookup(cli, "client", a.pos[0], &id))
		return cli_end(&a, 2);
	const struct rd_actor *act = cli_actor(cli);
	if (!act)
		return cli_end(&a, 2);
	if (json_object_get(a.fields, "services"))
		return cli_end(&a, cli_usage_error(cli, "use 'redress client service' to add services"));
	char *msg = NULL;
	enum rd_err rc = rd_client_update(cli->store, act, id, a.fields, &msg);
	if (rc)
		return cli_end(&a, cli_fail(cli, rc, msg));
	return cli_end(&a, cli_done(cli, "client", id, a.json, "updated"));
}

static const char client_service_usage[] =
	"usage: redress client service CLIENT SERVICE\n\n"
	"Records that CLIENT uses SERVICE (created if new), so failures of that\n"
	"service propose the client as affected.\n";

static int client_service(struct rd_cli *cli, int argc, char **argv)
{
	struct cli_args a;
	if (cli_parse(cli, argc, argv, NULL, 2, 2, client_service_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(client_service_usage));
	int64_t id;
	if (cli_lookup(cli, "client", a.pos[0], &id))
		return cli_end(&a, 2);
	const struct rd_actor *act = cli_actor(cli);
	if (!act)
		return cli_end(&a, 2);
	char *msg = NULL;
	enum rd_err rc = rd_client_use_service(cli->store, act, id, a.pos[1], &msg);
	if (rc)
		return cli_end(&a, cli_fail(cli, rc, msg));
	printf("client #%lld uses %s\n", (long long)id, a.pos[1]);
	return cli_end(&a, 0);
}

static const char client_list_usage[] =
	"usage: redress client list [--tier key|standard] [--owner EMAIL] [--json | --format csv|xlsx [-o FILE]]\n";

static int client_list(struct rd_cli *cli, int argc, char **argv)
{
	static const struct cli_opt opts[] = {
		{"tier", NULL, CO_STR, "key|standard"}, {"owner", NULL, CO_STR, "EMAIL"},
		CLI_EXPORT_OPTS,
		{NULL, NULL, 0, NULL}};
	static const char *const cols[] = {"id", "name", "tier", "value", "currency", "tz", "risk", NULL};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 0, 0, client_list_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(client_list_usage));
	return cli_end(&a, cli_list(cli, "client", a.fields, a.json, cols));
}

static const char client_show_usage[] =
	"usage: redress client show CLIENT [--json]\n\n"
	"Shows a client with its contacts, services, impacts, commitments and goodwill,\n"
	"and its trust score now with its trend and explanation (see `redress trust`).\n";

static int client_show(struct rd_cli *cli, int argc, char **argv)
{
	struct cli_args a;
	if (cli_parse(cli, argc, argv, NULL, 1, 1, client_show_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(client_show_usage));
	int64_t id;
	if (cli_lookup(cli, "client", a.pos[0], &id))
		return cli_end(&a, 2);
	json_t *rec;
	char *msg = NULL;
	enum rd_err rc = rd_client_show(cli->store, id, &rec, &msg);
	if (rc)
		return cli_end(&a, cli_fail(cli, rc, msg));
	json_t *trust;
	if ((rc = rd_trust_client_json(cli->store, id, cli->now, &trust, &msg))) {
		json_decref(rec);
		return cli_end(&a, cli_fail(cli, rc, msg));
	}
	if (a.json) {
		json_object_set_new(rec, "trust", trust);
		cli_show(rec, true);
	} else {
		cli_show(rec, false);
		cli_print_trust(trust);
		json_decref(trust);
	}
	json_decref(rec);
	return cli_end(&a, 0);
}

static const struct cli_command client_cmds[] = {
	{"add", client_add, "add a client", client_add_usage},
	{"list", client_list, "list clients", client_list_usage},
	{"show", client_show, "show one client with its history", client_show_usage},
	{"update", client_update, "change a client's fields", client_update_usage},
	{"service", client_service, "record that a client uses a service", client_service_usage},
	{NULL, NULL, NULL, NULL},
};

int cmd_client(struct rd_cli *cli, int argc, char **argv)
{
	return cli_dispatch(cli, "client", client_cmds, argc, argv);
}
