# --window widens the due-soon horizon (hours); the default is the policy's 24 h.
$ redress client add "Acme Retail" --tz UTC
$ redress failure open "Outage" --severity 2 --detected 2026-11-23T09:00:00Z --client "Acme Retail"
$ redress log --failure 1 --client "Acme Retail" --kind apology --channel email --at 2026-11-23T10:00:00Z
$ redress agenda --at 2026-11-24T12:00:00Z --json
json . length 0
$ redress agenda --at 2026-11-24T12:00:00Z --window 48 --json
json . length 1
json [0].key == "rca_update"
json [0].due_at == "2026-11-26T09:00:00Z"
$ redress agenda --at 2026-11-24T12:00:00Z --window 100 --json
json . length 2
json [1].key == "plan"
$ redress agenda --at 2026-11-25T10:00:00Z
stdout-has due      2026-11-26T09:00:00Z
stdout-has Acme Retail — rca_update
