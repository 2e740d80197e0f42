/* lexicon.c — the checker's word lists (data/words/) compiled into one
 * trie of normalised tokens, so that a message is classified and every
 * phrase of every list is found in a single scan over its tokens: one hash
 * probe per token, plus a walk down the trie only where a phrase starts.
 *
 * The shipped lists (plus the user's words/<list>.local.txt additions) are
 * compiled once per process under pthread_once; per-call extensions
 * (rd_check_opts.extra_words) compile a private copy. */
#include <assert.h>
#include <pthread.h>
#include <string.h>

#include "check/check_int.h"
#include "redress/data.h"
#include "redress/err.h"
#include "util/buf.h"

/* The lists. `hits`: record every match (phrase lists); otherwise only the
 * class bit of words is used (word classes; an entry of several words
 * classifies its first word where it is found whole). To add a list: a row
 * here, an id in enum ck_list (same position), data/words/<name>.txt, and
 * the file name in data/words/meson.build. */
const struct ck_list_def ck_list_defs[L__COUNT] = {
	[L_APOLOGY] = {"apology", false},
	[L_REGRET] = {"regret", false},
	[L_CONDITIONAL] = {"apology_conditional", true},
	[L_NON_APOLOGY] = {"non_apology", true},
	[L_GENERIC] = {"apology_generic", true},
	[L_PASSIVE_PHRASE] = {"passive_phrases", true},
	[L_BE_PAST] = {"be_past", false},
	[L_PARTICIPLE] = {"passive_participles", false},
	[L_BLAME] = {"blame_shift", true},
	[L_VENDOR] = {"vendors", true},
	[L_BLAME_CAUSE] = {"blame_causes", true},
	[L_MIN_ADJ] = {"minimizers", false},
	[L_MIN_ADV] = {"minimizing_adverbs", false},
	[L_MIN_NOUN] = {"minimizing_nouns", true},
	[L_HARM] = {"harm_nouns", false},
	[L_QUANTITY] = {"quantities", false},
	[L_TIME_WORD] = {"time_words", false},
	[L_HEDGING] = {"hedging", true},
	[L_JARGON] = {"jargon", true},
	[L_ACRONYM_OK] = {"acronyms", false},
	[L_CORPORATE] = {"corporate", true},
	[L_OVERREACH] = {"overreach", true},
	[L_IMPACT] = {"impact", true},
	[L_OWNERSHIP] = {"ownership", true},
	[L_OWN_VERB] = {"ownership_verbs", false},
	[L_ACTION] = {"action_verbs", false},
	[L_ACTION_PHRASE] = {"action_phrases", true},
	[L_TEAM] = {"team_nouns", false},
	[L_CAUSE] = {"cause", true},
	[L_CAUSE_CLAIM] = {"cause_claims", true},
	[L_REMEDY] = {"remedy", true},
	[L_PREVENTION] = {"prevention", true},
	[L_ETA_CUE] = {"eta_cues", true},
	[L_NEXT_UPDATE] = {"next_update", true},
	[L_CONTACT] = {"contact", true},
	[L_REPAIR] = {"repair", true},
	[L_DELAY_REASON] = {"delay_reason", true},
	[L_LATE_ACK] = {"late_ack", true},
	[L_CORRECTION] = {"corrections", true},
	[L_NEGATION] = {"negations", false},
	[L_STOPWORD] = {"stopwords", false},
	[L_PASSIVE_ACTION] = {"passive_actions", false},
	[L_FAULT] = {"fault_markers", true},
	[L_AUDIENCE] = {"audience", true},
	[L_STATUS_TAG] = {"status_tags", true},
	[L_FAULT_NOUN] = {"fault_nouns", false},
	[L_BLAME_PLACE] = {"blame_places", false},
};

struct slot {
	uint32_t parent;           /* 0 = root */
	uint32_t hash;
	uint32_t str;              /* offset in pool */
	uint32_t node;             /* 0 = empty slot */
};

/* What ck_lex_scan reads of a trie node, in one 32-byte entry: a word's
 * probe used to touch its slot, the pool for its text and three per-node
 * arrays for its lists, keyword and children, up to five cache lines a
 * word of a list (the lexicon is out of L1 again by the next message);
 * now one, and the pool only past a word's first eight bytes. Built from
 * the slots once the lists are in (lex_seal), at the same index, so a probe
 * walks the same sequence; the slots and arrays are then freed. */
