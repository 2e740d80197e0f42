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

#include "web_act.h"

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
	{"GET", "/failures/new", web_act_new, RD_PAGE_STAFF, RD_ROLE_AGENT}, /* before {id} */
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
	/* the action forms (web_act_*.c): GET the form, POST the change. The
	 * roles are the API's for the same write; the library checks again. */
	{"POST", "/failures/new", web_act_new_post, RD_PAGE_STAFF, RD_ROLE_AGENT},
	{"GET", "/failures/{id}/clients", web_act_clients, RD_PAGE_STAFF, RD_ROLE_AGENT},
	{"POST", "/failures/{id}/clients", web_act_clients_post, RD_PAGE_STAFF, RD_ROLE_AGENT},
	{"GET", "/failures/{id}/edit", web_act_edit, RD_PAGE_STAFF, RD_ROLE_AGENT},
	{"POST", "/failures/{id}/edit", web_act_edit_post, RD_PAGE_STAFF, RD_ROLE_AGENT},
	{"GET", "/failures/{id}/status", web_act_status, RD_PAGE_STAFF, RD_ROLE_AGENT},
	{"POST", "/failures/{id}/status", web_act_status_post, RD_PAGE_STAFF, RD_ROLE_AGENT},
	{"GET", "/failures/{id}/disclosure", web_act_disclosure, RD_PAGE_STAFF, RD_ROLE_MANAGER},
	{"POST", "/failures/{id}/disclosure", web_act_disclosure_post, RD_PAGE_STAFF, RD_ROLE_MANAGER},
	{"GET", "/failures/{id}/impact/{client}", web_act_impact, RD_PAGE_STAFF, RD_ROLE_AGENT},
	{"POST", "/failures/{id}/impact/{client}", web_act_impact_post, RD_PAGE_STAFF, RD_ROLE_AGENT},
	{"GET", "/failures/{id}/commitments/new", web_act_commitment, RD_PAGE_STAFF, RD_ROLE_AGENT},
	{"POST", "/failures/{id}/commitments/new", web_act_commitment_post, RD_PAGE_STAFF, RD_ROLE_AGENT},
	{"GET", "/commitments/{id}/settle", web_act_settle, RD_PAGE_STAFF, RD_ROLE_AGENT},
	{"POST", "/commitments/{id}/settle", web_act_settle_post, RD_PAGE_STAFF, RD_ROLE_AGENT},
	{"GET", "/failures/{id}/waive/{client}", web_act_waive, RD_PAGE_STAFF, RD_ROLE_MANAGER},
	{"POST", "/failures/{id}/waive/{client}", web_act_waive_post, RD_PAGE_STAFF, RD_ROLE_MANAGER},
	{"GET", "/failures/{id}/rca", web_act_rca, RD_PAGE_STAFF, RD_ROLE_AGENT},
	{"POST", "/failures/{id}/rca", web_act_rca_post, RD_PAGE_STAFF, RD_ROLE_AGENT},
	{"GET", "/failures/{id}/plan/new", web_act_plan, RD_PAGE_STAFF, RD_ROLE_AGENT},
	{"POST", "/failures/{id}/plan/new", web_act_plan_post, RD_PAGE_STAFF, RD_ROLE_AGENT},
	{"GET", "/plan-actions/{id}/status", web_act_plan_status, RD_PAGE_STAFF, RD_ROLE_AGENT},
	{"POST", "/plan-actions/{id}/status", web_act_plan_status_post, RD_PAGE_STAFF, RD_ROLE_AGENT},
	{"GET", "/failures/{id}/eta", web_act_eta, RD_PAGE_STAFF, RD_ROLE_AGENT},
	{"POST", "/failures/{id}/eta", web_act_eta_post, RD_PAGE_STAFF, RD_ROLE_AGENT},
	{"GET", "/failures/{id}/goodwill/{client}", web_act_goodwill, RD_PAGE_STAFF, RD_ROLE_AGENT},
	{"POST", "/failures/{id}/goodwill/{client}", web_act_goodwill_post, RD_PAGE_STAFF, RD_ROLE_AGENT},
	/* approving needs a manager: the library checks per decision */
	{"GET", "/goodwill/{id}/decide", web_act_decide, RD_PAGE_STAFF, RD_ROLE_AGENT},
	{"POST", "/goodwill/{id}/decide", web_act_decide_post, RD_PAGE_STAFF, RD_ROLE_AGENT},
	{"GET", "/failures/{id}/review", web_act_review, RD_PAGE_STAFF, RD_ROLE_AGENT},
	{"POST", "/failures/{id}/review", web_act_review_post, RD_PAGE_STAFF, RD_ROLE_AGENT},
	{"GET", "/failures/{id}/survey", web_act_survey, RD_PAGE_STAFF, RD_ROLE_AGENT},
	{"POST", "/failures/{id}/survey", web_act_survey_post, RD_PAGE_STAFF, RD_ROLE_AGENT},
	{"POST", "/clients/{id}/portal/invite", web_act_invite_post, RD_PAGE_STAFF, RD_ROLE_AGENT},
	{"POST", "/clients/{id}/portal/revoke/{link}", web_act_revoke_post, RD_PAGE_STAFF, RD_ROLE_AGENT},
	{"GET", "/admin/users", web_act_users, RD_PAGE_STAFF, RD_ROLE_ADMIN},
	{"POST", "/admin/users", web_act_user_add_post, RD_PAGE_STAFF, RD_ROLE_ADMIN},
	{"POST", "/admin/users/{id}", web_act_user_post, RD_PAGE_STAFF, RD_ROLE_ADMIN},

	{NULL, NULL, NULL, 0, 0},
};
