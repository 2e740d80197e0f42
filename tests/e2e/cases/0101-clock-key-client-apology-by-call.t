# A key client is owed the apology within 2 h, by call or meeting: an email
# apology does not meet it; the tighter column applies to every step.
$ redress client add "Globex Health" --tier key --tz UTC
$ redress failure open "Checkout outage" --severity 2 --detected 2026-11-23T09:00:00Z --client "Globex Health"
$ redress obligations --failure 1 --at 2026-11-23T09:30:00Z --json
json [0].column == "key"
json [0].obligations[0].key == "apology"
json [0].obligations[0].due_at == "2026-11-23T11:00:00Z"
json [0].obligations[0].channels == "call,meeting"
json [0].obligations[1].due_at == "2026-11-24T09:00:00Z"
json [0].obligations[2].due_at == "2026-11-26T09:00:00Z"
# an email apology at 10:00 meets nothing: at 11:30 the apology is overdue
$ redress log --failure 1 --client "Globex Health" --kind apology --channel email --at 2026-11-23T10:00:00Z
$ redress obligations --failure 1 --at 2026-11-23T11:30:00Z --json
json [0].obligations[0].state == "overdue"
json [0].obligations[0].met_by == null
json [0].obligations[0].lateness_seconds == 1800
# a call at 10:45 does meet it, on time
$ redress log --failure 1 --client "Globex Health" --kind apology --channel call --at 2026-11-23T10:45:00Z
$ redress obligations --failure 1 --at 2026-11-23T11:30:00Z --json
json [0].obligations[0].state == "on_time"
json [0].obligations[0].met_by == 2
