# A list refused for a bad filter prints nothing on stdout (no header, no "[]").
%demo
$ redress client list --tier gold --json
exit 2
stderr-has client.tier
stdout-empty
$ redress client list --tier gold
exit 2
stdout-empty
$ redress failure list --severity x --json
exit 2
stderr-has failure.severity
stdout-empty
$ redress comm list --failure 99 --json
exit 2
stderr-has unknown failure '99'
stdout-empty
$ redress audit list --id abc
exit 2
stderr-has entity_id
stdout-empty
# an empty result is still a header, or "[]"
$ redress client list --tier key --owner ada@provider.example
stdout-has id	name
$ redress client list --tier key --owner ada@provider.example --json
json . length 0
