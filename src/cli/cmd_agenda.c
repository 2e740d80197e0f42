/* cmd_agenda.c — the communication clock on the command line: `agenda`
 * (what is due and overdue), `obligations` (one failure's whole schedule),
 * `calendar` (an iCalendar feed), `waive` and `policy`. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "redress/agenda.h"
#include "redress/time.h"

static void print_late(int64_t s)
{
	if (s >= 86400)
		printf("%" PRId64 "d%02" PRId64 "h", s / 86400, (s % 86400) / 3600);
	else
		printf("%" PRId64 "h%02" PRId64 "m", s / 3600, (s % 3600) / 60);
}

/* An overdue promise (a commitment past due): who, what, by when, how late. */
static void print_promise(json_t *r)
{
	printf("%-8s %s (%s)  ", "OVERDUE", json_string_value(json_object_get(r, "due_at")),
	       json_string_value(json_object_get(r, "due_local")));
	if (json_is_integer(json_object_get(r, "failure_id")))
		printf("#%" JSON_INTEGER_FORMAT " ", json_integer_value(json_object_get(r, "failure_id")));
	printf("%s — promise #%" JSON_INTEGER_FORMAT " \"%s\"", json_string_value(json_object_get(r, "client")),
	       json_integer_value(json_object_get(r, "commitment_id")),
	       json_string_value(json_object_get(r, "text")));
	json_t *owner_j = json_object_get(r, "owner");
	printf("  owner %s  late ", json_is_string(owner_j) ? json_string_value(owner_j) : "-");
	print_late(json_integer_value(json_object_get(r, "lateness_seconds")));
	putchar('\n');
}

static const char agenda_usage[] =
	"usage: redress agenda [--at TIME] [--owner EMAIL] [--window HOURS]\n"
	"                      [--json | --format csv|xlsx [-o FILE]]\n\n"
	"What is overdue, then what is due within the policy's due-soon window\n"
	"(24 hours by default), most urgent first. Each row: state, due time in UTC\n"
	"and in the client's zone, client, failure, what is owed, owner, how late,\n"
	"and the escalation level (1: owner, 2: owner's manager). Promises\n"
	"(commitments) still open past their due time are listed too, as \"promise\".\n"
	"--at evaluates \"now\" at that time.\n";

int cmd_agenda(struct rd_cli *cli, int argc, char **argv)
{
	static const struct cli_opt opts[] = {
		{"at", NULL, CO_STR, "TIME"}, {"owner", NULL, CO_STR, "EMAIL"},
		{"window", NULL, CO_STR, "HOURS"}, CLI_EXPORT_OPTS, {NULL, NULL, 0, NULL}};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 0, 0, agenda_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(agenda_usage));
	int64_t at, owner = 0, window = 0;
	if (cli_arg_time(cli, &a, "at", cli->now, &at))
		return cli_end(&a, 2);
	const char *w = cli_arg(&a, "window");
	if (w) {
		char *end;
		long h = strtol(w, &end, 10);
		if (*end || h <= 0 || h > 24 * 365)
			return cli_end(&a, cli_usage_error(cli, "--window: '%s' is not a number of hours (1-8760)", w));
		window = h * 3600;
	}
	if (cli_arg(&a, "owner") && cli_lookup(cli, "user", cli_arg(&a, "owner"), &owner))
		return cli_end(&a, 2);
	struct rd_store *s = cli_store(cli);
	if (!s)
		return cli_end(&a, 1);
	json_t *rows;
	char *msg = NULL;
	enum rd_err rc = rd_agenda(s, cli->now, at, owner, window, &rows, &msg);
	if (rc)
		return cli_end(&a, cli_fail(cli, rc, msg));
	size_t ncols;
	const struct rd_export_col *cols = rd_export_view_cols("agenda", &ncols);
	bool done;
	int xrc = cli_export_items(cli, cols, ncols, "agenda", rows, &a.json, &done);
	if (done) {
		json_decref(rows);
		return cli_end(&a, xrc);
	}
	if (a.json) {
		cli_print_json(rows);
	} else if (json_array_size(rows) == 0) {
		printf("nothing overdue or due soon\n");
	} else {
		size_t i;
		json_t *r;
		json_array_foreach(rows, i, r) {
			const char *state = json_string_value(json_object_get(r, "state"));
			if (json_is_integer(json_object_get(r, "commitment_id"))) {
				print_promise(r);
				continue;
			}
			printf("%-8s %s (%s)  #%" JSON_INTEGER_FORMAT " %s — %s",
			       strcmp(state, "overdue") == 0 ? "OVERDUE" : "due",
			       json_string_value(json_object_get(r, "due_at")),
			       json_string_value(json_object_get(r, "due_local")),
			       json_integer_value(json_object_get(r, "failure_id")),
			       json_string_value(json_object_get(r, "client")),
			       json_string_value(json_object_get(r, "kind")));
			json_t *owner_j = json_object_get(r, "owner");
			printf("  owner %s", json_is_string(owner_j) ? json_string_value(owner_j) : "-");
			if (strcmp(state, "overdue") == 0) {
				printf("  late ");
				print_late(json_integer_value(json_object_get(r, "lateness_seconds")));
				printf("  escalation %" JSON_INTEGER_FORMAT,
				       json_integer_value(json_object_get(r, "escalation")));
			}
			putchar('\n');
		}
	}
	json_decref(rows);
	return cli_end(&a, 0);
}

