# Exit codes when the database itself is the problem (docs/cli/README.md):
# 1 with a message naming the file; nothing is created or changed.
# A missing database: only init and demo create one.
$ redress --db missing.db client list
exit 1
stderr-has no database at 'missing.db'
stderr-has redress init
python not exists("missing.db")
$ redress --db missing.db client add "Acme"
exit 1
stderr-has no database at 'missing.db'
python not exists("missing.db")
$ redress --db missing.db init
stdout-has schema version
python exists("missing.db")
# A file that is not a database: named, left alone, exit 1.
%file junk.db
| this is a shopping list, not a database
| eggs, flour, 3 lemons
$ redress --db junk.db client list
exit 1
stderr-has 'junk.db' is not a redress database
python read("junk.db") == b"this is a shopping list, not a database\neggs, flour, 3 lemons\n"
$ redress --db junk.db init
exit 1
stderr-has 'junk.db' is not a redress database
# Bad usage still wins over a bad database: exit 2.
$ redress --db junk.db client add
exit 2
# A read-only database: a write is refused with a message that says so, and
# nothing changes.
$ redress client add "Before"
changed
%readonly redress.db
$ redress client add "Acme"
exit 1
stderr-has read-only
unchanged
