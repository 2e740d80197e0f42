/* cmd_waive.c — `redress waive`: a manager waives one obligation, with
 * the reason kept on it. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "redress/agenda.h"
#include "redress/time.h"

static const char waive_usage[] =
	"usage: redress waive FAILURE CLIENT KEY --reason TEXT [--at TIME]\n\n"
	"Waives one obligation (KEY as shown by `redress obligations`, e.g.\n"
	"progress#3) for a client. Needs a reason and a manager or admin (--as).\n";

int cmd_waive(struct rd_cli *cli, int argc, char **argv)
{
	static const struct cli_opt opts[] = {
		{"reason", NULL, CO_STR, "TEXT"}, {"at", NULL, CO_STR, "TIME"}, {NULL, NULL, 0, NULL}};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 3, 3, waive_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(waive_usage));
	int64_t at, fid, cid;
	if (cli_arg_time(cli, &a, "at", cli->now, &at) || cli_lookup(cli, "failure", a.pos[0], &fid) ||
	    cli_lookup(cli, "client", a.pos[1], &cid))
		return cli_end(&a, 2);
	const struct rd_actor *act = cli_actor(cli);
	if (!act)
		return cli_end(&a, 2);
	char *msg = NULL;
	enum rd_err rc = rd_obligation_waive(cli->store, act, fid, cid, a.pos[2], cli_arg(&a, "reason"), at, &msg);
	if (rc)
		return cli_end(&a, cli_fail(cli, rc, msg));
	printf("obligation %s of failure #%" PRId64 " waived for %s\n", a.pos[2], fid, a.pos[1]);
	return cli_end(&a, 0);
}
