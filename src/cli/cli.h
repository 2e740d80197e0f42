/* cli.h — what every `redress` command shares: the invocation context, the
 * command table's row type, option parsing helpers and output helpers.
 *
 * A command is a function `int cmd_x(struct rd_cli *cli, int argc, char **argv)`
 * that returns the process exit status: 0 success, 1 a failed check (or a
 * failure that is not the user's input, e.g. the disk), 2 bad usage or bad
 * input — always with a message on stderr naming what was wrong.
 * argv[0] is the command's own name ("add" for `redress client add`). */
#ifndef REDRESS_CLI_H
#define REDRESS_CLI_H
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "redress/err.h"
#include "redress/export.h"
#include "redress/model.h"
#include "redress/store.h"

struct rd_cli {
	const char *db;          /* --db, $REDRESS_DB, or ./redress.db */
	const char *as;          /* --as EMAIL (acting user), $REDRESS_USER */
	struct rd_store *store;  /* opened on first cli_store() */
	bool create_db;          /* init and demo create a missing database; the
	                            other commands refuse to (exit 1) */
	struct rd_actor actor;   /* resolved on first cli_actor() */
	bool actor_ready;
	const char *cmd;         /* "client add": used in messages */
	int64_t now;             /* "now" for the whole command: $REDRESS_NOW, else the clock */
	int64_t now_pin;         /* $REDRESS_NOW parsed, 0 when not set (serve keeps it) */
	const char *format;      /* a listing's --format (CLI_EXPORT_OPTS), or NULL */
	const char *output;      /* a listing's --output/-o FILE, or NULL */
};

/* A row of a command table. Adding a command is adding a row (in main.c
 * for a top-level command, or in the group's file for a subcommand) and a
 * function. usage is the full --help text. */
struct cli_command {
	const char *name;
	int (*run)(struct rd_cli *cli, int argc, char **argv);
	const char *summary;
	const char *usage;
};

/* Runs a subcommand from TABLE (ended by a {NULL} row); handles no
 * subcommand, --help and an unknown name with exit 2 and the list. */
int cli_dispatch(struct rd_cli *cli, const char *group, const struct cli_command *table,
		 int argc, char **argv);

/* Opens the database (migrating it) once; prints the error and returns NULL
 * on failure: the caller exits 1. A missing file is created only when
 * cli->create_db is set (init, demo). */
struct rd_store *cli_store(struct rd_cli *cli);
/* The acting user: --as/$REDRESS_USER resolved to a staff user, or the
 * "cli" system actor (role admin) when neither is given, acting at
 * cli->now. NULL (message printed) when --as names no user. */
const struct rd_actor *cli_actor(struct rd_cli *cli);

/* Options of one command, as a table ended by a {NULL} row. --json and
 * --help are always accepted. */
enum cli_opt_type { CO_STR, CO_LIST, CO_FLAG, CO_EXPORT };
struct cli_opt {
	const char *name;        /* "tier" for --tier */
	const char *key;         /* JSON key the value goes to (NULL: same as name) */
	enum cli_opt_type type;  /* CO_LIST may repeat and collects an array */
	const char *arg;         /* what the value is, for messages: "key|standard" */
};

/* The rows a listing command adds to its options: --format
 * text|json|csv|xlsx and --output/-o FILE. Their values go to cli->format and
 * cli->output (not to the filter fields); cli_list and cli_export_items
 * honour them. */
#define CLI_EXPORT_OPTS \
	{"format", NULL, CO_EXPORT, "text|json|csv|xlsx"}, {"output", NULL, CO_EXPORT, "FILE"}

struct cli_args {
	json_t *fields;          /* new: option values by key (strings, arrays, true) */
	const char *pos[8];      /* positional arguments, borrowed from argv */
	int npos;
	bool json;
	bool help;
};

/* Parses argv[1..] (argv[0] is the command name) against OPTS, accepting
 * between MINPOS and MAXPOS positional arguments. On bad usage prints a
 * message naming the bad argument and the accepted ones and returns 2;
 * returns 0 on success (also for --help: check out->help). The caller frees
 * out->fields with cli_args_free. USAGE is printed with the message. */
int cli_parse(struct rd_cli *cli, int argc, char **argv, const struct cli_opt *opts, int minpos,
	      int maxpos, const char *usage, struct cli_args *out);
void cli_args_free(struct cli_args *a);
/* The string value of option KEY, or NULL. */
const char *cli_arg(const struct cli_args *a, const char *key);
/* Parses option KEY as an ISO 8601 time into *t; returns 0 (absent: *t =
 * dflt), or 2 after printing a message. */
