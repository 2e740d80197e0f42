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
