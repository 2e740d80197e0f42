/* time.c — ISO 8601 parsing/formatting and zone conversions.
 *
 * Zones go through ICU's calendar (ucal_*), which takes the zone as a value:
 * nothing process-wide (TZ, tzset, localtime) is touched, so any number of
 * threads convert at once. Each zone is loaded once into a cache and cloned
 * once per thread that uses it. See docs/internals/time.md. */
#include <ctype.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ucal.h>
#include <unicode/udat.h>
#include <unicode/unum.h>
#include <unicode/ures.h>
#include <unicode/ustring.h>

#include "redress/time.h"
#include "util/digits.h"
#include "util/dynlib.h"

static int digits(const char *s, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

int64_t rd_days_from_civil(int64_t y, unsigned m, unsigned d)
{
	/* Howard Hinnant's days_from_civil: proleptic Gregorian, no tables. */
	y -= m <= 2;
	const int64_t era = (y >= 0 ? y : y - 399) / 400;
	const unsigned yoe = (unsigned)(y - era * 400);
	const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

static int days_in_month(int y, int m)
{
	static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return dm[m - 1];
}

enum rd_err rd_time_parse(const char *s, int64_t *out, char **errmsg)
{
	int y, mo, d, h = 0, mi = 0, sec = 0;
	const char *p = s;
	if (!s || strlen(s) < 10 || digits(p, 4, &y) || p[4] != '-' ||
	    digits(p + 5, 2, &mo) || p[7] != '-' || digits(p + 8, 2, &d))
		goto bad;
	/* 1969: the epoch's own date west of UTC ("1969-12-31T19:00:00-05:00");
	 * the instant's range is checked below. */
	if (mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo) || y < 1969)
		goto bad;
	p += 10;
	long offset = 0;
	if (*p == '\0')
		goto done;
	if (*p != 'T' && *p != 't' && *p != ' ')
		goto bad;
	p++;
	if (digits(p, 2, &h) || p[2] != ':' || digits(p + 3, 2, &mi))
		goto bad;
	p += 5;
	if (*p == ':') {
		if (digits(p + 1, 2, &sec))
			goto bad;
		p += 3;
		if (*p == '.' || *p == ',') {
			p++;
			if (!isdigit((unsigned char)*p))
				goto bad;
			while (isdigit((unsigned char)*p))
				p++;
		}
	}
	if (h > 23 || mi > 59 || sec > 60)
		goto bad;
	if (sec == 60)
		sec = 59; /* leap second: clamp, POSIX time has none */
	if (*p == 'Z' || *p == 'z') {
		p++;
	} else if (*p == '+' || *p == '-') {
		int oh, om;
		int sign = *p == '-' ? -1 : 1;
		p++;
		if (digits(p, 2, &oh))
			goto bad;
		p += 2;
		if (*p == ':')
			p++;
		if (digits(p, 2, &om))
			goto bad;
		p += 2;
		if (oh > 14 || om > 59)
			goto bad;
		offset = sign * (oh * 3600L + om * 60L);
	} else {
		return rd_fail(RD_EINVAL, errmsg,
			"time '%s' has no zone: add Z or an offset such as +01:00", s);
	}
	if (*p != '\0')
		goto bad;
done:;
	int64_t t = rd_days_from_civil(y, (unsigned)mo, (unsigned)d) * 86400 + h * 3600 + mi * 60 + sec - offset;
	/* Only instants that format back as a four-digit UTC year re-parse. */
	if (t < 0 || t > RD_TIME_MAX)
		return rd_fail(RD_EINVAL, errmsg,
			"time '%s' is outside 1970-01-01T00:00:00Z … 9999-12-31T23:59:59Z", s);
	*out = t;
	return RD_OK;
bad:
	return rd_fail(RD_EINVAL, errmsg,
		"'%s' is not an ISO 8601 time (expected e.g. 2026-11-23T09:00:00Z)", s ? s : "");
}

/* Writes "YYYY-MM-DDTHH:MM:SS" (19 bytes, no NUL) as strftime's
 * "%Y-%m-%dT%H:%M:%S" writes those fields, when the year has four digits
 * and every field is in its range; false otherwise (the caller then asks
 * strftime). A dashboard formats dozens of times: strftime and snprintf
 * were a tenth of its instructions. */
static bool put_datetime(char *p, int year, int mon, int mday, int h, int m, int sec)
{
	if (year < 1000 || year > 9999 || mon < 1 || mon > 12 || mday < 1 || mday > 31 || h < 0 || h > 23 ||
	    m < 0 || m > 59 || sec < 0 || sec > 60)
		return false;
	const int v[6] = {year / 100, year % 100, mon, mday, h, m};
	static const char sep[6] = {0, 0, '-', '-', 'T', ':'}; /* before each */
	for (int i = 0; i < 6; i++) {
		if (sep[i])
			*p++ = sep[i];
		p = rd_put_2digits(p, (unsigned)v[i]);
	}
	*p++ = ':';
	rd_put_2digits(p, (unsigned)sec);
	return true;
}

/* "YYYY-MM-DDTHH:MM:SS" of T seconds since the epoch read as UTC, in the
 * proleptic Gregorian calendar (gmtime's, and ICU's as time.c sets it up);
 * false where put_datetime declines. */
static bool put_utc_datetime(char *buf, int64_t t)
{
	/* the date of day T / 86400 from a 400-year era: days since 0000-03-01 */
	int64_t days = t / 86400 - (t % 86400 < 0), secs = t - days * 86400;
	int64_t z = days + 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;                                   /* [0, 146096] */
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365; /* [0, 399] */
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);           /* [0, 365], from March 1 */
	int64_t mp = (5 * doy + 2) / 153;                                 /* [0, 11], March = 0 */
	int mday = (int)(doy - (153 * mp + 2) / 5 + 1);
	int mon = (int)(mp < 10 ? mp + 3 : mp - 9);
	int64_t year = yoe + era * 400 + (mon <= 2);
	return year >= 1000 && year <= 9999 &&
	       put_datetime(buf, (int)year, mon, mday, (int)(secs / 3600), (int)(secs % 3600 / 60), (int)(secs % 60));
}

