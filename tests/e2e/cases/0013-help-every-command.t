# Every command has --help (exit 0, on stdout) and changes nothing.
$ redress init --help
stdout-has usage: redress init
unchanged
$ redress serve --help
stdout-has usage: redress serve
unchanged
$ redress demo --help
stdout-has usage: redress demo
unchanged
$ redress client --help
stdout-has usage: redress client
unchanged
$ redress contact --help
stdout-has usage: redress contact
unchanged
$ redress service --help
stdout-has usage: redress service
unchanged
$ redress failure --help
stdout-has usage: redress failure
unchanged
$ redress impact --help
stdout-has usage: redress impact
unchanged
$ redress log --help
stdout-has usage: redress log
unchanged
$ redress comm --help
stdout-has usage: redress comm
unchanged
$ redress rca --help
stdout-has usage: redress rca
unchanged
$ redress plan --help
stdout-has usage: redress plan
unchanged
$ redress eta --help
stdout-has usage: redress eta
unchanged
$ redress commitment --help
stdout-has usage: redress commitment
unchanged
$ redress goodwill --help
stdout-has usage: redress goodwill
unchanged
$ redress survey --help
stdout-has usage: redress survey
unchanged
$ redress near-miss --help
stdout-has usage: redress near-miss
unchanged
$ redress review --help
stdout-has usage: redress review
unchanged
$ redress user --help
stdout-has usage: redress user
unchanged
$ redress audit --help
stdout-has usage: redress audit
unchanged
$ redress agenda --help
stdout-has usage: redress agenda
unchanged
$ redress check --help
stdout-has usage: redress check
unchanged
$ redress draft --help
stdout-has usage: redress draft
unchanged
