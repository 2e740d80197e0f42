/* time_test.c — lib/util/time.c: ISO 8601 in every accepted shape, the
 * malformed ones refused with a message quoting the input, formatting in
 * UTC and in zones (DST, half-hour and 45-minute offsets, abbreviations),
 * zone validation and its message, wall-clock to instant across DST gaps
 * and overlaps in Berlin, New York and Sydney, far dates, and a thread's
 * reused calendars answering as fresh ones. (The pinned
 * clock, $REDRESS_NOW, is the CLI's: tests/e2e/cases.) */
#include "../unit.h"

#include "util/buf.h"

static int64_t parse_ok(const char *s)
{
	int64_t t = 0;
	char *m = NULL;
	if (rd_time_parse(s, &t, &m))
		fail_msg("'%s' refused: %s", s, m ? m : "?");
	return t;
}

static void parses_every_accepted_shape(void **state)
{
	(void)state;
	const int64_t want = INT64_C(1795424400); /* 2026-11-23T09:00:00Z */
	assert_int_equal(parse_ok("2026-11-23T09:00:00Z"), want);
	assert_int_equal(parse_ok("2026-11-23T09:00Z"), want);
	assert_int_equal(parse_ok("2026-11-23t09:00:00z"), want);
	assert_int_equal(parse_ok("2026-11-23 09:00:00Z"), want);
	assert_int_equal(parse_ok("2026-11-23T10:00:00+01:00"), want);
	assert_int_equal(parse_ok("2026-11-23T10:00:00+0100"), want);
	assert_int_equal(parse_ok("2026-11-23T03:15:00-05:45"), want);
	assert_int_equal(parse_ok("2026-11-23T09:00:00.987654Z"), want);
	assert_int_equal(parse_ok("2026-11-23T09:00:00,5Z"), want);
	assert_int_equal(parse_ok("2026-11-23"), want - 9 * T_HOUR);
	assert_int_equal(parse_ok("2026-11-22T12:00:00Z"), T_NOW);
	assert_int_equal(parse_ok("1970-01-01T00:00:00Z"), 0);
	assert_int_equal(parse_ok("2024-02-29T00:00:00Z"), INT64_C(1709164800));
	/* a leap second clamps to :59 (POSIX time has none) */
	assert_int_equal(parse_ok("2016-12-31T23:59:60Z"), parse_ok("2016-12-31T23:59:59Z"));
}

static void refuses_malformed_times_quoting_them(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"", "yesterday", "2026-13-01", "2026-00-10", "2026-02-29", "2026-04-31",
		"2026-11-23T24:00Z", "2026-11-23T09:60Z", "2026-11-23T09:00:61Z",
		"2026-11-23T09:00:00+15:00", "2026-11-23T09:00:00+01:60", "2026-11-23T09:00:00Zjunk",
		"1969-12-31T23:59:59Z", "2026-11-23T09:00:00.Z", "2026-1-1", "2026-11-23T9:00Z",
		"2026-11-23T09", "2026-11-23T09:00:00+1", "2026/11/23", "2026-11-23X09:00Z",
		"  2026-11-23T09:00Z", "2026-11-23T09:00:00 Z",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		int64_t t = 42;
		char *m = NULL;
		enum rd_err rc = rd_time_parse(bad[i], &t, &m);
		if (rc != RD_EINVAL)
			fail_msg("'%s' was accepted as %lld", bad[i], (long long)t);
		assert_non_null(m);
		if (*bad[i] && !strstr(m, bad[i]))
			fail_msg("message for '%s' does not quote it: %s", bad[i], m);
		assert_int_equal(t, 42); /* *out untouched on failure */
		free(m);
	}
	int64_t t;
	assert_int_equal(rd_time_parse(NULL, &t, NULL), RD_EINVAL);
}

static void refuses_a_time_without_a_zone(void **state)
{
	(void)state;
	int64_t t;
	assert_fails(rd_time_parse("2026-11-23T09:00:00", &t, &m_), RD_EINVAL, "no zone");
	assert_fails(rd_time_parse("2026-11-23T09:00", &t, &m_), RD_EINVAL, "no zone");
}

static void formats_utc_and_round_trips(void **state)
{
	(void)state;
	char b[RD_TIME_BUFSZ];
	assert_string_equal(rd_time_format(T_NOW, b), "2026-11-22T12:00:00Z");
	assert_string_equal(rd_time_format(0, b), "1970-01-01T00:00:00Z");
	static const char *const rt[] = {"2026-03-29T01:30:00Z", "2099-12-31T23:59:59Z",
					 "9999-12-31T23:59:59Z", "2000-02-29T12:34:56Z"};
	for (size_t i = 0; i < 4; i++)
		assert_string_equal(rd_time_format(parse_ok(rt[i]), b), rt[i]);
}

