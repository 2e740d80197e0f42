/* policy.h — the playbook as data: the communication clock's due times, the
 * checker's required elements and word lists, escalation and goodwill rules.
 *
 * A policy is a YAML file (data/policy.yaml ships the default; see
 * docs/internals/policy.md for every field). It is validated completely on
 * load: unknown keys, missing steps, bad durations or channels are errors
 * that name file:line:column and the field path. A loaded policy is
 * immutable and may be shared read-only between threads.
 *
 * Ownership: rd_policy_load/parse return a new policy the CALLER frees with
 * rd_policy_free. Every pointer read out of a policy (strings, lists) is
 * BORROWED and lives as long as the policy. */
#ifndef REDRESS_POLICY_H
#define REDRESS_POLICY_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <jansson.h>
#include "redress/comm_kind.h"
#include "redress/err.h"

/* ---- durations ------------------------------------------------------- */

/* Written 30m, 4h, 3d, 2w or 3mo. Minutes and hours are exact seconds;
 * days, weeks and months are calendar units in the client's time zone
 * ("+3d" is the same local wall time three dates later, 71 or 73 hours
 * across a DST change). See rd_duration_add in clock.h. */
enum rd_dur_unit { RD_DUR_MIN, RD_DUR_HOUR, RD_DUR_DAY, RD_DUR_WEEK, RD_DUR_MONTH };

struct rd_duration {
	int64_t n;               /* > 0 in a loaded policy */
	enum rd_dur_unit unit;
};

/* Parses "4h" etc. Returns false on anything else (no sign, no spaces). */
bool rd_duration_parse(const char *s, struct rd_duration *out);
/* Formats as it would be written in the policy ("4h", "3mo"). buf >= 24. */
char *rd_duration_format(struct rd_duration d, char buf[24]);
/* Nominal length in seconds (a day = 86400, a month = 30 days): for display
 * and sorting only; the clock uses calendar arithmetic. */
int64_t rd_duration_nominal_seconds(struct rd_duration d);

/* ---- channels and kinds ---------------------------------------------- */

/* Channel bits, in SPEC order. A step's allowed set is a mask of these. */
enum rd_channel {
	RD_CH_EMAIL = 1u << 0,
	RD_CH_CALL = 1u << 1,
	RD_CH_MEETING = 1u << 2,
	RD_CH_PORTAL = 1u << 3,
	RD_CH_CHAT = 1u << 4,
	RD_CH_REPORT = 1u << 5,
	RD_CH_LETTER = 1u << 6,
};
#define RD_CH_ANY 0x7fu

/* "email" -> RD_CH_EMAIL; 0 for an unknown name. */
unsigned rd_channel_from_name(const char *name);
/* The name of one channel bit, or NULL. */
const char *rd_channel_name(unsigned bit);

/* The steps of the clock. Each is met by communications of the kind with the
 * same name (RD_STEP_FOLLOW_UP covers both the post-fix check-in and the
 * key-client cadence). The order is SPEC's table order. */
enum rd_step {
	RD_STEP_APOLOGY,
	RD_STEP_RCA_UPDATE,
	RD_STEP_PLAN,
	RD_STEP_PROGRESS,
	RD_STEP_DELAY,
	RD_STEP_RESOLUTION,
	RD_STEP_FOLLOW_UP,
	RD_STEP_SURVEY,
	RD_STEP_REVIEW,
	RD_STEP_CORRECTION,
	RD_STEP_COUNT
};

/* "rca_update" -> RD_STEP_RCA_UPDATE; -1 if the name is not a step. */
int rd_step_from_name(const char *name);
const char *rd_step_name(enum rd_step s);

/* The kinds a policy may name under checker.required are the
 * communication kinds, rd_comm_kind_names (comm_kind.h: the steps plus
 * "other"). */
/* The checker's element names (SPEC rule ids element.<name>), NULL-terminated. */
extern const char *const rd_checker_elements[];

/* ---- the policy ------------------------------------------------------ */

/* The two columns of SPEC's table. */
enum rd_column { RD_COL_STANDARD = 0, RD_COL_KEY = 1 };
#define RD_NCOLS 2
const char *rd_column_name(enum rd_column c); /* "standard" | "key" */

/* One cell of the table: a step's rule for one column. */
struct rd_step_rule {
	struct rd_duration due;      /* offset from the step's anchor; for progress: the interval */
	unsigned channels;           /* RD_CH_* mask allowed to meet it; RD_CH_ANY by default */
	bool before_old_eta;         /* delay only: also due before the old ETA passes */
};

/* A phase of the after-resolution follow-up cadence: COUNT steps, EVERY apart. */
struct rd_cadence_phase {
	struct rd_duration every;
	int count;
};

#define RD_POLICY_MAX_PHASES 8

/* Weekdays as the policy names them, in struct tm's order (tm_wday: "sun"
 * is 0), NULL-terminated. A set of days is a mask of 1u << tm_wday. */
extern const char *const rd_weekday_names[];
#define RD_WEEK_ALL 0x7fu

