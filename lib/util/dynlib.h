/* dynlib.h — loading a heavy shared library only when it is used.
 *
 * libical (which brings ICU) and libmicrohttpd (which brings GnuTLS) cost
 * about 3 ms of dynamic linking at every process start, more than a whole
 * durable write. Only `calendar` and `serve` need them, so calendar.c and
 * http.c resolve their symbols through this loader on first use instead of
 * linking them: every other command starts as fast as the sqlite3 shell.
 * util/time.c loads ICU the same way, when a command first converts a zone. */
#ifndef REDRESS_UTIL_DYNLIB_H
#define REDRESS_UTIL_DYNLIB_H
#include "redress/err.h"

struct rd_dynsym {
	const char *name;   /* the symbol */
	void **slot;        /* where its address goes */
};

/* Opens the first of SONAMES (NULL-terminated) that loads and resolves every
 * symbol of SYMS (ended by a {NULL, NULL} row). The library stays loaded for
 * the life of the process. Thread-safe when the caller serialises its own
 * first call (pthread_once). RD_EIO with a message naming the library and
 * the missing symbol on failure. */
enum rd_err rd_dynlib_open(const char *const *sonames, const struct rd_dynsym *syms, char **errmsg);

#endif
