# Only what we told counts: the client's reported speech, a question and a
# denial in a call note state no fact and owe no correction.
$ redress client add "Acme Retail" --tz UTC
$ redress failure open "Outage" --severity 2 --detected 2026-11-23T09:00:00Z --client "Acme Retail"
$ redress log --failure 1 --client "Acme Retail" --kind progress --channel email --eta 2026-11-27T17:00:00Z --at 2026-11-24T10:00:00Z
$ redress log --failure 1 --client "Acme Retail" --kind other --channel call --at 2026-11-25T10:00:00Z --summary "Lena said her board expects the fix by Monday 09:00 and asked whether a credit of €2,000 is possible." --json
json .eta == null
json .amount == null
$ redress log --failure 1 --client "Acme Retail" --kind other --channel call --at 2026-11-25T11:00:00Z --summary "Did not promise Monday 09:00; told her the fix lands Friday 17:00 as e-mailed." --json
json .eta == "2026-11-27T17:00:00Z"
$ redress log --failure 1 --client "Acme Retail" --kind other --channel meeting --at 2026-11-25T12:00:00Z --summary "Will the fix be live by Monday 09:00? Lena wants to know." --json
json .eta == null
$ redress obligations --failure 1 --at 2026-11-25T13:00:00Z
stdout-lacks correction
# a fact given with --eta is kept over the note's
$ redress log --failure 1 --client "Acme Retail" --kind other --channel call --at 2026-11-25T14:00:00Z --eta 2026-11-27T17:00:00Z --summary "Told her the fix lands Monday 09:00." --json
json .eta == "2026-11-27T17:00:00Z"
