/* review_test.c — lib/review.c: `survey send` meets the clock's survey
 * obligation in the same transaction as the survey, and a review's
 * follow-up action is closed only with evidence, once, audited. */
#include "unit.h"
#include "redress/agenda.h"

static int64_t fid, cid;

static void world(struct fx *f)
{
	cid = add_client(f, "{\"name\": \"Northwind\"}");
	fid = open_failure(f, "{\"title\": \"T\", \"severity\": 3, \"detected_at\": \"2026-11-01T09:00:00Z\", "
			      "\"clients\": [\"Northwind\"]}");
	assert_ok(rd_failure_set_status(f->s, &f->sys, fid, "resolved", T_NOW - 20 * T_DAY, &m_));
}

/* The state of the track's survey obligation at T_NOW. */
static char *survey_state(struct fx *f)
{
	json_t *tracks = NULL;
	assert_ok(rd_obligations_json(f->s, fid, cid, T_NOW, &tracks, &m_));
	size_t i;
	json_t *o;
	char *state = NULL;
	json_array_foreach(json_object_get(json_array_get(tracks, 0), "obligations"), i, o)
		if (strcmp(json_string_value(json_object_get(o, "kind")), "survey") == 0)
			state = strdup(json_string_value(json_object_get(o, "state")));
	json_decref(tracks);
	if (!state)
		fail_msg("no survey obligation");
	return state;
}

static void survey_send_meets_the_obligation(void **state)
{
	struct fx *f = *state;
	world(f);
	/* resolved 20 days ago, the survey was due 14 days after: overdue */
	char *st = survey_state(f);
	assert_string_equal(st, "overdue");
	free(st);
	/* a bad channel: neither the survey nor a message is recorded */
	json_t *in = json_pack("{sI sI ss ss}", "failure", (json_int_t)fid, "client", (json_int_t)cid,
			       "sent_at", "2026-11-08T10:00:00Z", "channel", "pigeon");
	assert_fails(rd_survey_send(f->s, &f->sys, in, NULL, &m_), RD_EINVAL, "pigeon");
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM surveys"), 0);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM communications"), 0);
	json_decref(in);
	/* sent on day 6 after resolution, by the portal: on time */
	in = json_pack("{sI sI ss ss}", "failure", (json_int_t)fid, "client", (json_int_t)cid,
		       "sent_at", "2026-11-08T10:00:00Z", "channel", "portal");
	int64_t id = 0;
	assert_ok(rd_survey_send(f->s, &f->sys, in, &id, &m_));
	assert_true(id > 0);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM communications WHERE kind = 'survey' AND "
					  "direction = 'out' AND channel = 'portal' AND at = 1794132000"), 1);
	st = survey_state(f);
	assert_string_equal(st, "on_time");
	free(st);
	/* a second survey for the same track is refused and logs nothing */
	assert_fails(rd_survey_send(f->s, &f->sys, in, NULL, &m_), RD_EEXIST, NULL);
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM communications"), 1);
	json_decref(in);
	struct rd_actor v = make_user(f, "victor@provider.example", "viewer");
	in = json_pack("{sI sI}", "failure", (json_int_t)fid, "client", (json_int_t)cid);
	assert_fails(rd_survey_send(f->s, &v, in, NULL, &m_), RD_EPERM, NULL);
	json_decref(in);
}

static int64_t action(struct fx *f)
{
	json_t *in = json_pack("{sI}", "failure_id", (json_int_t)fid);
	int64_t rid, id;
	assert_ok(rd_record_create(f->s, &f->sys, "review", in, NULL, &rid, &m_));
	json_decref(in);
	in = json_pack("{sI ss ss}", "review_id", (json_int_t)rid, "text", "Alert on queue age",
		       "success_criterion", "a synthetic late export pages on-call");
	assert_ok(rd_record_create(f->s, &f->sys, "review_action", in, NULL, &id, &m_));
	json_decref(in);
	return id;
}

static void review_actions_close_with_evidence(void **state)
{
	struct fx *f = *state;
	world(f);
	int64_t id = action(f);
	assert_field(f, "review_action", id, "status", "open");
	assert_fails(rd_review_action_done(f->s, &f->sys, id, NULL, T_NOW, &m_), RD_EINVAL, "--evidence");
	assert_fails(rd_review_action_done(f->s, &f->sys, id, "", T_NOW, &m_), RD_EINVAL, "--evidence");
	assert_fails(rd_review_action_done(f->s, &f->sys, id, "bad \xff", T_NOW, &m_), RD_EINVAL, "UTF-8");
	struct rd_actor v = make_user(f, "victor@provider.example", "viewer");
	assert_fails(rd_review_action_done(f->s, &v, id, "x", T_NOW, &m_), RD_EPERM, NULL);
	assert_fails(rd_review_action_done(f->s, &f->sys, 999, "x", T_NOW, &m_), RD_ENOTFOUND, NULL);
	/* the status is the library's: a plain update cannot skip the evidence */
	json_t *in = J("{\"status\": \"done\"}");
	assert_fails(rd_record_update(f->s, &f->sys, "review_action", id, in, NULL, &m_), RD_EINVAL, "status");
	json_decref(in);
	assert_field(f, "review_action", id, "status", "open");
	int64_t audits = count_rows(f->s, "SELECT count(*) FROM audit_log WHERE entity = 'review_action'");
	assert_ok(rd_review_action_done(f->s, &f->sys, id, "paged in 40 s on 2026-11-20", T_NOW - T_HOUR, &m_));
	assert_field(f, "review_action", id, "status", "done");
	assert_field(f, "review_action", id, "evidence", "paged in 40 s on 2026-11-20");
	assert_field(f, "review_action", id, "done_at", "2026-11-22T11:00:00Z");
	assert_int_equal(count_rows(f->s, "SELECT count(*) FROM audit_log WHERE entity = 'review_action'"), audits + 1);
	assert_fails(rd_review_action_done(f->s, &f->sys, id, "again", T_NOW, &m_), RD_ESTATE, "already done");
	assert_field(f, "review_action", id, "evidence", "paged in 40 s on 2026-11-20");
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, fx_setup, fx_teardown)
	const struct CMUnitTest tests[] = {
		T(survey_send_meets_the_obligation),
		T(review_actions_close_with_evidence),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
