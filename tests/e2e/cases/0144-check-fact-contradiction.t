# With --client and --failure, a message that states an ETA different from
# what this client was told is fact.contradiction, citing that communication;
# the same ETA, or a message that says it corrects, is fine.
$ redress client add "Acme Retail" --tz UTC
$ redress failure open "Outage" --severity 2 --detected 2026-11-23T09:00:00Z --client "Acme Retail"
$ redress log --failure 1 --client "Acme Retail" --kind progress --channel email --eta 2026-11-27T17:00:00Z --at 2026-11-24T10:00:00Z
%file other-date.txt
| Our engineers are fixing it. We expect the fix to be complete by 2026-11-30.
%file same-date.txt
| Our engineers are fixing it. We expect the fix to be complete by 27 November at 17:00.
%file correction.txt
| Correction: we previously said 27 November. We expect the fix to be complete by 2026-11-30.
$ redress check --kind other --client "Acme Retail" --failure 1 --at 2026-11-25T10:00:00Z other-date.txt
exit 1
stdout-has other-date.txt:1:66: error:
stdout-has communication #1
stdout-has [fact.contradiction]
$ redress check --kind other --client "Acme Retail" --failure 1 --at 2026-11-25T10:00:00Z --format json other-date.txt
exit 1
python [f["rule"] for f in json.loads(out)["findings"]] == ["fact.contradiction"]
$ redress check --kind other --client "Acme Retail" --failure 1 --at 2026-11-25T10:00:00Z same-date.txt
stdout-lacks [fact.contradiction]
$ redress check --kind other --client "Acme Retail" --failure 1 --at 2026-11-25T10:00:00Z correction.txt
stdout-lacks [fact.contradiction]
# without the client and failure there is nothing to contradict
$ redress check --kind other --at 2026-11-25T10:00:00Z other-date.txt
stdout-lacks [fact.contradiction]
# checking records nothing
$ redress check --kind other --client "Acme Retail" --failure 1 --at 2026-11-25T10:00:00Z other-date.txt
exit 1
unchanged
