/* policy_dump.c — shows a loaded policy: as JSON for `policy show --json`
 * and the API, and as canonical YAML for `policy show`. Both list every
 * field, defaults included, so a user sees exactly what is in force; the
 * YAML re-parses to the same policy (tests/unit/clock/policy_test.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "redress/policy.h"
#include "clock/policy_int.h"
#include "util/buf.h"

/* 100000 -> "10", 5000 -> "0.5" (policy_int.h) */
const char *rd_e4_text(int64_t e4, char buf[32])
{
	long long ip = (long long)(e4 / 10000), fp = (long long)(e4 % 10000);
	if (!fp) {
		snprintf(buf, 32, "%lld", ip);
		return buf;
	}
	char frac[8];
	snprintf(frac, sizeof frac, "%04lld", fp);
	for (int i = 3; i > 0 && frac[i] == '0'; i--)
		frac[i] = '\0';
	snprintf(buf, 32, "%lld.%s", ip, frac);
	return buf;
}

static json_t *e4_json(int64_t e4)
{
	if (e4 % 10000 == 0)
		return json_integer(e4 / 10000);
	return json_real((double)e4 / 10000.0);
}

static json_t *dur_json(struct rd_duration d)
{
	char b[24];
	return json_string(rd_duration_format(d, b));
}

static json_t *channels_json(unsigned mask)
{
	if (mask == RD_CH_ANY)
		return json_string("any");
	json_t *a = json_array();
	for (unsigned bit = 1; a && bit < RD_CH_ANY; bit <<= 1)
		if (mask & bit)
			json_array_append_new(a, json_string(rd_channel_name(bit)));
	return a;
}

static json_t *strv_json(const char *const *sv)
{
	json_t *a = json_array();
	for (; a && sv && *sv; sv++)
		json_array_append_new(a, json_string(*sv));
	return a;
}

/* jansson's *_set_new consume their value and tolerate NULL (they fail),
 * so building can run straight through; we check the result once via
 * json_dumps-free validation at the end: a NULL anywhere means no memory. */
