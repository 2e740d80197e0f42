/* record_test.c — lib/record.c, the generic record engine: create/get/
 * update/list/lookup through the schema table, every class of bad input
 * refused with a message naming entity.field and nothing written (not even
 * an audit row), the audit trail of every real change, money parsing and
 * formatting, and transactions nested inside a caller's. */
#include "unit.h"

static int64_t audit_rows(struct fx *f)
{
	return count_rows(f->s, "SELECT count(*) FROM audit_log");
}

static void create_get_round_trip_with_audit(void **state)
{
	struct fx *f = *state;
	json_t *in = J("{\"name\": \"Acme\", \"tier\": \"key\", \"value\": \"4,500.50\", \"currency\": \"EUR\","
		       " \"tz\": \"Europe/Berlin\", \"tags\": \"retail\", \"sla_credit_pct\": \"10\"}");
	int64_t id = 0;
	assert_ok(rd_record_create(f->s, &f->sys, "client", in, NULL, &id, &m_));
	json_decref(in);
	assert_true(id > 0);
	json_t *r = NULL;
	assert_ok(rd_record_get(f->s, "client", id, &r, &m_));
	assert_int_equal(json_integer_value(json_object_get(r, "id")), id);
	assert_string_equal(json_string_value(json_object_get(r, "name")), "Acme");
	assert_string_equal(json_string_value(json_object_get(r, "value")), "4500.50");
	assert_string_equal(json_string_value(json_object_get(r, "tz")), "Europe/Berlin");
	assert_int_equal(json_integer_value(json_object_get(r, "sla_credit_pct")), 10);
	assert_string_equal(json_string_value(json_object_get(r, "risk")), "normal"); /* column default */
	assert_string_equal(json_string_value(json_object_get(r, "created_at")), "2026-11-22T12:00:00Z");
	assert_true(json_is_null(json_object_get(r, "owner_id")));
	json_decref(r);
	/* one audit row, by the actor, with the record after */
	assert_int_equal(audit_rows(f), 1);
	char *after = text_of(f->s, "SELECT after FROM audit_log WHERE entity = 'client' AND entity_id = ?1 "
			      "AND action = 'create' AND actor = 'system:test' AND before IS NULL", id);
	assert_non_null(after);
	assert_non_null(strstr(after, "\"name\":\"Acme\""));
	free(after);
	assert_fails(rd_record_get(f->s, "client", 999, &r, &m_), RD_ENOTFOUND, "999");
	assert_fails(rd_record_get(f->s, "gizmo", 1, &r, &m_), RD_EINVAL, "gizmo");
}

struct bad_case {
	const char *entity;
	const char *json;
	enum rd_err want;
	const char *needle; /* must appear in the message */
};

