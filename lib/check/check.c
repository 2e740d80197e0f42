/* check.c — rd_check and its result: validates the options, tokenises the
 * message (text.c), classifies it against the word lists (lexicon.c), runs
 * the rule table (rules.c), then orders, de-duplicates and scores the
 * findings. Also the result's JSON and compiler-style output, and the
 * streaming entry point that checks an archive message by message with
 * flat memory. */
#include <pthread.h>
#include <string.h>

#include "check/check_int.h"
#include "redress/comm_kind.h"
#include "redress/time.h"
#include "util/buf.h"
#include "util/jsonw.h"

const char *rd_severity_name(enum rd_severity sev)
{
	switch (sev) {
	case RD_SEV_INFO: return "info";
	case RD_SEV_WARNING: return "warning";
	case RD_SEV_ERROR: return "error";
	}
	return "unknown";
}

/* ---- kinds and their required elements (the default policy) ------------------ */

#define L(...) (const char *const[]){__VA_ARGS__, NULL}
static const struct {
	const char *kind;
	const char *const *req;
	const char *const *req_repair;   /* when repair is expected */
} defaults[] = {
	{"apology", L("impact", "ownership", "action", "next-update", "contact"), NULL},
	{"rca_update", L("ownership", "cause", "prevention", "action", "next-update", "contact"), NULL},
	{"plan", L("cause", "prevention", "action", "timeline", "next-update", "contact"),
	 L("cause", "prevention", "action", "timeline", "next-update", "contact", "repair")},
	{"progress", L("action", "timeline", "next-update", "contact"), NULL},
	{"delay", L("delay-reason", "timeline", "next-update", "contact"), NULL},
	{"resolution", L("action", "contact"), L("action", "contact", "repair")},
	{"follow_up", L("contact"), NULL},
	{"survey", L("contact"), NULL},
	{"review", L("cause", "prevention", "action", "contact"), NULL},
	{"correction", L("ownership", "contact"), NULL},
	{"other", (const char *const[]){NULL}, NULL},
};
#undef L

const char *const *rd_check_element_names(void)
{
	return ck_elem_names;
}

const char *const *rd_check_default_elements(const char *kind, bool repair_expected)
{
	if (!kind)
		kind = "other";
	for (size_t i = 0; i < sizeof defaults / sizeof defaults[0]; i++)
		if (!strcmp(defaults[i].kind, kind))
			return repair_expected && defaults[i].req_repair ? defaults[i].req_repair : defaults[i].req;
	return NULL;
}

/* ---- the rule table, public view ---------------------------------------------- */

const struct rd_check_rule_info *rd_check_rule_at(size_t i)
{
	static struct rd_check_rule_info info[64];
	static bool init;
	/* the table is static data; building the view twice is harmless */
	if (!init) {
		for (size_t k = 0; k < ck_nrules && k < 64; k++)
			info[k] = (struct rd_check_rule_info){ck_rules[k].id, ck_rules[k].sev, ck_rules[k].cost,
							      ck_rules[k].summary, ck_rules[k].explain};
		init = true;
	}
	return i < ck_nrules ? &info[i] : NULL;
}

const char *rd_check_explain(const char *rule_id)
{
	for (size_t i = 0; rule_id && i < ck_nrules; i++)
		if (!strcmp(ck_rules[i].id, rule_id))
			return ck_rules[i].explain;
	return NULL;
}

/* ---- prepared options ------------------------------------------------------------ */

struct prepared {
	const char *kind;
	const char *lang;           /* "en", "de", "fr" */
	const char *tz;
	bool required[E__COUNT];
	int order[E__COUNT + 1];    /* required elements in policy order, -1 ends */
	const struct ck_lex *lex;
	struct ck_lex *own_lex;
};

static enum rd_err prepare(const struct rd_check_opts *o, struct prepared *p, char **errmsg)
{
	memset(p, 0, sizeof *p);
	p->kind = o->kind && *o->kind ? o->kind : "other";
	enum rd_comm_kind kind;
	enum rd_err rc = rd_comm_kind_parse(p->kind, &kind, errmsg);
	if (rc)
		return rc;
	p->lang = o->lang && *o->lang ? o->lang : "en";
	if (strcmp(p->lang, "en") && strcmp(p->lang, "de") && strcmp(p->lang, "fr"))
		return rd_fail(RD_EINVAL, errmsg, "unknown language '%s' (accepted: en, de, fr)", p->lang);
	p->tz = o->tz && *o->tz ? o->tz : "UTC";
	if (!rd_tz_valid(p->tz))
		return rd_fail(RD_EINVAL, errmsg, "unknown time zone '%s'", p->tz);
	const char *const *req = o->required_elements;
	if (!req)
		req = rd_check_default_elements(p->kind, o->repair_expected);
	size_t n = 0;
	for (size_t i = 0; req && req[i]; i++) {
		int e = ck_elem_id(req[i]);
		if (e < 0)
			return rd_fail(RD_EINVAL, errmsg, "unknown element '%s'", req[i]);
		if (e == E_LATE_ACK)
			continue; /* comes from the late flag */
		if (!p->required[e] && n < E__COUNT) {
			p->required[e] = true;
			p->order[n++] = e;
		}
	}
	/* a plan or resolution owes the repair the policy calls for, whichever
	 * list of elements the caller passed (the policy's lists leave it out) */
	if (o->repair_expected && !p->required[E_REPAIR] && n < E__COUNT &&
	    (!strcmp(p->kind, "plan") || !strcmp(p->kind, "resolution"))) {
		p->required[E_REPAIR] = true;
		p->order[n++] = E_REPAIR;
	}
	if (o->late && n < E__COUNT)
		p->order[n++] = E_LATE_ACK;
	p->order[n] = -1;
	/* Elements are found through English word lists: in another language
	 * none is required (their rules are skipped, see drop_skipped). */
	if (strcmp(p->lang, "en")) {
		memset(p->required, 0, sizeof p->required);
		p->order[0] = -1;
	}
	if (o->n_prior && !o->prior)
		return rd_fail(RD_EINVAL, errmsg, "n_prior is set but prior is NULL");
	if (o->extra_words && json_object_size(o->extra_words)) {
		p->own_lex = ck_lex_extend(o->extra_words, errmsg);
		if (!p->own_lex)
			return json_is_object(o->extra_words) ? RD_EINVAL : RD_EINVAL;
		p->lex = p->own_lex;
	} else {
		p->lex = ck_lex_default(errmsg);
		if (!p->lex)
			return RD_EINVAL;
	}
	return RD_OK;
}

/* ---- other languages ------------------------------------------------------------------ */

/* The rules that read no English words: placeholders left in the text and
 * facts (dates, amounts) that contradict what was told before. Every other
 * rule matches English word lists and is skipped for de and fr
 * (docs/internals/check.md). */
static const char *const language_independent[] = {"template.unfilled", "fact.contradiction", NULL};

bool rd_check_rule_language_independent(const char *rule_id)
{
	for (size_t i = 0; rule_id && language_independent[i]; i++)
		if (!strcmp(rule_id, language_independent[i]))
			return true;
	return false;
}

/* Drops the findings of rules that do not apply to a message in P's
 * language (the rules ran on words of another language). */
static void drop_skipped(struct ck_ctx *c, const struct prepared *p)
{
	if (!strcmp(p->lang, "en"))
		return;
	size_t k = 0;
	for (size_t i = 0; i < c->nf; i++)
		if (rd_check_rule_language_independent(c->f[i].rule))
			c->f[k++] = c->f[i];
	/* a dropped finding's text stays in c->strs, freed with the rest */
	c->nf = k;
}

static bool list_skipped(struct rd_check_result *r, const struct prepared *p)
{
	if (!strcmp(p->lang, "en"))
		return true;
	r->skipped = calloc(ck_nrules, sizeof *r->skipped);
	if (!r->skipped)
		return false;
	for (size_t i = 0; i < ck_nrules; i++)
		if (!rd_check_rule_language_independent(ck_rules[i].id))
			r->skipped[r->n_skipped++] = ck_rules[i].id;
	return true;
}

/* ---- finishing a result ------------------------------------------------------------ */

/* A finding's rule is its row's id (the same address): rule_index, asked
 * a few times of every finding, finds the row by that address in a small
 * table, filled once (rule_slots_init, from check_one), where it compared
 * with each row in turn. */
#define RULE_SLOTS 256
static struct rule_slot {
	const char *id;
	int idx;
} rule_slots[RULE_SLOTS];
static pthread_once_t rule_slots_once = PTHREAD_ONCE_INIT;

static size_t rule_slot_of(const char *id)
{
	return (size_t)((((uintptr_t)id >> 3) * 0x9E3779B97F4A7C15ull) >> 56) & (RULE_SLOTS - 1);
}

/* Rows in table order: a probe meets the first row of an id first, as the
 * scan did. */