char *rd_time_format(int64_t t, char buf[RD_TIME_BUFSZ])
{
	if (put_utc_datetime(buf, t)) {
		buf[19] = 'Z';
		buf[20] = '\0';
		return buf;
	}
	time_t tt = (time_t)t;
	struct tm tm;
	gmtime_r(&tt, &tm);
	strftime(buf, RD_TIME_BUFSZ, "%Y-%m-%dT%H:%M:%SZ", &tm);
	return buf;
}

/* ---- zones, through ICU ---- */

/* ICU is resolved on first use (util/dynlib.h), like libical: linking it
 * costs every command start-up time (docs/internals/time.md has the
 * figures). The names are ICU's versioned ones ("ucal_open_72"): the
 * headers rename every entry point, so XSTR of a name gives the symbol. */
#define STR(x) #x
#define XSTR(x) STR(x)
#define ICU_SO(lib) "lib" lib ".so." XSTR(U_ICU_VERSION_MAJOR_NUM)

static struct {
	__typeof__(ures_openDirect) *ures_openDirect;
	__typeof__(ures_getByKey) *ures_getByKey;
	__typeof__(ures_getSize) *ures_getSize;
	__typeof__(ures_getStringByIndex) *ures_getStringByIndex;
	__typeof__(ures_getStringByKey) *ures_getStringByKey;
	__typeof__(ures_getByIndex) *ures_getByIndex;
	__typeof__(ures_close) *ures_close;
	__typeof__(u_uastrncpy) *u_uastrncpy;
	__typeof__(u_austrncpy) *u_austrncpy;
	__typeof__(u_strcmp) *u_strcmp;
	__typeof__(u_strToUTF8) *u_strToUTF8;
	__typeof__(u_strFromUTF8) *u_strFromUTF8;
	__typeof__(ucal_open) *ucal_open;
	__typeof__(ucal_clone) *ucal_clone;
	__typeof__(ucal_close) *ucal_close;
	__typeof__(ucal_clear) *ucal_clear;
	__typeof__(ucal_get) *ucal_get;
	__typeof__(ucal_set) *ucal_set;
	__typeof__(ucal_getMillis) *ucal_getMillis;
	__typeof__(ucal_setMillis) *ucal_setMillis;
	__typeof__(ucal_setAttribute) *ucal_setAttribute;
	__typeof__(ucal_setGregorianChange) *ucal_setGregorianChange;
	__typeof__(ucal_getCanonicalTimeZoneID) *ucal_getCanonicalTimeZoneID;
	__typeof__(ucal_getTimeZoneDisplayName) *ucal_getTimeZoneDisplayName;
	__typeof__(ucal_getTimeZoneTransitionDate) *ucal_getTimeZoneTransitionDate;
	__typeof__(udat_open) *udat_open;
	__typeof__(udat_format) *udat_format;
	__typeof__(udat_close) *udat_close;
	__typeof__(unum_open) *unum_open;
	__typeof__(unum_formatDoubleCurrency) *unum_formatDoubleCurrency;
	__typeof__(unum_close) *unum_close;
} icu;