static void refuses_bad_input_naming_the_field(void **state)
{
	struct fx *f = *state;
	add_client(f, "{\"name\": \"Existing\"}");
	int64_t before_rows = count_rows(f->s, "SELECT count(*) FROM clients");
	int64_t before_audit = audit_rows(f);
	static const struct bad_case cases[] = {
		{"client", "{\"tier\": \"key\"}", RD_EINVAL, "client.name is required"},
		{"client", "{\"name\": \"   \"}", RD_EINVAL, "client.name must not be empty"},
		{"client", "{\"name\": null}", RD_EINVAL, "client.name is required"},
		{"client", "{\"name\": 42}", RD_EINVAL, "client.name must be a string"},
		{"client", "{\"name\": \"A\", \"colour\": \"red\"}", RD_EINVAL, "unknown field 'colour'"},
		{"client", "{\"name\": \"A\", \"risk\": \"elevated\"}", RD_EINVAL, "client.risk is set by redress"},
		{"client", "{\"name\": \"A\", \"id\": 7}", RD_EINVAL, "client.id is set by redress"},
		{"client", "{\"name\": \"A\", \"tier\": \"gold\"}", RD_EINVAL, "client.tier: 'gold' is not one of: key, standard"},
		{"client", "{\"name\": \"A\", \"tier\": 1}", RD_EINVAL, "client.tier"},
		{"client", "{\"name\": \"A\", \"value\": \"abc\"}", RD_EINVAL, "client.value"},
		{"client", "{\"name\": \"A\", \"value\": \"-5\"}", RD_EINVAL, "client.value"},
		{"client", "{\"name\": \"A\", \"value\": -5}", RD_EINVAL, "client.value must not be negative"},
		{"client", "{\"name\": \"A\", \"value\": \"1.005\"}", RD_EINVAL, "more than two decimals"},
		{"client", "{\"name\": \"A\", \"value\": \"12 EUR\"}", RD_EINVAL, "client.value"},
		{"client", "{\"name\": \"A\", \"value\": \"92233720368547759\"}", RD_EINVAL, "too large"},
		{"client", "{\"name\": \"A\", \"value\": 1e300}", RD_EINVAL, "client.value"},
		{"client", "{\"name\": \"A\", \"value\": true}", RD_EINVAL, "client.value must be an amount"},
		{"client", "{\"name\": \"A\", \"tz\": \"Mars/Base\"}", RD_EINVAL, "client.tz: unknown time zone 'Mars/Base'"},
		{"client", "{\"name\": \"A\", \"tz\": \"../../etc/passwd\"}", RD_EINVAL, "client.tz"},
		{"client", "{\"name\": \"A\", \"sla_credit_pct\": 101}", RD_EINVAL, "client.sla_credit_pct must be between 0 and 100"},
		{"client", "{\"name\": \"A\", \"sla_credit_pct\": \"5x\"}", RD_EINVAL, "not a whole number"},
		{"client", "{\"name\": \"A\", \"sla_credit_pct\": \"\"}", RD_EINVAL, "client.sla_credit_pct"},
		{"client", "{\"name\": \"A\", \"sla_credit_pct\": 2.5}", RD_EINVAL, "client.sla_credit_pct"},
		{"client", "{\"name\": \"A\", \"owner\": \"nobody@example.com\"}", RD_EINVAL, "unknown user 'nobody@example.com'"},
		{"client", "{\"name\": \"A\", \"owner_id\": 99}", RD_EINVAL, "unknown user '99'"},
		{"client", "{\"name\": \"A\", \"owner\": [1]}", RD_EINVAL, "client.owner_id must name a user"},
		{"client", "{\"name\": \"existing\"}", RD_EEXIST, "client 'existing' already exists"},
		{"client", "[1, 2]", RD_EINVAL, "client input must be a JSON object"},
		{"failure", "{\"title\": \"T\"}", RD_EINVAL, "failure.severity is required"},
		{"failure", "{\"title\": \"T\", \"severity\": 0}", RD_EINVAL, "failure.severity must be between 1 and 4, got 0"},
		{"failure", "{\"title\": \"T\", \"severity\": 5, \"detected_at\": 0}", RD_EINVAL, "failure.severity"},
		{"failure", "{\"title\": \"T\", \"severity\": 2, \"detected_at\": \"tomorrow\"}", RD_EINVAL, "failure.detected_at: 'tomorrow'"},
		{"failure", "{\"title\": \"T\", \"severity\": 2, \"detected_at\": \"2026-11-23T09:00:00\"}", RD_EINVAL, "no zone"},
		{"failure", "{\"title\": \"T\", \"severity\": 2, \"detected_at\": 1.5}", RD_EINVAL, "failure.detected_at"},
		{"failure", "{\"title\": \"T\", \"severity\": 2, \"detected_at\": 99999999999999999}", RD_EINVAL, "failure.detected_at"},
		{"failure", "{\"title\": \"T\", \"severity\": 2, \"detected_at\": -1}", RD_EINVAL, "failure.detected_at"},
		{"user", "{\"email\": \"not-an-email\", \"name\": \"N\", \"role\": \"agent\"}", RD_EINVAL, "user.email: 'not-an-email' is not an email address"},
		{"user", "{\"email\": \"a@b\", \"name\": \"N\", \"role\": \"agent\"}", RD_EINVAL, "user.email"},
		{"user", "{\"email\": \"a b@c.d\", \"name\": \"N\", \"role\": \"agent\"}", RD_EINVAL, "user.email"},
		{"user", "{\"email\": \"a@b.c\", \"name\": \"N\", \"role\": \"boss\"}", RD_EINVAL, "user.role: 'boss'"},
		{"user", "{\"email\": \"a@b.c\", \"name\": \"N\", \"role\": \"agent\", \"disabled\": \"maybe\"}", RD_EINVAL, "user.disabled must be true or false"},
		{"user", "{\"email\": \"a@b.c\", \"name\": \"N\", \"role\": \"agent\", \"password_hash\": \"x\"}", RD_EINVAL, "user.password_hash is set by redress"},
		{"contact", "{\"name\": \"N\", \"email\": \"n@x.io\"}", RD_EINVAL, "contact.client_id is required"},
		{"contact", "{\"client\": \"Existing\", \"client_id\": 1, \"name\": \"N\", \"email\": \"n@x.io\"}", RD_EINVAL, "contact.client_id given twice"},
		{"contact", "{\"client\": \"Nope\", \"name\": \"N\", \"email\": \"n@x.io\"}", RD_EINVAL, "unknown client 'Nope'"},
		{"gizmo", "{}", RD_EINVAL, "unknown entity 'gizmo'"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		json_t *in = J(cases[i].json);
		char *m = NULL;
		int64_t id = -7;
		enum rd_err rc = rd_record_create(f->s, &f->sys, cases[i].entity, in, NULL, &id, &m);
		json_decref(in);
		if (rc != cases[i].want)
			fail_msg("%s %s: got %s (%s), want %s", cases[i].entity, cases[i].json, rd_err_name(rc),
				 m ? m : "no message", rd_err_name(cases[i].want));
		if (!m || !strstr(m, cases[i].needle))
			fail_msg("%s %s: message '%s' lacks '%s'", cases[i].entity, cases[i].json, m ? m : "",
				 cases[i].needle);
		if (id != -7)
			fail_msg("%s %s: *id was written on failure", cases[i].entity, cases[i].json);
		free(m);
	}
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM clients"), before_rows);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM failures"), 0);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM users"), 0);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM contacts"), 0);
	assert_int_equal(audit_rows(f), before_audit);
}

