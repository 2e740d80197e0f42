/* err.h — the error codes every fallible libredress function returns.
 *
 * Functions that can fail return enum rd_err (RD_OK is 0) and, where a human
 * needs to know more, take a last `char **errmsg` out-parameter: on failure it
 * is set to a malloc'd message naming what was wrong, which the CALLER frees
 * with free(). Passing NULL for errmsg is allowed and means "don't tell me". */
#ifndef REDRESS_ERR_H
#define REDRESS_ERR_H

enum rd_err {
	RD_OK = 0,
	RD_ENOMEM,     /* allocation failed */
	RD_EINVAL,     /* bad input: malformed, unknown value, missing field */
	RD_ENOTFOUND,  /* a named or numbered thing does not exist */
	RD_EEXIST,     /* would duplicate something unique */
	RD_ESTATE,     /* not allowed in the current state (a transition) */
	RD_EPERM,      /* the actor's role may not do this */
	RD_EDB,        /* the database failed (I/O, corruption) */
	RD_EIO,        /* a file or stream failed */
	RD_ECHECK,     /* a check ran and found errors (exit status 1) */
	RD_EBUSY,      /* the database stayed locked by another writer past the
	                  busy timeout: nothing was written, try again */
};

/* Returns a stable lower-case name for the code ("invalid", "not-found"…),
 * used in problem+json types and --json error output. Never NULL. */
const char *rd_err_name(enum rd_err err);

/* Sets *errmsg (if errmsg is not NULL and *errmsg is NULL) to a malloc'd
 * formatted message; keeps the first message when called twice. Returns err,
 * so `return rd_fail(RD_EINVAL, errmsg, "…", …);` reads naturally. */
enum rd_err rd_fail(enum rd_err err, char **errmsg, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
