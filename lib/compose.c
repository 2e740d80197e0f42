/* compose.c — the stored narrative as the checker's context, and the model
 * as a message template's view. See include/redress/compose.h. */
#include <ctype.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "model_int.h"
#include "redress/agenda.h"
#include "redress/compose.h"
#include "redress/mustache.h"
#include "redress/settings.h"
#include "redress/time.h"
#include "util/buf.h"

static const char *keep(struct rd_check_context *c, const char *s)
{
	if (!s)
		return NULL;
	char **p = realloc(c->strings, (c->nstrings + 1) * sizeof *p);
	if (!p)
		return NULL;
	c->strings = p;
	char *d = strdup(s);
	if (d)
		c->strings[c->nstrings++] = d;
	return d;
}

void rd_check_context_free(struct rd_check_context *c)
{
	free(c->prior);
	json_decref(c->extra_words);
	free(c->tz);
	free(c->client_name);
	free(c->kind);
	for (size_t i = 0; i < c->nstrings; i++)
		free(c->strings[i]);
	free(c->strings);
	memset(c, 0, sizeof *c);
}

/* The policy's word-list extensions as the checker's extra_words object. */
static json_t *policy_words(const struct rd_policy *p)
{
	json_t *o = json_object();
	const char *const *names = rd_policy_word_list_names(p);
	for (size_t i = 0; names && names[i]; i++) {
		json_t *arr = json_array();
		const char *const *w = rd_policy_word_list(p, names[i]);
		for (size_t k = 0; w && w[k]; k++)
			json_array_append_new(arr, json_string(w[k]));
		json_object_set_new(o, names[i], arr);
	}
	const char *const *jargon = rd_policy_jargon(p);
	if (jargon && jargon[0]) {
		json_t *arr = json_object_get(o, "jargon");
		if (!arr) {
			arr = json_array();
			json_object_set_new(o, "jargon", arr);
		}
		for (size_t k = 0; jargon[k]; k++)
			json_array_append_new(arr, json_string(jargon[k]));
	}
	return o;
}

static enum rd_err load_prior(struct rd_store *s, struct rd_check_context *c, int64_t fid, int64_t cid,
			      int64_t at)
{
	struct rd_stmt *st;
	enum rd_err rc = rd_store_prepare(s,
		"SELECT m.id, m.client_id, cl.name, m.at, m.fact_eta, m.fact_cause, m.fact_remedy, "
		"m.fact_amount_cents, m.fact_currency, " NOT_CORRECTED("eta", "?2") ", "
		NOT_CORRECTED("cause", "?2") ", " NOT_CORRECTED("amount", "?2") " "
		"FROM communications m JOIN clients cl ON cl.id = m.client_id "
		"WHERE m.failure_id = ?1 AND m.direction = 'out' AND m.at <= ?2 AND (m.fact_eta IS NOT NULL OR "
		"m.fact_cause IS NOT NULL OR m.fact_remedy IS NOT NULL OR m.fact_amount_cents IS NOT NULL) "
		"ORDER BY m.at, m.id", &st);
	if (rc)
		return rc;
	rd_stmt_bind_int(st, 1, fid);
	rd_stmt_bind_int(st, 2, at);
	bool row;
	size_t cap = 0;
	/* Only the newest ETA told to this client is in force; a later revision
	 * supersedes it. A fact put right by a correction to its client since
	 * (NOT_CORRECTED, columns 9-11) counts for no one: a client that was
	 * corrected no longer holds it. */
	long eta_idx = -1;
	while ((rc = rd_stmt_step(st, &row)) == RD_OK && row) {
		if (c->n_prior == cap) {
			cap = cap ? cap * 2 : 16;
			struct rd_prior_fact *p = realloc(c->prior, cap * sizeof *p);
			if (!p) {
				rc = RD_ENOMEM;
				break;
			}
			c->prior = p;
		}
		struct rd_prior_fact *f = &c->prior[c->n_prior];
		memset(f, 0, sizeof *f);
		f->comm_id = rd_stmt_col_int(st, 0);
		f->same_client = rd_stmt_col_int(st, 1) == cid;
		f->client_name = keep(c, rd_stmt_col_text(st, 2));
		f->at = rd_stmt_col_int(st, 3);
		if (!rd_stmt_col_null(st, 4) && f->same_client && rd_stmt_col_int(st, 9)) {
			if (eta_idx >= 0)
				c->prior[eta_idx].has_eta = false;
			f->has_eta = true;
			f->eta = rd_stmt_col_int(st, 4);
			eta_idx = (long)c->n_prior;
		}
		if (rd_stmt_col_int(st, 10))
			f->cause = keep(c, rd_stmt_col_text(st, 5));
		f->remedy = keep(c, rd_stmt_col_text(st, 6));
		if (!rd_stmt_col_null(st, 7) && f->same_client && rd_stmt_col_int(st, 11)) {
			f->has_amount = true;
			f->amount_cents = rd_stmt_col_int(st, 7);
			f->currency = keep(c, rd_stmt_col_text(st, 8));
		}
		c->n_prior++;
	}
	rd_stmt_free(st);
	if (rc || eta_idx < 0)
		return rc;
	int64_t rev_eta, rev_at;
	/* No revision (RD_ENOTFOUND) leaves the stated ETA; a database error
	 * is one. */
	rc = rd_store_exec(s, &rev_at, "SELECT max(at) FROM eta_revisions WHERE failure_id = ?1 AND "
			   "(client_id IS NULL OR client_id = ?2) AND at <= ?3 HAVING count(*) > 0", "iii",
			   fid, cid, at);
	if (rc == RD_OK && rev_at >= c->prior[eta_idx].at) {
		rc = rd_store_exec(s, &rev_eta, "SELECT eta FROM eta_revisions WHERE failure_id = ?1 AND "
				   "(client_id IS NULL OR client_id = ?2) AND at = ?3 ORDER BY id DESC LIMIT 1",
				   "iii", fid, cid, rev_at);
		if (rc == RD_OK)
			c->prior[eta_idx].eta = rev_eta;
	}
	return rc == RD_ENOTFOUND ? RD_OK : rc;
}

