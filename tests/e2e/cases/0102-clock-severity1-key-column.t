# Severity 1 puts every client, standard ones too, on the key column.
$ redress client add "Acme Retail" --tz UTC
$ redress failure open "Total outage" --severity 1 --detected 2026-11-23T09:00:00Z --client "Acme Retail"
$ redress obligations --failure 1 --at 2026-11-23T09:30:00Z --json
json [0].column == "key"
json [0].obligations[0].due_at == "2026-11-23T11:00:00Z"
json [0].obligations[0].channels == "call,meeting"
json [0].obligations[1].due_at == "2026-11-24T09:00:00Z"
json [0].obligations[2].due_at == "2026-11-26T09:00:00Z"
# another standard client, of a severity-3 failure, stays on the standard column
$ redress client add "Blue Harbor Foods" --tz UTC
$ redress failure open "Slow reports" --severity 3 --detected 2026-11-23T09:00:00Z --client "Blue Harbor Foods"
$ redress obligations --failure 2 --at 2026-11-23T09:30:00Z --json
json [0].column == "standard"
json [0].obligations[0].due_at == "2026-11-23T13:00:00Z"
