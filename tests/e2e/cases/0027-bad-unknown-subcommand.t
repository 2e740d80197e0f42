# Unknown commands and subcommands: exit 2, the name and the accepted ones listed.
%demo
$ redress client frobnicate
exit 2
stderr-has unknown command 'frobnicate'
stderr-has add, list
unchanged
$ redress failure explode 1
exit 2
stderr-has 'explode'
stderr-has resolve
unchanged
$ redress goodwill give 1
exit 2
stderr-has 'give'
unchanged
$ redress frobnicate
exit 2
stderr-has unknown command 'frobnicate'
unchanged
$ redress client
exit 2
stderr-has usage: redress client
unchanged
