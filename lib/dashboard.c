/* dashboard.c — a client's dashboard (dashboard.h): the overview, each
 * track's obligations and the trust score. The schedule comes from the
 * obligations table that writes keep in step (rd_track_stored_write), with
 * the state at AT derived from stored times; only a track the stored rows
 * cannot answer for (an earlier ?at=, a draft) is recomputed. It is written
 * straight from the rows as JSON text, with no tree in between (the
 * server's read); rd_client_dashboard runs the same writer building a
 * tree (rd_jw_init_tree), so there is one implementation of the object. */
#include <stdlib.h>
#include <string.h>

#include "model_int.h"
#include "redress/agenda.h"
#include "redress/dashboard.h"
#include "redress/time.h"
#include "redress/trust.h"
#include "util/buf.h"
#include "util/jsonw.h"

/* The tracks of the overview's impacts, as rd_client_dashboard's array. */
static enum rd_err write_tracks(struct rd_store *s, const struct rd_client_overview *ov, int64_t client_id,
				int64_t at, unsigned flags, struct rd_jw *w, char **errmsg)
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
		bool written = false;
		if (!(flags & RD_DASH_RECOMPUTE) &&
		    (rc = rd_track_stored_write(s, m->failure_id, client_id, at, ov->name, ov->tz, w, &written,
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

/* The dashboard written into W: its one implementation, for the server's
 * text and, building a tree, for rd_client_dashboard. */
static enum rd_err dashboard_write(struct rd_store *s, int64_t client_id, int64_t at, unsigned flags,
				   struct rd_jw *w, char **errmsg)
{
	struct rd_client_overview ov = {0};
	/* one snapshot for the whole answer, and no transaction per statement */
	enum rd_err rc = rd_store_begin_read(s);
	if (rc)
		return rd_fail(RD_EDB, errmsg, "cannot start reading: %s", rd_store_errmsg(s));
	rd_jw_obj(w);
	rd_jw_key(w, "client");
	if ((rc = rd_client_overview_write(s, client_id, w, &ov, errmsg)))
		goto out;
	rd_jw_key(w, "tracks");
	if ((rc = write_tracks(s, &ov, client_id, at, flags, w, errmsg)))
		goto out;
	rd_jw_key(w, "trust");
	if ((rc = rd_trust_client_write(s, client_id, at, w, errmsg)))
		goto out;
	char buf[RD_TIME_BUFSZ];
	rd_jw_key(w, "at");
	rd_jw_str(w, rd_time_format(at, buf));
	rd_jw_end_obj(w);
	/* every text that is not UTF-8 is shown as the records show it (null)
	 * or left out before it reaches the writer: a failure here is memory */
	if (w->err)
		rc = rd_fail(w->err, errmsg,
			     w->err == RD_ENOMEM ? "out of memory" : "the dashboard cannot be written as JSON");
out:
	if (rc)
		rd_store_rollback(s);
	else if ((rc = rd_store_commit(s)))
		rc = rd_fail(RD_EDB, errmsg, "ending the read: %s", rd_store_errmsg(s));
	rd_client_overview_free(&ov);
	return rc;
}

enum rd_err rd_client_dashboard_write(struct rd_store *s, int64_t client_id, int64_t at, struct rd_buf *out,
				      char **errmsg)
{
	struct rd_jw w;
	rd_jw_init(&w, out);
	return dashboard_write(s, client_id, at, 0, &w, errmsg);
}

enum rd_err rd_client_dashboard(struct rd_store *s, int64_t client_id, int64_t at, unsigned flags,
				json_t **out, char **errmsg)
{
	struct rd_jw w;
	rd_jw_init_tree(&w);
	enum rd_err rc = dashboard_write(s, client_id, at, flags, &w, errmsg);
	enum rd_err wrc = rd_jw_tree(&w, out);
	if (rc != RD_OK) { /* the tree of a failed read is no answer */
		json_decref(*out);
		*out = NULL;
	}
	if (rc == RD_OK && (rc = wrc))
		rc = rd_fail(rc, errmsg, "out of memory");
	return rc;
}
