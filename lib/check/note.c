/* note.c — what a call or meeting note says WE told the client: the first
 * ETA (a time of day named as the fix's), cause and goodwill amount stated
 * in our voice, so a call can contradict an email (comm.c stores them as
 * the communication's facts). A note is written by the agent about a
 * conversation, so each clause is first given a speaker (us, the client,
 * or a question) before the checker's extractor is trusted with it. */
#include <stdlib.h>
#include <string.h>

#include "check/check_int.h"
#include "redress/facts.h"
#include "redress/time.h"
#include "util/buf.h"

#define D (c->d)

enum speaker { US, THEM, ASK };

/* Reporting verbs, by what their subject tells us (docs/internals/check.md). */
enum verb { V_NONE, V_TELL, V_SAY, V_ASK, V_ACCORD };

static const char *const tell_verbs[] = {"told", "tell", "tells", "informed", "assured", "reassured",
	"promised", "promise", "warned", "updated", NULL};
static const char *const say_verbs[] = {"said", "says", "mentioned", "explained", "confirmed",
	"stated", "stressed", "noted", "reported", "claimed", "claims", "complained", "thinks",
	"thought", "believes", "believed", "heard", "understood", "assumed", "feared", "worried",
	"expects", "expected", "hopes", "hoped", "insisted", "suggested", "proposed", "wants",
	"wanted", "needs", "requested", "demanded", "remembered", "recalled", "read", NULL};
static const char *const ask_verbs[] = {"asked", "asks", "asking", "wondered", "wonders",
	"enquired", "inquired", "queried", "whether", NULL};
static const char *const accord_verbs[] = {"agreed", "accepted", "offered", "committed",
	"gave", "settled", NULL};
static const char *const be_words[] = {"is", "was", "were", "are", "be", "been", "being", "got",
	NULL};
static const char *const conj_words[] = {"and", "but", "so", "while", "whereas", "although",
	"though", "however", NULL};
static const char *const first_person[] = {"we", "i", "our", "my", NULL};
static const char *const client_words[] = {"she", "he", "they", "client", "customer", "contact",
	"cto", "ceo", "cfo", "manager", "boss", "their", "his", "her", NULL};

static enum verb verb_of(const struct ck_doc *d, size_t i)
{
	if (d->tok[i].type != CK_WORD)
		return V_NONE;
	if (ck_is_any(d, i, ask_verbs))
		return V_ASK;
	if (ck_is_any(d, i, tell_verbs))
		return V_TELL;
	if (ck_is_any(d, i, accord_verbs))
		return V_ACCORD;
	if (ck_is_any(d, i, say_verbs))
		return V_SAY;
	return V_NONE;
}

/* Does the clause break before token t end a statement (sentence, ; : — ( ))
 * or only part of one (a comma)? */
static bool strong_break(const struct ck_doc *d, size_t t)
{
	const struct ck_tok *k = &d->tok[t];
	return t == 0 || (k->gap & (CK_G_SENT | CK_G_PARA)) ||
	       ((k->gap & CK_G_CLAUSE) && k->clause_ch != ',');
}

/* Byte ranges inside double quotes ("…", “…”) on one line: the client's own
 * words, quoted by the agent. */
struct quotes { struct ck_range *v; size_t n; };

static bool find_quotes(const char *s, size_t len, struct quotes *q)
{
	size_t open = SIZE_MAX, cap = 0;
	for (size_t i = 0; i < len; i++) {
		bool straight = s[i] == '"';
		bool left = i + 2 < len && !memcmp(s + i, "\xe2\x80\x9c", 3);
		bool right = i + 2 < len && !memcmp(s + i, "\xe2\x80\x9d", 3);
		if (s[i] == '\n')
			open = SIZE_MAX;
		if (!straight && !left && !right)
			continue;
		if (open == SIZE_MAX && (straight || left)) {
			open = i;
		} else if (open != SIZE_MAX && (straight || right)) {
			if (q->n == cap) {
				cap = cap ? cap * 2 : 4;
				struct ck_range *v = realloc(q->v, cap * sizeof *v);
				if (!v)
					return false;
				q->v = v;
			}
			q->v[q->n++] = (struct ck_range){(uint32_t)open, (uint32_t)i};
			open = SIZE_MAX;
		}
	}
	return true;
}

/* Marks the tokens inside a quote (both in text order: one merge pass). */
static void mark_quoted(const struct ck_doc *d, const struct quotes *q, uint8_t *inq)
{
	size_t i = 0;
	for (size_t t = 0; t < d->ntok; t++) {
		while (i < q->n && q->v[i].end <= d->tok[t].start)
			i++;
		inq[t] = i < q->n && d->tok[t].start > q->v[i].start;
	}
}

/* Per token: who is speaking (enum speaker) and whether a negation comes
 * before it in its part of the clause, and where that part starts
 * (segof). One pass: a strong break starts our
 * voice again; in each part of a clause (after a comma or and/but/so…) the
 * first reporting verb decides, by its subject — none or "we"/"I": us;
 * the client ("Lena", "she", "their CTO"): them; ask/wonder/whether: a
 * question, whoever asks. */
