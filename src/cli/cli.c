/* cli.c — the plumbing every command shares: option parsing with messages
 * that name the bad argument, the lazily opened store, the acting user,
 * exit-status mapping and record printing. Commands only parse, call the
 * library and format. */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "redress/compose.h"
#include "redress/time.h"
#include "util/buf.h"

int cli_usage_error(struct rd_cli *cli, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "redress %s: ", cli->cmd ? cli->cmd : "");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return 2;
}

int cli_fail(struct rd_cli *cli, enum rd_err err, char *msg)
{
	if (err == RD_EBUSY)   /* the library's "cannot start a transaction" says too little */
		fprintf(stderr, "redress %s: the database is busy: another program held its write lock "
			"for %d s; nothing was changed, try again\n", cli->cmd ? cli->cmd : "",
			RD_STORE_BUSY_MS / 1000);
	else
		fprintf(stderr, "redress %s: %s\n", cli->cmd ? cli->cmd : "",
			msg ? msg : rd_err_name(err));
	free(msg);
	if (err == RD_EDB && cli->store && rd_store_readonly(cli->store))
		fprintf(stderr, "redress %s: the database '%s' is read-only: check the file's and its "
			"directory's permissions\n", cli->cmd ? cli->cmd : "", cli->db);
	switch (err) {
	case RD_EINVAL:
	case RD_ENOTFOUND:
	case RD_EEXIST:
	case RD_ESTATE:
	case RD_EPERM:
		return 2;
	default:
		return 1;
	}
}

int cli_help(const char *usage)
{
	fputs(usage, stdout);
	return 0;
}

void cli_print_json(json_t *j)
{
	json_dumpf(j, stdout, JSON_INDENT(2) | JSON_REAL_PRECISION(15)); /* 0.1 prints as 0.1 */
	fputc('\n', stdout);
}

struct rd_store *cli_store(struct rd_cli *cli)
{
	if (cli->store)
		return cli->store;
	char *msg = NULL;
	enum rd_err rc = rd_store_open_mode(cli->db, cli->create_db ? RD_STORE_CREATE : RD_STORE_EXISTING,
					    &cli->store, &msg);
	if (rc) {
		cli_fail(cli, rc, msg);
		return NULL;
	}
	return cli->store;
}

const struct rd_actor *cli_actor(struct rd_cli *cli)
{
	if (cli->actor_ready)
		return &cli->actor;
	if (!cli->as || !*cli->as) {
		rd_actor_system(&cli->actor, "cli");
	} else {
		struct rd_store *s = cli_store(cli);
		char *msg = NULL;
		if (!s)
			return NULL;
		enum rd_err rc = rd_actor_for_user(s, cli->as, &cli->actor, &msg);
		if (rc) {
			cli_fail(cli, rc, msg);
			return NULL;
		}
	}
	cli->actor.now = cli->now;
	cli->actor_ready = true;
	return &cli->actor;
}

static const struct cli_opt *find_opt(const struct cli_opt *opts, const char *name, size_t n)
{
	for (; opts && opts->name; opts++)
		if (strlen(opts->name) == n && strncmp(opts->name, name, n) == 0)
			return opts;
	return NULL;
}

static int bad_option(struct rd_cli *cli, const char *arg, const struct cli_opt *opts)
{
	struct rd_buf b = RD_BUF_INIT;
	for (const struct cli_opt *o = opts; o && o->name; o++)
		rd_buf_addf(&b, "--%s ", o->name);
	rd_buf_adds(&b, "--json --help");
	int rc = cli_usage_error(cli, "unknown option '%s' (accepted: %s)", arg, b.data);
	rd_buf_free(&b);
	return rc;
}

