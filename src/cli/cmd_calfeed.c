/* cmd_calfeed.c — `redress calendar feed add|list|revoke`: secret URLs a
 * calendar app subscribes to (/cal/<token>.ics on `redress serve`), the
 * same events as `redress calendar`. Secrets are printed once and stored
 * only as hashes (lib/calfeed.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "redress/intake.h"

static const char add_usage[] =
	"usage: redress calendar feed add (--owner EMAIL | --client NAME) [--base-url URL] [--json]\n\n"
	"Creates a secret calendar URL (BASE/cal/<token>.ics) with the same events as\n"
	"`redress calendar --owner EMAIL` (or --client NAME), and prints it once;\n"
	"only its hash is stored. Anyone with the URL can read the feed: revoke it\n"
	"with `redress calendar feed revoke ID`. The URL starts with --base-url, else\n"
	"$REDRESS_BASE_URL, else the address `redress serve` answers on.\n";

static int feed_add(struct rd_cli *cli, int argc, char **argv)
{
	static const struct cli_opt opts[] = {
		{"owner", NULL, CO_STR, "EMAIL"}, {"client", NULL, CO_STR, "NAME"},
		{"base-url", "base_url", CO_STR, "URL"}, {NULL, NULL, 0, NULL}};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 0, 0, add_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(add_usage));
	const char *ow = cli_arg(&a, "owner"), *cl = cli_arg(&a, "client");
	if (!!ow == !!cl)
		return cli_end(&a, cli_usage_error(cli, "give exactly one of --owner EMAIL or --client NAME"));
	struct rd_store *s = cli_store(cli);
	const struct rd_actor *act = s ? cli_actor(cli) : NULL;
	if (!act)
		return cli_end(&a, s ? 2 : 1);
	char *tok = NULL, *msg = NULL, *base = NULL, url[700];
	int64_t id = 0;
	int ex = cli_link_base(cli, &a, &base); /* a bad --base-url leaves no feed behind */
	if (ex)
		return cli_end(&a, ex);
	enum rd_err rc = rd_calfeed_create(s, act, ow, cl, &tok, &id, &msg);
	if (rc) {
		free(base);
		return cli_end(&a, cli_fail(cli, rc, msg));
	}
	snprintf(url, sizeof url, "%s/cal/%s.ics", base, tok);
	free(base);
	if (a.json) {
		json_t *j = json_pack("{sI ss? ss? ss}", "id", (json_int_t)id, "owner", ow, "client", cl, "url", url);
		cli_print_json(j);
		json_decref(j);
	} else {
		printf("%s\n", url);
		fprintf(stderr, "calendar feed #%lld for %s: shown once.\n", (long long)id, ow ? ow : cl);
	}
	memset(tok, 0, strlen(tok));
	memset(url, 0, sizeof url);
	free(tok);
	return cli_end(&a, 0);
}

static const char list_usage[] =
	"usage: redress calendar feed list [--json]\n\n"
	"Lists calendar feeds (never their URLs): whose, who made it, when, revoked.\n";

static int feed_list(struct rd_cli *cli, int argc, char **argv)
{
	struct cli_args a;
	if (cli_parse(cli, argc, argv, NULL, 0, 0, list_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(list_usage));
	struct rd_store *s = cli_store(cli);
	if (!s)
		return cli_end(&a, 1);
	json_t *arr = NULL;
	char *msg = NULL;
	enum rd_err rc = rd_calfeed_list(s, &arr, &msg);
	if (rc)
		return cli_end(&a, cli_fail(cli, rc, msg));
	if (a.json) {
		cli_print_json(arr);
	} else {
		size_t i;
		json_t *f;
		printf("%-5s %-32s %-22s %s\n", "id", "for", "created", "revoked");
		json_array_foreach(arr, i, f) {
			const char *ow = json_string_value(json_object_get(f, "owner"));
			const char *cl = json_string_value(json_object_get(f, "client"));
			const char *rv = json_string_value(json_object_get(f, "revoked_at"));
			char who[200];
			snprintf(who, sizeof who, "%s %s", ow ? "owner" : "client", ow ? ow : cl ? cl : "?");
			printf("%-5lld %-32s %-22s %s\n", (long long)json_integer_value(json_object_get(f, "id")), who,
			       json_string_value(json_object_get(f, "created_at")), rv ? rv : "-");
		}
	}
	json_decref(arr);
	return cli_end(&a, 0);
}

static const char revoke_usage[] =
	"usage: redress calendar feed revoke ID\n\n"
	"Revokes calendar feed ID: its URL answers 404 from then on.\n";

static int feed_revoke(struct rd_cli *cli, int argc, char **argv)
{
	struct cli_args a;
	if (cli_parse(cli, argc, argv, NULL, 1, 1, revoke_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(revoke_usage));
	char *end;
	long long id = strtoll(a.pos[0], &end, 10);
	if (!*a.pos[0] || *end || id <= 0)
		return cli_end(&a, cli_usage_error(cli, "feed id '%s' is not a positive whole number", a.pos[0]));
	struct rd_store *s = cli_store(cli);
	const struct rd_actor *act = s ? cli_actor(cli) : NULL;
	if (!act)
		return cli_end(&a, s ? 2 : 1);
	char *msg = NULL;
	enum rd_err rc = rd_calfeed_revoke(s, act, id, cli->now, &msg);
	if (rc)
		return cli_end(&a, cli_fail(cli, rc, msg));
	printf("calendar feed #%lld revoked\n", id);
	return cli_end(&a, 0);
}

static const struct cli_command feed_cmds[] = {
	{"add", feed_add, "create a secret calendar URL for an owner or a client", add_usage},
	{"list", feed_list, "list calendar feeds", list_usage},
	{"revoke", feed_revoke, "revoke a calendar feed", revoke_usage},
	{NULL, NULL, NULL, NULL},
};

int cmd_calendar_feed(struct rd_cli *cli, int argc, char **argv)
{
	return cli_dispatch(cli, "calendar feed", feed_cmds, argc, argv);
}
