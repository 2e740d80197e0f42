/* note_test.c — the facts a call or meeting note says we told the client
 * (lib/check/note.c): ETAs, causes and goodwill amounts in our voice are
 * taken; the client's reported speech, questions, negations and quotes are
 * not. Also rd_statements_differ (lib/check/facts.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "redress/facts.h"
#include "redress/time.h"

/* Notes are logged on Wednesday 25 November 2026, 10:00 UTC. */
#define AT "2026-11-25T10:00:00Z"

static int64_t t_(const char *iso)
{
	int64_t t = 0;
	assert_int_equal(rd_time_parse(iso, &t, NULL), RD_OK);
	return t;
}

static struct rd_note_facts read_note(const char *note, const char *tz)
{
	struct rd_note_facts f;
	char *err = NULL;
	if (rd_note_facts(note, strlen(note), t_(AT), tz, &f, &err) != RD_OK)
		fail_msg("rd_note_facts('%s'): %s", note, err);
	return f;
}

static void facts_from_a_call_note(void **state)
{
	(void)state;
	struct rd_note_facts f = read_note("Called Lena: told her the fix lands Friday 18:00; credit of "
					   "€500 agreed. Explained it was caused by a failed database switch.",
					   "Europe/Berlin");
	assert_true(f.has_eta);
	assert_int_equal(f.eta, t_("2026-11-27T17:00:00Z")); /* 18:00 in Berlin */
	assert_true(f.has_amount);
	assert_int_equal(f.amount_cents, 50000);
	assert_string_equal(f.currency, "EUR");
	assert_non_null(f.cause);
	assert_string_equal(f.cause, "a failed database switch");
	rd_note_facts_free(&f);
	/* a labelled cause; "root-cause update" is none */
	f = read_note("Cause: a failed database switch. Promised a root-cause update tomorrow.", "UTC");
	assert_string_equal(f.cause, "a failed database switch");
	rd_note_facts_free(&f);
	f = read_note("Promised a root-cause update within 24 hours and a daily status email.", "UTC");
	assert_null(f.cause);
	rd_note_facts_free(&f);
}

/* Our voice in the ways agents write it: a subject left out, "we"/"I",
 * "she was told", an agreement, our agent named as telling the client. */
static void our_statements_are_taken(void **state)
{
	(void)state;
	static const char *const notes[] = {
		"Told Lena the fix lands Friday 18:00.",
		"We said the fix will be live by Friday 18:00.",
		"I promised her the fix would be complete by 6pm on Friday.",
		"Lena was told the fix lands Friday 18:00.",
		"Sam told Lena the fix lands Friday 18:00.",
		"Lena said the delay hurt them, and we told her the fix lands Friday 18:00.",
		"Lena asked about the date; confirmed the fix lands Friday 18:00.",
		"Apologised, said the fix is expected by Friday 18:00.",
	};
	for (size_t i = 0; i < sizeof notes / sizeof notes[0]; i++) {
		struct rd_note_facts f = read_note(notes[i], "UTC");
		if (!f.has_eta || f.eta != t_("2026-11-27T18:00:00Z"))
			fail_msg("'%s': no ETA of Friday 18:00 taken", notes[i]);
		rd_note_facts_free(&f);
	}
	struct rd_note_facts f = read_note("Lena agreed to a goodwill credit of EUR 750.", "UTC");
	assert_true(f.has_amount);
	assert_int_equal(f.amount_cents, 75000);
	rd_note_facts_free(&f);
}

/* What the client said, asked or heard, questions, denials and quoted
 * words are not what we told. */
