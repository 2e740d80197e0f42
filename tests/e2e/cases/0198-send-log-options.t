# redress send takes `redress log`'s options with the same meaning:
# --contact picks the one contact the email goes to (and is recorded as the
# communication's contact), --author the staff member who wrote it;
# --body-file reads the body like log's. An unknown contact is refused
# naming it and its client (log said client '(null)' before), a chase is
# refused (inbound: `redress log`), nothing changes.
%demo
%file msg.txt
| Dear Jonas, we are sorry: our failover stopped your payments this morning.
$ redress contact add "Northwind Logistics" "Jonas Weber" --email jonas.weber@northwind.example --role operations
exit 0
$ redress send --failure 1 --client "Northwind Logistics" --kind apology --body-file msg.txt --contact nobody@northwind.example
exit 2
stderr-has 'nobody@northwind.example' is not a contact of client 'Northwind Logistics'
unchanged
$ redress log --failure 1 --client "Northwind Logistics" --kind apology --channel call --contact nobody@northwind.example
exit 2
stderr-has 'nobody@northwind.example' is not a contact of client 'Northwind Logistics'
unchanged
$ redress send --failure 1 --client "Northwind Logistics" --kind apology --body msg.txt --body-file msg.txt
exit 2
stderr-has give --body or --body-file, not both
unchanged
$ redress send --failure 1 --client "Northwind Logistics" --kind apology --body msg.txt --chase
exit 2
stderr-has redress log --direction in --chase
unchanged
$ redress send --failure 1 --client "Northwind Logistics" --kind apology --body-file msg.txt --contact jonas.weber@northwind.example --author priya@provider.example --confirm-errors --summary "Sorry, Jonas" --json
json .communication_id != null
sql SELECT count(*) FROM outbox WHERE kind = 'client' AND recipient = 'jonas.weber@northwind.example' == 1
sql SELECT count(*) FROM outbox WHERE kind = 'client' AND recipient LIKE '%lena.vogel%' == 0
sql SELECT count(*) FROM communications c JOIN contacts k ON k.id = c.contact_id JOIN users u ON u.id = c.author_id WHERE c.summary = 'Sorry, Jonas' AND k.email = 'jonas.weber@northwind.example' AND u.email = 'priya@provider.example' AND c.body LIKE 'Dear Jonas%' == 1
