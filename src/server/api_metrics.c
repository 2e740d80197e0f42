/* api_metrics.c — GET /api/metrics: the recovery metrics of a period
 * (redress/metrics.h, docs/metrics.md), the same figures `redress metrics
 * --json` prints. Its own routes table, so reporting routes grow here
 * without touching api_domain.c. */
#include <stdlib.h>
#include <string.h>

#include "redress/metrics.h"
#include "server.h"

#define METRICS_DEFAULT_DAYS 90

static void metrics_get(struct rd_req *req, struct rd_resp *resp)
{
	int64_t from, to;
	if (!rd_req_query_time(req, resp, "to", req->now, &to) ||
	    !rd_req_query_time(req, resp, "from", to - (int64_t)METRICS_DEFAULT_DAYS * 86400, &from))
		return;
	enum rd_metrics_by by;
	char *msg = NULL;
	enum rd_err rc = rd_metrics_by_parse(json_string_value(json_object_get(req->query, "by")), &by, &msg);
	if (rc == RD_OK && from >= to)
		rc = rd_fail(RD_EINVAL, &msg, "'from' must be before 'to'");
	if (rc) {
		rd_resp_problem(resp, req, 400, "bad-request", msg);
		free(msg);
		return;
	}
	json_t *out;
	if ((rc = rd_metrics(req->store, req->now, from, to, by, &out, &msg))) {
		rd_resp_err(resp, req, rc, msg);
		return;
	}
	rd_resp_json(resp, 200, out);
}

#define VI RD_ROLE_VIEWER
/* To add a route: a row here and its handler above; docs/api/openapi.yaml
 * gets its entry (tests/api/openapi_sync.py checks). */
const struct rd_route rd_api_metrics_routes[] = {
	{"GET", "/api/metrics", metrics_get, VI, RD_ROUTE_CACHE,
	 "recovery metrics of a period (?from=, ?to=, ?by=failure|owner|tier)", NULL},
	{NULL, NULL, NULL, 0, 0, NULL, NULL},
};
