# A second failure hitting a client within 90 days raises its risk.
%demo
$ redress failure open "Export delays again" --severity 3 --client "Initech Banking" --client "Helios Energy"
stdout-has opened
$ redress client show "Initech Banking" --json
json .risk == "elevated"
$ redress client show "Helios Energy" --json
json .risk == "normal"
# more than 90 days after failure 3 (detected 2026-11-22T09:00Z): Fjord stays normal
$ redress failure open "Mobile again" --severity 3 --detected 2027-03-01T00:00:00Z --client "Fjord Travel"
stdout-has opened
$ redress client show "Fjord Travel" --json
json .risk == "normal"
# a service-hit proposal (suspected) is a second failure too
$ redress failure open "Payments again" --severity 2 --service "Payments API"
stdout-has opened
$ redress client show "Acme Retail" --json
json .risk == "elevated"
