# SPEC: redress failure resolve ID [--at TIME]; --at defaults to now.
%demo
$ redress failure resolve 1 --at 2026-11-22T13:30:00Z --json
json .id == 1
json .status == "resolved"
json .resolved_at == "2026-11-22T13:30:00Z"
$ redress failure resolve 3
stdout-has failure #3
$ redress failure show 3 --json
json .status == "resolved"
json .resolved_at == "2026-11-22T12:00:00Z"
$ redress failure close 1 --at 2026-11-23T09:00:00Z --json
json .status == "closed"
json .closed_at == "2026-11-23T09:00:00Z"
