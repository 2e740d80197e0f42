/* policy_int.h — the parts of struct rd_policy that only lib/clock sees:
 * the checker's lists, read through the accessors in policy.h. */
#ifndef REDRESS_CLOCK_POLICY_INT_H
#define REDRESS_CLOCK_POLICY_INT_H
#include <stddef.h>

#include "redress/comm_kind.h"

/* The number of communication kinds (comm_kind.h). */
#define RD_POLICY_NKINDS RD_KIND_COUNT

struct rd_policy_checker {
	char **required[RD_POLICY_NKINDS];  /* per kind, NULL-terminated; NULL = none given */
	char **jargon;                      /* NULL-terminated or NULL */
	char **list_names;                  /* NULL-terminated or NULL */
	char ***lists;                      /* parallel to list_names */
	size_t n_lists;
};

/* A fixed-point e4 value as text: 100000 -> "10", 5000 -> "0.5". */
const char *rd_e4_text(int64_t e4, char buf[32]);

#endif
