#!/usr/bin/python3
"""Alerts in, calendars out, with the real parts: Debian's Prometheus
Alertmanager sends to `redress serve` on 127.0.0.1 with the configuration
of docs/intake.md (tests/intake/alertmanager.yml). Alerts posted to
Alertmanager's /api/v2/alerts (with and without endsAt) open one draft
failure with the policy's service and severity; a second alert in the
group joins it; resolving proposes resolution and resolves nothing; a bad
token is refused by redress and changes nothing. Then calendar feeds,
parsed with python3-icalendar, hold the events of `redress calendar` for
the same owner and client, and a revoked feed is 404.

usage: tests/intake/run.py [PATH/TO/redress]   (default: build/redress)
Ends with `intake: N passed, N failed`; exits non-zero on any failure.
"""
import atexit
import datetime
import http.client
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time

import icalendar

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BIN = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build", "redress"))
AM = shutil.which("prometheus-alertmanager") or "/usr/bin/prometheus-alertmanager"
TMP = tempfile.mkdtemp(prefix="redress-intake-")
sys.path.insert(0, os.path.join(ROOT, "tests", "pg"))
import pgserver  # noqa: E402  (tests/pg/pgserver.py)
PG = pgserver.admin_url() is not None
# With REDRESS_TEST_PG (tests/pg/pgserver.py), a fresh PostgreSQL database instead.
DB = pgserver.fresh_db("rd_intake") if PG else os.path.join(TMP, "i.db")
ENV = dict(os.environ, REDRESS_DB=DB)
for k in ("REDRESS_USER", "REDRESS_NOW"):
    ENV.pop(k, None)  # Alertmanager runs on the real clock: so does redress here
passed = failed = 0
PROCS = []


def check(name, cond, info=""):
    global passed, failed
    if cond:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {name} {info}".rstrip())


@atexit.register
def _cleanup():
    for p in PROCS:
        if p.poll() is None:
            p.terminate()
            try:
                p.wait(10)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
    shutil.rmtree(TMP, ignore_errors=True)


def cli(*args, check_rc=True):
    p = subprocess.run([BIN, "--db", DB, *args], capture_output=True, env=ENV, timeout=60)
    if check_rc and p.returncode != 0:
        raise SystemExit(f"redress {' '.join(args)} failed ({p.returncode}): {p.stderr.decode()}")
    return p


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def req(port, method, path, body=None, headers=None):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    h = dict(headers or {})
    if body is not None and not isinstance(body, bytes):
        body = json.dumps(body).encode()
        h.setdefault("Content-Type", "application/json")
    c.request(method, path, body=body, headers=h)
    r = c.getresponse()
    data = r.read()
    out = (r.status, {k.lower(): v for k, v in r.getheaders()}, data)
    c.close()
    return out


def wait_for(what, fn, timeout=40):
    """Polls FN until it returns something true; returns it, or None after TIMEOUT seconds."""
    end = time.time() + timeout
    while time.time() < end:
        v = fn()
        if v:
            return v
        time.sleep(0.3)
    print(f"(timed out waiting for {what})")
    return None


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S.000Z")


# ---- redress with the demo data and a token for Alertmanager --------------------

cli("demo")
cli("user", "add", "alertmanager@provider.example", "--role", "agent", "--name", "Alertmanager", "--no-password")
token = cli("token", "create", "alertmanager@provider.example", "--label", "alertmanager").stdout.decode().strip()
viewer = cli("token", "create", "victor@provider.example").stdout.decode().strip()
reader = cli("token", "create", "sam@provider.example").stdout.decode().strip()
srv = subprocess.Popen([BIN, "--db", DB, "serve", "--listen", "127.0.0.1:0", "--access-log", "off"],
                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=ENV)
PROCS.append(srv)
m = re.match(r"listening on (http://127\.0\.0\.1:(\d+))", srv.stdout.readline())
if not m:
    raise SystemExit("redress serve did not start")
base, rport = m.group(1), int(m.group(2))


def failures():
    st, _, body = req(rport, "GET", "/api/failures?limit=100", headers={"Authorization": "Bearer " + reader})
    return json.loads(body)["items"] if st == 200 else []


