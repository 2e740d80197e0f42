/* calendar.c — obligations as an RFC 5545 iCalendar feed (clock.h), written
 * with libical so quoting, folding and CRLFs are right.
 *
 * UIDs are "<obligation key>.<failure id>.<client id>@redress": keys are
 * stable across recomputations, so a subscribed calendar updates an event
 * in place instead of piling up copies when a due time moves. */
#include <inttypes.h>
#include <pthread.h>
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "redress/clock.h"
#include "redress/time.h"
#include "util/buf.h"
#include "util/dynlib.h"

/* libical is resolved on first use (util/dynlib.h): it brings ICU, whose
 * start-up cost every other command would otherwise pay. */
static struct {
	__typeof__(icalcomponent_add_component) *icalcomponent_add_component;
	__typeof__(icalcomponent_add_property) *icalcomponent_add_property;
	__typeof__(icalcomponent_as_ical_string_r) *icalcomponent_as_ical_string_r;
	__typeof__(icalcomponent_free) *icalcomponent_free;
	__typeof__(icalcomponent_new_vcalendar) *icalcomponent_new_vcalendar;
	__typeof__(icalcomponent_new_vevent) *icalcomponent_new_vevent;
	__typeof__(icaldurationtype_from_int) *icaldurationtype_from_int;
	__typeof__(icalmemory_free_buffer) *icalmemory_free_buffer;
	__typeof__(icalproperty_new_calscale) *icalproperty_new_calscale;
	__typeof__(icalproperty_new_categories) *icalproperty_new_categories;
	__typeof__(icalproperty_new_description) *icalproperty_new_description;
	__typeof__(icalproperty_new_dtstamp) *icalproperty_new_dtstamp;
	__typeof__(icalproperty_new_dtstart) *icalproperty_new_dtstart;
	__typeof__(icalproperty_new_duration) *icalproperty_new_duration;
	__typeof__(icalproperty_new_method) *icalproperty_new_method;
	__typeof__(icalproperty_new_prodid) *icalproperty_new_prodid;
	__typeof__(icalproperty_new_status) *icalproperty_new_status;
	__typeof__(icalproperty_new_summary) *icalproperty_new_summary;
	__typeof__(icalproperty_new_transp) *icalproperty_new_transp;
	__typeof__(icalproperty_new_uid) *icalproperty_new_uid;
	__typeof__(icalproperty_new_version) *icalproperty_new_version;
	__typeof__(icalproperty_new_x) *icalproperty_new_x;
	__typeof__(icalproperty_set_x_name) *icalproperty_set_x_name;
	__typeof__(icaltime_from_timet_with_zone) *icaltime_from_timet_with_zone;
	__typeof__(icaltimezone_get_utc_timezone) *icaltimezone_get_utc_timezone;
} ical;

static const struct rd_dynsym ical_syms[] = {
	{"icalcomponent_add_component", (void **)&ical.icalcomponent_add_component},
	{"icalcomponent_add_property", (void **)&ical.icalcomponent_add_property},
	{"icalcomponent_as_ical_string_r", (void **)&ical.icalcomponent_as_ical_string_r},
	{"icalcomponent_free", (void **)&ical.icalcomponent_free},
	{"icalcomponent_new_vcalendar", (void **)&ical.icalcomponent_new_vcalendar},
	{"icalcomponent_new_vevent", (void **)&ical.icalcomponent_new_vevent},
	{"icaldurationtype_from_int", (void **)&ical.icaldurationtype_from_int},
	{"icalmemory_free_buffer", (void **)&ical.icalmemory_free_buffer},
	{"icalproperty_new_calscale", (void **)&ical.icalproperty_new_calscale},
	{"icalproperty_new_categories", (void **)&ical.icalproperty_new_categories},
	{"icalproperty_new_description", (void **)&ical.icalproperty_new_description},
	{"icalproperty_new_dtstamp", (void **)&ical.icalproperty_new_dtstamp},
	{"icalproperty_new_dtstart", (void **)&ical.icalproperty_new_dtstart},
	{"icalproperty_new_duration", (void **)&ical.icalproperty_new_duration},
	{"icalproperty_new_method", (void **)&ical.icalproperty_new_method},
	{"icalproperty_new_prodid", (void **)&ical.icalproperty_new_prodid},
	{"icalproperty_new_status", (void **)&ical.icalproperty_new_status},
	{"icalproperty_new_summary", (void **)&ical.icalproperty_new_summary},
	{"icalproperty_new_transp", (void **)&ical.icalproperty_new_transp},
	{"icalproperty_new_uid", (void **)&ical.icalproperty_new_uid},
	{"icalproperty_new_version", (void **)&ical.icalproperty_new_version},
	{"icalproperty_new_x", (void **)&ical.icalproperty_new_x},
	{"icalproperty_set_x_name", (void **)&ical.icalproperty_set_x_name},
	{"icaltime_from_timet_with_zone", (void **)&ical.icaltime_from_timet_with_zone},
	{"icaltimezone_get_utc_timezone", (void **)&ical.icaltimezone_get_utc_timezone},
	{NULL, NULL},
};

