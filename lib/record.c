/* record.c — the generic record engine: validates JSON input against the
 * entity table (schema.c), inserts and updates rows through prepared
 * statements, and writes the audit-log row in the same transaction.
 *
 * SQL here is assembled only from the schema table's compile-time column
 * and table names; every value is a bound parameter. */
#include <ctype.h>
#include <inttypes.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "model_int.h"
#include "redress/time.h"
#include "redress/webhook.h"
#include "util/buf.h"
#include "util/digits.h"
#include "util/jsonw.h"

#define MAX_TEXT (1024 * 1024)

static const struct rd_entity *entity_or_fail(const char *name, char **errmsg)
{
	const struct rd_entity *e = rd_entity_find(name);
	if (!e)
		rd_fail(RD_EINVAL, errmsg, "unknown entity '%s'", name);
	return e;
}

/* ---- money ---- */

enum rd_err rd_money_parse(const char *s, int64_t *cents, char **errmsg)
{
	const char *p = s;
	int64_t units = 0, frac = 0;
	int fdigits = 0, digits = 0;
	while (*p == ' ')
		p++;
	if (*p == '-')
		return rd_fail(RD_EINVAL, errmsg, "amount '%s' is negative", s);
	for (; *p; p++) {
		if (isdigit((unsigned char)*p)) {
			if (units > INT64_MAX / 1000)
				return rd_fail(RD_EINVAL, errmsg, "amount '%s' is too large", s);
			units = units * 10 + (*p - '0');
			digits++;
		} else if (*p == ',' || *p == '_') {
			continue; /* thousands separator */
		} else {
			break;
		}
	}
	if (*p == '.') {
		p++;
		while (isdigit((unsigned char)*p)) {
			if (fdigits >= 2)
				return rd_fail(RD_EINVAL, errmsg,
					"amount '%s' has more than two decimals", s);
			frac = frac * 10 + (*p - '0');
			fdigits++;
			p++;
		}
	}
	while (*p == ' ')
		p++;
	if (*p || digits == 0)
		return rd_fail(RD_EINVAL, errmsg, "'%s' is not an amount (expected e.g. 4500 or 4,500.50)", s);
	if (units > (INT64_MAX - 99) / 100) /* units * 100 + frac must fit */
		return rd_fail(RD_EINVAL, errmsg, "amount '%s' is too large", s);
	if (fdigits == 1)
		frac *= 10;
	*cents = units * 100 + frac;
	return RD_OK;
}

char *rd_money_decimal(int64_t cents, char *buf, size_t n)
{
	uint64_t a = cents < 0 ? (uint64_t)0 - (uint64_t)cents : (uint64_t)cents;
	snprintf(buf, n, "%s%" PRIu64 ".%02" PRIu64, cents < 0 ? "-" : "", a / 100, a % 100);
	return buf;
}

/* ---- input conversion ---- */

static bool all_digits(const char *s)
{
	if (*s == '#')
		s++;
	if (!*s)
		return false;
	for (; *s; s++)
		if (!isdigit((unsigned char)*s))
			return false;
	return true;
}

enum rd_err rd_record_lookup(struct rd_store *s, const char *entity, const char *key,
			     int64_t *id, char **errmsg)
{
	const struct rd_entity *e = entity_or_fail(entity, errmsg);
	if (!e)
		return RD_EINVAL;
	if (!key || !*key)
		return rd_fail(RD_EINVAL, errmsg, "empty %s name", entity);
	struct rd_buf sql = RD_BUF_INIT;
	bool by_id = all_digits(key) || !e->label;
	if (by_id && !all_digits(key))
		return rd_fail(RD_EINVAL, errmsg, "%s '%s' is not a number (a %s is named by its id)",
			       entity, key, entity);
	if (by_id)
		rd_buf_addf(&sql, "SELECT id FROM %s WHERE id = ?1", e->table);
	else
		rd_buf_addf(&sql, "SELECT id FROM %s WHERE %s = ?1 LIMIT 2", e->table, e->label);
	if (sql.oom)
		return RD_ENOMEM;
	struct rd_stmt *st;
	enum rd_err rc = rd_store_prepare(s, sql.data, &st);
	rd_buf_free(&sql);
	if (rc)
		return rd_fail(RD_EDB, errmsg, "lookup of %s failed: %s", entity, rd_store_errmsg(s));
	if (by_id) {
		char *end;
		const char *num = key[0] == '#' ? key + 1 : key;
		long long v = strtoll(num, &end, 10);
		rd_stmt_bind_int(st, 1, v);
	} else {
		rd_stmt_bind_text(st, 1, key);
	}
	bool row;
	int found = 0;
	while ((rc = rd_stmt_step(st, &row)) == RD_OK && row) {
		*id = rd_stmt_col_int(st, 0);
		found++;
	}
	rd_stmt_free(st);
	if (rc)
		return rd_fail(RD_EDB, errmsg, "lookup of %s failed", entity);
	if (found == 0)
		return rd_fail(RD_ENOTFOUND, errmsg, "unknown %s '%s'", entity, key);
	if (found > 1)
		return rd_fail(RD_EINVAL, errmsg, "%s '%s' is ambiguous: give its id", entity, key);
	return RD_OK;
}

