# With no ETA revision on record, the first ETA told to the client is the one
# in force: a later message with another ETA owes a correction.
$ redress client add "Acme Retail" --tz UTC
$ redress failure open "Outage" --severity 2 --detected 2026-11-23T09:00:00Z --client "Acme Retail"
$ redress log --failure 1 --client "Acme Retail" --kind progress --channel email --eta 2026-11-27T17:00:00Z --at 2026-11-24T10:00:00Z
$ redress log --failure 1 --client "Acme Retail" --kind progress --channel email --eta 2026-11-30T17:00:00Z --at 2026-11-25T10:00:00Z
$ redress obligations --failure 1 --at 2026-11-25T12:00:00Z
stdout-has correction@2             pending  due 2026-11-26T10:00:00Z
# the correction is late
$ redress log --failure 1 --client "Acme Retail" --kind correction --channel call --at 2026-11-26T12:00:00Z
$ redress obligations --failure 1 --at 2026-11-27T00:00:00Z --json
python [(o["key"], o["state"], o["lateness_seconds"]) for o in json.loads(out)[0]["obligations"] if o["kind"] == "correction"] == [("correction@2", "late", 7200)]
