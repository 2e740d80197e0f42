/* cmd_send.c — `redress send`: a message to a client by email, with the
 * same options as `redress log` (parsed by cmd_log.c's cli_comm_input). The
 * library (rd_comm_send) checks it, logs it as the communication with its
 * facts and queues the email in one transaction; the outbox sweep sends it. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "redress/notify.h"
#include "util/buf.h"

static const char send_usage[] =
	"usage: redress send --failure ID --client NAME --kind KIND\n"
	"                    (--body FILE|- | --body-file FILE|-) [--to EMAIL]...\n"
	"                    [--contact EMAIL] [--author EMAIL] [--confirm-errors]\n"
	"                    [--channel email] [--direction out] [--at TIME]\n"
	"                    [--summary TEXT] [--visibility client|internal]\n"
	"                    [--eta TIME] [--cause TEXT] [--remedy TEXT]\n"
	"                    [--amount N] [--currency CUR] [--json]\n\n"
	"Sends a message to a client by email: the body (a file, or - for standard\n"
	"input; --body-file as for `redress log`) is checked by the message checker\n"
	"in the context of the failure and client; with errors nothing is sent\n"
	"(exit 1, the findings on stderr) unless --confirm-errors. Then, in one\n"
	"transaction, it is logged as the outbound email communication (meeting the\n"
	"obligation, with the facts --eta, --cause, --remedy, --amount it states, as\n"
	"`redress log`) and queued to the --to addresses (default: the --contact,\n"
	"else every contact of the client) from the point person, with a reply\n"
	"address that brings answers back to this failure (`redress inbound`).\n"
	"The options mean what they mean for `redress log`: --contact is the contact\n"
	"the message is to, --author the staff member who wrote it (default: you).\n"
	"An inbound message (--direction in, --chase) is logged, not sent.\n"
	"--summary is also the subject. The outbox sends it (`redress deliver`, or\n"
	"`redress serve`).\n";

int cmd_send(struct rd_cli *cli, int argc, char **argv)
{
	/* `log`'s options (shared, cli_comm_opts), --body as a file, and the
	 * recipients and the confirmation */
	static const struct cli_opt own[] = {
		{"body", "body_path", CO_STR, "FILE|-"}, {"to", NULL, CO_LIST, "EMAIL"},
		{"confirm-errors", "confirm_errors", CO_FLAG, NULL}, {NULL, NULL, 0, NULL}};
	struct cli_opt opts[40];
	size_t n = 0;
	for (size_t i = 0; cli_comm_opts[i].name; i++)
		opts[n++] = cli_comm_opts[i];
	for (size_t i = 0; own[i].name; i++)
		opts[n++] = own[i];
	opts[n] = (struct cli_opt){NULL, NULL, 0, NULL};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 0, 0, send_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(send_usage));
	static const char *const required[] = {"failure", "client", "kind", NULL};
	for (int i = 0; required[i]; i++)
		if (!json_object_get(a.fields, required[i]))
			return cli_end(&a, cli_usage_error(cli, "--%s is required\n%s", required[i], send_usage));
	const char *bp = cli_arg(&a, "body_path");
	if (bp && cli_arg(&a, "body_file"))
		return cli_end(&a, cli_usage_error(cli, "give --body or --body-file, not both"));
	if (!bp && !cli_arg(&a, "body_file"))
		return cli_end(&a, cli_usage_error(cli, "--body is required\n%s", send_usage));
	const char *ch = cli_arg(&a, "channel");
	if (ch && strcmp(ch, "email"))
		return cli_end(&a, cli_usage_error(cli, "--channel: send sends email; log a %s with `redress log`", ch));
	if (json_is_true(json_object_get(a.fields, "chase")))
		return cli_end(&a, cli_usage_error(cli, "--chase marks an inbound status request: log it with "
						   "`redress log --direction in --chase`; send sends outbound email"));
	if (bp) /* --body FILE reads as log's --body-file FILE */
		json_object_set_new(a.fields, "body_file", json_string(bp));
	json_object_del(a.fields, "body_path");
	struct rd_store *s = cli_store(cli);
	if (!s)
		return cli_end(&a, 1);
	char *label = strdup(cli_arg(&a, "body_file"));
	char *contact = cli_arg(&a, "contact") ? strdup(cli_arg(&a, "contact")) : NULL;
	char *text = NULL, *msg = NULL;
	json_t *in = NULL;
	int ret;
	if (!label || (cli_arg(&a, "contact") && !contact)) {
		ret = cli_fail(cli, RD_ENOMEM, strdup("out of memory"));
		goto out;
	}
	if ((ret = cli_comm_input(cli, &a, s)))
		goto out;
	if (!(text = strdup(json_string_value(json_object_get(a.fields, "body"))))) {
		ret = cli_fail(cli, RD_ENOMEM, strdup("out of memory"));
		goto out;
	}
	json_t *tov = json_object_get(a.fields, "to");
	const char *to[16];
	size_t nto = json_array_size(tov);
	if (nto > 16) {
		ret = cli_usage_error(cli, "--to: at most 16 recipients");
		goto out;
	}
	for (size_t i = 0; i < nto; i++)
		to[i] = json_string_value(json_array_get(tov, i));
	if (nto == 0 && contact)
		to[nto++] = contact;
	bool confirm = json_is_true(json_object_get(a.fields, "confirm_errors"));
	in = json_deep_copy(a.fields);
	json_object_del(in, "body");
	json_object_del(in, "to");
	json_object_del(in, "confirm_errors");
	const struct rd_actor *act = cli_actor(cli);
	if (!act) {
		ret = 2;
		goto out;
	}
	struct rd_send o = {.body = text, .to = to, .n_to = nto, .confirm_errors = confirm};
	struct rd_check_result *res = NULL;
	int64_t cid = 0, oid = 0;
	enum rd_err rc = rd_comm_send(s, act, in, &o, &cid, &oid, &res, &msg);
	if (rc == RD_ECHECK && res)
		rd_check_result_print(stderr, strcmp(label, "-") ? label : "<stdin>", text, strlen(text), res);
	rd_check_result_free(res);
	if (rc) {
		ret = cli_fail(cli, rc, msg);
		goto out;
	}
	if (a.json) {
		json_t *j = json_pack("{sI sI}", "communication_id", (json_int_t)cid, "outbox_id", (json_int_t)oid);
		cli_print_json(j);
		json_decref(j);
	} else {
		printf("communication #%" PRId64 " logged; email #%" PRId64 " queued\n", cid, oid);
	}
	ret = 0;
out:
	json_decref(in);
	free(text);
	free(contact);
	free(label);
	return cli_end(&a, ret);
}
