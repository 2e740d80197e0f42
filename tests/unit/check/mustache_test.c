/* mustache_test.c — the template engine (lib/check/mustache.c), in the
 * Mustache spec's categories (interpolation, sections, inverted, comments,
 * partials, delimiters, with their standalone-line rules), the template
 * lookup with tier and client overrides, and the product requirement that
 * every shipped template, filled from complete data, passes the checker
 * for its kind with no findings at all. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "redress/check.h"
#include "redress/mustache.h"
#include "redress/time.h"

/* Partials for the tests: a JSON object name -> template. */
static enum rd_err partials(void *ctx, const char *name, char **out, size_t *len)
{
	json_t *p = json_object_get((json_t *)ctx, name);
	if (!p)
		return RD_ENOTFOUND;
	*out = strdup(json_string_value(p));
	*len = strlen(*out);
	return RD_OK;
}

static void render_is(const char *tmpl, const char *view_json, const char *partials_json,
		      unsigned flags, const char *want)
{
	json_error_t je;
	json_t *view = view_json ? json_loads(view_json, JSON_DECODE_ANY, &je) : NULL;
	if (view_json && !view)
		fail_msg("bad test JSON: %s", je.text);
	json_t *parts = partials_json ? json_loads(partials_json, 0, &je) : json_object();
	char *out = NULL, *err = NULL;
	enum rd_err rc = rd_mustache_render_ex(tmpl, strlen(tmpl), view, partials, parts, flags, &out, &err);
	if (rc != RD_OK)
		fail_msg("render '%s': %s", tmpl, err);
	if (strcmp(out, want) != 0)
		fail_msg("template '%s'\n got: '%s'\nwant: '%s'", tmpl, out, want);
	free(out);
	json_decref(view);
	json_decref(parts);
}

#define R(t, v, w) render_is(t, v, NULL, 0, w)

static void test_interpolation(void **state)
{
	(void)state;
	R("Hello from {Mustache}!\n", "{}", "Hello from {Mustache}!\n");
	R("Hello, {{subject}}!", "{\"subject\":\"world\"}", "Hello, world!");
	R("{{forbidden}}", "{\"forbidden\":\"& \\\" < >\"}", "&amp; &quot; &lt; &gt;");
	R("{{{forbidden}}}", "{\"forbidden\":\"& \\\" < >\"}", "& \" < >");
	R("{{&forbidden}}", "{\"forbidden\":\"& \\\" < >\"}", "& \" < >");
	R("{{n}} {{f}} {{t}} {{z}}", "{\"n\":85,\"f\":1.21,\"t\":true,\"z\":null}", "85 1.21 true ");
	R("[{{missing}}] [{{{missing}}}]", "{}", "[] []");
	R("{{a.b.c}} == {{#a}}{{b.c}}{{/a}}", "{\"a\":{\"b\":{\"c\":\"x\"}}}", "x == x");
	R("[{{a.b.c}}]", "{\"a\":{\"b\":{}},\"c\":\"ERROR\"}", "[]");             /* broken chain */
	R("[{{#a}}{{b.c}}{{/a}}]", "{\"a\":{\"b\":{}},\"b\":{\"c\":\"ERROR\"}}", "[]"); /* precedence */
	R("{{ string }}|{{{ string }}}|{{& string }}", "{\"string\":\"---\"}", "---|---|---");
	R("  {{string}}\n", "{\"string\":\"---\"}", "  ---\n"); /* never standalone */
	R("{{.}}", "\"hello\"", "hello");
	/* plain-text drafting turns escaping off */
	render_is("{{x}}", "{\"x\":\"Smith & Sons <ops>\"}", NULL, RD_MUSTACHE_NO_ESCAPE, "Smith & Sons <ops>");
}

