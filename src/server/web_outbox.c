/* web_outbox.c — the Outbox page (GET /outbox, managers and admins): every
 * email redress queued, sent or failed to send, newest first, with its
 * attempts and last error, so staff see what did not reach anyone. Reads
 * through rd_outbox_list (lib/outbox.c); no SQL here. */
#include <stdlib.h>
#include <string.h>

#include "redress/outbox.h"
#include "web_layout.h"
#include "web_pages.h"

static bool mail_on;

void web_mail_enable(bool on)
{
	mail_on = on;
}

bool web_mail_enabled(void)
{
	return mail_on;
}

int web_outbox(const struct rd_page_req *q, struct rd_page_resp *r)
{
	static const char *const statuses[] = {"queued", "sending", "sent", "failed", NULL};
	const char *status = web_query(q, "status");
	if (status && !*status)
		status = NULL;
	if (status) {
		int i = 0;
		while (statuses[i] && strcmp(statuses[i], status))
			i++;
		if (!statuses[i])
			return web_error_page(q, r, 400, "status must be queued, sending, sent or failed");
	}
	json_t *rows = NULL, *counts = NULL;
	char *err = NULL;
	enum rd_err rc = rd_outbox_list(q->store, status, 200, &rows, &err);
	if (rc == RD_OK)
		rc = rd_outbox_counts(q->store, &counts, &err);
	if (rc) {
		int ret = web_error_page(q, r, web_status_for(rc), web_err_text(rc, err, "The outbox cannot be read."));
		free(err);
		json_decref(rows);
		return ret;
	}
	struct rd_buf *b = &r->body;
	web_page_begin(q, r, "Outbox", "outbox");
	web_html(b, "<h1>Outbox</h1>\n<p class=\"muted\" id=\"outbox-counts\">");
	for (int i = 0; statuses[i]; i++)
		web_html(b, "%s<a href=\"/outbox?status=%U\">%s: %D</a>", i ? " · " : "", statuses[i], statuses[i],
			 (int64_t)json_integer_value(json_object_get(counts, statuses[i])));
	web_html(b, " · <a href=\"/outbox\">all</a></p>\n");
	if (!mail_on)
		web_flash_error(b, "No SMTP server is configured: email stays queued. Start the server with "
				   "--smtp-url and --mail-from (or REDRESS_SMTP_URL and REDRESS_MAIL_FROM).");
	web_html(b, "<table id=\"outbox\"><thead><tr><th>#</th><th>Status</th><th>Kind</th><th>To</th>"
		    "<th>Subject</th><th>Attempts</th><th>When</th><th>Error</th></tr></thead><tbody>\n");
	size_t i;
	json_t *o;
	json_array_foreach(rows, i, o) {
		const char *st = web_jstr(o, "status");
		bool sent = st && strcmp(st, "sent") == 0;
		web_html(b, "<tr class=\"outbox-%s\"><td>%D</td><td>", st, web_jint(o, "id"));
		web_badge(b, sent ? "ok" : strcmp(st, "failed") == 0 ? "overdue" : "due", st);
		web_html(b, "</td><td>%s</td><td>%s</td><td>%s</td><td>%D</td><td>", web_jstr(o, "kind"),
			 web_jstr(o, "recipient"), web_jstr(o, "subject"), web_jint(o, "attempts"));
		int64_t t = web_jtime(o, sent ? "sent_at" : "next_attempt_at");
		if (t)
			web_time(b, t, NULL);
		web_html(b, "</td><td class=\"error\">%s</td></tr>\n", sent ? "" : web_jstr(o, "last_error"));
	}
	if (json_array_size(rows) == 0)
		web_html(b, "<tr><td colspan=\"8\" class=\"muted\">Nothing here.</td></tr>\n");
	web_html(b, "</tbody></table>\n");
	web_page_end(r, NULL);
	json_decref(rows);
	json_decref(counts);
	return web_done(r);
}
