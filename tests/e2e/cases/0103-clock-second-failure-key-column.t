# A second failure within 90 days tightens a standard client to the key column;
# a failure more than 90 days earlier does not.
$ redress client add "Acme Retail" --tz UTC
$ redress client add "Cedar Analytics" --tz UTC
$ redress failure open "First outage" --severity 3 --detected 2026-09-01T09:00:00Z --client "Acme Retail"
$ redress failure open "Old outage" --severity 3 --detected 2026-08-01T09:00:00Z --client "Cedar Analytics"
$ redress failure open "Second outage" --severity 3 --detected 2026-11-23T09:00:00Z --client "Acme Retail" --client "Cedar Analytics"
$ redress obligations --failure 3 --client "Acme Retail" --at 2026-11-23T09:30:00Z --json
json [0].column == "key"
json [0].obligations[0].due_at == "2026-11-23T11:00:00Z"
json [0].obligations[0].channels == "call,meeting"
json [0].obligations[1].due_at == "2026-11-24T09:00:00Z"
$ redress obligations --failure 3 --client "Cedar Analytics" --at 2026-11-23T09:30:00Z --json
json [0].column == "standard"
json [0].obligations[0].due_at == "2026-11-23T13:00:00Z"
json [0].obligations[1].due_at == "2026-11-26T09:00:00Z"
