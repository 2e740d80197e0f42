/* text.c — turns a message into tokens and sentences for the checker and
 * the extractor, in one forward pass over the bytes.
 *
 * Words are lower-cased (ASCII) and contractions are split into their full
 * forms ("we're" -> we|are, "don't" -> do|not) so word lists need one
 * spelling. Markdown is read just enough to stay out of the way: code spans,
 * fenced code, quoted lines ("> …", usually the client's own words) and HTML
 * comments yield no tokens; headings, list items and blank lines end
 * sentences; emphasis characters are ignored. */
#include <string.h>

#include "check/check_int.h"

/* glibc's malloc serves a request of 32 MiB or more (with its header and
 * page rounding) with a fresh mmap that free() unmaps, every time: pages
 * that fault in again on every message. Smaller ones move its mmap
 * threshold up when freed and come from the heap the next time. A doubling
 * that would cross that line stops below it when that is room enough. */
#define CK_HEAP_MAX (((size_t)32 << 20) - ((size_t)64 << 10))

_Static_assert(sizeof(struct ck_tok) == 28, "struct ck_tok is the checker's working set: keep it at 28 bytes");

static size_t grow_count(size_t cap, size_t need, size_t elsz)
{
	size_t n = cap ? cap : 64;
	while (n < need)
		n *= 2;
	if (n * elsz >= CK_HEAP_MAX && need * elsz <= CK_HEAP_MAX)
		n = CK_HEAP_MAX / elsz;
	return n;
}

static bool grow(void **p, size_t *cap, size_t need, size_t elsz)
{
	if (need <= *cap)
		return true;
	size_t n = grow_count(*cap, need, elsz);
	void *q = realloc(*p, n * elsz);
	if (!q)
		return false;
	*p = q;
	*cap = n;
	return true;
}

/* Room for NEED tokens in d->tok and d->cls, which share captok. */
static bool reserve_tok(struct ck_doc *d, size_t need)
{
	if (need <= d->captok)
		return true;
	size_t n = grow_count(d->captok, need, sizeof *d->tok);
	struct ck_tok *t = realloc(d->tok, n * sizeof *t);
	if (!t)
		return false;
	d->tok = t;
	uint64_t *c = realloc(d->cls, n * sizeof *c);
	if (!c)
		return false;
	d->cls = c;
	d->captok = n;
	return true;
}

/* Room for one more token. */
static bool grow_tok(struct ck_doc *d)
{
	return reserve_tok(d, d->ntok + 1);
}

/* Tokens a message of LEN bytes is reserved room for before its parse:
 * English prose has about one token per five bytes (the long_line text
 * 0.18). Doubling from 64 to a 4 MB message's 738,000 tokens copied
 * 16 MB of tokens and 4 MB of classes (and half as much before that)
 * into pages faulted in for the copy; reserved, the arrays are written
 * once, in order, and the pages never written are never faulted in
 * (trim_slack gives the room back). A message with more tokens grows on
 * from there; at most what stays below glibc's mmap line (CK_HEAP_MAX). */
static size_t tok_estimate(size_t len)
{
	size_t n = len / 5 + 64;
	return n > CK_HEAP_MAX / sizeof(struct ck_tok) ? CK_HEAP_MAX / sizeof(struct ck_tok) : n;
}

/* Unused room worth giving back at the end of a parse. */
#define CK_SLACK_MAX ((size_t)1 << 20)

/* The token and sentence arrays grew by doubling: a long message's are up
 * to half empty (a 4 MB line: 738,000 tokens in room for 1,046,000, 12 MB
 * of tokens and classes never written). Shrinking them in place gives that
 * room to what the rules allocate next, so the message's peak heap is
 * lower; a short message (under CK_SLACK_MAX of slack, an archive's
 * usual) keeps its room for the next. Failing to shrink loses nothing. */
static void trim_slack(struct ck_doc *d)
{
	size_t keep = d->ntok + 1;
	if ((d->captok - keep) * (sizeof *d->tok + sizeof *d->cls) >= CK_SLACK_MAX && d->captok > keep) {
		struct ck_tok *t = realloc(d->tok, keep * sizeof *t);
		if (t)
			d->tok = t;
		uint64_t *c = realloc(d->cls, keep * sizeof *c);
		if (c)
			d->cls = c;
		d->captok = keep;   /* both hold at least keep, shrunk or not */
	}
	keep = d->nsent + 1;
	if ((d->capsent - keep) * sizeof *d->sent >= CK_SLACK_MAX && d->capsent > keep) {
		struct ck_sent *s = realloc(d->sent, keep * sizeof *s);
		if (s)
			d->sent = s;
		d->capsent = keep;
	}
}

/* ---- the token hash ------------------------------------------------------
 * Eight bytes at a time (little-endian, the last group zero-padded), so the
 * word loop, which classifies and lower-cases a word eight bytes at a time,
 * hashes it in the same steps: one multiply per eight bytes where FNV-1a
 * made a chain of one multiply per byte. Each step keeps the product's high
 * half folded into its low half, since the tables index by the low bits. */
#define CK_HASH_SEED 0x6a09e667f3bcc908ull
#define CK_HASH_MUL 0x9e3779b97f4a7c15ull

static inline uint64_t hash_step(uint64_t h, uint64_t w)
{
	h = (h ^ w) * CK_HASH_MUL;
	return h ^ (h >> 32);
}

static inline uint32_t hash_end(uint64_t h, size_t n)
{
	return (uint32_t)hash_step(h, n);
}

uint32_t ck_hash(const char *s, size_t n)
{
	uint64_t h = CK_HASH_SEED;
	size_t i = 0;
	for (; n - i >= 8; i += 8)
		h = hash_step(h, ck_load_le64(s + i));
	if (i < n) {
		unsigned char last[8] = {0};
		memcpy(last, s + i, n - i);
		h = hash_step(h, ck_load_le64(last));
	}
	return hash_end(h, n);
}

