# A standard client of a severity-2 failure: apology within 4 h (any channel),
# root-cause update within 3 days, recovery plan within 5 days of detection.
$ redress client add "Acme Retail" --tz UTC
$ redress failure open "Checkout outage" --severity 2 --detected 2026-11-23T09:00:00Z --client "Acme Retail"
$ redress obligations --failure 1 --client "Acme Retail" --at 2026-11-23T10:00:00Z --json
json . length 1
json [0].client == "Acme Retail"
json [0].column == "standard"
json [0].obligations length 3
json [0].obligations[0].key == "apology"
json [0].obligations[0].due_at == "2026-11-23T13:00:00Z"
json [0].obligations[0].channels == "any"
json [0].obligations[0].state == "pending"
json [0].obligations[1].key == "rca_update"
json [0].obligations[1].due_at == "2026-11-26T09:00:00Z"
json [0].obligations[2].key == "plan"
json [0].obligations[2].due_at == "2026-11-28T09:00:00Z"
$ redress obligations --failure 1 --at 2026-11-23T10:00:00Z
stdout-has Acme Retail (standard column, 0 chases)
stdout-has due 2026-11-23T13:00:00Z
stdout-has due 2026-11-26T09:00:00Z
stdout-has due 2026-11-28T09:00:00Z
# an email apology within the 4 hours meets it on time
$ redress log --failure 1 --client "Acme Retail" --kind apology --channel email --at 2026-11-23T12:30:00Z
$ redress obligations --failure 1 --at 2026-11-23T14:00:00Z --json
json [0].obligations[0].state == "on_time"
json [0].obligations[0].met_by == 1
json [0].obligations[0].met_at == "2026-11-23T12:30:00Z"
