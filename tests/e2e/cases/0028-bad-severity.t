# Severity outside 1..4 or not a whole number: exit 2, severity named, nothing written.
%demo
$ redress failure open "Outage" --severity 0
exit 2
stderr-has severity must be between 1 and 4
unchanged
$ redress failure open "Outage" --severity 5
exit 2
stderr-has severity
unchanged
$ redress failure open "Outage" --severity=-1
exit 2
stderr-has severity
unchanged
$ redress failure open "Outage" --severity high
exit 2
stderr-has severity
unchanged
$ redress failure open "Outage" --severity 2.5
exit 2
stderr-has severity
unchanged
$ redress failure open "Outage" --severity 99999999999999999999999
exit 2
stderr-has severity
unchanged
$ redress failure update 1 --severity 7
exit 2
stderr-has severity
unchanged
$ redress impact set 1 "Acme Retail" --severity 9
exit 2
stderr-has severity
unchanged
$ redress failure open "Outage" --severity 1 --json
json .severity == 1
