# Invalid UTF-8, a missing file, an unknown kind or rule: exit 2 with a message.
%stdin We are sorry \xff for the outage.\n
$ redress check --kind other -
exit 2
stderr-has UTF-8
stdout-empty
$ redress check --kind other no-such-file.txt
exit 2
stderr-has no-such-file.txt
$ redress check --kind bogus -
exit 2
stderr-has bogus
$ redress check --explain no.such-rule
exit 2
stderr-has no.such-rule
$ redress check --kind other --format xml -
exit 2
stderr-has xml
$ redress check --kind other --client "Nobody" --failure 1 -
exit 2
