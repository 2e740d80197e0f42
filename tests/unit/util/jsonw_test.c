/* jsonw_test.c — lib/util/jsonw.c: rd_json_write and the streaming writer
 * (struct rd_jw) must write exactly what json_dumps(JSON_COMPACT |
 * JSON_REAL_PRECISION(15)) writes, for chosen awkward values and for
 * thousands of random trees and random byte strings, and must refuse
 * (RD_EINVAL) what jansson refuses or leaves to jansson what they do not
 * write themselves. */
#include "../unit.h"

#include <jansson.h>
#include <math.h>
#include <stdint.h>

#include "util/jsonw.h"

#define FLAGS (JSON_COMPACT | JSON_REAL_PRECISION(15))

/* J written both ways must agree; J is consumed. */
static void same_as_jansson(json_t *j)
{
	assert_non_null(j);
	char *want = json_dumps(j, FLAGS);
	assert_non_null(want);
	struct rd_buf b = RD_BUF_INIT;
	assert_int_equal(rd_json_write(j, &b), RD_OK);
	assert_non_null(b.data);
	assert_string_equal(b.data, want);
	assert_int_equal(b.len, strlen(want));
	free(want);
	rd_buf_free(&b);
	json_decref(j);
}

static void chosen_values(void **state)
{
	(void)state;
	same_as_jansson(json_object());
	same_as_jansson(json_array());
	same_as_jansson(json_pack("{s:n, s:b, s:b, s:[], s:{}}", "n", "t", 1, "f", 0, "a", "o"));
	same_as_jansson(json_pack("[I, I, I, I, i]", (json_int_t)INT64_MAX, (json_int_t)INT64_MIN,
				  (json_int_t)0, (json_int_t)-1, 1234567));
	same_as_jansson(json_pack("[f, f, f, f, f, f, f, f, f]", 0.1, 100.0, -0.0, 1e300, 1.5e-7, 2.5,
				  1.0 / 3.0, 123456789012345678.0, -42.0));
	/* every control byte, the quote, the backslash, DEL, a slash */
	char all[40];
	for (int i = 1; i < 0x20; i++)
		all[i - 1] = (char)i;
	memcpy(all + 31, "\"\\\x7f/ok", 7);
	all[38] = '\0';
	same_as_jansson(json_pack("{s:s, s:s}", "ctl", all, all, "as a key too"));
	/* non-ASCII: two-, three- and four-byte sequences, U+2028 */
	same_as_jansson(json_pack("{s:s, s:s}", "Zoë — 東京 😀", "\xe2\x80\xa8", "k", "Ünïcödé"));
	/* an embedded NUL in a string and in a key */
	json_t *o = json_object();
	json_object_set_new(o, "s", json_stringn("a\0b", 3));
	json_object_setn_new(o, "k\0ey", 4, json_true());
	same_as_jansson(o);
	/* insertion order, not sorted, after a replace and a delete */
	o = json_pack("{s:i, s:i, s:i}", "z", 1, "a", 2, "m", 3);
	json_object_set_new(o, "a", json_string("again"));
	json_object_del(o, "z");
	json_object_set_new(o, "b", json_integer(4));
	same_as_jansson(o);
	/* a long string: past the buffer's first room */
	char *big = malloc(20001);
	assert_non_null(big);
	for (int i = 0; i < 20000; i++)
		big[i] = (char)('a' + i % 26);
	big[20000] = '\0';
	same_as_jansson(json_pack("[s, s]", big, "tail\n"));
	free(big);
}

static uint64_t rng = 0x9e3779b97f4a7c15u;
static uint64_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static json_t *random_string(void)
{
	static const char *const pieces[] = {"a", "Z", " ", "\"", "\\", "\n", "\t", "\x01", "\x1f", "/", "\x7f",
					     "é", "€", "😀", "0", "name", "2026-11-23T09:00:00Z"};
	struct rd_buf s = RD_BUF_INIT;
	rd_buf_adds(&s, "");
	for (int n = (int)(next() % 6); n > 0; n--)
		rd_buf_adds(&s, pieces[next() % (sizeof pieces / sizeof *pieces)]);
	json_t *j = json_string(s.data);
	rd_buf_free(&s);
	return j;
}

