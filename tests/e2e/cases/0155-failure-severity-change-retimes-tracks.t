# Raising a failure to severity 1 puts every client on the key column at
# once (apology due detected + 2 h instead of + 4 h).
$ redress client add "Acme Retail" --tz UTC
$ redress failure open "Outage" --severity 2 --detected 2026-11-23T09:00:00Z --client "Acme Retail"
$ redress agenda --at 2026-11-23T09:30:00Z --json
json [0].due_at == "2026-11-23T13:00:00Z"
$ redress failure update 1 --severity 1
$ redress agenda --at 2026-11-23T09:30:00Z --json
json [0].due_at == "2026-11-23T11:00:00Z"
json [0].column == "key"
