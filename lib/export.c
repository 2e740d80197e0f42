/* export.c — CSV and XLSX documents of a list (see export.h). CSV is
 * written here (RFC 4180 is a few rules); XLSX goes through libxlsxwriter,
 * resolved on first use like libical (util/dynlib.h), so that commands
 * which never write a spreadsheet do not pay for linking it. */
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "redress/export.h"
#include "redress/time.h"
#include "util/buf.h"
#include "util/dynlib.h"

enum rd_err rd_export_format_parse(const char *s, enum rd_export_format *out, char **errmsg)
{
	if (s && strcmp(s, "csv") == 0)
		*out = RD_EXPORT_CSV;
	else if (s && strcmp(s, "xlsx") == 0)
		*out = RD_EXPORT_XLSX;
	else
		return rd_fail(RD_EINVAL, errmsg, "unknown export format '%s' (accepted: csv, xlsx)",
			       s ? s : "");
	return RD_OK;
}

const char *rd_export_ext(enum rd_export_format f)
{
	return f == RD_EXPORT_XLSX ? "xlsx" : "csv";
}

const char *rd_export_media_type(enum rd_export_format f)
{
	return f == RD_EXPORT_XLSX ? RD_EXPORT_XLSX_TYPE : RD_EXPORT_CSV_TYPE;
}

size_t rd_export_entity_cols(const struct rd_entity *e, struct rd_export_col *out, size_t cap)
{
	size_t n = 0;
	for (size_t i = 0; i < e->nfields; i++) {
		if (e->fields[i].flags & RD_FF_SECRET)
			continue;
		if (n < cap)
			out[n] = (struct rd_export_col){e->fields[i].name, e->fields[i].type};
		n++;
	}
	return n;
}

/* ---- views that are not entities: a row per view, the recipe for a new
 * one is a columns array and a row here ---- */

static const struct rd_export_col agenda_cols[] = {
	{"obligation_id", RD_F_INT}, {"failure_id", RD_F_INT}, {"failure", RD_F_TEXT},
	{"client_id", RD_F_INT}, {"client", RD_F_TEXT}, {"key", RD_F_TEXT}, {"kind", RD_F_ENUM},
	{"due_at", RD_F_TIME}, {"due_local", RD_F_TEXT}, {"state", RD_F_ENUM},
	{"lateness_seconds", RD_F_INT}, {"escalation", RD_F_INT}, {"column", RD_F_TEXT},
	{"severity", RD_F_INT}, {"channels", RD_F_TEXT}, {"owner", RD_F_EMAIL}, {"chases", RD_F_INT},
};
static const struct rd_export_col obligation_cols[] = {
	{"client", RD_F_TEXT}, {"key", RD_F_TEXT}, {"kind", RD_F_ENUM}, {"due_at", RD_F_TIME},
	{"state", RD_F_ENUM}, {"channels", RD_F_TEXT}, {"met_at", RD_F_TIME},
	{"lateness_seconds", RD_F_INT}, {"escalation", RD_F_INT}, {"chases", RD_F_INT},
};
static const struct rd_export_col api_token_cols[] = {
	{"id", RD_F_INT}, {"user", RD_F_EMAIL}, {"label", RD_F_TEXT}, {"created_at", RD_F_TIME},
	{"revoked_at", RD_F_TIME},
};
static const struct rd_export_col portal_link_cols[] = {
	{"id", RD_F_INT}, {"contact", RD_F_EMAIL}, {"client_id", RD_F_INT}, {"created_by", RD_F_EMAIL},
	{"created_at", RD_F_TIME}, {"expires_at", RD_F_TIME}, {"last_used_at", RD_F_TIME},
	{"state", RD_F_ENUM},
};

#define VIEW(n, c) {n, c, sizeof c / sizeof c[0]}
static const struct {
	const char *name;
	const struct rd_export_col *cols;
	size_t n;
} views[] = {
	VIEW("agenda", agenda_cols),
	VIEW("obligation", obligation_cols),
	VIEW("api_token", api_token_cols),
	VIEW("portal_link", portal_link_cols),
};
#undef VIEW

const struct rd_export_col *rd_export_view_cols(const char *view, size_t *n)
{
	for (size_t i = 0; i < sizeof views / sizeof views[0]; i++)
		if (strcmp(views[i].name, view) == 0) {
			*n = views[i].n;
			return views[i].cols;
		}
	*n = 0;
	return NULL;
}

/* ---- libxlsxwriter, loaded on first use ---- */

