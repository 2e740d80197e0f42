# --body-file - reads the body from standard input.
%demo
%stdin Dear Lena,\nwe are sorry.\n
$ redress log --failure 1 --client "Northwind Logistics" --kind apology --channel email --body-file - --json
json .body == "Dear Lena,\nwe are sorry.\n"
%stdin bad \xff byte
$ redress log --failure 1 --client "Northwind Logistics" --kind apology --channel email --body-file -
exit 2
stderr-has not valid UTF-8
unchanged
$ redress log --failure 1 --client "Northwind Logistics" --kind apology --channel email --body-file missing.txt
exit 2
stderr-has missing.txt
unchanged
$ redress log --failure 1 --client "Northwind Logistics" --kind apology --channel email --body x --body-file -
exit 2
stderr-has not both
unchanged
# a NUL byte is valid UTF-8 but not text: refused, with its offset
%stdin ab\x00cd
$ redress log --failure 1 --client "Northwind Logistics" --kind apology --channel email --body-file -
exit 2
stderr-has byte 2
unchanged
