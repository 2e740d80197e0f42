/* web_act.c — what every action form of the staff app shares (web_act.h):
 * the field-table renderer and validator, datetime-local values read in the
 * viewer's zone (web_viewer_tz), library refusals put next to the field they name, the
 * success messages (one table, passed on by the flash cookie), and small
 * POST buttons. The forms
 * themselves live in web_act_<subject>.c. */
#include <assert.h>
#include <ctype.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "redress/time.h"
#include "web_act.h"

void act_err_set(struct act_err *e, const char *field, const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	free(e->msg);
	e->field = field;
	e->msg = strdup(buf);
}

void act_err_clear(struct act_err *e)
{
	free(e->msg);
	e->msg = NULL;
	e->field = NULL;
}

bool act_can(const struct rd_page_req *q, enum rd_role role)
{
	return q->actor && q->actor->role >= role;
}

/* ---- success messages: WORD -> text, shown once through web_flash_set ---- */

static const struct {
	const char *word, *text;
} done_msgs[] = {
	{"opened", "Failure opened. Confirm the clients the service map proposes below."},
	{"clients", "Affected clients updated."},
	{"edited", "Failure details saved. Clients of a service added are proposed under Affected clients."},
	{"status", "Status changed."},
	{"disclosure", "Disclosure decision recorded."},
	{"impact", "Impact recorded."},
	{"rca", "Root cause saved."},
	{"plan", "Plan action added."},
	{"plan-status", "Plan action updated."},
	{"eta", "ETA revised."},
	{"commitment", "Commitment added."},
	{"settled", "Commitment updated."},
	{"waived", "Obligation waived."},
	{"goodwill", "Goodwill proposed: it now waits for a manager's approval."},
	{"approved", "Goodwill approved."},
	{"declined", "Goodwill declined."},
	{"delivered", "Goodwill recorded as delivered."},
	{"review", "Review saved."},
	{"survey", "Survey sent."},
	{"revoked", "Portal link revoked."},
	{"user-added", "User added."},
	{"user", "User updated."},
};

int act_done(struct rd_page_resp *r, const char *path, const char *word, const char *anchor)
{
	const char *text = NULL;
	for (size_t i = 0; i < sizeof done_msgs / sizeof done_msgs[0] && !text; i++)
		if (!strcmp(done_msgs[i].word, word))
			text = done_msgs[i].text;
	assert(text); /* every caller names a row of done_msgs */
	if (web_flash_set(r, text ? text : "Saved."))
		return -1;
	char loc[256];
	snprintf(loc, sizeof loc, "%s%s%s", path, anchor ? "#" : "", anchor ? anchor : "");
	return web_redirect(r, loc);
}

void act_button(struct rd_buf *b, const struct rd_page_req *q, const char *action, const char *label,
		const char *cls, ...)
{
	web_html(b, "<form class=\"inline\" method=\"post\" action=\"%s\">", action);
	web_csrf(b, q);
	va_list ap;
	va_start(ap, cls);
	const char *k;
	while ((k = va_arg(ap, const char *))) {
		const char *v = va_arg(ap, const char *);
		web_html(b, "<input type=\"hidden\" name=\"%s\" value=\"%s\">", k, v);
	}
	va_end(ap);
	web_html(b, "<button type=\"submit\" class=\"small%R%s\">%s</button></form>", cls ? " " : "", cls ? cls : "",
		 label);
}

/* ---- rendering ---- */

static const char *val(json_t *values, const char *k)
{
	json_t *v = json_object_get(values, k);
	if (json_is_string(v))
		return json_string_value(v);
	return NULL;
}

static void user_select(struct rd_buf *b, const struct web_names *nm, const char *name, const char *sel,
			bool required)
{
	web_html(b, "<select name=\"%s\" id=\"f-%s\"%R><option value=\"\">%R</option>", name, name,
		 required ? " required" : "", required ? "choose…" : "—");
	const char *key;
	json_t *u;
	json_object_foreach(nm->users, key, u) {
		if (json_is_true(json_object_get(u, "disabled")))
			continue;
		web_html(b, "<option value=\"%s\"%R>%s (%s)</option>", key, sel && !strcmp(sel, key) ? " selected" : "",
			 web_jstr(u, "name"), web_jstr(u, "role"));
	}
	rd_buf_adds(b, "</select>");
}

