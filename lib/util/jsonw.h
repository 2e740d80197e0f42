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

#endif
