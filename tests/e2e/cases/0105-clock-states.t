# Every obligation state: on time, late (met after due), overdue (unmet, past
# due) and pending; lateness in seconds.
$ redress client add "Acme Retail" --tz UTC
$ redress failure open "Outage" --severity 2 --detected 2026-11-23T09:00:00Z --client "Acme Retail"
# apology due 13:00, sent 14:00: late by an hour
$ redress log --failure 1 --client "Acme Retail" --kind apology --channel email --at 2026-11-23T14:00:00Z
# root-cause update due 2026-11-26T09:00, sent the day before: on time
$ redress log --failure 1 --client "Acme Retail" --kind rca_update --channel email --at 2026-11-25T09:00:00Z
$ redress obligations --failure 1 --at 2026-11-28T10:00:00Z --json
json [0].obligations[0].state == "late"
json [0].obligations[0].lateness_seconds == 3600
json [0].obligations[0].met_by == 1
json [0].obligations[1].state == "on_time"
json [0].obligations[1].met_by == 2
json [0].obligations[2].key == "plan"
json [0].obligations[2].state == "overdue"
json [0].obligations[2].lateness_seconds == 3600
# exactly at the due time it is still pending
$ redress obligations --failure 1 --at 2026-11-28T09:00:00Z --json
json [0].obligations[2].state == "pending"
# as of a time before the late apology, the apology was overdue
$ redress obligations --failure 1 --at 2026-11-23T13:30:00Z --json
json [0].obligations[0].state == "overdue"
json [0].obligations[0].met_by == null
