# --format json: score, counts, findings[] with rule, severity, line, column,
# byte span and message, and the elements found and missing.
%file msg.txt
| Dear Anna,
|
| We apologize if you were affected. It was a brief outage.
$ redress check --kind apology --format json msg.txt
exit 1
json .kind == "apology"
# laid out like every other command's JSON: two spaces a level, one member a line
python out.startswith('{\n  "') and out.endswith('\n}\n') and '\n    {\n      "rule": ' in out
python 0 <= json.loads(out)["score"] < 100
json .counts.error == 2
json .findings[0].rule == "apology.conditional"
json .findings[0].severity == "error"
json .findings[0].line == 3
json .findings[0].column == 4
python all(k in json.loads(out)["findings"][0] for k in ("start", "end", "message"))
python (lambda f: f["end"] > f["start"])(json.loads(out)["findings"][0])
python any(f["rule"] == "tone.minimizing" and f["severity"] == "warning" and f["line"] == 3 for f in json.loads(out)["findings"])
python "contact" in json.loads(out)["elements"]["missing"]
# clean message: score 100, nothing found, exit 0
%stdin We are sorry. If you need anything, call me.\n
$ redress check --kind other --format json -
json .score == 100
json .findings == []