enum rd_err rd_check_context_build(struct rd_store *s, const char *kind, int64_t failure_id,
				   int64_t client_id, int64_t at, struct rd_check_context *c,
				   char **errmsg)
{
	memset(c, 0, sizeof *c);
	const struct rd_policy *p = NULL;
	enum rd_err rc = rd_policy_in_force(&p, errmsg);
	if (rc)
		return rc;
	c->kind = strdup(kind ? kind : "other");
	c->opts.kind = c->kind;
	c->opts.now = at;
	c->opts.required_elements = rd_policy_required_elements(p, c->kind);
	c->extra_words = policy_words(p);
	c->opts.extra_words = c->extra_words;
	if (client_id) {
		struct rd_stmt *st;
		if ((rc = rd_store_prepare(s, "SELECT tz, name FROM clients WHERE id = ?1", &st)))
			return rd_fail(RD_EDB, errmsg, "reading client: %s", rd_store_errmsg(s));
		rd_stmt_bind_int(st, 1, client_id);
		bool row = false;
		if ((rc = rd_stmt_step(st, &row)) == RD_OK && row) {
			c->tz = strdup(rd_stmt_col_text(st, 0));
			c->client_name = strdup(rd_stmt_col_text(st, 1));
		}
		rd_stmt_free(st);
		if (rc)
			return rd_fail(RD_EDB, errmsg, "reading client: %s", rd_store_errmsg(s));
		if (!row)
			return rd_fail(RD_ENOTFOUND, errmsg, "no client with id %" PRId64, client_id);
		c->opts.tz = c->tz;
		c->opts.client_name = c->client_name;
	}
	if (failure_id && client_id) {
		int64_t n = 0;
		if ((rc = rd_store_exec(s, &n, "SELECT count(*) FROM goodwill WHERE failure_id = ?1 AND "
					"client_id = ?2 AND status <> 'declined'", "ii", failure_id, client_id)))
			return rd_fail(RD_EDB, errmsg, "reading goodwill: %s", rd_store_errmsg(s));
		c->opts.repair_expected = n > 0;
		struct rd_clock_result r;
		rc = rd_track_compute(s, failure_id, client_id, at, &r, errmsg);
		if (rc == RD_OK) {
			/* The obligation this message would meet: the earliest unmet
			 * one of its kind. Late if already overdue now. */
			for (size_t i = 0; i < r.n; i++) {
				const struct rd_obligation *o = &r.obs[i];
				if (strcmp(o->kind, c->kind) || o->met_by || o->state == RD_OB_WAIVED ||
				    o->opens_at > at)
					continue;
				c->opts.late = o->state == RD_OB_OVERDUE;
				c->opts.due_at = o->due_at;
				break;
			}
		}
		rd_clock_result_free(&r);
		if (rc)
			return rc;
		if ((rc = load_prior(s, c, failure_id, client_id, at)))
			return rd_fail(RD_EDB, errmsg, "reading what was told before: %s", rd_store_errmsg(s));
		c->opts.prior = c->prior;
		c->opts.n_prior = c->n_prior;
	}
	return RD_OK;
}