static enum rd_err check_text(const struct rd_field *f, const char *entity, json_t *v, char **errmsg)
{
	if (!json_is_string(v))
		return rd_fail(RD_EINVAL, errmsg, "%s.%s must be a string", entity, f->name);
	size_t n = json_string_length(v);
	const char *t = json_string_value(v);
	if (strlen(t) != n)
		return rd_fail(RD_EINVAL, errmsg, "%s.%s contains a NUL character", entity, f->name);
	if (n > MAX_TEXT)
		return rd_fail(RD_EINVAL, errmsg, "%s.%s is longer than %d bytes", entity, f->name, MAX_TEXT);
	size_t bad;
	if (!rd_utf8_valid(t, n, &bad))
		return rd_fail(RD_EINVAL, errmsg, "%s.%s is not valid UTF-8 (byte %zu)", entity, f->name, bad);
	return RD_OK;
}

static void list_values(struct rd_buf *b, const char *const *values)
{
	for (int i = 0; values[i]; i++)
		rd_buf_addf(b, "%s%s", i ? ", " : "", values[i]);
}

/* Converts an input value for field F to its column value: a JSON integer,
 * string or null. *out is a new reference. */
static enum rd_err convert_in(struct rd_store *s, const struct rd_entity *e, const struct rd_field *f,
			      json_t *v, json_t **out, char **errmsg)
{
	const char *en = e->name;
	*out = NULL;
	if (json_is_null(v)) {
		if (f->flags & RD_FF_REQUIRED)
			return rd_fail(RD_EINVAL, errmsg, "%s.%s is required", en, f->name);
		if (f->flags & RD_FF_NOTNULL)
			return rd_fail(RD_EINVAL, errmsg, "%s.%s cannot be null (leave it out instead)",
				       en, f->name);
		*out = json_null();
		return RD_OK;
	}
	switch (f->type) {
	case RD_F_TEXT: {
		enum rd_err rc = check_text(f, en, v, errmsg);
		if (rc)
			return rc;
		const char *t = json_string_value(v);
		const char *p = t;
		while (isspace((unsigned char)*p))
			p++;
		if ((f->flags & RD_FF_REQUIRED) && !*p)
			return rd_fail(RD_EINVAL, errmsg, "%s.%s must not be empty", en, f->name);
		*out = json_incref(v);
		return RD_OK;
	}
	case RD_F_EMAIL: {
		enum rd_err rc = check_text(f, en, v, errmsg);
		if (rc)
			return rc;
		const char *t = json_string_value(v);
		const char *at = strchr(t, '@');
		if (!at || at == t || !at[1] || strchr(at + 1, '@') || strpbrk(t, " \t\r\n<>,;") ||
		    strlen(t) > 254 || !strchr(at + 1, '.'))
			return rd_fail(RD_EINVAL, errmsg, "%s.%s: '%s' is not an email address", en, f->name, t);
		*out = json_incref(v);
		return RD_OK;
	}
	case RD_F_TZ: {
		enum rd_err rc = check_text(f, en, v, errmsg);
		if (rc)
			return rc;
		char *why = NULL; /* unknown zone, or ICU itself missing: say which */
		if ((rc = rd_tz_check(json_string_value(v), &why))) {
			rc = rd_fail(rc, errmsg, "%s.%s: %s", en, f->name, why ? why : "unknown time zone");
			free(why);
			return rc;
		}
		*out = json_incref(v);
		return RD_OK;
	}
	case RD_F_INT: {
		json_int_t n;
		if (json_is_integer(v)) {
			n = json_integer_value(v);
		} else if (json_is_string(v) && *json_string_value(v)) {
			char *end;
			const char *t = json_string_value(v);
			n = strtoll(t, &end, 10);
			if (*end || !(isdigit((unsigned char)*t) || *t == '-'))
				return rd_fail(RD_EINVAL, errmsg, "%s.%s: '%s' is not a whole number", en, f->name, t);
		} else {
			return rd_fail(RD_EINVAL, errmsg, "%s.%s must be a whole number", en, f->name);
		}
		if (f->min < f->max && (n < f->min || n > f->max))
			return rd_fail(RD_EINVAL, errmsg, "%s.%s must be between %" PRId64 " and %" PRId64 ", got %lld",
				       en, f->name, f->min, f->max, (long long)n);
		*out = json_integer(n);
		return RD_OK;
	}
	case RD_F_BOOL: {
		if (json_is_boolean(v)) {
			*out = json_integer(json_is_true(v));
			return RD_OK;
		}
		const char *t = json_is_string(v) ? json_string_value(v) : "";
		if (!strcmp(t, "true") || !strcmp(t, "yes") || !strcmp(t, "1"))
			*out = json_integer(1);
		else if (!strcmp(t, "false") || !strcmp(t, "no") || !strcmp(t, "0"))
			*out = json_integer(0);
		else
			return rd_fail(RD_EINVAL, errmsg, "%s.%s must be true or false", en, f->name);
		return RD_OK;
	}
	case RD_F_TIME: {
		if (json_is_integer(v)) {
			/* Epoch seconds: the range rd_time_parse accepts (1970 … 9999),
			 * so every stored time formats back as ISO 8601. */
			if (json_integer_value(v) < 0 || json_integer_value(v) > INT64_C(253402300799))
				return rd_fail(RD_EINVAL, errmsg, "%s.%s: %" JSON_INTEGER_FORMAT
					       " is out of range for a time", en, f->name, json_integer_value(v));
			*out = json_incref(v);
			return RD_OK;
		}
		if (!json_is_string(v))
			return rd_fail(RD_EINVAL, errmsg, "%s.%s must be an ISO 8601 time", en, f->name);
		int64_t t;
		char *m = NULL;
		if (rd_time_parse(json_string_value(v), &t, &m)) {
			rd_fail(RD_EINVAL, errmsg, "%s.%s: %s", en, f->name, m ? m : "bad time");
			free(m);
			return RD_EINVAL;
		}
		*out = json_integer(t);
		return RD_OK;
	}
	case RD_F_MONEY: {
		int64_t c;
		if (json_is_integer(v)) {
			if (json_integer_value(v) < 0)
				return rd_fail(RD_EINVAL, errmsg, "%s.%s must not be negative", en, f->name);
			if (json_integer_value(v) > INT64_MAX / 100)
				return rd_fail(RD_EINVAL, errmsg, "%s.%s is too large", en, f->name);
			c = json_integer_value(v) * 100;
		} else if (json_is_real(v)) {
			double d = json_real_value(v);
			if (!(d >= 0) || d > 1e15)
				return rd_fail(RD_EINVAL, errmsg, "%s.%s must be a non-negative amount", en, f->name);
			c = (int64_t)llround(d * 100);
		} else if (json_is_string(v)) {
			char *m = NULL;
			if (rd_money_parse(json_string_value(v), &c, &m)) {
				rd_fail(RD_EINVAL, errmsg, "%s.%s: %s", en, f->name, m ? m : "bad amount");
				free(m);
				return RD_EINVAL;
			}
		} else {
			return rd_fail(RD_EINVAL, errmsg, "%s.%s must be an amount", en, f->name);
		}
		*out = json_integer(c);
		return RD_OK;
	}
	case RD_F_ENUM: {
		const char *t = json_is_string(v) ? json_string_value(v) : NULL;
		for (int i = 0; t && f->values[i]; i++) {
			if (strcmp(t, f->values[i]) == 0) {
				*out = json_incref(v);
				return RD_OK;
			}
		}
		struct rd_buf b = RD_BUF_INIT;
		list_values(&b, f->values);
		rd_fail(RD_EINVAL, errmsg, "%s.%s: '%s' is not one of: %s", en, f->name,
			t ? t : "(not a string)", b.data ? b.data : "");
		rd_buf_free(&b);
		return RD_EINVAL;
	}
	case RD_F_REF: {
		int64_t id;
		char *m = NULL;
		enum rd_err rc;
		if (json_is_integer(v)) {
			char num[32];
			snprintf(num, sizeof num, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
			rc = rd_record_lookup(s, f->ref, num, &id, &m);
		} else if (json_is_string(v)) {
			rc = check_text(f, en, v, errmsg);
			if (rc)
				return rc;
			rc = rd_record_lookup(s, f->ref, json_string_value(v), &id, &m);
		} else {
			return rd_fail(RD_EINVAL, errmsg, "%s.%s must name a %s", en, f->name, f->ref);
		}
		if (rc) {
			rd_fail(rc == RD_ENOTFOUND ? RD_EINVAL : rc, errmsg, "%s", m ? m : "lookup failed");
			free(m);
			return rc == RD_ENOTFOUND ? RD_EINVAL : rc;
		}
		*out = json_integer(id);
		return RD_OK;
	}
	}
	return RD_EINVAL;
}

/* The field an input key names: its own name, or a reference's name
 * without "_id" ("client" for client_id). */
static const struct rd_field *field_for_key(const struct rd_entity *e, const char *key)
{
	const struct rd_field *f = rd_entity_field(e, key);
	if (f)
		return f;
	size_t n = strlen(key);
	for (size_t i = 0; i < e->nfields; i++) {
		const struct rd_field *g = &e->fields[i];
		if (g->type == RD_F_REF && strncmp(g->name, key, n) == 0 && strcmp(g->name + n, "_id") == 0)
			return g;
	}
	return NULL;
}

static enum rd_err unknown_field(const struct rd_entity *e, const char *key, char **errmsg)
{
	struct rd_buf b = RD_BUF_INIT;
	int k = 0;
	for (size_t i = 0; i < e->nfields; i++) {
		if (e->fields[i].flags & RD_FF_INTERNAL)
			continue;
		rd_buf_addf(&b, "%s%s", k++ ? ", " : "", e->fields[i].name);
	}
	rd_fail(RD_EINVAL, errmsg, "unknown field '%s' for %s (accepted: %s)", key, e->name,
		b.data ? b.data : "");
	rd_buf_free(&b);
	return RD_EINVAL;
}

/* Validates IN (user input) and EXTRA (trusted, already column values) into
 * COLS: an object field name → column value. */
static enum rd_err validate(struct rd_store *s, const struct rd_entity *e, json_t *in, json_t *extra,
			    bool create, json_t *cols, char **errmsg)
{
	const char *key;
	json_t *v;
	if (in && !json_is_object(in))
		return rd_fail(RD_EINVAL, errmsg, "%s input must be a JSON object", e->name);
	json_object_foreach(in, key, v) {
		const struct rd_field *f = field_for_key(e, key);
		if (!f)
			return unknown_field(e, key, errmsg);
		if (f->flags & RD_FF_INTERNAL)
			return rd_fail(RD_EINVAL, errmsg, "%s.%s is set by redress and cannot be given",
				       e->name, f->name);
		if (!create && (f->flags & RD_FF_FIXED))
			return rd_fail(RD_EINVAL, errmsg, "%s.%s cannot be changed", e->name, f->name);
		if (json_object_get(cols, f->name))
			return rd_fail(RD_EINVAL, errmsg, "%s.%s given twice", e->name, f->name);
		json_t *c;
		enum rd_err rc = convert_in(s, e, f, v, &c, errmsg);
		if (rc)
			return rc;
		json_object_set_new(cols, f->name, c);
	}
	json_object_foreach(extra, key, v) {
		if (!rd_entity_field(e, key))
			return rd_fail(RD_EINVAL, errmsg, "internal: %s has no field %s", e->name, key);
		json_object_set(cols, key, v);
	}
	if (create) {
		for (size_t i = 0; i < e->nfields; i++) {
			const struct rd_field *f = &e->fields[i];
			if ((f->flags & RD_FF_REQUIRED) && !json_object_get(cols, f->name))
				return rd_fail(RD_EINVAL, errmsg, "%s.%s is required", e->name, f->name);
		}
	}
	return RD_OK;
}

static enum rd_err bind_json(struct rd_stmt *st, int idx, json_t *v)
{
	if (json_is_integer(v))
		return rd_stmt_bind_int(st, idx, json_integer_value(v));
	if (json_is_string(v))
		return rd_stmt_bind_text(st, idx, json_string_value(v));
	if (json_is_real(v))
		return rd_stmt_bind_double(st, idx, json_real_value(v));
	return rd_stmt_bind_null(st, idx);
}

/* ---- output ---- */

/* What a record shows of column COL (field F) of ST's row: null, an
 * integer, a boolean, a time or money as text, text (text that is not
 * UTF-8, written by something else, as null). */
struct shown {
	enum { SHOWN_NULL, SHOWN_INT, SHOWN_BOOL, SHOWN_TEXT } kind;
	int64_t i;
	const char *text;       /* SHOWN_TEXT: borrowed (from the row or BUF) */
	char buf[RD_TIME_BUFSZ > 32 ? RD_TIME_BUFSZ : 32];
};

static void shown_value(const struct rd_field *f, struct rd_stmt *st, int col, struct shown *v)
{
	v->kind = SHOWN_NULL;
	if (rd_stmt_col_null(st, col))
		return;
	switch (f->type) {
	case RD_F_INT:
	case RD_F_REF:
		v->kind = SHOWN_INT;
		v->i = rd_stmt_col_int(st, col);
		break;
	case RD_F_BOOL:
		v->kind = SHOWN_BOOL;
		v->i = rd_stmt_col_int(st, col) != 0;
		break;
	case RD_F_TIME:
		v->kind = SHOWN_TEXT;
		v->text = rd_time_format(rd_stmt_col_int(st, col), v->buf);
		break;
	case RD_F_MONEY:
		v->kind = SHOWN_TEXT;
		v->text = rd_money_decimal(rd_stmt_col_int(st, col), v->buf, sizeof v->buf);
		break;
	default: {
		const char *t = rd_stmt_col_text(st, col);
		/* not UTF-8 (written by something else): null */
		if (t && rd_utf8_valid(t, strlen(t), NULL)) {
			v->kind = SHOWN_TEXT;
			v->text = t;
		}
	}
	}
}

/* The row as a tree: its one implementation, the writer, building it
 * (NULL when out of memory). */
static json_t *row_to_json(const struct rd_entity *e, struct rd_stmt *st)
{
	struct rd_jw w;
	json_t *o;
	rd_jw_init_tree(&w);
	rd_record_write_row(e, st, &w);
	return rd_jw_tree(&w, &o) == RD_OK ? o : NULL;
}

void rd_record_write_members(const struct rd_entity *e, struct rd_stmt *st, struct rd_jw *w)
{
	int col = 0;
	for (size_t i = 0; i < e->nfields; i++) {
		const struct rd_field *f = &e->fields[i];
		if (f->flags & RD_FF_SECRET)
			continue;
		struct shown v;
		shown_value(f, st, col++, &v);
		rd_jw_key(w, f->name);
		if (v.kind == SHOWN_INT)
			rd_jw_int(w, v.i);
		else if (v.kind == SHOWN_BOOL)
			rd_jw_bool(w, v.i);
		else if (v.kind == SHOWN_TEXT)
			rd_jw_str(w, v.text);
		else
			rd_jw_null(w);
	}
}

void rd_record_write_row(const struct rd_entity *e, struct rd_stmt *st, struct rd_jw *w)
{
	rd_jw_obj(w);
	rd_record_write_members(e, st, w);
	rd_jw_end_obj(w);
}

int rd_record_col(const struct rd_entity *e, const char *field)
{
	int col = 0;
	for (size_t i = 0; i < e->nfields; i++) {
		if (e->fields[i].flags & RD_FF_SECRET)
			continue;
		if (!strcmp(e->fields[i].name, field))
			return col;
		col++;
	}
	return -1;
}

const char *rd_record_col_text(const struct rd_entity *e, struct rd_stmt *st, const char *field)
{
	int col = rd_record_col(e, field);
	const char *t = col < 0 ? NULL : rd_stmt_col_text(st, col);
	/* not UTF-8 (written by something else): row_to_json shows null */
	return t && rd_utf8_valid(t, strlen(t), NULL) ? t : NULL;
}

/* Appends the placeholder ?N (N >= 1): the writes build their statements
 * on every call, and formatting through vsnprintf was most of that cost. */
static void add_param(struct rd_buf *b, int n)
{
	char d[24] = "?";
	rd_buf_add(b, d, (size_t)(rd_put_uint(d + 1, (uint64_t)n) - d));
}

static void select_columns(struct rd_buf *b, const struct rd_entity *e)
{
	int k = 0;
	for (size_t i = 0; i < e->nfields; i++) {
		if (e->fields[i].flags & RD_FF_SECRET)
			continue;
		/* appended, not formatted: every record read and write builds this list */
		if (k++)
			rd_buf_adds(b, ", ");
		rd_buf_adds(b, e->fields[i].column);
	}
}

/* The texts of the reads below, built once per process from the schema
 * table (compile-time names only) and kept: a read of a record by id, or
 * of the records whose field BY equals ?1, in the entity's order. */
struct sql_text {
	const struct rd_entity *e;
	char *by;         /* NULL: by id; else the field's name (owned, never freed) */
	char *sql;
};
#define SQL_TEXTS 64
static struct sql_text sql_texts[SQL_TEXTS];
static size_t n_sql_texts;
static pthread_mutex_t sql_texts_lock = PTHREAD_MUTEX_INITIALIZER;

static char *build_select(const struct rd_entity *e, const char *by)
{
	struct rd_buf sql = RD_BUF_INIT;
	rd_buf_adds(&sql, "SELECT ");
	select_columns(&sql, e);
	if (!by) {
		rd_buf_addf(&sql, " FROM %s WHERE id = ?1", e->table);
	} else {
		const struct rd_field *f = rd_entity_field(e, by);
		if (!f) {
			rd_buf_free(&sql);
			return NULL;
		}
		/* no LIMIT/OFFSET, unlike rd_record_list's text: with one, SQLite
		 * orders through an ephemeral b-tree (a page zeroed and a table
		 * made on every read) where without it sorts in memory; both keep
		 * the index's scan order among rows of equal keys (the dashboard
		 * test holds two contacts of one name equal either way) */
		rd_buf_addf(&sql, " FROM %s WHERE %s = ?1 ORDER BY %s", e->table, f->column, e->order);
	}
	if (sql.oom) {
		rd_buf_free(&sql);
		return NULL;
	}
	return rd_buf_detach(&sql);
}

/* Borrowed, valid for the life of the process; NULL when out of memory
 * or BY is not a field of E. Past SQL_TEXTS pairs (more than the library
 * asks for) a text is built for the call: *owned then says to free it. */
static const char *select_sql(const struct rd_entity *e, const char *by, char **owned)
{
	const char *found = NULL;
	*owned = NULL;
	pthread_mutex_lock(&sql_texts_lock);
	for (size_t i = 0; i < n_sql_texts && !found; i++)
		if (sql_texts[i].e == e && (sql_texts[i].by == by || (by && sql_texts[i].by && !strcmp(sql_texts[i].by, by))))
			found = sql_texts[i].sql;
	if (!found) {
		char *t = build_select(e, by);
		char *key = by ? strdup(by) : NULL; /* kept: the caller's BY may not live as long */
		if (t && (!by || key) && n_sql_texts < SQL_TEXTS) {
			sql_texts[n_sql_texts++] = (struct sql_text){e, key, t};
			found = t;
		} else {
			free(key);
			found = *owned = t;
		}
	}
	pthread_mutex_unlock(&sql_texts_lock);
	return found;
}

static enum rd_err get_entity(struct rd_store *s, const struct rd_entity *e, int64_t id, json_t **out,
			      char **errmsg)
{
	char *owned;
	const char *sql = select_sql(e, NULL, &owned);
	if (!sql)
		return RD_ENOMEM;
	struct rd_stmt *st;
	enum rd_err rc = rd_store_prepare(s, sql, &st);
	free(owned);
	if (rc)
		return rd_fail(RD_EDB, errmsg, "reading %s: %s", e->name, rd_store_errmsg(s));
	rd_stmt_bind_int(st, 1, id);
	bool row;
	rc = rd_stmt_step(st, &row);
	if (rc == RD_OK && row)
		*out = row_to_json(e, st);
	rd_stmt_free(st);
	if (rc)
		return rd_fail(RD_EDB, errmsg, "reading %s: %s", e->name, rd_store_errmsg(s));
	if (!row)
		return rd_fail(RD_ENOTFOUND, errmsg, "no %s with id %" PRId64, e->name, id);
	return RD_OK;
}

enum rd_err rd_record_get(struct rd_store *s, const char *entity, int64_t id, json_t **out,
			  char **errmsg)
{
	const struct rd_entity *e = entity_or_fail(entity, errmsg);
	if (!e)
		return RD_EINVAL;
	return get_entity(s, e, id, out, errmsg);
}

enum rd_err rd_record_list(struct rd_store *s, const char *entity, json_t *filter,
			   int64_t limit, int64_t offset,
			   int (*fn)(json_t *rec, void *ctx), void *ctx, char **errmsg)
{
	const struct rd_entity *e = entity_or_fail(entity, errmsg);
	if (!e)
		return RD_EINVAL;
	json_t *cols = json_object();
	enum rd_err rc = RD_OK;
	const char *key;
	json_t *v;
	json_object_foreach(filter, key, v) {
		const struct rd_field *f = field_for_key(e, key);
		if (!f) {
			rc = unknown_field(e, key, errmsg);
			goto out;
		}
		json_t *c;
		if ((rc = convert_in(s, e, f, v, &c, errmsg)))
			goto out;
		json_object_set_new(cols, f->name, c);
	}
	struct rd_buf sql = RD_BUF_INIT;
	rd_buf_adds(&sql, "SELECT ");
	select_columns(&sql, e);
	rd_buf_addf(&sql, " FROM %s", e->table);
	int n = 0;
	json_object_foreach(cols, key, v) {
		const struct rd_field *f = rd_entity_field(e, key);
		if (json_is_null(v))
			rd_buf_addf(&sql, "%s %s IS NULL", n ? " AND" : " WHERE", f->column);
		else
			rd_buf_addf(&sql, "%s %s = ?%d", n ? " AND" : " WHERE", f->column, n + 1);
		n++;
	}
	rd_buf_addf(&sql, " ORDER BY %s LIMIT ?%d OFFSET ?%d", e->order, n + 1, n + 2);
	if (sql.oom) {
		rc = RD_ENOMEM;
		goto out;
	}
	struct rd_stmt *st;
	rc = rd_store_prepare(s, sql.data, &st);
	rd_buf_free(&sql);
	if (rc) {
		rc = rd_fail(RD_EDB, errmsg, "listing %s: %s", e->plural, rd_store_errmsg(s));
		goto out;
	}
	int i = 0;
	json_object_foreach(cols, key, v) {
		if (!json_is_null(v))
			bind_json(st, i + 1, v);
		i++;
	}
	rd_stmt_bind_int(st, n + 1, limit > 0 ? limit : INT64_MAX); /* no limit, on both backends */
	rd_stmt_bind_int(st, n + 2, offset > 0 ? offset : 0);
	bool row;
	while ((rc = rd_stmt_step(st, &row)) == RD_OK && row) {
		json_t *rec = row_to_json(e, st);
		int stop = fn(rec, ctx);
		json_decref(rec);
		if (stop)
			break;
	}
	rd_stmt_free(st);
	if (rc)
		rc = rd_fail(RD_EDB, errmsg, "listing %s: %s", e->plural, rd_store_errmsg(s));
out:
	json_decref(cols);
	return rc;
}

static int append_record(json_t *rec, void *arr)
{
	json_array_append(arr, rec);
	return 0;
}

enum rd_err rd_record_attach(struct rd_store *s, json_t *obj, const char *key, const char *entity,
			     const char *field, int64_t id, char **errmsg)
{
	json_t *arr = json_array();
	json_t *filter = json_pack("{sI}", field, (json_int_t)id);
	enum rd_err rc = rd_record_list(s, entity, filter, 0, 0, append_record, arr, errmsg);
	json_decref(filter);
	if (rc) {
		json_decref(arr);
		return rc;
	}
	json_object_set_new(obj, key, arr);
	return RD_OK;
}

enum rd_err rd_record_write_get(struct rd_store *s, const char *entity, int64_t id, struct rd_jw *w,
				void (*peek)(const struct rd_entity *e, struct rd_stmt *st, void *ctx), void *ctx,
				char **errmsg)
{
	const struct rd_entity *e = entity_or_fail(entity, errmsg);
	if (!e)
		return RD_EINVAL;
	char *owned;
	const char *sql = select_sql(e, NULL, &owned);
	if (!sql)
		return rd_fail(RD_ENOMEM, errmsg, "out of memory");
	struct rd_stmt *st;
	bool row = false;
	enum rd_err rc = rd_store_prepare(s, sql, &st);
	free(owned);
	if (rc == RD_OK) {
		rd_stmt_bind_int(st, 1, id);
		if ((rc = rd_stmt_step(st, &row)) == RD_OK && row) {
			rd_record_write_members(e, st, w);
			if (peek)
				peek(e, st, ctx);
		}
	}
	rd_stmt_free(st);
	if (rc)
		return rd_fail(RD_EDB, errmsg, "reading %s: %s", e->name, rd_store_errmsg(s));
	if (!row)
		return rd_fail(RD_ENOTFOUND, errmsg, "no %s with id %" PRId64, e->name, id);
	return RD_OK;
}

enum rd_err rd_record_write_list(struct rd_store *s, const char *entity, const char *field, int64_t id,
				 struct rd_jw *w,
				 void (*peek)(const struct rd_entity *e, struct rd_stmt *st, void *ctx),
				 void *ctx, char **errmsg)
{
	const struct rd_entity *e = entity_or_fail(entity, errmsg);
	if (!e)
		return RD_EINVAL;
	if (!rd_entity_field(e, field))
		return unknown_field(e, field, errmsg);
	char *owned;
	const char *sql = select_sql(e, field, &owned);
	if (!sql)
		return rd_fail(RD_ENOMEM, errmsg, "out of memory");
	struct rd_stmt *st;
	enum rd_err rc = rd_store_prepare(s, sql, &st);
	free(owned);
	if (rc == RD_OK) {
		bool row;
		rd_stmt_bind_int(st, 1, id);
		rd_jw_arr(w);
		while ((rc = rd_stmt_step(st, &row)) == RD_OK && row) {
			rd_record_write_row(e, st, w);
			if (peek)
				peek(e, st, ctx);
		}
		rd_jw_end_arr(w);
	}
	rd_stmt_free(st);
	if (rc)
		return rd_fail(RD_EDB, errmsg, "listing %s: %s", e->plural, rd_store_errmsg(s));
	return RD_OK;
}

/* ---- writes ---- */

enum rd_err rd_audit(struct rd_store *s, const struct rd_actor *a, const char *entity,
		     int64_t id, const char *action, json_t *before, json_t *after)
{
	if (!a || a->now <= 0) /* model.h: every write is dated by its actor */
		return RD_EINVAL;
	/* json_dumps's text, written directly (util/jsonw.h) */
	char *b = before ? rd_json_text(before, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
	char *f = after ? rd_json_text(after, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
	struct rd_stmt *st;
	enum rd_err rc = rd_store_prepare(s,
		"INSERT INTO audit_log (at, actor, entity, entity_id, action, before, after) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", &st);
	if (rc == RD_OK) {
		rd_stmt_bind_int(st, 1, a->now);
		rd_stmt_bind_text(st, 2, a->label);
		rd_stmt_bind_text(st, 3, entity);
		rd_stmt_bind_int(st, 4, id);
		rd_stmt_bind_text(st, 5, action);
		rd_stmt_bind_text(st, 6, b);
		rd_stmt_bind_text(st, 7, f);
		/* nobody reads the row back: on PostgreSQL it goes with the
		 * next statement, not in a round trip of its own */
		rc = rd_stmt_step_later(st);
		rd_stmt_free(st);
	}
	free(b);
	free(f);
	return rc;
}

static enum rd_err write_failed(struct rd_store *s, const struct rd_entity *e, json_t *cols,
				enum rd_err rc, char **errmsg)
{
	if (rc == RD_EEXIST) {
		json_t *label = e->label ? json_object_get(cols, e->label) : NULL;
		if (json_is_string(label))
			return rd_fail(RD_EEXIST, errmsg, "%s '%s' already exists", e->name,
				       json_string_value(label));
		return rd_fail(RD_EEXIST, errmsg, "this %s already exists", e->name);
	}
	if (rc == RD_ENOTFOUND)
		return rd_fail(RD_EINVAL, errmsg, "%s refers to something that does not exist", e->name);
	return rd_fail(rc, errmsg, "writing %s failed: %s", e->name, rd_store_errmsg(s));
}

enum rd_err rd_record_create(struct rd_store *s, const struct rd_actor *a, const char *entity,
			     json_t *in, json_t *extra, int64_t *id, char **errmsg)
{
	json_t *rec = NULL;
	enum rd_err rc = rd_record_create_rec(s, a, entity, in, extra, &rec, errmsg);
	if (rc == RD_OK && id)
		*id = json_integer_value(json_object_get(rec, "id"));
	json_decref(rec);
	return rc;
}

enum rd_err rd_record_create_rec(struct rd_store *s, const struct rd_actor *a, const char *entity,
				 json_t *in, json_t *extra, json_t **rec, char **errmsg)
{
	const struct rd_entity *e = entity_or_fail(entity, errmsg);
	if (!e)
		return RD_EINVAL;
	if (a->now <= 0) /* model.h: the front sets it; a 1970 date would be a lie */
		return rd_fail(RD_EINVAL, errmsg, "internal: %s written by an actor with no time (rd_actor.now)",
			       e->name);
	json_t *cols = json_object(), *after = NULL;
	struct rd_buf sql = RD_BUF_INIT;
	struct rd_stmt *st = NULL;
	int64_t newid = 0;
	enum rd_err rc = rd_store_begin(s);
	if (rc) {
		rc = rd_fail(rc, errmsg, "cannot start a transaction: %s", rd_store_errmsg(s));
		goto done;
	}
	if ((rc = validate(s, e, in, extra, true, cols, errmsg)))
		goto out;
	if (rd_entity_field(e, "created_at") && !json_object_get(cols, "created_at"))
		json_object_set_new(cols, "created_at", json_integer(a->now));
	if ((rc = rd_refs_check(s, e->name, cols, errmsg)))
		goto out;
	rd_buf_adds(&sql, "INSERT INTO ");
	rd_buf_adds(&sql, e->table);
	rd_buf_adds(&sql, " (");
	const char *key;
	json_t *v;
	int n = 0;
	json_object_foreach(cols, key, v) {
		if (n++)
			rd_buf_adds(&sql, ", ");
		rd_buf_adds(&sql, rd_entity_field(e, key)->column);
	}
	rd_buf_adds(&sql, ") VALUES (");
	for (int i = 1; i <= n; i++) {
		if (i > 1)
			rd_buf_adds(&sql, ", ");
		add_param(&sql, i);
	}
	/* the row as written comes back with the insert: no second read */
	rd_buf_adds(&sql, ") RETURNING ");
	select_columns(&sql, e);
	if (sql.oom) {
		rc = RD_ENOMEM;
		goto out;
	}
	if ((rc = rd_store_prepare(s, sql.data, &st))) {
		rc = rd_fail(RD_EDB, errmsg, "writing %s: %s", e->name, rd_store_errmsg(s));
		goto out;
	}
	int i = 0;
	json_object_foreach(cols, key, v)
		bind_json(st, ++i, v);
	bool row;
	rc = rd_stmt_step(st, &row);
	if (rc == RD_OK && row && !(after = row_to_json(e, st)))
		rc = RD_ENOMEM;
	else if (rc == RD_OK && !row)
		rc = RD_EDB;
	rd_stmt_free(st);
	if (rc) {
		rc = write_failed(s, e, cols, rc, errmsg);
		goto out;
	}
	newid = json_integer_value(json_object_get(after, "id"));
	if ((rc = rd_audit(s, a, e->name, newid, "create", NULL, after)))
		rc = rd_fail(rc, errmsg, "writing the audit log failed: %s", rd_store_errmsg(s));
	else
		rc = rd_trust_touched(s, e->name, after, a->now, errmsg);
	if (rc == RD_OK && strcmp(e->name, "survey_answer") == 0)
		rc = rd_webhook_emit(s, "survey.answered", NULL, after, a->now, errmsg);
out:
	rc = rd_store_end(s, rc, errmsg);
done:
	if (rc == RD_OK && rec) {
		*rec = after;
		after = NULL;
	}
	rd_buf_free(&sql);
	json_decref(cols);
	json_decref(after);
	return rc;
}

enum rd_err rd_record_update(struct rd_store *s, const struct rd_actor *a, const char *entity,
			     int64_t id, json_t *in, json_t *extra, char **errmsg)
{
	return rd_record_update_known(s, a, entity, id, NULL, in, extra, errmsg);
}

enum rd_err rd_record_find(struct rd_store *s, const char *entity, const char *col1, int64_t v1,
			   const char *col2, int64_t v2, json_t **out, char **errmsg)
{
	const struct rd_entity *e = entity_or_fail(entity, errmsg);
	if (!e)
		return RD_EINVAL;
	struct rd_buf sql = RD_BUF_INIT;
	rd_buf_adds(&sql, "SELECT ");
	select_columns(&sql, e);
	rd_buf_adds(&sql, " FROM ");
	rd_buf_adds(&sql, e->table);
	rd_buf_adds(&sql, " WHERE ");
	rd_buf_adds(&sql, col1);
	rd_buf_adds(&sql, " = ?1 AND ");
	rd_buf_adds(&sql, col2);
	rd_buf_adds(&sql, " = ?2");
	if (sql.oom) {
		rd_buf_free(&sql);
		return RD_ENOMEM;
	}
	struct rd_stmt *st;
	enum rd_err rc = rd_store_prepare(s, sql.data, &st);
	rd_buf_free(&sql);
	rd_stmt_bind_int(st, 1, v1);
	rd_stmt_bind_int(st, 2, v2);
	bool row = false;
	if (rc == RD_OK)
		rc = rd_stmt_step(st, &row);
	if (rc == RD_OK && row && !(*out = row_to_json(e, st)))
		rc = RD_ENOMEM;
	rd_stmt_free(st);
	if (rc)
		return rd_fail(RD_EDB, errmsg, "reading %s: %s", e->name, rd_store_errmsg(s));
	return row ? RD_OK : RD_ENOTFOUND;
}

enum rd_err rd_record_update_known(struct rd_store *s, const struct rd_actor *a, const char *entity,
				   int64_t id, json_t *known, json_t *in, json_t *extra, char **errmsg)
{
	const struct rd_entity *e = entity_or_fail(entity, errmsg);
	if (!e)
		return RD_EINVAL;
	json_t *cols = json_object(), *before = known ? json_incref(known) : NULL, *after = NULL;
	struct rd_buf sql = RD_BUF_INIT;
	struct rd_stmt *st = NULL;
	enum rd_err rc = rd_store_begin(s);
	if (rc) {
		rc = rd_fail(rc, errmsg, "cannot start a transaction: %s", rd_store_errmsg(s));
		goto done;
	}
	if (!before && (rc = get_entity(s, e, id, &before, errmsg)))
		goto out;
	if ((rc = validate(s, e, in, extra, false, cols, errmsg)))
		goto out;
	if (json_object_size(cols) == 0)
		goto out;
	/* the record as it will be: what changes over what was */
	json_t *merged = json_deep_copy(before);
	json_object_update(merged, cols);
	rc = rd_refs_check(s, e->name, merged, errmsg);
	json_decref(merged);
	if (rc)
		goto out;
	rd_buf_adds(&sql, "UPDATE ");
	rd_buf_adds(&sql, e->table);
	rd_buf_adds(&sql, " SET ");
	const char *key;
	json_t *v;
	int n = 0;
	json_object_foreach(cols, key, v) {
		if (++n > 1)
			rd_buf_adds(&sql, ", ");
		rd_buf_adds(&sql, rd_entity_field(e, key)->column);
		rd_buf_adds(&sql, " = ");
		add_param(&sql, n);
	}
	rd_buf_adds(&sql, " WHERE id = ");
	add_param(&sql, n + 1);
	rd_buf_adds(&sql, " RETURNING ");
	select_columns(&sql, e); /* the record after, without reading it again */
	if (sql.oom) {
		rc = RD_ENOMEM;
		goto out;
	}
	if ((rc = rd_store_prepare(s, sql.data, &st))) {
		rc = rd_fail(RD_EDB, errmsg, "writing %s: %s", e->name, rd_store_errmsg(s));
		goto out;
	}
	int i = 0;
	json_object_foreach(cols, key, v)
		bind_json(st, ++i, v);
	rd_stmt_bind_int(st, n + 1, id);
	bool row;
	rc = rd_stmt_step(st, &row);
	if (rc == RD_OK && row && !(after = row_to_json(e, st)))
		rc = RD_ENOMEM;
	else if (rc == RD_OK && !row)
		rc = RD_ENOTFOUND;
	rd_stmt_free(st);
	if (rc == RD_ENOTFOUND) {
		rc = rd_fail(RD_ENOTFOUND, errmsg, "no %s with id %" PRId64, e->name, id);
		goto out;
	}
	if (rc) {
		rc = write_failed(s, e, cols, rc, errmsg);
		goto out;
	}
	if (!json_equal(before, after) && (rc = rd_audit(s, a, e->name, id, "update", before, after)))
		rc = rd_fail(rc, errmsg, "writing the audit log failed: %s", rd_store_errmsg(s));
	else if (!json_equal(before, after))
		rc = rd_trust_touched(s, e->name, after, a->now, errmsg);
out:
	rc = rd_store_end(s, rc, errmsg);
done:
	rd_buf_free(&sql);
	json_decref(cols);
	json_decref(before);
	json_decref(after);
	return rc;
}
