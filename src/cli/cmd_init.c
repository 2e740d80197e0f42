/* cmd_init.c — `redress init`: create or upgrade the database (the demo
 * data set is cmd_demo.c). */
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
