# The agenda lists what is overdue, most overdue first, then what falls due
# within 24 h; nothing met, nothing due later.
$ redress client add "Acme Retail" --tz UTC
$ redress client add "Cedar Analytics" --tz Europe/Amsterdam
$ redress client add "Globex Health" --tier key --tz UTC
$ redress failure open "Outage" --severity 2 --detected 2026-11-23T09:00:00Z --client "Acme Retail" --client "Cedar Analytics" --client "Globex Health"
# Cedar got its apology on time: it is not on the agenda
$ redress log --failure 1 --client "Cedar Analytics" --kind apology --channel email --at 2026-11-23T12:00:00Z
$ redress agenda --at 2026-11-23T14:00:00Z --json
json . length 3
json [0].client == "Globex Health"
json [0].key == "apology"
json [0].state == "overdue"
json [0].due_at == "2026-11-23T11:00:00Z"
json [0].lateness_seconds == 10800
json [1].client == "Acme Retail"
json [1].key == "apology"
json [1].state == "overdue"
json [2].client == "Globex Health"
json [2].key == "rca_update"
json [2].state == "pending"
json [2].due_at == "2026-11-24T09:00:00Z"
$ redress agenda --at 2026-11-23T14:00:00Z
stdout-has OVERDUE  2026-11-23T11:00:00Z (2026-11-23T11:00:00+00:00)  #1 Globex Health — apology
stdout-lacks Cedar Analytics
python out.index("Globex Health — apology") < out.index("Acme Retail — apology") < out.index("Globex Health — rca_update")
# before anything is due soon there is nothing to do
$ redress agenda --at 2026-11-23T06:00:00Z --json
json . length 0
