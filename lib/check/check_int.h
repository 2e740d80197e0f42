/* check_int.h — what the checker's files share: the tokenised document
 * (text.c), the word-list lexicon and phrase matcher (lexicon.c), the
 * extractor's token-level entry point (extract.c) and the rule context
 * (rules.c, check.c). Internal to lib/check and its tests. */
#ifndef REDRESS_CHECK_INT_H
#define REDRESS_CHECK_INT_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <time.h>
#include <jansson.h>

#include "redress/check.h"
#include "redress/extract.h"

/* ---- the tokenised document (text.c) ------------------------------------ */

enum ck_tok_type { CK_WORD = 1, CK_NUM, CK_URL, CK_EMAIL };

enum ck_tok_flag {
	CK_TF_CAP = 1u << 0,       /* first letter upper case */
	CK_TF_ALLCAPS = 1u << 1,   /* every letter upper case, at least two */
	CK_TF_HYPH = 1u << 2,      /* joined to the previous token by a hyphen */
	CK_TF_SPLIT = 1u << 3,     /* second half of a contraction ("we're" -> we|are) */
	CK_TF_HEAD = 1u << 4,      /* inside a Markdown heading line */
	CK_TF_MIXED = 1u << 5,     /* capitalised, with two capitals after a lower-case letter
				    * ("IndexedDB", "PostgreSQL"): an engineering product's name */
};

/* What separates a token from the one before it (bit set). */
enum ck_gap {
	CK_G_SENT = 1u << 0,       /* a sentence boundary */
	CK_G_CLAUSE = 1u << 1,     /* , ; : — ( ) [ ] */
	CK_G_PUNCT = 1u << 2,      /* other punctuation that breaks a phrase (/ & + = …) */
	CK_G_LINE = 1u << 3,       /* a line break */
	CK_G_PARA = 1u << 4,       /* a blank line, heading or list item start */
};

/* 28 bytes, one per word of the message: every rule walks this array, so
 * its size is the checker's working set (56 bytes made a 4 MB message 10 MB
 * slower than four 1 MB ones; at 48 the 4 MB message's 36 MB of tokens
 * still did not stay in the cache the 1 MB one's 9 MB stays in; at 40 the
 * 4 MB message's array was over glibc's 32 MiB heap limit and faulted in
 * fresh on every check). The word classes are beside it in ck_doc.cls.
 * The punctuation next to a token is not stored: a few rules ask for it,
 * for a few tokens (ck_pre_cp, ck_post_cp). A normalised form has at most
 * 255 bytes (text.c caps it). */
struct ck_tok {
	uint32_t start, end;       /* bytes in the source */
	uint32_t norm;             /* normalised form: doc->norm + norm, nlen bytes */
	uint32_t hash;             /* of the normalised form */
	uint32_t sent;             /* sentence index */
	int16_t kw;                /* extractor keyword index (extract.c), -1 if none: set by
				    * ck_lex_scan (or ck_doc_kw), -1 after ck_doc_parse */
	uint8_t type;              /* enum ck_tok_type */
	uint8_t gap;               /* enum ck_gap, before this token */
	uint8_t clause_ch;         /* the clause punctuation before it (ASCII), if any */
	uint8_t flags;             /* enum ck_tok_flag */
	uint8_t nlen;              /* bytes of the normalised form */
};

struct ck_sent {
	uint32_t first, last;      /* tokens [first, last) */
	uint32_t start, end;       /* bytes */
	uint64_t cls;              /* word classes of its tokens, OR-ed (ck_lex_scan) */
	char term;                 /* '.', '!', '?' or 0 */
	bool caps;                 /* a token of it is all capitals, CK_TF_ALLCAPS (ck_lex_scan) */
};

struct ck_range { uint32_t start, end; };

struct ck_hit {
	uint16_t list;             /* enum ck_list */
	uint32_t first, last;      /* tokens [first, last) */
};

