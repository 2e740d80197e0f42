/* mime_test.c — lib/check/mime.c: ck_mime_decode reads the chosen part's
 * content and decodes it with GMime's decoder steps instead of
 * g_mime_text_part_get_text where that gives the same bytes. Messages made
 * from every charset, transfer encoding, byte oddity and multipart shape the
 * direct path looks at must give the text get_text gives; a few are pinned
 * to literal text; an entity without its MIME-Version field (archive.c
 * hands GMime none) reads the same as with it; the per-thread parser must
 * survive big messages, errors and two threads. */
#include <pthread.h>
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
#include "util/buf.h"

static void add(struct rd_buf *b, const char *s)
{
	assert_int_equal(rd_buf_add(b, s, strlen(s)), RD_OK);
}

static void add_n(struct rd_buf *b, const char *s, size_t n)
{
	assert_int_equal(rd_buf_add(b, s, n), RD_OK);
}

/* S[0..n) in ENC ("base64", "quoted-printable", "x-uuencode" or a
 * pass-through) appended to B, lines ending in EOL, then one more EOL: in a
 * multipart the boundary line that follows takes it. */
static void encode(struct rd_buf *b, const char *enc, const unsigned char *s, size_t n,
		   const char *eol)
{
	static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	char q[8];
	if (!strcmp(enc, "base64")) {
		size_t col = 0;
		for (size_t i = 0; i < n; i += 3) {
			unsigned v = (unsigned)s[i] << 16;
			if (i + 1 < n)
				v |= (unsigned)s[i + 1] << 8;
			if (i + 2 < n)
				v |= s[i + 2];
			q[0] = b64[v >> 18 & 63];
			q[1] = b64[v >> 12 & 63];
			q[2] = i + 1 < n ? b64[v >> 6 & 63] : '=';
			q[3] = i + 2 < n ? b64[v & 63] : '=';
			add_n(b, q, 4);
			if ((col += 4) >= 72) {
				add(b, eol);
				col = 0;
			}
		}
		add(b, eol);
	} else if (!strcmp(enc, "quoted-printable")) {
		size_t col = 0;
		for (size_t i = 0; i < n; i++) {
			unsigned char c = s[i];
			if (c == '\n') {
				add(b, eol);
				col = 0;
				continue;
			}
			if (col >= 60) {
				add(b, "=");
				add(b, eol);
				col = 0;
			}
			if (c == '=' || c < 32 || c > 126) {
				snprintf(q, sizeof q, "=%02X", c);
				add(b, q);
				col += 3;
			} else {
				add_n(b, (const char *)&c, 1);
				col++;
			}
		}
		add(b, eol);
	} else if (!strcmp(enc, "x-uuencode")) {
		add(b, "begin 644 t.txt");
		add(b, eol);
		for (size_t i = 0; i < n; i += 45) {
			size_t k = n - i < 45 ? n - i : 45;
			q[0] = (char)(32 + k);
			add_n(b, q, 1);
			for (size_t j = 0; j < k; j += 3) {
				unsigned v = (unsigned)s[i + j] << 16;
				if (j + 1 < k)
					v |= (unsigned)s[i + j + 1] << 8;
				if (j + 2 < k)
					v |= s[i + j + 2];
				for (int m = 3; m >= 0; m--) {
					unsigned d = v >> (6 * m) & 63;
					q[3 - m] = d ? (char)(32 + d) : '`';
				}
				add_n(b, q, 4);
			}
			add(b, eol);
		}
		add(b, "`");
		add(b, eol);
		add(b, "end");
		add(b, eol);
	} else {
		for (size_t i = 0; i < n; i++) {
			if (s[i] == '\n')
				add(b, eol);
			else
				add_n(b, (const char *)&s[i], 1);
		}
		add(b, eol);
	}
}

