/* api_records.c — the generic REST routes, one row per entity: list with
 * filters and pagination, get one, create, update. Fields, types, enums,
 * required and read-only fields all come from the entity table
 * (lib/schema.c) through the record engine, so a new field needs no code
 * here; where an entity has a domain operation (clients, failures,
 * communications, users, impacts) the row names it, so the API does what
 * the CLI does, through the same library function.
 *
 * To expose an entity: add a row to api_entities[] below (and its paths to
 * docs/api/openapi.yaml). */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "redress/time.h"
#include "redress/export.h"
#include "server.h"

#define LIST_DEFAULT 50
#define LIST_MAX 500

struct api_entity;
typedef enum rd_err (*create_fn)(struct rd_req *req, const struct api_entity *ae, json_t *in,
				 int64_t *id, char **msg);
typedef enum rd_err (*update_fn)(struct rd_req *req, const struct api_entity *ae, int64_t id,
				 json_t *in, char **msg);
typedef enum rd_err (*show_fn)(struct rd_store *s, int64_t id, json_t **out, char **msg);

struct api_entity {
	const char *entity;
	enum rd_role write_role;   /* least role for create/update */
	create_fn create;          /* NULL: no POST /api/<plural> */
	update_fn update;          /* NULL: no PATCH /api/<plural>/{id} */
	show_fn show;              /* NULL: the plain record */
	const char *default_time;  /* a required time field that defaults to now */
};

/* ---- create and update hooks ---- */

static enum rd_err create_generic(struct rd_req *req, const struct api_entity *ae, json_t *in,
				  int64_t *id, char **msg)
{
	json_t *extra = NULL;
	json_t *fields = json_deep_copy(in);
	if (ae->default_time && !json_object_get(fields, ae->default_time))
		json_object_set_new(fields, ae->default_time, json_integer(req->now));
	if (strcmp(ae->entity, "commitment") == 0) {
		extra = json_pack("{ss}", "status", "open");
	} else if (strcmp(ae->entity, "goodwill") == 0) {
		extra = json_pack("{ss}", "status", "proposed");
		if (req->actor.user_id)
			json_object_set_new(extra, "proposed_by", json_integer(req->actor.user_id));
	} else if (strcmp(ae->entity, "plan_action") == 0) {
		extra = json_pack("{ss}", "status", "planned");
	}
	enum rd_err rc = rd_record_create(req->store, &req->actor, ae->entity, fields, extra, id, msg);
	json_decref(fields);
	json_decref(extra);
	return rc;
}

static enum rd_err update_generic(struct rd_req *req, const struct api_entity *ae, int64_t id,
				  json_t *in, char **msg)
{
	return rd_record_update(req->store, &req->actor, ae->entity, id, in, NULL, msg);
}

static enum rd_err update_failure(struct rd_req *req, const struct api_entity *ae, int64_t id,
				  json_t *in, char **msg)
{
	return rd_failure_update(req->store, &req->actor, id, in, msg);
}

static enum rd_err create_client(struct rd_req *req, const struct api_entity *ae, json_t *in,
				 int64_t *id, char **msg)
{
	return rd_client_add(req->store, &req->actor, in, id, msg);
}

static enum rd_err update_client(struct rd_req *req, const struct api_entity *ae, int64_t id,
				 json_t *in, char **msg)
{
	if (json_object_get(in, "services"))
		return rd_fail(RD_EINVAL, msg, "add services with POST /api/clients/{id}/services");
	return rd_client_update(req->store, &req->actor, id, in, msg);
}

static enum rd_err create_failure(struct rd_req *req, const struct api_entity *ae, json_t *in,
				  int64_t *id, char **msg)
{
	return rd_failure_open(req->store, &req->actor, in, id, msg);
}

static enum rd_err create_comm(struct rd_req *req, const struct api_entity *ae, json_t *in,
			       int64_t *id, char **msg)
{
	return rd_comm_log(req->store, &req->actor, in, id, msg);
}

/* The write path measured by bench/http/writes.sh: answered with the row
 * rd_comm_log_rec wrote, not read again. */
static enum rd_err create_comm_rec(struct rd_req *req, json_t *in, json_t **rec, char **msg)
{
	return rd_comm_log_rec(req->store, &req->actor, in, rec, msg);
}

