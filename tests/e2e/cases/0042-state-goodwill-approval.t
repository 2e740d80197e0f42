# Goodwill approval: refused for an agent (exit 2), done by a manager.
%demo
$ redress goodwill approve 2 --as sam@provider.example
exit 2
stderr-has needs role manager
unchanged
$ redress --as priya@provider.example goodwill approve 2
exit 2
stderr-has manager
unchanged
$ redress goodwill approve 2 --as maria@provider.example --note "proportionate" --json
json .status == "approved"
json .approver_id == 2
json .note == "proportionate"
$ redress goodwill approve 2 --as maria@provider.example
exit 2
stderr-has approved
unchanged
$ redress goodwill deliver 2 --as priya@provider.example --json
json .status == "delivered"
