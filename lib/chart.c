/* chart.c — the charts of the Reports page and the portfolio report
 * (chart.h). One layout walks a chart's description and calls a small
 * painter table (rectangle, line, text); the SVG painter writes elements,
 * the cairo painter draws (text through Pango), so the web page, the HTML
 * and the PDF always show the same picture. cairo is loaded on first use. */
#include <math.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <cairo.h>
#include <pango/pangocairo.h>

#include "redress/chart.h"
#include "util/buf.h"
#include "util/dynlib.h"

#define CW 480.0        /* every chart is this wide, in chart units */
#define BAR_ROW 28.0
#define LABEL_W 170.0
#define TOP 36.0

enum anchor { A_START, A_MIDDLE, A_END };

struct painter {
	void (*rect)(void *c, double x, double y, double w, double h, const char *color);
	void (*line)(void *c, double x1, double y1, double x2, double y2, const char *color, double width);
	void (*text)(void *c, double x, double y, double size, enum anchor a, bool bold, const char *color,
		     const char *s);
	void *c;
};

static const char *const palette[] = {"#c0392b", "#2471a3", "#d68910", "#1e8449", "#7d3c98", "#5d6d7e"};
#define INK "#1d2430"
#define MUTED "#5a6575"
#define GRID "#d5dbe3"
#define BAR "#2471a3"

static const char *jstr(json_t *o, const char *k)
{
	const char *s = json_string_value(json_object_get(o, k));
	return s ? s : "";
}

static bool is_bar(json_t *chart)
{
	return strcmp(jstr(chart, "kind"), "bar") == 0;
}

enum rd_err rd_chart_size(json_t *chart, double *w, double *h, char **errmsg)
{
	const char *kind = jstr(chart, "kind");
	*w = CW;
	if (strcmp(kind, "bar") == 0) {
		if (!json_is_array(json_object_get(chart, "bars")))
			return rd_fail(RD_EINVAL, errmsg, "a bar chart needs \"bars\" (an array)");
		size_t n = json_array_size(json_object_get(chart, "bars"));
		*h = TOP + (n ? (double)n : 1.0) * BAR_ROW + 10;
		return RD_OK;
	}
	if (strcmp(kind, "line") == 0) {
		if (!json_is_array(json_object_get(chart, "series")))
			return rd_fail(RD_EINVAL, errmsg, "a line chart needs \"series\" (an array)");
		size_t n = json_array_size(json_object_get(chart, "series"));
		*h = TOP + 200 + 32 + (double)n * 22 + 8;
		return RD_OK;
	}
	return rd_fail(RD_EINVAL, errmsg, "chart kind must be bar or line (got '%s')", kind);
}

/* A value as its label says it: "62%", "2.0 h", "0.14". */
static void value_text(char *t, size_t n, json_t *v, const char *unit)
{
	if (!json_is_number(v)) {
		snprintf(t, n, "n/a");
		return;
	}
	double x = json_number_value(v);
	if (strcmp(unit, "%") == 0)
		snprintf(t, n, "%.0f%%", x * 100);
	else if (strcmp(unit, "h") == 0)
		snprintf(t, n, "%.1f h", x);
	else
		snprintf(t, n, "%.2f", x);
}

/* At most 22 characters (UTF-8 safe) with an ellipsis, so a long failure
 * title or owner address does not run into its bar. */
static void clip(char *t, size_t n, const char *s)
{
	size_t len = strlen(s), cut = 0, chars = 0;
	while (cut < len && chars < 21) {
		cut++;
		while (cut < len && ((unsigned char)s[cut] & 0xC0) == 0x80)
			cut++;
		chars++;
	}
	if (cut >= len)
		snprintf(t, n, "%s", s);
	else
		snprintf(t, n, "%.*s…", (int)cut, s);
}

static void day(char *t, size_t n, int64_t at)
{
	time_t tt = (time_t)at;
	struct tm tm;
	if (!gmtime_r(&tt, &tm))
		snprintf(t, n, "?");
	else
		strftime(t, n, "%Y-%m-%d", &tm);
}

