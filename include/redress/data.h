/* data.h — the data files (policy, word lists, templates) redress ships.
 *
 * Defaults are compiled into the binary from data/. A user can override any
 * file by putting one of the same relative name under $REDRESS_DATA_DIR. */
#ifndef REDRESS_DATA_H
#define REDRESS_DATA_H
#include <stddef.h>
#include "redress/err.h"

/* Loads data file NAME (e.g. "words/hedging.txt"). On success *out is a
 * malloc'd NUL-terminated copy the CALLER frees, *len its length (len may be
 * NULL). RD_ENOTFOUND when neither an override nor a default exists. */
enum rd_err rd_data_load(const char *name, char **out, size_t *len, char **errmsg);

/* The compiled-in default only (borrowed, static), or NULL. */
const char *rd_data_default(const char *name, size_t *len);

#endif
