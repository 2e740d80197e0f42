/* cmd_init.c — `redress init` (create or upgrade the database) and
 * `redress demo` (load the demo data set). */
#include <stdio.h>
#include <stdlib.h>

#include "commands.h"
#include "redress/time.h"

static const char init_usage[] =
	"usage: redress init [--db PATH|URL]\n\n"
	"Creates the database if it does not exist and applies every pending\n"
	"schema migration. Safe to run again: an up-to-date database is left as is.\n"
	"With --db postgres://user@host/db the PostgreSQL database must exist\n"
	"(createdb); init creates the schema in it.\n";

int cmd_init(struct rd_cli *cli, int argc, char **argv)
{
	struct cli_args a;
	if (cli_parse(cli, argc, argv, NULL, 0, 0, init_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(init_usage));
	cli->create_db = true;
	struct rd_store *s = cli_store(cli);
	if (!s)
		return cli_end(&a, 1);
	int v = rd_store_schema_version(s);
	if (a.json) {
		json_t *j = json_pack("{ss si}", "database", cli->db, "schema_version", v);
		cli_print_json(j);
		json_decref(j);
	} else {
		printf("database %s ready (schema version %d)\n", cli->db, v);
	}
	return cli_end(&a, 0);
}

static const char demo_usage[] =
	"usage: redress demo [--db PATH] [--at TIME]\n\n"
	"Loads a realistic demo data set into an empty database: a dozen clients\n"
	"(three of them key accounts), staff users, three failures at different\n"
	"stages, communications across channels (with a call note and a chase), an\n"
	"RCA, a plan with a revised ETA, commitments kept and broken, and goodwill.\n"
	"Times are placed relative to --at (default: now). Refuses a database that\n"
	"already holds clients.\n";

int cmd_demo(struct rd_cli *cli, int argc, char **argv)
{
	static const struct cli_opt opts[] = {{"at", NULL, CO_STR, "TIME"}, {NULL, NULL, 0, NULL}};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 0, 0, demo_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(demo_usage));
	int64_t now;
	if (cli_arg_time(cli, &a, "at", cli->now, &now))
		return cli_end(&a, 2);
	cli->create_db = true;
	struct rd_store *s = cli_store(cli);
	if (!s)
		return cli_end(&a, 1);
	char *msg = NULL;
	enum rd_err rc = rd_demo_load(s, now, &msg);
	if (rc)
		return cli_end(&a, cli_fail(cli, rc, msg));
	printf("demo data loaded into %s\n", cli->db);
	return cli_end(&a, 0);
}
