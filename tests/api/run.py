#!/usr/bin/python3
"""End-to-end tests of the HTTP API, authentication and the portal's
isolation, against the real binary on 127.0.0.1 with an ephemeral port.

usage: tests/api/run.py [PATH/TO/redress]   (default: build/redress, or $REDRESS_BIN)

Loads the demo data set into a temporary database, creates one API token per
role, starts `redress serve --listen 127.0.0.1:0` and talks HTTP to it with
the standard library only. Ends with the line `N passed, N failed` and exits
non-zero on any failure.
"""
import atexit
import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

NOW = "2026-11-22T12:00:00Z"
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BIN = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else
                      os.environ.get("REDRESS_BIN", os.path.join(ROOT, "build", "redress")))

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
DB = os.path.join(TMP, "t.db")
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
        line = self.proc.stdout.readline()
        m = re.match(r"listening on http://127\.0\.0\.1:(\d+)", line)
        if not m:
            raise SystemExit(f"server did not start: {line!r}")
        self.port = int(m.group(1))
        self.extra_out = []

    def readline(self):
        return self.proc.stdout.readline()

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
r = request(srv, "GET", "/api/agenda?at=2026-11-22T12:00:00Z", token=TOK["viewer"])
check("agenda", r.status in (200, 501), r.text[:200])
r = request(srv, "GET", "/api/agenda?at=yesterday", token=TOK["viewer"])
check("agenda bad ?at: 400", is_problem(r, 400) or r.status == 501, r.text[:200])
r = request(srv, "GET", "/api/me", token=TOK["agent"])
check("me", r.status == 200 and r.json()["email"] == "sam@provider.example" and r.json()["role"] == "agent")

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

r = request(srv, "POST", "/api/goodwill", {"failure": fid, "client": "Zenith Labs", "kind": "credit",
                                           "amount": "500", "currency": "EUR"}, token=TOK["agent"])
check("goodwill propose", r.status == 201 and r.json()["status"] == "proposed", r.text)
gid = r.json().get("id")

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
check("viewer reads the audit log", r.status == 200, r.text[:100])
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
bad("deep nesting", "[" * 5000 + "]" * 5000, 400)

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
check("invalid UTF-8 in path: 4xx", 400 <= r.status < 500, r.status)
r = request(srv, "GET", "/api/clients?tier=%FF", token=TOK["viewer"])
check("invalid UTF-8 in query: 400", r.status == 400, r.status)

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
check("portal session never reaches staff pages", r.status in (303, 401) and "Northwind" not in r.text, r.status)
r = request(srv, "GET", "/clients/4", cookies={"rd_session": pc, "rd_portal": pc})
check("portal session: staff client page refused", r.status in (303, 401), r.status)
routes = cli("serve", "--print-routes").stdout
portal_get = [l.split()[1] for l in routes.splitlines() if l.split()[0] == "GET" and l.split()[2] == "portal"]
if portal_get:
    r = request(srv, "GET", "/portal/", cookies={"rd_portal": pc})
    check("portal home with the cookie", r.status == 200, r.status)
    # internal notes never shown: every internal communication's summary
    internal = [c for c in json.loads(cli("comm", "list", "--json").stdout)
                if c.get("visibility") == "internal" and c.get("summary")]
    failures = json.loads(cli("failure", "list", "--json").stdout)
    impacts = json.loads(cli("impact", "list", "--json").stdout)
    mine = {i["failure_id"] for i in impacts if i["client_id"] == 1}
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

# ---- long checks, the write lock, a busy database ---------------------------------

import sqlite3
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
# /api/check takes 8 MiB; everything else keeps the 1 MiB default
big = long_text(3 * 1024 * 1024)
r = request(srv, "POST", "/api/check", {"text": big, "kind": "other"}, token=TOK["viewer"])
j = r.json() or {}
check("check a 3 MB one-line message: 200", r.status == 200 and
      sum(1 for f in j.get("findings", []) if f["rule"] == "apology.conditional") == len(big) // len(LONG_UNIT) + 1,
      r.text[:200])
r = request(srv, "POST", "/api/check", {"text": long_text(9 * 1024 * 1024)}, token=TOK["viewer"])
check("check body over 8 MiB: 413", is_problem(r, 413, "payload-too-large") and "8388608" in r.text, r.text[:200])
r = request(srv, "POST", "/api/near_misses", {"title": "x", "description": long_text(2 * 1024 * 1024)},
            token=TOK["agent"])
check("2 MB body elsewhere: still 413", is_problem(r, 413, "payload-too-large"), r.text[:200])

# A read-only POST does not take the write lock: a write sent while a long
# check is in its handler finishes before the check's answer starts (its
# status line comes when the handler ends) - ordering, not a time limit.
# With the lock the write would wait for the handler and come second.
done = []
conn = http.client.HTTPConnection("127.0.0.1", srv.port, timeout=300)
conn.request("POST", "/api/check", body=json.dumps({"text": long_text(4 * 1024 * 1024), "kind": "other"}).encode(),
             headers={"Authorization": "Bearer " + TOK["viewer"], "Content-Type": "application/json"})


def long_check():
    rr = conn.getresponse()   # returns at the status line: the handler is done
    done.append(("check", rr.status))
    rr.read()


t = threading.Thread(target=long_check)
t.start()
time.sleep(1.0)   # the body is in and the handler (check, then ~50 MB of JSON) is running
r = request(srv, "POST", "/api/near_misses", {"title": "written during a long check"}, token=TOK["agent"])
done.append(("write", r.status))
t.join()
conn.close()
check("a write during a long check is not queued behind it", done == [("write", 201), ("check", 200)], done)

# A database locked by another program: writes answer 503 busy with
# Retry-After (problem+json) once the busy timeout passes, change nothing,
# and reads (and checks) are still served meanwhile.
busy_srv = Server(extra=("--busy-timeout", "200"))
holder = sqlite3.connect(DB, isolation_level=None, timeout=10)
holder.execute("BEGIN IMMEDIATE")
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
    holder.execute("ROLLBACK")
    holder.close()
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
db2 = os.path.join(TMP, "empty.db")
srv3 = Server(db=db2, extra=("--first-admin", "boss@provider.example"))
line = srv3.readline() + srv3.readline()
m = re.search(r"(/login/link/rdl_[0-9a-f]{64})", line)
check("first admin: one-time link printed", m, line)
if m:
    r = request(srv3, "GET", m.group(1))
    s3, _ = cookie_from(r, "rd_session")
    me = request(srv3, "GET", "/api/me", cookies={"rd_session": s3}).json() or {}
    check("first admin logs in as admin", me.get("role") == "admin" and me.get("email") == "boss@provider.example", me)
srv3.stop()
srv4 = Server(db=db2, extra=("--first-admin", "boss@provider.example"))
time.sleep(0.3)
srv4.stop()
check("first admin not created twice", "login/link" not in srv4.proc.stdout.read())

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
