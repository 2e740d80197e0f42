/* web_act.h — the action forms of the staff web app (web_act_*.c): opening
 * and running a failure from the browser. Every form is described by a
 * table of fields (struct act_field); one renderer draws it with the CSRF
 * field, the typed values kept and an error next to the field it concerns,
 * and one validator refuses empty, too long, markup and bad dates before
 * the library is called. Each POST then calls the same library function
 * (and role) as the API's handler, and answers 303 to where the change
 * shows, with a success message from one table passed on by the flash
 * cookie (web_flash_set, shown once by the layout's #flash banner).
 */
#ifndef REDRESS_SERVER_WEB_ACT_H
#define REDRESS_SERVER_WEB_ACT_H
#include "web_pages.h"

enum act_kind {
	ACT_TEXT,      /* one line */
	ACT_AREA,      /* several lines */
	ACT_SELECT,    /* one of OPTIONS (value = label) */
	ACT_DATETIME,  /* <input type="datetime-local">, in the viewer's zone */
	ACT_INT,       /* a whole number from MIN to MAX */
	ACT_MONEY,     /* "4500" or "4,500.50" */
	ACT_CHECK,     /* a checkbox: "1" or absent */
	ACT_USER,      /* a staff user, by id */
	ACT_CLIENT,    /* a client, by id (CLIENTS limits the choice when set) */
};

struct act_field {
	const char *name;               /* the form field (and the id "f-NAME") */
	const char *label;
	enum act_kind kind;
	bool required;
	int maxlen;                     /* characters; 0 = 200 (TEXT) or 5000 (AREA) */
	const char *const *options;     /* ACT_SELECT */
	int min, max;                   /* ACT_INT */
	const char *hint;               /* shown under the field, or NULL */
};

/* What a form page shows. */
struct act_form {
	const char *title;              /* <h1> and <title> */
	const char *intro;              /* a line under the title, or NULL */
	const char *action;             /* the POST target (built from ids) */
	const char *back;               /* "Cancel" goes here */
	const char *back_label;         /* the crumb's text */
	const struct act_field *fields; /* ended by a {NULL} row */
	const char *submit;             /* the button's text */
	const char *danger;             /* non-NULL: the submit is a confirmation of this */
	json_t *clients;                /* ACT_CLIENT choices: array of {id, name}, or NULL = all */
	json_t *affected_of;            /* or: a failure record, whose affected clients are the choices */
	const char *nav;                /* the menu entry to highlight; NULL = "failures" */
	const char *inner;              /* raw HTML (built by these helpers) placed in the form
	                                   after the fields, or NULL */
};

/* An error found in a form: which field (NULL = the whole form) and why.
 * msg is malloc'd (free with act_err_clear). */
struct act_err {
	const char *field;
	char *msg;
};
void act_err_set(struct act_err *e, const char *field, const char *fmt, ...);
void act_err_clear(struct act_err *e);

/* Renders FORM as a full page: error banner and field error from E (may
 * be NULL), values from VALUES (the POSTed form on an error, else the
 * defaults; borrowed, may be NULL), BEFORE (raw HTML built by these
 * helpers, may be NULL) between the title and the form. STATUS 0 = 200. */
int act_page(const struct rd_page_req *q, struct rd_page_resp *r, const struct act_form *form,
	     json_t *values, const struct act_err *e, const char *before, int status);

/* Checks every field of FIELDS in the POSTed form: required, length, no
 * markup, numbers in range, dates that parse, users and clients known.
 * False with E set at the first problem. */
bool act_validate(const struct rd_page_req *q, const struct web_names *nm, const struct act_field *fields,
		  struct act_err *e);

/* The POSTed datetime-local field NAME as an instant in the viewer's zone
 * (web_viewer_tz: the user's users.tz, else the desk's). 0 when empty.
 * False (E set) when it does not parse. */
bool act_form_time(const struct rd_page_req *q, const char *name, int64_t *out, struct act_err *e);

/* Copies the non-empty text, select, int and money fields of FIELDS from
 * the form into IN under the same names (or KEYS[i] when given). */
void act_copy_fields(const struct rd_page_req *q, const struct act_field *fields, json_t *in);

/* After a library refusal: puts the library's message on the field it
 * names ("failure.title …" → "title"), else on the form. */
void act_err_from_lib(struct act_err *e, const struct act_field *fields, enum rd_err rc, const char *msg,
		      const char *fallback);

/* 303 to PATH#ANCHOR (ANCHOR may be NULL) with the success message for
 * WORD (the table in web_act.c) set as the flash; -1 out of memory. */
int act_done(struct rd_page_resp *r, const char *path, const char *word, const char *anchor);

/* A one-line POST form (a button) to ACTION with hidden fields NAME=VALUE
 * pairs (NULL-terminated, escaped). */
void act_button(struct rd_buf *b, const struct rd_page_req *q, const char *action, const char *label,
		const char *cls, ...);