struct ck_doc {
	const char *text;
	size_t len;
	struct ck_tok *tok;
	uint64_t *cls;             /* per token: word classes (bit per single-word list entry), captok */
	size_t ntok, captok;
	size_t nwords;             /* tokens that are words of the text (not CK_TF_SPLIT halves) */
	struct ck_sent *sent;
	size_t nsent, capsent;
	char *norm;                /* normalised token text, NUL after each */
	size_t nnorm, capnorm;
	struct ck_range *skip;     /* code spans, fenced code, quoted lines */
	size_t nskip, capskip;
	struct ck_hit *hit;        /* phrase-list matches, in token order */
	size_t nhit, caphit;
	uint32_t maxhit;           /* longest hit, in tokens (bounds ck_hit_lower searches) */
	uint32_t *hitidx;          /* per token t (and ntok): the first hit starting at or after t */
	size_t caphitidx;
	uint32_t *line;            /* byte offset of each line start */
	size_t nline, capline;
	bool specials;             /* the text has one of { [ < $ % ? (template.unfilled) */
	bool oom;
	bool once;                 /* checks one message (rd_check): the token arrays are
				    * freed once the rules have run (ck_doc_drop_tokens) */
};

/* Tokenises text into d (whose buffers are reused across calls; zero-init it
 * first). Text must be valid UTF-8. Returns false on allocation failure. */
bool ck_doc_parse(struct ck_doc *d, const char *text, size_t len);
void ck_doc_free(struct ck_doc *d);
/* Frees what only the rules read (tokens, classes, sentences, normalised
 * text, hits); the text, its line index and the counts stay for
 * ck_doc_linecol and the result. */
void ck_doc_drop_tokens(struct ck_doc *d);
/* The eight bytes at P as a little-endian word (byte 0 lowest), on any
 * host: the tokeniser, the hash and the lexicon's compare read words eight
 * bytes at a time and must agree on the order. */
static inline uint64_t ck_load_le64(const void *p)
{
	uint64_t x;
	memcpy(&x, p, 8);
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	x = __builtin_bswap64(x);
#endif
	return x;
}

static inline const char *ck_norm(const struct ck_doc *d, size_t i)
{
	return d->norm + d->tok[i].norm;
}
/* Token i is WORD (normalised). Inline so strlen of a literal folds away;
 * the first bytes are compared first, so a word from a table (narrated_past
 * tries 29 a token) costs more only when its first byte matches. A token's
 * text is NUL-terminated and holds no NUL (text.c: no token takes one), so
 * it is WORD when the two strings are equal up to their NULs: a word whose
 * length is no constant (a table's) is compared byte by byte to them, where
 * strlen and memcmp were two calls. */
static inline bool ck_same_after_first(const char *w, const char *word)
{
	if (!word[0])
		return true;   /* w[0] is its NUL too */
	size_t k = 1;
	while (w[k] == word[k] && word[k])
		k++;
	return w[k] == word[k];
}
static inline __attribute__((always_inline)) bool ck_is(const struct ck_doc *d, size_t i, const char *word)
{
	if (i >= d->ntok)
		return false;
	const char *w = d->norm + d->tok[i].norm;
	if (w[0] != word[0])
		return false;
	if (__builtin_constant_p(strlen(word))) {
		size_t n = strlen(word);
		return d->tok[i].nlen == n && memcmp(w, word, n) == 0;
	}
	return ck_same_after_first(w, word);
}
/* Whether token i is one of WORDS (normalised, NULL-terminated): the
 * token's text and first byte read once, each word's first byte against it. */
static inline bool ck_is_any(const struct ck_doc *d, size_t i, const char *const *words)
{
	if (i >= d->ntok)
		return false;
	const char *w = d->norm + d->tok[i].norm;
	for (size_t q = 0; words[q]; q++)
		if (words[q][0] == w[0] && ck_same_after_first(w, words[q]))
			return true;
	return false;
}
/* 1-based line and column (code points) of byte offset off. The cursor
 * (zero-init; may be NULL) remembers the last answer, so asking for offsets
 * in increasing order costs one pass over the text in all, not one pass
 * over the line per offset. */
struct ck_linecol { size_t off, line; unsigned col; bool valid; };
void ck_doc_linecol(const struct ck_doc *d, struct ck_linecol *cur, size_t off, unsigned *line,
		    unsigned *col);
/* True if s[0..n) (valid UTF-8) holds nothing but white space: ASCII
 * spaces, tabs and line breaks, and Unicode spaces (no-break, em, zero-width…). */
bool ck_text_blank(const char *s, size_t n);
/* True if byte offset off is inside a skipped (code/quote) range. */
bool ck_doc_skipped(const struct ck_doc *d, size_t off);
/* The punctuation right before token i, across spaces and tabs (the code
 * point: '(', '+', '$', '[' …), or 0 when there is none (a letter, a digit,
 * a line break, the start of the text, or the second half of a split
 * contraction). */