static json_t *random_value(int depth)
{
	switch (next() % (depth > 4 ? 6 : 8)) {
	case 0: return json_null();
	case 1: return json_boolean(next() % 2);
	case 2: return json_integer((json_int_t)next() >> (next() % 64));
	case 3: return json_real((double)(int64_t)next() / (double)(1 + next() % 100000) *
				 ((next() % 3) ? 1.0 : 1e-12));
	case 4:
	case 5: return random_string();
	case 6: {
		json_t *a = json_array();
		for (int n = (int)(next() % 5); n > 0; n--)
			json_array_append_new(a, random_value(depth + 1));
		return a;
	}
	default: {
		json_t *o = json_object();
		for (int n = (int)(next() % 5); n > 0; n--) {
			json_t *k = random_string();
			json_object_set_new(o, json_string_value(k), random_value(depth + 1));
			json_decref(k);
		}
		return o;
	}
	}
}

static void random_trees(void **state)
{
	(void)state;
	for (int i = 0; i < 5000; i++) {
		json_t *a = json_array();
		json_array_append_new(a, random_value(0));
		same_as_jansson(a);
	}
}

/* J written compact and laid out by rd_json_indent must be what
 * json_dumps(JSON_INDENT(2)) writes (the CLI's --format json); J consumed. */
static void indented_as_jansson(json_t *j)
{
	assert_non_null(j);
	char *want = json_dumps(j, JSON_INDENT(2) | JSON_REAL_PRECISION(15));
	assert_non_null(want);
	struct rd_buf c = RD_BUF_INIT, b = RD_BUF_INIT;
	assert_int_equal(rd_json_write(j, &c), RD_OK);
	assert_int_equal(rd_json_indent(c.data, c.len, 2, &b), RD_OK);
	assert_non_null(b.data);
	assert_string_equal(b.data, want);
	free(want);
	rd_buf_free(&c);
	rd_buf_free(&b);
	json_decref(j);
}

static void indented(void **state)
{
	(void)state;
	indented_as_jansson(json_object());
	indented_as_jansson(json_array());
	indented_as_jansson(json_pack("{s:n, s:[], s:{}, s:[[], {}, [i]], s:{s:{s:[]}}}", "n", "a", "o", "mix",
				      1, "deep", "x", "y"));
	/* what the layout acts on, inside strings and keys, left alone */
	indented_as_jansson(json_pack("{s:s, s:[s, s]}", "a,b:{c}[d]", "\"q\" \\ , : { } [ ]", "k:{",
				      "\\\"", "]}"));
	indented_as_jansson(json_pack("[f, I, b]", 0.1, (json_int_t)-7, 0));
	rng = 0x243f6a8885a308d3u;
	for (int i = 0; i < 3000; i++) {
		json_t *a = json_array();
		json_array_append_new(a, random_value(0));
		indented_as_jansson(a);
	}
	/* not compact JSON's shape: refused */
	static const char *const bad[] = {"{\"a\":1", "[1]]", "}", "{\"a", "[\"x\\\"]"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		struct rd_buf b = RD_BUF_INIT;
		assert_int_equal(rd_json_indent(bad[i], strlen(bad[i]), 2, &b), RD_EINVAL);
		rd_buf_free(&b);
	}
}

/* What it leaves to jansson: a scalar at the top (jansson refuses it
 * without JSON_ENCODE_ANY), a cycle, a string that is not UTF-8. */
