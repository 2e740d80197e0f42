/* buf_test.c — lib/util/buf.c: growable buffers (append, format, detach),
 * whole-file and whole-stream reads, and the UTF-8 validator every text
 * input goes through (overlongs, surrogates, truncation, > U+10FFFF). */
#include "../unit.h"

#include <errno.h>

#include "util/buf.h"

static void appends_and_stays_terminated(void **state)
{
	(void)state;
	struct rd_buf b = RD_BUF_INIT;
	assert_null(b.data);
	assert_int_equal(rd_buf_adds(&b, "abc"), RD_OK);
	assert_int_equal(rd_buf_addc(&b, '-'), RD_OK);
	assert_int_equal(rd_buf_add(&b, "xyz", 2), RD_OK);
	assert_int_equal(rd_buf_addf(&b, "[%d|%s]", 42, "q"), RD_OK);
	assert_string_equal(b.data, "abc-xy[42|q]");
	assert_int_equal(b.len, strlen("abc-xy[42|q]"));
	assert_int_equal(rd_buf_add(&b, NULL, 0), RD_OK);
	assert_int_equal(b.len, strlen("abc-xy[42|q]"));
	/* grows well past the first allocation */
	for (int i = 0; i < 10000; i++)
		rd_buf_addf(&b, "%04d", i % 10000);
	assert_int_equal(b.len, 12 + 40000);
	assert_int_equal(b.data[b.len], '\0');
	assert_memory_equal(b.data + 12 + 4 * 9999, "9999", 4);
	assert_false(b.oom);
	rd_buf_free(&b);
	assert_null(b.data);
	assert_int_equal(b.len, 0);
}

/* rd_buf_reserve: one allocation for what is announced, the bytes already
 * there kept, and appends within it never move the buffer (what the JSON
 * answer's writer in src/server/errors.c relies on). */
static void reserve_keeps_bytes_and_room(void **state)
{
	(void)state;
	struct rd_buf b = RD_BUF_INIT;
	assert_int_equal(rd_buf_reserve(&b, 0), RD_OK);
	assert_non_null(b.data);
	assert_string_equal(b.data, "");
	assert_int_equal(rd_buf_adds(&b, "head"), RD_OK);
	assert_int_equal(rd_buf_reserve(&b, 8192), RD_OK);
	assert_string_equal(b.data, "head");
	assert_true(b.cap >= 4 + 8192 + 1);
	const char *at = b.data;
	for (int i = 0; i < 8192; i++)
		assert_int_equal(rd_buf_addc(&b, (char)('a' + i % 26)), RD_OK);
	assert_ptr_equal(b.data, at);
	assert_int_equal(b.len, 4 + 8192);
	assert_int_equal(b.data[b.len], '\0');
	assert_memory_equal(b.data + 4 + 8191, "b", 1); /* 8191 % 26 = 1 */
	/* a reserve beyond what memory allows fails and is sticky, like an append */
	assert_int_equal(rd_buf_reserve(&b, (size_t)-1 / 2), RD_ENOMEM);
	assert_true(b.oom);
	rd_buf_free(&b);
}

static void keeps_embedded_nul_bytes(void **state)
{
	(void)state;
	struct rd_buf b = RD_BUF_INIT;
	rd_buf_add(&b, "a\0b", 3);
	assert_int_equal(b.len, 3);
	assert_memory_equal(b.data, "a\0b", 4);
	rd_buf_free(&b);
}

static void detach_hands_over_the_bytes(void **state)
{
	(void)state;
	struct rd_buf b = RD_BUF_INIT;
	char *p = rd_buf_detach(&b);
	assert_non_null(p);
	assert_string_equal(p, "");
	free(p);
	rd_buf_adds(&b, "hello");
	p = rd_buf_detach(&b);
	assert_string_equal(p, "hello");
	assert_null(b.data);
	assert_int_equal(b.len, 0);
	/* the buffer is reusable after detach */
	rd_buf_adds(&b, "again");
	assert_string_equal(b.data, "again");
	free(p);
	rd_buf_free(&b);
}

static void oom_is_sticky(void **state)
{
	(void)state;
	struct rd_buf b = RD_BUF_INIT;
	rd_buf_adds(&b, "x");
	assert_int_equal(rd_buf_add(&b, "y", (size_t)-1 / 2 + 10), RD_ENOMEM);
	assert_true(b.oom);
	assert_int_equal(rd_buf_adds(&b, "z"), RD_ENOMEM);
	assert_null(rd_buf_detach(&b));
	assert_null(b.data);
	rd_buf_free(&b);
}

struct utf8_case {
	const char *bytes;
	size_t n;
	bool ok;
	size_t bad;
};

