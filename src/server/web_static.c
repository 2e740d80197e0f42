/* web_static.c — the stylesheet and the little JavaScript of the web app,
 * served under /static/ from copies compiled into the binary (web/static/,
 * embedded by scripts/embed.py), so a deployed redress is one file. */
#include <string.h>

#include "util/embed.h"
#include "web_pages.h"

static const char *content_type(const char *name)
{
	const char *dot = strrchr(name, '.');
	if (dot && strcmp(dot, ".css") == 0)
		return "text/css; charset=utf-8";
	if (dot && strcmp(dot, ".js") == 0)
		return "text/javascript; charset=utf-8";
	if (dot && strcmp(dot, ".svg") == 0)
		return "image/svg+xml";
	return "application/octet-stream";
}

int web_static(const struct rd_page_req *req, struct rd_page_resp *resp)
{
	const char *name = req->params[0];
	for (const struct rd_embedded *f = rd_web_static; name && f->name; f++) {
		if (strcmp(f->name, name) == 0) {
			resp->content_type = content_type(name);
			rd_buf_add(&resp->body, f->data, f->len);
			return 0;
		}
	}
	resp->status = 404;
	resp->content_type = "text/plain; charset=utf-8";
	rd_buf_adds(&resp->body, "not found\n");
	return 0;
}

/* Browsers ask for /favicon.ico whatever the page links: the same SVG
 * icon the pages link, so the request is never a 404. */
int web_favicon(const struct rd_page_req *req, struct rd_page_resp *resp)
{
	(void)req;
	for (const struct rd_embedded *f = rd_web_static; f->name; f++) {
		if (strcmp(f->name, "favicon.svg") == 0) {
			resp->content_type = "image/svg+xml";
			rd_buf_add(&resp->body, f->data, f->len);
			return 0;
		}
	}
	resp->status = 404;
	return 0;
}
