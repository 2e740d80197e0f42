/* room_test.c — lib/room.c: the agenda's urgency order (every key of the
 * documented order decides on its own, and the sort is total) and the
 * label table (every word the clock and the store produce has a human
 * label; keys and counts read as people write them). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "redress/clock.h"
#include "redress/policy.h"
#include "redress/room.h"

static json_t *row(const char *name, const char *state, const char *tier, int severity, int escalation,
		   const char *due, int failure, int client, const char *key)
{
	return json_pack("{ss ss ss si si ss si si ss}", "client", name, "state", state, "tier", tier,
			 "severity", severity, "escalation", escalation, "due_at", due, "failure_id", failure,
			 "client_id", client, "key", key);
}

static void assert_order(json_t *rows, const char *const *names)
{
	assert_int_equal(rd_agenda_sort_urgency(rows), RD_OK);
	for (size_t i = 0; names[i]; i++) {
		const char *got = json_string_value(json_object_get(json_array_get(rows, i), "client"));
		if (strcmp(got, names[i]))
			fail_msg("position %zu: %s, want %s", i, got, names[i]);
	}
}

static void urgency_order_key_by_key(void **state)
{
	(void)state;
	json_t *rows = json_array();
	/* listed in reverse of the expected order */
	json_array_append_new(rows, row("soon-std", "pending", "standard", 2, 0, "2026-11-23T10:00:00Z", 1, 9, "plan"));
	json_array_append_new(rows, row("soon-key", "pending", "key", 3, 0, "2026-11-23T11:00:00Z", 1, 8, "plan"));
	json_array_append_new(rows, row("late-std-sev3", "overdue", "standard", 3, 1, "2026-11-20T09:00:00Z", 2, 7, "apology"));
	json_array_append_new(rows, row("late-std-sev2-newer", "overdue", "standard", 2, 1, "2026-11-22T09:00:00Z", 3, 6, "apology"));
	json_array_append_new(rows, row("late-std-sev2-older", "overdue", "standard", 2, 1, "2026-11-21T09:00:00Z", 3, 5, "apology"));
	json_array_append_new(rows, row("late-std-escalated", "overdue", "standard", 3, 2, "2026-11-22T09:00:00Z", 2, 4, "apology"));
	json_array_append_new(rows, row("late-sev1", "overdue", "standard", 1, 1, "2026-11-22T12:00:00Z", 4, 3, "apology"));
	json_array_append_new(rows, row("late-key-b", "overdue", "key", 3, 1, "2026-11-22T10:00:00Z", 5, 2, "rca_update"));
	json_array_append_new(rows, row("late-key-a", "overdue", "key", 3, 1, "2026-11-22T10:00:00Z", 5, 2, "apology"));
	static const char *const want[] = {
		"late-sev1",            /* critical, severity 1 beats the key clients' severity 3 */
		"late-key-a",           /* critical; same everything: key order */
		"late-key-b",
		"late-std-escalated",   /* escalated to the manager first among the rest */
		"late-std-sev2-older",  /* then severity, then the longest overdue */
		"late-std-sev2-newer",
		"late-std-sev3",
		"soon-key",             /* due soon: critical first even if due later */
		"soon-std",
		NULL};
	assert_order(rows, want);
	/* the order is total: sorting a shuffled copy gives the same list */
	json_t *again = json_array();
	for (size_t i = json_array_size(rows); i-- > 0;)
		json_array_append(again, json_array_get(rows, (i * 5) % json_array_size(rows)));
	assert_order(again, want);
	json_decref(again);
	json_decref(rows);
}

static void promise_without_failure_sorts_after_same_overdue(void **state)
{
	(void)state;
	json_t *rows = json_array();
	json_t *p = json_pack("{ss ss ss sn si ss sn si ss}", "client", "promise", "state", "overdue", "tier",
			      "standard", "severity", "escalation", 1, "due_at", "2026-11-01T00:00:00Z",
			      "failure_id", "client_id", 1, "key", "commitment:1");
	json_array_append_new(rows, p);
	json_array_append_new(rows, row("sev4", "overdue", "standard", 4, 1, "2026-11-22T09:00:00Z", 1, 2, "apology"));
	static const char *const want[] = {"sev4", "promise", NULL};
	assert_order(rows, want);
	json_decref(rows);
}

static void every_word_has_a_human_label(void **state)
{
	(void)state;
	/* every step and kind, every obligation state */
	for (int k = 0; rd_comm_kind_names[k]; k++) {
		const char *l = rd_label(rd_comm_kind_names[k]);
		if (strcmp(l, rd_comm_kind_names[k]) == 0 || strchr(l, '_'))
			fail_msg("kind '%s' has no human label ('%s')", rd_comm_kind_names[k], l);
	}
	for (int st = RD_OB_PENDING; st <= RD_OB_NOT_APPLICABLE; st++) {
		const char *w = rd_ob_state_name((enum rd_ob_state)st), *l = rd_label(w);
		if (strcmp(l, w) == 0 || strchr(l, '_'))
			fail_msg("state '%s' has no human label", w);
	}
	static const char *const stored[] = {"open", "investigating", "identified", "remediating",
		"resolved", "closed", "awaiting-apology", "apologised", "plan-presented", "recovering",
		"recovered", "follow-up", "proposed", "approved", "delivered", "declined", "kept", "broken",
		"renegotiated", "planned", "in_progress", "done", "dropped", "credit", "free_service",
		"dedicated_resource", "email", "call", "portal", "in", "out", "key", "standard", NULL};
	for (int i = 0; stored[i]; i++)
		if (strcmp(rd_label(stored[i]), stored[i]) == 0)
			fail_msg("'%s' has no human label", stored[i]);
	assert_string_equal(rd_label("rca_update"), "Root-cause update");
	assert_string_equal(rd_label("on_time"), "Sent on time");
	assert_string_equal(rd_label("no-such-word"), "no-such-word");
	assert_string_equal(rd_label(NULL), "");
}

static void keys_and_counts_read_as_words(void **state)
{
	(void)state;
	char b[64];
	assert_string_equal(rd_label_key("progress#3", b, sizeof b), "Progress update 3");
	assert_string_equal(rd_label_key("rca_update", b, sizeof b), "Root-cause update");
	assert_string_equal(rd_label_key("follow_up.cadence#5", b, sizeof b), "Follow-up 5");
	assert_string_equal(rd_label_key("delay@20261123T090000Z", b, sizeof b), "Delay notice");
	assert_string_equal(rd_label_key("correction@41", b, sizeof b), "Correction");
	assert_string_equal(rd_label_key("mystery#2", b, sizeof b), "mystery#2");
	assert_string_equal(rd_label_count(1, "chase", "chases", b, sizeof b), "1 chase");
	assert_string_equal(rd_label_count(3, "chase", "chases", b, sizeof b), "3 chases");
	assert_string_equal(rd_label_count(0, "chase", "chases", b, sizeof b), "no chase");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(urgency_order_key_by_key),
		cmocka_unit_test(promise_without_failure_sorts_after_same_overdue),
		cmocka_unit_test(every_word_has_a_human_label),
		cmocka_unit_test(keys_and_counts_read_as_words),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
