# template.unfilled: {{…}}, [CLIENT NAME], <name>, XXX are errors; Markdown
# links, e-mail addresses and comparisons are not placeholders.
%file unfilled.txt
| Dear {{client.name}},
| Your account [CLIENT NAME] is restored, <name>.
| Your credit is EUR XXX.
%file filled.txt
| Dear Anna,
| See [the status page](https://status.provider.example) or write to <anna@provider.example>.
| Response times fell from 5 > 3 seconds.
$ redress check --kind other unfilled.txt --format json
exit 1
python [(f["rule"], f["line"], f["column"]) for f in json.loads(out)["findings"]] == [("template.unfilled", 1, 6), ("template.unfilled", 2, 14), ("template.unfilled", 2, 41), ("template.unfilled", 3, 20)]
$ redress check --kind other filled.txt
stdout-lacks [template.unfilled]