#define SYM(f) {XSTR(f), (void **)&icu.f}
static const struct rd_dynsym icuuc_syms[] = {
	SYM(ures_openDirect), SYM(ures_getByKey), SYM(ures_getSize), SYM(ures_getStringByIndex),
	SYM(ures_getStringByKey), SYM(ures_getByIndex), SYM(ures_close), SYM(u_uastrncpy), SYM(u_austrncpy), SYM(u_strcmp), SYM(u_strToUTF8), SYM(u_strFromUTF8), {NULL, NULL},
};
static const struct rd_dynsym icui18n_syms[] = {
	SYM(ucal_open), SYM(ucal_clone), SYM(ucal_close), SYM(ucal_clear), SYM(ucal_get),
	SYM(ucal_set), SYM(ucal_getMillis), SYM(ucal_setMillis), SYM(ucal_setAttribute),
	SYM(ucal_setGregorianChange), SYM(ucal_getCanonicalTimeZoneID),
	SYM(ucal_getTimeZoneDisplayName), SYM(ucal_getTimeZoneTransitionDate),
	SYM(udat_open), SYM(udat_format), SYM(udat_close),
	SYM(unum_open), SYM(unum_formatDoubleCurrency), SYM(unum_close), {NULL, NULL},
};
#undef SYM

static pthread_once_t icu_once = PTHREAD_ONCE_INIT;
static enum rd_err icu_rc;
static char *icu_err;
/* ICU's own zone tables, read through its resource API: "zoneinfo64" lists
 * every zone name, sorted, and beside it the region it belongs to, which
 * picks the English locale whose abbreviations people there use (en_DE:
 * CET, en_IN: IST, en_AU: AEDT); "metaZones" and "tzdbNames" give the tz
 * database's abbreviation where that locale has none (Shanghai: CST). */
static UResourceBundle *zi_names, *zi_regions, *mz_info, *tzdb_names;

static void icu_load(void)
{
	static const char *const uc[] = {ICU_SO("icuuc"), NULL};
	static const char *const i18n[] = {ICU_SO("icui18n"), NULL};
	icu_rc = rd_dynlib_open(uc, icuuc_syms, &icu_err);
	if (icu_rc == RD_OK)
		icu_rc = rd_dynlib_open(i18n, icui18n_syms, &icu_err);
	if (icu_rc)
		return;
	/* The tables' top bundles are closed once their children are taken
	 * (each child holds its own reference to ICU's data): kept in statics
	 * that nothing read, the compiler dropped the stores and LeakSanitizer
	 * reported them lost when ICU was first loaded on a thread that had
	 * exited (check --archive --jobs 2). */
	UErrorCode e = U_ZERO_ERROR;
	UResourceBundle *top = icu.ures_openDirect(NULL, "zoneinfo64", &e);
	zi_names = icu.ures_getByKey(top, "Names", NULL, &e);
	zi_regions = icu.ures_getByKey(top, "Regions", NULL, &e);
	icu.ures_close(top);
	if (U_FAILURE(e) || icu.ures_getSize(zi_names) != icu.ures_getSize(zi_regions)) {
		/* Only the abbreviations need it: fall back to plain English. */
		icu.ures_close(zi_names);
		icu.ures_close(zi_regions);
		zi_names = zi_regions = NULL;
	}
	e = U_ZERO_ERROR;
	top = icu.ures_openDirect(NULL, "metaZones", &e);
	mz_info = icu.ures_getByKey(top, "metazoneInfo", NULL, &e);
	icu.ures_close(top);
	top = icu.ures_openDirect(U_ICUDATA_NAME "-zone", "tzdbNames", &e);
	tzdb_names = icu.ures_getByKey(top, "zoneStrings", NULL, &e);
	icu.ures_close(top);
	if (U_FAILURE(e)) {
		icu.ures_close(mz_info);
		icu.ures_close(tzdb_names);
		mz_info = tzdb_names = NULL;
	}
}

/* A zone once loaded: an ICU calendar set up for it (never changed after it
 * is published, so threads clone it without a lock) and its abbreviations.
 * Zones are few and stay loaded for the life of the process. */
struct zone {
	char *name;
	UCalendar *tmpl;
	char std[16], dst[16];   /* "CET", "CEST"; "" when ICU has only "GMT+5:45" */
};

static pthread_rwlock_t zones_lock = PTHREAD_RWLOCK_INITIALIZER;
static pthread_mutex_t load_lock = PTHREAD_MUTEX_INITIALIZER;
static struct zone **zones;
static size_t nzones, capzones;

/* The region ("DE", "001") of zone NAME from ICU's table, or "" if none. */
static void zone_region(const UChar *name, char region[8])
{
	region[0] = '\0';
	if (!zi_names)
		return;
	int32_t lo = 0, hi = icu.ures_getSize(zi_names) - 1;
	while (lo <= hi) {
		int32_t mid = lo + (hi - lo) / 2, len = 0;
		UErrorCode e = U_ZERO_ERROR;
		const UChar *s = icu.ures_getStringByIndex(zi_names, mid, &len, &e);
		if (U_FAILURE(e))
			return;
		int c = icu.u_strcmp(name, s);
		if (c == 0) {
			const UChar *r = icu.ures_getStringByIndex(zi_regions, mid, &len, &e);
			if (U_SUCCESS(e) && len > 0 && len < 8) {
				icu.u_austrncpy(region, r, len);
				region[len] = '\0';
			}
			return;
		}
		if (c < 0)
			hi = mid - 1;
		else
			lo = mid + 1;
	}
}

