/* store_int.h — what the backends share and nobody else needs. */
#ifndef REDRESS_STORE_INT_H
#define REDRESS_STORE_INT_H
#include "redress/store.h"

#define BASE(s) ((struct rd_store_base *)(s))

/* Every backend statement starts with this. */
struct rd_stmt_base {
	const struct rd_store_ops *ops;
	struct rd_store_base *store;  /* for fault injection */
	enum rd_err bind_err;         /* the first failed bind, returned by step */
};

#endif
