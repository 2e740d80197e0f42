/* cmd_deliver.c — `redress deliver` (one delivery sweep: escalations,
 * reminders and digests queued, then the outbox sent) and `redress outbox`
 * (what is queued, sent and failed). Also the one place the CLI reads the
 * email settings (flags, else REDRESS_SMTP_URL and REDRESS_MAIL_FROM). */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "redress/mail.h"
#include "redress/notify.h"
#include "redress/outbox.h"

int cli_mail_settings(struct rd_cli *cli, const struct cli_args *a, struct rd_mail_settings *ms)
{
	memset(ms, 0, sizeof *ms);
	const char *url = cli_arg(a, "smtp_url"), *from = cli_arg(a, "mail_from");
	const char *url_what = "--smtp-url", *from_what = "--mail-from";
	if (!url) {
		url = getenv("REDRESS_SMTP_URL");
		url_what = "REDRESS_SMTP_URL";
	}
	if (!from) {
		from = getenv("REDRESS_MAIL_FROM");
		from_what = "REDRESS_MAIL_FROM";
	}
	if (url && !*url)
		url = NULL;
	if (from && !*from)
		from = NULL;
	char *msg = NULL;
	if (url && rd_mail_url_check(url, url_what, &msg))
		return cli_fail(cli, RD_EINVAL, msg);
	if (from && !rd_mail_addr_valid(from))
		return cli_usage_error(cli, "%s: '%s' is not an email address", from_what, from);
	if (url && !from)
		return cli_usage_error(cli, "an SMTP server is set (%s) but no sender: give --mail-from or "
				       "REDRESS_MAIL_FROM", url_what);
	ms->smtp_url = url;
	ms->from = from;
	return 0;
}

static const char deliver_usage[] =
	"usage: redress deliver [--at TIME] [--smtp-url URL] [--mail-from ADDR] [--max N] [--json]\n\n"
	"One delivery sweep, for cron and for tests: stores the escalations due by\n"
	"TIME (default now), queues the reminders and daily digests owed to staff,\n"
	"then sends every email due from the outbox through the SMTP server\n"
	"(--smtp-url, else $REDRESS_SMTP_URL: smtp://HOST:PORT or\n"
	"smtps://USER:PASSWORD@HOST:PORT) from --mail-from (else $REDRESS_MAIL_FROM).\n"
	"A failed send is retried by later sweeps with backoff (1, 2, 4 … 64 min);\n"
	"an SMTP 5xx, an invalid address or the 8th failure fails it for good.\n"
	"Without an SMTP server, emails stay queued and `redress outbox` says why.\n"
	"--max N sends at most N emails. Exit 0 even when sends failed (see\n"
	"`redress outbox --status failed`); 1 when the database fails.\n";

int cmd_deliver(struct rd_cli *cli, int argc, char **argv)
{
	static const struct cli_opt opts[] = {
		{"at", NULL, CO_STR, "TIME"}, {"smtp-url", "smtp_url", CO_STR, "URL"},
		{"mail-from", "mail_from", CO_STR, "ADDR"}, {"max", NULL, CO_STR, "N"},
		{NULL, NULL, 0, NULL}};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 0, 0, deliver_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(deliver_usage));
	int64_t at;
	if (cli_arg_time(cli, &a, "at", cli->now, &at))
		return cli_end(&a, 2);
	int max;
	if (cli_arg_count(cli, &a, "max", 1000000, &max))
		return cli_end(&a, 2);
	struct rd_mail_settings ms;
	int urc = cli_mail_settings(cli, &a, &ms);
	if (urc)
		return cli_end(&a, urc);
	struct rd_store *s = cli_store(cli);
	if (!s)
		return cli_end(&a, 1);
	char *msg = NULL;
	int64_t queued = 0;
	enum rd_err rc = rd_reminders_queue(s, at, &queued, &msg);
	if (rc)
		return cli_end(&a, cli_fail(cli, rc, msg));
	struct rd_sweep_stats st;
	if ((rc = rd_outbox_sweep(s, &ms, at, max, &st, &msg)))
		return cli_end(&a, cli_fail(cli, rc, msg));
	if (a.json) {
		json_t *j = json_pack("{sI sI sI sI sI}", "queued", (json_int_t)queued, "sent", (json_int_t)st.sent,
				      "retrying", (json_int_t)st.retried, "failed", (json_int_t)st.failed, "waiting",
				      (json_int_t)st.waiting);
		cli_print_json(j);
		json_decref(j);
	} else {
		printf("queued %" PRId64 ", sent %" PRId64 ", retrying %" PRId64 ", failed %" PRId64 "\n", queued,
		       st.sent, st.retried, st.failed);
	}
	if (!ms.smtp_url && st.waiting)
		fprintf(stderr, "redress deliver: %" PRId64 " email%s wait%s: no SMTP server configured "
			"(--smtp-url or REDRESS_SMTP_URL)\n", st.waiting, st.waiting == 1 ? "" : "s",
			st.waiting == 1 ? "s" : "");
	return cli_end(&a, 0);
}

