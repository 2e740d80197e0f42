# Changing a client's tier moves its open tracks to the other column at
# once: a standard client's apology is due 4 h after detection, a key
# client's 2 h.
$ redress client add "Acme Retail" --tz UTC
$ redress failure open "Outage" --severity 2 --detected 2026-11-23T09:00:00Z --client "Acme Retail"
$ redress agenda --at 2026-11-23T09:30:00Z --json
json [0].due_at == "2026-11-23T13:00:00Z"
json [0].column == "standard"
$ redress client update "Acme Retail" --tier key
$ redress agenda --at 2026-11-23T09:30:00Z --json
json [0].due_at == "2026-11-23T11:00:00Z"
json [0].column == "key"
