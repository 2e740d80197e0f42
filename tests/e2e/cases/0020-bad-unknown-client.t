# Unknown client: exit 2, the name in the message, nothing written.
%demo
$ redress failure open "Outage" --severity 2 --client "Northwind Logistics" --client "Nobody Inc"
exit 2
stderr-has unknown client 'Nobody Inc'
unchanged
$ redress log --failure 1 --client "Nobody Inc" --kind apology --channel email
exit 2
stderr-has unknown client 'Nobody Inc'
unchanged
$ redress client show "Nobody Inc"
exit 2
stderr-has Nobody Inc
$ redress client update "Nobody Inc" --tier key
exit 2
stderr-has Nobody Inc
unchanged
$ redress goodwill propose --failure 1 --client "Nobody Inc" --kind credit
exit 2
stderr-has Nobody Inc
unchanged
$ redress commitment add "Nobody Inc" "Call back"
exit 2
stderr-has Nobody Inc
unchanged
$ redress contact add "Nobody Inc" "Ann" --email ann@x.example
exit 2
stderr-has Nobody Inc
unchanged
