# "survey send meets the survey obligation": sending the survey records the
# outbound survey message in the same transaction, so the clock's survey
# step is met (on time or late), and a failed send records neither.
$ redress client add "Acme Retail" --tz UTC
$ redress client add "Globex" --tz UTC
$ redress failure open "Outage" --severity 3 --detected 2026-11-01T09:00:00Z --client "Acme Retail" --client "Globex"
$ redress failure resolve 1 --at 2026-11-02T09:00:00Z
# due 14 days after resolution: 2026-11-16T09:00
$ redress obligations --failure 1 --client "Acme Retail" --json
python [o["state"] for o in json.loads(out)[0]["obligations"] if o["kind"] == "survey"] == ["overdue"]
$ redress survey send 1 "Acme Retail" --at 2026-11-10T09:00:00Z --channel portal --json
json .client_id == 1
json .sent_at == "2026-11-10T09:00:00Z"
sql SELECT count(*) FROM communications WHERE kind = 'survey' AND direction = 'out' AND channel = 'portal' AND client_id = 1 == 1
$ redress obligations --failure 1 --client "Acme Retail" --json
python [o["state"] for o in json.loads(out)[0]["obligations"] if o["kind"] == "survey"] == ["on_time"]
# by email unless told otherwise; after the due time it is met late
$ redress survey send 1 Globex --at 2026-11-18T09:00:00Z
stdout-has survey #2 sent
$ redress obligations --failure 1 --client Globex --json
python [(o["state"], o["lateness_seconds"]) for o in json.loads(out)[0]["obligations"] if o["kind"] == "survey"] == [("late", 2 * 86400)]
sql SELECT channel FROM communications WHERE kind = 'survey' AND client_id = 2 == "email"
# a bad channel, or a second survey: refused, nothing written
$ redress survey send 1 "Acme Retail" --channel pigeon
exit 2
stderr-has pigeon
unchanged
$ redress survey send 1 Globex
exit 2
unchanged
