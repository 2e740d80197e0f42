# `redress failure confirm` only confirms drafts (failures an alert opened,
# docs/intake.md); a failure opened by hand is refused and left as it was.
%demo
$ redress failure confirm 1
exit 2
stderr-has failure #1 is not a draft
unchanged
$ redress failure confirm 99
exit 2
unchanged
$ redress failure confirm 1 --at yesterday
exit 2
unchanged
$ redress failure list --json
json [0].draft == false
