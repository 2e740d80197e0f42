/* cmd_later.c — commands whose subsystems land in their own issues. */
#include <stdio.h>
#include <string.h>

#include "commands.h"

/* Every command answers --help with exit 0 (SPEC "Interfaces / CLI"), even
 * before it does anything else. */
__attribute__((unused)) static int later(struct rd_cli *cli, int argc, char **argv, const char *usage,
					   const char *what)
{
	for (int i = 1; i < argc; i++)
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
			return cli_help(usage);
	fprintf(stderr, "redress %s: %s\n", cli->cmd, what);
	return 2;
}