static const char outbox_usage[] =
	"usage: redress outbox [--status queued|sending|sent|failed] [--limit N] [--json]\n\n"
	"What redress has queued, sent and failed to send, newest first, with each\n"
	"message's attempts and last error. Without an SMTP server configured\n"
	"($REDRESS_SMTP_URL), queued email waits and this says so.\n";

int cmd_outbox(struct rd_cli *cli, int argc, char **argv)
{
	static const struct cli_opt opts[] = {
		{"status", NULL, CO_STR, "queued|sending|sent|failed"}, {"limit", NULL, CO_STR, "N"},
		{NULL, NULL, 0, NULL}};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 0, 0, outbox_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(outbox_usage));
	int limit;
	if (cli_arg_count(cli, &a, "limit", 100000, &limit))
		return cli_end(&a, 2);
	const char *status = cli_arg(&a, "status");
	if (status && strcmp(status, "queued") && strcmp(status, "sending") && strcmp(status, "sent") &&
	    strcmp(status, "failed"))
		return cli_end(&a, cli_usage_error(cli, "--status: '%s' is not one of queued, sending, sent, failed",
						   status));
	struct rd_store *s = cli_store(cli);
	if (!s)
		return cli_end(&a, 1);
	json_t *rows = NULL;
	char *msg = NULL;
	enum rd_err rc = rd_outbox_list(s, status, limit, &rows, &msg);
	if (rc)
		return cli_end(&a, cli_fail(cli, rc, msg));
	const char *url = getenv("REDRESS_SMTP_URL");
	size_t waiting = 0, i;
	json_t *r;
	json_array_foreach(rows, i, r)
		waiting += strcmp(json_string_value(json_object_get(r, "status")), "queued") == 0;
	if (a.json) {
		cli_print_json(rows);
	} else {
		json_array_foreach(rows, i, r) {
			const char *st = json_string_value(json_object_get(r, "status"));
			const char *when = json_string_value(json_object_get(r, strcmp(st, "sent") == 0 ? "sent_at"
													 : "next_attempt_at"));
			const char *err = json_string_value(json_object_get(r, "last_error"));
			printf("#%" JSON_INTEGER_FORMAT " %-7s %-18s %s  attempts %" JSON_INTEGER_FORMAT "  %s %s\n",
			       json_integer_value(json_object_get(r, "id")), st,
			       json_string_value(json_object_get(r, "kind")),
			       json_string_value(json_object_get(r, "recipient")),
			       json_integer_value(json_object_get(r, "attempts")),
			       strcmp(st, "sent") == 0 ? "sent" : "next", when ? when : "-");
			const char *subj = json_string_value(json_object_get(r, "subject"));
			if (subj)
				printf("    %s\n", subj);
			if (err && strcmp(st, "sent"))
				printf("    error: %s\n", err);
		}
	}
	if (waiting && (!url || !*url))
		fprintf(stderr, "redress outbox: %zu email%s queued and no SMTP server is configured: set "
			"REDRESS_SMTP_URL and REDRESS_MAIL_FROM (or `redress deliver --smtp-url`)\n", waiting,
			waiting == 1 ? "" : "s");
	json_decref(rows);
	return cli_end(&a, 0);
}
