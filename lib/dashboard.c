/* dashboard.c — a client's dashboard (dashboard.h): the overview, each
 * track's obligations and the trust score. The schedule comes from the
 * obligations table that writes keep in step (rd_track_stored_json), with
 * the state at AT derived from stored times; only a track the stored rows
 * cannot answer for (an earlier ?at=, a draft) is recomputed. The server's
 * read (rd_client_dashboard_write) writes the same bytes straight from the
 * rows, with no JSON tree in between. */
#include <stdlib.h>
#include <string.h>

#include "model_int.h"
#include "redress/agenda.h"
#include "redress/dashboard.h"
#include "redress/time.h"
#include "redress/trust.h"
#include "util/buf.h"
#include "util/jsonw.h"

/* The obligations of track (FID, client C) for the dashboard, an array of
 * one track object, into *OBS (CALLER owns). A database error is the
 * dashboard's error, never a row without its schedule. */
static enum rd_err track_obligations(struct rd_store *s, json_t *c, int64_t fid, int64_t at, unsigned flags,
				     json_t **obs, char **errmsg)
{
	json_t *one = NULL;
	int64_t cid = json_integer_value(json_object_get(c, "id"));
	*obs = NULL;
	if (!(flags & RD_DASH_RECOMPUTE)) {
		enum rd_err rc = rd_track_stored_json(s, fid, cid, at, json_object_get(c, "name"),
						      json_string_value(json_object_get(c, "tz")), &one, errmsg);
		if (rc)
			return rc;
		if (one) {
			if (!(*obs = json_array()) || json_array_append_new(*obs, one)) {
				json_decref(*obs);
				*obs = NULL;
				return rd_fail(RD_ENOMEM, errmsg, "out of memory");
			}
			return RD_OK;
		}
	}
	return rd_obligations_json(s, fid, cid, at, obs, errmsg);
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
		json_t *obs = NULL;
		if ((rc = track_obligations(s, c, fid, at, flags, &obs, errmsg)))
			goto out;
		if (json_object_set_new(t, "obligations", obs))
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

/* The tracks of the overview's impacts, as rd_client_dashboard's array. */
static enum rd_err write_tracks(struct rd_store *s, const struct rd_client_overview *ov, int64_t client_id,
				int64_t at, struct rd_jw *w, char **errmsg)
{
	enum rd_err rc = RD_OK;
	rd_jw_arr(w);
	for (size_t i = 0; i < ov->n && !w->err; i++) {
		const struct rd_overview_impact *m = &ov->impacts[i];
		rd_jw_obj(w);
		rd_jw_key(w, "failure_id");
		rd_jw_int(w, m->failure_id);
		rd_jw_key(w, "affected");
		rd_jw_str(w, m->affected);
		rd_jw_key(w, "recovery_status");
		rd_jw_str(w, m->recovery_status);
		rd_jw_key(w, "obligations");
		rd_jw_arr(w);
		bool written;
		if ((rc = rd_track_stored_write(s, m->failure_id, client_id, at, ov->name, ov->tz, w, &written,
						errmsg)))
			return rc;
		/* the rows cannot answer for AT: computed from its history */
		if (!written && (rc = rd_track_computed_write(s, m->failure_id, client_id, at, ov->name, ov->tz, w,
							      errmsg)))
			return rc;
		rd_jw_end_arr(w);
		rd_jw_end_obj(w);
	}
	rd_jw_end_arr(w);
	return rc;
}

enum rd_err rd_client_dashboard_write(struct rd_store *s, int64_t client_id, int64_t at, struct rd_buf *out,
				      char **errmsg)
{
	struct rd_client_overview ov = {0};
	struct rd_jw w;
	size_t start = out->len;
	/* one snapshot for the whole answer, and no transaction per statement */
	enum rd_err rc = rd_store_begin_read(s);
	if (rc)
		return rd_fail(RD_EDB, errmsg, "cannot start reading: %s", rd_store_errmsg(s));
	rd_jw_init(&w, out);
	rd_jw_obj(&w);
	rd_jw_key(&w, "client");
	if ((rc = rd_client_overview_write(s, client_id, &w, &ov, errmsg)))
		goto out;
	rd_jw_key(&w, "tracks");
	if ((rc = write_tracks(s, &ov, client_id, at, &w, errmsg)))
		goto out;
	rd_jw_key(&w, "trust");
	if ((rc = rd_trust_client_write(s, client_id, at, &w, errmsg)))
		goto out;
	char buf[RD_TIME_BUFSZ];
	rd_jw_key(&w, "at");
	rd_jw_str(&w, rd_time_format(at, buf));
	rd_jw_end_obj(&w);
	if (w.err == RD_EINVAL) {
		/* text the tree shows otherwise (null) or refuses (an error): let
		 * the tree decide, as rd_client_dashboard does */
		json_t *j = NULL;
		out->len = start;
		if (out->data)
			out->data[start] = '\0';
		if ((rc = rd_client_dashboard(s, client_id, at, 0, &j, errmsg)))
			goto out;
		rd_jw_init(&w, out);
		rd_jw_json(&w, j);
		json_decref(j);
	}
	if (w.err)
		rc = rd_fail(w.err, errmsg, w.err == RD_ENOMEM ? "out of memory" : "the dashboard cannot be written as JSON");
out:
	if (rc)
		rd_store_rollback(s);
	else if ((rc = rd_store_commit(s)))
		rc = rd_fail(RD_EDB, errmsg, "ending the read: %s", rd_store_errmsg(s));
	rd_client_overview_free(&ov);
	return rc;
}
