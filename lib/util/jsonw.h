/* jsonw.h — a compact JSON writer for jansson trees, byte for byte what
 * json_dump_callback(JSON_COMPACT | JSON_REAL_PRECISION(15)) writes, without
 * its per-container cost (jansson 2.14 formats each object's and array's
 * address with snprintf into a hash table to detect cycles). Internal to
 * libredress and its tests. */
#ifndef REDRESS_UTIL_JSONW_H
#define REDRESS_UTIL_JSONW_H
#include <jansson.h>

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

#endif
