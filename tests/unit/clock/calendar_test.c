/* calendar_test.c — the iCalendar feed is valid RFC 5545 that libical
 * parses back: stable UIDs, due times in UTC, readable summaries, waived
 * obligations cancelled, and awkward client names survive quoting. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "redress/clock.h"
#include "redress/policy.h"
#include "redress/time.h"

static int64_t T(const char *iso)
{
	int64_t t;
	if (rd_time_parse(iso, &t, NULL))
		fail_msg("test bug: bad time %s", iso);
	return t;
}

static icalcomponent *find_event(icalcomponent *cal, const char *uid)
{
	for (icalcomponent *e = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); e;
	     e = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT))
		if (strcmp(icalcomponent_get_uid(e), uid) == 0)
			return e;
	fail_msg("no VEVENT with UID %s", uid);
	return NULL;
}

static void events_parse_back(void **state)
{
	(void)state;
	int64_t stamp = T("2026-11-23T08:00:00Z");
	struct rd_cal_event ev[3];
	memset(ev, 0, sizeof ev);
	ev[0] = (struct rd_cal_event){.key = "apology", .failure_id = 3, .client_id = 7,
		.client_name = "Acme Corp", .kind = "apology", .due_at = T("2026-11-23T11:00:00Z"),
		.state = RD_OB_PENDING, .stamp = stamp};
	ev[1] = (struct rd_cal_event){.key = "progress#2", .failure_id = 3, .client_id = 8,
		.client_name = "Smith, Jones; & Co \"Ltd\"", .kind = "progress", .due_at = T("2026-11-24T09:30:00Z"),
		.duration_min = 15, .state = RD_OB_OVERDUE, .description = "Line one\nline two, with comma",
		.stamp = stamp};
	ev[2] = (struct rd_cal_event){.key = "rca_update", .failure_id = 3, .client_id = 7,
		.client_name = "Acme Corp", .kind = "rca_update", .due_at = T("2026-11-26T09:00:00Z"),
		.state = RD_OB_WAIVED, .stamp = stamp};
	char *ics = NULL, *err = NULL;
	assert_int_equal(rd_calendar_ics(ev, 3, "Obligations — alice@example.com", &ics, &err), RD_OK);
	assert_non_null(ics);
	assert_int_equal(strncmp(ics, "BEGIN:VCALENDAR\r\n", 17), 0);
	assert_non_null(strstr(ics, "VERSION:2.0\r\n"));
	assert_non_null(strstr(ics, "PRODID:"));

	icalcomponent *cal = icalparser_parse_string(ics);
	assert_non_null(cal);
	assert_int_equal(icalcomponent_isa(cal), ICAL_VCALENDAR_COMPONENT);
	assert_int_equal(icalcomponent_count_components(cal, ICAL_VEVENT_COMPONENT), 3);
	assert_int_equal(icalcomponent_count_errors(cal), 0);

	icalcomponent *e = find_event(cal, "apology.3.7@redress");
	struct icaltimetype st = icalcomponent_get_dtstart(e);
	assert_true(icaltime_is_utc(st));
	assert_int_equal((int64_t)icaltime_as_timet(st), T("2026-11-23T11:00:00Z"));
	assert_string_equal(icalcomponent_get_summary(e), "Apology due \xe2\x80\x94 Acme Corp (failure #3)");
	struct icaldurationtype du = icalcomponent_get_duration(e);
	assert_int_equal(icaldurationtype_as_int(du), 30 * 60);
	assert_int_equal(icalcomponent_get_status(e), ICAL_STATUS_CONFIRMED);
	assert_int_equal((int64_t)icaltime_as_timet(icalcomponent_get_dtstamp(e)), stamp);

	e = find_event(cal, "progress#2.3.8@redress");
	assert_string_equal(icalcomponent_get_summary(e),
			    "Progress update OVERDUE \xe2\x80\x94 Smith, Jones; & Co \"Ltd\" (failure #3)");
	assert_int_equal(icaldurationtype_as_int(icalcomponent_get_duration(e)), 15 * 60);
	const char *desc = icalcomponent_get_description(e);
	assert_non_null(strstr(desc, "line two, with comma"));
	assert_non_null(strstr(desc, "State: overdue"));
	/* categories: redress, the kind, the state (libical splits the list) */
	int ncat = 0;
	bool overdue = false;
	for (icalproperty *p = icalcomponent_get_first_property(e, ICAL_CATEGORIES_PROPERTY); p;
	     p = icalcomponent_get_next_property(e, ICAL_CATEGORIES_PROPERTY)) {
		ncat++;
		overdue |= strcmp(icalproperty_get_categories(p), "overdue") == 0;
	}
	assert_int_equal(ncat, 3);
	assert_true(overdue);

	e = find_event(cal, "rca_update.3.7@redress");
	assert_int_equal(icalcomponent_get_status(e), ICAL_STATUS_CANCELLED);
	assert_string_equal(icalcomponent_get_summary(e),
			    "Root-cause update waived \xe2\x80\x94 Acme Corp (failure #3)");
	icalcomponent_free(cal);

	/* the same input gives byte-identical output (feeds can be diffed/ETagged) */
	char *again = NULL;
	assert_int_equal(rd_calendar_ics(ev, 3, "Obligations — alice@example.com", &again, NULL), RD_OK);
	assert_string_equal(ics, again);
	free(again);
	free(ics);
}

static void empty_feed_and_from_obligation(void **state)
{
	(void)state;
	char *ics = NULL;
	assert_int_equal(rd_calendar_ics(NULL, 0, NULL, &ics, NULL), RD_OK);
	icalcomponent *cal = icalparser_parse_string(ics);
	assert_non_null(cal);
	assert_int_equal(icalcomponent_count_components(cal, ICAL_VEVENT_COMPONENT), 0);
	icalcomponent_free(cal);
	free(ics);

	/* straight from the clock: UIDs come from the stable obligation keys */
	struct rd_policy *p = NULL;
	assert_int_equal(rd_policy_load(NULL, &p, NULL), RD_OK);
	struct rd_clock_input in;
	memset(&in, 0, sizeof in);
	in.failure_id = 12;
	in.client_id = 4;
	in.severity = 2;
	in.tier = "standard";
	in.detected_at = T("2026-11-02T09:00:00Z");
	in.now = T("2026-11-02T10:00:00Z");
	struct rd_clock_result r;
	assert_int_equal(rd_clock_compute(p, &in, &r, NULL), RD_OK);
	struct rd_cal_event ev[8];
	assert_true(r.n <= 8);
	for (size_t i = 0; i < r.n; i++)
		rd_cal_event_from_obligation(&ev[i], &r.obs[i], 12, 4, "Beta GmbH", in.now);
	assert_int_equal(rd_calendar_ics(ev, r.n, "Beta GmbH follow-ups", &ics, NULL), RD_OK);
	assert_non_null(strstr(ics, "UID:apology.12.4@redress\r\n"));
	assert_non_null(strstr(ics, "UID:plan.12.4@redress\r\n"));
	assert_non_null(strstr(ics, "DTSTART:20261102T130000Z\r\n"));
	assert_non_null(strstr(ics, "X-WR-CALNAME:Beta GmbH follow-ups\r\n"));
	assert_non_null(strstr(ics, "CATEGORIES:redress,apology,pending\r\n"));
	free(ics);
	rd_clock_result_free(&r);
	rd_policy_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(events_parse_back),
		cmocka_unit_test(empty_feed_and_from_obligation),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
