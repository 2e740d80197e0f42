# --help anywhere on the line answers help, whatever else is wrong.
%demo
$ redress client add --help --tier gold
stdout-has usage: redress client add
unchanged
$ redress failure open "X" --severity 9 --help
stdout-has usage: redress failure open
unchanged
$ redress log --kind nonsense --help
stdout-has usage: redress log
unchanged