uint32_t ck_pre_cp(const struct ck_doc *d, size_t i);
/* The punctuation right after token i, as ck_pre_cp; 0 when the next token
 * starts where it ends (the halves of "don't"). */
uint32_t ck_post_cp(const struct ck_doc *d, size_t i);
uint32_t ck_hash(const char *s, size_t n);
/* Decodes one code point at s (valid UTF-8), returns its byte length. */
int ck_utf8_dec(const unsigned char *s, size_t n, uint32_t *cp);

/* ---- word lists and the phrase matcher (lexicon.c) ----------------------- */

/* Every list is data/words/<file>.txt. Single-word entries set a class bit on
 * matching tokens (an entry of several words, on its first token where it is
 * found whole); lists marked "hits" also record every phrase match. To add
 * a list: a row in ck_list_defs (lexicon.c), an id here, a file in
 * data/words/ and its name in data/words/meson.build. */
enum ck_list {
	L_APOLOGY, L_REGRET, L_CONDITIONAL, L_NON_APOLOGY, L_GENERIC,
	L_PASSIVE_PHRASE, L_BE_PAST, L_PARTICIPLE, L_BLAME, L_VENDOR, L_BLAME_CAUSE,
	L_MIN_ADJ, L_MIN_ADV, L_MIN_NOUN, L_HARM, L_QUANTITY, L_TIME_WORD,
	L_HEDGING, L_JARGON, L_ACRONYM_OK, L_CORPORATE, L_OVERREACH,
	L_IMPACT, L_OWNERSHIP, L_OWN_VERB, L_ACTION, L_ACTION_PHRASE, L_TEAM,
	L_CAUSE, L_CAUSE_CLAIM, L_REMEDY, L_PREVENTION, L_ETA_CUE, L_NEXT_UPDATE,
	L_CONTACT, L_REPAIR, L_DELAY_REASON, L_LATE_ACK, L_CORRECTION, L_NEGATION,
	L_STOPWORD, L_PASSIVE_ACTION, L_FAULT, L_AUDIENCE, L_STATUS_TAG, L_FAULT_NOUN,
	L_BLAME_PLACE,
	L__COUNT
};

struct ck_list_def {
	const char *name;          /* file stem and extra_words key */
	bool hits;                 /* record phrase hits */
};
extern const struct ck_list_def ck_list_defs[L__COUNT];

struct ck_lex;                 /* opaque compiled lexicon */

/* The shipped lists plus words/<name>.local.txt overrides, compiled once per
 * process (pthread_once). Returns NULL and sets *errmsg (CALLER frees) when
 * a list cannot be loaded. */
const struct ck_lex *ck_lex_default(char **errmsg);
/* The default lists plus EXTRA (object: list name -> array of strings).
 * Returns a new lexicon the caller frees with ck_lex_free, or NULL with
 * *errmsg set on a malformed EXTRA or allocation failure. */
struct ck_lex *ck_lex_extend(json_t *extra, char **errmsg);
void ck_lex_free(struct ck_lex *lx);
/* Classifies every token, sets its extractor keyword id (kw) and records
 * phrase hits into d. */
bool ck_lex_scan(const struct ck_lex *lx, struct ck_doc *d);
/* The index of the first hit whose first token is >= tok (d->nhit if none):
 * hits are sorted by first token and ck_lex_scan indexes them per token, so
 * rules find the hits near a token in one step instead of scanning every
 * hit of the message. */
static inline size_t ck_hit_lower(const struct ck_doc *d, size_t tok)
{
	return tok < d->ntok ? d->hitidx[tok] : d->nhit;
}
/* The list id for NAME, or -1. */
int ck_list_id(const char *name);

static inline bool ck_has(const struct ck_doc *d, size_t i, enum ck_list l)
{
	return i < d->ntok && (d->cls[i] >> l) & 1u;
}

/* The options' own errors, checked without a message (check.c). */
enum rd_err ck_check_opts_valid(const struct rd_check_opts *o, char **errmsg);
/* rd_check reusing DOC's buffers, with LEX (may be NULL: the options' own)
 * for the word lists (check.c; archive.c calls it per message). */