/* ICU's short name of the zone in LOCALE, kept only if it is a real
 * abbreviation: the "GMT+5:45" fallback becomes "" (see zone_abbr). */
static void zone_short_name(const UCalendar *cal, UCalendarDisplayNameType type, const char *locale,
			    char out[16])
{
	UChar u[32];
	UErrorCode e = U_ZERO_ERROR;
	int32_t n = icu.ucal_getTimeZoneDisplayName(cal, type, locale, u, 32, &e);
	out[0] = '\0';
	if (U_FAILURE(e) || n <= 0 || n >= 16)
		return;
	icu.u_austrncpy(out, u, n);
	out[n] = '\0';
	if (!strncmp(out, "GMT+", 4) || !strncmp(out, "GMT-", 4))
		out[0] = '\0';
}

/* Fills an empty STD or DST with the tz database's abbreviation of the
 * metazone zone CANON belongs to now (its last period; earlier periods only
 * matter before 2010 for a handful of zones). */
static void zone_tzdb_names(const UChar *canon, char std[16], char dst[16])
{
	if (!mz_info || (*std && *dst))
		return;
	char key[80], meta[80] = "meta:";
	icu.u_austrncpy(key, canon, sizeof key - 1);
	key[sizeof key - 1] = '\0';
	for (char *p = key; *p; p++)
		if (*p == '/')
			*p = ':';
	UErrorCode e = U_ZERO_ERROR;
	UResourceBundle *periods = icu.ures_getByKey(mz_info, key, NULL, &e);
	int32_t n = U_SUCCESS(e) ? icu.ures_getSize(periods) : 0;
	UResourceBundle *last = n > 0 ? icu.ures_getByIndex(periods, n - 1, NULL, &e) : NULL;
	int32_t len = 0;
	const UChar *mz = last ? icu.ures_getStringByIndex(last, 0, &len, &e) : NULL;
	if (U_SUCCESS(e) && mz && len > 0 && len < 70) {
		icu.u_austrncpy(meta + 5, mz, len);
		meta[5 + len] = '\0';
		UResourceBundle *names = icu.ures_getByKey(tzdb_names, meta, NULL, &e);
		const char *slot[2][2] = {{"ss", std}, {"sd", dst}};
		for (int i = 0; i < 2 && U_SUCCESS(e); i++) {
			UErrorCode e2 = U_ZERO_ERROR;
			const UChar *v = icu.ures_getStringByKey(names, slot[i][0], &len, &e2);
			char *out = (char *)slot[i][1];
			if (U_SUCCESS(e2) && !*out && len > 0 && len < 16) {
				icu.u_austrncpy(out, v, len);
				out[len] = '\0';
			}
		}
		if (names)
			icu.ures_close(names);
	}
	if (last)
		icu.ures_close(last);
	if (periods)
		icu.ures_close(periods);
}

static struct zone *zone_find(const char *name)
{
	struct zone *z = NULL;
	pthread_rwlock_rdlock(&zones_lock);
	for (size_t i = 0; i < nzones && !z; i++)
		if (!strcmp(zones[i]->name, name))
			z = zones[i];
	pthread_rwlock_unlock(&zones_lock);
	return z;
}

static void zone_free(struct zone *z)
{
	if (!z)
		return;
	if (z->tmpl)
		icu.ucal_close(z->tmpl);
	free(z->name);
	free(z);
}

static enum rd_err zone_load(const char *name, struct zone **out, char **errmsg);

/* The cached zone NAME, loading it on first use. RD_EINVAL (with a message
 * naming the zone) when ICU does not know it, RD_EIO when ICU is missing. */
static enum rd_err zone_get(const char *name, struct zone **out, char **errmsg)
{
	if (!name || !*name || strlen(name) > 64)
		goto unknown;
	for (const char *p = name; *p; p++)
		if (!(isalnum((unsigned char)*p) || strchr("/_-+", *p)))
			goto unknown;
	pthread_once(&icu_once, icu_load);
	if (icu_rc)
		return rd_fail(icu_rc, errmsg, "time zones need ICU: %s", icu_err ? icu_err : "cannot load it");
	if ((*out = zone_find(name)))
		return RD_OK;
	/* Loading is rare and reads ICU's shared resource tables: one at a
	 * time, and the zone may have come in while we waited. */
	pthread_mutex_lock(&load_lock);
	enum rd_err rc = zone_load(name, out, errmsg);
	pthread_mutex_unlock(&load_lock);
	return rc;
unknown:
	return rd_fail(RD_EINVAL, errmsg,
		       "unknown time zone '%s' (use an IANA name such as Europe/Berlin, or UTC)",
		       name ? name : "");
}

