/* extract.c — dates, times, durations and money amounts in free text.
 *
 * Works on the checker's tokens (text.c), so a message is tokenised once for
 * both. Each position is tried as an amount ("EUR 4,500", "€4,500", "$1.2k",
 * "4.500,00 EUR"), a date/time expression (a date part and a time part in
 * either order, joined by little words: "by Friday 5pm", "on 2 December at
 * 09:00", "tomorrow morning", "27/11", "2026-11-27") and a duration ("within
 * 48 hours", "2-3 business days"). Local times are read in the client's zone;
 * converting to UTC is deferred (ck_item_resolve) because zone conversion
 * through libc is slow and the checker rarely needs the instant itself. */
#include <pthread.h>
#include <string.h>

#include "check/check_int.h"
#include "redress/time.h"
#include "util/buf.h"

/* ---- calendar arithmetic (proleptic Gregorian) ---------------------------- */

static void civil_from_days(int64_t z, int *y, int *m, int *d)
{
	z += 719468;
	const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	const unsigned doe = (unsigned)(z - era * 146097);
	const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	const int64_t yy = (int64_t)yoe + era * 400;
	const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	const unsigned mp = (5 * doy + 2) / 153;
	const unsigned dd = doy - (153 * mp + 2) / 5 + 1;
	const unsigned mm = mp < 10 ? mp + 3 : mp - 9;
	*y = (int)(yy + (mm <= 2));
	*m = (int)mm;
	*d = (int)dd;
}

static int days_in_month(int y, int m)
{
	static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return dm[(m - 1) % 12];
}

/* 0 = Sunday */
static int weekday(int64_t days) { return (int)(((days % 7) + 11) % 7); }

/* ---- keywords ------------------------------------------------------------- */

enum kw {
	K_NONE, K_MONTH, K_WDAY, K_REL, K_POD, K_CLOCK, K_EOD, K_END, K_CLOSE, K_UNIT,
	K_NUMW, K_CUR, K_CURWORD, K_MULT, K_ZONE, K_AMPM, K_DEADLINE, K_CONN, K_NEXT,
	K_THIS, K_EVERY, K_RECUR, K_HALF, K_BUSINESS, K_OF, K_LATEST,
};

struct kwdef {
	const char *w;
	uint8_t kind;
	int value;
	uint8_t cap_only;          /* abbreviations that are also words: "Sun", "Sat" */
};

static const struct kwdef kwdefs[] = {
	{"january", K_MONTH, 1, 0}, {"jan", K_MONTH, 1, 0}, {"february", K_MONTH, 2, 0},
	{"feb", K_MONTH, 2, 0}, {"march", K_MONTH, 3, 0}, {"mar", K_MONTH, 3, 1},
	{"april", K_MONTH, 4, 0}, {"apr", K_MONTH, 4, 0}, {"may", K_MONTH, 5, 1},
	{"june", K_MONTH, 6, 0}, {"jun", K_MONTH, 6, 0}, {"july", K_MONTH, 7, 0},
	{"jul", K_MONTH, 7, 0}, {"august", K_MONTH, 8, 0}, {"aug", K_MONTH, 8, 0},
	{"september", K_MONTH, 9, 0}, {"sep", K_MONTH, 9, 0}, {"sept", K_MONTH, 9, 0},
	{"october", K_MONTH, 10, 0}, {"oct", K_MONTH, 10, 0}, {"november", K_MONTH, 11, 0},
	{"nov", K_MONTH, 11, 0}, {"december", K_MONTH, 12, 0}, {"dec", K_MONTH, 12, 0},
	{"sunday", K_WDAY, 0, 0}, {"sun", K_WDAY, 0, 1}, {"monday", K_WDAY, 1, 0},
	{"mon", K_WDAY, 1, 1}, {"tuesday", K_WDAY, 2, 0}, {"tue", K_WDAY, 2, 1},
	{"tues", K_WDAY, 2, 1}, {"wednesday", K_WDAY, 3, 0}, {"wed", K_WDAY, 3, 1},
	{"thursday", K_WDAY, 4, 0}, {"thu", K_WDAY, 4, 1}, {"thur", K_WDAY, 4, 1},
	{"thurs", K_WDAY, 4, 1}, {"friday", K_WDAY, 5, 0}, {"fri", K_WDAY, 5, 1},
	{"saturday", K_WDAY, 6, 0}, {"sat", K_WDAY, 6, 1},
	{"today", K_REL, 0, 0}, {"tomorrow", K_REL, 1, 0}, {"tonight", K_REL, 100, 0},
	{"yesterday", K_REL, -1, 0},
	{"morning", K_POD, 9, 0}, {"afternoon", K_POD, 14, 0}, {"evening", K_POD, 18, 0},
	{"night", K_POD, 20, 0}, {"lunchtime", K_POD, 12, 0},
	{"noon", K_CLOCK, 12 * 60, 0}, {"midday", K_CLOCK, 12 * 60, 0},
	{"midnight", K_CLOCK, 23 * 60 + 59, 0},
	{"eod", K_EOD, 0, 0}, {"cob", K_EOD, 0, 0}, {"eob", K_EOD, 0, 0},
	{"end", K_END, 0, 0}, {"close", K_CLOSE, 0, 0},
	{"second", K_UNIT, 1, 0}, {"seconds", K_UNIT, 1, 0}, {"secs", K_UNIT, 1, 0},
	{"minute", K_UNIT, 60, 0}, {"minutes", K_UNIT, 60, 0}, {"mins", K_UNIT, 60, 0},
	{"min", K_UNIT, 60, 0}, {"hour", K_UNIT, 3600, 0}, {"hours", K_UNIT, 3600, 0},
	{"hrs", K_UNIT, 3600, 0}, {"hr", K_UNIT, 3600, 0}, {"h", K_UNIT, 3600, 0},
	{"day", K_UNIT, 86400, 0}, {"days", K_UNIT, 86400, 0}, {"week", K_UNIT, 604800, 0},
	{"weeks", K_UNIT, 604800, 0}, {"wk", K_UNIT, 604800, 0}, {"wks", K_UNIT, 604800, 0},
	{"fortnight", K_UNIT, 1209600, 0}, {"month", K_UNIT, 2592000, 0},
	{"months", K_UNIT, 2592000, 0},
	{"a", K_NUMW, 1, 0}, {"an", K_NUMW, 1, 0}, {"one", K_NUMW, 1, 0},
	{"two", K_NUMW, 2, 0}, {"three", K_NUMW, 3, 0}, {"four", K_NUMW, 4, 0},
	{"five", K_NUMW, 5, 0}, {"six", K_NUMW, 6, 0}, {"seven", K_NUMW, 7, 0},
	{"eight", K_NUMW, 8, 0}, {"nine", K_NUMW, 9, 0}, {"ten", K_NUMW, 10, 0},
	{"eleven", K_NUMW, 11, 0}, {"twelve", K_NUMW, 12, 0}, {"fourteen", K_NUMW, 14, 0},
	{"fifteen", K_NUMW, 15, 0}, {"twenty", K_NUMW, 20, 0}, {"thirty", K_NUMW, 30, 0},
	{"forty", K_NUMW, 40, 0}, {"couple", K_NUMW, 2, 0},
	{"eur", K_CUR, 0, 0}, {"usd", K_CUR, 1, 0}, {"gbp", K_CUR, 2, 0}, {"chf", K_CUR, 3, 0},
	{"jpy", K_CUR, 4, 0}, {"cad", K_CUR, 5, 0}, {"aud", K_CUR, 6, 0}, {"sek", K_CUR, 7, 0},
	{"nok", K_CUR, 8, 0}, {"dkk", K_CUR, 9, 0}, {"pln", K_CUR, 10, 0}, {"czk", K_CUR, 11, 0},
	{"inr", K_CUR, 12, 0}, {"sgd", K_CUR, 13, 0}, {"nzd", K_CUR, 14, 0}, {"hkd", K_CUR, 15, 0},
	{"euro", K_CURWORD, 0, 0}, {"euros", K_CURWORD, 0, 0}, {"dollar", K_CURWORD, 1, 0},
	{"dollars", K_CURWORD, 1, 0}, {"pound", K_CURWORD, 2, 0}, {"pounds", K_CURWORD, 2, 0},
	{"yen", K_CURWORD, 4, 0},
	{"k", K_MULT, 1000, 0}, {"thousand", K_MULT, 1000, 0}, {"million", K_MULT, 1000000, 0},
	{"mn", K_MULT, 1000000, 0}, {"bn", K_MULT, 1000000000, 0},
	{"billion", K_MULT, 1000000000, 0},
	{"utc", K_ZONE, 0, 0}, {"gmt", K_ZONE, 0, 0}, {"wet", K_ZONE, 0, 1},
	{"west", K_ZONE, 60, 1}, {"cet", K_ZONE, 60, 0}, {"cest", K_ZONE, 120, 0},
	{"eet", K_ZONE, 120, 0}, {"eest", K_ZONE, 180, 0}, {"bst", K_ZONE, 60, 0},
	{"est", K_ZONE, -300, 1}, {"edt", K_ZONE, -240, 0}, {"cst", K_ZONE, -360, 0},
	{"cdt", K_ZONE, -300, 0}, {"mst", K_ZONE, -420, 0}, {"mdt", K_ZONE, -360, 0},
	{"pst", K_ZONE, -480, 0}, {"pdt", K_ZONE, -420, 0},
	{"am", K_AMPM, 0, 0}, {"pm", K_AMPM, 12, 0},
	{"by", K_DEADLINE, 0, 0}, {"before", K_DEADLINE, 0, 0}, {"within", K_DEADLINE, 0, 0},
	{"until", K_DEADLINE, 0, 0}, {"till", K_DEADLINE, 0, 0},
	{"at", K_CONN, 0, 0}, {"on", K_CONN, 0, 0}, {"the", K_CONN, 0, 0}, {"in", K_CONN, 0, 0},
	{"around", K_CONN, 0, 0}, {"about", K_CONN, 0, 0}, {"for", K_CONN, 0, 0},
	{"over", K_CONN, 0, 0}, {"after", K_CONN, 0, 0}, {"from", K_CONN, 0, 0},
	{"of", K_OF, 0, 0},
	{"next", K_NEXT, 0, 0}, {"coming", K_NEXT, 0, 0}, {"this", K_THIS, 0, 0},
	{"every", K_EVERY, 0, 0}, {"each", K_EVERY, 0, 0},
	{"daily", K_RECUR, 86400, 0}, {"hourly", K_RECUR, 3600, 0},
	{"weekly", K_RECUR, 604800, 0}, {"nightly", K_RECUR, 86400, 0},
	{"half", K_HALF, 0, 0}, {"business", K_BUSINESS, 0, 0}, {"working", K_BUSINESS, 0, 0},
	{"latest", K_LATEST, 0, 0},
};

