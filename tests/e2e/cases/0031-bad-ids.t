# Unknown or malformed ids: exit 2, the id named, nothing written.
%demo
$ redress failure resolve 99
exit 2
stderr-has 99
unchanged
$ redress failure resolve abc
exit 2
stderr-has not a number
unchanged
$ redress log --failure 99 --client "Northwind Logistics" --kind apology --channel email
exit 2
stderr-has 99
unchanged
$ redress goodwill approve 42 --as maria@provider.example
exit 2
stderr-has 42
unchanged
$ redress commitment keep x
exit 2
stderr-has not a number
unchanged
