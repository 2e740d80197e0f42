# Every change is in the append-only audit log, with its actor; refusals are not.
%demo
$ redress client add "Zeta" --as sam@provider.example
changed
$ redress client update Zeta --tier key
changed
$ redress audit list --entity client --id 13 --json
json . length 2
json [0].action == "create"
json [0].actor == "sam@provider.example"
json [1].action == "update"
json [1].actor == "system:cli"
$ redress client update Zeta --tier key
unchanged
$ redress client update Zeta --tier nope
exit 2
unchanged