static const char *const currencies[] = {"EUR", "USD", "GBP", "CHF", "JPY", "CAD", "AUD",
	"SEK", "NOK", "DKK", "PLN", "CZK", "INR", "SGD", "NZD", "HKD"};

struct kwslot { uint32_t hash; int16_t idx; };
#define KW_CAP 1024
static struct kwslot kwtab[KW_CAP];
static pthread_once_t kw_once = PTHREAD_ONCE_INIT;

static void kw_init(void)
{
	for (size_t i = 0; i < KW_CAP; i++)
		kwtab[i].idx = -1;
	for (size_t i = 0; i < sizeof kwdefs / sizeof kwdefs[0]; i++) {
		uint32_t h = ck_hash(kwdefs[i].w, strlen(kwdefs[i].w));
		size_t j = h & (KW_CAP - 1);
		while (kwtab[j].idx >= 0)
			j = (j + 1) & (KW_CAP - 1);
		kwtab[j] = (struct kwslot){h, (int16_t)i};
	}
}

int ck_kw_index(const char *s, size_t n, uint32_t hash)
{
	if (n > 9) /* no keyword is longer ("september") */
		return -1;
	pthread_once(&kw_once, kw_init);
	for (size_t j = hash & (KW_CAP - 1); kwtab[j].idx >= 0; j = (j + 1) & (KW_CAP - 1)) {
		const struct kwdef *k = &kwdefs[kwtab[j].idx];
		if (kwtab[j].hash == hash && k->w[0] == s[0] && memcmp(k->w, s, n) == 0 && k->w[n] == '\0')
			return kwtab[j].idx;
	}
	return -1;
}

size_t ck_kw_count(void)
{
	return sizeof kwdefs / sizeof kwdefs[0];
}

const char *ck_kw_word(size_t i)
{
	return kwdefs[i].w;
}

void ck_doc_kw(struct ck_doc *d)
{
	for (size_t i = 0; i < d->ntok; i++) {
		struct ck_tok *t = &d->tok[i];
		t->kw = t->type == CK_WORD ? (int16_t)ck_kw_index(ck_norm(d, i), t->nlen, t->hash) : -1;
	}
}

static const struct kwdef *kw(const struct ck_doc *d, size_t i)
{
	if (i >= d->ntok || d->tok[i].kw < 0)
		return NULL;
	const struct ck_tok *t = &d->tok[i];
	const struct kwdef *k = &kwdefs[t->kw];
	if (k->cap_only && !(t->flags & CK_TF_CAP))
		return NULL;
	return k;
}

static int kwk(const struct ck_doc *d, size_t i)
{
	const struct kwdef *k = kw(d, i);
	return k ? k->kind : K_NONE;
}

bool ck_tok_weekday(const struct ck_doc *d, size_t i)
{
	return kwk(d, i) == K_WDAY;
}

bool ck_tok_month(const struct ck_doc *d, size_t i)
{
	return kwk(d, i) == K_MONTH;
}

bool ck_tok_clock_word(const struct ck_doc *d, size_t i)
{
	return kwk(d, i) == K_CLOCK;
}

bool ck_tok_number_word(const struct ck_doc *d, size_t i)
{
	return kwk(d, i) == K_NUMW;
}

/* True if token j directly continues the expression before it (no sentence
 * or hard punctuation between; a comma is allowed). */
static bool joined(const struct ck_doc *d, size_t j)
{
	if (j >= d->ntok)
		return false;
	uint8_t g = d->tok[j].gap;
	if (g & (CK_G_SENT | CK_G_PUNCT))
		return false;
	if ((g & CK_G_CLAUSE) && d->tok[j].clause_ch != ',')
		return false;
	return true;
}

/* ---- numbers --------------------------------------------------------------- */