static void hands_back_to_jansson(void **state)
{
	(void)state;
	struct rd_buf b = RD_BUF_INIT;
	json_t *s = json_string("x");
	assert_int_equal(rd_json_write(s, &b), RD_EINVAL);
	json_decref(s);
	assert_int_equal(rd_json_write(NULL, &b), RD_EINVAL);
	json_t *a = json_array(), *inner = json_array();
	json_array_append(a, inner);
	json_array_append(inner, a); /* a cycle: jansson refuses it too */
	rd_buf_free(&b);
	assert_int_equal(rd_json_write(a, &b), RD_EINVAL);
	assert_null(json_dumps(a, FLAGS));
	json_array_clear(inner);
	json_decref(inner);
	json_decref(a);
	rd_buf_free(&b);
	json_t *bad = json_pack("[o]", json_string_nocheck("\xff\xfe"));
	assert_int_equal(rd_json_write(bad, &b), RD_EINVAL);
	assert_null(json_dumps(bad, FLAGS));
	json_decref(bad);
	rd_buf_free(&b);
}

/* J streamed through struct rd_jw, container by container (scalars by
 * their own calls; reals through rd_jw_json). */
static void stream(struct rd_jw *w, const json_t *j)
{
	switch (json_typeof(j)) {
	case JSON_OBJECT: {
		const char *k;
		json_t *v;
		rd_jw_obj(w);
		json_object_foreach((json_t *)j, k, v) {
			rd_jw_key(w, k);
			stream(w, v);
		}
		rd_jw_end_obj(w);
		break;
	}
	case JSON_ARRAY: {
		size_t i;
		json_t *v;
		rd_jw_arr(w);
		json_array_foreach(j, i, v)
			stream(w, v);
		rd_jw_end_arr(w);
		break;
	}
	case JSON_STRING:
		if (strlen(json_string_value(j)) == json_string_length(j))
			rd_jw_str(w, json_string_value(j));
		else
			rd_jw_strn(w, json_string_value(j), json_string_length(j));
		break;
	case JSON_INTEGER:
		rd_jw_int(w, json_integer_value(j));
		break;
	case JSON_TRUE:
	case JSON_FALSE:
		rd_jw_bool(w, json_is_true(j));
		break;
	case JSON_NULL:
		rd_jw_null(w);
		break;
	default:
		rd_jw_real(w, json_real_value(j));
	}
}

static void streamed_trees(void **state)
{
	(void)state;
	/* reals written by hand where jansson's digits are plain, then random trees */
	static const double reals[] = {0.1, 100.0, -0.0, 0.0, 1e300, 1.5e-7, 2.5, 1.0 / 3.0, 123456789012345678.0,
				       -42.0, 1e15, 1e16, 999999999999999.0, -0.3, 7.0, 0.5e-4, 12345.678,
				       9999999999999.9, -9999999999999.9, 1e13, 0.30000000000000004, 70.0};
	for (int i = -(int)(sizeof reals / sizeof *reals) - 20000; i < 5000; i++) {
		json_t *a = json_array();
		json_t *r;
		if (i >= 0)
			r = random_value(0);
		else if (i >= -(int)(sizeof reals / sizeof *reals))
			r = json_real(reals[-i - 1]);
		else /* whole tenths, as trust's points are, and their neighbours */
			r = json_real(((double)(int64_t)(next() % 2000001) - 1000000.0) / 10.0 *
				      ((next() % 4) ? 1.0 : 1.0 + 1e-15));
		json_array_append_new(a, r);
		/* keys without NUL only: rd_jw_key takes a C string */
		char *want = json_dumps(a, FLAGS);
		assert_non_null(want);
		struct rd_buf b = RD_BUF_INIT;
		struct rd_jw w;
		rd_jw_init(&w, &b);
		stream(&w, a);
		assert_int_equal(w.err, RD_OK);
		assert_string_equal(b.data, want);
		assert_int_equal(b.len, strlen(want));
		/* and a jansson value embedded whole */
		b.len = 0;
		rd_jw_init(&w, &b);
		rd_jw_obj(&w);
		rd_jw_key(&w, "x");
		rd_jw_json(&w, json_array_get(a, 0));
		rd_jw_end_obj(&w);
		assert_int_equal(w.err, RD_OK);
		json_t *x = json_pack("{sO}", "x", json_array_get(a, 0));
		char *want_x = json_dumps(x, FLAGS);
		assert_string_equal(b.data, want_x);
		free(want_x);
		json_decref(x);
		free(want);
		rd_buf_free(&b);
		json_decref(a);
	}
}

