/* errors_test.c — src/server/errors.c's JSON answers: an answer kept for
 * later (rd_resp_json_later, a write's 201 encoded after the writer slot)
 * is encoded with the same bytes as one encoded at once, and an error set
 * after it (the group's commit failed: nothing was saved) replaces it, so a
 * lost write can never answer 201. Links errors.c and web_layout.c alone,
 * with rd_resp_header written here. */
#include "../unit.h"

#include "../../../src/server/server.h"

void rd_resp_header(struct rd_resp *resp, const char *name, const char *value)
{
	resp->headers[resp->nheaders].name = name;
	resp->headers[resp->nheaders++].value = strdup(value);
}

static void resp_clear(struct rd_resp *r)
{
	rd_buf_free(&r->body);
	json_decref(r->json_later);
	for (int i = 0; i < r->nheaders; i++)
		free(r->headers[i].value);
	free(r->log_note); /* rd_resp_problem notes the problem type for the access log */
	memset(r, 0, sizeof *r);
}

static json_t *record(void)
{
	return json_pack("{sI ss ss sn sf}", "id", (json_int_t)42, "kind", "apology", "summary",
			 "caf\xc3\xa9 \"q\"", "contact_id", "x", 0.1);
}

static void later_answer_is_the_same_bytes(void **state)
{
	(void)state;
	struct rd_resp now = {0}, later = {0};
	rd_resp_json(&now, 201, record());
	rd_resp_json_later(&later, 201, record());
	assert_int_equal(later.status, 201);
	assert_int_equal(later.body.len, 0); /* nothing encoded yet */
	rd_resp_json_finish(&later);
	assert_null(later.json_later);
	assert_int_equal(later.status, 201);
	assert_string_equal(later.content_type, "application/json");
	assert_string_equal(later.body.data, now.body.data);
	rd_resp_json_finish(&later); /* twice is harmless */
	assert_string_equal(later.body.data, now.body.data);
	resp_clear(&now);
	resp_clear(&later);
}

static void an_error_after_it_replaces_it(void **state)
{
	(void)state;
	struct rd_resp r = {0};
	struct rd_req req = {.path = "/api/communications"};
	rd_resp_json_later(&r, 201, record());
	rd_resp_err(&r, &req, RD_EBUSY, strdup("the database was busy; nothing was saved"));
	rd_resp_json_finish(&r);
	assert_int_equal(r.status, 503);
	assert_string_equal(r.content_type, "application/problem+json");
	assert_null(strstr(r.body.data, "apology"));
	assert_non_null(strstr(r.body.data, "nothing was changed"));
	resp_clear(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(later_answer_is_the_same_bytes),
		cmocka_unit_test(an_error_after_it_replaces_it),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
