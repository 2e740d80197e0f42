# The portfolio on the demo: every client, most at risk first, with the
# scores the demo's story gives (docs/trust.md "The demo"); bad input is
# refused with a message naming it and changes nothing.
%demo
$ redress trust --json
json . length 12
json [0].client == "Globex Health"
json [0].score == 10
json [0].label == "falling"
json [1].client == "Northwind Logistics"
json [1].score == 31
json [2].client == "Initech Banking"
json [2].score == 38
json [3].client == "Acme Retail"
json [3].score == 25
json [4].client == "Cedar Analytics"
json [4].score == 60
json [5].score == 70
json [5].label == "steady"
json [11].score == 70
$ redress trust --limit 2
stdout-has Globex Health
stdout-has Northwind Logistics
stdout-lacks Initech
$ redress trust "Globex Health" --json
json .score == 10
python any(e["reason"].startswith("promise broken: 'Call back within 2 hours") for e in json.loads(out)["explanation"])
python any(e["reason"].startswith("chased us for status") for e in json.loads(out)["explanation"])
$ redress trust "Northwind Logistics" --json
python any(e["reason"].startswith("promise kept: 'Written root-cause report") and e["points"] > 0 for e in json.loads(out)["explanation"])
$ redress trust "Nobody Inc"
exit 2
stderr-has unknown client 'Nobody Inc'
unchanged
$ redress trust --limit zero
exit 2
stderr-has --limit: 'zero' is not a number
unchanged
$ redress trust --at tomorrow
exit 2
stderr-has --at: 'tomorrow' is not an ISO 8601 time
unchanged
$ redress trust "Acme Retail" --sweep
exit 2
stderr-has --sweep records every client
unchanged