/* Found by probing tests/fuzz/body_fuzz.c: null for a field whose column is
 * NOT NULL (a client's tier, a message's chase flag) reached the database,
 * which refused it in its own words ("NOT NULL constraint failed:
 * clients.tier"): the API answered with a table and column name instead of
 * the field. Now validation refuses it naming the field. */
static void refuses_null_where_the_column_holds_none(void **state)
{
	struct fx *f = *state;
	int64_t c = add_client(f, "{\"name\": \"Acme\", \"tier\": \"key\"}");
	int64_t clients = count_rows(f->s, "SELECT count(*) FROM clients"), audit0 = audit_rows(f);
	static const char *const fields[] = {"tier", "value", "currency", "tz"};
	for (size_t i = 0; i < 4; i++) {
		char body[96], want[64];
		snprintf(body, sizeof body, "{\"name\": \"New\", \"%s\": null}", fields[i]);
		snprintf(want, sizeof want, "client.%s cannot be null", fields[i]);
		json_t *in = J(body);
		int64_t id;
		assert_fails(rd_record_create(f->s, &f->sys, "client", in, NULL, &id, &m_), RD_EINVAL, want);
		assert_fails(rd_record_update(f->s, &f->sys, "client", c, in, NULL, &m_), RD_EINVAL, want);
		json_decref(in);
	}
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM clients"), clients);
	assert_int_equal(audit_rows(f), audit0);
	assert_field(f, "client", c, "tier", "key");
	/* null still clears a field that may be empty */
	json_t *in = J("{\"tags\": \"vip\"}");
	assert_ok(rd_record_update(f->s, &f->sys, "client", c, in, NULL, &m_));
	json_decref(in);
	in = J("{\"tags\": null}");
	assert_ok(rd_record_update(f->s, &f->sys, "client", c, in, NULL, &m_));
	json_decref(in);
	json_t *r;
	assert_ok(rd_record_get(f->s, "client", c, &r, &m_));
	assert_true(json_is_null(json_object_get(r, "tags")));
	json_decref(r);
}

