/* mail_fuzz.c — libFuzzer target for what `redress inbound` and POST
 * /api/inbound read (lib/mail.c rd_mail_parse, through GMime) and for the
 * status-question reader of lib/notify.c: any bytes end in a parsed message
 * (a valid sender, UTF-8 text) or a clean error with a message, never a
 * crash or a leak. Build and run: tests/fuzz/README.md. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "redress/mail.h"
#include "redress/notify.h"
#include "util/buf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
const char *__lsan_default_suppressions(void);
const char *__asan_default_options(void);

/* GMime 3.2.13 (Debian 12) leaks the GString of an address it was reading
 * when a comment after a domain literal is never closed ("From:
 * a@[x.y](n"): address_parse leaves for its error path without freeing it
 * (GMime issue #159, fixed upstream after this release; the inputs are
 * corpus/mail/gmime-address-comment-leak*). Only memory allocated inside
 * GLib's GString functions is suppressed: g_string_sized_new for a short
 * address, g_string_insert_len and the other growers when a long local part
 * or domain made the buffer grow before the error (the "-grown" input; the
 * anchored "^g_string_" matches only GLib's GString API). redress itself
 * makes no GString, so our own leaks still fail the run. */
const char *__lsan_default_suppressions(void)
{
	return "leak:^g_string_\n";
}

/* GLib and GMime are built without frame pointers: without the slow
 * unwinder the leak's stack stops inside GLib before its g_string_ frame
 * and the suppression above cannot match. */
const char *__asan_default_options(void)
{
	return "fast_unwind_on_malloc=0";
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rd_mail_in m;
	char *err = NULL;
	enum rd_err rc = rd_mail_parse((const char *)data, size, &m, &err);
	if (rc == RD_OK) {
		size_t bad;
		if (!m.from || !rd_mail_addr_valid(m.from) || !m.text || !rd_utf8_valid(m.text, strlen(m.text), &bad))
			abort();
		(void)rd_status_question(m.text);
	} else if (!err || !*err) {
		abort();
	}
	free(err);
	rd_mail_in_free(&m);
	return 0;
}
