# ownership.passive (agentless passive) and ownership.blame-shift (a vendor,
# the client, "circumstances beyond our control").
%file passive.txt
| Mistakes were made.
| The data was deleted.
%file passive-not.txt
| We deleted the data by mistake. The fix was deployed by our team at 10:00.
%file blame.txt
| This was caused by our vendor.
| The outage was caused by circumstances beyond our control.
| This happened because your team changed the settings.
%file blame-not.txt
| We chose that vendor, and the failure is ours.
$ redress check --kind other passive.txt --format json
json .findings length 2
json .findings[0].rule == "ownership.passive"
json .findings[0].line == 1
json .findings[0].column == 1
json .findings[1].rule == "ownership.passive"
json .findings[1].line == 2
json .findings[1].column == 10
$ redress check --kind other passive-not.txt
stdout-lacks [ownership.
$ redress check --kind other blame.txt --format json
python [(f["rule"], f["line"]) for f in json.loads(out)["findings"]] == [("ownership.blame-shift", 1), ("ownership.blame-shift", 2), ("ownership.blame-shift", 3)]
$ redress check --kind other blame-not.txt
stdout-lacks [ownership.
stdout-has score 100/100
