/* export.h — lists as CSV or XLSX: one writer used by every listing of the
 * CLI (--format csv|xlsx) and every list endpoint of the API (Accept).
 *
 * A list is a header of typed columns and rows given as JSON objects (the
 * records rd_record_list hands out, or a view's items). CSV follows RFC 4180
 * (CRLF, fields quoted when they hold a comma, quote or line break, quotes
 * doubled), UTF-8 without a byte-order mark; text cells that start with
 * = + - @ (or a tab or carriage return) get a leading ' so that a
 * spreadsheet never runs them as a formula (OWASP "CSV injection").
 * XLSX is written by libxlsxwriter, loaded on first use: typed cells
 * (numbers, dates as Excel dates, money with its currency's format), a
 * frozen bold header row, an autofilter and column widths.
 *
 * Ownership: rows are BORROWED; rd_export_finish hands the document's bytes
 * to a caller-owned struct rd_buf; errmsg as in err.h. */
#ifndef REDRESS_EXPORT_H
#define REDRESS_EXPORT_H
#include <jansson.h>
#include <stddef.h>
#include <stdio.h>

#include "redress/err.h"
#include "redress/model.h"

struct rd_buf; /* util/buf.h */

enum rd_export_format { RD_EXPORT_CSV = 1, RD_EXPORT_XLSX };

#define RD_EXPORT_CSV_TYPE "text/csv; charset=utf-8"
#define RD_EXPORT_XLSX_TYPE "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
/* The most rows one export holds (the API's default and largest limit for
 * CSV and XLSX; the CLI has no cap). */
#define RD_EXPORT_MAX_ROWS 10000

/* "csv" or "xlsx" → *out; RD_EINVAL naming the accepted ones otherwise. */
enum rd_err rd_export_format_parse(const char *s, enum rd_export_format *out, char **errmsg);
/* The file extension ("csv") and media type of a format. */
const char *rd_export_ext(enum rd_export_format f);
const char *rd_export_media_type(enum rd_export_format f);

/* One column: the JSON key of the rows and how its values are typed (TEXT,
 * INT, TIME: ISO 8601 UTC text, MONEY: decimal text, BOOL; ENUM, REF, TZ and
 * EMAIL are written as their JSON value). NAME is borrowed (static). */
struct rd_export_col {
	const char *name;
	enum rd_ftype type;
};

/* The columns of entity E in schema order, secret fields left out (what
 * rd_record_get shows). Writes at most CAP; returns how many there are. */
size_t rd_export_entity_cols(const struct rd_entity *e, struct rd_export_col *out, size_t cap);

/* The columns of a list that is not an entity's records, by view name:
 * "agenda" (rd_agenda), "obligation" (rd_obligations_json's obligations,
 * flattened with their client), "api_token" (rd_api_token_list),
 * "portal_link" (rd_portal_list). NULL when there is no such view. */
const struct rd_export_col *rd_export_view_cols(const char *view, size_t *n);

struct rd_export;

/* Starts a document of FORMAT with the NCOLS columns of COLS (borrowed,
 * must outlive the writer); SHEET names the XLSX worksheet ("clients").
 * XLSX needs libxlsxwriter (RD_EIO naming it when it cannot be loaded). */
enum rd_err rd_export_begin(enum rd_export_format format, const struct rd_export_col *cols,
			    size_t ncols, const char *sheet, struct rd_export **out, char **errmsg);
/* Adds one row: the values of REC (borrowed) under the columns' keys; a
 * missing or null value is an empty cell. */
enum rd_err rd_export_row(struct rd_export *x, json_t *rec, char **errmsg);
/* CSV only: moves the bytes written so far to F (streaming a long list);
 * XLSX keeps everything until rd_export_finish. */
enum rd_err rd_export_flush(struct rd_export *x, FILE *f, char **errmsg);
/* Ends the document and appends what is not yet flushed to OUT. */
enum rd_err rd_export_finish(struct rd_export *x, struct rd_buf *out, char **errmsg);
/* Frees the writer (after finish, or to abandon it). NULL is allowed. */
void rd_export_free(struct rd_export *x);

/* Rows written so far. */
size_t rd_export_rows(const struct rd_export *x);

#endif
