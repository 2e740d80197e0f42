# check --archive jsonl: a bad line is reported with its line number, counted as
# unreadable, and the lines after it are still checked; blank lines are skipped;
# "id" may be a string or an integer; an unknown "kind" is that message's error.
%file drafts.jsonl
| {"id": "a1", "kind": "apology", "text": "We are sorry: we deleted your files. I am your point person."}
|
| {"text": 5}
| not json
| {"id": 7, "text": "It was just a blip."}
| {"text": "We apologize if you were affected.", "kind": "nonsense"}
| {"text": "We apologize if you were affected."}
$ redress check --archive jsonl drafts.jsonl
exit 1
stdout-has == message 1 (line 1) <a1> [apology]
stdout-has == message 2 (line 3)
stdout-has drafts.jsonl#2: unreadable: line 3: no "text" string
stdout-has drafts.jsonl#3: unreadable: line 4: invalid JSON
stdout-has == message 4 (line 5) <7> [other]
stdout-has [tone.minimizing]
stdout-has drafts.jsonl#5: unreadable: unknown kind 'nonsense'
stdout-has drafts.jsonl#6:1:4: error: conditional apology
stdout-has == summary: 6 messages: 1 with errors, 2 with warnings only, 0 clean, 3 unreadable
$ redress check --archive jsonl --format json drafts.jsonl
exit 1
python [json.loads(l).get("index") for l in out.splitlines()] == [1, 2, 3, 4, 5, 6, None]
python json.loads(out.splitlines()[2])["error"].startswith("line 4: invalid JSON")
python json.loads(out.splitlines()[3])["id"] == "7"
python json.loads(out.splitlines()[6])["summary"] == {"messages": 6, "with_errors": 1, "with_warnings": 2, "clean": 0, "unreadable": 3, "findings": json.loads(out.splitlines()[6])["summary"]["findings"]}
# all clean: exit 0
%file clean.jsonl
| {"text": "Thank you."}
$ redress check --archive jsonl clean.jsonl
exit 0
stdout-has 1 message: 0 with errors, 0 with warnings only, 1 clean, 0 unreadable