struct probe {
	uint32_t parent;           /* as struct slot */
	uint32_t node;             /* 0 = empty */
	uint32_t str;              /* offset in pool */
	uint8_t len;               /* bytes of the text (a token's nlen: at most 255) */
	uint8_t inner;             /* the node has children */
	int16_t kw;                /* extractor keyword id, or -1 */
	uint64_t head;             /* the text's first eight bytes, zero-padded (little-endian) */
	uint64_t ends;             /* lists with a phrase ending here */
};
_Static_assert(sizeof(struct probe) == 32, "a probe is half a cache line");

struct ck_lex {
	struct probe *probe;       /* cap entries, after lex_seal */
	struct slot *slot;         /* while the lists are added; NULL after lex_seal */
	size_t cap, used;          /* cap a power of two, kept over 4 * used: a word of no
	                            * list (most words) is a miss, found after ~1.4 probes
	                            * instead of ~2.5 at half full */
	uint64_t *ends;            /* per node: lists with a phrase ending here */
	bool *inner;               /* per node: has children */
	int16_t *kw;               /* per node: extractor keyword id of a root child, or -1 */
	size_t nnode, capnode;
	char *pool;
	size_t npool, cappool;
	uint64_t hits_mask;
};

int ck_list_id(const char *name)
{
	for (int i = 0; i < L__COUNT; i++)
		if (strcmp(ck_list_defs[i].name, name) == 0)
			return i;
	return -1;
}

static bool lex_init(struct ck_lex *lx)
{
	memset(lx, 0, sizeof *lx);
	lx->cap = 4096;
	lx->slot = calloc(lx->cap, sizeof *lx->slot);
	lx->capnode = 1024;
	lx->ends = calloc(lx->capnode, sizeof *lx->ends);
	lx->inner = calloc(lx->capnode, sizeof *lx->inner);
	lx->kw = malloc(lx->capnode * sizeof *lx->kw);
	if (lx->kw)
		for (size_t k = 0; k < lx->capnode; k++)
			lx->kw[k] = -1;
	lx->nnode = 1; /* node 0 is the root */
	for (int i = 0; i < L__COUNT; i++)
		if (ck_list_defs[i].hits)
			lx->hits_mask |= 1ull << i;
	return lx->slot && lx->ends && lx->inner && lx->kw;
}

static uint32_t child(struct ck_lex *lx, uint32_t parent, const char *s, size_t n);

/* The extractor's keywords as root children (a keyword that is no list's
 * word gets a node of no list), so the one probe ck_lex_scan makes per
 * token also answers "which keyword?" (round one looked each word up in
 * both tables). Keywords are lower-case ASCII words: their own normal form. */
static bool add_keywords(struct ck_lex *lx)
{
	for (size_t i = 0; i < ck_kw_count(); i++) {
		const char *w = ck_kw_word(i);
		uint32_t node = child(lx, 0, w, strlen(w));
		if (!node)
			return false;
		lx->kw[node] = (int16_t)i;
	}
	return true;
}

void ck_lex_free(struct ck_lex *lx)
{
	if (!lx)
		return;
	free(lx->probe);
	free(lx->slot);
	free(lx->ends);
	free(lx->inner);
	free(lx->kw);
	free(lx->pool);
	free(lx);
}

static inline uint32_t slot_hash(uint32_t parent, uint32_t h)
{
	return h ^ (parent * 0x9E3779B1u);
}

/* Zero bytes kept after the pool's last string: a token of up to 255 bytes
 * compared with any string of the pool (a hash collision may pair a long
 * token with a short string) reads at most 256 bytes from its start. */
#define POOL_SLACK 264

/* a[0..n) equals b[0..n), eight bytes a step and the last group masked:
 * both may be read up to the eight bytes past their n rounded up to eight
 * (the pool keeps POOL_SLACK zero bytes after its last string, a parsed
 * document eight after its last token, ck_doc_parse). probe_lookup runs
 * it past the first eight bytes of a longer word of a list, where memcmp
 * was a call. */