/* Reads failure {id} (path segment 0) into *F (new reference) and its id
 * into *FID; false when the page has already been answered (404, 500). */
bool act_load_failure(const struct rd_page_req *q, struct rd_page_resp *r, int64_t *fid, json_t **f);
/* Draws a failure's form (the GET of an action): RENDER(q, r, the failure,
 * no errors, status 200), or the page act_load_failure answers when the
 * failure cannot be loaded. */
typedef int (*act_render_fn)(const struct rd_page_req *q, struct rd_page_resp *r, json_t *f,
			     const struct act_err *e, int status);
int act_failure_form(const struct rd_page_req *q, struct rd_page_resp *r, act_render_fn render);
/* The same for a form about one client of the failure (path segment 1):
 * the names are loaded and the client known, or the page answered 404/500. */
typedef int (*act_client_render_fn)(const struct rd_page_req *q, struct rd_page_resp *r, const struct web_names *nm,
				    json_t *f, int64_t cid, const struct act_err *e, int status);
bool act_load_failure_client(const struct rd_page_req *q, struct rd_page_resp *r, json_t **f, struct web_names *nm,
			     int64_t *cid);
int act_failure_client_form(const struct rd_page_req *q, struct rd_page_resp *r, act_client_render_fn render);

/* ---- one POST of an action form: the skeleton every form shares ----
 *
 * A POST loads its subject (404/500 when it cannot), loads the names
 * (500), checks the row's fields (act_validate), then calls the row's
 * APPLY: the form's own checks and its one library call. A refusal draws
 * the form again with the user's input and the error beside its field, at
 * web_status_for(rc) (422 for a check, 409, 403, 503 busy …); success
 * answers 303 with the row's flash (act_done). To add a form: a row of
 * struct act_post (its fields, render, apply, words) and a handler that is
 * act_failure_post(q, r, &row). */

/* One request, as a form's hooks see it. */
struct act_call {
	json_t *subject;             /* the loaded record (a failure, a commitment …), borrowed; NULL
	                                when the form makes one */
	int64_t fid;                 /* the failure the success goes back to (0: none) */
	int64_t cid;                 /* path segment 1's client (rows with .client) */
	const struct web_names *nm;  /* loaded, borrowed */
	const void *own;             /* what the handler passed: the review record, the decision … */
	char loc[64];                /* success: 303 here; preset to "/failures/FID" */
	char anchor[32];             /* … #anchor; preset to the row's ("" = none) */
	const char *word;            /* … the success message (act_done); preset to the row's */
	const char *fatal;           /* set by APPLY: answer the error page 500 with this text
	                                instead of the form (static text) */
};

struct act_post {
	const struct act_field *fields; /* checked first, refused with 422; NULL: APPLY checks
	                                   (when one of its own checks must come first) */
	act_render_fn render;           /* the form again: RENDER(q, r, subject, e, status) … */
	act_client_render_fn render_client; /* … or, for a form about one client (segment 1, 404
	                                       when unknown), this with the names and the client … */
	int (*render_call)(const struct rd_page_req *q, struct rd_page_resp *r, const struct act_call *c,
			   const struct act_err *e, int status); /* … or this, when it needs more */
	/* The form's own checks and its library call, as q->actor. A refusal
	 * returns its rd_err (a check: RD_EINVAL) with E set, or (library) with
	 * *MSG (malloc'd, freed by the skeleton) and E left empty for the
	 * skeleton to fill (act_err_from_lib with FALLBACK). */
	enum rd_err (*apply)(const struct rd_page_req *q, struct act_call *c, struct act_err *e, char **msg);
	const char *fallback;           /* the refusal's text when the library gives none */
	const char *field;              /* a refusal naming no field goes beside this one (NULL: banner) */
	const char *word;               /* the success message (a row of act_done's table) */
	const char *anchor;             /* where on the page success lands, or NULL */
};

/* The POST of a failure's form: failure {id} (segment 0), names, the
 * client of segment 1 when P->render_client, then act_post_run's steps. */
int act_failure_post(const struct rd_page_req *q, struct rd_page_resp *r, const struct act_post *p);
/* The steps after loading: names, fields, APPLY, the form again or 303.
 * SUBJECT (borrowed, may be NULL), FID (the failure success goes back to),
 * OWN (borrowed, handed to the hooks) are the handler's. */
int act_post_run(const struct rd_page_req *q, struct rd_page_resp *r, const struct act_post *p, json_t *subject,
		 int64_t fid, const void *own);
/* The affected clients (affected = yes) of failure record F as a new array
 * of {id, name} for ACT_CLIENT selects. */
json_t *act_affected_clients(const struct web_names *nm, json_t *f);
/* "Failure #ID title" for crumbs, into BUF. */
const char *act_failure_label(json_t *f, char *buf, size_t n);
/* The links of a form about failure F, written into L and pointed to by
 * FORM: the action "/failures/ID/PATH", Cancel "/failures/ID" (and
 * "#ANCHOR" unless ANCHOR is NULL) and the crumb act_failure_label. */
