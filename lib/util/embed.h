/* embed.h — the table that scripts/embed.py generates from data/ files, so
 * the binary carries its default policy, word lists and templates. */
#ifndef REDRESS_UTIL_EMBED_H
#define REDRESS_UTIL_EMBED_H
#include <stddef.h>

struct rd_embedded {
	const char *name;  /* path relative to data/, e.g. "policy.yaml" */
	const char *data;  /* the bytes, NUL-terminated */
	size_t len;
};

extern const struct rd_embedded rd_data_files[];
extern const struct rd_embedded rd_sqlite_migrations[];
extern const struct rd_embedded rd_pg_migrations[];
extern const struct rd_embedded rd_web_static[];  /* the server's, web/static/ */

#endif
