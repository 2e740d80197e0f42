# redress send: a message to a client by email. Bad input is refused with a
# message naming what is wrong and changes nothing; checker errors refuse
# (exit 1, the findings on stderr) unless --confirm-errors; a message sent
# is logged and queued in one step, with a reply token for its track.
%demo
%file msg.txt
| Dear Lena, we are sorry.
$ redress send --failure 1 --client "Northwind Logistics" --kind apology
exit 2
stderr-has --body is required
unchanged
$ redress send --failure 1 --client "Northwind Logistics" --kind apology --body missing.txt
exit 2
stderr-has missing.txt
unchanged
$ redress send --failure 1 --client "Northwind Logistics" --kind apology --body msg.txt --to not-an-address
exit 2
stderr-has 'not-an-address' is not a valid email address
unchanged
$ redress send --failure 1 --client "Nobody Inc" --kind apology --body msg.txt
exit 2
stderr-has Nobody Inc
unchanged
$ redress send --failure 1 --client "Northwind Logistics" --kind apology --body msg.txt --channel call
exit 2
stderr-has redress log
unchanged
%stdin bad \xff byte
$ redress send --failure 1 --client "Northwind Logistics" --kind apology --body -
exit 2
stderr-has not valid UTF-8
unchanged
$ redress send --failure 1 --client "Northwind Logistics" --kind progress --body msg.txt
exit 1
stderr-has checker error
stderr-has msg.txt:1:1: error:
unchanged
$ redress send --failure 1 --client "Northwind Logistics" --kind progress --body msg.txt --confirm-errors --summary "Our update" --json
json .communication_id != null
json .outbox_id != null
sql SELECT count(*) FROM outbox WHERE kind = 'client' AND status = 'queued' AND recipient = 'lena.vogel@northwind.example' == 1
sql SELECT count(*) FROM communications WHERE channel = 'email' AND direction = 'out' AND summary = 'Our update' == 1
sql SELECT count(*) FROM reply_tokens WHERE failure_id = 1 AND client_id = 1 == 1
$ redress outbox --status queued
stdout-has client
stdout-has lena.vogel@northwind.example
stdout-has Our update
stderr-has no SMTP server is configured
