/* check.h — the message checker: reads a client message (plain text or
 * Markdown, UTF-8) and returns diagnostics, a 0–100 score and the required
 * elements found and missing. The CLI (`redress check`), POST /api/check and
 * the composer page all call rd_check; docs/internals/check.md explains the
 * rules, the word lists (data/words/NAME.txt) and the limits of the heuristics.
 *
 * Ownership: everything passed in opts is BORROWED for the duration of the
 * call; a result is owned by the caller and released with
 * rd_check_result_free. Rule ids and element names are static strings. */
#ifndef REDRESS_CHECK_H
#define REDRESS_CHECK_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <jansson.h>
#include "redress/err.h"

enum rd_severity {
	RD_SEV_INFO = 0,
	RD_SEV_WARNING = 1,
	RD_SEV_ERROR = 2,
};

/* "info", "warning" or "error". */
const char *rd_severity_name(enum rd_severity sev);

/* Something an earlier communication (to this client, or to another client
 * of the same failure) stated. The caller builds these from the store; the
 * checker compares what the new message states against them
 * (rule fact.contradiction). Strings are borrowed and may be NULL. */
struct rd_prior_fact {
	int64_t comm_id;          /* the earlier communication, cited in the finding */
	bool same_client;         /* told to the client this message is for */
	const char *client_name;  /* who was told (for the message); may be NULL */
	int64_t at;               /* when it was told (UTC seconds) */
	bool has_eta;
	int64_t eta;              /* UTC seconds */
	const char *cause;        /* cause statement as told, free text */
	const char *remedy;       /* remedy statement as told, free text */
	bool has_amount;
	int64_t amount_cents;     /* goodwill amount, minor units */
	const char *currency;     /* ISO 4217, e.g. "EUR" */
};

struct rd_check_opts {
	const char *kind;         /* communication kind ("apology"…); NULL = "other" */
	int64_t now;              /* the message's send time, UTC seconds */
	const char *tz;           /* the client's IANA zone; NULL = "UTC" */
	/* NULL-terminated element names ("impact", "next-update"…) this message
	 * must contain; NULL = the built-in default for kind (see check.md). */
	const char *const *required_elements;
	bool repair_expected;     /* policy calls for goodwill: plan/resolution need "repair" */
	/* User word-list extensions, borrowed, may be NULL: a JSON object mapping
	 * a list name ("jargon", "hedging", "corporate"… see check.md) to an array
	 * of phrases, added to the shipped lists for this call. */
	json_t *extra_words;
	/* Context: the obligation this message meets was overdue at `now`. */
	bool late;
	int64_t due_at;
	const struct rd_prior_fact *prior;  /* borrowed array of n_prior facts */
	size_t n_prior;
	const char *client_name;  /* the client this message is for; may be NULL */
	/* The message's language: NULL or "en" runs every rule; "de" or "fr"
	 * runs only the rules that do not read English words (unfilled
	 * placeholders, contradicted facts) and lists the others in
	 * rd_check_result.skipped. Anything else is RD_EINVAL. */
	const char *lang;
	/* rd_check_stream only: worker threads (0 or 1 = check on the calling
	 * thread). Results still reach the callback in stream order. */
	unsigned threads;
};

struct rd_check_finding {
	const char *rule;         /* rule id, static ("tone.hedging") */
	enum rd_severity severity;
	unsigned line, col;       /* 1-based; col counts Unicode code points */
	size_t start, end;        /* byte span [start, end) in the text */
	bool whole_message;       /* about the message as a whole (missing
	                             element): span is 0..0, line:col 1:1 */
	char *message;            /* one line, never NULL */
	char *suggestion;         /* suggested rewrite or NULL */
	int64_t ref_comm_id;      /* fact.contradiction: the earlier communication, else 0 */
	int cost;                 /* points this finding took off the score */
};

struct rd_check_element {
	const char *name;         /* static ("impact") */
	bool found;
	size_t start, end;        /* where (byte span) when found */
	unsigned line, col;
};

struct rd_check_result {
	char *kind;               /* the kind checked against */
	int score;                /* 0..100 = 100 - sum of finding costs, floor 0 */
	struct rd_check_finding *findings;  /* ordered by position; message-level last */
	size_t n_findings;
	struct rd_check_element *elements;  /* the required ones, in policy order */
	size_t n_elements;
	size_t n_words, n_sentences;
	char *lang;               /* the language checked as ("en", "de", "fr") */
	const char **skipped;     /* rule ids not run for lang (static strings) */
	size_t n_skipped;
	/* Internal: the findings' message and suggestion text lives in these
	 * blocks (one allocation per 64 KB, not two per finding); freed with
	 * the result. NULL when each string was allocated on its own. */
	struct rd_check_strings *strings;
};