/* A text/plain part's fields and body. */
static void text_part(struct rd_buf *b, const char *cs, const char *enc, const char *body, size_t n,
		      const char *eol)
{
	add(b, "Content-Type: text/plain");
	if (cs) {
		add(b, "; charset=");
		add(b, cs);
	}
	add(b, eol);
	if (enc) {
		add(b, "Content-Transfer-Encoding: ");
		add(b, enc);
		add(b, eol);
	}
	add(b, eol);
	encode(b, enc ? enc : "", (const unsigned char *)body, n, eol);
}

enum shape { SINGLE, ALTERNATIVE, NESTED, ATTACHMENT_FIRST, N_SHAPES };

/* Whether entities open with "MIME-Version: 1.0": archive.c no longer hands
 * GMime that field, so with and without it the text must be the same. */
static bool mime_version = true;

/* A whole entity of SHAPE whose chosen text/plain part is CS, ENC, BODY. */
static void entity(struct rd_buf *b, enum shape sh, const char *cs, const char *enc, const char *body,
		   size_t n, const char *eol)
{
	if (mime_version) {
		add(b, "MIME-Version: 1.0");
		add(b, eol);
	}
	if (sh == SINGLE) {
		text_part(b, cs, enc, body, n, eol);
		return;
	}
	const char *html = "<p>not this one</p>";
	if (sh == NESTED) {
		add(b, "Content-Type: multipart/mixed; boundary=\"outer\"");
		add(b, eol);
		add(b, eol);
		add(b, "preamble");
		add(b, eol);
		add(b, "--outer");
		add(b, eol);
	}
	add(b, "Content-Type: multipart/alternative; boundary=\"in=ner\"");
	add(b, eol);
	add(b, eol);
	if (sh == ATTACHMENT_FIRST) {
		add(b, "--in=ner");
		add(b, eol);
		add(b, "Content-Type: text/plain; charset=utf-8");
		add(b, eol);
		add(b, "Content-Disposition: attachment; filename=a.txt");
		add(b, eol);
		add(b, eol);
		add(b, "an attachment, not the text");
		add(b, eol);
	}
	add(b, "--in=ner");
	add(b, eol);
	text_part(b, cs, enc, body, n, eol);
	add(b, "--in=ner");
	add(b, eol);
	add(b, "Content-Type: text/html; charset=utf-8");
	add(b, eol);
	add(b, "Content-Transfer-Encoding: base64");
	add(b, eol);
	add(b, eol);
	encode(b, "base64", (const unsigned char *)html, strlen(html), eol);
	add(b, "--in=ner--");
	add(b, eol);
	if (sh == NESTED) {
		add(b, "--outer");
		add(b, eol);
		add(b, "Content-Type: application/octet-stream");
		add(b, eol);
		add(b, eol);
		add(b, "xyz");
		add(b, eol);
		add(b, "--outer--");
		add(b, eol);
	}
	add(b, "epilogue");
	add(b, eol);
}

struct body {
	const char *s;
	size_t n;
};
#define BODY(lit) {lit, sizeof lit - 1}

static const struct body bodies[] = {
	BODY("Dear Sophie,\nWe apologise for the delay.\n"),
	BODY("Caf\xc3\xa9 na\xc3\xafve \xe2\x82\xac 100 \xf0\x9f\x98\x80 ok\n"),
	BODY("latin \xe9t\xe9 byte\n"),                    /* invalid UTF-8 */
	BODY("before\0after\n"),                            /* a NUL */
	BODY("surrogate \xed\xa0\x80 here\n"),              /* not UTF-8 */
	BODY("overlong \xc0\xaf here\n"),                   /* not UTF-8 */
	BODY("nonchar \xef\xbf\xbe and \xef\xbf\xbf\n"),    /* UTF-8, U+FFFE/U+FFFF */
	BODY("too high \xf4\x90\x80\x80\n"),                /* beyond U+10FFFF */
	BODY("cut at the end \xe2\x82"),                    /* truncated sequence */
	BODY("bom \xef\xbb\xbf then text\n"),
	BODY("a = sign, =3D and == and a long line that goes on and on past the sixty column fold\n"),
	BODY(""),
};

