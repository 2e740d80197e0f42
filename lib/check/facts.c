/* facts.c — rule fact.contradiction: does this message state an ETA, a
 * cause, a remedy or a goodwill amount that differs from what this client,
 * or another client of the same failure, was told before (the prior facts
 * the caller passes in rd_check_opts)? docs/internals/check.md describes the
 * comparisons and their limits. */
#include <string.h>

#include "check/check_int.h"
#include "redress/facts.h"
#include "redress/time.h"
#include "util/buf.h"

#define D (c->d)

/* ---- fact.contradiction ----------------------------------------------------------------- */

static bool message_corrects(struct ck_ctx *c)
{
	if (c->correction < 0) {
		c->correction = !strcmp(c->kind, "correction");
		for (size_t h = 0; h < D->nhit && !c->correction; h++)
			if (D->hit[h].list == L_CORRECTION)
				c->correction = 1;
	}
	return c->correction == 1;
}

/* Content words of a statement: lower-case, no stop words, light stemming. */
struct words { char w[24][16]; int n; };

static void stem_add(struct words *ws, const char *w, size_t n)
{
	if (ws->n >= 24 || n < 3)
		return;
	char b[16];
	size_t k = n < 15 ? n : 15;
	memcpy(b, w, k);
	b[k] = '\0';
	if (k > 5 && !strcmp(b + k - 3, "ing"))
		b[k -= 3] = '\0';
	else if (k > 4 && !strcmp(b + k - 2, "ed"))
		b[k -= 2] = '\0';
	else if (k > 4 && !strcmp(b + k - 2, "es"))
		b[k -= 2] = '\0';
	else if (k > 3 && b[k - 1] == 's')
		b[--k] = '\0';
	if (k > 6)
		b[k = 6] = '\0';
	for (int i = 0; i < ws->n; i++)
		if (!strcmp(ws->w[i], b))
			return;
	memcpy(ws->w[ws->n++], b, k + 1);
}

static void content_words(const struct ck_doc *d, size_t a, size_t b, struct words *ws)
{
	for (size_t i = a; i < b && i < d->ntok; i++)
		if (d->tok[i].type == CK_WORD && !ck_has(d, i, L_STOPWORD))
			stem_add(ws, ck_norm(d, i), d->tok[i].nlen);
}

static int overlap(const struct words *a, const struct words *b)
{
	int n = 0;
	for (int i = 0; i < a->n; i++)
		for (int j = 0; j < b->n; j++)
			if (!strcmp(a->w[i], b->w[j]))
				n++;
	return n;
}

/* The words of a prior free-text statement, through the same tokeniser and
 * stop-word list. */
static bool prior_words(struct ck_ctx *c, const char *text, struct words *ws)
{
	ws->n = 0;
	if (!text || !*text)
		return false;
	size_t n = strlen(text);
	if (!rd_utf8_valid(text, n, NULL))
		return false;
	struct ck_doc pd = {0};
	bool ok = ck_doc_parse(&pd, text, n);
	if (ok) {
		char *err = NULL;
		const struct ck_lex *lx = ck_lex_default(&err);
		free(err);
		ok = lx && ck_lex_scan(lx, &pd);
	}
	if (ok) {
		/* a cause told as "caused by X" keeps only X */
		size_t from = 0;
		for (size_t h = 0; h < pd.nhit; h++)
			if (pd.hit[h].list == L_CAUSE_CLAIM || pd.hit[h].list == L_REMEDY) {
				from = pd.hit[h].last;
				break;
			}
		content_words(&pd, from < pd.ntok ? from : 0, pd.ntok, ws);
	} else {
		c->oom = true;
	}
	ck_doc_free(&pd);
	return ws->n >= 2;
}

static const struct rd_prior_fact *latest(const struct rd_check_opts *o, bool same, int dim,
					  const char *client, const struct rd_prior_fact *after)
{
	const struct rd_prior_fact *best = NULL;
	(void)after;
	for (size_t i = 0; i < o->n_prior; i++) {
		const struct rd_prior_fact *p = &o->prior[i];
		if (p->same_client != same)
			continue;
		if (!same && client && (!p->client_name || strcmp(p->client_name, client) != 0))
			continue;
		bool has = dim == 0 ? p->has_eta : dim == 1 ? (p->cause && *p->cause)
			   : dim == 2 ? (p->remedy && *p->remedy) : p->has_amount;
		if (has && (!best || p->at > best->at))
			best = p;
	}
	return best;
}

