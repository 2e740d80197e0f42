/* report_render.c — lays out the post-incident report's view (report.h)
 * as a standalone HTML page or an A4 PDF. Both walk the same list of
 * blocks (title, headings, paragraphs, items) built once from the view, so
 * the two forms never disagree on what a section says. The PDF is drawn by
 * Pango (line wrapping, fonts, UTF-8) on a cairo PDF surface, both loaded
 * on first use. */
#include <inttypes.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include "redress/chart.h"
#include "redress/report.h"
#include "redress/room.h"
#include "util/buf.h"
#include "util/dynlib.h"

/* ---- blocks ---- */

enum blk { B_TITLE, B_META, B_H, B_H3, B_P, B_ITEM, B_NOTE, B_CHART };
_Static_assert((int)B_CHART == (int)RD_RB_CHART && (int)B_NOTE == (int)RD_RB_NOTE && (int)B_ITEM == (int)RD_RB_ITEM,
	       "report.h's block kinds are these");

static void add(json_t *blocks, enum blk t, const char *label, const char *text)
{
	if (!text)
		return;
	json_array_append_new(blocks, json_pack("{si ss ss}", "t", (int)t, "label", label ? label : "",
						"text", text));
}

static const char *str(json_t *o, const char *k)
{
	const char *s = json_string_value(json_object_get(o, k));
	return s && *s ? s : NULL;
}

