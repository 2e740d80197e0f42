#!/usr/bin/python3
"""End-to-end tests of the HTTP API, authentication and the portal's
isolation, against the real binary on 127.0.0.1 with an ephemeral port.

usage: tests/api/run.py [PATH/TO/redress]   (default: build/redress, or $REDRESS_BIN)

Loads the demo data set into a temporary database, creates one API token per
role, starts `redress serve --listen 127.0.0.1:0` and talks HTTP to it with
the standard library only. Ends with the line `N passed, N failed` and exits
non-zero on any failure.

With REDRESS_TEST_PG set (tests/pg/pgserver.py -- tests/api/run.py …), every
database is a fresh PostgreSQL one on that server instead of a file, and the
cases that hold the write lock or roll the schema back do it PostgreSQL's way
(the advisory write lock, schema_version).
"""
import atexit
import http.client
import json
import os
import queue
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

NOW = "2026-11-22T12:00:00Z"
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BIN = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else
                      os.environ.get("REDRESS_BIN", os.path.join(ROOT, "build", "redress")))

sys.path.insert(0, os.path.join(ROOT, "tests", "pg"))
import pgserver  # noqa: E402  (tests/pg/pgserver.py)
PG = pgserver.admin_url() is not None
# store_pg.c's write lock (pg_advisory_xact_lock), held by "another program"
PG_WRITE_LOCK = 0x72647772

passed = 0
failed = 0


def check(name, cond, info=""):
    global passed, failed
    if cond:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {name} {info}".rstrip())


TMP = tempfile.mkdtemp(prefix="redress-api-")


def new_db(name):
    """A new, empty database: a file in TMP, or a PostgreSQL database."""
    return pgserver.fresh_db("rd_api") if PG else os.path.join(TMP, name)


DB = new_db("t.db")
ENV = dict(os.environ, REDRESS_NOW=NOW, REDRESS_DB=DB)
ENV.pop("REDRESS_USER", None)


def cli(*args, stdin=None, check_rc=True):
    p = subprocess.run([BIN, "--db", DB, *args], input=stdin, capture_output=True, text=True,
                       env=ENV, timeout=60)
    if check_rc and p.returncode != 0:
        raise SystemExit(f"redress {' '.join(args)} failed ({p.returncode}): {p.stderr}")
    return p


SERVERS = []


@atexit.register
def _cleanup():
    """Whatever happens, no server outlives the test, and the temp dir goes."""
    for s in SERVERS:
        if s.proc.poll() is None:
            s.proc.kill()
            s.proc.wait()
    shutil.rmtree(TMP, ignore_errors=True)


class Server:
    def __init__(self, db=DB, extra=()):
        self.log = os.path.join(TMP, f"access-{time.time_ns()}.log")
        self.proc = subprocess.Popen(
            [BIN, "--db", db, "serve", "--listen", "127.0.0.1:0", "--access-log", self.log,
             "--threads", "4", *extra],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=ENV)
        SERVERS.append(self)
        # stdout is read by a thread, so a line that never comes fails a
        # check after a timeout instead of hanging the suite.
        self.lines = queue.Queue()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        line = self.readline(30)
        m = re.match(r"listening on http://127\.0\.0\.1:(\d+)", line)
        if not m:
            raise SystemExit(f"server did not start: {line!r}")
        self.port = int(m.group(1))
        self.extra_out = []

    def _read(self):
        for line in self.proc.stdout:
            self.lines.put(line)
        self.lines.put(None)

    def readline(self, timeout=10):
        """The next line of the server's stdout, or "" after TIMEOUT seconds or at its end."""
        try:
            line = self.lines.get(timeout=timeout)
        except queue.Empty:
            return ""
        if line is None:
            self.lines.put(None)
            return ""
        return line

    def rest(self):
        """Everything else it printed (call after stop)."""
        self.reader.join(10)
        out = []
        while (line := self.readline(0.1)):
            out.append(line)
        return "".join(out)

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        return self.proc.returncode


class Resp:
    def __init__(self, r):
        self.status = r.status
        self.headers = r.getheaders()
        self.raw = r.read()
        self.text = self.raw.decode("utf-8", "replace")

    def header(self, name):
        for k, v in self.headers:
            if k.lower() == name.lower():
                return v
        return None

    def headers_all(self, name):
        return [v for k, v in self.headers if k.lower() == name.lower()]

    def json(self):
        try:
            return json.loads(self.text)
        except ValueError:
            return None


