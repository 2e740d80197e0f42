# A key client: resolution notice within 4 h, then the follow-up cadence:
# weekly x 4, every 2 weeks x 4, then quarterly x 4 (twelve check-ins in a year).
# The last falls on Saturday 12 Feb 2028 and moves to Monday 14 Feb (the
# policy's working days); the others are weekdays.
$ redress client add "Globex Health" --tier key --tz UTC
$ redress failure open "Outage" --severity 2 --detected 2026-11-16T09:00:00Z --client "Globex Health"
$ redress failure resolve 1 --at 2026-11-20T10:00:00Z
$ redress obligations --failure 1 --at 2026-11-20T11:00:00Z --json
python [o["due_at"] for o in json.loads(out)[0]["obligations"] if o["key"] == "resolution"] == ["2026-11-20T14:00:00Z"]
python [o["due_at"] for o in json.loads(out)[0]["obligations"] if o["key"] == "follow_up"] == ["2026-11-23T10:00:00Z"]
python len([o for o in json.loads(out)[0]["obligations"] if o["key"].startswith("follow_up.cadence#")]) == 12
python [o["due_at"][:10] for o in json.loads(out)[0]["obligations"] if o["key"].startswith("follow_up.cadence#")] == ["2026-11-27", "2026-12-04", "2026-12-11", "2026-12-18", "2027-01-01", "2027-01-15", "2027-01-29", "2027-02-12", "2027-05-12", "2027-08-12", "2027-11-12", "2028-02-14"]
$ redress obligations --failure 1 --at 2026-11-20T11:00:00Z
stdout-has follow_up.cadence#12     pending  due 2028-02-14T10:00:00Z
# follow-ups meet the check-in first, then the cadence in order
$ redress log --failure 1 --client "Globex Health" --kind follow_up --channel call --at 2026-11-22T10:00:00Z
$ redress log --failure 1 --client "Globex Health" --kind follow_up --channel call --at 2026-11-27T09:00:00Z
$ redress obligations --failure 1 --at 2026-11-28T00:00:00Z --json
python [(o["key"], o["state"], o["met_by"]) for o in json.loads(out)[0]["obligations"] if o["key"] in ("follow_up", "follow_up.cadence#1", "follow_up.cadence#2")] == [("follow_up", "on_time", 1), ("follow_up.cadence#1", "on_time", 2), ("follow_up.cadence#2", "pending", None)]
