/* cmd_user.c — staff users (`user`; the audit log is cmd_audit.c).
 * Passwords come from standard input, never from argv, so they
 * don't show in `ps` or shell history; `user password-link` prints a
 * one-time link with which the user sets one in the browser. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "redress/auth.h"
#include "redress/time.h"

#include "commands.h"

/* cmd_token.c: --base-url, else $REDRESS_BASE_URL, else the default. */
const char *cli_base_url(const struct cli_args *a, char *buf, size_t n);

static const char user_add_usage[] =
	"usage: redress user add EMAIL --role admin|manager|agent|viewer [--name NAME]\n"
	"                        [--manager EMAIL] [--title TITLE] [--phone PHONE]\n"
	"                        [--tz ZONE] [--no-password] [--json]\n\n"
	"Adds a staff user. The password is read from the first line of standard\n"
	"input and stored only as an argon2id hash. It must pass libpwquality's\n"
	"strength check (at least 8 characters, not a dictionary word, not based\n"
	"on the email or the name); the error names what is wrong. --no-password\n"
	"adds a user who cannot log in yet (see `redress user password-link`).\n";

static int user_add(struct rd_cli *cli, int argc, char **argv)
{
	static const struct cli_opt opts[] = {
		{"role", NULL, CO_STR, "admin|manager|agent|viewer"}, {"name", NULL, CO_STR, "NAME"},
		{"manager", NULL, CO_STR, "EMAIL"}, {"no-password", "no_password", CO_FLAG, NULL},
		{"title", NULL, CO_STR, "TITLE"}, {"phone", NULL, CO_STR, "PHONE"},
		{"tz", NULL, CO_STR, "ZONE"}, {NULL, NULL, 0, NULL}};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 1, 1, user_add_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(user_add_usage));
	if (!cli_arg(&a, "role"))
		return cli_end(&a, cli_usage_error(cli, "--role is required (admin, manager, agent or viewer)"));
	bool nopw = json_is_true(json_object_get(a.fields, "no_password"));
	json_object_del(a.fields, "no_password");
	json_object_set_new(a.fields, "email", json_string(a.pos[0]));
	if (!json_object_get(a.fields, "name")) {
		const char *at = strchr(a.pos[0], '@');
		json_object_set_new(a.fields, "name", json_stringn(a.pos[0], at ? (size_t)(at - a.pos[0]) : strlen(a.pos[0])));
	}
	char pw[1024] = "";
	if (!nopw) {
		if (isatty(STDIN_FILENO))
			fprintf(stderr, "password for %s: ", a.pos[0]);
		if (!fgets(pw, sizeof pw, stdin))
			return cli_end(&a, cli_usage_error(cli, "no password on standard input (or use --no-password)"));
		pw[strcspn(pw, "\r\n")] = '\0';
	}
	struct rd_store *s = cli_store(cli);
	const struct rd_actor *act = s ? cli_actor(cli) : NULL;
	if (!act)
		return cli_end(&a, s ? 2 : 1);
	int64_t id;
	char *msg = NULL;
	enum rd_err rc = rd_user_add(s, act, a.fields, nopw ? NULL : pw, &id, &msg);
	memset(pw, 0, sizeof pw);
	if (rc)
		return cli_end(&a, cli_fail(cli, rc, msg));
	return cli_end(&a, cli_done(cli, "user", id, a.json, "added"));
}

static const char user_update_usage[] =
	"usage: redress user update EMAIL [--name NAME] [--title TITLE] [--phone PHONE]\n"
	"                           [--tz ZONE] [--json]\n\n"
	"Changes a staff user's name, job title or phone: what signs their drafts\n"
	"(\"Sam Okafor, Account Director, +49 30 1234 5678\"), or their time zone\n"
	"(--tz, an IANA zone: the local hour of their daily digest email). An admin\n"
	"may change anyone; a user may change themselves.\n";

static int user_update(struct rd_cli *cli, int argc, char **argv)
{
	static const struct cli_opt opts[] = {
		{"name", NULL, CO_STR, "NAME"}, {"title", NULL, CO_STR, "TITLE"},
		{"phone", NULL, CO_STR, "PHONE"}, {"tz", NULL, CO_STR, "ZONE"}, {NULL, NULL, 0, NULL}};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 1, 1, user_update_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(user_update_usage));
	int64_t id;
	if (cli_lookup(cli, "user", a.pos[0], &id))
		return cli_end(&a, 2);
	const struct rd_actor *act = cli_actor(cli);
	if (!act)
		return cli_end(&a, 2);
	char *msg = NULL;
	enum rd_err rc = rd_user_update(cli->store, act, id, a.fields, &msg);
	if (rc)
		return cli_end(&a, cli_fail(cli, rc, msg));
	return cli_end(&a, cli_done(cli, "user", id, a.json, "updated"));
}

static const char user_list_usage[] = "usage: redress user list [--role ROLE] [--json | --format csv|xlsx [-o FILE]]\n";

static int user_list(struct rd_cli *cli, int argc, char **argv)
{
	static const struct cli_opt opts[] = {{"role", NULL, CO_STR, "ROLE"}, CLI_EXPORT_OPTS,
		{NULL, NULL, 0, NULL}};
	static const char *const cols[] = {"id", "email", "name", "role", "manager_id", NULL};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 0, 0, user_list_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(user_list_usage));
	return cli_end(&a, cli_list(cli, "user", a.fields, a.json, cols));
}

static const char password_link_usage[] =
	"usage: redress user password-link EMAIL [--minutes N] [--base-url URL]\n\n"
	"Prints a one-time link with which staff user EMAIL sets a new password in\n"
	"the browser (admin only), valid N minutes (default 60). Setting the\n"
	"password signs the user in and ends their other sessions. Only the link's\n"
	"hash is stored; it works once. Users can also ask for one themselves\n"
	"(\"Forgot your password?\" on the sign-in page).\n";

static int user_password_link(struct rd_cli *cli, int argc, char **argv)
{
	return user_link(cli, argc, argv, password_link_usage, rd_password_link_create, "/password/");
}

static const struct cli_command user_cmds[] = {
	{"add", user_add, "add a staff user", user_add_usage},
	{"update", user_update, "change a user's name, title or phone", user_update_usage},
	{"list", user_list, "list staff users", user_list_usage},
	{"login-link", user_login_link, "print a one-time login link", NULL},
	{"password-link", user_password_link, "print a one-time link to set a new password", password_link_usage},
	{NULL, NULL, NULL, NULL},
};

int cmd_user(struct rd_cli *cli, int argc, char **argv)
{
	return cli_dispatch(cli, "user", user_cmds, argc, argv);
}
