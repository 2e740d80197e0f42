/* cmd_refresh.c — `redress refresh`: recompute every track's obligations,
 * after a policy change. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "redress/agenda.h"
#include "redress/time.h"

static const char refresh_usage[] =
	"usage: redress refresh\n\n"
	"Recomputes every track's stored obligations from the narrative: run it\n"
	"after changing the policy ($REDRESS_POLICY) or importing data in bulk.\n"
	"Writes are otherwise kept in step automatically.\n";

int cmd_refresh(struct rd_cli *cli, int argc, char **argv)
{
	struct cli_args a;
	if (cli_parse(cli, argc, argv, NULL, 0, 0, refresh_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(refresh_usage));
	struct rd_store *s = cli_store(cli);
	if (!s)
		return cli_end(&a, 1);
	int64_t n = 0;
	char *msg = NULL;
	enum rd_err rc = rd_tracks_refresh_all(s, cli->now, &n, &msg);
	if (rc)
		return cli_end(&a, cli_fail(cli, rc, msg));
	printf("%" PRId64 " tracks refreshed\n", n);
	return cli_end(&a, 0);
}
