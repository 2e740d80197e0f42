# Listing and showing commands take --json.
%demo
$ redress client list --tier key --json
json . length 3
$ redress contact list --client "Globex Health" --json
json [0].email == "m.hale@globex.example"
$ redress failure list --status resolved --json
json [0].id == 2
$ redress impact list --client "Initech Banking" --json
json [0].failure_id == 2
$ redress commitment list --status broken --json
json [0].text == "Call back within 2 hours with a timeline"
$ redress goodwill list --status proposed --json
json [0].amount == "5000.00"
$ redress rca show 1 --json
json .category == "technology"
json .whys length 3
$ redress failure show 1 --json
json .rca.category == "technology"
json .eta_revisions length 2
json .goodwill length 2
$ redress plan list 1 --json
json . length 4
$ redress eta list 1 --json
json . length 2
$ redress user list --role agent --json
json . length 2
$ redress survey list --json
json . length 1
$ redress review list --json
json . length 1
$ redress near-miss list --json
json . length 1
$ redress service list --json
json . length 5
$ redress audit list --entity failure --id 3 --json
json [0].action == "create"
$ redress client show "Northwind Logistics" --json
json .commitments length 2
json .goodwill length 1
json .services == ["Data Sync", "Payments API"]
