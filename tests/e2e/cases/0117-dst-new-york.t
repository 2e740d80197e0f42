# New York leaves daylight time on Sunday 2026-11-01: "+1 day" and "+3 days"
# keep 10:00 local, so they are 25 h and 73 h later.
$ redress client add "Globex Health" --tier key --tz America/New_York
$ redress client add "Iris Media" --tz America/New_York
# Saturday 10:00 EDT = 14:00Z
$ redress failure open "Outage" --severity 2 --detected 2026-10-31T14:00:00Z --client "Globex Health" --client "Iris Media"
$ redress obligations --failure 1 --client "Globex Health" --at 2026-10-31T15:00:00Z --json
json [0].obligations[1].key == "rca_update"
json [0].obligations[1].due_at == "2026-11-01T15:00:00Z"
json [0].obligations[1].due_local == "2026-11-01T10:00:00-05:00"
json [0].obligations[2].due_at == "2026-11-03T15:00:00Z"
$ redress obligations --failure 1 --client "Iris Media" --at 2026-10-31T15:00:00Z --json
json [0].obligations[0].due_at == "2026-10-31T18:00:00Z"
json [0].obligations[0].due_local == "2026-10-31T14:00:00-04:00"
json [0].obligations[1].due_at == "2026-11-03T15:00:00Z"
json [0].obligations[1].due_local == "2026-11-03T10:00:00-05:00"
$ redress agenda --at 2026-10-31T15:00:00Z
stdout-has (2026-11-01T10:00:00-05:00)  #1 Globex Health — rca_update
