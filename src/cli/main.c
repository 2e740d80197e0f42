/* main.c — the `redress` binary: global options and the command table.
 *
 * To add a top-level command: write `int cmd_x(struct rd_cli *, int, char **)`
 * in its own cmd_x.c (declared in commands.h), add a row to commands[] below
 * and a page under docs/cli/. Groups (client, failure …) dispatch their
 * subcommands from a table of their own with cli_dispatch. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "commands.h"
#include "redress/agenda.h"
#include "redress/time.h"

static const struct cli_command commands[] = {
	{"init", cmd_init, "create or upgrade the database", NULL},
	{"serve", cmd_serve, "run the HTTP API, web app and client portal", NULL},
	{"demo", cmd_demo, "load a realistic demo data set", NULL},
	{"client", cmd_client, "clients: add, list, show, update, service", NULL},
	{"contact", cmd_contact, "client contacts: add, list", NULL},
	{"service", cmd_service, "services: add, list", NULL},
	{"failure", cmd_failure, "failures: open, list, show, update, status, resolve, close, reopen, disclose, confirm", NULL},
	{"impact", cmd_impact, "per-client impact of a failure: set, list", NULL},
	{"log", cmd_log, "log a communication (in or out) with the facts it stated", NULL},
	{"comm", cmd_comm, "communications: list, show", NULL},
	{"rca", cmd_rca, "root-cause analysis: set, show", NULL},
	{"plan", cmd_plan, "recovery plan actions: add, list, status", NULL},
	{"eta", cmd_eta, "ETA revisions: set, list", NULL},
	{"commitment", cmd_commitment, "promises: add, list, keep, break, renegotiate", NULL},
	{"goodwill", cmd_goodwill, "goodwill: propose, list, approve, deliver, decline", NULL},
	{"survey", cmd_survey, "surveys: send, answer, list", NULL},
	{"near-miss", cmd_near_miss, "near misses: add, list", NULL},
	{"review", cmd_review, "post-incident reviews: add, list, show, action", NULL},
	{"report", cmd_report, "reports: a failure's post-incident report as PDF or HTML", NULL},
	{"user", cmd_user, "staff users: add, update, list, login-link, password-link", NULL},
	{"token", cmd_token, "API tokens: create, list, revoke", NULL},
	{"portal", cmd_portal, "client-portal links: invite, list, revoke", NULL},
	{"audit", cmd_audit, "the audit log: list", NULL},
	{"agenda", cmd_agenda, "what is due and overdue, most urgent first", NULL},
	{"metrics", cmd_metrics, "recovery metrics of a period: apology, promises, ETAs, chases, surveys, goodwill", NULL},
	{"obligations", cmd_obligations, "a failure's whole communication schedule", NULL},
	{"calendar", cmd_calendar, "iCalendar feed of an owner's or a client's obligations", NULL},
	{"waive", cmd_waive, "waive one obligation (manager, with a reason)", NULL},
	{"policy", cmd_policy, "the clock's policy: check, show", NULL},
	{"escalate", cmd_escalate, "store escalation events for what is overdue (cron)", NULL},
	{"trust", cmd_trust, "a client's trust score with its reasons, or the portfolio by risk", NULL},
	{"refresh", cmd_refresh, "recompute every track's obligations (after a policy change)", NULL},
	{"check", cmd_check, "check a message before it is sent", NULL},
	{"draft", cmd_draft, "draft a message from its template", NULL},
	{"export", cmd_export, "copies to take elsewhere: a static portal site", NULL},
	{"send", cmd_send, "send a checked message to a client by email (logged, queued)", NULL},
	{"inbound", cmd_inbound, "log one email from standard input (as an MTA pipes a reply)", NULL},
	{"reply-address", cmd_reply_address, "reply addresses: revoke", NULL},
	{"deliver", cmd_deliver, "one delivery sweep: reminders, digests, then the outbox (cron)", NULL},
	{"outbox", cmd_outbox, "what is queued, sent and failed, with errors", NULL},
	{"webhook", cmd_webhook, "webhooks: add, list, remove, deliveries", NULL},
	{NULL, NULL, NULL, NULL},
};

static void usage(FILE *f)
{
	fputs("usage: redress [--db PATH] [--as EMAIL] <command> [options]\n\n"
	      "redress is a service-recovery desk: it keeps every client of a failure\n"
	      "informed on a clock, checks what we tell them, and tracks what we promised.\n\n"
	      "commands:\n", f);
	for (const struct cli_command *c = commands; c->name; c++)
		fprintf(f, "  %-12s %s\n", c->name, c->summary);
	fputs("\nglobal options (anywhere on the line):\n"
	      "  --db PATH     database file, or postgres://user@host/db for PostgreSQL\n"
	      "                (default $REDRESS_DB, else ./redress.db)\n"
	      "  --as EMAIL    act as this staff user (default $REDRESS_USER, else the system)\n\n"
	      "Run 'redress <command> --help' for a command's options.\n", f);
}

/* Takes --db and --as out of argv wherever they stand (before a "--"). */
static int take_globals(struct rd_cli *cli, int *argc, char **argv)
{
	int out = 0;
	for (int i = 0; i < *argc; i++) {
		const char *a = argv[i];
		const char **slot = NULL;
		const char *val = NULL;
		if (strcmp(a, "--") == 0) {
			while (i < *argc)
				argv[out++] = argv[i++];
			break;
		}
		if (strcmp(a, "--db") == 0 || strncmp(a, "--db=", 5) == 0)
			slot = &cli->db;
		else if (strcmp(a, "--as") == 0 || strncmp(a, "--as=", 5) == 0)
			slot = &cli->as;
		if (!slot) {
			argv[out++] = argv[i];
			continue;
		}
		if (a[4] == '=') {
			val = a + 5;
		} else if (i + 1 < *argc) {
			val = argv[++i];
		} else {
			fprintf(stderr, "redress: option %s needs a value\n", a);
			return 2;
		}
		*slot = val;
	}
	*argc = out;
	argv[out] = NULL;
	return 0;
}

