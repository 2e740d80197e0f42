/* site.h — `redress export site`: a static copy of every client's portal
 * that can be hosted anywhere while redress itself is down. One directory
 * per client under an unguessable name (fresh random token per export, so
 * one client cannot guess another's address), holding index.html, one page
 * per failure the client may see, and the stylesheet; relative links only,
 * no scripts, no forms. DIR/index.html is the STAFF index (client → its
 * directory): it must never be published where clients can read it.
 *
 * The library decides what is exported and writes it atomically; the pages
 * themselves are the portal's own (src/server/portal_*.c in static mode),
 * handed in as a renderer so the library does not depend on the server. */
#ifndef REDRESS_SITE_H
#define REDRESS_SITE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "redress/err.h"
#include "redress/store.h"
#include "util/buf.h"

struct rd_site_renderer {
	/* Appends client CLIENT_ID's portal start page, as a copy taken at AT,
	 * to OUT. */
	enum rd_err (*home)(struct rd_store *s, int64_t client_id, int64_t at, struct rd_buf *out,
			    char **errmsg);
	/* Appends the client's page of failure FAILURE_ID; a failure the client
	 * may not see is an error (RD_ENOTFOUND), never a page. */
	enum rd_err (*failure)(struct rd_store *s, int64_t client_id, int64_t failure_id, int64_t at,
			       struct rd_buf *out, char **errmsg);
	const char *css;  /* the stylesheet (borrowed) */
	size_t css_len;
};

struct rd_site_result {
	int clients;      /* client directories written */
	int pages;        /* HTML pages written, the staff index included */
};

/* Writes the static copy as of AT into directory DIR: first into DIR.tmp
 * (which must not exist), then renamed into place, so DIR is either the old
 * content or the whole new copy. DIR must be missing or empty, or FORCE
 * replaces it. Errors, each naming the path: RD_EEXIST (DIR not empty
 * without FORCE, DIR.tmp left by an interrupted export), RD_EINVAL (DIR is
 * not a directory), RD_EIO (a file or directory could not be written; the
 * temporary copy is removed), RD_EDB. *errmsg: CALLER frees. */
enum rd_err rd_site_export(struct rd_store *s, const char *dir, int64_t at, bool force,
			   const struct rd_site_renderer *r, struct rd_site_result *res, char **errmsg);

#endif
