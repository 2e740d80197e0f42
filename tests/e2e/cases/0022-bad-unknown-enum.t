# Unknown enumeration values: exit 2, the field and the accepted values named.
%demo
$ redress client add "Zeta" --tier gold
exit 2
stderr-has tier
stderr-has key, standard
unchanged
$ redress log --failure 1 --client "Northwind Logistics" --kind sorry --channel email
exit 2
stderr-has kind
stderr-has 'sorry'
unchanged
$ redress log --failure 1 --client "Northwind Logistics" --kind apology --channel pigeon
exit 2
stderr-has channel
stderr-has 'pigeon'
unchanged
$ redress log --failure 1 --client "Northwind Logistics" --kind apology --channel email --direction sideways
exit 2
stderr-has direction
unchanged
$ redress log --failure 1 --client "Northwind Logistics" --kind apology --channel email --visibility secret
exit 2
stderr-has visibility
unchanged
$ redress goodwill propose --failure 1 --client "Acme Retail" --kind hug
exit 2
stderr-has kind
unchanged
$ redress user add new@provider.example --role boss --no-password
exit 2
stderr-has role
unchanged
$ redress rca set 1 --category gremlins
exit 2
stderr-has category
unchanged
$ redress impact set 1 "Acme Retail" --affected perhaps
exit 2
stderr-has affected
unchanged
