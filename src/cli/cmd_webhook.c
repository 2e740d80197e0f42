/* cmd_webhook.c — `redress webhook add|list|remove|deliveries`: the
 * endpoints events are POSTed to and each one's delivery log. The library
 * (lib/webhook.c) checks and stores; events go out through the outbox
 * (`redress deliver` or `redress serve`). */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "redress/webhook.h"

/* Positional ID as a webhook id; 0, or 2 after a message. */
static int parse_id(struct rd_cli *cli, const char *p, int64_t *id)
{
	char *end;
	long long v = strtoll(p, &end, 10);
	if (*end || end == p || v < 1)
		return cli_usage_error(cli, "'%s' is not a webhook id (a number; see `redress webhook list`)", p);
	*id = v;
	return 0;
}

static const char add_usage[] =
	"usage: redress webhook add URL [--secret whsec_…] [--event EVENT]... [--json]\n\n"
	"Registers an endpoint that redress POSTs events to, signed the Standard\n"
	"Webhooks way (webhook-id, webhook-timestamp, webhook-signature headers;\n"
	"see docs/webhooks.md). URL must be http:// or https:// with a host.\n"
	"--secret is a Standard Webhooks secret (\"whsec_\" and the base64 of 24 to\n"
	"64 random bytes); without it one is made and printed once. It is stored\n"
	"as given, since signing needs it. --event subscribes to one event (repeat\n"
	"for more; default all): obligation.due, obligation.overdue,\n"
	"escalation.raised, communication.logged, failure.opened,\n"
	"failure.status_changed, failure.resolved, eta.revised, commitment.broken,\n"
	"survey.answered.\n";

static int webhook_add(struct rd_cli *cli, int argc, char **argv)
{
	static const struct cli_opt opts[] = {
		{"secret", NULL, CO_STR, "whsec_…"}, {"event", "events", CO_LIST, "EVENT"}, {NULL, NULL, 0, NULL}};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 1, 1, add_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(add_usage));
	struct rd_store *s = cli_store(cli);
	if (!s)
		return cli_end(&a, 1);
	int64_t id = 0;
	char *secret = NULL, *msg = NULL;
	enum rd_err rc = rd_webhook_add(s, a.pos[0], cli_arg(&a, "secret"), json_object_get(a.fields, "events"),
					cli->now, &id, &secret, &msg);
	if (rc)
		return cli_end(&a, cli_fail(cli, rc, msg));
	if (a.json) {
		json_t *j = json_pack("{sI ss ss}", "id", (json_int_t)id, "url", a.pos[0], "secret", secret);
		cli_print_json(j);
		json_decref(j);
	} else {
		printf("webhook #%" PRId64 " %s\nsecret: %s\n(shown once: give it to the receiver to verify "
		       "signatures)\n", id, a.pos[0], secret);
	}
	free(secret);
	return cli_end(&a, 0);
}

static const char list_usage[] =
	"usage: redress webhook list [--json]\n\n"
	"The endpoints, with the events each gets, deliveries made and failed, and\n"
	"the last HTTP status. Secrets are never shown again.\n";

static int webhook_list(struct rd_cli *cli, int argc, char **argv)
{
	static const struct cli_opt opts[] = {{NULL, NULL, 0, NULL}};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 0, 0, list_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(list_usage));
	struct rd_store *s = cli_store(cli);
	if (!s)
		return cli_end(&a, 1);
	json_t *rows = NULL;
	char *msg = NULL;
	enum rd_err rc = rd_webhook_list(s, &rows, &msg);
	if (rc)
		return cli_end(&a, cli_fail(cli, rc, msg));
	if (a.json) {
		cli_print_json(rows);
	} else {
		size_t i, k;
		json_t *r, *e;
		json_array_foreach(rows, i, r) {
			json_t *ls = json_object_get(r, "last_status");
			char last[24] = "-";
			if (json_is_integer(ls))
				snprintf(last, sizeof last, "%" JSON_INTEGER_FORMAT, json_integer_value(ls));
			printf("#%" JSON_INTEGER_FORMAT " %s  delivered %" JSON_INTEGER_FORMAT ", failed %"
			       JSON_INTEGER_FORMAT ", last status %s\n    events:",
			       json_integer_value(json_object_get(r, "id")), json_string_value(json_object_get(r, "url")),
			       json_integer_value(json_object_get(r, "delivered")),
			       json_integer_value(json_object_get(r, "failed")), last);
			json_array_foreach(json_object_get(r, "events"), k, e)
				printf(" %s", json_string_value(e));
			putchar('\n');
		}
	}
	json_decref(rows);
	return cli_end(&a, 0);
}

