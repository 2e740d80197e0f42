/* goodwill_suggest.c — sizes restitution from the policy's goodwill rules
 * (policy.h) and explains every step in a line a manager can check.
 *
 * All arithmetic is on integer cents with fixed-point percentages, rounded
 * half up at each step, so the same inputs give the same cents everywhere.
 * The order of the rules is the order of the explanation:
 *   base (severity) -> x key multiplier -> + outage hours
 *   -> at least a share of a recorded financial impact -> cap
 *   -> at least the contractual SLA credit -> rounding. */
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "redress/policy.h"
#include "clock/policy_int.h"

char *rd_money_text(int64_t cents, const char *currency, char buf[48])
{
	char digits[32];
	uint64_t a = cents < 0 ? (uint64_t)(-(cents + 1)) + 1 : (uint64_t)cents;
	snprintf(digits, sizeof digits, "%" PRIu64, a / 100);
	/* group thousands */
	char grouped[40];
	size_t n = strlen(digits), k = 0;
	for (size_t i = 0; i < n; i++) {
		if (i && (n - i) % 3 == 0)
			grouped[k++] = ',';
		grouped[k++] = digits[i];
	}
	grouped[k] = '\0';
	snprintf(buf, 48, "%s%s%s%s.%02u", currency && *currency ? currency : "",
		 currency && *currency ? " " : "", cents < 0 ? "-" : "", grouped, (unsigned)(a % 100));
	return buf;
}

/* cents x pct_e4 / 100%, rounded half up (non-negative inputs). */
static int64_t pct_of(int64_t cents, int64_t pct_e4)
{
	__int128 v = (__int128)cents * pct_e4;
	return (int64_t)((v + 500000) / 1000000);
}


static enum rd_err line(struct rd_goodwill_suggestion *s, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static enum rd_err line(struct rd_goodwill_suggestion *s, const char *fmt, ...)
{
	char **v = realloc(s->lines, (s->n_lines + 1) * sizeof *v);
	if (!v)
		return RD_ENOMEM;
	s->lines = v;
	va_list ap;
	va_start(ap, fmt);
	int rc = vasprintf(&s->lines[s->n_lines], fmt, ap);
	va_end(ap);
	if (rc < 0)
		return RD_ENOMEM;
	s->n_lines++;
	return RD_OK;
}

void rd_goodwill_suggestion_free(struct rd_goodwill_suggestion *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n_lines; i++)
		free(s->lines[i]);
	free(s->lines);
	s->lines = NULL;
	s->n_lines = 0;
}

enum rd_err rd_goodwill_suggest(const struct rd_policy *p, const struct rd_goodwill_input *in,
				struct rd_goodwill_suggestion *out, char **errmsg)
{
	const struct rd_goodwill_policy *g = &p->goodwill;
	const char *cur = in->currency && *in->currency ? in->currency : "EUR";
	char m1[48], m2[48], m3[48], pc[32];
	int rc = 0;

	memset(out, 0, sizeof *out);
	snprintf(out->currency, sizeof out->currency, "%s", cur);
	if (in->severity < 1 || in->severity > 4)
		return rd_fail(RD_EINVAL, errmsg, "severity must be 1 to 4, got %d", in->severity);
	if (in->yearly_value_cents < 0 || in->yearly_value_cents > INT64_C(100000000000000))
		return rd_fail(RD_EINVAL, errmsg, "the client's yearly value must be 0 or more (and sane)");
	if (in->financial_impact_cents < -1 || in->financial_impact_cents > INT64_C(100000000000000))
		return rd_fail(RD_EINVAL, errmsg, "the recorded financial impact must be 0 or more");
	if (in->sla_credit_pct < -1 || in->sla_credit_pct > 100)
		return rd_fail(RD_EINVAL, errmsg, "the SLA credit must be 0 to 100%%");
	if (!(in->outage_hours >= 0 && in->outage_hours < 24.0 * 3660))
		return rd_fail(RD_EINVAL, errmsg, "outage hours must be 0 or more");
	bool key = in->tier && strcmp(in->tier, "key") == 0;

