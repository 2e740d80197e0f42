/* cmd_later.c — commands whose subsystems land in their own issues. */
#include <stdio.h>
#include "commands.h"

static int later(struct rd_cli *cli, const char *what)
{
	fprintf(stderr, "redress %s: %s\n", cli->cmd, what);
	return 2;
}

int cmd_serve(struct rd_cli *cli, int argc, char **argv) { return later(cli, "the server is not built yet"); }
int cmd_agenda(struct rd_cli *cli, int argc, char **argv) { return later(cli, "the communication clock is not built yet"); }
int cmd_check(struct rd_cli *cli, int argc, char **argv) { return later(cli, "the checker is not built yet"); }
int cmd_draft(struct rd_cli *cli, int argc, char **argv) { return later(cli, "drafting is not built yet"); }
