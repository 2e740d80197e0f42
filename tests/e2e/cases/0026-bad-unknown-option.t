# Unknown options: exit 2, the option named and the accepted ones listed.
%demo
$ redress client add "Zeta" --colour red
exit 2
stderr-has unknown option '--colour'
stderr-has --tier
unchanged
$ redress log --failure 1 --client "Northwind Logistics" --kind apology --channel email --urgent
exit 2
stderr-has '--urgent'
unchanged
$ redress failure resolve 1 --when 2026-11-22T12:00:00Z
exit 2
stderr-has '--when'
unchanged
$ redress failure open "X" -s 2
exit 2
stderr-has '-s'
unchanged
$ redress log --chase=yes --failure 1 --client "Northwind Logistics" --kind other --channel email --direction in
exit 2
stderr-has --chase takes no value
unchanged
$ redress client add "Zeta" --tier
exit 2
stderr-has --tier needs a value
unchanged
$ redress client add "Zeta" --tier key --tier standard
exit 2
stderr-has given twice
unchanged
$ redress client add "Zeta" "Extra"
exit 2
stderr-has unexpected argument 'Extra'
unchanged
$ redress --db
exit 2
stderr-has --db needs a value
