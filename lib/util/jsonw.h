/* jsonw.h — compact JSON, byte for byte what
 * json_dump_callback(JSON_COMPACT | JSON_REAL_PRECISION(15)) writes: from a
 * jansson tree without its per-container cost (jansson 2.14 formats each
 * object's and array's address with snprintf into a hash table to detect
 * cycles), or streamed value by value with no tree at all (struct rd_jw,
 * for answers read straight from the store). Both escape strings with the
 * one routine here. Internal to libredress and its tests. */
#ifndef REDRESS_UTIL_JSONW_H
#define REDRESS_UTIL_JSONW_H
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "util/buf.h"

/* Appends J (borrowed) to B as compact JSON. Returns RD_OK; RD_EINVAL when
 * J is not an object or array, is nested deeper than the writer goes (so
 * perhaps a cycle), or holds a value jansson itself would not encode (a
 * string that is not UTF-8): the caller then asks jansson, which either
 * writes the same or refuses with its own reason; B may hold a partial
 * text then. RD_ENOMEM when B could not grow (b->oom set). */
enum rd_err rd_json_write(const json_t *j, struct rd_buf *b);
/* The same with json_dumpb's FLAGS, which must hold JSON_COMPACT and may add
 * JSON_SORT_KEYS and JSON_REAL_PRECISION(n) (other flags are not honoured:
 * don't pass them). */
enum rd_err rd_json_write_flags(const json_t *j, struct rd_buf *b, size_t flags);
/* json_dumps(J, FLAGS), byte for byte, as a new string (free): written by
 * rd_json_write_flags, or by json_dumps itself where that declines (the
 * audit log's before/after records, written inside the writer slot). NULL
 * when json_dumps would give NULL. */
char *rd_json_text(const json_t *j, size_t flags);

/* Appends to OUT the compact JSON text S[0..n) (as written above, by
 * jansson or by a struct rd_jw) laid out as json_dumpf(JSON_INDENT(INDENT))
 * lays the same value out: each member and element on its own line,
 * INDENT spaces a level, ": " after keys, empty containers as {} and [].
 * One pass, no tree: what the CLI's indented --format json costs for an
 * answer too large to build as jansson values (a long message's check).
 * RD_EINVAL when S is not compact JSON's shape (an unclosed string or
 * container, a stray closer); RD_ENOMEM when OUT could not grow. */
enum rd_err rd_json_indent(const char *s, size_t n, int indent, struct rd_buf *out);

/* ---- streaming ----
 *
 * A writer appends to a buffer it borrows; commas and colons are its
 * business, the caller names containers, keys and values in order:
 *
 *	rd_jw_obj(&w); rd_jw_key(&w, "id"); rd_jw_int(&w, 7); rd_jw_end_obj(&w);
 *
 * The first failure sticks in w.err and every later call does nothing, so
 * a caller checks once, at the end: RD_ENOMEM when the buffer could not
 * grow, RD_EINVAL for a string that is not UTF-8 (which jansson would not
 * hold either: a caller that must write such text some other way, as null
 * or through a tree, checks with rd_utf8_valid first). Strings are escaped
 * as jansson escapes them: the quote, the backslash and control bytes
 * (\b \f \n \r \t, else \u00XX in capitals); everything else, DEL and
 * non-ASCII included, is copied. */
#define RD_JW_DEPTH 32
struct rd_jw {
	struct rd_buf *b;   /* borrowed; NULL when the calls build a tree */
	enum rd_err err;    /* the first failure, RD_OK until one */
	bool comma;         /* the next member or element needs a comma first */
	/* the tree (rd_jw_init_tree): ROOT owned until rd_jw_tree, the open
	 * containers borrowed, the key of the next member borrowed */
	json_t *root;
	json_t *open[RD_JW_DEPTH];
	int depth;
	const char *key;
};

void rd_jw_init(struct rd_jw *w, struct rd_buf *b);
/* The same calls, building a jansson tree instead of text: what a caller
 * that needs a json_t gets from an object's one implementation, its
 * writer, without text parsed back. The tree is the text's exactly: the
 * same types (a real stays the same double), keys in the order written,
 * and a string or key that is not UTF-8 or a real that is not finite the
 * same RD_EINVAL; more than RD_JW_DEPTH open containers is RD_EINVAL too.
 * Take the tree with rd_jw_tree, which must be called once (it also
 * releases the tree after a failure). */
void rd_jw_init_tree(struct rd_jw *w);
void rd_jw_obj(struct rd_jw *w);
void rd_jw_end_obj(struct rd_jw *w);
void rd_jw_arr(struct rd_jw *w);
void rd_jw_end_arr(struct rd_jw *w);
/* An object's key (NUL-terminated, UTF-8); the value comes next. */
void rd_jw_key(struct rd_jw *w, const char *k);
/* A string, or null when S is NULL. */
void rd_jw_str(struct rd_jw *w, const char *s);
void rd_jw_strn(struct rd_jw *w, const char *s, size_t n);
void rd_jw_int(struct rd_jw *w, int64_t v);
/* A real as jansson writes it with JSON_REAL_PRECISION(15) (its own
 * encoder); RD_EINVAL for NaN and the infinities, which jansson refuses. */
void rd_jw_real(struct rd_jw *w, double v);
void rd_jw_bool(struct rd_jw *w, bool v);
void rd_jw_null(struct rd_jw *w);
/* A jansson value (borrowed; any type), as rd_json_write writes it, or as
 * json_dumpb does where rd_json_write declines (RD_EINVAL if that fails too). */
void rd_jw_json(struct rd_jw *w, const json_t *v);

/* The tree W built (W initialised by rd_jw_init_tree, its value complete):
 * returns new in *OUT; W's error if it has one (then *out is NULL and the
 * partial tree is freed). */
enum rd_err rd_jw_tree(struct rd_jw *w, json_t **out);

#endif