int cli_parse(struct rd_cli *cli, int argc, char **argv, const struct cli_opt *opts, int minpos,
	      int maxpos, const char *usage, struct cli_args *out)
{
	memset(out, 0, sizeof *out);
	out->fields = json_object();
	bool only_pos = false;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (only_pos || a[0] != '-' || a[1] == '\0') {
			if (out->npos >= maxpos || out->npos >= 8) {
				cli_usage_error(cli, "unexpected argument '%s'", a);
				goto bad;
			}
			out->pos[out->npos++] = a;
			continue;
		}
		if (strcmp(a, "--") == 0) {
			only_pos = true;
			continue;
		}
		if (a[1] != '-') {
			if (strcmp(a, "-h") == 0) {
				out->help = true;
				continue;
			}
			if (strcmp(a, "-o") == 0 && find_opt(opts, "output", 6)) {
				if (i + 1 >= argc) {
					cli_usage_error(cli, "option -o needs a value (FILE)");
					goto bad;
				}
				cli->output = argv[++i];
				continue;
			}
			bad_option(cli, a, opts);
			goto bad;
		}
		const char *name = a + 2;
		const char *eq = strchr(name, '=');
		size_t n = eq ? (size_t)(eq - name) : strlen(name);
		if (n == 4 && strncmp(name, "json", 4) == 0 && !eq) {
			out->json = true;
			continue;
		}
		if (n == 4 && strncmp(name, "help", 4) == 0 && !eq) {
			out->help = true;
			continue;
		}
		const struct cli_opt *o = find_opt(opts, name, n);
		if (!o) {
			bad_option(cli, a, opts);
			goto bad;
		}
		const char *key = o->key ? o->key : o->name;
		if (o->type == CO_EXPORT) {
			const char *val = eq ? eq + 1 : (i + 1 < argc ? argv[++i] : NULL);
			if (!val) {
				cli_usage_error(cli, "option --%s needs a value (%s)", o->name, o->arg);
				goto bad;
			}
			if (strcmp(o->name, "output") == 0) {
				cli->output = val;
				continue;
			}
			if (strcmp(val, "text") && strcmp(val, "json") && strcmp(val, "csv") &&
			    strcmp(val, "xlsx")) {
				cli_usage_error(cli, "unknown --format '%s' (accepted: text, json, csv, xlsx)", val);
				goto bad;
			}
			cli->format = val;
			if (strcmp(val, "json") == 0)
				out->json = true;
			continue;
		}
		if (o->type == CO_FLAG) {
			if (eq) {
				cli_usage_error(cli, "option --%s takes no value", o->name);
				goto bad;
			}
			json_object_set_new(out->fields, key, json_true());
			continue;
		}
		const char *val = eq ? eq + 1 : NULL;
		if (!val) {
			if (i + 1 >= argc) {
				cli_usage_error(cli, "option --%s needs a value (%s)", o->name,
						o->arg ? o->arg : "TEXT");
				goto bad;
			}
			val = argv[++i];
		}
		json_t *js = json_string(val);
		if (!js) {
			cli_usage_error(cli, "the value of --%s is not valid UTF-8", o->name);
			goto bad;
		}
		if (o->type == CO_LIST) {
			json_t *arr = json_object_get(out->fields, key);
			if (!arr) {
				arr = json_array();
				json_object_set_new(out->fields, key, arr);
			}
			json_array_append_new(arr, js);
		} else {
			if (json_object_get(out->fields, key)) {
				json_decref(js);
				cli_usage_error(cli, "option --%s given twice", o->name);
				goto bad;
			}
			json_object_set_new(out->fields, key, js);
		}
	}
	if (out->help)
		return 0;
	if (out->npos < minpos) {
		cli_usage_error(cli, "missing argument\n%s", usage);
		goto bad;
	}
	for (int i = 0; i < out->npos; i++) {
		size_t bad;
		if (!rd_utf8_valid(out->pos[i], strlen(out->pos[i]), &bad)) {
			cli_usage_error(cli, "argument %d is not valid UTF-8 (byte %zu)", i + 1, bad);
			goto bad;
		}
	}
	return 0;
bad:
	cli_args_free(out);
	return 2;
}

void cli_args_free(struct cli_args *a)
{
	json_decref(a->fields);
	a->fields = NULL;
}

const char *cli_arg(const struct cli_args *a, const char *key)
{
	return json_string_value(json_object_get(a->fields, key));
}

int cli_arg_time(struct rd_cli *cli, const struct cli_args *a, const char *key, int64_t dflt, int64_t *t)
{
	const char *v = cli_arg(a, key);
	*t = dflt;
	if (!v)
		return 0;
	char *msg = NULL;
	if (rd_time_parse(v, t, &msg)) {
		cli_usage_error(cli, "--%s: %s", key, msg);
		free(msg);
		return 2;
	}
	return 0;
}

int cli_arg_count(struct rd_cli *cli, const struct cli_args *a, const char *key, int max, int *n)
{
	const char *v = cli_arg(a, key);
	*n = 0;
	if (!v)
		return 0;
	char *end;
	errno = 0;
	long x = strtol(v, &end, 10);
	if (errno || end == v || *end || x < 1 || x > max) {
		cli_usage_error(cli, "--%s: '%s' is not a number from 1 to %d", key, v, max);
		return 2;
	}
	*n = (int)x;
	return 0;
}