static void test_sections(void **state)
{
	(void)state;
	R("\"{{#boolean}}This should be rendered.{{/boolean}}\"", "{\"boolean\":true}",
	  "\"This should be rendered.\"");
	R("\"{{#boolean}}This should not be rendered.{{/boolean}}\"", "{\"boolean\":false}", "\"\"");
	R("\"{{#context}}Hi {{name}}.{{/context}}\"", "{\"context\":{\"name\":\"Joe\"}}", "\"Hi Joe.\"");
	R("\"{{#list}}{{item}}{{/list}}\"", "{\"list\":[{\"item\":1},{\"item\":2},{\"item\":3}]}", "\"123\"");
	R("\"{{#list}}Yay lists!{{/list}}\"", "{\"list\":[]}", "\"\"");
	R("\"{{#list}}({{.}}){{/list}}\"", "{\"list\":[\"a\",\"b\"]}", "\"(a)(b)\"");
	R("{{#a}}{{one}}{{#b}}{{one}}{{two}}{{/b}}{{/a}}", "{\"a\":{\"one\":1}}", "1");
	/* a section found further down the stack still sees the inner context */
	R("{{#a}}{{one}}{{#b}}{{one}}{{two}}{{/b}}{{/a}}", "{\"a\":{\"one\":1},\"b\":{\"two\":2}}", "112");
	R("{{#a}}{{one}}{{#b}}{{one}}{{two}}{{/b}}{{/a}}", "{\"a\":{\"one\":1,\"b\":{\"two\":2}}}", "112");
	R("{{#s}}[{{.}}]{{/s}}", "{\"s\":\"bar\"}", "[bar]");
	R("{{#s}}never{{/s}}", "{\"s\":\"\"}", ""); /* empty string is false here (documented) */
	R("{{#a.b.c}}Here{{/a.b.c}}", "{\"a\":{\"b\":{\"c\":true}}}", "Here");
	/* standalone lines vanish, with their indentation and newline */
	R("| This Is\n{{#boolean}}\n|\n{{/boolean}}\n| A Line\n", "{\"boolean\":true}",
	  "| This Is\n|\n| A Line\n");
	R("| This Is\n  {{#boolean}}\n|\n  {{/boolean}}\n| A Line\n", "{\"boolean\":true}",
	  "| This Is\n|\n| A Line\n");
	R("|\r\n{{#boolean}}\r\n{{/boolean}}\r\n|", "{\"boolean\":true}", "|\r\n|");
	R("  {{#boolean}}\n#{{/boolean}}\n/", "{\"boolean\":true}", "#\n/");
	R("#{{#boolean}}\n/\n  {{/boolean}}", "{\"boolean\":true}", "#\n/\n");
	/* not standalone: other content on the line */
	R(" | {{#boolean}}\t|\t{{/boolean}} | \n", "{\"boolean\":true}", " | \t|\t | \n");
}

static void test_inverted(void **state)
{
	(void)state;
	R("\"{{^boolean}}This should be rendered.{{/boolean}}\"", "{\"boolean\":false}",
	  "\"This should be rendered.\"");
	R("\"{{^boolean}}no{{/boolean}}\"", "{\"boolean\":true}", "\"\"");
	R("\"{{^list}}Yay lists!{{/list}}\"", "{\"list\":[]}", "\"Yay lists!\"");
	R("\"{{^missing}}Found key 'missing'!{{/missing}}\"", "{}", "\"Found key 'missing'!\"");
	R("| This Is\n{{^boolean}}\n|\n{{/boolean}}\n| A Line\n", "{\"boolean\":false}",
	  "| This Is\n|\n| A Line\n");
}

static void test_comments(void **state)
{
	(void)state;
	R("12345{{! Comment Block! }}67890", "{}", "1234567890");
	R("Begin.\n{{! Comment Block! }}\nEnd.\n", "{}", "Begin.\nEnd.\n");
	R("Begin.\n  {{! Indented Comment Block! }}\nEnd.\n", "{}", "Begin.\nEnd.\n");
	R("Begin.\n{{!\nSomething's going on here\n}}\nEnd.\n", "{}", "Begin.\nEnd.\n");
	R("  12 {{! 34 }}\n", "{}", "  12 \n");
	R("!\n  {{! I'm Still Standalone }}", "{}", "!\n");
}

