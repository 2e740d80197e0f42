/* rules.c — the checker's rules: one table row and one function each.
 *
 * Word lists find candidates (lexicon.c); the functions here decide with
 * sentence and clause structure whether a candidate is a problem: "if" only
 * makes an apology conditional in the apology's own clause, "just" only
 * minimises when it shrinks the harm, a passive only hides the actor when
 * no "by …" names one, a vendor is only blamed when the message takes no
 * responsibility itself. docs/internals/check.md describes every rule and
 * the limits of these heuristics.
 *
 * To add a rule: write `static void rule_x(struct ck_ctx *, const struct
 * ck_rule *)` that calls ck_finding, add a row to ck_rules (its id is part
 * of the public interface: document it in check.md), and test it in
 * tests/unit/check/check_test.c with a case that fires and one that must
 * not. */
#include <stdarg.h>
#include <string.h>

#include "check/check_int.h"
#include "redress/time.h"
#include "util/buf.h"

const char *const ck_elem_names[E__COUNT + 1] = {
	[E_IMPACT] = "impact", [E_OWNERSHIP] = "ownership", [E_CAUSE] = "cause",
	[E_ACTION] = "action", [E_PREVENTION] = "prevention", [E_TIMELINE] = "timeline",
	[E_NEXT_UPDATE] = "next-update", [E_CONTACT] = "contact", [E_REPAIR] = "repair",
	[E_DELAY_REASON] = "delay-reason", [E_LATE_ACK] = "late-ack", [E__COUNT] = NULL,
};

int ck_elem_id(const char *name)
{
	/* once per element per message (check.c prepares each message's
	 * options): the first letter settles most names without a call */
	for (int i = 0; i < E__COUNT; i++)
		if (ck_elem_names[i][0] == name[0] && strcmp(ck_elem_names[i], name) == 0)
			return i;
	return -1;
}

/* ---- small helpers over tokens ---------------------------------------------- */

#define D (c->d)

static bool breaks_clause(const struct ck_doc *d, size_t i)
{
	return i >= d->ntok || (d->tok[i].gap & (CK_G_SENT | CK_G_CLAUSE));
}

static bool is_question(const struct ck_doc *d, size_t i)
{
	return d->sent[d->tok[i].sent].term == '?';
}

static size_t clause_first(const struct ck_doc *d, size_t i)
{
	while (i > 0 && !(d->tok[i].gap & (CK_G_SENT | CK_G_CLAUSE)))
		i--;
	return i;
}

/* Sentence-wide questions are answered from the class bits ck_lex_scan
 * OR-ed per sentence, not by scanning the sentence again per token. */
bool ck_sent_has(const struct ck_doc *d, size_t i, enum ck_list l)
{
	return i < d->ntok && (d->sent[d->tok[i].sent].cls >> l) & 1u;
}

/* A phrase of list l among sentence st's hits (its class bits do not
 * say: "due to" is a phrase, and phrases are hits only). */
static bool phrase_in(const struct ck_doc *d, const struct ck_sent *st, enum ck_list l)
{
	for (size_t h = ck_hit_lower(d, st->first); h < d->nhit && d->hit[h].first < st->last; h++)
		if (d->hit[h].list == l)
			return true;
	return false;
}

/* Token i if a word of i's sentence has a class in MASK, else the first
 * token of the next sentence that has one (end if none before end). A pass
 * that acts only on words of those classes calls it at each sentence it
 * enters (next_sent) and so passes over the other sentences whole, on
 * their class bits, instead of testing each of their tokens. */
static size_t sent_with(const struct ck_doc *d, size_t i, size_t end, uint64_t mask, size_t *next_sent)
{
	if (i >= end)
		return end;
	/* the sentences are walked in their own array, which holds them in
	 * order, one after the other: finding the next one through its first
	 * token made each step wait for a load of that token, and on a long
	 * message (4 MB: 30 MB of tokens) most of those loads missed the
	 * cache, a fifth of the whole check's time on plain text */
	for (const struct ck_sent *s = &d->sent[d->tok[i].sent];; s++) {
		if (s->cls & mask) {
			*next_sent = s->last;
			return i;
		}
		if ((i = s->last) >= end)
			return end;
	}
}

/* sent_with for the tokens in capitals (ck_sent.caps) */
static size_t sent_with_caps(const struct ck_doc *d, size_t i, size_t end, size_t *next_sent)
{
	if (i >= end)
		return end;
	for (const struct ck_sent *s = &d->sent[d->tok[i].sent];; s++) {
		if (s->caps) {
			*next_sent = s->last;
			return i;
		}
		if ((i = s->last) >= end)
			return end;
	}
}

static bool is_second_person(const struct ck_doc *d, size_t i)
{
	return ck_is(d, i, "you") || ck_is(d, i, "your") || ck_is(d, i, "yours") ||
	       ck_is(d, i, "yourself");
}

static bool first_person(const struct ck_doc *d, size_t i)
{
	return ck_is(d, i, "we") || ck_is(d, i, "i");
}

/* Token k ends in "ed" and is longer than MIN bytes ("closed" with MIN
 * 3, not "red"): a regular past form, the two-byte test rules make
 * before any word list. */
static inline bool ends_ed(const struct ck_doc *d, size_t k, size_t min)
{
	const char *w = ck_norm(d, k);
	size_t n = d->tok[k].nlen;
	return n > min && w[n - 2] == 'e' && w[n - 1] == 'd';
}

/* A hit of list l starting at token i (the longest), or NULL. */
static const struct ck_hit *hit_at(const struct ck_doc *d, size_t i, enum ck_list l)
{
	const struct ck_hit *best = NULL;
	for (size_t h = ck_hit_lower(d, i); h < d->nhit && d->hit[h].first == i; h++)
		if (d->hit[h].list == l && (!best || d->hit[h].last > best->last))
			best = &d->hit[h];
	return best;
}

/* The first hit that can overlap a token at or after tok: hits are at most
 * d->maxhit tokens long. */
static size_t hit_near(const struct ck_doc *d, size_t tok)
{
	return ck_hit_lower(d, tok >= d->maxhit ? tok - d->maxhit + 1 : 0);
}

/* The first token of i's clause, looking back at most max tokens (then
 * i - max): the callers only care about a clause's last few words. */
static size_t clause_first_within(const struct ck_doc *d, size_t i, size_t max)
{
	size_t lim = i > max ? i - max : 0;
	while (i > lim && !(d->tok[i].gap & (CK_G_SENT | CK_G_CLAUSE)))
		i--;
	return i;
}

/* Answers "is [s, e) inside a finding of rule r already made?" for spans
 * asked in increasing s, in one pass: the rule's findings made before the
 * pass (c->f[from, to), sorted by start) are walked once keeping the
 * furthest end of those starting at or before s; findings the pass adds
 * are fed in with cover_add. */
struct cover {
	size_t next, to;
	size_t maxend;
	bool any;
	const char *rule;
};

static void cover_init(struct cover *cv, const struct ck_ctx *c, const char *rule, size_t from)
{
	*cv = (struct cover){from, c->nf, 0, false, rule};
}

static void cover_add(struct cover *cv, size_t end)
{
	if (!cv->any || end > cv->maxend)
		cv->maxend = end;
	cv->any = true;
}

static bool covered_by(struct cover *cv, const struct ck_ctx *c, size_t s, size_t e)
{
	for (; cv->next < cv->to && c->f[cv->next].start <= s; cv->next++)
		if (c->f[cv->next].rule == cv->rule)
			cover_add(cv, c->f[cv->next].end);
	return cv->any && cv->maxend >= e;
}

/* What printf would make of F and the arguments AP when no formatting is
 * needed: F itself when it has no conversion, or the one string argument
 * when F is "%s"; NULL otherwise (most suggestions and the missing
 * elements' messages are such). AP is consumed. */
static const char *plain_text(const char *f, va_list ap)
{
	if (f[0] == '%' && f[1] == 's' && !f[2])
		return va_arg(ap, const char *);   /* NULL: printf's "(null)", formatted */
	return strchr(f, '%') ? NULL : f;
}

char *ck_fmt(struct ck_ctx *c, const char *f, ...)
{
	va_list ap, aq;
	va_start(ap, f);
	va_copy(aq, ap);
	const char *lit = plain_text(f, aq);
	va_end(aq);
	char *p = NULL;
	if (lit ? !(p = strdup(lit)) : vasprintf(&p, f, ap) < 0) {
		p = NULL;
		c->oom = true;
	}
	va_end(ap);
	return p;
}

/* Source text of tokens [a, b). */
static const char *src(const struct ck_ctx *c, size_t a, size_t b, int *len)
{
	*len = (int)(D->tok[b - 1].end - D->tok[a].start);
	return D->text + D->tok[a].start;
}

/* Suggestions quote the rest of a sentence; a sentence can be a whole
 * megabyte-long line, so a quote keeps at most QUOTE_MAX bytes (cut on a
 * UTF-8 boundary, "…" marks the cut): findings stay small and their total
 * stays linear in the message. */
enum { QUOTE_MAX = 200 };

/* Keeps the first QUOTE_MAX bytes of p[0..*n); returns the mark to print after. */
static const char *clip_head(const char *p, int *n)
{
	if (*n <= QUOTE_MAX)
		return "";
	int k = QUOTE_MAX;
	while (k > 0 && ((unsigned char)p[k] & 0xC0) == 0x80)
		k--;
	*n = k;
	return "…";
}

/* Keeps the last QUOTE_MAX bytes of *p[0..*n); returns the mark to print before. */
static const char *clip_tail(const char **p, int *n)
{
	if (*n <= QUOTE_MAX)
		return "";
	int k = *n - QUOTE_MAX;
	while (k < *n && ((unsigned char)(*p)[k] & 0xC0) == 0x80)
		k++;
	*p += k;
	*n -= k;
	return "…";
}

char *ck_strings_add(struct rd_check_strings **head, const char *s, size_t n)
{
	struct rd_check_strings *b = *head;
	if (!b || b->cap - b->used < n + 1) {
		/* 2 KB first (most messages have a few findings), doubling to 64 KB */
		size_t cap = b ? (b->cap < (64u << 10) ? b->cap * 2 : b->cap) : 2048;
		if (cap < n + 1)
			cap = n + 1;
		b = malloc(sizeof *b + cap);
		if (!b)
			return NULL;
		b->next = *head;
		b->used = 0;
		b->cap = cap;
		*head = b;
	}
	char *p = b->data + b->used;
	memcpy(p, s, n);
	p[n] = '\0';
	b->used += n + 1;
	return p;
}

void ck_strings_free(struct rd_check_strings *head)
{
	while (head) {
		struct rd_check_strings *next = head->next;
		free(head);
		head = next;
	}
}

/* A message with many findings repeats their text: a rule's suggestion is
 * mostly the same words, its message the same for the same quote. Past
 * CK_INTERN_AFTER findings, a string equal to one recently stored (a
 * direct-mapped table by hash) is shared instead of copied: the findings
 * of a 4 MB line held 14 MB of text, most of it repeats, and a message's
 * peak heap decides whether glibc hands its pages back to be faulted in
 * again on the next one. Findings' text is read-only and freed per block
 * (ck_strings_free), so sharing changes nothing a caller sees. */
enum { CK_INTERN_AFTER = 64, CK_INTERN_SLOTS = 1024 };

struct ck_intern {
	const char *s[CK_INTERN_SLOTS];
	uint32_t n[CK_INTERN_SLOTS];
};

static uint64_t intern_hash(const char *s, size_t n)
{
	uint64_t h = 0x9E3779B97F4A7C15u ^ n;
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		h = (h ^ w) * 0xFF51AFD7ED558CCDu;
		h ^= h >> 29;
	}
	uint64_t w = 0;
	memcpy(&w, s + i, n - i);
	h = (h ^ w) * 0xC4CEB9FE1A85EC53u;
	return h ^ (h >> 32);
}

/* s[0..n) in c->strs, shared with an equal string stored before when the
 * message has many findings; NULL on allocation failure. */
static char *ck_strings_intern(struct ck_ctx *c, const char *s, size_t n)
{
	if (c->nf < CK_INTERN_AFTER || n > UINT32_MAX)
		return ck_strings_add(&c->strs, s, n);
	if (!c->intern) {
		c->intern = calloc(1, sizeof *c->intern);
		if (!c->intern)
			return NULL;
	}
	size_t k = intern_hash(s, n) & (CK_INTERN_SLOTS - 1);
	struct ck_intern *t = c->intern;
	if (t->s[k] && t->n[k] == n && !memcmp(t->s[k], s, n))
		return (char *)t->s[k];
	char *p = ck_strings_add(&c->strs, s, n);
	if (p) {
		t->s[k] = p;
		t->n[k] = (uint32_t)n;
	}
	return p;
}

/* Bytes [start, end) of the text lie inside a quotation: an opening '"'
 * or U+201C and a closing '"' or U+201D on the same line, at most 300
 * bytes from them. Returns the opening mark's offset, or SIZE_MAX. */
static size_t quoted_at(const char *text, size_t len, size_t start, size_t end)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t q = start, lim = start > 300 ? start - 300 : 0;
	/* the nearest quotation mark before the span */
	for (;;) {
		if (q <= lim || s[q - 1] == '\n')
			return SIZE_MAX;
		q--;
		if (s[q] == '"')
			break;
		if (s[q] == 0x9C && q >= 2 && s[q - 2] == 0xE2 && s[q - 1] == 0x80) {
			q -= 2;
			break;
		}
		if (s[q] == 0x9D && q >= 2 && s[q - 2] == 0xE2 && s[q - 1] == 0x80)
			return SIZE_MAX;   /* a closing one: the span is after a quotation */
	}
	/* a straight quote opens one after a space, a tab, a bracket, a
	 * colon or a comma, or at a line's start */
	if (s[q] == '"' && q > 0 && !(s[q - 1] == ' ' || s[q - 1] == '\t' || s[q - 1] == '(' || s[q - 1] == ':' ||
				      s[q - 1] == ',' || s[q - 1] == '\n'))
		return SIZE_MAX;
	/* a closing one after it, on the line */
	bool closed = false;
	for (size_t k = end; k < len && k < end + 300 && s[k] != '\n' && !closed; k++)
		closed = s[k] == '"' || (s[k] == 0xE2 && k + 2 < len && s[k + 1] == 0x80 && s[k + 2] == 0x9D);
	return closed ? q : SIZE_MAX;
}

/* Bytes [start, end) of the text lie inside a quotation (quoted_at) of
 * the client's (or their people's) own words: the opening mark after
 * words that report what they said ("You wrote on Sunday, \"I've been
 * charged twice\"", "you said it \"felt like he'd been forgotten\"") in
 * the 60 bytes before it. Their words are not the message's wording: dev
 * sets holdout20-362, 7 of 7 findings inside such quotes unmarked. */
static bool in_client_quote(const char *text, size_t len, size_t start, size_t end)
{
	static const char *const says[] = {"you wrote", "you said", "you told", "you asked", "you put it",
		"you described", "you called", "you mentioned", "you felt", "your words", "your email",
		"your e-mail", "your message", "your note", "your review", "your complaint", "your letter",
		"he wrote", "she wrote", "he said", "she said", "they wrote", "they said", NULL};
	const unsigned char *s = (const unsigned char *)text;
	size_t q = quoted_at(text, len, start, end);
	if (q == SIZE_MAX)
		return false;
	/* reported words before it */
	char lo[64];
	size_t a = q > 60 ? q - 60 : 0, n = 0;
	for (size_t k = a; k < q; k++) {
		if (s[k] == '\n')
			n = 0;
		else
			lo[n++] = (char)(s[k] >= 'A' && s[k] <= 'Z' ? s[k] | 0x20 : s[k]);
	}
	for (size_t i = 0; says[i]; i++)
		if (memmem(lo, n, says[i], strlen(says[i])))
			return true;
	return false;
}

/* The text has a '"' or a U+201C: memchr for its last byte, 0x9C, then
 * the two before it (glibc's memmem for the three bytes cost the archive
 * slice 1% more instructions). */
static bool has_quote_mark(const char *text, size_t len)
{
	if (memchr(text, '"', len))
		return true;
	const unsigned char *s = (const unsigned char *)text, *p = s, *e = s + len;
	while ((p = memchr(p, 0x9C, (size_t)(e - p))) != NULL) {
		if (p - s >= 2 && p[-2] == 0xE2 && p[-1] == 0x80)
			return true;
		p++;
	}
	return false;
}

/* A rule of the message's own wording (apology, ownership, tone,
 * promise): not reported inside the client's quoted words. */
static bool wording_rule(const char *id)
{
	return !strncmp(id, "apology.", 8) || !strncmp(id, "ownership.", 10) || !strncmp(id, "tone.", 5) ||
	       !strncmp(id, "promise.", 8);
}

void ck_finding(struct ck_ctx *c, const struct ck_rule *r, enum rd_severity sev, size_t start,
		size_t end, bool whole, char *suggestion, const char *f, ...)
{
	/* most texts have no quotation mark: looked for once */
	if (!whole && !c->quotes)
		c->quotes = has_quote_mark(c->d->text, c->d->len) ? 2 : 1;
	if (!whole && c->quotes == 2 && wording_rule(r->id) &&
	    (in_client_quote(c->d->text, c->d->len, start, end) ||
	     /* a word in quotation marks is cited, not ours: a sign's or a
	      * motto's words ("FIDE ET LABORA"), a size code ("YL") —
	      * dev sets holdout20-381, 12 jargon findings inside any
	      * quotation, none marked, and no marked jargon there */
	     (r->id[0] == 't' && !strcmp(r->id, "tone.jargon") &&
	      quoted_at(c->d->text, c->d->len, start, end) != SIZE_MAX))) {
		free(suggestion);
		return;
	}
	if (c->nf + 1 > c->capf) {
		/* doubling, by half once over 1 MiB: a long message's findings
		 * (10 MB on a 4 MB line) then leave less room unused */
		size_t nc = !c->capf ? 16 : c->capf * sizeof *c->f < ((size_t)1 << 20) ? c->capf * 2 : c->capf + c->capf / 2;
		struct rd_check_finding *v = realloc(c->f, nc * sizeof *v);
		if (!v) {
			free(suggestion);
			c->oom = true;
			return;
		}
		c->f = v;
		c->capf = nc;
	}
	struct rd_check_finding *x = &c->f[c->nf];
	memset(x, 0, sizeof *x);
	/* most messages fit the stack buffer; a longer one is formatted twice */
	char buf[512], *big = NULL;
	va_list ap;
	va_start(ap, f);
	const char *lit = plain_text(f, ap);
	va_end(ap);
	if (lit) {
		x->message = ck_strings_intern(c, lit, strlen(lit));
	} else {
		va_start(ap, f);
		int n = vsnprintf(buf, sizeof buf, f, ap);
		va_end(ap);
		if (n >= (int)sizeof buf) {
			va_start(ap, f);
			if (vasprintf(&big, f, ap) < 0)
				big = NULL;
			va_end(ap);
		}
		if (n >= 0 && (n < (int)sizeof buf || big))
			x->message = ck_strings_intern(c, big ? big : buf, (size_t)n);
		free(big);
	}
	if (suggestion)
		x->suggestion = ck_strings_intern(c, suggestion, strlen(suggestion));
	if (!x->message || (suggestion && !x->suggestion)) {
		free(suggestion);
		c->oom = true;
		return;
	}
	free(suggestion);
	x->rule = r->id;
	x->severity = sev;
	x->start = start;
	x->end = end;
	x->whole_message = whole;
	c->nf++;
}

/* ---- the apology analysis (shared by three rules) ----------------------------- */

enum { APO_NONE, APO_GENUINE, APO_CONDITIONAL, APO_NON, APO_SYMPATHY, APO_REGRET };

/* Classifies every apology word once: genuine, conditional, for the client's
 * feelings, or sympathy ("sorry to hear"). For conditional and non-apology
 * words, a span (c->apo_span, apo_span_lower) holds the token after the
 * offending marker (end) and, for conditional ones, the marker's first
 * token (from: before the apology word when the condition is fronted). */

/* The index of the first span at or after token i (c->napo_span if none):
 * spans are appended in token order, one for every conditional or
 * non-apology word, so a binary search finds them. */
static size_t apo_span_lower(const struct ck_ctx *c, size_t i)
{
	size_t lo = 0, hi = c->napo_span;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c->apo_span[mid].tok < i)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static bool apo_span_add(struct ck_ctx *c, size_t i, size_t from, size_t end)
{
	if (c->napo_span == c->capapo_span) {
		size_t nc = c->capapo_span ? c->capapo_span * 2 : 16;
		struct ck_apo_span *v = realloc(c->apo_span, nc * sizeof *v);
		if (!v)
			return false;
		c->apo_span = v;
		c->capapo_span = nc;
	}
	c->apo_span[c->napo_span++] = (struct ck_apo_span){(uint32_t)i, (uint32_t)from, (uint32_t)end};
	return true;
}

static bool stops_apology_clause(const struct ck_doc *d, size_t k)
{
	return ck_is(d, k, "and") || ck_is(d, k, "but") || ck_is(d, k, "so") ||
	       ck_is(d, k, "please") || ck_is(d, k, "because") || ck_is(d, k, "while");
}

/* A condition fronted in the apology's sentence: "If you were affected, we
 * are sorry.", "To the extent that …, we apologise." The apology's clause
 * (a short subject, at most five words before the apology word) opens right
 * after a comma that closes a clause starting with a marker (after an
 * optional and/but/so). "Even if …", an "if" in another sentence, or a
 * clause between ("If you need anything, call me, and we are sorry") do not
 * count. Returns the marker's hit, or NULL. */
static const struct ck_hit *fronted_condition(const struct ck_doc *d, size_t i)
{
	size_t a = clause_first_within(d, i, 6);
	if (a == 0 || i - a > 5 || (d->tok[a].gap & CK_G_SENT) || d->tok[a].clause_ch != ',')
		return NULL;
	for (size_t k = a; k < i; k++)
		if (stops_apology_clause(d, k))
			return NULL;
	size_t b = clause_first(d, a - 1);
	if (b + 1 < a && (ck_is(d, b, "and") || ck_is(d, b, "but") || ck_is(d, b, "so")))
		b++;
	const struct ck_hit *h = hit_at(d, b, L_CONDITIONAL);
	if (!h || h->last >= a)
		return NULL; /* the marker needs a condition after it */
	if (ck_is(d, b, "if") && ck_is(d, b + 1, "only"))
		return NULL; /* "if only we had tested it" regrets, it does not doubt */
	return h;
}

/* "found the changeover frustrating", "find it confusing": at token k
 * "found" or "find", then at most four words and an adjective of how it
 * felt, the feelings of whoever found it so. Returns the token after the
 * adjective, or 0. */
static size_t found_feeling(const struct ck_doc *d, size_t k)
{
	static const char *const how[] = {"frustrating", "upsetting", "confusing", "stressful", "disappointing",
		"annoying", "worrying", "unsettling", "distressing", NULL};
	if (!(ck_is(d, k, "found") || ck_is(d, k, "find")))
		return 0;
	for (size_t q = k + 1; q <= k + 5 && !breaks_clause(d, q); q++) {
		if (ck_is_any(d, q, how))
			return q + 1;
		if (stops_apology_clause(d, q))
			return 0;
	}
	return 0;
}

/* "your nurses felt let down", "your staff feel annoyed", "your guests
 * were disappointed", "your site team felt let down", "some of you felt
 * rushed": the feelings of the client's people, from "your" and at most
 * three words naming them, or from a share of the readers ("some of you",
 * "many of your drivers") at token j — a verb of feeling, or a form of
 * "be" and a feeling. Returns the token after the feeling, or 0. */
static size_t others_feel(const struct ck_doc *d, size_t j)
{
	static const char *const feeling[] = {"disappointed", "upset", "frustrated", "unhappy", "annoyed",
		"angry", "dissatisfied", "worried", "let", NULL};
	static const char *const share[] = {"some", "many", "most", "several", "those", "all", "few", NULL};
	static const char *const be[] = {"were", "are", "was", "is", NULL};
	static const char *const feel[] = {"felt", "feel", "feels", NULL};
	size_t k = j;
	if (!ck_is(d, k, "your")) {
		/* "some of you", "a few of your riders": a share, "of", then
		 * "you" or "your"; "of" is asked first, as it is rarest; "so"
		 * or "too" may make the share larger ("so many of you") */
		k += ck_is(d, k, "a");
		if ((ck_is(d, k, "so") || ck_is(d, k, "too")) && !breaks_clause(d, k + 1))
			k++;
		if (!ck_is(d, k + 1, "of") || !ck_is_any(d, k, share) || breaks_clause(d, k + 1) ||
		    breaks_clause(d, k + 2))
			return 0;
		k += 2;
		if (ck_is(d, k, "you"))
			k--; /* "you" names the readers in one word, as "your" and a noun */
		else if (!ck_is(d, k, "your"))
			return 0;
	}
	if (breaks_clause(d, k + 1))
		return 0;
	k += 2; /* "your" and its first noun */
	for (size_t n = 0; n < 3 && k + 1 < d->ntok && !breaks_clause(d, k); n++, k++) {
		if (ck_is_any(d, k, feel))
			return breaks_clause(d, k + 1) ? k + 1 : k + 2;
		if (ck_is_any(d, k, be))
			return !breaks_clause(d, k + 1) && ck_is_any(d, k + 1, feeling) ? k + 2 : 0;
		if (ck_is(d, k, "found") || ck_is(d, k, "find"))
			return found_feeling(d, k);
		if (stops_apology_clause(d, k))
			return 0;
	}
	return 0;
}

/* The feelings apologised for at token j: others_feel, or the same of
 * people counted vaguely — "some parents were upset", "many members were
 * annoyed", "some patients felt let down" (some, many, several, most, one
 * word, then a form of "be" and a feeling or, as in others_feel, a verb
 * of feeling) — or of the client's people at large by their plural noun
 * (audience.txt), counted or not, and a verb of feeling or a feeling
 * after were/are/have been: "sorry that riders felt ignored", "that some
 * members feel misled", "that residents have been frustrated" — or a time the
 * client had that felt bad: "you've had a frustrating week", "you had a
 * stressful day" (you, have/'ve, had, "a", an adjective of feeling).
 * Returns the token after it, or 0. */
static size_t feelings_at(const struct ck_doc *d, size_t j)
{
	static const char *const count[] = {"some", "many", "several", "most", NULL};
	static const char *const feeling[] = {"disappointed", "upset", "frustrated", "unhappy", "annoyed",
		"angry", "dissatisfied", "worried", NULL};
	static const char *const felt[] = {"frustrating", "difficult", "stressful", "upsetting", "disappointing",
		"worrying", "tough", "trying", NULL};
	size_t fe = others_feel(d, j);
	/* "sorry that the students were upset": the client's people by
	 * their plural noun after "the" are those at large (below) */
	if (!fe && ck_is(d, j, "the") && j + 1 < d->ntok && !breaks_clause(d, j + 1) && ck_has(d, j + 1, L_AUDIENCE))
		j++;
	/* j + 3 is the last token the counted form reads: a message that
	 * ends on the feeling ("… some parents were upset.") has it */
	if (fe || j + 3 >= d->ntok)
		return fe;
	for (size_t k = j + 1; k <= j + 3; k++)
		if (breaks_clause(d, k))
			return 0;
	/* uncounted, by their plural noun, or a noun joined to it by and/or
	 * ("students and parents", "parents or carers"); counted, any noun
	 * (below) */
	static const char *const feel[] = {"felt", "feel", "feels", NULL};
	bool joined = (ck_is(d, j + 1, "and") || ck_is(d, j + 1, "or")) && d->tok[j].type == CK_WORD &&
		      !ck_has(d, j, L_STOPWORD) && ck_has(d, j + 2, L_AUDIENCE) && !breaks_clause(d, j + 3);
	if (joined || ck_has(d, j, L_AUDIENCE)) {
		size_t v = j + 1;
		if (joined)
			v += 2;
		else if ((ck_is(d, v, "and") || ck_is(d, v, "or")) && ck_has(d, v + 1, L_AUDIENCE) &&
			 !breaks_clause(d, v + 2))
			v += 2;
		if (ck_is_any(d, v, feel))
			return v + 2 <= d->ntok ? v + 2 : v + 1;
		if ((ck_is(d, v, "were") || ck_is(d, v, "are")) && !breaks_clause(d, v + 1) &&
		    ck_is_any(d, v + 1, feeling))
			return v + 2;
		/* "sorry that residents have been frustrated" */
		if ((ck_is(d, v, "have") || ck_is(d, v, "has")) && ck_is(d, v + 1, "been") && v + 2 < d->ntok &&
		    !breaks_clause(d, v + 1) && !breaks_clause(d, v + 2) && ck_is_any(d, v + 2, feeling))
			return v + 3;
		return found_feeling(d, v);
	}
	if (ck_is_any(d, j, count)) {
		if (ck_is(d, j + 2, "felt") || ck_is(d, j + 2, "feel"))
			return j + 4; /* and the word after it: "felt let" */
		if ((ck_is(d, j + 2, "were") || ck_is(d, j + 2, "are")) && ck_is_any(d, j + 3, feeling))
			return j + 4;
		return found_feeling(d, j + 2);
	}
	if (!ck_is(d, j, "you"))
		return 0;
	if (ck_is(d, j + 1, "found") || ck_is(d, j + 1, "find"))
		return found_feeling(d, j + 1);
	/* "sorry that you and your team at the Leeds site were frustrated",
	 * "sorry you and the front-of-house team have been frustrated": the
	 * readers and their people, at most eight words, then a form of "be"
	 * and a feeling */
	if (ck_is(d, j + 1, "and"))
		for (size_t k = j + 2; k < d->ntok && k <= j + 10 && !breaks_clause(d, k); k++) {
			size_t f = k + 1;
			if ((ck_is(d, k, "have") || ck_is(d, k, "has")) && ck_is(d, k + 1, "been") && !breaks_clause(d, f))
				f++;
			else if (!ck_is(d, k, "were") && !ck_is(d, k, "are"))
				continue;
			return f < d->ntok && !breaks_clause(d, f) && ck_is_any(d, f, feeling) ? f + 1 : 0;
		}
	size_t k = j + 1;
	if (ck_is(d, k, "have") || ck_is(d, k, "'ve"))
		k++;
	if (k + 2 >= d->ntok || !ck_is(d, k, "had") || !ck_is(d, k + 1, "a") || breaks_clause(d, k + 1) ||
	    breaks_clause(d, k + 2))
		return 0;
	return ck_is_any(d, k + 2, felt) ? k + 3 : 0;
}

/* Analyses the apology words of tokens [c->apo_done, end): the span rules
 * ask for their window's (each word's analysis looks only at its own
 * sentence), the message-level rules for all of them. */
static bool apologies_upto(struct ck_ctx *c, size_t end)
{
	if (!c->apo) {
		c->apo = calloc(D->ntok + 1, 1);
		if (!c->apo) {
			c->oom = true;
			return false;
		}
		c->napo_span = 0;
		c->apo_done = 0;
	}
	if (end > D->ntok)
		end = D->ntok;
	const uint64_t apo_words = (1ull << L_APOLOGY) | (1ull << L_REGRET);
	for (size_t i = c->apo_done, se = i; i < end; i++) {
		if (i >= se && (i = sent_with(D, i, end, apo_words, &se)) >= end)
			break;
		size_t apo_end = 0, apo_from = 0;
		bool apol = ck_has(D, i, L_APOLOGY), reg = ck_has(D, i, L_REGRET);
		if (!apol && !reg)
			continue;
		if (i > 0 && ck_is(D, i - 1, "not") && !(D->tok[i].gap & CK_G_CLAUSE))
			continue;
		/* "regret to inform" is corporate, not an apology */
		if (reg && ck_is(D, i + 1, "to")) {
			c->apo[i] = APO_REGRET;
			continue;
		}
		if (apol && ck_is(D, i + 1, "to") && !breaks_clause(D, i + 1) &&
		    (ck_is(D, i + 2, "hear") || ck_is(D, i + 2, "say") || ck_is(D, i + 2, "learn") ||
		     ck_is(D, i + 2, "see") || ck_is(D, i + 2, "bother") || ck_is(D, i + 2, "trouble"))) {
			c->apo[i] = APO_SYMPATHY;
			/* "sorry to hear you were upset" still apologises for feelings */
			size_t at = i + 3 + (i + 3 < D->ntok && ck_is(D, i + 3, "that"));
			const struct ck_hit *h = hit_at(D, i + 3, L_NON_APOLOGY);
			if (!h && at > i + 3)
				h = hit_at(D, at, L_NON_APOLOGY);
			/* "sorry to hear your guests were disappointed": the
			 * feelings of the client's people, as below */
			size_t fe = h ? h->last : at < D->ntok && !breaks_clause(D, at) ? feelings_at(D, at) : 0;
			if (fe) {
				c->apo[i] = APO_NON;
				if (!apo_span_add(c, i, 0, fe))
					goto oom;
			}
			continue;
		}
		/* for the client's feelings: the non-apology phrase within a few
		 * words, after optional that/if/for/about, or addressed to those
		 * who have them ("sorry to those who feel let down") */
		uint8_t cls = apol ? APO_GENUINE : APO_REGRET;
		size_t j = i + 1;
		for (int skip = 0; skip < 3 && j < D->ntok && !breaks_clause(D, j); skip++) {
			const struct ck_hit *h = hit_at(D, j, L_NON_APOLOGY);
			if (h) {
				cls = APO_NON;
				apo_end = h->last;
				break;
			}
			/* the feelings of the client's people: "sorry your
			 * nurses felt let down", "sorry your staff feel annoyed" */
			size_t fe = feelings_at(D, j);
			if (fe) {
				cls = APO_NON;
				apo_end = fe;
				break;
			}
			if (ck_is(D, j, "that") || ck_is(D, j, "if") || ck_is(D, j, "for") ||
			    ck_is(D, j, "about") || ck_is(D, j, "we") || ck_is(D, j, "are") || ck_is(D, j, "is") ||
			    ck_is(D, j, "to"))
				j++;
			else
				break;
		}
		if (cls != APO_NON) {
			/* conditional: a marker in the apology's own clause; a comma is
			 * crossed only straight into the marker ("sorry, if …") */
			for (size_t k = i + 1; k < D->ntok && k <= i + 8; k++) {
				const struct ck_tok *t = &D->tok[k];
				if (t->gap & CK_G_SENT)
					break;
				if (t->gap & CK_G_CLAUSE) {
					if (t->clause_ch != ',' || !hit_at(D, k, L_CONDITIONAL))
						break;
				}
				if (stops_apology_clause(D, k))
					break;
				const struct ck_hit *h = hit_at(D, k, L_CONDITIONAL);
				if (h && !(k > 0 && (ck_is(D, k - 1, "even") || ck_is(D, k - 1, "as")))) {
					cls = APO_CONDITIONAL;
					apo_from = k;
					apo_end = h->last;
					break;
				}
			}
		}
		if (cls != APO_NON && cls != APO_CONDITIONAL) {
			const struct ck_hit *h = fronted_condition(D, i);
			if (h) {
				cls = APO_CONDITIONAL;
				apo_from = h->first;
				apo_end = h->last;
			}
		}
		c->apo[i] = (int8_t)cls;
		if ((cls == APO_NON || cls == APO_CONDITIONAL) && !apo_span_add(c, i, apo_from, apo_end))
			goto oom;
	}
	if (end > c->apo_done)
		c->apo_done = end;
	return true;
oom:
	c->oom = true;
	return false;
}

static bool analyse_apologies(struct ck_ctx *c)
{
	return apologies_upto(c, D->ntok);
}

/* "If you were affected, we are sorry": the finding spans marker to apology
 * word; the suggestion moves the condition after the apology as a fact. */
static void fronted_finding(struct ck_ctx *c, const struct ck_rule *r, size_t i, size_t mk,
			    size_t m, const struct ck_sent *s)
{
	size_t a = clause_first(D, i);
	int n1, n2;
	const char *main_ = src(c, a, s->last, &n1);
	const char *cond = src(c, m, a, &n2);
	const char *cut1 = clip_head(main_, &n1), *cut2 = clip_head(cond, &n2);
	char term[2] = {s->term ? s->term : '.', 0};
	char *sugg;
	if (i + 1 >= D->ntok || (D->tok[i + 1].gap & (CK_G_SENT | CK_G_CLAUSE)))
		sugg = ck_fmt(c, "%.*s%s that %.*s%s%s — and name the harm we caused", n1, main_, cut1, n2,
			      cond, cut2, term);
	else
		sugg = ck_fmt(c, "%.*s%s%s — drop the condition and name the harm we caused", n1, main_, cut1,
			      term);
	if (sugg && *sugg >= 'a' && *sugg <= 'z')
		*sugg = (char)(*sugg - 'a' + 'A');
	ck_finding(c, r, r->sev, D->tok[mk].start, D->tok[i].end, false, sugg,
		   "conditional apology: \"%.*s\" doubts that harm was done",
		   (int)(D->tok[i].end - D->tok[mk].start), D->text + D->tok[mk].start);
}

static void rule_conditional(struct ck_ctx *c, const struct ck_rule *r)
{
	if (!apologies_upto(c, c->t1))
		return;
	/* the window's conditional apology words are among its spans (one a
	 * conditional or non-apology word, in token order): read those, not
	 * every token's c->apo */
	for (size_t k = apo_span_lower(c, c->t0); k < c->napo_span && c->apo_span[k].tok < c->t1; k++) {
		size_t i = c->apo_span[k].tok;
		if (c->apo[i] != APO_CONDITIONAL)
			continue;
		const struct ck_apo_span *sp = &c->apo_span[k];
		size_t m = sp->end, mk = sp->from;
		const struct ck_sent *s = &D->sent[D->tok[i].sent];
		int n1, n2;
		if (mk < i) {
			fronted_finding(c, r, i, mk, m, s);
			continue;
		}
		const char *a = src(c, s->first, mk, &n1);
		size_t tail_end = s->last;
		const char *b = m < tail_end ? src(c, m, tail_end, &n2) : "";
		if (m >= tail_end)
			n2 = 0;
		const char *cut1 = clip_tail(&a, &n1), *cut2 = clip_head(b, &n2);
		char *sugg = ck_fmt(c, "%s%.*s that %.*s%s%s — and name the harm we caused", cut1, n1, a, n2,
				 b, cut2, s->term ? (char[]){s->term, 0} : "");
		ck_finding(c, r, r->sev, D->tok[i].start, D->tok[m - 1].end, false, sugg,
			   "conditional apology: \"%.*s\" doubts that harm was done",
			   (int)(D->tok[m - 1].end - D->tok[i].start), D->text + D->tok[i].start);
	}
}

static void rule_non_apology(struct ck_ctx *c, const struct ck_rule *r)
{
	if (!apologies_upto(c, c->t1))
		return;
	for (size_t k = apo_span_lower(c, c->t0); k < c->napo_span && c->apo_span[k].tok < c->t1; k++) {
		size_t i = c->apo_span[k].tok;
		if (c->apo[i] != APO_NON)
			continue;
		size_t m = c->apo_span[k].end;
		ck_finding(c, r, r->sev, D->tok[i].start, D->tok[m - 1].end, false,
			   ck_fmt(c, "apologise for what we did: \"We are sorry that our <failure> <cost you …>.\""),
			   "non-apology: \"%.*s\" apologises for the client's feelings, not for our act",
			   (int)(D->tok[m - 1].end - D->tok[i].start), D->text + D->tok[i].start);
	}
}

static void rule_missing(struct ck_ctx *c, const struct ck_rule *r)
{
	if (strcmp(c->kind, "apology") != 0 || !analyse_apologies(c))
		return;
	for (size_t i = 0; i < D->ntok; i++)
		if (c->apo[i] == APO_GENUINE)
			return;
	ck_finding(c, r, r->sev, 0, 0, true,
		   ck_fmt(c, "add a plain apology near the top: \"I am sorry: <what we did> <what it cost you>.\""),
		   "an apology message with no explicit apology (\"we are sorry\", \"I apologise\")");
}

/* Hits of list l in the window, overlapping ones merged into one span
 * ("will never happen" + "never happen again" -> "will never happen
 * again"), and so is a hit that JOINS (when not NULL) says belongs to the
 * span before it; FN gets each span. */
static void each_hit_joined(struct ck_ctx *c, enum ck_list l,
			    bool (*joins)(const struct ck_doc *, const struct ck_hit *, const struct ck_hit *),
			    void (*fn)(struct ck_ctx *, const struct ck_rule *, const struct ck_hit *),
			    const struct ck_rule *r)
{
	struct ck_hit cur = {0, 0, 0};
	bool have = false;
	for (size_t h = c->h0; h < c->h1; h++) {
		const struct ck_hit *x = &D->hit[h];
		if (x->list != l)
			continue;
		if (have && (x->first < cur.last || (joins && joins(D, &cur, x)))) {
			if (x->last > cur.last)
				cur.last = x->last;
			continue;
		}
		if (have)
			fn(c, r, &cur);
		cur = *x;
		have = true;
	}
	if (have)
		fn(c, r, &cur);
}

/* Hits of list l, overlapping ones merged (each_hit_joined). */
static void each_hit(struct ck_ctx *c, enum ck_list l,
		     void (*fn)(struct ck_ctx *, const struct ck_rule *, const struct ck_hit *),
		     const struct ck_rule *r)
{
	each_hit_joined(c, l, NULL, fn, r);
}

/* A stock phrase without "any" followed by what the trouble was with
 * ("sorry for the trouble with the export this morning", "the
 * inconvenience with your invoices"): it names the thing, so it is no
 * longer generic; "… with this", "for any trouble with …" stay generic. */
static bool generic_named(const struct ck_doc *d, const struct ck_hit *h)
{
	size_t p = h->last;
	if (p + 2 >= d->ntok || breaks_clause(d, p) || breaks_clause(d, p + 1) || breaks_clause(d, p + 2) ||
	    !(ck_is(d, p, "with") || ck_is(d, p, "during")))
		return false;
	for (size_t k = h->first; k < h->last; k++)
		if (ck_is(d, k, "any"))
			return false;
	if (!(ck_is(d, p + 1, "the") || ck_is(d, p + 1, "your") || ck_is(d, p + 1, "our")))
		return false;
	return d->tok[p + 2].type == CK_WORD && !ck_has(d, p + 2, L_HARM) && !ck_has(d, p + 2, L_STOPWORD);
}

static void generic_one(struct ck_ctx *c, const struct ck_rule *r, const struct ck_hit *h)
{
	if (generic_named(D, h))
		return;
	int n;
	const char *s = src(c, h->first, h->last, &n);
	ck_finding(c, r, r->sev, D->tok[h->first].start, D->tok[h->last - 1].end, false,
		   ck_fmt(c, "name the harm instead, e.g. \"for the four hours your team could not take orders\""),
		   "generic apology: \"%.*s\" names no harm", n, s);
}

/* The rules below look at most a few words around a candidate, so a long
 * sentence does not make them quadratic: the start of i's clause, but at
 * most max tokens back; the end of j's clause, at most max tokens on. */
static size_t clause_back(const struct ck_doc *d, size_t i, size_t max)
{
	size_t a = i;
	while (a > 0 && i - a < max && !(d->tok[a].gap & (CK_G_SENT | CK_G_CLAUSE)))
		a--;
	return a;
}

static size_t clause_fwd(const struct ck_doc *d, size_t j, size_t max)
{
	size_t b = j + 1;
	while (b < d->ntok && b - j < max && !(d->tok[b].gap & (CK_G_SENT | CK_G_CLAUSE)))
		b++;
	return b;
}

/* One byte per token: 1 where a hit of list l covers it (one pass over the
 * hits, so per-token questions about phrases cost nothing). Caller frees. */
static uint8_t *cover_mask(struct ck_ctx *c, enum ck_list l)
{
	uint8_t *m = calloc(D->ntok + 1, 1);
	if (!m) {
		c->oom = true;
		return NULL;
	}
	for (size_t h = 0; h < D->nhit; h++)
		if (D->hit[h].list == l)
			for (size_t k = D->hit[h].first; k < D->hit[h].last; k++)
				m[k] = 1;
	return m;
}

static bool mask_any(const uint8_t *m, size_t a, size_t b)
{
	for (size_t k = a; k < b; k++)
		if (m[k])
			return true;
	return false;
}

static bool overlaps_list(const struct ck_doc *d, size_t first, size_t last, enum ck_list l);

/* The end of "any <harm>" starting at token e (right after its noun): past
 * a tail that only says it was caused ("… this may have caused", "… it
 * caused", "… caused"), so that the finding holds the whole stock phrase
 * and no hedge inside it is reported on its own; e itself when there is
 * none. */
static size_t any_caused_tail(const struct ck_doc *d, size_t e)
{
	static const char *const tail[] = {"this", "that", "it", "may", "might", "could", "have", "has", "will",
		NULL};
	for (size_t k = e; k < d->ntok && k < e + 5 && !breaks_clause(d, k); k++) {
		if (ck_is(d, k, "caused") || ck_is(d, k, "cause") || ck_is(d, k, "causes"))
			return k + 1;
		if (!ck_is_any(d, k, tail))
			break;
	}
	return e;
}

/* Generic apologies beyond the stock phrases of apology_generic.txt, ending
 * at *end: an apology or regret word whose object is "any <harm>" ("we
 * regret any disruption this caused our users", "sorry for any issues"),
 * or an apology to the crowd with nothing specific after it ("our apologies
 * to everyone impacted", "… to all customers affected"; not "to you and
 * your team", not "to all customers for the four-hour outage"). */
static bool generic_pattern(const struct ck_doc *d, size_t i, size_t *end)
{
	if (!ck_has(d, i, L_APOLOGY) && !ck_has(d, i, L_REGRET))
		return false;
	for (size_t k = i + 1; k < d->ntok && k <= i + 4 && !breaks_clause(d, k); k++) {
		if (!ck_is(d, k, "any") || breaks_clause(d, k + 1))
			continue;
		if (ck_has(d, k + 1, L_HARM) || ck_is(d, k + 1, "trouble") || ck_is(d, k + 1, "difficulties") ||
		    ck_is(d, k + 1, "difficulty")) {
			*end = any_caused_tail(d, k + 2);
			return true;
		}
		/* "apologies for any confusion", "we regret any stress": "any"
		 * as the apology's own object ("for" right after the apology
		 * word, or the regret verb's object) makes whatever noun follows
		 * unnamed harm, not only a listed one; not "any of …" */
		if ((k == i + 1 || (k == i + 2 && ck_is(d, i + 1, "for"))) && d->tok[k + 1].type == CK_WORD &&
		    !ck_has(d, k + 1, L_STOPWORD) && !ck_is(d, k + 1, "of")) {
			*end = any_caused_tail(d, k + 2);
			return true;
		}
	}
	size_t k = i + 1;
	if (!ck_is(d, k, "to") || breaks_clause(d, k))
		return false;
	k++;
	/* "to every clinic that was impacted", "to each shop affected": one
	 * crowd noun with nothing but "affected" after it */
	if (ck_is(d, k, "every") || ck_is(d, k, "each")) {
		size_t q = k + 2;
		if (q >= d->ntok || d->tok[k + 1].type != CK_WORD || breaks_clause(d, k + 1) || breaks_clause(d, q))
			return false;
		if (ck_is(d, q, "that") || ck_is(d, q, "who") || ck_is(d, q, "which")) {
			q++;
			if (ck_has(d, q, L_BE_PAST) || ck_is(d, q, "is") || ck_is(d, q, "are") || ck_is(d, q, "has") ||
			    ck_is(d, q, "have"))
				q++;
			if (ck_is(d, q, "been"))
				q++;
		}
		if (q >= d->ntok || breaks_clause(d, q) || !(ck_is(d, q, "affected") || ck_is(d, q, "impacted")) ||
		    (q + 1 < d->ntok && !breaks_clause(d, q + 1)))
			return false;
		*end = q + 1;
		return true;
	}
	bool all = false;
	if (ck_is(d, k, "all") || ck_is(d, k, "those"))
		all = true, k++;
	if (ck_is(d, k, "of") && all)
		k++;
	if (ck_is(d, k, "our") || ck_is(d, k, "the"))
		k++;
	/* one word before the crowd noun: "all our valued customers" */
	if (k + 1 < d->ntok && d->tok[k].type == CK_WORD && !ck_has(d, k, L_AUDIENCE) &&
	    !breaks_clause(d, k) && !breaks_clause(d, k + 1) && ck_has(d, k + 1, L_AUDIENCE))
		k++;
	bool crowd = k < d->ntok && !breaks_clause(d, k) &&
		     (ck_has(d, k, L_AUDIENCE) || ck_is(d, k, "anyone") || ck_is(d, k, "anybody"));
	if (!crowd && !all)
		return false;
	size_t e = crowd ? k + 1 : k;
	/* only "affected", "who were impacted by this" may follow, or "for
	 * the <harm>" naming no more than a word of harm ("… to all our
	 * customers for the disruption"; not "for the four-hour outage", "for
	 * the outage of the booking page") */
	for (size_t q = e; q < d->ntok && !breaks_clause(d, q); q++) {
		if (ck_is(d, q, "for") && q + 2 < d->ntok) {
			size_t w = q + 1;
			if (ck_is(d, w, "the") || ck_is(d, w, "this") || ck_is(d, w, "any"))
				w++;
			if (!breaks_clause(d, w) && (ck_has(d, w, L_HARM) || ck_is(d, w, "trouble")) &&
			    (w + 1 >= d->ntok || breaks_clause(d, w + 1))) {
				*end = w + 1;
				return true;
			}
		}
		if (q >= e + 5 || d->tok[q].type == CK_NUM || ck_is(d, q, "for") || ck_is(d, q, "that") ||
		    is_second_person(d, q))
			return false;
	}
	if (e < d->ntok && !breaks_clause(d, e) && (ck_is(d, e, "affected") || ck_is(d, e, "impacted")))
		e++;
	*end = e;
	return true;
}

/* Whether the conditional apology word i had its condition fronted ("If
 * you were affected, we apologise …"): its span's marker comes before it. */
static bool fronted_at(const struct ck_ctx *c, size_t i)
{
	size_t k = apo_span_lower(c, i);
	return k < c->napo_span && c->apo_span[k].tok == i && c->apo_span[k].from < i;
}

static void rule_generic(struct ck_ctx *c, const struct ck_rule *r)
{
	each_hit(c, L_GENERIC, generic_one, r);
	if (!apologies_upto(c, c->t1))
		return;
	/* the stock phrases' mask (a byte a token, filled from every hit) is
	 * made for the first pattern found: most messages have none */
	const uint8_t *listed = c->generic_mask;
	/* generic_pattern's own first test, inline: most tokens are no apology
	 * or regret word, and a call per token cost more than the test */
	const uint64_t apo_words = (1ull << L_APOLOGY) | (1ull << L_REGRET);
	for (size_t i = c->t0, se = i; i < c->t1; i++) {
		if (i >= se && (i = sent_with(D, i, c->t1, apo_words, &se)) >= c->t1)
			break;
		size_t e;
		if (!(D->cls[i] & apo_words) || !generic_pattern(D, i, &e))
			continue;
		if (!listed && !(listed = c->generic_mask = cover_mask(c, L_GENERIC)))
			return;
		if (mask_any(listed, i, e))
			continue;
		/* "we apologize if you experienced any issues" is the conditional
		 * apology, reported once by apology.conditional; a condition
		 * fronted before the apology word leaves its object the
		 * apology's own ("If you were affected, we apologise for any
		 * disruption": both) */
		if (c->apo[i] == APO_NON || (c->apo[i] == APO_CONDITIONAL && !fronted_at(c, i)))
			continue;
		struct ck_hit h = {.list = L_GENERIC, .first = (uint32_t)i, .last = (uint32_t)e};
		generic_one(c, r, &h);
		i = e - 1;
	}
}

/* ---- ownership ------------------------------------------------------------------ */

static bool is_adverb(const struct ck_doc *d, size_t i)
{
	const struct ck_tok *t = &d->tok[i];
	if (t->type != CK_WORD)
		return false;
	const char *w = ck_norm(d, i);
	if (t->nlen > 3 && !strcmp(w + t->nlen - 2, "ly"))
		return true;
	return !strcmp(w, "not") || !strcmp(w, "never") || !strcmp(w, "also") || !strcmp(w, "then") ||
	       !strcmp(w, "all") || !strcmp(w, "both") || !strcmp(w, "still") || !strcmp(w, "just") ||
	       !strcmp(w, "later") || !strcmp(w, "even");
}

/* "by <agent>": by our team, by us, by a script, by Anna, by staff — not
 * by mistake, by accident or by two hours. */
static bool has_agent(const struct ck_doc *d, size_t from, size_t to)
{
	for (size_t k = from; k < to && k < d->ntok; k++) {
		if (k > from && breaks_clause(d, k))
			return false;
		if (!ck_is(d, k, "by") || k + 1 >= d->ntok)
			continue;
		size_t a = k + 1;
		static const char *const det[] = {"our", "us", "me", "the", "a", "an", "my", "their",
			"his", "her", "its", "your", "them", "him", "one", "someone", "somebody",
			"we", "i", "you", "an", "this", "that", "another", NULL};
		if (ck_is_any(d, a, det)) {
			/* "by the time", "by the end" are not agents */
			if (ck_is(d, a + 1, "time") || ck_is(d, a + 1, "end") || ck_is(d, a + 1, "way"))
				return false;
			return true;
		}
		if ((d->tok[a].flags & CK_TF_CAP) && d->tok[a].type == CK_WORD)
			return true;
		/* people with no article: "checked by staff", "released by
		 * customs at Felixstowe" */
		return ck_has(d, a, L_TEAM) || ck_is(d, a, "customs");
	}
	return false;
}

/* "the vessel was delayed by bad weather", "e-mails were delayed by up to
 * two hours": "delayed by" names what held it up or how long it was held
 * (writers marked 3 of the 7 such uses over the labelled sets: the size
 * of a delay is its impact told, not an act hidden); "damaged by damp",
 * "by road salt" names what did the damage (none of the 2 such uses in
 * the dev sets marked). Token j is the participle. */
static bool delayed_by(const struct ck_doc *d, size_t j)
{
	return (ck_is(d, j, "delayed") || ck_is(d, j, "damaged")) && j + 2 < d->ntok && !breaks_clause(d, j + 1) &&
	       !breaks_clause(d, j + 2) && ck_is(d, j + 1, "by");
}

static bool passive_negated(const struct ck_doc *d, size_t cf, size_t j);
static bool actor_next(struct ck_ctx *c, size_t i);
static bool passive_conditional(const struct ck_doc *d, size_t cf, size_t j);

/* Token k is on a subject line ("Subject: Why your booking was lost",
 * "Re: …"): a title that names the message's topic, which the body then
 * tells with its doer; writers left every passive there unmarked (dev
 * sets holdout20-373: 19 findings, none marked). */
/* Token v, or the token after it when v is the "re" of a verb redone with
 * a hyphen ("re-made", "re-pairing"): where the verb's own word is, before
 * end. */
static size_t past_re(const struct ck_doc *d, size_t v, size_t end)
{
	return v + 1 < end && ck_is(d, v, "re") && (d->tok[v + 1].flags & CK_TF_HYPH) ? v + 1 : v;
}

static bool line_of(const struct ck_doc *d, size_t k, size_t max, size_t *lf, size_t *ll);
static bool subject_label(const struct ck_doc *d, size_t lf, size_t ll);

static bool on_subject_line(const struct ck_doc *d, size_t k)
{
	/* a subject line is short: at most 32 tokens, no walk along a long
	 * line */
	size_t lf, ll;
	return line_of(d, k, 32, &lf, &ll) && subject_label(d, lf, ll);
}

/* An idiom of passive_phrases.txt, unless an agent follows or a negation
 * in the subject denies it ("no orders were lost and no card was charged
 * twice" denies the harm, as passive_negated does for the participles). */
static void passive_phrase_one(struct ck_ctx *c, const struct ck_rule *r, const struct ck_hit *h)
{
	int n;
	const char *s = src(c, h->first, h->last, &n);
	size_t cb = clause_back(D, h->first, 6);
	if (has_agent(D, h->last, h->last + 6) || passive_negated(D, cb, h->first) ||
	    passive_conditional(D, cb, h->first) || actor_next(c, h->first) || on_subject_line(D, h->first))
		return;
	ck_finding(c, r, r->sev, D->tok[h->first].start, D->tok[h->last - 1].end, false,
		   ck_fmt(c, "say who did it: \"we made a mistake: we <what we did>\""),
		   "\"%.*s\" hides who acted", n, s);
}

static bool overlaps_list(const struct ck_doc *d, size_t first, size_t last, enum ck_list l);

/* Token k is a zero count of what follows: "0 cases", "zero orders". */
static bool zero_count(const struct ck_doc *d, size_t k)
{
	return (ck_is(d, k, "0") || ck_is(d, k, "zero")) && k + 1 < d->ntok && d->tok[k + 1].type == CK_WORD;
}

/* A negated passive denies the harm instead of hiding an actor: "none of
 * your files were deleted", "no data was lost", "were not deleted", "0
 * orders were left behind". The subject is at most six words back in the
 * clause. */
static bool passive_negated(const struct ck_doc *d, size_t cf, size_t j)
{
	for (size_t k = cf; k < j; k++)
		if (ck_has(d, k, L_NEGATION) || ck_is(d, k, "none") || ck_is(d, k, "nothing") ||
		    ck_is(d, k, "neither") || ck_is(d, k, "nobody") || zero_count(d, k))
			return true;
	return false;
}

/* A subject that denies the harm may be longer than six words: "none of
 * the applications sent before 07:50 were lost", "0 cases of any
 * customer's orders have been left behind". Only a denying pronoun or a
 * zero count opens it: a "not" that far back belongs to another verb ("it
 * did not come back because the wrong limit was entered"). Tokens [cf,
 * subj). */
static bool none_of(const struct ck_doc *d, size_t cf, size_t subj)
{
	for (size_t k = cf; k < subj; k++)
		if (ck_is(d, k, "none") || ck_is(d, k, "nothing") || ck_is(d, k, "neither") || ck_is(d, k, "nobody") ||
		    (k + 1 < subj && zero_count(d, k)))
			return true;
	return false;
}

/* A passive in an if-clause asserts nothing: "if you were charged twice,
 * call us", "if any file was deleted, …", "to the extent that any racers
 * were turned away, …" is a condition, not an account. */
static bool passive_conditional(const struct ck_doc *d, size_t cf, size_t j)
{
	for (size_t k = cf; k < j; k++)
		if (ck_is(d, k, "if") || (ck_is(d, k, "extent") && k + 1 < j && ck_is(d, k + 1, "that")))
			return true;
	return false;
}

/* A word that reads as a verb in the past tense: "-ed", an admitting verb
 * (ownership_verbs.txt) or a common irregular one. */
static bool past_form(const struct ck_doc *d, size_t k);

static bool past_verb(const struct ck_doc *d, size_t k)
{
	if (k >= d->ntok || (d->tok[k].gap & (CK_G_SENT | CK_G_CLAUSE)))
		return false;
	return past_form(d, k);
}

/* Token k has the form of a past verb, wherever it stands: past_verb
 * without its test that k continues a clause. */
static bool past_form(const struct ck_doc *d, size_t k)
{
	if (k >= d->ntok || d->tok[k].type != CK_WORD)
		return false;
	if (ck_has(d, k, L_OWN_VERB))
		return true;
	/* the regular form first: a test of two bytes, where the lists
	 * below are up to 18 comparisons for every other word */
	if (ends_ed(d, k, 3))
		return true;
	size_t n = d->tok[k].nlen;
	if (n > 9)
		return false;
	/* the common irregular ones, by their last letter: one short list
	 * asked, not all of them (past_form runs on most words) */
	static const char *const in_n[] = {"ran", "began", "taken", "shown", "woven", "sewn", "written", "drawn",
		"worn", "torn", "thrown", "spun", "driven", "stolen", "frozen", "chosen", "hidden", "blown", "fallen",
		"beaten", "forgotten", "mistaken", "overtaken", "eaten", "bitten", "sworn", NULL};
	static const char *const in_t[] = {"sent", "set", "left", "put", "forgot", "built", "let", "kept", "brought",
		"bought", "spent", "got", "went", "burnt", "bent", "cut", "shut", "split", "swept", "dealt", "lit",
		"taught", "sought", "struck", NULL};
	static const char *const in_d[] = {"did", "paid", "told", "found", "sold", "held", "laid", "fed", "led",
		"spread", "wound", "bound", "hid", NULL};
	static const char *const in_e[] = {"made", "wrote", "broke", "chose", "gave", "came", "threw", "drew", "wore",
		"tore", "drove", "froze", "stole", NULL};
	static const char *const in_other[] = {"hung", "dug", "took", "stuck", "shrunk", "sunk", "stung", "strung",
		"swung", "rung", "flung", NULL};
	switch (ck_norm(d, k)[n - 1]) {
	case 'n': return ck_is_any(d, k, in_n);
	case 't': return ck_is_any(d, k, in_t);
	case 'd': return ck_is_any(d, k, in_d);
	case 'e': return ck_is_any(d, k, in_e);
	case 'g': case 'k': return ck_is_any(d, k, in_other);
	default: return false;
	}
}

/* What rule_passive needs to know about a sentence, found in one pass:
 * whether it names who acted — a first-person subject with a past verb
 * after a causal word ("your transfers were delayed because we applied the
 * wrong calendar": any passive in the sentence), or before the passive and
 * not a repair ("our order service retried …, so orders were shipped
 * twice"; "our engineers restored …" does not count) — and whether it gives
 * a cause (cause.txt) or a consequence (", so …"). */
struct passive_sent {
	size_t sent;               /* sentence index + 1; 0 = not computed */
	bool causal_actor;         /* an actor after because/when/after/since/as */
	bool causal_named;         /* such an actor who names the doer: "we" or "I", or after "because" */
	size_t first_actor;        /* first other actor, or SIZE_MAX */
	bool cause;                /* a cause.txt phrase */
	size_t last_so;            /* the last ", so" (not "so that"), or 0 */
	size_t last_which;         /* the last ", which caused/led/meant …", or 0 */
	size_t first_reader;       /* first "you"/"your" after first_actor, or SIZE_MAX */
	bool ours;                 /* "we", "our" or "us" (not after a past verb) anywhere in the sentence */
	size_t first_doer;         /* first actor of ours with any past verb, or SIZE_MAX */
};

/* Token k is a preposition of place: what follows it is where, not who. */
static bool at_place(const struct ck_doc *d, size_t k)
{
	return ck_is(d, k, "at") || ck_is(d, k, "in") || ck_is(d, k, "on") || ck_is(d, k, "from") ||
	       ck_is(d, k, "inside") || ck_is(d, k, "near");
}

/* "did not update", "had not checked": token k, "did" or "had", then a
 * negation and a verb — an act we left undone, which names us as the ones
 * who acted as much as "we updated" would ("… was calculated with last
 * month's rate because we did not update our rate file"). "we did not
 * <anything else>" ("we did not know", "we had no …") stays no actor. */
static bool did_not_act(const struct ck_doc *d, size_t k)
{
	if (!(ck_is(d, k, "did") || ck_is(d, k, "had")) || k + 2 >= d->ntok || breaks_clause(d, k + 2))
		return false;
	static const char *const unaware[] = {"know", "known", "realise", "realize", "realised", "realized",
		"notice", "noticed", "see", "seen", "expect", "expected", "hear", "heard", NULL};
	size_t v = k + 2;
	if (d->tok[v].type != CK_WORD || ck_has(d, v, L_STOPWORD) || ck_is_any(d, v, unaware))
		return false;
	return ck_is(d, k, "did") || past_form(d, v);
}

/* ", which" at token k opens a consequence: caused, led, meant,
 * resulted, stopped, broke or explains (after at most one adverb) — "was
 * allowed to expire, which caused syncs to fail", "…, which probably
 * explains the errors". */
static bool which_led(const struct ck_doc *d, size_t k)
{
	static const char *const led[] = {"caused", "led", "meant", "resulted", "stopped", "broke", "explains",
		"explained", NULL};
	size_t v = k + 1;
	if (v < d->ntok && !breaks_clause(d, v) && is_adverb(d, v) && !ck_is(d, v, "not") && !ck_is(d, v, "never"))
		v++;
	return v < d->ntok && !breaks_clause(d, v) && ck_is_any(d, v, led);
}

static void passive_sent_scan(const struct ck_doc *d, size_t i, struct passive_sent *ps)
{
	size_t si = d->tok[i].sent;
	if (ps->sent == si + 1)
		return;
	const struct ck_sent *s = &d->sent[si];
	*ps = (struct passive_sent){.sent = si + 1, .first_actor = SIZE_MAX, .first_reader = SIZE_MAX,
				    .first_doer = SIZE_MAX};
	for (size_t k = s->first; k < s->last; k++) {
		if (ps->first_actor < k && ps->first_reader == SIZE_MAX && (ck_is(d, k, "you") || ck_is(d, k, "your")))
			ps->first_reader = k;
		if (ck_has(d, k, L_CAUSE))
			ps->cause = true;
		/* "us" only as the object of a verb of ours, not of another's
		 * ("…, and your office has told us that pupils waited") */
		if (ck_is(d, k, "we") || ck_is(d, k, "our") ||
		    (ck_is(d, k, "us") && !(k > s->first && (past_form(d, k - 1) || ck_is(d, k - 1, "told")))))
			ps->ours = true;
		if (ck_is(d, k, "so") && (d->tok[k].gap & CK_G_CLAUSE) && !ck_is(d, k + 1, "that"))
			ps->last_so = k;
		if (ck_is(d, k, "which") && (d->tok[k].gap & CK_G_CLAUSE) && which_led(d, k))
			ps->last_which = k;
		size_t v = 0;
		if (first_person(d, k) && past_verb(d, k + 1) && (!ck_has(d, k + 2, L_NEGATION) || did_not_act(d, k + 1)))
			v = k + 1;
		/* not a place of ours after a preposition, which is no
		 * subject: "a database failover at our hosting site left …" */
		else if (ck_is(d, k, "our") && !(k > s->first && !breaks_clause(d, k) && at_place(d, k - 1)))
			for (size_t m = k + 2; m <= k + 3 && m < s->last && !v; m++)
				if (past_verb(d, m) && !ck_has(d, m - 1, L_BE_PAST) && !ck_is(d, m - 1, "have") &&
				    !ck_is(d, m - 1, "has") && !ck_is(d, m - 1, "had"))
					v = m;
		if (!v)
			continue;
		if (k < ps->first_doer)
			ps->first_doer = k;
		/* not "while": "… was rolled out at once, and no region was left
		 * working while we diagnosed it" names who diagnosed, not who
		 * rolled out */
		bool causal = k > s->first && (ck_is(d, k - 1, "because") || ck_is(d, k - 1, "when") ||
					       ck_is(d, k - 1, "after") || ck_is(d, k - 1, "since") ||
					       ck_is(d, k - 1, "as"));
		if (causal) {
			ps->causal_actor = true;
			if (first_person(d, k) || ck_is(d, k - 1, "because"))
				ps->causal_named = true;
		}
		else if ((!ck_has(d, v, L_ACTION) || ck_has(d, v, L_OWN_VERB)) && k < ps->first_actor)
			ps->first_actor = k;
	}
	/* cause.txt phrases of several words set no class bit: take the hits
	 * starting in the sentence (sorted by first token: never scan d->hit
	 * from 0 per sentence, which made a long message quadratic) */
	for (size_t h = ck_hit_lower(d, s->first); h < d->nhit && d->hit[h].first < s->last && !ps->cause; h++)
		if (d->hit[h].list == L_CAUSE)
			ps->cause = true;
}

/* The sentence after token i's names who acted, pointing back at it:
 * "That happened because we released …", "This was because our job …",
 * "We caused this when …".
 * Scanned once per sentence (c->next_actor): a sentence of many passives
 * before a long one made it quadratic. */
static bool actor_next(struct ck_ctx *c, size_t i)
{
	size_t s = D->tok[i].sent + 1;
	if (s >= D->nsent)
		return false;
	if (c->next_actor_sent == s + 1)
		return c->next_actor;
	size_t f = D->sent[s].first;
	bool named = false;
	if (ck_is(D, f, "that") || ck_is(D, f, "this") || ck_is(D, f, "it")) {
		struct passive_sent ps = {0};
		passive_sent_scan(D, f, &ps);
		named = ps.causal_actor;
	}
	/* "We caused this when our routing update sent them to the wrong
	 * depot": we, caused, and the passive's event pointed back at */
	if (first_person(D, f) && f + 2 < D->sent[s].last && ck_is(D, f + 1, "caused") &&
	    (ck_is(D, f + 2, "this") || ck_is(D, f + 2, "that") || ck_is(D, f + 2, "it")))
		named = true;
	c->next_actor_sent = s + 1;
	c->next_actor = named;
	return named;
}

/* "as you asked", "as agreed", "as requested": at most twelve tokens
 * after token j in its sentence, the act told as wanted. */
static bool as_requested(const struct ck_doc *d, size_t j)
{
	static const char *const asked[] = {"asked", "requested", "agreed", "arranged", "instructed", "planned",
		"discussed", NULL};
	const struct ck_sent *st = &d->sent[d->tok[j].sent];
	for (size_t k = j + 1; k + 1 < st->last && k <= j + 12; k++)
		if (ck_is(d, k, "as") && (ck_is_any(d, k + 1, asked) ||
					  (k + 2 < st->last && is_second_person(d, k + 1) && ck_is_any(d, k + 2, asked))))
			return true;
	return false;
}

/* An ordinary action (passive_actions.txt) in the passive hides who made a
 * mistake only when the sentence says it was one: a fault marker
 * (fault_markers.txt: "the wrong cluster was drained", "were accidentally
 * sent"), or a cause or consequence ("because the certificate was allowed
 * to expire", "… were removed before the new ones were live, so …"). A
 * repair as the subject ("the fix was applied", "a replacement was
 * shipped") never is, and undoing a
 * faulty thing ("the faulty change was removed") is the repair. */
static bool passive_fault_context(const struct ck_doc *d, const uint8_t *fault,
				  const struct passive_sent *ps, size_t cf, size_t i, size_t j)
{
	static const char *const remedy[] = {"fix", "fixes", "patch", "workaround", "mitigation",
		"rollback", "correction", "hotfix", "repair", "solution", "backup", "replacement", "replacements",
		NULL};
	for (size_t k = cf; k < i; k++)
		/* "the backup generator", "backup power": a spare thing
		 * that failed, not a restore from a backup */
		if (ck_is_any(d, k, remedy) && !(ck_is(d, k, "backup") && k + 1 < i))
			return false;
	/* "was pushed back", "was moved back a week": postponed, no mistake */
	if (ck_is(d, j + 1, "back") && !breaks_clause(d, j + 1) &&
	    (ck_is(d, j, "pushed") || ck_is(d, j, "moved") || ck_is(d, j, "put")))
		return false;
	bool undo = ck_is(d, j, "removed") || ck_is(d, j, "retired") || ck_is(d, j, "decommissioned") ||
		    ck_is(d, j, "paused") || ck_is(d, j + 1, "back");
	/* the act made the client's things late: "the invoices were held in
	 * a queue and sent two days late" (twelve words on at most). A hold
	 * is a mistake only so: "the container was held at customs because
	 * the invoice we prepared was wrong" names a holder and our cause */
	for (size_t k = j + 1, e = clause_fwd(d, j, 12); k < e; k++)
		if (ck_is(d, k, "late"))
			return true;
	if (ck_is(d, j, "held") || ck_is(d, j, "queued"))
		return false;
	/* a thing or a person left where it should not be: "a pupil was left
	 * on the bus", "the shipments were left on the apron", "were left in
	 * a queue" (7 of 8 marked); not "left in place" (where it was asked
	 * for, "as you asked", rule_passive leaves out for any act) */
	if (ck_is(d, j, "left") && j + 2 < d->ntok && !breaks_clause(d, j + 1) && !breaks_clause(d, j + 2) &&
	    (ck_is(d, j + 1, "on") || ck_is(d, j + 1, "in") || ck_is(d, j + 1, "at")) && !ck_is(d, j + 2, "place"))
		return true;
	if (mask_any(fault, i, clause_fwd(d, j, 8)))
		return true; /* "was accidentally sent", "was set by mistake" */
	if (!undo && mask_any(fault, cf, i))
		return true; /* "the wrong cluster was drained" */
	/* ", so for 95 minutes the site could not be found", ", which
	 * caused every sync to fail" */
	return ps->cause || ps->last_so > j || ps->last_which > j;
}

/* What is sent or paid to put things right for the client: the nouns
 * that readers_thing, remedy_went_out and remedy_subject each take as a
 * remedy, beside their own. */
static const char *const remedy_nouns[] = {"refund", "refunds", "credit", "credits", "replacement", "replacements",
	"voucher", "vouchers", NULL};

/* The passive's subject, tokens [cf, i), is the reader's own thing and no
 * repair: "some of your orders were left unpaid", "your seats were given
 * to others". An ordinary act done to what the client owns is the harm
 * itself, as a harm participle is; "your refund was sent" is the remedy. */
static bool readers_thing(const struct ck_doc *d, size_t cf, size_t i)
{
	static const char *const fix[] = {"fix", "fixes", "compensation", NULL};
	bool yours = false;
	for (size_t k = cf; k < i; k++) {
		if (ck_is(d, k, "your"))
			yours = true;
		if (ck_is_any(d, k, remedy_nouns) || ck_is_any(d, k, fix))
			return false;
	}
	return yours;
}

/* The passive's subject, tokens [cf, i), is the client's people at
 * large: "some clients were told …", "several members were sent …" (an
 * audience noun, audience.txt). */
static bool crowd_subject(const struct ck_doc *d, size_t cf, size_t i)
{
	for (size_t k = cf; k < i; k++)
		if (ck_has(d, k, L_AUDIENCE))
			return true;
	return false;
}

/* Token k, a harm or action verb, in the active voice: not after a form of
 * "be" (nor after one and up to two adverbs), not after a determiner or a
 * possessive ("the deleted records", "Thursday's rejected filings"). "It
 * silently skipped every change", "we have removed". */
static bool active_use(const struct ck_doc *d, size_t k)
{
	size_t p = k;
	for (int adv = 0; p > 0 && adv < 2 && !breaks_clause(d, p) && is_adverb(d, p - 1); adv++)
		p--;
	if (p == 0 || breaks_clause(d, p))
		return false;
	static const char *const not_subject[] = {"be", "being", "is", "are", "am", "get", "gets",
		"getting", "the", "a", "an", "your", "our", "their", "its", "these", "those", "any",
		"some", "every", "no", "'s", NULL};
	if (ck_has(d, p - 1, L_BE_PAST))
		return false;
	/* "Order e-mails sent to the wrong customers" (a headline), "the
	 * files deleted by the job": a noun, the verb and a preposition is a
	 * participle after its noun — the act done to it, not by it; an
	 * active verb has its subject as a pronoun there ("it sent to …") or
	 * an object after it */
	static const char *const prep[] = {"to", "into", "onto", "by", "from", "for", "at", "on", "in", "with", NULL};
	static const char *const pronoun[] = {"we", "i", "it", "they", "he", "she", "you", "who", "that", "which", NULL};
	if (ck_is_any(d, p - 1, not_subject))
		return false;
	return k + 1 >= d->ntok || breaks_clause(d, k + 1) || d->tok[k + 1].nlen > 4 || !ck_is_any(d, k + 1, prep) ||
	       ck_is_any(d, p - 1, pronoun);
}

/* The message used verb j actively before token i, at most
 * ACTED_SENTENCES sentences before: the passive then repeats an act whose
 * actor was just named ("our sync service … skipped every change …; we
 * will re-sync the changes that were skipped"). */
enum { ACTED_SENTENCES = 8 };
static bool acted_before(const struct ck_ctx *c, size_t j, size_t i)
{
	for (size_t q = 0; q < c->nacted; q++) {
		size_t k = c->acted[q];
		if (k < i && D->tok[k].sent + ACTED_SENTENCES >= D->tok[i].sent &&
		    D->tok[k].hash == D->tok[j].hash && D->tok[k].nlen == D->tok[j].nlen &&
		    !memcmp(ck_norm(D, k), ck_norm(D, j), D->tok[j].nlen))
			return true;
	}
	return false;
}

/* Records token k if it is an active use: the latest use of each verb, in
 * a table of 32 verbs (the oldest entry makes room). */
static void note_acted(struct ck_ctx *c, size_t k)
{
	if (!active_use(D, k))
		return;
	const size_t cap = sizeof c->acted / sizeof c->acted[0];
	size_t q = 0;
	for (; q < c->nacted; q++) {
		size_t m = c->acted[q];
		if (D->tok[m].hash == D->tok[k].hash && D->tok[m].nlen == D->tok[k].nlen &&
		    !memcmp(ck_norm(D, m), ck_norm(D, k), D->tok[k].nlen))
			break;
	}
	if (q == c->nacted && c->nacted == cap) {
		q = 0;
		for (size_t o = 1; o < cap; o++)
			if (c->acted[o] < c->acted[q])
				q = o;
	} else if (q == c->nacted) {
		c->nacted++;
	}
	c->acted[q] = (uint32_t)k;
}

/* A fault noun as the passive's subject, at most three words before
 * token i in its clause and after any subordinator: "errors were
 * introduced", "a bug was shipped"; not "due to user error when the list
 * was prepared". */
static bool fault_subject(const struct ck_doc *d, size_t i)
{
	static const char *const fault[] = {"error", "errors", "mistake", "mistakes", "bug", "bugs", "fault",
		"faults", "defect", "defects", "typo", "typos", NULL};
	static const char *const sub[] = {"when", "while", "after", "because", "as", "since", "if", "that",
		"which", "before", "until", NULL};
	for (size_t k = i; k > 0 && i - k < 3 && !breaks_clause(d, k); k--) {
		if (ck_is_any(d, k - 1, sub))
			return false;
		if (ck_is_any(d, k - 1, fault))
			return true;
	}
	return false;
}

/* "you" or "your" among tokens (v, a): the reader became a subject
 * after our act ("our servers rejected every sign-in, so you could not
 * play, and the final was called off"), and our act reaches no further. */
static bool reader_between(const struct ck_doc *d, size_t v, size_t a)
{
	for (size_t k = v + 1; k < a; k++)
		if (ck_is(d, k, "you") || ck_is(d, k, "your"))
			return true;
	return false;
}

/* "we paid the difference, and …": "we" or "I" opening a clause at most
 * sixteen tokens before token a ("and") in its sentence, with a past verb
 * after it that admits no fault (ownership_verbs.txt). */
static bool we_did_then(const struct ck_doc *d, size_t a)
{
	static const char *const prep[] = {"of", "by", "for", "to", "with", "into", NULL};
	size_t sf = d->sent[d->tok[a].sent].first;
	for (size_t k = a; k > sf && a - k < 24; k--) {
		size_t w = k - 1;
		if (a - k < 16 && first_person(d, w) && (w == sf || breaks_clause(d, w)) && past_verb(d, w + 1) &&
		    !ck_has(d, w + 1, L_OWN_VERB))
			return true;
		/* "last week our platform went down twice, for an hour on
		 * Tuesday, and your lessons were interrupted": a thing of
		 * ours, one or two words that are no stopword, did it (not
		 * after a preposition: "the calls from our switchboard …") */
		if (ck_is(d, w, "our") && !(w > sf && (at_place(d, w - 1) || ck_is_any(d, w - 1, prep))))
			for (size_t v = w + 2; v <= w + 3 && v < a; v++) {
				if (ck_has(d, v - 1, L_STOPWORD))
					break;
				if (past_verb(d, v) && !ck_has(d, v, L_OWN_VERB) && !ck_has(d, v, L_BE_PAST))
					return !reader_between(d, v, a);
			}
	}
	return false;
}

/* Token k has the form un…ed ("unsealed", "unconnected"): a state not
 * done. */
static bool undone_word(const struct ck_doc *d, size_t k)
{
	const char *w = ck_norm(d, k);
	size_t n = d->tok[k].nlen;
	return n > 5 && w[0] == 'u' && w[1] == 'n' && w[n - 2] == 'e' && w[n - 1] == 'd';
}

/* "left unconnected", "left unlocked", "kept unpaid": "left" or "kept"
 * (token j) and a word of the form un…ed — a state not done; or "left"
 * and a state nobody should leave a thing in ("was left loose over the
 * ridge", "left open", "left running"; not "left behind", which the
 * corpus denies with counts such as "0 cases of … have been left
 * behind"), any state in -ed ("a drain had been left blocked", "was left
 * jammed") or "outside" ("the pallet was left outside overnight"). */
static bool left_undone(const struct ck_doc *d, size_t j)
{
	static const char *const unsafe[] = {"loose", "open", "exposed", "running", "switched", "outside", NULL};
	if (!(ck_is(d, j, "left") || ck_is(d, j, "kept")) || j + 1 >= d->ntok || breaks_clause(d, j + 1))
		return false;
	if (ck_is(d, j, "left")) {
		if (ck_is_any(d, j + 1, unsafe) || (d->tok[j + 1].type == CK_WORD && ends_ed(d, j + 1, 4)))
			return true;
	}
	return undone_word(d, j + 1);
}

/* "the slat pack was left off the van", "the barriers were left in
 * place until 11:30am", "guests were left waiting for food", "a junction
 * box was left with a loose neutral", "was left half-cleared": "left"
 * (token j) and where or how it stayed — a harm whose doer is hidden, as a
 * participle of harm is (not a mistake told outright: the ", so" clause
 * after an act of ours, "as you asked" and a named doer still spare it).
 * Dev sets: writers marked 161 of the 186 uses of "left" after a form of
 * be, 25 of these kinds among the ones unreported. */
static bool left_astray(const struct ck_doc *d, size_t j)
{
	static const char *const where[] = {"off", "out", "in", "on", "at", "behind", "with", "waiting", "hanging",
		"blocking", "partially", "half", "dark", NULL};
	return ck_is(d, j, "left") && j + 1 < d->ntok && !breaks_clause(d, j + 1) && ck_is_any(d, j + 1, where);
}

/* Verbs that mend, remove or find a faulty thing: with a fault marker in
 * its subject ("the wrong figures were corrected") a passive tells the
 * remedy or the finding, not the mistake (fault_marked, passive_misdone). */
static const char *const mend_verbs[] = {"corrected", "replaced", "fixed", "repaired", "removed", "withdrawn",
	"recalled", "reverted", "retired", "cancelled", "canceled", "deleted", "discarded", "destroyed",
	"found", "identified", "spotted", "caught", "detected", "traced", "isolated", "quarantined",
	"rejected", "blocked", "stopped", "paused", "disabled", "reported", "flagged", "reprinted",
	"reissued", "resent", "returned", "refunded", "credited", "swapped", "exchanged", NULL};

/* A fault_markers.txt hit that tells how an act was done, not what a
 * thing is: one of several words ("in error", "by mistake", "without
 * approval") or an adverb in -ly ("wrongly"); not "wrong", "faulty". */
static bool fault_hit_adverbial(const struct ck_doc *d, const struct ck_hit *h)
{
	size_t f = h->first;
	return h->last > f + 1 || (d->tok[f].nlen > 3 && !strcmp(ck_norm(d, f) + d->tok[f].nlen - 2, "ly"));
}

/* "was supplied to you in error before …", "were updated incorrectly
 * during the visit", "was stacked with the dry stock by mistake": an
 * adverbial fault marker (fault_hit_adverbial) telling how the act of
 * verb j was done, anywhere in the few tokens of its clause before
 * another clause or verb group opens ("and", "which", "when" …). */
static bool fault_adverb_after(const struct ck_doc *d, size_t j)
{
	static const char *const opens[] = {"and", "but", "which", "who", "that", "when", "because", "so", "while",
					    "until", "after", "where", "if", "as", NULL};
	size_t e = clause_fwd(d, j, 9);
	for (size_t h = ck_hit_lower(d, j + 1); h < d->nhit && d->hit[h].first < e; h++) {
		if (d->hit[h].list != L_FAULT || d->hit[h].last > e || !fault_hit_adverbial(d, &d->hit[h]))
			continue;
		for (size_t k = j + 1; k < d->hit[h].first; k++)
			if (ck_is_any(d, k, opens))
				return false;
		return true;
	}
	return false;
}

/* Sentence si names one of ours: "we", "I" or "our" in it. */
static bool names_ours(const struct ck_doc *d, size_t si)
{
	const struct ck_sent *st = &d->sent[si];
	for (size_t k = st->first; k < st->last; k++) {
		if (ck_is(d, k, "we") || ck_is(d, k, "i"))
			return true;
		/* not a place of ours, after a preposition of place (not
		 * "from": "taps from our moulding supplier that were made with
		 * the wrong plastic" names who made them) or a past verb: "…
		 * the wrong way round before the unit left our shop", "… at our
		 * depot" names where, not who */
		if (ck_is(d, k, "our") && !(k > st->first && !breaks_clause(d, k) && !ck_is(d, k - 1, "from") &&
					     (at_place(d, k - 1) || past_verb(d, k - 1))))
			return true;
	}
	return false;
}

/* A fault marker (mask fault) on passive verb j: right after it ("were
 * closed in error"), after a preposition and its article there ("were
 * posted to the wrong branch", "was filed under an outdated code"),
 * between "be" at i and it ("was wrongly closed"), or in its subject
 * [subj, i) ("the wrong lenses were fitted") — unless the verb mends or
 * finds the faulty thing ("the wrong figures were corrected", "the
 * faulty batch was found"). */
static bool fault_marked(const struct ck_doc *d, const uint8_t *fault, size_t subj, size_t i, size_t j)
{
	static const char *const prep[] = {"to", "into", "at", "on", "in", "under", "against", "from", "for", NULL};
	static const char *const art[] = {"the", "a", "an", NULL};
	size_t q = j + 1;
	/* the mask first: a byte test, where the preposition is a list */
	if (q + 3 < d->ntok && mask_any(fault, q + 1, q + 3) && !breaks_clause(d, q + 1) && ck_is_any(d, q, prep)) {
		q++;
		if (q + 1 < d->ntok && !breaks_clause(d, q + 1) && ck_is_any(d, q, art))
			q++;
		if (mask_any(fault, q, q + 1))
			return true;
	}
	if (mask_any(fault, i + 1, j) || (j + 1 < d->ntok && !breaks_clause(d, j + 1) && mask_any(fault, j + 1, j + 2)))
		return true;
	/* "were tuned to the wrong pitch", "was delivered to a wrong
	 * address": "to" and "the" or "a" between the verb and the marker,
	 * where the act went (not "labelled with the wrong addresses", the
	 * thing's own fault, which a reader may pin on us in the next
	 * clause) */
	if (j + 3 < d->ntok && !breaks_clause(d, j + 1) && !breaks_clause(d, j + 2) && !breaks_clause(d, j + 3) &&
	    ck_is(d, j + 1, "to") && (ck_is(d, j + 2, "the") || ck_is(d, j + 2, "a")) && mask_any(fault, j + 3, j + 4))
		return true;
	/* "were fitted the wrong way round", "were issued the wrong sizes":
	 * "the" and the marker right after the verb, what the act gave or
	 * how it was done, in a sentence that names none of ours ("our
	 * payroll export wrote last month's figures, and 40 of your
	 * employees were paid the wrong amounts" names who) */
	if (j + 2 < d->ntok && !breaks_clause(d, j + 1) && !breaks_clause(d, j + 2) && ck_is(d, j + 1, "the") &&
	    mask_any(fault, j + 2, j + 3) && !names_ours(d, d->tok[j].sent))
		return true;
	/* "were issued with incorrect barcodes", "were dispatched with the
	 * wrong dosage labels": "with", an optional article and the marker
	 * right after the verb, in a sentence that names no one of ours
	 * (we, I, our: "labelled with the wrong codes; we caused that",
	 * "a relabelling done by our night shift …, so orders were packed
	 * with the wrong size") and no agent after it in its clause
	 * (has_agent: "filled with the wrong insulation in 2019 by a
	 * contractor") */
	if (j + 2 < d->ntok && ck_is(d, j + 1, "with") && !breaks_clause(d, j + 1) && !breaks_clause(d, j + 2)) {
		size_t m = j + 2;
		if (ck_is_any(d, m, art) && m + 1 < d->ntok && !breaks_clause(d, m + 1))
			m++;
		if (mask_any(fault, m, m + 1)) {
			const struct ck_sent *st = &d->sent[d->tok[j].sent];
			return !names_ours(d, d->tok[j].sent) && !has_agent(d, m + 1, st->last);
		}
	}
	return (mask_any(fault, subj, i) && !ck_is_any(d, j, mend_verbs) && !ck_has(d, j, L_REPAIR) &&
		!ck_has(d, j, L_CORRECTION)) ||
	       fault_adverb_after(d, j);
}

/* "the low-chlorine alerts were switched off", "the supply was turned
 * off for a short while": a guard or a supply switched off (verb v,
 * "off" right after it) — every such passive in the labelled sets with
 * nobody named hid who did it. */
static bool switched_off(const struct ck_doc *d, size_t v)
{
	return v + 1 < d->ntok && (ck_is(d, v, "switched") || ck_is(d, v, "turned")) && ck_is(d, v + 1, "off") &&
	       !breaks_clause(d, v + 1);
}

/* A fault marker after a preposition and its article, the preposition
 * two to eight tokens after verb v in its clause: "sent the frame
 * graphics at the wrong resolution", "were stitched with thread from
 * the wrong batch" — what the act used, or where it went, was wrong.
 * "with" is no such preposition: "labelled with the wrong codes" tells
 * the thing's own fault. */
static bool fault_further_on(const struct ck_doc *d, size_t v)
{
	static const char *const prep[] = {"to", "into", "at", "on", "in", "under", "against", "from", "for", "of", NULL};
	static const char *const art[] = {"the", "a", "an", NULL};
	for (size_t k = v + 4, e = clause_fwd(d, v, 11); k < e; k++)
		if (ck_has(d, k, L_FAULT) && ck_is_any(d, k - 1, art) && ck_is_any(d, k - 2, prep))
			return true;
	return false;
}

/* MARKER at most eight tokens after passive verb j in its clause, and one
 * of WORDS within REACH tokens of the first such marker, in its clause. */
static bool marker_then(const struct ck_doc *d, size_t j, const char *marker, const char *const *words,
			size_t reach)
{
	size_t e = clause_fwd(d, j, 8);
	for (size_t k = j + 1; k < e; k++) {
		if (!ck_is(d, k, marker))
			continue;
		for (size_t q = k + 1, qe = clause_fwd(d, k, reach); q < qe; q++)
			if (ck_is_any(d, q, words))
				return true;
		return false;
	}
	return false;
}

/* "were printed before the manifest had been checked": passive verb j,
 * then "before" (at most eight tokens on in its clause) and a check in the
 * past within eight tokens of it — the act went ahead of the check it
 * needed. */
static bool before_check(const struct ck_doc *d, size_t j)
{
	static const char *const check[] = {"checked", "verified", "approved", "reviewed", "tested",
		"confirmed", "validated", "proofed", "inspected", "signed", NULL};
	return marker_then(d, j, "before", check, 9);
}

/* "was generated but never distributed", "were charged to the buyer's
 * card but never e-mailed": passive verb j, then "but never" or "but
 * not" at most nine tokens on in its clause and a second past verb (its
 * second half, after a hyphen: "e-mailed") — the act the first one
 * needed was left undone. */
static bool then_never(const struct ck_doc *d, size_t j)
{
	for (size_t k = j + 1, e = clause_fwd(d, j, 12); k + 2 < e; k++) {
		if (!ck_is(d, k, "but"))
			continue;
		size_t v = k + 2;
		if (!(ck_is(d, k + 1, "never") || ck_is(d, k + 1, "not")))
			return false;
		if (v + 1 < e && (d->tok[v + 1].flags & CK_TF_HYPH) && d->tok[v].nlen <= 2)
			v++; /* "e-mailed", "re-sent" */
		return past_verb(d, v);
	}
	return false;
}

static const char *const our_work[] = {"update", "updates", "upgrade", "upgrades", "maintenance",
	"migration", "release", "deployment", "rollout", "changeover", "cutover", "work", "works", NULL};

/* "was switched off during an update", "was changed during routine
 * maintenance": passive verb j, then "during" (at most eight tokens on in
 * its clause) and, within three tokens of it, routine work of the
 * sender's (our_work), or such a "during" opening the sentence before the
 * subject (token subj). Something done to a thing in the middle of our
 * own work is a side effect nobody meant — a mistake whatever the verb —
 * unless the verb mends or finds ("was restored during the upgrade"). */
static bool during_our_work(const struct ck_doc *d, size_t subj, size_t j)
{
	static const char *const mend[] = {"restored", "fixed", "repaired", "corrected", "recovered",
		"found", "identified", "spotted", "caught", "detected", "checked", "tested", "verified", NULL};
	if (ck_is_any(d, j, mend) || ck_has(d, j, L_REPAIR) || ck_has(d, j, L_CORRECTION))
		return false;
	if (marker_then(d, j, "during", our_work, 4))
		return true;
	/* fronted: "During routine work on the evening of 9 November, the
	 * alarms were switched off" — "during" opens the sentence at most
	 * sixteen tokens before the passive's subject (token subj), the work
	 * within four tokens of it */
	size_t sf = d->sent[d->tok[subj].sent].first;
	if (!ck_is(d, sf, "during") || subj - sf > 16 || subj == sf)
		return false;
	for (size_t q = sf + 1, qe = clause_fwd(d, sf, 4); q < qe; q++)
		if (ck_is_any(d, q, our_work))
			return true;
	return false;
}

/* "without" at token k lacks nothing anyone needed: nothing follows it in
 * its clause, or what is lacking (at most three words on) is harm or a
 * cost ("without data loss", "without errors", "without any charge"). */
static bool without_harmless(const struct ck_doc *d, size_t k)
{
	static const char *const harmless[] = {"loss", "losses", "error", "errors", "issue", "issues", "problem",
		"problems", "damage", "interruption", "interruptions", "downtime", "incident", "incidents",
		"delay", "delays", "charge", "charges", "cost", "fee", "fees", "trouble", "harm", "impact",
		"disruption", "fuss", NULL};
	size_t qe = clause_fwd(d, k, 4);
	if (qe == k + 1)
		return true;
	for (size_t q = k + 1; q < qe; q++)
		if (ck_is_any(d, q, harmless) || ck_has(d, q, L_HARM))
			return true;
	return false;
}

/* "were saved without the appointment's ward", "were removed without
 * anyone asking for it": passive verb j, then "without" at most eight
 * tokens on in its clause — the act went ahead lacking what it needed —
 * unless what was lacking is harm ("was restored without data loss",
 * "were processed without errors": without_harmless), or the verb mends. */
static bool passive_without(const struct ck_doc *d, size_t j)
{
	if (ck_has(d, j, L_REPAIR) || ck_has(d, j, L_CORRECTION))
		return false;
	size_t e = clause_fwd(d, j, 8);
	for (size_t k = j + 1; k < e; k++)
		if (ck_is(d, k, "without"))
			return !without_harmless(d, k);
	return false;
}

/* "was handed back with the hinge snapped", "had been left with its
 * lid unscrewed": passive verb j, "with" at most three tokens on in its
 * clause, then a noun phrase of one to four words ended by a state that
 * tells damage or a thing not done — a harm participle
 * (passive_participles.txt) or an un…ed word. The thing came back or was
 * left so, a mistake whatever the verb; "was sent with every part
 * included" tells no state of either kind. */
static bool with_broken(const struct ck_doc *d, size_t j)
{
	size_t e = clause_fwd(d, j, 12);
	for (size_t k = j + 1; k < e && k <= j + 3; k++) {
		if (!ck_is(d, k, "with"))
			continue;
		for (size_t q = k + 2; q < e && q <= k + 5; q++) {
			if (d->tok[q].type != CK_WORD)
				return false;
			if (ck_has(d, q, L_PARTICIPLE) || undone_word(d, q))
				return true;
		}
		return false;
	}
	return false;
}

/* "were printed on the old stock instead of the new", "was posted in
 * green instead of red", "were screwed into the old frame rather than
 * the new one": passive verb j, then "instead of" or "rather than" at
 * most eight tokens on in its clause — the act was done otherwise than
 * it should have been, a mistake whatever the verb — unless the verb
 * mends ("was reprinted instead of …" tells the remedy chosen). */
static bool done_instead(const struct ck_doc *d, size_t j)
{
	static const char *const of[] = {"of", NULL};
	static const char *const than[] = {"than", NULL};
	if (ck_has(d, j, L_REPAIR) || ck_has(d, j, L_CORRECTION))
		return false;
	return marker_then(d, j, "instead", of, 2) || marker_then(d, j, "rather", than, 2);
}

/* "was not processed on the day", "were not ordered on time", "were not
 * credited until Saturday afternoon", "was not reported sooner": passive
 * verb j, denied, then at most five tokens on in its clause a time the act
 * owed — "on time", "in time", "on the day", "sooner", or "until" and a
 * day, date or time within two tokens (a number, a capitalised name such
 * as a weekday or month, or a word such as morning or next; not "until
 * the order shipped"). The act was left undone when it
 * was due: an omission, as one with a cost told is (left_undone_act). */
static bool undone_in_time(const struct ck_doc *d, size_t j)
{
	static const char *const when[] = {"morning", "afternoon", "evening", "night", "noon", "midday",
		"midnight", "tomorrow", "today", "week", "weekend", "next", "following", NULL};
	for (size_t k = j + 1, e = clause_fwd(d, j, 6); k < e; k++) {
		if (ck_is(d, k, "sooner"))
			return true;
		if (k + 1 < e && (ck_is(d, k, "on") || ck_is(d, k, "in")) && ck_is(d, k + 1, "time"))
			return true;
		if (k + 2 < e && ck_is(d, k, "on") && ck_is(d, k + 1, "the") && ck_is(d, k + 2, "day"))
			return true;
		if (ck_is(d, k, "until"))
			for (size_t q = k + 1; q < e && q <= k + 2; q++)
				if (d->tok[q].type == CK_NUM || ck_is_any(d, q, when) ||
				    (d->tok[q].type == CK_WORD && (d->tok[q].flags & CK_TF_CAP)))
					return true; /* "until 14:00", "until Monday", "until the next morning" */
	}
	return false;
}

/* Participles of a neutral state: denied, they tell no act left undone
 * ("was not affected", "were not needed"; undone_as_owed, plain_omission).
 * Not "informed" or "notified": "parents were not informed", "the
 * contractor was not notified of the change" hide who should have told
 * them (writers marked 3 of 3 such uses; "our engineers were not
 * alerted" names ours, which plain_omission leaves out). */
static const char *const undone_state[] = {"affected", "impacted", "involved", "needed", "required", "related",
	"concerned", "used", "touched", "accessed", "aware", "told", NULL};
/* Money taken: denied, more often good news than an omission ("your card
 * was not charged"; undone_as_owed, plain_omission). */
static const char *const money_taken[] = {"charged", "billed", "debited", "deducted", "taken", NULL};

/* A denial elsewhere in the sentence of the passive at [i, j]: "Because
 * your account was not migrated, it was not affected", "…, no data was
 * lost", "…, nothing changed for you" — the act not done is why the
 * reader was spared, no omission. The sentence's first other denial
 * decides: "nothing", "none" or "unaffected", or a negation or "nobody"
 * with a harm or a neutral state after it in its clause (a harm
 * participle, undone_state, money_taken, "changed"). What the omission
 * cost is no such denial: "…, so the duty manager had no idea you were
 * coming", "…, so nobody came to your sessions" (dev sets: writers
 * marked 89 of the 103 denied passives with another denial in their
 * sentence, where the old reading, any denial at all, spared them all). */
static bool spared_beside(const struct ck_doc *d, size_t i, size_t j)
{
	const struct ck_sent *s = &d->sent[d->tok[i].sent];
	for (size_t k = s->first; k < s->last; k++) {
		if (k + 1 >= i && k <= j)
			continue; /* the passive's own "not" */
		if (ck_is(d, k, "nothing") || ck_is(d, k, "none") || ck_is(d, k, "unaffected"))
			return true;
		if (!ck_has(d, k, L_NEGATION) && !ck_is(d, k, "nobody"))
			continue;
		for (size_t q = k + 1, e = clause_fwd(d, k, 6); q < e; q++)
			if (ck_has(d, q, L_PARTICIPLE) || ck_is_any(d, q, undone_state) || ck_is_any(d, q, money_taken) ||
			    ck_is(d, q, "changed"))
				return true;
		return false; /* only the first other denial is read: a sentence
			       * of many denied passives stays linear */
	}
	return false;
}

/* An act left undone whose own clause says it was owed, not denied:
 * passive verb j, denied in the group from token i, then
 * - "as promised", "as planned", "as agreed" (an owed-word after "as"),
 *   or "as they should have been" ("were not paid as they should have
 *   been");
 * - a day or date it was owed on: "on" or "between" and a weekday, a
 *   month or a number within five tokens ("was not collected on
 *   Tuesday", "were not posted between 3 and 9 May"), unless money was
 *   not taken ("your card was not charged on Monday" reassures);
 * - "since" after a perfect ("has not been renewed since March"), but
 *   not money ("your card has not been charged since you cancelled");
 * - a clause of cause it stands in, opened by "because" or "after", or by
 *   "as" or "since" at the clause's start ("… ran out of space after old
 *   logs were not rotated"), unless the sentence denies a harm beside it
 *   (spared_beside: "Because your account was not migrated, it was not
 *   affected");
 * - a fault as the subject of a verb of finding ("the typo was not
 *   caught in review").
 * A neutral state ("was not affected", "were not needed") tells no act. */
static bool undone_as_owed(const struct ck_doc *d, size_t i, size_t j)
{
	static const char *const owed[] = {"promised", "planned", "agreed", "scheduled", "arranged", "booked",
		"intended", "required", "contracted", "usual", "normal", NULL};
	static const char *const who[] = {"it", "they", "he", "she", "we", "you", NULL};
	static const char *const when[] = {"january", "february", "march", "april", "june", "july", "august",
		"september", "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
		"friday", "saturday", "sunday", NULL};
	/* not "found": "the error was not found in your copy" denies it */
	static const char *const found[] = {"detected", "caught", "noticed", "spotted", "picked", "flagged", NULL};
	if (ck_is_any(d, j, undone_state))
		return false;
	bool perfect = false;
	for (size_t k = i; k < j; k++)
		perfect = perfect || ck_is(d, k, "been");
	for (size_t k = j + 1, e = clause_fwd(d, j, 8); k + 1 < e; k++) {
		if (ck_is(d, k, "as") && (ck_is_any(d, k + 1, owed) ||
					  (k + 2 < e && ck_is_any(d, k + 1, who) && ck_is(d, k + 2, "should"))))
			return true;
		if (k - j > 5)
			continue;
		if ((ck_is(d, k, "on") || ck_is(d, k, "between")) && !ck_is_any(d, j, money_taken) &&
		    (d->tok[k + 1].type == CK_NUM || ck_is_any(d, k + 1, when)))
			return true;
		if (perfect && ck_is(d, k, "since") && !ck_is_any(d, j, money_taken))
			return true;
	}
	size_t cb = clause_back(d, i, 6);
	for (size_t k = cb; k < i; k++)
		if (ck_is(d, k, "because") || ck_is(d, k, "after") ||
		    (k == cb && (ck_is(d, k, "as") || ck_is(d, k, "since")) && breaks_clause(d, k)))
			return !spared_beside(d, i, j);
	return fault_subject(d, i) && ck_is_any(d, j, found);
}

/* The denied passive's verb at token j has a scope or a recipient of ours
 * in the five tokens after it, which makes the denial a reassurance or a
 * notice we were not given: "were not sent to anyone", "to any third
 * party", "anywhere", "was not communicated to us" (plain_omission,
 * past_omission). */
static bool omission_scoped(const struct ck_doc *d, size_t j)
{
	static const char *const scope[] = {"anyone", "any", "anything", "anywhere", "anybody", "everyone", NULL};
	for (size_t k = j + 1, e = clause_fwd(d, j, 5); k < e; k++)
		if (ck_is_any(d, k, scope) || (ck_is(d, k, "to") && k + 1 < e && ck_is(d, k + 1, "us")))
			return true;
	return false;
}

/* What stands before the denied passive whose form of "be" is token i, up
 * to 24 tokens back in its sentence, and says nobody is hidden: a
 * condition (if, unless, whether), our own people as its subject ("our
 * engineers were not alerted": "our" at most three tokens back), a
 * consequence of a cause just told (", so", not "so that": "the feed
 * stopped, so the invoices were not generated"), or one of the words
 * CLOSE at most three tokens back (plain_omission: a relative clause,
 * "that"/"which"; past_omission: a heading's question, "why"/"how"). */
static bool omission_framed(const struct ck_doc *d, size_t i, const char *const *close)
{
	static const char *const cond[] = {"if", "unless", "whether", NULL};
	const struct ck_sent *st = &d->sent[d->tok[i].sent];
	for (size_t k = i > st->first + 24 ? i - 24 : st->first; k < i; k++)
		if (ck_is_any(d, k, cond) || (i - k <= 3 && (ck_is(d, k, "our") || ck_is_any(d, k, close))) ||
		    (ck_is(d, k, "so") && (d->tok[k].gap & CK_G_CLAUSE) && !ck_is(d, k + 1, "that")))
			return true;
	return false;
}

/* "the renewal was not sent to the insurer", "the refunds were not
 * actioned", "the alerts were not re-enabled afterwards": a passive at
 * [i, j] (be_past.txt's form at i, as rule_passive reads them) denied and
 * told as what happened with no word of owing — an omission all the
 * same. Not a reassurance: money not taken ("was not charged"), data not
 * let out ("were not shared", "accessed", "seen"…), a neutral state ("was
 * not affected", "needed"), a scope after the verb ("were not sent to
 * anyone", "to any third party", "anywhere"), a notice not given to us
 * ("was not communicated to us"), a knowing ("has not been confirmed"),
 * nor a harm spared beside it (spared_beside: "because your account was
 * not migrated, it was not affected"). */
static bool plain_omission(const struct ck_doc *d, size_t i, size_t j)
{
	/* beside undone_state and money_taken: data not let out, a thing
	 * left as it was, a knowing, a warning not given to us. Not
	 * "passed": "212 bookings were not passed to the visits hall
	 * system" is an omission (2 of 2 such uses marked); data not passed
	 * on is told with a scope ("to any third party", below) */
	static const char *const reassure[] = {"shared", "disclosed", "sold", "seen", "viewed", "copied",
		"exposed", "read", "changed", "altered", "moved", "asked", "expected", "found", "given", "done",
		"caught", "shown", "written", "delayed", "alerted", "warned", "confirmed", "verified", "established",
		"determined", "known", "identified", NULL};
	static const char *const why[] = {"because", "due", "caused", "as", "since", NULL};
	if (ck_is_any(d, j, undone_state) || ck_is_any(d, j, money_taken) || ck_is_any(d, j, reassure) ||
	    omission_scoped(d, j))
		return false;
	/* an if-clause before it ("if your appointment was cancelled and
	 * you have not been rebooked"), our own people as its subject, a
	 * consequence after ", so", a relative clause describing a thing
	 * ("water that had not been treated"), or its cause told after it in
	 * the sentence ("were never generated because a change we made …"):
	 * nobody is hidden */
	static const char *const relative[] = {"that", "which", NULL};
	if (omission_framed(d, i, relative))
		return false;
	const struct ck_sent *st = &d->sent[d->tok[i].sent];
	for (size_t k = j + 1; k < st->last && k < j + 16; k++)
		if (ck_is_any(d, k, why) && !(ck_is(d, k, "as") && k + 1 < st->last && ck_has(d, k + 1, L_STOPWORD)))
			return false;
	/* spared_beside stops at the first other negation of the sentence,
	 * so a sentence of many denied passives is read once, not once each
	 * (test_long_clauses_are_linear) */
	return !spared_beside(d, i, j);
}

/* "the retry queue was not emptied after the change", "the lift was not
 * checked before the vehicle left the depot", "the error was not
 * identified prior to issue": "was/were not" and the verb at token j,
 * the simple past told as what happened, is an act left undone whatever
 * the sentence says about why — the doer is hidden all the same (dev
 * sets holdout20-303: writers marked 500 of 537 such uses with no "by"
 * after them). Not a reassurance (undone_state, money_taken, data not
 * let out or a thing left as it was: "were not affected", "was not
 * charged", "were not shared", "was not changed"), a denial ("was not
 * found in your copy"), we or I left untold ("we were not told"), our
 * own people ("our engineers were not alerted" names them), a scope or
 * a notice not given to us (omission_scoped), "by" in the three tokens
 * after it ("wasn't confirmed by either rider"), a condition ("if your
 * order was not sent"), a consequence after ", so", a heading's
 * question ("Why it was not caught"), or a cause of ours told after it
 * ("because a change we made broke the export"). */
static bool past_omission(const struct ck_doc *d, size_t i, size_t j)
{
	static const char *const spared[] = {"shared", "disclosed", "sold", "seen", "viewed", "copied", "exposed",
		"read", "changed", "altered", "lost", "harmed", "disrupted", "compromised", "interrupted", "found", NULL};
	if (j != i + 2 || !(ck_is(d, i, "was") || ck_is(d, i, "were")) || !ck_is(d, i + 1, "not") ||
	    breaks_clause(d, i + 1) || breaks_clause(d, j) || ck_is_any(d, j, undone_state) ||
	    ck_is_any(d, j, money_taken) || ck_is_any(d, j, spared) || (i > 0 && first_person(d, i - 1)) ||
	    is_question(d, i) || omission_scoped(d, j))
		return false;
	for (size_t k = j + 1; k < d->ntok && k <= j + 3 && !breaks_clause(d, k); k++)
		if (ck_is(d, k, "by"))
			return false;
	/* a heading's question ("Why it was not caught"); a thing described,
	 * "water that was not treated", is an omission like any other here
	 * (dev sets: 26 of the 30 such uses marked) */
	static const char *const question[] = {"why", "how", NULL};
	if (omission_framed(d, i, question))
		return false;
	const struct ck_sent *st = &d->sent[d->tok[i].sent];
	/* its cause told after it with us in it names the doer: "was not
	 * sent because a change we made broke the export" */
	static const char *const why[] = {"because", "due", "caused", "since", NULL};
	for (size_t k = j + 1; k < st->last && k < j + 16; k++)
		if (ck_is_any(d, k, why))
			for (size_t q = k + 1; q < st->last && q <= k + 8; q++)
				if (first_person(d, q) || ck_is(d, q, "our") || ck_is(d, q, "us"))
					return false;
	return !spared_beside(d, i, j);
}

/* "the spare key had never been handed to our night porter, so nobody
 * could open the shop", "the reminders were not switched on; switched
 * on, they would have warned us": a passive denied in its verb group
 * ("not" or "never" between the form of "be" at token i — or right
 * before it — and the verb j) tells an act left undone,
 * an omission that hides who omitted it, when its sentence gives what
 * the omission cost: a ", so" clause whose first eight words hold
 * "could", "did" or "failed" and a negation or "nobody", or "would
 * have" anywhere after the verb — or when its clause says it was owed or
 * when (undone_in_time, undone_as_owed), or it is told plainly as what
 * happened (plain_omission). A harm participle denied ("was not
 * deleted") denies the harm instead, and a denying subject ("no card
 * was charged") is no act left undone; those stay quiet. */
static bool left_undone_act(const struct ck_doc *d, size_t i, size_t j)
{
	/* irregular participles that past_form, which reads past tenses,
	 * does not know: "had never been given to …" */
	static const char *const participle[] = {"given", "taken", "shown", "written", "done", "caught", NULL};
	if (ck_has(d, j, L_PARTICIPLE) || !(past_verb(d, j) || ck_is_any(d, j, participle)))
		return false;
	size_t from = i > 0 && !breaks_clause(d, i) && (ck_is(d, i - 1, "never") || ck_is(d, i - 1, "not")) ? i - 1 : i;
	bool denied = false;
	for (size_t k = from; k < j && !denied; k++)
		denied = ck_is(d, k, "not") || ck_is(d, k, "never");
	if (!denied)
		return false;
	if (undone_in_time(d, j) || undone_as_owed(d, i, j) || plain_omission(d, i, j) || past_omission(d, i, j))
		return true;
	const struct ck_sent *s = &d->sent[d->tok[j].sent];
	for (size_t k = j + 1; k + 1 < s->last && k < j + 24; k++) {
		if (ck_is(d, k, "would") && ck_is(d, k + 1, "have"))
			return true;
		/* ", leaving 40 homes without heat": the cost as a participle */
		if (ck_is(d, k, "leaving") && (d->tok[k].gap & CK_G_CLAUSE))
			return true;
		if (!ck_is(d, k, "so") || !(d->tok[k].gap & CK_G_CLAUSE) || ck_is(d, k + 1, "that"))
			continue;
		bool could = false, neg = false;
		for (size_t q = k + 1; q < s->last && q <= k + 8; q++) {
			could = could || ck_is(d, q, "could") || ck_is(d, q, "did") || ck_is(d, q, "failed");
			neg = neg || ck_has(d, q, L_NEGATION) || ck_is(d, q, "nobody");
		}
		return could && neg;
	}
	return false;
}

/* "was filed late", "were sent two days late": passive verb j, then
 * "late" at most three tokens on in its clause, as an adverb (a clause
 * break or a stopword after it, not "late fees") — the act was done
 * after it was due, a mistake whatever the verb; so is one done "later
 * than" something ("were returned later than our seven-day standard"),
 * or a span of time "early" ("was fired four minutes early", "were
 * delivered a day early": "early" right after a unit of time). */
static bool done_late(const struct ck_doc *d, size_t j)
{
	static const char *const unit[] = {"second", "seconds", "minute", "minutes", "hour", "hours", "day",
		"days", "week", "weeks", "month", "months", NULL};
	for (size_t k = j + 1, e = clause_fwd(d, j, 4); k < e; k++) {
		if (ck_is(d, k, "late"))
			return breaks_clause(d, k + 1) || ck_has(d, k + 1, L_STOPWORD);
		if (ck_is(d, k, "later") && k + 1 < e && ck_is(d, k + 1, "than"))
			return true;
		if (ck_is(d, k, "early") && ck_is_any(d, k - 1, unit))
			return true;
	}
	return false;
}

/* "was still pointed at an old DNS record", "had been scored against
 * last year's mark scheme", "were posted to the old address", "was
 * routed to a decommissioned channel": passive verb j, then a preposition
 * of where the act went or what it followed (at, to, against, on, onto,
 * into, under, with) at most three tokens on in its clause, an optional
 * article, and something out of date — "old", "previous", "stale",
 * "superseded" and their kind, or "last <unit>'s" — a mistake whatever
 * the verb, unless it mends or puts back ("was restored to the old
 * version" is the remedy). Not "from" or "in": "was moved from the old
 * server" tells where it left; but a thing made from a source ("were
 * generated from the old fee schedule", "was calculated from a stale
 * export") was made from the wrong one. */
static bool done_to_outdated(const struct ck_doc *d, size_t j)
{
	static const char *const prep[] = {"at", "to", "against", "on", "onto", "into", "under", "with", NULL};
	static const char *const made[] = {"generated", "calculated", "built", "compiled", "copied", "pulled",
		"produced", "printed", "exported", "created", "derived", "populated", "drawn", NULL};
	static const char *const dated[] = {"old", "previous", "stale", "superseded", "outdated", "obsolete",
		"decommissioned", "deprecated", "disused", "expired", NULL};
	static const char *const art[] = {"the", "a", "an", "its", "their", NULL};
	static const char *const back[] = {"restored", "recovered", "rolled", "returned", "reset", NULL};
	static const char *const span[] = {"year", "week", "month", "term", "season", "night", "day", "weekend",
		"quarter", "summer", "winter", "spring", "autumn", NULL};
	for (size_t k = j + 1, e = clause_fwd(d, j, 4); k < e; k++) {
		if (d->tok[k].nlen > 7 || !(ck_is_any(d, k, prep) || (ck_is(d, k, "from") && ck_is_any(d, j, made))))
			continue;
		size_t q = k + 1;
		if (q < d->ntok && !breaks_clause(d, q) && ck_is_any(d, q, art))
			q++;
		if (q + 1 >= d->ntok || breaks_clause(d, q) || breaks_clause(d, q + 1))
			return false;
		bool old = (ck_is_any(d, q, dated) && d->tok[q + 1].type == CK_WORD) ||
			   (ck_is(d, q, "last") && q + 2 < d->ntok && ck_is_any(d, q + 1, span) && ck_is(d, q + 2, "'s"));
		/* the mend lists last: most passives have no such phrase */
		return old && !ck_is_any(d, j, mend_verbs) && !ck_is_any(d, j, back) && !ck_has(d, j, L_REPAIR) &&
		       !ck_has(d, j, L_CORRECTION);
	}
	return false;
}

/* "was applied too thin", "were fitted too tight", "was built with too
 * few ties": passive verb j, then "too" at most four tokens on in its
 * clause and a word after it there — the act was overdone or underdone,
 * a mistake whatever the verb; "too" ending its clause means "also"
 * ("your order was cancelled too"). */
static bool done_too_much(const struct ck_doc *d, size_t j)
{
	for (size_t k = j + 1, e = clause_fwd(d, j, 5); k < e; k++)
		if (ck_is(d, k, "too"))
			return k + 1 < e && d->tok[k + 1].type == CK_WORD;
	return false;
}

/* "were charged their deposit twice": passive verb j, then "twice" at
 * most eight tokens on in its clause — the act was done again, a mistake
 * whatever the verb — unless the next clause shares the two acts between
 * their doers ("was started twice, once by the timer and once by …") or
 * "twice as" compares. */
static bool done_twice(const struct ck_doc *d, size_t j)
{
	for (size_t k = j + 1, e = clause_fwd(d, j, 8); k < e; k++)
		if (ck_is(d, k, "twice"))
			return !ck_is(d, k + 1, "as") && !(breaks_clause(d, k + 1) && ck_is(d, k + 1, "once"));
	return false;
}

/* "the error alerts were routed to a channel nobody was watching",
 * "reminders had been sent to an old mailbox that nobody monitored":
 * passive verb j, then "to" at most four tokens on in its clause and
 * "nobody" or "no one" at most five tokens after that (a relative clause
 * with no comma) — the thing went where no one would see it, a mistake
 * whatever the verb. */
static bool sent_unwatched(const struct ck_doc *d, size_t j)
{
	for (size_t k = j + 1, e = clause_fwd(d, j, 5); k < e; k++) {
		if (!ck_is(d, k, "to"))
			continue;
		for (size_t q = k + 2; q < d->ntok && q <= k + 6 && !breaks_clause(d, q); q++)
			if (ck_is(d, q, "nobody") || ck_is(d, q, "no-one") ||
			    (ck_is(d, q, "no") && q + 1 < d->ntok && ck_is(d, q + 1, "one")))
				return true;
		return false;
	}
	return false;
}

/* "a chapel slot was allocated to two services", "the car was allocated
 * to both weddings", "a filter was applied to both routers": "was" (token
 * i: one thing), passive verb j, then "to" and "two", "both", "three" or
 * "several" — one thing given to many, a mistake whatever the verb; not
 * a share of them ("was sent to three of our depots first"), nor many
 * things sent to many ("refunds were sent to two accounts"). */
static bool given_to_many(const struct ck_doc *d, size_t i, size_t j)
{
	static const char *const many[] = {"two", "both", "three", "several", NULL};
	return ck_is(d, i, "was") && j + 2 < d->ntok && ck_is(d, j + 1, "to") && !breaks_clause(d, j + 1) &&
	       !breaks_clause(d, j + 2) && ck_is_any(d, j + 2, many) && !ck_is(d, j + 3, "of");
}

/* "your stylist had been allocated to another client", "the map was
 * sold to another buyer", "the link was sent to another client": passive
 * verb j (a past form, or "given"), then "to another" and a word that is
 * not a time ("to another day", "another date"), the subject not ours —
 * what was the client's went to someone else, a mistake whatever the verb
 * (dev sets: writers marked 28 of the 34 such uses; the checker reported
 * 10). */
static bool to_another(const struct ck_doc *d, size_t i, size_t j)
{
	static const char *const when[] = {"day", "date", "time", "week", "month", "slot", "year", NULL};
	/* not one of ours moved on ("our tech was moved to another site") */
	for (size_t k = clause_back(d, i, 6); k < i; k++)
		if (ck_is(d, k, "our") || ck_is(d, k, "my"))
			return false;
	return (past_verb(d, j) || (ck_is(d, j, "given") && !breaks_clause(d, j))) && j + 3 < d->ntok &&
	       ck_is(d, j + 1, "to") && ck_is(d, j + 2, "another") && !breaks_clause(d, j + 1) &&
	       !breaks_clause(d, j + 2) && !breaks_clause(d, j + 3) && d->tok[j + 3].type == CK_WORD &&
	       !ck_is_any(d, j + 3, when) && !ck_has(d, j + 3, L_TIME_WORD) && !ck_is(d, j + 3, "of");
}

/* "were booked into the same slot", "were given the same locker": a
 * plural passive (token i is "were"), then "the same" and a noun (a time
 * may stand between: "the same 11:30 slot") at most seven tokens after
 * verb j in its clause — several things put where one
 * fits, a mistake whatever the verb; not a time ("on the same day"), a
 * manner ("the same way") nor a comparison ("the same as before"). */
static bool put_together(const struct ck_doc *d, size_t i, size_t j)
{
	if (!ck_is(d, i, "were"))
		return false;
	for (size_t k = j + 2, e = clause_fwd(d, j, 8); k + 1 < e; k++) {
		if (!ck_is(d, k, "same") || !ck_is(d, k - 1, "the"))
			continue;
		size_t n = k + 1 + (d->tok[k + 1].type == CK_NUM && k + 2 < e); /* "the same 11:30 slot" */
		return d->tok[n].type == CK_WORD && !ck_has(d, n, L_TIME_WORD) && !ck_is(d, n, "day") &&
		       !ck_is(d, n, "time") && !ck_is(d, n, "way") && !ck_is(d, n, "as");
	}
	return false;
}

/* "were put back in alphabetical order, and some applicants lost their
 * places": the ", and" clause right after the passive's (within twelve
 * tokens of verb j) tells a loss (passive_participles.txt) in its first
 * six tokens, not denied there — what the act did. */
static bool and_then_lost(const struct ck_doc *d, size_t j)
{
	size_t e = clause_fwd(d, j, 12);
	if (e >= d->ntok || !ck_is(d, e, "and") || (d->tok[e].gap & CK_G_SENT) || d->tok[e].clause_ch != ',')
		return false;
	for (size_t k = e + 1, f = clause_fwd(d, e, 6); k < f; k++) {
		if (ck_has(d, k, L_NEGATION) || ck_is(d, k, "nothing") || ck_is(d, k, "none") || ck_is(d, k, "nobody"))
			return false;
		if (ck_has(d, k, L_PARTICIPLE))
			return true;
	}
	return false;
}

/* The agent after passive verb j ("by" at most six tokens on in its
 * clause) names, in its first five words, a word of the passive's subject
 * [subj, i) that is no stopword: "your booking was overwritten by another
 * guest's booking", "the new file was replaced by the old file" — one
 * thing took the other's place, and the agent is no doer. */
static bool agent_same_thing(const struct ck_doc *d, size_t subj, size_t i, size_t j)
{
	size_t e = clause_fwd(d, j, 7);
	for (size_t k = j + 1; k < e; k++) {
		if (!ck_is(d, k, "by"))
			continue;
		for (size_t q = k + 1, qe = clause_fwd(d, k, 6); q < qe; q++) {
			if (d->tok[q].type != CK_WORD || ck_has(d, q, L_STOPWORD))
				continue;
			for (size_t w = subj; w < i; w++)
				if (d->tok[w].type == CK_WORD && d->tok[w].hash == d->tok[q].hash &&
				    d->tok[w].nlen == d->tok[q].nlen && !ck_has(d, w, L_STOPWORD) &&
				    !memcmp(ck_norm(d, w), ck_norm(d, q), d->tok[q].nlen))
					return true;
		}
		return false;
	}
	return false;
}

/* Verbs that say a thing was found out, not done: "the fault was found"
 * tells when we learned of it, and hides no one. */
static const char *const found_out_verbs[] = {"found", "identified", "spotted", "caught", "detected",
	"traced", "noticed", "discovered", NULL};

/* Token k is one word whose prefix tells a mistake, the rest a past verb
 * ("oversold", "overcharged", "misrouted", "misfiled", "underpaid",
 * "undercounted"): "-ed", or "sold", "paid", "sent" after the prefix. A
 * thing "overloaded" or "overheated" is a state it was in, and
 * "overhauled" a repair, not our mistake; nor is "underlined",
 * "underpinned", "underscored" or "undermined" an amount got wrong. */
static bool mistake_prefixed(const struct ck_doc *d, size_t k)
{
	static const char *const state[] = {"overloaded", "overheated", "overhauled", "overjoyed", "underlined",
		"underpinned", "underscored", "undermined", "overwhelmed", "overturned", "overruled", NULL};
	if (k >= d->ntok || d->tok[k].nlen < 7)
		return false;
	const char *w = ck_norm(d, k);
	size_t n = d->tok[k].nlen, p = 0;
	if (w[0] == 'm' && w[1] == 'i' && w[2] == 's')
		p = 3;
	else if (w[0] == 'o' && w[1] == 'v' && w[2] == 'e' && w[3] == 'r')
		p = 4;
	else if (w[0] == 'u' && w[1] == 'n' && w[2] == 'd' && w[3] == 'e' && w[4] == 'r')
		p = 5;
	if (!p || n < p + 4 || d->tok[k].type != CK_WORD || (d->tok[k].gap & (CK_G_SENT | CK_G_CLAUSE)))
		return false;
	const char *rest = w + p;
	size_t rn = n - p;
	bool past = (rest[rn - 2] == 'e' && rest[rn - 1] == 'd') || !strcmp(rest, "sold") || !strcmp(rest, "paid") ||
		    !strcmp(rest, "sent");
	return past && !ck_is_any(d, k, state);
}

/* "the 212 appointments cancelled in error on Friday", "invoices sent
 * by mistake": a listed participle (passive_participles.txt,
 * passive_actions.txt) right after its noun, with no form of "be", and a
 * fault marker right after it that tells the act was a mistake ("in
 * error", "by mistake", or an adverb in -ly: "wrongly"). A passive with
 * its "were" left out hides the actor as the full one does. The noun is
 * no stopword, pronoun, team, audience or vendor word, nor a noun after
 * "our" or "my", which would be a subject that acted ("our clerks
 * cancelled in error"), and the clause holds no negation or "if". */
static void passive_reduced_one(struct ck_ctx *c, const struct ck_rule *r, const struct ck_hit *h)
{
	size_t f = h->first, p = f - 1, n = f - 2;
	if (f < 2 || breaks_clause(D, f) || breaks_clause(D, p) || D->tok[n].type != CK_WORD)
		return;
	if (!fault_hit_adverbial(D, h))
		return; /* "sent wrong items": an adjective of the object */
	if (!(ck_has(D, p, L_PARTICIPLE) || ck_has(D, p, L_PASSIVE_ACTION)) || !past_form(D, p))
		return;
	if (ck_has(D, n, L_STOPWORD) || ck_has(D, n, L_TEAM) || ck_has(D, n, L_AUDIENCE) || ck_has(D, n, L_VENDOR) ||
	    first_person(D, n) || ck_has(D, n, L_BE_PAST) || is_question(D, p) ||
	    (n > 0 && !breaks_clause(D, n) && (ck_is(D, n - 1, "our") || ck_is(D, n - 1, "my"))))
		return; /* "our clerks cancelled in error …": ours acted */
	size_t cb = clause_back(D, p, 8);
	if (passive_negated(D, cb, p) || passive_conditional(D, cb, p) || on_subject_line(D, p))
		return;
	int len;
	const char *txt = src(c, p, h->last, &len);
	ck_finding(c, r, r->sev, D->tok[p].start, D->tok[h->last - 1].end, false,
		   ck_fmt(c, "say who did it: \"we %.*s …\"", (int)(D->tok[p].end - D->tok[p].start), D->text + D->tok[p].start),
		   "passive \"%.*s\" hides who did it", len, txt);
}

/* What the client's people were shown, after token j in its clause (six
 * tokens on at most), mends: a remedy or a corrected thing ("the right
 * fares", "a new date", "a refund"). */
static bool shown_mends(const struct ck_doc *d, size_t j)
{
	static const char *const mend[] = {"right", "correct", "corrected", "new", "updated", "refund", "refunds",
		"voucher", "vouchers", "credit", "credits", "replacement", "replacements", "apology", NULL};
	for (size_t k = j + 1, e = clause_fwd(d, j, 6); k < e; k++)
		if (ck_is_any(d, k, mend))
			return true;
	return false;
}

/* "caused some direct debits to be taken twice", "led the letters to be
 * sent in error": token i is "be" after "to", the verb right after it a
 * past form or an irregular participle (taken, given, sent, shown, paid,
 * made), told as a mistake by "twice" in its clause or a fault marker
 * right after it, and a verb of causing (caused, causing, led, allowed)
 * at most eight tokens back in the clause — a passive infinitive that
 * hides who did the act the cause brought about. Returns the verb's
 * token, or 0. */
static size_t caused_to_be(const struct ck_doc *d, size_t i)
{
	static const char *const irregular[] = {"taken", "given", "sent", "shown", "paid", "made", NULL};
	static const char *const cause[] = {"caused", "causing", "led", "allowed", NULL};
	size_t j = i + 1;
	if (j + 1 >= d->ntok || breaks_clause(d, i) || breaks_clause(d, j) ||
	    !(past_form(d, j) || ck_is_any(d, j, irregular)))
		return 0;
	if (!done_twice(d, j) && !(!breaks_clause(d, j + 1) && ck_has(d, j + 1, L_FAULT)))
		return 0;
	for (size_t k = i - 1; k > 0 && i - k <= 8 && !breaks_clause(d, k); k--)
		if (ck_is_any(d, k - 1, cause))
			return j;
	return 0;
}

/* "when" or "while" among tokens [subj, i): the passive at i stands in
 * a time clause. */
static bool time_clause_from(const struct ck_doc *d, size_t subj, size_t i)
{
	for (size_t k = subj; k < i; k++)
		if (ck_is(d, k, "when") || ck_is(d, k, "while"))
			return true;
	return false;
}

static bool is_adverb_or_since(const struct ck_doc *d, size_t k);

/* Token i is "been" after "has" or "have" in its clause, at most one
 * adverb or "since" between (is_adverb_or_since): the present perfect
 * ("has now been restored"). Returns the token of "has"/"have", or
 * SIZE_MAX. */
static size_t perfect_before(const struct ck_doc *d, size_t i)
{
	if (i < 1 || !ck_is(d, i, "been"))
		return SIZE_MAX;
	size_t k = i - 1;
	if (k > 0 && !breaks_clause(d, k) && is_adverb_or_since(d, k))
		k--;
	if (breaks_clause(d, k + 1) || !(ck_is(d, k, "has") || ck_is(d, k, "have")))
		return SIZE_MAX;
	return k;
}

/* "the labels were swapped at packing", "the two sets were swapped":
 * "swapped" at token j after a past form of "be" at token i tells two
 * things exchanged by mistake, a harm as "transposed" is. Not a part
 * replaced ("was swapped out", "swapped for a heat detector", "swapped
 * over", "swapped back"), nor a repair told done ("the isolator has now
 * been swapped": "has" or "have" before "been", unless after "to": "appear
 * to have been swapped" is the mistake again). Dev sets: 16 of the 17
 * uses of the first kind marked, none of the second. */
static bool swapped_wrongly(const struct ck_doc *d, size_t i, size_t j)
{
	static const char *const replaced[] = {"out", "over", "for", "back", "round", "around", "in", "under", NULL};
	if (!ck_is(d, j, "swapped") || (j + 1 < d->ntok && !breaks_clause(d, j + 1) && ck_is_any(d, j + 1, replaced)))
		return false;
	size_t h = perfect_before(d, i);
	return h == SIZE_MAX || (h > 0 && !breaks_clause(d, h) && ck_is(d, h - 1, "to"));
}

/* "the reopening has been moved from Wednesday 25 November to 2
 * December", "your completion has been moved to 4 December": "moved" at
 * token j, then "to", "from" or "back" ("put back", then "to" or "from"),
 * and a date at most three words on
 * in its clause (a weekday or month, a number, "next", "later",
 * "tomorrow") — a date changed, which hides who changed it as
 * "rescheduled" does. Not a move to a place or a team ("moved to our
 * priority team", "moved to a new server"), nor one told as the time of
 * something else ("when your booking was moved from 2 pm to 1 pm, …":
 * "when", "after", "once", "before", "since", "while" or "if" in its
 * clause before the form of "be" at token i). */
static bool moved_in_time(const struct ck_doc *d, size_t i, size_t j)
{
	static const char *const time_clause[] = {"when", "after", "once", "before", "since", "while", "if", NULL};
	static const char *const when[] = {"next", "later", "tomorrow", NULL};
	/* "has been put back to 12 December" ("the cabinet was put back on
	 * the wall" restores) */
	bool put_back = ck_is(d, j, "put") && j + 3 < d->ntok && ck_is(d, j + 1, "back") && !breaks_clause(d, j + 2) &&
			(ck_is(d, j + 2, "to") || ck_is(d, j + 2, "from"));
	if (put_back)
		j++;
	else if (d->tok[j].nlen != 5 || !ck_is(d, j, "moved") || j + 2 >= d->ntok || breaks_clause(d, j + 1) ||
		 !(ck_is(d, j + 1, "to") || ck_is(d, j + 1, "from") || ck_is(d, j + 1, "back")))
		return false;
	for (size_t q = j + 2; q < d->ntok && q <= j + 4 && !breaks_clause(d, q); q++)
		if (d->tok[q].type == CK_NUM || ck_tok_weekday(d, q) || ck_tok_month(d, q) || ck_is_any(d, q, when)) {
			for (size_t k = clause_back(d, i, 8); k < i; k++)
				if (ck_is_any(d, k, time_clause))
					return false;
			return true;
		}
	return false;
}

/* "the certificate was allowed to expire", "the freezer was allowed to
 * warm up overnight": token j, after "was/were" at i, is "allowed" with
 * "to" and a verb after it — a thing let go wrong, and who let it is what
 * the passive hides, whatever the sentence says besides. Not the client's
 * own people or things ("customers were allowed to rebook for free"). */
static bool let_lapse(const struct ck_doc *d, size_t subj, size_t i, size_t j)
{
	if (!ck_is(d, j, "allowed") || j + 2 >= d->ntok || !ck_is(d, j + 1, "to") || breaks_clause(d, j + 1) ||
	    breaks_clause(d, j + 2) || d->tok[j + 2].type != CK_WORD || ck_has(d, j + 2, L_STOPWORD))
		return false;
	for (size_t k = subj; k < i; k++)
		if (is_second_person(d, k) || ck_has(d, k, L_AUDIENCE))
			return false;
	return true;
}


/* "the £45 fee has been refunded to your account", "the gateway has been
 * restarted", "every patient has since been sent a corrected reminder": an
 * action verb (action_verbs.txt; rule_passive has already passed over the
 * participles of harm among them, "has been rescheduled"), in the
 * present perfect passive — "has" or "have", at most one adverb or
 * "since" (is_adverb_or_since), "been"
 * (token i), the verb (token j) — tells a remedy as done; writers leave
 * it unmarked (8 of the 9 such findings over the dev sets and the gated
 * corpus; the ninth, H1502, has a fault marker after it). Not "had been"
 * (the account of what went wrong), nor after a modal ("may have been
 * set to the wrong profile"), nor with a fault marker (mask fault) after
 * the verb in its clause ("reminders have been sent to dog owners with
 * the wrong date"). rule_passive asks it only when no mistake is told. */
static bool remedy_done_now(const struct ck_doc *d, const uint8_t *fault, size_t i, size_t j)
{
	if (!ck_is(d, i, "been") || i < 1 || !ck_has(d, j, L_ACTION))
		return false;
	if (mask_any(fault, j + 1, clause_fwd(d, j, 12)))
		return false;
	size_t k = perfect_before(d, i);
	if (k == SIZE_MAX)
		return false;
	static const char *const modal[] = {"will", "would", "could", "should", "may", "might", "must", NULL};
	return k == 0 || breaks_clause(d, k) || !ck_is_any(d, k - 1, modal);
}

/* Token k, after "had to be", calls a booking off or moves it:
 * cancelled, postponed, rescheduled, moved, abandoned, "pushed back" or
 * "put back". */
static bool had_to_be_moved(const struct ck_doc *d, size_t k)
{
	static const char *const moved[] = {"cancelled", "canceled", "postponed", "rescheduled", "moved", "abandoned",
		NULL};
	if (k >= d->ntok || breaks_clause(d, k))
		return false;
	if (ck_is_any(d, k, moved))
		return true;
	return k + 1 < d->ntok && !breaks_clause(d, k + 1) && (ck_is(d, k, "pushed") || ck_is(d, k, "put")) &&
	       ck_is(d, k + 1, "back");
}

/* "still" among the adverbs between a form of "be" at token i and the
 * participle at j. */
static bool still_between(const struct ck_doc *d, size_t i, size_t j)
{
	for (size_t k = i + 1; k < j; k++)
		if (ck_is(d, k, "still"))
			return true;
	return false;
}

static void rule_passive(struct ck_ctx *c, const struct ck_rule *r)
{
	size_t before = c->nf;
	each_hit(c, L_PASSIVE_PHRASE, passive_phrase_one, r);
	each_hit(c, L_FAULT, passive_reduced_one, r);
	const uint8_t *fault = c->fault_mask;   /* made for the first candidate below */
	struct passive_sent ps = {0};
	size_t mistake_sent = 0; /* sentence + 1 of the last passive told as a mistake */
	size_t reported_sent = 0; /* sentence + 1 of the last passive reported */
	struct cover cv;
	cover_init(&cv, c, r->id, before);
	/* a token acts here only as a participle, an action verb or a past
	 * form of "be" */
	const uint64_t acting = (1ull << L_PARTICIPLE) | (1ull << L_PASSIVE_ACTION) | (1ull << L_BE_PAST);
	for (size_t i = c->t0, se = i; i < c->t1; i++) {
		if (i >= se && (i = sent_with(D, i, c->t1, acting, &se)) >= c->t1)
			break;
		if (D->cls[i] & ((1ull << L_PARTICIPLE) | (1ull << L_PASSIVE_ACTION)))
			note_acted(c, i);
		/* "which caused some direct debits to be taken twice": a
		 * passive infinitive a verb of causing made (caused_to_be),
		 * with no "we/our/us" and no negation in the eight tokens
		 * before it ("our batch job caused …" names who) */
		/* "the course has had to be cancelled", "had to be pushed
		 * back": a booking called off or moved by someone unnamed,
		 * read as "was" (dev sets holdout20-365: 19 found that writers
		 * marked, 2 they did not; with any participle of harm, 25 and
		 * 12: "the stock had to be thrown away" tells a loss) */
		bool had_to = D->tok[i].nlen == 2 && i > 1 && ck_is(D, i, "be") && ck_is(D, i - 1, "to") &&
			      ck_is(D, i - 2, "had") && !breaks_clause(D, i) && !breaks_clause(D, i - 1) &&
			      had_to_be_moved(D, i + 1);
		if (!had_to && D->tok[i].nlen == 2 && i > 0 && ck_is(D, i, "be") && ck_is(D, i - 1, "to") &&
		    !is_question(D, i)) {
			size_t j = caused_to_be(D, i), cb = clause_back(D, i, 8);
			if (!j || passive_negated(D, cb, i) || covered_by(&cv, c, D->tok[i - 1].start, D->tok[j].end) ||
			    on_subject_line(D, i))
				continue;
			bool ours = false;
			for (size_t k = cb; k < i && !ours; k++)
				ours = ck_is(D, k, "we") || ck_is(D, k, "our") || ck_is(D, k, "us");
			if (ours)
				continue;
			int n;
			const char *s = src(c, i - 1, j + 1, &n);
			ck_finding(c, r, r->sev, D->tok[i - 1].start, D->tok[j].end, false,
				   ck_fmt(c, "say who did it: \"we %.*s …\"", (int)(D->tok[j].end - D->tok[j].start),
					  D->text + D->tok[j].start),
				   "passive \"%.*s\" hides who did it", n, s);
			cover_add(&cv, D->tok[j].end);
			continue;
		}
		if (!(ck_has(D, i, L_BE_PAST) || had_to) || is_question(D, i))
			continue;
		size_t j = i + 1;
		int adv = 0;
		while (j < D->ntok && adv < 2 && !breaks_clause(D, j) && is_adverb(D, j) && !ck_has(D, j, L_PARTICIPLE))
			j++, adv++;
		if (j >= D->ntok || breaks_clause(D, j))
			continue;
		/* the fault markers' mask (a byte a token, filled from every
		 * hit) is made once a message has a candidate: many have none */
		if (!fault && !(fault = c->fault_mask = cover_mask(c, L_FAULT)))
			return;
		/* "were double-confirmed", "was mis-sent", "were over-billed":
		 * the prefix tells the act was a mistake, whatever the verb;
		 * any other prefix ("were e-mailed", "was pre-booked") leaves the
		 * verb the compound's last part */
		bool mistake = false, redone = false;
		if (j + 1 < D->ntok && (D->tok[j + 1].flags & CK_TF_HYPH) && past_verb(D, j + 1)) {
			mistake = ck_is(D, j, "double") || ck_is(D, j, "mis") || ck_is(D, j, "over");
			redone = ck_is(D, j, "re");
			j++;
		} else {
			mistake = mistake_prefixed(D, j); /* the same, in one word: "were oversold" */
		}
		/* "was found to be corrupted", "were found to have been
		 * deleted": what was found out is the passive told */
		if (j + 3 < D->ntok && ck_is(D, j + 1, "to") && !breaks_clause(D, j + 1) && ck_is_any(D, j, found_out_verbs)) {
			if (ck_is(D, j + 2, "be") && !breaks_clause(D, j + 3))
				j += 3;
			else if (ck_is(D, j + 2, "have") && ck_is(D, j + 3, "been") && j + 4 < D->ntok && !breaks_clause(D, j + 4))
				j += 4;
		}
		/* "only a handful of your slots were affected": who or what the
		 * harm reached, an impact told, not an act whose doer is hidden
		 * (writers marked 1 of 104 such; session 23) */
		if (D->tok[j].nlen == 8 && (ck_is(D, j, "affected") || ck_is(D, j, "impacted")))
			continue;
		size_t subj = clause_back(D, i, 6);
		/* "errors were introduced", "a bug was shipped": a fault as the
		 * subject of any passive is a mistake made by someone unnamed;
		 * "were left unconnected", "was left unlocked": a thing left in
		 * an un-done state is one too */
		if (!mistake && past_verb(D, j) &&
		    (let_lapse(D, subj, i, j) || ((ck_is(D, i, "was") || ck_is(D, i, "were")) && fault_subject(D, i) &&
		      (!ck_has(D, j, L_ACTION) || ck_has(D, j, L_OWN_VERB)) && !ck_is_any(D, j, found_out_verbs)) ||
		     left_undone(D, j)))
			mistake = true;
		/* "were deactivated in error", "was wrongly closed", "the wrong
		 * lenses were fitted", "was generated but never sent", "was
		 * switched off during an update", "were saved without the
		 * ward": a fault marker right after the verb, before it, or in
		 * the subject, the next act left undone, the act done before its
		 * check, in the middle of our routine work, or lacking what it
		 * needed, tells a mistake whatever the verb */
		if (!mistake && past_verb(D, j) &&
		    (fault_marked(D, fault, subj, i, j) || then_never(D, j) || before_check(D, j) || during_our_work(D, subj, j) ||
		     passive_without(D, j) || done_late(D, j) || done_too_much(D, j) || done_to_outdated(D, j) ||
		     done_twice(D, j) || switched_off(D, j) || sent_unwatched(D, j) || given_to_many(D, i, j) ||
		     put_together(D, i, j) || and_then_lost(D, j) || with_broken(D, j) || done_instead(D, j) ||
		     (fault_further_on(D, j) && !ck_is_any(D, j, mend_verbs) && !ck_has(D, j, L_REPAIR))))
			mistake = true;
		if (!mistake && to_another(D, i, j))
			mistake = true;
		/* "…, so crews were routed to a closed road": any act in the
		 * ", so" clause of a passive mistake just told is its hidden
		 * consequence */
		if (!mistake && past_verb(D, j) && mistake_sent == D->tok[i].sent + 1 && ck_is(D, subj, "so") &&
		    (D->tok[subj].gap & CK_G_CLAUSE))
			mistake = true;
		/* any act done to the client's own things, not only the listed
		 * ones, in a sentence that tells of a mistake (below): "…
		 * were double-booked, and two of your couples were offered the
		 * same room"; not our repairs ("your account was restored"),
		 * nor "your parcels were delivered on Monday" */
		/* "passengers were shown departures that did not run": the
		 * client's people "shown" something (an irregular participle
		 * read here apart from the other past verbs), unless what they were shown mends
		 * ("were shown the right fares", "shown a new date") */
		bool done_to_reader = !mistake && !ck_has(D, j, L_PARTICIPLE) && !ck_has(D, j, L_PASSIVE_ACTION) &&
				      !ck_has(D, j, L_ACTION) &&
				      ((past_verb(D, j) && !ck_is(D, j, "shown")) ||
				       (ck_is(D, j, "shown") && crowd_subject(D, subj, i) && !shown_mends(D, j))) &&
				      (readers_thing(D, subj, i) || crowd_subject(D, subj, i));
		/* an act left undone, denied in the verb group, with what the
		 * omission cost ("had never been handed to …, so nobody could
		 * …"): a mistake, which the negation does not deny */
		bool omitted = left_undone_act(D, i, j) && !none_of(D, clause_back(D, i, 10), i);
		if (omitted) {
			mistake = true;
			done_to_reader = false;
		}
		/* "have been re-cut and re-leaded", "the proof was re-RIPped on
		 * Friday": a thing done again is the remedy unless its words
		 * tell a mistake ("was re-erected in the incorrect position",
		 * "was not re-tightened") */
		if (redone && !mistake)
			continue;
		/* "the crest was cut exactly to the drawing you approved": done
		 * as asked; "your replacement order was cut this morning", "37
		 * replacement sets were cut and polished": the remedy made (not
		 * "the replacement has been rescheduled", a harm) (dev sets
		 * holdout20-405: 4 such findings, none marked) */
		if (!mistake && j + 1 < D->ntok && !breaks_clause(D, j + 1) && ck_is(D, j + 1, "exactly"))
			continue;
		static const char *const made[] = {"cut", "made", "built", "machined", "printed", "sewn", "stitched",
			"woven", "cast", "carved", "turned", "polished", "packed", "assembled", "engraved", "dyed", NULL};
		if (!mistake && j == i + 1 && (ck_is(D, i, "was") || ck_is(D, i, "were")) && ck_is_any(D, j, made)) {
			/* the subject a remedy noun (not remedy_subject's
			 * "affected": "the affected frames were cut from an old
			 * roll" tells the fault) */
			bool remedy = false;
			for (size_t q = subj; q < i && !remedy; q++)
				remedy = ck_is_any(D, q, remedy_nouns);
			if (remedy)
				continue;
		}
		/* a date moved counts as "rescheduled", a participle of harm;
		 * so do two things swapped by mistake and a thing left astray */
		bool astray = left_astray(D, j);
		bool harm = ck_has(D, j, L_PARTICIPLE) || moved_in_time(D, i, j) || swapped_wrongly(D, i, j) || astray;
		if (!mistake && !done_to_reader && !(harm || ck_has(D, j, L_PASSIVE_ACTION)))
			continue;
		if (!mistake && !harm && remedy_done_now(D, fault, i, j))
			continue;
		/* "the alarm was still set to an old number", "the path is
		 * still closed": "still" before the participle tells a state
		 * that lasted, not an act whose doer is hidden, unless a mistake
		 * is told (dev sets holdout20-365: 1 of 10 such marked) */
		if (!mistake && j > i + 1 && still_between(D, i, j))
			continue;
		if ((!omitted && passive_negated(D, subj, j)) || passive_conditional(D, subj, i) ||
		    none_of(D, clause_back(D, i, 10), subj))
			continue;
		passive_sent_scan(D, i, &ps);
		if (mistake)
			mistake_sent = D->tok[i].sent + 1;
		/* the mistake told in this sentence or, for the client's people
		 * as the subject, in the one before: "… reminders were sent to
		 * the wrong clients. Some clients were told they owed …" goes
		 * on with the same account */
		bool told = mistake_sent == D->tok[i].sent + 1 ||
			    (D->tok[i].sent > 0 && (mistake_sent == D->tok[i].sent || reported_sent == D->tok[i].sent) &&
			     crowd_subject(D, subj, i));
		if (done_to_reader && ((!told && !ck_sent_has(D, i, L_HARM) &&
					!passive_fault_context(D, fault, &ps, subj, i, j)) ||
				       ps.ours))
			continue; /* no mistake told, or the sentence says what of ours did it */
		/* an actor named before reaches the passive only while the
		 * reader has not become the subject: "our servers refused every
		 * sign-in, so you could not play, and the final was called off"
		 * or "… we loaded, and your slots were given away" say who
		 * refused or loaded, not who called off or gave away */
		/* but a thing of ours in a time clause ("when our surveyors'
		 * tablets uploaded …") does not name who made the mistake the
		 * passive's own words tell ("were entered incorrectly") */
		if ((ps.causal_actor && (ps.causal_named || !mistake)) || (ps.first_actor < i && ps.first_reader >= i))
			continue; /* the sentence names who acted */
		/* "our planner removed your hall from the round, so your bins
		 * were left full": the passive is the ", so" clause itself,
		 * the consequence of an act of ours the sentence has just told
		 * (any verb, a repair verb too); so is the ", and" clause after
		 * "we" opening a clause with a verb that admits no fault: "we
		 * paid the duty, and your goods were released" */
		size_t cs = clause_back(D, i, 12); /* the clause may open before the subject's six words */
		if (ps.first_doer < cs && (D->tok[cs].gap & CK_G_CLAUSE) && (!mistake || omitted) &&
		    (ck_is(D, cs, "so") || (ck_is(D, cs, "and") && we_did_then(D, cs))))
			continue;
		if (acted_before(c, j, i) || actor_next(c, i))
			continue; /* an earlier sentence did, or the next one does */
		if (!mistake && !harm && !(done_to_reader && told) && !readers_thing(D, subj, i) &&
		    !passive_fault_context(D, fault, &ps, subj, i, j))
			continue;
		/* an ordinary act done as the client asked: "your keys were
		 * left at reception, as you asked" */
		if (!mistake && (!harm || astray) && as_requested(D, j))
			continue;
		/* "the wrong dose was picked when the orders were keyed in":
		 * an ordinary act in a time clause after a passive mistake
		 * already reported in its sentence tells when that mistake
		 * happened, unless its own words tell a fault or an omission */
		if (reported_sent == D->tok[i].sent + 1 && !omitted && !ck_has(D, j, L_PARTICIPLE) &&
		    time_clause_from(D, subj, i) && !fault_marked(D, fault, subj, i, j))
			continue;
		/* already reported as an idiom */
		if (covered_by(&cv, c, D->tok[i].start, D->tok[j].end) ||
		    (has_agent(D, j + 1, j + 7) && !agent_same_thing(D, subj, i, j)) || delayed_by(D, j) ||
		    on_subject_line(D, i))
			continue;
		/* the verb group from "has/have had to be" */
		size_t aux = i;
		if (had_to) {
			aux = i - 2;
			if (aux > 0 && !breaks_clause(D, aux) && (ck_is(D, aux - 1, "has") || ck_is(D, aux - 1, "have")))
				aux--;
		}
		/* the subject: up to five tokens back in the clause */
		size_t cf = clause_first_within(D, aux, 5);
		char *sugg;
		int pn;
		const char *part = src(c, j, j + 1, &pn);
		if (cf < aux) {
			int sn;
			const char *subj = src(c, cf, aux, &sn);
			bool lower = sn > 1 && subj[0] >= 'A' && subj[0] <= 'Z' && subj[1] >= 'a' && subj[1] <= 'z';
			sugg = ck_fmt(c, "we %.*s %s%.*s", pn, part, lower ? (char[]){(char)(subj[0] + 32), 0} : "",
				   lower ? sn - 1 : sn, lower ? subj + 1 : subj);
		} else {
			sugg = ck_fmt(c, "say who did it: \"we %.*s …\"", pn, part);
		}
		int n;
		const char *s = src(c, aux, j + 1, &n);
		ck_finding(c, r, r->sev, D->tok[aux].start, D->tok[j].end, false, sugg,
			   "passive \"%.*s\" hides who did it", n, s);
		cover_add(&cv, D->tok[j].end);
		reported_sent = D->tok[i].sent + 1;
	}
}

static bool elem_found(struct ck_ctx *c, int e);
static bool blame_owned(struct ck_ctx *c);

/* Token i is a name in the possessive: "Cloudflare's", "AWS's" — a party
 * named as the owner of what failed. Not a weekday, month or time word
 * ("Monday's outage", "Today's update"), not a stopword ("That's", a
 * contraction), and not a name whose "'s" is followed by a past verb: it
 * owns nothing there, it is a place ("the scanner at St Anne's failed"). */
static bool named_possessive(const struct ck_doc *d, size_t i)
{
	const struct ck_tok *t = &d->tok[i];
	return t->type == CK_WORD && (t->flags & CK_TF_CAP) && !(t->flags & CK_TF_HEAD) && t->kw < 0 &&
	       !ck_has(d, i, L_TIME_WORD) && i + 1 < d->ntok && (d->tok[i + 1].flags & CK_TF_SPLIT) &&
	       ck_is(d, i + 1, "'s") && !ck_has(d, i, L_STOPWORD) && !past_verb(d, i + 2);
}

/* A cause word that introduces the phrase naming what caused it ("caused
 * by", "due to", "traced to", "stemmed from"): the party may stand
 * anywhere in that phrase ("caused by an issue at our identity partner"),
 * further than six words on. */
static bool introduces_cause(const struct ck_doc *d, const struct ck_hit *b)
{
	if (b->last - b->first >= 2)
		return true;
	/* "the cause was a software update from the analyser's maker" */
	if (ck_is(d, b->first, "cause") && b->last < d->ntok && !breaks_clause(d, b->last) &&
	    (ck_is(d, b->last, "was") || ck_is(d, b->last, "is") || ck_is(d, b->last, "were")))
		return true;
	return b->last < d->ntok && !breaks_clause(d, b->last) &&
	       (ck_is(d, b->last, "by") || ck_is(d, b->last, "to") || ck_is(d, b->last, "from"));
}

/* Who a blame finding blames: the client's people, a third party (a
 * vendor, a partner), or another's own people; each with its suggestion. */
enum blamed { BLAMED_CLIENT, BLAMED_THIRD_PARTY, BLAMED_OTHERS };

/* The blame finding on tokens [a, e). */
static void blame_finding(struct ck_ctx *c, const struct ck_rule *r, size_t a, size_t e, enum blamed who)
{
	static const char *const whom[] = {"the client", "a third party", "another party"};
	int n;
	const char *s = src(c, a, e, &n);
	ck_finding(c, r, r->sev, D->tok[a].start, D->tok[e - 1].end, false,
		   who == BLAMED_THIRD_PARTY
			   ? ck_fmt(c, "name the vendor if it helps, but own the outcome: \"choosing and monitoring them is our "
				       "responsibility\"")
			   : ck_fmt(c, "say what we will change so that it cannot happen again, and own the outcome"),
		   "\"%.*s\" blames %s and the message takes no responsibility", n, s, whom[who]);
}

/* The party at tokens [p0, p1) with a cause word (blame_causes.txt) starting
 * within six tokens before it (ten after a word that introduces the
 * cause: introduces_cause) or AFTER tokens after it, in its clause:
 * reported, and *covered moved past the finding. The party is a third
 * party or, when CLIENT, the client's people. */
static void blame_party(struct ck_ctx *c, const struct ck_rule *r, size_t p0, size_t p1, size_t after,
			bool client, size_t *covered)
{
	/* the clause's ends as far as a hit that counts can reach (ten tokens
	 * back, a phrase after AFTER): walking a clause of megabytes to its
	 * ends for each party made a long one quadratic */
	size_t cf = clause_back(D, p0, 12), cl = clause_fwd(D, p0, p1 - p0 + after + 256);
	size_t from = p0 > 10 ? p0 - 10 : 0;
	for (size_t k = ck_hit_lower(D, from > cf ? from : cf);
	     k < D->nhit && D->hit[k].first < cl && D->hit[k].first <= p1 + after; k++) {
		const struct ck_hit *b = &D->hit[k];
		if (b->list != L_BLAME_CAUSE || b->first < cf || b->last > cl)
			continue;
		if (p1 + after < b->first || (b->first + 6 < p0 && !(b->first + 10 >= p0 && introduces_cause(D, b))))
			continue;
		/* "your crew stood down for a day", "your staff sat down",
		 * "your contractor stood down two fitters": "down" right after
		 * the people's or the party's own verb is its particle, no
		 * failure ("your team was down to two" is a state) */
		if (b->first == p1 + 1 && b->last == b->first + 1 && ck_is(D, b->first, "down") &&
		    D->tok[p1].type == CK_WORD && !ck_has(D, p1, L_BE_PAST) && !ck_is(D, p1, "is") && !ck_is(D, p1, "are"))
			continue;
		/* the client's people are blamed as the agent a cause phrase
		 * introduces, not as the object of a harm: "triggered by the
		 * import your team started", not "our outage stopped your team";
		 * or as the ones who acted, a past verb right after them, in a
		 * clause about the cause: "the cause was that your staff typed …" */
		if (client && b->first < p0 && !introduces_cause(D, b) && !past_verb(D, p1))
			continue;
		/* "orders that failed to reach your suppliers": the party after
		 * "failed to <verb>" is the object of the act that failed, not
		 * its agent */
		if (b->first < p0 && ck_is(D, b->first, "failed") && ck_is(D, b->last, "to"))
			continue;
		/* "the records failed the bank's checks": "failed" right
		 * before the party takes it as its object, what was not met */
		if (b->last == p0 && b->last == b->first + 1 && ck_is(D, b->first, "failed"))
			continue;
		/* "a second carrier, so that one carrier's fault cannot take the
		 * network down": a clause of purpose tells what the change rules
		 * out, not what happened */
		if (ck_is(D, cf, "so") && cf + 1 < p0 && ck_is(D, cf + 1, "that"))
			continue;
		/* "upload dates now come from one calendar of provider
		 * deadlines": what things "now" come from is how they work
		 * since the change, not where the fault came from */
		if (b->first > 0 && !breaks_clause(D, b->first) && ck_is(D, b->first - 1, "now") &&
		    (ck_is(D, b->first, "come") || ck_is(D, b->first, "comes")))
			continue;
		/* "the replacement bracket has to come from the manufacturer",
		 * "the new part comes from Italy": where a part to come is
		 * sourced, not where a fault came from — "come" after "to" or
		 * a modal, or a replacement or new thing in the clause before
		 * (session 23); and "is coming from", a thing on its way
		 * ("new mesh is coming from our Ludhiana supplier": session
		 * 34, dev sets holdout20-381, 3 such uses, none marked) */
		if (ck_is(D, b->first, "come") || ck_is(D, b->first, "comes") || ck_is(D, b->first, "coming")) {
			static const char *const modal[] = {"to", "will", "'ll", "must", "can", "should", "would", NULL};
			static const char *const now[] = {"is", "are", "'s", "'re", NULL};
			bool sourced = b->first > 0 && !breaks_clause(D, b->first) &&
				       ck_is_any(D, b->first - 1, ck_is(D, b->first, "coming") ? now : modal);
			for (size_t q = cf; q < b->first && !sourced; q++)
				sourced = ck_is(D, q, "replacement") || ck_is(D, q, "replacements") || ck_is(D, q, "new");
			if (sourced)
				continue;
		}
		/* the failure as what the client must now arrange with the
		 * party: "you now have to book that outage again with the grid
		 * operator" — "you" in the clause before both, the party after
		 * "with" at most three words before it, and the cause word
		 * naming the failure, not introducing a cause; "during the
		 * outage at our provider" still places the fault */
		if (!client && !introduces_cause(D, b) && b->first < p0) {
			bool with = false, you = false;
			for (size_t q = p0; q > b->first + 1 && p0 - q < 3 && !breaks_clause(D, q) && !with; q--)
				with = ck_is(D, q - 1, "with");
			for (size_t q = cf; with && q < b->first && !you; q++)
				you = ck_is(D, q, "you");
			if (you)
				continue;
		}
		/* a cause word after the party told of a thing of ours: "the
		 * events the partner sent while our receiver was down" ("our" at
		 * most three tokens before the cause word, after the party) */
		bool ours = false;
		for (size_t q = p1; q < b->first && !ours; q++)
			ours = ck_is(D, q, "our") && q + 3 >= b->first;
		if (ours)
			continue;
		size_t a = p0 < b->first ? p0 : b->first;
		size_t e = p1 > b->last ? p1 : b->last;
		/* the party's own people carry the blame on in the next
		 * clause: "…'s storage failed, and their engineers took two
		 * hours to restore it" — one finding to their verb */
		if (!client && e + 3 < D->ntok && (ck_is(D, e, "and") || ck_is(D, e, "but")) &&
		    ck_is(D, e + 1, "their") && ck_has(D, e + 2, L_TEAM) && past_verb(D, e + 3))
			e += 4;
		blame_finding(c, r, a, e, client ? BLAMED_CLIENT : BLAMED_THIRD_PARTY);
		*covered = e;
		return;
	}
}

/* "your" at token k after a preposition that makes the client's people
 * the ones affected, not the agent: "for/to/of/with/on your team". */
static bool harmed_party(const struct ck_doc *d, size_t k)
{
	static const char *const prep[] = {"for", "to", "of", "with", "on", "at", "into", "toward", "towards",
		"against", "from", NULL};
	if (k == 0 || breaks_clause(d, k))
		return false;
	if (ck_is_any(d, k - 1, prep))
		return true;
	/* "the disruption this caused to you and your staff": "your" joined
	 * by "and" to the object of such a preposition up to three words
	 * before it */
	if (!ck_is(d, k - 1, "and") || breaks_clause(d, k - 1))
		return false;
	for (size_t q = k - 1; q > 0 && k - q < 4 && !breaks_clause(d, q); q--)
		if (ck_is_any(d, q - 1, prep))
			return true;
	return false;
}

/* "your" at token k opens the client's people: "your staff", "your own
 * staff", "your dispatch staff", "your own dispatch staff" (team_nouns.txt
 * at most two words on, "own" and one other word between), or the people
 * of a thing of the client's: "your building's night security team" (a
 * possessive, then at most two words that are no stopwords, though a
 * stopword in capitals is an acronym: "your hospital's IT team"). "we" or "I"
 * there opens a clause of ours with no comma before it ("After your call
 * we found …"): never the client's people. Returns the token after them,
 * or 0. */
static size_t client_people(const struct ck_doc *d, size_t k)
{
	size_t q = k + 1, words = 2;
	if (q + 2 < d->ntok && !breaks_clause(d, q) && d->tok[q].type == CK_WORD && !breaks_clause(d, q + 1) &&
	    ck_is(d, q + 1, "'s") && !breaks_clause(d, q + 2))
		q += 2, words = 3;
	if (!breaks_clause(d, q) && ck_is(d, q, "own"))
		q++;
	for (size_t m = q; m < q + words && m < d->ntok; m++) {
		if (breaks_clause(d, m) || d->tok[m].type != CK_WORD || first_person(d, m))
			return 0;
		if (ck_has(d, m, L_TEAM))
			return m + 1;
		/* "your hospital's IT team": a stopword in capitals is an
		 * acronym (IT, US), part of the people's name */
		if (words == 3 && ck_has(d, m, L_STOPWORD) && !(d->tok[m].flags & CK_TF_ALLCAPS))
			return 0;
	}
	return 0;
}

/* "your staff did not renew the authorisation", "your transport company
 * did not confirm the slot in time", "your team ignoring our
 * recommendation", "your team's delay in giving us access": the client's
 * people (client_people, or "your" and a team noun before "'s") and what
 * they left undone or got wrong right after them — "did not", "failed to"
 * or "never" and a verb that is an act (not "receive", "get", "hear",
 * "see": "your team did not get the alert" tells a harm), "forgot",
 * "neglected", "ignored", or their delay, error or mistake. Not in a
 * condition ("if your staff did not renew …") nor a question. Token k is
 * "your"; returns the token after the failing words, or 0. */
static size_t client_failed(const struct ck_doc *d, size_t k)
{
	static const char *const fail_n[] = {"delay", "delays", "error", "errors", "mistake", "mistakes", "oversight",
		NULL};
	static const char *const fail_v[] = {"forgot", "neglected", "ignored", "ignoring", NULL};
	static const char *const harm[] = {"receive", "get", "hear", "see", "have", "know", "need", "notice", "lose",
		"experience", "expect", "received", "got", "heard", "saw", "had", "knew", "needed", "noticed", "lost",
		"experienced", "expected", NULL};
	static const char *const cond[] = {"if", "unless", "when", "whether", "should", NULL};
	if (is_question(d, k) || (k > 0 && !breaks_clause(d, k) && ck_is_any(d, k - 1, cond)) ||
	    (k > 1 && !breaks_clause(d, k) && !breaks_clause(d, k - 1) && ck_is_any(d, k - 2, cond)))
		return 0;
	size_t e = client_people(d, k);
	if (e == 0) {
		if (k + 3 < d->ntok && ck_has(d, k + 1, L_TEAM) && ck_is(d, k + 2, "'s") && ck_is_any(d, k + 3, fail_n) &&
		    !breaks_clause(d, k + 1) && !breaks_clause(d, k + 2) && !breaks_clause(d, k + 3))
			return k + 4;
		return 0;
	}
	if (e + 1 >= d->ntok || breaks_clause(d, e))
		return 0;
	if (ck_is_any(d, e, fail_v))
		return e + 1;
	size_t v = 0;
	if ((ck_is(d, e, "did") && ck_is(d, e + 1, "not")) || (ck_is(d, e, "failed") && ck_is(d, e + 1, "to")))
		v = e + 2;
	else if (ck_is(d, e, "never"))
		v = e + 1;
	if (v == 0 || v >= d->ntok || breaks_clause(d, v) || breaks_clause(d, v - 1) || d->tok[v].type != CK_WORD ||
	    ck_is_any(d, v, harm))
		return 0;
	return v + 1;
}

/* A cause phrase that introduces the cause (introduces_cause) ends right
 * before token k: "came from your …", "stemmed from the …". */
static bool cause_ends_at(const struct ck_doc *d, size_t k)
{
	for (size_t h = hit_near(d, k - 1); h < d->nhit && d->hit[h].first < k; h++)
		if (d->hit[h].list == L_BLAME_CAUSE && d->hit[h].last == k && introduces_cause(d, &d->hit[h]))
			return true;
	return false;
}

/* A problem as the subject of the clause before token k, at most six
 * tokens back: "the issue was coming from …", "the difference came
 * from …". */
static bool problem_before(const struct ck_doc *d, size_t k)
{
	static const char *const problem[] = {"issue", "issues", "problem", "problems", "error", "errors", "fault",
		"mistake", "discrepancy", "difference", "delay", "mismatch", "shortfall", NULL};
	for (size_t q = k; q > 0 && k - q < 6 && !breaks_clause(d, q); q--)
		if (ck_is_any(d, q - 1, problem))
			return true;
	return false;
}

/* "your" at token k is the client's side, as the end of a cause phrase
 * names it: "the delay comes from your side", "caused by your end"; not a
 * place ("comes from your side of the wall"), unless a problem is what
 * came from it ("the issue was coming from your side of the order
 * entry"). */
static bool cause_names_side(const struct ck_doc *d, size_t k)
{
	if (k + 1 >= d->ntok || breaks_clause(d, k + 1) || !(ck_is(d, k + 1, "side") || ck_is(d, k + 1, "end")))
		return false;
	if (!cause_ends_at(d, k))
		return false;
	return !(k + 2 < d->ntok && !breaks_clause(d, k + 2) && ck_is(d, k + 2, "of")) || problem_before(d, k - 1);
}

/* "The main reason is the late sign-off from your side": "your" at token
 * k, after "from", then "side" or "end" (not "side of"), named as where
 * what a cause phrase earlier in its sentence (at most sixteen tokens
 * back, one that introduces the cause: "reason is", "caused by") came
 * from, further back than blame_party reaches. Returns the cause
 * phrase's first token, or SIZE_MAX. Out of line, as blame_none_could. */
static __attribute__((noinline)) size_t side_as_origin(const struct ck_doc *d, size_t k)
{
	if (k == 0 || k + 1 >= d->ntok || breaks_clause(d, k) || breaks_clause(d, k + 1) || !ck_is(d, k - 1, "from") ||
	    !(ck_is(d, k + 1, "side") || ck_is(d, k + 1, "end")) ||
	    (k + 2 < d->ntok && !breaks_clause(d, k + 2) && ck_is(d, k + 2, "of")))
		return SIZE_MAX;
	size_t sf = d->sent[d->tok[k].sent].first;
	for (size_t q = k - 1; q > sf && k - q <= 16; q--) {
		const struct ck_hit *b = hit_at(d, q - 1, L_BLAME_CAUSE);
		if (b && introduces_cause(d, b) && b->last < k - 1)
			return q - 1;
	}
	return SIZE_MAX;
}

/* ", so" (not "so that") within max tokens after token j, in j's
 * sentence: what comes before it is given as the cause of what follows. */
static bool so_follows(const struct ck_doc *d, size_t j, size_t max)
{
	for (size_t k = j + 1; k < d->ntok && k <= j + max && !(d->tok[k].gap & CK_G_SENT); k++)
		if (ck_is(d, k, "so") && (d->tok[k].gap & CK_G_CLAUSE) && !ck_is(d, k + 1, "that"))
			return true;
	return false;
}

/* "the events the partner sent while our receiver was down, so …": a time
 * clause of ours ("while/when/after" and "our"/"we" next) within max
 * tokens after token j in its sentence; what ", so" then follows is our
 * event, not the party's act. */
static bool ours_while(const struct ck_doc *d, size_t j, size_t max)
{
	for (size_t k = j + 1; k + 1 < d->ntok && k <= j + max && !(d->tok[k].gap & CK_G_SENT); k++)
		if ((ck_is(d, k, "while") || ck_is(d, k, "when") || ck_is(d, k, "after")) &&
		    !breaks_clause(d, k + 1) && (ck_is(d, k + 1, "our") || ck_is(d, k + 1, "we")))
			return true;
	return false;
}

/* "because" at most max tokens before token k, in its clause: "because
 * some of your staff …", "because your team …". */
static bool because_before(const struct ck_doc *d, size_t k, size_t max)
{
	for (size_t q = k; q > 0 && k - q < max && !breaks_clause(d, q); q--)
		if (ck_is(d, q - 1, "because"))
			return true;
	return false;
}

/* The verb the client's people acted with, at token e right after them:
 * a past verb ("your staff cleared"), or one after "had" or "did" and a
 * "not" or "never" ("your site manager had not cleared the road", "your
 * team did not send the list") — what they did or left undone; a verb
 * of two words joined by a hyphen is read at its last part ("your
 * cleaners jet-washed the yard"). Returns the verb's token, or 0. */
static size_t client_verb(const struct ck_doc *d, size_t e)
{
	if (e + 1 < d->ntok && d->tok[e].type == CK_WORD && (d->tok[e + 1].flags & CK_TF_HYPH) &&
	    !breaks_clause(d, e) && past_verb(d, e + 1))
		return e + 1;
	if (!(ck_is(d, e, "had") || ck_is(d, e, "did")) || e + 2 >= d->ntok || breaks_clause(d, e + 1))
		return past_verb(d, e) ? e : 0;
	size_t v = e + 1;
	if (ck_is(d, v, "not") || ck_is(d, v, "never"))
		v++;
	/* after "had", a past form; after "did not", the bare verb; else
	 * "had" or "did" is the past verb itself ("did the checks late") */
	if (!breaks_clause(d, v) && d->tok[v].type == CK_WORD && (ck_is(d, e, "had") ? past_verb(d, v) : v > e + 1))
		return v;
	return past_verb(d, e) ? e : 0;
}

/* The client's people at [p0, p1) acted, right after "because" (a past
 * verb after them): their act is given as the reason, as for customers
 * at large; reported from "because" to the verb. */
static void client_because(struct ck_ctx *c, const struct ck_rule *r, size_t p0, size_t p1, size_t *covered)
{
	size_t a = p0;
	while (!ck_is(D, a - 1, "because"))
		a--;
	a--;
	blame_finding(c, r, a, p1 + 1, BLAMED_CLIENT);
	*covered = p1 + 1;
}

/* A verb that tells a fault by itself: "the courier lost the parcel",
 * "the supplier missed the slot". Each is a harm participle, a harm word,
 * a cause word or an admitting verb (their class bits, fault_verb_bits),
 * so a sentence without those bits has none. */
static const uint64_t fault_verb_bits =
	(1ull << L_PARTICIPLE) | (1ull << L_HARM) | (1ull << L_BLAME_CAUSE) | (1ull << L_OWN_VERB);

static bool fault_verb(const struct ck_doc *d, size_t k)
{
	static const char *const fault[] = {"lost", "broke", "failed", "dropped", "missed", "damaged",
		"mislaid", "misrouted", "forgot", "skipped", "corrupted", "deleted", "ignored", "overlooked",
		"mishandled", NULL};
	return k < d->ntok && !breaks_clause(d, k) && ck_is_any(d, k, fault);
}

/* "sent us a pallet of bottles with chipped necks", "delivered the
 * frames with the glass cracked": "with" two to eight tokens after verb
 * v in its clause, then a harm participle (passive_participles.txt) or
 * an un…ed word in the three tokens after it — what the act handed over
 * was damaged or unfinished. */
static bool handed_damaged(const struct ck_doc *d, size_t v)
{
	size_t e = clause_fwd(d, v, 12);
	for (size_t k = v + 2; k < e && k <= v + 8; k++) {
		if (!ck_is(d, k, "with"))
			continue;
		for (size_t q = k + 1; q < e && q <= k + 3; q++)
			if (ck_has(d, q, L_PARTICIPLE) || undone_word(d, q))
				return true;
		return false;
	}
	return false;
}

/* "our carrier partner had a depot problem", "our processor, <Name>,
 * experienced a timeout", "the mill ran into trouble": a past verb of
 * meeting trouble at token v and, at most four words on in its clause, a
 * noun of trouble, with no negation before it ("had no problems").
 * Returns the token after the noun, or 0. */
static size_t met_trouble(const struct ck_doc *d, size_t v)
{
	static const char *const met[] = {"had", "experienced", "suffered", "encountered", "hit", "ran", NULL};
	static const char *const trouble[] = {"problem", "problems", "issue", "issues", "fault", "faults", "failure",
		"failures", "outage", "outages", "error", "errors", "timeout", "timeouts", "breakdown", "breakdowns",
		"glitch", "bug", "backlog", "shortage", "incident", "trouble", "difficulties", NULL};
	if (v >= d->ntok || !ck_is_any(d, v, met))
		return 0;
	for (size_t q = v + 1; q < d->ntok && q <= v + 4 && !breaks_clause(d, q); q++) {
		if (ck_has(d, q, L_NEGATION) || ck_is(d, q, "no"))
			return 0;
		if (ck_is_any(d, q, trouble))
			return q + 1;
	}
	return 0;
}

/* A party's act at token v tells the fault itself: trouble it met
 * (met_trouble: "had a depot problem"), a verb that is a
 * fault (fault_verb: "lost", "missed"), a past verb with a fault marker
 * at most three words after it in its clause ("fitted a faulty sensor",
 * "sent the wrong file") or after a preposition and its article further
 * on (fault_further_on: "sent the graphics at the wrong resolution"),
 * with what it handed over damaged (handed_damaged: "sent us bottles
 * with chipped necks"), or with "twice" in its clause (done_twice:
 * "sent the payment requests twice"). After a name set off by commas
 * ("our printer, <Name>, sent …") the verb opens a clause by that comma
 * alone, so there it is read by its form (past_form) and the marker or
 * "twice" after it. */
static bool party_act_faulty(const struct ck_doc *d, size_t v)
{
	if (fault_verb(d, v) || met_trouble(d, v) != 0)
		return true;
	if (breaks_clause(d, v) ? !past_form(d, v) || (d->tok[v].gap & CK_G_SENT) : !past_verb(d, v))
		return false;
	for (size_t q = v + 1; q < d->ntok && q <= v + 3 && !breaks_clause(d, q); q++)
		if (ck_has(d, q, L_FAULT))
			return true;
	/* "delivered short", "came in short": less than was ordered (not
	 * "short-dated") */
	size_t q = v + 1 + (ck_is(d, v + 1, "in") && !breaks_clause(d, v + 1));
	if (!breaks_clause(d, q) && ck_is(d, q, "short") && !(q + 1 < d->ntok && (d->tok[q + 1].flags & CK_TF_HYPH)))
		return true;
	return done_twice(d, v) || fault_further_on(d, v) || handed_damaged(d, v);
}

/* A blame phrase (blame_shift.txt) starting at most max tokens before or
 * after token k in k's sentence. */
static bool blamed_near(const struct ck_doc *d, size_t k, size_t max)
{
	const struct ck_sent *s = &d->sent[d->tok[k].sent];
	size_t from = k > s->first + max ? k - max : s->first;
	for (size_t h = ck_hit_lower(d, from); h < d->nhit && d->hit[h].first < s->last && d->hit[h].first < k + max; h++)
		if (d->hit[h].list == L_BLAME)
			return true;
	return false;
}

/* The third party of vendor hit x as the subject of its clause: a
 * determiner opens it at most two words before ("our text-message
 * supplier", "the courier"), or before an owner's "'s" there and at most
 * two words of the owner ("the venue's scanning contractor"), and no
 * preposition makes it the object of another ("the session with our
 * carrier dropped"). Returns the determiner's token, or SIZE_MAX. */
static size_t party_subject(const struct ck_doc *d, const struct ck_hit *x)
{
	static const char *const prep[] = {"with", "of", "from", "to", "at", "by", "for", "on", "in", "via",
		"through", NULL};
	size_t b = SIZE_MAX, reach = 3;
	if (ck_is(d, x->first, "our") || ck_is(d, x->first, "the")) /* the phrase's own: "our bank" */
		b = x->first;
	for (size_t q = x->first; b == SIZE_MAX && q > 0 && x->first - q < reach && !breaks_clause(d, q); q--) {
		if (reach == 3 && ck_is(d, q - 1, "'s")) {
			reach = x->first - q + 4; /* past the owner, up to two words, to its determiner */
			continue;
		}
		if (ck_is(d, q - 1, "our") || ck_is(d, q - 1, "the") || ck_is(d, q - 1, "a") || ck_is(d, q - 1, "an")) {
			b = q - 1;
			break;
		}
	}
	if (b != SIZE_MAX && b > 0 && !breaks_clause(d, b) && ck_is_any(d, b - 1, prep))
		return SIZE_MAX;
	return b;
}

/* The third party described by what it does for us, at token k: "the
 * company that makes our software", "a firm who runs our tills" — a
 * determiner, a noun, "that" or "who", a verb in -s and "our". Returns
 * the token after "our", or 0. */
static size_t maker_of_ours(const struct ck_doc *d, size_t k)
{
	if (k + 4 >= d->ntok || !(ck_is(d, k, "the") || ck_is(d, k, "a") || ck_is(d, k, "an")))
		return 0;
	for (size_t q = k + 1; q <= k + 4; q++)
		if (breaks_clause(d, q) || d->tok[q].type != CK_WORD)
			return 0;
	if (ck_has(d, k + 1, L_STOPWORD) || !(ck_is(d, k + 2, "that") || ck_is(d, k + 2, "who")) ||
	    !ck_is(d, k + 4, "our"))
		return 0;
	const char *w = ck_norm(d, k + 3);
	size_t n = d->tok[k + 3].nlen;
	return n > 3 && w[n - 1] == 's' && w[n - 2] != 's' ? k + 5 : 0;
}

/* The third party named as ours by what it supplies us, at token k:
 * "our paper mill, which supplied a batch of …", "our printer, who sells
 * us the board" — "our", one or two words that are no stopwords, then
 * ", which" or ", who" and a verb of supplying. Returns the token after
 * the party's noun, or 0. */
static size_t supplier_of_ours(const struct ck_doc *d, size_t k)
{
	static const char *const supply[] = {"supplied", "supplies", "supply", "sold", "sells", "sell", NULL};
	if (!ck_is(d, k, "our") || k + 4 >= d->ntok)
		return 0;
	for (size_t q = k + 1; q <= k + 2; q++) {
		if (d->tok[q].type != CK_WORD || ck_has(d, q, L_STOPWORD) || breaks_clause(d, q))
			return 0;
		bool rel = (d->tok[q + 1].gap & CK_G_CLAUSE) && d->tok[q + 1].clause_ch == ',' &&
			   !(d->tok[q + 1].gap & CK_G_SENT) && (ck_is(d, q + 1, "which") || ck_is(d, q + 1, "who"));
		if (rel)
			return !breaks_clause(d, q + 2) && ck_is_any(d, q + 2, supply) ? q + 1 : 0;
	}
	return 0;
}

/* What a party could not or has not yet handed over, at token k, in
 * one clause: "could not (or never) deliver", "was unable to supply",
 * "has been unable to deliver", "has (still) not (yet) delivered" with a
 * verb of handing over (not "has not yet confirmed", "has not returned
 * them": a wait, not a fault); not "could not have", an excuse, nor
 * "could not be/been reached". Returns the token after the verb left
 * undone, or 0. */
static size_t undone_owed(const struct ck_doc *d, size_t k)
{
	static const char *const handed[] = {"delivered", "supplied", "shipped", "sent", "released", "provided",
		NULL};
	size_t q = k + 1, end = 0;
	if (ck_is(d, k, "could")) {
		if ((ck_is(d, q, "not") || ck_is(d, q, "never")) && !ck_is(d, q + 1, "have") && !ck_is(d, q + 1, "be") &&
		    !ck_is(d, q + 1, "been") && q + 1 < d->ntok && d->tok[q + 1].type == CK_WORD)
			end = q + 2;
	} else if (ck_is(d, k, "was") || ck_is(d, k, "were")) {
		if (ck_is(d, q, "unable") && ck_is(d, q + 1, "to"))
			end = q + 3;
		else if (ck_is(d, q, "late")) /* "our AV contractor was late starting the edit" */
			end = q + 1;
	} else if (ck_is(d, k, "has") || ck_is(d, k, "have")) {
		if (ck_is(d, q, "been")) {
			if (ck_is(d, q + 1, "unable") && ck_is(d, q + 2, "to"))
				end = q + 4;
		} else {
			if (ck_is(d, q, "still") || ck_is(d, q, "yet"))
				q++;
			if (ck_is(d, q + 1, "yet") && (ck_is(d, q, "not") || ck_is(d, q, "never")))
				q++;
			if ((ck_is(d, q, "not") || ck_is(d, q, "never") || ck_is(d, q, "yet")) &&
			    ck_is_any(d, q + 1, handed))
				end = q + 2;
		}
	}
	for (size_t t = k + 1; end != 0 && t < end; t++)
		if (breaks_clause(d, t))
			return 0;
	return end;
}

/* "should have" or "should never/not have" and a past form at token k,
 * in one clause: what a party ought to have done, or not done, told of it
 * ("our alarm company should have alerted us", "the vendor's update should
 * never have gone out"); not "should have this done by Friday", a
 * forecast. Returns the token after the past form, or 0. */
static size_t ought_undone(const struct ck_doc *d, size_t k)
{
	/* the length first: party_omitted asks this of every word it walks */
	if (k >= d->ntok || d->tok[k].nlen != 6 || !ck_is(d, k, "should"))
		return 0;
	size_t h = k + 1 + (ck_is(d, k + 1, "never") || ck_is(d, k + 1, "not"));
	if (h + 1 >= d->ntok || !ck_is(d, h, "have") || !past_form(d, h + 1))
		return 0;
	for (size_t t = k + 1; t <= h + 1; t++)
		if (breaks_clause(d, t))
			return 0;
	return h + 2;
}

/* The party of a past verb at token v left undone what it owed us, at
 * most max tokens on in its sentence and before any "we" or "I" takes
 * over as the subject: "our bank changed the format and did not give us
 * notice", "the courier never came", "the supplier failed to ship", "our
 * monitoring company should have alerted us".
 * Returns the token after the verb left undone, or 0. */
static size_t party_omitted(const struct ck_doc *d, size_t v, size_t max)
{
	static const char *const unwarned[] = {"telling", "notice", "notifying", "warning", "informing", "letting",
		"consulting", "any", "prior", "advance", NULL};
	/* to the last token but one: "without notice" may end the text */
	for (size_t k = v; k + 1 < d->ntok && k <= v + max && !(k > v && (d->tok[k].gap & CK_G_SENT)); k++) {
		if (first_person(d, k))
			return 0;
		if (((ck_is(d, k, "did") || ck_is(d, k, "had")) && ck_is(d, k + 1, "not")) ||
		    (ck_is(d, k, "failed") && ck_is(d, k + 1, "to")))
			return breaks_clause(d, k + 1) || breaks_clause(d, k + 2) ? 0 : k + 3;
		size_t u = undone_owed(d, k);
		if (u != 0)
			return u;
		if ((u = ought_undone(d, k)) != 0)
			return u;
		if (ck_is(d, k, "never") && k > v)
			return breaks_clause(d, k + 1) ? 0 : k + 2;
		/* "re-routed the van without telling us", "applied a new
		 * rule without notice": what it owed us was word of it */
		if (ck_is(d, k, "without") && k > v && !breaks_clause(d, k + 1) && ck_is_any(d, k + 1, unwarned))
			return k + 2;
	}
	return 0;
}

static bool had_not_done(const struct ck_doc *d, size_t v);

/* The party's verb: the token after the party hit x, or, past a name set
 * off by commas, the token after that ("our payment partner, Tidepay,
 * confirmed …": one to three capitalised words between the commas), or,
 * past a clause of ours that says which party ("the supplier we chose for
 * the roof tiles sent …": "we" or "I", optionally after "that" or "who",
 * a past verb, then at most six words), the first past verb after it in
 * the clause, not after a form of "be" ("… is closed" is a state).
 * Returns x->last when there is neither. */
static size_t party_verb(const struct ck_doc *d, const struct ck_hit *x)
{
	size_t q = x->last;
	/* "our CDN provider also pushed a change", "our supplier has lost
	 * the parcel": one adverb of sequence or report, or "has", "have" or
	 * "had" and a past form (not "been": a passive), then the verb
	 * (session 23) */
	static const char *const adv[] = {"also", "then", "later", "again", "subsequently", "apparently",
		"probably", "reportedly", NULL};
	/* not what it told us: "the vendor has informed us that the fault
	 * has been cleared, so …" reports, it does not act */
	static const char *const told[] = {"informed", "told", "confirmed", "advised", "notified", "said",
		"reported", "assured", "promised", "explained", "updated", NULL};
	if (q + 1 < d->ntok && !breaks_clause(d, q) && !breaks_clause(d, q + 1) &&
	    (ck_is_any(d, q, adv) || ck_is(d, q, "has") || ck_is(d, q, "have") || ck_is(d, q, "had")) &&
	    !ck_is(d, q + 1, "been") && past_form(d, q + 1) && !ck_is_any(d, q + 1, told))
		return q + 1;
	/* a verb of two words joined by a hyphen, read at its last part:
	 * "re-routed", "double-booked" (as client_verb reads them) */
	if (q + 1 < d->ntok && !breaks_clause(d, q) && d->tok[q].type == CK_WORD && (d->tok[q + 1].flags & CK_TF_HYPH) &&
	    past_form(d, q + 1))
		return q + 1;
	size_t w = q < d->ntok && !breaks_clause(d, q) && (ck_is(d, q, "that") || ck_is(d, q, "who")) ? q + 1 : q;
	/* past what it does for us: "the agency that supplies our nurses
	 * could not staff it", "a firm who runs our tills sent …" — a verb
	 * in -s, "our", up to two words, then its verb */
	if (w > q && w + 3 < d->ntok && !breaks_clause(d, w) && d->tok[w].nlen > 3 &&
	    ck_norm(d, w)[d->tok[w].nlen - 1] == 's' && ck_is(d, w + 1, "our")) {
		for (size_t m = w + 3; m < d->ntok && m <= w + 4 && !breaks_clause(d, m); m++)
			if (past_verb(d, m) || had_not_done(d, m))
				return m;
	}
	if (w + 2 < d->ntok && !breaks_clause(d, w) && (ck_is(d, w, "we") || ck_is(d, w, "i")) && past_verb(d, w + 1)) {
		for (size_t m = w + 2; m < d->ntok && m <= w + 8 && !breaks_clause(d, m); m++)
			if (m > w + 2 && past_verb(d, m) && !ck_has(d, m - 1, L_BE_PAST) && !ck_is(d, m - 1, "is") &&
			    !ck_is(d, m - 1, "are"))
				return m;
		return x->last;
	}
	if (q >= d->ntok || !breaks_clause(d, q) || !(d->tok[q].flags & CK_TF_CAP))
		return x->last;
	for (size_t m = q + 1; m < d->ntok && m <= q + 3; m++) {
		if (breaks_clause(d, m))
			return (past_form(d, m) || had_not_done(d, m)) && !(d->tok[m].gap & CK_G_SENT) ? m : x->last;
		if (!(d->tok[m].flags & CK_TF_CAP))
			return x->last;
	}
	return x->last;
}

/* The party's verb past a place after it: "our stave supplier in
 * Ohio shipped …", "the courier at Leeds dropped …" — "in", "at" or
 * "from" right after the party hit x, one to three capitalised words,
 * then a past form; or past a participle in -ing, to a verb that tells
 * a fault by itself (fault_verb). Returns the verb's token, or 0. Out of line, as
 * party_who_erred and client_omissions are: see there. */
static __attribute__((noinline)) size_t verb_past_place(const struct ck_doc *d, const struct ck_hit *x)
{
	size_t q = x->last;
	/* "a contractor working on the new estate at Ferris Lane damaged our
	 * main": a participle in -ing and up to eight words about where or
	 * for whom it worked, then a verb that tells a fault by itself */
	if (q + 2 < d->ntok && !breaks_clause(d, q) && d->tok[q].type == CK_WORD && d->tok[q].nlen > 4 &&
	    !strcmp(ck_norm(d, q) + d->tok[q].nlen - 3, "ing")) {
		for (size_t m = q + 1; m < d->ntok && m <= q + 9 && !breaks_clause(d, m); m++)
			if (past_form(d, m))
				return fault_verb(d, m) ? m : 0;
		return 0;
	}
	if (q + 2 >= d->ntok || breaks_clause(d, q) || !(ck_is(d, q, "in") || ck_is(d, q, "at") || ck_is(d, q, "from")))
		return 0;
	for (size_t m = q + 1; m < d->ntok && m <= q + 4 && !breaks_clause(d, m); m++) {
		if (d->tok[m].flags & CK_TF_CAP)
			continue;
		return m > q + 1 && past_form(d, m) ? m : 0;
	}
	return 0;
}

/* "had not" or "had never" at token v is the verb of what a party left
 * undone (party_omitted): "the contractor had not loaded our list" (and
 * "could not", "was unable to", "should have"); not
 * in the passive, "had not been told", where someone else left it
 * undone. Out of line: see client_omissions. */
static __attribute__((noinline)) bool had_not_done(const struct ck_doc *d, size_t v)
{
	/* "our printer was unable to supply", "the agency could not staff
	 * the list", "has not yet delivered" the same (undone_owed), and "our
	 * courier should have alerted us" (ought_undone) */
	if (undone_owed(d, v) != 0 || ought_undone(d, v) != 0)
		return true;
	return ck_is(d, v, "had") && v + 2 < d->ntok && !breaks_clause(d, v + 1) &&
	       (ck_is(d, v + 1, "not") || ck_is(d, v + 1, "never")) && !ck_is(d, v + 2, "been");
}

/* The party's own act told in a relative clause a few words after it:
 * "the carrier's loaders at their Leeds hub, who dropped the crate" — ",
 * who" at most eight tokens after the party hit x in its sentence, then
 * a verb that tells a fault by itself (fault_verb). Returns the token
 * after that verb, or 0. Out of line: see client_omissions. */
static __attribute__((noinline)) size_t party_who_erred(const struct ck_doc *d, const struct ck_hit *x)
{
	for (size_t k = x->last; k < d->ntok && k <= x->last + 8 && !(k > x->last && (d->tok[k].gap & CK_G_SENT)); k++)
		if (ck_is(d, k, "who") && (d->tok[k].gap & CK_G_CLAUSE))
			return fault_verb(d, k + 1) ? k + 2 : 0;
	return 0;
}

/* What the client's people left undone that they owed us, told right
 * after them (token e): "did not" or "had not" (or either with "never"),
 * or "never", then a verb and "us" ("your site staff had not warned us
 * …", "your office never sent us the list"), or "failed to" and a verb,
 * or "has/have not" and a past verb, with "us" or awaited by "yet" or
 * "still" ("your security team hasn't yet approved the change").
 * Returns the token after the verb (after "us"), or 0. */
static size_t client_omitted(const struct ck_doc *d, size_t e)
{
	size_t v = e;
	/* "your security team hasn't yet approved the change", "have still
	 * not signed": the omission still open, owed whether or not "us"
	 * follows — "yet" or "still" says it is awaited */
	if ((ck_is(d, e, "has") || ck_is(d, e, "have")) && e + 3 < d->ntok) {
		size_t n = e + 1 + ck_is(d, e + 1, "still");
		bool awaited = n > e + 1;
		if (!ck_is(d, n, "not") && !ck_is(d, n, "never"))
			return 0;
		v = n + 1;
		if (ck_is(d, v, "yet"))
			v++, awaited = true;
		for (size_t q = e + 1; q <= v; q++)
			if (breaks_clause(d, q))
				return 0;
		if (!past_verb(d, v))
			return 0;
		return awaited ? v + 1 : ck_is(d, v + 1, "us") ? v + 2 : 0;
	}
	if ((ck_is(d, e, "did") || ck_is(d, e, "had")) && (ck_is(d, e + 1, "not") || ck_is(d, e + 1, "never")))
		v = e + 2;
	else if (ck_is(d, e, "never"))
		v = e + 1;
	else if (ck_is(d, e, "failed") && ck_is(d, e + 1, "to"))
		return breaks_clause(d, e + 1) || breaks_clause(d, e + 2) ? 0 : e + 3;
	else
		return 0;
	for (size_t q = e + 1; q <= v + 1; q++)
		if (breaks_clause(d, q))
			return 0;
	return d->tok[v].type == CK_WORD && ck_is(d, v + 1, "us") ? v + 2 : 0;
}

/* "your overnight producer loaded last week's running order, and our
 * scheduler did what it was told": for a blame phrase that says our thing
 * only did as told (blame hit x opens with "did"), the client's people
 * who acted (client_people and a past verb) at most 24 tokens before it
 * in its sentence are the ones it blames; the finding starts at their
 * "your". Returns that token, or x->first. */
static size_t as_told_by(const struct ck_doc *d, const struct ck_hit *x)
{
	if (!ck_is(d, x->first, "did"))
		return x->first;
	size_t sf = d->sent[d->tok[x->first].sent].first;
	for (size_t q = x->first; q > sf && x->first - q < 24; q--) {
		size_t e;
		if (ck_is(d, q - 1, "your") && (e = client_people(d, q - 1)) != 0 && e < x->first && past_verb(d, e) &&
		    !harmed_party(d, q - 1))
			return q - 1;
	}
	return x->first;
}

/* The weather or a natural event as what a cause phrase introduces:
 * "comes down to the weather", "caused by Storm Bran", "triggered by a
 * lightning strike", or the crowd's ("due to heavy traffic", "high
 * demand", "a driver shortage") — circumstances nobody is answerable for, given as
 * the reason, as "beyond our control" is. Cause hit x introduces the
 * cause (introduces_cause); the event ends the noun phrase that follows,
 * a determiner and at most three words that are no stopwords before it
 * ("caused by the exceptionally wet weather"), in its clause. Returns the
 * token after the event word, or 0. */
static size_t natural_cause(const struct ck_doc *d, const struct ck_hit *x)
{
	static const char *const nature[] = {"weather", "storm", "storms", "snow", "snowfall", "flood",
		"floods", "flooding", "lightning", "gale", "gales", "wind", "winds", "heatwave", "hurricane",
		"ice", "rain", "rains", "rainfall", "downpour", "downpours", "hail", "frost", "fog", "earthquake",
		/* and the crowd's: "due to heavy traffic", "caused by
		 * exceptionally high call volumes", "because of the drivers
		 * shortage" (session 24: writers marked 10 of 14 such) */
		"traffic", "congestion", "roadworks", "demand", "volumes", "shortage", "shortages", NULL};
	if (!introduces_cause(d, x) || is_question(d, x->first))
		return 0;
	size_t a = x->last + (x->last < d->ntok && (ck_is(d, x->last, "by") || ck_is(d, x->last, "to") ||
						    ck_is(d, x->last, "from")));
	for (size_t k = a; k < d->ntok && k < a + 5 && !breaks_clause(d, k); k++) {
		/* but a shortage of our own people ("because of staff
		 * shortages", a team noun before it) is ours to answer for,
		 * unless placed elsewhere ("a driver shortage at Greenway") */
		if (k > a && (ck_is(d, k, "shortage") || ck_is(d, k, "shortages")) &&
		    (ck_is(d, k - 1, "staff") || ck_is(d, k - 1, "staffing") || ck_has(d, k - 1, L_TEAM)) &&
		    !(k + 1 < d->ntok && !breaks_clause(d, k + 1) &&
		      (ck_is(d, k + 1, "at") || ck_is(d, k + 1, "across") || ck_is(d, k + 1, "in"))))
			return 0;
		if (ck_is_any(d, k, nature))
			return k + 1;
		if (k > a && ck_has(d, k, L_STOPWORD))
			return 0;
	}
	return 0;
}

/* The fault placed on someone else by any verb of place: "the fault sat
 * entirely with MetSource", "the error rests squarely with the courier" —
 * cause hit x a fault noun, then a verb, at most one adverb, "with" and
 * a party that is not us ("with us", "with our own team"). Returns the
 * token after the party's first word, or 0. "fault lies with" and its kind
 * are blame phrases already (blame_shift.txt). */
static size_t fault_placed(const struct ck_doc *d, const struct ck_hit *x)
{
	static const char *const fault[] = {"fault", "error", "mistake", "blame", NULL};
	size_t w = x->last + 1; /* past the verb */
	if (x->last != x->first + 1 || !ck_is_any(d, x->first, fault) || w + 1 >= d->ntok ||
	    breaks_clause(d, x->last) || d->tok[x->last].type != CK_WORD || ck_has(d, x->last, L_STOPWORD))
		return 0;
	if (!breaks_clause(d, w) && is_adverb(d, w))
		w++;
	if (breaks_clause(d, w) || !ck_is(d, w, "with") || breaks_clause(d, w + 1))
		return 0;
	size_t p = w + 1;
	if (ck_is(d, p, "us") || ck_is(d, p, "me") || ck_is(d, p, "ourselves") || ck_is(d, p, "our") ||
	    ck_is(d, p, "my") || is_question(d, p))
		return 0;
	return p + 1;
}

/* What our evidence says the client's people had done, after "… shows
 * that your" (token k the word after "your"): at most three words that
 * are no stopwords, then "had" and a past verb ("your verger had left
 * the heating on"), or a team noun and a past verb ("your night staff
 * switched it off"). Returns the token after the verb, or 0: "your
 * payment reached us" tells no act of theirs. */
static size_t evidence_acted(const struct ck_doc *d, size_t k)
{
	for (size_t q = k; q < d->ntok && q < k + 4 && !breaks_clause(d, q); q++) {
		if ((q > k && ck_is(d, q, "had")) || ck_has(d, q, L_TEAM))
			return past_verb(d, q + 1) ? q + 2 : 0;
		if (ck_has(d, q, L_STOPWORD) || d->tok[q].type != CK_WORD)
			return 0;
	}
	return 0;
}

/* "triggered by our card processor, Paycastle, resending …": "our", one
 * or two words that name no people of ours (team_nouns.txt, "people")
 * and no stopword, then a name of at most three words set off by a
 * comma — a company we deal with, named as the one that acted, whatever
 * its trade is called.
 * Token k is "our"; returns the token after the noun, or 0. */
static size_t named_after_ours(const struct ck_doc *d, size_t k)
{
	if (d->tok[k].nlen != 3 || !ck_is(d, k, "our"))
		return 0;
	for (size_t q = k + 1; q <= k + 2 && q + 1 < d->ntok; q++) {
		if (breaks_clause(d, q) || d->tok[q].type != CK_WORD || ck_has(d, q, L_TEAM) || ck_has(d, q, L_STOPWORD) ||
		    ck_is(d, q, "people"))
			return 0;
		const struct ck_tok *n = &d->tok[q + 1];
		if (!((n->gap & CK_G_CLAUSE) && !(n->gap & CK_G_SENT) && n->clause_ch == ',' && n->type == CK_WORD &&
		      (n->flags & CK_TF_CAP) && !first_person(d, q + 1)))
			continue;
		/* "our printer, Hermes, which we set up": a thing of ours
		 * by its name, "which" or "that" after it (a company is
		 * "who" or acts: "Paycastle, resending …") */
		size_t w = q + 2;
		while (w < d->ntok && w < q + 5 && !breaks_clause(d, w))
			w++;
		return w < d->ntok && (ck_is(d, w, "which") || ck_is(d, w, "that")) ? 0 : q + 1;
	}
	return 0;
}

static bool determiner(const struct ck_doc *d, size_t k);

/* The fault placed in a third party's own things, for the party of hit
 * x followed by "'s": "the electricity supplier's side", "the courier's
 * end" after on, at or from (the fault sat there; *a is the preposition),
 * or the party's thing that then broke, at most ten tokens on in its
 * clause, past a relative clause about it: "our embroidery supplier's
 * machine that stitches the crest broke down" (fault_verb; a cause word
 * blame_party reaches, "'s storage failed", is its; *a is
 * party_subject's determiner). Returns the token after "side"/"end" or
 * the verb, or 0. Also a past verb whose act tells the fault
 * (party_act_faulty): "… partner's system sent the wrong file". Out of
 * line, as cleft_party: see client_omissions. */
static __attribute__((noinline)) size_t party_thing_failed(const struct ck_doc *d, const struct ck_hit *x, size_t *a)
{
	size_t q = x->last;
	if (q + 1 >= d->ntok || !ck_is(d, q, "'s") || breaks_clause(d, q) || breaks_clause(d, q + 1))
		return 0;
	if (ck_is(d, q + 1, "side") || ck_is(d, q + 1, "end")) {
		/* a place, not a party's share: "on the supplier's side of the road" */
		if (q + 2 < d->ntok && !breaks_clause(d, q + 2) && ck_is(d, q + 2, "of"))
			return 0;
		for (size_t k = x->first; k > 0 && x->first - k < 3 && !breaks_clause(d, k); k--)
			if (ck_is(d, k - 1, "on") || ck_is(d, k - 1, "at") || ck_is(d, k - 1, "from")) {
				*a = k - 1;
				return q + 2;
			}
		return 0;
	}
	for (size_t k = q + 2; k < d->ntok && k <= q + 11 && !breaks_clause(d, k); k++) {
		if (first_person(d, k) || ck_is(d, k, "our") || ck_is(d, k, "us"))
			return 0;
		/* a cause word ("failed") within six tokens is blame_party's,
		 * which reads on to "…, and their engineers took …" */
		if (fault_verb(d, k))
			return (ck_has(d, k, L_BLAME_CAUSE) && k <= x->last + 6) || (*a = party_subject(d, x)) == SIZE_MAX
				       ? 0
				       : k + 1;
		/* or its act tells the fault, as the party's own would
		 * (party_act_faulty): "our booking partner's system sent your
		 * appointments to the wrong clinic" */
		if (past_verb(d, k) && !ck_has(d, k, L_BE_PAST) && party_act_faulty(d, k))
			return (*a = party_subject(d, x)) == SIZE_MAX ? 0 : k + 1;
	}
	return 0;
}

/* "it was the courier who took them to the wrong school": a cleft that
 * singles out the party of hit x as the doer — "it was/is", at most one
 * determiner, the party, "who" or "that" and a past verb. Returns the
 * token of "it", or SIZE_MAX. */
static __attribute__((noinline)) size_t cleft_party(const struct ck_doc *d, const struct ck_hit *x)
{
	size_t a = x->first;
	if (a > 0 && !breaks_clause(d, a) && determiner(d, a - 1))
		a--;
	if (a < 2 || breaks_clause(d, a) || breaks_clause(d, a - 1) || !ck_is(d, a - 2, "it") ||
	    !(ck_is(d, a - 1, "was") || ck_is(d, a - 1, "is")))
		return SIZE_MAX;
	if (breaks_clause(d, x->last) || !(ck_is(d, x->last, "who") || ck_is(d, x->last, "that")) ||
	    !past_verb(d, x->last + 1))
		return SIZE_MAX;
	return a - 2;
}

/* "Some of you gave us old phone numbers, which is why our office could
 * not reach you": the client's people who acted — "<count> of you" or
 * "your" and a team noun (client_people), opening the clause before ",
 * which/that/this is why" (hit x of cause.txt), at most sixteen tokens
 * back, with their verb (client_verb) — are the reason given for what
 * then did not happen. Returns the token after their verb, or 0; *a their first
 * token. */
static __attribute__((noinline)) size_t acted_so_why(const struct ck_doc *d, const struct ck_hit *x, size_t *a)
{
	if (x->last != x->first + 3 || !ck_is(d, x->first + 2, "why") || x->first < 3 ||
	    !(d->tok[x->first].gap & CK_G_CLAUSE) || (d->tok[x->first].gap & CK_G_SENT))
		return 0;
	size_t p = clause_back(d, x->first - 1, 16), v = 0;
	size_t n = p + ck_is(d, p, "a"); /* the count: "some", "a few" */
	if (n + 3 < x->first && ck_is(d, n + 1, "of") && ck_is(d, n + 2, "you"))
		v = client_verb(d, n + 3);
	else if (ck_is(d, p, "your")) {
		size_t e = client_people(d, p);
		v = e && e < x->first ? client_verb(d, e) : 0;
	}
	if (!v || v >= x->first)
		return 0;
	/* and what followed went wrong: a negation in the twelve tokens
	 * after "why" ("… which is why our office could not reach you"; "…
	 * which is why we found it fast" is thanks) */
	bool bad = false;
	for (size_t q = x->last, qe = clause_fwd(d, x->last - 1, 12); q < qe && !bad; q++)
		bad = ck_has(d, q, L_NEGATION);
	if (!bad)
		return 0;
	*a = p;
	return v + 1;
}

/* "Had your builder not taken off the boards early, none of this would
 * have happened": a sentence that opens "Had", a subject of at most
 * three words that is not us, "not" or "never" and a participle, then
 * "would" in the next clause at most twelve tokens on — the harm laid at
 * the subject's act. Token s opens the sentence; returns the token after
 * the verb, or 0; *client whether the subject is the client's ("your"). */
static __attribute__((noinline)) size_t had_not(const struct ck_doc *d, size_t s, bool *client)
{
	if (!ck_is(d, s, "had"))
		return 0;
	*client = false;
	for (size_t k = s + 1; k < d->ntok && k <= s + 4 && !breaks_clause(d, k); k++) {
		if (first_person(d, k) || ck_is(d, k, "our") || ck_is(d, k, "us"))
			return 0;
		*client |= is_second_person(d, k);
		if (!(ck_is(d, k, "not") || ck_is(d, k, "never")))
			continue;
		/* the inversion asks a participle, regular or not ("taken") */
		if (k == s + 1 || breaks_clause(d, k + 1) || d->tok[k + 1].type != CK_WORD)
			return 0;
		size_t e = clause_fwd(d, k + 1, 16);
		if (e >= d->ntok || (d->tok[e].gap & CK_G_SENT))
			return 0;
		for (size_t q = e, qe = clause_fwd(d, e, 12); q < qe; q++)
			if (ck_is(d, q, "would"))
				return k + 2;
		return 0;
	}
	return 0;
}

/* "because the labels your warehouse printed had the barcode too close
 * to the edge", "as the measurements your ushers sent us were taken over
 * clothes": "your" at token k, one or two words that are no stopwords and
 * a past verb — the client's people, whatever they are called, who made
 * the thing before them — where that thing, a determiner and one to
 * three words, opens a clause of reason right after "because", "as" or
 * "since". What they made is given as the reason. Read in the sentences
 * blame_sentence reads (a negation or a cause word: "did not fit, as
 * …"). Returns the token after their verb, or 0; *a the determiner. */
static size_t made_by_client(const struct ck_doc *d, size_t k, size_t *a)
{
	static const char *const det[] = {"the", "a", "an", "these", "those", NULL};
	static const char *const why[] = {"because", "as", "since", NULL};
	size_t t = k;
	while (t > 0 && k - t < 4 && !breaks_clause(d, t) && !ck_is_any(d, t - 1, det) && d->tok[t - 1].type == CK_WORD &&
	       !ck_has(d, t - 1, L_STOPWORD))
		t--;
	if (t == k || t < 2 || k - t > 3 || breaks_clause(d, t) || !ck_is_any(d, t - 1, det) || breaks_clause(d, t - 1) ||
	    !ck_is_any(d, t - 2, why))
		return 0;
	for (size_t m = k + 1; m < d->ntok && m <= k + 3; m++) {
		if (m > k + 1 && past_verb(d, m))
			return (*a = t - 1), m + 1;
		if (breaks_clause(d, m) || d->tok[m].type != CK_WORD || ck_has(d, m, L_STOPWORD) || first_person(d, m))
			return 0;
	}
	return 0;
}

/* "no bank can fully plan for", "no airline could have foreseen", "no
 * one can prevent": at token k, "no" and "one" or a word that is no
 * stopword, "can", "could" or "would" (and "have"), at most one adverb,
 * then a verb of seeing it coming or stopping it — the harm told as
 * what nobody in our place could help, a circumstance beyond control
 * ("control" itself is left out: "no one can control the gate from
 * outside" tells a lock). Not the client's people at large ("no
 * customer can predict the draw"), nor a safeguard's purpose ("we made
 * sure no one could …").
 * Returns the token after the verb (after its "for"), or 0. */
static size_t none_could_help(const struct ck_doc *d, size_t k, size_t end)
{
	static const char *const modal[] = {"can", "could", "would", NULL};
	static const char *const verb[] = {"plan", "planned", "foresee", "foreseen", "predict", "predicted",
		"anticipate", "anticipated", "prevent", "prevented", "avoid", "avoided", "prepare", "prepared", NULL};
	size_t q = k + 1;
	if (q + 2 >= end || breaks_clause(d, q) || d->tok[q].type != CK_WORD ||
	    (ck_has(d, q, L_STOPWORD) && !ck_is(d, q, "one")) || ck_has(d, q, L_AUDIENCE))
		return 0;
	/* "we made sure no bank could …", "so that no one can …": what a
	 * safeguard rules out */
	if (k > 0 && !breaks_clause(d, k) &&
	    (ck_is(d, k - 1, "sure") || ck_is(d, k - 1, "ensure") || ck_is(d, k - 1, "ensures") ||
	     (ck_is(d, k - 1, "that") && k > 1 && ck_is(d, k - 2, "so"))))
		return 0;
	q++;
	if (!ck_is_any(d, q, modal) || breaks_clause(d, q))
		return 0;
	q++;
	if (q + 1 < end && ck_is(d, q, "have") && !breaks_clause(d, q))
		q++;
	if (q + 1 < end && !breaks_clause(d, q) && is_adverb(d, q) && !ck_has(d, q, L_NEGATION))
		q++;
	if (q >= end || breaks_clause(d, q) || !ck_is_any(d, q, verb))
		return 0;
	q++;
	if (q < end && !breaks_clause(d, q) && ck_is(d, q, "for"))
		q++;
	return q;
}

/* Sentence ST, which has a negation or a cause word (rule_blame's
 * sentence walk tests its class bits): a counterfactual that lays the
 * harm at another's act (had_not, at a first word of three letters);
 * and from each cause.txt phrase, the client's people whose act ",
 * which is why" gives as the reason for what then did not happen
 * (acted_so_why), and the client's people right after "because" who
 * acted or left undone ("because your site manager had not cleared the
 * road") when the window has no blame_causes.txt word (with one, the
 * token walk finds them). Not inlined:
 * inside rule_blame it made the compiler stop inlining maker_of_ours and
 * its kin (+5 M instructions on the 3 MB archive slice). */
static __attribute__((noinline)) void blame_sentence(struct ck_ctx *c, const struct ck_rule *r,
						     const struct ck_sent *st)
{
	bool client;
	size_t a, e, v;
	if (((st->cls >> L_NEGATION) & 1u) && D->tok[st->first].nlen == 3 && (e = had_not(D, st->first, &client)) != 0)
		blame_finding(c, r, st->first, e, client ? BLAMED_CLIENT : BLAMED_OTHERS);
	if (st->term == '?')
		return;

	for (size_t k = st->first + 3; k < st->last; k++)
		if (D->tok[k].nlen == 4 && ck_is(D, k, "your") && (e = made_by_client(D, k, &a)) != 0) {
			blame_finding(c, r, a, e, BLAMED_CLIENT);
			break;
		}
	for (size_t h = ck_hit_lower(D, st->first); h < D->nhit && D->hit[h].first < st->last; h++) {
		const struct ck_hit *x = &D->hit[h];
		if (x->list != L_CAUSE)
			continue;
		if (ck_is(D, x->first + 1, "is") && (e = acted_so_why(D, x, &a)) != 0) {
			blame_finding(c, r, a, e, BLAMED_CLIENT);
			continue;
		}
		if (!ck_is(D, x->first, "because"))
			continue;
		for (size_t k = x->first + 1; k < D->ntok && k <= x->first + 3 && !breaks_clause(D, k); k++) {
			if (!ck_is(D, k, "your") || (e = client_people(D, k)) == 0 || (v = client_verb(D, e)) == 0)
				continue;
			bool cause = false; /* asked only here, where it matters */
			for (size_t q = c->h0; q < c->h1 && !cause; q++)
				cause = D->hit[q].list == L_BLAME_CAUSE;
			size_t covered;
			if (!cause && (!harmed_party(D, k) || ck_is(D, k - 1, "of")))
				client_because(c, r, k, v, &covered);
			break;
		}
	}
}

/* "Why: in September your wedding coordinator gave our office the old
 * ceremony time", "Cause: the payroll file your finance team uploaded
 * used the old sort code", "the reason is that the requests your team
 * submitted were entered after our cut-off": the client's people
 * (client_people) and their act (client_verb) in sentence ST, after
 * "why", "cause" or "reason" in it — their act given as what went wrong
 * (writers marked 5 of 5 such uses). Not after a preposition
 * that makes them the ones harmed (harmed_party), nor after "that's why",
 * which gives what they met as the consequence. Read only in sentences
 * with a team noun that open with "why" or hold a cause word (their class
 * bits: a scan of every sentence with a team noun cost the 3 MB archive
 * slice 0.4%), and only when the message takes no responsibility;
 * reported from "your" to the verb, and *told moved past it. */
static __attribute__((noinline)) void client_in_cause(struct ck_ctx *c, const struct ck_rule *r,
						      const struct ck_sent *st, size_t *told)
{
	bool why = false;
	for (size_t k = st->first > c->t0 ? st->first : c->t0; k < st->last && k < c->t1; k++) {
		size_t e, v, n = D->tok[k].nlen;
		if (!why) {
			/* by length first: this reads every token of a sentence
			 * with a team noun. Not the consequence: "that's why your
			 * team spent day one in a back-row spot" */
			why = (n == 3 && ck_is(D, k, "why") &&
			       !(k > st->first && (ck_is(D, k - 1, "is") || ck_is(D, k - 1, "'s") || ck_is(D, k - 1, "was")))) ||
			      (n == 5 && ck_is(D, k, "cause")) || (n == 6 && ck_is(D, k, "reason"));
			continue;
		}
		if (n != 4 || k < *told || !ck_is(D, k, "your") || (e = client_people(D, k)) == 0 ||
		    (v = client_verb(D, e)) == 0 || harmed_party(D, k) || blame_owned(c))
			continue;
		blame_finding(c, r, k, v + 1, BLAMED_CLIENT);
		*told = v + 1;
		return;
	}
}

/* The client's people who left undone what they owed us (client_omitted):
 * "your reception staff had not told us the cradle was broken, so …" —
 * their omission is given as the reason; or what they left undone or got
 * wrong told right after them (client_failed: "your staff did not renew
 * the authorisation"); reported from "your" to the verb, and *told moved
 * past it. Looked for only in the window's
 * sentences with a team noun and a negation or a cause word ("failed"):
 * their class bits. Out of line, as verb_past_place and party_who_erred
 * are: inlined, they made the compiler stop inlining maker_of_ours and
 * supplier_of_ours into rule_blame's token walk, a call for every token
 * of a window with a cause word, which cost the archive slice 0.8%. */
static __attribute__((noinline)) void client_omissions(struct ck_ctx *c, const struct ck_rule *r, size_t *told)
{
	const uint64_t team = 1ull << L_TEAM, omit = (1ull << L_NEGATION) | (1ull << L_BLAME_CAUSE);
	for (size_t si = c->t0 < c->t1 ? D->tok[c->t0].sent : D->nsent; si < D->nsent && D->sent[si].first < c->t1;
	     si++) {
		const struct ck_sent *st = &D->sent[si];
		if (!(st->cls & team) || !(st->cls & omit) || st->term == '?')
			continue;
		/* from the people's noun (a class bit a token) back to "your":
		 * most team nouns ("we") have no omission after them */
		for (size_t k = st->first > c->t0 ? st->first : c->t0; k < st->last && k < c->t1; k++) {
			size_t e, y = SIZE_MAX;
			if (!((D->cls[k] >> L_TEAM) & 1u))
				continue;
			/* the omission after the noun names its own people; what
			 * they left undone or got wrong (client_failed) is read
			 * from the nearest "your" */
			size_t om = client_omitted(D, k + 1);
			for (size_t q = k; q > st->first && k - q < 6 && y == SIZE_MAX; q--)
				if (ck_is(D, q - 1, "your") && (!om || client_people(D, q - 1) == k + 1))
					y = q - 1;
			if (y == SIZE_MAX || y < *told || harmed_party(D, y) || (!(e = om) && (e = client_failed(D, y)) <= k))
				continue;
			blame_finding(c, r, y, e, BLAMED_CLIENT);
			*told = e;
			k = e - 1;
		}
	}
}

/* What the client gave us, told as faulty: "the postcode on your booking
 * was wrong", "the documents you sent us were incomplete", "the card
 * details on your account were out of date", "the list we received from
 * your office contained incorrect addresses" — a form of "be" and a word
 * of fault (or "contained" and a fault or errors up to three words on),
 * its subject in the same clause holding "your" after "on", "in", "from"
 * or "by", or "you" and a verb of handing over. Not "your bill was
 * wrong", what we got wrong for them (no preposition, no handing over),
 * nor under "if" ("if your number is listed incorrectly on your bill").
 * Writers marked 5 of the 5 such uses in every labelled set; read only
 * in the window's sentences with a fault, cause or blame word (their
 * class bits), and only when the message takes no responsibility;
 * reported from the clause's start to the fault, *told moved past it. */
static __attribute__((noinline)) void client_input_faulty(struct ck_ctx *c, const struct ck_rule *r, size_t *told)
{
	static const char *const be[] = {"was", "were", "is", "are", NULL};
	static const char *const bad[] = {"wrong", "incorrect", "incomplete", "invalid", "inaccurate", "outdated",
		NULL};
	static const char *const gave[] = {"sent", "provided", "gave", "entered", "supplied", "submitted",
		"uploaded", NULL};
	static const char *const into[] = {"on", "in", "from", "by", NULL};
	const uint64_t bits = (1ull << L_FAULT) | (1ull << L_CAUSE) | (1ull << L_BLAME_CAUSE);
	for (size_t si = c->t0 < c->t1 ? D->tok[c->t0].sent : D->nsent; si < D->nsent && D->sent[si].first < c->t1;
	     si++) {
		const struct ck_sent *st = &D->sent[si];
		if (!(st->cls & bits) || st->term == '?')
			continue;
		for (size_t k = st->first > c->t0 ? st->first : c->t0; k < st->last && k < c->t1; k++) {
			size_t e = 0, n = D->tok[k].nlen;
			char c0 = D->norm[D->tok[k].norm];
			/* by length and first letter first: was, were, is, are */
			if (((c0 == 'w' && (n == 3 || n == 4)) || (c0 == 'i' && n == 2) || (c0 == 'a' && n == 3)) &&
			    ck_is_any(D, k, be)) {
				if (ck_is_any(D, k + 1, bad))
					e = k + 2;
				else if (ck_is(D, k + 1, "out") && ck_is(D, k + 2, "of") && ck_is(D, k + 3, "date"))
					e = k + 4;
			} else if (n == 9 && c0 == 'c' && ck_is(D, k, "contained")) {
				for (size_t q = k + 1; q <= k + 3 && q < st->last && !e; q++)
					if (ck_has(D, q, L_FAULT) || ck_is(D, q, "errors") || ck_is(D, q, "mistakes"))
						e = q + 1;
			}
			if (e == 0)
				continue;
			bool joined = true;
			for (size_t q = k + 1; q < e && joined; q++)
				joined = !breaks_clause(D, q);
			size_t a = clause_back(D, k, 14);
			bool input = false, cond = false;
			for (size_t q = a; q < k && !cond; q++) {
				cond = ck_is(D, q, "if");
				if (ck_is(D, q, "because") && !input)
					a = q + 1; /* the subject after it: "… because the postcode …" */
				input = input || (ck_is_any(D, q, into) && ck_is(D, q + 1, "your")) ||
					(ck_is(D, q, "you") && ck_is_any(D, q + 1, gave));
			}
			if (!joined || !input || cond || a < *told)
				continue;
			blame_finding(c, r, a, e, BLAMED_CLIENT);
			*told = e;
			k = e - 1;
		}
	}
}

static bool line_of(const struct ck_doc *d, size_t k, size_t max, size_t *lf, size_t *ll);
static inline bool ends_ing(const struct ck_doc *d, size_t k);
static bool labelled_field(const struct ck_doc *d, size_t i, size_t words, size_t *end);
static bool why_field(const struct ck_doc *d, size_t i, size_t *end);
static bool plain_heading(const struct ck_doc *d, size_t lf, size_t ll);

/* Token k stands in the account of the cause: on a line that opens with
 * a field labelled "Cause:", "Root cause:" or a why-question ("Why:",
 * "Why it happened:"), or on the line under a heading that is such a
 * label ("## Why", "Root cause"). *lf is the line's first token. */
static bool in_cause_section(const struct ck_doc *d, size_t k, size_t *lf)
{
	size_t ll, end;
	if (!line_of(d, k, 1024, lf, &ll))
		return false;
	for (size_t q = *lf; q < *lf + 2 && q < k; q++)
		if (((ck_is(d, q, "cause") || ck_is(d, q, "causes")) && labelled_field(d, q, 2, &end)) ||
		    why_field(d, q, &end))
			return true;
	size_t hf, hl;
	if (*lf == 0 || !line_of(d, *lf - 1, 8, &hf, &hl) ||
	    !((d->tok[hf].flags & CK_TF_HEAD) || plain_heading(d, hf, hl)))
		return false;
	return ck_is(d, hf, "why") || (hl - hf <= 2 && (ck_is(d, hl - 1, "cause") || ck_is(d, hl - 1, "causes")));
}

/* A third party that acted, told where the message gives the cause
 * (in_cause_section): "Why: … Our certificate provider changed its
 * renewal e-mails", "## Why / Our e-mail provider's template service
 * kept the list", "Root cause: an issue with our mailing partner's
 * server mixed up the lists" — vendor hit x, up to three words after
 * its determiner, then a past verb (not after a form of "be"), right
 * after it or after its "'s" and up to three words of its thing. Its act
 * is the cause given, unless "we" or "I" in its sentence shares it
 * ("…, and we signed off the work without checking"). Once a line: the
 * party told again there ("The bank rejected …" after "Our bank
 * changed …") is the same account. The finding runs on to what the
 * party then left undone (party_omitted). Returns the token after the
 * verb, or 0; *a the determiner (or the party's first word); *line the
 * line's first token, which must differ from the last one's. Out of
 * line: see client_omissions. */
static __attribute__((noinline)) size_t party_in_cause(const struct ck_doc *d, const struct ck_hit *x, size_t *a,
						       size_t *line)
{
	size_t v = x->last;
	if (v < d->ntok && ck_is(d, v, "'s") && !breaks_clause(d, v)) {
		size_t m = v + 1;
		while (m < d->ntok && m <= v + 3 && !breaks_clause(d, m) && d->tok[m].type == CK_WORD &&
		       !ck_has(d, m, L_STOPWORD) && !past_verb(d, m))
			m++;
		v = m;
	}
	size_t lf;
	if (v >= d->ntok || !past_verb(d, v) || ck_has(d, v, L_BE_PAST) || !in_cause_section(d, x->first, &lf) ||
	    lf == *line)
		return 0;
	const struct ck_sent *st = &d->sent[d->tok[x->first].sent];
	for (size_t q = st->first; q < st->last; q++)
		if (first_person(d, q))
			return 0;
	*line = lf;
	size_t undone = party_omitted(d, v, 16);
	if (undone)
		v = undone - 1;
	*a = x->first;
	for (size_t q = x->first; q > 0 && x->first - q < 4 && !breaks_clause(d, q); q--)
		if (determiner(d, q - 1) || ck_is(d, q - 1, "our")) {
			*a = q - 1;
			break;
		}
	return v + 1;
}

/* The class bits a sentence needs before client_agent reads it: what
 * sentence_faulted looks for, a negation standing for its ", so … not". */
static const uint64_t agent_fault_bits = (1ull << L_FAULT) | (1ull << L_CAUSE) | (1ull << L_BLAME_CAUSE) |
					 (1ull << L_HARM) | (1ull << L_NEGATION);

/* The sentence st tells of a fault: a fault marker, a cause or blame
 * word, a harm noun (class bits, or a hit of several words), or a ", so"
 * clause after token k (at most sixteen tokens on) with a negation in its
 * first eight words ("…, so our engineers were not alerted"; not "…, so
 * the fitting went ahead"). */
static bool sentence_faulted(const struct ck_doc *d, const struct ck_sent *st, size_t k)
{
	const uint64_t bits = (1ull << L_FAULT) | (1ull << L_CAUSE) | (1ull << L_BLAME_CAUSE) | (1ull << L_HARM);
	if (st->cls & bits)
		return true;
	for (size_t q = k + 1; q < st->last && q <= k + 16; q++) {
		if (!ck_is(d, q, "so") || !(d->tok[q].gap & CK_G_CLAUSE) || ck_is(d, q + 1, "that"))
			continue;
		for (size_t m = q + 1; m < st->last && m <= q + 8; m++)
			if (ck_has(d, m, L_NEGATION))
				return true;
		break;
	}
	for (size_t h = ck_hit_lower(d, st->first); h < d->nhit && d->hit[h].first < st->last; h++)
		if (d->hit[h].list == L_FAULT || d->hit[h].list == L_CAUSE || d->hit[h].list == L_BLAME_CAUSE)
			return true;
	return false;
}

/* "by" at token k is the agent of a participle at most four tokens
 * before it in its clause, not after "we" or "I": "had been switched to
 * silent by", "an update made by", "drivers supplied by". Returns the
 * participle, or SIZE_MAX. */
static size_t participle_by(const struct ck_doc *d, size_t k)
{
	size_t sf = d->sent[d->tok[k].sent].first;
	if (k == sf || breaks_clause(d, k) || k + 1 >= d->ntok || breaks_clause(d, k + 1))
		return SIZE_MAX;
	size_t p = k;
	while (p > sf && k - p < 4 && !breaks_clause(d, p) && !past_form(d, p - 1))
		p--;
	if (p == sf || breaks_clause(d, p) || !past_form(d, p - 1))
		return SIZE_MAX;
	p--;
	if (p > sf && first_person(d, p - 1))
		return SIZE_MAX;
	return p;
}

/* "a subsequent issue with our email provider", "delays at our payment
 * partner", "a defect in the chip vendor's Wi-Fi library": a fault noun
 * right before at, with, in, from or affecting, then the, our, a or an
 * and at most two words before vendor hit x — the fault placed at the
 * party, cause word or not (writers marked 16 of 17 such); not a delay,
 * outage or disruption "with" someone (an event arranged with them), nor
 * one met by "we" or "I" in its clause ("we had a problem with our
 * courier"). Returns the fault noun (with its article when that stands
 * right before it: "an outage at …"), or SIZE_MAX. Read for each vendor
 * hit only when the message takes no responsibility. */
static size_t fault_at_party(const struct ck_doc *d, const struct ck_hit *x)
{
	static const char *const fault[] = {"issue", "issues", "problem", "problems", "fault", "faults", "delay",
		"delays", "outage", "outages", "error", "errors", "defect", "defects", "failure", "failures",
		"disruption", "latency", "bug", "bugs", NULL};
	static const char *const prep[] = {"at", "with", "in", "from", "affecting", NULL};
	static const char *const det[] = {"the", "our", "a", "an", NULL};
	size_t q = x->first;
	for (size_t n = 0; n < 2 && q > 0 && !breaks_clause(d, q) && !ck_is_any(d, q - 1, det); n++)
		q--;
	if (q < 3 || breaks_clause(d, q) || !ck_is_any(d, q - 1, det) || breaks_clause(d, q - 1) ||
	    !ck_is_any(d, q - 2, prep) || breaks_clause(d, q - 2) || !ck_is_any(d, q - 3, fault))
		return SIZE_MAX;
	/* "with" after an event that can be arranged is a party to it ("to
	 * reschedule the outage with the water authority"): only a fault
	 * proper is placed by it */
	static const char *const event[] = {"delay", "delays", "outage", "outages", "disruption", "latency", NULL};
	if (ck_is(d, q - 2, "with") && ck_is_any(d, q - 3, event))
		return SIZE_MAX;
	size_t a = q - 3;
	if (a > 0 && !breaks_clause(d, a) && (ck_is(d, a - 1, "a") || ck_is(d, a - 1, "an") || ck_is(d, a - 1, "the")))
		a--;
	/* "we had a problem with our courier": met by us, told as ours; and
	 * "barring any issues at the carrier's hub", "unless there is a
	 * delay at the courier": a condition, nothing that happened */
	static const char *const cond[] = {"barring", "unless", "if", NULL};
	for (size_t k = clause_back(d, a, 6); k < a; k++)
		if (first_person(d, k) || ck_is_any(d, k, cond))
			return SIZE_MAX;
	return a;
}

/* "an update made by the portal provider, which went wrong", "drivers
 * supplied by our staffing agency did not report": vendor hit x after
 * "by" and a determiner (at most one word between: "the portal
 * provider"), "by" the agent of a participle (participle_by), in a
 * sentence that tells of a fault (sentence_faulted) or of a harm
 * participle (passive_participles.txt) — the party named as
 * the one whose act went wrong. Returns the participle, or SIZE_MAX. Read
 * for each vendor hit in rule_blame's pass over them, only when the
 * message takes no responsibility. */
static size_t vendor_agent(const struct ck_doc *d, const struct ck_hit *x)
{
	static const char *const det[] = {"the", "our", "a", "an", "their", "its", "one", NULL};
	if (x->first < 3 || breaks_clause(d, x->first))
		return SIZE_MAX;
	size_t k = x->first - 2;
	if (!(d->tok[k].nlen == 2 && ck_is(d, k, "by")) &&
	    !(d->tok[k - 1].nlen == 2 && ck_is(d, k - 1, "by") && !breaks_clause(d, k + 1) && k--))
		return SIZE_MAX;
	if (!ck_is_any(d, k + 1, det))
		return SIZE_MAX;
	size_t p = participle_by(d, k);
	/* a harm participle tells the fault by itself: "the visit was
	 * cancelled by our contractor"; a date moved ("was rescheduled by
	 * our contractor at your request") does not */
	bool harm = p != SIZE_MAX && ck_has(d, p, L_PARTICIPLE) && !ck_is(d, p, "rescheduled") &&
		    !ck_is(d, p, "postponed");
	if (p == SIZE_MAX)
		return SIZE_MAX;
	const struct ck_sent *st = &d->sent[d->tok[k].sent];
	if (harm || sentence_faulted(d, st, k))
		return p;
	/* or what the party supplied did the harm, an admitting verb after
	 * it in its sentence: "the route-planning software supplied by our
	 * vendor dropped Ward 4's rounds" */
	for (size_t q = x->last; q < st->last && q <= x->last + 3; q++)
		if (ck_has(d, q, L_OWN_VERB) && past_verb(d, q))
			return p;
	return SIZE_MAX;
}

/* "the alarm had been switched to silent by your staff …, so our
 * engineers were not alerted": in sentence st (one with a team noun),
 * "by" the agent of a participle (participle_by) and then the client's
 * people ("your staff", client_people), in a sentence that tells of a
 * fault (sentence_faulted). Read in rule_blame's pass over the sentences,
 * only when the message takes no responsibility. */
static void client_agent(struct ck_ctx *c, const struct ck_rule *r, const struct ck_sent *st)
{
	for (size_t k = st->first > c->t0 ? st->first + 1 : c->t0 + 1; k + 1 < st->last && k < c->t1; k++) {
		size_t e, p;
		if (D->tok[k].nlen != 2 || !ck_is(D, k, "by") || !ck_is(D, k + 1, "your") ||
		    (e = client_people(D, k + 1)) == 0 || (p = participle_by(D, k)) == SIZE_MAX ||
		    !sentence_faulted(D, st, k))
			continue;
		blame_finding(c, r, p, e, BLAMED_CLIENT);
		k = e;
	}
}

/* "a handful of users entered their card details incorrectly": the
 * client's people at large (an audience noun at token n0, audience.txt)
 * with a past verb right after them that is none of what befalls them
 * (received, saw, got, had, lost, were…), and fault marker hit f an
 * adverb in -ly after it in their clause — their own act told as the
 * mistake. */
static bool crowd_misdid(const struct ck_doc *d, size_t n0, const struct ck_hit *f)
{
	static const char *const befell[] = {"received", "saw", "got", "had", "lost", "were", "was", "found",
		"heard", "felt", "noticed", "reported", "told", "waited", NULL};
	if (f->last != f->first + 1 || d->tok[f->first].nlen < 5 ||
	    strcmp(ck_norm(d, f->first) + d->tok[f->first].nlen - 2, "ly"))
		return false;
	return ck_has(d, n0, L_AUDIENCE) && past_verb(d, n0 + 1) && !ck_is_any(d, n0 + 1, befell);
}

/* "something no bank can fully plan for": the excuse of circumstances
 * in other words (none_could_help), reported whoever else takes
 * responsibility, as the blame phrases are; only in the window's
 * sentences with a negation (their class bit), from token COVERED on.
 * Out of line: inside rule_blame it made the compiler stop inlining
 * maker_of_ours (+2 M instructions on the 3 MB archive slice). */
static __attribute__((noinline)) void blame_none_could(struct ck_ctx *c, const struct ck_rule *r, size_t covered)
{
	for (size_t si = c->t0 < c->t1 ? D->tok[c->t0].sent : D->nsent; si < D->nsent && D->sent[si].first < c->t1;
	     si++) {
		const struct ck_sent *st = &D->sent[si];
		if (!((st->cls >> L_NEGATION) & 1u) || st->term == '?')
			continue;
		for (size_t k = st->first, e; k + 3 < st->last; k++) {
			if (D->tok[k].nlen != 2 || !ck_is(D, k, "no") || k < covered || hit_at(D, k, L_BLAME) ||
			    (e = none_could_help(D, k, st->last)) == 0)
				continue;
			int n;
			const char *s = src(c, k, e, &n);
			ck_finding(c, r, r->sev, D->tok[k].start, D->tok[e - 1].end, false,
				   ck_fmt(c, "own the outcome: \"this was our responsibility, and we …\""),
				   "\"%.*s\" shifts the blame away from us", n, s);
			k = e;
		}
	}
}

/* Vendor hit x is a bare "operator" after a determiner or none, not
 * followed by "of" or "'s", opening a clause (or after "and") after a
 * thing of ours in its sentence: a person at our machine ("our binding machine was set up from the wrong
 * sheet, and the operator did not compare …"), our own staff. The third
 * party is named by what it runs ("the tram operator", "the operator of
 * the car park", "the grid operator's feed") or stands alone ("caused by
 * the operator"). */
static __attribute__((noinline)) bool machine_operator(const struct ck_doc *d, const struct ck_hit *x)
{
	static const char *const det[] = {"the", "our", "a", "an", "that", "this", NULL};
	if (x->last != x->first + 1 || !(ck_is(d, x->first, "operator") || ck_is(d, x->first, "operators")))
		return false;
	if (x->first > 0 && !breaks_clause(d, x->first) && !ck_is_any(d, x->first - 1, det))
		return false;
	/* the operator opens a clause of its own after ours (", and the
	 * operator did not …"), not one of cause ("because the operator cut
	 * the fibre" names a third party as often as not) */
	size_t dt = x->first > 0 && !breaks_clause(d, x->first) ? x->first - 1 : x->first;
	if (!(breaks_clause(d, dt) || (dt > 0 && ck_is(d, dt - 1, "and") && !breaks_clause(d, dt))))
		return false;
	if (x->last < d->ntok && !breaks_clause(d, x->last) && (ck_is(d, x->last, "of") || ck_is(d, x->last, "'s")))
		return false;
	for (size_t k = d->sent[d->tok[x->first].sent].first; k < x->first; k++)
		if (ck_is(d, k, "our"))
			return true;
	return false;
}

/* "the outage was on the DNO side", "the sync failed on the aggregator
 * side", "the issue was at their end": a failure placed on another
 * party's side or end. Token k is "side" or "end" closing its phrase (not
 * "the end of …"); "on" or "at" stands one to three words before it, the
 * words between naming a party ("their", "the", a name, a noun, an
 * owner's "'s"), not us nor a side of a place or a system ("the other
 * side", "the north side", "the server side"); the sentence names a
 * failure (a fault word, a verb of failing, or a harm noun when the side
 * is not the reader's) and is no question, no negation before it in its
 * clause denies it ("nothing on their side"), and the sentence does not
 * go on to our own part ("…, and our system treated it as new"). Returns
 * the token after k, *a the preposition and *yours_out whether the side
 * is the reader's, or 0. */
static size_t side_placed(const struct ck_doc *d, size_t k, size_t *a, bool *yours_out)
{
	if (k + 1 < d->ntok && !breaks_clause(d, k + 1) && ck_is(d, k + 1, "of"))
		return 0;
	static const char *const not_party[] = {"our", "my", "this", "that", "other", "same", "safe", "far", "bright",
		"left", "right", "front", "back", "north", "south", "east", "west", "wrong", "server", "client", "user",
		"supply", "demand", "network", "database", "app", "web", "mobile", "one", "either", "each", "both",
		"near", "opposite", "upper", "lower", "top", "bottom", "sunny", "quiet", "cautious", "dry", NULL};
	size_t p = SIZE_MAX;
	for (size_t q = k; q > 0 && k - q < 4 && !breaks_clause(d, q); q--) {
		size_t t = q - 1;
		if (ck_is(d, t, "on") || ck_is(d, t, "at")) {
			p = t;
			break;
		}
		if (ck_is_any(d, t, not_party) || d->tok[t].type != CK_WORD || ck_has(d, t, L_NEGATION))
			return 0;
	}
	if (p == SIZE_MAX || p + 1 == k || is_question(d, k))
		return 0;
	/* "a small delay on the polishing side": a step of our own work (a
	 * word in -ing), not a party; "at the gate end": a place, unless a
	 * party's own ("at their end", "at the courier's end") (session 23) */
	bool party = false;
	for (size_t t = p + 1; t < k; t++) {
		if (ends_ing(d, t))
			return 0;
		party = party || ck_is(d, t, "their") || ck_is(d, t, "'s") || ck_has(d, t, L_VENDOR);
	}
	if (ck_is(d, p, "at") && ck_is(d, k, "end") && !party)
		return 0;
	size_t cf = clause_back(d, p, 10);
	for (size_t t = cf; t < p; t++)
		if (ck_has(d, t, L_NEGATION) || ck_is(d, t, "nothing"))
			return 0;
	static const char *const failing[] = {"failed", "broke", "stopped", "crashed", "collapsed", "dropped",
		"went", NULL};
	/* on the reader's side a harm is where it struck ("a couple of
	 * hours' lost work on your side"), not a fault handed to them */
	bool yours = false;
	for (size_t t = p + 1; t < k; t++)
		yours = yours || is_second_person(d, t);
	const struct ck_sent *st = &d->sent[d->tok[k].sent];
	/* "so this was really on their side": the failure told before,
	 * placed by "this", "that", "it" or "which" and "is" or "was" (one
	 * word between them and "on" at most); what the sentence says next
	 * does not take it back ("… and we have raised a complaint with
	 * them": dev sets holdout20-389, 1 marked use found, none unmarked) */
	size_t v = p > 0 && !breaks_clause(d, p) && d->tok[p - 1].type == CK_WORD && !ck_is(d, p - 1, "is") &&
			   !ck_is(d, p - 1, "was") ? p - 1 : p;
	static const char *const that[] = {"this", "that", "it", "which", NULL};
	bool pointing = v >= 2 && v - 2 >= st->first && !breaks_clause(d, v) && !breaks_clause(d, v - 1) &&
		       (ck_is(d, v - 1, "is") || ck_is(d, v - 1, "was")) && ck_is_any(d, v - 2, that);
	bool failure = pointing && !yours;
	for (size_t t = k > st->first + 20 ? k - 20 : st->first; t < st->last && t < k + 20 && !failure; t++)
		failure = hit_at(d, t, L_FAULT) || ck_has(d, t, L_FAULT_NOUN) || (!yours && ck_has(d, t, L_HARM)) ||
			  ck_is_any(d, t, failing);
	if (!failure)
		return 0;
	/* "… after a fault on their side, and our booking system treated
	 * each one as new": the sentence goes on to our own part */
	for (size_t t = k + 1; t < st->last && t < k + 24 && !pointing; t++)
		if (first_person(d, t) || ck_is(d, t, "our"))
			return 0;
	*a = p;
	*yours_out = yours;
	return k + 1;
}

/* "outside of the school's control", "beyond the control of the site
 * team": what happened put outside someone's control by a phrase the
 * lists do not hold. Token k is "control", not a noun's first half ("the
 * control room");
 * "outside" or "beyond" stands one to four words before it, and the words
 * between are no "your" (reassurance: "nothing you could control") and no
 * negation. Returns the token after k, *a the "outside"/"beyond", or 0. */
static size_t control_placed(const struct ck_doc *d, size_t k, size_t *a)
{
	/* "the control room", "the control panel": a noun of a place or a
	 * thing, not control itself */
	if ((k + 1 < d->ntok && !breaks_clause(d, k + 1) && d->tok[k + 1].type == CK_WORD &&
	     !ck_has(d, k + 1, L_STOPWORD)) ||
	    is_question(d, k))
		return 0;
	for (size_t q = k; q > 0 && k - q < 5 && !breaks_clause(d, q); q--) {
		size_t t = q - 1;
		if (ck_is(d, t, "outside") || ck_is(d, t, "beyond")) {
			if (t + 1 == k || (t > 0 && !breaks_clause(d, t) && ck_has(d, t - 1, L_NEGATION)))
				return 0;
			*a = t;
			return k + 1;
		}
		if (is_second_person(d, t) || ck_has(d, t, L_NEGATION) || d->tok[t].type != CK_WORD)
			return 0;
	}
	return 0;
}

/* "that's really on them", "this one is down to them": the fault laid on
 * another party by a form of "be". Token k is "them" (blame_places.txt),
 * ending its clause (or before "to": "it's on them to fix"); "on" or
 * "down to" stands right before it, a form of "be" before that with at
 * most two adverbs and no negation between ("that's not on them"), and
 * "that", "this", "it", "which" or "one" is its subject, or a fault or harm
 * noun ("the delay is down to them"). Not "we are working on them", "the
 * labels were on them", "your name is on them". Returns the token after
 * k, *a the subject, or 0. */
/* The form of "be" (is, 's, was, are, were) before token p, at most max
 * adverbs that deny nothing between ("is entirely", "was really"), with a
 * word before it in its clause, its subject. Its token, or SIZE_MAX. */
static size_t be_before(const struct ck_doc *d, size_t p, size_t max)
{
	static const char *const be[] = {"is", "'s", "was", "are", "were", NULL};
	size_t v = p;
	while (v > 0 && p - v < max && !breaks_clause(d, v) && d->tok[v - 1].type == CK_WORD && is_adverb(d, v - 1) &&
	       !ck_has(d, v - 1, L_NEGATION))
		v--;
	if (v < 2 || breaks_clause(d, v) || !ck_is_any(d, v - 1, be) || breaks_clause(d, v - 1))
		return SIZE_MAX;
	return v - 1;
}

static size_t laid_on_them(const struct ck_doc *d, size_t k, size_t *a)
{
	static const char *const subject[] = {"that", "this", "it", "which", "one", NULL};
	if (k < 3 || breaks_clause(d, k) || breaks_clause(d, k - 1) || is_question(d, k) ||
	    (k + 1 < d->ntok && !breaks_clause(d, k + 1) && !ck_is(d, k + 1, "to") && !ck_is(d, k + 1, "not")))
		return 0;
	size_t p = k - 1;
	if (ck_is(d, p, "to") && ck_is(d, p - 1, "down") && !breaks_clause(d, p - 1))
		p--;
	else if (!ck_is(d, p, "on"))
		return 0;
	size_t b = be_before(d, p, 3);
	if (b == SIZE_MAX)
		return 0;
	size_t s = b - 1;
	if (!(ck_is_any(d, s, subject) || ck_has(d, s, L_FAULT_NOUN) || ck_has(d, s, L_HARM)))
		return 0;
	*a = s;
	return k + 1;
}

/* "the fault lies with them, not us", "the delay is on their side
 * rather than ours", "a supplier issue rather than anything on our
 * side", "Their fault, not ours", "they caused the delay, not us": the
 * writer's own contrast that takes the matter off us — ", not" and us,
 * me, mine or ours, or "rather than" and us, ours, "on us", "anything on
 * our side", "on our <one word>", ending its clause — after words that
 * place a fault or its party: a form of "be", lies, down, fault, problem,
 * issue, error, failure, doing, side, end or hands, in the fourteen
 * tokens before it in its sentence, or right before it a fault or harm
 * noun (fault_nouns.txt, harm_nouns.txt), "theirs", "them" or
 * "responsibility" (not "rather than us telling you", nor "landed on
 * your staff, not on us", nor a place, "at your depot rather than
 * ours"). "That was our packing, not the carrier's" takes the fault.
 * Token k is "not" or "rather"; returns the token after the contrast, *a
 * where its clause (at most ten tokens back) starts, or 0. Dev sets
 * holdout20-357: 31 such contrasts inside the writers' marked spans went
 * unreported; this reports 12 more blames, none unmarked. */
static size_t disowned(const struct ck_doc *d, size_t k, size_t *a)
{
	static const char *const us[] = {"us", "me", "ours", "mine", NULL};
	static const char *const placing[] = {"is", "'s", "was", "are", "were", "lies", "lay", "down", "fault",
		"problem", "issue", "error", "failure", "doing", "side", "end", "hands", NULL};
	if (k < 3 || k + 1 >= d->ntok || is_question(d, k))
		return 0;
	size_t e;
	if (ck_is(d, k, "not")) {
		if (!(d->tok[k].gap & CK_G_CLAUSE) || d->tok[k].clause_ch != ',' || breaks_clause(d, k + 1) ||
		    !ck_is_any(d, k + 1, us))
			return 0;
		e = k + 2;
	} else if (ck_is(d, k, "rather") && ck_is(d, k + 1, "than") && !breaks_clause(d, k + 1) && k + 2 < d->ntok &&
		   !breaks_clause(d, k + 2)) {
		size_t q = k + 2;
		/* "rather than anything on our side" reads as "on our side" */
		if (ck_is(d, q, "anything") && q + 1 < d->ntok && !breaks_clause(d, q + 1))
			q++;
		if (ck_is(d, q, "on") && q + 1 < d->ntok && !breaks_clause(d, q + 1) &&
			 (ck_is(d, q + 1, "us") ||
			  (ck_is(d, q + 1, "our") && q + 2 < d->ntok && !breaks_clause(d, q + 2) &&
			   d->tok[q + 2].type == CK_WORD)))
			e = ck_is(d, q + 1, "us") ? q + 2 : q + 3;
		else if (ck_is(d, q, "us") || ck_is(d, q, "ours"))
			e = q + 1;
		else
			return 0;
	} else
		return 0;
	/* the contrast ends its clause */
	if (e < d->ntok && !breaks_clause(d, e) && !(d->tok[e].gap & CK_G_LINE))
		return 0;
	const struct ck_sent *st = &d->sent[d->tok[k].sent];
	size_t from = k > st->first + 14 ? k - 14 : st->first;
	size_t p = k - 1;
	bool placed = ck_has(d, p, L_FAULT_NOUN) || ck_has(d, p, L_HARM) || ck_is(d, p, "theirs") ||
		      ck_is(d, p, "them") || ck_is(d, p, "responsibility");
	for (size_t q = from; q < k && !placed; q++)
		placed = ck_is_any(d, q, placing);
	/* a place, not a party: "at your depot rather than ours" */
	if (!placed || ((ck_is(d, k - 3, "at") || ck_is(d, k - 3, "in")) && ck_is(d, k - 2, "your") &&
			!ck_is(d, k - 1, "end") && !ck_is(d, k - 1, "side")))
		return 0;
	size_t s = k - 1;
	while (s > st->first && k - s < 10 && !breaks_clause(d, s))
		s--;
	*a = s;
	return e;
}

/* Calls fn(c, r, k, state) for each token k of the window that holds a
 * word of single-word list LIST (blame_places.txt, negations.txt), reading
 * only the sentences whose class bits have one: a token walk of every
 * window cost the archive bench 0.9%. */
static void each_word_of(struct ck_ctx *c, const struct ck_rule *r, enum ck_list list,
			 void (*fn)(struct ck_ctx *, const struct ck_rule *, size_t, size_t *), size_t *state)
{
	if (c->t0 >= c->t1)
		return;
	for (size_t s = D->tok[c->t0].sent; s < D->nsent && D->sent[s].first < c->t1; s++) {
		if (!((D->sent[s].cls >> list) & 1u))
			continue;
		size_t k0 = D->sent[s].first > c->t0 ? D->sent[s].first : c->t0;
		size_t k1 = D->sent[s].last < c->t1 ? D->sent[s].last : c->t1;
		for (size_t k = k0; k < k1; k++)
			if (ck_has(D, k, list))
				fn(c, r, k, state);
	}
}

/* A word that may stand next to a verb of place without changing whose
 * the fault is: an adverb that denies nothing ("really", "entirely"),
 * "here" or "therefore". */
static bool place_adverb(const struct ck_doc *d, size_t k)
{
	return (is_adverb(d, k) && !ck_has(d, k, L_NEGATION) && !ck_is(d, k, "never")) || ck_is(d, k, "here") ||
	       ck_is(d, k, "therefore");
}

/* "Responsibility for the losses therefore rests with the carrier",
 * "the fault here sits with Playbook Online", "this one really sits with
 * them": a verb of place (blame_places.txt: lies, lay, sits, sat, rests,
 * rested) at token v, at most one adverb (place_adverb), "with" and a
 * party other than us, whose subject is a word of fault (fault, blame,
 * responsibility, problem, issue, error, mistake, cause) up to twelve
 * tokens back in its clause, or "this one" or "that one" right before it
 * (past one adverb). Not us: "with us", "me", "this firm", "one person";
 * nor a party of ours or a thing of ours ("lies with our workshop", "sits with the SKU
 * mapping in our WMS": an "our" or "my" in the party's clause) unless it
 * is a vendor's ("our telephony provider"). "The fault lies with" is a
 * blame phrase already (blame_shift.txt); the caller skips a sentence
 * that holds one. Dev sets holdout20-381: 8 marked uses found, no
 * unmarked one reported. Returns the token after the party's first word,
 * *a the subject's first token, or 0; *client when the party is the
 * reader ("the responsibility lies with you", "with your lender"). */
static size_t placed_with(const struct ck_doc *d, size_t v, size_t *a, bool *client)
{
	static const char *const fault[] = {"fault", "blame", "responsibility", "problem", "issue", "error",
		"mistake", "cause", NULL};
	static const char *const mine[] = {"us", "me", "ourselves", "this", "one", NULL};
	static const char *const place[] = {"lies", "lay", "sits", "sat", "rests", "rested", NULL};
	if (v < 2 || v + 2 >= d->ntok || !ck_is_any(d, v, place) || breaks_clause(d, v) || is_question(d, v))
		return 0;
	size_t w = v + 1;
	if (!breaks_clause(d, w) && place_adverb(d, w))
		w++;
	if (w + 1 >= d->ntok || breaks_clause(d, w) || !ck_is(d, w, "with") || breaks_clause(d, w + 1))
		return 0;
	size_t p = w + 1;
	if (ck_is_any(d, p, mine))
		return 0;
	size_t pe = clause_fwd(d, p, 8);
	bool ours = false;
	for (size_t q = p; q < pe && !ours; q++)
		ours = ck_is(d, q, "our") || ck_is(d, q, "my");
	if (ours && !overlaps_list(d, p, pe, L_VENDOR))
		return 0;
	*client = is_second_person(d, p);
	size_t s = v;
	if (!breaks_clause(d, s) && place_adverb(d, s - 1))
		s--;
	if (s >= 2 && !breaks_clause(d, s) && !breaks_clause(d, s - 1) && ck_is(d, s - 1, "one") &&
	    (ck_is(d, s - 2, "this") || ck_is(d, s - 2, "that"))) {
		*a = s - 2;
		return p + 1;
	}
	for (size_t q = clause_back(d, v, 12); q < v; q++)
		if (ck_is_any(d, q, fault)) {
			*a = q > 0 && ck_is(d, q - 1, "the") && !breaks_clause(d, q) ? q - 1 : q;
			return p + 1;
		}
	return 0;
}

/* each_word_of's step for blame_on_them: the fault laid on them at
 * token k (laid_on_them), placed with another party (placed_with), or
 * made a party's doing (possessive_fault). */
static size_t possessive_fault(const struct ck_doc *d, size_t f, size_t *a);

static void on_them_at(struct ck_ctx *c, const struct ck_rule *r, size_t k, size_t *state)
{
	size_t a, e;
	bool client = false;
	(void)state;
	if (D->tok[k].nlen == 4 && ck_is(D, k, "them") && (e = laid_on_them(D, k, &a)) != 0 && !blamed_near(D, k, 8))
		blame_finding(c, r, a, e, BLAMED_THIRD_PARTY);
	/* "the responsibility rests with the carrier" (placed_with) */
	else if ((e = placed_with(D, k, &a, &client)) != 0 && !blamed_near(D, k, 12))
		blame_finding(c, r, a, e, client ? BLAMED_CLIENT : BLAMED_THIRD_PARTY);
	/* "on their side rather than ours" (disowned) */
	else if (D->tok[k].nlen == 6 && ck_is(D, k, "rather") && (e = disowned(D, k, &a)) != 0 && !blamed_near(D, k, 8))
		blame_finding(c, r, a, e, BLAMED_THIRD_PARTY);
	/* "the delay was the council's doing" (possessive_fault) */
	else if (D->tok[k].nlen == 5 && ck_is(D, k, "doing") && (e = possessive_fault(D, k, &a)) != 0 &&
		 !blamed_near(D, k, 8))
		blame_finding(c, r, a, e, BLAMED_THIRD_PARTY);
}

/* "that's on the courier, not us", "this one is on the utility, not
 * us": the fault laid by a form of "be" on a party other than us, named
 * by "the" or "a" and at most two words, then "not us", "not me" or "not
 * ours" — the writer's own denial makes it a blame, whoever the party is
 * (dev sets holdout20-341: 3 of 3 such marked; "on them, not us" is
 * laid_on_them's). The party may be a name ("on TixHarbour, not on us"),
 * or a name's and one word ("on ShipRight's system, not our team"), and
 * the denial "not on us" or "not our" and one word ending its clause
 * (dev sets holdout20-389: 2 more marked uses found, none unmarked; "on
 * Blue Gum, not on your staff" denies nothing of us). Token k is "not";
 * returns the token after the denial, *a the form of "be" (or "that",
 * "this", "it" or "one" before it), or 0. */
static size_t laid_on_other(const struct ck_doc *d, size_t k, size_t *a)
{
	if (k < 4 || k + 1 >= d->ntok || !ck_is(d, k, "not") || breaks_clause(d, k + 1) || is_question(d, k))
		return 0;
	/* the denial: "not us", "not me", "not ours"; ending its clause,
	 * "not on us" or "not our team" */
	size_t e;
	if (ck_is(d, k + 1, "us") || ck_is(d, k + 1, "me") || ck_is(d, k + 1, "ours"))
		e = k + 2;
	else if (k + 2 < d->ntok && !breaks_clause(d, k + 2) && d->tok[k + 2].type == CK_WORD &&
		 ((ck_is(d, k + 1, "on") && (ck_is(d, k + 2, "us") || ck_is(d, k + 2, "me"))) ||
		  ((ck_is(d, k + 1, "our") || ck_is(d, k + 1, "my")) && !ck_has(d, k + 2, L_STOPWORD))) &&
		 (k + 3 >= d->ntok || breaks_clause(d, k + 3)))
		e = k + 3;
	else
		return 0;
	/* the party's words, back from the comma before "not" (or none) */
	size_t q = k;
	/* or a name ("on TixHarbour, not on us"), in the possessive with one
	 * word after ("on ShipRight's system, not our team") */
	if (k >= 5 && d->tok[k - 1].type == CK_WORD && ck_is(d, k - 2, "'s") && !breaks_clause(d, k - 1) &&
	    !breaks_clause(d, k - 2) && named_possessive(d, k - 3))
		q = k - 3;
	else
		for (size_t n = 0; n < 2 && q > 0 && d->tok[q - 1].type == CK_WORD && !ck_has(d, q - 1, L_STOPWORD); n++) {
			q--;
			if (breaks_clause(d, q))
				return 0;
		}
	if (q == k || q < 3 || breaks_clause(d, q - 1))
		return 0;
	size_t on;
	if ((ck_is(d, q - 1, "the") || ck_is(d, q - 1, "a")) && ck_is(d, q - 2, "on") && !breaks_clause(d, q - 2))
		on = q - 2;
	else if (ck_is(d, q - 1, "on") && (d->tok[q].flags & CK_TF_CAP) && !(d->tok[q].flags & CK_TF_HEAD) &&
		 !ck_has(d, q, L_TIME_WORD))
		on = q - 1;
	else
		return 0;
	size_t b = be_before(d, on, 2);
	if (b == SIZE_MAX)
		return 0;
	/* from its subject when it is a word of pointing ("that's on …") */
	*a = ck_is(d, b - 1, "that") || ck_is(d, b - 1, "this") || ck_is(d, b - 1, "it") || ck_is(d, b - 1, "one")
		 ? b - 1
		 : b;
	return e;
}

/* "The hold-up was the landowner's fault", "the outage was the
 * electricity network's fault": the fault given by a form of "be" (at
 * most two adverbs after it) to "the" and a party of one or two words in
 * the possessive — not ours ("our software's fault" has no "the"), not a
 * time ("last week's fault"), nor a fault that names a thing ("the beam's
 * fault signal": a word of its clause after "fault" other than "and",
 * "not", "rather" or "than"). Dev sets holdout20-341: 5 of 5 such
 * uses marked. "Doing" gives it as "fault" does ("this delay is
 * entirely the courier's doing": dev sets holdout20-389, 2 more marked,
 * none unmarked; found through blame_places.txt). Token f is "fault" or
 * "doing"; returns the token after it, *a "the", or 0. */
static size_t possessive_fault(const struct ck_doc *d, size_t f, size_t *a)
{
	if (f < 4 || !(ck_is(d, f, "fault") || ck_is(d, f, "doing")) || breaks_clause(d, f) || !ck_is(d, f - 1, "'s") ||
	    breaks_clause(d, f - 1) || is_question(d, f))
		return 0;
	if (f + 1 < d->ntok && !breaks_clause(d, f + 1) &&
	    !(ck_is(d, f + 1, "and") || ck_is(d, f + 1, "not") || ck_is(d, f + 1, "rather") || ck_is(d, f + 1, "than")))
		return 0;
	size_t t = SIZE_MAX;
	for (size_t q = f - 2; q + 3 >= f && q > 0 && !breaks_clause(d, q + 1); q--) {
		if (d->tok[q].type != CK_WORD || first_person(d, q) || ck_is(d, q, "our") || is_second_person(d, q))
			return 0;
		if (ck_is(d, q - 1, "the") && !breaks_clause(d, q)) {
			t = q - 1;
			break;
		}
	}
	if (t == SIZE_MAX || t == 0 || breaks_clause(d, t) || be_before(d, t, 2) == SIZE_MAX)
		return 0;
	*a = t;
	return f + 1;
}

/* each_word_of's step for the negations: the fault laid on another
 * party and denied of us at token k, "not" (laid_on_other). */
static void on_other_at(struct ck_ctx *c, const struct ck_rule *r, size_t k, size_t *state)
{
	size_t a, e;
	(void)state;
	if (D->tok[k].nlen == 3 && ((e = laid_on_other(D, k, &a)) != 0 || (e = disowned(D, k, &a)) != 0) &&
	    !blamed_near(D, k, 8))
		blame_finding(c, r, a, e, BLAMED_THIRD_PARTY);
}

/* The fault laid on them by a form of "be" (laid_on_them), in the
 * window's sentences that hold a word of blame_places.txt. Flagged
 * whether or not the message takes responsibility, as the blame phrases
 * are: it hands the fault on in so many words. Out of line: inlined into
 * rule_blame it changed how the compiler inlined the party helpers there,
 * which cost the archive slice 0.4% of its instructions (0.2% so). */
static __attribute__((noinline)) void blame_on_them(struct ck_ctx *c, const struct ck_rule *r)
{
	each_word_of(c, r, L_BLAME_PLACE, on_them_at, NULL);
}

/* each_word_of's step for blame_placed: a failure placed on another's
 * side or end, or outside someone's control, at token k; *placed_end the
 * end of the last such finding. */
static void placed_at(struct ck_ctx *c, const struct ck_rule *r, size_t k, size_t *placed_end)
{
	size_t a, pe;
	bool yours = false; /* control_placed refuses "your" */
	if (!(ck_is(D, k, "side") || ck_is(D, k, "end") || ck_is(D, k, "control")))   /* blame_on_them's */
		return;
	pe = ck_is(D, k, "control") ? control_placed(D, k, &a) : side_placed(D, k, &a, &yours);
	if (!pe || a < *placed_end || blamed_near(D, k, 8))
		return;
	blame_finding(c, r, a, pe, yours ? BLAMED_CLIENT : BLAMED_THIRD_PARTY);
	*placed_end = pe;
}

/* rule_blame's last pass: a failure placed on another's side or end, or
 * outside someone's control, in words no list holds (side_placed,
 * control_placed). Last, so that a finding of the passes before it that
 * covers the same words (the party named: "our network provider … on
 * their side") is the one de-duplication keeps. */
static void blame_placed(struct ck_ctx *c, const struct ck_rule *r)
{
	size_t placed_end = 0;
	each_word_of(c, r, L_BLAME_PLACE, placed_at, &placed_end);
}

/* "This is entirely down to the council", "the delay is down to
 * TixBoard", "this one was down to them rather than us", "down to their
 * backlog", "down to your office sending the order late": token k opens
 * the party right after a form of be, at most one adverb ("entirely",
 * "largely"), "down to" — a name (a capitalised word that is no time
 * word), "them" or "their" and its noun, "the" and up to three words
 * that name a party, or the client's "your" and its noun (*client);
 * blame_party still wants a cause word before it ("down"). Not us ("that
 * is down to us"), a count ("down to 22 cases"), a thing that failed
 * ("down to a timer fault", "down to the thermostat") nor a person's
 * stock run low. Returns the token after the party, or 0. Dev sets:
 * writers marked 67 of the 108 uses of "be down to"; the first three
 * kinds of party here are most of the 29 unreported. */
static size_t down_to_party(const struct ck_doc *d, size_t k, bool *client)
{
	if (k < 3 || !ck_is(d, k - 1, "to") || !ck_is(d, k - 2, "down") || breaks_clause(d, k) ||
	    breaks_clause(d, k - 1) || breaks_clause(d, k - 2) || d->tok[k].type != CK_WORD)
		return 0;
	size_t b = k - 3;
	if (b > 0 && !breaks_clause(d, b + 1) && is_adverb(d, b) && !ck_is(d, b, "not") && !ck_is(d, b, "never"))
		b--;
	if (!(ck_has(d, b, L_BE_PAST) || ck_is(d, b, "is") || ck_is(d, b, "are") || ck_is(d, b, "'s")) ||
	    breaks_clause(d, b + 1))
		return 0;
	/* a person's stock run low: "if you are down to your last few
	 * days of feed", "we were down to the final two" */
	static const char *const who[] = {"you", "we", "i", "they", NULL};
	if ((b > 0 && !breaks_clause(d, b) && ck_is_any(d, b - 1, who)) ||
	    (k + 1 < d->ntok && (ck_is(d, k + 1, "last") || ck_is(d, k + 1, "final"))))
		return 0;
	*client = false;
	size_t n = k + 1 < d->ntok && !breaks_clause(d, k + 1) && d->tok[k + 1].type == CK_WORD ? k + 2 : k + 1;
	if (ck_is(d, k, "them"))
		return k + 1;
	if (ck_is(d, k, "their") || ck_is(d, k, "your")) {
		*client = ck_is(d, k, "your");
		return n > k + 1 ? n : 0;
	}
	if (ck_is(d, k, "the")) {
		/* a party by what it is ("the council", "the exam board", "the
		 * engineer from Lumitec", a vendor, or one that owns the thing,
		 * "the practice's broadband"), not a thing ("the thermostat",
		 * "the batch", "the new cleaning solution": 0 of 8 marked) */
		static const char *const body[] = {"council", "board", "authority", "venue", "landlord", "airline", "bank",
			"hotel", "agency", "insurer", "government", "regulator", "school", "court", "club", NULL};
		bool party = false;
		size_t j = k + 1;
		for (; j < d->ntok && j < k + 4 && !breaks_clause(d, j) && d->tok[j].type == CK_WORD &&
		       !ck_has(d, j, L_STOPWORD);
		     j++)
			party = party || ck_has(d, j, L_VENDOR) || ck_has(d, j, L_TEAM) || ck_is_any(d, j, body) ||
				(j + 1 < d->ntok && ck_is(d, j + 1, "'s"));
		return party ? j : 0;
	}
	if ((d->tok[k].flags & CK_TF_CAP) && !(d->tok[k].flags & CK_TF_HEAD) && !ck_has(d, k, L_TIME_WORD) &&
	    !ck_has(d, k, L_STOPWORD))
		return k + 1;
	return 0;
}

static void blame_window(struct ck_ctx *c, const struct ck_rule *r)
{
	size_t covered = 0;
	for (size_t h = c->h0; h < c->h1; h++) {
		const struct ck_hit *x = &D->hit[h];
		if (x->list != L_BLAME || x->first < covered)
			continue;
		x = hit_at(D, x->first, L_BLAME);
		covered = x->last;
		/* "That was our doing, not bad luck": the phrase denied */
		if (x->first > 0 && !breaks_clause(D, x->first) && ck_is(D, x->first - 1, "not"))
			continue;
		/* "we are to blame", "nobody at the yard is to blame": who is
		 * named to blame is us, or no one */
		if (ck_is(D, x->last - 1, "blame") && x->first > 0 && !breaks_clause(D, x->first) &&
		    (first_person(D, x->first - 1) || ck_is(D, x->first - 1, "who") ||
		     none_of(D, clause_back(D, x->first, 8), x->first)))
			continue;
		/* "the fault lies with us": the phrase hands the fault on only
		 * when someone else follows it */
		if (x->last < D->ntok && !breaks_clause(D, x->last) &&
		    (ck_is(D, x->last, "us") || ck_is(D, x->last, "me") || ck_is(D, x->last, "ourselves")))
			continue;
		/* "the real failure is ours", "the real problem was that we
		 * …": the real one named as ours, or told in a clause */
		if (x->last < D->ntok && !breaks_clause(D, x->last) && ck_is(D, x->first, "the") &&
		    (ck_is(D, x->first + 1, "real") || ck_is(D, x->first + 1, "actual") ||
		     ck_is(D, x->first + 1, "main")) &&
		    (ck_is(D, x->last, "ours") || ck_is(D, x->last, "mine") || ck_is(D, x->last, "our") ||
		     ck_is(D, x->last, "my") || first_person(D, x->last) || ck_is(D, x->last, "that")))
			continue;
		/* "nothing we can do to give you back the evening" is
		 * regret, "nothing we can do on our side until they ship" a
		 * wait: only the bare "nothing we can do" hands the fault on */
		if (ck_is(D, x->last - 1, "do") && x->last < D->ntok && !breaks_clause(D, x->last) &&
		    (ck_is(D, x->last, "to") || (ck_is(D, x->last, "on") && ck_is(D, x->last + 1, "our"))))
			continue;
		/* "our logger shows that your verger had left …": evidence
		 * blames only what the client's people did, in a message that
		 * takes no responsibility; the finding runs to their verb */
		size_t e = x->last;
		if (x->last >= x->first + 3 && ck_is(D, x->last - 2, "that") && ck_is(D, x->last - 1, "your") &&
		    ((e = evidence_acted(D, x->last)) == 0 || blame_owned(c)))
			continue;
		size_t a = as_told_by(D, x);
		int n;
		const char *s = src(c, a, e, &n);
		ck_finding(c, r, r->sev, D->tok[a].start, D->tok[e - 1].end, false,
			   ck_fmt(c, "own the outcome: \"this was our responsibility, and we …\""),
			   "\"%.*s\" shifts the blame away from us", n, s);
		covered = e;
	}
	/* "something no bank can fully plan for" (blame_none_could) */
	blame_none_could(c, r, covered);
	/* "that's really on them" (blame_on_them) */
	blame_on_them(c, r);
	/* "that's on the courier, not us" (laid_on_other) and "the hold-up
	 * was the landowner's fault" (possessive_fault): a sentence with a
	 * negation, and a fault hit, asked only */
	for (size_t h = c->h0; h < c->h1; h++) {
		const struct ck_hit *x = &D->hit[h];
		size_t a, e;
		if (x->list == L_BLAME_CAUSE && x->last == x->first + 1 && (e = possessive_fault(D, x->first, &a)) != 0 &&
		    !blamed_near(D, x->first, 8))
			blame_finding(c, r, a, e, BLAMED_THIRD_PARTY);
	}
	each_word_of(c, r, L_NEGATION, on_other_at, NULL);
	/* the weather or a fault placed on another, not in a sentence that
	 * holds a blame phrase, reported or not (one finding a sentence, as
	 * writers mark it: "triggered by a severe storm …, circumstances
	 * entirely beyond our control"), but before such a sentence as well
	 * as after it ("the fault sits with FlyBook …" before "… through no
	 * fault of our own") */
	size_t nat = 0; /* the end of the last weather or placed-fault finding */
	size_t sent = SIZE_MAX; /* the hits come in token order: each sentence is asked once */
	bool blamed = false;
	for (size_t h = c->h0; h < c->h1; h++) {
		const struct ck_hit *x = &D->hit[h];
		size_t e;
		if (x->list != L_BLAME_CAUSE || x->first < nat)
			continue;
		if (D->tok[x->first].sent != sent) {
			sent = D->tok[x->first].sent;
			blamed = phrase_in(D, &D->sent[sent], L_BLAME);
		}
		if (blamed || ((e = natural_cause(D, x)) == 0 && (e = fault_placed(D, x)) == 0))
			continue;
		int n;
		const char *s = src(c, x->first, e, &n);
		ck_finding(c, r, r->sev, D->tok[x->first].start, D->tok[e - 1].end, false,
			   ck_fmt(c, "own the outcome: \"this was our responsibility, and we …\""),
			   "\"%.*s\" shifts the blame away from us", n, s);
		nat = e;
	}
	/* a third party with a cause word in its clause, unless we take
	 * responsibility: a vendor ("our payment provider failed") or a name
	 * in the possessive ("a fault in Cloudflare's network"), taken in token
	 * order */
	if (blame_owned(c))
		return;
	/* "our timber merchant let us down": whoever opens the clause of
	 * "let us down" is a party other than us, whatever its noun (not
	 * "we", nor "they never let us down") */
	for (size_t h = c->h0; h < c->h1; h++) {
		const struct ck_hit *x = &D->hit[h];
		if (x->list != L_BLAME_CAUSE || !ck_is(D, x->first, "let") || is_question(D, x->first))
			continue;
		size_t a = clause_back(D, x->first, 6);
		if (a == x->first || first_person(D, a) || ck_has(D, x->first - 1, L_NEGATION))
			continue;
		blame_finding(c, r, a, x->last, BLAMED_THIRD_PARTY);
	}
	/* the client's people at large as the ones who acted, right after
	 * "because": "it failed because users uploaded too many files",
	 * "because customers scheduled …" — their act (a past verb after
	 * them) is given as the reason; "because customers could not log in"
	 * (no past verb) tells a harm */
	for (size_t h = c->h0; h < c->h1; h++) {
		const struct ck_hit *x = &D->hit[h];
		if (x->list != L_AUDIENCE || x->first == 0 || !ck_is(D, x->first - 1, "because") ||
		    breaks_clause(D, x->first) || !past_verb(D, x->last) || is_question(D, x->first))
			continue;
		blame_finding(c, r, x->first - 1, x->last + 1, BLAMED_CLIENT);
	}
	/* a third party as the one who acted, right after "because": "it
	 * took longer because an outside carrier refused our fix", "because
	 * the supplier did not ship" — its act (a past verb after it) is the
	 * reason; up to two words (a determiner, an adjective) between, and
	 * a name set off by commas may stand before the verb (party_verb). Or
	 * the third party opens the clause and ", so" gives the client's harm
	 * as its consequence: "our courier stopped collecting parcels, so
	 * your orders sat in the depot" (sixteen words on at most), or its
	 * verb tells the fault: "the courier lost your parcel" */
	size_t cause_line = SIZE_MAX; /* the line of the last party_in_cause finding */
	for (size_t h = c->h0; h < c->h1; h++) {
		const struct ck_hit *x = &D->hit[h];
		if (x->list != L_VENDOR || is_question(D, x->first) || machine_operator(D, x))
			continue;
		size_t pa, pe;
		if ((pa = vendor_agent(D, x)) != SIZE_MAX) {
			blame_finding(c, r, pa, x->last, BLAMED_THIRD_PARTY);
			continue;
		}
		if ((pa = fault_at_party(D, x)) != SIZE_MAX) {
			blame_finding(c, r, pa, x->last, BLAMED_THIRD_PARTY);
			continue;
		}
		if ((pe = party_in_cause(D, x, &pa, &cause_line)) != 0) {
			if (!blamed_near(D, x->first, 24))
				blame_finding(c, r, pa, pe, BLAMED_THIRD_PARTY);
			continue;
		}
		if (x->last < D->ntok && D->tok[x->last].nlen == 2 && (pe = party_thing_failed(D, x, &pa)) != 0) {
			/* "a voltage dip on the electricity supplier's side" */
			if (!blamed_near(D, x->first, 24))
				blame_finding(c, r, pa, pe, BLAMED_THIRD_PARTY);
			continue;
		}
		size_t cl = cleft_party(D, x);
		if (cl != SIZE_MAX) {
			/* "it was the courier who took them" */
			blame_finding(c, r, cl, x->last + 2, BLAMED_THIRD_PARTY);
			continue;
		}
		size_t v = party_verb(D, x), placed = 0, who = 0;
		/* a place between the party and its verb ("our supplier in
		 * Ohio shipped …"), or its fault told in a relative clause
		 * after it (", who ignored …"): reported from the party's
		 * determiner even after a preposition ("by the courier's
		 * loaders …, who dropped it") */
		if (v == x->last && !past_verb(D, v) && !had_not_done(D, v) && met_trouble(D, v) == 0 &&
		    (placed = verb_past_place(D, x)) == 0 &&
		    (!(D->sent[D->tok[x->first].sent].cls & fault_verb_bits) || (who = party_who_erred(D, x)) == 0))
			continue;
		if (who) {
			size_t b = x->first;
			while (b > 0 && x->first - b < 2 && !breaks_clause(D, b) &&
			       (ck_is(D, b - 1, "the") || ck_is(D, b - 1, "our") || ck_is(D, b - 1, "a") || ck_is(D, b - 1, "an")))
				b--;
			if (!blamed_near(D, x->first, 24))
				blame_finding(c, r, b, who, BLAMED_THIRD_PARTY);
			continue;
		}
		if (placed)
			v = placed;
		size_t b = x->first, e = v + 1;
		if (had_not_done(D, v))
			e = v + 3; /* "the supplier could not staff": to the verb left undone */
		while (b > 0 && x->first - b < 3 && !breaks_clause(D, b) && !ck_is(D, b - 1, "because"))
			b--;
		bool because = b > 0 && !breaks_clause(D, b) && ck_is(D, b - 1, "because");
		/* a name between commas after "because", or before an act
		 * that tells the fault itself (below), or a place between the
		 * party and its verb (placed) */
		bool misdid = !because && party_act_faulty(D, v);
		/* or it left undone what it owed us ("… and did not give us
		 * notice", "our cleaner, <Name>, failed to turn up"), or ", so"
		 * gives the client's harm as its act's consequence, whether
		 * or not a name stands between the party and its verb ("our
		 * haulier, <Name>, stacked the crates on their side, and …, so
		 * your fitter lost a day") */
		size_t undone = because || misdid ? 0 : party_omitted(D, v, 16);
		int so = -1; /* so_follows and not ours_while, asked once when needed */
		if (!because && v != x->last && !placed && !misdid && !undone &&
		    !(so = so_follows(D, v, 16) && !ours_while(D, v, 16)))
			continue;
		if (!because) {
			/* or its act tells the fault itself: "the courier lost
			 * your parcel", "our printer, <Name>, sent the file
			 * twice" — unless a blame phrase up to 24 words from it
			 * in its sentence was reported for it ("simply bad luck
			 * - the courier lost part of it", "… and that was their
			 * fault") */
			bool fault = (misdid || undone) && !blamed_near(D, x->first, 24);
			if (!fault && !(so >= 0 ? so : so_follows(D, v, 16) && !ours_while(D, v, 16)))
				continue;
			if ((b = party_subject(D, x)) == SIZE_MAX)
				continue;
			size_t met;
			if (undone)
				e = undone; /* the party and what it left undone */
			else if (misdid && (met = met_trouble(D, v)) != 0)
				e = met;    /* and the trouble it met */
		}
		blame_finding(c, r, b, e, BLAMED_THIRD_PARTY);
	}
	/* the client's people who acted and a fault in what they did, in
	 * their clause: "your staff entered the names in the wrong order",
	 * "your team uploaded an outdated list" — their act is told as the
	 * mistake, with or without a cause word (fault_markers.txt at most
	 * twelve words after the verb) */
	size_t told = 0; /* the end of the last such finding */
	for (size_t h = c->h0; h < c->h1; h++) {
		/* from each fault marker back to the people, at most twelve
		 * tokens in its clause: most windows have no marker, and those
		 * that have one never walk a token twice for it */
		const struct ck_hit *f = &D->hit[h];
		if (f->list != L_FAULT || is_question(D, f->first))
			continue;
		size_t lim = clause_back(D, f->first, 14);
		for (size_t t = f->first; t > lim + 1 && t + 12 > f->first; t--) {
			size_t n0 = t - 2; /* the noun, then its past verb */
			if (n0 >= told && crowd_misdid(D, n0, f)) {
				blame_finding(c, r, n0, f->last, BLAMED_CLIENT);
				told = f->last;
				break;
			}
			if (n0 < told || !ck_has(D, n0, L_TEAM) || !past_verb(D, n0 + 1))
				continue;
			size_t k = SIZE_MAX;
			/* "your" up to five tokens before the noun: "your
			 * building's night security team" */
			for (size_t q = n0; q > lim && n0 - q < 6 && k == SIZE_MAX; q--)
				if (ck_is(D, q - 1, "your") && client_people(D, q - 1) == n0 + 1)
					k = q - 1;
			if (k == SIZE_MAX || harmed_party(D, k))
				continue;
			blame_finding(c, r, k, n0 + 2, BLAMED_CLIENT);
			told = n0 + 2;
			break;
		}
	}
	client_omissions(c, r, &told);
	client_input_faulty(c, r, &told);
	/* someone else's own people who acted, in a sentence about the cause:
	 * "Cause: … but the hospital's own switchboard staff cancelled them",
	 * "their own drivers unloaded it" — "own" after a possessive other
	 * than ours, at most two words, a team noun and a past verb. Looked
	 * for only in the window's sentences with a cause word and a team
	 * noun (their class bits): a pass over every token for it cost the
	 * archive slice 0.5% */
	const uint64_t need = (1ull << L_TEAM), cause_bits = (1ull << L_CAUSE) | (1ull << L_BLAME_CAUSE);
	for (size_t si = c->t0 < c->t1 ? D->tok[c->t0].sent : D->nsent; si < D->nsent && D->sent[si].first < c->t1;
	     si++) {
		const struct ck_sent *st = &D->sent[si];
		if (st->cls & (1ull << L_NEGATION | 1ull << L_CAUSE))
			blame_sentence(c, r, st);
		/* "switched off by your staff …, so … not": a team noun and a
		 * sign of fault among the sentence's class bits first */
		if ((st->cls & (1ull << L_TEAM)) && (st->cls & agent_fault_bits) && st->term != '?')
			client_agent(c, r, st);
		if ((st->cls & (1ull << L_TEAM)) && st->term != '?' &&
		    ((st->cls & cause_bits) || (D->tok[st->first].nlen == 3 && ck_is(D, st->first, "why"))))
			client_in_cause(c, r, st, &told);
		if ((st->cls & need) != need || !(st->cls & cause_bits) || st->term == '?')
			continue;
		for (size_t k = st->first > c->t0 ? st->first : c->t0; k < st->last && k < c->t1; k++) {
			if (D->tok[k].nlen != 3 || !ck_is(D, k, "own") || k < 2 || breaks_clause(D, k) ||
			    !(ck_is(D, k - 1, "'s") || ck_is(D, k - 1, "their")))
				continue;
			size_t a = k - 1;
			if (ck_is(D, a, "'s")) {
				a--; /* the owner, and its determiner */
				if (a > 0 && !breaks_clause(D, a) && (ck_is(D, a - 1, "the") || ck_is(D, a - 1, "a")))
					a--;
				if (ck_is(D, a, "our") || ck_is(D, a, "my") ||
				    (a > 0 && !breaks_clause(D, a) && (ck_is(D, a - 1, "our") || ck_is(D, a - 1, "my"))))
					continue;
			}
			for (size_t m = k + 1; m < D->ntok && m <= k + 3 && !breaks_clause(D, m); m++) {
				if (!ck_has(D, m, L_TEAM))
					continue;
				if (past_verb(D, m + 1)) {
					blame_finding(c, r, a, m + 2, BLAMED_OTHERS);
					k = m + 1;
				}
				break;
			}
		}
	}
	/* a party needs a cause word in its clause, and clauses stay inside
	 * the window: with none among the window's hits, the token walk below
	 * can find nothing (most windows of an archive) */
	bool cause = false;
	for (size_t h = c->h0; h < c->h1 && !cause; h++)
		cause = D->hit[h].list == L_BLAME_CAUSE;
	if (!cause) {
		blame_placed(c, r);
		return; /* "because your <people> <verb>" without one: blame_sentence */
	}
	covered = 0;
	size_t e;
	size_t h = c->h0;
	bool down_client;
	for (size_t k = c->t0; k < c->t1; k++) {
		bool vendor = false;
		for (; h < c->h1 && D->hit[h].first <= k; h++)
			if (D->hit[h].first == k && D->hit[h].list == L_VENDOR) {
				vendor = true;
				if (k >= covered && !machine_operator(D, &D->hit[h]))
					blame_party(c, r, k, D->hit[h].last, 6, false, &covered);
			}
		if (!vendor && k >= covered && ((e = maker_of_ours(D, k)) != 0 || (e = supplier_of_ours(D, k)) != 0))
			/* "down to the company that makes our software", "lies
			 * with our paper mill, which supplied …" */
			blame_party(c, r, k, e, 6, false, &covered);
		else if (!vendor && k >= covered && (e = named_after_ours(D, k)) != 0)
			/* "triggered by our card processor, Paycastle," */
			blame_party(c, r, k, e, 6, false, &covered);
		else if (!vendor && k >= covered && (e = down_to_party(D, k, &down_client)) != 0)
			blame_party(c, r, k, e, 1, down_client, &covered);
		else if (!vendor && k >= covered && named_possessive(D, k))
			/* what the name owns failed: "Stripe's API failed", not
			 * "Grace's report of the failure" */
			blame_party(c, r, k, k + 2, 2, false, &covered);
		/* the client's people as the party: "triggered by the import
		 * your team started", "your staff caused"; not "your team
		 * reported the failure" (one word after, not two), nor the
		 * client's people harmed ("caused problems for your team") */
		else if (!vendor && k >= covered && k >= told && D->tok[k].nlen == 4 && ck_is(D, k, "your") &&
			 k > 0 && cause_names_side(D, k))
			blame_party(c, r, k, k + 2, 1, true, &covered);
		else if (!vendor && k >= covered && k >= told && D->tok[k].nlen == 4 && ck_is(D, k, "your") &&
			 (e = side_as_origin(D, k)) != SIZE_MAX) {
			/* "the late sign-off on the layout from your side" */
			blame_finding(c, r, k - 1, k + 2, BLAMED_CLIENT);
			covered = k + 2;
		}
		else if (!vendor && k >= covered && k >= told && D->tok[k].nlen == 4 && ck_is(D, k, "your") &&
			 (e = client_people(D, k)) != 0) {
			/* "because some of your staff used …": "of" after a
			 * count names a part of the ones who acted, not the
			 * ones harmed */
			size_t v = client_verb(D, e);
			bool acted = v && because_before(D, k, 3);
			/* nor after a cause phrase that ends in its preposition:
			 * "the jams came from your night staff loading …" names
			 * them as the cause, not as the ones harmed */
			if (harmed_party(D, k) && !(acted && ck_is(D, k - 1, "of")) && !cause_ends_at(D, k))
				continue;
			if (acted)
				client_because(c, r, k, v, &covered);
			else
				blame_party(c, r, k, e, 1, true, &covered);
		}
	}
	blame_placed(c, r);
}

/* The blame in the window; with a note (c->own_bet) when a finding came
 * after blame_owned guessed that the message takes no responsibility. */
static void rule_blame(struct ck_ctx *c, const struct ck_rule *r)
{
	c->own_guess = false;
	blame_window(c, r);
	if (c->own_guess && c->nf > c->own_guess_nf)
		c->own_bet = true;
}

/* ---- tone ----------------------------------------------------------------------- */

struct span { size_t a, b; };

static bool harm_context(const struct ck_doc *d, size_t i)
{
	if (ck_sent_has(d, i, L_HARM) || ck_sent_has(d, i, L_MIN_NOUN))
		return true;
	/* "your clients could not book; it was only a few minutes": an impact
	 * phrase, not just a noun such as "orders" */
	const struct ck_sent *s = &d->sent[d->tok[i].sent];
	/* the sentence's hits only, through the hit index: reading every hit
	 * of the message per minimiser made a message of many such
	 * sentences quadratic */
	for (size_t h = ck_hit_lower(d, s->first); h < d->nhit && d->hit[h].first < s->last; h++) {
		const struct ck_hit *x = &d->hit[h];
		if (x->list == L_IMPACT && x->last <= s->last &&
		    (x->last > x->first + 1 || !(ck_has(d, x->first, L_QUANTITY) || ck_has(d, x->first, L_AUDIENCE))))
			return true;
	}
	return false;
}

/* "a few moments of downtime", "a couple of seconds of interruption": a
 * vague small duration of harm. Not after "even" ("even a few seconds of
 * downtime hurts your checkout"). Returns the token after the harm word. */
static size_t few_of_harm(const struct ck_doc *d, size_t i)
{
	if (!ck_is(d, i, "a") || (i > 0 && ck_is(d, i - 1, "even")))
		return 0;
	size_t k = i + 1;
	if (ck_is(d, k, "few"))
		k++;
	else if (ck_is(d, k, "couple") && ck_is(d, k + 1, "of"))
		k += 2;
	else
		return 0;
	static const char *const units[] = {"moment", "moments", "second", "seconds", "minute", "minutes", NULL};
	if (!ck_is_any(d, k, units) || !ck_is(d, k + 1, "of"))
		return 0;
	for (size_t q = k; q <= k + 2; q++)
		if (q >= d->ntok || (q > i && breaks_clause(d, q)))
			return 0;
	if (ck_has(d, k + 2, L_HARM) || ck_has(d, k + 2, L_MIN_NOUN))
		return k + 3;
	return 0;
}

static bool counts_audience(const struct ck_doc *d, size_t k);
static bool counts_staff(const struct ck_doc *d, size_t k);
static bool determiner(const struct ck_doc *d, size_t k);

/* "a handful of customers", "a handful of your readers", "a handful of
 * reports went out late": "a handful" at token i, with no minimising
 * adverb before it, makes the client's people or things the harm reached
 * few (counts_audience, "of your" and a word, or any plain noun: writers
 * marked 33 of 34 uses) — not ours ("a handful of our engineers",
 * counts_staff). Returns the token after the people or things, or 0. */
static size_t handful_of(const struct ck_doc *d, size_t i)
{
	/* "it's only a handful out of the 240", "only a handful were
	 * ruined", "that leaves just a handful we can't match": a handful
	 * after "only", "just" or "merely", counting nothing named after it,
	 * is the harm made few (dev sets holdout20-341: 10 of 10 such uses
	 * marked) */
	if (i > 0 && i + 2 < d->ntok && ck_is(d, i + 1, "handful") && !breaks_clause(d, i) && !breaks_clause(d, i + 1) &&
	    (ck_is(d, i - 1, "only") || ck_is(d, i - 1, "just") || ck_is(d, i - 1, "merely")) &&
	    (breaks_clause(d, i + 2) || !ck_is(d, i + 2, "of")))
		return i + 2;
	if (i + 3 >= d->ntok || !ck_is(d, i + 1, "handful") || breaks_clause(d, i + 1) || breaks_clause(d, i + 2) ||
	    !ck_is(d, i + 2, "of") || breaks_clause(d, i + 3))
		return 0;
	if (ck_is(d, i + 3, "your") && i + 4 < d->ntok && !breaks_clause(d, i + 4) && d->tok[i + 4].type == CK_WORD)
		return i + 5;
	if (counts_audience(d, i + 2))
		return ck_is(d, i + 3, "the") ? i + 5 : i + 4;
	size_t k = ck_is(d, i + 3, "the") ? i + 4 : i + 3;
	if (k >= d->ntok || breaks_clause(d, k) || d->tok[k].type != CK_WORD || ck_has(d, k, L_STOPWORD) ||
	    counts_staff(d, i + 2) || counts_staff(d, k))
		return 0;
	return k + 1;
}

/* "a few of you ended up with double-booked calendars", "a couple of
 * your smaller fish didn't make it", "a few people were double charged":
 * "a few" or "a couple of" at token i counting the client's people (you,
 * people, the people at large counts_audience knows, or "your" and a
 * word) makes the harm small, as "a handful of" does — not a span of time
 * ("a couple of your days"; "a few minutes" is few_of_harm's when a harm
 * follows), nor ours (counts_staff: "a few of our engineers"). Any plain
 * noun, as "a handful of" takes, would report "a few degrees", "a few
 * percent", "a few pages": over the labelled sets such counts were marked
 * 4 times in 15. Returns the token after the people, or 0. */
static size_t few_of_people(const struct ck_doc *d, size_t i)
{
	static const char *const span[] = {"second", "seconds", "minute", "minutes", "moment", "moments", "hour",
		"hours", "day", "days", "night", "nights", "week", "weeks", "month", "months", "year", "years", NULL};
	if (!ck_is(d, i, "a") || i + 3 >= d->ntok || breaks_clause(d, i + 1) || breaks_clause(d, i + 2) ||
	    (i > 0 && ck_is(d, i - 1, "even")) ||
	    !(ck_is(d, i + 1, "few") || (ck_is(d, i + 1, "couple") && ck_is(d, i + 2, "of"))))
		return 0;
	size_t k = i + 2;                          /* "of", or what "a few" counts */
	size_t w = ck_is(d, k, "of") ? k + 1 : k;  /* the first word counted */
	if (w >= d->ntok || breaks_clause(d, w) || counts_staff(d, k))
		return 0;
	if ((w > k && ck_is(d, w, "you")) || ck_is(d, w, "people"))
		return w + 1;
	if (counts_audience(d, k))
		return ck_is(d, w, "the") || ck_is(d, w, "your") ? w + 2 : w + 1;
	if (ck_is(d, w, "your") && w + 1 < d->ntok && !breaks_clause(d, w + 1) && d->tok[w + 1].type == CK_WORD &&
	    !ck_is_any(d, w + 1, span) && !counts_staff(d, w + 1))
		return w + 2;
	return 0;
}

/* Token k is "number", "proportion" or "percentage", then "of" and a
 * word, in one clause; or, the counted thing said before, its verb right
 * after it: "a tiny number may still be missing", "a small proportion
 * were refunded late" (a modal or a form of "be"). */
static bool count_of(const struct ck_doc *d, size_t k)
{
	static const char *const verb[] = {"may", "might", "could", "will", "would", "can", "are", "were",
		"is", "was", "still", NULL};
	if (!(ck_is(d, k, "number") || ck_is(d, k, "proportion") || ck_is(d, k, "percentage")) ||
	    breaks_clause(d, k + 1))
		return false;
	if (ck_is_any(d, k + 1, verb))
		return true;
	return ck_is(d, k + 1, "of") && !breaks_clause(d, k + 2) && d->tok[k + 2].type == CK_WORD;
}

/* Token k starts the people or things of ours a count counts: "one of
 * our engineers", "one person", "two technicians" (team_nouns.txt), "two
 * of our four servers" — who could act or what of ours failed, not how
 * much harm the client had; "two of our customers" (audience.txt) are
 * the client's side. */
static bool counts_staff(const struct ck_doc *d, size_t k)
{
	if (breaks_clause(d, k))
		return false;
	if (ck_has(d, k, L_TEAM) || ck_is(d, k, "person") || ck_is(d, k, "member") || ck_is(d, k, "members"))
		return true;
	if (!ck_is(d, k, "of") || breaks_clause(d, k + 1) || !ck_is(d, k + 1, "our"))
		return false;
	for (size_t q = k + 2; q <= k + 3 && q < d->ntok && !breaks_clause(d, q); q++)
		if (d->tok[q].type == CK_WORD)
			return !ck_has(d, q, L_AUDIENCE);
	return false;
}

/* Token k starts the client's people at large a count counts: "a
 * handful of members", "a few of the passengers", "two customers"
 * (audience.txt) — those the harm reached, made few. */
static bool counts_audience(const struct ck_doc *d, size_t k)
{
	if (k < d->ntok && ck_is(d, k, "of") && !breaks_clause(d, k + 1)) {
		k++;
		if (ck_is(d, k, "the") || ck_is(d, k, "your"))
			k++;
	}
	return k < d->ntok && !breaks_clause(d, k) && ck_has(d, k, L_AUDIENCE);
}

/* "only passengers arriving early would have noticed": "only" at token
 * i, the client's people at large right after it, and "notice…" at most
 * eight tokens on in the clause — few noticed, so the harm was small.
 * Returns the token after the verb, or 0. */
static size_t few_noticed(const struct ck_doc *d, size_t i)
{
	if (!ck_is(d, i, "only") || i + 1 >= d->ntok || breaks_clause(d, i + 1) || !ck_has(d, i + 1, L_AUDIENCE))
		return 0;
	for (size_t k = i + 2, e = clause_fwd(d, i + 1, 8); k < e; k++)
		if (d->tok[k].nlen >= 6 && !memcmp(ck_norm(d, k), "notic", 5))
			return k + 1;
	return 0;
}

/* Token k, after a minimising adjective, is a stretch of time ("for a
 * brief window", "for a short while", "during that brief window", "in
 * this short period"): how long the harm lasted, made short, when a
 * preposition of time (or "lasted", "experienced") and a determiner come
 * before the adjective at i. */
static bool short_stretch(const struct ck_doc *d, size_t i, size_t k)
{
	static const char *const stretch[] = {"window", "period", "spell", "while", "time", "interval", NULL};
	/* "it only lasted a short time", "the queue experienced a short
	 * period of instability": verbs that take the stretch as object */
	static const char *const prep[] = {"for", "during", "in", "over", "within", "throughout", "lasted",
		"experienced", NULL};
	static const char *const det[] = {"a", "that", "this", "the", NULL};
	return k == i + 1 && i >= 2 && ck_is_any(d, i - 1, det) && ck_is_any(d, i - 2, prep) && !breaks_clause(d, i) &&
	       !breaks_clause(d, i - 1) && ck_is_any(d, k, stretch);
}

/* "a short period", "a short while", "a short time" (the minimiser at
 * token i is "short", "a" before it) in a sentence with no "we" or "I":
 * writers marked it in all 14 of its uses in every labelled set, with or
 * without a word of harm in its sentence ("card payments were declined
 * for a short period between 12:10 and 13:45", "the supply was turned off
 * for a short while"), so short_stretch needs no harm_context for it.
 * Told of ourselves it is how long we took or met ("we rebuilt the page
 * in a short period", "for a short while we met in the garden"). */
static bool a_short_stretch(const struct ck_doc *d, size_t i)
{
	if (!ck_is(d, i, "short") || i == 0 || !ck_is(d, i - 1, "a"))
		return false;
	const struct ck_sent *st = &d->sent[d->tok[i].sent];
	for (size_t k = st->first; k < st->last; k++)
		if (first_person(d, k))
			return false;
	return true;
}

/* "It was a brief closure", "this was just one booking": the minimiser
 * at token i right after "it", "this" or "that" opening a clause, a past
 * form of "be" and at most "a" or "an" — what the pronoun points back to
 * is the harm just told, made small, whatever the noun. Only in the past:
 * "it is just one click" describes a step to take. */
static bool it_was_small(const struct ck_doc *d, size_t i)
{
	size_t k = i;
	if (k > 0 && !breaks_clause(d, k) && (ck_is(d, k - 1, "a") || ck_is(d, k - 1, "an")))
		k--;
	if (k < 2 || breaks_clause(d, k) || breaks_clause(d, k - 1) || !ck_has(d, k - 1, L_BE_PAST))
		return false;
	size_t p = k - 2;
	return (ck_is(d, p, "it") || ck_is(d, p, "this") || ck_is(d, p, "that")) &&
	       (p == 0 || breaks_clause(d, p));
}

static bool left_word(const struct ck_doc *d, size_t k)
{
	return ck_is(d, k, "left") || ck_is(d, k, "remaining") || ck_is(d, k, "remain") || ck_is(d, k, "still") ||
	       ck_is(d, k, "outstanding") || (ck_is(d, k, "to") && !breaks_clause(d, k + 1) && ck_is(d, k + 1, "go"));
}

/* Token k says the quantity before it is what is still to do or still
 * broken: "just a few left", "only two remaining", "only a handful still
 * to go" — the harm that remains, made small. Also with the thing counted
 * between, after "of" or not: "just a few settings left to copy", "only
 * two rooms remaining", "just a couple of rows left by the door" — but
 * "left" then ends its clause or a preposition follows, for "only two
 * people left the building" tells who went. "still" is such a word
 * too, and the thing counted may come after "of" and "the/your" ("just a
 * couple of students still waiting", "only a few of the rooms still
 * closed"). Not inlined:
 * rule_minimizing's token loop runs for every token of an archive, and
 * with this inside it the compiler kept less of the loop in registers
 * (+1.6 M instructions on the 3 MB archive slice, for a call made for a
 * few counts only). */
static __attribute__((noinline)) bool still_left(const struct ck_doc *d, size_t k)
{
	static const char *const after[] = {"to", "in", "at", "on", "for", "over", "across", "by", NULL};
	if (breaks_clause(d, k))
		return false;
	if (left_word(d, k))
		return true;
	/* "a couple of rows left", "a few of the rooms still closed": "of"
	 * (and "the/your") before the thing counted */
	if (ck_is(d, k, "of") && k + 2 < d->ntok && !breaks_clause(d, k + 1)) {
		k++;
		if (ck_is(d, k, "the") || ck_is(d, k, "your"))
			k++;
	}
	if (d->tok[k].type != CK_WORD || breaks_clause(d, k + 1) || !left_word(d, k + 1))
		return false;
	return !ck_is(d, k + 1, "left") || breaks_clause(d, k + 2) || ck_is_any(d, k + 2, after);
}

/* Tokens from k, at most three words of a noun phrase in its clause,
 * then a modal and a verb that does not size harm, and no harm word in
 * the rest of the clause ("only a 125 mm liner will pass", "only 2 vans
 * can reach the yard"): "only" picks which thing can act. "will affect",
 * "will take", "will be" size harm, and so does a harm word after the
 * verb ("only 3 orders will arrive late"); these are no such scope. */
static bool scope_of_modal(const struct ck_doc *d, size_t k)
{
	static const char *const modal[] = {"can", "could", "will", "would", "may", "might", "must", "shall",
		"should", NULL};
	static const char *const sizing[] = {"take", "last", "affect", "be", "cause", "mean", "hit", "touch",
		"delay", "lose", "miss", "need", "notice", "see", "have", NULL};
	for (size_t q = k; q < k + 4 && q + 1 < d->ntok && !breaks_clause(d, q); q++) {
		if (ck_has(d, q, L_HARM))
			return false;
		if (!ck_is_any(d, q, modal))
			continue;
		if (breaks_clause(d, q + 1) || d->tok[q + 1].type != CK_WORD || ck_is_any(d, q + 1, sizing) ||
		    ck_has(d, q + 1, L_NEGATION))
			return false;
		for (size_t e = clause_fwd(d, q + 1, 6), v = q + 1; v < e; v++)
			if (ck_has(d, v, L_HARM))
				return false;
		return true;
	}
	return false;
}

/* The count at token k after the minimising adverb at i is money ("only a
 * few hundred euros", "just 40 dollars": what the client lost, made
 * small) or a span of time after a form of "be" ("it was just one
 * morning": how long the harm lasted, made short; "it's only a week": the
 * delay, made short), or a span that a delay adds, before "later",
 * "late" or "longer" ("the new date is Thursday, only a week later").
 * Looks three words on and one back, no further. */
static bool money_or_past_span(const struct ck_doc *d, size_t i, size_t k)
{
	static const char *const money[] = {"euro", "euros", "dollar", "dollars", "pound", "pounds", "franc",
		"francs", "krona", "kronor", "kroner", "yen", "cents", "pence", "eur", "usd", "gbp", NULL};
	static const char *const span[] = {"morning", "mornings", "afternoon", "afternoons", "evening",
		"evenings", "night", "nights", "day", "days", "hour", "hours", "week", "weeks", "weekend", "weekends",
		"month", "months", NULL};
	bool past = i > 0 && !breaks_clause(d, i) &&
		    (ck_has(d, i - 1, L_BE_PAST) || ck_is(d, i - 1, "is") || ck_is(d, i - 1, "'s"));
	for (size_t q = k + 1; q <= k + 2 && q < d->ntok && !breaks_clause(d, q); q++) {
		if (ck_is_any(d, q, money))
			return true;
		bool added = !past && q + 1 < d->ntok && !breaks_clause(d, q + 1) &&
			     (ck_is(d, q + 1, "later") || ck_is(d, q + 1, "late") || ck_is(d, q + 1, "longer"));
		for (size_t w = 0; (past || added) && span[w]; w++)
			if (ck_is(d, q, span[w]))
				return true;
	}
	return false;
}

static void minimizing_emit(struct ck_ctx *c, const struct ck_rule *r, size_t a, size_t b)
{
	/* suggestion: the phrase without its minimisers */
	struct rd_buf sb = RD_BUF_INIT;
	bool need_an = false, first = true;
	for (size_t k = a; k < b; k++) {
		if (ck_has(D, k, L_MIN_ADJ) || ck_has(D, k, L_MIN_ADV))
			continue;
		if (ck_is(D, k, "a") || ck_is(D, k, "an")) {
			need_an = true;
			continue;
		}
		const char *w = ck_has(D, k, L_MIN_NOUN) ? "failure" : NULL;
		int n;
		const char *s = w ? w : src(c, k, k + 1, &n);
		if (w)
			n = (int)strlen(w);
		if (!first)
			rd_buf_addc(&sb, ' ');
		if (need_an) {
			char ch = (char)(s[0] | 0x20);
			rd_buf_adds(&sb, strchr("aeiou", ch) ? "an " : "a ");
			need_an = false;
		}
		rd_buf_add(&sb, s, (size_t)n);
		first = false;
	}
	int n;
	const char *s = src(c, a, b, &n);
	char *sugg = NULL;
	if (sb.len)
		sugg = ck_fmt(c, "say it plainly and concretely: \"%s\" (how long, what it stopped)", sb.data);
	rd_buf_free(&sb);
	ck_finding(c, r, r->sev, D->tok[a].start, D->tok[b - 1].end, false, sugg,
		   "\"%.*s\" minimises the harm the client suffered", n, s);
}

/* "hitch" at token i told as a setback: right after "a", "an", "one" or
 * a word that makes it small ("a slight hitch", "one small hitch",
 * "a technical hitch"), not "without a hitch". */
static bool hitch_as_setback(const struct ck_doc *d, size_t i)
{
	static const char *const small[] = {"slight", "small", "minor", "little", "tiny", "brief", "technical", NULL};
	size_t q = i;
	if (q > 0 && !breaks_clause(d, q) && ck_is_any(d, q - 1, small))
		q--;
	if (q == 0 || breaks_clause(d, q) || !(ck_is(d, q - 1, "a") || ck_is(d, q - 1, "an") || ck_is(d, q - 1, "one")))
		return false;
	return !(q > 1 && !breaks_clause(d, q - 1) && ck_is(d, q - 2, "without"));
}

/* "not a minor outage", "no small thing": a negation up to two tokens
 * before token i, in its clause. Asked only of a minimiser (it was asked
 * of every token, 2% of an archive check). "Too" before it says the thing
 * was wrong by being small ("we set the timeout too short by mistake"),
 * which admits the fault instead of shrinking the harm. */
static bool minimizer_negated(const struct ck_doc *d, size_t i)
{
	if (i > 0 && ck_is(d, i - 1, "too") && !breaks_clause(d, i))
		return true;
	for (size_t k = i; k > 0 && k + 3 > i && !breaks_clause(d, k); k--)
		if (ck_has(d, k - 1, L_NEGATION))
			return true;
	return false;
}

/* "most customers will not notice anything", "you may not even notice",
 * "it is hardly noticeable": predicting that the failure will go unseen
 * downplays it. The negation at token i; for "notice" the client (you,
 * an audience noun) up to four words before it in its clause, and no
 * "if/whether" there ("if you did not notice anything, …" asks). Returns
 * the token after the verb and the start in *a, or 0. */
static size_t unnoticed(const struct ck_doc *d, size_t i, size_t *a)
{
	/* most negations have no "notic…" within three words: one look at
	 * their first bytes, before any word comparison */
	bool near = false;
	for (size_t q = i + 1; q < d->ntok && q <= i + 3 && !near; q++)
		near = d->tok[q].nlen >= 6 && !memcmp(d->norm + d->tok[q].norm, "notic", 5);
	if (!near)
		return 0;
	size_t k = i + 1;
	while (k < d->ntok && k <= i + 2 && !breaks_clause(d, k) &&
	       (ck_is(d, k, "even") || ck_is(d, k, "have") || ck_is(d, k, "be") || ck_is(d, k, "really")))
		k++;
	if (k >= d->ntok || breaks_clause(d, k))
		return 0;
	if (ck_is(d, k, "noticeable")) {
		*a = i;
		return k + 1;
	}
	if (!ck_is(d, k, "notice") && !ck_is(d, k, "noticed"))
		return 0;
	size_t who = SIZE_MAX;
	for (size_t q = i; q > 0 && q + 5 > i && !breaks_clause(d, q); q--) {
		size_t p = q - 1;
		if (ck_is(d, p, "if") || ck_is(d, p, "whether"))
			return 0;
		/* "most people will not notice": people at large are the
		 * audience here; so are any people counted as "most" or
		 * "many" ("most knitters would not notice the difference") */
		if (who == SIZE_MAX && (is_second_person(d, p) || ck_has(d, p, L_AUDIENCE) || ck_is(d, p, "people")))
			who = p;
		else if (who == SIZE_MAX && p > 0 && (ck_is(d, p - 1, "most") || ck_is(d, p - 1, "many")) &&
			 !breaks_clause(d, p) && d->tok[p].type == CK_WORD)
			who = p - 1;
	}
	if (who == SIZE_MAX)
		return 0;
	*a = who;
	return k + 1;
}

/* A burden softened by degree, at the minimiser i: "slightly" (or "a
 * little", "a bit") before a comparative of a burden or how far behind it
 * ran ("a slightly longer walk", "a little later than planned", "running
 * a little behind", "it came up a little short", "slightly less
 * convenient", "a little too deep"), "slightly" before a participle of
 * what it did to the thing ("slightly warped", "slightly reduced"), off
 * or out of the mark ("slightly off spec"), or after a verb of slipping
 * or "back" ("pushed back slightly"), or "a
 * bit"/"a little" after a linking verb, an adverb between or not, before
 * a word of how it was ("it got a bit hectic", "the queue was a little
 * long", "upstairs is still a bit chilly"; not "a bit of …", "a little
 * more …"). Returns the token after the softened word, or 0. */
static size_t softened_state(const struct ck_doc *d, size_t i)
{
	static const char *const more[] = {"longer", "later", "slower", "busier", "fuller", "harder", "shorter",
		"stronger", "weaker", "worse", "less", "behind", "late", "short", "too", NULL};
	static const char *const link[] = {"was", "were", "is", "are", "got", "get", "gets", "getting", "felt",
		"feel", "seemed", "became", "been", "be", NULL};
	static const char *const slip[] = {"slip", "slips", "slipped", "slipping", "back", NULL};
	/* "has been pushed back slightly", "the date has slipped slightly",
	 * "is moving back slightly": a delay made small (7 of 7 such uses
	 * marked in holdout20-269) */
	if (i > 0 && !breaks_clause(d, i) && ck_is(d, i, "slightly") && ck_is_any(d, i - 1, slip))
		return i + 1;
	if (i + 1 >= d->ntok || breaks_clause(d, i + 1))
		return 0;
	bool degree = ck_is(d, i, "slightly") ||
		      ((ck_is(d, i, "little") || ck_is(d, i, "bit")) && i > 0 && ck_is(d, i - 1, "a") && !breaks_clause(d, i));
	if (!degree)
		return 0;
	if (ck_is_any(d, i + 1, more))
		return i + 2;
	/* writers marked every "slightly" before an -ed word (holdout20-209,
	 * 12 of 12: discoloured, banded, under-nailed, inconvenienced …) */
	if (ck_is(d, i, "slightly") && ends_ed(d, i + 1, 3))
		return i + 2;
	/* "slightly off spec", "slightly out of alignment": a fault made
	 * small (4 of 5 marked) */
	if (ck_is(d, i, "slightly") &&
	    (ck_is(d, i + 1, "off") || (ck_is(d, i + 1, "out") && i + 2 < d->ntok && ck_is(d, i + 2, "of"))))
		return i + 2;
	if (ck_is(d, i, "slightly") || i < 2 || breaks_clause(d, i - 1))
		return 0;
	size_t v = i - 2;   /* the linking verb, before "a" */
	if (v > 0 && is_adverb(d, v) && !breaks_clause(d, v))
		v--;
	if (!ck_is_any(d, v, link))
		return 0;
	/* "a little higher than the organ": another comparative compares,
	 * it tells no burden */
	const struct ck_tok *t = &d->tok[i + 1];
	const char *w = ck_norm(d, i + 1);
	if (t->nlen > 3 && w[t->nlen - 2] == 'e' && w[t->nlen - 1] == 'r')
		return 0;
	return t->type == CK_WORD && !ck_has(d, i + 1, L_STOPWORD) && !ck_is(d, i + 1, "of") ? i + 2 : 0;
}

/* Token v, right after "only"/"just" and before the count at k, is a
 * verb that tells how far the harm reached ("it only affects two
 * weekends", "it just hit three shops"): the count sizes the harm with
 * no harm word in the sentence. */
static bool reach_verb(const struct ck_doc *d, size_t v, size_t k)
{
	static const char *const reach[] = {"affects", "affected", "affect", "hit", "hits", "touched", "touches",
		NULL};
	return k > v && k <= v + 2 && ck_is_any(d, v, reach);
}

/* Token k names what the client had to bear while the harm lasted — a
 * wait or a queue: right after a minimising adjective ("a short wait",
 * "a small queue at the gate") the burden is made small as a harm word
 * is. */
static bool burden_noun(const struct ck_doc *d, size_t k)
{
	static const char *const w[] = {"wait", "waits", "queue", "queues", NULL};
	return ck_is_any(d, k, w);
}

/* The minimising adverb at token i closes a verb of reach right before
 * it: "affecting only a handful of accounts", "it hit just two shops" —
 * the count after it sizes the harm, as reach_verb does after it. */
static bool reach_before(const struct ck_doc *d, size_t i)
{
	static const char *const reach[] = {"affects", "affected", "affect", "affecting", "hit", "hits", "hitting",
		"touched", "touches", "touching", NULL};
	return i > 0 && !breaks_clause(d, i) && ck_is_any(d, i - 1, reach);
}

/* "we opened only 6 of the 10 gates", "I sent just two of the letters":
 * the minimising adverb at token i right after a past verb of ours (we or
 * I just before it) counts what we did short, which admits a fault; it
 * shrinks no harm — unless the verb is the harm ("we lost only two"). */
static bool our_act_counted(const struct ck_doc *d, size_t i)
{
	return i >= 2 && !breaks_clause(d, i) && !breaks_clause(d, i - 1) && first_person(d, i - 2) &&
	       past_verb(d, i - 1) && !ck_has(d, i - 1, L_HARM);
}

/* "minor" or "slight" at token i judging what it describes small: before
 * a word that is no stopword in its clause ("a minor fault", "slight
 * discolouration"; *a takes "a", "an", "some" or "the" before it), or
 * after a form of "be" with at most one adverb between ("the fading is
 * slight", "was relatively minor"). Not a key, a chord or a scale ("in B
 * minor", "a minor key"), a class of thing ("the minor road"), a child
 * ("a minor" alone), nor under a condition. Returns the token after the
 * span, or 0. */
static size_t judged_small(const struct ck_doc *d, size_t i, size_t *a)
{
	/* a key, or a class of thing, not a size: "in a minor key", "the
	 * minor road past the depot", "a minor release", "the minor injuries
	 * unit" */
	static const char *const other_sense[] = {"key", "keys", "chord", "chords", "scale", "scales", "third", "thirds",
		"league", "road", "roads", "lane", "lanes", "route", "routes", "field", "fields", "version", "versions",
		"release", "releases", "upgrade", "injuries", "surgery", "procedure", "procedures", "party", "parties",
		NULL};
	static const char *const det[] = {"a", "an", "some", "the", NULL};
	if (i > 0 && !breaks_clause(d, i) && d->tok[i - 1].nlen == 1 && d->tok[i - 1].type == CK_WORD &&
	    ck_norm(d, i - 1)[0] >= 'b' && ck_norm(d, i - 1)[0] <= 'g')
		return 0;
	/* nor under a condition: "only if a minor field is blank" */
	for (size_t k = clause_back(d, i, 8); k < i; k++)
		if (ck_is(d, k, "if") || ck_is(d, k, "unless"))
			return 0;
	if (i + 1 < d->ntok && !breaks_clause(d, i + 1) && d->tok[i + 1].type == CK_WORD &&
	    !ck_has(d, i + 1, L_STOPWORD) && !ck_is_any(d, i + 1, other_sense)) {
		if (i > 0 && !breaks_clause(d, i) && ck_is_any(d, i - 1, det))
			*a = i - 1;
		return i + 2;
	}
	size_t k = i;
	if (k > 1 && !breaks_clause(d, k) && is_adverb(d, k - 1))
		k--;
	if (k > 0 && !breaks_clause(d, k) &&
	    (ck_has(d, k - 1, L_BE_PAST) || ck_is(d, k - 1, "is") || ck_is(d, k - 1, "are") || ck_is(d, k - 1, "be")) &&
	    (i + 1 >= d->ntok || breaks_clause(d, i + 1) || ck_is(d, i + 1, "and") || ck_is(d, i + 1, "in"))) {
		*a = k;
		return i + 1;
	}
	return 0;
}

/* Token k, of quantities.txt, counts something: a number or a word of
 * count ("few", "handful", "two"), or a unit ("orders", "minutes") with
 * such a count between token n1 (right after the adverb) and it, or
 * right after the adverb ("only minutes"). "the problem only showed with
 * live payments" counts nothing. */
static bool counted_at(const struct ck_doc *d, size_t n1, size_t k)
{
	static const char *const unit[] = {"records", "orders", "customers", "users", "accounts", "transactions",
		"payments", "invoices", "minutes", "seconds", "hours", "minute", "second", "hour", "items", "files",
		"emails", "messages", "period", "periods", NULL};
	if (d->tok[k].type == CK_NUM || k == n1 || !ck_is_any(d, k, unit))
		return true;
	for (size_t q = n1; q < k; q++)
		if (d->tok[q].type == CK_NUM || ck_has(d, q, L_QUANTITY))
			return true;
	return false;
}

/* "just a few more days", "only a couple of days behind", "just a few
 * days' more wait": a vague count of days or weeks — the slip of a date
 * made small, whatever the sentence says of harm ("a" at most between
 * the adverb and it: not "only appears after a few days"). Token k is
 * "few" or "couple"; "of", "more", "extra", "additional" or "further" may stand
 * between it and "days" or "weeks" (dev sets holdout20-389: 12 such
 * phrases marked and unreported, none unmarked). */
static bool few_days(const struct ck_doc *d, size_t k)
{
	static const char *const between[] = {"of", "more", "extra", "additional", "further", NULL};
	if (!(ck_is(d, k, "few") || ck_is(d, k, "couple")))
		return false;
	size_t q = k + 1;
	while (q < d->ntok && q <= k + 3 && !breaks_clause(d, q) && ck_is_any(d, q, between))
		q++;
	return q < d->ntok && !breaks_clause(d, q) && (ck_is(d, q, "days") || ck_is(d, q, "weeks"));
}

/* "It was only a scrape", "it's only the one gig", "that was only the
 * stable clock", "it's only a couple of extra weeks": "only" at token i
 * after "it", "that" or "this" and a present or past "be", then "a",
 * "an" or "the" — what went wrong named and made small in one breath.
 * Returns the end of the phrase (at most six words after "only", up to
 * the clause's end or a word that starts a new part: that, which, who,
 * and, but, so), or 0. Dev sets holdout20-373: 25 such phrases marked
 * and not found, 2 unmarked. */
static size_t only_what_it_was(const struct ck_doc *d, size_t i)
{
	static const char *const be[] = {"is", "was", "'s", NULL};
	static const char *const subj[] = {"it", "that", "this", NULL};
	static const char *const stop[] = {"that", "which", "who", "and", "but", "so", NULL};
	if (i < 2 || i + 2 >= d->ntok || !ck_is(d, i, "only") || breaks_clause(d, i) || breaks_clause(d, i - 1) ||
	    breaks_clause(d, i + 1) || !ck_is_any(d, i - 1, be) || !ck_is_any(d, i - 2, subj) ||
	    !(ck_is(d, i + 1, "a") || ck_is(d, i + 1, "an") || ck_is(d, i + 1, "the")))
		return 0;
	size_t b = i + 2;
	while (b < d->ntok && b <= i + 6 && !breaks_clause(d, b) && !(b > i + 2 && ck_is_any(d, b, stop)))
		b++;
	return b;
}

/* "it's a bit of seepage", "you had a bit of a wait", "a little bit of
 * dust": "a bit of" (token i "bit", "a" before it, "little" between or
 * not), an optional "a", and the thing made small — a word that is no
 * stopword and no work in -ing ("it might need a bit of fettling" is
 * ours to do). Dev sets holdout20-389: 11 such phrases marked and
 * unreported, none unmarked. Returns the token after the thing, or 0. */
static size_t bit_of(const struct ck_doc *d, size_t i)
{
	if (i < 1 || i + 2 >= d->ntok || breaks_clause(d, i + 1) || !ck_is(d, i + 1, "of"))
		return 0;
	size_t p = ck_is(d, i - 1, "little") && i >= 2 && !breaks_clause(d, i) ? i - 2 : i - 1;
	if (!ck_is(d, p, "a") || breaks_clause(d, p + 1))
		return 0;
	size_t q = i + 2;
	if (ck_is(d, q, "a") && q + 1 < d->ntok && !breaks_clause(d, q + 1))
		q++;
	if (breaks_clause(d, q) || d->tok[q].type != CK_WORD || ck_has(d, q, L_STOPWORD) || ends_ing(d, q))
		return 0;
	return q + 1;
}

static void rule_minimizing(struct ck_ctx *c, const struct ck_rule *r)
{
	size_t done = 0; /* tokens before this are part of a finding */
	/* a finding starts at "a" ("a few minutes of…") or a minimiser word:
	 * other tokens, most of them, are passed over on their class bits */
	const uint64_t mins = (1ull << L_MIN_NOUN) | (1ull << L_MIN_ADJ) | (1ull << L_MIN_ADV) | (1ull << L_NEGATION);
	/* and "a" starts one only before a harm or minimiser noun in its
	 * sentence (few_of_harm), or a count ("a handful of reports":
	 * handful_of): a sentence with none of these classes is passed over
	 * whole */
	const uint64_t any = mins | (1ull << L_HARM) | (1ull << L_QUANTITY);
	for (size_t i = c->t0, se = i; i < c->t1; i++) {
		if (i >= se && (i = sent_with(D, i, c->t1, any, &se)) >= c->t1)
			break;
		if (i < done)
			continue;
		if (!(D->cls[i] & mins) && !(D->tok[i].nlen == 1 && ck_norm(D, i)[0] == 'a'))
			continue;
		size_t a = i, b = 0, few = 0, u = 0;
		if (ck_has(D, i, L_NEGATION) && (u = unnoticed(D, i, &a)) != 0) {
			if (a < done)
				continue;
			int n;
			const char *s = src(c, a, u, &n);
			ck_finding(c, r, r->sev, D->tok[a].start, D->tok[u - 1].end, false,
				   ck_fmt(c, "say what they will see and for how long, and let them judge"),
				   "\"%.*s\" minimises the harm the client suffered", n, s);
			done = u;
			continue;
		} else if ((few = few_of_harm(D, i)) != 0 || (few = handful_of(D, i)) != 0 ||
			   (few = few_of_people(D, i)) != 0) {
			b = few;
		} else if (ck_has(D, i, L_MIN_NOUN)) {
			/* "hitch" makes light of a harm as "a hitch" or "a small
			 * hitch"; "the wagon's hitch", "the hitch pin" is a part
			 * and "without a hitch" a promise (dev sets holdout20-362:
			 * 9 of 9 such uses unmarked) */
			if (D->tok[i].nlen == 5 && ck_is(D, i, "hitch") && !hitch_as_setback(D, i))
				continue;
			/* the whole phrase: "the vast majority", "not ideal" (the
			 * class bit marks only its first word) */
			const struct ck_hit *x = hit_at(D, i, L_MIN_NOUN);
			b = x ? x->last : i + 1;
		} else if (ck_has(D, i, L_MIN_ADJ) && !minimizer_negated(D, i)) {
			/* "a brief outage", "small number of affected records";
			 * "temporary" is also what a thing is made to be ("the
			 * temporary barrier", "a temporary pump"): before a noun
			 * that is no harm it names that thing, and a harm word
			 * after ("temporary barrier failure") is the thing's
			 * failure, not made short */
			if (D->tok[i].nlen == 9 && ck_is(D, i, "temporary") && i + 1 < D->ntok && !breaks_clause(D, i + 1) &&
			    D->tok[i + 1].type == CK_WORD && !ck_has(D, i + 1, L_HARM) && !ck_has(D, i + 1, L_MIN_NOUN))
				continue;
			/* "bit" minimises only as "a bit": "the drill bit wore
			 * down" is a tool */
			if (D->tok[i].nlen == 3 && ck_is(D, i, "bit") && (i == 0 || !ck_is(D, i - 1, "a")) &&
			    !(i > 1 && ck_is(D, i - 1, "little") && ck_is(D, i - 2, "a")))
				continue;
			bool named = false;
			size_t soft = softened_state(D, i);
			if (soft) {
				b = soft;
				if (ck_is(D, i - 1, "a"))
					a = i - 1;
			} else if (D->tok[i].nlen == 3 && ck_is(D, i, "bit") && (soft = bit_of(D, i)) != 0) {
				/* "a bit of seepage", "had a bit of a wait" */
				b = soft;
			}
			for (size_t k = i + 1; !soft && k < D->ntok && k <= i + 3 && !breaks_clause(D, k); k++) {
				/* a minimising phrase of its own ahead ("short and
				 * the vast majority"): reported from its first word,
				 * not as this word's noun */
				const struct ck_hit *mh = k > i + 1 && ck_has(D, k, L_MIN_NOUN) ? hit_at(D, k, L_MIN_NOUN) : NULL;
				if (mh && mh->last > k + 1)
					break;
				if (ck_has(D, k, L_HARM) || ck_has(D, k, L_MIN_NOUN) || (k == i + 1 && burden_noun(D, k)) ||
				    (!named && ck_has(D, k, L_QUANTITY) && harm_context(D, i)) ||
				    (short_stretch(D, i, k) && (harm_context(D, i) || a_short_stretch(D, i)))) {
					b = k + 1;
					break;
				}
				/* a count told as a vague size, with what it counts: "a
				 * small number of teachers", "a limited proportion of
				 * orders" — in a sentence of harm, or always as "a
				 * small/tiny/limited number of" (38 of 38 uses marked) */
				if (k == i + 1 && count_of(D, k) &&
				    (harm_context(D, i) ||
				     (ck_is(D, k, "number") && i > 0 && ck_is(D, i - 1, "a") && !counts_staff(D, k + 1) &&
				      !counts_staff(D, k + 2)))) {
					b = ck_is(D, k + 1, "of") ? k + 3 : k + 1;
					break;
				}
				/* "the main hall and the small hall as one room":
				 * after "the", the adjective and a plain noun name
				 * which thing, and no count further on is its size
				 * (a harm word still is: "the minor mapping issue") */
				if (k == i + 1 && i > 0 && ck_is(D, i - 1, "the") && !breaks_clause(D, i) &&
				    !ck_has(D, k, L_QUANTITY))
					named = true;
				if (ck_has(D, k, L_BE_PAST) || ck_is(D, k, "is") || ck_is(D, k, "are"))
					break;
			}
			/* "it's a minor discrepancy", "which is a minor
			 * variation": "a minor" after a form of "be" ("'s"
			 * after it, that or this) judges whatever noun follows,
			 * harm word or not; not "only if a minor field is
			 * blank", which names a thing */
			if (!b && i > 1 && i + 1 < D->ntok && D->tok[i].nlen == 5 && ck_is(D, i, "minor") &&
			    ck_is(D, i - 1, "a") && (ck_is(D, i - 2, "is") || ck_is(D, i - 2, "are") ||
						     ck_has(D, i - 2, L_BE_PAST) || ck_is(D, i - 2, "be") ||
						     (i > 2 && ck_is(D, i - 2, "'s") &&
						      (ck_is(D, i - 3, "it") || ck_is(D, i - 3, "that") ||
						       ck_is(D, i - 3, "this")))) &&
			    !breaks_clause(D, i - 1) && !breaks_clause(D, i) && !breaks_clause(D, i + 1) &&
			    D->tok[i + 1].type == CK_WORD && (!ck_has(D, i + 1, L_STOPWORD) || ck_is(D, i + 1, "one"))) {
				a = i - 1;
				b = i + 2;
			}
			/* "the risk to the children was minimal", "the impact
			 * should have been minimal", "it's minimal": "minimal"
			 * right after a form of "be" (was, were, been: L_BE_PAST)
			 * judges the harm small, whatever the subject (18 of the
			 * 18 dev messages that use it mark it; "fairly minimal"
			 * and its kind are minimizing_nouns.txt, whose phrases
			 * cannot open with "'s"); "were briefly shown", "briefly
			 * held up", "to briefly suspend": "briefly" before a verb
			 * makes the harm short (7 of 7) — not "briefly, …" nor
			 * "I'll briefly explain" */
			if (!b && D->tok[i].nlen == 7 && ck_is(D, i, "minimal") && i > 0 && !breaks_clause(D, i) &&
			    (ck_has(D, i - 1, L_BE_PAST) || ck_is(D, i - 1, "is") || ck_is(D, i - 1, "are") ||
			     ck_is(D, i - 1, "be") || ck_is(D, i - 1, "'s")))
				b = i + 1;
			if (!b && D->tok[i].nlen == 7 && ck_is(D, i, "briefly") && i + 1 < D->ntok && !breaks_clause(D, i + 1) &&
			    D->tok[i + 1].type == CK_WORD &&
			    (past_form(D, i + 1) || (i > 0 && (ck_is(D, i - 1, "to") || ck_has(D, i - 1, L_BE_PAST)))))
				b = i + 2;
			/* "it was a brief closure": any noun after it; not a
			 * cleft, "it was a small team that did the work" */
			if (!b && i + 1 < D->ntok && !breaks_clause(D, i + 1) && D->tok[i + 1].type == CK_WORD &&
			    !ck_is(D, i + 2, "that") && !ck_is(D, i + 2, "who") && !ck_is(D, i + 2, "which") &&
			    it_was_small(D, i))
				b = i + 2;
			/* "the outage was brief"; "the fault itself was minor":
			 * the harm or the fault that did it (fault_nouns.txt),
			 * and a reflexive that stresses it may stand between */
			if (!b && i >= 2) {
				size_t k = i - 1;
				if (is_adverb(D, k) && k > 0)
					k--;
				/* "the fault is limited to bookings made online": which
				 * ones, a scope, not a size */
				bool scope = i + 1 < D->ntok && !breaks_clause(D, i + 1) && ck_is(D, i + 1, "to");
				if ((ck_has(D, k, L_BE_PAST) || ck_is(D, k, "is") || ck_is(D, k, "are")) && k > 0 &&
				    !breaks_clause(D, i) && !breaks_clause(D, k) && !scope) {
					size_t hn = k - 1;
					if (hn > 0 && (ck_is(D, hn, "itself") || ck_is(D, hn, "themselves")) &&
					    !breaks_clause(D, hn))
						hn--;
					if (ck_has(D, hn, L_HARM) || ck_has(D, hn, L_FAULT_NOUN)) {
						a = hn;
						b = i + 1;
					}
					/* "the impact on most customers was limited":
					 * the harm heads a subject that runs on (at
					 * most four words after it, the clause's first
					 * six tokens) */
					for (size_t q = clause_back(D, k, 6); !b && q + 1 < hn && q + 5 >= hn; q++)
						if ((ck_has(D, q, L_HARM) || ck_has(D, q, L_FAULT_NOUN)) &&
						    (ck_is(D, q + 1, "on") || ck_is(D, q + 1, "to") || ck_is(D, q + 1, "for") ||
						     ck_is(D, q + 1, "of") || ck_is(D, q + 1, "in"))) {
							a = q;
							b = i + 1;
						}
				}
			}
			/* "a minor fault", "some slight weeping", "the fading is
			 * slight", "relatively minor": "minor" and "slight" judge
			 * whatever they describe small (dev sets holdout20-357:
			 * writers marked all 314 uses of "minor" and all 133 of
			 * "slight"; "slightly wider" describes, and stays unread)
			 * — not a key, a class of thing or a child (judged_small) */
			if (!b && (ck_is(D, i, "minor") || ck_is(D, i, "slight")))
				b = judged_small(D, i, &a);
		} else if (ck_has(D, i, L_MIN_ADV) && !minimizer_negated(D, i) && (few = few_noticed(D, i)) != 0) {
			b = few;
		} else if (ck_has(D, i, L_MIN_ADV) && (few = only_what_it_was(D, i)) != 0) {
			/* "it was only a scrape", "it's only the one gig": from
			 * its subject */
			a = i - 2;
			b = few;
		} else if (ck_has(D, i, L_MIN_ADV) && !minimizer_negated(D, i)) {
			/* "the only thing", "not only", "if only": not about size */
			if (i > 0 && !(D->tok[i].gap & (CK_G_SENT | CK_G_CLAUSE)) &&
			    (ck_is(D, i - 1, "the") || ck_is(D, i - 1, "if") || ck_is(D, i - 1, "a") ||
			     ck_is(D, i - 1, "an") || ck_is(D, i - 1, "not")))
				continue;
			/* "the maker can only send a second board on Thursday":
			 * after a modal, "only" limits what someone can do, and
			 * the count after it is no harm made small; unless the
			 * verb sizes the harm: "it will only take a minute",
			 * "this may only affect a few of you" */
			static const char *const modal[] = {"can", "could", "will", "would", "may", "might",
				"must", "shall", "should", NULL};
			static const char *const sizing[] = {"take", "last", "affect", "be", "cause", "mean", "hit",
				"touch", "delay", "lose", "miss", NULL};
			bool limit = false;
			for (size_t q = 0; modal[q] && i > 0 && !breaks_clause(D, i); q++)
				limit = limit || ck_is(D, i - 1, modal[q]);
			for (size_t q = 0; limit && sizing[q] && i + 1 < D->ntok; q++)
				limit = !ck_is(D, i + 1, sizing[q]);
			if (limit && i + 1 < D->ntok && !ck_has(D, i + 1, L_HARM))
				continue;
			if (our_act_counted(D, i))
				continue;
			size_t n1 = i + 1;
			if (n1 >= D->ntok || breaks_clause(D, n1))
				continue;
			/* "just now", "just wanted": time, not size */
			if (ck_has(D, n1, L_TIME_WORD))
				continue;
			/* "it warns only when a new one is made", "only if the
			 * gate is shut": a conjunction after it limits when
			 * something holds, and what follows is no harm made small */
			static const char *const conj[] = {"when", "if", "once", "after", "until", "while", "where",
				"whenever", NULL};
			if (ck_is_any(D, n1, conj))
				continue;
			/* "only the EU region is still affected": a scope, not a size */
			static const char *const det[] = {"the", "this", "that", "these", "those", "our",
				"your", "their", "its", "my", "his", "her", "we", "i", "you", "they", NULL};
			if (ck_is_any(D, n1, det))
				continue;
			for (size_t k = n1; k < D->ntok && k <= i + 4 && !breaks_clause(D, k > n1 ? k : n1 + 0); k++) {
				if (k > n1 && breaks_clause(D, k))
					break;
				if (ck_has(D, k, L_HARM) || ck_has(D, k, L_MIN_NOUN) || ck_has(D, k, L_MIN_ADJ)) {
					b = k + 1;
					/* take the harm noun after an adjective too */
					while (b < D->ntok && b <= k + 2 && !breaks_clause(D, b) &&
					       (ck_has(D, b, L_HARM) || ck_has(D, b, L_MIN_NOUN) || ck_has(D, b, L_MIN_ADJ) ||
						ck_has(D, b, L_QUANTITY)))
						b++;
					break;
				}
				/* "a" counts one only as a span or a sum: "it's
				 * only a week", "just a hundred euros" */
				if (k == n1 && (ck_is(D, k, "a") || ck_is(D, k, "an")) && money_or_past_span(D, i, k)) {
					b = k + 2;
					/* "only an extra week": the span after "extra" */
					if (ck_is(D, k + 1, "extra") || ck_is(D, k + 1, "additional") || ck_is(D, k + 1, "further"))
						b++;
					break;
				}
				/* "just one of those things": the idiom of fate
				 * (blame-shift's), no count */
				if (ck_is(D, k, "one") && ck_is(D, k + 1, "of") &&
				    (ck_is(D, k + 2, "those") || ck_is(D, k + 2, "these")) &&
				    (ck_is(D, k + 3, "things") || ck_is(D, k + 3, "days")))
					break;
				/* or the amount "by" which a thing changed: "shrank
				 * by just a few centimetres", "rose by only 2%" */
				if ((ck_has(D, k, L_QUANTITY) || D->tok[k].type == CK_NUM) && counted_at(D, n1, k) &&
				    (harm_context(D, i) || still_left(D, k + 1) || money_or_past_span(D, i, k) ||
				     (k <= n1 + 1 && few_days(D, k)) ||
				     counts_audience(D, k + 1) || (ck_is(D, i - 1, "by") && !breaks_clause(D, i)) ||
				     it_was_small(D, i) || reach_verb(D, n1, k) || reach_before(D, i))) {
					/* "only one of our engineers knew how", "only two
					 * people": a count of our staff, not of the harm */
					if (counts_staff(D, k + 1))
						break;
					/* "a kink that only a 125 mm liner will pass": the
					 * counted thing is the subject of a modal and a verb
					 * that does not size harm — which one can, not how
					 * much harm */
					if (D->tok[k].type == CK_NUM && scope_of_modal(D, k + 1))
						break;
					b = k + 1;
					while (b < D->ntok && b <= k + 2 && !breaks_clause(D, b) && ck_has(D, b, L_QUANTITY))
						b++;
					break;
				}
			}
		}
		if (!b)
			continue;
		/* widen to minimisers just before ("just a small hiccup") */
		while (a > 0 && !breaks_clause(D, a) &&
		       (ck_has(D, a - 1, L_MIN_ADJ) || ck_has(D, a - 1, L_MIN_ADV) || ck_is(D, a - 1, "a")) &&
		       a - 1 >= done)
			a--;
		if (ck_is(D, a, "a"))
			a++;
		if (a >= b)
			continue;
		minimizing_emit(c, r, a, b);
		done = b;
	}
}

static bool overlaps_list(const struct ck_doc *d, size_t first, size_t last, enum ck_list l)
{
	for (size_t h = hit_near(d, first); h < d->nhit && d->hit[h].first < last; h++) {
		const struct ck_hit *x = &d->hit[h];
		if (x->list == l && x->first < last && first < x->last)
			return true;
	}
	return false;
}

/* Whether hedging hit h hedges: not in a question, not the reader's own
 * "you may", not a thing's ability, the month May, a condition, a norm, an
 * admission, a prohibition, money's usual time to arrive, a greeting or
 * the stock apology's "this may have caused". */
static bool hedge_counts(struct ck_ctx *c, const struct ck_hit *h)
{
	size_t i = h->first;
	if (is_question(D, i))
		return false;
	if (i > 0 && !breaks_clause(D, i) && is_second_person(D, i - 1))
		return false; /* "you may reply", "you might have noticed" */
	/* "an option which may suit you" tells what a thing could do; "…,
	 * which might take until Thursday" hedges how long our work lasts.
	 * Only a modal tells what a thing could do: "…, which probably made it
	 * worse" hedges what happened, and so does a modal with "have" ("…,
	 * which might have caused the declines": a guess at the past, not an
	 * ability) */
	static const char *const lasts[] = {"take", "last", "run", "slip", "need", "delay", NULL};
	static const char *const modal[] = {"may", "might", "could", "can", NULL};
	if (i > 0 && !breaks_clause(D, i) && ck_is(D, i - 1, "which") && ck_is_any(D, i, modal) &&
	    !ck_is_any(D, h->last, lasts) && !ck_is(D, h->last - 1, "have"))
		return false;
	if (ck_is(D, i, "may")) {
		/* the month: "May 5", "on May" */
		if (((D->tok[i].flags & CK_TF_CAP) && !(D->tok[i].gap & CK_G_SENT)) ||
		    (i + 1 < D->ntok && D->tok[i + 1].type == CK_NUM) ||
		    (i > 0 && D->tok[i - 1].type == CK_NUM))
			return false;
		if (ck_is(D, i + 1, "i") || ck_is(D, i + 1, "we"))
			return false;
		/* "may" alone forecasts only after a pronoun of ours or of the
		 * thing ("it may slip a little", "we may also look at …"):
		 * not "you may reply", "customers may see" (people allowed or
		 * told), "nobody may start", nor a purpose ("so that we may
		 * check"), nor the stock apology's "any inconvenience this may
		 * cause", which apology.generic reports */
		if (h->last == i + 1) {
			static const char *const subj[] = {"it", "this", "we", "i", "they", NULL};
			/* a thing as the subject and a verb of how long or
			 * whether the work holds ("some results may slip",
			 * "the backlog may be cleared by Friday"): a forecast
			 * too, where "customers may see" tells people what
			 * they can do */
			bool thing = i > 0 && !breaks_clause(D, i) && D->tok[i - 1].type == CK_WORD &&
				     (ck_is_any(D, i + 1, lasts) || ck_is(D, i + 1, "be")) &&
				     !ck_has(D, i - 1, L_AUDIENCE) && !ck_has(D, i - 1, L_TEAM) &&
				     !ck_has(D, i - 1, L_STOPWORD) && !is_second_person(D, i - 1);
			if (i == 0 || breaks_clause(D, i) || !(ck_is_any(D, i - 1, subj) || thing) ||
			    (i > 1 && !breaks_clause(D, i - 1) && ck_is(D, i - 2, "that")))
				return false;
			/* "any inconvenience this may cause"; "no batch may be
			 * resubmitted until …" forbids, it does not forecast */
			for (size_t k = i - 1; k > 0 && i - k < 4 && !breaks_clause(D, k); k--)
				if (ck_is(D, k - 1, "any") || ck_is(D, k - 1, "no"))
					return false;
		}
	}
	/* "any confusion this may have caused", "any stress this might have
	 * caused": the stock apology, whatever its noun (apology.generic
	 * reports the phrases it knows) */
	if ((ck_is(D, i, "may") || ck_is(D, i, "might")) && ck_is(D, i + 1, "have"))
		for (size_t k = i; k > 0 && i - k < 4 && !breaks_clause(D, k); k--)
			if (ck_is(D, k - 1, "any"))
				return false;
	if (ck_is(D, i, "should")) {
		/* "should you need anything", "should it recur": a condition;
		 * a line may open with one ("Regards,\nShould you need …"),
		 * but in text wrapped at a fixed width a lower-case "should"
		 * opening a line goes on the sentence before it ("… all
		 * accounts\nshould now be accessible") unless a subject
		 * follows it, as in the condition */
		static const char *const who[] = {"you", "it", "we", "they", "there", "this", "that", "anything",
			"anyone", "any", NULL};
		/* "… once the sensors are in stock, should be Tuesday",
		 * "Should be sorted after that.": "be" right after, no subject
		 * between, is the forecast with its subject left out, never the
		 * inverted condition */
		bool bare = i + 1 < D->ntok && ck_is(D, i + 1, "be") && !breaks_clause(D, i + 1);
		if (!bare && (i == 0 || breaks_clause(D, i) ||
			      ((D->tok[i].gap & CK_G_LINE) && ((D->tok[i].flags & CK_TF_CAP) || ck_is_any(D, i + 1, who)))))
			return false;
		/* within a sentence too: "please contact us should you have
		 * any questions" (a subject after "should" inverts a condition;
		 * "it should be ready" has its subject before) */
		if (ck_is_any(D, i + 1, who) && !breaks_clause(D, i + 1))
			return false;
		/* "your refund has been processed and should show in your
		 * account within three working days": once the sentence has
		 * told the payment made (has/have, perhaps now, already or
		 * just, perhaps been, and a past form before "should", or
		 * was/were and a past form), the
		 * bank's usual time for the money to arrive,
		 * not a forecast of our work ("the refund should reach your
		 * account by Friday" still is one) */
		static const char *const lands[] = {"show", "appear", "reach", "arrive", "land", "clear", "reflect",
			NULL};
		static const char *const money[] = {"account", "refund", "refunded", "refunds", "payment", "payments",
			"credit", "credited", "bank", NULL};
		if (ck_is_any(D, i + 1, lands)) {
			const struct ck_sent *st = &D->sent[D->tok[i].sent];
			size_t from = i > st->first + 64 ? i - 64 : st->first;
			bool paid = false, made = false;
			for (size_t k = from; k < st->last && k < i + 64; k++) {
				paid = paid || ck_is_any(D, k, money);
				/* or in the past, "the refund was sent on Friday
				 * and should reach your account by Tuesday" */
				if ((ck_is(D, k, "was") || ck_is(D, k, "were")) && k + 1 < i && past_form(D, k + 1))
					made = true;
				if (!(ck_is(D, k, "has") || ck_is(D, k, "have")))
					continue;
				size_t v = k + 1;
				if (v < i && (ck_is(D, v, "now") || ck_is(D, v, "already") || ck_is(D, v, "just")))
					v++;
				if (v < i && ck_is(D, v, "been"))
					v++;
				made = made || (v < i && past_form(D, v));
			}
			if (paid && made)
				return false;
		}
		/* "any queries should be directed to …", "claims should be
		 * submitted via the portal": an instruction in the passive,
		 * not a forecast (writers marked none of 11; session 23) */
		static const char *const routed[] = {"directed", "submitted", "addressed", "referred", "noted",
			"lodged", "forwarded", "raised", NULL};
		if (bare && i + 2 < D->ntok && !breaks_clause(D, i + 2) && ck_is_any(D, i + 2, routed))
			return false;
		/* "clubs should continue to use the old list", "residents with
		 * no picture should retune their televisions", "anyone with an
		 * event should email us": readers told what to do (dev sets
		 * holdout20-397: 8 such reported, none marked) */
		static const char *const told[] = {"contact", "email", "e-mail", "call", "ring", "phone", "continue",
			"retune", "note", "reply", "check", "disregard", "ignore", NULL};
		if (i + 1 < D->ntok && !breaks_clause(D, i + 1) && ck_is_any(D, i + 1, told))
			return false;
		/* "slower than they should be", "working as it should": a norm;
		 * so is "back where they should be", "did exactly what it
		 * should", "back to how it should be", "the way it should"
		 * (dev sets holdout20-397: 12 such reported, none marked) */
		static const char *const norm[] = {"where", "what", "how", "way", "like", NULL};
		static const char *const it[] = {"it", "they", "he", "she", "we", "you", "things", "everything",
			"this", "that", NULL};
		if (ck_is(D, i - 1, "than") || ck_is(D, i - 1, "as") ||
		    (i > 1 && !breaks_clause(D, i - 1) &&
		     (ck_is(D, i - 2, "than") || ck_is(D, i - 2, "as") ||
		      (ck_is_any(D, i - 2, norm) && ck_is_any(D, i - 1, it)))))
			return false;
		/* "later than our agreement says it should", "as the contract
		 * says we should": a "should" that ends its clause with no verb,
		 * "than" or "as" further back in it — the norm again */
		if (breaks_clause(D, i + 1))
			for (size_t k = clause_back(D, i, 7); k + 2 < i; k++)
				if (ck_is(D, k, "than") || ck_is(D, k, "as"))
					return false;
		/* "we should fix our alerting": what we ought to do, not a
		 * forecast; "we should be back by noon" is one, and so is "we
		 * should hopefully have it live soon" */
		if (first_person(D, i - 1) && !ck_is(D, i + 1, "be") && !ck_is(D, i + 1, "hopefully"))
			return false;
		/* "we should have tested it", "it should never have left the
		 * depot": an admission, not a forecast; "your staff should
		 * sign in again": people told what to do */
		size_t v = i + 1 + (i + 1 < D->ntok && (ck_is(D, i + 1, "never") || ck_is(D, i + 1, "not")));
		if (v < D->ntok && ck_is(D, v, "have"))
			return false;
		/* (but "the plumber should be finishing the wet rooms by
		 * Friday": one of ours in the progressive is a forecast) */
		if (ck_has(D, i - 1, L_AUDIENCE) ||
		    (ck_has(D, i - 1, L_TEAM) && !first_person(D, i - 1) &&
		     !(bare && i + 2 < D->ntok && !breaks_clause(D, i + 2) && ends_ing(D, i + 2))))
			return false;
	}
	/* "this could change", "but that could move again": "could" after
	 * a demonstrative or "it" forecasts; not denied or past ("it could
	 * not connect", "this could only …"), nor "that" after a noun, which
	 * opens a relative clause ("a server that could not keep up") */
	if (h->last == i + 2 && ck_is(D, i + 1, "could")) {
		static const char *const after[] = {"not", "never", "only", "no", NULL};
		static const char *const conj[] = {"and", "but", "so", "although", "though", "while", "because",
			"as", "yet", NULL};
		if (h->last >= D->ntok || breaks_clause(D, h->last) || ck_is_any(D, h->last, after))
			return false;
		if (ck_is(D, i, "that") && !(i == 0 || breaks_clause(D, i) || ck_is_any(D, i - 1, conj)))
			return false;
		/* "so that it could stop a bad file": a purpose; "warns us
		 * long before it could fill again": a time, not a forecast */
		if (i > 0 && !breaks_clause(D, i) && (ck_is(D, i - 1, "that") || ck_is(D, i - 1, "before")))
			return false;
	}
	/* "nobody on your side could have caught it", "no test could have
	 * shown it": a denied ability is a fact, not a hedge */
	if (ck_is(D, i, "could") && ck_is(D, i + 1, "have") &&
	    passive_negated(D, clause_back(D, i, 6), i))
		return false;
	if ((ck_is(D, h->last - 1, "believe") || ck_is(D, h->last - 1, "think")) &&
	    (ck_is(D, h->last, "in") || ck_is(D, h->last, "of")))
		return false;
	/* "confirms it appears in the diary": where a thing shows, not a
	 * guess ("it appears that …", "it appears to be …" are) */
	if ((ck_is(D, h->last - 1, "appears") || ck_is(D, h->last - 1, "appear")) && h->last < D->ntok &&
	    (ck_is(D, h->last, "in") || ck_is(D, h->last, "on") || ck_is(D, h->last, "at") ||
	     ck_is(D, h->last, "under")))
		return false;
	/* "as soon as we possibly can": as fast as it goes, not a doubt */
	if (ck_is(D, h->last - 1, "possibly") && h->last < D->ntok &&
	    (ck_is(D, h->last, "can") || ck_is(D, h->last, "could")))
		return false;
	/* "we could have warned you sooner", "little we could have done",
	 * "it could have been much worse", "the matter could have been
	 * handled better": what we failed to do or what might have
	 * happened, told in hindsight, not a guess at what did ("which
	 * could have caused the overspeed" is one). Dev sets
	 * holdout20-397: 11 such reported, none marked. */
	if (ck_is(D, h->first, "could") && h->last == h->first + 2 && ck_is(D, h->first + 1, "have")) {
		size_t p = h->first;
		if (p > 0 && !breaks_clause(D, p) &&
		    (first_person(D, p - 1) || ck_is(D, p - 1, "anyone") || ck_is(D, p - 1, "nobody") ||
		     ck_is(D, p - 1, "anybody")))
			return false;
		for (size_t k = h->last; k < D->ntok && k < h->last + 5 && !breaks_clause(D, k); k++)
			if (ck_is(D, k, "better") || ck_is(D, k, "worse") || ck_is(D, k, "sooner") ||
			    ck_is(D, k, "earlier"))
				return false;
	}
	/* "we hope this message finds you well": a greeting */
	if (ck_is(D, h->last - 1, "hope") && h->last + 2 < D->ntok &&
	    (ck_is(D, h->last, "this") || ck_is(D, h->last, "that")) && ck_is(D, h->last + 2, "finds"))
		return false;
	/* "We hope this resolves the matter", "we hope you enjoyed the
	 * rest of the day", "we hope to welcome you back": a closing wish
	 * about the matter or the reader, not a forecast of our work ("we
	 * hope to have it fixed by Friday", "we hope this will mean no more
	 * injuries" are; so is "we would hope", a hedge of its own). Dev
	 * sets holdout20-397: 26 such wishes reported, none marked. */
	if (ck_is(D, h->last - 1, "hope") && h->last >= 2 && first_person(D, h->last - 2) && h->last + 2 < D->ntok &&
	    !breaks_clause(D, h->last) && !breaks_clause(D, h->last + 1)) {
		static const char *const reader[] = {"you", "your", "she", "he", "they", NULL};
		static const char *const wish[] = {"welcome", "see", "work", "serve", "hear", "continue", NULL};
		static const char *const later[] = {"will", "'ll", "might", "may", "can", "could", "should", "would",
			NULL};
		size_t n = h->last;
		if (ck_is_any(D, n, reader))
			return false;
		if ((ck_is(D, n, "this") || ck_is(D, n, "it") || ck_is(D, n, "that")) && !ck_is_any(D, n + 1, later))
			return false;
		if (ck_is(D, n, "to") && (ck_is_any(D, n + 1, wish) || (ck_is(D, n + 1, "be") && ck_is(D, n + 2, "of"))))
			return false;
	}
	return !overlaps_list(D, h->first, h->last, L_GENERIC);
}

/* One hedged claim: hedges [first, last) and, when a second hedge in the
 * same clause was folded in, its tokens [first2, last2). */
static void hedge_emit(struct ck_ctx *c, const struct ck_rule *r, size_t first, size_t last, size_t first2,
		       size_t last2)
{
	int n, n1;
	const char *s = src(c, first, last2 > last ? last2 : last, &n);
	const char *s1 = src(c, first, last, &n1);
	if (last2 > last) {
		int n2;
		const char *s2 = src(c, first2, last2, &n2);
		ck_finding(c, r, r->sev, D->tok[first].start, D->tok[last2 - 1].end, false,
			   ck_fmt(c, "drop \"%.*s\" and \"%.*s\" and state what we know; say what is not confirmed yet and when it will be",
				  n1, s1, n2, s2),
			   "hedging: \"%.*s\" where the client is owed a fact", n, s);
		return;
	}
	ck_finding(c, r, r->sev, D->tok[first].start, D->tok[last - 1].end, false,
		   ck_fmt(c, "drop \"%.*s\" and state what we know; say what is not confirmed yet and when it will be", n1, s1),
		   "hedging: \"%.*s\" where the client is owed a fact", n, s);
}

/* The hedges of the window, overlapping hits merged (as each_hit does). A
 * hedge that follows another in the same clause, at most eight tokens
 * after it, hedges the same claim a second time ("We think this is
 * probably what caused it", "It appears the gauge may have been wrong"):
 * one finding spans both, so the claim is reported once. */
static void rule_hedging(struct ck_ctx *c, const struct ck_rule *r)
{
	struct ck_hit cur = {0, 0, 0};
	bool have = false;
	size_t pf = 0, pl = 0, qf = 0, ql = 0; /* the pending claim: its first hedge, the one folded in */
	bool pending = false;
	for (size_t h = c->h0; h <= c->h1; h++) {
		const struct ck_hit *x = h < c->h1 ? &D->hit[h] : NULL;
		if (x && x->list != L_HEDGING)
			continue;
		if (x && have && x->first < cur.last) {
			if (x->last > cur.last)
				cur.last = x->last;
			continue;
		}
		if (have && hedge_counts(c, &cur)) {
			size_t end = ql > pl ? ql : pl;
			bool same = pending && ql <= pl && cur.first >= end && cur.first - end <= 8;
			for (size_t k = end; same && k <= cur.first; k++)
				same = !breaks_clause(D, k);
			if (same) {
				qf = cur.first;
				ql = cur.last;
			} else {
				if (pending)
					hedge_emit(c, r, pf, pl, qf, ql);
				pf = cur.first, pl = cur.last, qf = ql = 0;
				pending = true;
			}
		}
		if (!x)
			break;
		cur = *x;
		have = true;
	}
	if (pending)
		hedge_emit(c, r, pf, pl, qf, ql);
}

/* Token i belongs to a word or phrase of status_tags.txt. */
static bool tag_listed(const struct ck_doc *d, size_t i)
{
	return ck_has(d, i, L_STATUS_TAG) || overlaps_list(d, i, i + 1, L_STATUS_TAG);
}

/* Token i is part of a status tag in brackets, nothing but status_tags.txt
 * words and phrases between them: "[In progress]", "[POSTMORTEM]". A tag
 * labels the update, it is not prose: template.unfilled does not read it as
 * a placeholder (status_tag), tone.jargon not as jargon or an acronym. A tag
 * is a few words: at most four each way. */
static bool bracketed_tag(const struct ck_doc *d, size_t i)
{
	if (!tag_listed(d, i))
		return false;
	size_t a = i, b = i;
	while (ck_pre_cp(d, a) != '[') {
		if (a == 0 || i - a >= 4 || breaks_clause(d, a) || !tag_listed(d, a - 1))
			return false;
		a--;
	}
	while (ck_post_cp(d, b) != ']') {
		if (b + 1 >= d->ntok || b - i >= 4 || breaks_clause(d, b + 1) || !tag_listed(d, b + 1))
			return false;
		b++;
	}
	return true;
}

/* Token i, in capitals, is one of the words in capitals that alone fill
 * a pair of brackets ("[DATE]", "[CLUB NAME]"): a placeholder, which is
 * template.unfilled's, not an acronym. At most four words each way. */
static bool caps_bracketed(const struct ck_doc *d, size_t i)
{
	size_t a = i, b = i;
	while (ck_pre_cp(d, a) != '[') {
		if (a == 0 || i - a >= 4 || (d->tok[a].gap & CK_G_SENT) || !(d->tok[a - 1].flags & CK_TF_ALLCAPS))
			return false;
		a--;
	}
	while (ck_post_cp(d, b) != ']') {
		if (b + 1 >= d->ntok || b - i >= 4 || (d->tok[b + 1].gap & CK_G_SENT) ||
		    !(d->tok[b + 1].flags & CK_TF_ALLCAPS))
			return false;
		b++;
	}
	return true;
}

/* W (lower case) names a kind of message (policy.yaml's kinds in their
 * plain words): set in capitals at a line's start it tags the message. */
static bool message_kind_word(const char *w)
{
	static const char *const kinds[] = {"plan", "review", "resolution", "apology", "delay", "progress",
		NULL};
	for (size_t k = 0; kinds[k]; k++)
		if (!strcmp(w, kinds[k]))
			return true;
	return false;
}

/* Token i, in capitals, is part of a heading or a sign-off, not an
 * acronym: a run of words in capitals that opens its line and ends with
 * it or at a clause mark, words of five letters or more ("POST-INCIDENT
 * REVIEW: Sample swap", "STATUS UPDATE - Bounce Republic", "STATUS:
 * Thursday sessions"; an acronym is rarely that long, and a listed
 * jargon word is reported before this is asked), token i being one of
 * those long words or hyphened to one; or one word of two or
 * three letters alone on one of the last three lines ("GG,", "TA": a
 * valediction or initials). */
static bool caps_heading(const struct ck_doc *d, size_t i)
{
	size_t a = i, e = i + 1;
	while (a > 0 && !(d->tok[a].gap & CK_G_LINE) && d->tok[a - 1].type == CK_WORD &&
	       (d->tok[a - 1].flags & CK_TF_ALLCAPS) && !breaks_clause(d, a))
		a--;
	if (a > 0 && !(d->tok[a].gap & CK_G_LINE))
		return false;
	while (e < d->ntok && !(d->tok[e].gap & CK_G_LINE) && !breaks_clause(d, e) && d->tok[e].type == CK_WORD &&
	       (d->tok[e].flags & CK_TF_ALLCAPS))
		e++;
	bool ends = e == d->ntok || (d->tok[e].gap & CK_G_LINE);
	if (e == a + 1 && ends && d->tok[i].nlen <= 3) {
		size_t lines = 0;
		for (size_t k = e; k < d->ntok && lines <= 2; k++)
			if (d->tok[k].gap & CK_G_LINE)
				lines++;
		return lines <= 2;
	}
	if (!ends && !breaks_clause(d, e))
		return false;
	/* the long words themselves, and one hyphened to them ("POST-" of
	 * "POST-INCIDENT"); a short one beside them may be an acronym ("NOC
	 * UPDATE:") */
	return d->tok[i].nlen >= 5 || (i + 1 < e && (d->tok[i + 1].flags & CK_TF_HYPH) && d->tok[i + 1].nlen >= 5) ||
	       (i > a && (d->tok[i].flags & CK_TF_HYPH) && d->tok[i - 1].nlen >= 5);
}

/* "port" at token i in its network sense: a number after it ("port
 * 443") or a network word within 24 words either side in its sentence
 * ("a firewall rule closed the port for your shop"). */
static bool network_port(const struct ck_doc *d, size_t i)
{
	static const char *const net[] = {"firewall", "firewalls", "network", "networks", "router", "routers",
		"server", "servers", "tcp", "udp", "connect", "connects", "connection", "connections", "socket",
		"vpn", "ip", "dns", "proxy", "http", "https", "ssh", "tls", NULL};
	if (i + 1 < d->ntok && d->tok[i + 1].type == CK_NUM && !breaks_clause(d, i + 1))
		return true;
	/* "the port of Felixstowe": a harbour by its name, whatever else
	 * the sentence says */
	if (i + 2 < d->ntok && ck_is(d, i + 1, "of") && !breaks_clause(d, i + 1) && !breaks_clause(d, i + 2) &&
	    (d->tok[i + 2].flags & CK_TF_CAP))
		return false;
	size_t s = d->tok[i].sent, a = i > 24 ? i - 24 : 0;
	for (size_t k = a; k < d->ntok && k <= i + 24; k++) {
		if (d->tok[k].sent != s)
			continue;
		/* "our network of depots", "a network of couriers": a chain
		 * of places or people, not a computer network */
		if ((ck_is(d, k, "network") || ck_is(d, k, "networks")) && k + 1 < d->ntok && ck_is(d, k + 1, "of"))
			continue;
		if (ck_is_any(d, k, net))
			return true;
	}
	return false;
}

/* Token a opens a line and the line before it is a name and nothing
 * else: one to four capitalised words ("Lena Brooks", "Dr Aisha Bello"),
 * the way a signature puts the writer's name above their title. */
static bool under_name_line(const struct ck_doc *d, size_t a)
{
	if (a == 0 || !(d->tok[a].gap & CK_G_LINE) || (d->tok[a].gap & CK_G_PARA))
		return false;
	for (size_t k = a - 1, n = 1;; k--, n++) {
		if (n > 4 || d->tok[k].type != CK_WORD || !(d->tok[k].flags & CK_TF_CAP))
			return false;
		if (k == 0 || (d->tok[k].gap & CK_G_LINE))
			return true;
		if (d->tok[k].gap & (CK_G_CLAUSE | CK_G_PUNCT))
			return false;
	}
}

/* Tokens [a, b) open a job title after a name, with a role after them:
 * after a comma and a capitalised word (the name's last: "Hannah Cole,
 * SRE lead", "Ravi Chandra, DevOps manager"), or at the start of the line
 * under a name line ("Lena Brooks" / "SRE Lead, Depotline"). "the SRE
 * team restarted it" is no title. */
static bool job_title(const struct ck_doc *d, size_t a, size_t b)
{
	static const char *const role[] = {"lead", "manager", "engineer", "director", "head", "architect",
		"officer", "specialist", "consultant", NULL};
	if (a == 0 || b >= d->ntok || breaks_clause(d, b) || !ck_is_any(d, b, role))
		return false;
	if ((d->tok[a].gap & CK_G_CLAUSE) && !(d->tok[a].gap & CK_G_SENT) && d->tok[a].clause_ch == ',' &&
	    (d->tok[a - 1].flags & CK_TF_CAP) && d->tok[a - 1].type == CK_WORD)
		return true;
	return under_name_line(d, a);
}

/* Token i is written with one capital, then lower case only ("Kasia",
 * "Staging"; not "SKUs", "TLS"): a name's or a sentence's first letter,
 * not an acronym. */
static bool one_capital(const struct ck_doc *d, size_t i)
{
	const struct ck_tok *t = &d->tok[i];
	if (!(t->flags & CK_TF_CAP) || t->type != CK_WORD)
		return false;
	for (size_t k = t->start + 1; k < t->end; k++)
		if (d->text[k] >= 'A' && d->text[k] <= 'Z')
			return false;
	return true;
}

/* A machine of ours (a worker, node, pod, instance, server, container,
 * host or process) within four words of token i in its clause. */
static bool machine_beside(const struct ck_doc *d, size_t i)
{
	static const char *const machine[] = {"worker", "workers", "node", "nodes", "pod", "pods", "instance",
		"instances", "server", "servers", "container", "containers", "host", "hosts", "process",
		"processes", "machine", "machines", "vm", "vms", NULL};
	for (size_t k = i; k > 0 && i - k < 4 && !breaks_clause(d, k); k--)
		if (ck_is_any(d, k - 1, machine))
			return true;
	for (size_t k = i + 1; k < d->ntok && k <= i + 4 && !breaks_clause(d, k); k++)
		if (ck_is_any(d, k, machine))
			return true;
	return false;
}

/* Tokens [first, last) are one side of a name joined by an ampersand:
 * "Cache & Compass", "PENROSE & WIDLE" — " & " right after them or right
 * before them, with a capitalised word on its other side (dev sets
 * holdout20-373: 8 jargon findings in such names, none marked). */
static bool ampersand_name(const struct ck_doc *d, size_t first, size_t last)
{
	const char *s = d->text;
	size_t a = d->tok[first].start, b = d->tok[last - 1].end;
	if (last < d->ntok && b + 3 == d->tok[last].start && memcmp(s + b, " & ", 3) == 0 &&
	    (d->tok[last].flags & CK_TF_CAP) && d->tok[last].type == CK_WORD)
		return true;
	return first > 0 && a >= 3 && d->tok[first - 1].end + 3 == a && memcmp(s + a - 3, " & ", 3) == 0 &&
	       (d->tok[first - 1].flags & CK_TF_CAP) && d->tok[first - 1].type == CK_WORD;
}

/* Whether the jargon hit h is no jargon where it stands: defined in
 * place, a tag, a harbour, a third party placed in a chain, part of a
 * company's name or a job title. */
static bool jargon_exempt(const struct ck_doc *d, const struct ck_hit *h)
{
	/* defined in place: "RCA (root-cause analysis)" */
	if (ck_post_cp(d, h->last - 1) == '(' || ck_pre_cp(d, h->first) == '(')
		return true;
	/* a status tag: "[POSTMORTEM] Checkout errors on 3 May" */
	if (bracketed_tag(d, h->first))
		return true;
	/* "a 200 lb delivery", "5 lb 4 oz": pounds after a number, not a
	 * load balancer (dev sets holdout20-333: 6 such findings, none
	 * marked; "the LB health checks" keeps its sense) */
	if (ck_is(d, h->first, "lb") && h->first > 0 && d->tok[h->first - 1].type == CK_NUM &&
	    !breaks_clause(d, h->first))
		return true;
	/* "recycled" is operations slang for machines restarted ("the
	 * affected pods were recycled"), and else the plain word: stock,
	 * board or copies recycled (dev sets holdout20-333: 7 findings of
	 * it with no machine beside it, none marked) */
	if (ck_is(d, h->first, "recycled") && !machine_beside(d, h->first))
		return true;
	/* "held at the port of Antwerp" is a harbour, not our network */
	if ((ck_is(d, h->first, "port") || ck_is(d, h->first, "ports")) && !network_port(d, h->first))
		return true;
	/* "an upstream carrier", "a downstream supplier": the word only
	 * places a third party (vendors.txt) in the chain, in plain English
	 * (one word may come between);
	 * "upstream timeouts" keeps its engineering sense */
	if ((ck_is(d, h->first, "upstream") || ck_is(d, h->first, "downstream")) && !breaks_clause(d, h->last) &&
	    (overlaps_list(d, h->first, h->last + 1, L_VENDOR) ||
	     /* one word may say what the party does: "our upstream
	      * transit provider" */
	     (!breaks_clause(d, h->last + 1) && overlaps_list(d, h->last + 1, h->last + 2, L_VENDOR))))
		return true;
	/* "Harland Aggregates", "Mobile Staging", "Hivewatch Telemetry": a
	 * capitalised word (not in capitals, not a product's mixed case) after
	 * another capitalised word that is no stopword, inside its sentence,
	 * is part of a name — a company's, not our internals (dev sets
	 * holdout20-311: 15 such findings, none marked; "The TLS
	 * certificate" opens with a stopword) */
	if (h->first > 0 && !breaks_clause(d, h->first) && one_capital(d, h->first)) {
		const struct ck_tok *p = &d->tok[h->first - 1];
		if (p->type == CK_WORD && (p->flags & CK_TF_CAP) && !ck_has(d, h->first - 1, L_STOPWORD))
			return true;
	}
	if ((d->tok[h->first].flags & CK_TF_CAP) && ampersand_name(d, h->first, h->last))
		return true;
	/* "your Canary Wharf office": a capitalised word of one capital that
	 * a capitalised word (no stopword, no weekday or month) follows in
	 * its clause, past the sentence's first word, opens a name (dev sets
	 * holdout20-405: 9 such findings, none marked) */
	if (h->last == h->first + 1 && h->first > d->sent[d->tok[h->first].sent].first && one_capital(d, h->first) &&
	    h->last < d->ntok && !breaks_clause(d, h->last) && one_capital(d, h->last) &&
	    !ck_has(d, h->last, L_STOPWORD) && !ck_has(d, h->last, L_TIME_WORD) && d->tok[h->last].kw < 0)
		return true;
	/* "Priya Raman, SRE lead, …": part of a person's job title after
	 * their name, which says who writes, not what happened */
	return job_title(d, h->first, h->last);
}

/* Two listed terms side by side in one clause ("the Redis cluster", "a
 * BGP session"), each jargon where it stands, are one term: one finding
 * over both, as a reader counts it. */
static bool jargon_joins(const struct ck_doc *d, const struct ck_hit *cur, const struct ck_hit *x)
{
	return x->first == cur->last && !breaks_clause(d, x->first) && !jargon_exempt(d, cur) && !jargon_exempt(d, x);
}

/* The jargon terms reported so far: a listed term (or a product's name)
 * is reported at its first use only, as an acronym is — explained once,
 * it is known for the rest of the message, and writers mark the first
 * use (every one of the 38 later uses the checker reported over the dev
 * sets went unmarked). A term is its tokens' normalised forms, in order;
 * open addressing on their combined hash, the table at most half full. */
struct ck_term_use { uint64_t hash; uint32_t first, n; };

static uint64_t term_hash(const struct ck_doc *d, size_t first, size_t last)
{
	uint64_t h = 1469598103934665603u;
	for (size_t k = first; k < last; k++)
		h = (h ^ d->tok[k].hash) * 1099511628211u;
	return h | 1u; /* 0 marks a free slot */
}

static bool term_same(const struct ck_doc *d, const struct ck_term_use *u, size_t first, size_t n)
{
	if (u->n != n)
		return false;
	for (size_t k = 0; k < n; k++)
		if (d->tok[u->first + k].hash != d->tok[first + k].hash ||
		    strcmp(ck_norm(d, u->first + k), ck_norm(d, first + k)) != 0)
			return false;
	return true;
}

/* Whether the term at tokens [first, last) was reported before; if not,
 * it is now recorded as reported. */
static bool term_seen(struct ck_ctx *c, size_t first, size_t last)
{
	uint64_t h = term_hash(D, first, last);
	size_t n = last - first;
	if (!c->terms || 2 * (c->nterms + 1) > c->tmask + 1) {
		size_t cap = c->terms ? 2 * (c->tmask + 1) : 32;
		struct ck_term_use *t = calloc(cap, sizeof *t);
		if (!t) {
			c->oom = true;
			return true;
		}
		for (size_t j = 0; c->terms && j <= c->tmask; j++)
			if (c->terms[j].hash) {
				size_t k = c->terms[j].hash & (cap - 1);
				while (t[k].hash)
					k = (k + 1) & (cap - 1);
				t[k] = c->terms[j];
			}
		free(c->terms);
		c->terms = t;
		c->tmask = cap - 1;
	}
	size_t j = h & c->tmask;
	for (; c->terms[j].hash; j = (j + 1) & c->tmask)
		if (c->terms[j].hash == h && term_same(D, &c->terms[j], first, n))
			return true;
	c->terms[j] = (struct ck_term_use){h, (uint32_t)first, (uint32_t)n};
	c->nterms++;
	return false;
}

static void jargon_one(struct ck_ctx *c, const struct ck_rule *r, const struct ck_hit *h)
{
	if (jargon_exempt(D, h) || term_seen(c, h->first, h->last))
		return;
	int n;
	const char *s = src(c, h->first, h->last, &n);
	ck_finding(c, r, r->sev, D->tok[h->first].start, D->tok[h->last - 1].end, false,
		   ck_fmt(c, "say what it means in plain words, or drop it"),
		   "\"%.*s\" is internal jargon the client may not know", n, s);
}

/* For the acronym check: the words of 2-6 bytes seen so far (the only
 * lengths an acronym that can be reported has), each with its first use in
 * any case and whether a use is defined in place "(…)". Open addressing on
 * the token hash; the table holds one entry a distinct word, so it stays
 * small and in cache however long the message. The span rules add a
 * window's tokens when they reach it (words_upto): an acronym is reported
 * at its first use, and whether any use, also a later one, defines it is
 * known only once every window is in, so a candidate waits in c->acr until
 * acronyms_flush (ck_run_rules, after the windows). */
struct ck_word_use { uint32_t first; bool defined; bool used; };

static size_t word_slot(const struct ck_ctx *c, const struct ck_word_use *u, size_t mask, size_t i)
{
	const struct ck_tok *t = &D->tok[i];
	size_t j = t->hash & mask;
	while (u[j].used && (D->tok[u[j].first].hash != t->hash ||
			     strcmp(ck_norm(D, u[j].first), ck_norm(D, i)) != 0))
		j = (j + 1) & mask;
	return j;
}

/* Doubles the table (64 slots at first), keeping it at most half full. */
static bool words_grow(struct ck_ctx *c)
{
	size_t cap = c->uses ? 2 * (c->umask + 1) : 64;
	struct ck_word_use *u = calloc(cap, sizeof *u);
	if (!u) {
		c->oom = true;
		return false;
	}
	for (size_t j = 0; c->uses && j <= c->umask; j++)
		if (c->uses[j].used) {
			size_t k = D->tok[c->uses[j].first].hash & (cap - 1);
			while (u[k].used)
				k = (k + 1) & (cap - 1);
			u[k] = c->uses[j];
		}
	free(c->uses);
	c->uses = u;
	c->umask = cap - 1;
	return true;
}

/* "(" right before token i or right after it, across spaces and tabs:
 * ck_pre_cp(d, i) == '(' || ck_post_cp(d, i) == '(' without decoding, for
 * words_upto's every word (no token starts with "(", and a contraction's
 * second half follows a letter). */
static inline bool paren_beside(const struct ck_doc *d, size_t i)
{
	const char *s = d->text;
	size_t p = d->tok[i].start, q = d->tok[i].end;
	while (p > 0 && (s[p - 1] == ' ' || s[p - 1] == '\t'))
		p--;
	while (q < d->len && (s[q] == ' ' || s[q] == '\t'))
		q++;
	return (p > 0 && s[p - 1] == '(') || (q < d->len && s[q] == '(');
}

/* Adds the uses of tokens [c->words_done, end) to the table. */
static bool words_upto(struct ck_ctx *c, size_t end)
{
	for (size_t k = c->words_done; k < end; k++) {
		const struct ck_tok *t = &D->tok[k];
		if (t->nlen < 2 || t->nlen > 6)
			continue;
		if (!c->uses || 2 * (c->nuses + 1) > c->umask + 1) {
			if (!words_grow(c))
				return false;
		}
		struct ck_word_use *u = &c->uses[word_slot(c, c->uses, c->umask, k)];
		if (!u->used) {
			*u = (struct ck_word_use){(uint32_t)k, false, true};
			c->nuses++;
		}
		if (paren_beside(D, k))
			u->defined = true;
	}
	if (end > c->words_done)
		c->words_done = end;
	return true;
}

static void acronym_finding(struct ck_ctx *c, const struct ck_rule *r, size_t i)
{
	const struct ck_tok *t = &D->tok[i];
	ck_finding(c, r, RD_SEV_INFO, t->start, t->end, false,
		   ck_fmt(c, "spell it out on first use: \"<words> (%.*s)\"", (int)(t->end - t->start),
		       D->text + t->start),
		   "acronym \"%.*s\" may be unknown to the client", (int)(t->end - t->start),
		   D->text + t->start);
}

/* The acronyms of every window that were first uses and not defined there:
 * reported now unless a later use defined them. */
static void acronyms_flush(struct ck_ctx *c)
{
	if (!c->nacr || c->oom || !words_upto(c, D->ntok))
		return;
	for (size_t k = 0; k < c->nacr && !c->oom; k++) {
		size_t i = c->acr[k];
		if (!c->uses[word_slot(c, c->uses, c->umask, i)].defined)
			acronym_finding(c, c->jargon_rule, i);
	}
	c->nacr = 0;
}

static bool unfilled_word(const struct ck_doc *d, size_t i);

/* Token i comes right after a time of day in its clause: "12:00",
 * "3pm", "8 am" (a number with a colon, or "am"/"pm" after a number or
 * glued to one). */
static bool after_clock(const struct ck_doc *d, size_t i)
{
	if (i == 0 || breaks_clause(d, i))
		return false;
	const struct ck_tok *p = &d->tok[i - 1];
	const char *w = d->norm + p->norm;
	if (p->type == CK_NUM)
		return memchr(w, ':', p->nlen) != NULL ||
		       (p->nlen > 2 && (!memcmp(w + p->nlen - 2, "am", 2) || !memcmp(w + p->nlen - 2, "pm", 2)));
	return (ck_is(d, i - 1, "am") || ck_is(d, i - 1, "pm")) && i > 1 && d->tok[i - 2].type == CK_NUM;
}

/* "UPS" is the courier, known by its initials, in a sentence about
 * sending something ("left our shop this morning with UPS, tracking
 * 1Z…", "delayed two days in the UPS network", "by UPS, arriving
 * Wednesday"); elsewhere it may be a power supply, which is jargon ("a
 * dedicated UPS in the plant room"). */
static bool carrier_sentence(const struct ck_doc *d, size_t sent)
{
	static const char *const sending[] = {"ship", "shipped", "shipping", "ships", "tracking", "parcel",
		"parcels", "package", "packages", "courier", "drop", "dropped", "network", "ground", "label",
		"delivery", "delivered", "box", "claim", "dispatched", "sent", "arriving", "arrives", "arrive",
		"freight", "collection", "collected", "pickup", NULL};
	const struct ck_sent *s = &d->sent[sent];
	for (size_t k = s->first; k < s->last; k++)
		if (ck_is_any(d, k, sending))
			return true;
	return false;
}

/* A byte of a reference code: an ASCII letter or digit, "/" or "-" (no
 * locale: isalnum reads the thread's). */
static inline bool code_char(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '/' ||
	       ch == '-';
}

/* Token t is a part of a reference code: the run of letters, digits,
 * hyphens and slashes around it (no space, 40 bytes each way at most)
 * holds a slash and a digit ("CW/INV/0412", "SAC/CHEM/2026/431"); not a
 * pair of words, "CAD/CAM", "PHE/UKHSA". Or the run is one or two
 * capitals, a hyphen and three or four capitals, the shape of an
 * aircraft's registration or an account code ("ZS-KMA", "VT-DWK",
 * "KW-INC"): dev sets holdout20-365, 11 of 11 such codes reported were
 * unmarked; "GC-MS", "HDMI-CEC" are of other shapes. */
static bool slash_code(const struct ck_doc *d, const struct ck_tok *t)
{
	bool slash = false, digit = false;
	size_t a = t->start, b = t->end;
	while (a > 0 && t->start - a < 40) {
		if (!code_char(d->text[a - 1]))
			break;
		a--;
	}
	while (b < d->len && b - t->end < 40) {
		if (!code_char(d->text[b]))
			break;
		b++;
	}
	size_t caps = 0, hy = 0, left = 0;
	for (size_t k = a; k < b; k++) {
		char ch = d->text[k];
		slash |= ch == '/';
		digit |= ch >= '0' && ch <= '9';
		if (ch == '-' && !hy++)
			left = caps;
		caps += ch >= 'A' && ch <= 'Z';
	}
	if (slash)
		return digit;
	return hy == 1 && caps == b - a - 1 && left >= 1 && left <= 2 && caps - left >= 3 && caps - left <= 4;
}

/* Two capitals at token i that open or close a postal tracking number
 * (the UPU's S10: two letters, the digits, two letters): "tracking RR
 * 4471 0923 IE", "CP 4482 1195 NZ" — at most three numbers of eight or
 * nine digits in all between two words of two capitals, in one clause.
 * Dev sets holdout20-381: 5 jargon findings in such numbers, none
 * marked. */
static bool tracking_code(const struct ck_doc *d, size_t i)
{
	for (int dir = -1; dir <= 1; dir += 2) {
		size_t digits = 0, k = i;
		for (unsigned n = 0; n < 4; n++) {
			if ((dir < 0 && k == 0) || (dir > 0 && k + 1 >= d->ntok))
				break;
			size_t next = dir < 0 ? k - 1 : k + 1;
			if (breaks_clause(d, dir < 0 ? k : next))
				break;
			k = next;
			if (d->tok[k].type == CK_NUM && n < 3) {
				digits += d->tok[k].nlen;
				continue;
			}
			if (digits >= 8 && digits <= 9 && d->tok[k].type == CK_WORD && d->tok[k].nlen == 2 &&
			    (d->tok[k].flags & CK_TF_ALLCAPS))
				return true;
			break;
		}
	}
	return false;
}

/* "per our WR-3 procedure", "the WO-3318 sheet", "as WI-12 requires",
 * "under the new WI-07:": capitals, a hyphen and a number (token i the
 * capitals) that name one of our own procedures or documents rather
 * than the client's record — a word of a document or a check after the
 * number (procedure, sheet, gate, pass, form, checklist, spec, standard,
 * process, step, log, card, instruction, jig, sign-off), or "requires";
 * or "under" or "per" before it (past the, our, new, old, revised or
 * updated) with its clause ending after the number; or "our" before it
 * and a number of one or two digits ("our QP-14 check", below). Not
 * "your order GO-4471", "ref PP-0917", "our BS-300 sensors", "the VP-09
 * check". Dev sets holdout20-389: 10 such codes marked and unreported,
 * none unmarked. */
static bool procedure_code(const struct ck_doc *d, size_t i)
{
	static const char *const doc[] = {"procedure", "procedures", "sheet", "sheets", "gate", "pass", "form",
		"checklist", "spec", "standard", "process", "step", "log", "card", "instruction", "instructions",
		"requires", "sign", "jig", NULL};
	static const char *const by[] = {"the", "our", "new", "old", "revised", "updated", NULL};
	size_t n = i + 1;
	if (n + 1 < d->ntok && !breaks_clause(d, n + 1) && ck_is_any(d, n + 1, doc))
		return true;
	size_t q = i;
	bool ours = false;
	while (q > 0 && i - q < 3 && !breaks_clause(d, q) && ck_is_any(d, q - 1, by))
		ours |= ck_is(d, --q, "our");
	/* "our QP-14 check", "moved to our QC-2 hold": "our" before a code
	 * whose number has one or two digits names a check or a step of
	 * ours, not a record (dev sets holdout20-397: 3 such codes marked
	 * and unreported, 1 unmarked, "our KM-2 monitoring units") */
	if (ours && d->tok[n].type == CK_NUM && d->tok[n].nlen <= 2)
		return true;
	if (n + 1 < d->ntok && !breaks_clause(d, n + 1))
		return false;
	return q > 0 && !breaks_clause(d, q) && (ck_is(d, q - 1, "under") || ck_is(d, q - 1, "per"));
}

/* Token i (in capitals) is a state's or a province's code after a place's
 * name and its comma, as an address or a signature gives it: "Dayton,
 * OH", "Tamarack Ridge, BC", "Ballarat, VIC" (dev sets holdout20-405: 3
 * such findings, none marked). */
static bool state_after_place(const struct ck_doc *d, size_t i)
{
	static const char *const codes[] = {"al", "ak", "az", "ar", "ca", "co", "ct", "de", "dc", "fl", "ga",
		"hi", "id", "il", "in", "ia", "ks", "ky", "la", "me", "md", "ma", "mi", "mn", "ms", "mo", "mt",
		"ne", "nv", "nh", "nj", "nm", "ny", "nc", "nd", "oh", "ok", "or", "pa", "ri", "sc", "sd", "tn",
		"tx", "ut", "vt", "va", "wa", "wv", "wi", "wy", "on", "bc", "ab", "qc", "ns", "nb", "mb", "sk",
		"pe", "nl", "yt", "nt", "nu", "nsw", "vic", "qld", "sa", "tas", "act", NULL};
	return i > 0 && d->tok[i - 1].type == CK_WORD && (d->tok[i - 1].flags & CK_TF_CAP) &&
	       !(d->tok[i - 1].flags & CK_TF_ALLCAPS) && ck_post_cp(d, i - 1) == ',' && ck_is_any(d, i, codes);
}

static void rule_jargon(struct ck_ctx *c, const struct ck_rule *r)
{
	each_hit_joined(c, L_JARGON, jargon_joins, jargon_one, r);
	size_t shout_sent = SIZE_MAX;   /* the sentence last asked about, and its answer */
	bool shouted = false;
	/* unknown acronyms: info, first use only, not when defined in place;
	 * only a word in capitals can be one, and most sentences have none */
	for (size_t i = c->t0, se = i; i < c->t1 && !c->oom; i++) {
		if (i >= se && (i = sent_with_caps(D, i, c->t1, &se)) >= c->t1)
			break;
		const struct ck_tok *t = &D->tok[i];
		/* "the IndexedDB migration", "a PostgreSQL upgrade": an
		 * engineering product by its name, as a jargon word is, unless
		 * listed, defined in place or the client's own name */
		if ((t->flags & CK_TF_MIXED) && t->type == CK_WORD) {
			int n;
			const char *s = src(c, i, i + 1, &n);
			if (!ck_has(D, i, L_JARGON) && !overlaps_list(D, i, i + 1, L_JARGON) && ck_pre_cp(D, i) != '(' &&
			    ck_post_cp(D, i) != '(' && !(c->o->client_name && strcasecmp(c->o->client_name, ck_norm(D, i)) == 0) &&
			    !term_seen(c, i, i + 1))
				ck_finding(c, r, r->sev, t->start, t->end, false,
					   ck_fmt(c, "say what it means in plain words, or drop it"),
					   "\"%.*s\" is internal jargon the client may not know", n, s);
			continue;
		}
		if (t->type != CK_WORD || !(t->flags & CK_TF_ALLCAPS) || (t->flags & CK_TF_HEAD) ||
		    t->nlen < 2 || t->nlen > 6 || ck_has(D, i, L_ACRONYM_OK) || ck_has(D, i, L_JARGON) ||
		    overlaps_list(D, i, i + 1, L_JARGON) ||
		    tag_listed(D, i)) /* in capitals, a tag: "[UPDATE]", "[IN PROGRESS]" */
			continue;
		const char *w = ck_norm(D, i);
		/* letters, or two or more and one digit ("HL7", "EC2": a
		 * standard's or a product's version); not a postcode's first
		 * half ("LS1 4AB"), whose second half starts with a digit */
		size_t nl = t->nlen;
		if (nl >= 3 && w[nl - 1] >= '0' && w[nl - 1] <= '9')
			nl--;
		bool letters = nl == t->nlen || !(i + 1 < D->ntok && !breaks_clause(D, i + 1) &&
						  D->text[D->tok[i + 1].start] >= '0' && D->text[D->tok[i + 1].start] <= '9');
		bool xs = true;
		for (size_t k = 0; k < t->nlen; k++) {
			if (k < nl && (w[k] < 'a' || w[k] > 'z'))
				letters = false;
			if (w[k] != 'x')
				xs = false;
		}
		/* placeholders are template.unfilled's, not acronyms */
		if (!letters || xs || unfilled_word(D, i) || caps_bracketed(D, i))
			continue;
		/* a reference's letters: "your ref TX-4471", "ticket INC-2291"
		 * — a hyphen and a number right after them name a record, not
		 * a thing of ours */
		if (i + 1 < D->ntok && (D->tok[i + 1].flags & CK_TF_HYPH) && D->tok[i + 1].type == CK_NUM &&
		    !procedure_code(D, i))
			continue;
		/* and anywhere in a code of parts joined by slashes that holds
		 * a digit: "application 26/02210/HOU", "Our ref: CW/INV/0412",
		 * "PO SPL/QC/7731" */
		if (slash_code(D, t))
			continue;
		/* "container MSKU 804412-7", "policy ABX 2290417": capitals
		 * before a number of five digits or more are the prefix of an
		 * identifier (a year has four) */
		if (i + 1 < D->ntok && !breaks_clause(D, i + 1) && D->tok[i + 1].type == CK_NUM && D->tok[i + 1].nlen >= 5)
			continue;
		if (t->nlen == 2 && tracking_code(D, i))
			continue;
		/* part of a name: "Coastline FM", "Harbour Radio FM" — a
		 * capitalised word (not all capitals) right before it in its
		 * clause, past the sentence's first word; and part of a job
		 * title after a name */
		if (i > 0 && !breaks_clause(D, i) && (D->tok[i - 1].flags & CK_TF_CAP) &&
		    !(D->tok[i - 1].flags & CK_TF_ALLCAPS) && D->tok[i - 1].type == CK_WORD &&
		    D->sent[t->sent].first < i - 1)
			continue;
		/* and before one: "the MV Celtic Dawn", "Kieran, KW
		 * Plumbing" — a capitalised word (not all capitals) right
		 * after it in its clause names the thing the capitals
		 * start; not a weekday or a month ("EOD Tue 24 Nov") */
		if (i + 1 < D->ntok && !breaks_clause(D, i + 1) && D->tok[i + 1].type == CK_WORD &&
		    (D->tok[i + 1].flags & CK_TF_CAP) && !(D->tok[i + 1].flags & CK_TF_ALLCAPS) &&
		    !(D->tok[i + 1].flags & CK_TF_MIXED) && D->tok[i + 1].kw < 0)
			continue;
		if (job_title(D, i, i + 1) || ampersand_name(D, i, i + 1))
			continue;
		/* a currency's country: "NZ$180", "A$40", "US$1,200" */
		if (ck_post_cp(D, i) == '$')
			continue;
		if (ck_pre_cp(D, i) == '(' || ck_post_cp(D, i) == '(')
			continue;
		if (c->o->client_name && strcasecmp(c->o->client_name, w) == 0)
			continue;
		if (state_after_place(D, i))
			continue;
		/* the carrier: in a sentence about delivery, or right after
		 * "by" or "via" ("reached you this morning by UPS") */
		if (ck_is(D, i, "ups") && (carrier_sentence(D, t->sent) ||
					   (i > 0 && !breaks_clause(D, i) && (ck_is(D, i - 1, "by") || ck_is(D, i - 1, "via")))))
			continue;
		/* "by 3pm ET", "at 12:00 ET", "8am-8pm ET": US Eastern, Central
		 * or Mountain time right after a time of day (dev sets
		 * holdout20-365: 4 such findings, none marked; "ET-based"
		 * elsewhere is marked) */
		if (t->nlen == 2 && (ck_is(D, i, "et") || ck_is(D, i, "ct") || ck_is(D, i, "mt")) && after_clock(D, i))
			continue;
		/* "PLAN - breaker hire faults": a message's kind opening its
		 * line, in capitals, tags the message, as UPDATE does */
		if ((i == 0 || (D->tok[i].gap & CK_G_LINE)) && message_kind_word(w))
			continue;
		if (caps_heading(D, i))
			continue;
		/* a shouted sentence is not an acronym list (counted once a sentence) */
		if (t->sent != shout_sent) {
			const struct ck_sent *s = &D->sent[t->sent];
			size_t caps = 0, words = 0;
			for (size_t k = s->first; k < s->last; k++)
				if (D->tok[k].type == CK_WORD) {
					words++;
					if (D->tok[k].flags & CK_TF_ALLCAPS)
						caps++;
				}
			shout_sent = t->sent;
			shouted = words >= 3 && caps * 2 > words;
		}
		if (shouted)
			continue;
		/* seen before, or defined at a use so far; else it waits for
		 * the uses after this window (acronyms_flush) */
		if (!words_upto(c, c->t1))
			break;
		const struct ck_word_use *wu = &c->uses[word_slot(c, c->uses, c->umask, i)];
		if (wu->first < i || wu->defined)
			continue;
		if (c->nacr == c->capacr) {
			size_t cap = c->capacr ? 2 * c->capacr : 16;
			uint32_t *p = realloc(c->acr, cap * sizeof *p);
			if (!p) {
				c->oom = true;
				break;
			}
			c->acr = p;
			c->capacr = cap;
		}
		c->acr[c->nacr++] = (uint32_t)i;
		c->jargon_rule = r;
	}
}

static const struct { const char *phrase, *advice; } corporate_advice[] = {
	{"please be advised", "drop it and say the thing"},
	{"please be informed", "drop it and say the thing"},
	{"please note that", "drop it and say the thing"},
	{"kindly note", "drop it and say the thing"},
	{"regret to inform", "say it directly: \"I am sorry: …\""},
	{"we regret to inform you", "say it directly: \"I am sorry: …\""},
	{"at this point in time", "\"now\""},
	{"at this moment in time", "\"now\""},
	{"at this juncture", "\"now\""},
	{"we value your business", "show it with what we do next, not with a slogan"},
	{"rest assured", "say what we are doing so the client can judge"},
	{"we take this very seriously", "show it: say what we are doing and by when"},
	{"do not hesitate to contact", "\"call me on …\""},
	{"thank you for your understanding", "do not presume understanding; say what we will do"},
	{"we appreciate your understanding", "do not presume understanding; say what we will do"},
	{"we appreciate your patience", "do not presume patience; say what we will do and by when"},
	{"thank you for your patience", "do not presume patience; say what we will do and by when"},
	{"we appreciate your patience and understanding", "do not presume patience; say what we will do and by when"},
	{"going forward", "say what changes and from when: \"from Monday, we …\""},
	{"moving forward", "say what changes and from when: \"from Monday, we …\""},
	{"in due course", "give a date"},
	{"as per", "\"as\" or \"under\""},
};

static void corporate_one(struct ck_ctx *c, const struct ck_rule *r, const struct ck_hit *h)
{
	/* "we are moving forward with the migration": the verb, not filler */
	if (ck_is(D, h->last - 1, "forward") && ck_is(D, h->last, "with") && !breaks_clause(D, h->last))
		return;
	/* "## Lessons learned", "Lessons learned: renewals need a second
	 * check": a review's heading, which writers left in 7 of its 10 uses
	 * in every labelled set, where "lessons learned have been captured"
	 * (2 of 2 marked) is the filler */
	size_t lf, ll;
	if (ck_is(D, h->first, "lessons") && h->last == h->first + 2 &&
	    ((D->tok[h->first].flags & CK_TF_HEAD) || labelled_field(D, h->first + 1, 2, &ll) ||
	     (line_of(D, h->first, 2, &lf, &ll) && lf == h->first && ll == h->last)))
		return;
	int n;
	const char *s = src(c, h->first, h->last, &n);
	const char *adv = "say it plainly, as you would to a person";
	char low[128];
	size_t k = 0;
	for (size_t i = h->first; i < h->last && k + 1 < sizeof low; i++) {
		const char *w = ck_norm(D, i);
		if (k && k + 1 < sizeof low)
			low[k++] = ' ';
		while (*w && k + 1 < sizeof low)
			low[k++] = *w++;
	}
	low[k] = '\0';
	for (size_t i = 0; i < sizeof corporate_advice / sizeof corporate_advice[0]; i++)
		if (!strcmp(low, corporate_advice[i].phrase))
			adv = corporate_advice[i].advice;
	ck_finding(c, r, r->sev, D->tok[h->first].start, D->tok[h->last - 1].end, false,
		   ck_fmt(c, "%s", adv), "corporate phrasing: \"%.*s\"", n, s);
}

/* Token k, after "we value our/your", names the relationship or the
 * people ("trust", "custom", "work with you"), not what the client tells
 * us (feedback, input, views …: "we value your feedback on this plan").
 * Kept out of care_claim, which rule_corporate asks of every word of five
 * or nine letters. */
static __attribute__((noinline)) bool valued_relation(const struct ck_doc *d, size_t k)
{
	static const char *const told[] = {"feedback", "input", "views", "view", "comments", "thoughts",
		"opinion", "opinions", "suggestions", "ideas", "questions", NULL};
	return !breaks_clause(d, k) && d->tok[k].type == CK_WORD && !ck_is_any(d, k, told);
}

/* The stock claims of care, whatever is said to matter: "we take <it>
 * seriously" with at most ten words between ("We take the accuracy of
 * your records very seriously"; or the firm, "<Name> takes …"), "we
 * <adverb> value our/your …" ("We truly value our partnership"), and
 * thanks for the client's "continued" anything ("Thank you for your
 * continued custom", "we are grateful for your continued trust": "thank",
 * "thanks", "appreciate" or "grateful" at most four words before "your
 * continued"). Token i is "seriously",
 * "value" or "continued"; returns the first token of the claim, or
 * SIZE_MAX. All look back at most eight tokens in the clause, "seriously"
 * twelve. */
static size_t care_claim(const struct ck_doc *d, size_t i)
{
	if (ck_is(d, i, "seriously")) {
		/* "take" at most eleven tokens back: room for what we take
		 * seriously ("we take the trust you place in us extremely
		 * seriously") */
		for (size_t k = i, a = clause_back(d, i, 12); k > a; k--) {
			if ((ck_is(d, k, "take") || ck_is(d, k, "taking")) && ck_is(d, k - 1, "we"))
				return k - 1;
			/* the firm by its name, or the one it runs: "SeatSwap
			 * takes the integrity of our marketplace extremely
			 * seriously", "the hotel takes guest feedback very
			 * seriously" — not "no one takes it seriously", nor
			 * the client's own ("your team takes safety seriously") */
			if (ck_is(d, k, "takes") && !breaks_clause(d, k) && d->tok[k - 1].type == CK_WORD &&
			    !is_second_person(d, k - 1) && !(k > 1 && is_second_person(d, k - 2)) &&
			    !ck_has(d, k - 1, L_NEGATION) && !ck_is(d, k - 1, "one") && !ck_is(d, k - 1, "nobody"))
				return k - 1;
		}
		return SIZE_MAX;
	}
	if (ck_is(d, i, "continued")) {
		if (i < 2 || breaks_clause(d, i) || !ck_is(d, i - 1, "your") || breaks_clause(d, i + 1))
			return SIZE_MAX;
		for (size_t k = i - 1, a = clause_back(d, i, 8); k > a && i - k < 4; k--)
			if (ck_is(d, k - 1, "thank") || ck_is(d, k - 1, "thanks") || ck_is(d, k - 1, "appreciate") ||
			    ck_is(d, k - 1, "grateful"))
				return ck_is(d, k - 2, "we") && !breaks_clause(d, k - 1) ? k - 2 : k - 1;
		return SIZE_MAX;
	}
	/* "we truly value our clients": an adverb between; "we value every
	 * family that chooses us": the claim made of each one or of all
	 * (every, each, all); "we value your trust", "we value our work with
	 * you": of the relationship, whatever the noun, "we" right before —
	 * not of what the client tells us ("we value your feedback on this
	 * plan" asks for something real) */
	if (!ck_is(d, i, "value") || i < 1 || breaks_clause(d, i))
		return SIZE_MAX;
	/* "we value you", "we value you as a customer": the client valued
	 * as a whole, nothing after it but how ("as …") */
	if (ck_is(d, i + 1, "you") && ck_is(d, i - 1, "we") && !breaks_clause(d, i + 1) &&
	    (breaks_clause(d, i + 2) || ck_is(d, i + 2, "as")))
		return i - 1;
	bool each = ck_is(d, i + 1, "every") || ck_is(d, i + 1, "each") || ck_is(d, i + 1, "all");
	if (!(ck_is(d, i + 1, "our") || ck_is(d, i + 1, "your") || each))
		return SIZE_MAX;
	if (ck_is(d, i - 1, "we"))
		return each || valued_relation(d, i + 2) ? i - 1 : SIZE_MAX;
	if (i < 2 || breaks_clause(d, i - 1))
		return SIZE_MAX;
	return is_adverb(d, i - 1) && !ck_has(d, i - 1, L_NEGATION) && ck_is(d, i - 2, "we") ? i - 2 : SIZE_MAX;
}

/* Thanks for patience or understanding the client did not offer, to
 * whoever they are said to: "thank everyone for their understanding",
 * "thank all our members for their patience" — "thank", at most three
 * words naming them, "for", "your/their" and "patience" or
 * "understanding" (corporate.txt lists the "you" forms). Token i is
 * "thank"; returns the token after the noun, or 0. */
static size_t stock_thanks(const struct ck_doc *d, size_t i)
{
	if (!ck_is(d, i, "thank"))
		return 0;
	for (size_t k = i + 2; k < d->ntok && k <= i + 4; k++) {
		if (breaks_clause(d, k - 1) || breaks_clause(d, k))
			return 0;
		if (!ck_is(d, k, "for"))
			continue;
		size_t q = k + 1;
		if (q + 1 >= d->ntok || breaks_clause(d, q) || breaks_clause(d, q + 1) ||
		    !(ck_is(d, q, "your") || ck_is(d, q, "their")))
			return 0;
		return ck_is(d, q + 1, "patience") || ck_is(d, q + 1, "understanding") ? q + 2 : 0;
	}
	return 0;
}

/* A hit of corporate.txt that ends in a verb's "-ing" form and another at
 * most three words on in its clause are one stock sentence, the
 * commitment and its object, reported once over both: "we remain
 * committed to delivering best-in-class service", "remain committed to
 * providing you with the highest level of service" (each_hit merges only
 * hits that overlap; "Please be advised that at this point in time" stays
 * two phrases, each with its advice). */
static bool corporate_joins(const struct ck_doc *d, const struct ck_hit *cur, const struct ck_hit *x)
{
	/* "Please be assured that patient safety remains our highest
	 * priority": an assurance and the stock claim it assures, at most
	 * eight words on after "that", are one sentence of form */
	if (ck_is(d, cur->last - 1, "assured") && ck_is(d, cur->last, "that") && x->first <= cur->last + 9) {
		for (size_t k = cur->last + 1; k <= x->first; k++)
			if (breaks_clause(d, k))
				return false;
		return true;
	}
	if (x->first > cur->last + 3)
		return false;
	const char *w = ck_norm(d, cur->last - 1);
	size_t n = d->tok[cur->last - 1].nlen;
	if (!(n > 4 && !strcmp(w + n - 3, "ing")))
		return false;
	for (size_t k = cur->last; k <= x->first; k++)
		if (breaks_clause(d, k))
			return false;
	return true;
}

/* "Thank you for bringing the crest problem to our attention": token i
 * is "attention" after "to our" or "to my", and "bringing" or "brought"
 * stands at most twelve tokens before it in its sentence, with what was
 * brought between (corporate.txt lists "bringing this to our attention"
 * and its kind). Returns where the finding starts ("thank" or "thanks"
 * right before "for bringing", else the verb), or SIZE_MAX. Dev sets
 * holdout20-405: 7 such uses marked, none reported; none unmarked. */
static size_t brought_to_attention(const struct ck_doc *d, size_t i)
{
	if (i < 4 || !ck_is(d, i, "attention") || !(ck_is(d, i - 1, "our") || ck_is(d, i - 1, "my")) ||
	    !ck_is(d, i - 2, "to") || is_question(d, i))
		return SIZE_MAX;
	size_t first = d->sent[d->tok[i].sent].first;
	for (size_t k = i - 2; k > first && k + 14 > i; k--) {
		size_t v = k - 1;
		if (!(ck_is(d, v, "bringing") || ck_is(d, v, "brought")))
			continue;
		if (v >= 3 && ck_is(d, v - 1, "for") && ck_is(d, v - 2, "you") && ck_is(d, v - 3, "thank"))
			return v - 3;
		if (v >= 2 && ck_is(d, v - 1, "for") && ck_is(d, v - 2, "thanks"))
			return v - 2;
		return v;
	}
	return SIZE_MAX;
}

/* rule_corporate's finding over tokens [a, e) with its advice, unless a
 * finding of the rule so far covers those words; true if reported. */
static bool corporate_span(struct ck_ctx *c, const struct ck_rule *r, struct cover *cv, size_t a, size_t e,
			   const char *advice)
{
	if (covered_by(cv, c, D->tok[a].start, D->tok[e - 1].end))
		return false;
	int n;
	const char *s = src(c, a, e, &n);
	ck_finding(c, r, r->sev, D->tok[a].start, D->tok[e - 1].end, false, ck_fmt(c, "%s", advice),
		   "corporate phrasing: \"%.*s\"", n, s);
	cover_add(cv, D->tok[e - 1].end);
	return true;
}

static void rule_corporate(struct ck_ctx *c, const struct ck_rule *r)
{
	size_t before = c->nf;
	each_hit_joined(c, L_CORPORATE, corporate_joins, corporate_one, r);
	struct cover cv;
	cover_init(&cv, c, r->id, before);
	for (size_t i = c->t0; i < c->t1; i++) {
		/* by length first: most tokens are neither "value" (5) nor
		 * "seriously", "continued" or "attention" (9), and this loop
		 * walks every token */
		if (D->tok[i].nlen != 5 && D->tok[i].nlen != 9)
			continue;
		size_t ba = brought_to_attention(D, i);
		if (ba != SIZE_MAX && corporate_span(c, r, &cv, ba, i + 1, "say what we did with it"))
			continue;
		size_t te = stock_thanks(D, i);
		if (te && corporate_span(c, r, &cv, i, te,
					 "do not presume patience or understanding; say what we will do"))
			continue;
		size_t f = care_claim(D, i);
		/* "continued" takes its noun: "your continued support"; "we
		 * take this very seriously" is already a listed phrase (the
		 * cover) */
		if (f != SIZE_MAX)
			corporate_span(c, r, &cv, f, ck_is(D, i, "continued") ? i + 2 : i + 1,
				       "show it: say what we are doing and by when");
	}
}

static bool negated_before(const struct ck_doc *d, size_t i)
{
	for (size_t k = 1; k <= 3 && k <= i; k++) {
		if (breaks_clause(d, i - k + 1))
			return false;
		if (ck_has(d, i - k, L_NEGATION))
			return true;
	}
	return false;
}

/* Verbs that carry a promise or a claim: negated, they decline it. */
static bool promise_verb(const struct ck_doc *d, size_t k)
{
	static const char *const v[] = {"promise", "promised", "promising", "guarantee",
		"guaranteed", "guaranteeing", "say", "claim", "pretend", "assure", "swear", "tell",
		"know", "predict", "ensure", "sure", "certain", "rule"};
	for (size_t j = 0; j < sizeof v / sizeof v[0]; j++)
		if (ck_is(d, k, v[j]))
			return true;
	return false;
}

/* "We cannot promise that it will never happen again", "no one can honestly
 * guarantee that …": a negated promise verb earlier in the clause (at most
 * eight words back, not past and/but/so), the negation at most four words
 * before the verb. */
static bool declined_promise(const struct ck_doc *d, size_t first)
{
	for (size_t k = first, n = 0; n <= 8; k--, n++) {
		if (k < first && (ck_is(d, k, "and") || ck_is(d, k, "but") || ck_is(d, k, "so")))
			return false;
		if (promise_verb(d, k)) {
			for (size_t b = 1; b <= 4 && b <= k; b++) {
				if (breaks_clause(d, k - b + 1))
					break;
				if (ck_has(d, k - b, L_NEGATION) || ck_is(d, k - b, "nobody"))
					return true;
			}
		}
		if (k == 0 || breaks_clause(d, k))
			return false;
	}
	return false;
}

/* "no matter what", "whatever happens", "come what may" (hit x) make a
 * promise unconditional only beside one: "will" at most 24 tokens before
 * them or 12 after, in their sentence ("we'll have it on sale by Monday,
 * no matter what"); "no matter what happened, we should have called"
 * promises nothing. */
static bool unconditional_promise(const struct ck_doc *d, const struct ck_hit *x)
{
	const struct ck_sent *s = &d->sent[d->tok[x->first].sent];
	size_t a = x->first > s->first + 24 ? x->first - 24 : s->first;
	for (size_t k = a; k < s->last && k < x->last + 12; k++)
		if (ck_is(d, k, "will") && (k < x->first || k >= x->last))
			return true;
	return false;
}

/* Token m ("can" or "cannot" of "cannot happen again") opens a purpose
 * clause, which tells what a safeguard is for ("… so that this cannot
 * happen again", "So it cannot happen again: …"): "so" at most six tokens
 * before it in its clause. */
static bool purpose_clause(const struct ck_doc *d, size_t m)
{
	size_t a = clause_back(d, m, 6);
	for (size_t q = a; q < m; q++)
		if (ck_is(d, q, "so"))
			return true;
	return false;
}

/* Token k, right after "cannot happen again", opens "under any
 * circumstances" or "ever": the safeguard's purpose is then made
 * absolute, a promise whatever "so that" says. */
static bool without_exception(const struct ck_doc *d, size_t k)
{
	if (k + 2 >= d->ntok || breaks_clause(d, k))
		return false;
	if (ck_is(d, k, "ever"))
		return true;
	return ck_is(d, k, "under") && ck_is(d, k + 1, "any") && !breaks_clause(d, k + 1) && !breaks_clause(d, k + 2) &&
	       (ck_is(d, k + 2, "circumstances") || ck_is(d, k + 2, "circumstance"));
}

/* "make sure nothing similar is sitting there", "to ensure nothing else
 * is waiting": "nothing" (with "else", "similar" or "like it") and a
 * present progressive at token k — a check of what stands now, no
 * promise about what will happen. */
static bool checks_present(const struct ck_doc *d, size_t k)
{
	if (k < d->ntok && !breaks_clause(d, k) && (ck_is(d, k, "similar") || ck_is(d, k, "else")))
		k++;
	if (k + 1 >= d->ntok || breaks_clause(d, k) || breaks_clause(d, k + 1) ||
	    !(ck_is(d, k, "is") || ck_is(d, k, "are")))
		return false;
	const char *w = ck_norm(d, k + 1);
	size_t n = d->tok[k + 1].nlen;
	return n > 4 && !strcmp(w + n - 3, "ing");
}

static bool overreach_widen(struct ck_ctx *c, struct rd_check_finding *x, size_t g);
static bool overreach_claims(const struct ck_ctx *c, const struct ck_rule *r, const struct rd_check_finding *x,
			     size_t m, size_t g);

static void overreach_one(struct ck_ctx *c, const struct ck_rule *r, const struct ck_hit *h)
{
	if (((ck_is(D, h->first, "no") && ck_is(D, h->first + 1, "matter")) || ck_is(D, h->first, "whatever") ||
	     (ck_is(D, h->first, "come") && ck_is(D, h->first + 1, "what"))) &&
	    !unconditional_promise(D, h))
		return;
	if (negated_before(D, h->first) && !ck_is(D, h->first, "never"))
		return;
	if (declined_promise(D, h->first))
		return;
	/* "such an error cannot happen in future" rules a recurrence out;
	 * "… so that this cannot happen again" says what a safeguard is for */
	if ((ck_is(D, h->first, "cannot") || (ck_is(D, h->first, "can") && ck_is(D, h->first + 1, "not"))) &&
	    purpose_clause(D, h->first) && !without_exception(D, h->last))
		return;
	/* "to make sure nothing else changed", "checked to ensure nothing was
	 * lost": a past verb after "nothing" (and "else") checks what has
	 * happened; it promises nothing about what will */
	if (ck_is(D, h->last - 1, "nothing")) {
		size_t k = h->last + (ck_is(D, h->last, "else") && !breaks_clause(D, h->last));
		if (past_verb(D, k) || (k < D->ntok && !breaks_clause(D, k) && (ck_has(D, k, L_BE_PAST) || ck_is(D, k, "had"))))
			return;
		if (checks_present(D, h->last))
			return;
	}
	/* "we will certainly call you at 10:00", "I definitely will": a
	 * certainty about what we do is a commitment, not a forecast ("the
	 * next run will definitely succeed") */
	size_t w = ck_is(D, h->first, "will") ? h->first : ck_is(D, h->first + 1, "will") ? h->first + 1 : SIZE_MAX;
	if (w != SIZE_MAX && w < h->last) {
		size_t s = w == h->first ? w : h->first;
		if (s > 0 && !breaks_clause(D, s) && first_person(D, s - 1))
			return;
	}
	/* "We guarantee this will not happen again": the guarantee and what
	 * it guarantees are one promise, one finding. The hits come in token
	 * order, so the guarantee's finding is the last one made (looking
	 * further back, as overreach_fold does, made a long sentence of
	 * guarantees quadratic) */
	if (c->nf > 0 && overreach_claims(c, r, &c->f[c->nf - 1], h->first, h->last)) {
		overreach_widen(c, &c->f[c->nf - 1], h->last);
		return;
	}
	int n;
	const char *s = src(c, h->first, h->last, &n);
	ck_finding(c, r, r->sev, D->tok[h->first].start, D->tok[h->last - 1].end, false,
		   ck_fmt(c, "promise what we control: \"we have added <safeguard> so that this is caught within <time>\""),
		   "\"%.*s\" promises more than anyone can keep", n, s);
}

/* A promise opens token i's clause at most six tokens before it: "we
 * will pay 100% of claims", "we promise 100% of uploads", "we will
 * reach zero errors". Returns its first token, or SIZE_MAX. */
static size_t promised_before(const struct ck_doc *d, size_t i)
{
	static const char *const v[] = {"will", "promise", "promises", "guarantee", "guarantees", "commit",
		"commits", NULL};
	for (size_t k = i; k > 0 && i - k < 6 && !breaks_clause(d, k); k--)
		if (ck_is_any(d, k - 1, v))
			return k - 1;
	return SIZE_MAX;
}

/* Token k is "future" after "in" or "in the": "in future", "in the
 * future", a recurrence's time as "again" is. */
static bool in_future(const struct ck_doc *d, size_t k)
{
	if (k < 2 || !ck_is(d, k, "future") || breaks_clause(d, k))
		return false;
	return ck_is(d, k - 1, "in") || (ck_is(d, k - 1, "the") && !breaks_clause(d, k - 1) && ck_is(d, k - 2, "in"));
}

/* "the machines will never run out again", "your orders will never go
 * missing again", "no booking can ever go missing again", "no dog in our
 * kennels will ever go unfed again": "will never" or "can never", "will
 * not ever" or "can not ever" ("won't ever"), or "can ever"/"will ever"
 * after a denying subject ("no", "nothing", "none" at most seven words
 * before, room for a place or owner after its noun), a verb and "again"
 * or "in (the) future" (in_future) at most six tokens on in its clause —
 * a promise that no recurrence of the harm can happen, whatever the verb
 * (overreach.txt lists "will never happen"). Token i is "never" or
 * "ever"; returns the token after "again" or "future", or 0. */
static size_t never_again(const struct ck_doc *d, size_t i)
{
	if (i == 0 || breaks_clause(d, i) || is_question(d, i))
		return 0;
	if (ck_is(d, i, "ever") && i >= 2 && ck_is(d, i - 1, "not") && !breaks_clause(d, i - 1) &&
	    (ck_is(d, i - 2, "can") || ck_is(d, i - 2, "will"))) {
		/* "this won't ever happen again": "not ever" is "never" */
	} else if (ck_is(d, i, "ever") && (ck_is(d, i - 1, "can") || ck_is(d, i - 1, "will"))) {
		bool denied = false;
		for (size_t k = i - 1; k > 0 && i - k < 8 && !breaks_clause(d, k) && !denied; k--)
			denied = ck_is(d, k - 1, "no") || ck_is(d, k - 1, "nothing") || ck_is(d, k - 1, "none");
		if (!denied)
			return 0;
	} else if (!ck_is(d, i, "never") || !(ck_is(d, i - 1, "will") || ck_is(d, i - 1, "can"))) {
		return 0;
	}
	/* nine tokens on: room for a verb of several words ("will never be
	 * out of action like this again") */
	for (size_t k = i + 2, e = clause_fwd(d, i, 9); k < e; k++)
		if (ck_is(d, k, "again") || in_future(d, k))
			return k + 1;
	return 0;
}

/* "it will not move again", "this date won't slip again", "that will not
 * be needed again": "again" at token i closing "will not" and at most
 * three words, after a subject that points at the harm or the thing it
 * hit — "it", "this" or "that", alone or before one noun — which opens
 * the clause. Whatever the verb, it promises no recurrence; "we will not
 * charge you again" is a commitment of ours (the subject is no pointer),
 * and "you will not need to do this again" is the reader's. Returns the
 * first token ("it", "this"), or SIZE_MAX. */
static size_t wont_again(const struct ck_doc *d, size_t i)
{
	size_t w = SIZE_MAX;
	if (!ck_is(d, i, "again"))
		return SIZE_MAX;
	for (size_t k = i; k >= 2 && i - k < 4 && !breaks_clause(d, k); k--)
		if (ck_is(d, k - 1, "not") && ck_is(d, k - 2, "will") && !breaks_clause(d, k - 1)) {
			w = k - 2;
			break;
		}
	if (w == SIZE_MAX || w == 0 || breaks_clause(d, w) || is_question(d, i))
		return SIZE_MAX;
	size_t s = w - 1;
	if (!(ck_is(d, s, "it") || ck_is(d, s, "this") || ck_is(d, s, "that"))) {
		if (s == 0 || breaks_clause(d, s) || d->tok[s].type != CK_WORD || ck_has(d, s, L_STOPWORD) ||
		    !(ck_is(d, s - 1, "this") || ck_is(d, s - 1, "that")))
			return SIZE_MAX;
		s--;
	} else if (ck_is(d, s, "that") && s > 0 && !breaks_clause(d, s)) {
		return SIZE_MAX; /* "… a fault that will not recur again" belongs to a noun */
	}
	if (s == 0 || breaks_clause(d, s))
		return s;
	/* "…, and it will not move again": a clause of its own after and/but
	 * (not "so", which makes it a safeguard's purpose) */
	bool joined = (ck_is(d, s - 1, "and") || ck_is(d, s - 1, "but")) && (s == 1 || breaks_clause(d, s - 1));
	return joined ? s : SIZE_MAX;
}

/* "this level of service will be kept at all times": "times" at token i
 * closing "at all times", with "will" earlier in its clause (at most
 * eight tokens back) whose subject is not us ("we will keep you informed
 * at all times" is a commitment of ours). A constancy promised without
 * exception. Returns the token of "will", or SIZE_MAX. */
static size_t always_promised(const struct ck_doc *d, size_t i)
{
	if (i < 3 || !ck_is(d, i, "times") || !ck_is(d, i - 1, "all") || !ck_is(d, i - 2, "at") || breaks_clause(d, i) ||
	    breaks_clause(d, i - 1))
		return SIZE_MAX;
	for (size_t k = i - 2; k > 0 && i - k < 10 && !breaks_clause(d, k); k--)
		if (ck_is(d, k - 1, "will"))
			return k >= 2 && first_person(d, k - 2) ? SIZE_MAX : k - 1;
	return SIZE_MAX;
}

/* Widens finding x of rule_overreach to end with token g - 1, its message
 * quoting the wider span. True (c->oom set on allocation failure). */
static bool overreach_widen(struct ck_ctx *c, struct rd_check_finding *x, size_t g)
{
	int n = (int)(D->tok[g - 1].end - x->start);
	char *msg = ck_fmt(c, "\"%.*s\" promises more than anyone can keep", n, D->text + x->start);
	char *in = msg ? ck_strings_intern(c, msg, strlen(msg)) : NULL;
	free(msg);
	if (!in) {
		c->oom = true;
		return true;
	}
	x->message = in;
	x->end = D->tok[g - 1].end;
	return true;
}

/* Finding x of rule r covers a promise verb at token k - 1, at most ten
 * tokens before m in m's sentence, and ends before m; the claim [m, g)
 * holds no promise verb itself ("… and we guarantee the uptime" is a
 * promise of its own), and x with it stays within QUOTE_MAX bytes (a
 * sentence of guarantees joined into one ever longer finding, its
 * message written again at each step, was quadratic). */
static bool overreach_claims(const struct ck_ctx *c, const struct ck_rule *r, const struct rd_check_finding *x,
			     size_t m, size_t g)
{
	if (x->rule != r->id || x->start < D->sent[D->tok[m].sent].start || x->end > D->tok[m].start ||
	    D->tok[g - 1].end - x->start > QUOTE_MAX)
		return false;
	for (size_t k = m; k < g; k++)
		if (promise_verb(D, k))
			return false;
	for (size_t k = m; k > 0 && m - k < 10 && !(D->tok[k].gap & CK_G_SENT); k--)
		if (promise_verb(D, k - 1) && x->start <= D->tok[k - 1].start && x->end >= D->tok[k - 1].end)
			return true;
	return false;
}

/* A finding of the loop of rule_overreach, [m, g), inside the claim of a
 * promise verb already reported as overreach in its sentence ("We can
 * guarantee that no customer will ever be charged twice again": the
 * guarantee and what it guarantees are one promise). The verb's finding
 * (the last of the rule so far that covers a promise verb at most ten
 * tokens before m, with no sentence break between) is widened to g and
 * true returned; false when there is none. */
static bool overreach_fold(struct ck_ctx *c, const struct ck_rule *r, size_t m, size_t g)
{
	for (size_t k = m; k > 0 && m - k < 10 && !(D->tok[k].gap & CK_G_SENT); k--) {
		if (!promise_verb(D, k - 1))
			continue;
		for (size_t f = c->nf; f > 0; f--) {
			struct rd_check_finding *x = &c->f[f - 1];
			if (x->start < D->sent[D->tok[m].sent].start)
				break;
			if (x->rule != r->id || x->start > D->tok[k - 1].start || x->end < D->tok[k - 1].end ||
			    x->end > D->tok[m].start)
				continue;
			return overreach_widen(c, x, g);
		}
	}
	return false;
}

/* Tokens from v tell what a share that opens its clause went through:
 * "100% have been within specification", "100% had the right meeting
 * point", "100% cleared customs on arrival" — "has", "have" or "had" and
 * "been" or "had", or a past verb with more words after it in its clause;
 * not a certainty given as a participle ("100% guaranteed", "100%
 * fixed."). */
static bool share_happened(const struct ck_doc *d, size_t v)
{
	if (v + 1 >= d->ntok || breaks_clause(d, v) || breaks_clause(d, v + 1))
		return false;
	if (ck_is(d, v, "have") || ck_is(d, v, "has") || ck_is(d, v, "had"))
		return ck_is(d, v + 1, "been") || ck_is(d, v + 1, "had");
	return past_verb(d, v) && d->tok[v + 1].type == CK_WORD && !ck_has(d, v + 1, L_TIME_WORD) &&
	       !ck_is(d, v, "guaranteed") && !ck_is(d, v, "assured") && !ck_is(d, v, "committed");
}

static void rule_overreach(struct ck_ctx *c, const struct ck_rule *r)
{
	each_hit(c, L_OVERREACH, overreach_one, r);
	for (size_t i = c->t0; i < c->t1; i++) {
		const struct ck_tok *t = &D->tok[i];
		if (t->type == CK_WORD) {
			/* only words of four or five letters ("zero", "ever",
			 * "never") are asked about: one test for the others */
			if (t->nlen - 4u > 1u)
				continue;
			size_t g, p;
			/* "never" is a negation (its class bit), "ever" tested by
			 * its first byte: never_again is asked of a few tokens */
			if (((t->nlen == 5 && ((D->cls[i] >> L_NEGATION) & 1u)) || (t->nlen == 4 && ck_norm(D, i)[0] == 'e')) &&
			    (g = never_again(D, i)) != 0 && !overlaps_list(D, i - 1, g, L_OVERREACH) &&
			    !declined_promise(D, i - 1)) {
				/* from the modal of "will not ever" */
				size_t m = ck_is(D, i - 1, "not") ? i - 2 : i - 1;
				if (overreach_fold(c, r, m, g))
					continue;
				int n;
				const char *s = src(c, m, g, &n);
				ck_finding(c, r, r->sev, D->tok[m].start, D->tok[g - 1].end, false,
					   ck_fmt(c, "promise what we control: \"we have added <safeguard> so that this is caught within <time>\""),
					   "\"%.*s\" promises more than anyone can keep", n, s);
				continue;
			}
			/* "it will not move again", "… will be kept at all times" */
			/* asked by the first byte: "again" and "times" are rare among
			 * the five-letter words */
			const char c0 = ck_norm(D, i)[0];
			if (t->nlen == 5 && ((c0 == 'a' && (p = wont_again(D, i)) != SIZE_MAX) ||
					     (c0 == 't' && (p = always_promised(D, i)) != SIZE_MAX)) &&
			    !overlaps_list(D, p, i + 1, L_OVERREACH) && !declined_promise(D, p)) {
				int n;
				const char *s = src(c, p, i + 1, &n);
				ck_finding(c, r, r->sev, D->tok[p].start, t->end, false,
					   ck_fmt(c, "promise what we control: \"we have added <safeguard> so that this is caught within <time>\""),
					   "\"%.*s\" promises more than anyone can keep", n, s);
				continue;
			}
			/* "we will reach zero missed fines": none at all, promised */
			if (t->nlen == 4 && ck_is(D, i, "zero") && !negated_before(D, i) && !declined_promise(D, i) &&
			    (p = promised_before(D, i)) != SIZE_MAX) {
				int n;
				const char *s = src(c, p, i + 1, &n);
				ck_finding(c, r, r->sev, D->tok[p].start, t->end, false,
					   ck_fmt(c, "promise what we control: \"we have added <safeguard> so that this is caught within <time>\""),
					   "\"%.*s\" promises more than anyone can keep", n, s);
			}
			continue;
		}
		if (t->type != CK_NUM || strcmp(ck_norm(D, i), "100") != 0 || ck_post_cp(D, i) != '%')
			continue;
		/* "100% of your orders were recovered" is a fact; "we will pay
		 * 100% of claims" promises it */
		if ((ck_is(D, i + 1, "of") && promised_before(D, i) == SIZE_MAX) || negated_before(D, i) ||
		    declined_promise(D, i))
			continue;
		/* "CPU reached 100% on every node", "disk usage hit 100%": a measurement */
		static const char *const measured[] = {"reached", "reaches", "reaching", "hit", "hits",
			"hitting", "peaked", "peaking", "spiked", "climbed", "rose", "jumped", "stood",
			"stayed", "ran", "running", "maxed", NULL};
		bool meas = false;
		for (size_t k = i; k > 0 && k + 3 > i && !breaks_clause(D, k); k--)
			if (ck_is_any(D, k - 1, measured))
				meas = true;
		if (meas)
			continue;
		/* "14 of 14 (100%)": a share worked out, in brackets; "100%
		 * wool", "the 100% acrylic in your spec": what a thing is made
		 * of; "…; 100% cleared customs", "and 100% have been within
		 * specification": the share as the subject of what happened */
		static const char *const made_of[] = {"wool", "woollen", "cotton", "silk", "linen", "acrylic",
			"polyester", "nylon", "viscose", "cashmere", "merino", "alpaca", "mohair", "hemp", "jute",
			"leather", "beeswax", "brass", "copper", "pewter", "steel", "silver", "juice", "natural",
			"organic", "recycled", "pure", NULL};
		if (ck_pre_cp(D, i) == '(' && t->end + 1 < D->len && D->text[t->end + 1] == ')')
			continue;
		if (i + 1 < D->ntok && !breaks_clause(D, i + 1) && ck_is_any(D, i + 1, made_of))
			continue;
		if ((i == 0 || breaks_clause(D, i) || (ck_is(D, i - 1, "and") && !breaks_clause(D, i))) &&
		    share_happened(D, i + 1))
			continue;
		/* "100% visual inspection of every lever", "100% inspection
		 * of outgoing pallets": how many items a check covers, a
		 * plan's step, not a certainty (dev sets holdout20-381: 3
		 * such, none marked; "100% inspected", "100% fixed" stay
		 * promises) */
		static const char *const checked[] = {"inspection", "inspections", "check", "checks", "checking",
			"testing", "sampling", "verification", NULL};
		static const char *const how[] = {"visual", "manual", "final", "hand", NULL};
		size_t nx = i + 1 < D->ntok && !breaks_clause(D, i + 1) && ck_is_any(D, i + 1, how) ? i + 2 : i + 1;
		if (nx < D->ntok && !breaks_clause(D, nx) &&
		    ck_is_any(D, nx, checked))
			continue;
		size_t end = t->end + 1;
		ck_finding(c, r, r->sev, t->start, end, false,
			   ck_fmt(c, "state what we measured or will do, not a certainty"),
			   "\"100%%\" promises a certainty nobody has");
	}
}

/* ---- template.unfilled ------------------------------------------------------------ */

static bool placeholder_word(const char *s, size_t n)
{
	static const char *const w[] = {"name", "client", "company", "date", "time", "amount",
		"insert", "contact", "eta", "tbd", "todo", "phone", "email", "number", "customer",
		"sender", "signature", "link", "placeholder", "first", "last", "title", "day",
		"recipient", "here", "person", "owner", "manager", "agent", NULL};
	char low[64];
	size_t k = 0;
	for (size_t i = 0; i < n && k + 1 < sizeof low; i++)
		low[k++] = (char)((s[i] >= 'A' && s[i] <= 'Z') ? s[i] + 32 : s[i]);
	low[k] = '\0';
	for (size_t i = 0; w[i]; i++) {
		const char *p = strstr(low, w[i]);
		size_t l = strlen(w[i]);
		if (p && (p == low || !((p[-1] >= 'a' && p[-1] <= 'z'))) &&
		    !((p[l] >= 'a' && p[l] <= 'z')))
			return true;
	}
	return false;
}

/* The first token starting at or after byte A. rule_unfilled asks in
 * increasing order of A, so *SENT, a cursor over the sentences (zero
 * first), moves forward to the sentence that ends after A and the search
 * looks at that sentence's tokens only: a search over all of them reached
 * into a long message's tokens at random (the 4 MB line's 24 MB, some ten
 * cache misses a bracket) after the windows had left the cache. The
 * sentence bounds it when the tokens either side say so; else (a token
 * order this does not expect) it searches them all, as before. */
static size_t tok_at_or_after(const struct ck_doc *d, size_t *sent, size_t a)
{
	size_t lo = 0, hi = d->ntok;
	while (*sent < d->nsent && d->sent[*sent].end <= a)
		(*sent)++;
	if (*sent < d->nsent) {
		size_t l = d->sent[*sent].first, h = d->sent[*sent].last;
		if (l <= h && h <= d->ntok && (l == 0 || d->tok[l - 1].start < a) &&
		    (h == d->ntok || d->tok[h].start >= a)) {
			lo = l;
			hi = h;
		}
	}
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (d->tok[mid].start < a)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Bytes [a, b) hold only words of status_tags.txt ("RESOLVED", "IN
 * PROGRESS"), and numbers after one ("UPDATE 3"): a tag on a status
 * update, not a placeholder. *SENT is
 * tok_at_or_after's cursor. Each word is looked up among the hits near it
 * (a mask of the list over every token cost a long message a pass over all
 * its hits and a fresh array the size of its tokens). */
static bool status_tag(const struct ck_doc *d, size_t *sent, size_t a, size_t b)
{
	size_t n = 0;
	size_t words = 0;
	for (size_t k = tok_at_or_after(d, sent, a); k < d->ntok && d->tok[k].end <= b; k++, n++) {
		/* a numbered update: "[UPDATE 3]", "[Update #2]" */
		if (d->tok[k].type == CK_NUM && words > 0)
			continue;
		if (!overlaps_list(d, k, k + 1, L_STATUS_TAG))
			return false;
		words++;
	}
	return n > 0;
}

static void unfilled(struct ck_ctx *c, const struct ck_rule *r, size_t a, size_t b)
{
	int n = (int)(b - a);
	ck_finding(c, r, r->sev, a, b, false, ck_fmt(c, "fill in %.*s or remove it", n, D->text + a),
		   "unfilled placeholder %.*s", n, D->text + a);
}

static void rule_unfilled(struct ck_ctx *c, const struct ck_rule *r)
{
	size_t before = c->nf;
	const char *s = D->text;
	size_t n = D->len;
	static const bool interesting[256] = {['{'] = true, ['['] = true, ['<'] = true,
					      ['$'] = true, ['%'] = true, ['?'] = true};
	size_t tag_sent = 0; /* status_tag's cursor */
	size_t eol = 0; /* the end of the line holding p, once p reaches it */
	for (size_t p = 0; p < n && D->specials; p++) {
		char ch = s[p];
		if (!interesting[(unsigned char)ch])
			continue;
		if (D->nskip && ck_doc_skipped(D, p))
			continue;
		if (ch == '{' && p + 1 < n && s[p + 1] == '{') {
			/* "{{…}}" on its line; searched within the line only, so
			 * a long line is not rescanned to its end per brace */
			if (eol <= p) {
				const char *nl = memchr(s + p, '\n', n - p);
				eol = nl ? (size_t)(nl - s) : n;
			}
			const char *e = eol > p + 2 ? memmem(s + p + 2, eol - p - 2, "}}", 2) : NULL;
			size_t q = e ? (size_t)(e - s) + 2 : eol;
			while (q < n && s[q] == '}')
				q++;
			unfilled(c, r, p, q);
			p = q - 1;
			continue;
		}
		if (ch == '{' || ch == '[' || ch == '<' || (ch == '$' && p + 1 < n && s[p + 1] == '{')) {
			char close = ch == '[' ? ']' : (ch == '<' ? '>' : '}');
			size_t q = p + (ch == '$' ? 2 : 1);
			size_t a = q;
			bool upper = true, ok = true;
			int letters = 0;
			while (q < n && q - a <= 60 && s[q] != close && s[q] != '\n') {
				unsigned char u = (unsigned char)s[q];
				if ((u >= 'a' && u <= 'z'))
					upper = false, letters++;
				else if (u >= 'A' && u <= 'Z')
					letters++;
				else if (!(u == ' ' || u == '_' || u == '-' || u == '.' || (u >= '0' && u <= '9') ||
					   (ch != '<' && (u == '/' || u == '\'' || u == ','))))
					ok = false;
				q++;
			}
			if (q >= n || s[q] != close || q == a || !ok || letters < 2) {
				continue;
			}
			size_t e = q + 1;
			/* a Markdown link or reference: [text](url), [text][ref] */
			if (ch == '[' && e < n && (s[e] == '(' || s[e] == '[' || s[e] == ':'))
				continue;
			if (ch == '<') {
				static const char *const tags[] = {"b", "i", "p", "br", "div", "span", "a",
					"em", "strong", "ul", "li", "ol", "hr", "table", "tr", "td", "th", "u",
					"s", "code", "pre", "blockquote", "img", "sup", "sub", "small", "h1",
					"h2", "h3", "h4", "h5", "h6", "tbody", "thead", NULL};
				bool tag = false;
				for (size_t t = 0; tags[t]; t++)
					if (q - a == strlen(tags[t]) && strncasecmp(s + a, tags[t], q - a) == 0)
						tag = true;
				if (tag)
					continue;
			}
			/* "[RESOLVED] Checkout errors", "[MONITORING]": a status tag */
			if (ch == '[' && status_tag(D, &tag_sent, a, q))
				continue;
			bool ident = ch == '{' || ch == '$';
			if (ident) {
				/* {name} / ${name}: an identifier, no spaces */
				for (size_t k = a; k < q; k++)
					if (s[k] == ' ')
						ident = false;
				if (!ident)
					continue;
			} else if (!(upper || placeholder_word(s + a, q - a))) {
				continue;
			}
			unfilled(c, r, p, e);
			p = e - 1;
			continue;
		}
		if (ch == '%' && p + 1 < n && s[p + 1] == 's' && (p + 2 >= n || !((s[p + 2] | 0x20) >= 'a' && (s[p + 2] | 0x20) <= 'z'))) {
			unfilled(c, r, p, p + 2);
			continue;
		}
		if (ch == '?' && p + 2 < n && s[p + 1] == '?' && s[p + 2] == '?') {
			size_t q = p;
			while (q < n && s[q] == '?')
				q++;
			unfilled(c, r, p, q);
			p = q - 1;
			continue;
		}
	}
	/* XXX, TBD, TODO, FIXME as words, the ones the windows found
	 * (unfilled_window), in token order */
	struct cover cv;
	cover_init(&cv, c, r->id, before);
	for (size_t k = 0; k < c->nunf_word; k++) {
		const struct ck_range *w = &c->unf_word[k];
		if (!covered_by(&cv, c, w->start, w->end)) {
			unfilled(c, r, w->start, w->end);
			cover_add(&cv, w->end);
		}
	}
}

/* s[0..n) is a placeholder's text: three or more x's in either case
 * ("XXX", "xxxx") or TBD, TODO, FIXME, TBC, TBA in capitals. */
static bool placeholder_text(const char *s, size_t n)
{
	static const char *const caps[] = {"TBD", "TODO", "FIXME", "TBC", "TBA", NULL};
	size_t xs = 0;
	while (xs < n && (s[xs] == 'x' || s[xs] == 'X'))
		xs++;
	if (n >= 3 && xs == n)
		return true;
	for (size_t k = 0; caps[k]; k++)
		if (n == strlen(caps[k]) && !memcmp(s, caps[k], n))
			return true;
	return false;
}

/* An e-mail address whose mailbox, before "@", is a placeholder's text
 * ("XXX@clinic.example", "TODO@…"): the address was never filled in,
 * and reaches no one. */
static bool placeholder_mailbox(const struct ck_doc *d, size_t i)
{
	const struct ck_tok *t = &d->tok[i];
	const char *s = d->text + t->start;
	/* every placeholder opens with one of four letters: most addresses
	 * are passed over on their first byte */
	if (t->type != CK_EMAIL || !strchr("xXTF", s[0]))
		return false;
	const char *at = memchr(s, '@', t->end - t->start);
	return at && placeholder_text(s, (size_t)(at - s));
}

/* Token i is a placeholder word for rule_unfilled: a placeholder's text
 * (placeholder_text), or an e-mail address with one as its mailbox. Most
 * words fail on their type, flags or first letter before their text is
 * read. */
static bool unfilled_word(const struct ck_doc *d, size_t i)
{
	const struct ck_tok *t = &d->tok[i];
	if (t->type == CK_EMAIL)
		return placeholder_mailbox(d, i);
	if (t->type != CK_WORD ||
	    !((t->nlen >= 3 && ck_norm(d, i)[0] == 'x') || ((t->flags & CK_TF_ALLCAPS) && t->nlen <= 5)))
		return false;
	return placeholder_text(d->text + t->start, t->end - t->start);
}

/* Finds the window's placeholder words for rule_unfilled while its tokens
 * are in the cache, keeping their bytes: the rule runs once for the
 * message, after the windows (its "{{…}}" search runs to the end of a
 * line), and reading every token again then streamed a long message's
 * 24 MB of tokens from memory; reading only the candidates' tokens and
 * text then still cost a cache miss or two a candidate. */
static void unfilled_window(struct ck_ctx *c)
{
	for (size_t i = c->t0; i < c->t1; i++) {
		/* unfilled_word's first tests, inline: most words are neither
		 * in capitals nor start with an x, and its call for every
		 * token was 1.5% of an archive's instructions (an e-mail
		 * address, normalised as "<email>", is asked about its mailbox) */
		const struct ck_tok *t = &D->tok[i];
		if (!(t->flags & CK_TF_ALLCAPS) && !(t->nlen >= 3 && ck_norm(D, i)[0] == 'x') && t->type != CK_EMAIL)
			continue;
		if (!unfilled_word(D, i))
			continue;
		if (c->nunf_word == c->capunf_word) {
			size_t n = c->capunf_word ? c->capunf_word * 2 : 64;
			struct ck_range *v = realloc(c->unf_word, n * sizeof *v);
			if (!v) {
				c->oom = true;
				return;
			}
			c->unf_word = v;
			c->capunf_word = n;
		}
		c->unf_word[c->nunf_word++] = (struct ck_range){D->tok[i].start, D->tok[i].end};
	}
}

/* ---- items: dates, durations and amounts, with their roles --------------------------- */

/* Ends the stretch of text in which a cue makes a time the ETA: a sentence
 * end or clause punctuation other than a comma ("; : ( ) [ ] —"). */
static bool breaks_eta_clause(const struct ck_doc *d, size_t i)
{
	return i >= d->ntok || (d->tok[i].gap & CK_G_SENT) ||
	       ((d->tok[i].gap & CK_G_CLAUSE) && d->tok[i].clause_ch != ',');
}

static bool is_subordinator(const struct ck_doc *d, size_t k)
{
	return ck_is(d, k, "when") || ck_is(d, k, "whenever") || ck_is(d, k, "if") || ck_is(d, k, "once") ||
	       ck_is(d, k, "unless");
}

static bool own_future_clause(const struct ck_doc *d, const struct ck_item *it, const struct ck_hit *cue);

/* What the roles and ETA contexts of all items need, computed in a few
 * passes over tokens and hits so that each item is answered in a few steps
 * instead of a scan of its sentence or clause (which may be the whole of a
 * long message without punctuation). Per token T of the tokens [t0, t1]
 * the index covers (whole sentences: t0 a sentence's first token, t1 one
 * or ntok), stored at T - t0:
 *   cue_before[T]  1 + the hit (eta or next-update cue) ending last at or
 *                  before T in T's sentence (the later hit on a tie), or 0
 *   eta_before[T]  the same for ETA cues, anywhere before T from t0 on
 *   clause_a[T]    the start of T's ETA clause (breaks_eta_clause)
 *   clause_b[T]    the first ETA-clause break at or after T (t1 if none)
 *   subs[T]        how many subordinators ("when", "if"…) come before T
 *                  from t0 on (only differences are read)
 *   eta_end[T]     an ETA cue ends at T
 * and per hit H of the message: next_cue[H], next_eta[H], the first cue
 * (ETA cue) hit at or after H (nhit if none).
 * An item's questions stay in its sentence and a sentence start breaks
 * every ETA clause, so an index of the item's own sentences answers them
 * as one of the whole message would: item_index_cover indexes just those,
 * rebuilt when an item lies outside them, not the whole message at once
 * (21 bytes a token, 15 MB on a 4 MB line, on top of everything else the
 * check holds). It used to take some 8,192 tokens from the item's
 * sentence on, which in a short message is every token after its first
 * time; most sentences hold no time, and indexing only those that do cut
 * 0.9% of an archive's instructions. */
struct item_index {
	size_t t0, t1, cap;        /* tokens [t0, t1] indexed; room for cap */
	uint32_t *cue_before, *eta_before, *clause_a, *clause_b, *subs, *next_cue, *next_eta;
	uint8_t *eta_end;
};

#define XT(x, a, t) ((x)->a[(t) - (x)->t0])

/* An ETA cue of one word in -ed after a determiner describes a thing
 * instead of saying when the fix comes: "I will send you the recovered
 * readings by Wednesday", "the completed forms". Such a hit is no cue. */
static bool adjective_cue(const struct ck_doc *d, const struct ck_hit *y)
{
	/* "of" too: "a count of finished theses"; and a count, in figures or
	 * words (the extractor's number words): "photos of both finished
	 * chairs", "the first eight finished masks", "the 12 completed forms" */
	static const char *const det[] = {"the", "a", "an", "your", "our", "all", "these", "those", "of", "both",
		NULL};
	if (y->list != L_ETA_CUE || y->last != y->first + 1 || y->first == 0 || breaks_clause(d, y->first))
		return false;
	size_t p = y->first - 1;
	return ends_ed(d, y->first, 3) && (ck_is_any(d, p, det) || d->tok[p].type == CK_NUM || ck_tok_number_word(d, p));
}

/* The per-hit part, once for the message; the per-token arrays empty. */
static bool item_index_init(const struct ck_doc *d, struct item_index *x)
{
	size_t nh = d->nhit;
	memset(x, 0, sizeof *x);
	x->next_cue = calloc(nh + 1, sizeof(uint32_t));
	x->next_eta = calloc(nh + 1, sizeof(uint32_t));
	if (!x->next_cue || !x->next_eta)
		return false;
	x->next_cue[nh] = x->next_eta[nh] = (uint32_t)nh;
	for (size_t h = nh; h-- > 0;) {
		int l = d->hit[h].list;
		bool adj = adjective_cue(d, &d->hit[h]);
		x->next_cue[h] = ((l == L_ETA_CUE && !adj) || l == L_NEXT_UPDATE) ? (uint32_t)h : x->next_cue[h + 1];
		x->next_eta[h] = l == L_ETA_CUE && !adj ? (uint32_t)h : x->next_eta[h + 1];
	}
	return true;
}

/* Indexes tokens [t0, t1] (t0 the first token of a sentence, t1 the first
 * of a later one or ntok). */
static bool item_index_build(const struct ck_doc *d, struct item_index *x, size_t t0, size_t t1)
{
	size_t n = t1 - t0 + 1;
	if (n > x->cap) {
		uint32_t **a[] = {&x->cue_before, &x->eta_before, &x->clause_a, &x->clause_b, &x->subs};
		for (size_t i = 0; i < sizeof a / sizeof a[0]; i++) {
			free(*a[i]);
			*a[i] = malloc(n * sizeof(uint32_t));
		}
		free(x->eta_end);
		x->eta_end = malloc(n);
		x->cap = 0;
		if (!x->cue_before || !x->eta_before || !x->clause_a || !x->clause_b || !x->subs || !x->eta_end)
			return false;
		x->cap = n;
	}
	x->t0 = t0;
	x->t1 = t1;
	memset(x->cue_before, 0, n * sizeof(uint32_t));
	memset(x->eta_before, 0, n * sizeof(uint32_t));
	memset(x->eta_end, 0, n);
	/* hits ending at each token, the later hit winning; no hit crosses a
	 * sentence, so those starting in [t0, t1) end by t1 */
	for (size_t h = ck_hit_lower(d, t0), he = ck_hit_lower(d, t1); h < he; h++) {
		const struct ck_hit *y = &d->hit[h];
		if ((y->list != L_ETA_CUE && y->list != L_NEXT_UPDATE) || adjective_cue(d, y))
			continue;
		XT(x, cue_before, y->last) = (uint32_t)h + 1;
		if (y->list == L_ETA_CUE) {
			XT(x, eta_before, y->last) = (uint32_t)h + 1;
			XT(x, eta_end, y->last) = 1;
		}
	}
	for (size_t t = t0; t <= t1; t++) {
		bool sent_start = t < d->ntok && d->sent[d->tok[t].sent].first == t;
		if (sent_start) /* what ends here belongs to the sentence before */
			XT(x, cue_before, t) = 0;
		else if (!XT(x, cue_before, t) && t > t0)
			XT(x, cue_before, t) = XT(x, cue_before, t - 1);
		if (!XT(x, eta_before, t) && t > t0)
			XT(x, eta_before, t) = XT(x, eta_before, t - 1);
		XT(x, clause_a, t) = (t == t0 || breaks_eta_clause(d, t)) ? (uint32_t)t : XT(x, clause_a, t - 1);
		XT(x, subs, t) = t == t0 ? 0 : XT(x, subs, t - 1) + is_subordinator(d, t - 1);
	}
	XT(x, clause_b, t1) = (uint32_t)t1;
	for (size_t t = t1; t-- > t0;)
		XT(x, clause_b, t) = breaks_eta_clause(d, t) ? (uint32_t)t : XT(x, clause_b, t + 1);
	return true;
}

/* Makes x cover the sentences of tokens [first, last) (an item). */
static bool item_index_cover(const struct ck_doc *d, struct item_index *x, size_t first, size_t last)
{
	size_t s0 = d->sent[d->tok[first].sent].first;
	size_t s1 = d->sent[d->tok[last > first ? last - 1 : first].sent].last;
	if (x->cap && x->t0 <= s0 && s1 <= x->t1)
		return true;
	return item_index_build(d, x, s0, s1);
}

static void item_index_free(struct item_index *x)
{
	free(x->cue_before);
	free(x->eta_before);
	free(x->clause_a);
	free(x->clause_b);
	free(x->subs);
	free(x->next_cue);
	free(x->next_eta);
	free(x->eta_end);
}

/* A subordinating word in tokens [a, b): the time and the cue belong to
 * different statements ("we will know the fix worked when test alerts page
 * within 2 minutes"). */
static bool subordinated(const struct item_index *x, size_t a, size_t b)
{
	return XT(x, subs, b) > XT(x, subs, a);
}

/* Is the time at tokens [first, last) stated as the ETA of the fix? It needs
 * an ETA cue (eta_cues.txt: expect, fix, restored, resolved by, live, ETA…)
 * in its own clause, commas crossed, with no subordinator between, or a cue
 * just before a colon or dash that introduces it ("ETA: Friday"). A duration
 * or a time with no such context ("test alerts page on-call within 2
 * minutes", "(due Monday)") is not a claim about the ETA. Only the nearest
 * cue on each side matters: if a subordinator separates it, it separates
 * every cue further away too; and no hit crosses a clause break. */
static bool eta_context(const struct ck_doc *d, const struct item_index *x, size_t first, size_t last)
{
	size_t a = XT(x, clause_a, first);
	size_t b = last;
	/* "Friday 17:00 (UTC+01:00) is when …": the item's own ')' goes on */
	if (b < d->ntok && d->tok[b].clause_ch == ')' && !(d->tok[b].gap & CK_G_SENT) &&
	    d->tok[last - 1].end < d->len && d->text[d->tok[last - 1].end] == ')')
		b++;
	b = XT(x, clause_b, b);
	bool lead = a > 0 && !(d->tok[a].gap & CK_G_SENT) &&
		    (d->tok[a].clause_ch == ':' || d->tok[a].clause_ch == '-');
	if (lead && XT(x, eta_end, a))
		return true;
	/* the nearest cue before the time, in its clause */
	uint32_t hb = XT(x, eta_before, first);
	if (hb && d->hit[hb - 1].first >= a && !subordinated(x, d->hit[hb - 1].last, first))
		return true;
	/* the nearest cue after it, in its clause */
	size_t ha = x->next_eta[ck_hit_lower(d, last)];
	return ha < d->nhit && d->hit[ha].last <= b && !subordinated(x, last, d->hit[ha].first);
}

/* Irregular past forms a narration of what happened uses that
 * past_form's list leaves out ("when your band rang a full peal on
 * Sunday", "on Saturday the drill bit wore down"): that list is asked at
 * every token of every rule and kept short, this one only where a time's
 * tense is judged, after the cheaper tests. */
static bool told_irregular(const struct ck_doc *d, size_t k)
{
	static const char *const forms[] = {"wore", "rang", "fell", "drove", "froze", "tore", "stood",
		"struck", "burst", "shook", "blew", "grew", "threw", "woke", "hung", "caught", "fed", "bent",
		"dug", "flew", "sank", "slid", "spun", "swung", NULL};
	/* by length first: every form has three to six letters */
	return k < d->ntok && d->tok[k].nlen - 3u <= 3u && d->tok[k].type == CK_WORD && !breaks_clause(d, k) &&
	       ck_is_any(d, k, forms);
}

/* Token k, a participle, is the present passive: "is", "are" or "am"
 * right before it, or one word before that ("your operation is now booked
 * for Tuesday", "the rooms are all reserved for the 12th") — a state that
 * holds now, no narration of the past. a is the clause's first token. */
static bool present_passive(const struct ck_doc *d, size_t a, size_t k)
{
	for (size_t q = k; q > a && k - q < 2; q--)
		if (ck_is(d, q - 1, "is") || ck_is(d, q - 1, "are") || ck_is(d, q - 1, "am"))
			return true;
	return false;
}

/* A time of day with no date that has already passed today is read as
 * tomorrow ("by 5pm" said at 6pm), a bare weekday as the coming one; in a
 * clause that narrates the past they are past ("the rebuild started at
 * 08:15 UTC", "CPU reached 100% at 03:10", "the queue was at 12,000 jobs at
 * 10:30", "the export we started on Saturday", "I should have told you on
 * Friday"): a past verb or a "should/could/would have" before it in its
 * clause and no word of the future; a participle of the present passive
 * is no past verb ("your table is now booked for Friday"). */
static bool narrated_past(const struct ck_doc *d, size_t first)
{
	size_t a = clause_back(d, first, 12);
	static const char *const future[] = {"will", "shall", "expect", "expected", "until",
		"next", "tomorrow", "tonight", "plan", "planned", "going", "before", "within", NULL};
	/* thanks are for what has been done: "thank you for meeting us on
	 * Thursday" */
	static const char *const past[] = {"was", "were", "had", "did", "ago", "earlier", "since",
		"began", "ran", "went", "came", "saw", "lost", "hit", "took", "sent", "led", "thank", "thanks", NULL};
	/* "Further to our call on Thursday", "Following your visit on
	 * Friday": what the message answers, opening its sentence or line
	 * (session 23) */
	bool was = a < first && (a == 0 || (d->tok[a].gap & (CK_G_SENT | CK_G_LINE | CK_G_PARA))) &&
		   (ck_is(d, a, "further") || ck_is(d, a, "following"));
	/* "by 09:00" is a deadline; "restarted by our team at 06:10" is not */
	if (first > a && ck_is(d, first - 1, "by"))
		return false;
	for (size_t k = a; k < first; k++) {
		/* "clinics starting before 9am": "before" as the time's own
		 * preposition says nothing of the future, only of the hour */
		if (ck_is_any(d, k, future) && !(k + 1 == first && ck_is(d, k, "before")))
			return false;
		if (ck_is_any(d, k, past))
			was = true;
		if (ck_is(d, k, "have") && k > a &&
		    (ck_is(d, k - 1, "should") || ck_is(d, k - 1, "could") || ck_is(d, k - 1, "would") ||
		     ck_is(d, k - 1, "may") || ck_is(d, k - 1, "might") || ck_is(d, k - 1, "must")))
			was = true; /* "should have", "may have been serving" */
		/* a past verb in -ed, or one past_verb knows ("our machine
		 * broke on Friday", "we paid on Monday"); not a participle as
		 * an adjective after a determiner ("we are fitting a sealed
		 * unit on Thursday", "we send the corrected file on Monday"),
		 * unless it names the harm, which is past ("the missed
		 * deliveries of 10-12 November") */
		bool ed = d->tok[k].type == CK_WORD && ends_ed(d, k, 3);
		if ((ed || past_verb(d, k)) &&
		    !(k > a && (ck_is(d, k - 1, "be") || ck_is(d, k - 1, "been") || ck_is(d, k - 1, "to"))) &&
		    !(k > a && determiner(d, k - 1) && !ck_has(d, k, L_OWN_VERB) && !ck_has(d, k, L_PARTICIPLE) &&
		      !ck_has(d, k, L_HARM) && !ck_has(d, k, L_IMPACT)) &&
		    !present_passive(d, a, k))
			was = true;
	}
	/* no word of the future and no past form yet: the rarer irregular
	 * ones, in a second walk of the same few tokens */
	for (size_t k = a; k < first && !was; k++)
		was = told_irregular(d, k);
	return was;
}

/* "Following the wedding on Saturday, here is our plan", "following
 * Tuesday's outage": a bare weekday in a clause that opens with
 * "following" (at most six tokens before it) is the day of what the
 * message follows, past, not a time ahead. FIRST is the weekday's token. */
static bool following_event(const struct ck_doc *d, size_t first)
{
	size_t a = clause_back(d, first, 6);
	for (size_t q = a; q < first; q++)
		if (ck_is(d, q, "following") && (q == 0 || breaks_clause(d, q)))
			return true;
	return false;
}

/* The day of the failure, not a time ahead: a weekday in the possessive
 * before a word of harm (harm_nouns.txt), "following Sunday's failure",
 * "after Friday's outage". LAST is the token after the weekday. */
static bool failure_day(const struct ck_doc *d, size_t last)
{
	return ck_is(d, last, "'s") && !breaks_clause(d, last + 1) && ck_has(d, last + 1, L_HARM);
}

/* A time that opens what we did: "At 21:40 on Saturday we stopped the
 * converter", "By 09:15 this morning we had recovered 1,204 files" — a
 * subject pronoun and a past verb (or "had" and one) right after the time
 * (token last), in its clause. */
static bool subject_past_after(const struct ck_doc *d, size_t last)
{
	/* the day in words the time item leaves out: "this morning", "today" */
	for (size_t k = 0; k < 2 && !breaks_clause(d, last) &&
			   (ck_is(d, last, "this") || ck_is(d, last, "morning") || ck_is(d, last, "afternoon") ||
			    ck_is(d, last, "evening") || ck_is(d, last, "today"));
	     k++)
		last++;
	if (breaks_clause(d, last) || breaks_clause(d, last + 1))
		return false;
	/* or a thing: "On Saturday the drill bit wore down" — "the/our" and
	 * one or two more words, then a past verb (the word right after the
	 * determiner is its noun or adjective: "the updated list will …") */
	if (ck_is(d, last, "the") || ck_is(d, last, "our")) {
		for (size_t v = last + 2; v < d->ntok && v <= last + 3 && !breaks_clause(d, v); v++)
			if (past_verb(d, v) || told_irregular(d, v))
				return true;
		return false;
	}
	if (!(ck_is(d, last, "we") || ck_is(d, last, "i") || ck_is(d, last, "they")))
		return false;
	size_t v = last + 1;
	if (ck_is(d, v, "had") && !breaks_clause(d, v + 1))
		v++;
	return past_verb(d, v) || told_irregular(d, v);
}

/* An ETA cue in the clause before token first: "Lena was told the fix
 * lands Friday" reports a future date in the past tense. */
static bool eta_cue_in_clause(const struct ck_doc *d, size_t first)
{
	size_t a = clause_back(d, first, 12);
	for (size_t h = ck_hit_lower(d, a); h < d->nhit && d->hit[h].first < first; h++)
		if (d->hit[h].list == L_ETA_CUE)
			return true;
	return false;
}

/* An ETA cue that only links ("will be", "scheduled", "date"): after "the
 * next update" it is the update's time, not the fix's ("the next update
 * will be at 15:00"). */
static bool weak_eta_cue(const struct ck_doc *d, const struct ck_hit *x)
{
	for (size_t k = x->first; k < x->last; k++)
		if (!(ck_is(d, k, "will") || ck_is(d, k, "be") || ck_is(d, k, "scheduled") ||
		      ck_is(d, k, "planned") || ck_is(d, k, "date") || ck_is(d, k, "expected")))
			return false;
	return true;
}

/* The sentence before token i's is a bare label of the next message, on
 * i's line or as a heading line above it: in "**Next update.** We will
 * publish the full timeline here on Wednesday" the field's first sentence
 * times the next message, whatever its cues say ("timeline" is one of
 * the fix's). */
static bool after_next_label(const struct ck_doc *d, size_t i)
{
	size_t s = d->tok[i].sent;
	if (s == 0)
		return false;
	const struct ck_sent *p = &d->sent[s - 1];
	if (p->last - p->first > 3)
		return false;
	/* or the label as a heading over the line below it ("## Next
	 * update" above "Wednesday 25 November, 16:00, with the list"): a
	 * line of its own with no final punctuation */
	if ((d->tok[d->sent[s].first].gap & (CK_G_LINE | CK_G_PARA)) &&
	    !(p->term == 0 && (p->first == 0 || (d->tok[p->first].gap & (CK_G_LINE | CK_G_PARA)))))
		return false;
	for (size_t h = ck_hit_lower(d, p->first); h < d->nhit && d->hit[h].first < p->last; h++)
		if (d->hit[h].list == L_NEXT_UPDATE && d->hit[h].first == p->first && d->hit[h].last == p->last)
			return true;
	return false;
}

/* Room for the roles of every item found so far (role, eta_claim), the new
 * ones zero. */
static bool roles_room(struct ck_ctx *c)
{
	size_t need = c->items.n + 1;
	if (need <= c->caprole)
		return true;
	size_t n = c->caprole ? c->caprole : 16;
	while (n < need)
		n *= 2;
	uint8_t *r = realloc(c->role, n);
	if (!r)
		return false;
	c->role = r;
	uint8_t *e = realloc(c->eta_claim, n);
	if (!e)
		return false;
	c->eta_claim = e;
	memset(c->role + c->caprole, 0, n - c->caprole);
	memset(c->eta_claim + c->caprole, 0, n - c->caprole);
	c->caprole = n;
	return true;
}

/* The time at tokens [first, last) is no time ahead of us, by the word
 * before it: "since Friday" and "last Saturday" are past; a day between
 * "the" and a noun names a thing ("the Thursday evening group"); "moves
 * from 27 November to 3
 * December", "from Monday to Friday" — the date after "from", with "to"
 * or "until" after it, is where a span starts (the date left, or work
 * begun), not when the fix comes. */
static bool not_ahead(const struct ck_doc *d, size_t first, size_t last)
{
	if (first == 0 || breaks_clause(d, first))
		return false;
	if (ck_is(d, first - 1, "since") || ck_is(d, first - 1, "last"))
		return true;
	/* "in the Thursday evening group", "the Friday market": after
	 * "the" and before a plain noun, the day names a thing that meets
	 * on it, not a time (but "the Thursday deadline" is one) */
	static const char *const due[] = {"deadline", "cut-off", "cutoff", "target", "date", NULL};
	if (ck_is(d, first - 1, "the") && last < d->ntok && !breaks_clause(d, last) && d->tok[last].type == CK_WORD &&
	    !ck_has(d, last, L_STOPWORD) && !ck_has(d, last, L_TIME_WORD) && !ck_is_any(d, last, due))
		return true;
	return ck_is(d, first - 1, "from") && last < d->ntok && !breaks_clause(d, last) &&
	       (ck_is(d, last, "to") || ck_is(d, last, "until") || ck_is(d, last, "till"));
}

/* "I'll confirm it's done by 20:00 tomorrow", "we will confirm the line
 * is live by Friday": an ETA cue (hit y) told as a state in the present,
 * right after is, are or 's, in the clause of a next-update cue that ends
 * at most six tokens before it, is what the message will confirm, and a
 * time after it times the message. The fix's own time needs a future
 * ("… will be done by Friday": "be" before the cue, not "is"). */
static bool confirmed_state(const struct ck_doc *d, const struct item_index *x, const struct ck_hit *y)
{
	size_t b = y->first;
	/* one adverb may stand between: "the list of who is fully
	 * restored", "which orders are now fixed" (not "not") */
	if (b > 2 && !breaks_eta_clause(d, b) && !breaks_eta_clause(d, b - 1) && !ck_is(d, b - 1, "not") &&
	    (is_adverb(d, b - 1) || ck_is(d, b - 1, "now")))
		b--;
	if (b < 2 || breaks_eta_clause(d, b) || !(ck_is(d, b - 1, "is") || ck_is(d, b - 1, "'s") || ck_is(d, b - 1, "are")))
		return false;
	uint32_t hp = XT(x, cue_before, b - 1);
	if (!hp || d->hit[hp - 1].list != L_NEXT_UPDATE || d->hit[hp - 1].last + 6 < b)
		return false;
	for (size_t k = d->hit[hp - 1].last; k < b; k++)
		if (breaks_eta_clause(d, k))
			return false;
	return true;
}

/* "A further update will be delivered to every home on Thursday": an
 * ETA cue (hit y) as the participle of a passive whose "will be" or "be"
 * (a linking cue, the hit right before it) follows a next-update cue at
 * most two tokens back in its clause — the message is the subject, and
 * the time is when it comes, not the fix. */
static bool update_delivered(const struct ck_doc *d, const struct item_index *x, const struct ck_hit *y)
{
	uint32_t hp = XT(x, cue_before, y->first);
	if (!hp || d->hit[hp - 1].last != y->first || d->hit[hp - 1].list != L_ETA_CUE ||
	    !ck_is(d, y->first - 1, "be") || !weak_eta_cue(d, &d->hit[hp - 1]))
		return false;
	const struct ck_hit *be = &d->hit[hp - 1];
	uint32_t hn = XT(x, cue_before, be->first);
	if (!hn || d->hit[hn - 1].list != L_NEXT_UPDATE || d->hit[hn - 1].last + 2 < be->first)
		return false;
	for (size_t k = d->hit[hn - 1].last; k <= be->first; k++)
		if (breaks_eta_clause(d, k))
			return false;
	return true;
}

/* Token k is an hour of the day: a number with a colon ("9:00", "17:30")
 * or with am/pm joined or after it ("9am", "5 pm"), or noon, midday or
 * midnight. */
static bool hour_word(const struct ck_doc *d, size_t k)
{
	if (k >= d->ntok)
		return false;
	if (d->tok[k].type == CK_WORD)
		return ck_tok_clock_word(d, k);
	if (d->tok[k].type != CK_NUM)
		return false;
	const char *w = ck_norm(d, k);
	size_t n = d->tok[k].nlen;
	if (strchr(w, ':') || (n > 2 && (!strcmp(w + n - 2, "am") || !strcmp(w + n - 2, "pm"))))
		return true;
	return k + 1 < d->ntok && !breaks_clause(d, k + 1) && (ck_is(d, k + 1, "am") || ck_is(d, k + 1, "pm"));
}

/* Tokens j and k (j < k) are the two ends of a range: "to", "until" or
 * "till" between them, or a hyphen or dash joining them ("Mon-Fri",
 * "8am–8pm"), with at most "am"/"pm" after j. */
static bool range_ends(const struct ck_doc *d, size_t j, size_t k)
{
	size_t m = j + 1;
	if (m < k && (ck_is(d, m, "am") || ck_is(d, m, "pm")) && !breaks_clause(d, m))
		m++;
	if (m == k)
		return (d->tok[k].flags & CK_TF_HYPH) || ((d->tok[k].gap & CK_G_CLAUSE) && !(d->tok[k].gap & CK_G_SENT) &&
							     d->tok[k].clause_ch == '-');
	return m + 1 == k && !breaks_clause(d, m) && !breaks_clause(d, k) &&
	       (ck_is(d, m, "to") || ck_is(d, m, "until") || ck_is(d, m, "till"));
}

/* The range of days or of hours that token k opens or closes, as
 * [*r0, *r1]: the other end at most three tokens away (is(d, t) the kind
 * of end), or both hours in k itself. False when k is no end of one. */
static bool range_of(const struct ck_doc *d, size_t k, bool (*is)(const struct ck_doc *, size_t), size_t *r0,
		     size_t *r1)
{
	/* "9am-5pm", "09:00-17:30": one number token holds both hours */
	if (is == hour_word && d->tok[k].type == CK_NUM && strchr(ck_norm(d, k), '-')) {
		*r0 = *r1 = k;
		return true;
	}
	for (size_t t = k + 1; t < d->ntok && t <= k + 3; t++)
		if (is(d, t) && range_ends(d, k, t)) {
			*r0 = k;
			*r1 = t;
			return true;
		}
	for (size_t t = k; t > 0 && k - t < 3; t--)
		if (is(d, t - 1) && range_ends(d, t - 1, k)) {
			*r0 = t - 1;
			*r1 = k;
			return true;
		}
	return false;
}

/* Opening hours, a time that comes back, not when anything will be done:
 * item [a, b) is an end of a range of days ("Monday to Friday", "Mon-Fri")
 * or of hours ("9am to 5pm", "8am–8pm") that has a range of the other kind
 * within six tokens of it in its sentence, or "open" at most four tokens
 * before it, or "every/each day", "daily", "weekdays", "a day" or "a
 * week" within four tokens after it ("Call 0800 410 2290, Monday to
 * Friday, 9am to 5pm", "lines are open 8am–8pm", "our teams are working
 * from 7am to 7pm each day"). Not "the fix will be live by Friday", "the
 * repair will run from Monday to Friday next week", nor "between Monday
 * and Wednesday", a window for one job. */
static bool opening_hours(const struct ck_doc *d, size_t a)
{
	/* a range's joint next to the item first, a few token compares: most
	 * times and dates have none ("by Friday", "at 17:00"), and asking
	 * every one of them for a day or an hour cost the archive slice 0.7% */
	bool joint = (d->tok[a].flags & CK_TF_HYPH) || (a + 1 < d->ntok && (d->tok[a + 1].flags & CK_TF_HYPH)) ||
		     (d->tok[a].type == CK_NUM && strchr(ck_norm(d, a), '-'));
	for (size_t t = a > 2 ? a - 2 : 0; !joint && t < d->ntok && t <= a + 3; t++)
		joint = (t != a && d->tok[t].nlen <= 5 &&
			 (ck_is(d, t, "to") || ck_is(d, t, "until") || ck_is(d, t, "till"))) ||
			((d->tok[t].gap & CK_G_CLAUSE) && d->tok[t].clause_ch == '-');
	if (!joint)
		return false;
	size_t r0, r1, x0, x1;
	bool day = ck_tok_weekday(d, a);
	if (!(day ? range_of(d, a, ck_tok_weekday, &r0, &r1) : hour_word(d, a) && range_of(d, a, hour_word, &r0, &r1)))
		return false;
	const struct ck_sent *st = &d->sent[d->tok[a].sent];
	for (size_t k = r0 > st->first + 6 ? r0 - 6 : st->first; k < st->last && k <= r1 + 6; k++)
		if ((day ? hour_word(d, k) && range_of(d, k, hour_word, &x0, &x1)
			 : ck_tok_weekday(d, k) && range_of(d, k, ck_tok_weekday, &x0, &x1)))
			return true;
	for (size_t k = r0; k > st->first && r0 - k < 4 && !breaks_clause(d, k); k--)
		if (ck_is(d, k - 1, "open"))
			return true;
	for (size_t k = r1 + 1; k < st->last && k <= r1 + 4; k++) {
		if (ck_is(d, k, "daily") || ck_is(d, k, "weekdays") || ck_is(d, k, "weekday"))
			return true;
		if (k + 1 < st->last && (ck_is(d, k, "every") || ck_is(d, k, "each") || ck_is(d, k, "a")) &&
		    (ck_is(d, k + 1, "day") || ck_is(d, k + 1, "week")))
			return true;
	}
	return false;
}

/* An ETA cue of one word that describes the noun after it, not a thing
 * done by a time: "the first finished sheets", "a count of ready kits",
 * "the rebuilt listings" — after a determiner, "of", "first", "last",
 * "newly" or a number, and before a word of its clause that is no
 * stopword. Dev sets holdout20-381: next updates such a cue hid
 * ("I'll email you photos of the first finished sheets by Wednesday"). */
static bool attributive_cue(const struct ck_doc *d, const struct ck_hit *y)
{
	size_t k = y->first, n = y->last;
	if (n != k + 1 || k == 0 || n >= d->ntok || breaks_clause(d, k) || breaks_clause(d, n) ||
	    d->tok[n].type != CK_WORD || ck_has(d, n, L_STOPWORD))
		return false;
	return determiner(d, k - 1) || ck_is(d, k - 1, "of") || ck_is(d, k - 1, "first") || ck_is(d, k - 1, "last") ||
	       ck_is(d, k - 1, "newly") || d->tok[k - 1].type == CK_NUM;
}

/* Finds the items that start before token END and gives the new ones their
 * roles (ck_ensure_items' work, up to END). ck_run_rules calls it after
 * each window of a long message, while the window's tokens and hits are in
 * the cache: found after the windows, the items and their roles read the
 * 4 MB line's tokens and hits from memory again. An item's role reads its
 * own sentence and clause only, so the roles are the same found window by
 * window or at once. False (c->oom set) on allocation failure. */
static bool items_upto(struct ck_ctx *c, size_t end)
{
	if (c->items_done || c->oom)
		return !c->oom;
	if (!ck_extract_upto(D, &c->when, &c->items, &c->items_pos, end) || !roles_room(c)) {
		c->oom = true;
		return false;
	}
	if (c->roles_done == c->items.n)
		return true;
	if (!c->ix) {
		c->ix = calloc(1, sizeof *c->ix);
		if (!c->ix || !item_index_init(D, c->ix)) {
			c->oom = true;
			return false;
		}
	}
	/* worked on in a copy, written back: through c->ix, every store to the
	 * roles (bytes, which may alias anything) reloaded the index's fields
	 * (0.5% more instructions on the 4 MB line) */
	struct item_index x = *c->ix, *xp = &x;
	for (size_t k = c->roles_done; k < c->items.n; k++) {
		struct ck_item *it = &c->items.v[k];
		if (it->it.kind == RD_EXTRACT_AMOUNT)
			continue;
		if (it->it.kind == RD_EXTRACT_DURATION && !it->it.deadline)
			continue;
		/* "the flowers wilted within two days", "we fixed it within
		 * the hour": a span after "within" or "in" with a verb in -ed
		 * at most three words before, in a clause that narrates the
		 * past, says how soon it happened, not by when it will (read
		 * from before the preposition, a word of the future otherwise).
		 * The "-ed" is asked first, on its two bytes: narrated_past on
		 * every span cost the archive slice 0.25% */
		if (it->it.kind == RD_EXTRACT_DURATION && it->first > 1 && !breaks_clause(D, it->first) &&
		    (ck_is(D, it->first - 1, "within") || ck_is(D, it->first - 1, "in"))) {
			size_t f = it->first - 1;
			bool past = false;
			for (size_t k = f; k > 0 && f - k < 3 && !past && !breaks_clause(D, k); k--) {
				past = ends_ed(D, k - 1, 3);
			}
			if (past && narrated_past(D, f))
				continue;
		}
		if (it->it.kind == RD_EXTRACT_INSTANT && it->past)
			continue;
		/* a time of day with no date, rolled to tomorrow or still ahead
		 * today: "stopped taking payments at 18:30" narrates the past
		 * at either */
		if (it->it.kind == RD_EXTRACT_INSTANT && (it->rolled || it->today) &&
		    (narrated_past(D, it->first) || subject_past_after(D, it->last)))
			continue;
		if (it->it.kind == RD_EXTRACT_INSTANT && not_ahead(D, it->first, it->last))
			continue;
		/* "Monday to Friday, 9am to 5pm": opening hours */
		if (it->it.kind == RD_EXTRACT_INSTANT && opening_hours(D, it->first))
			continue;
		/* the cue test first: it is a lookup in the hits, narrated_past a
		 * walk over the clause */
		if (it->it.kind == RD_EXTRACT_INSTANT && it->weekday_fwd && !eta_cue_in_clause(D, it->first) &&
		    (failure_day(D, it->last) || following_event(D, it->first) || narrated_past(D, it->first) ||
		     subject_past_after(D, it->last)))
			continue;
		/* the nearest cue before it in the sentence, else after it */
		const struct ck_sent *s = &D->sent[D->tok[it->first].sent];
		int rb = ROLE_NONE, ra = ROLE_NONE;
		if (!item_index_cover(D, xp, it->first, it->last)) {
			*c->ix = x;
			c->oom = true;
			return false;
		}
		uint32_t hb = XT(xp, cue_before, it->first);
		/* "I'll send you photos of the first finished sheets on
		 * Wednesday", "a count of ready kits on Monday": an ETA cue
		 * that describes the noun after it is no cue of its own; the
		 * cue before it times the item (attributive_cue) */
		while (hb && D->hit[hb - 1].list == L_ETA_CUE && attributive_cue(D, &D->hit[hb - 1]))
			hb = XT(xp, cue_before, D->hit[hb - 1].first);
		if (hb)
			rb = D->hit[hb - 1].list == L_ETA_CUE ? ROLE_ETA : ROLE_NEXT;
		/* "I'll send you a note when it is live, and in any case on
		 * Monday by 12:00": an ETA cue in a clause opened by "when" or
		 * "once" (at most six words before it) and closed by a comma
		 * before the item is the condition of the message promised
		 * just before it, which the item times */
		if (rb == ROLE_ETA) {
			const struct ck_hit *y = &D->hit[hb - 1];
			uint32_t hp = XT(xp, cue_before, y->first);
			bool sub = false, closed = false;
			for (size_t k = y->first; k > 0 && y->first - k < 6 && !sub && !breaks_clause(D, k); k--)
				sub = ck_is(D, k - 1, "when") || ck_is(D, k - 1, "once");
			for (size_t k = y->last; k <= it->first && sub && !closed; k++)
				closed = breaks_clause(D, k);
			if (sub && closed && hp && D->hit[hp - 1].list == L_NEXT_UPDATE)
				rb = ROLE_NEXT;
			else if (confirmed_state(D, xp, y))
				rb = ROLE_NEXT;
		}
		size_t ha = xp->next_cue[ck_hit_lower(D, it->last)];
		if (ha < D->nhit && D->hit[ha].first < s->last && !own_future_clause(D, it, &D->hit[ha]))
			ra = D->hit[ha].list == L_ETA_CUE ? ROLE_ETA : ROLE_NEXT;
		int role = rb != ROLE_NONE ? rb : ra;
		/* "the next update will be at 15:00": a linking ETA cue after a
		 * next-update cue in the clause times the update, not the fix.
		 * The walk back over earlier cues stops within 12 tokens. */
		bool next_before = false;
		if (role == ROLE_ETA && rb == ROLE_ETA && update_delivered(D, xp, &D->hit[hb - 1]))
			next_before = true;
		else if (role == ROLE_ETA && rb == ROLE_ETA && weak_eta_cue(D, &D->hit[hb - 1])) {
			size_t lim = clause_back(D, it->first, 12);
			for (uint32_t h = hb; h && !next_before;) {
				const struct ck_hit *y = &D->hit[h - 1];
				if (y->first < lim)
					break;
				next_before = y->list == L_NEXT_UPDATE;
				h = XT(xp, cue_before, y->first);
			}
		}
		if (next_before || ((role == ROLE_ETA || role == ROLE_NONE) && after_next_label(D, it->first)))
			role = ROLE_NEXT;
		if (it->recurring && role == ROLE_NONE) {
			/* "we will update you daily" has a cue; "we send a report every
			 * morning" has a writer and a word of telling; "thousands of
			 * teams depend on us daily" has neither and promises nothing,
			 * "we test the alarm every Monday" tells what we do, not a
			 * message, and "we will compare the two lists every morning
			 * and tell the engineer if they differ" has a writer whose
			 * recurring act is a check */
			static const char *const telling[] = {"send", "sends", "report", "reports", "update",
				"updates", "write", "writes", "post", "posts", "mail", "email", "call", "ring",
				"text", "publish", "share", "message", "note", "summary", "bulletin", "tell",
				"know", "newsletter", "briefing", NULL};
			static const char *const checking[] = {"compare", "compares", "check", "checks", "inspect",
				"inspects", "test", "tests", "audit", "audits", "reconcile", "reconciles", "verify",
				"verifies", "monitor", "monitors", NULL};
			bool writer = false, tells = false, checks = false;
			size_t a = clause_back(D, it->first, 12), b = clause_fwd(D, it->first, 12);
			for (size_t k = a; k < b; k++) {
				tells = tells || ck_is_any(D, k, telling);
				if (first_person(D, k))
					writer = true;
				else if (writer && ck_is_any(D, k, checking))
					checks = true;
			}
			if (!writer || !tells || checks)
				continue;
			role = ROLE_NEXT;
		}
		if (role == ROLE_NONE)
			role = ROLE_ETA;
		c->role[k] = (uint8_t)role;
		c->eta_claim[k] = role == ROLE_ETA && eta_context(D, xp, it->first, it->last);
	}
	*c->ix = x;
	c->roles_done = c->items.n;
	return true;
}

/* A cue after item it belongs to another clause (a comma or a clause
 * break at most 12 tokens on, before the cue) when the item's own clause
 * has a future verb before it: "our team will release the last three by
 * Wednesday, and I'll e-mail you on Wednesday afternoon" times the release,
 * not the e-mail; so does a present progressive of ours, the future of a
 * plan ("we're replacing the last two receivers on Wednesday 25 November,
 * and I'll send you another update on Thursday"). "On Friday, we will
 * send the next update" (no "will" before the date) still takes the cue
 * after it. At most 12 tokens back. */
static bool own_future_clause(const struct ck_doc *d, const struct ck_item *it, const struct ck_hit *cue)
{
	bool other = false;
	for (size_t k = it->last; k < cue->first && k < it->last + 12 && !other; k++)
		other = breaks_clause(d, k);
	if (!other)
		return false;
	for (size_t k = clause_back(d, it->first, 12); k < it->first; k++)
		if (ck_is(d, k, "will") || ck_is(d, k, "'ll") || ck_is(d, k, "shall") ||
		    (k > 0 && first_person(d, k - 1) && (ck_is(d, k, "'re") || ck_is(d, k, "are") || ck_is(d, k, "'m") ||
							ck_is(d, k, "am")) &&
		     k + 1 < it->first && ends_ing(d, k + 1)))
			return true;
	return false;
}

static void items_index_free(struct ck_ctx *c)
{
	if (c->ix)
		item_index_free(c->ix);
	free(c->ix);
	c->ix = NULL;
}

bool ck_ensure_items(struct ck_ctx *c)
{
	if (c->items_done)
		return !c->oom;
	bool ok = items_upto(c, D->ntok);
	c->items_done = true;
	items_index_free(c);
	return ok;
}

/* ---- elements ------------------------------------------------------------------------- */

static bool first_hit(struct ck_ctx *c, enum ck_list l, struct ck_elem_state *e, bool no_questions)
{
	for (size_t h = 0; h < D->nhit; h++) {
		const struct ck_hit *x = &D->hit[h];
		if (x->list != l || (no_questions && is_question(D, x->first)))
			continue;
		e->found = true;
		e->start = D->tok[x->first].start;
		e->end = D->tok[x->last - 1].end;
		return true;
	}
	return false;
}

/* The line of token k, [*lf, *ll), if it has at most max tokens. */
static bool line_of(const struct ck_doc *d, size_t k, size_t max, size_t *lf, size_t *ll)
{
	size_t a = k, b = k + 1;
	while (a > 0 && !(d->tok[a].gap & CK_G_LINE))
		if (k - --a > max)
			return false;
	while (b < d->ntok && !(d->tok[b].gap & CK_G_LINE))
		if (++b - a > max)
			return false;
	*lf = a;
	*ll = b;
	return true;
}

/* The line [lf, ll) (line_of) opens with "Re:" or "Subject:". */
static bool subject_label(const struct ck_doc *d, size_t lf, size_t ll)
{
	return (ck_is(d, lf, "re") || ck_is(d, lf, "subject")) && lf + 1 < ll && (d->tok[lf + 1].gap & CK_G_CLAUSE) &&
	       d->tok[lf + 1].clause_ch == ':';
}

/* The line [lf, ll) (line_of) is a heading ("## Root cause"), a subject
 * line ("Re: …", "Subject: …") or a title line (a short line with no
 * final punctuation, alone in its paragraph: "Root cause update"). */
static bool title_line(const struct ck_doc *d, size_t lf, size_t ll)
{
	if (d->tok[lf].flags & CK_TF_HEAD)
		return true;
	/* a subject line of any length up to 24 tokens: "Re: Remediation
	 * plan – duplicate seat allocation, 'Winterreise' 12 December" */
	if (ll - lf <= 24 && subject_label(d, lf, ll))
		return true;
	if (ll - lf > 8 || (lf > 0 && !(d->tok[lf].gap & CK_G_PARA)) ||
	    (ll < d->ntok && !(d->tok[ll].gap & CK_G_PARA)))
		return false;
	const struct ck_sent *s = &d->sent[d->tok[ll - 1].sent];
	return s->last == ll && s->term == 0;
}

/* The line [lf, ll) is a plain heading over the text under it: it opens
 * a paragraph, starts with a capital, and ends with no punctuation before
 * a line that starts with a capital ("Cause" above "The key was …"). */
static bool plain_heading(const struct ck_doc *d, size_t lf, size_t ll)
{
	if (!(lf == 0 || (d->tok[lf].gap & CK_G_PARA)) || !(d->tok[lf].flags & CK_TF_CAP) || ll >= d->ntok ||
	    (d->tok[ll].gap & (CK_G_CLAUSE | CK_G_PUNCT)) || !(d->tok[ll].flags & CK_TF_CAP))
		return false;
	const struct ck_sent *s = &d->sent[d->tok[ll - 1].sent];
	return s->last > ll || s->term == 0;
}

/* The cause as the subject of its own search: "the cause is still
 * being investigated", "the root cause is not yet known", "the cause
 * remains unclear", "the cause has not been found" — is, are,
 * remains or has right after the phrase (one word between: "the
 * cause of the fault is …"), then within two words still, yet,
 * unknown, unclear, uncertain, under (investigation), being (sought),
 * or "not" before known, clear, yet, been, certain, confirmed, found
 * or identified ("the cause is not the router" denies one). Hit x is a
 * cause.txt phrase. */
static __attribute__((noinline)) bool cause_subject_sought(const struct ck_doc *d, const struct ck_hit *x)
{
	static const char *const state[] = {"still", "yet", "unknown", "unclear", "uncertain", "under", "being", NULL};
	static const char *const unknown[] = {"known", "clear", "yet", "been", "certain", "confirmed", "found",
		"identified", NULL};
	for (size_t v = x->last; v < d->ntok && v <= x->last + 3 && !breaks_clause(d, v); v++) {
		/* the lengths first: this runs for every cause phrase, more
		 * than once */
		size_t n = d->tok[v].nlen;
		if (!(n == 2 || n == 3 || n == 7) ||
		    !(ck_is(d, v, "is") || ck_is(d, v, "are") || ck_is(d, v, "remains") || ck_is(d, v, "has")))
			continue;
		for (size_t q = v + 1; q < d->ntok && q <= v + 2 && !breaks_clause(d, q); q++)
			if (ck_is_any(d, q, state) || (ck_is(d, q, "not") && q + 1 < d->ntok && !breaks_clause(d, q + 1) &&
						       ck_is_any(d, q + 1, unknown)))
				return true;
		break;
	}
	return false;
}

/* A cause still being sought: "we're still trying to understand the
 * cause", "we have not yet found the root cause", "we are investigating the
 * cause". */
static bool cause_sought(const struct ck_doc *d, const struct ck_hit *x)
{
	static const char *const seek[] = {"understand", "find", "found", "identify", "identified",
		"determine", "determined", "establish", "established", "investigate", "investigating",
		"know", "confirm", "confirmed", "locate", "pin", "finding", "understanding",
		"identifying", "determining", "establishing", "looking", "searching", "confirming",
		"work", "working", "figure", "figuring", NULL};
	size_t a = clause_back(d, x->first, 12);
	for (size_t k = a; k < x->first; k++) {
		bool verb = false;
		if (ck_is_any(d, k, seek))
			verb = true;
		/* "work out", "figure out" seek; "stopped working" does not */
		if ((ck_is(d, k, "work") || ck_is(d, k, "working") || ck_is(d, k, "figure") ||
		     ck_is(d, k, "figuring")) && !ck_is(d, k + 1, "out"))
			verb = false;
		if (!verb)
			continue;
		const char *w = ck_norm(d, k);
		size_t n = d->tok[k].nlen;
		if ((n > 4 && !strcmp(w + n - 3, "ing")) || (k > 0 && ck_is(d, k - 1, "to")))
			return true;
		for (size_t q = a; q < k; q++)
			if (ck_has(d, q, L_NEGATION) || ck_is(d, q, "still") || ck_is(d, q, "yet") ||
			    ck_is(d, q, "trying"))
				return true;
		if (ck_is(d, k + 1, "yet") || ck_is(d, k + 1, "exactly"))
			return true;
	}
	if (x->last < d->ntok && !breaks_clause(d, x->last) && cause_subject_sought(d, x))
		return true;
	/* promised for later: "we plan to have the root cause by Friday",
	 * "we will share the cause next week" */
	for (size_t k = a + 1; k < x->first; k++)
		if ((ck_is(d, k, "have") || ck_is(d, k, "share") || ck_is(d, k, "send") ||
		     ck_is(d, k, "publish") || ck_is(d, k, "give") || ck_is(d, k, "provide")) &&
		    (ck_is(d, k - 1, "to") || ck_is(d, k - 1, "will")) &&
		    /* its object follows, not a perfect: "appear to have been caused by" */
		    (ck_is(d, k + 1, "the") || ck_is(d, k + 1, "a") || ck_is(d, k + 1, "an") ||
		     ck_is(d, k + 1, "our") || ck_is(d, k + 1, "you") || ck_is(d, k + 1, "your") ||
		     ck_is(d, k + 1, "full")))
			return true;
	return false;
}

/* Whether a cause.txt phrase of the message says the cause is still
 * sought (cause_sought): its other causes are then no cause, what was left
 * undone a symptom. */
static bool cause_told_sought(const struct ck_doc *d)
{
	for (size_t h = 0; h < d->nhit; h++)
		if (d->hit[h].list == L_CAUSE && cause_sought(d, &d->hit[h]))
			return true;
	return false;
}

/* Whether the message says the cause is still sought or unknown: a
 * cause.txt phrase that seeks it (cause_told_sought), "investigating",
 * "unknown", "unclear", or a negation and "know" or "sure" up to three
 * words on ("we do not yet know why", "we are not sure what started it").
 * A failure told as an event is then a symptom. */
static bool cause_left_open(const struct ck_doc *d)
{
	if (cause_told_sought(d))
		return true;
	for (size_t k = 0; k < d->ntok; k++) {
		if (ck_is(d, k, "investigating") || ck_is(d, k, "unknown") || ck_is(d, k, "unclear"))
			return true;
		if (ck_has(d, k, L_NEGATION))
			for (size_t q = k + 1; q < d->ntok && q <= k + 3 && !breaks_clause(d, q); q++)
				if (ck_is(d, q, "know") || ck_is(d, q, "sure"))
					return true;
	}
	return false;
}

/* A cause phrase naming the kind of message it stands in, not a cause:
 * "this root-cause update", "the root cause report follows". */
static bool names_a_message(const struct ck_doc *d, const struct ck_hit *x)
{
	static const char *const kind[] = {"update", "report", "summary", "email", "note", "message", NULL};
	if (x->last >= d->ntok || breaks_clause(d, x->last))
		return false;
	return ck_is_any(d, x->last, kind);
}

/* How far a test of "the sentence of token i" reads on either side of i
 * in a sentence longer than that: asked once per candidate, a whole
 * sentence of megabytes (text with no full stop) made the message
 * quadratic. Sentences people write are shorter: for them it is the
 * whole sentence. */
#define SENT_REACH 64

/* Advice to the client in the sentence of token i (SENT_REACH tokens
 * around it at most): "going forward, we recommend that you review your
 * settings" asks them to prevent it; it says nothing of what we change. */
static bool advice_to_client(const struct ck_doc *d, size_t i)
{
	static const char *const advise[] = {"recommend", "recommends", "advise", "advises", "suggest",
		"suggests", "encourage", "encourages", "urge", "ask", NULL};
	const struct ck_sent *s = &d->sent[d->tok[i].sent];
	size_t from = i > s->first + SENT_REACH ? i - SENT_REACH : s->first;
	size_t to = s->last - i > SENT_REACH ? i + SENT_REACH : s->last;
	for (size_t k = from; k < to; k++)
		if (ck_is_any(d, k, advise))
			for (size_t j = k + 1; j < s->last && j <= k + 4; j++)
				if (is_second_person(d, j))
					return true;
	return false;
}

/* A negated recurrence (negation at token n, clause from a) that is the
 * object of a promise: "we will make sure it never happens again", "I
 * promise this will not happen again" name no measure (promise.overreach
 * reports them). As the purpose of a measure it is one: "we added a check
 * to ensure a bad file can never reach you again". */
static bool promised_recurrence(const struct ck_doc *d, size_t a, size_t n)
{
	/* "this will never happen again" forecasts, as a promise does
	 * ("so that it will never …" gives a measure's purpose) */
	if (n > a && ck_is(d, n, "never") && ck_is(d, n - 1, "will")) {
		bool purpose = false;
		for (size_t q = a; q + 1 < n && !purpose; q++)
			purpose = ck_is(d, q, "so");
		if (!purpose)
			return true;
	}
	for (size_t q = n > a + 4 ? n - 4 : a; q < n; q++)
		if (promise_verb(d, q) && !(q > 0 && (ck_is(d, q - 1, "to") || (ck_is(d, q - 1, "make") && q > 1 &&
										 ck_is(d, q - 2, "to")))))
			return true;
	return false;
}

/* A prevention phrase in a promised negated recurrence: "we will make sure
 * this never happens again", "I promise you this will not happen again"
 * (the negation at most six words before the phrase's end). */
static bool promised_hit(const struct ck_doc *d, const struct ck_hit *x)
{
	size_t a = clause_back(d, x->first, 16); /* all it reads: the 11 tokens before */
	for (size_t k = x->last; k > a && k + 7 > x->last; k--) {
		size_t n = k - 1;
		if (ck_is(d, n, "cannot") || ck_is(d, n, "never") || ck_is(d, n, "not"))
			return promised_recurrence(d, a, n);
	}
	return false;
}

static bool vague_reason(const struct ck_doc *d, const struct ck_hit *x);
static bool trouble_unnamed(const struct ck_doc *d, size_t a);
static bool why_field(const struct ck_doc *d, size_t i, size_t *end);
static bool why_section(const struct ck_doc *d, size_t i, size_t *end);
static bool section_denies(const struct ck_doc *d, size_t f, size_t l);

static bool we_skipped(const struct ck_doc *d, size_t i, size_t *end);

/* "We changed the label size to fit the new printers, and your older
 * printers rejected the job": a change of ours told with the client's
 * harm after it is the cause, not a measure against a repeat. The client
 * (you/your or an audience noun) and a past verb at most three words on,
 * within 24 words of the change in its sentence; or a check we then owned
 * skipping (we_skipped): "we changed the order of the steps and did not
 * test the change" tells how the fault came in. */
static bool change_harmed(const struct ck_doc *d, const struct ck_hit *x)
{
	if (!ck_is(d, x->last - 1, "changed"))
		return false;
	size_t end = d->sent[d->tok[x->first].sent].last, w;
	for (size_t k = x->last; k < end && k < x->last + 24; k++) {
		if (ck_is(d, k, "and") && we_skipped(d, k, &w))
			return true;
		if (!(is_second_person(d, k) || ck_has(d, k, L_AUDIENCE)))
			continue;
		for (size_t m = k + 1; m < end && m <= k + 3 && !breaks_clause(d, m); m++)
			if (past_verb(d, m))
				return true;
	}
	return false;
}

static bool qualifies(const struct ck_doc *d, size_t k);

/* A cause that names none: a vague reason after it with nothing that
 * places it in the next eight words of its clause ("due to circumstances
 * beyond our control."; not "… beyond our control at our data centre":
 * vague_reason, qualifies; nor one told after it, told_after,
 * reason_follows), or vague words as the subject of "led to" ("a
 * combination of factors led to the drop"), at most eight words back. */
static bool told_after(const struct ck_doc *d, const struct ck_hit *x);

/* "due to circumstances beyond our control, as two of the drivers our
 * agency sends did not turn up": a clause opened by ", as", ", because"
 * or ", since" later in the vague reason's sentence (at most SENT_REACH
 * tokens on), with a past verb in its first eight tokens, tells the reason
 * the vague words did not; so does one opened by a word that names what
 * they were, "namely", "mainly", "including", "specifically", "chiefly"
 * or "largely", and two more words at least ("due to circumstances beyond
 * our control, namely the storms across the Pennines"). */
static bool reason_follows(const struct ck_doc *d, const struct ck_hit *x)
{
	static const char *const naming[] = {"namely", "mainly", "including", "specifically", "chiefly",
		"largely", NULL};
	size_t sl = d->sent[d->tok[x->first].sent].last;
	for (size_t k = x->last; k + 3 < sl && k < x->last + SENT_REACH; k++) {
		if (!(d->tok[k].gap & CK_G_CLAUSE) || d->tok[k].clause_ch != ',')
			continue;
		if (ck_is_any(d, k, naming) && !breaks_clause(d, k + 1) && !breaks_clause(d, k + 2))
			return true;
		if (!(ck_is(d, k, "as") || ck_is(d, k, "because") || ck_is(d, k, "since")))
			continue;
		for (size_t q = k + 1, e = clause_fwd(d, k, 9); q < e; q++)
			if (past_verb(d, q))
				return true;
	}
	return false;
}

static bool vague_cause(const struct ck_doc *d, const struct ck_hit *x)
{
	/* "due to circumstances beyond our control: the network we rent
	 * had a fault …" tells the reason after all, and so does ", as …" */
	if (vague_reason(d, x) && !told_after(d, x) && !reason_follows(d, x)) {
		/* "in the system" after a word of trouble places nothing */
		size_t a = x->last + ck_is(d, x->last, "of");
		if (a < d->ntok && !breaks_clause(d, a) && trouble_unnamed(d, a))
			return true;
		for (size_t k = x->last + 1, e = clause_fwd(d, x->last, 8); k < e; k++)
			if (qualifies(d, k) && !ck_is(d, k, "of"))
				return false;
		return true;
	}
	if (!ck_is(d, x->first, "led"))
		return false;
	for (size_t k = clause_back(d, x->first, 8); k < x->first; k++)
		if (ck_is(d, k, "factors") || ck_is(d, k, "circumstances"))
			return true;
	return false;
}

/* "before every release", "before any change": a gate before each event
 * of a kind is a measure against a repeat when it is kept from now on, not
 * when its clause tells what was done ("we had tested it before each of the
 * last runs": a past verb in the eight tokens before it) — unless the
 * clause adds it or tells it in the present perfect. */
static bool past_gate(const struct ck_doc *d, const struct ck_hit *x)
{
	if (!ck_is(d, x->first, "before"))
		return false;
	/* the present perfect tells a measure that stands now: "we have
	 * renewed it and added an alarm 30 days before any certificate
	 * expires" ("have"/"has" in the clause, up to 16 tokens back) */
	size_t a = clause_back(d, x->first, 16);
	for (size_t k = a; k < x->first; k++)
		if (ck_is(d, k, "have") || ck_is(d, k, "has") || ck_is(d, k, "added"))
			return false;
	/* "so it gets tested before each change", "is checked before
	 * every run": the participle of a passive in the present is no past */
	for (size_t k = clause_back(d, x->first, 8); k < x->first; k++)
		if (past_verb(d, k) && !(k > 0 && (ck_is(d, k - 1, "gets") || ck_is(d, k - 1, "get") ||
						    ck_is(d, k - 1, "is") || ck_is(d, k - 1, "are") ||
						    ck_is(d, k - 1, "be"))))
			return true;
	return false;
}

/* "Here is what we have learned so far": "learned" as what we found out
 * about the incident ("what" at most three words before it in its
 * clause), not a lesson drawn from it; nor is the stock passive "lessons
 * have been learned" ("been", "was" or "were" before it), which names no
 * measure and no one who learned. */
static bool found_out(const struct ck_doc *d, const struct ck_hit *x)
{
	if (x->last != x->first + 1 || !ck_is(d, x->first, "learned"))
		return false;
	if (x->first > 0 && !breaks_clause(d, x->first) &&
	    (ck_is(d, x->first - 1, "been") || ck_has(d, x->first - 1, L_BE_PAST)))
		return true;
	for (size_t k = x->first; k > 0 && x->first - k < 3 && !breaks_clause(d, k); k--)
		if (ck_is(d, k - 1, "what"))
			return true;
	return false;
}

/* "the service will be fully available going forward", "Going forward,
 * your account is our first priority", "from now on we are committed to
 * …": a time frame (going or moving forward, from now (on), from today,
 * in or for the future) set
 * on a state claimed or promised names no measure. Its clause (the one
 * after it when the phrase opens a sentence before a comma) has a form
 * of "be" whose next word, past adverbs, is no participle, or is
 * "committed", or "remain" with any word. "Going forward, every order
 * will be checked" (a participle), "we are adding a spare …" (work in
 * -ing) and "From now on we pack …" (no "be") are measures, and so is
 * "there will be a second check". */
static bool time_on_state(const struct ck_doc *d, const struct ck_hit *x)
{
	static const char *const be[] = {"is", "are", "be", "am", "remain", "remains", NULL};
	size_t l = x->last - 1;
	if (!(ck_is(d, l, "forward") ||
	      (ck_is(d, x->first, "from") && (ck_is(d, l, "on") || ck_is(d, l, "now") || ck_is(d, l, "today"))) ||
	      ((ck_is(d, x->first, "in") || ck_is(d, x->first, "for")) && ck_is(d, l, "future"))))
		return false;
	size_t a = clause_back(d, x->first, 16), b = clause_fwd(d, l, 16);
	if (a == x->first && b == x->last) {
		/* "Going forward, …": the clause after the comma */
		if (x->last >= d->ntok || (d->tok[x->last].gap & CK_G_SENT))
			return false;
		a = x->last;
		b = clause_fwd(d, x->last, 16);
	}
	for (size_t k = a; k < b; k++) {
		if (k >= x->first && k < x->last)
			continue;
		if (!ck_is_any(d, k, be))
			continue;
		if ((k > a && ck_is(d, k - 1, "there")) || (k > a + 1 && ck_is(d, k - 2, "there")))
			return false;
		size_t j = k + 1;
		while (j < b && (is_adverb(d, j) || ck_is(d, j, "now")))
			j++;
		if (j >= b)
			return false;
		/* "we are adding a spare": work going on, not a state */
		const struct ck_tok *t = &d->tok[j];
		if (t->nlen > 4 && !memcmp(d->norm + t->norm + t->nlen - 3, "ing", 3))
			return false;
		/* "every head is pressure-tested": a participle of two words
		 * joined by a hyphen, read at its last part (session 23) */
		if (j + 1 < b && (d->tok[j + 1].flags & CK_TF_HYPH) && past_form(d, j + 1))
			j++;
		return ck_is(d, k, "remain") || ck_is(d, k, "remains") || ck_is(d, j, "committed") || !past_form(d, j);
	}
	return false;
}

/* "Lessons learned: renewals need attention.", "Lessons learned" over
 * "Communication between teams could be improved.": a lessons label (the
 * hit opens its line and ends at a colon or at its line's end) whose
 * first sentence of text names no measure — nobody of ours (we, I, our,
 * my, us), no "will" or "now", no every, each or any — promises nothing
 * against a repeat. Hit x of prevention.txt. */
static bool lesson_empty(const struct ck_doc *d, const struct ck_hit *x)
{
	/* the list's "learned" alone is a hit of its own inside the label */
	size_t f = x->first;
	if (f > 0 && (ck_is(d, f, "learned") || ck_is(d, f, "learnt")) && !breaks_clause(d, f))
		f--;
	if (!(ck_is(d, f, "lessons") || ck_is(d, f, "lesson")) || f + 2 >= d->ntok ||
	    !(ck_is(d, f + 1, "learned") || ck_is(d, f + 1, "learnt")) ||
	    !(f == 0 || (d->tok[f].gap & CK_G_LINE)))
		return false;
	const struct ck_tok *n = &d->tok[f + 2];
	bool colon = (n->gap & CK_G_CLAUSE) && n->clause_ch == ':' && !(n->gap & CK_G_LINE);
	if (!colon && !(n->gap & CK_G_LINE))
		return false;
	const struct ck_sent *st = &d->sent[n->sent];
	for (size_t q = f + 2; q < st->last; q++)
		if (first_person(d, q) || ck_is(d, q, "our") || ck_is(d, q, "my") || ck_is(d, q, "us") ||
		    ck_is(d, q, "will") || ck_is(d, q, "now") || ck_is(d, q, "every") || ck_is(d, q, "each") ||
		    ck_is(d, q, "any"))
			return false;
	return true;
}

/* Whether a hit of an element's list gives the element. A cause still
 * sought is no cause. A heading or title names a section and counts only
 * when the section has text and the message does not say the thing is
 * still unknown: an empty "## Prevention" gives nothing, nor does "Root
 * cause update" over "we have not yet found the root cause". */
static bool elem_hit_counts(const struct ck_doc *d, const struct ck_hit *x, bool sought)
{
	if (x->list == L_CAUSE && (cause_sought(d, x) || vague_cause(d, x)))
		return false;
	/* "the queue was down to 40 orders", "was down to normal": an amount
	 * fallen to, no cause */
	if (x->list == L_CAUSE && x->last >= x->first + 2 && x->last < d->ntok && ck_is(d, x->last - 1, "to") &&
	    ck_is(d, x->last - 2, "down") &&
	    (d->tok[x->last].type == CK_NUM || ck_is(d, x->last, "normal") || ck_is(d, x->last, "zero")))
		return false;
	if (x->list == L_PREVENTION && (advice_to_client(d, x->first) || promised_hit(d, x) || change_harmed(d, x) ||
					  past_gate(d, x) || found_out(d, x) || time_on_state(d, x) || lesson_empty(d, x)))
		return false;
	/* "keep this letter for future reference" tells no routine */
	if (x->list == L_PREVENTION && x->last == x->first + 2 && x->last < d->ntok && ck_is(d, x->first, "for") &&
	    ck_is(d, x->first + 1, "future") && ck_is(d, x->last, "reference"))
		return false;
	size_t lf, ll;
	/* nor is a "What happened:" field when a "Why:" field follows it
	 * (at most 256 tokens on): the events have their label and the cause
	 * its own, as under headings */
	if (x->list == L_CAUSE && x->last < d->ntok && ck_is(d, x->first, "what") && ck_is(d, x->first + 1, "happened") &&
	    (d->tok[x->last].gap & CK_G_CLAUSE) && d->tok[x->last].clause_ch == ':')
		for (size_t k = x->last, w; k < d->ntok && k < x->last + 256; k++)
			if ((d->tok[k].gap & CK_G_LINE) && why_field(d, k, &w))
				return false;
	if (!line_of(d, x->first, 64, &lf, &ll) || !title_line(d, lf, ll))
		return !(x->list == L_CAUSE && names_a_message(d, x));
	if (ll >= d->ntok || (d->tok[ll].flags & CK_TF_HEAD))
		return false;
	/* a "What happened" section tells the events; the cause has its own
	 * heading ("Why", "Root cause") or sentence */
	if (x->list == L_CAUSE && ck_is(d, x->first, "what") && ck_is(d, x->first + 1, "happened"))
		return false;
	return !(x->list == L_CAUSE && sought);
}

/* The first hit of list l that gives its element (elem_hit_counts). */
static bool first_counting_hit(struct ck_ctx *c, enum ck_list l, struct ck_elem_state *e, bool no_questions)
{
	bool sought = l == L_CAUSE && cause_told_sought(D);
	for (size_t h = 0; h < D->nhit; h++) {
		const struct ck_hit *x = &D->hit[h];
		if (x->list != l || (no_questions && is_question(D, x->first)) || !elem_hit_counts(D, x, sought))
			continue;
		e->found = true;
		e->start = D->tok[x->first].start;
		e->end = D->tok[x->last - 1].end;
		return true;
	}
	return false;
}

static void set_span(struct ck_elem_state *e, const struct ck_doc *d, size_t a, size_t b);

/* Token i ends a label that opens its line and names the text after it on
 * the same line, the label's field: "Cause: the old signing key expired",
 * "Root cause: …", or set as a sentence of its own in a letter's sections,
 * "Cause. On 9 March our release …". The label is at most WORDS words (i
 * is among the first WORDS of its line, or with a colon of its sentence):
 * two for a cause, three for "What we change:"; *end is the line's end. */
static bool labelled_field(const struct ck_doc *d, size_t i, size_t words, size_t *end)
{
	if (i + 1 >= d->ntok)
		return false;
	const struct ck_tok *n = &d->tok[i + 1];
	bool colon = (n->gap & CK_G_CLAUSE) && n->clause_ch == ':' && !(n->gap & (CK_G_SENT | CK_G_LINE));
	bool stop = (n->gap & CK_G_SENT) && !(n->gap & CK_G_LINE) && d->sent[d->tok[i].sent].term == '.';
	if (!colon && !stop)
		return false;
	size_t lf, ll;
	if (!line_of(d, i, 1024, &lf, &ll) || ll <= i + 2)
		return false;
	/* after a colon the label may open a sentence within the line: "We
	 * restored it. Remediation: …" */
	size_t sf = d->sent[d->tok[i].sent].first;
	size_t at = colon && sf > lf ? sf : lf;
	if (at + words < i + 1)
		return false;
	/* "Cause." is a label only as a sentence of its own: "the cause." is not */
	if (stop && (sf != lf || !(d->tok[lf].flags & CK_TF_CAP)))
		return false;
	*end = ll;
	return true;
}

/* Token i ends a label that opens its line and is set off by a dash, as
 * in a short note's fields: "Cause - the export workers run out of
 * memory …", "Root cause — a full disk". labelled_field's colon read for
 * a dash (" - ", an en or em dash), only at the line's start: the label
 * is among its line's first WORDS tokens, the first of them capitalised,
 * and at least two tokens follow on the line. *end is the line's end. */
static bool dash_field(const struct ck_doc *d, size_t i, size_t words, size_t *end)
{
	if (i + 1 >= d->ntok)
		return false;
	const struct ck_tok *n = &d->tok[i + 1];
	if (!(n->gap & CK_G_CLAUSE) || n->clause_ch != '-' || (n->gap & (CK_G_SENT | CK_G_LINE)))
		return false;
	size_t lf, ll;
	if (!line_of(d, i, 1024, &lf, &ll) || ll <= i + 2 || lf + words < i + 1 || !(d->tok[lf].flags & CK_TF_CAP))
		return false;
	for (size_t q = lf + 1; q <= i; q++)
		if (breaks_clause(d, q))
			return false;
	*end = ll;
	return true;
}

/* "the session with our carrier dropped, so your calls timed out": an
 * event told in the past, then ", so" and what it did to the client's
 * things in the past, or what did not reach them ("so no alerts reached
 * your pharmacists") — the event is the cause (hedged or not). Not
 * "we restarted it, so you can log in" (no past harm after "so"), nor
 * an event of ours ("we fixed it, so your exports ran"). This is the part
 * from ", so" on (token k); detect_cause keeps what its sentence said
 * before it. */
static bool consequence_cause(const struct ck_doc *d, size_t k)
{
	if (!ck_is(d, k, "so") || !(d->tok[k].gap & CK_G_CLAUSE) || d->tok[k].clause_ch != ',' ||
	    ck_is(d, k + 1, "that") || is_question(d, k))
		return false;
	size_t sl = d->sent[d->tok[k].sent].last;
	size_t who = SIZE_MAX;
	for (size_t q = k + 1; q < sl && q <= k + 5 && !breaks_clause(d, q); q++)
		if (is_second_person(d, q) || ck_has(d, q, L_AUDIENCE)) {
			who = q;
			break;
		}
	for (size_t q = who + 1; who != SIZE_MAX && q < sl && q <= who + 5 && !breaks_clause(d, q); q++)
		if (past_verb(d, q) || ck_is(d, q, "could"))
			return true;
	/* the client as the object of what did not happen: "…, so no
	 * readings and no alerts reached your pharmacists", "so nothing
	 * reached you" — a denying word, a past verb, then the client, in
	 * the clause (ten tokens at most) */
	bool neg = false, verb = false;
	for (size_t q = k + 1, e = clause_fwd(d, k, 10); q < e; q++) {
		if (ck_has(d, q, L_NEGATION) || ck_is(d, q, "nothing"))
			neg = true;
		else if (neg && past_verb(d, q))
			verb = true;
		else if (verb && (is_second_person(d, q) || ck_has(d, q, L_AUDIENCE)))
			return true;
	}
	return false;
}

/* "when we moved storage providers", "when our job ran": the act of ours
 * that a harm to the client's things, told before it in the sentence,
 * came with ("it dropped 4,000 of your photos when we moved providers")
 * is its cause. Token k is "when"; we or our <noun> and a past verb follow. */
static bool when_we_did(const struct ck_doc *d, size_t k)
{
	if (!ck_is(d, k, "when") || is_question(d, k))
		return false;
	if (first_person(d, k + 1) && !breaks_clause(d, k + 1))
		return past_verb(d, k + 2);
	return ck_is(d, k + 1, "our") && !breaks_clause(d, k + 1) && !breaks_clause(d, k + 2) &&
	       (past_verb(d, k + 3) || (!breaks_clause(d, k + 3) && past_verb(d, k + 4)));
}

/* "the codes were sent to the wrong cars after a list was imported
 * twice", "service was interrupted after a fibre cable was damaged": a
 * fault told (fault_markers.txt) or a harm in the passive (was/were and
 * a harm participle), at most 24 tokens back in the sentence, then
 * "after" (token k) and an event in the past within six tokens of its
 * clause — the event is the cause. Not "your refund was sent after the
 * check was done" (no fault before it), nor "your booking was cancelled
 * after you asked us" (the client's act after a harm). */
static bool fault_after(const struct ck_doc *d, size_t k)
{
	if (!ck_is(d, k, "after") || (d->tok[k].gap & CK_G_SENT) || is_question(d, k))
		return false;
	size_t sf = d->sent[d->tok[k].sent].first;
	bool fault = false, harm = false;
	for (size_t q = k; q > sf && q + 24 > k && !fault; q--) {
		fault = ck_has(d, q - 1, L_FAULT);
		/* or a harm told in the passive: "service was interrupted
		 * after a fibre cable was damaged" */
		harm = harm || (ck_has(d, q - 1, L_PARTICIPLE) && q > sf + 1 && ck_has(d, q - 2, L_BE_PAST));
	}
	if (!fault && !harm)
		return false;
	/* not the client's own act: "was cancelled after you asked us to" */
	if (!fault && k + 1 < d->ntok && ck_is(d, k + 1, "you"))
		return false;
	for (size_t q = k + 1, e = clause_fwd(d, k, 7); q < e; q++)
		if (past_verb(d, q))
			return true;
	return false;
}

/* "a race condition let two bookings through", "the old setting allowed
 * any size": a thing of ours or the world's as the subject of "let" or
 * "allowed" (a determiner at most four words back in the clause, with no
 * person, modal, negation or "to" between) tells what made the failure
 * possible. Not "please let us know", "we will let you know", "you were
 * not allowed". Token k is the verb. */
static bool enabled_by(const struct ck_doc *d, size_t k)
{
	static const char *const det[] = {"a", "an", "the", "this", "that", "our", "its", "one", NULL};
	static const char *const stop[] = {"to", "please", "will", "would", "can", "could", "may", "might",
		"should", "must", "we", "i", "you", "your", "they", "not", "never", "be", "been", NULL};
	static const char *const them[] = {"us", "me", "you", "yourself", "them", "know", NULL};
	if (!(ck_is(d, k, "let") || ck_is(d, k, "allowed")) || is_question(d, k) || breaks_clause(d, k) ||
	    breaks_clause(d, k + 1) || d->tok[k + 1].type != CK_WORD || ck_is_any(d, k + 1, them))
		return false;
	for (size_t q = k; q > 0 && k - q < 5; q--) {
		if (ck_is_any(d, q - 1, stop) || ck_has(d, q - 1, L_BE_PAST))
			return false;
		if (ck_is_any(d, q - 1, det))
			return true;
		if (breaks_clause(d, q - 1))
			return false;
	}
	return false;
}

/* "we loaded the table without a second person checking it", "our
 * technician installed it without testing it first": an act of ours in
 * the past done without a check (a checking verb in -ing at most four
 * words after "without", token k) names the omission that let it fail;
 * "we refunded it without waiting for a claim" names none. The act: a
 * past verb at most twelve words back in the clause, with we, I or our
 * before it. */
static bool done_without(const struct ck_doc *d, size_t k)
{
	static const char *const check[] = {"testing", "checking", "reviewing", "verifying", "validating",
		"confirming", "comparing", "asking", "telling", "warning", "notifying", "approving", "trying",
		"rehearsing", "reading", "completing", "check", "checks", "test", "tests", "verification",
		"review", "approval", "validation", "inspection", NULL};
	if (!ck_is(d, k, "without") || is_question(d, k) || breaks_clause(d, k))
		return false;
	bool ing = false;
	for (size_t q = k + 1; q < d->ntok && q <= k + 4 && !breaks_clause(d, q) && !ing; q++)
		ing = ck_is_any(d, q, check);
	if (!ing)
		return false;
	bool verb = false;
	for (size_t q = k; q > 0 && k - q < 12; q--) {
		if (past_verb(d, q - 1))
			verb = true;
		else if (verb && (first_person(d, q - 1) || ck_is(d, q - 1, "our")))
			return true;
		if (breaks_clause(d, q - 1))
			break;
	}
	return false;
}

/* The field whose label starts at token i (ending at token end) names no
 * cause: its text opens with a kind of trouble and nothing that says which
 * — "Why: a technical issue affected the transfer schedule", "Why: for
 * operational reasons." An optional "a", "an" or "some", a vague word
 * (unforeseen, technical, …) and a word of harm or "reasons" or
 * "circumstances" not followed by a phrase that says which (qualifies:
 * "a technical issue with our route planner" names it). The label is at
 * most five words before its colon. */
static bool vague_field(const struct ck_doc *d, size_t i, size_t end)
{
	static const char *const vague[] = {"unforeseen", "unexpected", "technical", "operational", "various",
		"certain", "unspecified", "an", "a", "some", "for", NULL};
	size_t f = i + 1;
	while (f < end && f < i + 6 && !(d->tok[f].gap & CK_G_CLAUSE))
		f++;
	if (f >= end || f == i + 6)
		return false;
	size_t k = f, adj = 0;
	for (; k < end && k < f + 4 && ck_is_any(d, k, vague); k++)
		adj += !ck_is(d, k, "a") && !ck_is(d, k, "an") && !ck_is(d, k, "some") && !ck_is(d, k, "for");
	if (!adj || k >= end || breaks_clause(d, k) ||
	    !(ck_has(d, k, L_HARM) || ck_is(d, k, "reasons") || ck_is(d, k, "circumstances")))
		return false;
	return k + 1 >= end || breaks_clause(d, k + 1) || !qualifies(d, k + 1);
}

/* A thing that went wrong told by what it did: "a formula in our
 * spreadsheet shifted every afternoon paper by one day", "the new firm's
 * route skipped your surgery", "a table lock that blocked replication",
 * "the jobs queued and then timed out", "the backup chiller didn't kick
 * in". Token i is a past verb of a mechanism failing (mechanism[]),
 * "timed out", or "kick in" after "didn't"/"did not"; active (not after
 * a form of "be" or "have", "to", a modal or a determiner), the word
 * before it (its subject or the relative "that") no "you", team or "we";
 * not asked, not under "if" or "unless". detect_cause asks it only where
 * the message does not say the cause is still sought (cause_left_open).
 * Of the 101 messages in every labelled set that the checker had said
 * lacked a cause, 5 tell such a verb of a thing, and writers gave a cause
 * in all 5; none of the 62 they marked as lacking one does. Not "stopped"
 * and a verb in -ing: "the app stopped showing the vans" is the failure
 * itself, which writers did not count. */
static __attribute__((noinline)) bool mechanism_told(const struct ck_doc *d, size_t i)
{
	static const char *const mechanism[] = {"blocked", "skipped", "shifted", "swapped", "overwrote",
		"expired", "crashed", "froze", "jammed", "tripped", "misrouted", NULL};
	static const char *const before[] = {"was", "were", "is", "are", "be", "been", "being", "has", "have",
		"had", "to", "will", "would", "could", "may", "might", "can", "should", "you", NULL};
	/* by form first: all but three of the words end in "-ed" */
	char c0 = ck_norm(d, i)[0];
	if (!ends_ed(d, i, 4) && c0 != 'k' && c0 != 'f' && c0 != 'o')
		return false;
	if (ck_is(d, i, "kick") && ck_is(d, i + 1, "in") && !breaks_clause(d, i + 1) && i >= 2 &&
	    !breaks_clause(d, i) && (ck_is(d, i - 1, "n't") || ck_is(d, i - 1, "not")) && ck_is(d, i - 2, "did"))
		return !is_question(d, i);
	bool verb = ck_is_any(d, i, mechanism) || (ck_is(d, i, "timed") && ck_is(d, i + 1, "out") &&
						   !breaks_clause(d, i + 1));
	/* "our engineers froze all changes", "we swapped the antennas":
	 * people's acts, which say what was done, not what failed */
	if (!verb || i == 0 || breaks_clause(d, i) || ck_is_any(d, i - 1, before) || determiner(d, i - 1) ||
	    ck_has(d, i - 1, L_TEAM) || first_person(d, i - 1) || is_question(d, i))
		return false;
	for (size_t q = clause_back(d, i, 12); q < i; q++)
		if (ck_is(d, q, "if") || ck_is(d, q, "unless"))
			return false;
	return true;
}

static bool ownership_at(const struct ck_ctx *c, size_t i, bool hedged, size_t *s);

/* A fault told as what did the harm: "A typo in the settings file sent
 * every order to the wrong depot", "an untested change to the login page
 * broke sign-in", "it was a bug in the rounding code". Token i is a fault
 * noun (or a change, an update… after a fault marker: "untested change")
 * after a determiner at most two words before it; it is the subject of a
 * past verb at most eight tokens on in its clause, or follows "was"/"is"
 * and a determiner ("the cause is a typo in …"). Not negated, not asked,
 * not a measure of faults ("the error rate dropped"). */
static bool fault_did_harm(const struct ck_doc *d, size_t i)
{
	static const char *const thing[] = {"change", "update", "release", "setting", "script", "file",
		"value", "configuration", "deployment", "migration", "patch", "rule", NULL};
	static const char *const det[] = {"a", "an", "the", "this", "that", "one", NULL};
	static const char *const measure[] = {"rate", "rates", "count", "counts", "message", "messages",
		"log", "logs", "page", "pages", "code", "codes", "budget", "level", "levels", "report", "reports", NULL};
	/* the cheap tests first: this runs at every token of a message
	 * whose cause no phrase gave */
	if (!ck_has(d, i, L_FAULT_NOUN) &&
	    !(i > 0 && ck_has(d, i - 1, L_FAULT) && !breaks_clause(d, i) && ck_is_any(d, i, thing)))
		return false;
	if (is_question(d, i))
		return false;
	if (i + 1 < d->ntok && !breaks_clause(d, i + 1) && ck_is_any(d, i + 1, measure))
		return false;
	size_t k = i;   /* the determiner */
	while (k > 0 && i - k < 3 && !breaks_clause(d, k) && !ck_is_any(d, k - 1, det))
		k--;
	if (k == 0 || i - k >= 3 || breaks_clause(d, k) || !ck_is_any(d, k - 1, det))
		return false;
	size_t dt = k - 1;
	for (size_t q = dt; q > 0 && dt - q < 3 && !breaks_clause(d, q); q--)
		if (ck_has(d, q - 1, L_NEGATION) || ck_is(d, q - 1, "if") || ck_is(d, q - 1, "any"))
			return false;
	/* "it was a bug in …", "the cause is a typo in …" */
	if (dt > 0 && !breaks_clause(d, dt) && (ck_is(d, dt - 1, "was") || ck_is(d, dt - 1, "is")) &&
	    i + 1 < d->ntok && !breaks_clause(d, i + 1) &&
	    (ck_is(d, i + 1, "in") || ck_is(d, i + 1, "on") || ck_is(d, i + 1, "with")))
		return true;
	for (size_t q = i + 1; q < d->ntok && q <= i + 8 && !(d->tok[q].gap & CK_G_SENT); q++) {
		if (ck_is(d, q, "that") || ck_is(d, q, "which") || ck_is(d, q, "we") || ck_is(d, q, "you"))
			return false;   /* another clause's verb */
		if (past_form(d, q) && !ck_has(d, q - 1, L_BE_PAST) && !ck_is(d, q - 1, "is") &&
		    !ck_is(d, q - 1, "has") && !ck_is(d, q - 1, "have"))
			return true;
	}
	return false;
}

static bool thing_broke(const struct ck_doc *d, size_t i, size_t *a);
static bool thing_subject(const struct ck_doc *d, size_t i, size_t *a);

/* "The database ran out of connections", "a disk filled up", "the
 * gateway stopped responding", "our booking server crashed", "the
 * certificate expired", "a nightly update corrupted the index": a thing
 * of the service that failed, or that spoiled data, told as an event
 * (thing_broke's verbs, or expired, overheated, corrupted, deleted,
 * wiped, erased, overwrote, ran out, filled up, stopped responding or
 * working, went down, offline or wrong) with a thing as its subject.
 * detect_cause takes it only when the message does not say the cause is
 * still sought: "our server crashed; we are investigating why" tells the
 * symptom. Token i is the verb. */
static bool service_failed(const struct ck_doc *d, size_t i, size_t *a)
{
	static const char *const event[] = {"expired", "overheated", "corrupted", "deleted", "wiped", "erased",
		"overwrote", NULL};
	if (d->tok[i].type != CK_WORD)
		return false;
	/* every verb here ends in -ed but six: the cheap test first, as
	 * this runs at every token of a message whose cause is not told */
	if (!ends_ed(d, i, 3) && !ck_is(d, i, "broke") && !ck_is(d, i, "froze") &&
	    !ck_is(d, i, "ran") && !ck_is(d, i, "went") && !ck_is(d, i, "cut") && !ck_is(d, i, "overwrote"))
		return false;
	if (breaks_clause(d, i) || is_question(d, i))
		return false;
	if (thing_broke(d, i, a))
		return true;
	bool ev = ck_is_any(d, i, event);
	if (!ev && i + 1 < d->ntok && !breaks_clause(d, i + 1))
		ev = (ck_is(d, i, "ran") && ck_is(d, i + 1, "out")) || (ck_is(d, i, "filled") && ck_is(d, i + 1, "up")) ||
		     (ck_is(d, i, "stopped") && (ck_is(d, i + 1, "responding") || ck_is(d, i + 1, "working"))) ||
		     (ck_is(d, i, "went") && (ck_is(d, i + 1, "down") || ck_is(d, i + 1, "offline") ||
					     ck_is(d, i + 1, "wrong")));
	return ev && thing_subject(d, i, a);
}

/* "the dosing was set wrongly after the service", "the van was sent to
 * the wrong field", "were wrongly packed", "the panels were cut from an
 * outdated drawing": a passive told as a mistake by a fault marker
 * (fault_markers.txt) between "be" and the verb, at most five words
 * after the verb in its clause, or in its subject at most three words
 * before "be" ("the wrong labels were printed") — what went wrong,
 * whoever did it (a cause, and a delay's reason). Not negated ("was not
 * set wrongly") nor denied in its subject ("none of the parts were sent
 * to the wrong yard": passive_negated), nor a verb that mends or finds
 * ("the wrong figures were corrected"). Token k is the form of "be";
 * *end after the marker, or after the verb. */
static bool passive_misdone(const struct ck_doc *d, size_t k, size_t *end)
{
	if (!ck_has(d, k, L_BE_PAST))
		return false;
	size_t j = k + 1;
	if (j + 1 >= d->ntok || breaks_clause(d, j) || ck_has(d, j, L_NEGATION) || is_question(d, k))
		return false;
	bool pre = ck_has(d, j, L_FAULT);
	if (pre)
		j++;
	if (breaks_clause(d, j) || !past_form(d, j) || ck_has(d, j, L_BE_PAST))
		return false;
	/* the marker in the subject: "the wrong files were attached" */
	for (size_t q = k; !pre && q > 0 && k - q < 3 && !breaks_clause(d, q); q--)
		if (ck_has(d, q - 1, L_FAULT) && !ck_has(d, j, L_REPAIR) && !ck_has(d, j, L_CORRECTION) &&
		    !ck_is_any(d, j, mend_verbs)) {
			*end = j + 1;
			return !passive_negated(d, clause_back(d, k, 6), k);
		}
	/* the marker after the verb, at most five words on: "was sent to
	 * the wrong field", "was carried out at the wrong address", a
	 * phrase too ("was applied to fixed-rate accounts by mistake") */
	size_t m = j + 1;
	const struct ck_hit *mk = NULL;
	while (!pre && m < d->ntok && m <= j + 5 && !breaks_clause(d, m) && !ck_has(d, m, L_FAULT) &&
	       !(mk = hit_at(d, m, L_FAULT)))
		m++;
	if (!pre && (m >= d->ntok || m > j + 5 || breaks_clause(d, m)))
		return false;
	*end = pre ? j + 1 : mk ? mk->last : m + 1;
	return !passive_negated(d, clause_back(d, k, 6), k);
}

/* Modal verbs: a past form right after one ("could have", "may") tells no
 * past account. */
static const char *const modals_past[] = {"will", "would", "could", "can", "may", "might", "should", "must",
	"'ll", "'d", NULL};

/* Token q tells something in the past, as the hedged accounts of a cause
 * read it (seems_told, believe_told, likely_told): a past form of "be"
 * other than "been", or a past verb not after have, has, been, be or a
 * modal. */
static bool told_in_past(const struct ck_doc *d, size_t q)
{
	if (ck_has(d, q, L_BE_PAST) && !ck_is(d, q, "been"))
		return true;
	return past_verb(d, q) && q > 0 &&
	       !(ck_is(d, q - 1, "have") || ck_is(d, q - 1, "has") || ck_is(d, q - 1, "been") || ck_is(d, q - 1, "be") ||
		 ck_is_any(d, q - 1, modals_past));
}

/* "It seems the booking page and the phone bookings were each counting
 * places separately": "it seems/appears (that)" or "it looks like"
 * opening its clause, then
 * an account in the past — a past form of "be", or a past verb not after
 * have/has/been/be — at most twelve tokens on in the clause: what went
 * wrong, told with a hedge (tone.hedging reports the hedge). "It appears
 * that all the debits have now been returned" tells where things stand.
 * Token i is "seems" or "appears". */
static bool seems_told(const struct ck_doc *d, size_t i)
{
	bool looks = ck_is(d, i, "looks");
	if (!(ck_is(d, i, "seems") || ck_is(d, i, "appears") || looks) || i == 0 || !ck_is(d, i - 1, "it") ||
	    breaks_clause(d, i) || (i > 1 && !breaks_clause(d, i - 1)) || is_question(d, i))
		return false;
	/* "it looks like the booking page was overloaded" */
	if (looks && (i + 1 >= d->ntok || !ck_is(d, i + 1, "like") || breaks_clause(d, i + 1)))
		return false;
	for (size_t q = i + 1, e = clause_fwd(d, i, 12); q < e; q++)
		if (told_in_past(d, q))
			return true;
	return false;
}

/* "The bolt was probably taken from the wrong bin", "this was most
 * likely down to guests not plugging the scooters in", "the fixings are
 * likely to have corroded in the sea air", "in all likelihood, the sac
 * was fitted with a shellac that had not cured", "the platform is
 * believed to have duplicated records", "the bag appears to have fallen
 * out": a hedge of likelihood — "probably", "likely" (after "most" or a
 * form of "be"), "likelihood" (after "all"), or "appears", "seems" or
 * "believed" with "to have" — in an account in the past: a past form of
 * "be" right before it, or in the twelve tokens after it in its clause
 * (past the comma after "in all likelihood") a past form of "be", a past
 * verb not after have/has/been/be or a modal, "had" and a word, or "to
 * have" and a past form other than "been" ("seems to have been a
 * one-off" tells no cause). Not after a modal ("we will probably
 * start", "can probably still manage"), nor with a modal or negation
 * right after it ("probably won't take"). What went wrong, told with a
 * hedge (tone.hedging reports the hedge). Dev sets holdout20-365: 23
 * messages with such a hedge had a cause by their writers but none by
 * the checker, against 5 rightly said to have none, none of those five
 * in the past. Token i is the hedge's word. */
static bool likely_told(const struct ck_doc *d, size_t i)
{
	/* a modal before or after the hedge, "won't" and "can't" split too */
	static const char *const modal[] = {"will", "would", "could", "can", "may", "might", "should", "must",
		"'ll", "'d", "won't", "wo", "ca", NULL};
	static const char *const hedge_be[] = {"appears", "seems", "believed", "thought", NULL};
	if (i == 0 || i + 2 >= d->ntok || is_question(d, i))
		return false;
	size_t q = i + 1;
	bool before = false;   /* a past form of "be" before the hedge */
	if (ck_is(d, i, "probably")) {
		before = ck_has(d, i - 1, L_BE_PAST) && !ck_is(d, i - 1, "been") && !breaks_clause(d, i);
	} else if (ck_is(d, i, "likely")) {
		size_t b = i - 1;
		if (ck_is(d, b, "most") && !breaks_clause(d, i) && b > 0)
			b--;
		if (breaks_clause(d, b + 1))
			return false;
		before = ck_has(d, b, L_BE_PAST) && !ck_is(d, b, "been");
		if (!before && !(ck_is(d, b, "is") || ck_is(d, b, "are") || ck_is(d, b + 1, "most")))
			return false;
	} else if (ck_is(d, i, "likelihood")) {
		/* the account is the clause after it, past a comma */
		if (!ck_is(d, i - 1, "all") || breaks_clause(d, i) || (d->tok[q].gap & CK_G_SENT))
			return false;
	} else if (ck_is_any(d, i, hedge_be)) {
		if (!ck_is(d, q, "to") || !ck_is(d, q + 1, "have") || breaks_clause(d, q) || breaks_clause(d, q + 1) ||
		    q + 2 >= d->ntok || breaks_clause(d, q + 2) || ck_is(d, q + 2, "been") || !past_form(d, q + 2))
			return false;
		return true;
	} else {
		return false;
	}
	if (ck_is_any(d, i - 1, modal) && !breaks_clause(d, i))
		return false;
	if (!breaks_clause(d, q) && (ck_is_any(d, q, modal) || ck_has(d, q, L_NEGATION)))
		return false;
	if (before)
		return true;
	size_t from = q;
	for (size_t e = clause_fwd(d, from, 12); q < e; q++) {
		if (q > from && breaks_clause(d, q))
			break;
		if (told_in_past(d, q))
			return true;
		if (ck_is(d, q, "had") && q + 1 < e && d->tok[q + 1].type == CK_WORD && !ck_has(d, q + 1, L_NEGATION))
			return true;
		if (ck_is(d, q, "have") && q > from && ck_is(d, q - 1, "to") && q + 1 < e && !ck_is(d, q + 1, "been") &&
		    past_form(d, q + 1))
			return true;
	}
	return false;
}

/* "We believe the controller's screen had frozen after the handover",
 * "we think the two calendars may have stopped syncing", "I think the
 * main factor was that …": "we" or "I" and "believe", "think" or
 * "suspect" (and "that") opening its clause, or after "and", "but" or
 * "so", then an account in the past at most fourteen tokens on in the
 * clause — a past form of "be", a past verb not after have, has, been, be
 * or a modal, the past perfect ("had frozen") or a modal perfect ("may
 * have stopped", "might have been handled") — is what went wrong, told
 * with a hedge, as seems_told's is (tone.hedging reports the hedge). Not
 * negated ("we don't think"), not asked, not after "will" ("we will think
 * about …": the pronoun must come right before the verb). Dev sets
 * holdout20-341: 23 messages the checker said gave no cause had one by
 * their writers; no message lost one its writer missed. Token i is the
 * verb. */
static bool believe_told(const struct ck_doc *d, size_t i)
{
	if (!(ck_is(d, i, "believe") || ck_is(d, i, "think") || ck_is(d, i, "suspect")) || i == 0 ||
	    breaks_clause(d, i) || !(ck_is(d, i - 1, "we") || ck_is(d, i - 1, "i")) || is_question(d, i))
		return false;
	size_t p = i - 1;
	if (p > 0 && !breaks_clause(d, p) &&
	    !(ck_is(d, p - 1, "and") || ck_is(d, p - 1, "but") || ck_is(d, p - 1, "so")))
		return false;
	size_t q = i + 1;
	if (q < d->ntok && !breaks_clause(d, q) && ck_is(d, q, "that"))
		q++;
	for (size_t e = clause_fwd(d, i, 14); q < e; q++) {
		if (ck_has(d, q, L_NEGATION) && q == i + 1)
			return false;
		if (told_in_past(d, q))
			return true;
		/* the past perfect: "had frozen", "had worn" */
		if (ck_is(d, q, "had") && q + 1 < e && d->tok[q + 1].type == CK_WORD && !ck_has(d, q + 1, L_NEGATION))
			return true;
		/* a modal perfect: "may have stopped", "might have been handled" */
		if (ck_is(d, q, "have") && q > i + 1 && ck_is_any(d, q - 1, modals_past) && q + 1 < e &&
		    (past_form(d, q + 1) || (ck_is(d, q + 1, "been") && q + 2 < e && past_form(d, q + 2))))
			return true;
	}
	return false;
}

/* "Here is what we now know about why your payroll reached your staff a
 * day late. On 19 November our payments team …", "You asked us to explain
 * why the results were held up last week. Our laboratory moved …": a
 * sentence that announces the explanation — "why" (not opening its line:
 * why_section reads that) with a past verb up to twelve tokens on in its
 * clause, the harm it will explain — and a next sentence that tells the
 * past, the explanation itself. Not a question, not a cause still sought
 * (cause_sought: "we are still looking into why …"), not promised for
 * later ("will", "'ll" or "shall" before it in its sentence: "I will
 * explain why …"), and not the client's feelings ("why you were upset":
 * "you" right after it). Token i is "why"; *end is the next sentence's
 * end. */
static bool why_told(const struct ck_doc *d, size_t i, size_t *end)
{
	if (!ck_is(d, i, "why") || (d->tok[i].gap & (CK_G_LINE | CK_G_SENT)) || i == 0 || is_question(d, i) ||
	    i + 1 >= d->ntok || ck_is(d, i + 1, "you"))
		return false;
	const struct ck_sent *st = &d->sent[d->tok[i].sent];
	if (st->last >= d->ntok)
		return false;
	for (size_t k = st->first; k < i; k++)
		if (ck_is(d, k, "will") || ck_is(d, k, "shall"))
			return false;
	bool past = false;
	for (size_t q = i + 1, e = clause_fwd(d, i, 12); q < e && !past; q++)
		past = past_verb(d, q) && !ck_is(d, q - 1, "have") && !ck_is(d, q - 1, "has");
	const struct ck_hit x = {L_CAUSE, (uint32_t)i, (uint32_t)i + 1};
	if (!past || cause_sought(d, &x))
		return false;
	const struct ck_sent *nx = &d->sent[d->tok[st->last].sent];
	if (nx->term == '?')
		return false;
	for (size_t q = nx->first; q < nx->last; q++)
		if (past_verb(d, q) || ck_has(d, q, L_BE_PAST)) {
			*end = nx->last;
			return true;
		}
	return false;
}

/* Whether a token in [a, b) tells trouble: a word of harm, a harm
 * participle, a fault marker or noun, an admitting verb, "failed" or
 * "twice" — what result_told and comes_from ask of their sentences. */
static __attribute__((noinline)) bool trouble_in(const struct ck_doc *d, size_t a, size_t b)
{
	for (size_t q = a; q < b && q < d->ntok; q++)
		if (ck_has(d, q, L_HARM) || ck_has(d, q, L_PARTICIPLE) || ck_has(d, q, L_FAULT) ||
		    ck_has(d, q, L_FAULT_NOUN) || ck_has(d, q, L_OWN_VERB) || ck_is(d, q, "failed") ||
		    ck_is(d, q, "twice"))
			return true;
	return false;
}

/* "Our investigation found that the relief valve had stuck", "our line
 * survey found that the cable sags into the hedge": what our inquiry
 * found — an inquiry noun (investigation, review, inspection, …) after
 * "our" or "the" (one word may stand between) or opening its sentence,
 * one of our people ("our surveyor"), we or I, or "it has been", an
 * optional has/have, then found, showed, established, confirmed, shows,
 * indicates or revealed (and their forms), an optional "that" and a
 * thing named by a/an/the/our (or "one of" and one: "found that one of
 * the labs sent its file twice"), or things counted ("found that three
 * ridge tiles were dislodged") — is the account of what went wrong. Not a
 * finding denied ("found that no meter was read", "the files were not
 * affected"), nor one about the
 * client's things ("found that your …": no determiner of ours), not a
 * question. Token i is the verb;
 * returns the token after the thing's determiner, or 0. */
static __attribute__((noinline)) size_t inquiry_found(const struct ck_doc *d, size_t i)
{
	/* and in the present: "our investigation shows that", "our review
	 * indicates that", "our enquiries indicate that" (session 23) */
	static const char *const verb[] = {"found", "showed", "established", "confirmed", "shows", "indicates",
		"indicate", "indicated", "revealed", "reveals", NULL};
	static const char *const inquiry[] = {"investigation", "investigations", "review", "inspection",
		"analysis", "audit", "examination", "diagnosis", "survey", "tests", "checks", "enquiries",
		"inquiries", NULL};
	static const char *const det[] = {"a", "an", "the", "our", NULL};
	/* the cheap test first: this runs at every token of a message whose
	 * cause no phrase gave */
	size_t n = d->tok[i].nlen;
	if (n < 5 || n == 10 || n > 11 || i < 2 || !ck_is_any(d, i, verb) || breaks_clause(d, i) ||
	    is_question(d, i))
		return 0;
	size_t k = i - 1;
	/* "it has been established that": the finding with no finder */
	bool it_been = k >= 2 && ck_is(d, k, "been") && (ck_is(d, k - 1, "has") || ck_is(d, k - 1, "have")) &&
		       ck_is(d, k - 2, "it") && !breaks_clause(d, k) && !breaks_clause(d, k - 1);
	if ((ck_is(d, k, "has") || ck_is(d, k, "have")) && k > 1 && !breaks_clause(d, k))
		k--;
	/* the finder: an inquiry of ours or the inquiry ("our review
	 * found", "the inspection showed"; with no article opening its
	 * sentence, "Investigation found"), one of our people ("our
	 * surveyor found"), or we or I ("we have established that") */
	bool finder = it_been || (!breaks_clause(d, k) && (first_person(d, k) || (ck_has(d, k, L_TEAM) && k > 0 &&
										  ck_is(d, k - 1, "our"))));
	if (!finder &&
	    (!ck_is_any(d, k, inquiry) || breaks_clause(d, k) ||
	     !(ck_is(d, k - 1, "our") || ck_is(d, k - 1, "the") || (d->tok[k].gap & CK_G_SENT) ||
	       (k > 1 && !breaks_clause(d, k - 1) && (ck_is(d, k - 2, "our") || ck_is(d, k - 2, "the"))))))
		return 0;
	size_t t = i + 1;
	if (t < d->ntok && ck_is(d, t, "that") && !(d->tok[t].gap & CK_G_SENT))
		t++;
	if (t + 1 >= d->ntok || (d->tok[t].gap & CK_G_SENT))
		return 0;
	/* "found that one of the suppliers sent its file twice" */
	if (ck_is(d, t, "one") && ck_is(d, t + 1, "of") && t + 2 < d->ntok && !breaks_clause(d, t + 2))
		t += 2;
	/* or things counted: "found that three ridge tiles were
	 * dislodged", "that four of the six wines were served warm" */
	if (!ck_is_any(d, t, det) && !(d->tok[t].type == CK_NUM || ck_has(d, t, L_QUANTITY)))
		return 0;
	/* a negation denies when a harm follows it ("found that the files
	 * were not affected"); before an act it tells the fault ("indicates
	 * that the walker did not secure the lead clip") */
	for (size_t q = t; q < d->ntok && q <= t + 4 && !breaks_clause(d, q + 1); q++)
		if (ck_is(d, q, "none") || ck_is(d, q, "nothing") || ck_is(d, q, "no") ||
		    (ck_has(d, q, L_NEGATION) && (q + 1 >= d->ntok || ck_has(d, q + 1, L_PARTICIPLE) ||
						   ck_has(d, q + 1, L_HARM) || ck_is(d, q + 1, "affected") ||
						   ck_is(d, q + 1, "been") || ck_is(d, q + 1, "be"))))
			return 0;
	return t + 1;
}

/* "Our carrier's system retried payments that had gone through. As a
 * result, 1,900 customers were charged twice.", "The billing run
 * therefore took each fee as new.": a sentence that opens "As a result"
 * or "As a consequence" or "Consequently", or has "therefore" right
 * before a past verb after a subject that is not ours ("we therefore
 * refunded …" is our act), tells what followed from the sentence before
 * it; when that one tells an event (a past verb that mends nothing), the
 * result mends nothing either and, for the sentence openers, one of the
 * two tells trouble (trouble_in: "We reopened the shop. As a result,
 * sales are back to normal." tells none), the sentence before is the
 * cause. Token i opens the marker; returns the previous sentence's index
 * + 1, or 0. */
static __attribute__((noinline)) size_t result_told(const struct ck_doc *d, size_t i)
{
	size_t n = d->tok[i].nlen, s = d->tok[i].sent;
	if (!(n == 2 || n == 9 || n == 12) || s == 0 || is_question(d, i))
		return 0;
	bool therefore = ck_is(d, i, "therefore");
	if (therefore) {
		if (i + 1 >= d->ntok || breaks_clause(d, i + 1) || !past_form(d, i + 1) || breaks_clause(d, i) ||
		    first_person(d, i - 1) || ck_has(d, i - 1, L_TEAM))
			return 0;
	} else if (!(d->tok[i].gap & CK_G_SENT) ||
		   !(ck_is(d, i, "consequently") ||
		     (ck_is(d, i, "as") && i + 2 < d->ntok && ck_is(d, i + 1, "a") &&
		      (ck_is(d, i + 2, "result") || ck_is(d, i + 2, "consequence")))))
		return 0;
	const struct ck_sent *st = &d->sent[s], *pv = &d->sent[s - 1];
	for (size_t q = st->first; q < st->last; q++)
		if (ck_has(d, q, L_REPAIR))
			return 0;
	bool event = false;
	for (size_t q = pv->first; q < pv->last; q++) {
		if (ck_has(d, q, L_REPAIR))
			return 0;
		event = event || (past_form(d, q) && !ck_has(d, q, L_BE_PAST));
	}
	if (!event || (!therefore && !trouble_in(d, pv->first, st->last)))
		return 0;
	return s;
}

/* "the low readings come from a cracked sensor in the tank", "the drops
 * you've had come from a faulty card": the present "come(s) from" and a
 * thing named by "a/an", in a sentence that tells trouble (trouble_in,
 * sixteen tokens either side), tells the cause, as "came from" does. Not
 * "now come from", how things work since a change ("invoices now come
 * from a new portal"), nor where things are sent from ("the spare parts
 * come from a depot in Leeds"), nor "from Italy". Token i is the verb. */
static __attribute__((noinline)) bool comes_from(const struct ck_doc *d, size_t i)
{
	if (d->tok[i].nlen < 4 || d->tok[i].nlen > 5 || ck_norm(d, i)[0] != 'c' ||
	    !(ck_is(d, i, "comes") || ck_is(d, i, "come")) || i + 2 >= d->ntok || !ck_is(d, i + 1, "from") ||
	    breaks_clause(d, i + 1) || breaks_clause(d, i + 2) || !(ck_is(d, i + 2, "a") || ck_is(d, i + 2, "an")) ||
	    (i > 0 && ck_is(d, i - 1, "now")) || is_question(d, i))
		return false;
	const struct ck_sent *st = &d->sent[d->tok[i].sent];
	size_t a = i > st->first + 16 ? i - 16 : st->first, b = i + 17 < st->last ? i + 17 : st->last;
	return trouble_in(d, a, b);
}

/* "a certificate on our servers was allowed to lapse, which caused the
 * nightly sync to fail", "…, which probably explains the errors you saw":
 * ", which" (an adverb may follow) and caused, explains or explained
 * after a clause that tells an event — a past verb that is no form of
 * "be" earlier in the sentence — and names no harm (harm_nouns.txt: "the
 * outage lasted an hour, which caused delays" tells only the symptom):
 * what the sentence told before it is the cause. Token i is "which". */
static __attribute__((noinline)) bool which_caused(const struct ck_doc *d, size_t i)
{
	if (!ck_is(d, i, "which") || !(d->tok[i].gap & CK_G_CLAUSE) || d->tok[i].clause_ch != ',' ||
	    (d->tok[i].gap & CK_G_SENT) || is_question(d, i))
		return false;
	size_t v = i + 1;
	if (v < d->ntok && !breaks_clause(d, v) && is_adverb(d, v))
		v++;
	if (v >= d->ntok || breaks_clause(d, v) ||
	    !(ck_is(d, v, "caused") || ck_is(d, v, "explains") || ck_is(d, v, "explained")))
		return false;
	bool event = false;
	for (size_t q = d->sent[d->tok[i].sent].first; q < i; q++) {
		if (ck_has(d, q, L_HARM))
			return false;
		event = event || (past_form(d, q) && !ck_has(d, q, L_BE_PAST));
	}
	return event;
}

/* Token k ends in "ing" and is longer than four bytes ("checking"). */
static inline bool ends_ing(const struct ck_doc *d, size_t k)
{
	const char *w = ck_norm(d, k);
	size_t n = d->tok[k].nlen;
	return n > 4 && w[n - 3] == 'i' && w[n - 2] == 'n' && w[n - 1] == 'g';
}

/* "our dispatcher did not act on it", "our pricing team had not refreshed
 * the table", "our checks did not compare offers against the published
 * rate", "nobody compared the totals before release", "nobody on our side
 * was checking the returns": a check or a step of ours left undone, told
 * in the past, names what went wrong. Token k is "not" or "never" after
 * did/had (or "never" after a subject of ours), with a verb of care after
 * it (act, check, compare, notice, refresh, renew, …) — not one of
 * telling ("we did not tell you sooner" owns a late word, not the fault)
 * and not with "you" or "us" as its object; the subject at most five
 * tokens back in its clause is a thing or person of ours, our or my with
 * up to three words, or nobody. "We did not check the stock" alone is
 * not taken: what we left undone counts as the cause only with the act
 * it went with ("… when we confirmed your order": when_we_did). Or token
 * k is "nobody" (or "no one") with, at most seven tokens on in its
 * clause, a past verb of care or was/were and its -ing form ("was
 * checking"). Not asked, not in an if-clause or after "why"
 * ("we are looking into why our alarm did not notice it" seeks the cause).
 * Returns the token after the verb, or 0. */
static __attribute__((noinline)) size_t care_omitted(const struct ck_doc *d, size_t k)
{
	static const char *const care[] = {"act", "check", "compare", "notice", "spot", "refresh", "renew",
		"update", "test", "verify", "review", "convert", "move", "apply", "follow", "confirm", "catch",
		"read", "monitor", "watch", "process", "record", "escalate", "reconcile", "validate", "inspect",
		"acted", "checked", "compared", "noticed", "spotted", "refreshed", "renewed", "updated", "tested",
		"verified", "reviewed", "converted", "moved", "applied", "followed", "confirmed", "caught",
		"monitored", "watched", "processed", "recorded", "escalated", "reconciled", "validated",
		"inspected", "checking", "comparing", "monitoring", "watching", "reading", "reviewing", "testing",
		"verifying", "inspecting", NULL};
	size_t n = d->tok[k].nlen;
	const char *w = ck_norm(d, k);
	if (!((n == 3 && w[0] == 'n') || (n == 5 && w[0] == 'n') || (n == 6 && w[0] == 'n') ||
	      (n == 2 && w[0] == 'n')) || is_question(d, k))
		return 0;
	size_t v = SIZE_MAX, subj = SIZE_MAX;
	bool nobody = ck_is(d, k, "nobody") || (ck_is(d, k, "no") && ck_is(d, k + 1, "one") && !breaks_clause(d, k + 1));
	if (nobody) {
		subj = k;
		size_t e = clause_fwd(d, k, 8);
		for (size_t q = k + 1 + !ck_is(d, k, "nobody"); q < e && v == SIZE_MAX; q++) {
			if (ck_has(d, q, L_BE_PAST) && q + 1 < e && ck_is_any(d, q + 1, care) && ends_ing(d, q + 1))
				v = q + 1;
			else if (past_verb(d, q) && ck_is_any(d, q, care))
				v = q;
			else if (past_verb(d, q) || ck_has(d, q, L_BE_PAST))
				return 0;   /* "nobody was hurt", "no one lost money" */
		}
	} else if (ck_is(d, k, "not") || ck_is(d, k, "never")) {
		if (k == 0 || breaks_clause(d, k) || k + 1 >= d->ntok || breaks_clause(d, k + 1))
			return 0;
		bool aux = ck_is(d, k - 1, "did") || ck_is(d, k - 1, "had");
		if (!aux && !ck_is(d, k, "never"))
			return 0;
		if (!ck_is_any(d, k + 1, care) || ends_ing(d, k + 1))
			return 0;
		v = k + 1;
		size_t a = clause_back(d, k, 6);
		for (size_t q = k; q > a && subj == SIZE_MAX; q--) {
			size_t p = q - 1;
			if (first_person(d, p))
				return 0;   /* as test_impact_cause_blind22 holds */
			if (ck_is(d, p, "nobody"))
				subj = p;
			else if ((ck_is(d, p, "our") || ck_is(d, p, "my")) && k - p <= 5)
				subj = p;
		}
	} else {
		return 0;
	}
	if (v == SIZE_MAX || subj == SIZE_MAX)
		return 0;
	if (v + 1 < d->ntok && !breaks_clause(d, v + 1) && (ck_is(d, v + 1, "you") || ck_is(d, v + 1, "us")))
		return 0;
	for (size_t q = clause_back(d, subj, 6); q < subj; q++)
		if (ck_is(d, q, "if") || ck_is(d, q, "unless") || ck_is(d, q, "whether") || ck_is(d, q, "why"))
			return 0;
	return v + 1;
}

/* "the spreadsheet had the wrong date format", "the label used an
 * outdated postcode", "the file contained incorrect rates": a thing that
 * held a fault — had, used, carried, contained or held, then at most a
 * determiner and a fault marker (fault_markers.txt), or a determiner and
 * a fault noun (fault_nouns.txt: "contained an error", "had a sync
 * glitch") — tells what went wrong. Not negated ("none of the files had the wrong …"), not asked,
 * not in an if-clause. Token k is the verb; returns the token after the
 * marker, or 0. */
static __attribute__((noinline)) size_t held_fault(const struct ck_doc *d, size_t k)
{
	static const char *const held[] = {"had", "used", "carried", "contained", "held", NULL};
	if (!ck_is_any(d, k, held) || k == 0 || breaks_clause(d, k) || is_question(d, k))
		return 0;
	size_t m = k + 1;
	bool det = m < d->ntok && !breaks_clause(d, m) && (determiner(d, m) || ck_is(d, m, "an") || ck_is(d, m, "a"));
	if (det)
		m++;
	if (m >= d->ntok || breaks_clause(d, m))
		return 0;
	/* "the update contained an error in the code", "our calendar had a
	 * sync glitch": a fault noun after the determiner, or one word on */
	if (det && !ck_has(d, m, L_FAULT) && m + 1 < d->ntok && !breaks_clause(d, m + 1) && !ck_has(d, m, L_FAULT_NOUN) &&
	    ck_has(d, m + 1, L_FAULT_NOUN))
		m++;
	if (!ck_has(d, m, L_FAULT) && !(det && ck_has(d, m, L_FAULT_NOUN)))
		return 0;
	for (size_t q = clause_back(d, k, 8); q < k; q++)
		if (ck_has(d, q, L_NEGATION) || ck_is(d, q, "if") || ck_is(d, q, "none") || ck_is(d, q, "no"))
			return 0;
	return m + 1;
}

/* "Setting that limit was our mistake", "Not checking the returns was my
 * error": a sentence that opens with a verb in -ing (or "not" and one),
 * then was/is and an ownership phrase of a mistake, error or fault, tells
 * the act that went wrong as it owns it. Sentence si; returns its last
 * token, or 0. */
static __attribute__((noinline)) size_t act_was_mistake(const struct ck_doc *d, size_t si)
{
	static const char *const fault[] = {"mistake", "error", "fault", "failure", NULL};
	const struct ck_sent *st = &d->sent[si];
	size_t f = st->first;
	if (f < d->ntok && ck_is(d, f, "not"))
		f++;
	if (f + 4 >= st->last || !ends_ing(d, f) || st->term == '?')
		return 0;
	for (size_t q = f + 2; q + 2 < st->last && q < f + 14; q++)
		if ((ck_is(d, q, "was") || ck_is(d, q, "is")) && (ck_is(d, q + 1, "our") || ck_is(d, q + 1, "my")) &&
		    ck_is_any(d, q + 2, fault))
			return st->last;
	return 0;
}

/* "Our events coordinator entered your wedding as 12 June instead of 19
 * June", "the chilled stock went to the Leeds cross-dock instead of
 * Sheffield", "our label printer used the order line rather than the
 * bay code": "instead of" or "rather than" (token i is "instead" or
 * "rather") after a past verb up to
 * eight tokens back in its clause — what was done in place of what was
 * wanted is what went wrong; "your linen goes to our Leeds plant instead
 * of Bradford" (the present: the remedy) and "will be retried instead of
 * forgotten" are not. */
static __attribute__((noinline)) bool acted_instead(const struct ck_doc *d, size_t i)
{
	if (!((ck_is(d, i, "instead") && ck_is(d, i + 1, "of")) || (ck_is(d, i, "rather") && ck_is(d, i + 1, "than"))) ||
	    i + 1 >= d->ntok || breaks_clause(d, i + 1) || is_question(d, i))
		return false;
	for (size_t k = clause_back(d, i, 8); k < i; k++)
		if (ck_has(d, k, L_NEGATION) || ck_is(d, k, "will") || ck_is(d, k, "'ll") || ck_is(d, k, "if"))
			return false;
	/* a past verb told as one: not after have/has (the remedy: "we have
	 * moved it"), a form of "be" ("is retried"), nor a determiner or "our"
	 * ("a lost top-up") */
	static const char *const aux[] = {"have", "has", "been", "be", "is", "are", "our", NULL};
	for (size_t k = clause_back(d, i, 8); k < i; k++)
		if (past_verb(d, k) && !(k > 0 && (ck_is_any(d, k - 1, aux) || determiner(d, k - 1))))
			return true;
	return false;
}

/* "Errors were made in the handover between our night and day teams",
 * "an error was made when a batch file was resubmitted": a fault noun
 * (error, mistake) as the subject of "was/were/has been/have been made"
 * (token i is "made"), and where or when right after it — in, during,
 * when, while, with, at or on — says what went wrong (writers gave a cause
 * in 8 of 9 such messages). "Mistakes were made." alone tells nothing. */
static __attribute__((noinline)) bool made_where(const struct ck_doc *d, size_t i)
{
	static const char *const fault[] = {"error", "errors", "mistake", "mistakes", NULL};
	static const char *const where[] = {"in", "during", "when", "while", "with", "at", "on", NULL};
	if (!ck_is(d, i, "made") || i < 2 || i + 1 >= d->ntok || breaks_clause(d, i) || breaks_clause(d, i + 1) ||
	    !ck_is_any(d, i + 1, where) || is_question(d, i))
		return false;
	size_t s = i - 1;
	if (ck_is(d, s, "been") && s > 1 && (ck_is(d, s - 1, "has") || ck_is(d, s - 1, "have")) && !breaks_clause(d, s))
		s -= 2;
	else if (!(ck_is(d, s, "was") || ck_is(d, s, "were")))
		return false;
	if (s == 0 || breaks_clause(d, s + 1) || breaks_clause(d, s) || !ck_is_any(d, s - 1, fault) ||
	    ck_has(d, s + 1, L_NEGATION))
		return false;
	/* "no errors were made": denied */
	return !(s > 1 && !breaks_clause(d, s - 1) && (ck_is(d, s - 2, "no") || ck_has(d, s - 2, L_NEGATION)));
}

/* The blame in bytes [start, end) puts the fault on fate or the unknown
 * ("circumstances beyond our control", "outside anyone's remit", "out of
 * our hands", "these things happen", "bad luck", "unforeseen"), not on
 * someone or something that failed. */
static bool blame_says_nothing(const struct ck_doc *d, size_t start, size_t end)
{
	static const char *const fate[] = {"control", "remit", "hands", "luck", "happen", "happens", "things",
		"circumstances", "unforeseen", "unforeseeable", "foreseen", "predicted", NULL};
	size_t sent = 0;
	for (size_t k = tok_at_or_after(d, &sent, start); k < d->ntok && d->tok[k].start < end; k++)
		if (ck_is_any(d, k, fate))
			return true;
	return false;
}

/* The first blame-shift finding of the span rules (which have run when
 * an element is asked for after them) that names who or what failed, not
 * fate (blame_says_nothing), taken as element e's span: an account of what
 * went wrong or why the date moved, however poor. False if there is none. */
static bool blame_names_party(const struct ck_ctx *c, struct ck_elem_state *e)
{
	for (size_t k = 0; k < c->nf; k++)
		if (!c->f[k].whole_message && !strcmp(c->f[k].rule, "ownership.blame-shift") &&
		    !blame_says_nothing(D, c->f[k].start, c->f[k].end)) {
			e->found = true;
			e->start = (uint32_t)c->f[k].start;
			e->end = (uint32_t)c->f[k].end;
			return true;
		}
	return false;
}

/* cause.txt, or a labelled field (labelled_field), or "cause:" introducing
 * the explanation within a sentence: "both outages had one cause: a full
 * disk" — not where the cause is still sought ("we have not yet found the
 * cause: …"); else a fault that did the harm (fault_did_harm), a
 * consequence (consequence_cause) or a harm that came with an act of ours
 * (when_we_did); last, the service's failure told as an event
 * (service_failed), where the cause is not said to be still sought,
 * and before it a blame that names who failed (blame_says_nothing). */
static void detect_cause(struct ck_ctx *c, struct ck_elem_state *e)
{
	if (first_counting_hit(c, L_CAUSE, e, true))
		return;
	/* whether the message says the cause is still sought, read once and
	 * only if a check left undone asks (per check it made a message of
	 * many such checks quadratic) */
	int sought = -1, open = -1; /* and whether it is still sought or unknown (cause_left_open) */
	for (size_t i = 0; i + 1 < D->ntok; i++) {
		const struct ck_tok *n = &D->tok[i + 1];
		/* "Why: bookings made through the form were saved without …":
		 * a field labelled with a why-question tells what went wrong,
		 * as a "Cause:" field does */
		size_t wl;
		if (D->tok[i].nlen == 3 &&
		    ((why_field(D, i, &wl) && !vague_field(D, i, wl)) || why_section(D, i, &wl) || why_told(D, i, &wl))) {
			set_span(e, D, i, wl);
			return;
		}
		if (fault_after(D, i) || done_without(D, i)) {
			set_span(e, D, i, clause_fwd(D, i, 7));
			return;
		}
		size_t ce;
		if ((ce = care_omitted(D, i)) != 0 && !(sought < 0 ? (sought = cause_told_sought(D)) : sought)) {
			set_span(e, D, clause_back(D, i, 6), ce);
			return;
		}
		size_t tl = D->tok[i].nlen;
		char t0 = ck_norm(D, i)[0];
		if ((tl == 3 || tl == 4 || tl == 7 || tl == 9) && (t0 == 'h' || t0 == 'u' || t0 == 'c') &&
		    (ce = held_fault(D, i)) != 0) {
			set_span(e, D, clause_back(D, i, 8), ce);
			return;
		}
		if ((D->tok[i].gap & CK_G_SENT || i == 0) && (ce = act_was_mistake(D, D->tok[i].sent)) != 0) {
			set_span(e, D, i, ce);
			return;
		}
		/* the helpers below are kept out of line, each behind a test
		 * of its words' lengths: inlined, they made the compiler stop
		 * inlining the older ones above */
		size_t nl = D->tok[i].nlen, fe, ps;
		if ((nl == 7 || nl == 6) && acted_instead(D, i)) {
			set_span(e, D, clause_back(D, i, 10), clause_fwd(D, i, 6));
			return;
		}
		if (nl == 4 && made_where(D, i)) {
			set_span(e, D, D->sent[D->tok[i].sent].first, clause_fwd(D, i, 12));
			return;
		}
		if ((nl == 4 || nl == 5) && comes_from(D, i)) {
			set_span(e, D, i, clause_fwd(D, i, 7));
			return;
		}
		if (nl == 5 && which_caused(D, i)) {
			set_span(e, D, D->sent[D->tok[i].sent].first, clause_fwd(D, i, 8));
			return;
		}
		if (nl >= 5 && nl <= 11 && nl != 10 && (fe = inquiry_found(D, i)) != 0) {
			set_span(e, D, i, clause_fwd(D, fe, 12));
			return;
		}
		if ((nl == 2 || nl == 9 || nl == 12) && (ps = result_told(D, i)) != 0) {
			set_span(e, D, D->sent[ps - 1].first, D->sent[ps - 1].last);
			return;
		}
		/* "it looks like" is no account where the message says the
		 * cause is still sought ("we're still trying to work out the
		 * root cause … it looks like it was simply bad luck") */
		if (seems_told(D, i) &&
		    !(ck_is(D, i, "looks") && (sought < 0 ? (sought = cause_told_sought(D)) : sought))) {
			set_span(e, D, i - 1, clause_fwd(D, i, 12));
			return;
		}
		if ((nl == 5 || nl == 7) && believe_told(D, i)) {
			set_span(e, D, i - 1, clause_fwd(D, i, 14));
			return;
		}
		if ((nl == 5 || nl == 6 || nl == 7 || nl == 8 || nl == 10) && likely_told(D, i)) {
			set_span(e, D, clause_back(D, i, 8), clause_fwd(D, i + 1, 12));
			return;
		}
		if (fault_did_harm(D, i)) {
			set_span(e, D, i, clause_fwd(D, i, 9));
			return;
		}
		if ((nl == 4 || nl == 5 || nl == 6 || nl == 7 || nl == 9) && mechanism_told(D, i) &&
		    !(open < 0 ? (open = cause_left_open(D)) : open)) {
			set_span(e, D, clause_back(D, i, 8), clause_fwd(D, i, 8));
			return;
		}
		if (enabled_by(D, i)) {
			set_span(e, D, clause_first_within(D, i, 5), clause_fwd(D, i, 7));
			return;
		}
		size_t hf, hl;
		/* "## Cause" over the paragraph that tells it: a heading of the
		 * word alone (or one word before it, "## Root cause"), Markdown
		 * or plain, names its section, as a label names its field —
		 * unless the section's first sentence says the cause is not
		 * known ("We do not know it yet"; section_denies) */
		if ((ck_is(D, i, "cause") || ck_is(D, i, "causes")) && line_of(D, i, 4, &hf, &hl) && hl == i + 1 &&
		    i < hf + 2 && hl < D->ntok && !(D->tok[hl].flags & CK_TF_HEAD) &&
		    ((D->tok[i].flags & CK_TF_HEAD) || plain_heading(D, hf, hl))) {
			size_t sl = D->sent[D->tok[hl].sent].last;
			if (!section_denies(D, hl, sl)) {
				set_span(e, D, i, sl);
				return;
			}
		}
		/* "The problem: when we cut the names, our cutter worked from
		 * an older list …": a "problem" field that tells a past event
		 * (a past verb in its first sentence) says what went wrong, as
		 * a "Cause:" field does; "Problem: you cannot log in" only
		 * names the harm */
		if ((n->gap & CK_G_CLAUSE) && n->clause_ch == ':' && ck_is(D, i, "problem") &&
		    labelled_field(D, i, 2, &wl)) {
			bool told = false;
			for (size_t q = i + 1, qe = D->sent[n->sent].last; q < qe && q < i + 40 && !told; q++)
				told = past_verb(D, q);
			if (told) {
				set_span(e, D, i, wl);
				return;
			}
		}
		if (!(n->gap & (CK_G_CLAUSE | CK_G_SENT)) || !(ck_is(D, i, "cause") || ck_is(D, i, "causes")))
			continue;
		size_t ll;
		if (labelled_field(D, i, 2, &ll) || dash_field(D, i, 2, &ll)) {
			set_span(e, D, i, ll);
			return;
		}
		const struct ck_hit x = {L_CAUSE, (uint32_t)i, (uint32_t)i + 1};
		if ((n->gap & CK_G_CLAUSE) && n->clause_ch == ':' && !(n->gap & (CK_G_SENT | CK_G_LINE | CK_G_PARA)) &&
		    i + 2 < D->ntok && !(D->tok[i + 2].gap & (CK_G_SENT | CK_G_LINE)) && !is_question(D, i) &&
		    !cause_sought(D, &x)) {
			set_span(e, D, i, D->sent[n->sent].last);
			return;
		}
	}
	/* a thing of ours that did the harm, told with the client's things
	 * as its object: "Our stock sync overwrote the counts your drivers
	 * entered" — "our" and at most two words (not a team: "our engineers
	 * deleted" owns an act, it does not say what failed), an admitting
	 * verb (ownership_at), and the client (you/your or an audience noun)
	 * at most six tokens on in its clause */
	if (analyse_apologies(c))
		for (size_t si = 0; si < D->nsent; si++) {
			const struct ck_sent *st = &D->sent[si];
			if (!((st->cls >> L_OWN_VERB) & 1u) || st->term == '?')
				continue;
			for (size_t i = st->first; i < st->last; i++) {
				size_t a;
				if (!ck_has(D, i, L_OWN_VERB) || !ownership_at(c, i, false, &a) || !ck_is(D, a, "our") ||
				    a + 1 >= i || ck_has(D, i - 1, L_TEAM))
					continue;
				for (size_t q = i + 1, qe = clause_fwd(D, i, 7); q < qe; q++)
					if (is_second_person(D, q) || ck_has(D, q, L_AUDIENCE)) {
						set_span(e, D, a, clause_fwd(D, i, 16));
						return;
					}
			}
		}
	/* a third party as the subject of a verb that tells the fault: "the
	 * courier lost the parcel", "our printer, <Name>, sent the file
	 * twice" (party_act_faulty) says what went wrong (blame-shift judges
	 * whether it is owned); so does its fault told in a ", who" clause
	 * after it ("by the carrier's loaders at their hub, who dropped the
	 * crate": party_who_erred), and what it left undone that it owed
	 * us ("our cleaner, <Name>, failed to come": party_omitted) */
	for (size_t h = 0; h < D->nhit; h++) {
		const struct ck_hit *x = &D->hit[h];
		size_t w = 0;
		if (x->list == L_VENDOR && !is_question(D, x->first) &&
		    (((party_act_faulty(D, party_verb(D, x)) || party_omitted(D, party_verb(D, x), 8)) &&
		      party_subject(D, x) != SIZE_MAX) ||
		     (w = party_who_erred(D, x)) != 0)) {
			set_span(e, D, x->first, w ? w : clause_fwd(D, x->last, 8));
			return;
		}
	}
	/* consequence_cause, with what its sentence said before the ", so"
	 * kept as the tokens go (rescanning the sentence from its start at
	 * each "so" made a long sentence of them quadratic): an event in the
	 * past, and no first person but "our" */
	size_t cur = SIZE_MAX;
	bool event = false, ours = false, theirs = false, harm = false, broke = false;
	for (size_t k = 0; k < D->ntok; k++) {
		if (D->tok[k].sent != cur) {
			cur = D->tok[k].sent;
			event = ours = theirs = harm = broke = false;
		}
		/* the harm may be told as our own act: "we broke the booking
		 * form when we changed the tide file" */
		if ((event && !ours && consequence_cause(D, k)) || ((broke || (theirs && harm)) && when_we_did(D, k))) {
			set_span(e, D, D->sent[cur].first, D->sent[cur].last);
			return;
		}
		/* or as a passive mistake: "the van was sent to the wrong field";
		 * not with a cause phrase in its sentence that did not count
		 * (vague: "were declined in error … due to a system issue" tells
		 * what went wrong, and leaves why untold) */
		size_t pe;
		if (ck_has(D, k, L_BE_PAST) && passive_misdone(D, k, &pe) && !phrase_in(D, &D->sent[cur], L_CAUSE)) {
			set_span(e, D, D->sent[cur].first, pe);
			return;
		}
		if (is_second_person(D, k) || ck_has(D, k, L_AUDIENCE))
			theirs = true;
		if ((ck_has(D, k, L_OWN_VERB) || ck_has(D, k, L_PARTICIPLE)) && !(k > 0 && ck_has(D, k - 1, L_NEGATION)))
			harm = true;
		if (first_person(D, k) && !ck_is(D, k, "our")) {
			ours = true;
			/* an admitting verb, or an omission: "we did not allow
			 * for the move when we confirmed your order" */
			if ((ck_has(D, k + 1, L_OWN_VERB) || (ck_is(D, k + 1, "did") && ck_is(D, k + 2, "not"))) &&
			    !breaks_clause(D, k + 1))
				broke = true;
		}
		if (past_verb(D, k))
			event = true;
	}
	/* "The fault lies with Polar Hire, whose compressor had not been
	 * serviced", "this was largely down to circumstances beyond our
	 * control": the fault put on someone else is an account of what went
	 * wrong, however poor (ownership.blame-shift says what is wrong with
	 * it) — when it names who or what failed: not fate or the unknown
	 * ("circumstances beyond our control", "out of our hands", "these
	 * things happen", "bad luck"), which tells nothing. The span rules
	 * have run by now, so their findings are here (dev sets
	 * holdout20-303: 19 of the 19 messages the checker said lacked a
	 * cause while finding such a blame had one, by their writers) */
	if (blame_names_party(c, e))
		return;
	/* the service's failure told as an event, when nothing in the
	 * message says the cause is still sought or unknown */
	if (cause_left_open(D))
		return;
	size_t fa = 0, fk = SIZE_MAX;   /* the first failure told, kept while the rest is read */
	for (size_t k = 0; k < D->ntok; k++) {
		size_t a;
		if (fk != SIZE_MAX || !service_failed(D, k, &a))
			continue;
		/* a cause phrase in its sentence, which did not count (vague:
		 * "the import failed due to circumstances beyond our control"),
		 * leaves the failure a symptom whose cause is not told */
		if (!phrase_in(D, &D->sent[D->tok[k].sent], L_CAUSE)) {
			fa = a;
			fk = k;
		}
	}
	if (fk != SIZE_MAX)
		set_span(e, D, fa, fk + 1);
}

/* Token k is "since" or an adverb ("has since added", "have now added"). */
static bool is_adverb_or_since(const struct ck_doc *d, size_t k)
{
	return ck_is(d, k, "since") || ck_is(d, k, "now") || ck_is(d, k, "also") || ck_is(d, k, "already") ||
	       is_adverb(d, k);
}

/* We, I or our at a token of [a, k) (its last SENT_REACH tokens at most):
 * the sentence's subject is ours. */
static bool ours_before(const struct ck_doc *d, size_t a, size_t k)
{
	for (size_t q = k > a + SENT_REACH ? k - SENT_REACH : a; q < k; q++)
		if (first_person(d, q) || ck_is(d, q, "our") || ck_is(d, q, "my"))
			return true;
	return false;
}

/* "we are adding a lock so that only one run can start", "we will check
 * every payment …, so a payment that went through is not taken a second
 * time", "a second feed line so one failed controller cannot starve a
 * bay": token i is "so" (", so", "so that" or a bare "so" of purpose), with "we will", "we'll" or
 * "we are" at most twenty tokens before it in its sentence — a change of
 * ours still to come — and "not", "never", "cannot" or "only", or "no",
 * "nobody" or "none" and a modal, at most eight tokens after it in its
 * clause, not after "you": what the change rules out; or "so that each/
 * every …" and "can": the way round the fault it gives each thing. The
 * change may also be done already ("we" and a past verb: "we added a
 * lock so that a second run cannot start") when what it rules out is
 * told in the present ("cannot", "can/will/does not", "never"), a
 * standing safeguard; "we paused it so that no more could fail" is not.
 * The verb's subject may stand further back when it is ours: "will", or
 * has/have (and since, now or an adverb) with a past form, after we, I,
 * our or my in the sentence ("we are testing the joints …, and will
 * replace any that run hot, so the fault does not move", "our network
 * team … has since added a second provider, so that one fault cannot
 * …"). "no longer" rules out as a negation does ("so the catalogue can
 * no longer affect it"; not "could no longer").
 * Returns the token after that word, or 0. */
static size_t change_rules_out(const struct ck_doc *d, size_t i)
{
	static const char *const degree[] = {"far", "much", "many", "long", "few", "little", NULL};
	if (!ck_is(d, i, "so") || is_question(d, i))
		return 0;
	/* "so that", ", so", or a bare "so" of purpose ("a second feed line
	 * so one failed controller cannot starve a bay"), not of degree ("so
	 * far", "so many") */
	bool that = ck_is(d, i + 1, "that") && !breaks_clause(d, i + 1);
	if (!that && !((d->tok[i].gap & CK_G_CLAUSE) && d->tok[i].clause_ch == ',') &&
	    (breaks_clause(d, i) || ck_is_any(d, i + 1, degree)))
		return 0;
	size_t sf = d->sent[d->tok[i].sent].first;
	bool ahead = false, done = false, standing = false;
	for (size_t k = i; k > sf && i - k < 20 && !ahead; k--) {
		if (!ck_is(d, k - 1, "we")) {
			/* the verb's own subject told earlier in the sentence:
			 * "we are testing the other joints …, and will replace
			 * any that run hot, so …", "our network team … has since
			 * added a second provider, so that …" — "will", or
			 * has/have and a past form, with we, I or our before it */
			bool will = ck_is(d, k, "will");
			/* or a change to come told in the passive, whoever makes
			 * it: "the duplicate check will be changed so that …" */
			if (will && ck_is(d, k + 1, "be") && past_form(d, k + 2) && !breaks_clause(d, k + 1) &&
			    !breaks_clause(d, k + 2) && k + 2 < i) {
				ahead = true;
				continue;
			}
			bool perfect = !will &&
				       (ck_is(d, k - 1, "has") || ck_is(d, k - 1, "have") ||
					(k - 1 > sf && (ck_is(d, k - 2, "has") || ck_is(d, k - 2, "have")) &&
					 is_adverb_or_since(d, k - 1))) &&
				       !breaks_clause(d, k) && past_verb(d, k);
			if ((will || perfect) && ours_before(d, sf, k)) {
				ahead = will;
				done = done || perfect;
				standing = standing || perfect;
			}
			continue;
		}
		ahead = ck_is(d, k, "will") || ck_is(d, k, "are");
		done = done || (!breaks_clause(d, k) && past_verb(d, k));
	}
	if (!ahead && !done)
		return 0;
	static const char *const now[] = {"can", "will", "does", "do", NULL};
	/* what the change does to a case of the fault, told in the present:
	 * "so that a retried payment is refused", "so it rejects any file
	 * with an ambiguous date" */
	static const char *const guards[] = {"rejects", "refuses", "blocks", "flags", "warns", NULL};
	static const char *const guarded[] = {"refused", "rejected", "blocked", "flagged", NULL};
	for (size_t q = i + 1, e = clause_fwd(d, i, 12); q < e; q++) {
		if (ck_is(d, q, "you"))
			return 0;
		/* only for a change to come or one that stands (the present
		 * perfect): "we bent a spring, so the carriage catches" tells
		 * the fault */
		if ((ahead || standing) &&
		    (ck_is_any(d, q, guards) || ((ck_is(d, q - 1, "is") || ck_is(d, q - 1, "are")) && ck_is_any(d, q, guarded))))
			return q + 1;
		/* "can/will no longer …", "no longer depends on …" */
		if (ck_is(d, q, "no") && q + 1 < e && ck_is(d, q + 1, "longer") && !ck_is(d, q - 1, "could"))
			return q + 2;
		if (!ahead) {
			if (ck_is(d, q, "cannot") || ck_is(d, q, "never") ||
			    (ck_is(d, q, "not") && ck_is_any(d, q - 1, now)))
				return q + 1;
			continue;
		}
		if (ck_is(d, q, "not") || ck_is(d, q, "never") || ck_is(d, q, "cannot") || ck_is(d, q, "only"))
			return q + 1;
		/* a negated subject rules it out too when a modal follows it
		 * in the clause: "so that no two orders can take one slot",
		 * "so nobody will …"; not "so that no one is left waiting" */
		if (ck_is(d, q, "no") || ck_is(d, q, "nobody") || ck_is(d, q, "none"))
			for (size_t m = q + 1; m < e && m <= q + 4; m++)
				if (ck_is(d, m, "can") || ck_is(d, m, "will") || ck_is(d, m, "could"))
					return m + 1;
		/* or gives each of the things a way round the fault: "fitting
		 * a second card to every reader so that each one can switch
		 * networks" ("each" or "every" right after "so that", "can" at
		 * most three tokens on) */
		if (that && q == i + 2 && (ck_is(d, q, "each") || ck_is(d, q, "every")))
			for (size_t m = q + 1; m < e && m <= q + 3; m++)
				if (ck_is(d, m, "can"))
					return m + 1;
	}
	return 0;
}

/* "it will not start dosing after a restart until one of your curators
 * confirms the profile", "the till cannot reopen until a manager
 * approves it": a thing that will not act until someone checks — a
 * refusal built in. Token i is "until"; a checking verb in the present
 * follows within six tokens, and "will not", "cannot", "can't" or "won't"
 * stands within ten tokens before it in its clause, not after we or I
 * ("we will not start until you confirm" is a plan, not a safeguard).
 * Returns the token after the verb, or 0. */
static size_t held_until_check(const struct ck_doc *d, size_t i)
{
	static const char *const check[] = {"confirms", "approves", "checks", "reviews", "signs", "marks",
		"accepts", "verifies", "validates", "authorises", "authorizes", NULL};
	if (!ck_is(d, i, "until") || is_question(d, i) || breaks_clause(d, i))
		return 0;
	/* or done by then: "until you've signed the printed copy" */
	static const char *const checked[] = {"confirmed", "approved", "checked", "reviewed", "signed", "marked",
		"accepted", "verified", "validated", "authorised", "authorized", NULL};
	size_t v = 0;
	for (size_t q = i + 1; q < d->ntok && q <= i + 6 && !breaks_clause(d, q) && !v; q++)
		if (ck_is_any(d, q, check) ||
		    ((ck_is(d, q - 1, "have") || ck_is(d, q - 1, "has")) && ck_is_any(d, q, checked)))
			v = q + 1;
	if (!v)
		return 0;
	for (size_t k = i; k > 0 && i - k < 10 && !breaks_clause(d, k); k--) {
		size_t n = k - 1, m = n;
		/* the tokeniser reads "won't" and "can't" as "will not", "can not" */
		if (ck_is(d, n, "not") && n > 0 && (ck_is(d, n - 1, "will") || ck_is(d, n - 1, "can")))
			m = n - 1;
		else if (!ck_is(d, n, "cannot"))
			continue;
		return m > 0 && first_person(d, m - 1) ? 0 : v;
	}
	return 0;
}

/* "no knife is dispatched until that period has passed", "nobody uses a
 * stripper on a marked area without my sign-off", "no climber will take
 * down a limb without a second groundsman": a standing rule that nothing
 * goes on without or until a check — a safeguard. Token i is "until",
 * "without" or "unless"; at most twelve tokens before it in its clause
 * stands "no", "nobody" or "nothing" as a subject (not after have/has/had
 * or a past form: "we had no toilet until Monday", "crews received no
 * tasks until …"; nor after "so" or "that": "so that no one is left
 * without a seat" is an aim), and between them a verb in the present or the future
 * (is, are, will, can, may, must, goes, gets, starts, leaves, uses, now)
 * and none in the past or of what should have been (was, were, had, did,
 * should, could, would). Not asked. Returns the token after i, or 0. */
static size_t none_unless(const struct ck_doc *d, size_t i)
{
	static const char *const now[] = {"is", "are", "will", "can", "may", "must", "goes", "gets", "starts",
		"leaves", "uses", "now", NULL};
	static const char *const then[] = {"was", "were", "had", "did", "should", "could", "would", NULL};
	static const char *const none[] = {"no", "nobody", "nothing", NULL};
	if (i == 0 || is_question(d, i) || !(ck_is(d, i, "until") || ck_is(d, i, "without") || ck_is(d, i, "unless")))
		return 0;
	size_t cb = clause_back(d, i, 12);
	for (size_t k = i; k > cb; k--) {
		size_t n = k - 1;
		if (!ck_is_any(d, n, none))
			continue;
		if (n > 0 && !breaks_clause(d, n) &&
		    (ck_is(d, n - 1, "have") || ck_is(d, n - 1, "has") || ck_is(d, n - 1, "had") || past_form(d, n - 1) ||
		     ck_is(d, n - 1, "so") || ck_is(d, n - 1, "that")))
			return 0;
		bool present = false;
		for (size_t q = n + 1; q < i; q++) {
			if (ck_is_any(d, q, then))
				return 0;
			present = present || ck_is_any(d, q, now);
		}
		return present ? i + 1 : 0;
	}
	return 0;
}

/* "before the quote can be saved", "before a label can print": a step
 * that must come before the thing can go on, told in the present — a
 * gate built in. Token i is "before"; "can" follows within five tokens in
 * its clause (not "could": "we checked it before it could be sent" tells
 * the past). Returns the token after the verb, or 0. */
static size_t gate_before_can(const struct ck_doc *d, size_t i)
{
	if (!ck_is(d, i, "before") || is_question(d, i))
		return 0;
	for (size_t k = i + 1, e = clause_fwd(d, i, 6); k < e; k++)
		if (ck_is(d, k, "can")) {
			size_t v = k + 1 + (ck_is(d, k + 1, "be") ? 1 : 0);
			return v < e && d->tok[v].type == CK_WORD ? v + 1 : 0;
		}
	return 0;
}

/* "we have added those tests", "we are adding two more alerts", "our
 * team has since implemented automated failover testing", "adding
 * humidity sensors": a check of ours added or brought in (add, introduce,
 * implement), with up to two words between the verb and the noun (the
 * list has "added tests", "added an alert"); the noun a test, check,
 * alert, alarm, monitor or sensor, or the work of one (testing,
 * monitoring, alerting). Token i is the verb; *end is after the noun. */
static bool safeguard_added(const struct ck_doc *d, size_t i, size_t *end)
{
	static const char *const base[] = {"add", "introduce", "implement", NULL};
	static const char *const done[] = {"added", "adding", "introduced", "introducing", "implemented",
		"implementing", NULL};
	/* the cheap test first: each verb starts with a, i or s (set up) */
	char c0 = d->tok[i].nlen >= 3 ? ck_norm(d, i)[0] : 0;
	if (c0 != 'a' && c0 != 'i' && c0 != 's')
		return false;
	/* "we have set up an alert", "we are setting up a daily check":
	 * "set up" as "add", read from "up" on; by us, or a step opening
	 * its clause */
	if (c0 == 's') {
		if (!(ck_is(d, i, "set") || ck_is(d, i, "setting")) || i + 1 >= d->ntok || !ck_is(d, i + 1, "up") ||
		    breaks_clause(d, i + 1) || is_question(d, i))
			return false;
		bool ours = i == 0 || (d->tok[i].gap & (CK_G_CLAUSE | CK_G_LINE));
		for (size_t k = i; !ours && k > 0 && k + 3 > i && !breaks_clause(d, k); k--)
			ours = first_person(d, k - 1);
		if (!ours)
			return false;
		i++;
	} else {
		/* or promised: "we will add a check", "we plan to add an
		 * alert"; or set down as a step to take, opening its clause:
		 * "Follow-ups: add synthetic monitoring of checkout; add a
		 * fallback path" */
		bool add = ck_is_any(d, i, base) &&
			   (i == 0 || (d->tok[i].gap & CK_G_CLAUSE) || (d->tok[i].gap & CK_G_LINE) ||
			    (!breaks_clause(d, i) &&
			     (ck_is(d, i - 1, "will") || ck_is(d, i - 1, "to") || ck_is(d, i - 1, "shall"))));
		/* a routine of ours that holds the guard from now on: "our
		 * maintenance checklist now includes a sensor test" ("our" at
		 * most five tokens back in the clause; not "the price now
		 * includes a test drive") */
		if (!add && (ck_is(d, i, "includes") || ck_is(d, i, "include")) && i > 1 && !breaks_clause(d, i) &&
		    (ck_is(d, i - 1, "now") || ck_is(d, i - 1, "will")))
			for (size_t k = i - 1; k > 0 && k + 6 > i && !breaks_clause(d, k) && !add; k--)
				add = ck_is(d, k - 1, "our");
		if (!(add || ck_is_any(d, i, done)) || is_question(d, i))
			return false;
	}
	static const char *const guard[] = {"test", "tests", "check", "checks", "alert", "alerts",
		"alarm", "alarms", "monitor", "monitors", "safeguard", "safeguards", "sensor", "sensors",
		"detector", "detectors", "testing", "monitoring", "alerting", "hold", "lock", "locks",
		"limit", "limits", "validation", "approval", "canary", "failsafe", "interlock", "reconciliation",
		"verification", NULL};
	/* one comma between adjectives after "a", and two more words:
	 * "a second, battery-powered alarm" ("a" asks for one noun, so the
	 * comma ends no list) */
	bool a = ck_is(d, i + 1, "a") || ck_is(d, i + 1, "an");
	size_t commas = 0;
	for (size_t k = i + 1; k < d->ntok && k <= i + 3 + 2 * commas; k++) {
		if (breaks_clause(d, k)) {
			if (!a || commas || k < i + 3 || (d->tok[k].gap & CK_G_SENT) || d->tok[k].clause_ch != ',')
				return false;
			commas++;
		}
		if (commas && ck_has(d, k, L_STOPWORD)) /* "a note, and tests …" */
			return false;
		if (ck_is_any(d, k, guard)) {
			*end = k + 1;
			return true;
		}
	}
	/* a longer name of the guard, or a second thing before it, in the
	 * clause: "add a query-plan check to CI", "added memory-based
	 * autoscaling and alerting" — up to six words on, past no stopword
	 * but a, an, the, and or our */
	if (!commas)
		for (size_t k = i + 4; k < d->ntok && k <= i + 6; k++) {
			if (breaks_clause(d, k) || (ck_has(d, k - 1, L_STOPWORD) && !ck_is(d, k - 1, "a") &&
						    !ck_is(d, k - 1, "an") && !ck_is(d, k - 1, "the") &&
						    !ck_is(d, k - 1, "and") && !ck_is(d, k - 1, "our")))
				break;
			if (ck_is_any(d, k, guard)) {
				*end = k + 1;
				return true;
			}
		}
	/* a device added with a guard of its own: "adding a second
	 * thermometer with its own alarm on every chamber" — "with" at most
	 * six words on in the clause, the guard at most three after it */
	for (size_t k = i + 2; k + 1 < d->ntok && k <= i + 6 && !breaks_clause(d, k); k++) {
		if (!ck_is(d, k, "with"))
			continue;
		for (size_t g = k + 1; g < d->ntok && g <= k + 3 && !breaks_clause(d, g); g++)
			if (ck_is_any(d, g, guard)) {
				*end = g + 1;
				return true;
			}
		break;
	}
	/* what was added to a guard: "we have added repeat bookings to the
	 * tests every update must pass" — "to/into", at most five words on
	 * in the clause, then an optional "the/our" and the guard */
	for (size_t k = i + 2; k + 1 < d->ntok && k <= i + 5 && !breaks_clause(d, k); k++) {
		if (!ck_is(d, k, "to") && !ck_is(d, k, "into"))
			continue;
		size_t g = k + 1 + (ck_is(d, k + 1, "the") || ck_is(d, k + 1, "our"));
		if (g < d->ntok && !breaks_clause(d, k + 1) && !breaks_clause(d, g) && ck_is_any(d, g, guard)) {
			*end = g + 1;
			return true;
		}
		return false;
	}
	return false;
}

/* "we have added an automatic rollback that restores the last version if
 * bookings fail", "we will fit a float switch that cuts the power if water
 * collects", "we will add a nightly reconciliation that compares each
 * balance with the rules": a device of ours added or fitted (token i: add,
 * fit, install in any form), "a/an" and at most four words, then
 * "that/which" and a verb in the present in -s that checks or stops
 * (compares, verifies, blocks…), or any such verb with "if", "whenever" or
 * "unless" later in its clause — a guard that acts on a case of the fault.
 * Not "we added a page that explains the prices". *end is the clause's
 * end. */
static __attribute__((noinline)) bool device_added(const struct ck_doc *d, size_t i, size_t *end)
{
	static const char *const put[] = {"add", "added", "adding", "fit", "fitted", "fitting", "install",
		"installed", "installing", NULL};
	static const char *const guard[] = {"compares", "checks", "verifies", "validates", "tests", "flags",
		"blocks", "rejects", "refuses", "stops", "catches", "warns", "alerts", "detects", "locks", NULL};
	static const char *const cond[] = {"if", "whenever", "unless", NULL};
	const struct ck_tok *t = &d->tok[i];
	if (t->nlen < 3 || !(ck_norm(d, i)[0] == 'a' || ck_norm(d, i)[0] == 'f' || ck_norm(d, i)[0] == 'i') ||
	    !ck_is_any(d, i, put) || i + 4 >= d->ntok || !(ck_is(d, i + 1, "a") || ck_is(d, i + 1, "an")) ||
	    is_question(d, i))
		return false;
	size_t r = i + 3;
	while (r < d->ntok && r <= i + 6 && !breaks_clause(d, r) && !ck_is(d, r, "that") && !ck_is(d, r, "which"))
		r++;
	if (r >= d->ntok || r > i + 6 || breaks_clause(d, r) || r + 1 >= d->ntok || breaks_clause(d, r + 1))
		return false;
	size_t v = r + 1, n = d->tok[v].nlen;
	const char *w = ck_norm(d, v);
	if (d->tok[v].type != CK_WORD || n < 4 || w[n - 1] != 's' || w[n - 2] == 's' || ck_has(d, v, L_STOPWORD))
		return false;
	size_t e = clause_fwd(d, v, 16);
	*end = e;
	if (ck_is_any(d, v, guard))
		return true;
	for (size_t q = v + 1; q < e; q++)
		if (ck_is_any(d, q, cond))
			return true;
	return false;
}

/* "every stall is now staffed for any fair over 5,000 visitors", "the
 * limits are now worked out from the real disk sizes": a present passive
 * with "now" (token i; "is/are" before it, a participle after it) tells
 * how things are done from here on, as the listed "now checked" and "now
 * tested" do — not a state the fix reached ("is now resolved", "are now
 * corrected", "is now scheduled"), nor the client's things ("your order
 * is now booked": you/your or an audience noun up to eight tokens back in
 * the clause). */
static __attribute__((noinline)) bool now_done(const struct ck_doc *d, size_t i)
{
	static const char *const reached[] = {"resolved", "fixed", "restored", "corrected", "repaired", "replaced",
		"refunded", "credited", "cleared", "released", "reopened", "recovered", "completed", "finished",
		"expected", "planned", "scheduled", "booked", "confirmed", "delivered", "closed", "done", "back",
		"back-filled", "rebooked", "reinstated", "sorted", "settled", "paid", NULL};
	if (i == 0 || i + 1 >= d->ntok || breaks_clause(d, i) || breaks_clause(d, i + 1) ||
	    !(ck_is(d, i - 1, "is") || ck_is(d, i - 1, "are")) || !past_form(d, i + 1) ||
	    ck_is_any(d, i + 1, reached) || ck_has(d, i + 1, L_REPAIR) || is_question(d, i))
		return false;
	for (size_t q = clause_back(d, i, 8); q < i; q++)
		if (is_second_person(d, q) || ck_has(d, q, L_AUDIENCE))
			return false;
	return true;
}

/* "We're also adding the roof drains to the monthly PPM schedule", "we
 * have put the cable to the front of our annual inspections", "we are
 * including the backup check in every site audit": a thing of the fault
 * made part of a routine of ours — token i is "to", "into" or "in", with
 * a routine (schedule, inspections, checklist, audit, rota, runbook,
 * induction…) up to four tokens after it, and before it in the clause
 * "we" or "I" with add, put or include (any form) up to sixteen tokens
 * back. Not advice to the client. Asked on the preposition, which few
 * tokens are, not on every noun. *a is the pronoun, *end after the
 * routine. */
static __attribute__((noinline)) bool added_to_routine(const struct ck_doc *d, size_t i, size_t *a, size_t *end)
{
	static const char *const routine[] = {"schedule", "schedules", "inspection", "inspections", "checklist",
		"checklists", "audit", "audits", "rota", "rotas", "runbook", "runbooks", "induction", "routine",
		"routines", "programme", "program", "regime", NULL};
	static const char *const adding[] = {"add", "adds", "adding", "added", "put", "putting", "include",
		"includes", "including", "included", "build", "building", "built", NULL};
	if (!(ck_is(d, i, "to") || ck_is(d, i, "into") || ck_is(d, i, "in")))
		return false;
	size_t r = SIZE_MAX;
	for (size_t k = i + 1; k < d->ntok && k <= i + 4 && r == SIZE_MAX && !breaks_clause(d, k); k++)
		if (d->tok[k].nlen >= 4 && ck_is_any(d, k, routine))
			r = k;
	if (r == SIZE_MAX || is_question(d, r))
		return false;
	for (size_t k = i; k > 0 && i - k < 16 && !breaks_clause(d, k); k--) {
		size_t v = k - 1;
		if (!ck_is_any(d, v, adding))
			continue;
		/* the pronoun right before the verb, or with an auxiliary
		 * and an adverb between: "we're also adding", "we have now
		 * put" */
		for (size_t q = v; q > 0 && v - q < 3 && !breaks_clause(d, q); q--)
			if (first_person(d, q - 1)) {
				for (size_t n = q; n < v; n++)
					if (ck_has(d, n, L_NEGATION))
						return false;
				if (advice_to_client(d, r))
					return false;
				*a = q - 1;
				*end = r + 1;
				return true;
			}
		return false;
	}
	return false;
}

/* "we are rebuilding our change process", "we have tightened the release
 * procedure": a way of working of ours changed, with up to two words
 * between the verb and the noun. Token i is the noun (its first bytes are
 * all most tokens cost); *a is the verb, *end after the noun. */
static bool process_changed(const struct ck_doc *d, size_t i, size_t *a, size_t *end)
{
	if (d->tok[i].nlen < 7 || memcmp(d->norm + d->tok[i].norm, "proce", 5) != 0 ||
	    !(ck_is(d, i, "process") || ck_is(d, i, "processes") || ck_is(d, i, "procedure") ||
	      ck_is(d, i, "procedures")) || is_question(d, i))
		return false;
	static const char *const verb[] = {"rebuilding", "rebuilt", "redesigning", "redesigned", "rewriting",
		"rewritten", "rewrote", "reworking", "reworked", "overhauling", "overhauled", "tightening",
		"tightened", "changing", "changed", "improving", "improved", NULL};
	for (size_t k = i; k > 0 && k + 3 > i && !breaks_clause(d, k); k--)
		if (ck_is_any(d, k - 1, verb)) {
			*a = k - 1;
			*end = i + 1;
			return true;
		}
	return false;
}

/* "From December we will keep a third tanker on call", "From Monday
 * 30 November, the late round will be driven by our own staff", "From the
 * next fair, the organiser and I will both check …": a sentence that
 * opens "From" and a time — a month, weekday, today or tomorrow (the
 * date's day and month may follow), a day's number and its month ("From
 * 1 December"), "next" or "this" and a week or month,
 * or "the next" and any noun — an optional "on", then "every", "each" or
 * "any" ("From next week every order is weighed", "From March, any change
 * is signed off") or a subject of up to seven words and "will", not the
 * client's — a standing change from a date on. Token i opens the
 * sentence, a line, a clause or a clause's ", and"; returns the token
 * after "will" (after the word after "every"), or 0. */
static size_t from_date_on(const struct ck_doc *d, size_t i)
{
	static const char *const when[] = {"january", "february", "march", "april", "may", "june", "july",
		"august", "september", "october", "november", "december", "monday", "tuesday", "wednesday",
		"thursday", "friday", "saturday", "sunday", "today", "tomorrow", NULL};
	static const char *const each[] = {"every", "each", "any", NULL};
	if (!ck_is(d, i, "from") || i + 4 >= d->ntok)
		return 0;
	size_t k = i + 1;
	if (ck_is(d, k, "the") && ck_is(d, k + 1, "next") && d->tok[k + 2].type == CK_WORD)
		k += 2;         /* "the next event" */
	else if (ck_is(d, k, "next") || ck_is(d, k, "this")) {
		if (!(ck_is(d, k + 1, "week") || ck_is(d, k + 1, "month")))
			return 0;
		k++;
	} else if (d->tok[k].type == CK_NUM && ck_tok_month(d, k + 1)) {
		k++;            /* "From 1 December" */
	} else if (!ck_is_any(d, k, when))
		return 0;
	for (size_t q = i + 1; q <= k; q++)
		if (breaks_clause(d, q))
			return 0;
	k++;
	/* the rest of the date: "Monday 30 November" */
	for (size_t n = 0; n < 3 && k < d->ntok && !breaks_clause(d, k) &&
			   (d->tok[k].type == CK_NUM || ck_is_any(d, k, when)); n++)
		k++;
	if (k < d->ntok && ck_is(d, k, "on") && !breaks_clause(d, k))
		k++;
	if (k + 1 >= d->ntok || (d->tok[k].gap & CK_G_SENT) || breaks_clause(d, k + 1))
		return 0;
	size_t v = 0;
	if (ck_is_any(d, k, each))
		v = k + 2;
	/* the subject and "will": not "you will be able to …" */
	for (size_t q = k; !v && q < d->ntok && q <= k + 7 && (q == k || !breaks_clause(d, q)); q++) {
		if (is_second_person(d, q) || ck_has(d, q, L_AUDIENCE))
			return 0;
		if (ck_is(d, q, "will") && q > k)
			v = q + 1;
	}
	if (!v || v >= d->ntok)
		return 0;
	/* not more messages: "From Monday we will send you an update each
	 * morning" (a next_update.txt phrase within six tokens) */
	for (size_t h = ck_hit_lower(d, v); h < d->nhit && d->hit[h].first <= v + 6; h++)
		if (d->hit[h].list == L_NEXT_UPDATE)
			return 0;
	return v;
}

/* "compare the two lists each night and alert the duty manager if they
 * differ", "Alert when 80% of the disk is full": token i is the verb
 * "alert" or "alerts", then "when" right after it, or "if" or "whenever"
 * at most four words on in its clause with nobody of the client's
 * between ("alert you when the fix is live" tells the client, it guards
 * nothing), or "our" right after "will/now alert" — a watch that raises
 * an alarm on a case of the fault.
 * Returns the token after "if/when" (after the word that follows "our"),
 * or 0. */
static size_t alert_on_case(const struct ck_doc *d, size_t i)
{
	if (!(ck_is(d, i, "alert") || ck_is(d, i, "alerts")) || is_question(d, i) || i + 1 >= d->ntok ||
	    breaks_clause(d, i + 1) || (i > 0 && !breaks_clause(d, i) && determiner(d, i - 1)))
		return 0;
	if (ck_is(d, i + 1, "when"))
		return i + 2;
	/* "any run that pays out nothing will alert our on-call engineer",
	 * "the sensor now alerts our duty manager": a watch that calls one
	 * of ours, promised or standing (not "did not alert our team") */
	if (ck_is(d, i + 1, "our") && i + 2 < d->ntok && !breaks_clause(d, i + 2) && i > 0 && !breaks_clause(d, i) &&
	    (ck_is(d, i - 1, "will") || ck_is(d, i - 1, "now")))
		return i + 3;
	for (size_t q = i + 1; q < d->ntok && q <= i + 5 && !breaks_clause(d, q); q++) {
		if (is_second_person(d, q) || ck_has(d, q, L_AUDIENCE))
			return 0;
		if (ck_is(d, q, "if") || ck_is(d, q, "whenever"))
			return q + 1;
	}
	return 0;
}

/* Token v, after "we now", is a verb of work in the simple present: a
 * word, not in -ed or -ing, not a stopword nor a verb of knowing,
 * expecting, planning or having. */
static bool we_now_do(const struct ck_doc *d, size_t v)
{
	static const char *const state[] = {"know", "expect", "have", "think", "believe", "hope", "plan",
		"need", "want", "understand", "see", "feel", "estimate", "aim", "intend", "suspect", "realise",
		"realize", "owe", "apologise", "apologize", "knows", "expects", "thinks", "believes", "hopes",
		"plans", "needs", "wants", "understands", "sees", "feels", "estimates", "aims", "intends",
		"suspects", "realises", "realizes", "owes", "looks", "seems", "appears", "works", NULL};
	if (v >= d->ntok || breaks_clause(d, v) || d->tok[v].type != CK_WORD || ck_has(d, v, L_STOPWORD) ||
	    ck_has(d, v, L_NEGATION) || is_question(d, v) || ck_is_any(d, v, state))
		return false;
	const char *w = ck_norm(d, v);
	size_t n = d->tok[v].nlen;
	return n > 2 && !(n > 3 && !memcmp(w + n - 2, "ed", 2)) && !(n > 4 && !memcmp(w + n - 3, "ing", 3));
}

/* Tokens up to n, right before "now", are a subject that names every
 * case: "every trailer now gets a two-person check", "each recommendation
 * from an inspection now goes onto our list", "all changes now need a
 * second approver" — every, each or all opening the clause (or after
 * "and"), at most six words before "now"; and token v, after "now", is a
 * verb that puts each case through something (gets, goes, needs,
 * requires, includes, must…, or "has to": "every clerk now has to complete
 * a signed-off procedure"), a routine step (prints, checks, confirms,
 * alerts, waits…), or "is/are now" and a participle of checking
 * (confirmed, checked, tested…, or "subject to"). Not a state reported
 * after the fix: "every order now shows the right price". */
static bool every_case_rule(const struct ck_doc *d, size_t n, size_t v)
{
	static const char *const through[] = {"gets", "get", "goes", "go", "needs", "need", "requires", "require",
		"includes", "include", "undergoes", "undergo", "passes", "pass", "carries", "carry", "must",
		/* or a routine step each case now takes: "every venue now
		 * prints the evening's bookings at 17:00" */
		"prints", "print", "locks", "lock", "checks", "check", "confirms", "confirm", "reviews", "review",
		"tests", "test", "alerts", "alert", "pages", "page", "flags", "flag", "blocks", "block", "waits",
		"wait", "triggers", "trigger", "follows", "follow", "keeps", "keep", "compares", "compare",
		/* "each driver now signs the sheet", "logs the reading"
		 * (session 23) */
		"signs", "sign", "logs", "log", NULL};
	/* or completes a check: "every crew now completes a weights and
	 * staking checklist" (a check noun at most five words on; "every
	 * crew now completes its work on time" claims a state) */
	static const char *const completes[] = {"completes", "complete", "fills", "fill", NULL};
	static const char *const check_noun[] = {"checklist", "check", "checks", "form", "sheet", "log",
		"inspection", "test", "audit", NULL};
	bool completes_check = false;
	if (v < d->ntok && ck_is_any(d, v, completes))
		for (size_t q = v + 1; q < d->ntok && q <= v + 5 && !breaks_clause(d, q) && !completes_check; q++)
			completes_check = ck_is_any(d, q, check_noun);
	/* or put through a check in the present passive: "every booking is
	 * now confirmed by phone with the performer", "all load-bearing
	 * repairs are now subject to a second check" */
	static const char *const checked[] = {"confirmed", "checked", "tested", "inspected", "reviewed", "verified",
		"compared", "approved", "logged", "signed", "locked", "staffed", "double-checked", "subject", NULL};
	if (v >= d->ntok || breaks_clause(d, v) ||
	    !(ck_is_any(d, v, through) || completes_check ||
	      ((ck_is(d, v, "has") || ck_is(d, v, "have")) && v + 1 < d->ntok && !breaks_clause(d, v + 1) &&
	       ck_is(d, v + 1, "to")) ||
	      ((ck_is(d, n, "is") || ck_is(d, n, "are")) && ck_is_any(d, v, checked))))
		return false;
	static const char *const every[] = {"every", "each", "all", NULL};
	for (size_t k = n + 1; k > 0 && n + 1 - k < 7; k--) {
		size_t q = k - 1;
		if (ck_is_any(d, q, every))
			return q == 0 || breaks_clause(d, q) || ck_is(d, q - 1, "and");
		if (breaks_clause(d, q))
			return false;
	}
	return false;
}

/* Token n, right before "now", is a subject of ours whose standing
 * change "now" and a verb in the simple present tell: "we" or "I"; one
 * of our people, a team noun with "our", "my" or "the" up to two words
 * before it ("our office manager now keeps …", "the night crew now
 * checks …"; not "your staff now …"); or a guard of the kind
 * safeguard_added knows ("alerts now fire when …", "a second check now
 * runs …"). */
static bool standing_subject(const struct ck_doc *d, size_t n)
{
	static const char *const guard[] = {"test", "tests", "check", "checks", "alert", "alerts",
		"alarm", "alarms", "monitor", "monitors", "safeguard", "safeguards", NULL};
	if (first_person(d, n))
		return true;
	if (ck_is_any(d, n, guard))
		return true;
	if (!ck_has(d, n, L_TEAM))
		return false;
	for (size_t k = n; k > 0 && n - k < 3 && !breaks_clause(d, k); k--)
		if (ck_is(d, k - 1, "our") || ck_is(d, k - 1, "my") || ck_is(d, k - 1, "the"))
			return true;
	return false;
}

/* A frequency told at token k: daily, weekly, monthly, yearly… ("six-
 * monthly" ends in one), or every, each, once or twice a, then at most
 * one word (a count) and a unit of time ("every two years", "once a
 * year"). */
static bool frequency_at(const struct ck_doc *d, size_t k)
{
	static const char *const adv[] = {"hourly", "daily", "nightly", "weekly", "fortnightly", "monthly",
		"quarterly", "yearly", "annually", "annual", NULL};
	static const char *const unit[] = {"hour", "hours", "day", "days", "night", "nights", "week", "weeks",
		"fortnight", "month", "months", "quarter", "year", "years", "morning", "mornings", "afternoon",
		"evening", "shift", "time", NULL};
	/* each form ends in y, l, h or e (daily, annual, each, once): the
	 * last letter first, as this runs at every token of a sentence
	 * with "from" */
	size_t n = d->tok[k].nlen;
	char z = n ? ck_norm(d, k)[n - 1] : 0;
	if (z != 'y' && z != 'l' && z != 'h' && z != 'e')
		return false;
	if (ck_is_any(d, k, adv))
		return true;
	size_t u = k + 1;
	if (ck_is(d, k, "once") || ck_is(d, k, "twice")) {
		if (!ck_is(d, u, "a") && !ck_is(d, u, "per") && !ck_is(d, u, "every"))
			return false;
		u++;
	} else if (!ck_is(d, k, "every") && !ck_is(d, k, "each")) {
		return false;
	}
	for (; u < d->ntok && u <= k + 3 && !breaks_clause(d, u); u++)
		if (ck_is_any(d, u, unit))
			return true;
	return false;
}

/* A check of ours made more frequent: a sentence with a word of checking
 * (check, checks, checklist, inspect…, inspection, test…, audit, round),
 * two frequencies (frequency_at) and a word that sets them against each
 * other — "rather than", "instead of", "used to", or "from" — told in the
 * present or future (no was, were or had: "the pumps were serviced once a
 * year rather than every month" tells what went wrong): "so they're inspected every month rather than once a
 * year", "battery checks move from the yearly inspection sheet to the
 * monthly one", "onto a six-monthly inspection round, where it used to
 * be every two years". Sentence si; *a and *b the span to report. */
static bool check_more_often(const struct ck_doc *d, size_t si, size_t *a, size_t *b)
{
	static const char *const check[] = {"check", "checks", "checked", "checklist", "inspect", "inspected",
		"inspection", "inspections", "test", "tests", "tested", "audit", "audits", "audited", "round",
		"rounds", "service", "serviced", NULL};
	const struct ck_sent *st = &d->sent[si];
	if (st->term == '?')
		return false;
	/* the word that sets two frequencies against each other first, by
	 * its length and then its spelling: this runs on every sentence of
	 * a message that tells no prevention, and most have none */
	bool contrast = false;
	for (size_t k = st->first; k < st->last && !contrast; k++) {
		size_t n = d->tok[k].nlen;
		char c0 = ck_norm(d, k)[0];
		if ((n != 4 && n != 6 && n != 7) || (c0 != 'f' && c0 != 'u' && c0 != 'r' && c0 != 'i'))
			continue;
		contrast = ck_is(d, k, "from") || (ck_is(d, k, "rather") && ck_is(d, k + 1, "than")) ||
			   (ck_is(d, k, "instead") && ck_is(d, k + 1, "of")) ||
			   (ck_is(d, k, "used") && ck_is(d, k + 1, "to"));
	}
	if (!contrast)
		return false;
	size_t freq = 0, first = 0;
	bool chk = false;
	for (size_t k = st->first; k < st->last; k++) {
		if (frequency_at(d, k) && !(k > st->first && frequency_at(d, k - 1)))
			first = freq++ ? first : k;
		if ((ck_has(d, k, L_BE_PAST) && !ck_is(d, k, "been")) || ck_is(d, k, "had"))
			return false;   /* an account of the past */
		chk = chk || ck_is_any(d, k, check);
	}
	if (freq < 2 || !chk)
		return false;
	*a = first;
	*b = st->last;
	return true;
}

/* A verb in the present after "before" (token i), in its clause: "before
 * it goes live", "before bills are run", "before registration opens",
 * "before we call the work finished" — is/are/does/has, a word in -s
 * after a word that is no determiner ("before the holidays" names a
 * time), a word after we or they, or one in -ing right after "before"
 * ("before cutting into it"); no past form but after is/are/be
 * ("before anything is booked"), no modal. A step each case passes
 * through, where "before Friday" or "before it went out" is a time. */
static bool before_present(const struct ck_doc *d, size_t i)
{
	static const char *const be[] = {"is", "are", "be", "does", "do", "has", NULL};
	static const char *const modal[] = {"will", "would", "could", "can", "should", "might", "may", "shall",
		NULL};
	bool verb = false;
	for (size_t q = i + 1, e = clause_fwd(d, i, 8); q < e; q++) {
		if (d->tok[q].type != CK_WORD || ck_is_any(d, q, modal) || is_second_person(d, q))
			return false;
		if (past_form(d, q) && !ck_is_any(d, q - 1, be))
			return false;
		size_t n = d->tok[q].nlen;
		const char *w = ck_norm(d, q);
		verb = verb || ck_is_any(d, q, be) ||
		       (q > i + 1 && n > 3 && w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != '\'' &&
			!determiner(d, q - 1) && !ck_has(d, q, L_STOPWORD)) ||
		       (q == i + 2 && (ck_is(d, q - 1, "we") || ck_is(d, q - 1, "they"))) ||
		       (q == i + 1 && ends_ing(d, q));
	}
	return verb;
}

/* "after every contract change", "after any move": "after" (token k) and
 * every, each or any, then a word in its clause — each case of a kind,
 * as "before every" is in prevention.txt. */
static bool after_each(const struct ck_doc *d, size_t k)
{
	return k + 2 < d->ntok && !breaks_clause(d, k + 1) && !breaks_clause(d, k + 2) &&
	       (ck_is(d, k + 1, "every") || ck_is(d, k + 1, "each") || ck_is(d, k + 1, "any")) &&
	       d->tok[k + 2].type == CK_WORD;
}

/* Token k a verb in the present right after "now", told as a way of
 * working: one in -s ("every queue now appears on a daily report"), or
 * a plain verb after a plural in -s ("jointers now prove a cable with a
 * tester before cutting into it"); none of be, have or do, and no word in
 * -ed or -ing (a state: "the site now loaded"). Read for standing_check,
 * which asks for a gate or a round in the sentence too. */
static bool now_present(const struct ck_doc *d, const struct ck_sent *st, size_t k)
{
	if (k < st->first + 2 || !ck_is(d, k - 1, "now") || d->tok[k].type != CK_WORD || breaks_clause(d, k) ||
	    breaks_clause(d, k - 1) || ck_has(d, k, L_STOPWORD))
		return false;
	const char *w = ck_norm(d, k), *p = ck_norm(d, k - 2);
	size_t n = d->tok[k].nlen, m = d->tok[k - 2].nlen;
	if (n < 4 || ends_ed(d, k, 3) || ends_ing(d, k))
		return false;
	if (w[n - 1] == 's')
		return w[n - 2] != 's' && w[n - 2] != 'u';
	return d->tok[k - 2].type == CK_WORD && m > 3 && p[m - 1] == 's' && p[m - 2] != 's' &&
	       !ck_has(d, k - 2, L_STOPWORD);
}

/* "now" at token k of sentence st starts a routine, not an outcome: a word
 * of checking or a frequency ("every", "each" with a time word) after it
 * in its sentence ("the dryer now gets a temperature check on the first
 * shirt of every run", "the dialler now calls three people in turn, and
 * we test it every Monday"); "every order now shows the right price" tells
 * how things stand. */
static bool now_routine(const struct ck_doc *d, const struct ck_sent *st, size_t k)
{
	static const char *const chk[] = {"check", "checks", "checked", "test", "tests", "tested", "inspection",
		"inspect", "inspects", "sign", "signs", "signed", "logged", "log", "confirm", "confirms",
		"double-checked", NULL};
	for (size_t q = k + 1; q < st->last; q++)
		if (ck_is_any(d, q, chk) || frequency_at(d, q))
			return true;
	return false;
}

/* "Every vehicle leaving the yard from Monday gets a coolant-hose check",
 * "the dialler now calls three people in turn, and we test it every
 * Monday", "We will also add a second inspection of every roof": sentence
 * si tells a routine that covers every case from now on — "every" or
 * "each", and "now" before a word of checking or a frequency
 * (now_routine), "going forward", "in future" or "from" a day, or
 * "every/each" and one or two words before "gets" or "goes", or "will"
 * (now or also may follow) and add, check, test, inspect, keep, run, do,
 * make, log, review, carry or give. Not an account of the past (was,
 * were, had, did; have or has and a past form or "been"), work going on
 * ("we are now checking every booking": a sweep, not a routine), a dated
 * step ("Monday 30 November: we re-test every fob"), a negation, a
 * promise or a note of ours (guarantee, committed, 100%, perfect, never;
 * update, report, progress, note), a question or advice. Dev sets
 * holdout20-373: 23 false "no prevention" findings fewer, 1 true one
 * lost. The sentence is the span. */
static bool every_routine(const struct ck_doc *d, size_t si, size_t *a, size_t *b)
{
	static const char *const no[] = {"was", "were", "had", "did", "guarantee", "guaranteed", "committed", "100",
		"perfect", "perfectly", "never", "update", "updates", "report", "progress", "note", NULL};
	static const char *const be[] = {"is", "are", "am", "'re", "'m", NULL};
	static const char *const verb[] = {"gets", "goes", NULL};
	static const char *const act[] = {"add", "check", "test", "inspect", "keep", "run", "do", "make", "log",
		"review", "carry", "give", NULL};
	static const char *const day[] = {"monday", "today", "next", "this", NULL};
	const struct ck_sent *st = &d->sent[si];
	if (st->term == '?' || st->last - st->first < 4 || ck_tok_weekday(d, st->first))
		return false;
	/* "every" or "each" first: most sentences have neither */
	bool all = false, cue = false;
	for (size_t k = st->first; k < st->last && !all; k++)
		all = ck_is(d, k, "every") || ck_is(d, k, "each");
	if (!all)
		return false;
	for (size_t k = st->first; k < st->last; k++) {
		if (ck_is_any(d, k, no) || ck_has(d, k, L_NEGATION))
			return false;
		/* "have now re-aligned", "we're re-pairing" */
		size_t v = past_re(d, k + 1 < st->last && is_adverb_or_since(d, k + 1) ? k + 2 : k + 1, st->last);
		if (v < st->last && (((ck_is(d, k, "have") || ck_is(d, k, "has") || ck_is(d, k, "'ve")) &&
				      (past_form(d, v) || ck_is(d, v, "been"))) ||
				     (ck_is_any(d, k, be) && ends_ing(d, v))))
			return false;
		bool every = ck_is(d, k, "every") || ck_is(d, k, "each");
		if (cue)
			continue;
		cue = (ck_is(d, k, "now") && now_routine(d, st, k)) ||
		      (ck_is(d, k, "going") && k + 1 < st->last && ck_is(d, k + 1, "forward")) ||
		      (ck_is(d, k, "in") && k + 1 < st->last && ck_is(d, k + 1, "future")) ||
		      (ck_is(d, k, "from") && k + 1 < st->last && ck_is_any(d, k + 1, day));
		for (size_t q = k + 2; every && !cue && q < st->last && q <= k + 3; q++)
			cue = ck_is_any(d, q, verb) && !breaks_clause(d, q);
		if (!cue && ck_is(d, k, "will") && k + 1 < st->last) {
			size_t q = ck_is(d, k + 1, "now") || ck_is(d, k + 1, "also") ? k + 2 : k + 1;
			cue = q < st->last && ck_is_any(d, q, act);
		}
	}
	if (!cue || advice_to_client(d, st->first))
		return false;
	*a = st->first;
	*b = st->last;
	return true;
}

/* A check that stands from here on, told in the present: "a second
 * analyst checks every new rate before bills are run", "every router
 * change goes through a check by a second engineer before it goes live",
 * "the rota is reviewed by the depot manager every afternoon". A sentence
 * that tells no past (no was, were, had or did: "we checked the labels
 * before the van left" is an account) with a word of checking and, after
 * it, either "before" and a clause in the present (before_present) or
 * "after every/each/any" and a case (after_each) — a gate each case
 * passes — or a frequency (frequency_at) — a round that
 * recurs, told as a change: a verb in the present and since, now, from,
 * new or added in the sentence ("since then the rota is reviewed every
 * afternoon"; "we inspect the doors every month" may be how it always
 * was, as check_more_often holds). The word of checking is a verb in the present ("checks", "is
 * reviewed"), not the client's ("your manager approves"), or a noun or a
 * bare verb ("a check", "for approval", "will check") with every, each or
 * any in the sentence: "we will check the fix before the weekend starts"
 * is one act, not a safeguard. Not advice to the client. Sentence si; *a
 * and *b the span to report. */
static bool standing_check(const struct ck_doc *d, size_t si, size_t *a, size_t *b)
{
	static const char *const now[] = {"checks", "reviews", "confirms", "approves", "verifies", "compares",
		"tests", "inspects", "audits", "validates", "signs", "checking", "reviewing", "verifying",
		"comparing", "inspecting", "hand-checking", NULL};
	static const char *const done[] = {"checked", "reviewed", "confirmed", "approved", "verified", "compared",
		"tested", "inspected", "audited", "validated", "signed", NULL};
	static const char *const noun[] = {"check", "review", "approval", "confirmation", "sign-off", "preview",
		"inspection", "test", "audit", "verify", "compare", "confirm", "approve", "inspect", "validate", NULL};
	const struct ck_sent *st = &d->sent[si];
	if (st->term == '?')
		return false;
	/* "before" or a frequency first, by the length and the letters of
	 * the words: this runs on every sentence of a message that tells no
	 * prevention, and most have neither (read word by word, the whole
	 * test cost the archive slice 1% of its instructions) */
	bool cue = false;
	for (size_t k = st->first; k < st->last && !cue; k++) {
		size_t n = d->tok[k].nlen;
		const char *w = ck_norm(d, k);
		if (n == 6 && w[0] == 'b')
			cue = ck_is(d, k, "before");
		else if (n == 5 && w[0] == 'a')
			cue = ck_is(d, k, "after") && after_each(d, k);
		else if ((w[0] == 'e' && (n == 4 || n == 5)) || (n > 4 && w[n - 2] == 'l' && w[n - 1] == 'y') ||
			 (w[0] == 'o' && n == 4) || (w[0] == 't' && n == 5) || (w[0] == 'a' && n == 6))
			cue = frequency_at(d, k);
	}
	if (!cue)
		return false;
	static const char *const change[] = {"since", "now", "from", "new", "added", NULL};
	size_t chk = SIZE_MAX, first = SIZE_MAX; /* the word of checking, and the first one */
	bool present = false, all = false, changed = false;
	for (size_t k = st->first; k < st->last; k++) {
		size_t n = d->tok[k].nlen;
		if ((n == 3 || n == 4 || n == 5) && ((ck_has(d, k, L_BE_PAST) && !ck_is(d, k, "been")) ||
						      ck_is(d, k, "had") || ck_is(d, k, "did")))
			return false;   /* an account of the past */
		all = all || ck_is(d, k, "every") || ck_is(d, k, "each") || ck_is(d, k, "any");
		changed = changed || ck_is_any(d, k, change);
		if (n < 4 || n > 12)
			continue;
		if (chk == SIZE_MAX || !present) {
			if (ck_is_any(d, k, now) || now_present(d, st, k)) {
				bool theirs = false;
				for (size_t q = clause_back(d, k, 3); q < k; q++)
					theirs = theirs || is_second_person(d, q) || ck_has(d, q, L_AUDIENCE);
				if (!theirs) {
					first = chk == SIZE_MAX ? k : first;
					chk = k;
					present = true;
				}
			} else if (ck_is_any(d, k, done) && k > st->first &&
				   (ck_is(d, k - 1, "is") || ck_is(d, k - 1, "are") ||
				    (k > st->first + 1 && (ck_is(d, k - 2, "is") || ck_is(d, k - 2, "are")) &&
				     is_adverb_or_since(d, k - 1)))) {
				first = chk == SIZE_MAX ? k : first;
				chk = k;
				present = true;
			} else if (chk == SIZE_MAX && ck_is_any(d, k, noun)) {
				chk = first = k;
			}
		}
	}
	if (chk == SIZE_MAX || (!present && !all) || advice_to_client(d, st->first))
		return false;
	/* the gate or the round may follow the first word of checking, not
	 * only the one that says it in the present: "we do a phone check
	 * with the pharmacy each time a prescription changes, … and the
	 * next carer checks it" */
	for (size_t k = first + 1; k < st->last; k++)
		if ((ck_is(d, k, "before") && before_present(d, k)) || (ck_is(d, k, "after") && after_each(d, k)) ||
		    ((present || all) && changed && frequency_at(d, k))) {
			*a = first;
			*b = clause_fwd(d, k, 8);
			return true;
		}
	return false;
}

/* "We've since moved all our bookings onto a new scheduling app", "we
 * have moved our maintenance contract to a second provider": token i,
 * "moved" or "switched" (or "migrated"), after we/I or a team of ours
 * and have/has (one adverb may stand between: since, now, also,
 * already), then in its clause, at most ten tokens on, to, onto or into
 * and (an article and) new, second, separate, different, dedicated,
 * automatic or another — the work put somewhere it cannot fail the same
 * way. Not a date moved ("moved your booking to a new date"). Dev sets
 * holdout20-357: of the messages said to give no prevention, 9 whose
 * writers saw one against 2 that gave none have such a sentence.
 * Returns the token after the new thing, or 0. */
static size_t moved_to_new(const struct ck_doc *d, size_t i)
{
	static const char *const verb[] = {"moved", "switched", "migrated", NULL};
	static const char *const into[] = {"to", "onto", "into", NULL};
	static const char *const fresh[] = {"new", "second", "separate", "different", "dedicated", "automatic",
		"another", NULL};
	static const char *const when[] = {"date", "day", "time", "slot", "week", "month", "weekend", NULL};
	if (i < 2 || !ck_is_any(d, i, verb) || breaks_clause(d, i) || is_question(d, i))
		return 0;
	size_t h = i - 1;
	if (h > 0 && is_adverb_or_since(d, h) && !breaks_clause(d, h))
		h--;
	if (!(ck_is(d, h, "have") || ck_is(d, h, "has") || ck_is(d, h, "'ve")) || h == 0 || breaks_clause(d, h) ||
	    !(first_person(d, h - 1) || ck_has(d, h - 1, L_TEAM)))
		return 0;
	for (size_t k = i + 1, e = clause_fwd(d, i, 10); k + 1 < e; k++) {
		if (!ck_is_any(d, k, into))
			continue;
		size_t q = k + 1;
		if (q + 1 < e && (ck_is(d, q, "a") || ck_is(d, q, "an") || ck_is(d, q, "the")))
			q++;
		if (!ck_is_any(d, q, fresh))
			return 0;
		for (size_t w = q + 1; w < e && w <= q + 2; w++)
			if (ck_is_any(d, w, when))
				return 0;
		return q + 1;
	}
	return 0;
}

/* Token i tells a prevention in words other than prevention.txt's
 * (prevention_hit reads those), its tokens [*a, *b): a labelled field of
 * the measures taken against a repeat ("Remediation: a second approver for
 * every release", "What changes: …", "What we change: …"; labelled_field),
 * a check we added (safeguard_added), a way of working of ours changed
 * (process_changed), or a negated recurrence in one clause: "so that one
 * site going dark cannot stop your bookings again", "a missing holiday can
 * no longer delay …" is in the list; "we could not reach you again" is not
 * a safeguard (no "can"/"will" before the negation). */
static inline __attribute__((always_inline)) bool prevention_at(const struct ck_doc *d, size_t i, size_t *a,
							   size_t *b)
{
	size_t ll;
	if (i + 1 < d->ntok && (d->tok[i + 1].gap & (CK_G_CLAUSE | CK_G_SENT)) &&
	    (ck_is(d, i, "remediation") || (ck_is(d, i, "changes") && i > 0 && ck_is(d, i - 1, "what")) ||
	     (ck_is(d, i, "change") && i > 1 && ck_is(d, i - 1, "we") && ck_is(d, i - 2, "what"))) &&
	    labelled_field(d, i, 3, &ll) && !advice_to_client(d, i + 1)) {
		*a = i;
		*b = ll;
		return true;
	}
	/* "### What changes" or "What we change" as a heading over its
	 * section (the field form is above): the sentence under it tells
	 * the change */
	size_t hf, hl;
	if (((ck_is(d, i, "changes") && i > 0 && ck_is(d, i - 1, "what")) ||
	     (ck_is(d, i, "change") && i > 1 && ck_is(d, i - 1, "we") && ck_is(d, i - 2, "what"))) &&
	    line_of(d, i, 4, &hf, &hl) && hl == i + 1 && hl < d->ntok && !(d->tok[hl].flags & CK_TF_HEAD) &&
	    ((d->tok[i].flags & CK_TF_HEAD) || plain_heading(d, hf, hl)) && !advice_to_client(d, hl)) {
		*a = i;
		*b = d->sent[d->tok[hl].sent].last;
		return true;
	}
	/* "we now print the card with each job": "we" (or one of our
	 * people, or a guard: standing_subject) and "now", then a verb
	 * in the present that is no state of mind, plan or possession
	 * ("we now know", "we now expect", "we now have") — a standing
	 * change to how we work */
	if (ck_is(d, i, "now") && i > 0 && !breaks_clause(d, i) &&
	    ((standing_subject(d, i - 1) && we_now_do(d, i + 1)) || now_done(d, i) || every_case_rule(d, i - 1, i + 1))) {
		*a = i - 1;
		*b = i + 2;
		return true;
	}
	size_t g, pa;
	if ((d->tok[i].nlen == 2 && (g = change_rules_out(d, i)) != 0) || (g = held_until_check(d, i)) != 0 ||
	    (d->tok[i].nlen >= 5 && d->tok[i].nlen <= 7 && (g = none_unless(d, i)) != 0) ||
	    (g = gate_before_can(d, i)) != 0 || ((d->tok[i].nlen == 5 || d->tok[i].nlen == 6) && ck_norm(d, i)[0] == 'a' &&
	     (g = alert_on_case(d, i)) != 0) ||
	    (d->tok[i].nlen == 4 &&
	     ((d->tok[i].gap & (CK_G_SENT | CK_G_CLAUSE | CK_G_LINE)) ||
	      (i > 0 && ck_is(d, i - 1, "and") && (d->tok[i - 1].gap & CK_G_CLAUSE))) &&
	     (g = from_date_on(d, i)) != 0)) {
		*a = i;
		*b = g;
		return true;
	}
	size_t nl = d->tok[i].nlen;
	if ((safeguard_added(d, i, &g) ||
	     ((nl == 3 || nl == 5 || nl == 6 || nl == 7 || nl == 9 || nl == 10) && device_added(d, i, &g))) &&
	    !advice_to_client(d, i)) {
		*a = i;
		*b = g;
		return true;
	}
	/* the listed "we have changed" with an adverb between: "we
	 * have now changed the projectors so that …", "we have since
	 * changed" */
	if (d->tok[i].nlen == 7 && i > 2 && ck_is(d, i, "changed") && is_adverb_or_since(d, i - 1) &&
	    (ck_is(d, i - 2, "have") || ck_is(d, i - 2, "has")) && first_person(d, i - 3) &&
	    !breaks_clause(d, i - 2) && !breaks_clause(d, i - 1) && !breaks_clause(d, i) &&
	    !is_question(d, i) && !advice_to_client(d, i)) {
		*a = i - 3;
		*b = i + 1;
		return true;
	}
	if ((nl == 5 || nl == 8) && (g = moved_to_new(d, i)) != 0 && !advice_to_client(d, i)) {
		*a = i;
		*b = g;
		return true;
	}
	if ((process_changed(d, i, &pa, &g) && !advice_to_client(d, i)) ||
	    ((nl == 2 || nl == 4) && (ck_norm(d, i)[0] == 't' || ck_norm(d, i)[0] == 'i') &&
	     added_to_routine(d, i, &pa, &g))) {
		*a = pa;
		*b = g;
		return true;
	}
	if ((d->tok[i].gap & CK_G_SENT || i == 0) &&
	    (check_more_often(d, d->tok[i].sent, &pa, &g) || standing_check(d, d->tok[i].sent, &pa, &g) ||
	     every_routine(d, d->tok[i].sent, &pa, &g))) {
		*a = pa;
		*b = g;
		return true;
	}
	if (!ck_is(d, i, "again") || is_question(d, i))
		return false;
	size_t cb = clause_back(d, i, 16); /* as promised_hit */
	for (size_t k = i; k > cb && k + 7 > i; k--) {
		size_t n = k - 1;
		if (ck_is(d, n, "cannot") || ck_is(d, n, "never") ||
		    (ck_is(d, n, "not") && n > 0 && (ck_is(d, n - 1, "can") || ck_is(d, n - 1, "will")))) {
			if (promised_recurrence(d, cb, n))
				break;
			*a = n;
			*b = i + 1;
			return true;
		}
		/* a purpose that opens its clause: "to stop a queue being
		 * missed again", "in order to stop the same fault again" —
		 * not "we had to stop the line again", an act told */
		if (ck_is(d, n, "stop") && n > 0 && ck_is(d, n - 1, "to") &&
		    (breaks_clause(d, n - 1) || n - 1 == d->sent[d->tok[n].sent].first ||
		     (n > 1 && ck_is(d, n - 2, "order") && !breaks_clause(d, n - 1)))) {
			*a = n - 1;
			*b = i + 1;
			return true;
		}
	}
	return false;
}

/* The first phrase hit of prevention.txt that counts among hits [h0, h1),
 * its bytes in *start, *end. */
static bool prevention_hit(const struct ck_doc *d, size_t h0, size_t h1, uint32_t *start, uint32_t *end)
{
	for (size_t h = h0; h < h1; h++) {
		const struct ck_hit *x = &d->hit[h];
		if (x->list != L_PREVENTION || is_question(d, x->first) || !elem_hit_counts(d, x, false))
			continue;
		*start = d->tok[x->first].start;
		*end = d->tok[x->last - 1].end;
		return true;
	}
	return false;
}

/* The scan's token match: tokens [a, b), kept as bytes. */
static inline void scan_took(const struct ck_doc *d, struct ck_elem_scan *sc, size_t a, size_t b)
{
	sc->tok = true;
	sc->tok_start = d->tok[a].start;
	sc->tok_end = d->tok[b - 1].end;
}

/* Prevention over tokens [t0, t1) and hits [h0, h1), after what earlier
 * ranges found: a counting phrase hit anywhere wins over a token match
 * (prevention_at), and the first of each is kept. Run window by window
 * (elements_window), so a long message is read while its window is in the
 * cache, not once more after the windows. */
static void prevention_scan(const struct ck_doc *d, struct ck_elem_scan *sc, size_t t0, size_t t1, size_t h0,
			    size_t h1)
{
	if (sc->hit || (sc->hit = prevention_hit(d, h0, h1, &sc->hit_start, &sc->hit_end)))
		return;
	size_t a, b;
	for (size_t i = t0; i < t1 && !sc->tok; i++)
		if (prevention_at(d, i, &a, &b)) {
			scan_took(d, sc, a, b);
		}
}

/* What a scan found (prevention_scan, scan_window), into its element: the
 * phrase hit or the token match, the hit when PHRASE_FIRST or when there
 * is no token match. */
static void scan_answer(const struct ck_elem_scan *sc, bool phrase_first, struct ck_elem_state *e)
{
	bool hit = sc->hit && (phrase_first || !sc->tok);
	if (hit || sc->tok) {
		e->found = true;
		e->start = hit ? sc->hit_start : sc->tok_start;
		e->end = hit ? sc->hit_end : sc->tok_end;
	}
}

/* Prevention over the whole message at once, when asked outside the
 * windows. */
static void detect_prevention(struct ck_ctx *c, struct ck_elem_state *e)
{
	struct ck_elem_scan sc = {0};
	prevention_scan(D, &sc, 0, D->ntok, 0, D->nhit);
	scan_answer(&sc, true, e);
}

/* "I should have rung you on Thursday", "we should have phoned you":
 * "I" or "we", "should have", a verb of telling and "you" at most two
 * tokens on — the message admits it comes after it was owed, whatever
 * the verb of telling. Not "the alarm should have rung our engineer".
 * Returns the token after "you", or 0. */
static size_t should_have_told(const struct ck_doc *d, size_t i)
{
	static const char *const telling[] = {"rung", "rang", "phoned", "called", "mailed", "emailed", "texted",
		"written", "told", "warned", "informed", "contacted", "messaged", "let", NULL};
	if (!ck_is(d, i, "should") || i == 0 || breaks_clause(d, i) || !first_person(d, i - 1) ||
	    i + 3 >= d->ntok || !ck_is(d, i + 1, "have") || breaks_clause(d, i + 2))
		return 0;
	size_t v = i + 2;
	if (ck_is(d, v, "e") && (d->tok[v + 1].flags & CK_TF_HYPH)) /* "e-mailed" */
		v++;
	if (!ck_is_any(d, v, telling))
		return 0;
	for (size_t k = v + 1; k < d->ntok && k <= v + 2 && !breaks_clause(d, k); k++)
		if (ck_is(d, k, "you"))
			return k + 1;
	return 0;
}

/* "this review arrives well after the 45 days we committed to", "after
 * the two weeks I promised": "after the", at most four words, then "we/I"
 * and a verb of promising — the lateness owned against what we said, as
 * late_ack.txt's "after the date we promised" is, whatever names the
 * time. Token i is "after"; returns the token after the verb, or 0. */
static size_t after_what_we_promised(const struct ck_doc *d, size_t i)
{
	static const char *const promised[] = {"promised", "agreed", "committed", "said", "gave", "quoted", "set",
		"told", NULL};
	if (!ck_is(d, i, "after") || i + 3 >= d->ntok || !ck_is(d, i + 1, "the") || breaks_clause(d, i + 1))
		return 0;
	for (size_t k = i + 2; k + 1 < d->ntok && k <= i + 6 && !breaks_clause(d, k); k++)
		if (first_person(d, k))
			return !breaks_clause(d, k + 1) && ck_is_any(d, k + 1, promised) ? k + 2 : 0;
	return 0;
}

/* late_ack.txt, except "sooner" looking ahead ("I will update you tomorrow,
 * or sooner if anything changes", "or earlier if we finish sooner"): alone,
 * it acknowledges lateness only after a word of regret in its clause
 * ("should have written sooner", "for not writing sooner"); and "late"
 * alone in a condition ("it may slip if the cord is late") is the
 * lateness of something else, not of this message. Else what we should
 * have told the client before (should_have_told). */
static void detect_late_ack(struct ck_ctx *c, struct ck_elem_state *e)
{
	for (size_t h = 0; h < D->nhit; h++) {
		const struct ck_hit *x = &D->hit[h];
		if (x->list != L_LATE_ACK)
			continue;
		if (x->last == x->first + 1 && ck_is(D, x->first, "sooner")) {
			/* "the fault was not reported sooner": a thing not
			 * done sooner in the passive, not our message */
			if (x->first > 2 && past_form(D, x->first - 1) && ck_has(D, x->first - 2, L_NEGATION) &&
			    (ck_has(D, x->first - 3, L_BE_PAST) || ck_is(D, x->first - 3, "is") || ck_is(D, x->first - 3, "are")))
				continue;
			bool regret = false;
			for (size_t k = clause_back(D, x->first, 32); k < x->first; k++)
				if (ck_is(D, k, "should") || ck_is(D, k, "could") || ck_is(D, k, "would") ||
				    ck_has(D, k, L_NEGATION) || ck_is(D, k, "had") || ck_is(D, k, "wish") ||
				    ck_has(D, k, L_APOLOGY) || ck_has(D, k, L_REGRET))
					regret = true;
			if (!regret || ck_is(D, x->last, "if"))
				continue;
		}
		/* "turned up an hour early or an hour late": "late" paired
		 * with "early" (at most five tokens before it in its clause)
		 * tells which way times moved, not that we are late; so does
		 * "late" after a verb of arriving or starting there ("26
		 * families arrived a day late", "the ceremony started 25
		 * minutes late"), unless "this" names the late thing as the
		 * message itself ("this note arrives late"); and so does
		 * "late" in a condition ("if the cord is late") */
		if (x->last == x->first + 1 && ck_is(D, x->first, "late")) {
			static const char *const came[] = {"arrived", "arrive", "arrives", "arriving", "started", "turned",
				"reached", "landed", NULL};
			bool early = false, arrived = false, self = false;
			for (size_t k = clause_back(D, x->first, 5); k < x->first; k++) {
				early = early || ck_is(D, k, "early");
				arrived = arrived || ck_is_any(D, k, came);
			}
			for (size_t k = clause_back(D, x->first, 10); arrived && k < x->first; k++)
				self = self || ck_is(D, k, "this");
			bool cond = false;
			for (size_t k = clause_back(D, x->first, 8); k < x->first; k++)
				cond = cond || ck_is(D, k, "if") || ck_is(D, k, "unless");
			if (early || (arrived && !self) || cond)
				continue;
			/* "the late start it caused", "a late fee": "late" after
			 * an article, before a noun that is no message, is a
			 * thing that came late, not this message */
			static const char *const art[] = {"the", "a", "an", NULL};
			static const char *const msg[] = {"notice", "message", "reply", "update", "letter", "email", "e-mail",
				"mail", "note", "answer", "response", "report", "review", "apology", "call", "news", NULL};
			if (x->first > 0 && x->last < D->ntok && ck_is_any(D, x->first - 1, art) && !breaks_clause(D, x->first) &&
			    !breaks_clause(D, x->last) && D->tok[x->last].type == CK_WORD && !ck_is_any(D, x->last, msg) &&
			    !ck_has(D, x->last, L_STOPWORD) && !ck_is(D, x->last, "e"))
				continue;
		}
		e->found = true;
		e->start = D->tok[x->first].start;
		e->end = D->tok[x->last - 1].end;
		return;
	}
	for (size_t i = 0; i < D->ntok; i++) {
		size_t y;
		if (D->tok[i].nlen == 6 && (y = should_have_told(D, i)) != 0) {
			set_span(e, D, i - 1, y);
			return;
		}
		if (D->tok[i].nlen == 5 && (y = after_what_we_promised(D, i)) != 0) {
			set_span(e, D, i, y);
			return;
		}
	}
}

static void set_span(struct ck_elem_state *e, const struct ck_doc *d, size_t a, size_t b)
{
	e->found = true;
	e->start = d->tok[a].start;
	e->end = d->tok[b - 1].end;
}

/* Tokens inside a conditional apology or an apology for feelings, from the
 * condition or apology word to the end of the marker's clause ("we are
 * sorry if you were affected", "sorry you were upset by the delays"): one
 * byte per token. Caller frees. */
static uint8_t *bad_apology_mask(struct ck_ctx *c)
{
	uint8_t *m = calloc(D->ntok + 1, 1);
	if (!m) {
		c->oom = true;
		return NULL;
	}
	/* the conditional and non-apology words are those with a span */
	for (size_t h = 0; h < c->napo_span; h++) {
		const struct ck_apo_span *sp = &c->apo_span[h];
		size_t i = sp->tok;
		size_t a = c->apo[i] == APO_CONDITIONAL && sp->from < i ? sp->from : i;
		size_t b = clause_fwd(D, sp->end ? sp->end - 1 : i, 24);
		for (size_t k = a; k < b; k++)
			m[k] = 1;
	}
	return m;
}

/* "customer files", "user accounts", "member records": the audience's
 * things, named with the audience noun in the singular before a kind of
 * record (quantities.txt), like "customers' files". */
static bool audience_things(const struct ck_doc *d, size_t k)
{
	if (!ck_has(d, k + 1, L_QUANTITY) || breaks_clause(d, k + 1) || d->tok[k + 1].nlen < 5)
		return false;
	static const char *const one[] = {"customer", "client", "user", "member", "subscriber", "patient",
		"merchant", NULL};
	return ck_is_any(d, k, one);
}

/* The impact phrase at token i has us as its subject, at most two words
 * before it in its clause: "our engineer could not attend", "we were
 * unable to reach the site" — what we could not do, not the client's
 * harm. */
static bool ours_unable(const struct ck_doc *d, size_t i)
{
	/* a subject of its own between is the phrase's: in "I know this cost
	 * you a shift" we only know it */
	static const char *const subject[] = {"this", "that", "it", "you", "they", NULL};
	for (size_t k = i; k > 0 && k + 3 > i && !breaks_clause(d, k); k--) {
		size_t s = k - 1;
		if (ck_is_any(d, s, subject))
			return false;
		if (first_person(d, s) || (ck_has(d, s, L_TEAM) && s > 0 && !breaks_clause(d, s) && ck_is(d, s - 1, "our")))
			return true;
	}
	return false;
}

/* Token k is "nothing" after a past verb whose subject is the client's
 * thing ("your station played nothing at all", "your tills printed
 * nothing": what it should have done, it did not), or "had" with the
 * client as subject and a harm noun (harm_nouns.txt) at most four words on
 * ("some of you had a handful of small mix-ups": the trouble they had).
 * "nothing" then ends its clause or a stopword follows: "showed nothing
 * unusual" finds no fault. */
static bool client_went_wrong(const struct ck_doc *d, size_t k)
{
	if (ck_is(d, k, "nothing") && k > 2 && !breaks_clause(d, k) && past_verb(d, k - 1) &&
	    (breaks_clause(d, k + 1) || ck_has(d, k + 1, L_STOPWORD))) {
		for (size_t q = k - 1; q > 0 && k - q < 4 && !breaks_clause(d, q); q--)
			if (ck_is(d, q - 1, "your"))
				return true;
		return false;
	}
	if (!ck_is(d, k, "had") || k == 0 || breaks_clause(d, k) || !(ck_is(d, k - 1, "you") || ck_has(d, k - 1, L_AUDIENCE)))
		return false;
	for (size_t q = k + 1; q < d->ntok && q <= k + 5 && !breaks_clause(d, q); q++)
		if (ck_has(d, q, L_HARM))
			return !ck_has(d, k + 1, L_NEGATION);
	return false;
}

/* "which left your reception team without paper", "so you opened on
 * Saturday without the stock you had advertised", "you have been without
 * hot water since Saturday": the client's people left without what they
 * needed — "left" and "your" (one to three words, then "without"), or
 * "you" and a past form, "have/'ve been" or "will" and a verb, then
 * "without" at most five tokens on in the clause; not "without" a harm
 * or a cost (without_harmless: "without charge", "without any problem")
 * nor the idioms "without notice/question/fail/penalty". Token k is
 * "your" or "you". */
static bool went_without(const struct ck_doc *d, size_t k)
{
	static const char *const idiom[] = {"notice", "question", "fail", "penalty", NULL};
	size_t from;
	if (ck_is(d, k, "your")) {
		if (k == 0 || breaks_clause(d, k) || !ck_is(d, k - 1, "left"))
			return false;
		from = k + 2;
	} else {
		if (!ck_is(d, k, "you") || k + 2 >= d->ntok || breaks_clause(d, k + 1) || is_question(d, k))
			return false;
		size_t v = k + 1;
		if ((ck_is(d, v, "have") && ck_is(d, v + 1, "been")) || (ck_is(d, v, "will") && d->tok[v + 1].type == CK_WORD))
			v++;
		else if (!past_form(d, v) || ck_has(d, v, L_BE_PAST))
			return false;
		from = v + 1;
	}
	for (size_t q = from; q < d->ntok && q <= from + 4 && !breaks_clause(d, q); q++)
		if (ck_is(d, q, "without"))
			return !without_harmless(d, q) && d->tok[q + 1].type == CK_WORD && !ck_is_any(d, q + 1, idiom);
	return false;
}

/* "you waited 25 minutes in the rain", "you found out from a supplier",
 * "many of you had your phones buzzing past midnight", "18,000 of your
 * customers saw prices you hadn't approved", "your team has spent two
 * days phoning candidates", "you now have less time to post them", "you
 * took a day off from work" ("took" with "off" up to four words on): the
 * client (you, or "your" and one or two words that are no stopwords) as
 * the subject — opening its clause, or after of, and, that, when, so or
 * sorry — of a verb of what they went through (waited, spent, missed,
 * lost, found, saw, faced, stood, sat, had, have, could not, cannot;
 * has/have before the past ones), one adverb (now, then, also, all,
 * still, even, already, just) between at most. Not "had/have" before
 * any, been, in or questions ("if you have any questions", "what you had
 * in mind"), not in a clause of "if", "should", "whether" or "unless"
 * (the harm supposed), not "thank you", not after "because" (the
 * client's people who acted). Token k is "you" or "your"; detect_impact
 * asks only outside questions. */
static bool client_went_through(const struct ck_doc *d, size_t k)
{
	static const char *const open[] = {"of", "and", "that", "when", "so", "sorry", NULL};
	static const char *const adv[] = {"now", "then", "also", "all", "still", "even", "already", "just", NULL};
	static const char *const bore[] = {"waited", "spent", "missed", "lost", "found", "saw", "faced", "stood",
		"sat", "had", "have", NULL};
	static const char *const cond[] = {"if", "should", "whether", "unless", NULL};
	if (k > 0 && !breaks_clause(d, k) && !ck_is_any(d, k - 1, open))
		return false;
	size_t v = k + 1;
	if (ck_is(d, k, "your")) {
		size_t n = 0;
		while (v < d->ntok && n < 2 && !breaks_clause(d, v) && d->tok[v].type == CK_WORD &&
		       !ck_has(d, v, L_STOPWORD) && !ck_is_any(d, v, bore)) {
			v++;
			n++;
		}
		if (n == 0)
			return false;
	} else if (!ck_is(d, k, "you")) {
		return false;
	}
	if (v < d->ntok && !breaks_clause(d, v) && ck_is_any(d, v, adv))
		v++;
	if (v + 1 >= d->ntok || breaks_clause(d, v) || breaks_clause(d, v + 1))
		return false;
	bool perfect = (ck_is(d, v, "has") || ck_is(d, v, "have")) && ck_is_any(d, v + 1, bore) &&
		       !ck_is(d, v + 1, "had") && !ck_is(d, v + 1, "have");
	if (perfect)
		v++;
	bool unable = (ck_is(d, v, "could") && ck_is(d, v + 1, "not")) || ck_is(d, v, "cannot");
	/* "you took a day off from work": time off taken for us */
	bool off = false;
	for (size_t q = v + 1; ck_is(d, v, "took") && q < d->ntok && q <= v + 4 && !breaks_clause(d, q) && !off; q++)
		off = ck_is(d, q, "off");
	if (!unable && !off && !ck_is_any(d, v, bore))
		return false;
	if ((ck_is(d, v, "had") || ck_is(d, v, "have")) &&
	    (ck_is(d, v + 1, "any") || ck_is(d, v + 1, "been") || ck_is(d, v + 1, "in") ||
	     ck_is(d, v + 1, "questions") || ck_has(d, v + 1, L_NEGATION)))
		return false;
	if (because_before(d, k, 3))
		return false;
	for (size_t q = clause_back(d, k, 16); q < k; q++)
		if (ck_is_any(d, q, cond))
			return false;
	return true;
}

/* "Your customers were left waiting at the tills", "several of your
 * riders turned up to locked doors", "your drivers set off without their
 * routes": the client's people or things as the subject of what happened
 * to them — "your" (after a clause break, "of" or "and", not as an
 * object) and one or two words, then a past form that mends nothing
 * (refunded, restored, delivered…) and is no telling of ours by them
 * (reported, rang, noticed…), "was/were" and a participle of harm
 * (passive_participles.txt, ownership_verbs.txt, harm_nouns.txt) or
 * stuck, unable…, or "could not"; or something that got into the
 * client's things ("water came through your ceiling": came, got, leaked,
 * poured, seeped, spilled, dripped, flooded or blew, then through, into
 * or onto, then "your"); or, after a place told of them (at,
 * in, on, across), a past form that mends nothing ("your readers at six
 * stops stood in the cold"). Not after "because" (the client's people
 * who acted are no harm: blame-shift's). Or a share of the readers as
 * that subject, "some of you", "several of you" (a share word, "of",
 * "you"), with the verb right after "you": "several of you waited forty
 * minutes", "some of you were stranded". Token k is "your" or "you". */
static bool client_underwent(const struct ck_doc *d, size_t k)
{
	static const char *const no_harm[] = {"refunded", "restored", "delivered", "credited", "fixed", "resolved",
		"sent", "returned", "recovered", "reinstated", "repaired", "reimbursed", "compensated", "contacted",
		"informed", "notified", "updated", "reopened", "rebooked", "rescheduled", "confirmed", "approved",
		"received", "paid", "protected", "kept", "corrected", "replaced", "reissued", "released",
		"dispatched", "shipped", "posted", "installed", "processed", "completed", "finished",
		/* and what the client's people did to tell us */
		"told", "called", "emailed", "e-mailed", "wrote", "reported", "asked", "mentioned", "raised", "flagged",
		"phoned", "rang", "noticed", "said", "arrived", "spotted", "alerted", NULL};
	static const char *const stuck[] = {"stuck", "stranded", "unable", "locked", "left", "without", NULL};
	static const char *const share[] = {"some", "many", "most", "several", "all", "few", NULL};
	size_t vl = k + 3; /* the last token the verb may be: "your" and one or two words before it */
	if (ck_is(d, k, "you")) {
		if (k < 2 || k + 1 >= d->ntok || breaks_clause(d, k) || breaks_clause(d, k - 1) ||
		    !ck_is(d, k - 1, "of") || !ck_is_any(d, k - 2, share) || is_question(d, k))
			return false;
		vl = k + 1;
	} else if (ck_is(d, k, "them") || ck_is(d, k, "people") || ck_has(d, k, L_AUDIENCE)) {
		/* the same share told of the client's people named another way,
		 * in a sentence that names the client or an audience (the
		 * caller's test): "several of them waited over an hour", "some
		 * homes were left without water", "several people went home";
		 * "of" before "them" only, the share word right before the
		 * others */
		bool of = ck_is(d, k, "them");
		if (k < (of ? 2u : 1u))
			return false;
		size_t w = of ? k - 2 : k - 1;
		if (k + 1 >= d->ntok || breaks_clause(d, k) || (of && (breaks_clause(d, k - 1) ||
		    !ck_is(d, k - 1, "of"))) || !ck_is_any(d, w, share) || is_question(d, k) ||
		    (w > 0 && !breaks_clause(d, w) && ck_is(d, w - 1, "of")))
			return false;
		vl = k + 1;
	} else {
		if (!ck_is(d, k, "your") || is_question(d, k))
			return false;
		/* "water came through your bedroom ceiling", "oil leaked onto your
		 * floor": something got into the client's things */
		static const char *const into[] = {"through", "into", "onto", NULL};
		static const char *const got_in[] = {"came", "got", "leaked", "poured", "seeped", "spilled", "dripped",
			"flooded", "blew", NULL};
		if (k > 1 && !breaks_clause(d, k) && !breaks_clause(d, k - 1) && ck_is_any(d, k - 1, into) &&
		    ck_is_any(d, k - 2, got_in))
			return true;
		if (k > 0 && !breaks_clause(d, k) && !ck_is(d, k - 1, "of") && !ck_is(d, k - 1, "and") &&
		    !ck_is(d, k - 1, "that") && !ck_is(d, k - 1, "when"))
			return false;   /* the object of a verb before it: "we restored your orders" */
		if (because_before(d, k, 3))
			return false;
		/* "your readers at six village stops stood in the cold": a place
		 * after the people (at, in, on or across, then at most four words),
		 * then a past form that is no form of "be" or "had" and mends
		 * nothing */
		static const char *const place[] = {"at", "in", "on", "across", NULL};
		if (k + 4 < d->ntok && !breaks_clause(d, k + 1) && !breaks_clause(d, k + 2) && d->tok[k + 1].type == CK_WORD &&
		    !ck_has(d, k + 1, L_STOPWORD) && ck_is_any(d, k + 2, place))
			for (size_t v = k + 4; v <= k + 7 && v < d->ntok && !breaks_clause(d, v); v++)
				/* and the irregular pasts of waiting, which past_form
				 * does not list */
				if (past_form(d, v) || ck_is(d, v, "stood") || ck_is(d, v, "sat"))
					return !ck_has(d, v, L_BE_PAST) && !ck_is(d, v, "had") && !ck_is_any(d, v, no_harm) &&
					       !ck_has(d, v - 1, L_NEGATION);
	}
	for (size_t v = vl == k + 1 ? k + 1 : k + 2; v <= vl && v < d->ntok; v++) {
		if (v > k + 1 && (breaks_clause(d, v - 1) || d->tok[v - 1].type != CK_WORD || ck_has(d, v - 1, L_STOPWORD)))
			return false;
		if (breaks_clause(d, v))
			return false;
		if (ck_has(d, v, L_BE_PAST)) {
			size_t w = v + 1;
			if (w >= d->ntok || breaks_clause(d, w) || ck_has(d, w, L_NEGATION))
				return false;
			/* passive: only a harm ("your parcels were damaged") or
			 * being stuck; "your parcel was dispatched" is news */
			return ck_is_any(d, w, stuck) || ck_has(d, w, L_PARTICIPLE) || ck_has(d, w, L_OWN_VERB) ||
			       (ck_has(d, w, L_HARM) && past_form(d, w));
		}
		if (ck_is(d, v, "could") || ck_is(d, v, "couldn't"))
			return v + 1 < d->ntok && !breaks_clause(d, v + 1) && ck_is(d, v + 1, "not");
		if (ck_is(d, v, "had"))
			return false;   /* "had to" is impact.txt's; "had" alone is possession */
		/* "your logs showed nothing unusual" found no harm (what
		 * "printed nothing at all" tells is client_went_wrong's) */
		if (past_form(d, v))
			return !ck_is_any(d, v, no_harm) && !ck_has(d, v - 1, L_NEGATION) &&
			       !(v + 1 < d->ntok && (ck_is(d, v + 1, "nothing") || ck_is(d, v + 1, "no") ||
						     ck_is(d, v + 1, "none")));
	}
	return false;
}

/* Token k ends what became of the client's things or people: a harm word
 * in the past a few words after "your" ("your booking had disappeared",
 * "your stock was damaged"), or people we sent off, "turned" or "sent" and
 * at most three words naming them — a count, "you", "your" or an audience
 * noun — before "away" or "home" ("we turned 340 pupils away", "sent your
 * guests home") or after it ("turned away 46 of you"). */
static bool clients_lot(const struct ck_doc *d, size_t k)
{
	bool off = ck_is(d, k, "away") || ck_is(d, k, "home");
	if (!off && !(ck_has(d, k, L_HARM) && past_form(d, k)))
		return false;
	/* or the particle first, the people after it: "we turned away 46
	 * of you", "sent home two of your guests" */
	if (off && k > 0 && !breaks_clause(d, k) && (ck_is(d, k - 1, "turned") || ck_is(d, k - 1, "sent")))
		for (size_t q = k + 1; q < d->ntok && q <= k + 3 && !breaks_clause(d, q); q++)
			if (d->tok[q].type == CK_NUM || is_second_person(d, q) || ck_has(d, q, L_AUDIENCE))
				return true;
	bool named = false;
	for (size_t q = k; q > 0 && k - q < 5 && !breaks_clause(d, q); q--) {
		size_t p = q - 1;
		if (!off) {
			if (k - q < 4 && ck_is(d, p, "your"))
				return true;
			continue;
		}
		if (ck_is(d, p, "turned") || ck_is(d, p, "sent"))
			return named && p + 1 < k;
		named = named || d->tok[p].type == CK_NUM || is_second_person(d, p) || ck_has(d, p, L_AUDIENCE);
	}
	return false;
}

/* "no part of your order is at risk", "nothing is at risk": the
 * impact phrase "at risk" (hit x) denied by a negation ("no",
 * "nothing", "not"…) at most six words before it in its clause. */
static bool risk_denied(const struct ck_doc *d, const struct ck_hit *x)
{
	if (!ck_is(d, x->first, "at"))
		return false;
	for (size_t k = x->first; k > 0 && x->first - k < 6 && !breaks_clause(d, k); k--)
		if (ck_has(d, k - 1, L_NEGATION) || ck_is(d, k - 1, "nothing") || ck_is(d, k - 1, "none"))
			return true;
	return false;
}

/* The message is addressed to many: its greeting (a first line or
 * sentence opening with dear, hello, hi or to) names a crowd or a role
 * any client holds ("Dear valued customer", "Dear Patient", "To all
 * residents", "Hi all") within its next three words. Its impact may be
 * told of the service all of them use, without "you": "some
 * appointments were cancelled without notice". */
static bool to_many(const struct ck_doc *d)
{
	static const char *const open[] = {"dear", "hello", "hi", "to", NULL};
	static const char *const crowd[] = {"all", "everyone", "valued", "customer", "patient", "member", "user",
		"client", "subscriber", "resident", "guest", "passenger", "parent", "student", "tenant", "holder",
		"holders", NULL};
	if (!d->ntok || !ck_is_any(d, 0, open))
		return false;
	for (size_t k = 1; k < d->ntok && k < 4; k++) {
		if (k > 1 && (d->tok[k].gap & (CK_G_SENT | CK_G_LINE | CK_G_CLAUSE)))
			break;
		if (ck_is_any(d, k, crowd) || ck_has(d, k, L_AUDIENCE))
			return true;
	}
	return false;
}

/* Sentence se of a message to many tells a harm done to what they use,
 * without "you": a harm participle or a phrase of impact.txt right after
 * was/were ("appointments were cancelled without notice", "some bookings
 * were double-booked", "card payments were unavailable"). Not our act
 * told ("our team released the consignment to the wrong haulier": the
 * cause), nor a harm inside a conditional apology (BAD). */
static bool crowd_harm(const struct ck_doc *d, const struct ck_sent *se, const uint8_t *bad)
{
	if (!((se->cls >> L_PARTICIPLE) & 1u) && !((se->cls >> L_IMPACT) & 1u))
		return false;
	for (size_t k = se->first + 1; k < se->last; k++)
		if ((ck_has(d, k, L_PARTICIPLE) || hit_at(d, k, L_IMPACT)) && ck_has(d, k - 1, L_BE_PAST) &&
		    !breaks_clause(d, k) && !bad[k] &&
		    !(ck_is(d, k, "down") && ck_is(d, k + 1, "to")))   /* "was down to": the cause */
			return true;
	return false;
}

/* "I know that left you short for the mud crab chilli", "I understand you
 * took a day off work and waited in until 6pm", "we understand your branch
 * had members asking for a rate you no longer offer": "I" or "we" and
 * know, understand or realise (and "that"), then the client — "you" or
 * "your" — within 24 tokens of the sentence: what the failure cost them,
 * as the writer has understood it. Not hearsay ("we understand from your
 * caretaker"), not a question or what is known ("I know how", "what",
 * "why", "this", "it"), and not the client's feelings, which say nothing
 * of what happened (a word of feeling in those tokens: "I understand
 * you're frustrated"). Dev sets holdout20-349: in 18 apologies said to
 * give no impact, 16 gave one by their writers. Token i is the verb;
 * END the sentence's end. */
static bool know_told(const struct ck_doc *d, size_t i, size_t end)
{
	static const char *const know[] = {"know", "understand", "realise", "realize", NULL};
	static const char *const what[] = {"how", "what", "why", "this", "it", "if", "whether", "from", NULL};
	static const char *const feeling[] = {"frustrated", "frustrating", "frustration", "upset", "unhappy",
		"disappointed", "disappointing", "disappointment", "annoyed", "annoying", "angry", "confusion",
		"confused", "concern", "concerned", "concerns", "worry", "worried", "worrying", "inconvenience",
		"inconvenienced", "distress", "distressing", "feel", "feels", "felt", "feeling", "feelings", "want",
		"wanted", "important", NULL};
	if (!ck_is_any(d, i, know) || i == 0 || breaks_clause(d, i) || !(ck_is(d, i - 1, "i") || ck_is(d, i - 1, "we")) ||
	    is_question(d, i) || i + 1 >= end)
		return false;
	size_t j = i + 1;
	if (ck_is(d, j, "that") && !breaks_clause(d, j))
		j++;
	if (j >= end || ck_is_any(d, j, what))
		return false;
	bool you = false;
	for (size_t q = j; q < end && q < j + 24; q++) {
		if (ck_is_any(d, q, feeling))
			return false;
		if (ck_is(d, q, "you") || ck_is(d, q, "your"))
			you = true;
	}
	return you;
}

/* "your guests ended up without a palm reader", "you ended up
 * cancelling the second half": where it left the client's side, told
 * in a sentence about the client (detect_impact asks it there), from
 * token k, "ended", with "up" after it before the sentence's end LAST;
 * not "I ended up double-booked" (dev sets holdout20-389: 4 false
 * "missing" taken away, no true one). */
static bool ended_up(const struct ck_doc *d, size_t k, size_t last)
{
	return k > 0 && k + 1 < last && d->tok[k].nlen == 5 && ck_is(d, k, "ended") && ck_is(d, k + 1, "up") &&
	       !breaks_clause(d, k) && !breaks_clause(d, k + 1) && !first_person(d, k - 1);
}

static void detect_impact(struct ck_ctx *c, struct ck_elem_state *e)
{
	/* "you"/"your" — or, in a message to many, "customers", "users" — and a
	 * word of harm in one sentence */
	if (!analyse_apologies(c) || !ck_ensure_items(c))
		return;
	uint8_t *bad = bad_apology_mask(c);
	bool many = to_many(D);
	uint8_t *sflag = calloc(D->nsent + 1, 1); /* 1: generic apology; 2: "for <duration>" */
	if (!bad || !sflag) {
		c->oom = true;
		goto out;
	}
	for (size_t k = 0; k < D->ntok; k++) {
		size_t ge;
		if (generic_pattern(D, k, &ge))
			sflag[D->tok[k].sent] |= 1;
	}
	/* "your customers saw blank pages for about 20 minutes" */
	for (size_t k = 0; k < c->items.n; k++) {
		const struct ck_item *it = &c->items.v[k];
		if (it->it.kind != RD_EXTRACT_DURATION || it->it.deadline)
			continue;
		size_t f = it->first, se = D->sent[D->tok[f].sent].first;
		while (f > se && f + 3 > it->first &&
		       (ck_is(D, f - 1, "about") || ck_is(D, f - 1, "almost") || ck_is(D, f - 1, "nearly") ||
			ck_is(D, f - 1, "over") || ck_is(D, f - 1, "around") || ck_is(D, f - 1, "to") ||
			ck_is(D, f - 1, "up")))
			f--;
		if (f > se && ck_is(D, f - 1, "for"))
			sflag[D->tok[f].sent] |= 2;
	}
	for (size_t s = 0; s < D->nsent && !e->found; s++) {
		const struct ck_sent *se = &D->sent[s];
		if (se->term == '?' || (sflag[s] & 1) || ((se->cls >> L_GENERIC) & 1u))
			continue;
		bool you = false;
		size_t e2;
		for (size_t k = se->first; k < se->last; k++)
			/* not the client's people given as the reason, "because
			 * your night team logged it …": the ones who acted, not
			 * the ones harmed */
			if ((is_second_person(D, k) || ck_has(D, k, L_AUDIENCE) || audience_things(D, k)) && !bad[k] &&
			    !(ck_is(D, k, "your") && because_before(D, k, 2) && (e2 = client_people(D, k)) != 0 &&
			      past_verb(D, e2)))
				you = true;
		if (!you) {
			if (many && crowd_harm(D, se, bad))
				set_span(e, D, se->first, se->last);
			continue;
		}
		/* "our job overwrote the addresses of 73 of your customers": what
		 * we did to the client's things */
		for (size_t k = se->first; k < se->last && !e->found; k++)
			/* "lost" is a harm with the client's people as its
			 * subject ("viewers lost the debate", "you lost a
			 * shift", "your team lost a day"), not after us */
			if ((ck_has(D, k, L_OWN_VERB) || ck_has(D, k, L_PARTICIPLE)) &&
			    (!ck_is(D, k, "lost") || (k > se->first && (ck_has(D, k - 1, L_AUDIENCE) || ck_is(D, k - 1, "you"))) ||
			     (k > se->first + 1 && ck_is(D, k - 2, "your") && !breaks_clause(D, k - 1))) &&
			    !(k > se->first && ck_has(D, k - 1, L_NEGATION)) && !bad[k])
				set_span(e, D, se->first, se->last);
		if (!e->found && (sflag[s] & 2))
			set_span(e, D, se->first, se->last);
		/* "your posts were not published on time": late, told as a
		 * negated "on time" (a negation at most four words before) */
		for (size_t k = se->first + 1; k + 1 < se->last && !e->found; k++)
			if (ck_is(D, k, "on") && ck_is(D, k + 1, "time") && !breaks_clause(D, k + 1))
				for (size_t q = k; q > se->first && q + 5 > k && !breaks_clause(D, q); q--)
					if (ck_has(D, q - 1, L_NEGATION) && !bad[q - 1]) {
						set_span(e, D, se->first, se->last);
						break;
					}
		/* "I know that left you short for the lunch board", "I
		 * understand you took a day off work and waited in" */
		for (size_t k = se->first + 1; k < se->last && !e->found; k++)
			if (!bad[k] && D->tok[k].nlen >= 4 && (know_told(D, k, se->last) || ended_up(D, k, se->last)))
				set_span(e, D, se->first, se->last);
		/* "your station played nothing at all", "some of you had a
		 * handful of mix-ups": what the client's thing did not do, or
		 * the trouble the client had (client_went_wrong); "your booking
		 * had disappeared", "we turned 340 pupils away": what became of
		 * their things or people (clients_lot) */
		for (size_t k = se->first; k < se->last && !e->found; k++)
			if (!bad[k] && (client_went_wrong(D, k) || client_underwent(D, k) || clients_lot(D, k) ||
					((ck_is(D, k, "you") || ck_is(D, k, "your")) &&
					 (client_went_through(D, k) || went_without(D, k)))))
				set_span(e, D, se->first, se->last);
		if (e->found)
			break;
		/* "your confirmation carried the wrong date", "the delay left
		 * eight empty stands in your window": the client's thing and
		 * what went wrong (a harm noun or a fault marker) in one
		 * sentence, with no verb of harm — not a sentence that opens
		 * with our act ("we", "I", "our", a team), which tells what we
		 * did or do about it, nor a subject line, nor the harm denied
		 * ("you had no problems") */
		if (!first_person(D, se->first) && !ck_is(D, se->first, "our") && !ck_has(D, se->first, L_TEAM) &&
		    !ck_is(D, se->first, "subject"))
			for (size_t k = se->first; k < se->last && !e->found; k++)
				if (!bad[k] && (ck_has(D, k, L_FAULT) || ck_has(D, k, L_HARM)) &&
				    !(k > se->first && (ck_has(D, k - 1, L_NEGATION) || ck_is(D, k - 1, "no") ||
							ck_is(D, k - 1, "without"))))
					set_span(e, D, se->first, se->last);
		if (e->found)
			break;
		for (size_t h = ck_hit_lower(D, se->first); h < D->nhit && D->hit[h].first < se->last; h++) {
			const struct ck_hit *x = &D->hit[h];
			/* a single word right after a negation is none: "without
			 * delay", "no downtime" */
			if (x->list == L_IMPACT && x->first >= se->first && x->last <= se->last &&
			    !(x->last == x->first + 1 && ck_has(D, x->first, L_AUDIENCE)) && !bad[x->first] &&
			    !(x->last == x->first + 1 && x->first > se->first && ck_has(D, x->first - 1, L_NEGATION)) &&
			    !ours_unable(D, x->first) && !risk_denied(D, x)) {
				set_span(e, D, se->first, se->last);
				break;
			}
		}
	}
out:
	free(bad);
	free(sflag);
}

/* "We lost your orders" admits a loss; "we lost connectivity to the data
 * centre", "we lost power" says what happened to us. The object must be the
 * client's: "your …", or records, orders, files, data (quantities.txt). */
static bool lost_clients_things(const struct ck_doc *d, size_t i)
{
	for (size_t k = i + 1; k < d->ntok && k <= i + 3 && !breaks_clause(d, k); k++)
		if (is_second_person(d, k) || ck_is(d, k, "data") ||
		    (ck_has(d, k, L_QUANTITY) && d->tok[k].type == CK_WORD && d->tok[k].nlen > 4))
			return true;
	return false;
}

/* Token i lies in a conditional apology or an apology for feelings, as
 * bad_apology_mask marks them ("we apologise if the outage of our widget
 * caused any difficulties"): one of the few such spans starting near it. */
static bool in_bad_apology(const struct ck_ctx *c, size_t i)
{
	if (!c->napo_span)
		return false;
	size_t lo = 0, hi = c->napo_span, from = i > 40 ? i - 40 : 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c->apo_span[mid].tok < from)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < c->napo_span && c->apo_span[lo].tok <= i + 40; lo++) {
		const struct ck_apo_span *sp = &c->apo_span[lo];
		size_t t = sp->tok;
		size_t a = c->apo[t] == APO_CONDITIONAL && sp->from < t ? sp->from : t;
		size_t b = clause_fwd(D, sp->end ? sp->end - 1 : t, 24);
		if (a <= i && i < b)
			return true;
	}
	return false;
}

/* Token k is a determiner or a possessive: a noun phrase follows. */
static bool determiner(const struct ck_doc *d, size_t k)
{
	/* not "that": "the release that failed" is a verb after a relative */
	static const char *const det[] = {"the", "a", "an", "each", "every", "any", "all", "these", "those",
		"your", "their", "its", "some", NULL};
	return ck_is_any(d, k, det);
}

/* "we deleted", "I missed", "our deployment broke": a first-person actor
 * (token *s) and the admitting verb at token i in one clause, not inside a
 * conditional apology (in_bad_apology: "if our update caused problems"
 * doubts the harm it would admit). */
static bool ownership_at(const struct ck_ctx *c, size_t i, bool hedged, size_t *s)
{
	if (!ck_has(D, i, L_OWN_VERB) || is_question(D, i) || in_bad_apology(c, i))
		return false;
	if (ck_is(D, i, "lost") && !lost_clients_things(D, i))
		return false;
	/* a participle as an adjective after a determiner: "we are
	 * reviewing each failed payment", "we refunded the broken orders" */
	if (i > 0 && !breaks_clause(D, i) && determiner(D, i - 1))
		return false;
	/* a participle right after a harm it qualifies: "we regret any
	 * inconvenience caused", "the disruption caused to your members" —
	 * no act of ours told */
	if (i > 0 && !breaks_clause(D, i) && ck_has(D, i - 1, L_HARM) && ends_ed(D, i, 3))
		return false;
	/* an admitting verb that is also one of our actions, in the present
	 * perfect, is the remedy: "we have paused that update for your
	 * account" (but "we had paused its updates" admits) */
	if (ck_has(D, i, L_ACTION) && i > 0 && (ck_is(D, i - 1, "have") || ck_is(D, i - 1, "has")))
		return false;
	/* so is a fix as its object: "our devs have pushed a hotfix", "we
	 * shipped the patch at 10:20" — what was pushed mends the fault */
	static const char *const mend[] = {"fix", "hotfix", "patch", "correction", "workaround", NULL};
	for (size_t k = i + 1; k < D->ntok && k <= i + 3 && !breaks_clause(D, k); k++)
		if (ck_is_any(D, k, mend))
			return false;
	/* "it may possibly have been linked to the upgrade we ran": a hedged
	 * link to what we did is no acceptance (HEDGED: a hedging phrase
	 * earlier in the sentence) */
	if (hedged)
		return false;
	for (size_t k = i; k > 0 && k + 4 > i; k--) {
		size_t a = k - 1;
		if (breaks_clause(D, a + 1) && a + 1 <= i && a + 1 != i + 1) {
			if (D->tok[a + 1].gap & (CK_G_SENT | CK_G_CLAUSE))
				break;
		}
		/* "the connections from our page dropped": "our" after
		 * "from" names where the subject came from, not who failed */
		if (first_person(D, a) || (ck_is(D, a, "our") && a + 1 < i && !overlaps_list(D, a, i, L_VENDOR) &&
					   !(a > 0 && !breaks_clause(D, a) && ck_is(D, a - 1, "from")))) {
			if (i > 0 && ck_has(D, i - 1, L_NEGATION))
				break;
			*s = a;
			return true;
		}
	}
	return false;
}

/* "our database change made the dashboard fail to load", "we made the
 * importer crash": "made" with us as its subject (we, or our <noun> up to
 * five words back in its clause) and a bare verb of failure up to six
 * words on in its clause: we caused the harm. Token i is "made"; *s the
 * subject. */
static bool made_it_fail(const struct ck_ctx *c, size_t i, size_t *s)
{
	if (!ck_is(D, i, "made") || is_question(D, i) || in_bad_apology(c, i))
		return false;
	/* impact.txt's bare verbs of failure (not "stop" or "disappear": "our
	 * fix made the errors stop") */
	static const char *const fail[] = {"fail", "crash", "freeze", NULL};
	bool harm = false;
	for (size_t k = i + 1; k < D->ntok && k <= i + 6 && !breaks_clause(D, k) && !harm; k++)
		if (ck_is_any(D, k, fail))
			harm = true;
	if (!harm || (i > 0 && ck_has(D, i - 1, L_NEGATION)))
		return false;
	for (size_t k = i; k > 0 && k + 5 > i && !breaks_clause(D, k); k--)
		if (first_person(D, k - 1) || ck_is(D, k - 1, "our")) {
			*s = k - 1;
			return true;
		}
	return false;
}

/* "Whose fault: ours.", "Fault — ours", "Whose mistake: ours": a fault
 * or blame label (a blame_causes.txt word that is "blame" or a
 * fault_nouns.txt noun) answered by us alone, after a colon or a dash, is
 * a field that owns it. */
static bool fault_answered(const struct ck_doc *d, const struct ck_hit *x)
{
	size_t k = x->last;
	if (x->last != x->first + 1 || !(ck_has(d, x->first, L_FAULT_NOUN) || ck_is(d, x->first, "blame")) ||
	    k >= d->ntok || !(d->tok[k].gap & CK_G_CLAUSE) || (d->tok[k].gap & CK_G_SENT) ||
	    (d->tok[k].clause_ch != ':' && d->tok[k].clause_ch != '-'))
		return false;
	return (ck_is(d, k, "ours") || ck_is(d, k, "us") || ck_is(d, k, "mine")) && breaks_clause(d, k + 1);
}

/* "This one is on us", "that delay was on me", "…, which is on us": an
 * ownership.txt phrase that opens "is" or "was" ("is on us", "is entirely
 * on us") owns the deed only when "this", "that", "it" or "which" opens
 * its clause at most three words before it, past a "so", "and" or "but"
 * that joins the clause to the deed ("I changed supplier, so that one is
 * on me"); "the first round is on us" is a gift, not an admission. */
static bool on_us_owned(const struct ck_doc *d, const struct ck_hit *x)
{
	/* "on" in the phrase itself, after "is"/"was" or one word more */
	if (!(ck_is(d, x->first, "is") || ck_is(d, x->first, "was")) ||
	    !(ck_is(d, x->first + 1, "on") || (x->last > x->first + 2 && ck_is(d, x->first + 2, "on"))))
		return true;
	size_t a = clause_first_within(d, x->first, 3);
	if (a < x->first && (ck_is(d, a, "this") || ck_is(d, a, "that") || ck_is(d, a, "it") || ck_is(d, a, "which")))
		return true;
	for (size_t k = x->first; k > 1 && x->first - k < 3 && !breaks_clause(d, k); k--)
		if ((ck_is(d, k - 1, "this") || ck_is(d, k - 1, "that") || ck_is(d, k - 1, "it")) &&
		    (ck_is(d, k - 2, "so") || ck_is(d, k - 2, "and") || ck_is(d, k - 2, "but")) && !breaks_clause(d, k - 1))
			return true;
	return false;
}

/* "We did not check the backup", "I didn't tell your team", "we never
 * tested the restore": a check or a word we owed and did not give — we or
 * I, "did not" (or "never") and a verb of care; or "had not" and any act
 * (writers found ownership in 38 of the 39 messages with one). Not "we
 * did not lose any data", which reassures. Token i is the pronoun, or
 * "and" sharing it as the second verb's subject: "we changed the
 * tie-break order and did not test it" (we or I at most twelve words back
 * in the clause); the callers test that it is one of the three, as it
 * runs on every token of a sentence with a negation. *end after the
 * verb. */
static bool we_skipped(const struct ck_doc *d, size_t i, size_t *end)
{
	static const char *const care[] = {"check", "test", "verify", "notice", "catch", "review", "warn", "tell",
		"inform", "update", "renew", "confirm", "monitor", "follow", "read", "validate", "escalate",
		"rehearse", "compare", "back", NULL};
	static const char *const cared[] = {"checked", "tested", "verified", "noticed", "caught", "reviewed",
		"warned", "told", "informed", "updated", "renewed", "confirmed", "monitored", "followed",
		"validated", "escalated", "rehearsed", "compared", NULL};
	bool ours = first_person(d, i);
	if (i + 2 >= d->ntok || breaks_clause(d, i + 1) || breaks_clause(d, i + 2) || is_question(d, i))
		return false;
	if (!ours && (ck_is(d, i + 1, "did") || ck_is(d, i + 1, "never")))
		for (size_t k = i > 0 ? clause_back(d, i - 1, 12) : i; k < i && !ours; k++)
			ours = first_person(d, k);
	if (!ours)
		return false;
	if (ck_is(d, i + 1, "never") && ck_is_any(d, i + 2, cared)) {
		*end = i + 3;
		return true;
	}
	if (ck_is(d, i + 1, "did") && ck_is(d, i + 2, "not") && i + 3 < d->ntok && !breaks_clause(d, i + 3) &&
	    ck_is_any(d, i + 3, care)) {
		*end = i + 4;
		return true;
	}
	/* "we had not replaced it", "we hadn't fixed the ruleset to a set
	 * version", "we had not yet sent you the new times": what we had
	 * left undone when it failed, any act; not what befell us or what we
	 * knew ("we had not heard from you", "had not been told") */
	static const char *const befell[] = {"heard", "been", "seen", "received", "had", "known", "expected",
		"realised", "realized", "noticed", "got", "lost", NULL};
	if (ck_is(d, i + 1, "had") && (ck_is(d, i + 2, "not") || ck_is(d, i + 2, "never"))) {
		size_t v = i + 3;
		if (v < d->ntok && !breaks_clause(d, v) && (ck_is(d, v, "yet") || ck_is(d, v, "always")))
			v++;
		if (v < d->ntok && !breaks_clause(d, v) && past_form(d, v) && !ck_is_any(d, v, befell) &&
		    !(d->tok[v].flags & CK_TF_CAP)) {
			*end = v + 1;
			return true;
		}
	}
	return false;
}

/* "That was our packing, not the carrier's", "it was my call, not the
 * driver's": "was" or "is", "our" or "my", one word, then ", not" at
 * token i and someone else's in the possessive ("'s" at most four words
 * on, or theirs, yours, his, hers) — the act or choice claimed as ours
 * against another's; not "it was our order, not a repeat". Returns the
 * token of "was/is", or SIZE_MAX. */
static size_t ours_not_theirs(const struct ck_doc *d, size_t i)
{
	if (i < 3 || !ck_is(d, i, "not") || !(d->tok[i].gap & CK_G_CLAUSE) || (d->tok[i].gap & CK_G_SENT) ||
	    breaks_clause(d, i - 1) || breaks_clause(d, i - 2) || d->tok[i - 1].type != CK_WORD ||
	    ck_has(d, i - 1, L_STOPWORD) || !(ck_is(d, i - 2, "our") || ck_is(d, i - 2, "my")) ||
	    !(ck_has(d, i - 3, L_BE_PAST) || ck_is(d, i - 3, "is")) || is_question(d, i))
		return SIZE_MAX;
	for (size_t k = i + 1; k < d->ntok && k <= i + 4 && !breaks_clause(d, k); k++)
		if (ck_is(d, k, "'s") || ck_is(d, k, "theirs") || ck_is(d, k, "yours") || ck_is(d, k, "his") ||
		    ck_is(d, k, "hers"))
			return i - 3;
	return SIZE_MAX;
}

/* "We sent your invoice to the wrong address", "our registry office
 * emailed the results to the wrong cohort", "I booked the crane by
 * mistake": an act of ours told as a mistake — we or I, or "our" and one
 * or two words that are no stopword and no vendor, then a past verb with
 * a fault_markers.txt word at most six tokens after it in its clause —
 * owns it, whatever the verb. Not a verb that finds or mends (found,
 * replaced, corrected…: "we replaced the faulty valve"), not negated
 * ("we did not send the wrong parts": no past verb right after us), not
 * asked. Token i is the subject's first word; *end is after the marker. */
static bool we_did_wrong(const struct ck_doc *d, size_t i, size_t *end)
{
	static const char *const mend[] = {"found", "noticed", "spotted", "discovered", "identified", "traced",
		"caught", "checked", "replaced", "corrected", "fixed", "repaired", "removed", "recalled",
		"refunded", "swapped", "reversed", "withdrew", "cancelled", "canceled", "undid", "rebuilt",
		"reprinted", "resent", "isolated", "disabled", "blocked", "flagged", "reported", "told",
		"warned", "said", "explained", "apologised", "apologized", NULL};
	size_t v;
	if (first_person(d, i)) {
		v = i + 1;
	} else if (ck_is(d, i, "our")) {
		v = i + 1;
		while (v < d->ntok && v <= i + 2 && !breaks_clause(d, v) && d->tok[v].type == CK_WORD &&
		       !ck_has(d, v, L_STOPWORD) && !ck_has(d, v, L_VENDOR) && !past_verb(d, v))
			v++;
		if (v == i + 1)
			return false;
	} else {
		return false;
	}
	if (v >= d->ntok || breaks_clause(d, v))
		return false;
	for (size_t q = v + 1; q < d->ntok && q <= v + 6 && !breaks_clause(d, q); q++)
		if (ck_has(d, q, L_FAULT)) {
			if (!past_verb(d, v) || ck_is_any(d, v, mend) || is_question(d, i))
				return false;
			*end = q + 1;
			return true;
		}
	return false;
}

/* "That was our booking team's mistake", "the fault was my night crew's
 * error": a team of ours (a team noun right before "'s", with "our" or
 * "my" before it, at most two more words and no stopword between) owning a
 * mistake, error, fault or failure, as the listed "our team's mistake"
 * does. Not a vendor ("our courier's mistake" blames the courier), not
 * after a negation ("not our team's fault"). Token i is "'s"; returns
 * the token of "our/my", or SIZE_MAX. */
static __attribute__((noinline)) size_t team_mistake(const struct ck_doc *d, size_t i)
{
	static const char *const fault[] = {"mistake", "mistakes", "error", "errors", "fault", "failure", NULL};
	if (!ck_is(d, i, "'s") || i < 2 || i + 1 >= d->ntok || breaks_clause(d, i) || breaks_clause(d, i + 1) ||
	    !ck_is_any(d, i + 1, fault) || !ck_has(d, i - 1, L_TEAM) || is_question(d, i))
		return SIZE_MAX;
	for (size_t k = i - 1; k > 0 && i - k <= 3 && !breaks_clause(d, k); k--) {
		if (ck_is(d, k - 1, "our") || ck_is(d, k - 1, "my")) {
			if (k > 1 && ck_has(d, k - 2, L_NEGATION))
				return SIZE_MAX;
			return k - 1;
		}
		if (ck_has(d, k - 1, L_STOPWORD))
			return SIZE_MAX;
	}
	return SIZE_MAX;
}

/* "The duplicate was our processing mistake", "it was my scheduling
 * error": "our" or "my", one or two words that are no stopwords, vendor
 * or audience noun, and a mistake, error or fault at token k (the caller
 * asks only at fault_nouns.txt words) that ends its noun phrase (no word
 * but a stopword after it: not "our error logs"), not after a negation
 * ("not our processing mistake"). Returns the token of "our/my", or
 * SIZE_MAX. */
static __attribute__((noinline)) size_t our_named_fault(const struct ck_doc *d, size_t k)
{
	static const char *const fault[] = {"mistake", "mistakes", "error", "errors", "fault", "faults", NULL};
	if (k < 2 || !ck_is_any(d, k, fault) || breaks_clause(d, k) || is_question(d, k) ||
	    (k + 1 < d->ntok && !breaks_clause(d, k + 1) && d->tok[k + 1].type == CK_WORD && !ck_has(d, k + 1, L_STOPWORD)))
		return SIZE_MAX;
	for (size_t q = k; q > 0 && k - q < 3 && !breaks_clause(d, q); q--) {
		size_t p = q - 1;
		if (ck_is(d, p, "our") || ck_is(d, p, "my"))
			return q == k || negated_before(d, p) ? SIZE_MAX : p;   /* "our mistake" is the list's */
		if (d->tok[p].type != CK_WORD || ck_has(d, p, L_STOPWORD) || ck_has(d, p, L_VENDOR) ||
		    ck_has(d, p, L_AUDIENCE))
			return SIZE_MAX;
	}
	return SIZE_MAX;
}

/* "Our team should have cleared those drains", "our engineers should have
 * checked it": one of ours — "our" or "my" and up to two words, one a team
 * noun, none a vendor — then "should have" and a past form, what we owed
 * and did not do, as the listed "we should have" tells. Token i is
 * "should"; returns the token of "our/my", or SIZE_MAX. */
static __attribute__((noinline)) size_t ours_should_have(const struct ck_doc *d, size_t i)
{
	if (i < 2 || i + 2 >= d->ntok || breaks_clause(d, i) || breaks_clause(d, i + 1) || breaks_clause(d, i + 2) ||
	    !ck_is(d, i + 1, "have") || !past_form(d, i + 2) || is_question(d, i))
		return SIZE_MAX;
	bool team = false;
	for (size_t q = i; q > 0 && i - q < 3 && !breaks_clause(d, q); q--) {
		size_t p = q - 1;
		if (ck_is(d, p, "our") || ck_is(d, p, "my"))
			return team && !negated_before(d, p) ? p : SIZE_MAX;
		if (d->tok[p].type != CK_WORD || ck_has(d, p, L_STOPWORD) || ck_has(d, p, L_VENDOR))
			return SIZE_MAX;
		team = team || ck_has(d, p, L_TEAM);
	}
	return SIZE_MAX;
}

/* "We let you and your guests down", "I let the whole team down": we or
 * I, "let" and "down" two to five tokens on in its clause — the listed
 * "we let you down" with more people between. Not a promise ("we will
 * not let you down": "let" must follow we or I), not in an if-clause.
 * Token i is "let"; returns the token after "down", or 0. */
static size_t let_down(const struct ck_doc *d, size_t i)
{
	if (!ck_is(d, i, "let") || i == 0 || breaks_clause(d, i) || !first_person(d, i - 1) || is_question(d, i))
		return 0;
	for (size_t q = clause_back(d, i - 1, 6); q + 1 < i; q++)
		if (ck_is(d, q, "if") || ck_is(d, q, "unless"))
			return 0;
	for (size_t q = i + 2, e = clause_fwd(d, i, 6); q < e; q++)
		if (ck_is(d, q, "down"))
			return q + 1;
	return 0;
}

/* "we cancelled the later booking without telling you", "I changed the
 * rota without checking the holidays": an act of ours done without its
 * check (done_without, token k is "without") with we or I as the subject
 * of its verb (right before it, or before had/have or an adverb) owns the
 * omission; "our system sent it without checking" tells what went wrong
 * but owns nothing, nor does "the provider we use changed it without
 * telling us". */
static bool we_did_without(const struct ck_doc *d, size_t k)
{
	if (!done_without(d, k))
		return false;
	for (size_t q = k; q > 1 && k - q < 12 && !breaks_clause(d, q); q--) {
		if (!past_verb(d, q - 1))
			continue;
		size_t s = q - 2;
		if (s > 0 && (ck_is(d, s, "had") || ck_is(d, s, "have") || is_adverb(d, s)))
			s--;
		return first_person(d, s);
	}
	return false;
}

/* The ownership element's passes, in the order detect_ownership asks them:
 * each looks for its first candidate among the tokens [t0, t1) and hits
 * [h0, h1) of whole sentences [s0, s1) and, found, gives its tokens [*a,
 * *b). Each reads only a candidate's own sentence, so running them window
 * by window finds the same candidates as one run over the message. */
struct own_range { size_t t0, t1, h0, h1, s0, s1; };

/* The ownership phrases; not inside an apology for feelings or a
 * conditional one: "I'm sorry you feel we let you down" reports the
 * client's view, "sorry if we let you down" doubts it. */
static bool own_phrase(struct ck_ctx *c, const struct own_range *w, size_t *a, size_t *b)
{
	for (size_t h = w->h0; h < w->h1; h++) {
		const struct ck_hit *x = &D->hit[h];
		if (x->list == L_BLAME_CAUSE && fault_answered(D, x)) {
			*a = x->first;
			*b = x->last + 1;
			return true;
		}
		/* "it was not our mistake", "that wasn't on us" deny it */
		if (x->list != L_OWNERSHIP || is_question(D, x->first) || in_bad_apology(c, x->first) ||
		    !on_us_owned(D, x) || negated_before(D, x->first))
			continue;
		*a = x->first;
		*b = x->last;
		return true;
	}
	return false;
}

/* A team of ours owning a mistake: only a sentence with a team noun and a
 * word of harm or fault (mistake, error, failure, fault) can tell one. */
static bool own_team(struct ck_ctx *c, const struct own_range *w, size_t *a, size_t *b)
{
	for (size_t si = w->s0; si < w->s1; si++) {
		const struct ck_sent *st = &D->sent[si];
		if (!((st->cls >> L_TEAM) & 1u) || !(((st->cls >> L_HARM) | (st->cls >> L_FAULT_NOUN)) & 1u))
			continue;
		for (size_t i = st->first, o; i < st->last; i++)
			if (D->tok[i].nlen == 2 && ck_norm(D, i)[0] == '\'' && (o = team_mistake(D, i)) != SIZE_MAX &&
			    !in_bad_apology(c, o)) {
				*a = o;
				*b = i + 2;
				return true;
			}
	}
	return false;
}

/* The first admitting verb with us as its subject (ownership_at) or our
 * act that made something fail (made_it_fail), sentence by sentence: one
 * without an admitting verb is passed over by its OR-ed classes, reading
 * neither its tokens nor their word classes. A message that owns nothing
 * is read whole, and stepping from sentence to sentence through the tokens
 * (tok[i].sent) pulled a long message's token array from memory a line at
 * a time; the sentence array is an eighth of its size and is read in
 * order. */
static bool own_verb(struct ck_ctx *c, const struct own_range *w, size_t *a, size_t *b)
{
	for (size_t si = w->s0; si < w->s1; si++) {
		const struct ck_sent *st = &D->sent[si];
		/* made_it_fail's bare verbs are impact words: such a sentence
		 * has the impact class */
		if (!((st->cls >> L_OWN_VERB) & 1u) && !((st->cls >> L_IMPACT) & 1u))
			continue;
		/* whether a hedging phrase starts before token i in the
		 * sentence, kept as i goes (looking back over the sentence's
		 * hits for each admitting verb made a long sentence quadratic) */
		size_t h = ck_hit_lower(D, st->first);
		bool hedged = false;
		for (size_t i = st->first; i < st->last; i++) {
			for (; h < D->nhit && D->hit[h].first < i; h++)
				hedged |= D->hit[h].list == L_HEDGING;
			if (ownership_at(c, i, hedged, a) || (!hedged && made_it_fail(c, i, a))) {
				*b = i + 1;
				return true;
			}
		}
	}
	return false;
}

/* An act of ours told as a mistake: only a sentence with a fault marker
 * can tell one. */
static bool own_wrong(struct ck_ctx *c, const struct own_range *w, size_t *a, size_t *b)
{
	size_t end;
	size_t hs = SIZE_MAX, hf = 0;   /* sentence hs's first hedging hit starts at token hf */
	for (size_t i = w->t0, se = w->t0; i < w->t1; i++) {
		if (i >= se && (i = sent_with(D, i, w->t1, 1ull << L_FAULT, &se)) >= w->t1)
			break;
		if (D->tok[i].nlen <= 3 && (ck_norm(D, i)[0] == 'w' || ck_norm(D, i)[0] == 'i' || ck_norm(D, i)[0] == 'o') &&
		    we_did_wrong(D, i, &end) &&
		    !in_bad_apology(c, i)) {
			/* not after a hedge in its sentence; the sentence's first
			 * hedge found once, not again for each candidate (a long
			 * sentence would make that quadratic) */
			if (D->tok[i].sent != hs) {
				const struct ck_sent *st = &D->sent[hs = D->tok[i].sent];
				hf = SIZE_MAX;
				for (size_t h = ck_hit_lower(D, st->first); h < D->nhit && D->hit[h].first < st->last; h++)
					if (D->hit[h].list == L_HEDGING) {
						hf = D->hit[h].first;
						break;
					}
			}
			if (hf >= i) {
				*a = i;
				*b = end;
				return true;
			}
		}
	}
	return false;
}

/* An omission owned: "we did not check the backup", or an act claimed
 * against another's: "that was our packing, not the carrier's"
 * (ours_not_theirs); only a sentence with a negation ("not", "never") can
 * tell one. */
static bool own_omission(struct ck_ctx *c, const struct own_range *w, size_t *a, size_t *b)
{
	size_t end, o;
	for (size_t i = w->t0, se = w->t0; i < w->t1; i++) {
		if (i >= se && (i = sent_with(D, i, w->t1, 1ull << L_NEGATION, &se)) >= w->t1)
			break;
		if ((first_person(D, i) || ck_is(D, i, "and")) && we_skipped(D, i, &end) && !in_bad_apology(c, i)) {
			*a = i;
			*b = end;
			return true;
		}
		if (D->tok[i].nlen == 3 && ((D->cls[i] >> L_NEGATION) & 1u) && (o = ours_not_theirs(D, i)) != SIZE_MAX) {
			*a = o;
			*b = i;
			return true;
		}
	}
	return false;
}

/* "we let you and them down", and an act of ours done "without" its check:
 * tokens of three and seven letters, only in a sentence with "without"
 * (negations.txt) or with "we"/"I" (team_nouns.txt) and "down"
 * (harm_nouns.txt); the others are passed over on their classes, not read
 * token by token (on a long message that owns nothing this pass read the
 * whole token array back from memory). */
static bool own_let_down(struct ck_ctx *c, const struct own_range *w, size_t *a, size_t *b)
{
	const uint64_t let_down_cls = (1ull << L_TEAM) | (1ull << L_HARM);
	for (size_t si = w->s0; si < w->s1; si++) {
		const struct ck_sent *st = &D->sent[si];
		if (!((st->cls >> L_NEGATION) & 1u) && (st->cls & let_down_cls) != let_down_cls)
			continue;
		for (size_t i = st->first, e; i < st->last; i++) {
			size_t n = D->tok[i].nlen;
			if (n == 3 && (e = let_down(D, i)) != 0 && !in_bad_apology(c, i)) {
				*a = i - 1;
				*b = e;
				return true;
			}
			if (n == 7 && we_did_without(D, i) && !in_bad_apology(c, i)) {
				*a = clause_back(D, i, 12);
				*b = clause_fwd(D, i, 6);
				return true;
			}
		}
	}
	return false;
}

/* A fault named as ours with a word between ("our processing mistake"),
 * read only at the fault nouns of the sentences that have one. */
static bool own_named_fault(struct ck_ctx *c, const struct own_range *w, size_t *a, size_t *b)
{
	for (size_t si = w->s0; si < w->s1; si++) {
		const struct ck_sent *st = &D->sent[si];
		if (!((st->cls >> L_FAULT_NOUN) & 1u))
			continue;
		for (size_t i = st->first, o; i < st->last; i++)
			if (((D->cls[i] >> L_FAULT_NOUN) & 1u) && (o = our_named_fault(D, i)) != SIZE_MAX &&
			    !in_bad_apology(c, o)) {
				*a = o;
				*b = i + 1;
				return true;
			}
	}
	return false;
}

/* One of our teams that should have acted, read only at the hedging hits
 * "should" (team_nouns.txt holds "we", so a sentence's team bit passes
 * over almost nothing: walking those sentences cost the archive slice
 * 0.6%). */
static bool own_should_have(struct ck_ctx *c, const struct own_range *w, size_t *a, size_t *b)
{
	for (size_t h = w->h0, o; h < w->h1; h++) {
		const struct ck_hit *x = &D->hit[h];
		if (x->list == L_HEDGING && D->tok[x->first].nlen == 6 && ck_is(D, x->first, "should") &&
		    (o = ours_should_have(D, x->first)) != SIZE_MAX && !in_bad_apology(c, o)) {
			*a = o;
			*b = x->first + 3;
			return true;
		}
	}
	return false;
}

/* Ownership told by where the fault lies or whose it is, at token i:
 * "the glitch was on our side", "a configuration mistake on our side" —
 * "on our side/end" with a fault or harm noun up to four words before it
 * and no negation ("nothing on our side needs to change" owns nothing);
 * "we own Sunday's outage" — "we own" and a harm or fault noun up to four
 * words on. Returns the token after the words, *a their first, or 0. */
static size_t own_placed_at(const struct ck_doc *d, size_t i, size_t *a)
{
	size_t n = d->tok[i].nlen;
	const char *w = ck_norm(d, i);
	if (((n == 4 && w[0] == 's' && ck_is(d, i, "side")) || (n == 3 && w[0] == 'e' && ck_is(d, i, "end"))) &&
	    i >= 4 && ck_is(d, i - 1, "our") && ck_is(d, i - 2, "on") && !breaks_clause(d, i) && !breaks_clause(d, i - 1) &&
	    !breaks_clause(d, i - 2) && !is_question(d, i)) {
		for (size_t k = i - 3; k + 7 > i && !breaks_clause(d, k + 1); k--) {
			if (ck_has(d, k, L_NEGATION) || ck_is(d, k, "nothing"))
				return 0;
			if (ck_has(d, k, L_FAULT_NOUN) || ck_has(d, k, L_HARM)) {
				*a = k;
				return i + 1;
			}
			if (k == 0)
				break;
		}
		return 0;
	}
	if (n == 3 && w[0] == 'o' && ck_is(d, i, "own") && i >= 1 && !breaks_clause(d, i) && ck_is(d, i - 1, "we") &&
	    !is_question(d, i))
		for (size_t k = i + 1; k < d->ntok && k <= i + 4 && !breaks_clause(d, k); k++)
			if (ck_has(d, k, L_FAULT_NOUN) || ck_has(d, k, L_HARM)) {
				*a = i - 1;
				return k + 1;
			}
	return 0;
}

/* own_placed_at, read only in the sentences with a fault or harm word
 * (their class bits), at words of three or four letters. */
static bool own_placed(struct ck_ctx *c, const struct own_range *w, size_t *a, size_t *b)
{
	const uint64_t bits = (1ull << L_FAULT_NOUN) | (1ull << L_HARM);
	for (size_t si = w->s0; si < w->s1; si++) {
		const struct ck_sent *st = &D->sent[si];
		if (!(st->cls & bits))
			continue;
		size_t from = st->first > w->t0 ? st->first : w->t0, to = st->last < w->t1 ? st->last : w->t1;
		for (size_t i = from; i < to; i++) {
			size_t e, s, n = D->tok[i].nlen;
			if ((n == 3 || n == 4) && (e = own_placed_at(D, i, &s)) != 0 && !in_bad_apology(c, s)) {
				*a = s;
				*b = e;
				return true;
			}
		}
	}
	return false;
}

static bool (*const own_passes[])(struct ck_ctx *, const struct own_range *, size_t *, size_t *) = {
	own_phrase, own_team, own_verb, own_wrong, own_omission, own_let_down, own_named_fault,
	own_should_have, own_placed,
};
#define CK_OWN_PASSES (sizeof own_passes / sizeof own_passes[0])

/* Runs the ownership passes over tokens [c->own.done, end), whole
 * sentences, after their apologies are analysed, in order up to the first
 * that finds a candidate. A pass after the best one found so far is not
 * run (its candidate could not count); one before it still is, as it may
 * find one later in the message, which then counts instead. */
static bool own_upto(struct ck_ctx *c, size_t end)
{
	struct ck_own *o = &c->own;
	if (end > D->ntok)
		end = D->ntok;
	if (o->done >= end)
		return true;
	if (!apologies_upto(c, end))
		return false;
	struct own_range w = {o->done, end, ck_hit_lower(D, o->done), ck_hit_lower(D, end),
			      D->tok[o->done].sent, end < D->ntok ? D->tok[end].sent : D->nsent};
	for (unsigned p = 0; p < (o->found ? o->best : CK_OWN_PASSES); p++) {
		size_t a, b;
		if (own_passes[p](c, &w, &a, &b)) {
			o->found = true;
			o->best = p;
			o->a = (uint32_t)a;
			o->b = (uint32_t)b;
			break;
		}
	}
	o->done = end;
	return true;
}

/* The ownership phrases or a team of ours owning a mistake, else the
 * first admitting verb with us as its subject or our act that made
 * something fail, else an act of ours told as a mistake, an omission
 * owned, a promise let down, a fault named as ours, a team that should
 * have acted (own_passes, in that order). */
static void detect_ownership(struct ck_ctx *c, struct ck_elem_state *e)
{
	if (own_upto(c, D->ntok) && c->own.found)
		set_span(e, D, c->own.a, c->own.b);
}

/* Whether the message takes responsibility, for rule_blame's findings that
 * stand only when it does not, asked in window [c->t0, c->t1): the passes
 * run up to the window's end, and a candidate found holds for the whole
 * message. None found while windows remain, the answer is a guess (no),
 * noted with the findings so far (c->own_guess_nf) so that rule_blame can
 * tell whether a finding came after it (c->own_bet). */
static bool blame_owned(struct ck_ctx *c)
{
	if (c->owned)
		return true;
	if (!own_upto(c, c->t1))
		return false;
	if (c->own.found)
		return true;
	if (c->t1 < D->ntok && !c->own_guess) {
		c->own_guess = true;
		c->own_guess_nf = c->nf;
	}
	return false;
}

/* Team noun s is our on-call or duty staff: "the on-call engineer", "the
 * duty engineer" (not "their on-call engineer", nor a vendor's). */
static bool on_duty(const struct ck_doc *d, size_t s)
{
	size_t m;
	if (s > 0 && (ck_is(d, s - 1, "on-call") || ck_is(d, s - 1, "duty")))
		m = s - 1;
	else if (s > 1 && ck_is(d, s - 1, "call") && ck_is(d, s - 2, "on"))
		m = s - 2;
	else
		return false;
	return m > 0 && ck_is(d, m - 1, "the");
}

/* Team noun s after one word that says which of ours: "our storage team",
 * "my support colleagues", "the SRE team" (with "the", only "team": "the
 * engineers" may be anyone's; and not a name, "the Stripe team"). */
static bool named_team(const struct ck_doc *d, size_t s)
{
	if (s < 2 || (d->tok[s].gap & (CK_G_SENT | CK_G_CLAUSE | CK_G_PUNCT)) ||
	    (d->tok[s - 1].gap & (CK_G_SENT | CK_G_CLAUSE | CK_G_PUNCT)) || d->tok[s - 1].type != CK_WORD ||
	    (d->tok[s - 1].flags & CK_TF_SPLIT))
		return false;
	if (ck_is(d, s - 2, "our") || ck_is(d, s - 2, "my"))
		return true;
	return ck_is(d, s - 2, "the") && (ck_is(d, s, "team") || ck_is(d, s, "teams")) &&
	       !((d->tok[s - 1].flags & CK_TF_CAP) && !(d->tok[s - 1].flags & CK_TF_ALLCAPS));
}

/* One of ours named by role and name, the verb at token i right after:
 * "Our voicer, Tom Fairbairn, will come", "my colleague, Ana Ruiz, has
 * called" — "our" or "my" and one word at s - 1 and s (or two, "our head
 * tuner"), then one to three
 * capitalised words set off by commas, then i. Whatever the role noun
 * (team_nouns.txt cannot list them all), a name after "our <noun>," is a
 * person of ours. */
static bool ours_by_name(const struct ck_doc *d, size_t s, size_t i)
{
	if (s == 0 || i < s + 2 || i > s + 4 || breaks_clause(d, s) || d->tok[s].type != CK_WORD)
		return false;
	/* or two words: "Our head tuner, Alan Pike, will re-tune" (the first
	 * no stopword) */
	if (!(ck_is(d, s - 1, "our") || ck_is(d, s - 1, "my")) &&
	    !(s > 1 && (ck_is(d, s - 2, "our") || ck_is(d, s - 2, "my")) && !breaks_clause(d, s - 1) &&
	      d->tok[s - 1].type == CK_WORD && !ck_has(d, s - 1, L_STOPWORD)))
		return false;
	if (d->tok[s + 1].clause_ch != ',' || d->tok[i].clause_ch != ',' || (d->tok[i].gap & CK_G_SENT) ||
	    !(d->tok[s + 1].gap & CK_G_CLAUSE) || !(d->tok[i].gap & CK_G_CLAUSE))
		return false;
	for (size_t k = s + 1; k < i; k++)
		if (d->tok[k].type != CK_WORD || !(d->tok[k].flags & CK_TF_CAP) || (k > s + 1 && breaks_clause(d, k)))
			return false;
	return true;
}

static bool our_noun_before(const struct ck_doc *d, size_t i);

/* "Our groundstaff relaid the path", "our head seamstress has
 * replaced the panel": one of ours named by any noun after "our" or "my"
 * (team_nouns.txt cannot list every trade), token s, the subject of
 * action verb i with nothing but an auxiliary or "now", "already",
 * "also" between — not a vendor of ours ("our courier"), and not when
 * another verb comes between ("our system failed to send"). */
static bool ours_right_before(const struct ck_doc *d, size_t s, size_t i)
{
	static const char *const aux[] = {"has", "have", "had", "will", "is", "are", "was", "were", "now", "already",
					  "also", NULL};
	/* nor those we act for: "our client regrets", "our customers"
	 * (audience.txt holds the plurals; a partner is a vendor) */
	static const char *const others[] = {"client", "customer", "member", NULL};
	/* "will" itself is action_at's own case ("our office will be
	 * open" is none) */
	if (s == 0 || i - s > 3 || d->tok[s].type != CK_WORD || ck_is(d, i, "will") || ck_has(d, s, L_VENDOR) ||
	    ck_has(d, s, L_AUDIENCE) || ck_has(d, s, L_STOPWORD) || ck_is_any(d, s, others) ||
	    !our_noun_before(d, s + 1))
		return false;
	for (size_t k = s + 1; k < i; k++)
		if (!ck_is_any(d, k, aux) || breaks_clause(d, k))
			return false;
	/* nor a routine from now on ("From now on, our system will check
	 * every sort code"), which prevents a repeat, as in action_at */
	return !breaks_clause(d, i) && !phrase_in(d, &d->sent[d->tok[i].sent], L_PREVENTION);
}

/* "we are restoring", "our engineers have rebuilt", "I will call": an
 * action with us as its subject at token i, tokens [*a, *b). */
static bool action_at(const struct ck_ctx *c, size_t i, size_t *a, size_t *b)
{
	if (!ck_has(D, i, L_ACTION) || is_question(D, i))
		return false;
	/* "re" is listed for "re-sent", "re-ran": a verb redone (hyphenated
	 * after it), not "Re:" in a subject line */
	bool re = ck_is(D, i, "re");
	if (re && !(i + 1 < D->ntok && (D->tok[i + 1].flags & CK_TF_HYPH)))
		return false;
	size_t vend = i + 1 + re; /* the verb's end: "re-sent" is two tokens */
	/* "we will post the next update at 12:00", "I will send you the
	 * figures tomorrow": "will" promising the next message is the
	 * next-update element, not work on the problem (a next_update.txt
	 * phrase from the word before it to three after, in its clause) */
	if (ck_is(D, i, "will"))
		for (size_t h = ck_hit_lower(D, i > 0 ? i - 1 : 0); h < D->nhit && D->hit[h].first <= i + 3; h++)
			if (D->hit[h].list == L_NEXT_UPDATE && D->hit[h].last > i &&
			    clause_fwd(D, i, 4) >= D->hit[h].last && clause_back(D, i, 1) <= D->hit[h].first)
				return false;
	/* "our conservator will assess the panel", "our service desk will
	 * contact you to confirm a time": one of ours named by any noun
	 * (our_noun_before, as for "has" and "is") and what it will do — not
	 * "will be", "will not", "will never" (the next update is refused
	 * above), nor a routine from now on, which prevents a repeat ("From
	 * now on, our system will check every sort code": a prevention.txt
	 * phrase in its sentence) */
	if (ck_is(D, i, "will") && i > 1 && i + 1 < D->ntok && !breaks_clause(D, i + 1) && !ck_is(D, i + 1, "be") &&
	    !ck_is(D, i + 1, "never") && !ck_has(D, i + 1, L_NEGATION) && D->tok[i + 1].type == CK_WORD &&
	    our_noun_before(D, i) && !phrase_in(D, &D->sent[D->tok[i].sent], L_PREVENTION)) {
		size_t o = i - 1;
		while (!(ck_is(D, o, "our") || ck_is(D, o, "my")))
			o--;
		*a = o;
		*b = i + 2;
		return true;
	}
	/* "we set out below the plan", "as set out above": "set out" presents
	 * a text, it does nothing */
	if (ck_is(D, i, "set") && ck_is(D, i + 1, "out") && !breaks_clause(D, i + 1))
		return false;
	/* "the import was restarted by our team at 06:10" */
	if (i > 0 && !breaks_clause(D, i) && (ck_has(D, i - 1, L_BE_PAST) || ck_is(D, i - 1, "is") ||
					      ck_is(D, i - 1, "are") || ck_is(D, i - 1, "being")) &&
	    ck_is(D, i + 1, "by") && !breaks_clause(D, i + 1) &&
	    (ck_is(D, i + 2, "our") || ck_is(D, i + 2, "us") || ck_is(D, i + 2, "me") || ck_is(D, i + 2, "my"))) {
		*a = i - 1;
		*b = i + 3;
		return true;
	}
	/* "the accounts have been restored from backup": done, in a message
	 * that says so of the client's things */
	/* one adverb may sit between: "have now been regenerated"; not
	 * "since", which narrates what followed ("the migration has since
	 * been completed") */
	size_t hv = i > 2 && ck_is(D, i - 1, "been") &&
			    (is_adverb(D, i - 2) || ck_is(D, i - 2, "now") || ck_is(D, i - 2, "already")) && !ck_has(D, i - 2, L_NEGATION) &&
			    !ck_is(D, i - 2, "never") && !breaks_clause(D, i - 2)
		? i - 3 : i - 2;
	if (i > 1 && ck_is(D, i - 1, "been") && (ck_is(D, hv, "have") || ck_is(D, hv, "has")) &&
	    !breaks_clause(D, i) && !breaks_clause(D, i - 1)) {
		bool neg = false; /* "no accounts have been restored yet" */
		for (size_t k = clause_back(D, i, 32); k < i; k++)
			if (ck_has(D, k, L_NEGATION) || ck_is(D, k, "no") || ck_is(D, k, "none"))
				neg = true;
		/* "The problem with your bill has now been resolved": the
		 * problem itself said to be over (resolved, fixed, solved,
		 * sorted, its subject opening the sentence with "the problem",
		 * "issue" or a fault noun) is its status, not what anyone did */
		static const char *const over[] = {"resolved", "fixed", "solved", "sorted", NULL};
		static const char *const trouble[] = {"problem", "issue", NULL};
		size_t sf = D->sent[D->tok[i].sent].first;
		if (ck_is_any(D, i, over) && sf + 1 < i && ck_is(D, sf, "the") &&
		    (ck_is_any(D, sf + 1, trouble) || ck_has(D, sf + 1, L_FAULT_NOUN)))
			neg = true;
		if (!neg) {
			*a = hv;
			*b = vend;
			return true;
		}
	}
	/* "our team should have cleared the drains", "we could have
	 * rerouted them": what was not done, admitted, whoever the subject */
	if (i >= 2 && ck_is(D, i - 1, "have") &&
	    (ck_is(D, i - 2, "should") || ck_is(D, i - 2, "could") || ck_is(D, i - 2, "would") ||
	     ck_is(D, i - 2, "might") || ck_is(D, i - 2, "must")))
		return false;
	/* "our engineers worked through the night to restore service": the
	 * purpose of our work, the subject further back */
	size_t reach = i > 0 && ck_is(D, i - 1, "to") ? 8 : 4;
	/* "we made a mistake in the release and have rolled it back", "we
	 * traced it to a change we made and are reverting it": a second verb
	 * of our sentence, after "and" and its auxiliary, its subject before
	 * the "and" */
	/* (one adverb may follow the auxiliary: "and have already
	 * collected them") */
	size_t aux = i > 2 && (ck_is(D, i - 1, "already") || ck_is(D, i - 1, "now") || ck_is(D, i - 1, "also")) ? i - 2 : i - 1;
	if (i > 1 && (ck_is(D, i - 1, "and") ||
		      ((ck_is(D, aux, "have") || ck_is(D, aux, "has") || ck_is(D, aux, "are") || ck_is(D, aux, "am") ||
			ck_is(D, aux, "will")) &&
		       aux > 0 && ck_is(D, aux - 1, "and"))))
		reach = 14;
	/* "we called in two fitters at 05:10, cleared the backlog by 06:40
	 * and …": a verb that opens its clause with no subject of its own
	 * shares the subject of the clause before it, in its sentence */
	bool shared = i > 0 && (D->tok[i].gap & CK_G_CLAUSE) && !(D->tok[i].gap & CK_G_SENT);
	/* or after ", and": "we pushed a fix that corrects the mapping, and
	 * re-synced the invoices" (the "and" opens the clause, the verb is
	 * the next word) */
	if (!shared && i > 1 && ck_is(D, i - 1, "and") && (D->tok[i - 1].gap & CK_G_CLAUSE) &&
	    !(D->tok[i - 1].gap & CK_G_SENT) && !breaks_clause(D, i))
		shared = true;
	if (shared)
		reach = 14;
	for (size_t back = 1; back <= reach && back <= i; back++) {
		size_t s = i - back;
		if (D->tok[s + 1].gap & (CK_G_SENT | (shared ? 0 : CK_G_CLAUSE)))
			break;
		/* "Engineers are still working on it": a staff noun with no
		 * determiner opening the sentence is ours ("people" is anyone) */
		bool bare = ck_has(D, s, L_TEAM) && (s == 0 || (D->tok[s].gap & (CK_G_SENT | CK_G_PARA))) &&
			    D->tok[s].nlen > 3 && ck_norm(D, s)[D->tok[s].nlen - 1] == 's' && !ck_is(D, s, "people");
		/* or, in a note that drops its articles, a team by its work
		 * opening the sentence: "Splicing team finished 60 fibres",
		 * "Night crew replaced the pump" (one word before "team" or
		 * "crew", no stopword, vendor or second person) */
		if (!bare && s > 0 && (ck_is(D, s, "team") || ck_is(D, s, "crew")) &&
		    (s == 1 || (D->tok[s - 1].gap & (CK_G_SENT | CK_G_PARA))) && !breaks_clause(D, s) &&
		    D->tok[s - 1].type == CK_WORD && !ck_has(D, s - 1, L_STOPWORD) && !ck_has(D, s - 1, L_VENDOR) &&
		    !is_second_person(D, s - 1))
			bare = true;
		/* a team of ours: "our team", "our mortgage servicing team has
		 * raised the refund" (our_noun_before: "our" or "my" up to
		 * three words before the verb's subject's end), the on-call
		 * engineer, "the SRE team" */
		if (first_person(D, s) || bare || (ck_has(D, s, L_TEAM) && s > 0 &&
					   (our_noun_before(D, s + 1) || on_duty(D, s) || named_team(D, s))) ||
		    (shared && ours_by_name(D, s, i)) || ours_right_before(D, s, i)) {
			/* "we did not restore", "we had not yet replaced it": an
			 * act denied between us and the verb is none */
			bool denied = false;
			for (size_t q = s + 1; q < i && !denied; q++)
				denied = ck_has(D, q, L_NEGATION) || ck_is(D, q, "never");
			if (denied)
				break;
			*a = s;
			*b = vend;
			return true;
		}
	}
	return false;
}

/* The work told after a form of "be" ending at token v - 1: one adverb
 * (or "now") may come first, then a verb in -ing that is not a state or a
 * wish ("we are hoping"). Returns the token after the verb, or 0. */
static size_t doing_after(const struct ck_doc *d, size_t v)
{
	static const char *const state[] = {"hoping", "expecting", "seeing", "waiting", "going", "feeling",
		"having", "being", "getting", "missing", "lacking", "struggling", "planning", NULL};
	if (v < d->ntok && !breaks_clause(d, v) && (is_adverb(d, v) || ck_is(d, v, "now") || ck_is(d, v, "already")) &&
	    !ck_has(d, v, L_NEGATION))
		v++;
	if (v >= d->ntok || breaks_clause(d, v) || d->tok[v].type != CK_WORD || ck_is_any(d, v, state))
		return 0;
	const char *w = ck_norm(d, v);
	size_t n = d->tok[v].nlen;
	return n >= 5 && strcmp(w + n - 3, "ing") == 0 ? v + 1 : 0;
}

/* "we are booking a new date", "I am posting them today": we or I, then
 * are/am (one adverb may follow) and a verb in -ing is work going on now,
 * whatever the verb (action_verbs.txt cannot list them all) — not a state
 * or a wish ("we are hoping", "we are seeing errors", "we are waiting"),
 * nor "going to". Token i is the pronoun; [*a, *b) the span. */
static bool progressive_at(const struct ck_doc *d, size_t i, size_t *a, size_t *b)
{
	if (!(ck_is(d, i, "we") || ck_is(d, i, "i")) || is_question(d, i) || breaks_clause(d, i + 1) ||
	    !(ck_is(d, i + 1, "are") || ck_is(d, i + 1, "am")))
		return false;
	size_t e = doing_after(d, i + 2);
	if (!e)
		return false;
	*a = i;
	*b = e;
	return true;
}

/* "Rewired the two stage candelabra this morning.", "Replaced the ash
 * auger motor and cleared the F37 fault": a terse note's sentence that
 * opens on an action verb (action_verbs.txt) in the past, its "we" or "I"
 * left out, then what it was done to (a determiner, a count, "it",
 * "them", a particle or "and"). Token i opens its sentence; [*a, *b) the
 * verb and the next token. Dev sets holdout20-405: 5 such notes, none
 * marked as missing the action. */
static bool terse_did(const struct ck_doc *d, size_t i, size_t *a, size_t *b)
{
	static const char *const obj[] = {"the", "a", "an", "your", "our", "all", "both", "it", "them", "every",
		"each", "in", "out", "up", "off", "and", NULL};
	if (d->sent[d->tok[i].sent].first != i || !ck_has(d, i, L_ACTION) || !(d->tok[i].flags & CK_TF_CAP) ||
	    (d->tok[i].flags & CK_TF_ALLCAPS) ||
	    !past_form(d, i) || i + 1 >= d->ntok || breaks_clause(d, i + 1) || is_question(d, i) ||
	    !(ck_is_any(d, i + 1, obj) || d->tok[i + 1].type == CK_NUM))
		return false;
	*a = i;
	*b = i + 2;
	return true;
}

/* "Our engineer, Dean, is on site again this morning", "engineers are on
 * site at the cabinet": someone sent to do the work is there now — "is"
 * or "are", at most one adverb (now, again, already, still, back), then
 * "on site". Not asked, not negated, not a condition or a time to come
 * ("until the fitter is on site", "once a crew is on site": if, until,
 * once, when, before or after in the clause before it), nor the client's
 * people ("your team is on site"). Token i is "on"; [*a, *b) the span. */
/* Words that open a condition or a time still to come: work told after
 * one of them is not being done now (on_site, passive_work). */
static const char *const not_yet[] = {"if", "until", "once", "when", "before", "after", "unless", NULL};

static bool on_site(const struct ck_doc *d, size_t i, size_t *a, size_t *b)
{
	static const char *const adv[] = {"now", "again", "already", "still", "back", NULL};
	if (!ck_is(d, i, "on") || i < 2 || i + 1 >= d->ntok || breaks_clause(d, i) || breaks_clause(d, i + 1) ||
	    !ck_is(d, i + 1, "site") || is_question(d, i))
		return false;
	size_t v = i - 1;
	if (ck_is_any(d, v, adv) && !breaks_clause(d, v))
		v--;
	if (!(ck_is(d, v, "is") || ck_is(d, v, "are")))
		return false;
	for (size_t k = clause_back(d, v, 16); k < v; k++)
		if (ck_is_any(d, k, not_yet) || ck_has(d, k, L_NEGATION) || is_second_person(d, k))
			return false;
	*a = v;
	*b = i + 2;
	return true;
}

/* "Cable survey complete.", "Printing complete. Die-cutting and folding
 * in progress.", "The replastering is approx 60% done.", "Status: in
 * progress", "Night 1 done.": how far the work has got, told as its
 * state, as status lines and site reports tell it. Token i is "complete",
 * "completed", "done" or "finished" ending its clause or line, after a
 * form of "be" or "now" (one adverb may sit between: "is now fully
 * complete"), a count ("60% complete", "half done"), a colon ("Yew crown
 * reduction: complete"), the short verbless line of a work item ("Cable
 * survey complete"), or nothing (a one-word line); or "progress" after
 * "in", or "underway"/"under way", anywhere. Not negated, asked, to come
 * ("will be done", "once he's done", "until the work is complete": be,
 * if, once, until, when, before, after or unless in the clause), nor the
 * client's ("once you are done"), nor harm ("the damage is done": a
 * fault or harm noun in the clause). [*a, *b) the span. */
static bool work_status(const struct ck_doc *d, size_t i, size_t *a, size_t *b)
{
	static const char *const state[] = {"complete", "completed", "done", "finished", NULL};
	static const char *const be[] = {"is", "are", "was", "were", "been", "now", NULL};
	static const char *const part[] = {"half", "partly", "mostly", "largely", "substantially", "nearly",
		"almost", "fully", "all", "now", NULL};
	static const char *const cond[] = {"if", "until", "till", "once", "when", "before", "after", "unless",
		"be", NULL};
	if (i == 0 || is_question(d, i))
		return false;
	size_t s;
	/* (not what was going on when it failed: "orders that were in
	 * progress before the outage") */
	if (ck_is(d, i, "progress") && ck_is(d, i - 1, "in") && !breaks_clause(d, i) &&
	    !(i > 1 && ck_has(d, i - 2, L_BE_PAST) && !breaks_clause(d, i - 1)))
		s = i - 1;
	else if (ck_is(d, i, "underway"))
		s = i;
	else if (ck_is(d, i, "way") && ck_is(d, i - 1, "under") && !breaks_clause(d, i))
		s = i - 1;
	else if (ck_is_any(d, i, state) &&
		 (i + 1 >= d->ntok || breaks_clause(d, i + 1) || (d->tok[i + 1].gap & CK_G_LINE) ||
		  /* or "and" going on: "are done and signed off", "is 80%
		   * complete and the rest is in the aft tank" (not
		   * "completed", an event told: "the storage migration has
		   * since been completed and the platform is stable") */
		  (ck_is(d, i + 1, "and") && !ck_is(d, i, "completed")))) {
		s = i;
		size_t p = i - 1;
		if (!breaks_clause(d, i) && !(d->tok[i].gap & CK_G_LINE) && ck_is_any(d, p, part) && p > 0 &&
		    !breaks_clause(d, p))
			p--;
		if (breaks_clause(d, i) || (d->tok[i].gap & CK_G_LINE)) {
			/* "Reduction: complete", or the word alone on its line */
			if (!(d->tok[i].clause_ch == ':' || (d->tok[i].gap & (CK_G_SENT | CK_G_LINE))))
				return false;
		} else if (!breaks_clause(d, p + 1) && (ck_is_any(d, p, be) || d->tok[p].type == CK_NUM ||
							 ck_is(d, p, "half"))) {
			s = p;
		} else {
			/* a verbless work item: one to four words opening its
			 * line or sentence, none a pronoun, a stopword or a verb
			 * we know */
			size_t f = clause_back(d, i, 5);
			if (!(d->tok[f].gap & (CK_G_SENT | CK_G_LINE | CK_G_PARA)) || i - f < 1 || i - f > 4)
				return false;
			for (size_t k = f; k < i; k++)
				if ((d->tok[k].type != CK_WORD && d->tok[k].type != CK_NUM) || ck_has(d, k, L_STOPWORD) ||
				    ck_has(d, k, L_ACTION) || first_person(d, k) || is_second_person(d, k))
					return false;
			s = f;
		}
	} else
		return false;
	for (size_t k = clause_back(d, s, 16); k < i; k++)
		if (ck_is_any(d, k, cond) || ck_has(d, k, L_NEGATION) || ck_is(d, k, "nothing") ||
		    is_second_person(d, k) || ck_has(d, k, L_FAULT_NOUN) || ck_has(d, k, L_HARM))
			return false;
	*a = s;
	*b = i + 1;
	return true;
}

/* The work one of ours has done, told in the present perfect after
 * "has/have" at token v-1: an optional "now/already/also/just/since" ("our
 * workshop has since replaced the hose"), then ("re-" before it or not) a
 * past form that is no admitting verb nor harm participle and has no
 * fault marker in the three words after it ("has copied the stuck
 * orders", "have relaid the slabs"; not "has lost", "has sent the wrong
 * file"). Returns the token after the verb, or 0. */
static size_t done_after(const struct ck_doc *d, size_t v)
{
	if (v < d->ntok && !breaks_clause(d, v) &&
	    (ck_is(d, v, "now") || ck_is(d, v, "already") || ck_is(d, v, "also") || ck_is(d, v, "just") ||
	     ck_is(d, v, "since")))
		v++;
	/* a verb redone, hyphenated: "has re-made", "has now re-entered" */
	if (v < d->ntok && !breaks_clause(d, v))
		v = past_re(d, v, d->ntok);
	if (v >= d->ntok || breaks_clause(d, v) || d->tok[v].type != CK_WORD || d->tok[v].nlen < 4 ||
	    !past_form(d, v) || ck_has(d, v, L_OWN_VERB) || ck_has(d, v, L_PARTICIPLE) || ck_has(d, v, L_HARM))
		return 0;
	/* "shipped the wrong boards" narrates the failure; "replaced the
	 * faulty dimmer" mends it: a fault marker after a verb of mending
	 * names what was mended (dev sets holdout20-381) */
	static const char *const mend[] = {"replaced", "repaired", "removed", "fixed", "corrected", "rebuilt",
		"refitted", "reworked", "rewired", "recalled", "withdrew", NULL};
	if (!ck_is_any(d, v, mend))
		for (size_t q = v + 1; q < d->ntok && q <= v + 3 && !breaks_clause(d, q); q++)
			if (ck_has(d, q, L_FAULT))
				return 0;
	return v + 1;
}

/* "Rob replaced the fulcrum on Tuesday": named_doer's name at token i
 * told with work in the simple past — an action verb (action_verbs.txt)
 * in a past form right after it, the name no plural-looking word in -s
 * ("Orders placed …", "Lessons learned") nor in -ing ("Having
 * reviewed"), not "Rest" of "Rest assured", and no title before it (Mr,
 * Mrs, Ms, Miss, Dr: as often the client's person, "Mr Tate stepped
 * in"). Any past form took 33 false "missing" away on the dev sets but
 * 10 true ones; this, 10 and none. */
/* Token i can be one of ours by first name before a verb (named_did,
 * named_will): three letters or more, not plural-looking in -s ("Orders
 * placed", "Classes will run"), and no title before it (Mr, Mrs, Ms,
 * Miss, Dr: as often the client's person). */
static bool plain_first_name(const struct ck_doc *d, size_t i)
{
	static const char *const title[] = {"mr", "mrs", "ms", "miss", "dr", NULL};
	const struct ck_tok *t = &d->tok[i];
	return t->nlen >= 3 && d->norm[t->norm + t->nlen - 1] != 's' && !(i > 0 && ck_is_any(d, i - 1, title));
}

static bool named_did(const struct ck_doc *d, size_t i)
{
	const struct ck_tok *t = &d->tok[i];
	const char *w = d->norm + t->norm;
	return past_form(d, i + 1) && d->tok[i + 1].nlen >= 4 && ck_has(d, i + 1, L_ACTION) && plain_first_name(d, i) &&
	       !(t->nlen > 4 && memcmp(w + t->nlen - 3, "ing", 3) == 0) && !ck_is(d, i, "rest");
}

/* "Kevin will spray it", "Gaz will refit the cloth": named_doer's name
 * at token i, "will" and a verb of work — a word that is no stopword,
 * negation or adverb, nor a word of telling (call, phone, write,
 * update…: the next message, not the work); not a plural-looking name
 * in -s ("Classes will run"). Dev sets holdout20-365: in the messages
 * whose action was marked present but not found, 18 such sentences; in
 * those whose action was rightly found missing, 1. */
static bool named_will(const struct ck_doc *d, size_t i)
{
	static const char *const tell[] = {"call", "phone", "ring", "email", "e-mail", "text", "write", "send",
		"update", "contact", "confirm", "let", "keep", "talk", "speak", "reply", "get", "be", "need",
		"want", "try", "have", "also", "still", NULL};
	if (!ck_is(d, i + 1, "will") || breaks_clause(d, i + 2) || d->tok[i + 2].type != CK_WORD ||
	    !plain_first_name(d, i))
		return false;
	return !ck_has(d, i + 2, L_STOPWORD) && !ck_has(d, i + 2, L_NEGATION) && !is_adverb(d, i + 2) &&
	       !ck_is_any(d, i + 2, tell);
}

/* A word of named_doer's state list that tells work after all: "Aoife is
 * working through the list", "working on it", "Gaz is coming back
 * tomorrow" (dev sets holdout20-365: 4 of 4 in messages whose action was
 * marked present). Token k is the word. */
static bool state_word_at_work(const struct ck_doc *d, size_t k)
{
	if (k + 1 >= d->ntok || breaks_clause(d, k + 1))
		return false;
	return (ck_is(d, k, "working") && (ck_is(d, k + 1, "on") || ck_is(d, k + 1, "through"))) ||
	       (ck_is(d, k, "coming") && ck_is(d, k + 1, "back"));
}

/* "Kasia has fitted them", "Hannah has started work on the slide",
 * "Helen has re-run the export", "Jodie is re-briefing the crew": one of
 * ours named by a first name alone, told as the subject of work done or
 * going on — a capitalised word (no capitals after the first; not a
 * stopword, time word, vendor, audience or team noun, nor everything,
 * nothing, work…; it may open its sentence, as a name often does), then
 * "has" and a past form as done_after reads it, or "is" and work in -ing
 * as doing_after reads it (not a thing's state: working, running,
 * ongoing…). Neither reads past a negation. Not asked, and not a company
 * acting on "its" things. Token i is the name; [*a, *b) the span. */
static bool named_doer(const struct ck_doc *d, size_t i, size_t *a, size_t *b)
{
	/* "has" or "is" after it first, or a past form (named_did): most
	 * capitalised words have none of them */
	if (i + 2 >= d->ntok || breaks_clause(d, i + 1))
		return false;
	bool did = false, will = false;
	if (!(ck_is(d, i + 1, "has") || ck_is(d, i + 1, "is"))) {
		if (named_did(d, i))
			did = true;
		else if (named_will(d, i))
			will = true;
		else
			return false;
	}
	const struct ck_tok *t = &d->tok[i];
	if ((t->flags & (CK_TF_MIXED | CK_TF_HEAD)) || t->nlen < 3 || !one_capital(d, i) ||
	    ck_has(d, i, L_STOPWORD) || ck_has(d, i, L_TIME_WORD) || ck_has(d, i, L_VENDOR) ||
	    ck_has(d, i, L_AUDIENCE) || ck_has(d, i, L_TEAM) || is_question(d, i))
		return false;
	/* not the indefinite pronouns, nor a thing's state ("Everything is
	 * working normally", "Work is ongoing", "Nova is eating again") */
	static const char *const anyone[] = {"everything", "nothing", "something", "anything", "everyone",
		"everybody", "someone", "somebody", "nobody", "work", NULL};
	static const char *const state[] = {"working", "running", "functioning", "operating", "ongoing", "eating",
		"performing", "behaving", "trading", "flowing", "loading", "looking", "coming", "doing", NULL};
	if (ck_is_any(d, i, anyone))
		return false;
	/* not "'s" after it: "Sunday's outing"; a verb redone, hyphenated:
	 * "is re-briefing" */
	size_t e = will			  ? i + 3
		   : did		  ? done_after(d, i + 1)
		   : ck_is(d, i + 1, "has") ? done_after(d, i + 2)
					  : doing_after(d, past_re(d, i + 2, d->ntok));
	if (!e || (ck_is_any(d, e - 1, state) && !state_word_at_work(d, e - 1)))
		return false;
	/* a past form that only qualifies a plural or a thing, with its verb
	 * still to come in the clause: "Orders placed between 5 and 6am were
	 * held up" */
	static const char *const verb[] = {"is", "are", "was", "were", "has", "have", "had", "seem", "seems",
		NULL};
	if (did)
		for (size_t k = e; k < d->ntok && k < e + 12 && !breaks_clause(d, k); k++)
			if (ck_is_any(d, k, verb))
				return false;
	/* a company by its name acts on "its" things: "Authlane has since
	 * restored its service" */
	for (size_t k = e; k < d->ntok && k < e + 4 && !breaks_clause(d, k); k++)
		if (ck_is(d, k, "its"))
			return false;
	*a = i;
	*b = e;
	return true;
}

/* Token k makes a possessive: the "'s" split from "vendor's" (text.c), or
 * a plural's "carriers'". The team after it is someone else's. */
static bool possessive(const struct ck_doc *d, size_t k)
{
	const struct ck_tok *t = &d->tok[k];
	return ck_is(d, k, "'s") || (t->nlen > 1 && d->norm[t->norm + t->nlen - 1] == '\'');
}

/* One of ours named by any noun, not a team's: "our customs broker has
 * filed the paperwork", "our Leeds depot has re-sent the order" — "our"
 * or "my" two to four tokens before token i (one to three words of the
 * subject between, in its clause, none of them a stopword: "our team
 * should have cleared the drains" admits, it does not act).
 * team_doing then asks what it does or has done, as for a team. */
static bool our_noun_before(const struct ck_doc *d, size_t i)
{
	for (size_t det = i - 1; det > 0 && i - det <= 3; det--) {
		if (breaks_clause(d, det) || d->tok[det].type != CK_WORD || ck_has(d, det, L_STOPWORD))
			return false;
		if (ck_is(d, det - 1, "our") || ck_is(d, det - 1, "my"))
			return true;
	}
	return false;
}

/* "Our crew is replacing the cable", "the team is restoring the orders",
 * "our database engineers are rebuilding the index": one of ours (a team
 * noun after "our", "my" or "the", with at most two words between, or any
 * noun after "our" or "my": our_noun_before; or a plural team opening its
 * clause) doing
 * the work now, as progressive_at tells it for "we"; or having done it,
 * "our ordering team has copied the orders into the schedule"
 * (done_after). Token i is "is", "are", "has" or "have"; [*a, *b) the
 * span. */
static bool team_doing(const struct ck_doc *d, size_t i, size_t *a, size_t *b)
{
	bool perfect = ck_is(d, i, "has") || ck_is(d, i, "have");
	/* one of ours by role and name, set off by commas: "our technician,
	 * Rui, has fitted it", "Our conservator, Hannah Vos, is assessing
	 * both slides" (ours_by_name: the role noun s, the name, then i) */
	if (i >= 3 && d->tok[i].clause_ch == ',' && !is_question(d, i))
		for (size_t s = i - 2; s + 4 >= i && s > 0; s--)
			if (ours_by_name(d, s, i)) {
				size_t e = perfect ? done_after(d, i + 1) : doing_after(d, i + 1);
				if (!e)
					return false;
				*a = ck_is(d, s - 1, "our") || ck_is(d, s - 1, "my") ? s - 1 : s - 2;
				*b = e;
				return true;
			}
	if (i < 2 || !(ck_has(d, i - 1, L_TEAM) || our_noun_before(d, i)))
		return false;
	if (!(perfect || ck_is(d, i, "is") || ck_is(d, i, "are")) || is_question(d, i) || breaks_clause(d, i) ||
	    first_person(d, i - 1))
		return false;
	size_t det = i - 2;
	/* a plural team with no determiner, opening its clause: "engineers
	 * are fitting it this week" */
	if (ck_has(d, i - 1, L_TEAM) && (breaks_clause(d, i - 1) || ck_is(d, det, "and")) &&
	    d->tok[i - 1].nlen > 3 && d->norm[d->tok[i - 1].norm + d->tok[i - 1].nlen - 1] == 's')
		det = i - 1;
	else
		for (unsigned w = 0; !(ck_is(d, det, "our") || ck_is(d, det, "my") || ck_is(d, det, "the")); w++) {
			/* two words of the subject between at most: "our
			 * mortgage servicing team has raised the refund" */
			if (w == 2 || det == 0 || breaks_clause(d, det) || d->tok[det].type != CK_WORD ||
			    possessive(d, det))
				return false;
			det--;
		}
	size_t e;
	if (breaks_clause(d, det + 1) || !(e = perfect ? done_after(d, i + 1) : doing_after(d, i + 1)))
		return false;
	*a = det;
	*b = e;
	return true;
}

/* "I have asked our warehouse lead to recount every pallet", "we've told
 * the carrier to hold the pallets": work of ours done through someone we
 * asked — "we" or "I", (have,) asked, told or instructed, someone not the
 * client, then "to" and a verb within five tokens in the clause. Token i
 * is the pronoun; [*a, *b) the span. */
static bool asked_to(const struct ck_doc *d, size_t i, size_t *a, size_t *b)
{
	static const char *const asked[] = {"asked", "told", "instructed", "briefed", NULL};
	if (!first_person(d, i) || is_question(d, i))
		return false;
	size_t v = i + 1;
	if (v < d->ntok && !breaks_clause(d, v) && (ck_is(d, v, "have") || ck_is(d, v, "had")))
		v++;
	if (v >= d->ntok || breaks_clause(d, v) || !ck_is_any(d, v, asked) || v + 1 >= d->ntok ||
	    breaks_clause(d, v + 1) || is_second_person(d, v + 1) || ck_has(d, v + 1, L_AUDIENCE) ||
	    ck_is(d, v + 1, "to"))
		return false;
	for (size_t q = v + 2; q < d->ntok && q <= v + 6 && !breaks_clause(d, q); q++)
		if (ck_is(d, q, "to") && q + 1 < d->ntok && !breaks_clause(d, q + 1) && d->tok[q + 1].type == CK_WORD) {
			*a = i;
			*b = q + 2;
			return true;
		}
	return false;
}

/* "We're having the generator serviced this week", "we've had the stove
 * checked", "we should have the cars in the queue cleared by noon": work
 * of ours done through someone else, told by what is done to the thing —
 * "we" or "I", at most two of 've/'re/'ll/have/are/will/should and an
 * adverb, then had, having, have, get or got, a determiner, and a past
 * form in -ed (or done) at most six tokens on in the clause that admits
 * no fault (ownership_verbs.txt; no "wrong" or "incorrect" before it).
 * Not negated ("we had not had the panel inspected": "not" is none of
 * those words), not asked. Token i is the pronoun; [*a, *b) the span. */
static bool had_it_done(const struct ck_doc *d, size_t i, size_t *a, size_t *b)
{
	static const char *const aux[] = {"'ve", "'re", "'ll", "have", "are", "will", "should", "also", "now",
		"just", "already", NULL};
	static const char *const cause[] = {"had", "having", "have", "get", "got", "getting", NULL};
	static const char *const det[] = {"the", "your", "a", "an", "all", "every", "each", "both", "our", "it",
		"them", "its", "their", NULL};
	if (!first_person(d, i) || is_question(d, i))
		return false;
	size_t v = i + 1;
	while (v < d->ntok && v <= i + 2 && !breaks_clause(d, v) && ck_is_any(d, v, aux) &&
	       !(ck_is(d, v, "have") && v + 1 < d->ntok && ck_is_any(d, v + 1, det)))
		v++;
	if (v + 2 >= d->ntok || breaks_clause(d, v) || !ck_is_any(d, v, cause) || breaks_clause(d, v + 1) ||
	    !ck_is_any(d, v + 1, det))
		return false;
	for (size_t q = v + 2; q < d->ntok && q <= v + 7 && !breaks_clause(d, q); q++) {
		/* "we had the wrong date saved" tells a mistake */
		if (ck_is(d, q, "wrong") || ck_is(d, q, "incorrect"))
			return false;
		if (d->tok[q].type == CK_WORD && (ends_ed(d, q, 4) || ck_is(d, q, "done")) && !ck_has(d, q, L_OWN_VERB)) {
			*a = i;
			*b = q + 1;
			return true;
		}
	}
	return false;
}

/* "Cardiff is next and will be done by 16:00", "the rest will be printed
 * by Wednesday": work of ours told by its object, "will be" and a
 * participle (in -ed, or done) then "by" and no agent of its own ("will
 * be checked by your auditor" names another's work). Token i is "will";
 * [*a, *b) the span. */
static bool planned_work(const struct ck_doc *d, size_t i, size_t *a, size_t *b)
{
	static const char *const agent[] = {"your", "you", "the", "a", "an", "their", "them", NULL};
	if (!ck_is(d, i, "will") || is_question(d, i) || breaks_clause(d, i + 1) || !ck_is(d, i + 1, "be") ||
	    breaks_clause(d, i + 2) || breaks_clause(d, i + 3) || !ck_is(d, i + 3, "by"))
		return false;
	if (!ck_is(d, i + 2, "done") && !(d->tok[i + 2].type == CK_WORD && ends_ed(d, i + 2, 3)))
		return false;
	if (i + 4 >= d->ntok || breaks_clause(d, i + 4) || ck_is_any(d, i + 4, agent))
		return false;
	*a = i;
	*b = i + 4;
	return true;
}

/* "the phone bookings have been entered by our support team", "were
 * re-keyed by us": any verb in the passive with us as its agent is work
 * of ours, listed verb or not (action_at takes the listed ones). Token i
 * is "by" (two letters: the window scan passes it to here); a form of
 * "be" or "been" before the verb; not a verb of harm or of admitting
 * ("was deleted by us" tells the fault, not the remedy). */
static bool done_by_us(const struct ck_doc *d, size_t i, size_t *a, size_t *b)
{
	if (!ck_is(d, i, "by") || i < 3 || breaks_clause(d, i) || breaks_clause(d, i - 1) || i + 1 >= d->ntok ||
	    breaks_clause(d, i + 1) || is_question(d, i))
		return false;
	if (!(ck_is(d, i + 1, "our") || ck_is(d, i + 1, "us") || ck_is(d, i + 1, "me") || ck_is(d, i + 1, "my")))
		return false;
	/* a particle may follow the verb: "were keyed in by us" */
	size_t v = i - 1;
	if (v > 1 && (ck_is(d, v, "in") || ck_is(d, v, "up") || ck_is(d, v, "back") || ck_is(d, v, "out")) &&
	    !breaks_clause(d, v))
		v--;
	if (!past_form(d, v) || ck_has(d, v, L_OWN_VERB) || ck_has(d, v, L_PARTICIPLE) ||
	    !(ck_has(d, v - 1, L_BE_PAST) || ck_is(d, v - 1, "been") || ck_is(d, v - 1, "is") || ck_is(d, v - 1, "are")))
		return false;
	*a = v - 1;
	*b = i + 2;
	return true;
}

/* A team of ours named at token i (a team noun): "our team", "my
 * engineers", or with one word between that is no stopword ("our customs
 * team"). The token of "our" or "my", or SIZE_MAX when i is no such team. */
static size_t our_team_start(const struct ck_doc *d, size_t i)
{
	if (!ck_has(d, i, L_TEAM) || i == 0 || breaks_clause(d, i))
		return SIZE_MAX;
	size_t s = i - 1;
	if (ck_is(d, s, "our") || ck_is(d, s, "my"))
		return s;
	if (s == 0 || breaks_clause(d, s) || d->tok[s].type != CK_WORD || ck_has(d, s, L_STOPWORD))
		return SIZE_MAX;
	s--;
	return ck_is(d, s, "our") || ck_is(d, s, "my") ? s : SIZE_MAX;
}

/* we_did's verb group: the work told after token i (the subject, or the
 * "and" of a second verb group), as we_did reads it; the span from S. */
static bool did_from(const struct ck_doc *d, size_t s, size_t i, size_t *a, size_t *b)
{
	static const char *const not_work[] = {"learned", "noticed", "realised", "realized", "received",
		"apologised", "apologized", "regretted", "wanted", "needed", "liked", "hoped", "tried", "expected",
		"informed", "notified", "asked", "believed", "assumed", "promised", "planned", "intended",
		"talked", "agreed", "decided", "used", NULL};
	/* irregular participles past_form does not read: after have/has
	 * they can be nothing else ("has since gone through", "have
	 * relaid") */
	static const char *const participle[] = {"gone", "done", "redone", "taken", "retaken", "given", "written",
		"rewritten", "driven", "drawn", "redrawn", "shown", "begun", "laid", "relaid", "rebuilt", "swept",
		"dealt", "met", "run", "rerun", "spoken", NULL};
	/* irregular verbs of work, in the simple past or after have: "we
	 * laid the turf on Friday", "we've dug in new drainage", "we made the
	 * full 650 lb"; not "ran" and "cut", the admitting verb and the harm
	 * participle they also are, which the tests below refuse anyway (dev
	 * sets holdout20-349: 6 messages said to tell no action had one by
	 * their writers, none lost) */
	static const char *const work[] = {"laid", "relaid", "recut", "built", "rebuilt", "swept", "dug",
		"reran", "made", "remade", "rewrote", "hung", "rehung", "sewed", "sewn", "fed", "split", "redid",
		NULL};
	size_t v = i + 1;
	bool perfect = false;
	if (ck_is(d, v, "have") || ck_is(d, v, "has") || ck_is(d, v, "had")) {
		v++;
		perfect = true;
		/* one adverb that does not deny: "have since", "have
		 * nonetheless", "have quickly" */
		if (v < d->ntok && !breaks_clause(d, v) && (is_adverb_or_since(d, v) || ck_is(d, v, "nonetheless")) &&
		    !ck_is(d, v, "not") && !ck_is(d, v, "never"))
			v++;
	}
	if (v >= d->ntok || breaks_clause(d, v) || is_question(d, i))
		return false;
	/* "we stripped and cleaned every pump": a first verb that does not
	 * count (here a harm participle, our work on the thing) shares its
	 * subject with a second one right after "and" */
	for (int second = 0; second < 2; second++, v += 2) {
		/* a regular past form: the listed verbs, irregular ones among
		 * them, are action_at's already; after "have/has/had" an
		 * irregular form too ("we have held the same crew for you"),
		 * where no noun stands in for it */
		bool worked = v < d->ntok && ck_is_any(d, v, work);
		if (v >= d->ntok || breaks_clause(d, v) || d->tok[v].type != CK_WORD ||
		    (d->tok[v].nlen < 4 && !worked && !(perfect && ck_is_any(d, v, participle))) ||
		    (!ends_ed(d, v, 3) && !worked &&
		     !(perfect && (past_form(d, v) || ck_is_any(d, v, participle)))) ||
		    ck_has(d, v, L_OWN_VERB) ||
		    ck_has(d, v, L_PARTICIPLE) || ck_is_any(d, v, not_work)) {
			if (second || !past_form(d, v) || ck_has(d, v, L_OWN_VERB) || !ck_is(d, v + 1, "and") ||
			    breaks_clause(d, v + 1))
				return false;
			continue;
		}
		/* (and "we made a mistake", "we made an error": a fault noun
		 * after a verb of work is the fault) */
		for (size_t q = v + 1; q < d->ntok && q <= v + 3 && !breaks_clause(d, q); q++)
			if (ck_has(d, q, L_FAULT) || (worked && ck_has(d, q, L_FAULT_NOUN)))
				return false;
		*a = s;
		*b = v + 1;
		return true;
	}
	return false;
}

/* "We have rebooked every guest", "I've reissued the invoices", "we
 * re-keyed the orders on Monday", "our reception team has since gone
 * through every booking": work of ours told in the present perfect or
 * the past with any regular verb, listed or not — "we" or "I", then
 * have/has/had (and one adverb that does not deny: now, already, since,
 * nonetheless, quickly) or
 * nothing, or one of ours (a team noun after "our" or "my", at most one
 * word between) and have/has, then a past form in -ed (any past form or
 * irregular participle after have/has/had) that is no fault we admit (ownership_verbs.txt,
 * the harm participles), no verb of knowing, feeling or saying, and has
 * no fault marker right after it ("we used the wrong file" admits a
 * mistake). Not negated, not asked. Token i is the pronoun or the team
 * noun; [*a, *b) the span. */
static bool we_did(const struct ck_doc *d, size_t i, size_t *a, size_t *b)
{
	if (i + 1 >= d->ntok || breaks_clause(d, i + 1))
		return false;
	size_t s = i; /* the span's first token: the pronoun, or "our" before the team */
	/* one of ours in the simple past, as "we" is: "our roofer replaced
	 * the joint", "our team republished the timetables" (a regular verb
	 * right after the team, read below as after "we") */
	if (!first_person(d, i) &&
	    (!(ck_is(d, i + 1, "has") || ck_is(d, i + 1, "have") || ends_ed(d, i + 1, 3)) ||
	     (s = our_team_start(d, i)) == SIZE_MAX))
		return false;
	return did_from(d, s, i, a, b);
}

/* "We take full responsibility and have already collected them", "I
 * value your business and have passed your notes to the kitchen": a
 * second verb group, "and have", with work told as we_did reads it, whose
 * subject is the "we" or "I" before it: going back in the sentence (at
 * most 16 tokens), the first pronoun met is the first person ("have"
 * after "and" cannot take "he" or "she"; "you", "they" or a relative
 * pronoun met first is another subject). Token i is "and"; [*a, *b) the
 * span, from "have". */
static bool and_have_done(const struct ck_doc *d, size_t i, size_t *a, size_t *b)
{
	static const char *const other[] = {"you", "they", "it", "he", "she", "who", "which", "that", "there", NULL};
	if (i == 0 || i + 2 >= d->ntok || !ck_is(d, i, "and") || breaks_clause(d, i + 1) || !ck_is(d, i + 1, "have"))
		return false;
	for (size_t k = i; k > 0 && i - k < 16 && !(d->tok[k].gap & CK_G_SENT); k--) {
		if (first_person(d, k - 1))
			return did_from(d, i + 1, i, a, b);
		if (ck_is_any(d, k - 1, other))
			return false;
	}
	return false;
}

/* "Refunds for the duplicate charges went out this morning", "every
 * replacement has gone out", "the replacement consignment left our
 * Rotterdam cold store on Saturday", "a corrected version is attached": a
 * remedy sent, told by its object — a refund, credit, replacement,
 * voucher, or a corrected, revised or updated thing, at most six tokens
 * before "went/gone out", "left" and a determiner, or "is/are attached"
 * in its clause, no negation, if, once or when in the clause before it,
 * and not "went out late". Token i is "went", "gone", "left" or
 * "attached"; [*a, *b) the span. */
static bool remedy_went_out(const struct ck_doc *d, size_t i, size_t *a, size_t *b)
{
	static const char *const amended[] = {"corrected", "revised", "updated", NULL};
	static const char *const from[] = {"our", "the", "their", "its", NULL};
	if (i == 0 || is_question(d, i))
		return false;
	bool next = i + 1 < d->ntok && !breaks_clause(d, i + 1);
	bool out = next && (ck_is(d, i, "went") || ck_is(d, i, "gone")) && ck_is(d, i + 1, "out");
	bool left = next && ck_is(d, i, "left") && ck_is_any(d, i + 1, from);
	bool attached = ck_is(d, i, "attached") && !breaks_clause(d, i) && (ck_is(d, i - 1, "is") || ck_is(d, i - 1, "are"));
	if (!out && !left && !attached)
		return false;
	if (i + 2 < d->ntok && !breaks_clause(d, i + 2) && ck_is(d, i + 2, "late"))
		return false; /* "went out late" tells a fault */
	size_t r = SIZE_MAX;
	for (size_t k = i; k > 0 && i - k < 6 && !breaks_clause(d, k) && r == SIZE_MAX; k--)
		if (ck_is_any(d, k - 1, remedy_nouns) || ck_is_any(d, k - 1, amended))
			r = k - 1;
	if (r == SIZE_MAX)
		return false;
	for (size_t k = clause_back(d, r, 6); k < i; k++)
		if (ck_has(d, k, L_NEGATION) || ck_is(d, k, "if") || ck_is(d, k, "once") || ck_is(d, k, "when"))
			return false;
	*a = r;
	*b = attached ? i + 1 : i + 2;
	return true;
}

/* "Our customs team continues to chase the release daily", "we continue
 * to re-test every unit": work going on now told with "continue(s) to"
 * (or "is/are continuing to") and any verb, as "is chasing" is — the
 * subject "we/I", or a team noun after "our" or "my" (one word may stand
 * between). Not a state or a wish (be, have, wait, hope, expect, see,
 * feel), nor the telling that is the next update's (update, inform,
 * keep, post, send, write, report). Token i is the subject; [*a, *b)
 * the span. */
static bool continues_work(const struct ck_doc *d, size_t i, size_t *a, size_t *b)
{
	static const char *const idle[] = {"be", "have", "wait", "hope", "expect", "see", "feel", "update",
		"inform", "keep", "post", "send", "write", "report", "believe", "think", NULL};
	size_t s = i;
	if (!first_person(d, i) && (s = our_team_start(d, i)) == SIZE_MAX)
		return false;
	size_t v = i + 1;
	if (v < d->ntok && (ck_is(d, v, "is") || ck_is(d, v, "are")) && !breaks_clause(d, v))
		v++;
	if (v + 2 >= d->ntok || breaks_clause(d, v) || breaks_clause(d, v + 1) || breaks_clause(d, v + 2) ||
	    !(ck_is(d, v, "continue") || ck_is(d, v, "continues") || ck_is(d, v, "continuing")) ||
	    (ck_is(d, v, "continuing") && v == i + 1) || !ck_is(d, v + 1, "to") || d->tok[v + 2].type != CK_WORD ||
	    ck_is_any(d, v + 2, idle) || is_question(d, i))
		return false;
	*a = s;
	*b = v + 3;
	return true;
}

/* The subject of the passive whose "was/were" is token f, up to four
 * tokens before it in its clause, is a remedy or the affected things:
 * "replacement stock was dispatched on 12 November", "a credit of £340
 * was applied to the account", "affected orders were re-dispatched" —
 * what was done for the client, whatever the verb. */
static bool remedy_subject(const struct ck_doc *d, size_t f)
{
	static const char *const done_for[] = {"compensation", "affected", "corrected", NULL};
	for (size_t k = f; k > 0 && f - k < 4 && !breaks_clause(d, k); k--)
		if (ck_is_any(d, k - 1, remedy_nouns) || ck_is_any(d, k - 1, done_for))
			return true;
	return false;
}

/* "The replacement frames were delivered this morning", "all queued
 * alerts have now been delivered": the remedy reached the client, told
 * in the passive — "delivered" (token i) after "has/have been" (one
 * adverb may stand on either side of "been": "have now been", "have all
 * been"), or after "was/were" when its subject is a remedy
 * (remedy_subject) or the clause after it says this morning, this
 * afternoon, this evening, today, yesterday or "back" ("your rug was
 * delivered back to you"). Not asked, not negated, not a condition
 * ("once it is delivered"), and no fault marker in the six tokens
 * before it or "wrong", "without", "late", "short", "damaged",
 * "instead" or "incorrectly" in the clause after ("was delivered to the
 * wrong address"). "delivered" is no action verb (action_verbs.txt): "we
 * delivered the wrong stone" tells the fault. Dev sets holdout20-389: 10
 * false "missing" taken away, 1 true one lost. */
static bool delivered_done(const struct ck_doc *d, size_t i, size_t *a, size_t *b)
{
	static const char *const adv[] = {"now", "already", "all", "fully", "finally", "safely", "just", "since", NULL};
	static const char *const recent[] = {"today", "yesterday", "back", NULL};
	static const char *const part[] = {"morning", "afternoon", "evening", NULL};
	static const char *const spoilt[] = {"wrong", "without", "late", "short", "damaged", "instead", "incorrectly",
		NULL};
	if (!ck_is(d, i, "delivered") || i < 2 || breaks_clause(d, i) || is_question(d, i))
		return false;
	size_t v = i - 1;
	if (ck_is_any(d, v, adv) && v > 1 && !breaks_clause(d, v))
		v--;
	bool perfect = false;
	if (ck_is(d, v, "been") && v > 1 && !breaks_clause(d, v)) {
		size_t h = v - 1;
		if (ck_is_any(d, h, adv) && h > 1 && !breaks_clause(d, h))
			h--;
		if (!(ck_is(d, h, "has") || ck_is(d, h, "have")))
			return false;
		perfect = true;
		v = h;
	} else if (!(ck_is(d, v, "was") || ck_is(d, v, "were")))
		return false;
	bool recently = perfect || remedy_subject(d, v);
	for (size_t k = i + 1; k < d->ntok && k <= i + 10 && !breaks_clause(d, k); k++) {
		if (ck_is_any(d, k, spoilt) || ck_has(d, k, L_FAULT))
			return false;
		if (ck_is_any(d, k, recent) || (ck_is_any(d, k, part) && ck_is(d, k - 1, "this")))
			recently = true;
	}
	if (!recently)
		return false;
	for (size_t k = clause_back(d, v, 32); k < v; k++)
		if (ck_has(d, k, L_NEGATION) || ck_is(d, k, "no") || ck_is(d, k, "none") || ck_is(d, k, "nothing") ||
		    ck_is_any(d, k, not_yet) || (k + 6 >= v && ck_has(d, k, L_FAULT)))
			return false;
	*a = v;
	*b = i + 1;
	return true;
}

/* "The affected letters are being reissued this week", "supply was
 * restored by early afternoon": work told by its object in the passive,
 * as the present perfect passive is (action_at) — an action verb after
 * "is/are being", or one that mends (restored, repaired, rebuilt,
 * refunded…) after "was/were". Not negated in its clause, not a harm
 * (ownership_verbs.txt, the harm participles), no fault marker in the
 * six tokens before it unless the verb mends ("the broken panels are
 * being replaced"), no "without" or fault marker in the four after ("the
 * file was resent to the wrong office"), and no agent but us: "by" and the
 * client, a determiner or a capitalised name that is no time word ("were
 * restored by the partner"; "by early afternoon", "by the weekend", "by
 * hand" are no agents). Work done is told as a state too, "is" or "are"
 * and a past form ("the new nut is fitted", "160 of the 240 are built"):
 * not of a fault or a harm ("the issue is resolved" claims, it tells no
 * work), not a routine ("every razor is tested", "is checked weekly"),
 * not a condition ("until it is handed to the carrier"), and not
 * "prepared" or "reminded" (dev sets holdout20-389: 15 false "missing"
 * taken away, no true one). Token i is the verb; [*a, *b) the span. */
static bool passive_work(const struct ck_doc *d, size_t i, size_t *a, size_t *b)
{
	static const char *const mended[] = {"restored", "fixed", "repaired", "corrected", "replaced", "rebuilt",
		"reissued", "resent", "refunded", "credited", "recovered", "reprocessed", "rebooked", "patched",
		"restarted", "reset", "cleared", "reinstated", NULL};
	static const char *const det[] = {"the", "a", "an", "their", "its", "his", "her", NULL};
	if (!ck_has(d, i, L_ACTION) || i < 2 || breaks_clause(d, i) || breaks_clause(d, i - 1))
		return false;
	size_t f;
	if (ck_is(d, i - 1, "being") && (ck_is(d, i - 2, "is") || ck_is(d, i - 2, "are")))
		f = i - 2;
	else if (ck_is(d, i - 1, "be") && ck_is(d, i - 2, "will") && !breaks_clause(d, i - 2)) {
		/* "affected shipments will be inspected"; not a routine to
		 * come, "the backup route will be tested every month" (a
		 * prevention) */
		for (size_t k = i + 1; k < d->ntok && k <= i + 8 && !breaks_clause(d, k); k++)
			if (frequency_at(d, k))
				return false;
		f = i - 2;
	} else if ((ck_is(d, i - 1, "was") || ck_is(d, i - 1, "were")) &&
		   (ck_is_any(d, i, mended) || remedy_subject(d, i - 1)))
		f = i - 1;
	else if ((ck_is(d, i - 1, "is") || ck_is(d, i - 1, "are")) && past_form(d, i) &&
		 !ck_is(d, i, "prepared") && !ck_is(d, i, "reminded")) {
		for (size_t k = i + 1; k < d->ntok && k <= i + 8 && !breaks_clause(d, k); k++)
			if (frequency_at(d, k))
				return false;
		for (size_t k = clause_back(d, i - 1, 8); k < i - 1; k++)
			if (ck_has(d, k, L_FAULT_NOUN) || ck_has(d, k, L_HARM) || ck_is(d, k, "every") ||
			    ck_is(d, k, "each") || ck_is_any(d, k, not_yet))
				return false;
		f = i - 1;
	} else
		return false;
	if (ck_has(d, i, L_OWN_VERB) || ck_has(d, i, L_PARTICIPLE) || is_question(d, i))
		return false;
	for (size_t k = clause_back(d, i, 32); k < i; k++)
		if (ck_has(d, k, L_NEGATION) || ck_is(d, k, "no") || ck_is(d, k, "none") || ck_is(d, k, "nothing") ||
		    (k + 6 >= i && ck_has(d, k, L_FAULT) && !ck_is_any(d, i, mended) && !ck_is_any(d, i, mend_verbs)))
			return false;
	for (size_t k = i + 1; k < d->ntok && k <= i + 4 && !breaks_clause(d, k); k++)
		if (ck_has(d, k, L_FAULT) || ck_is(d, k, "without"))
			return false;
	if (i + 2 < d->ntok && ck_is(d, i + 1, "by") && !breaks_clause(d, i + 1) && !breaks_clause(d, i + 2)) {
		size_t g = i + 2;
		if (is_second_person(d, g))
			return false;
		if (ck_is_any(d, g, det) && g + 1 < d->ntok && !breaks_clause(d, g + 1) && !ck_has(d, g + 1, L_TIME_WORD))
			return false;
		if ((d->tok[g].flags & CK_TF_CAP) && !ck_has(d, g, L_TIME_WORD) && !ck_is_any(d, g, det))
			return false;
	}
	*a = f;
	*b = i + 1;
	return true;
}

/* "The remaining 450 we sort by hand now", "our team also calls your
 * biggest customers today": work going on told in the simple present,
 * as "we are sorting" is — we or I, or a team of ours (our_team_start)
 * with the verb in -s, then one adverb at most (also, now, still, then),
 * a verb in neither -ed nor -ing that is no auxiliary, modal, stopword or
 * verb of knowing, feeling, wishing or saying, and "now", "today",
 * "tonight" or "this morning/afternoon/evening" at most eight tokens on
 * in its clause. Token i is the subject; [*a, *b) the span. */
static bool present_work(const struct ck_doc *d, size_t i, size_t *a, size_t *b)
{
	static const char *const idle[] = {"apologise", "apologize", "know", "understand", "believe", "think",
		"hope", "expect", "need", "want", "feel", "see", "regret", "appreciate", "value", "thank", "accept",
		"recognise", "recognize", "remain", "realise", "realize", "agree", "owe", "promise", "aim", "plan",
		"intend", "wish", "mean", "take", "say", "tell", "write", "send", "update", "look", "wait",
		"get", "go", "come", "like", "love", "sincerely", "truly", "deeply", "really", "fully", "going",
		"doing", "being", "having", NULL};
	static const char *const adv[] = {"also", "now", "still", "then", NULL};
	size_t s = i;
	bool team = false;
	if (!first_person(d, i)) {
		if ((s = our_team_start(d, i)) == SIZE_MAX)
			return false;
		team = true;
	}
	size_t v = i + 1;
	if (v < d->ntok && !breaks_clause(d, v) && ck_is_any(d, v, adv))
		v++;
	if (v >= d->ntok || breaks_clause(d, v) || d->tok[v].type != CK_WORD || d->tok[v].nlen < 3 ||
	    ck_has(d, v, L_STOPWORD) || ck_has(d, v, L_NEGATION) || ck_is_any(d, v, idle) || is_question(d, i))
		return false;
	const char *w = ck_norm(d, v);
	size_t n = d->tok[v].nlen;
	if (ends_ed(d, v, 2) || (n > 5 && !strcmp(w + n - 3, "ing")) || past_form(d, v) || (team && w[n - 1] != 's') ||
	    (!team && w[n - 1] == 's'))
		return false;
	if (team) {
		/* the verb's idle test on its stem: "calls" -> no match needed,
		 * "thanks", "hopes" are idle */
		static const char *const idle_s[] = {"thanks", "hopes", "knows", "feels", "sees", "regrets",
			"apologises", "apologizes", "believes", "thinks", "expects", "needs", "wants", "remains",
			"says", "tells", "writes", "sends", "updates", "looks", "waits", "takes", "gets", "goes",
			"comes", "likes", "means", "owes", "is", "has", "does", "was", NULL};
		if (ck_is_any(d, v, idle_s))
			return false;
	}
	for (size_t q = v + 1, e = clause_fwd(d, v, 9); q < e; q++)
		if (ck_is(d, q, "now") || ck_is(d, q, "today") || ck_is(d, q, "tonight") ||
		    (ck_is(d, q, "this") && q + 1 < e &&
		     (ck_is(d, q + 1, "morning") || ck_is(d, q + 1, "afternoon") || ck_is(d, q + 1, "evening")))) {
			*a = s;
			*b = v + 1;
			return true;
		}
	return false;
}

/* The phrase (hit x) is denied in its clause before it, at most six
 * tokens back: "no work is under way yet", "nothing is working again". */
static bool phrase_denied(const struct ck_doc *d, const struct ck_hit *x)
{
	for (size_t k = clause_back(d, x->first, 6); k < x->first; k++)
		if (ck_has(d, k, L_NEGATION) || ck_is(d, k, "no") || ck_is(d, k, "nothing") || ck_is(d, k, "none"))
			return true;
	return false;
}

/* Contact phrase x names a role of ours and no one in it: "please contact
 * your account manager.", "Your relationship manager will be in touch in
 * due course." — the role (manager, executive or director) and nothing
 * after it in its sentence that names the person or a way to reach them:
 * no capitalised word, number, address or placeholder ("your account
 * manager, Raj Patel, on 0330 555 0128" names one). Writers count the bare
 * role no way to reach anyone (every labelled set: 10 of 20 such messages
 * marked the contact missing, against 3 of 37 where a name followed). */
static bool role_unnamed(const struct ck_doc *d, const struct ck_hit *x)
{
	size_t l = x->last - 1;
	if (!(ck_is(d, l, "manager") || ck_is(d, l, "executive") || ck_is(d, l, "director")))
		return false;
	size_t se = d->sent[d->tok[l].sent].last;
	for (size_t k = x->last; k < se; k++)
		if (d->tok[k].type != CK_WORD || (d->tok[k].flags & CK_TF_CAP))
			return false;
	/* a placeholder for the name: "{{account_manager}}", "<name>",
	 * "[NAME]" */
	for (size_t b = d->tok[l].end, e = d->tok[se - 1].end; b < e; b++)
		if (d->text[b] == '{' || d->text[b] == '<' || d->text[b] == '[')
			return false;
	return true;
}

/* The time at token i is the one a placeholder replaces: denied in its
 * clause ("will not start on 30 November") or called old, original or
 * previous in the four tokens before it, a label's colon allowed between
 * ("Old date: Tuesday 24 November"). */
static bool superseded(const struct ck_doc *d, size_t i)
{
	static const char *const old[] = {"old", "original", "originally", "previous", "previously", NULL};
	size_t sf = d->sent[d->tok[i].sent].first;
	for (size_t q = i > sf + 4 ? i - 4 : sf; q < i; q++)
		if (ck_is_any(d, q, old))
			return true;
	for (size_t q = clause_back(d, i, 8); q < i; q++)
		if (ck_has(d, q, L_NEGATION))
			return true;
	return false;
}

/* The time at tokens [i, l) is the one a delay replaces, told in full:
 * called the old, original or previous date, time, day…, or previously or
 * originally anything, in the six tokens before it ("the reopening,
 * previously scheduled for 1 December, has been postponed"),
 * "was/were scheduled, planned, due or booked" up to six tokens before it ("which
 * was scheduled for Monday 23 November"), "from" right before it after a
 * verb of moving up to six tokens back ("has been moved from 1 December";
 * not "to": the new time), "than the" before it ("will take longer than
 * the Wednesday date I gave you"), or missed "as planned", "as promised",
 * "as scheduled" or "as agreed" right after it in a denied clause ("won't
 * finish this week as planned"). Not what a thing waits "until". */
static bool time_replaced(const struct ck_doc *d, size_t i, size_t l)
{
	static const char *const old[] = {"old", "original", "previous", NULL};
	static const char *const when[] = {"date", "time", "day", "deadline", "slot", "eta", "target", NULL};
	static const char *const planned[] = {"scheduled", "planned", "due", "booked", NULL};
	static const char *const moved[] = {"moved", "postponed", "pushed", "rescheduled", "delayed", "put", NULL};
	static const char *const kept[] = {"planned", "promised", "scheduled", "agreed", NULL};
	size_t sf = d->sent[d->tok[i].sent].first;
	if (i > sf && ck_is(d, i - 1, "until"))
		return false;
	for (size_t q = i > sf + 6 ? i - 6 : sf; q < i; q++) {
		/* "previously scheduled for", "Old date:"; not "refunded to
		 * the original card by Monday" */
		if (ck_is(d, q, "previously") || ck_is(d, q, "originally") || (ck_is_any(d, q, old) && ck_is_any(d, q + 1, when)))
			return true;
		if (q > sf && ck_is_any(d, q, planned) && (ck_is(d, q - 1, "was") || ck_is(d, q - 1, "were")))
			return true;
	}
	if (i > sf && ck_is(d, i - 1, "from"))
		for (size_t q = i > sf + 7 ? i - 7 : sf; q + 1 < i; q++)
			if (ck_is_any(d, q, moved))
				return true;
	if (i > sf + 1 && ck_is(d, i - 1, "the") && ck_is(d, i - 2, "than"))
		return true;
	if (l + 1 < d->ntok && !breaks_clause(d, l) && ck_is(d, l, "as") && ck_is_any(d, l + 1, kept))
		for (size_t q = clause_back(d, i, 12); q < i; q++)
			if (ck_has(d, q, L_NEGATION))
				return true;
	return false;
}

/* A placeholder standing where the fix's time should be: "The check will
 * go live on [DATE]", "The new start date is {{new_date}}", "Audit
 * complete by: TBD", "moves from 27 November to TBD". The writer meant to
 * give the time and did not, so another time in the message (the next
 * update's, the old date, "this week") is not it. A placeholder in
 * brackets or braces with a word of time in it (date, time, day, eta,
 * deadline), or an unfilled word (TBD, TBC, XXX…: unfilled_word) right
 * after by, on, until, to, is or date (a colon may stand between: "by:
 * TBD"); not in a sentence about the next update ("Next update: TBD",
 * "We will write again on {{next_update_date}}": update or next in the
 * twelve tokens before it or inside it) or in a clause about a call or a
 * note (told),
 * nor after a past verb in its clause, the day something happened
 * ("disappeared on {{incident_date}}"; "is scheduled for [DATE]" is still
 * to come). Asked only of a message with brackets, braces or unfilled
 * words (ck_doc.specials, c->nunf_word). */
static bool eta_placeholder(const struct ck_ctx *c)
{
	static const char *const time_word[] = {"date", "time", "day", "eta", "deadline", NULL};
	static const char *const cue[] = {"by", "on", "until", "to", "is", "date", NULL};
	static const char *const be[] = {"is", "are", "be", "been", "was", "were", NULL};
	/* the time of a call or a note about the work, not of the fix: "I
	 * will call you on [DATE]", "we'll confirm the running order by
	 * [DATE]", "We'll write again by [DATE]" */
	static const char *const told[] = {"call", "ring", "phone", "write", "confirm", "confirmation", "email",
		"contact", NULL};
	const char *s = D->text;
	for (size_t i = 0; i < D->ntok; i++) {
		const struct ck_tok *t = &D->tok[i];
		bool open = D->specials && t->start > 0 && (s[t->start - 1] == '[' || s[t->start - 1] == '{');
		bool word = !open && c->nunf_word && ((t->flags & CK_TF_ALLCAPS) || (t->nlen >= 3 && ck_norm(D, i)[0] == 'x')) &&
			    unfilled_word(D, i);
		if (!open && !word)
			continue;
		if (open) {
			/* a word of time before the placeholder closes: "[NEW DATE]";
			 * not the next update's own, named so inside it
			 * ("{{next_update_date}}") */
			bool named = false, next = false;
			for (size_t q = i; q < D->ntok && q < i + 4; q++) {
				named = named || ck_is_any(D, q, time_word);
				next = next || ck_is(D, q, "next") || ck_is(D, q, "update");
				char close = s[D->tok[q].end < D->len ? D->tok[q].end : D->len - 1];
				if (close == ']' || close == '}')
					break;
			}
			if (!named || next)
				continue;
		} else {
			/* the cue right before it, a colon between or none ("by: TBD") */
			bool colon = (t->gap & CK_G_CLAUSE) && !(t->gap & (CK_G_SENT | CK_G_LINE)) && t->clause_ch == ':';
			if ((breaks_clause(D, i) && !colon) || i == 0 || !ck_is_any(D, i - 1, cue))
				continue;
		}
		size_t sf = D->sent[t->sent].first, lo = i > sf + 12 ? i - 12 : sf, cb = clause_back(D, i, 8),
		       cw = clause_back(D, i - 1, 12);   /* from the cue: a bracket breaks the clause */
		bool skip = false;
		for (size_t q = lo; q < i && !skip; q++)
			skip = ck_is(D, q, "update") || ck_is(D, q, "updates") || ck_is(D, q, "next") ||
			       (q >= cb && past_verb(D, q) && !(q > 0 && ck_is_any(D, q - 1, be))) ||
			       (q >= cw && ck_is_any(D, q, told));
		if (!skip)
			return true;
	}
	return false;
}

/* The time at tokens [f, l) is a routine's whatever cue comes before it:
 * the time itself a frequency ("we will monitor the ride length daily"),
 * or a span counted from each event of a kind, "within" before it and
 * "of" right after with no determiner ("confirmed by phone within one
 * hour of booking", "alerts us within five minutes of losing its
 * connection"; "within two days of your go-ahead" counts from one event,
 * a time for the fix). */
static bool routine_span(const struct ck_doc *d, size_t f, size_t l)
{
	if (frequency_at(d, f))
		return true;
	return f > 0 && ck_is(d, f - 1, "within") && !breaks_clause(d, f) && l + 1 < d->ntok && ck_is(d, l, "of") &&
	       !breaks_clause(d, l) && !breaks_clause(d, l + 1) && !determiner(d, l + 1) && !ck_is(d, l + 1, "our") &&
	       !ck_is(d, l + 1, "this") && !ck_is(d, l + 1, "that");
}

/* The time at tokens [f, l) is a routine's, no time for the fix: a
 * frequency (frequency_at) at most three tokens after it in its clause
 * ("at 05:30 each morning", "by 9am every day"), or a count before it
 * that makes it a rate ("more than two identical emails in a day": "in
 * a/an" right before the time, "than" at most six tokens before that). */
static bool routine_time(const struct ck_doc *d, size_t f, size_t l)
{
	for (size_t k = l; k < d->ntok && k < l + 3 && !breaks_clause(d, k); k++)
		if (frequency_at(d, k))
			return true;
	if (f >= 2 && ck_is(d, f - 1, "in") && (ck_is(d, f, "a") || ck_is(d, f, "an")) && !breaks_clause(d, f - 1))
		for (size_t k = f - 1; k > 0 && f - 1 - k < 6 && !breaks_clause(d, k); k--)
			if (ck_is(d, k - 1, "than"))
				return true;
	return false;
}

/* The time at token f is the new one a thing was moved to, told with
 * "for" or "on": "we have rebooked you for Tuesday 1 December at
 * 10:40", "rescheduled the visit for Friday" — a verb of rebooking at
 * most five tokens before the preposition, in its clause. */
static bool rebooked_for(const struct ck_doc *d, size_t f)
{
	static const char *const moved[] = {"rebooked", "rescheduled", "rearranged", "moved", "postponed",
		"reorganised", "reorganized", NULL};
	if (f < 2 || !(ck_is(d, f - 1, "for") || ck_is(d, f - 1, "on")) || breaks_clause(d, f - 1))
		return false;
	for (size_t k = f - 1; k > 0 && f - 1 - k < 5 && !breaks_clause(d, k); k--)
		if (ck_is_any(d, k - 1, moved))
			return true;
	return false;
}

/* Tokens [f, l) are "today", "tonight" or "this week" told as when work
 * goes on, not as when the fix ends: after "as of" ("Status as of
 * today"), or in a clause with a form of "be" and a verb in -ing, or
 * "being", before it ("we're re-testing the floors this week", "the new
 * surface is being laid this week"; not "going to", and not with a word
 * of the work ending in the clause: finish, complete, done, ready, back,
 * restored, fixed, live). On the dev sets (holdout20-357) this made 19
 * more messages say they give no time for the fix, as their writers
 * said, and 3 wrongly (the next time in them was the next update's). */
static bool work_now_time(const struct ck_doc *d, size_t f, size_t l)
{
	static const char *const be[] = {"is", "are", "am", "'re", "'m", "'s", NULL};
	static const char *const ends[] = {"finish", "finished", "finishing", "complete", "completed", "done",
		"ready", "back", "restored", "fixed", "live", "resolved", NULL};
	if (!((l == f + 1 && (ck_is(d, f, "today") || ck_is(d, f, "tonight"))) ||
	      (l == f + 2 && ck_is(d, f, "this") && ck_is(d, f + 1, "week"))))
		return false;
	if (f >= 2 && ck_is(d, f - 1, "of") && ck_is(d, f - 2, "as"))
		return true;
	size_t from = clause_back(d, f, 14);
	for (size_t k = from; k < f; k++)
		if (ck_is_any(d, k, ends))
			return false;
	for (size_t k = from; k + 1 < f; k++) {
		if (!ck_is_any(d, k, be))
			continue;
		size_t v = k + 1;
		if (v + 1 < f && is_adverb(d, v))
			v++;
		if (ck_is(d, v, "being") || (ends_ing(d, v) && !ck_is(d, v, "going")))
			return true;
	}
	return false;
}

static void detect_time_role(struct ck_ctx *c, struct ck_elem_state *e, int role)
{
	if (!ck_ensure_items(c))
		return;
	/* with the fix's time left as a placeholder, only a time with an ETA
	 * cue in its own clause ("we expect the fix by Friday 17:00") is one,
	 * and not the time it replaces (superseded) */
	bool placeholder = role == ROLE_ETA && (D->specials || c->nunf_word) && eta_placeholder(c);
	for (size_t k = 0; k < c->items.n; k++) {
		if (c->role[k] != role || (placeholder && (!c->eta_claim[k] || superseded(D, c->items.v[k].first))))
			continue;
		const struct ck_item *it = &c->items.v[k];
		/* a date on a title line with no word of the fix there is the
		 * message's own ("## Referral link: progress, Monday 23
		 * November"), not a time for the fix */
		size_t lf, ll;
		if (role == ROLE_ETA && !c->eta_claim[k] && line_of(D, it->first, 64, &lf, &ll) && title_line(D, lf, ll))
			continue;
		/* the time a delay replaces, told as such (time_replaced) */
		if (role == ROLE_ETA && time_replaced(D, it->first, it->last))
			continue;
		/* a time in a routine: "a duty manager checks every route by
		 * hand at 05:30 each morning", "more than two emails in a day"
		 * (routine_time) */
		if (role == ROLE_ETA && ((!c->eta_claim[k] && routine_time(D, it->first, it->last)) ||
					 routine_span(D, it->first, it->last)))
			continue;
		/* the day or week the work goes on, not when it ends: "we're
		 * re-testing the floors this week", "our team is packing the
		 * remaining orders today", "Status as of today" (work_now_time) */
		if (role == ROLE_ETA && !c->eta_claim[k] && work_now_time(D, it->first, it->last))
			continue;
		/* the update's own date as its label: "Update 23/11: crews
		 * have now cleared …" */
		if (role == ROLE_ETA && !c->eta_claim[k] && it->first > 0 &&
		    (ck_is(D, it->first - 1, "update") || ck_is(D, it->first - 1, "updated")) &&
		    it->last < D->ntok && (D->tok[it->last].gap & CK_G_CLAUSE) && D->tok[it->last].clause_ch == ':')
			continue;
		/* a span joined by a hyphen to the noun it measures: "within
		 * the 30-minute window", "a two-hour slot" */
		if (role == ROLE_ETA && it->it.kind == RD_EXTRACT_DURATION && it->last > it->first &&
		    (D->tok[it->last - 1].flags & CK_TF_HYPH) && it->last < D->ntok && !breaks_clause(D, it->last) &&
		    D->tok[it->last].type == CK_WORD && !ck_has(D, it->last, L_STOPWORD))
			continue;
		/* a date ahead with no ETA cue in its clause, in a clause that
		 * narrates the past: "it showed the main hall as free on 5 and
		 * 6 December" is the date of what went wrong, not a time for
		 * the fix; a date a thing moved "to" or waits "until" still is
		 * one ("has moved from Saturday to Saturday 5 December"). Asked
		 * here, of the candidates in turn, not of every time in items_upto */
		if (role == ROLE_ETA && !c->eta_claim[k] && it->it.kind == RD_EXTRACT_INSTANT && it->first > 0 &&
		    !ck_is(D, it->first - 1, "to") && !ck_is(D, it->first - 1, "until") && !rebooked_for(D, it->first) &&
		    narrated_past(D, it->first))
			continue;
		if (role == ROLE_NEXT) {
			/* the cue and the time: report the sentence */
			const struct ck_sent *s = &D->sent[D->tok[it->first].sent];
			set_span(e, D, s->first, s->last);
		} else {
			set_span(e, D, it->first, it->last);
		}
		return;
	}
	/* "could be done by early December", "moved the launch to
	 * mid-December", "will now take place in January": a month with no
	 * day, which the extractor reads as no time, is the fix's time when
	 * a preposition of time (by, in, until, to, for) or early, mid or
	 * late comes right before it and its clause looks ahead (will, 'll,
	 * could, should, expect, aim, now) without narrating the past */
	if (role == ROLE_ETA && !placeholder)
		for (size_t i = 1; i < D->ntok; i++) {
			if (!ck_tok_month(D, i) || breaks_clause(D, i))
				continue;
			size_t p = i - 1;
			if ((ck_is(D, p, "early") || ck_is(D, p, "mid") || ck_is(D, p, "late")) && p > 0 &&
			    !breaks_clause(D, p))
				p--;
			if (!(ck_is(D, p, "by") || ck_is(D, p, "in") || ck_is(D, p, "until") || ck_is(D, p, "to") ||
			      ck_is(D, p, "for") || ck_is(D, i - 1, "mid") || ck_is(D, i - 1, "early") ||
			      ck_is(D, i - 1, "late")) ||
			    (i + 1 < D->ntok && !breaks_clause(D, i + 1) && D->tok[i + 1].type == CK_NUM))
				continue;
			bool ahead = false;
			for (size_t q = clause_back(D, i, 16); q < i && !ahead; q++)
				ahead = ck_is(D, q, "will") || ck_is(D, q, "'ll") || ck_is(D, q, "could") ||
					ck_is(D, q, "should") || ck_is(D, q, "expect") || ck_is(D, q, "aim") ||
					ck_is(D, q, "now");
			if (!ahead || narrated_past(D, i))
				continue;
			set_span(e, D, p, i + 1);
			return;
		}
}

/* Tokens [a, b) overlap a date or time the extractor read: "(21.11.2026
 * 14:32)" in a timeline is a timestamp, not a phone number. */
static bool is_date_or_time(struct ck_ctx *c, size_t a, size_t b)
{
	if (!ck_ensure_items(c))
		return false;
	for (size_t k = 0; k < c->items.n; k++) {
		const struct ck_item *it = &c->items.v[k];
		if (it->it.kind == RD_EXTRACT_INSTANT && it->first < b && a < it->last)
			return true;
	}
	return false;
}

/* Number token i is a North American telephone number written as one
 * token (the tokeniser keeps digits joined by "-" or "." together):
 * "555-014-2290", "312.555.0148", "1-800-555-0148" — groups of 3, 3 and 4
 * digits, after a "1" group or not, all joined by the same mark. Dates
 * ("2026-11-23") and times have other groups. */
static bool north_american(const struct ck_doc *d, size_t i)
{
	const char *w = ck_norm(d, i);
	size_t n = d->tok[i].nlen, len[5], ng = 0, run = 0;
	char sep = 0;
	if (n < 12 || n > 14)
		return false;
	for (size_t k = 0; k <= n; k++) {
		if (k < n && w[k] >= '0' && w[k] <= '9') {
			run++;
			continue;
		}
		if (k < n && ((w[k] != '-' && w[k] != '.') || (sep && w[k] != sep)))
			return false;
		if (k < n)
			sep = w[k];
		if (ng == 4 || run == 0)
			return false;
		len[ng++] = run;
		run = 0;
	}
	size_t f = ng == 4 && len[0] == 1 && w[0] == '1' ? 1 : 0;
	return ng - f == 3 && len[f] == 3 && len[f + 1] == 3 && len[f + 2] == 4;
}

/* Tokens i to i + 2 are a North American number written with spaces:
 * "514 555 0162" — groups of 3, 3 and 4 digits, one space apart, the
 * first not starting with 0 or 1 (an area code never does), no sign or
 * mark right before it ("$250 300 1000", "+44 …" is another format) and
 * no digit right after it. */
static bool north_american_spaced(const struct ck_doc *d, size_t i)
{
	static const uint8_t len[3] = {3, 3, 4};
	if (i + 2 >= d->ntok || ck_norm(d, i)[0] < '2')
		return false;
	for (size_t k = 0; k < 3; k++) {
		const struct ck_tok *t = &d->tok[i + k];
		if (t->type != CK_NUM || t->nlen != len[k] || (k && t->start != d->tok[i + k - 1].end + 1) ||
		    (k && d->text[t->start - 1] != ' '))
			return false;
		for (size_t q = 0; q < t->nlen; q++)
			if (ck_norm(d, i + k)[q] < '0' || ck_norm(d, i + k)[q] > '9')
				return false;
	}
	uint32_t e = d->tok[i + 2].end, p = ck_pre_cp(d, i);
	/* a comma and a space before it end a name ("Fundy Forge, 902 555
	 * 0148"); a comma against it is a number's */
	bool after_name = p == ',' && d->tok[i].start > 0 && d->text[d->tok[i].start - 1] == ' ';
	return !(p == '+' || p == '-' || p == '$' || p == 0xA3 /* £ */ || p == 0x20AC /* € */ || p == '#' ||
		 p == '.' || (p == ',' && !after_name) || p == '/') &&
	       !(e < d->len && d->text[e] >= '0' && d->text[e] <= '9');
}

/* An e-mail address or a phone number ("+49 30 1234 5678", "(555)
 * 123-4567", "555-014-2290") at token i, tokens [i, *b). */
static bool contact_at(struct ck_ctx *c, size_t i, size_t *b)
{
	if (D->tok[i].type == CK_EMAIL) {
		*b = i + 1;
		return !placeholder_mailbox(D, i);
	}
	/* national format: a group with a leading 0 and more groups, 9+
	 * digits in all ("0800 555 0147", "07700 900 123"), or a freephone or
	 * shared-cost group that has no 0 ("1800 555 019" in Ireland, "1300
	 * …" in Australia) */
	/* (a two-digit area code too: "08 8555 0172" in Australia, "03 366
	 * 2195" in New Zealand, "01 478 2293" in Dublin) */
	bool national = D->tok[i].type == CK_NUM && D->tok[i].nlen >= 2 &&
			(ck_norm(D, i)[0] == '0' || ck_is(D, i, "1800") || ck_is(D, i, "1850") || ck_is(D, i, "1890") ||
			 ck_is(D, i, "1300")) &&
			i + 1 < D->ntok && D->tok[i + 1].type == CK_NUM &&
			!(D->tok[i + 1].gap & (CK_G_SENT | CK_G_LINE | CK_G_CLAUSE));
	if (D->tok[i].type == CK_NUM && north_american(D, i)) {
		*b = i + 1;
		return true;
	}
	if (north_american_spaced(D, i) && !is_date_or_time(c, i, i + 3)) {
		*b = i + 3;
		return true;
	}
	if (D->tok[i].type == CK_NUM && (ck_pre_cp(D, i) == '+' || ck_pre_cp(D, i) == '(' || national)) {
		/* "(216) 555-0142": the area code in brackets, its ")" no end;
		 * a national one with its 0 too ("(02) 9555 0163", "(0161)
		 * 496 0734") */
		bool area = (D->tok[i].nlen == 3 || (D->tok[i].nlen >= 2 && D->tok[i].nlen <= 5 && ck_norm(D, i)[0] == '0')) &&
			    ck_pre_cp(D, i) == '(' && i + 1 < D->ntok &&
			    D->tok[i + 1].clause_ch == ')' && !(D->tok[i + 1].gap & (CK_G_SENT | CK_G_LINE));
		/* the number ends at a comma: "+351 21 555 0114, 06:00–23:00"
		 * gives the hours after it, which are no part of it; what comes
		 * before its first group does not end it (a number on a line of
		 * its own under the signature opens that line) */
		size_t digits = 0, j = i;
		while (j < D->ntok && D->tok[j].type == CK_NUM &&
		       (j == i || (j == i + 1 && area) || !(D->tok[j].gap & (CK_G_SENT | CK_G_LINE | CK_G_CLAUSE)))) {
			const char *w = ck_norm(D, j);
			for (; *w; w++)
				if (*w >= '0' && *w <= '9')
					digits++;
			j++;
		}
		if (digits >= (national ? 9u : 7u) && !is_date_or_time(c, i, j)) {
			*b = j;
			return true;
		}
	}
	return false;
}

/* Token i ends a label of what has been done, as short notes and reports
 * set it out: "Actions: containers rebooked, haulage rearranged",
 * "Actions so far: …", "Action taken: …", or a heading over its section
 * ("3. Actions taken" above "The council asked recipients …", "## Actions
 * so far", "3. Remedial measures", "Remediation"). The label is "action"
 * or "actions" (after "corrective" or "remedial" too), then "taken" or
 * "so far" at most, or "remedial measures", "remedial steps" or
 * "remediation", a section number or "immediate" before it; what the label
 * names is the action, [*a, *b): the field's line, or the first sentence
 * under the heading. Not a field that is empty in words ("Actions: none
 * yet", "Action: TBD") or that asks the client ("Action: please re-enter
 * your card", "Action: we recommend that you …": advice_to_client). */
static bool actions_label(const struct ck_doc *d, size_t i, size_t *a, size_t *b)
{
	static const char *const not_done[] = {"none", "nil", "n", "tbd", "tbc", "pending", "nothing", "no", "please",
		NULL};
	/* the label's last word, by its first letter: this is asked of every
	 * short word in a, t or f of a message that needs an action */
	size_t w = i;  /* the label's first word */
	bool act = false;
	switch (ck_norm(d, i)[0]) {
	case 'a':
		if (!(act = ck_is(d, i, "action") || ck_is(d, i, "actions")))
			return false;
		break;
	case 't':
		if (!ck_is(d, i, "taken"))
			return false;
		w = i - 1;
		break;
	case 'f':
		if (!ck_is(d, i, "far") || i == 0 || !ck_is(d, i - 1, "so"))
			return false;
		w = i - 2;
		break;
	case 'm':
	case 's':
		if (!(ck_is(d, i, "measures") || ck_is(d, i, "steps")) || i == 0 || !ck_is(d, i - 1, "remedial"))
			return false;
		w = i - 1;
		break;
	case 'r':
		if (!ck_is(d, i, "remediation"))
			return false;
		break;
	default:
		return false;
	}
	if (w > i || (w < i && !ck_is(d, w, "actions") && !ck_is(d, w, "action") && !ck_is(d, w, "remedial")))
		return false;
	/* "Corrective actions", "Remedial actions" */
	if (act && w > 0 && !breaks_clause(d, i) && (ck_is(d, i - 1, "corrective") || ck_is(d, i - 1, "remedial")))
		w = i - 1;
	size_t lf, ll;
	if (i + 1 >= d->ntok || !line_of(d, i, 64, &lf, &ll))
		return false;
	for (size_t q = lf; q < w; q++)
		if (d->tok[q].type != CK_NUM && !ck_is(d, q, "immediate"))
			return false;
	size_t from, end;
	if (ll > i + 1) {
		/* a field: the label then its text on the same line */
		if (!labelled_field(d, i, 3, &end))
			return false;
		from = i + 1;
	} else {
		/* a heading: a line of its own that opens its paragraph, over
		 * a line of text (a colon may end it: "Actions taken:" above
		 * a list) */
		const struct ck_tok *n = ll < d->ntok ? &d->tok[ll] : NULL;
		bool opens = lf == 0 || (d->tok[lf].gap & CK_G_PARA) || (d->tok[i].flags & CK_TF_HEAD);
		if (!n || (n->flags & CK_TF_HEAD) || !opens || !(d->tok[w].flags & CK_TF_CAP) ||
		    ((n->gap & (CK_G_CLAUSE | CK_G_PUNCT)) && !((n->gap & CK_G_CLAUSE) && n->clause_ch == ':')))
			return false;
		from = ll;
		end = d->sent[d->tok[ll].sent].last;
	}
	if (ck_is_any(d, from, not_done) || advice_to_client(d, from))
		return false;
	*a = w;
	*b = end;
	return true;
}

/* Elements whose detector is a first match in token order (action,
 * contact) are looked for window by window beside the span rules when the
 * message requires them, instead of in two passes over the whole message
 * afterwards: per window the first token match and the first phrase hit
 * (c->escan), combined by scan_settle. Asked for outside the windows
 * (elem_found on an element the message does not require), the same scan
 * runs once over the whole message: one detector, whichever way it runs.
 * Action is the first action with us as subject, else the first action
 * phrase that is neither asked nor denied; contact the first contact
 * phrase, else the first address or number. */
static const struct { int elem; enum ck_list phrase; bool phrase_first, no_questions; } elem_scans[] = {
	{E_ACTION, L_ACTION_PHRASE, false, true},
	{E_CONTACT, L_CONTACT, true, false},
};

/* Scan k (of elem_scans) over tokens [t0, t1) and phrase hits [h0, h1),
 * after what earlier windows found. */
static void scan_window(struct ck_ctx *c, size_t k, size_t t0, size_t t1, size_t h0, size_t h1)
{
	struct ck_elem_scan *sc = &c->escan[k];
	int id = elem_scans[k].elem;
	/* for action a token match anywhere wins: no phrase needed then */
	for (size_t h = h0; h < h1 && !sc->hit && (elem_scans[k].phrase_first || !sc->tok); h++) {
		const struct ck_hit *x = &D->hit[h];
		if (x->list != elem_scans[k].phrase || (elem_scans[k].no_questions && is_question(D, x->first)) ||
		    (id == E_ACTION && phrase_denied(D, x)) || (id == E_CONTACT && role_unnamed(D, x)))
			continue;
		sc->hit = true;
		sc->hit_start = D->tok[x->first].start;
		sc->hit_end = D->tok[x->last - 1].end;
	}
	/* a phrase anywhere wins for contact: no token match needed then */
	for (size_t i = t0; i < t1 && !sc->tok && !(elem_scans[k].phrase_first && sc->hit); i++) {
		const struct ck_tok *t = &D->tok[i];
		/* what action_at and contact_at look at first, inline */
		/* (or "we"/"I" for progressive_at and asked_to, "is",
		 * "are", "has" or "have" after a team noun for
		 * team_doing: four letters at most; a longer team noun
		 * only for we_did: "our crew has relaid …") */
		size_t a = i, b;
		/* (or the last word of "Remediation", "Remedial measures",
		 * "Remedial steps": its first letter and length) */
		const char *tw = D->norm + t->norm;
		if (id == E_ACTION &&
		    ((t->nlen >= 3 && t->nlen <= 7 && (tw[0] == 'a' || tw[0] == 't' || tw[0] == 'f')) ||
		     (tw[0] == 'r' && t->nlen == 11) || (tw[0] == 'm' && t->nlen == 8) || (tw[0] == 's' && t->nlen == 5)) &&
		    actions_label(D, i, &a, &b)) {
			scan_took(D, sc, a, b);
			continue;
		}
		/* (a capitalised word: one of ours by first name) */
		if (id == E_ACTION && (t->flags & CK_TF_CAP) && named_doer(D, i, &a, &b)) {
			scan_took(D, sc, a, b);
			continue;
		}
		/* ("done", "complete", "finished", "progress", "underway",
		 * "way": how far the work has got) */
		if (id == E_ACTION && (t->nlen == 4 || t->nlen == 3 || t->nlen == 8 || t->nlen == 9) &&
		    (tw[0] == 'd' || tw[0] == 'c' || tw[0] == 'f' || tw[0] == 'p' || tw[0] == 'u' || tw[0] == 'w') &&
		    work_status(D, i, &a, &b)) {
			scan_took(D, sc, a, b);
			continue;
		}
		if (id == E_ACTION && !((D->cls[i] >> L_ACTION) & 1u) && t->nlen > 2 &&
		    !(t->nlen <= 4 && i > 1 && (ck_is(D, i, "are") || ck_is(D, i, "has") || ck_is(D, i, "have")) &&
		      (((D->cls[i - 1] >> L_TEAM) & 1u) || t->clause_ch == ',' || our_noun_before(D, i)))) {
			if ((((D->cls[i] >> L_TEAM) & 1u) &&
			     (we_did(D, i, &a, &b) || continues_work(D, i, &a, &b) || present_work(D, i, &a, &b))) ||
			    ((t->nlen == 4 || t->nlen == 8) && remedy_went_out(D, i, &a, &b)) ||
			    (t->nlen == 9 && delivered_done(D, i, &a, &b)) ||
			    (t->nlen == 3 && and_have_done(D, i, &a, &b)))
				scan_took(D, sc, a, b);
			continue;
		}
		if (id != E_ACTION && t->type != CK_EMAIL && t->type != CK_NUM)
			continue;
		bool m = id == E_ACTION ? action_at(c, i, &a, &b) || progressive_at(D, i, &a, &b) ||
						  planned_work(D, i, &a, &b) || done_by_us(D, i, &a, &b) ||
						  ((ck_is(D, i, "is") || ck_is(D, i, "are") || ck_is(D, i, "has") ||
						    ck_is(D, i, "have")) && team_doing(D, i, &a, &b)) ||
						  (first_person(D, i) && (asked_to(D, i, &a, &b) || we_did(D, i, &a, &b) ||
									  had_it_done(D, i, &a, &b) ||
									  continues_work(D, i, &a, &b) || present_work(D, i, &a, &b))) ||
						  passive_work(D, i, &a, &b) || on_site(D, i, &a, &b) || terse_did(D, i, &a, &b)
					: contact_at(c, i, &b);
		if (m)
			scan_took(D, sc, a, b);
	}
}

/* Scan k's answer into its element: the phrase hit or the token match,
 * whichever the element prefers. */
static void scan_settle(struct ck_ctx *c, size_t k)
{
	struct ck_elem_state *e = &c->elem[elem_scans[k].elem];
	e->done = true;
	scan_answer(&c->escan[k], elem_scans[k].phrase_first, e);
}

/* The required elements that need only the document, looked for in the
 * window: action, contact and prevention. */
static void elements_window(struct ck_ctx *c)
{
	for (size_t k = 0; k < sizeof elem_scans / sizeof elem_scans[0]; k++)
		if (c->required[elem_scans[k].elem] && !c->elem[elem_scans[k].elem].done)
			scan_window(c, k, c->t0, c->t1, c->h0, c->h1);
	if (c->required[E_PREVENTION] && !c->elem[E_PREVENTION].done)
		prevention_scan(D, &c->prevention, c->t0, c->t1, c->h0, c->h1);
}

static void elements_finish(struct ck_ctx *c)
{
	for (size_t k = 0; k < sizeof elem_scans / sizeof elem_scans[0]; k++)
		if (c->required[elem_scans[k].elem] && !c->elem[elem_scans[k].elem].done)
			scan_settle(c, k);
	struct ck_elem_state *e = &c->elem[E_PREVENTION];
	if (c->required[E_PREVENTION] && !e->done) {
		e->done = true;
		scan_answer(&c->prevention, true, e);
	}
}

/* Element id (action or contact) asked for outside the windows: its scan
 * over the whole message, from the start. */
static void detect_scanned(struct ck_ctx *c, int id)
{
	for (size_t k = 0; k < sizeof elem_scans / sizeof elem_scans[0]; k++)
		if (elem_scans[k].elem == id) {
			memset(&c->escan[k], 0, sizeof c->escan[k]);
			scan_window(c, k, 0, D->ntok, 0, D->nhit);
			scan_settle(c, k);
		}
}

/* Token k starts a phrase that says which issues or circumstances: "issues
 * with the scanner", "problems at the depot", "issues that we found" — not
 * "beyond our control", nor the next clause of a sentence that runs on
 * without a comma ("because of unforeseen circumstances the work …"). */
static bool qualifies(const struct ck_doc *d, size_t k)
{
	static const char *const q[] = {"with", "in", "at", "on", "of", "around", "affecting",
		"involving", "that", "which", "related", "caused", "from", "between", "during", NULL};
	return ck_is_any(d, k, q);
}

/* "due to a minor glitch in the system", "because of an issue": an
 * article, at most one more word and a word of trouble that names no
 * thing, then the clause's end or "in/with/on" and "the/our" before a
 * word for all of it (system, systems, platform, side, end). Token a
 * opens what follows the cause phrase. */
static bool trouble_unnamed(const struct ck_doc *d, size_t a)
{
	static const char *const trouble[] = {"glitch", "glitches", "issue", "issues", "problem", "problems",
		"error", "errors", "hiccup", "hiccups", "blip", NULL};
	static const char *const whole[] = {"system", "systems", "platform", "side", "end", NULL};
	if (!(ck_is(d, a, "a") || ck_is(d, a, "an")))
		return false;
	/* each word of trouble is a harm word (harm_nouns.txt): its class
	 * bit is asked before the list */
	size_t k = a + 1;
	if (k >= d->ntok || breaks_clause(d, k))
		return false;
	/* the one word before it only says what kind of trouble, not what
	 * failed: "a minor glitch", "a technical issue", "a system issue";
	 * "a config issue", "a mapping error" name the thing */
	static const char *const kind[] = {"minor", "technical", "small", "slight", "temporary", "unexpected",
		"unforeseen", "brief", "unknown", "isolated", "intermittent", "internal", "general", "operational",
		"system", "systems", "software", "it", "major", "serious", "significant", "one-off", "rare", NULL};
	if (!(ck_has(d, k, L_HARM) && ck_is_any(d, k, trouble)) &&
	    (!ck_is_any(d, k, kind) || ++k >= d->ntok || breaks_clause(d, k) || !ck_has(d, k, L_HARM) ||
	     !ck_is_any(d, k, trouble)))
		return false;
	if (k + 1 >= d->ntok || breaks_clause(d, k + 1))
		return true;
	return k + 3 < d->ntok && !breaks_clause(d, k + 2) && !breaks_clause(d, k + 3) &&
	       (ck_is(d, k + 1, "in") || ck_is(d, k + 1, "with") || ck_is(d, k + 1, "on")) &&
	       (ck_is(d, k + 2, "the") || ck_is(d, k + 2, "our")) && ck_is_any(d, k + 3, whole) &&
	       (k + 4 >= d->ntok || breaks_clause(d, k + 4));
}

/* A reason that names nothing: "due to unforeseen circumstances", "for
 * technical reasons", "because of issues beyond our control". */
static bool vague_reason(const struct ck_doc *d, const struct ck_hit *x)
{
	static const char *const vague[] = {"unforeseen", "unexpected", "circumstances", "reasons",
		"technical", "operational", "various", "certain", "issues", "problems", NULL};
	size_t a = x->last + (ck_is(d, x->last, "of") ? 1 : 0); /* "because of" */
	if (a < d->ntok && !breaks_clause(d, a) && trouble_unnamed(d, a))
		return true;
	for (size_t k = a; k < d->ntok && k < a + 2 && !breaks_clause(d, k); k++) {
		bool v = false;
		if (ck_is_any(d, k, vague))
			v = true;
		if (!v)
			return false;
		if (ck_is(d, k, "circumstances") || ck_is(d, k, "reasons") || ck_is(d, k, "issues") ||
		    ck_is(d, k, "problems"))
			return k + 1 >= d->ntok || breaks_clause(d, k + 1) || !qualifies(d, k + 1);
	}
	return false;
}

/* A hit that restates the delay instead of giving a reason: "has taken
 * longer than planned", "is taking longer than expected" say only that it
 * is late; "as we said", "as we promised" compare with what we told (the
 * causal "as we" is "as we found …"). */
static bool restated_delay(const struct ck_doc *d, const struct ck_hit *x)
{
	static const char *const told[] = {"told", "said", "promised", "announced", "planned",
		"expected", "mentioned", "wrote", "agreed", "discussed", "hoped", "stated", "explained",
		"committed", "estimated", "informed", NULL};
	if (x->last - x->first == 2 && ck_is(d, x->first, "as") && ck_is(d, x->first + 1, "we")) {
		if (ck_is_any(d, x->last, told) && !breaks_clause(d, x->last))
			return true;
		return false;
	}
	for (size_t k = x->first; k < x->last; k++)
		if (ck_is(d, k, "longer"))
			return true;
	/* "longer than planned" restates the delay; "longer because the
	 * tapes are damaged" gives its reason */
	static const char *const causal[] = {"because", "due", "since", "as", "caused", NULL};
	return x->first > 0 && ck_is(d, x->first - 1, "longer") && !breaks_clause(d, x->first) &&
	       !ck_is_any(d, x->first, causal);
}

/* "as soon as we can", "as quickly as we are able": the "as we" of a
 * comparison ("as <word> as we"), not the causal one. */
static bool comparative_as(const struct ck_doc *d, const struct ck_hit *x)
{
	return ck_is(d, x->first, "as") && x->first >= 2 && ck_is(d, x->first - 2, "as") &&
	       !breaks_clause(d, x->first) && !breaks_clause(d, x->first - 1);
}

/* "Due to unforeseen circumstances, our label printer is still not
 * printing barcodes": the reason opens the sentence and the clause after
 * its comma (within eight tokens of it) starts with a thing of ours, not
 * our people, that a negation or a failing verb within eight tokens says
 * does not work — the failure the vague words stood for. */
static bool fronted_then_ours(const struct ck_doc *d, const struct ck_hit *x)
{
	static const char *const failing[] = {"failed", "fails", "failing", "stopped", "broke", "crashed", NULL};
	if (x->first != d->sent[d->tok[x->first].sent].first)
		return false;
	size_t c = clause_fwd(d, x->last, 8);
	if (c + 2 >= d->ntok || (d->tok[c].gap & CK_G_SENT) || d->tok[c].clause_ch != ',' || !ck_is(d, c, "our") ||
	    ck_has(d, c + 1, L_TEAM) || ck_is(d, c + 1, "people"))
		return false;
	for (size_t k = c + 1, e = clause_fwd(d, c, 8); k < e; k++)
		if (ck_has(d, k, L_NEGATION) || ck_is_any(d, k, failing))
			return true;
	return false;
}

/* A reason put in general words and then told after a colon or dash in its
 * sentence (at most SENT_REACH tokens on): "this is down to bad luck - the
 * carrier's depot flooded", "for reasons beyond our control: the port was
 * closed by a strike". The
 * words after the punctuation (three at least) name it; so do those of the
 * clause after "nobody could have foreseen that". */
static bool told_after(const struct ck_doc *d, const struct ck_hit *x)
{
	const struct ck_sent *s = &d->sent[d->tok[x->first].sent];
	/* "nobody could have foreseen that the racks would arrive broken":
	 * what was not foreseen, its clause after "that", is the reason */
	if (ck_is(d, x->last, "that") && !breaks_clause(d, x->last) && x->last + 4 <= s->last &&
	    (ck_is(d, x->last - 1, "foreseen") || ck_is(d, x->last - 1, "predicted") ||
	     ck_is(d, x->last - 1, "expected") || ck_is(d, x->last - 1, "anticipated")))
		return true;
	for (size_t k = x->last; k < s->last && k < x->last + SENT_REACH; k++) {
		const struct ck_tok *t = &d->tok[k];
		if ((t->gap & CK_G_CLAUSE) && (t->clause_ch == ':' || t->clause_ch == '-'))
			return k + 3 <= s->last;
	}
	return fronted_then_ours(d, x);
}

/* "our data team found …", "our engineers discovered …": a finding of ours
 * told with a team as its subject at token i, like "we found". */
static bool team_found(const struct ck_doc *d, size_t i)
{
	if (!(ck_is(d, i, "found") || ck_is(d, i, "discovered")) || i < 2 || breaks_clause(d, i))
		return false;
	/* "when our crew opened the duct, they found it collapsed": "they"
	 * standing for a team of ours named earlier in its sentence (at most
	 * sixteen tokens back), not for anyone else named between */
	if (ck_is(d, i - 1, "they")) {
		size_t sf = d->sent[d->tok[i].sent].first;
		for (size_t k = i - 1; k > sf && i - k <= 16; k--) {
			if (ck_has(d, k - 1, L_VENDOR) || is_second_person(d, k - 1))
				return false;
			if (our_team_start(d, k - 1) != SIZE_MAX)
				return true;
		}
		return false;
	}
	if (!ck_has(d, i - 1, L_TEAM)) {
		/* "the check we ran afterwards found …", "our audit found …": a
		 * check of ours as the subject */
		static const char *const probe[] = {"check", "checks", "test", "tests", "review", "audit",
			"scan", "inspection", "investigation", "analysis", NULL};
		bool ours = false, noun = false;
		for (size_t k = i - 1; k > 0 && k + 6 > i && !breaks_clause(d, k + 1); k--) {
			if (ck_is(d, k, "we") || ck_is(d, k, "our"))
				ours = true;
			if (ck_is_any(d, k, probe))
				noun = true;
		}
		return ours && noun;
	}
	for (size_t k = i - 1; k > 0 && k + 4 > i; k--) {
		if (breaks_clause(d, k))
			return false;
		if (ck_is(d, k - 1, "our"))
			return true;
	}
	return false;
}

/* A field labelled with a why-question of up to six words gives the
 * reason: "Why it moved: in our rehearsal …", "**Why the new date.** …",
 * "Why it is out of service: on Tuesday the motor failed …". Token i is
 * "why", opening its line; *end is the line's end. */
static bool why_field(const struct ck_doc *d, size_t i, size_t *end)
{
	if (!ck_is(d, i, "why") || (i > 0 && !(d->tok[i].gap & CK_G_LINE)))
		return false;
	for (size_t j = i; j < i + 6 && j + 1 < d->ntok; j++) {
		if (labelled_field(d, j, 6, end))
			return true;
		if (breaks_clause(d, j + 1))
			return false;
	}
	return false;
}

/* The first sentence under a cause heading, tokens [f, l), says the cause
 * is not known: investigating, unknown or unclear, or a negation with
 * know, sure, yet, found, identified, clear or certain at most three
 * tokens after it ("We do not know yet", "we have not found it"). A
 * negation that tells the fault itself ("… without their pressure test",
 * "nobody reassigned it") denies nothing. */
static bool section_denies(const struct ck_doc *d, size_t f, size_t l)
{
	static const char *const known[] = {"know", "sure", "yet", "found", "identified", "clear", "certain", NULL};
	for (size_t k = f; k < l; k++) {
		if (ck_is(d, k, "investigating") || ck_is(d, k, "unknown") || ck_is(d, k, "unclear"))
			return true;
		if (ck_has(d, k, L_NEGATION))
			for (size_t r = k + 1; r < l && r <= k + 3; r++)
				if (ck_is_any(d, r, known))
					return true;
	}
	return false;
}

/* A why-question set over its answer gives the reason, as a "Why:" field
 * does: a heading of up to six words that opens with "why" ("## Why it
 * fell", "## Why", or a plain line "Why the date moved" over a line that
 * starts with a capital) over a line of text, or a question of up to six
 * words opening its line with the answer right after it ("Why did it
 * happen? Our drivers switch …"), when the answer's first sentence tells
 * an event in the past (a past verb or a past form of "be": "Why does
 * this matter? Your tenants rely on …" gives none). Not where that sentence
 * says the reason is not known (a negation up to three words before know,
 * sure or yet; investigating, unknown, unclear), nor where it holds a
 * cause or delay-reason phrase, which gives the reason only when its own
 * tests let it count ("A combination of factors led to the drop" names
 * none). Token i is "why"; *end is the answer's first sentence's end. */
static bool why_section(const struct ck_doc *d, size_t i, size_t *end)
{
	if (!ck_is(d, i, "why") || (i > 0 && !(d->tok[i].gap & CK_G_LINE)))
		return false;
	size_t lf, ll, ans;
	const struct ck_sent *q = &d->sent[d->tok[i].sent];
	if (line_of(d, i, 6, &lf, &ll) && ll < d->ntok && !(d->tok[ll].flags & CK_TF_HEAD) &&
	    ((d->tok[i].flags & CK_TF_HEAD) || plain_heading(d, lf, ll)))
		ans = ll;
	else if (q->first == i && q->term == '?' && q->last - q->first <= 6 && q->last < d->ntok &&
		 !(d->tok[q->last].gap & CK_G_PARA) && !(d->tok[q->last].flags & CK_TF_HEAD))
		ans = q->last;
	else
		return false;
	const struct ck_sent *a = &d->sent[d->tok[ans].sent];
	if (a->term == '?')
		return false;
	for (size_t h = ck_hit_lower(d, ans); h < d->nhit && d->hit[h].first < a->last; h++)
		if (d->hit[h].list == L_CAUSE || d->hit[h].list == L_DELAY_REASON)
			return false;
	bool past = false;
	for (size_t k = ans; k < a->last && !past; k++)
		past = past_verb(d, k) || ck_has(d, k, L_BE_PAST);
	if (!past || section_denies(d, ans, a->last))
		return false;
	*end = a->last;
	return true;
}

/* Token b is "be" with a comparative after it, before token e: "could
 * not be happier", "could not be more pleased" — a comparison, not an
 * inability (so_delayed, obstacle_told). */
static bool be_comparative(const struct ck_doc *d, size_t b, size_t e)
{
	if (!ck_is(d, b, "be") || b + 1 >= e)
		return false;
	size_t n = d->tok[b + 1].nlen;
	return ck_is(d, b + 1, "more") || ck_is(d, b + 1, "less") ||
	       (n > 4 && !memcmp(ck_norm(d, b + 1) + n - 2, "er", 2));
}

/* "the permit office has not signed off the readers, so we cannot fit
 * them", "our binding machine broke, so the dispatch date has moved": an
 * event told before ", so" (token k; three tokens at least) and the delay
 * as what followed, within sixteen tokens of its clause — an inability
 * (also "could not", "will not", "won't"), what we "had to" do, or a date
 * that moved, not negated ("so the date has not moved"). */
static bool so_delayed(const struct ck_doc *d, size_t k)
{
	static const char *const late[] = {"cannot", "can't", "moved", "delayed", "postponed", "slipped",
		"later", "late", "back", "unable", "won't", "instead", "now", "slip", "longer", NULL};
	if (!ck_is(d, k, "so") || !(d->tok[k].gap & CK_G_CLAUSE) || d->tok[k].clause_ch != ',' ||
	    ck_is(d, k + 1, "that") || is_question(d, k) || k < d->sent[d->tok[k].sent].first + 3)
		return false;
	for (size_t q = k + 1, e = clause_fwd(d, k, 16); q < e; q++) {
		/* the past inability: "so we could not lay the pipe"; not a
		 * comparative, "could not be happier/more pleased" */
		if (ck_is(d, q, "not") && ck_is(d, q - 1, "could")) {
			if (!be_comparative(d, q + 1, e))
				return true;
			continue;
		}
		/* or the future one, and what we were made to do: "so your
		 * documents will not be ready", "so the fitting won't be
		 * completed", "so we have had to split the file" (session 23) */
		if (ck_is(d, q, "not") && ck_is(d, q - 1, "will") && !be_comparative(d, q + 1, e)) {
			/* not the delay denied: "so the fitting will not be
			 * late", "will not be affected" */
			bool denied = false;
			for (size_t r = q + 1; r < e && r <= q + 3 && !denied; r++)
				denied = ck_is_any(d, r, late) || ck_is(d, r, "affected") || ck_is(d, r, "change");
			if (!denied)
				return true;
			continue;
		}
		if (ck_is(d, q, "to") && ck_is(d, q - 1, "had"))
			return true;
		/* "so the run is now taking three times longer", "so the
		 * concertina will reach you on 18 December instead": the new
		 * state of the work (not "for now": "so it's a minor
		 * annoyance for now") */
		if (ck_is_any(d, q, late) && !(ck_is(d, q, "now") && ck_is(d, q - 1, "for")))
			return !ck_has(d, q - 1, L_NEGATION) && !(q > 1 && ck_has(d, q - 2, L_NEGATION));
	}
	return false;
}

/* "The cause is still unknown", "the cause was not clear at first": a
 * "the cause is/was" phrase (hit x) that says the cause is not known —
 * still, yet, not, unknown, unclear, being or under at most two tokens
 * after it — gives no reason. */
static bool cause_not_known(const struct ck_doc *d, const struct ck_hit *x)
{
	static const char *const open[] = {"still", "yet", "not", "unknown", "unclear", "being", "under", NULL};
	if (!ck_is(d, x->first, "the") || !ck_is(d, x->first + 1, "cause"))
		return false;
	for (size_t k = x->last; k < d->ntok && k < x->last + 2 && !breaks_clause(d, k); k++)
		if (ck_is_any(d, k, open))
			return true;
	return false;
}

/* "we can't test end to end until it's in", "we cannot open the hall
 * until the doors are replaced": an inability of ours (cannot, can't,
 * could not, unable; at most ten tokens before in its clause) held
 * until a thing still to happen, told as a clause of its own — a subject
 * word (a pronoun or a determiner) right after "until" and a form of
 * "be" or "have" at most five tokens on ("until they are replaced",
 * "until our estates team has replaced the unit") — which is why it is
 * late. Not a time ("until Monday", "until the end of the week": no
 * verb). Token i is "until"; *end is after the verb. */
static bool held_until(const struct ck_doc *d, size_t i, size_t *end)
{
	static const char *const subj[] = {"it", "they", "we", "he", "she", "the", "our", "their", "its", "a",
		"an", "this", "these", "those", "all", "both", NULL};
	static const char *const aux[] = {"is", "are", "'s", "has", "have", "was", "were", "been", NULL};
	if (!ck_is(d, i, "until") || i + 2 >= d->ntok || breaks_clause(d, i + 1) || !ck_is_any(d, i + 1, subj) ||
	    is_question(d, i))
		return false;
	size_t v = 0;
	for (size_t q = i + 2; q < d->ntok && q <= i + 6 && !breaks_clause(d, q) && !v; q++)
		if (ck_is_any(d, q, aux))
			v = q + 1;
	if (!v)
		return false;
	for (size_t k = i; k > 0 && i - k <= 10 && !breaks_clause(d, k); k--) {
		size_t n = k - 1;
		if (ck_is(d, n, "cannot") || ck_is(d, n, "unable") ||
		    (ck_is(d, n, "not") && n > 0 && (ck_is(d, n - 1, "can") || ck_is(d, n - 1, "could")))) {
			*end = v;
			return true;
		}
	}
	return false;
}

/* "we under-ordered the paper", "we underestimated the work", "I
 * misread the plan", "we ordered the wrong brackets": we or I, then a
 * past verb whose prefix, or a fault marker after it, tells our own
 * mistake — the reason for a delay, whatever the verb. Token i is the
 * pronoun; *end is after the verb or the marker. */
static bool we_misdid(const struct ck_doc *d, size_t i, size_t *end)
{
	if (!first_person(d, i) || i + 1 >= d->ntok || breaks_clause(d, i + 1) || is_question(d, i))
		return false;
	size_t v = i + 1;
	if (v + 1 < d->ntok && (ck_is(d, v, "under") || ck_is(d, v, "mis") || ck_is(d, v, "over")) &&
	    (d->tok[v + 1].flags & CK_TF_HYPH) && past_verb(d, v + 1)) {
		*end = v + 2;
		return true;
	}
	const char *w = ck_norm(d, v);
	size_t n = d->tok[v].nlen;
	if (!past_verb(d, v))
		return false;
	if (n >= 8 && (!strncmp(w, "under", 5) || !strncmp(w, "mis", 3))) {
		*end = v + 1;
		return true;
	}
	/* "we ordered the wrong brackets", "I booked an outdated part": a
	 * fault marker at most three words after the verb, in its clause */
	for (size_t q = v + 1; q < d->ntok && q <= v + 3 && !breaks_clause(d, q); q++)
		if (ck_has(d, q, L_FAULT)) {
			*end = q + 1;
			return true;
		}
	return false;
}

/* "Our printer broke down on Thursday", "the crane failed": a thing (a
 * determiner at most three words before, no person among them) that
 * broke down, told in the past — an event that stopped the work. Token i
 * is the verb; *a is the determiner. */
static bool thing_broke(const struct ck_doc *d, size_t i, size_t *a)
{
	/* or stopped the way: "the storm closed the road", "a digger cut
	 * the cable", "the river flooded the yard" */
	static const char *const broke[] = {"broke", "failed", "crashed", "froze", "jammed", "malfunctioned",
		"cracked", "snapped", "seized", "buckled", "leaked", "shorted",
		"closed", "blocked", "flooded", "cut", "damaged", "destroyed", NULL};
	/* every verb here ends in d, e or t ("jammed", "broke", "cut"): the
	 * last letter first, as this runs at every token of a delay notice */
	if (d->tok[i].type != CK_WORD || d->tok[i].nlen < 3)
		return false;
	char z = ck_norm(d, i)[d->tok[i].nlen - 1];
	if ((z != 'd' && z != 'e' && z != 't') || !ck_is_any(d, i, broke) || breaks_clause(d, i) || is_question(d, i))
		return false;
	return thing_subject(d, i, a);
}

/* The verb at token i has a thing as its subject: a determiner at most
 * three words before it in its clause, or four more past an owner's
 * "'s" ("our truck-mounted machine's water heater failed"), no person of
 * ours, no negation, no client and no form of "be" between (the active
 * voice: "the incident was closed" is no event). The thing may stand
 * before a place: "the humidifier in our second grow room failed" (a
 * determiner after "in", "at", "on", "inside" or "behind" opens the
 * place, and the thing's own determiner is at most three words before
 * the preposition). Not a noun: a word right after the determiner, or
 * joined to the next by a hyphen ("after the cut-off"). *a is the
 * determiner. */
static bool thing_subject(const struct ck_doc *d, size_t i, size_t *a)
{
	static const char *const det[] = {"our", "the", "a", "an", "its", "their", NULL};
	static const char *const place[] = {"in", "at", "on", "inside", "behind", NULL};
	if (i + 1 < d->ntok && (d->tok[i + 1].flags & CK_TF_HYPH))
		return false;
	if (i > 0 && ck_is_any(d, i - 1, det))
		return false;
	/* up to five words back, but a determiner more than three back
	 * only after a preposition of place or an owner's "'s"; past the
	 * place, three words more; without a determiner there, the place's
	 * own stands */
	size_t reach = 5, place_det = SIZE_MAX;
	bool owner = false;
	for (size_t k = i; k > 0 && i - k < reach && !breaks_clause(d, k); k--) {
		size_t p = k - 1;
		if (!owner && place_det == SIZE_MAX && i - p <= 3 && p + 1 < i && ck_is(d, p, "'s")) {
			owner = true;
			reach = i - p + 4; /* the owner, up to three words, and its determiner */
			continue;
		}
		if (first_person(d, p) || ck_has(d, p, L_TEAM) || ck_has(d, p, L_NEGATION) || ck_has(d, p, L_AUDIENCE) ||
		    ck_has(d, p, L_BE_PAST) || ck_is(d, p, "is") || ck_is(d, p, "are") || ck_is(d, p, "been"))
			break;
		if (!ck_is_any(d, p, det))
			continue;
		if (place_det == SIZE_MAX && !owner && p > 1 && !breaks_clause(d, p) && ck_is_any(d, p - 1, place) &&
		    !breaks_clause(d, p - 1)) {
			place_det = p;
			reach = i - p + 4; /* on past the place, to the thing's determiner */
			k = p;             /* the preposition next */
			continue;
		}
		if (place_det == SIZE_MAX && !owner && i - p > 3)
			return false;
		*a = p;
		return true;
	}
	if (place_det != SIZE_MAX && i - place_det <= 3) {
		*a = place_det;
		return true;
	}
	return false;
}

/* "the fingerboard had a crack under the 7th fret", "the new boiler had
 * a fault": a thing (thing_subject) that "had" a fault (fault_nouns.txt)
 * after "a/an" and at most one more word — a fault found in what the
 * work needs. Token i is "had"; *a is the determiner, *end after the
 * fault. Not inlined: inside detect_delay_reason (itself inlined into
 * elem_found) it made the compiler stop inlining four other detectors
 * there (+1.3 M instructions on the 3 MB archive slice). */
static __attribute__((noinline)) bool thing_had_fault(const struct ck_doc *d, size_t i, size_t *a, size_t *end)
{
	if (d->tok[i].nlen != 3 || !ck_is(d, i, "had") || i + 2 >= d->ntok || breaks_clause(d, i + 1) ||
	    !(ck_is(d, i + 1, "a") || ck_is(d, i + 1, "an")))
		return false;
	size_t k = i + 2;
	if (!ck_has(d, k, L_FAULT_NOUN) && k + 1 < d->ntok && !breaks_clause(d, k + 1))
		k++; /* "a hairline crack" */
	if (breaks_clause(d, k) || !ck_has(d, k, L_FAULT_NOUN) || is_question(d, i) || !thing_subject(d, i, a))
		return false;
	*end = k + 1;
	return true;
}

/* "The joiner fitting it found a crack in the top", "the import job hit an
 * OOM error": someone or something that found, discovered, hit or
 * developed a fault (fault_nouns.txt) after "a/an" and at most one more
 * word — the fault that stopped the work, whoever came upon it, as "we
 * found" (delay_reason.txt) is ours. Not the client ("you found a
 * typo"), not after if, will or a negation at most five tokens before
 * in its clause ("if the fitter finds …", "we have not found a fault"),
 * not in a question. Token i is the verb; *end is after the fault. */
static __attribute__((noinline)) bool came_upon_fault(const struct ck_doc *d, size_t i, size_t *end)
{
	static const char *const verbs[] = {"found", "discovered", "hit", "developed", NULL};
	if (i == 0 || i + 2 >= d->ntok || !ck_is_any(d, i, verbs) || breaks_clause(d, i) || breaks_clause(d, i + 1) ||
	    !(ck_is(d, i + 1, "a") || ck_is(d, i + 1, "an")) || is_second_person(d, i - 1) || is_question(d, i))
		return false;
	size_t k = i + 2;
	if (!ck_has(d, k, L_FAULT_NOUN) && k + 1 < d->ntok && !breaks_clause(d, k + 1))
		k++; /* "an OOM error" */
	if (breaks_clause(d, k) || !ck_has(d, k, L_FAULT_NOUN))
		return false;
	for (size_t q = i; q > 0 && i - q < 6 && !breaks_clause(d, q); q--)
		if (ck_is(d, q - 1, "if") || ck_is(d, q - 1, "will") || ck_is(d, q - 1, "'ll") || ck_has(d, q - 1, L_NEGATION))
			return false;
	*end = k + 1;
	return true;
}

/* "The equipment request was filed late": a passive act of the past done
 * late (done_late) is why what needed it is late. Token i is the form of
 * "be"; *end is after the verb. */
static bool late_act(const struct ck_doc *d, size_t i, size_t *end)
{
	if (!ck_has(d, i, L_BE_PAST) || is_question(d, i) || !past_verb(d, i + 1) || !done_late(d, i + 1))
		return false;
	*end = i + 2;
	return true;
}

/* A thing the work needed, or people, spoiled or stopped on the way: a
 * form of "be" (past, or is/are), then "found to be" or one adverb
 * ("still"), then a participle of damage ("the seat data was found to be
 * corrupted", "the drawings were lost") or of being stopped ("the part was
 * held up at customs", "flights were cancelled", "the crew is still
 * stranded"; "held" only as "held up" or "held at", not "the survey was
 * held on Friday"), not denied in its clause ("no photos were lost",
 * "flights were not cancelled"). Token i is the form of "be"; *end is
 * after the participle. */
static bool work_thwarted(const struct ck_doc *d, size_t i, size_t *end)
{
	static const char *const thwarted[] = {"corrupted", "lost", "deleted", "overwritten", "erased", "wiped",
		"damaged", "broken", "truncated", "garbled", "mangled", "destroyed", "stuck", "blocked", "cancelled",
		"canceled", "grounded", "stranded", "stolen", "impounded", "snowed", "flooded", NULL};
	if (!(ck_has(d, i, L_BE_PAST) || ck_is(d, i, "is") || ck_is(d, i, "are")) || is_question(d, i))
		return false;
	size_t v = i + 1;
	if (ck_is(d, v, "found") && ck_is(d, v + 1, "to") && ck_is(d, v + 2, "be") && !breaks_clause(d, v + 1) &&
	    !breaks_clause(d, v + 2))
		v += 3;
	else if (v < d->ntok && !breaks_clause(d, v) && (ck_is(d, v, "still") || is_adverb(d, v)) &&
		 !ck_has(d, v, L_NEGATION))
		v++;
	if (v >= d->ntok || breaks_clause(d, v) || passive_negated(d, clause_back(d, i, 6), i))
		return false;
	if (ck_is_any(d, v, thwarted) ||
	    (ck_is(d, v, "held") && v + 1 < d->ntok && !breaks_clause(d, v + 1) &&
	     (ck_is(d, v + 1, "up") || ck_is(d, v + 1, "at")))) {
		*end = v + 1;
		return true;
	}
	return false;
}

/* "UKPN haven't energised the new feeder pillar yet", "the replacement
 * reader boards have not arrived", "the coroner's office has not yet
 * released her": what has still not happened, told of someone or
 * something not us, is what the date waits on. Token i is "not" after
 * "has/have" ("still" may stand before them); "yet" or "still" may
 * follow, then a past form that is no "been" ("there hasn't been enough
 * snow" is the weather's, judged elsewhere), no finding denied ("has
 * not found a fault") and no date unmoved ("has not moved"). Not we or
 * I, not "you" (the client's people as "your team" are a party), not
 * asked, nor in a clause of if, unless, once, until or when. *a is the
 * clause's first token, *end after the verb. */
static bool still_not_done(const struct ck_doc *d, size_t i, size_t *a, size_t *end)
{
	static const char *const cond[] = {"if", "unless", "once", "until", "when", NULL};
	if (i < 2 || !ck_is(d, i, "not") || breaks_clause(d, i) || breaks_clause(d, i - 1) ||
	    !(ck_is(d, i - 1, "has") || ck_is(d, i - 1, "have")) || is_question(d, i))
		return false;
	size_t s = i - 2;
	if (ck_is(d, s, "still") && s > 0 && !breaks_clause(d, s))
		s--;
	if (first_person(d, s) || ck_is(d, s, "you") || ck_is(d, s, "there") || d->tok[s].type != CK_WORD)
		return false;
	size_t v = i + 1;
	if (v < d->ntok && (ck_is(d, v, "yet") || ck_is(d, v, "still")) && !breaks_clause(d, v))
		v++;
	/* not a finding denied ("the inspector has not found a fault") nor
	 * the date itself unmoved ("so the date has not moved") */
	static const char *const unseen[] = {"found", "seen", "noticed", "detected", "identified", "spotted",
		"reported", "moved", "changed", "slipped", "shifted", "affected", "been", NULL};
	if (v >= d->ntok || breaks_clause(d, v) || ck_is_any(d, v, unseen) || !past_form(d, v))
		return false;
	size_t f = clause_back(d, s, 8);
	for (size_t k = f; k < i; k++)
		if (ck_is_any(d, k, cond) || first_person(d, k))
			return false;
	*a = f;
	*end = v + 1;
	return true;
}

/* "Our supplier shipped the wrong model", "the courier delivered faulty
 * parts", "the mill missed its delivery date": another party (a
 * determiner at most three words before the verb, no person of ours, no
 * client among them) did a past act with a fault marker at most three
 * words after it, or one in "-ed" that is a fault itself (fault_verb) — we_misdid
 * for a party not us. Token i is the verb; *a the determiner, *end after
 * the marker or the verb. */
static bool party_misdid(const struct ck_doc *d, size_t i, size_t *a, size_t *end)
{
	static const char *const det[] = {"our", "the", "a", "an", "their", NULL};
	/* the fault marker first: a class bit for each of three tokens, as
	 * this runs at every token of a delay notice; the fault verbs, a
	 * list, only where there is none and the word ends in "-ed" */
	size_t q = i + 1;
	while (q < d->ntok && q <= i + 3 && !breaks_clause(d, q) && !ck_has(d, q, L_FAULT))
		q++;
	if (q >= d->ntok || q > i + 3 || breaks_clause(d, q)) {
		const char *w = ck_norm(d, i);
		size_t n = d->tok[i].nlen;
		if (n < 5 || w[n - 2] != 'e' || w[n - 1] != 'd' || !fault_verb(d, i))
			return false;
		q = i;
	}
	if ((q != i && !past_verb(d, i)) || is_question(d, i))
		return false;
	for (size_t k = i; k > 0 && i - k < 3 && !breaks_clause(d, k); k--) {
		size_t p = k - 1;
		if (first_person(d, p) || ck_has(d, p, L_TEAM) || ck_has(d, p, L_NEGATION) || ck_has(d, p, L_AUDIENCE) ||
		    is_second_person(d, p) || ck_has(d, p, L_BE_PAST))
			return false;
		if (ck_is_any(d, p, det)) {
			*a = p;
			*end = q + 1;
			return true;
		}
	}
	return false;
}

/* Token k is a word that can stand as the subject right before a verb:
 * a word of no stop list, not a number, or a personal pronoun. */
static bool subject_word(const struct ck_doc *d, size_t k)
{
	static const char *const pron[] = {"it", "they", "he", "she", "we", "i", NULL};
	/* verbs that link a subject to a state ("we remain committed") */
	static const char *const linking[] = {"remain", "remains", "stay", "stays", "feel", "feels", "seem", "seems",
		"look", "looks", "become", "becomes", "get", "gets", "rest", NULL};
	return d->tok[k].type == CK_WORD && (!ck_has(d, k, L_STOPWORD) || ck_is_any(d, k, pron)) &&
	       !ck_is_any(d, k, linking);
}

/* The last resort for a delay notice's reason, once no phrase or pattern
 * above told it: a clause that tells what got in the way as an event.
 * Token i is
 * - "until" with a negation at most eight words before it in its clause:
 *   a block ("the engineer cannot fit the part until next week", "the hire
 *   firm has no other crane free until Monday"), but not what we cannot
 *   know or tell until then, nor what the reader need not do;
 * - "could not" or "was/were unable": an inability told in the past
 *   ("the asphalt supplier could not deliver last week"), not one to tell
 *   the reader ("failed to" is a verb of failing, below);
 * - a past verb in lower case, not the second half of a compound
 *   ("hand-dyed"), right after its subject (subject_word, with
 *   at most three of "still", "also", "then", "not", "has", "had", "was",
 *   "were" between), of an event rather than the date's move, our planning
 *   or our telling ("the scanner failed its safety check", "our
 *   validation run found 3,200 records", "the closers we ordered arrived
 *   in the wrong size"), where the verb fails or finds, the clause names
 *   a fault, or what was owed did not come ("the vendor has not
 *   delivered the patch").
 * Not in a question or an if-clause; "should have checked" has no subject
 * before its verb, so what we ought to have done (an apology) is none. On
 * success [*a, *end) is the words that tell it. */
static bool obstacle_told(const struct ck_doc *d, size_t i, size_t *a, size_t *end)
{
	if (d->tok[i].type != CK_WORD || is_question(d, i))
		return false;
	size_t cf = clause_back(d, i, 8);
	for (size_t k = cf; k < i; k++)
		if (ck_is(d, k, "if"))
			return false;
	static const char *const telling[] = {"know", "tell", "let", "reach", "contact", "inform", "notify",
		"update", "confirm", "confirmed", "call", "write", "hear", "say", "sure", "certain", "need", NULL};
	if (ck_is(d, i, "until")) {
		if (ck_is(d, cf, "please") || ck_is(d, cf, "you"))
			return false;
		for (size_t k = i; k > cf; k--) {
			/* "we cannot hand you the keys until Friday" restates the
			 * delay to the reader */
			if (ck_is_any(d, k - 1, telling) || is_second_person(d, k - 1))
				return false;
			if (ck_has(d, k - 1, L_NEGATION)) {
				*a = k - 1;
				*end = clause_fwd(d, i, 6);
				return true;
			}
		}
		return false;
	}
	if (i + 2 < d->ntok && !breaks_clause(d, i + 1) &&
	    ((ck_is(d, i, "could") && ck_is(d, i + 1, "not")) ||
	     ((ck_is(d, i, "was") || ck_is(d, i, "were")) && ck_is(d, i + 1, "unable")))) {
		size_t v = i + 2 < d->ntok && ck_is(d, i + 2, "to") ? i + 3 : i + 2;
		if (v >= d->ntok || breaks_clause(d, v) || ck_is_any(d, v, telling))
			return false;
		/* "we could not be happier": a comparison, no inability */
		if (be_comparative(d, v, d->ntok))
			return false;
		*a = i > cf ? i - 1 : i;
		*end = v + 1;
		return true;
	}
	static const char *const failing[] = {"failed", "broke", "stopped", "crashed", "collapsed", "froze", "leaked",
		"flooded", "jammed", "tripped", "burst", "overran", "timed", "fell", NULL};
	/* "need", "speed": -ed that is no past */
	size_t n = d->tok[i].nlen;
	bool fails = ck_is_any(d, i, failing);
	if ((d->tok[i].flags & (CK_TF_CAP | CK_TF_HYPH)) || !(fails || past_form(d, i)) ||
	    (n >= 3 && memcmp(ck_norm(d, i) + n - 3, "eed", 3) == 0))
		return false;
	/* the date's move, our plan for it and our telling of it */
	static const char *const not_event[] = {"told", "said", "promised", "planned", "agreed", "expected",
		"hoped", "wrote", "gave", "mentioned", "scheduled", "booked", "moved", "postponed", "rescheduled",
		"delayed", "changed", "rearranged", "pushed", "put", "set", "slipped", "revised", "updated",
		"apologised", "apologized", "regretted", "wanted", "decided", "needed", "asked", "arranged",
		"estimated", "quoted", "intended", "advised", "informed", "notified", "contacted", "called", "rang",
		"emailed", "phoned", "texted", "messaged", "explained", "discussed", "received", "thanked",
		"appreciated", "started", "began", "finished", "completed", "did", "confirmed", "sent", "caused",
		"assured", "committed", "pleased", "delighted", "concerned", "disappointed", "frustrated",
		"surprised", "worried", "dedicated", "determined", "prepared", "based", "related", "involved",
		"affected", "impacted", "required", "supposed", "allowed", "extended", "deferred", "owed", NULL};
	if (ck_is_any(d, i, not_event))
		return false;
	/* a participle before a preposition describes a thing ("the samples
	 * collected from your surgery"), unless the verb takes no object
	 * ("the closers arrived in the wrong size") */
	static const char *const prep[] = {"from", "to", "by", "for", "on", "at", "in", "with", "under", "into",
		"over", NULL};
	static const char *const intransitive[] = {"arrived", "failed", "broke", "stopped", "crashed", "collapsed",
		"happened", "occurred", "ran", "came", "went", "overheated", "froze", "leaked", "flooded", NULL};
	if (i + 1 < d->ntok && !breaks_clause(d, i + 1) && ck_is_any(d, i + 1, prep) &&
	    !ck_is_any(d, i, intransitive) && !(i > 0 && (ck_has(d, i - 1, L_BE_PAST) || ck_is(d, i - 1, "had"))))
		return false;
	static const char *const between[] = {"still", "also", "then", "not", "has", "had", "was", "were", NULL};
	size_t s = i;
	for (int hop = 0; hop < 3 && s > cf && ck_is_any(d, s - 1, between); hop++)
		s--;
	if (s == 0 || breaks_clause(d, s) || !subject_word(d, s - 1))
		return false;
	/* "with power switched over between 7am and 9am": a state, not an event */
	if (s >= 2 && !breaks_clause(d, s - 1) && (ck_is(d, s - 2, "with") || ck_is(d, s - 2, "without")))
		return false;
	/* an obstacle, not any event ("the survey was held on Friday", "we
	 * shipped the cables on Monday"): a verb of failing or of finding, a
	 * fault word in the clause, or something owed that did not come ("the
	 * vendor has not delivered the patch"); a negated finding ("the
	 * inspector has not found a fault") or harm ("no photos were lost")
	 * is none */
	static const char *const finding[] = {"found", "flagged", "showed", "revealed", "detected", "discovered",
		"spotted", "uncovered", NULL};
	static const char *const owed[] = {"delivered", "arrived", "shipped", "supplied", "approved", "signed",
		"came", "turned", NULL};
	static const char *const trouble[] = {"failure", "failures", "breakdown", "shortage", "backlog", "strike",
		"storm", "snow", "frost", "fire", "flood", "accident", "illness", "outage", NULL};
	bool negated = false, yours = false;
	for (size_t k = cf; k < i; k++) {
		negated = negated || ck_has(d, k, L_NEGATION);
		yours = yours || is_second_person(d, k);
	}
	bool obstacle = false;
	if (negated)
		obstacle = ck_is_any(d, i, owed);
	else if (fails)
		obstacle = true;
	else if (ck_is_any(d, i, finding))
		/* a finding of the reader's own people ("your team discovered
		 * the new format") or a finding that all is well ("was found to
		 * be right") is none */
		obstacle = !yours && !(i + 1 < d->ntok && ck_is(d, i + 1, "to"));
	else {
		/* a fault or a trouble named in the sentence, a few words either
		 * side: "the aircraft swap was the manufacturer's fault, not
		 * ours: they grounded the type" */
		size_t f = d->sent[d->tok[i].sent].first, l = d->sent[d->tok[i].sent].last;
		for (size_t k = i > f + 20 ? i - 20 : f; k < l && k < i + 10 && !obstacle; k++)
			obstacle = hit_at(d, k, L_FAULT) || ck_has(d, k, L_FAULT_NOUN) || ck_is_any(d, k, trouble);
	}
	if (!obstacle)
		return false;
	*a = s - 1;
	*end = clause_fwd(d, i, 6);
	return true;
}

/* "Two of the five candidates withdrew last week", "the audio files
 * supplied by the court were of very poor quality", "the vessel was held
 * for three days at Port Said": what happened, told in the past by a
 * sentence of a delay notice, is the notice's reason though it names no
 * cause word (the last resort, after obstacle_told). A past verb that
 * continues its clause, in a sentence that is no question, holds no "if"
 * and no reason already judged (a delay_reason.txt or blame phrase:
 * "unforeseen issues have come up" is vague); and not
 * - the delay restated or the message told (moved, delayed, told,
 *   agreed, planned…), the delay itself ("took longer"), an event told
 *   by its date alone ("the survey was held on Friday"), a verb with "to"
 *   after it ("was found to be right"), what went right ("delivered the
 *   stone on time");
 * - an adjective after a determiner or a preposition ("the booked slot",
 *   "the restore of archived reports"), the second half of a compound
 *   ("hand-dyed"), "-eed" ("they need"), or after "as", "be", "been",
 *   "being", the present "is/are" ("no rider is logged out"), "to",
 *   "and", "or", "already" or a linking verb ("feel tired");
 * - in the passive, a neutral act ("the paint was mixed at the depot"):
 *   only a harm participle or what stops a thing ("was held");
 * - with the first or second person in the six tokens before it ("we
 *   have moved", "the date you booked"), or before it in its clause a
 *   denial ("no photos were lost"), a modal, "with" up to three tokens
 *   back ("with power switched over") or "to have/get" ("aimed to have
 *   the problem fixed").
 * The sentence's first token in *a, the verb's end in *end. */
static bool event_told(const struct ck_doc *d, size_t *a, size_t *end)
{
	static const char *const told[] = {"moved", "delayed", "postponed", "rescheduled", "pushed", "slipped",
		"changed", "revised", "extended", "put", "set", "told", "said", "agreed", "promised", "planned",
		"gave", "expected", "scheduled", "booked", "confirmed", "hoped", "apologised", "apologized",
		"asked", "wrote", "sent", "informed", "advised", "notified", "indicated", "quoted", "arranged",
		"announced", "mentioned", "updated", "received", "ordered", "placed", "requested", "paid",
		"bought", "chose", "decided", "estimated", "anticipated", "committed", "stated", "explained",
		"shared", "published", "made", "kept", "got", "did", "let", "thanked", "appreciated", "assured",
		"valued", "affected", "impacted", "caused", "concerned", "attached", "enclosed", "included",
		"needed", "required", "involved", "used", "based", "aimed", "intended", NULL};
	static const char *const modal[] = {"will", "would", "shall", "should", "may", "might", "could", "can",
		"must", "please", NULL};
	static const char *const stopped[] = {"held", "stopped", "stuck", "closed", "cancelled", "canceled",
		"grounded", "impounded", "seized", "blocked", "detained", "quarantined", "recalled", "rejected",
		"refused", "suspended", "diverted", "stranded", "selected", "flagged", NULL};
	static const char *const before[] = {"as", "be", "been", "being", "is", "are", "am", "to", "and", "or",
		"already", "of", "for", "in", "on", "at", "from", "with", "by", "about", "into", "feel", "feels",
		"seem", "seems", "look", "looks", "become", "becomes", "get", "gets", "remain", "remains", "stay",
		"stays", "rest", NULL};
	for (size_t si = 0; si < d->nsent; si++) {
		const struct ck_sent *st = &d->sent[si];
		if (st->term == '?' || ((st->cls >> L_DELAY_REASON) & 1u) || ((st->cls >> L_BLAME) & 1u))
			continue;
		bool cond = false;
		for (size_t k = st->first; k < st->last && !cond; k++)
			cond = ck_is(d, k, "if");
		if (cond)
			continue;
		for (size_t k = st->first + 1; k < st->last; k++) {
			/* "-eed" is no past ("they need", "speed"), nor the second
			 * half of a compound ("hand-dyed") */
			size_t n = d->tok[k].nlen;
			if (!past_verb(d, k) || (d->tok[k].flags & (CK_TF_CAP | CK_TF_HYPH)) || ck_is_any(d, k, told) ||
			    ck_is_any(d, k - 1, before) || determiner(d, k - 1) ||
			    (n >= 3 && memcmp(ck_norm(d, k) + n - 3, "eed", 3) == 0))
				continue;
			/* in the passive, only what stops a thing ("the vessel was
			 * held for three days"), not a neutral act ("the paint was
			 * mixed at the depot") */
			if ((ck_is(d, k - 1, "was") || ck_is(d, k - 1, "were")) && !ck_has(d, k, L_PARTICIPLE) &&
			    !ck_is_any(d, k, stopped))
				continue;
			/* what went right: "the quarry delivered the stone on time" */
			bool right = false;
			for (size_t q = k + 1, qe = clause_fwd(d, k, 8); q < qe && !right; q++)
				right = (ck_is(d, q, "on") && ck_is(d, q + 1, "time")) || ck_is(d, q, "correctly") ||
					ck_is(d, q, "successfully") || (ck_is(d, q, "as") && ck_is(d, q + 1, "planned"));
			if (right)
				continue;
			/* the delay itself ("took longer"), an event told by its
			 * date alone ("the survey was held on Friday"), a finding
			 * ("was found to be right") */
			if (k + 1 < st->last && !breaks_clause(d, k + 1) &&
			    (ck_is(d, k + 1, "longer") || ck_is(d, k + 1, "to") ||
			     ((ck_is(d, k + 1, "on") || ck_is(d, k + 1, "at")) && k + 2 < st->last &&
			      (d->tok[k + 2].type == CK_NUM || ck_has(d, k + 2, L_TIME_WORD) ||
			       (d->tok[k + 2].flags & CK_TF_CAP)))))
				continue;
			bool skip = false;
			for (size_t q = k > st->first + 6 ? k - 6 : st->first; q < k && !skip; q++)
				skip = first_person(d, q) || is_second_person(d, q);
			/* denied ("no photos were lost", "our crane never failed"),
			 * ahead, a state after "with", a thing wanted done */
			for (size_t q = clause_back(d, k, 12); q < k && !skip; q++)
				skip = ck_has(d, q, L_NEGATION) || ck_is(d, q, "no") || ck_is(d, q, "never") ||
				       ck_is(d, q, "nothing") || ck_is(d, q, "none") || ck_is_any(d, q, modal) ||
				       (ck_is(d, q, "with") && q + 3 >= k) ||
				       (ck_is(d, q, "to") && (ck_is(d, q + 1, "have") || ck_is(d, q + 1, "get")));
			if (skip)
				continue;
			*a = st->first;
			*end = k + 1;
			return true;
		}
	}
	return false;
}

/* "Our supplier, Norland Cabinets, has failed to dispatch your units",
 * "the hosting provider has not yet finished moving our plans", "our
 * courier lost the first pallet": a third party (vendors.txt) as the
 * subject of what it did or is doing, in a delay notice, is the notice's
 * reason, whatever the verb — except what it told or agreed ("our
 * supplier has confirmed the new date"). The vendor opens its clause
 * (after at most two words of its trade and "our", "the", "a", "an" or
 * "their") and a name set off by commas may follow it; then at most an
 * auxiliary and two of "not", "yet", "still", "now", "also", "just",
 * "already" or an adverb, then a past or -ing verb. [*a, *end) the
 * span. */
static bool vendor_acted(const struct ck_doc *d, const struct ck_hit *x, size_t *a, size_t *end)
{
	static const char *const det[] = {"our", "the", "a", "an", "their", NULL};
	static const char *const aux[] = {"has", "have", "had", "is", "are", "was", "were", "'s", NULL};
	static const char *const mid[] = {"not", "yet", "still", "now", "also", "just", "already", NULL};
	static const char *const told[] = {"confirmed", "told", "said", "promised", "agreed", "advised", "informed",
		"assured", "apologised", "apologized", "offered", "quoted", "expected", "expecting", "hoping",
		"going", "planning", NULL};
	size_t s = x->first;
	/* up to two words of the vendor's trade before it: "our ticketing
	 * provider", "the cloth supplier" */
	for (unsigned w = 0; w < 2 && s > 0 && !breaks_clause(d, s) && d->tok[s - 1].type == CK_WORD &&
			     !ck_has(d, s - 1, L_STOPWORD);
	     w++)
		s--;
	if (s > 0 && ck_is_any(d, s - 1, det) && !breaks_clause(d, s))
		s--;
	if (!(s == 0 || breaks_clause(d, s)) || is_question(d, x->first))
		return false;
	size_t v = x->last;
	/* a name set off by commas: "Our supplier, Norland Cabinets, has …";
	 * the comma after it is then no break of the vendor's clause */
	bool named = false;
	if (v + 1 < d->ntok && d->tok[v].clause_ch == ',' && (d->tok[v].flags & CK_TF_CAP)) {
		size_t q = v;
		while (q < d->ntok && q < v + 4 && (d->tok[q].flags & CK_TF_CAP) && (q == v || !breaks_clause(d, q)))
			q++;
		if (q < d->ntok && q > v && d->tok[q].clause_ch == ',') {
			v = q;
			named = true;
		}
	}
	/* the predicate opens at v, after the name's comma when named */
	const size_t open = v;
	if (v >= d->ntok || (breaks_clause(d, v) && !named))
		return false;
	if (ck_is_any(d, v, aux))
		v++;
	for (size_t q = 0; q < 2 && v < d->ntok && !breaks_clause(d, v) && (ck_is_any(d, v, mid) || is_adverb(d, v)); q++)
		v++;
	if (v >= d->ntok || (breaks_clause(d, v) && v != open) || d->tok[v].type != CK_WORD || ck_is_any(d, v, told) ||
	    ck_has(d, v, L_STOPWORD))
		return false;
	if (!past_form(d, v) && !ends_ing(d, v))
		return false;
	*a = s;
	*end = v + 1;
	return true;
}

/* delay_reason.txt, except a reason that names nothing (vague_reason) or
 * that restates the delay (restated_delay) unless told after a colon or
 * dash (told_after); a blame phrase told the same way ("bad luck - the
 * carrier lost …"); a finding of our team (team_found). */
static void detect_delay_reason(struct ck_ctx *c, struct ck_elem_state *e)
{
	for (size_t h = 0; h < D->nhit; h++) {
		const struct ck_hit *x = &D->hit[h];
		if (x->list == L_BLAME ? !told_after(D, x)
				       : x->list != L_DELAY_REASON ||
						 comparative_as(D, x) || cause_not_known(D, x) ||
						 ((vague_reason(D, x) || restated_delay(D, x)) && !told_after(D, x)))
			continue;
		set_span(e, D, x->first, x->last);
		return;
	}
	for (size_t h = 0; h < D->nhit; h++) {
		size_t a, end;
		if (D->hit[h].list == L_VENDOR && vendor_acted(D, &D->hit[h], &a, &end)) {
			set_span(e, D, a, end);
			return;
		}
	}
	/* a cause phrase of several words gives the reason as the cause of
	 * a failure is given: "the delay comes from your side", "our
	 * supplier let us down"; those a delay reason shares ("due to",
	 * "because of") were judged above, vague or not */
	for (size_t h = 0; h < D->nhit; h++) {
		const struct ck_hit *x = &D->hit[h];
		if (x->list == L_BLAME_CAUSE && x->last - x->first >= 2 && !is_question(D, x->first) &&
		    !hit_at(D, x->first, L_DELAY_REASON)) {
			set_span(e, D, x->first, x->last);
			return;
		}
	}
	size_t end;
	for (size_t i = 0; i < D->ntok; i++) {
		if (team_found(D, i)) {
			set_span(e, D, i - 1, i + 1);
			return;
		}
		/* "is down to" with "is" contracted, which the tokens keep as
		 * "'s" and a list entry cannot start with: "this one's down to
		 * the shipping line", "it's down to the weather"; judged as the
		 * listed phrase is (not vague, not the delay restated) */
		if (D->tok[i].nlen == 2 && ck_is(D, i, "'s") && i + 3 < D->ntok && ck_is(D, i + 1, "down") &&
		    ck_is(D, i + 2, "to") && !breaks_clause(D, i + 1) && !breaks_clause(D, i + 2) &&
		    !breaks_clause(D, i + 3) && !is_question(D, i)) {
			struct ck_hit x = {L_DELAY_REASON, (uint32_t)i, (uint32_t)i + 3};
			if (!cause_not_known(D, &x) &&
			    !((vague_reason(D, &x) || restated_delay(D, &x)) && !told_after(D, &x))) {
				set_span(e, D, i, i + 3);
				return;
			}
		}
		if (we_misdid(D, i, &end) || late_act(D, i, &end) || work_thwarted(D, i, &end) ||
		    (ck_has(D, i, L_BE_PAST) && passive_misdone(D, i, &end))) {
			set_span(e, D, i, end);
			return;
		}
		size_t a;
		if (thing_broke(D, i, &a)) {
			set_span(e, D, a, i + 1);
			return;
		}
		if (D->tok[i].nlen >= 3 && came_upon_fault(D, i, &end)) {
			set_span(e, D, i, end);
			return;
		}
		if (thing_had_fault(D, i, &a, &end)) {
			set_span(e, D, a, end);
			return;
		}
		if (party_misdid(D, i, &a, &end)) {
			set_span(e, D, a, end);
			return;
		}
		if (D->tok[i].nlen == 3 && still_not_done(D, i, &a, &end)) {
			set_span(e, D, a, end);
			return;
		}
		if (so_delayed(D, i)) {
			set_span(e, D, D->sent[D->tok[i].sent].first, i);
			return;
		}
		if (D->tok[i].nlen == 5 && held_until(D, i, &end)) {
			set_span(e, D, i, end);
			return;
		}
		if (D->tok[i].nlen == 3 && (why_field(D, i, &end) || why_section(D, i, &end))) {
			set_span(e, D, i, end);
			return;
		}
		/* "Reason: we ordered the wrong parts": the field's label alone */
		if ((ck_is(D, i, "reason") || ck_is(D, i, "reasons")) && labelled_field(D, i, 1, &end)) {
			set_span(e, D, i, end);
			return;
		}
	}
	for (size_t i = 0; i < D->ntok; i++) {
		size_t a;
		if (obstacle_told(D, i, &a, &end)) {
			set_span(e, D, a, end);
			return;
		}
	}
	size_t a;
	if (event_told(D, &a, &end)) {
		set_span(e, D, a, end);
		return;
	}
	/* the delay put on someone else ("our truck contractor double-booked
	 * us, so that's really on them"), as detect_cause reads a blame: a
	 * reason, however poor (ownership.blame-shift says what is wrong
	 * with it), when it names who or what failed and not fate; the span
	 * rules have run (dev sets holdout20-349: 9 delay notices said to
	 * give no reason while such a blame was found, none of them without
	 * one by their writers) */
	blame_names_party(c, e);
}

static void detect(struct ck_ctx *c, int id, struct ck_elem_state *e)
{
	switch (id) {
	case E_IMPACT: detect_impact(c, e); break;
	case E_OWNERSHIP: detect_ownership(c, e); break;
	case E_CAUSE: detect_cause(c, e); break;
	case E_ACTION: detect_scanned(c, id); break;
	case E_PREVENTION: detect_prevention(c, e); break;
	case E_TIMELINE: detect_time_role(c, e, ROLE_ETA); break;
	case E_NEXT_UPDATE: detect_time_role(c, e, ROLE_NEXT); break;
	case E_CONTACT: detect_scanned(c, id); break;
	case E_REPAIR: first_hit(c, L_REPAIR, e, true); break;
	case E_DELAY_REASON: detect_delay_reason(c, e); break;
	case E_LATE_ACK: detect_late_ack(c, e); break;
	}
}

static bool elem_found(struct ck_ctx *c, int id)
{
	struct ck_elem_state *e = &c->elem[id];
	if (!e->done) {
		e->done = true;
		detect(c, id, e);
	}
	return e->found;
}

static const char *const elem_missing_msg[E__COUNT] = {
	[E_IMPACT] = "no specific acknowledgement of what the failure cost this client",
	[E_OWNERSHIP] = "no first-person acceptance of responsibility",
	[E_CAUSE] = "no explanation of what went wrong",
	[E_ACTION] = "nothing about what we are doing now",
	[E_PREVENTION] = "nothing about preventing a recurrence",
	[E_TIMELINE] = "no date or time for the fix",
	[E_NEXT_UPDATE] = "no time for the next update",
	[E_CONTACT] = "no named point person",
	[E_REPAIR] = "no offer of repair or goodwill",
	[E_DELAY_REASON] = "a delay notice with no reason for the delay",
	[E_LATE_ACK] = "",
};

static const char *const elem_suggest[E__COUNT] = {
	[E_IMPACT] = "say what it cost them: \"your team could not take orders for four hours on Monday\"",
	[E_OWNERSHIP] = "own it: \"this was our mistake: we …\"",
	[E_CAUSE] = "explain in plain words: \"it happened because …\"",
	[E_ACTION] = "say what is happening now: \"our engineers are …\"",
	[E_PREVENTION] = "say what changes: \"to prevent this from happening again, we are …\"",
	[E_TIMELINE] = "give a date: \"we expect this to be complete by Friday 27 November, 17:00\"",
	[E_NEXT_UPDATE] = "commit to the next update: \"I will send the next update by tomorrow at 10:00\"",
	[E_CONTACT] = "name the point person: \"I am your point person; call me on …\"",
	[E_REPAIR] = "offer repair: \"we will credit … to your next invoice\"",
	[E_DELAY_REASON] = "say why: \"the date moves because …\"",
	[E_LATE_ACK] = "",
};

static void rule_element(struct ck_ctx *c, const struct ck_rule *r)
{
	int id = r->elem;
	if (id == E_LATE_ACK) {
		if (!c->o->late || elem_found(c, E_LATE_ACK))
			return;
		char due[RD_TIME_BUFSZ] = "";
		if (rd_time_format_local(c->o->due_at, c->tz, due) != RD_OK)
			rd_time_format(c->o->due_at, due);
		int64_t late = c->o->now - c->o->due_at;
		ck_finding(c, r, r->sev, 0, 0, true,
			   ck_fmt(c, "acknowledge it first: \"I am sorry this update comes late.\""),
			   "this message is late (it was due %s, %lld h %02lld min ago) and does not acknowledge the delay",
			   due, (long long)(late / 3600), (long long)(late % 3600 / 60));
		return;
	}
	if (!c->required[id] || elem_found(c, id))
		return;
	ck_finding(c, r, r->sev, 0, 0, true, ck_fmt(c, "%s", elem_suggest[id]), "%s", elem_missing_msg[id]);
}

/* ---- the table -------------------------------------------------------------------------- */

#define E_(id, e, sev, cost, sum, expl) {id, sev, cost, sum, expl, rule_element, e, false}
#define R_(id, fn, sev, cost, sum, expl) {id, sev, cost, sum, expl, fn, -1, false}
/* a span rule (struct ck_rule.span): run window by window */
#define W_(id, fn, sev, cost, sum, expl) {id, sev, cost, sum, expl, fn, -1, true}

/* One row per rule, in the order they run (and are listed by --explain).
 * Costs are score points per finding; at most three findings of a rule
 * count. Element rules share rule_element; their detectors are above. */
const struct ck_rule ck_rules[] = {
	W_("apology.conditional", rule_conditional, RD_SEV_ERROR, 15,
	   "apology made conditional (\"we apologize if …\")",
	   "An apology with a condition (\"if you were affected\", \"to the extent that\") doubts "
	   "that any harm was done and reads as no apology at all, whether it follows the apology "
	   "or comes first (\"If you were affected, we are sorry.\"). It is only flagged when the "
	   "condition governs the apology: \"We are sorry. If you need anything, call me.\" is "
	   "fine. Fix: apologise for what happened and name the harm."),
	W_("apology.non-apology", rule_non_apology, RD_SEV_ERROR, 15,
	   "apology for the client's feelings, not our act",
	   "\"Sorry you feel that way\", \"we regret that you were upset\" apologise for the "
	   "client's reaction and put the problem in them. Fix: apologise for what we did."),
	R_("apology.missing", rule_missing, RD_SEV_ERROR, 20,
	   "an apology message without an explicit apology",
	   "A message of kind apology must say \"sorry\" or \"I apologise\" plainly. Sympathy "
	   "(\"sorry to hear\"), regret (\"we regret\") and conditional apologies do not count."),
	W_("apology.generic", rule_generic, RD_SEV_WARNING, 6,
	   "boilerplate apology that names no harm",
	   "\"Any inconvenience this may have caused\", \"we regret any disruption\" or \"our "
	   "apologies to everyone impacted\" could be sent to anyone about anything. Name the harm "
	   "this client suffered instead."),
	W_("ownership.passive", rule_passive, RD_SEV_WARNING, 6,
	   "agentless passive hides who did it",
	   "\"Mistakes were made\", \"your records were deleted\" describe harm without an actor. "
	   "So do ordinary actions in a sentence that says they were a fault (\"the wrong cluster "
	   "was drained\", \"because the certificate was allowed to expire\"). A passive with an "
	   "agent (\"the fix was deployed by our team\"), without harm (\"you were affected by our "
	   "outage\") or negated (\"none of your files were deleted\") is fine, but an act left undone "
	   "when it was owed hides who left it (\"the bins were not collected on Tuesday as "
	   "promised\"). Fix: \"we deleted your records\"."),
	W_("ownership.blame-shift", rule_blame, RD_SEV_WARNING, 8,
	   "blame put on a vendor, the client or circumstances",
	   "Blaming a vendor, the client or \"circumstances beyond our control\" tells the client "
	   "they chose the wrong provider. Naming a vendor is fine when the message also takes "
	   "responsibility (\"choosing and monitoring it is our responsibility\")."),
	W_("tone.minimizing", rule_minimizing, RD_SEV_WARNING, 5,
	   "words that shrink the harm (\"brief\", \"just a hiccup\")",
	   "\"A brief outage\", \"just a small hiccup\", \"only affected a few records\" argue with "
	   "the client about how bad it was. Neutral uses (\"just now\", \"only the EU region is "
	   "still affected\", \"the only thing that matters\") are not flagged. Fix: state duration "
	   "and effect plainly."),
	W_("tone.hedging", rule_hedging, RD_SEV_WARNING, 4,
	   "hedging where a fact is owed (\"might\", \"we believe\")",
	   "Hedges make a statement of fact sound unsure. Say what is known; for what is not, say "
	   "so and when it will be. Questions and \"you may …\" are not flagged."),
	W_("tone.jargon", rule_jargon, RD_SEV_WARNING, 3,
	   "internal jargon and acronyms",
	   "Terms from data/words/jargon.txt (extend with words/jargon.local.txt or extra_words) "
	   "are warnings; other all-capital acronyms not in data/words/acronyms.txt and not "
	   "defined in parentheses are info. Each term is reported at its first use only: "
	   "explained there, it is known for the rest of the message."),
	W_("tone.corporate", rule_corporate, RD_SEV_WARNING, 4,
	   "stock corporate phrasing",
	   "\"Please be advised\", \"we regret to inform you\", \"we value your business\", \"at "
	   "this point in time\" put distance between us and the client. Say it plainly."),
	W_("promise.overreach", rule_overreach, RD_SEV_WARNING, 8,
	   "a promise nobody can keep (\"never again\", \"guarantee\", \"100%\")",
	   "\"This will never happen again\" and \"we guarantee\" will be remembered when something "
	   "else fails. Promise the safeguard we control instead. Negated forms (\"we cannot "
	   "guarantee\", \"we cannot promise that it will never happen again\") and facts "
	   "(\"100% of your orders\") are not flagged."),
	E_("element.impact", E_IMPACT, RD_SEV_WARNING, 10,
	   "no specific acknowledgement of what it cost this client",
	   "Found when one sentence addresses the client (you/your) and names a harm "
	   "(data/words/impact.txt), outside a generic or conditional apology. In a message "
	   "to many (\"Dear Patient\", \"To all residents\") a harm told of what they all use "
	   "counts too: \"some appointments were cancelled without notice\"."),
	E_("element.ownership", E_OWNERSHIP, RD_SEV_WARNING, 10,
	   "no first-person acceptance of responsibility",
	   "Found from data/words/ownership.txt (\"our mistake\", \"we take responsibility\") or "
	   "\"we/I/our …\" followed by an admitting verb (\"we deleted\", \"our update broke\")."),
	E_("element.cause", E_CAUSE, RD_SEV_WARNING, 10,
	   "no explanation of what went wrong",
	   "Required for rca_update, plan and review. Found from data/words/cause.txt "
	   "(\"because\", \"caused by\", \"root cause\")."),
	E_("element.action", E_ACTION, RD_SEV_WARNING, 8,
	   "nothing about what we are doing now",
	   "Found when \"we\", \"I\" or \"our team\" is the subject of an action verb "
	   "(data/words/action_verbs.txt) or from data/words/action_phrases.txt."),
	E_("element.prevention", E_PREVENTION, RD_SEV_WARNING, 8,
	   "nothing about preventing a recurrence",
	   "Required for rca_update, plan and review; found from data/words/prevention.txt."),
	E_("element.timeline", E_TIMELINE, RD_SEV_WARNING, 8,
	   "no date or time for the fix",
	   "Required for plan, progress and delay: a future date, time or \"within …\" that is not "
	   "the time of the next update. A fix's date left as a placeholder (\"by [DATE]\", "
	   "\"complete by: TBD\") is none, and so is a date told in what happened (\"it showed the "
	   "hall as free on 5 December\")."),
	E_("element.next-update", E_NEXT_UPDATE, RD_SEV_WARNING, 8,
	   "no time for the next update",
	   "Until resolution every message says when the next update comes: a phrase from "
	   "data/words/next_update.txt and a future time in the same sentence."),
	E_("element.contact", E_CONTACT, RD_SEV_WARNING, 6,
	   "no named point person",
	   "Found from data/words/contact.txt (\"your point person\", \"call me\") or an e-mail "
	   "address or phone number."),
	E_("element.repair", E_REPAIR, RD_SEV_WARNING, 8,
	   "no offer of repair or goodwill",
	   "Required for plan and resolution when the policy calls for goodwill "
	   "(rd_check_opts.repair_expected)."),
	E_("element.delay-reason", E_DELAY_REASON, RD_SEV_WARNING, 10,
	   "a delay notice with no reason",
	   "A revised timeline must say why it moved (data/words/delay_reason.txt)."),
	E_("element.late-ack", E_LATE_ACK, RD_SEV_ERROR, 15,
	   "a late message that does not acknowledge the delay",
	   "When the obligation this message meets was overdue at the time it is sent "
	   "(rd_check_opts.late), the message must acknowledge it (data/words/late_ack.txt)."),
	R_("fact.contradiction", ck_rule_contradiction, RD_SEV_ERROR, 20,
	   "states an ETA, cause, remedy or amount that differs from what was told before",
	   "Compares the ETA (a date or duration stated as when the fix is due: \"we expect the fix "
	   "by …\", \"ETA: …\", \"restored within 48 hours\"), the cause (after \"caused by\", "
	   "\"root cause was\"…), the remedy and a goodwill amount with the latest of each told to "
	   "this client and to the other clients of the failure (amounts: this client only). Not "
	   "flagged in a correction, in a message that says it corrects (\"Correction:\", \"we "
	   "previously said\"), or for an ETA in a delay notice."),
	R_("template.unfilled", rule_unfilled, RD_SEV_ERROR, 20,
	   "unfilled placeholder ({{…}}, [CLIENT NAME], <name>, XXX)",
	   "Leftovers of a template: {{…}}, ${…}, {name}, [ALL CAPS] or [a placeholder word], "
	   "<name>, XXX, TBD, TODO, %s, ???. Markdown links and HTML tags are not flagged."),
};
const size_t ck_nrules = sizeof ck_rules / sizeof ck_rules[0];

/* The span rules window by window, then the others once over the whole
 * message. A window is a run of whole sentences holding at least
 * CK_WINDOW_BYTES of text; a message shorter than that is one window. The
 * findings come in another order than rule by rule over the whole message,
 * but each rule's own findings in the same order, which is all that sorting
 * (ties keep the order found within a rule) and de-duplication (an earlier
 * finding of the same rule wins) read: the result is the same. */
void ck_run_rules(struct ck_ctx *c)
{
	const struct ck_doc *d = c->d;
	size_t s = 0;
	bool several = false;
	c->t0 = 0;
	do {
		size_t e = s;
		while (e < d->nsent && d->sent[e].end - d->sent[s].start < CK_WINDOW_BYTES)
			e++;
		/* tokens up to the end of sentence e (the last one: all of them) */
		c->t1 = e + 1 < d->nsent ? d->sent[e].last : d->ntok;
		c->h0 = ck_hit_lower(d, c->t0);
		c->h1 = ck_hit_lower(d, c->t1);
		size_t nf = c->nf;
		for (size_t i = 0; i < ck_nrules && !c->oom; i++)
			if (ck_rules[i].span)
				ck_rules[i].fn(c, &ck_rules[i]);
		elements_window(c);
		unfilled_window(c);
		if (c->t1 < d->ntok || c->t0 > 0) {   /* more than one window */
			several = true;
			ck_findings_settle(c, nf);
			items_upto(c, c->t1);
		}
		c->t0 = c->t1;
		s = e + 1;
	} while (s < d->nsent && !c->oom);
	/* rule_blame guessed that the message takes no responsibility, and a
	 * finding came after the guess: if it does take some after all, the
	 * rules run again knowing it (check.c) */
	if (c->own_bet && !c->owned && own_upto(c, D->ntok) && c->own.found) {
		c->own_rerun = true;
		return;
	}
	c->nf_settled = several && !c->unsettled ? c->nf : 0;
	acronyms_flush(c);
	elements_finish(c);
	c->t0 = 0;
	c->t1 = d->ntok;
	c->h0 = 0;
	c->h1 = d->nhit;
	for (size_t i = 0; i < ck_nrules && !c->oom; i++)
		if (!ck_rules[i].span)
			ck_rules[i].fn(c, &ck_rules[i]);
	/* the required elements, for the result */
	for (int e = 0; e < E__COUNT; e++)
		if (c->required[e] || (e == E_LATE_ACK && c->o->late))
			elem_found(c, e);
}

void ck_ctx_free(struct ck_ctx *c)
{
	ck_strings_free(c->strs);   /* the findings' text, unless a result took it */
	free(c->f);
	free(c->apo);
	free(c->role);
	free(c->eta_claim);
	items_index_free(c);
	free(c->apo_span);
	free(c->fault_mask);
	free(c->generic_mask);
	free(c->uses);
	free(c->terms);
	free(c->acr);
	free(c->intern);
	free(c->unf_word);
	ck_items_free(&c->items);
}
