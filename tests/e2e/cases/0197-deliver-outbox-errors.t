# redress deliver and redress outbox: without an SMTP server email waits and
# both say why; bad settings are refused before anything is written.
%demo
$ redress deliver --at 2026-11-22T12:00:00Z --json
json .sent == 0
python json.loads(out)["waiting"] > 0
stderr-has no SMTP server configured
$ redress outbox --status queued --json
python all(r["last_error"].startswith("waiting: no SMTP server configured") for r in json.loads(out))
$ redress deliver --smtp-url http://mail.example
exit 2
stderr-has is not an SMTP URL
unchanged
$ redress deliver --smtp-url smtp://127.0.0.1:1
exit 2
stderr-has no sender
unchanged
$ redress deliver --smtp-url smtp://127.0.0.1:1 --mail-from "not an address"
exit 2
stderr-has not an email address
unchanged
$ redress deliver --max 0
exit 2
stderr-has --max: '0' is not a number from 1 to 1000000
unchanged
$ redress outbox --status lost
exit 2
stderr-has queued, sending, sent, failed
$ redress outbox --limit many
exit 2
stderr-has --limit: 'many' is not a number from 1 to 100000
$ redress webhook deliveries 1 --limit 100001
exit 2
stderr-has --limit: '100001' is not a number from 1 to 100000