static void refuses_bad_text_bytes(void **state)
{
	struct fx *f = *state;
	/* jansson's _nocheck lets the API layer hand us bytes it did not vet */
	json_t *in = json_object();
	json_object_set_new(in, "name", json_string_nocheck("bad \xff byte"));
	assert_fails(rd_record_create(f->s, &f->sys, "client", in, NULL, NULL, &m_), RD_EINVAL,
		     "client.name is not valid UTF-8 (byte 4)");
	json_object_set_new(in, "name", json_stringn_nocheck("nul\0inside", 10));
	assert_fails(rd_record_create(f->s, &f->sys, "client", in, NULL, NULL, &m_), RD_EINVAL,
		     "client.name contains a NUL");
	size_t big = 1024 * 1024 + 1;
	char *s = malloc(big + 1);
	memset(s, 'a', big);
	s[big] = '\0';
	json_object_set_new(in, "name", json_string(s));
	free(s);
	assert_fails(rd_record_create(f->s, &f->sys, "client", in, NULL, NULL, &m_), RD_EINVAL,
		     "client.name is longer than");
	json_object_set_new(in, "name", json_string("ok"));
	json_object_set_new(in, "tz", json_string_nocheck("Europe/\xc0\xaf" "Berlin"));
	assert_fails(rd_record_create(f->s, &f->sys, "client", in, NULL, NULL, &m_), RD_EINVAL, "client.tz");
	json_decref(in);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM clients"), 0);
	assert_int_equal(audit_rows(f), 0);
}

static void accepts_every_input_form(void **state)
{
	struct fx *f = *state;
	make_user(f, "sam@provider.example", "agent");
	int64_t c1 = add_client(f, "{\"name\": \"One\"}");
	int64_t id;
	/* references by label, by id number, by "#id" string and by "12" */
	static const char *const forms[] = {
		"{\"client\": \"One\", \"name\": \"A\", \"email\": \"a@one.example\"}",
		"{\"client_id\": %lld, \"name\": \"B\", \"email\": \"b@one.example\"}",
		"{\"client\": \"#%lld\", \"name\": \"C\", \"email\": \"c@one.example\"}",
		"{\"client\": \"%lld\", \"name\": \"D\", \"email\": \"d@one.example\"}",
	};
	for (int i = 0; i < 4; i++) {
		char buf[256];
		snprintf(buf, sizeof buf, forms[i], (long long)c1);
		json_t *in = J(buf);
		assert_ok(rd_record_create(f->s, &f->sys, "contact", in, NULL, &id, &m_));
		json_decref(in);
		json_t *r;
		assert_ok(rd_record_get(f->s, "contact", id, &r, &m_));
		assert_int_equal(json_integer_value(json_object_get(r, "client_id")), c1);
		json_decref(r);
	}
	/* money as integer, real and string; booleans as words; times with offsets */
	json_t *in = J("{\"name\": \"Two\", \"value\": 1200, \"owner\": \"SAM@provider.example\"}");
	assert_ok(rd_record_create(f->s, &f->sys, "client", in, NULL, &id, &m_));
	json_decref(in);
	assert_field(f, "client", id, "value", "1200.00");
	in = J("{\"name\": \"Three\", \"value\": 99.5}");
	assert_ok(rd_record_create(f->s, &f->sys, "client", in, NULL, &id, &m_));
	json_decref(in);
	assert_field(f, "client", id, "value", "99.50");
	in = J("{\"email\": \"v@p.example\", \"name\": \"V\", \"role\": \"viewer\", \"disabled\": \"yes\"}");
	assert_ok(rd_record_create(f->s, &f->sys, "user", in, NULL, &id, &m_));
	json_decref(in);
	json_t *r;
	assert_ok(rd_record_get(f->s, "user", id, &r, &m_));
	assert_true(json_is_true(json_object_get(r, "disabled")));
	assert_null(json_object_get(r, "password_hash")); /* secret: never shown */
	json_decref(r);
	in = J("{\"title\": \"T\", \"severity\": \"2\", \"detected_at\": \"2026-11-22T13:00:00+01:00\"}");
	assert_ok(rd_record_create(f->s, &f->sys, "failure", in, NULL, &id, &m_));
	json_decref(in);
	assert_field(f, "failure", id, "detected_at", "2026-11-22T12:00:00Z");
}

