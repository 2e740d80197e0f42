/* ledger_test.c — lib/ledger.c: the state machines that keep the
 * promise-kept rate honest. Commitments: open → kept|broken|renegotiated,
 * kept and broken final. Goodwill: proposed → approved (manager) →
 * delivered, or declined. Plan actions: done needs evidence. */
#include "unit.h"

static int64_t fid, cid;

static void world(struct fx *f)
{
	cid = add_client(f, "{\"name\": \"Northwind\"}");
	fid = open_failure(f, "{\"title\": \"T\", \"severity\": 1, \"clients\": [\"Northwind\"]}");
}

static int64_t commitment(struct fx *f)
{
	json_t *in = json_pack("{sI ss sI}", "client_id", (json_int_t)cid, "text", "Daily update at 09:00",
			       "failure_id", (json_int_t)fid);
	json_t *extra = J("{\"status\": \"open\"}");
	int64_t id;
	assert_ok(rd_record_create(f->s, &f->sys, "commitment", in, extra, &id, &m_));
	json_decref(in);
	json_decref(extra);
	return id;
}

static void commitments_settle_once(void **state)
{
	struct fx *f = *state;
	world(f);
	int64_t a = commitment(f), b = commitment(f), c = commitment(f);
	assert_ok(rd_commitment_settle(f->s, &f->sys, a, "kept", "sent", 0, T_NOW, &m_));
	assert_field(f, "commitment", a, "status", "kept");
	assert_field(f, "commitment", a, "settled_at", "2026-11-22T12:00:00Z");
	assert_field(f, "commitment", a, "note", "sent");
	/* keeping twice, or breaking a kept one, is refused */
	assert_fails(rd_commitment_settle(f->s, &f->sys, a, "kept", NULL, 0, T_NOW, &m_), RD_ESTATE, "already kept");
	assert_fails(rd_commitment_settle(f->s, &f->sys, a, "broken", NULL, 0, T_NOW, &m_), RD_ESTATE, "already kept");
	assert_ok(rd_commitment_settle(f->s, &f->sys, b, "broken", NULL, 0, T_NOW, &m_));
	assert_fails(rd_commitment_settle(f->s, &f->sys, b, "kept", NULL, 0, T_NOW, &m_), RD_ESTATE, "already broken");
	/* renegotiation needs a date and a note, and stays settleable */
	assert_fails(rd_commitment_settle(f->s, &f->sys, c, "renegotiated", "later", 0, T_NOW, &m_), RD_EINVAL, "--due");
	assert_fails(rd_commitment_settle(f->s, &f->sys, c, "renegotiated", NULL, T_NOW + T_DAY, T_NOW, &m_), RD_EINVAL, "--note");
	assert_ok(rd_commitment_settle(f->s, &f->sys, c, "renegotiated", "client agreed Friday", T_NOW + T_DAY, T_NOW, &m_));
	assert_field(f, "commitment", c, "due_at", "2026-11-23T12:00:00Z");
	assert_ok(rd_commitment_settle(f->s, &f->sys, c, "kept", NULL, 0, T_NOW + T_DAY, &m_));
	assert_fails(rd_commitment_settle(f->s, &f->sys, c, "done", NULL, 0, T_NOW, &m_), RD_EINVAL, "'done' is not");
	assert_fails(rd_commitment_settle(f->s, &f->sys, 999, "kept", NULL, 0, T_NOW, &m_), RD_ENOTFOUND, NULL);
	struct rd_actor v = make_user(f, "victor@provider.example", "viewer");
	int64_t d = commitment(f);
	assert_fails(rd_commitment_settle(f->s, &v, d, "kept", NULL, 0, T_NOW, &m_), RD_EPERM, NULL);
	assert_fails(rd_commitment_settle(f->s, &f->sys, d, "kept", "bad \xff note", 0, T_NOW, &m_), RD_EINVAL, "UTF-8");
	assert_field(f, "commitment", d, "status", "open");
}

static int64_t goodwill(struct fx *f)
{
	json_t *in = json_pack("{sI sI ss ss}", "failure_id", (json_int_t)fid, "client_id", (json_int_t)cid,
			       "kind", "credit", "amount", "12,000");
	json_t *extra = J("{\"status\": \"proposed\"}");
	int64_t id;
	assert_ok(rd_record_create(f->s, &f->sys, "goodwill", in, extra, &id, &m_));
	json_decref(in);
	json_decref(extra);
	return id;
}

