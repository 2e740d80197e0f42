/* web_routes.c — the staff web app's and the client portal's routes: the
 * table the HTTP core (router.c) dispatches from. The core authenticates,
 * applies `access` and `min_role`, verifies CSRF on every POST, fills
 * struct rd_page_req and calls the page (see page.h).
 *
 * To add a page: write `int web_x(const struct rd_page_req *, struct
 * rd_page_resp *)` in its web_<page>.c (or portal_<page>.c), declare it in
 * web_pages.h, and add one row here. Portal rows use RD_PAGE_PORTAL and
 * their page reads only through lib/portal.c with portal_who(q). */
#include <stddef.h>

#include "web_pages.h"

const struct rd_page_route rd_web_routes[] = {
	/* method, pattern, page, access, min_role */
	{"GET", "/login", web_login, RD_PAGE_PUBLIC, RD_ROLE_VIEWER},
	{"GET", "/static/{name}", web_static, RD_PAGE_PUBLIC, RD_ROLE_VIEWER},
	{"GET", "/favicon.ico", web_favicon, RD_PAGE_PUBLIC, RD_ROLE_VIEWER},
	/* getting back in: "forgot" before {token}, which would match it too */
	{"GET", "/password/forgot", web_password_forgot, RD_PAGE_PUBLIC, RD_ROLE_VIEWER},
	{"POST", "/password/forgot", web_password_forgot_post, RD_PAGE_PUBLIC, RD_ROLE_VIEWER},
	{"GET", "/password/{token}", web_password_link, RD_PAGE_PUBLIC, RD_ROLE_VIEWER},
	{"POST", "/password/{token}", web_password_link_post, RD_PAGE_PUBLIC, RD_ROLE_VIEWER},

	{"GET", "/", web_agenda, RD_PAGE_STAFF, RD_ROLE_VIEWER},
	{"GET", "/failures", web_failure_list, RD_PAGE_STAFF, RD_ROLE_VIEWER},
	{"GET", "/failures/{id}", web_failure_room, RD_PAGE_STAFF, RD_ROLE_VIEWER},
	{"GET", "/clients", web_client_list, RD_PAGE_STAFF, RD_ROLE_VIEWER},
	{"GET", "/clients/{id}", web_client_page, RD_PAGE_STAFF, RD_ROLE_VIEWER},
	{"GET", "/compose", web_compose, RD_PAGE_STAFF, RD_ROLE_AGENT},
	{"POST", "/compose", web_compose_post, RD_PAGE_STAFF, RD_ROLE_AGENT},
	{"GET", "/log", web_log_form, RD_PAGE_STAFF, RD_ROLE_AGENT},
	{"POST", "/log", web_log_post, RD_PAGE_STAFF, RD_ROLE_AGENT},
	{"GET", "/near-misses", web_near_miss_form, RD_PAGE_STAFF, RD_ROLE_VIEWER},
	{"POST", "/near-misses", web_near_miss_post, RD_PAGE_STAFF, RD_ROLE_VIEWER},
	{"GET", "/goodwill", web_goodwill_list, RD_PAGE_STAFF, RD_ROLE_VIEWER},
	{"GET", "/outbox", web_outbox, RD_PAGE_STAFF, RD_ROLE_MANAGER},
	{"GET", "/reports", web_reports, RD_PAGE_STAFF, RD_ROLE_VIEWER},
	/* approving needs a manager: the library checks per decision */
	{"POST", "/goodwill/{id}", web_goodwill_post, RD_PAGE_STAFF, RD_ROLE_AGENT},

	{"GET", "/portal", portal_home, RD_PAGE_PORTAL, RD_ROLE_VIEWER},
	{"GET", "/portal/", portal_home, RD_PAGE_PORTAL, RD_ROLE_VIEWER},
	{"GET", "/portal/failures/{id}", portal_failure, RD_PAGE_PORTAL, RD_ROLE_VIEWER},
	{"POST", "/portal/failures/{id}/ask", portal_ask, RD_PAGE_PORTAL, RD_ROLE_VIEWER},
	{"POST", "/portal/failures/{id}/survey", portal_survey, RD_PAGE_PORTAL, RD_ROLE_VIEWER},
	{"GET", "/portal/failures/{id}/report", portal_report, RD_PAGE_PORTAL, RD_ROLE_VIEWER},
	{"GET", "/portal/failures/{id}/report.pdf", portal_report_pdf, RD_PAGE_PORTAL, RD_ROLE_VIEWER},
	{"GET", "/portal/report.css", portal_report_css, RD_PAGE_PORTAL, RD_ROLE_VIEWER},
	{NULL, NULL, NULL, 0, 0},
};