/* A survey sent is also the outbound survey message (lib/review.c). */
static enum rd_err create_survey(struct rd_req *req, const struct api_entity *ae, json_t *in,
				 int64_t *id, char **msg)
{
	json_t *fields = json_deep_copy(in);
	if (!json_object_get(fields, "sent_at"))
		json_object_set_new(fields, "sent_at", json_integer(req->now));
	enum rd_err rc = rd_survey_send(req->store, &req->actor, fields, id, msg);
	json_decref(fields);
	return rc;
}

/* An anonymous report must not name its author anywhere a viewer or the
 * access log could see: the actor label is replaced for the rest of the
 * request. */
static enum rd_err create_near_miss(struct rd_req *req, const struct api_entity *ae, json_t *in,
				    int64_t *id, char **msg)
{
	json_t *fields = json_deep_copy(in);
	if (!json_object_get(fields, "at"))
		json_object_set_new(fields, "at", json_integer(req->now));
	bool anon = false;
	enum rd_err rc = rd_near_miss_report(req->store, &req->actor, fields, id, &anon, msg);
	json_decref(fields);
	if (anon)
		snprintf(req->actor.label, sizeof req->actor.label, "anonymous");
	return rc;
}

static enum rd_err create_user(struct rd_req *req, const struct api_entity *ae, json_t *in,
			       int64_t *id, char **msg)
{
	json_t *fields = json_deep_copy(in);
	json_t *pw = json_object_get(fields, "password");
	if (pw && !json_is_string(pw)) {
		json_decref(fields);
		return rd_fail(RD_EINVAL, msg, "user.password must be a string");
	}
	char *password = pw ? strdup(json_string_value(pw)) : NULL;
	json_object_del(fields, "password");
	enum rd_err rc = rd_user_add(req->store, &req->actor, fields, password, id, msg);
	if (password) {
		memset(password, 0, strlen(password));
		free(password);
	}
	json_decref(fields);
	return rc;
}

static enum rd_err update_impact(struct rd_req *req, const struct api_entity *ae, int64_t id,
				 json_t *in, char **msg)
{
	json_t *rec;
	enum rd_err rc = rd_record_get(req->store, "impact", id, &rec, msg);
	if (rc)
		return rc;
	rc = rd_impact_set(req->store, &req->actor, json_integer_value(json_object_get(rec, "failure_id")),
			   json_integer_value(json_object_get(rec, "client_id")), in, NULL, msg);
	json_decref(rec);
	return rc;
}

#define AG RD_ROLE_AGENT
static const struct api_entity api_entities[] = {
	{"user", RD_ROLE_ADMIN, create_user, update_generic, NULL, NULL},
	{"service", AG, create_generic, update_generic, NULL, NULL},
	{"client", AG, create_client, update_client, rd_client_show, NULL},
	{"contact", AG, create_generic, update_generic, NULL, NULL},
	{"failure", AG, create_failure, update_failure, rd_failure_show, NULL},
	{"impact", AG, NULL, update_impact, NULL, NULL},
	{"communication", AG, create_comm, NULL, NULL, NULL},
	{"rca", AG, NULL, NULL, NULL, NULL},
	{"plan_action", AG, create_generic, update_generic, NULL, NULL},
	{"eta_revision", AG, NULL, NULL, NULL, NULL},
	{"commitment", AG, create_generic, NULL, NULL, NULL},
	{"goodwill", AG, create_generic, NULL, NULL, NULL},
	{"survey", AG, create_survey, NULL, NULL, "sent_at"},
	{"survey_answer", AG, create_generic, NULL, NULL, "at"},
	{"near_miss", AG, create_near_miss, update_generic, NULL, "at"},
	{"review", AG, create_generic, update_generic, NULL, NULL},
	{"review_action", AG, create_generic, update_generic, NULL, NULL},
	{"audit", RD_ROLE_ADMIN, NULL, NULL, NULL, NULL},
	{NULL, 0, NULL, NULL, NULL, NULL},
};

/* Entities whose create hands back the record as written (a new
 * reference), so the 201 needs no read-back: used instead of create. */
typedef enum rd_err (*create_rec_fn)(struct rd_req *req, json_t *in, json_t **rec, char **msg);
static const struct {
	const char *entity;
	create_rec_fn create_rec;
} create_recs[] = {
	{"communication", create_comm_rec},
};

