/* cmd_review.c — learning after the fix: the `review`, `survey` and
 * `near-miss` command groups. */
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "redress/time.h"

/* Creates ENTITY from the parsed options (+ KEYS from positionals) and
 * prints it; the shape every "add" here shares. */
static int create(struct rd_cli *cli, struct cli_args *a, const char *entity, const char *verb)
{
	const struct rd_actor *act = cli_actor(cli);
	if (!act)
		return 2;
	int64_t id;
	char *msg = NULL;
	enum rd_err rc = act->role < RD_ROLE_AGENT
		? rd_fail(RD_EPERM, &msg, "a viewer may not record a %s", entity)
		: rd_record_create(cli->store, act, entity, a->fields, NULL, &id, &msg);
	if (rc)
		return cli_fail(cli, rc, msg);
	return cli_done(cli, entity, id, a->json, verb);
}

static const char review_add_usage[] =
	"usage: redress review add FAILURE [--held TIME] [--timeline TEXT] [--root-cause TEXT]\n"
	"                          [--went-well TEXT] [--lessons TEXT] [--internal TEXT]\n"
	"                          [--client-text TEXT] [--json]\n\n"
	"Records the post-incident review, with its internal and client-facing forms.\n";

static int review_add(struct rd_cli *cli, int argc, char **argv)
{
	static const struct cli_opt opts[] = {
		{"held", "held_at", CO_STR, "TIME"}, {"timeline", NULL, CO_STR, "TEXT"},
		{"root-cause", "root_cause", CO_STR, "TEXT"}, {"went-well", "went_well", CO_STR, "TEXT"},
		{"lessons", NULL, CO_STR, "TEXT"}, {"internal", "internal_text", CO_STR, "TEXT"},
		{"client-text", "client_text", CO_STR, "TEXT"}, {NULL, NULL, 0, NULL}};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 1, 1, review_add_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(review_add_usage));
	if (!cli_store(cli))
		return cli_end(&a, 1);
	json_object_set_new(a.fields, "failure", json_string(a.pos[0]));
	return cli_end(&a, create(cli, &a, "review", "recorded"));
}

static const char review_action_usage[] =
	"usage: redress review action REVIEW TEXT [--owner EMAIL] [--due TIME] [--success TEXT]\n"
	"       redress review action done ACTION --evidence TEXT [--at TIME]\n\n"
	"Adds a follow-up action to a review, with its success criterion; or\n"
	"closes one with the evidence that the criterion is met.\n";

static const char review_action_done_usage[] =
	"usage: redress review action done ACTION --evidence TEXT [--at TIME] [--json]\n\n"
	"Closes a review's follow-up action with the evidence that its success\n"
	"criterion is met. Audited; an action is closed once.\n";

static int review_action_done(struct rd_cli *cli, int argc, char **argv)
{
	static const struct cli_opt opts[] = {
		{"evidence", NULL, CO_STR, "TEXT"}, {"at", NULL, CO_STR, "TIME"}, {NULL, NULL, 0, NULL}};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 1, 1, review_action_done_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(review_action_done_usage));
	int64_t id, at;
	if (cli_arg_time(cli, &a, "at", cli->now, &at))
		return cli_end(&a, 2);
	if (!cli_store(cli))
		return cli_end(&a, 1);
	if (cli_lookup(cli, "review_action", a.pos[0], &id))
		return cli_end(&a, 2);
	const struct rd_actor *act = cli_actor(cli);
	if (!act)
		return cli_end(&a, 2);
	char *msg = NULL;
	enum rd_err rc = rd_review_action_done(cli->store, act, id, cli_arg(&a, "evidence"), at, &msg);
	if (rc)
		return cli_end(&a, cli_fail(cli, rc, msg));
	return cli_end(&a, cli_done(cli, "review_action", id, a.json, "closed"));
}

static int review_action(struct rd_cli *cli, int argc, char **argv)
{
	/* `review action done ID`: a review id is a number, never "done" */
	if (argc > 1 && strcmp(argv[1], "done") == 0)
		return review_action_done(cli, argc - 1, argv + 1);
	static const struct cli_opt opts[] = {
		{"owner", NULL, CO_STR, "EMAIL"}, {"due", "due_at", CO_STR, "TIME"},
		{"success", "success_criterion", CO_STR, "TEXT"}, {NULL, NULL, 0, NULL}};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 2, 2, review_action_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(review_action_usage));
	if (!cli_store(cli))
		return cli_end(&a, 1);
	json_object_set_new(a.fields, "review", json_string(a.pos[0]));
	json_object_set_new(a.fields, "text", json_string(a.pos[1]));
	return cli_end(&a, create(cli, &a, "review_action", "added"));
}

static const char review_list_usage[] = "usage: redress review list [--json | --format csv|xlsx [-o FILE]]\n";

static int review_list(struct rd_cli *cli, int argc, char **argv)
{
	static const struct cli_opt opts[] = {CLI_EXPORT_OPTS, {NULL, NULL, 0, NULL}};
	static const char *const cols[] = {"id", "failure_id", "held_at", "root_cause", NULL};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 0, 0, review_list_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(review_list_usage));
	return cli_end(&a, cli_list(cli, "review", NULL, a.json, cols));
}

static const char review_show_usage[] = "usage: redress review show REVIEW [--json]\n\n"
	"The review with its follow-up actions: owner, due, success criterion,\n"
	"status, and the evidence of those done.\n";