static inline bool same_padded(const char *a, const char *b, size_t n)
{
	size_t k = 0;
	for (; n - k > 8; k += 8)
		if (ck_load_le64(a + k) != ck_load_le64(b + k))
			return false;
	size_t r = n - k;
	uint64_t mask = r >= 8 ? ~(uint64_t)0 : ((uint64_t)1 << (8 * r)) - 1;
	return ((ck_load_le64(a + k) ^ ck_load_le64(b + k)) & mask) == 0;
}

/* The node of child S[0..n) (hash h) of PARENT, or 0, while the lists are
 * added (child); ck_lex_scan reads the sealed table (probe_lookup). */
static uint32_t lookup(const struct ck_lex *lx, uint32_t parent, const char *s, size_t n,
		       uint32_t h)
{
	size_t mask = lx->cap - 1;
	for (size_t i = slot_hash(parent, h) & mask;; i = (i + 1) & mask) {
		const struct slot *sl = &lx->slot[i];
		if (!sl->node)
			return 0;
		if (sl->parent == parent && sl->hash == h && memcmp(lx->pool + sl->str, s, n) == 0 &&
		    lx->pool[sl->str + n] == '\0')
			return sl->node;
	}
}

/* The bytes of a text's first eight that are its own, by its length: a
 * load, where the computed mask compiled to a branch on the length. */
static const uint64_t head_mask[9] = {
	0, 0xff, 0xffff, 0xffffff, 0xffffffff, 0xffffffffffull, 0xffffffffffffull,
	0xffffffffffffffull, ~(uint64_t)0,
};

/* The first eight bytes of s[0..n), zero-padded; s may be read eight bytes
 * from its start (a parsed document's text, the pool). */
static inline uint64_t head8(const char *s, size_t n)
{
	return ck_load_le64(s) & head_mask[n < 8 ? n : 8];
}

/* lookup for ck_lex_scan, on the sealed table: the entry of child S[0..n)
 * (hash h) of PARENT, or NULL. S may be read up to eight bytes past its
 * end, rounded up to eight (a parsed document's normalised text). */
static inline __attribute__((always_inline)) const struct probe *
probe_lookup(const struct ck_lex *lx, uint32_t parent, const char *s, size_t n, uint32_t h)
{
	size_t mask = lx->cap - 1;
	uint64_t hd = head8(s, n);
	for (size_t i = slot_hash(parent, h) & mask;; i = (i + 1) & mask) {
		const struct probe *p = &lx->probe[i];
		if (!p->node)
			return NULL;
		if (p->parent == parent && p->len == n && p->head == hd &&
		    (n <= 8 || same_padded(lx->pool + p->str + 8, s + 8, n - 8)))
			return p;
	}
}

/* Builds the probe table from the slots and the per-node arrays, which are
 * then freed: no list is added after this. False when out of memory. */
static bool lex_seal(struct ck_lex *lx)
{
	struct probe *pr = calloc(lx->cap, sizeof *pr);
	if (!pr)
		return false;
	for (size_t i = 0; i < lx->cap; i++) {
		const struct slot *sl = &lx->slot[i];
		if (!sl->node)
			continue;
		size_t n = strlen(lx->pool + sl->str);
		assert(n <= 255);   /* a token's text (child's n is an nlen) or a keyword */
		pr[i] = (struct probe){
			.parent = sl->parent,
			.node = sl->node,
			.str = sl->str,
			.len = (uint8_t)n,
			.inner = lx->inner[sl->node],
			.kw = lx->kw[sl->node],
			.head = head8(lx->pool + sl->str, n),
			.ends = lx->ends[sl->node],
		};
	}
	lx->probe = pr;
	free(lx->slot);
	free(lx->ends);
	free(lx->inner);
	free(lx->kw);
	lx->slot = NULL;
	lx->ends = NULL;
	lx->inner = NULL;
	lx->kw = NULL;
	return true;
}

static bool rehash(struct ck_lex *lx)
{
	size_t ncap = lx->cap * 2;
	struct slot *ns = calloc(ncap, sizeof *ns);
	if (!ns)
		return false;
	for (size_t i = 0; i < lx->cap; i++) {
		struct slot *sl = &lx->slot[i];
		if (!sl->node)
			continue;
		size_t j = slot_hash(sl->parent, sl->hash) & (ncap - 1);
		while (ns[j].node)
			j = (j + 1) & (ncap - 1);
		ns[j] = *sl;
	}
	free(lx->slot);
	lx->slot = ns;
	lx->cap = ncap;
	return true;
}

