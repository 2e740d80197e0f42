#!/usr/bin/python3
"""product_sync.py — docs/product.md against the binary it describes.

usage: tests/docs/product_sync.py PATH/TO/redress

The product page's playbook table must give, for every step of the policy
in force (`redress policy show --json`, the shipped data/policy.yaml), the
same kind and the same standard and key durations; its rules table must
list exactly the rules of `redress check --rules` with their severities;
its required-elements table must match the policy's checker section. Ends
with "N passed, N failed"; exits 1 on any difference.
"""
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DOC = os.path.join(HERE, "..", "..", "docs", "product.md")
passed = failed = 0


def check(name, cond, info=""):
    global passed, failed
    if cond:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {name} {info}".rstrip())


def table_after(text, heading_re):
    """Rows (lists of cells) of the first Markdown table after a line matching heading_re."""
    lines = text.splitlines()
    start = next((i for i, l in enumerate(lines) if re.search(heading_re, l)), None)
    if start is None:
        return []
    rows, seen = [], False
    for l in lines[start + 1:]:
        if l.startswith("|"):
            seen = True
            cells = [c.strip() for c in l.strip().strip("|").split("|")]
            if not all(re.fullmatch(r"-+", c) for c in cells):
                rows.append(cells)
        elif seen:
            break
    return rows[1:]  # without the header row


def code(cell):
    m = re.search(r"`([^`]+)`", cell)
    return m.group(1) if m else None


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else "build/redress"
    env = {k: v for k, v in os.environ.items() if not k.startswith("REDRESS_")}
    text = open(DOC, encoding="utf-8").read()
    policy = json.loads(subprocess.run([binary, "policy", "show", "--json"], capture_output=True,
                                       text=True, env=env, check=True).stdout)

    rows = table_after(text, r"^The default playbook")
    doc_steps = {code(r[1]): r for r in rows if len(r) == 5}
    check("playbook table: one row per policy step", set(doc_steps) == set(policy["steps"]),
          f"docs {sorted(doc_steps)} policy {sorted(policy['steps'])}")
    for kind, cols in policy["steps"].items():
        r = doc_steps.get(kind)
        if not r:
            continue
        for i, col in ((3, "standard"), (4, "key")):
            c = cols[col]
            want = f"every {c['every']}" if "every" in c else c["due"]
            check(f"playbook {kind} {col}", code(r[i]) == want, f"docs {code(r[i])!r} policy {want!r}")
            chans = c.get("channels", "any")
            if chans != "any":
                check(f"playbook {kind} {col} channels named", all(ch in r[i] for ch in chans), r[i])
            if c.get("before_old_eta"):
                check(f"playbook {kind} {col} before the old ETA", "old ETA" in r[i], r[i])

    out = subprocess.run([binary, "check", "--rules"], capture_output=True, text=True, env=env,
                         check=True).stdout
    rules = {l.split()[0]: l.split()[1] for l in out.splitlines() if l.strip()}
    rows = table_after(text, r"^The rules \(")
    doc_rules = {code(r[0]): r[1] for r in rows if len(r) == 3}
    check("rules table: exactly the checker's rules", set(doc_rules) == set(rules),
          f"only in docs {sorted(set(doc_rules) - set(rules))}, "
          f"only in the checker {sorted(set(rules) - set(doc_rules))}")
    for rid, sev in rules.items():
        if rid in doc_rules:
            check(f"rule {rid} severity", doc_rules[rid] == sev, f"docs {doc_rules[rid]!r} checker {sev!r}")

    rows = table_after(text, r"element\. The defaults")
    doc_req = {code(r[0]): [e.strip() for e in r[1].split(",") if e.strip() not in ("", "—")]
               for r in rows if len(r) == 2}
    req = policy["checker"]["required"]
    check("required elements table: every kind", set(doc_req) == set(req),
          f"docs {sorted(doc_req)} policy {sorted(req)}")
    for kind, elems in req.items():
        if kind in doc_req:
            check(f"required elements of {kind}", doc_req[kind] == elems, f"docs {doc_req[kind]} policy {elems}")

    print(f"{passed} passed, {failed} failed")
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    sys.exit(main())
