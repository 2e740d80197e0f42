# Event UIDs are stable: the same feed twice has the same UIDs, and after a
# step is met, the remaining events keep theirs (a subscribed calendar updates).
%demo
$ redress calendar --owner sam@provider.example
python len(ics(out)) > 5
python len(set(str(e["UID"]) for e in ics(out))) == len(ics(out))
$ redress calendar --owner sam@provider.example
python [str(e["UID"]) for e in ics(out)] == [str(e["UID"]) for e in ics(prev)]
$ redress log --failure 1 --client "Northwind Logistics" --kind progress --channel email
$ redress calendar --owner sam@provider.example
$ redress calendar --owner sam@provider.example
python set(str(e["UID"]) for e in ics(out)) == set(str(e["UID"]) for e in ics(prev))