/* Parses all-digit s[0..n) (n <= 9). */
static bool digits(const char *s, size_t n, int *out)
{
	if (n == 0 || n > 9)
		return false;
	int v = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

static bool plain_int(const struct ck_doc *d, size_t i, int *v)
{
	return i < d->ntok && d->tok[i].type == CK_NUM && digits(ck_norm(d, i), d->tok[i].nlen, v);
}

/* "27", "27th", "1st", "2nd", "3rd" -> day 1..31 */
static bool day_num(const struct ck_doc *d, size_t i, int *day)
{
	if (i >= d->ntok || d->tok[i].type != CK_NUM)
		return false;
	const char *s = ck_norm(d, i);
	size_t n = d->tok[i].nlen;
	size_t k = 0;
	while (k < n && s[k] >= '0' && s[k] <= '9')
		k++;
	if (k == 0 || k > 2)
		return false;
	if (k < n && !(n - k == 2 && (!strcmp(s + k, "st") || !strcmp(s + k, "nd") ||
				   !strcmp(s + k, "rd") || !strcmp(s + k, "th"))))
		return false;
	int v = 0;
	if (!digits(s, k, &v) || v < 1 || v > 31)
		return false;
	*day = v;
	return true;
}

/* ---- date/time expressions -------------------------------------------------- */

enum special { SP_NONE, SP_END_WEEK, SP_NEXT_WEEK, SP_THIS_WEEK, SP_END_MONTH, SP_MONTH };

struct dt {
	int y, mo, d;              /* explicit date parts (0 = unset) */
	int wday;                  /* -1 unset */
	bool next;                 /* "next Friday" */
	bool has_rel;
	int rel;                   /* days from today */
	int special;
	bool has_date;
	bool has_time;
	int minutes;               /* time of day */
	bool min_exact;            /* minutes were written ("17:30") */
	bool pod;                  /* part of day ("morning") */
	bool has_off;
	int off;
	const char *abbr;          /* the zone abbreviation written ("cet"), if any */
};

/* A sign written just before token i ("+01:00", "-5", "−05:00"). */
static bool signed_num(const struct ck_doc *d, size_t i, int *sign)
{
	if (i == 0 || i >= d->ntok || d->tok[i].type != CK_NUM)
		return false;
	uint32_t cp = ck_pre_cp(d, i);
	if (cp != '+' && cp != '-' && cp != 0x2212)
		return false;
	/* the sign sits directly between the two tokens: "UTC+01:00" */
	if (d->tok[i].start - d->tok[i - 1].end > (cp == 0x2212 ? 3u : 1u))
		return false;
	*sign = cp == '+' ? 1 : -1;
	return true;
}

/* Token i is the offset of a zone notation, "UTC+01:00", "GMT-5",
 * "UTC−05:30": not a time of day. Sets *minutes east of UTC. */
static bool zone_offset(const struct ck_doc *d, size_t i, int *minutes)
{
	int sign;
	const struct kwdef *z = i ? kw(d, i - 1) : NULL;
	if (!z || z->kind != K_ZONE || z->value != 0 || !signed_num(d, i, &sign))
		return false;
	const char *s = ck_norm(d, i);
	size_t n = d->tok[i].nlen;
	int h = 0, m = 0;
	if (n == 5 && s[2] == ':') {
		if (!digits(s, 2, &h) || !digits(s + 3, 2, &m))
			return false;
	} else if (n == 4 && s[1] == ':') {
		if (!digits(s, 1, &h) || !digits(s + 2, 2, &m))
			return false;
	} else if (n == 4) {
		if (!digits(s, 2, &h) || !digits(s + 2, 2, &m))
			return false;
	} else if (n <= 2) {
		if (!digits(s, n, &h))
			return false;
	} else {
		return false;
	}
	if (h > 14 || m > 59)
		return false;
	*minutes = sign * (h * 60 + m);
	return true;
}

/* Reads a clock time at token i: "5pm", "5 pm", "17:00", "5:30pm", "9.30am",
 * "noon", with an optional zone after it: "17:00 CET", "17:00 (UTC+01:00)",
 * "5pm GMT-5". Returns tokens used, 0 if none. */
static size_t parse_time(const struct ck_doc *d, size_t i, struct dt *x)
{
	int off;
	if (zone_offset(d, i, &off))
		return 0; /* the "01:00" of "(UTC+01:00)" */
	const struct kwdef *k = kw(d, i);
	if (k && k->kind == K_CLOCK) {
		x->minutes = k->value;
		x->has_time = true;
		x->min_exact = false;
		return 1;
	}
	if (i >= d->ntok || d->tok[i].type != CK_NUM)
		return 0;
	const char *s = ck_norm(d, i);
	size_t n = d->tok[i].nlen;
	size_t p = 0;
	int h = 0, m = 0;
	while (p < n && p < 2 && s[p] >= '0' && s[p] <= '9')
		h = h * 10 + (s[p++] - '0');
	if (p == 0)
		return 0;
	bool exact = false, dot = false;
	if (p < n && (s[p] == ':' || s[p] == '.')) {
		if (p + 3 > n || !digits(s + p + 1, 2, &m))
			return 0;
		dot = s[p] == '.';
		p += 3;
		exact = true;
	}
	int ampm = -1;
	size_t used = 1;
	if (p < n) {
		if (n - p == 2 && (strcmp(s + p, "am") == 0 || strcmp(s + p, "pm") == 0))
			ampm = s[p] == 'p' ? 12 : 0;
		else
			return 0;
	} else if (i + 1 < d->ntok && kwk(d, i + 1) == K_AMPM && joined(d, i + 1) &&
		   !(d->tok[i + 1].gap & CK_G_CLAUSE)) {
		ampm = kw(d, i + 1)->value;
		used = 2;
	}
	if (ampm < 0 && (!exact || dot))
		return 0; /* a bare number is not a time, nor is "4.50" */
	if (ampm >= 0) {
		if (h < 1 || h > 12)
			return 0;
		h = h % 12 + ampm;
	}
	if (h > 24 || m > 59 || (h == 24 && m))
		return 0;
	if (h == 24)
		h = 23, m = 59;
	x->minutes = h * 60 + m;
	x->has_time = true;
	x->min_exact = exact;
	/* an explicit zone: "17:00 UTC", "5pm CET", "17:00 (UTC+01:00)" */
	size_t zi = i + used;
	const struct kwdef *z = kw(d, zi);
	if (z && z->kind == K_ZONE && !(d->tok[zi].gap & (CK_G_SENT | CK_G_PUNCT)) &&
	    (!(d->tok[zi].gap & CK_G_CLAUSE) || d->tok[zi].clause_ch == '(')) {
		x->has_off = true;
		x->off = z->value;
		x->abbr = z->w;
		used++;
		if (zone_offset(d, zi + 1, &off)) {
			x->off = off;
			x->abbr = NULL;
			used++;
		}
	}
	return used;
}

/* ISO "2026-11-27" (with an optional "T17:00[:00][Z|+01:00]") or numeric
 * day/month: "27/11", "27/11/2026", "27.11.2026"; month/day when the first
 * number cannot be a month but the second can ("11/27"). */
static size_t parse_numeric_date(const struct ck_doc *d, size_t i, struct dt *x)
{
	if (i >= d->ntok || d->tok[i].type != CK_NUM)
		return 0;
	const char *s = ck_norm(d, i);
	size_t n = d->tok[i].nlen;
	int y, mo, dd;
	if (n >= 10 && s[4] == '-' && s[7] == '-' && digits(s, 4, &y) && digits(s + 5, 2, &mo) &&
	    digits(s + 8, 2, &dd)) {
		if (mo < 1 || mo > 12 || dd < 1 || dd > days_in_month(y, mo) || y < 1970 || y > 9999)
			return 0;
		x->y = y, x->mo = mo, x->d = dd;
		x->has_date = true;
		if (n > 10 && s[10] == 't') {
			int h, mi;
			if (n < 16 || !digits(s + 11, 2, &h) || s[13] != ':' || !digits(s + 14, 2, &mi) ||
			    h > 23 || mi > 59)
				return 1;
			x->has_time = true;
			x->minutes = h * 60 + mi;
			x->min_exact = true;
			size_t p = 16;
			if (p + 2 < n + 1 && p < n && s[p] == ':')
				p += 3;
			if (p < n && s[p] == 'z') {
				x->has_off = true;
				x->off = 0;
			} else if (p < n && (s[p] == '-') && p + 5 <= n) {
				int oh, om;
				if (digits(s + p + 1, 2, &oh) && digits(s + p + (s[p + 3] == ':' ? 4 : 3), 2, &om)) {
					x->has_off = true;
					x->off = -(oh * 60 + om);
				}
			}
			/* a '+' offset ends the token: it arrives as punctuation */
			if (!x->has_off && i + 1 < d->ntok && d->tok[i + 1].type == CK_NUM &&
			    ck_post_cp(d, i) == '+') {
				const char *o = ck_norm(d, i + 1);
				int oh, om;
				if (d->tok[i + 1].nlen >= 4 && digits(o, 2, &oh) &&
				    digits(o + (o[2] == ':' ? 3 : 2), 2, &om)) {
					x->has_off = true;
					x->off = oh * 60 + om;
					return 2;
				}
			}
		}
		return 1;
	}
	/* d/m[/y] or d.m.y */
	size_t p = 0;
	int a = 0, b = 0, c = -1;
	while (p < n && p < 2 && s[p] >= '0' && s[p] <= '9')
		a = a * 10 + (s[p++] - '0');
	if (p == 0 || p >= n || (s[p] != '/' && s[p] != '.'))
		return 0;
	char sep = s[p++];
	size_t q = p;
	while (p < n && p - q < 2 && s[p] >= '0' && s[p] <= '9')
		b = b * 10 + (s[p++] - '0');
	if (p == q)
		return 0;
	if (p < n) {
		if (s[p] != sep)
			return 0;
		p++;
		size_t r = p;
		c = 0;
		while (p < n && p - r < 4 && s[p] >= '0' && s[p] <= '9')
			c = c * 10 + (s[p++] - '0');
		if (p != n || (p - r != 4 && p - r != 2))
			return 0;
		if (p - r == 2)
			c += 2000;
	} else if (sep == '.') {
		return 0; /* "1.2" is a number; "27.11." needs its year or the dot */
	}
	if (a == 24 && b == 7 && c < 0)
		return 0; /* 24/7 */
	int day = a, mon = b;
	if (b > 12 && a <= 12)
		day = b, mon = a;
	if (mon < 1 || mon > 12 || day < 1 || day > 31)
		return 0;
	if (c >= 0 && (c < 1970 || day > days_in_month(c, mon)))
		return 0;
	x->mo = mon, x->d = day;
	x->y = c > 0 ? c : 0;
	x->has_date = true;
	return 1;
}

/* One date component at i (not a time). Returns tokens used. */
static size_t parse_date(const struct ck_doc *d, size_t i, struct dt *x)
{
	size_t r = parse_numeric_date(d, i, x);
	if (r)
		return r;
	const struct kwdef *k = kw(d, i);
	int day;
	/* "27 November [2026]", "27th of November" */
	if (day_num(d, i, &day)) {
		size_t j = i + 1;
		if (kwk(d, j) == K_OF && joined(d, j))
			j++;
		const struct kwdef *m = kw(d, j);
		if (!m || m->kind != K_MONTH || !joined(d, j))
			return 0;
		if (m->value == 5 && !(d->tok[j].flags & CK_TF_CAP))
			return 0;
		x->d = day, x->mo = m->value, x->has_date = true;
		int y;
		if (plain_int(d, j + 1, &y) && y >= 1970 && y <= 9999 && joined(d, j + 1)) {
			x->y = y;
			return j + 2 - i;
		}
		return j + 1 - i;
	}
	if (!k)
		return 0;
	switch (k->kind) {
	case K_MONTH:
		/* "November 27[th][, 2026]" */
		if (day_num(d, i + 1, &day) && joined(d, i + 1) && !(d->tok[i + 1].gap & CK_G_CLAUSE)) {
			x->d = day, x->mo = k->value, x->has_date = true;
			int y;
			if (plain_int(d, i + 2, &y) && y >= 1970 && y <= 9999 && joined(d, i + 2)) {
				x->y = y;
				return 3;
			}
			return 2;
		}
		return 0;
	case K_WDAY:
		x->wday = k->value;
		x->has_date = true;
		return 1;
	case K_REL:
		if (k->value == 100) {
			x->rel = 0, x->has_rel = true, x->has_date = true;
			if (!x->has_time) {
				x->has_time = true, x->minutes = 20 * 60, x->pod = true;
			}
			return 1;
		}
		x->rel = k->value, x->has_rel = true, x->has_date = true;
		return 1;
	case K_NEXT:
	case K_THIS: {
		const struct kwdef *w = kw(d, i + 1);
		if (!w || !joined(d, i + 1))
			return 0;
		if (w->kind == K_WDAY) {
			x->wday = w->value, x->next = k->kind == K_NEXT, x->has_date = true;
			return 2;
		}
		if (w->kind == K_UNIT && w->value == 604800 && strcmp(w->w, "week") == 0) {
			x->special = k->kind == K_NEXT ? SP_NEXT_WEEK : SP_THIS_WEEK;
			x->has_date = true;
			return 2;
		}
		return 0;
	}
	case K_END:
	case K_CLOSE: {
		/* end of [the|this|next] day|week|month|<Month>, close of business */
		size_t j = i + 1;
		if (kwk(d, j) != K_OF || !joined(d, j))
			return 0;
		j++;
		bool nxt = false;
		if ((kwk(d, j) == K_CONN && ck_is(d, j, "the")) || kwk(d, j) == K_THIS)
			j++;
		else if (kwk(d, j) == K_NEXT)
			j++, nxt = true;
		if (!joined(d, j))
			return 0;
		const char *w = j < d->ntok ? ck_norm(d, j) : "";
		const struct kwdef *m = kw(d, j);
		if (!strcmp(w, "day") || !strcmp(w, "business") || !strcmp(w, "play")) {
			if (x->has_time)
				return 0;
			x->has_time = true, x->minutes = 17 * 60, x->pod = true;
			return j + 1 - i;
		}
		if (k->kind == K_CLOSE)
			return 0;
		if (!strcmp(w, "week")) {
			x->special = SP_END_WEEK;
			x->next = nxt;
			x->has_date = true;
			return j + 1 - i;
		}
		if (!strcmp(w, "month")) {
			x->special = SP_END_MONTH;
			x->next = nxt;
			x->has_date = true;
			return j + 1 - i;
		}
		if (m && m->kind == K_MONTH) {
			x->special = SP_END_MONTH;
			x->mo = m->value;
			x->has_date = true;
			return j + 1 - i;
		}
		return 0;
	}
	case K_EOD:
		if (x->has_time)
			return 0;
		x->has_time = true, x->minutes = 17 * 60, x->pod = true;
		return 1;
	default:
		return 0;
	}
}

struct when_found {
	struct dt x;
	size_t first, last;        /* tokens */
};

/* A date/time expression starting at i: components joined by connectors. */
static bool parse_when(const struct ck_doc *d, size_t i, struct when_found *out)
{
	struct dt x;
	memset(&x, 0, sizeof x);
	x.wday = -1;
	size_t j = i, last = i;
	bool any = false;
	int comps = 0;
	while (j < d->ntok && comps < 4) {
		if (any) {
			/* connectors between components */
			size_t c = j;
			while (c < d->ntok && c - j < 3 && joined(d, c) &&
			       (kwk(d, c) == K_CONN || kwk(d, c) == K_DEADLINE || kwk(d, c) == K_OF))
				c++;
			if (c >= d->ntok || !joined(d, c))
				break;
			j = c;
		}
		struct dt y = x;
		size_t used = 0;
		if (!x.has_time)
			used = parse_time(d, j, &y);
		if (!used && !x.has_date)
			used = parse_date(d, j, &y);
		if (!used && x.has_date && !x.has_time) {
			/* part of day after a date: "tomorrow morning", "Friday afternoon" */
			const struct kwdef *k = kw(d, j);
			if (k && k->kind == K_POD) {
				y.has_time = true, y.minutes = k->value * 60, y.pod = true;
				used = 1;
			}
			if (!used)
				used = parse_date(d, j, &y); /* "end of day" after a date */
		}
		if (!used && x.has_time && !x.has_date)
			used = parse_date(d, j, &y);
		if (!used)
			break;
		x = y;
		j += used;
		last = j;
		any = true;
		comps++;
	}
	if (!any)
		return false;
	/* "… at the latest" */
	out->x = x;
	out->first = i;
	out->last = last;
	return true;
}

/* ---- the zone context ------------------------------------------------------ */

void ck_when_init(struct ck_when_ctx *w, int64_t now, const char *tz)
{
	memset(w, 0, sizeof *w);
	pthread_once(&kw_once, kw_init);
	w->now = now;
	w->tz = tz && *tz ? tz : "UTC";
	w->utc = !strcmp(w->tz, "UTC") || !strcmp(w->tz, "Etc/UTC") || !strcmp(w->tz, "GMT") ||
		 !strcmp(w->tz, "Etc/GMT") || !strcmp(w->tz, "Z");
}

static void utc_tm(int64_t t, struct tm *tm)
{
	int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
	int64_t secs = t - days * 86400;
	memset(tm, 0, sizeof *tm);
	int y, m, dd;
	civil_from_days(days, &y, &m, &dd);
	tm->tm_year = y - 1900;
	tm->tm_mon = m - 1;
	tm->tm_mday = dd;
	tm->tm_hour = (int)(secs / 3600);
	tm->tm_min = (int)(secs % 3600 / 60);
	tm->tm_sec = (int)(secs % 60);
	tm->tm_wday = weekday(days);
}

/* now in the zone; one cached answer per thread, since a stream checks many
 * messages with the same `now` and zone. */
static _Thread_local struct { int64_t now; char tz[64]; struct tm tm; bool ok; } now_cache;

static bool now_local(struct ck_when_ctx *w)
{
	if (w->have_local)
		return true;
	if (w->utc) {
		utc_tm(w->now, &w->now_local);
	} else if (now_cache.ok && now_cache.now == w->now && !strcmp(now_cache.tz, w->tz)) {
		w->now_local = now_cache.tm;
	} else {
		if (rd_time_local(w->now, w->tz, &w->now_local, NULL) != RD_OK)
			return false;
		if (strlen(w->tz) < sizeof now_cache.tz) {
			now_cache.now = w->now;
			snprintf(now_cache.tz, sizeof now_cache.tz, "%s", w->tz);
			now_cache.tm = w->now_local;
			now_cache.ok = true;
		}
	}
	w->have_local = true;
	return true;
}

static int64_t tm_days(const struct tm *tm)
{
	return rd_days_from_civil(tm->tm_year + 1900, (unsigned)tm->tm_mon + 1, (unsigned)tm->tm_mday);
}

bool ck_item_resolve(struct ck_when_ctx *w, struct ck_item *item)
{
	if (item->resolved || !item->has_local)
		return true;
	const struct tm *l = &item->local;
	int64_t civil = tm_days(l) * 86400 + l->tm_hour * 3600 + l->tm_min * 60;
	if (item->has_off && item->abbr && !w->utc) {
		/* an abbreviation the client's zone uses then ("CST" in
		 * Asia/Shanghai, "CEST" in Berlin in July) means that zone, not
		 * the fixed offset in our table */
		int64_t t;
		char ab[16];
		if (rd_time_from_local(l, w->tz, &t) == RD_OK &&
		    rd_time_strftime(t, w->tz, "%Z", ab, sizeof ab) == RD_OK && !strcasecmp(ab, item->abbr)) {
			item->it.instant = t;
			item->resolved = true;
			return true;
		}
	}
	if (item->has_off) {
		item->it.instant = civil - item->off_min * 60;
	} else if (w->utc) {
		item->it.instant = civil;
	} else {
		int64_t t;
		if (rd_time_from_local(l, w->tz, &t) != RD_OK)
			return false;
		item->it.instant = t;
	}
	item->resolved = true;
	return true;
}

/* Turns a parsed expression into local wall-clock fields relative to now. */
static bool settle(struct ck_when_ctx *w, const struct dt *x, struct ck_item *it)
{
	if (!now_local(w))
		return false;
	const struct tm *nl = &w->now_local;
	int64_t today = tm_days(nl);
	int ny = nl->tm_year + 1900;
	int64_t day;
	enum rd_extract_precision prec = RD_PREC_DAY;
	if (x->mo && x->d) {
		int y = x->y;
		if (!y) {
			/* no year: the occurrence nearest to now */
			y = ny;
			int64_t best = INT64_MAX;
			for (int cy = ny - 1; cy <= ny + 1; cy++) {
				if (x->d > days_in_month(cy, x->mo))
					continue;
				int64_t dd = rd_days_from_civil(cy, (unsigned)x->mo, (unsigned)x->d) - today;
				if (dd < 0)
					dd = -dd;
				if (dd < best)
					best = dd, y = cy;
			}
		}
		if (x->d > days_in_month(y, x->mo))
			return false;
		day = rd_days_from_civil(y, (unsigned)x->mo, (unsigned)x->d);
	} else if (x->has_rel) {
		day = today + x->rel;
	} else if (x->special == SP_END_MONTH) {
		int y = ny, m = x->mo ? x->mo : nl->tm_mon + 1;
		if (x->mo && x->mo < nl->tm_mon + 1)
			y++;
		if (x->next && !x->mo) {
			m++;
			if (m > 12)
				m = 1, y++;
		}
		day = rd_days_from_civil(y, (unsigned)m, (unsigned)days_in_month(y, m));
	} else if (x->special == SP_END_WEEK || x->special == SP_THIS_WEEK) {
		int wd = weekday(today);
		int delta = (5 - wd + 7) % 7;
		if (wd == 6)
			delta = 6;
		day = today + delta + (x->next ? 7 : 0);
		if (x->special == SP_THIS_WEEK)
			prec = RD_PREC_WEEK;
	} else if (x->special == SP_NEXT_WEEK) {
		int wd = weekday(today);
		day = today + ((1 - wd + 7) % 7 == 0 ? 7 : (1 - wd + 7) % 7);
		prec = RD_PREC_WEEK;
	} else if (x->wday >= 0) {
		int wd = weekday(today);
		int delta = (x->wday - wd + 7) % 7;
		if (delta == 0 && (x->next || (x->has_time && x->minutes <= nl->tm_hour * 60 + nl->tm_min)))
			delta = 7;
		day = today + delta;
		/* a bare weekday is read forward, unless the sentence narrates
		 * the past ("the export we started on Saturday"; rules.c) */
		if (!x->next && delta > 0)
			it->weekday_fwd = true;
	} else {
		day = today;
		if (x->has_time && x->minutes <= nl->tm_hour * 60 + nl->tm_min) {
			day++; /* "by 5pm" said at 6pm means tomorrow */
			it->rolled = true; /* unless the sentence narrates the past (rules.c) */
		} else if (x->has_time) {
			it->today = true; /* ahead today, unless narrated as past (rules.c) */
		}
	}
	int y, m, dd;
	civil_from_days(day, &y, &m, &dd);
	memset(&it->local, 0, sizeof it->local);
	it->local.tm_year = y - 1900;
	it->local.tm_mon = m - 1;
	it->local.tm_mday = dd;
	it->local.tm_isdst = -1;
	if (x->has_time) {
		it->local.tm_hour = x->minutes / 60;
		it->local.tm_min = x->minutes % 60;
		prec = x->min_exact ? RD_PREC_MINUTE : RD_PREC_HOUR;
	} else if (x->special == SP_END_WEEK || x->special == SP_END_MONTH) {
		it->local.tm_hour = 17;
	}
	it->it.precision = prec;
	it->has_local = true;
	it->has_off = x->has_off;
	it->off_min = x->off;
	it->abbr = x->abbr;
	/* past or future, by wall clock */
	int64_t nowmin = today * 1440 + nl->tm_hour * 60 + nl->tm_min;
	if (x->has_time)
		it->past = day * 1440 + x->minutes < nowmin;
	else
		it->past = day < today;
	return true;
}

/* ---- durations ------------------------------------------------------------- */

/* "48 hours", "48h", "2-3 days", "a week", "two business days", "half an
 * hour", "daily", "every 24 hours". Returns tokens used. */
static size_t parse_duration(const struct ck_doc *d, size_t i, int64_t *secs, bool *recurring,
			     bool *business)
{
	const struct kwdef *k = kw(d, i);
	*recurring = false;
	*business = false;
	if (k && k->kind == K_RECUR) {
		*secs = k->value;
		*recurring = true;
		return 1;
	}
	size_t j = i;
	if (k && k->kind == K_EVERY) {
		*recurring = true;
		j++;
		const struct kwdef *u = kw(d, j);
		if (u && joined(d, j) && (u->kind == K_UNIT || u->kind == K_POD)) {
			*secs = u->kind == K_POD ? 86400 : u->value;
			return 2;
		}
		if (u && u->kind == K_WDAY && joined(d, j)) {
			*secs = 604800;
			return 2;
		}
		k = kw(d, j);
	}
	/* "half an hour": its words joined as the other forms' are, and a
	 * unit whose half is whole seconds ("half a second" is no deadline,
	 * and halved to 0 it was a duration of nothing) */
	if (k && k->kind == K_HALF && kwk(d, j + 1) == K_NUMW && joined(d, j + 1) && kwk(d, j + 2) == K_UNIT &&
	    joined(d, j + 2) && kw(d, j + 2)->value >= 2) {
		*secs = kw(d, j + 2)->value / 2;
		return j + 3 - i;
	}
	double n = 0;
	if (j < d->ntok && d->tok[j].type == CK_NUM) {
		const char *s = ck_norm(d, j);
		size_t len = d->tok[j].nlen;
		size_t p = 0;
		double v = 0;
		while (p < len && s[p] >= '0' && s[p] <= '9')
			v = v * 10 + (s[p++] - '0');
		if (p < len && s[p] == '.' && p + 1 < len && s[p + 1] >= '0' && s[p + 1] <= '9') {
			double f = 0.1;
			p++;
			while (p < len && s[p] >= '0' && s[p] <= '9') {
				v += (s[p++] - '0') * f;
				f /= 10;
			}
		}
		if (p < len && s[p] == '-') {
			/* a range: take the upper bound */
			p++;
			double u = 0;
			size_t q = p;
			while (p < len && s[p] >= '0' && s[p] <= '9')
				u = u * 10 + (s[p++] - '0');
			if (p == q)
				return 0;
			v = u;
		}
		n = v;
		if (p < len) {
			/* "48h", "30min", "2d" */
			const char *suf = s + p;
			int64_t unit = 0;
			if (!strcmp(suf, "h") || !strcmp(suf, "hr") || !strcmp(suf, "hrs"))
				unit = 3600;
			else if (!strcmp(suf, "min") || !strcmp(suf, "mins") || !strcmp(suf, "m"))
				unit = 60;
			else if (!strcmp(suf, "d"))
				unit = 86400;
			else if (!strcmp(suf, "w") || !strcmp(suf, "wk"))
				unit = 604800;
			/* the bound of "N units" below: 1e20h must not overflow */
			if (!unit || n <= 0 || n > 10000)
				return 0;
			*secs = (int64_t)(n * (double)unit);
			/* "0.01m" is 0.6 s: under a second is no span (found by fuzzing) */
			return *secs >= 1 ? j + 1 - i : 0;
		}
	} else if (k && k->kind == K_NUMW) {
		n = k->value;
		/* "twenty-four", "forty eight" */
		const struct kwdef *k2 = kw(d, j + 1);
		if (k->value >= 20 && k2 && k2->kind == K_NUMW && k2->value < 10 && joined(d, j + 1)) {
			n += k2->value;
			j++;
		}
		if (!strcmp(k->w, "couple") || (k2 && !strcmp(k2->w, "couple"))) {
			if (kwk(d, j + 1) == K_OF)
				j++;
		}
	} else {
		return 0;
	}
	j++;
	if (kwk(d, j) == K_BUSINESS && joined(d, j)) {
		*business = true;
		j++;
	}
	const struct kwdef *u = kw(d, j);
	if (!u || u->kind != K_UNIT || !joined(d, j) || (d->tok[j].gap & CK_G_CLAUSE))
		return 0;
	if (n <= 0 || n > 10000)
		return 0;
	/* "checked by a second person", "a second engineer signs off": after
	 * "a/an", "second" before a word that no span of time takes after it
	 * is the ordinal ("within a second of each other", "a second or two",
	 * "a second later" stay spans) */
	static const char *const after_span[] = {"or", "and", "of", "later", "earlier", "ago", "longer", "before",
		"after", "to", "in", "on", "at", "for", "per", "each", "every", "late", "early", "behind", "apart",
		"from", "while", "when", "than", "the", "a", "an", NULL};
	if (u->value == 1 && (ck_is(d, i, "a") || ck_is(d, i, "an")) && ck_is(d, j, "second") && joined(d, j + 1) &&
	    d->tok[j + 1].type == CK_WORD && !(d->tok[j + 1].gap & CK_G_CLAUSE) && !ck_is_any(d, j + 1, after_span))
		return 0;
	*secs = (int64_t)(n * (double)u->value);
	return *secs >= 1 ? j + 1 - i : 0;
}

/* ---- amounts ---------------------------------------------------------------- */

/* Parses "4,500", "4.500,00", "1.2k", "1,200.50" into minor units (x100,
 * before the currency's exponent is applied). */
static bool parse_money_number(const char *s, size_t n, int64_t *cents, int64_t *mult)
{
	*mult = 1;
	if (n && (s[n - 1] == 'k')) {
		*mult = 1000;
		n--;
	} else if (n >= 2 && !memcmp(s + n - 2, "bn", 2)) {
		*mult = 1000000000;
		n -= 2;
	} else if (n >= 2 && !memcmp(s + n - 2, "mn", 2)) {
		*mult = 1000000;
		n -= 2;
	} else if (n && s[n - 1] == 'm') {
		*mult = 1000000;
		n--;
	}
	if (!n)
		return false;
	ssize_t lastc = -1, lastd = -1;
	int nc = 0, nd = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == ',')
			lastc = (ssize_t)i, nc++;
		else if (s[i] == '.')
			lastd = (ssize_t)i, nd++;
		else if (s[i] < '0' || s[i] > '9')
			return false;
	}
	ssize_t dec = -1;
	if (nc && nd)
		dec = lastc > lastd ? lastc : lastd;
	else if (nc == 1 || nd == 1) {
		ssize_t pos = nc ? lastc : lastd;
		size_t after = n - (size_t)pos - 1;
		if (after != 3 || *mult != 1)
			dec = pos;
	}
	int64_t units = 0, frac = 0;
	int fd = 0;
	for (size_t i = 0; i < n; i++) {
		if ((ssize_t)i == dec)
			continue;
		if (s[i] < '0' || s[i] > '9')
			continue;
		if (dec >= 0 && (ssize_t)i > dec) {
			if (fd < 2)
				frac = frac * 10 + (s[i] - '0'), fd++;
			else if (fd < 9)
				fd++; /* beyond cents: dropped */
		} else {
			if (units > INT64_MAX / 100000000000LL)
				return false;
			units = units * 10 + (s[i] - '0');
		}
	}
	if (fd == 1)
		frac *= 10;
	*cents = units * 100 + frac;
	return true;
}

