# The disclosure decision is a manager's.
%demo
$ redress failure disclose 3 "Cause and duration" --as sam@provider.example
exit 2
stderr-has manager
unchanged
$ redress failure disclose 3 "Cause and duration" --as maria@provider.example --json
json .disclosure == "Cause and duration"
json .disclosure_by == 2
$ redress failure disclose 3 "" --as maria@provider.example
exit 2
stderr-has text
unchanged
