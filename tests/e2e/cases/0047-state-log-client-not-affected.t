# A communication about a failure must be with a client it affected.
%demo
$ redress log --failure 3 --client "Northwind Logistics" --kind apology --channel call
exit 2
stderr-has not affected by failure #3
unchanged
$ redress log --failure 1 --client "Acme Retail" --kind apology --channel email --contact lena.vogel@northwind.example
exit 2
stderr-has --contact
stderr-has lena.vogel@northwind.example
unchanged
$ redress impact set 3 "Northwind Logistics" --affected yes --point-person sam@provider.example --json
json .affected == "yes"
$ redress log --failure 3 --client "Northwind Logistics" --kind apology --channel call --json
json .client_id == 1
