# Declining to promise "never again" is the honest sentence the rule asks
# for; it must not be flagged as the overreach itself.
%file honest.txt
| We cannot promise that it will never happen again, but we now test every switch before it goes live.
$ redress check --kind other honest.txt
stdout-lacks [promise.overreach]
