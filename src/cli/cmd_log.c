/* cmd_log.c — `redress log`: one communication, in or out, with the facts
 * it stated (`comm`, reading the narrative back, is cmd_comm.c). Its options
 * and their parsing are shared with `redress send` (cmd_send.c). */
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "redress/views.h"
#include "util/buf.h"

static const char log_usage[] =
	"usage: redress log --failure ID --client NAME --kind KIND --channel CH\n"
	"                   [--direction out|in] [--at TIME] [--summary TEXT]\n"
	"                   [--body TEXT | --body-file FILE] [--contact EMAIL]\n"
	"                   [--visibility client|internal] [--chase]\n"
	"                   [--eta TIME] [--cause TEXT] [--remedy TEXT]\n"
	"                   [--amount N] [--currency CUR] [--json]\n\n"
	"Logs one communication with a client. KIND is apology, rca_update, plan,\n"
	"progress, delay, resolution, follow_up, survey, review, correction or other;\n"
	"CH is email, call, meeting, portal, chat, report or letter. --chase marks an\n"
	"inbound status request (with --direction in). --summary is our note (never\n"
	"shown to the client); --body is what the client received: the message sent,\n"
	"or for a call or meeting a summary written for the client, which is what\n"
	"their portal shows. --eta, --cause, --remedy and\n"
	"--amount record the facts the message stated. For an outbound call or\n"
	"meeting, the ETA (a time of day), cause and goodwill amount not given are\n"
	"read from what --summary/--body say we told the client (not the client's\n"
	"words, questions or denials). --at defaults to now.\n";

/* The options of a communication; `send` (cmd_send.c) takes the same ones.
 * --body is each command's own: text here, a file for `send`. */
const struct cli_opt cli_comm_opts[] = {
	{"failure", NULL, CO_STR, "ID"}, {"client", NULL, CO_STR, "NAME"},
	{"kind", NULL, CO_STR, "KIND"}, {"channel", NULL, CO_STR, "CHANNEL"},
	{"direction", NULL, CO_STR, "out|in"}, {"at", NULL, CO_STR, "TIME"},
	{"summary", NULL, CO_STR, "TEXT"},
	{"body-file", "body_file", CO_STR, "FILE"}, {"contact", NULL, CO_STR, "EMAIL"},
	{"visibility", NULL, CO_STR, "client|internal"}, {"chase", NULL, CO_FLAG, NULL},
	{"eta", NULL, CO_STR, "TIME"}, {"cause", NULL, CO_STR, "TEXT"},
	{"remedy", NULL, CO_STR, "TEXT"}, {"amount", NULL, CO_STR, "AMOUNT"},
	{"currency", NULL, CO_STR, "CUR"}, {"author", NULL, CO_STR, "EMAIL"},
	{NULL, NULL, 0, NULL}};

int cli_comm_input(struct rd_cli *cli, struct cli_args *a, struct rd_store *s)
{
	/* Names become ids here so messages can say which name was unknown. */
	int64_t cid;
	if (cli_lookup(cli, "client", cli_arg(a, "client"), &cid))
		return 2;
	const char *contact = cli_arg(a, "contact");
	if (contact) {
		int64_t k = 0;
		enum rd_err qrc = rd_contact_by_email(s, cid, contact, &k);
		if (qrc && qrc != RD_ENOTFOUND) { /* a database error, not "not a contact" */
			char *m = NULL;
			rd_fail(RD_EDB, &m, "looking up --contact: %s", rd_store_errmsg(s));
			return cli_fail(cli, RD_EDB, m);
		}
		if (qrc == RD_ENOTFOUND)
			return cli_usage_error(cli, "--contact: '%s' is not a contact of client '%s'", contact,
					       cli_arg(a, "client"));
		json_object_set_new(a->fields, "contact", json_integer(k));
	}
	/* after the messages above, which name the client as given */
	json_object_set_new(a->fields, "client", json_integer(cid));
	const char *bf = cli_arg(a, "body_file");
	if (bf) {
		if (json_object_get(a->fields, "body"))
			return cli_usage_error(cli, "give --body or --body-file, not both");
		char *text = NULL, *msg = NULL;
		size_t len, bad = 0;
		enum rd_err rc = strcmp(bf, "-") == 0 ? rd_stream_read(stdin, &text, &len, &msg)
						      : rd_file_read(bf, &text, &len, &msg);
		if (rc)
			return cli_fail(cli, RD_EINVAL, msg);
		if (!rd_utf8_valid(text, len, &bad) || (bad = strlen(text)) != len) {
			free(text);
			return cli_usage_error(cli, "--body-file %s is not valid UTF-8 text (byte %zu)", bf, bad);
		}
		json_object_set_new(a->fields, "body", json_string(text));
		free(text);
		json_object_del(a->fields, "body_file");
	}
	return 0;
}

int cmd_log(struct rd_cli *cli, int argc, char **argv)
{
	static const struct cli_opt body_opt = {"body", NULL, CO_STR, "TEXT"};
	struct cli_opt opts[32];
	size_t n = 0;
	for (; cli_comm_opts[n].name; n++)
		opts[n] = cli_comm_opts[n];
	opts[n++] = body_opt;
	opts[n] = (struct cli_opt){NULL, NULL, 0, NULL};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 0, 0, log_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(log_usage));
	static const char *const required[] = {"client", "kind", "channel", NULL};
	for (int i = 0; required[i]; i++)
		if (!json_object_get(a.fields, required[i]))
			return cli_end(&a, cli_usage_error(cli, "--%s is required\n%s", required[i], log_usage));
	struct rd_store *s = cli_store(cli);
	if (!s)
		return cli_end(&a, 1);
	int st = cli_comm_input(cli, &a, s);
	if (st)
		return cli_end(&a, st);
	const struct rd_actor *act = cli_actor(cli);
	if (!act)
		return cli_end(&a, 2);
	int64_t id;
	char *msg = NULL;
	enum rd_err rc = rd_comm_log(s, act, a.fields, &id, &msg);
	if (rc)
		return cli_end(&a, cli_fail(cli, rc, msg));
	return cli_end(&a, cli_done(cli, "communication", id, a.json, "logged"));
}
