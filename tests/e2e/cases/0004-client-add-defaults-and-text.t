# Without options a client is standard, UTC, EUR; text output names it.
$ redress client add Acme
stdout-has client #1 Acme added
stderr-empty
$ redress client show Acme --json
json .tier == "standard"
json .tz == "UTC"
json .currency == "EUR"
json .value == "0.00"
$ redress client show 1
stdout-has name: Acme
$ redress client list
stdout-has Acme
$ redress client update Acme --tier key --json
json .tier == "key"
$ redress client service Acme Reporting
stdout-has uses Reporting
$ redress client service Acme reporting
unchanged