/* ---- the draft view ---- */

/* "Tuesday 24 November 2026, 17:00 CET" in zone TZ: the form the checker
 * reads back (docs/internals/mustache.md). */
static json_t *local_text(int64_t t, const char *tz)
{
	char buf[96];
	if (!t || rd_time_strftime(t, tz && *tz ? tz : "UTC", "%A %-d %B %Y, %H:%M %Z", buf, sizeof buf))
		return json_null();
	return json_string(buf);
}

/* The first row of SQL as an object of its columns (text), binding A to ?1
 * and, when NPARAMS is 2, B to ?2; NULL when there is no row. */
static json_t *one_row(struct rd_store *s, const char *sql, int nparams, int64_t a, int64_t b)
{
	struct rd_stmt *st;
	if (rd_store_prepare(s, sql, &st))
		return NULL;
	rd_stmt_bind_int(st, 1, a);
	if (nparams == 2)
		rd_stmt_bind_int(st, 2, b);
	bool row = false;
	json_t *o = NULL;
	if (rd_stmt_step(st, &row) == RD_OK && row) {
		o = json_object();
		for (int i = 0; i < rd_stmt_ncols(st); i++) {
			const char *v = rd_stmt_col_text(st, i);
			json_object_set_new(o, rd_stmt_col_name(st, i), v ? json_string(v) : json_null());
		}
	}
	rd_stmt_free(st);
	return o;
}

/* The first sentence of TEXT, without its full stop, lower-cased first
 * letter, for "the … it caused you". */
static json_t *first_sentence(const char *text)
{
	if (!text || !*text)
		return json_null();
	size_t n = strcspn(text, ".;\n");
	char *t = strndup(text, n);
	json_t *j = json_string(t);
	free(t);
	return j ? j : json_null();
}