static const char remove_usage[] =
	"usage: redress webhook remove ID [--json]\n\n"
	"Stops sending to endpoint ID. What is still queued for it fails with\n"
	"\"endpoint removed\"; its delivery log stays readable.\n";

static int webhook_remove(struct rd_cli *cli, int argc, char **argv)
{
	static const struct cli_opt opts[] = {{NULL, NULL, 0, NULL}};
	struct cli_args a;
	int64_t id = 0;
	if (cli_parse(cli, argc, argv, opts, 1, 1, remove_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(remove_usage));
	if (parse_id(cli, a.pos[0], &id))
		return cli_end(&a, 2);
	struct rd_store *s = cli_store(cli);
	if (!s)
		return cli_end(&a, 1);
	char *msg = NULL;
	enum rd_err rc = rd_webhook_remove(s, id, cli->now, &msg);
	if (rc)
		return cli_end(&a, cli_fail(cli, rc, msg));
	if (a.json) {
		json_t *j = json_pack("{sI sb}", "id", (json_int_t)id, "removed", 1);
		cli_print_json(j);
		json_decref(j);
	} else {
		printf("webhook #%" PRId64 " removed\n", id);
	}
	return cli_end(&a, 0);
}

static const char deliveries_usage[] =
	"usage: redress webhook deliveries ID [--limit N] [--json]\n\n"
	"Endpoint ID's delivery log, newest first: every attempt with its event,\n"
	"webhook-id, attempt number, HTTP status, outcome (delivered, retrying,\n"
	"failed) and error.\n";

static int webhook_deliveries(struct rd_cli *cli, int argc, char **argv)
{
	static const struct cli_opt opts[] = {{"limit", NULL, CO_STR, "N"}, {NULL, NULL, 0, NULL}};
	struct cli_args a;
	int64_t id = 0;
	if (cli_parse(cli, argc, argv, opts, 1, 1, deliveries_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(deliveries_usage));
	if (parse_id(cli, a.pos[0], &id))
		return cli_end(&a, 2);
	int limit;
	if (cli_arg_count(cli, &a, "limit", 100000, &limit))
		return cli_end(&a, 2);
	struct rd_store *s = cli_store(cli);
	if (!s)
		return cli_end(&a, 1);
	json_t *rows = NULL;
	char *msg = NULL;
	enum rd_err rc = rd_webhook_deliveries(s, id, limit, &rows, &msg);
	if (rc)
		return cli_end(&a, cli_fail(cli, rc, msg));
	if (a.json) {
		cli_print_json(rows);
	} else {
		size_t i;
		json_t *r;
		json_array_foreach(rows, i, r) {
			json_t *code = json_object_get(r, "status_code");
			const char *err = json_string_value(json_object_get(r, "error"));
			printf("%s %-9s %-22s %s attempt %" JSON_INTEGER_FORMAT " HTTP %s%" JSON_INTEGER_FORMAT "%s%s\n",
			       json_string_value(json_object_get(r, "at")), json_string_value(json_object_get(r, "outcome")),
			       json_string_value(json_object_get(r, "event")),
			       json_string_value(json_object_get(r, "webhook_id_header")),
			       json_integer_value(json_object_get(r, "attempt")), json_is_null(code) ? "-" : "",
			       json_integer_value(code), err ? "  " : "", err ? err : "");
		}
	}
	json_decref(rows);
	return cli_end(&a, 0);
}

static const struct cli_command webhook_cmds[] = {
	{"add", webhook_add, "register an endpoint (URL, secret, events)", add_usage},
	{"list", webhook_list, "the endpoints with their delivery counts", list_usage},
	{"remove", webhook_remove, "stop sending to an endpoint", remove_usage},
	{"deliveries", webhook_deliveries, "an endpoint's delivery log", deliveries_usage},
	{NULL, NULL, NULL, NULL},
};

int cmd_webhook(struct rd_cli *cli, int argc, char **argv)
{
	return cli_dispatch(cli, "webhook", webhook_cmds, argc, argv);
}
