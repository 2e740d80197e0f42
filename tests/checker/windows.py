#!/usr/bin/env python3
"""The checker's windows suite: a long message is checked window by window
(ck_run_rules, lib/check/rules.c), and must get exactly the findings,
positions, messages, suggestions, elements and score it got when every rule
ran over the whole message at once. Each case's golden JSON was made by the
checker before windows existed (commit 5be5eb1); the messages are longer
than several windows (tests/checker/windows/make_inputs.py).

usage: windows.py BUILD/redress [--regen]   (--regen rewrites the goldens:
only with a binary known to be right)
"""
import gzip
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "windows")
AT = "2026-11-23T09:00:00Z"
CASES = [   # input, kind
    ("longline", "plan"),
    ("corpus", "plan"),
    ("corpus", "progress"),
    ("crossing", "apology"),
    ("crossing", "plan"),
    ("elements", "plan"),
]


def check(binary, tmp, name, kind):
    path = os.path.join(tmp, name + ".txt")
    if not os.path.exists(path):
        with gzip.open(os.path.join(HERE, name + ".txt.gz"), "rb") as f, open(path, "wb") as o:
            o.write(f.read())
    p = subprocess.run([binary, "--db", os.path.join(tmp, "db.sqlite"), "check", "--kind", kind,
                        "--at", AT, "--format", "json", path],
                       capture_output=True, timeout=600)
    if p.returncode not in (0, 1):
        raise RuntimeError("%s --kind %s: exit %d: %s" % (name, kind, p.returncode,
                                                          p.stderr.decode(errors="replace")))
    return json.loads(p.stdout)


def first_difference(got, want):
    for key in sorted(set(got) | set(want)):
        if key == "findings":
            continue
        if got.get(key) != want.get(key):
            return "%s: got %r, want %r" % (key, got.get(key), want.get(key))
    gf, wf = got.get("findings", []), want.get("findings", [])
    for i, (g, w) in enumerate(zip(gf, wf)):
        if g != w:
            return "finding %d: got %s\n  want %s" % (i, json.dumps(g), json.dumps(w))
    return "%d findings, want %d" % (len(gf), len(wf))


def main(argv):
    if len(argv) < 2:
        sys.stderr.write(__doc__)
        return 2
    binary = os.path.abspath(argv[1])
    regen = "--regen" in argv
    passed = failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name, kind in CASES:
            golden = os.path.join(HERE, "%s.%s.json.gz" % (name, kind))
            got = check(binary, tmp, name, kind)
            if regen:
                with gzip.GzipFile(golden, "wb", mtime=0) as f:
                    f.write((json.dumps(got, indent=1, ensure_ascii=False) + "\n").encode())
            with gzip.open(golden, "rb") as f:
                want = json.loads(f.read())
            if got == want:
                passed += 1
                print("ok   %s --kind %s: %d findings, score %d" % (name, kind, len(got["findings"]),
                                                                     got["score"]))
            else:
                failed += 1
                print("FAIL %s --kind %s: %s" % (name, kind, first_difference(got, want)))
    print("windows: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