int main(int argc, char **argv)
{
	struct rd_cli cli = {0};
	cli.db = getenv("REDRESS_DB");
	cli.as = getenv("REDRESS_USER");
	if (take_globals(&cli, &argc, argv))
		return 2;
	if (!cli.db || !*cli.db)
		cli.db = "./redress.db";
	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	const char *name = argv[1];
	if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0 || strcmp(name, "help") == 0) {
		usage(stdout);
		return 0;
	}
	if (strcmp(name, "--version") == 0 || strcmp(name, "version") == 0) {
		printf("redress %s\n", REDRESS_VERSION);
		return 0;
	}
	/* Settings of the environment are read here, once, and handed down:
	 * the library reads neither the clock nor the environment. */
	const char *pin = getenv("REDRESS_NOW");
	char *msg = NULL;
	if (pin && *pin) {
		if (rd_time_parse(pin, &cli.now_pin, &msg)) {
			fprintf(stderr, "redress: REDRESS_NOW: %s\n", msg ? msg : "not a time");
			free(msg);
			return 2;
		}
		cli.now = cli.now_pin;
	} else {
		cli.now = (int64_t)time(NULL);
	}
	if (rd_policy_select(getenv("REDRESS_POLICY"), &msg)) {
		fprintf(stderr, "redress: REDRESS_POLICY: %s\n", msg ? msg : "cannot use it");
		free(msg);
		return 2;
	}
	int rc = -1;
	for (const struct cli_command *c = commands; c->name; c++) {
		if (strcmp(c->name, name) == 0) {
			cli.cmd = c->name;
			rc = c->run(&cli, argc - 1, argv + 1);
			break;
		}
	}
	if (rc < 0) {
		fprintf(stderr, "redress: unknown command '%s'\n", name);
		usage(stderr);
		rc = 2;
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "redress: writing output failed\n");
		if (rc == 0)
			rc = 1;
	}
	rd_store_close(cli.store);
	return rc;
}
