# redress metrics on a scripted scenario, every figure worked out by hand
# (definitions: docs/metrics.md). One failure detected 2026-11-10T09:00Z
# hits A and B (standard, EUR 1000 and 3000 a year) and K (key, USD 2000).
$ redress user add maria@provider.example --name "Maria" --role manager --no-password
$ redress client add A --value 1000 --tz UTC
$ redress client add B --value 3000 --tz UTC
$ redress client add K --tier key --value 2000 --currency USD --tz UTC
$ redress failure open "Sync outage" --severity 3 --detected 2026-11-10T09:00:00Z --client A --client B --client K
# apologies after 1 h, 2 h 30 and 3 h (K is key: due in 2 h, so late)
$ redress log --failure 1 --client A --kind apology --channel email --at 2026-11-10T10:00:00Z
$ redress log --failure 1 --client B --kind apology --channel email --at 2026-11-10T11:30:00Z
$ redress log --failure 1 --client K --kind apology --channel call --at 2026-11-10T12:00:00Z
# first ETA the 12th 09:00, revised once to the 13th; resolved the 13th 15:00: 30 h off
$ redress eta set 1 2026-11-12T09:00:00Z --reason "restore from backup" --at 2026-11-10T12:00:00Z
$ redress eta set 1 2026-11-13T09:00:00Z --reason "backup incomplete" --at 2026-11-11T12:00:00Z
$ redress failure resolve 1 --at 2026-11-13T15:00:00Z
# two chases from B
$ redress log --failure 1 --client B --kind other --channel email --direction in --chase --at 2026-11-10T13:00:00Z
$ redress log --failure 1 --client B --kind other --channel call --direction in --chase --at 2026-11-10T14:00:00Z
# promises (recorded on the 10th): kept on time, kept late, broken
%env REDRESS_NOW=2026-11-10T16:00:00Z
$ redress commitment add A "Call at 09:00" --failure 1 --due 2026-11-11T09:00:00Z
$ redress commitment add B "Call at 09:00" --failure 1 --due 2026-11-11T09:00:00Z
$ redress commitment add K "Written RCA" --failure 1 --due 2026-11-12T09:00:00Z
%env REDRESS_NOW=2026-11-22T12:00:00Z
$ redress commitment keep 1 --at 2026-11-11T08:00:00Z
$ redress commitment keep 2 --at 2026-11-12T09:00:00Z
$ redress commitment break 3 --at 2026-11-12T10:00:00Z
# survey of A: 9 and 7
$ redress survey send 1 A --at 2026-11-15T09:00:00Z
$ redress survey answer 1 "Kept informed?" --score 9 --at 2026-11-16T09:00:00Z
$ redress survey answer 1 "Would recommend?" --score 7 --at 2026-11-16T09:00:00Z
# goodwill: EUR 300 to B, approved and delivered; EUR value 4000 -> 7.5 %
$ redress goodwill propose --failure 1 --client B --kind credit --amount 300
$ redress --as maria@provider.example goodwill approve 1 --at 2026-11-14T09:00:00Z
$ redress goodwill deliver 1 --at 2026-11-15T09:00:00Z
$ redress metrics --from 2026-11-01T00:00:00Z --to 2026-11-22T12:00:00Z --json
json .as_of == "2026-11-22T12:00:00Z"
json .overall.failures == 1
json .overall.affected_clients == 3
json .overall.time_to_apology.median_seconds == 9000
json .overall.time_to_apology.p90_seconds == 10800
json .overall.time_to_apology.waiting == 0
python [(s["on_time"], s["late"]) for s in json.loads(out)["overall"]["steps"] if s["kind"] == "apology"] == [(2, 1)]
json .overall.promises.kept_on_time == 1
json .overall.promises.kept_late == 1
json .overall.promises.broken == 1
python abs(json.loads(out)["overall"]["promises"]["kept_on_time_rate"] - 1 / 3) < 1e-9
python abs(json.loads(out)["overall"]["promises"]["kept_rate"] - 2 / 3) < 1e-9
json .overall.eta.tracks == 3
json .overall.eta.mean_abs_error_seconds == 108000
json .overall.eta.median_abs_error_seconds == 108000
json .overall.eta.revisions == 3
json .overall.eta.revisions_per_track == 1.0
json .overall.chases.total == 2
python abs(json.loads(out)["overall"]["chases"]["per_affected_client"] - 2 / 3) < 1e-9
json .overall.survey.answers == 2
json .overall.survey.mean == 8.0
json .overall.goodwill[0].currency == "EUR"
json .overall.goodwill[0].delivered == "300.00"
json .overall.goodwill[0].client_value == "4000.00"
json .overall.goodwill[0].ratio == 0.075
json .groups length 0
$ redress metrics --from 2026-11-01T00:00:00Z --to 2026-11-22T12:00:00Z
stdout-has Overall: 1 failure(s), 3 affected client(s)
stdout-has median 2 h 30 min, p90 3 h (3 apologised, 0 still waiting)
stdout-has 33 % kept on time, 67 % kept at all
stdout-has off by 1 d 6 h on average, median 1 d 6 h
stdout-has mean 8.0 of 10 from 2 answer(s)
stdout-has 300.00 granted (300.00 delivered, 0.00 proposed) = 7.50 % of client value 4000.00
# per tier: K alone is the key tier
$ redress metrics --from 2026-11-01T00:00:00Z --to 2026-11-22T12:00:00Z --by tier --json
json .groups length 2
json .groups[0].group == "key"
json .groups[0].time_to_apology.median_seconds == 10800
json .groups[0].promises.broken == 1
json .groups[1].group == "standard"
json .groups[1].time_to_apology.median_seconds == 6300
json .groups[1].chases.total == 2
# as of the 11th 11:00: B's promise was open past due, the ETA not yet revised
$ redress metrics --from 2026-11-01T00:00:00Z --to 2026-11-11T11:00:00Z --json
json .overall.promises.kept_on_time == 1
json .overall.promises.open_overdue == 1
json .overall.promises.open == 1
json .overall.eta.resolved == 0
json .overall.eta.revisions == 0
$ redress metrics --from 2026-11-01T00:00:00Z --to 2026-11-11T11:00:00Z
stdout-has nothing resolved yet against an ETA (3 client(s) with one); 0.0 revisions per client
# a period that ends before the failure: nothing in it
$ redress metrics --from 2026-10-01T00:00:00Z --to 2026-11-01T00:00:00Z --json
json .overall.affected_clients == 0
json .overall.time_to_apology.median_seconds == null
$ redress metrics --from 2026-10-01T00:00:00Z --to 2026-11-01T00:00:00Z
stdout-has Promises               none due yet (0 open, 0 renegotiated)
# bad input: named, nothing changed
$ redress metrics --by client
exit 2
stderr-has failure, owner, tier
unchanged
$ redress metrics --from 2026-11-22T00:00:00Z --to 2026-11-01T00:00:00Z
exit 2
stderr-has before
unchanged
$ redress metrics --to yesterday
exit 2
stderr-has yesterday
unchanged
