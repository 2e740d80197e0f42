#!/usr/bin/env python3
"""no_sql_in_src.py — fails when SQL appears under src/ (issue 9): the CLI
and the server only parse, call the library and format, so every query,
and with it the portal's isolation, lives in lib/ where its unit tests are.

Two checks per file of src/: no string literal that reads as SQL (a
statement keyword opening it, or FROM/WHERE/INSERT INTO/UPDATE … SET/DELETE
FROM inside it), and no direct statement call (rd_store_prepare,
rd_store_exec, rd_stmt_*). `--selftest` proves the patterns catch what they
should and let ordinary page text through."""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
LITERAL = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
# upper case as the project writes SQL; lower case only in shapes prose never takes
SQL_OPEN = re.compile(r'^\s*(SELECT|INSERT|UPDATE|DELETE|WITH|REPLACE|CREATE|DROP|ALTER|PRAGMA)\s')
SQL_INSIDE = re.compile(r'\b(FROM|WHERE|INSERT INTO|DELETE FROM|ORDER BY|GROUP BY|LEFT JOIN)\b|\bUPDATE \w+ SET\b'
                        r'|(?i:\bselect\s+[\w.*,() ]+\s+from\s+\w+|\binsert\s+into\s+\w+|\bdelete\s+from\s+\w+|\bupdate\s+\w+\s+set\s+\w+\s*=)')
CALLS = re.compile(r'\b(rd_store_prepare|rd_store_exec|rd_stmt_\w+|web_sql_rows)\s*\(')


def findings(text):
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        if CALLS.search(line):
            out.append((n, "runs a statement: " + CALLS.search(line).group(1)))
        for m in LITERAL.finditer(line):
            s = m.group(1)
            if SQL_OPEN.search(s) or SQL_INSIDE.search(s):
                out.append((n, "SQL text: " + s[:60]))
    return out


def selftest():
    bad = ['rc = web_sql_rows(s, "SELECT id FROM failures", "i", &r, "");',
           '"select name from clients where id = ?1"',
           '"SELECT f.title, f.status FROM failures f "',
           '"UPDATE users SET name = ?1"',
           'rd_store_exec(s, &n, q, "");',
           '  "LEFT JOIN rcas r ON r.failure_id = f.id WHERE f.id = ?1"']
    good = ['web_html(b, "<select name=\\"client\\">");',
            'rd_buf_adds(b, "Delete this link");',
            'rd_buf_adds(b, "<p>Update from your point person</p>");',
            'web_html(b, "Updates <span class=\\"muted\\">%D</span>");']
    ok = all(findings(t) for t in bad) and not any(findings(t) for t in good)
    print("selftest: %s" % ("ok" if ok else "FAILED"))
    return ok


def main():
    if not selftest():
        print("0 passed, 1 failed")
        return 1
    files = sorted(p for p in (ROOT / "src").rglob("*") if p.suffix in (".c", ".h"))
    failed = 0
    for p in files:
        for n, what in findings(p.read_text(encoding="utf-8", errors="replace")):
            print("%s:%d: %s" % (p.relative_to(ROOT), n, what))
            failed += 1
    print("no-sql-in-src: %d files checked, %d findings" % (len(files), failed))
    print("%d passed, %d failed" % (len(files) - min(failed, len(files)), failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
