/* mime_test.c — lib/check/mime.c: the multipart shape read without GMime's
 * objects (ck_mime_decode_simple) held to GMime's own reading
 * (ck_mime_decode_gmime) on some thousands of messages made from variants
 * of every field it looks at: wherever the short path answers, GMime must
 * give the same text, and the common shapes must take the short path. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "check/mime.h"

/* The part of a variant that names each choice, for failure messages. */
struct variant {
	const char *top, *pre, *pfields, *content, *after, *nl;
};

static char *build(const struct variant *v, size_t *n)
{
	char *s = NULL;
	size_t cap = 0;
	FILE *f = open_memstream(&s, &cap);
	assert_non_null(f);
	/* the same text with LF or CRLF line ends */
	const char *parts[] = {v->top, "\n", v->pre, "--b21\n", v->pfields, "\n", v->content, "--b21\n",
			       "Content-Type: text/html; charset=utf-8\n"
			       "Content-Transfer-Encoding: base64\n\n"
			       "PGh0bWw+PGJvZHk+PHA+RGVhciBTb3BoaWUsPC9wPjwvYm9keT48L2h0bWw+Cg==\n\n",
			       v->after};
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
		for (const char *c = parts[i]; *c; c++) {
			if (*c == '\n')
				fputs(v->nl, f);
			else
				fputc(*c, f);
		}
	fclose(f);
	*n = cap;
	return s;
}

/* Both readings of one message; true when the short path answered. */
static bool same_text(const struct variant *v)
{
	size_t n;
	char *raw = build(v, &n);
	char *a = NULL, *b = NULL, *err = NULL;
	size_t an = 0, bn = 0;
	bool simple = ck_mime_decode_simple(raw, n, &a, &an);
	enum rd_err rc = ck_mime_decode_gmime(raw, n, &b, &bn, &err);
	if (simple) {
		if (rc != RD_OK || an != bn || memcmp(a, b, an) != 0)
			fail_msg("short path and GMime differ (rc %d)\n--- message:\n%s\n--- short (%zu):\n%.*s\n"
				 "--- GMime (%zu):\n%.*s\n", rc, raw, an, (int)an, a, bn, (int)bn, b ? b : "");
	} else {
		assert_null(a);
	}
	/* and ck_mime_decode is whichever answers */
	char *c = NULL, *err2 = NULL;
	size_t cn = 0;
	assert_int_equal(ck_mime_decode(raw, n, &c, &cn, &err2), rc);
	if (rc == RD_OK) {
		assert_int_equal(cn, bn);
		assert_memory_equal(c, b, bn);
	}
	free(a);
	free(b);
	free(c);
	free(err);
	free(err2);
	free(raw);
	return simple;
}

