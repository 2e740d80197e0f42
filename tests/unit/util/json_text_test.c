/* json_text_test.c — lib/util/jsonw.c's rd_json_text: the audit log's record
 * texts written directly must be json_dumps's, byte for byte, sorted or not,
 * for every kind of key and value (the ones it hands back to json_dumps
 * included): random flat records, and the edge cases by name. */
#include "../unit.h"

#include <inttypes.h>

#include "util/jsonw.h"

static void assert_same(const json_t *j, bool sort)
{
	char *want = json_dumps(j, JSON_COMPACT | (sort ? JSON_SORT_KEYS : 0));
	char *got = rd_json_text(j, JSON_COMPACT | (sort ? JSON_SORT_KEYS : 0));
	/* both NULL is the same answer (a bare string or number: json_dumps refuses it) */
	if ((!want) != (!got) || (want && strcmp(want, got) != 0))
		fail_msg("json_dumps %s, written %s", want ? want : "(null)", got ? got : "(null)");
	free(want);
	free(got);
}

static void edge_cases(void **state)
{
	(void)state;
	const char *cases[] = {
		"{}",
		"{\"id\": 1}",
		"{\"b\": 1, \"a\": 2, \"ab\": 3, \"A\": 4, \"a_b\": 5}",
		"{\"min\": -9223372036854775808, \"max\": 9223372036854775807, \"zero\": 0, \"neg\": -17}",
		"{\"t\": true, \"f\": false, \"n\": null, \"s\": \"\"}",
		"{\"summary\": \"said \\\"soon\\\"\"}",
		"{\"summary\": \"back\\\\slash\"}",
		"{\"summary\": \"two\\nlines\\ttab\\u0001\"}",
		"{\"summary\": \"caf\\u00e9 \\u2014 \\ud83d\\ude00\"}",
		"{\"summary\": \"slash / and del \\u007f\"}",
		"{\"amount\": 2.5, \"id\": 3}",
		"{\"nested\": {\"a\": 1}, \"id\": 3}",
		"{\"list\": [1, 2], \"id\": 3}",
		"{\"k\\u00e9y\": 1, \"id\": 3}",
		"{\"k\\\"ey\": 1}",
		"[1, 2]",
		"\"text\"",
		"12",
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		json_error_t e;
		json_t *j = json_loads(cases[i], JSON_DECODE_ANY, &e);
		if (!j)
			fail_msg("case %zu: %s", i, e.text);
		assert_same(j, true);
		assert_same(j, false);
		json_decref(j);
	}
	/* a key with a NUL inside, and one that is a prefix of another */
	json_t *j = json_object();
	json_object_setn_new(j, "a\0b", 3, json_integer(1));
	json_object_set_new(j, "a", json_integer(2));
	assert_same(j, true);
	assert_same(j, false);
	json_decref(j);
	/* more members than the stack array holds */
	j = json_object();
	for (int i = 0; i < 100; i++) {
		char k[16];
		snprintf(k, sizeof k, "f%03d", (i * 37) % 100);
		json_object_set_new(j, k, json_integer(i));
	}
	assert_same(j, true);
	assert_same(j, false);
	json_decref(j);
}

/* Random records: keys and string values drawn from bytes that need no
 * escaping, need escaping, or are UTF-8; integers of every size. */
static void random_records(void **state)
{
	(void)state;
	static const char *const pieces[] = {"a", "z", "id", "_", " ", "0", "9", "~", "{", "\"", "\\", "\n",
					     "\x7f", "\xc3\xa9", "\xe2\x80\x94", "/", "at"};
	const size_t np = sizeof pieces / sizeof *pieces;
	uint64_t x = 88172645463325252ULL;
#define NEXT() (x ^= x << 13, x ^= x >> 7, x ^= x << 17, x)
	for (int round = 0; round < 3000; round++) {
		json_t *j = json_object();
		int members = (int)(NEXT() % 24);
		for (int m = 0; m < members; m++) {
			char key[32] = "", val[64] = "";
			size_t kl = 0, vl = 0;
			int kp = 1 + (int)(NEXT() % 3), vp = (int)(NEXT() % 6);
			for (int p = 0; p < kp; p++) /* at most 3 bytes a piece: no overflow */
				kl += (size_t)snprintf(key + kl, sizeof key - kl, "%s",
						       NEXT() % 4 ? pieces[NEXT() % 3] : pieces[NEXT() % np]);
			for (int p = 0; p < vp; p++)
				vl += (size_t)snprintf(val + vl, sizeof val - vl, "%s",
						       NEXT() % 5 ? pieces[NEXT() % 8] : pieces[NEXT() % np]);
			json_t *v;
			switch (NEXT() % 6) {
			case 0: v = json_integer((json_int_t)NEXT()); break;
			case 1: v = json_integer((json_int_t)(NEXT() % 2000) - 1000); break;
			case 2: v = json_string(val); break;
			case 3: v = json_null(); break;
			case 4: v = json_boolean(NEXT() % 2); break;
			default: v = NEXT() % 20 ? json_string(val) : json_real((double)(NEXT() % 100) / 8.0);
			}
			json_object_set_new(j, key, v ? v : json_null());
		}
		assert_same(j, true);
		assert_same(j, false);
		json_decref(j);
	}
#undef NEXT
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(edge_cases),
		cmocka_unit_test(random_records),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