static const char obligations_usage[] =
	"usage: redress obligations --failure ID [--client NAME] [--at TIME]\n"
	"                           [--json | --format csv|xlsx [-o FILE]]\n\n"
	"The whole schedule of a failure, per affected client: every obligation\n"
	"with its due time, the channels that may meet it, its state (pending, on\n"
	"time, late, overdue, waived, or not_applicable: a progress update not sent\n"
	"when the failure was resolved, no longer owed), what met it and the chases\n"
	"against it.\n";

int cmd_obligations(struct rd_cli *cli, int argc, char **argv)
{
	static const struct cli_opt opts[] = {
		{"failure", NULL, CO_STR, "ID"}, {"client", NULL, CO_STR, "NAME"},
		{"at", NULL, CO_STR, "TIME"}, CLI_EXPORT_OPTS, {NULL, NULL, 0, NULL}};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 0, 0, obligations_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(obligations_usage));
	if (!cli_arg(&a, "failure"))
		return cli_end(&a, cli_usage_error(cli, "--failure is required\n%s", obligations_usage));
	int64_t at, fid, cid = 0;
	if (cli_arg_time(cli, &a, "at", cli->now, &at) ||
	    cli_lookup(cli, "failure", cli_arg(&a, "failure"), &fid) ||
	    (cli_arg(&a, "client") && cli_lookup(cli, "client", cli_arg(&a, "client"), &cid)))
		return cli_end(&a, 2);
	json_t *tracks;
	char *msg = NULL;
	enum rd_err rc = rd_obligations_json(cli->store, fid, cid, at, &tracks, &msg);
	if (rc)
		return cli_end(&a, cli_fail(cli, rc, msg));
	if (cli->format && (strcmp(cli->format, "csv") == 0 || strcmp(cli->format, "xlsx") == 0)) {
		/* A sheet is flat: one row per obligation, its client beside it. */
		json_t *flat = json_array();
		size_t i, k;
		json_t *t, *o;
		json_array_foreach(tracks, i, t) {
			json_array_foreach(json_object_get(t, "obligations"), k, o) {
				json_t *row = json_copy(o);
				json_object_set(row, "client", json_object_get(t, "client"));
				json_array_append_new(flat, row);
			}
		}
		size_t ncols;
		const struct rd_export_col *cols = rd_export_view_cols("obligation", &ncols);
		bool done;
		int xrc = cli_export_items(cli, cols, ncols, "obligations", flat, &a.json, &done);
		json_decref(flat);
		json_decref(tracks);
		return cli_end(&a, xrc);
	}
	if (a.json) {
		cli_print_json(tracks);
	} else {
		size_t i, k;
		json_t *t, *o;
		json_array_foreach(tracks, i, t) {
			printf("%s (%s column, %" JSON_INTEGER_FORMAT " chases)\n",
			       json_string_value(json_object_get(t, "client")),
			       json_string_value(json_object_get(t, "column")),
			       json_integer_value(json_object_get(t, "chases")));
			json_array_foreach(json_object_get(t, "obligations"), k, o) {
				printf("  %-24s %-8s due %s (%s)  %s",
				       json_string_value(json_object_get(o, "key")),
				       json_string_value(json_object_get(o, "state")),
				       json_string_value(json_object_get(o, "due_at")),
				       json_string_value(json_object_get(o, "due_local")),
				       json_string_value(json_object_get(o, "channels")));
				if (json_is_integer(json_object_get(o, "met_by")))
					printf("  met by #%" JSON_INTEGER_FORMAT,
					       json_integer_value(json_object_get(o, "met_by")));
				putchar('\n');
			}
		}
	}
	json_decref(tracks);
	return cli_end(&a, 0);
}

static const char calendar_usage[] =
	"usage: redress calendar (--owner EMAIL | --client NAME) [--at TIME]\n\n"
	"Writes an iCalendar (RFC 5545) feed to standard output: one event per open\n"
	"obligation of the owner's tracks, or of the client's (its follow-ups).\n"
	"Event UIDs are stable, so a subscribed calendar updates instead of\n"
	"duplicating.\n\n"
	"       redress calendar feed add (--owner EMAIL | --client NAME) [--base-url URL] [--json]\n"
	"       redress calendar feed list [--json]\n"
	"       redress calendar feed revoke ID\n\n"
	"A feed is a secret URL (BASE/cal/<token>.ics, served by `redress serve`)\n"
	"that a calendar app subscribes to, with the same events as this command.\n"
	"`feed add` prints the URL once (only its hash is stored); `feed list`\n"
	"shows the feeds without their URLs; `feed revoke` makes a URL answer 404.\n";

