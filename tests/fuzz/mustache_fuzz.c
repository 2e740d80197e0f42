/* mustache_fuzz.c — libFuzzer target for the Mustache engine: any template
 * renders or fails with RD_EINVAL and a message, with a partial that renders
 * the input itself (recursion must stop at the depth limit); text without
 * tags renders as itself, and the same input renders the same twice. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "redress/mustache.h"

struct self { const uint8_t *data; size_t size; };

static enum rd_err partial(void *ctx, const char *name, char **out, size_t *len)
{
	struct self *s = ctx;
	if (strcmp(name, "self") != 0)
		return RD_ENOTFOUND;
	*out = malloc(s->size + 1);
	if (!*out)
		return RD_ENOMEM;
	memcpy(*out, s->data, s->size);
	(*out)[s->size] = '\0';
	*len = s->size;
	return RD_OK;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static json_t *view;
	if (!view)
		view = json_loads("{\"a\":{\"b\":[1,\"x\",{\"c\":true}],\"s\":\"<&>\"},\"list\":[{},{}],"
				  "\"t\":true,\"f\":false,\"n\":null,\"e\":\"\"}", 0, NULL);
	struct self s = {data, size};
	char *out = NULL, *err = NULL, *again = NULL;
	unsigned flags = size % 2;
	enum rd_err rc = rd_mustache_render_ex((const char *)data, size, view, partial, &s, flags, &out, &err);
	if (rc != RD_OK) {
		/* a malformed template is refused with a message; nothing else fails */
		if (rc != RD_EINVAL || !err || !*err || out)
			abort();
		free(err);
		return 0;
	}
	if (!out || err)
		abort();
	/* text without tags renders as itself */
	if (!memchr(data, '\0', size) && !memmem(data, size, "{{", 2) &&
	    (strlen(out) != size || memcmp(out, data, size) != 0)) {
		fprintf(stderr, "a template without tags rendered as '%s'\n", out);
		abort();
	}
	/* and rendering is a function of template and view */
	if (rd_mustache_render_ex((const char *)data, size, view, partial, &s, flags, &again, NULL) != RD_OK ||
	    strcmp(out, again) != 0)
		abort();
	free(out);
	free(again);
	return 0;
}
