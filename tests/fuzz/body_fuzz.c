/* body_fuzz.c — libFuzzer target for JSON request bodies: the server's body
 * parsing (json_loadb with duplicate keys refused, an object required, as
 * src/server/router.c does) and then the write the API makes of it, through
 * the same library calls as src/server/api_records.c, on a seeded SQLite
 * database that is reset for every input.
 *
 * Input: a first line naming the entity ("client") for a create, or the
 * entity and an id ("client 1") for an update; the rest is the body.
 * Invariants, each an abort():
 *   - a refusal is a user error (never RD_EDB, never the database's own
 *     words: a check the validation missed), with a UTF-8
 *     message, and changes nothing — no row in any
 *     entity table or the audit log, the updated record as it was;
 *   - an accepted write adds exactly its record (create) and an audit row
 *     when something changed; a text field reads back as given;
 *   - the record as redress shows it is valid input again and, written back
 *     as an update, changes nothing (what GET returns, PATCH accepts). */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "redress/model.h"
#include "redress/store.h"
#include "redress/time.h"
#include "util/buf.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[256], template_path[300], work_path[300];
static char *template_db;   /* the seeded database's bytes */
static size_t template_len;
static struct rd_actor sys;
static bool verbose;        /* $BODY_FUZZ_VERBOSE: say what each input did */

/* ---- the writes the API makes (src/server/api_records.c) ---- */

typedef enum rd_err (*create_fn)(struct rd_store *s, const char *entity, json_t *in, int64_t *id,
				 char **msg);
typedef enum rd_err (*update_fn)(struct rd_store *s, const char *entity, int64_t id, json_t *in,
				 char **msg);

static enum rd_err create_generic(struct rd_store *s, const char *entity, json_t *in, int64_t *id,
				  char **msg)
{
	static const struct { const char *entity, *status, *default_time; } extras[] = {
		{"commitment", "open", NULL}, {"goodwill", "proposed", NULL},
		{"plan_action", "planned", NULL}, {"survey", NULL, "sent_at"},
		{"survey_answer", NULL, "at"}, {"near_miss", NULL, "at"},
	};
	json_t *fields = json_deep_copy(in), *extra = NULL;
	for (size_t i = 0; i < sizeof extras / sizeof extras[0]; i++) {
		if (strcmp(extras[i].entity, entity) != 0)
			continue;
		if (extras[i].status)
			extra = json_pack("{ss}", "status", extras[i].status);
		if (extras[i].default_time && !json_object_get(fields, extras[i].default_time))
			json_object_set_new(fields, extras[i].default_time, json_integer(sys.now));
	}
	enum rd_err rc = rd_record_create(s, &sys, entity, fields, extra, id, msg);
	json_decref(fields);
	json_decref(extra);
	return rc;
}

static enum rd_err create_client(struct rd_store *s, const char *entity, json_t *in, int64_t *id,
				 char **msg)
{
	return rd_client_add(s, &sys, in, id, msg);
}

static enum rd_err create_failure(struct rd_store *s, const char *entity, json_t *in, int64_t *id,
				  char **msg)
{
	return rd_failure_open(s, &sys, in, id, msg);
}

static enum rd_err create_comm(struct rd_store *s, const char *entity, json_t *in, int64_t *id,
			       char **msg)
{
	return rd_comm_log(s, &sys, in, id, msg);
}

/* Without a password: hashing one with argon2id costs ~0.1 s an input. */
static enum rd_err create_user(struct rd_store *s, const char *entity, json_t *in, int64_t *id,
			       char **msg)
{
	return rd_user_add(s, &sys, in, NULL, id, msg);
}

static enum rd_err update_generic(struct rd_store *s, const char *entity, int64_t id, json_t *in,
				  char **msg)
{
	return rd_record_update(s, &sys, entity, id, in, NULL, msg);
}

static enum rd_err update_client(struct rd_store *s, const char *entity, int64_t id, json_t *in,
				 char **msg)
{
	if (json_object_get(in, "services"))
		return rd_fail(RD_EINVAL, msg, "add services with POST /api/clients/{id}/services");
	return rd_client_update(s, &sys, id, in, msg);
}

static enum rd_err update_failure(struct rd_store *s, const char *entity, int64_t id, json_t *in,
				  char **msg)
{
	return rd_failure_update(s, &sys, id, in, msg);
}

static enum rd_err update_impact(struct rd_store *s, const char *entity, int64_t id, json_t *in,
				 char **msg)
{
	json_t *rec;
	enum rd_err rc = rd_record_get(s, "impact", id, &rec, msg);
	if (rc)
		return rc;
	rc = rd_impact_set(s, &sys, json_integer_value(json_object_get(rec, "failure_id")),
			   json_integer_value(json_object_get(rec, "client_id")), in, NULL, msg);
	json_decref(rec);
	return rc;
}

