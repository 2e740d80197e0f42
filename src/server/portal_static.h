/* portal_static.h — the portal's pages as the renderer of
 * `redress export site` (lib/site.c; see redress/site.h). */
#ifndef REDRESS_SERVER_PORTAL_STATIC_H
#define REDRESS_SERVER_PORTAL_STATIC_H
#include <stdbool.h>

#include "redress/site.h"

/* Fills R with the portal's page functions in static mode and the
 * stylesheet compiled into the binary; false if the stylesheet is missing. */
bool rd_portal_site_renderer(struct rd_site_renderer *r);

#endif