/* The digits written by hand (time.c put_datetime) must be strftime's, for
 * any instant: random ones from year -2000 to 12000, every day boundary
 * around the four-digit years' edges and leap days, UTC and in zones. */
static void formats_as_strftime_does(void **state)
{
	(void)state;
	static const char *const zones[] = {"UTC", "Europe/Berlin", "Asia/Kathmandu", "America/St_Johns",
					    "Pacific/Kiritimati", "America/New_York"};
	uint64_t r = 0x2545f4914f6cdd1du;
	int64_t edges[] = {INT64_C(-30610224000), INT64_C(253402300799), INT64_C(253402300800), 0, -1, 951782400,
			   951868800, INT64_C(-62135596800), INT64_C(4107542400)};
	for (int i = 0; i < 200000; i++) {
		int64_t t;
		if (i < (int)(sizeof edges / sizeof *edges) * 7) {
			t = edges[i / 7] + (i % 7 - 3);
		} else {
			r ^= r << 13;
			r ^= r >> 7;
			r ^= r << 17;
			t = INT64_C(-125000000000) + (int64_t)(r % UINT64_C(500000000000));
		}
		char got[RD_TIME_BUFSZ], want[RD_TIME_BUFSZ];
		time_t tt = (time_t)t;
		struct tm tm;
		assert_non_null(gmtime_r(&tt, &tm));
		strftime(want, sizeof want, "%Y-%m-%dT%H:%M:%SZ", &tm);
		rd_time_format(t, got);
		if (strcmp(got, want))
			fail_msg("%lld: %s, strftime %s", (long long)t, got, want);
		if (i % 20)
			continue;
		const char *tz = zones[(i / 20) % (sizeof zones / sizeof *zones)];
		long off;
		if (rd_time_local(t, tz, &tm, &off))
			continue;
		char base[24];
		strftime(base, sizeof base, "%Y-%m-%dT%H:%M:%S", &tm);
		int a = (int)((off < 0 ? -off : off) % 86400);
		snprintf(want, sizeof want, "%.19s%c%02d:%02d", base, off < 0 ? '-' : '+', a / 3600, (a % 3600) / 60);
		assert_int_equal(rd_time_format_local(t, tz, got), RD_OK);
		if (strcmp(got, want))
			fail_msg("%lld in %s: %s, strftime %s", (long long)t, tz, got, want);
	}
}

/* The local form the old way: ICU's fields through strftime and snprintf. */
static void local_by_strftime(int64_t t, const char *tz, char want[RD_TIME_BUFSZ])
{
	struct tm tm;
	long off;
	assert_int_equal(rd_time_local(t, tz, &tm, &off), RD_OK);
	char base[24];
	strftime(base, sizeof base, "%Y-%m-%dT%H:%M:%S", &tm);
	int a = (int)((off < 0 ? -off : off) % 86400);
	snprintf(want, RD_TIME_BUFSZ, "%.19s%c%02d:%02d", base, off < 0 ? '-' : '+', a / 3600, (a % 3600) / 60);
}

/* rd_time_format_local keeps each zone's offset between two transitions
 * per thread: walking time forwards and backwards in steps of 7 minutes to
 * a day, through DST changes, zone history (Berlin's local mean time
 * before 1893, Kathmandu's 1986 move to +05:45) and back, 40 steps in one
 * zone then the next (seven zones: more than a thread keeps), every answer
 * is the uncached one. */
static void local_forms_hold_across_transitions(void **state)
{
	(void)state;
	static const char *const zones[] = {"Europe/Berlin", "America/New_York", "Asia/Kathmandu", "UTC",
					    "Australia/Lord_Howe", "America/St_Johns", "Europe/London"};
	static const int64_t steps[] = {420, 3600, 86400 - 1, -3 * 3600 - 7};
	static const int64_t starts[] = {INT64_C(-2524521600), INT64_C(504921600), INT64_C(1774483200),
					 INT64_C(1792800000)};
	char got[RD_TIME_BUFSZ], want[RD_TIME_BUFSZ];
	for (size_t si = 0; si < sizeof starts / sizeof *starts; si++)
		for (size_t st = 0; st < sizeof steps / sizeof *steps; st++) {
			int64_t t = starts[si];
			for (int i = 0; i < 3000; i++, t += steps[st]) {
				const char *tz = zones[(size_t)(i / 40) % (sizeof zones / sizeof *zones)];
				assert_int_equal(rd_time_format_local(t, tz, got), RD_OK);
				local_by_strftime(t, tz, want);
				if (strcmp(got, want))
					fail_msg("%lld in %s: %s, uncached %s", (long long)t, tz, got, want);
			}
		}
}