static void test_simple_matches_gmime(void **state)
{
	(void)state;
	static const char *const tops[] = {
		"MIME-Version: 1.0\nContent-Type: multipart/alternative; boundary=\"b21\"\n",
		"Content-Type: multipart/alternative; boundary=b21\n",
		"Content-Type: Multipart/Mixed; BOUNDARY=\"b21\"\nMIME-Version: 1.0\n",
		"MIME-Version: 1.0\nContent-Type: multipart/related;boundary=\"b21\"\n",
		"Content-Type: multipart/alternative; boundary=\"b21\"; charset=utf-8\n",
		"Content-Type: multipart/signed; boundary=\"b21\"\n",
		"Content-Type: multipart/alternative;\n boundary=\"b21\"\n",
		"Content-Type: multipart/alternative; boundary=\"b2\"\n",
		"Content-Type: multipart/alternative; boundary=\"b21\"\nContent-Transfer-Encoding: 7bit\n",
		"Content-Type: text/plain; boundary=\"b21\"\n",
	};
	static const char *const pres[] = {"", "This is a multi-part message in MIME format.\n",
					   "\n\n", "-- \nsig\n"};
	static const char *const fields[] = {
		"Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n",
		"Content-Transfer-Encoding: QUOTED-PRINTABLE\nContent-Type: TEXT/PLAIN; charset=\"UTF-8\"\n",
		"Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n",
		"Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n",
		"Content-Type: text/plain; charset=us-ascii\nContent-Transfer-Encoding: 7bit\n",
		"Content-Type: text/plain; charset=utf-8\n",
		"Content-Type: text/plain\nContent-Transfer-Encoding: 8bit\n",
		"Content-Type: text/plain; charset=iso-8859-15\nContent-Transfer-Encoding: quoted-printable\n",
		"Content-Type: text/plain; charset=utf-8\nContent-Disposition: attachment\n",
		"Content-Type: text/plain; charset=utf-8\nContent-Disposition: inline\n",
		"Content-Type: text/html; charset=utf-8\n",
		"Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: x-uuencode\n",
		"Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n"
		"Content-Type: text/html\n",
	};
	/* contents written for any of the encodings: what is not valid in one
	 * (QP's '=' escapes read raw, base64 of text) is GMime's to judge too */
	static const char *const contents[] = {
		"Dear Sophie,\n\nI apologise for the failure; this was our e=\nrror.\n\nBest regards,\nPriya\n\n",
		"Caf=C3=A9 opens at 09:30.\n",
		"Caf\xC3\xA9 opens at 09:30.\nNo blank line before the boundary\n",
		"soft break at the very end=\n\n",
		"ends with an equals sign=\n",
		"bad byte =FF here\n\n",
		"raw bad byte \xFF here\n\n",
		"a NUL =00 inside\n",
		"RGVhciBTb3BoaWUsCgpXZSBhcmUgc29ycnkuCg==\n\n",
		"RGVhciBTb3BoaWUsCgpXZSBhcmUgc29ycnkuCg==\n",
		"Q2Fmw6kgb3BlbnMK\nYW5kIGNsb3Nlcy4K\n\n",
		"/w==\n",
		"\n",
		"two\n\n\nblank lines\n\n\n",
		"-- \nPriya, account team\n\n",
		"--b21x is not the boundary\n\n",
		"From the team\n\n",
		"line = 1 and =3D 2\n",
	};
	static const char *const afters[] = {"--b21--\n", "--b21--\nepilogue\n", "--b21--", ""};
	static const char *const nls[] = {"\n", "\r\n"};
	size_t total = 0, short_path = 0;
	for (size_t t = 0; t < sizeof tops / sizeof tops[0]; t++)
		for (size_t p = 0; p < sizeof pres / sizeof pres[0]; p++)
			for (size_t f = 0; f < sizeof fields / sizeof fields[0]; f++)
				for (size_t c = 0; c < sizeof contents / sizeof contents[0]; c++)
					for (size_t a = 0; a < sizeof afters / sizeof afters[0]; a++)
						for (size_t l = 0; l < 2; l++) {
							if ((p + f + c + a) % 3 && t > 1 && l == 1)
								continue;   /* fewer CRLF combinations */
							struct variant v = {tops[t], pres[p], fields[f], contents[c],
									    afters[a], nls[l]};
							short_path += same_text(&v);
							total++;
						}
	/* the short path must be what the common shapes take */
	fprintf(stderr, "%zu of %zu messages took the short path\n", short_path, total);
	assert_true(short_path > total / 20);
	struct variant common = {tops[0], pres[0], fields[0], contents[0], afters[0], "\n"};
	assert_true(same_text(&common));
	struct variant b64 = {tops[1], pres[1], fields[2], contents[8], afters[1], "\n"};
	assert_true(same_text(&b64));
	struct variant crlf = {tops[0], pres[0], fields[0], contents[0], afters[0], "\r\n"};
	assert_false(same_text(&crlf));
	struct variant sig = {tops[0], pres[0], fields[0], contents[14], afters[0], "\n"};
	assert_false(same_text(&sig));
	struct variant bad = {tops[0], pres[0], fields[0], contents[5], afters[0], "\n"};
	assert_false(same_text(&bad));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_simple_matches_gmime),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