static void client_select(struct rd_buf *b, const struct web_names *nm, json_t *only, const char *name,
			  const char *sel, bool required)
{
	web_html(b, "<select name=\"%s\" id=\"f-%s\"%R><option value=\"\">%R</option>", name, name,
		 required ? " required" : "", required ? "choose…" : "all clients");
	if (only) {
		size_t i;
		json_t *c;
		json_array_foreach(only, i, c) {
			char id[32];
			snprintf(id, sizeof id, "%" PRId64, web_jint(c, "id"));
			web_html(b, "<option value=\"%s\"%R>%s</option>", id, sel && !strcmp(sel, id) ? " selected" : "",
				 web_jstr(c, "name"));
		}
	} else {
		const char *key;
		json_t *c;
		json_object_foreach(nm->clients, key, c)
			web_html(b, "<option value=\"%s\"%R>%s</option>", key, sel && !strcmp(sel, key) ? " selected" : "",
				 web_jstr(c, "name"));
	}
	rd_buf_adds(b, "</select>");
}

static void field(struct rd_buf *b, const struct web_names *nm, json_t *clients, const struct act_field *f,
		  json_t *values, const struct act_err *e)
{
	const char *v = val(values, f->name);
	bool bad = e && e->msg && e->field && !strcmp(e->field, f->name);
	const char *inv = bad ? " aria-invalid=\"true\"" : "";
	if (f->kind == ACT_CHECK) {
		web_html(b, "<label class=\"check\"><input type=\"checkbox\" name=\"%s\" id=\"f-%s\" value=\"1\"%R%R> %s</label>",
			 f->name, f->name, v ? " checked" : "", inv, f->label);
	} else {
		web_html(b, "<label for=\"f-%s\">%s%R</label>", f->name, f->label,
			 f->required ? " <span class=\"muted\">(required)</span>" : "");
		switch (f->kind) {
		case ACT_AREA:
			web_html(b, "<textarea name=\"%s\" id=\"f-%s\" rows=\"4\"%R%R>%s</textarea>", f->name, f->name,
				 f->required ? " required" : "", inv, v);
			break;
		case ACT_SELECT:
			web_select(b, f->name, f->options, v, f->required ? NULL : "—");
			break;
		case ACT_DATETIME:
			web_html(b, "<input type=\"datetime-local\" name=\"%s\" id=\"f-%s\" value=\"%s\"%R%R> "
				    "<small class=\"muted tz-note\">%s time</small>", f->name, f->name, v,
				 f->required ? " required" : "", inv, web_viewer_tz());
			break;
		case ACT_INT:
			web_html(b, "<input type=\"number\" name=\"%s\" id=\"f-%s\" min=\"%d\" max=\"%d\" value=\"%s\"%R%R>",
				 f->name, f->name, f->min, f->max, v, f->required ? " required" : "", inv);
			break;
		case ACT_USER:
			user_select(b, nm, f->name, v, f->required);
			break;
		case ACT_CLIENT:
			client_select(b, nm, clients, f->name, v, f->required);
			break;
		default:
			web_html(b, "<input type=\"text\" name=\"%s\" id=\"f-%s\" value=\"%s\"%R%R>", f->name, f->name, v,
				 f->required ? " required" : "", inv);
		}
	}
	if (bad)
		web_html(b, "<p class=\"field-error\" id=\"err-%s\" role=\"alert\">%s</p>", f->name, e->msg);
	if (f->hint)
		web_html(b, "<p class=\"hint muted\">%s</p>", f->hint);
}

int act_page(const struct rd_page_req *q, struct rd_page_resp *r, const struct act_form *form,
	     json_t *values, const struct act_err *e, const char *before, int status)
{
	struct web_names nm;
	if (!web_names_ready(q, r, &nm))
		return web_done(r);
	if (status)
		r->status = status;
	struct rd_buf *b = &r->body;
	web_page_begin(q, r, form->title, form->nav ? form->nav : "failures");
	web_html(b, "<div class=\"pagehead\"><div class=\"crumbs\"><a href=\"%s\">%s</a></div><h1>%s</h1>", form->back,
		 form->back_label, form->title);
	if (form->intro)
		web_html(b, "<p class=\"muted\">%s</p>", form->intro);
	rd_buf_adds(b, "</div>\n");
	/* The banner names the problem too, so a screen reader hears it first;
	 * the field keeps its own copy beside it. */
	if (e && e->msg)
		web_flash_error(b, e->msg);
	if (before)
		rd_buf_adds(b, before);
	if (form->fields || form->danger) {
		web_html(b, "<form class=\"card form act\" method=\"post\" action=\"%s\" id=\"act-form\" novalidate>",
			 form->action);
		web_csrf(b, q);
		json_t *affected = form->affected_of ? act_affected_clients(&nm, form->affected_of) : NULL;
		for (const struct act_field *f = form->fields; f && f->name; f++)
			field(b, &nm, affected ? affected : form->clients, f, values, e);
		json_decref(affected);
		if (form->inner)
			rd_buf_adds(b, form->inner);
		if (form->danger)
			web_html(b, "<p class=\"flash warning\">%s</p>", form->danger);
		web_html(b, "<div class=\"actions\"><button type=\"submit\" id=\"act-submit\">%s</button>"
			    "<a class=\"button secondary\" href=\"%s\">Cancel</a></div></form>\n",
			 form->submit, form->back);
	}
	web_page_end(r, NULL);
	web_names_free(&nm);
	return web_done(r);
}