enum rd_err rd_draft_view(struct rd_store *s, int64_t fid, int64_t cid, int64_t at, int64_t sender_id,
			  const char *base_url, json_t **out, char **errmsg)
{
	json_t *v = json_object();
	json_t *client = one_row(s, "SELECT name, tier, tz, currency FROM clients WHERE id = ?1", 1, cid, 0);
	json_t *failure = one_row(s, "SELECT id, title, severity, detected_at, started_at, resolved_at "
				  "FROM failures WHERE id = ?1", 1, fid, 0);
	if (!client || !failure) {
		json_decref(client);
		json_decref(failure);
		json_decref(v);
		return rd_fail(RD_ENOTFOUND, errmsg, "no such %s", client ? "failure" : "client");
	}
	const char *tz = json_string_value(json_object_get(client, "tz"));
	char *tzc = strdup(tz ? tz : "UTC");
	int64_t detected = strtoll(json_string_value(json_object_get(failure, "detected_at")), NULL, 10);
	json_object_set_new(failure, "detected_local", local_text(detected, tzc));
	const char *started = json_string_value(json_object_get(failure, "started_at"));
	/* When the start is unknown, the first we knew of it is the honest date. */
	json_object_set_new(failure, "started_local",
			    local_text(started ? strtoll(started, NULL, 10) : detected, tzc));
	json_object_set_new(v, "client", client);
	json_object_set_new(v, "failure", failure);
	json_t *contact = one_row(s, "SELECT name, email, role FROM contacts WHERE client_id = ?1 "
				  "ORDER BY (role LIKE '%sponsor%') DESC, id LIMIT 1", 1, cid, 0);
	json_object_set_new(v, "contact", contact ? contact : json_null());
	json_t *impact = one_row(s, "SELECT operational, financial_cents, data, reputational, point_person_id "
				 "FROM impacts WHERE failure_id = ?1 AND client_id = ?2", 2, fid, cid);
	if (impact) {
		json_object_set_new(impact, "summary", first_sentence(json_string_value(json_object_get(impact,
											"operational"))));
		const char *fc = json_string_value(json_object_get(impact, "financial_cents"));
		if (fc) {
			char buf[48];
			json_object_set_new(impact, "financial", json_string(rd_money_text(strtoll(fc, NULL, 10),
				json_string_value(json_object_get(client, "currency")), buf)));
		}
		const char *pp = json_string_value(json_object_get(impact, "point_person_id"));
		json_t *person = pp ? one_row(s, "SELECT name, email FROM users WHERE id = ?1", 1, strtoll(pp, NULL, 10), 0) : NULL;
		if (!person)
			person = one_row(s, "SELECT u.name, u.email FROM clients c JOIN users u ON u.id = c.owner_id "
					 "WHERE c.id = ?1", 1, cid, 0);
		json_object_set_new(v, "point_person", person ? person : json_null());
	}
	json_object_set_new(v, "impact", impact ? impact : json_null());
	json_t *rca = one_row(s, "SELECT client_explanation, category FROM rcas WHERE failure_id = ?1", 1, fid, 0);
	json_object_set_new(v, "rca", rca ? rca : json_null());

	/* The plan: actions for everyone and for this client, prevention. */
	json_t *plan = json_object(), *actions = json_array();
	struct rd_buf prevention = RD_BUF_INIT;
	struct rd_stmt *st;
	if (rd_store_prepare(s, "SELECT kind, description, due_at, success_criterion FROM plan_actions "
			     "WHERE failure_id = ?1 AND (client_id IS NULL OR client_id = ?2) AND status <> "
			     "'dropped' ORDER BY due_at, id", &st) == RD_OK) {
		bool row;
		rd_stmt_bind_int(st, 1, fid);
		rd_stmt_bind_int(st, 2, cid);
		while (rd_stmt_step(st, &row) == RD_OK && row) {
			const char *kind = rd_stmt_col_text(st, 0), *desc = rd_stmt_col_text(st, 1);
			json_t *a = json_pack("{ss ss so}", "kind", kind, "description", desc, "due_local",
					      rd_stmt_col_null(st, 2) ? json_null()
								      : local_text(rd_stmt_col_int(st, 2), tzc));
			/* It completes "we will know it worked when …". */
			const char *sc = rd_stmt_col_text(st, 3);
			if (sc && *sc) {
				char *low = strdup(sc);
				if (low && isupper((unsigned char)low[0]) && !isupper((unsigned char)low[1]))
					low[0] = (char)tolower((unsigned char)low[0]);
				json_object_set_new(a, "success_criterion", json_string(low ? low : sc));
				free(low);
			} else {
				json_object_set_new(a, "success_criterion", json_null());
			}
			json_array_append_new(actions, a);
			if (strcmp(kind, "preventive") == 0)
				rd_buf_addf(&prevention, "%s%c%s", prevention.len ? "; " : "",
					    tolower((unsigned char)desc[0]), desc + 1);
		}
		rd_stmt_free(st);
	}
	json_object_set_new(plan, "actions", actions);
	json_object_set_new(plan, "prevention", prevention.len ? json_string(prevention.data) : json_null());
	rd_buf_free(&prevention);
	json_t *history = json_array();
	int64_t eta = 0;
	if (rd_store_prepare(s, "SELECT eta, reason FROM eta_revisions WHERE failure_id = ?1 AND "
			     "(client_id IS NULL OR client_id = ?2) AND at <= ?3 ORDER BY at, id", &st) == RD_OK) {
		bool row;
		rd_stmt_bind_int(st, 1, fid);
		rd_stmt_bind_int(st, 2, cid);
		rd_stmt_bind_int(st, 3, at);
		while (rd_stmt_step(st, &row) == RD_OK && row) {
			eta = rd_stmt_col_int(st, 0);
			const char *reason = rd_stmt_col_text(st, 1);
			json_array_append_new(history, json_pack("{so ss}", "eta_local", local_text(eta, tzc),
								 "reason", reason ? reason : ""));
		}
		rd_stmt_free(st);
	}
	json_object_set_new(plan, "eta_local", eta ? local_text(eta, tzc) : json_null());
	json_object_set_new(v, "plan", plan);
	json_object_set_new(v, "eta_history", history);
	json_t *gw = one_row(s, "SELECT kind, amount_cents, currency FROM goodwill WHERE failure_id = ?1 AND "
			     "client_id = ?2 AND status IN ('approved', 'delivered') ORDER BY id DESC LIMIT 1", 2, fid, cid);
	if (gw) {
		char buf[48];
		const char *cents = json_string_value(json_object_get(gw, "amount_cents"));
		/* The template writes the currency itself: "EUR {{amount}}". */
		const char *text = rd_money_text(cents ? strtoll(cents, NULL, 10) : 0,
						 json_string_value(json_object_get(gw, "currency")), buf);
		const char *space = strchr(text, ' ');
		json_object_set_new(gw, "amount", json_string(space ? space + 1 : text));
		json_object_set_new(gw, "kind", json_string(strcmp(json_string_value(json_object_get(gw, "kind")),
			"free_service") == 0 ? "free service" : json_string_value(json_object_get(gw, "kind"))));
	}
	json_object_set_new(v, "goodwill", gw ? gw : json_null());

	/* The next update we owe: the earliest pending obligation after now. */
	struct rd_clock_result r;
	int64_t next = 0;
	if (rd_track_compute(s, fid, cid, at, &r, NULL) == RD_OK) {
		for (size_t i = 0; i < r.n; i++)
			if (!r.obs[i].met_by && r.obs[i].state == RD_OB_PENDING && r.obs[i].due_at > at &&
			    (!next || r.obs[i].due_at < next))
				next = r.obs[i].due_at;
	}
	rd_clock_result_free(&r);
	if (!next)
		next = at + 86400;
	json_object_set_new(v, "next_update_local", local_text(next, tzc));
	json_object_set_new(v, "now_local", local_text(at, tzc));
	/* The survey is answered in the client portal, on the address the
	 * caller says users reach (redress/settings.h). */
	char url[512];
	snprintf(url, sizeof url, "%s/portal/failures/%" PRId64, base_url ? base_url : RD_BASE_URL_DEFAULT, fid);
	json_object_set_new(v, "survey_url", json_string(url));
	json_t *sender = sender_id ? one_row(s, "SELECT name, email FROM users WHERE id = ?1", 1, sender_id, 0) : NULL;
	if (!sender)
		sender = json_incref(json_object_get(v, "point_person"));
	json_object_set_new(v, "sender", sender ? sender : json_null());
	free(tzc);
	*out = v;
	return RD_OK;
}

