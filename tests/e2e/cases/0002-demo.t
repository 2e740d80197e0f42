# The demo loads once, into an empty database, and holds what it promises.
%demo
$ redress client list --json
json . length 12
json [0].name == "Acme Retail"
$ redress failure list --json
json . length 3
json [0].status == "remediating"
json [1].status == "resolved"
json [2].status == "investigating"
$ redress demo --at 2026-11-22T12:00:00Z
exit 2
stderr-has already holds 12 clients
unchanged