int cli_lookup(struct rd_cli *cli, const char *entity, const char *key, int64_t *id)
{
	struct rd_store *s = cli_store(cli);
	if (!s)
		return 1;
	char *msg = NULL;
	enum rd_err rc = rd_record_lookup(s, entity, key, id, &msg);
	return rc ? cli_fail(cli, rc, msg) : 0;
}

struct list_ctx {
	bool json;
	int n;
	const char *const *columns;
	struct rd_export *x;     /* --format csv|xlsx */
	FILE *f;                 /* where CSV rows stream to */
	char *msg;               /* the export's error */
	enum rd_err rc;
};

static void print_scalar(FILE *f, json_t *v)
{
	if (json_is_string(v))
		fputs(json_string_value(v), f);
	else if (json_is_integer(v))
		fprintf(f, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
	else if (json_is_true(v))
		fputs("yes", f);
	else if (json_is_false(v))
		fputs("no", f);
	else if (json_is_null(v))
		fputs("-", f);
	else {
		char *d = json_dumps(v, JSON_COMPACT);
		fputs(d ? d : "?", f);
		free(d);
	}
}

static void list_header(const struct list_ctx *c)
{
	for (int i = 0; c->columns[i]; i++)
		printf("%s%s", i ? "\t" : "", c->columns[i]);
	putchar('\n');
}

static int list_row(json_t *rec, void *ctx)
{
	struct list_ctx *c = ctx;
	if (c->x) {
		if ((c->rc = rd_export_row(c->x, rec, &c->msg)) ||
		    (c->rc = rd_export_flush(c->x, c->f, &c->msg)))
			return 1;
		c->n++;
		return 0;
	}
	if (!c->json && c->n == 0)
		list_header(c);
	if (c->json) {
		fputs(c->n ? ",\n  " : "[\n  ", stdout);
		json_dumpf(rec, stdout, JSON_COMPACT);
	} else {
		for (int i = 0; c->columns[i]; i++) {
			if (i)
				fputc('\t', stdout);
			print_scalar(stdout, json_object_get(rec, c->columns[i]));
		}
		fputc('\n', stdout);
	}
	c->n++;
	return 0;
}

/* The export format asked for, 0 for text or JSON; 2 after a message when
 * XLSX would go to a terminal. */
static int export_format(struct rd_cli *cli, enum rd_export_format *fmt)
{
	*fmt = 0;
	if (!cli->format || rd_export_format_parse(cli->format, fmt, NULL))
		return 0;
	bool to_stdout = !cli->output || strcmp(cli->output, "-") == 0;
	if (*fmt == RD_EXPORT_XLSX && to_stdout && isatty(STDOUT_FILENO))
		return cli_usage_error(cli, "an XLSX spreadsheet is binary: give --output FILE (or -o FILE)");
	return 0;
}

/* Opens --output (or stdout); 1 after a message naming the file. */
static int open_output(struct rd_cli *cli, FILE **f)
{
	if (!cli->output || strcmp(cli->output, "-") == 0) {
		*f = stdout;
		return 0;
	}
	*f = fopen(cli->output, "wb");
	if (!*f) {
		fprintf(stderr, "redress %s: cannot write '%s': %s\n", cli->cmd ? cli->cmd : "",
			cli->output, strerror(errno));
		return 1;
	}
	return 0;
}

/* Ends an export: the rest of the document to F, F closed unless stdout. */
static int close_output(struct rd_cli *cli, struct rd_export *x, FILE *f, int rc)
{
	char *msg = NULL;
	struct rd_buf b = RD_BUF_INIT;
	enum rd_err err = RD_OK;
	if (rc == 0 && (err = rd_export_finish(x, &b, &msg)) == RD_OK && b.len &&
	    fwrite(b.data, 1, b.len, f) != b.len)
		err = rd_fail(RD_EIO, &msg, "cannot write the output");
	rd_buf_free(&b);
	rd_export_free(x);
	if (f != stdout) {
		if (fclose(f) != 0 && !err)
			err = rd_fail(RD_EIO, &msg, "cannot write '%s'", cli->output);
		if (rc || err)
			unlink(cli->output);
	} else if (fflush(f) != 0 && !err) {
		err = rd_fail(RD_EIO, &msg, "cannot write the output");
	}
	if (err)
		return cli_fail(cli, err, msg);
	return rc;
}

static int list_export(struct rd_cli *cli, struct rd_store *s, const char *entity, json_t *filter,
		       enum rd_export_format fmt)
{
	const struct rd_entity *e = rd_entity_find(entity);
	struct rd_export_col cols[64];
	size_t n = e ? rd_export_entity_cols(e, cols, 64) : 0;
	if (!e || n > 64)
		return cli_fail(cli, RD_EINVAL, NULL);
	FILE *f;
	if (open_output(cli, &f))
		return 1;
	struct list_ctx c = {.f = f};
	char *msg = NULL;
	enum rd_err rc = rd_export_begin(fmt, cols, n, e->plural, &c.x, &msg);
	if (rc) {
		if (f != stdout) {
			fclose(f);
			unlink(cli->output);
		}
		return cli_fail(cli, rc, msg);
	}
	/* The header goes out at once for CSV; a refused filter then still
	 * leaves an empty file behind for -o, which close_output removes. */
	rc = rd_record_list(s, entity, filter, 0, 0, list_row, &c, &msg);
	if (!rc && c.rc) {
		rc = c.rc;
		msg = c.msg;
		c.msg = NULL;
	}
	free(c.msg);
	int status = rc ? cli_fail(cli, rc, msg) : 0;
	return close_output(cli, c.x, f, status);
}

int cli_export_items(struct rd_cli *cli, const struct rd_export_col *cols, size_t ncols,
		     const char *sheet, json_t *items, bool *json, bool *done)
{
	enum rd_export_format fmt;
	*done = false;
	if (cli->format && strcmp(cli->format, "json") == 0)
		*json = true;
	int rc = export_format(cli, &fmt);
	if (rc || !fmt)
		return rc;
	*done = true;
	FILE *f;
	if (open_output(cli, &f))
		return 1;
	struct rd_export *x;
	char *msg = NULL;
	enum rd_err err = rd_export_begin(fmt, cols, ncols, sheet, &x, &msg);
	if (err) {
		if (f != stdout) {
			fclose(f);
			unlink(cli->output);
		}
		return cli_fail(cli, err, msg);
	}
	size_t i;
	json_t *rec;
	json_array_foreach(items, i, rec) {
		if ((err = rd_export_row(x, rec, &msg)))
			break;
	}
	return close_output(cli, x, f, err ? cli_fail(cli, err, msg) : 0);
}

int cli_open(struct rd_cli *cli, int argc, char **argv, const struct cli_opt *opts, int minpos, int maxpos,
	     const char *usage, struct cli_args *a, struct rd_store **s)
{
	if (cli_parse(cli, argc, argv, opts, minpos, maxpos, usage, a))
		return 2;
	if (a->help)
		return cli_end(a, cli_help(usage));
	*s = cli_store(cli);
	if (!*s)
		return cli_end(a, 1);
	return -1;
}

int cli_view_items(struct rd_cli *cli, const char *view, const char *sheet, json_t *items, bool *json,
		   void (*print)(json_t *items))
{
	size_t ncols;
	const struct rd_export_col *cols = rd_export_view_cols(view, &ncols);
	bool done;
	int rc = cli_export_items(cli, cols, ncols, sheet, items, json, &done);
	if (!done) {
		if (*json)
			cli_print_json(items);
		else
			print(items);
		rc = 0;
	}
	json_decref(items);
	return rc;
}

int cli_view_list(struct rd_cli *cli, int argc, char **argv, const struct cli_view_list *v)
{
	const struct cli_opt opts[] = {{v->filter, NULL, CO_STR, v->filter_arg}, CLI_EXPORT_OPTS, {NULL, NULL, 0, NULL}};
	struct cli_args a;
	struct rd_store *s;
	int st = cli_open(cli, argc, argv, opts, 0, 0, v->usage, &a, &s);
	if (st >= 0)
		return st;
	json_t *out;
	char *msg = NULL;
	enum rd_err rc = v->list(cli, s, cli_arg(&a, v->filter), &out, &msg);
	if (rc)
		return cli_end(&a, cli_fail(cli, rc, msg));
	return cli_end(&a, cli_view_items(cli, v->view, v->sheet, out, &a.json, v->print));
}

int cli_list(struct rd_cli *cli, const char *entity, json_t *filter, bool json,
	     const char *const *columns)
{
	enum rd_export_format fmt;
	int frc = export_format(cli, &fmt);
	if (frc)
		return frc;
	struct rd_store *s = cli_store(cli);
	if (!s)
		return 1;
	if (fmt)
		return list_export(cli, s, entity, filter, fmt);
	struct list_ctx c = {.json = json, .columns = columns};
	char *msg = NULL;
	/* Output starts with the first row, so a bad filter (refused before any
	 * row) leaves stdout empty instead of a header or a "[]" beside exit 2. */
	enum rd_err rc = rd_record_list(s, entity, filter, 0, 0, list_row, &c, &msg);
	if (json && (c.n || rc == RD_OK))
		fputs(c.n ? "\n]\n" : "[]\n", stdout);
	else if (!json && c.n == 0 && rc == RD_OK)
		list_header(&c);
	return rc ? cli_fail(cli, rc, msg) : 0;
}

void cli_show(json_t *rec, bool json)
{
	if (json) {
		cli_print_json(rec);
		return;
	}
	const char *key;
	json_t *v;
	json_object_foreach(rec, key, v) {
		if (json_is_array(v)) {
			printf("%s: %zu\n", key, json_array_size(v));
			size_t i;
			json_t *item;
			json_array_foreach(v, i, item) {
				fputs("  -", stdout);
				if (json_is_object(item)) {
					const char *k2;
					json_t *v2;
					json_object_foreach(item, k2, v2) {
						if (json_is_null(v2) || strcmp(k2, "created_at") == 0)
							continue;
						printf(" %s=", k2);
						print_scalar(stdout, v2);
					}
				} else {
					putchar(' ');
					print_scalar(stdout, item);
				}
				putchar('\n');
			}
		} else if (json_is_object(v)) {
			printf("%s:\n", key);
			const char *k2;
			json_t *v2;
			json_object_foreach(v, k2, v2) {
				printf("  %s: ", k2);
				print_scalar(stdout, v2);
				putchar('\n');
			}
		} else {
			printf("%s: ", key);
			print_scalar(stdout, v);
			putchar('\n');
		}
	}
}

int cli_dispatch(struct rd_cli *cli, const char *group, const struct cli_command *table,
		 int argc, char **argv)
{
	const char *sub = argc > 1 ? argv[1] : NULL;
	if (!sub || strcmp(sub, "--help") == 0 || strcmp(sub, "-h") == 0 || strcmp(sub, "help") == 0) {
		FILE *f = sub ? stdout : stderr;
		fprintf(f, "usage: redress %s <command> [options]\n\ncommands:\n", group);
		for (const struct cli_command *c = table; c->name; c++)
			fprintf(f, "  %-14s %s\n", c->name, c->summary);
		fprintf(f, "\nRun 'redress %s <command> --help' for one command's options.\n", group);
		return sub ? 0 : 2;
	}
	for (const struct cli_command *c = table; c->name; c++) {
		if (strcmp(c->name, sub) == 0) {
			static char name[96];
			snprintf(name, sizeof name, "%s %s", group, sub);
			cli->cmd = name;
			return c->run(cli, argc - 1, argv + 1);
		}
	}
	struct rd_buf b = RD_BUF_INIT;
	for (const struct cli_command *c = table; c->name; c++)
		rd_buf_addf(&b, "%s%s", c == table ? "" : ", ", c->name);
	int rc = cli_usage_error(cli, "unknown command '%s' (accepted: %s)", sub, b.data);
	rd_buf_free(&b);
	return rc;
}

int cli_done(struct rd_cli *cli, const char *entity, int64_t id, bool json, const char *verb)
{
	json_t *rec;
	char *msg = NULL;
	enum rd_err rc = rd_record_get(cli->store, entity, id, &rec, &msg);
	if (rc)
		return cli_fail(cli, rc, msg) ? 1 : 1;
	if (json) {
		cli_print_json(rec);
	} else {
		const struct rd_entity *e = rd_entity_find(entity);
		json_t *label = e && e->label ? json_object_get(rec, e->label) : json_object_get(rec, "title");
		printf("%s #%" PRId64 "%s%s %s\n", entity, id, json_is_string(label) ? " " : "",
		       json_is_string(label) ? json_string_value(label) : "", verb);
	}
	json_decref(rec);
	return 0;
}

int cli_create(struct rd_cli *cli, struct cli_args *a, const char *entity, const char *verb)
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

int cli_lang_arg(struct rd_cli *cli, struct cli_args *a, const char **lang)
{
	*lang = cli_arg(a, "lang");
	if (*lang && !rd_draft_lang_valid(*lang))
		return cli_usage_error(cli, "--lang: '%s' is not a language drafts are written in (accepted: en, de, fr)",
				       *lang);
	return 0;
}