static void formats_in_zones_with_their_offset(void **state)
{
	(void)state;
	char b[RD_TIME_BUFSZ];
	assert_int_equal(rd_time_format_local(T_NOW, "Europe/Berlin", b), RD_OK);
	assert_string_equal(b, "2026-11-22T13:00:00+01:00");
	assert_int_equal(rd_time_format_local(parse_ok("2026-07-01T12:00:00Z"), "Europe/Berlin", b), RD_OK);
	assert_string_equal(b, "2026-07-01T14:00:00+02:00");
	assert_int_equal(rd_time_format_local(T_NOW, "Asia/Kathmandu", b), RD_OK);
	assert_string_equal(b, "2026-11-22T17:45:00+05:45");
	assert_int_equal(rd_time_format_local(T_NOW, "America/St_Johns", b), RD_OK);
	assert_string_equal(b, "2026-11-22T08:30:00-03:30");
	assert_int_equal(rd_time_format_local(T_NOW, "UTC", b), RD_OK);
	assert_string_equal(b, "2026-11-22T12:00:00+00:00");
	assert_int_equal(rd_time_format_local(T_NOW, "Mars/Olympus", b), RD_EINVAL);
	/* the local form parses back to the same instant */
	assert_int_equal(rd_time_format_local(T_NOW, "Asia/Kathmandu", b), RD_OK);
	assert_int_equal(parse_ok(b), T_NOW);
}

/* Found by tests/fuzz/time_fuzz.c: the epoch written in a zone west of UTC
 * ("1969-12-31T20:30:00-03:30", what rd_time_format_local gives) was
 * refused, and a time with an offset east of UTC on 1970-01-01 was accepted
 * as an instant before 1970 that then showed as a 1969 time nothing could
 * read back. */
static void epoch_edges_round_trip_through_offsets(void **state)
{
	(void)state;
	char b[RD_TIME_BUFSZ];
	assert_int_equal(rd_time_format_local(0, "America/St_Johns", b), RD_OK);
	assert_string_equal(b, "1969-12-31T20:30:00-03:30");
	assert_int_equal(parse_ok(b), 0);
	assert_int_equal(parse_ok("1969-12-31T19:00:00-05:00"), 0);
	assert_int_equal(parse_ok("9999-12-31T23:59:59Z"), RD_TIME_MAX);
	static const char *const out_of_range[] = {"1970-01-01T00:00:00+01:00", "1969-12-31T23:59:59Z",
						   "1969-12-31", "9999-12-31T23:59:59-00:01"};
	for (size_t i = 0; i < 4; i++) {
		int64_t t = 42;
		char *m = NULL;
		if (rd_time_parse(out_of_range[i], &t, &m) != RD_EINVAL)
			fail_msg("'%s' was accepted as %lld", out_of_range[i], (long long)t);
		assert_non_null(strstr(m, "outside 1970-01-01"));
		assert_int_equal(t, 42);
		free(m);
	}
}