static uint32_t child(struct ck_lex *lx, uint32_t parent, const char *s, size_t n)
{
	uint32_t h = ck_hash(s, n);
	uint32_t node = lookup(lx, parent, s, n, h);
	if (node)
		return node;
	if ((lx->used + 1) * 4 > lx->cap && !rehash(lx))
		return 0;
	if (lx->nnode + 1 > lx->capnode) {
		size_t nc = lx->capnode * 2;
		uint64_t *e = realloc(lx->ends, nc * sizeof *e);
		if (!e)
			return 0;
		lx->ends = e;
		bool *in = realloc(lx->inner, nc * sizeof *in);
		if (!in)
			return 0;
		lx->inner = in;
		int16_t *kw = realloc(lx->kw, nc * sizeof *kw);
		if (!kw)
			return 0;
		lx->kw = kw;
		for (size_t k = lx->capnode; k < nc; k++)
			kw[k] = -1;
		memset(lx->ends + lx->capnode, 0, (nc - lx->capnode) * sizeof *e);
		memset(lx->inner + lx->capnode, 0, (nc - lx->capnode) * sizeof *in);
		lx->capnode = nc;
	}
	if (lx->npool + n + 1 + POOL_SLACK > lx->cappool) {
		size_t nc = lx->cappool ? lx->cappool * 2 : 8192;
		while (nc < lx->npool + n + 1 + POOL_SLACK)
			nc *= 2;
		char *p = realloc(lx->pool, nc);
		if (!p)
			return 0;
		lx->pool = p;
		lx->cappool = nc;
	}
	uint32_t off = (uint32_t)lx->npool;
	memcpy(lx->pool + off, s, n);
	lx->pool[off + n] = '\0';
	lx->npool += n + 1;
	memset(lx->pool + lx->npool, 0, POOL_SLACK);   /* same_padded's slack */
	node = (uint32_t)lx->nnode++;
	size_t mask = lx->cap - 1;
	size_t i = slot_hash(parent, h) & mask;
	while (lx->slot[i].node)
		i = (i + 1) & mask;
	lx->slot[i] = (struct slot){parent, h, off, node};
	lx->used++;
	lx->inner[parent] = true;
	return node;
}

/* Adds one phrase (already a line of text) to list L. */
static bool add_phrase(struct ck_lex *lx, struct ck_doc *tmp, int l, const char *s, size_t n)
{
	if (!ck_doc_parse(tmp, s, n))
		return false;
	if (tmp->ntok == 0)
		return true;
	uint32_t node = 0;
	for (size_t i = 0; i < tmp->ntok; i++) {
		node = child(lx, node, ck_norm(tmp, i), tmp->tok[i].nlen);
		if (!node)
			return false;
	}
	/* a class list's entry of several words ("bump in the road") gives
	 * its class to its first word where the whole entry is found
	 * (ck_lex_scan) */
	lx->ends[node] |= 1ull << l;
	return true;
}

/* Adds every line of a list file: one entry a line, '#' starts a comment. */
static bool add_text(struct ck_lex *lx, struct ck_doc *tmp, int l, const char *text, size_t len)
{
	size_t p = 0;
	while (p < len) {
		size_t e = p;
		while (e < len && text[e] != '\n')
			e++;
		size_t a = p, b = e;
		for (size_t k = a; k < b; k++)
			if (text[k] == '#' && (k == a || text[k - 1] == ' ' || text[k - 1] == '\t')) {
				b = k;
				break;
			}
		while (a < b && (text[a] == ' ' || text[a] == '\t'))
			a++;
		while (b > a && (text[b - 1] == ' ' || text[b - 1] == '\t' || text[b - 1] == '\r'))
			b--;
		if (b > a && !add_phrase(lx, tmp, l, text + a, b - a))
			return false;
		p = e + 1;
	}
	return true;
}

/* ---- the process-wide default -------------------------------------------- */

static pthread_once_t default_once = PTHREAD_ONCE_INIT;
static struct ck_lex *default_lex;
static char *default_err;
static char *list_text[L__COUNT][2];   /* shipped text, .local.txt text */
static size_t list_len[L__COUNT][2];