static void speakers(const struct ck_doc *d, uint8_t *who, uint8_t *neg, uint32_t *segof)
{
	enum speaker sp = US;
	bool seen = false, negated = false;
	size_t seg = 0;
	for (size_t t = 0; t < d->ntok; t++) {
		const struct ck_tok *k = &d->tok[t];
		if (strong_break(d, t)) {
			sp = US;
			seen = negated = false;
			seg = t;
		} else if ((k->gap & CK_G_CLAUSE) || ck_is_any(d, t, conj_words)) {
			seen = negated = false;
			seg = ck_is_any(d, t, conj_words) ? t + 1 : t;
		}
		/* "…, we promised Friday": our statement starts again */
		if (t == seg && !seen && sp == THEM && (ck_is(d, t, "we") || ck_is(d, t, "i")))
			sp = US;
		if (ck_has(d, t, L_NEGATION))
			negated = true;
		enum verb v = verb_of(d, t);
		if (v == V_ASK) {
			sp = ASK;
			seen = true;
		} else if (v != V_NONE && !seen) {
			bool passive = t > seg && ck_is_any(d, t - 1, be_words);
			bool first = false, client = false, any = false;
			/* a subject sits just before its verb: look back at most 8
			 * words, so a long clause is not rescanned per verb */
			size_t from = t > seg + 8 ? t - 8 : seg;
			for (size_t j = from; j < t; j++) {
				if (d->tok[j].type != CK_WORD || ck_is_any(d, j, be_words))
					continue;
				any = true;
				first |= ck_is_any(d, j, first_person);
				client |= ck_is_any(d, j, client_words) ||
					  ((d->tok[j].flags & CK_TF_CAP) && !(d->tok[j].flags & CK_TF_ALLCAPS) &&
					   !ck_has(d, j, L_STOPWORD) && j > seg);
				/* a capitalised first word is a name unless it is a verb of
				 * ours ("Called Lena") — only a name can be a subject here */
				if (j == seg && (d->tok[j].flags & CK_TF_CAP) && !ck_has(d, j, L_STOPWORD) &&
				    t == seg + 1)
					client = true;
			}
			if (passive) {
				/* "she was told", "€500 was agreed": by us; "is expected": no verb */
				if (v == V_TELL || v == V_ACCORD) {
					sp = US;
					seen = true;
				}
			} else if (v == V_ACCORD) {
				sp = US; /* "Lena agreed to a €500 credit": we offered it */
				seen = true;
			} else if (v == V_TELL) {
				bool to_us = t + 1 < d->ntok && (ck_is(d, t + 1, "us") || ck_is(d, t + 1, "me"));
				bool pron = false;
				for (size_t j = from; j < t; j++)
					pron |= ck_is(d, j, "she") || ck_is(d, j, "he") || ck_is(d, j, "they");
				sp = (to_us || pron) && !first ? THEM : US;
				seen = true;
			} else if (!any || first) {
				sp = US;
				seen = true;
			} else if (client) {
				sp = THEM;
				seen = true;
			}
		}
		who[t] = (uint8_t)sp;
		neg[t] = negated;
		segof[t] = (uint32_t)seg;
	}
}

static bool ours(const struct ck_doc *d, const uint8_t *who, const uint8_t *neg,
		 const uint8_t *inq, size_t t)
{
	return who[t] == US && !neg[t] && d->sent[d->tok[t].sent].term != '?' && !inq[t];
}

/* "a daily status email at 09:00 until fixed", "next call 15:00 to check
 * the fix": a time in the part of a clause that schedules an update or
 * repeats is not the fix's. UPD[t] is 1 + the first token of the latest
 * next-update cue or recurrence starting before token t (0: none), built in
 * one pass so each time is one look-up. */
static void mark_updates(const struct ck_ctx *c, uint32_t *upd)
{
	size_t h = 0, k = 0;
	uint32_t last = 0;
	for (size_t t = 0; t < D->ntok; t++) {
		upd[t] = last;
		for (; h < D->nhit && D->hit[h].first <= t; h++)
			if (D->hit[h].list == L_NEXT_UPDATE)
				last = D->hit[h].first + 1;
		for (; k < c->items.n && c->items.v[k].first <= t; k++)
			if (c->items.v[k].recurring)
				last = c->items.v[k].first + 1;
	}
}

static bool update_time(const struct ck_ctx *c, const uint32_t *segof, const uint32_t *upd, size_t k)
{
	size_t first = c->items.v[k].first;
	return upd[first] && upd[first] - 1 >= segof[first];
}

/* A claim phrase; a bare "cause" only as a label ("Cause: …"), not in
 * "root-cause update" (the list's "cause:" is the one word to the lexicon). */
static bool cause_claim(const struct ck_doc *d, const struct ck_hit *x)
{
	if (x->list != L_CAUSE_CLAIM)
		return false;
	if (x->last - x->first > 1)
		return true;
	size_t e = d->tok[x->first].end;
	return e < d->len && d->text[e] == ':';
}