static enum rd_err zone_load(const char *name, struct zone **out, char **errmsg)
{
	if ((*out = zone_find(name)))
		return RD_OK;
	UChar uname[72], canon[72];
	icu.u_uastrncpy(uname, name, 72);
	UErrorCode e = U_ZERO_ERROR;
	UBool system_id = 0;
	icu.ucal_getCanonicalTimeZoneID(uname, -1, canon, 72, &system_id, &e);
	/* Only zones of ICU's database: custom ids like "GMT+5" (which ICU
	 * would accept) and unknown names (which ICU would silently turn into
	 * GMT) are refused. */
	if (U_FAILURE(e) || !system_id)
		goto unknown;
	struct zone *z = calloc(1, sizeof *z);
	if (!z || !(z->name = strdup(name))) {
		free(z);
		return rd_fail(RD_ENOMEM, errmsg, "out of memory loading time zone '%s'", name);
	}
	z->tmpl = icu.ucal_open(uname, -1, "en_US_POSIX", UCAL_GREGORIAN, &e);
	if (U_SUCCESS(e)) {
		/* Proleptic Gregorian like the rest of redress (no Julian dates),
		 * a repeated wall time is its first occurrence and a skipped one
		 * moves forward by the jump (read with the offset before it). */
		icu.ucal_setGregorianChange(z->tmpl, -8.64e15, &e);
		icu.ucal_setAttribute(z->tmpl, UCAL_LENIENT, 1);
		icu.ucal_setAttribute(z->tmpl, UCAL_REPEATED_WALL_TIME, UCAL_WALLTIME_FIRST);
		icu.ucal_setAttribute(z->tmpl, UCAL_SKIPPED_WALL_TIME, UCAL_WALLTIME_LAST);
		icu.ucal_setMillis(z->tmpl, 0, &e);
	}
	if (U_FAILURE(e)) {
		zone_free(z);
		goto unknown;
	}
	char region[8], locale[16] = "en";
	zone_region(uname, region);
	if (strlen(region) == 2)
		snprintf(locale, sizeof locale, "en_%s", region);
	zone_short_name(z->tmpl, UCAL_SHORT_STANDARD, locale, z->std);
	zone_short_name(z->tmpl, UCAL_SHORT_DST, locale, z->dst);
	zone_tzdb_names(canon, z->std, z->dst);

	pthread_rwlock_wrlock(&zones_lock);
	if (nzones == capzones) {
		size_t cap = capzones ? capzones * 2 : 16;
		struct zone **p = realloc(zones, cap * sizeof *p);
		if (p) {
			zones = p;
			capzones = cap;
		}
	}
	bool stored = nzones < capzones;
	if (stored)
		zones[nzones++] = z;
	pthread_rwlock_unlock(&zones_lock);
	if (!stored) {
		zone_free(z);
		return rd_fail(RD_ENOMEM, errmsg, "out of memory loading time zone '%s'", name);
	}
	*out = z;
	return RD_OK;
unknown:
	return rd_fail(RD_EINVAL, errmsg,
		       "unknown time zone '%s' (use an IANA name such as Europe/Berlin, or UTC)",
		       name ? name : "");
}

enum rd_err rd_tz_check(const char *tz, char **errmsg)
{
	struct zone *z;
	return zone_get(tz, &z, errmsg);
}

bool rd_tz_valid(const char *tz)
{
	return rd_tz_check(tz, NULL) == RD_OK;
}

/* Numeric abbreviations in the style of the tz database ("+0545", "-03")
 * for zones ICU has no letters for; every offset is a multiple of 15
 * minutes within ±14 h, so they are made once and pointed at. */
#define NUMERIC_SLOTS (2 * 56 + 1)
static char numeric_abbr[NUMERIC_SLOTS][8];
static pthread_once_t numeric_once = PTHREAD_ONCE_INIT;

static void numeric_init(void)
{
	for (int i = 0; i < NUMERIC_SLOTS; i++) {
		int off = (i - 56) * 15, a = off < 0 ? -off : off;
		if (a % 60)
			snprintf(numeric_abbr[i], 8, "%c%02d%02d", off < 0 ? '-' : '+', a / 60, a % 60);
		else
			snprintf(numeric_abbr[i], 8, "%c%02d", off < 0 ? '-' : '+', a / 60);
	}
}

/* The abbreviation in force: the zone's letters, else the offset. */
static const char *zone_abbr(const struct zone *z, bool dst, long gmtoff)
{
	const char *name = dst ? z->dst : z->std;
	if (*name)
		return name;
	pthread_once(&numeric_once, numeric_init);
	if (gmtoff % 900 == 0 && gmtoff >= -56 * 900 && gmtoff <= 56 * 900)
		return numeric_abbr[gmtoff / 900 + 56];
	return "LMT"; /* a local mean time before standard time, off the grid */
}