int cmd_calendar(struct rd_cli *cli, int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "feed") == 0)
		return cmd_calendar_feed(cli, argc - 1, argv + 1);
	static const struct cli_opt opts[] = {
		{"owner", NULL, CO_STR, "EMAIL"}, {"client", NULL, CO_STR, "NAME"},
		{"at", NULL, CO_STR, "TIME"}, {NULL, NULL, 0, NULL}};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 0, 0, calendar_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(calendar_usage));
	const char *ow = cli_arg(&a, "owner"), *cl = cli_arg(&a, "client");
	if (!!ow == !!cl)
		return cli_end(&a, cli_usage_error(cli, "give exactly one of --owner EMAIL or --client NAME"));
	int64_t at, owner = 0, client = 0;
	if (cli_arg_time(cli, &a, "at", cli->now, &at) ||
	    (ow && cli_lookup(cli, "user", ow, &owner)) || (cl && cli_lookup(cli, "client", cl, &client)))
		return cli_end(&a, 2);
	char *ics = NULL, *msg = NULL;
	enum rd_err rc = rd_agenda_calendar(cli->store, owner, client, at, &ics, &msg);
	if (rc)
		return cli_end(&a, cli_fail(cli, rc, msg));
	fputs(ics, stdout);
	free(ics);
	return cli_end(&a, 0);
}

static const char waive_usage[] =
	"usage: redress waive FAILURE CLIENT KEY --reason TEXT [--at TIME]\n\n"
	"Waives one obligation (KEY as shown by `redress obligations`, e.g.\n"
	"progress#3) for a client. Needs a reason and a manager or admin (--as).\n";

int cmd_waive(struct rd_cli *cli, int argc, char **argv)
{
	static const struct cli_opt opts[] = {
		{"reason", NULL, CO_STR, "TEXT"}, {"at", NULL, CO_STR, "TIME"}, {NULL, NULL, 0, NULL}};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 3, 3, waive_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(waive_usage));
	int64_t at, fid, cid;
	if (cli_arg_time(cli, &a, "at", cli->now, &at) || cli_lookup(cli, "failure", a.pos[0], &fid) ||
	    cli_lookup(cli, "client", a.pos[1], &cid))
		return cli_end(&a, 2);
	const struct rd_actor *act = cli_actor(cli);
	if (!act)
		return cli_end(&a, 2);
	char *msg = NULL;
	enum rd_err rc = rd_obligation_waive(cli->store, act, fid, cid, a.pos[2], cli_arg(&a, "reason"), at, &msg);
	if (rc)
		return cli_end(&a, cli_fail(cli, rc, msg));
	printf("obligation %s of failure #%" PRId64 " waived for %s\n", a.pos[2], fid, a.pos[1]);
	return cli_end(&a, 0);
}

static const char refresh_usage[] =
	"usage: redress refresh\n\n"
	"Recomputes every track's stored obligations from the narrative: run it\n"
	"after changing the policy ($REDRESS_POLICY) or importing data in bulk.\n"
	"Writes are otherwise kept in step automatically.\n";

int cmd_refresh(struct rd_cli *cli, int argc, char **argv)
{
	struct cli_args a;
	if (cli_parse(cli, argc, argv, NULL, 0, 0, refresh_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(refresh_usage));
	struct rd_store *s = cli_store(cli);
	if (!s)
		return cli_end(&a, 1);
	int64_t n = 0;
	char *msg = NULL;
	enum rd_err rc = rd_tracks_refresh_all(s, cli->now, &n, &msg);
	if (rc)
		return cli_end(&a, cli_fail(cli, rc, msg));
	printf("%" PRId64 " tracks refreshed\n", n);
	return cli_end(&a, 0);
}

static const char escalate_usage[] =
	"usage: redress escalate [--at TIME]\n\n"
	"Stores an escalation event for every obligation overdue now: level 1 to\n"
	"its owner at its due time, level 2 to the owner's manager after the\n"
	"policy's delay; each once, and each queues one email to that person\n"
	"(without one: the failure's lead, else every admin) in the outbox.\n"
	"`redress serve` does this every minute; run it (or `redress deliver`,\n"
	"which also sends) from cron when the server is not running.\n";

int cmd_escalate(struct rd_cli *cli, int argc, char **argv)
{
	static const struct cli_opt opts[] = {{"at", NULL, CO_STR, "TIME"}, {NULL, NULL, 0, NULL}};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 0, 0, escalate_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(escalate_usage));
	int64_t at, n = 0;
	if (cli_arg_time(cli, &a, "at", cli->now, &at))
		return cli_end(&a, 2);
	struct rd_store *s = cli_store(cli);
	if (!s)
		return cli_end(&a, 1);
	char *msg = NULL;
	enum rd_err rc = rd_escalate(s, at, &n, &msg);
	if (rc)
		return cli_end(&a, cli_fail(cli, rc, msg));
	printf("%" PRId64 " new escalation%s\n", n, n == 1 ? "" : "s");
	return cli_end(&a, 0);
}

/* ---- policy ---- */

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
