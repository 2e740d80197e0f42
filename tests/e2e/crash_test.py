#!/usr/bin/python3
"""crash_test.py — "nothing acknowledged is ever lost", tested with kill -9.

    /usr/bin/python3 tests/e2e/crash_test.py BUILD/redress [--processes 300] [--seed 7]

Runs about 300 `redress log` processes against one database, each writing a
communication with a unique --summary, one to four at a time, and kills
most of them with SIGKILL at a random moment of their short lives (seeded,
so a failure can be replayed). Then checks:

  - PRAGMA integrity_check and foreign_key_check are clean (on PostgreSQL:
    amcheck's bt_index_check of every index, and no communication whose
    failure or client is missing);
  - every write whose process exited 0 is present exactly once;
  - no killed write is present more than once;
  - every stored communication has its audit-log row (one transaction);
  - the binary still reads the database afterwards.

With REDRESS_TEST_PG set (tests/pg/pgserver.py -- …), the database is a
fresh PostgreSQL one on that server: the kills then cut connections in the
middle of transactions, which PostgreSQL must roll back.

Standard library only. Prints one line per check and "N passed, N failed";
exits 1 when any check failed. Bounded: stops after --processes runs.
"""
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "pg"))
import pgserver  # noqa: E402  (tests/pg/pgserver.py)

NOW = "2026-11-22T12:00:00Z"


