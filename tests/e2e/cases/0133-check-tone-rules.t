# tone.minimizing, tone.hedging, tone.jargon, tone.corporate: warnings (exit 0),
# and neutral uses of the same words are not flagged.
%file minimizing.txt
| It was a brief outage, just a small hiccup.
%file minimizing-not.txt
| I just spoke with our engineers. Only the EU region is still affected.
%file hedging.txt
| We believe the fix might possibly work.
%file hedging-not.txt
| You might want to restart the app.
%file jargon.txt
| The RCA shows a P1 in the k8s cluster.
%file jargon-not.txt
| We recorded a podcast about it for your team in Barcaldine.
%file corporate.txt
| Please be advised that we value your business.
%file corporate-not.txt
| Please tell me what you need. We value your feedback on this plan.
$ redress check --kind other minimizing.txt
stdout-has [tone.minimizing]
stdout-has warning
$ redress check --kind other minimizing-not.txt
stdout-lacks [tone.minimizing]
$ redress check --kind other hedging.txt
stdout-has [tone.hedging]
$ redress check --kind other hedging-not.txt
stdout-lacks [tone.hedging]
$ redress check --kind other jargon.txt --format json
python {f["rule"] for f in json.loads(out)["findings"]} == {"tone.jargon"}
python len(json.loads(out)["findings"]) >= 3
$ redress check --kind other jargon-not.txt
stdout-lacks [tone.jargon]
$ redress check --kind other corporate.txt
stdout-has 1:1: warning:
stdout-has [tone.corporate]
$ redress check --kind other corporate-not.txt
stdout-lacks [tone.corporate]