static void updates_audit_and_refuse_fixed_fields(void **state)
{
	struct fx *f = *state;
	int64_t c = add_client(f, "{\"name\": \"Acme\", \"tier\": \"standard\"}");
	int64_t audit0 = audit_rows(f);
	json_t *in = J("{\"tier\": \"key\", \"value\": \"10\"}");
	assert_ok(rd_record_update(f->s, &f->sys, "client", c, in, NULL, &m_));
	json_decref(in);
	assert_field(f, "client", c, "tier", "key");
	assert_int_equal(audit_rows(f), audit0 + 1);
	char *before = text_of(f->s, "SELECT before FROM audit_log WHERE action = 'update' AND entity_id = ?1", c);
	char *after = text_of(f->s, "SELECT after FROM audit_log WHERE action = 'update' AND entity_id = ?1", c);
	assert_non_null(strstr(before, "\"tier\":\"standard\""));
	assert_non_null(strstr(after, "\"tier\":\"key\""));
	free(before);
	free(after);
	/* the same values again: nothing written, not even audit */
	in = J("{\"tier\": \"key\"}");
	assert_ok(rd_record_update(f->s, &f->sys, "client", c, in, NULL, &m_));
	json_decref(in);
	in = J("{}");
	assert_ok(rd_record_update(f->s, &f->sys, "client", c, in, NULL, &m_));
	assert_ok(rd_record_update(f->s, &f->sys, "client", c, NULL, NULL, &m_));
	json_decref(in);
	assert_int_equal(audit_rows(f), audit0 + 1);
	/* fixed, internal, required-to-null, unknown id */
	int64_t k;
	in = J("{\"client\": \"Acme\", \"name\": \"K\", \"email\": \"k@acme.example\"}");
	assert_ok(rd_record_create(f->s, &f->sys, "contact", in, NULL, &k, &m_));
	json_decref(in);
	int64_t c2 = add_client(f, "{\"name\": \"Other\"}");
	in = json_pack("{sI}", "client_id", (json_int_t)c2);
	assert_fails(rd_record_update(f->s, &f->sys, "contact", k, in, NULL, &m_), RD_EINVAL,
		     "contact.client_id cannot be changed");
	json_decref(in);
	in = J("{\"risk\": \"elevated\"}");
	assert_fails(rd_record_update(f->s, &f->sys, "client", c, in, NULL, &m_), RD_EINVAL, "client.risk");
	json_decref(in);
	in = J("{\"name\": null}");
	assert_fails(rd_record_update(f->s, &f->sys, "client", c, in, NULL, &m_), RD_EINVAL, "client.name is required");
	json_decref(in);
	in = J("{\"name\": \"other\"}");
	assert_fails(rd_record_update(f->s, &f->sys, "client", c, in, NULL, &m_), RD_EEXIST, "client 'other' already exists");
	json_decref(in);
	in = J("{\"tier\": \"key\"}");
	assert_fails(rd_record_update(f->s, &f->sys, "client", 4242, in, NULL, &m_), RD_ENOTFOUND, "4242");
	json_decref(in);
	assert_field(f, "client", c, "name", "Acme");
	assert_field(f, "client", c, "risk", "normal");
	/* an optional field can be cleared */
	in = J("{\"tags\": \"x\"}");
	assert_ok(rd_record_update(f->s, &f->sys, "client", c, in, NULL, &m_));
	json_decref(in);
	in = J("{\"tags\": null}");
	assert_ok(rd_record_update(f->s, &f->sys, "client", c, in, NULL, &m_));
	json_decref(in);
	char *tags = field_str(f, "client", c, "tags");
	assert_null(tags);
	/* EXTRA (trusted, column form) may set internal fields */
	json_t *extra = J("{\"risk\": \"elevated\"}");
	assert_ok(rd_record_update(f->s, &f->sys, "client", c, NULL, extra, &m_));
	json_decref(extra);
	assert_field(f, "client", c, "risk", "elevated");
}

