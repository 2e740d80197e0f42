/* cmd_check.c — `redress check`: a message before it is sent, or every
 * message of an mbox or JSON Lines archive (`redress draft`, a message from
 * its template, is cmd_draft.c). */
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
#include "util/jsonw.h"

static const char check_usage[] =
	"usage: redress check [--kind KIND] [--client NAME --failure ID] [--at TIME]\n"
	"                     [--lang en|de|fr] [--format text|json] FILE|-\n"
	"       redress check --archive mbox|jsonl [--kind KIND] [--jobs N]\n"
	"                     [--format text|json] FILE|-\n"
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
	"\"skipped\" array). Default en: every rule.\n\n"
	"--archive checks every message of an archive and prints, per message, a\n"
	"line naming it (== message N (line L) <id> \"subject\" [kind]) and its\n"
	"findings (--format json: one JSON object a line, {index, line, id,\n"
	"subject, kind, check} or {index, line, id, error}), then a summary\n"
	"(messages, with errors, with warnings, clean, unreadable, findings per\n"
	"rule; JSON: a last line {\"summary\": …}). mbox: messages start at\n"
	"\"From \" lines (after a blank line); \">From \" lines are unquoted\n"
	"(mboxrd/mboxo); the text/plain part is checked, MIME decoded (multipart,\n"
	"quoted-printable, base64, charsets); the kind is the X-Redress-Kind\n"
	"header, else --kind. jsonl: one object a line, {\"text\": …, \"kind\": …,\n"
	"\"id\": …} (kind and id optional); a bad line is reported with its line\n"
	"number and counted as unreadable, and the rest go on. --jobs N checks on\n"
	"N threads, output still in archive order. Exit status 0 when every\n"
	"message is clean of errors, 1 when a message has an error-severity\n"
	"finding or is unreadable, 2 for bad usage or an unreadable archive\n"
	"(missing file, not an mbox).\n";

/* ---- --archive ------------------------------------------------------------------------ */

struct arch_out {
	const char *file;
	bool json;
	size_t messages, with_errors, with_warnings, unreadable;
	json_t *per_rule;     /* rule id -> count, in first-seen order */
	struct rd_buf line;   /* --format json: one message's line, reused */
	bool oom;
};

static const char *const *policy_required(const char *kind, void *ctx)
{
	return rd_policy_required_elements(ctx, kind);
}

/* V in decimal into buf (24 bytes); returns buf. */
static const char *size_str(char *buf, size_t v)
{
	char t[24];
	size_t i = sizeof t;
	do
		t[--i] = (char)('0' + v % 10);
	while (v /= 10);
	memcpy(buf, t + i, sizeof t - i);
	buf[sizeof t - i] = '\0';
	return buf;
}

/* A message's heading line, gathered for one fwrite (a long id or subject
 * flushes the buffer on the way: the bytes written are the same). */
struct head {
	size_t k;
	char b[512];
};

static void head_flush(struct head *h)
{
	if (h->k)
		fwrite(h->b, 1, h->k, stdout);
	h->k = 0;
}

/* Inlined, so that a literal's strlen folds to a constant. */
static inline __attribute__((always_inline)) void head_str(struct head *h, const char *s)
{
	size_t n = strlen(s);
	if (h->k + n > sizeof h->b) {
		head_flush(h);
		if (n > sizeof h->b) {
			fwrite(s, 1, n, stdout);
			return;
		}
	}
	memcpy(h->b + h->k, s, n);
	h->k += n;
}

