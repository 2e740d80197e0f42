/* time_fuzz.c — libFuzzer target for ISO 8601 times (lib/util/time.c): any
 * string is either refused with RD_EINVAL and a message, or parses to an
 * instant that formats back (UTC and with a zone's offset) as a time that
 * re-parses to the same instant (found: the epoch west of UTC). A canonical "YYYY-MM-DDTHH:MM:SSZ" input
 * must format back byte for byte. Run: tests/fuzz/README.md. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "redress/time.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const zones[] = {"UTC", "Europe/Berlin", "Asia/Kathmandu", "America/St_Johns"};

/* Re-parses TEXT (which redress itself produced) and aborts unless it is T. */
static void reparses_to(const char *input, const char *text, int64_t t)
{
	int64_t u = 0;
	char *err = NULL;
	if (rd_time_parse(text, &u, &err) != RD_OK || u != t) {
		fprintf(stderr, "input '%s' parsed to %lld, formatted '%s', which re-parses to %lld (%s)\n",
			input, (long long)t, text, (long long)u, err ? err : "ok");
		abort();
	}
	free(err);
}

static int is_canonical(const char *s)
{
	static const char shape[] = "dddd-dd-ddTdd:dd:ddZ";
	if (strlen(s) != sizeof shape - 1)
		return 0;
	for (size_t i = 0; shape[i]; i++)
		if (shape[i] == 'd' ? s[i] < '0' || s[i] > '9' : s[i] != shape[i])
			return 0;
	return s[17] < '6'; /* a leap second :60 is clamped to :59 */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	int64_t t = -1;
	char *err = NULL;
	enum rd_err rc = rd_time_parse(s, &t, &err);
	if (rc != RD_OK) {
		/* a refusal is RD_EINVAL and says what is wrong */
		if (rc != RD_EINVAL || !err || !*err)
			abort();
		free(err);
		free(s);
		return 0;
	}
	if (err)
		abort(); /* success leaves the message alone */
	/* every accepted time is one the store can keep and show: 1970 … 9999 */
	if (t < 0 || t > RD_TIME_MAX) {
		fprintf(stderr, "input '%s' parsed to %lld, outside 1970-01-01 … 9999-12-31\n", s,
			(long long)t);
		abort();
	}
	char buf[RD_TIME_BUFSZ];
	rd_time_format(t, buf);
	if (strlen(buf) != 20)
		abort();
	reparses_to(s, buf, t);
	if (is_canonical(s) && strcmp(s, buf) != 0) {
		fprintf(stderr, "canonical input '%s' formats back as '%s'\n", s, buf);
		abort();
	}
	/* The last hours of 9999 are year 10000 east of UTC, which no
	 * four-digit ISO 8601 year can write: those are checked in UTC only. */
	for (size_t i = 0; t <= RD_TIME_MAX - 14 * 3600 && i < sizeof zones / sizeof zones[0]; i++) {
		char local[RD_TIME_BUFSZ];
		if (rd_time_format_local(t, zones[i], local) != RD_OK)
			abort();
		reparses_to(s, local, t);
	}
	free(s);
	return 0;
}
