/* digits.h — decimal digits written by hand where printf would write the
 * same, for the hot paths that format numbers by the dozen (JSON integers
 * and reals, ISO 8601 times, trust's reasons): one helper, not a loop in
 * each. Internal to libredress. */
#ifndef REDRESS_UTIL_DIGITS_H
#define REDRESS_UTIL_DIGITS_H
#include <stdint.h>

/* V in decimal at P ("%" PRIu64, at most 20 bytes, no NUL); the end. */
static inline char *rd_put_uint(char *p, uint64_t v)
{
	char d[20];
	int k = 0;
	do
		d[k++] = (char)('0' + v % 10);
	while ((v /= 10) > 0);
	while (k)
		*p++ = d[--k];
	return p;
}

/* V (0 <= V <= 99) as two digits at P ("%02d", no NUL); the end. */
static inline char *rd_put_2digits(char *p, unsigned v)
{
	*p++ = (char)('0' + v / 10);
	*p++ = (char)('0' + v % 10);
	return p;
}

#endif
