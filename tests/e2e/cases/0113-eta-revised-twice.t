# The plan's first ETA, then two revisions: each revision owes a delay notice
# due min(revision + 24 h, the old ETA). A revision needs a reason.
$ redress client add "Acme Retail" --tz UTC
$ redress failure open "Outage" --severity 2 --detected 2026-11-23T09:00:00Z --client "Acme Retail"
$ redress eta set 1 2026-11-30T12:00:00Z --reason "First estimate from the plan" --at 2026-11-24T10:00:00Z
$ redress obligations --failure 1 --at 2026-11-24T11:00:00Z
stdout-lacks delay
$ redress eta set 1 2026-12-02T12:00:00Z
exit 2
stderr-has reason
unchanged
# first revision at 11-24 12:00: old ETA 11-30 is later, so due revision + 24 h
$ redress eta set 1 2026-11-25T00:00:00Z --reason "Vendor patch arrived early" --at 2026-11-24T12:00:00Z
# second revision at 11-24 14:00: old ETA 11-25 00:00 comes before 11-25 14:00
$ redress eta set 1 2026-11-27T00:00:00Z --reason "Patch failed its test run" --at 2026-11-24T14:00:00Z
$ redress eta list 1
stdout-has Patch failed its test run
$ redress obligations --failure 1 --at 2026-11-24T15:00:00Z --json
python [(o["key"], o["due_at"]) for o in json.loads(out)[0]["obligations"] if o["kind"] == "delay"] == [("delay@20261124T140000Z", "2026-11-25T00:00:00Z"), ("delay@20261124T120000Z", "2026-11-25T12:00:00Z")]
# one delay notice meets the earlier-due one; the other stays owed
$ redress log --failure 1 --client "Acme Retail" --kind delay --channel email --at 2026-11-24T16:00:00Z
$ redress obligations --failure 1 --at 2026-11-25T13:00:00Z --json
python [(o["key"], o["state"]) for o in json.loads(out)[0]["obligations"] if o["kind"] == "delay"] == [("delay@20261124T140000Z", "on_time"), ("delay@20261124T120000Z", "overdue")]
