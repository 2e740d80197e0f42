#!/usr/bin/python3
"""GET /metrics against the demo data: the exposition passes `promtool check
metrics` (Debian package prometheus), the domain figures equal what the CLI
says when counted independently, and the access switch works (a valid API
token always; anonymous scrapes on by default, 401 with
--metrics-anonymous off or REDRESS_METRICS_ANONYMOUS=off; a bad token 401).

usage: tests/api/metrics.py [PATH/TO/redress]   (default: build/redress)
Ends with `metrics: N passed, N failed`; exits non-zero on any failure.
"""
import http.client
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter

NOW = "2026-11-22T12:00:00Z"
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BIN = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build", "redress"))
TMP = tempfile.mkdtemp(prefix="redress-metrics-")
sys.path.insert(0, os.path.join(ROOT, "tests", "pg"))
import pgserver  # noqa: E402  (tests/pg/pgserver.py)
PG = pgserver.admin_url() is not None
# With REDRESS_TEST_PG (tests/pg/pgserver.py), a fresh PostgreSQL database instead.
DB = pgserver.fresh_db("rd_metrics") if PG else os.path.join(TMP, "m.db")
ENV = dict(os.environ, REDRESS_NOW=NOW, REDRESS_DB=DB)
for k in ("REDRESS_USER", "REDRESS_METRICS_ANONYMOUS"):
    ENV.pop(k, None)
passed = failed = 0


def check(name, cond, info=""):
    global passed, failed
    if cond:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {name} {info}".rstrip())


def cli(*args):
    p = subprocess.run([BIN, "--db", DB, *args], capture_output=True, text=True, env=ENV, timeout=60)
    if p.returncode != 0:
        raise SystemExit(f"redress {' '.join(args)} failed ({p.returncode}): {p.stderr}")
    return p.stdout


