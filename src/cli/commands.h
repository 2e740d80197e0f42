/* commands.h — every top-level command, one per cmd_<name>.c file. */
#ifndef REDRESS_COMMANDS_H
#define REDRESS_COMMANDS_H
#include "cli.h"

int cmd_init(struct rd_cli *cli, int argc, char **argv);
int cmd_serve(struct rd_cli *cli, int argc, char **argv);
int cmd_demo(struct rd_cli *cli, int argc, char **argv);
int cmd_client(struct rd_cli *cli, int argc, char **argv);
int cmd_contact(struct rd_cli *cli, int argc, char **argv);
int cmd_service(struct rd_cli *cli, int argc, char **argv);
int cmd_failure(struct rd_cli *cli, int argc, char **argv);
int cmd_impact(struct rd_cli *cli, int argc, char **argv);
int cmd_log(struct rd_cli *cli, int argc, char **argv);
/* What `log` and `send` share (cmd_log.c): the options of a communication
 * (every one of `log`'s but --body, which each command defines), and
 * cli_comm_input, which turns the parsed --client and --contact into ids and
 * reads --body-file into "body". 0, or the exit code after a message. */
extern const struct cli_opt cli_comm_opts[];
int cli_comm_input(struct rd_cli *cli, struct cli_args *a, struct rd_store *s);
int cmd_comm(struct rd_cli *cli, int argc, char **argv);
int cmd_rca(struct rd_cli *cli, int argc, char **argv);
int cmd_plan(struct rd_cli *cli, int argc, char **argv);
int cmd_eta(struct rd_cli *cli, int argc, char **argv);
int cmd_commitment(struct rd_cli *cli, int argc, char **argv);
int cmd_goodwill(struct rd_cli *cli, int argc, char **argv);
int cmd_survey(struct rd_cli *cli, int argc, char **argv);
int cmd_near_miss(struct rd_cli *cli, int argc, char **argv);
int cmd_report(struct rd_cli *cli, int argc, char **argv);
int cmd_review(struct rd_cli *cli, int argc, char **argv);
int cmd_user(struct rd_cli *cli, int argc, char **argv);
int cmd_audit(struct rd_cli *cli, int argc, char **argv);
int cmd_agenda(struct rd_cli *cli, int argc, char **argv);
int cmd_obligations(struct rd_cli *cli, int argc, char **argv);
int cmd_calendar(struct rd_cli *cli, int argc, char **argv);
/* `calendar feed …` (cmd_calfeed.c), dispatched from cmd_calendar. */
int cmd_calendar_feed(struct rd_cli *cli, int argc, char **argv);
int cmd_waive(struct rd_cli *cli, int argc, char **argv);
int cmd_policy(struct rd_cli *cli, int argc, char **argv);
int cmd_trust(struct rd_cli *cli, int argc, char **argv);
/* Prints a trust object (rd_trust_client_json) as text: score, trend and
 * every contribution (cmd_trust.c; also `client show`). */
void cli_print_trust(json_t *t);
int cmd_refresh(struct rd_cli *cli, int argc, char **argv);
int cmd_escalate(struct rd_cli *cli, int argc, char **argv);
int cmd_check(struct rd_cli *cli, int argc, char **argv);
int cmd_draft(struct rd_cli *cli, int argc, char **argv);
int cmd_token(struct rd_cli *cli, int argc, char **argv);
int cmd_portal(struct rd_cli *cli, int argc, char **argv);
int cmd_export(struct rd_cli *cli, int argc, char **argv);
int cmd_metrics(struct rd_cli *cli, int argc, char **argv);
int cmd_send(struct rd_cli *cli, int argc, char **argv);
int cmd_inbound(struct rd_cli *cli, int argc, char **argv);
int cmd_deliver(struct rd_cli *cli, int argc, char **argv);
int cmd_outbox(struct rd_cli *cli, int argc, char **argv);
int cmd_webhook(struct rd_cli *cli, int argc, char **argv);
/* `reply-address revoke`, in cmd_inbound.c */
int cmd_reply_address(struct rd_cli *cli, int argc, char **argv);
/* The email settings of A's --smtp-url/--mail-from, else $REDRESS_SMTP_URL
 * and $REDRESS_MAIL_FROM, checked; borrowed strings. 0, or the exit status
 * after printing what is wrong. In cmd_deliver.c (serve uses it too). */
struct rd_mail_settings;
int cli_mail_settings(struct rd_cli *cli, const struct cli_args *a, struct rd_mail_settings *ms);
/* `user login-link`, in cmd_token.c */
int user_login_link(struct rd_cli *cli, int argc, char **argv);
/* `user login-link` and `user password-link` share their parsing and
 * printing (cmd_token.c); CREATE makes the link. */
typedef enum rd_err (*user_link_fn)(struct rd_store *s, const struct rd_actor *a, const char *email,
				    int minutes, int64_t now, char **token, char **errmsg);
int user_link(struct rd_cli *cli, int argc, char **argv, const char *usage, user_link_fn create,
	      const char *path);
/* The base of printed links (redress/settings.h): A's --base-url, else
 * $REDRESS_BASE_URL, else what serve recorded, else the default. The store
 * must be open. 0 with *out malloc'd (the caller frees), or the exit status
 * after printing the error. In cmd_token.c. */
int cli_link_base(struct rd_cli *cli, const struct cli_args *a, char **out);

#endif
