/* export.c — the server's one place for CSV and XLSX answers: the Accept
 * header is weighed here, and a list route's JSON answer is turned into a
 * download here, so that every list endpoint (routes with a `table`) speaks
 * both without a line of its own. The writer is lib/export.c. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "redress/export.h"
#include "server.h"

/* The q of one Accept element's parameters ("; q=0.5"), 1 when absent. */
static double accept_q(const char *params, size_t n)
{
	const char *p = params;
	while (p < params + n) {
		while (p < params + n && (*p == ';' || *p == ' ' || *p == '\t'))
			p++;
		if (params + n - p > 2 && (p[0] == 'q' || p[0] == 'Q') && p[1] == '=') {
			char tmp[16];
			size_t k = 0;
			for (const char *v = p + 2; v < params + n && *v != ';' && k < sizeof tmp - 1; v++)
				tmp[k++] = *v;
			tmp[k] = '\0';
			char *end;
			double q = strtod(tmp, &end);
			return end == tmp || q < 0 ? 0 : q > 1 ? 1 : q;
		}
		while (p < params + n && *p != ';')
			p++;
	}
	return 1;
}

int rd_accept_export(const char *accept)
{
	if (!accept)
		return 0;
	/* Scores: the q, and an exact type beats a wildcard at the same q. */
	double best = -1;
	int choice = 0;
	const char *p = accept;
	while (*p) {
		while (*p == ',' || *p == ' ' || *p == '\t')
			p++;
		const char *end = strchr(p, ',');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		const char *semi = memchr(p, ';', n);
		size_t tn = semi ? (size_t)(semi - p) : n;
		while (tn && (p[tn - 1] == ' ' || p[tn - 1] == '\t'))
			tn--;
		double q = accept_q(semi ? semi : p + n, semi ? n - (size_t)(semi - p) : 0);
		int fmt = -1;
		double score = q;
#define IS(s) (tn == strlen(s) && strncasecmp(p, s, tn) == 0)
		if (IS("text/csv"))
			fmt = RD_EXPORT_CSV;
		else if (IS(RD_EXPORT_XLSX_TYPE))
			fmt = RD_EXPORT_XLSX;
		else if (IS("application/json"))
			fmt = 0;
		else if (IS("*/*") || IS("application/*"))
			fmt = 0, score -= 0.0001;
#undef IS
		if (fmt >= 0 && q > 0 && score > best) {
			best = score;
			choice = fmt;
		}
		p += n;
	}
	return choice;
}

/* Lists that are not generic entity lists. To let another list endpoint
 * answer CSV and XLSX: its columns in lib/export.c's views, and a row here. */
static const struct {
	const char *pattern, *view;
} table_routes[] = {
	{"/api/agenda", "agenda"},
	{"/api/tokens", "api_token"},
	{"/api/portal_links", "portal_link"},
};

const char *rd_route_table(const struct rd_route *route)
{
	if (strcmp(route->method, "GET") != 0)
		return NULL;
	for (size_t i = 0; i < sizeof table_routes / sizeof table_routes[0]; i++)
		if (strcmp(route->pattern, table_routes[i].pattern) == 0)
			return table_routes[i].view;
	if (route->entity && !strchr(route->pattern, '{'))
		return route->entity;   /* GET /api/<plural> of api_records.c */
	return NULL;
}

void rd_resp_export(struct rd_req *req, struct rd_resp *resp, const struct rd_route *route)
{
	const char *table = rd_route_table(route);
	if (resp->status != 200 || !resp->content_type ||
	    strcmp(resp->content_type, "application/json") != 0 || !table)
		return;
	struct rd_export_col ecols[64];
	const struct rd_export_col *cols = NULL;
	size_t ncols = 0;
	const struct rd_entity *e = rd_entity_find(table);
	if (e) {
		ncols = rd_export_entity_cols(e, ecols, 64);
		cols = ncols <= 64 ? ecols : NULL;
	} else {
		cols = rd_export_view_cols(table, &ncols);
	}
	json_error_t jerr;
	json_t *body = json_loadb(resp->body.data, resp->body.len, 0, &jerr);
	json_t *items = json_object_get(body, "items");
	struct rd_export *x = NULL;
	char *msg = NULL;
	struct rd_buf out = RD_BUF_INIT;
	enum rd_err rc;
	if (!cols || !json_is_array(items)) {
		rc = rd_fail(RD_EINVAL, &msg, "%s has no table form", route->pattern);
		goto out;
	}
	const char *name = e ? e->plural : table;
	if ((rc = rd_export_begin(req->export_format, cols, ncols, name, &x, &msg)))
		goto out;
	size_t i;
	json_t *rec;
	json_array_foreach(items, i, rec) {
		if ((rc = rd_export_row(x, rec, &msg)))
			goto out;
	}
	if ((rc = rd_export_finish(x, &out, &msg)))
		goto out;
	rd_buf_free(&resp->body);
	resp->body = out;
	out = (struct rd_buf)RD_BUF_INIT;
	resp->content_type = rd_export_media_type(req->export_format);
	char cd[128];
	snprintf(cd, sizeof cd, "attachment; filename=\"%s.%s\"", name,
		 rd_export_ext(req->export_format));
	rd_resp_header(resp, "Content-Disposition", cd);
	rd_resp_header(resp, "Vary", "Accept");
out:
	if (rc)
		rd_resp_err(resp, req, rc, msg);
	rd_buf_free(&out);
	rd_export_free(x);
	json_decref(body);
}