enum rd_err ck_check_with(struct ck_doc *doc, const struct ck_lex *lex, const char *text, size_t len,
			  const struct rd_check_opts *o, struct rd_check_result **out, char **errmsg);
/* The prepared options (kind, language, zone, required elements) of the
 * last few kinds an archive worker checked, so that each message does not
 * validate its zone and look up its elements again. Owned by the worker:
 * zero-initialised, freed with ck_prep_cache_free. */
struct ck_prep_cache;
/* ck_check_with for a message whose options differ from the archive's only
 * in kind and required elements, through *CACHE (created on first use). */
enum rd_err ck_check_cached(struct ck_doc *doc, struct ck_prep_cache **cache, const struct ck_lex *lex,
			    const char *text, size_t len, const struct rd_check_opts *o,
			    struct rd_check_result **out, char **errmsg);
void ck_prep_cache_free(struct ck_prep_cache *cache);

/* ---- extraction on a tokenised document (extract.c) --------------------- */

struct ck_item {
	struct rd_extract_item it; /* instant/seconds filled when resolved */
	uint32_t first, last;      /* tokens [first, last) */
	bool has_local;            /* INSTANT: local fields below, not yet resolved */
	bool has_off;              /* an explicit zone ("17:00 UTC"): off_min applies */
	int off_min;               /* minutes east of UTC */
	const char *abbr;          /* the zone abbreviation written ("cet"), or NULL */
	struct tm local;           /* wall-clock time in the zone */
	bool resolved;
	bool past;                 /* before now (local comparison) */
	bool recurring;            /* "daily", "every morning" */
	bool rolled;               /* a time of day with no date, already past today: read as tomorrow */
	bool today;                /* a time of day with no date, still ahead today */
	bool weekday_fwd;          /* a bare weekday ("on Saturday"), read as the coming one */
};

struct ck_items {
	struct ck_item *v;
	size_t n, cap;
};

struct ck_when_ctx {
	int64_t now;
	const char *tz;
	bool utc;                  /* tz is UTC: conversions are arithmetic */
	bool have_local;
	struct tm now_local;       /* now, wall clock in tz */
};

void ck_when_init(struct ck_when_ctx *w, int64_t now, const char *tz);
/* The extractor's keyword index of a normalised word, or -1. The lexicon
 * holds every keyword (ck_kw_count, ck_kw_word) as a node of its trie, so
 * ck_lex_scan sets each token's kw with the one probe it makes anyway;
 * ck_doc_kw sets them by this table for a document no lexicon scans
 * (rd_extract). */
int ck_kw_index(const char *s, size_t n, uint32_t hash);
size_t ck_kw_count(void);
const char *ck_kw_word(size_t i);
void ck_doc_kw(struct ck_doc *d);
/* Token i is, by the extractor's keyword table (its kw), a day of the
 * week ("Monday", "Mon"), a month ("December", "Dec"), a clock word
 * (noon, midday, midnight) or a number word ("a", "one" … "twelve",
 * "twenty", "couple"); the short forms that are also words ("Sun",
 * "Sat", "May", "Mar") only capitalised. */
bool ck_tok_weekday(const struct ck_doc *d, size_t i);
bool ck_tok_month(const struct ck_doc *d, size_t i);
bool ck_tok_clock_word(const struct ck_doc *d, size_t i);
bool ck_tok_number_word(const struct ck_doc *d, size_t i);
/* Finds items; instants keep local fields and are resolved on demand. */
bool ck_extract_doc(const struct ck_doc *d, struct ck_when_ctx *w, struct ck_items *out);
/* ck_extract_doc a part at a time: appends to OUT the items that start at
 * the tokens [*pos, end) and sets *pos where the next call goes on (past
 * END when an item runs over it). Calls from 0 on, each from where the
 * last stopped, find what one call over all tokens finds (the rules
 * extract window by window, ck_run_rules). */
bool ck_extract_upto(const struct ck_doc *d, struct ck_when_ctx *w, struct ck_items *out, size_t *pos,
		     size_t end);
/* Computes it.instant for an INSTANT item from its local fields. */
bool ck_item_resolve(struct ck_when_ctx *w, struct ck_item *item);
void ck_items_free(struct ck_items *it);

/* ---- the rule context (rules.c, check.c) ------------------------------- */