json_t *rd_policy_json(const struct rd_policy *p)
{
	json_t *o = json_object();
	if (!o)
		return NULL;
	int bad = 0;
#define SET(obj, k, v) (bad |= json_object_set_new((obj), (k), (v)))
	SET(o, "version", json_string(p->version));
	SET(o, "hash", json_string(p->hash));
	SET(o, "stamp", json_string(p->stamp));
	SET(o, "source", json_string(p->source));

	json_t *kc = json_object();
	SET(o, "key_column", kc);
	if (kc) {
		SET(kc, "tier_key", json_boolean(p->key_if_tier_key));
		SET(kc, "severity_at_most", json_integer(p->key_if_severity_at_most));
		SET(kc, "reopened", json_boolean(p->key_if_reopened));
		SET(kc, "second_failure", json_boolean(p->key_if_second_failure));
	}
	SET(o, "second_failure_window", dur_json(p->second_failure_window));
	SET(o, "due_soon", dur_json(p->due_soon));
	SET(o, "remind_before", dur_json(p->remind_before));
	SET(o, "digest_hour", json_integer(p->digest_hour));

	json_t *steps = json_object();
	SET(o, "steps", steps);
	for (int s = 0; steps && s < RD_STEP_COUNT; s++) {
		json_t *st = json_object();
		SET(steps, rd_step_name((enum rd_step)s), st);
		for (int c = 0; st && c < RD_NCOLS; c++) {
			const struct rd_step_rule *r = &p->steps[s][c];
			json_t *cell = json_object();
			SET(st, rd_column_name((enum rd_column)c), cell);
			if (!cell)
				continue;
			SET(cell, s == RD_STEP_PROGRESS ? "every" : "due", dur_json(r->due));
			SET(cell, "channels", channels_json(r->channels));
			if (s == RD_STEP_DELAY)
				SET(cell, "before_old_eta", json_boolean(r->before_old_eta));
		}
	}

	json_t *cad = json_object();
	SET(o, "cadence", cad);
	if (cad) {
		json_t *cols = json_array();
		for (int c = 0; cols && c < RD_NCOLS; c++)
			if (p->cadence_columns[c])
				json_array_append_new(cols, json_string(rd_column_name((enum rd_column)c)));
		SET(cad, "columns", cols);
		json_t *ph = json_array();
		for (int i = 0; ph && i < p->n_cadence; i++)
			json_array_append_new(ph, json_pack("{s:o, s:i}", "every", dur_json(p->cadence[i].every),
							    "count", p->cadence[i].count));
		SET(cad, "phases", ph);
	}

	json_t *wd = json_array();
	SET(o, "working_days", wd);
	for (int i = 1; wd && i <= 7; i++)  /* Monday first, as people write a week */
		if (p->working_days & 1u << (i % 7))
			json_array_append_new(wd, json_string(rd_weekday_names[i % 7]));

	json_t *esc = json_object();
	SET(o, "escalation", esc);
	for (int c = 0; esc && c < RD_NCOLS; c++)
		SET(esc, rd_column_name((enum rd_column)c),
		    json_pack("{s:o}", "manager_after", dur_json(p->escalate_manager_after[c])));

	json_t *ck = json_object();
	SET(o, "checker", ck);
	if (ck) {
		json_t *req = json_object();
		SET(ck, "required", req);
		for (int k = 0; req && rd_comm_kind_names[k]; k++)
			SET(req, rd_comm_kind_names[k], strv_json(rd_policy_required_elements(p, rd_comm_kind_names[k])));
		SET(ck, "jargon", strv_json(rd_policy_jargon(p)));
		json_t *wl = json_object();
		SET(ck, "word_lists", wl);
		for (const char *const *n = rd_policy_word_list_names(p); wl && *n; n++)
			SET(wl, *n, strv_json(rd_policy_word_list(p, *n)));
	}

	const struct rd_goodwill_policy *g = &p->goodwill;
	json_t *gw = json_object();
	SET(o, "goodwill", gw);
	if (gw) {
		SET(gw, "kind", json_string(g->kind));
		json_t *bp = json_object();
		SET(gw, "base_pct", bp);
		for (int s = 1; bp && s <= 4; s++) {
			char k[4];
			snprintf(k, sizeof k, "%d", s);
			SET(bp, k, e4_json(g->base_pct_e4[s]));
		}
		SET(gw, "key_multiplier", e4_json(g->key_multiplier_e4));
		SET(gw, "outage_pct_per_hour", e4_json(g->outage_pct_per_hour_e4));
		SET(gw, "impact_cover_pct", e4_json(g->impact_cover_pct_e4));
		SET(gw, "honour_sla_credit", json_boolean(g->honour_sla_credit));
		SET(gw, "cap_pct", e4_json(g->cap_pct_e4));
		SET(gw, "round_to", e4_json(g->round_to_cents * 100));
	}
	json_t *tr = json_object();
	SET(o, "trust", tr);
	if (tr) {
		SET(tr, "half_life", dur_json(p->trust.half_life));
		SET(tr, "trend_window", dur_json(p->trust.trend_window));
		for (const struct rd_trust_field *f = rd_trust_fields; f->name; f++)
			SET(tr, f->name, e4_json(*(const int64_t *)((const char *)&p->trust + f->offset)));
	}
	const struct rd_intake_policy *in = &p->intake;
	json_t *ik = json_object();
	SET(o, "intake", ik);
	if (ik) {
		SET(ik, "service_labels", strv_json((const char *const *)in->service_labels));
		json_t *svc = json_object(), *sev = json_object();
		SET(ik, "services", svc);
		for (int i = 0; svc && i < in->n_services; i++)
			SET(svc, in->services[i].from, json_string(in->services[i].to));
		SET(ik, "severity_label", json_string(in->severity_label));
		SET(ik, "severities", sev);
		for (int i = 0; sev && i < in->n_severities; i++)
			SET(sev, in->severities[i].from, json_integer(in->severities[i].severity));
		SET(ik, "default_severity", json_integer(in->default_severity));
	}
#undef SET
	if (bad) {
		json_decref(o);
		return NULL;
	}
	return o;
}

/* YAML scalars we write are either known-safe words or quoted here. */
static void yq(struct rd_buf *b, const char *s)
{
	rd_buf_addc(b, '"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			rd_buf_addc(b, '\\');
		rd_buf_addc(b, *s);
	}
	rd_buf_addc(b, '"');
}

