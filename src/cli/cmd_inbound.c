/* cmd_inbound.c — `redress inbound`: one email on standard input, the way
 * an MTA pipes it (docs/delivery.md), logged as the client's inbound
 * communication on the right failure (lib/notify.c rd_inbound); and
 * `redress reply-address revoke`, which retires the addresses replies come
 * back on. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "commands.h"
#include "redress/mail.h"
#include "redress/notify.h"

static const char inbound_usage[] =
	"usage: redress inbound [--at TIME] [--json] < MESSAGE\n\n"
	"Reads one RFC 5322 email on standard input (as Postfix or Exim pipe it)\n"
	"and logs it as an inbound email communication: on the failure and client\n"
	"of its reply address (local+TOKEN@domain, from mail redress sent), else\n"
	"on the latest failure of the client whose contact sent it. A status\n"
	"question (\"any update?\", \"is anyone looking at this?\") counts as a chase.\n"
	"A malformed message, one over 1 MiB, one with no text part or a body\n"
	"that is not valid in its charset, or one from an unknown sender without\n"
	"a valid reply token is refused with exit 2 and nothing is logged.\n"
	"The same message again (same Message-ID, same client: an MTA retrying)\n"
	"is not logged twice: the first answer is printed again (\"duplicate\").\n";

int cmd_inbound(struct rd_cli *cli, int argc, char **argv)
{
	static const struct cli_opt opts[] = {{"at", NULL, CO_STR, "TIME"}, {NULL, NULL, 0, NULL}};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 0, 0, inbound_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(inbound_usage));
	int64_t at;
	if (cli_arg_time(cli, &a, "at", cli->now, &at))
		return cli_end(&a, 2);
	/* read at most one byte past the limit: enough to know it is too big */
	size_t cap = RD_MAIL_INBOUND_MAX + 1, n = 0;
	char *raw = malloc(cap + 1);
	if (!raw)
		return cli_end(&a, cli_fail(cli, RD_ENOMEM, NULL));
	size_t got;
	while (n < cap && (got = fread(raw + n, 1, cap - n, stdin)) > 0)
		n += got;
	if (ferror(stdin)) {
		free(raw);
		return cli_end(&a, cli_usage_error(cli, "cannot read the message on standard input"));
	}
	raw[n] = '\0';
	if (n > RD_MAIL_INBOUND_MAX) {
		free(raw);
		return cli_end(&a, cli_usage_error(cli, "the message is larger than the limit of %zu bytes: "
						   "nothing was logged", RD_MAIL_INBOUND_MAX));
	}
	struct rd_store *s = cli_store(cli);
	if (!s) {
		free(raw);
		return cli_end(&a, 1);
	}
	json_t *out = NULL;
	char *msg = NULL;
	enum rd_err rc = rd_inbound(s, raw, n, at, &out, &msg);
	free(raw);
	if (rc)
		return cli_end(&a, cli_fail(cli, rc, msg));
	if (a.json) {
		cli_print_json(out);
	} else {
		json_t *f = json_object_get(out, "failure_id");
		printf("communication #%" JSON_INTEGER_FORMAT " logged from client #%" JSON_INTEGER_FORMAT,
		       json_integer_value(json_object_get(out, "communication_id")),
		       json_integer_value(json_object_get(out, "client_id")));
		if (json_is_integer(f))
			printf(" on failure #%" JSON_INTEGER_FORMAT, json_integer_value(f));
		printf(" (by %s)%s%s\n", json_string_value(json_object_get(out, "matched_by")),
		       json_is_true(json_object_get(out, "chase")) ? ": a chase" : "",
		       json_is_true(json_object_get(out, "duplicate")) ? " — already logged, not again" : "");
	}
	json_decref(out);
	return cli_end(&a, 0);
}

/* ---- `redress reply-address revoke` ---------------------------------------- */

static const char revoke_usage[] =
	"usage: redress reply-address revoke --failure ID --client NAME [--json]\n\n"
	"Revokes every reply address (local+TOKEN@domain) that mail to CLIENT about\n"
	"failure ID carried, e.g. after a message went to the wrong person. A later\n"
	"reply to one of them is matched by its sender only: logged if the sender\n"
	"is a contact of a client, else refused (\"unknown or revoked token\").\n"
	"Mail sent afterwards carries a new address.\n";

static int reply_address_revoke(struct rd_cli *cli, int argc, char **argv)
{
	static const struct cli_opt opts[] = {{"failure", NULL, CO_STR, "ID"}, {"client", NULL, CO_STR, "NAME"},
					      {NULL, NULL, 0, NULL}};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 0, 0, revoke_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(revoke_usage));
	if (!cli_arg(&a, "failure") || !cli_arg(&a, "client"))
		return cli_end(&a, cli_usage_error(cli, "--failure and --client are required\n%s", revoke_usage));
	struct rd_store *s = cli_store(cli);
	if (!s)
		return cli_end(&a, 1);
	int64_t fid = 0, cid = 0, n = 0;
	if (cli_lookup(cli, "failure", cli_arg(&a, "failure"), &fid) ||
	    cli_lookup(cli, "client", cli_arg(&a, "client"), &cid))
		return cli_end(&a, 2);
	char *msg = NULL;
	enum rd_err rc = rd_reply_tokens_revoke(s, fid, cid, cli->now, &n, &msg);
	if (rc)
		return cli_end(&a, cli_fail(cli, rc, msg));
	if (a.json) {
		json_t *j = json_pack("{sI sI sI}", "failure_id", (json_int_t)fid, "client_id", (json_int_t)cid,
				      "revoked", (json_int_t)n);
		cli_print_json(j);
		json_decref(j);
	} else {
		printf("%" PRId64 " reply address%s revoked for failure #%" PRId64 " and client #%" PRId64 "\n", n,
		       n == 1 ? "" : "es", fid, cid);
	}
	return cli_end(&a, 0);
}

static const struct cli_command reply_address_cmds[] = {
	{"revoke", reply_address_revoke, "revoke the reply addresses of a failure and client", revoke_usage},
	{NULL, NULL, NULL, NULL},
};

int cmd_reply_address(struct rd_cli *cli, int argc, char **argv)
{
	return cli_dispatch(cli, "reply-address", reply_address_cmds, argc, argv);
}