static create_rec_fn create_rec_for(const struct api_entity *ae)
{
	for (size_t i = 0; i < sizeof create_recs / sizeof create_recs[0]; i++)
		if (strcmp(create_recs[i].entity, ae->entity) == 0)
			return create_recs[i].create_rec;
	return NULL;
}

static const struct api_entity *ae_for(const struct rd_route *r)
{
	for (const struct api_entity *ae = api_entities; ae->entity; ae++)
		if (strcmp(ae->entity, r->entity) == 0)
			return ae;
	return NULL;
}

/* ---- handlers ---- */

struct collect {
	json_t *items;
};

static int collect(json_t *rec, void *ctx)
{
	json_array_append(((struct collect *)ctx)->items, rec);
	return 0;
}

static bool query_int(struct rd_req *req, struct rd_resp *resp, const char *key, int64_t dflt,
		      int64_t min, int64_t max, int64_t *out)
{
	const char *v = json_string_value(json_object_get(req->query, key));
	*out = dflt;
	if (!v)
		return true;
	char *end;
	long long n = strtoll(v, &end, 10);
	if (!*v || *end || n < min || n > max) {
		char d[128];
		snprintf(d, sizeof d, "?%s must be a whole number from %" PRId64 " to %" PRId64, key, min, max);
		rd_resp_problem(resp, req, 400, "bad-request", d);
		return false;
	}
	*out = n;
	return true;
}

static void next_link(struct rd_buf *b, struct rd_req *req, int64_t limit, int64_t offset)
{
	rd_buf_adds(b, req->path);
	rd_buf_addf(b, "?limit=%" PRId64 "&offset=%" PRId64, limit, offset);
	const char *k;
	json_t *v;
	json_object_foreach(req->query, k, v) {
		if (strcmp(k, "limit") == 0 || strcmp(k, "offset") == 0)
			continue;
		rd_buf_addc(b, '&');
		rd_buf_add_urlenc(b, k);
		rd_buf_addc(b, '=');
		rd_buf_add_urlenc(b, json_string_value(v));
	}
}

static void api_list(struct rd_req *req, struct rd_resp *resp)
{
	int64_t limit, offset;
	/* A CSV or XLSX download holds the whole list up to its own cap
	 * (export.h); limit and offset page it like JSON. */
	int64_t dflt = req->export_format ? RD_EXPORT_MAX_ROWS : LIST_DEFAULT;
	int64_t max = req->export_format ? RD_EXPORT_MAX_ROWS : LIST_MAX;
	if (!query_int(req, resp, "limit", dflt, 1, max, &limit) ||
	    !query_int(req, resp, "offset", 0, 0, INT64_MAX / 2, &offset))
		return;
	json_t *filter = json_deep_copy(req->query);
	json_object_del(filter, "limit");
	json_object_del(filter, "offset");
	struct collect c = {json_array()};
	char *msg = NULL;
	/* One extra row says whether there is a next page. */
	enum rd_err rc = rd_record_list(req->store, req->route->entity, filter, limit + 1, offset, collect,
					&c, &msg);
	json_decref(filter);
	if (rc) {
		if (rc == RD_EINVAL) {
			rd_resp_problem(resp, req, 400, "bad-request", msg);
			free(msg);
		} else {
			rd_resp_err(resp, req, rc, msg);
		}
		json_decref(c.items);
		return;
	}
	json_t *out = json_pack("{sI sI}", "limit", (json_int_t)limit, "offset", (json_int_t)offset);
	if ((int64_t)json_array_size(c.items) > limit) {
		json_array_remove(c.items, json_array_size(c.items) - 1);
		struct rd_buf b = RD_BUF_INIT;
		next_link(&b, req, limit, offset + limit);
		json_object_set_new(out, "next", json_string(b.data));
		struct rd_buf h = RD_BUF_INIT;
		rd_buf_addf(&h, "<%s>; rel=\"next\"", b.data);
		rd_resp_header(resp, "Link", h.data);
		rd_buf_free(&h);
		rd_buf_free(&b);
	} else {
		json_object_set_new(out, "next", json_null());
	}
	json_object_set_new(out, "items", c.items);
	rd_resp_json(resp, 200, out);
}