static void yaml_strv(struct rd_buf *b, const char *const *sv)
{
	rd_buf_adds(b, "[");
	for (const char *const *s = sv; s && *s; s++) {
		if (s != sv)
			rd_buf_adds(b, ", ");
		yq(b, *s);
	}
	rd_buf_adds(b, "]");
}

static void yaml_channels(struct rd_buf *b, unsigned mask)
{
	if (mask == RD_CH_ANY) {
		rd_buf_adds(b, "any");
		return;
	}
	rd_buf_adds(b, "[");
	const char *sep = "";
	for (unsigned bit = 1; bit < RD_CH_ANY; bit <<= 1) {
		if (mask & bit) {
			rd_buf_addf(b, "%s%s", sep, rd_channel_name(bit));
			sep = ", ";
		}
	}
	rd_buf_adds(b, "]");
}

enum rd_err rd_policy_yaml(const struct rd_policy *p, char **out, char **errmsg)
{
	struct rd_buf b = RD_BUF_INIT;
	char d1[24], e[32];
	*out = NULL;

	rd_buf_addf(&b, "# policy in force: %s (from %s)\n", p->stamp, p->source);
	rd_buf_adds(&b, "version: ");
	yq(&b, p->version);
	rd_buf_adds(&b, "\n\nkey_column:\n");
	rd_buf_addf(&b, "  tier_key: %s\n", p->key_if_tier_key ? "true" : "false");
	rd_buf_addf(&b, "  severity_at_most: %d\n", p->key_if_severity_at_most);
	rd_buf_addf(&b, "  reopened: %s\n", p->key_if_reopened ? "true" : "false");
	rd_buf_addf(&b, "  second_failure: %s\n", p->key_if_second_failure ? "true" : "false");
	rd_buf_addf(&b, "\nsecond_failure_window: %s\n", rd_duration_format(p->second_failure_window, d1));
	rd_buf_addf(&b, "due_soon: %s\n", rd_duration_format(p->due_soon, d1));
	rd_buf_addf(&b, "remind_before: %s\n", rd_duration_format(p->remind_before, d1));
	rd_buf_addf(&b, "digest_hour: %d\n\nsteps:\n", p->digest_hour);
	for (int s = 0; s < RD_STEP_COUNT; s++) {
		rd_buf_addf(&b, "  %s:\n", rd_step_name((enum rd_step)s));
		for (int c = 0; c < RD_NCOLS; c++) {
			const struct rd_step_rule *r = &p->steps[s][c];
			rd_buf_addf(&b, "    %-9s { %s: %s, channels: ", c == RD_COL_KEY ? "key:" : "standard:",
				    s == RD_STEP_PROGRESS ? "every" : "due", rd_duration_format(r->due, d1));
			yaml_channels(&b, r->channels);
			if (s == RD_STEP_DELAY)
				rd_buf_addf(&b, ", before_old_eta: %s", r->before_old_eta ? "true" : "false");
			rd_buf_adds(&b, " }\n");
		}
	}
	rd_buf_adds(&b, "\ncadence:\n  columns: [");
	const char *sep = "";
	for (int c = 0; c < RD_NCOLS; c++) {
		if (p->cadence_columns[c]) {
			rd_buf_addf(&b, "%s%s", sep, rd_column_name((enum rd_column)c));
			sep = ", ";
		}
	}
	rd_buf_adds(&b, "]\n  phases:");
	if (!p->n_cadence)
		rd_buf_adds(&b, " []");
	rd_buf_adds(&b, "\n");
	for (int i = 0; i < p->n_cadence; i++)
		rd_buf_addf(&b, "    - { every: %s, count: %d }\n", rd_duration_format(p->cadence[i].every, d1),
			    p->cadence[i].count);
	rd_buf_adds(&b, "\nworking_days: [");
	sep = "";
	for (int i = 1; i <= 7; i++) {
		if (p->working_days & 1u << (i % 7)) {
			rd_buf_addf(&b, "%s%s", sep, rd_weekday_names[i % 7]);
			sep = ", ";
		}
	}
	rd_buf_adds(&b, "]\n");
	rd_buf_adds(&b, "\nescalation:\n");
	for (int c = 0; c < RD_NCOLS; c++)
		rd_buf_addf(&b, "  %-9s { manager_after: %s }\n", c == RD_COL_KEY ? "key:" : "standard:",
			    rd_duration_format(p->escalate_manager_after[c], d1));
	rd_buf_adds(&b, "\nchecker:\n  required:\n");
	for (int k = 0; rd_comm_kind_names[k]; k++) {
		rd_buf_addf(&b, "    %s: ", rd_comm_kind_names[k]);
		yaml_strv(&b, rd_policy_required_elements(p, rd_comm_kind_names[k]));
		rd_buf_adds(&b, "\n");
	}
	rd_buf_adds(&b, "  jargon: ");
	yaml_strv(&b, rd_policy_jargon(p));
	rd_buf_adds(&b, "\n  word_lists:");
	const char *const *names = rd_policy_word_list_names(p);
	if (!*names)
		rd_buf_adds(&b, " {}");
	rd_buf_adds(&b, "\n");
	for (; *names; names++) {
		rd_buf_addf(&b, "    %s: ", *names);
		yaml_strv(&b, rd_policy_word_list(p, *names));
		rd_buf_adds(&b, "\n");
	}
	const struct rd_goodwill_policy *g = &p->goodwill;
	rd_buf_addf(&b, "\ngoodwill:\n  kind: %s\n  base_pct:\n", g->kind);
	for (int s = 1; s <= 4; s++)
		rd_buf_addf(&b, "    %d: %s\n", s, rd_e4_text(g->base_pct_e4[s], e));
	rd_buf_addf(&b, "  key_multiplier: %s\n", rd_e4_text(g->key_multiplier_e4, e));
	rd_buf_addf(&b, "  outage_pct_per_hour: %s\n", rd_e4_text(g->outage_pct_per_hour_e4, e));
	rd_buf_addf(&b, "  impact_cover_pct: %s\n", rd_e4_text(g->impact_cover_pct_e4, e));
	rd_buf_addf(&b, "  honour_sla_credit: %s\n", g->honour_sla_credit ? "true" : "false");
	rd_buf_addf(&b, "  cap_pct: %s\n", rd_e4_text(g->cap_pct_e4, e));
	rd_buf_addf(&b, "  round_to: %s\n", rd_e4_text(g->round_to_cents * 100, e));
	char hl[24], tw[24];
	rd_buf_addf(&b, "\ntrust:\n  half_life: %s\n  trend_window: %s\n",
		    rd_duration_format(p->trust.half_life, hl), rd_duration_format(p->trust.trend_window, tw));
	for (const struct rd_trust_field *f = rd_trust_fields; f->name; f++)
		rd_buf_addf(&b, "  %s: %s\n", f->name,
			    rd_e4_text(*(const int64_t *)((const char *)&p->trust + f->offset), e));
	const struct rd_intake_policy *in = &p->intake;
	rd_buf_adds(&b, "\nintake:\n  service_labels: ");
	yaml_strv(&b, (const char *const *)in->service_labels);
	rd_buf_addc(&b, '\n');
	if (in->n_services) {
		rd_buf_adds(&b, "  services:\n");
		for (int i = 0; i < in->n_services; i++) {
			rd_buf_adds(&b, "    ");
			yq(&b, in->services[i].from);
			rd_buf_adds(&b, ": ");
			yq(&b, in->services[i].to);
			rd_buf_addc(&b, '\n');
		}
	}
	rd_buf_adds(&b, "  severity_label: ");
	yq(&b, in->severity_label);
	rd_buf_adds(&b, "\n  severities:\n");
	for (int i = 0; i < in->n_severities; i++) {
		rd_buf_adds(&b, "    ");
		yq(&b, in->severities[i].from);
		rd_buf_addf(&b, ": %d\n", in->severities[i].severity);
	}
	rd_buf_addf(&b, "  default_severity: %d\n", in->default_severity);
	if (b.oom) {
		rd_buf_free(&b);
		return rd_fail(RD_ENOMEM, errmsg, "out of memory");
	}
	*out = rd_buf_detach(&b);
	return *out ? RD_OK : rd_fail(RD_ENOMEM, errmsg, "out of memory");
}
