/* text_test.c — the checker's tokeniser (lib/check/text.c) against a
 * byte-at-a-time reading of the same rules: words of every length around
 * the word loop's eight-byte groups and its 248- and 255-byte limits, in
 * every case pattern, with digits, at every offset and at the very end of
 * the text; each word's normalised form, hash and capital flags; and the
 * lexicon's probe of those tokens (lexicon.c compares them eight bytes at
 * a time). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "check/check_int.h"

/* What a word of ASCII letters and digits must become: its first 255 bytes
 * lower-cased, CK_TF_CAP for a capital first letter, CK_TF_ALLCAPS for at
 * least two letters all capitals (digits are not letters). */
static void expect_word(const struct ck_doc *d, size_t i, const char *w, size_t n, size_t at)
{
	char low[256];
	size_t nl = n < 255 ? n : 255;
	unsigned letters = 0, caps = 0;
	for (size_t k = 0; k < n; k++) {
		char c = w[k];
		if (k < nl)
			low[k] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
		letters += (c < '0' || c > '9');
		caps += c >= 'A' && c <= 'Z';
	}
	const struct ck_tok *t = &d->tok[i];
	assert_int_equal(t->type, CK_WORD);
	assert_int_equal(t->start, at);
	assert_int_equal(t->end, at + n);
	assert_int_equal(t->nlen, nl);
	assert_memory_equal(ck_norm(d, i), low, nl);
	assert_int_equal(ck_norm(d, i)[nl], '\0');
	assert_int_equal(t->hash, ck_hash(low, nl));
	assert_int_equal(!!(t->flags & CK_TF_CAP), w[0] >= 'A' && w[0] <= 'Z');
	assert_int_equal(!!(t->flags & CK_TF_ALLCAPS), letters >= 2 && caps == letters);
}

/* A word of N bytes in pattern P (0 lower, 1 capitalised, 2 capitals,
 * 3 mixed with digits, 4 capitals with a digit), made from SEED. */
static void make_word(char *w, size_t n, int p, unsigned seed)
{
	for (size_t k = 0; k < n; k++) {
		char c = (char)('a' + (seed + k * 7) % 26);
		if (p == 2 || p == 4 || (p == 1 && k == 0) || (p == 3 && k % 3 == 1))
			c = (char)(c - 32);
		if ((p == 3 && k % 5 == 4) || (p == 4 && k == n / 2 && k > 0))
			c = (char)('0' + k % 10);
		w[k] = c;
	}
}

static void test_ascii_words(void **state)
{
	(void)state;
	static const size_t lens[] = {1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 32, 33, 240, 247, 248,
				      249, 250, 255, 256, 257, 300};
	struct ck_doc d = {0};
	char text[1024], w[400];
	for (size_t li = 0; li < sizeof lens / sizeof lens[0]; li++)
		for (int p = 0; p < 5; p++)
			for (size_t lead = 0; lead < 9; lead++)
				for (int end = 0; end < 3; end++) {
					size_t n = lens[li];
					make_word(w, n, p, (unsigned)(li * 5 + (size_t)p + lead));
					/* spaces before it (word groups start at every offset),
					 * then the word at the end of the text, before a
					 * space and a second word, or before punctuation */
					size_t at = lead, len = lead;
					memset(text, ' ', lead);
					memcpy(text + len, w, n);
					len += n;
					static const char *const tails[] = {"", " and", ", so"};
					memcpy(text + len, tails[end], strlen(tails[end]));
					len += strlen(tails[end]);
					assert_true(ck_doc_parse(&d, text, len));
					assert_int_equal(d.ntok, end ? 2 : 1);
					expect_word(&d, 0, w, n, at);
					if (end) {
						expect_word(&d, 1, end == 1 ? "and" : "so", end == 1 ? 3 : 2,
							    len - (end == 1 ? 3 : 2));
						assert_int_equal(ck_post_cp(&d, 0), end == 1 ? 0 : ',');
					}
				}
	ck_doc_free(&d);
}

/* Words the eight-byte loop hands on to the slow path (apostrophes, letters
 * beyond ASCII) and hashes of what emit writes itself. */
static void test_slow_words(void **state)
{
	(void)state;
	static const struct { const char *text; const char *norm[4]; } cases[] = {
		{"We're", {"we", "are"}},
		{"DON\xE2\x80\x99T", {"do", "not"}},
		{"caf\xC3\xA9s Z\xC3\xBCrich", {"caf\xC3\xA9s", "z\xC3\xBCrich"}},
		{"O'Brien", {"o'brien"}},
		{"abcdefgh\xC3\xA9", {"abcdefgh\xC3\xA9"}},
		{"7 p.m. 12ab", {"7", "pm", "12ab"}},
		{"see a.b@example.com now", {"see", "<email>", "now"}},
	};
	struct ck_doc d = {0};
	for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
		assert_true(ck_doc_parse(&d, cases[c].text, strlen(cases[c].text)));
		size_t i = 0;
		for (; i < 4 && cases[c].norm[i]; i++) {
			assert_true(i < d.ntok);
			size_t n = strlen(cases[c].norm[i]);
			assert_int_equal(d.tok[i].nlen, n);
			assert_memory_equal(ck_norm(&d, i), cases[c].norm[i], n);
			assert_int_equal(d.tok[i].hash, ck_hash(cases[c].norm[i], n));
		}
		assert_int_equal(d.ntok, i);
	}
	ck_doc_free(&d);
}

/* ck_hash reads its bytes eight at a time: equal strings hash equal
 * whatever their alignment, and neighbours differ. */
static void test_hash(void **state)
{
	(void)state;
	char a[64], b[80];
	for (size_t n = 0; n <= 40; n++)
		for (size_t off = 0; off < 8; off++) {
			for (size_t k = 0; k < n; k++)
				a[k] = b[off + k] = (char)('a' + (k * 5 + n) % 26);
			assert_int_equal(ck_hash(a, n), ck_hash(b + off, n));
			if (n) {
				a[n - 1] ^= 1;
				assert_int_not_equal(ck_hash(a, n), ck_hash(b + off, n));
				a[n - 1] ^= 1;
				assert_int_not_equal(ck_hash(a, n), ck_hash(a, n - 1));
			}
		}
}

/* Line and column of every offset of a text with letters of one to four
 * bytes, asked in order (the cursor) and each on its own, against a count
 * of the code points from the line's start. */
static void test_linecol(void **state)
{
	(void)state;
	struct ck_doc d = {0};
	char text[2048];
	size_t n = 0;
	static const char *const bits[] = {"a", "caf\xC3\xA9 ", "\xE2\x80\x94", "\xF0\x9F\x99\x82", "word ",
					   "\n", "longer text here ", "\xC3\xBC"};
	for (unsigned k = 0; n < sizeof text - 8; k = k * 7 + 3) {
		const char *b = bits[k % 8];
		memcpy(text + n, b, strlen(b));
		n += strlen(b);
	}
	assert_true(ck_doc_parse(&d, text, n));
	struct ck_linecol cur = {0};
	unsigned line = 1, col = 1;
	for (size_t off = 0; off <= n; off++) {
		unsigned l1, c1, l2, c2;
		ck_doc_linecol(&d, &cur, off, &l1, &c1);
		ck_doc_linecol(&d, NULL, off, &l2, &c2);
		assert_int_equal(l1, line);
		assert_int_equal(c1, col);
		assert_int_equal(l2, line);
		assert_int_equal(c2, col);
		if (off < n && text[off] == '\n') {
			line++;
			col = 1;
		} else if (off < n && ((unsigned char)text[off] & 0xC0) != 0x80) {
			/* the next code point's first byte moves the column */
			size_t q = off + 1;
			while (q < n && ((unsigned char)text[q] & 0xC0) == 0x80)
				q++;
			for (size_t r = off + 1; r < q && r <= n; r++) {
				ck_doc_linecol(&d, NULL, r, &l2, &c2);
				assert_int_equal(c2, col + 1);
			}
			col++;
			off = q - 1;
		}
	}
	ck_doc_free(&d);
}

