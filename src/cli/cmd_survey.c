/* cmd_survey.c — `redress survey send|answer|list`: the feedback survey
 * after the fix, logged as the outbound survey message that meets the
 * clock's survey step, and the client's answers. */
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "redress/time.h"

static const char survey_send_usage[] =
	"usage: redress survey send FAILURE CLIENT [--at TIME] [--channel CHANNEL] [--json]\n\n"
	"Records that the feedback survey for this failure went to the client, and\n"
	"logs it as the outbound survey message (by email unless --channel says\n"
	"otherwise), which meets the clock's survey step.\n";

static int survey_send(struct rd_cli *cli, int argc, char **argv)
{
	static const struct cli_opt opts[] = {{"at", "sent_at", CO_STR, "TIME"},
		{"channel", NULL, CO_STR, "CHANNEL"}, {NULL, NULL, 0, NULL}};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 2, 2, survey_send_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(survey_send_usage));
	if (!cli_store(cli))
		return cli_end(&a, 1);
	json_object_set_new(a.fields, "failure", json_string(a.pos[0]));
	json_object_set_new(a.fields, "client", json_string(a.pos[1]));
	if (!json_object_get(a.fields, "sent_at"))
		json_object_set_new(a.fields, "sent_at", json_integer(cli->now));
	const struct rd_actor *act = cli_actor(cli);
	if (!act)
		return cli_end(&a, 2);
	int64_t id;
	char *msg = NULL;
	enum rd_err rc = rd_survey_send(cli->store, act, a.fields, &id, &msg);
	if (rc)
		return cli_end(&a, cli_fail(cli, rc, msg));
	return cli_end(&a, cli_done(cli, "survey", id, a.json, "sent"));
}

static const char survey_answer_usage[] =
	"usage: redress survey answer SURVEY QUESTION [--score 0-10] [--answer TEXT]\n"
	"                             [--contact EMAIL] [--at TIME] [--json]\n";

static int survey_answer(struct rd_cli *cli, int argc, char **argv)
{
	static const struct cli_opt opts[] = {
		{"score", NULL, CO_STR, "0-10"}, {"answer", NULL, CO_STR, "TEXT"},
		{"contact", NULL, CO_STR, "EMAIL"}, {"at", NULL, CO_STR, "TIME"}, {NULL, NULL, 0, NULL}};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 2, 2, survey_answer_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(survey_answer_usage));
	if (!cli_store(cli))
		return cli_end(&a, 1);
	json_object_set_new(a.fields, "survey", json_string(a.pos[0]));
	json_object_set_new(a.fields, "question", json_string(a.pos[1]));
	if (!json_object_get(a.fields, "at"))
		json_object_set_new(a.fields, "at", json_integer(cli->now));
	return cli_end(&a, cli_create(cli, &a, "survey_answer", "recorded"));
}

static const char survey_list_usage[] = "usage: redress survey list [--client CLIENT] [--failure ID] [--json | --format csv|xlsx [-o FILE]]\n";

static int survey_list(struct rd_cli *cli, int argc, char **argv)
{
	static const struct cli_opt opts[] = {
		{"client", NULL, CO_STR, "CLIENT"}, {"failure", NULL, CO_STR, "ID"}, CLI_EXPORT_OPTS,
		{NULL, NULL, 0, NULL}};
	static const char *const cols[] = {"id", "failure_id", "client_id", "sent_at", NULL};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 0, 0, survey_list_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(survey_list_usage));
	return cli_end(&a, cli_list(cli, "survey", a.fields, a.json, cols));
}

static const struct cli_command survey_cmds[] = {
	{"send", survey_send, "record a survey sent", survey_send_usage},
	{"answer", survey_answer, "record an answer", survey_answer_usage},
	{"list", survey_list, "list surveys", survey_list_usage},
	{NULL, NULL, NULL, NULL},
};

int cmd_survey(struct rd_cli *cli, int argc, char **argv)
{
	return cli_dispatch(cli, "survey", survey_cmds, argc, argv);
}
