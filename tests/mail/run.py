#!/usr/bin/python3
"""run.py — email with real parts: a real SMTP server (Debian's
python3-aiosmtpd, with tests/mail/sink.py keeping what arrives) on
127.0.0.1, `redress deliver --at …` sweeps over a scripted failure, and
what arrived read back with Python's email package.

Checks: reminders (due soon, overdue, the manager's escalation) and the
daily digest reach the right person once, naming client, step, due time and
a compose link; client messages carry From (the point person), Reply-To
(a plus address), Message-ID and thread per failure+client; SMTP down for
ten simulated minutes then up delivers everything exactly once; a worker
killed mid-send is retried after its lease and the recipient dedups by
Message-ID; a 550 fails for good with its error shown; a reply piped to
`redress inbound` lands on the failure and counts as a chase; `redress
serve --deliver-every 1s` sends by itself, emails a requested password link
instead of printing it, and lists the outbox at GET /api/outbox.

Usage: tests/mail/run.py build/redress"""
import email
import email.policy
import json
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from email.message import EmailMessage

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "pg"))
import pgserver  # noqa: E402  (tests/pg/pgserver.py)
PG = pgserver.admin_url() is not None
FROM = "desk@provider.example"


class Env:
    def __init__(self, binary, tmp):
        self.bin = os.path.abspath(binary)
        self.tmp = tmp
        # with REDRESS_TEST_PG (tests/pg/pgserver.py), a fresh PostgreSQL database
        self.db = pgserver.fresh_db("rd_mail") if PG else os.path.join(tmp, "mail.db")
        self.box = os.path.join(tmp, "box")
        self.port = free_port()
        self.smtp = None

    def run(self, *args, now=None, stdin=None, check=True, smtp=True):
        env = dict(os.environ)
        env["REDRESS_DB"] = self.db
        env.pop("REDRESS_SMTP_URL", None)
        env.pop("REDRESS_MAIL_FROM", None)
        if smtp:
            env["REDRESS_SMTP_URL"] = "smtp://127.0.0.1:%d" % self.port
            env["REDRESS_MAIL_FROM"] = FROM
        if now:
            env["REDRESS_NOW"] = now
        p = subprocess.run([self.bin] + list(args), input=stdin, capture_output=True, env=env)
        if check and p.returncode != 0:
            raise AssertionError("redress %s: exit %d\n%s%s" % (" ".join(args), p.returncode,
                                                              p.stdout.decode(), p.stderr.decode()))
        return p

    def deliver(self, at, smtp=True):
        p = self.run("deliver", "--at", at, "--json", smtp=smtp)
        return json.loads(p.stdout)

    def smtp_up(self):
        env = dict(os.environ, PYTHONPATH=HERE)
        self.smtp = subprocess.Popen(["/usr/bin/python3", "-m", "aiosmtpd", "-n", "-l",
                                      "127.0.0.1:%d" % self.port, "-c", "sink.Sink", self.box],
                                     env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise AssertionError("aiosmtpd did not start")

    def smtp_down(self):
        if self.smtp:
            self.smtp.terminate()
            self.smtp.wait(10)
            self.smtp = None

    def received(self):
        out = []
        if not os.path.isdir(self.box):
            return out
        for name in sorted(os.listdir(self.box)):
            if name.endswith(".eml"):
                with open(os.path.join(self.box, name), "rb") as f:
                    out.append(email.message_from_binary_file(f, policy=email.policy.default))
        return out

    def sql(self, q, *args):
        if PG:
            assert not args, "the PostgreSQL path takes no parameters"
            return pgserver.rows(self.db, q)
        con = sqlite3.connect(self.db)
        try:
            return con.execute(q, args).fetchall()
        finally:
            con.close()


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def by_kind(msgs, kind):
    return [m for m in msgs if m["X-Redress-Kind"] == kind]


def check(cond, what):
    if not cond:
        raise AssertionError(what)


def setup(e):
    e.run("init")
    e.run("user", "add", "ada@provider.example", "--role", "admin", "--name", "Ada Admin", "--no-password")
    e.run("user", "add", "maria@provider.example", "--role", "manager", "--name", "Maria Manager",
          "--no-password")
    e.run("user", "add", "sam@provider.example", "--role", "agent", "--name", "Sam Okafor", "--no-password",
          "--manager", "maria@provider.example", "--tz", "Europe/Berlin")
    e.run("user", "add", "lee@provider.example", "--role", "agent", "--name", "Lee Lead", "--no-password")
    e.run("client", "add", "Acme Freight", "--tz", "Europe/Berlin", "--owner", "sam@provider.example",
          "--service", "Payments API")
    e.run("contact", "add", "Acme Freight", "Lena Vogel", "--email", "lena@acme.example")
    # a client nobody owns: its steps go to the failure's lead
    e.run("client", "add", "Orphan Ltd", "--tz", "UTC", "--service", "Payments API")
    e.run("contact", "add", "Orphan Ltd", "Olga Orphan", "--email", "olga@orphan.example")
    e.run("failure", "open", "Payments API outage", "--severity", "3", "--detected", "2026-11-23T07:00:00Z",
          "--client", "Acme Freight", "--client", "Orphan Ltd", "--lead", "lee@provider.example",
          now="2026-11-23T07:05:00Z")


def test_no_smtp(e):
    """Without SMTP nothing is sent and `outbox` says why."""
    r = e.deliver("2026-11-23T10:15:00Z", smtp=False)
    check(r["sent"] == 0 and r["waiting"] >= 2, "without SMTP: %r" % r)
    p = e.run("outbox", smtp=False)
    check(b"no SMTP server is configured" in p.stderr, "outbox explains the wait: %r" % p.stderr)
    check(b"waiting: no SMTP server configured" in p.stdout, "each row says why: %r" % p.stdout[:300])


def test_reminders(e):
    """Due soon (10:15), overdue (11:05), the manager (next day 11:05)."""
    e.deliver("2026-11-23T10:15:00Z")   # sends what test_no_smtp left queued
    msgs = e.received()
    soon = by_kind(msgs, "reminder.due_soon")
    sam = [m for m in soon if m["To"] == "sam@provider.example"]
    check(len(sam) == 1, "one due-soon reminder to the owner, got %d" % len(sam))
    body = sam[0].get_content()
    for part in ("apology", "Acme Freight", "Payments API outage", "2026-11-23T12:00:00+01:00",
                 "/compose?failure=1&client=1&kind=apology"):
        check(part in body, "the reminder names %r:\n%s" % (part, body))
    lee = [m for m in soon if m["To"] == "lee@provider.example"]
    check(len(lee) == 1 and "Orphan Ltd" in lee[0]["Subject"], "no owner: the lead is reminded")
    check(sam[0]["Auto-Submitted"] == "auto-generated", "reminders are marked automatic")
    # the same sweep again queues nothing new
    r = e.deliver("2026-11-23T10:20:00Z")
    check(r["queued"] == 0 and r["sent"] == 0, "reminders are queued once: %r" % r)
    e.deliver("2026-11-23T11:05:00Z")
    over = by_kind(e.received(), "escalation.overdue")
    check(sorted(m["To"] for m in over) == ["lee@provider.example", "sam@provider.example"],
          "overdue reaches the owner and, for the unowned client, the lead: %r" % [m["To"] for m in over])
    esc = e.sql("SELECT level, delivered_at FROM escalations ORDER BY id")
    check(all(d for _, d in esc) and len(esc) == 2, "each escalation row is marked delivered: %r" % esc)
    e.deliver("2026-11-24T11:05:00Z")
    mgr = by_kind(e.received(), "escalation.manager")
    to = sorted(m["To"] for m in mgr)
    # Sam's manager for Acme; Orphan's owner (the lead) has no manager: the lead again
    check("maria@provider.example" in to, "the owner's manager gets the second level: %r" % to)
    check(len(e.sql("SELECT 1 FROM escalations WHERE delivered_at IS NULL")) == 0,
          "every escalation row delivered")


def test_digest(e):
    """Sam's digest at 08:00 Berlin, once a day."""
    days = {}
    for m in by_kind(e.received(), "digest"):
        days.setdefault(m["To"], []).append(m["Subject"])
    check(any("2026-11-23" in s for s in days.get("sam@provider.example", [])),
          "a digest on the first day: %r" % days)
    before = len(by_kind(e.received(), "digest"))
    e.deliver("2026-11-25T06:30:00Z")    # 07:30 in Berlin: not yet
    check(len([m for m in by_kind(e.received(), "digest") if "2026-11-25" in m["Subject"]]) == 0,
          "no digest before the local hour")
    e.deliver("2026-11-25T07:05:00Z")    # 08:05 in Berlin
    e.deliver("2026-11-25T09:00:00Z")
    sam25 = [m for m in by_kind(e.received(), "digest")
             if "2026-11-25" in m["Subject"] and m["To"] == "sam@provider.example"]
    check(len(sam25) == 1, "exactly one digest for the day, got %d" % len(sam25))
    body = sam25[0].get_content()
    check("Overdue:" in body and "Acme Freight" in body and "/compose?" in body, body)
    check(len(by_kind(e.received(), "digest")) > before, "digests keep coming")


def client_msgs(e):
    return [m for m in by_kind(e.received(), "client")]


def test_client_messages(e, body_path):
    p = e.run("send", "--failure", "1", "--client", "Acme Freight", "--kind", "apology", "--body",
              body_path, check=False, now="2026-11-25T10:00:00Z")
    check(p.returncode == 1 and b"checker error" in p.stderr, "checker errors refuse: %r" % p.stderr)
    check(len(e.sql("SELECT 1 FROM outbox WHERE kind = 'client'")) == 0, "a refused message queues nothing")
    e.run("send", "--failure", "1", "--client", "Acme Freight", "--kind", "apology", "--body", body_path,
          "--confirm-errors", "--summary", "Payments outage: our apology", now="2026-11-25T10:00:00Z")
    e.run("send", "--failure", "1", "--client", "Acme Freight", "--kind", "rca_update", "--body", body_path,
          "--confirm-errors", "--summary", "Grüße: what went wrong", now="2026-11-25T12:00:00Z")
    e.deliver("2026-11-25T12:01:00Z")
    got = client_msgs(e)
    check(len(got) == 2, "two client messages, got %d" % len(got))
    first, second = got
    check(first["To"] == "lena@acme.example", "to the client's contact: %r" % first["To"])
    check(first["From"].addresses[0].display_name == "Sam Okafor" and
          first["From"].addresses[0].addr_spec == FROM, "from the point person: %r" % first["From"])
    reply = first["Reply-To"].addresses[0].addr_spec
    check(reply.startswith("desk+r") and reply.endswith("@provider.example"), "plus reply address: " + reply)
    check(first["Message-ID"] and first["Date"], "Message-ID and Date")
    root = "<rd.thread.1.1@provider.example>"
    check(first["References"] == root, "thread root: %r" % first["References"])
    check(second["In-Reply-To"] == first["Message-ID"], "the second answers the first: %r / %r" %
          (second["In-Reply-To"], first["Message-ID"]))
    check(second["References"].split() == [root, first["Message-ID"]], "references: %r" % second["References"])
    check(second["Subject"] == "Grüße: what went wrong", "UTF-8 subject decoded: %r" % second["Subject"])
    check("Sorry" in first.get_content(), "the body arrives")
    comms = json.loads(e.run("comm", "list", "--failure", "1", "--client", "Acme Freight", "--json").stdout)
    check(sum(1 for c in comms if c["channel"] == "email" and c["direction"] == "out") == 2,
          "each message is logged as the communication")
    return reply


def test_smtp_down(e, body_path):
    """Down for ten simulated minutes, then up: each message exactly once."""
    e.smtp_down()
    for k in ("progress", "plan"):
        e.run("send", "--failure", "1", "--client", "Orphan Ltd", "--kind", k, "--body", body_path,
              "--confirm-errors", now="2026-11-26T09:00:00Z")
    for minute in ("09:00", "09:01", "09:03", "09:05", "09:10"):
        r = e.deliver("2026-11-26T%s:00Z" % minute)
        check(r["sent"] == 0, "nothing is sent while SMTP is down: %r" % r)
    rows = e.sql("SELECT status, attempts, last_error FROM outbox WHERE client_id = 2 AND kind = 'client'")
    check(all(s == "queued" and a >= 2 and err for s, a, err in rows), "retried with backoff: %r" % rows)
    e.smtp_up()
    e.deliver("2026-11-26T09:11:00Z")
    e.deliver("2026-11-26T12:00:00Z")
    e.deliver("2026-11-26T13:00:00Z")
    got = [m for m in client_msgs(e) if m["To"] == "olga@orphan.example"]
    ids = [m["Message-ID"] for m in got]
    check(len(ids) == 2 and len(set(ids)) == 2, "each delivered exactly once: %r" % ids)
    check(all(s == "sent" for (s,) in e.sql("SELECT status FROM outbox WHERE client_id = 2 AND kind = 'client'")),
          "all sent")


def test_killed_worker(e, body_path):
    """SIGKILL during a slow DATA: retried after the lease, same Message-ID."""
    e.run("send", "--failure", "1", "--client", "Acme Freight", "--kind", "progress", "--body", body_path,
          "--confirm-errors", now="2026-11-27T09:00:00Z")
    with open(os.path.join(e.box, "slow"), "w") as f:
        f.write("3")
    env = dict(os.environ, REDRESS_DB=e.db, REDRESS_SMTP_URL="smtp://127.0.0.1:%d" % e.port,
               REDRESS_MAIL_FROM=FROM)
    started = os.path.join(e.box, "data-started")
    w = subprocess.Popen([e.bin, "deliver", "--at", "2026-11-27T09:00:30Z"], env=env,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(200):
        if os.path.exists(started):
            break
        time.sleep(0.05)
    check(os.path.exists(started), "the worker reached DATA")
    w.send_signal(signal.SIGKILL)
    w.wait()
    os.unlink(os.path.join(e.box, "slow"))
    rows = e.sql("SELECT status FROM outbox WHERE kind = 'client' AND status <> 'sent'")
    check(rows == [("sending",)], "the killed worker's row stays claimed: %r" % rows)
    e.deliver("2026-11-27T09:02:00Z")    # within the lease: not taken again
    check(e.sql("SELECT status FROM outbox WHERE kind = 'client' AND status <> 'sent'") == [("sending",)],
          "not re-sent within the lease")
    time.sleep(3.5)                      # the sink finishes the first copy
    e.deliver("2026-11-27T09:06:00Z")    # after the 5-minute lease
    check(e.sql("SELECT count(*) FROM outbox WHERE status <> 'sent' AND kind = 'client'") == [(0,)], "sent")
    # aiosmtpd drops a transaction whose client vanished mid-DATA, a real
    # MTA may keep it: either way every copy has the row's one Message-ID
    ids = [m["Message-ID"] for m in client_msgs(e) if m["To"] == "lena@acme.example"]
    check(len(set(ids)) == 3, "apology, rca_update and progress, each by one Message-ID: %r" % ids)
    row = e.sql("SELECT attempts, message_id FROM outbox WHERE kind = 'client' ORDER BY id DESC LIMIT 1")[0]
    check(row[0] == 2, "sent by the second attempt, after the lease: %r" % (row,))
    check(sum(1 for i in ids if i.startswith("<" + row[1] + "@")) >= 1, "the retried message arrived")


def test_bounce(e, body_path):
    e.run("send", "--failure", "1", "--client", "Acme Freight", "--kind", "progress", "--body", body_path,
          "--to", "bounce@acme.example", "--confirm-errors", now="2026-11-28T09:00:00Z")
    e.deliver("2026-11-28T09:00:10Z")
    p = e.run("outbox", "--status", "failed", "--json")
    rows = json.loads(p.stdout)
    check(len(rows) == 1 and "550" in rows[0]["last_error"], "a 550 fails for good: %r" % rows)
    r = e.deliver("2026-11-28T12:00:00Z")
    check(r["sent"] == 0 and r["retrying"] == 0, "and is not retried: %r" % r)


def test_inbound(e, reply_to):
    first = client_msgs(e)[0]
    m = EmailMessage()
    m["From"] = "Lena Vogel <lena@acme.example>"
    m["To"] = reply_to
    m["Subject"] = "Re: " + first["Subject"]
    m["Message-ID"] = "<reply-1@acme.example>"
    m["In-Reply-To"] = first["Message-ID"]
    m.set_content("Thanks for this. Any update on when card payments work again?\n\n"
                  "On Wed, Sam Okafor wrote:\n> We are sorry\n", charset="iso-8859-1", cte="quoted-printable")
    p = e.run("inbound", "--json", stdin=m.as_bytes(), now="2026-11-28T10:00:00Z")
    r = json.loads(p.stdout)
    check(r["matched_by"] == "reply-token" and r["failure_id"] == 1 and r["client_id"] == 1 and r["chase"],
          "routed by its token, a chase: %r" % r)
    comm = json.loads(e.run("comm", "show", str(r["communication_id"]), "--json").stdout)
    check(comm["direction"] == "in" and comm["chase"] in (True, 1) and "Any update" in comm["body"], comm)
    obl = json.loads(e.run("obligations", "--failure", "1", "--client", "Acme Freight", "--json",
                           now="2026-11-28T10:01:00Z").stdout)
    check('"chases": 1' in json.dumps(obl), "the chase counts on the track: %s" % json.dumps(obl)[:600])
    # the MTA delivers the same message again: answered, not logged twice
    n = e.sql("SELECT count(*) FROM communications")[0][0]
    again = json.loads(e.run("inbound", "--json", stdin=m.as_bytes(), now="2026-11-28T10:05:00Z").stdout)
    check(again["communication_id"] == r["communication_id"] and again["duplicate"] is True,
          "a retried message gets the first answer: %r" % again)
    check(e.sql("SELECT count(*) FROM communications")[0][0] == n, "and is not logged twice")
    # revoked reply addresses: the contact's reply is matched by sender, a stranger's refused
    rv = json.loads(e.run("reply-address", "revoke", "--failure", "1", "--client", "Acme Freight",
                          "--json").stdout)
    check(rv["revoked"] >= 1, "the track's reply addresses are revoked: %r" % rv)
    del m["Message-ID"]
    m["Message-ID"] = "<reply-2@acme.example>"
    r2 = json.loads(e.run("inbound", "--json", stdin=m.as_bytes(), now="2026-11-28T11:00:00Z").stdout)
    check(r2["matched_by"] == "sender" and r2["client_id"] == 1, "after revoking, by sender: %r" % r2)
    stranger = EmailMessage()
    stranger["From"] = "someone@else.example"
    stranger["To"] = reply_to
    stranger["Subject"] = "hello"
    stranger.set_content("any update?")
    n = e.sql("SELECT count(*) FROM communications")[0][0]
    p = e.run("inbound", stdin=stranger.as_bytes(), check=False)
    check(p.returncode == 2 and b"unknown or revoked token" in p.stderr, p.stderr)
    check(e.sql("SELECT count(*) FROM communications")[0][0] == n, "a stranger on a revoked address: nothing")
    p = e.run("reply-address", "revoke", "--failure", "1", "--client", "Nobody Inc", check=False)
    check(p.returncode == 2 and b"Nobody Inc" in p.stderr, "an unknown client is named: %r" % p.stderr)
    # revoked/unknown token and an unknown sender: refused, nothing logged
    n = e.sql("SELECT count(*) FROM communications")[0][0]
    bad = EmailMessage()
    bad["From"] = "someone@else.example"
    bad["To"] = "desk+r" + "0" * 32 + "@provider.example"
    bad["Subject"] = "hello"
    bad.set_content("any update?")
    p = e.run("inbound", stdin=bad.as_bytes(), check=False)
    check(p.returncode == 2 and b"unknown or revoked" in p.stderr, p.stderr)
    check(e.sql("SELECT count(*) FROM communications")[0][0] == n, "nothing logged")


def test_serve(e):
    """The server's worker sends what is queued; a password link is emailed
    (not printed) when serve has SMTP; GET /api/outbox lists it."""
    import http.cookiejar
    import urllib.parse
    import urllib.request
    token = e.run("token", "create", "ada@provider.example").stdout.decode()
    token = re.search(r"rdt_[0-9a-f]+", token).group(0)
    env = dict(os.environ, REDRESS_DB=e.db, REDRESS_SMTP_URL="smtp://127.0.0.1:%d" % e.port,
               REDRESS_MAIL_FROM=FROM)
    env.pop("REDRESS_NOW", None)
    srv = subprocess.Popen([e.bin, "serve", "--listen", "127.0.0.1:0", "--access-log", "off",
                            "--deliver-every", "1s"], env=env, stdout=subprocess.PIPE,
                           stderr=subprocess.DEVNULL, text=True)
    try:
        base = re.search(r"http://[0-9.:]+", srv.stdout.readline()).group(0)
        jar = http.cookiejar.CookieJar()
        op = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        op.open(base + "/password/forgot").read()
        csrf = next(c.value for c in jar if c.name == "rd_csrf")
        data = urllib.parse.urlencode({"email": "sam@provider.example", "csrf": csrf}).encode()
        op.open(urllib.request.Request(base + "/password/forgot", data=data)).read()
        got = []
        for _ in range(100):
            got = by_kind(e.received(), "password_link")
            if got:
                break
            time.sleep(0.1)
        check(len(got) == 1 and got[0]["To"] == "sam@provider.example", "the password link is emailed")
        check(re.search(r"/password/rdr_[0-9a-f]{64}", got[0].get_content()), got[0].get_content())
        # the worker also sends the demo's escalations: pick the link's row
        req = urllib.request.Request(base + "/api/outbox?status=sent",
                                     headers={"Authorization": "Bearer " + token})
        rows = json.loads(urllib.request.urlopen(req).read())
        links = [r for r in rows if r["kind"] == "password_link"]
        check(len(links) == 1 and links[0]["status"] == "sent"
              and links[0]["recipient"] == "sam@provider.example", rows)
        # POST /api/inbound twice with one Message-ID: 201, then 200 with the same answer
        msg = EmailMessage()
        msg["From"] = "Lena Vogel <lena@acme.example>"
        msg["To"] = FROM
        msg["Subject"] = "Re: status"
        msg["Message-ID"] = "<api-retry-1@acme.example>"
        msg.set_content("Thanks, received.")
        got = []
        for _ in range(2):
            req = urllib.request.Request(base + "/api/inbound", data=msg.as_bytes(), method="POST",
                                         headers={"Authorization": "Bearer " + token,
                                                  "Content-Type": "message/rfc822"})
            with urllib.request.urlopen(req) as resp:
                got.append((resp.status, json.loads(resp.read())))
        check(got[0][0] == 201 and got[1][0] == 200 and got[1][1]["duplicate"] is True and
              got[0][1]["communication_id"] == got[1][1]["communication_id"], "API retry: %r" % got)
        req = urllib.request.Request(base + "/api/reply-addresses/revoke", method="POST",
                                     data=json.dumps({"failure": 1, "client": "Acme Freight"}).encode(),
                                     headers={"Authorization": "Bearer " + token,
                                              "Content-Type": "application/json"})
        with urllib.request.urlopen(req) as resp:
            j = json.loads(resp.read())
        check(resp.status == 200 and j["client_id"] == 1 and "revoked" in j, "revoke over the API: %r" % j)
    finally:
        srv.terminate()
        out = srv.communicate(timeout=30)[0]
    check("password link for" not in out, "with SMTP the link is not printed: %r" % out)


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: tests/mail/run.py build/redress")
    done = [0]

    def ok(name):
        done[0] += 1
        print("ok  %s" % name)
    with tempfile.TemporaryDirectory(prefix="redress-mail-") as tmp:
        e = Env(sys.argv[1], tmp)
        body = os.path.join(tmp, "body.txt")
        with open(body, "w") as f:
            f.write("Dear Lena,\n\nSorry: card payments failed for you from 07:00 today. "
                    "Grüße from the team.\n\nSam\n")
        try:
            setup(e)
            steps = [("no SMTP", lambda: test_no_smtp(e)), ("smtp up", e.smtp_up),
                     ("reminders", lambda: test_reminders(e)), ("digest", lambda: test_digest(e))]
            for name, fn in steps:
                fn()
                ok(name)
            reply = test_client_messages(e, body)
            ok("client messages, headers and threading")
            test_smtp_down(e, body)
            ok("SMTP down 10 minutes, then everything exactly once")
            test_killed_worker(e, body)
            ok("worker killed mid-send: delivered, dedup by Message-ID")
            test_bounce(e, body)
            ok("5xx: failed for good with its error")
            test_inbound(e, reply)
            ok("inbound reply: on the failure, a chase; bad input refused")
            test_serve(e)
            ok("serve: the worker sends, a password link is emailed, GET /api/outbox")
        except Exception:
            # the steps build on each other: the first failure ends the run
            print("mail: %d passed, 1 failed" % done[0])
            raise
        finally:
            e.smtp_down()
    print("mail: %d passed, 0 failed" % done[0])


if __name__ == "__main__":
    main()
