/* cmd_check.c — `redress check` (a message before it is sent) and
 * `redress draft` (a message from its template, checked). */
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "redress/compose.h"
#include "redress/time.h"
#include "util/buf.h"

static const char check_usage[] =
	"usage: redress check [--kind KIND] [--client NAME --failure ID] [--at TIME]\n"
	"                     [--lang en|de|fr] [--format text|json] FILE|-\n"
	"       redress check --explain RULE\n"
	"       redress check --rules\n\n"
	"Checks a message (UTF-8 plain text or Markdown) before it is sent: apology\n"
	"quality, ownership, tone, promises, the elements its KIND must contain\n"
	"(from the policy), unfilled placeholders, and — with --client and\n"
	"--failure — whether it acknowledges being late and whether it contradicts\n"
	"what this client or another client of the failure was told before.\n"
	"Findings are printed like a compiler's (file:line:col: severity: message\n"
	"[rule-id]) with a caret line, then a score out of 100; a line longer than\n"
	"160 characters is shown as a window of 120 around the finding, cut with\n"
	"\"…\". --at is the time of sending (default now). Exit status 1 when an\n"
	"error-severity finding is present; 2 for an empty or white-space-only\n"
	"message.\n\n"
	"--lang de or fr checks a German or French message with only the rules\n"
	"that read no English words (unfilled placeholders, contradicted facts)\n"
	"and names the rules it skipped (\"skipped for de: …\"; in JSON the\n"
	"\"skipped\" array). Default en: every rule.\n";

/* --lang, checked: NULL when absent; exits 2 naming the accepted values. */
static int lang_arg(struct rd_cli *cli, struct cli_args *a, const char **lang)
{
	*lang = cli_arg(a, "lang");
	if (*lang && !rd_draft_lang_valid(*lang))
		return cli_usage_error(cli, "--lang: '%s' is not a language drafts are written in (accepted: en, de, fr)",
				       *lang);
	return 0;
}

int cmd_check(struct rd_cli *cli, int argc, char **argv)
{
	static const struct cli_opt opts[] = {
		{"kind", NULL, CO_STR, "KIND"}, {"client", NULL, CO_STR, "NAME"},
		{"failure", NULL, CO_STR, "ID"}, {"at", NULL, CO_STR, "TIME"},
		{"format", NULL, CO_STR, "text|json"}, {"explain", NULL, CO_STR, "RULE"},
		{"rules", NULL, CO_FLAG, NULL}, {"lang", NULL, CO_STR, "en|de|fr"}, {NULL, NULL, 0, NULL}};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 0, 1, check_usage, &a))
		return 2;
	const char *lang;
	if (lang_arg(cli, &a, &lang))
		return cli_end(&a, 2);
	if (a.help)
		return cli_end(&a, cli_help(check_usage));
	if (json_is_true(json_object_get(a.fields, "rules"))) {
		const struct rd_check_rule_info *r;
		for (size_t i = 0; (r = rd_check_rule_at(i)); i++)
			printf("%-24s %-7s %s\n", r->id, rd_severity_name(r->severity), r->summary);
		return cli_end(&a, 0);
	}
	const char *rule = cli_arg(&a, "explain");
	if (rule) {
		const char *text = rd_check_explain(rule);
		if (!text)
			return cli_end(&a, cli_usage_error(cli, "--explain: unknown rule '%s' (see redress check --rules)",
							   rule));
		printf("%s\n", text);
		return cli_end(&a, 0);
	}
	if (a.npos != 1)
		return cli_end(&a, cli_usage_error(cli, "give the message file, or - for standard input\n%s",
						   check_usage));
	const char *format = cli_arg(&a, "format");
	if (format && strcmp(format, "text") && strcmp(format, "json"))
		return cli_end(&a, cli_usage_error(cli, "--format: '%s' is not text or json", format));
	bool json = a.json || (format && strcmp(format, "json") == 0);
	const char *kind = cli_arg(&a, "kind");
	if (kind && !rd_check_default_elements(kind, false))
		return cli_end(&a, cli_usage_error(cli, "--kind: '%s' is not a communication kind (apology, "
						   "rca_update, plan, progress, delay, resolution, follow_up, "
						   "survey, review, correction, other)", kind));
	const char *cl = cli_arg(&a, "client"), *fl = cli_arg(&a, "failure");
	if (!!cl != !!fl)
		return cli_end(&a, cli_usage_error(cli, "--client and --failure go together"));
	int64_t at, fid = 0, cid = 0;
	if (cli_arg_time(cli, &a, "at", cli->now, &at))
		return cli_end(&a, 2);
	if (cl && (cli_lookup(cli, "failure", fl, &fid) || cli_lookup(cli, "client", cl, &cid)))
		return cli_end(&a, 2);
	char *text = NULL, *msg = NULL;
	size_t len;
	const char *file = a.pos[0];
	enum rd_err rc = strcmp(file, "-") == 0 ? rd_stream_read(stdin, &text, &len, &msg)
						: rd_file_read(file, &text, &len, &msg);
	if (rc)
		return cli_end(&a, cli_fail(cli, RD_EINVAL, msg));
	/* The database is read only for the context (--client, --failure);
	 * checking a file alone touches no database. */
	struct rd_check_context ctx;
	struct rd_store *s = cl ? cli->store : NULL;
	if ((rc = rd_check_context_build(s, kind, fid, cid, at, &ctx, &msg))) {
		rd_check_context_free(&ctx);
		free(text);
		return cli_end(&a, cli_fail(cli, rc, msg));
	}
	struct rd_check_result *res = NULL;
	ctx.opts.lang = lang;
	rc = rd_check(text, len, &ctx.opts, &res, &msg);
	rd_check_context_free(&ctx);
	if (rc) {
		free(text);
		return cli_end(&a, cli_fail(cli, rc, msg));
	}
	if (json) {
		json_t *j = rd_check_result_json(res);
		cli_print_json(j);
		json_decref(j);
	} else {
		rd_check_result_print(stdout, strcmp(file, "-") == 0 ? "<stdin>" : file, text, len, res);
	}
	int exit = rd_check_result_has_errors(res) ? 1 : 0;
	rd_check_result_free(res);
	free(text);
	return cli_end(&a, exit);
}

