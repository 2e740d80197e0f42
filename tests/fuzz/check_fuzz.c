/* check_fuzz.c — libFuzzer target for the checker and the extractor: any
 * bytes must give a result (valid UTF-8) or a clean error (invalid UTF-8, or
 * a blank message), never a crash, leak or out-of-bounds span; a result has
 * its JSON form.
 * Build and run: tests/fuzz/README.md. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "redress/check.h"
#include "redress/extract.h"
#include "check/check_int.h"
#include "util/buf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const kinds[] = {"apology", "plan", "delay", "other"};
	const char *text = (const char *)data;
	struct rd_prior_fact prior = {.comm_id = 1, .same_client = true, .at = 1795000000,
				      .has_eta = true, .eta = 1795600000,
				      .cause = "an expired certificate on the payment gateway",
				      .remedy = "we replaced the certificate", .has_amount = true,
				      .amount_cents = 150000, .currency = "EUR"};
	struct rd_check_opts o;
	memset(&o, 0, sizeof o);
	o.kind = kinds[size % 4];
	o.now = 1795424400;
	o.tz = size % 2 ? "Europe/Berlin" : "UTC";
	o.late = size % 3 == 0;
	o.due_at = o.now - 3600;
	o.prior = &prior;
	o.n_prior = 1;
	o.repair_expected = true;
	struct rd_check_result *r = NULL;
	char *err = NULL;
	bool utf8 = rd_utf8_valid(text, size, NULL);
	enum rd_err rc = rd_check(text, size, &o, &r, &err);
	/* the refusals are invalid UTF-8 and a blank message, and they say so */
	bool blank = utf8 && ck_text_blank(text, size);
	if (rc != RD_OK && (rc != RD_EINVAL || (utf8 && !blank) || !err || !*err))
		abort();
	if (rc == RD_OK && blank)
		abort();
	if (rc == RD_OK) {
		if (!utf8)
			abort();
		for (size_t i = 0; i < r->n_findings; i++)
			if (r->findings[i].start > r->findings[i].end || r->findings[i].end > size)
				abort();
		json_t *j = rd_check_result_json(r);
		if (!j)
			abort();
		json_decref(j);
		rd_check_result_free(r);
	}
	free(err);
	struct rd_extract_result x;
	if (rd_extract(text, size, 1795424400, "America/New_York", &x, NULL) == RD_OK) {
		for (size_t i = 0; i < x.n; i++)
			if (x.items[i].start > x.items[i].end || x.items[i].end > size)
				abort();
		rd_extract_result_free(&x);
	}
	return 0;
}
