/* time.c — ISO 8601 parsing/formatting and zone conversions.
 *
 * glibc only converts through the process-wide TZ setting, so zone work
 * takes a mutex, points TZ at the zone, and restores it: slower than a
 * private tzfile reader, but correct, and the server calls it rarely. */
#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "redress/time.h"

static pthread_mutex_t tz_lock = PTHREAD_MUTEX_INITIALIZER;

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

char *rd_time_format(int64_t t, char buf[RD_TIME_BUFSZ])
{
	time_t tt = (time_t)t;
	struct tm tm;
	gmtime_r(&tt, &tm);
	strftime(buf, RD_TIME_BUFSZ, "%Y-%m-%dT%H:%M:%SZ", &tm);
	return buf;
}

bool rd_tz_valid(const char *tz)
{
	if (!tz || !*tz || strlen(tz) > 128 || tz[0] == '/' || strstr(tz, ".."))
		return false;
	for (const char *p = tz; *p; p++) {
		if (!(isalnum((unsigned char)*p) || strchr("/_-+", *p)))
			return false;
	}
	if (strcmp(tz, "UTC") == 0)
		return true;
	const char *dir = getenv("TZDIR");
	char path[512];
	snprintf(path, sizeof path, "%s/%s", dir && *dir ? dir : "/usr/share/zoneinfo", tz);
	FILE *f = fopen(path, "rb");
	if (!f)
		return false;
	char magic[4];
	bool ok = fread(magic, 1, 4, f) == 4 && memcmp(magic, "TZif", 4) == 0;
	fclose(f);
	return ok;
}

/* Runs with TZ set to ZONE; caller holds tz_lock. Returns the old TZ
 * (malloc'd or NULL) for restore_tz. */
static char *enter_tz(const char *tz)
{
	const char *old = getenv("TZ");
	char *saved = old ? strdup(old) : NULL;
	setenv("TZ", tz, 1);
	tzset();
	return saved;
}

static void restore_tz(char *saved)
{
	if (saved) {
		setenv("TZ", saved, 1);
		free(saved);
	} else {
		unsetenv("TZ");
	}
	tzset();
}

enum rd_err rd_time_local(int64_t t, const char *tz, struct tm *out, long *gmtoff)
{
	if (!rd_tz_valid(tz))
		return RD_EINVAL;
	time_t tt = (time_t)t;
	pthread_mutex_lock(&tz_lock);
	char *saved = enter_tz(tz);
	localtime_r(&tt, out);
	restore_tz(saved);
	pthread_mutex_unlock(&tz_lock);
	if (gmtoff)
		*gmtoff = out->tm_gmtoff;
	return RD_OK;
}

enum rd_err rd_time_strftime(int64_t t, const char *tz, const char *fmt, char *buf, size_t n)
{
	if (!rd_tz_valid(tz) || n == 0)
		return RD_EINVAL;
	time_t tt = (time_t)t;
	struct tm tm;
	pthread_mutex_lock(&tz_lock);
	char *saved = enter_tz(tz);
	localtime_r(&tt, &tm);
	/* %Z reads the zone's names, valid only while TZ is still set. */
	size_t len = strftime(buf, n, fmt, &tm);
	restore_tz(saved);
	pthread_mutex_unlock(&tz_lock);
	if (len == 0)
		buf[0] = '\0';
	return RD_OK;
}

enum rd_err rd_time_format_local(int64_t t, const char *tz, char buf[RD_TIME_BUFSZ])
{
	struct tm tm;
	long off;
	if (rd_time_local(t, tz, &tm, &off))
		return RD_EINVAL;
	char base[24];
	strftime(base, sizeof base, "%Y-%m-%dT%H:%M:%S", &tm);
	int a = (int)((off < 0 ? -off : off) % 86400);
	snprintf(buf, RD_TIME_BUFSZ, "%.19s%c%02d:%02d", base, off < 0 ? '-' : '+', a / 3600, (a % 3600) / 60);
	return RD_OK;
}

enum rd_err rd_time_from_local(const struct tm *local, const char *tz, int64_t *out)
{
	if (!rd_tz_valid(tz))
		return RD_EINVAL;
	struct tm tm = *local;
	tm.tm_isdst = -1;
	pthread_mutex_lock(&tz_lock);
	char *saved = enter_tz(tz);
	time_t t = mktime(&tm);
	if (t != (time_t)-1) {
		/* For a repeated hour mktime may pick the later one; prefer the
		 * first occurrence if one hour earlier shows the same wall time. */
		struct tm probe;
		time_t earlier = t - 3600;
		localtime_r(&earlier, &probe);
		if (probe.tm_hour == local->tm_hour && probe.tm_min == local->tm_min &&
		    probe.tm_mday == local->tm_mday)
			t = earlier;
	}
	restore_tz(saved);
	pthread_mutex_unlock(&tz_lock);
	if (t == (time_t)-1)
		return RD_EINVAL;
	*out = (int64_t)t;
	return RD_OK;
}

int64_t rd_time_now(void)
{
	const char *pin = getenv("REDRESS_NOW");
	int64_t t;
	if (pin && *pin && rd_time_parse(pin, &t, NULL) == RD_OK)
		return t;
	return (int64_t)time(NULL);
}
