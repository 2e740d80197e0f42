# --db (anywhere on the line) wins over REDRESS_DB; the other database is untouched.
%sqlite-only the default database is the file ./redress.db
$ redress init --db other.db
unchanged
$ redress client add "Elsewhere" --db other.db
unchanged
$ redress --db=other.db client list --json
json . length 1
json [0].name == "Elsewhere"
$ redress client list --json
json . length 0
%env REDRESS_DB=
# REDRESS_DB empty: the default ./redress.db, which is this case's database
$ redress client add "Default path"
changed
$ redress --db redress.db client list --json
json . length 1
$ redress --db /nonexistent-dir/x/y.db client list
exit 1
stderr-has no database at '/nonexistent-dir/x/y.db'