static int arch_message(void *ctx, const struct rd_archive_msg *m, enum rd_err rc, const char *err,
			const struct rd_check_result *r)
{
	struct arch_out *o = ctx;
	o->messages++;
	if (rc != RD_OK)
		o->unreadable++;
	else if (rd_check_result_has_errors(r))
		o->with_errors++;
	for (size_t i = 0; r && i < r->n_findings; i++) {
		const char *rule = r->findings[i].rule;
		json_t *n = json_object_get(o->per_rule, rule);   /* counted in place: no allocation */
		if (n ? json_integer_set(n, json_integer_value(n) + 1) != 0
		      : json_object_set_new(o->per_rule, rule, json_integer(1)) != 0)
			o->oom = true;
	}
	bool warn = false;
	for (size_t i = 0; r && i < r->n_findings; i++)
		if (r->findings[i].severity == RD_SEV_WARNING)
			warn = true;
	if (warn && !rd_check_result_has_errors(r))
		o->with_warnings++;
	if (o->json) {
		/* one compact line, written with one fwrite, the result streamed
		 * into it (rd_check_result_write): through a jansson tree and
		 * json_dumpb the JSON lines cost 2.5 times the text output */
		struct rd_jw w;
		o->line.len = 0;
		rd_jw_init(&w, &o->line);
		rd_jw_obj(&w);
		rd_jw_key(&w, "index");
		rd_jw_int(&w, (int64_t)(m->index + 1));
		rd_jw_key(&w, "line");
		rd_jw_int(&w, (int64_t)m->line);
		/* a header that is not UTF-8 is left out, as jansson left it */
		if (m->id && rd_utf8_valid(m->id, strlen(m->id), NULL)) {
			rd_jw_key(&w, "id");
			rd_jw_str(&w, m->id);
		}
		if (m->subject && rd_utf8_valid(m->subject, strlen(m->subject), NULL)) {
			rd_jw_key(&w, "subject");
			rd_jw_str(&w, m->subject);
		}
		if (rc == RD_OK) {
			rd_jw_key(&w, "kind");
			rd_jw_str(&w, r->kind);
			rd_jw_key(&w, "check");
			rd_check_result_write(r, &w);
		} else {
			rd_jw_key(&w, "error");
			rd_jw_str(&w, err ? err : rd_err_name(rc));
		}
		rd_jw_end_obj(&w);
		if (w.err || rd_buf_addc(&o->line, '\n') ||
		    fwrite(o->line.data, 1, o->line.len, stdout) != o->line.len)
			o->oom = true;
		return o->oom;
	}
	/* "== message N (line L) <id> \"subject\" [kind]", built in a buffer
	 * and written with one fwrite: printf's formatting, once a message, was
	 * a measurable share of a 60,000-message archive check, and so were the
	 * dozen fputs calls that replaced it */
	struct head h;   /* not "= {0}": that would zero-fill its buffer */
	h.k = 0;
	char num[24];
	head_str(&h, "== message ");
	head_str(&h, size_str(num, m->index + 1));
	head_str(&h, " (line ");
	head_str(&h, size_str(num, m->line));
	head_str(&h, ")");
	if (m->id) {
		head_str(&h, " <");
		head_str(&h, m->id);
		head_str(&h, ">");
	}
	if (m->subject) {
		head_str(&h, " \"");
		head_str(&h, m->subject);
		head_str(&h, "\"");
	}
	if (r) {
		head_str(&h, " [");
		head_str(&h, r->kind);
		head_str(&h, "]");
	}
	head_str(&h, "\n");
	head_flush(&h);
	/* the label: FILE#N, on the stack unless the file's name is long */
	size_str(num, m->index + 1);
	size_t fl = strlen(o->file), nl = strlen(num);
	char small[256], *label = fl + nl + 2 <= sizeof small ? small : malloc(fl + nl + 2);
	if (!label)
		return o->oom = true;
	memcpy(label, o->file, fl);
	label[fl] = '#';
	memcpy(label + fl + 1, num, nl + 1);
	if (rc != RD_OK)
		printf("%s: unreadable: %s\n", label, err ? err : rd_err_name(rc));
	else
		rd_check_result_print(stdout, label, m->text, m->len, r);
	if (label != small)
		free(label);
	return 0;
}

static void arch_summary(struct arch_out *o)
{
	size_t clean = o->messages - o->with_errors - o->with_warnings - o->unreadable;
	if (o->json) {
		json_t *j = json_pack("{s{sI sI sI sI sI sO}}", "summary", "messages", (json_int_t)o->messages,
				      "with_errors", (json_int_t)o->with_errors, "with_warnings",
				      (json_int_t)o->with_warnings, "clean", (json_int_t)clean, "unreadable",
				      (json_int_t)o->unreadable, "findings", o->per_rule);
		if (j)
			json_dumpf(j, stdout, JSON_COMPACT);
		fputc('\n', stdout);
		json_decref(j);
		return;
	}
	printf("== summary: %zu message%s: %zu with errors, %zu with warnings only, %zu clean, "
	       "%zu unreadable\n", o->messages, o->messages == 1 ? "" : "s", o->with_errors,
	       o->with_warnings, clean, o->unreadable);
	const char *rule;
	json_t *n;
	json_object_foreach(o->per_rule, rule, n)
		printf("   %-24s %" JSON_INTEGER_FORMAT "\n", rule, json_integer_value(n));
}

