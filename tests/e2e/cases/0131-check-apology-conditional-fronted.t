# SPEC lists "to the extent that" among conditional apologies; the condition
# placed before the apology is the same non-apology as after it.
%file fronted.txt
| To the extent that you were affected, we apologise.
%file fronted-if.txt
| If you were affected, we are sorry.
$ redress check --kind other fronted.txt
exit 1
stdout-has [apology.conditional]
$ redress check --kind other fronted-if.txt
exit 1
stdout-has [apology.conditional]
