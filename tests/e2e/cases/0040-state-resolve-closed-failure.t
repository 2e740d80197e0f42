# A closed failure cannot be resolved again; reopening is the way back.
%demo
# failure 2 was resolved 15 days ago: closing it before that is refused
$ redress failure close 2 --at 2026-11-01T00:00:00Z
exit 2
stderr-has before resolution
unchanged
$ redress failure close 2 --at 2026-11-22T12:00:00Z
stdout-has closed
$ redress failure resolve 2
exit 2
stderr-has closed
stderr-has reopen
unchanged
$ redress failure resolve 2 --at 2026-11-22T12:00:00Z
exit 2
unchanged
$ redress failure close 2
exit 2
stderr-has already closed
unchanged
