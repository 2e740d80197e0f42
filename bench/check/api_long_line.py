#!/usr/bin/python3
"""bench/check/api_long_line.py — issue 8's 4 MB / 1 MB ratio through the server:
POST /api/check of the same 1 MB and 4 MB findings-heavy single lines that
long_line.c builds (its sentences, read from long_line.c), kind plan, the two
sizes alternating on a fresh connection each; prints the best and median
elapsed time of each size and their ratios (target < 4x).

usage: bench/check/api_long_line.py [PATH/TO/redress] [RUNS]   (defaults: build/redress, 7)

Everything runs in a temporary directory (demo data, one API token, the server
on an ephemeral 127.0.0.1 port) and is stopped at the end. See
bench/check/README.md.
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
import time

HERE = os.path.dirname(os.path.abspath(__file__))
BIN = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build/redress")
RUNS = int(sys.argv[2]) if len(sys.argv) > 2 else 7
NOW = "2026-11-22T12:00:00Z"


def sentences():
    """The findings-heavy sentences of long_line.c, so both benches check the same text."""
    src = open(os.path.join(HERE, "long_line.c"), encoding="utf-8").read()
    block = src.split("sentences[] = {", 1)[1].split("};", 1)[0]
    return [json.loads('"' + s + '"') for s in re.findall(r'"((?:[^"\\]|\\.)*)"', block)]


def fill(sents, n):
    """n bytes of the sentences separated by spaces, one line (long_line.c's fill)."""
    out, k, ln = [], 0, 0
    while True:
        s = sents[k % len(sents)]
        k += 1
        if ln + len(s) + 1 > n:
            break
        out.append(s + " ")
        ln += len(s) + 1
    return ("".join(out) + " " * (n - ln))[:n - 1] + "\n"


def main():
    sents = sentences()
    bodies = {mb: json.dumps({"text": fill(sents, mb << 20), "kind": "plan"}).encode() for mb in (1, 4)}
    tmp = tempfile.mkdtemp(prefix="redress-bench-")
    db = os.path.join(tmp, "bench.db")
    env = dict(os.environ, REDRESS_NOW=NOW)
    srv = None
    try:
        subprocess.run([BIN, "--db", db, "demo", "--at", NOW], env=env, check=True, capture_output=True)
        token = subprocess.run([BIN, "--db", db, "token", "create", "sam@provider.example"], env=env,
                               check=True, capture_output=True, text=True).stdout.strip()
        srv = subprocess.Popen([BIN, "--db", db, "serve", "--listen", "127.0.0.1:0", "--access-log", "off"],
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        port = int(re.search(r"127\.0\.0\.1:(\d+)", srv.stdout.readline()).group(1))
        hdr = {"Authorization": "Bearer " + token, "Content-Type": "application/json"}

        def post(body):
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
            t0 = time.perf_counter()
            c.request("POST", "/api/check", body=body, headers=hdr)
            r = c.getresponse()
            r.read()
            dt = time.perf_counter() - t0
            c.close()
            if r.status != 200:
                raise SystemExit("POST /api/check answered %d" % r.status)
            return dt

        post(bodies[1])   # the word lists loaded once, outside the timing
        t = {1: [], 4: []}
        for _ in range(RUNS):
            for mb in (1, 4):
                t[mb].append(post(bodies[mb]))
        for mb in (1, 4):
            print("%d MB one line: best %.3f s, median %.3f s (%d runs)" % (mb, min(t[mb]), statistics.median(t[mb]),
                                                                          RUNS))
        print("ratio 4 MB / 1 MB: best %.2fx, median %.2fx   (target < 4x)" % (
            min(t[4]) / min(t[1]), statistics.median(t[4]) / statistics.median(t[1])))
    finally:
        if srv and srv.poll() is None:
            srv.terminate()
            srv.wait(10)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
