# A draft must not contradict the client's ETA through its own date format:
# local times are written "Monday 16 November 2026, 07:40 CET", and a zone
# written as "(UTC+01:00)" by hand is a zone, not a time of day "01:00"
# (Northwind was told 2026-11-26 13:00 +01:00).
%demo
$ redress draft apology --failure 1 --client "Northwind Logistics"
stdout-has 2026, 07:40 CET
stdout-lacks [fact.contradiction]
$ redress draft plan --failure 1 --client "Northwind Logistics"
stdout-lacks [fact.contradiction]
$ redress draft progress --failure 1 --client "Northwind Logistics"
stdout-lacks [fact.contradiction]
# the same sentence written by hand
%file started.txt
| I am sorry. The outage started on Monday 16 November 2026, 07:40 (UTC+01:00), and it was our mistake.
$ redress check --kind other --client "Northwind Logistics" --failure 1 started.txt
stdout-lacks [fact.contradiction]
