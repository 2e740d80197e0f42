# `redress escalate` (the server runs it every minute) stores one event per
# overdue obligation and level — to the owner at due, to the owner's manager
# after the policy's delay — and never twice.
$ redress user add maria@provider.example --role manager --no-password
$ redress user add sam@provider.example --role agent --no-password --manager maria@provider.example
$ redress client add "Globex Health" --tier key --tz UTC --owner sam@provider.example
$ redress failure open "Outage" --severity 2 --detected 2026-11-23T09:00:00Z --client "Globex Health"
# before the apology is due (11:00): nothing to escalate
$ redress escalate --at 2026-11-23T10:59:00Z
stdout-has 0 new escalations
sql SELECT count(*) FROM escalations == 0
# past due: level 1, to Sam, at the due time
$ redress escalate --at 2026-11-23T12:00:00Z
stdout-has 1 new escalation
sql SELECT to_user_id FROM escalations WHERE level = 1 == 2
# 2026-11-23T11:00:00Z, in seconds since the epoch (portable SQL: no datetime())
sql SELECT at FROM escalations WHERE level = 1 == 1795431600
# 4 h after due (key column): level 2, to Maria
$ redress escalate --at 2026-11-23T15:30:00Z
sql SELECT to_user_id FROM escalations WHERE level = 2 == 1
$ redress escalate --at 2026-11-23T15:30:00Z
stdout-has 0 new escalations
sql SELECT count(*) FROM escalations == 2
# met obligations do not escalate
$ redress log --failure 1 --client "Globex Health" --kind apology --channel call --at 2026-11-23T16:00:00Z
$ redress escalate --at 2026-11-23T17:00:00Z
sql SELECT count(*) FROM escalations WHERE obligation_id <> (SELECT id FROM obligations WHERE key = 'apology') == 0
