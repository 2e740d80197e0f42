/* portal_static.c — the client portal's own pages rendered as a static copy
 * for `redress export site` (lib/site.c): the same page functions as
 * GET /portal/ and /portal/failures/{id}, called without a session in
 * static mode (rd_page_req.static_copy_at: relative links, no forms, a
 * "copy as of" banner), bound to one client exactly like a portal session. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "portal_static.h"
#include "util/embed.h"
#include "web_pages.h"

static enum rd_err render(rd_page_fn fn, struct rd_store *s, int64_t client_id, int64_t failure_id, int64_t at,
			  struct rd_buf *out, char **errmsg)
{
	char id[24];
	snprintf(id, sizeof id, "%" PRId64, failure_id);
	struct rd_page_req q = {0};
	q.store = s;
	q.portal_client_id = client_id;
	q.method = "GET";
	q.path = failure_id ? "/portal/failures/{id}" : "/portal/";
	q.params[0] = failure_id ? id : NULL;
	q.query = json_object();
	q.form = json_object();
	q.now = at;
	q.base_url = "";
	q.static_copy_at = at;
	struct rd_page_resp r = {0};
	int st = q.query && q.form ? fn(&q, &r) : -1;
	json_decref(q.query);
	json_decref(q.form);
	free(r.location);
	free(r.session);
	enum rd_err rc = RD_OK;
	if (st < 0 || r.body.oom)
		rc = rd_fail(RD_ENOMEM, errmsg, "export site: out of memory");
	else if (st > 0 || (r.status && r.status != 200))
		rc = rd_fail((st ? st : r.status) == 404 ? RD_ENOTFOUND : RD_EDB, errmsg,
			     "export site: the portal page of client #%" PRId64 "%s%s could not be rendered (%d)",
			     client_id, failure_id ? ", failure #" : "", failure_id ? id : "", st ? st : r.status);
	else
		rd_buf_add(out, r.body.data ? r.body.data : "", r.body.len);
	rd_buf_free(&r.body);
	return rc;
}

static enum rd_err home(struct rd_store *s, int64_t client_id, int64_t at, struct rd_buf *out, char **errmsg)
{
	return render(portal_home, s, client_id, 0, at, out, errmsg);
}

static enum rd_err failure(struct rd_store *s, int64_t client_id, int64_t failure_id, int64_t at, struct rd_buf *out,
			   char **errmsg)
{
	if (failure_id <= 0)
		return rd_fail(RD_ENOTFOUND, errmsg, "export site: no failure #%" PRId64, failure_id);
	return render(portal_failure, s, client_id, failure_id, at, out, errmsg);
}

bool rd_portal_site_renderer(struct rd_site_renderer *r)
{
	memset(r, 0, sizeof *r);
	r->home = home;
	r->failure = failure;
	for (const struct rd_embedded *f = rd_web_static; f->name; f++)
		if (strcmp(f->name, "app.css") == 0) {
			r->css = (const char *)f->data;
			r->css_len = f->len;
		}
	return r->css != NULL;
}