static int review_show(struct rd_cli *cli, int argc, char **argv)
{
	struct cli_args a;
	if (cli_parse(cli, argc, argv, NULL, 1, 1, review_show_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(review_show_usage));
	if (!cli_store(cli))
		return cli_end(&a, 1);
	int64_t id;
	if (cli_lookup(cli, "review", a.pos[0], &id))
		return cli_end(&a, 2);
	json_t *rec = NULL;
	char *msg = NULL;
	enum rd_err rc = rd_record_get(cli->store, "review", id, &rec, &msg);
	if (rc == RD_OK)
		rc = rd_record_attach(cli->store, rec, "actions", "review_action", "review_id", id, &msg);
	if (rc) {
		json_decref(rec);
		return cli_end(&a, cli_fail(cli, rc, msg));
	}
	if (a.json) {
		cli_print_json(rec);
	} else {
		json_t *actions = json_incref(json_object_get(rec, "actions"));
		json_object_del(rec, "actions");
		cli_show(rec, false);
		printf("actions:\n");
		if (json_array_size(actions) == 0)
			printf("  (none)\n");
		size_t i;
		json_t *x;
		json_array_foreach(actions, i, x) {
			json_t *owner = json_object_get(x, "owner_id"), *due = json_object_get(x, "due_at");
			json_t *crit = json_object_get(x, "success_criterion");
			printf("  #%" JSON_INTEGER_FORMAT " [%s] %s", json_integer_value(json_object_get(x, "id")),
			       json_string_value(json_object_get(x, "status")),
			       json_string_value(json_object_get(x, "text")));
			if (json_is_integer(owner))
				printf("  owner #%" JSON_INTEGER_FORMAT, json_integer_value(owner));
			if (json_is_string(due))
				printf("  due %s", json_string_value(due));
			putchar('\n');
			if (json_is_string(crit))
				printf("      success: %s\n", json_string_value(crit));
			if (json_is_string(json_object_get(x, "evidence")))
				printf("      done %s: %s\n", json_string_value(json_object_get(x, "done_at")),
				       json_string_value(json_object_get(x, "evidence")));
		}
		json_decref(actions);
	}
	json_decref(rec);
	return cli_end(&a, 0);
}

static const struct cli_command review_cmds[] = {
	{"add", review_add, "record a post-incident review", review_add_usage},
	{"action", review_action, "add a follow-up action, or close one (action done)", review_action_usage},
	{"show", review_show, "a review with its actions and their status", review_show_usage},
	{"list", review_list, "list reviews", review_list_usage},
	{NULL, NULL, NULL, NULL},
};

int cmd_review(struct rd_cli *cli, int argc, char **argv)
{
	return cli_dispatch(cli, "review", review_cmds, argc, argv);
}

/* ---- surveys ---- */

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
	return cli_end(&a, create(cli, &a, "survey_answer", "recorded"));
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

/* ---- near misses ---- */

static const char nm_add_usage[] =
	"usage: redress near-miss add TITLE [--description TEXT] [--services TEXT]\n"
	"                             [--potential-impact TEXT] [--actions TEXT]\n"
	"                             [--reporter EMAIL] [--at TIME] [--json]\n\n"
	"Reports something that almost failed. Blameless: leave out --reporter to\n"
	"report anonymously; then neither the report nor the audit log (its actor\n"
	"is \"anonymous\") names who reported it, not even with --as.\n";

static int nm_add(struct rd_cli *cli, int argc, char **argv)
{
	static const struct cli_opt opts[] = {
		{"description", NULL, CO_STR, "TEXT"}, {"services", NULL, CO_STR, "TEXT"},
		{"potential-impact", "potential_impact", CO_STR, "TEXT"},
		{"actions", NULL, CO_STR, "TEXT"}, {"reporter", NULL, CO_STR, "EMAIL"},
		{"at", NULL, CO_STR, "TIME"}, {NULL, NULL, 0, NULL}};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 1, 1, nm_add_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(nm_add_usage));
	if (!cli_store(cli))
		return cli_end(&a, 1);
	json_object_set_new(a.fields, "title", json_string(a.pos[0]));
	if (!json_object_get(a.fields, "at"))
		json_object_set_new(a.fields, "at", json_integer(cli->now));
	const struct rd_actor *act = cli_actor(cli);
	if (!act)
		return cli_end(&a, 2);
	int64_t id;
	char *msg = NULL;
	enum rd_err rc = rd_near_miss_report(cli->store, act, a.fields, &id, NULL, &msg);
	if (rc)
		return cli_end(&a, cli_fail(cli, rc, msg));
	return cli_end(&a, cli_done(cli, "near_miss", id, a.json, "reported"));
}

static const char nm_list_usage[] = "usage: redress near-miss list [--json | --format csv|xlsx [-o FILE]]\n";

static int nm_list(struct rd_cli *cli, int argc, char **argv)
{
	static const struct cli_opt opts[] = {CLI_EXPORT_OPTS, {NULL, NULL, 0, NULL}};
	static const char *const cols[] = {"id", "at", "title", "services", NULL};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 0, 0, nm_list_usage, &a))
		return 2;
	if (a.help)
		return cli_end(&a, cli_help(nm_list_usage));
	return cli_end(&a, cli_list(cli, "near_miss", NULL, a.json, cols));
}

static const struct cli_command nm_cmds[] = {
	{"add", nm_add, "report a near miss", nm_add_usage},
	{"list", nm_list, "list near misses", nm_list_usage},
	{NULL, NULL, NULL, NULL},
};

int cmd_near_miss(struct rd_cli *cli, int argc, char **argv)
{
	return cli_dispatch(cli, "near-miss", nm_cmds, argc, argv);
}
