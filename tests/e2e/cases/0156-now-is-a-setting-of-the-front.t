# "Now" is a setting of the front, read once by the CLI and handed down:
# $REDRESS_NOW pins it for the whole command (created_at, the audit log),
# in any offset; a value that is not a time is refused, naming the
# variable, before anything is written. (The library never reads it.)
$ redress client add "Acme" --tz Asia/Kathmandu
sql SELECT created_at FROM clients WHERE name = 'Acme' == 1795348800
sql SELECT at FROM audit_log ORDER BY id DESC LIMIT 1 == 1795348800
%env REDRESS_NOW=2026-11-23T09:00:00+05:45
$ redress client add "Beta"
sql SELECT created_at FROM clients WHERE name = 'Beta' == 1795403700
sql SELECT at FROM audit_log ORDER BY id DESC LIMIT 1 == 1795403700
%env REDRESS_NOW=soon
$ redress client add "Gamma"
exit 2
stderr-has REDRESS_NOW
stderr-has 'soon' is not an ISO 8601 time
unchanged
# an unknown zone is named in the refusal
%env REDRESS_NOW=2026-11-22T12:00:00Z
$ redress client add "Delta" --tz Mars/Olympus
exit 2
stderr-has unknown time zone 'Mars/Olympus'
unchanged