static void utf8_validation(void **state)
{
	(void)state;
	static const struct utf8_case cases[] = {
		{"", 0, true, 0},
		{"plain ascii", 11, true, 0},
		{"caf\xc3\xa9", 5, true, 0},
		{"\xe2\x82\xac 4,500", 9, true, 0},          /* euro sign */
		{"\xf0\x9f\x98\x80", 4, true, 0},            /* emoji, 4 bytes */
		{"\xf4\x8f\xbf\xbf", 4, true, 0},            /* U+10FFFF */
		{"\xff", 1, false, 0},
		{"ab\xfe", 3, false, 2},
		{"\x80", 1, false, 0},                       /* lone continuation */
		{"\xc0\xaf", 2, false, 0},                   /* overlong '/' */
		{"\xc1\xbf", 2, false, 0},
		{"\xe0\x80\xaf", 3, false, 0},               /* overlong, 3 bytes */
		{"\xf0\x80\x80\xaf", 4, false, 0},           /* overlong, 4 bytes */
		{"\xed\xa0\x80", 3, false, 0},               /* surrogate U+D800 */
		{"\xf4\x90\x80\x80", 4, false, 0},           /* U+110000 */
		{"\xf5\x80\x80\x80", 4, false, 0},
		{"ok\xc3", 3, false, 2},                     /* truncated at the end */
		{"\xe2\x82", 2, false, 0},
		{"\xc3\x28", 2, false, 0},                   /* bad continuation */
		{"a\0b", 3, true, 0},                        /* NUL is valid UTF-8 */
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		size_t bad = 999;
		bool ok = rd_utf8_valid(cases[i].bytes, cases[i].n, &bad);
		if (ok != cases[i].ok)
			fail_msg("case %zu: got %s", i, ok ? "valid" : "invalid");
		if (!ok && bad != cases[i].bad)
			fail_msg("case %zu: bad byte at %zu, want %zu", i, bad, cases[i].bad);
	}
	/* a valid prefix stops at n: the bytes after are not read */
	assert_true(rd_utf8_valid("ab\xff", 2, NULL));
	assert_false(rd_utf8_valid("\xff", 1, NULL));
	/* ASCII is skipped eight bytes at a time: a bad byte, a good
	 * multi-byte character or a truncated one at every offset of a long
	 * ASCII run is still found, at its own offset, and nothing past n is
	 * read */
	char run[48];
	for (size_t at = 0; at < 40; at++) {
		size_t bad = 999;
		memset(run, 'a', sizeof run);
		run[at] = '\xff';
		assert_false(rd_utf8_valid(run, 40, &bad));
		assert_int_equal(bad, at);
		assert_true(rd_utf8_valid(run, at, NULL));
		run[at] = '\xc3';
		run[at + 1] = '\xa9';
		assert_true(rd_utf8_valid(run, 41, NULL));
		assert_false(rd_utf8_valid(run, at + 1, &bad));   /* cut inside it */
		assert_int_equal(bad, at);
	}
}

static void reads_files_and_streams(void **state)
{
	(void)state;
	char dir[] = "/tmp/rd-buf-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char path[64];
	snprintf(path, sizeof path, "%s/f.txt", dir);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	for (int i = 0; i < 20000; i++)
		fputs("line of text\n", f);
	fputc('\0', f);
	fputs("tail", f);
	fclose(f);
	char *out = NULL, *m = NULL;
	size_t len = 0;
	assert_ok(rd_file_read(path, &out, &len, &m_));
	assert_int_equal(len, 20000 * 13 + 5);
	assert_memory_equal(out + len - 4, "tail", 5);
	free(out);

	f = fopen(path, "rb");
	assert_ok(rd_stream_read(f, &out, &len, &m_));
	fclose(f);
	assert_int_equal(len, 20000 * 13 + 5);
	free(out);

	char missing[80];
	snprintf(missing, sizeof missing, "%s/missing.txt", dir);
	out = (char *)1;
	assert_fails(rd_file_read(missing, &out, &len, &m_), RD_ENOTFOUND, "missing.txt");
	assert_null(out);
	/* a directory cannot be read as a file: an error, not a crash */
	enum rd_err rc = rd_file_read(dir, &out, &len, &m);
	assert_true(rc == RD_EIO);
	free(m);
	free(out);

	/* an empty file is "" with length 0 */
	f = fopen(path, "wb");
	fclose(f);
	assert_ok(rd_file_read(path, &out, &len, &m_));
	assert_int_equal(len, 0);
	assert_string_equal(out, "");
	free(out);
	unlink(path);
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(appends_and_stays_terminated),
		cmocka_unit_test(reserve_keeps_bytes_and_room),
		cmocka_unit_test(keeps_embedded_nul_bytes),
		cmocka_unit_test(detach_hands_over_the_bytes),
		cmocka_unit_test(oom_is_sticky),
		cmocka_unit_test(utf8_validation),
		cmocka_unit_test(reads_files_and_streams),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
