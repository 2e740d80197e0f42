# Bad amounts: exit 2, the field named, nothing written.
%demo
$ redress client add "Zeta" --value abc
exit 2
stderr-has client.value
unchanged
$ redress client add "Zeta" --value=-5
exit 2
stderr-has negative
unchanged
$ redress client add "Zeta" --value 1.234
exit 2
stderr-has more than two decimals
unchanged
$ redress client add "Zeta" --value "12 EUR"
exit 2
stderr-has value
unchanged
$ redress client add "Zeta" --value 92233720368547759
exit 2
stderr-has too large
unchanged
$ redress log --failure 1 --client "Northwind Logistics" --kind plan --channel email --amount lots
exit 2
stderr-has amount
unchanged
$ redress goodwill propose --failure 1 --client "Acme Retail" --kind credit --amount 1e6
exit 2
stderr-has amount
unchanged
$ redress impact set 1 "Acme Retail" --financial "EUR 4,500"
exit 2
stderr-has financial
unchanged
$ redress client add "Zeta" --currency euro
exit 2
stderr-has currency
unchanged
$ redress client add "Zeta" --value 4,500.5 --json
json .value == "4500.50"
