# A resolution notice owes what the policy requires of it (action, contact)
# and, with goodwill on record for the client, the repair; the shipped
# template, filled from complete data, carries all of them and still owns
# the failure.
%demo
$ redress failure resolve 1
$ redress draft resolution --failure 1 --client "Northwind Logistics"
stdout-has found: action, contact, repair
stdout-has This failure was our responsibility
stdout-lacks [element.
