# Forward only; skipping is fine; back needs reopen; close needs resolve.
%demo
$ redress failure status 3 identified --json
json .status == "identified"
$ redress failure status 3 open
exit 2
stderr-has cannot go back
unchanged
$ redress failure status 3 identified
exit 2
stderr-has already identified
unchanged
$ redress failure close 3
exit 2
stderr-has resolve it before closing
unchanged
$ redress failure reopen 3
exit 2
stderr-has nothing to reopen
unchanged
$ redress failure resolve 3 --at 2026-11-22T08:00:00Z
exit 2
stderr-has before detection
unchanged
$ redress failure status 3 fixed
exit 2
stderr-has 'fixed' is not a failure status
unchanged
