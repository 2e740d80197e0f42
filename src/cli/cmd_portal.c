/* cmd_portal.c — `redress portal`: magic links that let one client contact
 * into the client portal (invite, list, revoke). A link is a random token
 * stored only as its hash, expiring (30 days by default) and revocable;
 * revoking it also ends the sessions it opened. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "redress/auth.h"
#include "redress/time.h"

static const char invite_usage[] =
	"usage: redress portal invite CONTACT [--days N] [--base-url URL] [--json]\n\n"
	"Creates a personal portal link for CONTACT (email or id) and prints it\n"
	"once. The contact sees only their own client's failures, the updates sent\n"
	"to them, the plan, commitments and goodwill — never internal notes. The\n"
	"link expires after N days (1 to 90, default 30) and can be revoked.\n\n"
	"The link starts with --base-url, else $REDRESS_BASE_URL, else the address\n"
	"the running (or last) `redress serve` on this database answers on, else\n"
	"http://127.0.0.1:8080.\n";

static int portal_invite(struct rd_cli *cli, int argc, char **argv)
{
	static const struct cli_opt opts[] = {
		{"days", NULL, CO_STR, "N"}, {"base-url", "base_url", CO_STR, "URL"}, {NULL, NULL, 0, NULL}};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 1, 1, invite_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(invite_usage));
	int64_t days = RD_PORTAL_LINK_DAYS;
	const char *d = cli_arg(&a, "days");
	if (d) {
		char *end;
		errno = 0;
		long long v = strtoll(d, &end, 10);
		if (!*d || *end || errno)
			return cli_end(&a, cli_usage_error(cli, "--days '%s' is not a whole number of days", d));
		days = v; /* the range is the library's to check */
	}
	struct rd_store *s = cli_store(cli);
	const struct rd_actor *act = s ? cli_actor(cli) : NULL;
	if (!act)
		return cli_end(&a, s ? 2 : 1);
	char *tok = NULL, *msg = NULL, *base = NULL, url[700];
	int64_t id = 0;
	/* The base first: a bad --base-url must not leave a link behind. */
	int ex = cli_link_base(cli, &a, &base);
	if (ex)
		return cli_end(&a, ex);
	enum rd_err rc = rd_portal_invite(s, act, a.pos[0], days, cli->now, &tok, &id, &msg);
	if (rc) {
		free(base);
		return cli_end(&a, cli_fail(cli, rc, msg));
	}
	snprintf(url, sizeof url, "%s/portal/enter/%s", base, tok);
	free(base);
	if (a.json) {
		json_t *j = json_pack("{sI ss ss}", "id", (json_int_t)id, "contact", a.pos[0], "url", url);
		cli_print_json(j);
		json_decref(j);
	} else {
		printf("%s\n", url);
		fprintf(stderr, "portal link #%lld for %s: shown once.\n", (long long)id, a.pos[0]);
	}
	memset(tok, 0, strlen(tok));
	memset(url, 0, sizeof url);
	free(tok);
	return cli_end(&a, 0);
}

static const char revoke_usage[] =
	"usage: redress portal revoke ID|CONTACT\n\n"
	"Revokes portal link ID, or every live link of CONTACT (an email), and ends\n"
	"the portal sessions they opened.\n";

static int portal_revoke(struct rd_cli *cli, int argc, char **argv)
{
	struct cli_args a;
	if (cli_parse(cli, argc, argv, NULL, 1, 1, revoke_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(revoke_usage));
	struct rd_store *s = cli_store(cli);
	const struct rd_actor *act = s ? cli_actor(cli) : NULL;
	if (!act)
		return cli_end(&a, s ? 2 : 1);
	const char *p = a.pos[0][0] == '#' ? a.pos[0] + 1 : a.pos[0];
	char *end;
	long long id = strtoll(p, &end, 10);
	bool by_id = *p && !*end && id > 0;
	char *msg = NULL;
	int n = 0;
	enum rd_err rc = rd_portal_revoke(s, act, by_id ? id : 0, by_id ? NULL : a.pos[0], cli->now, &n, &msg);
	if (rc)
		return cli_end(&a, cli_fail(cli, rc, msg));
	printf("%d portal link%s revoked\n", n, n == 1 ? "" : "s");
	return cli_end(&a, 0);
}

static void print_links(json_t *out)
{
	printf("id\tcontact\tclient_id\tstate\texpires_at\tlast_used_at\n");
	size_t i;
	json_t *t;
	json_array_foreach(out, i, t) {
		json_t *u = json_object_get(t, "last_used_at");
		printf("%lld\t%s\t%lld\t%s\t%s\t%s\n", (long long)json_integer_value(json_object_get(t, "id")),
		       json_string_value(json_object_get(t, "contact")),
		       (long long)json_integer_value(json_object_get(t, "client_id")),
		       json_string_value(json_object_get(t, "state")), json_string_value(json_object_get(t, "expires_at")),
		       json_is_string(u) ? json_string_value(u) : "-");
	}
}

static const char list_usage[] = "usage: redress portal list [--contact CONTACT] [--json | --format csv|xlsx [-o FILE]]\n";

static enum rd_err list_links(struct rd_cli *cli, struct rd_store *s, const char *contact, json_t **out, char **msg)
{
	return rd_portal_list(s, contact, cli->now, out, msg);
}

static const struct cli_view_list links = {list_usage, "contact", "CONTACT", list_links, "portal_link",
					   "portal links", print_links};

static int portal_list(struct rd_cli *cli, int argc, char **argv)
{
	return cli_view_list(cli, argc, argv, &links);
}

static const struct cli_command portal_cmds[] = {
	{"invite", portal_invite, "create a contact's portal link (printed once)", invite_usage},
	{"list", portal_list, "list portal links", list_usage},
	{"revoke", portal_revoke, "revoke a link, or all of a contact's", revoke_usage},
	{NULL, NULL, NULL, NULL},
};

int cmd_portal(struct rd_cli *cli, int argc, char **argv)
{
	return cli_dispatch(cli, "portal", portal_cmds, argc, argv);
}