	int64_t monthly = (in->yearly_value_cents + 6) / 12;
	rc |= line(out, "monthly value = %s a year / 12 = %s", rd_money_text(in->yearly_value_cents, cur, m1),
		   rd_money_text(monthly, cur, m2));

	int64_t amount = pct_of(monthly, g->base_pct_e4[in->severity]);
	rc |= line(out, "severity %d \xe2\x86\x92 base %s%% of monthly value = %s", in->severity,
		   rd_e4_text(g->base_pct_e4[in->severity], pc), rd_money_text(amount, cur, m1));

	if (key && g->key_multiplier_e4 != 10000) {
		amount = (int64_t)(((__int128)amount * g->key_multiplier_e4 + 5000) / 10000);
		rc |= line(out, "key client \xc3\x97%s = %s", rd_e4_text(g->key_multiplier_e4, pc),
			   rd_money_text(amount, cur, m1));
	}

	if (in->outage_hours > 0 && g->outage_pct_per_hour_e4 > 0) {
		int64_t minutes = llround(in->outage_hours * 60.0);
		int64_t add = (int64_t)(((__int128)monthly * g->outage_pct_per_hour_e4 * minutes + 30000000) /
					60000000);
		amount += add;
		rc |= line(out, "outage %g h \xc3\x97 %s%% of monthly value per hour = %s \xe2\x86\x92 %s",
			   in->outage_hours, rd_e4_text(g->outage_pct_per_hour_e4, pc), rd_money_text(add, cur, m1),
			   rd_money_text(amount, cur, m2));
	}

	if (in->financial_impact_cents >= 0 && g->impact_cover_pct_e4 > 0) {
		int64_t cover = pct_of(in->financial_impact_cents, g->impact_cover_pct_e4);
		if (cover > amount) {
			amount = cover;
			rc |= line(out, "recorded financial impact %s \xe2\x86\x92 at least %s%% covered = %s",
				   rd_money_text(in->financial_impact_cents, cur, m1),
				   rd_e4_text(g->impact_cover_pct_e4, pc), rd_money_text(cover, cur, m2));
		} else {
			rc |= line(out, "recorded financial impact %s: %s%% (%s) is already covered",
				   rd_money_text(in->financial_impact_cents, cur, m1),
				   rd_e4_text(g->impact_cover_pct_e4, pc), rd_money_text(cover, cur, m2));
		}
	}

	if (g->cap_pct_e4 > 0) {
		int64_t cap = pct_of(monthly, g->cap_pct_e4);
		if (amount > cap) {
			amount = cap;
			rc |= line(out, "capped at %s%% of monthly value = %s", rd_e4_text(g->cap_pct_e4, pc),
				   rd_money_text(cap, cur, m1));
		}
	}

	if (g->honour_sla_credit && in->sla_credit_pct >= 0) {
		int64_t sla = pct_of(monthly, (int64_t)in->sla_credit_pct * 10000);
		if (sla > amount) {
			amount = sla;
			rc |= line(out, "SLA credit %d%% of monthly fee = %s (contractual, raised to it)",
				   in->sla_credit_pct, rd_money_text(sla, cur, m1));
		} else {
			rc |= line(out, "SLA credit %d%% of monthly fee = %s (already exceeded)", in->sla_credit_pct,
				   rd_money_text(sla, cur, m1));
		}
	}

	int64_t r = g->round_to_cents > 0 ? g->round_to_cents : 1;
	if (r > 1 && amount % r) {
		int64_t before = amount;
		amount = (amount + r / 2) / r * r;
		rc |= line(out, "%s rounded to %s", rd_money_text(before, cur, m1), rd_money_text(amount, cur, m3));
	}

	if (amount > 0) {
		snprintf(out->kind, sizeof out->kind, "%s", g->kind);
		rc |= line(out, "suggested: %s of %s", g->kind, rd_money_text(amount, cur, m1));
	} else {
		snprintf(out->kind, sizeof out->kind, "none");
		rc |= line(out, "suggested: no goodwill (the rules give %s)", rd_money_text(0, cur, m1));
	}
	out->amount_cents = amount;
	if (rc)
		return rd_fail(RD_ENOMEM, errmsg, "out of memory");
	return RD_OK;
}