/* Random bytes, valid UTF-8 or not: where jansson takes the string, the
 * writer writes its bytes; where jansson refuses it, so does the writer. */
static void streamed_strings(void **state)
{
	(void)state;
	static const unsigned char bytes[] = {'a', '"', '\\', 0x01, 0x08, 0x0b, 0x0c, 0x1f, 0x7f, 0x80, 0xbf,
					      0xc0, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xed, 0xa0, 0xf0, 0x9f,
					      0x98, 0x80, 0xf4, 0x90, 0xff, 0x00};
	for (int i = 0; i < 20000; i++) {
		char s[12];
		size_t n = next() % sizeof s;
		for (size_t k = 0; k < n; k++)
			s[k] = (char)bytes[next() % sizeof bytes];
		json_t *j = json_stringn(s, n);
		struct rd_buf b = RD_BUF_INIT;
		struct rd_jw w;
		rd_jw_init(&w, &b);
		rd_jw_arr(&w);
		if (memchr(s, 0, n)) {
			rd_jw_strn(&w, s, n);
		} else {
			char z[sizeof s + 1];
			memcpy(z, s, n);
			z[n] = '\0';
			rd_jw_str(&w, z);
		}
		rd_jw_end_arr(&w);
		if (!j) {
			assert_int_equal(w.err, RD_EINVAL);
		} else {
			json_t *a = json_pack("[o]", j);
			char *want = json_dumps(a, FLAGS);
			assert_int_equal(w.err, RD_OK);
			assert_int_equal(b.len, strlen(want));
			assert_memory_equal(b.data, want, b.len);
			free(want);
			json_decref(a);
		}
		rd_buf_free(&b);
	}
	/* NaN and infinity: jansson refuses them, so does the writer */
	for (int k = 0; k < 2; k++) {
		struct rd_buf r = RD_BUF_INIT;
		struct rd_jw rw;
		rd_jw_init(&rw, &r);
		rd_jw_arr(&rw);
		rd_jw_real(&rw, k ? NAN : INFINITY);
		assert_int_equal(rw.err, RD_EINVAL);
		rd_buf_free(&r);
	}
	/* NULL is null; the first error sticks */
	struct rd_buf b = RD_BUF_INIT;
	struct rd_jw w;
	rd_jw_init(&w, &b);
	rd_jw_obj(&w);
	rd_jw_key(&w, "a");
	rd_jw_str(&w, NULL);
	rd_jw_key(&w, "b");
	rd_jw_str(&w, "\xff");
	rd_jw_key(&w, "c");
	rd_jw_int(&w, 1);
	rd_jw_end_obj(&w);
	assert_int_equal(w.err, RD_EINVAL);
	assert_string_equal(b.data, "{\"a\":null,\"b\":");
	rd_buf_free(&b);
}

/* The same calls building a tree (rd_jw_init_tree): for 5,000 random
 * trees and the reals above, the tree built equals the one streamed (the
 * same types: json_equal tells an integer from a real) with keys in the
 * same order, and jansson writes it as the text writer wrote it. */
