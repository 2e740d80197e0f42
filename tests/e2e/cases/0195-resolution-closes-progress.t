# Progress updates exist while a failure is open. Once it is resolved, the
# ones still unmet close by rule (not_applicable, with the rule's reason)
# instead of staying overdue on the agenda for ever; the resolution notice
# and the follow-up remain owed, trust still counts the missed ones, and a
# reopening brings the progress updates back.
%env REDRESS_NOW=2026-11-30T12:00:00Z
$ redress client add "Globex Health" --tier key --tz UTC
$ redress failure open "Outage" --severity 2 --detected 2026-11-20T09:00:00Z --client "Globex Health"
$ redress log --failure 1 --client "Globex Health" --kind plan --channel email --at 2026-11-20T12:00:00Z
$ redress log --failure 1 --client "Globex Health" --kind progress --channel email --at 2026-11-21T11:00:00Z
# before the resolution, the daily updates that were not sent are overdue
$ redress agenda --at 2026-11-23T13:00:00Z --json
python [r["key"] for r in json.loads(out) if r["kind"] == "progress" and r["state"] == "overdue"] == ["progress#2", "progress#3"]
$ redress failure resolve 1 --at 2026-11-23T14:00:00Z
# after it, they are off the agenda; the resolution notice is what is owed
$ redress agenda --at 2026-11-23T20:00:00Z --json
python [r["key"] for r in json.loads(out) if r["kind"] == "progress"] == []
python [r["state"] for r in json.loads(out) if r["key"] == "resolution"] == ["overdue"]
$ redress obligations --failure 1 --at 2026-11-23T20:00:00Z --json
python {o["key"]: o["state"] for o in json.loads(out)[0]["obligations"] if o["kind"] == "progress"} == {"progress#1": "on_time", "progress#2": "not_applicable", "progress#3": "not_applicable"}
python all("resolved" in o["closed_by_rule"] for o in json.loads(out)[0]["obligations"] if o["state"] == "not_applicable")
python [o["closed_by_rule"] for o in json.loads(out)[0]["obligations"] if o["key"] == "progress#1"] == [None]
python [o["state"] for o in json.loads(out)[0]["obligations"] if o["key"] in ("resolution", "follow_up")] == ["overdue", "pending"]
# a replay before the resolution still shows what was overdue then
$ redress obligations --failure 1 --at 2026-11-23T13:00:00Z --json
python [o["state"] for o in json.loads(out)[0]["obligations"] if o["key"] == "progress#2"] == ["overdue"]
# reopened: progress is owed again
$ redress failure reopen 1 --at 2026-11-24T09:00:00Z
$ redress agenda --at 2026-11-24T10:00:00Z --json
python "progress#2" in [r["key"] for r in json.loads(out) if r["state"] == "overdue"]
