/* near_miss.c — reporting a near miss (something that almost failed).
 * Reports are blameless and may be anonymous; anonymous means nobody can
 * recover who wrote it: no reporter in the row, and the audit-log entry
 * (which viewers can read) names "anonymous" instead of the acting user. */
#include <stdio.h>

#include "model_int.h"

enum rd_err rd_near_miss_report(struct rd_store *s, const struct rd_actor *a, json_t *in, int64_t *id,
				bool *anonymous, char **errmsg)
{
	if (!json_is_object(in))
		return rd_fail(RD_EINVAL, errmsg, "near_miss input must be a JSON object");
	json_t *who = json_object_get(in, "reporter");
	if (!who)
		who = json_object_get(in, "reporter_id");
	bool anon = !who || json_is_null(who);
	struct rd_actor nobody;
	if (anon) {
		nobody = *a;
		nobody.user_id = 0;
		snprintf(nobody.label, sizeof nobody.label, "anonymous");
		a = &nobody;
	}
	enum rd_err rc = rd_record_create(s, a, "near_miss", in, NULL, id, errmsg);
	if (rc == RD_OK && anonymous)
		*anonymous = anon;
	return rc;
}
