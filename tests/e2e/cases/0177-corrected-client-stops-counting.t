# A cause told to one client on a call that differs from another client's
# owes that client a correction; once it was corrected, what it was first
# told no longer contradicts what the other client hears.
$ redress client add "Acme Retail" --tz UTC
$ redress client add "Cedar Analytics" --tz UTC
$ redress failure open "Outage" --severity 2 --detected 2026-11-23T09:00:00Z --client "Acme Retail" --client "Cedar Analytics"
$ redress log --failure 1 --client "Cedar Analytics" --kind rca_update --channel email --cause "a failed database switch" --at 2026-11-24T10:00:00Z
$ redress log --failure 1 --client "Acme Retail" --kind rca_update --channel call --at 2026-11-24T12:00:00Z --summary "Explained the outage was caused by a power cut in our data centre." --json
json .cause == "a power cut in our data centre"
$ redress obligations --failure 1 --client "Acme Retail" --at 2026-11-24T13:00:00Z
stdout-has correction@2             pending
%file switch.txt
| The outage was caused by a failed database switch.
$ redress check --kind rca_update --client "Cedar Analytics" --failure 1 --at 2026-11-24T13:00:00Z switch.txt
exit 1
stdout-has communication #2
stdout-has Acme Retail
$ redress log --failure 1 --client "Acme Retail" --kind correction --channel email --at 2026-11-24T15:00:00Z --summary "Correction: the power cut we mentioned was not the cause."
$ redress obligations --failure 1 --client "Acme Retail" --at 2026-11-25T12:00:00Z --json
python [(o["key"], o["state"], o["met_by"]) for o in json.loads(out)[0]["obligations"] if o["kind"] == "correction"] == [("correction@2", "on_time", 3)]
$ redress check --kind rca_update --client "Cedar Analytics" --failure 1 --at 2026-11-25T10:00:00Z switch.txt
stdout-lacks [fact.contradiction]
$ redress log --failure 1 --client "Cedar Analytics" --kind rca_update --channel email --cause "the failed database switch" --at 2026-11-25T10:00:00Z
$ redress obligations --failure 1 --client "Cedar Analytics" --at 2026-11-25T11:00:00Z
stdout-lacks correction
