/* policy.c — loads and validates the policy file (policy.h) into struct
 * rd_policy.
 *
 * The YAML comes in as a positioned tree (yaml_tree.h); each section has a
 * small validator that knows its keys, so a mistake is reported with
 * file:line:column and the dotted field path, and validation goes on to
 * report the next mistake too. Adding a field: add it to the section's
 * keys[] list, read it in the section's function, add it to policy_dump.c
 * and to docs/internals/policy.md. */
#include <ctype.h>
#include <limits.h>
#include <stddef.h>
#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "redress/data.h"
#include "redress/policy.h"
#include "clock/policy_int.h"
#include "clock/yaml_tree.h"
#include "util/buf.h"

/* A policy file larger than this is surely a mistake. */
#define POLICY_MAX_BYTES (1u << 20)
/* Report at most this many problems; the rest are summarised. */
#define MAX_ERRORS 20

const char *const rd_checker_elements[] = {
	"impact", "ownership", "cause", "action", "prevention", "timeline",
	"next-update", "contact", "repair", "delay-reason", "late-ack", NULL,
};

/* The kinds the clock counts (comm_kind.h: the first RD_STEP_COUNT kinds,
 * numbered alike; comm_kind_test holds them to that). */
static const char *const step_names[RD_STEP_COUNT + 1] = {
	"apology", "rca_update", "plan", "progress", "delay", "resolution",
	"follow_up", "survey", "review", "correction", NULL,
};

static const char *const channel_names[] = {
	"email", "call", "meeting", "portal", "chat", "report", "letter", NULL,
};

static const char *const goodwill_kinds[] = {
	"credit", "refund", "discount", "free_service", "upgrade", "dedicated_resource", "other", NULL,
};

static const char *const column_names[RD_NCOLS + 1] = {"standard", "key", NULL};

