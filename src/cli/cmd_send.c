/* cmd_send.c — `redress send`: a message to a client by email. The library
 * (rd_comm_send) checks it, logs it as the communication with its facts and
 * queues the email in one transaction; the outbox sweep sends it. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "redress/notify.h"
#include "util/buf.h"

static const char send_usage[] =
	"usage: redress send --failure ID --client NAME --kind KIND --body FILE|-\n"
	"                    [--to EMAIL]... [--confirm-errors] [--at TIME]\n"
	"                    [--summary TEXT] [--visibility client|internal]\n"
	"                    [--eta TIME] [--cause TEXT] [--remedy TEXT]\n"
	"                    [--amount N] [--currency CUR] [--json]\n\n"
	"Sends a message to a client by email: the body (a file, or - for standard\n"
	"input) is checked by the message checker in the context of the failure\n"
	"and client; with errors nothing is sent (exit 1, the findings on stderr)\n"
	"unless --confirm-errors. Then, in one transaction, it is logged as the\n"
	"outbound email communication (meeting the obligation, with the facts\n"
	"--eta, --cause, --remedy, --amount it states, as `redress log`) and\n"
	"queued to the --to addresses (default: every contact of the client) from\n"
	"the point person, with a reply address that brings answers back to this\n"
	"failure (`redress inbound`). --summary is also the subject. The outbox\n"
	"sends it (`redress deliver`, or `redress serve`).\n";

int cmd_send(struct rd_cli *cli, int argc, char **argv)
{
	static const struct cli_opt opts[] = {
		{"failure", NULL, CO_STR, "ID"}, {"client", NULL, CO_STR, "NAME"},
		{"kind", NULL, CO_STR, "KIND"}, {"channel", NULL, CO_STR, "email"},
		{"at", NULL, CO_STR, "TIME"}, {"summary", NULL, CO_STR, "TEXT"},
		{"body", "body_file", CO_STR, "FILE|-"}, {"to", NULL, CO_LIST, "EMAIL"},
		{"confirm-errors", "confirm_errors", CO_FLAG, NULL},
		{"visibility", NULL, CO_STR, "client|internal"},
		{"eta", NULL, CO_STR, "TIME"}, {"cause", NULL, CO_STR, "TEXT"},
		{"remedy", NULL, CO_STR, "TEXT"}, {"amount", NULL, CO_STR, "AMOUNT"},
		{"currency", NULL, CO_STR, "CUR"},
		{NULL, NULL, 0, NULL}};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 0, 0, send_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(send_usage));
	static const char *const required[] = {"failure", "client", "kind", "body_file", NULL};
	for (int i = 0; required[i]; i++)
		if (!json_object_get(a.fields, required[i]))
			return cli_end(&a, cli_usage_error(cli, "--%s is required\n%s",
							   strcmp(required[i], "body_file") ? required[i] : "body",
							   send_usage));
	const char *ch = cli_arg(&a, "channel");
	if (ch && strcmp(ch, "email"))
		return cli_end(&a, cli_usage_error(cli, "--channel: send sends email; log a %s with `redress log`", ch));
	const char *bf = cli_arg(&a, "body_file");
	char *text = NULL, *msg = NULL;
	size_t len, bad = 0;
	enum rd_err rc = strcmp(bf, "-") == 0 ? rd_stream_read(stdin, &text, &len, &msg)
					      : rd_file_read(bf, &text, &len, &msg);
	if (rc)
		return cli_end(&a, cli_fail(cli, RD_EINVAL, msg));
	if (!rd_utf8_valid(text, len, &bad) || (bad = strlen(text)) != len) {
		free(text);
		return cli_end(&a, cli_usage_error(cli, "--body %s is not valid UTF-8 text (byte %zu)", bf, bad));
	}
	json_t *tov = json_object_get(a.fields, "to");
	const char *to[16];
	size_t nto = json_array_size(tov);
	if (nto > 16) {
		free(text);
		return cli_end(&a, cli_usage_error(cli, "--to: at most 16 recipients"));
	}
	for (size_t i = 0; i < nto; i++)
		to[i] = json_string_value(json_array_get(tov, i));
	bool confirm = json_is_true(json_object_get(a.fields, "confirm_errors"));
	json_t *in = json_deep_copy(a.fields);
	json_object_del(in, "body_file");
	json_object_del(in, "to");
	json_object_del(in, "confirm_errors");
	struct rd_store *s = cli_store(cli);
	const struct rd_actor *act = s ? cli_actor(cli) : NULL;
	if (!act) {
		free(text);
		json_decref(in);
		return cli_end(&a, s ? 2 : 1);
	}
	struct rd_send o = {.body = text, .to = to, .n_to = nto, .confirm_errors = confirm};
	struct rd_check_result *res = NULL;
	int64_t cid = 0, oid = 0;
	rc = rd_comm_send(s, act, in, &o, &cid, &oid, &res, &msg);
	json_decref(in);
	if (rc == RD_ECHECK && res)
		rd_check_result_print(stderr, strcmp(bf, "-") ? bf : "<stdin>", text, len, res);
	rd_check_result_free(res);
	free(text);
	if (rc)
		return cli_end(&a, cli_fail(cli, rc, msg));
	if (a.json) {
		json_t *j = json_pack("{sI sI}", "communication_id", (json_int_t)cid, "outbox_id", (json_int_t)oid);
		cli_print_json(j);
		json_decref(j);
	} else {
		printf("communication #%" PRId64 " logged; email #%" PRId64 " queued\n", cid, oid);
	}
	return cli_end(&a, 0);
}