/* ---- validation ---- */

static size_t utf8_chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

/* Markup is refused rather than stored: every page escapes it, but a
 * client reading "<script>" in an update would be as confused as we are. */
static bool has_markup(const char *s)
{
	for (const char *p = strchr(s, '<'); p; p = strchr(p + 1, '<'))
		if (isalpha((unsigned char)p[1]) || p[1] == '/' || p[1] == '!' || p[1] == '?')
			return true;
	return false;
}

static bool parse_local(const char *s, struct tm *tm)
{
	/* YYYY-MM-DDTHH:MM[:SS], what <input type="datetime-local"> sends */
	size_t n = strlen(s);
	if (n != 16 && n != 19)
		return false;
	static const char shape[] = "dddd-dd-ddTdd:dd:dd";
	for (size_t i = 0; i < n; i++)
		if (shape[i] == 'd' ? !isdigit((unsigned char)s[i]) : s[i] != shape[i])
			return false;
	char part[5];
	memset(tm, 0, sizeof *tm);
	memcpy(part, s, 4), part[4] = 0, tm->tm_year = (int)strtol(part, NULL, 10) - 1900;
	memcpy(part, s + 5, 2), part[2] = 0, tm->tm_mon = (int)strtol(part, NULL, 10) - 1;
	memcpy(part, s + 8, 2), part[2] = 0, tm->tm_mday = (int)strtol(part, NULL, 10);
	memcpy(part, s + 11, 2), part[2] = 0, tm->tm_hour = (int)strtol(part, NULL, 10);
	memcpy(part, s + 14, 2), part[2] = 0, tm->tm_min = (int)strtol(part, NULL, 10);
	if (n == 19)
		memcpy(part, s + 17, 2), part[2] = 0, tm->tm_sec = (int)strtol(part, NULL, 10);
	static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int y = tm->tm_year + 1900;
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	if (y < 1970 || y > 9999 || tm->tm_mon < 0 || tm->tm_mon > 11 || tm->tm_mday < 1 ||
	    tm->tm_mday > mdays[tm->tm_mon] || (tm->tm_mon == 1 && tm->tm_mday == 29 && !leap) || tm->tm_hour > 23 ||
	    tm->tm_min > 59 || tm->tm_sec > 59)
		return false;
	return true;
}

bool act_form_time(const struct rd_page_req *q, const char *name, int64_t *out, struct act_err *e)
{
	*out = 0;
	const char *s = web_form_nonempty(q, name);
	if (!s)
		return true;
	struct tm tm;
	if (!parse_local(s, &tm)) {
		act_err_set(e, name, "'%.40s' is not a date and time: pick one (day, month, year, hours and minutes).", s);
		return false;
	}
	const char *tz = web_viewer_tz(); /* the one rule: web_layout.h */
	if (rd_time_from_local(&tm, tz, out) != RD_OK) {
		act_err_set(e, name, "'%.40s' could not be read in the time zone %s.", s, tz);
		return false;
	}
	return true;
}