struct collected {
	json_t *arr;
	int stop_after;
};

static int collect(json_t *rec, void *ctx)
{
	struct collected *c = ctx;
	json_array_append(c->arr, rec);
	return c->stop_after && (int)json_array_size(c->arr) >= c->stop_after;
}

static json_t *list(struct fx *f, const char *entity, const char *filter, int64_t limit, int64_t offset,
		    int stop_after)
{
	struct collected c = {json_array(), stop_after};
	json_t *flt = filter ? J(filter) : NULL;
	assert_ok(rd_record_list(f->s, entity, flt, limit, offset, collect, &c, &m_));
	json_decref(flt);
	return c.arr;
}

static const char *name_at(json_t *arr, size_t i)
{
	return json_string_value(json_object_get(json_array_get(arr, i), "name"));
}

static void lists_filter_order_and_page(void **state)
{
	struct fx *f = *state;
	make_user(f, "sam@provider.example", "agent");
	add_client(f, "{\"name\": \"Cedar\", \"tier\": \"standard\"}");
	add_client(f, "{\"name\": \"Acme\", \"tier\": \"key\", \"owner\": \"sam@provider.example\"}");
	add_client(f, "{\"name\": \"Blue\", \"tier\": \"key\", \"tags\": \"x\"}");
	json_t *a = list(f, "client", NULL, 0, 0, 0);
	assert_int_equal(json_array_size(a), 3);
	assert_string_equal(name_at(a, 0), "Acme"); /* ordered by name */
	assert_string_equal(name_at(a, 2), "Cedar");
	json_decref(a);
	a = list(f, "clients", "{\"tier\": \"key\"}", 0, 0, 0);
	assert_int_equal(json_array_size(a), 2);
	json_decref(a);
	a = list(f, "client", "{\"owner\": \"sam@provider.example\"}", 0, 0, 0);
	assert_int_equal(json_array_size(a), 1);
	assert_string_equal(name_at(a, 0), "Acme");
	json_decref(a);
	a = list(f, "client", "{\"tags\": null}", 0, 0, 0);
	assert_int_equal(json_array_size(a), 2);
	json_decref(a);
	a = list(f, "client", "{\"tier\": \"key\", \"tags\": null}", 0, 0, 0);
	assert_int_equal(json_array_size(a), 1);
	assert_string_equal(name_at(a, 0), "Acme");
	json_decref(a);
	a = list(f, "client", NULL, 2, 1, 0);
	assert_int_equal(json_array_size(a), 2);
	assert_string_equal(name_at(a, 0), "Blue");
	json_decref(a);
	a = list(f, "client", NULL, 0, 0, 1); /* the callback stops the walk */
	assert_int_equal(json_array_size(a), 1);
	json_decref(a);
	struct collected c = {json_array(), 0};
	json_t *flt = J("{\"colour\": \"red\"}");
	assert_fails(rd_record_list(f->s, "client", flt, 0, 0, collect, &c, &m_), RD_EINVAL, "unknown field 'colour'");
	json_decref(flt);
	flt = J("{\"tier\": \"gold\"}");
	assert_fails(rd_record_list(f->s, "client", flt, 0, 0, collect, &c, &m_), RD_EINVAL, "client.tier");
	json_decref(flt);
	flt = J("{\"owner\": \"nobody@x.example\"}");
	assert_fails(rd_record_list(f->s, "client", flt, 0, 0, collect, &c, &m_), RD_EINVAL, "nobody@x.example");
	json_decref(flt);
	assert_int_equal(json_array_size(c.arr), 0);
	json_decref(c.arr);
}

