/* cmd_export.c — `redress export`: copies of redress's content to take
 * elsewhere. `export site DIR` writes a static copy of every client's portal
 * (lib/site.c, pages from src/server/portal_static.c) to host anywhere while
 * redress itself is down. */
#include <stdio.h>
#include <stdlib.h>

#include "../server/portal_static.h"
#include "commands.h"
#include "redress/site.h"
#include "redress/time.h"

static const char site_usage[] =
	"usage: redress export site DIR [--at TIME] [--force] [--json]\n\n"
	"Writes a static copy of each client's portal into DIR, to host anywhere\n"
	"(any web server, object storage) while redress itself is down: per client\n"
	"a directory with an unguessable name (new random names at every export),\n"
	"holding index.html, one page per failure the client can see in the portal\n"
	"and the stylesheet. Relative links only, no scripts, no forms; each page\n"
	"says it is a copy as of TIME and that the live portal is down.\n\n"
	"DIR/index.html is the STAFF index: it lists every client's directory.\n"
	"Never publish it to clients; send each client the address of its own\n"
	"directory only.\n\n"
	"The copy is built in DIR.tmp and renamed into place, so DIR holds either\n"
	"the previous copy or the whole new one. DIR must be new or empty;\n"
	"--force replaces a non-empty DIR.\n\n"
	"  --at TIME   the time the copy says it was taken (default now); the\n"
	"              content is the database as it is\n"
	"  --force     replace a non-empty DIR\n"
	"  --json      print {clients, pages, dir, at} instead of a sentence\n";

static int export_site(struct rd_cli *cli, int argc, char **argv)
{
	static const struct cli_opt opts[] = {
		{"at", NULL, CO_STR, "TIME"}, {"force", NULL, CO_FLAG, NULL}, {NULL, NULL, 0, NULL}};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 1, 1, site_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(site_usage));
	int64_t at;
	if (cli_arg_time(cli, &a, "at", cli->now, &at))
		return cli_end(&a, 2);
	struct rd_site_renderer r;
	if (!rd_portal_site_renderer(&r))
		return cli_end(&a, cli_fail(cli, RD_EIO, NULL));
	struct rd_store *s = cli_store(cli);
	if (!s)
		return cli_end(&a, 1);
	struct rd_site_result res;
	char *msg = NULL;
	bool force = json_is_true(json_object_get(a.fields, "force"));
	enum rd_err rc = rd_site_export(s, a.pos[0], at, force, &r, &res, &msg);
	if (rc)
		return cli_end(&a, cli_fail(cli, rc, msg));
	char when[RD_TIME_BUFSZ];
	rd_time_format(at, when);
	if (a.json) {
		json_t *j = json_pack("{si si ss ss}", "clients", res.clients, "pages", res.pages, "dir", a.pos[0],
				      "at", when);
		cli_print_json(j);
		json_decref(j);
	} else {
		printf("wrote a static portal copy as of %s: %d client%s, %d pages, in %s\n", when, res.clients,
		       res.clients == 1 ? "" : "s", res.pages, a.pos[0]);
		printf("%s/index.html is the staff index: do not publish it to clients\n", a.pos[0]);
	}
	return cli_end(&a, 0);
}

static const struct cli_command export_cmds[] = {
	{"site", export_site, "a static copy of every client's portal", site_usage},
	{NULL, NULL, NULL, NULL},
};

int cmd_export(struct rd_cli *cli, int argc, char **argv)
{
	return cli_dispatch(cli, "export", export_cmds, argc, argv);
}
