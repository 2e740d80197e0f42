/* time.h — instants, ISO 8601 and time zones.
 *
 * An instant is int64_t seconds since the Unix epoch, UTC; that is what the
 * store keeps. Zones are IANA names ("Europe/Berlin", "UTC") from ICU's
 * time-zone database. Every function here is safe to call from any number
 * of threads at once: none reads or changes TZ, the locale or the clock.
 * "Now" is never read here: the fronts pass it down (model.h, rd_actor). */
#ifndef REDRESS_TIME_H
#define REDRESS_TIME_H
#include <stdbool.h>
#include <stdint.h>
#include <time.h>
#include "redress/err.h"

/* Big enough for "2026-11-23T09:00:00+05:45" and a NUL. */
#define RD_TIME_BUFSZ 32

/* The last instant a time may name, 9999-12-31T23:59:59Z; the first is 0. */
#define RD_TIME_MAX INT64_C(253402300799)

/* Parses ISO 8601: "2026-11-23T09:00:00Z", "2026-11-23T09:00Z",
 * "2026-11-23T10:00:00+01:00", "…+0100", a space for the T, fractional
 * seconds (dropped), or a bare date "2026-11-23" (midnight UTC). A time
 * without Z or an offset is refused: it would be ambiguous. So is one whose
 * instant is outside 0 … RD_TIME_MAX, which could not be shown again. */
enum rd_err rd_time_parse(const char *s, int64_t *out, char **errmsg);

/* Formats as UTC "2026-11-23T09:00:00Z" into buf (RD_TIME_BUFSZ bytes). */
char *rd_time_format(int64_t t, char buf[RD_TIME_BUFSZ]);

/* Formats in zone TZ with its offset, "2026-11-23T10:00:00+01:00". */
enum rd_err rd_time_format_local(int64_t t, const char *tz, char buf[RD_TIME_BUFSZ]);

/* True if TZ names a zone in ICU's database ("UTC" always does). The first
 * use of a zone loads it into a process-wide cache; later uses are cheap. */
bool rd_tz_valid(const char *tz);

/* As rd_tz_valid, but says why not: RD_EINVAL "unknown time zone 'X' (…)"
 * for a name ICU does not know, RD_EIO when ICU itself cannot be loaded.
 * *errmsg as in err.h (the CALLER frees it). */
enum rd_err rd_tz_check(const char *tz, char **errmsg);

/* Broken-down local time of T in zone TZ; *gmtoff (may be NULL) gets the
 * offset in seconds east of UTC in force then. out->tm_zone points at the
 * abbreviation then ("CET", "CEST", "IST", or "+0545" where the zone has no
 * letters), owned by the zone cache and valid for the life of the process.
 * RD_EINVAL for an unknown zone. */
enum rd_err rd_time_local(int64_t t, const char *tz, struct tm *out, long *gmtoff);

/* The instant at which wall-clock time LOCAL (year..second fields; wday and
 * yday ignored) happens in zone TZ. A time skipped by a DST jump moves
 * forward by the jump; a repeated time takes the first occurrence. */
enum rd_err rd_time_from_local(const struct tm *local, const char *tz, int64_t *out);

/* strftime(FMT) of instant T in zone TZ (so %Z is the zone's abbreviation
 * then, "CET" or "CEST", and %z its offset), into buf of n bytes. Names of
 * days and months come from the C library's locale, which redress never
 * changes. %s is not supported (it would read the process's TZ). */
enum rd_err rd_time_strftime(int64_t t, const char *tz, const char *fmt, char *buf, size_t n);

/* Instant T in zone TZ written for people in language LANG ("en", "de",
 * "fr") through ICU: "Freitag, 27. November 2026, 18:00 MEZ", "vendredi 27
 * novembre 2026 à 18:00 UTC+1". Thread-safe (the locale is a value, never
 * process state). RD_EINVAL for an unknown language or zone, or a buffer of
 * N bytes too small. */
enum rd_err rd_time_format_lang(int64_t t, const char *tz, const char *lang, char *buf, size_t n);

/* CENTS of CURRENCY (ISO 4217) as LANG writes an amount, through ICU:
 * "4.500,00 €" (de), "4 500,00 €" (fr, with ICU's no-break spaces),
 * "€4,500.00" (en). Thread-safe; RD_EINVAL as above. */
enum rd_err rd_money_format_lang(int64_t cents, const char *currency, const char *lang, char *buf, size_t n);

/* Days since 1970-01-01 of a proleptic Gregorian date (month 1-12). */
int64_t rd_days_from_civil(int64_t y, unsigned m, unsigned d);

#endif
