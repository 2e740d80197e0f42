# The trust score on a hand-computed scenario through the CLI (docs/trust.md,
# shipped weights): baseline 70; an apology 3 h late -6; a broken promise
# -12; a kept promise +4 and a 10/10 survey answer +6; a second failure
# within 90 days -15; an obligation still open past due -(2 per hour + 5).
# Every event happens "now", so none is discounted.
$ redress client add Acme
$ redress trust Acme --json
json .score == 70
json .explanation length 0
$ redress failure open Outage --severity 3 --detected 2026-11-22T05:00:00Z --client Acme
$ redress trust Acme --json
json .score == 59
json .explanation[0].reason == "apology overdue by 3 h on Outage"
$ redress log --failure 1 --client Acme --kind apology --channel email --at 2026-11-22T12:00:00Z --summary Sorry
$ redress trust Acme --json
json .score == 64
json .explanation[0].points == -6
json .explanation[0].reason == "apology 3 h late on Outage"
json .trend.label == "falling"
json .trend.delta == -6
$ redress commitment add Acme "Call back by 11:00" --failure 1 --due 2026-11-22T11:00:00Z
$ redress commitment break 1 --at 2026-11-22T12:00:00Z
$ redress trust Acme --json
json .score == 52
json .explanation[0].points == -12
json .explanation[0].reason == "promise broken: 'Call back by 11:00' on Outage"
$ redress commitment add Acme "RCA by Friday" --failure 1 --due 2026-11-27T11:00:00Z
$ redress commitment keep 2 --at 2026-11-22T12:00:00Z
$ redress survey send 1 Acme --at 2026-11-22T12:00:00Z
$ redress survey answer 1 "Did we keep you informed?" --score 10 --at 2026-11-22T12:00:00Z
$ redress trust Acme --json
json .score == 62
$ redress failure open Second --severity 3 --detected 2026-11-22T10:00:00Z --client Acme
$ redress trust Acme
stdout-has Acme (standard): trust 47/100, falling (-23 since 2026-10-23T12:00:00Z)
stdout-has    -15  second failure 5 h after 'Outage' on Second
# client show carries the same trust object
$ redress client show Acme --json
json .trust.score == 47
json .trust.trend.label == "falling"
json .trust.explanation length 5
json .trust.explanation[0].points == -15
$ redress client show Acme
stdout-has trust 47/100, falling
# Every write at one instant leaves one history row: the score after it.
sql SELECT count(*) FROM trust_history == 1
sql SELECT score FROM trust_history == 47
# A day later the score has moved only by age; the sweep records it.
%env REDRESS_NOW=2026-11-23T12:00:00Z
$ redress trust --sweep
stdout-has trust recorded for 1 client
sql SELECT count(*) FROM trust_history == 2
$ redress trust --sweep
stdout-has trust recorded for 0 clients
unchanged
$ redress trust Acme --json
json .history length 2
json .history[0].score == 47
# Looking back: before the failure, the baseline.
$ redress trust Acme --at 2026-11-21T00:00:00Z --json
json .score == 70
json .explanation length 0
