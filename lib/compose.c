/* compose.c — the stored narrative as the checker's context, and the model
 * as a message template's view. See include/redress/compose.h. */
#include <ctype.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "model_int.h"
#include "redress/agenda.h"
#include "redress/comm_kind.h"
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
				if (strcmp(o->kind, c->kind) || o->met_by || o->state == RD_OB_WAIVED || o->state == RD_OB_NOT_APPLICABLE ||
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

/* The languages drafts are written in; the first is the default. */
static const char *const draft_langs[] = {"en", "de", "fr", NULL};

bool rd_draft_lang_valid(const char *lang)
{
	for (size_t i = 0; lang && draft_langs[i]; i++)
		if (!strcmp(lang, draft_langs[i]))
			return true;
	return false;
}

/* An instant in zone TZ as LANG writes it. English: "Tuesday 24 November
 * 2026, 17:00 CET", the form the checker reads back
 * (docs/internals/mustache.md); other languages through ICU
 * (rd_time_format_lang). */
static json_t *local_text(int64_t t, const char *tz, const char *lang)
{
	char buf[128];
	tz = tz && *tz ? tz : "UTC";
	if (!t)
		return json_null();
	if (lang && strcmp(lang, "en")) {
		if (rd_time_format_lang(t, tz, lang, buf, sizeof buf))
			return json_null();
	} else if (rd_time_strftime(t, tz, "%A %-d %B %Y, %H:%M %Z", buf, sizeof buf)) {
		return json_null();
	}
	return json_string(buf);
}

/* An amount as LANG writes it: English "EUR 4,500.00" (what the checker
 * compares amounts in), else ICU's "4.500,00 €". */
static json_t *money_text(int64_t cents, const char *currency, const char *lang)
{
	char buf[64];
	if (lang && strcmp(lang, "en") && rd_money_format_lang(cents, currency, lang, buf, sizeof buf) == RD_OK)
		return json_string(buf);
	return json_string(rd_money_text(cents, currency, buf));
}

/* The first row of SQL as an object of its columns (text) in *OUT, binding
 * A to ?1 and, when NPARAMS is 2, B to ?2; *OUT is NULL when there is no
 * row. A failed statement is the result (rd_store_errmsg says why), never
 * "no row": a draft must not leave out what it could not read. */
static enum rd_err one_row(struct rd_store *s, json_t **out, const char *sql, int nparams, int64_t a, int64_t b)
{
	struct rd_stmt *st;
	*out = NULL;
	enum rd_err rc = rd_store_prepare(s, sql, &st);
	if (rc)
		return rc;
	rd_stmt_bind_int(st, 1, a);
	if (nparams == 2)
		rd_stmt_bind_int(st, 2, b);
	bool row = false;
	if ((rc = rd_stmt_step(st, &row)) == RD_OK && row) {
		json_t *o = json_object();
		for (int i = 0; i < rd_stmt_ncols(st); i++) {
			const char *v = rd_stmt_col_text(st, i);
			json_object_set_new(o, rd_stmt_col_name(st, i), v ? json_string(v) : json_null());
		}
		*out = o;
	}
	rd_stmt_free(st);
	return rc;
}

/* TEXT with its first letter lower-cased when it is an ordinary
 * capitalised word ("About 2,300 …" → "about 2,300 …"; "API …" stays), to
 * continue a sentence; German text stays as written (its nouns are
 * capitalised). */
static json_t *lower_first(const char *text, const char *lang)
{
	if (!text || !*text)
		return json_null();
	if (lang && !strcmp(lang, "de"))
		return json_string(text);
	char *low = strdup(text);
	if (!low)
		return json_null();
	if (isupper((unsigned char)low[0]) && low[1] && !isupper((unsigned char)low[1]))
		low[0] = (char)tolower((unsigned char)low[0]);
	json_t *j = json_string(low);
	free(low);
	return j ? j : json_null();
}

/* The first sentence of TEXT, without its full stop, first letter
 * lower-cased, to follow "what this meant for you: …". */
static json_t *first_sentence(const char *text, const char *lang)
{
	if (!text || !*text)
		return json_null();
	size_t n = strcspn(text, ".;\n");
	char *t = strndup(text, n);
	json_t *j = lower_first(t, lang);
	free(t);
	return j;
}

/* Words that make a failure title a noun phrase ("Payments API outage"). */
static const char *const incident_nouns[] = {"outage", "outages", "incident", "failure", "failures",
	"error", "errors", "delay", "delays", "disruption", "problem", "problems", "issue", "issues",
	"breach", "slowdown", "downtime", "bug", NULL};

/* The failure named as a noun phrase, never its title as a sentence: the
 * title up to its first incident noun ("Payments API outage: card
 * authorisations failing" → "the Payments API outage"), else the first
 * service ("the Reporting incident"), else "this incident". Other languages
 * name the service: "die Störung bei Reporting", "l'incident sur le service
 * Reporting"; DATIVE gives German's dative and genitive ("der Störung bei
 * Reporting": "zu der …", "die Behebung der …"), the same phrase elsewhere. */
static json_t *failure_subject(const char *title, const char *service, const char *lang, bool dative)
{
	char buf[256];
	if (lang && !strcmp(lang, "de")) {
		if (dative)
			snprintf(buf, sizeof buf, service ? "der Störung bei %s" : "dieser Störung", service);
		else
			snprintf(buf, sizeof buf, service ? "die Störung bei %s" : "diese Störung", service);
		return json_string(buf);
	}
	if (lang && !strcmp(lang, "fr")) {
		snprintf(buf, sizeof buf, service ? "l'incident sur le service %s" : "cet incident", service);
		return json_string(buf);
	}
	size_t head = title ? strcspn(title, ":;.(") : 0;
	for (size_t i = 0; i < head;) {
		while (i < head && title[i] == ' ')
			i++;
		size_t w = i;
		while (i < head && title[i] != ' ')
			i++;
		for (size_t k = 0; incident_nouns[k] && i > w; k++) {
			if (strlen(incident_nouns[k]) == i - w && !strncasecmp(title + w, incident_nouns[k], i - w)) {
				snprintf(buf, sizeof buf, "the %.*s", (int)i, title);
				return json_string(buf);
			}
		}
	}
	if (service) {
		snprintf(buf, sizeof buf, "the %s incident", service);
		return json_string(buf);
	}
	return json_string("this incident");
}

/* The staff user who signs: name, title, e-mail, phone in *OUT; NULL for
 * none. */
static enum rd_err person(struct rd_store *s, int64_t id, json_t **out)
{
	*out = NULL;
	return id ? one_row(s, out, "SELECT name, title, email, phone FROM users WHERE id = ?1", 1, id, 0) : RD_OK;
}

enum rd_err rd_draft_view(struct rd_store *s, int64_t fid, int64_t cid, int64_t at, int64_t sender_id,
			  const char *base_url, json_t **out, char **errmsg)
{
	return rd_draft_view_lang(s, fid, cid, at, sender_id, base_url, NULL, out, errmsg);
}

enum rd_err rd_draft_view_lang(struct rd_store *s, int64_t fid, int64_t cid, int64_t at, int64_t sender_id,
			       const char *base_url, const char *lang_in, json_t **out, char **errmsg)
{
	*out = NULL;
	if (lang_in && !rd_draft_lang_valid(lang_in))
		return rd_fail(RD_EINVAL, errmsg, "unknown language '%s' (accepted: en, de, fr)", lang_in);
	/* Every read below may fail: the draft is then refused with the
	 * database's error, never written without what could not be read (an
	 * apology that says "I do not yet know what it cost your team" because
	 * the impact's read failed, a plan without its actions). */
	json_t *v = json_object(), *client = NULL, *failure = NULL, *o = NULL;
	char *tzc = NULL, *reason_copy = NULL;
	struct rd_stmt *st = NULL;
	struct rd_buf prevention = RD_BUF_INIT;
	const char *what = "the client";
	enum rd_err rc = one_row(s, &client, "SELECT name, tier, tz, currency, language FROM clients WHERE id = ?1",
				 1, cid, 0);
	if (rc)
		goto db_fail;
	what = "the failure";
	if ((rc = one_row(s, &failure, "SELECT id, title, severity, status, detected_at, started_at, resolved_at "
			  "FROM failures WHERE id = ?1", 1, fid, 0))) {
		json_decref(client);
		goto db_fail;
	}
	if (!client || !failure) {
		json_decref(client);
		json_decref(failure);
		json_decref(v);
		return rd_fail(RD_ENOTFOUND, errmsg, "no such %s", client ? "failure" : "client");
	}
	json_object_set_new(v, "client", client);
	json_object_set_new(v, "failure", failure);
	const char *stored_lang = json_string_value(json_object_get(client, "language"));
	char lang[4];
	snprintf(lang, sizeof lang, "%s", lang_in ? lang_in : rd_draft_lang_valid(stored_lang) ? stored_lang : "en");
	json_object_set_new(v, "lang", json_string(lang));
	const char *tz = json_string_value(json_object_get(client, "tz"));
	tzc = strdup(tz ? tz : "UTC");
	if (!tzc) {
		rc = rd_fail(RD_ENOMEM, errmsg, "out of memory");
		goto out;
	}
	int64_t detected = strtoll(json_string_value(json_object_get(failure, "detected_at")), NULL, 10);
	json_object_set_new(failure, "detected_local", local_text(detected, tzc, lang));
	const char *started = json_string_value(json_object_get(failure, "started_at"));
	/* When the start is unknown, the first we knew of it is the honest date. */
	json_object_set_new(failure, "started_local",
			    local_text(started ? strtoll(started, NULL, 10) : detected, tzc, lang));
	const char *status = json_string_value(json_object_get(failure, "status"));
	bool resolved = status && (!strcmp(status, "resolved") || !strcmp(status, "closed"));
	json_object_set_new(failure, "resolved", json_boolean(resolved));
	const char *resolved_at = json_string_value(json_object_get(failure, "resolved_at"));
	json_object_set_new(failure, "resolved_local",
			    resolved && resolved_at ? local_text(strtoll(resolved_at, NULL, 10), tzc, lang) : json_null());
	what = "the failure's service";
	if ((rc = one_row(s, &o, "SELECT sv.name FROM failure_services fs JOIN services sv ON sv.id = fs.service_id "
			  "WHERE fs.failure_id = ?1 ORDER BY sv.name LIMIT 1", 1, fid, 0)))
		goto db_fail;
	for (int dative = 0; dative < 2; dative++)
		json_object_set_new(failure, dative ? "subject_dative" : "subject",
				    failure_subject(json_string_value(json_object_get(failure, "title")),
						    o ? json_string_value(json_object_get(o, "name")) : NULL, lang,
						    dative));
	json_decref(o);
	what = "the client's contact";
	if ((rc = one_row(s, &o, "SELECT name, email, role FROM contacts WHERE client_id = ?1 "
			  "ORDER BY CASE WHEN lower(role) LIKE '%sponsor%' THEN 0 WHEN role IS NULL THEN 2 ELSE 1 END, "
			  "id LIMIT 1", 1, cid, 0)))
		goto db_fail;
	json_object_set_new(v, "contact", o ? o : json_null());
	json_t *impact = NULL;
	what = "the impact";
	if ((rc = one_row(s, &impact, "SELECT operational, financial_cents, data, reputational, point_person_id "
			  "FROM impacts WHERE failure_id = ?1 AND client_id = ?2", 2, fid, cid)))
		goto db_fail;
	json_object_set_new(v, "impact", impact ? impact : json_null());
	/* Who signs: the impact's point person, else the client's owner, else
	 * whoever drafts. */
	json_t *signer = NULL;
	what = "who signs";
	if (impact) {
		json_object_set_new(impact, "summary", first_sentence(json_string_value(json_object_get(impact,
											"operational")), lang));
		const char *fc = json_string_value(json_object_get(impact, "financial_cents"));
		if (fc)
			json_object_set_new(impact, "financial",
					    money_text(strtoll(fc, NULL, 10),
						       json_string_value(json_object_get(client, "currency")), lang));
		/* "recorded": something is known about what it cost them */
		bool recorded = !json_is_null(json_object_get(impact, "summary")) || fc;
		json_object_set_new(impact, "recorded", json_boolean(recorded));
		const char *pp = json_string_value(json_object_get(impact, "point_person_id"));
		if (pp && (rc = person(s, strtoll(pp, NULL, 10), &signer)))
			goto db_fail;
	}
	if (!signer) {
		int64_t owner = 0;
		rc = rd_store_exec(s, &owner, "SELECT owner_id FROM clients WHERE id = ?1 AND owner_id IS NOT NULL",
				   "i", cid);
		if (rc == RD_OK)
			rc = person(s, owner, &signer);
		if (rc && rc != RD_ENOTFOUND)   /* no owner: not an error */
			goto db_fail;
	}
	if (!signer && (rc = person(s, sender_id, &signer)))
		goto db_fail;
	json_object_set_new(v, "point_person", signer ? signer : json_null());
	what = "the root cause";
	if ((rc = one_row(s, &o, "SELECT client_explanation, category FROM rcas WHERE failure_id = ?1", 1, fid, 0)))
		goto db_fail;
	json_object_set_new(v, "rca", o ? o : json_null());

	/* The plan: actions for everyone and for this client, prevention. */
	json_t *plan = json_object(), *actions = json_array();
	json_object_set_new(v, "plan", plan);
	json_object_set_new(plan, "actions", actions);
	bool row;
	what = "the plan";
	if ((rc = rd_store_prepare(s, "SELECT kind, description, due_at, success_criterion, status FROM plan_actions "
				   "WHERE failure_id = ?1 AND (client_id IS NULL OR client_id = ?2) AND status <> "
				   "'dropped' ORDER BY due_at NULLS FIRST, id", &st)))
		goto db_fail;
	rd_stmt_bind_int(st, 1, fid);
	rd_stmt_bind_int(st, 2, cid);
	while ((rc = rd_stmt_step(st, &row)) == RD_OK && row) {
		const char *kind = rd_stmt_col_text(st, 0), *desc = rd_stmt_col_text(st, 1);
		json_t *a = json_pack("{ss ss so sb}", "kind", kind, "description", desc, "due_local",
				      rd_stmt_col_null(st, 2) ? json_null() : local_text(rd_stmt_col_int(st, 2), tzc, lang),
				      "done", !strcmp(rd_stmt_col_text(st, 4), "done"));
		/* It completes "how we will know it worked: …". */
		const char *sc = rd_stmt_col_text(st, 3);
		json_object_set_new(a, "success_criterion", sc && *sc ? lower_first(sc, lang) : json_null());
		json_array_append_new(actions, a);
		if (strcmp(kind, "preventive") == 0)
			rd_buf_addf(&prevention, "%s%c%s", prevention.len ? "; " : "",
				    strcmp(lang, "de") ? tolower((unsigned char)desc[0]) : desc[0], desc + 1);
	}
	rd_stmt_free(st);
	st = NULL;
	if (rc)
		goto db_fail;
	json_object_set_new(plan, "has_actions", json_boolean(json_array_size(actions) > 0));
	json_object_set_new(plan, "prevention", prevention.len ? json_string(prevention.data) : json_null());
	json_t *history = json_array();
	json_object_set_new(v, "eta_history", history);
	int64_t eta = 0, prev_eta = 0;
	what = "the ETA";
	if ((rc = rd_store_prepare(s, "SELECT eta, reason FROM eta_revisions WHERE failure_id = ?1 AND "
				   "(client_id IS NULL OR client_id = ?2) AND at <= ?3 ORDER BY at, id", &st)))
		goto db_fail;
	rd_stmt_bind_int(st, 1, fid);
	rd_stmt_bind_int(st, 2, cid);
	rd_stmt_bind_int(st, 3, at);
	while ((rc = rd_stmt_step(st, &row)) == RD_OK && row) {
		prev_eta = eta;
		eta = rd_stmt_col_int(st, 0);
		const char *last_reason = rd_stmt_col_text(st, 1);
		free(reason_copy);
		reason_copy = last_reason ? strdup(last_reason) : NULL;
		json_array_append_new(history, json_pack("{so ss}", "eta_local", local_text(eta, tzc, lang), "reason",
							 last_reason ? last_reason : ""));
	}
	rd_stmt_free(st);
	st = NULL;
	if (rc)
		goto db_fail;
	json_object_set_new(plan, "eta_local", eta ? local_text(eta, tzc, lang) : json_null());
	json_object_set_new(plan, "has_eta", json_boolean(eta != 0));
	/* The latest revision against the one before it, for a delay notice:
	 * "we had told you …; the reason: …". */
	json_object_set_new(plan, "previous_eta_local", prev_eta ? local_text(prev_eta, tzc, lang) : json_null());
	json_object_set_new(plan, "eta_reason", prev_eta && reason_copy && *reason_copy ? lower_first(reason_copy, lang)
											   : json_null());
	json_t *gw = NULL;
	what = "goodwill";
	if ((rc = one_row(s, &gw, "SELECT kind, amount_cents, currency FROM goodwill WHERE failure_id = ?1 AND "
			  "client_id = ?2 AND status IN ('approved', 'delivered') ORDER BY id DESC LIMIT 1", 2, fid, cid)))
		goto db_fail;
	json_object_set_new(v, "goodwill", gw ? gw : json_null());
	if (gw) {
		char buf[48];
		const char *cents = json_string_value(json_object_get(gw, "amount_cents"));
		const char *cur = json_string_value(json_object_get(gw, "currency"));
		int64_t c = cents ? strtoll(cents, NULL, 10) : 0;
		/* English writes the currency itself: "EUR {{amount}}"; the
		 * other languages take the whole amount from "money". */
		const char *text = rd_money_text(c, cur, buf);
		const char *space = strchr(text, ' ');
		json_object_set_new(gw, "amount", json_string(space ? space + 1 : text));
		json_object_set_new(gw, "money", money_text(c, cur, lang));
		json_object_set_new(gw, "kind", json_string(strcmp(json_string_value(json_object_get(gw, "kind")),
			"free_service") == 0 ? "free service" : json_string_value(json_object_get(gw, "kind"))));
	}
	/* Goodwill proposed but not yet approved: the draft may say we are
	 * agreeing it, never name an amount nobody approved. */
	int64_t pending = 0;
	if (!gw && (rc = rd_store_exec(s, &pending, "SELECT count(*) FROM goodwill WHERE failure_id = ?1 AND "
				       "client_id = ?2 AND status = 'proposed'", "ii", fid, cid)))
		goto db_fail;
	json_object_set_new(v, "goodwill_pending", json_boolean(pending > 0));

	/* The next update we owe: the earliest pending obligation after now. */
	struct rd_clock_result r;
	int64_t next = 0;
	if ((rc = rd_track_compute(s, fid, cid, at, &r, errmsg))) {
		rd_clock_result_free(&r);
		goto out;
	}
	for (size_t i = 0; i < r.n; i++)
		if (!r.obs[i].met_by && r.obs[i].state == RD_OB_PENDING && r.obs[i].due_at > at &&
		    (!next || r.obs[i].due_at < next))
			next = r.obs[i].due_at;
	rd_clock_result_free(&r);
	if (!next)
		next = at + 86400;
	json_object_set_new(v, "next_update_local", local_text(next, tzc, lang));
	json_object_set_new(v, "now_local", local_text(at, tzc, lang));
	/* The survey is answered in the client portal, on the address the
	 * caller says users reach (redress/settings.h). */
	char url[512];
	snprintf(url, sizeof url, "%s/portal/failures/%" PRId64, base_url ? base_url : RD_BASE_URL_DEFAULT, fid);
	json_object_set_new(v, "survey_url", json_string(url));
	json_t *sender = NULL;
	what = "who drafts";
	if ((rc = person(s, sender_id, &sender)))
		goto db_fail;
	if (!sender)
		sender = json_incref(json_object_get(v, "point_person"));
	json_object_set_new(v, "sender", sender ? sender : json_null());
	*out = v;
	v = NULL;
	goto out;
db_fail:
	rc = rd_fail(rc == RD_EBUSY ? RD_EBUSY : RD_EDB, errmsg, "reading %s for the draft: %s", what,
		     rd_store_errmsg(s));
out:
	rd_stmt_free(st);
	rd_buf_free(&prevention);
	free(reason_copy);
	free(tzc);
	json_decref(v);
	return rc;
}

/* What a kind of draft needs before it can be written honestly, one row
 * per kind with a need (the others need nothing). A draft that would have
 * to claim what is not so ("is resolved" of an open failure, a progress
 * update after the fix) is refused with what to do instead. */
enum {
	NEED_OPEN = RD_DRAFT_NEEDS_OPEN, NEED_RESOLVED = RD_DRAFT_NEEDS_RESOLVED, NEED_RCA = RD_DRAFT_NEEDS_RCA,
	NEED_PLAN = RD_DRAFT_NEEDS_PLAN, NEED_ETA_REVISION = RD_DRAFT_NEEDS_ETA_REVISION,
	NEED_ETA = RD_DRAFT_NEEDS_ETA, NEED_FACT = RD_DRAFT_NEEDS_FACT,
};

static enum rd_err draft_allowed(const char *kind, json_t *view, int64_t fid, char **errmsg)
{
	const struct rd_comm_kind_info *k = rd_comm_kind_find(kind);
	unsigned needs = k ? k->draft_needs : 0;
	json_t *plan = json_object_get(view, "plan");
	bool resolved = json_is_true(json_object_get(json_object_get(view, "failure"), "resolved"));
	const char *why = json_string_value(json_object_get(json_object_get(view, "rca"), "client_explanation"));
	bool has_rca = why && *why;
	bool has_eta = json_is_true(json_object_get(plan, "has_eta"));
	if ((needs & NEED_OPEN) && resolved)
		return rd_fail(RD_EINVAL, errmsg, "failure #%" PRId64 " is resolved: a %s draft is for a failure "
			       "still being fixed (draft a resolution or follow_up instead)", fid, kind);
	if ((needs & NEED_RESOLVED) && !resolved)
		return rd_fail(RD_EINVAL, errmsg, "failure #%" PRId64 " is not resolved yet: a %s draft is for "
			       "after the fix (resolve it first: redress failure resolve %" PRId64 ")", fid, kind, fid);
	if ((needs & NEED_RCA) && !has_rca)
		return rd_fail(RD_EINVAL, errmsg, "failure #%" PRId64 " has no client-facing root cause yet: "
			       "record it first (redress rca set %" PRId64 " --client-explanation TEXT)", fid, fid);
	if ((needs & NEED_PLAN) && !json_array_size(json_object_get(plan, "actions")))
		return rd_fail(RD_EINVAL, errmsg, "failure #%" PRId64 " has no recovery plan yet: add its actions "
			       "first (redress plan add)", fid);
	if ((needs & NEED_FACT) && !has_rca && !has_eta && !resolved)
		return rd_fail(RD_EINVAL, errmsg, "failure #%" PRId64 " has nothing recorded to correct with: a "
			       "correction states the right facts; record the root cause (redress rca set) or an ETA "
			       "(redress eta set) first", fid);
	if ((needs & NEED_ETA) && !has_eta)
		return rd_fail(RD_EINVAL, errmsg, "failure #%" PRId64 " has no ETA: a %s update must say when the "
			       "fix is expected; set one first (redress eta set %" PRId64 " TIME --reason TEXT)", fid,
			       kind, fid);
	if ((needs & NEED_ETA_REVISION) && json_is_null(json_object_get(plan, "previous_eta_local")))
		return rd_fail(RD_EINVAL, errmsg, "the ETA of failure #%" PRId64 " has not moved: a delay notice "
			       "needs a revised ETA and its reason (redress eta set %" PRId64 " TIME --reason TEXT)",
			       fid, fid);
	return RD_OK;
}

enum rd_err rd_draft_kind_allowed(struct rd_store *s, const char *kind, int64_t fid, int64_t cid, int64_t at,
				  char **errmsg)
{
	json_t *view = NULL;
	enum rd_err rc = rd_draft_view(s, fid, cid, at, 0, NULL, &view, errmsg);
	if (rc == RD_OK)
		rc = draft_allowed(kind, view, fid, errmsg);
	json_decref(view);
	return rc;
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
	return rd_draft_lang(s, kind, fid, cid, at, sender_id, base_url, NULL, text, result, errmsg);
}

enum rd_err rd_draft_lang(struct rd_store *s, const char *kind, int64_t fid, int64_t cid, int64_t at,
			  int64_t sender_id, const char *base_url, const char *lang, char **text,
			  struct rd_check_result **result, char **errmsg)
{
	json_t *view = NULL;
	char *tmpl = NULL;
	struct rd_check_context ctx = {0};
	*text = NULL;
	*result = NULL;
	int64_t affected = 0;
	enum rd_err rc = rd_store_exec(s, &affected, "SELECT count(*) FROM impacts WHERE failure_id = ?1 AND "
				       "client_id = ?2 AND affected <> 'no'", "ii", fid, cid);
	if (rc)
		rc = rd_fail(rc == RD_EBUSY ? RD_EBUSY : RD_EDB, errmsg, "reading the impact for the draft: %s",
			     rd_store_errmsg(s));
	else if (!affected)
		rc = rd_fail(RD_EINVAL, errmsg, "that client is not affected by failure #%" PRId64
			     " (record the impact first: redress impact set)", fid);
	if (rc == RD_OK)
		rc = rd_draft_view_lang(s, fid, cid, at, sender_id, base_url, lang, &view, errmsg);
	if (rc == RD_OK)
		rc = draft_allowed(kind, view, fid, errmsg);
	if (rc)
		goto out;
	const char *vlang = json_string_value(json_object_get(view, "lang"));
	char cslug[128];
	slug(json_string_value(json_object_get(json_object_get(view, "client"), "name")), cslug, sizeof cslug);
	const char *tier = json_string_value(json_object_get(json_object_get(view, "client"), "tier"));
	if ((rc = rd_template_load_lang(kind, vlang, tier, cslug[0] ? cslug : NULL, &tmpl, errmsg)))
		goto out;
	/* The checker's context first: whether this message is late decides
	 * whether the template says so ({{#late}}). */
	if ((rc = rd_check_context_build(s, kind, fid, cid, at, &ctx, errmsg)))
		goto out;
	json_object_set_new(view, "late", json_boolean(ctx.opts.late));
	if ((rc = rd_mustache_render_ex(tmpl, strlen(tmpl), view, rd_template_partial_lang, (void *)vlang,
					RD_MUSTACHE_NO_ESCAPE, text, errmsg)))
		goto out;
	ctx.opts.lang = vlang;
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