static void rule_slots_init(void)
{
	for (size_t i = 0; i < ck_nrules && i < RULE_SLOTS / 2; i++) {
		size_t j = rule_slot_of(ck_rules[i].id);
		while (rule_slots[j].id && rule_slots[j].id != ck_rules[i].id)
			j = (j + 1) & (RULE_SLOTS - 1);
		if (!rule_slots[j].id)
			rule_slots[j] = (struct rule_slot){ck_rules[i].id, (int)i};
	}
}

static int rule_index(const char *id)
{
	if (ck_nrules > RULE_SLOTS / 2) {   /* not filled: the scan */
		for (size_t i = 0; i < ck_nrules; i++)
			if (ck_rules[i].id == id)
				return (int)i;
		return (int)ck_nrules;
	}
	for (size_t j = rule_slot_of(id); rule_slots[j].id; j = (j + 1) & (RULE_SLOTS - 1))
		if (rule_slots[j].id == id)
			return rule_slots[j].idx;
	return (int)ck_nrules;
}

/* How a finding's span stands to the others' in de-duplication: an ordinary
 * finding (TONE_NONE) hides a tone finding that overlaps it (TONE_HIDDEN,
 * now tone.corporate alone: its stock phrase inside another finding is
 * that finding's).
 * tone.jargon, tone.hedging and tone.minimizing are neither (TONE_WORD): a
 * word is internal jargon wherever it stands, also inside a blame or a
 * passive ("Our CDN provider pushed a bad config"), a guess is a guess
 * inside a passive too ("it was probably placed in the wrong cage"), and
 * a harm made small inside a blame ("a network blip at our hosting
 * provider"): readers mark both. The hedge rule itself leaves out the
 * stock apology's "this may have caused". */
enum { TONE_NONE, TONE_HIDDEN, TONE_WORD };

/* The class above of a finding of rule RULE. */
static uint8_t tone_class(const char *rule)
{
	if (strncmp(rule, "tone.", 5))
		return TONE_NONE;
	const char *t = rule + 5;
	return strcmp(t, "jargon") && strcmp(t, "hedging") && strcmp(t, "minimizing") ? TONE_HIDDEN : TONE_WORD;
}

/* Findings a message or a window mostly has, at most: the sort and the
 * de-duplication keep their work arrays for so many on the stack. */
#define CK_FEW_FINDINGS 32

/* What ordering and de-duplicating read of a finding, 12 bytes instead of
 * the finding's 80: those passes go over every finding, grouped by rule or
 * sorted, and on a long message (130,000 findings, 10 MB) the findings
 * themselves do not stay in the cache. Byte offsets fit 32 bits (check_one
 * refuses longer messages). */
struct fkey {
	uint32_t start, end;
	uint16_t ri;               /* rule_index */
	uint8_t whole, tone;       /* tone: tone_class */
};

/* One pass over the findings from FROM on, into FEW (CK_FEW_FINDINGS
 * keys, or NULL) when they fit, else into a block the caller frees; NULL
 * on allocation failure. */
static struct fkey *fkeys_of(const struct ck_ctx *c, size_t from, struct fkey *few)
{
	struct fkey *k = few && c->nf - from <= CK_FEW_FINDINGS ? few : malloc((c->nf - from) * sizeof *k);
	if (!k)
		return NULL;
	for (size_t i = 0; i < c->nf - from; i++) {
		const struct rd_check_finding *f = &c->f[from + i];
		k[i] = (struct fkey){(uint32_t)f->start, (uint32_t)f->end, (uint16_t)rule_index(f->rule),
				     f->whole_message, tone_class(f->rule)};
	}
	return k;
}

/* The order of the findings: message-level ones last, then by start, rule
 * (table order), longest first; equal ones keep the order they were found
 * in (idx), as a stable sort of the findings themselves would. */
struct skey {
	uint64_t k;                /* whole << 63 | start << 16 | rule index */
	uint32_t end_inv;          /* UINT32_MAX - end: the longer first */
	uint32_t idx;
};

static struct skey skey_of(const struct rd_check_finding *f, size_t idx)
{
	return (struct skey){(uint64_t)f->whole_message << 63 | (uint64_t)(uint32_t)f->start << 16 |
				     (uint16_t)rule_index(f->rule),
			     UINT32_MAX - (uint32_t)f->end, (uint32_t)idx};
}

static int cmp_skey(const void *a, const void *b)
{
	const struct skey *x = a, *y = b;
	if (x->k != y->k)
		return x->k < y->k ? -1 : 1;
	if (x->end_inv != y->end_inv)
		return x->end_inv < y->end_inv ? -1 : 1;
	return x->idx < y->idx ? -1 : (x->idx > y->idx);
}

/* A run of findings [pos, end) already in key order (merge_less). */
struct frun {
	uint32_t pos, end;
};

static bool merge_less(const struct skey *sk, const struct frun *a, const struct frun *b)
{
	return cmp_skey(&sk[a->pos], &sk[b->pos]) < 0;
}

static void heap_down(const struct skey *sk, struct frun *h, size_t n, size_t i)
{
	for (;;) {
		size_t l = 2 * i + 1, m = i;
		if (l < n && merge_less(sk, &h[l], &h[m]))
			m = l;
		if (l + 1 < n && merge_less(sk, &h[l + 1], &h[m]))
			m = l + 1;
		if (m == i)
			return;
		struct frun t = h[i];
		h[i] = h[m];
		h[m] = t;
		i = m;
	}
}

/* The runs of sk[a, b) (rising keys) as a heap of run heads in h; returns
 * their number. */
static size_t runs_heap(const struct skey *sk, size_t a, size_t b, struct frun *h)
{
	size_t nh = 0;
	for (size_t i = a; i < b; i++)
		if (i + 1 == b || cmp_skey(&sk[i], &sk[i + 1]) > 0) {
			h[nh++] = (struct frun){(uint32_t)a, (uint32_t)(i + 1)};
			a = i + 1;
		}
	for (size_t i = nh / 2; i-- > 0;)
		heap_down(sk, h, nh, i);
	return nh;
}

/* sort_findings when the first run, c->f[from, from + a1), holds at least
 * half of the n findings with keys sk (a long message's windows give one
 * run, the rules run once over the message a few short ones after it):
 * the NRUNS runs after it are merged into a buffer of their size only, and
 * that merged from the back into c->f with the first run, in place. A copy
 * of every finding (10 MB for a 4 MB line) at the end of the check was the
 * peak of its heap. False on allocation failure (c->f unchanged). */
static bool merge_into_first_run(struct ck_ctx *c, size_t from, const struct skey *sk, size_t a1,
				 size_t nruns)
{
	size_t n = c->nf - from, m = n - a1;
	struct rd_check_finding *f = c->f + from;
	struct frun *h = malloc(nruns * sizeof *h);
	struct rd_check_finding *g = malloc(m * sizeof *g);
	struct skey *gk = malloc(m * sizeof *gk);
	bool ok = h && g && gk;
	if (ok) {
		size_t nh = runs_heap(sk, a1, n, h);
		for (size_t o = 0; o < m; o++) {
			gk[o] = sk[h[0].pos];
			g[o] = f[h[0].pos++];
			if (h[0].pos == h[0].end)
				h[0] = h[--nh];
			heap_down(sk, h, nh, 0);
		}
		/* keys are distinct (idx): from the back, the larger of the two tails */
		size_t i = a1, j = m, o = n;
		while (j > 0) {
			if (i > 0 && cmp_skey(&sk[i - 1], &gk[j - 1]) > 0)
				f[--o] = f[--i];
			else
				f[--o] = g[--j];
		}
	}
	free(h);
	free(g);
	free(gk);
	return ok;
}

/* Sorts c->f by 16-byte keys. The rules find their findings walking the
 * message forward, so c->f is a few dozen runs already in order: merging
 * them (a heap of run heads) reads the keys and the findings forward
 * through each run and writes the result once, in order. Sorting the keys
 * and moving the findings along the permutation instead read one 80-byte
 * finding at random per finding: on a long message (130,000 findings,
 * 10 MB, out of the cache) one cache miss each, the one cost of a 4 MB
 * check that grew faster than 4x that of a 1 MB one. Equal keys keep the
 * order found (idx). Only the findings from FROM on (ck_findings_settle
 * sorts a window's). False on allocation failure (c->f unchanged). */
