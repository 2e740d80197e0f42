#!/usr/bin/python3
"""bench/http/check_vs_writes.py — does a long POST /api/check delay other
users' writes? Measures the latency of POST /api/communications (a durable,
fsynced write) alone, then while 4 MB findings-heavy checks run back to back
on another connection, in the same run on 127.0.0.1. Reports the median and
p95 of each and the difference (target: the checks add < 50 ms).

usage: bench/http/check_vs_writes.py [PATH/TO/redress] [WRITES]   (defaults: build/redress, 40)

Everything runs in a temporary directory (demo data, one API token, the
server on an ephemeral port) and is stopped at the end. See
bench/http/README.md.
"""
import http.client
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

BIN = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build/redress")
WRITES = int(sys.argv[2]) if len(sys.argv) > 2 else 40
NOW = "2026-11-22T12:00:00Z"
UNIT = ("We apologize if you were affected. Mistakes were made and we might fix it. "
        "Our RCA shows the MTTR was within SLA, just a small hiccup. ")
TEXT = (UNIT * (4 * 1024 * 1024 // len(UNIT) + 1))[:4 * 1024 * 1024]

tmp = tempfile.mkdtemp(prefix="redress-bench-")
db = os.path.join(tmp, "bench.db")
env = dict(os.environ, REDRESS_NOW=NOW)
srv = None
try:
    subprocess.run([BIN, "--db", db, "demo", "--at", NOW], env=env, check=True, capture_output=True)
    token = subprocess.run([BIN, "--db", db, "token", "create", "sam@provider.example"], env=env, check=True,
                           capture_output=True, text=True).stdout.strip()
    srv = subprocess.Popen([BIN, "--db", db, "serve", "--listen", "127.0.0.1:0", "--access-log", "off"],
                           env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    port = int(re.search(r"127\.0\.0\.1:(\d+)", srv.stdout.readline()).group(1))
    hdr = {"Authorization": "Bearer " + token, "Content-Type": "application/json"}
    failure, cname = 1, "Northwind Logistics"   # demo data, as bench/http/run.sh

    def post(path, body, timeout=120):
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        t0 = time.perf_counter()
        c.request("POST", path, body=json.dumps(body).encode(), headers=hdr)
        r = c.getresponse()
        r.read()
        c.close()
        return r.status, time.perf_counter() - t0

    def writes(n, tag):
        lat = []
        for i in range(n):
            st, dt = post("/api/communications", {"failure": failure, "client": cname, "kind": "progress",
                                                  "channel": "email", "summary": "%s %d" % (tag, i)})
            if st != 201:
                raise SystemExit("write failed: %d" % st)
            lat.append(dt * 1000)
            time.sleep(0.02)
        return lat

    writes(5, "warm-up")
    alone = writes(WRITES, "alone")
    stop = threading.Event()
    checks = []

    def checker():
        while not stop.is_set():
            st, dt = post("/api/check", {"text": TEXT, "kind": "other"})
            checks.append((st, dt))

    th = threading.Thread(target=checker)
    th.start()
    time.sleep(0.5)
    during = writes(WRITES, "during")
    stop.set()
    th.join()

    def p95(v):
        return sorted(v)[max(0, int(round(0.95 * len(v))) - 1)]

    print("POST /api/communications, %d writes each, 127.0.0.1" % WRITES)
    print("alone:                     median %7.1f ms   p95 %7.1f ms   max %7.1f ms" % (
        statistics.median(alone), p95(alone), max(alone)))
    print("during 4 MB /api/check:    median %7.1f ms   p95 %7.1f ms   max %7.1f ms" % (
        statistics.median(during), p95(during), max(during)))
    print("4 MB checks meanwhile: %d (status %s), each %.2f s" % (
        len(checks), sorted({s for s, _ in checks}), statistics.median([d for _, d in checks]) if checks else 0))
    print("added by the checks:       median %+7.1f ms   p95 %+7.1f ms   (target < 50 ms)" % (
        statistics.median(during) - statistics.median(alone), p95(during) - p95(alone)))
finally:
    if srv and srv.poll() is None:
        srv.terminate()
        srv.wait(10)
    shutil.rmtree(tmp, ignore_errors=True)