const char *const rd_weekday_names[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat", NULL};

static const char *const empty_list[] = {NULL};

/* ---- names ------------------------------------------------------------- */

int rd_step_from_name(const char *name)
{
	for (int i = 0; name && i < RD_STEP_COUNT; i++)
		if (strcmp(step_names[i], name) == 0)
			return i;
	return -1;
}

const char *rd_step_name(enum rd_step s)
{
	return (unsigned)s < RD_STEP_COUNT ? step_names[s] : "?";
}

unsigned rd_channel_from_name(const char *name)
{
	for (int i = 0; name && channel_names[i]; i++)
		if (strcmp(channel_names[i], name) == 0)
			return 1u << i;
	return 0;
}

const char *rd_channel_name(unsigned bit)
{
	for (int i = 0; channel_names[i]; i++)
		if (bit == 1u << i)
			return channel_names[i];
	return NULL;
}

const char *rd_column_name(enum rd_column c)
{
	return (unsigned)c < RD_NCOLS ? column_names[c] : "?";
}

static int kind_index(const char *kind)
{
	for (int i = 0; kind && rd_comm_kind_names[i]; i++)
		if (strcmp(rd_comm_kind_names[i], kind) == 0)
			return i;
	return -1;
}

static bool in_list(const char *const *list, const char *s)
{
	for (; *list; list++)
		if (strcmp(*list, s) == 0)
			return true;
	return false;
}

/* ---- durations --------------------------------------------------------- */

bool rd_duration_parse(const char *s, struct rd_duration *out)
{
	if (!s || !isdigit((unsigned char)*s))
		return false;
	int64_t n = 0;
	const char *p = s;
	while (isdigit((unsigned char)*p)) {
		n = n * 10 + (*p - '0');
		if (n > 100000)
			return false;
		p++;
	}
	enum rd_dur_unit u;
	if (strcmp(p, "m") == 0)
		u = RD_DUR_MIN;
	else if (strcmp(p, "h") == 0)
		u = RD_DUR_HOUR;
	else if (strcmp(p, "d") == 0)
		u = RD_DUR_DAY;
	else if (strcmp(p, "w") == 0)
		u = RD_DUR_WEEK;
	else if (strcmp(p, "mo") == 0)
		u = RD_DUR_MONTH;
	else
		return false;
	out->n = n;
	out->unit = u;
	return true;
}

char *rd_duration_format(struct rd_duration d, char buf[24])
{
	static const char *const suffix[] = {"m", "h", "d", "w", "mo"};
	snprintf(buf, 24, "%lld%s", (long long)d.n, (unsigned)d.unit < 5 ? suffix[d.unit] : "?");
	return buf;
}

int64_t rd_duration_nominal_seconds(struct rd_duration d)
{
	static const int64_t secs[] = {60, 3600, 86400, 7 * 86400, 30 * 86400};
	return (unsigned)d.unit < 5 ? d.n * secs[d.unit] : 0;
}

/* ---- validation context ------------------------------------------------ */

struct vctx {
	const char *name;
	struct rd_buf errs;
	int nerr;
	bool oom;
};

static void verr(struct vctx *v, const struct ynode *at, int line, int col, const char *path,
		 const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* Records one problem at node AT (or LINE:COL when AT is NULL). */
static void verr(struct vctx *v, const struct ynode *at, int line, int col, const char *path,
		 const char *fmt, ...)
{
	v->nerr++;
	if (v->nerr > MAX_ERRORS)
		return;
	if (at) {
		line = at->line;
		col = at->col;
	}
	if (v->errs.len)
		rd_buf_addc(&v->errs, '\n');
	rd_buf_addf(&v->errs, "%s:%d:%d: %s: ", v->name, line, col, path && *path ? path : "(top)");
	va_list ap;
	va_start(ap, fmt);
	rd_buf_vaddf(&v->errs, fmt, ap);
	va_end(ap);
}

/* "steps" + "apology" -> "steps.apology" */
static const char *join(char *buf, size_t n, const char *path, const char *key)
{
	snprintf(buf, n, "%s%s%s", path, *path ? "." : "", key);
	return buf;
}

/* "checker.jargon" + 2 -> "checker.jargon[2]" */
static const char *item_path(char *buf, size_t n, const char *path, size_t i)
{
	if (snprintf(buf, n, "%s[%zu]", path, i) >= (int)n)
		buf[n - 1] = '\0';
	return buf;
}

static char *xstrdup(struct vctx *v, const char *s)
{
	char *d = strdup(s ? s : "");
	if (!d)
		v->oom = true;
	return d;
}

/* What was found, quoted and shortened, for "got …" in messages. */
static const char *got(const struct ynode *n, char buf[64])
{
	if (!n || ytree_is_null(n))
		return "nothing";
	if (n->type != Y_SCALAR)
		return ytree_type_name(n);
	snprintf(buf, 64, "'%.40s%s'", n->s, n->slen > 40 ? "…" : "");
	return buf;
}

/* Map lookup; NULL if absent. */
static struct ynode *get(const struct ynode *map, const char *key)
{
	if (!map || map->type != Y_MAP)
		return NULL;
	for (size_t i = 0; i + 1 < map->n; i += 2)
		if (strcmp(map->kids[i]->s, key) == 0)
			return map->kids[i + 1];
	return NULL;
}

/* Checks that N is a mapping whose keys are all in KEYS (NULL-terminated),
 * without duplicates, and that every key in REQUIRED is present. Returns
 * false (after reporting) when N is not a mapping at all. */
static bool check_map(struct vctx *v, const struct ynode *n, const char *path,
		      const char *const *keys, const char *const *required)
{
	char gbuf[64];
	if (!n || n->type != Y_MAP) {
		verr(v, n, 1, 1, path, "expected a mapping (key: value lines), got %s", got(n, gbuf));
		return false;
	}
	for (size_t i = 0; i + 1 < n->n; i += 2) {
		const struct ynode *k = n->kids[i];
		char p[256];
		if (keys && !in_list(keys, k->s)) {
			struct rd_buf exp = RD_BUF_INIT;
			for (const char *const *kk = keys; *kk; kk++)
				rd_buf_addf(&exp, "%s%s", kk == keys ? "" : ", ", *kk);
			verr(v, k, 0, 0, join(p, sizeof p, path, k->s), "unknown key '%s' (expected one of: %s)",
			     k->s, exp.data ? exp.data : "");
			rd_buf_free(&exp);
			continue;
		}
		for (size_t j = 0; j < i; j += 2) {
			if (strcmp(n->kids[j]->s, k->s) == 0) {
				verr(v, k, 0, 0, join(p, sizeof p, path, k->s),
				     "duplicate key (first given at line %d)", n->kids[j]->line);
				break;
			}
		}
	}
	for (const char *const *r = required; r && *r; r++) {
		if (!get(n, *r))
			verr(v, n, 0, 0, path, "missing required key '%s'", *r);
	}
	return true;
}

static bool scalar(const struct ynode *n)
{
	return n && n->type == Y_SCALAR && !ytree_is_null(n);
}

static void get_duration(struct vctx *v, const struct ynode *n, const char *path, struct rd_duration *out)
{
	char gbuf[64];
	if (!scalar(n) || !rd_duration_parse(n->s, out) || out->n <= 0) {
		verr(v, n, 0, 0, path,
		     "expected a duration like 2h, 3d, 45d (units m, h, d, w, mo; more than 0), got %s",
		     got(n, gbuf));
		return;
	}
}

static void get_bool(struct vctx *v, const struct ynode *n, const char *path, bool *out)
{
	char gbuf[64];
	if (scalar(n) && n->plain) {
		if (!strcmp(n->s, "true") || !strcmp(n->s, "True") || !strcmp(n->s, "TRUE")) {
			*out = true;
			return;
		}
		if (!strcmp(n->s, "false") || !strcmp(n->s, "False") || !strcmp(n->s, "FALSE")) {
			*out = false;
			return;
		}
	}
	verr(v, n, 0, 0, path, "expected true or false, got %s", got(n, gbuf));
}

static void get_int(struct vctx *v, const struct ynode *n, const char *path, int lo, int hi, int *out)
{
	char gbuf[64];
	if (scalar(n) && n->plain) {
		char *end;
		long long x = strtoll(n->s, &end, 10);
		if (end != n->s && *end == '\0' && isdigit((unsigned char)n->s[n->s[0] == '-']) &&
		    x >= lo && x <= hi) {
			*out = (int)x;
			return;
		}
	}
	verr(v, n, 0, 0, path, "expected a whole number from %d to %d, got %s", lo, hi, got(n, gbuf));
}

/* A non-negative decimal with at most four decimals, as value x 10000. */
static bool parse_e4(const char *s, int64_t *out)
{
	int64_t ip = 0, fp = 0;
	int fd = 0;
	const char *p = s;
	if (!isdigit((unsigned char)*p))
		return false;
	while (isdigit((unsigned char)*p)) {
		ip = ip * 10 + (*p++ - '0');
		if (ip > 1000000000)
			return false;
	}
	if (*p == '.') {
		p++;
		if (!isdigit((unsigned char)*p))
			return false;
		while (isdigit((unsigned char)*p)) {
			if (++fd > 4)
				return false;
			fp = fp * 10 + (*p++ - '0');
		}
	}
	if (*p)
		return false;
	for (; fd < 4; fd++)
		fp *= 10;
	*out = ip * 10000 + fp;
	return true;
}

static void get_e4(struct vctx *v, const struct ynode *n, const char *path, int64_t max_e4, int64_t *out)
{
	char gbuf[64];
	if (!scalar(n) || !n->plain || !parse_e4(n->s, out) || *out > max_e4) {
		verr(v, n, 0, 0, path,
		     "expected a number from 0 to %lld (at most 4 decimals, like 12.5), got %s",
		     (long long)(max_e4 / 10000), got(n, gbuf));
		*out = 0;
	}
}

static char *get_string(struct vctx *v, const struct ynode *n, const char *path, size_t maxlen)
{
	char gbuf[64];
	if (!scalar(n) || n->slen > maxlen) {
		verr(v, n, 0, 0, path, "expected text of 1 to %zu characters, got %s", maxlen, got(n, gbuf));
		return NULL;
	}
	for (size_t i = 0; i < n->slen; i++) {
		if ((unsigned char)n->s[i] < 0x20) {
			verr(v, n, 0, 0, path, "control characters are not allowed here");
			return NULL;
		}
	}
	return xstrdup(v, n->s);
}

static void free_strv(char **sv)
{
	for (size_t i = 0; sv && sv[i]; i++)
		free(sv[i]);
	free(sv);
}

/* A list of strings, each accepted by OK (may be NULL), as a new
 * NULL-terminated array; WHAT names an item for messages. */
static char **get_string_list(struct vctx *v, const struct ynode *n, const char *path,
			      const char *const *allowed, const char *what)
{
	char gbuf[64];
	if (!n || n->type != Y_SEQ) {
		verr(v, n, 0, 0, path, "expected a list like [a, b], got %s", got(n, gbuf));
		return NULL;
	}
	char **sv = calloc(n->n + 1, sizeof *sv);
	if (!sv) {
		v->oom = true;
		return NULL;
	}
	size_t k = 0;
	for (size_t i = 0; i < n->n; i++) {
		char p[256];
		item_path(p, sizeof p, path, i);
		const struct ynode *it = n->kids[i];
		if (!scalar(it) || it->slen == 0 || it->slen > 200) {
			verr(v, it, 0, 0, p, "expected %s%s, got %s", what,
			     scalar(it) && it->slen ? " (at most 200 bytes)" : "",
			     scalar(it) && !it->slen ? "''" : got(it, gbuf));
			continue;
		}
		if (allowed && !in_list(allowed, it->s)) {
			struct rd_buf exp = RD_BUF_INIT;
			for (const char *const *a = allowed; *a; a++)
				rd_buf_addf(&exp, "%s%s", a == allowed ? "" : ", ", *a);
			verr(v, it, 0, 0, p, "unknown %s '%s' (expected one of: %s)", what, it->s,
			     exp.data ? exp.data : "");
			rd_buf_free(&exp);
			continue;
		}
		if (!(sv[k++] = xstrdup(v, it->s)))
			break;
	}
	return sv;
}

/* ---- sections ---------------------------------------------------------- */

static void get_channels(struct vctx *v, const struct ynode *n, const char *path, unsigned *out)
{
	char gbuf[64];
	*out = RD_CH_ANY;
	if (scalar(n)) {
		if (strcmp(n->s, "any") == 0)
			return;
		verr(v, n, 0, 0, path,
		     "expected 'any' or a list of channels like [call, meeting], got %s", got(n, gbuf));
		return;
	}
	if (!n || n->type != Y_SEQ || n->n == 0) {
		verr(v, n, 0, 0, path,
		     "expected 'any' or a non-empty list of channels like [call, meeting], got %s",
		     got(n, gbuf));
		return;
	}
	unsigned mask = 0;
	for (size_t i = 0; i < n->n; i++) {
		char p[256];
		item_path(p, sizeof p, path, i);
		const struct ynode *it = n->kids[i];
		unsigned bit = scalar(it) ? rd_channel_from_name(it->s) : 0;
		if (!bit) {
			verr(v, it, 0, 0, p,
			     "unknown channel %s (expected one of: email, call, meeting, portal, chat, report, letter)",
			     got(it, gbuf));
			continue;
		}
		mask |= bit;
	}
	if (mask)
		*out = mask;
}

static void read_cell(struct vctx *v, const struct ynode *n, const char *path, enum rd_step step,
		      struct rd_step_rule *rule)
{
	static const char *const keys_due[] = {"due", "channels", NULL};
	static const char *const keys_every[] = {"every", "channels", NULL};
	static const char *const keys_delay[] = {"due", "channels", "before_old_eta", NULL};
	static const char *const req_due[] = {"due", NULL};
	static const char *const req_every[] = {"every", NULL};
	const char *const *keys = step == RD_STEP_PROGRESS ? keys_every
				  : step == RD_STEP_DELAY  ? keys_delay : keys_due;
	const char *const *req = step == RD_STEP_PROGRESS ? req_every : req_due;
	char p[256];

	rule->channels = RD_CH_ANY;
	if (!check_map(v, n, path, keys, req))
		return;
	const char *dk = step == RD_STEP_PROGRESS ? "every" : "due";
	if (get(n, dk))
		get_duration(v, get(n, dk), join(p, sizeof p, path, dk), &rule->due);
	if (get(n, "channels"))
		get_channels(v, get(n, "channels"), join(p, sizeof p, path, "channels"), &rule->channels);
	if (get(n, "before_old_eta"))
		get_bool(v, get(n, "before_old_eta"), join(p, sizeof p, path, "before_old_eta"),
			 &rule->before_old_eta);
}

static void read_steps(struct vctx *v, const struct ynode *n, struct rd_policy *pol)
{
	static const char *const cols[] = {"standard", "key", NULL};
	if (!check_map(v, n, "steps", step_names, step_names))
		return;
	for (int s = 0; s < RD_STEP_COUNT; s++) {
		const struct ynode *sn = get(n, step_names[s]);
		char sp[128];
		if (!sn)
			continue;
		join(sp, sizeof sp, "steps", step_names[s]);
		if (!check_map(v, sn, sp, cols, cols))
			continue;
		for (int c = 0; c < RD_NCOLS; c++) {
			char cp[160];
			const struct ynode *cn = get(sn, column_names[c]);
			if (cn)
				read_cell(v, cn, join(cp, sizeof cp, sp, column_names[c]), (enum rd_step)s,
					  &pol->steps[s][c]);
		}
	}
}

static void read_key_column(struct vctx *v, const struct ynode *n, struct rd_policy *pol)
{
	static const char *const keys[] = {"tier_key", "severity_at_most", "reopened", "second_failure", NULL};
	if (!check_map(v, n, "key_column", keys, keys))
		return;
	if (get(n, "tier_key"))
		get_bool(v, get(n, "tier_key"), "key_column.tier_key", &pol->key_if_tier_key);
	if (get(n, "severity_at_most"))
		get_int(v, get(n, "severity_at_most"), "key_column.severity_at_most", 0, 4,
			&pol->key_if_severity_at_most);
	if (get(n, "reopened"))
		get_bool(v, get(n, "reopened"), "key_column.reopened", &pol->key_if_reopened);
	if (get(n, "second_failure"))
		get_bool(v, get(n, "second_failure"), "key_column.second_failure", &pol->key_if_second_failure);
}

static void read_cadence(struct vctx *v, const struct ynode *n, struct rd_policy *pol)
{
	static const char *const keys[] = {"columns", "phases", NULL};
	static const char *const pkeys[] = {"every", "count", NULL};
	char gbuf[64];
	if (!check_map(v, n, "cadence", keys, keys))
		return;
	const struct ynode *cols = get(n, "columns");
	if (cols) {
		char **sv = get_string_list(v, cols, "cadence.columns", column_names, "column");
		for (size_t i = 0; sv && sv[i]; i++)
			pol->cadence_columns[strcmp(sv[i], "key") == 0 ? RD_COL_KEY : RD_COL_STANDARD] = true;
		free_strv(sv);
	}
	const struct ynode *ph = get(n, "phases");
	if (!ph)
		return;
	if (ph->type != Y_SEQ && !ytree_is_null(ph)) {
		verr(v, ph, 0, 0, "cadence.phases", "expected a list of {every, count}, got %s", got(ph, gbuf));
		return;
	}
	if (ph->type == Y_SEQ && ph->n > RD_POLICY_MAX_PHASES) {
		verr(v, ph, 0, 0, "cadence.phases", "at most %d phases, got %zu", RD_POLICY_MAX_PHASES, ph->n);
		return;
	}
	for (size_t i = 0; ph->type == Y_SEQ && i < ph->n; i++) {
		char p[64], q[96];
		snprintf(p, sizeof p, "cadence.phases[%zu]", i);
		const struct ynode *it = ph->kids[i];
		if (!check_map(v, it, p, pkeys, pkeys))
			continue;
		struct rd_cadence_phase *cp = &pol->cadence[pol->n_cadence++];
		if (get(it, "every"))
			get_duration(v, get(it, "every"), join(q, sizeof q, p, "every"), &cp->every);
		if (get(it, "count"))
			get_int(v, get(it, "count"), join(q, sizeof q, p, "count"), 1, 1000, &cp->count);
	}
}

/* `working_days`: a list of distinct weekdays, at least one. */
static void read_working_days(struct vctx *v, const struct ynode *n, struct rd_policy *pol)
{
	char gbuf[64];
	if (!n || n->type != Y_SEQ) {
		verr(v, n, 0, 0, "working_days", "expected a list of weekdays like [mon, tue, wed, thu, fri], got %s",
		     got(n, gbuf));
		return;
	}
	if (n->n == 0) {
		verr(v, n, 0, 0, "working_days", "name at least one working day (like [mon, tue, wed, thu, fri])");
		return;
	}
	unsigned mask = 0;
	for (size_t i = 0; i < n->n; i++) {
		char p[64];
		item_path(p, sizeof p, "working_days", i);
		const struct ynode *it = n->kids[i];
		int wd = -1;
		for (int d = 0; scalar(it) && rd_weekday_names[d]; d++)
			if (strcmp(rd_weekday_names[d], it->s) == 0)
				wd = d;
		if (wd < 0) {
			verr(v, it, 0, 0, p, scalar(it) ? "unknown day %s (expected one of: mon, tue, wed, thu, fri, sat, sun)"
				: "expected a day (mon, tue, wed, thu, fri, sat or sun), got %s", got(it, gbuf));
			continue;
		}
		if (mask & 1u << wd) {
			verr(v, it, 0, 0, p, "'%s' is listed twice", it->s);
			continue;
		}
		mask |= 1u << wd;
	}
	if (mask)
		pol->working_days = mask;
}

static void read_escalation(struct vctx *v, const struct ynode *n, struct rd_policy *pol)
{
	static const char *const cols[] = {"standard", "key", NULL};
	static const char *const keys[] = {"manager_after", NULL};
	if (!check_map(v, n, "escalation", cols, cols))
		return;
	for (int c = 0; c < RD_NCOLS; c++) {
		char p[64], q[96];
		const struct ynode *cn = get(n, column_names[c]);
		join(p, sizeof p, "escalation", column_names[c]);
		if (!cn || !check_map(v, cn, p, keys, keys))
			continue;
		if (get(cn, "manager_after"))
			get_duration(v, get(cn, "manager_after"), join(q, sizeof q, p, "manager_after"),
				     &pol->escalate_manager_after[c]);
	}
}

static bool list_name_ok(const char *s)
{
	if (!*s || strlen(s) > 64)
		return false;
	for (; *s; s++)
		if (!(islower((unsigned char)*s) || isdigit((unsigned char)*s) || *s == '_' || *s == '-'))
			return false;
	return true;
}

static void read_checker(struct vctx *v, const struct ynode *n, struct rd_policy_checker *ck)
{
	static const char *const keys[] = {"required", "jargon", "word_lists", NULL};
	static const char *const req[] = {"required", NULL};
	char gbuf[64];
	if (!check_map(v, n, "checker", keys, req))
		return;
	const struct ynode *r = get(n, "required");
	if (r && check_map(v, r, "checker.required", rd_comm_kind_names, NULL)) {
		for (size_t i = 0; i + 1 < r->n; i += 2) {
			int k = kind_index(r->kids[i]->s);
			char p[128];
			if (k < 0 || ck->required[k])
				continue; /* reported by check_map */
			ck->required[k] = get_string_list(v, r->kids[i + 1],
				join(p, sizeof p, "checker.required", r->kids[i]->s),
				rd_checker_elements, "element");
		}
	}
	const struct ynode *j = get(n, "jargon");
	if (j && !ytree_is_null(j))
		ck->jargon = get_string_list(v, j, "checker.jargon", NULL, "a word or phrase");
	const struct ynode *w = get(n, "word_lists");
	if (w && !ytree_is_null(w) && check_map(v, w, "checker.word_lists", NULL, NULL)) {
		size_t pairs = w->n / 2;
		ck->list_names = calloc(pairs + 1, sizeof *ck->list_names);
		ck->lists = calloc(pairs + 1, sizeof *ck->lists);
		if (!ck->list_names || !ck->lists) {
			v->oom = true;
			return;
		}
		for (size_t i = 0; i + 1 < w->n; i += 2) {
			const struct ynode *k = w->kids[i];
			char p[128];
			join(p, sizeof p, "checker.word_lists", k->s);
			if (!list_name_ok(k->s)) {
				verr(v, k, 0, 0, p, "list names are lower-case letters, digits, '_' and '-', got %s",
				     got(k, gbuf));
				continue;
			}
			char **sv = get_string_list(v, w->kids[i + 1], p, NULL, "a word or phrase");
			if (!sv)
				continue;
			ck->list_names[ck->n_lists] = xstrdup(v, k->s);
			ck->lists[ck->n_lists++] = sv;
		}
	}
}

static void read_goodwill(struct vctx *v, const struct ynode *n, struct rd_goodwill_policy *g)
{
	static const char *const keys[] = {"kind", "base_pct", "key_multiplier", "outage_pct_per_hour",
		"impact_cover_pct", "honour_sla_credit", "cap_pct", "round_to", NULL};
	static const char *const sev[] = {"1", "2", "3", "4", NULL};
	char gbuf[64];
	if (!check_map(v, n, "goodwill", keys, keys))
		return;
	const struct ynode *k = get(n, "kind");
	if (k) {
		if (!scalar(k) || !in_list(goodwill_kinds, k->s))
			verr(v, k, 0, 0, "goodwill.kind",
			     "expected one of credit, refund, discount, free_service, upgrade, dedicated_resource, other; got %s",
			     got(k, gbuf));
		else
			snprintf(g->kind, sizeof g->kind, "%s", k->s);
	}
	const struct ynode *b = get(n, "base_pct");
	if (b && check_map(v, b, "goodwill.base_pct", sev, sev)) {
		for (int s = 1; s <= 4; s++) {
			char p[64];
			snprintf(p, sizeof p, "goodwill.base_pct.%d", s);
			if (get(b, sev[s - 1]))
				get_e4(v, get(b, sev[s - 1]), p, 1000 * 10000LL, &g->base_pct_e4[s]);
		}
	}
	if (get(n, "key_multiplier"))
		get_e4(v, get(n, "key_multiplier"), "goodwill.key_multiplier", 100 * 10000LL, &g->key_multiplier_e4);
	if (get(n, "outage_pct_per_hour"))
		get_e4(v, get(n, "outage_pct_per_hour"), "goodwill.outage_pct_per_hour", 100 * 10000LL,
		       &g->outage_pct_per_hour_e4);
	if (get(n, "impact_cover_pct"))
		get_e4(v, get(n, "impact_cover_pct"), "goodwill.impact_cover_pct", 1000 * 10000LL,
		       &g->impact_cover_pct_e4);
	if (get(n, "honour_sla_credit"))
		get_bool(v, get(n, "honour_sla_credit"), "goodwill.honour_sla_credit", &g->honour_sla_credit);
	if (get(n, "cap_pct"))
		get_e4(v, get(n, "cap_pct"), "goodwill.cap_pct", 10000 * 10000LL, &g->cap_pct_e4);
	const struct ynode *r = get(n, "round_to");
	if (r) {
		int64_t e4 = 0;
		get_e4(v, r, "goodwill.round_to", 1000000 * 10000LL, &e4);
		/* currency units -> cents: 1 -> 100, 0.01 -> 1 */
		if (e4 && (e4 % 100 != 0))
			verr(v, r, 0, 0, "goodwill.round_to", "must be a whole number of cents (like 0.01, 1, 10)");
		else if (scalar(r) && e4 == 0 && parse_e4(r->s, &e4))
			verr(v, r, 0, 0, "goodwill.round_to", "must be more than 0 (0.01 rounds to the cent)");
		g->round_to_cents = e4 / 100 ? e4 / 100 : 1;
	}
}

/* ---- trust ------------------------------------------------------------- */

#define TF(name, max) {#name, offsetof(struct rd_trust_policy, name##_e4), (max) * 10000LL}
const struct rd_trust_field rd_trust_fields[] = {
	TF(baseline, 100), TF(trend_steady, 100), TF(key_risk_factor, 10),
	TF(step_on_time, 100), TF(step_late_per_hour, 100), TF(step_late_max, 100),
	TF(step_overdue, 100), TF(promise_kept, 100), TF(promise_kept_late, 100),
	TF(promise_broken, 100), TF(promise_overdue, 100), TF(chase, 100), TF(eta_revision, 100),
	TF(eta_miss_per_day, 100), TF(eta_miss_max, 100), TF(survey_neutral, 10),
	TF(survey_per_point, 100), TF(second_failure, 100), TF(goodwill_cover, 100),
	{NULL, 0, 0},
};
#undef TF

/* The weights in force when a policy has no `trust:` section, and the
 * starting point of one that sets only some keys; data/policy.yaml spells
 * out the same values (tests/unit/clock/policy_test.c checks they agree). */
static const struct rd_trust_policy trust_defaults = {
	.baseline_e4 = 700000, .half_life = {90, RD_DUR_DAY}, .trend_window = {30, RD_DUR_DAY},
	.trend_steady_e4 = 30000, .key_risk_factor_e4 = 15000,
	.step_on_time_e4 = 10000, .step_late_per_hour_e4 = 20000, .step_late_max_e4 = 100000,
	.step_overdue_e4 = 50000, .promise_kept_e4 = 40000, .promise_kept_late_e4 = 20000,
	.promise_broken_e4 = 120000, .promise_overdue_e4 = 60000, .chase_e4 = 30000,
	.eta_revision_e4 = 20000, .eta_miss_per_day_e4 = 20000, .eta_miss_max_e4 = 100000,
	.survey_neutral_e4 = 70000, .survey_per_point_e4 = 20000, .second_failure_e4 = 150000,
	.goodwill_cover_e4 = 60000,
};

static void read_trust(struct vctx *v, const struct ynode *n, struct rd_trust_policy *t)
{
	const char *keys[32];
	size_t k = 0;
	keys[k++] = "half_life";
	keys[k++] = "trend_window";
	for (const struct rd_trust_field *f = rd_trust_fields; f->name && k < 31; f++)
		keys[k++] = f->name;
	keys[k] = NULL;
	if (!check_map(v, n, "trust", keys, NULL))
		return;
	if (get(n, "half_life"))
		get_duration(v, get(n, "half_life"), "trust.half_life", &t->half_life);
	if (get(n, "trend_window"))
		get_duration(v, get(n, "trend_window"), "trust.trend_window", &t->trend_window);
	for (const struct rd_trust_field *f = rd_trust_fields; f->name; f++) {
		const struct ynode *x = get(n, f->name);
		if (!x)
			continue;
		char p[64];
		snprintf(p, sizeof p, "trust.%s", f->name);
		get_e4(v, x, p, f->max_e4, (int64_t *)((char *)t + f->offset));
	}
	if (get(n, "step_late_max") && get(n, "step_late_per_hour") &&
	    t->step_late_max_e4 < t->step_late_per_hour_e4)
		verr(v, get(n, "step_late_max"), 0, 0, "trust.step_late_max",
		     "must be at least step_late_per_hour (one hour late)");
	if (get(n, "key_risk_factor") && t->key_risk_factor_e4 < 10000)
		verr(v, get(n, "key_risk_factor"), 0, 0, "trust.key_risk_factor",
		     "must be at least 1 (key clients are never less at risk)");
}

/* ---- intake (alerts from Alertmanager) ---------------------------------- */

static void intake_defaults(struct vctx *v, struct rd_intake_policy *in)
{
	static const struct { const char *value; int sev; } sev[] = {
		{"critical", 1}, {"warning", 2}, {"info", 3}};
	in->service_labels[0] = xstrdup(v, "service");
	in->service_labels[1] = xstrdup(v, "job");
	in->severity_label = xstrdup(v, "severity");
	for (size_t i = 0; i < sizeof sev / sizeof sev[0]; i++) {
		in->severities[i].from = xstrdup(v, sev[i].value);
		in->severities[i].severity = sev[i].sev;
	}
	in->n_severities = 3;
	in->default_severity = 2;
}

static void intake_free(struct rd_intake_policy *in)
{
	for (int i = 0; i < RD_INTAKE_MAX_LABELS && in->service_labels[i]; i++)
		free(in->service_labels[i]);
	free(in->severity_label);
	for (int i = 0; i < in->n_severities; i++)
		free(in->severities[i].from);
	for (int i = 0; i < in->n_services; i++) {
		free(in->services[i].from);
		free(in->services[i].to);
	}
	memset(in, 0, sizeof *in);
}

static void read_intake(struct vctx *v, const struct ynode *n, struct rd_intake_policy *in)
{
	static const char *const keys[] = {"service_labels", "services", "severity_label", "severities",
		"default_severity", NULL};
	char gbuf[64];
	if (!check_map(v, n, "intake", keys, NULL))
		return;
	const struct ynode *x;
	if ((x = get(n, "service_labels"))) {
		char **sv = get_string_list(v, x, "intake.service_labels", NULL, "a label name");
		if (sv && x->n > RD_INTAKE_MAX_LABELS) {
			verr(v, x, 0, 0, "intake.service_labels", "at most %d labels", RD_INTAKE_MAX_LABELS);
		} else if (sv && !sv[0]) {
			verr(v, x, 0, 0, "intake.service_labels", "name at least one label (like service)");
		} else if (sv) {
			for (int i = 0; i < RD_INTAKE_MAX_LABELS && in->service_labels[i]; i++) {
				free(in->service_labels[i]);
				in->service_labels[i] = NULL;
			}
			for (int i = 0; sv[i] && i < RD_INTAKE_MAX_LABELS; i++) {
				in->service_labels[i] = sv[i];
				sv[i] = NULL;
			}
		}
		free_strv(sv);
	}
	if ((x = get(n, "severity_label"))) {
		char *s = get_string(v, x, "intake.severity_label", 100);
		if (s && !*s) {
			verr(v, x, 0, 0, "intake.severity_label", "expected a label name, got ''");
			free(s);
		} else if (s) {
			free(in->severity_label);
			in->severity_label = s;
		}
	}
	if ((x = get(n, "severities")) && check_map(v, x, "intake.severities", NULL, NULL)) {
		for (int i = 0; i < in->n_severities; i++)
			free(in->severities[i].from);
		in->n_severities = 0;
		for (size_t i = 0; i + 1 < x->n; i += 2) {
			char p[256];
			join(p, sizeof p, "intake.severities", x->kids[i]->s);
			if (in->n_severities == RD_INTAKE_MAX_MAP) {
				verr(v, x->kids[i], 0, 0, p, "at most %d severities", RD_INTAKE_MAX_MAP);
				break;
			}
			int sev = 0;
			get_int(v, x->kids[i + 1], p, 1, 4, &sev);
			if (!sev)
				continue;
			struct rd_intake_map *m = &in->severities[in->n_severities++];
			m->from = xstrdup(v, x->kids[i]->s);
			m->severity = sev;
		}
	}
	if ((x = get(n, "services")) && check_map(v, x, "intake.services", NULL, NULL)) {
		for (size_t i = 0; i + 1 < x->n; i += 2) {
			char p[256];
			join(p, sizeof p, "intake.services", x->kids[i]->s);
			if (in->n_services == RD_INTAKE_MAX_MAP) {
				verr(v, x->kids[i], 0, 0, p, "at most %d services", RD_INTAKE_MAX_MAP);
				break;
			}
			char *to = get_string(v, x->kids[i + 1], p, 200);
			if (!to)
				continue;
			if (!*to) {
				verr(v, x->kids[i + 1], 0, 0, p, "expected a service name, got %s",
				     got(x->kids[i + 1], gbuf));
				free(to);
				continue;
			}
			struct rd_intake_map *m = &in->services[in->n_services++];
			m->from = xstrdup(v, x->kids[i]->s);
			m->to = to;
		}
	}
	if ((x = get(n, "default_severity")))
		get_int(v, x, "intake.default_severity", 1, 4, &in->default_severity);
}

void rd_intake_map_labels(const struct rd_intake_policy *intake, json_t *labels, const char **service,
			  int *severity)
{
	*service = NULL;
	*severity = intake->default_severity;
	for (int i = 0; i < RD_INTAKE_MAX_LABELS && intake->service_labels[i] && !*service; i++) {
		const char *v = json_string_value(json_object_get(labels, intake->service_labels[i]));
		if (v && *v)
			*service = v;
	}
	for (int i = 0; *service && i < intake->n_services; i++)
		if (strcmp(intake->services[i].from, *service) == 0)
			*service = intake->services[i].to;
	const char *sv = json_string_value(json_object_get(labels, intake->severity_label));
	for (int i = 0; sv && i < intake->n_severities; i++)
		if (strcasecmp(intake->severities[i].from, sv) == 0)
			*severity = intake->severities[i].severity;
}

static void read_root(struct vctx *v, const struct ynode *root, struct rd_policy *pol)
{
	static const char *const keys[] = {"version", "key_column", "second_failure_window", "due_soon",
		"steps", "cadence", "escalation", "checker", "goodwill", "trust", "remind_before",
		"digest_hour", "intake", "working_days", NULL};
	/* `trust:` came later than the rest: a policy without it gets the defaults. */
	static const char *const required[] = {"version", "key_column", "second_failure_window",
		"due_soon", "steps", "cadence", "escalation", "checker", "goodwill", NULL};
	if (!check_map(v, root, "", keys, required))
		return;
	const struct ynode *ver = get(root, "version");
	if (ver) {
		pol->version = get_string(v, ver, "version", 64);
		for (const char *c = pol->version; c && *c; c++) {
			if (isspace((unsigned char)*c)) {
				verr(v, ver, 0, 0, "version", "no spaces please (it is recorded with each failure)");
				break;
			}
		}
	}
	if (get(root, "key_column"))
		read_key_column(v, get(root, "key_column"), pol);
	if (get(root, "second_failure_window"))
		get_duration(v, get(root, "second_failure_window"), "second_failure_window",
			     &pol->second_failure_window);
	if (get(root, "due_soon"))
		get_duration(v, get(root, "due_soon"), "due_soon", &pol->due_soon);
	if (get(root, "steps"))
		read_steps(v, get(root, "steps"), pol);
	if (get(root, "cadence"))
		read_cadence(v, get(root, "cadence"), pol);
	if (get(root, "escalation"))
		read_escalation(v, get(root, "escalation"), pol);
	/* optional: a file without it works every day, as before the key existed */
	if (get(root, "working_days"))
		read_working_days(v, get(root, "working_days"), pol);
	if (get(root, "checker"))
		read_checker(v, get(root, "checker"), pol->checker);
	if (get(root, "goodwill"))
		read_goodwill(v, get(root, "goodwill"), &pol->goodwill);
	if (get(root, "trust"))
		read_trust(v, get(root, "trust"), &pol->trust);
	/* the email reminders came later still: optional, with defaults */
	if (get(root, "remind_before"))
		get_duration(v, get(root, "remind_before"), "remind_before", &pol->remind_before);
	if (get(root, "digest_hour"))
		get_int(v, get(root, "digest_hour"), "digest_hour", 0, 23, &pol->digest_hour);
	if (get(root, "intake"))
		read_intake(v, get(root, "intake"), &pol->intake);
}

/* ---- load / free ------------------------------------------------------- */

void rd_policy_free(struct rd_policy *p)
{
	if (!p)
		return;
	free(p->version);
	free(p->source);
	if (p->checker) {
		struct rd_policy_checker *ck = p->checker;
		for (int k = 0; k < RD_POLICY_NKINDS; k++)
			free_strv(ck->required[k]);
		free_strv(ck->jargon);
		for (size_t i = 0; i < ck->n_lists; i++)
			free_strv(ck->lists[i]);
		free(ck->lists);
		free_strv(ck->list_names);
		free(ck);
	}
	intake_free(&p->intake);
	free(p);
}

enum rd_err rd_policy_parse(const char *buf, size_t len, const char *name,
			    struct rd_policy **out, char **errmsg)
{
	enum rd_err ret = RD_OK;
	struct ynode *root = NULL;
	struct rd_policy *pol = NULL;
	struct vctx v = {.name = name ? name : "policy", .errs = RD_BUF_INIT};

	*out = NULL;
	if (len > POLICY_MAX_BYTES)
		return rd_fail(RD_EINVAL, errmsg, "%s: the policy is larger than %u bytes", v.name,
			       POLICY_MAX_BYTES);
	if (memchr(buf, '\0', len))
		return rd_fail(RD_EINVAL, errmsg, "%s: the policy contains a NUL byte", v.name);
	if ((ret = ytree_parse(buf, len, v.name, &root, errmsg)))
		goto out;
	if (!root) {
		ret = rd_fail(RD_EINVAL, errmsg, "%s:1:1: the policy is empty", v.name);
		goto out;
	}
	pol = calloc(1, sizeof *pol);
	if (!pol || !(pol->checker = calloc(1, sizeof *pol->checker)) ||
	    !(pol->source = strdup(v.name))) {
		ret = rd_fail(RD_ENOMEM, errmsg, "out of memory");
		goto out;
	}
	snprintf(pol->goodwill.kind, sizeof pol->goodwill.kind, "credit");
	pol->goodwill.round_to_cents = 1;
	pol->trust = trust_defaults;
	pol->remind_before = (struct rd_duration){1, RD_DUR_HOUR};
	pol->digest_hour = 8;
	pol->working_days = RD_WEEK_ALL;
	intake_defaults(&v, &pol->intake);

	read_root(&v, root, pol);
	if (v.oom || v.errs.oom) {
		ret = rd_fail(RD_ENOMEM, errmsg, "out of memory");
		goto out;
	}
	if (v.nerr) {
		if (v.nerr > MAX_ERRORS)
			rd_buf_addf(&v.errs, "\n%s: … and %d more problems", v.name, v.nerr - MAX_ERRORS);
		ret = rd_fail(RD_EINVAL, errmsg, "%s", v.errs.data ? v.errs.data : "invalid policy");
		goto out;
	}

	unsigned char h[32];
	if (sodium_init() < 0) {
		ret = rd_fail(RD_ENOMEM, errmsg, "libsodium failed to initialise");
		goto out;
	}
	crypto_generichash(h, sizeof h, (const unsigned char *)buf, len, NULL, 0);
	for (int i = 0; i < 32; i++)
		snprintf(pol->hash + 2 * i, 3, "%02x", h[i]);
	snprintf(pol->stamp, sizeof pol->stamp, "%s+%.12s", pol->version, pol->hash);
out:
	rd_buf_free(&v.errs);
	ytree_free(root);
	if (ret) {
		rd_policy_free(pol);
		pol = NULL;
	}
	*out = pol;
	return ret;
}

enum rd_err rd_policy_load(const char *path, struct rd_policy **out, char **errmsg)
{
	char *buf = NULL;
	size_t len = 0;
	enum rd_err ret;
	*out = NULL;
	if (path)
		ret = rd_file_read(path, &buf, &len, errmsg);
	else
		ret = rd_data_load("policy.yaml", &buf, &len, errmsg);
	if (ret)
		return ret;
	ret = rd_policy_parse(buf, len, path ? path : "policy.yaml", out, errmsg);
	free(buf);
	return ret;
}

/* ---- accessors --------------------------------------------------------- */

const char *const *rd_policy_required_elements(const struct rd_policy *p, const char *kind)
{
	int k = kind_index(kind);
	if (k < 0)
		return NULL;
	if (!p->checker->required[k])
		return empty_list;
	return (const char *const *)p->checker->required[k];
}

const char *const *rd_policy_jargon(const struct rd_policy *p)
{
	return p->checker->jargon ? (const char *const *)p->checker->jargon : empty_list;
}

const char *const *rd_policy_word_list(const struct rd_policy *p, const char *name)
{
	const struct rd_policy_checker *ck = p->checker;
	for (size_t i = 0; name && i < ck->n_lists; i++)
		if (strcmp(ck->list_names[i], name) == 0)
			return (const char *const *)ck->lists[i];
	return empty_list;
}

const char *const *rd_policy_word_list_names(const struct rd_policy *p)
{
	return p->checker->list_names ? (const char *const *)p->checker->list_names : empty_list;
}
