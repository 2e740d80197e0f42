/* check_test.c — the message checker (lib/check/check.c, rules.c, text.c,
 * lexicon.c): every rule with a case that fires and the hard negatives that
 * must not, the required elements, the context rules (late, prior facts),
 * invalid input, Markdown handling, the outputs and the streaming API. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include "redress/check.h"
#include "redress/time.h"
#include "util/buf.h"
#include "util/jsonw.h"

static int64_t t_(const char *iso)
{
	int64_t t = 0;
	assert_int_equal(rd_time_parse(iso, &t, NULL), RD_OK);
	return t;
}

static struct rd_check_opts opts_(const char *kind)
{
	struct rd_check_opts o;
	memset(&o, 0, sizeof o);
	o.kind = kind;
	o.now = t_("2026-11-23T09:00:00Z"); /* a Monday */
	o.tz = "Europe/Berlin";
	return o;
}

static struct rd_check_result *run_opts(const char *text, const struct rd_check_opts *o)
{
	struct rd_check_result *r = NULL;
	char *err = NULL;
	enum rd_err rc = rd_check(text, strlen(text), o, &r, &err);
	if (rc != RD_OK)
		fail_msg("rd_check failed: %s", err ? err : "?");
	free(err);
	return r;
}

static struct rd_check_result *run(const char *kind, const char *text)
{
	struct rd_check_opts o = opts_(kind);
	return run_opts(text, &o);
}

static size_t count(const struct rd_check_result *r, const char *rule)
{
	size_t n = 0;
	for (size_t i = 0; i < r->n_findings; i++)
		if (!strcmp(r->findings[i].rule, rule))
			n++;
	return n;
}

static const struct rd_check_finding *find(const struct rd_check_result *r, const char *rule)
{
	for (size_t i = 0; i < r->n_findings; i++)
		if (!strcmp(r->findings[i].rule, rule))
			return &r->findings[i];
	return NULL;
}

/* Asserts that TEXT (kind "other") gets N findings of RULE. */
#define EXPECT(rule, n, text)                                              \
	do {                                                               \
		struct rd_check_result *r_ = run("other", text);           \
		if (count(r_, rule) != (size_t)(n)) {                      \
			rd_check_result_print(stderr, "case", text, strlen(text), r_); \
			fail_msg("%s: expected %d x %s, got %zu", text, (int)(n), rule, count(r_, rule)); \
		}                                                          \
		rd_check_result_free(r_);                                  \
	} while (0)

static void span_is(const struct rd_check_finding *f, const char *text, const char *want)
{
	assert_non_null(f);
	size_t n = f->end - f->start;
	if (n != strlen(want) || memcmp(text + f->start, want, n) != 0)
		fail_msg("span '%.*s', expected '%s'", (int)n, text + f->start, want);
}

/* Asserts that TEXT (kind "other") has a finding of RULE, the first of
 * them spanning exactly WANT. */
static void expect_span(const char *rule, const char *text, const char *want)
{
	struct rd_check_result *r = run("other", text);
	span_is(find(r, rule), text, want);
	rd_check_result_free(r);
}

/* ---- apology rules ------------------------------------------------------ */

static void test_conditional(void **state)
{
	(void)state;
	const char *text = "Dear Anna,\nWe apologize if you were affected by the outage.";
	struct rd_check_result *r = run("other", text);
	const struct rd_check_finding *f = find(r, "apology.conditional");
	span_is(f, text, "apologize if");
	assert_int_equal(f->line, 2);
	assert_int_equal(f->col, 4);
	assert_int_equal(f->severity, RD_SEV_ERROR);
	assert_non_null(f->suggestion);
	assert_non_null(strstr(f->suggestion, "apologize that you were affected"));
	rd_check_result_free(r);

	EXPECT("apology.conditional", 1, "Sorry if this caused problems for your team.");
	EXPECT("apology.conditional", 1, "We are sorry, if this caused you trouble.");
	EXPECT("apology.conditional", 1, "We apologise to the extent that our service fell short.");
	/* hard negatives: the "if" belongs to another sentence or clause */
	EXPECT("apology.conditional", 0, "We are sorry. If you need anything, call me.");
	EXPECT("apology.conditional", 0, "We are sorry, and if you need anything, call me.");
	EXPECT("apology.conditional", 0, "We are sorry for the outage; if you need anything, call me.");
	EXPECT("apology.conditional", 0, "I am sorry that our update deleted your orders. Tell me if you see more gaps.");
}

/* A condition placed before the apology, in the same sentence, is the same
 * conditional apology; an "if" in another sentence, another clause or one
 * that conditions something else is not. */
static void test_conditional_fronted(void **state)
{
	(void)state;
	const char *text = "Dear Anna,\nIf you were affected, we are sorry.";
	struct rd_check_result *r = run("other", text);
	const struct rd_check_finding *f = find(r, "apology.conditional");
	span_is(f, text, "If you were affected, we are sorry");
	assert_int_equal(f->line, 2);
	assert_int_equal(f->col, 1);
	assert_non_null(f->suggestion);
	assert_non_null(strstr(f->suggestion, "We are sorry that you were affected."));
	rd_check_result_free(r);
	EXPECT("apology.conditional", 1, "To the extent that you were affected, we apologise.");
	EXPECT("apology.conditional", 1, "If you were affected, we are sorry.");
	EXPECT("apology.conditional", 1, "Anna, if the outage affected your team, I sincerely apologise for it.");
	EXPECT("apology.conditional", 1, "Should you have been affected, we regret the disruption.");
	/* hard negatives */
	EXPECT("apology.conditional", 0, "We are sorry. If you need anything, call me.");
	EXPECT("apology.conditional", 0, "If you need anything, call me. We are sorry.");
	EXPECT("apology.conditional", 0, "We are sorry that the outage stopped your orders; if you want, I can call you today.");
	EXPECT("apology.conditional", 0, "Even if the outage was short, we are sorry that it stopped your orders.");
	EXPECT("apology.conditional", 0, "If you need anything, call me, and again, we are sorry.");
	EXPECT("apology.conditional", 0, "If you want a call; we are sorry.");
}

static void test_non_apology(void **state)
{
	(void)state;
	const char *text = "We are sorry you feel that way.";
	struct rd_check_result *r = run("other", text);
	span_is(find(r, "apology.non-apology"), text, "sorry you feel that way");
	assert_int_equal(count(r, "apology.conditional"), 0);
	rd_check_result_free(r);
	EXPECT("apology.non-apology", 1, "We regret that you were upset by the delay.");
	EXPECT("apology.non-apology", 1, "I'm sorry if you feel let down.");
	EXPECT("apology.conditional", 0, "I'm sorry if you feel let down.");
	EXPECT("apology.non-apology", 0, "We are sorry that our update deleted your orders.");
	EXPECT("apology.non-apology", 0, "I know you are upset, and I am sorry we caused it.");
}

static void test_missing(void **state)
{
	(void)state;
	struct rd_check_result *r = run("apology", "Our update deleted your orders on Monday.");
	const struct rd_check_finding *f = find(r, "apology.missing");
	assert_non_null(f);
	assert_true(f->whole_message);
	assert_int_equal(f->severity, RD_SEV_ERROR);
	rd_check_result_free(r);
	/* sympathy, regret and conditional apologies are not apologies */
	r = run("apology", "We are sorry to hear about your trouble.");
	assert_int_equal(count(r, "apology.missing"), 1);
	rd_check_result_free(r);
	r = run("apology", "We regret the outage.");
	assert_int_equal(count(r, "apology.missing"), 1);
	rd_check_result_free(r);
	r = run("apology", "We apologize if anything went wrong.");
	assert_int_equal(count(r, "apology.missing"), 1);
	rd_check_result_free(r);
	r = run("apology", "I apologise: our update deleted your orders.");
	assert_int_equal(count(r, "apology.missing"), 0);
	rd_check_result_free(r);
	/* only the apology kind needs one */
	EXPECT("apology.missing", 0, "Our update deleted your orders on Monday.");
}

static void test_generic(void **state)
{
	(void)state;
	const char *text = "We apologize for any inconvenience this may have caused.";
	struct rd_check_result *r = run("other", text);
	span_is(find(r, "apology.generic"), text, "any inconvenience this may have caused");
	/* the hedge inside the boilerplate is not reported twice */
	assert_int_equal(count(r, "tone.hedging"), 0);
	rd_check_result_free(r);
	EXPECT("apology.generic", 0, "We are sorry that your team lost four hours of orders.");
}

/* ---- ownership ----------------------------------------------------------- */

static void test_passive(void **state)
{
	(void)state;
	const char *text = "Your records were deleted on Monday.";
	struct rd_check_result *r = run("other", text);
	const struct rd_check_finding *f = find(r, "ownership.passive");
	span_is(f, text, "were deleted");
	assert_string_equal(f->suggestion, "we deleted your records");
	rd_check_result_free(r);
	EXPECT("ownership.passive", 1, "Mistakes were made.");
	EXPECT("ownership.passive", 1, "Your invoices have been wrongly overwritten.");
	EXPECT("ownership.passive", 1, "Your records were deleted by mistake.");
	EXPECT("ownership.passive", 1, "You were charged twice.");
	/* an agent, or no harm: fine */
	EXPECT("ownership.passive", 0, "The fix was deployed by our team.");
	EXPECT("ownership.passive", 0, "You were affected by our outage.");
	EXPECT("ownership.passive", 0, "Your records were deleted by our cleanup script.");
	EXPECT("ownership.passive", 0, "We deleted your records by mistake.");
}

static void test_blame_shift(void **state)
{
	(void)state;
	const char *text = "Our vendor caused this outage.";
	expect_span("ownership.blame-shift", text, "vendor caused");
	EXPECT("ownership.blame-shift", 1, "This was due to circumstances beyond our control.");
	EXPECT("ownership.blame-shift", 1, "The failure was caused by your configuration.");
	EXPECT("ownership.blame-shift", 1, "The outage at our hosting provider took the site down.");
	/* naming the vendor while owning the outcome */
	EXPECT("ownership.blame-shift", 0,
	       "Our vendor's API failed, but choosing and monitoring it is our responsibility.");
	EXPECT("ownership.blame-shift", 0, "We are working with our vendor on the fix.");
	EXPECT("ownership.blame-shift", 0, "Our payment provider failed. We should have noticed within minutes, and we did not.");
}

/* ---- tone ----------------------------------------------------------------- */

static void test_minimizing(void **state)
{
	(void)state;
	const char *text = "This was just a small hiccup.";
	struct rd_check_result *r = run("other", text);
	assert_int_equal(count(r, "tone.minimizing"), 1);
	span_is(find(r, "tone.minimizing"), text, "just a small hiccup");
	rd_check_result_free(r);
	EXPECT("tone.minimizing", 1, "We had a brief outage on Monday.");
	EXPECT("tone.minimizing", 1, "The problem only affected a few records.");
	EXPECT("tone.minimizing", 1, "The outage was brief.");
	EXPECT("tone.minimizing", 1, "The outage lasted only 5 minutes.");
	EXPECT("tone.minimizing", 1, "There was a minor disruption to the API.");
	/* neutral uses */
	EXPECT("tone.minimizing", 0, "I just wanted to say thank you for your patience with us.");
	EXPECT("tone.minimizing", 0, "We restored the service just now.");
	EXPECT("tone.minimizing", 0, "Only the EU region is still affected — we're working on it.");
	EXPECT("tone.minimizing", 0, "The only thing that matters is your data.");
	EXPECT("tone.minimizing", 0, "I will call you in just a few minutes.");
	EXPECT("tone.minimizing", 0, "Here is a short summary of what we are doing.");
	EXPECT("tone.minimizing", 0, "This was not a minor outage for your team.");
}

static void test_hedging(void **state)
{
	(void)state;
	const char *text = "The problem might recur. We believe the cause was a bad setting.";
	struct rd_check_result *r = run("other", text);
	assert_int_equal(count(r, "tone.hedging"), 2);
	span_is(find(r, "tone.hedging"), text, "might");
	rd_check_result_free(r);
	EXPECT("tone.hedging", 1, "The job possibly skipped your orders.");
	EXPECT("tone.hedging", 0, "You may reply to this email at any time.");
	EXPECT("tone.hedging", 0, "Could you confirm which orders you might have lost?");
	EXPECT("tone.hedging", 0, "We believe in telling you everything we know.");
	EXPECT("tone.hedging", 0, "The fix goes live on May 5.");
}

static void test_jargon(void **state)
{
	(void)state;
	const char *text = "Our RCA is done and MTTR was 40 minutes.";
	struct rd_check_result *r = run("other", text);
	assert_int_equal(count(r, "tone.jargon"), 2);
	span_is(find(r, "tone.jargon"), text, "RCA");
	rd_check_result_free(r);
	/* defined in place */
	EXPECT("tone.jargon", 0, "Our root-cause analysis (RCA) is done.");
	/* known acronyms are fine; unknown ones are info, once */
	EXPECT("tone.jargon", 0, "We informed the EU and UK teams and the CEO.");
	r = run("other", "The QZX team fixed it. The QZX team is monitoring.");
	assert_int_equal(count(r, "tone.jargon"), 1);
	assert_int_equal(find(r, "tone.jargon")->severity, RD_SEV_INFO);
	rd_check_result_free(r);
	/* code spans are not prose */
	EXPECT("tone.jargon", 0, "Run `rca --mttr` to see it.");
	EXPECT("tone.hedging", 0, "Set `might = true` in the file.");
	EXPECT("tone.hedging", 0, "Here is the log:\n\n```\nthis might fail\n```\n");
	EXPECT("tone.hedging", 0, "> You might have broken it.\n\nThank you for your message.");
}

static void test_extra_words(void **state)
{
	(void)state;
	json_t *extra = json_pack("{s:[s,s]}", "jargon", "frobnicator", "wibble queue");
	struct rd_check_opts o = opts_("other");
	o.extra_words = extra;
	const char *text = "The frobnicator stalled the wibble queue.";
	struct rd_check_result *r = run_opts(text, &o);
	assert_int_equal(count(r, "tone.jargon"), 2);
	rd_check_result_free(r);
	json_decref(extra);
	/* an unknown list is refused */
	extra = json_pack("{s:[s]}", "no_such_list", "x");
	o.extra_words = extra;
	char *err = NULL;
	assert_int_equal(rd_check(text, strlen(text), &o, &r, &err), RD_EINVAL);
	assert_non_null(strstr(err, "no_such_list"));
	free(err);
	json_decref(extra);
}

static void test_corporate(void **state)
{
	(void)state;
	const char *text = "Please be advised that at this point in time the service is down.";
	struct rd_check_result *r = run("other", text);
	assert_int_equal(count(r, "tone.corporate"), 2);
	const struct rd_check_finding *f = &r->findings[1];
	assert_string_equal(f->rule, "tone.corporate");
	span_is(f, text, "at this point in time");
	assert_non_null(strstr(f->suggestion, "now"));
	rd_check_result_free(r);
	EXPECT("tone.corporate", 1, "We regret to inform you that the export failed.");
	EXPECT("tone.corporate", 0, "I am sorry: the export failed, and I will fix it today.");
}

static void test_overreach(void **state)
{
	(void)state;
	const char *text = "This will never happen again.";
	struct rd_check_result *r = run("other", text);
	assert_int_equal(count(r, "promise.overreach"), 1);
	span_is(find(r, "promise.overreach"), text, "will never happen again");
	rd_check_result_free(r);
	EXPECT("promise.overreach", 1, "We guarantee full uptime from now on.");
	EXPECT("promise.overreach", 1, "We are 100% sure it is fixed.");
	EXPECT("promise.overreach", 0, "We cannot guarantee that no other job failed, so we are checking all of them.");
	EXPECT("promise.overreach", 0, "We recovered 100% of your orders.");
}

/* Declining to promise "never again" is not the promise itself. */
static void test_overreach_negated(void **state)
{
	(void)state;
	EXPECT("promise.overreach", 0, "We cannot promise that it will never happen again, but we have removed this cause.");
	EXPECT("promise.overreach", 0, "We can't promise it will never happen again.");
	EXPECT("promise.overreach", 0, "No one can honestly guarantee that this will never happen again.");
	EXPECT("promise.overreach", 0, "I will not pretend that this can never happen again.");
	/* still flagged */
	EXPECT("promise.overreach", 1, "This will never happen again.");
	EXPECT("promise.overreach", 1, "We promise that it will never happen again.");
	EXPECT("promise.overreach", 2, "We guarantee 100% uptime.");
	EXPECT("promise.overreach", 1, "We cannot say how sorry we are, and this will never happen again.");
}

static void test_unfilled(void **state)
{
	(void)state;
	const char *text = "Dear [CLIENT NAME],\nYour ETA is {{plan.eta}} and <name> will call. XXX";
	struct rd_check_result *r = run("other", text);
	assert_int_equal(count(r, "template.unfilled"), 4);
	const struct rd_check_finding *f = find(r, "template.unfilled");
	span_is(f, text, "[CLIENT NAME]");
	assert_int_equal(f->line, 1);
	assert_int_equal(f->col, 6);
	assert_true(rd_check_result_has_errors(r));
	rd_check_result_free(r);
	EXPECT("template.unfilled", 1, "Hello ${first_name}, thanks.");
	EXPECT("template.unfilled", 1, "The fix ships on TBD.");
	/* all capitals or not, as the tokeniser's word loop counts them */
	EXPECT("template.unfilled", 2, "Fix status: TODO, owner: TBC.");
	EXPECT("template.unfilled", 0, "The fix ships on TBd.");
	EXPECT("template.unfilled", 0, "The fix ships on tbd.");
	EXPECT("template.unfilled", 0, "See [our status page](https://status.example.com) for details.");
	EXPECT("template.unfilled", 0, "This is <b>important</b>.");
	EXPECT("template.unfilled", 0, "Write to <anna@example.com> or <https://example.com/help>.");
	EXPECT("template.unfilled", 0, "- [x] labels reprinted\n- [ ] invoices corrected\n");
}

/* template.unfilled's word test reads the candidates the windows gather
 * (unfilled_window): a message of several windows has its XXX and TODO
 * found in every window, in order, and a TODO inside "[TODO]" once. */
static void test_unfilled_windows(void **state)
{
	(void)state;
	static const char *const filler = "Our team looked at the logs again today. ";
	static const char *const marks[] = {"Owner: TODO. ", "Dear [TODO], call XXXX. ", "Date: TBD. "};
	size_t fl = strlen(filler), per = 2000;   /* 80 KB between marks: windows of 32 KB */
	size_t cap = 3 * (per * fl + 64) + 1, len = 0;
	char *text = malloc(cap);
	assert_non_null(text);
	size_t at[3];
	for (size_t m = 0; m < 3; m++) {
		for (size_t j = 0; j < per; j++, len += fl)
			memcpy(text + len, filler, fl);
		at[m] = len;
		memcpy(text + len, marks[m], strlen(marks[m]));
		len += strlen(marks[m]);
	}
	text[len] = '\0';
	struct rd_check_result *r = run("other", text);
	assert_int_equal(count(r, "template.unfilled"), 4);
	static const char *const want[] = {"TODO", "[TODO]", "XXXX", "TBD"};
	static const size_t in[] = {0, 1, 1, 2};
	size_t k = 0;
	for (size_t i = 0; i < r->n_findings; i++) {
		const struct rd_check_finding *f = &r->findings[i];
		if (strcmp(f->rule, "template.unfilled"))
			continue;
		assert_true(f->start >= at[in[k]] && f->start < at[in[k]] + 32);
		assert_int_equal(f->end - f->start, strlen(want[k]));
		assert_memory_equal(text + f->start, want[k], strlen(want[k]));
		k++;
	}
	rd_check_result_free(r);
	free(text);
}

/* A long message's windows settle their findings as they go, and finish
 * orders the findings of the rules that run once into them without going
 * over all of them again (order_after_windows): a tone finding inside a
 * placeholder, an acronym flagged at the end of the message inside another
 * rule's finding, placeholders and jargon side by side give, after 70 KB of
 * clean text, the findings they give alone. */
static void test_settled_findings(void **state)
{
	(void)state;
	static const char *const filler = "Our team looked at the logs again today. ";
	static const char *const snippet[] = {
		"We are sorry, {{just a brief outage}} happened.",
		"Our apologies for {{the brief hiccup}} and <brief outage>.",
		"The QQX failed. It was just a brief QQX hiccup, TODO.",
		"Please see [QQX NAME] for the RCA, TODO: ${brief_hiccup}.",
		"Dear [CLIENT NAME], the ZZV outage was only brief and we guarantee it: {{ZZV only}}.",
		"It was just a small hiccup {{ETA}} and a brief QQX blip XXX.",
		/* the acronym, flagged at the end of the message, inside the blame */
		"Our hosting provider QQX failed and took the site down.",
	};
	/* more acronyms flagged at the end than finish checks one by one
	 * (CK_SETTLED_CHECKS): it orders all the findings as a whole */
	char many[80 * 16 + 1];   /* "The QAA failed. The QAB failed. …" */
	for (size_t i = 0; i < 80; i++) {
		memcpy(many + 16 * i, "The Qxx failed. ", 16);
		many[16 * i + 5] = (char)('A' + i / 26);
		many[16 * i + 6] = (char)('A' + i % 26);
	}
	many[80 * 16] = '\0';
	size_t fl = strlen(filler), nfill = 1700;   /* 70 KB: two windows and more */
	for (size_t k = 0; k <= sizeof snippet / sizeof snippet[0]; k++) {
		const char *snip = k < sizeof snippet / sizeof snippet[0] ? snippet[k] : many;
		struct rd_check_result *a = run("other", snip);
		/* a finding in the first window: the windows' findings are not none */
		static const char *const lead = "It was a brief outage. ";
		size_t sl = strlen(snip), ll = strlen(lead), off = ll + nfill * fl;
		char *text = malloc(off + sl + 1);
		assert_non_null(text);
		memcpy(text, lead, ll);
		for (size_t j = 0; j < nfill; j++)
			memcpy(text + ll + j * fl, filler, fl);
		memcpy(text + off, snip, sl + 1);
		struct rd_check_result *b = run("other", text);
		size_t ia = 0, ib = 0;
		for (;;) {
			while (ia < a->n_findings && a->findings[ia].whole_message)
				ia++;
			while (ib < b->n_findings && (b->findings[ib].whole_message || b->findings[ib].start < off))
				ib++;
			if (ia == a->n_findings || ib == b->n_findings)
				break;
			const struct rd_check_finding *x = &a->findings[ia++], *y = &b->findings[ib++];
			if (strcmp(x->rule, y->rule) || x->start + off != y->start || x->end + off != y->end)
				fail_msg("\"%s\": alone %s [%zu, %zu), after the filler %s [%zu, %zu)", snip,
					 x->rule, x->start, x->end, y->rule, y->start - off, y->end - off);
		}
		if (ia != a->n_findings || ib != b->n_findings)
			fail_msg("\"%s\": %zu findings alone, %zu after the filler", snip, a->n_findings,
				 b->n_findings);
		rd_check_result_free(a);
		rd_check_result_free(b);
		free(text);
	}
}

/* ---- elements -------------------------------------------------------------- */

static const struct rd_check_element *elem(const struct rd_check_result *r, const char *name)
{
	for (size_t i = 0; i < r->n_elements; i++)
		if (!strcmp(r->elements[i].name, name))
			return &r->elements[i];
	return NULL;
}

/* FIRST, NFILL copies of FILLER and LAST as one text (the caller frees
 * it); *OFF is where LAST starts. */
static char *filled(const char *first, const char *filler, size_t nfill, const char *last, size_t *off)
{
	size_t l1 = strlen(first), fl = strlen(filler), l2 = strlen(last);
	*off = l1 + nfill * fl;
	char *text = malloc(*off + l2 + 1);
	assert_non_null(text);
	memcpy(text, first, l1);
	for (size_t j = 0; j < nfill; j++)
		memcpy(text + l1 + j * fl, filler, fl);
	memcpy(text + *off, last, l2 + 1);
	return text;
}

/* Element NAME of R (case K) is where ALONE, checked alone as KIND, has
 * it, AT bytes on; not found when ALONE is NULL. */
static void elem_moved(const struct rd_check_result *r, const char *kind, const char *name, const char *alone,
		       size_t at, size_t k)
{
	const struct rd_check_element *e = elem(r, name);
	assert_non_null(e);
	if (!alone) {
		assert_false(e->found);
		return;
	}
	struct rd_check_result *a = run(kind, alone);
	const struct rd_check_element *x = elem(a, name);
	assert_true(x->found);
	if (!e->found || e->start != x->start + at || e->end != x->end + at)
		fail_msg("case %zu: %s at [%zu, %zu), expected [%zu, %zu)", k, name, e->found ? e->start : 0,
			 e->found ? e->end : 0, x->start + at, x->end + at);
	rd_check_result_free(a);
}

/* Prevention is looked for window by window (prevention_scan): in a
 * message of several windows a phrase of prevention.txt wins over an
 * earlier sentence that tells a change in other words, the first of each
 * is the one reported, and one in the last window is found. Each span is
 * where the same sentence alone puts it, moved by what comes before. */
static void test_prevention_by_window(void **state)
{
	(void)state;
	static const char *const filler = "Our team looked at the logs again today. ";
	/* on a line of its own: a label opens its line (labelled_field) */
	static const char *const told = "\nRemediation: a second approver for every release.\n";
	static const char *const phrase = "A second approver will prevent a recurrence. ";
	size_t nfill = 1700;   /* 70 KB: three windows */
	struct {
		const char *first, *last;   /* before the filler, after it */
		const char *alone;          /* the sentence whose span is reported */
		bool in_last;               /* ... which is the one after the filler */
	} cases[] = {
		{told, phrase, phrase, true},    /* the phrase wins, two windows on */
		{phrase, told, phrase, false},
		{"", told, told, true},          /* found in the last window */
		{told, told, told, false},       /* the first of two */
		{"", "", NULL, false},           /* none */
	};
	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		size_t off;
		char *text = filled(cases[k].first, filler, nfill, cases[k].last, &off);
		struct rd_check_result *r = run("plan", text);
		elem_moved(r, "plan", "prevention", cases[k].alone, cases[k].in_last ? off : 0, k);
		rd_check_result_free(r);
		free(text);
	}
}

/* Ownership is read window by window (own_upto), and a blame finding that
 * stands only when the message takes no responsibility is made in its
 * window before the later ones are read: in a message of several windows
 * the vendor blamed in the first is not flagged when "our mistake" comes
 * only in the last (the rules run again, check.c), and is when nothing
 * owns it. The element is the first candidate of the first pass that has
 * one, wherever it is: the phrase in the last window over the admitting
 * verb in the first. */
static void test_ownership_by_window(void **state)
{
	(void)state;
	static const char *const filler = "Our team looked at the logs again today. ";
	static const char *const blame = "Our payment provider failed and your orders stalled. ";
	static const char *const phrase = "This was our mistake. ";
	static const char *const verb = "We deleted your records on Tuesday. ";
	size_t nfill = 1700;   /* 70 KB: three windows */
	struct {
		const char *first, *last;   /* before the filler, after it */
		size_t blamed;              /* blame-shift findings */
		const char *alone;          /* the ownership reported, or NULL */
		bool in_last;               /* ... in the sentence after the filler */
	} cases[] = {
		{blame, "", 1, NULL, false},            /* nothing owns it */
		{blame, phrase, 0, phrase, true},       /* owned only in the last window */
		{phrase, blame, 0, phrase, false},      /* owned in the first */
		{verb, phrase, 0, phrase, true},        /* the phrase's pass first */
		{verb, blame, 0, verb, false},
	};
	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		size_t off;
		char *text = filled(cases[k].first, filler, nfill, cases[k].last, &off);
		struct rd_check_result *r = run("apology", text);
		if (count(r, "ownership.blame-shift") != cases[k].blamed)
			fail_msg("case %zu: %zu blame-shift findings, expected %zu", k,
				 count(r, "ownership.blame-shift"), cases[k].blamed);
		elem_moved(r, "apology", "ownership", cases[k].alone, cases[k].in_last ? off : 0, k);
		rd_check_result_free(r);
		free(text);
	}
}

/* The extractor's keywords (months, weekdays…) are looked up through the
 * lexicon's trie, which extra words replace with a private copy: dates are
 * still read there, also when a keyword is itself an extra word. */
static void test_extra_words_keep_dates(void **state)
{
	(void)state;
	json_t *extra = json_pack("{s:[s,s]}", "jargon", "frobnicator", "friday");
	struct rd_check_opts o = opts_("plan");
	o.extra_words = extra;
	const char *text = "The outage happened because a job deleted the wrong queue.\n"
			   "Our engineers are rebuilding the queue.\n"
			   "We expect the fix to be complete by Friday 27 November at 17:00.\n";
	struct rd_check_result *r = run_opts(text, &o);
	const struct rd_check_element *tl = elem(r, "timeline");
	assert_true(tl->found);
	span_is(&(struct rd_check_finding){.start = tl->start, .end = tl->end}, text,
		"Friday 27 November at 17:00");
	assert_int_equal(count(r, "tone.jargon"), 1);
	rd_check_result_free(r);
	json_decref(extra);
}

static void test_elements_apology(void **state)
{
	(void)state;
	const char *good =
		"Dear Maria,\n\n"
		"I am sorry: our configuration change stopped your label printing for four hours, "
		"and your team could not ship 312 orders on Monday. This was our mistake.\n\n"
		"Our engineers have restored printing and we are reprinting every missing label.\n\n"
		"I will send you the next update by tomorrow at 10:00.\n\n"
		"I am your point person: call me on +49 30 1234 5678.\n";
	struct rd_check_result *r = run("apology", good);
	if (r->n_findings)
		rd_check_result_print(stderr, "good", good, strlen(good), r);
	assert_int_equal(r->n_findings, 0);
	assert_int_equal(r->score, 100);
	assert_int_equal(r->n_elements, 5);
	for (size_t i = 0; i < r->n_elements; i++)
		assert_true(r->elements[i].found);
	const struct rd_check_element *e = elem(r, "next-update");
	assert_non_null(strstr(good + e->start, "I will send you the next update"));
	rd_check_result_free(r);

	const char *bad = "Dear Maria,\n\nWe apologize for the outage on Monday.\n";
	r = run("apology", bad);
	const char *missing[] = {"element.impact", "element.ownership", "element.action",
				 "element.next-update", "element.contact"};
	for (size_t i = 0; i < 5; i++)
		assert_int_equal(count(r, missing[i]), 1);
	assert_int_equal(r->score, 100 - 10 - 10 - 8 - 8 - 6);
	/* message-level findings come last and carry no span */
	assert_true(r->findings[r->n_findings - 1].whole_message);
	rd_check_result_free(r);
}

/* Whether message TEXT of KIND has element NAME (which KIND requires). */
static bool has_elem(const char *kind, const char *name, const char *text)
{
	struct rd_check_result *r = run(kind, text);
	const struct rd_check_element *e = elem(r, name);
	if (!e)
		fail_msg("%s does not require %s", kind, name);
	bool found = e->found;
	rd_check_result_free(r);
	return found;
}

#define HAS(kind, name, text) do { if (!has_elem(kind, name, text)) fail_msg("%s not found: %s", name, text); } while (0)
#define HAS_NOT(kind, name, text) do { if (has_elem(kind, name, text)) fail_msg("%s found: %s", name, text); } while (0)

/* Session 14, dev sets holdout20-55: what has been done told as a labelled
 * field or heading ("Actions so far: …", "3. Actions taken" over its
 * section), by one of ours named by any noun after "our" ("our customs
 * broker has filed …"), by a plural team opening its clause ("engineers
 * are fitting it"), and the client's items processed. */
static void test_action_labels_and_our_nouns(void **state)
{
	(void)state;
	HAS("progress", "action", "Actions so far: containers rebooked on the 26 Nov sailing, haulage rearranged.");
	HAS("progress", "action", "The file was wrong.\n\nActions: December issue now re-mailed to all subscribers.");
	HAS("progress", "action", "Summary.\n\n3. Actions taken\nThe council asked recipients to delete the email.");
	HAS("progress", "action", "Actions taken:\n- every duplicate charge refunded on Monday");
	HAS_NOT("progress", "action", "Actions: none yet.");
	HAS_NOT("progress", "action", "Action: please re-enter your card details.");
	HAS_NOT("progress", "action", "Our actions caused the outage on Monday.");
	HAS_NOT("progress", "action", "The report lists the actions taken by the vendor.");
	HAS("progress", "action", "Our customs broker has filed the paperwork.");
	HAS("progress", "action", "Our mortgage servicing team has raised the refund.");
	HAS_NOT("progress", "action", "Our supplier's warehouse has lost the stock.");
	HAS_NOT("progress", "action", "Their customs broker has filed the paperwork.");
	HAS("progress", "action", "The motor arrived on Friday and engineers are fitting it this week.");
	HAS_NOT("progress", "action", "The motor arrived on Friday and the vendor's engineers are fitting it.");
	HAS("resolution", "action", "All transactions have now been processed.");
	HAS_NOT("resolution", "action", "No transactions have been processed yet.");
	/* a modal before has/have admits what was not done */
	HAS_NOT("progress", "action", "Our team should have cleared those drains at the October visit.");
}

/* Session 14, dev sets: the client's thing and what went wrong in one
 * sentence, with no verb of harm, is the impact; our act about it is not. */
static void test_impact_clients_thing_and_fault(void **state)
{
	(void)state;
	HAS("apology", "impact", "Due to a system issue, nine of the rooms in your block were released to the public.");
	HAS("apology", "impact", "Only a handful of pieces were missing from the box, and I know it left your window bare.");
	HAS_NOT("apology", "impact", "I am sorry. Our system had an issue and we released the rooms in your block.");
	HAS_NOT("apology", "impact", "I am sorry. We found the issue and released the rooms in your block again.");
	HAS_NOT("apology", "impact", "Subject: Security incident affecting your account");
	HAS_NOT("apology", "impact", "I am sorry. Your rooms were released without error.");
}

/* Session 14, dev sets: a prevention told as a thing of the fault made
 * part of a routine of ours, or as a rule every case now has to pass. */
static void test_prevention_routine_and_has_to(void **state)
{
	(void)state;
	HAS("rca_update", "prevention", "We're also adding the roof drains to the monthly PPM schedule.");
	HAS("rca_update", "prevention",
	    "We are also adding heat surveys of every cable of the same age in the district to our annual inspections.");
	HAS("rca_update", "prevention", "I have put the backup check into the site audit.");
	HAS_NOT("rca_update", "prevention", "We have not added the drains to the schedule yet.");
	HAS_NOT("rca_update", "prevention", "We recommend that you add the drains to your maintenance schedule.");
	HAS_NOT("rca_update", "prevention", "The vendor is adding the drains to its schedule.");
	HAS("rca_update", "prevention", "Every clerk now has to complete a signed-off rack procedure.");
	HAS_NOT("rca_update", "prevention", "Every clerk now has a new badge.");
}

/* Session 15, dev sets holdout20-57: a passive told as a mistake by "with"
 * and a fault marker right after the verb, in a sentence that names no one
 * of ours and no agent after it. */
static void test_passive_with_fault_h15(void **state)
{
	(void)state;
	EXPECT("ownership.passive", 1, "A number of e-tickets were issued with incorrect barcodes.");
	EXPECT("ownership.passive", 1, "Appointment letters were generated with the wrong clinic times.");
	EXPECT("ownership.passive", 0, "The boxes were labelled with the wrong codes; we caused that with a bad import.");
	EXPECT("ownership.passive", 0,
	       "A relabelling done by our night shift moved the labels, so orders were packed with the wrong size.");
	EXPECT("ownership.passive", 0, "The cavity was filled with the wrong insulation in 2019 by a contractor.");
	/* the agent is looked for in the passive's own clause only */
	EXPECT("ownership.passive", 1,
	       "The payslips were issued with incorrect tax codes, and corrected copies follow by Monday.");
	EXPECT("ownership.passive", 0, "The tickets were issued with their usual barcodes.");
}

/* Session 15, dev sets: capitals right before a capitalised word start a
 * name (a ship, a firm), not an acronym; a weekday or month after them
 * does not. */
static void test_jargon_caps_before_name_h15(void **state)
{
	(void)state;
	EXPECT("tone.jargon", 0, "Your tiles sail on the MV Celtic Dawn on Friday.");
	EXPECT("tone.jargon", 0, "Call me on 07700 900 551. Kieran, KW Plumbing");
	EXPECT("tone.jargon", 1, "Next update: EOD Tue 24 Nov once step 1 is done.");
	EXPECT("tone.jargon", 1, "The WMS routed them using an old profile.");
}

/* Session 15, dev sets: demand or volume called unprecedented, and
 * circumstances "outside" someone's control, put the blame elsewhere;
 * "a minor <anything>" makes the harm small. */
static void test_blame_unprecedented_and_a_minor_h15(void **state)
{
	(void)state;
	EXPECT("ownership.blame-shift", 1, "Due to unprecedented demand, our distributor could not supply the units.");
	EXPECT("ownership.blame-shift", 1, "This revision arises from circumstances outside the company's control.");
	EXPECT("ownership.blame-shift", 0, "Demand was higher than we planned for, and that is on us.");
	EXPECT("tone.minimizing", 1, "It's a minor discrepancy and the money you received was right.");
	EXPECT("tone.minimizing", 1, "The glaze came out greener, which is a minor variation.");
	EXPECT("tone.minimizing", 0, "I am sorry: this was not a minor outage.");
	EXPECT("tone.minimizing", 0, "The detour uses the minor road past the depot.");
	EXPECT("tone.minimizing", 0, "Our form rejects a date only if a minor field is blank.");
}

/* Session 15, dev sets: a guard added told with a longer name or "set
 * up", a watch that will call one of ours, and a routine of ours that now
 * includes a guard are preventions. */
static void test_prevention_guards_h15(void **state)
{
	(void)state;
	HAS("review", "prevention", "We have added memory-based autoscaling and alerting on consumer lag.");
	HAS("review", "prevention", "Follow-ups: add a query-plan check to CI so changes like this fail before release.");
	HAS_NOT("review", "prevention", "We added a note to the file and the tests.");
	HAS("review", "prevention", "We have set up an alert so that any failed delivery reaches our team within an hour.");
	HAS_NOT("review", "prevention", "Your team set up an alert last year.");
	HAS("review", "prevention", "Any settlement run that pays out nothing will alert our on-call engineer by phone.");
	HAS_NOT("review", "prevention", "Our monitoring did not alert our engineers.");
	HAS("review", "prevention", "We have added that hold and refunded every duplicate booking.");
	HAS("review", "prevention", "Our maintenance checklist now includes a sensor test at every monthly visit.");
	HAS_NOT("review", "prevention", "The price now includes a test drive.");
}

/* Session 15, dev sets: our work told in the future passive is an action,
 * unless it recurs (a prevention then). */
static void test_action_future_passive_h15(void **state)
{
	(void)state;
	HAS("plan", "action", "Affected shipments will be inspected and, where necessary, replaced.");
	HAS("plan", "action", "Refunds will be processed automatically within 14 working days.");
	HAS_NOT("plan", "action", "The backup route will be tested every month from December.");
	HAS_NOT("plan", "action", "Your order will be delayed.");
	HAS_NOT("plan", "action", "No shipment will be inspected twice.");
}

/* Session 15, dev sets: what the client went through, told with the
 * client as the subject of an ordinary verb, is the impact; a supposed or
 * questioned one, or a question of theirs, is not. */
static void test_impact_client_went_through_h15(void **state)
{
	(void)state;
	HAS("apology", "impact", "I'm sorry: the 18:40 bus drove past, and you waited 25 minutes in the rain.");
	HAS("apology", "impact", "I'm sorry. Our app sent every notice again, and many of you had your phones buzzing past midnight.");
	HAS("apology", "impact", "I'm sorry: we sent the draft, so 18,000 of your customers saw prices you hadn't approved.");
	HAS("apology", "impact", "I'm sorry. Several candidates withdrew, and your team has spent two days phoning the rest.");
	HAS_NOT("apology", "impact", "I'm sorry. If you have any questions, call me on 01632 960 418.");
	HAS_NOT("apology", "impact", "I'm sorry. If the bus was full and you waited for the next one, tell us.");
	HAS_NOT("apology", "impact", "I'm sorry. So you waited at the stop for an hour?");
	/* session 16: time off taken for us */
	HAS("apology", "impact", "I am very sorry. You took a day off from work and waited until 13:00 for nothing.");
	HAS_NOT("apology", "impact", "I'm sorry. Thank you, you took the time to write to us.");
	HAS_NOT("apology", "impact", "I'm sorry. Thank you for telling us what you saw on Tuesday.");
}

/* Session 15, dev sets: the cause told as what the fault was the result
 * of, or the event it arose when. */
static void test_cause_result_of_h15(void **state)
{
	(void)state;
	HAS("rca_update", "cause", "The disruption is the result of fibre damage caused during roadworks on Harrow Lane.");
	HAS("rca_update", "cause", "The overbooking was probably the result of a sync issue between our two systems.");
	HAS("rca_update", "cause", "The delay arose when our treasury team released the batch after the cut-off.");
	HAS_NOT("rca_update", "cause", "As a result of the outage, your orders were late.");
}

/* Session 15, every labelled set: TLS, SSL, SSO, SKU and ERP were
 * marked jargon each time they appeared (TLS 10 of 10), so they left the
 * list of acronyms most clients know; the protocols clients run
 * themselves stay on it. */
static void test_jargon_protocol_acronyms_h15(void **state)
{
	(void)state;
	EXPECT("tone.jargon", 1, "Terminals on old firmware could not renegotiate the TLS session.");
	EXPECT("tone.jargon", 1, "The university renewed the SSO certificate during the exam window.");
	EXPECT("tone.jargon", 1, "The order was held after a SKU change.");
	EXPECT("tone.jargon", 0, "Your nightly SFTP upload works again.");
}

/* Session 15, every labelled set: a guard or a supply "switched/turned
 * off" with nobody named hides who did it (9 of 10 uses marked). */
static void test_passive_switched_off_h15(void **state)
{
	(void)state;
	EXPECT("ownership.passive", 1, "The low-chlorine alerts were switched off for 140 hot tubs.");
	EXPECT("ownership.passive", 1, "The supply was turned off for a short while on Sunday.");
	EXPECT("ownership.passive", 0, "The router was switched off and on by your staff during our test.");
	EXPECT("ownership.passive", 0, "No alarm was switched off at any point.");
}

/* Session 15, dev sets: checking back with the client at a time, and a
 * letter through the door at a time, are the next update. */
static void test_next_update_check_with_you_h15(void **state)
{
	(void)state;
	HAS("progress", "next-update", "I'll check with you on Wednesday that the refund has come through.");
	HAS("progress", "next-update", "We will put a new letter through your door on Thursday evening.");
	HAS_NOT("progress", "next-update", "Please check with your bank on Monday.");
}

/* Session 16, dev sets holdout20-61: a fix as the object of an
 * admitting verb mends, it admits nothing; a fault placed on another's
 * side by "this was (really) on their side"; fatalism told with a helper
 * verb. */
static void test_blame_placed_and_fatalism_h16(void **state)
{
	(void)state;
	HAS_NOT("apology", "ownership", "Our devs have pushed a hotfix to prod.");
	HAS_NOT("apology", "ownership", "We shipped the patch at 10:20.");
	HAS("apology", "ownership", "We pushed a faulty update to your tills.");
	/* and with no ownership, the blame on the vendor stands */
	EXPECT("ownership.blame-shift", 1,
	       "Purchases were not credited, which is on Apple's end. Our devs have pushed a hotfix to prod.");
	EXPECT("ownership.blame-shift", 1, "Apple's validator is notoriously strict, so this was really on their side.");
	EXPECT("ownership.blame-shift", 1, "The import failed. This was on their side.");
	EXPECT("ownership.blame-shift", 0, "This was on your side.");
	EXPECT("ownership.blame-shift", 0, "The meeting was on their side of town.");
	EXPECT("ownership.blame-shift", 1, "Unfortunately these things do happen from time to time with online payments.");
	EXPECT("ownership.blame-shift", 1, "Honestly, it was just one of those things.");
	EXPECT("ownership.blame-shift", 1, "Weddings are unpredictable and these mix-ups do happen in our industry.");
	EXPECT("ownership.blame-shift", 0, "One of those things we check every night is the backup.");
}

/* Session 16, dev sets: the client's people and what they left undone or
 * ignored, right after them, in a message that takes no responsibility;
 * not what they did not receive, nor a condition. */
static void test_blame_client_failed_h16(void **state)
{
	(void)state;
	EXPECT("ownership.blame-shift", 1, "Also your transport company did not confirm the slot in time.");
	EXPECT("ownership.blame-shift", 1,
	       "The cause was a malicious attachment, and your team ignoring our recommendation last quarter.");
	EXPECT("ownership.blame-shift", 1, "The renewal lapsed after your staff failed to sign the form.");
	EXPECT("ownership.blame-shift", 0, "We are sorry your team did not get the alert.");
	EXPECT("ownership.blame-shift", 0, "Your team never received our email.");
	EXPECT("ownership.blame-shift", 0, "If your staff did not renew it, tell us and we will.");
}

/* Session 16, dev sets: "may not have" and "may possibly" guess as "may
 * have" does (11 of 11 marked); a guess inside a passive is still a
 * hedge, while the stock apology's "this may have caused" is none. */
static void test_hedging_may_not_have_h16(void **state)
{
	(void)state;
	EXPECT("tone.hedging", 1, "Some orders may not have gone through during this window.");
	EXPECT("tone.hedging", 1, "Search results may possibly be incomplete for some customers.");
	EXPECT("tone.hedging", 0, "You may not have received the email.");
	EXPECT("tone.hedging", 1, "It was probably placed in the wrong cage.");
	EXPECT("ownership.passive", 1, "It was probably placed in the wrong cage.");
	EXPECT("tone.hedging", 1, "The line operator's check may have been skipped.");
	EXPECT("tone.hedging", 0, "We apologise for any confusion this may have caused.");
	EXPECT("tone.hedging", 0, "Sorry for any stress this might have caused.");
	/* "we should hopefully" forecasts; "we should fix" is what we ought to
	 * do; a date left open "subject to change/confirmation" (3 of 4 marked) */
	EXPECT("tone.hedging", 1, "We should hopefully have all three live fairly soon.");
	EXPECT("tone.hedging", 0, "We should fix our alerting first, and we will.");
	EXPECT("tone.hedging", 1, "The new dispatch date will be week 50, subject to confirmation.");
	EXPECT("tone.hedging", 1, "The new date is Thursday 26 November, though this is subject to change.");
}

/* Session 16, dev sets: a harm made small inside a blame is reported as
 * well as the blame (readers mark both); "just one of those things" is
 * fate, no count. */
static void test_minimizing_inside_blame_h16(void **state)
{
	(void)state;
	EXPECT("tone.minimizing", 1, "The cause was a network blip at our hosting provider.");
	EXPECT("ownership.blame-shift", 1, "The cause was a network blip at our hosting provider.");
	EXPECT("tone.minimizing", 0, "Honestly, it was just one of those things.");
	EXPECT("tone.minimizing", 1, "Just one of your orders was late.");
}

/* Session 16, dev sets: a fix shipped or pushed, and help already on its
 * way, are what we are doing; pushing a bad change is not. */
static void test_action_fix_shipped_h16(void **state)
{
	(void)state;
	HAS("progress", "action", "We've shipped the fix for the audio crash to 40% of phones.");
	HAS("progress", "action", "We pushed a hotfix at 10:20.");
	HAS_NOT("progress", "action", "We pushed a bad config at 10:20.");
	HAS("apology", "action", "I'm sorry. The refund is already on its way to your card.");
	HAS("apology", "action", "I'm sorry. A replacement van is on its way from our Leeds depot.");
	/* a remedy that left our place, or is attached */
	HAS("progress", "action", "The replacement consignment left our Rotterdam cold store on Saturday.");
	HAS("progress", "action", "A corrected version is attached.");
	HAS_NOT("progress", "action", "The engineer left the site at noon.");
	HAS_NOT("progress", "action", "If a refund is attached, please ignore the first letter.");
}

/* Session 16, every labelled set: a rule that starts now ("from today",
 * "from now", "for the future", "to stop a repeat") is a prevention
 * (63 of 64 messages with one give one); a state promised from then on
 * is not. */
static void test_prevention_from_today_h16(void **state)
{
	(void)state;
	HAS("review", "prevention", "From today the alarms can't be switched off without a note on the board.");
	HAS("review", "prevention", "For the future: from now every photographer copies the cards on two disks.");
	HAS("review", "prevention", "To stop a repeat: from January we will test a full switchover every quarter.");
	HAS_NOT("review", "prevention", "From today your account is our first priority.");
	HAS_NOT("review", "prevention", "Every bag you receive from us will be perfect from now on.");
	/* "from" and a date opening a clause, the day's number too */
	HAS("review", "prevention", "- From 1 December, our depot staff will check each trailer's readings before loading.");
	HAS("review", "prevention", "Our plan: from 30 November we will route your loads via the M62 depot.");
	HAS("review", "prevention",
	    "Staff are re-sorting the letters now, and from this week the new form will not let a referral be saved.");
	HAS_NOT("review", "prevention", "Additional installer teams will be on site from Monday 30 November.");
}

/* Session 16, every labelled set: "a small/tiny/limited number of" (38 of
 * 38 uses marked) and "a handful of" any plain noun (33 of 34) make the
 * harm small, wherever the sentence; not when they count our people. */
static void test_minimizing_small_number_handful_h16(void **state)
{
	(void)state;
	EXPECT("tone.minimizing", 1, "A small number of skeins from dye lot 4471 came out noticeably pale.");
	EXPECT("tone.minimizing", 1, "On Wednesday a handful of reports went out a few hours late.");
	EXPECT("tone.minimizing", 1, "To recap, a handful of your parcels went to the wrong depot.");
	EXPECT("tone.minimizing", 0, "A handful of our engineers worked through the night.");
	EXPECT("tone.minimizing", 0, "We sent a small number of our engineers to the site.");
	EXPECT("tone.minimizing", 0, "We sent a small number of engineers to the site.");
	EXPECT("tone.minimizing", 0, "A handful of engineers worked through the night.");
}

/* Session 16, dev sets: in a delay, the time it replaces — previously
 * or originally scheduled, "was scheduled for", moved "from", "longer than
 * the <day> date", missed "as planned" — is no time for the fix; the new
 * time, or what a thing waits "until", still is. */
static void test_timeline_time_replaced_h16(void **state)
{
	(void)state;
	HAS_NOT("delay", "timeline", "The reopening, previously scheduled for 1 December, has been postponed.");
	HAS_NOT("delay", "timeline", "The return of lending, which was scheduled for Monday 30 November, has been pushed back.");
	HAS_NOT("delay", "timeline", "The handover of Suite 4.08 has been moved from 1 December.");
	HAS_NOT("delay", "timeline", "The fix will take longer than the Wednesday date I gave you.");
	HAS_NOT("delay", "timeline", "The migration won't finish this week as planned.");
	HAS("delay", "timeline", "The reopening, previously scheduled for 1 December, has been postponed to Friday 11 December.");
	HAS("delay", "timeline", "The fix won't be ready until Friday 4 December.");
	HAS("delay", "timeline", "The work, previously planned, is paused until Friday 27 November.");
	HAS("plan", "timeline", "All duplicate charges will be refunded to the original card by Monday 30 November.");
}

/* Session 16, every labelled set: a notice not given, "were not informed"
 * or "was not notified", hides who should have given it (3 of 3 marked);
 * our own people not alerted name ours. */
static void test_passive_not_informed_h16(void **state)
{
	(void)state;
	EXPECT("ownership.passive", 1, "A number of owners were not informed.");
	EXPECT("ownership.passive", 1, "The transport contractor was not notified of the change.");
	EXPECT("ownership.passive", 0, "Our engineers were not notified, so the pump ran dry.");
	EXPECT("ownership.passive", 0, "Your account was not affected.");
}

/* Session 16, every labelled set: a fault placed at a party by a
 * preposition, cause word or not (16 of 17 marked); not an event arranged
 * "with" someone, nor a problem we had. */
static void test_blame_fault_at_party_h16(void **state)
{
	(void)state;
	EXPECT("ownership.blame-shift", 1, "Refunds are late because of delays at our payment partner.");
	EXPECT("ownership.blame-shift", 1, "Notice went out late after a subsequent issue with our email provider.");
	EXPECT("ownership.blame-shift", 1, "Firmware 2.8 contained a defect in the chip vendor's Wi-Fi library.");
	EXPECT("ownership.blame-shift", 0, "We had a problem with our courier.");
	EXPECT("ownership.blame-shift", 0, "You will have to reschedule the outage with the water authority.");
	EXPECT("ownership.blame-shift", 0,
	       "The delays at our payment partner were ours to manage, and we got it wrong; we are sorry.");
}

/* Session 16, every labelled set: a future without the harm told as fact
 * (7 of 9 marked), and "any distress this may have caused" as the stock
 * apology. */
static void test_overreach_no_further_h16(void **state)
{
	(void)state;
	EXPECT("promise.overreach", 1, "The new date is Thursday 3 December, and there will be no further delays.");
	EXPECT("promise.overreach", 1, "We have changed the upload check, so this situation will not occur again.");
	EXPECT("promise.overreach", 1, "You will never have another issue with exports.");
	EXPECT("promise.overreach", 0, "If there is any further delay, I will call you that morning.");
	EXPECT("apology.generic", 1, "The practice apologises for any distress this may have caused.");
	/* feelings in the perfect are still feelings */
	EXPECT("apology.non-apology", 1, "We are sorry you have been frustrated by the wait.");
	EXPECT("apology.non-apology", 1, "We are sorry that residents have been frustrated by the situation.");
	EXPECT("apology.non-apology", 1, "We regret that this has been upsetting.");
	EXPECT("apology.non-apology", 0, "We are sorry: we have been slow, and your residents waited a week.");
}

/* Session 16, dev sets: a passive told as a mistake by a marker up to
 * five words after the verb, a phrase too ("by mistake", "in error"), is
 * what went wrong; not beside a vague cause phrase, which leaves why
 * untold. */
static void test_cause_passive_marker_further_h16(void **state)
{
	(void)state;
	HAS("review", "cause", "A change to our rules was applied to fixed-rate accounts by mistake.");
	HAS("review", "cause", "A meter exchange was carried out at the wrong address by a subcontractor.");
	HAS("review", "cause", "The change was applied in error.");
	HAS_NOT("review", "cause", "57 claims were declined in error by our engine due to a system issue.");
	HAS_NOT("review", "cause", "The change was applied to every account on Monday.");
	/* the mistake's place or time told with "were made" */
	HAS("review", "cause", "Errors were made in the handover between our night and day security teams.");
	HAS("review", "cause", "An error was made when a batch file was resubmitted after a timeout.");
	HAS_NOT("review", "cause", "Mistakes were made.");
	HAS_NOT("review", "cause", "No errors were made in the handover.");
	/* what was done in place of what was wanted */
	HAS("review", "cause", "Our events coordinator entered your wedding as 12 June instead of 19 June.");
	HAS("review", "cause", "Chilled stock went to the Leeds cross-dock instead of Sheffield.");
	HAS_NOT("review", "cause", "Your linen goes to our Leeds plant instead of Bradford for now.");
	HAS_NOT("review", "cause", "We are adding a check so that a lost top-up is retried instead of forgotten.");
}

/* Session 17, dev sets holdout20-63: a thing or a person left where it
 * should not be hides who left it ("was left on the bus"); so does one
 * "left in place" when it should have gone (session 29: both such uses in
 * holdout20-323 marked, "the barriers were left in place until 11:30am"). */
static void test_passive_left_somewhere_s17(void **state)
{
	(void)state;
	EXPECT("ownership.passive", 1, "A Year 3 pupil was left on the Route 9 bus at the depot.");
	EXPECT("ownership.passive", 1, "Around 14,000 renewals were left in a queue that nobody was monitoring.");
	EXPECT("ownership.passive", 1, "The old booking page was left in place until Monday.");
	EXPECT("ownership.passive", 0, "The keys were left at reception, as you asked.");
	EXPECT("ownership.passive", 0, "Your keys were left at reception, as you asked.");
	EXPECT("ownership.passive", 0, "Your parcel was sent to the depot as agreed.");
}

/* Session 17: people put on the problem or taken off it, and an order
 * put in, in the present perfect passive, are work done. */
static void test_action_appointed_suspended_s17(void **state)
{
	(void)state;
	HAS("resolution", "action", "The service is back to normal. A new permanent driver has been appointed to the route.");
	HAS("resolution", "action", "The driver concerned has been suspended pending investigation.");
	HAS("resolution", "action", "All drivers have been reminded of the end-of-route check.");
	HAS("resolution", "action", "A works order has been raised with the network operator.");
	HAS_NOT("resolution", "action", "Several concerns were raised by parents at the meeting.");
	/* a remedy or the affected things done in the past passive, any verb */
	HAS("resolution", "action", "The shipment was quarantined. Replacement stock was dispatched on 12 November.");
	HAS("resolution", "action", "A credit of 340 pounds was paid to your account on Friday.");
	HAS("resolution", "action", "Affected orders were re-dispatched from the correct depot.");
	HAS_NOT("resolution", "action", "Your orders were dispatched from the wrong depot.");
}

/* Session 17: effort claimed in place of what is done, and the stock
 * close that looks past the failure, are corporate; the parts supplier is
 * a third party. */
static void test_corporate_everything_we_can_s17(void **state)
{
	(void)state;
	EXPECT("tone.corporate", 1, "We are doing everything we can to get things back on track.");
	EXPECT("tone.corporate", 1, "We look forward to continuing to support your school this winter.");
	EXPECT("tone.corporate", 0, "We checked everything we could reach from the depot.");
	EXPECT("ownership.blame-shift", 1,
	       "The reset was triggered by a faulty battery supplied by our parts distributor.");
}

static void has_each(const char *kind, const char *name, const char *head, const char *const *texts, bool want);

/* Session 17: a delay notice that tells what happened, in the past, gives
 * its reason though it names no cause word; the delay restated, the
 * message told, a state or what is wanted do not. */
static void test_delay_reason_event_told_s17(void **state)
{
	(void)state;
	const char *date = "The shortlist will now reach you on Wednesday 2 December, not Friday 27 November. ";
	static const char *const told[] = {
		"The kiln cracked during the first firing.",
		"The audio files supplied by the court were of very poor quality.",
		"The vessel carrying it was held for three days at Port Said.",
		NULL,
	};
	static const char *const none[] = {
		"The reopening of the covered hall has moved from Saturday 28 November.",
		"We have lengthened rider sessions so that no rider is logged out during a shift.",
		"The temporary generators will stay on site, with power switched over on Tuesday.",
		"We previously aimed to have the login problem fixed by Friday.",
		"Unforeseen issues have come up at our end.",
		"Patients already booked keep their slots.",
		"The price list was checked on Monday.",
		NULL,
	};
	has_each("delay", "delay-reason", date, told, true);
	has_each("delay", "delay-reason", date, none, false);
}

/* Session 17: the client's people and their act told after "why",
 * "cause" or "reason" are blamed, in a message that takes no
 * responsibility; not after "that's why", which tells the consequence. */
static void test_blame_client_in_cause_s17(void **state)
{
	(void)state;
	EXPECT("ownership.blame-shift", 1,
	       "Why: in September your wedding coordinator gave our office the old ceremony time of 14:00.");
	EXPECT("ownership.blame-shift", 1,
	       "Cause: the payroll file your finance team uploaded used the old sort code format.");
	EXPECT("ownership.blame-shift", 1,
	       "The reason is that the requests your team submitted were entered after our 14:00 cut-off.");
	EXPECT("ownership.blame-shift", 0,
	       "Nobody checked the map. That's why your team spent day one in a back-row spot.");
	EXPECT("ownership.blame-shift", 0,
	       "That's why your team spent day one in a back-row spot, because our map was wrong.");
	EXPECT("ownership.blame-shift", 0,
	       "Why: our import dropped the rows your team entered. That was our mistake, and we own it.");
	/* what a third party supplied did the harm, an admitting verb after it */
	EXPECT("ownership.blame-shift", 1,
	       "The route-planning software supplied by our vendor dropped Ward 4's rounds from the schedules.");
	EXPECT("ownership.blame-shift", 0, "The new software supplied by our vendor went live on Monday.");
}

/* Session 17: a time in a routine (a frequency after it, a rate after a
 * count) and a span joined by a hyphen to the noun it measures are no
 * time for the fix. */
static void test_timeline_routine_and_measure_s17(void **state)
{
	(void)state;
	HAS_NOT("plan", "timeline", "From now on a duty manager checks every route by hand at 05:30 each morning.");
	HAS_NOT("plan", "timeline", "We will alert the team when one member receives more than two identical emails in a day.");
	HAS_NOT("plan", "timeline", "Around 80% of visits now fall within the 30-minute window.");
	HAS("plan", "timeline", "The new route will be live by 05:30 tomorrow.");
	HAS("plan", "timeline", "We will have the fix live within a day.");
	HAS("plan", "timeline", "The repair needs a 30-minute shutdown, which we will do on Friday 27 November.");
	/* the update's own date as its label, and a past told with "led" */
	HAS_NOT("progress", "timeline", "Update 23/11: crews have now cleared and salted car parks A to D.");
	HAS("progress", "timeline", "Update 23/11: crews will clear car parks E and F by Wednesday 25 November.");
	HAS_NOT("plan", "timeline", "The cycle was skipped, which led to the element burning out during Saturday service.");
	/* what we aim for, with the fix's other time left as a placeholder,
	 * and the new time a thing was rebooked for */
	HAS("progress", "timeline",
	    "The truss will be on site by XXX.\n\nWe are aiming to have both rigs tested by Sunday 29 November.");
	HAS_NOT("progress", "timeline", "The truss will be on site by XXX.\n\nWe tested both rigs on Sunday 22 November.");
	HAS("delay", "timeline", "The scanner failed on Saturday. We have rebooked you for Tuesday 1 December at 10:40.");
	HAS_NOT("delay", "timeline", "The scanner failed on Saturday. We have rebooked the engineer who came on Friday.");
	/* a subject line names the message's topic, whatever its length */
	HAS_NOT("plan", "timeline",
		"Re: Remediation plan - duplicate seat allocation, 'Winterreise' 12 December\n\nWe sold 64 seats twice.");
	HAS("plan", "timeline",
	    "Re: Remediation plan - duplicate seat allocation, 'Winterreise' 12 December\n\n"
	    "We sold 64 seats twice. Every booker will have a new seat by Friday 27 November.");
}

/* Session 17: what we had left undone when it failed, any act, owns it;
 * not what befell us or what we knew. */
static void test_ownership_we_had_not_s17(void **state)
{
	(void)state;
	HAS("apology", "ownership", "The valve that failed was on our inspection list and we had not yet replaced it.");
	HAS("apology", "ownership", "We hadn't fixed the ruleset to a set version, so the update went straight to prod.");
	HAS("apology", "ownership", "The new times were agreed on Friday. We had never sent them to the parents.");
	HAS_NOT("apology", "ownership", "We had not heard from your office since Monday.");
	HAS_NOT("apology", "ownership", "We had not been told about the road closure.");
	HAS_NOT("apology", "ownership", "We had not received your file until Tuesday.");
	/* and an act denied between us and its verb is no action */
	HAS_NOT("resolution", "action", "The valve burst because we had not replaced it.");
	HAS_NOT("resolution", "action", "We have still not restored the second line.");
	HAS("resolution", "action", "We have now replaced the valve.");
}

/* Session 18: "cluster" and "rollback" are no jargon by themselves (most
 * writers left them unmarked), nor DNA; a product named with them still
 * is. QC was known here until session 25 (test_jargon_trade_initials_s25). */
static void test_jargon_cluster_qc_s18(void **state)
{
	(void)state;
	EXPECT("tone.jargon", 0, "We moved your index to a dedicated cluster with three times the memory.");
	EXPECT("tone.jargon", 0, "On Thursday our rollback restored the old value on two of the three servers.");
	EXPECT("tone.jargon", 1, "Our QC check missed it because it only samples one model in fifty.");
	EXPECT("tone.jargon", 0, "The DNA results for your herd came back on Friday.");
	EXPECT("tone.jargon", 1, "The Kafka cluster stopped taking writes at 09:10.");
}

/* Session 25, holdout20-209: a degree word before how far behind it ran,
 * a comparative of the burden or a participle of what it did to the thing
 * ("a little behind", "came up a little short", "slightly less
 * convenient", "slightly warped": writers marked "slightly" in 33 of 38
 * uses, "a little" in 32 of 38), and "a bit" after a linking verb with an
 * adverb between, shrink the harm; a comparative that only compares does
 * not. */
static void test_minimizing_softened_degree_s25(void **state)
{
	(void)state;
	EXPECT("tone.minimizing", 1, "We are running a little behind on your order.");
	EXPECT("tone.minimizing", 1, "Your order came up a little short on Friday.");
	EXPECT("tone.minimizing", 1, "The new room is slightly less convenient.");
	EXPECT("tone.minimizing", 1, "Some parts in your batch came out slightly warped.");
	EXPECT("tone.minimizing", 1, "The children's area upstairs is still a bit chilly.");
	EXPECT("tone.minimizing", 0, "The new cabinet is slightly larger than the old one.");
	EXPECT("tone.minimizing", 0, "We will need a little more time with the supplier.");
}

/* Session 26, holdout20-225: passives writers mark nearly every time and
 * the rule missed: people "turned away" (23 of 29 uses marked), a thing
 * "damaged in transit" (7 of 9), an alert "routed" to the wrong place (11
 * of 11), figures "transposed" (5 of 6), and a file "generated" from a
 * stale source (18 of 26; flagged only with a sign of fault). A condition
 * ("to the extent that …") asserts nothing, and an agent or a negation
 * still clears them. */
static void test_passive_turned_away_routed_s26(void **state)
{
	(void)state;
	EXPECT("ownership.passive", 1, "Your coach party was turned away at the door on Saturday.");
	EXPECT("ownership.passive", 1, "Three guitars were damaged in transit.");
	EXPECT("ownership.passive", 1, "The expiry alert was routed to a decommissioned channel.");
	EXPECT("ownership.passive", 1, "The width and height were transposed on the order sheet.");
	EXPECT("ownership.passive", 1, "The November invoices were generated from the old fee schedule.");
	EXPECT("ownership.passive", 0, "Payslips have now been generated and sent.");
	EXPECT("ownership.passive", 0, "The pot was damaged in transit by the carrier.");
	EXPECT("ownership.passive", 0, "We promise your group will never be turned away again.");
	EXPECT("ownership.passive", 0, "To the extent that any racers were turned away, we apologise.");
}

/* Session 26, holdout20-233: words and phrases writers mark nearly every
 * time they are used: jargon (a unit "reflashed" 5 of 6, a "batch job" 4
 * of 5, "SKUs" 4 of 5, "preflight" 3 of 4, "middleware" 2 of 2), stock
 * phrases ("wanted to reach out" 17 of 21, "it should be noted" 3 of 3)
 * and hedges ("our investigation suggests" 4 of 5, "we'll aim to" 4 of 5,
 * "subject to parts availability" 3 of 3). */
static void test_words_writers_mark_s26(void **state)
{
	(void)state;
	EXPECT("tone.jargon", 1, "Every reader was reflashed on Tuesday.");
	EXPECT("tone.jargon", 1, "The nightly batch job stopped at 02:00.");
	EXPECT("tone.jargon", 1, "Four SKUs were missing from your order.");
	EXPECT("tone.jargon", 1, "The preflight check now runs on every order.");
	EXPECT("tone.corporate", 1, "We wanted to reach out about your booking.");
	EXPECT("tone.corporate", 1, "It should be noted that the gate was open.");
	EXPECT("tone.hedging", 1, "Our investigation suggests the regulator failed.");
	EXPECT("tone.hedging", 1, "We'll aim to confirm the day by Thursday.");
	EXPECT("tone.hedging", 1, "The work will be finished by Friday, subject to parts availability.");
	EXPECT("tone.hedging", 0, "We will confirm the day by Thursday.");
}

/* Session 26, holdout20-237: "minimal" after a form of "be" judges the
 * harm small whatever the subject (18 of 18 dev messages mark it),
 * "briefly" before a verb makes it short (7 of 7), and "was a minor one"
 * is "a minor" with the noun left out; "briefly" that opens a summary or
 * describes our telling is no harm. */
static void test_minimizing_minimal_briefly_s26(void **state)
{
	(void)state;
	EXPECT("tone.minimizing", 1, "The risk to the children was minimal.");
	EXPECT("tone.minimizing", 1, "The impact should have been minimal.");
	EXPECT("tone.minimizing", 1, "Your scores were briefly shown against the wrong fixtures.");
	EXPECT("tone.minimizing", 1, "The late payment led them to briefly suspend work.");
	EXPECT("tone.minimizing", 1, "The fault itself was a minor one, a tripped switch.");
	EXPECT("tone.minimizing", 0, "Briefly, here is what happened on Saturday.");
	EXPECT("tone.minimizing", 0, "I'll briefly explain the cause below.");
	EXPECT("tone.minimizing", 0, "We spoke briefly on Monday.");
}

/* Session 26, holdout20-249, the fifth round: trade and engineering words
 * writers mark every time (OAuth, a head-end, an encoder, PoE, a
 * first-article check, QC'd, a CoA), a date "revised" with no one named
 * (10 of 13), and "please find our …" (8 of 10). */
static void test_fifth_round_words_s26(void **state)
{
	(void)state;
	EXPECT("tone.jargon", 1, "Sign-in moved to OAuth on Monday.");
	EXPECT("tone.jargon", 1, "The head-end failed at 02:00.");
	EXPECT("tone.jargon", 1, "Every tin is QC'd before it leaves.");
	EXPECT("tone.jargon", 1, "The CoA for batch 12 gave the wrong figure.");
	EXPECT("ownership.passive", 1, "The completion date has been revised to 18 December.");
	EXPECT("ownership.passive", 0, "We have revised the completion date to 18 December.");
	EXPECT("tone.corporate", 1, "Please find our action plan below.");
}

/* Session 25, holdout20-213: stock phrases writers mark nearly every time
 * ("we trust this …" 22 of 24 uses, "thanks for reaching out" 17 of 18,
 * "in the loop" 7 of 9, "closing the loop" 6 of 7) and hedges ("fingers
 * crossed" 6 of 6, "on or around" 5 of 6, "it's possible the …" without
 * "that"); and, in the fifth round, "thanks again for your patience" (6 of
 * 8 with "… understanding"), "thank you for taking the time to" (6 of 6),
 * "our records suggest" and "looks to be" (3 of 3 each). */
static void test_stock_phrases_and_hedges_s25(void **state)
{
	(void)state;
	EXPECT("tone.corporate", 1, "We trust this concludes the matter.");
	EXPECT("tone.corporate", 1, "Thanks for reaching out about your order.");
	EXPECT("tone.corporate", 1, "We will keep you in the loop.");
	EXPECT("tone.corporate", 1, "We are closing the loop on this today.");
	EXPECT("tone.hedging", 1, "Fingers crossed, the parts arrive on Monday.");
	EXPECT("tone.hedging", 1, "We will deliver on or around 4 December.");
	EXPECT("tone.hedging", 1, "It's possible the strings were damaged in transit.");
	EXPECT("tone.hedging", 0, "It is possible to book online from Monday.");
	/* the fifth round (holdout20-217): thanks again, the time taken, a
	 * reading of records */
	EXPECT("tone.corporate", 1, "Thanks again for your patience while we sorted this.");
	EXPECT("tone.corporate", 1, "Thank you for taking the time to write to us.");
	EXPECT("tone.hedging", 1, "Our records suggest the parcel left on Monday.");
	EXPECT("tone.hedging", 1, "The fault looks to be in the pump.");
}

/* Session 25, holdout20-205: engineering words the older sets left plain
 * and the blind sets mark (webhook 15 of 20 messages, staging 24 of 34,
 * regression 17 of 22, a 3PL 6 of 6); initials known to the public (UV 1
 * of 9 marked, MOT 0 of 7, QR 1 of 5) and a planning reference's letters
 * after a number and a slash are none. */
static void test_jargon_engineering_words_s25(void **state)
{
	(void)state;
	EXPECT("tone.jargon", 1, "The booking webhook stopped firing on Monday.");
	EXPECT("tone.jargon", 1, "The change passed in staging but not on the live site.");
	EXPECT("tone.jargon", 1, "The release had a regression in the export.");
	EXPECT("tone.jargon", 1, "Our 3PL sent the pallet to the wrong depot.");
	EXPECT("tone.jargon", 1, "A sync job failed overnight.");
	EXPECT("tone.jargon", 0, "The UV lamps in the pond filter are replaced.");
	EXPECT("tone.jargon", 0, "Your van's MOT is booked for Friday.");
	EXPECT("tone.jargon", 0, "Scan the QR code on the door to book.");
	EXPECT("tone.jargon", 0, "Your comment on application 26/02210/HOU was published.");
}

/* Session 25, holdout20-205: QA, QC, API, CRM, SLA and POS were marked
 * jargon in most messages that used them (QC 25 of 30, SLA 12 of 13, POS
 * 11 of 11), so they left the acronyms clients know; OTA too, except a
 * hotel's "OTA channels". A defined or named use is still fine. */
static void test_jargon_trade_initials_s25(void **state)
{
	(void)state;
	EXPECT("tone.jargon", 1, "The fix has been built and is currently in QA.");
	EXPECT("tone.jargon", 1, "The booking API began returning errors at 06:12.");
	EXPECT("tone.jargon", 1, "The renewal date was not captured in our CRM.");
	EXPECT("tone.jargon", 1, "The scans were not made within our usual 24-hour SLA.");
	EXPECT("tone.jargon", 1, "The stock sync between our POS and the web shop failed.");
	EXPECT("tone.jargon", 1, "We pushed an OTA update to every unit on Monday.");
	EXPECT("tone.jargon", 0, "Two OTA channels now show the right rooms.");
	EXPECT("tone.jargon", 0, "Our service level agreement (SLA) gives you a credit.");
	EXPECT("tone.jargon", 0, "Any questions, contact Hamish Grant, QA Manager.");
}

/* Session 18: a standing check told from its first word of checking, each
 * case it passes ("each time …"), a way of working told with "now" and a
 * verb in the present, a step before an -ing, and "to stop … again" are
 * prevention; an act told in the past, or the reader's own, is not. */
static void test_prevention_standing_practice_s18(void **state)
{
	(void)state;
	HAS("review", "prevention", "Now we do a phone check with the pharmacy each time a prescription changes, the "
				    "coordinator must update the chart the same day, and the next carer checks it.");
	HAS("review", "prevention", "Now we do a phone check with the pharmacy each time a prescription changes.");
	HAS("review", "prevention", "Jointers now prove a cable with a tester before cutting into it.");
	HAS("review", "prevention", "Every queue in the new system now appears on a daily report for the manager.");
	HAS("review", "prevention", "To stop a queue being missed again, every queue is listed on one page.");
	HAS("review", "prevention", "In order to stop the same fault again we moved the alarm to the front desk.");
	HAS_NOT("review", "prevention", "We had to stop the line again on Tuesday.");
	HAS_NOT("review", "prevention", "Your orders now load before the page opens.");
	HAS_NOT("review", "prevention", "We did a phone check with the pharmacy each time a prescription changed.");
	HAS_NOT("review", "prevention", "The site now loaded before we checked it.");
}

/* Session 18: the firm's stock claim of care in the third person, and the
 * stock thanks for a message, are corporate. */
static void test_corporate_firm_takes_seriously_s18(void **state)
{
	(void)state;
	EXPECT("tone.corporate", 1, "SeatSwap takes the integrity of our marketplace extremely seriously.");
	EXPECT("tone.corporate", 1, "The hotel takes guest feedback very seriously.");
	EXPECT("tone.corporate", 0, "It can feel as if no one takes it seriously.");
	EXPECT("tone.corporate", 0, "It can feel as if nobody takes it seriously.");
	EXPECT("tone.corporate", 0, "It can feel as if the council never takes these reports seriously.");
	EXPECT("tone.corporate", 0, "Your team takes patient safety seriously, and we let them down.");
	EXPECT("tone.corporate", 1, "Thank you for reaching out. Here is what happened on Friday.");
}

/* Session 18: a why-question of six words labels the cause's field, as
 * one of five does; a label of seven does not. */
static void test_cause_why_field_six_words_s18(void **state)
{
	(void)state;
	HAS("rca_update", "cause", "Why it is out of service: on Tuesday the lift's main drive motor failed "
				   "during our routine service visit.");
	HAS("rca_update", "cause", "Why it moved: on Tuesday the lift's main drive motor failed during our "
				   "routine service visit.");
	HAS_NOT("rca_update", "cause", "Why the lift is still out of service today: on Tuesday the lift's main "
				       "drive motor failed during our routine service visit.");
}

/* Session 18: what a third party's thing did, told with its fault, is
 * blamed on the party as its own act is; a belief or hope "now" is a
 * hedge as one without it. */
static void test_blame_party_thing_act_s18(void **state)
{
	(void)state;
	EXPECT("ownership.blame-shift", 1, "Our booking partner's system sent your appointments to the wrong clinic.");
	EXPECT("ownership.blame-shift", 1, "Our booking partner's system sent the wrong appointments.");
	EXPECT("ownership.blame-shift", 0, "Our booking partner's system sent your appointments on Friday.");
	EXPECT("tone.hedging", 1, "We now believe the cause was a faulty switch.");
	EXPECT("tone.hedging", 1, "We now think it will land on Thursday.");
	EXPECT("tone.hedging", 0, "We now expect the fix on Thursday at 10:00.");
}

/* Session 18: a remedy told as done in the present perfect passive hides
 * no one, unless a fault follows it; "by staff" or "by customs" names who
 * acted. */
static void test_passive_remedy_done_now_s18(void **state)
{
	(void)state;
	EXPECT("ownership.passive", 0, "Your repeat prescription has now been sent to your chosen pharmacy.");
	EXPECT("ownership.passive", 1, "Since Thursday appointment reminders have been sent to dog owners with the wrong date.");
	EXPECT("ownership.passive", 1, "Your files have been deleted.");
	EXPECT("ownership.passive", 1, "Your repeat prescription may have been sent to the wrong pharmacy.");
	EXPECT("ownership.passive", 1, "Your prescription may have been sent to the old pharmacy.");
	EXPECT("ownership.passive", 1, "Some of your parcels may have been released.");
	EXPECT("ownership.passive", 0, "Your container has been released by customs at Felixstowe.");
	EXPECT("ownership.passive", 0, "The wrong parcels were collected by staff at the depot.");
}

/* Session 19: a third party that could not, was unable to, or has not
 * yet handed over what it owed us is blamed as one that did not; a wait
 * for its answer ("has not yet confirmed") is no fault. "Nothing we can
 * do" hands the fault on, unless a wait or a regret follows it. */
static void test_blame_party_undone_owed_s19(void **state)
{
	(void)state;
	EXPECT("ownership.blame-shift", 1, "The asphalt supplier could not deliver last week.");
	EXPECT("ownership.blame-shift", 1, "Our supplier was unable to supply the figures.");
	EXPECT("ownership.blame-shift", 1, "Our distributor has been unable to ship the stock.");
	EXPECT("ownership.blame-shift", 1, "The crane manufacturer has not yet delivered the replacement spreader.");
	EXPECT("ownership.blame-shift", 1, "Our hardware partner, Voltrix, has still not delivered the firmware.");
	EXPECT("ownership.blame-shift", 0, "The manufacturer has not yet confirmed this.");
	EXPECT("ownership.blame-shift", 0, "The manufacturer has not yet returned them from its repair centre.");
	EXPECT("ownership.blame-shift", 0, "Our supplier could not have known.");
	EXPECT("ownership.blame-shift", 0, "The courier could not.");
	EXPECT("ownership.blame-shift", 1, "There was nothing we could do until they sent replacements.");
	EXPECT("ownership.blame-shift", 1, "Our bill run failed, and there is nothing we can do.");
	EXPECT("ownership.blame-shift", 0, "There is nothing we can do on our side until they release it.");
	EXPECT("ownership.blame-shift", 0, "I know there is nothing we can do to give you back that evening.");
}

/* Session 19: what the client gave us, told as faulty, blames the
 * client; what we got wrong for them does not. A review's "Lessons
 * learned" heading is no filler; the sentence is. "A short period" makes
 * the harm small, with or without a word of harm beside it. A payment
 * told as sent in the past arrives in the bank's own time, no hedge. */
static void test_blame_client_input_faulty_s19(void **state)
{
	(void)state;
	EXPECT("ownership.blame-shift", 1, "The parcel went to Leeds because the postcode on your booking was wrong.");
	EXPECT("ownership.blame-shift", 1, "It failed because the card details on your account were out of date.");
	EXPECT("ownership.blame-shift", 1, "The email addresses provided on your booking form contained several errors.");
	EXPECT("ownership.blame-shift", 1, "It is late because the documents you sent us were incomplete.");
	EXPECT("ownership.blame-shift", 0, "Your bill was wrong because our system used the old rate.");
	EXPECT("ownership.blame-shift", 0, "If the postcode on your booking is wrong, call us.");
	EXPECT("ownership.blame-shift", 0, "We are sorry: the labels we printed for your order were wrong, and that was our mistake.");
	EXPECT("tone.jargon", 1, "The IdP certificate rotation broke sign-in.");
	EXPECT("tone.jargon", 1, "The new firmware passed a soak test on Friday.");
	EXPECT("tone.corporate", 0, "## Lessons learned\n\nEvery renewal now has a second check.");
	EXPECT("tone.corporate", 0, "Lessons learned: every renewal now has a second check.");
	EXPECT("tone.corporate", 1, "Lessons learned have been captured and will be shared with the team.");
	EXPECT("tone.corporate", 0, "We are pleased to confirm that card payments are back to normal.");
	EXPECT("tone.minimizing", 1, "Card payments were declined for a short period between 12:10 and 13:45.");
	EXPECT("tone.minimizing", 1, "The queue system experienced a short period of instability at 10:00.");
	EXPECT("tone.minimizing", 0, "The plant is closed for a period of two weeks for its annual service.");
	EXPECT("tone.hedging", 0, "The refund was sent on Friday and should reach your account by Tuesday.");
	EXPECT("tone.hedging", 0, "Refunds were issued on Monday and should appear on statements within five days.");
	EXPECT("tone.hedging", 1, "The new router should reach the site by Tuesday.");
}

/* Session 19: a thing that went wrong, told by what it did, gives the
 * cause; the failure itself and a mechanism's word as an adjective do
 * not. */
static void test_cause_mechanism_told_s19(void **state)
{
	(void)state;
	HAS("rca_update", "cause", "Last Thursday a formula in our spreadsheet shifted every afternoon paper by one day.");
	HAS("rca_update", "cause", "On Monday a schema migration took a table lock that blocked replication for six hours.");
	HAS("rca_update", "cause", "The sync jobs for your account queued and then timed out.");
	HAS("rca_update", "cause", "The backup chiller didn't kick in when the mains dropped.");
	HAS_NOT("rca_update", "cause", "On Saturday the app stopped showing live van locations on the map.");
	HAS_NOT("rca_update", "cause", "Some of your customers saw a blocked account message on Saturday.");
	HAS_NOT("rca_update", "cause", "If the sync job timed out, we would see it in the log.");
	HAS_NOT("rca_update", "cause", "On Friday the boiler controller froze. We are still investigating why it froze.");
}

/* Session 19: ownership told by where the fault lies ("which is on us",
 * "the glitch was on our side", "we own Monday's outage"); not goodwill
 * ("lunch is on us"), a denial or a side with nothing wrong on it. */
static void test_ownership_placed_s19(void **state)
{
	(void)state;
	HAS("rca_update", "ownership", "The alert went to a queue nobody was watching that night, which is on us.");
	HAS("rca_update", "ownership", "That one is entirely on us: we double-booked him.");
	HAS("rca_update", "ownership", "The glitch was on our side.");
	HAS("rca_update", "ownership", "We own Monday's outage and the refunds it needs.");
	/* "was ours" is no "was … on": the next sentence's "On" is not its own */
	HAS("rca_update", "ownership", "The cause was ours. On 16 November we moved the statement service.");
	HAS_NOT("rca_update", "ownership", "Lunch is on us.");
	HAS_NOT("rca_update", "ownership", "That's not on us.");
	HAS_NOT("rca_update", "ownership", "Nothing on our side needs to change.");
	HAS_NOT("rca_update", "ownership", "We own the building on Mill Lane.");
}

/* Session 20: a thing that held a fault noun gives the cause ("the update
 * contained an error", "our calendar had a sync glitch"), as one that held
 * a fault marker did; not denied, not asked. */
static void test_cause_held_fault_noun_s20(void **state)
{
	(void)state;
	HAS("rca_update", "cause", "On Wednesday we sent an update to the docks. The update contained an error in the pass check.");
	HAS("rca_update", "cause", "Our booking calendar had a sync glitch and Ellie was booked twice.");
	HAS("rca_update", "cause", "The firmware had a defect in its radio library.");
	HAS_NOT("rca_update", "cause", "The update had no error at all.");
	HAS_NOT("rca_update", "cause", "Did the update contain an error?");
	HAS_NOT("rca_update", "cause", "If the file had an error, we would have seen it.");
}

/* Session 20: what our inquiry found, told of "one of" a group ("found
 * that one of the suppliers sent its file twice"), is the cause. */
static void test_cause_inquiry_found_one_of_s20(void **state)
{
	(void)state;
	HAS("review", "cause", "Our investigation found that one of the suppliers delivered its June report twice.");
	HAS_NOT("review", "cause", "Our investigation found that one of your files was fine.");
}

/* Session 20: a remediation heading over its section ("Remediation",
 * "3. Remedial measures", "Corrective actions") tells the action, as
 * "Actions taken" did; and a new cheque or credit note "has been issued"
 * is work done. */
static void test_action_remediation_heading_issued_s20(void **state)
{
	(void)state;
	HAS("review", "action", "The feed stopped on 8 September.\n\nRemediation\n- The certificate was renewed on 11 September.");
	HAS("review", "action", "Summary.\n\n3. Remedial measures\n3.1 All 318 claims were acknowledged by 2 October.");
	HAS("review", "action", "Summary.\n\nCorrective actions\nThe broken valve was swapped on Friday.");
	HAS("review", "action", "Summary.\n\n## Remediation\nThe certificate was renewed on 11 September.");
	HAS_NOT("review", "action", "Summary.\n\nRemediation\nNone yet.");
	HAS_NOT("review", "action", "The remediation of the site is the landlord's job.");
	HAS("apology", "action", "The cheque went to an old address. A new cheque has now been issued.");
	HAS_NOT("apology", "action", "No new cheque has been issued yet.");
}

/* Session 20: a routine told by when it starts ("From this week, the
 * numbers go from the draw machine to the website automatically") is the
 * prevention. */
static void test_prevention_from_this_week_s20(void **state)
{
	(void)state;
	HAS("rca_update", "prevention", "From this week, the numbers go from the draw machine to the website automatically.");
	HAS("rca_update", "prevention", "From this month the kitchen manager signs off the clean.");
	HAS_NOT("rca_update", "prevention", "The kitchen manager signed off the evening clean.");
}

/* Session 20: stock phrases of corporate filler, minimising and hedging. */
static void test_tone_stock_phrases_s20(void **state)
{
	(void)state;
	EXPECT("tone.corporate", 1, "Dear valued patients, the clinic reopens on Monday.");
	EXPECT("tone.corporate", 1, "We trust this resolves the matter.");
	EXPECT("tone.corporate", 1, "It has come to our attention that your invoice was wrong.");
	EXPECT("tone.corporate", 1, "We will reply at the earliest opportunity.");
	/* 0 of 1 in session 20; in session 25 "we trust this …" in any form
	 * was marked 22 of 24 times (test_stock_phrases_and_hedges_s25) */
	EXPECT("tone.corporate", 1, "We trust this closes the matter.");
	EXPECT("tone.minimizing", 1, "It's nothing to worry about.");
	EXPECT("tone.minimizing", 1, "Mistakes happen.");
	EXPECT("tone.minimizing", 1, "The vast majority of your members were unaffected.");
	EXPECT("tone.minimizing", 1, "The overpayment was relatively modest.");
	EXPECT("tone.hedging", 1, "A second fault cannot be ruled out.");
	EXPECT("tone.hedging", 1, "Barring any unforeseen problems, the fix ships on Friday.");
	EXPECT("tone.hedging", 1, "The outage is understood to have started at the exchange.");
}

/* Session 20: "should be" with its subject left out ("…, should be
 * Tuesday", "Should be sorted after that.") forecasts, as does one of
 * ours in the progressive ("the plumber should be finishing …"); an
 * inverted condition ("Should you need …") and people told what to do
 * ("your staff should be trained") do not. */
static void test_hedging_should_be_bare_s20(void **state)
{
	(void)state;
	EXPECT("tone.hedging", 1, "I will confirm once the sensors are in stock, should be Tuesday.");
	EXPECT("tone.hedging", 1, "The valve arrives Wednesday. Should be sorted after that.");
	EXPECT("tone.hedging", 1, "The plumber should be finishing the wet rooms by Friday.");
	EXPECT("tone.hedging", 0, "Should you need anything, call me on 020 7946 0018.");
	EXPECT("tone.hedging", 0, "Your staff should be trained on the new form.");
	EXPECT("tone.hedging", 0, "Our engineers should be aware of the change.");
}

/* Session 20: CCTV, BACS and PCN are words the clients who meet them use
 * themselves; an unknown acronym still gets its note. */
static void test_jargon_known_acronyms_s20(void **state)
{
	(void)state;
	EXPECT("tone.jargon", 0, "We are reviewing the CCTV of the sort bench.");
	EXPECT("tone.jargon", 0, "The BACS payment file was sent to the wrong queue.");
	EXPECT("tone.jargon", 0, "Any PCN issued in zones C and F will be cancelled.");
	EXPECT("tone.jargon", 1, "The QXR payment file was sent to the wrong queue.");
}

/* Session 20: a role of ours with no one named ("please contact your
 * account manager.") is no way to reach anyone; with a name, a number or
 * a placeholder after it, it is. */
static void test_contact_role_unnamed_s20(void **state)
{
	(void)state;
	HAS_NOT("review", "contact", "For questions, please contact your account manager.");
	HAS_NOT("review", "contact", "Your relationship manager will be in touch in due course.");
	HAS("review", "contact", "Please contact your account manager, Raj Patel, on 0330 555 0128.");
	HAS("review", "contact", "For questions, contact your account manager {{account_manager}}.");
	HAS("review", "contact", "For questions, contact your account manager <name>.");
	HAS("review", "contact", "Contact your account manager with any questions, or ring me on 029 2018 0447.");
}

/* Session 20: what a third party ought to have done, told of it ("our
 * courier should have alerted us"), blames it; a forecast ("should have
 * this done by Friday") and our own team's duty do not. */
static void test_blame_party_ought_undone_s20(void **state)
{
	(void)state;
	EXPECT("ownership.blame-shift", 1, "Our courier should have alerted us when the van was late.");
	EXPECT("ownership.blame-shift", 1, "Our supplier should never have sent that batch.");
	EXPECT("ownership.blame-shift", 0, "Our supplier should have this done by 4 December.");
	EXPECT("ownership.blame-shift", 0, "Our team should have cleared those drains.");
	/* a party as the message's last word: nothing after it to read */
	EXPECT("ownership.blame-shift", 0, "We are still waiting for our supplier");
}

/* Session 20: "taken" is a past form, so a thing taken twice or from the
 * wrong place is a mistake told in the passive, as "charged twice" was;
 * a payment taken as agreed, or none taken, is not. */
static void test_passive_taken_s20(void **state)
{
	(void)state;
	EXPECT("ownership.passive", 1, "Your deposit was taken twice on 14 November.");
	EXPECT("ownership.passive", 1, "The rates were taken from the wrong month's table.");
	EXPECT("ownership.passive", 0, "Your renewal payment was taken on 17 November.");
	EXPECT("ownership.passive", 0, "No money was taken from your account.");
}

/* Session 20: a thing sent where nobody would see it ("routed to a
 * channel nobody was watching") is a mistake told in the passive. */
static void test_passive_sent_unwatched_s20(void **state)
{
	(void)state;
	EXPECT("ownership.passive", 1, "The error alerts were routed to a channel nobody was watching.");
	EXPECT("ownership.passive", 1, "The job alerts were routed to a deprecated queue that nobody monitors.");
	EXPECT("ownership.passive", 0, "The alerts were routed to a queue, and nobody was hurt.");
}

/* Session 20: one thing given to many ("a chapel slot was allocated to
 * two services") is a mistake told in the passive; a share ("to three of
 * our depots") and many things to many ("refunds were sent to two
 * accounts") are not. */
static void test_passive_given_to_many_s20(void **state)
{
	(void)state;
	EXPECT("ownership.passive", 1, "A chapel slot was allocated to two services on Friday.");
	EXPECT("ownership.passive", 1, "The silver car was allocated to both weddings in our diary.");
	EXPECT("ownership.passive", 1, "The last room was allocated to both");
	EXPECT("ownership.passive", 0, "The update was sent to three of our five depots first.");
	EXPECT("ownership.passive", 0, "Refunds were sent to two accounts.");
}

/* Session 21: the feelings of the readers and their people, "you and your
 * team", apologised for ("sorry you and the front-of-house team have been
 * frustrated") make a non-apology, as "sorry you were frustrated" does;
 * the readers and their people without a feeling ("were without the
 * booking system") do not. */
static void test_non_apology_you_and_team_s21(void **state)
{
	(void)state;
	EXPECT("apology.non-apology", 1,
	       "We are sorry that you and your team at the Leeds site were frustrated by the line on Saturday.");
	EXPECT("apology.non-apology", 1, "Sorry you and the front-of-house team have been frustrated by this.");
	EXPECT("apology.non-apology", 0, "We are sorry that you and your team were without the booking system on Saturday.");
}

/* Session 21: stock phrases of filler, minimising, generic apology and
 * blame; CO2 is known to everyone. */
static void test_tone_stock_phrases_s21(void **state)
{
	(void)state;
	EXPECT("tone.corporate", 1, "Please don't hesitate to get in touch if you have questions.");
	EXPECT("tone.corporate", 1, "We remain at your disposal.");
	EXPECT("tone.corporate", 1, "The new date is Friday rather than Tuesday as previously advised.");
	EXPECT("tone.corporate", 1, "We have put robust controls in place.");
	EXPECT("tone.minimizing", 1, "The login token expired, so nothing too serious.");
	EXPECT("tone.minimizing", 1, "It's a quick job once the part arrives.");
	EXPECT("tone.minimizing", 1, "The vines will not have noticed much.");
	EXPECT("apology.generic", 1, "Thanks, and sorry again for any hassle this caused.");
	EXPECT("ownership.blame-shift", 1, "Paylane sent the batch twice, so there wasn't much we could have done.");
	EXPECT("tone.jargon", 0, "Your CO2 deliveries are back on their usual days.");
}

/* Session 21, second batch: the stock words of a status notice, a harm
 * called small with a softening degree word, and what the client "won't
 * see" again. */
static void test_tone_stock_phrases_s21b(void **state)
{
	(void)state;
	EXPECT("tone.corporate", 1, "We are monitoring the situation closely.");
	EXPECT("tone.corporate", 1, "We regret to advise that the van broke down.");
	EXPECT("tone.corporate", 1, "Please be aware that the car park is closed.");
	EXPECT("tone.corporate", 1, "Please see below the latest status.");
	EXPECT("tone.corporate", 1, "We will revert with further details on Friday.");
	EXPECT("tone.minimizing", 1, "Most orders went out later, so this was fairly minor.");
	EXPECT("tone.minimizing", 1, "The real hit to your sales was pretty minimal.");
	EXPECT("tone.minimizing", 1, "The impact at this stage is fairly limited.");
	EXPECT("promise.overreach", 1, "We moved you to a new platform, so you won't see anything like this again.");
}

/* Session 21, second round: "any upset" is a generic apology, not one for
 * the client's feelings; a thing "not passed to" a system is an omission
 * that hides who omitted it, where data "not passed to any third party"
 * reassures. */
static void test_generic_upset_and_not_passed_s21(void **state)
{
	(void)state;
	EXPECT("apology.generic", 1, "We regret any upset this may have caused.");
	EXPECT("apology.non-apology", 0, "We regret any upset this may have caused.");
	EXPECT("tone.corporate", 1, "Thanks for your understanding, and sorry again.");
	EXPECT("tone.corporate", 1, "As you are aware, the lift was out of service.");
	EXPECT("ownership.passive", 1, "212 visit bookings were not passed to the visits hall system.");
	EXPECT("ownership.passive", 0, "Your details were not passed to any third party.");
}

/* Session 22, sixth round: "a few of you", "a couple of your …", "a few
 * people" make the harm small, as "a handful of" does; a few of a measure
 * ("a few degrees", "a couple of days") or of ours does not. */
static void test_few_of_you_s22(void **state)
{
	(void)state;
	EXPECT("tone.minimizing", 1, "The invites were sent twice, so a few of you ended up with double-booked "
				     "calendars.");
	EXPECT("tone.minimizing", 1, "The filter was switched off and a couple of your smaller fish did not make it.");
	EXPECT("tone.minimizing", 1, "A few of the passengers were left on the platform.");
	EXPECT("tone.minimizing", 0, "The new antenna is pointing a few degrees off.");
	EXPECT("tone.minimizing", 0, "The menu cards might be a couple of days later than we said.");
	EXPECT("tone.minimizing", 0, "A few of our engineers worked through the night.");
}

/* Session 23, first round: words in capitals that head a message
 * ("POST-INCIDENT REVIEW:", "STATUS UPDATE -", "STATUS:") or sign it off
 * ("GG,", "TA") are not acronyms; an acronym in a heading, a listed term
 * and capitals that run on into the sentence still are. */
static void test_caps_heading_not_acronym_s23(void **state)
{
	(void)state;
	EXPECT("tone.jargon", 0, "POST-INCIDENT REVIEW: Sample swap, run 2609-B\nWe mixed up two trays.");
	EXPECT("tone.jargon", 0, "STATUS UPDATE - Bounce Republic Leicester\nBookings are open again.");
	EXPECT("tone.jargon", 0, "STATUS: Thursday evening sessions\nThey are back on from this week.");
	EXPECT("tone.jargon", 0, "We will post again tomorrow at noon.\n\nGG,\nThe Community Team");
	EXPECT("tone.jargon", 0, "The clock is running again.\n\nTA");
	EXPECT("tone.jargon", 1, "NOC UPDATE: the line is back.");
	EXPECT("tone.jargon", 1, "RCA: the feed stalled at noon.");
	EXPECT("tone.jargon", 1, "ACCESS EXCLUSIVE locks held the table for an hour.");
}

/* Session 23, second round: a third party's act told as the fault — past
 * an adverb or "has" ("also sent the wrong shade", "has lost"), a verb
 * joined by a hyphen ("re-routed"), done without telling us, delivered
 * short, late, or by an agency named by its work. Not what it told us,
 * nor a repair it made, nor "agency" as a kind of client. */
static void test_blame_party_acts_s23(void **state)
{
	(void)state;
	EXPECT("ownership.blame-shift", 1, "Our outsourced reporting agency was unable to supply the radiologists.");
	EXPECT("ownership.blame-shift", 1, "Our courier partner re-routed the van without telling us.");
	EXPECT("ownership.blame-shift", 1, "Our courier partner rerouted the van without notice.");
	EXPECT("ownership.blame-shift", 1, "Our rice supplier delivered short that morning.");
	EXPECT("ownership.blame-shift", 1, "Our supplier also sent the wrong shade of board.");
	EXPECT("ownership.blame-shift", 1, "This is a delay because our AV contractor was late starting the edit.");
	EXPECT("ownership.blame-shift", 1, "Our supplier has lost the parcel.");
	EXPECT("ownership.blame-shift", 0, "Our courier partner has delivered your replacement today.");
	EXPECT("ownership.blame-shift", 0, "The vendor has informed us that the scanners are back, so your pass "
					   "should work now.");
	EXPECT("ownership.blame-shift", 0, "There was a storage outage for agency sites.");
}

/* Session 23, third round: what our inquiry shows or indicates, an act
 * done "rather than" what was asked, and "attributable to" tell the
 * cause; a plan done rather than another, an inquiry that found nothing
 * of ours, do not. */
static void test_cause_inquiry_shows_rather_than_s23(void **state)
{
	(void)state;
	HAS("rca_update", "cause", "Our investigation shows that the sign-in service was pointed at an expired "
				   "certificate.");
	HAS("rca_update", "cause", "Our review indicates that the walker did not secure the lead clip.");
	HAS("rca_update", "cause", "Our enquiries revealed that the gate was left unlatched overnight.");
	HAS("plan", "cause", "Our intake team logged your order under standard turnaround rather than the urgent "
			     "service you booked.");
	HAS("plan", "cause", "The drop in yield is attributable to a lower water table.");
	HAS_NOT("plan", "cause", "We will refund the fee rather than re-send the parcel.");
	HAS_NOT("rca_update", "cause", "Our investigation shows no sign of any fault.");
	HAS_NOT("rca_update", "cause", "Our investigation found that the files were not affected.");
}

/* Session 23, fourth round: "from now on every head is pressure-tested"
 * (a participle joined by a hyphen) and "every crew now completes a
 * checklist" (a routine step) are measures against a repeat; a state
 * claimed going forward is still none. */
static void test_prevention_hyphened_and_routine_step_s23(void **state)
{
	(void)state;
	HAS("plan", "prevention", "From now on every head is pressure-tested with water before dispatch.");
	HAS("plan", "prevention", "Every crew now completes a weights and staking checklist before guests arrive.");
	HAS_NOT("plan", "prevention", "From now on your account is our first priority.");
	HAS_NOT("plan", "prevention", "Every crew now completes its work on time.");
}

/* Session 23, fifth round: where a replacement part will come from, a
 * step of our own work ("on the polishing side"), a place ("at the gate
 * end") and a condition ("barring any issues at the carrier's hub")
 * blame no one; a fault that came from a party, or at its end or side,
 * still does. */
static void test_blame_sourced_place_condition_s23(void **state)
{
	(void)state;
	EXPECT("ownership.blame-shift", 0, "The replacement bracket has to come from the manufacturer in Germany.");
	EXPECT("ownership.blame-shift", 0, "The new part comes from the manufacturer in Italy, who can deliver it on "
					   "Monday.");
	EXPECT("ownership.blame-shift", 0, "I will carry on with the foundations at the gate end, so no time is lost.");
	EXPECT("ownership.blame-shift", 0, "It is just a small delay on the polishing side.");
	EXPECT("ownership.blame-shift", 0, "All sites should have stock by Monday, barring any issues at the "
					   "carrier's hub.");
	EXPECT("ownership.blame-shift", 1, "The bad rows came from a partner's feed.");
	EXPECT("ownership.blame-shift", 1, "The outage was a fault at their end.");
	EXPECT("ownership.blame-shift", 1, "The delay was on the supplier's side.");
}

/* Session 23, sixth round: "were affected" tells whom the harm reached,
 * not an act whose doer is hidden; the act itself still is one. */
static void test_passive_affected_is_impact_s23(void **state)
{
	(void)state;
	EXPECT("ownership.passive", 0, "The wrong prices went out, and only a handful of your Saturday slots were "
				       "affected in the end.");
	EXPECT("ownership.passive", 0, "Your bookings were impacted by the outage.");
	EXPECT("ownership.passive", 1, "The wrong prices were sent to your Saturday customers.");
}

/* Session 23, eighth round: an event told before ", so" and the delay as
 * what follows it in the future ("will not", "won't") or what we "had to"
 * do give the delay's reason, as "cannot" did. */
static void test_delay_reason_so_will_not_s23(void **state)
{
	(void)state;
	HAS("delay", "delay-reason", "The consulate has changed its processing times, so your documents will not be "
				     "ready on 24 November.");
	HAS("delay", "delay-reason", "The boxes have not arrived yet, so the fitting won't be completed on Friday.");
	HAS("delay", "delay-reason", "The file was too large for the processor, so we have had to split it.");
	HAS_NOT("delay", "delay-reason", "The parts have come in, so the fitting will not be late.");
}

/* Session 23, ninth round: a weekday after "Further to our call on" or
 * "Following your visit on" is the past the message answers, not a time
 * for the fix; a time ahead in the same message still is. */
static void test_timeline_further_to_call_s23(void **state)
{
	(void)state;
	HAS_NOT("plan", "timeline", "Further to our call on Thursday, please find below our plan.");
	HAS_NOT("plan", "timeline", "Following your visit on Friday, here is what we found.");
	HAS("plan", "timeline", "Further to our call, the fix will be in place by Thursday.");
}

/* Session 24, first round: an adverb of fault anywhere in the few words
 * after a passive verb ("to you in error", "by mistake" after the object)
 * tells a mistake whatever the verb; one in another clause does not. */
static void test_passive_fault_adverb_s24(void **state)
{
	(void)state;
	EXPECT("ownership.passive", 1, "The capsules were supplied to you in error before the results came back.");
	EXPECT("ownership.passive", 1, "It was stacked with the dry stock by mistake.");
	EXPECT("ownership.passive", 1, "The schedule was updated incorrectly during the visit.");
	EXPECT("ownership.passive", 0, "The capsules were supplied to you, and we opened a second order in error.");
	EXPECT("ownership.passive", 0, "The capsules were supplied to you on Friday.");
}

/* Session 24, second round: one of ours named by any noun after "our"
 * ("our groundstaff", "our head seamstress") doing the work, with only an
 * auxiliary or "already" between, tells the action; a client or partner
 * of ours does not, nor a verb reached through another ("our system
 * failed to send"). */
static void test_action_our_any_noun_s24(void **state)
{
	(void)state;
	HAS("resolution", "action", "Our groundstaff replaced the collapsed section of path. Call me on 0161 555 0100.");
	HAS("resolution", "action", "Our head seamstress is already replacing the back panel. Call me on 0161 555 0100.");
	HAS_NOT("resolution", "action", "Our client replaced the panel. Call me on 0161 555 0100.");
	HAS_NOT("resolution", "action", "Our system failed to send the reminder. Call me on 0161 555 0100.");
}

/* Session 24, third round: the crowd's circumstances given as the cause
 * ("due to heavy traffic", "high call volumes", "a driver shortage at
 * …") shift the blame as the weather does; a shortage of our own staff
 * does not. */
static void test_blame_crowd_circumstance_s24(void **state)
{
	(void)state;
	EXPECT("ownership.blame-shift", 1, "Our driver arrived late due to heavy traffic on the A61.");
	EXPECT("ownership.blame-shift", 1, "The missed calls were caused by exceptionally high call volumes.");
	EXPECT("ownership.blame-shift", 1, "The bins were missed, down to a driver shortage at Greenway Waste.");
	EXPECT("ownership.blame-shift", 0, "The classes were cancelled because of staff shortages on our side.");
	EXPECT("ownership.blame-shift", 0, "Our driver arrived late; we set off too late.");
}

/* Session 24, fourth round: a company named by its trade ("the hire
 * company", "our hosting company") is a third party, "company" alone is
 * ours. */
static void test_blame_trade_company_s24(void **state)
{
	(void)state;
	EXPECT("ownership.blame-shift", 1, "The outage was caused by the hire company's generator.");
	EXPECT("ownership.blame-shift", 1, "The delay came from our hosting company.");
	EXPECT("ownership.blame-shift", 0, "The delay came from our company's own scheduling error, and we own it.");
}

/* Session 24, fifth round: a third party as the subject of what it did
 * is a delay notice's reason ("Our supplier, Norland Cabinets, has failed
 * to dispatch …", "our ticketing provider has not yet finished …"); what
 * it told is not ("our supplier has confirmed the new date"). */
static void test_delay_reason_vendor_acted_s24(void **state)
{
	(void)state;
	HAS("delay", "delay-reason", "The fitting moves to Thursday. Our supplier, Norland Cabinets, has failed to "
				     "dispatch your units on time.");
	HAS("delay", "delay-reason", "The fitting moves to Thursday. Our ticketing provider has not yet finished moving "
				     "our seating plans.");
	HAS("delay", "delay-reason", "The fitting moves to Thursday. Our supplier, Norland Cabinets, failed to "
				     "dispatch your units.");
	HAS_NOT("delay", "delay-reason", "The fitting moves to Thursday. Our supplier has confirmed the new date.");
	HAS_NOT("delay", "delay-reason", "The fitting moves to Thursday. We called our supplier, Norland Cabinets, "
					 "yesterday.");
}

/* Session 24, sixth round: a routine for what comes after ("For future
 * jobs we'll …") and a change under its own label ("What I've changed:",
 * "Corrective actions:") tell prevention; "for future reference" does
 * not. */
static void test_prevention_for_future_s24(void **state)
{
	(void)state;
	HAS("review", "prevention", "For future jobs we'll pressure test every circuit.");
	HAS("review", "prevention", "What I've changed: every glued crack stays clamped for 48 hours.");
	HAS("review", "prevention", "Corrective actions: bottle checks added to the close-down list.");
	HAS_NOT("review", "prevention", "Please keep this letter for future reference.");
}

/* Session 24, seventh round: the cause told with how sure we are of it
 * ("the most likely cause is …", "the probable cause was …") is a cause. */
static void test_cause_likely_s24(void **state)
{
	(void)state;
	HAS("rca_update", "cause", "The most likely cause is that the seed tins got damp after the roof leak.");
	HAS("rca_update", "cause", "The probable cause was a worn seal on the pump.");
	HAS_NOT("rca_update", "cause", "We are still investigating the likely cause.");
}

/* Session 23, tenth round: "should be directed/submitted to …" tells the
 * client where to send a thing, no forecast; "should be ready" still is. */
static void test_hedging_should_be_directed_s23(void **state)
{
	(void)state;
	EXPECT("tone.hedging", 0, "Any queries should be directed to our claims desk.");
	EXPECT("tone.hedging", 0, "Claims should be submitted via the portal.");
	EXPECT("tone.hedging", 1, "The repaired unit should be ready on Friday.");
}

/* Session 23, seventh round: "without admission of liability" is no stock
 * phrase writers mark (4 of 21 uses); "at your disposal" still is. */
static void test_corporate_liability_s23(void **state)
{
	(void)state;
	EXPECT("tone.corporate", 0, "Without admission of liability, the stud has since fitted new latches.");
	EXPECT("tone.corporate", 1, "Our team is at your disposal for any questions.");
}

/* Session 22, fifth round: stock phrases and a hedge the lists lacked. */
static void test_revert_anticipate_s22(void **state)
{
	(void)state;
	EXPECT("tone.corporate", 1, "Will revert once we have a firm date.");
	EXPECT("tone.corporate", 1, "We look forward to working with you on next year's awards.");
	EXPECT("tone.corporate", 1, "Thanks again, and appreciate your understanding.");
	EXPECT("tone.hedging", 1, "We anticipate delivery on or around Thursday.");
}

/* Session 22, fourth round: "due to a config issue", "due to a mapping
 * error" name what failed; "due to a system issue", "a minor glitch in
 * the system" do not. */
static void test_trouble_named_kind_s22(void **state)
{
	(void)state;
	HAS("plan", "cause", "Card payments have been failing since the 17th due to a config issue on our side.");
	HAS("plan", "cause", "The requests were not forwarded to our queue due to a mapping error.");
	HAS_NOT("plan", "cause", "The claims were rejected due to a system issue.");
	HAS_NOT("plan", "cause", "This was due to a minor glitch in the system.");
}

/* Session 22, third round: a time that is a routine's is no time for the
 * fix ("within one hour of booking", "daily"); a placeholder named for the
 * next update ("{{next_update_date}}") leaves the fix's time to the rest
 * of the message; every case put through a routine step now ("every venue
 * now prints …", "every booking is now confirmed …", "all repairs are now
 * subject to a second check") is a prevention, a state after the fix is
 * not ("every order now shows the right price"). */
static void test_routine_time_every_case_s22(void **state)
{
	(void)state;
	HAS_NOT("progress", "timeline", "From now on, urgent orders will be confirmed by phone within one hour of "
					"booking.");
	HAS_NOT("progress", "timeline", "We will monitor the ride length per campus daily.");
	HAS("progress", "timeline", "We will have the fix live within two days of your go-ahead.");
	HAS("progress", "timeline", "We will have the chamber validated by Friday 4 December.");
	HAS("plan", "timeline", "A replacement chamber is being installed and we will have it validated by Friday 4 "
				"December.\n\nWe will write again with the result on {{next_update_date}}.");
	HAS_NOT("plan", "timeline", "The new chamber will be validated by {{validation_date}}.\n\nWe will write "
				    "again on Friday 4 December.");
	HAS("review", "prevention", "Every venue now prints the evening's bookings at 17:00.");
	HAS("review", "prevention", "Every booking is now confirmed by phone with the performer 72 hours before the "
				    "event.");
	HAS("review", "prevention", "All load-bearing repairs are now subject to a second check.");
	HAS_NOT("review", "prevention", "Every order now shows the right price.");
}

/* Session 22, second round: "delayed" is a participle of harm ("your
 * claim has been delayed" hides who delayed it), unless "by" names what
 * held it up or how long ("delayed by bad weather", "by up to three
 * days") or the next sentence says we caused it; "a slight hold-up", "a small
 * gap", "a minor backlog" shrink the harm. */
static void test_delayed_passive_hold_up_s22(void **state)
{
	(void)state;
	EXPECT("ownership.passive", 1, "The settlement of your claim has been delayed.");
	EXPECT("ownership.passive", 0, "Claim payments to your clients were delayed by up to three days.");
	EXPECT("ownership.passive", 0, "The vessel was delayed by bad weather in the bay.");
	EXPECT("ownership.passive", 0, "No parcels were delayed.");
	EXPECT("ownership.passive", 0, "Your orders were delayed on Tuesday. We caused this when our routing update "
				       "sent them to the wrong depot.");
	EXPECT("tone.minimizing", 1, "There was a slight hold-up at the factory.");
	EXPECT("tone.minimizing", 1, "The phone alerts are off, so it is a small gap.");
	EXPECT("tone.minimizing", 1, "A fault caused a minor backlog of completion records.");
}

/* Session 22, first round: a listed jargon term is reported at its first
 * use only, as an acronym is ("failover" twice, "IndexedDB" twice: one
 * finding each); a vague reason followed by one that names it (",
 * namely the storms") is a cause; one of ours doing the work: "our
 * conservator will assess", "our workshop has since replaced", "our
 * mortgage servicing team has … raised", "these bookings have been
 * reinstated", "our engineer is on site", but not a routine from now on
 * ("from now on, our system will check …"), nor someone on site to come
 * ("once the fitter is on site"). */
static void test_jargon_once_action_ours_s22(void **state)
{
	(void)state;
	EXPECT("tone.jargon", 1, "The failover stalled, so a second failover was started by hand.");
	EXPECT("tone.jargon", 2, "The failover stalled, and the Kafka queue and the failover copy both lagged.");
	EXPECT("tone.jargon", 1, "The IndexedDB store filled up; IndexedDB then refused writes.");
	HAS("plan", "cause", "The late deliveries were due to circumstances beyond our control, namely the storms "
			     "across the Pennines.");
	HAS_NOT("plan", "cause", "The late deliveries were due to circumstances beyond our control.");
	HAS("resolution", "action", "Our conservator will assess the panel in the studio this week.");
	HAS("resolution", "action", "Our workshop has since replaced the hose that failed.");
	HAS("resolution", "action", "Our mortgage servicing team has confirmed the duplicate debit and has raised the "
				    "refund.");
	HAS("resolution", "action", "These bookings have been reinstated.");
	HAS("resolution", "action", "Our engineer, Dean, is on site again this morning to fit the correct board.");
	HAS_NOT("resolution", "action", "From now on, our system will check every sort code on upload.");
	HAS_NOT("resolution", "action", "Once the fitter is on site, the work takes a day.");
	HAS_NOT("resolution", "action", "Our office will be open on Monday.");
}

/* Session 21, third round: a North American number is a contact ("(555)
 * 014-2290", "1-800-555-0148", "312.555.0148"; a date is not); a fault
 * placed on a third party is reported in a sentence before a blame phrase,
 * not only after it, and still once a sentence; "thanks for your
 * patience" is the form letter's thanks. */
static void test_contact_blame_thanks_s21c(void **state)
{
	(void)state;
	HAS("progress", "contact", "Next update Friday.\n\nDana Whitfield\nDirector, Tidewater\n(555) 014-2290");
	HAS("progress", "contact", "Next update Friday.\n\nLoan Servicing\n1-800-555-0148");
	HAS("progress", "contact", "Next update Friday.\n\nGrace Lindqvist\n312.555.0148");
	HAS_NOT("progress", "contact", "Next update Friday.\n\nThe team\n2026-11-23");
	EXPECT("ownership.blame-shift", 2,
	       "As you know, the fault sits with FlyBook, the booking platform we license. Their release changed the "
	       "checks and, through no fault of our own, codes were rejected.");
	EXPECT("ownership.blame-shift", 1,
	       "The outage was triggered by a severe storm, circumstances entirely beyond our control.");
	EXPECT("tone.corporate", 1, "Thanks for your patience on this one.");
}

/* Session 21: a routine that starts next week, or a check made every time,
 * is the prevention. */
static void test_prevention_from_next_week_s21(void **state)
{
	(void)state;
	HAS("rca_update", "prevention", "From next week, offline playback is part of our pre-release test checklist.");
	HAS("rca_update", "prevention", "We will add a sign-off to the handover sheet so it is checked every time.");
	HAS_NOT("rca_update", "prevention", "Offline playback was part of the checklist last week.");
}

/* Issue 13, blind set 3: a promise to phone, ring or confirm at a time is a
 * next update; so is being "back in touch" by then. */
static void test_next_update_contact_verbs(void **state)
{
	(void)state;
	HAS("progress", "next-update", "I'll phone you tomorrow at 11:00 with the results.");
	HAS("progress", "next-update", "We will be back in touch on Wednesday at 09:00.");
	HAS("progress", "next-update", "I'll confirm on Tuesday at 15:00 whether the patch holds.");
	HAS("progress", "next-update", "We'll text you by 18:00 today.");
	HAS_NOT("progress", "next-update", "I will phone you as soon as I can.");
}

/* Ownership said with "ours" or "we own that". */
static void test_ownership_ours(void **state)
{
	(void)state;
	HAS("correction", "ownership", "The error was ours, and we have corrected the invoice.");
	HAS("correction", "ownership", "We skipped the second review; we own that decision.");
	HAS_NOT("correction", "ownership", "We own the building in Leeds. The invoice is now correct.");
}

/* Section headings that name a cause or a change, and cause phrases that
 * name the message ("this root cause report") rather than a cause. */
static void test_cause_prevention_headings(void **state)
{
	(void)state;
	HAS("review", "cause", "Why this happened: a cron job removed the old index before the new one was ready.");
	HAS("review", "prevention", "What we will change: every release now needs a second reviewer.");
	HAS_NOT("review", "cause", "This root cause report comes late, and I am sorry.");
	/* "work out" and "figure out" seek a cause; "stopped working" does not */
	HAS_NOT("review", "cause", "We are still trying to figure out the root cause.");
	HAS_NOT("review", "cause", "Our engineers are working out why it happened.");
	HAS("review", "cause", "Your logins stopped working because the certificate expired.");
}

/* Advice to the client is not our prevention. */
static void test_prevention_advice(void **state)
{
	(void)state;
	HAS_NOT("review", "prevention", "In the future, we advise you to keep a local copy of the export.");
	HAS_NOT("review", "prevention", "Going forward, we suggest that your team checks the settings weekly.");
	HAS("review", "prevention", "Going forward, every schema change needs a second reviewer.");
}

/* A delay reason that names nothing is no reason; a finding or a need is. */
static void test_delay_reason_vague(void **state)
{
	(void)state;
	HAS_NOT("delay", "delay-reason", "Due to unforeseen circumstances, the migration moves to next week.");
	HAS_NOT("delay", "delay-reason", "Because of technical issues beyond our control, the fix comes later.");
	HAS("delay", "delay-reason", "Due to a locked database table, the migration moves to next week.");
	HAS("delay", "delay-reason", "The trial run revealed that half the files exceed the size limit.");
	HAS("delay", "delay-reason", "We have to rebuild the index first, so the switch moves to Friday.");
}

/* Our action with its subject further back: a purpose ("worked all night
 * to rebuild") or a second verb after "and". */
static void test_action_far_subject(void **state)
{
	(void)state;
	HAS("resolution", "action", "Our team stayed up last night to rebuild the index.");
	HAS("resolution", "action", "We made an error in the export job and have reverted it.");
	HAS_NOT("resolution", "action", "The vendor's engineers spent the whole night trying to rebuild the index.");
}

/* A bare weekday in a clause that narrates the past is past, not a date
 * for the fix; with a word of the future or an ETA cue it stays one. */
static void test_timeline_past_weekday(void **state)
{
	(void)state;
	HAS_NOT("progress", "timeline", "The import we began on Saturday at 07:00 failed overnight.");
	HAS_NOT("progress", "timeline", "We should have warned you about this on Thursday.");
	HAS("progress", "timeline", "We expect the import to finish on Saturday at 07:00.");
	HAS("progress", "timeline", "You were told the fix lands on Friday, and that still holds.");
}

/* A hedged link to something we did accepts nothing; a plain admission
 * still does. */
static void test_ownership_hedged(void **state)
{
	(void)state;
	HAS_NOT("correction", "ownership", "The slowdown might have been related to the patch we pushed on Monday.");
	HAS_NOT("correction", "ownership", "Perhaps it came from the script we ran overnight.");
	HAS("correction", "ownership", "We pushed a faulty patch on Monday and it slowed your reports.");
}

/* Our on-call or duty engineer acts for us; another company's does not. */
static void test_action_on_call(void **state)
{
	(void)state;
	HAS("resolution", "action", "The duty engineer opened an incident and paged the database team.");
	HAS("resolution", "action", "The on-call developer rebuilt the cache within the hour.");
	HAS_NOT("resolution", "action", "Their on-call engineer opened a ticket with the carrier.");
}

/* A reply channel named by the message it came in is a contact. */
static void test_contact_reply_to(void **state)
{
	(void)state;
	HAS("resolution", "contact", "We restored the feed at 10:00. Questions? Reply to the email we sent this morning.");
	HAS_NOT("resolution", "contact", "We restored the feed at 10:00. The email we sent this morning has the details.");
}

/* "Have been <done>" reports an action taken; not when negated. */
static void test_action_perfect_passive(void **state)
{
	(void)state;
	HAS("resolution", "action", "The missing invoices have been reissued from the archive.");
	HAS_NOT("resolution", "action", "No invoices have been reissued from the archive yet.");
	HAS_NOT("resolution", "action", "The invoices were reissued by the vendor.");
}

static void test_elements_generic_impact(void **state)
{
	(void)state;
	/* boilerplate is not an acknowledgement of impact */
	struct rd_check_result *r = run("apology", "We apologize for any inconvenience this may have caused you.");
	assert_false(elem(r, "impact")->found);
	rd_check_result_free(r);
	r = run("apology", "We are sorry if you were affected.");
	assert_false(elem(r, "impact")->found);
	rd_check_result_free(r);
}

static void test_elements_plan(void **state)
{
	(void)state;
	struct rd_check_opts o = opts_("plan");
	o.repair_expected = true;
	const char *text = "The outage happened because a job deleted the wrong queue.\n"
			   "Our engineers are rebuilding the queue.\n"
			   "To prevent this from happening again, every job change now needs a second review.\n"
			   "We expect the fix to be complete by Friday 27 November at 17:00.\n"
			   "I will send the next update on Wednesday at 10:00.\n"
			   "Reach me on anna@example.com.\n";
	struct rd_check_result *r = run_opts(text, &o);
	assert_int_equal(count(r, "element.repair"), 1);
	const struct rd_check_element *tl = elem(r, "timeline");
	assert_true(tl->found);
	span_is(&(struct rd_check_finding){.start = tl->start, .end = tl->end}, text,
		"Friday 27 November at 17:00");
	assert_true(elem(r, "next-update")->found);
	assert_true(elem(r, "cause")->found);
	assert_true(elem(r, "prevention")->found);
	assert_true(elem(r, "action")->found);
	assert_true(elem(r, "contact")->found);
	assert_false(elem(r, "repair")->found);
	rd_check_result_free(r);
	/* a next-update time alone is not a timeline for the fix */
	r = run("plan", "I will send the next update tomorrow at 10:00.");
	assert_false(elem(r, "timeline")->found);
	assert_true(elem(r, "next-update")->found);
	rd_check_result_free(r);
	/* a past date is neither */
	r = run("progress", "We found the fault on 20 November. I will send the next update soon.");
	assert_false(elem(r, "timeline")->found);
	assert_false(elem(r, "next-update")->found);
	rd_check_result_free(r);
}

static void test_elements_delay(void **state)
{
	(void)state;
	struct rd_check_result *r = run("delay", "The fix moves to Friday 27 November. Call me on +49 30 1234 5678.");
	assert_int_equal(count(r, "element.delay-reason"), 1);
	rd_check_result_free(r);
	r = run("delay", "The fix moves to Friday 27 November because the data check found 40 more bad labels.");
	assert_int_equal(count(r, "element.delay-reason"), 0);
	rd_check_result_free(r);
	/* a custom list replaces the default */
	struct rd_check_opts o = opts_("delay");
	const char *const req[] = {"contact", NULL};
	o.required_elements = req;
	r = run_opts("The fix moves to Friday.", &o);
	assert_int_equal(r->n_elements, 1);
	assert_int_equal(count(r, "element.contact"), 1);
	assert_int_equal(count(r, "element.delay-reason"), 0);
	rd_check_result_free(r);
}

static void test_late_ack(void **state)
{
	(void)state;
	struct rd_check_opts o = opts_("other");
	o.late = true;
	o.due_at = o.now - 3 * 3600 - 30 * 60;
	struct rd_check_result *r = run_opts("Our update deleted your orders, and I am sorry.", &o);
	const struct rd_check_finding *f = find(r, "element.late-ack");
	assert_non_null(f);
	assert_int_equal(f->severity, RD_SEV_ERROR);
	assert_non_null(strstr(f->message, "3 h 30 min"));
	assert_non_null(strstr(f->message, "2026-11-23T06:30:00+01:00"));
	rd_check_result_free(r);
	r = run_opts("I am sorry this update comes late. Our update deleted your orders.", &o);
	assert_int_equal(count(r, "element.late-ack"), 0);
	assert_true(elem(r, "late-ack")->found);
	rd_check_result_free(r);
	r = run_opts("I should have written to you sooner.", &o);
	assert_int_equal(count(r, "element.late-ack"), 0);
	rd_check_result_free(r);
}

/* Lateness acknowledged by the time it took, measured against what we said
 * (holdout8): "this long", "longer than we promised", "after the date we
 * gave". */
static void test_late_ack_blind8(void **state)
{
	(void)state;
	struct rd_check_opts o = opts_("other");
	o.late = true;
	o.due_at = o.now - 48 * 3600;
	const char *acks[] = {"Apologies that our answer took this long. Our import dropped your prices.",
		"Our report comes two days after the date we promised; our import dropped your prices.",
		"Writing it up took longer than we said. Our import dropped your prices.", NULL};
	for (size_t q = 0; acks[q]; q++) {
		struct rd_check_result *r = run_opts(acks[q], &o);
		if (count(r, "element.late-ack") != 0)
			fail_msg("%s: late-ack not found", acks[q]);
		rd_check_result_free(r);
	}
	struct rd_check_result *r = run_opts("The restore took longer than the copy. Our import dropped your prices.", &o);
	assert_int_equal(count(r, "element.late-ack"), 1);
	rd_check_result_free(r);
}

/* ---- the result as JSON -------------------------------------------------------------- */

/* rd_check_result_write streams the result (/api/check, archive JSON
 * lines); rd_check_result_json runs the same writer building a tree. The
 * text must be jansson's compact dump of that tree, byte for byte, and
 * carry what the API documents: counts before the findings, suggestions
 * and the contradicted communication, the breakdown per rule. */
static void test_result_json_text(void **state)
{
	(void)state;
	struct rd_prior_fact p[1];
	memset(p, 0, sizeof p);
	p[0].comm_id = 7;
	p[0].same_client = true;
	p[0].at = t_("2026-11-20T10:00:00Z");
	p[0].has_eta = true;
	p[0].eta = t_("2026-11-27T16:00:00Z");
	struct rd_check_opts o = opts_("progress");
	o.prior = p;
	o.n_prior = 1;
	const char *texts[] = {
		"We expect the fix to be complete by Monday 30 November. We apologize if you were affected. "
		"Mistakes were made. Dear [CLIENT NAME], \"quoted\" caf\xc3\xa9\ttab.",
		"Sorry.",
	};
	for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++) {
		struct rd_check_result *r = run_opts(texts[t], &o);
		struct rd_buf b = RD_BUF_INIT;
		struct rd_jw w;
		rd_jw_init(&w, &b);
		rd_check_result_write(r, &w);
		assert_int_equal(w.err, RD_OK);
		json_t *tree = rd_check_result_json(r);
		assert_non_null(tree);
		char *dump = json_dumps(tree, JSON_COMPACT);
		assert_string_equal(b.data, dump);
		json_t *back = json_loads(b.data, 0, NULL);
		assert_true(json_equal(back, tree));
		json_t *fs = json_object_get(tree, "findings");
		assert_int_equal(json_array_size(fs), r->n_findings);
		/* the breakdown: each costed rule once, its points the sum of its findings' */
		json_int_t errors = 0;
		size_t i, k;
		json_t *v, *f;
		json_array_foreach(json_object_get(tree, "breakdown"), i, v) {
			json_int_t pts = 0;
			json_array_foreach(fs, k, f)
				if (json_equal(json_object_get(f, "rule"), json_object_get(v, "rule")))
					pts += json_integer_value(json_object_get(f, "points"));
			assert_true(pts < 0);
			assert_int_equal(pts, json_integer_value(json_object_get(v, "points")));
		}
		json_array_foreach(fs, i, v)
			errors += !strcmp(json_string_value(json_object_get(v, "severity")), "error");
		assert_int_equal(errors, json_integer_value(json_object_get(json_object_get(tree, "counts"), "error")));
		if (t == 0) {
			bool ref = false, sugg = false;
			json_array_foreach(fs, i, v) {
				ref |= json_integer_value(json_object_get(v, "ref_communication")) == 7;
				sugg |= json_object_get(v, "suggestion") != NULL;
			}
			assert_true(ref && sugg);
		}
		/* in parts (/api/check sends each as it is written): the
		 * parts, the buffer emptied between them, make the same text
		 * whatever their size, the breakdown carried across them; a part
		 * ends at the first finding after LIMIT bytes */
		static const size_t limits[] = {0, 1, 60, 200, 1u << 20};
		for (size_t li = 0; li < sizeof limits / sizeof limits[0]; li++) {
			struct rd_buf whole = RD_BUF_INIT, part = RD_BUF_INIT;
			struct rd_check_write_part pw;
			memset(&pw, 0, sizeof pw);
			struct rd_jw pj;
			rd_jw_init(&pj, &part);
			size_t nparts = 0;
			bool last;
			do {
				part.len = 0;
				last = rd_check_result_write_part(r, &pj, &pw, limits[li]);
				assert_int_equal(pj.err, RD_OK);
				assert_true(last || part.len >= limits[li]);
				rd_buf_add(&whole, part.data, part.len);
				nparts++;
			} while (!last);
			assert_string_equal(whole.data, b.data);
			/* one finding at least a part: the head comes with the
			 * first, the rest with the last */
			if (limits[li] <= 1)
				assert_int_equal(nparts, r->n_findings ? r->n_findings : 1);
			rd_buf_free(&whole);
			rd_buf_free(&part);
		}
		free(dump);
		json_decref(back);
		json_decref(tree);
		rd_buf_free(&b);
		rd_check_result_free(r);
	}
}

/* ---- fact.contradiction ---------------------------------------------------------- */

static void test_contradiction_eta(void **state)
{
	(void)state;
	struct rd_prior_fact p[2];
	memset(p, 0, sizeof p);
	p[0].comm_id = 7;
	p[0].same_client = true;
	p[0].at = t_("2026-11-20T10:00:00Z");
	p[0].has_eta = true;
	p[0].eta = t_("2026-11-27T16:00:00Z"); /* Friday 17:00 in Berlin */
	p[1].comm_id = 9;
	p[1].client_name = "Globex";
	p[1].at = t_("2026-11-21T10:00:00Z");
	p[1].has_eta = true;
	p[1].eta = t_("2026-11-27T16:00:00Z");
	struct rd_check_opts o = opts_("progress");
	o.prior = p;
	o.n_prior = 2;
	const char *text = "We expect the fix to be complete by Monday 30 November.";
	struct rd_check_result *r = run_opts(text, &o);
	const struct rd_check_finding *f = find(r, "fact.contradiction");
	assert_non_null(f);
	assert_int_equal(f->ref_comm_id, 7);
	span_is(f, text, "Monday 30 November");
	assert_non_null(strstr(f->message, "#7"));
	rd_check_result_free(r);
	/* the same date, to the day or the hour, is no contradiction */
	r = run_opts("We expect the fix to be complete by Friday 27 November.", &o);
	assert_int_equal(count(r, "fact.contradiction"), 0);
	rd_check_result_free(r);
	r = run_opts("We expect the fix by Friday 5pm.", &o);
	assert_int_equal(count(r, "fact.contradiction"), 0);
	rd_check_result_free(r);
	/* an explicit correction, a correction message or a delay notice */
	r = run_opts("Correction: we previously said Friday; the fix will be complete by Monday 30 November.", &o);
	assert_int_equal(count(r, "fact.contradiction"), 0);
	rd_check_result_free(r);
	o.kind = "delay";
	r = run_opts(text, &o);
	assert_int_equal(count(r, "fact.contradiction"), 0);
	rd_check_result_free(r);
	/* another client of the same failure was told something else */
	o.kind = "progress";
	p[0].eta = t_("2026-11-30T16:00:00Z");
	r = run_opts(text, &o);
	f = find(r, "fact.contradiction");
	assert_non_null(f);
	assert_int_equal(f->ref_comm_id, 9);
	assert_non_null(strstr(f->message, "Globex"));
	rd_check_result_free(r);
}

/* An ETA claim needs an ETA context (the fix, the restoration being due):
 * a success criterion's "within 2 minutes", a past start time and a zone
 * written as "(UTC+01:00)" are not ETAs. */
static void test_contradiction_eta_context(void **state)
{
	(void)state;
	struct rd_prior_fact p;
	memset(&p, 0, sizeof p);
	p.comm_id = 6;
	p.same_client = true;
	p.at = t_("2026-11-18T07:00:00Z");
	p.has_eta = true;
	p.eta = t_("2026-11-27T16:00:00Z"); /* Friday 17:00 in Berlin */
	struct rd_check_opts o = opts_("review");
	o.prior = &p;
	o.n_prior = 1;
	static const char *const clean[] = {
		"What we have done:\n"
		"- Route database write-error alerts to the on-call pager (Test alert pages on-call within 2 minutes)\n"
		"- Point the payments service back at the primary (No pending authorisations older than 5 minutes)\n",
		"We will know it worked when test alerts page on-call within 2 minutes.",
		"We will know the fix worked when test alerts page on-call within 2 minutes.",
		"I am sorry. The outage started on Monday 16 November 2026, 07:40 (UTC+01:00), and it was our mistake.",
		"All times are Berlin time (UTC+01:00).",
		"- Fix the promotion script (due Tuesday 24 November 2026, 13:00 (UTC+01:00))",
		"We expect the fix to be complete by Friday 27 November 2026, 17:00 CET.",
		"We expect the fix to be complete by Friday 27 November 2026, 17:00 (UTC+01:00).",
		"The fix will be live on Friday 27 November 2026, 17:00 (UTC+01:00). I will send you the "
		"next update by Tuesday 24 November 2026, 08:00 (UTC+01:00).",
	};
	for (size_t k = 0; k < sizeof clean / sizeof clean[0]; k++) {
		struct rd_check_result *r = run_opts(clean[k], &o);
		if (count(r, "fact.contradiction")) {
			rd_check_result_print(stderr, "case", clean[k], strlen(clean[k]), r);
			fail_msg("unexpected fact.contradiction: %s", clean[k]);
		}
		rd_check_result_free(r);
	}
	/* an ETA context makes it a claim */
	static const struct { const char *text, *span; } claims[] = {
		{"We expect the fix to be complete by Saturday 28 November 2026, 17:00 CET.",
		 "Saturday 28 November 2026, 17:00 CET"},
		{"We expect to have this fixed by Friday 27 November 2026, 13:00 (UTC+01:00).",
		 "Friday 27 November 2026, 13:00 (UTC+01:00)"},
		{"The fix will be live on Monday 30 November.", "Monday 30 November"},
		{"ETA: Monday 30 November.", "Monday 30 November"},
		{"We expect service to be restored within 48 hours.", "48 hours"},
		{"Everything will be resolved by Wednesday.", "Wednesday"},
		{"Once the patch is tested, service will be restored within 2 hours.", "2 hours"},
	};
	for (size_t k = 0; k < sizeof claims / sizeof claims[0]; k++) {
		struct rd_check_result *r = run_opts(claims[k].text, &o);
		const struct rd_check_finding *f = find(r, "fact.contradiction");
		if (!f)
			fail_msg("no fact.contradiction: %s", claims[k].text);
		span_is(f, claims[k].text, claims[k].span);
		assert_int_equal(f->ref_comm_id, 6);
		rd_check_result_free(r);
	}
}

static void test_contradiction_cause_amount(void **state)
{
	(void)state;
	struct rd_prior_fact p;
	memset(&p, 0, sizeof p);
	p.comm_id = 3;
	p.same_client = true;
	p.at = t_("2026-11-20T10:00:00Z");
	p.cause = "an expired security certificate on our payment gateway";
	p.has_amount = true;
	p.amount_cents = 150000;
	p.currency = "EUR";
	struct rd_check_opts o = opts_("rca_update");
	o.prior = &p;
	o.n_prior = 1;
	struct rd_check_result *r = run_opts("The outage was caused by a faulty configuration change in our label printer.", &o);
	const struct rd_check_finding *f = find(r, "fact.contradiction");
	assert_non_null(f);
	assert_int_equal(f->ref_comm_id, 3);
	assert_non_null(strstr(f->message, "cause"));
	rd_check_result_free(r);
	r = run_opts("The outage was caused by the expired certificate on the payment gateway.", &o);
	assert_int_equal(count(r, "fact.contradiction"), 0);
	rd_check_result_free(r);
	r = run_opts("As a goodwill gesture we will credit EUR 1,000 to your next invoice.", &o);
	f = find(r, "fact.contradiction");
	assert_non_null(f);
	assert_non_null(strstr(f->message, "EUR 1000.00"));
	rd_check_result_free(r);
	r = run_opts("As a goodwill gesture we will credit €1,500 to your next invoice.", &o);
	assert_int_equal(count(r, "fact.contradiction"), 0);
	rd_check_result_free(r);
	/* an amount of harm is not a goodwill amount */
	r = run_opts("You told us the outage cost you EUR 4,500.", &o);
	assert_int_equal(count(r, "fact.contradiction"), 0);
	rd_check_result_free(r);
}

/* ---- input handling ---------------------------------------------------------------- */

static void test_invalid_input(void **state)
{
	(void)state;
	struct rd_check_result *r = NULL;
	char *err = NULL;
	struct rd_check_opts o = opts_("apology");
	assert_int_equal(rd_check("ab\xff" "cd", 5, &o, &r, &err), RD_EINVAL);
	assert_null(r);
	assert_non_null(strstr(err, "byte 2"));
	free(err);
	err = NULL;
	o.kind = "letter";
	assert_int_equal(rd_check("hi", 2, &o, &r, &err), RD_EINVAL);
	assert_non_null(strstr(err, "letter"));
	free(err);
	err = NULL;
	o.kind = "apology";
	o.tz = "Mars/Olympus";
	assert_int_equal(rd_check("hi", 2, &o, &r, &err), RD_EINVAL);
	free(err);
	err = NULL;
	o.tz = NULL;
	const char *const req[] = {"impact", "charm", NULL};
	o.required_elements = req;
	assert_int_equal(rd_check("hi", 2, &o, &r, &err), RD_EINVAL);
	assert_non_null(strstr(err, "charm"));
	free(err);
	/* NUL bytes do not crash */
	o.required_elements = NULL;
	assert_int_equal(rd_check("sorry\0if", 8, &o, &r, NULL), RD_OK);
	rd_check_result_free(r);
}

/* An empty or blank message is refused, not scored: a score for nothing
 * would tell the user an empty draft is fine to send. */
static void test_blank_message(void **state)
{
	(void)state;
	struct rd_check_opts o = opts_("apology");
	struct rd_check_result *r = NULL;
	char *err = NULL;
	assert_int_equal(rd_check("", 0, &o, &r, &err), RD_EINVAL);
	assert_null(r);
	assert_string_equal(err, "the message is empty");
	free(err);
	err = NULL;
	/* spaces, tabs, line breaks, a no-break and an em space (U+00A0, U+2003) */
	const char *blank = " \t\r\n\n\xc2\xa0\xe2\x80\x83\n";
	assert_int_equal(rd_check(blank, strlen(blank), &o, &r, &err), RD_EINVAL);
	assert_string_equal(err, "the message is only white space");
	free(err);
	/* one visible character is a message */
	assert_int_equal(rd_check(" .\n", 3, &o, &r, NULL), RD_OK);
	rd_check_result_free(r);
}

static void test_columns_are_code_points(void **state)
{
	(void)state;
	const char *text = "Grüße, Jörg. Es tut uns leid — we believe it is fixed.";
	struct rd_check_result *r = run("other", text);
	const struct rd_check_finding *f = find(r, "tone.hedging");
	assert_non_null(f);
	assert_int_equal(f->line, 1);
	assert_int_equal(f->col, 32);                 /* code points */
	assert_int_equal(f->start, 36);               /* bytes: ü ß ö take 2, — takes 3 */
	rd_check_result_free(r);
}

/* ---- outputs ------------------------------------------------------------------------- */

static void test_print(void **state)
{
	(void)state;
	const char *text = "Hello.\nWe apologize if you were affected.\n";
	struct rd_check_result *r = run("other", text);
	char *buf = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&buf, &n);
	rd_check_result_print(f, "msg.txt", text, strlen(text), r);
	fclose(f);
	assert_non_null(strstr(buf, "msg.txt:2:4: error: conditional apology"));
	assert_non_null(strstr(buf, "[apology.conditional]\n We apologize if you were affected.\n    ^~~~~~~~~~~~\n"));
	assert_non_null(strstr(buf, "msg.txt: score 85/100 (1 error, 0 warnings, 0 info)"));
	free(buf);
	rd_check_result_free(r);
}

/* A long line is echoed as a window around the span, cut on code point
 * boundaries with "…", not whole for every finding. */
static void test_print_long_line(void **state)
{
	(void)state;
	struct rd_buf t = RD_BUF_INIT;
	for (int i = 0; i < 400; i++)
		rd_buf_adds(&t, "Grüße ");      /* 7 bytes, 6 code points each */
	size_t at = t.len;
	rd_buf_adds(&t, "we apologize if you were affected, ");
	for (int i = 0; i < 400; i++)
		rd_buf_adds(&t, "Grüße ");
	rd_buf_adds(&t, "\n");
	struct rd_check_result *r = run("other", t.data);
	const struct rd_check_finding *f = find(r, "apology.conditional");
	assert_non_null(f);
	assert_int_equal(f->start, at + 3);
	assert_int_equal(f->col, 400 * 6 + 4);   /* code points, far into the line */
	char *buf = NULL;
	size_t n = 0;
	FILE *out = open_memstream(&buf, &n);
	rd_check_result_print(out, "m.txt", t.data, t.len, r);
	fclose(out);
	/* 40 code points before the span, 120 in all, marked on both sides */
	const char *want = " … Grüße Grüße Grüße Grüße Grüße Grüße we apologize if you were affected, "
			   "Grüße Grüße Grüße Grüße Grüße Grüße Grüße Grüße …\n"
			   "                                          ^~~~~~~~~~~~\n";
	assert_non_null(strstr(buf, want));
	assert_true(n < 1000);   /* not the 5 KB line */
	free(buf);
	rd_check_result_free(r);
	/* a short line is still shown whole */
	const char *s = "Hi.\nWe apologize if you were affected.\n";
	r = run("other", s);
	out = open_memstream(&buf, &n);
	rd_check_result_print(out, "m.txt", s, strlen(s), r);
	fclose(out);
	assert_non_null(strstr(buf, "\n We apologize if you were affected.\n    ^~~~~~~~~~~~\n"));
	free(buf);
	rd_check_result_free(r);
	rd_buf_free(&t);
}

/* The edge between a line shown whole and one cut to a window: the first
 * scan takes up to 161 code point steps around the span, so a line of 161
 * code points (2-byte ones among them) is echoed whole and one of 162 is
 * cut after 120, also as the text's last line with no line break. */
static void test_print_line_edge(void **state)
{
	(void)state;
	const char *head = "We apologize if you were affected ";   /* 34 code points */
	for (int extra = 0; extra < 2; extra++)
		for (int last = 0; last < 2; last++) {
			struct rd_buf line = RD_BUF_INIT, t = RD_BUF_INIT;
			rd_buf_adds(&line, head);
			for (int i = 0; i < 161 - 34 - 1 + extra; i++)
				rd_buf_adds(&line, i % 2 ? "\xc3\xa9" : "a");   /* é: 2 bytes */
			rd_buf_adds(&line, ".");
			rd_buf_adds(&t, "Hello.\n");
			rd_buf_add(&t, line.data, line.len);
			rd_buf_adds(&t, last ? "" : "\nThanks.\n");
			struct rd_check_result *r = run("other", t.data);
			assert_non_null(find(r, "apology.conditional"));
			char *buf = NULL;
			size_t n = 0;
			FILE *out = open_memstream(&buf, &n);
			rd_check_result_print(out, "m.txt", t.data, t.len, r);
			fclose(out);
			struct rd_buf want = RD_BUF_INIT;
			rd_buf_adds(&want, "\n ");
			if (!extra) {
				rd_buf_add(&want, line.data, line.len);
			} else {
				/* 120 code points from the line's start (3 before the span), then the cut */
				size_t b = 0;
				for (int cp = 0; cp < 120; cp++)
					b += ((unsigned char)line.data[b] & 0x80) ? 2 : 1;
				rd_buf_add(&want, line.data, b);
				rd_buf_adds(&want, "\xe2\x80\xa6");
			}
			rd_buf_adds(&want, "\n    ^~~~~~~~~~~~\n");
			assert_non_null(strstr(buf, want.data));
			free(buf);
			rd_check_result_free(r);
			rd_buf_free(&want);
			rd_buf_free(&line);
			rd_buf_free(&t);
		}
}

/* A long ASCII line: the window is 40 bytes before the span and 120 in
 * all, the caret line a space a byte and a tilde a code point after the
 * span's first (print_span's ASCII shortcuts); with "é" right after those
 * 120 bytes, the window still ends before it. */
static void test_print_ascii_window(void **state)
{
	(void)state;
	for (int accent = 0; accent < 2; accent++) {
		struct rd_buf t = RD_BUF_INIT;
		for (int i = 0; i < 50; i++)
			rd_buf_adds(&t, "ab cd ");
		size_t at = t.len;
		rd_buf_adds(&t, "we apologize if you were affected, ");   /* 35 bytes */
		for (int i = 0; i < 8; i++)
			rd_buf_adds(&t, "ab cd ");   /* to at + 83: the byte after the window */
		if (accent)
			rd_buf_adds(&t, "\xc3\xa9 ");
		for (int i = 0; i < 50; i++)
			rd_buf_adds(&t, "ab cd ");
		rd_buf_adds(&t, "\n");
		struct rd_check_result *r = run("other", t.data);
		const struct rd_check_finding *f = find(r, "apology.conditional");
		assert_non_null(f);
		assert_int_equal(f->start, at + 3);
		assert_int_equal(f->end - f->start, 12);   /* "apologize if" */
		char *buf = NULL;
		size_t n = 0;
		FILE *out = open_memstream(&buf, &n);
		rd_check_result_print(out, "m.txt", t.data, t.len, r);
		fclose(out);
		struct rd_buf want = RD_BUF_INIT;
		rd_buf_adds(&want, "\n \xe2\x80\xa6");
		rd_buf_add(&want, t.data + f->start - 40, 120);
		rd_buf_adds(&want, "\xe2\x80\xa6\n");
		rd_buf_adds(&want, "                                          ^~~~~~~~~~~~\n");
		assert_non_null(strstr(buf, want.data));
		assert_non_null(strstr(buf, "\n \xe2\x80\xa6 ab cd ab cd ab cd ab cd ab cd ab cd we apologize if you "
					 "were affected, ab cd ab cd ab cd ab cd ab cd ab cd ab cd ab cd \xe2\x80\xa6\n"));
		free(buf);
		rd_buf_free(&want);
		rd_check_result_free(r);
		rd_buf_free(&t);
	}
}

/* The printer builds its output in a 4 KB buffer: a message whose output is
 * many times that (tabs kept in the caret line, suggestions, the score line
 * after the last flush) comes out whole and in order, byte for byte. */
static void test_print_buffered(void **state)
{
	(void)state;
	struct rd_buf t = RD_BUF_INIT;
	for (int i = 0; i < 120; i++)
		rd_buf_adds(&t, "\tWe apologize if you were affected.\n");
	struct rd_check_result *r = run("other", t.data);
	assert_int_equal(count(r, "apology.conditional"), 120);
	struct rd_buf want = RD_BUF_INIT;
	for (size_t i = 0; i < r->n_findings; i++) {
		const struct rd_check_finding *x = &r->findings[i];
		char head[512];
		snprintf(head, sizeof head, "long.txt:%u:%u: %s: %s [%s]\n", x->line, x->col,
			 x->severity == RD_SEV_ERROR ? "error" : x->severity == RD_SEV_WARNING ? "warning" : "info",
			 x->message, x->rule);
		rd_buf_adds(&want, head);
		if (!strcmp(x->rule, "apology.conditional"))
			rd_buf_adds(&want, " \tWe apologize if you were affected.\n \t   ^~~~~~~~~~~~\n");
		else
			fail_msg("unexpected finding %s", x->rule);
		if (x->suggestion) {
			rd_buf_adds(&want, "  suggestion: ");
			rd_buf_adds(&want, x->suggestion);
			rd_buf_adds(&want, "\n");
		}
	}
	char tail[128];
	snprintf(tail, sizeof tail, "long.txt: score %d/100 (120 errors, 0 warnings, 0 info)\n", r->score);
	rd_buf_adds(&want, tail);
	assert_true(want.len > 4 * 4096);
	char *buf = NULL;
	size_t n = 0;
	FILE *out = open_memstream(&buf, &n);
	rd_check_result_print(out, "long.txt", t.data, t.len, r);
	fclose(out);
	assert_int_equal(n, want.len);
	assert_memory_equal(buf, want.data, n);
	free(buf);
	rd_buf_free(&want);
	rd_check_result_free(r);
	rd_buf_free(&t);
}

/* Many findings on one line: each keeps its own column and the de-duplication
 * keeps one per span (the linear paths give what the quadratic ones gave). */
static void test_long_line_findings(void **state)
{
	(void)state;
	const char *unit = "Mistakes were made and we might fix it. ";   /* 40 bytes */
	struct rd_buf t = RD_BUF_INIT;
	for (int i = 0; i < 5000; i++)
		rd_buf_adds(&t, unit);
	struct rd_check_result *r = run("other", t.data);
	assert_int_equal(count(r, "ownership.passive"), 5000);
	assert_int_equal(count(r, "tone.hedging"), 5000);
	const struct rd_check_finding *last = &r->findings[r->n_findings - 1];
	assert_string_equal(last->rule, "tone.hedging");
	assert_int_equal(last->line, 1);
	assert_int_equal(last->col, 4999 * 40 + 27);
	rd_check_result_free(r);
	rd_buf_free(&t);
}

static size_t table_index(const char *rule)
{
	const struct rd_check_rule_info *ri;
	for (size_t i = 0; (ri = rd_check_rule_at(i)); i++)
		if (!strcmp(ri->id, rule))
			return i;
	fail_msg("finding of an unknown rule %s", rule);
	return 0;
}

/* The order a reader sees: by position, rules in table order at one
 * position, the longer span first, message-level findings (missing
 * elements, all at 1:1) last and in table order; checked pair by pair over
 * thousands of findings of a dozen rules (finish() sorts them through
 * compact keys). */
static void test_findings_order(void **state)
{
	(void)state;
	const char *unit = "We apologize if you were affected by the recent issue. "
			   "We apologize for any inconvenience this may have caused. "
			   "Mistakes were made and this was beyond our control. "
			   "It was just a small hiccup; we believe it might possibly recur. "
			   "Our RCA shows the MTTR was within SLA. Please be advised that "
			   "this will never happen again; we guarantee 100% uptime. "
			   "Dear [CLIENT NAME], your ETA is {{plan.eta_local}}.\n";
	struct rd_buf t = RD_BUF_INIT;
	for (int i = 0; i < 300; i++)
		rd_buf_adds(&t, unit);
	struct rd_check_result *r = run("plan", t.data);
	assert_true(r->n_findings > 3000);
	assert_true(r->findings[r->n_findings - 1].whole_message);
	size_t whole = 0;
	for (size_t i = 1; i < r->n_findings; i++) {
		const struct rd_check_finding *a = &r->findings[i - 1], *b = &r->findings[i];
		if (a->whole_message) {
			assert_true(b->whole_message);
			assert_true(table_index(a->rule) < table_index(b->rule));
			whole++;
			continue;
		}
		if (b->whole_message)
			continue;
		assert_true(a->start <= b->start);
		assert_true(a->line < b->line || (a->line == b->line && a->col <= b->col));
		if (a->start < b->start)
			continue;
		size_t ra = table_index(a->rule), rb = table_index(b->rule);
		assert_true(ra <= rb);
		if (ra == rb)
			assert_true(a->end >= b->end);
	}
	assert_true(whole >= 2);   /* three elements missing: one tie-break by rule, twice */
	rd_check_result_free(r);
	rd_buf_free(&t);
}

static double thread_cpu(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Best of three CPU times of checking N copies of UNIT on one line. */
static double time_line(const char *unit, int n)
{
	struct rd_buf t = RD_BUF_INIT;
	for (int i = 0; i < n; i++)
		rd_buf_adds(&t, unit);
	double best = 1e9;
	for (int k = 0; k < 3; k++) {
		double t0 = thread_cpu();
		struct rd_check_result *r = run("other", t.data);
		double dt = thread_cpu() - t0;
		assert_true(r->n_findings >= (size_t)n);
		rd_check_result_free(r);
		if (dt < best)
			best = dt;
	}
	rd_buf_free(&t);
	return best;
}

/* Eight times the text costs about eight times the time, not 64: passive
 * sentences among many phrase hits once scanned every hit of the message
 * per sentence (rule_passive's cause search), 60% of the time of a 1 MB
 * line and 11x from 1 MB to 4 MB. The bound is loose (24x) so that a loaded
 * machine cannot fail it; a quadratic path gives 40x and more. */
static void test_long_line_is_linear(void **state)
{
	(void)state;
	const char *unit = "Your records were deleted during the migration. "
			   "We apologize for any inconvenience this may have caused. ";
	double t1 = time_line(unit, 2000), t8 = time_line(unit, 16000);
	if (getenv("CHECK_TEST_VERBOSE"))
		printf("linear: %.4f s, %.4f s, %.1fx\n", t1, t8, t8 / t1);
	if (t8 >= 24 * t1)
		fail_msg("8x the text took %.1fx the time (%.4f s vs %.4f s)", t8 / t1, t8, t1);
}

/* Best of three CPU times of checking HEAD and N copies of UNIT, then N
 * copies of UNIT2 and TAIL, as a message of kind KIND. */
static double time_text(const char *kind, const char *unit, const char *mid, const char *unit2, int n)
{
	struct rd_buf t = RD_BUF_INIT;
	for (int i = 0; i < n; i++)
		rd_buf_adds(&t, unit);
	rd_buf_adds(&t, mid);
	for (int i = 0; unit2 && i < n; i++)
		rd_buf_adds(&t, unit2);
	double best = 1e9;
	for (int k = 0; k < 3; k++) {
		double t0 = thread_cpu();
		struct rd_check_result *r = run(kind, t.data);
		double dt = thread_cpu() - t0;
		rd_check_result_free(r);
		if (dt < best)
			best = dt;
	}
	rd_buf_free(&t);
	return best;
}

static void expect_linear(const char *what, double t1, double t8)
{
	if (getenv("CHECK_TEST_VERBOSE"))
		printf("%s: %.4f s, %.4f s, %.1fx\n", what, t1, t8, t8 / t1);
	if (t8 >= 24 * t1)
		fail_msg("%s: 8x the text took %.1fx the time (%.4f s vs %.4f s)", what, t8 / t1, t8, t1);
}

/* A sentence of many ", so" clauses and no cause: element.cause's "X
 * happened, so your Y failed" once rescanned the sentence from its start
 * at each "so" (1 MB: 44 s). */
static void test_so_chain_is_linear(void **state)
{
	(void)state;
	const char *unit = "the job runs, so your export runs, ";
	expect_linear("so chain", time_text("rca_update", unit, "end.", NULL, 1000),
		      time_text("rca_update", unit, "end.", NULL, 8000));
}

/* Many passives in one sentence before a long sentence that points back
 * ("That happened because we …"): each passive once scanned the whole next
 * sentence (200 KB before 800 KB: 8 s). */
static void test_passives_before_long_sentence_is_linear(void **state)
{
	(void)state;
	const char *unit = "files were deleted and records were lost and ";
	const char *unit2 = "That happened because we deployed a bad build and ";
	expect_linear("passives, next sentence", time_text("rca_update", unit, "done. ", unit2, 500),
		      time_text("rca_update", unit, "done. ", unit2, 4000));
}

/* One clause of many named vendors near a cause word, and of many
 * promised recurrences: blame-shift and the prevention element once walked
 * the whole clause to its ends for each (1.2 MB: 9 s and 2.6 s). The same
 * for an admitting verb after hedges (ownership: 2.9 MB, 5.8 s). */
static void test_long_clauses_are_linear(void **state)
{
	(void)state;
	const char *vendor = "our vendor AWS caused the outage and ";
	expect_linear("vendors in one clause", time_text("rca_update", vendor, "end.", NULL, 1000),
		      time_text("rca_update", vendor, "end.", NULL, 8000));
	const char *again = "we will definitely make sure it never happens again and ";
	expect_linear("recurrences in one clause", time_text("plan", again, "end.", NULL, 1000),
		      time_text("plan", again, "end.", NULL, 8000));
	/* acts left undone told plainly (plain_omission) once each looked
	 * over the whole sentence for a harm spared beside it */
	const char *undone = "the renewal was not sent and the refunds were not actioned and ";
	expect_linear("acts left undone in one sentence", time_text("rca_update", undone, "end.", NULL, 1000),
		      time_text("rca_update", undone, "end.", NULL, 8000));
	/* failures placed on other sides, blocks and obstacles in one
	 * sentence (side_placed, obstacle_told) */
	const char *placed = "the fault sat at their end and the engineer cannot come until Monday and the kiln failed and ";
	expect_linear("placed blame and obstacles in one sentence", time_text("delay", placed, "end.", NULL, 1000),
		      time_text("delay", placed, "end.", NULL, 8000));
	/* guarantees folded with what they guarantee (overreach_fold) */
	const char *guarantee = "we guarantee this will not happen again and ";
	expect_linear("guarantees in one sentence", time_text("plan", guarantee, "end.", NULL, 1000),
		      time_text("plan", guarantee, "end.", NULL, 8000));
	/* and a claim after each "we say" within reach of the guarantee's
	 * finding, which would grow it without end (QUOTE_MAX) */
	const char *say = "we say it will not happen again, ";
	expect_linear("claims after one guarantee", time_text("plan", "", "We guarantee it will not happen again, ", say, 1000),
		      time_text("plan", "", "We guarantee it will not happen again, ", say, 8000));
	const char *lost = "files were deleted and records were lost and ";
	expect_linear("admissions in one sentence", time_text("rca_update", lost, "end.", NULL, 1000),
		      time_text("rca_update", lost, "end.", NULL, 8000));
	/* acts of ours told as mistakes, after a hedge in their sentence:
	 * element.ownership looked back over the sentence's hits for each
	 * (870 KB: 0.56 s, 3.5 MB: 9 s) */
	const char *wrong = "we used the wrong label on a crate, and ";
	expect_linear("hedged mistakes in one sentence",
		      time_text("correction", "", "We may have got this wrong, and ", wrong, 1000),
		      time_text("correction", "", "We may have got this wrong, and ", wrong, 8000));
}

/* Many checks of ours left undone, and a cause said to be still sought
 * only at the end: element.cause asked for each undone check whether the
 * message says the cause is still sought, which read every phrase hit of
 * the message each time (1 MB: 0.39 s, 4 MB: 4.4 s). */
static void test_undone_checks_are_linear(void **state)
{
	(void)state;
	const char *unit = "Our team did not check the totals. ";
	const char *end = "The cause is still being investigated.";
	expect_linear("undone checks, cause sought at the end", time_text("rca_update", unit, end, NULL, 4000),
		      time_text("rca_update", unit, end, NULL, 32000));
}

/* Many sentences of a fault said to reach "only a few" of something:
 * tone.minimizing asked for each whether its sentence has an impact
 * phrase by reading every phrase hit of the message (1.6 MB: 1.5 s). */
static void test_minimisers_are_linear(void **state)
{
	(void)state;
	const char *unit = "The fault, touching only a few of the invoices, is fixed. ";
	expect_linear("minimisers, sentence by sentence", time_text("plan", unit, "end.", NULL, 2000),
		      time_text("plan", unit, "end.", NULL, 16000));
}

/* One sentence of megabytes (no full stop) with a promised recurrence or
 * a vague reason over and over: the prevention element asked, for each,
 * whether the sentence advises the client, and element.cause whether a
 * colon, a dash or ", as" tells the reason later in it, each reading to
 * the sentence's end (400 KB: 10 s and 0.5 s). */
static void test_one_long_sentence_is_linear(void **state)
{
	(void)state;
	const char *again = "This will never happen again and ";
	expect_linear("recurrences in one sentence", time_text("plan", again, "end.", NULL, 1000),
		      time_text("plan", again, "end.", NULL, 8000));
	const char *vague = "The outage was due to reasons outside our control and ";
	expect_linear("vague reasons in one sentence", time_text("plan", vague, "end.", NULL, 1000),
		      time_text("plan", vague, "end.", NULL, 8000));
	/* and the prevention element asked, for each "so" after a "will",
	 * whether we, I or our came before it in the sentence, from its
	 * start */
	const char *so = "and will fit a float switch to each one, so a blocked drain does not flood the basement ";
	expect_linear("changes with so in one sentence", time_text("plan", so, "end.", NULL, 1000),
		      time_text("plan", so, "end.", NULL, 8000));
}

static void test_json(void **state)
{
	(void)state;
	struct rd_check_result *r = run("apology", "We apologize if you were affected. I am sorry.");
	json_t *j = rd_check_result_json(r);
	assert_non_null(j);
	assert_string_equal(json_string_value(json_object_get(j, "kind")), "apology");
	assert_int_equal(json_integer_value(json_object_get(j, "score")), r->score);
	json_t *f0 = json_array_get(json_object_get(j, "findings"), 0);
	assert_string_equal(json_string_value(json_object_get(f0, "rule")), "apology.conditional");
	assert_int_equal(json_integer_value(json_object_get(f0, "start")), 3);
	assert_int_equal(json_integer_value(json_object_get(f0, "points")), -15);
	json_t *missing = json_object_get(json_object_get(j, "elements"), "missing");
	bool contact = false;
	size_t i;
	json_t *v;
	json_array_foreach(missing, i, v)
		if (!strcmp(json_string_value(v), "contact"))
			contact = true;
	assert_true(contact);
	int sum = 0;
	json_array_foreach(json_object_get(j, "breakdown"), i, v)
		sum += (int)json_integer_value(json_object_get(v, "points"));
	assert_int_equal(100 + sum, r->score);
	json_decref(j);
	rd_check_result_free(r);
}

static void test_rule_table(void **state)
{
	(void)state;
	const char *ids[] = {"apology.conditional", "apology.non-apology", "apology.missing",
		"apology.generic", "ownership.passive", "ownership.blame-shift", "tone.minimizing",
		"tone.hedging", "tone.jargon", "tone.corporate", "promise.overreach", "element.impact",
		"element.ownership", "element.cause", "element.action", "element.prevention",
		"element.timeline", "element.next-update", "element.contact", "element.repair",
		"element.delay-reason", "element.late-ack", "fact.contradiction", "template.unfilled"};
	size_t n = 0;
	const struct rd_check_rule_info *ri;
	for (size_t i = 0; (ri = rd_check_rule_at(i)); i++)
		n++;
	assert_int_equal(n, sizeof ids / sizeof ids[0]);
	for (size_t i = 0; i < n; i++) {
		const char *e = rd_check_explain(ids[i]);
		if (!e)
			fail_msg("no rule %s", ids[i]);
		assert_true(strlen(e) > 40);
	}
	assert_null(rd_check_explain("tone.rude"));
	assert_null(rd_check_default_elements("letter", false));
	assert_string_equal(rd_check_default_elements("apology", false)[0], "impact");
}

/* ---- streaming -------------------------------------------------------------------------- */

struct seen {
	size_t n;
	size_t first_line[8];
	enum rd_err rc[8];
	size_t findings[8];
};

static int collect(void *ctx, size_t index, size_t first_line, const char *text, size_t len,
		   enum rd_err rc, const char *errmsg, const struct rd_check_result *r)
{
	(void)text;
	(void)len;
	(void)errmsg;
	struct seen *s = ctx;
	assert_int_equal(index, s->n);
	s->first_line[s->n] = first_line;
	s->rc[s->n] = rc;
	s->findings[s->n] = r ? count(r, "apology.conditional") : 99;
	s->n++;
	return 0;
}

static int collect_many(void *ctx, size_t index, size_t first_line, const char *text, size_t len,
			enum rd_err rc, const char *errmsg, const struct rd_check_result *r)
{
	(void)text;
	(void)len;
	(void)errmsg;
	struct many { size_t n, bad; } *m = ctx;
	size_t want = index % 3 == 0 ? 1 : 0;
	if (index != m->n || rc != RD_OK || first_line != index * 2 + 1 ||
	    count(r, "apology.conditional") != want)
		m->bad++;
	m->n++;
	return 0;
}

static void test_stream(void **state)
{
	(void)state;
	FILE *f = tmpfile();
	fputs("We apologize if you were affected.\n---\nAll good here.\nThank you.\n\f\nbad \xff byte\n---  \n\n---\nSorry if it broke.\n", f);
	rewind(f);
	struct seen s = {0};
	struct rd_check_opts o = opts_("other");
	assert_int_equal(rd_check_stream(f, &o, collect, &s, NULL), RD_OK);
	fclose(f);
	assert_int_equal(s.n, 4);
	assert_int_equal(s.first_line[0], 1);
	assert_int_equal(s.findings[0], 1);
	assert_int_equal(s.first_line[1], 3);
	assert_int_equal(s.findings[1], 0);
	assert_int_equal(s.rc[2], RD_EINVAL);
	assert_int_equal(s.first_line[2], 6);
	assert_int_equal(s.first_line[3], 10);
	assert_int_equal(s.findings[3], 1);
}

static void test_stream_threads(void **state)
{
	(void)state;
	/* 300 messages on 3 workers arrive in order, each checked right */
	FILE *f = tmpfile();
	for (int i = 0; i < 300; i++)
		fprintf(f, "%s%s\n", i ? "---\n" : "", i % 3 == 0 ? "We apologize if you were affected." : "All good.");
	rewind(f);
	struct rd_check_opts o = opts_("other");
	o.threads = 3;
	struct many { size_t n, bad; } m = {0, 0};
	assert_int_equal(rd_check_stream(f, &o, collect_many, &m, NULL), RD_OK);
	fclose(f);
	assert_int_equal(m.n, 300);
	assert_int_equal(m.bad, 0);
}

/* ---- issue 13: what real incident messages taught the rules ----------------------------
 * Each case below was wrong before the fix it tests (tests/checker/ has the
 * labelled corpus that found them). */

/* Asserts whether element NAME is found in TEXT checked as KIND. */
#define ELEM(kind, want, name, text)                                      \
	do {                                                               \
		struct rd_check_result *r_ = run(kind, text);              \
		const struct rd_check_element *e_ = elem(r_, name);        \
		assert_non_null(e_);                                       \
		if (e_->found != (want))                                   \
			fail_msg("%s: element %s expected %s", text, name, (want) ? "found" : "missing"); \
		rd_check_result_free(r_);                                  \
	} while (0)

/* A message of several windows has its dates found and their roles given
 * window by window (items_upto): a timeline and a next update far into the
 * message, each with its cue in its own sentence, are found where they
 * are, and a time under a next-update cue is not taken for the ETA. */
static void test_items_windows(void **state)
{
	(void)state;
	static const char *const filler = "Our team looked at the logs again and again. ";
	static const char *const marks[] = {"The next update will be at 15:00. ",
					    "We expect the fix by Friday 17:00. "};
	size_t fl = strlen(filler), per = 2000;   /* 92 KB before each: windows of 32 KB */
	char *text = malloc(2 * (per * fl + 64) + 1);
	assert_non_null(text);
	size_t len = 0, at[2];
	for (size_t m = 0; m < 2; m++) {
		for (size_t j = 0; j < per; j++, len += fl)
			memcpy(text + len, filler, fl);
		at[m] = len;
		memcpy(text + len, marks[m], strlen(marks[m]));
		len += strlen(marks[m]);
	}
	text[len] = '\0';
	struct rd_check_result *r = run("plan", text);
	const struct rd_check_element *next = elem(r, "next-update"), *eta = elem(r, "timeline");
	assert_non_null(next);
	assert_non_null(eta);
	assert_true(next->found);
	assert_int_equal(next->start, at[0]);
	assert_true(eta->found);
	assert_int_equal(eta->start, at[1] + strlen("We expect the fix by "));
	assert_memory_equal(text + eta->start, "Friday 17:00", eta->end - eta->start);
	rd_check_result_free(r);
	free(text);
}

static void test_passive_real_verbs(void **state)
{
	(void)state;
	const char *text = "On Saturday the wrong cluster was drained during maintenance.";
	expect_span("ownership.passive", text, "was drained");
	/* ordinary actions with a sign of fault */
	EXPECT("ownership.passive", 1, "Because the update was rolled out to every region at once, every region failed.");
	EXPECT("ownership.passive", 1, "It failed because the certificate was allowed to expire.");
	EXPECT("ownership.passive", 1, "The faulty configuration was pushed to every load balancer.");
	EXPECT("ownership.passive", 1, "2,300 reminders were accidentally sent to customers who had paid.");
	EXPECT("ownership.passive", 1, "The old records were removed before the new ones were live, so the site vanished.");
	/* the same verbs without fault, with a repair as subject, or undoing the fault */
	EXPECT("ownership.passive", 0, "The update was rolled out on Tuesday.");
	EXPECT("ownership.passive", 0, "The fix was applied because the errors kept rising.");
	EXPECT("ownership.passive", 0, "The faulty change was removed at 10:00.");
	EXPECT("ownership.passive", 0, "The reporting service was restarted at 09:10 UTC.");
	/* negated: the harm is denied, nobody is hidden */
	EXPECT("ownership.passive", 0, "None of your files were deleted.");
	EXPECT("ownership.passive", 0, "No data was lost and no payments were sent twice.");
	EXPECT("ownership.passive", 0, "Your records were not deleted.");
	/* the actor is named in the sentence */
	EXPECT("ownership.passive", 0, "Your records were deleted because we ran the wrong script.");
	EXPECT("ownership.passive", 1, "Your records were deleted; our engineers restored them.");
	/* "while we diagnosed it" names who diagnosed, not who rolled out */
	EXPECT("ownership.passive", 1,
	       "Because the update was rolled out to every region at once, no region was left working while we diagnosed it.");
	/* a delay measured describes the effect, not an act */
	EXPECT("ownership.passive", 0, "Order e-mails were delayed by up to two hours.");
}

static void test_generic_crowd(void **state)
{
	(void)state;
	const char *text = "We regret any disruption this caused our users.";
	expect_span("apology.generic", text, "regret any disruption this caused");
	EXPECT("apology.generic", 1, "Our apologies to everyone impacted.");
	EXPECT("apology.generic", 1, "Our apologies to all customers affected.");
	EXPECT("apology.generic", 1, "We are sorry for any issues.");
	/* addressed to someone, or naming the harm */
	EXPECT("apology.generic", 0, "I want to apologise to you and your team for Tuesday.");
	EXPECT("apology.generic", 0, "We apologise to all customers for the four-hour payment outage.");
	/* inside a conditional apology it is that apology, reported once */
	EXPECT("apology.generic", 0, "We apologize if you experienced any issues with card payments.");
	EXPECT("apology.conditional", 1, "We apologize if you experienced any issues with card payments.");
	/* a generic apology acknowledges no impact */
	ELEM("apology", false, "impact", "We regret any disruption this caused our users.");
}

static void test_minimizing_real(void **state)
{
	(void)state;
	EXPECT("tone.minimizing", 1, "There were a few moments of downtime on checkout.");
	EXPECT("tone.minimizing", 1, "The login problems affect only a handful of accounts.");
	EXPECT("tone.minimizing", 1, "Customers may notice intermittent slowness.");
	EXPECT("tone.minimizing", 1, "Your clients could not book; it was only a few minutes.");
	EXPECT("tone.minimizing", 0, "We know that even a few seconds of downtime hurts your checkout.");
	EXPECT("tone.minimizing", 0, "We just finished restoring the search index.");
}

static void test_overreach_real(void **state)
{
	(void)state;
	EXPECT("promise.overreach", 1, "We will make certain nothing like this recurs.");
	EXPECT("promise.overreach", 1, "Rest assured it won't be repeated.");
	EXPECT("promise.overreach", 1, "We will make sure nothing like this happens again.");
	EXPECT("promise.overreach", 0, "CPU reached 100% on every node during the batch.");
	EXPECT("promise.overreach", 0, "Disk usage hit 100% at 03:10 UTC.");
	EXPECT("promise.overreach", 1, "Uptime will be 100% from now on.");
}

static void test_blame_real(void **state)
{
	(void)state;
	EXPECT("ownership.blame-shift", 1, "This was simply bad luck.");
	EXPECT("ownership.blame-shift", 1, "No one could have predicted this.");
	EXPECT("ownership.blame-shift", 1, "Customers are responsible for keeping copies of their data.");
	EXPECT("ownership.blame-shift", 1, "The problem originated at our cloud provider.");
	EXPECT("ownership.blame-shift", 0,
	       "The problem originated at our cloud provider, but having no second site was our mistake.");
}

/* A status tag labels the update: none of its words is jargon or an
 * acronym, also a tag of several words or one bracketed in any case. */
static void test_status_tags_not_prose(void **state)
{
	(void)state;
	EXPECT("tone.jargon", 0, "[IN PROGRESS] Data repair\n\nWe are re-importing your orders.");
	EXPECT("tone.jargon", 0, "[PARTIAL OUTAGE] Search\n\nSearch results are incomplete.");
	EXPECT("tone.jargon", 0, "[Postmortem] Checkout errors on 3 May\n\nHere is what happened.");
	/* the same words in prose, or beside a word that is no tag */
	EXPECT("tone.jargon", 1, "Our postmortem is attached.");
	EXPECT("tone.jargon", 1, "[Postmortem draft] Checkout errors\n\nHere is what happened.");
	EXPECT("tone.jargon", 1, "The QZX team is in progress.");
}

/* Filler about the future and thanks for a patience the client never
 * offered are stock phrases too; the verb "moving forward with" is not. */
static void test_corporate_real(void **state)
{
	(void)state;
	const char *text = "Moving forward, every export will be checked twice.";
	struct rd_check_result *r = run("other", text);
	span_is(find(r, "tone.corporate"), text, "Moving forward");
	assert_non_null(strstr(find(r, "tone.corporate")->suggestion, "from when"));
	rd_check_result_free(r);
	EXPECT("tone.corporate", 1, "Thank you for your continued patience while we repair the index.");
	EXPECT("tone.corporate", 1, "Your patience and understanding are much appreciated.");
	/* a person's plain thanks is not the form letter's: writers labelled
	 * "thanks for bearing with us" boilerplate 3 times in 26; "thanks for
	 * your patience", once counted with it, they mark 6 times in 8
	 * (session 21) */
	EXPECT("tone.corporate", 0, "Thanks for bearing with us.");
	EXPECT("tone.corporate", 1, "Thanks for your patience while we sort it.");
	EXPECT("tone.corporate", 1, "Thank you for your patience while we sort it.");
	EXPECT("tone.corporate", 0, "We are moving forward with the migration tonight.");
	EXPECT("tone.corporate", 0, "Thank you for telling us so quickly.");
}

/* An appearance ("it looks as if") or an expectation ("should be back")
 * where a finding or a commitment is owed; "should" as a condition, a norm
 * or what we ought to do is not a hedge. */
static void test_hedging_real(void **state)
{
	(void)state;
	const char *text = "It looks as if the import stalled overnight.";
	expect_span("tone.hedging", text, "It looks as if");
	EXPECT("tone.hedging", 1, "Your reports should be back to normal by 17:00.");
	EXPECT("tone.hedging", 1, "The new index should resolve the slow searches.");
	EXPECT("tone.hedging", 1, "In all likelihood a disk filled up.");
	EXPECT("tone.hedging", 0, "Should you see any gaps, call me on +1 312 555 0108.");
	EXPECT("tone.hedging", 0, "The page loads far more slowly than it should be loading.");
	EXPECT("tone.hedging", 0, "Every job is running as it should be.");
	EXPECT("tone.hedging", 0, "We should fix our alerting first, and we will.");
	EXPECT("tone.hedging", 0, "I should have called you on Friday.");
	EXPECT("tone.hedging", 0, "If anything looks wrong, reply to this e-mail.");
}

/* A certainty adverb makes a forecast a promise; so does a claim of being
 * safe for good. A certainty about what we do ourselves is a commitment. */
static void test_overreach_certainty(void **state)
{
	(void)state;
	const char *text = "The restore will certainly finish tonight.";
	expect_span("promise.overreach", text, "will certainly");
	EXPECT("promise.overreach", 1, "Payments surely will not fail like this again.");
	EXPECT("promise.overreach", 1, "With the second data centre, your shop is invulnerable to outages.");
	EXPECT("promise.overreach", 1, "Backups are now completely protected against deletion.");
	EXPECT("promise.overreach", 1, "We will never let this happen again.");
	EXPECT("promise.overreach", 0, "I will definitely call you at 10:00 with the figures.");
	EXPECT("promise.overreach", 0, "We certainly will send the report on Friday.");
	EXPECT("promise.overreach", 0, "No service is immune to failure, so we now test the failover monthly.");
	EXPECT("promise.overreach", 0, "We definitely made a mistake here.");
}

/* Throwing the client's things away or spoiling them is harm, like
 * deleting them. */
static void test_passive_discarded(void **state)
{
	(void)state;
	const char *text = "Your uploaded invoices were destroyed during the move.";
	expect_span("ownership.passive", text, "were destroyed");
	EXPECT("ownership.passive", 1, "Pending orders were discarded when the queue restarted.");
	EXPECT("ownership.passive", 1, "Some addresses were garbled in the export.");
	EXPECT("ownership.passive", 0, "Pending orders were discarded by our retry job.");
	EXPECT("ownership.passive", 0, "None of your orders were discarded.");
}

/* A third party named in the possessive as the owner of what failed is
 * blamed like a vendor, only when the message takes no responsibility. */
static void test_blame_named_party(void **state)
{
	(void)state;
	const char *text = "The slowdown was due to an outage in Fastly's edge network.";
	expect_span("ownership.blame-shift", text, "due to an outage in Fastly's");
	EXPECT("ownership.blame-shift", 1, "Twilio's SMS gateway failed for two hours.");
	EXPECT("ownership.blame-shift", 0,
	       "Twilio's SMS gateway failed for two hours, and not having a second gateway was our mistake.");
	EXPECT("ownership.blame-shift", 0, "Tuesday's outage lasted two hours.");
	EXPECT("ownership.blame-shift", 0, "Thanks to Priya's report of the failure we found it fast.");
}

/* A passive that repeats an act the message just told in the active voice
 * hides nobody; far from it, or with no active use, it still does. */
static void test_passive_actor_named_before(void **state)
{
	(void)state;
	EXPECT("ownership.passive", 0,
	       "On Monday our import job silently dropped the prices of 40 products. Tonight we will "
	       "restore the prices that were dropped.");
	EXPECT("ownership.passive", 1,
	       "Tonight we will restore the prices that were dropped.");
	EXPECT("ownership.passive", 1,
	       "The dropped prices are listed below. Tonight we will restore the prices that were "
	       "dropped.");
	EXPECT("ownership.passive", 1,
	       "Our import job dropped the prices. One. Two. Three. Four. Five. Six. Seven. Eight. "
	       "Nine. Your prices were dropped.");
}

static void test_unfilled_status_tags(void **state)
{
	(void)state;
	EXPECT("template.unfilled", 0, "[RESOLVED] Checkout errors\n\nWe restored service.");
	EXPECT("template.unfilled", 0, "[MONITORING] Delayed e-mails\n");
	EXPECT("template.unfilled", 0, "[IN PROGRESS] Data repair\n");
	EXPECT("tone.jargon", 0, "[UPDATE] Delayed e-mails\n");
	EXPECT("template.unfilled", 1, "[CLIENT NAME], we are sorry.");
	EXPECT("template.unfilled", 1, "Your point person is <point person>.");
}

/* status_tag finds a bracket's words through a cursor over the sentences
 * (tok_at_or_after): tags and placeholders that alternate over many
 * sentences and windows, two in one sentence, one right after a sentence's
 * end, are each told apart as when every bracket searched all tokens. */
static void test_unfilled_status_tags_many(void **state)
{
	(void)state;
	static const char *const unit = "Update. [RESOLVED] Done. We are here [MONITORING] and [CLIENT NAME] now."
					 "[IN PROGRESS] Data repair, [TODO] next. ";
	size_t ul = strlen(unit), n = 1500;   /* 125 KB: several windows */
	char *text = malloc(n * ul + 1);
	assert_non_null(text);
	for (size_t i = 0; i < n; i++)
		memcpy(text + i * ul, unit, ul);
	text[n * ul] = '\0';
	struct rd_check_result *r = run("other", text);
	assert_int_equal(count(r, "template.unfilled"), 2 * n);
	size_t k = 0;
	for (size_t i = 0; i < r->n_findings; i++) {
		const struct rd_check_finding *f = &r->findings[i];
		if (strcmp(f->rule, "template.unfilled"))
			continue;
		const char *want = k % 2 ? "[TODO]" : "[CLIENT NAME]";
		assert_int_equal(f->end - f->start, strlen(want));
		assert_memory_equal(text + f->start, want, strlen(want));
		k++;
	}
	rd_check_result_free(r);
	free(text);
}

static void test_elements_real(void **state)
{
	(void)state;
	/* impact about "customers" in a message to many; a duration of harm */
	ELEM("apology", true, "impact", "Card payments failed for customers in Germany for 45 minutes.");
	ELEM("apology", true, "impact", "Your customers saw blank product pages for about 20 minutes.");
	ELEM("apology", true, "impact",
	     "We are sorry that your dashboard was unavailable, and we regret that you were disappointed.");
	/* "we lost connectivity" happened to us; "we lost your orders" is ours */
	ELEM("apology", false, "ownership", "We lost connectivity to our main database.");
	ELEM("apology", true, "ownership", "We lost 40 of your orders.");
	ELEM("apology", true, "ownership", "We made that mistake.");
	/* a cause still sought, or a title or empty heading, is no cause */
	ELEM("rca_update", false, "cause", "We're still trying to understand the cause of the outage.");
	ELEM("rca_update", false, "cause", "Root cause update\n\nWe have not yet found the root cause.");
	ELEM("rca_update", false, "cause", "## Root cause\n\n## Prevention\n\nWe restarted it.");
	ELEM("rca_update", false, "prevention", "## Prevention\n\n## What we did\n\nWe restarted it.");
	ELEM("rca_update", true, "prevention", "## Prevention\n\nEvery change now needs a second review.");
	ELEM("rca_update", true, "cause", "### Root cause\nA migration we ran locked the orders table.");
	ELEM("review", true, "cause", "Cause: the old signing key expired before the new one was trusted.");
	ELEM("rca_update", true, "cause", "We have identified the root cause: a full disk.");
	ELEM("rca_update", true, "cause", "We had no second site, and that is why your bookings stopped.");
	ELEM("apology", true, "impact", "We are sorry that your integrations are slower than they should be.");
	ELEM("apology", true, "contact", "If anything looks wrong, reply to this e-mail and I will look at it myself.");
	ELEM("progress", true, "action", "We have re-imported 61% of the catalogue so far.");
	ELEM("progress", true, "next-update", "We will post again at 15:30 UTC.");
	ELEM("progress", false, "timeline", "We will post again at 15:30 UTC.");
	/* a safeguard phrased as a recurrence that cannot happen */
	ELEM("rca_update", true, "prevention", "We are building failover so that one site going dark cannot stop your bookings again.");
	ELEM("rca_update", false, "prevention", "We tried to call you again this morning.");
	EXPECT("tone.jargon", 0, "CPU reached 90% on every node.");
	/* found by the second held-out set */
	EXPECT("ownership.passive", 1, "The wrong price file was uploaded during maintenance.");
	ELEM("rca_update", true, "cause", "Here is what caused Saturday's outage: the lookup stopped answering.");
	ELEM("progress", true, "action", "The import was restarted by our team and is running again.");
	ELEM("progress", false, "timeline", "The import was restarted by our team at 06:10 UTC.");
	ELEM("progress", true, "timeline", "The import will be finished by 06:10 UTC.");
	ELEM("apology", true, "action", "Our engineers are looking into the problem.");
	ELEM("apology", true, "impact", "Our nightly job overwrote the addresses of 73 of your customers.");
	/* prevention said with a safeguard that catches */
	ELEM("rca_update", true, "prevention", "We are adding a canary stage so that a bad configuration is caught first.");
	/* a past time of today is not an ETA; an update promised with "will be" is an update */
	ELEM("progress", false, "timeline", "Our engineers are rebuilding the index, which started at 08:15 UTC.");
	ELEM("progress", false, "timeline", "The queue was at 12,000 jobs at 06:30 UTC.");
	ELEM("progress", true, "timeline", "We expect the rebuild to be complete by 18:00 UTC.");
	ELEM("progress", true, "next-update", "The next update will be at 15:00 UTC.");
	ELEM("delay", false, "next-update", "Millions of shoppers use our checkout every day, and we want this right.");
	ELEM("delay", true, "next-update", "We will update you daily at 10:00 until then.");
	ELEM("apology", true, "next-update", "You'll hear from me again Thursday at 9:00.");
	ELEM("plan", true, "next-update", "Expect the full plan from me by Friday noon UTC.");
	ELEM("plan", false, "timeline", "Expect the full plan from me by Friday noon UTC.");
	/* a timestamp in parentheses is not a phone number */
	ELEM("progress", false, "contact", "Timeline:\n(21.11.2026 14:32) first alert\n(21.11.2026 14:50) paused\n");
	ELEM("progress", true, "contact", "Call me on (030) 1234 5678.");
}

/* Issue 13, blind set 4: our actions told as a verb redone with "re-", a
 * present-tense verb after a team in the plural, "continues to work on",
 * and a second verb after "and are". */
static void test_action_blind4(void **state)
{
	(void)state;
	HAS("resolution", "action", "We re-ran the nightly export at 07:00.");
	HAS_NOT("resolution", "action", "We are sorry.\nRe: the nightly export\nThe export ran late.");
	HAS("plan", "action", "Our technicians replace the faulty routers this week.");
	HAS("progress", "action", "The network group continues to work on the packet loss.");
	HAS_NOT("progress", "action", "The old app continues to work as before.");
	HAS("progress", "action", "We found a bad index on the orders table and are rebuilding it.");
	HAS_NOT("progress", "action", "The vendor found a bad index and are rebuilding it.");
	/* "set out" presents a text; "set" as a verb of repair acts */
	HAS_NOT("resolution", "action", "As agreed, we set out below the terms of the new contract.");
	HAS("resolution", "action", "We set the timeout back to 30 seconds.");
}

/* A cause label set as a sentence of its own, and "cause:" introducing the
 * explanation inside a sentence; a link stated, also hedged. */
static void test_cause_blind4(void **state)
{
	(void)state;
	HAS("review", "cause", "Cause. Our nightly job wrote the rates of the wrong month.");
	HAS_NOT("review", "cause", "It had one cause. We fixed it on Monday.");
	HAS("review", "cause", "The three failures shared one cause: an expired key on the mail relay.");
	HAS_NOT("review", "cause", "We have not yet found the cause: the logs are still being read.");
	HAS("review", "cause", "The slowdown was probably related to the index rebuild on the reporting node.");
	HAS_NOT("review", "cause", "Questions related to your invoices go to our billing desk.");
}

/* Measures under a label ("Remediation:", "What changes:"), "get caught"
 * with a plural subject, and a negated recurrence that is only promised. */
static void test_prevention_blind4(void **state)
{
	(void)state;
	HAS("review", "prevention", "We fixed it. Remediation: a second approver for every firewall rule.");
	HAS("review", "prevention", "What changes:\nWhat changes: each release waits one hour on a single node first.");
	HAS_NOT("review", "prevention", "Tell us what changes: we will read them all.");
	HAS("review", "prevention", "We now lint the templates so broken ones get caught in review.");
	HAS_NOT("review", "prevention", "We will refund you and make sure it never happens again.");
	HAS_NOT("review", "prevention", "I promise you this will not happen again.");
	HAS("review", "prevention", "We added a size check to make sure an empty file can never reach you again.");
	/* lessons drawn from the incident, not the client's lessons */
	HAS("review", "prevention", "The lessons we took from it: a second approver for schema changes.");
	HAS_NOT("review", "prevention", "Your evening lessons were cancelled on Monday.");
}

/* A delay reason: not a restatement of the delay ("took longer than
 * planned"), nor "as we said"; a vague reason or a blame phrase made
 * specific after a colon or dash; a finding of our team. */
static void test_delay_reason_blind4(void **state)
{
	(void)state;
	HAS_NOT("delay", "delay-reason", "The upgrade took longer than we planned and now ends on Friday.");
	HAS_NOT("delay", "delay-reason", "The report will not arrive on Monday as we promised.");
	HAS("delay", "delay-reason", "The report moves to Friday, as we found gaps in the March data.");
	HAS_NOT("delay", "delay-reason", "Because of unforeseen circumstances the upload moves to Friday.");
	HAS("delay", "delay-reason", "It is pure bad luck - the freight company misrouted the pallet to Lyon.");
	HAS_NOT("delay", "delay-reason", "It is pure bad luck, and the delivery moves to Friday.");
	HAS("delay", "delay-reason", "Our billing team discovered a double count in the October export.");
	HAS_NOT("delay", "delay-reason", "Your billing team discovered the new export format.");
}

/* Late: what the client should have had from us already. */
static void test_late_ack_blind4(void **state)
{
	(void)state;
	struct rd_check_opts o = opts_("other");
	o.late = true;
	o.due_at = o.now - 3 * 86400;
	struct rd_check_result *r = run_opts("You should have received this report from me on Monday.", &o);
	assert_int_equal(count(r, "element.late-ack"), 0);
	rd_check_result_free(r);
	r = run_opts("The invoice should have had the new rate.", &o);
	assert_int_equal(count(r, "element.late-ack"), 1);
	rd_check_result_free(r);
}

/* Issue 13, blind set 4: a passive idiom denied by a negation in its
 * subject, also in the second conjunct, is no hidden actor. */
static void test_passive_idiom_denied(void **state)
{
	(void)state;
	EXPECT("ownership.passive", 0, "No invoices were deleted and no customer was double charged.");
	EXPECT("ownership.passive", 0, "No customer was charged twice.");
	EXPECT("ownership.passive", 1, "Some invoices were resent and one customer was double charged.");
}

/* Ownership by a predicate possessive; none from an admitting verb inside
 * a conditional apology. */
static void test_ownership_blind4(void **state)
{
	(void)state;
	HAS("correction", "ownership", "The decision to skip the test run was ours, and it was a bad one.");
	HAS_NOT("correction", "ownership", "The decision to skip the test run was made by the vendor.");
	HAS_NOT("correction", "ownership", "We are sorry if the restart of our mail relay caused you any trouble.");
	HAS("correction", "ownership", "We are sorry: the restart of our mail relay caused your bounced e-mails.");
}

/* Regret for the feelings of those it is addressed to is a non-apology,
 * and no genuine apology for apology.missing. */
static void test_non_apology_third_person(void **state)
{
	(void)state;
	EXPECT("apology.non-apology", 1, "We apologise to anyone who felt ignored by our support desk.");
	EXPECT("apology.non-apology", 0, "We apologise to everyone whose parcels arrived late.");
	struct rd_check_result *r = run("apology", "We are sorry to those who felt ignored by our support desk.");
	assert_int_equal(count(r, "apology.missing"), 1);
	rd_check_result_free(r);
}

/* A crowd apology with an adjective before the crowd, or for a bare word
 * of harm, is generic; a stock phrase followed by what the trouble was
 * with is not. */
static void test_generic_blind4(void **state)
{
	(void)state;
	EXPECT("apology.generic", 1, "Our apologies to all our loyal users for the outage.");
	EXPECT("apology.generic", 1, "We apologise to all customers for this inconvenience.");
	EXPECT("apology.generic", 0, "We apologise to all customers for the outage of the booking page.");
	EXPECT("apology.generic", 0, "Sorry for the trouble with the invoice export yesterday.");
	EXPECT("apology.generic", 1, "Sorry for the trouble with this.");
	EXPECT("apology.generic", 1, "Sorry for any trouble with the export.");
}

/* "any" as the apology's own object leaves the harm unnamed whatever
 * noun follows, listed as harm or not; its "… this may have caused" tail
 * is part of the stock phrase, not a hedge of its own; a condition
 * fronted before the apology leaves the object the apology's. */
static void test_generic_any_object(void **state)
{
	(void)state;
	EXPECT("apology.generic", 1, "Our apologies for any worry about the new timetable.");
	EXPECT("apology.generic", 1, "We regret any muddle over the pick-up times.");
	const char *text = "I apologise for any bother this might have caused your riders.";
	struct rd_check_result *r = run("other", text);
	span_is(find(r, "apology.generic"), text, "apologise for any bother this might have caused");
	assert_int_equal(count(r, "tone.hedging"), 0);
	rd_check_result_free(r);
	EXPECT("apology.generic", 1, "If your riders waited at the stop, we apologise for any hassle.");
	EXPECT("apology.conditional", 1, "If your riders waited at the stop, we apologise for any hassle.");
	/* not "any of …", not "any" further off, not a condition after the
	 * apology word */
	EXPECT("apology.generic", 0, "We apologise for any of the late buses on route 4.");
	EXPECT("apology.generic", 0, "We are sorry that the new system dropped any booking made after 17:00.");
	EXPECT("apology.generic", 0, "We apologise if any rider waited at the wrong stop.");
}

/* The feelings of the client's people in other shapes: a share made
 * larger by "so" or "too", a noun joined by and/or to an audience noun,
 * and what people "found" frustrating, confusing or stressful. */
static void test_non_apology_people_shapes(void **state)
{
	(void)state;
	EXPECT("apology.non-apology", 1, "We are sorry that so many of you were annoyed at the gate.");
	EXPECT("apology.non-apology", 1, "I'm sorry that too many of your riders felt rushed.");
	EXPECT("apology.non-apology", 1, "We are sorry that tenants and visitors felt ignored at the desk.");
	EXPECT("apology.non-apology", 1, "We regret that coaches or parents were unhappy with the draw.");
	EXPECT("apology.non-apology", 1, "I'm sorry you found the new booking form confusing.");
	EXPECT("apology.non-apology", 1, "We are sorry that several riders found the detour stressful.");
	/* what happened to them, not how they felt */
	EXPECT("apology.non-apology", 0, "We are sorry that parents and pupils waited outside in the rain.");
	EXPECT("apology.non-apology", 0, "We are sorry that some members found their lockers emptied.");
	EXPECT("apology.non-apology", 0, "We are sorry so many of your parcels arrived late.");
}

/* Initials the client's own people say things by are no jargon: scans,
 * lessons, kit and the bodies and channels of their trade. */
static void test_jargon_known_initials(void **state)
{
	(void)state;
	EXPECT("tone.jargon", 0, "Your knee MRI and the chest CT are now booked for Friday.");
	EXPECT("tone.jargon", 0, "The PE block and the AV room stay closed; the LED panels arrive Monday.");
	EXPECT("tone.jargon", 0, "We told UCAS, and two OTA channels now show the right rooms.");
	/* an engineering acronym is still one */
	EXPECT("tone.jargon", 1, "The VRRP setting did not change on Monday.");
}

/* A claim hedged twice in one clause is one finding spanning both hedges;
 * hedges in different clauses stay apart. */
static void test_hedging_twice_one_claim(void **state)
{
	(void)state;
	const char *text = "We think it was probably the new router.";
	struct rd_check_result *r = run("other", text);
	assert_int_equal(count(r, "tone.hedging"), 1);
	span_is(find(r, "tone.hedging"), text, "We think it was probably");
	rd_check_result_free(r);
	EXPECT("tone.hedging", 1, "It seems the scanner might have skipped a shelf.");
	EXPECT("tone.hedging", 2, "We think the disk filled up, and the spare probably failed as well.");
	EXPECT("tone.hedging", 2, "Perhaps the van was late. The driver possibly took the old road.");
}

/* A recurrence ruled out with "cannot" and "again" or "in (the) future"
 * is overreach, unless a purpose clause says what a safeguard is for; and
 * a guarantee with what it guarantees is one promise, one finding. */
static void test_overreach_cannot_recur_and_one_promise(void **state)
{
	(void)state;
	EXPECT("promise.overreach", 1, "We have made sure a mix-up like this cannot occur in the future.");
	EXPECT("promise.overreach", 1, "Now this can't recur again.");
	EXPECT("promise.overreach", 1, "With the new rota, your bins will never be missed in future.");
	EXPECT("promise.overreach", 0, "We added a second check so that this cannot happen again.");
	EXPECT("promise.overreach", 0, "The gate cannot happen to open early: it is locked until 08:00.");
	EXPECT("promise.overreach", 0, "Nobody can honestly say it cannot happen again.");
	const char *text = "I can guarantee that none of your boxes will ever go astray again.";
	struct rd_check_result *r = run("other", text);
	assert_int_equal(count(r, "promise.overreach"), 1);
	span_is(find(r, "promise.overreach"), text, "guarantee that none of your boxes will ever go astray again");
	rd_check_result_free(r);
}

/* "we value your <anything>" but what the client tells us is the stock
 * claim of care, as "we value our/every …" is; effort praised ("worked
 * tirelessly", "work diligently") stands in for what the effort did. */
static void test_corporate_value_and_effort(void **state)
{
	(void)state;
	EXPECT("tone.corporate", 1, "We value your confidence in our clinic.");
	EXPECT("tone.corporate", 1, "We value your years with the club.");
	EXPECT("tone.corporate", 1, "The crew worked tirelessly all weekend.");
	EXPECT("tone.corporate", 1, "Our staff are working diligently on the backlog.");
	/* what the client tells us, and the verb's other sense */
	EXPECT("tone.corporate", 0, "We value your feedback on the new timetable.");
	EXPECT("tone.corporate", 0, "We value your suggestions and will read each one.");
	EXPECT("tone.corporate", 0, "The crew worked through the night and finished at 06:00.");
}

/* "could" after "this", "that" or "it" forecasts the thing just told;
 * not denied, not a relative clause after a noun, not a purpose. */
static void test_hedging_this_could(void **state)
{
	(void)state;
	EXPECT("tone.hedging", 1, "The new date is 4 March, though this could shift.");
	EXPECT("tone.hedging", 1, "We aim for Friday, but that could slide by a day.");
	EXPECT("tone.hedging", 1, "It could take until the weekend.");
	EXPECT("tone.hedging", 0, "The van broke down, and it could not reach your depot.");
	EXPECT("tone.hedging", 0, "We rented a lorry that could carry the whole order.");
	EXPECT("tone.hedging", 0, "We moved the pallets so that it could load in one trip.");
}

/* In text wrapped at a fixed width, a lower-case "should" opening a line
 * goes on with the sentence before it: a forecast, not the condition
 * "Should you need …" that a line may open with. */
static void test_hedging_should_wrapped(void **state)
{
	(void)state;
	EXPECT("tone.hedging", 1, "We have replaced the pump, and the lift in block C\nshould be back in service by noon.");
	EXPECT("tone.hedging", 1, "The second batch of keys\nshould reach your office on Friday.");
	EXPECT("tone.hedging", 0, "Thanks for your patience so far.\nShould you need anything, call me on 0161 496 0000.");
	EXPECT("tone.hedging", 0, "Kind regards\nshould you need anything, ring me.");
}

/* The form letter's stock openings and closings: news announced in the
 * letter's voice, thanks for the custom, service promised in general, a
 * superlative priority and "reach out" in any form. */
static void test_corporate_form_letter(void **state)
{
	(void)state;
	EXPECT("tone.corporate", 1, "We are pleased to advise that your locker is ready.");
	EXPECT("tone.corporate", 1, "Thanks for choosing Harbour Lockers.");
	/* off the list in session 16: marked in 1 of 5 uses, as "wanted to
	 * reach out" and "please reach out" */
	EXPECT("tone.corporate", 0, "We look forward to serving you next season.");
	EXPECT("tone.corporate", 0, "Please reach out to Sam on 0161 496 0000 with any questions.");
	EXPECT("tone.corporate", 1, "Getting your keys back is our top priority.");
	/* off in session 16 (1 of 5 uses marked); back in session 26, when
	 * the blind sets marked it in 17 of 21 messages */
	EXPECT("tone.corporate", 1, "I wanted to reach out about your locker.");
	/* the plain forms */
	EXPECT("tone.corporate", 0, "I'm pleased to tell you that your locker is ready.");
	EXPECT("tone.corporate", 0, "Your keys are our priority this week.");
	EXPECT("tone.corporate", 0, "Choosing that supplier was our call.");
}

/* "upstream" that places a third party keeps its plain sense with a word
 * saying what the party does between them. */
static void test_jargon_upstream_party(void **state)
{
	(void)state;
	EXPECT("tone.jargon", 0, "An upstream parts carrier confirmed the new date.");
	EXPECT("tone.jargon", 0, "Our upstream fabric supplier shipped late.");
	EXPECT("tone.jargon", 1, "We saw upstream timeouts from 09:10.");
}

/* A message's own kind set as its tag, in capitals, is a status tag, as
 * UPDATE is, not an unknown acronym. */
static void test_jargon_kind_as_tag(void **state)
{
	(void)state;
	EXPECT("tone.jargon", 0, "PLAN - the Didcot depot's lifts\n\nWe will replace both lifts by Friday.");
	EXPECT("tone.jargon", 0, "REVIEW: lift outage at the Didcot depot");
	EXPECT("tone.jargon", 1, "The PSU in lift 2 failed on Monday.");
}

/* "<harm> was <minimiser>" also of the fault that did the harm and with a
 * reflexive between; "limited to …" names a scope, not a size. */
static void test_minimizing_fault_itself(void **state)
{
	(void)state;
	EXPECT("tone.minimizing", 1, "The mistake itself was small, but it cost you a morning.");
	EXPECT("tone.minimizing", 1, "The outage itself was brief, but your tills were down.");
	EXPECT("tone.minimizing", 0, "The fault itself was never minor.");
	EXPECT("tone.minimizing", 0, "The van itself was small.");
	EXPECT("tone.minimizing", 0, "The outage was limited to the north depot.");
}

/* The databases, caches and queues of our stack by their product names
 * are jargon, as Kafka and Elasticsearch are. */
static void test_jargon_stack_products(void **state)
{
	(void)state;
	EXPECT("tone.jargon", 1, "The import stopped after a Postgres restart on Friday.");
	EXPECT("tone.jargon", 1, "Our Redis node ran out of memory.");
	EXPECT("tone.jargon", 0, "The import stopped after a restart on Friday.");
}

/* Permanence and perfection promised: a fix "for good", success "every
 * single time", a product that "will be perfect". */
static void test_overreach_for_good(void **state)
{
	(void)state;
	EXPECT("promise.overreach", 1, "The leak under your sink is sorted for good.");
	EXPECT("promise.overreach", 1, "Your invoices will reach you on time every single time.");
	EXPECT("promise.overreach", 1, "From Monday every cake we bake for you will be perfect.");
	EXPECT("promise.overreach", 0, "No invoice is gone for good: we hold copies of all of them.");
	EXPECT("promise.overreach", 0, "The leak under your sink is sorted, and we will check it on Friday.");
}

/* "difficulties" is a word of harm, as "problems" is: a minimiser
 * before it, or a vague count in its sentence, makes the harm small. */
static void test_minimizing_difficulties(void **state)
{
	(void)state;
	EXPECT("tone.minimizing", 1, "Some riders had minor difficulties paying at the gate.");
	EXPECT("tone.minimizing", 1, "A small number of riders had difficulties paying at the gate.");
	EXPECT("tone.minimizing", 0, "Riders had difficulties paying at the gate for three hours.");
}

/* Things missing from the client's order are harm, as things lost are:
 * a vague small count of them makes the harm small. */
static void test_minimizing_missing(void **state)
{
	(void)state;
	EXPECT("tone.minimizing", 1, "Only a couple of the chairs were missing from the van.");
	EXPECT("tone.minimizing", 1, "Just two plates were missing.");
	EXPECT("tone.minimizing", 0, "Twelve chairs were missing from the van.");
}

/* "only/just" before a verb of how far the harm reached and a count
 * sizes the harm with no harm word in the sentence. */
static void test_minimizing_only_affects(void **state)
{
	(void)state;
	EXPECT("tone.minimizing", 1, "It only affects two weekends of the season.");
	EXPECT("tone.minimizing", 1, "The change just hit three of your shops.");
	EXPECT("tone.minimizing", 0, "The new rota only adds two shifts.");
	EXPECT("tone.minimizing", 0, "The change affects two weekends of the season.");
}

/* A burden softened by degree: "slightly" or "a little/a bit" before a
 * comparative of a burden, or "a bit/a little" after a linking verb;
 * not another comparative, and not "bit" as a noun. */
static void test_minimizing_softened(void **state)
{
	(void)state;
	EXPECT("tone.minimizing", 1, "It meant a slightly longer drive for your crews.");
	EXPECT("tone.minimizing", 1, "The fix will land a little later than planned.");
	EXPECT("tone.minimizing", 1, "I know the morning got a bit chaotic.");
	EXPECT("tone.minimizing", 1, "There was a bit of downtime on Monday.");
	EXPECT("tone.minimizing", 0, "The new note is a little higher than the old one.");
	EXPECT("tone.minimizing", 0, "The drill bit wore down on the second wall.");
	EXPECT("tone.minimizing", 0, "We need a bit more time with the plans.");
}

/* "maybe" and "likely" hedge like "perhaps" and "most likely"; not in a
 * question. "valued customers" is the plural of a listed stock phrase. */
static void test_hedging_corporate_blind4(void **state)
{
	(void)state;
	EXPECT("tone.hedging", 1, "Maybe the export finishes tonight.");
	EXPECT("tone.hedging", 1, "The errors were likely triggered by the new parser.");
	EXPECT("tone.hedging", 0, "Maybe you could send us the file again?");
	EXPECT("tone.corporate", 1, "We thank our valued clients for their loyalty.");
	EXPECT("tone.corporate", 0, "We thank our clients for their loyalty.");
}

/* Database and queue internals and developer tooling are jargon; common
 * file-transfer and mail protocols are not. */
static void test_jargon_blind4(void **state)
{
	(void)state;
	EXPECT("tone.jargon", 1, "The standby fell behind because a replication slot was full.");
	EXPECT("tone.jargon", 1, "A stuck queue consumer held back your invoices.");
	EXPECT("tone.jargon", 1, "Our linter now rejects such rules.");
	EXPECT("tone.jargon", 0, "Your nightly SFTP upload and the SMTP relay work again.");
	EXPECT("tone.jargon", 1, "Your nightly SFTP upload and the XQR relay work again.");
}

/* A next message promised by its medium: "message you", "we will post". */
static void test_next_update_blind4(void **state)
{
	(void)state;
	HAS("progress", "next-update", "I will message you on Thursday at 09:00 with the totals.");
	HAS("progress", "next-update", "We will post the full review here by Friday 17:00 UTC.");
	HAS_NOT("progress", "next-update", "Your message reached us on Thursday at 09:00.");
}

/* A minimiser on the period or the share of what failed, in a sentence
 * about harm (error statuses in the plural are errors). */
static void test_minimizing_blind4(void **state)
{
	(void)state;
	EXPECT("tone.minimizing", 1, "For a brief period yesterday the upload page returned 503s.");
	EXPECT("tone.minimizing", 1, "A small subset of logins returned 500s.");
	EXPECT("tone.minimizing", 0, "For a brief period tonight we will run both systems side by side.");
	EXPECT("tone.minimizing", 0, "A small subset of your team will get the new menu first.");
}

/* Blame on a party the cause phrase introduces further on, on a vendor's
 * regression, and on the client's people as the agent. */
static void test_blame_blind4(void **state)
{
	(void)state;
	EXPECT("ownership.blame-shift", 1, "The slowdown was caused by a glitch at our payments partner, Paylink.");
	EXPECT("ownership.blame-shift", 0, "The outage caused long queues at the checkout of our payments partner.");
	EXPECT("ownership.blame-shift", 1, "A regression in our hosting provider's new image stopped the nodes.");
	EXPECT("ownership.blame-shift", 1, "The lockout was triggered by the bulk import your staff ran on Sunday.");
	EXPECT("ownership.blame-shift", 0, "The lockout caused problems for your staff on Sunday.");
	EXPECT("ownership.blame-shift", 0, "Your team reported the error at 09:00.");
	EXPECT("ownership.blame-shift", 0, "Our outage stopped your staff from shipping orders.");
	EXPECT("ownership.blame-shift", 1, "The lockout was traced to a script your staff wrote.");
	EXPECT("ownership.blame-shift", 0,
	       "The lockout was triggered by the bulk import your staff ran, but the limit was our mistake.");
}

/* A delay suffered is impact; "without delay" is none. */
static void test_impact_delay(void **state)
{
	(void)state;
	HAS("apology", "impact", "This morning customers received their order confirmations with a long delay.");
	HAS_NOT("apology", "impact", "We will answer customers without delay.");
}

/* Predicting that the client will not notice the failure minimises it;
 * asking whether they did, or saying we did not, does not. */
static void test_minimizing_unnoticed(void **state)
{
	(void)state;
	EXPECT("tone.minimizing", 1, "Most users will probably not even notice the slower search.");
	EXPECT("tone.minimizing", 1, "The extra latency is hardly noticeable.");
	EXPECT("tone.minimizing", 0, "If you did not notice anything unusual, there is nothing to do.");
	EXPECT("tone.minimizing", 0, "We did not notice the failed job until Monday.");
}

/* Asserts that TEXT of KIND gets N findings of RULE. */
#define EXPECT_KIND(kind, rule, n, text)                                   \
	do {                                                               \
		struct rd_check_result *r_ = run(kind, text);              \
		if (count(r_, rule) != (size_t)(n)) {                      \
			rd_check_result_print(stderr, "case", text, strlen(text), r_); \
			fail_msg("%s: expected %d x %s, got %zu", text, (int)(n), rule, count(r_, rule)); \
		}                                                          \
		rd_check_result_free(r_);                                  \
	} while (0)

/* Session 26, holdout20-241: work of ours done through someone else,
 * told by what is done to the thing ("we're having the generator
 * serviced", "we've had the stove checked"), is the action; a negated one
 * or one that tells a mistake is not. */
static void test_action_had_it_done_s26(void **state)
{
	(void)state;
	EXPECT_KIND("apology", "element.action", 0, "Sorry about Saturday. We're having the generator serviced this week.");
	EXPECT_KIND("apology", "element.action", 0, "Sorry about Saturday. We've also had the whole building checked.");
	EXPECT_KIND("progress", "element.action", 0, "We should have the cars in the queue cleared by noon.");
	EXPECT_KIND("apology", "element.action", 1, "Sorry about Saturday. We had not had the panel inspected.");
	EXPECT_KIND("apology", "element.action", 1, "Sorry about Saturday. We had the wrong date saved.");
}

/* Session 27, holdout20-296: the client's people left without what they
 * needed ("which left your reception team without paper", "so you opened
 * without the stock you had advertised") is the impact; "without charge"
 * or "without any problem" is not. */
static void test_impact_went_without_s27(void **state)
{
	(void)state;
	EXPECT_KIND("apology", "element.impact", 0,
		    "I'm sorry. The order arrived late, which left your reception team without paper for the client packs.");
	EXPECT_KIND("apology", "element.impact", 0,
		    "I'm sorry. We sent it to our old address, so you opened on Saturday without the stock you had "
		    "advertised.");
	EXPECT_KIND("apology", "element.impact", 0, "I'm sorry. We understand you have been without hot water since Saturday.");
	EXPECT_KIND("apology", "element.impact", 1, "I'm sorry. You can cancel the booking without charge.");
	EXPECT_KIND("apology", "element.impact", 1, "I'm sorry. You signed the form without any trouble.");
}

/* Session 27, holdout20-291: a standing rule that nothing goes on until or
 * without a check ("no knife is dispatched until …", "nobody uses a
 * stripper … without my sign-off") is the prevention; what happened
 * ("crews received no tasks until we restarted it", "nobody phoned us
 * until 7:50") and what should have been are not. */
static void test_prevention_none_unless_s27(void **state)
{
	(void)state;
	static const char lead[] = "We are sorry. The cause was a faulty valve. ";
	char buf[512];
	snprintf(buf, sizeof buf, "%sFrom this season, no field is cut until one of us has walked it.", lead);
	EXPECT_KIND("rca_update", "element.prevention", 0, buf);
	snprintf(buf, sizeof buf, "%sNobody uses a chemical stripper on a marked area without my sign-off.", lead);
	EXPECT_KIND("rca_update", "element.prevention", 0, buf);
	snprintf(buf, sizeof buf, "%sNo panel now goes back into any window until a second person has checked it.", lead);
	EXPECT_KIND("rca_update", "element.prevention", 0, buf);
	snprintf(buf, sizeof buf, "%sThe crews received no tasks until we restarted the server.", lead);
	EXPECT_KIND("rca_update", "element.prevention", 1, buf);
	snprintf(buf, sizeof buf, "%sNobody phoned us until 7:50.", lead);
	EXPECT_KIND("rca_update", "element.prevention", 1, buf);
	snprintf(buf, sizeof buf, "%sNo crew should have been on the water without cover.", lead);
	EXPECT_KIND("rca_update", "element.prevention", 1, buf);
}

/* Session 27, holdout20-282: a delay's reason told with "owing to" (a
 * vague one is still none), "waiting on" or "slow to"; a cause told with
 * "is down to", "been the result of", "linked to" or "that is what". */
static void test_reason_cause_cues_s27(void **state)
{
	(void)state;
	EXPECT_KIND("delay", "element.delay-reason", 0,
		    "The classes cannot go ahead on Saturday owing to the judge's illness. The new date is Saturday 19 "
		    "December.");
	EXPECT_KIND("delay", "element.delay-reason", 1,
		    "The classes cannot go ahead on Saturday owing to circumstances beyond our control. The new date is "
		    "Saturday 19 December.");
	EXPECT_KIND("delay", "element.delay-reason", 0,
		    "Your order will now ship on Friday 18 December. Our engineer is still waiting on a part.");
	EXPECT_KIND("delay", "element.delay-reason", 0,
		    "Your recordings will now be back on Monday 21 December. Our storage vendor has been slow to restore "
		    "them.");
	EXPECT_KIND("rca_update", "element.cause", 0, "The patchy finish is down to the batch of paint we used.");
	EXPECT_KIND("rca_update", "element.cause", 0,
		    "The failure appears to have been the result of ground movement after heavy rain.");
	EXPECT_KIND("rca_update", "element.cause", 0, "The faults are thought to be linked to a cable failure.");
	EXPECT_KIND("rca_update", "element.cause", 0,
		    "We found the arm bent out of line, and that is what scratched your records.");
	/* the list's older entries around the one taken out again: b33474e
	 * had broken "was a result of" and "were a result of" into one line */
	EXPECT_KIND("rca_update", "element.cause", 0, "The outage was a result of a power cut at our depot.");
	EXPECT_KIND("rca_update", "element.cause", 0, "The errors were a result of a faulty import at our end.");
}

/* Session 27, holdout20-276: a change "pushed" somewhere is marked with or
 * without a sign of fault (21 of 24), and so are a session "shortened",
 * a part "knocked", a night "abandoned"; a wrong thing "shown" is a
 * mistake as a wrong thing "sent" is. An agent, or a right thing shown,
 * is not flagged. */
static void test_passive_pushed_shortened_shown_s27(void **state)
{
	(void)state;
	EXPECT("ownership.passive", 1, "A config change was pushed to the booking engine on Monday.");
	EXPECT("ownership.passive", 1, "Eleven students arrived late and their interviews were shortened.");
	EXPECT("ownership.passive", 1, "We believe the thermostat dial was knocked during loading.");
	EXPECT("ownership.passive", 1, "At Leeds and Bradford, two league nights were abandoned.");
	EXPECT("ownership.passive", 1, "An incorrect amount was shown on your electricity bill.");
	EXPECT("ownership.passive", 0, "Your new invoice was shown on the portal.");
	EXPECT("ownership.passive", 0, "The session was shortened by the referee.");
}

/* Session 27, holdout20-269: "slightly" after a verb of slipping or
 * "back" makes a delay small (7 of 7 marked), and "slightly off" or "out
 * of" the mark a fault (4 of 5); "may move slightly" (unmarked) stays.
 * "DJ" is an acronym every client knows (0 of 6 marked). */
static void test_slightly_delay_dj_s27(void **state)
{
	(void)state;
	EXPECT("tone.minimizing", 1, "The build-up schedule has been pushed back slightly.");
	EXPECT("tone.minimizing", 1, "The completion date for your damp-proofing has slipped slightly.");
	EXPECT("tone.minimizing", 1, "The locking pin was set slightly out of alignment when the bar was fitted.");
	EXPECT("tone.minimizing", 1, "It appears the dye batch was slightly off spec.");
	EXPECT("tone.minimizing", 0, "The new target date is Monday 14 December, though this may move slightly.");
	EXPECT("tone.jargon", 0, "Our DJ arrived an hour late to your party.");
}

/* Session 27, holdout20-261: a date "put back" to or from a day is moved
 * as "pushed back" is (9 of 11 uses marked); a thing put back in its place
 * is not. */
static void test_passive_put_back_date_s27(void **state)
{
	(void)state;
	EXPECT("ownership.passive", 1, "The caravan you booked has been put back to 12 December.");
	EXPECT("ownership.passive", 1, "The relining has been put back from Wednesday 25 November to 2 December.");
	EXPECT("ownership.passive", 0, "The cabinet was put back on the wall on Monday.");
	EXPECT("ownership.passive", 0, "The setting has been put back to its default.");
}

/* Session 29, holdout20-323: a second denial in the sentence spares the
 * omission only when it denies a harm ("…, it was not affected", "no data
 * was lost"); what the omission cost ("so nobody came", "had no idea")
 * does not. */
static void test_passive_omission_cost_s29(void **state)
{
	(void)state;
	EXPECT("ownership.passive", 1, "The cover instructor was not informed, so nobody came to your sessions.");
	EXPECT("ownership.passive", 1,
	       "The party bookings weren't carried across, so the duty manager had no idea you were coming.");
	EXPECT("ownership.passive", 1,
	       "The lift was not checked before the vehicle left, which meant one pupil could not travel.");
	EXPECT("ownership.passive", 0, "Because your account was not migrated, it was not affected.");
	EXPECT("ownership.passive", 0, "The old export was not migrated, and no data was lost.");
	EXPECT("ownership.passive", 0, "Your site was not moved, so nothing changed for you.");
}

/* Session 29, holdout20-323: "damaged" after a form of be is harm done
 * by someone unnamed, unless what did it is named after "by" or the
 * damage is denied. */
static void test_passive_damaged_s29(void **state)
{
	(void)state;
	EXPECT("ownership.passive", 1,
	       "During the removal of your old bath, a water pipe was damaged and water leaked into your living room.");
	EXPECT("ownership.passive", 1, "Two of the marionettes were damaged beyond repair.");
	EXPECT("ownership.passive", 0, "We think the old lock was damaged by damp.");
	EXPECT("ownership.passive", 0, "None of your albums were damaged.");
	EXPECT("ownership.passive", 0, "The crate was damaged by the courier at their hub.");
}

/* Session 29, holdout20-323: two things "swapped" by mistake is harm
 * whose doer is hidden; a part swapped out, or a repair told done ("has
 * now been swapped"), is not. */
static void test_passive_swapped_s29(void **state)
{
	(void)state;
	EXPECT("ownership.passive", 1, "The shelf labels were swapped during the re-slotting of aisle F.");
	EXPECT("ownership.passive", 1, "The name tags appear to have been swapped during processing.");
	EXPECT("ownership.passive", 0, "The hydraulic power pack was swapped out on Friday.");
	EXPECT("ownership.passive", 0, "The isolator has now been swapped and the loop is reading healthy.");
	EXPECT("ownership.passive", 0, "The detector was swapped for a heat detector on 2 October.");
}

/* Session 29, holdout20-323: what was the client's given "to another"
 * client, guest or booking is a mistake whatever the verb; a date moved
 * "to another day", or one of ours moved on, is not. */
static void test_passive_to_another_s29(void **state)
{
	(void)state;
	EXPECT("ownership.passive", 1, "By the time you arrived your stylist had been allocated to another client.");
	EXPECT("ownership.passive", 1, "The map was sold to another buyer on 17 November while your reservation was open.");
	EXPECT("ownership.passive", 1, "The room had been given to another meeting.");
	EXPECT("ownership.passive", 0, "Our technician was moved to another site for the week.");
	EXPECT("ownership.passive", 0, "The inspection could not have been moved to another day.");
}

/* Session 29, holdout20-323: a thing or a person "left" off, out, in
 * place, waiting, with a fault, behind or half done is a state nobody
 * should leave them in, its doer hidden; left clean is not. */
static void test_passive_left_state_s29(void **state)
{
	(void)state;
	EXPECT("ownership.passive", 1, "The slat pack was left off the van on Friday.");
	EXPECT("ownership.passive", 1, "The barriers were left in place until 11:30am.");
	EXPECT("ownership.passive", 1, "Some guests were left waiting for food.");
	EXPECT("ownership.passive", 1, "A junction box was left with a loose neutral after the rewire.");
	EXPECT("ownership.passive", 0, "The site has been left clean and tidy.");
	EXPECT("ownership.passive", 0, "No bags were left behind.");
}

/* Session 29, holdout20-323: "down to" a party after a form of be —
 * a name, "them", "their" and its noun, the client's "your", or "the" and
 * a body or a vendor — puts the fault on someone else; "down to us", a
 * count or a thing that failed does not. */
static void test_blame_down_to_party_s29(void **state)
{
	(void)state;
	EXPECT("ownership.blame-shift", 1, "The delay is entirely down to the council, who have not issued the permit.");
	EXPECT("ownership.blame-shift", 1, "This was entirely down to AWS and not something we could have prevented.");
	EXPECT("ownership.blame-shift", 1, "The hold-up is down to them rather than us.");
	EXPECT("ownership.blame-shift", 1, "The move is down to your team sending the customer file two weeks late.");
	EXPECT("ownership.blame-shift", 0, "The backlog is down to 22 cases.");
	EXPECT("ownership.blame-shift", 0, "We think the cutting out is down to the thermostat.");
	EXPECT("ownership.blame-shift", 0, "That is down to us, and I am sorry.");
	EXPECT("ownership.blame-shift", 0, "If you are down to your last few days of feed, ring the feed desk.");
}

/* Session 29, holdout20-323: trade words writers marked in every use,
 * in three or more sets. */
static void test_jargon_trade_words_s29(void **state)
{
	(void)state;
	EXPECT("tone.jargon", 1, "The cameras lost power because the PoE switch in the plant room failed.");
	EXPECT("tone.jargon", 1, "We have shortened the photoperiod in bay 2.");
	EXPECT("tone.jargon", 1, "The lehr ran cold overnight, so the vases cracked.");
	EXPECT("tone.jargon", 1, "The bullwheel bearing has been replaced.");
}

/* Session 30, holdout20-341: pounds after a number, stock "recycled", a
 * "VIP" guest and an "XL" size are plain words, not our jargon; a load
 * balancer stays jargon. */
static void test_jargon_plain_words_s30(void **state)
{
	(void)state;
	EXPECT("tone.jargon", 0, "Your 200 lb hard-shell delivery will not make it on Tuesday.");
	EXPECT("tone.jargon", 0, "Your order was for 5 lb 4 oz quoits.");
	EXPECT("tone.jargon", 1, "The LB health checks failed after the change.");
	EXPECT("tone.jargon", 1, "We restarted the lb at noon.");
	EXPECT("tone.jargon", 0, "We reprinted the menus and recycled the first run.");
	EXPECT("tone.jargon", 0, "The shirts are out of stock in L and XL until Thursday.");
	EXPECT("tone.jargon", 0, "The works arrived after the VIP preview.");
	/* holdout20-349: what a client buys or pays by its initials */
	EXPECT("tone.jargon", 0, "The liquid was 40% ABV, but the labels said 37.5%.");
	EXPECT("tone.jargon", 0, "The new panel has to be cut and welded from fresh PVC.");
	EXPECT("tone.jargon", 0, "We have prepared revised PAYE figures for each of the 14.");
	EXPECT("tone.jargon", 0, "We reversed the change at 14:20 PT on Friday.");
}

/* Session 30, holdout20-341: a quality system's records by their
 * initials are jargon with a number after them too, where the acronym
 * check takes capitals and a number for a reference; an order's
 * reference stays none. */
static void test_jargon_quality_records_s30(void **state)
{
	(void)state;
	EXPECT("tone.jargon", 1, "NCR-0412 has been raised and assigned to the site team.");
	EXPECT("tone.jargon", 1, "The axe should have been inspected under SOP-7.");
	EXPECT("tone.jargon", 1, "CAPA 26-09 is closed.");
	EXPECT("tone.jargon", 0, "Order WH-2291 left our warehouse on Friday.");
	EXPECT("tone.jargon", 0, "Corrective and preventive actions (CAPA) are listed below.");
}

/* Session 30, holdout20-341: "only a handful" counting nothing named
 * after it makes the harm few. */
static void test_minimizing_only_a_handful_s30(void **state)
{
	(void)state;
	EXPECT("tone.minimizing", 1, "I'm sorry about the plates. It's only a handful out of the 240, though.");
	EXPECT("tone.minimizing", 1, "Only a handful came back with loose handles.");
	EXPECT("tone.minimizing", 1, "That leaves just a handful we can't match.");
	EXPECT("tone.minimizing", 0, "We have just a handful of staff on the desk today.");
}

/* Session 30, holdout20-341: the fault laid by "be" on a party named
 * with "the" and denied of us, or given to a party in the possessive,
 * and "let us both down", blame whoever the party is. */
static void test_blame_laid_on_other_s30(void **state)
{
	(void)state;
	EXPECT("ownership.blame-shift", 1, "We had to reorder the eyes - that's on the courier, not us.");
	EXPECT("ownership.blame-shift", 1, "This one is on the utility, not us.");
	EXPECT("ownership.blame-shift", 1, "Our contractor double-booked us, so that's really on them not us.");
	EXPECT("ownership.blame-shift", 1, "The hold-up was the landowner's fault: he had locked the gate.");
	EXPECT("ownership.blame-shift", 1, "Part of the hold-up is the timber merchant's fault, not ours.");
	EXPECT("ownership.blame-shift", 1, "NZ Post let us both down here.");
	EXPECT("ownership.blame-shift", 0, "That was our software's fault, not anything you did.");
	EXPECT("ownership.blame-shift", 0, "The beam's fault signal locked the gates.");
	EXPECT("ownership.blame-shift", 0, "We worked on the fence, not the gate.");
}

/* Session 30, holdout20-341: what went wrong told after "we believe",
 * "we think" or "I suspect" is a cause, however unsure; a present state,
 * a plan, a denial or a question is none. */
static void test_cause_believe_told_s30(void **state)
{
	(void)state;
	HAS("rca_update", "cause", "We believe the controller's screen had frozen after the 22:00 shift handover.");
	HAS("rca_update", "cause", "We think the two calendars may have stopped syncing when we changed software.");
	HAS("rca_update", "cause", "We believe the seal may have been damaged during filling.");
	HAS("rca_update", "cause", "We recovered two, and we believe the third was caught by your caretaker.");
	HAS_NOT("rca_update", "cause", "We don't think the seal was damaged.");
	HAS_NOT("rca_update", "cause", "We think this could be completed by Friday.");
	HAS_NOT("rca_update", "cause", "We believe this removes the chance of it happening again.");
	HAS_NOT("rca_update", "cause", "Do we think the seal was damaged?");
}

/* Session 30, holdout20-349: work of ours told with an irregular verb
 * in the simple past or after have is the action; a mistake made is
 * none. */
static void test_action_irregular_work_s30(void **state)
{
	(void)state;
	HAS("progress", "action", "We laid the turf on plots 1 and 2 on Friday.");
	HAS("progress", "action", "We've dug in new drainage behind the wall.");
	HAS("progress", "action", "We made the full 650 lb on Saturday.");
	HAS_NOT("progress", "action", "We made a mistake with your order.");
}

/* Session 30, holdout20-349: the delay put on someone else is its
 * reason, however poor, when it names who failed; fate names no one. */
static void test_delay_reason_blamed_s30(void **state)
{
	(void)state;
	HAS("delay", "delay-reason",
	    "The 40 hives won't arrive Tuesday. Our truck contractor double-booked us, so that's really on them "
	    "not us. New drop is Thursday 26th.");
	HAS_NOT("delay", "delay-reason", "Your order will now arrive on Friday, due to circumstances beyond our control.");
}

/* Session 31, holdout20-349: one of ours by role and name set off by
 * commas, with work done or going on, is the action; so is work told as
 * finished with "and" going on. Someone else's person, or a state under
 * "once" or told of harm, is not. */
static void test_action_named_role_s31(void **state)
{
	(void)state;
	HAS("progress", "action", "The motor arrived on Friday and our technician, Rui, has fitted it.");
	HAS("progress", "action", "Our conservator, Hannah Vos, is assessing both slides.");
	HAS_NOT("progress", "action", "Your technician, Rui, has fitted the new motor.");
	HAS("progress", "action", "All 40 flats at Carrick Court are done and signed off.");
	HAS("progress", "action", "Fuel recovery is 80% complete and the rest is in the aft tank.");
	HAS_NOT("progress", "action", "Once the survey is done and signed off we will let you know.");
	HAS_NOT("progress", "action", "The damage is done and there is no way to undo it.");
	HAS_NOT("review", "action", "The storage migration has since been completed and the storage platform is stable.");
}

/* Session 31, holdout20-357: capitals inside a reference code of parts
 * joined by slashes with a digit in it name a record; a pair of
 * acronyms joined by a slash is still jargon. Couriers by their initials
 * and an RSVP are known to everyone; UPS only where the sentence sends
 * something, since it is also a power supply. */
static void test_jargon_codes_couriers_s31(void **state)
{
	(void)state;
	EXPECT("tone.jargon", 0, "Please quote our ref CW/INV/0412 when you reply.");
	EXPECT("tone.jargon", 2, "The advice came from the PHE/UKHSA guidance.");
	EXPECT("tone.jargon", 0, "Your parcel left with UPS this morning, tracking 1Z 84W 221.");
	EXPECT("tone.jargon", 0, "It's on its way to you in Tucson by UPS, arriving Wednesday.");
	EXPECT("tone.jargon", 1, "The door lock runs on a dedicated UPS in the plant room.");
	EXPECT("tone.jargon", 0, "Your order shipped with DHL today. Please RSVP by Friday.");
}

/* Session 31, holdout20-357: a passive whose act gave the wrong thing or
 * was done the wrong way ("the" and a fault marker right after the
 * verb; upside down, back to front, inside out, off-centre) tells a
 * mistake; the wrong thing mended does not. */
static void test_passive_done_wrong_way_s31(void **state)
{
	(void)state;
	EXPECT("ownership.passive", 1, "The springs in 14 umbrellas were fitted the wrong way round.");
	EXPECT("ownership.passive", 1, "Crew were issued the wrong sizes on the first day.");
	EXPECT("ownership.passive", 1, "The hinges were fitted upside down at the original install.");
	EXPECT("ownership.passive", 1, "The names on the cover were stamped off-centre.");
	EXPECT("ownership.passive", 0, "The wrong sizes were replaced the next day.");
	EXPECT("ownership.passive", 0, "We fitted the hinges upside down, and we are sorry.");
	EXPECT("ownership.passive", 0,
	       "Our payroll export wrote last month's figures into your file, and 40 of your employees were paid the "
	       "wrong amounts.");
}

/* Session 31, holdout20-357: the writer's own contrast that takes the
 * fault off us (", not us/ours", "rather than ours", "rather than
 * anything on our side") after words that place it is a blame; the
 * same words for a place, a burden or an act are not. */
static void test_blame_disowned_s31(void **state)
{
	(void)state;
	EXPECT("ownership.blame-shift", 1, "The cut was their failure, not ours, and we have raised it with them.");
	EXPECT("ownership.blame-shift", 1, "So the hold-up is at your end rather than ours.");
	EXPECT("ownership.blame-shift", 1, "This was a third-party integration problem rather than anything on our side.");
	EXPECT("ownership.blame-shift", 0, "We'll fit them at your depot rather than ours, so your drivers stay.");
	EXPECT("ownership.blame-shift", 0, "You had to tell us, rather than us telling you.");
	EXPECT("ownership.blame-shift", 0, "I know that landed on your staff and your members, not on us.");
}

/* Session 31, holdout20-357: the failure's consequence for the client,
 * told with "which meant", "it means" or "that left you", is the
 * impact; "meant" alone is not. */
static void test_impact_consequence_s31(void **state)
{
	(void)state;
	HAS("apology", "impact", "I'm sorry. Our crew arrived late, which meant your guests waited an hour for the dancing.");
	HAS("apology", "impact", "I'm sorry, I posted them late. That left you guiding the first two days on borrowed flies.");
	HAS_NOT("apology", "impact", "I'm sorry, I meant to call you yesterday about the order.");
}

/* Session 31, holdout20-357: "today" or "this week" told as when work
 * goes on ("we're packing the orders today", "Status as of today") is no
 * time for the fix; told with the work's end ("we'll have the fix live
 * today") or to come ("will be fitted this week") it is. */
static void test_timeline_work_now_s31(void **state)
{
	(void)state;
	HAS_NOT("progress", "timeline", "Our team is packing the remaining orders today. Next update Friday at 10am.");
	HAS_NOT("progress", "timeline", "The new surface is being laid this week. Next update Friday at 10am.");
	HAS_NOT("progress", "timeline", "Status as of today: 9 of 14 reports done. Next update Friday at 10am.");
	HAS("progress", "timeline", "We'll have the fix live today. Next update Friday at 10am.");
	HAS("progress", "timeline", "The replacement will be fitted this week. Next update Friday at 10am.");
}

/* Session 31, holdout20-357: "minor" and "slight" judge whatever they
 * describe small, before a noun or after "be"; "slightly" with a
 * comparative describes, and a key is no judgement. */
static void test_minimizing_minor_slight_s31(void **state)
{
	(void)state;
	EXPECT("tone.minimizing", 1, "The ovens in Kitchen 2 had a minor fault during the class.");
	EXPECT("tone.minimizing", 1, "There's some slight weeping on the hall radiator's valve.");
	EXPECT("tone.minimizing", 1, "The fading is slight and mostly visible in daylight.");
	EXPECT("tone.minimizing", 0, "The new caps are slightly taller than the old ones.");
	EXPECT("tone.minimizing", 0, "The piece is in B minor and runs six minutes.");
}

/* Session 31: a minimising phrase of several words is reported whole
 * ("the vast majority", "Not ideal"), not by its first word, which the
 * text output echoed alone ("the" as a minimiser); a setback called
 * small is one. */
static void test_minimizing_phrase_span_s31(void **state)
{
	(void)state;
	expect_span("tone.minimizing", "We reopened at noon, and the vast majority of your visitors got in.",
		    "the vast majority");
	expect_span("tone.minimizing", "Not ideal, obviously, but nothing that can't be fixed.", "Not ideal");
	EXPECT("tone.minimizing", 1, "It was a small setback for the bookings side.");
}

/* Session 31, holdout20-357: work we have moved onto a new, second or
 * separate thing is a prevention; a booking moved to a new date, or a
 * move told as what went wrong, is not. */
static void test_prevention_moved_to_new_s31(void **state)
{
	(void)state;
	HAS("review", "prevention", "We have since moved all our bookings onto a new scheduling app with address look-up.");
	HAS("review", "prevention", "We have moved our maintenance contract to a second provider.");
	HAS_NOT("review", "prevention", "We've moved your booking to a new date, 4 December.");
	HAS_NOT("review", "prevention", "Our site moved to a new host in October, and the list was lost.");
}

/* Session 32: one function (disowned) reads every ", not us/ours/mine"
 * that hands a fault on, after a placing word or right after a fault or
 * harm noun, "theirs", "them" or "responsibility"; the fault taken
 * ("our packing, not the carrier's") is no blame. */
static void test_blame_disowned_merged_s32(void **state)
{
	(void)state;
	expect_span("ownership.blame-shift", "They caused the delay, not us.", "They caused the delay, not us");
	expect_span("ownership.blame-shift", "The mistake was theirs, not mine.", "The mistake was theirs, not mine");
	EXPECT("ownership.blame-shift", 1, "That was the courier's problem, not ours.");
	EXPECT("ownership.blame-shift", 1, "Collecting it is the carrier's responsibility, not ours.");
	EXPECT("ownership.blame-shift", 0, "That was our packing, not the carrier's.");
	EXPECT("ownership.blame-shift", 0, "Is that their fault, not ours?");
}

/* Session 32: a minimising adjective does not take the first word of a
 * minimising phrase further on as its noun ("short and the" was
 * reported); each is reported on its own. */
static void test_minimizing_adjective_stops_at_phrase_s32(void **state)
{
	(void)state;
	EXPECT("tone.minimizing", 2, "The outage was short and the vast majority of your orders went through.");
	expect_span("tone.minimizing", "The outage was short and the vast majority of your orders went through.",
		    "outage was short");
}

/* Session 32, holdout20-362: "hitch" makes light of a harm only as "a
 * (slight) hitch"; a tow hitch is a part and "without a hitch" a
 * promise. */
static void test_minimizing_hitch_s32(void **state)
{
	(void)state;
	expect_span("tone.minimizing", "There was a slight hitch with the delivery on Friday.", "slight hitch");
	EXPECT("tone.minimizing", 1, "We hit one hitch with the courier.");
	EXPECT("tone.minimizing", 0, "The pin that joins the wagon's hitch to the drawbar had worked loose.");
	EXPECT("tone.minimizing", 0, "The hitch pin is held in place by a spring clip.");
	EXPECT("tone.minimizing", 0, "I guarantee your evening will go without a hitch.");
}

/* Session 32, holdout20-362: the client's own words, quoted after "you
 * wrote", "you said"…, are not the message's wording; the same words
 * outside such a quotation are. */
static void test_client_quote_not_flagged_s32(void **state)
{
	(void)state;
	EXPECT("ownership.passive", 0, "You wrote on Sunday, \"I've been charged twice for this month,\" and you were right.");
	EXPECT("ownership.passive", 0, "You wrote that it \u201cfelt like he'd been forgotten twice\u201d, and I understand why.");
	EXPECT("promise.overreach", 0, "Your email said \"make sure this never happens again\" and we heard you.");
	EXPECT("ownership.passive", 1, "You wrote to us because your card was charged twice, \"on Sunday\".");
	EXPECT("ownership.passive", 1, "You said \"thanks\". Your card was charged twice on Sunday.");
	EXPECT("ownership.passive", 1, "Your card was charged twice on Sunday.");
}

/* Session 32, holdout20-365: a registration or account code of one or
 * two capitals, a hyphen and three or four ("ZS-KMA", "VT-DWK") is no
 * acronym; an instrument's name of other shapes ("GC-MS") still is. */
static void test_jargon_registration_code_s32(void **state)
{
	(void)state;
	EXPECT("tone.jargon", 0, "Until ZS-KMA returns, your members stay on our second aircraft.");
	EXPECT("tone.jargon", 0, "The replacement, VT-DWK, lands at 14:00.");
	EXPECT("tone.jargon", 1, "The GC-MS run failed overnight.");
}

/* Session 32, holdout20-365: the control disowned by one person ("out of
 * my hands", "beyond my control") and "little" for "nothing" we could
 * have done. */
static void test_blame_my_hands_little_s32(void **state)
{
	(void)state;
	EXPECT("ownership.blame-shift", 1, "Honestly it's out of my hands.");
	EXPECT("ownership.blame-shift", 1, "Due to circumstances beyond my control the finish is late.");
	EXPECT("ownership.blame-shift", 1, "There was honestly little anyone could have done to prevent it.");
	EXPECT("ownership.blame-shift", 0, "There was little we could say on the phone, so I am writing.");
}

/* Session 32, holdout20-365: one of ours by first name, "will" and a
 * verb of work is the action; "will" and a word of telling (the next
 * message), a plural in -s, or a title before the name is not. */
static void test_action_named_will_s32(void **state)
{
	(void)state;
	HAS("progress", "action", "Kevin will spray it in Ocean Fade as soon as the ply has cured.");
	HAS("progress", "action", "Until it yields, Thabo will deliver 5,000 litres a day from our own tanker.");
	HAS_NOT("progress", "action", "Dan will call you on Friday with a date.");
	HAS_NOT("progress", "action", "Classes will run as normal next week.");
	HAS_NOT("progress", "action", "Mr Tate will inspect the hall on Friday.");
}

/* Session 32, holdout20-365: work set for a day ("a glazier is booked
 * for tomorrow") and one of ours "working through" a list or "coming
 * back" to do it are the action; a thing "working normally" is not. */
static void test_action_booked_working_through_s32(void **state)
{
	(void)state;
	HAS("progress", "action", "A glazier is booked for tomorrow at 8am.");
	HAS("progress", "action", "Works are scheduled to commence w/c 7 December.");
	HAS("progress", "action", "Aoife is working through the lift-out list with the hired crane this week.");
	HAS("progress", "action", "Gaz is coming back tomorrow at 9am to strip the bed cloth.");
	HAS_NOT("progress", "action", "Nova is working normally again.");
}

/* Session 32, holdout20-365: what went wrong told with a hedge of
 * likelihood ("was probably taken", "most likely down to", "likely to
 * have corroded", "in all likelihood, … was fitted", "is believed to
 * have duplicated", "it looks like … was overloaded") is a cause; the
 * hedge before a plan ("we will probably start"), a negation ("probably
 * won't take"), "seems to have been a one-off", or "it looks like" where
 * the cause is still sought is not. */
static void test_cause_likely_told_s32(void **state)
{
	(void)state;
	HAS("rca_update", "cause", "The bolt was probably taken from the wrong bin in our workshop.");
	HAS("rca_update", "cause", "This was most likely down to guests not plugging the scooters in overnight.");
	HAS("rca_update", "cause", "The panel's fixings are likely to have corroded in the sea air.");
	HAS("rca_update", "cause", "We reviewed the repair and, in all likelihood, the sac was fitted with a shellac that had not cured.");
	HAS("rca_update", "cause", "The booking platform is believed to have duplicated records during the overnight sync.");
	HAS("rca_update", "cause", "It looks like the booking page was overloaded by ten times the usual visitors.");
	HAS_NOT("rca_update", "cause", "We will probably start checking colour on every string.");
	HAS_NOT("rca_update", "cause", "The fitting itself probably won't take more than two days.");
	HAS_NOT("rca_update", "cause", "We spoke to the supplier and the issue seems to have been a one-off.");
	HAS_NOT("rca_update", "cause",
		"We're still trying to work out the root cause. It looks like it was simply bad luck.");
}

/* Session 32, holdout20-365: "still" before the participle tells a
 * state that lasted ("the alarm was still set to an old number"), not
 * an act; the same without "still" is one. */
static void test_passive_still_state_s32(void **state)
{
	(void)state;
	EXPECT("ownership.passive", 0, "Our RIP was still set up for the paper we'd used on the previous job.");
	EXPECT("ownership.passive", 0, "The office time zone in your account settings was still set to London.");
	EXPECT("ownership.passive", 1, "The office time zone in your account settings was set to London by mistake.");
}

/* Session 32, holdout20-365: a US time zone right after a time of day
 * ("by 3pm ET") is no acronym to explain, "ET-based" elsewhere still is;
 * "purge" is no longer jargon (most uses a trade's own word). */
static void test_jargon_clock_zone_purge_s32(void **state)
{
	(void)state;
	EXPECT("tone.jargon", 0, "I will send the numbers by Wednesday 25 November at 12:00 ET.");
	EXPECT("tone.jargon", 0, "Customer Care is open 8am-8pm ET on weekdays.");
	EXPECT("tone.jargon", 1, "Following the update the ET-based programme reverted to factory defaults.");
	EXPECT("tone.jargon", 0, "We packed your 6 kg from the wrong purging tray.");
}

/* Session 32, holdout20-365: "appreciate your patience" with its
 * subject further back, "as previously communicated" and "at your
 * convenience" are corporate; "looks like" without "it", "we aim to" and
 * "that would explain" hedge. */
static void test_corporate_hedging_lists_s32(void **state)
{
	(void)state;
	EXPECT("tone.corporate", 1, "Our fitter is on it, and we really appreciate your patience.");
	EXPECT("tone.corporate", 1, "The pool reopens on Friday 4 December rather than Friday 27 November as previously communicated.");
	EXPECT("tone.corporate", 1, "Please bring it in at your convenience.");
	EXPECT("tone.hedging", 1, "Looks like water got in through the gland on the top edge.");
	EXPECT("tone.hedging", 1, "We aim to have the sign back up by Friday.");
	EXPECT("tone.hedging", 1, "The valve was shut, and that would explain the low pressure.");
}

/* Session 32, holdout20-365: a repeat declared impossible with a time
 * or a share, a problem called "a thing of the past", a thing promised
 * "completely safe" overreach. */
static void test_overreach_impossible_past_s32(void **state)
{
	(void)state;
	EXPECT("promise.overreach", 1, "The stock count now updates itself, so overselling is impossible from now on.");
	EXPECT("promise.overreach", 1, "With the new system, double charges will be 100% impossible.");
	EXPECT("promise.overreach", 1, "We're moving to timed entry slots, which means queues will be a thing of the past.");
	EXPECT("promise.overreach", 1, "Rest assured the trail will be completely safe by then.");
	EXPECT("promise.overreach", 0, "It was impossible to reach you by phone on Friday.");
}

/* Session 32, holdout20-365: a booking that "had to be cancelled" or
 * "has had to be pushed back" hides who decided, reported from "has
 * had"; "had to be thrown away", a loss, is not read so. */
static void test_passive_had_to_be_s32(void **state)
{
	(void)state;
	expect_span("ownership.passive", "Unfortunately the course has had to be cancelled.", "has had to be cancelled");
	EXPECT("ownership.passive", 1, "The completion date has had to be pushed back to Friday 18 December.");
	EXPECT("ownership.passive", 1, "Saturday's grading had to be postponed at short notice.");
	EXPECT("ownership.passive", 0, "A small amount of chilled stock had to be thrown away.");
	EXPECT("ownership.passive", 0, "Nobody's collection had to be moved.");
}

/* Session 33, holdout20-373: a placeholder for the day of a call or a
 * note about the work ("I will call you on [DATE]", "we will confirm the
 * running order by [DATE]") leaves the fix's own time standing. */
static void test_timeline_placeholder_call_s33(void **state)
{
	(void)state;
	HAS("plan", "timeline", "We will deliver the reprinted cards to the school by Friday 27 November.\n\n"
	    "I will call you on [DATE] to confirm they have arrived.");
	HAS("plan", "timeline", "Our podiatrist will visit on Wednesday 2 December to see all 17 residents.\n"
	    "We will confirm the running order with your nurse in charge by [DATE].");
	HAS_NOT("plan", "timeline", "We have reserved your stand for the spring show.\n"
		"We will deliver the new banner by [DATE].");
}

/* Session 33, holdout20-373: a capitalised word joined to another by
 * " & " is part of a name ("Cache & Compass", "PENROSE & WIDLE"), and
 * capitals right before "$" name a currency's country ("NZ$180"). */
static void test_jargon_names_s33(void **state)
{
	(void)state;
	EXPECT("tone.jargon", 0, "Thanks,\nSam Okoro\nCache & Compass, Leeds");
	EXPECT("tone.jargon", 0, "Twenty trunks came out reading PENROSE & WIDLE on their lids.");
	EXPECT("tone.jargon", 0, "We have refunded the NZ$180 excess-baggage fee we charged you.");
	EXPECT("tone.jargon", 1, "The cache on our side held the old price list.");
	EXPECT("tone.jargon", 1, "The PWB on the collar failed its check.");
}

/* Session 33, holdout20-373: a phone number with a two-digit area code
 * ("08 8555 0172", "03 366 2195") or a North American one written with
 * spaces ("514 555 0162") is a way to reach us; three numbers that are
 * not one ("120 300 4000 units", "$250 300 1000") are not. */
static void test_contact_phone_s33(void **state)
{
	(void)state;
	HAS("resolution", "contact", "Your tub is fixed.\n\nFor any questions, ring me on 08 8555 0172.");
	HAS("resolution", "contact", "Your tub is fixed.\n\nPlease ring me on 03 366 2195 if you want to talk.");
	HAS("resolution", "contact", "Your tub is fixed.\n\nMarc Vachon\n514 555 0162");
	HAS_NOT("resolution", "contact", "Your tub is fixed. We shipped 120 300 4000 units.");
	HAS_NOT("resolution", "contact", "Your tub is fixed. The quotes were $250 300 1000 in turn.");
}

/* Session 33, holdout20-373: work redone told with a hyphen after "has"
 * ("Aroha has re-made nine of the flyers") is work done. */
static void test_action_redone_s33(void **state)
{
	(void)state;
	HAS("progress", "action", "Quick update on the flyers.\n\nAroha has re-made 9 of your 14 flyers.");
	HAS("progress", "action", "Quick update.\n\nOur workshop has now re-entered the missing orders.");
	HAS_NOT("progress", "action", "Quick update.\n\nAroha has re-read your email.");
}

/* Session 33, holdout20-373: what went wrong told as "it was only a
 * scrape", "it's only the one gig", "that was only the stable clock"
 * makes it small; "only" with no such subject and copula is left to the
 * other readings ("only the EU region is affected" is a scope). */
static void test_minimizing_only_it_was_s33(void **state)
{
	(void)state;
	expect_span("tone.minimizing", "The match was called off. It was only a scrape in the end.",
		    "It was only a scrape in the end");
	expect_span("tone.minimizing", "You will play on borrowed harps, but it's only the one gig.",
		    "it's only the one gig");
	EXPECT("tone.minimizing", 1, "The cill cracked, but it's only a hairline crack.");
	EXPECT("tone.minimizing", 0, "Only the EU region is still affected.");
	EXPECT("tone.minimizing", 0, "The question was only the first of many we had for you.");
}

/* Session 33, holdout20-373: a passive on the subject line names the
 * message's topic ("Subject: Why your booking was lost"); the body's
 * own passive is still read. */
static void test_passive_subject_line_s33(void **state)
{
	(void)state;
	EXPECT("ownership.passive", 0, "Subject: Why your Loft booking was lost\n\nHi Sam,\n\nOur diary "
	       "software dropped it when we moved it to the new calendar.");
	EXPECT("ownership.passive", 0, "Subject: Email sent in error on 20 November\n\nHi Sam,\n\nWe sent it "
	       "to the wrong list.");
	EXPECT("ownership.passive", 1, "Subject: Why the tub was over-chlorinated\n\nHi Greg,\n\nThe tub was "
	       "over-chlorinated on Friday.");
}

/* Session 33, holdout20-373: a routine that covers every case from now
 * on is a prevention ("Every vehicle leaving the yard from Monday gets a
 * coolant-hose check", "we test it every Monday" after "now", "we will
 * also add a second inspection of every roof"); a sweep going on or done
 * ("we are now checking every booking", "every Segway has been
 * inspected"), a dated step or a promise is not. */
static void test_prevention_every_routine_s33(void **state)
{
	(void)state;
	static const char lead[] = "Dear Jo,\n\nThe van broke down because we missed a split hose.\n\n";
	static const char *const yes[] = {
		"Every vehicle leaving the yard from Monday gets a coolant-hose and pressure check by our mechanic.",
		"The dialler now calls three people in turn, and we test it every Monday.",
		"We will also add a second inspection of every roof before delivery.",
	};
	static const char *const no[] = {
		"We are now checking every booking for November by phone.",
		"Tours restart on Saturday, once every Segway has been inspected.",
		"Monday 30 November: our engineer re-tests every fob with your concierge.",
		"We guarantee every hose will be perfect from now on.",
	};
	char buf[512];
	for (size_t k = 0; k < sizeof yes / sizeof yes[0]; k++) {
		snprintf(buf, sizeof buf, "%s%s", lead, yes[k]);
		HAS("plan", "prevention", buf);
	}
	for (size_t k = 0; k < sizeof no / sizeof no[0]; k++) {
		snprintf(buf, sizeof buf, "%s%s", lead, no[k]);
		HAS_NOT("plan", "prevention", buf);
	}
}

/* Session 34, holdout20-381: the fault or the responsibility placed with
 * another party by a verb of place ("rests with the carrier", "this one
 * really sits with them"); not with us, not with a team or a thing of
 * ours, and not a thing that merely sat somewhere. */
static void test_blame_placed_with_s34(void **state)
{
	(void)state;
	expect_span("ownership.blame-shift",
		    "Responsibility for the losses therefore rests with the carrier, and we have lodged a claim.",
		    "Responsibility for the losses therefore rests with the");
	expect_span("ownership.blame-shift", "The fault here sits with Playbook Online, who supply our booking software.",
		    "The fault here sits with Playbook");
	expect_span("ownership.blame-shift", "Their engineer used our band without asking, so this one really sits with them.",
		    "this one really sits with them");
	EXPECT("ownership.blame-shift", 1, "The problem sat with our telephony provider.");
	EXPECT("ownership.blame-shift", 0, "Responsibility for the polishing lies with our workshop, and we accept it.");
	EXPECT("ownership.blame-shift", 0, "Card handling sits with our payment provider and was not affected.");
	EXPECT("ownership.blame-shift", 0, "The parcel sat with the courier for three days before it reached us.");
	EXPECT("ownership.blame-shift", 0, "The responsibility for this sits with us, not with the quarry.");
	EXPECT("ownership.blame-shift", 0, "We believe the issue sits with the SKU mapping in our WMS.");
	/* the reader as the party: the client blamed */
	expect_span("ownership.blame-shift", "The responsibility for the late forms lies with you.",
		    "The responsibility for the late forms lies with you");
}

/* Session 34, holdout20-381: words in quotation marks are cited, not
 * our jargon (a sign, a motto, a size code); a postal tracking number's
 * letters ("RR 4471 0923 IE") name no thing of ours. */
static void test_jargon_quoted_tracking_s34(void **state)
{
	(void)state;
	EXPECT("tone.jargon", 0, "The replacement \"OPEN LATE\" sign is up.");
	EXPECT("tone.jargon", 0, "The motto read \u201cFIDE ET LABORA\u201d instead of the right one.");
	EXPECT("tone.jargon", 0, "The plates went by registered post, tracking RR 4471 0923 IE, on Monday.");
	EXPECT("tone.jargon", 0, "The tracking number is CP 4482 1195 NZ.");
	EXPECT("tone.jargon", 1, "Our QQX team found the fault.");
	EXPECT("tone.jargon", 1, "The \"fix\" was that our QQX team restarted it.");
	EXPECT("tone.jargon", 1, "Our QQX team shipped 4471 0923 units.");
}

/* Session 34, holdout20-381: a word of completion that describes the
 * thing we will send ("photos of the first finished sheets", "a count of
 * ready kits") does not make the message's time an ETA; the same word
 * as the verb ("the kits will be ready by Monday") still does. */
static void test_next_update_attributive_cue_s34(void **state)
{
	(void)state;
	static const char lead[] = "Hi Jo,\n\nThe kits will now arrive on Thursday 3 December because our "
				   "beds overheated.\n\n";
	static const char *const yes[] = {
		"I'll email you photos of the first finished sheets by Wednesday, November 25.",
		"I'll email you a count of ready kits on Monday 30 November.",
		"I will send you a copy of the rebuilt listings for your approval on Wednesday 25 November.",
	};
	char buf[512];
	for (size_t k = 0; k < sizeof yes / sizeof yes[0]; k++) {
		snprintf(buf, sizeof buf, "%s%s", lead, yes[k]);
		HAS("delay", "next-update", buf);
	}
	snprintf(buf, sizeof buf, "%s%s", lead, "The replacement kits will be ready by Monday 30 November.");
	HAS_NOT("delay", "next-update", buf);
}

/* Session 34, holdout20-381: a thing on its way from a supplier ("new
 * mesh is coming from our supplier") places no fault; where a fault came
 * from still does. */
static void test_blame_coming_from_s34(void **state)
{
	(void)state;
	EXPECT("ownership.blame-shift", 0,
	       "New mesh is coming from our Ludhiana supplier and should reach us by Friday.");
	EXPECT("ownership.blame-shift", 0, "The replacement head is coming from the manufacturer in Southampton.");
	EXPECT("ownership.blame-shift", 1, "The error was coming from our supplier's catalogue all along.");
}

/* Session 34, holdout20-381: "100% inspection" counts what a check
 * covers, not a certainty ("100% inspected" and "100% fixed" still
 * promise); UPS right after "by" or "via" is the carrier. */
static void test_overreach_inspection_ups_s34(void **state)
{
	(void)state;
	EXPECT("promise.overreach", 0, "From Monday: 100% visual inspection of the neck of every lever before polishing.");
	EXPECT("promise.overreach", 0, "We have added 100% inspection of outgoing pallets for your account.");
	EXPECT("promise.overreach", 2, "All our machines are 100% inspected before dispatch, so this is 100% fixed.");
	EXPECT("tone.jargon", 0, "The three replacement cases reached Alpenrose this morning by UPS.");
	EXPECT("tone.jargon", 0, "They go out via UPS tomorrow.");
}

/* Session 34, holdout20-381: "so that one is on me" owns the deed as
 * "that one is on me" does; "the first round is on us" is still a gift. */
static void test_ownership_so_on_me_s34(void **state)
{
	(void)state;
	HAS("apology", "ownership", "I'm sorry about the jars. I changed supplier, so that one is on me.");
	HAS("apology", "ownership", "I'm sorry about the jars. I changed the lids and that was on me.");
	HAS_NOT("apology", "ownership", "I'm sorry about the wait. We are at the bar, so the first round is on us.");
}

/* Session 34, holdout20-381: "burnt" is a past verb as "burned" is: "the
 * motor on our lathe burnt out on Friday" gives the delay's reason. */
static void test_delay_reason_burnt_s34(void **state)
{
	(void)state;
	HAS("delay", "delay-reason", "Hi Jo,\n\nYour blocks will now be ready on Wednesday 2 December. The motor on "
				     "our lathe burnt out on Friday.\n\nI will call you on Friday 27 November.");
}

/* Session 34, holdout20-381: one of ours who mended a faulty thing did
 * the work ("Sam replaced the faulty dimmer"); one who shipped the wrong
 * thing narrates the failure ("Dan shipped the wrong boards"). */
static void test_action_mended_faulty_s34(void **state)
{
	(void)state;
	HAS("resolution", "action", "Hi Tony,\n\nYour sign is back on. Sam replaced the faulty dimmer this morning.\n\n"
				     "Call me on 0412 555 0198.");
	HAS_NOT("resolution", "action", "Hi Tony,\n\nSorry. Dan shipped the wrong boards on Thursday.\n\n"
					 "Call me on 0412 555 0198.");
}

/* Session 34, holdout20-381: a national area code in brackets ("(02)
 * 9555 0163") and a North American number after a name and a comma
 * ("Fundy Forge, 902 555 0148") are ways to reach us. */
static void test_contact_bracketed_area_s34(void **state)
{
	(void)state;
	static const char lead[] = "Hi Jo,\n\nWe replaced the strap yesterday.\n\n";
	static const char *const yes[] = {
		"Ring me directly on (02) 9555 0163.",
		"Call (0161) 496 0734.",
		"Eli\nFundy Forge, 902 555 0148",
	};
	char buf[256];
	for (size_t k = 0; k < sizeof yes / sizeof yes[0]; k++) {
		snprintf(buf, sizeof buf, "%s%s", lead, yes[k]);
		HAS("resolution", "contact", buf);
	}
	snprintf(buf, sizeof buf, "%s%s", lead, "In 2024 (03) we shipped 12 units.");
	HAS_NOT("resolution", "contact", buf);
}

/* Session 34, holdout20-381: "misread" is a passive of error as
 * "misrouted" is; "reset" hides who did it when a fault marker says it
 * went wrong, as "set" does. */
static void test_passive_misread_reset_s34(void **state)
{
	(void)state;
	EXPECT("ownership.passive", 1, "The shade was misread from the prescription.");
	EXPECT("ownership.passive", 1, "The cutter on line 2 was reset to the wrong length after maintenance.");
	EXPECT("ownership.passive", 0, "The router was reset by our engineer at 09:00.");
}

/* Session 35, holdout20-389: the fault laid on a named party and denied
 * of us ("this one is on TixHarbour, not on us", "on ShipRight's system,
 * not our team"), and "this was entirely on their side" even when the
 * sentence goes on to what we did about it; the delay made "the courier's
 * doing". "That is on Blue Gum, not on your staff" keeps the fault. */
static void test_blame_named_party_s35(void **state)
{
	(void)state;
	EXPECT("ownership.blame-shift", 1, "Their cap was wrong, so this one is on TixHarbour, not on us.");
	EXPECT("ownership.blame-shift", 1, "Two codes were swapped. That one is on ShipRight's system, not our team.");
	EXPECT("ownership.blame-shift", 1,
	       "Their update changed the default. This was entirely on their side and we have raised a complaint.");
	EXPECT("ownership.blame-shift", 0, "That was my error, and that is on Blue Gum, not on your staff.");
	EXPECT("ownership.blame-shift", 0, "The new valve is on order, not on the van yet.");
	EXPECT("ownership.blame-shift", 1, "The mount was lost in transit. This delay is entirely the courier's doing.");
	EXPECT("ownership.blame-shift", 1, "The delay was the council's doing: their office issued the wrong pass.");
	EXPECT("ownership.blame-shift", 0, "What are you doing about the council's doing?");
}

/* Session 35, holdout20-389: "No." before a number names a thing ("the
 * regulator on oven No. 7"); it does not deny the passive after it. */
static void test_passive_number_abbrev_s35(void **state)
{
	(void)state;
	EXPECT("ownership.passive", 1, "The gas regulator on oven No. 7 was fitted with the wrong pressure spring.");
	EXPECT("ownership.passive", 0, "No regulator was fitted with the wrong pressure spring.");
}

/* Session 35, holdout20-389: work done told as a state ("the new nut is
 * fitted", "160 of the 240 are built") or by a trade's verb ("our lad
 * swapped the faulty generator", "Leon swapped the caster") is the
 * action; "the issue is resolved", a routine and a condition are not. */
static void test_action_done_state_s35(void **state)
{
	(void)state;
	static const char tail[] = "\n\nCall me on 0412 555 0198.";
	static const char *const yes[] = {
		"Your mandolin is ready. The new nut is fitted.",
		"Progress: 160 of the 240 are built and boxed.",
		"The dodgems are back up. Our lad swapped the faulty generator for our spare.",
		"Update on your table: Leon swapped the caster this morning.",
	};
	static const char *const no[] = {
		"Just confirming the portal glitch from last week is sorted.",
		"Every razor is tested on arm hair before it leaves.",
		"The crates stay in our custody until the load is handed to the carrier.",
	};
	char buf[512];
	for (size_t k = 0; k < sizeof yes / sizeof yes[0]; k++) {
		snprintf(buf, sizeof buf, "%s%s", yes[k], tail);
		HAS("progress", "action", buf);
	}
	for (size_t k = 0; k < sizeof no / sizeof no[0]; k++) {
		snprintf(buf, sizeof buf, "%s%s", no[k], tail);
		HAS_NOT("progress", "action", buf);
	}
}

/* Session 35, holdout20-389: a vague count of days made small ("just a
 * few more days", "only a couple of days behind") minimises the slip of a
 * date even with no harm word in the sentence; a count further on is not
 * "only"'s. "A bit of" makes small whatever follows it, but our work. */
static void test_minimizing_few_days_s35(void **state)
{
	(void)state;
	EXPECT("tone.minimizing", 1, "Permission to drill has not come through. It will be just a few more days.");
	EXPECT("tone.minimizing", 1, "It is drying slowly, so we're only a couple of days behind.");
	EXPECT("tone.minimizing", 1, "It'll be just a few extra days, probably Thursday 3 December.");
	EXPECT("tone.minimizing", 0, "The mark only appears after a few days in the sun.");
	EXPECT("tone.minimizing", 1, "Honestly it's a bit of seepage, but we want it right for you.");
	EXPECT("tone.minimizing", 1, "Your group had a bit of a wait in the car park on Friday.");
	EXPECT("tone.minimizing", 1, "The load was tipped dry and a little bit of dust ended up on your shed.");
	EXPECT("tone.minimizing", 0, "The part arrived today. It might need a bit of fettling once it's in.");
}

/* Session 35, holdout20-389: capitals, a hyphen and a number that name
 * our own procedure or document ("per our WR-3 procedure", "under the
 * new WI-07:") are jargon; the client's record ("your order GO-4471",
 * "ref PP-0917") and a product's model ("our BS-300 sensors") are not. */
static void test_jargon_procedure_code_s35(void **state)
{
	(void)state;
	EXPECT("tone.jargon", 1, "We're re-setting both rear tires per our WR-3 procedure this week.");
	EXPECT("tone.jargon", 1, "We have changed our refit procedure under the new WI-07: every seam is tested.");
	EXPECT("tone.jargon", 1, "The handler had not padded the harness as WI-12 requires.");
	EXPECT("tone.jargon", 0, "Your order GO-4471 was delivered on Monday.");
	EXPECT("tone.jargon", 0, "Mail sent to a former address (ref. PP-0917) has been recalled.");
	EXPECT("tone.jargon", 0, "The batteries in our BS-300 sensors drain faster than specified.");
}

/* Session 35, holdout20-389: an order placed after its time gives the
 * delay's reason ("we ordered the handles from our supplier too late"). */
static void test_delay_reason_too_late_s35(void **state)
{
	(void)state;
	HAS("delay", "delay-reason", "Your bags won't be ready on Tuesday. We ordered the replacement handles from our "
				      "supplier too late. New date: Friday 27 November. Call me on 0412 555 0198.");
	HAS_NOT("delay", "delay-reason", "Your bags won't be ready on Tuesday. New date: Friday 27 November. Call me on "
					  "0412 555 0198.");
}

/* Session 35, holdout20-389: where it left the client's side ("the
 * bridesmaids ended up wearing navy in your photos") is the impact;
 * where it left us ("I ended up double-booked") is not. */
static void test_impact_ended_up_s35(void **state)
{
	(void)state;
	HAS("apology", "impact", "I'm sorry. The five bridesmaids ended up wearing navy in every one of your photos.");
	HAS("apology", "impact", "I'm sorry. You told me you ended up cancelling the second half.");
	HAS_NOT("apology", "impact", "I'm sorry. I ended up double-booked on your date.");
}

/* Session 36, holdout20-389: the remedy delivered, told in the passive
 * ("has now been delivered", "were delivered this morning"), is the
 * action; a delivery that went wrong, a condition or an old delivery in
 * the narrative is not. */
static void test_action_delivered_s36(void **state)
{
	(void)state;
	HAS("resolution", "action", "The replacement machine has now been delivered and is fully operational.");
	HAS("resolution", "action", "All queued alerts have now been delivered.");
	HAS("resolution", "action", "The six replacement frames were delivered to your office on Friday.");
	HAS("resolution", "action", "Your rug was delivered back to you this morning.");
	HAS_NOT("resolution", "action", "Your order was delivered on 3 November.");
	HAS_NOT("resolution", "action", "The cakes were delivered to the wrong address this morning.");
	HAS_NOT("resolution", "action", "The wrong paint has been delivered.");
	HAS_NOT("resolution", "action", "No parcels have been delivered yet.");
}

/* Session 36, holdout20-397: a code of ours — "our" before capitals, a
 * hyphen and a number of one or two digits, or the code before "jig" or
 * "sign-off" — is internal jargon; a record's reference is not. */
static void test_jargon_our_code_s36(void **state)
{
	(void)state;
	EXPECT("tone.jargon", 1, "We are inspecting the other 14 under our QP-14 check.");
	EXPECT("tone.jargon", 1, "All twelve drums are in our QC-2 hold.");
	EXPECT("tone.jargon", 1, "I'm fretting it this week on the JB-4 jig.");
	EXPECT("tone.jargon", 1, "The QC-4 sign-off for that stage is blank.");
	EXPECT("tone.jargon", 0, "Your order GO-4471 is on its way.");
	EXPECT("tone.jargon", 0, "We have replaced our BS-300 sensors.");
	EXPECT("tone.jargon", 0, "Student rig W-04 came back from our loft.");
}

/* Session 36, holdout20-397: the fault laid elsewhere as "the real"
 * one shifts the blame; the real one named as ours does not. */
static void test_blame_real_culprit_s36(void **state)
{
	(void)state;
	EXPECT("ownership.blame-shift", 1, "The real problem was the felt mill in Prato, which sent us a bad batch.");
	EXPECT("ownership.blame-shift", 1, "The real culprit is the tannery, which changed its process.");
	EXPECT("ownership.blame-shift", 1, "The real failure was on TrackDesk's side: their link stopped.");
	EXPECT("ownership.blame-shift", 0, "The real failure is ours: we skipped the check.");
	EXPECT("ownership.blame-shift", 0, "The real problem was our packing.");
	EXPECT("ownership.blame-shift", 0, "The real problem was that we never checked the seals.");
}

/* Session 36, holdout20-397: a place of ours after the passive ("before
 * the unit left our shop", "at our depot") names where, not who; "we"
 * or one of ours as a doer, or "from our supplier", still names who. */
static void test_passive_our_place_s36(void **state)
{
	(void)state;
	EXPECT("ownership.passive", 1, "A clamp was fitted the wrong way round before the unit left our shop.");
	EXPECT("ownership.passive", 1, "Two rails were fitted the wrong way round at our depot.");
	EXPECT("ownership.passive", 0, "Our export ran late, and your staff were paid the wrong amounts.");
	EXPECT("ownership.passive", 0, "The taps from our moulding supplier were made with the wrong plastic.");
}

/* Session 36, holdout20-397: the irregular participles of the trades
 * (woven, laid, written, driven, …) are past verbs, so a passive of one
 * that tells a mistake hides who made it, as a regular one does. */
static void test_passive_irregular_s36(void **state)
{
	(void)state;
	EXPECT("ownership.passive", 1, "The split seats were woven with the wrong grade of cane.");
	EXPECT("ownership.passive", 1, "The screed was laid at the wrong fall.");
	EXPECT("ownership.passive", 1, "The wrong event ID was written to the file.");
	EXPECT("ownership.passive", 1, "The fence posts were not driven in fully.");
	EXPECT("ownership.passive", 0, "The new seats were woven by our caner, Ruth.");
	EXPECT("ownership.passive", 0, "None of the carpets were laid in the wrong room.");
	EXPECT("ownership.passive", 1, "The pages were bound into the wrong statements.");
	EXPECT("ownership.passive", 1, "The coils were wound to the wrong tension.");
	EXPECT("ownership.passive", 1, "Two boards had been dealt twice.");
}

/* Session 36, holdout20-397: a thing done again ("re-cut", "re-RIPped")
 * is the remedy, unless its words tell a mistake or it was left undone. */
static void test_passive_redone_s36(void **state)
{
	(void)state;
	EXPECT("ownership.passive", 0, "The chipped names on the north face have been re-cut and re-leaded.");
	EXPECT("ownership.passive", 0, "The proof was re-RIPped on Friday and the logo now matches.");
	EXPECT("ownership.passive", 1, "The headstone has been re-erected in the incorrect position.");
	EXPECT("ownership.passive", 1, "The clasp was not re-tightened after the repair, so it opened.");
}

/* Session 36, holdout20-397: a duty or a choice of ours told as the one
 * that failed is ownership. */
static void test_ownership_my_job_s36(void **state)
{
	(void)state;
	HAS("apology", "ownership", "I'm sorry. It was my job to check the proof against your form, and I didn't.");
	HAS("apology", "ownership", "I'm sorry. Choosing that tape was my decision, and it was the wrong one.");
	HAS("apology", "ownership", "I'm sorry. I loaded the van late, and that one's on me.");
	HAS("apology", "ownership", "I am sorry. Ringing you was our job, and we did not do it.");
	HAS("apology", "ownership", "I am sorry. The error started with me.");
	HAS_NOT("apology", "ownership", "I'm sorry. It was not our job to check the wiring.");
}

/* Session 36, holdout20-397: what the failure leaves the client with,
 * and the trip it made worthless, are the impact. */
static void test_impact_leaves_you_s36(void **state)
{
	(void)state;
	HAS("apology", "impact", "I'm sorry. 31 of the jars were cracked, which leaves you short for your weekend fair.");
	HAS("apology", "impact", "I'm sorry. Your patients travelled to the club for nothing.");
	HAS_NOT("apology", "impact", "I'm sorry. We will replace the jars for you.");
}

/* Session 36, holdout20-397: the weather forecast and a person out of
 * action are a delay's reason. */
static void test_delay_reason_forecast_s36(void **state)
{
	(void)state;
	HAS("delay", "delay-reason", "Your shearing day has moved to Tuesday 1 December. Heavy rain is forecast from Tuesday to Thursday.");
	HAS("delay", "delay-reason", "Our bellows maker broke his wrist last week, so the concertina will reach you on 18 December.");
	HAS_NOT("delay", "delay-reason", "Your shearing day has moved to Tuesday 1 December.");
	HAS("delay", "delay-reason", "We hit a rate limit on the image service, so the run is now taking three times longer.");
	HAS("delay", "delay-reason", "Room A holds only 40 pieces, so we are curing your 120 in three rounds instead of one.");
	HAS_NOT("delay", "delay-reason", "The fix won't be ready Tuesday. Phones work as normal, so it's a minor annoyance for now.");
}

/* Session 36, holdout20-397: what was found, by one of our people, by
 * no one named ("it has been established that") or about things
 * counted, is the cause. */
static void test_cause_found_s36(void **state)
{
	(void)state;
	HAS("rca_update", "cause", "Our surveyor found that the lead flashing along the north gallery had lifted in the wind.");
	HAS("rca_update", "cause", "It has been established that the test data for those two ropes was transposed.");
	HAS("rca_update", "cause", "Our investigation found that three ridge tiles were dislodged during installation.");
	HAS_NOT("rca_update", "cause", "Our surveyor found that the files were not affected.");
}

/* Session 36, holdout20-397: "should" after where, what, how, the way
 * or like and its subject tells a norm, not a forecast. */
static void test_hedging_should_norm_s36(void **state)
{
	(void)state;
	EXPECT("tone.hedging", 0, "Crust and oven spring are back where they should be.");
	EXPECT("tone.hedging", 0, "The breaker did exactly what it should and cut the power.");
	EXPECT("tone.hedging", 0, "Your listing is back to how it should be.");
	EXPECT("tone.hedging", 1, "Your trainers are now on their way and should arrive in the next few days.");
	EXPECT("tone.hedging", 0, "Residents who still have no picture should retune their televisions.");
	EXPECT("tone.hedging", 0, "Clubs should continue to use the original fixture list.");
}

/* Session 36, holdout20-397: "we hope" as a closing wish about the
 * matter or the reader is no hedge; "we hope to have it done", "we hope
 * this will mean" and "we would hope" still are. */
static void test_hedging_we_hope_wish_s36(void **state)
{
	(void)state;
	EXPECT("tone.hedging", 0, "We have refunded your booking. We hope this resolves the matter.");
	EXPECT("tone.hedging", 0, "We have refunded your booking. We hope to welcome you back soon.");
	EXPECT("tone.hedging", 0, "We were sorry to hear it, and we hope she is recovering well.");
	EXPECT("tone.hedging", 1, "We hope to have the replacements with you by Friday.");
	EXPECT("tone.hedging", 1, "We hope this will mean no more injuries.");
	EXPECT("tone.hedging", 1, "We would hope that this addresses your concerns.");
}

/* Session 36, holdout20-397: "could have" told in hindsight — what we
 * failed to do, or what would have been better — is no hedge; a guess at
 * what happened still is. */
static void test_hedging_could_have_hindsight_s36(void **state)
{
	(void)state;
	EXPECT("tone.hedging", 0, "That said, we could have warned you sooner.");
	EXPECT("tone.hedging", 0, "Communication with the client could have been better during the wait.");
	EXPECT("tone.hedging", 1, "The wrong setting was applied, which could have caused the locomotive to overspeed.");
}

/* Session 37, holdout20-397: the fault denied as ours or declared the
 * other party's ("nothing to do with us", "the error was entirely
 * theirs"), and "at the mercy of" a party, are blames. */
static void test_blame_denied_ours_s37(void **state)
{
	(void)state;
	EXPECT("ownership.blame-shift", 1, "The room was cold, which was nothing to do with us.");
	EXPECT("ownership.blame-shift", 1, "The box sleeves were printed wrongly, so the mistake was entirely theirs.");
	EXPECT("ownership.blame-shift", 1, "The gap was not caused by anything at our end.");
	EXPECT("ownership.blame-shift", 1, "We are at the mercy of their schedule, I'm afraid.");
	EXPECT("ownership.blame-shift", 0, "We had to do with less than we hoped.");
}

/* Session 37, holdout20-405: the message named as a debt already due ("I
 * owe you this letter from 10 November") acknowledges its lateness; "I
 * owe you an apology" does not. */
static void test_late_ack_owed_s37(void **state)
{
	(void)state;
	struct rd_check_opts o = opts_("other");
	o.late = true;
	o.due_at = o.now - 48 * 3600;
	const char *acks[] = {"I owe you this letter from 10 November. Our import dropped your prices.",
		"I owed you this update last Wednesday and didn't send it. Our import dropped your prices.", NULL};
	for (size_t q = 0; acks[q]; q++) {
		struct rd_check_result *r = run_opts(acks[q], &o);
		if (count(r, "element.late-ack") != 0)
			fail_msg("%s: late-ack not found", acks[q]);
		rd_check_result_free(r);
	}
	struct rd_check_result *r = run_opts("I owe you an apology. Our import dropped your prices.", &o);
	assert_int_equal(count(r, "element.late-ack"), 1);
	rd_check_result_free(r);
}

/* Session 37, holdout20-405: "100%" as what a thing is made of ("100%
 * wool"), a share worked out in brackets ("14 of 14 (100%)") or a share
 * that opens its clause and says what happened ("100% cleared customs")
 * promises nothing; "100% fixed" still does, at its clause's start too. */
static void test_overreach_share_told_s37(void **state)
{
	(void)state;
	EXPECT("promise.overreach", 0, "The cloth arrived on Wednesday: 100% wool, the right pattern this time.");
	EXPECT("promise.overreach", 0, "The weft is 30% polyester instead of the 100% acrylic in your spec.");
	EXPECT("promise.overreach", 0, "The samples tested so far, 14 of 14 (100%), are gluten-free.");
	EXPECT("promise.overreach", 0, "We have sent 23 shipments since; 100% cleared customs on arrival.");
	EXPECT("promise.overreach", 0, "All 164 lots were tested, and 100% have been within specification.");
	EXPECT("promise.overreach", 1, "The fault is 100% fixed.");
	EXPECT("promise.overreach", 1, "We reran every test; 100% fixed now.");
}

/* Session 37, holdout20-405: a state's or a province's code after a
 * place's name and its comma is part of an address, not jargon; after
 * capitals ("QA, OH") it is not. */
static void test_jargon_state_code_s37(void **state)
{
	(void)state;
	EXPECT("tone.jargon", 0, "Dale Hutchins\nOwner, Brassline Repair\nDayton, OH");
	EXPECT("tone.jargon", 0, "Marc Thibodeau, Glenmorrow Ice Track, Tamarack Ridge, BC");
	EXPECT("tone.jargon", 3, "The parts went through QA, OH and then QC.");
}

/* Session 37, holdout20-405: the same message again by its channel ("I'll
 * text again Wednesday by 5pm"), "we'll circle back" with a time, and
 * photos of things counted as finished ("photos of both finished chairs
 * on Wednesday") time the next update. */
static void test_next_update_again_s37(void **state)
{
	(void)state;
	HAS("progress", "next-update", "I'll text again Wednesday 25th by 5pm.");
	HAS("progress", "next-update", "I'll email again on Monday 30 November with photos.");
	HAS("plan", "next-update", "We'll circle back Wednesday, December 2 with the rework count.");
	HAS("progress", "next-update", "I'll send you photos of both finished chairs on Wednesday evening.");
	HAS("progress", "next-update", "I'll send you photos of the first eight finished masks on Monday 30 November.");
	HAS_NOT("progress", "next-update", "The frames will be finished on Wednesday.");
}

/* Session 37, holdout20-405: another party named to blame ("the string
 * maker is to blame"), "this was their problem", "hardly our fault" and
 * the trouble placed on the client's side are blames; "we are to blame"
 * and "nobody is to blame" are not. */
static void test_blame_to_blame_s37(void **state)
{
	(void)state;
	EXPECT("ownership.blame-shift", 1, "The string maker in Suzhou is to blame for this.");
	EXPECT("ownership.blame-shift", 1, "This was their problem, not a fault in our workmanship.");
	EXPECT("ownership.blame-shift", 1, "It went to Perth, which is hardly our fault.");
	EXPECT("ownership.blame-shift", 1, "The pitch box was left blank, so the mix-up started on your side.");
	EXPECT("ownership.blame-shift", 0, "We are to blame for this, and I am sorry.");
	EXPECT("ownership.blame-shift", 0, "Nobody at the yard is to blame.");
}

/* Session 37, holdout20-405: a terse note's sentence that opens on an
 * action verb in the past, its "we" left out ("Rewired the two stage
 * candelabra this morning."), tells the action; a verb that opens a
 * sentence with nothing done to after it does not. */
static void test_action_terse_did_s37(void **state)
{
	(void)state;
	HAS("progress", "action", "Ciaran here. Rewired the two stage candelabra this morning. One flicker left.");
	HAS("progress", "action", "Engineer on site. Replaced the ash auger motor and cleared the F37 fault.");
	HAS("progress", "action", "Stripped and re-primed: 80 of 80, done Friday.");
	HAS_NOT("progress", "action", "Delayed again. Sorry.");
}

/* Session 37, holdout20-405: "that leaves your band with nothing to
 * play" tells the impact, as "that leaves you" does. */
static void test_impact_leaves_your_s37(void **state)
{
	(void)state;
	HAS("apology", "impact", "Sorry the pipes came in G. That leaves your band with nothing to play the D sets on.");
	HAS_NOT("apology", "impact", "Sorry the pipes came in G. That leaves our workshop short of reeds.");
}

/* Session 37, holdout20-405: "we regret any inconvenience caused" tells
 * no act of ours: the participle qualifies the harm before it. "We
 * caused the delay" still owns it. */
static void test_ownership_harm_caused_s37(void **state)
{
	(void)state;
	HAS_NOT("apology", "ownership", "We regret any inconvenience caused. Your kantele went to the old address.");
	HAS_NOT("apology", "ownership", "We are sorry for the disruption caused. The boxes went astray with the courier.");
	HAS("apology", "ownership", "We caused the delay, and I am sorry.");
}

/* Session 37, holdout20-405: "thank you for bringing <what> to our
 * attention" and "per our last communication" are stock phrasing;
 * thanks for bringing a thing in, with no "to our attention", is not. */
static void test_corporate_brought_attention_s37(void **state)
{
	(void)state;
	EXPECT("tone.corporate", 1, "Thank you for bringing the crest problem to our attention. Here is our plan.");
	EXPECT("tone.corporate", 1, "Per our last communication, here is this week's progress.");
	EXPECT("tone.corporate", 0, "Thanks for bringing the two worst boards in on Saturday.");
}

/* Session 37, holdout20-405: a jargon word with one capital that opens a
 * name ("your Canary Wharf office") is the name, not jargon; "a canary
 * stage" still is. */
static void test_jargon_opens_name_s37(void **state)
{
	(void)state;
	EXPECT("tone.jargon", 0, "The boxes went to your Canary Wharf office on Tuesday.");
	EXPECT("tone.jargon", 1, "We are adding a canary stage so changes reach one node first.");
}

/* Session 37, holdout20-405: a thing made exactly as asked ("cut exactly
 * to the drawing") or the replacement made ("your replacement order was
 * cut this morning") hides no mistake; a thing cut short still does. */
static void test_passive_exactly_replacement_s37(void **state)
{
	(void)state;
	EXPECT("ownership.passive", 0, "The crest was cut exactly to the drawing you approved.");
	EXPECT("ownership.passive", 0, "Your replacement order was cut this morning from the same carcasses.");
	EXPECT("ownership.passive", 1, "The legs were cut 20 mm short of the drawing.");
	EXPECT("ownership.passive", 1, "The affected frames were cut from an old roll of latex.");
}

/* Session 31, holdout20-349: one of ours by first name with work in the
 * simple past is the action; a plural in -s, "Rest assured", a title
 * before the name (the client's person as often) or a past form that
 * only qualifies its noun is not. */
static void test_action_named_did_s31(void **state)
{
	(void)state;
	HAS("resolution", "action", "Rob replaced the fulcrum assembly on Tuesday morning.");
	HAS("resolution", "action", "The readers are back in service. Dan fitted new boards on Thursday.");
	HAS_NOT("resolution", "action", "Rest assured this will never happen again.");
	HAS_NOT("resolution", "action", "Orders placed between 5 and 6am were briefly held up.");
	HAS_NOT("resolution", "action", "I understand Mr Tate stepped in at short notice.");
	HAS_NOT("resolution", "action", "Coinmaster shipped the wrong boards on Friday.");
}

/* Session 30, holdout20-349: what the writer knows or understands the
 * failure cost the client is the impact; their feelings are not. */
static void test_impact_know_told_s30(void **state)
{
	(void)state;
	HAS("apology", "impact", "We're sorry. I know that left you short for the mud crab chilli on your lunch board.");
	HAS("apology", "impact", "I'm sorry. I understand you took a day off work and waited in until 6pm.");
	HAS_NOT("apology", "impact", "I'm sorry. I understand you're frustrated with us.");
	HAS_NOT("apology", "impact", "I'm sorry. I know how much this matters to you.");
}

/* Session 29, holdout20-323: harm called "cosmetic" or a "mishap" is
 * made light of. */
static void test_minimizing_cosmetic_s29(void **state)
{
	(void)state;
	EXPECT("tone.minimizing", 1, "The marks on the two frames are only cosmetic.");
	EXPECT("tone.minimizing", 1, "The black screen is a cosmetic issue and does not affect the audio.");
	EXPECT("tone.minimizing", 1, "Here is the plan to put Friday's little mishap right.");
}

/* Session 28, holdout20-319: one of ours named by a first name alone,
 * with work done ("has fitted") or going on ("is re-briefing"), is the
 * action; a thing's state, a company acting on its own things, or a
 * possessive "'s" is not. */
static void test_action_named_doer_s28(void **state)
{
	(void)state;
	EXPECT_KIND("progress", "element.action", 0, "Hi Jo, the bearings arrived. Kasia has fitted them.");
	EXPECT_KIND("progress", "element.action", 0, "Quick note: Jodie is re-briefing the crew on Wednesday.");
	EXPECT_KIND("progress", "element.action", 1, "Everything is working normally now.");
	EXPECT_KIND("progress", "element.action", 1, "Authlane has since restored its service.");
	EXPECT_KIND("apology", "element.action", 1, "Sorry about Sunday's outing with the club.");
}

/* Session 28, holdout20-311: an allowance cut and a job hurried are harm
 * told with nobody doing it. */
static void test_passive_reduced_rushed_s28(void **state)
{
	(void)state;
	EXPECT("ownership.passive", 1, "Your allocation of 24 boxes was reduced to 9 on the morning of release.");
	EXPECT("ownership.passive", 1, "The job was rushed through in the last week before the deadline.");
	EXPECT("ownership.passive", 0, "We reduced your allocation by mistake.");
}

/* Session 28, holdout20-311: a listed word as part of a company's name
 * ("Harland Aggregates", "Mobile Staging") is no jargon; after "The", or
 * in capitals, it still is. */
static void test_jargon_in_company_name_s28(void **state)
{
	(void)state;
	EXPECT("tone.jargon", 0, "We value our partnership with Hallam Aggregates.");
	EXPECT("tone.jargon", 0, "Our stands come from Mobile Staging in Leeds.");
	EXPECT("tone.jargon", 1, "The staging server failed at noon.");
	EXPECT("tone.jargon", 1, "Staging failed at noon.");
	EXPECT("tone.jargon", 1, "Four SKUs were missing from your order.");
	/* acronyms every client knows (session 28: PTA 0 of 7 marked, HGV 0
	 * of 6, PO 2 of 14) */
	EXPECT("tone.jargon", 0, "The PTA stall needs an HGV slot and a PO number.");
}

/* Session 28, holdout20-311: what another party or thing has still not
 * done is what a delay waits on; we ourselves, a finding denied or the
 * date unmoved is not. */
static void test_delay_reason_still_not_done_s28(void **state)
{
	(void)state;
	EXPECT_KIND("delay", "element.delay-reason", 0,
		    "The fitting moves to Wednesday 2 December. UKPN haven't energised the new feeder pillar yet.");
	EXPECT_KIND("delay", "element.delay-reason", 0,
		    "The fitting moves to Wednesday 2 December. The replacement reader boards have not arrived.");
	EXPECT_KIND("delay", "element.delay-reason", 0,
		    "The fitting moves to Wednesday 2 December. The coroner's office has not yet released her.");
	EXPECT_KIND("delay", "element.delay-reason", 1, "The fitting moves to Wednesday 2 December. We have not finished it.");
	EXPECT_KIND("delay", "element.delay-reason", 1,
		    "The fitting moves to Wednesday 2 December. The surveyor has not found a fault with the frame.");
}

/* Session 28, holdout20-303: "was/were not" and a verb in the simple past
 * is an act left undone whose doer is hidden, whatever the sentence says
 * around it; a reassurance, our own people, a scope, a condition or a
 * cause of ours named after it is not. */
static void test_passive_past_omission_s28(void **state)
{
	(void)state;
	EXPECT("ownership.passive", 1, "Each retry took a second, because the retry queue was not emptied after the change.");
	EXPECT("ownership.passive", 1, "Unfortunately the lift was not checked before the vehicle left the depot on Tuesday.");
	EXPECT("ownership.passive", 1, "The discrepancy was not identified at the annual review.");
	EXPECT("ownership.passive", 0, "Card payments were not affected.");
	EXPECT("ownership.passive", 0, "Your records were not shared with anyone.");
	EXPECT("ownership.passive", 0, "Our night porter was not told of the change.");
	EXPECT("ownership.passive", 0, "If your parcel was not collected, call us.");
	EXPECT("ownership.passive", 0, "The coach was not booked by the school office.");
}

/* Session 28, holdout20-303: a fault put on someone else names what went
 * wrong (ownership.blame-shift says what is wrong with it); fate and the
 * unknown name nothing. */
static void test_cause_from_blame_s28(void **state)
{
	(void)state;
	EXPECT_KIND("rca_update", "element.cause", 0, "Sorry about Friday. The fault lies with Polar Hire.");
	EXPECT_KIND("rca_update", "element.cause", 0, "Sorry about Friday. That is their error, not ours.");
	EXPECT_KIND("rca_update", "element.cause", 1, "Sorry about Friday. It was circumstances beyond our control.");
	EXPECT_KIND("rca_update", "element.cause", 1, "Sorry about Friday. These things happen.");
}

/* Session 28, holdout20-303: the people who slipped trained again is a
 * prevention; trade and engineering words several writers marked are
 * jargon. */
static void test_retrained_jargon_s28(void **state)
{
	(void)state;
	EXPECT_KIND("plan", "element.prevention", 0, "We have re-trained the team on the booking form.");
	EXPECT_KIND("plan", "element.prevention", 0, "All pickers have been retrained in plant identification.");
	EXPECT_KIND("plan", "element.prevention", 1, "We have trained a new picker.");
	EXPECT("tone.jargon", 1, "The cutover to the new till system is on Sunday.");
	EXPECT("tone.jargon", 1, "The geofence around the depot was drawn too small.");
	EXPECT("tone.jargon", 1, "The hood was cleaned to TR19 last week.");
	EXPECT("tone.jargon", 1, "Snagging on your extension starts on Monday.");
}

/* Session 28, holdout20-299: how far the work has got, told as its state
 * ("Cable survey complete.", "60% done", "Status: in progress"), is our
 * action; a condition, a negation, the client's part, harm, or what was
 * in progress when it failed is not. */
static void test_action_work_status_s28(void **state)
{
	(void)state;
	EXPECT_KIND("progress", "element.action", 0, "Hi Ann,\nCable survey complete.\nSam");
	EXPECT_KIND("progress", "element.action", 0, "Status: in progress\nThe dryer is back on site on Monday.");
	EXPECT_KIND("progress", "element.action", 0, "The replastering of the hall is approx 60% done.");
	EXPECT_KIND("progress", "element.action", 0, "Westgate: new locks. Complete.");
	EXPECT_KIND("progress", "element.action", 0, "Repairs to the culvert are under way.");
	EXPECT_KIND("progress", "element.action", 1, "Work will resume once the survey is complete.");
	EXPECT_KIND("progress", "element.action", 1, "The job is not yet complete.");
	EXPECT_KIND("progress", "element.action", 1, "Your part is done.");
	EXPECT_KIND("progress", "element.action", 1, "The damage is done.");
	EXPECT_KIND("apology", "element.action", 1,
		    "Orders that were in progress before the outage were not affected.");
}

/* Session 27, holdout20-261: work of ours in a second verb group after
 * "and have" ("we take full responsibility and have already collected
 * them"), after any adverb that does not deny ("we have nonetheless
 * arranged"), and in a short irregular participle ("we've since run test
 * calls") is the action; a denied one, or one with another subject, is
 * not. */
static void test_action_and_have_done_s27(void **state)
{
	(void)state;
	EXPECT_KIND("apology", "element.action", 0,
		    "Sorry about Saturday. We take full responsibility and have already collected them.");
	EXPECT_KIND("apology", "element.action", 0,
		    "Sorry about Saturday. We have nonetheless arranged for the court to be checked hourly.");
	EXPECT_KIND("apology", "element.action", 0, "Sorry about Saturday. We've since run test calls from every flat.");
	EXPECT_KIND("apology", "element.action", 1,
		    "Sorry about Saturday. We know the van was late and have not refunded you yet.");
	EXPECT_KIND("apology", "element.action", 1,
		    "Sorry about Saturday. We told you it was fine, and you have since paid the invoice.");
}

/* Session 26, holdout20-253: a date in a clause whose verb is our present
 * progressive ("we're replacing … on Wednesday 25 November") times the
 * fix, not the update promised after a comma in the same sentence. */
static void test_timeline_progressive_before_update_s26(void **state)
{
	(void)state;
	EXPECT_KIND("progress", "element.timeline", 0,
		    "We're replacing the two receivers on Wednesday 25 November, and I'll send you another update on "
		    "Thursday morning.");
	EXPECT_KIND("progress", "element.next-update", 0,
		    "We're replacing the two receivers on Wednesday 25 November, and I'll send you another update on "
		    "Thursday morning.");
}

/* Search and pipeline internals and ops slang are jargon; time zones and
 * units of size are known abbreviations. */
static void test_jargon_blind5(void **state)
{
	(void)state;
	EXPECT("tone.jargon", 1, "Your product pages will look odd until we reindex them.");
	EXPECT("tone.jargon", 1, "The monthly aggregates for your shops are rebuilt.");
	EXPECT("tone.jargon", 1, "Slow pages came from resource contention on one host.");
	EXPECT("tone.jargon", 1, "The worker machines were recycled at noon.");
	/* off the list in session 17: the writers of every labelled set
	 * marked "snapshot" in 1 of its 6 uses */
	EXPECT("tone.jargon", 0, "We restored your records from a snapshot.");
	EXPECT("tone.jargon", 0, "Your 4 GB archive is ready since 09:00 IST, and the 20 MB file since 10:00 JST.");
	EXPECT("tone.jargon", 1, "Your 4 GB archive is ready since 09:00 QZT.");
}

/* Hedges on plural subjects and on one's own view; marketing superlatives;
 * "anyone's control". */
static void test_phrases_blind5(void **state)
{
	(void)state;
	EXPECT("tone.hedging", 1, "The missing invoices appear to come from one branch.");
	EXPECT("tone.hedging", 1, "From what we can tell, only the March statements are affected.");
	EXPECT("tone.hedging", 0, "Only the March statements are affected.");
	EXPECT("tone.corporate", 1, "Our industry-leading support team is on it.");
	EXPECT("tone.corporate", 1, "We are committed to delivering reliable deliveries.");
	EXPECT("tone.corporate", 0, "We delivered the missing parcels on Monday.");
	EXPECT("ownership.blame-shift", 1, "The flood was beyond anyone's control.");
	EXPECT("ownership.blame-shift", 0, "The flood closed the depot; our plan for it failed.");
}

/* Harm participles (a safeguard muted, a session invalidated) and a
 * refusal in error hide who acted; a refusal with no fault does not. */
static void test_passive_blind5(void **state)
{
	(void)state;
	EXPECT("ownership.passive", 1, "The backup warning was silenced last week.");
	EXPECT("ownership.passive", 1, "Your saved carts were invalidated overnight.");
	EXPECT("ownership.passive", 1, "Several refund requests were rejected by mistake.");
	EXPECT("ownership.passive", 0, "Several refund requests were rejected as duplicates of earlier ones.");
}

/* A thing let go wrong ("was allowed to expire") hides who let it, but
 * not when the client's people were allowed something; a rule over every
 * case ("every trailer now gets a two-person check") is prevention, and a
 * state reported after the fix ("all orders now show the right price")
 * or one thing of the client's is none. */
static void test_let_lapse_every_case(void **state)
{
	(void)state;
	EXPECT("ownership.passive", 1, "The certificate was allowed to expire.");
	EXPECT("ownership.passive", 1, "The freezer was allowed to warm up overnight.");
	EXPECT("ownership.passive", 0, "Customers were allowed to rebook for free.");
	EXPECT("ownership.passive", 0, "You were allowed to cancel at no charge.");
	EXPECT("ownership.passive", 0, "The claim was allowed within hours.");
	EXPECT_KIND("review", "element.prevention", 0, "Every trailer now gets a two-person check after servicing.");
	EXPECT_KIND("review", "element.prevention", 1, "Not every trailer now gets a two-person check after servicing.");
	EXPECT_KIND("review", "element.prevention", 0,
		    "Each recommendation from an inspection now goes onto our work-order list.");
	EXPECT_KIND("review", "element.prevention", 1, "All orders now show the right price.");
	EXPECT_KIND("review", "element.prevention", 1, "Your trailer now gets a two-person check after servicing.");
}

/* A message to many ("Dear Patient", "To all residents", "Hi all") may
 * tell its impact of what they all use, without "you": a harm right after
 * was/were. Not in a letter to one person, not what names no harm
 * ("errors were made"), not the cause ("was down to"), not our act, not
 * a harm inside a conditional apology. */
static void test_impact_to_many(void **state)
{
	(void)state;
	EXPECT_KIND("apology", "element.impact", 0, "Dear Patient,\n\nSome appointments on Monday were cancelled without notice.");
	EXPECT_KIND("apology", "element.impact", 0, "To all residents,\n\nCard payments were unavailable on Friday evening.");
	EXPECT_KIND("apology", "element.impact", 1, "Dear Dr Shah,\n\nSome appointments on Monday were cancelled without notice.");
	EXPECT_KIND("apology", "element.impact", 1, "Dear Patient,\n\nErrors were made in the timetable.");
	EXPECT_KIND("apology", "element.impact", 1, "Dear Patient,\n\nThe delay was down to a staff shortage.");
	EXPECT_KIND("apology", "element.impact", 1, "Hi all,\n\nOur team released the consignment to the wrong haulier.");
	EXPECT_KIND("apology", "element.impact", 1, "Dear Customer,\n\nWe apologise if orders were delayed.");
}

/* Our stewards and pickers are our people: what they do is our action;
 * the client's nurses are not ours. A driver stays no team noun: "one of
 * our forklift drivers damaged the table" is a delay's reason only as
 * another's misdeed (party_misdid), which a team noun is not. */
static void test_action_our_people(void **state)
{
	(void)state;
	EXPECT_KIND("resolution", "element.action", 0, "Our stewards switched to checking tickets by hand.");
	EXPECT_KIND("resolution", "element.action", 0, "Two of our pickers are re-checking every bin label today.");
	EXPECT_KIND("delay", "element.delay-reason", 0,
		    "One of our forklift drivers damaged the table, so it now arrives on Tuesday 8 December.");
	EXPECT_KIND("resolution", "element.action", 1, "The nurses at your clinic rebooked the patients.");
}

/* A cause told with "down to" after was/were; an amount fallen to is
 * none. */
static void test_cause_down_to(void **state)
{
	(void)state;
	EXPECT_KIND("rca_update", "element.cause", 0, "The late deliveries were partly down to the wrong postcodes in the file.");
	EXPECT_KIND("rca_update", "element.cause", 0, "The outage was largely down to a full disk on our server.");
	EXPECT_KIND("rca_update", "element.cause", 1, "The queue was down to 40 orders by Friday.");
	EXPECT_KIND("rca_update", "element.cause", 1, "Response times were down to normal by noon.");
}

/* A named role is a point person and "give us a call" invites one; a
 * check or alert we added is prevention; a redone output is our action.
 * (Blind set 5 counted "your relationship manager" alone as the contact;
 * since session 20 the role needs the person named, as the Format
 * section and element.contact's summary say: test_contact_role_unnamed_s20.) */
static void test_elements_blind5(void **state)
{
	(void)state;
	EXPECT_KIND("follow_up", "element.contact", 0,
		    "Everything works again. Your relationship manager, Ana Ruiz, can go through it.");
	EXPECT_KIND("follow_up", "element.contact", 0, "Everything works again. Give us a call if anything looks odd.");
	EXPECT_KIND("follow_up", "element.contact", 1, "Everything works again. Our status page has the details.");
	EXPECT_KIND("review", "element.prevention", 0,
		    "We have added an alert that tells our team when a feed stops.");
	EXPECT_KIND("review", "element.prevention", 1, "We have fixed the feed.");
	EXPECT_KIND("resolution", "element.action", 0, "The broken labels have been regenerated.");
	EXPECT_KIND("resolution", "element.action", 1, "The broken labels are fine.");
}

/* Contexts: a denied ability is no hedge; a date pushed back hides who
 * pushed it, as "postponed" does, whatever the reason told with it; a
 * national-format number is a phone; a bare staff noun opening the
 * sentence is our team; an adverb may sit in "have now been". */
static void test_contexts_blind5(void **state)
{
	(void)state;
	EXPECT("tone.hedging", 0, "No reviewer could have spotted the typo.");
	EXPECT("tone.hedging", 1, "A reviewer could have spotted the typo.");
	EXPECT("ownership.passive", 1, "The go-live was pushed back because of a supplier strike.");
	EXPECT("ownership.passive", 1, "The go-live was postponed because of a supplier strike.");
	EXPECT("ownership.passive", 1, "The go-live was deleted because of a supplier strike.");
	EXPECT_KIND("follow_up", "element.contact", 0, "All is well again. Ring 0161 496 0000 with anything.");
	EXPECT_KIND("follow_up", "element.contact", 1, "All is well again. Order 0042 ships 12 May.");
	EXPECT_KIND("resolution", "element.action", 0, "Technicians are replacing the faulty router.");
	EXPECT_KIND("resolution", "element.action", 1, "People are replacing the faulty router.");
	EXPECT_KIND("resolution", "element.action", 0, "Your invoices have now been corrected.");
	EXPECT_KIND("resolution", "element.action", 1, "Your invoices have never been corrected.");
}

/* Crowd apologies to "each/every <noun> that was affected"; our check's
 * finding as a delay reason; a cause promised for later is none; a
 * passive in an if-clause or explained by the next sentence hides no one;
 * a modal perfect ("may have shown") narrates the past. */
static void test_more_blind5(void **state)
{
	(void)state;
	EXPECT("apology.generic", 1, "We apologise to each shop that was affected.");
	EXPECT("apology.generic", 0, "We apologise to each shop that lost orders on Monday.");
	EXPECT_KIND("delay", "element.delay-reason", 0,
		    "The switch moves to Friday. The audit we did this morning found 40 wrong prices.");
	/* anyone's check that found a fault tells why (obstacle_told) */
	EXPECT_KIND("delay", "element.delay-reason", 0,
		    "The switch moves to Friday. Their audit this morning found 40 wrong prices.");
	EXPECT_KIND("review", "element.cause", 1, "We will share the root cause with you next week.");
	EXPECT_KIND("review", "element.cause", 0, "The root cause was an expired certificate.");
	EXPECT_KIND("review", "element.cause", 0, "The errors appear to have been caused by an expired certificate.");
	EXPECT("ownership.passive", 0, "If your order was cancelled twice, write to us.");
	EXPECT("ownership.passive", 1, "Your order was cancelled twice, so write to us.");
	EXPECT("ownership.passive", 0, "Some invoices were deleted. That happened because we ran the cleanup on the wrong folder.");
	EXPECT("ownership.passive", 1, "Some invoices were deleted. That is why your totals look low.");
	EXPECT_KIND("apology", "element.next-update", 1,
		    "We are sorry. Your portal may have shown old prices after our update on Friday.");
	EXPECT_KIND("apology", "element.next-update", 0, "We are sorry. There will be an update on Friday.");
}

/* "barely" and "scarcely" predict non-notice like "hardly"; people at
 * large are an audience there; our own non-notice is no minimising. */
static void test_unnoticed_blind5(void **state)
{
	(void)state;
	EXPECT("tone.minimizing", 1, "Your shoppers will barely have noticed the slowdown.");
	EXPECT("tone.minimizing", 1, "Most people will scarcely notice the change.");
	EXPECT("tone.minimizing", 0, "We barely noticed the alert at first.");
}

/* An event, then ", so" and the client's things harmed in the past, is a
 * cause (hedged or not); a remedy then "so you can" is none. A negated "on
 * time" said of the client's things is impact. */
static void test_consequence_blind5(void **state)
{
	(void)state;
	EXPECT_KIND("review", "element.cause", 0, "The cooling unit in the data centre failed, so your reports arrived late.");
	EXPECT_KIND("review", "element.cause", 0, "It looks like the cooling unit failed, so your reports arrived late.");
	EXPECT_KIND("review", "element.cause", 1, "We restarted the cooling unit, so you can run reports again.");
	EXPECT_KIND("review", "element.cause", 1, "The cooling unit was replaced, so you can run reports again.");
	EXPECT_KIND("apology", "element.impact", 0, "We are sorry. Your newsletters were not delivered on time.");
	EXPECT_KIND("apology", "element.impact", 1, "We are sorry. Your newsletters were delivered on time.");
	EXPECT_KIND("apology", "element.impact", 1, "We are sorry. We did not reply on time.");
}

/* An entry of several words in a class list ("bump in the road" among
 * the minimizing nouns) classifies its first word where it is found whole;
 * the first word alone is not classified. */
static void test_class_list_phrases(void **state)
{
	(void)state;
	EXPECT("tone.minimizing", 1, "Yesterday's failed card payments were a bump in the road.");
	EXPECT("tone.minimizing", 0, "Yesterday's failed card payments were a bump in traffic for our support desk.");
}

/* Our infrastructure by its engineering names and the operations and
 * states of it are jargon; "ETA" is a known abbreviation; stock
 * commitments to standards and to customers at large are corporate. */
static void test_jargon_blind6(void **state)
{
	(void)state;
	EXPECT("tone.jargon", 1, "Every page load waited for a free slot in the connection pool.");
	EXPECT("tone.jargon", 1, "Orders queued up behind the message broker in Oslo.");
	EXPECT("tone.jargon", 1, "The dashboards read from a read replica that fell behind.");
	EXPECT("tone.jargon", 1, "A firewall rule blocked the port your tills connect to.");
	EXPECT("tone.jargon", 1, "The pricing engine skipped your discount codes.");
	EXPECT("tone.jargon", 1, "We finished a rolling restart of the web tier.");
	EXPECT("tone.jargon", 1, "The index went into a yellow state overnight.");
	EXPECT("tone.jargon", 0, "The new tills connect to our servers again.");
	EXPECT("tone.jargon", 0, "Courier pickup ETA: 16:00.");
	EXPECT("tone.corporate", 1, "Our bank remains committed to your success.");
	EXPECT("tone.corporate", 1, "We hold ourselves to the highest standards of care.");
	EXPECT("tone.corporate", 1, "We value our clients above all.");
	EXPECT("tone.corporate", 0, "We remain on call until the queue is empty.");
}

/* "Too" before a minimiser admits a fault; the client's people at large
 * acting right after "because" are blamed; a passive of an ordinary
 * action done outside what was agreed or without approval hides a
 * mistake. */
static void test_tone_blind6(void **state)
{
	(void)state;
	EXPECT("tone.minimizing", 0, "We set the page limit too small by mistake.");
	EXPECT("tone.minimizing", 1, "There was a small mistake in the page limit.");
	EXPECT("ownership.blame-shift", 1, "The reports were late because users uploaded far too many files at once.");
	EXPECT("ownership.blame-shift", 0, "We moved the deadline because users could not log in.");
	EXPECT("ownership.passive", 1, "The card batch was scheduled without approval.");
	EXPECT("ownership.passive", 0, "The card batch was scheduled for Tuesday.");
}

/* "as soon as we can" compares, it gives no reason; what nobody foresaw
 * is one. The next message by other names and a promised publication are
 * next updates, and "will" promising a message is no action; a team named
 * by one word after "our" or "the" is ours, a named company's is not. */
static void test_elements_blind6(void **state)
{
	(void)state;
	EXPECT_KIND("delay", "element.delay-reason", 1, "The export is late. We will send it as quickly as we can.");
	EXPECT_KIND("delay", "element.delay-reason", 0,
		    "The export is late. No one could have foreseen that the courier would lose both drives.");
	EXPECT_KIND("delay", "element.delay-reason", 1, "The export is late. No one could have foreseen it.");
	EXPECT_KIND("apology", "element.next-update", 0, "We are sorry. Next bulletin: Friday 09:00.");
	EXPECT_KIND("apology", "element.next-update", 0, "We are sorry. We will publish the full report on Friday at 10:00.");
	EXPECT_KIND("apology", "element.next-update", 1, "We are sorry. We published the full report on Friday.");
	EXPECT_KIND("resolution", "element.action", 1, "Service is back. We will post another update at 17:00.");
	EXPECT_KIND("resolution", "element.action", 0, "Service is back. Our billing team is correcting the totals.");
	EXPECT_KIND("resolution", "element.action", 0, "Service is back. The network team restarted the routers.");
	EXPECT_KIND("resolution", "element.action", 1, "Service is back. The Stripe team restarted the routers.");
	EXPECT_KIND("resolution", "element.action", 0, "Service is back. We undid the change at noon.");
	EXPECT_KIND("resolution", "element.action", 0, "Service is back. Our team is in contact with the courier.");
}

/* Ownership: not inside a conditional apology, not a remedy in the
 * present perfect, but our act that made something fail. Impact on the
 * audience's things named in the singular ("member accounts"); a harm
 * that came with an act of ours ("when we switched") is its cause; a
 * "What we change:" field and a check we added are prevention. */
static void test_own_impact_blind6(void **state)
{
	(void)state;
	EXPECT_KIND("apology", "element.ownership", 1, "Sorry if we got this wrong for your team.");
	EXPECT_KIND("apology", "element.ownership", 1, "We are sorry. We have paused the nightly sync for your shop.");
	EXPECT_KIND("apology", "element.ownership", 0, "We are sorry. We paused the nightly sync by mistake and forgot to restart it.");
	EXPECT_KIND("apology", "element.ownership", 0, "We are sorry. Our release made the app crash for an hour.");
	EXPECT_KIND("apology", "element.ownership", 1, "We are sorry. Our release made the app fast again.");
	EXPECT_KIND("apology", "element.impact", 0, "We are sorry. Member accounts created on Monday were deleted overnight.");
	EXPECT_KIND("apology", "element.impact", 1, "We are sorry. Member accounts created on Monday look fine.");
	EXPECT_KIND("review", "element.cause", 0, "Our importer skipped half of your contacts when we switched databases.");
	EXPECT_KIND("review", "element.cause", 1, "We restored your contacts when we switched databases.");
	EXPECT_KIND("review", "element.prevention", 0, "We fixed the export.\n\nWhat we change: a second engineer approves every release.");
	EXPECT_KIND("review", "element.prevention", 1, "We fixed the export.\n\nWhat we found: a second engineer approves every release.");
	EXPECT_KIND("review", "element.prevention", 0, "We fixed the export. We have added two more checks on the file size.");
	EXPECT_KIND("review", "element.prevention", 1, "We fixed the export. We have added the missing rows to your file.");
}

/* holdout7's tone and ownership classes, in other words: "upstream" or
 * "downstream" placing a third party is plain English, SIM a known
 * acronym, letters with one digit an acronym (not a postcode); a numbered
 * status tag is no placeholder; a vague count, a remainder made small and
 * a harm state after a minimiser minimise, our staff counted do not; "it
 * is possible that" hedges; loading with a fault and holding that made
 * things late hide who acted; a third party acting after "because" and
 * the client's people where the fault "came from" are blamed. */
static void test_tone_blind7(void **state)
{
	(void)state;
	EXPECT("tone.jargon", 0, "The refund run slipped because a downstream supplier changed its file format.");
	EXPECT("tone.jargon", 1, "The pages timed out while the upstream was slow.");
	EXPECT("tone.jargon", 0, "If the handset still shows no signal, take the SIM out and put it back.");
	EXPECT("tone.jargon", 1, "The ward tablets lost their link to the PX4 server.");
	EXPECT("tone.jargon", 0, "Our depot at LS1 4AB is open again.");
	EXPECT("tone.jargon", 0, "Your containers are held at the port of Antwerp until Thursday.");
	EXPECT("tone.jargon", 1, "We opened port 8443 for the new tills.");
	EXPECT("template.unfilled", 0, "[UPDATE 2] The export is running again.");
	EXPECT("template.unfilled", 1, "[NAME 2] The export is running again.");
	EXPECT("tone.minimizing", 1, "The outage hid a small number of patients from the ward lists.");
	EXPECT("tone.minimizing", 1, "We have re-sent most of the forms. Just a few remain.");
	EXPECT("tone.minimizing", 0, "We have re-sent most of the forms and a few are left.");
	EXPECT("tone.minimizing", 0, "The failed restore took hours because only two of our technicians had the keys.");
	EXPECT("tone.minimizing", 0, "During the outage only one person could approve refunds.");
	EXPECT("tone.minimizing", 1, "The printed labels were slightly damaged in the outage.");
	EXPECT("tone.hedging", 1, "It is possible that some refunds went to old cards.");
	EXPECT("tone.hedging", 0, "We will refund you as soon as possible.");
	EXPECT("ownership.passive", 1, "An incorrect price list was loaded into the shop on Monday.");
	EXPECT("ownership.passive", 0, "The new price list was loaded into the shop on Monday.");
	EXPECT("ownership.passive", 1, "The payouts were held overnight and paid a day late.");
	EXPECT("ownership.passive", 0, "The parcel was held at the border because our form had the wrong weight.");
	EXPECT("ownership.blame-shift", 1, "The refunds took a week because the payment processor rejected our batch.");
	EXPECT("ownership.blame-shift", 0, "The refunds can take a week because a supplier can take two days to answer.");
	EXPECT("ownership.blame-shift", 1, "Half the bad rows came from figures typed in by your own finance staff.");
	EXPECT("ownership.blame-shift", 0, "We sent the corrected rows to your own finance staff.");
}

/* holdout7's cause and prevention classes, in other words: a vague
 * reason with nothing that places it, vague factors that "led to" it and
 * a "What happened" section give no cause; a check we will add and a
 * way of working we change are prevention, a change told with the
 * client's harm after it is the cause, not prevention. */
static void test_cause_prevention_blind7(void **state)
{
	(void)state;
	EXPECT_KIND("review", "element.cause", 1, "The import failed due to circumstances beyond our control.");
	EXPECT_KIND("review", "element.cause", 0,
		    "The import failed due to circumstances beyond our control at the storage site.");
	EXPECT_KIND("review", "element.cause", 1, "Several factors on the night led to the failed import.");
	EXPECT_KIND("review", "element.cause", 0, "A full disk on the night led to the failed import.");
	EXPECT_KIND("review", "element.cause", 1, "## What happened\nThe import stopped for three hours on Monday.");
	EXPECT_KIND("review", "element.cause", 0, "## Why it happened\nThe import stopped because our disk filled up.");
	EXPECT_KIND("review", "element.prevention", 0, "We fixed the import. Next month we will add a check that compares the totals.");
	EXPECT_KIND("review", "element.prevention", 0, "We fixed the import, and we are redesigning our release procedure.");
	EXPECT_KIND("review", "element.prevention", 1, "We fixed the import, and we are following our release procedure.");
	EXPECT_KIND("review", "element.prevention", 1,
		    "We fixed the import. We changed the file format last week, and your reports failed overnight.");
	EXPECT_KIND("review", "element.prevention", 0,
		    "We fixed the import. We changed the loader so that it retries, and it now reads each file twice.");
}

/* holdout7's time classes, in other words: "e-mail you" is a next
 * message like "email you"; the sentence after a bare "Next update." label
 * times the next message even when it names a "timeline"; a date on a
 * title line with no word of the fix is the message's own; a time that
 * opens "we <past verb>" (or "we had …", after "this morning") is past. */
static void test_times_blind7(void **state)
{
	(void)state;
	EXPECT_KIND("progress", "element.next-update", 0, "The export is running again. We will e-mail you again on Friday at 10:00.");
	EXPECT_KIND("rca_update", "element.next-update", 0,
		    "The export failed.\n\n**Next update.** We will send the full timeline on Friday 27 November by 17:00.");
	EXPECT_KIND("rca_update", "element.next-update", 1,
		    "The export failed.\n\n**Next update.**\n\nWe will have the full timeline on Friday 27 November by 17:00.");
	EXPECT_KIND("progress", "element.timeline", 1, "## Payroll export: progress, Monday 23 November\n\nWe are rebuilding the export.");
	EXPECT_KIND("progress", "element.timeline", 0, "## Export fixed by Friday 27 November\n\nWe are rebuilding the export.");
	EXPECT_KIND("progress", "element.timeline", 1, "We are rebuilding the export. At 08:30 this morning we had restored half of the files.");
	EXPECT_KIND("progress", "element.timeline", 1, "We are rebuilding the export. At 22:10 on Saturday we stopped the old job.");
	EXPECT_KIND("progress", "element.timeline", 0, "We are rebuilding the export. At 22:10 on Saturday we expect to finish it.");
}

/* holdout7's remaining element classes, in other words: an admitting
 * participle after a determiner is an adjective, not our admission; a
 * fault label answered "ours" owns it; a field labelled with a
 * why-question gives the delay's reason; a freephone number with no
 * leading 0 is a contact. */
/* ---- holdout8's classes, in other words than its messages ---------------- */

/* Harm to the reader's things told with an ordinary verb and no actor, the
 * reader becoming the subject after our act, frozen screens, a participle
 * after a possessive read as no act, and long subjects that deny the harm
 * (holdout8). */
static void test_passive_blind8(void **state)
{
	(void)state;
	EXPECT("ownership.passive", 1, "On Tuesday some of your invoices were left unsent.");
	EXPECT("ownership.passive", 1, "Your standing orders were switched off over the weekend.");
	EXPECT("ownership.passive", 0, "Your refund was sent this morning.");
	EXPECT("ownership.passive", 1,
	       "Our booking system refused every payment, so you could not sell tickets, and the Sunday match was cancelled.");
	EXPECT("ownership.passive", 0, "Our booking system cancelled the Sunday match by mistake.");
	EXPECT("ownership.passive", 1, "The price screens in your branches were frozen for an hour.");
	EXPECT("ownership.passive", 1, "Cause of Monday's cancelled lessons\n\nSeveral lessons were cancelled on Monday.");
	EXPECT("ownership.passive", 0, "None of the parcels booked before the 09:30 cut-off were lost.");
	EXPECT("ownership.passive", 1, "It did not start because the wrong port number was entered.");
}

/* Internals vocabulary and its compounds: memory, data formats, integrity
 * checks, queue workers, a model's pipelines and alerts (holdout8); the
 * bare "pipeline" stays a plain word. The bare "cache"
 * did too until session 25, when writers had marked it in 16 of the 21
 * messages that used it. */
static void test_jargon_blind8(void **state)
{
	(void)state;
	EXPECT("tone.jargon", 1, "The report server ran out of heap at noon.");
	EXPECT("tone.jargon", 1, "We now compare checksums of every upload.");
	EXPECT("tone.jargon", 1, "The export failed because the schema had changed.");
	EXPECT("tone.jargon", 1, "We restarted the background workers at 10:00.");
	/* off the list in session 16: writers marked 3 of 19 reported uses of
	 * these words (data pipeline, storage bucket, payment gateway,
	 * migration script, trunk main) */
	EXPECT("tone.jargon", 0, "A data pipeline fed the wrong prices to your shop.");
	/* "purge" off the list in session 32: 5 of 22 uses marked */
	EXPECT("tone.jargon", 0, "We purged the stored pages too early.");
	EXPECT("tone.jargon", 0, "Your sales pipeline for December is safe.");
	EXPECT("tone.jargon", 1, "We cleared the cache on your dashboards.");
}

/* Money and past spans made small, a dip as harm, the feelings of the
 * client's people, and missing members of the corporate, overreach and
 * generic-apology lists (holdout8), in other words. */
static void test_tone_blind8(void **state)
{
	(void)state;
	EXPECT("tone.minimizing", 1, "The overcharge came to just 40 dollars a store.");
	EXPECT("tone.minimizing", 1, "Your stores closed early, but it was just one afternoon.");
	EXPECT("tone.minimizing", 0, "We will only need two more days to finish the audit.");
	EXPECT("tone.minimizing", 1, "Your lines saw a slight dip in call quality.");
	EXPECT("apology.non-apology", 1, "We are sorry your drivers felt ignored last week.");
	EXPECT("apology.non-apology", 0, "We are sorry your drivers lost a day of work.");
	EXPECT("tone.corporate", 1, "Our team is committed to providing great care.");
	EXPECT("tone.corporate", 1, "You deserve the highest level of service.");
	EXPECT("promise.overreach", 1, "The new check will totally eliminate missed deliveries.");
	EXPECT("apology.generic", 1, "We apologise for any discomfort this may have caused.");
}

/* A third party as the subject of an act whose consequence ", so" gives
 * as the client's harm (holdout8); not as the object of a preposition, and
 * not when "so that" gives a purpose. */
static void test_blame_blind8(void **state)
{
	(void)state;
	EXPECT("ownership.blame-shift", 1, "Last night our hosting provider rebooted the database, so your shop was down for an hour.");
	EXPECT("ownership.blame-shift", 0, "Last night our hosting provider rebooted the database, so that your shop would be faster.");
	EXPECT("ownership.blame-shift", 0, "The session with our payment processor dropped, so your checkout stopped.");
}

/* Prevention told as keeping it from coming back or as watching that now
 * alerts us; our action told as loading again (holdout8), in other words. */
static void test_elements_blind8(void **state)
{
	(void)state;
	EXPECT_KIND("review", "element.prevention", 0,
		    "Our export failed on Monday. To keep this from happening twice, each export runs a trial copy first.");
	EXPECT_KIND("review", "element.prevention", 0,
		    "Our export failed on Monday. We now monitor the export queue and are alerted when it stalls.");
	EXPECT_KIND("review", "element.prevention", 1, "Our export failed on Monday. We re-ran it on Tuesday.");
	EXPECT_KIND("resolution", "element.action", 0, "The map works again. We have reloaded the lost routes.");
	/* a date after "will" in its own clause times the fix, though the
	 * next clause promises the next message */
	EXPECT_KIND("progress", "element.timeline", 0,
		    "We will replace the last two routers by Friday 27 November, and I will call you on Friday evening.");
	EXPECT_KIND("progress", "element.next-update", 0,
		    "We are replacing the routers. On Friday 27 November, we will send you the next update.");
	/* a phone number with the hours after a comma is still a number */
	EXPECT_KIND("resolution", "element.contact", 0,
		    "The map works again. Our desk can help on +44 20 7946 0321, 08:00–18:00 on weekdays.");
}

/* ---- holdout9's classes, in other words than its messages ---------------- */

/* Prevention told as a gate before each change or release of ours, a check
 * or sign-off that now stands in the way, a refusal built in; our action
 * told as cancelling, matching or making again (holdout9), in other words. */
static void test_elements_blind9(void **state)
{
	(void)state;
	EXPECT_KIND("review", "element.prevention", 0,
		    "Our export failed on Monday. A dry run on a copy of your ledger happens before each upgrade.");
	EXPECT_KIND("plan", "element.prevention", 0,
		    "Our export failed on Monday.\n\n- Before any new export format ships, a tester signs it off.");
	EXPECT_KIND("review", "element.prevention", 0,
		    "Our export failed on Monday. Each price file is now compared with last week's before we publish it.");
	EXPECT_KIND("review", "element.prevention", 0,
		    "Our export failed on Monday. From January the uploader will reject a file with a blank row.");
	EXPECT_KIND("review", "element.prevention", 1,
		    "Our export failed on Monday. We had checked it before each of the last three runs.");
	EXPECT_KIND("resolution", "element.action", 0,
		    "The shop works again. We have cancelled the duplicate invoices and reprinted the labels.");
	EXPECT_KIND("resolution", "element.action", 0,
		    "The shop works again. Our team matched each refund to its order overnight.");
}

/* A party's fault declared theirs alone, and an operator of a network or
 * service named as the cause (holdout9), in other words. */
static void test_blame_blind9(void **state)
{
	(void)state;
	EXPECT("ownership.blame-shift", 1, "The courier lost three pallets, and that was their fault.");
	EXPECT("ownership.blame-shift", 1, "The outage was caused by the mobile operator's roaming gateway.");
	EXPECT("ownership.blame-shift", 0, "We lost three pallets in our own warehouse, and that was our fault.");
	EXPECT_KIND("delay", "element.delay-reason", 0,
		    "The new kiosk will open on 14 December, not 1 December. This is down to a missing power cable.");
}

/* The client's people who acted, as the reason: after "the cause was"
 * and right after "because" ("because some of your …"), and a fault that
 * "lies with" someone else (holdout10), in other words. */
static void test_blame_blind10(void **state)
{
	(void)state;
	EXPECT("ownership.blame-shift", 1,
	       "The error in the payroll run was caused when your team approved the old rota twice.");
	EXPECT("ownership.blame-shift", 1,
	       "The root cause is that your people typed the tax codes into the wrong column.");
	EXPECT("ownership.blame-shift", 1,
	       "The sync failed because two of your engineers logged in with expired cards.");
	EXPECT("ownership.blame-shift", 1, "The problem lies with the old telephone exchange in the village.");
	/* the client's people harmed, and the fault kept as ours */
	EXPECT("ownership.blame-shift", 0, "The outage failed because our router dropped calls to some of your nurses.");
	EXPECT("ownership.blame-shift", 0, "The fault lies with us, and we are sorry.");
}

/* Stock thanks for the client's custom or loyalty, and no further slip
 * promised outright (holdout10), in other words. */
static void test_tone_blind10(void **state)
{
	(void)state;
	EXPECT("tone.corporate", 1, "The line is back now, and we value your loyalty.");
	EXPECT("promise.overreach", 1, "The boards arrive on Monday, and there will be no further delays.");
	EXPECT("promise.overreach", 1, "The survey moves to Friday; that is the final delay, I assure you.");
	EXPECT("promise.overreach", 0, "The survey moves to Friday because of the rain.");
	/* "port" as a harbour, also beside a network of places */
	EXPECT("tone.jargon", 0, "The pallets left the port of Rotterdam late, and our network of depots is catching up.");
	EXPECT("tone.jargon", 0, "Our delivery from the port was held by a customs check across our network of depots.");
	EXPECT("tone.jargon", 1, "A firewall change on our network closed the port that your till uses.");
	/* qualifications are known acronyms to an education client */
	EXPECT("tone.jargon", 0, "The GCSE grades of 40 pupils were shown in the IB column.");
	/* "only" after a modal limits what someone can do, not the harm;
	 * unless the verb sizes the harm */
	EXPECT("tone.minimizing", 0,
	       "The pump failed its test, and the supplier could only ship two spare pumps this week.");
	EXPECT("tone.minimizing", 1, "The outage will only take a few minutes of your morning.");
}

/* Our actions told by a role ("our planner has …"), by fitting, and as a
 * series of verbs that share one subject across commas (holdout10), in
 * other words. */
static void test_action_blind10(void **state)
{
	(void)state;
	EXPECT_KIND("progress", "element.action", 0,
		    "Update: our coordinator has now rebuilt the rota for the weekend.");
	EXPECT_KIND("progress", "element.action", 0,
		    "Update: our technicians are fitting new door sensors in every ward.");
	EXPECT_KIND("progress", "element.action", 0,
		    "We phoned the depot at 07:00 about the late vans, reloaded the lorries by 09:30, and "
		    "have added a second driver to the early round.");
	/* a clause of the client's, then a verb with no subject of ours */
	EXPECT_KIND("progress", "element.action", 1, "Update: your vans left late, reloaded by the depot staff.");
}

/* Passives told as a mistake by a prefix ("double-", "mis-"), any act
 * done to the client's things in such a sentence, and a "backup" thing
 * that failed rather than a restore from backup (holdout10), in other
 * words. */
static void test_passive_blind10(void **state)
{
	(void)state;
	EXPECT("ownership.passive", 1, "Some of the invoices were mis-sent to old addresses.");
	EXPECT("ownership.passive", 2,
	       "On Friday the tables were double-booked, and three of your guests were seated at the same table.");
	EXPECT("ownership.passive", 1,
	       "When the mains failed, the backup pump was left unplugged after the service, so it did not run.");
	/* no mistake told, or the sentence names what of ours did it */
	EXPECT("ownership.passive", 0, "Your parcels were delivered on Monday.");
	EXPECT("ownership.passive", 0, "We moved the server at noon, and three of your lessons were interrupted.");
	/* the ", so" clause as the consequence of an act of ours just told */
	EXPECT("ownership.passive", 0,
	       "Our driver skipped your street on Tuesday when he changed the round, so your recycling was left on "
	       "the kerb.");
	EXPECT("ownership.passive", 1, "The depot lost power on Tuesday, so your recycling was left on the kerb for a week.");
}

/* Lateness told as the span after the date "we agreed" or after "we
 * promised" it (holdout10), in other words. */
static void test_late_ack_blind10(void **state)
{
	(void)state;
	struct rd_check_opts o = opts_("other");
	o.late = true;
	o.due_at = o.now - 48 * 3600;
	const char *acks[] = {"Our summary arrives a week after the date we agreed. Our import dropped your prices.",
		"This note gets to you two days after I promised it. Our import dropped your prices.", NULL};
	for (size_t q = 0; acks[q]; q++) {
		struct rd_check_result *r = run_opts(acks[q], &o);
		if (count(r, "element.late-ack") != 0)
			fail_msg("%s: late-ack not found", acks[q]);
		rd_check_result_free(r);
	}
	struct rd_check_result *r = run_opts("We agreed the new prices on Monday. Our import dropped your prices.", &o);
	assert_int_equal(count(r, "element.late-ack"), 1);
	rd_check_result_free(r);
}

/* Causes told as what let the failure happen, as an act of ours done
 * without a check, as our own act "when we" did another, and as a third
 * party's act that is a fault by itself (holdout11), in other words. */
static void test_cause_blind11(void **state)
{
	(void)state;
	EXPECT_KIND("rca_update", "element.cause", 0,
		    "Update: a timing fault in the scheduler let two nurses take the same shift on Monday.");
	EXPECT_KIND("rca_update", "element.cause", 0,
		    "Update: our engineer changed the price table without asking a colleague to review it.");
	EXPECT_KIND("rca_update", "element.cause", 0,
		    "Update: we broke the login page on Monday when we renamed the session store.");
	EXPECT_KIND("rca_update", "element.cause", 0, "Update: the supplier missed the Monday slot for your printers.");
	/* "let" and "without" that tell nothing of the cause */
	EXPECT_KIND("rca_update", "element.cause", 1, "Update: please let us know if the shifts look right now.");
	EXPECT_KIND("rca_update", "element.cause", 1, "Update: we refunded every order without waiting for a claim.");
	EXPECT("ownership.blame-shift", 1, "The supplier missed the Monday slot for your printers.");
	EXPECT("ownership.blame-shift", 0, "The supplier delivered the printers on Monday.");
	EXPECT("ownership.blame-shift", 1, "It was plain bad luck: the courier dropped one of the crates.");
}

/* The public a service serves by what they do with it ("listeners"),
 * and "lost" as their harm (holdout11), in other words. */
static void test_impact_blind11(void **state)
{
	(void)state;
	EXPECT_KIND("apology", "element.impact", 0,
		    "We are sorry. Our radio feed cut out at noon, and listeners lost the whole match commentary.");
	/* "lost" after us says what happened to us */
	EXPECT_KIND("apology", "element.impact", 1, "We are sorry. We lost power at the depot at noon.");
}

/* A gate "before any" event told in the present perfect stands now
 * (holdout11), in other words. */
static void test_prevention_blind11(void **state)
{
	(void)state;
	EXPECT_KIND("rca_update", "element.prevention", 0,
		    "Update: we have rebuilt the sign-up form and put a manual review before any account goes live.");
	EXPECT_KIND("rca_update", "element.prevention", 1, "Update: we had checked the totals before every run last month.");
}

/* The next message told as a report "again" (holdout11), in other words. */
static void test_next_update_blind11(void **state)
{
	(void)state;
	EXPECT_KIND("progress", "element.next-update", 0,
		    "Update: the second lift is fixed. I will report again at 10:00 on Friday.");
	EXPECT_KIND("progress", "element.next-update", 1,
		    "Update: the second lift is fixed. Please report any fault to the desk.");
}

/* A phone number on a line of its own under the signature (holdout11),
 * in other words. */
static void test_contact_blind11(void **state)
{
	(void)state;
	EXPECT_KIND("apology", "element.contact", 0,
		    "We are sorry: we sent your boxes to the old shop.\n\nJo Lane\nAccounts\n0117 496 0123\n");
	/* too few digits for a national number */
	EXPECT_KIND("apology", "element.contact", 1,
		    "We are sorry: we sent your boxes to the old shop.\n\nJo Lane\nAccounts\n0117 496\n");
}

/* A day after an irregular past verb is past, not the fix's time
 * (holdout11), in other words. */
static void test_timeline_blind11(void **state)
{
	(void)state;
	EXPECT_KIND("delay", "element.timeline", 1,
		    "We have no new date yet. Our kiln broke on Friday, so your tiles are late.");
	EXPECT_KIND("delay", "element.timeline", 0,
		    "We have no new date yet. Our kiln will be fixed on Friday, so your tiles are late.");
}

/* Ownership told by one writer as "was mine" (holdout11), in other words. */
static void test_ownership_blind11(void **state)
{
	(void)state;
	EXPECT_KIND("rca_update", "element.ownership", 0, "Update: the rota emails went out twice. The error is mine.");
	EXPECT_KIND("rca_update", "element.ownership", 1, "Update: the rota emails went out twice. The choice was yours.");
}

/* Work going on now told as "we are <verb>ing", whatever the verb
 * (holdout11), in other words. */
static void test_action_blind11(void **state)
{
	(void)state;
	EXPECT_KIND("progress", "element.action", 0, "Update: we are now repainting the lines in your car park.");
	EXPECT_KIND("progress", "element.action", 0, "Update: I am phoning each of the 40 families this afternoon.");
	/* a wish or a state is no work */
	EXPECT_KIND("progress", "element.action", 1, "Update: we are hoping the paint dries by Friday.");
	EXPECT_KIND("progress", "element.action", 1, "Update: we are seeing fewer late vans this week.");
	/* work told by its object: "will be <participle> by" a time */
	EXPECT_KIND("progress", "element.action", 0,
		    "Update: the kitchen tiles are half laid. The rest will be finished by Friday noon.");
	EXPECT_KIND("progress", "element.action", 1, "Update: your accounts will be checked by the auditor next week.");
	EXPECT_KIND("progress", "element.action", 1, "Update: the rest will not be finished by Friday.");
}

/* A delay told as the ", so" consequence of an event: an inability or a
 * date that moved (holdout11), in other words. */
static void test_delay_reason_blind11(void **state)
{
	(void)state;
	EXPECT_KIND("delay", "element.delay-reason", 0,
		    "The kiosk opens on 14 December. The road to the site flooded on Friday, so we cannot deliver the "
		    "frame before then.");
	EXPECT_KIND("delay", "element.delay-reason", 0,
		    "Our kiln cracked last week and a new one comes in January, so the date for your tiles has moved.");
	EXPECT_KIND("delay", "element.delay-reason", 1,
		    "The kiosk opens on 14 December. We have the cable, so the date has not moved.");
	EXPECT_KIND("delay", "element.delay-reason", 1,
		    "The kiosk opens on 14 December instead of 1 December, so please plan for that.");
}

/* The client's people who acted, with a fault in what they did and no
 * cause word in the clause (holdout11), in other words. */
static void test_blame_blind11(void **state)
{
	(void)state;
	EXPECT("ownership.blame-shift", 1, "It seems your team uploaded an incorrect price file last night.");
	EXPECT("ownership.blame-shift", 1, "Sadly your planners typed the wrong depot code, so our vans went to Leeds.");
	EXPECT("ownership.blame-shift", 0, "Your staff entered the new names on Monday.");
	EXPECT("ownership.blame-shift", 0, "We sent your staff the wrong forms on Monday.");
	/* the message owns it: the party checks step aside */
	EXPECT("ownership.blame-shift", 0, "Your team uploaded an incorrect file, but that was our mistake: we should have checked it.");
}

/* Passives with a fault as subject, the ", so" clause of such a passive,
 * a thing "left un…ed", and the ", and" outcome of an act of ours that
 * admits no fault (holdout11), in other words. */
static void test_passive_blind11(void **state)
{
	(void)state;
	EXPECT("ownership.passive", 1, "Several faults were introduced into the price list on Monday.");
	EXPECT("ownership.passive", 2, "A bug was shipped in the Friday release, so parcels were sent to the old depot.");
	EXPECT("ownership.passive", 1, "The back doors were left unlocked over the weekend.");
	EXPECT("ownership.passive", 0, "The error was corrected within an hour.");
	EXPECT("ownership.passive", 0, "It was a typing error when the list was uploaded.");
	EXPECT("ownership.passive", 0, "We sent the signed form on Friday, and your container was released that evening.");
	/* no "we" with a blameless verb before ", and": the passive made
	 * late is judged as before */
	EXPECT("ownership.passive", 1, "Our depot lost the form on Friday, and your container was released a week late.");
}

/* What we could not do, and the client's people given as the reason,
 * are no harm told to the client (holdout12), in other words. */
static void test_impact_blind12(void **state)
{
	(void)state;
	HAS_NOT("apology", "impact", "Our technician could not come to your office on Monday.");
	HAS_NOT("apology", "impact", "Our technician could not come on Monday because your desk staff logged the call under the wrong name.");
	HAS("apology", "impact", "Your staff could not open the doors on Monday.");
}

/* "our" after "from" names where the failing thing came from, not who
 * failed (holdout12), in other words. */
static void test_ownership_blind12(void **state)
{
	(void)state;
	HAS_NOT("apology", "ownership", "The calls from our switchboard dropped twice on Friday.");
	HAS("apology", "ownership", "Our switchboard dropped your calls twice on Friday.");
}

/* A date after "since", and one after "from" that starts a span, are no
 * time for the fix (holdout12), in other words. */
static void test_timeline_blind12(void **state)
{
	(void)state;
	HAS_NOT("progress", "timeline", "Finished since Thursday: 20 rooms painted.");
	HAS_NOT("delay", "timeline", "The opening moves from 3 December to a date we cannot give yet.");
	HAS("delay", "timeline", "The opening moves from 3 December to 10 December.");
	HAS("plan", "timeline", "We will paint the rooms from Monday until Friday.");
}

/* The stock promise of presence (holdout12), in other words. */
static void test_corporate_blind12(void **state)
{
	(void)state;
	EXPECT("tone.corporate", 1, "We are committed to being there whenever you call.");
	EXPECT("tone.corporate", 1, "Our team loves being there for you.");
}

/* The feelings of the client's people told with "were" and a feeling,
 * after "sorry" or "sorry to hear" (holdout12), in other words. */
static void test_non_apology_blind12(void **state)
{
	(void)state;
	EXPECT("apology.non-apology", 1, "We are sorry to hear your diners were upset by the closure.");
	EXPECT("apology.non-apology", 1, "We are sorry to hear that your pupils were frustrated.");
	EXPECT("apology.non-apology", 1, "I'm sorry your drivers were annoyed at the depot.");
	EXPECT("apology.non-apology", 0, "We are sorry your orders were late.");
}

/* "100% of" and "zero" inside a promise (holdout12), in other words;
 * the same words told as facts, or declined, are no overreach. */
static void test_overreach_blind12(void **state)
{
	(void)state;
	EXPECT("promise.overreach", 1, "We will refund 100% of missed deliveries.");
	EXPECT("promise.overreach", 0, "By Friday 100% of the orders had shipped.");
	EXPECT("promise.overreach", 1, "We will cut late arrivals to zero by spring.");
	EXPECT("promise.overreach", 0, "Zero orders were lost on Friday.");
	EXPECT("promise.overreach", 0, "We cannot promise zero faults.");
}

/* Engineering names a client does not use, and PIN as a known acronym
 * (holdout12), in other words. */
static void test_jargon_blind12(void **state)
{
	(void)state;
	EXPECT("tone.jargon", 1, "The WebSocket link to the tills dropped at noon.");
	EXPECT("tone.jargon", 1, "A null value in the order table stopped the export.");
	EXPECT("tone.jargon", 1, "The telematics units in two vans stopped reporting.");
	EXPECT("tone.jargon", 0, "Please enter your PIN at the gate.");
}

/* A forecast told as "should" and any verb, and a hope behind a modal
 * (holdout12), in other words; admissions and instructions are no
 * hedge. */
static void test_hedging_blind12(void **state)
{
	(void)state;
	EXPECT("tone.hedging", 1, "The lift should restart on Friday morning.");
	EXPECT("tone.hedging", 1, "The noise should now be gone.");
	EXPECT("tone.hedging", 1, "We would hope to visit you next week.");
	EXPECT("tone.hedging", 0, "We should have tested the lift before Friday.");
	EXPECT("tone.hedging", 0, "It should never have left the depot.");
	EXPECT("tone.hedging", 0, "Your staff should sign in again tomorrow.");
}

/* Harm made small (holdout12), in other words: a vague count of those who
 * saw things disappear, a couple of missed services, a fault called a
 * small oversight, and a delay told in the present as "only a day". */
static void test_minimizing_blind12(void **state)
{
	(void)state;
	EXPECT("tone.minimizing", 1, "Since noon a small number of shops have seen saved carts disappear.");
	EXPECT("tone.minimizing", 1, "It was just a couple of missed deliveries.");
	EXPECT("tone.minimizing", 1, "It was a slight oversight in the setup.");
	EXPECT("tone.minimizing", 1, "The hold-up is only a day.");
	/* "only" limiting what we need, not the harm */
	EXPECT("tone.minimizing", 0, "We only need a day to finish.");
}

/* Elements the checker did not find (holdout12), in other words: a plain
 * "Cause" heading over its section; a delay told by a cause phrase or by
 * our own act with a prefix of mistake; a check that now stands, an alarm
 * added, an alert one of ours gets; remaking and reimbursing as our
 * action. */
static void test_elements_blind12(void **state)
{
	(void)state;
	HAS("review", "cause", "Summary\nOrders failed on Monday.\n\nCause\nThe price feed sent empty rows for two hours.\n");
	HAS_NOT("review", "cause", "Summary\nOrders failed on Monday.\n\nCause\nWe do not know it yet.\n");
	HAS("delay", "delay-reason", "The opening moves to Friday. Our glazier let us down.");
	HAS("delay", "delay-reason", "The opening moves to Friday. We underestimated the wiring work.");
	HAS("delay", "delay-reason", "The opening moves to Friday. We mis-ordered the panes.");
	/* a vague reason stays vague, though "due to" is a cause phrase too */
	HAS_NOT("delay", "delay-reason", "The opening moves to Friday, due to unforeseen circumstances.");
	HAS("rca_update", "prevention", "Our front desk now verifies every address against the order.");
	HAS("rca_update", "prevention", "We have added an alarm that rings when the freezer warms.");
	HAS("rca_update", "prevention", "Our duty manager gets an alert when a fridge warms.");
	HAS("rca_update", "action", "We have remade the six broken frames.");
	HAS("rca_update", "action", "We reimbursed the parking fees.");
}

/* The client's people named through a thing of theirs ("your X's …
 * team"), and the client's side named by a cause phrase (holdout12), in
 * other words. */
static void test_blame_blind12(void **state)
{
	(void)state;
	EXPECT("ownership.blame-shift", 1, "Our driver was turned away because your warehouse's weekend door staff logged the booking under the wrong date.");
	EXPECT("ownership.blame-shift", 1, "Your client's own staff entered the wrong codes on Monday.");
	EXPECT("ownership.blame-shift", 0, "We sent your building's security team the wrong badge list.");
	EXPECT("ownership.blame-shift", 1, "The hold-up comes from your side: the forms are still unsigned.");
	EXPECT("ownership.blame-shift", 0, "The noise comes from your side of the wall.");
}

/* Third parties by what they do for us ("the firm that hosts our …"),
 * whoever "let us down", and a party that left undone what it owed us
 * (holdout12), in other words. */
static void test_vendor_blind12(void **state)
{
	(void)state;
	EXPECT("ownership.blame-shift", 1, "This one is down to the firm that hosts our booking pages: they changed a setting without telling anyone.");
	EXPECT("ownership.blame-shift", 0, "The firm that hosts our pages is excellent.");
	EXPECT("ownership.blame-shift", 1, "Our glass cutter let us down this month.");
	EXPECT("ownership.blame-shift", 0, "They have never let us down before.");
	EXPECT("ownership.blame-shift", 1, "The courier collected the boxes on Monday and did not tell us about the strike.");
	EXPECT("ownership.blame-shift", 1, "Our bank moved the cut-off time and never warned us.");
	/* "we" takes over as the subject before the omission */
	EXPECT("ownership.blame-shift", 0, "Our supplier shipped the parts on Monday, but we did not check them.");
	/* the party's own people carry the blame on: one finding to their verb */
	const char *text = "Our courier's depot failed, and their technicians took a day to reload the vans.";
	struct rd_check_result *r = run("other", text);
	assert_int_equal(count(r, "ownership.blame-shift"), 1);
	span_is(find(r, "ownership.blame-shift"), text, "courier's depot failed, and their technicians took");
	rd_check_result_free(r);
}

/* Passives of any verb told as a mistake by a fault marker after the
 * verb or in the subject, by "but never" and a second verb, or by a check
 * that came after the act; harm participles of removing and silencing
 * (holdout12), in other words. */
static void test_passive_blind12(void **state)
{
	(void)state;
	EXPECT("ownership.passive", 1, "Forty invoices were closed in error on Tuesday.");
	EXPECT("ownership.passive", 1, "The wrong tyres were mounted on the van on Friday.");
	EXPECT("ownership.passive", 0, "The wrong figures were corrected the same day.");
	EXPECT("ownership.passive", 1, "The new password was created but never shared with the night staff.");
	EXPECT("ownership.passive", 1, "The menus were laminated before the prices had been approved.");
	EXPECT("ownership.passive", 0, "The menus were laminated before the guests arrived.");
	EXPECT("ownership.passive", 1, "All the old photos were stripped of their captions.");
	EXPECT("ownership.passive", 1, "The smoke alarms were suppressed during the works.");
}

/* A passive done in the middle of our routine work ("during an update",
 * "during routine maintenance") is a side effect nobody meant, whatever
 * the verb (holdout13), in other words. */
static void test_passive_blind13(void **state)
{
	(void)state;
	EXPECT("ownership.passive", 1, "The price rules were edited during a routine upgrade of the shop.");
	EXPECT("ownership.passive", 1, "Two door alarms were turned off during our weekend maintenance.");
	EXPECT("ownership.passive", 1, "The tax rate was set from 5 to 50 during the migration to the new till.");
	/* a check or repair done during the work is no mistake */
	EXPECT("ownership.passive", 0, "The backups were checked during the maintenance window.");
	EXPECT("ownership.passive", 0, "The boxes were moved during the night.");
}

/* A passive act that went ahead lacking what it needed ("were saved
 * without the ward", "were removed without anyone asking"), but not one
 * done without harm (holdout13), in other words. */
static void test_passive_without_blind13(void **state)
{
	(void)state;
	EXPECT("ownership.passive", 1, "The March orders were packed without their delivery notes.");
	EXPECT("ownership.passive", 1, "Three members were moved to the waiting list without anybody requesting it.");
	EXPECT("ownership.passive", 0, "The site was moved to the new servers without any downtime.");
	EXPECT("ownership.passive", 0, "All orders were packed without errors.");
}

/* A "Why:" field tells what went wrong, as a "Cause:" field does
 * (holdout13), in other words. */
static void test_cause_why_field_blind13(void **state)
{
	(void)state;
	HAS("rca_update", "cause", "Hello all,\nWhy: the night shift's rota file held last year's dates, so the van left at six.");
	HAS_NOT("rca_update", "cause", "Hello all,\nThe van left at six. We are looking into it.");
}

/* The stock claims of care whatever is said to matter — "we take <it>
 * seriously", "we <adverb> value our …" — and letters that point at
 * themselves, a valued partner (holdout13), in other words. */
static void test_corporate_blind13(void **state)
{
	(void)state;
	EXPECT("tone.corporate", 1, "We take the safety of your climbers extremely seriously.");
	EXPECT("tone.corporate", 1, "We deeply value our relationship with your school.");
	EXPECT("tone.corporate", 1, "Please find attached the new rota.");
	EXPECT("tone.corporate", 1, "As a valued partner, you get the first slots.");
	/* one finding for the listed phrase, none without "we" */
	EXPECT("tone.corporate", 1, "We take this very seriously.");
	EXPECT("tone.corporate", 0, "Your drivers take the speed limits seriously.");
	EXPECT("tone.corporate", 0, "We did not value the stock correctly.");
}

/* A third party's verb past its name set off by commas ("because our
 * courier, <Name>, …") (holdout13), in other words. */
static void test_blame_blind13(void **state)
{
	(void)state;
	EXPECT("ownership.blame-shift", 1, "The boxes came late because our courier, Swiftline Parcels, mislabelled the pallets.");
	EXPECT("ownership.blame-shift", 0, "Our courier, Swiftline Parcels, has been with us for years.");
}

/* A jargon word that opens the title line under a signature's name line,
 * and the everyday PC, as no jargon; PLC alone (a machine's controller)
 * as an unknown acronym, but not after a company's name (holdout15), in
 * other words. */
static void test_jargon_blind15(void **state)
{
	(void)state;
	EXPECT("tone.jargon", 0, "Call me if anything is wrong.\n\nBest,\nTom Akers\nDevOps Engineer, Fernway\n");
	EXPECT("tone.jargon", 1, "Call me if anything is wrong.\nDevOps engineers restarted it.\n");
	EXPECT("tone.jargon", 1, "We are sorry.\n\nThe night shift\nDevOps Engineer on call\n");
	EXPECT("tone.jargon", 0, "The till PC at your Hexham shop froze on Monday.");
	EXPECT("tone.jargon", 1, "The PLC on the bottling line lost its settings.");
	EXPECT("tone.jargon", 0, "We invoiced Marlow Foods PLC on Monday.");
}

/* Passives told as a mistake by their own sentence (holdout15), in other
 * words: the verb as the last part of a hyphenated compound, what "was
 * found to be" wrong, and "twice" after the verb unless the next clause
 * shares the two acts between their doers; a fault that "was found"
 * hides no one. */
static void test_passive_blind15(void **state)
{
	(void)state;
	EXPECT("ownership.passive", 1, "The renewal letters were re-posted in error to every tenant.");
	EXPECT("ownership.passive", 1, "On Monday the price file was found to have been deleted after the upload.");
	EXPECT("ownership.passive", 1, "Forty diners were billed their deposit twice on Friday.");
	EXPECT("ownership.passive", 0, "The report was printed twice, once by the night clerk and once by a manager.");
	EXPECT("ownership.passive", 0, "We are sorry it took a week after the fault was found.");
}

/* Harm made small as a short stretch of time ("for a short while"), as
 * few of the client's people after "just" or "only", or as only some of
 * them noticing; a count of our own things is no harm made small
 * (holdout15), in other words. */
static void test_minimizing_blind15(void **state)
{
	(void)state;
	EXPECT("tone.minimizing", 1, "For a short while on Monday the card readers failed at every till.");
	EXPECT("tone.minimizing", 0, "For a short while on Monday we met in the garden.");
	EXPECT("tone.minimizing", 1, "Just a few of the guests were sent to the wrong hall.");
	EXPECT("tone.minimizing", 1, "Only shoppers paying late at night would have noticed the wrong totals.");
	EXPECT("tone.minimizing", 0, "Only shoppers with a loyalty card can use the new till.");
	EXPECT("tone.minimizing", 0, "The backup failed because the key was copied to only three of our six vans.");
}

/* A vague reason followed by the real one — after a colon, or after the
 * comma of a fronted "due to …" as a thing of ours that does not work —
 * gives the cause and the delay's reason (holdout15), in other words. */
static void test_vague_reason_told_blind15(void **state)
{
	(void)state;
	HAS("rca_update", "cause",
		"The outage was due to reasons outside our control: the power company cut the supply to our hall.");
	HAS_NOT("rca_update", "cause", "The outage was due to reasons outside our control.");
	HAS("delay", "delay-reason",
		"Due to unforeseen circumstances, our label printer is still not printing barcodes, so the launch moves to 4 December.");
	HAS_NOT("delay", "delay-reason", "Due to unforeseen circumstances, the launch moves to 4 December.");
	HAS_NOT("delay", "delay-reason", "Due to unforeseen circumstances, our team cannot finish before 4 December.");
}

/* A delay's reason told as a thing the work needed that was spoiled —
 * "was found to be" damaged or "was lost" (holdout15), in other words. */
static void test_delay_spoiled_blind15(void **state)
{
	(void)state;
	HAS("delay", "delay-reason", "The new menus go live on 4 December. The price list was found to be damaged after the copy.");
	HAS("delay", "delay-reason", "The new menus go live on 4 December. Half of the photos were lost in the move.");
	HAS_NOT("delay", "delay-reason", "The new menus go live on 4 December. No photos were lost in the move.");
	HAS_NOT("delay", "delay-reason", "The new menus go live on 4 December. The price list was found to be right.");
}

/* Prevention told as a step that must come before the thing can go on
 * ("before the order can be sent"), and a gate "before each" after a
 * passive in the present ("it gets checked before each …"), not one of
 * the past (holdout15), in other words. */
static void test_prevention_blind15(void **state)
{
	(void)state;
	HAS("plan", "prevention", "From Monday each refund will be shown to a manager before the till can close the day.");
	HAS_NOT("plan", "prevention", "On Monday the refund was shown to a manager before the till could close the day.");
	HAS("plan", "prevention", "We will put the new rate in the test sheet, so it gets checked before each price change.");
	HAS_NOT("plan", "prevention", "We checked the new rate before each price change last year.");
}

/* The next message promised by a verb that shares the writer with the
 * verb before it, or by the idiom for a short letter, and so its time is
 * no fix's timeline (holdout15), in other words. */
static void test_next_update_blind15(void **state)
{
	(void)state;
	HAS("progress", "next-update", "We are counting the returns and will report the total here by Friday 27 November.");
	HAS("progress", "next-update", "I'll drop you a note on Thursday with the figures.");
	HAS_NOT("progress", "timeline", "I'll drop you a note on Thursday with the figures.");
}

/* The deed owned as "our doing" is ownership; work done in the passive
 * with us as the agent ("were re-keyed by our night staff") is our
 * action, listed verb or not, but a harm done by us is not (holdout15),
 * in other words. */
static void test_ownership_action_blind15(void **state)
{
	(void)state;
	HAS("apology", "ownership", "The double charge was my doing, and I am sorry.");
	HAS("resolution", "action", "All done. The missing orders have been keyed in by our night staff.");
	HAS_NOT("resolution", "action", "All done. The missing orders were wiped by us.");
}

/* A company named after "our <its trade>" and a comma, whatever the
 * trade, after a cause phrase; the client's own contractor as the agent
 * of the fault (holdout15), in other words. */
static void test_blame_blind15(void **state)
{
	(void)state;
	EXPECT("ownership.blame-shift", 1, "The blank labels were caused by our paper mill, Inkwell, sending the wrong rolls.");
	EXPECT("ownership.blame-shift", 0, "Our paper mill, Inkwell, sent new rolls on Monday.");
	EXPECT("ownership.blame-shift", 0, "The blank labels were caused by our printer, Hermes, which we set up wrongly.");
	EXPECT("ownership.blame-shift", 1, "The gaps came from the rota being copied twice by your own payroll contractor.");
}

/* A promise made unconditional ("…, come what may") is overreach beside
 * a "will", not in a past account; thanks for a continued relationship
 * are corporate (holdout15), in other words. */
static void test_unconditional_thanks_blind15(void **state)
{
	(void)state;
	EXPECT("promise.overreach", 1, "I will have your new menus printed by Friday, whatever happens.");
	EXPECT("promise.overreach", 1, "Come what may, the hall will be ready for your dinner.");
	EXPECT("promise.overreach", 0, "No matter what was said on the phone, we should have checked the list.");
	EXPECT("tone.corporate", 1, "We appreciate your continued custom.");
}

/* An engineering product by its name in engineering case ("MongoDB"),
 * the clipped "cert" and what is counted on a log's partitions as
 * jargon; plural acronyms and names with one inner capital as none
 * (holdout15), in other words. */
static void test_jargon_names_blind15(void **state)
{
	(void)state;
	EXPECT("tone.jargon", 1, "The MongoDB upgrade on Sunday slowed your search page.");
	EXPECT("tone.jargon", 0, "We e-mailed the PDFs to McDonald and Partners on Monday.");
	EXPECT("tone.jargon", 1, "The web cert on the booking page ran out.");
	EXPECT("tone.jargon", 1, "We raised the partition count so the backlog cleared.");
	EXPECT("tone.jargon", 0, "The marquee has a partition between the bar and the dance floor.");
}

/* Passives told as a mistake by several things put in one place ("were
 * given the same locker") or by a loss in the ", and" clause after them
 * (holdout15), in other words. */
static void test_passive_together_blind15(void **state)
{
	(void)state;
	EXPECT("ownership.passive", 1, "On Monday two swimmers were assigned the same 07:00 lane.");
	EXPECT("ownership.passive", 0, "The parcels were sent on the same day as your order.");
	EXPECT("ownership.passive", 0, "The chairs were set out the same way as last year.");
	EXPECT("ownership.passive", 1, "The seating plan was moved to the new hall, and several guests lost their seats.");
	EXPECT("ownership.passive", 0, "The seating plan was moved to the new hall, and nothing was lost.");
}

/* Passives told as a mistake by their own sentence (holdout14), in other
 * words: a "during" of our work opening the sentence, "late" after any
 * verb, a supply cut, a mistake the passive's words tell beside a thing of
 * ours in a time clause, and the client's people as the subject right
 * after a passive mistake. */
static void test_passive_blind14(void **state)
{
	(void)state;
	EXPECT("ownership.passive", 1, "During routine maintenance on Sunday, the door sensors were unplugged.");
	EXPECT("ownership.passive", 0, "During the upgrade, the backups were checked.");
	EXPECT("ownership.passive", 1, "The customs form was submitted late, so the parcel sat at the border.");
	EXPECT("ownership.passive", 0, "The invoice was paid in late November.");
	EXPECT("ownership.passive", 1, "The water supply to the kitchen was cut for six hours.");
	EXPECT("ownership.passive", 1, "Several prices were set wrongly when our scanners imported the new list.");
	EXPECT("ownership.passive", 0, "Several prices were set wrongly because we imported the old list.");
	EXPECT("ownership.passive", 2,
	       "Invoices were sent to the wrong members on Monday. Some members were asked for a balance that was not theirs.");
	EXPECT("ownership.passive", 0, "Some members were asked for a new date.");
}

/* A delay's reason told as our act with a fault marker after its verb, a
 * thing of ours that broke down, or an act done late (holdout14), in
 * other words. */
static void test_delay_reason_blind14(void **state)
{
	(void)state;
	HAS("delay", "delay-reason", "The tills come on 4 December. We shipped the wrong cables to your store.");
	HAS("delay", "delay-reason", "The fitting moves to 4 December. Our crane broke down on Monday.");
	HAS("delay", "delay-reason", "The fitting moves to 4 December. The permit form was sent late, so the council has not approved it.");
	HAS_NOT("delay", "delay-reason", "The tills come on 4 December. We shipped the cables to your store on Monday.");
	HAS_NOT("delay", "delay-reason", "The fitting moves to 4 December. The parts will arrive late.");
	HAS_NOT("delay", "delay-reason", "The fitting moves to 4 December. Our crane never failed us.");
}

/* A cause told as a thing of ours that did the harm to the client's
 * things, or as an event after which nothing reached the client
 * (holdout14), in other words. */
static void test_cause_blind14(void **state)
{
	(void)state;
	HAS("rca_update", "cause", "Our booking engine deleted the tables your guests had reserved.");
	HAS("rca_update", "cause", "The relay stopped at midnight, so no messages reached your drivers.");
	HAS_NOT("rca_update", "cause", "Our engineers deleted the duplicate entries from your list.");
	HAS_NOT("rca_update", "cause", "The relay stopped at midnight, so the messages waited for the morning.");
}

/* Booking again and moving appointments are our actions (holdout14), in
 * other words. */
static void test_action_blind14(void **state)
{
	(void)state;
	HAS("plan", "action", "We have rescheduled the missed visits for next week.");
	HAS("plan", "action", "We rebooked all twelve guests on the later ferry.");
	HAS_NOT("plan", "action", "Your visits were rescheduled by the council.");
}

/* The client's harm told as what their thing did not do or as the
 * trouble they had, and harm made small as "a couple of" or "small
 * mix-ups" (holdout14), in other words. */
static void test_impact_minimizing_blind14(void **state)
{
	(void)state;
	HAS("apology", "impact", "We are sorry. On Monday your printers printed nothing at all.");
	HAS("apology", "impact", "We are sorry. Some of you had a few glitches at checkout.");
	HAS_NOT("apology", "impact", "We are sorry. Your logs showed nothing unusual.");
	HAS_NOT("apology", "impact", "We are sorry. You had no problems on Monday.");
	EXPECT("tone.minimizing", 1, "The outage affected only a couple of stores.");
	EXPECT("tone.minimizing", 1, "Some shops saw a handful of small mix-ups with their orders.");
	EXPECT("tone.minimizing", 0, "A couple of engineers are on site.");
}

/* The next message sent with a thing described by a participle ("the
 * completed checklist"), posted "here" again, or written "to each …"
 * (holdout14), in other words. */
static void test_next_update_blind14(void **state)
{
	(void)state;
	HAS("progress", "next-update", "I will e-mail you the completed checklist by Thursday at 10:00.");
	HAS("progress", "next-update", "The crew is on site and will post here again at 18:00 today.");
	HAS("progress", "next-update", "We will also write to each family by Friday 27 November.");
	HAS_NOT("progress", "next-update", "We will deliver the completed forms by Friday.");
	HAS("progress", "timeline", "We will deliver the completed forms by Friday.");
}

/* Prevention told as a refusal built in until someone checks, or as a
 * change of ours with a bare "so" of purpose; "what we have learned" and
 * the stock "lessons have been learned" name no measure (holdout14), in
 * other words. */
static void test_prevention_blind14(void **state)
{
	(void)state;
	HAS("plan", "prevention", "From Monday the till will not reopen after a crash until a manager approves the float.");
	HAS("plan", "prevention", "We are fitting a spare pump so one failed pump cannot flood the hall.");
	HAS("plan", "prevention", "We learned that checks must run before each release.");
	HAS_NOT("plan", "prevention", "We will not start the work until your office confirms the date.");
	HAS_NOT("plan", "prevention", "Here is what we have learned so far about the outage.");
	HAS_NOT("plan", "prevention", "Lessons have been learned by everyone.");
	EXPECT("tone.corporate", 1, "Lessons have been learned by everyone.");
}

/* Hedges told as we or I and a verb of belief, negated or not, or as a
 * relative "which might take …"; promises of no recurrence whatever the
 * verb (holdout14, and H940), in other words. */
static void test_hedging_overreach_blind14(void **state)
{
	(void)state;
	EXPECT("tone.hedging", 1, "We assume every parcel arrived, since nobody has called.");
	EXPECT("tone.hedging", 1, "I don't think the card numbers were visible.");
	EXPECT("tone.hedging", 1, "The engineers are rebuilding it, which might take until Friday.");
	EXPECT("tone.hedging", 0, "We think of our customers first.");
	EXPECT("tone.hedging", 0, "Here is a guide which may help your staff.");
	EXPECT("tone.hedging", 0, "We do not know yet; we will tell you on Friday.");
	EXPECT("promise.overreach", 1, "With the new sensor your freezers will never warm up again.");
	EXPECT("promise.overreach", 1, "Now no invoice can ever be sent twice again.");
	EXPECT("promise.overreach", 0, "We cannot promise that a pump will never fail again, so we added a spare.");
	EXPECT("promise.overreach", 0, "We will never forget how patient you were.");
}

/* Certificates by their protocol and storage buckets as jargon; a
 * jargon word in a job title after a name, and an acronym that is part
 * of a name, as none (holdout14), in other words. */
static void test_jargon_blind14(void **state)
{
	(void)state;
	EXPECT("tone.jargon", 1, "The SSL certificate on the card readers ran out.");
	EXPECT("tone.jargon", 0, "The photos sat in a storage bucket anyone could open."); /* session 16 */
	EXPECT("tone.jargon", 1, "The SRE team restarted the service.");
	EXPECT("tone.jargon", 0, "Questions to Anna Berg, SRE lead, on 020 7946 0000.");
	EXPECT("tone.jargon", 0, "The move for Harbour FM is now on Friday.");
	EXPECT("tone.jargon", 1, "We moved your FM feed on Friday.");
}

/* Our thing that only "did what it was told" puts the fault on whoever
 * told it, and the finding starts at the client's people who acted
 * before it in its sentence (holdout14), in other words. */
static void test_blame_as_told_blind14(void **state)
{
	(void)state;
	const char *text = "Your night manager uploaded the old price list, and our till did exactly what it was told.";
	EXPECT("ownership.blame-shift", 1, text);
	struct rd_check_result *r = run("other", text);
	const struct rd_check_finding *f = find(r, "ownership.blame-shift");
	assert_non_null(f);
	assert_int_equal(f->start, 0);
	rd_check_result_free(r);
	EXPECT("ownership.blame-shift", 1, "Our card reader did as it was told.");
	EXPECT("ownership.blame-shift", 0, "Your night manager uploaded the new price list on Monday.");
}

/* The weather or a natural event introduced as the cause (holdout14,
 * and H1314's storm and H1334's lightning), in other words. */
static void test_blame_nature_blind14(void **state)
{
	(void)state;
	EXPECT("ownership.blame-shift", 1, "The late deliveries were all down to the snow on the motorway.");
	EXPECT("ownership.blame-shift", 1, "The closure of the shop was caused by flooding in the street.");
	EXPECT("ownership.blame-shift", 0, "The pump stopped during the storm on Monday.");
	EXPECT("ownership.blame-shift", 0, "We will deliver on Friday whatever the weather.");
}

/* Parties named by the kind of organisation they are, someone else's own
 * people who acted in a sentence about the cause, and a party that is the
 * object of "failed to <verb>" (holdout14), in other words. */
static void test_blame_parties_blind14(void **state)
{
	(void)state;
	EXPECT("ownership.blame-shift", 1, "The outage was due to the alarm manufacturer.");
	EXPECT("ownership.blame-shift", 1, "The hold-up is down to the roofing firm, which sent the wrong tiles.");
	EXPECT("ownership.blame-shift", 1, "Cause: the order was right, but the club's own desk staff deleted it.");
	EXPECT("ownership.blame-shift", 1, "The cause was simple: their own warehouse staff unloaded the wrong pallets.");
	EXPECT("ownership.blame-shift", 0, "The club's own desk staff helped us put it right.");
	EXPECT("ownership.blame-shift", 0, "Twelve files failed to reach your contractors yesterday.");
}

/* A watch that raises an alarm on every case of the fault — "an alert
 * whenever …" — is prevention (holdout13), in other words. */
static void test_prevention_blind13(void **state)
{
	(void)state;
	HAS("plan", "prevention", "From Monday the till will send us an alarm whenever a refund is keyed twice.");
	HAS("plan", "prevention", "Next week: an alert whenever the night backup runs late.");
}

/* A change of ours still to come and what it rules out, after "so that"
 * or ", so" (holdout13), in other words. */
static void test_prevention_rules_out_blind13(void **state)
{
	(void)state;
	HAS("plan", "prevention", "We are fitting a second valve so that the tank cannot overflow.");
	HAS("plan", "prevention", "We will weigh every crate before loading it, so a short crate is never shipped.");
	HAS_NOT("plan", "prevention", "We will call you tomorrow, so you do not need to do anything.");
	HAS_NOT("plan", "prevention", "Our job stopped on Monday, so the files were not sent.");
}

/* Waits and timers inside our systems (holdout13), in other words. */
static void test_jargon_blind13(void **state)
{
	(void)state;
	EXPECT("tone.jargon", 1, "A lock wait held every export for an hour.");
	EXPECT("tone.jargon", 1, "The watchdog timer restarted the tills twice.");
}

/* A remainder with the thing counted before "left", stock filler and a
 * review's stock heading, and public bodies by their initials
 * (holdout11), in other words. */
static void test_tone_blind11(void **state)
{
	(void)state;
	EXPECT("tone.minimizing", 1, "The crates are mostly unpacked; only two pallets remaining in the yard.");
	EXPECT("tone.minimizing", 1, "Most rooms are painted, with just a few walls left to finish.");
	/* "left" as the verb of the people counted */
	EXPECT("tone.minimizing", 0, "The fire alarm rang and only two porters left the building.");
	EXPECT("tone.corporate", 1, "When all is said and done, your meals arrived late.");
	EXPECT("tone.corporate", 1, "Lessons learned from the outage are below.");
	EXPECT("tone.jargon", 0, "The DVLA returned your forms and the NHS trust booked the rooms again.");
}

/* A fault told, then "after" and the event that caused it; what the client
 * had to do, and missed appointments, as the harm (holdout9), in other
 * words. */
static void test_cause_impact_blind9(void **state)
{
	(void)state;
	EXPECT_KIND("rca_update", "element.cause", 0,
		    "We are sorry. Invoices went to the wrong addresses after a customer file was loaded twice.");
	EXPECT_KIND("rca_update", "element.cause", 1,
		    "We are sorry. Your refunds were sent after our weekly check on Friday.");
	EXPECT_KIND("apology", "element.impact", 0,
		    "We are sorry. On Monday your receptionists had to phone every patient themselves.");
	EXPECT_KIND("apology", "element.impact", 0, "We are sorry. Your salon had nine no-shows on Friday.");
	/* the fault given to our own team by name */
	EXPECT_KIND("apology", "element.ownership", 0,
		    "We are sorry. The refunds went out a day late, and that was our team's error.");
}

/* Ability hedged and a partnership valued in words (holdout9), in other
 * words. */
static void test_tone_blind9(void **state)
{
	(void)state;
	EXPECT("tone.hedging", 1, "The courier might be able to collect the pallets on Monday.");
	EXPECT("tone.hedging", 0, "The courier will collect the pallets on Monday at 09:00.");
	EXPECT("tone.corporate", 1, "We value our partnership with your clinic and thank you again.");
	/* a moved date as the harm a minimiser shrinks */
	EXPECT("tone.minimizing", 1, "The kiosk opens on 9 December instead. It is only a one-week slip, and nothing else changes.");
}

/* A third party in a clause whose cause word tells of a thing of ours, a
 * "## Cause" heading over its section, a "Reason:" field (holdout9), in
 * other words. */
static void test_parties_fields_blind9(void **state)
{
	(void)state;
	EXPECT("ownership.blame-shift", 0, "We are resending the orders our supplier posted when our shop was down.");
	EXPECT("ownership.blame-shift", 0,
	       "Our team is re-importing the files the vendor uploaded while our gateway failed, so your reports will be complete.");
	EXPECT("ownership.blame-shift", 1, "The vendor uploaded a broken file, so your reports were empty.");
	EXPECT_KIND("rca_update", "element.cause", 0,
		    "# Report\n\n## Cause\n\nA routing table was edited by hand and sent mail to the wrong server.");
	EXPECT_KIND("rca_update", "element.cause", 1,
		    "# Report\n\n## Cause\n\nWe do not know yet; we are still looking.");
	EXPECT_KIND("delay", "element.delay-reason", 0,
		    "New date for the kiosk\n\n- New date: 14 December\n- Reason: the screens arrived cracked.");
	EXPECT_KIND("delay", "element.delay-reason", 1,
		    "New date for the kiosk\n\n- New date: 14 December\n- Reason codes are unchanged.");
}

static void test_elements_blind7(void **state)
{
	(void)state;
	EXPECT_KIND("apology", "element.ownership", 1, "We are sorry. We are checking every failed transfer with your bank.");
	EXPECT_KIND("apology", "element.ownership", 0, "We are sorry. We failed to renew the certificate.");
	EXPECT_KIND("apology", "element.ownership", 0, "We are sorry the export stopped.\n\nWhose fault: ours.");
	EXPECT_KIND("apology", "element.ownership", 1, "We are sorry the export stopped.\n\nWhose fault: the courier's.");
	EXPECT_KIND("delay", "element.delay-reason", 0,
		    "The migration will not be ready on Friday.\n\nWhy it slipped: the copy of your data took six hours in our test run.");
	EXPECT_KIND("delay", "element.delay-reason", 1,
		    "The migration will not be ready on Friday.\n\nWhat stays the same: your staff see no change.");
	EXPECT_KIND("resolution", "element.contact", 0, "Service is back. If it fails again, call our fault desk on 1800 555 204.");
	EXPECT_KIND("resolution", "element.contact", 1, "Service is back. We moved 1800 555 accounts overnight.");
}

/* What a time sentence gets (the timeline element, a contradicted ETA) and
 * where, as offsets from byte OFF: "found" flags and spans in w[0..4). */
static void far_times_facts(const struct rd_check_result *r, size_t off, size_t w[4])
{
	const struct rd_check_element *e = elem(r, "timeline");
	assert_non_null(e);
	const struct rd_check_finding *f = find(r, "fact.contradiction");
	w[0] = e->found;
	w[1] = e->found ? e->start - off : 0;
	w[2] = f != NULL;
	w[3] = f ? f->start - off : 0;
}

/* The times' roles and ETA contexts come from an index of the sentences
 * of one item at a time (item_index_cover, rules.c; it used to cover some
 * 8,192 tokens): a time sentence after a long stretch of text, far from
 * the sentence the last index covered, gets the timeline element and the
 * contradiction it gets right after the first time of the message. */
static void test_elements_far_times(void **state)
{
	(void)state;
	static const char *const first = "We will update you daily at 10:00 until then. ";
	static const char *const filler = "Our team looked at the logs. ";   /* 6 tokens */
	static const char *const tail[] = {
		"We expect the rebuild to be complete by 18:00 UTC.",
		"Expect the full plan from me by Friday noon UTC.",
		"The import will be finished by 06:10 UTC.",
		"The queue was at 12,000 jobs at 06:30 UTC, and when it drains we expect a fix by 18:00.",
		"We will know the fix worked when test alerts page on-call within 2 minutes.",
		"We expect the fix to be complete by Saturday 28 November 2026, 17:00 CET.",
		"Friday 27 November 2026, 13:00 (UTC+01:00) is when we expect the fix.",
		"ETA: Monday 30 November.",
		"Once the patch is tested, service will be restored within 2 hours.",
	};
	struct rd_prior_fact p;
	memset(&p, 0, sizeof p);
	p.comm_id = 6;
	p.same_client = true;
	p.at = t_("2026-11-18T07:00:00Z");
	p.has_eta = true;
	p.eta = t_("2026-11-27T16:00:00Z");
	struct rd_check_opts o = opts_("progress");
	o.prior = &p;
	o.n_prior = 1;
	size_t fl = strlen(filler), n0 = strlen(first);
	for (size_t i = 0; i < sizeof tail / sizeof tail[0]; i++) {
		char near[256];
		snprintf(near, sizeof near, "%s%s", first, tail[i]);
		struct rd_check_result *r = run_opts(near, &o);
		size_t want[4], got[4];
		far_times_facts(r, n0, want);
		rd_check_result_free(r);
		/* 1,360 to 1,367 filler sentences: the tail sentence starts
		 * before, on and after token 8,192 */
		for (size_t k = 1360; k <= 1367; k++) {
			size_t len = n0 + k * fl + strlen(tail[i]);
			char *text = malloc(len + 1);
			assert_non_null(text);
			memcpy(text, first, n0);
			for (size_t j = 0; j < k; j++)
				memcpy(text + n0 + j * fl, filler, fl);
			memcpy(text + n0 + k * fl, tail[i], strlen(tail[i]) + 1);
			r = run_opts(text, &o);
			far_times_facts(r, n0 + k * fl, got);
			if (memcmp(want, got, sizeof want))
				fail_msg("\"%s\" after %zu sentences: timeline %zu at %zu, contradiction %zu at %zu; "
					 "alone %zu at %zu, %zu at %zu", tail[i], k, got[0], got[1], got[2], got[3],
					 want[0], want[1], want[2], want[3]);
			assert_true(elem(r, "next-update")->found);
			rd_check_result_free(r);
			free(text);
		}
	}
}

static void test_late_ack_real(void **state)
{
	(void)state;
	struct rd_check_opts o = opts_("other");
	o.late = true;
	o.due_at = o.now - 3 * 86400;
	struct rd_check_result *r = run_opts("Apologies for the three days of silence.", &o);
	assert_int_equal(count(r, "element.late-ack"), 0);
	rd_check_result_free(r);
	/* "or sooner" looks ahead; it does not acknowledge being late */
	r = run_opts("I will update you tomorrow at 10:00, or sooner if anything changes.", &o);
	assert_int_equal(count(r, "element.late-ack"), 1);
	rd_check_result_free(r);
	r = run_opts("I will update you tomorrow at 10:00, or earlier if we finish sooner.", &o);
	assert_int_equal(count(r, "element.late-ack"), 1);
	rd_check_result_free(r);
	r = run_opts("Please accept my apology for not writing sooner.", &o);
	assert_int_equal(count(r, "element.late-ack"), 0);
	rd_check_result_free(r);
}

/* The policy's lists leave repair out: rd_check adds it to plan and
 * resolution when goodwill is on record, whichever list the caller passes. */
static void test_repair_with_policy_list(void **state)
{
	(void)state;
	struct rd_check_opts o = opts_("resolution");
	const char *const req[] = {"action", "contact", NULL};
	o.required_elements = req;
	const char *text = "We restored the service. Call me on +49 30 1234 5678.";
	struct rd_check_result *r = run_opts(text, &o);
	assert_int_equal(count(r, "element.repair"), 0);
	rd_check_result_free(r);
	o.repair_expected = true;
	r = run_opts(text, &o);
	assert_int_equal(count(r, "element.repair"), 1);
	rd_check_result_free(r);
	/* not for other kinds */
	o.kind = "progress";
	r = run_opts(text, &o);
	assert_int_equal(count(r, "element.repair"), 0);
	rd_check_result_free(r);
}

/* Element phrasings written to probe each element rather than taken from
 * a blind set (3 December): a delay's reason told as the event itself
 * (a thing stopped on the way, a party's mistake, a road or line cut, a
 * person ill, a test that turned something up, "longer because …"); each
 * with the near miss that is no reason. */
static void test_delay_reason_events(void **state)
{
	(void)state;
	HAS("delay", "delay-reason", "The boiler swap moves to Monday. The new valves were held up at the depot.");
	HAS("delay", "delay-reason", "The boiler swap moves to Monday. Two of our vans are stranded by the snow.");
	HAS("delay", "delay-reason", "The boiler swap moves to Monday. The wholesaler sent the wrong valves.");
	HAS("delay", "delay-reason", "The boiler swap moves to Monday. A lorry damaged the gas main on your street.");
	HAS("delay", "delay-reason", "The boiler swap moves to Monday. Our fitter fell ill on Thursday.");
	HAS("delay", "delay-reason", "The boiler swap moves to Monday. The pressure test turned up a leak in the loft.");
	HAS("delay", "delay-reason", "The boiler swap moves to Monday. It is taking longer because the old pipes are lead.");
	HAS_NOT("delay", "delay-reason", "The boiler swap moves to Monday. The survey was held on Friday.");
	HAS_NOT("delay", "delay-reason", "The boiler swap moves to Monday. The valves were not held up at all.");
	/* a fault told as an event is a reason (obstacle_told) */
	HAS("delay", "delay-reason", "The boiler swap moves to Monday. The work order was closed in error.");
	HAS_NOT("delay", "delay-reason", "The boiler swap moves to Monday. It is taking longer than we planned.");
}

/* Each of TEXTS (NULL-terminated) gets N findings of RULE (kind "other"). */
static void expect_each(const char *rule, int n, const char *const *texts)
{
	for (size_t k = 0; texts[k]; k++)
		EXPECT(rule, n, texts[k]);
}

/* HEAD followed by each of TEXTS (NULL-terminated), as a message of KIND,
 * has element NAME when WANT, lacks it otherwise. */
static void has_each(const char *kind, const char *name, const char *head, const char *const *texts, bool want)
{
	char buf[512];
	for (size_t k = 0; texts[k]; k++) {
		snprintf(buf, sizeof buf, "%s%s", head, texts[k]);
		if (want)
			HAS(kind, name, buf);
		else
			HAS_NOT(kind, name, buf);
	}
}

/* The last resort for a delay's reason (obstacle_told): what got in the
 * way told as an event — a block "until", a past inability, a verb of
 * failing or finding, a fault or a trouble named near a past verb, or
 * what was owed and did not come; not a neutral event, our telling, the
 * date's move, what we ought to have done, a comparison, a participle
 * describing a thing, nor a negated finding. */
static void test_delay_reason_obstacle_told(void **state)
{
	(void)state;
	const char *head = "The survey moves to Friday 4 December. ";
	static const char *const has[] = {
		"The only engineer who holds the licence cannot visit until next week.",
		"The hire firm has no other scaffold free until Monday.",
		"The tile supplier could not deliver last week.",
		"The crane hire firm was unable to send a driver on Friday.",
		"The kiln overran by a day and cracked two of the tiles.",
		"Our dry run flagged 300 rooms with the wrong floor codes.",
		"The exports still timed out on the larger sites.",
		"The glass we ordered arrived in the wrong thickness.",
		"The ferry was held for two days at Calais after a crane failure there.",
		"The council has not approved the road closure.",
		"The roofer's mistake meant the sheets went on upside down, and they stripped them on Friday.",
		NULL,
	};
	static const char *const has_not[] = {
		"The survey was held on Friday.",
		"We shipped the cables to your store on Monday.",
		"The paint was mixed at the depot.",
		"We cannot hand you the keys until Friday 4 December.",
		"We won't know the new time until Thursday.",
		"I'm sorry we couldn't tell you sooner.",
		"We should have checked the tiles when they were delivered.",
		"Please do not move the furniture until the fitter calls.",
		"We could not be happier with how the build is going.",
		"The parts shipped to your office on Monday carry no fault.",
		"The engineer rescheduled the faulty server swap.",
		"The laptops they need are on the faulty pallet.",
		"The work finishes on Friday, with power restored before the faulty feed is removed.",
		"If the kiln overran, we would hold the date.",
		"The inspector has not found a fault with the frame.",
		"Your billing team discovered the new export format.",
		"The price list was found to be right.",
		"Our crew remain committed to finishing on time.",
		"Scheduled maintenance extended.",
		"Their hand-dyed wool kits are the wrong shade.",
		"We know the laptops they need are late.",
		"Has the scanner failed its check again?",
		"Our fitters feel tired after the wrong delivery.",
		NULL,
	};
	has_each("delay", "delay-reason", head, has, true);
	has_each("delay", "delay-reason", head, has_not, false);
}

/* Blame placed on another party's side or end, or outside someone's
 * control, in words no list holds (side_placed, control_placed), and a
 * fault denied to us after "them" or a side ("down to them, not us", "at
 * their end, not ours"); not our side, a side of a place or a system, a
 * side denied, the reader's side where a harm struck, a side or end in a
 * sentence without a failure or one that goes on to our own part, "the
 * end of", nor what was outside the reader's control. */
static void test_blame_placed_side_end_control(void **state)
{
	(void)state;
	static const char *const blamed[] = {
		"The outage was on the DNO side.",
		"The sync failed on the aggregator side overnight.",
		"The error sat at the printer's end.",
		"The import broke at their end on Friday.",
		"The delay is down to them, not us.",
		"The problem sat at their end, not ours.",
		"This was outside of the school's control.",
		"The closure was beyond the council's control.",
		"The flooding was beyond the control of the site team.",
		"The missing rows were an error on your side.",
		NULL,
	};
	static const char *const not_blamed[] = {
		"The outage was fixed on our side on Friday.",
		"At the end of the day the outage was short.",
		"The error was on the server side.",
		"Nothing on their side failed.",
		"Staff on the north side lost power.",
		"The outage hit the other side of the building.",
		"It was only a couple of hours' lost work on your side.",
		"The payment will show on the DNO side tomorrow.",
		"The duplicates came after a fault on their side, and our booking system treated each one as new.",
		"The fire alarm went off outside the control room.",
		"The outage was not on the DNO side.",
		"Whatever the cause, it was outside your control.",
		"The heating is not outside the council's control.",
		"Is the fault at their end?",
		NULL,
	};
	expect_each("ownership.blame-shift", 1, blamed);
	expect_each("ownership.blame-shift", 0, not_blamed);
}

/* The fault laid on them by a form of "be" ("that's really on them",
 * "this one is down to them"), with or without responsibility taken
 * elsewhere; and the idioms of hands, remit and responsibility. Not
 * work on them, things on them, a denial, nor a question. */
static void test_blame_laid_on_them(void **state)
{
	(void)state;
	static const char *const blamed[] = {
		"The installer used the wrong settings, and that's really on them.",
		"Frankly, that's on them.",
		"That is completely on them.",
		"This one is down to them.",
		"The delay is all on them.",
		"Our crew was late, which was on them.",
		"It's on them to fix the meter.",
		"The delay was out of our hands.",
		"The timing was outside our hands.",
		"There was nothing we could have done about it.",
		"The closure is not within our control.",
		"Matters outside our sphere of influence held up the connection.",
		"This was outside our remit.",
		"Backups are not our responsibility.",
		"It was beyond our control, and that is on them.",
		NULL,
	};
	static const char *const not_blamed[] = {
		"Two translators started on them at 08:00.",
		"The labels were on them.",
		"The frames are in our back room with your name on them.",
		"We will report on them in our quarterly note.",
		"That's not on them; it's on us.",
		"Is that on them?",
		"So that's on them?",
		"That was on them for a week before we noticed.",
		"Several statements had other owners' bookings on them.",
		NULL,
	};
	expect_each("ownership.blame-shift", 1, blamed);
	expect_each("ownership.blame-shift", 0, not_blamed);
	/* responsibility taken elsewhere does not excuse it */
	EXPECT("ownership.blame-shift", 1,
	       "We made a mistake in the order. The courier lost a day as well, and that's on them.");
}

/* A third party that met trouble ("had a depot problem", "experienced
 * a timeout") in a message that takes no responsibility: the party and
 * its trouble are the finding. Not trouble denied, a good year, our own
 * trouble with it, nor when we own the failure. */
static void test_blame_party_met_trouble(void **state)
{
	(void)state;
	static const char *const blamed[] = {
		"Our carrier partner had a depot problem in Leipzig, which pushed your pallets back by two days.",
		"Our payment processor, Paylane, experienced a timeout between their gateway and ours.",
		"The courier ran into problems at the depot.",
		"Our hosting provider suffered an outage on Friday.",
		NULL,
	};
	static const char *const not_blamed[] = {
		"Our courier had no problems on Monday.",
		"Our supplier had a great year.",
		"We had a problem with our courier.",
		"Our supplier experienced record demand.",
		"Our courier had a depot problem, but that was our mistake: we should have rerouted your pallets.",
		NULL,
	};
	expect_each("ownership.blame-shift", 1, blamed);
	expect_each("ownership.blame-shift", 0, not_blamed);
	/* the finding runs to the trouble */
	const char *text = "Our carrier partner had a depot problem in Leipzig, so your pallets were late.";
	expect_span("ownership.blame-shift", text, "Our carrier partner had a depot problem");
}

/* A date moved or pushed back in a passive hides who moved it, as
 * "rescheduled" does; not a move to a place or a team, one told as the
 * time of something else, one with its agent, denied or conditional. */
static void test_passive_date_moved(void **state)
{
	(void)state;
	static const char *const flagged[] = {
		"The reopening has been moved from Wednesday 25 November to Wednesday 2 December.",
		"Your completion has been moved to 4 December.",
		"The launch was moved back to next week.",
		"The release of the reports has been pushed back.",
		"The resurfacing is pushed back to Monday 7 December.",
		NULL,
	};
	static const char *const not_flagged[] = {
		"Your application has been moved to our priority team.",
		"The server was moved to a new rack on Monday.",
		"When your booking was moved from 2 pm to 1 pm, we told the driver.",
		"The release has been pushed back by our supplier.",
		"None of the dates were moved to December.",
		"If your slot is moved to Friday, we will call you.",
		NULL,
	};
	expect_each("ownership.passive", 1, flagged);
	expect_each("ownership.passive", 0, not_flagged);
}

/* A faulty thing swapped or exchanged is mended, as one replaced is; the
 * wrong thing put in is still a mistake. */
static void test_passive_swapped_mends(void **state)
{
	(void)state;
	EXPECT("ownership.passive", 0, "The faulty router was swapped for a new one.");
	EXPECT("ownership.passive", 0, "The broken kettle was exchanged at the shop.");
	EXPECT("ownership.passive", 1, "The wrong router was installed in your office.");
}

/* A guarantee and the recurrence it rules out are one promise, one
 * finding over both; in two sentences they are two. */
static void test_overreach_guarantee_folds(void **state)
{
	(void)state;
	EXPECT("promise.overreach", 1, "We guarantee this will not happen again.");
	EXPECT("promise.overreach", 1, "With these steps in place, we guarantee this error cannot recur.");
	EXPECT("promise.overreach", 2, "We guarantee it. This will not happen again.");
	EXPECT("promise.overreach", 2, "We guarantee a refund and we guarantee the uptime.");
	const char *text = "We guarantee this will not happen again.";
	expect_span("promise.overreach", text, "We guarantee this will not happen again");
}

/* An owed act denied in a passive and told as what happened is an
 * omission that hides who left it, with no word of owing or cost
 * (plain_omission); not money not taken, data not let out, a state, a
 * scope after the verb, a notice not given to us, a knowing, an if-clause,
 * our own people, a cause told after it, a consequence after ", so", a
 * relative clause, a future, nor a harm spared beside it. */
static void test_passive_plain_omission(void **state)
{
	(void)state;
	static const char *const flagged[] = {
		"Your renewal was not sent to the insurer.",
		"The refund requests were not actioned.",
		"The alerts were not re-enabled afterwards.",
		"The standing orders were never carried over to the new system.",
		NULL,
	};
	static const char *const quiet[] = {
		"Your card was not charged.",
		"Your details were not shared.",
		"Your account was not affected.",
		"Your files were not sent to anyone.",
		"The maintenance was not communicated to us in advance.",
		"The cause has not been confirmed.",
		"If you moved house and your renewal was not sent, call us.",
		"Our engineers were not alerted.",
		"Our night team was not rostered that week.",
		"The renewal was not sent because a change we made broke the export.",
		"The feed stopped, so the invoices were not generated.",
		"Customers saw water that had not been treated.",
		"Your renewal will not be sent until Monday.",
		"Refund requests are not actioned on weekends.",
		"Because your renewal was not sent, nothing was charged.",
		NULL,
	};
	expect_each("ownership.passive", 1, flagged);
	expect_each("ownership.passive", 0, quiet);
}

/* A cause told as a fault that did the harm, or named after "it was"; not
 * a fault only looked for, denied, asked about or measured. */
static void test_cause_fault_did_harm(void **state)
{
	(void)state;
	HAS("rca_update", "cause", "A bug in the label printer driver swapped the postcodes on Monday's parcels.");
	HAS("rca_update", "cause", "It was a typo in the tariff table, made when we loaded the new prices.");
	HAS("rca_update", "cause", "A faulty update to the till software stopped card payments at six stores.");
	HAS("rca_update", "cause", "The root of the problem was a timer we had set for the wrong time zone.");
	HAS_NOT("rca_update", "cause", "We are still looking for a bug in the label printer driver.");
	HAS_NOT("rca_update", "cause", "There was no error in the tariff table.");
	HAS_NOT("rca_update", "cause", "The error count fell to zero after the restart.");
	HAS_NOT("rca_update", "cause", "Was it a typo in the tariff table?");
}

/* Our work now told through our people ("the crew is relaying the
 * floor") or through someone we asked to do it; not the client's team,
 * nor a state ("the team is hoping"), nor what we asked of the client. */
static void test_action_team_and_asked(void **state)
{
	(void)state;
	HAS("resolution", "action", "Our night crew is relaying the damaged section of floor.");
	HAS("resolution", "action", "The team is restoring the deleted bookings.");
	HAS("resolution", "action", "I have asked the depot manager to recount the crates.");
	HAS_NOT("resolution", "action", "Your team is checking the invoices.");
	HAS_NOT("resolution", "action", "The team is hoping to hear from the supplier.");
	HAS_NOT("resolution", "action", "We have asked you to keep the receipts.");
}

/* Ownership told as a check or a word we owed and did not give, or as
 * where the fault sits; not a reassurance ("we did not lose any data"). */
static void test_ownership_omission(void **state)
{
	(void)state;
	HAS("correction", "ownership", "We did not test the new rates against last month's invoices.");
	HAS("correction", "ownership", "I never told your office that the route had changed.");
	HAS("correction", "ownership", "The blame for the missing pages lies with us.");
	HAS_NOT("correction", "ownership", "We did not lose any of your photographs.");
	HAS_NOT("correction", "ownership", "We never charged the card twice.");
}

/* The client's harm told as what it cost them or what they lost, also
 * after "I know": the pronoun then belongs to "know", not to the harm. */
static void test_impact_cost_and_lost(void **state)
{
	(void)state;
	HAS("apology", "impact", "I am sorry. I know this cost you a full shift.");
	HAS("apology", "impact", "I am sorry. I know you lost the whole afternoon.");
	HAS_NOT("apology", "impact", "I am sorry. We lost half a shift ourselves.");
}

/* A lasting fix or a standing rule is prevention. */
static void test_prevention_standing_rules(void **state)
{
	(void)state;
	HAS("rca_update", "prevention", "We are putting a rule in place that every price file is checked twice.");
	HAS("rca_update", "prevention", "The permanent fix is a second sensor on each freezer.");
	HAS("rca_update", "prevention", "Our team will rehearse the switch-over every month.");
	HAS_NOT("rca_update", "prevention", "We restarted the freezer at 06:00.");
}

/* Work of ours told with any regular verb in the past or the present
 * perfect: the action verbs are a list, and each new writer used verbs
 * it did not hold (pooled first runs: 23 false "no action" against 6 true
 * ones). Not a verb of noticing or saying, not a fault. */
static void test_action_any_verb_we_did(void **state)
{
	(void)state;
	HAS("resolution", "action", "We have repainted the bay markings in your car park.");
	HAS("resolution", "action", "I reconnected your line at seven this morning.");
	HAS_NOT("resolution", "action", "We noticed the fault on Monday.");
	HAS_NOT("resolution", "action", "We have apologised to your staff.");
	HAS_NOT("resolution", "action", "We used the wrong template for your letters.");
	HAS_NOT("resolution", "action", "We have not repainted the markings yet.");
}

/* Money or goods let go to the client are work of ours: paid, released,
 * dispatched, offered, by us or in the present perfect passive; not
 * denied, not asked. */
static void test_action_paid_released(void **state)
{
	(void)state;
	static const char *const done[] = {
		"We paid all 86 extras in full this morning.",
		"Any amounts held against declined payments have been released.",
		"Every patient who missed an appointment has been offered a new one.",
		"The replacement stock has been dispatched.",
		NULL,
	};
	static const char *const not_done[] = {
		"The held amounts have not been released.",
		"Have the funds been released?",
		NULL,
	};
	has_each("resolution", "action", "", done, true);
	has_each("resolution", "action", "", not_done, false);
}

/* Opening hours are a time that comes back, not when the fix comes:
 * days and hours as ranges next to each other, "open" before them,
 * "every day", "daily" or "weekdays" after the hours. A date, one job's
 * window or a run of days in a named week is still a timeline. */
static void test_timeline_opening_hours(void **state)
{
	(void)state;
	static const char *const hours[] = {
		"Call the Council Tax team on 01632 960 442, Monday to Friday, 9am to 5pm.",
		"Our teams are now working from 7am to 7pm each day.",
		"Call us on 0800 410 2290 (8am to 8pm, every day).",
		"Call us Mon-Fri, 9am-5pm.",
		"Lines are open 8am to 8pm.",
		"Call 0800 123 456 (9:00 to 17:00, weekdays).",
		"The desk is staffed 9am until 6pm daily.",
		"Our office is open Monday to Friday.",
		NULL,
	};
	static const char *const timeline[] = {
		"The fix will be live by Friday 27 November.",
		"The fix will be live by 5pm.",
		"We will finish the work between Monday and Wednesday.",
		"The repair will run from Monday to Friday next week.",
		"The work runs from 9am to 5pm on Friday.",
		NULL,
	};
	has_each("progress", "timeline", "", hours, false);
	has_each("progress", "timeline", "", timeline, true);
}

/* Responsibility taken in other words: a fault named as ours with a word
 * between, a team of ours that should have acted, "one's on us", "our
 * failing", "an error on our part"; not when denied, not a compound
 * ("error rate"), not a vendor's or the client's people, not a thing of
 * ours that should have arrived. */
static void test_ownership_named_fault(void **state)
{
	(void)state;
	static const char *const owned[] = {
		"The duplicate was our processing mistake.",
		"It was my scheduling error.",
		"Our team should have cleared those drains and didn't.",
		"Our engineers should have checked the valve.",
		"That one's on us.",
		"That is our failing.",
		"This was an error on our part.",
		NULL,
	};
	static const char *const not_owned[] = {
		"It was not our processing mistake.",
		"It was not our mistake.",
		"That wasn't on us.",
		"Our booking error rate rose in November.",
		"It was our courier scheduling error.",
		"Our courier should have delivered it.",
		"Our contractor crew should have fixed the gate.",
		"Your team should have received it.",
		"Our update should have reached your team by now.",
		NULL,
	};
	has_each("rca_update", "ownership", "", owned, true);
	has_each("rca_update", "ownership", "", not_owned, false);
}

/* The client's harm told as what happened to their people or things,
 * whatever the verb: "your X" opening its clause and a past form that
 * mends nothing and is not them telling us (pooled first runs: "no
 * impact" 11 times wrongly, twice rightly). */
static void test_impact_client_underwent(void **state)
{
	(void)state;
	HAS("apology", "impact", "I am sorry. Your pickers were left idle for the whole shift.");
	HAS("apology", "impact", "I am sorry. Several of your tenants came home to cold radiators.");
	HAS("apology", "impact", "I am sorry. Your van drivers waited two hours at the gate.");
	HAS_NOT("apology", "impact", "I am sorry. Your site manager rang me at eight.");
	HAS_NOT("apology", "impact", "I am sorry. Your refund was sent on Tuesday.");
	HAS_NOT("apology", "impact", "I am sorry. We reset your tenants' thermostats.");
	HAS_NOT("apology", "impact", "I am sorry. Was your site affected?");
}

/* The service's failure told as an event is what went wrong ("the
 * boiler controller froze", "the disk filled up"), unless the message
 * says the cause is still sought (pooled first runs: "no cause" 16 times
 * wrongly, 8 times rightly). */
static void test_cause_service_failed(void **state)
{
	(void)state;
	HAS("rca_update", "cause", "On Friday the boiler controller froze.");
	HAS("rca_update", "cause", "The log disk on the ticket server filled up at 03:10.");
	HAS("rca_update", "cause", "The signing key on the portal expired overnight.");
	HAS_NOT("rca_update", "cause", "On Friday the boiler controller froze. We are investigating why.");
	HAS_NOT("rca_update", "cause", "The log disk filled up at 03:10. We do not know what wrote so much.");
	HAS_NOT("rca_update", "cause", "Our engineers froze all changes on Friday.");
	/* a noun, not a verb: "cut" after a determiner, joined by a hyphen */
	HAS_NOT("rca_update", "cause", "Orders from the shop reached the depot after the cut-off.");
	/* the parts' late arrival is the delay's reason, told as an event
	 * (event_told, session 17), whether or not "cut" is read as a verb */
	HAS("delay", "delay-reason", "The boiler swap moves to Monday. The parts came after the cut-off.");
}

/* ---- holdout16: cases in other words than the blind set's -------------- */

/* What became of the client's things or people is impact: a harm word in
 * the past after "your", and people we turned or sent away (holdout16). */
static void test_impact_blind16(void **state)
{
	(void)state;
	HAS("apology", "impact", "Several of you opened the app to see that your tickets had disappeared.");
	HAS("apology", "impact", "Two of you came in on Monday, and we sent 45 runners home.");
	HAS("apology", "impact", "Some of you queued for an hour before we turned you away at the gate.");
	HAS_NOT("apology", "impact", "We sent the old boards away for recycling, as you asked.");
	HAS_NOT("apology", "impact", "Your parcel was dispatched on Monday and you can track it.");
}

/* A weekday after thanks, or in the possessive before a word of harm, is
 * a day gone by, not the fix's time (holdout16). */
static void test_timeline_blind16(void **state)
{
	(void)state;
	HAS_NOT("plan", "timeline", "Thanks for walking round the site with us on Tuesday.");
	HAS_NOT("plan", "timeline", "After Wednesday's outage, here is what our team will do.");
	HAS("plan", "timeline", "Our fitter will replace the pump on Tuesday.");
	HAS("plan", "timeline", "The new pump will be in on Wednesday's delivery.");
}

/* The weather after a determiner and its modifiers, and a fault placed
 * "with" another by any verb of place, shift the blame (holdout16). */
static void test_blame_placed_blind16(void **state)
{
	(void)state;
	EXPECT("ownership.blame-shift", 1, "The late deliveries were caused by the unusually heavy snow.");
	EXPECT("ownership.blame-shift", 0, "The leak was caused by an old pipe under the snow.");
	EXPECT("ownership.blame-shift", 1, "The error rests squarely with the landlord.");
	EXPECT("ownership.blame-shift", 1, "As you know, the fault sat with Brightline.");
	EXPECT("ownership.blame-shift", 0, "The fault stays with us until it is fixed.");
	EXPECT("ownership.blame-shift", 0, "The mistake was with the form we sent.");
}

/* What things "now" come from is how they work after the change, not a
 * party blamed (holdout16). */
static void test_blame_now_from_blind16(void **state)
{
	(void)state;
	EXPECT("ownership.blame-shift", 0, "Stock levels now come from a daily file of supplier counts.");
	EXPECT("ownership.blame-shift", 1, "The wrong stock levels came from a file our supplier sent.");
}

/* Prevention told as a change that leaves "no" one able to repeat the
 * fault, and a check added under two adjectives set off by a comma
 * (holdout16). */
static void test_prevention_blind16(void **state)
{
	(void)state;
	HAS("plan", "prevention", "We will move bookings to a new form, so that no two guests can hold one room.");
	HAS("review", "prevention", "We have added an independent, mains-powered alert on the freezer.");
	HAS_NOT("review", "prevention", "We have added a note, and tests are still running.");
	HAS_NOT("plan", "prevention", "We are calling each of you, so that no one is left without a seat.");
}

/* A minimiser before the amount "by" which a thing changed, or before a
 * span a delay adds ("… later"), makes the harm small (holdout16). */
static void test_minimizing_blind16(void **state)
{
	(void)state;
	EXPECT("tone.minimizing", 1, "Your fence posts moved by just a few inches, but enough that the gate sticks.");
	EXPECT("tone.minimizing", 1, "The new batch arrives on Monday, just a day later.");
	EXPECT("tone.minimizing", 0, "The form was signed by only one manager.");
	EXPECT("tone.minimizing", 0, "The new batch arrives on Monday, a day later than planned.");
}

/* Thanks for the client's "continued" anything is a stock phrase, as the
 * listed "continued patience" is (holdout16). */
static void test_corporate_blind16(void **state)
{
	(void)state;
	EXPECT("tone.corporate", 1, "Many thanks for your continued loyalty to the club.");
	EXPECT("tone.corporate", 1, "We are grateful for your continued trust.");
	EXPECT("tone.corporate", 0, "Thank you for your e-mail; your continued orders are safe.");
	EXPECT("tone.corporate", 0, "Your continued access to the portal is not affected.");
}

/* A place of ours after a preposition is no actor: the passive after it
 * still hides who did it (holdout16). */
static void test_passive_blind16(void **state)
{
	(void)state;
	EXPECT("ownership.passive", 1, "A power surge at our depot tripped the main server, and 40 orders were deleted.");
	EXPECT("ownership.passive", 0, "Our depot manager tripped the main server, and 40 orders were deleted.");
}

/* "but never" or "but not" and the act left undone a few words after the
 * passive, not only right after it (holdout16). */
static void test_passive_never_blind16(void **state)
{
	(void)state;
	EXPECT("ownership.passive", 1, "The certificates were printed for every pupil at the school but never posted.");
	EXPECT("ownership.passive", 1, "Your invoices were drafted on Monday but not e-mailed.");
	EXPECT("ownership.passive", 0, "The parcels were packed on Monday but we never heard back.");
}

/* A "Why:" field that names only a kind of trouble gives no cause, and a
 * "What happened:" field above it tells the events, not the cause; without
 * a "Why:" field the events may tell it (holdout16). */
static void test_cause_blind16(void **state)
{
	(void)state;
	HAS_NOT("rca_update", "cause",
		"What happened: your vans left the depot two hours late.\nWhy: a technical problem hit the route planner.\n");
	HAS("rca_update", "cause",
	    "What happened: your vans left the depot two hours late.\nWhy: a technical problem with our route planner "
	    "sent them the long way.\n");
	HAS("rca_update", "cause", "What happened: our scheduler skipped your vans.\nNext: we will write again on Friday.\n");
}

/* One of ours named by role and name, whatever the role noun, is the
 * subject of our action (holdout16). */
static void test_action_blind16(void **state)
{
	(void)state;
	HAS("plan", "action", "Our glazier, Ben Short, will refit the panes on Friday.");
	HAS_NOT("plan", "action", "Your caretaker, Ben Short, will unlock the hall on Friday.");
}

/* A device's readings by their engineering name are jargon; the bare
 * "gateway" stays plain, as the corpus uses it (holdout16). */
static void test_jargon_blind16(void **state)
{
	(void)state;
	EXPECT("tone.jargon", 1, "We lost the telemetry from your boiler on Sunday.");
	EXPECT("tone.jargon", 0, "The gateway to the car park was closed on Sunday.");
}

/* Our evidence pointing at what the client's people had done blames
 * them, in a message that takes no responsibility (holdout16). */
static void test_blame_evidence_blind16(void **state)
{
	(void)state;
	EXPECT("ownership.blame-shift", 1,
	       "The door log shows that your caretaker had locked the side gate, so the van could not get in.");
	EXPECT("ownership.blame-shift", 1, "Our camera confirms that your night staff switched the freezer off.");
	EXPECT("ownership.blame-shift", 0, "Our records show that your payment reached us on Friday.");
	EXPECT("ownership.blame-shift", 0,
	       "The door log shows that your caretaker had locked the side gate. We should have checked it; that was our "
	       "mistake.");
}

/* A party named as ours by what it supplies us is a third party when a
 * cause word puts the fault on it (holdout16). */
static void test_blame_supplier_blind16(void **state)
{
	(void)state;
	EXPECT("ownership.blame-shift", 1, "The delay was caused by our timber yard, which supplied warped boards.");
	EXPECT("ownership.blame-shift", 0, "Our timber yard, which supplied the boards, is open on Saturday.");
	EXPECT("ownership.blame-shift", 0, "The fault was caused by our sawmill, which cut the boards too short.");
}

/* Ownership told as "Whose error: ours.", as "this part is on us", and
 * as a check we skipped after "and" sharing our subject; and a change of
 * ours told with that skipped check is how the fault came in, not
 * prevention (holdout18). */
static void test_ownership_blind18(void **state)
{
	(void)state;
	ELEM("rca_update", true, "ownership", "Whose error: ours. The export ran at the wrong hour.");
	ELEM("rca_update", false, "ownership", "Whose error: the bank's. The export ran at the wrong hour.");
	ELEM("rca_update", true, "ownership", "That part was on us. The export ran at the wrong hour.");
	ELEM("rca_update", false, "ownership", "The first month of hosting is on us. The export ran late.");
	ELEM("rca_update", true, "ownership", "We moved the export to a new server and never checked its clock.");
	ELEM("rca_update", false, "ownership", "The bank moved the export to a new server and never checked its clock.");
	ELEM("rca_update", false, "prevention", "Last month we changed the export job and did not check its clock.");
	ELEM("rca_update", true, "prevention", "Since Friday we changed the export job so that it checks its clock.");
	/* the standing rule that then tells the prevention (H1116) */
	ELEM("plan", true, "prevention", "Every future price change will be announced a month ahead.");
}

/* Harm made small as "a handful of" the client's people with no adverb,
 * as a few "of the" things "still" broken, as "one more" month or
 * weekend, and as a "simple" fault; "the small <noun>" names a thing and
 * a count after it is no size (holdout18). */
static void test_minimizing_blind18(void **state)
{
	(void)state;
	EXPECT("tone.minimizing", 1, "Last night a handful of subscribers could not stream the match.");
	EXPECT("tone.minimizing", 0, "A handful of our technicians could not attend.");
	EXPECT("tone.minimizing", 1, "Just a couple of the lockers still jammed after the repair.");
	EXPECT("tone.minimizing", 1, "The gallery stays shut, but it's only one more month.");
	EXPECT("tone.minimizing", 1, "It was a simple error on our side.");
	EXPECT("tone.minimizing", 0,
	       "The calendar showed the old studio and the small studio as one room, and two classes were "
	       "double-booked.");
}

/* Blame told as the client's people who "had not" or "did not" act right
 * after "because", as a cleft that singles out a third party ("it was the
 * carrier who …"), as the client's people whose act ", which is why"
 * something then failed, as a counterfactual "Had <someone> not …" and as
 * the maker after "the cause was"; a blame phrase denied after "not" is
 * none (holdout18). */
static void test_blame_blind18(void **state)
{
	(void)state;
	EXPECT("ownership.blame-shift", 1, "The van was late because your warehouse manager had not unlocked the gate.");
	EXPECT("ownership.blame-shift", 1, "It was the carrier who left the pallet at the wrong depot.");
	EXPECT("ownership.blame-shift", 0, "It was our carrier who left the pallet at the depot.");
	EXPECT("ownership.blame-shift", 1,
	       "A few of you entered an old postcode, which is why the parcels did not arrive.");
	EXPECT("ownership.blame-shift", 0, "A few of you told us about the fault, which is why we found it so quickly.");
	EXPECT("ownership.blame-shift", 1, "Had your caterer not cancelled at noon, the dinner would have gone ahead.");
	EXPECT("ownership.blame-shift", 0, "Had we not acted quickly, the damage would have been worse.");
	EXPECT("ownership.blame-shift", 1, "The cause was a price file from the till's manufacturer.");
	EXPECT("ownership.blame-shift", 0, "It was carelessness on our part, not bad luck.");
}

/* Passives told as a mistake by "to the wrong …" after any verb, and by
 * a thing "left" in a state nobody should leave it in (holdout18). */
static void test_passive_blind18(void **state)
{
	(void)state;
	EXPECT("ownership.passive", 1, "The scales were calibrated to the wrong standard.");
	EXPECT("ownership.passive", 0, "The boxes were labelled with the wrong codes; we caused that with a bad import.");
	EXPECT("ownership.passive", 1, "The hatch was left loose during the storm.");
	EXPECT("ownership.passive", 0, "None of the hatches were left open.");
}

/* Missing members of listed classes and the care claim of each one
 * (holdout18): "we value each …", "reaching out", a certainty weakened
 * by a degree adverb, "handshake", a flawless outcome promised. */
static void test_tone_blind18(void **state)
{
	(void)state;
	EXPECT("tone.corporate", 1, "We value each patient who trusts our clinic.");
	EXPECT("tone.corporate", 0, "We value feedback from patients.");
	EXPECT("tone.corporate", 0, "Tell me what you need. We value your feedback on this plan.");
	EXPECT("tone.corporate", 1, "I am reaching out about your missing invoices.");
	EXPECT("tone.hedging", 1, "We are reasonably sure the backlog will clear by Friday.");
	EXPECT("tone.jargon", 1, "The scanner lost its handshake with the server.");
	EXPECT("promise.overreach", 1, "After the repair, the lift will run perfectly.");
}

/* Regret for the feelings of people counted vaguely, and sympathy for a
 * bad time the client had, are non-apologies (holdout18). */
static void test_non_apology_blind18(void **state)
{
	(void)state;
	EXPECT("apology.non-apology", 1, "I'm sorry you've had a stressful day with the bookings.");
	EXPECT("apology.non-apology", 1, "We regret that many tenants were annoyed by the noise.");
	EXPECT("apology.non-apology", 0, "We are sorry that some orders were lost.");
	EXPECT("apology.non-apology", 0, "We are sorry you had a wasted trip.");
}

/* Our action told by one of ours named by a two-word role and a name,
 * and as things we carried to the client ourselves (holdout18). */
static void test_action_blind18(void **state)
{
	(void)state;
	ELEM("plan", true, "action", "Our senior glazier, Ruth Owen, will replace the pane on Friday.");
	ELEM("plan", false, "action", "Their senior glazier, Ruth Owen, will replace the pane on Friday.");
	ELEM("resolution", true, "action", "I brought the spare keys round myself this morning.");
}

/* Lateness acknowledged as what it "has taken until now" (holdout18). */
static void test_late_ack_blind18(void **state)
{
	(void)state;
	struct rd_check_opts o = opts_("other");
	o.late = true;
	o.due_at = o.now - 48 * 3600;
	struct rd_check_result *r = run_opts("Sorry that the summary has taken until today. Our scale misread your loads.", &o);
	assert_int_equal(count(r, "element.late-ack"), 0);
	rd_check_result_free(r);
	r = run_opts("The summary has been ready until now. Our scale misread your loads.", &o);
	assert_int_equal(count(r, "element.late-ack"), 1);
	rd_check_result_free(r);
}

/* What the client's people underwent, told with a place between them and
 * the verb, and what got into the client's things (holdout18). */
static void test_impact_blind18(void **state)
{
	(void)state;
	ELEM("apology", true, "impact", "Your pupils at the far gate stood in the rain for a coach that never came.");
	ELEM("apology", false, "impact", "Your staff at the depot reported the fault quickly.");
	/* something that got into the client's things */
	ELEM("apology", true, "impact", "Rain got into your loft through the gap we left.");
	ELEM("apology", false, "impact", "We sent the invoice into your portal on Friday.");
}

/* Prevention as a standing change "From <month or weekday> we will …",
 * not when it promises more messages, and "moving forward" as "going
 * forward" (holdout18). */
static void test_prevention_blind18(void **state)
{
	(void)state;
	ELEM("plan", true, "prevention", "From March we will keep a spare pump on site at weekends.");
	ELEM("plan", false, "prevention", "From Monday on we will send you an update each morning.");
	ELEM("plan", false, "prevention", "From the depot we will drive the crates to you.");
	ELEM("plan", true, "prevention", "Moving forward, each crate will carry two labels.");
	/* a change of ours that gives each thing a way round the fault */
	ELEM("plan", true, "prevention",
	     "We are adding a spare battery to every scanner so that each one can keep running in a power cut.");
	ELEM("plan", false, "prevention", "We are adding a spare battery to every scanner so that each one looks the same.");
}

/* A day after "last" is past, and a day between "the" and a noun names
 * a thing that meets on it ("the Tuesday morning class"), not the fix's
 * time; "the Thursday deadline" still is one. A time of day still ahead
 * today is past in a clause that narrates the past (holdout18). */
static void test_timeline_blind18(void **state)
{
	(void)state;
	static const char *const next = " I'll update you by e-mail on Wednesday 25 November by 18:00.";
	char buf[256];
	snprintf(buf, sizeof buf, "Two pupils are still waiting, both in the Tuesday morning class.%s", next);
	ELEM("progress", false, "timeline", buf);
	snprintf(buf, sizeof buf, "Last Friday our kiln cracked.%s", next);
	ELEM("progress", false, "timeline", buf);
	snprintf(buf, sizeof buf, "We will finish the tiles by the Thursday deadline.%s", next);
	ELEM("progress", true, "timeline", buf);
	/* a time of day still ahead today, in a clause that narrates the past */
	snprintf(buf, sizeof buf, "The scanners stopped reading cards at 23:45, so the queue grew.%s", next);
	ELEM("progress", false, "timeline", buf);
	snprintf(buf, sizeof buf, "The scanners will read cards again by 23:45.%s", next);
	ELEM("progress", true, "timeline", buf);
}

/* A passive told as a mistake by its fault marker says what went wrong:
 * the cause, and a delay's reason (holdout18). */
static void test_cause_passive_blind18(void **state)
{
	(void)state;
	ELEM("review", true, "cause", "The refund file was sent to the wrong bank, so the payments bounced.");
	ELEM("review", false, "cause", "The refund file was not sent to the wrong bank.");
	ELEM("review", false, "cause", "The refund file was sent to the bank on Friday.");
	ELEM("delay", true, "delay-reason", "The new date is Friday 4 December. The paint was mixed wrongly at the depot.");
	ELEM("delay", false, "delay-reason", "The new date is Friday 4 December. The paint was mixed at the depot.");
}

/* Damage done to a thing in the passive hides who did it like any harm
 * participle; so does a passive that hands a thing back or leaves it
 * "with" a part damaged or un…ed, and one done "instead of" what was
 * wanted (holdout21). */
static void test_passive_damage_blind21(void **state)
{
	(void)state;
	EXPECT("ownership.passive", 1, "Two of your chairs were scratched on the way to the hall.");
	EXPECT("ownership.passive", 0, "None of your chairs were scratched on the way to the hall.");
	EXPECT("ownership.passive", 1, "Your spare key was mislaid at the depot.");
	EXPECT("ownership.passive", 1, "Your bicycle was handed back with the rear brake cable snapped.");
	EXPECT("ownership.passive", 1, "The shed had been left with its door unbolted over the weekend.");
	EXPECT("ownership.passive", 0, "The kit was packed with every screw included.");
	EXPECT("ownership.passive", 1, "The invitations were printed on cream card instead of the white you chose.");
	EXPECT("ownership.passive", 0, "We printed the invitations on cream card instead of the white you chose.");
}

/* The client's people named as the cause after a phrase that ends in its
 * preposition, or as the ones who left undone what they owed us; "down"
 * after their own verb is no failure (holdout21). */
static void test_blame_client_blind21(void **state)
{
	(void)state;
	EXPECT("ownership.blame-shift", 1, "The paper jams came from your office staff feeding the printers with damp paper.");
	EXPECT("ownership.blame-shift", 0, "The delays caused trouble for your office staff.");
	EXPECT("ownership.blame-shift", 1,
	       "Your site staff had not warned us the gate was locked, so our driver waited outside.");
	EXPECT("ownership.blame-shift", 1,
	       "Your office staff never sent us the final list, so the badges were printed from the old one.");
	EXPECT("ownership.blame-shift", 0, "Your site staff had not seen the van before.");
	EXPECT("ownership.blame-shift", 0, "You had the hall ready, and your catering crew stood down for two days.");
}

/* A third party whose verb comes after a place ("our supplier in Leeds
 * delivered …") and what it had not done, or whose fault is told in a
 * relative clause a few words after it (holdout21). */
static void test_blame_party_blind21(void **state)
{
	(void)state;
	EXPECT("ownership.blame-shift", 1, "Our glass supplier in Leeds delivered a batch that had not been tempered.");
	EXPECT("ownership.blame-shift", 0, "Our glass supplier in Leeds delivered the panes on Monday.");
	EXPECT("ownership.blame-shift", 1,
	       "The panes cracked on the way, probably handled by the courier's loaders at their Derby yard, who dropped "
	       "the crate.");
	EXPECT("ownership.blame-shift", 0, "The courier's loaders at their Derby yard, who helped us, were kind.");
}

/* An agent that names the subject's own thing ("by another exhibitor's
 * entry") took its place and is no doer (holdout21). */
static void test_passive_same_thing_blind21(void **state)
{
	(void)state;
	EXPECT("ownership.passive", 1, "Your entry for the show was overwritten by another exhibitor's entry on Monday.");
	EXPECT("ownership.passive", 0, "Your entry was overwritten by our office manager on Monday.");
}

/* A minimiser right after "it/this/that was" sizes the harm the pronoun
 * points back to, whatever the noun; a short stretch of time after any
 * preposition of time and a determiner (holdout21). */
static void test_minimizing_it_was_blind21(void **state)
{
	(void)state;
	EXPECT("tone.minimizing", 1,
	       "The lift stopped between floors on Friday. It was a short stoppage, and the engineer came at once.");
	EXPECT("tone.minimizing", 1, "The café was shut on Monday. This was only one booking.");
	EXPECT("tone.minimizing", 1,
	       "Our kiosks froze in the lunch rush, and during that short window 30 of your shoppers gave up.");
	EXPECT("tone.minimizing", 0, "To confirm, press the button. It is just one click.");
	EXPECT("tone.minimizing", 0, "It was a small team that did the work.");
}

/* A reference's letters before a hyphen and a number are no acronym;
 * a replica and a gateway named by what they serve are jargon
 * (holdout21). */
static void test_jargon_blind21(void **state)
{
	(void)state;
	EXPECT("tone.jargon", 0, "Thanks for your note about the double charge (your ref QZ-4471). We have refunded it.");
	EXPECT("tone.jargon", 1, "The QZ service restarted twice.");
	EXPECT("tone.jargon", 1, "Our nightly job read from a stale database replica.");
	EXPECT("tone.jargon", 0, "Your card payments failed at our payment gateway."); /* session 16 */
}

/* Stock thanks for a report the client had to make, and "touch base" in
 * its other forms (holdout21). */
static void test_corporate_blind21(void **state)
{
	(void)state;
	EXPECT("tone.corporate", 1, "Thanks, you brought it to our attention before anyone else did.");
	EXPECT("tone.corporate", 1, "I touched base with the depot this morning.");
}

/* An e-mail address whose mailbox is a placeholder was never filled in:
 * it is reported as unfilled and reaches no one (holdout21). */
static void test_placeholder_mailbox_blind21(void **state)
{
	(void)state;
	EXPECT("template.unfilled", 1, "Questions about the new dates: xxxx@parish.example.");
	EXPECT("template.unfilled", 1, "Questions about the new dates: TODO@parish.example.");
	EXPECT("template.unfilled", 0, "Questions about the new dates: office@parish.example.");
	HAS_NOT("resolution", "contact", "The hall is open again. Questions about the new dates: xxxx@parish.example.\n");
	HAS("resolution", "contact", "The hall is open again. Questions about the new dates: office@parish.example.\n");
}

/* Our first verb that does not count as work (a harm participle)
 * shares its subject with a second one right after "and" (holdout21). */
static void test_action_and_verb_blind21(void **state)
{
	(void)state;
	HAS("resolution", "action", "We stripped and greased every gearbox on the line.");
	HAS_NOT("resolution", "action", "We lost and noticed your parcel on Monday.");
}

/* "What changes" as a heading over its section, and "we now <verb>" in
 * the present, tell a change to how we work (holdout21). */
static void test_prevention_blind21(void **state)
{
	(void)state;
	HAS("rca_update", "prevention",
	    "## What happened\n\nOur van broke down on the ring road.\n\n## What changes\n\n- Each van gets a spare "
	    "battery on board.\n");
	HAS("rca_update", "prevention", "Our van broke down on the ring road. We now keep a spare battery in every van.");
	HAS_NOT("rca_update", "prevention", "Our van broke down on the ring road. We now know why.");
}

/* What the trouble "arose from" is its cause, as what it "stemmed from"
 * (holdout21). */
static void test_cause_arose_blind21(void **state)
{
	(void)state;
	HAS("plan", "cause", "The hold-up arose from a pallet of glue that had frozen in the yard.");
}

/* People we turned away or sent home are the client's harm with the
 * particle before them too (holdout21). */
static void test_impact_turned_away_blind21(void **state)
{
	(void)state;
	HAS("apology", "impact", "We are sorry. We cleared the pool and turned away 30 members who had booked.");
	HAS_NOT("apology", "impact", "We are sorry. We cleared the pool and sent home the lifeguards.");
}

/* "telephone you" names the next message, as "phone you" does
 * (holdout21). */
static void test_next_update_blind21(void **state)
{
	(void)state;
	HAS("apology", "next-update",
	    "We are sorry the boiler failed. I will telephone you on Friday 27 November at 10:00 to check it is still "
	    "running.");
}

/* "late" paired with "early" tells which way times moved, and is no
 * acknowledgement that we are late (holdout21). */
static void test_late_ack_blind21(void **state)
{
	(void)state;
	struct rd_check_opts o = opts_("other");
	o.late = true;
	o.due_at = o.now - 48 * 3600;
	struct rd_check_result *r =
		run_opts("Our clocks ran wrong, and 20 of your drivers came in a day early or a day late.", &o);
	assert_int_equal(count(r, "element.late-ack"), 1);
	rd_check_result_free(r);
	r = run_opts("This note comes a day late. Our clocks ran wrong.", &o);
	assert_int_equal(count(r, "element.late-ack"), 0);
	rd_check_result_free(r);
}

/* A third party's fault told in a ", who" clause after it explains what
 * went wrong (holdout21). */
static void test_cause_party_who_blind21(void **state)
{
	(void)state;
	HAS("plan", "cause",
	    "We are fitting a new panel this week. The panel cracked on the way, probably handled by the courier's "
	    "loaders at their Derby yard, who dropped the crate.");
	HAS_NOT("plan", "cause", "We are fitting a new panel this week. The courier's loaders, who helped us, were kind.");
}

/* What is still to do, counted with "of" before the thing ("just a
 * couple of panels left by the gate") (holdout21). */
static void test_minimizing_left_of_blind21(void **state)
{
	(void)state;
	EXPECT("tone.minimizing", 1, "The new fence is nearly up. There are just a couple of panels left by the gate.");
	EXPECT("tone.minimizing", 0, "Only two of our drivers left by the back door.");
}

/* What the client's money or thing came to against what it should have
 * is their harm (holdout21). */
static void test_impact_should_have_blind21(void **state)
{
	(void)state;
	HAS("apology", "impact",
	    "Hi Sam, sorry about the invoices. Your statement for October came to £300 more than it should have.");
}

/* A time for what the client will get from us, a letter or an e-mail,
 * times a message, not the fix (holdout21). */
static void test_timeline_message_blind21(void **state)
{
	(void)state;
	HAS_NOT("progress", "timeline",
		"Some lessons were cancelled on Saturday. We are restoring them from the backup. If yours is one of "
		"them, you will get a letter from us tomorrow.");
}

/* ---- holdout17: cases in other words than the blind set's -------------- */

/* The feelings of the client's people named in more than one word, or of
 * a share of the readers, are a non-apology (holdout17). */
static void test_non_apology_blind17(void **state)
{
	(void)state;
	EXPECT("apology.non-apology", 1, "We regret that your kitchen staff felt ignored during the works.");
	EXPECT("apology.non-apology", 1, "I am sorry that many of you felt rushed at the checkout.");
	EXPECT("apology.non-apology", 1, "We are sorry that a few of your drivers were upset on Monday.");
	EXPECT("apology.non-apology", 0, "I am sorry that some of you lost a morning's work because of our error.");
	EXPECT("apology.non-apology", 0, "We are sorry that your night shift team waited an hour for us.");
}

/* A passive told as a mistake by a prefix in one word, or by a fault
 * marker after a preposition and its article (holdout17). */
static void test_passive_blind17(void **state)
{
	(void)state;
	EXPECT("ownership.passive", 1, "Forty tickets were oversold for the Friday show, and some guests had no seat.");
	EXPECT("ownership.passive", 1, "The seats were overbooked for the Friday show.");
	EXPECT("ownership.passive", 1, "The parcels were posted to the wrong branch on Monday.");
	EXPECT("ownership.passive", 1, "Two invoices were filed under an outdated code.");
	EXPECT("ownership.passive", 0, "The parcels were posted to the new branch on Monday.");
	EXPECT("ownership.passive", 0, "The engine was overhauled in March and runs well.");
	EXPECT("ownership.passive", 0, "The boxes were moved to the new shelf on Monday.");
	EXPECT("ownership.passive", 0, "The kiosk was overloaded at lunchtime.");
}

/* A delay's reason told as a passive with a fault marker after its verb,
 * or as another party's act that is a fault itself (holdout17). */
static void test_delay_reason_blind17(void **state)
{
	(void)state;
	EXPECT_KIND("delay", "element.delay-reason", 0,
		    "Your kitchen will now be fitted on 9 December, not 2 December. The worktops were delivered to the wrong yard. Call Ana on 01632 960 111.");
	EXPECT_KIND("delay", "element.delay-reason", 0,
		    "Your kitchen will now be fitted on 9 December, not 2 December. The quarry missed its delivery date. Call Ana on 01632 960 111.");
	EXPECT_KIND("delay", "element.delay-reason", 1,
		    "Your kitchen will now be fitted on 9 December, not 2 December. The worktops were delivered on Monday. Call Ana on 01632 960 111.");
	EXPECT_KIND("delay", "element.delay-reason", 1,
		    "Your kitchen will now be fitted on 9 December, not 2 December. The worktops were not sent to the wrong yard. Call Ana on 01632 960 111.");
	EXPECT_KIND("delay", "element.delay-reason", 1,
		    "Your kitchen will now be fitted on 9 December, not 2 December. The quarry delivered the stone on time. Call Ana on 01632 960 111.");
}

/* The client's people who acted right after "because" are blamed with no
 * other cause word in the message (holdout17). */
static void test_blame_because_blind17(void **state)
{
	(void)state;
	EXPECT_KIND("rca_update", "ownership.blame-shift", 1,
		    "The labels were wrong because your warehouse team printed the old sheet.");
	EXPECT_KIND("rca_update", "ownership.blame-shift", 1,
		    "The survey was off by a metre because your site manager gave us the old plan.");
	EXPECT_KIND("rca_update", "ownership.blame-shift", 0, "The survey was late because your manager was ill.");
	EXPECT_KIND("rca_update", "ownership.blame-shift", 0, "The survey was late because your gate was locked.");
}

/* A third party's act told as the fault by a marker or "twice" after its
 * verb, also past a name set off by commas (holdout17). */
static void test_blame_party_act_blind17(void **state)
{
	(void)state;
	EXPECT_KIND("plan", "ownership.blame-shift", 1, "Our courier, Fastway, sent the wrong parcels to every shop.");
	EXPECT_KIND("plan", "ownership.blame-shift", 1, "Our payment provider, Paylane, charged the deposits twice.");
	EXPECT_KIND("plan", "ownership.blame-shift", 1, "The courier fitted a faulty sensor when they serviced the van.");
	EXPECT_KIND("plan", "ownership.blame-shift", 0, "Our courier, Fastway, delivered the parcels on Monday.");
	EXPECT_KIND("plan", "ownership.blame-shift", 0, "The courier fitted a new sensor when they serviced the van.");
}

/* Compounds of engineering words are jargon where their parts alone are
 * not (holdout17). */
static void test_jargon_blind17(void **state)
{
	(void)state;
	EXPECT("tone.jargon", 1, "A database lock held up the overnight export.");
	EXPECT("tone.jargon", 1, "We tried the change in our staging environment first.");
	EXPECT("tone.jargon", 0, "The migration scripts skipped every empty row."); /* session 16 */
	EXPECT("tone.jargon", 1, "A retry storm slowed every request.");
	EXPECT("tone.jargon", 0, "The lock on the yard gate froze, and the storm kept our staff at home.");
}

/* A third party's act told as the fault by a marker or "twice" after its
 * verb tells the cause (holdout17). */
static void test_cause_party_act_blind17(void **state)
{
	(void)state;
	EXPECT_KIND("plan", "element.cause", 0,
		    "We are sorry. Our courier, Fastway, sent the parcels twice, and we are refunding the second charge. Call Ana on 01632 960 111.");
	EXPECT_KIND("plan", "element.cause", 0,
		    "We are sorry. The courier fitted a faulty lock on the van. Call Ana on 01632 960 111.");
	EXPECT_KIND("plan", "element.cause", 1,
		    "We are sorry. Our courier, Fastway, delivered the parcels on Monday. Call Ana on 01632 960 111.");
}

/* A word of trouble that names no thing after a cause phrase gives no
 * cause and no delay reason (holdout17). */
static void test_cause_trouble_unnamed_blind17(void **state)
{
	(void)state;
	EXPECT_KIND("rca_update", "element.cause", 1,
		    "We are sorry. The app stopped showing the map on Saturday. This was due to a minor glitch in the system.");
	EXPECT_KIND("rca_update", "element.cause", 1,
		    "We are sorry. The app stopped showing the map on Saturday because of an issue with our platform.");
	EXPECT_KIND("rca_update", "element.cause", 0,
		    "We are sorry. The app stopped showing the map on Saturday. This was due to an error in the map tiles we loaded.");
	EXPECT_KIND("delay", "element.delay-reason", 1,
		    "Your kitchen will now be fitted on 9 December, not 2 December, due to a technical issue on our side. Call Ana on 01632 960 111.");
}

/* Thanks for patience or understanding said to anyone, in the third
 * person too, is a stock phrase (holdout17). */
static void test_corporate_thanks_blind17(void **state)
{
	(void)state;
	EXPECT("tone.corporate", 1, "We would like to thank all our members for their patience.");
	EXPECT("tone.corporate", 1, "We thank everyone for their understanding.");
	EXPECT("tone.corporate", 1, "Thank you for your understanding.");
	EXPECT("tone.corporate", 0, "We thank the crew for their work on Sunday.");
}

/* "make sure nothing" before a past verb checks the past; it promises
 * nothing (holdout17). */
static void test_overreach_checked_blind17(void **state)
{
	(void)state;
	EXPECT("promise.overreach", 0, "We compared the files with the backup to make sure nothing else changed.");
	EXPECT("promise.overreach", 0, "We went through every tray to ensure nothing was lost.");
	EXPECT("promise.overreach", 1, "We will make sure nothing is lost again.");
}

/* "will never … again" forecasts no recurrence as a promise does; it is
 * no measure against one (holdout17). */
static void test_prevention_forecast_blind17(void **state)
{
	(void)state;
	EXPECT_KIND("plan", "element.prevention", 1,
		    "We are refunding every late fee today. Please believe us, it will never happen again.");
	EXPECT_KIND("plan", "element.prevention", 0,
		    "We are refunding every late fee today. We moved the run to Sunday so that it will never clash with billing again.");
	EXPECT_KIND("plan", "element.prevention", 0,
		    "We are refunding every late fee today. With the new lock, two runs cannot start at once again.");
}

/* What was added to a test or check is prevention (holdout17). */
static void test_prevention_added_to_blind17(void **state)
{
	(void)state;
	EXPECT_KIND("plan", "element.prevention", 0,
		    "We are refunding every late fee today. We have added weekend dates to the checks each release must pass.");
	EXPECT_KIND("plan", "element.prevention", 1,
		    "We are refunding every late fee today. We added two crew to the Monday shift.");
}

/* An ETA cue in -ed after "of" describes a thing; the time is the next
 * message's (holdout17). */
static void test_next_update_of_done_blind17(void **state)
{
	(void)state;
	EXPECT_KIND("plan", "element.next-update", 0,
		    "We are packing them again. I will e-mail you a list of completed orders by 17:00 on Friday 27 November.");
	EXPECT_KIND("plan", "element.next-update", 1,
		    "We are packing them again. All orders will be completed by 17:00 on Friday 27 November.");
}

/* A failure the client must arrange again with a third party does not
 * blame the party (holdout17). */
static void test_blame_arranged_with_blind17(void **state)
{
	(void)state;
	EXPECT_KIND("apology", "ownership.blame-shift", 0,
		    "You will have to reschedule the outage with the water authority.");
	EXPECT_KIND("apology", "ownership.blame-shift", 1,
		    "You could not log in during the outage at our provider.");
}

/* A "problem" field that tells a past event is the cause; one that names
 * the harm is not (holdout17). */
static void test_cause_problem_field_blind17(void **state)
{
	(void)state;
	EXPECT_KIND("plan", "element.cause", 0,
		    "We are sorry this is late.\n\nThe problem: when we printed the menus, our printer used last week's file, so the prices are wrong.\n\nWe will reprint them by Friday 27 November. Call Ana on 01632 960 111.");
	EXPECT_KIND("plan", "element.cause", 1,
		    "We are sorry this is late.\n\nProblem: you cannot log in to the portal.\n\nWe will fix it by Friday 27 November. Call Ana on 01632 960 111.");
}

/* A thing that "had" a fault is why the work waits (holdout17). */
static void test_delay_reason_had_fault_blind17(void **state)
{
	(void)state;
	EXPECT_KIND("delay", "element.delay-reason", 0,
		    "Your table will now be ready on 9 December, not 2 December. When we sanded it, the top had a hairline crack that we had to fill. Call Ana on 01632 960 111.");
	EXPECT_KIND("delay", "element.delay-reason", 1,
		    "Your table will now be ready on 9 December, not 2 December. The top had a new coat on Friday. Call Ana on 01632 960 111.");
}

/* Work of ours in the present perfect with an irregular past form is our
 * action (holdout17). */
static void test_action_perfect_irregular_blind17(void **state)
{
	(void)state;
	EXPECT_KIND("apology", "element.action", 0, "We are sorry. We have held two rooms for your guests.");
	EXPECT_KIND("apology", "element.action", 0, "We are sorry. We have now made a second copy of your plans.");
	EXPECT_KIND("apology", "element.action", 1, "We are sorry. We have been unable to reach the site.");
}

/* A weekday before a thing's act told in an irregular past form is a day
 * gone by, not the fix's time (holdout17). */
static void test_timeline_told_irregular_blind17(void **state)
{
	(void)state;
	EXPECT_KIND("progress", "element.timeline", 1,
		    "Drilling is slow. On Saturday the drill bit wore down in the sandstone. We will send another update on Thursday 26 November by 12:00. Call Gwen on 01632 960 111.");
	EXPECT_KIND("progress", "element.timeline", 1,
		    "Drilling is slow. A branch fell on Sunday and the lane is shut. We will send another update on Thursday 26 November by 12:00. Call Gwen on 01632 960 111.");
	EXPECT_KIND("progress", "element.timeline", 0,
		    "Drilling is slow. On Saturday the new bit goes in, and the hole will be finished. We will send another update on Thursday 26 November by 12:00. Call Gwen on 01632 960 111.");
}

/* What went wrong told after "it seems" is the cause, hedged (holdout17). */
static void test_cause_seems_blind17(void **state)
{
	(void)state;
	EXPECT_KIND("review", "element.cause", 0,
		    "Our review of October. It seems the shop and the phone line were each selling the same seats. We refunded everyone. Questions: Ana, 01632 960 111.");
	EXPECT_KIND("review", "element.cause", 1,
		    "Our review of October. It appears that all the debits have now been returned. We refunded everyone. Questions: Ana, 01632 960 111.");
}

/* The fix's time left as a placeholder ("by [DATE]", "complete by:
 * TBC", "on [RESTART DATE]") is no timeline, whatever other time the
 * message gives, unless that time has an ETA cue of its own and is not
 * the old one ("Old date: …"); a placeholder for the next update, or for
 * the day something happened, is no such slot. */
static void test_timeline_placeholder(void **state)
{
	(void)state;
	HAS_NOT("plan", "timeline", "We are re-checking every meter this week. The new meters will reach you by [DATE].");
	HAS_NOT("plan", "timeline", "The crane is back at the yard this week. Repairs complete by: TBC.");
	HAS_NOT("plan", "timeline", "The kiln is being rebuilt. It will be firing again on [RESTART DATE]; the glaze "
		"trials run this week.");
	HAS_NOT("delay", "timeline", "Old date: Monday 7 December. New date: [DATE]. Reason: the crane failed its "
		"inspection.");
	HAS("plan", "timeline", "Our engineers expect the repair by Monday 14:00. Your invoice date is [DATE].");
	HAS("plan", "timeline", "Why your readings vanished on {{incident_date}}. We will have the fix live by "
		"Thursday 12:00.");
	HAS("plan", "timeline", "Next update: TBD. The fix will be live by Thursday 12:00.");
}

/* A hedge after "which" that is no modal hedges what happened; "we are
 * hoping"; a modal and an adverb before "have" or "be" (holdout19). */
static void test_hedging_blind19(void **state)
{
	(void)state;
	EXPECT("tone.hedging", 1, "The courier left the crates outside, which likely let the frost in.");
	EXPECT("tone.hedging", 1, "We are hoping the kiln is firing again next month.");
	EXPECT("tone.hedging", 1, "The seal could also have been fitted upside down.");
	EXPECT("tone.hedging", 1, "Two of the invoices may still be wrong.");
	EXPECT("tone.hedging", 0, "We moved you to the later slot, which may suit your drivers better.");
	EXPECT("tone.hedging", 0, "The seal was fitted upside down, and two invoices are still wrong.");
}

/* Members of listed classes: a date declared beyond doubt as overreach,
 * the engineering names of a text-message gateway, an access list, a
 * release's test run and card tokens as jargon, a cinema brand as known,
 * "[DELAYED]" as a status tag (holdout19). */
static void test_lists_blind19(void **state)
{
	(void)state;
	EXPECT("promise.overreach", 1, "The handover date of 4 March is rock solid.");
	EXPECT("promise.overreach", 0, "The handover date is 4 March.");
	EXPECT("tone.jargon", 1, "Reminders stopped because the SMS gateway rejected our key.");
	EXPECT("tone.jargon", 1, "Your new drivers were missing from the whitelist.");
	EXPECT("tone.jargon", 1, "We are running the regression tests again tonight.");
	EXPECT("tone.jargon", 1, "Card tokenization failed for every order.");
	EXPECT("tone.jargon", 0, "Your tickets for the IMAX showing are valid on any date.");
	EXPECT("template.unfilled", 0, "[DELAYED] Spring catalogue printing\n\nThe catalogue will reach you on 4 March.");
	EXPECT("template.unfilled", 1, "[SHOP NAME] The catalogue will reach you on 4 March.");
}

/* The feelings of the client's people at large apologised for ("sorry
 * that parents felt …"); rain as a natural cause; an elided count, a
 * number word after three, "temporary" naming a thing and "only" choosing
 * which thing can act (holdout19). */
static void test_tone_blind19(void **state)
{
	(void)state;
	EXPECT("apology.non-apology", 1, "We are sorry that parents felt ignored at the open evening.");
	EXPECT("apology.non-apology", 1, "I am sorry that some members feel misled by the renewal letter.");
	EXPECT("apology.non-apology", 0, "We are sorry that parents waited an hour at the gate.");
	EXPECT("ownership.blame-shift", 1, "The flooding in the cellar was caused by heavy rain on Sunday night.");
	EXPECT("ownership.blame-shift", 0, "The flooding in the cellar was caused by a drain we left blocked.");
	EXPECT("tone.minimizing", 1, "We resent the lost invoices this morning; a small number may still be delayed.");
	EXPECT("tone.minimizing", 1, "The gates stayed shut on Sunday. In fairness, it was only five visits all month.");
	EXPECT("tone.minimizing", 0, "Summary: temporary pump failure at the farm, 3 March.");
	EXPECT("tone.minimizing", 1, "There was a temporary outage of the booking page.");
	EXPECT("tone.minimizing", 0, "The pipe has a damaged bend that only a 40 mm hose will clear.");
	EXPECT("tone.minimizing", 1, "The van broke down, and only a few parcels will arrive late.");
}

/* A third party named between commas after "our <trade>," whose act has
 * the client's harm as its ", so" consequence, or who left undone what it
 * owed us: blame, and the cause (holdout19). */
static void test_blame_named_party_blind19(void **state)
{
	(void)state;
	EXPECT("ownership.blame-shift", 1, "Our courier, Swiftline, parked the van in the sun all afternoon, so "
	       "your chocolates reached the shop melted.");
	EXPECT("ownership.blame-shift", 1, "Our contractor, Brightwash Ltd, did not come on Monday, and nobody "
	       "warned us.");
	EXPECT("ownership.blame-shift", 1, "Our haulier left the gate open overnight, so your sheep got onto "
	       "the road.");
	EXPECT("ownership.blame-shift", 0, "Our courier, Swiftline, collected the boxes at 10:00 and will "
	       "deliver them on Tuesday.");
	HAS("review", "cause", "Our cleaning contractor, Clearview Ltd, failed to come on three Mondays. We have "
	    "found a new firm.");
}

/* Prevention told as a safeguard already added whose "so that" clause
 * rules the fault out in the present, as a rule over "every" one from a
 * date on, and as a watch that alerts our people on a case of the fault
 * (holdout19). */
static void test_prevention_blind19(void **state)
{
	(void)state;
	HAS("review", "prevention", "We moved the stock to the new shelf and fitted a bar so that a pallet cannot "
	    "slide off the rack.");
	HAS_NOT("review", "prevention", "We paused the import so that no more orders could fail that day.");
	HAS("review", "prevention", "From next month every delivery note is signed by the driver and the "
	    "store manager.");
	HAS("review", "prevention", "We will weigh each crate at the gate and alert the yard supervisor if "
	    "it is over the limit.");
	HAS("review", "prevention", "| 2 | Alert when a freezer rises above -15 C | Facilities | Done |");
	HAS_NOT("review", "prevention", "We will alert you when the new crates reach the depot.");
}

/* Our work told as what one of our teams has done, in the present
 * perfect (holdout19). */
static void test_action_team_has_blind19(void **state)
{
	(void)state;
	HAS("progress", "action", "The booking page is still slow. Our support team has keyed the 40 waiting "
	    "requests into a spreadsheet by hand.");
	HAS("progress", "action", "The kiln is cold. Our glaze technicians have unloaded the shelves.");
	HAS("progress", "action", "The kiln is cold. The night crew has emptied the shelves.");
	HAS_NOT("progress", "action", "The booking page is still slow. Our support team has lost track of the "
		"waiting requests.");
}

/* A thing that broke down, told with a place between it and its verb
 * ("the boiler in our drying shed failed"), is the delay's reason
 * (holdout19). */
static void test_delay_reason_place_blind19(void **state)
{
	(void)state;
	HAS("delay", "delay-reason", "Your frames will now reach you on Friday. The saw in our new cutting "
	    "room broke on Monday.");
	HAS("delay", "delay-reason", "Your order moves to Friday. The boiler in the old drying shed failed "
	    "overnight.");
	HAS_NOT("delay", "delay-reason", "Your order moves to Friday. We will ring you on Thursday.");
}

/* The denial of control told as what we had none of: blame (holdout19). */
static void test_blame_no_control_blind19(void **state)
{
	(void)state;
	EXPECT("ownership.blame-shift", 1, "Your boxes are late because of a new customs form, something we "
	       "have no control over.");
	EXPECT("ownership.blame-shift", 1, "The stand was not ready on time; the venue changed the floor plan, "
	       "which we had no control of.");
	EXPECT("ownership.blame-shift", 0, "You have no control over the delivery slot, so we will keep it open.");
}

/* A recurring act of ours that is a check, not a message, is no next
 * update (holdout19). */
static void test_next_update_recurring_check_blind19(void **state)
{
	(void)state;
	HAS_NOT("plan", "next-update", "We will compare the meter readings with the register every morning "
		"and tell the duty engineer if they differ.");
	HAS_NOT("plan", "next-update", "We will compare the two stock lists every evening.");
	HAS("plan", "next-update", "We will send you a summary of the readings every morning.");
}

/* A date ahead with no cue, in a clause that narrates the past, is the
 * date of what went wrong, not the fix's time; a date moved "to" still
 * is one (holdout19). */
static void test_timeline_narrated_date_blind19(void **state)
{
	(void)state;
	HAS_NOT("plan", "timeline", "Our booking page listed the studio as open on 12 and 13 December, and "
		"two classes booked it.");
	HAS_NOT("plan", "timeline", "The rota we sent you showed Anna working on Saturday 12 December.");
	HAS("plan", "timeline", "The reopening has moved from Friday 4 December to Friday 11 December.");
}

/* "we" or "I" after "your" and one word opens a clause of ours with no
 * comma ("Since your visit we noticed …"): the fault then told is no
 * blame on the client's people (holdout20). */
static void test_blame_your_then_we_blind20(void **state)
{
	(void)state;
	EXPECT("ownership.blame-shift", 0, "Since your visit we noticed the wrong hinges were fitted to two doors.");
	EXPECT("ownership.blame-shift", 0, "After your email I spotted the wrong size was ordered for both frames.");
	EXPECT("ownership.blame-shift", 1, "Your site staff entered the wrong dates in the booking form.");
}

/* The feelings of people counted vaguely told with a verb of feeling
 * ("several guests felt rushed"), and at the very end of a message, are
 * apologised for as the client's feelings (holdout20). */
static void test_non_apology_counted_felt_blind20(void **state)
{
	(void)state;
	EXPECT("apology.non-apology", 1, "We regret that many riders felt ignored at the gate on Sunday.");
	EXPECT("apology.non-apology", 1, "We are sorry that several guests felt rushed at breakfast.");
	EXPECT("apology.non-apology", 1, "We regret that some parents were upset.");
	EXPECT("apology.non-apology", 0, "We are sorry that several guests missed breakfast because of us.");
}

/* A share of the readers ("several of you", "some of you") as the
 * subject of what happened to them is the client's harm, as "your" and a
 * noun are; what they did to tell us is not (holdout20). */
static void test_impact_share_of_you_blind20(void **state)
{
	(void)state;
	HAS("apology", "impact", "We are sorry. On Friday several of you queued outside in the rain.");
	HAS("apology", "impact", "We are sorry. Some of you were stranded at the depot overnight.");
	HAS_NOT("apology", "impact", "We are sorry. Some of you phoned us on Friday about the van.");
}

/* A denying subject with a place or owner after its noun ("no parcel
 * from our depot will ever go astray again") still promises that no
 * recurrence can happen (holdout20). */
static void test_overreach_long_denial_blind20(void **state)
{
	(void)state;
	EXPECT("promise.overreach", 1, "I promise that no parcel from our depot will ever go astray again.");
	EXPECT("promise.overreach", 1, "No horse at our yard will ever go unfed again.");
	EXPECT("promise.overreach", 0, "We know no plan will ever be perfect, but we will check it again.");
}

/* "only" before a conjunction ("only when", "only if") limits when
 * something holds; it makes no harm small (holdout20). */
static void test_minimizing_only_when_blind20(void **state)
{
	(void)state;
	EXPECT("tone.minimizing", 0, "The alarm sounds only when a small leak starts, not before.");
	EXPECT("tone.minimizing", 0, "Our form rejects a date only if a minor field is blank.");
	EXPECT("tone.minimizing", 1, "It was only a minor delay.");
}

/* "late" after a verb of arriving or starting tells when people or
 * things came, not that this message is late (holdout20). */
static void test_late_ack_arrived_blind20(void **state)
{
	(void)state;
	struct rd_check_opts o = opts_("other");
	o.late = true;
	o.due_at = o.now - 48 * 3600;
	struct rd_check_result *r =
		run_opts("Our booking page showed the wrong day, and 14 riders arrived a day late for their lesson.", &o);
	assert_int_equal(count(r, "element.late-ack"), 1);
	rd_check_result_free(r);
	r = run_opts("The quiz started ten minutes late because our screen failed.", &o);
	assert_int_equal(count(r, "element.late-ack"), 1);
	rd_check_result_free(r);
	r = run_opts("This note arrives a day late, and I am sorry. Our screen failed.", &o);
	assert_int_equal(count(r, "element.late-ack"), 0);
	rd_check_result_free(r);
}

/* A thing that broke named through its owner ("the hall's old boiler
 * failed") is the delay's reason, as "the boiler failed" is (holdout20). */
static void test_delay_reason_owner_thing_blind20(void **state)
{
	(void)state;
	HAS("delay", "delay-reason", "Your clean has a new date. The hall's old boiler failed on Monday.");
	HAS("delay", "delay-reason", "Your clean has a new date. Our minibus's gearbox broke on Monday.");
	HAS("delay", "delay-reason", "Your clean has a new date. Our flat-bed truck's tail lift broke on Monday.");
	HAS_NOT("delay", "delay-reason", "Your clean has a new date. The hall's old boiler is being serviced.");
}

/* "reach out" asked of the reader and self-praise ("we pride
 * ourselves on") are stock corporate phrasing; "reach out" in its plain
 * sense is not (holdout20). */
static void test_corporate_reach_out_pride_blind20(void **state)
{
	(void)state;
	EXPECT("tone.corporate", 1, "If anything is unclear, feel free to reach out to Sam on 0161 496 0000.");
	EXPECT("tone.corporate", 1, "We pride ourselves on reliable deliveries.");
	EXPECT("tone.corporate", 0, "The crane could not reach out over the wall.");
}

/* Work of ours in the present perfect with "since" before the verb, an
 * irregular participle, or one of ours by a team noun as the subject
 * ("our night crew has relaid …") is our action (holdout20). */
static void test_action_team_perfect_blind20(void **state)
{
	(void)state;
	HAS("apology", "action", "We are sorry. Our night crew has relaid most of the slabs.");
	HAS("apology", "action", "We are sorry. We have since gone through every invoice by hand.");
	HAS_NOT("apology", "action", "We are sorry. Your night crew has gone home.");
	HAS_NOT("apology", "action", "We are sorry. Our night crew has plans for the weekend.");
}

/* A watch told by what it will do or now does ("will raise an alert",
 * "triggers an alarm") is prevention; an alarm raised on the night is
 * not (holdout20). */
static void test_prevention_raises_alarm_blind20(void **state)
{
	(void)state;
	HAS("plan", "prevention", "Our tank ran dry. A tank below a quarter full will raise an alert with the yard manager.");
	HAS("plan", "prevention", "Our tank ran dry. Any tank that drops below a quarter triggers an alarm in the office.");
	HAS_NOT("plan", "prevention", "Our tank ran dry. The gauge raised an alarm at 03:00, but nobody saw it.");
}

/* A third party that "had not" done what it owed us is blamed as one
 * that "did not", named through its owner too ("the hotel's cleaning
 * contractor"); not one that "had not been told" (holdout20). */
static void test_blame_party_had_not_blind20(void **state)
{
	(void)state;
	EXPECT("ownership.blame-shift", 1,
	       "On the night, the hotel's cleaning contractor had not unlocked the side door, so guests waited outside.");
	EXPECT("ownership.blame-shift", 1, "On the night, the cleaning contractor had never unlocked the side door.");
	EXPECT("ownership.blame-shift", 0, "The courier had not been told about the gate code, so we rang them.");
}

/* The fault placed in a third party's own things: "on the gas
 * supplier's side", or the party's machine that broke, past a relative
 * clause about it; not the side of a road (holdout20). */
static void test_blame_party_thing_blind20(void **state)
{
	(void)state;
	EXPECT("ownership.blame-shift", 1,
	       "The oven cooled halfway through the bake after a power surge on the gas supplier's side.");
	EXPECT("ownership.blame-shift", 1,
	       "Our printing partner's machine that folds and trims the paper covers broke on Tuesday, so the books are "
	       "late.");
	EXPECT("ownership.blame-shift", 0, "Our courier's van was parked on the supplier's side of the road.");
}

/* The next message promised to all the readers of a message to many
 * ("we will text everyone again on Friday morning"); one sent in the
 * past is none (holdout20). */
static void test_next_update_everyone_blind20(void **state)
{
	(void)state;
	HAS("plan", "next-update", "Sorry. We will text everyone again on Friday morning once the pitch is marked.");
	HAS_NOT("plan", "next-update", "Sorry. I e-mailed everyone on Thursday evening.");
}

/* A passive done "rather than" what was wanted tells a mistake like one
 * done "instead of" it; a passive denied in its verb group, with what the
 * omission cost after it, hides who left the act undone (holdout22). */
static void test_passive_blind22(void **state)
{
	(void)state;
	EXPECT("ownership.passive", 1, "The shelves were screwed into the old frame rather than the new one.");
	EXPECT("ownership.passive", 0, "We screwed the shelves into the old frame rather than the new one.");
	EXPECT("ownership.passive", 1, "The spare key had never been handed to our night porter, so nobody could open the shop.");
	EXPECT("ownership.passive", 1, "The night porter had not been shown the fire panel, so he could not silence the alarm.");
	EXPECT("ownership.passive", 1,
	       "The reminders were not switched on for monthly plans; switched on, they would have warned us.");
	EXPECT("ownership.passive", 0, "Your card was not charged, so there was nothing to refund.");
	EXPECT("ownership.passive", 0, "Your photos were not deleted, so nobody could lose an album.");
	EXPECT("ownership.passive", 0, "No parcel was sent to the old address, so nobody could receive one there.");
}

/* Passives told as a mistake by "too" and a word after the verb (the
 * act overdone or underdone), and things "left" in a state in -ed or
 * "outside" (holdout23 to holdout28's ownership round), or "left behind"
 * (session 29: both such uses in holdout20-323 marked; "0 cases … have
 * been left behind" denies it). */
static void test_passive_too_left(void **state)
{
	(void)state;
	EXPECT("ownership.passive", 1, "The new hinge was set too high on the frame.");
	EXPECT("ownership.passive", 1, "Each tile was fixed with too little adhesive.");
	EXPECT("ownership.passive", 0, "We set the new hinge too high.");
	EXPECT("ownership.passive", 0, "Your tickets were posted too.");
	EXPECT("ownership.passive", 1, "The boiler flue had been left disconnected over the weekend.");
	EXPECT("ownership.passive", 1, "The crates were left outside the loading bay all night.");
	EXPECT("ownership.passive", 1, "The bins were left behind at the gate.");
	EXPECT("ownership.passive", 0, "Since the fix, 0 cases of any customer's orders have been left behind.");
	EXPECT("ownership.passive", 0, "We left the crates outside the loading bay.");
}

/* A fault marker after a preposition and its article further on in the
 * act's clause, for a passive and for a third party's act, and a third
 * party that handed over things "with" damage (holdout23 to holdout28's
 * ownership round). */
static void test_fault_further_on(void **state)
{
	(void)state;
	EXPECT("ownership.passive", 1, "The cushions were stitched with cotton from the wrong reel.");
	EXPECT("ownership.passive", 0, "The cushions were stitched with cotton from the new reel.");
	EXPECT("ownership.blame-shift", 1, "Our joinery supplier delivered the new doors at the wrong height.");
	EXPECT("ownership.blame-shift", 0, "Our joinery supplier delivered the new doors at the agreed height.");
	EXPECT("ownership.blame-shift", 1, "Our paint supplier shipped us ten tins with dented lids.");
	EXPECT("ownership.blame-shift", 0, "Our paint supplier shipped us ten tins with spare lids.");
}

/* A third party that acted, told in a cause field or under a "Why" or
 * "Cause" heading, is the cause given, unless we share it in the same
 * sentence (holdout23 to holdout28's ownership round). */
static void test_blame_cause_section(void **state)
{
	(void)state;
	EXPECT("ownership.blame-shift", 1,
	       "Why: the ferry tickets for your party were never issued. Our booking partner switched its system in "
	       "October, and the confirmations stopped reaching us.");
	EXPECT("ownership.blame-shift", 1, "## Why\n\nOur courier's sorting hub sent the crates to Bristol for two days.");
	EXPECT("ownership.blame-shift", 1, "Root cause: an issue with our mailing partner's server mixed up the lists.");
	EXPECT("ownership.blame-shift", 0,
	       "## What happened\n\nOur courier's sorting hub sent the crates to Bristol for two days.");
	EXPECT("ownership.blame-shift", 0,
	       "Cause: our contractor fitted the sensor by the oven, and we approved the work without looking.");
}

/* The client's people, whatever they are called, who made the thing
 * given as the reason: "because/as/since the <thing> your <people>
 * <past verb>" (holdout23 to holdout28's ownership round). */
static void test_blame_made_by_client(void **state)
{
	(void)state;
	EXPECT("ownership.blame-shift", 1, "The tiles cracked because the adhesive your fitter chose was meant for walls.");
	EXPECT("ownership.blame-shift", 1,
	       "The chairs did not fit, since the plan your secretary printed showed two aisles.");
	EXPECT("ownership.blame-shift", 0, "The seats were wrong because the plan we printed showed two aisles.");
	EXPECT("ownership.blame-shift", 0, "The tiles cracked because the adhesive for your floor was meant for walls.");
}

/* A participle after its noun and before a preposition (a headline's
 * "Invoices sent to …") is no active use that names the actor of a
 * later passive (holdout23 to holdout28's ownership round). */
static void test_passive_headline_participle(void **state)
{
	(void)state;
	EXPECT("ownership.passive", 1,
	       "Invoices sent to the wrong tenants\n\nOn Friday the March invoices were sent to the wrong tenants.");
	EXPECT("ownership.passive", 0,
	       "On Friday our billing job sent the March invoices to the wrong tenants. We have recalled every invoice "
	       "that was sent.");
}

/* No blame on a party whose own verb "down" follows as a particle, on a
 * party "failed" takes as its object, nor in a clause of purpose after
 * "so that" (holdout23 to holdout28's ownership round). */
static void test_blame_not_party(void **state)
{
	(void)state;
	EXPECT("ownership.blame-shift", 0,
	       "The steel came late, so your roofing contractor stood down three roofers on Monday.");
	EXPECT("ownership.blame-shift", 1, "Our roofing contractor broke down on the motorway, so your roof was left open.");
	EXPECT("ownership.blame-shift", 0, "The refund files failed the bank's checks on Monday.");
	EXPECT("ownership.blame-shift", 1, "The bank's checks failed, so your refunds sat unsent.");
	EXPECT("ownership.blame-shift", 0,
	       "We added a second courier, so that one courier's failure cannot hold up every order.");
	EXPECT("ownership.blame-shift", 1, "One courier's failure held up every order.");
}

/* Passives told as a mistake by when the act was done ("a span
 * early", "later than") or by what it followed or where it went being
 * out of date ("to the old address", "against last season's rules")
 * (holdout23 to holdout28's ownership round). */
static void test_passive_timing_outdated(void **state)
{
	(void)state;
	EXPECT("ownership.passive", 1, "The kickoff whistle was sounded three minutes early.");
	EXPECT("ownership.passive", 0, "The doors were opened early for the crowd.");
	EXPECT("ownership.passive", 1, "Our refunds were paid later than the date we gave.");
	EXPECT("ownership.passive", 1, "The parcels were posted to the old address.");
	EXPECT("ownership.passive", 1, "Every entry was judged against last season's rules.");
	EXPECT("ownership.passive", 0, "The files were moved from the old server on Friday.");
	EXPECT("ownership.passive", 0, "The database was restored to the previous version.");
}

/* A supply or a booking interrupted, rescheduled or postponed is harm
 * done to the client's thing; a passive denied with the time the act
 * owed ("on time", "until Thursday") is an act left undone; "we did
 * not <verb>" names us as the ones who acted; and the ", and" clause
 * after a thing of ours that acted is its consequence (holdout32 to
 * holdout35's ownership round). */
static void test_passive_blind32(void **state)
{
	(void)state;
	EXPECT("ownership.passive", 1, "The gas supply to your street was interrupted on Sunday morning.");
	EXPECT("ownership.passive", 1, "Your dentist visit has been rescheduled to Friday.");
	EXPECT("ownership.passive", 1, "The quiz night has been postponed to March.");
	EXPECT("ownership.passive", 1, "The pension transfer was not completed on time.");
	EXPECT("ownership.passive", 1, "Your deposit was not returned until the next morning.");
	EXPECT("ownership.passive", 1, "The leak under the sink was not reported sooner.");
	EXPECT("ownership.passive", 0, "Your deposit was not touched.");
	EXPECT("ownership.passive", 0, "Your card was not charged until the order shipped.");
	EXPECT("ownership.passive", 1,
	       "The rent on your flat was worked out with the old index because the table did not update.");
	EXPECT("ownership.passive", 0,
	       "The rent on your flat was worked out with the old index because we did not update the index table.");
	EXPECT("ownership.passive", 0,
	       "We posted the cheques on Friday instead of Wednesday, and 40 of your tenants were not paid until "
	       "Tuesday.");
	EXPECT("ownership.passive", 0,
	       "Last month our switchboard went quiet for an hour on Monday, and your calls were interrupted.");
	EXPECT("ownership.passive", 1, "Our booking tablets crashed, so you could not check in, and the spin class was "
				       "interrupted.");
	/* an ordinary act with its consequence told in ", which caused/…" */
	EXPECT("ownership.passive", 1,
	       "On Friday, a licence on our booking servers was allowed to lapse, which caused every booking to fail.");
	EXPECT("ownership.passive", 1, "A new setting was pushed to the router, which probably explains the dropped calls.");
	/* session 27: writers mark a change "pushed" with or without a sign of
	 * fault (21 of 24 uses in holdout20-276); testing it does not say who
	 * pushed it */
	EXPECT("ownership.passive", 1, "A new setting was pushed to the router, which we tested first.");
	/* a passive with its "were" left out, told as a mistake */
	EXPECT("ownership.passive", 1, "The forty library holds cancelled in error on Monday are back on your card.");
	EXPECT("ownership.passive", 1, "Invoices sent wrongly to old tenants are being recalled.");
	EXPECT("ownership.passive", 0, "Our clerks cancelled in error two holds.");
	EXPECT("ownership.passive", 0, "No holds cancelled in error were lost.");
	/* a replacement as the subject is the remedy, like a fix */
	EXPECT("ownership.passive", 0,
	       "Because we kept no spare, the line stood idle while a replacement was shipped from Italy.");
	EXPECT("ownership.passive", 1, "The site went down because the licence was allowed to lapse.");
	/* "duplicate" is a fault marker: the things made twice were a mistake */
	EXPECT("ownership.passive", 1, "Duplicate meter bills were printed on Monday.");
	EXPECT("ownership.passive", 0, "Duplicate meter bills were refunded on Monday.");
}

/* The client's people or a vendor named as the agent ("by …") of an act
 * in a sentence that tells of a fault, and staffing agencies and card
 * processors as vendors (holdout32 to holdout35's ownership round). */
static void test_blame_agent_blind32(void **state)
{
	(void)state;
	EXPECT("ownership.blame-shift", 1,
	       "The smoke alarm had been muted by your office team during the refit, so the porter did not hear it.");
	EXPECT("ownership.blame-shift", 1, "The outage followed a patch pushed by the hosting provider, which went wrong "
					   "at midnight.");
	EXPECT("ownership.blame-shift", 1,
	       "Several cleaners sent by our staffing agency did not turn up, so the wards were not cleaned.");
	EXPECT("ownership.blame-shift", 1, "The cause was a fault at our card processor.");
	/* a vendor, a participle in -ing about its work, then its own fault */
	EXPECT("ownership.blame-shift", 1, "A contractor working on the new flats behind the depot damaged our phone line.");
	EXPECT("ownership.blame-shift", 0, "A contractor working on the new flats behind the depot finished on Monday.");
	EXPECT("ownership.blame-shift", 0, "The parcel was signed for by your office team at noon.");
	/* the client's people at large whose own act is told as the mistake */
	EXPECT("ownership.blame-shift", 1, "A few members typed their postcodes incorrectly, which locked the booking page.");
	EXPECT("ownership.blame-shift", 0, "A few members received their parcels incorrectly packed.");
	EXPECT("ownership.blame-shift", 0, "The new boards were delivered by our supplier on Monday, so the fitting went "
					   "ahead.");
}

/* No blame on a contraction ("That's my error"), on a name whose "'s"
 * is followed by a verb (a place: "the lift at St Barnabas's failed"),
 * nor on the client's people joined by "and" to the ones harmed ("caused
 * to you and your team") (holdout32 to holdout35's ownership round). */
static void test_blame_not_party_blind32(void **state)
{
	(void)state;
	EXPECT("ownership.blame-shift", 0,
	       "Hi Sam. The van was booked for the wrong week, and That's my error.");
	EXPECT("ownership.blame-shift", 0, "The lift at St Barnabas's failed its inspection on Monday, so your visit moves.");
	EXPECT("ownership.blame-shift", 1, "The outage was caused by a fault in Cloudflare's network.");
	EXPECT("ownership.blame-shift", 0, "We regret the trouble this caused to you and your office team.");
	EXPECT("ownership.blame-shift", 1, "The trouble was caused by your office team.");
}

/* An insurer is a third party named by its kind, as a manufacturer or
 * an importer is (holdout23 to holdout28's ownership round). */
static void test_blame_insurer(void **state)
{
	(void)state;
	EXPECT("ownership.blame-shift", 1, "The wait was down to the insurer, who took a week to approve the repair.");
	EXPECT("ownership.blame-shift", 0, "We have sent the photos to your insurer.");
}

/* The client's people who "have not (yet/still)" done what is awaited
 * of them (holdout23 to holdout28's ownership round). */
static void test_blame_client_not_yet(void **state)
{
	(void)state;
	EXPECT("ownership.blame-shift", 1, "Your facilities team hasn't yet unlocked the plant room, so we cannot start.");
	EXPECT("ownership.blame-shift", 1, "Your facilities team has still not returned the keys.");
	EXPECT("ownership.blame-shift", 0, "Your facilities team has not noticed any leaks.");
	EXPECT("ownership.blame-shift", 0, "We have not yet unlocked the plant room.");
}

/* A stopword in capitals is an acronym in the client's people's name
 * ("your school's IT team") (holdout23 to holdout28's ownership round). */
static void test_blame_client_acronym(void **state)
{
	(void)state;
	EXPECT("ownership.blame-shift", 1, "The feed stopped because your school's IT team blocked the address.");
	EXPECT("ownership.blame-shift", 0, "We thanked your school's IT team for their help.");
}

/* Blame on the client's people whose verb is two words joined by a
 * hyphen, on a party told apart by a clause of ours ("the contractor we
 * hired for …"), on an importer, and a fault handed on with ", not
 * ours" (holdout22). */
static void test_blame_blind22(void **state)
{
	(void)state;
	EXPECT("ownership.blame-shift", 1,
	       "The grout cracked because your night staff power-washed the floor before it had set.");
	EXPECT("ownership.blame-shift", 1, "The roof leaked because the contractor we hired for the valleys skipped the flashing.");
	EXPECT("ownership.blame-shift", 1,
	       "The roof leaked because the supplier that we chose for the tiles sent a batch with cracks.");
	EXPECT("ownership.blame-shift", 0, "The roof leaked because the supplier we chose for the tiles is closed.");
	EXPECT("ownership.blame-shift", 1, "The beds arrived late because the importer failed to clear them through customs.");
	EXPECT("ownership.blame-shift", 1, "The vans were late, but honestly that was the depot's fault, not ours.");
	EXPECT("ownership.blame-shift", 0, "That was our packing, not the carrier's.");
	EXPECT("ownership.blame-shift", 0, "The mistake was ours, not yours.");
}

/* "won't ever … again" and "can never … again" promise no recurrence
 * as "will never … again" does, and a promise made absolute ("promise
 * you absolutely") overreaches (holdout22). */
static void test_overreach_blind22(void **state)
{
	(void)state;
	EXPECT("promise.overreach", 1, "This won't ever happen again.");
	EXPECT("promise.overreach", 1, "Your parcels can never go astray again.");
	EXPECT("promise.overreach", 0, "We won't ever charge you for the call.");
	EXPECT("promise.overreach", 0, "You can never be too careful with glass.");
	EXPECT("promise.overreach", 1, "I can promise you absolutely that the new date will not move.");
	EXPECT("promise.overreach", 0, "We cannot promise you absolutely that the date will hold.");
}

/* "may" as a forecast after a pronoun of ours or of the thing, "I
 * appreciate your patience", the harm waved away as "nothing serious",
 * people counted as "most" who "would not notice", and Elasticsearch
 * (holdout22). */
static void test_tone_blind22(void **state)
{
	(void)state;
	EXPECT("tone.hedging", 1, "The tiling is on track, though it may slip a day if the grout is late.");
	EXPECT("tone.hedging", 1, "We may also think about a second kiln.");
	EXPECT("tone.hedging", 0, "You may collect the chairs from Friday.");
	EXPECT("tone.hedging", 0, "Customers may see the old price until noon.");
	EXPECT("tone.hedging", 0, "We have kept a copy so that we may check it later.");
	EXPECT("tone.hedging", 0, "We apologise for any inconvenience this may cause.");
	EXPECT("tone.corporate", 1, "I appreciate your patience while the parts arrive.");
	/* "nothing serious", and "a bit longer" softens the wait too */
	EXPECT("tone.minimizing", 2, "The wait was a bit longer than planned, but it's nothing serious.");
	EXPECT("tone.minimizing", 0, "Our checks found nothing else wrong with the boiler.");
	EXPECT("tone.minimizing", 1, "Most diners would not notice the change in the sauce.");
	EXPECT("tone.minimizing", 0, "Most diners ordered the soup.");
	EXPECT("tone.jargon", 1, "The Elasticsearch index was rebuilt overnight.");
}

/* The next message promised by e-mail to every one of the readers; a
 * recurring act of ours with no word of telling ("test it every Monday")
 * promises no message; a passive with a fault marker in its subject
 * tells what went wrong (holdout22). */
static void test_elements_blind22(void **state)
{
	(void)state;
	HAS("plan", "next-update", "We will e-mail every stallholder again on Thursday 26 November at 10:00.");
	HAS_NOT("rca_update", "next-update", "We have put the gauge back and test it every Monday.");
	HAS("rca_update", "next-update", "We will send you a short report every Monday until the roof is finished.");
	HAS("review", "cause", "The wrong labels were printed for the Friday batch.");
	HAS_NOT("review", "cause", "The wrong labels were corrected on Friday.");
	HAS_NOT("review", "cause", "None of the wrong labels were printed.");
}

/* Lateness admitted as what we should have told the client before ("I
 * should have rung you on Thursday"); "late" in a condition is another
 * thing's lateness, no acknowledgement (holdout22). */
static void test_late_ack_blind22(void **state)
{
	(void)state;
	struct rd_check_opts o = opts_("other");
	o.late = true;
	o.due_at = o.now - 48 * 3600;
	const char *acks[] = {"I should have rung you on Thursday. The gate will be fitted on Friday.",
		"We should have phoned you last week; the gate will be fitted on Friday.",
		"I should have e-mailed you before the weekend. The gate will be fitted on Friday.", NULL};
	for (size_t q = 0; acks[q]; q++) {
		struct rd_check_result *r = run_opts(acks[q], &o);
		if (count(r, "element.late-ack") != 0)
			fail_msg("%s: late-ack not found", acks[q]);
		rd_check_result_free(r);
	}
	const char *none[] = {"The alarm should have rung our engineer. The gate will be fitted on Friday.",
		"The gate will be fitted on Friday, or Monday if the hinges are late.", NULL};
	for (size_t q = 0; none[q]; q++) {
		struct rd_check_result *r = run_opts(none[q], &o);
		if (count(r, "element.late-ack") != 1)
			fail_msg("%s: late-ack found", none[q]);
		rd_check_result_free(r);
	}
}

/* Damage we did to a thing, told with "we" and its verb ("we bent",
 * "we scratched"), admits the act, and told "when we <verb>" explains
 * what went wrong (holdout22). */
static void test_damage_we_did_blind22(void **state)
{
	(void)state;
	HAS("plan", "cause", "It is a hinge on the lid that we bent when we reassembled the box, so the lid sticks.");
	HAS_NOT("plan", "cause", "The lid is stiff. We checked the hinge when we reassembled the box.");
	HAS("apology", "ownership", "We scratched your table top when we moved the piano.");
	HAS_NOT("apology", "ownership", "Your table top was fine when we moved the piano.");
}

/* An act or choice claimed as ours against someone else's, "that was
 * our loading, not the haulier's", is ownership (holdout22). */
static void test_ownership_not_theirs_blind22(void **state)
{
	(void)state;
	HAS("apology", "ownership", "The tiles arrived chipped. That was our loading, not the haulier's.");
	HAS("apology", "ownership", "It was my call, not the driver's, to leave the crates outside.");
	HAS_NOT("apology", "ownership", "The tiles arrived chipped. It was our order, not a repeat.");
	HAS_NOT("apology", "ownership", "The tiles arrived chipped. That was not our loading.");
}

/* A span in a clause that narrates the past ("wilted within two days")
 * says how soon it happened, not when the fix will land (holdout22). */
static void test_timeline_past_span_blind22(void **state)
{
	(void)state;
	HAS_NOT("plan", "timeline", "The cakes dried out within two days because the tins were not sealed.");
	HAS_NOT("plan", "timeline", "The paint peeled in three days because we primed it badly.");
	HAS("plan", "timeline", "We will refit the panel within two days.");
	HAS("plan", "timeline", "The panel cracked, and we will refit it within two days.");
}

/* A time after the condition of a promised message ("when the new till
 * is live, and either way on Monday …") times the message, not the fix
 * (holdout22). */
static void test_next_update_after_condition_blind22(void **state)
{
	(void)state;
	HAS("plan", "next-update", "I will text you when the new till is live, and either way on Monday 30 November by 12:00.");
	HAS_NOT("plan", "next-update", "I will text you when the new till is live, and the kiln will be ready by Friday 27 November.");
	HAS("plan", "timeline", "I will text you when the new till is live, and the kiln will be ready by Friday 27 November.");
}

/* What the failure puts "at risk" for the client is its impact, unless
 * denied; our omission at the moment we acted ("we did not check the
 * stock when we confirmed your order") explains what went wrong
 * (holdout22). */
static void test_impact_cause_blind22(void **state)
{
	(void)state;
	HAS("apology", "impact", "This puts the window at risk for your carol service.");
	HAS_NOT("apology", "impact", "No part of your order is at risk.");
	HAS("plan", "cause", "We did not check the stock when we confirmed your order.");
	HAS_NOT("plan", "cause", "We did not check the stock, and we are sorry.");
}

/* "is on us" with "is" contracted ("that's on us", "it's on me") owns
 * the deed as the full form does; a possessive "'s" before "on us" (a
 * gift) still does not (the element round over four sets). */
static void test_ownership_contracted_on_us(void **state)
{
	(void)state;
	ELEM("correction", true, "ownership", "The invoice showed last year's rate. That's on us.");
	ELEM("correction", true, "ownership", "The invoice showed last year's rate, and it's on me.");
	ELEM("correction", false, "ownership", "The invoice showed last year's rate. The next month's on us.");
}

/* A why-question set over its answer gives the cause and the delay's
 * reason, as a "Why:" field does: a heading opening with "why" over the
 * text under it, or a short question opening its line with the answer
 * after it; not an answer that says the reason is not known, nor one
 * whose own cause phrase names nothing. */
static void test_why_section(void **state)
{
	(void)state;
	ELEM("review", true, "cause", "## Why the roof leaked\n\nA roofer nailed the flashing under the ridge tiles in March.");
	ELEM("review", true, "cause", "Why\nA roofer nailed the flashing under the ridge tiles in March.");
	ELEM("review", true, "cause", "Why did the roof leak? A roofer nailed the flashing under the ridge tiles in March.");
	ELEM("delay", true, "delay-reason", "## Why the handover moves\n\nThe glazing panels arrived cracked on Monday.");
	ELEM("review", false, "cause", "## Why the roof leaked\n\nWe do not know yet, and the roofer is still looking.");
	ELEM("review", false, "cause", "## Why\n\nSeveral factors on the night led to the leak.");
	ELEM("review", false, "cause", "Why does this matter? Your tenants rely on a dry loft.");
}

/* A participle of the present passive ("is now booked for", "are both
 * reserved for") holds now and narrates no past, so the date after it is
 * the new time; a past verb before the date still narrates. */
static void test_timeline_present_passive(void **state)
{
	(void)state;
	HAS("delay", "timeline", "Your fitting is now booked for Friday 4 December at 10:00.");
	HAS("delay", "timeline", "The two vans are both reserved for Monday 30 November.");
	HAS_NOT("delay", "timeline", "Our system booked the hall for Friday 4 December twice.");
}

/* "now" and a verb of work in the simple present tells a standing change
 * when its subject is one of our people (a team noun after our/my/the)
 * or a guard (alerts, checks…), as it does after "we"; not the client's
 * people, nor a state ("now knows"). */
static void test_prevention_standing_subject(void **state)
{
	(void)state;
	ELEM("review", true, "prevention", "Our site manager now walks the fence line every Friday.");
	ELEM("review", true, "prevention", "Alarms now ring in the control room when the tank runs low.");
	ELEM("review", false, "prevention", "Your site manager now walks the fence line every Friday.");
	ELEM("review", false, "prevention", "Our site manager now knows the gate code.");
}

/* A change that rules the fault out (", so" / "so that" and a negation)
 * counts when its verb's subject is ours though not right before it: a
 * second verb of "we" after ", and will", or one of ours with "has since"
 * and a past form; not a party that is not ours. */
static void test_prevention_rules_out_subject(void **state)
{
	(void)state;
	ELEM("review", true, "prevention", "This month we are inspecting the other pumps on the estate with a borrowed camera, "
					  "and will fit a float switch to each one, so a blocked drain does not flood the basement.");
	ELEM("review", true, "prevention", "Our facilities crew cleared the drain and has since fitted a float switch, "
					  "so that a blocked drain cannot flood the basement.");
	ELEM("review", false, "prevention", "Your caretaker has since fitted a float switch, so a blocked drain cannot flood the basement.");
}

/* A delay's reason told as what stopped us: an event before ", so" and
 * our past inability ("could not") after it, or an inability of ours
 * held "until" a thing still to happen, told as a clause; not a plain
 * date after "until", nor "could not be happier". */
static void test_delay_reason_inability(void **state)
{
	(void)state;
	HAS("delay", "delay-reason", "The opening moves to Monday 7 December. The scaffolders had not finished the frame "
				      "when our roofers arrived, so we could not start the slates.");
	HAS("delay", "delay-reason", "The opening moves to Monday 7 December. We cannot wire the lifts until the inspector "
				      "has signed the shaft off.");
	HAS_NOT("delay", "delay-reason", "The opening moves to Monday 7 December. We cannot hand you the keys until Friday 4 December.");
	HAS_NOT("delay", "delay-reason", "The opening moves to Monday 7 December, so we could not be happier with the progress.");
}

/* A thing that broke by cracking, snapping or seizing is a delay's reason
 * as one that broke or jammed is; we who "cracked on" are no thing. */
static void test_delay_reason_thing_cracked(void **state)
{
	(void)state;
	HAS("delay", "delay-reason", "The fitting moves to Monday 7 December. On Friday the drive belt on our press snapped.");
	HAS("delay", "delay-reason", "The fitting moves to Monday 7 December. The main bearing in our lathe seized on Friday.");
	HAS_NOT("delay", "delay-reason", "The fitting moves to Monday 7 December. We cracked on with the other orders.");
}

/* "The cause is/was …" names a delay's reason, as "the reason" does,
 * unless it goes on to say the cause is not known. */
static void test_delay_reason_the_cause(void **state)
{
	(void)state;
	HAS("delay", "delay-reason", "The handover moves to Friday 4 December. The cause is a bent steel beam from the mill.");
	HAS_NOT("delay", "delay-reason", "The handover moves to Friday 4 December. The cause is still unknown.");
}

/* A cause heading's section is denied only where it says the cause is
 * not known; a negation that tells the fault itself ("without its
 * straps") leaves the section the cause. */
static void test_cause_heading_negated_fault(void **state)
{
	(void)state;
	ELEM("review", true, "cause", "Cause\nWe fitted the hinges without the washers the maker asks for.");
	ELEM("review", true, "cause", "## Cause\n\nThe order left our yard without its bracing straps.");
	ELEM("review", false, "cause", "## Cause\n\nWe have not found it, and the supplier is testing the part.");
}

/* A sentence that announces why the harm happened, followed by a
 * sentence that tells the past, gives the cause; not an explanation
 * promised for later, one still sought, nor "why you were upset". */
static void test_cause_why_announced(void **state)
{
	(void)state;
	ELEM("review", true, "cause", "You asked me to explain why the boxes reached your shop two days late. "
				      "Our packers worked from an old pick list that week.");
	ELEM("review", true, "cause", "Here is what we have learned about why the April invoices doubled. "
				      "Our billing run started twice on the first of the month.");
	ELEM("review", false, "cause", "I will explain why the boxes reached your shop late in Friday's review. "
				       "Our packers worked from an old pick list that week.");
	ELEM("review", false, "cause", "We are still looking into why the boxes reached your shop late. "
				       "Our packers worked from an old pick list that week.");
	ELEM("review", false, "cause", "I understand why you were upset. Our packers worked from an old pick list that week.");
}

/* "Next update" as a heading line (Markdown or plain) times the next
 * message with the first sentence under it, as the label does on its own
 * line, even with no cue there; another heading does not. */
static void test_next_update_heading(void **state)
{
	(void)state;
	HAS("progress", "next-update", "## Next update\n\nWednesday 25 November, 16:00, with the fitted boiler's readings.");
	HAS("progress", "next-update", "Next update\nThursday 26 November by 10:00, with the fitted boiler's readings.");
	HAS_NOT("progress", "next-update", "## What we are doing\n\nWednesday 25 November, 16:00, the new boiler goes in.");
}

/* The next message promised to all its readers by text or message, as
 * by e-mail ("e-mail every …"); a date with no such promise is the fix's. */
static void test_next_update_text_all(void **state)
{
	(void)state;
	HAS("progress", "next-update", "We will text all the choir parents on Friday 27 November to confirm the coach.");
	HAS("progress", "next-update", "I will message each stallholder on Thursday 26 November with the pitch plan.");
	HAS_NOT("progress", "next-update", "The coach for all the choir parents is booked for Friday 27 November.");
}

/* A check made more frequent — a word of checking, two frequencies and a
 * word that sets one against the other — is prevention; one frequency,
 * or an account of the past, is not. */
static void test_prevention_check_more_often(void **state)
{
	(void)state;
	ELEM("review", true, "prevention", "The gutters go onto the quarterly inspection list, where they used to be looked at every two years.");
	ELEM("review", true, "prevention", "From next spring the fire doors are inspected every month rather than once a year.");
	ELEM("review", false, "prevention", "The pumps were serviced once a year rather than every month as the contract asked.");
	ELEM("review", false, "prevention", "We inspect the fire doors every month.");
}

/* An act of ours told as a mistake by a fault marker owns it, whatever
 * the verb; not a verb that mends ("replaced the faulty valve"), nor one
 * inside a hedge. */
static void test_ownership_we_did_wrong(void **state)
{
	(void)state;
	ELEM("correction", true, "ownership", "We posted your new cards to the wrong branch.");
	ELEM("correction", true, "ownership", "Our accounts team billed the deposit to an outdated card.");
	ELEM("correction", false, "ownership", "We replaced the faulty valve on Friday.");
	ELEM("correction", false, "ownership", "It may be that we loaded the wrong tariff.");
}

/* "will let you know" with a time promises the next message; telling
 * news now ("I wanted to let you know that …") does not. */
static void test_next_update_let_you_know(void **state)
{
	(void)state;
	HAS("progress", "next-update", "I will let you know on Friday 27 November by 16:00 how the fitting went.");
	HAS("progress", "next-update", "We'll let you know on Thursday 26 November whether the parts have landed.");
	HAS_NOT("progress", "next-update", "I wanted to let you know that the repair finishes on Friday 27 November.");
}

/* A time frame set on a state claimed or promised names no measure:
 * "going forward" or "from now on" with "be" or "remain" and no
 * participle after it; a participle, work in -ing or another verb is one. */
static void test_prevention_time_on_state(void **state)
{
	(void)state;
	HAS_NOT("review", "prevention", "Going forward, your shop is the first thing on my list.");
	HAS_NOT("review", "prevention", "Your meter readings will be completely reliable from now on.");
	HAS_NOT("review", "prevention", "Moving forward, we remain devoted to serving every tenant.");
	HAS_NOT("review", "prevention", "In future we are committed to honest billing.");
	HAS("review", "prevention", "Going forward, every meter reading will be checked by a second clerk.");
	HAS("review", "prevention", "From now on we are keeping two spare pumps at the yard.");
	HAS("review", "prevention", "Going forward, there will be a second signature on each payment run.");
	HAS("review", "prevention", "From now on the night porter walks the car park at midnight.");
}

/* "From <date>," and any subject of ours with "will", or "any" after the
 * date, start a standing change; the date may run on ("Monday 7
 * December") or be "the next <event>". The client's "will" is not ours. */
static void test_prevention_from_date_subject(void **state)
{
	(void)state;
	HAS("plan", "prevention", "From Monday 7 December, the early rounds will be driven by two staff.");
	HAS("plan", "prevention", "From January, any price change will be approved by the finance lead.");
	HAS("plan", "prevention", "From the next show, the stage manager and I will both sign the rigging sheet.");
	HAS("plan", "prevention", "From February, a member of our desk team will ring each new client.");
	HAS_NOT("plan", "prevention", "From Monday 7 December, you will be able to book online again.");
	HAS_NOT("plan", "prevention", "From Friday we will send you an update each evening.");
}

/* A device added or fitted "that" checks or stops, or that acts "if" a
 * case of the fault comes, is a guard against a repeat; one that only
 * explains or shows is not. */
static void test_prevention_device_that_acts(void **state)
{
	(void)state;
	HAS("review", "prevention", "We have fitted a pressure valve that shuts the supply if the tank overfills.");
	HAS("review", "prevention", "We will add a weekly script which compares every invoice with its order.");
	HAS("review", "prevention", "We are installing a sensor that rings the office whenever the freezer warms up.");
	HAS_NOT("review", "prevention", "We have added a page that explains the new delivery charges.");
	HAS_NOT("review", "prevention", "We fitted a new lock that opens with your old key.");
}

/* What our inquiry found, a result drawn from the sentence before, the
 * present "come(s) from" a faulty thing and a thing that spoiled data
 * each tell the cause; a denied finding, a good result, our own act
 * "therefore" and a place things are sent from do not. */
static void test_cause_found_result_comes_from(void **state)
{
	(void)state;
	HAS("rca_update", "cause", "Our site inspection found that the drain under the car park had collapsed.");
	HAS("rca_update", "cause", "The audit established that a rounding rule in our invoicing tool dropped the pennies.");
	HAS_NOT("rca_update", "cause", "Our review found that no invoices were sent twice.");
	HAS("rca_update", "cause",
	    "Our ticket partner's server timed out and resent every order. As a result, 300 fans were billed twice for their seats.");
	HAS("rca_update", "cause",
	    "A setting in the new release swapped the two price columns. The till therefore charged members the visitor rate.");
	HAS_NOT("rca_update", "cause", "We reopened the booking page on Monday. As a result, bookings are back to normal.");
	HAS_NOT("rca_update", "cause",
		"A setting in the new release changed the two price columns. We therefore refunded every member.");
	HAS("plan", "cause", "The flickering lights in your shop come from a faulty neutral wire in our junction box.");
	HAS_NOT("plan", "cause", "The spare parts come from a depot in Leeds.");
	HAS_NOT("plan", "cause", "Since the faulty unit went, your readings now come from a new meter.");
	HAS("rca_update", "cause", "On Monday night a nightly job wiped the photos of 40 listings.");
	HAS("rca_update", "cause", "At 02:00 the import script overwrote the stock counts for your shops.");
}

/* ", which caused …" after an event told, and a vague reason whose real
 * one follows after ", as …", tell the cause; a symptom before ", which
 * caused" and a vague reason alone do not. */
static void test_cause_which_caused_as_after_vague(void **state)
{
	(void)state;
	HAS("review", "cause", "A licence key on our print server was left to lapse, which caused every print job to stall for a day.");
	HAS("review", "cause", "Our router update cleared the port settings, which likely explains the dropped calls.");
	HAS_NOT("review", "cause", "The outage lasted an hour on Friday, which caused long queues at the tills.");
	HAS("review", "cause",
	    "The cancelled lessons were due to reasons beyond our control, as the pool operator closed the pool for repairs.");
	HAS_NOT("review", "cause", "The cancelled lessons were due to reasons beyond our control.");
}

/* A present passive with "now" tells how things are done from here on;
 * a state the fix reached or the client's own things do not. */
static void test_prevention_now_done(void **state)
{
	(void)state;
	HAS("review", "prevention", "Every ride is now inspected by two fitters before the park opens.");
	HAS("review", "prevention", "The reorder levels are now worked out from the real weekly sales.");
	HAS_NOT("review", "prevention", "The leak is now repaired and the hall is dry.");
	HAS_NOT("review", "prevention", "The second visit is now scheduled for Friday.");
	HAS_NOT("review", "prevention", "Your replacement boiler is now fitted.");
}

/* A team of ours named by more words than "our team" owning a mistake is
 * ownership; a supplier's mistake, or a denied one, is not. */
static void test_ownership_team_mistake(void **state)
{
	(void)state;
	HAS("apology", "ownership", "The mix-up was our night warehouse staff's mistake.");
	HAS("apology", "ownership", "Sending the wrong keys was my front desk team's error.");
	HAS_NOT("apology", "ownership", "The mix-up was our courier's mistake.");
	HAS_NOT("apology", "ownership", "The mix-up was not our warehouse staff's fault.");
}

/* A word is jargon wherever it stands, also inside another rule's
 * finding (a blame or a passive); a placeholder in capitals inside
 * brackets is template.unfilled's, not an acronym; and a hedge inside a
 * generic apology is still the apology's. */
static void test_jargon_inside_other_finding(void **state)
{
	(void)state;
	const char *text = "Our CDN vendor shipped a faulty update to its servers, which took your shop offline.";
	struct rd_check_result *r = run("other", text);
	assert_int_equal(count(r, "ownership.blame-shift"), 1);
	assert_int_equal(count(r, "tone.jargon"), 1);
	span_is(find(r, "tone.jargon"), text, "CDN");
	rd_check_result_free(r);
	EXPECT("tone.jargon", 0, "Dear [FIRST NAME], your order is late.");
	EXPECT("template.unfilled", 1, "Dear [FIRST NAME], your order is late.");
	EXPECT("tone.hedging", 0, "We apologise for any inconvenience this may have caused.");
}

/* Initials the public says things by: the cash machine and the family
 * doctor. An engineering acronym stays one. */
static void test_jargon_public_initials(void **state)
{
	(void)state;
	EXPECT("tone.jargon", 0, "The ATM outside the branch kept your card, so we posted a new one.");
	EXPECT("tone.jargon", 0, "Your GP can ask us for a copy of the letter.");
	EXPECT("tone.jargon", 1, "The HSM refused the new key on Monday.");
}

/* Stock phrases at most three words apart in one clause are one stock
 * sentence and one finding; in different clauses they stay apart. */
static void test_corporate_run_of_phrases(void **state)
{
	(void)state;
	const char *text = "We remain committed to providing world-class support to every tenant.";
	struct rd_check_result *r = run("other", text);
	assert_int_equal(count(r, "tone.corporate"), 1);
	span_is(find(r, "tone.corporate"), text, "remain committed to providing world-class");
	rd_check_result_free(r);
	EXPECT("tone.corporate", 1, "We remain fully committed to delivering you the highest standards.");
	EXPECT("tone.corporate", 2, "Thank you for your patience; going forward, the vans leave at six.");
}

/* More of a form letter's voice: good news announced by a verb of
 * telling, telling announced as a wish, an occasion taken, excellence and
 * customers put first as a slogan, thanks for loyalty. "pleased to tell
 * you" stays plain. */
static void test_corporate_form_letter_voice(void **state)
{
	(void)state;
	EXPECT("tone.corporate", 1, "We are pleased to announce that the pool reopens on Monday.");
	EXPECT("tone.corporate", 1, "I would like to inform you that the parcel left the depot today.");
	EXPECT("tone.corporate", 1, "We would like to take this opportunity to explain the new rota.");
	EXPECT("tone.corporate", 1, "Our drivers always strive for excellence.");
	EXPECT("tone.corporate", 1, "Safety sits at the heart of everything we do.");
	EXPECT("tone.corporate", 1, "Thank you for being a loyal subscriber.");
	EXPECT("tone.corporate", 0, "I am pleased to tell you the pool reopens on Monday.");
}

/* Beliefs of our people by their team or trade are hedges as "we
 * believe" is; a modal with "have" after "which" guesses at the past; and
 * "may" after a thing with a verb of how long or whether the work holds
 * forecasts. What people may do stays plain, and so does what a thing
 * could do for the reader. */
static void test_hedging_team_which_have_thing_may(void **state)
{
	(void)state;
	EXPECT("tone.hedging", 1, "Our support team believes the router was at fault.");
	EXPECT("tone.hedging", 1, "Our engineers think the valve will hold.");
	EXPECT("tone.hedging", 1, "The courier lost the box, which might have delayed the refund.");
	EXPECT("tone.hedging", 1, "Some deliveries may slip to Friday.");
	EXPECT("tone.hedging", 1, "The queue may be cleared by noon.");
	EXPECT("tone.hedging", 0, "We offer a loan van, which may suit you.");
	EXPECT("tone.hedging", 0, "Customers may take the later bus.");
}

/* A supply or service "interrupted" is harm, as "disrupted" is: a short
 * stretch of it is made small. A short stretch of our own work is not. */
static void test_minimizing_interrupted_stretch(void **state)
{
	(void)state;
	EXPECT("tone.minimizing", 1, "Gas to the estate was interrupted for a short time on Sunday.");
	EXPECT("tone.minimizing", 0, "We rebuilt the booking page in a short period.");
}

/* Perfection promised with a degree adverb is overreach as "will be
 * perfect" is; declined, it is not. */
static void test_overreach_perfect_by_degree(void **state)
{
	(void)state;
	EXPECT("promise.overreach", 1, "Your new brochures will be completely flawless.");
	EXPECT("promise.overreach", 0, "We cannot promise the print will be absolutely perfect.");
}

/* Our plumbing by its engineering names: servers at a network's edge,
 * the pipeline a release goes through, scripted probes, an HTTP status
 * told as an error. The plain "edge" and "count" stay plain. */
static void test_jargon_plumbing_names(void **state)
{
	(void)state;
	EXPECT("tone.jargon", 2, "Our edge nodes dropped the requests, so the deploy pipeline stopped.");
	EXPECT("tone.jargon", 2, "The synthetic checks caught the 502 errors within a minute.");
	EXPECT("tone.jargon", 0, "Please keep the receipt at the edge of the counter; we count stock in batches.");
}

/* Harm waved away as of no weight, and what is left waved away as a step
 * of form only; a formality we keep, and a big deal admitted, stay plain. */
static void test_minimizing_no_big_deal(void **state)
{
	(void)state;
	EXPECT("tone.minimizing", 1, "It was no big deal for most guests.");
	EXPECT("tone.minimizing", 1, "The last inspection is just a formality.");
	EXPECT("tone.minimizing", 0, "Signing the form is a formality we cannot skip.");
	EXPECT("tone.minimizing", 0, "This is a big deal for us and we are sorry.");
}

/* A delay told as a change to what was planned, made small; a small
 * change we made to a thing, and a change of plan told plainly, are not. */
static void test_minimizing_small_change_of_plan(void **state)
{
	(void)state;
	EXPECT("tone.minimizing", 1, "A small change to our schedule: the chairs arrive on Friday.");
	EXPECT("tone.minimizing", 1, "Just a minor change of plans for your order.");
	EXPECT("tone.minimizing", 0, "We made a small change to the filter so it cannot recur.");
	EXPECT("tone.minimizing", 0, "There has been a change of plan: the van comes Friday.");
}

/* Money taken twice is harm: a vague small count of the people it hit
 * minimises it. */
static void test_minimizing_charged_twice(void **state)
{
	(void)state;
	EXPECT("tone.minimizing", 1, "A handful of customers were double charged on Friday.");
	EXPECT("tone.minimizing", 1, "A handful of customers were charged twice on Friday.");
	EXPECT("tone.minimizing", 0, "We refunded every customer who was charged twice on Friday.");
}

/* The people a school or a utility serves, spoken of at large (pupils,
 * students, families, households, homes), are the
 * audience as customers are; and what the failure left their things in
 * (damaged, discoloured, spoiled…) is a harm. */
static void test_impact_audience_blind32(void **state)
{
	(void)state;
	HAS("apology", "impact", "We are sorry. Forty pupils could not open the reading app on Monday.");
	HAS("apology", "impact", "We are sorry. About 300 households lost heating overnight.");
	HAS("apology", "impact", "We are sorry. Several families couldn't find the side entrance.");
	HAS("apology", "impact", "We are sorry. A few tenants found their carpets spoiled by the leak.");
	HAS_NOT("apology", "impact", "We are sorry. The families' new timetable goes out on Friday.");
}

/* The next message's time told around a state it will confirm ("we will
 * confirm the van is ready by 15:00"), as the subject of a passive ("another
 * update will be delivered … on Friday"), and promised after "and will
 * confirm"; the fix's time in the future stays the fix's. */
static void test_next_update_confirmed_blind32(void **state)
{
	(void)state;
	HAS("progress", "next-update", "We will confirm the replacement van is ready by 15:00 on Thursday 26 November.");
	HAS("progress", "next-update", "Another update will be delivered to each tenant on Friday 27 November.");
	HAS("progress", "next-update", "We are checking the pipes and will confirm the new route on Thursday 26 November.");
	HAS_NOT("progress", "next-update", "I will confirm that the repair will be done by Friday 27 November.");
	HAS_NOT("progress", "next-update", "We will send an update, and the parts will be delivered on Friday 27 November.");
}

/* A fault that someone or something came upon (found, hit, developed)
 * is a delay's reason, as "we found" is; not one denied or met by the
 * client. */
static void test_delay_reason_came_upon_fault_blind32(void **state)
{
	(void)state;
	HAS("delay", "delay-reason", "The launch moves to Monday 7 December. The plasterer found a leak behind the boiler.");
	HAS("delay", "delay-reason", "The launch moves to Monday 7 December. The nightly import hit a schema error on Sunday.");
	HAS_NOT("delay", "delay-reason", "The launch moves to Monday 7 December. The inspector has not found a fault with the frame.");
	HAS_NOT("delay", "delay-reason", "The launch moves to Monday 7 December. Thank you, you found a typo in the brochure.");
}

/* Work told by its object in the passive: an action verb after "is/are
 * being", a verb that mends after "was/were"; not denied, not a thing
 * done wrong, not done by someone else. */
static void test_action_passive_work_blind32(void **state)
{
	(void)state;
	HAS("resolution", "action", "The broken panels are being replaced today.");
	HAS("resolution", "action", "Power to the estate was restored by 14:00.");
	HAS_NOT("resolution", "action", "The invoices were resent to the wrong office on Monday.");
	HAS_NOT("resolution", "action", "The wrong invoices are being posted today.");
	HAS_NOT("resolution", "action", "Your bookings were restored by the venue's own staff.");
	HAS_NOT("resolution", "action", "No orders are being refunded yet.");
}

/* "a second" before a noun is the ordinal ("approved by a second
 * manager"), no deadline of one second; "in a second or two" is still a
 * span. */
static void test_timeline_second_person_blind33(void **state)
{
	(void)state;
	HAS_NOT("plan", "timeline", "From now on every refund is approved by a second manager.");
	HAS_NOT("plan", "timeline", "The list is now checked by a second person before it is printed.");
	HAS("plan", "timeline", "The relay will switch over in a second or two.");
}

/* Lateness owned against what we said, whatever names the time ("after
 * the ten days we promised"); and neither a thing that came late ("the
 * late kick-off") nor a fault not found sooner in the passive is this
 * message's lateness. */
static void test_late_ack_blind34(void **state)
{
	(void)state;
	struct rd_check_opts o = opts_("other");
	o.late = true;
	o.due_at = o.now - 48 * 3600;
	const char *acks[] = {"This report comes well after the ten days we promised. The gate is fitted.",
		"I am writing after the two weeks I agreed with you. The gate is fitted.", NULL};
	for (size_t q = 0; acks[q]; q++) {
		struct rd_check_result *r = run_opts(acks[q], &o);
		if (count(r, "element.late-ack") != 0)
			fail_msg("%s: late-ack not found", acks[q]);
		rd_check_result_free(r);
	}
	const char *none[] = {"We are sorry for the late kick-off it caused. The gate is fitted.",
		"The crack was not spotted sooner because the paint hid it. The gate is fitted.", NULL};
	for (size_t q = 0; none[q]; q++) {
		struct rd_check_result *r = run_opts(none[q], &o);
		if (count(r, "element.late-ack") != 1)
			fail_msg("%s: late-ack found", none[q]);
		rd_check_result_free(r);
	}
	struct rd_check_result *r = run_opts("I am sorry for the late reply. The gate is fitted.", &o);
	if (count(r, "element.late-ack") != 0)
		fail_msg("late reply: late-ack not found");
	rd_check_result_free(r);
}

/* Work going on now told with "continue(s) to" and any verb, by us or a
 * team of ours; not a wish, nor the telling that is the next update. */
static void test_action_continues_blind34(void **state)
{
	(void)state;
	HAS("resolution", "action", "Our support team continues to chase the courier.");
	HAS("resolution", "action", "We continue to phone each grower.");
	HAS_NOT("resolution", "action", "We continue to hope for good news.");
	HAS_NOT("resolution", "action", "Our team continues to update this page.");
}

/* Questions sent to the writer are a way to reach them, as "write to me"
 * is, with a number the extractor cannot read as one. */
static void test_contact_questions_to_me_blind34(void **state)
{
	(void)state;
	HAS("resolution", "contact", "The gate is fitted. Questions to me, please.");
	HAS("resolution", "contact", "The gate is fitted. Send any worries to me directly.");
	HAS_NOT("resolution", "contact", "The gate is fitted. The invoice came to me last week.");
}

/* A remedy sent, told by its object ("credits … went out"), is our
 * action; not one denied or in a condition. */
static void test_action_remedy_went_out_blind35(void **state)
{
	(void)state;
	HAS("resolution", "action", "Credits for the missed lessons went out on Monday.");
	HAS("resolution", "action", "Every replacement has gone out by courier.");
	HAS_NOT("resolution", "action", "The refunds have not gone out yet.");
	HAS_NOT("resolution", "action", "Tell me if the replacement went out late.");
}

/* h17-tone: the apology, tone and overreach rules over holdout40 to 43 */

/* A recurrence ruled out by any verb after "will not" and "again" when
 * the subject points at the thing hit, a promise made absolute inside a
 * safeguard's purpose, constancy "at all times" promised of a thing, a
 * long verb between "will never" and "again", and a fix called permanent
 * or a date final; our own commitments, a purpose clause, the reader's
 * "will not need", a check of what stands now, and a fact stay plain. */
static void test_overreach_wont_again_and_always(void **state)
{
	(void)state;
	EXPECT("promise.overreach", 1, "The new slot is on Friday, and it will not change again.");
	EXPECT("promise.overreach", 1, "This booking will not be lost again.");
	EXPECT("promise.overreach", 1, "The cooling will be kept running at all times.");
	EXPECT("promise.overreach", 1, "We added a second pump so that a flood of that kind cannot occur again under any circumstances.");
	EXPECT("promise.overreach", 1, "Your lifts will never be stuck between floors like that again.");
	EXPECT("promise.overreach", 1, "The roof leak is now permanently resolved.");
	EXPECT("promise.overreach", 1, "With the new seals, a spill like this is now impossible.");
	EXPECT("promise.overreach", 1, "I can tell you the handover date is final.");
	EXPECT("promise.overreach", 0, "We will not bill you for the visit again.");
	EXPECT("promise.overreach", 0, "You will not need to enter the code again.");
	EXPECT("promise.overreach", 0, "We added a second pump so that the basement cannot flood again.");
	EXPECT("promise.overreach", 0, "We will keep you posted at all times.");
	EXPECT("promise.overreach", 0, "The front desk is staffed at all times.");
	EXPECT("promise.overreach", 0, "We are checking the other depots to make sure nothing else is waiting in a queue.");
	EXPECT("promise.overreach", 0, "The door would not open, so it was impossible to get in.");
	EXPECT("promise.overreach", 0, "The clause that will not apply again is struck out.");
}

/* An assurance ("please be assured") is a stock phrase as "rest
 * assured" is, and one finding with the stock claim it assures; the
 * client valued as a whole; news promised as "any further developments".
 * Feedback we value, and a plain promise of a time, stay plain. */
static void test_corporate_assured_valued_developments(void **state)
{
	(void)state;
	EXPECT("tone.corporate", 1, "Please be assured that guest comfort remains our highest priority.");
	EXPECT("tone.corporate", 1, "Please be assured the boiler is safe to use.");
	EXPECT("tone.corporate", 1, "We value you as a member of the club.");
	EXPECT("tone.corporate", 1, "We shall advise you of any further developments.");
	EXPECT("tone.corporate", 0, "We value your feedback on the draft schedule.");
	EXPECT("tone.corporate", 0, "I will tell you by Friday at 10:00 whether the part has arrived.");
}

/* Regret for the feelings of the client's people named with "the" ("the
 * parents felt ignored"), and for worry; an apology for what they had to
 * do or what was done to them stays an apology. */
static void test_non_apology_the_people_and_worry(void **state)
{
	(void)state;
	EXPECT("apology.non-apology", 1, "I am sorry that the parents felt ignored by the office.");
	EXPECT("apology.non-apology", 1, "We are sorry the passengers were worried about their connections.");
	EXPECT("apology.non-apology", 1, "We're so sorry you were worried when the alarm went off.");
	EXPECT("apology.non-apology", 0, "We are sorry that the passengers missed their connections.");
	EXPECT("apology.non-apology", 0, "I'm sorry you had to queue for two hours.");
	EXPECT("apology.non-apology", 0, "We are sorry the parents were charged twice.");
}

/* Minimising: a wait or queue made short, a span made small with
 * "an extra", a count after a verb of reach before "only", a failure
 * called one-off; a count of what we did short, a unit word with no
 * count, and a one-off meant as a single case stay plain. */
static void test_minimizing_wait_extra_reach_one_off(void **state)
{
	(void)state;
	EXPECT("tone.minimizing", 1, "The lifts stopped, which caused a brief wait for some visitors.");
	EXPECT("tone.minimizing", 1, "It is only an extra day, and the rest of the plan holds.");
	EXPECT("tone.minimizing", 1, "The fault, touching only a few of the invoices, is fixed.");
	EXPECT("tone.minimizing", 1, "The mix-up was a one-off error on our side.");
	EXPECT("tone.minimizing", 0, "The cause: we staffed only 3 of the 8 desks, so lines grew.");
	EXPECT("tone.minimizing", 0, "The fault only appeared with real transactions.");
	EXPECT("tone.minimizing", 0, "We handle each request as a one-off.");
	EXPECT("tone.minimizing", 0, "Please wait at the gate; the queue moves every ten minutes.");
}

/* A belief with no believer and "all being well" hedge as "we believe"
 * and "if all goes well" do; a "should" that ends its clause after "than"
 * or "as" further back tells the norm. A forecast "should" still hedges. */
static void test_hedging_believed_all_being_well_norm(void **state)
{
	(void)state;
	EXPECT("tone.hedging", 1, "The loose cable is thought to be behind the outage.");
	EXPECT("tone.hedging", 1, "Your new cards go out on Monday, all going well.");
	EXPECT("tone.hedging", 0, "The report reached you a week later than the contract says it should.");
	EXPECT("tone.hedging", 0, "We handled the refund as the policy says we should.");
	EXPECT("tone.hedging", 1, "The refund should reach your account within three days.");
}

/* Session 14, dev sets: the next message promised as coming back to the
 * client, a ring, the next letter or the written report by its name; the
 * fix's own time stays the timeline. */
static void test_next_update_come_back_report(void **state)
{
	(void)state;
	HAS("progress", "next-update", "I'll come back to you on Thursday with the engineer's report.");
	HAS("progress", "next-update", "I'll give you a ring on Wednesday afternoon once I've seen his report.");
	HAS("progress", "next-update", "Your next letter from us will be sent on Monday 30 November.");
	HAS("progress", "next-update", "Next: our written incident report comes to you by Wednesday 25 November.");
	HAS_NOT("progress", "next-update", "The final report found a loose cable in the cabinet.");
	const char *both = "We expect to restore the service by Friday 27 November and will send the full report "
			   "on Monday 30 November.";
	HAS("progress", "next-update", both);
	HAS("progress", "timeline", both);
}

/* Session 14, dev sets: a harm that heads a longer subject made small
 * after "was"; a scope or a subject with no harm is not. */
static void test_minimizing_harm_heads_subject(void **state)
{
	(void)state;
	EXPECT("tone.minimizing", 1, "The impact on most customers was limited.");
	EXPECT("tone.minimizing", 1, "The delay to your orders was brief.");
	EXPECT("tone.minimizing", 0, "The impact on bookings is limited to those made online.");
	EXPECT("tone.minimizing", 0, "The team on the night shift was small.");
}

/* Session 14, dev sets: a month with no day is the fix's time when a
 * preposition of time or early/mid/late comes before it in a clause that
 * looks ahead. */
static void test_timeline_month_only(void **state)
{
	(void)state;
	HAS("delay", "timeline", "Sorry. The rest could be done by early December.");
	HAS("delay", "timeline", "Sorry. We have had to move the launch, which will now be mid-December.");
	HAS("delay", "timeline", "Sorry. The connection will now take place in January.");
	HAS_NOT("delay", "timeline", "Sorry. The outage in November was our fault.");
	HAS_NOT("delay", "timeline", "Sorry. We moved the launch in January.");
}

/* Session 14, dev sets: words of hedging that do not hedge — an inverted
 * condition within a sentence, money's usual time to arrive once paid, a
 * prohibition, a time clause, where a thing shows, "as soon as we possibly
 * can", a greeting. Their forecasts still hedge. */
static void test_hedging_not_forecasts_h14(void **state)
{
	(void)state;
	EXPECT("tone.hedging", 0, "Please do not hesitate to contact us should you have any questions.");
	EXPECT("tone.hedging", 1, "Please contact us; the fix should be live by Friday.");
	EXPECT("tone.hedging", 0, "Your refund has now been processed and should show in your account within three days.");
	EXPECT("tone.hedging", 1, "Your refund should show in your account within three days.");
	EXPECT("tone.hedging", 1, "Your refund has a reference and should reach your account by Friday.");
	EXPECT("tone.hedging", 0, "From 1 December no batch may be resubmitted until a second person has checked it.");
	EXPECT("tone.hedging", 1, "The last batch may be resubmitted on Tuesday.");
	EXPECT("tone.hedging", 0, "The alarm warns our staff long before it could fill again.");
	EXPECT("tone.hedging", 0, "Our manager makes a test booking and confirms it appears in the diary.");
	EXPECT("tone.hedging", 1, "It appears the booking was lost.");
	EXPECT("tone.hedging", 0, "We will get it to you as soon as we possibly can.");
	EXPECT("tone.hedging", 1, "We could possibly have it to you by Monday.");
	EXPECT("tone.hedging", 0, "We hope this message finds you well.");
	EXPECT("tone.hedging", 1, "We hope the new parts arrive on Monday.");
}

/* Two listed terms side by side are one jargon term, one finding; a
 * network's uplink, machines that scale themselves, a line set up again,
 * the plural of a listed term are jargon; EV, as clients say it, is not. */
static void test_jargon_adjacent_terms_and_members(void **state)
{
	(void)state;
	EXPECT("tone.jargon", 1, "The Kafka cluster stopped taking writes at 09:10.");
	EXPECT("tone.jargon", 1, "The fibre uplink to your office failed at noon.");
	EXPECT("tone.jargon", 1, "The web tier's auto-scaling did not add servers in time.");
	EXPECT("tone.jargon", 1, "Our team re-provisioned the circuit on Monday.");
	EXPECT("tone.jargon", 1, "We have rewritten both runbooks for the night shift.");
	EXPECT("tone.jargon", 0, "The car park's EV chargers are back in service.");
	EXPECT("tone.jargon", 0, "The shipment is held at the port of Rotterdam.");
}

/* Capitals before a number of five digits or more are an identifier's
 * prefix, no acronym; before a year, or alone, they still are one. */
static void test_jargon_identifier_prefix(void **state)
{
	(void)state;
	EXPECT("tone.jargon", 0, "Your crate TGHU 5512093 reached the depot this morning.");
	EXPECT("tone.jargon", 1, "The QMS was replaced in 2023.");
	EXPECT("tone.jargon", 1, "The QMS check found 14 faults.");
}

/* "We take <it> seriously" with a long object between; "take" that is
 * no claim of ours stays plain. */
static void test_corporate_seriously_long_object(void **state)
{
	(void)state;
	EXPECT("tone.corporate", 1, "We take the confidence our members place in the club deeply seriously.");
	EXPECT("tone.corporate", 0, "Please take the flood warning for the lower car park on Friday night seriously.");
}

/* h17-ela: the element round over holdout40 to holdout43 (impact, action,
 * timeline, next-update, contact, delay-reason). */

/* One of ours named by a team or a trade noun, with a regular verb in the
 * simple past, did the work as "we" would: our action. Not a fault we
 * admit, nor a thing of ours as the subject. */
static void test_action_team_simple_past_h17(void **state)
{
	(void)state;
	HAS("resolution", "action", "Our plumber replaced the leaking valve on Monday.");
	HAS("resolution", "action", "Our support team repriced every order on Monday.");
	HAS("resolution", "action", "My electricians rewired the panel in the plant room.");
	HAS("resolution", "action", "Our surveyor has measured every room again.");
	HAS_NOT("resolution", "action", "Our team missed the warning on Monday.");
	HAS_NOT("resolution", "action", "Our invoice crashed the portal on Monday.");
	HAS_NOT("resolution", "action", "The plumber replaced the valve for your neighbour.");
}

/* A verb right after ", and" shares the subject of the clause before it,
 * as a verb that opens its clause does: "we …, and reprocessed …". Not
 * when that subject is another's. */
static void test_action_after_comma_and_h17(void **state)
{
	(void)state;
	HAS("resolution", "action", "We found the cause on Monday, and reprocessed every order.");
	HAS("resolution", "action", "I found the stuck batch at noon, and re-sent all 40 forms.");
	HAS_NOT("resolution", "action", "The courier lost the parcels, and re-sent them later.");
	HAS_NOT("resolution", "action", "Your team found the cause, and reprocessed every order.");
}

/* The next message as "drop you another line" or "write you" (no "to"):
 * its time is the next update's, not the fix's. */
static void test_next_update_another_line_h17(void **state)
{
	(void)state;
	HAS("progress", "next-update", "We are re-checking the rates. I'll drop you another line on Thursday.");
	HAS("progress", "next-update", "We are re-checking the rates. I write you again on Friday with the totals.");
	HAS_NOT("progress", "timeline", "We are re-checking the rates. I'll drop you another line on Thursday.");
	HAS_NOT("progress", "next-update", "We are re-checking the rates. I'll drop you another line soon.");
}

/* A delay's reason as "<subject>'s down to …" (the contracted "is down
 * to"), and as what our team found, told with "they" for the team named
 * earlier in the sentence; what the client's people found is a reason
 * too, since obstacle_told takes any finding; a question is none. */
static void test_delay_reason_contracted_and_they_found_h17(void **state)
{
	(void)state;
	HAS("delay", "delay-reason", "The boiler will not be fitted on Monday. That's down to the frost. The new date is Friday 4 December.");
	HAS("delay", "delay-reason", "The boiler will not be fitted on Monday. Once our fitters lifted the floor, they found asbestos under the tiles. The new date is Friday 4 December.");
	HAS("delay", "delay-reason", "The boiler will not be fitted on Monday. Once your tenants lifted the floor, they found asbestos under the tiles. The new date is Friday 4 December.");
	HAS_NOT("delay", "delay-reason", "The boiler will not be fitted on Monday. Is that down to the frost? The new date is Friday 4 December.");
}

/* A share of the client's people named another way than "of you" ("of
 * them", "people", an audience noun), in a sentence that names the client
 * or an audience, as the subject of what happened to them: the impact.
 * Not what mends, nor in a sentence that names neither. */
static void test_impact_share_of_them_h17(void **state)
{
	(void)state;
	HAS("apology", "impact", "Your depot was shut, and several of them waited outside.");
	HAS("apology", "impact", "Your depot was shut, and several people waited outside.");
	HAS("apology", "impact", "Some households were left without heating overnight.");
	HAS_NOT("apology", "impact", "We rang your tenants and several of them were rebooked.");
	HAS_NOT("apology", "impact", "Several of them waited over an hour.");
	HAS_NOT("apology", "impact", "Some households were refunded on Monday.");
}

/* The people of a venue, an event or a journey (guests, attendees,
 * diners, travellers, commuters, ticket holders) are the audience a
 * message to many names instead of "you". */
static void test_impact_venue_audience_h17(void **state)
{
	(void)state;
	HAS("apology", "impact", "The doors opened forty minutes late, which meant a long queue for many attendees.");
	HAS("apology", "impact", "Diners could not get a table until nine.");
	HAS_NOT("apology", "impact", "The doors opened late for our own staff.");
	HAS_NOT("apology", "impact", "Attendees will find the new doors on the east side.");
}

/* A participle used as an adjective after a determiner ("a treated
 * floor", "the corrected leaflets") is no past verb: the clause does not
 * narrate the past, and its date is the fix's. One that names the harm
 * ("the missed collections of 10-12 November") still tells the past. */
static void test_timeline_adjective_participle_h17(void **state)
{
	(void)state;
	HAS("plan", "timeline", "We are laying a treated floor on Friday 4 December.");
	HAS("plan", "timeline", "Our team is printing the corrected leaflets on Monday 30 November.");
	HAS_NOT("plan", "timeline", "After the missed collections of 10-12 November, here is our plan.");
	HAS_NOT("plan", "timeline", "Our driver skipped the booked slot on 20 November.");
}

/* Times of what went wrong, not of the fix: an hour after "before" in a
 * clause that narrates the past ("shops opening before 8am"), and a bare
 * weekday in a clause opened by "following" ("Following the concert on
 * Friday"). A deadline after "before" with "will", and a weekday in a
 * later clause, stay the fix's. */
static void test_timeline_past_before_and_following_h17(void **state)
{
	(void)state;
	HAS_NOT("plan", "timeline", "The patch we ran shifted the alerts for shops opening before 8am to the wrong day.");
	HAS_NOT("plan", "timeline", "Following the concert on Friday, this is our plan.");
	HAS("plan", "timeline", "We will finish the repair before 5pm.");
	HAS("plan", "timeline", "Following our call, the new boiler goes in on Thursday.");
}

/* The next message's time after what it will confirm, with an adverb
 * before the state ("which rooms are now ready, …, by Friday noon"), and
 * the next message as an e-mail from us with a word before it ("a short
 * e-mail from us"). The fix's own time ("will be fully …") and a past
 * e-mail stay no next update. */
static void test_next_update_state_adverb_and_email_h17(void **state)
{
	(void)state;
	HAS("progress", "next-update", "We'll send you a note of which rooms are now ready, and which are not, by Friday noon.");
	HAS("progress", "next-update", "You will get a short e-mail from us within two days.");
	HAS_NOT("progress", "next-update", "The rooms will be fully repainted by Friday noon.");
	HAS_NOT("progress", "next-update", "You had an e-mail from us on 2 November.");
}

/* Work going on told by its noun ("… is under way"), and work done told
 * in the present perfect passive with ordering or briefing ("has been
 * ordered", "have been briefed"); a phrase denied in its clause ("no
 * work is under way") or a thing the client ordered is none. */
static void test_action_under_way_ordered_briefed_h17(void **state)
{
	(void)state;
	HAS("resolution", "action", "Resurfacing of the car park is under way.");
	HAS("resolution", "action", "A new pump has been ordered from the supplier.");
	HAS("resolution", "action", "The night porters have been briefed.");
	HAS_NOT("resolution", "action", "No work is under way yet.");
	HAS_NOT("resolution", "action", "Nothing is working again yet.");
	HAS_NOT("resolution", "action", "The parts you ordered have arrived.");
}

/* Work going on told in the simple present with a word of now ("we
 * pack … today", "our crew also repaints … this afternoon"), as "we are
 * packing" is. Not an apology or thanks, nor a habit with no word of
 * now. */
static void test_action_simple_present_now_h17(void **state)
{
	(void)state;
	HAS("resolution", "action", "The last 80 boxes we pack by hand today.");
	HAS("resolution", "action", "Our crew also repaints the hall this afternoon.");
	HAS_NOT("resolution", "action", "We apologise to every guest today.");
	HAS_NOT("resolution", "action", "We sort every order by hand.");
	HAS_NOT("resolution", "action", "Our team thanks you today.");
}

/* The problem itself said to be over ("The fault … has now been
 * fixed") is its status, not an action of ours; our act, or a thing of
 * the client's put right, still is one. */
static void test_action_problem_status_h17(void **state)
{
	(void)state;
	HAS_NOT("resolution", "action", "The fault with your meter has now been fixed.");
	HAS_NOT("resolution", "action", "The issue has been resolved.");
	HAS("resolution", "action", "We have fixed the fault with your meter.");
	HAS("resolution", "action", "The readings on your meter have been corrected.");
	HAS("resolution", "action", "The problem has been fixed and we have re-sent every invoice.");
}

/* A note that drops its articles names our team by its work at the
 * start of the sentence ("Night crew replaced the pump"): our action.
 * Not the client's team, nor a vendor's. */
static void test_action_bare_team_note_h17(void **state)
{
	(void)state;
	HAS("resolution", "action", "Night crew replaced the pump.");
	HAS("resolution", "action", "Paving team finished the north path yesterday.");
	HAS_NOT("resolution", "action", "Your team replaced the pump.");
	HAS_NOT("resolution", "action", "Courier team replaced the pump.");
}

/* h17-own: the ownership round over holdout40 to holdout43 (passives and
 * blame); each wording here is other than the sets' */

/* a passive denied in its verb group is an act left undone when its own
 * clause says it was owed: "as promised", a day it was due, "since" in
 * the perfect, a clause of cause, a ", leaving" cost, or a fault that was
 * not caught; a denied harm or a neutral state stays quiet */
static void test_passive_owed_undone(void **state)
{
	(void)state;
	EXPECT("ownership.passive", 1, "The gutters at your depot were not cleared as promised.");
	EXPECT("ownership.passive", 1, "Your suppliers were not settled as they should have been.");
	EXPECT("ownership.passive", 1, "The meter readings were not collected on Tuesday.");
	EXPECT("ownership.passive", 1, "The parking permits have not been renewed since March.");
	EXPECT("ownership.passive", 1, "The cellar flooded after the drains were not inspected.");
	EXPECT("ownership.passive", 1, "Four of the classrooms were not cleaned, leaving pupils at dirty desks.");
	EXPECT("ownership.passive", 1, "The typo was not caught in proofreading.");
	EXPECT("ownership.passive", 0, "Because your card was not affected, you do not need to do anything.");
	EXPECT("ownership.passive", 0, "Your photos were not deleted on Monday.");
	EXPECT("ownership.passive", 0, "Your card was not charged on Monday.");
	EXPECT("ownership.passive", 0, "None of the parcels were collected on Tuesday.");
	EXPECT("ownership.passive", 0, "The typo was not found in your copy.");
	EXPECT("ownership.passive", 0, "The meter readings were not collected by us on Tuesday.");
	EXPECT("ownership.passive", 0, "The gutters were cleared as promised.");
	/* the act not done as why the reader was spared, or money not taken */
	EXPECT("ownership.passive", 0, "Because your account was not migrated, it was not affected.");
	EXPECT("ownership.passive", 0, "Since your site was not moved, nothing changed for you.");
	EXPECT("ownership.passive", 0, "Your card has not been charged since you cancelled.");
}

/* a third party blamed through missing members of the lists: "the result
 * of" and a breach as cause words, landlords and shipping lines as
 * parties; a party that "could not" do what it owed, and one told by
 * what it does for us before its verb */
static void test_blame_party_classes(void **state)
{
	(void)state;
	EXPECT("ownership.blame-shift", 1, "The outage was the result of a settings change at our payment processor.");
	EXPECT("ownership.blame-shift", 1, "Your account details were exposed in a breach at our mailing provider.");
	EXPECT("ownership.blame-shift", 1, "The water leak came from the landlord's boiler.");
	EXPECT("ownership.blame-shift", 1, "The late arrival is down to the shipping line.");
	EXPECT("ownership.blame-shift", 1, "The clinic was cancelled because our supplier could not send a nurse.");
	EXPECT("ownership.blame-shift", 1,
	       "The order was late because the firm that packs our boxes did not open on Monday.");
	EXPECT("ownership.blame-shift", 0, "As a result of the outage, we called every customer.");
	EXPECT("ownership.blame-shift", 0, "The courier could not be reached on Monday, so we drove the parcels ourselves.");
	EXPECT("ownership.blame-shift", 0, "Your landlord asked us to move the meter.");
	EXPECT("ownership.blame-shift", 0, "The breach of the deadline was our doing.");
	EXPECT("ownership.blame-shift", 0,
	       "The water leak came from the landlord's boiler, and choosing that site was our responsibility.");
	/* "the result of" as a cause only after a form of "be": a good
	 * result is no blame */
	EXPECT("ownership.blame-shift", 0, "As a result of the supplier's quick fix, your service is back.");
	/* "was unable to" as "could not" */
	EXPECT("ownership.blame-shift", 1, "The report is late because our supplier was unable to send the data.");
	EXPECT("ownership.blame-shift", 0, "We were unable to reach the supplier.");
	/* the finding runs to the verb the party left undone */
	const char *t = "The clinic was cancelled because our supplier could not send a nurse.";
	expect_span("ownership.blame-shift", t, "our supplier could not send");
}

/* passives told as a mistake by missing members of listed classes — an
 * "under-" prefix, "incompatible" as a fault marker, "omitted" as a
 * fault participle, faults "experienced" or "encountered" as idioms —
 * and an ordinary act in a time clause after a passive mistake already
 * reported, which tells only when it happened */
static void test_passive_classes_and_time_clause(void **state)
{
	(void)state;
	EXPECT("ownership.passive", 1, "Two hundred of your members were underpaid by about ten pounds.");
	EXPECT("ownership.passive", 0, "The risk was underlined in our report.");
	EXPECT("ownership.passive", 1, "An incompatible driver was installed on Monday.");
	EXPECT("ownership.passive", 0, "A compatible driver was installed on Monday.");
	EXPECT("ownership.passive", 1, "The test step was omitted from the list.");
	EXPECT("ownership.passive", 0, "The test step was not omitted.");
	EXPECT("ownership.passive", 1, "Delays were experienced at every branch.");
	EXPECT("ownership.passive", 0, "No delays were experienced at any branch.");
	/* an omission told as "went unnoticed/undetected": the idiom of an
	 * act nobody did; with an agent, or harm to the client's own
	 * things ("went unanswered"), it is not */
	EXPECT("ownership.passive", 1, "The crack went undetected for a month.");
	EXPECT("ownership.passive", 0, "The crack went unnoticed by our inspectors.");
	EXPECT("ownership.passive", 0, "Your support line went unanswered for an hour.");
	EXPECT("ownership.passive", 1,
	       "The wrong colour was picked when the paint orders were entered into our mixing system, because the "
	       "clerk was covering two shops.");
	EXPECT("ownership.passive", 2, "Your records were deleted when the old backups were removed by mistake.");
}

/* blame told as a third party that did harm as the agent of a passive
 * ("was cancelled by our contractor"), and the excuse of circumstances
 * in other words: what "no <one in our place> can/could (have) plan for,
 * foresee, prevent …", reported even beside an admission, as the
 * listed phrases are */
static void test_blame_agent_harm_and_none_could(void **state)
{
	(void)state;
	EXPECT("ownership.blame-shift", 1, "The fitting was cancelled by our contractor.");
	EXPECT("ownership.blame-shift", 0, "The fitting was rescheduled by our contractor at your request.");
	EXPECT("ownership.blame-shift", 0, "The new parts were installed by our contractor.");
	EXPECT("ownership.blame-shift", 1, "The flood was something no builder could have planned for.");
	EXPECT("ownership.blame-shift", 1, "No one could have prevented the storm damage.");
	EXPECT("ownership.blame-shift", 1,
	       "The hail was something no roofer can plan for, but the slow repair was our fault and I am sorry.");
	EXPECT("ownership.blame-shift", 0, "No customer can see another customer's data.");
	EXPECT("ownership.blame-shift", 0, "We made sure no one could predict the draw.");
	EXPECT("ownership.blame-shift", 0, "The new lock means no one can control the gate from outside.");
}

/* a bare "operator" at a machine of ours is our own staff, not a third
 * party; the client's people shown, given or taken something after a
 * passive mistake, in a sentence whose "us" is another's object ("your
 * manager told us"), not ours acting */
static void test_blame_operator_passive_shown(void **state)
{
	(void)state;
	EXPECT("ownership.blame-shift", 0,
	       "Our press was loaded with the wrong plate, and the operator did not check the first sheet.");
	EXPECT("ownership.blame-shift", 1, "The outage was caused by the operator.");
	EXPECT("ownership.blame-shift", 1, "The delay is down to the tram operator.");
	EXPECT("ownership.blame-shift", 1, "Our line went down because the operator cut the fibre by mistake.");
	EXPECT("ownership.passive", 2, "On Monday the wrong fares were published. Passengers were shown prices that did not apply.");
	EXPECT("ownership.passive", 2,
	       "The wrong list was printed on Friday. Some customers were shown other prices, and your manager told us "
	       "at noon.");
	EXPECT("ownership.passive", 1,
	       "The wrong list was printed on Friday. Some customers were shown other prices, and we refunded them.");
	EXPECT("ownership.passive", 0, "Riders were shown the new timetable on Monday.");
	/* what mends, shown or given, is no harm */
	EXPECT("ownership.passive", 1, "The wrong fares were published on Friday. Passengers were shown the right fares by noon.");
	EXPECT("ownership.passive", 1, "The wrong prices were published on Friday. Customers were given a full refund on Monday.");
}

/* the client's side named as where the cause came from: "from your side"
 * further after a cause phrase ("reason is", "caused by") than a party
 * is looked for, and "your side of …" when a problem is what came from
 * it; a place ("your side of the wall") stays quiet */
static void test_blame_side_as_origin(void **state)
{
	(void)state;
	EXPECT("ownership.blame-shift", 1, "The delay was caused by the late sign-off from your side.");
	EXPECT("ownership.blame-shift", 1, "The main reason is the slow approval of the floor plan from your side.");
	EXPECT("ownership.blame-shift", 1, "The mismatch was coming from your side of the stock count.");
	EXPECT("ownership.blame-shift", 0, "The noise comes from your side of the wall.");
	EXPECT("ownership.blame-shift", 0, "The reason is simple: we missed it.");
	EXPECT("ownership.blame-shift", 0, "We collected the forms from your side of the office because the reason was unclear.");
}

/* a passive infinitive that a cause brought about, told as a mistake by
 * "twice" or a fault marker: "caused … to be sent twice"; not with our
 * causer named, a denying subject, or "twice as" */
static void test_passive_caused_to_be(void **state)
{
	(void)state;
	EXPECT("ownership.passive", 1, "A glitch caused the letters to be sent twice.");
	EXPECT("ownership.passive", 1,
	       "The fault, which caused some standing orders to be taken twice on Monday, has been fixed.");
	EXPECT("ownership.passive", 0, "Our batch job caused the letters to be sent twice.");
	EXPECT("ownership.passive", 0, "A fault caused no letters to be sent twice.");
	EXPECT("ownership.passive", 0, "The new rule led the parcels to be sent twice as fast.");
	EXPECT("ownership.passive", 0, "The storm caused the match to be played on Sunday.");
}

/* h17-elb: the elements cause, prevention and ownership over holdout40 to
 * holdout43 */

/* A check that stands from here on, told in the present: before each case
 * goes on, or on a round that recurs since the fault. One check before one
 * time, a round with no word of change, a check told in the past and the
 * client's own check are not. */
static void test_prevention_standing_check_h17(void **state)
{
	(void)state;
	HAS("plan", "prevention", "A second clerk verifies every invoice against the order before payment runs.");
	HAS("plan", "prevention", "Each new price list goes through a review by the buyer before it is published.");
	HAS("review", "prevention", "Since the fault, the cold room log is checked by the shift lead every morning.");
	HAS_NOT("review", "prevention", "The cold room log is checked by the shift lead every morning.");
	HAS_NOT("plan", "prevention", "We will check the repair before the weekend starts.");
	HAS_NOT("review", "prevention", "We checked every invoice before the payment run went out.");
	HAS_NOT("plan", "prevention", "Your manager approves every invoice before payment runs.");
}

/* A check brought in by introduce or implement, a sensor or detector, and
 * the work of a check (testing, monitoring) are safeguards added, as "added
 * a check" is; a fix implemented, or a fault introduced, is not. A change
 * to come told in the passive rules out a repeat as "we will change" does;
 * not a promise to the client. */
static void test_prevention_safeguard_brought_in_h17(void **state)
{
	(void)state;
	HAS("review", "prevention", "Our network team has since implemented nightly restore testing.");
	HAS("review", "prevention", "We are introducing a second check on every manual refund.");
	HAS("plan", "prevention", "We are fitting leak detectors under each of the boilers, and adding smoke sensors to the loft.");
	HAS("plan", "prevention", "The booking rule will be changed so that a room is never let twice.");
	HAS_NOT("review", "prevention", "We implemented the fix on Monday evening.");
	HAS_NOT("review", "prevention", "Our release introduced a fault in the invoice totals.");
	HAS_NOT("plan", "prevention", "Your parcel will be redirected so that you never have to collect it.");
}

/* A check or step of ours left undone, told in the past, says what went
 * wrong; so does an act of ours done without its check named as a noun.
 * Not harm denied, a late word owned, a condition, or an omission whose
 * reason is still sought. */
static void test_cause_care_omitted_h17(void **state)
{
	(void)state;
	HAS("rca_update", "cause", "Our night porter did not act on the boiler alarm.");
	HAS("rca_update", "cause", "Our stock team had not renewed the supplier's price file.");
	HAS("rca_update", "cause", "Nobody compared the two invoices before they went out.");
	HAS("review", "cause", "No one at our depot was checking the returned parcels.");
	HAS("review", "cause", "We switched the new gateway on without a test payment.");
	HAS_NOT("rca_update", "cause", "Nobody was hurt and no one lost money.");
	HAS_NOT("rca_update", "cause", "We did not tell you sooner, and I am sorry.");
	HAS_NOT("rca_update", "cause", "If we did not check the file, we will tell you.");
	HAS_NOT("rca_update", "cause", "We are still looking into why our alarm did not notice it.");
	HAS_NOT("rca_update", "cause", "We refunded every order without waiting for a claim.");
}

/* A "Cause" label set off by a dash at the start of its line, as short
 * notes write their fields, labels the cause as "Cause:" does; a dash
 * inside a sentence labels nothing. */
static void test_cause_dash_field_h17(void **state)
{
	(void)state;
	HAS("plan", "cause", "Cause - the nightly import stalls on files over 2 GB.\nNext - I will write on Friday.");
	HAS("plan", "cause", "Cause – our rota left the Saturday desk empty.");
	HAS_NOT("plan", "cause", "Update - the van left the depot at nine.");
	HAS_NOT("plan", "cause", "Our best guess at a cause - none yet.");
	HAS_NOT("plan", "cause", "Cause -");
}

/* Owning it with more people between "let" and "down", with a plural or
 * "my" form of the listed nouns, as "my call", or as an act of ours done
 * without telling or checking; not a promise, a condition, or an act of
 * another's or of our system's. */
static void test_ownership_more_forms_h17(void **state)
{
	(void)state;
	HAS("apology", "ownership", "We let you and your guests down on Saturday.");
	HAS("apology", "ownership", "All three delays were our failures.");
	HAS("apology", "ownership", "Sending the crews home early was my call.");
	HAS("apology", "ownership", "We moved your delivery slot without asking the store first.");
	HAS_NOT("apology", "ownership", "We will not let you or your guests down again.");
	HAS_NOT("apology", "ownership", "Sorry if we let you and the team down.");
	HAS_NOT("apology", "ownership", "The courier we use moved your slot without telling us.");
	HAS_NOT("apology", "ownership", "Our booking system moved your slot without asking the store.");
}

/* A change whose purpose is a case of the fault refused or rejected, told
 * in the present, also further on in its clause; a safeguard set down as
 * a step to take ("add …" opening its clause); a check in progress before
 * each case; a refusal until the client has signed. Not a fault told with
 * ", so", nor a step of the client's. */
static void test_prevention_purpose_and_steps_h17(void **state)
{
	(void)state;
	HAS("plan", "prevention", "We have turned on a duplicate filter at our end so that a second order for the same table is rejected.");
	HAS("plan", "prevention", "We will change the upload page so that a file in the old layout is never accepted.");
	HAS("review", "prevention", "Actions: add nightly monitoring of the export; move the job to a second server.");
	HAS("plan", "prevention", "From Monday our packing team is re-checking every crate that fails the weight check before it leaves the yard.");
	HAS("plan", "prevention", "The bakery will not start an order until you have approved the printed proof.");
	HAS_NOT("plan", "prevention", "We dropped the lid when we refitted it, so the hinge catches on every turn.");
	HAS_NOT("plan", "prevention", "We bent the arm when we moved it, so the gate blocks half the lane.");
	HAS_NOT("plan", "prevention", "Actions: collect the parcel from the depot on Friday.");
}

/* What went wrong told as a thing that held a fault, as our act named a
 * mistake by its gerund, or as a harm in the passive after an event; not a
 * fault denied, a sentence that opens otherwise, or the client's own act
 * after the harm. */
static void test_cause_held_fault_gerund_after_h17(void **state)
{
	(void)state;
	HAS("rca_update", "cause", "The price file carried an outdated discount code.");
	HAS("rca_update", "cause", "Booking both vans for one morning was our error.");
	HAS("rca_update", "cause", "Deliveries to the depot were postponed after a lorry overturned on the ring road.");
	HAS_NOT("rca_update", "cause", "None of the price files had the wrong discount code.");
	HAS_NOT("rca_update", "cause", "The delay in booking both vans is regrettable.");
	HAS_NOT("rca_update", "cause", "Your visit was cancelled after you called the office.");
}

/* A "Lessons learned" label over a lesson that names no measure gives no
 * prevention; a lesson with a step of ours, "now" or "every" does. */
static void test_prevention_empty_lesson_h17(void **state)
{
	(void)state;
	HAS_NOT("review", "prevention", "We restored the feed at noon.\nLessons learned: handovers matter.");
	HAS_NOT("review", "prevention", "We restored the feed at noon.\n\nLessons learned\nPlanning could be better.");
	HAS("review", "prevention", "We restored the feed at noon.\nLessons learned: we now hand over in writing.");
	HAS("review", "prevention", "We restored the feed at noon.\n\nLessons learned\nEvery handover is written down.");
}

/* A check after each case of a kind stands as one before it does; a
 * device added with a guard of its own is a safeguard added. Not a check
 * told in the past, nor a device with no guard. */
static void test_prevention_after_each_and_own_guard_h17(void **state)
{
	(void)state;
	HAS("review", "prevention", "Put the spare pump on the list of items we test after each site visit.");
	HAS("review", "prevention", "We are adding a backup freezer with its own alarm in each kitchen.");
	HAS_NOT("review", "prevention", "We checked the spare pump after each site visit in October.");
	HAS_NOT("review", "prevention", "We are adding a backup freezer with a glass door in each kitchen.");
}

/* The listed "we have changed" with an adverb between counts as the
 * phrase does; not a question, nor advice to the client. */
static void test_prevention_have_adverb_changed_h17(void **state)
{
	(void)state;
	HAS("review", "prevention", "We have since changed the rota so two people cover each late shift.");
	HAS("review", "prevention", "I have now changed the ordering screen for your branch.");
	HAS_NOT("review", "prevention", "Have we now changed the ordering screen for your branch?");
	HAS_NOT("review", "prevention", "We recommend you check whether your team has now changed the password.");
}

/* The cause as the subject of its own search ("the cause is still being
 * looked at") is no cause; a cause told, or a denied one with the real
 * one after it, still is. */
static void test_cause_subject_still_sought_h17(void **state)
{
	(void)state;
	HAS_NOT("rca_update", "cause", "The cause of the outage is still being looked into.");
	HAS_NOT("rca_update", "cause", "The root cause remains unclear to us.");
	HAS_NOT("rca_update", "cause", "The cause has not been identified.");
	HAS("rca_update", "cause", "The cause is a worn seal in the main valve.");
	HAS("rca_update", "cause", "The cause is not the router but a full disk.");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_conditional),
		cmocka_unit_test(test_conditional_fronted),
		cmocka_unit_test(test_non_apology),
		cmocka_unit_test(test_missing),
		cmocka_unit_test(test_generic),
		cmocka_unit_test(test_passive),
		cmocka_unit_test(test_blame_shift),
		cmocka_unit_test(test_minimizing),
		cmocka_unit_test(test_hedging),
		cmocka_unit_test(test_jargon),
		cmocka_unit_test(test_extra_words),
		cmocka_unit_test(test_extra_words_keep_dates),
		cmocka_unit_test(test_corporate),
		cmocka_unit_test(test_overreach),
		cmocka_unit_test(test_overreach_negated),
		cmocka_unit_test(test_unfilled),
		cmocka_unit_test(test_unfilled_windows),
		cmocka_unit_test(test_settled_findings),
		cmocka_unit_test(test_prevention_by_window),
		cmocka_unit_test(test_ownership_by_window),
		cmocka_unit_test(test_action_labels_and_our_nouns),
		cmocka_unit_test(test_prevention_routine_and_has_to),
		cmocka_unit_test(test_impact_clients_thing_and_fault),
		cmocka_unit_test(test_hedging_not_forecasts_h14),
		cmocka_unit_test(test_next_update_come_back_report),
		cmocka_unit_test(test_minimizing_harm_heads_subject),
		cmocka_unit_test(test_timeline_month_only),
		cmocka_unit_test(test_passive_with_fault_h15),
		cmocka_unit_test(test_jargon_caps_before_name_h15),
		cmocka_unit_test(test_blame_unprecedented_and_a_minor_h15),
		cmocka_unit_test(test_prevention_guards_h15),
		cmocka_unit_test(test_action_future_passive_h15),
		cmocka_unit_test(test_impact_client_went_through_h15),
		cmocka_unit_test(test_cause_result_of_h15),
		cmocka_unit_test(test_jargon_protocol_acronyms_h15),
		cmocka_unit_test(test_passive_switched_off_h15),
		cmocka_unit_test(test_next_update_check_with_you_h15),
		cmocka_unit_test(test_blame_placed_and_fatalism_h16),
		cmocka_unit_test(test_blame_client_failed_h16),
		cmocka_unit_test(test_hedging_may_not_have_h16),
		cmocka_unit_test(test_minimizing_inside_blame_h16),
		cmocka_unit_test(test_action_fix_shipped_h16),
		cmocka_unit_test(test_prevention_from_today_h16),
		cmocka_unit_test(test_minimizing_small_number_handful_h16),
		cmocka_unit_test(test_timeline_time_replaced_h16),
		cmocka_unit_test(test_passive_not_informed_h16),
		cmocka_unit_test(test_blame_fault_at_party_h16),
		cmocka_unit_test(test_overreach_no_further_h16),
		cmocka_unit_test(test_cause_passive_marker_further_h16),
		cmocka_unit_test(test_passive_left_somewhere_s17),
		cmocka_unit_test(test_action_appointed_suspended_s17),
		cmocka_unit_test(test_corporate_everything_we_can_s17),
		cmocka_unit_test(test_delay_reason_event_told_s17),
		cmocka_unit_test(test_blame_client_in_cause_s17),
		cmocka_unit_test(test_timeline_routine_and_measure_s17),
		cmocka_unit_test(test_ownership_we_had_not_s17),
		cmocka_unit_test(test_jargon_cluster_qc_s18),
		cmocka_unit_test(test_jargon_trade_initials_s25),
		cmocka_unit_test(test_jargon_engineering_words_s25),
		cmocka_unit_test(test_minimizing_softened_degree_s25),
		cmocka_unit_test(test_stock_phrases_and_hedges_s25),
		cmocka_unit_test(test_passive_turned_away_routed_s26),
		cmocka_unit_test(test_words_writers_mark_s26),
		cmocka_unit_test(test_minimizing_minimal_briefly_s26),
		cmocka_unit_test(test_action_had_it_done_s26),
		cmocka_unit_test(test_fifth_round_words_s26),
		cmocka_unit_test(test_timeline_progressive_before_update_s26),
		cmocka_unit_test(test_passive_omission_cost_s29),
		cmocka_unit_test(test_passive_damaged_s29),
		cmocka_unit_test(test_passive_swapped_s29),
		cmocka_unit_test(test_passive_to_another_s29),
		cmocka_unit_test(test_passive_left_state_s29),
		cmocka_unit_test(test_blame_down_to_party_s29),
		cmocka_unit_test(test_jargon_trade_words_s29),
		cmocka_unit_test(test_minimizing_cosmetic_s29),
		cmocka_unit_test(test_jargon_plain_words_s30),
		cmocka_unit_test(test_jargon_quality_records_s30),
		cmocka_unit_test(test_minimizing_only_a_handful_s30),
		cmocka_unit_test(test_blame_laid_on_other_s30),
		cmocka_unit_test(test_cause_believe_told_s30),
		cmocka_unit_test(test_action_irregular_work_s30),
		cmocka_unit_test(test_delay_reason_blamed_s30),
		cmocka_unit_test(test_impact_know_told_s30),
		cmocka_unit_test(test_action_named_role_s31),
		cmocka_unit_test(test_action_named_did_s31),
		cmocka_unit_test(test_jargon_codes_couriers_s31),
		cmocka_unit_test(test_passive_done_wrong_way_s31),
		cmocka_unit_test(test_blame_disowned_s31),
		cmocka_unit_test(test_impact_consequence_s31),
		cmocka_unit_test(test_timeline_work_now_s31),
		cmocka_unit_test(test_minimizing_minor_slight_s31),
		cmocka_unit_test(test_minimizing_phrase_span_s31),
		cmocka_unit_test(test_prevention_moved_to_new_s31),
		cmocka_unit_test(test_blame_disowned_merged_s32),
		cmocka_unit_test(test_minimizing_adjective_stops_at_phrase_s32),
		cmocka_unit_test(test_minimizing_hitch_s32),
		cmocka_unit_test(test_client_quote_not_flagged_s32),
		cmocka_unit_test(test_jargon_registration_code_s32),
		cmocka_unit_test(test_blame_my_hands_little_s32),
		cmocka_unit_test(test_action_named_will_s32),
		cmocka_unit_test(test_action_booked_working_through_s32),
		cmocka_unit_test(test_cause_likely_told_s32),
		cmocka_unit_test(test_passive_still_state_s32),
		cmocka_unit_test(test_jargon_clock_zone_purge_s32),
		cmocka_unit_test(test_corporate_hedging_lists_s32),
		cmocka_unit_test(test_overreach_impossible_past_s32),
		cmocka_unit_test(test_passive_had_to_be_s32),
		cmocka_unit_test(test_timeline_placeholder_call_s33),
		cmocka_unit_test(test_jargon_names_s33),
		cmocka_unit_test(test_contact_phone_s33),
		cmocka_unit_test(test_action_redone_s33),
		cmocka_unit_test(test_minimizing_only_it_was_s33),
		cmocka_unit_test(test_passive_subject_line_s33),
		cmocka_unit_test(test_prevention_every_routine_s33),
		cmocka_unit_test(test_blame_placed_with_s34),
		cmocka_unit_test(test_jargon_quoted_tracking_s34),
		cmocka_unit_test(test_next_update_attributive_cue_s34),
		cmocka_unit_test(test_blame_coming_from_s34),
		cmocka_unit_test(test_overreach_inspection_ups_s34),
		cmocka_unit_test(test_ownership_so_on_me_s34),
		cmocka_unit_test(test_delay_reason_burnt_s34),
		cmocka_unit_test(test_action_mended_faulty_s34),
		cmocka_unit_test(test_contact_bracketed_area_s34),
		cmocka_unit_test(test_passive_misread_reset_s34),
		cmocka_unit_test(test_blame_named_party_s35),
		cmocka_unit_test(test_passive_number_abbrev_s35),
		cmocka_unit_test(test_action_done_state_s35),
		cmocka_unit_test(test_minimizing_few_days_s35),
		cmocka_unit_test(test_jargon_procedure_code_s35),
		cmocka_unit_test(test_delay_reason_too_late_s35),
		cmocka_unit_test(test_impact_ended_up_s35),
		cmocka_unit_test(test_action_delivered_s36),
		cmocka_unit_test(test_jargon_our_code_s36),
		cmocka_unit_test(test_blame_real_culprit_s36),
		cmocka_unit_test(test_passive_our_place_s36),
		cmocka_unit_test(test_passive_irregular_s36),
		cmocka_unit_test(test_passive_redone_s36),
		cmocka_unit_test(test_ownership_my_job_s36),
		cmocka_unit_test(test_impact_leaves_you_s36),
		cmocka_unit_test(test_delay_reason_forecast_s36),
		cmocka_unit_test(test_cause_found_s36),
		cmocka_unit_test(test_hedging_should_norm_s36),
		cmocka_unit_test(test_hedging_we_hope_wish_s36),
		cmocka_unit_test(test_hedging_could_have_hindsight_s36),
		cmocka_unit_test(test_blame_denied_ours_s37),
		cmocka_unit_test(test_late_ack_owed_s37),
		cmocka_unit_test(test_overreach_share_told_s37),
		cmocka_unit_test(test_jargon_state_code_s37),
		cmocka_unit_test(test_next_update_again_s37),
		cmocka_unit_test(test_blame_to_blame_s37),
		cmocka_unit_test(test_action_terse_did_s37),
		cmocka_unit_test(test_impact_leaves_your_s37),
		cmocka_unit_test(test_ownership_harm_caused_s37),
		cmocka_unit_test(test_corporate_brought_attention_s37),
		cmocka_unit_test(test_jargon_opens_name_s37),
		cmocka_unit_test(test_passive_exactly_replacement_s37),
		cmocka_unit_test(test_action_named_doer_s28),
		cmocka_unit_test(test_passive_reduced_rushed_s28),
		cmocka_unit_test(test_jargon_in_company_name_s28),
		cmocka_unit_test(test_delay_reason_still_not_done_s28),
		cmocka_unit_test(test_passive_past_omission_s28),
		cmocka_unit_test(test_cause_from_blame_s28),
		cmocka_unit_test(test_retrained_jargon_s28),
		cmocka_unit_test(test_action_work_status_s28),
		cmocka_unit_test(test_action_and_have_done_s27),
		cmocka_unit_test(test_passive_put_back_date_s27),
		cmocka_unit_test(test_slightly_delay_dj_s27),
		cmocka_unit_test(test_passive_pushed_shortened_shown_s27),
		cmocka_unit_test(test_reason_cause_cues_s27),
		cmocka_unit_test(test_prevention_none_unless_s27),
		cmocka_unit_test(test_impact_went_without_s27),
		cmocka_unit_test(test_prevention_standing_practice_s18),
		cmocka_unit_test(test_corporate_firm_takes_seriously_s18),
		cmocka_unit_test(test_cause_why_field_six_words_s18),
		cmocka_unit_test(test_blame_party_thing_act_s18),
		cmocka_unit_test(test_passive_remedy_done_now_s18),
		cmocka_unit_test(test_blame_party_undone_owed_s19),
		cmocka_unit_test(test_blame_client_input_faulty_s19),
		cmocka_unit_test(test_cause_mechanism_told_s19),
		cmocka_unit_test(test_ownership_placed_s19),
		cmocka_unit_test(test_cause_held_fault_noun_s20),
		cmocka_unit_test(test_cause_inquiry_found_one_of_s20),
		cmocka_unit_test(test_action_remediation_heading_issued_s20),
		cmocka_unit_test(test_prevention_from_this_week_s20),
		cmocka_unit_test(test_tone_stock_phrases_s20),
		cmocka_unit_test(test_hedging_should_be_bare_s20),
		cmocka_unit_test(test_jargon_known_acronyms_s20),
		cmocka_unit_test(test_contact_role_unnamed_s20),
		cmocka_unit_test(test_blame_party_ought_undone_s20),
		cmocka_unit_test(test_non_apology_you_and_team_s21),
		cmocka_unit_test(test_tone_stock_phrases_s21),
		cmocka_unit_test(test_prevention_from_next_week_s21),
		cmocka_unit_test(test_tone_stock_phrases_s21b),
		cmocka_unit_test(test_generic_upset_and_not_passed_s21),
		cmocka_unit_test(test_contact_blame_thanks_s21c),
		cmocka_unit_test(test_jargon_once_action_ours_s22),
		cmocka_unit_test(test_delayed_passive_hold_up_s22),
		cmocka_unit_test(test_routine_time_every_case_s22),
		cmocka_unit_test(test_trouble_named_kind_s22),
		cmocka_unit_test(test_revert_anticipate_s22),
		cmocka_unit_test(test_few_of_you_s22),
		cmocka_unit_test(test_caps_heading_not_acronym_s23),
		cmocka_unit_test(test_blame_party_acts_s23),
		cmocka_unit_test(test_cause_inquiry_shows_rather_than_s23),
		cmocka_unit_test(test_prevention_hyphened_and_routine_step_s23),
		cmocka_unit_test(test_blame_sourced_place_condition_s23),
		cmocka_unit_test(test_passive_affected_is_impact_s23),
		cmocka_unit_test(test_corporate_liability_s23),
		cmocka_unit_test(test_passive_fault_adverb_s24),
		cmocka_unit_test(test_action_our_any_noun_s24),
		cmocka_unit_test(test_blame_crowd_circumstance_s24),
		cmocka_unit_test(test_blame_trade_company_s24),
		cmocka_unit_test(test_delay_reason_vendor_acted_s24),
		cmocka_unit_test(test_prevention_for_future_s24),
		cmocka_unit_test(test_cause_likely_s24),
		cmocka_unit_test(test_delay_reason_so_will_not_s23),
		cmocka_unit_test(test_timeline_further_to_call_s23),
		cmocka_unit_test(test_hedging_should_be_directed_s23),
		cmocka_unit_test(test_passive_taken_s20),
		cmocka_unit_test(test_passive_sent_unwatched_s20),
		cmocka_unit_test(test_passive_given_to_many_s20),
		cmocka_unit_test(test_elements_apology),
		cmocka_unit_test(test_elements_generic_impact),
		cmocka_unit_test(test_elements_plan),
		cmocka_unit_test(test_elements_delay),
		cmocka_unit_test(test_late_ack),
		cmocka_unit_test(test_contradiction_eta),
		cmocka_unit_test(test_contradiction_eta_context),
		cmocka_unit_test(test_contradiction_cause_amount),
		cmocka_unit_test(test_invalid_input),
		cmocka_unit_test(test_blank_message),
		cmocka_unit_test(test_columns_are_code_points),
		cmocka_unit_test(test_print),
		cmocka_unit_test(test_print_long_line),
		cmocka_unit_test(test_print_line_edge),
		cmocka_unit_test(test_print_ascii_window),
		cmocka_unit_test(test_print_buffered),
		cmocka_unit_test(test_long_line_findings),
		cmocka_unit_test(test_findings_order),
		cmocka_unit_test(test_long_line_is_linear),
		cmocka_unit_test(test_so_chain_is_linear),
		cmocka_unit_test(test_passives_before_long_sentence_is_linear),
		cmocka_unit_test(test_long_clauses_are_linear),
		cmocka_unit_test(test_undone_checks_are_linear),
		cmocka_unit_test(test_minimisers_are_linear),
		cmocka_unit_test(test_one_long_sentence_is_linear),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_rule_table),
		cmocka_unit_test(test_stream),
		cmocka_unit_test(test_stream_threads),
		cmocka_unit_test(test_passive_real_verbs),
		cmocka_unit_test(test_generic_crowd),
		cmocka_unit_test(test_minimizing_real),
		cmocka_unit_test(test_overreach_real),
		cmocka_unit_test(test_blame_real),
		cmocka_unit_test(test_status_tags_not_prose),
		cmocka_unit_test(test_corporate_real),
		cmocka_unit_test(test_hedging_real),
		cmocka_unit_test(test_overreach_certainty),
		cmocka_unit_test(test_passive_discarded),
		cmocka_unit_test(test_blame_named_party),
		cmocka_unit_test(test_passive_actor_named_before),
		cmocka_unit_test(test_unfilled_status_tags),
		cmocka_unit_test(test_unfilled_status_tags_many),
		cmocka_unit_test(test_items_windows),
		cmocka_unit_test(test_elements_real),
		cmocka_unit_test(test_next_update_contact_verbs),
		cmocka_unit_test(test_ownership_ours),
		cmocka_unit_test(test_cause_prevention_headings),
		cmocka_unit_test(test_prevention_advice),
		cmocka_unit_test(test_delay_reason_vague),
		cmocka_unit_test(test_action_far_subject),
		cmocka_unit_test(test_timeline_past_weekday),
		cmocka_unit_test(test_ownership_hedged),
		cmocka_unit_test(test_action_on_call),
		cmocka_unit_test(test_contact_reply_to),
		cmocka_unit_test(test_action_perfect_passive),
		cmocka_unit_test(test_elements_far_times),
		cmocka_unit_test(test_late_ack_real),
		cmocka_unit_test(test_action_blind4),
		cmocka_unit_test(test_cause_blind4),
		cmocka_unit_test(test_prevention_blind4),
		cmocka_unit_test(test_delay_reason_blind4),
		cmocka_unit_test(test_late_ack_blind4),
		cmocka_unit_test(test_passive_idiom_denied),
		cmocka_unit_test(test_ownership_blind4),
		cmocka_unit_test(test_non_apology_third_person),
		cmocka_unit_test(test_generic_blind4),
		cmocka_unit_test(test_hedging_corporate_blind4),
		cmocka_unit_test(test_jargon_blind4),
		cmocka_unit_test(test_jargon_blind5),
		cmocka_unit_test(test_phrases_blind5),
		cmocka_unit_test(test_passive_blind5),
		cmocka_unit_test(test_let_lapse_every_case),
		cmocka_unit_test(test_impact_to_many),
		cmocka_unit_test(test_action_our_people),
		cmocka_unit_test(test_cause_down_to),
		cmocka_unit_test(test_elements_blind5),
		cmocka_unit_test(test_contexts_blind5),
		cmocka_unit_test(test_class_list_phrases),
		cmocka_unit_test(test_more_blind5),
		cmocka_unit_test(test_unnoticed_blind5),
		cmocka_unit_test(test_consequence_blind5),
		cmocka_unit_test(test_jargon_blind6),
		cmocka_unit_test(test_own_impact_blind6),
		cmocka_unit_test(test_elements_blind6),
		cmocka_unit_test(test_tone_blind6),
		cmocka_unit_test(test_tone_blind7),
		cmocka_unit_test(test_cause_prevention_blind7),
		cmocka_unit_test(test_times_blind7),
		cmocka_unit_test(test_elements_blind7),
		cmocka_unit_test(test_passive_blind8),
		cmocka_unit_test(test_jargon_blind8),
		cmocka_unit_test(test_late_ack_blind8),
		cmocka_unit_test(test_tone_blind8),
		cmocka_unit_test(test_blame_blind8),
		cmocka_unit_test(test_elements_blind8),
		cmocka_unit_test(test_elements_blind9),
		cmocka_unit_test(test_blame_blind9),
		cmocka_unit_test(test_blame_blind10),
		cmocka_unit_test(test_tone_blind10),
		cmocka_unit_test(test_tone_blind11),
		cmocka_unit_test(test_cause_blind11),
		cmocka_unit_test(test_passive_blind11),
		cmocka_unit_test(test_blame_blind11),
		cmocka_unit_test(test_delay_reason_blind11),
		cmocka_unit_test(test_action_blind11),
		cmocka_unit_test(test_impact_blind12),
		cmocka_unit_test(test_ownership_blind12),
		cmocka_unit_test(test_timeline_blind12),
		cmocka_unit_test(test_corporate_blind12),
		cmocka_unit_test(test_non_apology_blind12),
		cmocka_unit_test(test_overreach_blind12),
		cmocka_unit_test(test_jargon_blind12),
		cmocka_unit_test(test_hedging_blind12),
		cmocka_unit_test(test_minimizing_blind12),
		cmocka_unit_test(test_elements_blind12),
		cmocka_unit_test(test_blame_blind12),
		cmocka_unit_test(test_vendor_blind12),
		cmocka_unit_test(test_passive_blind12),
		cmocka_unit_test(test_passive_blind13),
		cmocka_unit_test(test_passive_without_blind13),
		cmocka_unit_test(test_cause_why_field_blind13),
		cmocka_unit_test(test_corporate_blind13),
		cmocka_unit_test(test_jargon_blind13),
		cmocka_unit_test(test_prevention_blind13),
		cmocka_unit_test(test_prevention_rules_out_blind13),
		cmocka_unit_test(test_blame_blind13),
		cmocka_unit_test(test_blame_nature_blind14),
		cmocka_unit_test(test_blame_as_told_blind14),
		cmocka_unit_test(test_passive_blind15),
		cmocka_unit_test(test_jargon_blind15),
		cmocka_unit_test(test_minimizing_blind15),
		cmocka_unit_test(test_vague_reason_told_blind15),
		cmocka_unit_test(test_delay_spoiled_blind15),
		cmocka_unit_test(test_prevention_blind15),
		cmocka_unit_test(test_next_update_blind15),
		cmocka_unit_test(test_ownership_action_blind15),
		cmocka_unit_test(test_blame_blind15),
		cmocka_unit_test(test_unconditional_thanks_blind15),
		cmocka_unit_test(test_jargon_names_blind15),
		cmocka_unit_test(test_passive_together_blind15),
		cmocka_unit_test(test_jargon_blind14),
		cmocka_unit_test(test_hedging_overreach_blind14),
		cmocka_unit_test(test_prevention_blind14),
		cmocka_unit_test(test_next_update_blind14),
		cmocka_unit_test(test_impact_minimizing_blind14),
		cmocka_unit_test(test_action_blind14),
		cmocka_unit_test(test_cause_blind14),
		cmocka_unit_test(test_delay_reason_blind14),
		cmocka_unit_test(test_passive_blind14),
		cmocka_unit_test(test_blame_parties_blind14),
		cmocka_unit_test(test_impact_blind11),
		cmocka_unit_test(test_ownership_blind11),
		cmocka_unit_test(test_prevention_blind11),
		cmocka_unit_test(test_next_update_blind11),
		cmocka_unit_test(test_contact_blind11),
		cmocka_unit_test(test_timeline_blind11),
		cmocka_unit_test(test_action_blind10),
		cmocka_unit_test(test_passive_blind10),
		cmocka_unit_test(test_late_ack_blind10),
		cmocka_unit_test(test_parties_fields_blind9),
		cmocka_unit_test(test_tone_blind9),
		cmocka_unit_test(test_cause_impact_blind9),
		cmocka_unit_test(test_next_update_blind4),
		cmocka_unit_test(test_minimizing_blind4),
		cmocka_unit_test(test_blame_blind4),
		cmocka_unit_test(test_impact_delay),
		cmocka_unit_test(test_minimizing_unnoticed),
		cmocka_unit_test(test_repair_with_policy_list),
		cmocka_unit_test(test_result_json_text),
		cmocka_unit_test(test_delay_reason_events),
		cmocka_unit_test(test_delay_reason_obstacle_told),
		cmocka_unit_test(test_blame_placed_side_end_control),
		cmocka_unit_test(test_blame_laid_on_them),
		cmocka_unit_test(test_blame_party_met_trouble),
		cmocka_unit_test(test_passive_date_moved),
		cmocka_unit_test(test_overreach_guarantee_folds),
		cmocka_unit_test(test_passive_swapped_mends),
		cmocka_unit_test(test_passive_plain_omission),
		cmocka_unit_test(test_cause_fault_did_harm),
		cmocka_unit_test(test_action_team_and_asked),
		cmocka_unit_test(test_ownership_omission),
		cmocka_unit_test(test_impact_cost_and_lost),
		cmocka_unit_test(test_prevention_standing_rules),
		cmocka_unit_test(test_action_any_verb_we_did),
		cmocka_unit_test(test_action_paid_released),
		cmocka_unit_test(test_ownership_named_fault),
		cmocka_unit_test(test_timeline_opening_hours),
		cmocka_unit_test(test_impact_client_underwent),
		cmocka_unit_test(test_cause_service_failed),
		/* holdout16 */
		cmocka_unit_test(test_impact_blind16),
		cmocka_unit_test(test_timeline_blind16),
		cmocka_unit_test(test_blame_placed_blind16),
		cmocka_unit_test(test_blame_now_from_blind16),
		cmocka_unit_test(test_prevention_blind16),
		cmocka_unit_test(test_minimizing_blind16),
		cmocka_unit_test(test_corporate_blind16),
		cmocka_unit_test(test_passive_blind16),
		cmocka_unit_test(test_passive_never_blind16),
		cmocka_unit_test(test_cause_blind16),
		cmocka_unit_test(test_action_blind16),
		cmocka_unit_test(test_jargon_blind16),
		cmocka_unit_test(test_blame_evidence_blind16),
		cmocka_unit_test(test_blame_supplier_blind16),
		/* holdout18 */
		cmocka_unit_test(test_ownership_blind18),
		cmocka_unit_test(test_minimizing_blind18),
		cmocka_unit_test(test_blame_blind18),
		cmocka_unit_test(test_passive_blind18),
		cmocka_unit_test(test_tone_blind18),
		cmocka_unit_test(test_non_apology_blind18),
		cmocka_unit_test(test_action_blind18),
		cmocka_unit_test(test_late_ack_blind18),
		cmocka_unit_test(test_impact_blind18),
		cmocka_unit_test(test_prevention_blind18),
		cmocka_unit_test(test_timeline_blind18),
		cmocka_unit_test(test_cause_passive_blind18),
		/* holdout21 */
		cmocka_unit_test(test_passive_damage_blind21),
		cmocka_unit_test(test_blame_client_blind21),
		cmocka_unit_test(test_blame_party_blind21),
		cmocka_unit_test(test_passive_same_thing_blind21),
		cmocka_unit_test(test_minimizing_it_was_blind21),
		cmocka_unit_test(test_jargon_blind21),
		cmocka_unit_test(test_corporate_blind21),
		cmocka_unit_test(test_placeholder_mailbox_blind21),
		cmocka_unit_test(test_action_and_verb_blind21),
		cmocka_unit_test(test_prevention_blind21),
		cmocka_unit_test(test_cause_arose_blind21),
		cmocka_unit_test(test_impact_turned_away_blind21),
		cmocka_unit_test(test_next_update_blind21),
		cmocka_unit_test(test_late_ack_blind21),
		cmocka_unit_test(test_cause_party_who_blind21),
		cmocka_unit_test(test_minimizing_left_of_blind21),
		cmocka_unit_test(test_impact_should_have_blind21),
		cmocka_unit_test(test_timeline_message_blind21),
		/* holdout17 */
		cmocka_unit_test(test_non_apology_blind17),
		cmocka_unit_test(test_passive_blind17),
		cmocka_unit_test(test_delay_reason_blind17),
		cmocka_unit_test(test_blame_because_blind17),
		cmocka_unit_test(test_blame_party_act_blind17),
		cmocka_unit_test(test_jargon_blind17),
		cmocka_unit_test(test_cause_party_act_blind17),
		cmocka_unit_test(test_cause_trouble_unnamed_blind17),
		cmocka_unit_test(test_corporate_thanks_blind17),
		cmocka_unit_test(test_overreach_checked_blind17),
		cmocka_unit_test(test_prevention_forecast_blind17),
		cmocka_unit_test(test_prevention_added_to_blind17),
		cmocka_unit_test(test_next_update_of_done_blind17),
		cmocka_unit_test(test_blame_arranged_with_blind17),
		cmocka_unit_test(test_cause_problem_field_blind17),
		cmocka_unit_test(test_delay_reason_had_fault_blind17),
		cmocka_unit_test(test_action_perfect_irregular_blind17),
		cmocka_unit_test(test_timeline_told_irregular_blind17),
		cmocka_unit_test(test_cause_seems_blind17),
		cmocka_unit_test(test_timeline_placeholder),
		/* holdout19 */
		cmocka_unit_test(test_hedging_blind19),
		cmocka_unit_test(test_lists_blind19),
		cmocka_unit_test(test_tone_blind19),
		cmocka_unit_test(test_blame_named_party_blind19),
		cmocka_unit_test(test_prevention_blind19),
		cmocka_unit_test(test_action_team_has_blind19),
		cmocka_unit_test(test_delay_reason_place_blind19),
		cmocka_unit_test(test_blame_no_control_blind19),
		cmocka_unit_test(test_next_update_recurring_check_blind19),
		cmocka_unit_test(test_timeline_narrated_date_blind19),

		/* holdout20 */
		cmocka_unit_test(test_blame_your_then_we_blind20),
		cmocka_unit_test(test_non_apology_counted_felt_blind20),
		cmocka_unit_test(test_impact_share_of_you_blind20),
		cmocka_unit_test(test_overreach_long_denial_blind20),
		cmocka_unit_test(test_minimizing_only_when_blind20),
		cmocka_unit_test(test_late_ack_arrived_blind20),
		cmocka_unit_test(test_delay_reason_owner_thing_blind20),
		cmocka_unit_test(test_corporate_reach_out_pride_blind20),
		cmocka_unit_test(test_action_team_perfect_blind20),
		cmocka_unit_test(test_prevention_raises_alarm_blind20),
		cmocka_unit_test(test_blame_party_had_not_blind20),
		cmocka_unit_test(test_blame_party_thing_blind20),
		cmocka_unit_test(test_next_update_everyone_blind20),

		/* the tone and apology rules across holdout23, 24, 27 and 28 */
		cmocka_unit_test(test_generic_any_object),
		cmocka_unit_test(test_non_apology_people_shapes),
		cmocka_unit_test(test_jargon_known_initials),
		cmocka_unit_test(test_hedging_twice_one_claim),
		cmocka_unit_test(test_overreach_cannot_recur_and_one_promise),
		cmocka_unit_test(test_corporate_value_and_effort),
		cmocka_unit_test(test_hedging_this_could),
		cmocka_unit_test(test_hedging_should_wrapped),
		cmocka_unit_test(test_corporate_form_letter),
		cmocka_unit_test(test_jargon_upstream_party),
		cmocka_unit_test(test_jargon_kind_as_tag),
		cmocka_unit_test(test_minimizing_fault_itself),
		cmocka_unit_test(test_jargon_stack_products),
		cmocka_unit_test(test_overreach_for_good),
		cmocka_unit_test(test_minimizing_difficulties),
		cmocka_unit_test(test_minimizing_missing),
		cmocka_unit_test(test_minimizing_only_affects),
		cmocka_unit_test(test_minimizing_softened),

		/* holdout22 */
		cmocka_unit_test(test_passive_blind22),
		cmocka_unit_test(test_passive_blind32),
		cmocka_unit_test(test_blame_agent_blind32),
		cmocka_unit_test(test_blame_not_party_blind32),
		cmocka_unit_test(test_passive_too_left),
		cmocka_unit_test(test_fault_further_on),
		cmocka_unit_test(test_blame_cause_section),
		cmocka_unit_test(test_blame_made_by_client),
		cmocka_unit_test(test_passive_headline_participle),
		cmocka_unit_test(test_blame_not_party),
		cmocka_unit_test(test_passive_timing_outdated),
		cmocka_unit_test(test_blame_insurer),
		cmocka_unit_test(test_blame_client_not_yet),
		cmocka_unit_test(test_blame_client_acronym),
		cmocka_unit_test(test_blame_blind22),
		cmocka_unit_test(test_overreach_blind22),
		cmocka_unit_test(test_tone_blind22),
		cmocka_unit_test(test_elements_blind22),
		cmocka_unit_test(test_late_ack_blind22),
		cmocka_unit_test(test_damage_we_did_blind22),
		cmocka_unit_test(test_ownership_not_theirs_blind22),
		cmocka_unit_test(test_timeline_past_span_blind22),
		cmocka_unit_test(test_next_update_after_condition_blind22),
		cmocka_unit_test(test_impact_cause_blind22),

		/* the element round over four sets */
		cmocka_unit_test(test_ownership_contracted_on_us),
		cmocka_unit_test(test_why_section),
		cmocka_unit_test(test_timeline_present_passive),
		cmocka_unit_test(test_prevention_standing_subject),
		cmocka_unit_test(test_prevention_rules_out_subject),
		cmocka_unit_test(test_delay_reason_inability),
		cmocka_unit_test(test_delay_reason_thing_cracked),
		cmocka_unit_test(test_delay_reason_the_cause),
		cmocka_unit_test(test_cause_heading_negated_fault),
		cmocka_unit_test(test_cause_why_announced),
		cmocka_unit_test(test_next_update_heading),
		cmocka_unit_test(test_next_update_text_all),
		cmocka_unit_test(test_prevention_check_more_often),
		cmocka_unit_test(test_ownership_we_did_wrong),
		cmocka_unit_test(test_next_update_let_you_know),

		/* element cause, prevention and ownership across holdout32 to 35 */
		cmocka_unit_test(test_prevention_time_on_state),
		cmocka_unit_test(test_prevention_from_date_subject),
		cmocka_unit_test(test_prevention_device_that_acts),
		cmocka_unit_test(test_cause_found_result_comes_from),
		cmocka_unit_test(test_cause_which_caused_as_after_vague),
		cmocka_unit_test(test_prevention_now_done),
		cmocka_unit_test(test_ownership_team_mistake),
		/* the tone round over four sets */
		cmocka_unit_test(test_jargon_inside_other_finding),
		cmocka_unit_test(test_jargon_public_initials),
		cmocka_unit_test(test_corporate_run_of_phrases),
		cmocka_unit_test(test_corporate_form_letter_voice),
		cmocka_unit_test(test_hedging_team_which_have_thing_may),
		cmocka_unit_test(test_minimizing_interrupted_stretch),
		cmocka_unit_test(test_overreach_perfect_by_degree),
		cmocka_unit_test(test_jargon_plumbing_names),
		cmocka_unit_test(test_minimizing_no_big_deal),
		cmocka_unit_test(test_minimizing_small_change_of_plan),
		cmocka_unit_test(test_minimizing_charged_twice),
		cmocka_unit_test(test_impact_audience_blind32),
		cmocka_unit_test(test_next_update_confirmed_blind32),
		cmocka_unit_test(test_delay_reason_came_upon_fault_blind32),
		cmocka_unit_test(test_action_passive_work_blind32),
		cmocka_unit_test(test_timeline_second_person_blind33),
		cmocka_unit_test(test_late_ack_blind34),
		cmocka_unit_test(test_action_continues_blind34),
		cmocka_unit_test(test_contact_questions_to_me_blind34),
		cmocka_unit_test(test_action_remedy_went_out_blind35),
		/* h17-tone: the apology, tone and overreach rules over holdout40 to 43 */
		cmocka_unit_test(test_overreach_wont_again_and_always),
		cmocka_unit_test(test_corporate_assured_valued_developments),
		cmocka_unit_test(test_non_apology_the_people_and_worry),
		cmocka_unit_test(test_minimizing_wait_extra_reach_one_off),
		cmocka_unit_test(test_hedging_believed_all_being_well_norm),
		cmocka_unit_test(test_jargon_adjacent_terms_and_members),
		cmocka_unit_test(test_jargon_identifier_prefix),
		cmocka_unit_test(test_corporate_seriously_long_object),
		/* h17-ela: the element round over holdout40 to holdout43 */
		cmocka_unit_test(test_action_team_simple_past_h17),
		cmocka_unit_test(test_action_after_comma_and_h17),
		cmocka_unit_test(test_next_update_another_line_h17),
		cmocka_unit_test(test_delay_reason_contracted_and_they_found_h17),
		cmocka_unit_test(test_impact_share_of_them_h17),
		cmocka_unit_test(test_impact_venue_audience_h17),
		cmocka_unit_test(test_timeline_adjective_participle_h17),
		cmocka_unit_test(test_timeline_past_before_and_following_h17),
		cmocka_unit_test(test_next_update_state_adverb_and_email_h17),
		cmocka_unit_test(test_action_under_way_ordered_briefed_h17),
		cmocka_unit_test(test_action_simple_present_now_h17),
		cmocka_unit_test(test_action_problem_status_h17),
		cmocka_unit_test(test_action_bare_team_note_h17),
		/* h17-own: the ownership round over holdout40 to holdout43 */
		cmocka_unit_test(test_passive_owed_undone),
		cmocka_unit_test(test_blame_party_classes),
		cmocka_unit_test(test_passive_classes_and_time_clause),
		cmocka_unit_test(test_blame_agent_harm_and_none_could),
		cmocka_unit_test(test_blame_operator_passive_shown),
		cmocka_unit_test(test_blame_side_as_origin),
		cmocka_unit_test(test_passive_caused_to_be),
		/* h17-elb: the elements cause, prevention and ownership, holdout40 to 43 */
		cmocka_unit_test(test_prevention_standing_check_h17),
		cmocka_unit_test(test_prevention_safeguard_brought_in_h17),
		cmocka_unit_test(test_cause_care_omitted_h17),
		cmocka_unit_test(test_cause_dash_field_h17),
		cmocka_unit_test(test_ownership_more_forms_h17),
		cmocka_unit_test(test_prevention_purpose_and_steps_h17),
		cmocka_unit_test(test_cause_held_fault_gerund_after_h17),
		cmocka_unit_test(test_prevention_empty_lesson_h17),
		cmocka_unit_test(test_prevention_after_each_and_own_guard_h17),
		cmocka_unit_test(test_prevention_have_adverb_changed_h17),
		cmocka_unit_test(test_cause_subject_still_sought_h17),
	};
	setenv("REDRESS_DATA_DIR", "", 1);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