static const char *const charsets[] = {NULL,       "utf-8",    "UTF-8",         "\"utf-8\"", "utf8",
				       "us-ascii", "US-ASCII", "ascii", "iso-8859-1", "windows-1252",
				       "x-unknown-charset"};
static const char *const encodings[] = {NULL, "7bit", "8bit", "binary", "quoted-printable",
					"base64", "BASE64", "x-uuencode"};

static void same_as_get_text(void **state)
{
	(void)state;
	size_t cases = 0, texts = 0;
	for (int sh = 0; sh < N_SHAPES; sh++)
		for (size_t c = 0; c < sizeof charsets / sizeof *charsets; c++)
			for (size_t e = 0; e < sizeof encodings / sizeof *encodings; e++)
				for (size_t bi = 0; bi < sizeof bodies / sizeof *bodies; bi++)
					for (int crlf = 0; crlf < 2; crlf++) {
						struct rd_buf b = RD_BUF_INIT;
						entity(&b, (enum shape)sh, charsets[c], encodings[e],
						       bodies[bi].s, bodies[bi].n, crlf ? "\r\n" : "\n");
						char *t1 = NULL, *t2 = NULL, *e1 = NULL, *e2 = NULL;
						size_t l1 = 0, l2 = 0;
						enum rd_err r1 = ck_mime_decode_with(b.data, b.len, true,
										     &t1, &l1, &e1);
						enum rd_err r2 = ck_mime_decode_with(b.data, b.len, false,
										     &t2, &l2, &e2);
						struct rd_buf nv = RD_BUF_INIT;
						mime_version = false;
						entity(&nv, (enum shape)sh, charsets[c], encodings[e],
						       bodies[bi].s, bodies[bi].n, crlf ? "\r\n" : "\n");
						mime_version = true;
						char *t3 = NULL, *e3 = NULL;
						size_t l3 = 0;
						enum rd_err r3 = ck_mime_decode(nv.data, nv.len, &t3, &l3, &e3);
						if (r3 != r1 || l3 != l1 || (r1 == RD_OK && memcmp(t1, t3, l1)))
							fail_msg("shape %d charset %s encoding %s body %zu crlf %d: "
								 "without MIME-Version %d '%s', with %d '%s'",
								 sh, charsets[c] ? charsets[c] : "-",
								 encodings[e] ? encodings[e] : "-", bi, crlf, r3,
								 t3 ? t3 : "", r1, t1 ? t1 : "");
						free(t3);
						free(e3);
						rd_buf_free(&nv);
						if (r1 != r2 || l1 != l2 || (r1 == RD_OK && memcmp(t1, t2, l1)))
							fail_msg("shape %d charset %s encoding %s body %zu crlf %d: "
								 "direct %d %zu '%s', get_text %d %zu '%s'",
								 sh, charsets[c] ? charsets[c] : "-",
								 encodings[e] ? encodings[e] : "-", bi, crlf, r1, l1,
								 t1 ? t1 : "", r2, l2, t2 ? t2 : "");
						if (r1 == RD_OK) {
							assert_int_equal(strlen(t1), l1);
							texts++;
						}
						cases++;
						free(t1);
						free(t2);
						free(e1);
						free(e2);
						rd_buf_free(&b);
					}
	/* every case has a text/plain part GMime can read */
	assert_int_equal(texts, cases);
}

/* The text ck_mime_decode gives for the entity of SH, CS, ENC, BODY. */
static char *decode(enum shape sh, const char *cs, const char *enc, const char *body, const char *eol)
{
	struct rd_buf b = RD_BUF_INIT;
	entity(&b, sh, cs, enc, body, strlen(body), eol);
	char *t = NULL, *err = NULL;
	size_t len = 0;
	assert_int_equal(ck_mime_decode(b.data, b.len, &t, &len, &err), RD_OK);
	assert_null(err);
	rd_buf_free(&b);
	return t;
}

