# A custom policy: valid under `policy check`, in force through
# $REDRESS_POLICY, and `refresh` recomputes the stored obligations with it.
# (The default, with the apology of a standard client due in 8 h instead of
# 4 h and the manager escalation after 2 h instead of 24 h.)
%file policy.yaml
| version: "acme-2026"
| key_column:
|   tier_key: true
|   severity_at_most: 1
|   reopened: true
|   second_failure: true
| second_failure_window: 90d
| due_soon: 24h
| steps:
|   apology:
|     standard: { due: 8h, channels: any }
|     key:      { due: 2h, channels: [call, meeting] }
|   rca_update:
|     standard: { due: 3d }
|     key:      { due: 1d }
|   plan:
|     standard: { due: 5d }
|     key:      { due: 3d }
|   progress:
|     standard: { every: 7d }
|     key:      { every: 1d }
|   delay:
|     standard: { due: 24h, before_old_eta: true }
|     key:      { due: 24h, before_old_eta: true }
|   resolution:
|     standard: { due: 24h }
|     key:      { due: 4h }
|   follow_up:
|     standard: { due: 3d }
|     key:      { due: 3d }
|   survey:
|     standard: { due: 14d }
|     key:      { due: 14d }
|   review:
|     standard: { due: 45d }
|     key:      { due: 45d }
|   correction:
|     standard: { due: 24h }
|     key:      { due: 24h }
| cadence:
|   columns: [key]
|   phases:
|     - { every: 1w, count: 4 }
|     - { every: 2w, count: 4 }
|     - { every: 3mo, count: 4 }
| escalation:
|   standard: { manager_after: 2h }
|   key:      { manager_after: 4h }
| checker:
|   required:
|     apology:    [impact, ownership, action, next-update, contact]
|     rca_update: [cause, prevention, next-update, contact]
|     plan:       [cause, prevention, timeline, action, contact, repair]
|     progress:   [action, timeline, next-update]
|     delay:      [delay-reason, timeline, next-update]
|     resolution: [ownership, repair]
|     follow_up:  [contact]
|     survey:     [contact]
|     review:     [cause, prevention, action, contact]
|     correction: [ownership, contact]
|     other:      []
|   jargon: []
|   word_lists: {}
| goodwill:
|   kind: credit
|   base_pct:
|     1: 10
|     2: 5
|     3: 2
|     4: 0
|   key_multiplier: 1.5
|   outage_pct_per_hour: 0.5
|   impact_cover_pct: 50
|   honour_sla_credit: true
|   cap_pct: 100
|   round_to: 1
$ redress policy check policy.yaml
stdout-has valid
stdout-has acme-2026
$ redress client add "Acme Retail" --tz UTC
$ redress failure open "Outage" --severity 2 --detected 2026-11-23T09:00:00Z --client "Acme Retail"
# stored under the default policy: apology due 13:00Z
sql SELECT due_at FROM obligations WHERE key = 'apology' == 1795438800
%env REDRESS_POLICY=policy.yaml
$ redress policy show --json
json .version == "acme-2026"
json .steps.apology.standard.due == "8h"
json .escalation.standard.manager_after == "2h"
$ redress refresh
stdout-has 1 tracks refreshed
sql SELECT due_at FROM obligations WHERE key = 'apology' == 1795453200
$ redress obligations --failure 1 --at 2026-11-23T10:00:00Z --json
json [0].obligations[0].due_at == "2026-11-23T17:00:00Z"
# the manager is in 2 h after due
$ redress agenda --at 2026-11-23T19:00:00Z --json
json [0].key == "apology"
json [0].escalation == 2