/* Each thread keeps its own clones of the zones it converts in (a few
 * slots, the oldest replaced): a clone per call cost more than the
 * conversion (the clock converts several times per track). A clone is
 * never shared between threads, and every use sets it whole (setMillis, or
 * clear then set), so what one call leaves cannot change the next. Closed
 * when the thread ends. */
#define THREAD_CALS 4
struct thread_cals {
	const struct zone *z[THREAD_CALS];
	UCalendar *cal[THREAD_CALS];
	unsigned next;
	/* offset spans (zone_offset): zone SZ[i] is OFF_MS[i] ahead of UTC
	 * for every instant in [LO[i], HI[i]) (ms), between two transitions */
	const struct zone *sz[THREAD_CALS];
	double lo[THREAD_CALS], hi[THREAD_CALS];
	int32_t off_ms[THREAD_CALS];
	unsigned snext;
};
static pthread_key_t cals_key;
static pthread_once_t cals_once = PTHREAD_ONCE_INIT;
static bool cals_ok;

static void cals_free(void *p)
{
	struct thread_cals *t = p;
	for (int i = 0; i < THREAD_CALS; i++)
		if (t->cal[i])
			icu.ucal_close(t->cal[i]);
	free(t);
}

static void cals_init(void)
{
	cals_ok = pthread_key_create(&cals_key, cals_free) == 0;
}

/* A calendar for zone TZ (*z gets the zone): this thread's clone of the
 * cached template, or, when no slot could be had, a new clone (*own true:
 * the caller closes it with calendar_done). */
static enum rd_err zone_calendar(const char *tz, struct zone **z, UCalendar **cal, bool *own)
{
	enum rd_err rc = zone_get(tz, z, NULL);
	if (rc)
		return rc;
	*own = false;
	pthread_once(&cals_once, cals_init);
	struct thread_cals *t = cals_ok ? pthread_getspecific(cals_key) : NULL;
	if (cals_ok && !t && (t = calloc(1, sizeof *t)) && pthread_setspecific(cals_key, t) != 0) {
		free(t);
		t = NULL;
	}
	if (t)
		for (int i = 0; i < THREAD_CALS; i++)
			if (t->z[i] == *z && t->cal[i]) {
				*cal = t->cal[i];
				return RD_OK;
			}
	UErrorCode e = U_ZERO_ERROR;
	*cal = icu.ucal_clone((*z)->tmpl, &e);
	if (U_FAILURE(e))
		return RD_ENOMEM;
	if (!t) {
		*own = true;
		return RD_OK;
	}
	unsigned i = t->next++ % THREAD_CALS;
	if (t->cal[i])
		icu.ucal_close(t->cal[i]);
	t->z[i] = *z;
	t->cal[i] = *cal;
	return RD_OK;
}

static void calendar_done(UCalendar *cal, bool own)
{
	if (own)
		icu.ucal_close(cal);
}

enum rd_err rd_time_local(int64_t t, const char *tz, struct tm *out, long *gmtoff)
{
	struct zone *z;
	UCalendar *cal;
	bool own;
	enum rd_err rc = zone_calendar(tz, &z, &cal, &own);
	if (rc)
		return rc;
	UErrorCode e = U_ZERO_ERROR;
	icu.ucal_setMillis(cal, (UDate)t * 1000.0, &e);
	int year = icu.ucal_get(cal, UCAL_EXTENDED_YEAR, &e);
	struct tm tm = {
		.tm_year = year - 1900,
		.tm_mon = icu.ucal_get(cal, UCAL_MONTH, &e),
		.tm_mday = icu.ucal_get(cal, UCAL_DATE, &e),
		.tm_hour = icu.ucal_get(cal, UCAL_HOUR_OF_DAY, &e),
		.tm_min = icu.ucal_get(cal, UCAL_MINUTE, &e),
		.tm_sec = icu.ucal_get(cal, UCAL_SECOND, &e),
		.tm_wday = icu.ucal_get(cal, UCAL_DAY_OF_WEEK, &e) - UCAL_SUNDAY,
		.tm_yday = icu.ucal_get(cal, UCAL_DAY_OF_YEAR, &e) - 1,
	};
	int32_t zone_ms = icu.ucal_get(cal, UCAL_ZONE_OFFSET, &e);
	int32_t dst_ms = icu.ucal_get(cal, UCAL_DST_OFFSET, &e);
	calendar_done(cal, own);
	if (U_FAILURE(e))
		return RD_EINVAL;
	tm.tm_isdst = dst_ms != 0;
	tm.tm_gmtoff = (zone_ms + dst_ms) / 1000;
	/* strftime's %Z reads tm_zone (and never the process's TZ when it is
	 * set); it points into the zone cache, which lives as long as we do. */
	tm.tm_zone = zone_abbr(z, tm.tm_isdst, tm.tm_gmtoff);
	*out = tm;
	if (gmtoff)
		*gmtoff = tm.tm_gmtoff;
	return RD_OK;
}

