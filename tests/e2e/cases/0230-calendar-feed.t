# `redress calendar feed`: a secret URL for an owner's or a client's
# calendar, printed once and stored only as a hash; bad input changes
# nothing; a revoked feed cannot be revoked again.
%demo
$ redress calendar feed add
exit 2
stderr-has give exactly one of --owner EMAIL or --client NAME
unchanged
$ redress calendar feed add --owner sam@provider.example --client "Northwind Logistics"
exit 2
unchanged
$ redress calendar feed add --owner nobody@provider.example
exit 2
stderr-has unknown user 'nobody@provider.example'
unchanged
$ redress calendar feed add --client "No Such Client"
exit 2
unchanged
$ redress calendar feed add --owner sam@provider.example --base-url https://desk.example.com
stdout-has https://desk.example.com/cal/rdc_
sql SELECT count(*) FROM calendar_feeds WHERE owner_id = (SELECT id FROM users WHERE email = 'sam@provider.example') == 1
sql SELECT count(*) FROM calendar_feeds WHERE token_hash LIKE 'rdc_%' == 0
$ redress calendar feed add --client "Northwind Logistics" --base-url https://desk.example.com --json
json .client == "Northwind Logistics"
json .owner == null
$ redress calendar feed list --json
json . length 2
json [0].owner == "sam@provider.example"
stdout-lacks rdc_
$ redress calendar feed revoke 1
stdout-has calendar feed #1 revoked
$ redress calendar feed revoke 1
exit 2
stderr-has already revoked
unchanged
$ redress calendar feed revoke 99
exit 2
stderr-has no calendar feed with id 99
unchanged
$ redress calendar feed revoke first
exit 2
unchanged
$ redress calendar feed remove 2
exit 2
stderr-has unknown command 'remove'
unchanged
$ redress --as victor@provider.example calendar feed add --owner sam@provider.example
exit 2
stderr-has needs role agent
unchanged