static pthread_once_t ical_once = PTHREAD_ONCE_INIT;
static enum rd_err ical_rc;
static char *ical_err;

static void ical_load(void)
{
	static const char *const names[] = {"libical.so.3", "libical.so", NULL};
	ical_rc = rd_dynlib_open(names, ical_syms, &ical_err);
}

#define icalcomponent_add_component (*ical.icalcomponent_add_component)
#define icalcomponent_add_property (*ical.icalcomponent_add_property)
#define icalcomponent_as_ical_string_r (*ical.icalcomponent_as_ical_string_r)
#define icalcomponent_free (*ical.icalcomponent_free)
#define icalcomponent_new_vcalendar (*ical.icalcomponent_new_vcalendar)
#define icalcomponent_new_vevent (*ical.icalcomponent_new_vevent)
#define icaldurationtype_from_int (*ical.icaldurationtype_from_int)
#define icalmemory_free_buffer (*ical.icalmemory_free_buffer)
#define icalproperty_new_calscale (*ical.icalproperty_new_calscale)
#define icalproperty_new_categories (*ical.icalproperty_new_categories)
#define icalproperty_new_description (*ical.icalproperty_new_description)
#define icalproperty_new_dtstamp (*ical.icalproperty_new_dtstamp)
#define icalproperty_new_dtstart (*ical.icalproperty_new_dtstart)
#define icalproperty_new_duration (*ical.icalproperty_new_duration)
#define icalproperty_new_method (*ical.icalproperty_new_method)
#define icalproperty_new_prodid (*ical.icalproperty_new_prodid)
#define icalproperty_new_status (*ical.icalproperty_new_status)
#define icalproperty_new_summary (*ical.icalproperty_new_summary)
#define icalproperty_new_transp (*ical.icalproperty_new_transp)
#define icalproperty_new_uid (*ical.icalproperty_new_uid)
#define icalproperty_new_version (*ical.icalproperty_new_version)
#define icalproperty_new_x (*ical.icalproperty_new_x)
#define icalproperty_set_x_name (*ical.icalproperty_set_x_name)
#define icaltime_from_timet_with_zone (*ical.icaltime_from_timet_with_zone)
#define icaltimezone_get_utc_timezone (*ical.icaltimezone_get_utc_timezone)

void rd_cal_event_from_obligation(struct rd_cal_event *ev, const struct rd_obligation *ob,
				  int64_t failure_id, int64_t client_id, const char *client_name,
				  int64_t stamp)
{
	memset(ev, 0, sizeof *ev);
	ev->key = ob->key;
	ev->failure_id = failure_id;
	ev->client_id = client_id;
	ev->client_name = client_name;
	ev->kind = ob->kind;
	ev->due_at = ob->due_at;
	ev->state = ob->state;
	ev->stamp = stamp;
}

static const char *state_word(enum rd_ob_state s)
{
	switch (s) {
	case RD_OB_PENDING: return "due";
	case RD_OB_OVERDUE: return "OVERDUE";
	case RD_OB_ON_TIME: return "sent";
	case RD_OB_LATE: return "sent late";
	case RD_OB_WAIVED: return "waived";
	case RD_OB_NOT_APPLICABLE: return "no longer owed";
	}
	return "due";
}

static struct icaltimetype utc_time(int64_t t)
{
	return icaltime_from_timet_with_zone((time_t)t, 0, icaltimezone_get_utc_timezone());
}

static int add_prop(icalcomponent *c, icalproperty *p)
{
	if (!p)
		return -1;
	icalcomponent_add_property(c, p);
	return 0;
}

static enum rd_err add_event(icalcomponent *cal, const struct rd_cal_event *e, char **errmsg)
{
	int step = rd_step_from_name(e->kind);
	const char *title = step >= 0 ? rd_step_title((enum rd_step)step) : (e->kind ? e->kind : "Obligation");
	const char *client = e->client_name && *e->client_name ? e->client_name : "client";
	struct rd_buf uid = RD_BUF_INIT, sum = RD_BUF_INIT, desc = RD_BUF_INIT;
	char due[RD_TIME_BUFSZ];
	enum rd_err ret = RD_OK;
	int bad = 0;

