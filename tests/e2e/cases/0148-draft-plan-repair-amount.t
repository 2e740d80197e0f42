# The plan and resolution drafts state the goodwill amount once, with its
# currency once ("EUR 12,000.00", not "EUR EUR 12,000.00").
%demo
$ redress draft plan --failure 1 --client "Northwind Logistics"
stdout-has EUR 12,000.00
stdout-lacks EUR EUR
$ redress failure resolve 1
$ redress draft resolution --failure 1 --client "Northwind Logistics"
stdout-has EUR 12,000.00
stdout-lacks EUR EUR
