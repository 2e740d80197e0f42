#!/usr/bin/python3
"""docs/api/openapi.yaml must describe exactly the server's API routes.

usage: tests/api/openapi_sync.py [PATH/TO/redress]   (default: build/redress, or $REDRESS_BIN)

Reads the routes table from `redress serve --print-routes` (browser-only
rows such as /login and the web pages are not API and are skipped) and the
paths and methods of the OpenAPI file (a small line reader: the file keeps
paths at two spaces and methods at four), and reports every difference.
Ends with `N passed, N failed`.
"""
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BIN = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("REDRESS_BIN", os.path.join(ROOT, "build", "redress"))
SPEC = os.path.join(ROOT, "docs", "api", "openapi.yaml")
METHODS = {"get", "post", "put", "patch", "delete"}

out = subprocess.run([BIN, "serve", "--print-routes"], capture_output=True, text=True, timeout=30)
routes = set()
for line in out.stdout.splitlines():
    if "[page]" in line or "[browser]" in line or not line.strip():
        continue
    method, path = line.split()[:2]
    routes.add((method.upper(), path))

documented = set()
path = None
in_paths = False
for line in open(SPEC, encoding="utf-8"):
    if re.match(r"^paths:\s*$", line):
        in_paths = True
        continue
    if in_paths and re.match(r"^\S", line):
        in_paths = False
    if not in_paths:
        continue
    m = re.match(r"^  (/\S*):\s*$", line)
    if m:
        path = m.group(1)
        continue
    m = re.match(r"^    (\w+):\s*$", line)
    if m and path and m.group(1) in METHODS:
        documented.add((m.group(1).upper(), path))

passed = failed = 0
if out.returncode != 0 or not routes:
    print(f"FAIL redress serve --print-routes: exit {out.returncode} {out.stderr.strip()}")
    failed += 1
for r in sorted(routes - documented):
    print(f"FAIL route not in docs/api/openapi.yaml: {r[0]} {r[1]}")
    failed += 1
for r in sorted(documented - routes):
    print(f"FAIL documented but the server has no such route: {r[0]} {r[1]}")
    failed += 1
passed += len(routes & documented)
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