static int check_archive(struct rd_cli *cli, const char *fmtname, const char *jobs, const char *kind,
			 int64_t at, bool json, const char *file)
{
	enum rd_archive_format fmt;
	if (!rd_archive_format_parse(fmtname, &fmt))
		return cli_usage_error(cli, "--archive: '%s' is not mbox or jsonl", fmtname);
	unsigned nth = 1;
	if (jobs) {
		char *end;
		errno = 0;
		long v = strtol(jobs, &end, 10);
		if (errno || end == jobs || *end || v < 1 || v > 64)
			return cli_usage_error(cli, "--jobs: '%s' is not a number of threads from 1 to 64", jobs);
		nth = (unsigned)v;
	}
	bool std = strcmp(file, "-") == 0;
	FILE *f = std ? stdin : fopen(file, "rb");
	if (!f)
		return cli_usage_error(cli, "cannot open archive '%s': %s", file, strerror(errno));
	struct rd_check_context ctx;
	const struct rd_policy *pol = NULL;
	struct rd_archive *a = NULL;
	struct arch_out o = {.file = std ? "<stdin>" : file, .json = json, .per_rule = json_object()};
	char *msg = NULL;
	int exit = 2;
	enum rd_err rc = rd_check_context_build(NULL, kind, 0, 0, at, &ctx, &msg);
	if (rc == RD_OK)
		rc = rd_policy_in_force(&pol, &msg);
	if (rc == RD_OK)
		rc = rd_archive_open(f, fmt, &a, &msg);
	if (rc == RD_OK && !o.per_rule)
		rc = rd_fail(RD_ENOMEM, &msg, "out of memory");
	if (rc != RD_OK) {
		exit = cli_fail(cli, rc, msg);
		goto out;
	}
	struct rd_archive_opts ao = {.check = &ctx.opts, .required = policy_required, .rctx = (void *)pol,
				     .threads = nth};
	rc = rd_check_archive(a, &ao, arch_message, &o, &msg);
	if (rc != RD_OK && o.messages == 0) {
		/* nothing read: not an archive of this format, or the options */
		fprintf(stderr, "redress %s: %s: %s\n", cli->cmd ? cli->cmd : "", o.file, msg ? msg : rd_err_name(rc));
		free(msg);
		exit = rc == RD_EINVAL || rc == RD_EIO ? 2 : 1;
		goto out;
	}
	arch_summary(&o);
	if (rc != RD_OK) {
		fprintf(stderr, "redress %s: %s: stopped after %zu messages: %s\n", cli->cmd ? cli->cmd : "",
			o.file, o.messages, msg ? msg : rd_err_name(rc));
		free(msg);
		exit = 2;
		goto out;
	}
	exit = o.with_errors || o.unreadable ? 1 : 0;
out:
	if (fflush(stdout) != 0 && exit == 0)
		exit = 1;
	rd_archive_free(a);
	rd_check_context_free(&ctx);
	json_decref(o.per_rule);
	rd_buf_free(&o.line);
	if (!std)
		fclose(f);
	return exit;
}

int cmd_check(struct rd_cli *cli, int argc, char **argv)
{
	static const struct cli_opt opts[] = {
		{"kind", NULL, CO_STR, "KIND"}, {"client", NULL, CO_STR, "NAME"},
		{"failure", NULL, CO_STR, "ID"}, {"at", NULL, CO_STR, "TIME"},
		{"format", NULL, CO_STR, "text|json"}, {"explain", NULL, CO_STR, "RULE"},
		{"rules", NULL, CO_FLAG, NULL}, {"lang", NULL, CO_STR, "en|de|fr"},
		{"archive", NULL, CO_STR, "mbox|jsonl"}, {"jobs", NULL, CO_STR, "N"}, {NULL, NULL, 0, NULL}};
	struct cli_args a;
	if (cli_parse(cli, argc, argv, opts, 0, 1, check_usage, &a))
		return 2;
	const char *lang;
	if (cli_lang_arg(cli, &a, &lang))
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
	const char *archive = cli_arg(&a, "archive");
	if (!archive && cli_arg(&a, "jobs"))
		return cli_end(&a, cli_usage_error(cli, "--jobs goes with --archive"));
	if (archive && cl)
		return cli_end(&a, cli_usage_error(cli, "--archive checks messages without --client and --failure"));
	if (archive && lang)
		return cli_end(&a, cli_usage_error(cli, "--lang does not go with --archive: archives are checked in "
						   "English"));
	if (archive)
		return cli_end(&a, check_archive(cli, archive, cli_arg(&a, "jobs"), kind, at, json, a.pos[0]));
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
		/* the result streamed (rd_check_result_write) and laid out as
		 * cli_print_json lays out every other command's answer: a jansson
		 * tree of a long message's findings cost four times the check */
		struct rd_buf compact = RD_BUF_INIT, out = RD_BUF_INIT;
		struct rd_jw w;
		rd_jw_init(&w, &compact);
		rd_check_result_write(res, &w);
		rc = w.err ? w.err : rd_json_indent(compact.data, compact.len, 2, &out);
		if (!rc && (rd_buf_addc(&out, '\n') || fwrite(out.data, 1, out.len, stdout) != out.len))
			rc = RD_EIO;
		rd_buf_free(&compact);
		rd_buf_free(&out);
		if (rc) {
			rd_check_result_free(res);
			free(text);
			return cli_end(&a, cli_fail(cli, rc, NULL));
		}
	} else {
		rd_check_result_print(stdout, strcmp(file, "-") == 0 ? "<stdin>" : file, text, len, res);
	}
	int exit = rd_check_result_has_errors(res) ? 1 : 0;
	rd_check_result_free(res);
	free(text);
	return cli_end(&a, exit);
}
