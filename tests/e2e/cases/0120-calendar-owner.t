# `redress calendar --owner` writes an iCalendar feed of the owner's open
# obligations, read back here with the icalendar module.
$ redress user add maria@provider.example --role manager --no-password
$ redress user add sam@provider.example --role agent --no-password --manager maria@provider.example
$ redress user add priya@provider.example --role agent --no-password --manager maria@provider.example
$ redress client add "Acme Retail" --tz UTC --owner sam@provider.example
$ redress client add "Cedar Analytics" --tz Europe/Amsterdam --owner priya@provider.example
$ redress failure open "Outage" --severity 2 --detected 2026-11-23T09:00:00Z --client "Acme Retail" --client "Cedar Analytics"
$ redress log --failure 1 --client "Acme Retail" --kind apology --channel email --at 2026-11-23T10:00:00Z
$ redress calendar --owner sam@provider.example --at 2026-11-23T12:00:00Z
stdout-has BEGIN:VCALENDAR
python len(ics(out)) == 2
python sorted(str(e["UID"]) for e in ics(out)) == ["plan.1.1@redress", "rca_update.1.1@redress"]
python sorted(e.decoded("DTSTART").isoformat() for e in ics(out)) == ["2026-11-26T09:00:00+00:00", "2026-11-28T09:00:00+00:00"]
python all("Acme Retail" in str(e["SUMMARY"]) for e in ics(out))
$ redress calendar --owner priya@provider.example --at 2026-11-23T14:00:00Z
python len(ics(out)) == 3
python any("OVERDUE" in str(e["SUMMARY"]) and "Cedar Analytics" in str(e["SUMMARY"]) for e in ics(out))
$ redress calendar --owner nobody@provider.example
exit 2
$ redress calendar
exit 2