/* Elements a message may be required to contain. To add one: an id here, its
 * name in ck_elem_names and a detector in elem_detect (rules.c), and an
 * element.<name> row in the rule table. */
enum ck_elem {
	E_IMPACT, E_OWNERSHIP, E_CAUSE, E_ACTION, E_PREVENTION, E_TIMELINE, E_NEXT_UPDATE,
	E_CONTACT, E_REPAIR, E_DELAY_REASON, E_LATE_ACK,
	E__COUNT
};
extern const char *const ck_elem_names[E__COUNT + 1];
int ck_elem_id(const char *name);

struct ck_elem_state {
	bool done, found;
	uint32_t start, end;       /* bytes, when found */
};

enum ck_role { ROLE_NONE, ROLE_ETA, ROLE_NEXT };

/* An apology word whose apology is conditional or for the client's
 * feelings: the token after its condition or feelings phrase (end) and,
 * when conditional, the condition marker's first token (from). Kept only
 * for those words, in token order, so a long message does not carry two
 * 32-bit slots for every token (analyse_apologies, rules.c). */
struct ck_apo_span { uint32_t tok, from, end; };

struct ck_ctx {
	const struct ck_doc *d;
	const struct rd_check_opts *o;
	const char *kind;
	const char *tz;
	struct ck_when_ctx when;
	struct ck_items items;
	uint8_t *role;             /* per item: enum ck_role */
	uint8_t *eta_claim;        /* per item: ROLE_ETA with an ETA cue in its own clause */
	bool items_done;
	/* a message of several windows has its items found and their roles
	 * given window by window (items_upto, rules.c): the extraction goes on
	 * from token items_pos, items [0, roles_done) have their roles, with
	 * the index of cue hits and tokens around them in *ix */
	size_t items_pos, roles_done, caprole;
	struct item_index *ix;
	struct rd_check_finding *f;
	size_t nf, capf;
	struct ck_elem_state elem[E__COUNT];
	bool required[E__COUNT];
	int8_t correction;         /* -1 unknown, 0 no, 1 the message corrects */
	int8_t quotes;             /* 0 not looked, 1 the text has no quotation mark, 2 it has (ck_finding) */
	int8_t *apo;               /* per token: apology analysis (rules.c) */
	size_t apo_done;           /* tokens analysed so far: [0, apo_done) */
	struct ck_apo_span *apo_span; /* conditional and non-apologies, by token (rules.c) */
	size_t napo_span, capapo_span;
	bool oom;
	struct rd_check_strings *strs;  /* findings' text (ck_strdup_f); passed to the result */
	struct ck_intern *intern;  /* recent findings' text by hash, to share repeats (rules.c) */
	/* The window the span rules look at now: tokens [t0, t1), the hits
	 * starting in them [h0, h1). A long message is checked in windows of
	 * whole sentences (CK_WINDOW_BYTES of text), every span rule over one
	 * window before the next, so the window's tokens and hits stay in the
	 * cache instead of every rule streaming the whole message from memory. */
	size_t t0, t1, h0, h1;
	/* made once per message for the span rules, not once per window */
	uint8_t *fault_mask;       /* tokens inside an L_FAULT hit (rule_passive) */
	uint32_t acted[32];        /* rule_passive: first active use of each harm or action
				    * verb so far ("it skipped every change"), in token order */
	size_t nacted;
	/* actor_next's answer for sentence next_actor_sent - 1 (0: none yet):
	 * every passive of a sentence asks about the same next sentence */
	size_t next_actor_sent;
	bool next_actor;
	uint8_t *generic_mask;     /* tokens inside an L_GENERIC hit (rule_generic) */
	struct ck_word_use *uses;  /* rule_jargon's table of words (rules.c), its mask, */
	size_t umask, nuses;       /* entries and the tokens [0, words_done) it holds */
	size_t words_done;
	uint32_t *acr;             /* acronyms waiting for the end of the message */
	size_t nacr, capacr;
	struct ck_term_use *terms; /* rule_jargon's listed terms reported so far (rules.c), */
	size_t tmask, nterms;      /* its mask and entries */
	const struct ck_rule *jargon_rule;
	/* action and contact looked for window by window (elements_window) */
	struct ck_elem_scan {
		bool tok, hit;             /* a token match, a phrase hit found */
		uint32_t tok_start, tok_end, hit_start, hit_end;
	} escan[2];
	struct ck_elem_scan prevention;   /* prevention, likewise (prevention_scan) */
	/* template.unfilled's placeholder words (XXX…, TBD, TODO, FIXME, TBC,
	 * TBA), their bytes in token order, found window by window
	 * (unfilled_window) so that the rule, which runs once after the
	 * windows, reads this short list and not the tokens again */
	struct ck_range *unf_word;
	size_t nunf_word, capunf_word;
	/* findings [0, nf_settled) were settled window by window (a message of
	 * several windows; 0 otherwise), each within its window's bytes: one
	 * sorted run that finish orders the rest into (check.c) */
	size_t nf_settled;
	bool unsettled;            /* a window's finding outside its window: finish sorts all */
	/* The ownership element's passes (detect_ownership, rules.c), run over
	 * tokens [0, done) so far, window by window when rule_blame asks: when
	 * found, the first candidate of the first pass (best) that has one,
	 * tokens [a, b). */
	struct ck_own {
		size_t done;
		bool found;
		unsigned best;
		uint32_t a, b;
	} own;
	/* rule_blame's findings that stand only when the message takes no
	 * responsibility are made in a window before the later windows are
	 * read: there it goes on as if the message took none (own_guess, with
	 * nf when it first did), and own_bet notes that a finding came after
	 * such a guess. If the message turns out to take responsibility,
	 * ck_run_rules stops with own_rerun and the rules run again with owned
	 * set (check.c), as they would have with the whole message read. */
	bool owned, own_guess, own_bet, own_rerun;
	size_t own_guess_nf;
};