static void slug(const char *name, char *out, size_t n)
{
	size_t k = 0;
	bool dash = false;
	for (const char *p = name; *p && k + 1 < n; p++) {
		if (isalnum((unsigned char)*p)) {
			out[k++] = (char)tolower((unsigned char)*p);
			dash = false;
		} else if (!dash && k > 0) {
			out[k++] = '-';
			dash = true;
		}
	}
	while (k > 0 && out[k - 1] == '-')
		k--;
	out[k] = '\0';
}

enum rd_err rd_draft(struct rd_store *s, const char *kind, int64_t fid, int64_t cid, int64_t at,
		     int64_t sender_id, const char *base_url, char **text, struct rd_check_result **result, char **errmsg)
{
	json_t *view = NULL;
	char *tmpl = NULL;
	struct rd_check_context ctx = {0};
	*text = NULL;
	*result = NULL;
	int64_t affected = 0;
	enum rd_err rc = rd_store_exec(s, &affected, "SELECT count(*) FROM impacts WHERE failure_id = ?1 AND "
				       "client_id = ?2 AND affected <> 'no'", "ii", fid, cid);
	if (rc == RD_OK && !affected)
		rc = rd_fail(RD_EINVAL, errmsg, "that client is not affected by failure #%" PRId64
			     " (record the impact first: redress impact set)", fid);
	if (rc == RD_OK)
		rc = rd_draft_view(s, fid, cid, at, sender_id, base_url, &view, errmsg);
	if (rc)
		goto out;
	char cslug[128];
	slug(json_string_value(json_object_get(json_object_get(view, "client"), "name")), cslug, sizeof cslug);
	const char *tier = json_string_value(json_object_get(json_object_get(view, "client"), "tier"));
	if ((rc = rd_template_load(kind, tier, cslug[0] ? cslug : NULL, &tmpl, errmsg)))
		goto out;
	if ((rc = rd_mustache_render_ex(tmpl, strlen(tmpl), view, rd_template_partial, NULL,
					RD_MUSTACHE_NO_ESCAPE, text, errmsg)))
		goto out;
	if ((rc = rd_check_context_build(s, kind, fid, cid, at, &ctx, errmsg)))
		goto out;
	rc = rd_check(*text, strlen(*text), &ctx.opts, result, errmsg);
out:
	if (rc) {
		free(*text);
		*text = NULL;
	}
	rd_check_context_free(&ctx);
	json_decref(view);
	free(tmpl);
	return rc;
}