bool act_validate(const struct rd_page_req *q, const struct web_names *nm, const struct act_field *fields,
		  struct act_err *e)
{
	for (const struct act_field *f = fields; f && f->name; f++) {
		const char *raw = web_form(q, f->name);
		const char *v = web_form_nonempty(q, f->name);
		if (!v) {
			if (f->required) {
				act_err_set(e, f->name, "%s: this is required.", f->label);
				return false;
			}
			continue;
		}
		int max = f->maxlen ? f->maxlen : f->kind == ACT_AREA ? 5000 : 200;
		if (utf8_chars(raw) > (size_t)max) {
			act_err_set(e, f->name, "%s is too long: %zu characters, at most %d.", f->label, utf8_chars(raw),
				    max);
			return false;
		}
		int64_t n;
		switch (f->kind) {
		case ACT_TEXT:
		case ACT_AREA:
			if (has_markup(v)) {
				act_err_set(e, f->name, "%s contains markup such as <script>: write plain text.", f->label);
				return false;
			}
			break;
		case ACT_SELECT: {
			bool ok = false;
			for (size_t i = 0; f->options[i]; i++)
				ok = ok || !strcmp(f->options[i], v);
			if (!ok) {
				act_err_set(e, f->name, "%s: '%.40s' is not one of the choices.", f->label, v);
				return false;
			}
			break;
		}
		case ACT_DATETIME:
			if (!act_form_time(q, f->name, &n, e))
				return false;
			break;
		case ACT_INT: {
			char *end;
			long x = strtol(v, &end, 10);
			if (*end || x < f->min || x > f->max) {
				act_err_set(e, f->name, "%s must be a whole number from %d to %d.", f->label, f->min, f->max);
				return false;
			}
			break;
		}
		case ACT_MONEY: {
			char *msg = NULL;
			if (rd_money_parse(v, &n, &msg) != RD_OK || n < 0) {
				act_err_set(e, f->name, "%s: '%.40s' is not an amount (like 4500 or 4,500.50).", f->label, v);
				free(msg);
				return false;
			}
			free(msg);
			break;
		}
		case ACT_USER:
			if (!web_parse_id(v, &n) || !web_user(nm, n)) {
				act_err_set(e, f->name, "%s: choose a user from the list.", f->label);
				return false;
			}
			break;
		case ACT_CLIENT:
			if (!web_parse_id(v, &n) || !web_client(nm, n)) {
				act_err_set(e, f->name, "%s: choose a client from the list.", f->label);
				return false;
			}
			break;
		case ACT_CHECK:
			break;
		}
	}
	return true;
}

void act_copy_fields(const struct rd_page_req *q, const struct act_field *fields, json_t *in)
{
	for (const struct act_field *f = fields; f && f->name; f++) {
		const char *v = web_form_nonempty(q, f->name);
		if (!v)
			continue;
		if (f->kind == ACT_TEXT || f->kind == ACT_AREA || f->kind == ACT_SELECT || f->kind == ACT_MONEY)
			json_object_set_new(in, f->name, json_string(v));
		else if (f->kind == ACT_INT)
			json_object_set_new(in, f->name, json_integer(strtol(v, NULL, 10)));
	}
}

void act_err_from_lib(struct act_err *e, const struct act_field *fields, enum rd_err rc, const char *msg,
		      const char *fallback)
{
	const char *text = web_err_text(rc, msg, fallback);
	const char *at = NULL;
	/* The record engine names fields as "entity.field": find the form's. */
	for (const struct act_field *f = fields; msg && f && f->name; f++) {
		const char *dot = strchr(msg, '.');
		if (dot && !strncmp(dot + 1, f->name, strlen(f->name)) &&
		    !isalnum((unsigned char)dot[1 + strlen(f->name)]) && dot[1 + strlen(f->name)] != '_') {
			at = f->name;
			break;
		}
	}
	act_err_set(e, at, "%s", text);
}

bool act_load_failure(const struct rd_page_req *q, struct rd_page_resp *r, int64_t *fid, json_t **f)
{
	*f = NULL;
	if (!web_param_id(q, 0, fid)) {
		web_not_found(q, r);
		return false;
	}
	enum rd_err rc = rd_failure_show(q->store, *fid, f, NULL);
	if (rc == RD_ENOTFOUND) {
		web_not_found(q, r);
		return false;
	}
	if (rc) {
		web_read_failed(q, r, rc, "The failure could not be read.");
		return false;
	}
	return true;
}

int act_failure_form(const struct rd_page_req *q, struct rd_page_resp *r, act_render_fn render)
{
	int64_t fid;
	json_t *f;
	if (!act_load_failure(q, r, &fid, &f))
		return web_done(r);
	int ret = render(q, r, f, NULL, 0);
	json_decref(f);
	return ret;
}

bool act_load_failure_client(const struct rd_page_req *q, struct rd_page_resp *r, json_t **f, struct web_names *nm,
			     int64_t *cid)
{
	int64_t fid;
	memset(nm, 0, sizeof *nm);
	if (!act_load_failure(q, r, &fid, f))
		return false;
	if (web_names_ready(q, r, nm)) {
		if (web_param_id(q, 1, cid) && web_client(nm, *cid))
			return true;
		web_not_found(q, r);
	}
	json_decref(*f);
	web_names_free(nm);
	return false;
}

int act_failure_client_form(const struct rd_page_req *q, struct rd_page_resp *r, act_client_render_fn render)
{
	json_t *f;
	struct web_names nm;
	int64_t cid;
	if (!act_load_failure_client(q, r, &f, &nm, &cid))
		return web_done(r);
	int ret = render(q, r, &nm, f, cid, NULL, 0);
	json_decref(f);
	web_names_free(&nm);
	return ret;
}