class Server:
    def __init__(self, extra=(), env=None):
        self.proc = subprocess.Popen([BIN, "--db", DB, "serve", "--listen", "127.0.0.1:0", "--access-log",
                                      "off", *extra], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     text=True, env=env or ENV)
        line = self.proc.stdout.readline()
        m = re.match(r"listening on http://127\.0\.0\.1:(\d+)", line)
        if not m:
            self.proc.kill()
            raise SystemExit(f"server did not start: {line!r} {self.proc.stderr.read()}")
        self.port = int(m.group(1))

    def get(self, path, token=None):
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=20)
        c.request("GET", path, headers={"Authorization": f"Bearer {token}"} if token else {})
        r = c.getresponse()
        body = r.read().decode()
        c.close()
        return r.status, dict(r.getheaders()), body

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def samples(text):
    """{(name, frozenset(labels)): value} of an exposition."""
    out = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        m = re.match(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$', line)
        if not m:
            continue
        labels = frozenset(re.findall(r'(\w+)="((?:[^"\\]|\\.)*)"', m.group(2) or ""))
        out[(m.group(1), labels)] = float(m.group(3))
    return out


def value(s, name, **labels):
    return s.get((name, frozenset(labels.items())))


try:
    cli("demo")
    token = cli("token", "create", "ada@provider.example").strip().split()[-1]
    viewer_email = "metrics-viewer@provider.example"
    cli("user", "add", viewer_email, "--name", "Metrics Viewer", "--role", "viewer", "--no-password")
    viewer = cli("token", "create", viewer_email).strip().split()[-1]

    # What the CLI says, counted independently of /metrics.
    tiers = {c["id"]: c["tier"] for c in json.loads(cli("client", "list", "--json"))}
    failures = json.loads(cli("failure", "list", "--json"))
    overdue = Counter()
    for f in failures:
        for track in json.loads(cli("obligations", "--failure", str(f["id"]), "--at", NOW, "--json")):
            for o in track["obligations"]:
                if o["state"] == "overdue":
                    overdue[(o["kind"], tiers[track["client_id"]])] += 1
    by_status = Counter((f["status"], str(f["severity"])) for f in failures)

    srv = Server()
    try:
        st, hdr, body = srv.get("/metrics")
        check("anonymous scrape (default on): 200", st == 200, (st, body[:200]))
        check("content type is the text format 0.0.4", hdr.get("Content-Type", "").startswith(
            "text/plain; version=0.0.4"), hdr.get("Content-Type"))
        p = subprocess.run(["promtool", "check", "metrics"], input=body, capture_output=True, text=True)
        check("promtool check metrics passes", p.returncode == 0, p.stdout + p.stderr)
        s = samples(body)
        check("overdue apologies, key tier, equal the CLI's count",
              value(s, "redress_obligations", state="overdue", step="apology", tier="key")
              == overdue[("apology", "key")], (overdue, body[:400]))
        check("overdue apologies, standard tier, equal the CLI's count",
              value(s, "redress_obligations", state="overdue", step="apology", tier="standard")
              == overdue[("apology", "standard")], overdue)
        check("the demo has overdue obligations to count", sum(overdue.values()) > 0, overdue)
        for (kind, tier), n in overdue.items():
            check(f"overdue {kind}/{tier} equal the CLI's count",
                  value(s, "redress_obligations", state="overdue", step=kind, tier=tier) == n,
                  (kind, tier, n))
        total_overdue = sum(v for (name, lab), v in s.items()
                            if name == "redress_obligations" and ("state", "overdue") in lab)
        check("no overdue obligation the CLI does not see", total_overdue == sum(overdue.values()),
              (total_overdue, overdue))
        for (status, sev), n in by_status.items():
            check(f"failures {status}/sev {sev} equal the CLI's list",
                  value(s, "redress_failures", status=status, severity=sev) == n)
        check("failures total equal the CLI's list",
              sum(v for (name, _), v in s.items() if name == "redress_failures") == len(failures))
        check("the demo's one chase is counted", value(s, "redress_chases_total") == 1, body[:100])
        check("... and is within the last 30 days", value(s, "redress_chases_30d") == 1)
        check("goodwill: one proposed, one approved",
              value(s, "redress_goodwill", status="proposed") == 1 and
              value(s, "redress_goodwill", status="approved") == 1)
        portfolio = json.loads(cli("trust", "--json"))
        scores = [c["score"] for c in portfolio]
        check("trust histogram counts every client", value(s, "redress_client_trust_count") == len(scores) > 0,
              (value(s, "redress_client_trust_count"), len(scores)))
        for le in (20, 40, 60, 80, 100):
            check(f"trust clients at or below {le} equal the CLI's portfolio",
                  value(s, "redress_client_trust_bucket", le=str(le)) == sum(1 for x in scores if x <= le),
                  (le, value(s, "redress_client_trust_bucket", le=str(le)), scores))
        check("the demo has clients of low trust to see", sum(1 for x in scores if x <= 40) > 0, scores)
        for name in ("process_start_time_seconds", "process_resident_memory_bytes", "process_cpu_seconds_total",
                     "process_open_fds"):
            check(f"process figure {name}", (value(s, name) or 0) > 0, value(s, name))
        check("escalation levels 1 and 2 present", value(s, "redress_escalations_total", level="1") is not None
              and value(s, "redress_escalations_total", level="2") is not None)
        check("open commitments by state", value(s, "redress_open_commitments", state="open") is not None
              and value(s, "redress_open_commitments", state="overdue") is not None)
        # the API request made above shows in the per-class histogram
        srv.get("/api/me", token)
        st, _, body = srv.get("/metrics")
        s = samples(body)
        check("latency histogram per route class: the API call counted",
              (value(s, "redress_http_request_duration_seconds_count", **{"class": "api"}) or 0) >= 1, body[-800:])
        check("HTTP counter per route kept",
              value(s, "redress_http_requests_total", route="GET /api/me", code="2xx") == 1)
        # Within the cache's 5 s the same domain figures come back (what keeps
        # scrapes cheap); after it, a new chase shows.
        time.sleep(5.5)
        srv.get("/metrics")  # computed now: the cache is fresh for the next 5 s
        cli("log", "--failure", "1", "--client", "Northwind Logistics", "--kind", "other", "--channel", "email",
            "--direction", "in", "--chase", "--summary", "Any news?")
        st, _, body = srv.get("/metrics")
        check("within 5 s: the cached figures", value(samples(body), "redress_chases_total") == 1)
        time.sleep(5.5)
        st, _, body = srv.get("/metrics")
        check("after 5 s: the new chase is counted", value(samples(body), "redress_chases_total") == 2,
              value(samples(body), "redress_chases_total"))
        st, _, body = srv.get("/metrics", token)
        check("a valid admin token: 200", st == 200, st)
        st, _, body = srv.get("/metrics", viewer)
        check("a valid viewer token: 200", st == 200, st)
        st, hdr, body = srv.get("/metrics", "rdt_" + "0" * 64)
        check("a wrong token is refused even with anonymous on: 401", st == 401 and
              "unauthenticated" in body, (st, body))
    finally:
        srv.stop()

    srv = Server(["--metrics-anonymous", "off"])
    try:
        st, hdr, body = srv.get("/metrics")
        check("anonymous off: 401 problem", st == 401 and "anonymous scrapes are off" in body, (st, body))
        check("anonymous off: WWW-Authenticate", "Bearer" in hdr.get("WWW-Authenticate", ""), hdr)
        st, _, body = srv.get("/metrics", viewer)
        check("anonymous off: a viewer token scrapes", st == 200 and "redress_obligations{" in body, st)
        st, _, _ = srv.get("/metrics", "rdt_" + "1" * 64)
        check("anonymous off: a wrong token 401", st == 401, st)
    finally:
        srv.stop()

    srv = Server(env=dict(ENV, REDRESS_METRICS_ANONYMOUS="off"))
    try:
        st, _, _ = srv.get("/metrics")
        check("REDRESS_METRICS_ANONYMOUS=off: 401", st == 401, st)
    finally:
        srv.stop()
    srv = Server(["--metrics-anonymous", "on"], env=dict(ENV, REDRESS_METRICS_ANONYMOUS="off"))
    try:
        st, _, _ = srv.get("/metrics")
        check("--metrics-anonymous on wins over the environment: 200", st == 200, st)
    finally:
        srv.stop()

    p = subprocess.run([BIN, "--db", DB, "serve", "--metrics-anonymous", "maybe"], capture_output=True,
                       text=True, env=ENV, timeout=20)
    check("--metrics-anonymous maybe: exit 2 naming it", p.returncode == 2 and "--metrics-anonymous" in p.stderr
          and "'maybe'" in p.stderr, (p.returncode, p.stderr))
finally:
    shutil.rmtree(TMP, ignore_errors=True)

print(f"metrics: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