static void goodwill_needs_a_manager_then_delivery(void **state)
{
	struct fx *f = *state;
	world(f);
	struct rd_actor sam = make_user(f, "sam@provider.example", "agent");
	struct rd_actor maria = make_user(f, "maria@provider.example", "manager");
	int64_t g = goodwill(f);
	assert_field(f, "goodwill", g, "amount", "12000.00");
	assert_fails(rd_goodwill_decide(f->s, &sam, g, "approved", NULL, T_NOW, &m_), RD_EPERM, "needs role manager");
	assert_fails(rd_goodwill_decide(f->s, &sam, g, "delivered", NULL, T_NOW, &m_), RD_ESTATE, "approve it first");
	assert_field(f, "goodwill", g, "status", "proposed");
	assert_ok(rd_goodwill_decide(f->s, &maria, g, "approved", "proportionate", T_NOW, &m_));
	json_t *r;
	assert_ok(rd_record_get(f->s, "goodwill", g, &r, &m_));
	assert_int_equal(json_integer_value(json_object_get(r, "approver_id")), maria.user_id);
	assert_string_equal(json_string_value(json_object_get(r, "decided_at")), "2026-11-22T12:00:00Z");
	json_decref(r);
	assert_fails(rd_goodwill_decide(f->s, &maria, g, "approved", NULL, T_NOW, &m_), RD_ESTATE, "approved");
	assert_ok(rd_goodwill_decide(f->s, &sam, g, "delivered", NULL, T_NOW + T_DAY, &m_));
	assert_field(f, "goodwill", g, "status", "delivered");
	assert_fails(rd_goodwill_decide(f->s, &sam, g, "declined", NULL, T_NOW, &m_), RD_ESTATE, "delivered");
	int64_t h = goodwill(f);
	assert_ok(rd_goodwill_decide(f->s, &sam, h, "declined", "client preferred a call", T_NOW, &m_));
	assert_fails(rd_goodwill_decide(f->s, &maria, h, "approved", NULL, T_NOW, &m_), RD_ESTATE, "declined");
	assert_fails(rd_goodwill_decide(f->s, &maria, h, "proposed", NULL, T_NOW, &m_), RD_EINVAL, "not a goodwill decision");
	struct rd_actor v = make_user(f, "victor@provider.example", "viewer");
	assert_fails(rd_goodwill_decide(f->s, &v, goodwill(f), "declined", NULL, T_NOW, &m_), RD_EPERM, NULL);
}

static void plan_actions_need_evidence(void **state)
{
	struct fx *f = *state;
	world(f);
	json_t *in = json_pack("{sI ss ss ss}", "failure_id", (json_int_t)fid, "kind", "preventive",
			       "description", "Rehearse failover", "success_criterion", "two clean runs");
	int64_t id;
	assert_ok(rd_record_create(f->s, &f->sys, "plan_action", in, NULL, &id, &m_));
	json_decref(in);
	assert_field(f, "plan_action", id, "status", "planned");
	assert_fails(rd_plan_action_set_status(f->s, &f->sys, id, "done", NULL, T_NOW, &m_), RD_EINVAL, "--evidence");
	assert_fails(rd_plan_action_set_status(f->s, &f->sys, id, "done", "", T_NOW, &m_), RD_EINVAL, "--evidence");
	assert_fails(rd_plan_action_set_status(f->s, &f->sys, id, "finished", "x", T_NOW, &m_), RD_EINVAL, "'finished'");
	assert_fails(rd_plan_action_set_status(f->s, &f->sys, id, "planned", NULL, T_NOW, &m_), RD_ESTATE, "already planned");
	assert_fails(rd_plan_action_set_status(f->s, &f->sys, id, "done", "bad \xff", T_NOW, &m_), RD_EINVAL, "UTF-8");
	assert_field(f, "plan_action", id, "status", "planned");
	assert_ok(rd_plan_action_set_status(f->s, &f->sys, id, "in_progress", NULL, T_NOW, &m_));
	assert_ok(rd_plan_action_set_status(f->s, &f->sys, id, "done", "runs 1 and 2 clean", T_NOW + T_HOUR, &m_));
	assert_field(f, "plan_action", id, "evidence", "runs 1 and 2 clean");
	assert_field(f, "plan_action", id, "done_at", "2026-11-22T13:00:00Z");
	assert_fails(rd_plan_action_set_status(f->s, &f->sys, id, "dropped", NULL, T_NOW, &m_), RD_ESTATE, "already done");
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, fx_setup, fx_teardown)
	const struct CMUnitTest tests[] = {
		T(commitments_settle_once),
		T(goodwill_needs_a_manager_then_delivery),
		T(plan_actions_need_evidence),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