static int currency_symbol(uint32_t cp)
{
	switch (cp) {
	case 0x20AC: return 0;  /* € */
	case '$': return 1;
	case 0xA3: return 2;    /* £ */
	case 0xA5: return 4;    /* ¥ */
	default: return -1;
	}
}

/* Tries an amount at i. Returns tokens used, 0 if none; fills item. */
static size_t parse_amount(const struct ck_doc *d, size_t i, struct ck_item *it)
{
	int cur = -1;
	size_t numi = i, first = i;
	size_t span_start = d->tok[i].start;
	const struct kwdef *k = kw(d, i);
	if (k && (k->kind == K_CUR) && (d->tok[i].flags & CK_TF_ALLCAPS) &&
	    i + 1 < d->ntok && d->tok[i + 1].type == CK_NUM && joined(d, i + 1) &&
	    !(d->tok[i + 1].gap & CK_G_CLAUSE)) {
		cur = k->value;
		numi = i + 1;
	} else if (d->tok[i].type == CK_NUM) {
		int sym = currency_symbol(ck_pre_cp(d, i));
		if (sym >= 0) {
			/* the symbol before the number (ck_pre_cp: across
			 * spaces and tabs) */
			const unsigned char *s = (const unsigned char *)d->text;
			size_t a = d->tok[i].start;
			while (a > 0 && (s[a - 1] == ' ' || s[a - 1] == '\t'))
				a--;
			size_t sl = sym == 1 ? 1 : (sym == 0 ? 3 : 2);
			if (a >= sl) {
				cur = sym;
				span_start = a - sl;
				/* "US$" */
				if (sym == 1 && span_start >= 2 && !memcmp(s + span_start - 2, "US", 2))
					span_start -= 2;
			}
		}
	} else {
		return 0;
	}
	if (d->tok[numi].type != CK_NUM)
		return 0;
	int64_t cents, mult;
	if (!parse_money_number(ck_norm(d, numi), d->tok[numi].nlen, &cents, &mult))
		return 0;
	size_t end = numi + 1;
	const struct kwdef *m = kw(d, end);
	if (mult == 1 && m && m->kind == K_MULT && joined(d, end) && !(d->tok[end].gap & CK_G_CLAUSE)) {
		mult = m->value;
		end++;
	}
	size_t span_end = d->tok[end - 1].end;
	if (cur < 0) {
		/* a currency after: "4,500 EUR", "4.500,00 €", "300 euros" */
		const struct kwdef *c = kw(d, end);
		if (c && (c->kind == K_CUR || c->kind == K_CURWORD) && joined(d, end) &&
		    !(d->tok[end].gap & CK_G_CLAUSE) && (c->kind == K_CURWORD || (d->tok[end].flags & CK_TF_ALLCAPS))) {
			cur = c->value;
			span_end = d->tok[end].end;
			end++;
		} else {
			int sym = currency_symbol(ck_post_cp(d, end - 1));
			if (sym < 0)
				return 0;
			cur = sym;
			const unsigned char *s = (const unsigned char *)d->text;
			size_t b = d->tok[end - 1].end;
			while (b < d->len && (s[b] == ' ' || s[b] == '\t'))
				b++;
			span_end = b + (sym == 1 ? 1 : (sym == 0 ? 3 : 2));
		}
	}
	it->it.kind = RD_EXTRACT_AMOUNT;
	if (mult > 1 && cents > INT64_MAX / mult)
		return 0;
	int64_t v = cents * mult;
	if (cur == 4) /* JPY has no minor unit */
		v /= 100;
	it->it.amount_minor = v;
	snprintf(it->it.currency, sizeof it->it.currency, "%s", currencies[cur]);
	it->it.start = span_start;
	it->it.end = span_end;
	it->first = (uint32_t)first;
	it->last = (uint32_t)end;
	return end - i;
}

