# Every listing writes CSV (RFC 4180, parsed back here) and XLSX (opened with
# openpyxl): a header row of the entity's fields in schema order; quotes,
# commas, line breaks and non-ASCII survive; a value that looks like a
# formula is defused with a leading quote; times are ISO 8601 UTC and money
# a decimal beside its currency.
$ redress init
$ redress client add "Zoë \"Quoted\", Ltd" --tier key --value 1234.5 --currency EUR --tags "=HYPERLINK(\"http://x\")"
$ redress client add "Plain" --value 10 --currency USD
$ redress client list --format csv
stderr-empty
python csv(out)[0] == ["id", "name", "tier", "value", "currency", "tz", "owner_id", "tags", "sla_credit_pct", "risk", "language", "created_at"]
python csv(out)[2][1:5] == ["Zoë \"Quoted\", Ltd", "key", "1234.50", "EUR"]
python csv(out)[2][7] == "'=HYPERLINK(\"http://x\")"
python csv(out)[2][11] == "2026-11-22T12:00:00Z"
python len(csv(out)) == 3 and out.endswith("\r\n")
$ redress failure open "Line one" --severity 2 --detected 2026-11-20T08:00:00Z
$ redress failure open "Outage" --severity 1 --description "a\x0amulti-line, \"quoted\" text"
$ redress failure list --format csv --output f.csv
stdout-empty
python csv(read("f.csv").decode())[2][csv(read("f.csv").decode())[0].index("description")] == "a\nmulti-line, \"quoted\" text"
$ redress client list --format xlsx -o c.xlsx
stdout-empty
python [c.value for c in xlsx("c.xlsx")[1]][:5] == ["id", "name", "tier", "value", "currency"]
python xlsx("c.xlsx")["B3"].value == "Zoë \"Quoted\", Ltd" and xlsx("c.xlsx")["D3"].value == 1234.5
python xlsx("c.xlsx")["D3"].number_format == "#,##0.00 [$EUR]" and xlsx("c.xlsx")["A1"].font.b
python xlsx("c.xlsx")["H3"].value == "=HYPERLINK(\"http://x\")" and xlsx("c.xlsx")["H3"].data_type == "s"
python str(xlsx("c.xlsx")["L2"].value) == "2026-11-22 12:00:00" and xlsx("c.xlsx").freeze_panes == "A2"
python xlsx("c.xlsx").auto_filter.ref == "A1:L3"
# A filter that names a bad value is refused before anything is written.
$ redress client list --tier gold --format csv -o bad.csv
exit 2
stderr-has tier
python not exists("bad.csv")
$ redress client list --format pdf
exit 2
stderr-has unknown --format 'pdf' (accepted: text, json, csv, xlsx)
$ redress agenda --format csv
python csv(out)[0][:5] == ["obligation_id", "failure_id", "failure", "client_id", "client"]
$ redress audit list --format csv
python csv(out)[0] == ["id", "at", "actor", "entity", "entity_id", "action", "before", "after"] and len(csv(out)) > 3
$ redress near-miss list --format json
json . == []
