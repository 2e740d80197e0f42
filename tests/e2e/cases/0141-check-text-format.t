# Text output reads like a compiler's: file:line:col: severity: message [rule],
# the line, a caret under the span, then the score. Warnings only: exit 0.
%file note.txt
| Hello Anna,
| It was a brief outage.
$ redress check --kind other note.txt
stdout-has note.txt:2:10: warning:
stdout-has [tone.minimizing]
stdout-has  It was a brief outage.
python re.search(r"^ {10}\^~+$", out, re.M) is not None
stdout-has note.txt: score
stdout-has (0 errors, 1 warning, 0 info)
# from standard input the file is <stdin>
%stdin It was a brief outage.\n
$ redress check --kind other -
stdout-has <stdin>:1:10: warning:
