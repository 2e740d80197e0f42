/* time_test.c — lib/util/time.c: ISO 8601 in every accepted shape, the
 * malformed ones refused with a message quoting the input, formatting in
 * UTC and in zones (DST, half-hour offsets), zone validation, wall-clock
 * to instant across DST gaps and overlaps, and the pinned clock. */
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

static void local_time_and_offset(void **state)
{
	(void)state;
	struct tm tm;
	long off = 0;
	assert_int_equal(rd_time_local(T_NOW, "America/New_York", &tm, &off), RD_OK);
	assert_int_equal(tm.tm_hour, 7);
	assert_int_equal(tm.tm_mday, 22);
	assert_int_equal(off, -5 * 3600);
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
	/* New York, the other side of the Atlantic */
	assert_int_equal(from_local("America/New_York", 2026, 11, 1, 1, 30), parse_ok("2026-11-01T01:30:00-04:00"));
	struct tm tm = {0};
	int64_t t;
	assert_int_equal(rd_time_from_local(&tm, "Bad/Zone", &t), RD_EINVAL);
}

static void now_is_pinned_by_redress_now(void **state)
{
	(void)state;
	setenv("REDRESS_NOW", "2026-11-22T12:00:00Z", 1);
	assert_int_equal(rd_time_now(), T_NOW);
	setenv("REDRESS_NOW", "2026-11-22T13:00:00+01:00", 1);
	assert_int_equal(rd_time_now(), T_NOW);
	/* unparsable: falls back to the real clock, not to 0 */
	setenv("REDRESS_NOW", "soon", 1);
	int64_t real = (int64_t)time(NULL);
	int64_t got = rd_time_now();
	assert_true(got >= real && got <= real + 5);
	unsetenv("REDRESS_NOW");
	got = rd_time_now();
	assert_true(got >= real && got <= real + 5);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parses_every_accepted_shape),
		cmocka_unit_test(refuses_malformed_times_quoting_them),
		cmocka_unit_test(refuses_a_time_without_a_zone),
		cmocka_unit_test(formats_utc_and_round_trips),
		cmocka_unit_test(formats_in_zones_with_their_offset),
		cmocka_unit_test(epoch_edges_round_trip_through_offsets),
		cmocka_unit_test(validates_zone_names),
		cmocka_unit_test(local_time_and_offset),
		cmocka_unit_test(wall_clock_to_instant_across_dst),
		cmocka_unit_test(now_is_pinned_by_redress_now),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
