# Every client of a failure must hear the same cause: a different cause told
# to another client is fact.contradiction (check) and, once logged, owes that
# client a correction.
$ redress client add "Acme Retail" --tz UTC
$ redress client add "Cedar Analytics" --tz UTC
$ redress failure open "Outage" --severity 2 --detected 2026-11-23T09:00:00Z --client "Acme Retail" --client "Cedar Analytics"
$ redress log --failure 1 --client "Acme Retail" --kind rca_update --channel email --cause "a failed database switch" --at 2026-11-24T10:00:00Z
%file power-cut.txt
| The outage was caused by a power cut in our data centre.
%file same-cause.txt
| The outage was caused by a failed database switch.
$ redress check --kind other --client "Cedar Analytics" --failure 1 --at 2026-11-25T10:00:00Z power-cut.txt
exit 1
stdout-has power-cut.txt:1:16: error:
stdout-has communication #1
stdout-has Acme Retail
stdout-has [fact.contradiction]
$ redress check --kind other --client "Cedar Analytics" --failure 1 --at 2026-11-25T10:00:00Z same-cause.txt
stdout-lacks [fact.contradiction]
$ redress log --failure 1 --client "Cedar Analytics" --kind rca_update --channel email --cause "a power cut" --at 2026-11-25T10:00:00Z
$ redress obligations --failure 1 --client "Cedar Analytics" --at 2026-11-25T11:00:00Z
stdout-has correction@2             pending  due 2026-11-26T10:00:00Z
$ redress obligations --failure 1 --client "Acme Retail" --at 2026-11-25T11:00:00Z
stdout-lacks correction