/* List words of 2 to 14 bytes (7, 8 and 9 among them), alone and in
 * phrases, found in any case at the end of the text and before another
 * word; a word one byte longer or shorter, or differing in its last byte,
 * is not. */
static void test_lexicon_words(void **state)
{
	(void)state;
	char *err = NULL;
	const struct ck_lex *lx = ck_lex_default(&err);
	assert_non_null(lx);
	static const struct { const char *w; enum ck_list l; } words[] = {
		{"az", L_JARGON},           {"bug", L_HARM},          {"lost", L_PARTICIPLE},
		{"sorry", L_APOLOGY},       {"hereby", L_CORPORATE},  {"potentially", L_HEDGING},
		{"apologizing", L_APOLOGY}, {"misconfigured", L_PARTICIPLE},
		{"unavailability", L_HARM}, {"aforementioned", L_CORPORATE},
		/* around the probe's first eight bytes (kept in its entry) */
		{"runbook", L_JARGON},      {"failover", L_JARGON},   {"oomkilled", L_JARGON},
	};
	struct ck_doc d = {0};
	char text[64];
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		for (int v = 0; v < 6; v++) {
			const char *w = words[i].w;
			size_t n = strlen(w);
			memcpy(text, w, n);
			if (v == 1)
				text[0] = (char)(text[0] - 32);
			if (v == 4)
				text[n - 1] = text[n - 1] == 'z' ? 'y' : 'z';
			size_t len = n;
			if (v == 2)
				len += (size_t)snprintf(text + len, sizeof text - len, " then");
			if (v == 3)
				text[len++] = 's';
			if (v == 5)
				len--;
			assert_true(ck_doc_parse(&d, text, len));
			assert_true(ck_lex_scan(lx, &d));
			bool in = v < 3;
			if (v == 3 && (!strcmp(w, "bug") || !strcmp(w, "runbook")))
				in = true;   /* "bugs" is a harm noun too, "runbooks" jargon */
			if (in != ck_has(&d, 0, words[i].l))
				fail_msg("'%.*s': %s list %d", (int)len, text, in ? "not in" : "in", words[i].l);
		}
	/* a phrase: its words walk the trie */
	static const char phrase[] = "please be advised that we will";
	assert_true(ck_doc_parse(&d, phrase, strlen(phrase)));
	assert_true(ck_lex_scan(lx, &d));
	bool hit = false;
	for (size_t h = 0; h < d.nhit; h++)
		hit |= d.hit[h].list == L_CORPORATE && d.hit[h].first == 0 && d.hit[h].last == 3;
	assert_true(hit);
	/* the per-token index into the hits: for every token, the first hit
	 * starting at or after it, with hits at the first and last tokens,
	 * two hits on one token and tokens after the last hit */
	static const char many[] = "Hereby we potentially apologize. Please be advised that the bug "
				   "was potentially hereby fixed, and then nothing else at all";
	assert_true(ck_doc_parse(&d, many, strlen(many)));
	assert_true(ck_lex_scan(lx, &d));
	assert_true(d.nhit >= 4);
	for (size_t h = 1; h < d.nhit; h++)
		assert_true(d.hit[h - 1].first <= d.hit[h].first);
	for (size_t t = 0; t <= d.ntok; t++) {
		size_t want = 0;
		while (want < d.nhit && d.hit[want].first < t)
			want++;
		assert_int_equal(ck_hit_lower(&d, t), want);
	}
	ck_doc_free(&d);
}

/* ck_is against strlen and memcmp: words passed through a table (not
 * literals, so no strlen folds), a word that is a prefix or an extension of
 * the token, the empty word, a first byte that matches and one that does
 * not, and tokens out of range. */