/* ---- the scan ---------------------------------------------------------------- */

static bool push(struct ck_items *out, const struct ck_item *it)
{
	if (out->n + 1 > out->cap) {
		/* six to start: 8 (1,216 bytes) was a request over glibc's small
		 * bins, which first consolidates the fast bins the message's
		 * small blocks went to; most messages have fewer items */
		size_t nc = out->cap ? out->cap * 2 : 6;
		struct ck_item *v = realloc(out->v, nc * sizeof *v);
		if (!v)
			return false;
		out->v = v;
		out->cap = nc;
	}
	out->v[out->n++] = *it;
	return true;
}

/* A deadline word just before token i ("by", "within", "no later than"). */
static bool deadline_before(const struct ck_doc *d, size_t i)
{
	for (size_t back = 1; back <= 3 && back <= i; back++) {
		size_t j = i - back;
		int kk = kwk(d, j);
		if (kk == K_DEADLINE)
			return true;
		if (ck_is(d, j, "than") && j >= 1 && ck_is(d, j - 1, "later"))
			return true;
		if (kk == K_NEXT || (kk == K_CONN && (ck_is(d, j, "in") || ck_is(d, j, "the") || ck_is(d, j, "over"))))
			continue;
		break;
	}
	return false;
}

bool ck_extract_doc(const struct ck_doc *d, struct ck_when_ctx *w, struct ck_items *out)
{
	size_t pos = 0;
	out->n = 0;
	return ck_extract_upto(d, w, out, &pos, d->ntok);
}

