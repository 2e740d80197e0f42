# An empty or blank message is refused (exit 2, a message naming the
# problem), not scored 100; a long line is echoed as a window of 120 code
# points around each finding, cut with "…", not whole under every finding.
%file blank.txt
|   	
|
$ redress check --kind apology blank.txt
exit 2
stderr-has the message is only white space
stdout-empty
%stdin
$ redress check --kind apology -
exit 2
stderr-has the message is empty
%file long.txt
| Dear Anna, our team reviewed the logs again today our team reviewed the logs again today our team reviewed the logs again today our team reviewed the logs again today our team reviewed the logs again today our team reviewed the logs again today our team reviewed the logs again today our team reviewed the logs again today our team reviewed the logs again today our team reviewed the logs again today our team reviewed the logs again today our team reviewed the logs again today and we apologize if you were affected by it, the queue is now drained and stable the queue is now drained and stable the queue is now drained and stable the queue is now drained and stable the queue is now drained and stable the queue is now drained and stable the queue is now drained and stable the queue is now drained and stable the queue is now drained and stable the queue is now drained and stable the queue is now drained and stable the queue is now drained and stable .
$ redress check --kind other long.txt
exit 1
stdout-has long.txt:1:487: error: conditional apology
stdout-has  …am reviewed the logs again today and we apologize if you were affected by it, the queue is now drained and stable the qu…
python "\n" + " " * 42 + "^~~~~~~~~~~~\n" in out
python max(len(l) for l in out.splitlines() if not l.startswith(("long.txt", "  suggestion"))) < 140
