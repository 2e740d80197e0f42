# Proposed goodwill cannot be delivered before it is approved.
%demo
$ redress goodwill propose --failure 1 --client "Acme Retail" --kind discount --amount 500 --currency EUR --json
json .id == 3
json .status == "proposed"
$ redress goodwill deliver 3
exit 2
stderr-has approve it first
unchanged
$ redress goodwill deliver 2 --as sam@provider.example
exit 2
stderr-has approve it first
unchanged
$ redress goodwill decline 3 --note "client declined" --json
json .status == "declined"
$ redress goodwill approve 3 --as maria@provider.example
exit 2
stderr-has declined
unchanged
