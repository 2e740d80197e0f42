# After `failure resolve --at`: resolution notice within 24 h, post-fix
# check-in at 3 days, survey at 14 days, formal review at 45 days. A standard
# client gets no follow-up cadence.
$ redress client add "Acme Retail" --tz UTC
$ redress failure open "Outage" --severity 2 --detected 2026-11-16T09:00:00Z --client "Acme Retail"
$ redress failure resolve 1 --at 2026-11-20T10:00:00Z
# as of before the resolution, nothing after it is owed
$ redress obligations --failure 1 --at 2026-11-20T09:00:00Z --json
json [0].obligations length 3
$ redress obligations --failure 1 --at 2026-11-20T11:00:00Z --json
json [0].obligations length 7
json [0].obligations[3].key == "resolution"
json [0].obligations[3].due_at == "2026-11-21T10:00:00Z"
json [0].obligations[4].key == "follow_up"
json [0].obligations[4].due_at == "2026-11-23T10:00:00Z"
json [0].obligations[5].key == "survey"
json [0].obligations[5].due_at == "2026-12-04T10:00:00Z"
json [0].obligations[6].key == "review"
json [0].obligations[6].due_at == "2027-01-04T10:00:00Z"
python not any(o["key"].startswith("follow_up.cadence") for o in json.loads(out)[0]["obligations"])
# the notice and the check-in are met by messages of their kinds
$ redress log --failure 1 --client "Acme Retail" --kind resolution --channel email --at 2026-11-20T15:00:00Z
$ redress log --failure 1 --client "Acme Retail" --kind follow_up --channel call --at 2026-11-24T10:00:00Z
$ redress obligations --failure 1 --at 2026-11-25T00:00:00Z --json
json [0].obligations[3].state == "on_time"
json [0].obligations[3].met_by == 1
json [0].obligations[4].state == "late"
json [0].obligations[4].lateness_seconds == 86400
json [0].obligations[5].state == "pending"
