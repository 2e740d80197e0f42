# promise.overreach: "never happen again", "guarantee", "100%"; negated forms
# and facts are not flagged.
%file overreach.txt
| This will never happen again, we guarantee it 100%.
%file overreach-not.txt
| We cannot guarantee that a system never fails. Our report shows 100% of your orders were restored.
$ redress check --kind other overreach.txt --format json
python [f["rule"] for f in json.loads(out)["findings"]] == ["promise.overreach"] * 3
python [f["column"] for f in json.loads(out)["findings"]] == [6, 31, 47]
$ redress check --kind other overreach-not.txt
stdout-lacks [promise.overreach]
