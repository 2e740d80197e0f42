/* mustache_fuzz.c — libFuzzer target for the Mustache engine: any template
 * renders or fails with RD_EINVAL, with a partial that renders the input
 * itself (recursion must stop at the depth limit). */
#include <stddef.h>
#include <stdint.h>
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
	char *out = NULL, *err = NULL;
	rd_mustache_render_ex((const char *)data, size, view, partial, &s, size % 2, &out, &err);
	free(out);
	free(err);
	return 0;
}
