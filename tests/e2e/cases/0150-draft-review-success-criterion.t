# A plan action's success criterion ("within 2 minutes") is not an ETA for
# the fix: the review draft must not flag it as contradicting the ETA.
%demo
$ redress failure resolve 1
$ redress draft review --failure 1 --client "Northwind Logistics"
stdout-has within 2 minutes
stdout-lacks [fact.contradiction]
