# Failure fields change through update; impacts record discovery.
%demo
$ redress failure update 3 --title "Mobile login errors" --severity 2 --lead maria@provider.example --json
json .title == "Mobile login errors"
json .severity == 2
json .lead_id == 2
$ redress impact set 3 "Fjord Travel" --severity 2 --operational "Bookings lost for 3 hours" --financial 2,400 --point-person sam@provider.example --json
json .severity == 2
json .financial == "2400.00"
json .point_person_id == 3
$ redress impact set 3 "Fjord Travel" --point-person ghost@provider.example
exit 2
stderr-has ghost@provider.example
unchanged
$ redress failure update 3 --detected "not a time"
exit 2
stderr-has detected
unchanged
