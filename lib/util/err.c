/* err.c — names for error codes and the one helper that formats a human
 * error message into a caller-owned string (see redress/err.h). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "redress/err.h"

const char *rd_err_name(enum rd_err err)
{
	switch (err) {
	case RD_OK: return "ok";
	case RD_ENOMEM: return "out-of-memory";
	case RD_EINVAL: return "invalid";
	case RD_ENOTFOUND: return "not-found";
	case RD_EEXIST: return "conflict";
	case RD_ESTATE: return "invalid-state";
	case RD_EPERM: return "forbidden";
	case RD_EDB: return "database";
	case RD_EIO: return "io";
	case RD_ECHECK: return "check-failed";
	case RD_EBUSY: return "busy";
	}
	return "unknown";
}

enum rd_err rd_fail(enum rd_err err, char **errmsg, const char *fmt, ...)
{
	if (!errmsg || *errmsg)
		return err;
	va_list ap;
	va_start(ap, fmt);
	if (vasprintf(errmsg, fmt, ap) < 0)
		*errmsg = NULL;
	va_end(ap);
	return err;
}