static void test_ck_is(void **state)
{
	(void)state;
	struct ck_doc d = {0};
	const char *text = "We were told it would have gone, then I ran a 5.2 test";
	assert_true(ck_doc_parse(&d, text, strlen(text)));
	static const char *const words[] = {"we", "were", "wer", "weren", "w", "", "told", "it",
		"would", "woul", "have", "haves", "gone", "then", "i", "ran", "a", "an", "5.2", "5",
		"test", "tests", "x", NULL};
	for (size_t i = 0; i <= d.ntok + 1; i++)
		for (size_t w = 0; words[w]; w++) {
			size_t n = strlen(words[w]);
			bool want = i < d.ntok && d.tok[i].nlen == n && !memcmp(ck_norm(&d, i), words[w], n);
			assert_int_equal(ck_is(&d, i, words[w]), want);
		}
	assert_true(ck_is(&d, 0, "we"));
	assert_false(ck_is(&d, 1, "wer"));
	assert_false(ck_is(&d, 1, "weren"));
	ck_doc_free(&d);
}

/* The punctuation beside a token, asked for after the parse: ASCII and
 * not, across spaces and tabs, none beside letters, digits, a line break or
 * the ends of the text, and none between the halves of a contraction
 * ("costs" has the ")" before it and the "£" after it). */
static void test_neighbour_cp(void **state)
{
	(void)state;
	struct ck_doc d = {0};
	const char *text = "(RCA) costs \xC2\xA3" "5 ,\t\xC2\xAB" "don't\xC2\xBB \xE2\x80\x94 [WIP]\nend";
	assert_true(ck_doc_parse(&d, text, strlen(text)));
	/* rca costs 5 do not wip end */
	assert_int_equal(d.ntok, 7);
	static const uint32_t pre[] = {'(', ')', 0xA3, 0xAB, 0, '[', 0};
	static const uint32_t post[] = {')', 0xA3, ',', 0, 0xBB, ']', 0};
	for (size_t i = 0; i < d.ntok; i++) {
		assert_int_equal(ck_pre_cp(&d, i), pre[i]);
		assert_int_equal(ck_post_cp(&d, i), post[i]);
	}
	ck_doc_free(&d);
}

/* "No." before a number is the word "number", not the negation "no"
 * (session 35: "the regulator on oven No. 7 was fitted with the wrong
 * spring" read as a denied passive); "No." before a word keeps its form,
 * and neither ends the sentence. Its bytes in the source are unchanged. */
static void test_number_abbrev(void **state)
{
	(void)state;
	struct ck_doc d = {0};
	const char *text = "Oven No. 7 and no. 12 failed. No. It was no one.";
	assert_true(ck_doc_parse(&d, text, strlen(text)));
	/* oven number 7 and number 12 failed no it was no one */
	assert_int_equal(d.ntok, 12);
	assert_true(ck_is(&d, 1, "number"));
	assert_int_equal(d.tok[1].start, 5);
	assert_int_equal(d.tok[1].end, 7);
	assert_int_equal(d.tok[1].hash, ck_hash("number", 6));
	assert_int_equal(ck_norm(&d, 1)[6], '\0');
	assert_true(ck_is(&d, 4, "number"));
	assert_true(ck_is(&d, 7, "no"));
	assert_true(ck_is(&d, 10, "no"));
	assert_int_equal(d.tok[2].sent, 0);
	assert_int_equal(d.tok[7].sent, 1);
	ck_doc_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ascii_words),
		cmocka_unit_test(test_slow_words),
		cmocka_unit_test(test_hash),
		cmocka_unit_test(test_linecol),
		cmocka_unit_test(test_lexicon_words),
		cmocka_unit_test(test_ck_is),
		cmocka_unit_test(test_neighbour_cp),
		cmocka_unit_test(test_number_abbrev),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