static const struct route {
	const char *entity;
	create_fn create;   /* NULL: no POST */
	update_fn update;   /* NULL: no PATCH */
} routes[] = {
	{"user", create_user, update_generic},
	{"service", create_generic, update_generic},
	{"client", create_client, update_client},
	{"contact", create_generic, update_generic},
	{"failure", create_failure, update_failure},
	{"impact", NULL, update_impact},
	{"communication", create_comm, NULL},
	{"plan_action", create_generic, update_generic},
	{"commitment", create_generic, NULL},
	{"goodwill", create_generic, NULL},
	{"survey", create_generic, NULL},
	{"survey_answer", create_generic, NULL},
	{"near_miss", create_generic, update_generic},
	{"review", create_generic, update_generic},
	{"review_action", create_generic, update_generic},
};

/* ---- the database ---- */

static void die(const char *what, const char *msg)
{
	fprintf(stderr, "body_fuzz: %s: %s\n", what, msg ? msg : "?");
	abort();
}

static void seed_create(struct rd_store *s, const char *entity, const char *json)
{
	json_t *in = json_loads(json, 0, NULL);
	char *msg = NULL;
	int64_t id;
	const struct route *r = NULL;
	for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++)
		if (strcmp(routes[i].entity, entity) == 0)
			r = &routes[i];
	if (!in || !r || r->create(s, entity, in, &id, &msg))
		die(entity, msg);
	json_decref(in);
}

static void seed(struct rd_store *s)
{
	seed_create(s, "user", "{\"email\":\"ana@example.com\",\"name\":\"Ana Lima\",\"role\":\"manager\"}");
	seed_create(s, "client", "{\"name\":\"Northwind Logistics\",\"tier\":\"key\",\"value\":\"480,000\","
		    "\"currency\":\"EUR\",\"tz\":\"Europe/Berlin\",\"owner_id\":\"ana@example.com\","
		    "\"services\":[\"Payments API\"]}");
	seed_create(s, "client", "{\"name\":\"Blue Harbor Foods\",\"tz\":\"America/Chicago\"}");
	seed_create(s, "contact", "{\"client_id\":\"Northwind Logistics\",\"name\":\"Lena Vogel\","
		    "\"email\":\"lena@northwind.example\"}");
	seed_create(s, "failure", "{\"title\":\"Payments API outage\",\"severity\":1,"
		    "\"detected_at\":\"2026-11-23T08:00:00Z\",\"services\":[\"Payments API\"]}");
	seed_create(s, "communication", "{\"failure_id\":1,\"client_id\":1,\"kind\":\"apology\","
		    "\"channel\":\"call\",\"at\":\"2026-11-23T08:40:00Z\",\"summary\":\"Called Lena\"}");
	seed_create(s, "plan_action", "{\"failure_id\":1,\"kind\":\"repair\",\"description\":\"Rotate the "
		    "certificate\",\"due_at\":\"2026-11-25T17:00:00Z\"}");
	seed_create(s, "survey", "{\"failure_id\":1,\"client_id\":1}");
	seed_create(s, "near_miss", "{\"title\":\"Disk almost full\"}");
	seed_create(s, "review", "{\"failure_id\":1}");
	seed_create(s, "review_action", "{\"review_id\":1,\"text\":\"Alert on expiry\"}");
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	struct rd_buf b = RD_BUF_INIT;
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		rd_buf_add(&b, chunk, n);
	fclose(f);
	*len = b.len;
	return b.data;
}

static void remove_db(const char *path)
{
	static const char *const suffix[] = {"", "-wal", "-shm", "-journal"};
	char p[320];
	for (int i = 0; i < 4; i++) {
		snprintf(p, sizeof p, "%s%s", path, suffix[i]);
		unlink(p);
	}
}