static const char draft_usage[] =
	"usage: redress draft KIND --failure ID --client NAME [--at TIME] [--lang en|de|fr]\n"
	"                     [--json]\n\n"
	"Drafts a message of KIND from its template (the client's own, else its\n"
	"tier's, else the default), filled from the failure, the client, its\n"
	"impact, the client-facing root cause, the plan and ETA, the point person\n"
	"and goodwill, then checks it. Prints the draft and the findings. Never\n"
	"sends anything. Links in the draft (the survey) start with\n"
	"$REDRESS_BASE_URL, else the address `redress serve` recorded, else\n"
	"http://127.0.0.1:8080.\n\n"
	"The draft is in the client's language (`client update --lang`), or\n"
	"--lang: English, German or French, with dates and amounts written the\n"
	"way that language writes them; for German and French the check runs\n"
	"only its language-independent rules and names those it skipped.\n"
	"Templates say only what is so: no ETA sentence without an ETA, no claim\n"
	"about what it cost the client without a recorded impact; the draft is\n"
	"signed by the point person (the impact's, else the client's owner, else\n"
	"you) with their title, e-mail and phone. A kind that cannot be written\n"
	"honestly now is refused with exit status 2 and what to do instead: a\n"
	"progress update or delay for a resolved failure; a resolution,\n"
	"follow_up, survey or review before it is resolved; an rca_update or\n"
	"review without a client-facing root cause; a plan without actions; a\n"
	"delay when the ETA has not moved.\n";

int cmd_draft(struct rd_cli *cli, int argc, char **argv)
{
	static const struct cli_opt opts[] = {
		{"failure", NULL, CO_STR, "ID"}, {"client", NULL, CO_STR, "NAME"},
		{"at", NULL, CO_STR, "TIME"}, {"lang", NULL, CO_STR, "en|de|fr"}, {NULL, NULL, 0, NULL}};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 1, 1, draft_usage, &a))
		return 2;
	const char *lang;
	if (lang_arg(cli, &a, &lang))
		return cli_end(&a, 2);
	if (a.help)
		return cli_end(&a, cli_help(draft_usage));
	if (!cli_arg(&a, "failure") || !cli_arg(&a, "client"))
		return cli_end(&a, cli_usage_error(cli, "--failure and --client are required\n%s", draft_usage));
	if (!rd_check_default_elements(a.pos[0], false))
		return cli_end(&a, cli_usage_error(cli, "'%s' is not a communication kind (apology, rca_update, "
						   "plan, progress, delay, resolution, follow_up, survey, "
						   "review, correction, other)", a.pos[0]));
	int64_t at, fid, cid;
	if (cli_arg_time(cli, &a, "at", cli->now, &at) ||
	    cli_lookup(cli, "failure", cli_arg(&a, "failure"), &fid) ||
	    cli_lookup(cli, "client", cli_arg(&a, "client"), &cid))
		return cli_end(&a, 2);
	const struct rd_actor *act = cli_actor(cli);
	if (!act)
		return cli_end(&a, 2);
	char *text = NULL, *msg = NULL, *base = NULL;
	struct rd_check_result *res = NULL;
	int ex = cli_link_base(cli, NULL, &base);
	if (ex)
		return cli_end(&a, ex);
	enum rd_err rc = rd_draft_lang(cli->store, a.pos[0], fid, cid, at, act->user_id, base, lang, &text, &res,
				       &msg);
	free(base);
	if (rc)
		return cli_end(&a, cli_fail(cli, rc, msg));
	if (a.json) {
		json_t *j = json_pack("{ss so}", "text", text, "check", rd_check_result_json(res));
		cli_print_json(j);
		json_decref(j);
	} else {
		fputs(text, stdout);
		if (text[0] && text[strlen(text) - 1] != '\n')
			putchar('\n');
		printf("\n---\n");
		rd_check_result_print(stdout, "draft", text, strlen(text), res);
	}
	rd_check_result_free(res);
	free(text);
	return cli_end(&a, 0);
}
