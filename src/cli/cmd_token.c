/* cmd_token.c — `redress token` (API bearer tokens: create, list, revoke)
 * and `redress user login-link` (a one-time login link for a staff user).
 * Secrets are printed once and stored only as hashes (lib/auth_token.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "redress/auth.h"
#include "redress/settings.h"
#include "redress/time.h"

int cli_link_base(struct rd_cli *cli, const struct cli_args *a, char **out)
{
	const char *v = a ? cli_arg(a, "base_url") : NULL;
	const char *what = "--base-url";
	if (!v || !*v) {
		v = getenv("REDRESS_BASE_URL");
		what = "REDRESS_BASE_URL";
	}
	char *msg = NULL;
	enum rd_err rc = rd_base_url_resolve(cli->store, v, what, out, &msg);
	return rc ? cli_fail(cli, rc, msg) : 0;
}

static const char create_usage[] =
	"usage: redress token create EMAIL [--label TEXT] [--json]\n\n"
	"Creates an API bearer token for staff user EMAIL and prints it once; only\n"
	"its hash is stored. Use it as 'Authorization: Bearer TOKEN'. The token acts\n"
	"with the user's role. Admins may create tokens for anyone; others only for\n"
	"themselves (--as).\n";

static int token_create(struct rd_cli *cli, int argc, char **argv)
{
	static const struct cli_opt opts[] = {{"label", NULL, CO_STR, "TEXT"}, {NULL, NULL, 0, NULL}};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 1, 1, create_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(create_usage));
	struct rd_store *s = cli_store(cli);
	const struct rd_actor *act = s ? cli_actor(cli) : NULL;
	if (!act)
		return cli_end(&a, s ? 2 : 1);
	char *tok = NULL, *msg = NULL;
	int64_t id = 0;
	enum rd_err rc = rd_api_token_create(s, act, a.pos[0], cli_arg(&a, "label"), &tok, &id, &msg);
	if (rc)
		return cli_end(&a, cli_fail(cli, rc, msg));
	if (a.json) {
		json_t *j = json_pack("{sI ss ss* ss}", "id", (json_int_t)id, "user", a.pos[0], "label",
				      cli_arg(&a, "label"), "token", tok);
		cli_print_json(j);
		json_decref(j);
	} else {
		printf("%s\n", tok);
		fprintf(stderr, "API token #%lld for %s: shown once, store it now.\n", (long long)id, a.pos[0]);
	}
	memset(tok, 0, strlen(tok));
	free(tok);
	return cli_end(&a, 0);
}

static const char revoke_usage[] =
	"usage: redress token revoke ID\n\n"
	"Revokes API token ID at once (see 'redress token list').\n";

static int token_revoke(struct rd_cli *cli, int argc, char **argv)
{
	struct cli_args a;
	if (cli_parse(cli, argc, argv, NULL, 1, 1, revoke_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(revoke_usage));
	const char *p = a.pos[0][0] == '#' ? a.pos[0] + 1 : a.pos[0];
	char *end;
	long long id = strtoll(p, &end, 10);
	if (!*p || *end || id <= 0)
		return cli_end(&a, cli_usage_error(cli, "'%s' is not a token id (a number)", a.pos[0]));
	struct rd_store *s = cli_store(cli);
	const struct rd_actor *act = s ? cli_actor(cli) : NULL;
	if (!act)
		return cli_end(&a, s ? 2 : 1);
	char *msg = NULL;
	enum rd_err rc = rd_api_token_revoke(s, act, id, &msg);
	if (rc)
		return cli_end(&a, cli_fail(cli, rc, msg));
	printf("API token #%lld revoked\n", id);
	return cli_end(&a, 0);
}

static void print_tokens(json_t *out)
{
	printf("id\tuser\tlabel\tcreated_at\trevoked_at\n");
	size_t i;
	json_t *t;
	json_array_foreach(out, i, t) {
		json_t *l = json_object_get(t, "label"), *r = json_object_get(t, "revoked_at");
		printf("%lld\t%s\t%s\t%s\t%s\n", (long long)json_integer_value(json_object_get(t, "id")),
		       json_string_value(json_object_get(t, "user")), json_is_string(l) ? json_string_value(l) : "-",
		       json_string_value(json_object_get(t, "created_at")), json_is_string(r) ? json_string_value(r) : "-");
	}
}

static const char list_usage[] = "usage: redress token list [--user EMAIL] [--json | --format csv|xlsx [-o FILE]]\n";

static enum rd_err list_tokens(struct rd_cli *cli, struct rd_store *s, const char *user, json_t **out, char **msg)
{
	return rd_api_token_list(s, user, out, msg);
}

static const struct cli_view_list tokens = {list_usage, "user", "EMAIL", list_tokens, "api_token", "tokens",
					    print_tokens};

static int token_list(struct rd_cli *cli, int argc, char **argv)
{
	return cli_view_list(cli, argc, argv, &tokens);
}

static const struct cli_command token_cmds[] = {
	{"create", token_create, "create an API token (printed once)", create_usage},
	{"list", token_list, "list API tokens (never their secrets)", list_usage},
	{"revoke", token_revoke, "revoke an API token", revoke_usage},
	{NULL, NULL, NULL, NULL},
};

int cmd_token(struct rd_cli *cli, int argc, char **argv)
{
	return cli_dispatch(cli, "token", token_cmds, argc, argv);
}

static const char login_link_usage[] =
	"usage: redress user login-link EMAIL [--minutes N] [--base-url URL]\n\n"
	"Prints a one-time login link for staff user EMAIL (admin only), valid for\n"
	"N minutes (default 60): for a first login or a lost password. Only its hash\n"
	"is stored; it works once.\n\n"
	"The link starts with --base-url, else $REDRESS_BASE_URL, else the address\n"
	"the running (or last) `redress serve` on this database answers on, else\n"
	"http://127.0.0.1:8080.\n";

/* The link subcommands of `user` (login-link here, password-link in
 * cmd_user.c): parse EMAIL [--minutes N] [--base-url URL], resolve the base
 * first (a bad one leaves no link behind), create the link with CREATE and
 * print BASE + PATH + token. */