/* Text a window of span rules covers, at least (whole sentences): small
 * enough that its tokens (40 bytes a word), hits and the rules' lookups
 * stay in a core's cache, large enough that the per-window cost is noise. */
#define CK_WINDOW_BYTES 32768

/* The findings' text: strings packed in blocks (2 KB doubling to 64 KB), freed all at once
 * (ck_strings_free), so 130,000 findings cost two allocations per block,
 * not two per finding, and their text sits together in memory. */
struct rd_check_strings {
	struct rd_check_strings *next;
	size_t used, cap;
	char data[];
};
/* A copy of s[0..n) NUL-terminated in *head's blocks; NULL on allocation failure. */
char *ck_strings_add(struct rd_check_strings **head, const char *s, size_t n);
void ck_strings_free(struct rd_check_strings *head);

struct ck_rule {
	const char *id;
	enum rd_severity sev;
	int cost;                  /* points per finding (at most 3 findings count) */
	const char *summary;
	const char *explain;
	void (*fn)(struct ck_ctx *c, const struct ck_rule *r);
	int elem;                  /* element.* rules: enum ck_elem, else -1 */
	/* Runs window by window (ck_run_rules): it looks only at the tokens
	 * [c->t0, c->t1) and hits [c->h0, c->h1) for where findings start,
	 * each finding lies within one sentence, and what it carries from one
	 * sentence to the next lives in ck_ctx. Others run once, afterwards. */
	bool span;
};
extern const struct ck_rule ck_rules[];
extern const size_t ck_nrules;

/* Adds a finding for rule r over bytes [start, end); suggestion may be NULL
 * and is consumed. Sets c->oom on allocation failure. */
void ck_finding(struct ck_ctx *c, const struct ck_rule *r, enum rd_severity sev, size_t start,
		size_t end, bool whole, char *suggestion, const char *fmt, ...)
	__attribute__((format(printf, 8, 9)));
/* Shared by the rule files (rules.c). */
char *ck_fmt(struct ck_ctx *c, const char *f, ...) __attribute__((format(printf, 2, 3)));
bool ck_ensure_items(struct ck_ctx *c);   /* extracts items and their roles once */
bool ck_sent_has(const struct ck_doc *d, size_t i, enum ck_list l);
/* The fact.contradiction rule (facts.c). */
void ck_rule_contradiction(struct ck_ctx *c, const struct ck_rule *r);
/* De-duplicates and sorts the findings c->f[from, nf) as a result's are
 * (check.c); ck_run_rules settles each window's. Sets c->oom on failure. */
void ck_findings_settle(struct ck_ctx *c, size_t from);
/* Runs every rule over c (rules.c). */
void ck_run_rules(struct ck_ctx *c);
void ck_ctx_free(struct ck_ctx *c);

#endif
