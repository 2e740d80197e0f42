/* cmd_draft.c — `redress draft KIND`: a message from its template, filled
 * from what is on record, in the client's language, then checked; refused
 * with what to do first when it could not be written honestly now. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "redress/agenda.h"
#include "redress/archive.h"
#include "redress/compose.h"
#include "redress/policy.h"
#include "redress/time.h"
#include "util/buf.h"

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
	if (cli_lang_arg(cli, &a, &lang))
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
