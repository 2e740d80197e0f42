/* web_act_admin.c — managing staff users from the browser (admin only, as
 * /api/users): add a user (rd_user_add, no password: they set one through
 * a link), change a role, deactivate or reactivate (the record engine, as
 * PATCH /api/users/{id}), and make a one-time password link
 * (rd_password_link_create) shown once to pass on. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "redress/auth.h"
#include "redress/model.h"
#include "web_act.h"

static const char *const roles[] = {"viewer", "agent", "manager", "admin", NULL};

static const struct act_field add_fields[] = {
	{"email", "Email", ACT_TEXT, true, 254, NULL, 0, 0, NULL},
	{"name", "Name", ACT_TEXT, true, 120, NULL, 0, 0, NULL},
	{"role", "Role", ACT_SELECT, true, 0, roles, 0, 0,
	 "viewer reads; agent runs failures; manager also approves goodwill and decides disclosure; admin manages users."},
	{NULL},
};

static int users_render(const struct rd_page_req *q, struct rd_page_resp *r, const struct act_err *e, int status,
			int64_t row_err_id)
{
	struct web_names nm;
	if (!web_names_ready(q, r, &nm))
		return web_done(r);
	struct rd_buf before = RD_BUF_INIT;
	rd_buf_adds(&before, "<section class=\"card\" id=\"users\"><h2>Staff users</h2><table class=\"list\"><thead><tr>"
			     "<th>User</th><th>Role</th><th>State</th><th>Actions</th></tr></thead><tbody>");
	const char *key;
	json_t *u;
	json_object_foreach(nm.users, key, u) {
		int64_t id = web_jint(u, "id");
		bool off = json_is_true(json_object_get(u, "disabled"));
		bool me = q->actor && q->actor->user_id == id;
		web_html(&before, "<tr id=\"user-%D\"><td>%s <span class=\"muted\">%s</span></td><td>", id,
			 web_jstr(u, "name"), web_jstr(u, "email"));
		char action[64];
		snprintf(action, sizeof action, "/admin/users/%" PRId64, id);
		if (me) {
			web_html(&before, "%s <span class=\"muted\">(you)</span>", web_jstr(u, "role"));
		} else {
			web_html(&before, "<form class=\"inline\" method=\"post\" action=\"%s\">", action);
			web_csrf(&before, q);
			web_html(&before, "<input type=\"hidden\" name=\"action\" value=\"role\"><label class=\"sr-only\" "
					  "for=\"role-%D\">Role of %s</label><select name=\"role\" id=\"role-%D\">",
				 id, web_jstr(u, "email"), id);
			for (size_t i = 0; roles[i]; i++)
				web_html(&before, "<option value=\"%s\"%R>%s</option>", roles[i],
					 web_jstr(u, "role") && !strcmp(web_jstr(u, "role"), roles[i]) ? " selected" : "", roles[i]);
			web_html(&before, "</select><button type=\"submit\" class=\"small secondary\">Change role</button></form>");
		}
		web_html(&before, "</td><td>%R</td><td>", off ? "<span class=\"badge red\">deactivated</span>"
							     : "<span class=\"badge green\">active</span>");
		if (!me)
			act_button(&before, q, action, off ? "Reactivate" : "Deactivate", "secondary", "action",
				   off ? "enable" : "disable", NULL);
		if (!off)
			act_button(&before, q, action, "Password link", "secondary", "action", "password-link", NULL);
		if (row_err_id == id && e && e->msg)
			web_html(&before, "<p class=\"field-error\" role=\"alert\">%s</p>", e->msg);
		rd_buf_adds(&before, "</td></tr>");
	}
	rd_buf_adds(&before, "</tbody></table></section>\n<h2>Add a user</h2>");
	struct act_form form = {.title = "Users", .intro = "Who may sign in, and what each may do.",
				.action = "/admin/users", .back = "/", .back_label = "Agenda", .fields = add_fields,
				.submit = "Add the user", .nav = "users"};
	json_t *v = json_pack("{ss}", "role", "agent");
	int ret = act_page(q, r, &form, e && !row_err_id ? q->form : v, row_err_id ? NULL : e, before.data, status);
	json_decref(v);
	rd_buf_free(&before);
	web_names_free(&nm);
	return ret;
}

int web_act_users(const struct rd_page_req *q, struct rd_page_resp *r)
{
	return users_render(q, r, NULL, 0, 0);
}

int web_act_user_add_post(const struct rd_page_req *q, struct rd_page_resp *r)
{
	struct web_names nm;
	if (!web_names_ready(q, r, &nm))
		return web_done(r);
	struct act_err e = {0};
	int ret;
	if (!act_validate(q, &nm, add_fields, &e)) {
		ret = users_render(q, r, &e, 422, 0);
		goto out;
	}
	json_t *in = json_object();
	act_copy_fields(q, add_fields, in);
	int64_t id = 0;
	char *msg = NULL;
	enum rd_err rc = rd_user_add(q->store, q->actor, in, NULL, &id, &msg);
	json_decref(in);
	if (rc) {
		act_err_from_lib(&e, add_fields, rc, msg, "The user could not be added.");
		if (!e.field && rc == RD_EEXIST)
			e.field = "email";
		free(msg);
		ret = users_render(q, r, &e, web_status_for(rc), 0);
		goto out;
	}
	ret = act_done(r, "/admin/users", "user-added", "users");
out:
	act_err_clear(&e);
	web_names_free(&nm);
	return ret;
}

static int password_link_page(const struct rd_page_req *q, struct rd_page_resp *r, const char *email, const char *tok)
{
	struct rd_buf *b = &r->body;
	web_page_begin(q, r, "Password link", NULL);
	rd_buf_adds(b, "<div class=\"pagehead\"><div class=\"crumbs\"><a href=\"/admin/users\">Users</a></div>"
		       "<h1>Password link made</h1></div><section class=\"card\">");
	web_html(b, "<p>Send this one-time link to %s: it lets them set a password. It is shown only now.</p>", email);
	web_html(b, "<p><input type=\"text\" readonly id=\"password-url\" aria-label=\"Password link\" value=\"%s/password/%s\"></p>",
		 q->base_url ? q->base_url : "", tok);
	rd_buf_adds(b, "<div class=\"actions\"><a class=\"button\" href=\"/admin/users\">Back to the users</a></div></section>");
	web_page_end(r, NULL);
	return web_done(r);
}

int web_act_user_post(const struct rd_page_req *q, struct rd_page_resp *r)
{
	int64_t id;
	json_t *u = NULL;
	if (!web_param_id(q, 0, &id) || rd_record_get(q->store, "user", id, &u, NULL) != RD_OK)
		return web_not_found(q, r);
	const char *what = web_form(q, "action");
	struct act_err e = {0};
	char *msg = NULL;
	enum rd_err rc = RD_OK;
	int ret;
	bool me = q->actor && q->actor->user_id == id;
	if (what && !strcmp(what, "password-link")) {
		char *tok = NULL;
		rc = rd_password_link_create(q->store, q->actor, web_jstr(u, "email"), 0, q->now, &tok, &msg);
		if (rc == RD_OK) {
			ret = password_link_page(q, r, web_jstr(u, "email"), tok);
			sodium_memzero(tok, strlen(tok));
			free(tok);
			goto out;
		}
	} else if (what && (!strcmp(what, "disable") || !strcmp(what, "enable") || !strcmp(what, "role"))) {
		json_t *in;
		if (me) {
			/* an admin cannot lock themselves out */
			act_err_set(&e, NULL, "You cannot change your own role or deactivate yourself: ask another admin.");
			ret = users_render(q, r, &e, 409, id);
			goto out;
		}
		if (!strcmp(what, "role")) {
			const char *role = web_form(q, "role");
			bool ok = false;
			for (size_t i = 0; role && roles[i]; i++)
				ok = ok || !strcmp(role, roles[i]);
			if (!ok) {
				act_err_set(&e, NULL, "Role: choose viewer, agent, manager or admin.");
				ret = users_render(q, r, &e, 422, id);
				goto out;
			}
			in = json_pack("{ss}", "role", role);
		} else {
			in = json_pack("{sb}", "disabled", !strcmp(what, "disable"));
		}
		rc = rd_record_update(q->store, q->actor, "user", id, in, NULL, &msg);
		json_decref(in);
	} else {
		act_err_set(&e, NULL, "Unknown action: use the buttons of the list.");
		ret = users_render(q, r, &e, 422, id);
		goto out;
	}
	if (rc) {
		act_err_set(&e, NULL, "%s", web_err_text(rc, msg, "The user could not be changed."));
		ret = users_render(q, r, &e, web_status_for(rc), id);
		goto out;
	}
	ret = act_done(r, "/admin/users", "user", "users");
out:
	free(msg);
	act_err_clear(&e);
	json_decref(u);
	return ret;
}
