# A shipped template filled from complete data passes its own checks.
%demo
# failure 3 was detected at 09:00Z; Fjord Travel (Oslo) is owed its apology by 13:00Z
$ redress draft apology --failure 3 --client "Fjord Travel" --at 2026-11-22T10:00:00Z
stdout-has Dear Ingrid Dahl,
stdout-has I am sorry for the Mobile app login errors, which began on Sunday 22 November 2026, 10:00 CET. It was our mistake.
stdout-has draft: score 100/100 (0 errors, 0 warnings, 0 info)
$ redress draft apology --failure 3 --client "Fjord Travel" --at 2026-11-22T10:00:00Z --json
json .check.findings == []
json .check.elements.missing == []
$ redress draft delay --failure 1 --client "Northwind Logistics"
stdout-has The reason for the new date: the promotion-script fix needs a second maintenance window
stdout-has draft: score 100/100
$ redress draft follow_up --failure 2 --client "Initech Banking" --json
json .check.score == 100
$ redress draft correction --failure 1 --client "Northwind Logistics" --json
json .check.score == 100
