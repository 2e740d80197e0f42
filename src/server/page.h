/* page.h — the contract between the HTTP core (http.c, routes) and the
 * server-rendered pages of the staff web app (web_*.c) and the client
 * portal (portal_*.c).
 *
 * A page is a pure function of a request description: it reads through the
 * library, writes HTML (or a redirect) into the response, and never touches
 * libmicrohttpd. The core parses the request, authenticates it, checks the
 * route's role, verifies CSRF on POST, and fills struct rd_page_req. */
#ifndef REDRESS_SERVER_PAGE_H
#define REDRESS_SERVER_PAGE_H
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "redress/model.h"
#include "redress/store.h"
#include "util/buf.h"

struct rd_page_req {
	struct rd_store *store;         /* this worker's handle */
	const struct rd_actor *actor;   /* the staff user; NULL on portal routes */
	int64_t portal_client_id;       /* portal routes: the contact's client */
	int64_t portal_contact_id;      /* portal routes: the contact */
	const char *method;             /* "GET" or "POST" */
	const char *path;               /* "/failures/3" */
	const char *params[4];          /* captured path segments ({id} …) */
	json_t *query;                  /* query string: object of strings */
	json_t *form;                   /* POST form fields: object of strings */
	const char *csrf_token;         /* embed in every form as field "csrf" */
	int64_t now;
	const char *base_url;           /* how users reach this server ("http://host:port"), for links */
	const char *flash;              /* the last action's success message (web_flash_set), shown
	                                   once by web_page_begin; NULL when none */
	int64_t static_copy_at;         /* portal pages only: non-zero renders a static copy taken
	                                   at this time (`redress export site`): relative links
	                                   (index.html, failure-ID.html, app.css), no forms, and a
	                                   banner saying it is a copy while the live portal is down */
};

/* The longest success message a page passes on (web_flash_set). */
#define WEB_FLASH_MAX 200

struct rd_page_resp {
	int status;                     /* 200 unless set */
	const char *content_type;       /* "text/html; charset=utf-8" unless set */
	struct rd_buf body;
	char *location;                 /* malloc'd; set for a 303 redirect */
	char *session;                  /* malloc'd staff session token: the core sets the
	                                   session cookie (a page that signs the user in) */
	char *flash;                    /* malloc'd by web_flash_set: the success message the next
	                                   page shows (the core sends it as a cookie and frees it) */
	bool anonymous;                 /* the page acted anonymously (a near
	                                   miss): the access log must not name
	                                   the user */
};

typedef int (*rd_page_fn)(const struct rd_page_req *req, struct rd_page_resp *resp);

enum rd_page_access {
	RD_PAGE_PUBLIC,                 /* no login (the login page, static assets) */
	RD_PAGE_STAFF,                  /* any logged-in staff user; min_role applies */
	RD_PAGE_PORTAL,                 /* a client contact through a magic link */
};

struct rd_page_route {
	const char *method;             /* "GET" or "POST" */
	const char *pattern;            /* "/failures/{id}": {x} captures one segment */
	rd_page_fn fn;
	enum rd_page_access access;
	enum rd_role min_role;          /* for RD_PAGE_STAFF */
};

/* NEXT when it is a path on this site (one leading '/', no "//" or "/\\",
 * no control characters or backslashes, also after percent-decoding), else
 * DFLT: the one check for every ?next= and redirect target (auth.c). */
const char *rd_safe_next(const char *next, const char *dflt);

/* The web app's and the portal's routes, ended by a {NULL} row. */
extern const struct rd_page_route rd_web_routes[];

#endif
