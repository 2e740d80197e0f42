# Invalid UTF-8 in any argument: exit 2, the argument or option named, nothing written.
%demo
$ redress client add "Bad\xffName"
exit 2
stderr-has UTF-8
stderr-has argument 1
unchanged
$ redress client add Good --tags "a\xc0\xafb"
exit 2
stderr-has --tags
stderr-has UTF-8
unchanged
$ redress log --failure 1 --client "Northwind Logistics" --kind apology --channel email --summary "sorry \xed\xa0\x80"
exit 2
stderr-has --summary
unchanged
$ redress failure open "Outage \xfe" --severity 2
exit 2
stderr-has UTF-8
unchanged
$ redress log --failure 1 --client "North\xffwind" --kind apology --channel email
exit 2
stderr-has --client
unchanged
$ redress commitment add "Acme Retail" "call \xff back"
exit 2
stderr-has UTF-8
unchanged
$ redress failure disclose 1 "tell \xff them" --as maria@provider.example
exit 2
stderr-has UTF-8
unchanged