static void literal_texts(void **state)
{
	(void)state;
	static const struct {
		enum shape sh;
		const char *cs, *enc, *body, *eol, *want;
	} cases[] = {
		{ALTERNATIVE, "utf-8", "quoted-printable", "Caf\xc3\xa9 = ok\n", "\n", "Caf\xc3\xa9 = ok\n"},
		{ALTERNATIVE, "utf-8", "base64", "line one\nline two\n", "\n", "line one\nline two\n"},
		{NESTED, "us-ascii", "7bit", "nested text\n", "\n", "nested text\n"},
		{ATTACHMENT_FIRST, NULL, NULL, "the body\n", "\n", "the body\n"},
		/* a charset other than UTF-8 is converted by GMime */
		{ALTERNATIVE, "iso-8859-1", "quoted-printable", "caf\xe9\n", "\n", "caf\xc3\xa9\n"},
		{NESTED, "windows-1252", "base64", "\x80 5\n", "\n", "\xe2\x82\xac 5\n"},
		/* CRLF content keeps its CR: get_text does not convert line ends */
		{ALTERNATIVE, "utf-8", "8bit", "a\nb\n", "\r\n", "a\r\nb\r\n"},
		/* no charset: the bytes as they are, up to a NUL */
		{ALTERNATIVE, NULL, "8bit", "caf\xe9\n", "\n", "caf\xe9\n"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *t = decode(cases[i].sh, cases[i].cs, cases[i].enc, cases[i].body, cases[i].eol);
		if (strcmp(t, cases[i].want))
			fail_msg("case %zu: got '%s', want '%s'", i, t, cases[i].want);
		free(t);
	}
}

/* A message above the per-thread buffer's keep size, then small ones, then
 * one GMime rejects, then a small one again: the reused parser and stream
 * must give each its own text. */
static void reuse_after_big_and_bad(void **state)
{
	(void)state;
	size_t big = 200000;
	char *body = malloc(big + 1);
	assert_non_null(body);
	for (size_t i = 0; i < big; i++)
		body[i] = (i % 61 == 60) ? '\n' : (char)('a' + i % 26);
	body[big] = '\0';
	char *t = decode(ALTERNATIVE, "utf-8", "base64", body, "\n");
	assert_string_equal(t, body);
	free(t);
	free(body);
	t = decode(NESTED, "utf-8", "quoted-printable", "small one\n", "\n");
	assert_string_equal(t, "small one\n");
	free(t);
	const char *bad = "Content-Type: image/png\n\nnot text\n";
	char *err = NULL;
	size_t len = 0;
	t = NULL;
	assert_int_equal(ck_mime_decode(bad, strlen(bad), &t, &len, &err), RD_EINVAL);
	assert_null(t);
	assert_non_null(err);
	free(err);
	t = decode(SINGLE, "us-ascii", "base64", "after the error\n", "\n");
	assert_string_equal(t, "after the error\n");
	free(t);
}

static void *decode_many(void *arg)
{
	const char *word = arg;
	char want[64];
	snprintf(want, sizeof want, "%s\n", word);
	for (int i = 0; i < 300; i++) {
		char *t = decode((enum shape)(ALTERNATIVE + i % 3), i % 2 ? "utf-8" : NULL,
				 i % 3 ? "base64" : "quoted-printable", want, "\n");
		if (strcmp(t, want)) {
			free(t);
			return (void *)1;
		}
		free(t);
	}
	return NULL;
}

/* Two threads, each with its own parser, never see each other's text. */
static void two_threads(void **state)
{
	(void)state;
	pthread_t a, b;
	void *ra = (void *)1, *rb = (void *)1;
	assert_int_equal(pthread_create(&a, NULL, decode_many, "first thread's text"), 0);
	assert_int_equal(pthread_create(&b, NULL, decode_many, "second thread's text"), 0);
	assert_int_equal(pthread_join(a, &ra), 0);
	assert_int_equal(pthread_join(b, &rb), 0);
	assert_null(ra);
	assert_null(rb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(same_as_get_text),
		cmocka_unit_test(literal_texts),
		cmocka_unit_test(reuse_after_big_and_bad),
		cmocka_unit_test(two_threads),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
