# A portal link records who invited (the user's id, an integer; NULL for the
# system) and lives 1 to 90 days: other values are refused, not adjusted.
%demo
$ redress portal invite lena.vogel@northwind.example --as ada@provider.example --json
sql-sqlite SELECT typeof(created_by) FROM portal_links ORDER BY id DESC LIMIT 1 == "integer"
sql SELECT created_by = (SELECT id FROM users WHERE email = 'ada@provider.example') FROM portal_links ORDER BY id DESC LIMIT 1 == 1
sql SELECT expires_at - created_at FROM portal_links ORDER BY id DESC LIMIT 1 == 2592000
$ redress portal invite lena.vogel@northwind.example --days 90
sql SELECT created_by IS NULL FROM portal_links ORDER BY id DESC LIMIT 1 == 1
sql SELECT expires_at - created_at FROM portal_links ORDER BY id DESC LIMIT 1 == 7776000
$ redress portal list --json
json [0].created_by == "ada@provider.example"
json [1].created_by == null
$ redress portal invite lena.vogel@northwind.example --days 0
exit 2
stderr-has from 1 to 90 days, not 0
unchanged
$ redress portal invite lena.vogel@northwind.example --days -5
exit 2
stderr-has from 1 to 90 days, not -5
unchanged
$ redress portal invite lena.vogel@northwind.example --days 91
exit 2
stderr-has from 1 to 90 days, not 91
unchanged
$ redress portal invite lena.vogel@northwind.example --days 4294967297
exit 2
stderr-has not 4294967297
unchanged
$ redress portal invite lena.vogel@northwind.example --days 99999999999999999999999
exit 2
stderr-has is not a whole number
unchanged
$ redress portal invite lena.vogel@northwind.example --days 3d
exit 2
stderr-has '3d' is not a whole number
unchanged