/* Percentages and factors are fixed-point with four decimals ("_e4"):
 * 10% is 100000, 0.5% is 5000, a factor 1.5 is 15000. Integer arithmetic
 * keeps suggestions identical on every machine. */
struct rd_goodwill_policy {
	char kind[24];                        /* suggested kind, e.g. "credit" */
	int64_t base_pct_e4[5];               /* [severity 1..4]: % of monthly value; [0] unused */
	int64_t key_multiplier_e4;            /* key-tier clients */
	int64_t outage_pct_per_hour_e4;       /* % of monthly value per hour of outage */
	int64_t impact_cover_pct_e4;          /* cover at least this % of a recorded financial impact */
	bool honour_sla_credit;               /* contractual SLA credit is a floor, never capped */
	int64_t cap_pct_e4;                   /* cap, % of monthly value; 0 = no cap */
	int64_t round_to_cents;               /* round to a multiple of this (>= 1) */
};

/* The trust model's weights (docs/trust.md; the `trust:` section). Points
 * are fixed-point e4 like goodwill's percentages; each is the size of a
 * contribution, its sign given by what it rewards or penalises. */
struct rd_trust_policy {
	int64_t baseline_e4;                  /* the score with no record, 0..100 */
	struct rd_duration half_life;         /* an event this old counts half */
	struct rd_duration trend_window;      /* trend = score now - score this long ago */
	int64_t trend_steady_e4;              /* |trend| below this is "steady" */
	int64_t key_risk_factor_e4;           /* portfolio: key clients' risk multiplied by this */
	int64_t step_on_time_e4;              /* + an obligation met on time */
	int64_t step_late_per_hour_e4;        /* - per hour an obligation was met late */
	int64_t step_late_max_e4;             /* - at most this for one late obligation */
	int64_t step_overdue_e4;              /* - extra while an obligation is open past due */
	int64_t promise_kept_e4;              /* + a commitment kept on time */
	int64_t promise_kept_late_e4;         /* - a commitment kept after its due time */
	int64_t promise_broken_e4;            /* - a commitment broken */
	int64_t promise_overdue_e4;           /* - a commitment open past its due time */
	int64_t chase_e4;                     /* - the client chased us for status */
	int64_t eta_revision_e4;              /* - each ETA revision after the first ETA */
	int64_t eta_miss_per_day_e4;          /* - per day resolved after the last ETA given */
	int64_t eta_miss_max_e4;              /* - at most this per failure */
	int64_t survey_neutral_e4;            /* a survey score (0..10) that moves nothing */
	int64_t survey_per_point_e4;          /* +/- per point above/below neutral */
	int64_t second_failure_e4;            /* - a failure within second_failure_window of another */
	int64_t goodwill_cover_e4;            /* + goodwill delivered covering the recorded harm */
};

/* The trust weights by name, for the parser, `policy show` and docs:
 * NULL-terminated; OFFSET is the field's offsetof in struct rd_trust_policy,
 * MAX_E4 its upper bound. The durations (half_life, trend_window) are not
 * listed here. */
struct rd_trust_field {
	const char *name;
	size_t offset;
	int64_t max_e4;
};
extern const struct rd_trust_field rd_trust_fields[];

/* How alerts from Prometheus Alertmanager become draft failures (the
 * `intake:` section; lib/intake.c). Defaults when the file has none. */
#define RD_INTAKE_MAX_LABELS 8
#define RD_INTAKE_MAX_MAP 32
struct rd_intake_map {
	char *from;                           /* a label value */
	char *to;                             /* a service name / unused for severities */
	int severity;                         /* severities: 1..4 */
};
struct rd_intake_policy {
	char *service_labels[RD_INTAKE_MAX_LABELS + 1]; /* tried in order; NULL-terminated */
	char *severity_label;                 /* "severity" */
	struct rd_intake_map severities[RD_INTAKE_MAX_MAP];
	int n_severities;
	int default_severity;                 /* when the label is absent or unknown */
	struct rd_intake_map services[RD_INTAKE_MAX_MAP]; /* label value -> service name */
	int n_services;
};

/* The service name and severity INTAKE maps the alert LABELS (a JSON
 * object of strings, borrowed) to: *service is borrowed from LABELS or the
 * policy (NULL when no service label is present); *severity is 1..4. */
void rd_intake_map_labels(const struct rd_intake_policy *intake, json_t *labels, const char **service,
			  int *severity);

/* Read-only after load. */
struct rd_policy {
	char *version;                        /* the file's `version:` */
	char hash[65];                        /* BLAKE2b-256 of the file's bytes, hex */
	char stamp[96];                       /* "version+hash[0..12)": record this with each failure */
	char *source;                         /* the name it was loaded from */

	/* When a track uses the key column (any true condition selects it). */
	bool key_if_tier_key;
	int key_if_severity_at_most;          /* 0 = never by severity */
	bool key_if_reopened;
	bool key_if_second_failure;
	struct rd_duration second_failure_window; /* the caller uses it to compute the flag */