static bool sort_findings(struct ck_ctx *c, size_t from)
{
	size_t n = c->nf - from;
	if (n < 2)
		return true;
	bool ok = false;
	/* a message's or a window's few findings: their keys on the stack */
	struct skey few[CK_FEW_FINDINGS];
	struct skey *sk = n <= CK_FEW_FINDINGS ? few : malloc(n * sizeof *sk);
	struct frun *h = NULL;
	struct rd_check_finding *g = NULL;
	if (!sk)
		goto out;
	size_t nruns = 1;
	for (size_t i = 0; i < n; i++) {
		sk[i] = skey_of(&c->f[from + i], i);
		if (i && cmp_skey(&sk[i - 1], &sk[i]) > 0)
			nruns++;
	}
	if (nruns == 1) {
		ok = true;
		goto out;
	}
	size_t a1 = 1;   /* the first run: [0, a1) */
	while (a1 < n && cmp_skey(&sk[a1 - 1], &sk[a1]) < 0)
		a1++;
	if (a1 >= n / 2) {
		ok = merge_into_first_run(c, from, sk, a1, nruns - 1);
		goto out;
	}
	h = malloc(nruns * sizeof *h);
	g = malloc(n * sizeof *g);
	if (!h || !g)
		goto out;
	size_t nh = runs_heap(sk, 0, n, h);
	for (size_t o = 0; o < n; o++) {
		g[o] = c->f[from + h[0].pos++];
		if (h[0].pos == h[0].end)
			h[0] = h[--nh];
		heap_down(sk, h, nh, 0);
	}
	if (from) {
		memcpy(c->f + from, g, n * sizeof *g);
	} else {
		free(c->f);
		c->f = g;
		c->capf = n;
		g = NULL;
	}
	ok = true;
out:
	if (sk != few)
		free(sk);
	free(h);
	free(g);
	return ok;
}

/* Spans sorted by start, each with the furthest end among it and those
 * before it in its run: "does any span of the run overlap [s, e)?" is then
 * one binary search (the last span starting before e) and one comparison. */
struct spans {
	size_t *start, *maxend;
	size_t n;
};

static bool run_overlaps(const struct spans *sp, size_t lo, size_t hi, size_t s, size_t e)
{
	if (lo >= hi || sp->start[lo] >= e)
		return false;
	while (hi - lo > 1) {   /* start[lo] < e: find the last such */
		size_t mid = lo + (hi - lo) / 2;
		if (sp->start[mid] < e)
			lo = mid;
		else
			hi = mid;
	}
	return sp->maxend[lo] > s;
}

static void spans_push(struct spans *sp, size_t start, size_t end, bool new_run)
{
	size_t k = sp->n++;
	sp->start[k] = start;
	sp->maxend[k] = new_run || end > sp->maxend[k - 1] ? end : sp->maxend[k - 1];
}

/* A run of spans in dedupe's pairs, [pos, end), rising in start. */
struct prun {
	size_t pos, end;
};

static void prun_down(const size_t *pairs, struct prun *h, size_t n, size_t i)
{
	for (;;) {
		size_t l = 2 * i + 1, m = i;
		if (l < n && pairs[2 * h[l].pos] < pairs[2 * h[m].pos])
			m = l;
		if (l + 1 < n && pairs[2 * h[l + 1].pos] < pairs[2 * h[m].pos])
			m = l + 1;
		if (m == i)
			return;
		struct prun t = h[i];
		h[i] = h[m];
		h[m] = t;
		i = m;
	}
}

/* Pushes the spans pairs[0..np) (start, end) onto sp in order of start.
 * They come in runs of rising starts (a window's settled findings, each
 * rule's own), merged here through a heap of run heads: qsort over all of
 * a long message's findings cost n log n, more than 4x on 4x the text.
 * Equal starts come in any order, which run_overlaps cannot tell apart: it
 * reads the furthest end among all the spans starting before a point.
 * False on allocation failure. */
static bool spans_by_start(struct spans *sp, const size_t *pairs, size_t np)
{
	if (!np)
		return true;
	size_t nruns = 1;
	for (size_t k = 1; k < np; k++)
		nruns += pairs[2 * k] < pairs[2 * (k - 1)];
	/* a message's spans come in a few runs: the heap on the stack */
	struct prun small[32];
	struct prun *h = nruns <= 32 ? small : malloc(nruns * sizeof *h);
	if (!h)
		return false;
	size_t nh = 0;
	for (size_t k = 0, a = 0; k < np; k++)
		if (k + 1 == np || pairs[2 * (k + 1)] < pairs[2 * k]) {
			h[nh++] = (struct prun){a, k + 1};
			a = k + 1;
		}
	for (size_t i = nh / 2; i-- > 0;)
		prun_down(pairs, h, nh, i);
	for (size_t k = 0; k < np; k++) {
		size_t p = h[0].pos++;
		spans_push(sp, pairs[2 * p], pairs[2 * p + 1], k == 0);
		if (h[0].pos == h[0].end)
			h[0] = h[--nh];
		prun_down(pairs, h, nh, 0);
	}
	if (h != small)
		free(h);
	return true;
}

/* Marks in drop[0, n) the findings with keys fk[0, n) that de-duplication
 * drops: a tone finding that overlaps a finding of another (non-tone)
 * rule, and a finding that overlaps an earlier one of its own rule. Sorted
 * spans instead of comparing every pair keep this O(n log n) in the
 * findings: a long message can have hundreds of thousands. False on
 * allocation failure. */
static bool dedupe_marks(const struct fkey *fk, size_t n, bool *drop)
{
	if (!n)
		return true;
	/* one block, not five: this runs for every message of an archive;
	 * for a few findings, on the stack */
	size_t few[5 * CK_FEW_FINDINGS + 1 + CK_FEW_FINDINGS / 2];
	size_t *pairs = n <= CK_FEW_FINDINGS ? few : malloc((5 * n + 1) * sizeof *pairs + n * sizeof(uint32_t));
	if (!pairs)
		return false;
	/* pairs: the non-tone spans (start, end); runs: run starts within a
	 * rule; sp: spans sorted by start and their running maximum end;
	 * order: the findings grouped by rule */
	size_t *runs = pairs + 2 * n;
	struct spans sp = {runs + n + 1, runs + 2 * n + 1, 0};
	uint32_t *order = (uint32_t *)(sp.maxend + n);
	bool ok = false;
	/* a tone finding inside another rule's span */
	size_t np = 0;
	for (size_t i = 0; i < n; i++)
		if (!fk[i].whole && fk[i].tone == TONE_NONE) {
			pairs[2 * np] = fk[i].start;
			pairs[2 * np + 1] = fk[i].end;
			np++;
		}
	if (np && !spans_by_start(&sp, pairs, np))
		goto out;
	for (size_t i = 0; i < n; i++) {
		if (!fk[i].whole && fk[i].tone == TONE_HIDDEN && run_overlaps(&sp, 0, sp.n, fk[i].start, fk[i].end))
			drop[i] = true;
	}
	/* a second finding of one rule over the same span: per rule, in the
	 * order found; a rule's findings come in a few runs of rising starts */
	size_t no = 0, count[65] = {0};
	for (size_t i = 0; i < n; i++)   /* counting sort by rule, stable */
		if (!fk[i].whole)
			count[(fk[i].ri < 63 ? fk[i].ri : 63) + 1]++;
	for (size_t ri = 1; ri < 65; ri++)
		count[ri] += count[ri - 1];
	for (size_t i = 0; i < n; i++)
		if (!fk[i].whole)
			order[count[fk[i].ri < 63 ? fk[i].ri : 63]++] = (uint32_t)i, no++;
	for (size_t a = 0; a < no;) {
		size_t b = a;
		while (b < no && fk[order[b]].ri == fk[order[a]].ri)
			b++;
		sp.n = 0;
		size_t nruns = 0;
		for (size_t k = a; k < b; k++) {
			const struct fkey *f = &fk[order[k]];
			bool new_run = k == a || f->start < fk[order[k - 1]].start;
			if (new_run)
				runs[nruns++] = sp.n;
			bool hit = run_overlaps(&sp, runs[nruns - 1], sp.n, f->start, f->end);
			for (size_t r = 0; r + 1 < nruns && !hit; r++)
				hit = run_overlaps(&sp, runs[r], runs[r + 1], f->start, f->end);
			if (hit)
				drop[order[k]] = true;
			spans_push(&sp, f->start, f->end, new_run);
		}
		a = b;
	}
	ok = true;
out:
	if (pairs != few)
		free(pairs);
	return ok;
}

/* De-duplicates the findings from FROM on (dedupe_marks; ck_findings_settle:
 * a window's). A dropped finding's text stays in c->strs, freed with the
 * rest. */
static bool dedupe(struct ck_ctx *c, size_t from)
{
	size_t n = c->nf - from;
	if (!n)
		return true;
	struct fkey few[CK_FEW_FINDINGS];
	bool few_drop[CK_FEW_FINDINGS] = {false};
	struct fkey *fk = fkeys_of(c, from, few);
	bool *drop = n <= CK_FEW_FINDINGS ? few_drop : calloc(n, sizeof *drop);
	bool ok = fk && drop && dedupe_marks(fk, n, drop);
	if (ok) {
		size_t w = from;
		for (size_t i = 0; i < n; i++)
			if (!drop[i])
				c->f[w++] = c->f[from + i];
		c->nf = w;
	}
	if (fk != few)
		free(fk);
	if (drop != few_drop)
		free(drop);
	return ok;
}

/* A window's findings (ck_run_rules): de-duplicated and sorted while they
 * are in the cache. Findings stay within a sentence, so none overlaps one
 * of another window, and finish's passes over all of them then drop and
 * move nothing of these: the result is what they alone would give, while
 * the rules' findings come as one sorted run instead of one per rule and
 * window (merging and de-duplicating thousands of runs cost more than the
 * rules). Sets c->oom on allocation failure. */
