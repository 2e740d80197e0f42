/* json_text.h — the compact JSON text of a flat record (an object of
 * integers, strings, booleans and nulls), written directly, exactly as
 * json_dumps writes it. Internal to libredress and its tests. */
#ifndef REDRESS_UTIL_JSON_TEXT_H
#define REDRESS_UTIL_JSON_TEXT_H
#include <jansson.h>
#include <stdbool.h>

/* json_dumps(J, JSON_COMPACT | (SORT_KEYS ? JSON_SORT_KEYS : 0)), byte for
 * byte: written directly when J is an object whose keys and values need
 * no escaping (printable ASCII strings without '"' or '\', integers,
 * true, false, null), else by json_dumps itself. Borrows J; returns new
 * (free), NULL when json_dumps would (out of memory, a bad value). */
char *rd_json_flat_text(const json_t *j, bool sort_keys);

#endif