/* Checks text[0..len) (UTF-8; need not be NUL-terminated). On success *out is
 * a new result the CALLER frees with rd_check_result_free; findings do not
 * make this fail. RD_EINVAL for invalid UTF-8 (the message names the byte
 * offset), an unknown kind or element, a bad zone or a malformed
 * extra_words; RD_ENOTFOUND/RD_EINVAL if a word list cannot be loaded.
 * *errmsg (may be NULL) is set on failure; the CALLER frees it. Thread-safe. */
enum rd_err rd_check(const char *text, size_t len, const struct rd_check_opts *opts,
		     struct rd_check_result **out, char **errmsg);

void rd_check_result_free(struct rd_check_result *r);

/* True when any finding has severity error. */
bool rd_check_result_has_errors(const struct rd_check_result *r);

/* The result as JSON (returns a NEW reference, NULL on allocation failure):
 * {kind, score, counts, findings:[…], elements:{found:[…], missing:[…]},
 *  breakdown:[{rule, points}]}. Shape documented in docs/internals/check.md. */
json_t *rd_check_result_json(const struct rd_check_result *r);
/* The same object written as the next value of W (struct rd_jw,
 * lib/util/jsonw.h: compact text into a buffer, without a tree), byte for
 * byte what rd_check_result_json's tree dumps as compact JSON: /api/check
 * and the archive's JSON lines. Failures stick in W's error (RD_ENOMEM, or
 * RD_EINVAL for text that is not UTF-8). */
struct rd_jw;
void rd_check_result_write(const struct rd_check_result *r, struct rd_jw *w);
/* The same in parts, for an answer sent while it is written (/api/check):
 * each call appends the next part to W's buffer (the counts; then findings,
 * one at least, until the buffer holds LIMIT bytes or more; after the last
 * finding the rest) and returns true once the whole object is written, after which it
 * is not called again. The caller may empty the buffer between calls.
 * Zero-initialise PART before the first call; it keeps the place and the
 * points per rule gathered so far. */
struct rd_check_write_part {
	bool begun;              /* the counts are written */
	size_t next;             /* the next finding to write */
	size_t nbd;
	struct { const char *rule; int64_t points; } bd[64];
};
bool rd_check_result_write_part(const struct rd_check_result *r, struct rd_jw *w,
				struct rd_check_write_part *part, size_t limit);

/* Prints compiler-style diagnostics — `file:line:col: severity: message
 * [rule-id]`, the source line and a caret line under the span — then one
 * summary line with the score and the missing elements. text/len is the
 * checked message (for the source lines). */
void rd_check_result_print(FILE *f, const char *filename, const char *text, size_t len,
			   const struct rd_check_result *r);

/* The rule table, for --explain and documentation. */
struct rd_check_rule_info {
	const char *id;
	enum rd_severity severity;  /* default severity of its findings */
	int cost;                   /* score points per finding */
	const char *summary;        /* one line */
	const char *explain;        /* a paragraph: what, why, how to fix */
};

/* True when rule RULE_ID runs on messages in any language (it reads no
 * English words): template.unfilled, fact.contradiction. */
bool rd_check_rule_language_independent(const char *rule_id);

/* The explanation for RULE_ID, or NULL when there is no such rule. */
const char *rd_check_explain(const char *rule_id);
/* Rule I of the table (0-based), or NULL past the end: iterate with
 * `for (size_t i = 0; (r = rd_check_rule_at(i)); i++)`. */
const struct rd_check_rule_info *rd_check_rule_at(size_t i);

/* Element names the checker knows ("impact", "ownership"…), NULL-terminated,
 * and the default required list for KIND (NULL for an unknown kind). */
const char *const *rd_check_element_names(void);
const char *const *rd_check_default_elements(const char *kind, bool repair_expected);

/* Streaming: checks every message of a stream with flat memory. Messages are
 * separated by a line holding only `---` or only a form feed (\f); trailing
 * spaces and a CR are allowed on the separator line. For each message FN is
 * called with its 0-based index, the 1-based stream line it starts on, its
 * text, and either a result (rc RD_OK; borrowed, freed after FN returns) or
 * the error rc and message (e.g. invalid UTF-8) with r NULL. FN returns 0 to
 * go on, non-zero to stop. FN always runs on the calling thread. With
 * opts->threads > 1, messages are read in batches (at most 1024 messages or
 * 8 MB) and checked in parallel; memory stays bounded by the batch. Returns
 * RD_EIO on a read error, an opts error (unknown kind…) before any message,
 * else RD_OK. */
typedef int (*rd_check_stream_fn)(void *ctx, size_t index, size_t first_line,
				  const char *text, size_t len, enum rd_err rc,
				  const char *errmsg, const struct rd_check_result *r);
enum rd_err rd_check_stream(FILE *f, const struct rd_check_opts *opts, rd_check_stream_fn fn,
			    void *ctx, char **errmsg);

#endif
