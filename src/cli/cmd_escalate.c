/* cmd_escalate.c — `redress escalate`: store escalation events for what is
 * overdue (run from cron). */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "redress/agenda.h"
#include "redress/time.h"

static const char escalate_usage[] =
	"usage: redress escalate [--at TIME]\n\n"
	"Stores an escalation event for every obligation overdue now: level 1 to\n"
	"its owner at its due time, level 2 to the owner's manager after the\n"
	"policy's delay; each once, and each queues one email to that person\n"
	"(without one: the failure's lead, else every admin) in the outbox.\n"
	"`redress serve` does this every minute; run it (or `redress deliver`,\n"
	"which also sends) from cron when the server is not running.\n";

int cmd_escalate(struct rd_cli *cli, int argc, char **argv)
{
	static const struct cli_opt opts[] = {{"at", NULL, CO_STR, "TIME"}, {NULL, NULL, 0, NULL}};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 0, 0, escalate_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(escalate_usage));
	int64_t at, n = 0;
	if (cli_arg_time(cli, &a, "at", cli->now, &at))
		return cli_end(&a, 2);
	struct rd_store *s = cli_store(cli);
	if (!s)
		return cli_end(&a, 1);
	char *msg = NULL;
	enum rd_err rc = rd_escalate(s, at, &n, &msg);
	if (rc)
		return cli_end(&a, cli_fail(cli, rc, msg));
	printf("%" PRId64 " new escalation%s\n", n, n == 1 ? "" : "s");
	return cli_end(&a, 0);
}
