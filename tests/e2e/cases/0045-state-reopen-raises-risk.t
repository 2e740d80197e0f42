# Reopening a failure raises the risk of every client it touched.
%demo
$ redress client show "Initech Banking" --json
json .risk == "normal"
$ redress failure reopen 2 --json
json .status == "investigating"
json .reopened == 1
json .resolved_at == null
$ redress client show "Initech Banking" --json
json .risk == "elevated"
$ redress client show "Cedar Analytics" --json
json .risk == "elevated"
# Granite was proposed (it uses Reporting) but found not affected: unchanged
$ redress client show "Granite Insurance" --json
json .risk == "normal"
$ redress client show "Northwind Logistics" --json
json .risk == "normal"