void ck_findings_settle(struct ck_ctx *c, size_t from)
{
	if (!dedupe(c, from) || !sort_findings(c, from)) {
		c->oom = true;
		return;
	}
	/* what order_after_windows takes for granted, checked while the
	 * window's findings are in the cache: each lies in the window's bytes */
	const struct ck_doc *d = c->d;
	size_t a = c->t0 < d->ntok ? d->tok[c->t0].start : d->len;
	size_t b = c->t1 < d->ntok ? d->tok[c->t1].start : d->len;
	for (size_t i = from; i < c->nf; i++) {
		const struct rd_check_finding *f = &c->f[i];
		if (f->whole_message || f->start < a || f->start >= b || f->end > b)
			c->unsettled = true;
	}
}

/* finish's de-duplication and order when the windows settled the findings
 * c->f[0, w) (ck_findings_settle: each window's de-duplicated and sorted,
 * each within its window's bytes): they are one sorted run and none of
 * them overlaps one of another window, so de-duplicating and sorting all
 * the findings can only drop or move them for the m after them, which the
 * rules that run once added (and tone.jargon's acronyms, flushed at the
 * end). This gives what dedupe and sort_findings over all of them give,
 * reading the w once, in order, with temporary arrays the size of the m
 * (over all of them: 12 + 57 + 16 bytes a finding, read at random by rule,
 * for 130,000 findings on a 4 MB line):
 *  - among the m, dedupe_marks as dedupe would;
 *  - a tone finding of the w overlapping a non-tone one of the m is dropped;
 *  - one of the m that is tone, or of a span rule (whose earlier findings are
 *    among the w), is dropped when it overlaps a non-tone one of the w, or one
 *    of its own rule; there are a few (CK_SETTLED_CHECKS), else all are
 *    de-duplicated and sorted as when nothing was settled;
 * then the m left are sorted and merged into the w's run from the back.
 * False on allocation failure. */
#define CK_SETTLED_CHECKS 64

static struct skey skey_of(const struct rd_check_finding *f, size_t idx);

static bool order_after_windows(struct ck_ctx *c, size_t w)
{
	size_t m = c->nf - w;
	if (!m)
		return true;
	bool ok = false;
	struct fkey *fk = fkeys_of(c, w, NULL);
	bool *drop = calloc(m, sizeof *drop);
	size_t *pairs = malloc(2 * m * sizeof *pairs);   /* the m's non-tone spans */
	struct spans sp = {malloc(m * sizeof(size_t)), malloc(m * sizeof(size_t)), 0};
	size_t *chk = malloc(m * sizeof *chk);            /* the m to check against the w */
	struct rd_check_finding *g = NULL;
	if (!fk || !drop || !pairs || !sp.start || !sp.maxend || !chk || !dedupe_marks(fk, m, drop))
		goto out;
	size_t np = 0, nchk = 0;
	for (size_t i = 0; i < m; i++) {
		if (fk[i].whole)
			continue;
		if (fk[i].tone == TONE_NONE) {
			pairs[2 * np] = fk[i].start;
			pairs[2 * np + 1] = fk[i].end;
			np++;
		}
		if (fk[i].tone || (fk[i].ri < ck_nrules && ck_rules[fk[i].ri].span))
			chk[nchk++] = i;
	}
	if (nchk > CK_SETTLED_CHECKS) {
		ok = dedupe(c, 0) && sort_findings(c, 0);
		goto out;
	}
	if (np && !spans_by_start(&sp, pairs, np))
		goto out;
	/* the w in order: checked against the m, and moved down over the dropped */
	size_t k = 0;
	for (size_t i = 0; i < w; i++) {
		const struct rd_check_finding *f = &c->f[i];
		uint8_t tone = tone_class(f->rule);
		for (size_t q = 0; q < nchk; q++) {
			const struct fkey *t = &fk[chk[q]];
			if (drop[chk[q]] || !(f->start < t->end && t->start < f->end))
				continue;
			if ((t->tone == TONE_HIDDEN && tone == TONE_NONE) || rule_index(f->rule) == t->ri)
				drop[chk[q]] = true;
		}
		if (tone == TONE_HIDDEN && run_overlaps(&sp, 0, sp.n, f->start, f->end))
			continue;   /* its text stays in c->strs, freed with the rest */
		if (k != i)
			c->f[k] = *f;
		k++;
	}
	size_t n = k;
	for (size_t i = 0; i < m; i++)
		if (!drop[i])
			c->f[n++] = c->f[w + i];
	c->nf = n;
	if (!sort_findings(c, k))
		goto out;
	/* merge the m (sorted) into the w's run from the back; equal keys: the
	 * w first, as their places (idx) are */
	size_t mt = n - k;
	if (!mt) {   /* every one of them dropped */
		ok = true;
		goto out;
	}
	g = malloc(mt * sizeof *g);
	if (!g)
		goto out;
	memcpy(g, c->f + k, mt * sizeof *g);
	size_t i = k, j = mt, o = n;
	struct skey hk = {0, 0, 0}, gk = skey_of(&g[j - 1], k + j - 1);
	bool have_hk = false;
	while (j > 0) {
		if (i > 0 && !have_hk) {
			hk = skey_of(&c->f[i - 1], i - 1);
			have_hk = true;
		}
		if (i > 0 && cmp_skey(&hk, &gk) > 0) {
			c->f[--o] = c->f[--i];
			have_hk = false;
		} else {
			c->f[--o] = g[--j];
			if (j > 0)
				gk = skey_of(&g[j - 1], k + j - 1);
		}
	}
	ok = true;
out:
	free(fk);
	free(drop);
	free(pairs);
	free(sp.start);
	free(sp.maxend);
	free(chk);
	free(g);
	return ok;
}

static int costed(const struct ck_rule *r, enum rd_severity sev)
{
	if (sev < r->sev)
		return sev == RD_SEV_INFO ? 1 : r->cost / 2;
	return r->cost;
}

static enum rd_err finish(struct ck_ctx *c, const struct prepared *p, struct rd_check_result **out,
			  char **errmsg)
{
	drop_skipped(c, p);
	/* dropping another language's rules moved the windows' findings */
	size_t w = strcmp(p->lang, "en") ? 0 : c->nf_settled;
	if (!(w ? order_after_windows(c, w) : dedupe(c, 0) && sort_findings(c, 0)))
		return rd_fail(RD_ENOMEM, errmsg, "out of memory");
	/* the result, its elements and its kind and language in one block
	 * (rd_check_result_free): four allocations a message were one */
	size_t ne = 0;
	while (p->order[ne] >= 0)
		ne++;
	size_t kl = strlen(p->kind) + 1, ll = strlen(p->lang) + 1;
	struct rd_check_result *r = calloc(1, sizeof *r + ne * sizeof *r->elements + kl + ll);
	if (!r)
		return rd_fail(RD_ENOMEM, errmsg, "out of memory");
	_Static_assert(sizeof *r % _Alignof(struct rd_check_element) == 0, "elements right after the result");
	r->elements = ne ? (struct rd_check_element *)(r + 1) : NULL;
	r->kind = (char *)(r + 1) + ne * sizeof *r->elements;
	memcpy(r->kind, p->kind, kl);
	r->lang = r->kind + kl;
	memcpy(r->lang, p->lang, ll);
	if (!list_skipped(r, p)) {
		rd_check_result_free(r);
		return rd_fail(RD_ENOMEM, errmsg, "out of memory");
	}
	/* score: each finding costs its rule's points; three per rule at most */
	int seen[64] = {0};
	int total = 0;
	struct ck_linecol cur = {0};   /* findings are in position order now */
	for (size_t i = 0; i < c->nf; i++) {
		struct rd_check_finding *f = &c->f[i];
		int ri = rule_index(f->rule);
		const struct ck_rule *rr = &ck_rules[ri];
		f->cost = (ri < 64 && seen[ri]++ < 3) ? costed(rr, f->severity) : 0;
		total += f->cost;
		if (f->whole_message) {
			f->line = f->col = 1;
		} else {
			ck_doc_linecol(c->d, &cur, f->start, &f->line, &f->col);
		}
	}
	r->score = total >= 100 ? 0 : 100 - total;
	/* the result keeps them: not the room doubling left (up to half) */
	if ((c->capf - c->nf) * sizeof *c->f >= ((size_t)1 << 20)) {
		struct rd_check_finding *v = realloc(c->f, c->nf * sizeof *v);
		if (v) {
			c->f = v;
			c->capf = c->nf;
		}
	}
	r->findings = c->f;
	r->n_findings = c->nf;
	r->strings = c->strs;
	c->strs = NULL;
	c->f = NULL;
	c->nf = c->capf = 0;
	for (size_t i = 0; i < ne; i++) {
		int e = p->order[i];
		struct rd_check_element *el = &r->elements[i];
		el->name = ck_elem_names[e];
		el->found = c->elem[e].found;
		if (el->found) {
			el->start = c->elem[e].start;
			el->end = c->elem[e].end;
			ck_doc_linecol(c->d, &cur, el->start, &el->line, &el->col);
		}
	}
	r->n_elements = ne;
	r->n_words = c->d->nwords;
	r->n_sentences = c->d->nsent;
	*out = r;
	return RD_OK;
}

