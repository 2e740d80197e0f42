/* cmd_contact.c — `redress contact`: client contacts: add, list.
 * One file per command (it shared cmd_client.c until issue 9). */
#include <stdio.h>

#include "commands.h"
#include "redress/trust.h"

/* ---- contacts ---- */

static const char contact_add_usage[] =
	"usage: redress contact add CLIENT NAME --email EMAIL [--role ROLE] [--json]\n\n"
	"Adds a contact person at CLIENT (ROLE e.g. executive sponsor, operations).\n";

static int contact_add(struct rd_cli *cli, int argc, char **argv)
{
	static const struct cli_opt opts[] = {
		{"email", NULL, CO_STR, "EMAIL"}, {"role", NULL, CO_STR, "TEXT"}, {NULL, NULL, 0, NULL}};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 2, 2, contact_add_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(contact_add_usage));
	int64_t cid, id;
	if (cli_lookup(cli, "client", a.pos[0], &cid))
		return cli_end(&a, 2);
	const struct rd_actor *act = cli_actor(cli);
	if (!act)
		return cli_end(&a, 2);
	json_object_set_new(a.fields, "client_id", json_integer(cid));
	json_object_set_new(a.fields, "name", json_string(a.pos[1]));
	char *msg = NULL;
	enum rd_err rc = act->role < RD_ROLE_AGENT
		? rd_fail(RD_EPERM, &msg, "a viewer may not add contacts")
		: rd_record_create(cli->store, act, "contact", a.fields, NULL, &id, &msg);
	if (rc)
		return cli_end(&a, cli_fail(cli, rc, msg));
	return cli_end(&a, cli_done(cli, "contact", id, a.json, "added"));
}

static const char contact_list_usage[] = "usage: redress contact list [--client CLIENT] [--json | --format csv|xlsx [-o FILE]]\n";

static int contact_list(struct rd_cli *cli, int argc, char **argv)
{
	static const struct cli_opt opts[] = {{"client", NULL, CO_STR, "CLIENT"}, CLI_EXPORT_OPTS,
		{NULL, NULL, 0, NULL}};
	static const char *const cols[] = {"id", "client_id", "name", "email", "role", NULL};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 0, 0, contact_list_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(contact_list_usage));
	return cli_end(&a, cli_list(cli, "contact", a.fields, a.json, cols));
}

static const struct cli_command contact_cmds[] = {
	{"add", contact_add, "add a contact person to a client", contact_add_usage},
	{"list", contact_list, "list contacts", contact_list_usage},
	{NULL, NULL, NULL, NULL},
};

int cmd_contact(struct rd_cli *cli, int argc, char **argv)
{
	return cli_dispatch(cli, "contact", contact_cmds, argc, argv);
}
