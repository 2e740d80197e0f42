# A kept promise stays kept: keeping or breaking it again is refused.
%demo
$ redress commitment add "Acme Retail" "Send the reconciliation report" --failure 1 --owner priya@provider.example --due 2026-11-25T17:00:00Z --json
json .id == 4
json .status == "open"
json .due_at == "2026-11-25T17:00:00Z"
$ redress commitment keep 4 --note "sent"
stdout-has kept
$ redress commitment keep 4
exit 2
stderr-has already kept
unchanged
$ redress commitment break 4
exit 2
stderr-has already kept
unchanged
$ redress commitment break 3
exit 2
stderr-has already broken
unchanged
$ redress commitment renegotiate 1 --note "Friday instead"
exit 2
stderr-has --due
unchanged
$ redress commitment renegotiate 1 --due 2026-11-27T09:00:00Z --note "Friday instead" --json
json .status == "renegotiated"
json .due_at == "2026-11-27T09:00:00Z"
$ redress commitment keep 1 --json
json .status == "kept"
