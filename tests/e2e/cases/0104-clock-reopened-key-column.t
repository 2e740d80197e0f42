# A reopened failure tightens its clients' clock to the key column; its
# post-resolution steps wait for the new resolution.
$ redress client add "Acme Retail" --tz UTC
$ redress failure open "Outage" --severity 3 --detected 2026-11-16T09:00:00Z --client "Acme Retail"
$ redress failure resolve 1 --at 2026-11-17T09:00:00Z
$ redress obligations --failure 1 --at 2026-11-17T10:00:00Z --json
json [0].column == "standard"
json [0].obligations[0].key == "apology"
json [0].obligations[0].due_at == "2026-11-16T13:00:00Z"
json [0].obligations[1].key == "resolution"
json [0].obligations[1].due_at == "2026-11-18T09:00:00Z"
$ redress failure reopen 1 --at 2026-11-18T09:00:00Z
$ redress obligations --failure 1 --at 2026-11-18T10:00:00Z --json
json [0].column == "key"
json [0].obligations length 3
json [0].obligations[0].due_at == "2026-11-16T11:00:00Z"
json [0].obligations[0].channels == "call,meeting"
json [0].obligations[1].key == "rca_update"
json [0].obligations[1].due_at == "2026-11-17T09:00:00Z"
json [0].obligations[2].key == "plan"
json [0].obligations[2].due_at == "2026-11-19T09:00:00Z"
# resolved again: the key column's resolution notice is due 4 h after it
$ redress failure resolve 1 --at 2026-11-20T10:00:00Z
$ redress obligations --failure 1 --at 2026-11-20T11:00:00Z
stdout-has Acme Retail (key column
stdout-has resolution               pending  due 2026-11-20T14:00:00Z