	struct rd_duration due_soon;          /* agenda horizon */
	/* Email reminders (lib/notify.c), optional in the file: */
	struct rd_duration remind_before;     /* the owner's "due soon" email this long before (1h) */
	int digest_hour;                      /* the daily digest at this local hour, 0-23 (8) */

	struct rd_step_rule steps[RD_STEP_COUNT][RD_NCOLS];

	bool cadence_columns[RD_NCOLS];       /* which columns get the cadence */
	struct rd_cadence_phase cadence[RD_POLICY_MAX_PHASES];
	int n_cadence;

	struct rd_duration escalate_manager_after[RD_NCOLS];

	/* The days the provider works (`working_days`), a mask of 1u << tm_wday.
	 * The check-in, survey, review and cadence steps due in d, w or mo that
	 * fall on another day in the client's zone move to the next working
	 * day (clock.c). RD_WEEK_ALL when the file has no `working_days`, so an
	 * older file keeps its meaning; never 0 in a loaded policy. */
	unsigned working_days;

	struct rd_goodwill_policy goodwill;

	struct rd_trust_policy trust;         /* defaults when the file has no `trust:` */

	/* Checker configuration, kept opaque: use the accessors below. */
	struct rd_policy_checker *checker;

	struct rd_intake_policy intake;       /* defaults when the file has no `intake:` */
};

/* Loads PATH, or the default (the user's $REDRESS_DATA_DIR/policy.yaml, else
 * the compiled-in data/policy.yaml) when PATH is NULL. On success *out is a
 * new policy (CALLER frees with rd_policy_free). On failure RD_EINVAL (with
 * every problem found, one per line, "file:line:col: field.path: what"),
 * RD_ENOTFOUND, RD_EIO or RD_ENOMEM, and *errmsg (if not NULL) is a malloc'd
 * message the CALLER frees. */
enum rd_err rd_policy_load(const char *path, struct rd_policy **out, char **errmsg);

/* Parses BUF[0..LEN) (need not be NUL-terminated); NAME is used in error
 * messages and as `source`. Same contract as rd_policy_load. */
enum rd_err rd_policy_parse(const char *buf, size_t len, const char *name,
			    struct rd_policy **out, char **errmsg);

void rd_policy_free(struct rd_policy *p);

/* Required checker elements for communication KIND ("apology"…), a
 * NULL-terminated borrowed array (empty for a kind with none); NULL when KIND
 * is not a communication kind. */
const char *const *rd_policy_required_elements(const struct rd_policy *p, const char *kind);

/* Extra jargon words for tone.jargon (NULL-terminated, borrowed, maybe empty). */
const char *const *rd_policy_jargon(const struct rd_policy *p);

/* A user extension of checker word list NAME ("hedging", "corporate"…):
 * NULL-terminated, borrowed; an empty list when the policy adds none. The
 * checker owns the meaning of the names. */
const char *const *rd_policy_word_list(const struct rd_policy *p, const char *name);
/* The names of the word lists the policy extends (NULL-terminated, borrowed). */
const char *const *rd_policy_word_list_names(const struct rd_policy *p);

/* The policy as JSON for `policy show --json` / GET /api/policy: a new
 * reference the CALLER owns (json_decref), or NULL on allocation failure. */
json_t *rd_policy_json(const struct rd_policy *p);

/* The policy as canonical YAML for `policy show` (it re-parses to the same
 * policy). *out is malloc'd, CALLER frees. */
enum rd_err rd_policy_yaml(const struct rd_policy *p, char **out, char **errmsg);

/* ---- goodwill suggestion (lib/clock/goodwill_suggest.c) --------------- */

struct rd_goodwill_input {
	int severity;                         /* 1..4 */
	const char *tier;                     /* "key" | "standard" */
	int64_t yearly_value_cents;
	const char *currency;                 /* "EUR" */
	int64_t financial_impact_cents;       /* recorded impact, or -1 if none */
	int sla_credit_pct;                   /* contractual credit % of monthly fee, or -1 */
	double outage_hours;                  /* 0 if unknown */
};

struct rd_goodwill_suggestion {
	char kind[24];                        /* "credit"…, or "none" when the amount is 0 */
	int64_t amount_cents;
	char currency[8];
	char **lines;                         /* the explanation, one step a line */
	size_t n_lines;
};

/* Suggests a goodwill kind and amount from the policy's goodwill rules,
 * explaining each step in OUT->lines. OUT is filled (the CALLER releases it
 * with rd_goodwill_suggestion_free, also after a failure). RD_EINVAL for a
 * severity outside 1..4 or negative values. */
enum rd_err rd_goodwill_suggest(const struct rd_policy *p, const struct rd_goodwill_input *in,
				struct rd_goodwill_suggestion *out, char **errmsg);
void rd_goodwill_suggestion_free(struct rd_goodwill_suggestion *s);

/* Formats cents as "EUR 1,234.50" into buf (>= 48 bytes). */
char *rd_money_text(int64_t cents, const char *currency, char buf[48]);

#endif