def intake_of(fid):
    st, _, body = req(rport, "GET", f"/api/failures/{fid}/intake", headers={"Authorization": "Bearer " + reader})
    return json.loads(body) if st == 200 else {}


n_before = len(failures())

# ---- Alertmanager, configured as docs/intake.md says ----------------------------

template = open(os.path.join(HERE, "alertmanager.yml"), encoding="utf-8").read()
doc = open(os.path.join(ROOT, "docs", "intake.md"), encoding="utf-8").read()
check("docs/intake.md shows the configuration this test uses", template in doc)
amport = free_port()
cfg = os.path.join(TMP, "alertmanager.yml")
with open(cfg, "w", encoding="utf-8") as f:
    f.write(template.replace("@URL@", base).replace("@TOKEN@", token))
am = subprocess.Popen([AM, f"--config.file={cfg}", f"--storage.path={os.path.join(TMP, 'am')}",
                       f"--web.listen-address=127.0.0.1:{amport}", "--cluster.listen-address=",
                       "--log.level=warn"], stdout=subprocess.DEVNULL, stderr=open(os.path.join(TMP, "am.log"), "w"))
PROCS.append(am)


def am_ready():
    try:
        return req(amport, "GET", "/-/ready")[0] == 200
    except OSError:
        return False


if not wait_for("alertmanager to start", am_ready, 30):
    print(open(os.path.join(TMP, "am.log")).read()[-2000:])
    raise SystemExit("prometheus-alertmanager did not start")

now = datetime.datetime.now(datetime.timezone.utc)
alert_a = {"labels": {"alertname": "PaymentsErrors", "service": "Payments API", "severity": "critical",
                      "instance": "pay-1"},
           "annotations": {"summary": "Payments API: 7% of card authorisations fail"},
           "startsAt": iso(now - datetime.timedelta(minutes=2)),
           "endsAt": iso(now + datetime.timedelta(minutes=30))}
t_first = time.monotonic()
st, _, body = req(amport, "POST", "/api/v2/alerts", [alert_a])
check("alertmanager accepts the first alert", st == 200, f"{st} {body[:200]}")


def new_failure():
    fs = [f for f in failures() if f["title"].startswith("Payments API: 7%")]
    return fs[0] if fs else None


f = wait_for("the draft failure", new_failure)
print(f"(first alert posted -> draft failure in redress: {time.monotonic() - t_first:.1f} s; "
      "it started 2 minutes ago, so Alertmanager does not wait group_wait)")
check("a firing group opens a failure", f is not None)
f = f or {}
fid = f.get("id")
check("the failure is a draft", f.get("draft") is True and f.get("status") == "open", str(f)[:200])
check("severity from the severity label (critical -> 1)", f.get("severity") == 1, f.get("severity"))


def agenda_has(fid, days):
    at = iso(datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=days))
    return any(r.get("failure_id") == fid for r in json.loads(cli("agenda", "--json", "--at", at).stdout))


check("a draft has no clock: nothing of it on the agenda two days on", not agenda_has(fid, 2))
impacts = json.loads(cli("impact", "list", "--failure", str(fid), "--json").stdout)
users = {c["id"] for c in json.loads(cli("client", "list", "--json").stdout) if "Payments API" in
         json.loads(cli("client", "show", str(c["id"]), "--json").stdout).get("services", [])}
check("the service's clients are proposed as suspected", impacts and
      {i["client_id"] for i in impacts} == users and all(i["affected"] == "suspected" for i in impacts),
      f"{impacts} vs {users}")

# A second alert in the group, posted without endsAt: Alertmanager gives it
# resolve_timeout (5s) and then resolves it on its own.
alert_b = {"labels": {"alertname": "PaymentsErrors", "service": "Data Sync", "severity": "warning",
                      "instance": "sync-1"},
           "annotations": {"summary": "Data Sync retries card captures"},
           "startsAt": iso(datetime.datetime.now(datetime.timezone.utc))}
st, _, body = req(amport, "POST", "/api/v2/alerts", [alert_b])
check("alertmanager accepts the second alert (no endsAt)", st == 200, f"{st} {body[:200]}")
got = wait_for("the second alert on the failure", lambda: len(intake_of(fid).get("alerts", [])) == 2)
check("the second alert joins the same failure", got)
check("no second failure for the group", len(failures()) == n_before + 1)
show = json.loads(cli("failure", "show", str(fid), "--json").stdout)
check("its service is linked", sorted(show.get("services", [])) == ["Data Sync", "Payments API"], show.get("services"))
check("still a draft, still severity 1 (warning does not lower it)", show.get("draft") is True and
      show.get("severity") == 1, (show.get("draft"), show.get("severity")))