static void lookup_by_label_id_and_ambiguity(void **state)
{
	struct fx *f = *state;
	int64_t a = add_client(f, "{\"name\": \"Acme Corp\"}");
	int64_t b = add_client(f, "{\"name\": \"12\"}");
	int64_t id = 0;
	assert_ok(rd_record_lookup(f->s, "client", "Acme Corp", &id, &m_));
	assert_int_equal(id, a);
	assert_ok(rd_record_lookup(f->s, "client", "acme corp", &id, &m_)); /* names ignore case */
	assert_int_equal(id, a);
	assert_ok(rd_record_lookup(f->s, "client", "#1", &id, &m_));
	assert_int_equal(id, a);
	assert_ok(rd_record_lookup(f->s, "client", "2", &id, &m_));
	assert_int_equal(id, b);
	assert_fails(rd_record_lookup(f->s, "client", "Nobody", &id, &m_), RD_ENOTFOUND, "unknown client 'Nobody'");
	assert_fails(rd_record_lookup(f->s, "client", "", &id, &m_), RD_EINVAL, "empty client name");
	assert_fails(rd_record_lookup(f->s, "client", "99", &id, &m_), RD_ENOTFOUND, "99");
	assert_fails(rd_record_lookup(f->s, "failure", "abc", &id, &m_), RD_EINVAL, "not a number");
	assert_fails(rd_record_lookup(f->s, "failure", "#", &id, &m_), RD_EINVAL, "not a number");
	/* the same contact email at two clients: ambiguous, not a random pick */
	json_t *in = J("{\"client\": \"Acme Corp\", \"name\": \"P\", \"email\": \"p@shared.example\"}");
	assert_ok(rd_record_create(f->s, &f->sys, "contact", in, NULL, NULL, &m_));
	json_decref(in);
	in = json_pack("{sI ss ss}", "client_id", (json_int_t)b, "name", "P", "email", "p@shared.example");
	assert_ok(rd_record_create(f->s, &f->sys, "contact", in, NULL, NULL, &m_));
	json_decref(in);
	assert_fails(rd_record_lookup(f->s, "contact", "p@shared.example", &id, &m_), RD_EINVAL, "ambiguous");
}

static void money_parse_and_format(void **state)
{
	(void)state;
	static const struct { const char *in; int64_t cents; } ok[] = {
		{"4500", 450000}, {"4,500.50", 450050}, {"4500.5", 450050}, {"0", 0}, {"0.01", 1},
		{"1_000_000", 100000000}, {" 12 ", 1200}, {"12.", 1200}, {"92233720368547", INT64_C(9223372036854700)},
	};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		int64_t c = -1;
		assert_ok(rd_money_parse(ok[i].in, &c, &m_));
		if (c != ok[i].cents)
			fail_msg("'%s' -> %lld, want %lld", ok[i].in, (long long)c, (long long)ok[i].cents);
	}
	static const char *const bad[] = {"", " ", "-1", "abc", "1.234", "1e3", "+5", ".5", "1.2.3",
					  "EUR 5", "5 EUR", "92233720368547759", "99999999999999999999999"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		int64_t c = -1;
		char *m = NULL;
		if (rd_money_parse(bad[i], &c, &m) != RD_EINVAL)
			fail_msg("'%s' accepted as %lld cents", bad[i], (long long)c);
		assert_non_null(m);
		free(m);
	}
	char b[32];
	assert_string_equal(rd_money_decimal(450050, b, sizeof b), "4500.50");
	assert_string_equal(rd_money_decimal(5, b, sizeof b), "0.05");
	assert_string_equal(rd_money_decimal(0, b, sizeof b), "0.00");
	assert_string_equal(rd_money_decimal(-150, b, sizeof b), "-1.50");
	assert_string_equal(rd_money_decimal(INT64_MIN, b, sizeof b), "-92233720368547758.08");
}

