# Missing required fields: exit 2, the missing one named, nothing written.
%demo
$ redress failure open "Outage"
exit 2
stderr-has --severity
unchanged
$ redress log --failure 1 --client "Northwind Logistics" --channel email
exit 2
stderr-has --kind
unchanged
$ redress log --failure 1 --kind apology --channel email
exit 2
stderr-has --client
unchanged
$ redress log --failure 1 --client "Northwind Logistics" --kind apology
exit 2
stderr-has --channel
unchanged
$ redress client add
exit 2
stderr-has missing argument
stderr-has NAME
unchanged
$ redress failure resolve
exit 2
stderr-has missing argument
unchanged
$ redress goodwill propose --client "Acme Retail" --kind credit
exit 2
stderr-has --failure
unchanged
$ redress user add new@provider.example --no-password
exit 2
stderr-has --role
unchanged
$ redress contact add "Acme Retail" "Jules Two"
exit 2
stderr-has email
unchanged
$ redress client add "   "
exit 2
stderr-has client.name
unchanged
$ redress plan add 1 --kind repair
exit 2
stderr-has description
unchanged