static void load_default(void)
{
	struct ck_lex *lx = calloc(1, sizeof *lx);
	struct ck_doc tmp = {0};
	if (!lx || !lex_init(lx) || !add_keywords(lx))
		goto oom;
	for (int l = 0; l < L__COUNT; l++) {
		char name[128];
		snprintf(name, sizeof name, "words/%s.txt", ck_list_defs[l].name);
		char *err = NULL;
		enum rd_err rc = rd_data_load(name, &list_text[l][0], &list_len[l][0], &err);
		if (rc != RD_OK) {
			rd_fail(rc, &default_err, "%s", err ? err : "cannot load word list");
			free(err);
			goto fail;
		}
		free(err); /* may be set even on success */
		snprintf(name, sizeof name, "words/%s.local.txt", ck_list_defs[l].name);
		char *ignored = NULL;
		rc = rd_data_load(name, &list_text[l][1], &list_len[l][1], &ignored);
		free(ignored);
		if (rc != RD_OK && rc != RD_ENOTFOUND) {
			rd_fail(rc, &default_err, "cannot read data file %s", name);
			goto fail;
		}
		for (int k = 0; k < 2; k++)
			if (list_text[l][k] && !add_text(lx, &tmp, l, list_text[l][k], list_len[l][k]))
				goto oom;
	}
	ck_doc_free(&tmp);
	if (!lex_seal(lx)) {
		rd_fail(RD_ENOMEM, &default_err, "out of memory loading the checker's word lists");
		ck_lex_free(lx);
		return;
	}
	default_lex = lx;
	return;
oom:
	rd_fail(RD_ENOMEM, &default_err, "out of memory loading the checker's word lists");
fail:
	ck_doc_free(&tmp);
	ck_lex_free(lx);
}

const struct ck_lex *ck_lex_default(char **errmsg)
{
	pthread_once(&default_once, load_default);
	if (!default_lex) {
		rd_fail(RD_EINVAL, errmsg, "%s", default_err ? default_err : "word lists unavailable");
		return NULL;
	}
	return default_lex;
}

struct ck_lex *ck_lex_extend(json_t *extra, char **errmsg)
{
	if (!ck_lex_default(errmsg))
		return NULL;
	if (!json_is_object(extra)) {
		rd_fail(RD_EINVAL, errmsg, "extra word lists must be a JSON object of arrays");
		return NULL;
	}
	struct ck_lex *lx = calloc(1, sizeof *lx);
	struct ck_doc tmp = {0};
	if (!lx || !lex_init(lx) || !add_keywords(lx))
		goto oom;
	for (int l = 0; l < L__COUNT; l++)
		for (int k = 0; k < 2; k++)
			if (list_text[l][k] && !add_text(lx, &tmp, l, list_text[l][k], list_len[l][k]))
				goto oom;
	const char *key;
	json_t *arr;
	json_object_foreach(extra, key, arr) {
		int l = ck_list_id(key);
		if (l < 0) {
			rd_fail(RD_EINVAL, errmsg, "unknown word list '%s' in extra words", key);
			goto fail;
		}
		if (!json_is_array(arr)) {
			rd_fail(RD_EINVAL, errmsg, "extra words '%s' must be an array of strings", key);
			goto fail;
		}
		size_t i;
		json_t *v;
		json_array_foreach(arr, i, v) {
			if (!json_is_string(v)) {
				rd_fail(RD_EINVAL, errmsg, "extra words '%s'[%zu] is not a string", key, i);
				goto fail;
			}
			const char *s = json_string_value(v);
			size_t n = json_string_length(v);
			if (!rd_utf8_valid(s, n, NULL)) {
				rd_fail(RD_EINVAL, errmsg, "extra words '%s'[%zu] is not UTF-8", key, i);
				goto fail;
			}
			if (!add_phrase(lx, &tmp, l, s, n))
				goto oom;
		}
	}
	ck_doc_free(&tmp);
	if (!lex_seal(lx)) {
		rd_fail(RD_ENOMEM, errmsg, "out of memory building word lists");
		ck_lex_free(lx);
		return NULL;
	}
	return lx;
oom:
	rd_fail(RD_ENOMEM, errmsg, "out of memory building word lists");
fail:
	ck_doc_free(&tmp);
	ck_lex_free(lx);
	return NULL;
}