static void layout_bar(const struct painter *p, json_t *chart)
{
	json_t *bars = json_object_get(chart, "bars");
	const char *unit = jstr(chart, "unit");
	double max = 0;
	size_t i;
	json_t *b;
	json_array_foreach(bars, i, b) {
		double v = json_number_value(json_object_get(b, "value"));
		if (v > max)
			max = v;
	}
	if (strcmp(unit, "%") == 0 || max <= 0)
		max = strcmp(unit, "%") == 0 ? 1.0 : (max > 0 ? max : 1.0);
	double x0 = LABEL_W, span = CW - LABEL_W - 62;
	p->text(p->c, 4, 22, 17, A_START, true, INK, jstr(chart, "title"));
	if (json_array_size(bars) == 0)
		p->text(p->c, 4, TOP + 19, 14, A_START, false, MUTED, "No data in this period.");
	json_array_foreach(bars, i, b) {
		double y = TOP + (double)i * BAR_ROW;
		char lab[160], val[32];
		clip(lab, sizeof lab, jstr(b, "label"));
		value_text(val, sizeof val, json_object_get(b, "value"), unit);
		p->text(p->c, x0 - 8, y + 19, 14, A_END, false, INK, lab);
		p->rect(p->c, x0, y + 4, span, BAR_ROW - 8, "#eef1f5");
		json_t *v = json_object_get(b, "value");
		double w = json_is_number(v) ? span * fmin(json_number_value(v) / max, 1.0) : 0;
		if (w > 0)
			p->rect(p->c, x0, y + 4, w, BAR_ROW - 8, BAR);
		p->text(p->c, x0 + span + 6, y + 19, 14, A_START, false, json_is_number(v) ? INK : MUTED, val);
	}
}

static void layout_line(const struct painter *p, json_t *chart)
{
	json_t *series = json_object_get(chart, "series");
	int64_t from = json_integer_value(json_object_get(chart, "from"));
	int64_t to = json_integer_value(json_object_get(chart, "to"));
	if (to <= from)
		to = from + 1;
	double x0 = 40, x1 = CW - 12, y0 = TOP + 8, h = 192;
	p->text(p->c, 4, 22, 17, A_START, true, INK, jstr(chart, "title"));
	for (int g = 0; g <= 100; g += 25) {
		double y = y0 + h - h * g / 100.0;
		char t[8];
		snprintf(t, sizeof t, "%d", g);
		p->line(p->c, x0, y, x1, y, GRID, 1);
		p->text(p->c, x0 - 6, y + 5, 13, A_END, false, MUTED, t);
	}
	char d0[16], d1[16];
	day(d0, sizeof d0, from);
	day(d1, sizeof d1, to);
	p->text(p->c, x0, y0 + h + 20, 13, A_START, false, MUTED, d0);
	p->text(p->c, x1, y0 + h + 20, 13, A_END, false, MUTED, d1);
	size_t i, j;
	json_t *s, *pt;
	json_array_foreach(series, i, s) {
		const char *color = palette[i % (sizeof palette / sizeof palette[0])];
		double px = 0, py = 0;
		bool have = false;
		json_array_foreach(json_object_get(s, "points"), j, pt) {
			int64_t t = json_integer_value(json_array_get(pt, 0));
			double v = json_number_value(json_array_get(pt, 1));
			double x = x0 + (x1 - x0) * (double)((t < from ? from : t > to ? to : t) - from) / (double)(to - from);
			double y = y0 + h - h * fmin(fmax(v, 0), 100) / 100.0;
			if (have) {
				p->line(p->c, px, py, x, py, color, 2.5);   /* the score held until now */
				p->line(p->c, x, py, x, y, color, 2.5);
			}
			px = x, py = y, have = true;
		}
		if (have)
			p->line(p->c, px, py, x1, py, color, 2.5);  /* and still holds at the end */
		double ly = y0 + h + 32 + (double)i * 22;
		p->rect(p->c, x0, ly, 14, 14, color);
		p->text(p->c, x0 + 20, ly + 13, 14, A_START, false, INK, jstr(s, "name"));
	}
	if (json_array_size(series) == 0)
		p->text(p->c, x0 + 10, y0 + h / 2, 14, A_START, false, MUTED, "No client to show in this period.");
}

static void layout(const struct painter *p, json_t *chart)
{
	if (is_bar(chart))
		layout_bar(p, chart);
	else
		layout_line(p, chart);
}

/* ---- SVG ---- */

static void svg_rect(void *c, double x, double y, double w, double h, const char *color)
{
	rd_buf_addf(c, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>\n", x, y, w, h,
		    color);
}

static void svg_line(void *c, double x1, double y1, double x2, double y2, const char *color, double width)
{
	rd_buf_addf(c, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%.1f\"/>\n",
		    x1, y1, x2, y2, color, width);
}

static void svg_text(void *c, double x, double y, double size, enum anchor a, bool bold, const char *color,
		     const char *s)
{
	static const char *const an[] = {"start", "middle", "end"};
	rd_buf_addf(c, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.0f\" text-anchor=\"%s\" fill=\"%s\"%s>", x, y, size,
		    an[a], color, bold ? " font-weight=\"bold\"" : "");
	rd_buf_add_htmls(c, s);
	rd_buf_adds(c, "</text>\n");
}