/* The priors to compare with for dimension DIM: the latest to this client,
 * then the latest of each other client (ETA, cause and remedy are
 * failure-wide; amounts are per client). */
static size_t candidates(const struct rd_check_opts *o, int dim, const struct rd_prior_fact **out, size_t max)
{
	size_t n = 0;
	const struct rd_prior_fact *p = latest(o, true, dim, NULL, NULL);
	if (p)
		out[n++] = p;
	if (dim == 3)
		return n;
	for (size_t i = 0; i < o->n_prior && n < max; i++) {
		const struct rd_prior_fact *q = &o->prior[i];
		if (q->same_client)
			continue;
		const struct rd_prior_fact *l = latest(o, false, dim, q->client_name, NULL);
		if (!q->client_name)
			l = latest(o, false, dim, NULL, NULL);
		bool dup = false;
		for (size_t k = 0; k < n; k++)
			if (out[k] == l)
				dup = true;
		if (l && !dup)
			out[n++] = l;
	}
	return n;
}

static const char *who(const struct rd_prior_fact *p, char *buf, size_t n)
{
	if (p->same_client)
		return "this client";
	snprintf(buf, n, "%s (another client of this failure)", p->client_name ? p->client_name : "another client");
	return buf;
}

static bool same_eta(struct ck_ctx *c, struct ck_item *it, int64_t eta)
{
	if (!ck_item_resolve(&c->when, it))
		return true;
	int64_t diff = it->it.instant - eta;
	if (diff < 0)
		diff = -diff;
	if (it->it.kind == RD_EXTRACT_DURATION) {
		int64_t tol = it->it.seconds / 10;
		return diff <= (tol > 3600 ? tol : 3600);
	}
	switch (it->it.precision) {
	case RD_PREC_MINUTE: return diff <= 15 * 60;
	case RD_PREC_HOUR: return diff <= 60 * 60;
	case RD_PREC_DAY: {
		struct tm t;
		if (rd_time_local(eta, c->tz, &t, NULL) != RD_OK)
			return true;
		return t.tm_year == it->local.tm_year && t.tm_mon == it->local.tm_mon &&
		       t.tm_mday == it->local.tm_mday;
	}
	case RD_PREC_WEEK: return diff <= 4 * 86400;
	case RD_PREC_MONTH: return diff <= 31 * 86400;
	}
	return true;
}

static void contradict_eta(struct ck_ctx *c, const struct ck_rule *r)
{
	if (!strcmp(c->kind, "delay") || !ck_ensure_items(c))
		return; /* a delay notice exists to move the ETA */
	const struct rd_prior_fact *cand[16];
	size_t nc = candidates(c->o, 0, cand, 16);
	for (size_t k = 0; k < c->items.n; k++) {
		struct ck_item *it = &c->items.v[k];
		if (c->role[k] != ROLE_ETA || !c->eta_claim[k])
			continue; /* a time with no ETA context is no ETA claim */
		for (size_t q = 0; q < nc; q++) {
			if (same_eta(c, it, cand[q]->eta))
				continue;
			char told[RD_TIME_BUFSZ], stated[RD_TIME_BUFSZ], when[RD_TIME_BUFSZ], wb[160];
			if (rd_time_format_local(cand[q]->eta, c->tz, told) != RD_OK)
				rd_time_format(cand[q]->eta, told);
			if (!it->resolved || rd_time_format_local(it->it.instant, c->tz, stated) != RD_OK)
				rd_time_format(it->it.instant, stated);
			rd_time_format(cand[q]->at, when);
			struct rd_check_finding *f;
			ck_finding(c, r, r->sev, it->it.start, it->it.end, false,
				   ck_fmt(c, "use the date already given, or say plainly that it changed and why: \"Correction: the new date is …, because …\""),
				   "states an ETA of %s, but communication #%lld (%s) told %s %s; no correction is made",
				   stated, (long long)cand[q]->comm_id, when, who(cand[q], wb, sizeof wb), told);
			if (c->nf && (f = &c->f[c->nf - 1])->rule == r->id)
				f->ref_comm_id = cand[q]->comm_id;
			return;
		}
	}
}