def request(srv, method, path, body=None, token=None, headers=None, ctype=None, cookies=None):
    c = http.client.HTTPConnection("127.0.0.1", srv.port, timeout=30)
    h = dict(headers or {})
    if token:
        h["Authorization"] = "Bearer " + token
    if cookies:
        h["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    if body is not None and not isinstance(body, (bytes, str)):
        body = json.dumps(body)
        h.setdefault("Content-Type", "application/json")
    if ctype:
        h["Content-Type"] = ctype
    if isinstance(body, str):
        body = body.encode()
    c.request(method, path, body=body, headers=h)
    r = Resp(c.getresponse())
    c.close()
    return r


def is_problem(r, status, type_=None):
    j = r.json()
    ok = (r.status == status and (r.header("Content-Type") or "").startswith("application/problem+json")
          and isinstance(j, dict) and j.get("status") == status and j.get("type", "").startswith("/problems/")
          and "title" in j)
    if ok and type_:
        ok = j["type"] == "/problems/" + type_
    return ok


class LockHolder:
    """Another program holding the database's write lock until release():
    SQLite's BEGIN IMMEDIATE, or PostgreSQL's advisory write lock taken by
    a psql session."""

    def __init__(self, db):
        self.db = db
        if PG:
            self.p = subprocess.Popen(["psql", "-X", "-q", "-A", "-t", "-d", db], stdin=subprocess.PIPE,
                                      stdout=subprocess.PIPE, text=True)
            self.p.stdin.write("BEGIN;\nSELECT pg_advisory_xact_lock(%d);\n\\echo locked\n" % PG_WRITE_LOCK)
            self.p.stdin.flush()
            while True:   # the lock is held once psql echoes after it
                line = self.p.stdout.readline()
                if not line or line.strip() == "locked":
                    break
        else:
            self.con = sqlite3.connect(db, isolation_level=None, timeout=10)
            self.con.execute("BEGIN IMMEDIATE")

    def release(self):
        if PG:
            self.p.communicate("ROLLBACK;\n", timeout=30)
        else:
            self.con.execute("ROLLBACK")
            self.con.close()


def sqlite3_count(db, table):
    if PG:
        return int(pgserver.psql(db, f"SELECT count(*) FROM {table}").strip())
    con = sqlite3.connect(db)
    try:
        return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        con.close()


def cookie_from(r, name):
    for v in r.headers_all("Set-Cookie"):
        if v.startswith(name + "="):
            return v.split(";")[0].split("=", 1)[1], v
    return None, None


# ---- set-up ----------------------------------------------------------------

cli("demo", "--at", NOW)
TOK = {}
for role, email in [("admin", "ada@provider.example"), ("manager", "maria@provider.example"),
                    ("agent", "sam@provider.example"), ("viewer", "victor@provider.example")]:
    TOK[role] = cli("token", "create", email, "--label", "tests").stdout.strip()
srv = Server()


def count(entity):
    return len(json.loads(cli(entity, "list", "--json").stdout))


def audit_rows():
    return len(json.loads(cli("audit", "list", "--json").stdout))


# ---- basics ------------------------------------------------------------------

r = request(srv, "GET", "/healthz")
check("healthz 200", r.status == 200 and r.json().get("status") == "ok", r.text)

r = request(srv, "GET", "/api/clients")
check("no credentials: 401 problem", is_problem(r, 401, "unauthenticated"), r.text)
check("no credentials: WWW-Authenticate", (r.header("WWW-Authenticate") or "").startswith("Bearer"))
r = request(srv, "GET", "/api/clients", token="rdt_" + "0" * 64)
check("unknown token: 401", is_problem(r, 401, "unauthenticated"), r.text)
r = request(srv, "GET", "/api/clients", headers={"Authorization": "Basic eDp5"})
check("basic auth: 401", is_problem(r, 401), r.text)

r = request(srv, "GET", "/api/nothing-here", token=TOK["viewer"])
check("unknown endpoint: 404 problem", is_problem(r, 404, "not-found"), r.text)
r = request(srv, "DELETE", "/api/clients/1", token=TOK["admin"])
check("wrong method: 405 with Allow", r.status == 405 and "GET" in (r.header("Allow") or ""), r.text)

# ---- lists, pagination, filters, ETags -------------------------------------

nclients = count("client")
r = request(srv, "GET", "/api/clients?limit=5", token=TOK["viewer"])
j = r.json()
check("list: 200 with items", r.status == 200 and len(j["items"]) == 5, r.text[:200])
check("list: next link", j.get("next") == "/api/clients?limit=5&offset=5", j.get("next"))
check("list: Link header", (r.header("Link") or "").startswith("</api/clients?limit=5&offset=5>; rel=\"next\""))
seen = []
path = "/api/clients?limit=5"
while path:
    j = request(srv, "GET", path, token=TOK["viewer"]).json()
    seen += [c["id"] for c in j["items"]]
    path = j["next"]
check("pagination walks every client once", len(seen) == nclients and len(set(seen)) == nclients,
      f"{len(seen)} vs {nclients}")
r = request(srv, "GET", "/api/clients?tier=key", token=TOK["viewer"])
check("filter tier=key", r.status == 200 and r.json()["items"] and
      all(c["tier"] == "key" for c in r.json()["items"]), r.text[:200])
r = request(srv, "GET", "/api/communications?client_id=1&limit=3", token=TOK["viewer"])
check("filter by reference", r.status == 200 and all(c["client_id"] == 1 for c in r.json()["items"]))
r = request(srv, "GET", "/api/clients?colour=blue", token=TOK["viewer"])
check("unknown filter: 400", is_problem(r, 400, "bad-request"), r.text)
r = request(srv, "GET", "/api/clients?limit=abc", token=TOK["viewer"])
check("bad limit: 400", is_problem(r, 400, "bad-request"), r.text)
r = request(srv, "GET", "/api/clients?limit=100000", token=TOK["viewer"])
check("limit above max: 400", is_problem(r, 400), r.text)

r = request(srv, "GET", "/api/clients/1", token=TOK["viewer"])
etag = r.header("ETag")
check("get: 200 with ETag", r.status == 200 and etag and r.json()["id"] == 1, r.text[:200])
check("get client includes contacts", isinstance(r.json().get("contacts"), list))
r2 = request(srv, "GET", "/api/clients/1", token=TOK["viewer"], headers={"If-None-Match": etag})
check("If-None-Match: 304 without body", r2.status == 304 and r2.raw == b"", r2.status)
r2 = request(srv, "GET", "/api/clients/1", token=TOK["viewer"], headers={"If-None-Match": '"stale"'})
check("stale If-None-Match: 200", r2.status == 200)
r = request(srv, "GET", "/api/clients/Northwind%20Logistics", token=TOK["viewer"])
check("get by name", r.status == 200 and r.json()["id"] == 1, r.text[:100])
r = request(srv, "GET", "/api/clients/99999", token=TOK["viewer"])
check("unknown id: 404 problem", is_problem(r, 404, "not-found"), r.text)
r = request(srv, "GET", "/api/failures/abc", token=TOK["viewer"])
check("non-numeric failure id: 404", is_problem(r, 404), r.text)
r = request(srv, "GET", "/api/failures/1", token=TOK["viewer"])
check("failure show has its story", r.status == 200 and "communications" in r.json(), r.text[:100])
r = request(srv, "GET", "/api/clients/1/dashboard", token=TOK["viewer"])
check("client dashboard", r.status == 200 and r.json()["client"]["id"] == 1 and "tracks" in r.json(),
      r.text[:200])
r = request(srv, "GET", "/api/clients/2/dashboard?at=2026-11-22T12:00:00Z", token=TOK["viewer"])
t = r.json().get("trust", {})
cli_trust = json.loads(cli("trust", "2", "--at", "2026-11-22T12:00:00Z", "--json").stdout)
check("dashboard trust: the CLI's score, trend and explanation", r.status == 200 and
      t.get("score") == cli_trust["score"] and t.get("trend") == cli_trust["trend"] and
      t.get("explanation") == cli_trust["explanation"] and len(t["explanation"]) > 0 and
      all(isinstance(e["points"], (int, float)) and e["reason"] for e in t["explanation"]), r.text[:300])
check("dashboard trust: the demo's Globex Health is 10, falling",
      t.get("score") == 10 and t.get("trend", {}).get("label") == "falling", t)
r = request(srv, "GET", "/api/trust?at=2026-11-22T12:00:00Z&limit=3", token=TOK["viewer"])
cli_pf = json.loads(cli("trust", "--at", "2026-11-22T12:00:00Z", "--json").stdout)
check("trust portfolio: most at risk first, as the CLI", r.status == 200 and
      r.json()["clients"] == cli_pf[:3] and r.json()["clients"][0]["client"] == "Globex Health", r.text[:300])
r = request(srv, "GET", "/api/trust?limit=none", token=TOK["viewer"])
check("trust portfolio bad limit: 400 naming it", is_problem(r, 400, "bad-request") and
      "none" in r.json()["detail"], r.text[:200])
r = request(srv, "GET", "/api/trust", token=None)
check("trust portfolio needs a sign-in", is_problem(r, 401), r.text[:200])
# every ?limit= is read alike: a 400 bad-request naming the parameter and
# what was sent (the outbox and a webhook's deliveries once answered
# "invalid" with neither)
for path, bad in (("/api/outbox?limit=0", "'0'"), ("/api/webhooks/1/deliveries?limit=ten", "'ten'"),
                  ("/api/trust?limit=2000000", "'2000000'"), ("/api/outbox?limit=99999999999999999999", "'9999")):
    r = request(srv, "GET", path, token=TOK["admin"])
    check(f"{path}: 400 naming ?limit", is_problem(r, 400, "bad-request") and
          "?limit: " + bad in r.json().get("detail", ""), r.text[:200])
r = request(srv, "GET", "/api/outbox?limit=2", token=TOK["admin"])
check("outbox ?limit=2: 200", r.status == 200 and isinstance(r.json(), list) and len(r.json()) <= 2, r.text[:200])
r = request(srv, "GET", "/api/agenda?at=2026-11-22T12:00:00Z", token=TOK["viewer"])
cli_agenda = json.loads(cli("agenda", "--at", "2026-11-22T12:00:00Z", "--json").stdout)
check("agenda: 200, the same obligations as the CLI's agenda", r.status == 200 and
      r.json()["at"] == "2026-11-22T12:00:00Z" and len(cli_agenda) > 0 and
      [i["obligation_id"] for i in r.json()["items"]] == [i["obligation_id"] for i in cli_agenda], r.text[:200])
r = request(srv, "GET", "/api/agenda?at=yesterday", token=TOK["viewer"])
check("agenda bad ?at: 400 naming it", is_problem(r, 400, "bad-request") and "yesterday" in r.json()["detail"],
      r.text[:200])
# Metrics: the same figures as `redress metrics --json`, grouped on request.
q = "from=2026-10-01T00:00:00Z&to=2026-11-22T12:00:00Z"
r = request(srv, "GET", "/api/metrics?" + q + "&by=tier", token=TOK["viewer"])
cli_m = json.loads(cli("metrics", "--from", "2026-10-01T00:00:00Z", "--to", "2026-11-22T12:00:00Z",
                       "--by", "tier", "--json").stdout)
check("metrics: 200, the CLI's figures, one group per tier", r.status == 200 and r.json() == cli_m and
      [g["group"] for g in r.json()["groups"]] == ["key", "standard"] and
      r.json()["overall"]["failures"] == 3, r.text[:300])
r = request(srv, "GET", "/api/metrics?by=client", token=TOK["viewer"])
check("metrics bad ?by: 400 naming the accepted groupings", is_problem(r, 400, "bad-request") and
      "failure, owner, tier" in r.json()["detail"], r.text[:200])
r = request(srv, "GET", "/api/metrics?from=2026-11-22T00:00:00Z&to=2026-11-01T00:00:00Z", token=TOK["viewer"])
check("metrics with from after to: 400", is_problem(r, 400, "bad-request") and "before" in r.json()["detail"],
      r.text[:200])
r = request(srv, "GET", "/api/metrics?to=soon", token=TOK["viewer"])
check("metrics bad ?to: 400 naming it", is_problem(r, 400, "bad-request") and "soon" in r.json()["detail"],
      r.text[:200])
r = request(srv, "GET", "/api/me", token=TOK["agent"])
check("me", r.status == 200 and r.json()["email"] == "sam@provider.example" and r.json()["role"] == "agent")

# ---- CSV and XLSX answers of list endpoints (Accept) --------------------------

import csv as _csv
import io as _io

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
r = request(srv, "POST", "/api/clients", {"name": "Ünïcode, \"Quoted\"\nCo", "value": "77.10",
                                          "currency": "GBP", "tags": "@SUM(A1)"}, token=TOK["agent"])
check("csv set-up: client created", r.status == 201, r.text[:200])
odd_id = r.json().get("id")
r = request(srv, "GET", "/api/clients", token=TOK["viewer"], headers={"Accept": "text/csv"})
rows = list(_csv.reader(_io.StringIO(r.text, newline="")))
check("csv: text/csv with a download name", r.status == 200 and
      (r.header("Content-Type") or "").startswith("text/csv") and
      r.header("Content-Disposition") == 'attachment; filename="clients.csv"', r.headers)
check("csv: header row in schema order", rows and rows[0][:5] == ["id", "name", "tier", "value", "currency"],
      rows[:1])
check("csv: every client (not one page of 50)", len(rows) - 1 == count("client"), len(rows))
odd = [x for x in rows[1:] if x[0] == str(odd_id)]
check("csv: quotes, commas, newlines and non-ASCII parse back; formula defused",
      odd and odd[0][1] == "Ünïcode, \"Quoted\"\nCo" and odd[0][3] == "77.10" and odd[0][4] == "GBP" and
      odd[0][7] == "'@SUM(A1)", odd)
r = request(srv, "GET", "/api/clients?limit=2&offset=1", token=TOK["viewer"], headers={"Accept": "text/csv"})
check("csv: limit and offset page it, Link names the next part", r.text.count("\r\n") == 3 and
      (r.header("Link") or "").startswith("</api/clients?limit=2&offset=3>"), r.text)
r = request(srv, "GET", "/api/clients?tier=gold", token=TOK["viewer"], headers={"Accept": "text/csv"})
check("csv: a bad filter is still a problem", is_problem(r, 400, "bad-request"), r.text[:200])
r = request(srv, "GET", "/api/clients?limit=2", token=TOK["viewer"],
            headers={"Accept": "text/html, application/json;q=0.9, */*;q=0.8"})
check("Accept preferring JSON gets JSON", r.status == 200 and r.json() and len(r.json()["items"]) == 2)
r = request(srv, "GET", "/api/clients?limit=2", token=TOK["viewer"],
            headers={"Accept": "application/json;q=0.5, text/csv"})
check("Accept weighing CSV higher gets CSV", (r.header("Content-Type") or "").startswith("text/csv"))
r = request(srv, "GET", "/api/agenda?at=2026-11-22T12:00:00Z", token=TOK["viewer"],
            headers={"Accept": "text/csv"})
rows = list(_csv.reader(_io.StringIO(r.text, newline="")))
check("agenda as CSV: the same obligations", r.status == 200 and
      [int(x[0]) for x in rows[1:]] == [i["obligation_id"] for i in cli_agenda], r.text[:200])
r = request(srv, "GET", "/api/tokens", token=TOK["viewer"], headers={"Accept": "text/csv"})
check("csv keeps the route's role check", is_problem(r, 403, "forbidden"), r.text[:200])
r = request(srv, "GET", "/api/tokens", token=TOK["admin"], headers={"Accept": "text/csv"})
check("tokens as CSV, never their secrets", r.status == 200 and
      r.text.startswith("id,user,label,created_at,revoked_at\r\n") and "rdt_" not in r.text, r.text[:200])
r = request(srv, "GET", "/api/clients", token=TOK["viewer"], headers={"Accept": XLSX})
check("xlsx: its media type and name", r.status == 200 and r.header("Content-Type") == XLSX and
      r.header("Content-Disposition") == 'attachment; filename="clients.xlsx"' and r.raw[:2] == b"PK",
      r.headers)
try:
    import openpyxl  # Debian python3-openpyxl
    ws = openpyxl.load_workbook(_io.BytesIO(r.raw)).active
    hdr = [c.value for c in ws[1]]
    found = [row for row in ws.iter_rows(min_row=2, values_only=True) if row[0] == odd_id]
    check("xlsx: header, typed cells, frozen header and autofilter",
          hdr[:4] == ["id", "name", "tier", "value"] and found and found[0][1] == "Ünïcode, \"Quoted\"\nCo" and
          found[0][3] == 77.1 and ws.freeze_panes == "A2" and ws.auto_filter.ref.startswith("A1:"),
          (hdr, found))
except ImportError:
    check("python3-openpyxl is installed (scripts/install-deps)", False)

# ---- writes through the library ----------------------------------------------

r = request(srv, "POST", "/api/clients", {"name": "Zenith Labs", "tier": "key", "value": "90000",
                                          "currency": "EUR", "tz": "Europe/Berlin",
                                          "services": ["Payments API"]}, token=TOK["agent"])
check("create client: 201", r.status == 201 and r.json()["name"] == "Zenith Labs", r.text)
check("create client: Location", (r.header("Location") or "").startswith("/api/clients/"))
zid = r.json().get("id")
p = cli("client", "show", "Zenith Labs", "--json")
check("CLI sees the API's client", json.loads(p.stdout)["services"] == ["Payments API"])
r = request(srv, "POST", "/api/clients", {"name": "Zenith Labs"}, token=TOK["agent"])
check("duplicate: 409 conflict", is_problem(r, 409, "conflict"), r.text)
r = request(srv, "PATCH", f"/api/clients/{zid}", {"tier": "standard"}, token=TOK["agent"])
check("patch client", r.status == 200 and r.json()["tier"] == "standard", r.text)
r = request(srv, "PATCH", f"/api/clients/{zid}", {"risk": "elevated"}, token=TOK["agent"])
check("patch internal field: 422", is_problem(r, 422, "invalid"), r.text)
r = request(srv, "POST", "/api/contacts", {"client": "Zenith Labs", "name": "Zoe", "email": "zoe@zenith.example"},
            token=TOK["agent"])
check("create contact", r.status == 201 and r.json()["client_id"] == zid, r.text)

r = request(srv, "POST", "/api/failures", {"title": "Login outage", "severity": 2,
                                           "detected_at": "2026-11-22T10:00:00Z",
                                           "clients": ["Zenith Labs"]}, token=TOK["agent"])
check("open failure", r.status == 201 and r.json()["status"] == "open", r.text[:200])
fid = r.json().get("id")
# a service nobody uses: editing the failure's services proposes no client here
r = request(srv, "POST", "/api/services", {"name": "Login Gateway"}, token=TOK["agent"])
check("create service", r.status == 201, r.text[:200])
r = request(srv, "PATCH", f"/api/failures/{fid}", {"services": ["Login Gateway"]}, token=TOK["agent"])
check("failure services edited", r.status == 200 and request(srv, "GET", f"/api/failures/{fid}",
      token=TOK["agent"]).json().get("services") == ["Login Gateway"], r.text[:300])
r = request(srv, "PATCH", f"/api/failures/{fid}", {"services": ["Warp Drive"], "title": "x"}, token=TOK["agent"])
check("unknown service: 422, nothing changed", is_problem(r, 422, "invalid") and "Warp Drive" in r.text and
      request(srv, "GET", f"/api/failures/{fid}", token=TOK["agent"]).json()["title"] == "Login outage", r.text)
r = request(srv, "PATCH", f"/api/failures/{fid}", {"services": []}, token=TOK["viewer"])
check("viewer edits services: 403", is_problem(r, 403), r.text[:200])
r = request(srv, "POST", f"/api/failures/{fid}/status", {"status": "investigating"}, token=TOK["agent"])
check("failure status", r.status == 200 and r.json()["status"] == "investigating", r.text[:200])
r = request(srv, "POST", f"/api/failures/{fid}/status", {"status": "open"}, token=TOK["agent"])
check("backwards status: 409 invalid-state", is_problem(r, 409, "invalid-state"), r.text)
r = request(srv, "POST", f"/api/failures/{fid}/status", {"status": "investigating", "why": "x"},
            token=TOK["agent"])
check("unknown field on action: 422", is_problem(r, 422, "invalid"), r.text)
r = request(srv, "POST", f"/api/failures/{fid}/eta", {"eta": "2026-11-23T12:00:00Z"}, token=TOK["agent"])
check("ETA without reason: 422", is_problem(r, 422, "invalid"), r.text)
r = request(srv, "POST", f"/api/failures/{fid}/eta", {"eta": "2026-11-23T12:00:00Z", "reason": "vendor patch",
                                                     "clients_told": True}, token=TOK["agent"])
check("ETA with reason: 201", r.status == 201 and r.json()["reason"] == "vendor patch", r.text)
r = request(srv, "PUT", f"/api/failures/{fid}/rca", {"category": "technology", "whys": ["a", "b"]},
            token=TOK["agent"])
check("RCA put", r.status == 200 and r.json()["whys"] == ["a", "b"], r.text)
r = request(srv, "PUT", f"/api/failures/{fid}/impacts/{zid}", {"financial": "1200", "severity": 2},
            token=TOK["agent"])
check("impact put", r.status == 200 and r.json()["financial"] == "1200.00", r.text)

before = count("comm")
r = request(srv, "POST", "/api/communications", {"failure": fid, "client": "Zenith Labs", "kind": "apology",
                                                 "channel": "call", "summary": "We are sorry."},
            token=TOK["agent"])
check("log communication: 201", r.status == 201 and r.json()["kind"] == "apology", r.text)
check("communication durable in the database", count("comm") == before + 1)
# the 201 is the row as written (not read back): the same as reading it at its Location
loc = r.header("Location") or "/api/communications/0"
g = request(srv, "GET", loc, token=TOK["agent"])
check("log communication: the 201 is what GET at its Location reads",
      g.status == 200 and g.json() == r.json() and r.json()["id"] == int(loc.rsplit("/", 1)[1]),
      f"{loc} {r.text} {g.text}")
r = request(srv, "POST", "/api/communications", {"failure": fid, "client": "Acme Retail", "kind": "apology",
                                                 "channel": "call"}, token=TOK["agent"])
check("communication for an unaffected client: 422", is_problem(r, 422), r.text)

r = request(srv, "POST", "/api/commitments", {"client": "Zenith Labs", "failure": fid, "text": "Daily update",
                                              "due_at": "2026-11-25T09:00:00Z"}, token=TOK["agent"])
check("commitment create", r.status == 201 and r.json()["status"] == "open", r.text)
cmid = r.json().get("id")
r = request(srv, "POST", f"/api/commitments/{cmid}/keep", {"note": "done"}, token=TOK["agent"])
check("commitment keep", r.status == 200 and r.json()["status"] == "kept", r.text)
r = request(srv, "POST", f"/api/commitments/{cmid}/break", {}, token=TOK["agent"])
check("commitment already kept: 409", is_problem(r, 409, "invalid-state"), r.text)
r = request(srv, "POST", "/api/commitments", {"client": "Zenith Labs", "failure": fid, "text": "Send the logs",
                                              "due_at": "2026-11-21T09:00:00Z"}, token=TOK["agent"])
late_id = r.json().get("id")
r = request(srv, "GET", "/api/agenda?at=2026-11-22T12:00:00Z", token=TOK["viewer"])
promises = [i for i in r.json().get("items", []) if i.get("kind") == "promise"]
check("agenda: an overdue promise is a row with its client, text and lateness",
      [(p["commitment_id"], p["client"], p["text"], p["lateness_seconds"]) for p in promises] ==
      [(late_id, "Zenith Labs", "Send the logs", 27 * 3600)], r.text[:300])
request(srv, "POST", f"/api/commitments/{late_id}/keep", {}, token=TOK["agent"])

r = request(srv, "POST", "/api/goodwill", {"failure": fid, "client": "Zenith Labs", "kind": "credit",
                                           "amount": "500", "currency": "EUR"}, token=TOK["agent"])
check("goodwill propose", r.status == 201 and r.json()["status"] == "proposed", r.text)
gid = r.json().get("id")

# ---- references across clients: 422, nothing written ------------------------------

def cross(name, method, path, body):
    before_audit = audit_rows()
    r = request(srv, method, path, body, token=TOK["agent"])
    check(f"cross-client {name}: 422", is_problem(r, 422, "invalid"), f"{r.status} {r.text[:200]}")
    check(f"cross-client {name}: nothing changed", audit_rows() == before_audit)
    return r


r = cross("commitment on a failure that does not affect the client", "POST", "/api/commitments",
          {"client": "Acme Retail", "failure": fid, "text": "Daily update"})
check("cross-client refusal names the failure", f"not affected by failure #{fid}" in r.json().get("detail", ""),
      r.text[:200])
cross("goodwill for an unaffected client", "POST", "/api/goodwill",
      {"failure": fid, "client": "Acme Retail", "kind": "credit", "amount": "50"})
cross("plan action for an unaffected client", "POST", "/api/plan_actions",
      {"failure": fid, "client": "Acme Retail", "kind": "repair", "description": "Refund"})
cross("survey of an unaffected client", "POST", "/api/surveys", {"failure": fid, "client": "Acme Retail"})
cross("message with another client's contact", "POST", "/api/communications",
      {"failure": fid, "client": "Zenith Labs", "kind": "progress", "channel": "email",
       "contact": "lena.vogel@northwind.example"})
r = request(srv, "POST", "/api/surveys", {"failure": fid, "client": "Zenith Labs", "channel": "pigeon"},
            token=TOK["agent"])
check("survey by an unknown channel: 422 naming it", is_problem(r, 422) and "pigeon" in r.json()["detail"],
      r.text[:200])
comms_before = count("comm")
r = request(srv, "POST", "/api/surveys", {"failure": fid, "client": "Zenith Labs"}, token=TOK["agent"])
check("survey of the affected client: 201", r.status == 201, r.text[:200])
check("survey sent is also the outbound survey message", count("comm") == comms_before + 1 and
      [c["kind"] for c in json.loads(cli("comm", "list", "--failure", str(fid), "--client", "Zenith Labs",
                                         "--json").stdout)].count("survey") == 1)
sid = r.json().get("id")
cross("survey answer by another client's contact", "POST", "/api/survey_answers",
      {"survey": sid, "contact": "lena.vogel@northwind.example", "question": "Informed?", "score": 8})
r = request(srv, "POST", "/api/survey_answers", {"survey": sid, "contact": "zoe@zenith.example",
                                                  "question": "Informed?", "score": 8}, token=TOK["agent"])
check("survey answer by the client's own contact: 201", r.status == 201, r.text[:200])
r = request(srv, "POST", "/api/plan_actions", {"failure": fid, "client": "Zenith Labs", "kind": "repair",
                                                "description": "Refund"}, token=TOK["agent"])
check("plan action for the affected client: 201", r.status == 201 and r.json()["status"] == "planned", r.text[:200])

# ---- review actions are closed with their evidence ------------------------------

r = request(srv, "POST", "/api/review_actions/1/done", {}, token=TOK["agent"])
check("review action done without evidence: 400 naming it", r.status in (400, 422) and
      "evidence" in r.json().get("detail", ""), r.text[:200])
r = request(srv, "POST", "/api/review_actions/1/done", {"evidence": "alert fired in a drill"}, token=TOK["viewer"])
check("review action done by a viewer: 403", r.status == 403, r.text[:200])
r = request(srv, "POST", "/api/review_actions/1/done", {"evidence": "alert fired in a drill",
                                                        "at": "2026-11-22T10:00:00Z"}, token=TOK["agent"])
check("review action done: 200 with status, evidence, time", r.status == 200 and r.json()["status"] == "done" and
      r.json()["evidence"] == "alert fired in a drill" and r.json()["done_at"] == "2026-11-22T10:00:00Z", r.text[:200])
r = request(srv, "POST", "/api/review_actions/1/done", {"evidence": "again"}, token=TOK["agent"])
check("review action done twice: 409", is_problem(r, 409, "invalid-state"), r.text[:200])
r = request(srv, "PATCH", "/api/review_actions/1", {"status": "open"}, token=TOK["agent"])
check("review action status is not patched: 422", is_problem(r, 422), r.text[:200])

# ---- anonymous near misses name nobody ---------------------------------------------

r = request(srv, "POST", "/api/near_misses", {"title": "Cert nearly expired on api-3"}, token=TOK["agent"])
check("anonymous near miss: 201, no reporter", r.status == 201 and r.json()["reporter_id"] is None, r.text[:200])
nmid = r.json().get("id")
r = request(srv, "GET", f"/api/audit?entity=near_miss&entity_id={nmid}", token=TOK["viewer"])
items = (r.json() or {}).get("items", [])
check("anonymous near miss: the viewer's audit view says anonymous",
      r.status == 200 and len(items) == 1 and items[0]["actor"] == "anonymous", r.text[:300])
check("anonymous near miss: the reporter is nowhere in the audit", "sam@provider.example" not in r.text)
r = request(srv, "GET", f"/api/near_misses/{nmid}", token=TOK["viewer"])
check("anonymous near miss: the record names nobody", r.status == 200 and r.json()["reporter_id"] is None
      and "sam@" not in r.text, r.text[:200])
r = request(srv, "POST", "/api/near_misses", {"title": "Queue nearly full", "reporter": "sam@provider.example"},
            token=TOK["agent"])
named = r.json().get("id")
r = request(srv, "GET", f"/api/audit?entity=near_miss&entity_id={named}", token=TOK["viewer"])
check("named near miss: the audit says who", r.status == 200 and
      r.json()["items"][0]["actor"] == "sam@provider.example", r.text[:300])

# ---- portal link lifetime: 1 to 90 days, never adjusted ------------------------------

for days in (0, -1, 91, 2 ** 40, "7"):
    before_audit = audit_rows()
    r = request(srv, "POST", "/api/portal_links", {"contact": "zoe@zenith.example", "days": days},
                token=TOK["agent"])
    check(f"portal link days={days!r}: 422", is_problem(r, 422, "invalid"), f"{r.status} {r.text[:200]}")
    check(f"portal link days={days!r}: nothing changed", audit_rows() == before_audit)
r = request(srv, "POST", "/api/portal_links", {"contact": "zoe@zenith.example", "days": 90}, token=TOK["agent"])
check("portal link days=90: 201", r.status == 201, r.text[:200])
link = [l for l in json.loads(cli("portal", "list", "--json").stdout) if l["id"] == r.json().get("id")]
check("portal link records the inviting user", link and link[0]["created_by"] == "sam@provider.example", link)

# ---- roles -------------------------------------------------------------------

def refused(name, method, path, body, role):
    before_audit = audit_rows()
    r = request(srv, method, path, body, token=TOK[role])
    check(f"{role} refused {name}: 403", is_problem(r, 403, "forbidden"), f"{r.status} {r.text}")
    check(f"{role} refused {name}: nothing changed", audit_rows() == before_audit)


refused("create client", "POST", "/api/clients", {"name": "Viewer Co"}, "viewer")
refused("patch client", "PATCH", f"/api/clients/{zid}", {"tier": "key"}, "viewer")
refused("log communication", "POST", "/api/communications",
        {"failure": fid, "client": "Zenith Labs", "kind": "progress", "channel": "email"}, "viewer")
refused("failure status", "POST", f"/api/failures/{fid}/status", {"status": "identified"}, "viewer")
refused("goodwill approval", "POST", f"/api/goodwill/{gid}/approve", {}, "agent")
refused("disclosure", "POST", f"/api/failures/{fid}/disclosure", {"text": "all"}, "agent")
refused("add user", "POST", "/api/users", {"email": "x@provider.example", "name": "X", "role": "admin"}, "manager")
refused("create token", "POST", "/api/tokens", {"user": "sam@provider.example"}, "manager")
refused("list tokens", "GET", "/api/tokens", None, "agent")
refused("portal invite", "POST", "/api/portal_links", {"contact": "zoe@zenith.example"}, "viewer")
refused("read policy", "GET", "/api/policy", None, "manager")
refused("check policy", "POST", "/api/policy/check", {"yaml": "version: x"}, "agent")
r = request(srv, "GET", "/api/policy", token=TOK["admin"])
check("admin reads the policy in force", r.status == 200 and "steps" in r.json(), r.text[:200])
with open(os.path.join(ROOT, "data", "policy.yaml")) as f:
    shipped = f.read()
r = request(srv, "POST", "/api/policy/check", {"yaml": shipped}, token=TOK["admin"])
check("admin checks a valid policy", r.status == 200 and r.json().get("valid") is True, r.text[:200])
r = request(srv, "POST", "/api/policy/check", {"yaml": shipped.replace("{ due: 4h,", "{ due: soon,", 1)}, token=TOK["admin"])
check("an invalid policy is 422 naming line and field",
      is_problem(r, 422, "invalid") and re.search(r":\d+:\d+: ", r.json().get("detail", "")) is not None,
      r.text[:300])
r = request(srv, "GET", "/api/audit?limit=1", token=TOK["viewer"])
check("viewer reads the audit log", r.status == 200 and len(r.json()["items"]) == 1 and
      {"actor", "entity", "action"} <= set(r.json()["items"][0]), r.text[:100])
r = request(srv, "POST", f"/api/goodwill/{gid}/approve", {"note": "ok"}, token=TOK["manager"])
check("manager approves goodwill", r.status == 200 and r.json()["status"] == "approved", r.text)
r = request(srv, "POST", "/api/users", {"email": "nina@provider.example", "name": "Nina", "role": "agent",
                                        "password": "correct horse"}, token=TOK["admin"])
check("admin adds a user", r.status == 201 and "password" not in r.json() and
      "password_hash" not in r.json(), r.text)

# ---- bad input changes nothing -------------------------------------------------

def bad(name, body, status, type_=None, ctype="application/json", path="/api/clients", extra=None):
    before_audit, before_n = audit_rows(), count("client")
    r = request(srv, "POST", path, body, token=TOK["admin"], ctype=ctype, headers=extra)
    check(f"bad input {name}: {status}", is_problem(r, status, type_), f"{r.status} {r.text[:200]}")
    check(f"bad input {name}: nothing changed", audit_rows() == before_audit and count("client") == before_n)
    check(f"bad input {name}: still serving", request(srv, "GET", "/healthz").status == 200)


bad("malformed JSON", '{"name": ', 400, "malformed-json")
bad("trailing garbage", '{"name": "A"} x', 400, "malformed-json")
bad("duplicate keys", '{"name": "A", "name": "B"}', 400, "malformed-json")
bad("invalid UTF-8", b'{"name": "\xff\xfe"}', 400, "malformed-json")
bad("NUL in a string", '{"name": "A\\u0000B"}', 400, "malformed-json")
bad("not an object", '["Acme"]', 422, "invalid")
bad("wrong type", '{"name": 42}', 422, "invalid")
bad("wrong enum", '{"name": "Q Co", "tier": "gold"}', 422, "invalid")
bad("unknown field", '{"name": "Q Co", "colour": "red"}', 422, "invalid")
bad("missing required", '{"tier": "key"}', 422, "invalid")
bad("bad time zone", '{"name": "Q Co", "tz": "Mars/Olympus"}', 422, "invalid")
bad("negative money", '{"name": "Q Co", "value": -5}', 422, "invalid")
bad("form content type", "name=Q+Co", 415, "unsupported-media-type", ctype="application/x-www-form-urlencoded")
bad("oversized body", '{"name": "' + "A" * (1024 * 1024 + 10) + '"}', 413, "payload-too-large")
bad("deep nesting", "[" * 5000 + "]" * 5000, 400, "malformed-json")

# chunked oversized body, no Content-Length
s = socket.create_connection(("127.0.0.1", srv.port))
s.sendall(b"POST /api/clients HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + TOK["admin"].encode() +
          b"\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
chunk = b"A" * 65536
try:
    for _ in range(20):
        s.sendall(b"%x\r\n" % len(chunk) + chunk + b"\r\n")
    s.sendall(b"0\r\n\r\n")
    data = b""
    s.settimeout(10)
    while b"\r\n\r\n" not in data:
        d = s.recv(4096)
        if not d:
            break
        data += d
except OSError:
    data = b""
s.close()
check("chunked oversized body: 413", data.startswith(b"HTTP/1.1 413"), data[:80])
check("still serving after chunked flood", request(srv, "GET", "/healthz").status == 200)
r = request(srv, "GET", "/api/clients/%FF", token=TOK["viewer"])
check("invalid UTF-8 in path: 400", is_problem(r, 400, "bad-request"), r.status)
r = request(srv, "GET", "/api/clients?tier=%FF", token=TOK["viewer"])
check("invalid UTF-8 in query: 400", r.status == 400, r.status)

# ---- alert intake (POST /api/intake/alertmanager) and draft failures -------------

def am_payload(status="firing", fp="f0001", service="Payments API", severity="critical", key="{}:{alertname=\"ApiDown\"}"):
    ends = "0001-01-01T00:00:00Z" if status == "firing" else "2026-11-22T11:55:00Z"
    return {"version": "4", "receiver": "redress", "status": status, "groupKey": key, "truncatedAlerts": 0,
            "groupLabels": {"alertname": "ApiDown"}, "commonLabels": {"alertname": "ApiDown"},
            "commonAnnotations": {"summary": "Payments API is down"}, "externalURL": "http://127.0.0.1:9093",
            "alerts": [{"status": status, "labels": {"alertname": "ApiDown", "service": service, "severity": severity},
                        "annotations": {}, "startsAt": "2026-11-22T11:40:00Z", "endsAt": ends,
                        "generatorURL": "http://prom/graph", "fingerprint": fp}]}


def intake_state():
    return (audit_rows(), count("failure"), sqlite3_count(DB, "intake_alerts"))


def bad_intake(name, body, status, type_, token=None, ctype=None, needle=None):
    before = intake_state()
    r = request(srv, "POST", "/api/intake/alertmanager", body, ctype=ctype,
                token=TOK["agent"] if token is None else (token or None))
    check(f"intake {name}: {status}", is_problem(r, status, type_), f"{r.status} {r.text[:200]}")
    if needle:
        check(f"intake {name}: names what is wrong", needle in (r.json() or {}).get("detail", ""), r.text[:200])
    check(f"intake {name}: nothing changed", intake_state() == before)


bad_intake("no token", am_payload(), 401, "unauthenticated", token="")
bad_intake("bad token", am_payload(), 401, "unauthenticated", token="rdt_" + "1" * 64)
bad_intake("viewer token", am_payload(), 403, "forbidden", token=TOK["viewer"])
bad_intake("not JSON", "firing!", 400, "malformed-json")
bad_intake("not JSON content type", json.dumps(am_payload()), 415, "unsupported-media-type", ctype="text/plain")
bad_intake("wrong version", dict(am_payload(), version="3"), 422, "invalid", needle='version: expected "4"')
p = am_payload()
del p["groupKey"]
bad_intake("missing groupKey", p, 422, "invalid", needle="groupKey: missing")
p = am_payload()
del p["alerts"][0]["fingerprint"]
bad_intake("alert without fingerprint", p, 422, "invalid", needle="alerts[0].fingerprint: missing")
p = am_payload()
p["alerts"][0]["startsAt"] = "soon"
bad_intake("bad startsAt", p, 422, "invalid", needle="alerts[0].startsAt")
p = am_payload()
p["alerts"] = p["alerts"] * 1001
bad_intake("too many alerts", p, 422, "invalid", needle="more than the 1000")
p = am_payload()
p["commonAnnotations"]["description"] = "x" * (1024 * 1024 + 10)
bad_intake("oversized", p, 413, "payload-too-large")

nf = count("failure")
r = request(srv, "POST", "/api/intake/alertmanager", am_payload(), token=TOK["agent"])
j = r.json() or {}
check("intake firing: 201 with Location", r.status == 201 and r.header("Location") == f"/api/failures/{j.get('failure_id')}",
      f"{r.status} {r.text[:200]}")
fid = j.get("failure_id")
f = request(srv, "GET", f"/api/failures/{fid}", token=TOK["viewer"]).json() or {}
check("intake firing: a draft failure, severity from the label", f.get("draft") is True and f.get("severity") == 1
      and f.get("title") == "Payments API is down", str(f)[:300])
before = intake_state()
r = request(srv, "POST", "/api/intake/alertmanager", am_payload(), token=TOK["agent"])
check("intake retry: 200, no change", r.status == 200 and (r.json() or {}).get("changes") == 0 and
      intake_state() == before, r.text[:200])
check("intake: one failure for the group", count("failure") == nf + 1)
r = request(srv, "POST", "/api/intake/alertmanager", am_payload("resolved"), token=TOK["agent"])
check("intake resolved: a proposal", r.status == 200 and isinstance((r.json() or {}).get("proposal_id"), int), r.text[:200])
r = request(srv, "GET", f"/api/failures/{fid}/intake", token=TOK["viewer"])
j = r.json() or {}
check("failure intake: the alert and the open proposal", r.status == 200 and len(j.get("alerts", [])) == 1 and
      [p["status"] for p in j.get("resolution_proposals", [])] == ["open"], r.text[:300])
f = request(srv, "GET", f"/api/failures/{fid}", token=TOK["viewer"]).json() or {}
check("intake resolved: the failure is not resolved", f.get("status") == "open" and f.get("resolved_at") is None, str(f)[:200])
r = request(srv, "POST", f"/api/failures/{fid}/status", {"status": "investigating"}, token=TOK["agent"])
check("a draft cannot move before confirmation: 409", is_problem(r, 409), r.text[:200])
r = request(srv, "POST", f"/api/failures/{fid}/confirm", {"at": "2026-11-22T11:00:00Z"}, token=TOK["agent"])
check("confirm before the draft was opened: 422", is_problem(r, 422, "invalid"), r.text[:200])
r = request(srv, "POST", f"/api/failures/{fid}/confirm", {"colour": "red"}, token=TOK["agent"])
check("confirm with an unknown field: 422", is_problem(r, 422, "invalid"), r.text[:200])
r = request(srv, "POST", f"/api/failures/{fid}/confirm", None, token=TOK["viewer"])
check("confirm as viewer: 403", is_problem(r, 403, "forbidden"), r.text[:200])
r = request(srv, "POST", f"/api/failures/{fid}/confirm", None, token=TOK["agent"])
check("confirm: 200, no longer a draft", r.status == 200 and (r.json() or {}).get("draft") is False and
      (r.json() or {}).get("confirmed_at") == NOW, r.text[:200])
r = request(srv, "POST", f"/api/failures/{fid}/confirm", None, token=TOK["agent"])
check("confirm twice: 409", is_problem(r, 409), r.text[:200])

# ---- calendar feeds at secret URLs (/cal/<token>.ics) ---------------------------

def bad_feed(name, body, status, token=None):
    before = (audit_rows(), sqlite3_count(DB, "calendar_feeds"))
    r = request(srv, "POST", "/api/calendar_feeds", body, token=token or TOK["agent"])
    check(f"feed {name}: {status}", is_problem(r, status), f"{r.status} {r.text[:200]}")
    check(f"feed {name}: nothing changed", (audit_rows(), sqlite3_count(DB, "calendar_feeds")) == before)


bad_feed("neither owner nor client", {}, 422)
bad_feed("both", {"owner": "sam@provider.example", "client": "Globex Health"}, 422)
bad_feed("unknown owner", {"owner": "nobody@provider.example"}, 422)
bad_feed("unknown field", {"owner": "sam@provider.example", "days": 3}, 422)
bad_feed("viewer", {"owner": "sam@provider.example"}, 403, token=TOK["viewer"])
r = request(srv, "POST", "/api/calendar_feeds", {"owner": "sam@provider.example"}, token=TOK["agent"])
feed = r.json() or {}
check("feed create: 201 with a URL", r.status == 201 and re.match(r"^http://127\.0\.0\.1:\d+/cal/rdc_[0-9a-f]{64}\.ics$",
      feed.get("url", "")), r.text[:200])
check("feed create: not cached", r.header("Cache-Control") == "no-store")
feed_path = "/cal/" + feed.get("url", "/cal/x").rsplit("/cal/", 1)[1]
r = request(srv, "GET", feed_path)
want = subprocess.run([BIN, "--db", DB, "calendar", "--owner", "sam@provider.example"], capture_output=True,
                      env=ENV, timeout=60).stdout
check("feed: text/calendar", r.status == 200 and r.header("Content-Type") == "text/calendar; charset=utf-8", r.status)
check("feed: the same bytes as `redress calendar` (same pinned now)", r.raw == want and b"BEGIN:VEVENT" in want,
      r.text[:200])
check("feed: Cache-Control", r.header("Cache-Control") == "private, max-age=300", r.header("Cache-Control"))
etag = r.header("ETag")
r2 = request(srv, "GET", feed_path, headers={"If-None-Match": etag or "x"})
check("feed: 304 on its ETag", etag and r2.status == 304, r2.status)
lst = request(srv, "GET", "/api/calendar_feeds", token=TOK["agent"])
check("feed list: never the secret", lst.status == 200 and "rdc_" not in lst.text and
      any(x.get("owner") == "sam@provider.example" for x in lst.json()["items"]), lst.text[:200])
unknown = request(srv, "GET", "/cal/rdc_" + "0" * 64 + ".ics")
check("feed: unknown token 404", is_problem(unknown, 404, "not-found"), unknown.text[:200])
r = request(srv, "DELETE", f"/api/calendar_feeds/{feed.get('id')}", token=TOK["agent"])
check("feed revoke: 204", r.status == 204, r.text[:200])
r = request(srv, "GET", feed_path)
check("feed revoked: 404, the same answer as an unknown token",
      is_problem(r, 404, "not-found") and r.json().get("detail") == unknown.json().get("detail"), r.text[:200])
r = request(srv, "DELETE", f"/api/calendar_feeds/{feed.get('id')}", token=TOK["agent"])
check("feed revoke twice: 409", is_problem(r, 409), r.text[:200])
r = request(srv, "GET", "/cal/garbage")
check("feed: a path without .ics is 404", is_problem(r, 404, "not-found"), r.text[:200])
time.sleep(0.5)
acc = open(srv.log, encoding="utf-8", errors="replace").read()
check("access log redacts calendar feed URLs", "/cal/[redacted]" in acc and "rdc_" not in acc, acc[-300:])

# ---- sessions, CSRF, rate limiting --------------------------------------------

cli("user", "add", "lee@provider.example", "--role", "agent", "--name", "Lee", stdin="longpassword1\n")
r = request(srv, "GET", "/login")
csrf, _ = cookie_from(r, "rd_csrf")
check("login page sets a CSRF cookie", r.status == 200 and csrf, r.status)
r = request(srv, "POST", "/login", "email=lee%40provider.example&password=longpassword1&csrf=wrong",
            ctype="application/x-www-form-urlencoded", cookies={"rd_csrf": csrf})
check("login with a wrong CSRF token: 403", r.status == 403 and not cookie_from(r, "rd_session")[0], r.status)
r = request(srv, "POST", "/login", f"email=lee%40provider.example&password=nope&csrf={csrf}",
            ctype="application/x-www-form-urlencoded", cookies={"rd_csrf": csrf})
check("login with a wrong password: 401", r.status == 401 and not cookie_from(r, "rd_session")[0], r.status)
r = request(srv, "POST", "/login", f"email=lee%40provider.example&password=longpassword1&csrf={csrf}&next=/clients",
            ctype="application/x-www-form-urlencoded", cookies={"rd_csrf": csrf})
sess, raw = cookie_from(r, "rd_session")
check("login: 303 to next", r.status == 303 and r.header("Location") == "/clients", r.status)
check("session cookie flags", sess and "HttpOnly" in raw and "SameSite=Lax" in raw and "Path=/" in raw, raw)
check("no Secure without TLS", raw and "Secure" not in raw, raw)
r = request(srv, "POST", "/login", f"email=lee%40provider.example&password=x&csrf={csrf}&next=//evil.example",
            ctype="application/x-www-form-urlencoded", cookies={"rd_csrf": csrf})
r = request(srv, "GET", "/api/me", cookies={"rd_session": sess})
check("session reaches the API", r.status == 200 and r.json()["email"] == "lee@provider.example", r.text)
scsrf = r.json().get("csrf_token")
r = request(srv, "POST", "/api/near_misses", {"title": "almost"}, cookies={"rd_session": sess})
check("cookie write without X-CSRF-Token: 403", is_problem(r, 403, "csrf"), r.text)
r = request(srv, "POST", "/api/near_misses", {"title": "almost"}, cookies={"rd_session": sess},
            headers={"X-CSRF-Token": scsrf})
check("cookie write with X-CSRF-Token: 201", r.status == 201, r.text)
r = request(srv, "POST", "/logout", "csrf=" + scsrf, ctype="application/x-www-form-urlencoded",
            cookies={"rd_session": sess})
check("logout: 303", r.status == 303, r.status)
r = request(srv, "GET", "/api/me", cookies={"rd_session": sess})
check("session gone after logout", is_problem(r, 401), r.text)

r = request(srv, "GET", "/login")
csrf2, _ = cookie_from(r, "rd_csrf")
codes = []
for i in range(6):
    r = request(srv, "POST", "/login", f"email=Nina%40provider.example&password=wrong{i}&csrf={csrf2}",
                ctype="application/x-www-form-urlencoded", cookies={"rd_csrf": csrf2})
    codes.append(r.status)
check("five failures then 429", codes[:5] == [401] * 5 and codes[5] == 429, codes)
r = request(srv, "POST", "/login", f"email=nina%40provider.example&password=correct+horse&csrf={csrf2}",
            ctype="application/x-www-form-urlencoded", cookies={"rd_csrf": csrf2})
check("throttled even with the right password (case-folded email)", r.status == 429 and r.header("Retry-After"),
      r.status)

link = cli("user", "login-link", "maria@provider.example", "--base-url", "http://x").stdout.strip()
path = link[len("http://x"):]
check("login link printed", path.startswith("/login/link/rdl_"), link)
r = request(srv, "GET", path)
ls, _ = cookie_from(r, "rd_session")
check("login link: 303 with a session", r.status == 303 and ls, r.status)
check("login link session is the user's", request(srv, "GET", "/api/me", cookies={"rd_session": ls})
      .json().get("email") == "maria@provider.example")
r = request(srv, "GET", path)
check("login link works once", r.status == 404 and not cookie_from(r, "rd_session")[0], r.status)
r = request(srv, "GET", "/", cookies={"rd_session": "rds_" + "1" * 64})
check("staff page without a session: redirect to login", r.status == 303 and
      (r.header("Location") or "").startswith("/login"), r.status)

# ---- the Reports page (web_reports.c): a viewer sees charts, no inline script or style
link = cli("user", "login-link", "victor@provider.example", "--base-url", "http://x").stdout.strip()
vs, _ = cookie_from(request(srv, "GET", link[len("http://x"):]), "rd_session")
r = request(srv, "GET", "/reports", cookies={"rd_session": vs})
check("reports page: 200 for a viewer", r.status == 200, r.status)
check("reports page: five server-drawn SVG charts that scale (viewBox)",
      r.text.count("<svg ") == 5 and r.text.count("viewBox=") == 5, r.text.count("<svg "))
check("reports page: the nav links it", '<a href="/reports" class="active"' in r.text)
check("reports page: no inline script or style attribute", not re.search(r"<script(?![^>]*\bsrc=)", r.text)
      and " style=" not in r.text and "<style" not in r.text)
check("reports page: CSP refuses inline styles", "style-src 'self'" in (r.header("Content-Security-Policy") or ""),
      r.header("Content-Security-Policy"))
top = json.loads(cli("trust", "--json", "--limit", "1").stdout)[0]
first = re.search(r'href="/clients/(\d+)"', r.text[r.text.index('id="portfolio"'):])
check("reports page: the portfolio links the most at-risk client first",
      first and int(first.group(1)) == top["client_id"], (first and first.group(1), top))
r = request(srv, "GET", "/reports?from=yesterday", cookies={"rd_session": vs})
check("reports page: a bad 'from' is 422 naming it", r.status == 422 and "from" in r.text and
      "yesterday" in r.text, r.status)
r = request(srv, "GET", "/reports?from=2026-11-22T00:00:00Z&to=2026-11-01T00:00:00Z", cookies={"rd_session": vs})
check("reports page: from after to is 422", r.status == 422, r.status)

tid = json.loads(cli("token", "list", "--json").stdout)[-1]["id"]
cli("token", "revoke", str(tid))
r = request(srv, "GET", "/api/me", token=TOK["viewer"])
check("revoked token refused at once", is_problem(r, 401), r.text)
r = request(srv, "POST", "/api/tokens", {"user": "victor@provider.example"}, token=TOK["admin"])
check("admin creates a token over the API", r.status == 201 and r.json()["token"].startswith("rdt_"), r.text)
TOK["viewer"] = r.json().get("token")
check("new token works", request(srv, "GET", "/api/me", token=TOK["viewer"]).status == 200)
r = request(srv, "GET", "/api/tokens", token=TOK["admin"])
check("token list never shows secrets", r.status == 200 and "rdt_" not in r.text and "hash" not in r.text)
if PG:   # every row, as pg_dump writes them out
    dbbytes = subprocess.run(["pg_dump", "--data-only", "-d", DB], capture_output=True, check=True).stdout
else:
    dbbytes = open(DB, "rb").read() + (open(DB + "-wal", "rb").read() if os.path.exists(DB + "-wal") else b"")
check("tokens are not stored in clear", TOK["admin"].encode() not in dbbytes)

# ---- portal -----------------------------------------------------------------------

# Northwind (client 1) and Acme Retail (client 4); failures touching only one.
url = cli("portal", "invite", "lena.vogel@northwind.example", "--base-url", "http://x").stdout.strip()
ppath = url[len("http://x"):]
check("portal invite prints a link", ppath.startswith("/portal/enter/rdp_"), url)
r = request(srv, "GET", ppath)
pc, raw = cookie_from(r, "rd_portal")
check("magic link: 303 to the portal", r.status == 303 and r.header("Location") == "/portal/", r.status)
check("portal cookie scoped to /portal", pc and "Path=/portal" in raw and "HttpOnly" in raw and
      "SameSite=Lax" in raw, raw)
r = request(srv, "GET", "/api/clients", cookies={"rd_portal": pc})
check("portal cookie never reaches /api/", is_problem(r, 401), r.text)
r = request(srv, "GET", "/api/clients", cookies={"rd_session": pc})
check("portal session as a staff cookie: 401", is_problem(r, 401), r.text)
r = request(srv, "GET", "/", cookies={"rd_session": pc, "rd_portal": pc})
check("portal session never reaches staff pages: sent to the login page", r.status == 303 and
      (r.header("Location") or "").startswith("/login") and "Northwind" not in r.text, r.status)
r = request(srv, "GET", "/clients/4", cookies={"rd_session": pc, "rd_portal": pc})
check("portal session: staff client page refused", r.status == 303 and
      (r.header("Location") or "").startswith("/login") and "Acme" not in r.text, r.status)
routes = cli("serve", "--print-routes").stdout
portal_get = [l.split()[1] for l in routes.splitlines() if l.split()[0] == "GET" and l.split()[2] == "portal"]
check("the routes table lists portal pages", len(portal_get) >= 2, routes[:200])
if portal_get:
    r = request(srv, "GET", "/portal/", cookies={"rd_portal": pc})
    check("portal home with the cookie", r.status == 200, r.status)
    # The post-incident report: the client form, only once published, only
    # to a client the failure affected.
    r = request(srv, "GET", "/portal/failures/1/report", cookies={"rd_portal": pc})
    check("portal report before the review is published: 404", r.status == 404, r.status)
    r = request(srv, "GET", "/portal/failures/1", cookies={"rd_portal": pc})
    check("no report link before it is published", r.status == 200 and "/failures/1/report" not in r.text)
    check("portal: no review section before it is published", 'id="review"' not in r.text)
    # issue 11 §4: the portal shows what the client was told
    check("portal: a call shows as 'Call with Lena Vogel' with its client-facing text",
          "Call with Lena Vogel" in r.text and "We apologised for the card payments" in r.text, r.text[:200])
    check("portal: never a staff note or an outbound message's staff summary",
          "Call note:" not in r.text and "Root-cause update emailed to Lena Vogel" not in r.text and
          "Recovery plan presented in a video meeting" not in r.text)
    check("portal: the ETA history shows only revisions the client was told",
          "First estimate, from the plan" in r.text and "second maintenance window" not in r.text)
    cli("eta", "set", "1", "2026-12-30T10:00:00Z", "--reason", "PORTAL-UNTOLD-ETA", "--client",
        "Northwind Logistics")
    cli("eta", "set", "1", "2026-12-20T10:00:00Z", "--reason", "PORTAL-TOLD-ETA", "--client",
        "Northwind Logistics", "--told")
    r = request(srv, "GET", "/portal/failures/1", cookies={"rd_portal": pc})
    check("portal: a revision told shows, one not told does not", "PORTAL-TOLD-ETA" in r.text and
          "PORTAL-UNTOLD-ETA" not in r.text)
    cli("log", "--failure", "1", "--client", "Northwind Logistics", "--kind", "other", "--channel", "call",
        "--visibility", "internal", "--summary", "PORTAL-INTERNAL-NOTE: do not show")
    cli("review", "add", "1", "--internal", "PORTAL-INTERNAL-REVIEW", "--client-text",
        "PORTAL-CLIENT-REVIEW: what we changed <b>after</b> the outage")
    r = request(srv, "GET", "/portal/failures/1", cookies={"rd_portal": pc})
    check("the portal failure page links the published report", 'href="/portal/failures/1/report"' in r.text and
          'href="/portal/failures/1/report.pdf"' in r.text, r.status)
    check("portal: the client-facing review once published, never the internal one",
          'id="review"' in r.text and "PORTAL-CLIENT-REVIEW: what we changed &lt;b&gt;after&lt;/b&gt;" in r.text and
          "PORTAL-INTERNAL-REVIEW" not in r.text)
    r = request(srv, "GET", "/portal/failures/1/report", cookies={"rd_portal": pc})
    check("portal report: the client form for this client", r.status == 200 and
          (r.header("Content-Type") or "").startswith("text/html") and
          "Prepared for Northwind Logistics" in r.text and
          "PORTAL-CLIENT-REVIEW: what we changed &lt;b&gt;after&lt;/b&gt; the outage" in r.text, r.text[:300])
    check("portal report: nothing internal, no other client", "PORTAL-INTERNAL" not in r.text and
          "Globex" not in r.text and "Acme" not in r.text, r.status)
    check("portal report: its stylesheet is linked, not inline (CSP)", 'href="/portal/report.css"' in r.text and
          "<style>" not in r.text)
    r = request(srv, "GET", "/portal/report.css", cookies={"rd_portal": pc})
    check("portal report stylesheet", r.status == 200 and (r.header("Content-Type") or "").startswith("text/css"))
    r = request(srv, "GET", "/portal/failures/1/report.pdf", cookies={"rd_portal": pc})
    pdf_ok = r.status == 200 and r.header("Content-Type") == "application/pdf" and r.raw[:5] == b"%PDF-"
    check("portal report as PDF", pdf_ok, r.status)
    if pdf_ok and shutil.which("pdftotext"):
        txt = subprocess.run(["pdftotext", "-", "-"], input=r.raw, capture_output=True).stdout.decode()
        check("portal PDF: the client's text, nothing internal", "PORTAL-CLIENT-REVIEW" in txt and
              "PORTAL-INTERNAL" not in txt, txt[:200])
    r = request(srv, "GET", "/portal/failures/2/report", cookies={"rd_portal": pc})
    check("portal report of a failure that did not affect this client: 404 (though published)",
          r.status == 404 and "export queue" not in r.text, r.status)
    r = request(srv, "GET", "/portal/failures/1/report")
    check("portal report without a portal session: refused", r.status in (401, 303) and
          "PORTAL-CLIENT-REVIEW" not in r.text, r.status)
    # internal notes never shown: every internal communication's summary
    internal = [c for c in json.loads(cli("comm", "list", "--json").stdout)
                if c.get("visibility") == "internal" and c.get("summary")]
    failures = json.loads(cli("failure", "list", "--json").stdout)
    impacts = json.loads(cli("impact", "list", "--json").stdout)
    # a failure the client is only suspected in (a draft an alert opened) is not theirs to see
    mine = {i["failure_id"] for i in impacts if i["client_id"] == 1 and i["affected"] == "yes"}
    others = [f["id"] for f in failures if f["id"] not in mine]
    for pat in portal_get:
        if "{id}" not in pat:
            continue
        for fid_other in others:
            r = request(srv, "GET", pat.replace("{id}", str(fid_other)), cookies={"rd_portal": pc})
            check(f"portal {pat} of another client's failure #{fid_other}: 404", r.status == 404, r.status)
        for fid_mine in mine:
            r = request(srv, "GET", pat.replace("{id}", str(fid_mine)), cookies={"rd_portal": pc})
            leaked = [c["summary"] for c in internal if c["summary"] in r.text]
            check(f"portal {pat} #{fid_mine} shows no internal note", r.status == 200 and not leaked,
                  f"{r.status} {leaked[:1]}")
    # the plan after resolution: when it was fixed, no longer an expected date
    fnew = json.loads(cli("failure", "open", "PORTAL-RESOLVED-FAILURE", "--severity", "3", "--client",
                          "Northwind Logistics", "--json").stdout)["id"]
    cli("eta", "set", str(fnew), "2027-01-15T10:00:00Z", "--reason", "PORTAL-RESOLVED-ETA", "--told")
    r = request(srv, "GET", f"/portal/failures/{fnew}", cookies={"rd_portal": pc})
    check("portal: an open failure's plan shows the expected fix", r.status == 200 and "Expected fix:" in r.text and
          "Fixed:" not in r.text, r.status)
    cli("failure", "resolve", str(fnew))
    r = request(srv, "GET", f"/portal/failures/{fnew}", cookies={"rd_portal": pc})
    check("portal: after resolution the plan says when it was fixed, not an expected date",
          r.status == 200 and "Fixed:" in r.text and "Expected fix:" not in r.text and
          "PORTAL-RESOLVED-ETA" in r.text, r.status)
    for cid_other in (4, 99999):
        r = request(srv, "GET", f"/portal/failures/x{cid_other}", cookies={"rd_portal": pc})
        check("portal junk id: 404", r.status == 404, r.status)
    r = request(srv, "POST", f"/portal/failures/{next(iter(mine))}/ask", "question=hi",
                ctype="application/x-www-form-urlencoded", cookies={"rd_portal": pc})
    check("portal POST without CSRF: 403", r.status == 403, r.status)
r = request(srv, "GET", "/portal/", cookies={"rd_portal": "rds_" + "2" * 64})
check("portal without a valid session: 401", r.status == 401, r.status)
lid = json.loads(cli("portal", "list", "--json").stdout)[-1]["id"]
cli("portal", "revoke", str(lid))
r = request(srv, "GET", "/portal/", cookies={"rd_portal": pc})
check("revoking the link ends its session", r.status == 401, r.status)
r = request(srv, "GET", ppath)
check("revoked link refused", r.status == 404 and not cookie_from(r, "rd_portal")[0], r.status)
r = request(srv, "GET", "/portal/enter/rdp_" + "a" * 64)
check("unknown link refused", r.status == 404, r.status)
log = open(srv.log, encoding="utf-8", errors="replace").read()
check("access log redacts magic links", "/portal/enter/[redacted]" in log and "rdp_" not in log and
      "rdl_" not in log)
check("access log has one line per request", log.count("\n") > 100 and '"GET /healthz" 200' in log)
nm_lines = [l for l in log.splitlines() if '"POST /api/near_misses"' in l and " 201 " in l]
check("access log: the anonymous near miss names nobody",
      any(l.endswith(" anonymous") for l in nm_lines) and
      sum("sam@provider.example" in l for l in nm_lines) == 1, nm_lines)

# ---- /healthz only reads ---------------------------------------------------------------

old = new_db("old.db")
subprocess.run([BIN, "--db", old, "init"], capture_output=True, env=ENV, timeout=60, check=True)
srv5 = Server(db=old)
r = request(srv5, "GET", "/healthz")
latest = (r.json() or {}).get("schema")
check("healthz on a current database: 200 with its schema", r.status == 200 and isinstance(latest, int) and latest >= 4,
      r.text)
# The database goes back to schema 2, as when a backup from before the web
# tables is restored under a running server: healthz must say so, and
# must not migrate it (it used to, through the schema-version call).
if PG:
    pgserver.psql(old, "DROP TABLE sessions; DROP TABLE login_links; DROP TABLE login_attempts; "
                       "DROP TABLE portal_links; DROP INDEX api_tokens_user; "
                       "DELETE FROM schema_version WHERE version > 2")
else:
    con = sqlite3.connect(old)
    con.executescript("DROP TABLE sessions; DROP TABLE login_links; DROP TABLE login_attempts; "
                      "DROP TABLE portal_links; DROP INDEX api_tokens_user; PRAGMA user_version = 2;")
    con.close()
for _ in range(6):   # several requests, so fresh worker threads open it too
    r = request(srv5, "GET", "/healthz")
check("healthz on an older schema: 503 saying so", is_problem(r, 503, "unavailable") and
      "behind" in r.json().get("detail", ""), r.text)
if PG:
    ver = int(pgserver.psql(old, "SELECT max(version) FROM schema_version").strip())
    tables = set(pgserver.psql(old, "SELECT table_name FROM information_schema.tables "
                                    "WHERE table_schema = 'public'").split())
else:
    con = sqlite3.connect(old)
    ver = con.execute("PRAGMA user_version").fetchone()[0]
    tables = {t for (t,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    con.close()
check("healthz left the older database untouched", ver == 2 and "sessions" not in tables, (ver, sorted(tables)))
srv5.stop()

# ---- long checks, the write lock, a busy database ---------------------------------

import threading

LONG_UNIT = ("We apologize if you were affected. Mistakes were made and we might fix it. "
             "Our RCA shows the MTTR was within SLA, just a small hiccup. ")


def long_text(nbytes):
    return (LONG_UNIT * (nbytes // len(LONG_UNIT) + 1))[:nbytes]


r = request(srv, "POST", "/api/check", {"text": "", "kind": "apology"}, token=TOK["viewer"])
check("check an empty message: 422 naming text", is_problem(r, 422, "invalid") and
      "'text'" in r.json().get("detail", "") and "empty" in r.json()["detail"], r.text)
r = request(srv, "POST", "/api/check", {"text": " \n\t\u00a0\n", "kind": "apology"}, token=TOK["viewer"])
check("check a blank message: 422", is_problem(r, 422, "invalid") and "white space" in r.json().get("detail", ""),
      r.text)
# lang: a German message runs the language-independent rules and names the rest
r = request(srv, "POST", "/api/check", {"text": "Guten Tag,\n\nIhre Gutschrift über [BETRAG] folgt.", "kind": "resolution",
                                        "lang": "de"}, token=TOK["viewer"])
check("check lang=de: placeholders still found, English rules skipped and listed",
      r.status == 200 and r.json()["lang"] == "de" and [f["rule"] for f in r.json()["findings"]] == ["template.unfilled"]
      and "element.contact" in r.json()["skipped"] and "template.unfilled" not in r.json()["skipped"], r.text)
r = request(srv, "POST", "/api/check", {"text": "Hello.", "kind": "other", "lang": "es"}, token=TOK["viewer"])
check("check lang=es: 422 naming lang", is_problem(r, 422, "invalid") and "lang" in r.json().get("detail", ""), r.text)
# ids as JSON numbers or strings: the composer sends numbers (issue 11);
# both check in the failure's and client's context and answer the same
MSG = {"text": "We are sorry: the fix will be complete by 2031-01-15. Call me on 555 0100.", "kind": "other"}
r_num = request(srv, "POST", "/api/check", dict(MSG, client=1, failure=1), token=TOK["viewer"])
r_str = request(srv, "POST", "/api/check", dict(MSG, client="1", failure="1"), token=TOK["viewer"])
check("check with numeric ids: 200, the same answer as with strings",
      r_num.status == 200 and r_str.status == 200 and r_num.json() == r_str.json(), r_num.text[:300])
for bad in (True, [1], {"id": 1}, 1.5, 0, -3):
    r = request(srv, "POST", "/api/check", dict(MSG, client=1, failure=bad), token=TOK["viewer"])
    check("check with failure=%r: 422 naming failure" % (bad,),
          is_problem(r, 422, "invalid") and "'failure'" in r.json().get("detail", ""), r.text[:200])
# /api/check takes 8 MiB; everything else keeps the 1 MiB default
big = long_text(3 * 1024 * 1024)
r = request(srv, "POST", "/api/check", {"text": big, "kind": "other"}, token=TOK["viewer"])
j = r.json() or {}
check("check a 3 MB one-line message: 200", r.status == 200 and
      sum(1 for f in j.get("findings", []) if f["rule"] == "apology.conditional") == len(big) // len(LONG_UNIT) + 1,
      r.text[:200])
# the answer is written while it is sent (tens of MB of JSON for a long
# message): chunked, no Content-Length, and whole - the last finding and the
# closing members are there
check("a long check's answer is streamed: chunked, no Content-Length",
      (r.header("Transfer-Encoding") or "").lower() == "chunked" and r.header("Content-Length") is None and
      r.header("Content-Type") == "application/json" and j.get("sentences", 0) > 0 and "breakdown" in j,
      (r.headers, r.text[-200:]))
# a client that leaves halfway through such an answer costs the server
# nothing: the next requests are answered, the long one included
sock = socket.create_connection(("127.0.0.1", srv.port), timeout=30)
payload = json.dumps({"text": big, "kind": "other"}).encode()
sock.sendall(("POST /api/check HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer %s\r\n"
              "Content-Type: application/json\r\nContent-Length: %d\r\n\r\n" % (TOK["viewer"], len(payload))).encode()
             + payload)
head = sock.recv(4096)
sock.close()
r2 = request(srv, "POST", "/api/check", {"text": big, "kind": "other"}, token=TOK["viewer"])
r3 = request(srv, "GET", "/api/clients", token=TOK["viewer"])
check("a client gone halfway through a long answer: the server answers the next ones in full",
      head.startswith(b"HTTP/1.1 200") and r2.status == 200 and r2.raw == r.raw and r3.status == 200,
      (head[:80], r2.status, len(r2.raw), len(r.raw), r3.status))
r = request(srv, "POST", "/api/check", {"text": long_text(9 * 1024 * 1024)}, token=TOK["viewer"])
check("check body over 8 MiB: 413", is_problem(r, 413, "payload-too-large") and "8388608" in r.text, r.text[:200])
r = request(srv, "POST", "/api/near_misses", {"title": "x", "description": long_text(2 * 1024 * 1024)},
            token=TOK["agent"])
check("2 MB body elsewhere: still 413", is_problem(r, 413, "payload-too-large"), r.text[:200])

# A read-only POST does not take the write lock: a write sent while a long
# check is in its handler finishes before the check's answer starts (its
# status line comes when the handler ends) - ordering, not a time limit.
# With the lock the write would wait for the handler and come second. The
# check is the longest the body limit allows (about 0.6 s of handler here,
# since its JSON is streamed); the write goes once the body is in.
done = []
conn = http.client.HTTPConnection("127.0.0.1", srv.port, timeout=300)
conn.request("POST", "/api/check",
             body=json.dumps({"text": long_text(7 * 1024 * 1024 + 768 * 1024), "kind": "other"}).encode(),
             headers={"Authorization": "Bearer " + TOK["viewer"], "Content-Type": "application/json"})


def long_check():
    rr = conn.getresponse()   # returns at the status line: the handler is done
    done.append(("check", rr.status))
    rr.read()


t = threading.Thread(target=long_check)
t.start()
time.sleep(0.15)   # the body is in (localhost: a few ms) and the handler is checking
r = request(srv, "POST", "/api/near_misses", {"title": "written during a long check"}, token=TOK["agent"])
done.append(("write", r.status))
t.join()
conn.close()
check("a write during a long check is not queued behind it", done == [("write", 201), ("check", 200)], done)

# A database locked by another program: writes answer 503 busy with
# Retry-After (problem+json) once the busy timeout passes, change nothing,
# and reads (and checks) are still served meanwhile.
busy_srv = Server(extra=("--busy-timeout", "200"))
holder = LockHolder(DB)
try:
    nbefore = len(request(busy_srv, "GET", "/api/near_misses?limit=100", token=TOK["viewer"]).json()["items"])
    r = request(busy_srv, "POST", "/api/communications", {"failure": fid, "client": "Zenith Labs",
                "kind": "progress", "channel": "email", "summary": "Busy?"}, token=TOK["agent"])
    check("write on a locked database: 503 busy", is_problem(r, 503, "busy"), r.text)
    check("503 busy has Retry-After", (r.header("Retry-After") or "").isdigit(), r.headers)
    r = request(busy_srv, "POST", "/api/near_misses", {"title": "while locked"}, token=TOK["agent"])
    check("second write on a locked database: 503 busy", is_problem(r, 503, "busy"), r.text)
    r = request(busy_srv, "GET", "/api/near_misses?limit=100", token=TOK["viewer"])
    check("reads are served while the database is locked", r.status == 200 and len(r.json()["items"]) == nbefore,
          r.text[:200])
    r = request(busy_srv, "POST", "/api/check", {"text": "We are sorry.", "kind": "other"}, token=TOK["viewer"])
    check("checks are served while the database is locked", r.status == 200, r.text[:200])
    # the CLI waits its 10 s busy timeout, then says so (exit 1: not the input's fault)
    p = cli("near-miss", "add", "cli while locked", check_rc=False)
    check("CLI write on a locked database: exit 1, says busy", p.returncode == 1 and
          "the database is busy" in p.stderr and "try again" in p.stderr, (p.returncode, p.stderr))
finally:
    holder.release()
r = request(busy_srv, "POST", "/api/near_misses", {"title": "after the lock"}, token=TOK["agent"])
check("writes succeed once the lock is gone", r.status == 201, r.text)
titles = [n["title"] for n in json.loads(cli("near-miss", "list", "--json").stdout)]
check("nothing was written while locked", "while locked" not in titles and "cli while locked" not in titles and
      "after the lock" in titles)
busy_srv.stop()

# ---- metrics, graceful stop, durability ---------------------------------------------

r = request(srv, "GET", "/metrics")
check("metrics", r.status == 200 and "redress_http_requests_total{route=\"GET /api/clients\",code=\"2xx\"}" in r.text
      and "redress_http_request_duration_seconds_bucket" in r.text, r.text[:200])

# A request in flight when SIGTERM arrives still gets its answer.
body = json.dumps({"title": "Graceful", "services": "x", "at": NOW}).encode()
s = socket.create_connection(("127.0.0.1", srv.port))
s.sendall(b"POST /api/near_misses HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + TOK["agent"].encode() +
          b"\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n" % len(body) + body[:10])
time.sleep(0.3)
srv.proc.send_signal(signal.SIGTERM)
time.sleep(0.3)
s.sendall(body[10:])
s.settimeout(10)
data = b""
try:
    while b"\r\n\r\n" not in data:
        d = s.recv(4096)
        if not d:
            break
        data += d
except OSError:
    pass
s.close()
check("request in flight at SIGTERM completes", data.startswith(b"HTTP/1.1 201"), data[:60])
try:
    rc = srv.proc.wait(10)
except subprocess.TimeoutExpired:
    rc = None
check("SIGTERM: clean exit", rc == 0, rc)
nm = json.loads(cli("near-miss", "list", "--json").stdout)
check("the in-flight write is durable", any(n["title"] == "Graceful" for n in nm))

srv2 = Server()
r = request(srv2, "POST", "/api/near_misses", {"title": "Before the crash"}, token=TOK["agent"])
srv2.proc.kill()
srv2.proc.wait()
check("acknowledged write survives SIGKILL", r.status == 201 and
      any(n["title"] == "Before the crash" for n in json.loads(cli("near-miss", "list", "--json").stdout)))

# First admin on an empty database: created once, with a one-time link.
db2 = new_db("empty.db")
srv3 = Server(db=db2, extra=("--first-admin", "boss@provider.example"))
line = srv3.readline() + srv3.readline() + srv3.readline()
m = re.search(r"(/login/link/rdl_[0-9a-f]{64})", line)
check("first admin: one-time link printed", m and "just created" in line, line)
if m:
    r = request(srv3, "GET", m.group(1))
    s3, _ = cookie_from(r, "rd_session")
    me = request(srv3, "GET", "/api/me", cookies={"rd_session": s3}).json() or {}
    check("first admin logs in as admin", me.get("role") == "admin" and me.get("email") == "boss@provider.example", me)
srv3.stop()
srv4 = Server(db=db2, extra=("--first-admin", "boss@provider.example"))
time.sleep(0.3)
srv4.stop()
out4 = srv4.rest()
check("first admin not created twice, but gets a fresh link",
      "just created" not in out4 and re.search(r"sign in as boss@provider\.example \(admin\)", out4), out4)


# ---- sign-in lines and printed links ----------------------------------------
# serve prints the address it really listens on (port 0: the real port) and
# how to sign in, and records that address so that `user login-link` and
# `portal invite` print links that work against it.

def cli_db(db, *args, env=None):
    return subprocess.run([BIN, "--db", db, *args], capture_output=True, text=True,
                          env=env or ENV, timeout=60)


def sign_in(srv, url):
    """GETs a printed login link on srv; the session it opens, as /api/me sees it."""
    base = f"http://127.0.0.1:{srv.port}"
    if not url.startswith(base + "/login/link/rdl_"):
        return {"error": f"not a login link on {base}: {url!r}"}
    r = request(srv, "GET", url[len(base):])
    sess, _ = cookie_from(r, "rd_session")
    if r.status != 303 or not sess:
        return {"error": f"link answered {r.status} without a session"}
    page = request(srv, "GET", "/", cookies={"rd_session": sess})
    me = request(srv, "GET", "/api/me", cookies={"rd_session": sess}).json() or {}
    me["agenda_page"] = page.status == 200 and "Agenda" in page.text
    return me


db5 = new_db("links.db")
cli_db(db5, "demo", "--at", NOW)
srv5 = Server(db=db5)
lines5 = [srv5.readline(), srv5.readline()]
check("serve: says where to open it, on the real port",
      lines5[0].strip() == f"open http://127.0.0.1:{srv5.port}/ in a browser", lines5)
m = re.match(r"sign in: get a one-time login link with: (redress --db (\S+) user login-link (\S+))$",
             lines5[1].strip())
check("serve on demo data without --first-admin: names the command for Ada's link",
      m and m.group(2) == db5 and m.group(3) == "ada@provider.example", lines5)
link = cli_db(db5, "user", "login-link", "ada@provider.example").stdout.strip()
me = sign_in(srv5, link)
check("user login-link: a link on the address serve recorded that signs Ada in",
      me.get("email") == "ada@provider.example" and me.get("agenda_page"), (link, me))
inv = cli_db(db5, "portal", "invite", "lena.vogel@northwind.example").stdout.strip()
base5 = f"http://127.0.0.1:{srv5.port}"
r = request(srv5, "GET", inv[len(base5):]) if inv.startswith(base5 + "/portal/enter/rdp_") else None
check("portal invite: a link on the recorded address that opens the portal",
      r is not None and r.status == 303 and cookie_from(r, "rd_portal")[0], (inv, r and r.status))
link = cli_db(db5, "user", "login-link", "ada@provider.example", "--base-url", "https://desk.example.com/").stdout
check("user login-link --base-url wins over the recorded address",
      re.fullmatch(r"https://desk\.example\.com/login/link/rdl_[0-9a-f]{64}\n", link), link)
inv = cli_db(db5, "portal", "invite", "lena.vogel@northwind.example", "--base-url", "https://desk.example.com").stdout
check("portal invite --base-url wins over the recorded address",
      re.fullmatch(r"https://desk\.example\.com/portal/enter/rdp_[0-9a-f]{64}\n", inv), inv)
link = cli_db(db5, "user", "login-link", "ada@provider.example",
              env=dict(ENV, REDRESS_BASE_URL="https://proxy.example.org")).stdout
check("REDRESS_BASE_URL wins over the recorded address",
      link.startswith("https://proxy.example.org/login/link/rdl_"), link)
before = sqlite3_count(db5, "login_links")
p = cli_db(db5, "user", "login-link", "ada@provider.example", "--base-url", "desk.example.com")
check("bad --base-url: exit 2, named, no link made",
      p.returncode == 2 and "--base-url 'desk.example.com' must start with http://" in p.stderr and
      not p.stdout and sqlite3_count(db5, "login_links") == before, (p.returncode, p.stderr))
p = cli_db(db5, "portal", "invite", "lena.vogel@northwind.example", env=dict(ENV, REDRESS_BASE_URL="http://a b"))
check("bad REDRESS_BASE_URL: exit 2, named", p.returncode == 2 and "REDRESS_BASE_URL" in p.stderr, p.stderr)
tok5 = cli_db(db5, "token", "create", "ada@provider.example").stdout.strip()
r = request(srv5, "POST", "/api/portal_links", {"contact": "lena.vogel@northwind.example"}, token=tok5)
j = r.json() or {}
check("API portal invite: url on the server's real address",
      r.status == 201 and j.get("url") == base5 + j.get("path", "-") and
      j["path"].startswith("/portal/enter/rdp_"), r.text)
if r.status == 201:
    r = request(srv5, "GET", j["path"])
    check("API portal invite: the link opens the portal", r.status == 303 and cookie_from(r, "rd_portal")[0],
          r.status)
srv5.stop()

# --first-admin on demo data (where Ada is already the admin).
srv6 = Server(db=db5, extra=("--first-admin", "ada@provider.example"))
out = srv6.readline() + srv6.readline() + srv6.readline()
m = re.search(r"^  (http://\S+)$", out, re.M)
check("--first-admin an existing admin: a link for them",
      "sign in as ada@provider.example (admin) with this one-time link" in out and m, out)
me = sign_in(srv6, m.group(1)) if m else {}
check("--first-admin an existing admin: the link signs them in",
      me.get("email") == "ada@provider.example" and me.get("agenda_page"), me)
srv6.stop()
srv7 = Server(db=db5, extra=("--first-admin", "admin@redress.local", "--base-url", "http://127.0.0.1:1/"))
out = srv7.readline() + srv7.readline() + srv7.readline()
check("--base-url: the printed links use it", "open http://127.0.0.1:1/ in a browser" in out and
      "  http://127.0.0.1:1/login/link/rdl_" in out, out)
m = re.search(r"^  http://127\.0\.0\.1:1(/login/link/rdl_[0-9a-f]{64})$", out, re.M)
me = sign_in(srv7, f"http://127.0.0.1:{srv7.port}" + m.group(1)) if m else {}
check("--first-admin a new address on demo data: created as admin, signed in",
      "(admin, just created)" in out and me.get("email") == "admin@redress.local" and me.get("role") == "admin",
      (out, me))
link = cli_db(db5, "user", "login-link", "ada@provider.example").stdout
check("the recorded address follows --base-url", link.startswith("http://127.0.0.1:1/login/link/"), link)
srv7.stop()
nusers = sqlite3_count(db5, "users")
try:
    p = subprocess.run([BIN, "--db", db5, "serve", "--listen", "127.0.0.1:0", "--first-admin",
                        "sam@provider.example"], capture_output=True, text=True, env=ENV, timeout=20)
except subprocess.TimeoutExpired as e:  # it started serving: the check below fails
    p = subprocess.CompletedProcess(e.cmd, None, e.stdout or "", e.stderr or "")
check("--first-admin an agent: refused before listening, named, nothing changed",
      p.returncode == 2 and "sam@provider.example" in p.stderr and "'agent'" in p.stderr and
      "listening" not in p.stdout and sqlite3_count(db5, "users") == nusers, (p.returncode, p.stderr))

# ---- web security: redirects, NUL, headers, sign-in limits, password links ---

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'")
FORM = "application/x-www-form-urlencoded"
STRONG = {"sec@provider.example": "Quiet-Harbour-Lantern-42", "alice@provider.example": "Velvet-Otter-Canyon-17",
          "bob@provider.example": "Brass-Meadow-Kettle-88", "carol@provider.example": "Amber-Sleet-Orchard-36",
          "dave@provider.example": "Copper-Fjord-Willow-53", "erin@provider.example": "Tidal-Raven-Saffron-71",
          "frank@provider.example": "Linen-Harbor-Quartz-64"}
for em, pw in STRONG.items():
    cli("user", "add", em, "--role", "agent", stdin=pw + "\n")
sec = Server(extra=("--trusted-proxy", "127.0.0.1"))
r = request(sec, "GET", "/login")
SCSRF, _ = cookie_from(r, "rd_csrf")


def form(d):
    from urllib.parse import urlencode
    return urlencode(d)


def login(email, pw, addr="10.9.9.9", nxt=None, srv_=None):
    d = {"email": email, "password": pw, "csrf": SCSRF}
    if nxt is not None:
        d["next"] = nxt
    return request(srv_ or sec, "POST", "/login", form(d), ctype=FORM, cookies={"rd_csrf": SCSRF},
                   headers={"X-Forwarded-For": "203.0.113.7, " + addr})


def raw_request(port, data, timeout=5):
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    s.sendall(data)
    out = b""
    try:
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            out += chunk
    except OSError:
        pass
    s.close()
    head, _, body = out.partition(b"\r\n\r\n")
    return head.decode("latin-1"), body


# Open redirect after sign-in: only a path on this site is followed.
for i, bad in enumerate(["/\t/evil.example", "//evil", "/\\evil", "https://evil", "/%2F%2Fevil",
                         "/%09/evil.example", "/%5Cevil"]):
    r = login("sec@provider.example", STRONG["sec@provider.example"], addr=f"10.3.0.{i}", nxt=bad)
    check(f"next={bad!r}: redirect home, not away", r.status == 303 and r.header("Location") == "/",
          (r.status, r.header("Location")))
r = login("sec@provider.example", STRONG["sec@provider.example"], nxt="/failures/1")
check("next=/failures/1 is followed", r.status == 303 and r.header("Location") == "/failures/1",
      (r.status, r.header("Location")))
SESS_OLD, _ = cookie_from(r, "rd_session")
r = request(sec, "GET", "/login?next=/%09/evil.example")
check("sign-in page drops a hostile next", r.status == 200 and 'name="next"' not in r.text)
r = request(sec, "GET", "/login?next=/failures/2")
check("sign-in page keeps a local next", 'name="next" value="/failures/2"' in r.text)

# NUL bytes are refused before any handler runs, never truncated.
r = request(sec, "GET", "/api/clients/1%00", token=TOK["viewer"])
check("%00 in an API path: 400 problem", is_problem(r, 400, "bad-request") and "NUL" in r.json().get("detail", ""),
      r.text)
r = request(sec, "GET", "/api/clients?tier=key%00x", token=TOK["viewer"])
check("%00 in a query: 400 problem", is_problem(r, 400, "bad-request"), r.text)
r = request(sec, "GET", "/clients/1%00", cookies={"rd_session": SESS_OLD})
check("%00 in a page path: 400 error page", r.status == 400 and "text/html" in (r.header("Content-Type") or "")
      and "NUL" in r.text, (r.status, r.text[:200]))
before = count("near-miss")
r = request(sec, "POST", "/api/near_misses", {"title": "cut\u0000short"}, token=TOK["agent"])
check("NUL in a JSON string: 400", is_problem(r, 400, "malformed-json"), r.text)
r = request(sec, "POST", "/near-misses", form({"title": "x"}).replace("x", "cut%00short") + "&csrf=" + SCSRF,
            ctype=FORM, cookies={"rd_session": SESS_OLD})
check("NUL in a form field: 400", r.status == 400 and "NUL" in r.text, (r.status, r.text[:200]))

# A web form on a database another program holds locked: a 503 page in the
# app's layout with Retry-After and a plain "try again", nothing written.
busy_web = Server(extra=("--busy-timeout", "200"))
page = request(busy_web, "GET", "/near-misses", cookies={"rd_session": SESS_OLD})
m = re.search(r'name="csrf" value="([^"]+)"', page.text)
check("near-miss form has its CSRF token", page.status == 200 and m, page.status)
holder = LockHolder(DB)
try:
    r = request(busy_web, "POST", "/near-misses", form({"title": "web while locked", "csrf": m.group(1) if m else ""}),
                ctype=FORM, cookies={"rd_session": SESS_OLD})
    check("web form on a locked database: 503 page, Retry-After, says try again",
          r.status == 503 and (r.header("Retry-After") or "").isdigit() and "Try again in a moment" in r.text
          and 'class="topbar"' in r.text, (r.status, r.headers, r.text[:300]))
finally:
    holder.release()
check("the locked web form wrote nothing",
      all(n["title"] != "web while locked" for n in json.loads(cli("near-miss", "list", "--json").stdout)))
busy_web.stop()
head, body = raw_request(sec.port, b"GET /api/near_misses/1\x00x HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                         + TOK["viewer"].encode() + b"\r\nConnection: close\r\n\r\n")
check("raw NUL in the request line: 400 problem", head.startswith("HTTP/1.1 400") and b"NUL" in body, head[:40])
check("nothing written by NUL requests", count("near-miss") == before)

# Security headers on pages, API answers, errors, and the server's own refusals.
for path, tok in [("/login", None), ("/api/clients", TOK["viewer"]), ("/api/nope", TOK["viewer"]),
                  ("/static/app.css", None), ("/password/forgot", None)]:
    r = request(sec, "GET", path, token=tok)
    check(f"{path}: CSP, nosniff, Referrer-Policy", r.header("Content-Security-Policy") == CSP and
          r.header("X-Content-Type-Options") == "nosniff" and r.header("Referrer-Policy") == "no-referrer",
          r.headers)
    check(f"{path}: no HSTS without --secure-cookies", r.header("Strict-Transport-Security") is None)
for what, data, status, ptype in [
        ("414", b"GET /api/" + b"a" * 9000 + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 414, "uri-too-long"),
        ("431", b"GET /api/clients HTTP/1.1\r\nHost: x\r\nConnection: close\r\n" +
         b"".join(b"X-Pad-%d: %s\r\n" % (i, b"v" * 1000) for i in range(40)) + b"\r\n", 431, "headers-too-large"),
        # libmicrohttpd's per-connection memory (http.c CONN_MEMORY) must hold a
        # head well past the server's 32 KiB limit, or it answers first with
        # its own bare page: 56 KB of headers still get the problem.
        ("431 at 56 KB", b"GET /api/clients HTTP/1.1\r\nHost: x\r\nConnection: close\r\n" +
         b"".join(b"X-Pad-%d: %s\r\n" % (i, b"v" * 1000) for i in range(55)) + b"\r\n", 431, "headers-too-large"),
        ("400", b"GET /api/clients/%00 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 400, "bad-request")]:
    head, body = raw_request(sec.port, data)
    try:
        j = json.loads(body)
    except ValueError:
        j = {}
    check(f"server's own {what}: problem+json with the security headers",
          head.startswith(f"HTTP/1.1 {status}") and "Content-Type: application/problem+json" in head and
          ("Content-Security-Policy: " + CSP) in head and "X-Content-Type-Options: nosniff" in head and
          j.get("type") == "/problems/" + ptype and len(body) < 2000, head)
head, body = raw_request(sec.port, b"GET /api/clients HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: Bearer "
                         + TOK["viewer"].encode() + b"\r\n" +
                         b"".join(b"X-Pad-%d: %s\r\n" % (i, b"v" * 1000) for i in range(31)) + b"\r\n")
check("31 KB of headers (under the 32 KiB limit) are served", head.startswith("HTTP/1.1 200") and b'"items"' in body,
      head[:60])
# Just under both limits is served, not refused by libmicrohttpd for want of
# per-connection memory (CONN_MEMORY in http.c).
head, _ = raw_request(sec.port, b"GET /api/" + b"a" * 8000 + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n" +
                      b"".join(b"X-Pad-%d: %s\r\n" % (i, b"v" * 1000) for i in range(31)) + b"\r\n")
check("an 8,000-byte target with 31 KB of headers is answered by the routes (404)",
      head.startswith("HTTP/1.1 404"), head[:200])
# Pages keep to the CSP: no inline script, event handler or style attribute.
SS, _ = cookie_from(login("sec@provider.example", STRONG["sec@provider.example"]), "rd_session")
for path in ["/", "/failures", "/failures/1", "/clients", "/clients/1", "/compose", "/log", "/goodwill",
             "/near-misses", "/login", "/password/forgot"]:
    r = request(sec, "GET", path, cookies={"rd_session": SS})
    inline = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>|\son[a-z]+\s*=|\sstyle\s*=", r.text, re.I)
    check(f"{path}: nothing inline the CSP would block", r.status == 200 and not inline, (r.status, inline[:3]))
# The composer offers only the kinds that can be written honestly: failure
# 2 is resolved, so no progress update or delay for its clients; asked for
# one anyway, it says why no draft was made.
r = request(sec, "GET", "/compose?client=3&failure=2&kind=resolution", cookies={"rd_session": SS})
kinds = re.findall(r'<option value="([a-z_]+)"', r.text.split('name="kind"', 1)[1].split("</select>", 1)[0]) \
    if 'name="kind"' in r.text else []
check("composer: a resolved failure offers resolution, not progress or delay",
      r.status == 200 and "resolution" in kinds and "follow_up" in kinds and "progress" not in kinds
      and "delay" not in kinds, kinds)
r = request(sec, "GET", "/compose?client=3&failure=2&kind=progress", cookies={"rd_session": SS})
check("composer: progress for a resolved failure is refused with the reason",
      r.status == 200 and "failure #2 is resolved: a progress draft is for a failure still being fixed" in r.text,
      r.status)
r = request(sec, "GET", "/clients/1", cookies={"rd_session": SS})
check("client page: the language drafts are written in", '<dd id="client-language">English</dd>' in r.text, r.status)
hsts = Server(extra=("--secure-cookies",))
r = request(hsts, "GET", "/login")
check("--secure-cookies: Strict-Transport-Security", (r.header("Strict-Transport-Security") or "")
      .startswith("max-age="), r.headers)
hsts.stop()

# Sign-in timing does not tell which emails have accounts.
def timed_login(email, pw, addr):
    t = time.monotonic()
    r = login(email, pw, addr=addr)
    return time.monotonic() - t, r


# Eight tries each way, interleaved, compared by their fastest: a loaded machine only
# makes a try slower, so the minimum is the cost of the work itself (the bug this
# catches was 194 ms against 6 ms). Two known accounts, four wrong passwords each,
# stay under the per-account lockout.
known, unknown, bodies = [], [], set()
for i in range(8):
    who = "sec@provider.example" if i < 4 else "frank@provider.example"
    dt, r = timed_login(who, f"wrong-{i}", f"10.4.0.{i}")
    known.append(dt)
    bodies.add((r.status, r.text))
    dt, r = timed_login(f"nobody{i}@provider.example", f"wrong-{i}", f"10.4.1.{i}")
    unknown.append(dt)
    bodies.add((r.status, r.text))
ratio = min(known) / max(min(unknown), 1e-6)
check("known vs unknown email: same answer", len(bodies) == 1 and next(iter(bodies))[0] == 401, bodies)
check("known vs unknown email: same time", 0.5 <= ratio <= 2.0, (ratio, sorted(known), sorted(unknown)))
if os.environ.get("REDRESS_TEST_VERBOSE"):
    print(f"login timing: known {sorted(known)}, unknown {sorted(unknown)}, ratio of minima {ratio:.2f}")

# Throttling: per account from anywhere, per address only for strangers.
codes = [login("alice@provider.example", f"guess-{i}", addr="10.5.0.1").status for i in range(8)]
check("alice: five failures then 429", codes == [401] * 5 + [429] * 3, codes)
r = login("alice@provider.example", f"guess-x", addr="10.5.0.1")
check("429 carries Retry-After in seconds", r.status == 429 and 0 < int(r.header("Retry-After") or 0) <= 900
      and "Forgot your password?" in r.text, (r.status, r.header("Retry-After")))
r = login("bob@provider.example", STRONG["bob@provider.example"], addr="10.5.0.1")
check("bob signs in from the address that attacked alice", r.status == 303 and cookie_from(r, "rd_session")[0],
      r.status)
codes = [login("carol@provider.example", f"guess-{i}", addr=f"10.6.0.{i}").status for i in range(5)]
r = login("carol@provider.example", STRONG["carol@provider.example"], addr="10.6.1.1")
check("brute force on carol from many addresses is stopped", codes == [401] * 5 and r.status == 429 and
      r.header("Retry-After"), (codes, r.status))
check("dave signs in from 10.7.0.1 before the spray", login("dave@provider.example", STRONG["dave@provider.example"],
                                                             addr="10.7.0.1").status == 303)
codes = [login(f"user{i}@provider.example", "Summer2026!", addr="10.7.0.1").status for i in range(21)]
check("password spraying from one address: throttled after 20", codes[:20] == [401] * 20 and codes[20] == 429, codes)
r = login("erin@provider.example", STRONG["erin@provider.example"], addr="10.7.0.1")
check("a stranger account from the spraying address: 429", r.status == 429, r.status)
r = login("dave@provider.example", STRONG["dave@provider.example"], addr="10.7.0.1")
check("an account that signed in from there before still gets in", r.status == 303, r.status)
r = login("erin@provider.example", STRONG["erin@provider.example"], addr="10.7.0.2")
check("erin from another address gets in", r.status == 303, r.status)
# X-Forwarded-For from a peer that is not the trusted proxy is ignored.
plain = Server()
r = request(plain, "GET", "/login")
pc, _ = cookie_from(r, "rd_csrf")
codes = []
for i in range(6):
    r = request(plain, "POST", "/login", form({"email": f"zed{i}@provider.example", "password": "bad", "csrf": pc}),
                ctype=FORM, cookies={"rd_csrf": pc}, headers={"X-Forwarded-For": f"10.8.0.{i}"})
    codes.append(r.status)
codes += [request(plain, "POST", "/login", form({"email": f"zed{i}@provider.example", "password": "bad", "csrf": pc}),
                  ctype=FORM, cookies={"rd_csrf": pc}, headers={"X-Forwarded-For": f"10.8.1.{i}"}).status
          for i in range(6, 21)]
# (the address 127.0.0.1 already has failures from the tests above)
first = codes.index(429) if 429 in codes else len(codes)
check("without --trusted-proxy, X-Forwarded-For changes nothing", first < len(codes) and
      set(codes[:first]) == {401} and set(codes[first:]) == {429}, codes)
plain.stop()


# Getting back in: "Forgot your password?" and one-time password links.
def read_out(srv, timeout=2.0):
    """The server's next stdout line that delivers a password link, skipping
    the start-up lines still queued; "" when none comes within TIMEOUT."""
    end = time.monotonic() + timeout
    while (left := end - time.monotonic()) > 0:
        line = srv.readline(left)
        if not line:
            return ""
        if "password link" in line:
            return line
    return ""


r = request(sec, "GET", "/login")
check("sign-in page uses the app's layout and offers a way back in",
      'href="/static/app.css"' in r.text and 'href="/password/forgot"' in r.text and 'class="topbar"' in r.text)
r = request(sec, "GET", "/password/forgot")
check("forgot page: a form with CSRF", r.status == 200 and 'name="email"' in r.text and 'name="csrf"' in r.text)
r1 = request(sec, "POST", "/password/forgot", form({"email": "alice@provider.example", "csrf": SCSRF}), ctype=FORM,
             cookies={"rd_csrf": SCSRF})
line = read_out(sec)
m = re.search(r"password link for alice@provider\.example .*http://127\.0\.0\.1:\d+(/password/rdr_[0-9a-f]{64})", line)
check("forgot: the link is delivered (server log)", r1.status == 200 and m, (r1.status, line))
r2 = request(sec, "POST", "/password/forgot", form({"email": "nobody@provider.example", "csrf": SCSRF}), ctype=FORM,
             cookies={"rd_csrf": SCSRF})
check("forgot: an unknown email gets the same answer, and no link",
      r2.status == r1.status and r2.text == r1.text and read_out(sec, 0.5) == "")
r = request(sec, "POST", "/password/forgot", form({"email": "alice@provider.example"}), ctype=FORM,
            cookies={"rd_csrf": SCSRF})
check("forgot: without CSRF 403, nothing sent", r.status == 403 and read_out(sec, 0.3) == "", r.status)
a_old, _ = cookie_from(login("alice@provider.example", STRONG["alice@provider.example"], addr="10.9.0.1"), "rd_session")
check("alice is locked out of password sign-in", a_old is None)
a_old, _ = cookie_from(request(sec, "GET", cli("user", "login-link", "alice@provider.example", "--base-url", "http://x")
                                      .stdout.strip()[len("http://x"):]), "rd_session")
PL = m.group(1) if m else "/password/none"
r = request(sec, "GET", PL)
check("link page: the form for alice", r.status == 200 and "alice@provider.example" in r.text and
      'name="password2"' in r.text and 'href="/static/app.css"' in r.text, (r.status, r.text[:300]))
GC, _ = cookie_from(r, "rd_csrf")
GC = GC or SCSRF


def set_pw(path, pw, pw2=None):
    return request(sec, "POST", path, form({"password": pw, "password2": pw if pw2 is None else pw2, "csrf": GC}),
                   ctype=FORM, cookies={"rd_csrf": GC})


r = set_pw(PL, "Ocean-Lamp-Thistle-25", "Ocean-Lamp-Thistle-26")
check("two different passwords: 422 with the reason next to the field", r.status == 422 and
      'id="password-error"' in r.text and "not the same" in r.text, r.status)
r = set_pw(PL, "password")
check("a dictionary word: 422 naming the problem", r.status == 422 and "dictionary word" in r.text, r.status)
r = set_pw(PL, "alice@provider.example")
check("the email itself: 422", r.status == 422 and "user name" in r.text, r.status)
r = set_pw(PL, "Ocean-Lamp-Thistle-25")
ns, _ = cookie_from(r, "rd_session")
check("a strong password: signed in", r.status == 303 and r.header("Location") == "/" and ns, r.status)
check("the new session works", (request(sec, "GET", "/api/me", cookies={"rd_session": ns}).json() or {})
      .get("email") == "alice@provider.example")
check("the user's other sessions ended", is_problem(request(sec, "GET", "/api/me", cookies={"rd_session": a_old}), 401))
check("after the reset alice signs in with the new password, though her account was locked",
      login("alice@provider.example", "Ocean-Lamp-Thistle-25", addr="10.9.0.2").status == 303)
r = request(sec, "GET", PL)
check("a used link: friendly page in the layout with a way forward", r.status == 404 and
      'href="/static/app.css"' in r.text and 'href="/password/forgot"' in r.text, r.status)
r = set_pw(PL, "Another-Strong-Phrase-99")
check("a used link cannot set a password", r.status == 404 and not cookie_from(r, "rd_session")[0], r.status)
r = request(sec, "GET", "/password/rdr_" + "0" * 64)
check("an unknown link: the same friendly page", r.status == 404 and "Send me a new link" in r.text, r.status)
old = subprocess.run([BIN, "--db", DB, "user", "password-link", "bob@provider.example", "--base-url", "http://x"],
                     capture_output=True, text=True, env=dict(ENV, REDRESS_NOW="2026-11-22T10:00:00Z"))
r = request(sec, "GET", old.stdout.strip()[len("http://x"):])
check("an expired link: the friendly page", old.returncode == 0 and r.status == 404 and "Send me a new link" in r.text,
      (old.stderr, r.status))
link = cli("user", "password-link", "bob@provider.example", "--base-url", "http://x").stdout.strip()
check("CLI prints a password link", re.fullmatch(r"http://x/password/rdr_[0-9a-f]{64}", link), link)
r = set_pw(link[len("http://x"):], "Granite-Puffin-Lilac-64")
check("the CLI's link sets bob's password", r.status == 303 and
      login("bob@provider.example", "Granite-Puffin-Lilac-64", addr="10.9.1.1").status == 303, r.status)
check("bob's old password no longer works",
      login("bob@provider.example", STRONG["bob@provider.example"], addr="10.9.1.2").status == 401)
r = cli("user", "password-link", "nobody@provider.example", check_rc=False)
check("CLI password-link for an unknown user: exit 2 naming it", r.returncode == 2 and "nobody@provider.example"
      in r.stderr, r.stderr)
r = request(sec, "POST", "/api/users", {"email": "weak@provider.example", "name": "Weak", "role": "agent",
                                         "password": "aaaaaaaa"}, token=TOK["admin"])
check("API: a weak password is refused with the reason", is_problem(r, 422) and
      "palindrome" in r.json().get("detail", ""), r.text)
# Requests libmicrohttpd refuses itself (a header line without a colon, a
# connection dropped mid-headers) must not count as in flight: the stop
# would wait 30 s for them.
raw_request(sec.port, b"GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n")
s_ = socket.create_connection(("127.0.0.1", sec.port))
s_.sendall(b"GET /x HTTP/1.1\r\nHost: x\r\n")  # headers never finish
time.sleep(0.2)
r = request(sec, "GET", "/metrics")
check("a request still sending its headers is not in flight",
      "redress_http_requests_in_flight 1\n" in r.text, re.findall(r"in_flight \d+", r.text))
# The writes above went through the group commit: counted, never more
# commits than writes. PostgreSQL has no group commit (each write commits on
# its own handle): there the figures are absent, not zero
# (docs/internals/server.md).
wc_ = dict(re.findall(r"^redress_write_(commits|members)_total (\d+)$", r.text, re.M))
if PG:
    check("/metrics on PostgreSQL: no group commit figures", wc_ == {} and
          "redress_write_commits_total" not in r.text, wc_)
else:
    check("/metrics counts the write path's commits and the writes they carried",
          int(wc_.get("members", 0)) >= int(wc_.get("commits", 0)) >= 1, wc_)
t0 = time.monotonic()
sec.stop()
s_.close()
check("refused or unfinished requests do not hold up a graceful stop", time.monotonic() - t0 < 10,
      time.monotonic() - t0)
with open(sec.log) as f:
    acc = f.read()
check("password-link tokens never reach the access log", not re.search("rdr_[0-9a-f]{8}", acc) and
      "/password/rdr_[redacted]" in acc)


print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