	rd_buf_addf(&uid, "%s.%" PRId64 ".%" PRId64 "@redress", e->key ? e->key : "obligation",
		    e->failure_id, e->client_id);
	rd_buf_addf(&sum, "%s %s \xe2\x80\x94 %s (failure #%" PRId64 ")", title, state_word(e->state), client,
		    e->failure_id);
	rd_buf_addf(&desc, "%s to %s for failure #%" PRId64 ", due %s. State: %s. Obligation key: %s.",
		    title, client, e->failure_id, rd_time_format(e->due_at, due),
		    rd_ob_state_name(e->state), e->key ? e->key : "");
	if (e->description && *e->description)
		rd_buf_addf(&desc, "\n%s", e->description);
	if (uid.oom || sum.oom || desc.oom) {
		ret = rd_fail(RD_ENOMEM, errmsg, "out of memory");
		goto out;
	}

	icalcomponent *ev = icalcomponent_new_vevent();
	if (!ev) {
		ret = rd_fail(RD_ENOMEM, errmsg, "out of memory");
		goto out;
	}
	int minutes = e->duration_min > 0 ? e->duration_min : 30;
	bad |= add_prop(ev, icalproperty_new_uid(uid.data));
	bad |= add_prop(ev, icalproperty_new_dtstamp(utc_time(e->stamp)));
	bad |= add_prop(ev, icalproperty_new_dtstart(utc_time(e->due_at)));
	bad |= add_prop(ev, icalproperty_new_duration(icaldurationtype_from_int(minutes * 60)));
	bad |= add_prop(ev, icalproperty_new_summary(sum.data));
	bad |= add_prop(ev, icalproperty_new_description(desc.data));
	bad |= add_prop(ev, icalproperty_new_status(e->state == RD_OB_WAIVED ? ICAL_STATUS_CANCELLED
									      : ICAL_STATUS_CONFIRMED));
	bad |= add_prop(ev, icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
	/* one multi-valued CATEGORIES line (libical reads it back as three) */
	char cats[96];
	snprintf(cats, sizeof cats, "redress,%s,%s", step >= 0 ? e->kind : "other", rd_ob_state_name(e->state));
	bad |= add_prop(ev, icalproperty_new_categories(cats));
	icalproperty *x = icalproperty_new_x(rd_ob_state_name(e->state));
	if (x)
		icalproperty_set_x_name(x, "X-REDRESS-STATE");
	bad |= add_prop(ev, x);
	icalcomponent_add_component(cal, ev);
	if (bad)
		ret = rd_fail(RD_ENOMEM, errmsg, "could not build calendar event '%s'", uid.data);
out:
	rd_buf_free(&uid);
	rd_buf_free(&sum);
	rd_buf_free(&desc);
	return ret;
}

enum rd_err rd_calendar_ics(const struct rd_cal_event *events, size_t n, const char *calname,
			    char **out, char **errmsg)
{
	enum rd_err ret = RD_OK;
	*out = NULL;
	pthread_once(&ical_once, ical_load);
	if (ical_rc)
		return rd_fail(ical_rc, errmsg, "calendar: %s", ical_err ? ical_err : "libical unavailable");
	icalcomponent *cal = icalcomponent_new_vcalendar();
	if (!cal)
		return rd_fail(RD_ENOMEM, errmsg, "out of memory");
	int bad = 0;
	bad |= add_prop(cal, icalproperty_new_version("2.0"));
	bad |= add_prop(cal, icalproperty_new_prodid("-//redress//communication clock//EN"));
	bad |= add_prop(cal, icalproperty_new_calscale("GREGORIAN"));
	bad |= add_prop(cal, icalproperty_new_method(ICAL_METHOD_PUBLISH));
	icalproperty *x = icalproperty_new_x(calname && *calname ? calname : "redress");
	if (x)
		icalproperty_set_x_name(x, "X-WR-CALNAME");
	bad |= add_prop(cal, x);
	if (bad) {
		ret = rd_fail(RD_ENOMEM, errmsg, "out of memory");
		goto out;
	}
	for (size_t i = 0; i < n; i++)
		if ((ret = add_event(cal, &events[i], errmsg)))
			goto out;
	char *s = icalcomponent_as_ical_string_r(cal);
	if (!s) {
		ret = rd_fail(RD_ENOMEM, errmsg, "could not serialise the calendar");
		goto out;
	}
	*out = strdup(s);
	icalmemory_free_buffer(s);
	if (!*out)
		ret = rd_fail(RD_ENOMEM, errmsg, "out of memory");
out:
	icalcomponent_free(cal);
	return ret;
}
