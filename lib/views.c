/* views.c — the reads behind the staff web pages (views.h): lists and
 * menus as ready JSON, so the pages in src/server only parse, call and
 * format. Also rd_rows_json, the one place that turns a statement's rows
 * into JSON objects, shared with portal.c. Reads only. */
#include <stdarg.h>
#include <string.h>

#include "model_int.h"
#include "redress/views.h"

enum rd_err rd_rows_json(struct rd_store *s, const char *sql, const char *coltypes, json_t **out,
			 const char *bindtypes, ...)
{
	struct rd_stmt *st;
	enum rd_err rc = rd_store_prepare(s, sql, &st);
	if (rc)
		return rc;
	va_list ap;
	va_start(ap, bindtypes);
	for (int i = 0; bindtypes[i] && rc == RD_OK; i++) {
		if (bindtypes[i] == 'i')
			rc = rd_stmt_bind_int(st, i + 1, va_arg(ap, int64_t));
		else if (bindtypes[i] == 't')
			rc = rd_stmt_bind_text(st, i + 1, va_arg(ap, const char *));
		else
			rc = RD_EINVAL;
	}
	va_end(ap);
	json_t *arr = json_array();
	if (!arr)
		rc = RD_ENOMEM;
	/* one type per column: a mismatch is a bug in the view, not data */
	if (rc == RD_OK && (size_t)rd_stmt_ncols(st) != strlen(coltypes))
		rc = RD_EINVAL;
	bool row;
	while (rc == RD_OK && (rc = rd_stmt_step(st, &row)) == RD_OK && row) {
		json_t *o = json_object();
		if (!o || json_array_append_new(arr, o)) {
			rc = RD_ENOMEM;
			break;
		}
		int n = rd_stmt_ncols(st);
		for (int c = 0; c < n && coltypes[c]; c++) {
			json_t *v;
			if (coltypes[c] == '-')
				continue;
			if (rd_stmt_col_null(st, c))
				v = json_null();
			else if (coltypes[c] == 'i')
				v = json_integer(rd_stmt_col_int(st, c));
			else
				v = json_string(rd_stmt_col_text(st, c)); /* NULL if not UTF-8 */
			json_object_set_new(o, rd_stmt_col_name(st, c), v ? v : json_null());
		}
	}
	rd_stmt_free(st);
	if (rc) {
		json_decref(arr);
		return rc;
	}
	*out = arr;
	return RD_OK;
}

enum rd_err rd_view_client_list(struct rd_store *s, json_t **out)
{
	return rd_rows_json(s,
		"SELECT c.id, c.name, c.tier, c.risk, c.owner_id, "
		"(SELECT count(*) FROM impacts i JOIN failures f ON f.id = i.failure_id WHERE i.client_id = c.id "
		" AND i.affected = 'yes' AND f.status NOT IN ('resolved','closed')) AS open_failures, "
		"(SELECT count(*) FROM commitments k WHERE k.client_id = c.id AND k.status = 'broken') AS broken "
		"FROM clients c ORDER BY c.tier, c.name", "itttiii", out, "");
}

enum rd_err rd_view_client_failures(struct rd_store *s, int64_t client_id, json_t **out)
{
	return rd_rows_json(s,
		"SELECT f.id, f.title, f.severity, f.status, f.detected_at, i.affected, i.recovery_status "
		"FROM impacts i JOIN failures f ON f.id = i.failure_id WHERE i.client_id = ?1 "
		"ORDER BY f.detected_at DESC", "itititt", out, "i", client_id);
}

enum rd_err rd_view_failure_list(struct rd_store *s, bool all, json_t **out)
{
	return rd_rows_json(s,
		"SELECT f.id, f.title, f.severity, f.status, f.detected_at, f.resolved_at, "
		"(SELECT count(*) FROM impacts i WHERE i.failure_id = f.id AND i.affected = 'yes') AS affected, "
		"(SELECT count(*) FROM communications m WHERE m.failure_id = f.id) AS comms "
		"FROM failures f WHERE ?1 = 1 OR f.status <> 'closed' ORDER BY f.detected_at DESC",
		"ititiiii", out, "i", (int64_t)(all ? 1 : 0));
}

enum rd_err rd_view_open_failures(struct rd_store *s, json_t **out)
{
	return rd_rows_json(s,
		"SELECT f.id, f.title, f.severity, f.status, f.detected_at, "
		"(SELECT count(*) FROM impacts i WHERE i.failure_id = f.id AND i.affected = 'yes') AS affected "
		"FROM failures f WHERE f.status <> 'closed' ORDER BY f.severity, f.detected_at DESC",
		"ititii", out, "");
}

enum rd_err rd_view_failure_menu(struct rd_store *s, json_t **out)
{
	return rd_rows_json(s, "SELECT id, title FROM failures WHERE status <> 'closed' ORDER BY id DESC", "it",
			    out, "");
}

enum rd_err rd_view_contacts(struct rd_store *s, int64_t client_id, json_t **out)
{
	return rd_rows_json(s, "SELECT id, name, email FROM contacts WHERE client_id = ?1 ORDER BY name", "itt",
			    out, "i", client_id);
}

enum rd_err rd_view_open_tracks(struct rd_store *s, json_t **out)
{
	return rd_rows_json(s,
		"SELECT i.failure_id AS f, i.client_id AS c, i.recovery_status AS st, "
		"(SELECT max(at) FROM communications m WHERE m.failure_id = i.failure_id AND "
		" m.client_id = i.client_id AND m.direction = 'out' AND m.visibility = 'client') AS last_out "
		"FROM impacts i JOIN failures f ON f.id = i.failure_id WHERE f.status <> 'closed' "
		"AND i.affected = 'yes' ORDER BY f.severity, f.detected_at", "iiti", out, "");
}

enum rd_err rd_view_promises_due(struct rd_store *s, int64_t until, json_t **out)
{
	return rd_rows_json(s,
		"SELECT 'commitment' AS what, k.id AS id, k.text AS text, COALESCE(uk.email, '') AS owner, "
		"k.due_at AS due, k.client_id AS client, k.failure_id AS failure FROM commitments k "
		"LEFT JOIN users uk ON uk.id = k.owner_id "
		"WHERE k.status IN ('open','renegotiated') AND k.due_at IS NOT NULL AND k.due_at <= ?1 "
		"UNION ALL "
		"SELECT 'plan action', p.id, p.description, COALESCE(up.email, ''), p.due_at, p.client_id, "
		"p.failure_id FROM plan_actions p JOIN failures f ON f.id = p.failure_id "
		"LEFT JOIN users up ON up.id = p.owner_id "
		"WHERE p.status IN ('planned','in_progress') AND p.due_at IS NOT NULL AND p.due_at <= ?1 "
		"AND f.status <> 'closed' ORDER BY due", "tittiii", out, "i", until);
}

enum rd_err rd_contact_by_email(struct rd_store *s, int64_t client_id, const char *email, int64_t *id)
{
	enum rd_err rc = rd_store_exec(s, id, "SELECT id FROM contacts WHERE client_id = ?1 AND email = ?2", "it",
				       client_id, email);
	return rc == RD_OK || rc == RD_ENOTFOUND ? rc : RD_EDB;
}

enum rd_err rd_view_data_version(struct rd_store *s, int64_t *version)
{
	return rd_store_exec(s, version, "SELECT coalesce(max(id), 0) FROM audit_log", "");
}