int cli_arg_time(struct rd_cli *cli, const struct cli_args *a, const char *key, int64_t dflt, int64_t *t);
/* Parses option KEY as a count from 1 to MAX into *n; returns 0 (absent:
 * *n = 0), or 2 after printing "--KEY: 'V' is not a number from 1 to MAX". */
int cli_arg_count(struct rd_cli *cli, const struct cli_args *a, const char *key, int max, int *n);
/* Resolves positional/option text naming ENTITY to an id; 0 or 2. */
int cli_lookup(struct rd_cli *cli, const char *entity, const char *key, int64_t *id);

/* Prints records: JSON (an array) with --json, else one line each with the
 * given columns. Streams: memory stays flat for big lists. */
int cli_list(struct rd_cli *cli, const char *entity, json_t *filter, bool json,
	     const char *const *columns);
/* For listings that are not plain records (agenda, tokens …): when
 * --format is csv or xlsx, writes ITEMS (an array of objects, borrowed) with
 * the NCOLS columns of COLS to --output or stdout and sets *done; else
 * leaves *done false for the caller's own text or JSON. Returns the exit
 * status. JSON also counts as --json: *json is set for --format json. */
int cli_export_items(struct rd_cli *cli, const struct rd_export_col *cols, size_t ncols,
		     const char *sheet, json_t *items, bool *json, bool *done);
/* The opening of a command that reads the store: cli_parse (2 on bad
 * usage), --help (0), cli_store (1). Returns -1 to go on, with *A to free
 * (cli_end) and *S the store; else the exit status, A already freed. */
int cli_open(struct rd_cli *cli, int argc, char **argv, const struct cli_opt *opts, int minpos, int maxpos,
	     const char *usage, struct cli_args *a, struct rd_store **s);
/* The ending of a listing over a library view (rd_export_view_cols VIEW):
 * ITEMS (consumed) exported as cli_export_items does (--format csv|xlsx,
 * sheet SHEET), else printed as JSON (--json, --format json) or by PRINT
 * (the text table). Returns the exit status. */
int cli_view_items(struct rd_cli *cli, const char *view, const char *sheet, json_t *items, bool *json,
		   void (*print)(json_t *items));

/* A "list" subcommand over a library list function, as a row: one filter
 * option, the library call, the export view and the text table. */
struct cli_view_list {
	const char *usage;
	const char *filter, *filter_arg;   /* "--contact CONTACT" */
	/* the rows (new array in *OUT) for FILTER (NULL: all); *MSG malloc'd */
	enum rd_err (*list)(struct rd_cli *cli, struct rd_store *s, const char *filter, json_t **out, char **msg);
	const char *view, *sheet;          /* cli_view_items */
	void (*print)(json_t *items);
};
/* Runs row V: cli_open, V->list, cli_view_items. Returns the exit status. */
int cli_view_list(struct rd_cli *cli, int argc, char **argv, const struct cli_view_list *v);

/* Prints one record: JSON with --json, else "key: value" lines. */
void cli_show(json_t *rec, bool json);

/* After a create or update: prints the record as JSON (with --json) or
 * "WHAT #ID LABEL" on one line. Returns 0, or 1 if it cannot be read. */
int cli_done(struct rd_cli *cli, const char *entity, int64_t id, bool json, const char *verb);
/* Creates ENTITY from the parsed options (a->fields) as the acting user
 * (a viewer is refused) and prints it as cli_done does with VERB; the
 * shape of the plain "add" commands (review, review action, survey
 * answer). Returns the exit status. */
int cli_create(struct rd_cli *cli, struct cli_args *a, const char *entity, const char *verb);
/* --lang, checked (check, draft): *lang NULL when absent; returns 2 after
 * naming the accepted languages when it is not one drafts are written in. */
int cli_lang_arg(struct rd_cli *cli, struct cli_args *a, const char **lang);

/* The common tail of a command: frees args and returns rc. */
static inline int cli_end(struct cli_args *a, int rc)
{
	cli_args_free(a);
	return rc;
}

/* Prints "redress CMD: MSG" to stderr and returns 2 (bad usage/input). */
int cli_usage_error(struct rd_cli *cli, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Reports a library error: message (or a generic one) to stderr; returns
 * 2 for input errors (invalid, not found, conflict, state, permission) and
 * 1 for the rest (database, I/O, memory); a database error on a read-only
 * database says so. Frees msg. */
int cli_fail(struct rd_cli *cli, enum rd_err err, char *msg);
/* Prints help text to stdout and returns 0. */
int cli_help(const char *usage);

/* Prints JSON (compact=false: indented) with a trailing newline to stdout. */
void cli_print_json(json_t *j);

#endif
