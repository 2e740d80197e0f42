# check --archive: an empty archive is zero messages (exit 0); a missing file,
# a file that is not an mbox, an unknown format or a bad --jobs are exit 2 with
# a message naming what is wrong, and print no results.
%file empty.mbox
$ redress check --archive mbox empty.mbox
exit 0
stdout-has == summary: 0 messages
$ redress check --archive jsonl empty.mbox --format json
exit 0
json .summary.messages == 0
$ redress check --archive mbox no-such.mbox
exit 2
stderr-has cannot open archive 'no-such.mbox'
stdout-empty
%file notes.txt
| Dear client, we are sorry.
| From now on we test first.
$ redress check --archive mbox notes.txt
exit 2
stderr-has not an mbox archive: line 1 does not start with "From "
stdout-empty
$ redress check --archive zip notes.txt
exit 2
stderr-has --archive: 'zip' is not mbox or jsonl
$ redress check --archive jsonl --jobs 0 notes.txt
exit 2
stderr-has --jobs: '0'
$ redress check --jobs 2 notes.txt
exit 2
stderr-has --jobs goes with --archive
$ redress check --archive jsonl --kind bogus notes.txt
exit 2
stderr-has bogus
stdout-empty
# a MIME message with no text/plain part is unreadable, and counted
%file html.mbox
| From x@example.com Mon Nov 23 10:00:00 2026
| Content-Type: text/html
|
| <p>We apologize if you were affected.</p>
$ redress check --archive mbox html.mbox
exit 1
stdout-has html.mbox#1: unreadable: line 1: no text/plain part
stdout-has 1 unreadable
# a raw header that is not UTF-8 (Latin-1 "Café", a Message-ID with a 0xFF
# byte) is left out of that message's JSON line; the message is still
# checked and the run goes on to the next one
%stdin From a@example.com Mon Nov 23 10:00:00 2026\nSubject: Caf\xe9 outage\nMessage-ID: <m\xff@example.com>\nX-Redress-Kind: apology\n\nWe are sorry that your orders were late. We made a mistake.\n\nFrom b@example.com Mon Nov 23 11:00:00 2026\nSubject: fine\n\nSorry.\n
$ redress check --archive mbox - --format json --at 2026-11-23T12:00:00Z
exit 0
python [sorted(json.loads(l)) for l in out.splitlines()[:2]] == [["check", "index", "kind", "line"], ["check", "index", "kind", "line", "subject"]]
python json.loads(out.splitlines()[0])["check"]["kind"] == "apology" and json.loads(out.splitlines()[2])["summary"]["messages"] == 2