/* Checks one message with prepared options, reusing doc's buffers. */
static enum rd_err check_one(struct ck_doc *doc, const struct prepared *p, const char *text,
			     size_t len, const struct rd_check_opts *o, struct rd_check_result **out,
			     char **errmsg)
{
	*out = NULL;
	pthread_once(&rule_slots_once, rule_slots_init);
	size_t bad;
	if (!text && len)
		return rd_fail(RD_EINVAL, errmsg, "no text");
	if (len > UINT32_MAX - 16)
		return rd_fail(RD_EINVAL, errmsg, "message too large (%zu bytes)", len);
	if (!rd_utf8_valid(text, len, &bad))
		return rd_fail(RD_EINVAL, errmsg, "invalid UTF-8 at byte %zu", bad);
	/* nothing to check: a score of 100 for no message would be a lie */
	if (ck_text_blank(text, len))
		return rd_fail(RD_EINVAL, errmsg, len ? "the message is only white space" : "the message is empty");
	if (!ck_doc_parse(doc, text ? text : "", len) || !ck_lex_scan(p->lex, doc))
		return rd_fail(RD_ENOMEM, errmsg, "out of memory");
	struct ck_ctx c;
	for (bool owned = false;; owned = true) {
		memset(&c, 0, sizeof c);
		c.d = doc;
		c.o = o;
		c.kind = p->kind;
		c.tz = p->tz;
		c.correction = -1;
		c.owned = owned;
		memcpy(c.required, p->required, sizeof c.required);
		ck_when_init(&c.when, o->now, p->tz);
		ck_run_rules(&c);
		/* a long message's blame findings rested on a guess that it
		 * takes no responsibility, and it does (ck_ctx.own_bet): once
		 * more, knowing it */
		if (!c.own_rerun || c.oom)
			break;
		ck_ctx_free(&c);
	}
	/* a one-message document's tokens (28 bytes a word, 23 MB on a 4 MB
	 * line) are not read again: finish's de-duplication and sort reuse
	 * their room instead of growing the heap past them */
	if (doc->once)
		ck_doc_drop_tokens(doc);
	enum rd_err ret;
	if (c.oom)
		ret = rd_fail(RD_ENOMEM, errmsg, "out of memory");
	else
		ret = finish(&c, p, out, errmsg);
	ck_ctx_free(&c);
	return ret;
}

enum rd_err rd_check(const char *text, size_t len, const struct rd_check_opts *opts,
		     struct rd_check_result **out, char **errmsg)
{
	static const struct rd_check_opts none;
	const struct rd_check_opts *o = opts ? opts : &none;
	struct prepared p;
	*out = NULL;
	enum rd_err ret = prepare(o, &p, errmsg);
	if (ret == RD_OK) {
		struct ck_doc doc = {.once = true};
		ret = check_one(&doc, &p, text, len, o, out, errmsg);
		ck_doc_free(&doc);
	}
	ck_lex_free(p.own_lex);
	return ret;
}

/* The options' own errors (unknown kind, zone, element, bad extra words),
 * without a message: archive.c refuses bad options before reading. */
enum rd_err ck_check_opts_valid(const struct rd_check_opts *o, char **errmsg)
{
	struct prepared p;
	enum rd_err ret = prepare(o, &p, errmsg);
	ck_lex_free(p.own_lex);
	return ret;
}

/* rd_check with DOC's buffers reused across calls and, when LEX is not NULL,
 * that lexicon instead of compiling o->extra_words per message (archive.c
 * compiles it once for a whole archive). */
enum rd_err ck_check_with(struct ck_doc *doc, const struct ck_lex *lex, const char *text, size_t len,
			  const struct rd_check_opts *o, struct rd_check_result **out, char **errmsg)
{
	struct rd_check_opts own = *o;
	struct prepared p;
	*out = NULL;
	if (lex)
		own.extra_words = NULL;
	enum rd_err ret = prepare(&own, &p, errmsg);
	if (ret == RD_OK) {
		if (lex)
			p.lex = lex;
		ret = check_one(doc, &p, text, len, o, out, errmsg);
	}
	ck_lex_free(p.own_lex);
	return ret;
}

#define CK_PREP_CACHE 16   /* more than the kinds there are (11) */

struct ck_prep_cache {
	size_t n, next;
	struct prep_entry {
		char *kind;                      /* the kind as given (o->kind), owned */
		char **req;                      /* a copy of o->required_elements, owned */
		struct rd_check_opts o;          /* the options prepared (kind aside) */
		struct prepared p;               /* p.kind points to kind */
	} e[CK_PREP_CACHE];
};

static void free_strs(char **v)
{
	for (size_t i = 0; v && v[i]; i++)
		free(v[i]);
	free(v);
}

static bool same_strs(const char *const *a, const char *const *b)
{
	if (a == b)
		return true;
	if (!a || !b)
		return false;
	for (; *a && *b; a++, b++)
		if (*a != *b && strcmp(*a, *b))
			return false;
	return !*a && !*b;
}

/* Whether E was prepared from options O would prepare the same from. */
static bool prep_matches(const struct prep_entry *e, const struct rd_check_opts *o)
{
	const char *k = o->kind ? o->kind : "";
	/* the first letters apart first: a message's kind is tried against
	 * the entries in turn, and most differ there */
	return e->kind[0] == k[0] && !strcmp(e->kind, k) && same_strs((const char *const *)e->req, o->required_elements) &&
	       e->o.lang == o->lang &&
	       e->o.tz == o->tz && e->o.repair_expected == o->repair_expected && e->o.late == o->late &&
	       e->o.n_prior == o->n_prior && e->o.prior == o->prior && e->o.extra_words == o->extra_words;
}

enum rd_err ck_check_cached(struct ck_doc *doc, struct ck_prep_cache **cache, const struct ck_lex *lex,
			    const char *text, size_t len, const struct rd_check_opts *o,
			    struct rd_check_result **out, char **errmsg)
{
	*out = NULL;
	/* a word list compiled per message (no LEX) is not remembered */
	if (!lex && o->extra_words && json_object_size(o->extra_words))
		return ck_check_with(doc, lex, text, len, o, out, errmsg);
	if (!*cache && !(*cache = calloc(1, sizeof **cache)))
		return rd_fail(RD_ENOMEM, errmsg, "out of memory");
	struct ck_prep_cache *pc = *cache;
	struct rd_check_opts own = *o;
	if (lex)
		own.extra_words = NULL;   /* LEX stands for them, as in ck_check_with */
	for (size_t i = 0; i < pc->n; i++) {
		struct prep_entry *e = &pc->e[i];
		if (prep_matches(e, &own)) {
			struct prepared p = e->p;
			if (lex)
				p.lex = lex;
			return check_one(doc, &p, text, len, o, out, errmsg);
		}
	}
	struct prepared p;
	enum rd_err ret = prepare(&own, &p, errmsg);
	if (ret != RD_OK) {
		ck_lex_free(p.own_lex);
		return ret;
	}
	char *k = strdup(own.kind ? own.kind : "");
	char **req = NULL;
	bool copied = k != NULL;
	if (k && own.required_elements) {
		size_t n = 0;
		while (own.required_elements[n])
			n++;
		if ((req = calloc(n + 1, sizeof *req)))
			for (size_t i = 0; i < n && copied; i++)
				copied = (req[i] = strdup(own.required_elements[i])) != NULL;
		else
			copied = false;
	}
	if (!copied) {   /* without room to remember it, the message is still checked */
		free(k);
		free_strs(req);
	} else {
		size_t i = pc->n < CK_PREP_CACHE ? pc->n++ : pc->next++ % CK_PREP_CACHE;
		struct prep_entry *e = &pc->e[i];
		free(e->kind);
		free_strs(e->req);
		e->kind = k;
		e->req = req;
		e->o = own;
		e->p = p;
		if (own.kind && *own.kind)
			e->p.kind = k;
	}
	if (lex)
		p.lex = lex;
	return check_one(doc, &p, text, len, o, out, errmsg);
}

void ck_prep_cache_free(struct ck_prep_cache *cache)
{
	if (!cache)
		return;
	for (size_t i = 0; i < cache->n; i++) {
		free(cache->e[i].kind);
		free_strs(cache->e[i].req);
	}
	free(cache);
}

void rd_check_result_free(struct rd_check_result *r)
{
	if (!r)
		return;
	if (r->strings)
		ck_strings_free(r->strings);
	else
		for (size_t i = 0; i < r->n_findings; i++) {
			free(r->findings[i].message);
			free(r->findings[i].suggestion);
		}
	free(r->findings);
	free(r->skipped);
	free(r);   /* with its elements, kind and language (finish) */
}

