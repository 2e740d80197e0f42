/* dashboard.c — a client's dashboard (dashboard.h): the overview, each
 * track's obligations and the trust score. The schedule comes from the
 * obligations table that writes keep in step (rd_track_stored_json), with
 * the state at AT derived from stored times; only a track the stored rows
 * cannot answer for (an earlier ?at=, a draft) is recomputed. */
#include <stdlib.h>
#include <string.h>

#include "model_int.h"
#include "redress/agenda.h"
#include "redress/dashboard.h"
#include "redress/time.h"
#include "redress/trust.h"

/* The obligations of track (FID, client C) for the dashboard: an array of
 * one track object, or NULL when it cannot be read (the row goes without). */
static json_t *track_obligations(struct rd_store *s, json_t *c, int64_t fid, int64_t at, unsigned flags)
{
	json_t *obs = NULL, *one = NULL;
	int64_t cid = json_integer_value(json_object_get(c, "id"));
	if (!(flags & RD_DASH_RECOMPUTE) &&
	    rd_track_stored_json(s, fid, cid, at, json_object_get(c, "name"),
				 json_string_value(json_object_get(c, "tz")), &one, NULL) == RD_OK && one) {
		obs = json_array();
		if (obs && json_array_append_new(obs, one)) {
			json_decref(obs);
			obs = NULL;
		}
		return obs;
	}
	if (rd_obligations_json(s, fid, cid, at, &obs, NULL) != RD_OK)
		return NULL;
	return obs;
}

enum rd_err rd_client_dashboard(struct rd_store *s, int64_t client_id, int64_t at, unsigned flags,
				json_t **out, char **errmsg)
{
	json_t *c = NULL, *trust = NULL, *res = NULL;
	*out = NULL;
	enum rd_err rc = rd_client_show(s, client_id, &c, errmsg);
	if (rc)
		return rc;
	json_t *tracks = json_array();
	res = json_pack("{so so}", "client", c, "tracks", tracks);
	if (!res)
		goto oom;
	size_t i;
	json_t *imp;
	json_array_foreach(json_object_get(c, "impacts"), i, imp) {
		int64_t fid = json_integer_value(json_object_get(imp, "failure_id"));
		json_t *t = json_pack("{sI sO sO}", "failure_id", (json_int_t)fid, "affected",
				      json_object_get(imp, "affected"), "recovery_status",
				      json_object_get(imp, "recovery_status"));
		if (!t || json_array_append_new(tracks, t))
			goto oom;
		json_t *obs = track_obligations(s, c, fid, at, flags);
		if (obs && json_object_set_new(t, "obligations", obs))
			goto oom;
	}
	if ((rc = rd_trust_client_json(s, client_id, at, &trust, errmsg)))
		goto out;
	char buf[RD_TIME_BUFSZ];
	if (json_object_set_new(res, "trust", trust) ||
	    json_object_set_new(res, "at", json_string(rd_time_format(at, buf))))
		goto oom;
	*out = res;
	res = NULL;
out:
	json_decref(res);
	return rc;
oom:
	rc = rd_fail(RD_ENOMEM, errmsg, "out of memory");
	goto out;
}