static void cleanup(void)
{
	remove_db(template_path);
	remove_db(work_path);
	rmdir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	setenv("REDRESS_NOW", "2026-11-23T09:00:00Z", 1);
	unsetenv("REDRESS_DATA_DIR");
	unsetenv("REDRESS_POLICY");
	const char *tmp = getenv("TMPDIR");
	snprintf(dir, sizeof dir, "%s/rd-body-fuzz-XXXXXX", tmp && *tmp && strlen(tmp) < 200 ? tmp : "/tmp");
	if (!mkdtemp(dir))
		die("mkdtemp", strerror(errno));
	snprintf(template_path, sizeof template_path, "%s/template.db", dir);
	snprintf(work_path, sizeof work_path, "%s/work.db", dir);
	atexit(cleanup);
	rd_actor_system(&sys, "fuzz");
	/* every write is dated by its actor: a fixed instant keeps runs repeatable */
	if (rd_time_parse("2026-11-23T12:00:00Z", &sys.now, NULL))
		die("now", "cannot parse the fixed instant");
	verbose = getenv("BODY_FUZZ_VERBOSE") != NULL;
	struct rd_store *s;
	char *msg = NULL;
	if (rd_store_open(template_path, &s, &msg))
		die("open", msg);
	seed(s);
	rd_store_close(s); /* checkpoints: the whole database is in the one file */
	template_db = slurp(template_path, &template_len);
	if (!template_db)
		die("read template", strerror(errno));
	return 0;
}

static struct rd_store *fresh_store(void)
{
	remove_db(work_path);
	int fd = open(work_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd < 0 || write(fd, template_db, template_len) != (ssize_t)template_len || close(fd))
		die("write work database", strerror(errno));
	struct rd_store *s;
	char *msg = NULL;
	if (rd_store_open(work_path, &s, &msg))
		die("open work database", msg);
	return s;
}

/* Rows in every entity table and the audit log, as one fingerprint. */
static json_t *row_counts(struct rd_store *s)
{
	json_t *o = json_object();
	for (const struct rd_entity *e = rd_entities; e->name; e++) {
		struct rd_buf sql = RD_BUF_INIT;
		rd_buf_addf(&sql, "SELECT count(*), coalesce(max(id), 0) FROM %s", e->table);
		struct rd_stmt *st = NULL;
		bool row = false;
		if (sql.oom || rd_store_prepare(s, sql.data, &st))
			die("count", rd_store_errmsg(s));
		if (rd_stmt_step(st, &row) || !row)
			die("count", rd_store_errmsg(s));
		json_object_set_new(o, e->name, json_pack("[II]", (json_int_t)rd_stmt_col_int(st, 0),
							  (json_int_t)rd_stmt_col_int(st, 1)));
		rd_stmt_free(st);
		rd_buf_free(&sql);
	}
	return o;
}

static json_int_t count_of(json_t *counts, const char *entity)
{
	return json_integer_value(json_array_get(json_object_get(counts, entity), 0));
}