int user_link(struct rd_cli *cli, int argc, char **argv, const char *usage, user_link_fn create,
	      const char *path)
{
	static const struct cli_opt opts[] = {
		{"minutes", NULL, CO_STR, "N"}, {"base-url", "base_url", CO_STR, "URL"}, {NULL, NULL, 0, NULL}};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 1, 1, usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(usage));
	int minutes = 0;
	const char *m = cli_arg(&a, "minutes");
	if (m) {
		char *end;
		long v = strtol(m, &end, 10);
		if (!*m || *end || v <= 0 || v > 7 * 24 * 60)
			return cli_end(&a, cli_usage_error(cli, "--minutes must be from 1 to 10080"));
		minutes = (int)v;
	}
	struct rd_store *s = cli_store(cli);
	const struct rd_actor *act = s ? cli_actor(cli) : NULL;
	if (!act)
		return cli_end(&a, s ? 2 : 1);
	char *tok = NULL, *msg = NULL, *base = NULL;
	/* The base first: a bad --base-url must not leave a link behind. */
	int ex = cli_link_base(cli, &a, &base);
	if (ex)
		return cli_end(&a, ex);
	enum rd_err rc = create(s, act, a.pos[0], minutes, cli->now, &tok, &msg);
	if (rc) {
		free(base);
		return cli_end(&a, cli_fail(cli, rc, msg));
	}
	printf("%s%s%s\n", base, path, tok);
	memset(tok, 0, strlen(tok));
	free(tok);
	free(base);
	return cli_end(&a, 0);
}

int user_login_link(struct rd_cli *cli, int argc, char **argv)
{
	return user_link(cli, argc, argv, login_link_usage, rd_login_link_create, "/login/link/");
}
