# With --client and --failure, an apology sent after its due time must say it
# is late (element.late-ack, an error); on time it need not.
$ redress client add "Acme Retail" --tz UTC
$ redress failure open "Outage" --severity 2 --detected 2026-11-23T09:00:00Z --client "Acme Retail"
%file apology.txt
| I am sorry: our outage stopped your team from shipping orders for four hours.
| It was our mistake. Our engineers are fixing it now.
| I will send you the next update by 2026-11-24 at 10:00.
| I am Sam Okafor, your point person; call me on +49 30 1234.
%file apology-late.txt
| I am sorry this message comes so late.
| I am sorry: our outage stopped your team from shipping orders for four hours.
| It was our mistake. Our engineers are fixing it now.
| I will send you the next update by 2026-11-24 at 10:00.
| I am Sam Okafor, your point person; call me on +49 30 1234.
# due 13:00; at 12:00 it is on time
$ redress check --kind apology --client "Acme Retail" --failure 1 --at 2026-11-23T12:00:00Z apology.txt
stdout-lacks [element.late-ack]
stdout-has score 100/100
# at 15:00 it is two hours late
$ redress check --kind apology --client "Acme Retail" --failure 1 --at 2026-11-23T15:00:00Z apology.txt
exit 1
stdout-has [element.late-ack]
stdout-has error
$ redress check --kind apology --client "Acme Retail" --failure 1 --at 2026-11-23T15:00:00Z apology-late.txt
stdout-lacks [element.late-ack]
# without the track there is nothing to be late for
$ redress check --kind apology --at 2026-11-23T15:00:00Z apology.txt
stdout-lacks [element.late-ack]
# once an apology has been sent, a second one is not late
$ redress log --failure 1 --client "Acme Retail" --kind apology --channel call --at 2026-11-23T11:00:00Z
$ redress check --kind apology --client "Acme Retail" --failure 1 --at 2026-11-23T15:00:00Z apology.txt
stdout-lacks [element.late-ack]