/* The cause after a claim phrase, up to the end of its clause. */
static char *cause_text(const struct ck_doc *d, const struct ck_hit *x)
{
	size_t a = x->last, b = a;
	while (b < d->ntok && b < a + 25 && (b == a || !(d->tok[b].gap & (CK_G_CLAUSE | CK_G_SENT | CK_G_PARA))))
		b++;
	size_t words = 0;
	for (size_t i = a; i < b; i++)
		if (d->tok[i].type == CK_WORD && !ck_has(d, i, L_STOPWORD))
			words++;
	if (words < 2)
		return NULL;
	return strndup(d->text + d->tok[a].start, d->tok[b - 1].end - d->tok[a].start);
}

enum rd_err rd_note_facts(const char *note, size_t len, int64_t at, const char *tz,
			  struct rd_note_facts *out, char **errmsg)
{
	memset(out, 0, sizeof *out);
	size_t bad;
	if (!note && len)
		return rd_fail(RD_EINVAL, errmsg, "no text");
	if (len > UINT32_MAX - 16)
		return rd_fail(RD_EINVAL, errmsg, "note too large (%zu bytes)", len);
	if (!rd_utf8_valid(note, len, &bad))
		return rd_fail(RD_EINVAL, errmsg, "invalid UTF-8 at byte %zu", bad);
	if (tz && *tz && !rd_tz_valid(tz))
		return rd_fail(RD_EINVAL, errmsg, "unknown time zone '%s'", tz);
	enum rd_err ret = RD_OK;
	char *err = NULL;
	struct ck_doc doc = {0};
	struct quotes q = {0};
	struct rd_check_opts o = {.now = at, .kind = "other", .tz = tz};
	struct ck_ctx c;
	memset(&c, 0, sizeof c);
	c.d = &doc;
	c.o = &o;
	c.kind = "other";
	c.tz = tz && *tz ? tz : "UTC";
	c.correction = -1;
	uint8_t *who = NULL, *neg = NULL;
	uint32_t *segof = NULL, *upd = NULL;
	uint8_t *inq = NULL;
	const struct ck_lex *lx = ck_lex_default(&err);
	if (!lx) {
		ret = rd_fail(RD_EINVAL, errmsg, "%s", err ? err : "cannot load the word lists");
		goto out;
	}
	ck_when_init(&c.when, at, c.tz);
	if (!ck_doc_parse(&doc, note ? note : "", len) || !ck_lex_scan(lx, &doc) ||
	    !find_quotes(doc.text, len, &q) || !(who = calloc(doc.ntok + 1, 1)) ||
	    !(neg = calloc(doc.ntok + 1, 1)) || !(inq = calloc(doc.ntok + 1, 1)) ||
	    !(segof = calloc(doc.ntok + 1, sizeof *segof)) || !(upd = calloc(doc.ntok + 1, sizeof *upd)) ||
	    !ck_ensure_items(&c)) {
		ret = rd_fail(RD_ENOMEM, errmsg, "out of memory");
		goto out;
	}
	speakers(&doc, who, neg, segof);
	mark_quoted(&doc, &q, inq);
	mark_updates(&c, upd);
	for (size_t k = 0; k < c.items.n; k++) {
		struct ck_item *it = &c.items.v[k];
		if (!ours(&doc, who, neg, inq, it->first))
			continue;
		if (!out->has_eta && it->it.kind == RD_EXTRACT_INSTANT && c.role[k] == ROLE_ETA &&
		    c.eta_claim[k] && it->it.precision <= RD_PREC_HOUR && !update_time(&c, segof, upd, k) &&
		    ck_item_resolve(&c.when, it)) {
			out->has_eta = true;
			out->eta = it->it.instant;
		}
		if (!out->has_amount && it->it.kind == RD_EXTRACT_AMOUNT && ck_sent_has(&doc, it->first, L_REPAIR)) {
			out->has_amount = true;
			out->amount_cents = it->it.amount_minor;
			memcpy(out->currency, it->it.currency, sizeof out->currency);
		}
	}
	for (size_t h = 0; h < doc.nhit && !out->cause; h++) {
		const struct ck_hit *x = &doc.hit[h];
		if (!cause_claim(&doc, x) || !ours(&doc, who, neg, inq, x->first))
			continue;
		out->cause = cause_text(&doc, x);
	}
out:
	if (c.oom && ret == RD_OK)
		ret = rd_fail(RD_ENOMEM, errmsg, "out of memory");
	if (ret)
		rd_note_facts_free(out);
	free(err);
	free(who);
	free(neg);
	free(segof);
	free(upd);
	free(inq);
	free(q.v);
	ck_ctx_free(&c);
	ck_doc_free(&doc);
	return ret;
}

void rd_note_facts_free(struct rd_note_facts *f)
{
	if (!f)
		return;
	free(f->cause);
	memset(f, 0, sizeof *f);
}
