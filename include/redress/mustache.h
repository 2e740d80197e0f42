/* mustache.h — a Mustache template engine (https://mustache.github.io/,
 * spec v1.3 minus lambdas) for message drafting, and the lookup of the
 * message templates shipped in data/templates (overridable per tier, per
 * client and by the user's $REDRESS_DATA_DIR). The view the composer passes
 * to the shipped templates is documented in docs/internals/mustache.md. */
#ifndef REDRESS_MUSTACHE_H
#define REDRESS_MUSTACHE_H
#include <stddef.h>
#include <jansson.h>
#include "redress/err.h"

/* Supplies partial NAME: on RD_OK *out is a malloc'd template (the RENDERER
 * frees it) of *len bytes. Return RD_ENOTFOUND for an unknown partial (it
 * renders as empty, as the spec says); any other error aborts rendering. */
typedef enum rd_err (*rd_mustache_partial_fn)(void *ctx, const char *name, char **out,
					      size_t *len);

enum rd_mustache_flags {
	/* Do not HTML-escape {{name}}: for plain-text messages. The spec default
	 * (escaping &, <, >, ") applies when this flag is absent. */
	RD_MUSTACHE_NO_ESCAPE = 1u << 0,
};

/* Renders tmpl[0..len) against VIEW (BORROWED; any JSON value, usually an
 * object) with HTML escaping. PARTIALS may be NULL (every partial is then
 * empty). On RD_OK *out is a malloc'd NUL-terminated string the CALLER frees.
 * RD_EINVAL on a malformed template (unclosed tag or section, mismatched
 * close, bad delimiters, partials nested past 64 levels) with *errmsg naming
 * the line; the CALLER frees *errmsg. Unknown names render as empty. */
enum rd_err rd_mustache_render(const char *tmpl, size_t len, json_t *view,
			       rd_mustache_partial_fn partials, void *ctx, char **out,
			       char **errmsg);

/* The same with FLAGS (enum rd_mustache_flags). */
enum rd_err rd_mustache_render_ex(const char *tmpl, size_t len, json_t *view,
				  rd_mustache_partial_fn partials, void *ctx, unsigned flags,
				  char **out, char **errmsg);

/* Loads the template for KIND ("apology"…): the first of
 *   templates/clients/<client_slug>/<kind>.mustache   (client_slug may be NULL)
 *   templates/<kind>.<tier>.mustache                   (tier may be NULL)
 *   templates/<kind>.mustache
 * found through rd_data_load (the user's $REDRESS_DATA_DIR first, then the
 * compiled-in copy). *out is malloc'd, the CALLER frees it. RD_EINVAL for a
 * kind, tier or slug that is not [a-z0-9_-]+; RD_ENOTFOUND if none exists. */
enum rd_err rd_template_load(const char *kind, const char *tier, const char *client_slug,
			     char **out, char **errmsg);

/* A partial loader for the shipped templates: partial NAME is
 * templates/partials/<NAME>.mustache through rd_data_load. ctx is unused. */
enum rd_err rd_template_partial(void *ctx, const char *name, char **out, size_t *len);

/* The same in language LANG: NULL or "en" is the lookup above; another
 * language ("de", "fr") looks in templates/<lang>/ the same way (client,
 * tier, default) and never falls back to English: RD_ENOTFOUND then. */
enum rd_err rd_template_load_lang(const char *kind, const char *lang, const char *tier,
				  const char *client_slug, char **out, char **errmsg);

/* A partial loader for LANG, passed as CTX (a const char *, NULL = en):
 * templates/<lang>/partials/<NAME>.mustache. */
enum rd_err rd_template_partial_lang(void *ctx, const char *name, char **out, size_t *len);

#endif
