# The binary's own help, and a command line with nothing to do.
$ redress --help
stdout-has usage: redress
stdout-has commands:
stdout-has client
$ redress help
stdout-has commands:
$ redress -h
stdout-has commands:
$ redress --version
stdout-has redress
$ redress
exit 2
stderr-has usage: redress
