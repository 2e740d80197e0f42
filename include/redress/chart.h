/* chart.h — the Reports page's and the portfolio report's charts, drawn on
 * the server: one layout, two outputs — SVG text (the web page and the
 * HTML report) and cairo drawing (the PDF, and PNG for tests).
 *
 * A chart is described by a JSON object (borrowed by every call):
 *   bar:  {"kind": "bar", "title": T, "unit": "%"|"h"|"", "bars": [{"label": L,
 *          "value": number or null}]} — horizontal bars, one row each, a null
 *          value printed "n/a"; "%" values are fractions 0..1.
 *   line: {"kind": "line", "title": T, "from": EPOCH, "to": EPOCH, "series":
 *          [{"name": N, "points": [[EPOCH, 0..100]…]}]} — step lines (a score
 *          holds until its next change) on a 0-100 axis over [from, to].
 * Sizes are in chart units (the SVG viewBox, 480 wide: readable on a phone
 * when it shrinks to about 350 px), about CSS pixels. Labels are
 * escaped for SVG (and for Pango, which draws them as plain text). Bytes
 * are appended to a caller-owned struct rd_buf; errmsg as in err.h. */
#ifndef REDRESS_CHART_H
#define REDRESS_CHART_H
#include <jansson.h>

#include "redress/err.h"

struct rd_buf; /* util/buf.h */

/* The width and height of CHART in chart units. RD_EINVAL naming what is
 * wrong for a chart that is not one of the two kinds above. */
enum rd_err rd_chart_size(json_t *chart, double *w, double *h, char **errmsg);

/* CHART as an <svg> element with a viewBox (it scales to its container),
 * a <title>, presentation attributes only (no style attribute, no script). */
enum rd_err rd_chart_svg(json_t *chart, struct rd_buf *out, char **errmsg);

/* Draws CHART on the cairo context CR (a cairo_t *, from the caller's own
 * cairo) with its top-left corner at (X, Y), WIDTH wide (scaled to keep
 * its proportions). cairo and Pango are loaded on first use. */
enum rd_err rd_chart_cairo(void *cr, json_t *chart, double x, double y, double width, char **errmsg);

/* CHART as a PNG image SCALE times its chart size (through cairo). */
enum rd_err rd_chart_png(json_t *chart, double scale, struct rd_buf *out, char **errmsg);

#endif
