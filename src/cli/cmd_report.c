/* cmd_report.c — `redress report failure ID`: the post-incident report as
 * a printable HTML page or an A4 PDF, in its internal form or the form for
 * one client (lib/report.c gathers, lib/report_render.c lays out); and
 * `redress report portfolio`: a period's recovery for leadership
 * (lib/report_portfolio.c), with its charts (lib/chart.c). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "commands.h"
#include "redress/chart.h"
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

/* Writes B to OUTPUT ("-" or NULL: standard output); 0 or 1 with a message. */
static int write_out(struct rd_cli *cli, const char *output, const struct rd_buf *b)
{
	bool to_stdout = !output || strcmp(output, "-") == 0;
	FILE *f = to_stdout ? stdout : fopen(output, "wb");
	if (!f) {
		fprintf(stderr, "redress %s: cannot write '%s': %s\n", cli->cmd, output, strerror(errno));
		return 1;
	}
	bool ok = fwrite(b->data, 1, b->len, f) == b->len;
	ok = (f == stdout ? fflush(f) == 0 : fclose(f) == 0) && ok;
	if (!ok) {
		fprintf(stderr, "redress %s: cannot write '%s'\n", cli->cmd, to_stdout ? "standard output" : output);
		if (!to_stdout)
			unlink(output);
		return 1;
	}
	return 0;
}

#define PORTFOLIO_DAYS 30
#define PORTFOLIO_TOP 20

static const char portfolio_usage[] =
	"usage: redress report portfolio [--from TIME] [--to TIME] --format pdf|html|json|png\n"
	"                                [--chart N] [-o FILE]\n\n"
	"A period's recovery for leadership, over the failures detected from --from\n"
	"(default: 30 days before --to) up to --to (default: now), each state as it\n"
	"stood at --to (or now, if earlier), as `redress metrics` counts them:\n"
	"headline figures (time to apology median and p90, steps on time, promises\n"
	"kept, chases per affected client, survey mean), the trust portfolio (the 20\n"
	"clients most at risk first, with score, trend and top reason; counts of\n"
	"falling, rising and steady over every client) and five charts: trust over\n"
	"time of the five most at risk, time to apology by tier, on-time rate by\n"
	"step, chases per failure, promise-kept rate by owner. --format json prints\n"
	"the figures as data; --format png draws chart --chart N (1-5, default 1)\n"
	"alone. Written to --output FILE (-o), else to standard output (a PDF or a\n"
	"PNG only when that is not a terminal).\n";

static int report_portfolio(struct rd_cli *cli, int argc, char **argv)
{
	static const struct cli_opt opts[] = {
		{"from", NULL, CO_STR, "TIME"}, {"to", NULL, CO_STR, "TIME"}, {"format", NULL, CO_STR, "pdf|html|json|png"},
		{"chart", NULL, CO_STR, "N"}, {"output", NULL, CO_STR, "FILE"}, {NULL, NULL, 0, NULL}};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 0, 0, portfolio_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(portfolio_usage));
	const char *format = cli_arg(&a, "format");
	const char *output = cli_arg(&a, "output") ? cli_arg(&a, "output") : cli->output;
	static const char *const formats[] = {"pdf", "html", "json", "png"};
	int fmt = -1;
	for (int i = 0; format && i < 4; i++)
		if (strcmp(format, formats[i]) == 0)
			fmt = i;
	if (fmt < 0)
		return cli_end(&a, cli_usage_error(cli, "--format must be pdf, html, json or png (got '%s')\n%s",
						   format ? format : "", portfolio_usage));
	int chart = 1;
	if (cli_arg(&a, "chart")) {
		const char *c = cli_arg(&a, "chart");
		if (fmt != 3)
			return cli_end(&a, cli_usage_error(cli, "--chart is for --format png"));
		if (strlen(c) != 1 || c[0] < '1' || c[0] > '5')
			return cli_end(&a, cli_usage_error(cli, "--chart must be a number from 1 to 5 (got '%s')", c));
		chart = c[0] - '0';
	}
	bool to_stdout = !output || strcmp(output, "-") == 0;
	if ((fmt == 0 || fmt == 3) && to_stdout && isatty(STDOUT_FILENO))
		return cli_end(&a, cli_usage_error(cli, "a %s is binary: give --output FILE (or -o FILE)", fmt ? "PNG" : "PDF"));
	int64_t from, to;
	if (cli_arg_time(cli, &a, "to", cli->now, &to) ||
	    cli_arg_time(cli, &a, "from", to - (int64_t)PORTFOLIO_DAYS * 86400, &from))
		return cli_end(&a, 2);
	if (from >= to)
		return cli_end(&a, cli_usage_error(cli, "--from must be before --to"));
	struct rd_store *s = cli_store(cli);
	if (!s)
		return cli_end(&a, 1);
	json_t *view = NULL, *blocks = NULL;
	char *msg = NULL;
	struct rd_buf b = RD_BUF_INIT;
	enum rd_err rc = rd_report_portfolio_view(s, cli->now, from, to, PORTFOLIO_TOP, &view, &msg);
	if (!rc) {
		switch (fmt) {
		case 0:
		case 1:
			blocks = rd_report_portfolio_blocks(view);
			rc = fmt == 0 ? rd_report_blocks_pdf(blocks, &b, &msg) : rd_report_blocks_html(blocks, NULL, &b, &msg);
			break;
		case 2: {
			char *j = json_dumps(view, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15));
			if (!j || rd_buf_adds(&b, j) || rd_buf_addc(&b, '\n'))
				rc = rd_fail(RD_ENOMEM, &msg, "out of memory");
			free(j);
			break;
		}
		default:
			rc = rd_chart_png(json_array_get(json_object_get(view, "charts"), (size_t)chart - 1), 2.0, &b, &msg);
		}
	}
	json_decref(blocks);
	json_decref(view);
	if (rc) {
		rd_buf_free(&b);
		return cli_end(&a, cli_fail(cli, rc, msg));
	}
	int status = write_out(cli, output, &b);
	rd_buf_free(&b);
	return cli_end(&a, status);
}

static const struct cli_command report_cmds[] = {
	{"failure", report_failure, "a failure's post-incident report (PDF or HTML)", failure_usage},
	{"portfolio", report_portfolio, "a period's recovery for leadership, with charts (PDF or HTML)",
	 portfolio_usage},
	{NULL, NULL, NULL, NULL},
};

int cmd_report(struct rd_cli *cli, int argc, char **argv)
{
	return cli_dispatch(cli, "report", report_cmds, argc, argv);
}
