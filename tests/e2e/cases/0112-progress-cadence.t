# Progress updates run after the plan is presented, until resolution:
# every 7 days (standard), every day (key).
$ redress client add "Acme Retail" --tz UTC
$ redress client add "Globex Health" --tier key --tz UTC
$ redress failure open "Outage" --severity 2 --detected 2026-11-16T09:00:00Z --client "Acme Retail" --client "Globex Health"
# no plan presented yet: no progress is owed
$ redress obligations --failure 1 --at 2026-11-18T09:00:00Z
stdout-lacks progress
$ redress log --failure 1 --client "Acme Retail" --kind plan --channel email --at 2026-11-18T10:00:00Z
$ redress log --failure 1 --client "Globex Health" --kind plan --channel meeting --at 2026-11-18T10:00:00Z
$ redress log --failure 1 --client "Globex Health" --kind progress --channel email --at 2026-11-19T08:00:00Z
$ redress obligations --failure 1 --client "Acme Retail" --at 2026-11-26T12:00:00Z --json
python [(o["key"], o["due_at"], o["state"]) for o in json.loads(out)[0]["obligations"] if o["kind"] == "progress"] == [("progress#1", "2026-11-25T10:00:00Z", "overdue"), ("progress#2", "2026-12-02T10:00:00Z", "pending")]
$ redress obligations --failure 1 --client "Globex Health" --at 2026-11-20T12:00:00Z --json
python [(o["key"], o["due_at"], o["state"]) for o in json.loads(out)[0]["obligations"] if o["kind"] == "progress"] == [("progress#1", "2026-11-19T10:00:00Z", "on_time"), ("progress#2", "2026-11-20T10:00:00Z", "overdue"), ("progress#3", "2026-11-21T10:00:00Z", "pending")]
# resolved on the 20th: no progress step due after the resolution remains
$ redress failure resolve 1 --at 2026-11-20T12:00:00Z
$ redress obligations --failure 1 --client "Acme Retail" --at 2026-11-28T12:00:00Z
stdout-lacks progress