enum rd_err rd_time_strftime(int64_t t, const char *tz, const char *fmt, char *buf, size_t n)
{
	struct tm tm;
	if (n == 0)
		return RD_EINVAL;
	enum rd_err rc = rd_time_local(t, tz, &tm, NULL);
	if (rc)
		return rc;
	if (strftime(buf, n, fmt, &tm) == 0)
		buf[0] = '\0';
	return RD_OK;
}

/* The offset from UTC of zone TZ at T (ms), when this thread can keep the
 * span between the zone's transitions around T: the next instant in it
 * costs no calendar work (a dashboard formats dozens of due times in one
 * zone, nearly all between the same two transitions). Per thread, as the
 * calendars are: no zone state is shared. False: ask rd_time_local. */
static bool zone_offset(const char *tz, int64_t t, int32_t *off_ms)
{
	struct zone *z;
	if (zone_get(tz, &z, NULL))
		return false;
	pthread_once(&cals_once, cals_init);
	struct thread_cals *tc = cals_ok ? pthread_getspecific(cals_key) : NULL;
	if (!tc)
		return false;
	double ms = (double)t * 1000.0;
	for (int i = 0; i < THREAD_CALS; i++)
		if (tc->sz[i] == z && ms >= tc->lo[i] && ms < tc->hi[i]) {
			*off_ms = tc->off_ms[i];
			return true;
		}
	UCalendar *cal;
	bool own;
	if (zone_calendar(tz, &z, &cal, &own))
		return false;
	UErrorCode e = U_ZERO_ERROR;
	icu.ucal_setMillis(cal, ms, &e);
	int32_t off = icu.ucal_get(cal, UCAL_ZONE_OFFSET, &e) + icu.ucal_get(cal, UCAL_DST_OFFSET, &e);
	UDate lo = -INFINITY, hi = INFINITY;
	/* none before (or after): the offset holds that way for ever */
	if (U_SUCCESS(e) && !icu.ucal_getTimeZoneTransitionDate(cal, UCAL_TZ_TRANSITION_PREVIOUS_INCLUSIVE, &lo, &e))
		lo = -INFINITY;
	if (U_SUCCESS(e) && !icu.ucal_getTimeZoneTransitionDate(cal, UCAL_TZ_TRANSITION_NEXT, &hi, &e))
		hi = INFINITY;
	calendar_done(cal, own);
	if (U_FAILURE(e) || !(ms >= lo && ms < hi))
		return false;
	unsigned i = tc->snext++ % THREAD_CALS;
	tc->sz[i] = z;
	tc->lo[i] = lo;
	tc->hi[i] = hi;
	tc->off_ms[i] = off;
	*off_ms = off;
	return true;
}

/* "+HH:MM" (or '-' when WEST) of A seconds (0 <= A < 86400), as
 * "%c%02d:%02d" writes it, NUL-terminated, at P. */
static void put_offset(char *p, bool west, int a)
{
	*p++ = west ? '-' : '+';
	p = rd_put_2digits(p, (unsigned)(a / 3600));
	*p++ = ':';
	p = rd_put_2digits(p, (unsigned)(a % 3600 / 60));
	*p = '\0';
}

enum rd_err rd_time_format_local(int64_t t, const char *tz, char buf[RD_TIME_BUFSZ])
{
	int32_t off_ms;
	/* the local time is UTC moved by the offset, to the second below, as
	 * ICU's fields are; the offset shown is whole seconds, truncated */
	if (t > INT64_C(-100000000000000) && t < INT64_C(100000000000000) && zone_offset(tz, t, &off_ms)) {
		int64_t lms = t * 1000 + off_ms;
		int64_t local = lms / 1000 - (lms % 1000 < 0);
		long off = off_ms / 1000;
		int a = (int)((off < 0 ? -off : off) % 86400);
		if (put_utc_datetime(buf, local)) {
			put_offset(buf + 19, off < 0, a);
			return RD_OK;
		}
	}
	struct tm tm;
	long off;
	enum rd_err rc = rd_time_local(t, tz, &tm, &off);
	if (rc)
		return rc;
	int a = (int)((off < 0 ? -off : off) % 86400);
	if (put_datetime(buf, tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec)) {
		put_offset(buf + 19, off < 0, a);
		return RD_OK;
	}
	char base[24];
	strftime(base, sizeof base, "%Y-%m-%dT%H:%M:%S", &tm);
	snprintf(buf, RD_TIME_BUFSZ, "%.19s%c%02d:%02d", base, off < 0 ? '-' : '+', a / 3600, (a % 3600) / 60);
	return RD_OK;
}

