# The policy requires ownership in a resolution notice; the shipped resolution
# template, filled from complete data, must carry it.
%demo
$ redress draft resolution --failure 1 --client "Northwind Logistics"
stdout-lacks [element.ownership]