static void contradict_text(struct ck_ctx *c, const struct ck_rule *r, int dim)
{
	enum ck_list l = dim == 1 ? L_CAUSE_CLAIM : L_REMEDY;
	const struct rd_prior_fact *cand[16];
	size_t nc = candidates(c->o, dim, cand, 16);
	if (!nc)
		return;
	/* each prior statement's words once, not once per claim in the message */
	struct words theirs[16];
	bool usable[16];
	for (size_t q = 0; q < nc; q++)
		usable[q] = prior_words(c, dim == 1 ? cand[q]->cause : cand[q]->remedy, &theirs[q]);
	for (size_t h = 0; h < D->nhit; h++) {
		const struct ck_hit *x = &D->hit[h];
		if (x->list != l)
			continue;
		const struct ck_sent *s = &D->sent[D->tok[x->first].sent];
		size_t end = s->last < x->last + 25 ? s->last : x->last + 25;
		struct words mine = {.n = 0};
		content_words(D, x->last, end, &mine);
		if (mine.n < 2)
			continue;
		for (size_t q = 0; q < nc; q++) {
			if (!usable[q] || overlap(&mine, &theirs[q]) > 0)
				continue;
			char when[RD_TIME_BUFSZ], wb[160];
			rd_time_format(cand[q]->at, when);
			const char *what = dim == 1 ? cand[q]->cause : cand[q]->remedy;
			struct rd_check_finding *f;
			ck_finding(c, r, r->sev, D->tok[x->first].start, D->tok[end - 1].end, false,
				   ck_fmt(c, "if the %s changed, say so: \"Correction: we previously said …; we have since found …\"",
				       dim == 1 ? "cause" : "remedy"),
				   "states a %s that differs from what communication #%lld (%s) told %s: \"%.80s\"",
				   dim == 1 ? "cause" : "remedy", (long long)cand[q]->comm_id, when,
				   who(cand[q], wb, sizeof wb), what);
			if (c->nf && (f = &c->f[c->nf - 1])->rule == r->id)
				f->ref_comm_id = cand[q]->comm_id;
			return;
		}
	}
}

static void contradict_amount(struct ck_ctx *c, const struct ck_rule *r)
{
	const struct rd_prior_fact *cand[2];
	if (!candidates(c->o, 3, cand, 2) || !ck_ensure_items(c))
		return;
	const struct rd_prior_fact *p = cand[0];
	for (size_t k = 0; k < c->items.n; k++) {
		const struct ck_item *it = &c->items.v[k];
		if (it->it.kind != RD_EXTRACT_AMOUNT || !ck_sent_has(D, it->first, L_REPAIR))
			continue;
		bool same = p->currency && !strcasecmp(p->currency, it->it.currency) &&
			    p->amount_cents == it->it.amount_minor;
		if (same)
			continue;
		char when[RD_TIME_BUFSZ];
		rd_time_format(p->at, when);
		struct rd_check_finding *f;
		ck_finding(c, r, r->sev, it->it.start, it->it.end, false,
			   ck_fmt(c, "use the amount already offered, or say plainly that it changed and why"),
			   "states a goodwill amount of %s %lld.%02lld, but communication #%lld (%s) offered %s %lld.%02lld",
			   it->it.currency, (long long)(it->it.amount_minor / 100), (long long)(it->it.amount_minor % 100),
			   (long long)p->comm_id, when, p->currency ? p->currency : "",
			   (long long)(p->amount_cents / 100), (long long)(p->amount_cents % 100));
		if (c->nf && (f = &c->f[c->nf - 1])->rule == r->id)
			f->ref_comm_id = p->comm_id;
		return;
	}
}

void ck_rule_contradiction(struct ck_ctx *c, const struct ck_rule *r)
{
	if (!c->o->n_prior || message_corrects(c))
		return;
	contradict_eta(c, r);
	contradict_text(c, r, 1);
	contradict_text(c, r, 2);
	contradict_amount(c, r);
}

bool rd_statements_differ(const char *a, const char *b)
{
	struct ck_ctx c;
	memset(&c, 0, sizeof c);
	struct words wa, wb;
	if (!prior_words(&c, a, &wa) || !prior_words(&c, b, &wb))
		return false;
	return overlap(&wa, &wb) == 0;
}