enum rd_err rd_chart_svg(json_t *chart, struct rd_buf *out, char **errmsg)
{
	double w, h;
	enum rd_err rc = rd_chart_size(chart, &w, &h, errmsg);
	if (rc)
		return rc;
	rd_buf_addf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 %.0f %.0f\" "
			 "role=\"img\" font-family=\"DejaVu Sans, Arial, sans-serif\">\n<title>", w, h);
	rd_buf_add_htmls(out, jstr(chart, "title"));
	rd_buf_adds(out, "</title>\n");
	struct painter p = {svg_rect, svg_line, svg_text, out};
	layout(&p, chart);
	rd_buf_adds(out, "</svg>\n");
	return out->oom ? rd_fail(RD_ENOMEM, errmsg, "out of memory drawing a chart") : RD_OK;
}

/* ---- cairo (and Pango for text), loaded on first use ---- */

static struct {
	__typeof__(cairo_image_surface_create) *image_surface_create;
	__typeof__(cairo_create) *create;
	__typeof__(cairo_destroy) *destroy;
	__typeof__(cairo_set_source_rgb) *set_source_rgb;
	__typeof__(cairo_rectangle) *rectangle;
	__typeof__(cairo_fill) *fill;
	__typeof__(cairo_paint) *paint;
	__typeof__(cairo_move_to) *move_to;
	__typeof__(cairo_line_to) *line_to;
	__typeof__(cairo_stroke) *stroke;
	__typeof__(cairo_set_line_width) *set_line_width;
	__typeof__(cairo_save) *save;
	__typeof__(cairo_restore) *restore;
	__typeof__(cairo_translate) *translate;
	__typeof__(cairo_scale) *scale;
	__typeof__(cairo_surface_write_to_png_stream) *write_png;
	__typeof__(cairo_surface_status) *surface_status;
	__typeof__(cairo_surface_destroy) *surface_destroy;
	__typeof__(pango_cairo_create_layout) *create_layout;
	__typeof__(pango_cairo_show_layout) *show_layout;
	__typeof__(pango_layout_set_text) *layout_set_text;
	__typeof__(pango_layout_set_font_description) *layout_set_font;
	__typeof__(pango_layout_get_pixel_size) *layout_pixel_size;
	__typeof__(pango_layout_get_baseline) *layout_baseline;
	__typeof__(pango_font_description_from_string) *font_from_string;
	__typeof__(pango_font_description_free) *font_free;
	__typeof__(g_object_unref) *object_unref;
} C;

static const struct rd_dynsym cairo_syms[] = {
	{"cairo_image_surface_create", (void **)&C.image_surface_create},
	{"cairo_create", (void **)&C.create},
	{"cairo_destroy", (void **)&C.destroy},
	{"cairo_set_source_rgb", (void **)&C.set_source_rgb},
	{"cairo_rectangle", (void **)&C.rectangle},
	{"cairo_fill", (void **)&C.fill},
	{"cairo_paint", (void **)&C.paint},
	{"cairo_move_to", (void **)&C.move_to},
	{"cairo_line_to", (void **)&C.line_to},
	{"cairo_stroke", (void **)&C.stroke},
	{"cairo_set_line_width", (void **)&C.set_line_width},
	{"cairo_save", (void **)&C.save},
	{"cairo_restore", (void **)&C.restore},
	{"cairo_translate", (void **)&C.translate},
	{"cairo_scale", (void **)&C.scale},
	{"cairo_surface_write_to_png_stream", (void **)&C.write_png},
	{"cairo_surface_status", (void **)&C.surface_status},
	{"cairo_surface_destroy", (void **)&C.surface_destroy},
	{NULL, NULL},
};
static const struct rd_dynsym pango_syms[] = {
	{"pango_layout_set_text", (void **)&C.layout_set_text},
	{"pango_layout_set_font_description", (void **)&C.layout_set_font},
	{"pango_layout_get_pixel_size", (void **)&C.layout_pixel_size},
	{"pango_layout_get_baseline", (void **)&C.layout_baseline},
	{"pango_font_description_from_string", (void **)&C.font_from_string},
	{"pango_font_description_free", (void **)&C.font_free},
	{NULL, NULL},
};
static const struct rd_dynsym pangocairo_syms[] = {
	{"pango_cairo_create_layout", (void **)&C.create_layout},
	{"pango_cairo_show_layout", (void **)&C.show_layout},
	{NULL, NULL},
};
static const struct rd_dynsym gobject_syms[] = {
	{"g_object_unref", (void **)&C.object_unref},
	{NULL, NULL},
};

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static enum rd_err load_rc;
static char *load_err;

