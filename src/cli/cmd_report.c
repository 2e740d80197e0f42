/* cmd_report.c — `redress report failure ID`: the post-incident report as
 * a printable HTML page or an A4 PDF, in its internal form or the form for
 * one client (lib/report.c gathers, lib/report_render.c lays out). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "commands.h"
#include "redress/report.h"
#include "util/buf.h"

static const char failure_usage[] =
	"usage: redress report failure ID --format pdf|html [--form internal|client]\n"
	"                                 [--client NAME] [-o FILE]\n\n"
	"The post-incident report of a failure: summary, impact, timeline, root\n"
	"cause, the plan and its ETA history, commitments, goodwill, the review,\n"
	"lessons and follow-up actions. --form internal (the default) is for staff\n"
	"and holds everything; --form client needs --client and holds only what\n"
	"that client may read: their impact, the updates sent to them, the client\n"
	"explanation of the cause, the ETA revisions they were told, their\n"
	"commitments and granted goodwill, the review's client-facing text.\n"
	"Written to --output FILE (-o), else to standard output (a PDF only when\n"
	"that is not a terminal).\n";

static int report_failure(struct rd_cli *cli, int argc, char **argv)
{
	static const struct cli_opt opts[] = {
		{"format", NULL, CO_STR, "pdf|html"}, {"form", NULL, CO_STR, "internal|client"},
		{"client", NULL, CO_STR, "NAME"}, {"output", NULL, CO_STR, "FILE"}, {NULL, NULL, 0, NULL}};
	struct cli_args a;
	/* -o is --output here too (cli_parse maps it when the option exists). */
	if (cli_parse(cli, argc, argv, opts, 1, 1, failure_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(failure_usage));
	const char *format = cli_arg(&a, "format");
	const char *output = cli_arg(&a, "output") ? cli_arg(&a, "output") : cli->output;
	if (!format || (strcmp(format, "pdf") && strcmp(format, "html")))
		return cli_end(&a, cli_usage_error(cli, "--format must be pdf or html (got '%s')\n%s",
						   format ? format : "", failure_usage));
	enum rd_report_form form = RD_REPORT_INTERNAL;
	char *msg = NULL;
	if (cli_arg(&a, "form") && rd_report_form_parse(cli_arg(&a, "form"), &form, &msg)) {
		cli_usage_error(cli, "--form: %s", msg);
		free(msg);
		return cli_end(&a, 2);
	}
	if (form == RD_REPORT_CLIENT && !cli_arg(&a, "client"))
		return cli_end(&a, cli_usage_error(cli, "--form client needs --client NAME"));
	if (form == RD_REPORT_INTERNAL && cli_arg(&a, "client"))
		return cli_end(&a, cli_usage_error(cli, "--client is for --form client; the internal report covers every client"));
	bool to_stdout = !output || strcmp(output, "-") == 0;
	if (strcmp(format, "pdf") == 0 && to_stdout && isatty(STDOUT_FILENO))
		return cli_end(&a, cli_usage_error(cli, "a PDF is binary: give --output FILE (or -o FILE)"));
	int64_t fid, cid = 0;
	if (cli_lookup(cli, "failure", a.pos[0], &fid) ||
	    (cli_arg(&a, "client") && cli_lookup(cli, "client", cli_arg(&a, "client"), &cid)))
		return cli_end(&a, 2);
	json_t *view;
	enum rd_err rc = rd_report_view(cli->store, fid, form, cid, cli->now, &view, &msg);
	if (rc)
		return cli_end(&a, cli_fail(cli, rc, msg));
	struct rd_buf b = RD_BUF_INIT;
	rc = strcmp(format, "pdf") == 0 ? rd_report_pdf(view, &b, &msg) : rd_report_html(view, NULL, &b, &msg);
	json_decref(view);
	if (rc) {
		rd_buf_free(&b);
		return cli_end(&a, cli_fail(cli, rc, msg));
	}
	FILE *f = to_stdout ? stdout : fopen(output, "wb");
	int status = 0;
	if (!f) {
		fprintf(stderr, "redress %s: cannot write '%s': %s\n", cli->cmd, output, strerror(errno));
		status = 1;
	} else {
		bool ok = fwrite(b.data, 1, b.len, f) == b.len;
		ok = (f == stdout ? fflush(f) == 0 : fclose(f) == 0) && ok;
		if (!ok) {
			fprintf(stderr, "redress %s: cannot write '%s'\n", cli->cmd, to_stdout ? "standard output" : output);
			if (!to_stdout)
				unlink(output);
			status = 1;
		}
	}
	rd_buf_free(&b);
	return cli_end(&a, status);
}

static const struct cli_command report_cmds[] = {
	{"failure", report_failure, "a failure's post-incident report (PDF or HTML)", failure_usage},
	{NULL, NULL, NULL, NULL},
};

int cmd_report(struct rd_cli *cli, int argc, char **argv)
{
	return cli_dispatch(cli, "report", report_cmds, argc, argv);
}
