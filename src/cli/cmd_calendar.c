/* cmd_calendar.c — `redress calendar`: an owner's or a client's
 * obligations as an iCalendar file (`calendar feed …`, the subscribable
 * feeds, is cmd_calfeed.c). */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "redress/agenda.h"
#include "redress/time.h"

static const char calendar_usage[] =
	"usage: redress calendar (--owner EMAIL | --client NAME) [--at TIME]\n\n"
	"Writes an iCalendar (RFC 5545) feed to standard output: one event per open\n"
	"obligation of the owner's tracks, or of the client's (its follow-ups).\n"
	"Event UIDs are stable, so a subscribed calendar updates instead of\n"
	"duplicating.\n\n"
	"       redress calendar feed add (--owner EMAIL | --client NAME) [--base-url URL] [--json]\n"
	"       redress calendar feed list [--json]\n"
	"       redress calendar feed revoke ID\n\n"
	"A feed is a secret URL (BASE/cal/<token>.ics, served by `redress serve`)\n"
	"that a calendar app subscribes to, with the same events as this command.\n"
	"`feed add` prints the URL once (only its hash is stored); `feed list`\n"
	"shows the feeds without their URLs; `feed revoke` makes a URL answer 404.\n";

int cmd_calendar(struct rd_cli *cli, int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "feed") == 0)
		return cmd_calendar_feed(cli, argc - 1, argv + 1);
	static const struct cli_opt opts[] = {
		{"owner", NULL, CO_STR, "EMAIL"}, {"client", NULL, CO_STR, "NAME"},
		{"at", NULL, CO_STR, "TIME"}, {NULL, NULL, 0, NULL}};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 0, 0, calendar_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(calendar_usage));
	const char *ow = cli_arg(&a, "owner"), *cl = cli_arg(&a, "client");
	if (!!ow == !!cl)
		return cli_end(&a, cli_usage_error(cli, "give exactly one of --owner EMAIL or --client NAME"));
	int64_t at, owner = 0, client = 0;
	if (cli_arg_time(cli, &a, "at", cli->now, &at) ||
	    (ow && cli_lookup(cli, "user", ow, &owner)) || (cl && cli_lookup(cli, "client", cl, &client)))
		return cli_end(&a, 2);
	char *ics = NULL, *msg = NULL;
	enum rd_err rc = rd_agenda_calendar(cli->store, owner, client, at, &ics, &msg);
	if (rc)
		return cli_end(&a, cli_fail(cli, rc, msg));
	fputs(ics, stdout);
	free(ics);
	return cli_end(&a, 0);
}
