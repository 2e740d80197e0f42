# element.* : what each kind requires (from the policy). A complete message has
# none; removing one sentence makes exactly that element missing.
%file apology-full.txt
| I am sorry: our outage stopped your team from shipping orders for four hours.
| It was our mistake. Our engineers are fixing it now.
| I will send you the next update by tomorrow at 10:00.
| I am Sam Okafor, your point person; call me on +49 30 1234.
%file apology-no-impact.txt
| I am sorry. It was our mistake. Our engineers are fixing it now.
| I will send you the next update by tomorrow at 10:00.
| I am Sam Okafor, your point person; call me on +49 30 1234.
%file apology-no-ownership.txt
| I am sorry: our outage stopped your team from shipping orders for four hours.
| Our engineers are fixing it now.
| I will send you the next update by tomorrow at 10:00.
| I am Sam Okafor, your point person; call me on +49 30 1234.
%file apology-no-contact.txt
| I am sorry: our outage stopped your team from shipping orders for four hours.
| It was our mistake. Our engineers are fixing it now.
| I will send you the next update by tomorrow at 10:00.
%file rca.txt
| The root cause was a script that switched our database to a read-only copy.
| It was our mistake. Our engineers are fixing it now.
| To prevent a repeat, we now test every switch before it goes live.
| I will send you the next update by tomorrow at 10:00.
| I am Sam Okafor, your point person; call me on +49 30 1234.
%file plan-no-timeline.txt
| The root cause was a script that switched our database to a read-only copy.
| To prevent a repeat, we now test every switch before it goes live.
| Our engineers are fixing it now.
| I will send you the next update by tomorrow at 10:00.
| I am Sam Okafor, your point person; call me on +49 30 1234.
%file delay-no-reason.txt
| The fix is delayed. The fix will be complete by 2026-11-27 at 17:00.
| I will send you the next update by tomorrow at 10:00.
| I am Sam Okafor, your point person; call me on +49 30 1234.
%file delay.txt
| The fix is delayed because the card network moved our maintenance window.
| The fix will be complete by 2026-11-27 at 17:00.
| I will send you the next update by tomorrow at 10:00.
| I am Sam Okafor, your point person; call me on +49 30 1234.
$ redress check --kind apology apology-full.txt --format json
json .score == 100
json .findings length 0
json .elements.missing length 0
$ redress check --kind apology apology-no-impact.txt --format json
python [f["rule"] for f in json.loads(out)["findings"]] == ["element.impact"]
json .elements.missing == ["impact"]
$ redress check --kind apology apology-no-ownership.txt --format json
python [f["rule"] for f in json.loads(out)["findings"]] == ["element.ownership"]
$ redress check --kind apology apology-no-contact.txt
stdout-has [element.contact]
stdout-lacks [element.impact]
# cause and prevention are owed by an rca_update, not by an apology
$ redress check --kind rca_update rca.txt --format json
json .findings length 0
$ redress check --kind apology rca.txt
exit 1
stdout-has [apology.missing]
stdout-lacks [element.cause]
stdout-lacks [element.prevention]
$ redress check --kind review apology-full.txt
stdout-has [element.cause]
stdout-has [element.prevention]
# repair is owed only when goodwill is on record (see 0149 and the unit tests)
$ redress check --kind plan plan-no-timeline.txt --format json
python sorted(f["rule"] for f in json.loads(out)["findings"]) == ["element.timeline"]
$ redress check --kind delay delay-no-reason.txt --format json
python [f["rule"] for f in json.loads(out)["findings"]] == ["element.delay-reason"]
$ redress check --kind delay delay.txt --format json
json .findings length 0
# a progress update owes no delay reason, but an action: "I will send you
# the next update" is its next update, not work on the problem
$ redress check --kind progress delay.txt --format json
python [f["rule"] for f in json.loads(out)["findings"]] == ["element.action"]
