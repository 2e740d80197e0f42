# Telling a client an ETA different from the one in force is a discrepancy:
# it creates a correction@<communication id> obligation (due 24 h later), met by
# a later `correction` message.
$ redress client add "Acme Retail" --tz UTC
$ redress failure open "Outage" --severity 2 --detected 2026-11-23T09:00:00Z --client "Acme Retail"
$ redress eta set 1 2026-11-30T12:00:00Z --reason "First estimate from the plan" --at 2026-11-23T10:00:00Z
# the ETA in force, told correctly: no discrepancy
$ redress log --failure 1 --client "Acme Retail" --kind progress --channel email --eta 2026-11-30T12:00:00Z --at 2026-11-23T11:00:00Z
$ redress obligations --failure 1 --at 2026-11-23T12:00:00Z
stdout-lacks correction
# a different ETA: communication #2 needs a correction by 2026-11-25T11:00Z
$ redress log --failure 1 --client "Acme Retail" --kind progress --channel email --eta 2026-12-02T12:00:00Z --at 2026-11-24T11:00:00Z
$ redress obligations --failure 1 --at 2026-11-24T12:00:00Z --json
python [(o["key"], o["kind"], o["due_at"], o["state"]) for o in json.loads(out)[0]["obligations"] if o["kind"] == "correction"] == [("correction@2", "correction", "2026-11-25T11:00:00Z", "pending")]
$ redress agenda --at 2026-11-24T12:00:00Z
stdout-has Acme Retail — correction
$ redress log --failure 1 --client "Acme Retail" --kind correction --channel email --summary "Correction: the fix is still due 30 November" --at 2026-11-24T15:00:00Z
$ redress obligations --failure 1 --at 2026-11-26T00:00:00Z --json
python [(o["key"], o["state"], o["met_by"]) for o in json.loads(out)[0]["obligations"] if o["kind"] == "correction"] == [("correction@2", "on_time", 3)]
