# apology.conditional, apology.non-apology, apology.missing, apology.generic:
# each fires on a positive and stays quiet on a near miss.
%file conditional.txt
| Dear Anna,
|
| We apologize if you were affected by the outage.
%file conditional-not.txt
| We are sorry. If you need anything, call me.
%file non-apology.txt
| We are sorry you feel that way.
%file non-apology-not.txt
| We are sorry that we upset your customers.
%file generic.txt
| We apologise for any inconvenience this may have caused.
%file generic-not.txt
| I am sorry that our outage cost you four hours of orders. Any questions, call me.
%file missing.txt
| Our service was down on Monday.
$ redress check --kind other conditional.txt
exit 1
stdout-has conditional.txt:3:4: error:
stdout-has [apology.conditional]
$ redress check --kind other conditional-not.txt
stdout-lacks [apology.conditional]
stdout-has score 100/100
$ redress check --kind other non-apology.txt
exit 1
stdout-has non-apology.txt:1:8: error:
stdout-has [apology.non-apology]
$ redress check --kind other non-apology-not.txt
stdout-lacks [apology.
$ redress check --kind other generic.txt
stdout-has generic.txt:1:18: warning:
stdout-has [apology.generic]
$ redress check --kind other generic-not.txt
stdout-lacks [apology.generic]
$ redress check --kind apology missing.txt
exit 1
stdout-has [apology.missing]
# only an apology message must apologise
$ redress check --kind other missing.txt
stdout-lacks [apology.missing]
$ redress check --kind apology generic-not.txt
stdout-lacks [apology.missing]