static void test_partials(void **state)
{
	(void)state;
	render_is("\"{{>text}}\"", "{}", "{\"text\":\"from partial\"}", 0, "\"from partial\"");
	render_is("\"{{>text}}\"", "{}", "{}", 0, "\"\"");
	render_is("\"{{>partial}}\"", "{\"text\":\"content\"}", "{\"partial\":\"*{{text}}*\"}", 0, "\"*content*\"");
	render_is("{{>node}}", "{\"content\":\"X\",\"nodes\":[{\"content\":\"Y\",\"nodes\":[]}]}",
		  "{\"node\":\"{{content}}<{{#nodes}}{{>node}}{{/nodes}}>\"}", 0, "X<Y<>>");
	/* a standalone partial is indented line by line */
	render_is("\\\n {{>partial}}\n/\n", "{\"content\":\"<\\n->\"}",
		  "{\"partial\":\"|\\n{{{content}}}\\n|\\n\"}", 0, "\\\n |\n <\n->\n |\n/\n");
	render_is("|\r\n{{>partial}}\r\n|", "{}", "{\"partial\":\">\"}", 0, "|\r\n>|");
	render_is("  {{>partial}}\n>", "{}", "{\"partial\":\">\\n>\"}", 0, "  >\n  >>");
	/* partials see the default delimiters */
	render_is("{{=| |=}}|>p|", "{\"v\":1}", "{\"p\":\"[{{v}}]\"}", 0, "[1]");
	/* runaway recursion is an error, not a crash */
	json_t *parts = json_pack("{s:s}", "loop", "{{>loop}}");
	char *out = NULL, *err = NULL;
	assert_int_equal(rd_mustache_render("{{>loop}}", 9, NULL, partials, parts, &out, &err), RD_EINVAL);
	assert_null(out);
	assert_non_null(strstr(err, "nested"));
	free(err);
	json_decref(parts);
}

static void test_delimiters(void **state)
{
	(void)state;
	R("{{=<% %>=}}(<%text%>)", "{\"text\":\"Hey!\"}", "(Hey!)");
	R("({{=[ ]=}}[text])", "{\"text\":\"It worked!\"}", "(It worked!)");
	R("[\n{{#section}}\n  {{data}}\n  |data|\n{{/section}}\n{{= | | =}}\n|#section|\n  {{data}}\n  |data|\n|/section|\n]\n",
	  "{\"section\":true,\"data\":\"I got interpolated.\"}",
	  "[\n  I got interpolated.\n  |data|\n  {{data}}\n  I got interpolated.\n]\n");
	R("Begin.\n{{=@ @=}}\nEnd.\n", "{}", "Begin.\nEnd.\n");
	R("  | {{=@ @=}}\n", "{}", "  | \n");
}

static void test_errors(void **state)
{
	(void)state;
	/* NUL bytes in text pass through (found by mustache_fuzz) */
	char *o = NULL;
	assert_int_equal(rd_mustache_render("a\0b{{x}}c\0d", 11, NULL, NULL, NULL, &o, NULL), RD_OK);
	assert_memory_equal(o, "a\0bc\0d", 7);
	free(o);
	const char *bad[] = {"Hello {{name", "{{#a}}never closed", "line\n{{#a}}x{{/b}}", "{{/a}}",
			     "{{= bad =}}", "{{}}", NULL};
	for (size_t i = 0; bad[i]; i++) {
		char *out = NULL, *err = NULL;
		if (rd_mustache_render(bad[i], strlen(bad[i]), NULL, NULL, NULL, &out, &err) != RD_EINVAL)
			fail_msg("'%s' rendered", bad[i]);
		assert_null(out);
		assert_non_null(strstr(err, "line "));
		free(err);
	}
	char *out = NULL, *err = NULL;
	assert_int_equal(rd_mustache_render("x\n{{#a}}y{{/b}}", 15, NULL, NULL, NULL, &out, &err), RD_EINVAL);
	assert_non_null(strstr(err, "line 2"));
	free(err);
}

