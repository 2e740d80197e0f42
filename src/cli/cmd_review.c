/* cmd_review.c — the post-incident review on the command line: `review
 * add|list|show` and its actions (`review action add|done`), closed only
 * with evidence. */
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "redress/time.h"

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
	return cli_end(&a, cli_create(cli, &a, "review", "recorded"));
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
	return cli_end(&a, cli_create(cli, &a, "review_action", "added"));
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
