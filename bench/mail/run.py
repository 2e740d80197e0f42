#!/usr/bin/python3
"""bench/mail/run.py — email delivery, measured on 127.0.0.1 only.

1. Deliveries per second: N emails queued in the outbox (set-up through
   SQL, not measured), sent by one `redress deliver` sweep to aiosmtpd
   (tests/mail/sink.py keeps each message); against the reference, Python's
   smtplib sending the same N messages (the bytes that arrived) to the same
   server in the same run, one connection per message and one connection
   for all.
2. Due -> email latency: a step falls due a few seconds after
   `redress serve --deliver-every D` starts; the time from its due instant
   to the owner's "overdue" email arriving (target: under D + 5 s).

Usage: bench/mail/run.py [BUILD] [N] [D]   (defaults: build 500 10)"""
import email
import json
import os
import smtplib
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SINK_DIR = os.path.join(ROOT, "tests", "mail")
FROM = "desk@provider.example"


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    p = s.getsockname()[1]
    s.close()
    return p


def smtp_server(box, port):
    p = subprocess.Popen(["/usr/bin/python3", "-m", "aiosmtpd", "-n", "-l", "127.0.0.1:%d" % port, "-c",
                          "sink.Sink", box], env=dict(os.environ, PYTHONPATH=SINK_DIR),
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return p
        except OSError:
            time.sleep(0.05)
    raise SystemExit("aiosmtpd did not start")


def count(box):
    return len([n for n in os.listdir(box) if n.endswith(".eml")])


def wait_for(box, n, limit=120):
    t = time.time() + limit
    while count(box) < n and time.time() < t:
        time.sleep(0.01)


def throughput(binary, tmp, n):
    db = os.path.join(tmp, "tp.db")
    env = dict(os.environ, REDRESS_DB=db)
    subprocess.run([binary, "init"], env=env, check=True, capture_output=True)
    con = sqlite3.connect(db)
    body = ("Dear Lena,\n\nThe payments outage is fixed. Grüße, and sorry again.\n" * 8)
    rows = []
    for i in range(n):
        payload = json.dumps({"to": ["lena%d@acme.example" % i], "subject": "Update %d" % i, "body": body,
                              "from_name": "Sam Okafor"})
        rows.append(("email", "bench:%d" % i, "digest", "lena%d@acme.example" % i, "Update %d" % i, payload,
                     "rd.bench%d" % i, 1, 1))
    con.executemany("INSERT INTO outbox (channel, idem_key, kind, recipient, subject, payload, message_id, "
                    "next_attempt_at, created_at) VALUES (?,?,?,?,?,?,?,?,?)", rows)
    con.commit()
    con.close()
    box = os.path.join(tmp, "box-tp")
    port = free_port()
    srv = smtp_server(box, port)
    try:
        env["REDRESS_SMTP_URL"] = "smtp://127.0.0.1:%d" % port
        env["REDRESS_MAIL_FROM"] = FROM
        t0 = time.perf_counter()
        subprocess.run([binary, "deliver", "--at", "2026-11-22T12:00:00Z"], env=env, check=True,
                       capture_output=True)
        wait_for(box, n)
        t_redress = time.perf_counter() - t0
        got = count(box)
        msgs = []
        for name in sorted(os.listdir(box))[:n]:
            with open(os.path.join(box, name), "rb") as f:
                raw = f.read()
            msgs.append(raw.split(b"\r\n", 1)[1] if raw.startswith(b"X-Envelope-To") else raw)
        t0 = time.perf_counter()
        for i, raw in enumerate(msgs):
            with smtplib.SMTP("127.0.0.1", port) as s:
                s.sendmail(FROM, ["lena%d@acme.example" % i], raw)
        wait_for(box, 2 * n)
        t_ref1 = time.perf_counter() - t0
        t0 = time.perf_counter()
        with smtplib.SMTP("127.0.0.1", port) as s:
            for i, raw in enumerate(msgs):
                s.sendmail(FROM, ["lena%d@acme.example" % i], raw)
        wait_for(box, 3 * n)
        t_ref2 = time.perf_counter() - t0
    finally:
        srv.terminate()
        srv.wait()
    print("deliveries: %d emails, %d arrived" % (n, got))
    print("  redress deliver           %7.1f /s  (%.2f s)" % (n / t_redress, t_redress))
    print("  smtplib, connection each  %7.1f /s  (%.2f s)" % (n / t_ref1, t_ref1))
    print("  smtplib, one connection   %7.1f /s  (%.2f s)" % (n / t_ref2, t_ref2))


def latency(binary, tmp, every):
    db = os.path.join(tmp, "lat.db")
    env = dict(os.environ, REDRESS_DB=db)
    env.pop("REDRESS_NOW", None)

    def run(*a):
        subprocess.run([binary] + list(a), env=env, check=True, capture_output=True)
    run("init")
    run("user", "add", "sam@provider.example", "--role", "agent", "--no-password")
    run("client", "add", "Acme Freight", "--owner", "sam@provider.example", "--service", "Payments API")
    # severity 3, standard column: the apology is due 4 h after detection
    due = int(time.time()) + 8
    detected = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(due - 4 * 3600))
    run("failure", "open", "Outage", "--severity", "3", "--detected", detected, "--client", "Acme Freight")
    box = os.path.join(tmp, "box-lat")
    port = free_port()
    srv = smtp_server(box, port)
    serve = subprocess.Popen([binary, "serve", "--listen", "127.0.0.1:0", "--access-log", "off",
                              "--smtp-url", "smtp://127.0.0.1:%d" % port, "--mail-from", FROM,
                              "--deliver-every", "%ds" % every], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        arrived = None
        limit = time.time() + 8 + every + 30
        while time.time() < limit and arrived is None:
            for name in sorted(os.listdir(box)) if os.path.isdir(box) else []:
                if not name.endswith(".eml"):
                    continue
                with open(os.path.join(box, name), "rb") as f:
                    m = email.message_from_binary_file(f)
                if m["X-Redress-Kind"] == "escalation.overdue":
                    arrived = os.stat(os.path.join(box, name)).st_mtime
            time.sleep(0.05)
    finally:
        serve.terminate()
        serve.wait()
        srv.terminate()
        srv.wait()
    if arrived is None:
        print("latency: no overdue email within %d s" % (every + 30))
        return
    lat = arrived - due
    print("due -> owner's email with --deliver-every %ds: %.2f s (target < %d s): %s" %
          (every, lat, every + 5, "ok" if lat < every + 5 else "MISSED"))


def main():
    build = sys.argv[1] if len(sys.argv) > 1 else "build"
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 500
    every = int(sys.argv[3]) if len(sys.argv) > 3 else 10
    binary = os.path.abspath(os.path.join(build, "redress"))
    with tempfile.TemporaryDirectory(prefix="redress-bench-mail-") as tmp:
        throughput(binary, tmp, n)
        latency(binary, tmp, every)


if __name__ == "__main__":
    main()
