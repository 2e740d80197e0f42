#!/usr/bin/python3
"""crash_serve_test.py — the server's group commit loses nothing it acknowledged.

    /usr/bin/python3 tests/e2e/crash_serve_test.py BUILD/redress [--rounds 3] [--seconds 1.5]

Starts `redress serve` on 127.0.0.1 (a free port, a temporary directory)
with 32 worker threads, and 32 client threads each sending
`POST /api/communications` with a unique summary, back to back, on
keep-alive connections. After a random moment (seeded) the server is killed
with SIGKILL; then restarted and killed again, --rounds times. Each write
that was answered 201 before the kill is "acknowledged". Then checks:

  - PRAGMA integrity_check and foreign_key_check are clean;
  - every acknowledged write is present exactly once (the group commit
    answers only after the commit holding it is durable);
  - no write is present twice, none comes from nowhere;
  - every stored communication has its audit-log row;
  - the writes really ran concurrently and the kills landed mid-stream;
  - a restarted server serves the data.

Standard library only. Prints one line per check and "N passed, N failed";
exits 1 when any check failed. Bounded by --rounds × --seconds (+ start-up).
"""
import http.client
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

NOW = "2026-11-22T12:00:00Z"
WRITERS = 32


def main(argv):
    args = argv[1:]
    rounds, seconds, seed, binary = 3, 1.5, 7, None
    i = 0
    while i < len(args):
        a = args[i]
        if a == "--rounds" and i + 1 < len(args):
            rounds, i = int(args[i + 1]), i + 2
        elif a == "--seconds" and i + 1 < len(args):
            seconds, i = float(args[i + 1]), i + 2
        elif a == "--seed" and i + 1 < len(args):
            seed, i = int(args[i + 1]), i + 2
        elif binary is None and not a.startswith("-"):
            binary, i = os.path.abspath(a), i + 1
        else:
            print(__doc__, file=sys.stderr)
            return 2
    if binary is None or not os.access(binary, os.X_OK):
        print("usage: crash_serve_test.py PATH/TO/redress [--rounds N] [--seconds S]", file=sys.stderr)
        return 2
    rng = random.Random(seed)

    with tempfile.TemporaryDirectory(prefix="redress-crash-serve-") as tmp:
        db = os.path.join(tmp, "crash.db")
        env = {k: v for k, v in os.environ.items() if not k.startswith("REDRESS_")}
        env.update({"REDRESS_DB": db, "REDRESS_NOW": NOW})

        def cli(*a):
            p = subprocess.run([binary] + list(a), env=env, cwd=tmp, capture_output=True, timeout=120)
            if p.returncode != 0:
                raise SystemExit("crash_serve_test: setup `redress %s` failed: %s" % (
                    " ".join(a), p.stderr.decode("utf-8", "replace")))
            return p.stdout.decode().strip()

        cli("demo", "--at", NOW)
        token = cli("token", "create", "sam@provider.example", "--label", "crash")

        def start():
            p = subprocess.Popen([binary, "serve", "--listen", "127.0.0.1:0", "--threads", str(WRITERS),
                                  "--access-log", "off"], env=env, cwd=tmp,
                                 stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
            line = p.stdout.readline().decode()
            if not line.startswith("listening on http://127.0.0.1:"):
                p.kill()
                raise SystemExit("crash_serve_test: the server did not start: %r" % line)
            return p, int(line.strip().rsplit(":", 1)[1].split("/")[0])

        acked, sent, errors = [], [], []
        lock = threading.Lock()
        max_concurrent = [0]

        def writer(port, rnd, w, stop, inflight):
            n = 0
            con = None
            while not stop.is_set():
                summary = "crash-serve-%d-%d-%d-%d" % (seed, rnd, w, n)
                n += 1
                body = json.dumps({"failure": 1, "client": "Northwind Logistics", "kind": "progress",
                                   "channel": "email", "summary": summary})
                with lock:
                    sent.append(summary)
                    inflight[0] += 1
                    max_concurrent[0] = max(max_concurrent[0], inflight[0])
                try:
                    if con is None:
                        con = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                    con.request("POST", "/api/communications", body=body,
                                headers={"Authorization": "Bearer " + token,
                                         "Content-Type": "application/json"})
                    r = con.getresponse()
                    r.read()
                    with lock:
                        if r.status == 201:
                            acked.append(summary)
                        else:
                            errors.append((summary, r.status))
                except (OSError, http.client.HTTPException):
                    con = None  # the kill: this write's fate is unknown
                    if stop.is_set():
                        break
                    time.sleep(0.01)
                finally:
                    with lock:
                        inflight[0] -= 1
            if con is not None:
                con.close()

        kills = []
        for rnd in range(rounds):
            srv, port = start()
            acked_before_round = len(acked)
            stop = threading.Event()
            inflight = [0]
            ts = [threading.Thread(target=writer, args=(port, rnd, w, stop, inflight)) for w in range(WRITERS)]
            for t in ts:
                t.start()
            time.sleep(rng.uniform(seconds / 2, seconds))
            before = len(acked)
            srv.send_signal(signal.SIGKILL)
            srv.wait()
            kills.append(inflight[0])
            stop.set()
            for t in ts:
                t.join(timeout=60)
            srv.stdout.close()
            print("(round %d: %d acknowledged, %d in flight at the kill)" % (
                rnd + 1, before - acked_before_round, kills[-1]))

        results = []

        def check(name, ok, detail=""):
            results.append(ok)
            print("%s %s%s" % ("ok    " if ok else "FAIL  ", name, (": " + detail) if detail and not ok else ""))

        con = sqlite3.connect(db)
        integrity = con.execute("PRAGMA integrity_check").fetchall()
        check("integrity_check is ok", integrity == [("ok",)], repr(integrity[:5]))
        fk = con.execute("PRAGMA foreign_key_check").fetchall()
        check("foreign_key_check is empty", fk == [], repr(fk[:5]))
        counts = dict(con.execute("SELECT summary, count(*) FROM communications "
                                  "WHERE summary LIKE 'crash-serve-%' GROUP BY summary").fetchall())
        lost = [s for s in acked if counts.get(s, 0) != 1]
        check("%d acknowledged writes present exactly once" % len(acked), not lost,
              "missing or duplicated: %s" % lost[:10])
        dup = [s for s, c in counts.items() if c > 1]
        check("no write present twice", not dup, repr(dup[:10]))
        unknown = set(counts) - set(sent)
        check("no write from nowhere", not unknown, repr(sorted(unknown)[:10]))
        orphans = con.execute(
            "SELECT count(*) FROM communications c WHERE NOT EXISTS (SELECT 1 FROM audit_log a "
            "WHERE a.entity = 'communication' AND a.entity_id = c.id AND a.action = 'create')").fetchone()[0]
        check("every communication has its audit row", orphans == 0, "%d without" % orphans)
        con.close()
        check("no write refused (only the kills interrupted them)", not errors, repr(errors[:3]))
        check("32 writers were in flight together", max_concurrent[0] >= WRITERS // 2,
              "at most %d" % max_concurrent[0])
        check("every kill landed with writes in flight", all(k > 0 for k in kills), repr(kills))
        check("enough writes acknowledged to mean something", len(acked) >= 50 * rounds,
              "%d acknowledged" % len(acked))
        srv, port = start()
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            c.request("GET", "/api/communications?limit=1", headers={"Authorization": "Bearer " + token})
            r = c.getresponse()
            r.read()
            check("a restarted server serves the data", r.status == 200, str(r.status))
        finally:
            srv.send_signal(signal.SIGTERM)
            srv.wait(timeout=60)
            srv.stdout.close()
        print("(%d rounds, seed %d: %d sent, %d acknowledged, %d stored)" % (
            rounds, seed, len(sent), len(acked), sum(counts.values())))
        passed = sum(1 for r in results if r)
        failed = len(results) - passed
        print("%d passed, %d failed" % (passed, failed))
        return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