/* ---- one POST: the skeleton (web_act.h) ---- */

/* C's names are loaded: the fields, APPLY, then the form again or 303. */
static int post_steps(const struct rd_page_req *q, struct rd_page_resp *r, const struct act_post *p,
		      struct act_call *c)
{
	struct act_err e = {0};
	char *msg = NULL;
	enum rd_err rc;
	int ret;
	if (p->fields && !act_validate(q, c->nm, p->fields, &e))
		rc = RD_EINVAL;
	else
		rc = p->apply(q, c, &e, &msg);
	if (c->fatal) {
		ret = web_error_page(q, r, 500, c->fatal);
		goto out;
	}
	if (rc) {
		if (!e.msg)
			act_err_from_lib(&e, p->fields, rc, msg, p->fallback);
		if (!e.field)
			e.field = p->field;
		int status = web_status_for(rc);
		if (p->render)
			ret = p->render(q, r, c->subject, &e, status);
		else if (p->render_client)
			ret = p->render_client(q, r, c->nm, c->subject, c->cid, &e, status);
		else
			ret = p->render_call(q, r, c, &e, status);
		goto out;
	}
	ret = act_done(r, c->loc, c->word, c->anchor[0] ? c->anchor : NULL);
out:
	free(msg);
	act_err_clear(&e);
	return ret;
}

static void call_init(struct act_call *c, const struct act_post *p, json_t *subject, int64_t fid, const void *own,
		      const struct web_names *nm)
{
	memset(c, 0, sizeof *c);
	c->subject = subject;
	c->fid = fid;
	c->own = own;
	c->nm = nm;
	c->word = p->word;
	snprintf(c->loc, sizeof c->loc, "/failures/%" PRId64, fid);
	snprintf(c->anchor, sizeof c->anchor, "%s", p->anchor ? p->anchor : "");
}

int act_post_run(const struct rd_page_req *q, struct rd_page_resp *r, const struct act_post *p, json_t *subject,
		 int64_t fid, const void *own)
{
	struct web_names nm;
	if (!web_names_ready(q, r, &nm))
		return web_done(r);
	struct act_call c;
	call_init(&c, p, subject, fid, own, &nm);
	int ret = post_steps(q, r, p, &c);
	web_names_free(&nm);
	return ret;
}

int act_failure_post(const struct rd_page_req *q, struct rd_page_resp *r, const struct act_post *p)
{
	int64_t fid, cid = 0;
	json_t *f;
	struct web_names nm;
	if (p->render_client) {
		if (!act_load_failure_client(q, r, &f, &nm, &cid))
			return web_done(r);
	} else {
		if (!act_load_failure(q, r, &fid, &f))
			return web_done(r);
		if (!web_names_ready(q, r, &nm)) {
			json_decref(f);
			return web_done(r);
		}
	}
	struct act_call c;
	call_init(&c, p, f, web_jint(f, "id"), NULL, &nm);
	c.cid = cid;
	int ret = post_steps(q, r, p, &c);
	web_names_free(&nm);
	json_decref(f);
	return ret;
}

json_t *act_affected_clients(const struct web_names *nm, json_t *f)
{
	json_t *out = json_array();
	size_t i;
	json_t *im;
	json_array_foreach(json_object_get(f, "impacts"), i, im) {
		const char *aff = web_jstr(im, "affected");
		if (!aff || strcmp(aff, "yes"))
			continue;
		int64_t cid = web_jint(im, "client_id");
		json_array_append_new(out, json_pack("{sI ss}", "id", (json_int_t)cid, "name", web_client_name(nm, cid)));
	}
	return out;
}

const char *act_failure_label(json_t *f, char *buf, size_t n)
{
	snprintf(buf, n, "#%" PRId64 " %s", web_jint(f, "id"), web_jstr(f, "title") ? web_jstr(f, "title") : "");
	return buf;
}

void act_failure_links(struct act_form *form, struct act_links *l, json_t *f, const char *path, const char *anchor)
{
	int64_t fid = web_jint(f, "id");
	snprintf(l->action, sizeof l->action, "/failures/%" PRId64 "/%s", fid, path);
	snprintf(l->back, sizeof l->back, "/failures/%" PRId64 "%s%s", fid, anchor ? "#" : "", anchor ? anchor : "");
	form->action = l->action;
	form->back = l->back;
	form->back_label = act_failure_label(f, l->label, sizeof l->label);
}