static void api_get(struct rd_req *req, struct rd_resp *resp)
{
	const struct api_entity *ae = ae_for(req->route);
	int64_t id;
	if (!rd_req_path_id(req, resp, 0, ae->entity, &id))
		return;
	json_t *rec;
	char *msg = NULL;
	enum rd_err rc = ae->show ? ae->show(req->store, id, &rec, &msg)
				  : rd_record_get(req->store, ae->entity, id, &rec, &msg);
	if (rc) {
		rd_resp_err(resp, req, rc, msg);
		return;
	}
	rd_resp_json(resp, 200, rec);
}

static void api_create(struct rd_req *req, struct rd_resp *resp)
{
	const struct api_entity *ae = ae_for(req->route);
	json_t *in = req->json ? json_incref(req->json) : json_object();
	int64_t id = 0;
	char *msg = NULL;
	json_t *rec = NULL;
	create_rec_fn create_rec = create_rec_for(ae);
	enum rd_err rc = create_rec ? create_rec(req, in, &rec, &msg) : ae->create(req, ae, in, &id, &msg);
	json_decref(in);
	if (rc) {
		rd_resp_err(resp, req, rc, msg);
		return;
	}
	if (rec) {
		char loc[160];
		id = json_integer_value(json_object_get(rec, "id"));
		snprintf(loc, sizeof loc, "/api/%s/%" PRId64, rd_entity_find(ae->entity)->plural, id);
		rd_resp_header(resp, "Location", loc);
		/* encoded once the writer slot is let go (router.c) */
		rd_resp_json_later(resp, 201, rec);
		return;
	}
	if (ae->show) {
		json_t *rec;
		if ((rc = ae->show(req->store, id, &rec, &msg))) {
			rd_resp_err(resp, req, rc, msg);
			return;
		}
		char loc[160];
		snprintf(loc, sizeof loc, "/api/%s/%" PRId64, rd_entity_find(ae->entity)->plural, id);
		rd_resp_header(resp, "Location", loc);
		rd_resp_json(resp, 201, rec);
		return;
	}
	rd_resp_record(resp, req, ae->entity, id, 201);
}

static void api_update(struct rd_req *req, struct rd_resp *resp)
{
	const struct api_entity *ae = ae_for(req->route);
	int64_t id;
	if (!rd_req_path_id(req, resp, 0, ae->entity, &id))
		return;
	json_t *in = req->json ? json_incref(req->json) : json_object();
	char *msg = NULL;
	enum rd_err rc = ae->update(req, ae, id, in, &msg);
	json_decref(in);
	if (rc) {
		rd_resp_err(resp, req, rc, msg);
		return;
	}
	rd_resp_record(resp, req, ae->entity, id, 200);
}

static char *fmt(const char *f, const char *a)
{
	char *s = NULL;
	if (asprintf(&s, f, a) < 0) {
		fputs("redress serve: out of memory\n", stderr);
		exit(1);
	}
	return s;
}

void rd_api_entity_routes(struct rd_route **v, size_t *n, size_t *cap)
{
	for (const struct api_entity *ae = api_entities; ae->entity; ae++) {
		const struct rd_entity *e = rd_entity_find(ae->entity);
		if (!e) {
			fprintf(stderr, "redress serve: api_entities names unknown entity '%s'\n", ae->entity);
			exit(1);
		}
		enum rd_role read = RD_ROLE_VIEWER;
		struct rd_route rows[4];
		int k = 0;
		rows[k++] = (struct rd_route){"GET", fmt("/api/%s", e->plural), api_list, read, 0,
					      fmt("list %s (filters: any field; limit, offset)", e->plural), e->name};
		rows[k++] = (struct rd_route){"GET", fmt("/api/%s/{id}", e->plural), api_get, read, RD_ROUTE_CACHE,
					      fmt("one %s", e->name), e->name};
		if (ae->create)
			rows[k++] = (struct rd_route){"POST", fmt("/api/%s", e->plural), api_create, ae->write_role,
						      0, fmt("create a %s", e->name), e->name};
		if (ae->update)
			rows[k++] = (struct rd_route){"PATCH", fmt("/api/%s/{id}", e->plural), api_update,
						      ae->write_role, 0, fmt("change a %s", e->name), e->name};
		for (int i = 0; i < k; i++) {
			if (*n + 1 >= *cap) {
				*cap = *cap ? *cap * 2 : 64;
				*v = realloc(*v, *cap * sizeof **v);
				if (!*v)
					exit(1);
			}
			(*v)[(*n)++] = rows[i];
		}
	}
}
