# The demo data set's metrics (redress demo --at 2026-11-22T12:00:00Z; the
# default period is the 90 days before now). The same numbers are listed,
# with where each comes from, in docs/metrics.md "The demo's figures".
%demo
$ redress metrics --json
json .from == "2026-08-24T12:00:00Z"
json .overall.failures == 3
json .overall.affected_clients == 7
json .overall.time_to_apology.apologised == 5
json .overall.time_to_apology.waiting == 2
json .overall.time_to_apology.median_seconds == 7200
json .overall.time_to_apology.p90_seconds == 25200
json .overall.promises.kept_on_time == 1
json .overall.promises.broken == 1
json .overall.promises.open == 1
json .overall.promises.kept_on_time_rate == 0.5
json .overall.eta.tracks == 3
json .overall.eta.resolved == 0
json .overall.eta.revisions == 3
json .overall.chases.total == 1
json .overall.survey.answers == 1
json .overall.survey.mean == 8.0
json .overall.goodwill[0].currency == "EUR"
json .overall.goodwill[0].approved == "12000.00"
json .overall.goodwill[0].client_value == "582000.00"
json .overall.goodwill[2].currency == "USD"
json .overall.goodwill[2].proposed == "5000.00"
python [(s["kind"], s["on_time"], s["overdue"]) for s in json.loads(out)["overall"]["steps"]][:3] == [("apology", 3, 2), ("rca_update", 3, 2), ("plan", 3, 2)]
$ redress metrics --by failure --json
python [g["group"] for g in json.loads(out)["groups"]] == ["2", "1", "3"]
python [g["time_to_apology"]["median_seconds"] for g in json.loads(out)["groups"]] == [6000, 10800, None]
$ redress metrics --by owner
stdout-has Overall: 3 failure(s), 7 affected client(s)
stdout-has Owner
