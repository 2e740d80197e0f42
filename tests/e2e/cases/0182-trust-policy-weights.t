# The trust weights are policy: a file whose trust: section sets only
# promise_broken (30 instead of 12; the other weights keep their shipped
# values) changes what a broken promise costs; a bad weight is refused
# naming file:line:column and the field, and changes nothing.
$ redress client add Acme
$ redress commitment add Acme "Call back by 11:00" --due 2026-11-22T11:00:00Z
$ redress commitment break 1 --at 2026-11-22T12:00:00Z
$ redress trust Acme --json
json .score == 58
json .explanation[0].points == -12
%file custom.yaml
| version: "2026-11-default"
| key_column:
|   tier_key: true
|   severity_at_most: 1
|   reopened: true
|   second_failure: true
| second_failure_window: 90d
| due_soon: 24h
| steps:
|   apology:
|     standard: { due: 4h, channels: any }
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
|   standard: { manager_after: 24h }
|   key:      { manager_after: 4h }
| checker:
|   required:
|     apology:    [impact, ownership, action, next-update, contact]
|     rca_update: [ownership, cause, prevention, action, next-update, contact]
|     plan:       [cause, prevention, action, timeline, next-update, contact]
|     progress:   [action, timeline, next-update, contact]
|     delay:      [delay-reason, timeline, next-update, contact]
|     resolution: [action, contact]
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
| trust:
|   promise_broken: 30
$ redress policy check custom.yaml
%env REDRESS_POLICY=custom.yaml
$ redress trust Acme --json
json .score == 40
json .explanation[0].points == -30
$ redress policy show --json
json .trust.promise_broken == 30
json .trust.promise_kept == 4
%file bad.yaml
| version: "2026-11-default"
| key_column:
|   tier_key: true
|   severity_at_most: 1
|   reopened: true
|   second_failure: true
| second_failure_window: 90d
| due_soon: 24h
| steps:
|   apology:
|     standard: { due: 4h, channels: any }
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
|   standard: { manager_after: 24h }
|   key:      { manager_after: 4h }
| checker:
|   required:
|     apology:    [impact, ownership, action, next-update, contact]
|     rca_update: [ownership, cause, prevention, action, next-update, contact]
|     plan:       [cause, prevention, action, timeline, next-update, contact]
|     progress:   [action, timeline, next-update, contact]
|     delay:      [delay-reason, timeline, next-update, contact]
|     resolution: [action, contact]
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
| trust:
|   promise_broken: -30
$ redress policy check bad.yaml
exit 1
stderr-has bad.yaml:78:19: trust.promise_broken: expected a number from 0 to 100
unchanged
