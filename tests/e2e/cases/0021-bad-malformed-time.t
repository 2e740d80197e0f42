# Malformed times: exit 2, the option named, nothing written.
%demo
$ redress failure open "Outage" --severity 2 --detected yesterday
exit 2
stderr-has detected
stderr-has 'yesterday'
unchanged
$ redress failure open "Outage" --severity 2 --detected 2026-11-22T10:00:00
exit 2
stderr-has no zone
unchanged
$ redress failure resolve 1 --at "next friday"
exit 2
stderr-has --at
unchanged
$ redress failure resolve 1 --at 2026-02-30T10:00:00Z
exit 2
stderr-has --at
unchanged
$ redress log --failure 1 --client "Northwind Logistics" --kind delay --channel email --eta soon
exit 2
stderr-has eta
unchanged
$ redress log --failure 1 --client "Northwind Logistics" --kind delay --channel email --at 2026-11-22T25:00:00Z
exit 2
stderr-has at
unchanged
$ redress eta set 1 tomorrow --reason "vendor"
exit 2
stderr-has ETA
unchanged
$ redress commitment keep 1 --at 12:00
exit 2
stderr-has --at
unchanged
