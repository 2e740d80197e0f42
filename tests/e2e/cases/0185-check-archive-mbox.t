# check --archive mbox: one result per message, in order, then a summary.
# Message 1: plain text/plain, X-Redress-Kind, and a ">From " line that must be
# unquoted (the finding's source line shows "From the logs").
# Message 2: multipart/alternative, text/plain in quoted-printable Latin-1 with an
# RFC 2047 subject: the checker sees "Café" and the "hiccup" after a soft break.
# Message 3: base64 text/plain, no Message-ID.
%file inbox.mbox
| From alice@example.com Mon Nov 23 10:00:00 2026
| Message-ID: <m1@example.com>
| Subject: Outage on Monday
| X-Redress-Kind: apology
|
| We are sorry: our deploy broke your invoices.
| >From the logs we can see your records were deleted.
| I am your point person.
|
| From bob@example.com Mon Nov 23 11:00:00 2026
| Message-ID: <m2@example.com>
| Subject: =?utf-8?q?Caf=C3=A9_update?=
| MIME-Version: 1.0
| Content-Type: multipart/alternative; boundary="XX"
|
| --XX
| Content-Type: text/plain; charset=iso-8859-1
| Content-Transfer-Encoding: quoted-printable
|
| Caf=E9 was down for an hour. It was just a hic=
| cup.
| --XX
| Content-Type: text/html
|
| <p>Never checked: we apologize if you were affected.</p>
| --XX--
|
| From carol@example.com Mon Nov 23 12:00:00 2026
| Subject: b64
| Content-Type: text/plain; charset=utf-8
| Content-Transfer-Encoding: base64
|
| V2UgYXBvbG9naXplIGZvciBhbnkgaW5jb252ZW5pZW5jZSB0aGlzIG1heSBoYXZlIGNhdXNlZC4K
$ redress check --archive mbox inbox.mbox
exit 0
stdout-has == message 1 (line 1) <m1@example.com> "Outage on Monday" [apology]
stdout-has inbox.mbox#1:2:
stdout-has  From the logs we can see your records were deleted.
stdout-lacks >From
stdout-has == message 2 (line 10) <m2@example.com> "Café update" [other]
stdout-has  Café was down for an hour. It was just a hiccup.
stdout-has [tone.minimizing]
stdout-lacks you were affected
stdout-has == message 3 (line 28) "b64" [other]
stdout-has inbox.mbox#3:1:18: warning: generic apology
stdout-has == summary: 3 messages: 0 with errors, 3 with warnings only, 0 clean, 0 unreadable
python re.search(r"ownership.passive +1\n", out)
# JSON Lines: one object per message, then the summary; --kind is the default kind
$ redress check --archive mbox --format json --kind progress inbox.mbox
exit 0
python [json.loads(l)["kind"] for l in out.splitlines()[:3]] == ["apology", "progress", "progress"]
python json.loads(out.splitlines()[1])["id"] == "m2@example.com" and json.loads(out.splitlines()[1])["subject"] == "Café update"
python json.loads(out.splitlines()[0])["check"]["findings"][0]["rule"] == "ownership.passive"
python json.loads(out.splitlines()[3])["summary"]["messages"] == 3
python json.loads(out.splitlines()[3])["summary"]["findings"]["apology.generic"] == 1
python len(out.splitlines()) == 4
# A heading longer than its 512-byte buffer (Message-ID and Subject of
# hundreds of bytes) is written whole, in order, on one line.
%file long.mbox
| From dave@example.com Mon Nov 23 13:00:00 2026
| Message-ID: <id-yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy@example.com>
| Subject: Long subject xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx end
|
| We are sorry: our deploy broke your invoices.
$ redress check --archive mbox long.mbox
python out.splitlines()[0] == '== message 1 (line 1) <id-yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy@example.com> "Long subject xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx end" [other]'
python out.splitlines()[1].startswith("long.mbox#1:")