static void addf(json_t *blocks, enum blk t, const char *label, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void addf(json_t *blocks, enum blk t, const char *label, const char *fmt, ...)
{
	struct rd_buf b = RD_BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	rd_buf_vaddf(&b, fmt, ap);
	va_end(ap);
	add(blocks, t, label, b.data ? b.data : "");
	rd_buf_free(&b);
}

#define OR(s, d) ((s) ? (s) : (d))
/* A stored word as people read it (rd_label, lib/room.c), or D. */
#define LBL(s, d) ((s) ? rd_label(s) : (d))

static void empty(json_t *b, json_t *arr, const char *text)
{
	if (json_array_size(arr) == 0)
		add(b, B_NOTE, NULL, text);
}

static json_t *blocks_of(json_t *v)
{
	json_t *b = json_array();
	bool client = strcmp(OR(str(v, "form"), "internal"), "client") == 0;
	json_t *f = json_object_get(v, "failure");
	size_t i;
	json_t *x;
	addf(b, B_TITLE, NULL, "Post-incident report: %s", OR(str(f, "title"), "(untitled)"));
	if (client)
		addf(b, B_META, NULL, "Prepared for %s", OR(str(json_object_get(v, "client"), "name"), "you"));
	else
		add(b, B_META, NULL, "Internal report: for staff only, not for clients");
	if (!client)
		addf(b, B_META, NULL, "Failure #%" JSON_INTEGER_FORMAT " · severity %" JSON_INTEGER_FORMAT,
		     json_integer_value(json_object_get(f, "id")), json_integer_value(json_object_get(f, "severity")));
	addf(b, B_META, NULL, "Status %s · started %s · detected %s · resolved %s", LBL(str(f, "status"), "-"),
	     OR(str(f, "started_at"), "-"), OR(str(f, "detected_at"), "-"), OR(str(f, "resolved_at"), "not yet"));
	addf(b, B_META, NULL, "Generated %s", OR(str(v, "generated_at"), "-"));

	add(b, B_H, NULL, "Summary");
	add(b, B_P, NULL, OR(str(v, "summary"), "No summary has been written yet."));

	add(b, B_H, NULL, client ? "How it affected you" : "Impact per client");
	json_array_foreach(json_object_get(v, "impacts"), i, x) {
		if (client)
			addf(b, B_ITEM, NULL, "Affected: %s · recovery %s", OR(str(x, "affected"), "-"),
			     OR(str(x, "recovery_status"), "-"));
		else
			addf(b, B_ITEM, str(x, "client"), "affected %s · recovery %s", OR(str(x, "affected"), "-"),
			     OR(str(x, "recovery_status"), "-"));
		add(b, B_P, "Operations", str(x, "operational"));
		if (str(x, "financial"))
			add(b, B_P, "Financial", str(x, "financial"));
		add(b, B_P, "Reputation", str(x, "reputational"));
		add(b, B_P, "Compliance", str(x, "compliance"));
		add(b, B_P, "Data", str(x, "data"));
	}
	empty(b, json_object_get(v, "impacts"), "No impact recorded.");

	add(b, B_H, NULL, "Timeline");
	json_array_foreach(json_object_get(v, "timeline"), i, x) {
		if (client)
			addf(b, B_ITEM, str(x, "at"), "%s by %s (%s)", LBL(str(x, "kind"), "-"), LBL(str(x, "channel"), "-"),
			     strcmp(OR(str(x, "direction"), "out"), "in") == 0 ? "from you" : "from us");
		else
			addf(b, B_ITEM, str(x, "at"), "%s · %s by %s (%s)%s", OR(str(x, "client"), "-"),
			     LBL(str(x, "kind"), "-"), LBL(str(x, "channel"), "-"), LBL(str(x, "direction"), "-"),
			     strcmp(OR(str(x, "visibility"), "client"), "internal") == 0 ? " · internal note" : "");
		add(b, B_P, NULL, str(x, "summary"));
		if (str(x, "body") && (!str(x, "summary") || strcmp(str(x, "body"), str(x, "summary"))))
			add(b, B_P, NULL, str(x, "body"));
	}
	empty(b, json_object_get(v, "timeline"), "No communication recorded.");

	json_t *rc = json_object_get(v, "root_cause");
	add(b, B_H, NULL, "Root cause");
	if (client) {
		add(b, B_P, NULL, OR(str(rc, "explanation"), "The analysis of the cause is not finished yet."));
	} else {
		add(b, B_P, "Category", OR(str(rc, "category"), "not set"));
		json_array_foreach(json_object_get(rc, "whys"), i, x)
			addf(b, B_ITEM, NULL, "Why %zu: %s", i + 1, OR(json_string_value(x), ""));
		add(b, B_P, "Contributing", str(rc, "contributing"));
		add(b, B_P, "Findings", str(rc, "findings"));
		add(b, B_P, "Explanation for clients", OR(str(rc, "explanation"), "not written yet"));
	}

	add(b, B_H, NULL, "Recovery plan");
	json_array_foreach(json_object_get(v, "plan"), i, x) {
		addf(b, B_ITEM, LBL(str(x, "kind"), NULL), "%s (%s, due %s)", OR(str(x, "description"), ""),
		     LBL(str(x, "status"), "-"), OR(str(x, "due_at"), "-"));
		add(b, B_P, "Success criterion", str(x, "success_criterion"));
	}
	empty(b, json_object_get(v, "plan"), "No plan action recorded.");
	add(b, B_H3, NULL, "Expected fix: how the date changed");
	json_array_foreach(json_object_get(v, "eta_history"), i, x) {
		if (client)
			addf(b, B_ITEM, str(x, "eta"), "%s (set %s)", OR(str(x, "reason"), "no reason given"),
			     OR(str(x, "at"), "-"));
		else
			addf(b, B_ITEM, str(x, "eta"), "%s (set %s; %s)", OR(str(x, "reason"), "no reason given"),
			     OR(str(x, "at"), "-"),
			     json_is_true(json_object_get(x, "clients_told")) ? "clients told" : "clients not told");
	}
	empty(b, json_object_get(v, "eta_history"), "No expected date given.");

	add(b, B_H, NULL, "Commitments");
	json_array_foreach(json_object_get(v, "commitments"), i, x) {
		addf(b, B_ITEM, client ? NULL : str(x, "client"), "%s (due %s): %s", OR(str(x, "text"), ""),
		     OR(str(x, "due_at"), "-"), LBL(str(x, "status"), "-"));
		add(b, B_P, "Note", str(x, "note"));
	}
	empty(b, json_object_get(v, "commitments"), "No commitment recorded.");

	add(b, B_H, NULL, "Goodwill");
	json_array_foreach(json_object_get(v, "goodwill"), i, x) {
		addf(b, B_ITEM, client ? NULL : str(x, "client"), "%s of %s %s: %s", LBL(str(x, "kind"), "-"),
		     OR(str(x, "amount"), "-"), OR(str(x, "currency"), ""), LBL(str(x, "status"), "-"));
		add(b, B_P, "Note", str(x, "note"));
	}
	empty(b, json_object_get(v, "goodwill"), "No goodwill recorded.");

	json_t *rv = json_object_get(v, "review");
	add(b, B_H, NULL, "Review");
	if (!json_is_object(rv)) {
		add(b, B_NOTE, NULL, "The review has not been held yet.");
	} else {
		add(b, B_P, "Held", str(rv, "held_at"));
		if (client) {
			add(b, B_P, NULL, str(rv, "client_text"));
		} else {
			add(b, B_P, "Timeline", str(rv, "timeline"));
			add(b, B_P, "Root cause", str(rv, "root_cause"));
			add(b, B_P, "What went well", str(rv, "went_well"));
			add(b, B_P, "Internal text", str(rv, "internal_text"));
			add(b, B_P, "Client-facing text", OR(str(rv, "client_text"), "not written yet"));
			add(b, B_H3, NULL, "Lessons");
			add(b, B_P, NULL, OR(str(rv, "lessons"), "none recorded"));
			add(b, B_H3, NULL, "Follow-up actions");
			json_array_foreach(json_object_get(v, "actions"), i, x) {
				addf(b, B_ITEM, NULL, "%s (due %s): %s", OR(str(x, "text"), ""), OR(str(x, "due_at"), "-"),
				     LBL(str(x, "status"), "-"));
				add(b, B_P, "Success criterion", str(x, "success_criterion"));
			}
			empty(b, json_object_get(v, "actions"), "No follow-up action recorded.");
		}
	}
	return b;
}

#define BT(x) ((enum blk)json_integer_value(json_object_get(x, "t")))
#define BLABEL(x) json_string_value(json_object_get(x, "label"))
#define BTEXT(x) json_string_value(json_object_get(x, "text"))

/* ---- HTML ---- */

const char rd_report_css[] =
	"body{font:11pt/1.45 'DejaVu Sans',Arial,sans-serif;color:#1d2430;margin:0;background:#fff}"
	"main{max-width:46em;margin:2em auto;padding:0 1.5em}"
	"h1{font-size:1.6em;margin:0 0 .3em}h2{font-size:1.2em;border-bottom:1px solid #c9d1dc;"
	"margin:1.6em 0 .5em;padding-bottom:.2em}h3{font-size:1em;margin:1.2em 0 .4em}"
	".meta{color:#5a6575;margin:.1em 0}.item{margin:.6em 0 .2em;font-weight:600}"
	".note{color:#5a6575;font-style:italic}p{margin:.3em 0;white-space:pre-wrap}"
	".label{font-weight:600}@page{size:A4;margin:2cm}@media print{main{margin:0;max-width:none}"
	"h2{break-after:avoid}}figure.chart{margin:1em 0}svg.chart{width:100%;height:auto;max-width:46em}";

enum rd_err rd_report_html(json_t *view, const char *css_href, struct rd_buf *out, char **errmsg)
{
	json_t *blocks = blocks_of(view);
	enum rd_err rc = rd_report_blocks_html(blocks, css_href, out, errmsg);
	json_decref(blocks);
	return rc;
}

enum rd_err rd_report_blocks_html(json_t *blocks, const char *css_href, struct rd_buf *out, char **errmsg)
{
	size_t i;
	json_t *x;
	const char *title = BTEXT(json_array_get(blocks, 0));
	rd_buf_adds(out, "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
	rd_buf_add_htmls(out, title);
	if (css_href) {
		rd_buf_adds(out, "</title>\n<link rel=\"stylesheet\" href=\"");
		rd_buf_add_htmls(out, css_href);
		rd_buf_adds(out, "\">\n</head>\n<body>\n<main>\n");
	} else {
		rd_buf_addf(out, "</title>\n<style>%s</style>\n</head>\n<body>\n<main>\n", rd_report_css);
	}
	json_array_foreach(blocks, i, x) {
		const char *label = BLABEL(x), *text = BTEXT(x);
		static const char *const open[] = {"<h1>", "<p class=\"meta\">", "<h2>", "<h3>", "<p>",
						   "<p class=\"item\">", "<p class=\"note\">"};
		static const char *const close[] = {"</h1>", "</p>", "</h2>", "</h3>", "</p>", "</p>", "</p>"};
		enum blk t = BT(x);
		if (t == B_CHART) {
			enum rd_err rc;
			rd_buf_adds(out, "<figure class=\"chart\">\n");
			if ((rc = rd_chart_svg(json_object_get(x, "chart"), out, errmsg)))
				return rc;
			rd_buf_adds(out, "</figure>\n");
			continue;
		}
		rd_buf_adds(out, open[t]);
		if (label && *label) {
			rd_buf_adds(out, "<span class=\"label\">");
			rd_buf_add_htmls(out, label);
			rd_buf_adds(out, t == B_ITEM ? "</span> · " : ":</span> ");
		}
		rd_buf_add_htmls(out, text);
		rd_buf_adds(out, close[t]);
		rd_buf_addc(out, '\n');
	}
	rd_buf_adds(out, "</main>\n</body>\n</html>\n");
	if (out->oom)
		return rd_fail(RD_ENOMEM, errmsg, "out of memory writing the report");
	return RD_OK;
}

/* ---- PDF ---- */

/* ---- cairo, Pango and GLib, loaded on first use ----
 *
 * Linking them costs every command about 10-25 ms of start-up (measured on
 * `redress --help`); only the report needs them, so their symbols are
 * resolved through util/dynlib.h the first time a PDF is drawn. The macros
 * below send the calls of this file through the resolved pointers. */
static struct {
	__typeof__(cairo_pdf_surface_create_for_stream) *cairo_pdf_surface_create_for_stream;
	__typeof__(cairo_create) *cairo_create;
	__typeof__(cairo_pdf_surface_set_metadata) *cairo_pdf_surface_set_metadata;
	__typeof__(cairo_set_source_rgb) *cairo_set_source_rgb;
	__typeof__(cairo_move_to) *cairo_move_to;
	__typeof__(cairo_show_page) *cairo_show_page;
	__typeof__(cairo_rectangle) *cairo_rectangle;
	__typeof__(cairo_fill) *cairo_fill;
	__typeof__(cairo_destroy) *cairo_destroy;
	__typeof__(cairo_surface_finish) *cairo_surface_finish;
	__typeof__(cairo_surface_status) *cairo_surface_status;
	__typeof__(cairo_surface_destroy) *cairo_surface_destroy;
	__typeof__(cairo_status_to_string) *cairo_status_to_string;
	__typeof__(pango_font_description_from_string) *pango_font_description_from_string;
	__typeof__(pango_font_description_free) *pango_font_description_free;
	__typeof__(pango_layout_set_font_description) *pango_layout_set_font_description;
	__typeof__(pango_layout_set_text) *pango_layout_set_text;
	__typeof__(pango_layout_set_markup) *pango_layout_set_markup;
	__typeof__(pango_layout_set_width) *pango_layout_set_width;
	__typeof__(pango_layout_set_alignment) *pango_layout_set_alignment;
	__typeof__(pango_layout_set_wrap) *pango_layout_set_wrap;
	__typeof__(pango_layout_get_iter) *pango_layout_get_iter;
	__typeof__(pango_layout_iter_get_line_extents) *pango_layout_iter_get_line_extents;
	__typeof__(pango_layout_iter_get_baseline) *pango_layout_iter_get_baseline;
	__typeof__(pango_layout_iter_next_line) *pango_layout_iter_next_line;
	__typeof__(pango_layout_iter_free) *pango_layout_iter_free;
	__typeof__(pango_layout_iter_get_line_readonly) *pango_layout_iter_get_line_readonly;
	__typeof__(pango_cairo_create_layout) *pango_cairo_create_layout;
	__typeof__(pango_cairo_show_layout) *pango_cairo_show_layout;
	__typeof__(pango_cairo_show_layout_line) *pango_cairo_show_layout_line;
	__typeof__(g_markup_escape_text) *g_markup_escape_text;
	__typeof__(g_strdup_printf) *g_strdup_printf;
	__typeof__(g_free) *g_free;
	__typeof__(g_object_unref) *g_object_unref;
} G;

static const struct rd_dynsym cairo_syms[] = {
	{"cairo_pdf_surface_create_for_stream", (void **)&G.cairo_pdf_surface_create_for_stream}, {"cairo_create", (void **)&G.cairo_create}, {"cairo_pdf_surface_set_metadata", (void **)&G.cairo_pdf_surface_set_metadata}, {"cairo_set_source_rgb", (void **)&G.cairo_set_source_rgb}, {"cairo_move_to", (void **)&G.cairo_move_to}, {"cairo_show_page", (void **)&G.cairo_show_page}, {"cairo_rectangle", (void **)&G.cairo_rectangle}, {"cairo_fill", (void **)&G.cairo_fill}, {"cairo_destroy", (void **)&G.cairo_destroy}, {"cairo_surface_finish", (void **)&G.cairo_surface_finish}, {"cairo_surface_status", (void **)&G.cairo_surface_status}, {"cairo_surface_destroy", (void **)&G.cairo_surface_destroy}, {"cairo_status_to_string", (void **)&G.cairo_status_to_string}, {NULL, NULL},
};
static const struct rd_dynsym pango_syms[] = {
	{"pango_font_description_from_string", (void **)&G.pango_font_description_from_string}, {"pango_font_description_free", (void **)&G.pango_font_description_free}, {"pango_layout_set_font_description", (void **)&G.pango_layout_set_font_description}, {"pango_layout_set_text", (void **)&G.pango_layout_set_text}, {"pango_layout_set_markup", (void **)&G.pango_layout_set_markup}, {"pango_layout_set_width", (void **)&G.pango_layout_set_width}, {"pango_layout_set_alignment", (void **)&G.pango_layout_set_alignment}, {"pango_layout_set_wrap", (void **)&G.pango_layout_set_wrap}, {"pango_layout_get_iter", (void **)&G.pango_layout_get_iter}, {"pango_layout_iter_get_line_extents", (void **)&G.pango_layout_iter_get_line_extents}, {"pango_layout_iter_get_baseline", (void **)&G.pango_layout_iter_get_baseline}, {"pango_layout_iter_next_line", (void **)&G.pango_layout_iter_next_line}, {"pango_layout_iter_free", (void **)&G.pango_layout_iter_free}, {"pango_layout_iter_get_line_readonly", (void **)&G.pango_layout_iter_get_line_readonly}, {NULL, NULL},
};
static const struct rd_dynsym pangocairo_syms[] = {
	{"pango_cairo_create_layout", (void **)&G.pango_cairo_create_layout}, {"pango_cairo_show_layout", (void **)&G.pango_cairo_show_layout}, {"pango_cairo_show_layout_line", (void **)&G.pango_cairo_show_layout_line}, {NULL, NULL},
};
static const struct rd_dynsym glib_syms[] = {
	{"g_markup_escape_text", (void **)&G.g_markup_escape_text}, {"g_strdup_printf", (void **)&G.g_strdup_printf}, {"g_free", (void **)&G.g_free}, {NULL, NULL},
};
static const struct rd_dynsym gobject_syms[] = {
	{"g_object_unref", (void **)&G.g_object_unref}, {NULL, NULL},
};

static pthread_once_t pdf_once = PTHREAD_ONCE_INIT;
static enum rd_err pdf_rc;
static char *pdf_err;

static void pdf_load(void)
{
	static const char *const cairo_so[] = {"libcairo.so.2", NULL};
	static const char *const pango_so[] = {"libpango-1.0.so.0", NULL};
	static const char *const pangocairo_so[] = {"libpangocairo-1.0.so.0", NULL};
	static const char *const glib_so[] = {"libglib-2.0.so.0", NULL};
	static const char *const gobject_so[] = {"libgobject-2.0.so.0", NULL};
	if ((pdf_rc = rd_dynlib_open(glib_so, glib_syms, &pdf_err)) ||
	    (pdf_rc = rd_dynlib_open(gobject_so, gobject_syms, &pdf_err)) ||
	    (pdf_rc = rd_dynlib_open(cairo_so, cairo_syms, &pdf_err)) ||
	    (pdf_rc = rd_dynlib_open(pango_so, pango_syms, &pdf_err)))
		return;
	pdf_rc = rd_dynlib_open(pangocairo_so, pangocairo_syms, &pdf_err);
}

#define cairo_pdf_surface_create_for_stream (*G.cairo_pdf_surface_create_for_stream)
#define cairo_create (*G.cairo_create)
#define cairo_pdf_surface_set_metadata (*G.cairo_pdf_surface_set_metadata)
#define cairo_set_source_rgb (*G.cairo_set_source_rgb)
#define cairo_move_to (*G.cairo_move_to)
#define cairo_show_page (*G.cairo_show_page)
#define cairo_rectangle (*G.cairo_rectangle)
#define cairo_fill (*G.cairo_fill)
#define cairo_destroy (*G.cairo_destroy)
#define cairo_surface_finish (*G.cairo_surface_finish)
#define cairo_surface_status (*G.cairo_surface_status)
#define cairo_surface_destroy (*G.cairo_surface_destroy)
#define cairo_status_to_string (*G.cairo_status_to_string)
#define pango_font_description_from_string (*G.pango_font_description_from_string)
#define pango_font_description_free (*G.pango_font_description_free)
#define pango_layout_set_font_description (*G.pango_layout_set_font_description)
#define pango_layout_set_text (*G.pango_layout_set_text)
#define pango_layout_set_markup (*G.pango_layout_set_markup)
#define pango_layout_set_width (*G.pango_layout_set_width)
#define pango_layout_set_alignment (*G.pango_layout_set_alignment)
#define pango_layout_set_wrap (*G.pango_layout_set_wrap)
#define pango_layout_get_iter (*G.pango_layout_get_iter)
#define pango_layout_iter_get_line_extents (*G.pango_layout_iter_get_line_extents)
#define pango_layout_iter_get_baseline (*G.pango_layout_iter_get_baseline)
#define pango_layout_iter_next_line (*G.pango_layout_iter_next_line)
#define pango_layout_iter_free (*G.pango_layout_iter_free)
#define pango_layout_iter_get_line_readonly (*G.pango_layout_iter_get_line_readonly)
#define pango_cairo_create_layout (*G.pango_cairo_create_layout)
#define pango_cairo_show_layout (*G.pango_cairo_show_layout)
#define pango_cairo_show_layout_line (*G.pango_cairo_show_layout_line)
#define g_markup_escape_text (*G.g_markup_escape_text)
#define g_strdup_printf (*G.g_strdup_printf)
#define g_free (*G.g_free)
#define g_object_unref (*G.g_object_unref)

#define PT_PER_MM (72.0 / 25.4)
#define PAGE_W (210 * PT_PER_MM)
#define PAGE_H (297 * PT_PER_MM)
#define MARGIN (20 * PT_PER_MM)

struct pdf {
	cairo_t *cr;
	double y;
	int page;
	bool oom;
};

static cairo_status_t to_buf(void *closure, const unsigned char *data, unsigned int len)
{
	return rd_buf_add(closure, (const char *)data, len) ? CAIRO_STATUS_NO_MEMORY : CAIRO_STATUS_SUCCESS;
}

static void footer(struct pdf *p)
{
	PangoLayout *l = pango_cairo_create_layout(p->cr);
	PangoFontDescription *fd = pango_font_description_from_string("DejaVu Sans 8");
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	char t[32];
	snprintf(t, sizeof t, "Page %d", p->page);
	pango_layout_set_text(l, t, -1);
	pango_layout_set_width(l, (int)((PAGE_W - 2 * MARGIN) * PANGO_SCALE));
	pango_layout_set_alignment(l, PANGO_ALIGN_CENTER);
	cairo_set_source_rgb(p->cr, 0.35, 0.4, 0.46);
	cairo_move_to(p->cr, MARGIN, PAGE_H - MARGIN / 2 - 8);
	pango_cairo_show_layout(p->cr, l);
	g_object_unref(l);
}

static void new_page(struct pdf *p)
{
	footer(p);
	cairo_show_page(p->cr);
	p->page++;
	p->y = MARGIN;
}

/* Draws TEXT (markup when MARKUP) wrapped to the text width, line by line,
 * starting a new page when a line does not fit. */
static void draw(struct pdf *p, const char *font, const char *text, bool markup, double indent,
		 double before, double r, double g, double bl)
{
	PangoLayout *l = pango_cairo_create_layout(p->cr);
	PangoFontDescription *fd = pango_font_description_from_string(font);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_width(l, (int)((PAGE_W - 2 * MARGIN - indent) * PANGO_SCALE));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	if (markup)
		pango_layout_set_markup(l, text, -1);
	else
		pango_layout_set_text(l, text, -1);
	p->y += before;
	cairo_set_source_rgb(p->cr, r, g, bl);
	PangoLayoutIter *it = pango_layout_get_iter(l);
	do {
		PangoRectangle ext;
		pango_layout_iter_get_line_extents(it, NULL, &ext);
		double h = (double)ext.height / PANGO_SCALE;
		double base = (double)(pango_layout_iter_get_baseline(it) - ext.y) / PANGO_SCALE;
		if (p->y + h > PAGE_H - MARGIN) {
			new_page(p);
			cairo_set_source_rgb(p->cr, r, g, bl);
		}
		cairo_move_to(p->cr, MARGIN + indent, p->y + base);
		pango_cairo_show_layout_line(p->cr, pango_layout_iter_get_line_readonly(it));
		p->y += h;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	g_object_unref(l);
}

enum rd_err rd_report_pdf(json_t *view, struct rd_buf *out, char **errmsg)
{
	json_t *blocks = blocks_of(view);
	enum rd_err rc = rd_report_blocks_pdf(blocks, out, errmsg);
	json_decref(blocks);
	return rc;
}

/* A chart block: drawn the text width wide, on a new page when it does
 * not fit on this one. */
static enum rd_err pdf_chart(struct pdf *p, json_t *chart, char **errmsg)
{
	double w, h, width = PAGE_W - 2 * MARGIN;
	enum rd_err rc = rd_chart_size(chart, &w, &h, errmsg);
	if (rc)
		return rc;
	double hh = h * width / w;
	if (p->y + 10 + hh > PAGE_H - MARGIN)
		new_page(p);
	p->y += 10;
	rc = rd_chart_cairo(p->cr, chart, MARGIN, p->y, width, errmsg);
	p->y += hh;
	return rc;
}

enum rd_err rd_report_blocks_pdf(json_t *blocks, struct rd_buf *out, char **errmsg)
{
	enum rd_err ret = RD_OK;
	pthread_once(&pdf_once, pdf_load);
	if (pdf_rc)
		return rd_fail(RD_EIO, errmsg, "a PDF needs cairo and Pango: %s", pdf_err ? pdf_err : "not loaded");
	cairo_surface_t *surf = cairo_pdf_surface_create_for_stream(to_buf, out, PAGE_W, PAGE_H);
	cairo_t *cr = cairo_create(surf);
	struct pdf p = {cr, MARGIN, 1, false};
	const char *title = BTEXT(json_array_get(blocks, 0));
	cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_TITLE, title ? title : "report");
	cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_CREATOR, "redress");
	size_t i;
	json_t *x;
	json_array_foreach(blocks, i, x) {
		const char *label = BLABEL(x), *text = BTEXT(x);
		char *markup = NULL;
		if (label && *label) {
			char *el = g_markup_escape_text(label, -1), *et = g_markup_escape_text(text, -1);
			markup = g_strdup_printf("<b>%s</b>%s%s", el, BT(x) == B_ITEM ? " · " : ": ", et);
			g_free(el);
			g_free(et);
		}
		switch (BT(x)) {
		case B_TITLE:
			draw(&p, "DejaVu Sans Bold 18", text, false, 0, 0, 0.11, 0.14, 0.19);
			break;
		case B_META:
			draw(&p, "DejaVu Sans 9", text, false, 0, 2, 0.35, 0.4, 0.46);
			break;
		case B_H:
			if (p.y > PAGE_H - MARGIN - 80)   /* keep a heading with what follows */
				new_page(&p);
			draw(&p, "DejaVu Sans Bold 13", text, false, 0, 16, 0.11, 0.14, 0.19);
			cairo_set_source_rgb(cr, 0.79, 0.82, 0.86);
			cairo_rectangle(cr, MARGIN, p.y + 2, PAGE_W - 2 * MARGIN, 0.8);
			cairo_fill(cr);
			p.y += 6;
			break;
		case B_H3:
			draw(&p, "DejaVu Sans Bold 11", text, false, 0, 10, 0.11, 0.14, 0.19);
			break;
		case B_ITEM:
			draw(&p, "DejaVu Sans Bold 10", markup ? markup : text, markup != NULL, 0, 7, 0.11, 0.14, 0.19);
			break;
		case B_NOTE:
			draw(&p, "DejaVu Sans Oblique 10", text, false, 0, 3, 0.35, 0.4, 0.46);
			break;
		case B_CHART:
			if (!ret)
				ret = pdf_chart(&p, json_object_get(x, "chart"), errmsg);
			break;
		default:
			draw(&p, "DejaVu Sans 10", markup ? markup : text, markup != NULL, 12, 3, 0.11, 0.14, 0.19);
		}
		g_free(markup);
	}
	footer(&p);
	cairo_destroy(cr);
	cairo_surface_finish(surf);
	cairo_status_t st = cairo_surface_status(surf);
	cairo_surface_destroy(surf);
	if (ret)
		return ret;
	if (st != CAIRO_STATUS_SUCCESS || out->oom)
		ret = rd_fail(st == CAIRO_STATUS_NO_MEMORY || out->oom ? RD_ENOMEM : RD_EIO, errmsg,
			      "writing the PDF: %s", cairo_status_to_string(st));
	return ret;
}
