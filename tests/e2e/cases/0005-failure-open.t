# SPEC: redress failure open TITLE --severity N [--detected TIME] [--service S]... [--client NAME]...
%demo
$ redress failure open "Checkout errors" --severity 2 --detected 2026-11-22T11:00:00+01:00 --service "Payments API" --client "Northwind Logistics" --json
json .id == 4
json .title == "Checkout errors"
json .severity == 2
json .status == "open"
json .detected_at == "2026-11-22T10:00:00Z"
json .reopened == 0
$ redress impact list --failure 4 --json
json . length 3
json [0].client_id == 1
json [0].affected == "yes"
json [1].affected == "suspected"
json [2].affected == "suspected"
$ redress failure show 4 --json
json .services == ["Payments API"]
json .impacts length 3
$ redress failure open "No services" --severity 4
stdout-has failure #5 No services opened
$ redress failure show 5 --json
json .detected_at == "2026-11-22T12:00:00Z"
json .impacts length 0