/* ---- templates ---------------------------------------------------------------- */

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static void test_template_lookup(void **state)
{
	(void)state;
	char *t = NULL, *err = NULL;
	assert_int_equal(rd_template_load("apology", NULL, NULL, &t, &err), RD_OK);
	assert_non_null(strstr(t, "{{> salutation}}"));
	free(t);
	char dir[] = "/tmp/rd_tmpl_XXXXXX";
	assert_non_null(mkdtemp(dir));
	char p[512];
	snprintf(p, sizeof p, "%s/templates", dir);
	mkdir(p, 0700);
	snprintf(p, sizeof p, "%s/templates/clients", dir);
	mkdir(p, 0700);
	snprintf(p, sizeof p, "%s/templates/clients/acme", dir);
	mkdir(p, 0700);
	snprintf(p, sizeof p, "%s/templates/apology.key.mustache", dir);
	write_file(p, "key tier");
	snprintf(p, sizeof p, "%s/templates/clients/acme/apology.mustache", dir);
	write_file(p, "acme only");
	setenv("REDRESS_DATA_DIR", dir, 1);
	assert_int_equal(rd_template_load("apology", "key", "acme", &t, NULL), RD_OK);
	assert_string_equal(t, "acme only");
	free(t);
	assert_int_equal(rd_template_load("apology", "key", "globex", &t, NULL), RD_OK);
	assert_string_equal(t, "key tier");
	free(t);
	assert_int_equal(rd_template_load("apology", "standard", NULL, &t, NULL), RD_OK);
	assert_non_null(strstr(t, "{{> salutation}}"));
	free(t);
	setenv("REDRESS_DATA_DIR", "", 1);
	snprintf(p, sizeof p, "%s/templates/clients/acme/apology.mustache", dir);
	unlink(p);
	snprintf(p, sizeof p, "%s/templates/clients/acme", dir);
	rmdir(p);
	snprintf(p, sizeof p, "%s/templates/clients", dir);
	rmdir(p);
	snprintf(p, sizeof p, "%s/templates/apology.key.mustache", dir);
	unlink(p);
	snprintf(p, sizeof p, "%s/templates", dir);
	rmdir(p);
	rmdir(dir);
	err = NULL;
	assert_int_equal(rd_template_load("../../etc/passwd", NULL, NULL, &t, &err), RD_EINVAL);
	free(err);
	err = NULL;
	assert_int_equal(rd_template_load("letter", NULL, NULL, &t, &err), RD_ENOTFOUND);
	free(err);
}