enum rd_err rd_time_from_local(const struct tm *local, const char *tz, int64_t *out)
{
	struct zone *z;
	UCalendar *cal;
	bool own;
	enum rd_err rc = zone_calendar(tz, &z, &cal, &own);
	if (rc)
		return rc;
	UErrorCode e = U_ZERO_ERROR;
	/* Lenient, like mktime: out-of-range fields carry (day 32 is the 1st
	 * of the next month). The template's wall-time attributes resolve DST
	 * gaps and overlaps. */
	icu.ucal_clear(cal);
	icu.ucal_set(cal, UCAL_EXTENDED_YEAR, local->tm_year + 1900);
	icu.ucal_set(cal, UCAL_MONTH, local->tm_mon);
	icu.ucal_set(cal, UCAL_DATE, local->tm_mday);
	icu.ucal_set(cal, UCAL_HOUR_OF_DAY, local->tm_hour);
	icu.ucal_set(cal, UCAL_MINUTE, local->tm_min);
	icu.ucal_set(cal, UCAL_SECOND, local->tm_sec);
	UDate ms = icu.ucal_getMillis(cal, &e);
	calendar_done(cal, own);
	if (U_FAILURE(e))
		return RD_EINVAL;
	*out = (int64_t)floor(ms / 1000.0);
	return RD_OK;
}

/* ---- dates and amounts in the client's language ---- */

/* Each call opens its own formatter for the locale, which is passed as a
 * value: no setlocale/uselocale, nothing shared between threads but ICU's
 * own thread-safe caches. English keeps the strftime form the checker reads
 * back (compose.c); these are for the other languages drafts are written in. */
static const struct {
	const char *lang, *locale, *date_pattern;
} lang_formats[] = {
	{"en", "en", "EEEE d MMMM y, HH:mm z"},
	{"de", "de_DE", "EEEE, d. MMMM y, HH:mm z"},
	{"fr", "fr_FR", "EEEE d MMMM y 'à' HH:mm z"},
};

static int lang_index(const char *lang)
{
	for (size_t i = 0; i < sizeof lang_formats / sizeof lang_formats[0]; i++)
		if (lang && !strcmp(lang, lang_formats[i].lang))
			return (int)i;
	return -1;
}

/* UTF-16 from ICU into buf as UTF-8. */
static enum rd_err utf8_out(const UChar *u, int32_t n, char *buf, size_t cap)
{
	UErrorCode e = U_ZERO_ERROR;
	int32_t len = 0;
	icu.u_strToUTF8(buf, (int32_t)cap, &len, u, n, &e);
	if (U_FAILURE(e) || len < 0 || (size_t)len >= cap) {
		buf[0] = '\0';
		return RD_EINVAL;
	}
	return RD_OK;
}

enum rd_err rd_time_format_lang(int64_t t, const char *tz, const char *lang, char *buf, size_t n)
{
	struct zone *z;
	int li = lang_index(lang);
	if (n == 0 || li < 0)
		return RD_EINVAL;
	buf[0] = '\0';
	enum rd_err rc = zone_get(tz, &z, NULL);
	if (rc)
		return rc;
	UChar uzone[72], pattern[64], out[128];
	icu.u_uastrncpy(uzone, z->name, 72);
	int32_t plen = 0;
	UErrorCode e = U_ZERO_ERROR;
	icu.u_strFromUTF8(pattern, 64, &plen, lang_formats[li].date_pattern, -1, &e);
	if (U_FAILURE(e))
		return RD_EINVAL;
	UDateFormat *f = icu.udat_open(UDAT_PATTERN, UDAT_PATTERN, lang_formats[li].locale, uzone, -1, pattern,
				       plen, &e);
	if (U_FAILURE(e))
		return RD_EINVAL;
	int32_t len = icu.udat_format(f, (UDate)t * 1000.0, out, 128, NULL, &e);
	icu.udat_close(f);
	if (U_FAILURE(e) || len >= 128)
		return RD_EINVAL;
	return utf8_out(out, len, buf, n);
}

enum rd_err rd_money_format_lang(int64_t cents, const char *currency, const char *lang, char *buf, size_t n)
{
	int li = lang_index(lang);
	if (n == 0 || li < 0 || !currency || strlen(currency) != 3)
		return RD_EINVAL;
	buf[0] = '\0';
	pthread_once(&icu_once, icu_load);
	if (icu_rc)
		return icu_rc;
	UChar ucur[4], out[64];
	icu.u_uastrncpy(ucur, currency, 4);
	UErrorCode e = U_ZERO_ERROR;
	UNumberFormat *f = icu.unum_open(UNUM_CURRENCY, NULL, 0, lang_formats[li].locale, NULL, &e);
	if (U_FAILURE(e))
		return RD_EINVAL;
	/* exact in a double below 2^53 cents */
	int32_t len = icu.unum_formatDoubleCurrency(f, (double)cents / 100.0, ucur, out, 64, NULL, &e);
	icu.unum_close(f);
	if (U_FAILURE(e) || len >= 64)
		return RD_EINVAL;
	return utf8_out(out, len, buf, n);
}
