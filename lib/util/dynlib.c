/* dynlib.c — see dynlib.h: resolve a library's symbols on first use. */
#include <dlfcn.h>

#include "util/dynlib.h"

enum rd_err rd_dynlib_open(const char *const *sonames, const struct rd_dynsym *syms, char **errmsg)
{
	const char *why = "no library name given";
	for (const char *const *so = sonames; *so; so++) {
		void *h = dlopen(*so, RTLD_NOW | RTLD_LOCAL);
		if (!h) {
			why = dlerror();
			continue;
		}
		const struct rd_dynsym *s;
		for (s = syms; s->name; s++) {
			*s->slot = dlsym(h, s->name);
			if (!*s->slot)
				break;
		}
		if (!s->name)
			return RD_OK;
		return rd_fail(RD_EIO, errmsg, "%s has no symbol %s", *so, s->name);
	}
	return rd_fail(RD_EIO, errmsg, "cannot load %s: %s", sonames[0], why ? why : "unknown error");
}
