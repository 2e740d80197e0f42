# `redress calendar --client` is the client's follow-ups after resolution; a
# key client's feed carries the follow-up cadence.
$ redress client add "Globex Health" --tier key --tz America/New_York
$ redress failure open "Outage" --severity 2 --detected 2026-11-16T09:00:00Z --client "Globex Health"
$ redress failure resolve 1 --at 2026-11-20T10:00:00Z
$ redress calendar --client "Globex Health" --at 2026-11-21T00:00:00Z
python len([e for e in ics(out) if str(e["UID"]).startswith("follow_up.cadence#")]) == 12
python "follow_up.1.1@redress" in [str(e["UID"]) for e in ics(out)]
python sorted(e.decoded("DTSTART").isoformat() for e in ics(out) if str(e["UID"]) == "follow_up.cadence#1.1.1@redress") == ["2026-11-27T10:00:00+00:00"]
$ redress calendar --client "No Such Client"
exit 2