int ck_utf8_dec(const unsigned char *s, size_t n, uint32_t *cp)
{
	unsigned char c = s[0];
	if (c < 0x80 || n < 2) {
		*cp = c;
		return 1;
	}
	if (c < 0xE0) {
		*cp = ((uint32_t)(c & 0x1F) << 6) | (s[1] & 0x3F);
		return 2;
	}
	if (c < 0xF0 || n < 4) {
		if (n < 3) {
			*cp = c;
			return 1;
		}
		*cp = ((uint32_t)(c & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
		return 3;
	}
	*cp = ((uint32_t)(c & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) |
	      ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
	return 4;
}

static bool is_space_cp(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\v' || cp == '\f' || cp == 0xA0 ||
	       (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F || cp == 0x3000 ||
	       cp == 0xFEFF;
}

bool ck_text_blank(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	for (size_t p = 0; p < n;) {
		uint32_t cp;
		p += (size_t)ck_utf8_dec(u + p, n - p, &cp);
		if (cp != '\n' && !is_space_cp(cp))
			return false;
	}
	return true;
}

static bool is_letter_cp(uint32_t cp)
{
	if (cp < 0x80)
		return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
	if (cp == 0xAA || cp == 0xB5 || cp == 0xBA)
		return true;
	if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7)
		return false;
	if ((cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) ||
	    (cp >= 0xE000 && cp <= 0xF8FF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
	    (cp >= 0xFF00 && cp <= 0xFF20) || (cp >= 0x1F000 && cp <= 0x1FAFF) || cp == 0xFEFF)
		return false;
	return true;
}

static bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static bool is_alpha(unsigned char c) { return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'); }
static bool is_alnum(unsigned char c) { return is_digit(c) || is_alpha(c); }

/* The word loop's ASCII classes, one load a byte instead of the four
 * comparisons of is_alnum and is_alpha (the loop runs over every letter of
 * the text); 0 for every other byte, non-ASCII included. Bits, so the loop
 * ORs them up, and A_UPPER is the bit that lower-cases an ASCII letter. */
enum { A_DIGIT = 1, A_LOWER = 2, A_UPPER = 0x20 };
static const uint8_t ascii_class[256] = {
	['0' ... '9'] = A_DIGIT, ['a' ... 'z'] = A_LOWER, ['A' ... 'Z'] = A_UPPER,
};

/* What the byte right after a word's ASCII run (NUL at the end of the
 * text) says of the word, one load for three tests that each word made:
 * W_END, the word ends there (ASCII that is not an apostrophe); W_ADDR, it
 * may be an e-mail address's local part; W_MARK, the run may be a URL's
 * scheme ("http:", "www.") or the "a" of "a.m.". Bytes from 0x80 are 0:
 * the word goes on in UTF-8. */
enum { W_END = 1, W_ADDR = 2, W_MARK = 4 };
static const uint8_t word_next[256] = {
	[0 ... '$'] = W_END, ['%'] = W_END | W_ADDR, ['&'] = W_END, ['(' ... '*'] = W_END,
	['+'] = W_END | W_ADDR, [','] = W_END, ['-'] = W_END | W_ADDR,
	['.'] = W_END | W_ADDR | W_MARK, ['/' ... '9'] = W_END, [':'] = W_END | W_MARK,
	[';' ... '?'] = W_END, ['@'] = W_END | W_ADDR, ['A' ... '^'] = W_END,
	['_'] = W_END | W_ADDR, ['`' ... 0x7F] = W_END,
};

/* ---- the parser state ---------------------------------------------------- */

struct tz_state {
	struct ck_doc *d;
	const unsigned char *s;
	size_t n, pos;
	uint8_t gap;               /* pending gap for the next token */
	char clause_ch;
	char term;                 /* pending sentence terminator */
	uint8_t tflags;            /* flags the next token takes: CK_TF_HEAD while the
				    * line is a heading, CK_TF_HYPH when joined by a
				    * hyphen (one OR a token, where two tests were) */
	bool first_in_line;
	size_t line_start;
	size_t prev_line_q;        /* where the previous non-blank line starts after its
				    * indent: its length and last character are asked
				    * of few lines (line_cps, line_last) */
	bool prev_line_blank;
	size_t splits;             /* CK_TF_SPLIT tokens: d->nwords is ntok less these */
};

static bool add_skip(struct ck_doc *d, size_t a, size_t b)
{
	if (d->nskip && d->skip[d->nskip - 1].end >= a) {
		if (b > d->skip[d->nskip - 1].end)
			d->skip[d->nskip - 1].end = (uint32_t)b;
		return true;
	}
	if (!grow((void **)&d->skip, &d->capskip, d->nskip + 1, sizeof *d->skip))
		return false;
	d->skip[d->nskip++] = (struct ck_range){(uint32_t)a, (uint32_t)b};
	return true;
}

/* Records the line starts inside a skipped multi-line span [a, b). */
static bool record_lines(struct ck_doc *d, const unsigned char *s, size_t a, size_t b)
{
	for (size_t r = a; r < b; r++) {
		if (s[r] != '\n')
			continue;
		if (!grow((void **)&d->line, &d->capline, d->nline + 1, sizeof *d->line))
			return false;
		d->line[d->nline++] = (uint32_t)(r + 1);
	}
	return true;
}

/* cp_before and cp_after ask of one character whether it is punctuation:
 * for an ASCII one (most of them) a table says it without decoding. 1 for
 * the bytes that give 0 (letters, digits, '\n'), 0 for the rest. */
static const uint8_t ascii_quiet[128] = {
	['0' ... '9'] = 1, ['a' ... 'z'] = 1, ['A' ... 'Z'] = 1, ['\n'] = 1,
};

static uint32_t cp_before(const unsigned char *s, size_t start)
{
	size_t p = start;
	while (p > 0 && (s[p - 1] == ' ' || s[p - 1] == '\t'))
		p--;
	if (p == 0)
		return 0;
	if (s[p - 1] < 0x80)
		return ascii_quiet[s[p - 1]] ? 0 : s[p - 1];
	size_t q = p - 1;
	while (q > 0 && (s[q] & 0xC0) == 0x80)
		q--;
	uint32_t cp;
	ck_utf8_dec(s + q, p - q, &cp);
	if (cp == '\n' || is_letter_cp(cp) || (cp < 0x80 && is_digit((unsigned char)cp)))
		return 0;
	return cp;
}

static uint32_t cp_after(const unsigned char *s, size_t n, size_t end)
{
	size_t p = end;
	while (p < n && (s[p] == ' ' || s[p] == '\t'))
		p++;
	if (p >= n)
		return 0;
	if (s[p] < 0x80)
		return ascii_quiet[s[p]] ? 0 : s[p];
	uint32_t cp;
	ck_utf8_dec(s + p, n - p, &cp);
	if (cp == '\n' || is_letter_cp(cp) || (cp < 0x80 && is_digit((unsigned char)cp)))
		return 0;
	return cp;
}

uint32_t ck_pre_cp(const struct ck_doc *d, size_t i)
{
	const struct ck_tok *t = &d->tok[i];
	return (t->flags & CK_TF_SPLIT) ? 0 : cp_before((const unsigned char *)d->text, t->start);
}

uint32_t ck_post_cp(const struct ck_doc *d, size_t i)
{
	const struct ck_tok *t = &d->tok[i];
	if (i + 1 < d->ntok && d->tok[i + 1].start == t->end)
		return 0;
	return cp_after((const unsigned char *)d->text, d->len, t->end);
}

/* Appends one token whose normalised text (nlen bytes, hash) has already
 * been written at d->norm + d->nnorm, with room for its NUL. Inlined: it
 * runs once a token, and the call with its seven arguments cost a tenth of it. */
static inline __attribute__((always_inline)) bool emit_at(struct tz_state *st, size_t a, size_t b, size_t nlen, uint32_t hash,
		    uint8_t type, uint8_t flags)
{
	struct ck_doc *d = st->d;
	if (d->ntok + 1 > d->captok && !grow_tok(d))
		return false;
	uint8_t gap = st->gap;
	if (d->ntok == 0)
		gap |= CK_G_SENT;
	if (gap & CK_G_SENT) {
		if (d->nsent) {
			struct ck_sent *ps = &d->sent[d->nsent - 1];
			ps->last = (uint32_t)d->ntok;
			ps->end = d->tok[d->ntok - 1].end;
			ps->term = st->term;
		}
		if (!grow((void **)&d->sent, &d->capsent, d->nsent + 1, sizeof *d->sent))
			return false;
		d->sent[d->nsent++] = (struct ck_sent){.first = (uint32_t)d->ntok, .start = (uint32_t)a};
		st->term = 0;
	}
	/* built whole and stored once: field by field, every bit-field was a
	 * read-modify-write of its word */
	d->tok[d->ntok] = (struct ck_tok){
		.start = (uint32_t)a,
		.end = (uint32_t)b,
		.norm = (uint32_t)d->nnorm,
		.hash = hash,
		.sent = (uint32_t)(d->nsent - 1),
		.type = type,
		.gap = gap,
		.clause_ch = (uint8_t)st->clause_ch,
		.kw = -1, /* ck_lex_scan's probe sets it (ck_doc_kw without a lexicon) */
		.flags = flags | st->tflags,
		.nlen = (uint8_t)nlen,
	};
	/* d->cls[d->ntok] is left to ck_lex_scan, which sets every token's,
	 * and d->nwords to the end of the parse (a store each less a token) */
	d->norm[d->nnorm + nlen] = '\0';
	d->nnorm += nlen + 1;
	d->ntok++;
	st->gap = 0;
	st->clause_ch = 0;
	st->tflags &= (uint8_t)~CK_TF_HYPH;
	return true;
}

static inline bool norm_room(struct ck_doc *d, size_t n)
{
	return d->nnorm + n + 1 <= d->capnorm || grow((void **)&d->norm, &d->capnorm, d->nnorm + n + 1, 1);
}

/* Appends one token with normalised text norm[0..nlen). */
static bool emit(struct tz_state *st, size_t a, size_t b, const char *norm, size_t nlen,
		 uint8_t type, uint8_t flags)
{
	if (!norm_room(st->d, nlen))
		return false;
	memcpy(st->d->norm + st->d->nnorm, norm, nlen);
	return emit_at(st, a, b, nlen, ck_hash(norm, nlen), type, flags);
}

static bool norm_add(char *buf, size_t *n, size_t cap, const unsigned char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (*n >= cap)
			return false;
		unsigned char c = s[i];
		if (c == 0xE2 && i + 2 < len && s[i + 1] == 0x80 && (s[i + 2] == 0x98 || s[i + 2] == 0x99)) {
			buf[(*n)++] = '\'';
			i += 2;
			continue;
		}
		buf[(*n)++] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
	}
	return true;
}

/* Emits a word, splitting a contraction into its two full forms. */
static bool emit_word(struct tz_state *st, size_t a, size_t b, uint8_t flags)
{
	char buf[256];
	size_t n = 0;
	if (!norm_add(buf, &n, sizeof buf - 1, st->s + a, b - a))
		return emit(st, a, b, (const char *)st->s + a, b - a > 255 ? 255 : b - a, CK_WORD, flags);
	/* contractions: the normalised form uses ' for both apostrophes */
	static const struct { const char *suf; const char *full; } ctr[] = {
		{"n't", "not"}, {"'re", "are"}, {"'ll", "will"}, {"'ve", "have"},
		{"'m", "am"}, {"'d", "would"}, {"'s", "'s"},
	};
	for (size_t k = 0; k < sizeof ctr / sizeof ctr[0]; k++) {
		size_t sl = strlen(ctr[k].suf);
		if (n > sl && memcmp(buf + n - sl, ctr[k].suf, sl) == 0) {
			size_t base = n - sl;
			/* the apostrophe in the source (1 or 3 bytes) */
			size_t ap = b;
			while (ap > a && st->s[ap - 1] != '\'' && st->s[ap - 1] != 0x99)
				ap--;
			if (ap == a)
				break;
			ap -= st->s[ap - 1] == 0x99 ? 3 : 1;
			size_t split = k == 0 ? ap - 1 : ap;
			if (split <= a)
				break;
			const char *stem = buf;
			size_t stemlen = base;
			if (k == 0) {
				/* won't -> will not, can't -> can not, shan't -> shall not */
				if (base == 2 && memcmp(buf, "wo", 2) == 0) {
					stem = "will";
					stemlen = 4;
				} else if (base == 2 && memcmp(buf, "ca", 2) == 0) {
					stem = "can";
					stemlen = 3;
				} else if (base == 3 && memcmp(buf, "sha", 3) == 0) {
					stem = "shall";
					stemlen = 5;
				} else if (base == 2 && memcmp(buf, "ai", 2) == 0) {
					stem = "is";
					stemlen = 2;
				}
			}
			if (!emit(st, a, split, stem, stemlen, CK_WORD, flags))
				return false;
			st->splits++;
			return emit(st, split, b, ctr[k].full, strlen(ctr[k].full), CK_WORD,
				    CK_TF_SPLIT);
		}
	}
	return emit(st, a, b, buf, n, CK_WORD, flags);
}

/* A word without an apostrophe: lower-cased straight into the norm buffer. */
static bool emit_plain(struct tz_state *st, size_t a, size_t b, uint8_t flags)
{
	size_t n = b - a < 255 ? b - a : 255;
	if (!norm_room(st->d, n))
		return false;
	const unsigned char *s = st->s + a;
	char *o = st->d->norm + st->d->nnorm;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = s[i];
		o[i] = (char)((c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c);
	}
	return emit_at(st, a, b, n, ck_hash(o, n), CK_WORD, flags);
}

/* Gives the last token the normalised form w (its bytes in the source
 * stay as they are). */
static bool renorm_last(struct ck_doc *d, const char *w)
{
	size_t n = strlen(w);
	if (!norm_room(d, n))
		return false;
	memcpy(d->norm + d->nnorm, w, n);
	struct ck_tok *t = &d->tok[d->ntok - 1];
	t->norm = (uint32_t)d->nnorm;
	t->nlen = (uint8_t)n;
	t->hash = ck_hash(w, n);
	d->norm[d->nnorm + n] = '\0';
	d->nnorm += n + 1;
	return true;
}

static bool is_abbrev(const struct ck_doc *d)
{
	if (!d->ntok)
		return false;
	const struct ck_tok *t = &d->tok[d->ntok - 1];
	const char *w = d->norm + t->norm;
	if (t->type != CK_WORD || t->nlen > 6)
		return false;
	if (t->nlen == 1)
		return true;
	/* by length, so each compare is of a constant size (inlined, no call):
	 * this runs at every full stop before a capital */
	static const char ab2[][2] = {"mr", "ms", "dr", "st", "vs", "co", "jr", "sr", "no", "cf",
		"ca", "am", "pm", "eg", "ie", "ph"};
	static const char ab3[][3] = {"mrs", "inc", "ltd", "nos", "fig", "hrs", "jan", "feb", "mar",
		"apr", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "mon", "tue", "wed", "thu",
		"fri", "sat", "sun", "ref", "tel"};
	static const char ab4[][4] = {"prof", "dept", "mins", "sept", "tues", "incl"};
	switch (t->nlen) {
	case 2:
		for (size_t i = 0; i < sizeof ab2 / sizeof ab2[0]; i++)
			if (!memcmp(w, ab2[i], 2))
				return true;
		return false;
	case 3:
		for (size_t i = 0; i < sizeof ab3 / sizeof ab3[0]; i++)
			if (!memcmp(w, ab3[i], 3))
				return true;
		return false;
	case 4:
		for (size_t i = 0; i < sizeof ab4 / sizeof ab4[0]; i++)
			if (!memcmp(w, ab4[i], 4))
				return true;
		return false;
	case 5:
		return !memcmp(w, "thurs", 5);
	case 6:
		return !memcmp(w, "approx", 6);
	default:
		return false;
	}
}

/* The code points (bytes that start one) of the line s[q..eol), up to 40:
 * only "fewer than 40" is asked, of a line after which the next starts
 * with a capital, so it is counted then, not for every line; eight bytes
 * at a time, code points being the bytes that are not 10xxxxxx. */
static size_t line_cps(const unsigned char *s, size_t q, size_t eol)
{
	if (eol - q >= 160)
		return 40;   /* 160 bytes hold at least 40 code points */
	size_t r = q, cps = 0;
	for (; eol - r >= 8 && cps < 40; r += 8) {
		uint64_t x;
		memcpy(&x, s + r, 8);
		uint64_t cont = x & ~(x << 1) & 0x8080808080808080u;
		cps += 8 - (cont ? (size_t)__builtin_popcountll(cont) : 0);
	}
	for (; r < eol && cps < 40; r++)
		cps += (s[r] & 0xC0) != 0x80;
	return cps > 40 ? 40 : cps;
}

/* The end of the line that s[q] is on: its '\n', or n. */
static size_t line_end(const unsigned char *s, size_t n, size_t q)
{
	const unsigned char *nl = q < n ? memchr(s + q, '\n', n - q) : NULL;
	return nl ? (size_t)(nl - s) : n;
}

/* The last code point of the line s[q..eol) that is not a space, a tab or
 * a '\r'; 0 when there is none. */
static uint32_t line_last(const unsigned char *s, size_t q, size_t eol)
{
	size_t e2 = eol;
	while (e2 > q && (s[e2 - 1] == ' ' || s[e2 - 1] == '\t' || s[e2 - 1] == '\r'))
		e2--;
	uint32_t lastcp = 0;
	if (e2 > q) {
		size_t b = e2 - 1;
		while (b > q && (s[b] & 0xC0) == 0x80)
			b--;
		ck_utf8_dec(s + b, e2 - b, &lastcp);
	}
	return lastcp;
}

/* Handles the start of a line: blank lines, fences, quotes, headings and
 * list markers. Returns the position to continue from. */
static size_t line_start(struct tz_state *st, size_t p, bool *in_fence)
{
	struct ck_doc *d = st->d;
	const unsigned char *s = st->s;
	size_t n = st->n;
	if (!grow((void **)&d->line, &d->capline, d->nline + 1, sizeof *d->line)) {
		d->oom = true;
		return n;
	}
	d->line[d->nline++] = (uint32_t)p;
	st->line_start = p;
	st->tflags &= (uint8_t)~CK_TF_HEAD;
	size_t q = p;
	while (q < n && (s[q] == ' ' || s[q] == '\t'))
		q++;
	/* the line's end is looked for only where it is needed: a fence, a
	 * quote and a blank line are skipped to it; any other line is read on
	 * by the word loop, and its end is found again only when the next
	 * line asks for its last character (line_last). The tests below that
	 * stay within the line test for '\n' where they compared with its end. */
	bool fence = q + 3 <= n && ((s[q] == '`' && s[q + 1] == '`' && s[q + 2] == '`') ||
				    (s[q] == '~' && s[q + 1] == '~' && s[q + 2] == '~'));
	if (fence || *in_fence) {
		size_t eol = line_end(s, n, q);
		if (fence)
			*in_fence = !*in_fence;
		if (!add_skip(d, p, eol))
			d->oom = true;
		st->gap |= CK_G_SENT | CK_G_PARA;
		return eol;
	}
	if (q >= n || s[q] == '\n' || (s[q] == '\r' && (q + 1 == n || s[q + 1] == '\n'))) {
		/* blank */
		st->gap |= CK_G_SENT | CK_G_PARA | CK_G_LINE;
		st->prev_line_blank = true;
		return q >= n || s[q] == '\n' ? q : q + 1;
	}
	if (s[q] == '>') {
		size_t eol = line_end(s, n, q);
		if (!add_skip(d, p, eol))
			d->oom = true;
		st->gap |= CK_G_SENT | CK_G_PARA;
		st->prev_line_blank = true;
		return eol;
	}
	/* a wrapped line continues its sentence unless it looks like a new one */
	if (!st->prev_line_blank && d->ntok) {
		st->gap |= CK_G_LINE;
		uint32_t cp = 0;
		ck_utf8_dec(s + q, n - q, &cp);
		bool upper = cp < 0x80 ? (cp >= 'A' && cp <= 'Z') : is_letter_cp(cp);
		if (upper) {
			size_t pq = st->prev_line_q, pe = line_end(s, n, pq);
			uint32_t last = line_last(s, pq, pe);
			if (last == ',' || last == ':' || last == ';' || line_cps(s, pq, pe) < 40 ||
			    !(is_letter_cp(last) || (last < 0x80 && is_digit((unsigned char)last))))
				st->gap |= CK_G_SENT;
		}
	}
	st->prev_line_blank = false;
	st->prev_line_q = q;   /* for the next line's decision */
	if (s[q] == '#') {
		size_t h = q;
		while (h < n && s[h] == '#')
			h++;
		if (h - q <= 6 && (h == n || s[h] == '\n' || s[h] == ' ' || s[h] == '\t')) {
			st->tflags |= CK_TF_HEAD;
			st->gap |= CK_G_SENT | CK_G_PARA;
			return h;
		}
	}
	if ((s[q] == '-' || s[q] == '*' || s[q] == '+') && q + 1 < n && (s[q + 1] == ' ' || s[q + 1] == '\t')) {
		st->gap |= CK_G_SENT | CK_G_PARA;
		return q + 1;
	}
	if (is_digit(s[q])) {
		size_t h = q;
		while (h < n && is_digit(s[h]) && h - q < 4)
			h++;
		if (h + 1 < n && (s[h] == '.' || s[h] == ')') && s[h + 1] == ' ') {
			st->gap |= CK_G_SENT | CK_G_PARA;
			return h + 1;
		}
	}
	return q;
}

static bool url_start(const unsigned char *s, size_t n, size_t p)
{
	unsigned char c = s[p] | 0x20, c2 = s[p + 1 < n ? p + 1 : p] | 0x20;
	if (p + 4 >= n || !((c == 'h' && c2 == 't') || (c == 'w' && c2 == 'w') ||
			     (c == 'm' && c2 == 'a') || (c == 'f' && c2 == 't')))
		return false;
	static const char *const pre[] = {"http://", "https://", "www.", "mailto:", "ftp://"};
	static const size_t plen[] = {7, 8, 4, 7, 6};
	for (size_t i = 0; i < 5; i++) {
		size_t l = plen[i];
		if (p + l < n && strncasecmp((const char *)s + p, pre[i], l) == 0)
			return true;
	}
	return false;
}

/* An e-mail address starting at p, whose local part is known to run at
 * least to FROM (where its scan starts): returns its end, or 0. *local_end is
 * where the local part stopped: every later start before it stops there
 * too, with the same answer, so the caller need not ask again (a long
 * "a.b.c.d…" run would otherwise be rescanned from each word). */
static size_t email_end(const unsigned char *s, size_t n, size_t p, size_t from, size_t *local_end)
{
	size_t q = from;
	while (q < n && (is_alnum(s[q]) || s[q] == '.' || s[q] == '_' || s[q] == '%' || s[q] == '+' || s[q] == '-'))
		q++;
	*local_end = q;
	if (q >= n || s[q] != '@' || q == p)
		return 0;
	size_t r = q + 1;
	bool dot = false;
	while (r < n && (is_alnum(s[r]) || s[r] == '-' || (s[r] == '.' && r + 1 < n && is_alnum(s[r + 1])))) {
		if (s[r] == '.')
			dot = true;
		r++;
	}
	return dot ? r : 0;
}

/* ---- the ASCII word, eight bytes at a time ----------------------------- */

#define SW_ONES 0x0101010101010101ull
#define SW_HIGH 0x8080808080808080ull

/* 0x80 in each byte of x7 (bytes below 0x80) that is at least k (1..128):
 * adding 0x80 - k carries into the byte's high bit exactly then, and
 * never out of the byte. */
static inline uint64_t sw_ge(uint64_t x7, unsigned k)
{
	return (x7 + SW_ONES * (0x80 - k)) & SW_HIGH;
}

static inline void store_le64(void *p, uint64_t x)
{
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	x = __builtin_bswap64(x);
#endif
	memcpy(p, &x, 8);
}

/* What the word loop reads of a run: not zero when the run has lower-case
 * letters (low), capitals (up), digits (dig). When the capitals were
 * counted, caps_of(up) is their count up to 2: up is then the capitals'
 * mask of a one-group run, and for a longer one a mask standing for their
 * count; asked only of the few words that need it, not made for each. */
struct ascii_run {
	size_t n;          /* bytes of ASCII letters and digits */
	uint32_t hash;     /* ck_hash of the first min(n, 255), lower-cased */
	uint64_t low, up, dig;
};

/* The ASCII word s[0..n) has a lower-case letter followed by two capitals
 * ("IndexedDB", "PostgreSQL", "GraphQL"): CK_TF_MIXED. "McDonald" has
 * one, "PDFs" no lower-case letter before its capitals. */
static bool caps_after_lower(const unsigned char *s, size_t n)
{
	for (size_t i = 1; i + 1 < n; i++)
		if (ascii_class[s[i - 1]] == A_LOWER && ascii_class[s[i]] == A_UPPER && ascii_class[s[i + 1]] == A_UPPER)
			return true;
	return false;
}

/* One group of eight bytes of a run: which are letters, capitals and
 * digits (0x80 in each such byte), and the bytes up to the first of any
 * other (stop: 0x80 in each of those; keep: 0xff in each byte before the
 * first), lower-cased and cut there (w). */
struct ascii_group {
	uint64_t alpha, upper, digit, stop, keep, w;
};

static inline struct ascii_group ascii_group_of(uint64_t x)
{
	struct ascii_group g;
	uint64_t x7 = x & ~SW_HIGH, ascii = ~x & SW_HIGH;
	uint64_t l7 = x7 | (SW_ONES * 0x20);
	g.alpha = sw_ge(l7, 'a') & ~sw_ge(l7, 'z' + 1) & ascii;
	/* a letter is a capital when its 0x20 bit is clear: that bit
	 * moved up to 0x80, so two range tests fewer a group */
	g.upper = g.alpha & ~(x << 2);
	g.digit = sw_ge(x7, '0') & ~sw_ge(x7, '9' + 1) & ascii;
	g.stop = ~(g.alpha | g.digit) & SW_HIGH;
	/* the bytes before the first that is not a letter or digit */
	g.keep = g.stop ? ((uint64_t)1 << (__builtin_ctzll(g.stop) & ~7u)) - 1 : ~(uint64_t)0;
	g.w = (x | (g.upper >> 2)) & g.keep;
	return g;
}

/* The eight bytes at s, of which avail (< 8) are there: NUL after them,
 * which ends the run. */
static inline uint64_t load_short(const unsigned char *s, size_t avail)
{
	unsigned char t[8] = {0};
	memcpy(t, s, avail);
	return ck_load_le64(t);
}

/* Capitals in the group's mask u, counted up to 2. */
static inline unsigned caps_of(uint64_t u)
{
	return (u != 0) + ((u & (u - 1)) != 0);
}

/* Scans the run of ASCII letters and digits at s[0..avail): eight bytes are
 * classified, lower-cased, stored at lo and hashed in a few word-wide
 * operations, so the word's end is found without a branch per byte (the
 * loop's exit was mispredicted about once a word). lo needs 255 + 8 bytes
 * of room (a group is stored whole, zeros past the word). Returns true when
 * caps_of(run->up) is the count of capitals up to 2; a run of 248 bytes or more is
 * scanned a byte at a time instead, its capitals not counted (false). */
static inline bool ascii_word(const unsigned char *s, size_t avail, char *lo, struct ascii_run *run)
{
	/* the first group apart: most words end in it, and their facts come
	 * from its masks alone, without the loop's running ones */
	struct ascii_group g = ascii_group_of(avail >= 8 ? ck_load_le64(s) : load_short(s, avail));
	store_le64(lo, g.w);
	uint64_t kh = g.keep & SW_HIGH;
	uint64_t low = g.alpha & ~g.upper & kh, up = g.upper & kh, dig = g.digit & kh;
	uint64_t up0 = up;
	unsigned caps = 0;   /* of the groups after the first */
	uint64_t h = CK_HASH_SEED;
	for (size_t i = 0;;) {
		if (g.stop) {
			size_t k = (size_t)__builtin_ctzll(g.stop) >> 3;
			if (k)
				h = hash_step(h, g.w);
			run->n = i + k;
			run->hash = hash_end(h, i + k);
			run->low = low;
			if (i) {   /* a mask for the count: 0, 1 or 2 bits */
				caps += caps_of(up0);
				up = caps > 1 ? 0x8080 : caps;
			}
			run->up = up;
			run->dig = dig;
			return true;
		}
		h = hash_step(h, g.w);
		i += 8;
		if (i >= 248)
			break;
		g = ascii_group_of(avail - i >= 8 ? ck_load_le64(s + i) : load_short(s + i, avail - i));
		store_le64(lo + i, g.w);
		kh = g.keep & SW_HIGH;
		low |= g.alpha & ~g.upper & kh;
		dig |= g.digit & kh;
		uint64_t u = g.upper & kh;
		up |= u;
		caps += caps_of(u);
	}
	/* a long run: the first 255 bytes lower-cased, the rest only scanned */
	size_t q = 0;
	uint8_t seen = 0;
	size_t cut = avail > 255 ? 255 : avail;
	for (uint8_t k; q < cut && (k = ascii_class[s[q]]) != 0; q++) {
		seen |= k;
		lo[q] = (char)(s[q] | (k & A_UPPER));
	}
	for (uint8_t k; q < avail && (k = ascii_class[s[q]]) != 0; q++)
		seen |= k;
	run->n = q;
	run->hash = ck_hash(lo, q < 255 ? q : 255);
	run->low = seen & A_LOWER;
	run->up = seen & A_UPPER;
	run->dig = seen & A_DIGIT;
	return false;
}

bool ck_doc_parse(struct ck_doc *d, const char *text, size_t len)
{
	d->text = text;
	d->len = len;
	d->ntok = d->nwords = d->nsent = d->nnorm = d->nskip = d->nhit = d->nline = 0;
	d->oom = false;
	d->specials = false;
	if (!reserve_tok(d, tok_estimate(len)))
		return false;
	struct tz_state st = {.d = d, .s = (const unsigned char *)text, .n = len,
			      .prev_line_blank = true};
	const unsigned char *s = st.s;
	bool in_fence = false;
	size_t p = 0;
	bool at_line = true;
	/* memos that keep one pass linear on long lines: where the last failed
	 * e-mail scan stopped, and for each backtick run length where the last
	 * search for its closing run gave up (the paragraph end) */
	size_t no_email_before = 0;
	size_t no_close_before[16] = {0};
	while (p < len && !d->oom) {
		if (at_line) {
			at_line = false;
			p = line_start(&st, p, &in_fence);
			continue;
		}
		unsigned char c = s[p];
		if (c == '\n') {
			if (st.tflags & CK_TF_HEAD)
				st.gap |= CK_G_SENT;
			p++;
			at_line = true;
			continue;
		}
		if (c == ' ' || c == '\t' || c == '\r') {
			p++;
			continue;
		}
		if (is_alpha(c) || c >= 0x80) {
			uint32_t cp = c;
			int k = c >= 0x80 ? ck_utf8_dec(s + p, len - p, &cp) : 1;
			if (c >= 0x80 && !is_letter_cp(cp)) {
				/* punctuation or space outside ASCII */
				if (is_space_cp(cp)) {
				} else if (cp == 0x2014 || cp == 0x2013) {
					st.gap |= CK_G_CLAUSE;
					st.clause_ch = '-';
				} else if (cp == 0x2026) {
					st.gap |= CK_G_SENT;
					st.term = '.';
				} else if (cp == 0x201C || cp == 0x201D || cp == 0x2018 || cp == 0x2019 ||
					   cp == 0xAB || cp == 0xBB) {
				} else {
					st.gap |= CK_G_PUNCT;
				}
				p += (size_t)k;
				continue;
			}
			unsigned upper = 0, letters = 0;
			bool first_upper = false, apos = false;
			/* the ASCII run of letters and digits, lower-cased into the
			 * norm buffer and hashed as it is scanned (the first 255
			 * bytes, what emit_plain keeps), so a word that ends there
			 * needs no second pass */
			if (!norm_room(d, 255 + 8))
				return false;
			char *lo = d->norm + d->nnorm;
			struct ascii_run run;
			bool counted = ascii_word(s + p, len - p, lo, &run);
			size_t q = p + run.n;
			uint8_t next = word_next[q < len ? s[q] : 0];
			/* a URL's scheme is a run of three to six letters before ':'
			 * or '.' ("http:", "www."), "a.m." a run of one before '.':
			 * tested only after such a run, not at every word's start
			 * (the run written into the norm buffer is written over) */
			if (next & W_MARK) {
				if (run.n >= 3 && run.n <= 6 && url_start(s, len, p)) {
					size_t u = p;
					while (u < len && s[u] > ' ' && s[u] != '<' && s[u] != '>' && s[u] != '"' && s[u] != ')')
						u++;
					while (u > p && strchr(".,;:!?'", s[u - 1]))
						u--;
					if (!emit(&st, p, u, "<url>", 5, CK_URL, 0))
						return false;
					p = u;
					continue;
				}
				/* "a.m." / "p.m." */
				if (p + 3 < len && s[p + 1] == '.' && ((c | 0x20) == 'a' || (c | 0x20) == 'p') &&
				    (s[p + 2] | 0x20) == 'm' && s[p + 3] == '.' && (p == 0 || !is_alnum(s[p - 1]))) {
					if (!emit(&st, p, p + 4, (c | 0x20) == 'a' ? "am" : "pm", 2, CK_WORD, 0))
						return false;
					p += 4;
					continue;
				}
			}
			uint32_t h = run.hash;
			first_upper = ascii_class[c] == A_UPPER;   /* then the run has it */
			letters = (unsigned)(q - p);
			if (!counted) {
				/* letters and capitals counted one by one, only when the
				 * run has a digit or a capital */
				if (run.dig | run.up) {
					letters = 0;
					for (size_t r = p; r < q; r++) {
						letters += ascii_class[s[r]] != A_DIGIT;
						upper += ascii_class[s[r]] == A_UPPER;
					}
				}
			} else if (run.low) {
				/* not all capitals: what the flags need; and two
				 * capitals or more (caps_of) in a capitalised word
				 * with lower case are rare, so the exact look for
				 * CK_TF_MIXED is taken for a few words a text, its
				 * answer kept as an upper count past letters (a flag
				 * of its own, live across the loop below, cost the
				 * tokeniser 1% of its instructions) */
				upper = first_upper && caps_of(run.up) == 2 && caps_after_lower(s + p, run.n) ? letters + 1 : 0;
			} else {
				letters = upper = caps_of(run.up); /* no lower case: every letter a capital */
			}
			/* an e-mail address: the word runs into '@' or an address character */
			if (next & W_ADDR) {
				/* its letters and digits are the run: the scan goes on after them */
				size_t e = p < no_email_before ? 0 : email_end(s, len, p, q, &no_email_before);
				if (e) {
					if (!emit(&st, p, e, "<email>", 7, CK_EMAIL, 0))
						return false;
					p = e;
					continue;
				}
			}
			/* ended by ASCII that is not an apostrophe: the word is the
			 * ASCII run, lower-cased and hashed above */
			bool done = q > p && (next & W_END);
			if (!done && counted) {
				/* the slow loop below counts on from exact counts */
				letters = upper = 0;
				for (size_t r = p; r < q; r++) {
					letters += ascii_class[s[r]] != A_DIGIT;
					upper += ascii_class[s[r]] == A_UPPER;
				}
			}
			while (q < len && !done) {
				uint32_t cq;
				if (s[q] < 0x80 && is_alnum(s[q])) {
					if (is_alpha(s[q])) {
						letters++;
						if (s[q] <= 'Z')
							upper++;
					}
					q++;
					continue;
				}
				if (s[q] < 0x80 && s[q] != '\'') {
					break;
				}
				int kq = ck_utf8_dec(s + q, len - q, &cq);
				if (is_letter_cp(cq) || (cq < 0x80 && is_digit((unsigned char)cq))) {
					if (cq < 0x80 && is_alpha((unsigned char)cq)) {
						letters++;
						if (cq <= 'Z') {
							upper++;
							if (q == p)
								first_upper = true;
						}
					}
					q += (size_t)kq;
					continue;
				}
				if (cq == '\'' || cq == 0x2019) {
					size_t r = q + (size_t)kq;
					uint32_t cn = 0;
					if (r < len)
						ck_utf8_dec(s + r, len - r, &cn);
					if (r < len && is_letter_cp(cn)) {
						q = r;
						apos = true;
						continue;
					}
				}
				break;
			}
			uint8_t fl = 0;
			if (first_upper)
				fl |= CK_TF_CAP;
			if (letters >= 2 && upper == letters)
				fl |= CK_TF_ALLCAPS;
			if (upper > letters)
				fl |= CK_TF_MIXED;
			if (done ? !emit_at(&st, p, q, q - p < 255 ? q - p : 255, h, CK_WORD, fl)
				 : !(apos ? emit_word(&st, p, q, fl) : emit_plain(&st, p, q, fl)))
				return false;
			p = q;
			if (p < len && s[p] == ' ') {
				p++;   /* the usual space, without a turn of the loop */
			} else if (p + 1 < len && s[p] == '-' && (is_alnum(s[p + 1]) || s[p + 1] >= 0x80)) {
				st.tflags |= CK_TF_HYPH;
				p++;
			}
			continue;
		}
		if (is_digit(c)) {
			size_t q = p;
			while (q < len && (is_alnum(s[q]) ||
					   (q + 1 < len && (s[q] == '.' || s[q] == ',' || s[q] == ':' || s[q] == '/' ||
							    s[q] == '-') && is_digit(s[q + 1]))))
				q++;
			char buf[64];
			size_t nb = 0;
			norm_add(buf, &nb, sizeof buf - 1, s + p, q - p > 63 ? 63 : q - p);
			if (!emit(&st, p, q, buf, nb, CK_NUM, 0))
				return false;
			p = q;
			if (p + 1 < len && s[p] == '-' && is_alpha(s[p + 1])) {
				st.tflags |= CK_TF_HYPH;
				p++;
			}
			continue;
		}
		if (c == '`') {
			size_t r = p;
			while (r < len && s[r] == '`')
				r++;
			size_t run = r - p;
			size_t q = r;
			size_t close = 0;
			/* a run of this length found no closing run before the paragraph
			 * end, and this one starts before that end: neither will it */
			bool known = run < 16 && p < no_close_before[run];
			while (q < len && !known) {
				if (s[q] == '\n' && q + 1 < len && (s[q + 1] == '\n' || (s[q + 1] == '\r'))) 
					break;
				if (s[q] == '`') {
					size_t t = q;
					while (t < len && s[t] == '`')
						t++;
					if (t - q == run) {
						close = t;
						break;
					}
					q = t;
					continue;
				}
				q++;
			}
			if (close) {
				if (!add_skip(d, p, close) || !record_lines(d, s, p, close))
					return false;
				st.gap |= CK_G_PUNCT;
				p = close;
			} else {
				if (run < 16 && !known)
					no_close_before[run] = q;
				p = r;
			}
			continue;
		}
		if (c == '<' && p + 3 < len && s[p + 1] == '!' && s[p + 2] == '-' && s[p + 3] == '-') {
			const char *e = memmem(s + p + 4, len - p - 4, "-->", 3);
			size_t q = e ? (size_t)((const unsigned char *)e - s) + 3 : len;
			if (!add_skip(d, p, q) || !record_lines(d, s, p, q))
				return false;
			p = q;
			continue;
		}
		switch (c) {
		case '?':
			d->specials = true;
			/* fall through */
		case '.':
		case '!': {
			size_t q = p;
			while (q < len && (s[q] == '.' || s[q] == '!' || s[q] == '?'))
				q++;
			size_t r = q;
			while (r < len && (s[r] == '"' || s[r] == '\'' || s[r] == ')' || s[r] == '*' || s[r] == '_'))
				r++;
			if (r + 2 < len && s[r] == 0xE2 && s[r + 1] == 0x80 && (s[r + 2] == 0x9D || s[r + 2] == 0x99))
				r += 3;
			bool end = r >= len || s[r] == ' ' || s[r] == '\t' || s[r] == '\n' || s[r] == '\r';
			if (end && c == '.' && q - p == 1) {
				size_t t = r;
				while (t < len && (s[t] == ' ' || s[t] == '\t'))
					t++;
				bool lower_next = t < len && s[t] >= 'a' && s[t] <= 'z';
				if (lower_next || (!ck_is(d, d->ntok - 1, "etc") && is_abbrev(d)))
					end = false;
				/* "oven No. 7": the word "number", not the negation "no"
				 * (a passive after "the regulator on oven No. 7" was
				 * read as denied) */
				if (!end && t < len && s[t] >= '0' && s[t] <= '9' && ck_is(d, d->ntok - 1, "no") &&
				    !renorm_last(d, "number"))
					return false;
				/* "5." at the end of a number is a sentence end */
			}
			if (end) {
				st.gap |= CK_G_SENT;
				st.term = (char)(s[q - 1]);
			} else {
				st.gap |= CK_G_PUNCT;
			}
			p = q;
			continue;
		}
		case '[': case '{':
			d->specials = true;
			/* fall through */
		case ',': case ';': case ':': case '(': case ')': case ']': case '}':
			st.gap |= CK_G_CLAUSE;
			st.clause_ch = (char)c;
			p++;
			continue;
		case '-':
			if ((p + 1 < len && (s[p + 1] == ' ' || s[p + 1] == '-')) && p > 0 && s[p - 1] == ' ') {
				st.gap |= CK_G_CLAUSE;
				st.clause_ch = '-';
			} else {
				st.gap |= CK_G_PUNCT;
			}
			p++;
			continue;
		case '*': case '_': case '~': case '"': case '\'': case '#': case '>':
			p++;
			continue;
		case '<': case '$': case '%':
			d->specials = true;
			/* fall through */
		default:
			st.gap |= CK_G_PUNCT;
			p++;
			continue;
		}
	}
	if (d->oom)
		return false;
	d->nwords = d->ntok - st.splits;
	/* close the last sentence */
	if (d->nsent) {
		struct ck_sent *ps = &d->sent[d->nsent - 1];
		ps->last = (uint32_t)d->ntok;
		ps->end = d->tok[d->ntok - 1].end;
		ps->term = st.term;
	}
	if (d->nline == 0) {
		if (!grow((void **)&d->line, &d->capline, 1, sizeof *d->line))
			return false;
		d->line[d->nline++] = 0;
	}
	/* eight zero bytes after the last token's text: the lexicon compares
	 * words eight bytes at a time (same_padded, lexicon.c) */
	if (!norm_room(d, 8))
		return false;
	memset(d->norm + d->nnorm, 0, 8);
	trim_slack(d);
	return true;
}

void ck_doc_drop_tokens(struct ck_doc *d)
{
	free(d->tok);
	free(d->cls);
	free(d->sent);
	free(d->norm);
	free(d->hit);
	free(d->hitidx);
	d->tok = NULL;
	d->cls = NULL;
	d->sent = NULL;
	d->norm = NULL;
	d->hit = NULL;
	d->hitidx = NULL;
	d->ntok = d->captok = d->capsent = d->nnorm = d->capnorm = d->nhit = d->caphit = d->caphitidx = 0;
}

void ck_doc_free(struct ck_doc *d)
{
	ck_doc_drop_tokens(d);
	free(d->skip);
	free(d->line);
	memset(d, 0, sizeof *d);
}

void ck_doc_linecol(const struct ck_doc *d, struct ck_linecol *cur, size_t off, unsigned *line,
		    unsigned *col)
{
	size_t lo = 0, hi = d->nline;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (d->line[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	size_t ls = d->nline ? d->line[lo] : 0;
	unsigned c = 1;
	/* on the line of the last answer and after it: count on from there */
	if (cur && cur->valid && cur->line == lo && cur->off <= off) {
		ls = cur->off;
		c = cur->col;
	}
	/* code points are the bytes that are not 10xxxxxx: eight at a time */
	const unsigned char *t = (const unsigned char *)d->text;
	size_t end = off < d->len ? off : d->len, p = ls;
	for (; p < end && end - p >= 8; p += 8) {
		uint64_t x;
		memcpy(&x, t + p, 8);
		uint64_t cont = x & ~(x << 1) & 0x8080808080808080u;
		c += 8 - (cont ? (unsigned)__builtin_popcountll(cont) : 0);
	}
	for (; p < end; p++)
		c += (t[p] & 0xC0) != 0x80;
	if (cur)
		*cur = (struct ck_linecol){off, lo, c, true};
	*line = (unsigned)lo + 1;
	*col = c;
}

bool ck_doc_skipped(const struct ck_doc *d, size_t off)
{
	size_t lo = 0, hi = d->nskip;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (d->skip[mid].end <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < d->nskip && d->skip[lo].start <= off && off < d->skip[lo].end;
}