static bool add_hit(struct ck_doc *d, int l, size_t first, size_t last)
{
	if (d->nhit + 1 > d->caphit) {
		size_t nc = d->caphit ? d->caphit * 2 : 64;
		struct ck_hit *h = realloc(d->hit, nc * sizeof *h);
		if (!h)
			return false;
		d->hit = h;
		d->caphit = nc;
	}
	d->hit[d->nhit++] = (struct ck_hit){(uint16_t)l, (uint32_t)first, (uint32_t)last};
	return true;
}

static bool record(const struct ck_lex *lx, struct ck_doc *d, uint64_t m, size_t first, size_t last)
{
	m &= lx->hits_mask;
	while (m) {
		int l = __builtin_ctzll(m);
		m &= m - 1;
		if (!add_hit(d, l, first, last))
			return false;
	}
	return true;
}

/* Lists whose phrases both set the bit on their first token and record a
 * hit (ck_lex_scan). */
static const uint64_t first_and_hits = 1ull << L_MIN_NOUN;

bool ck_lex_scan(const struct ck_lex *lx, struct ck_doc *d)
{
	d->nhit = 0;
	d->maxhit = 1;
	for (size_t s = 0; s < d->nsent; s++) {
		d->sent[s].cls = 0;
		d->sent[s].caps = false;
	}
	for (size_t i = 0; i < d->ntok; i++) {
		struct ck_tok *t = &d->tok[i];
		d->cls[i] = 0;
		/* tone.jargon's acronyms are words in capitals, and its product
		 * names have two after lower case: it passes over the sentences
		 * that have neither */
		if (t->flags & (CK_TF_ALLCAPS | CK_TF_MIXED))
			d->sent[t->sent].caps = true;
		if (t->type != CK_WORD && t->type != CK_NUM)
			continue;
		const struct probe *p = probe_lookup(lx, 0, ck_norm(d, i), t->nlen, t->hash);
		t->kw = t->type == CK_WORD && p ? p->kw : -1;
		if (!p)
			continue;
		d->cls[i] = p->ends;
		d->sent[t->sent].cls |= d->cls[i];
		/* most words are in single-word lists only: no hit to record */
		if ((d->cls[i] & lx->hits_mask) && !record(lx, d, d->cls[i], i, i + 1))
			return false;
		/* longer phrases: walk the trie while the tokens stay in one clause */
		for (size_t j = i + 1; p->inner && j < d->ntok; j++) {
			const struct ck_tok *u = &d->tok[j];
			if (u->gap & (CK_G_SENT | CK_G_CLAUSE | CK_G_PUNCT))
				break;
			p = probe_lookup(lx, p->node, ck_norm(d, j), u->nlen, u->hash);
			if (!p)
				break;
			uint64_t ends = p->ends;
			if (!ends)
				continue; /* most steps: the middle of a phrase */
			if ((ends & lx->hits_mask) && !record(lx, d, ends, i, j + 1))
				return false;
			if ((ends & lx->hits_mask) && j + 1 - i > d->maxhit)
				d->maxhit = (uint32_t)(j + 1 - i);
			/* a phrase sets its list's bit on its first token, unless
			 * the list records hits instead; a list of both kinds
			 * (first_and_hits) does both: the minimising phrases'
			 * rule starts at the bit and reads the hit's end ("the
			 * vast majority", "not ideal") */
			if (ends & (~lx->hits_mask | first_and_hits)) {
				d->cls[i] |= ends & (~lx->hits_mask | first_and_hits);
				d->sent[t->sent].cls |= d->cls[i];
			}
		}
	}
	/* the per-token index into the hits (ck_hit_lower) */
	if (d->ntok > d->caphitidx) {
		size_t nc = d->caphitidx ? d->caphitidx : 64;
		while (nc < d->ntok)
			nc *= 2;
		uint32_t *x = realloc(d->hitidx, nc * sizeof *x);
		if (!x)
			return false;
		d->hitidx = x;
		d->caphitidx = nc;
	}
	/* hits come in order of their first token (the scan above records them
	 * token by token): the tokens up to a hit's first take its index, one
	 * store each, instead of a test against the hits at every token */
	size_t t = 0;
	for (size_t h = 0; h < d->nhit; h++)
		for (size_t f = d->hit[h].first; t <= f && t < d->ntok; t++)
			d->hitidx[t] = (uint32_t)h;
	for (; t < d->ntok; t++)
		d->hitidx[t] = (uint32_t)d->nhit;
	return true;
}


