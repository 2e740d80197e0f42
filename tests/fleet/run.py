#!/usr/bin/python3
"""Several `redress serve` on one PostgreSQL, behind nginx (issue 9 §3).

usage: tests/fleet/run.py [PATH/TO/redress]   (default: build/redress)

Starts a throwaway PostgreSQL 15 (tests/pg/pgserver.py), three `redress
serve` on free 127.0.0.1 ports and nginx (tests/fleet/nginx.conf.in, in a
temporary directory) in front of them, then checks, through the balancer and
each process directly:
  - sign in on one process, continue on the others (session and CSRF);
  - no process answers from a stale cache after another writer commits;
  - one process SIGKILLed under write load: the others carry on;
  - PostgreSQL restarted in immediate mode under load: the survivors answer
    503 problem+json meanwhile (never hang), then recover by themselves;
  - every write that got a 2xx is in the database afterwards;
  - concurrent escalation sweeps store each escalation once and count it once.
Bounded in count and time; everything stops at the end. Ends with the line
`N passed, N failed`; exits non-zero on any failure.
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
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BIN = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build", "redress"))
sys.path.insert(0, os.path.join(ROOT, "tests", "pg"))
import pgserver  # noqa: E402

NOW = "2026-11-22T12:00:00Z"
NGINX = "/usr/sbin/nginx"
passed = failed = 0


def check(name, cond, info=""):
    global passed, failed
    if cond:
        passed += 1
        print(f"ok   {name}")
    else:
        failed += 1
        print(f"FAIL {name} {info}".rstrip())


def finish():
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


TMP = tempfile.mkdtemp(prefix="redress-fleet-")
os.chmod(TMP, 0o755)
PROCS = []
PG = pgserver.PgServer()


@atexit.register
def _cleanup():
    for p in PROCS:
        if p.poll() is None:
            p.kill()
            p.wait()
    if os.path.exists(os.path.join(TMP, "nginx.pid")):
        subprocess.run([NGINX, "-p", TMP, "-c", os.path.join(TMP, "nginx.conf"), "-s", "stop"],
                       stderr=subprocess.DEVNULL)
    PG.stop()
    shutil.rmtree(TMP, ignore_errors=True)


# ---- docs/deploy.md shows what this test runs --------------------------------
DOC = open(os.path.join(ROOT, "docs", "deploy.md")).read()
check("docs/deploy.md shows tests/fleet/nginx.conf.in as it is",
      "```nginx\n" + open(os.path.join(HERE, "nginx.conf.in")).read() + "```" in DOC)
m = re.search(r"```ini\n(# /etc/systemd/system/redress@\.service\n.*?)```", DOC, re.S)
check("docs/deploy.md has the systemd unit", m)
if m:
    # systemd-analyze checks every directive; the binary and the
    # environment file are this machine's
    unit = m.group(1).replace("/usr/local/bin/redress", BIN).replace("EnvironmentFile=/etc/redress/env",
                                                                        "EnvironmentFile=-/etc/redress/env")
    os.mkdir(os.path.join(TMP, "units"))
    with open(os.path.join(TMP, "units", "redress@.service"), "w") as f:
        f.write(unit)
    os.symlink("redress@.service", os.path.join(TMP, "units", "redress@8081.service"))
    p = subprocess.run(["systemd-analyze", "verify", os.path.join(TMP, "units", "redress@8081.service")],
                       capture_output=True, text=True)
    check("the unit passes systemd-analyze verify", p.returncode == 0 and not p.stderr.strip(),
          p.stdout + p.stderr)

if not os.access(NGINX, os.X_OK):
    check("nginx is installed (scripts/install-deps test_pkgs)", False)
    finish()
try:
    PG.start()
except subprocess.CalledProcessError as e:
    check("PostgreSQL starts", False, (e.stderr or b"").decode(errors="replace"))
    finish()
ADMIN = PG.url()
pgserver.psql(ADMIN, "CREATE DATABASE fleet")
DB = PG.url("fleet")
ENV = dict(os.environ, REDRESS_NOW=NOW, REDRESS_DB=DB)
ENV.pop("REDRESS_USER", None)


def cli(*args):
    p = subprocess.run([BIN, "--db", DB, *args], capture_output=True, text=True, env=ENV, timeout=120)
    if p.returncode != 0:
        raise SystemExit(f"redress {' '.join(args)} failed ({p.returncode}): {p.stderr}")
    return p.stdout


def sql(q):
    return pgserver.psql(DB, q).strip()


cli("init")
cli("demo", "--at", NOW)
TOKEN = cli("token", "create", "ada@provider.example", "--label", "fleet").strip()


def serve():
    log = os.path.join(TMP, "serve-%d.log" % len(PROCS))
    p = subprocess.Popen([BIN, "--db", DB, "serve", "--listen", "127.0.0.1:0", "--threads", "4",
                          "--trusted-proxy", "127.0.0.1", "--access-log", "off"],
                         stdout=subprocess.PIPE, stderr=open(log, "w"), text=True, env=ENV)
    PROCS.append(p)
    line = p.stdout.readline()
    m = re.match(r"listening on http://127\.0\.0\.1:(\d+)", line)
    if not m:
        raise SystemExit(f"serve did not start: {line!r}")
    threading.Thread(target=p.stdout.read, daemon=True).start()
    return p, int(m.group(1))


servers = [serve() for _ in range(3)]
ports = [port for _, port in servers]
LB = free_port()
conf = open(os.path.join(HERE, "nginx.conf.in")).read()
for k, v in {"DIR": TMP, "LISTEN": LB, "PORT1": ports[0], "PORT2": ports[1], "PORT3": ports[2]}.items():
    conf = conf.replace("@%s@" % k, str(v))
for d in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
    os.mkdir(os.path.join(TMP, d))
    os.chmod(os.path.join(TMP, d), 0o777)  # nginx's workers drop to `nobody` under root
with open(os.path.join(TMP, "nginx.conf"), "w") as f:
    f.write(conf)
p = subprocess.run([NGINX, "-p", TMP, "-c", os.path.join(TMP, "nginx.conf")], capture_output=True, text=True)
check("nginx starts with tests/fleet/nginx.conf.in", p.returncode == 0, p.stderr)
if p.returncode:
    finish()


class Resp:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body

    def json(self):
        try:
            return json.loads(self.body)
        except ValueError:
            return None

    def header(self, name):
        for k, v in self.headers:
            if k.lower() == name.lower():
                return v
        return None


def request(port, method, path, body=None, token=None, cookies=None, headers=None, timeout=10):
    """One request on its own connection; a hang is a TimeoutError."""
    h = dict(headers or {})
    if token:
        h["Authorization"] = "Bearer " + token
    if cookies:
        h["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        h["Content-Type"] = "application/json"
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        c.request(method, path, body=data, headers=h)
        r = c.getresponse()
        return Resp(r.status, r.getheaders(), r.read().decode(errors="replace"))
    finally:
        c.close()


# ---- one session across the three processes ----------------------------------
link = cli("user", "login-link", "ada@provider.example").strip()
path = link[link.index("/login/link/"):]
r = request(LB, "GET", path)
m = re.search(r"rd_session=([^;]+)", r.header("Set-Cookie") or "")
check("login link through the balancer opens a session", r.status == 303 and m, f"{r.status} {r.headers}")
sess = {"rd_session": m.group(1) if m else ""}
seen_me, seen_post, csrf = set(), set(), None
for i in range(6):
    r = request(LB, "GET", "/api/me", cookies=sess)
    if r.status == 200:
        seen_me.add(r.header("X-Upstream"))
        csrf = (r.json() or {}).get("csrf_token") or csrf
check("the session is valid on every process (round robin)", len(seen_me) == 3, str(seen_me))
r = request(LB, "POST", "/api/clients", {"name": "Fleet Co", "tier": "key", "services": ["API"]}, cookies=sess)
check("a cookie write without the CSRF header is refused", r.status == 403, f"{r.status} {r.body[:200]}")
ok = True
for i in range(6):
    name = "Fleet Co" if i == 0 else f"Fleet Co {i}"
    r = request(LB, "POST", "/api/clients", {"name": name, "tier": "key", "services": ["API"]}, cookies=sess,
                headers={"X-CSRF-Token": csrf or ""})
    ok = ok and r.status == 201
    seen_post.add(r.header("X-Upstream"))
    if i == 0:
        cid = (r.json() or {}).get("id")
check("the session's CSRF token is accepted by every process", ok and len(seen_post) == 3,
      f"{seen_post} last {r.status} {r.body[:200]}")
r = request(LB, "POST", "/api/failures", {"title": "Fleet outage", "severity": 2,
                                          "detected_at": "2026-11-22T10:00:00Z", "clients": ["Fleet Co"]},
            token=TOKEN)
check("open a failure through the balancer", r.status == 201, r.body[:200])
fid = (r.json() or {}).get("id")

# ---- the response cache across processes -------------------------------------
# Another writer (here psql) takes its audit id first and commits last, while
# a redress write with a later id commits in between: a cache keyed on
# max(audit_log.id) would keep the old name on every process for good.
holder = subprocess.Popen(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", DB], stdin=subprocess.PIPE,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
holder.stdin.write("BEGIN;\nINSERT INTO audit_log (at, actor, entity, entity_id, action) "
                   f"VALUES (0, 'psql', 'client', {cid}, 'rename');\n"
                   f"UPDATE clients SET name = 'Fleet Renamed' WHERE id = {cid};\n\\echo held\n")
holder.stdin.flush()
held = holder.stdout.readline().strip() == "held"
r = request(ports[0], "POST", "/api/clients", {"name": "Fleet Probe", "tier": "key", "services": ["API"]},
            token=TOKEN)
check("a redress write commits while another writer holds an earlier audit id", held and r.status == 201,
      f"{held} {r.status} {r.body[:200]}")
names = [(request(p, "GET", f"/api/clients/{cid}", token=TOKEN).json() or {}).get("name") for p in ports]
holder.stdin.write("COMMIT;\n\\q\n")
holder.stdin.flush()
holder.wait(timeout=30)
after = [(request(p, "GET", f"/api/clients/{cid}", token=TOKEN).json() or {}).get("name") for p in ports]
check("before the other writer commits, every process shows the old name", names == ["Fleet Co"] * 3, names)
check("after it commits, no process answers from a stale cache", after == ["Fleet Renamed"] * 3, after)

# ---- load, a SIGKILL, a PostgreSQL restart -----------------------------------
acked = []           # ids of communications that got a 2xx
statuses = {}        # status -> count, through the balancer
bad = []             # answers that are neither 2xx, 502/503 nor a clean problem
lock = threading.Lock()
stop = threading.Event()


def writer(n):
    i = 0
    while not stop.is_set() and i < 400:
        i += 1
        try:
            r = request(LB, "POST", "/api/communications",
                        {"failure": fid, "client": "Fleet Renamed", "kind": "apology", "channel": "call",
                         "summary": f"load {n}-{i}"}, token=TOKEN, timeout=15)
        except (OSError, http.client.HTTPException) as e:
            with lock:
                bad.append(f"writer {n}: {e!r}")
            continue
        with lock:
            statuses[r.status] = statuses.get(r.status, 0) + 1
            if 200 <= r.status < 300:
                acked.append((r.json() or {}).get("id"))
            elif r.status not in (502, 503):
                bad.append(f"{r.status} {r.body[:160]}")
        time.sleep(0.01)


def reader():
    while not stop.is_set():
        try:
            request(LB, "GET", "/api/agenda", token=TOKEN, timeout=15)  # sweeps escalations too
        except (OSError, http.client.HTTPException):
            pass
        time.sleep(0.05)


threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)] + [threading.Thread(target=reader)]
for t in threads:
    t.start()
time.sleep(2)
servers[2][0].send_signal(signal.SIGKILL)
servers[2][0].wait()
time.sleep(2)
with lock:
    n_before_pg = len(acked)
survivors = ports[:2]
# PostgreSQL restarts in immediate mode (as after a crash: recovery from the
# WAL) while the load goes on and each survivor is asked directly in a tight
# loop: it must answer at once — 503 problem+json while it cannot reach the
# database — and 2xx again, by itself, within 20 s of the restart.
restart_s = []
t0 = time.monotonic()
restarter = threading.Thread(target=lambda: (PG.restart("immediate"),
                                             restart_s.append(time.monotonic() - t0)))
restarter.start()
outage = []
recovered = {}
deadline = t0 + 20
while time.monotonic() < deadline and (len(recovered) < 2 or restarter.is_alive()):
    for port in survivors:
        t1 = time.monotonic()
        try:
            r = request(port, "POST", "/api/communications",
                        {"failure": fid, "client": "Fleet Renamed", "kind": "apology", "channel": "call",
                         "summary": "probe"}, token=TOKEN, timeout=10)
        except (OSError, http.client.HTTPException) as e:
            outage.append(("hang-or-error", repr(e), time.monotonic() - t1))
            recovered.pop(port, None)
            continue
        if 200 <= r.status < 300:
            recovered.setdefault(port, time.monotonic() - t0)
            with lock:
                acked.append((r.json() or {}).get("id"))
        else:
            outage.append((r.status, r.header("Content-Type"), time.monotonic() - t1))
            recovered.pop(port, None)
    time.sleep(0.02)
restarter.join(timeout=60)
time.sleep(1)
stop.set()
for t in threads:
    t.join(timeout=60)
print(f"  statuses through the balancer: {dict(sorted(statuses.items()))}; acked {len(acked)} "
      f"({n_before_pg} before the PostgreSQL restart, which took {restart_s[0] if restart_s else -1:.1f} s); "
      f"recovered after {', '.join('%.1f s' % v for v in recovered.values())}; {len(outage)} outage answers")
check("the writes under load got 2xx through the balancer", n_before_pg > 20, str(statuses))
check("the surviving processes reconnect by themselves within 20 s", len(recovered) == 2, str(outage[-5:]))
check("the survivors were asked while PostgreSQL was down", len(outage) > 0, "no outage answer seen")
check("during the outage: 503 application/problem+json, each within 5 s, never a hang",
      all(s == 503 and ct == "application/problem+json" and dt < 5 for s, ct, dt in outage), str(outage[:5]))
check("no answer other than 2xx, 502 (the killed process) or 503 through the balancer", not bad, str(bad[:5]))
r = request(LB, "GET", "/api/agenda", token=TOKEN)
check("the balancer serves again after both kills", r.status == 200, r.body[:200])

# ---- nothing acknowledged is lost --------------------------------------------
ids = set(int(x) for x in sql("SELECT id FROM communications").split())
missing = [i for i in acked if i not in ids]
check("every write that got a 2xx is in the database", acked and not missing,
      f"{len(missing)} of {len(acked)} missing: {missing[:10]}")

# ---- the escalation sweep, run by several processes at once -------------------
before = int(sql("SELECT count(*) FROM escalations"))
later = "2026-12-20T12:00:00Z"
procs = [subprocess.Popen([BIN, "--db", DB, "escalate", "--at", later], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True, env=ENV) for _ in range(4)]
outs = [p.communicate(timeout=120) for p in procs]
rcs = [p.returncode for p in procs]
counts = [int(m.group(1)) for o, _ in outs for m in [re.match(r"(\d+) new escalation", o)] if m]
after_n = int(sql("SELECT count(*) FROM escalations"))
dups = sql("SELECT count(*) FROM (SELECT obligation_id, level FROM escalations "
           "GROUP BY obligation_id, level HAVING count(*) > 1) d")
print(f"  four concurrent sweeps reported {counts}; escalations {before} -> {after_n}")
check("four sweeps at once all succeed", rcs == [0] * 4, str([e for _, e in outs]))
check("the sweeps stored something (obligations were due)", after_n > before, f"{before} -> {after_n}")
check("each escalation is counted by exactly one sweep", sum(counts) == after_n - before,
      f"{counts} vs {after_n - before}")
check("no escalation is recorded twice (obligation, level)", dups == "0", dups)

if failed:
    for i in range(len(PROCS)):
        with open(os.path.join(TMP, "serve-%d.log" % i)) as f:
            print("--- serve %d stderr (last lines)\n%s" % (i, "".join(f.readlines()[-8:])))
finish()