bool rd_check_result_has_errors(const struct rd_check_result *r)
{
	for (size_t i = 0; r && i < r->n_findings; i++)
		if (r->findings[i].severity == RD_SEV_ERROR)
			return true;
	return false;
}

/* ---- JSON ---------------------------------------------------------------------------- */

/* The result as the next value of W, in parts (rd_check_result_write
 * whole): one implementation for the text (/api/check, archive JSON lines)
 * and the tree (rd_check_result_json).
 * Through jansson, a 4 MB line's 132,000 findings were 1.5 million values
 * allocated, encoded and freed; the archive's JSON lines cost 2.5 times
 * its text output. The counts come first, so they are counted first; the
 * breakdown (points per rule, in order of each rule's first costed
 * finding) is gathered as the findings are written. */
bool rd_check_result_write_part(const struct rd_check_result *r, struct rd_jw *w,
				struct rd_check_write_part *part, size_t limit)
{
	if (!part->begun) {
		size_t n[3] = {0, 0, 0};
		for (size_t i = 0; i < r->n_findings; i++)
			n[r->findings[i].severity]++;
		rd_jw_obj(w);
		rd_jw_key(w, "kind");
		rd_jw_str(w, r->kind);
		rd_jw_key(w, "score");
		rd_jw_int(w, r->score);
		rd_jw_key(w, "counts");
		rd_jw_obj(w);
		rd_jw_key(w, "error");
		rd_jw_int(w, (int64_t)n[RD_SEV_ERROR]);
		rd_jw_key(w, "warning");
		rd_jw_int(w, (int64_t)n[RD_SEV_WARNING]);
		rd_jw_key(w, "info");
		rd_jw_int(w, (int64_t)n[RD_SEV_INFO]);
		rd_jw_end_obj(w);
		rd_jw_key(w, "findings");
		rd_jw_arr(w);
		part->begun = true;
	}
	for (size_t i = part->next; i < r->n_findings; i++) {
		/* a part ends once the buffer holds LIMIT bytes (a tree: never),
		 * with at least one finding in it */
		if (i > part->next && w->b && w->b->len >= limit && !w->err) {
			part->next = i;
			return false;
		}
		const struct rd_check_finding *f = &r->findings[i];
		rd_jw_obj(w);
		rd_jw_key(w, "rule");
		rd_jw_str(w, f->rule);
		rd_jw_key(w, "severity");
		rd_jw_str(w, rd_severity_name(f->severity));
		rd_jw_key(w, "line");
		rd_jw_int(w, (int64_t)f->line);
		rd_jw_key(w, "column");
		rd_jw_int(w, (int64_t)f->col);
		rd_jw_key(w, "start");
		rd_jw_int(w, (int64_t)f->start);
		rd_jw_key(w, "end");
		rd_jw_int(w, (int64_t)f->end);
		rd_jw_key(w, "message");
		rd_jw_str(w, f->message);
		rd_jw_key(w, "scope");
		rd_jw_str(w, f->whole_message ? "message" : "span");
		rd_jw_key(w, "points");
		rd_jw_int(w, -(int64_t)f->cost);
		if (f->suggestion) {
			rd_jw_key(w, "suggestion");
			rd_jw_str(w, f->suggestion);
		}
		if (f->ref_comm_id) {
			rd_jw_key(w, "ref_communication");
			rd_jw_int(w, f->ref_comm_id);
		}
		rd_jw_end_obj(w);
		if (!f->cost)
			continue;
		size_t k = 0;
		while (k < part->nbd && strcmp(part->bd[k].rule, f->rule) != 0)
			k++;
		if (k == part->nbd) {
			if (part->nbd == sizeof part->bd / sizeof part->bd[0]) {   /* more rules than there are */
				w->err = w->err ? w->err : RD_EINVAL;
				continue;
			}
			part->bd[part->nbd].rule = f->rule;
			part->bd[part->nbd++].points = 0;
		}
		part->bd[k].points -= f->cost;
	}
	rd_jw_end_arr(w);
	rd_jw_key(w, "elements");
	rd_jw_obj(w);
	rd_jw_key(w, "found");
	rd_jw_arr(w);
	for (size_t i = 0; i < r->n_elements; i++) {
		const struct rd_check_element *e = &r->elements[i];
		if (!e->found)
			continue;
		rd_jw_obj(w);
		rd_jw_key(w, "name");
		rd_jw_str(w, e->name);
		rd_jw_key(w, "start");
		rd_jw_int(w, (int64_t)e->start);
		rd_jw_key(w, "end");
		rd_jw_int(w, (int64_t)e->end);
		rd_jw_key(w, "line");
		rd_jw_int(w, (int64_t)e->line);
		rd_jw_key(w, "column");
		rd_jw_int(w, (int64_t)e->col);
		rd_jw_end_obj(w);
	}
	rd_jw_end_arr(w);
	rd_jw_key(w, "missing");
	rd_jw_arr(w);
	for (size_t i = 0; i < r->n_elements; i++)
		if (!r->elements[i].found)
			rd_jw_str(w, r->elements[i].name);
	rd_jw_end_arr(w);
	rd_jw_end_obj(w);
	rd_jw_key(w, "breakdown");
	rd_jw_arr(w);
	for (size_t k = 0; k < part->nbd; k++) {
		rd_jw_obj(w);
		rd_jw_key(w, "rule");
		rd_jw_str(w, part->bd[k].rule);
		rd_jw_key(w, "points");
		rd_jw_int(w, part->bd[k].points);
		rd_jw_end_obj(w);
	}
	rd_jw_end_arr(w);
	rd_jw_key(w, "lang");
	rd_jw_str(w, r->lang ? r->lang : "en");
	rd_jw_key(w, "skipped");
	rd_jw_arr(w);
	for (size_t i = 0; i < r->n_skipped; i++)
		rd_jw_str(w, r->skipped[i]);
	rd_jw_end_arr(w);
	rd_jw_key(w, "words");
	rd_jw_int(w, (int64_t)r->n_words);
	rd_jw_key(w, "sentences");
	rd_jw_int(w, (int64_t)r->n_sentences);
	rd_jw_end_obj(w);
	return true;
}

void rd_check_result_write(const struct rd_check_result *r, struct rd_jw *w)
{
	struct rd_check_write_part part;
	memset(&part, 0, sizeof part);
	rd_check_result_write_part(r, w, &part, SIZE_MAX);
}

json_t *rd_check_result_json(const struct rd_check_result *r)
{
	struct rd_jw w;
	json_t *out = NULL;
	rd_jw_init_tree(&w);
	rd_check_result_write(r, &w);
	rd_jw_tree(&w, &out);
	return out;
}

/* ---- compiler-style output ------------------------------------------------------------ */

static size_t cp_back(const char *text, size_t p)
{
	p--;
	while (p > 0 && ((unsigned char)text[p] & 0xC0) == 0x80)
		p--;
	return p;
}

static size_t cp_fwd(const char *text, size_t len, size_t p)
{
	p++;
	while (p < len && ((unsigned char)text[p] & 0xC0) == 0x80)
		p++;
	return p;
}

/* The source line under a finding and a caret line under its span. A line
 * of up to EXCERPT_LINE code points is shown whole; a longer one as a window
 * of EXCERPT_WINDOW code points that starts at most EXCERPT_BEFORE before the
 * span, with "…" where it is cut (on code point boundaries). Every scan is
 * bounded, so a 4 MB line costs the same per finding as a short one. */
enum { EXCERPT_LINE = 160, EXCERPT_BEFORE = 40, EXCERPT_WINDOW = 120 };

/* The text output of one result is built here and written with one
 * fwrite per 4 KB instead of three fprintf calls per finding: in an archive
 * check formatting took a tenth of the time, most of it in vfprintf. */
struct outbuf {
	FILE *f;
	size_t k;
	char b[4096];
};

static void ob_flush(struct outbuf *o)
{
	if (o->k)
		fwrite(o->b, 1, o->k, o->f);
	o->k = 0;
}

static void ob_put_slow(struct outbuf *o, const char *s, size_t n)
{
	while (n) {
		if (o->k == sizeof o->b)
			ob_flush(o);
		size_t m = sizeof o->b - o->k < n ? sizeof o->b - o->k : n;
		memcpy(o->b + o->k, s, m);
		o->k += m;
		s += m;
		n -= m;
	}
}

/* Most pieces fit what is left of the buffer: one copy, inline */
static inline void ob_put(struct outbuf *o, const char *s, size_t n)
{
	if (n <= sizeof o->b - o->k) {
		memcpy(o->b + o->k, s, n);
		o->k += n;
		return;
	}
	ob_put_slow(o, s, n);
}

/* Inlined at every call: most pass a literal, whose strlen then folds to
 * a constant (a call each was ~30 strlen calls a message) */
static inline __attribute__((always_inline)) void ob_str(struct outbuf *o, const char *s)
{
	ob_put(o, s, strlen(s));
}

