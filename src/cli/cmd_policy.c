/* cmd_policy.c — `redress policy check|show`: the clock's policy file,
 * checked or shown as the clock reads it. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "redress/agenda.h"
#include "redress/time.h"

static const char policy_check_usage[] =
	"usage: redress policy check FILE\n\n"
	"Validates a policy file; every problem is reported with its line, column\n"
	"and field. Exit status 0 when valid, 1 when not.\n";

static int policy_check(struct rd_cli *cli, int argc, char **argv)
{
	struct cli_args a;
	if (cli_parse(cli, argc, argv, NULL, 1, 1, policy_check_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(policy_check_usage));
	struct rd_policy *p;
	char *msg = NULL;
	enum rd_err rc = rd_policy_load(a.pos[0], &p, &msg);
	if (rc == RD_EINVAL) {
		fprintf(stderr, "%s\n", msg ? msg : "invalid policy");
		free(msg);
		return cli_end(&a, 1);
	}
	if (rc)
		return cli_end(&a, cli_fail(cli, rc, msg));
	printf("%s: valid (version %s)\n", a.pos[0], p->stamp);
	rd_policy_free(p);
	return cli_end(&a, 0);
}

static const char policy_show_usage[] =
	"usage: redress policy show [--json]\n\n"
	"Prints the policy in force: $REDRESS_POLICY if set, else the default.\n";

static int policy_show(struct rd_cli *cli, int argc, char **argv)
{
	struct cli_args a;
	if (cli_parse(cli, argc, argv, NULL, 0, 0, policy_show_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(policy_show_usage));
	const struct rd_policy *p;
	char *msg = NULL, *yaml = NULL;
	enum rd_err rc = rd_policy_in_force(&p, &msg);
	if (rc)
		return cli_end(&a, cli_fail(cli, rc, msg));
	if (a.json) {
		json_t *j = rd_policy_json(p);
		cli_print_json(j);
		json_decref(j);
		return cli_end(&a, 0);
	}
	if ((rc = rd_policy_yaml(p, &yaml, &msg)))
		return cli_end(&a, cli_fail(cli, rc, msg));
	fputs(yaml, stdout);
	free(yaml);
	return cli_end(&a, 0);
}

static const struct cli_command policy_cmds[] = {
	{"check", policy_check, "validate a policy file", policy_check_usage},
	{"show", policy_show, "print the policy in force", policy_show_usage},
	{NULL, NULL, NULL, NULL},
};

int cmd_policy(struct rd_cli *cli, int argc, char **argv)
{
	return cli_dispatch(cli, "policy", policy_cmds, argc, argv);
}