static void validates_zone_names(void **state)
{
	(void)state;
	assert_true(rd_tz_valid("UTC"));
	assert_true(rd_tz_valid("Europe/Berlin"));
	assert_true(rd_tz_valid("America/Argentina/Buenos_Aires"));
	assert_true(rd_tz_valid("Etc/GMT+5"));
	static const char *const bad[] = {"", "Mars/Base", "Europe", "../../../etc/passwd",
					  "/etc/localtime", "Europe/Berlin ", "Europe/../Europe/Berlin",
					  "zone.tab", "Europe/Berlin\n", "europe berlin"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (rd_tz_valid(bad[i]))
			fail_msg("'%s' accepted as a time zone", bad[i]);
	assert_false(rd_tz_valid(NULL));
	/* the process TZ is left as it was */
	setenv("TZ", "Asia/Tokyo", 1);
	char b[RD_TIME_BUFSZ];
	rd_time_format_local(T_NOW, "Europe/Berlin", b);
	assert_string_equal(getenv("TZ"), "Asia/Tokyo");
	unsetenv("TZ");
	rd_time_format_local(T_NOW, "Europe/Berlin", b);
	assert_null(getenv("TZ"));
}

static void says_why_a_zone_is_refused(void **state)
{
	(void)state;
	assert_ok(rd_tz_check("Asia/Kathmandu", &m_));
	assert_ok(rd_tz_check("Asia/Calcutta", &m_)); /* old names still work */
	assert_fails(rd_tz_check("Mars/Olympus", &m_), RD_EINVAL, "unknown time zone 'Mars/Olympus'");
	assert_fails(rd_tz_check("Europe/Berlin ", &m_), RD_EINVAL, "Europe/Berlin");
	/* ICU would take these as custom or fallback zones; users may not */
	assert_fails(rd_tz_check("GMT+5", &m_), RD_EINVAL, "unknown time zone");
	assert_fails(rd_tz_check("Etc/Unknown", &m_), RD_EINVAL, "unknown time zone");
	assert_fails(rd_tz_check("europe/berlin", &m_), RD_EINVAL, "unknown time zone");
	assert_fails(rd_tz_check(NULL, &m_), RD_EINVAL, "unknown time zone");
	/* a refused zone is refused every time (nothing half-cached) */
	assert_false(rd_tz_valid("Mars/Olympus"));
	char b[RD_TIME_BUFSZ];
	assert_int_equal(rd_time_format_local(T_NOW, "Mars/Olympus", b), RD_EINVAL);
	assert_int_equal(rd_time_strftime(T_NOW, "Mars/Olympus", "%Z", b, sizeof b), RD_EINVAL);
}

static const char *zstr(int64_t t, const char *tz, const char *fmt)
{
	static char b[96];
	if (rd_time_strftime(t, tz, fmt, b, sizeof b))
		fail_msg("strftime in %s refused", tz);
	return b;
}

static void abbreviations_are_the_ones_people_there_use(void **state)
{
	(void)state;
	const int64_t summer = parse_ok("2026-07-01T12:00:00Z");
	static const struct {
		const char *tz, *winter, *summer;
	} z[] = {
		{"Europe/Berlin", "CET +0100", "CEST +0200"},
		{"America/New_York", "EST -0500", "EDT -0400"},
		{"Europe/London", "GMT +0000", "BST +0100"},
		{"Australia/Sydney", "AEDT +1100", "AEST +1000"}, /* south: reversed */
		{"Asia/Kolkata", "IST +0530", "IST +0530"},
		{"Asia/Shanghai", "CST +0800", "CST +0800"},
		{"America/Chicago", "CST -0600", "CDT -0500"},
		{"UTC", "UTC +0000", "UTC +0000"},
		/* no letters for this one: the offset, as the tz database writes it */
		{"Etc/GMT+5", "-05 -0500", "-05 -0500"},
	};
	for (size_t i = 0; i < sizeof z / sizeof z[0]; i++) {
		const char *w = zstr(T_NOW, z[i].tz, "%Z %z");
		if (strcmp(w, z[i].winter))
			fail_msg("%s in November: '%s', want '%s'", z[i].tz, w, z[i].winter);
		const char *s = zstr(summer, z[i].tz, "%Z %z");
		if (strcmp(s, z[i].summer))
			fail_msg("%s in July: '%s', want '%s'", z[i].tz, s, z[i].summer);
	}
	assert_string_equal(zstr(T_NOW, "Europe/Berlin", "%A %-d %B %Y, %H:%M %Z"),
			    "Sunday 22 November 2026, 13:00 CET");
	/* a buffer too small gives an empty string, not a cut one */
	char tiny[4];
	assert_int_equal(rd_time_strftime(T_NOW, "Europe/Berlin", "%A %Z", tiny, sizeof tiny), RD_OK);
	assert_string_equal(tiny, "");
}

static void half_hour_and_45_minute_zones(void **state)
{
	(void)state;
	char b[RD_TIME_BUFSZ];
	struct tm tm;
	long off = 0;
	assert_int_equal(rd_time_local(T_NOW, "Asia/Kathmandu", &tm, &off), RD_OK);
	assert_int_equal(off, 5 * 3600 + 45 * 60);
	assert_int_equal(tm.tm_hour, 17);
	assert_int_equal(tm.tm_min, 45);
	assert_int_equal(rd_time_format_local(T_NOW, "Asia/Kolkata", b), RD_OK);
	assert_string_equal(b, "2026-11-22T17:30:00+05:30");
	/* Chatham: +12:45, +13:45 in its (southern) summer */
	assert_int_equal(rd_time_format_local(T_NOW, "Pacific/Chatham", b), RD_OK);
	assert_string_equal(b, "2026-11-23T01:45:00+13:45");
	/* Adelaide's DST jump at half past: 02:00 -> 03:00 on 2026-10-04 */
	assert_int_equal(rd_time_format_local(parse_ok("2026-10-03T16:29:59Z"), "Australia/Adelaide", b), RD_OK);
	assert_string_equal(b, "2026-10-04T01:59:59+09:30");
	assert_int_equal(rd_time_format_local(parse_ok("2026-10-03T16:30:00Z"), "Australia/Adelaide", b), RD_OK);
	assert_string_equal(b, "2026-10-04T03:00:00+10:30");
	/* and back from the wall clock */
	struct tm l = {.tm_year = 126, .tm_mon = 10, .tm_mday = 22, .tm_hour = 17, .tm_min = 45};
	int64_t t = 0;
	assert_int_equal(rd_time_from_local(&l, "Asia/Kathmandu", &t), RD_OK);
	assert_int_equal(t, T_NOW);
}

static void local_time_and_offset(void **state)
{
	(void)state;
	struct tm tm;
	long off = 0;
	assert_int_equal(rd_time_local(T_NOW, "America/New_York", &tm, &off), RD_OK);
	assert_int_equal(tm.tm_hour, 7);
	assert_int_equal(tm.tm_mday, 22);
	assert_int_equal(off, -5 * 3600);
	assert_int_equal(tm.tm_wday, 0); /* Sunday */
	assert_int_equal(tm.tm_yday, 325);
	assert_int_equal(tm.tm_isdst, 0);
	assert_string_equal(tm.tm_zone, "EST");
	assert_int_equal(rd_time_local(T_NOW, "Nowhere/City", &tm, &off), RD_EINVAL);
}

static int64_t from_local(const char *tz, int y, int mo, int d, int h, int mi)
{
	struct tm tm = {0};
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	int64_t t = -1;
	if (rd_time_from_local(&tm, tz, &t))
		fail_msg("from_local %s refused", tz);
	return t;
}

static void wall_clock_to_instant_across_dst(void **state)
{
	(void)state;
	assert_int_equal(from_local("Europe/Berlin", 2026, 11, 22, 13, 0), T_NOW);
	assert_int_equal(from_local("UTC", 2026, 11, 22, 12, 0), T_NOW);
	/* 02:30 does not exist on 2026-03-29 in Berlin: moves forward by the jump */
	assert_int_equal(from_local("Europe/Berlin", 2026, 3, 29, 2, 30), parse_ok("2026-03-29T03:30:00+02:00"));
	/* 02:30 happens twice on 2026-10-25: the first occurrence (CEST) */
	assert_int_equal(from_local("Europe/Berlin", 2026, 10, 25, 2, 30), parse_ok("2026-10-25T02:30:00+02:00"));
	/* the hour after the overlap is unambiguous */
	assert_int_equal(from_local("Europe/Berlin", 2026, 10, 25, 3, 30), parse_ok("2026-10-25T03:30:00+01:00"));
	/* New York, the other side of the Atlantic: the repeated 01:30 ... */
	assert_int_equal(from_local("America/New_York", 2026, 11, 1, 1, 30), parse_ok("2026-11-01T01:30:00-04:00"));
	/* ... and the skipped 02:30 of 2026-03-08, an hour later */
	assert_int_equal(from_local("America/New_York", 2026, 3, 8, 2, 30), parse_ok("2026-03-08T03:30:00-04:00"));
	assert_int_equal(from_local("America/New_York", 2026, 3, 8, 1, 59), parse_ok("2026-03-08T01:59:00-05:00"));
	/* Sydney goes the other way round the year: gap in October, overlap in April */
	assert_int_equal(from_local("Australia/Sydney", 2026, 10, 4, 2, 30), parse_ok("2026-10-04T03:30:00+11:00"));
	assert_int_equal(from_local("Australia/Sydney", 2026, 4, 5, 2, 30), parse_ok("2026-04-05T02:30:00+11:00"));
	/* fields out of range carry over like mktime's: 32 November is 2 December */
	assert_int_equal(from_local("Europe/Berlin", 2026, 11, 32, 9, 0), parse_ok("2026-12-02T09:00:00+01:00"));
	assert_int_equal(from_local("Europe/Berlin", 2026, 13, 1, 0, 0), parse_ok("2027-01-01T00:00:00+01:00"));
	struct tm tm = {0};
	int64_t t;
	assert_int_equal(rd_time_from_local(&tm, "Bad/Zone", &t), RD_EINVAL);
}

static void far_dates_convert_both_ways(void **state)
{
	(void)state;
	char b[RD_TIME_BUFSZ];
	const int64_t far = parse_ok("9999-12-31T23:59:59Z");
	assert_int_equal(rd_time_format_local(far, "America/New_York", b), RD_OK);
	assert_string_equal(b, "9999-12-31T18:59:59-05:00");
	assert_int_equal(parse_ok(b), far);
	assert_int_equal(rd_time_format_local(parse_ok("2099-07-01T12:00:00Z"), "Europe/Berlin", b), RD_OK);
	assert_string_equal(b, "2099-07-01T14:00:00+02:00"); /* DST rules go on */
	assert_int_equal(rd_time_format_local(0, "America/New_York", b), RD_OK);
	assert_string_equal(b, "1969-12-31T19:00:00-05:00");
	assert_int_equal(from_local("Europe/Berlin", 2400, 2, 29, 12, 0), parse_ok("2400-02-29T11:00:00Z"));
	assert_int_equal(from_local("UTC", 9999, 12, 31, 23, 59), far - 59);
	/* the proleptic Gregorian calendar, never ICU's Julian one before 1582 */
	struct tm tm;
	assert_int_equal(rd_time_local(rd_days_from_civil(1500, 3, 1) * 86400, "UTC", &tm, NULL), RD_OK);
	assert_int_equal(tm.tm_year + 1900, 1500);
	assert_int_equal(tm.tm_mon, 2);
	assert_int_equal(tm.tm_mday, 1);
}

/* Each thread reuses its own calendar per zone (time.c keeps a few and
 * replaces the oldest): whatever one conversion left in it — an instant, a
 * DST gap resolved, an error — must not change the next. Six zones, more
 * than the thread keeps, in turns, both ways, against the first answers. */
static void reused_calendars_answer_as_fresh_ones(void **state)
{
	(void)state;
	static const char *const z[] = {"Europe/Berlin", "America/New_York", "Asia/Kathmandu",
					 "Australia/Sydney", "America/St_Johns", "UTC"};
	char first[6][RD_TIME_BUFSZ], b[RD_TIME_BUFSZ];
	int64_t wall[6];
	for (int i = 0; i < 6; i++) {
		assert_int_equal(rd_time_format_local(T_NOW + i * 86400 * 40, z[i], first[i]), RD_OK);
		wall[i] = from_local(z[i], 2026, 3, 29, 2, 30);
	}
	for (int round = 0; round < 3; round++)
		for (int i = 0; i < 6; i++) {
			/* leave the calendar at another instant, a failed conversion, a cleared wall time */
			assert_int_equal(rd_time_format_local(parse_ok("1999-12-31T23:00:00Z"), z[i], b), RD_OK);
			struct tm bad = {.tm_year = 2000000000};
			int64_t t;
			(void)rd_time_from_local(&bad, z[i], &t);
			assert_int_equal(from_local(z[i], 2026, 3, 29, 2, 30), wall[i]);
			assert_int_equal(rd_time_format_local(T_NOW + i * 86400 * 40, z[i], b), RD_OK);
			assert_string_equal(b, first[i]);
		}
	assert_string_equal(first[0], "2026-11-22T13:00:00+01:00");
	assert_int_equal(wall[0], parse_ok("2026-03-29T03:30:00+02:00"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parses_every_accepted_shape),
		cmocka_unit_test(refuses_malformed_times_quoting_them),
		cmocka_unit_test(refuses_a_time_without_a_zone),
		cmocka_unit_test(formats_utc_and_round_trips),
		cmocka_unit_test(formats_in_zones_with_their_offset),
		cmocka_unit_test(formats_as_strftime_does),
		cmocka_unit_test(local_forms_hold_across_transitions),
		cmocka_unit_test(epoch_edges_round_trip_through_offsets),
		cmocka_unit_test(validates_zone_names),
		cmocka_unit_test(says_why_a_zone_is_refused),
		cmocka_unit_test(abbreviations_are_the_ones_people_there_use),
		cmocka_unit_test(half_hour_and_45_minute_zones),
		cmocka_unit_test(local_time_and_offset),
		cmocka_unit_test(wall_clock_to_instant_across_dst),
		cmocka_unit_test(far_dates_convert_both_ways),
		cmocka_unit_test(reused_calendars_answer_as_fresh_ones),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
