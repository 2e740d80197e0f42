# Overdue obligations escalate: level 1 (the owner) at due, level 2 (the
# owner's manager) after escalation.<column>.manager_after: 24 h standard, 4 h key.
$ redress user add maria@provider.example --role manager --no-password
$ redress user add sam@provider.example --role agent --no-password --manager maria@provider.example
$ redress client add "Acme Retail" --tz UTC --owner sam@provider.example
$ redress client add "Globex Health" --tier key --tz UTC --owner sam@provider.example
$ redress failure open "Outage" --severity 2 --detected 2026-11-23T09:00:00Z --client "Acme Retail" --client "Globex Health"
# before due: pending, no escalation (Globex apology due 11:00, Acme 13:00)
$ redress obligations --failure 1 --at 2026-11-23T10:59:00Z --json
json [0].obligations[0].escalation == 0
json [1].obligations[0].escalation == 0
# a minute past due: level 1
$ redress agenda --at 2026-11-23T13:01:00Z --json
json [0].client == "Globex Health"
json [0].escalation == 1
json [1].client == "Acme Retail"
json [1].escalation == 1
# key: 4 h after due the manager is in; standard still level 1
$ redress agenda --at 2026-11-23T15:00:00Z --json
json [0].client == "Globex Health"
json [0].escalation == 2
json [1].client == "Acme Retail"
json [1].escalation == 1
$ redress agenda --at 2026-11-24T12:59:00Z --json
json [1].client == "Acme Retail"
json [1].escalation == 1
$ redress agenda --at 2026-11-24T13:00:00Z
stdout-has #1 Acme Retail — apology  owner sam@provider.example  late 1d00h  escalation 2