static void reported_speech_questions_and_negations_are_not_taken(void **state)
{
	(void)state;
	static const char *const notes[] = {
		"Lena asked whether the fix lands Friday 18:00.",
		"Asked if the fix could be live by Friday 18:00.",
		"Lena said the fix was supposed to be live by Friday 18:00.",
		"She thinks the fix will be ready by Friday 18:00.",
		"Their CTO heard the fix lands Friday 18:00.",
		"Lena told us their board expects the fix by Friday 18:00.",
		"Will the fix land by Friday 18:00? Lena wants to know.",
		"Lena wondered if a credit of €500 was possible.",
		"Lena asked for a credit of €1,000.",
		"Did not promise that the fix lands Friday 18:00.",
		"We could not confirm the fix by Friday 18:00.",
		"We won't know before Friday 18:00 whether the fix is complete.",
		"No credit of €500 was offered.",
		"Lena: \"we were promised the fix by Friday 18:00\".",
		"Lena said it was caused by our deploy on Monday.",
		"We do not yet know whether it was caused by the database switch.",
	};
	int bad = 0;
	for (size_t i = 0; i < sizeof notes / sizeof notes[0]; i++) {
		struct rd_note_facts f = read_note(notes[i], "UTC");
		if (f.has_eta || f.has_amount || f.cause) {
			print_error("'%s': took a fact (eta %d, amount %d, cause %s)\n", notes[i], f.has_eta,
				    f.has_amount, f.cause ? f.cause : "-");
			bad++;
		}
		rd_note_facts_free(&f);
	}
	assert_int_equal(bad, 0);
}

/* Only a time of day named as the fix's time is an ETA fact: a date alone
 * ("Friday"), a duration and the next call's time are not. */
static void only_a_timed_eta_claim_is_an_eta(void **state)
{
	(void)state;
	static const char *const notes[] = {
		"Told her the fix lands Friday.",
		"Told her we expect the fix within 48 hours.",
		"Next update at 15:00 by phone.",
		"Will call her back tomorrow at 09:00.",
		"Promised a root-cause update within 24 hours and a daily status email at 09:00 until fixed.",
	};
	for (size_t i = 0; i < sizeof notes / sizeof notes[0]; i++) {
		struct rd_note_facts f = read_note(notes[i], "UTC");
		if (f.has_eta)
			fail_msg("'%s': took an ETA", notes[i]);
		rd_note_facts_free(&f);
	}
	/* the client's words first, ours after the semicolon */
	struct rd_note_facts f = read_note("Lena asked for €1,000; we offered a credit of €500 and told her "
					   "the fix lands Monday at 09:00.", "UTC");
	assert_true(f.has_amount);
	assert_int_equal(f.amount_cents, 50000);
	assert_true(f.has_eta);
	assert_int_equal(f.eta, t_("2026-11-30T09:00:00Z"));
	rd_note_facts_free(&f);
}

static void bad_input(void **state)
{
	(void)state;
	struct rd_note_facts f;
	char *err = NULL;
	assert_int_equal(rd_note_facts("caf\xc3", 4, t_(AT), "UTC", &f, &err), RD_EINVAL);
	assert_non_null(strstr(err, "invalid UTF-8"));
	free(err);
	err = NULL;
	assert_int_equal(rd_note_facts("ok", 2, t_(AT), "Mars/Olympus", &f, &err), RD_EINVAL);
	assert_non_null(strstr(err, "Mars/Olympus"));
	free(err);
	assert_int_equal(rd_note_facts("", 0, t_(AT), NULL, &f, NULL), RD_OK);
	assert_false(f.has_eta || f.has_amount || f.cause);
}

static void statements_differ(void **state)
{
	(void)state;
	assert_false(rd_statements_differ("a failed database switch",
					  "caused by a failed database switch in our Frankfurt site"));
	assert_true(rd_statements_differ("a failed database switch", "a power cut in the data centre"));
	/* too short to compare: no difference claimed */
	assert_false(rd_statements_differ("failover", "a power cut"));
	assert_false(rd_statements_differ(NULL, "a power cut"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(facts_from_a_call_note),
		cmocka_unit_test(our_statements_are_taken),
		cmocka_unit_test(reported_speech_questions_and_negations_are_not_taken),
		cmocka_unit_test(only_a_timed_eta_claim_is_an_eta),
		cmocka_unit_test(bad_input),
		cmocka_unit_test(statements_differ),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
