# `redress init` creates the database and is safe to run again.
$ redress init
stdout-has schema version
stderr-empty
$ redress init
unchanged
$ redress init --json
json .schema_version != 0
unchanged
$ redress --db other.db init
unchanged
$ redress --db other.db client list --json
json . length 0
