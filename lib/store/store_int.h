/* store_int.h — what the backends share and nobody else needs. */
#ifndef REDRESS_STORE_INT_H
#define REDRESS_STORE_INT_H
#include "redress/store.h"

#define BASE(s) ((struct rd_store_base *)(s))

/* Every backend statement starts with this. */
struct rd_stmt_base {
	const struct rd_store_ops *ops;
};

#endif
