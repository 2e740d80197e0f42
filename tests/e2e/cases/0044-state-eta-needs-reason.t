# An ETA revision without a reason is refused; with one it is recorded.
%demo
$ redress eta set 1 2026-11-30T12:00:00Z
exit 2
stderr-has reason
unchanged
$ redress eta set 1 2026-11-30T12:00:00Z --reason "   "
exit 2
stderr-has reason
unchanged
$ redress eta set 1 2026-11-30T12:00:00Z --reason "Card network moved the window" --told --json
json .eta == "2026-11-30T12:00:00Z"
json .reason == "Card network moved the window"
json .clients_told == true
$ redress eta set 2 2026-11-30T12:00:00Z --reason "late"
exit 2
stderr-has resolved
unchanged
$ redress eta set 1 2026-11-30T12:00:00Z --reason "x" --client "Helios Energy"
exit 2
stderr-has not affected
unchanged