/* The keyword kinds a word can start an item with: parse_amount takes a
 * word only as a currency code (K_CUR), parse_duration as K_RECUR, K_EVERY,
 * K_HALF or a number word (K_NUMW), parse_when as a clock word (parse_time)
 * or what parse_date's switch reads. A word of another kind ("the", "in",
 * "of", "by", a unit, a zone: connectors and what follows a number, the
 * most common keywords) starts none, and is passed over as a word of no
 * keyword is. */
static const bool kw_starts[] = {
	[K_MONTH] = true, [K_WDAY] = true, [K_REL] = true, [K_CLOCK] = true, [K_EOD] = true,
	[K_END] = true, [K_CLOSE] = true, [K_NUMW] = true, [K_CUR] = true, [K_NEXT] = true,
	[K_THIS] = true, [K_EVERY] = true, [K_RECUR] = true, [K_HALF] = true, [K_LATEST] = false,
};

bool ck_extract_upto(const struct ck_doc *d, struct ck_when_ctx *w, struct ck_items *out, size_t *pos,
		     size_t end)
{
	size_t i = *pos;
	for (; i < end;) {
		const struct ck_tok *t = &d->tok[i];
		/* cheap filter: only numbers and keywords can start an item; most
		 * tokens are words of no keyword, told by one test inline (this
		 * loop runs over every token of every message) */
		if (t->type == CK_WORD ? t->kw < 0 || !kw_starts[kwdefs[t->kw].kind] || !kw(d, i)
				       : t->type != CK_NUM) {
			i++;
			continue;
		}
		struct ck_item it;
		memset(&it, 0, sizeof it);
		size_t used = parse_amount(d, i, &it);
		/* A sign between two numbers is the amount's before it: "50$ 30
		 * days" is $50 and a duration, not also $30 (found by fuzzing). */
		if (used && out->n && it.it.start < out->v[out->n - 1].it.end) {
			used = 0;
			memset(&it, 0, sizeof it);
		}
		if (used) {
			if (!push(out, &it))
				return false;
			i += used;
			continue;
		}
		/* "next 48 hours", "the next 2 days": a duration wins over a date */
		int64_t secs;
		bool rec, bus;
		used = parse_duration(d, i, &secs, &rec, &bus);
		if (used) {
			it.it.kind = RD_EXTRACT_DURATION;
			it.it.seconds = secs;
			it.it.deadline = rec || deadline_before(d, i) ||
					 (i > 0 && (ck_is(d, i - 1, "in") || ck_is(d, i - 1, "next") ||
						    ck_is(d, i - 1, "another") || ck_is(d, i - 1, "coming")));
			int64_t add = secs;
			if (bus && secs % 86400 == 0 && now_local(w)) {
				/* business days skip weekends */
				int64_t days = secs / 86400, day = tm_days(&w->now_local), n = 0;
				while (n < days) {
					day++;
					int wd = weekday(day);
					if (wd != 0 && wd != 6)
						n++;
				}
				add = (day - tm_days(&w->now_local)) * 86400;
			}
			it.it.instant = w->now + add;
			it.resolved = true;
			it.recurring = rec;
			it.it.precision = secs >= 86400 ? RD_PREC_DAY : (secs >= 3600 ? RD_PREC_HOUR : RD_PREC_MINUTE);
			it.first = (uint32_t)i;
			it.last = (uint32_t)(i + used);
			it.it.start = t->start;
			it.it.end = d->tok[i + used - 1].end;
			if (!push(out, &it))
				return false;
			i += used;
			continue;
		}
		struct when_found wf;
		if (parse_when(d, i, &wf)) {
			it.it.kind = RD_EXTRACT_INSTANT;
			it.it.deadline = deadline_before(d, i) ||
					 (kwk(d, wf.last) == K_CONN && ck_is(d, wf.last, "at") &&
					  kwk(d, wf.last + 1) == K_CONN && kwk(d, wf.last + 2) == K_LATEST);
			if (settle(w, &wf.x, &it)) {
				it.first = (uint32_t)wf.first;
				it.last = (uint32_t)wf.last;
				it.it.start = d->tok[wf.first].start;
				it.it.end = d->tok[wf.last - 1].end;
				/* "17:00 (UTC+01:00)": the span takes its closing parenthesis */
				int open = 0;
				for (size_t b = it.it.start; b < it.it.end; b++)
					open += d->text[b] == '(' ? 1 : d->text[b] == ')' ? -1 : 0;
				if (open > 0 && it.it.end < d->len && d->text[it.it.end] == ')')
					it.it.end++;
				if (!push(out, &it))
					return false;
			}
			i = wf.last;
			continue;
		}
		i++;
	}
	*pos = i;
	return true;
}

