/* data.c — finds a data file: the user's override under $REDRESS_DATA_DIR
 * first, the copy compiled in from data/ second. Kept tiny so the checker,
 * the clock and the composer all find their files the same way. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "redress/data.h"
#include "util/embed.h"
#include "util/buf.h"

const char *rd_data_default(const char *name, size_t *len)
{
	for (const struct rd_embedded *e = rd_data_files; e->name; e++) {
		if (strcmp(e->name, name) == 0) {
			if (len)
				*len = e->len;
			return e->data;
		}
	}
	return NULL;
}

enum rd_err rd_data_load(const char *name, char **out, size_t *len, char **errmsg)
{
	const char *dir = getenv("REDRESS_DATA_DIR");
	*out = NULL;
	if (strstr(name, "..") || name[0] == '/')
		return rd_fail(RD_EINVAL, errmsg, "data file name '%s' is not relative", name);
	if (dir && *dir) {
		char path[4096];
		int n = snprintf(path, sizeof path, "%s/%s", dir, name);
		if (n > 0 && (size_t)n < sizeof path) {
			/* An override that is absent is not an error: fall back. */
			char *msg = NULL;
			enum rd_err rc = rd_file_read(path, out, len, &msg);
			if (rc != RD_ENOTFOUND) {
				if (rc)
					rd_fail(rc, errmsg, "%s", msg ? msg : path);
				free(msg);
				return rc;
			}
			free(msg);
		}
	}
	size_t n;
	const char *d = rd_data_default(name, &n);
	if (!d)
		return rd_fail(RD_ENOTFOUND, errmsg, "no data file '%s'", name);
	*out = malloc(n + 1);
	if (!*out)
		return rd_fail(RD_ENOMEM, errmsg, "out of memory");
	memcpy(*out, d, n + 1);
	if (len)
		*len = n;
	return RD_OK;
}