static void trees_built_by_the_same_calls(void **state)
{
	(void)state;
	for (int i = 0; i < 5000; i++) {
		json_t *a = json_array();
		json_array_append_new(a, i < 100 ? json_real(((double)(int64_t)(next() % 2001) - 1000.0) / 10.0)
						 : random_value(0));
		struct rd_buf b = RD_BUF_INIT;
		struct rd_jw w;
		json_t *t = json_true();
		rd_jw_init(&w, &b);
		stream(&w, a);
		assert_int_equal(w.err, RD_OK);
		rd_jw_init_tree(&w);
		stream(&w, a);
		assert_int_equal(rd_jw_tree(&w, &t), RD_OK);
		assert_true(json_equal(t, a));
		char *again = json_dumps(t, FLAGS | JSON_ENCODE_ANY);
		assert_string_equal(again, b.data);
		free(again);
		json_decref(t);
		json_decref(a);
		rd_buf_free(&b);
	}
}

/* What the text writer refuses the tree refuses alike, and rd_jw_tree then
 * gives no tree (and frees what was built): a string or key not UTF-8, a
 * real not finite, a container left open, two values at the top, nothing
 * at all, containers nested deeper than RD_JW_DEPTH. */
static void trees_refused(void **state)
{
	(void)state;
	for (int k = 0; k < 8; k++) {
		struct rd_jw w;
		json_t *t = json_true();
		rd_jw_init_tree(&w);
		rd_jw_obj(&w);
		rd_jw_key(&w, "a");
		rd_jw_int(&w, 1);
		rd_jw_key(&w, k == 1 ? "\xc0\xaf" : "b");
		switch (k) {
		case 0: rd_jw_str(&w, "bad \xff"); break;
		case 2: rd_jw_real(&w, NAN); break;
		case 3: rd_jw_real(&w, -INFINITY); break;
		case 4: rd_jw_arr(&w); break; /* left open */
		case 5: rd_jw_null(&w); rd_jw_end_obj(&w); rd_jw_null(&w); break;
		case 6: rd_jw_str(&w, "fine"); break;
		case 7:
			rd_jw_arr(&w);
			for (int d = 0; d < RD_JW_DEPTH; d++)
				rd_jw_arr(&w);
			break;
		default: rd_jw_str(&w, "ok"); break;
		}
		if (k != 5)
			rd_jw_end_obj(&w);
		enum rd_err rc = rd_jw_tree(&w, &t);
		if (k == 6) { /* the one that is fine, for contrast */
			assert_int_equal(rc, RD_OK);
			char *text = json_dumps(t, FLAGS);
			assert_string_equal(text, "{\"a\":1,\"b\":\"fine\"}");
			free(text);
			json_decref(t);
			continue;
		}
		if (rc != RD_EINVAL)
			fail_msg("case %d: %s, want RD_EINVAL", k, rd_err_name(rc));
		assert_null(t);
	}
	/* nothing written */
	struct rd_jw w;
	json_t *t = json_true();
	rd_jw_init_tree(&w);
	assert_int_equal(rd_jw_tree(&w, &t), RD_EINVAL);
	assert_null(t);
	/* a 64-bit integer and a real stay what they were */
	rd_jw_init_tree(&w);
	rd_jw_arr(&w);
	rd_jw_int(&w, INT64_MIN);
	rd_jw_real(&w, 70.0);
	rd_jw_end_arr(&w);
	assert_int_equal(rd_jw_tree(&w, &t), RD_OK);
	assert_true(json_is_integer(json_array_get(t, 0)) && json_integer_value(json_array_get(t, 0)) == INT64_MIN);
	assert_true(json_is_real(json_array_get(t, 1)) && json_real_value(json_array_get(t, 1)) == 70.0);
	json_decref(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(chosen_values),
		cmocka_unit_test(random_trees),
		cmocka_unit_test(hands_back_to_jansson),
		cmocka_unit_test(streamed_trees),
		cmocka_unit_test(streamed_strings),
		cmocka_unit_test(trees_built_by_the_same_calls),
		cmocka_unit_test(trees_refused),
		cmocka_unit_test(indented),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
