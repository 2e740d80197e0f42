# Day steps keep the client's local wall time across a DST change; hour steps
# are exact. Berlin leaves summer time on Sunday 2026-10-25.
$ redress client add "Northwind Logistics" --tz Europe/Berlin
# detected Friday 10:00 CEST (08:00Z)
$ redress failure open "Outage" --severity 2 --detected 2026-10-23T08:00:00Z --client "Northwind Logistics"
$ redress obligations --failure 1 --at 2026-10-23T09:00:00Z --json
json [0].obligations[0].due_at == "2026-10-23T12:00:00Z"
json [0].obligations[0].due_local == "2026-10-23T14:00:00+02:00"
# +3 days: Monday 10:00 CET, i.e. 09:00Z (73 hours later)
json [0].obligations[1].due_at == "2026-10-26T09:00:00Z"
json [0].obligations[1].due_local == "2026-10-26T10:00:00+01:00"
json [0].obligations[2].due_at == "2026-10-28T09:00:00Z"
json [0].obligations[2].due_local == "2026-10-28T10:00:00+01:00"
# 4 hours across the change itself are 4 real hours: detected 02:30 CEST
$ redress failure open "Night outage" --severity 3 --detected 2026-10-25T00:30:00Z --client "Northwind Logistics"
$ redress obligations --failure 2 --at 2026-10-25T01:00:00Z --json
json [0].column == "key"
json [0].obligations[0].due_at == "2026-10-25T02:30:00Z"
json [0].obligations[0].due_local == "2026-10-25T03:30:00+01:00"
json [0].obligations[1].due_at == "2026-10-26T01:30:00Z"
json [0].obligations[1].due_local == "2026-10-26T02:30:00+01:00"