void ck_items_free(struct ck_items *it)
{
	free(it->v);
	memset(it, 0, sizeof *it);
}

/* ---- the public entry point ---------------------------------------------------- */

const char *rd_extract_kind_name(enum rd_extract_kind k)
{
	switch (k) {
	case RD_EXTRACT_INSTANT: return "instant";
	case RD_EXTRACT_DURATION: return "duration";
	case RD_EXTRACT_AMOUNT: return "amount";
	}
	return "unknown";
}

enum rd_err rd_extract(const char *text, size_t len, int64_t now, const char *tz,
		       struct rd_extract_result *out, char **errmsg)
{
	out->items = NULL;
	out->n = 0;
	size_t bad;
	if (!text && len)
		return rd_fail(RD_EINVAL, errmsg, "no text");
	if (len > UINT32_MAX - 16)
		return rd_fail(RD_EINVAL, errmsg, "text too large (%zu bytes)", len);
	if (!rd_utf8_valid(text, len, &bad))
		return rd_fail(RD_EINVAL, errmsg, "invalid UTF-8 at byte %zu", bad);
	if (tz && *tz && !rd_tz_valid(tz))
		return rd_fail(RD_EINVAL, errmsg, "unknown time zone '%s'", tz);
	struct ck_doc d = {0};
	struct ck_items items = {0};
	struct ck_when_ctx w;
	enum rd_err ret = RD_OK;
	ck_when_init(&w, now, tz);
	bool parsed = ck_doc_parse(&d, text ? text : "", len);
	if (parsed)
		ck_doc_kw(&d); /* no lexicon scan here to set the keyword ids */
	if (!parsed || !ck_extract_doc(&d, &w, &items)) {
		ret = rd_fail(RD_ENOMEM, errmsg, "out of memory");
		goto out;
	}
	if (items.n) {
		out->items = calloc(items.n, sizeof *out->items);
		if (!out->items) {
			ret = rd_fail(RD_ENOMEM, errmsg, "out of memory");
			goto out;
		}
	}
	for (size_t i = 0; i < items.n; i++) {
		if (!ck_item_resolve(&w, &items.v[i])) {
			ret = rd_fail(RD_EINVAL, errmsg, "cannot convert a local time in zone '%s'", w.tz);
			free(out->items);
			out->items = NULL;
			goto out;
		}
		/* a time redress cannot store or show (before 1970, after 9999 UTC)
		 * is not a date this message gives (found by fuzzing) */
		if (items.v[i].it.instant < 0 || items.v[i].it.instant > RD_TIME_MAX)
			continue;
		out->items[out->n++] = items.v[i].it;
	}
out:
	ck_items_free(&items);
	ck_doc_free(&d);
	return ret;
}

void rd_extract_result_free(struct rd_extract_result *r)
{
	if (!r)
		return;
	free(r->items);
	r->items = NULL;
	r->n = 0;
}
