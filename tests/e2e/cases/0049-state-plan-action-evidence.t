# A plan action is done only with evidence; done is final.
%demo
$ redress plan add 3 --kind immediate --description "Roll back the login change" --owner sam@provider.example --due 2026-11-22T18:00:00Z --success "Error rate under 0.1%" --json
json .id == 5
json .status == "planned"
$ redress plan status 5 done
exit 2
stderr-has --evidence
unchanged
$ redress plan status 5 finished
exit 2
stderr-has 'finished'
unchanged
$ redress plan status 5 done --evidence "Dashboard: 0.02% for 2 hours" --json
json .status == "done"
json .evidence == "Dashboard: 0.02% for 2 hours"
$ redress plan status 5 dropped
exit 2
stderr-has already done
unchanged