struct act_links {
	char action[96], back[96], label[200];
};
void act_failure_links(struct act_form *form, struct act_links *l, json_t *f, const char *path, const char *anchor);

/* True when the signed-in user has at least ROLE. */
bool act_can(const struct rd_page_req *q, enum rd_role role);

/* ---- the panels other pages call (one line each) ---- */

/* For agents, the failure's action bar: what can be done next, per client
 * too (nothing for a viewer). OBS from rd_obligations_json (may be NULL). */
void web_act_failure_panel(struct rd_buf *b, const struct rd_page_req *q, const struct web_names *nm, json_t *f,
			   json_t *obs);
/* The success message and, for agents, the client's portal contacts with
 * their links (invite, revoke). */
void web_act_client_panel(struct rd_buf *b, const struct rd_page_req *q, int64_t client_id);
/* "Open a failure" for agents (the failure list). */
void web_act_failure_list_bar(struct rd_buf *b, const struct rd_page_req *q);

/* ---- the pages (routes in web_routes.c) ---- */

/* web_act_failure.c */
int web_act_new(const struct rd_page_req *q, struct rd_page_resp *r);
int web_act_new_post(const struct rd_page_req *q, struct rd_page_resp *r);
int web_act_clients(const struct rd_page_req *q, struct rd_page_resp *r);
int web_act_clients_post(const struct rd_page_req *q, struct rd_page_resp *r);
int web_act_edit(const struct rd_page_req *q, struct rd_page_resp *r);
int web_act_edit_post(const struct rd_page_req *q, struct rd_page_resp *r);
int web_act_status(const struct rd_page_req *q, struct rd_page_resp *r);
int web_act_status_post(const struct rd_page_req *q, struct rd_page_resp *r);
int web_act_disclosure(const struct rd_page_req *q, struct rd_page_resp *r);
int web_act_disclosure_post(const struct rd_page_req *q, struct rd_page_resp *r);

/* web_act_client.c: one client's track, promises, obligations, portal */
int web_act_impact(const struct rd_page_req *q, struct rd_page_resp *r);
int web_act_impact_post(const struct rd_page_req *q, struct rd_page_resp *r);
int web_act_commitment(const struct rd_page_req *q, struct rd_page_resp *r);
int web_act_commitment_post(const struct rd_page_req *q, struct rd_page_resp *r);
int web_act_settle(const struct rd_page_req *q, struct rd_page_resp *r);
int web_act_settle_post(const struct rd_page_req *q, struct rd_page_resp *r);
int web_act_waive(const struct rd_page_req *q, struct rd_page_resp *r);
int web_act_waive_post(const struct rd_page_req *q, struct rd_page_resp *r);
int web_act_invite_post(const struct rd_page_req *q, struct rd_page_resp *r);
int web_act_revoke_post(const struct rd_page_req *q, struct rd_page_resp *r);

/* web_act_plan.c: the root cause, the plan, the ETA */
int web_act_rca(const struct rd_page_req *q, struct rd_page_resp *r);
int web_act_rca_post(const struct rd_page_req *q, struct rd_page_resp *r);
int web_act_plan(const struct rd_page_req *q, struct rd_page_resp *r);
int web_act_plan_post(const struct rd_page_req *q, struct rd_page_resp *r);
int web_act_plan_status(const struct rd_page_req *q, struct rd_page_resp *r);
int web_act_plan_status_post(const struct rd_page_req *q, struct rd_page_resp *r);
int web_act_eta(const struct rd_page_req *q, struct rd_page_resp *r);
int web_act_eta_post(const struct rd_page_req *q, struct rd_page_resp *r);

/* web_act_goodwill.c */
int web_act_goodwill(const struct rd_page_req *q, struct rd_page_resp *r);
int web_act_goodwill_post(const struct rd_page_req *q, struct rd_page_resp *r);
int web_act_decide(const struct rd_page_req *q, struct rd_page_resp *r);
int web_act_decide_post(const struct rd_page_req *q, struct rd_page_resp *r);

/* web_act_review.c */
int web_act_review(const struct rd_page_req *q, struct rd_page_resp *r);
int web_act_review_post(const struct rd_page_req *q, struct rd_page_resp *r);
int web_act_survey(const struct rd_page_req *q, struct rd_page_resp *r);
int web_act_survey_post(const struct rd_page_req *q, struct rd_page_resp *r);

/* web_act_admin.c */
int web_act_users(const struct rd_page_req *q, struct rd_page_resp *r);
int web_act_user_add_post(const struct rd_page_req *q, struct rd_page_resp *r);
int web_act_user_post(const struct rd_page_req *q, struct rd_page_resp *r);

#endif