static void ob_ch(struct outbuf *o, char c)
{
	if (o->k == sizeof o->b)
		ob_flush(o);
	o->b[o->k++] = c;
}

/* N copies of c (the caret line's padding and tildes), a run at a time */
static void ob_fill(struct outbuf *o, char c, size_t n)
{
	char run[64];
	memset(run, c, sizeof run);
	for (; n > sizeof run; n -= sizeof run)
		ob_put(o, run, sizeof run);
	ob_put(o, run, n);
}

static void ob_int(struct outbuf *o, long long v)
{
	char t[24];
	size_t i = sizeof t;
	unsigned long long u = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
	do
		t[--i] = (char)('0' + u % 10);
	while (u /= 10);
	if (v < 0)
		t[--i] = '-';
	ob_put(o, t + i, sizeof t - i);
}

static bool is_cont(char c)
{
	return ((unsigned char)c & 0xC0) == 0x80;
}

/* s[0..n) is ASCII without the byte c, eight bytes a step: there a step of
 * a code point is a step of a byte, and a byte stands for one column. */
static bool ascii_without(const char *s, size_t n, char c)
{
	const uint64_t ones = 0x0101010101010101ull, high = ones * 0x80;
	size_t k = 0;
	for (; k + 8 <= n; k += 8) {
		uint64_t x;
		memcpy(&x, s + k, 8);
		uint64_t y = x ^ (ones * (unsigned char)c);   /* a zero byte where s has c */
		if ((x | ((y - ones) & ~y)) & high)
			return false;
	}
	for (; k < n; k++)
		if ((unsigned char)s[k] >= 0x80 || s[k] == c)
			return false;
	return true;
}

/* Lead (non-continuation) bytes in s[0..n), eight bytes a step: a byte is a
 * continuation byte when its top bits are 10. */
static size_t lead_bytes(const char *s, size_t n)
{
	const uint64_t ones = 0x0101010101010101ull;
	size_t k = 0, cont = 0;
	for (; k + 8 <= n; k += 8) {
		uint64_t x;
		memcpy(&x, s + k, 8);
		cont += (((x >> 7) & ~(x >> 6) & ones) * ones) >> 56;
	}
	for (; k < n; k++)
		cont += is_cont(s[k]);
	return n - cont;
}

/* Where N steps of cp_fwd from A end, stopping early at a line break or
 * the end of the text (where "while (b < len && text[b] != '\n' && n < N)"
 * stops): each step ends on the next lead byte, so the steps end on the
 * first line break after A or the N-th lead byte after A, whichever comes
 * first, or at LEN. Eight bytes a step while a group holds no line break
 * and fewer lead bytes than steps are left: a window over a long line of
 * accented text took a call a code point. */
static size_t steps_fwd(const char *text, size_t len, size_t a, unsigned n)
{
	const uint64_t ones = 0x0101010101010101ull, high = ones * 0x80;
	if (a >= len || text[a] == '\n' || n == 0)
		return a;
	size_t p = a + 1;
	for (; len - p >= 8; p += 8) {
		uint64_t x;
		memcpy(&x, text + p, 8);
		uint64_t y = x ^ (ones * '\n');   /* a zero byte where a line break is */
		if ((y - ones) & ~y & high)
			break;
		unsigned leads = 8 - (unsigned)((((x >> 7) & ~(x >> 6) & ones) * ones) >> 56);
		if (leads >= n)
			break;
		n -= leads;
	}
	for (; p < len; p++) {
		if (is_cont(text[p]))
			continue;
		if (text[p] == '\n' || --n == 0)
			return p;
	}
	return len;
}

/* What print_span's first scans (a code point a step, EXCERPT_LINE + 1
 * steps at most, back from START then forward) would find, without
 * stepping: 1 when they reach both ends of START's line, [*a, *b); 0 when
 * they do not (the line is longer: the window is cut, and their positions
 * are not used); -1 when it cannot tell cheaply (no line break within
 * reach, or the line or START begins on a continuation byte, where a step
 * does not stop on every lead byte), and the scans must run. The steps
 * between the ends are the lead bytes between them. */
static int short_line(const char *text, size_t len, size_t start, size_t *a, size_t *b)
{
	const size_t most = 4 * (EXCERPT_LINE + 2);   /* more bytes than EXCERPT_LINE + 1 code points */
	size_t lo = start > most ? start - most : 0;
	const char *nl = start > lo ? memrchr(text + lo, '\n', start - lo) : NULL;
	if (!nl && lo > 0)
		return -1;
	size_t ls = nl ? (size_t)(nl - text) + 1 : 0;
	size_t hi = len - start > most ? start + most : len;
	const char *nr = hi > start ? memchr(text + start, '\n', hi - start) : NULL;
	if (!nr && hi < len)
		return -1;
	size_t le = nr ? (size_t)(nr - text) : len;
	if ((ls < start && is_cont(text[ls])) || (start < le && is_cont(text[start])))
		return -1;
	/* no more code points than bytes: a line of few bytes is not counted */
	if (le - ls > EXCERPT_LINE + 1 && lead_bytes(text + ls, le - ls) > EXCERPT_LINE + 1)
		return 0;
	*a = ls;
	*b = le;
	return 1;
}

static void print_span(struct outbuf *o, const char *text, size_t len, size_t start, size_t end)
{
	unsigned n = 0;
	size_t a = start, b = start;
	int shape = short_line(text, len, start, &a, &b);
	if (shape < 0) {
		while (a > 0 && text[a - 1] != '\n' && n <= EXCERPT_LINE)
			a = cp_back(text, a), n++;
		while (b < len && text[b] != '\n' && n <= EXCERPT_LINE)
			b = cp_fwd(text, len, b), n++;
	}
	bool cut_l = false, cut_r = false;
	if (shape == 0 || (shape < 0 && ((a > 0 && text[a - 1] != '\n') || (b < len && text[b] != '\n')))) {
		/* where the window's code points are ASCII on one line, the
		 * steps below are EXCERPT_BEFORE and EXCERPT_WINDOW bytes */
		if (start >= EXCERPT_BEFORE && ascii_without(text + start - EXCERPT_BEFORE, EXCERPT_BEFORE, '\n')) {
			a = start - EXCERPT_BEFORE;
		} else {
			a = start;
			for (n = 0; a > 0 && text[a - 1] != '\n' && n < EXCERPT_BEFORE; n++)
				a = cp_back(text, a);
		}
		cut_l = a > 0 && text[a - 1] != '\n';
		if (len - a >= EXCERPT_WINDOW && ascii_without(text + a, EXCERPT_WINDOW, '\n') &&
		    (len - a == EXCERPT_WINDOW || !is_cont(text[a + EXCERPT_WINDOW]))) {
			b = a + EXCERPT_WINDOW;
		} else {
			b = steps_fwd(text, len, a, EXCERPT_WINDOW);
		}
		cut_r = b < len && text[b] != '\n';
	}
	if (!cut_r && b > a && text[b - 1] == '\r')
		b--;
	ob_ch(o, ' ');
	if (cut_l)
		ob_str(o, "…");
	ob_put(o, text + a, strnlen(text + a, b - a));   /* as "%.*s" did: up to a NUL */
	if (cut_r)
		ob_str(o, "…");
	ob_str(o, "\n ");
	if (cut_l)
		ob_ch(o, ' ');
	/* a space for each code point before the span, a tab for a tab;
	 * ASCII without tabs is a space a byte */
	if (ascii_without(text + a, start - a, '\t')) {
		ob_fill(o, ' ', start - a);
	} else {
		for (size_t p = a; p < start; p++) {
			unsigned char ch = (unsigned char)text[p];
			if (ch == '\t')
				ob_ch(o, '\t');
			else if ((ch & 0xC0) != 0x80)
				ob_ch(o, ' ');
		}
	}
	ob_ch(o, '^');
	/* a tilde for each code point of the span after its first */
	size_t stop = end < b ? end : b;
	size_t cps = stop > start ? lead_bytes(text + start, stop - start) : 0;
	ob_fill(o, '~', cps ? cps - 1 : 0);
	ob_ch(o, '\n');
}

