# A manager waives one obligation with a reason; an agent cannot; the
# waived obligation leaves the agenda.
%demo
$ redress --as sam@provider.example waive 1 "Northwind Logistics" progress#2 --reason "Covered on the daily call"
exit 2
stderr-has manager
unchanged
$ redress --as maria@provider.example waive 1 "Northwind Logistics" progress#2
exit 2
stderr-has reason
unchanged
$ redress --as maria@provider.example waive 1 "Northwind Logistics" no-such-step --reason "x"
exit 2
unchanged
$ redress agenda --json
python any(o["client"] == "Northwind Logistics" and o["key"] == "progress#2" for o in json.loads(out))
$ redress --as maria@provider.example waive 1 "Northwind Logistics" progress#2 --reason "Covered on the daily call"
stdout-has waived
changed
$ redress obligations --failure 1 --client "Northwind Logistics" --json
python [o["state"] for o in json.loads(out)[0]["obligations"] if o["key"] == "progress#2"] == ["waived"]
python [o["state"] for o in json.loads(out)[0]["obligations"] if o["key"] == "progress#3"] == ["overdue"]
$ redress agenda --json
python not any(o["client"] == "Northwind Logistics" and o["key"] == "progress#2" for o in json.loads(out))
$ redress --as maria@provider.example waive 1 "Northwind Logistics" progress#2 --reason "again"
exit 2
stderr-has already waived
unchanged