static void joins_the_callers_transaction(void **state)
{
	struct fx *f = *state;
	assert_int_equal(rd_store_begin(f->s), RD_OK);
	add_client(f, "{\"name\": \"Inside\"}");
	rd_store_rollback(f->s);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM clients"), 0);
	assert_int_equal(audit_rows(f), 0);
	/* a failed create inside the caller's transaction dooms it */
	assert_int_equal(rd_store_begin(f->s), RD_OK);
	add_client(f, "{\"name\": \"Kept?\"}");
	json_t *in = J("{\"name\": \"kept?\"}");
	assert_fails(rd_record_create(f->s, &f->sys, "client", in, NULL, NULL, &m_), RD_EEXIST, "already exists");
	json_decref(in);
	assert_int_equal(rd_store_commit(f->s), RD_ESTATE);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM clients"), 0);
}

static void extra_with_an_unknown_field_is_refused(void **state)
{
	struct fx *f = *state;
	json_t *in = J("{\"name\": \"X\"}");
	json_t *extra = J("{\"bogus\": 1}");
	assert_fails(rd_record_create(f->s, &f->sys, "client", in, extra, NULL, &m_), RD_EINVAL, "bogus");
	json_decref(in);
	json_decref(extra);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM clients"), 0);
}

/* A write is dated by its actor's now, not by the clock: the library reads
 * neither the clock nor $REDRESS_NOW (model.h). */
static void writes_are_dated_by_the_actor(void **state)
{
	struct fx *f = *state;
	setenv("REDRESS_NOW", "2030-01-01T00:00:00Z", 1); /* must be ignored */
	f->sys.now = T_NOW - 7 * T_DAY;
	int64_t id = add_client(f, "{\"name\": \"Dated\", \"tz\": \"Asia/Kathmandu\"}");
	unsetenv("REDRESS_NOW");
	int64_t n = 0;
	assert_int_equal(rd_store_exec(f->s, &n, "SELECT created_at FROM clients WHERE id = ?1", "i", id), RD_OK);
	assert_int_equal(n, T_NOW - 7 * T_DAY);
	assert_int_equal(rd_store_exec(f->s, &n, "SELECT at FROM audit_log WHERE entity = 'client' AND "
				       "entity_id = ?1", "i", id), RD_OK);
	assert_int_equal(n, T_NOW - 7 * T_DAY);
}

/* An actor nobody gave a time (now 0) cannot write: a 1970 date would be
 * a silent lie in the audit log. */
static void an_actor_without_a_time_cannot_write(void **state)
{
	struct fx *f = *state;
	struct rd_actor a;
	rd_actor_system(&a, "forgetful");
	assert_int_equal(a.now, 0);
	json_t *in = J("{\"name\": \"Undated\"}");
	assert_fails(rd_client_add(f->s, &a, in, NULL, &m_), RD_EINVAL, "no time");
	json_decref(in);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM clients"), 0);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM audit_log"), 0);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, fx_setup, fx_teardown)
	const struct CMUnitTest tests[] = {
		T(create_get_round_trip_with_audit),
		T(refuses_bad_input_naming_the_field),
		T(refuses_null_where_the_column_holds_none),
		T(refuses_bad_text_bytes),
		T(accepts_every_input_form),
		T(updates_audit_and_refuse_fixed_fields),
		T(lists_filter_order_and_page),
		T(lookup_by_label_id_and_ambiguity),
		cmocka_unit_test(money_parse_and_format),
		T(joins_the_callers_transaction),
		T(extra_with_an_unknown_field_is_refused),
		T(writes_are_dated_by_the_actor),
		T(an_actor_without_a_time_cannot_write),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
