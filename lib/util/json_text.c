/* json_text.c — the audit log's before/after texts without jansson's dump:
 * every logged write dumps two or three records inside the group's writer
 * slot, and json_dumps (a callback per token, a UTF-8 walk per string,
 * snprintf per integer) was ~30k instructions each. Anything this does not
 * write exactly as json_dumps does goes to json_dumps. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/json_text.h"

/* True when S (LEN bytes) is written between quotes as it is. */
static bool plain(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\')
			return false;
	}
	return true;
}

struct member {
	const char *key;
	size_t klen;
	const json_t *v;
};

/* jansson's order for JSON_SORT_KEYS: bytes, then length */
static int by_key(const void *a, const void *b)
{
	const struct member *x = a, *y = b;
	int c = memcmp(x->key, y->key, x->klen < y->klen ? x->klen : y->klen);
	return c ? c : (x->klen > y->klen) - (x->klen < y->klen);
}

/* Appends member M; false when it is not written directly. */
static bool add_member(struct rd_buf *b, const struct member *m, bool first)
{
	const json_t *v = m->v;
	if (!plain(m->key, m->klen))
		return false;
	rd_buf_adds(b, first ? "\"" : ",\"");
	rd_buf_add(b, m->key, m->klen);
	rd_buf_adds(b, "\":");
	switch (json_typeof(v)) {
	case JSON_INTEGER: {
		char num[24];
		int n = snprintf(num, sizeof num, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
		rd_buf_add(b, num, (size_t)n);
		return true;
	}
	case JSON_STRING: {
		const char *s = json_string_value(v);
		size_t len = json_string_length(v);
		if (!plain(s, len))
			return false;
		rd_buf_addc(b, '"');
		rd_buf_add(b, s, len);
		rd_buf_addc(b, '"');
		return true;
	}
	case JSON_TRUE:
		rd_buf_adds(b, "true");
		return true;
	case JSON_FALSE:
		rd_buf_adds(b, "false");
		return true;
	case JSON_NULL:
		rd_buf_adds(b, "null");
		return true;
	default: /* reals, arrays, objects: json_dumps */
		return false;
	}
}

char *rd_json_flat_text(const json_t *j, bool sort_keys)
{
	size_t flags = JSON_COMPACT | (sort_keys ? JSON_SORT_KEYS : 0);
	if (!json_is_object(j))
		return json_dumps(j, flags);
	size_t n = json_object_size(j), k = 0;
	struct member small[64], *ms = n <= 64 ? small : malloc(n * sizeof *ms);
	if (!ms)
		return json_dumps(j, flags);
	const char *key;
	size_t klen;
	json_t *v;
	json_object_keylen_foreach((json_t *)j, key, klen, v)
		ms[k++] = (struct member){key, klen, v};
	if (sort_keys && k > 1)
		qsort(ms, k, sizeof *ms, by_key);
	struct rd_buf b = RD_BUF_INIT;
	bool ok = true;
	rd_buf_addc(&b, '{');
	for (size_t i = 0; ok && i < k; i++)
		ok = add_member(&b, &ms[i], i == 0);
	rd_buf_addc(&b, '}');
	if (ms != small)
		free(ms);
	if (ok && !b.oom)
		return b.data;
	rd_buf_free(&b);
	return json_dumps(j, flags);
}
