# A call note states facts like an e-mail: the ETA it promises (read from
# --summary in our voice) is the communication's ETA, so a call promising
# another date than the last e-mail owes a correction, and so does an e-mail
# after a call; `redress check` cites the call note.
$ redress client add "Acme Retail" --tz Europe/Berlin
$ redress client add "Cedar Analytics" --tz UTC
$ redress failure open "Outage" --severity 2 --detected 2026-11-23T09:00:00Z --client "Acme Retail" --client "Cedar Analytics"
$ redress log --failure 1 --client "Acme Retail" --kind progress --channel email --eta 2026-11-27T17:00:00Z --at 2026-11-24T10:00:00Z
# the call gives Monday 09:00 (Berlin) and a credit: facts #2 stated
$ redress log --failure 1 --client "Acme Retail" --kind progress --channel call --at 2026-11-25T10:00:00Z --summary "Called Lena: told her the fix lands Monday 09:00; credit of €500 agreed." --json
json .eta == "2026-11-30T08:00:00Z"
json .amount == "500.00"
json .currency == "EUR"
$ redress obligations --failure 1 --client "Acme Retail" --at 2026-11-25T12:00:00Z
stdout-has correction@2             pending  due 2026-11-26T10:00:00Z
$ redress agenda --at 2026-11-25T12:00:00Z
stdout-has Acme Retail — correction
# a draft repeating the e-mail's date now contradicts the call note
%file friday.txt
| We expect the fix to be complete by Friday 27 November at 18:00.
$ redress check --kind progress --client "Acme Retail" --failure 1 --at 2026-11-25T12:00:00Z friday.txt
exit 1
stdout-has communication #2
stdout-has [fact.contradiction]
# the correction, by phone, meets it
$ redress log --failure 1 --client "Acme Retail" --kind correction --channel call --at 2026-11-25T15:00:00Z --summary "Correction: told Lena Monday was wrong; the fix lands Friday 18:00 as e-mailed."
$ redress obligations --failure 1 --client "Acme Retail" --at 2026-11-26T12:00:00Z --json
python [(o["key"], o["state"], o["met_by"]) for o in json.loads(out)[0]["obligations"] if o["kind"] == "correction"] == [("correction@2", "on_time", 3)]
# the other order: the call first, then an e-mail with another date
$ redress log --failure 1 --client "Cedar Analytics" --kind progress --channel call --at 2026-11-24T10:00:00Z --summary "Called Marcus, told him we expect the fix to be live on Monday at 09:00."
$ redress check --kind progress --client "Cedar Analytics" --failure 1 --at 2026-11-24T11:00:00Z friday.txt
exit 1
stdout-has communication #4
stdout-has [fact.contradiction]
$ redress log --failure 1 --client "Cedar Analytics" --kind progress --channel email --eta 2026-11-27T18:00:00Z --at 2026-11-24T12:00:00Z
$ redress obligations --failure 1 --client "Cedar Analytics" --at 2026-11-24T13:00:00Z
stdout-has correction@5             pending  due 2026-11-25T12:00:00Z