def main(argv):
    args = argv[1:]
    n, seed = 300, 7
    binary = None
    i = 0
    while i < len(args):
        a = args[i]
        if a in ("--processes", "-n") and i + 1 < len(args):
            n = int(args[i + 1])
            i += 2
            continue
        if a == "--seed" and i + 1 < len(args):
            seed = int(args[i + 1])
            i += 2
            continue
        if a in ("-h", "--help"):
            print(__doc__)
            return 0
        if binary is None and not a.startswith("-"):
            binary = os.path.abspath(a)
            i += 1
            continue
        print("usage: crash_test.py PATH/TO/redress [--processes N] [--seed S]", file=sys.stderr)
        return 2
    if binary is None or not os.access(binary, os.X_OK):
        print("usage: crash_test.py PATH/TO/redress [--processes N] [--seed S]", file=sys.stderr)
        return 2

    rng = random.Random(seed)
    with tempfile.TemporaryDirectory(prefix="redress-crash-") as tmp:
        pg = pgserver.admin_url() is not None
        db = pgserver.fresh_db("rd_crash") if pg else os.path.join(tmp, "crash.db")
        env = {k: v for k, v in os.environ.items() if not k.startswith("REDRESS_")}
        env.update({"REDRESS_DB": db, "REDRESS_NOW": NOW})

        def run(*a):
            p = subprocess.run([binary] + list(a), env=env, cwd=tmp, capture_output=True, timeout=60)
            if p.returncode != 0:
                raise SystemExit("crash_test: setup `redress %s` failed: %s" % (
                    " ".join(a), p.stderr.decode("utf-8", "replace")))

        run("init")
        run("client", "add", "Crashco", "--tier", "key")
        run("failure", "open", "Crash test", "--severity", "2", "--client", "Crashco")

        def cmd(k):
            return [binary, "log", "--failure", "1", "--client", "Crashco", "--kind", "progress",
                    "--channel", "email", "--summary", "crash-%d-%d" % (seed, k)]

        # How long does one write take here? The kills aim inside that span.
        spans = []
        for k in range(5):
            t0 = time.monotonic()
            subprocess.run(cmd(-1 - k), env=env, cwd=tmp, capture_output=True, timeout=60)
            spans.append(time.monotonic() - t0)
        # the quickest of five: a burst of load during one of them must not
        # push the kills past the writes' ends
        span = min(spans)
        calibration = ["crash-%d-%d" % (seed, -1 - k) for k in range(5)]

        acked, killed, failed_other = [], [], []
        k = 0
        while k < n:
            batch = []
            for _ in range(min(rng.randint(1, 4), n - k)):
                batch.append((k, time.monotonic(), subprocess.Popen(cmd(k), env=env, cwd=tmp,
                                                                    stdout=subprocess.DEVNULL,
                                                                    stderr=subprocess.PIPE)))
                k += 1
            for idx, started, p in batch:
                # One in five runs to completion; the rest die somewhere in
                # their life (or just after it, which must be harmless too).
                # The moment is counted from the process's own start: from
                # when its turn came, the batch's later processes (their
                # clocks running while the earlier ones were waited for)
                # mostly finished first, and on a slow run too few kills
                # landed (67 of 300 once, on PostgreSQL).
                if rng.random() >= 0.2:
                    delay = rng.uniform(0, span * 1.3)
                    deadline = started + delay
                    while time.monotonic() < deadline and p.poll() is None:
                        time.sleep(min(0.0005, max(0.0, deadline - time.monotonic())))
                    if p.poll() is None:
                        p.send_signal(signal.SIGKILL)
            for idx, _, p in batch:
                try:
                    _, err = p.communicate(timeout=60)
                except subprocess.TimeoutExpired:
                    p.kill()
                    _, err = p.communicate()
                summary = "crash-%d-%d" % (seed, idx)
                if p.returncode == 0:
                    acked.append(summary)
                elif p.returncode == -signal.SIGKILL:
                    killed.append(summary)
                else:
                    failed_other.append((summary, p.returncode, err.decode("utf-8", "replace").strip()))

        results = []

        def check(name, ok, detail=""):
            results.append(ok)
            print("%s %s%s" % ("ok    " if ok else "FAIL  ", name, (": " + detail) if detail and not ok else ""))

        if pg:
            pgserver.psql(db, "CREATE EXTENSION IF NOT EXISTS amcheck")
            try:  # bt_index_check raises an error at the first damaged index
                nidx = int(pgserver.psql(db, "SELECT count(*) FROM (SELECT bt_index_check(c.oid) FROM pg_index i "
                                          "JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n "
                                          "ON n.oid = c.relnamespace JOIN pg_am a ON a.oid = c.relam "
                                          "WHERE n.nspname = 'public' AND a.amname = 'btree') x"))
                check("amcheck finds all %d indexes sound" % nidx, nidx > 20, "only %d indexes" % nidx)
            except RuntimeError as e:
                check("amcheck finds every index sound", False, str(e)[:300])
            rows = pgserver.psql(db, "SELECT count(*) FROM communications m WHERE "
                                     "NOT EXISTS (SELECT 1 FROM failures f WHERE f.id = m.failure_id) "
                                     "OR NOT EXISTS (SELECT 1 FROM clients c WHERE c.id = m.client_id)")
            check("no communication without its failure and client", rows.strip() == "0", rows)

            def query(sql):
                out = pgserver.psql(db, sql)
                return [tuple(int(x) if x.isdigit() else x for x in line.split("|"))
                        for line in out.splitlines() if line]
        else:
            con = sqlite3.connect(db)
            integrity = con.execute("PRAGMA integrity_check").fetchall()
            check("integrity_check is ok", integrity == [("ok",)], repr(integrity[:5]))
            fk = con.execute("PRAGMA foreign_key_check").fetchall()
            check("foreign_key_check is empty", fk == [], repr(fk[:5]))

            def query(sql):
                return con.execute(sql).fetchall()
        counts = dict(query("SELECT summary, count(*) FROM communications GROUP BY summary"))
        lost = [s for s in acked + calibration if counts.get(s, 0) != 1]
        check("%d acknowledged writes present exactly once" % (len(acked) + len(calibration)),
              not lost, "missing or duplicated: %s" % lost[:10])
        dup = [s for s in killed if counts.get(s, 0) > 1]
        check("%d killed writes present at most once" % len(killed), not dup, repr(dup[:10]))
        unknown = set(counts) - set(acked + killed + calibration)
        check("no write from nowhere", not unknown, repr(sorted(unknown)[:10]))
        orphans = query(
            "SELECT count(*) FROM communications c WHERE NOT EXISTS (SELECT 1 FROM audit_log a "
            "WHERE a.entity = 'communication' AND a.entity_id = c.id AND a.action = 'create')")[0][0]
        check("every communication has its audit row", orphans == 0, "%d without" % orphans)
        if not pg:
            con.close()
        check("no process failed other than by the kill", not failed_other, repr(failed_other[:3]))
        check("enough kills landed mid-write to mean something",
              len(killed) >= n // 4, "only %d of %d killed" % (len(killed), n))
        p = subprocess.run([binary, "comm", "list", "--json"], env=env, cwd=tmp, capture_output=True,
                           timeout=60)
        check("the database still reads", p.returncode == 0, p.stderr.decode("utf-8", "replace"))
        print("(%d processes, seed %d: %d acknowledged, %d killed, one write ~%.1f ms)" % (
            n, seed, len(acked), len(killed), span * 1000))
        passed = sum(1 for r in results if r)
        failed = len(results) - passed
        print("%d passed, %d failed" % (passed, failed))
        if pg:
            pgserver.drop_db(db)
        return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
