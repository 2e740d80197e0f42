# An inbound chase counts against the obligation pending or overdue at that
# moment (the earliest due); a chase when nothing was owed is unattributed.
$ redress client add "Acme Retail" --tz UTC
$ redress failure open "Outage" --severity 2 --detected 2026-11-23T09:00:00Z --client "Acme Retail"
# before detection nothing was owed
$ redress log --failure 1 --client "Acme Retail" --kind other --channel email --direction in --chase --at 2026-11-23T08:00:00Z
# the apology (due 13:00) is overdue at 14:00
$ redress log --failure 1 --client "Acme Retail" --kind other --channel call --direction in --chase --at 2026-11-23T14:00:00Z
$ redress log --failure 1 --client "Acme Retail" --kind apology --channel email --at 2026-11-23T15:00:00Z
# after the apology, the root-cause update is the earliest still owed
$ redress log --failure 1 --client "Acme Retail" --kind other --channel email --direction in --chase --at 2026-11-23T16:00:00Z
# an inbound message that is not a chase counts for nothing
$ redress log --failure 1 --client "Acme Retail" --kind other --channel email --direction in --at 2026-11-23T17:00:00Z
$ redress obligations --failure 1 --at 2026-11-24T00:00:00Z --json
json [0].chases == 2
json [0].chases_unattributed == 1
json [0].obligations[0].key == "apology"
json [0].obligations[0].state == "late"
json [0].obligations[0].chases == 1
json [0].obligations[1].key == "rca_update"
json [0].obligations[1].chases == 1
json [0].obligations[2].chases == 0
$ redress obligations --failure 1 --at 2026-11-24T00:00:00Z
stdout-has Acme Retail (standard column, 2 chases)
# as of 15:00 only one chase had happened against us
$ redress obligations --failure 1 --at 2026-11-23T15:00:00Z --json
json [0].chases == 1