static void violated(const char *what, const char *entity, int64_t id, json_t *a, json_t *b)
{
	char *x = a ? json_dumps(a, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
	char *y = b ? json_dumps(b, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
	fprintf(stderr, "body_fuzz: %s %" PRId64 ": %s\n  before: %s\n  after:  %s\n", entity, id, what,
		x ? x : "-", y ? y : "-");
	abort();
}

/* The record as shown, minus what input may not give: valid update input. */
static json_t *as_input(const struct rd_entity *e, json_t *rec)
{
	json_t *in = json_object();
	for (size_t i = 0; i < e->nfields; i++) {
		const struct rd_field *f = &e->fields[i];
		if (f->flags & (RD_FF_INTERNAL | RD_FF_FIXED | RD_FF_SECRET))
			continue;
		json_t *v = json_object_get(rec, f->name);
		if (v)
			json_object_set(in, f->name, v);
	}
	return in;
}

static void round_trip(struct rd_store *s, const struct rd_entity *e, int64_t id)
{
	json_t *rec = NULL, *again = NULL;
	char *msg = NULL;
	if (rd_record_get(s, e->name, id, &rec, &msg))
		violated("accepted, but cannot be read back", e->name, id, NULL, NULL);
	json_t *in = as_input(e, rec);
	json_t *before = row_counts(s);
	if (rd_record_update(s, &sys, e->name, id, in, NULL, &msg) != RD_OK) {
		fprintf(stderr, "body_fuzz: the record as shown is refused as input: %s\n", msg);
		violated("does not round-trip", e->name, id, rec, in);
	}
	json_t *after = row_counts(s);
	if (rd_record_get(s, e->name, id, &again, NULL) || !json_equal(rec, again))
		violated("its own output written back changed it", e->name, id, rec, again);
	if (!json_equal(before, after))
		violated("its own output written back wrote rows", e->name, id, before, after);
	json_decref(rec);
	json_decref(again);
	json_decref(in);
	json_decref(before);
	json_decref(after);
}

/* A text field given as a string reads back as that string. */
static void texts_read_back(const struct rd_entity *e, json_t *body, json_t *rec, int64_t id)
{
	const char *key;
	json_t *v;
	json_object_foreach(body, key, v) {
		const struct rd_field *f = rd_entity_field(e, key);
		if (!f || !json_is_string(v) || (f->type != RD_F_TEXT && f->type != RD_F_EMAIL &&
						  f->type != RD_F_ENUM && f->type != RD_F_TZ))
			continue;
		if (!json_equal(v, json_object_get(rec, f->name)))
			violated("a text field does not read back as given", e->name, id, body, rec);
	}
}

static bool user_error(enum rd_err rc)
{
	return rc == RD_EINVAL || rc == RD_ENOTFOUND || rc == RD_EEXIST || rc == RD_ESTATE ||
	       rc == RD_EPERM;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *nl = memchr(data, '\n', size);
	if (!nl || nl - (const char *)data > 64)
		return 0;
	char head[65];
	memcpy(head, data, (size_t)(nl - (const char *)data));
	head[nl - (const char *)data] = '\0';
	const char *body = nl + 1;
	size_t body_len = size - (size_t)(body - (const char *)data);

	/* the route: "entity" creates, "entity ID" updates */
	char *sp = strchr(head, ' ');
	int64_t id = 0;
	if (sp) {
		*sp = '\0';
		char *end;
		long long v = strtoll(sp + 1, &end, 10);
		if (*end || end == sp + 1)
			return 0;
		id = v;
	}
	const struct route *r = NULL;
	for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++)
		if (strcmp(routes[i].entity, head) == 0)
			r = &routes[i];
	if (!r || (sp ? !r->update : !r->create))
		return 0;
	const struct rd_entity *e = rd_entity_find(r->entity);

	/* the body, as the router parses it */
	json_error_t jerr;
	json_t *in = json_loadb(body, body_len, JSON_REJECT_DUPLICATES, &jerr);
	if (!in)
		return 0; /* 400 malformed-json */
	if (!json_is_object(in)) {
		json_decref(in);
		return 0; /* 422 */
	}

	struct rd_store *s = fresh_store();
	json_t *counts = row_counts(s), *rec_before = NULL;
	if (sp && rd_record_get(s, e->name, id, &rec_before, NULL) != RD_OK)
		rec_before = NULL; /* no such record: the write must say so */
	char *msg = NULL;
	int64_t new_id = 0;
	enum rd_err rc = sp ? r->update(s, r->entity, id, in, &msg) : r->create(s, r->entity, in, &new_id, &msg);
	json_t *counts_after = row_counts(s);
	if (verbose)
		fprintf(stderr, "body_fuzz: %s %s -> rc %d, id %" PRId64 ": %s\n", sp ? "PATCH" : "POST",
			r->entity, (int)rc, sp ? id : new_id, msg ? msg : "ok");
	if (rc != RD_OK) {
		/* Validation speaks before the database does: record.c's "writing
		 * client failed: NOT NULL constraint failed: clients.tier" passes
		 * on the database's refusal, so a check is missing. (The start of
		 * a message is redress's own text; the rest may quote input.) */
		if (!user_error(rc) || !msg || !*msg || !rd_utf8_valid(msg, strlen(msg), NULL) ||
		    strncmp(msg, "writing ", 8) == 0) {
			fprintf(stderr, "body_fuzz: refused with rc %d: %s\n", (int)rc, msg ? msg : "(no message)");
			violated("not a clean user error", e->name, id, in, NULL);
		}
		if (!json_equal(counts, counts_after))
			violated("a refused write changed rows", e->name, id, counts, counts_after);
		json_t *rec_after = NULL;
		if (rec_before && (rd_record_get(s, e->name, id, &rec_after, NULL) ||
				   !json_equal(rec_before, rec_after)))
			violated("a refused update changed the record", e->name, id, rec_before, rec_after);
		json_decref(rec_after);
	} else {
		if (msg)
			violated("success with an error message", e->name, id, in, NULL);
		if (!sp) {
			id = new_id;
			if (count_of(counts_after, e->name) != count_of(counts, e->name) + 1)
				violated("a create did not add exactly one record", e->name, id, counts, counts_after);
		} else if (!rec_before) {
			violated("an update of a record that does not exist succeeded", e->name, id, in, NULL);
		}
		json_t *rec = NULL;
		if (rd_record_get(s, e->name, id, &rec, NULL))
			violated("accepted, but cannot be read back", e->name, id, in, NULL);
		if (!json_equal(rec_before, rec) && count_of(counts_after, "audit") <= count_of(counts, "audit"))
			violated("a write that changed the record left no audit row", e->name, id, rec_before, rec);
		texts_read_back(e, in, rec, id);
		json_decref(rec);
		round_trip(s, e, id);
	}
	free(msg);
	json_decref(rec_before);
	json_decref(counts);
	json_decref(counts_after);
	json_decref(in);
	rd_store_close(s);
	return 0;
}
