# "Overdue promises appear in redress agenda too": a commitment still open
# past its due time is an agenda row of kind "promise" with its client,
# failure, owner, due time and lateness; kept ones and ones not yet due are
# not, and an --at before the keeping shows it as it stood then.
# the promises are recorded on the 20th (a replay counts only what existed)
%env REDRESS_NOW=2026-11-20T12:00:00Z
$ redress user add sam@provider.example --name "Sam" --role agent --no-password
$ redress client add "Acme Retail" --tz Europe/Berlin --owner sam@provider.example
$ redress failure open "Outage" --severity 3 --detected 2026-11-20T09:00:00Z --client "Acme Retail"
$ redress commitment add "Acme Retail" "Send the incident timeline" --failure 1 --due 2026-11-21T09:00:00Z
$ redress commitment add "Acme Retail" "Call back with numbers" --failure 1 --due 2026-11-21T10:00:00Z
$ redress commitment add "Acme Retail" "Quarterly review" --failure 1 --due 2026-12-15T09:00:00Z
%env REDRESS_NOW=2026-11-22T12:00:00Z
$ redress commitment keep 2 --at 2026-11-21T11:00:00Z
$ redress agenda --at 2026-11-22T12:00:00Z --json
python [r["commitment_id"] for r in json.loads(out) if r["kind"] == "promise"] == [1]
python [r for r in json.loads(out) if r["kind"] == "promise"][0]["client"] == "Acme Retail"
python [r for r in json.loads(out) if r["kind"] == "promise"][0]["failure_id"] == 1
python [r for r in json.loads(out) if r["kind"] == "promise"][0]["owner"] == "sam@provider.example"
python [r for r in json.loads(out) if r["kind"] == "promise"][0]["due_at"] == "2026-11-21T09:00:00Z"
python [r for r in json.loads(out) if r["kind"] == "promise"][0]["lateness_seconds"] == 27 * 3600
python [r for r in json.loads(out) if r["kind"] == "promise"][0]["state"] == "overdue"
# rows stay in due order: the promise sorts among the clock's obligations
python [r["due_at"] for r in json.loads(out)] == sorted(r["due_at"] for r in json.loads(out))
$ redress agenda --at 2026-11-22T12:00:00Z
stdout-has promise #1 "Send the incident timeline"
stdout-has owner sam@provider.example  late 1d03h
stdout-lacks Call back with numbers
stdout-lacks Quarterly review
# before commitment 2 was kept (11:00), it too was overdue
$ redress agenda --at 2026-11-21T10:30:00Z --json
python sorted(r["commitment_id"] for r in json.loads(out) if r["kind"] == "promise") == [1, 2]
# only that owner's
$ redress agenda --at 2026-11-22T12:00:00Z --owner sam@provider.example --json
python [r["commitment_id"] for r in json.loads(out) if r["kind"] == "promise"] == [1]
$ redress commitment keep 1 --at 2026-11-22T12:00:00Z
$ redress agenda --at 2026-11-22T13:00:00Z --json
python [r for r in json.loads(out) if r["kind"] == "promise"] == []
