/* review.c — learning after the fix, where it is more than a record: a
 * survey sent is also the outbound `survey` communication that meets the
 * clock's survey step, and a review's follow-up action is closed only with
 * the evidence that its success criterion is met. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "model_int.h"

enum rd_err rd_survey_send(struct rd_store *s, const struct rd_actor *a, json_t *in, int64_t *id,
			   char **errmsg)
{
	enum rd_err rc = rd_require_role(a, RD_ROLE_AGENT, "sending a survey", errmsg);
	if (rc)
		return rc;
	if (!json_is_object(in))
		return rd_fail(RD_EINVAL, errmsg, "survey input must be a JSON object");
	/* channel is the communication's, not a field of the survey */
	json_t *survey = json_deep_copy(in), *sv = NULL, *comm = NULL;
	const char *channel = json_string_value(json_object_get(in, "channel"));
	json_object_del(survey, "channel");
	if (json_object_get(in, "channel") && !channel) {
		json_decref(survey);
		return rd_fail(RD_EINVAL, errmsg, "channel must be a string");
	}
	/* named before anything else is checked: it is the one input of ours */
	const struct rd_field *ch = rd_entity_field(rd_entity_find("communication"), "channel");
	bool known = !channel;
	for (size_t i = 0; channel && ch && ch->values && ch->values[i]; i++)
		known = known || strcmp(ch->values[i], channel) == 0;
	if (!known) {
		char list[160] = "";
		size_t used = 0;
		for (size_t i = 0; ch && ch->values && ch->values[i] && used < sizeof list; i++)
			used += (size_t)snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "", ch->values[i]);
		json_decref(survey);
		return rd_fail(RD_EINVAL, errmsg, "'%s' is not a channel (accepted: %s)", channel, list);
	}
	int64_t sid = 0;
	if ((rc = rd_store_begin(s))) {
		json_decref(survey);
		return rd_fail(rc, errmsg, "cannot start a transaction");
	}
	if ((rc = rd_record_create(s, a, "survey", survey, NULL, &sid, errmsg)) ||
	    (rc = rd_record_get(s, "survey", sid, &sv, errmsg)))
		goto out;
	comm = json_pack("{sO sO ss ss ss sO ss}", "failure_id", json_object_get(sv, "failure_id"),
			 "client_id", json_object_get(sv, "client_id"), "kind", "survey", "channel",
			 channel ? channel : "email", "direction", "out", "at", json_object_get(sv, "sent_at"),
			 "summary", "Feedback survey sent");
	if (!comm) {
		rc = rd_fail(RD_ENOMEM, errmsg, "out of memory");
		goto out;
	}
	rc = rd_comm_log(s, a, comm, NULL, errmsg);
out:
	rc = rd_store_end(s, rc, errmsg);
	if (rc == RD_OK && id)
		*id = sid;
	json_decref(survey);
	json_decref(sv);
	json_decref(comm);
	return rc;
}

enum rd_err rd_review_action_done(struct rd_store *s, const struct rd_actor *a, int64_t id,
				  const char *evidence, int64_t at, char **errmsg)
{
	const struct rd_machine *m = rd_machine_find("review_action");
	enum rd_err rc = rd_machine_may(m, id, NULL, "done", a->role, NULL, errmsg);
	if (rc)
		return rc;
	if (!evidence || !*evidence)
		return rd_fail(RD_EINVAL, errmsg, "closing a review action needs its evidence (--evidence): "
			       "how do we know the success criterion is met?");
	json_t *rec = NULL, *extra = json_pack("{ss ss sI}", "status", "done", "evidence", evidence,
					       "done_at", (json_int_t)at);
	if (!extra)
		return rd_fail(RD_EINVAL, errmsg, "evidence is not valid UTF-8");
	if ((rc = rd_store_begin(s))) {
		json_decref(extra);
		return rd_fail(rc, errmsg, "cannot start a transaction");
	}
	if ((rc = rd_record_get(s, "review_action", id, &rec, errmsg)))
		goto out;
	const char *cur = json_string_value(json_object_get(rec, "status"));
	if ((rc = rd_machine_may(m, id, cur ? cur : m->initial, "done", a->role, NULL, errmsg)))
		goto out;
	rc = rd_record_update(s, a, "review_action", id, NULL, extra, errmsg);
out:
	rc = rd_store_end(s, rc, errmsg);
	json_decref(rec);
	json_decref(extra);
	return rc;
}
