# --as must name a staff user; a viewer may not write.
%demo
$ redress --as ghost@provider.example client add "Zeta"
exit 2
stderr-has ghost@provider.example
unchanged
$ redress client add "Zeta" --as victor@provider.example
exit 2
stderr-has viewer
unchanged
$ redress log --failure 1 --client "Acme Retail" --kind progress --channel email --as victor@provider.example
exit 2
stderr-has viewer
unchanged
%env REDRESS_USER=victor@provider.example
$ redress failure open "X" --severity 3
exit 2
stderr-has viewer
unchanged
$ redress --as sam@provider.example client add "Zeta"
changed
$ redress audit list --entity client --json
json [-1].actor == "sam@provider.example"