static struct {
	__typeof__(workbook_new_opt) *workbook_new_opt;
	__typeof__(workbook_add_worksheet) *workbook_add_worksheet;
	__typeof__(workbook_add_format) *workbook_add_format;
	__typeof__(workbook_close) *workbook_close;
	__typeof__(format_set_bold) *format_set_bold;
	__typeof__(format_set_num_format) *format_set_num_format;
	__typeof__(worksheet_write_string) *worksheet_write_string;
	__typeof__(worksheet_write_number) *worksheet_write_number;
	__typeof__(worksheet_write_boolean) *worksheet_write_boolean;
	__typeof__(worksheet_freeze_panes) *worksheet_freeze_panes;
	__typeof__(worksheet_autofilter) *worksheet_autofilter;
	__typeof__(worksheet_set_column) *worksheet_set_column;
	__typeof__(lxw_strerror) *lxw_strerror;
} X;

#define SYM(n) {#n, (void **)&X.n}
static const struct rd_dynsym xlsx_syms[] = {
	SYM(workbook_new_opt), SYM(workbook_add_worksheet), SYM(workbook_add_format),
	SYM(workbook_close), SYM(format_set_bold), SYM(format_set_num_format),
	SYM(worksheet_write_string), SYM(worksheet_write_number), SYM(worksheet_write_boolean),
	SYM(worksheet_freeze_panes), SYM(worksheet_autofilter), SYM(worksheet_set_column),
	SYM(lxw_strerror), {NULL, NULL},
};
#undef SYM

static pthread_once_t xlsx_once = PTHREAD_ONCE_INIT;
static enum rd_err xlsx_rc;
static char *xlsx_err;

static void xlsx_load(void)
{
	static const char *const so[] = {"libxlsxwriter.so." LXW_SOVERSION, "libxlsxwriter.so", NULL};
	xlsx_rc = rd_dynlib_open(so, xlsx_syms, &xlsx_err);
}

/* ---- the writer ---- */

#define MAX_CURRENCIES 8

struct rd_export {
	enum rd_export_format format;
	const struct rd_export_col *cols;
	size_t ncols;
	size_t rows;
	struct rd_buf csv;            /* CSV bytes not yet flushed */
	/* XLSX */
	char path[64];                /* the temporary file libxlsxwriter writes */
	lxw_workbook *wb;
	lxw_worksheet *ws;
	lxw_format *bold, *date, *num;
	struct { char code[8]; lxw_format *fmt; } money[MAX_CURRENCIES];
	int nmoney;
	double *width;                /* widest cell of each column, in characters */
};

static enum rd_err csv_field(struct rd_buf *b, const char *s, bool text)
{
	/* A text cell a spreadsheet would read as a formula is defused with a
	 * leading quote; numbers and times never start with one of these. */
	bool defuse = text && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' ||
			       s[0] == '\t' || s[0] == '\r');
	bool quote = defuse || strpbrk(s, ",\"\r\n") != NULL;
	if (!quote)
		return rd_buf_adds(b, s);
	rd_buf_addc(b, '"');
	if (defuse)
		rd_buf_addc(b, '\'');
	for (const char *p = s; *p; p++) {
		if (*p == '"')
			rd_buf_addc(b, '"');
		rd_buf_addc(b, *p);
	}
	return rd_buf_addc(b, '"');
}

/* The CSV text of a JSON scalar: integers in decimal, booleans true/false,
 * null empty; other JSON (an array) compact. */
