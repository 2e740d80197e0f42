# Helios Energy was not hit by failure 1: like `log` and `goodwill suggest`,
# `draft` refuses to write it an apology ("I know what this cost you").
%demo
$ redress goodwill suggest --failure 1 --client "Helios Energy"
exit 2
stderr-has not affected
$ redress draft apology --failure 1 --client "Helios Energy"
exit 2
stderr-has not affected
stdout-empty
