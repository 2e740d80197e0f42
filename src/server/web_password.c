/* web_password.c — getting back in from the browser: "Forgot your
 * password?" (GET/POST /password/forgot) and the one-time password link
 * (GET/POST /password/{token}) that sets a new password and signs the user
 * in. The library does the work (rd_password_link_* in lib/auth_link.c); these
 * pages only ask, answer, and hand the new session to the core. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "redress/auth.h"
#include "redress/notify.h"
#include "util/buf.h"
#include "web_pages.h"

/* The one place a password link leaves the server. With an SMTP server,
 * the link is emailed through the outbox; without one, printed for the
 * operator as before. */
static void deliver_password_link(const struct rd_page_req *q, const char *email, const char *base_url,
				  const char *token)
{
	if (web_mail_enabled()) {
		struct rd_buf link = RD_BUF_INIT;
		char *msg = NULL;
		rd_buf_addf(&link, "%s/password/%s", base_url ? base_url : "", token);
		if (link.oom || rd_notify_password_link(q->store, email, link.data, RD_PASSWORD_LINK_MINUTES, q->now,
							&msg))
			fprintf(stderr, "redress serve: password link: %s\n", msg ? msg : "cannot queue the email");
		free(msg);
		if (link.data)
			sodium_memzero(link.data, link.len);
		rd_buf_free(&link);
		return;
	}
	flockfile(stdout);
	printf("password link for %s (valid %d minutes, works once): %s/password/%s\n", email,
	       RD_PASSWORD_LINK_MINUTES, base_url ? base_url : "", token);
	fflush(stdout);
	funlockfile(stdout);
}

static void forgot_form(const struct rd_page_req *q, struct rd_page_resp *r, const char *notice)
{
	struct rd_buf *b = &r->body;
	web_public_begin(r, "Forgot your password?");
	rd_buf_adds(b, "<form class=\"card\" method=\"post\" action=\"/password/forgot\">"
		       "<h1>Forgot your password?</h1>\n");
	if (notice) {
		web_flash_notice(b, notice);
	} else {
		rd_buf_adds(b, "<p class=\"muted\">Enter the email you sign in with. We will send a link that "
			       "lets you set a new password; it works once, within the hour.</p>\n");
	}
	web_csrf(b, q);
	rd_buf_adds(b, "<label>Email <input type=\"email\" name=\"email\" id=\"email\" autocomplete=\"username\" "
		       "required autofocus></label><button type=\"submit\" id=\"send-link\">Send me a link</button>"
		       "<p><a href=\"/login\">Back to sign in</a></p></form>\n");
	web_page_end(r, NULL);
}

int web_password_forgot(const struct rd_page_req *q, struct rd_page_resp *r)
{
	forgot_form(q, r, NULL);
	return web_done(r);
}

int web_password_forgot_post(const struct rd_page_req *q, struct rd_page_resp *r)
{
	const char *email = web_form_nonempty(q, "email");
	if (email) {
		char *tok = NULL, *msg = NULL;
		enum rd_err rc = rd_password_link_request(q->store, email, q->now, &tok, &msg);
		if (rc == RD_OK) {
			deliver_password_link(q, email, q->base_url, tok);
			free(tok);
		} else if (rc != RD_ENOTFOUND && rc != RD_EPERM && rc != RD_ESTATE) {
			fprintf(stderr, "redress serve: password link: %s\n", msg ? msg : rd_err_name(rc));
		}
		free(msg);
	}
	/* The same answer whether or not the email has an account: the form
	 * must not tell anyone who works here. */
	forgot_form(q, r, "If that email belongs to an account, a link to set a new password is on its way. "
			  "If nothing arrives within a few minutes, ask your administrator.");
	return web_done(r);
}

static int link_gone(const struct rd_page_req *q, struct rd_page_resp *r)
{
	struct rd_buf *b = &r->body;
	r->status = 404;
	web_public_begin(r, "This link no longer works");
	rd_buf_adds(b, "<section class=\"card\"><h1>This link no longer works</h1>"
		       "<p>A password link works once, for a limited time. This one has been used, has "
		       "expired, or was replaced by a newer one.</p>"
		       "<p><a href=\"/password/forgot\" id=\"new-link\">Send me a new link</a> · "
		       "<a href=\"/login\">Sign in</a></p></section>\n");
	web_page_end(r, NULL);
	return web_done(r);
}

static void set_form(const struct rd_page_req *q, struct rd_page_resp *r, const char *email, const char *error)
{
	struct rd_buf *b = &r->body;
	web_public_begin(r, "Set a new password");
	web_html(b, "<form class=\"card\" method=\"post\" action=\"/password/%s\"><h1>Set a new password</h1>"
		    "<p class=\"muted\">For %s. Choose something long that is not a word, a name or "
		    "your email; a few unrelated words make a good one.</p>\n",
		 q->params[0], email);
	web_csrf(b, q);
	web_html(b, "<input type=\"hidden\" name=\"username\" value=\"%s\" autocomplete=\"username\">"
		    "<label>New password <input type=\"password\" name=\"password\" id=\"password\" "
		    "autocomplete=\"new-password\" required%R></label>\n",
		 email, error ? " aria-invalid=\"true\" aria-describedby=\"password-error\"" : "");
	if (error)
		web_html(b, "<p class=\"field-error\" id=\"password-error\" role=\"alert\">%s</p>\n", error);
	rd_buf_adds(b, "<label>The same again <input type=\"password\" name=\"password2\" id=\"password2\" "
		       "autocomplete=\"new-password\" required></label>"
		       "<button type=\"submit\" id=\"set-password\">Set password and sign in</button></form>\n");
	web_page_end(r, NULL);
}

int web_password_link(const struct rd_page_req *q, struct rd_page_resp *r)
{
	char *email = NULL, *msg = NULL;
	enum rd_err rc = rd_password_link_peek(q->store, q->params[0], q->now, &email, &msg);
	free(msg);
	if (rc == RD_ENOTFOUND)
		return link_gone(q, r);
	if (rc)
		return web_read_failed(q, r, rc, "The link could not be checked; the server log has the details.");
	set_form(q, r, email, NULL);
	free(email);
	return web_done(r);
}

int web_password_link_post(const struct rd_page_req *q, struct rd_page_resp *r)
{
	const char *pw = web_form(q, "password"), *pw2 = web_form(q, "password2");
	char *email = NULL, *msg = NULL;
	enum rd_err rc = rd_password_link_peek(q->store, q->params[0], q->now, &email, &msg);
	free(msg);
	msg = NULL;
	if (rc == RD_ENOTFOUND)
		return link_gone(q, r);
	if (rc)
		return web_read_failed(q, r, rc, "The link could not be checked; the server log has the details.");
	if (!pw || !pw2 || strcmp(pw, pw2) != 0) {
		r->status = 422;
		set_form(q, r, email, "The two passwords are not the same. Type the new password twice.");
		free(email);
		return web_done(r);
	}
	rc = rd_password_link_use(q->store, q->params[0], pw, q->now, &r->session, &msg);
	if (rc == RD_EINVAL) {
		r->status = 422;
		set_form(q, r, email, msg);
	} else if (rc == RD_ENOTFOUND) {
		link_gone(q, r);
	} else if (rc) {
		fprintf(stderr, "redress serve: password link: %s\n", msg ? msg : rd_err_name(rc));
		web_error_page(q, r, web_status_for(rc), web_err_text(rc, NULL, "The password could not be set; the server log has the details."));
	} else {
		web_redirect(r, "/");
	}
	free(msg);
	free(email);
	return web_done(r);
}