# Resolve the first alert (endsAt in the past); the second times out.
alert_a["endsAt"] = iso(datetime.datetime.now(datetime.timezone.utc))
t_resolve = time.monotonic()
st, _, body = req(amport, "POST", "/api/v2/alerts", [alert_a])
check("alertmanager accepts the resolution", st == 200, f"{st} {body[:200]}")
props = wait_for("the resolution proposal", lambda: intake_of(fid).get("resolution_proposals"))
print(f"(first alert resolved -> resolution proposed: {time.monotonic() - t_resolve:.1f} s; "
      "the second alert resolves itself after resolve_timeout 5s)")
check("a resolved group proposes resolution", props and props[0]["status"] == "open" and
      f"redress failure resolve {fid}" in props[0]["note"], props)
al = intake_of(fid).get("alerts", [])
check("both alerts recorded resolved, with their end", len(al) == 2 and all(a["status"] == "resolved" and
      a["ends_at"] for a in al), al)
show = json.loads(cli("failure", "show", str(fid), "--json").stdout)
check("the failure is not resolved by the alerts", show.get("status") == "open" and show.get("resolved_at") is None)
check("the proposal shows on the failure", [p["id"] for p in show.get("resolution_proposals", [])] ==
      [p["id"] for p in props or []])

# A bad token, straight to redress: 401 and nothing changes.
payload = {"version": "4", "receiver": "redress", "status": "firing", "groupKey": "{}:{alertname=\"X\"}",
           "alerts": [{"status": "firing", "labels": {"alertname": "X"}, "startsAt": iso(now),
                       "fingerprint": "0123456789abcdef"}]}
n = len(failures())
for name, tok in [("unknown token", "rdt_" + "2" * 64), ("revoked-looking garbage", "xyz"),
                  ("viewer's token", viewer)]:
    st, _, body = req(rport, "POST", "/api/intake/alertmanager", payload, headers={"Authorization": "Bearer " + tok})
    check(f"{name}: refused", st in (401, 403) and json.loads(body).get("type", "").startswith("/problems/"),
          f"{st} {body[:200]}")
check("refused notifications opened nothing", len(failures()) == n)

# Confirming starts the clock.
p = cli("failure", "confirm", str(fid), "--as", "maria@provider.example", "--json")
conf = json.loads(p.stdout)
check("confirm: no longer a draft", conf.get("draft") is False and conf.get("confirmed_at"), conf)
check("confirm: its obligations are on the agenda two days on", agenda_has(fid, 2))

am.terminate()
am.wait(15)

# ---- calendar feeds, parsed with python3-icalendar ------------------------------


def events(ics_bytes):
    cal = icalendar.Calendar.from_ical(ics_bytes)
    return sorted((str(e["UID"]), e.decoded("DTSTART").isoformat(), str(e["SUMMARY"]))
                  for e in cal.walk("VEVENT"))


for who in (["--owner", "sam@provider.example"], ["--client", "Northwind Logistics"]):
    url = cli("calendar", "feed", "add", *who, "--base-url", base).stdout.decode().strip()
    st, h, body = req(rport, "GET", url[len(base):])
    want = events(cli("calendar", *who).stdout)
    check(f"feed {who[1]}: 200 text/calendar", st == 200 and h.get("content-type") == "text/calendar; charset=utf-8",
          st)
    check(f"feed {who[1]}: the events of `redress calendar {' '.join(who)}`", want and events(body) == want,
          f"{len(events(body)) if st == 200 else st} vs {len(want)}")
    fid_ = json.loads(cli("calendar", "feed", "list", "--json").stdout)[-1]["id"]
    cli("calendar", "feed", "revoke", str(fid_))
    st, h, body = req(rport, "GET", url[len(base):])
    check(f"feed {who[1]} revoked: 404", st == 404 and b"BEGIN:VCALENDAR" not in body, st)

srv.terminate()
srv.wait(15)
print(f"intake: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