void rd_check_result_print(FILE *f, const char *filename, const char *text, size_t len,
			   const struct rd_check_result *r)
{
	const char *fn = filename ? filename : "<message>";
	size_t fnl = strlen(fn);   /* once, not once a finding */
	int n[3] = {0, 0, 0};
	struct outbuf ob, *o = &ob;   /* not "= {…}": that zero-filled its 4 KB each call */
	ob.f = f;
	ob.k = 0;
	for (size_t i = 0; i < r->n_findings; i++) {
		const struct rd_check_finding *x = &r->findings[i];
		n[x->severity]++;
		/* "%s:%u:%u: %s: %s [%s]\n" */
		ob_put(o, fn, fnl);
		ob_ch(o, ':');
		ob_int(o, x->line);
		ob_ch(o, ':');
		ob_int(o, x->col);
		ob_str(o, ": ");
		ob_str(o, rd_severity_name(x->severity));
		ob_str(o, ": ");
		ob_str(o, x->message);
		ob_str(o, " [");
		ob_str(o, x->rule);
		ob_str(o, "]\n");
		if (!x->whole_message && text && x->start <= len && x->end <= len)
			print_span(o, text, len, x->start, x->end);
		if (x->suggestion) {
			ob_str(o, "  suggestion: ");
			ob_str(o, x->suggestion);
			ob_ch(o, '\n');
		}
	}
	/* "%s: score %d/100 (%d error%s, %d warning%s, %d info)" */
	ob_put(o, fn, fnl);
	ob_str(o, ": score ");
	ob_int(o, r->score);
	ob_str(o, "/100 (");
	ob_int(o, n[RD_SEV_ERROR]);
	ob_str(o, n[RD_SEV_ERROR] == 1 ? " error, " : " errors, ");
	ob_int(o, n[RD_SEV_WARNING]);
	ob_str(o, n[RD_SEV_WARNING] == 1 ? " warning, " : " warnings, ");
	ob_int(o, n[RD_SEV_INFO]);
	ob_str(o, " info)");
	int any = 0;
	for (size_t i = 0; i < r->n_elements; i++)
		if (r->elements[i].found) {
			ob_str(o, any++ ? ", " : "; found: ");
			ob_str(o, r->elements[i].name);
		}
	any = 0;
	for (size_t i = 0; i < r->n_elements; i++)
		if (!r->elements[i].found) {
			ob_str(o, any++ ? ", " : "; missing: ");
			ob_str(o, r->elements[i].name);
		}
	ob_ch(o, '\n');
	/* one line naming the rules a message in another language skipped */
	for (size_t i = 0; i < r->n_skipped; i++) {
		if (i) {
			ob_str(o, ", ");
		} else {
			ob_str(o, "skipped for ");
			ob_str(o, r->lang);
			ob_str(o, ": ");
		}
		ob_str(o, r->skipped[i]);
	}
	if (r->n_skipped)
		ob_ch(o, '\n');
	ob_flush(o);
}

/* ---- streaming ------------------------------------------------------------------------- */

static bool separator(const char *line, size_t n)
{
	while (n && (line[n - 1] == '\n' || line[n - 1] == '\r' || line[n - 1] == ' ' || line[n - 1] == '\t'))
		n--;
	return (n == 3 && !memcmp(line, "---", 3)) || (n == 1 && line[0] == '\f');
}

/* A batch of messages read ahead and checked by worker threads. */
struct batch {
	struct rd_buf text;        /* the messages, back to back */
	size_t n, cap;
	size_t *off, *len, *line;
	struct rd_check_result **res;
	enum rd_err *rc;
	char **err;
};

struct worker {
	pthread_t th;
	unsigned id, nth;
	struct batch *b;
	const struct prepared *p;
	const struct rd_check_opts *o;
	struct ck_doc doc;
};

static void *work(void *arg)
{
	struct worker *w = arg;
	struct batch *b = w->b;
	for (size_t i = w->id; i < b->n; i += w->nth)
		b->rc[i] = check_one(&w->doc, w->p, b->text.data + b->off[i], b->len[i], w->o, &b->res[i],
				     &b->err[i]);
	return NULL;
}

static bool batch_add(struct batch *b, const char *text, size_t len, size_t line)
{
	if (b->n == b->cap) {
		size_t nc = b->cap ? b->cap * 2 : 64;
		size_t *o = realloc(b->off, nc * sizeof *o), *l = o ? realloc(b->len, nc * sizeof *l) : NULL;
		if (o)
			b->off = o;
		if (l)
			b->len = l;
		size_t *ln = l ? realloc(b->line, nc * sizeof *ln) : NULL;
		if (ln)
			b->line = ln;
		struct rd_check_result **r = ln ? realloc(b->res, nc * sizeof *r) : NULL;
		if (r)
			b->res = r;
		enum rd_err *rc = r ? realloc(b->rc, nc * sizeof *rc) : NULL;
		if (rc)
			b->rc = rc;
		char **e = rc ? realloc(b->err, nc * sizeof *e) : NULL;
		if (!e)
			return false;
		b->err = e;
		b->cap = nc;
	}
	b->off[b->n] = b->text.len;
	b->len[b->n] = len;
	b->line[b->n] = line;
	b->res[b->n] = NULL;
	b->err[b->n] = NULL;
	b->rc[b->n] = RD_OK;
	b->n++;
	return rd_buf_add(&b->text, text, len) == RD_OK && rd_buf_addc(&b->text, '\0') == RD_OK;
}

/* Checks the batch on the workers, then hands results to FN in order. */
static enum rd_err batch_run(struct batch *b, struct worker *w, unsigned nth, rd_check_stream_fn fn,
			     void *ctx, size_t *index, bool *stop, char **errmsg)
{
	enum rd_err ret = RD_OK;
	bool started[64] = {false};
	for (unsigned t = 0; t < nth; t++) {
		w[t].b = b;
		w[t].nth = nth;
	}
	for (unsigned t = 1; t < nth; t++)
		started[t] = pthread_create(&w[t].th, NULL, work, &w[t]) == 0;
	/* the calling thread is worker 0, and stands in for any that failed to start */
	work(&w[0]);
	for (unsigned t = 1; t < nth; t++)
		if (!started[t])
			work(&w[t]);
	for (unsigned t = 1; t < nth; t++)
		if (started[t])
			pthread_join(w[t].th, NULL);
	for (size_t i = 0; i < b->n; i++) {
		if (b->rc[i] == RD_ENOMEM && ret == RD_OK)
			ret = rd_fail(RD_ENOMEM, errmsg, "out of memory");
		if (ret == RD_OK && !*stop)
			*stop = fn(ctx, (*index)++, b->line[i], b->text.data + b->off[i], b->len[i], b->rc[i],
				   b->err[i], b->res[i]) != 0;
		rd_check_result_free(b->res[i]);
		free(b->err[i]);
	}
	b->n = 0;
	b->text.len = 0;
	return ret;
}

enum rd_err rd_check_stream(FILE *f, const struct rd_check_opts *opts, rd_check_stream_fn fn,
			    void *ctx, char **errmsg)
{
	static const struct rd_check_opts none;
	const struct rd_check_opts *o = opts ? opts : &none;
	struct prepared p;
	enum rd_err ret = prepare(o, &p, errmsg);
	if (ret != RD_OK) {
		ck_lex_free(p.own_lex);
		return ret;
	}
	unsigned nth = o->threads > 1 ? (o->threads > 64 ? 64 : o->threads) : 1;
	struct worker *w = calloc(nth, sizeof *w);
	struct batch b;
	memset(&b, 0, sizeof b);
	b.text = (struct rd_buf)RD_BUF_INIT;
	struct rd_buf msg = RD_BUF_INIT;
	char *line = NULL;
	size_t cap = 0, index = 0, lineno = 0, first_line = 1;
	bool stop = false;
	if (!w) {
		ret = rd_fail(RD_ENOMEM, errmsg, "out of memory");
		goto out;
	}
	for (unsigned t = 0; t < nth; t++)
		w[t] = (struct worker){.id = t, .nth = nth, .p = &p, .o = o};
	for (;;) {
		ssize_t n = getline(&line, &cap, f);
		bool eof = n < 0;
		if (eof && ferror(f)) {
			ret = rd_fail(RD_EIO, errmsg, "read error");
			break;
		}
		if (!eof)
			lineno++;
		if (eof || separator(line, (size_t)n)) {
			/* a message of only blank lines is no message */
			bool blank = true;
			for (size_t i = 0; i < msg.len && blank; i++)
				if (!strchr(" \t\r\n\f", msg.data[i]))
					blank = false;
			if (!blank && !batch_add(&b, msg.data, msg.len, first_line)) {
				ret = rd_fail(RD_ENOMEM, errmsg, "out of memory");
				break;
			}
			msg.len = 0;
			if (msg.data)
				msg.data[0] = '\0';
			first_line = lineno + 1;
			if (b.n && (eof || nth == 1 || b.n >= 1024 || b.text.len >= (8u << 20))) {
				ret = batch_run(&b, w, nth, fn, ctx, &index, &stop, errmsg);
				if (ret != RD_OK)
					break;
			}
			if (eof || stop)
				break;
			continue;
		}
		if (rd_buf_add(&msg, line, (size_t)n) != RD_OK) {
			ret = rd_fail(RD_ENOMEM, errmsg, "out of memory");
			break;
		}
	}
out:
	for (size_t i = 0; i < b.n; i++) {
		rd_check_result_free(b.res[i]);
		free(b.err[i]);
	}
	free(b.off);
	free(b.len);
	free(b.line);
	free(b.res);
	free(b.rc);
	free(b.err);
	rd_buf_free(&b.text);
	for (unsigned t = 0; w && t < nth; t++)
		ck_doc_free(&w[t].doc);
	free(w);
	free(line);
	rd_buf_free(&msg);
	ck_lex_free(p.own_lex);
	return ret;
}