static enum rd_err csv_value(struct rd_buf *b, json_t *v, const struct rd_export_col *c)
{
	if (!v || json_is_null(v))
		return RD_OK;
	if (json_is_string(v))
		return csv_field(b, json_string_value(v),
				 c->type != RD_F_TIME && c->type != RD_F_MONEY && c->type != RD_F_INT);
	if (json_is_integer(v))
		return rd_buf_addf(b, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
	if (json_is_real(v))
		return rd_buf_addf(b, "%.17g", json_real_value(v));
	if (json_is_boolean(v))
		return rd_buf_adds(b, json_is_true(v) ? "true" : "false");
	char *d = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
	if (!d)
		return RD_ENOMEM;
	enum rd_err rc = csv_field(b, d, true);
	free(d);
	return rc;
}

static enum rd_err xlsx_fail(lxw_error e, char **errmsg, const char *what)
{
	return rd_fail(RD_EIO, errmsg, "writing the spreadsheet: %s: %s", what, X.lxw_strerror(e));
}

static enum rd_err xlsx_begin(struct rd_export *x, const char *sheet, char **errmsg)
{
	pthread_once(&xlsx_once, xlsx_load);
	if (xlsx_rc)
		return rd_fail(RD_EIO, errmsg, "XLSX needs libxlsxwriter: %s", xlsx_err ? xlsx_err : "not loaded");
	const char *dir = getenv("TMPDIR");
	snprintf(x->path, sizeof x->path, "%s/redress-xlsx-XXXXXX",
		 dir && *dir && strlen(dir) < 32 ? dir : "/tmp");
	int fd = mkstemp(x->path);
	if (fd < 0)
		return rd_fail(RD_EIO, errmsg, "cannot create a temporary file for the spreadsheet");
	close(fd);
	lxw_workbook_options opt = {.constant_memory = 0, .tmpdir = NULL};
	x->wb = X.workbook_new_opt(x->path, &opt);
	if (!x->wb)
		return rd_fail(RD_EIO, errmsg, "cannot start the spreadsheet");
	char name[32];
	snprintf(name, sizeof name, "%s", sheet && *sheet ? sheet : "list");
	x->ws = X.workbook_add_worksheet(x->wb, name);
	x->bold = X.workbook_add_format(x->wb);
	x->date = X.workbook_add_format(x->wb);
	x->num = X.workbook_add_format(x->wb);
	x->width = calloc(x->ncols ? x->ncols : 1, sizeof *x->width);
	if (!x->ws || !x->bold || !x->date || !x->num || !x->width)
		return rd_fail(RD_ENOMEM, errmsg, "out of memory starting the spreadsheet");
	X.format_set_bold(x->bold);
	X.format_set_num_format(x->date, "yyyy-mm-dd hh:mm:ss");
	X.format_set_num_format(x->num, "#,##0.00");
	for (size_t i = 0; i < x->ncols; i++) {
		lxw_error e = X.worksheet_write_string(x->ws, 0, (lxw_col_t)i, x->cols[i].name, x->bold);
		if (e)
			return xlsx_fail(e, errmsg, x->cols[i].name);
		x->width[i] = (double)strlen(x->cols[i].name) + 2;
	}
	X.worksheet_freeze_panes(x->ws, 1, 0);
	return RD_OK;
}

enum rd_err rd_export_begin(enum rd_export_format format, const struct rd_export_col *cols,
			    size_t ncols, const char *sheet, struct rd_export **out, char **errmsg)
{
	enum rd_err ret = RD_OK;
	struct rd_export *x = calloc(1, sizeof *x);
	if (!x)
		return rd_fail(RD_ENOMEM, errmsg, "out of memory");
	x->format = format;
	x->cols = cols;
	x->ncols = ncols;
	if (format == RD_EXPORT_XLSX) {
		if ((ret = xlsx_begin(x, sheet, errmsg)))
			goto out;
	} else {
		for (size_t i = 0; i < ncols; i++) {
			if (i)
				rd_buf_addc(&x->csv, ',');
			csv_field(&x->csv, cols[i].name, true);
		}
		if (rd_buf_adds(&x->csv, "\r\n"))
			ret = rd_fail(RD_ENOMEM, errmsg, "out of memory");
	}
out:
	if (ret) {
		rd_export_free(x);
		x = NULL;
	}
	*out = x;
	return ret;
}

/* The money format of CURRENCY ("#,##0.00 [$EUR]"), made once per code. */
static lxw_format *money_format(struct rd_export *x, const char *currency)
{
	if (!currency || !*currency || strlen(currency) >= 8 || strpbrk(currency, "\"]["))
		return x->num;
	for (int i = 0; i < x->nmoney; i++)
		if (strcmp(x->money[i].code, currency) == 0)
			return x->money[i].fmt;
	if (x->nmoney == MAX_CURRENCIES)
		return x->num;
	lxw_format *f = X.workbook_add_format(x->wb);
	if (!f)
		return x->num;
	char nf[48];
	snprintf(nf, sizeof nf, "#,##0.00 [$%s]", currency);
	X.format_set_num_format(f, nf);
	snprintf(x->money[x->nmoney].code, sizeof x->money[0].code, "%s", currency);
	x->money[x->nmoney++].fmt = f;
	return f;
}

static enum rd_err xlsx_row(struct rd_export *x, json_t *rec, char **errmsg)
{
	if (x->rows + 1 >= LXW_ROW_MAX)
		return rd_fail(RD_EINVAL, errmsg, "too many rows for a spreadsheet");
	lxw_row_t r = (lxw_row_t)(x->rows + 1);
	const char *currency = json_string_value(json_object_get(rec, "currency"));
	for (size_t i = 0; i < x->ncols; i++) {
		const struct rd_export_col *c = &x->cols[i];
		json_t *v = json_object_get(rec, c->name);
		lxw_col_t col = (lxw_col_t)i;
		lxw_error e = LXW_NO_ERROR;
		double w = 0;
		if (!v || json_is_null(v))
			continue;
		if (json_is_integer(v)) {
			e = X.worksheet_write_number(x->ws, r, col, (double)json_integer_value(v), NULL);
			w = 8;
		} else if (json_is_real(v)) {
			e = X.worksheet_write_number(x->ws, r, col, json_real_value(v), NULL);
			w = 10;
		} else if (json_is_boolean(v)) {
			e = X.worksheet_write_boolean(x->ws, r, col, json_is_true(v), NULL);
			w = 6;
		} else if (json_is_string(v)) {
			const char *s = json_string_value(v);
			int64_t t;
			char *endp;
			double d;
			if (c->type == RD_F_TIME && rd_time_parse(s, &t, NULL) == RD_OK) {
				/* Excel counts days from 1899-12-30; the epoch is day 25569. */
				e = X.worksheet_write_number(x->ws, r, col, (double)t / 86400.0 + 25569.0, x->date);
				w = 20;
			} else if (c->type == RD_F_MONEY && (d = strtod(s, &endp), *s && !*endp && isfinite(d))) {
				e = X.worksheet_write_number(x->ws, r, col, d, money_format(x, currency));
				w = (double)strlen(s) + 8;
			} else {
				e = X.worksheet_write_string(x->ws, r, col, s, NULL);
				w = (double)strlen(s);
			}
		} else {
			char *d = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
			if (!d)
				return rd_fail(RD_ENOMEM, errmsg, "out of memory");
			e = X.worksheet_write_string(x->ws, r, col, d, NULL);
			w = (double)strlen(d);
			free(d);
		}
		if (e)
			return xlsx_fail(e, errmsg, c->name);
		if (w + 2 > x->width[i])
			x->width[i] = w + 2;
	}
	return RD_OK;
}

enum rd_err rd_export_row(struct rd_export *x, json_t *rec, char **errmsg)
{
	enum rd_err ret = RD_OK;
	if (x->format == RD_EXPORT_XLSX) {
		if ((ret = xlsx_row(x, rec, errmsg)))
			goto out;
	} else {
		for (size_t i = 0; i < x->ncols; i++) {
			if (i)
				rd_buf_addc(&x->csv, ',');
			csv_value(&x->csv, json_object_get(rec, x->cols[i].name), &x->cols[i]);
		}
		if (rd_buf_adds(&x->csv, "\r\n")) {
			ret = rd_fail(RD_ENOMEM, errmsg, "out of memory writing CSV");
			goto out;
		}
	}
	x->rows++;
out:
	return ret;
}

enum rd_err rd_export_flush(struct rd_export *x, FILE *f, char **errmsg)
{
	if (x->format != RD_EXPORT_CSV || x->csv.len == 0)
		return RD_OK;
	if (fwrite(x->csv.data, 1, x->csv.len, f) != x->csv.len)
		return rd_fail(RD_EIO, errmsg, "cannot write the CSV output");
	x->csv.len = 0;
	x->csv.data[0] = '\0';
	return RD_OK;
}

enum rd_err rd_export_finish(struct rd_export *x, struct rd_buf *out, char **errmsg)
{
	enum rd_err ret = RD_OK;
	if (x->format == RD_EXPORT_CSV) {
		if (x->csv.len && rd_buf_add(out, x->csv.data, x->csv.len))
			return rd_fail(RD_ENOMEM, errmsg, "out of memory");
		x->csv.len = 0;
		return RD_OK;
	}
	for (size_t i = 0; i < x->ncols; i++)
		X.worksheet_set_column(x->ws, (lxw_col_t)i, (lxw_col_t)i,
				       x->width[i] > 60 ? 60 : x->width[i], NULL);
	if (x->ncols)
		X.worksheet_autofilter(x->ws, 0, 0, (lxw_row_t)x->rows, (lxw_col_t)(x->ncols - 1));
	lxw_error e = X.workbook_close(x->wb);
	x->wb = NULL;
	if (e)
		return xlsx_fail(e, errmsg, "closing");
	char *data = NULL;
	size_t len = 0;
	if ((ret = rd_file_read(x->path, &data, &len, errmsg)))
		return ret;
	if (rd_buf_add(out, data, len))
		ret = rd_fail(RD_ENOMEM, errmsg, "out of memory");
	free(data);
	return ret;
}

void rd_export_free(struct rd_export *x)
{
	if (!x)
		return;
	if (x->wb) {
		X.workbook_close(x->wb);   /* abandoned: still frees the workbook */
		x->wb = NULL;
	}
	if (x->path[0])
		unlink(x->path);
	rd_buf_free(&x->csv);
	free(x->width);
	free(x);
}

size_t rd_export_rows(const struct rd_export *x)
{
	return x->rows;
}