/* A complete, realistic view, shaped as docs/internals/mustache.md says. */
static const char *full_view =
	"{\"client\":{\"name\":\"Acme Logistics\",\"tier\":\"key\",\"tz\":\"Europe/Berlin\"},"
	"\"contact\":{\"name\":\"Maria Schmidt\",\"email\":\"maria.schmidt@acme.example\",\"role\":\"Head of Operations\"},"
	"\"failure\":{\"id\":12,\"title\":\"The label printing outage\",\"severity\":1,"
	"\"detected_local\":\"Monday 23 November 2026, 06:40 CET\",\"started_local\":\"Monday 23 November 2026, 06:10 CET\","
	"\"subject\":\"the label printing outage\",\"resolved_local\":\"Wednesday 25 November 2026, 16:00 CET\"},"
	"\"impact\":{\"summary\":\"Your warehouse team could not print shipping labels for four hours on Monday morning, which held back 312 orders.\","
	"\"operational\":\"312 orders shipped a day late\",\"financial\":\"EUR 4,500 in express shipping\",\"data\":\"\",\"recorded\":true},"
	"\"rca\":{\"client_explanation\":\"A configuration change we made on Sunday night pointed label print jobs at a print queue that no longer existed, and our monitoring did not check that labels were actually printed.\",\"category\":\"process\"},"
	"\"plan\":{\"actions\":["
	"{\"kind\":\"immediate\",\"description\":\"Reprint every label that failed on Monday\",\"due_local\":\"Tuesday 24 November 2026, 12:00 CET\",\"success_criterion\":\"all 312 orders have a printed label\"},"
	"{\"kind\":\"preventive\",\"description\":\"Add a second review to every print configuration change\",\"due_local\":\"Friday 27 November 2026, 17:00 CET\",\"success_criterion\":\"no change reaches the print service without two approvals\"}],"
	"\"eta_local\":\"Friday 27 November 2026, 17:00 CET\",\"has_eta\":true,\"has_actions\":true,"
	"\"previous_eta_local\":\"Thursday 26 November 2026, 17:00 CET\","
	"\"eta_reason\":\"reprinting showed that 40 labels also had wrong addresses, and we are correcting those first\","
	"\"prevention\":\"every print configuration change now needs a second reviewer, and an alert fires within five minutes if labels stop printing.\"},"
	"\"eta_history\":[{\"eta_local\":\"Friday 27 November 2026, 17:00 CET\",\"reason\":\"reprinting showed that 40 labels also had wrong addresses, and we are correcting those first\"}],"
	"\"point_person\":{\"name\":\"Jonas Weber\",\"email\":\"jonas.weber@redress.example\",\"phone\":\"+49 30 1234 5678\"},"
	"\"goodwill\":{\"kind\":\"credit\",\"amount\":\"1,500.00\",\"currency\":\"EUR\"},"
	"\"next_update_local\":\"Tuesday 24 November 2026, 10:00 CET\","
	"\"now_local\":\"Monday 23 November 2026, 10:00 CET\","
	"\"sender\":{\"name\":\"Jonas Weber\"},"
	"\"survey_url\":\"https://portal.redress.example/s/abc123\"}";

static void test_shipped_templates_pass_the_checker(void **state)
{
	(void)state;
	const char *kinds[] = {"apology", "rca_update", "plan", "progress", "delay", "resolution",
			       "follow_up", "survey", "review", "correction", "other", NULL};
	json_t *view = json_loads(full_view, 0, NULL);
	assert_non_null(view);
	for (size_t k = 0; kinds[k]; k++) {
		char *t = NULL, *out = NULL, *err = NULL;
		if (rd_template_load(kinds[k], NULL, NULL, &t, &err) != RD_OK)
			fail_msg("%s: %s", kinds[k], err);
		if (rd_mustache_render_ex(t, strlen(t), view, rd_template_partial, NULL,
					  RD_MUSTACHE_NO_ESCAPE, &out, &err) != RD_OK)
			fail_msg("%s: %s", kinds[k], err);
		/* everything in the view made it in: no placeholders left */
		assert_null(strstr(out, "{{"));
		assert_non_null(strstr(out, "Maria Schmidt"));
		assert_non_null(strstr(out, "jonas.weber@redress.example"));
		struct rd_check_opts o;
		memset(&o, 0, sizeof o);
		o.kind = kinds[k];
		o.tz = "Europe/Berlin";
		o.repair_expected = true;
		assert_int_equal(rd_time_parse("2026-11-23T09:00:00Z", &o.now, NULL), RD_OK);
		struct rd_check_result *r = NULL;
		assert_int_equal(rd_check(out, strlen(out), &o, &r, &err), RD_OK);
		if (r->n_findings) {
			rd_check_result_print(stderr, kinds[k], out, strlen(out), r);
			fail_msg("shipped template %s has %zu findings", kinds[k], r->n_findings);
		}
		for (size_t i = 0; i < r->n_elements; i++)
			assert_true(r->elements[i].found);
		assert_int_equal(r->score, 100);
		rd_check_result_free(r);
		free(out);
		free(t);
	}
	json_decref(view);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_interpolation),
		cmocka_unit_test(test_sections),
		cmocka_unit_test(test_inverted),
		cmocka_unit_test(test_comments),
		cmocka_unit_test(test_partials),
		cmocka_unit_test(test_delimiters),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_template_lookup),
		cmocka_unit_test(test_shipped_templates_pass_the_checker),
	};
	setenv("REDRESS_DATA_DIR", "", 1);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