static void load(void)
{
	static const char *const cairo_so[] = {"libcairo.so.2", NULL};
	static const char *const pango_so[] = {"libpango-1.0.so.0", NULL};
	static const char *const pangocairo_so[] = {"libpangocairo-1.0.so.0", NULL};
	static const char *const gobject_so[] = {"libgobject-2.0.so.0", NULL};
	if ((load_rc = rd_dynlib_open(gobject_so, gobject_syms, &load_err)) ||
	    (load_rc = rd_dynlib_open(cairo_so, cairo_syms, &load_err)) ||
	    (load_rc = rd_dynlib_open(pango_so, pango_syms, &load_err)))
		return;
	load_rc = rd_dynlib_open(pangocairo_so, pangocairo_syms, &load_err);
}

static enum rd_err loaded(char **errmsg)
{
	pthread_once(&load_once, load);
	if (load_rc)
		return rd_fail(RD_EIO, errmsg, "a chart needs cairo and Pango: %s", load_err ? load_err : "not loaded");
	return RD_OK;
}

static void rgb(cairo_t *cr, const char *hex)
{
	unsigned r = 0, g = 0, b = 0;
	sscanf(hex, "#%02x%02x%02x", &r, &g, &b);
	C.set_source_rgb(cr, r / 255.0, g / 255.0, b / 255.0);
}

static void cr_rect(void *c, double x, double y, double w, double h, const char *color)
{
	rgb(c, color);
	C.rectangle(c, x, y, w, h);
	C.fill(c);
}

static void cr_line(void *c, double x1, double y1, double x2, double y2, const char *color, double width)
{
	rgb(c, color);
	C.set_line_width(c, width);
	C.move_to(c, x1, y1);
	C.line_to(c, x2, y2);
	C.stroke(c);
}

/* Y is the baseline, as in SVG. */
static void cr_text(void *c, double x, double y, double size, enum anchor a, bool bold, const char *color,
		    const char *s)
{
	PangoLayout *l = C.create_layout(c);
	char font[64];
	snprintf(font, sizeof font, "DejaVu Sans%s %.0fpx", bold ? " Bold" : "", size);
	PangoFontDescription *fd = C.font_from_string(font);
	C.layout_set_font(l, fd);
	C.font_free(fd);
	C.layout_set_text(l, s, -1);
	int w, h;
	C.layout_pixel_size(l, &w, &h);
	double base = (double)C.layout_baseline(l) / PANGO_SCALE;
	double left = a == A_START ? x : a == A_MIDDLE ? x - w / 2.0 : x - w;
	rgb(c, color);
	C.move_to(c, left, y - base);
	C.show_layout(c, l);
	C.object_unref(l);
}

enum rd_err rd_chart_cairo(void *cr, json_t *chart, double x, double y, double width, char **errmsg)
{
	double w, h;
	enum rd_err rc = rd_chart_size(chart, &w, &h, errmsg);
	if (rc || (rc = loaded(errmsg)))
		return rc;
	C.save(cr);
	C.translate(cr, x, y);
	C.scale(cr, width / w, width / w);
	struct painter p = {cr_rect, cr_line, cr_text, cr};
	layout(&p, chart);
	C.restore(cr);
	return RD_OK;
}

static cairo_status_t to_buf(void *closure, const unsigned char *data, unsigned int len)
{
	return rd_buf_add(closure, (const char *)data, len) ? CAIRO_STATUS_NO_MEMORY : CAIRO_STATUS_SUCCESS;
}

enum rd_err rd_chart_png(json_t *chart, double scale, struct rd_buf *out, char **errmsg)
{
	double w, h;
	enum rd_err rc = rd_chart_size(chart, &w, &h, errmsg);
	if (rc || (rc = loaded(errmsg)))
		return rc;
	if (!(scale > 0 && scale <= 8))
		return rd_fail(RD_EINVAL, errmsg, "chart scale must be above 0 and at most 8");
	cairo_surface_t *s = C.image_surface_create(CAIRO_FORMAT_RGB24, (int)ceil(w * scale), (int)ceil(h * scale));
	cairo_t *cr = C.create(s);
	C.set_source_rgb(cr, 1, 1, 1);
	C.paint(cr);
	rc = rd_chart_cairo(cr, chart, 0, 0, w * scale, errmsg);
	C.destroy(cr);
	if (!rc && (C.write_png(s, to_buf, out) != CAIRO_STATUS_SUCCESS || out->oom))
		rc = rd_fail(RD_ENOMEM, errmsg, "writing the chart's PNG failed");
	C.surface_destroy(s);
	return rc;
}
