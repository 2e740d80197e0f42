#!/usr/bin/python3
"""run.py — end-to-end tests of the `redress` binary, as data.

How to run (what `make test` runs):

    /usr/bin/python3 tests/e2e/run.py BUILD/redress              # every case
    /usr/bin/python3 tests/e2e/run.py BUILD/redress 0021 0040    # cases whose name contains these
    /usr/bin/python3 tests/e2e/run.py -v BUILD/redress           # show output of failed commands
    /usr/bin/python3 tests/e2e/crash_test.py BUILD/redress       # the kill -9 durability test
    /usr/bin/python3 tests/pg/pgserver.py -- /usr/bin/python3 tests/e2e/run.py BUILD/redress
                                                                 # every case on PostgreSQL

Standard library only. Prints one line per case and ends with the plain line
"N passed, N failed"; exits 1 when any case failed, 2 on bad usage.

A case is a file tests/e2e/cases/NNNN-name.t (like curl's tests/data). Each
case runs in its own temporary directory on a fresh database, created with
`redress init` (or `redress demo --at 2026-11-22T12:00:00Z` with %demo).
REDRESS_DB points at it and REDRESS_NOW is pinned to 2026-11-22T12:00:00Z.
With REDRESS_TEST_PG set (tests/pg/pgserver.py sets it), the fresh database
is a new PostgreSQL database on that server instead of a file, and `sql`,
`changed` and `unchanged` read it through psql; a case that tests something
only a SQLite file has (%readonly, a damaged file) says so and is skipped.

Case syntax, one item per line ('#' lines and blank lines are comments):

    %demo                    preload the demo data set (first, before any $)
    %env NAME=VALUE          set an environment variable for later commands
    %sqlite-only REASON      the case tests a SQLite file (say, a damaged one):
                             skipped on PostgreSQL with REASON in the output
    %readonly NAME           make the file NAME read-only before the next command
                             (when the runner is root, who ignores file modes,
                             that command and the later ones run as `nobody`)
    %stdin TEXT              standard input of the next command (\\n a newline,
                             \\xHH a raw byte)
    %file NAME               write the file NAME (in the case's directory, the
    | line one               commands' working directory) before the next
    | line two               command; its lines follow, each after "| "
    $ redress ARGS...        a command; shlex-split, `redress` is the binary;
                             \\xHH inside an argument is that raw byte

and after a command, what it must do (default when none is given: exit 0):

    exit N                   its exit status
    stdout-has TEXT          stdout contains TEXT        (stdout-lacks: does not)
    stderr-has TEXT          stderr contains TEXT        (stderr-lacks: does not)
    stderr-empty             nothing on stderr            (stdout-empty: on stdout)
    json PATH == VALUE       stdout parsed as JSON; PATH like .id, .services[0],
                             [2].name or . ; VALUE is a JSON literal
    json PATH != VALUE
    json PATH length N       PATH is an array or object of N items
    sql QUERY == VALUE       first column of the first row of QUERY on the
                             database, compared to the JSON literal VALUE
    sql-sqlite QUERY == VALUE  the same, checked on SQLite only (QUERY asks what
                             only SQLite has, like typeof(); PostgreSQL's
                             column types answer it there)
    unchanged                every row of every table (and the schema) is
                             identical to before the command
    changed                  the opposite: the command wrote something
    python EXPR              the Python expression EXPR is true; it sees out,
                             err (the command's output as text), prev (the
                             previous command's stdout), json, re, and ics(TEXT):
                             the VEVENTs of an iCalendar text, parsed with the
                             `icalendar` module (Debian python3-icalendar);
                             csv(TEXT) its rows (csv module); xlsx(NAME) the
                             active sheet of an XLSX file (openpyxl);
                             pdftext(NAME) and pdfinfo(NAME) (a dict) through
                             poppler-utils;
                             exists(NAME) and read(NAME) (bytes) look at files
                             in the case's directory
"""
import concurrent.futures
import hashlib
import json
import os
import re
import shlex
import sqlite3
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "pg"))
import pgserver  # noqa: E402  (tests/pg/pgserver.py)
PG = pgserver.admin_url() is not None
CASES = os.path.join(HERE, "cases")
NOW = "2026-11-22T12:00:00Z"
TIMEOUT = 60


class CaseError(Exception):
    pass


class CaseSkip(Exception):
    """A case that cannot run on this backend; the message says why."""


def db_digest(path):
    """A hash of the schema, the user_version and every row of every table."""
    h = hashlib.sha256()
    if PG and pgserver.admin_url() and "://" in path:
        h.update(pgserver.digest(path).encode())
        return h.hexdigest()
    if not os.path.exists(path):
        return "absent"
    con = sqlite3.connect(path)
    try:
        h.update(repr(con.execute("PRAGMA user_version").fetchone()).encode())
        for name, sql in con.execute(
                "SELECT name, sql FROM sqlite_master ORDER BY type, name").fetchall():
            h.update(repr((name, sql)).encode())
        tables = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        for t in tables:
            rows = con.execute('SELECT * FROM "%s"' % t.replace('"', '""')).fetchall()
            h.update(t.encode())
            for r in sorted(repr(x) for x in rows):
                h.update(r.encode())
                h.update(b"\n")
    finally:
        con.close()
    return h.hexdigest()


def pg_value(url, query):
    """The first column of the first row, typed back from psql's text."""
    out = pgserver.psql(url, query).split("\n")[0]
    if out == "":
        return None
    if out in ("t", "f"):   # a boolean, as SQLite's 1 or 0
        return int(out == "t")
    for conv in (int, float):
        try:
            return conv(out)
        except ValueError:
            pass
    return out


def sql_value(path, query):
    if "://" in path:
        return pg_value(path, query)
    con = sqlite3.connect(path)
    try:
        row = con.execute(query).fetchone()
    finally:
        con.close()
    return row[0] if row else None


_PATH_TOKEN = re.compile(r'\.([A-Za-z_][A-Za-z0-9_-]*)|\[(-?\d+)\]|\.')


def json_path(doc, path):
    """Follows .key / [n] steps; raises CaseError when a step is missing."""
    if path in (".", ""):
        return doc
    pos, cur = 0, doc
    while pos < len(path):
        m = _PATH_TOKEN.match(path, pos)
        if not m or m.end() == pos:
            raise CaseError("bad JSON path %r" % path)
        key, idx = m.group(1), m.group(2)
        if key is not None:
            if not isinstance(cur, dict) or key not in cur:
                raise CaseError("JSON path %s: no key %r in %s" % (path, key, short(cur)))
            cur = cur[key]
        elif idx is not None:
            i = int(idx)
            if not isinstance(cur, list) or not -len(cur) <= i < len(cur):
                raise CaseError("JSON path %s: no item %d in %s" % (path, i, short(cur)))
            cur = cur[i]
        pos = m.end()
    return cur


def short(v, n=160):
    s = v if isinstance(v, str) else json.dumps(v)
    return s if len(s) <= n else s[:n] + "…"


_BYTE = re.compile(rb"\\x([0-9a-fA-F]{2})")


def to_arg(word):
    """An argument as bytes, with \\xHH turned into that byte."""
    return _BYTE.sub(lambda m: bytes([int(m.group(1), 16)]), word.encode("utf-8"))


def csv_rows(text):
    """The rows of a CSV text, parsed back with the csv module."""
    import csv
    import io
    return list(csv.reader(io.StringIO(text, newline="")))


def xlsx_sheet(path):
    """The active worksheet of an XLSX file, opened with openpyxl (Debian
    python3-openpyxl; only cases that use xlsx() need it)."""
    import openpyxl
    return openpyxl.load_workbook(path).active


def pdf_text(path):
    """The text layer of a PDF, read by pdftotext (poppler-utils)."""
    return subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True, text=True,
                          check=True).stdout


def pdf_info(path):
    """pdfinfo's fields of a PDF as a dict ("Pages", "Title" …)."""
    out = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
    return {k.strip(): v.strip() for k, _, v in (l.partition(":") for l in out.splitlines())}


def ics_events(text):
    """The VEVENT components of an iCalendar text (for `python` expectations)."""
    import icalendar  # Debian python3-icalendar; only cases that use ics() need it
    return list(icalendar.Calendar.from_ical(text).walk("VEVENT"))


class Case:
    def __init__(self, path):
        self.path = path
        self.name = os.path.basename(path)[:-2]
        self.demo = False
        self.sqlite_only = None  # why the case only makes sense on SQLite
        self.steps = []   # [(lineno, argv words, stdin, env, [checks])]
        self.parse()

    def parse(self):
        env, stdin, files, cur_file, readonly = {}, None, {}, None, []
        with open(self.path, encoding="utf-8") as f:
            for lineno, raw in enumerate(f, 1):
                line = raw.rstrip("\n")
                s = line.strip()
                if cur_file is not None and s.startswith("|"):
                    body = s[1:]
                    files[cur_file].append(body[1:] if body.startswith(" ") else body)
                    continue
                cur_file = None
                if not s or s.startswith("#"):
                    continue
                where = "%s:%d" % (self.path, lineno)
                if s.startswith("%"):
                    word, _, rest = s.partition(" ")
                    if word == "%demo":
                        if self.steps:
                            raise CaseError("%s: %%demo must come before any command" % where)
                        self.demo = True
                    elif word == "%env":
                        k, eq, v = rest.partition("=")
                        if not eq:
                            raise CaseError("%s: %%env needs NAME=VALUE" % where)
                        env[k.strip()] = v
                    elif word == "%file":
                        cur_file = rest.strip()
                        if not cur_file or "/" in cur_file:
                            raise CaseError("%s: %%file needs a plain file name" % where)
                        files[cur_file] = []
                    elif word == "%sqlite-only":
                        self.sqlite_only = rest.strip() or "tests a SQLite file"
                    elif word == "%readonly":
                        name = rest.strip()
                        if not name or "/" in name:
                            raise CaseError("%s: %%readonly needs a plain file name" % where)
                        readonly.append(name)
                        self.sqlite_only = self.sqlite_only or "a read-only database file"
                    elif word == "%stdin":
                        stdin = to_arg(rest.replace("\\n", "\n"))
                    else:
                        raise CaseError("%s: unknown directive %s" % (where, word))
                elif s.startswith("$ "):
                    try:
                        words = shlex.split(s[2:])
                    except ValueError as e:
                        raise CaseError("%s: %s" % (where, e))
                    if not words or words[0] != "redress":
                        raise CaseError("%s: a command starts with 'redress'" % where)
                    self.steps.append((lineno, words, stdin, dict(env), [], files, readonly))
                    stdin, files, readonly = None, {}, []
                else:
                    if not self.steps:
                        raise CaseError("%s: expectation before any command" % where)
                    self.steps[-1][4].append((lineno, s))
        if not self.steps:
            raise CaseError("%s: no commands" % self.path)

    def run(self, binary, verbose):
        if PG and self.sqlite_only:
            raise CaseSkip(self.sqlite_only)
        with tempfile.TemporaryDirectory(prefix="redress-e2e-") as tmp:
            db = pgserver.fresh_db("rd_e2e", binary) if PG else os.path.join(tmp, "redress.db")
            try:
                self.run_in(binary, verbose, tmp, db)
            finally:
                if PG:
                    pgserver.drop_db(db)

    def run_in(self, binary, verbose, tmp, db):
        base_env = {k: v for k, v in os.environ.items()
                    if not k.startswith("REDRESS_")}
        base_env.update({"REDRESS_DB": db, "REDRESS_NOW": NOW, "LC_ALL": "C.UTF-8"})
        setup = ["demo", "--at", NOW] if self.demo else ["init"]
        p = subprocess.run([binary] + setup, cwd=tmp, env=base_env, capture_output=True,
                           timeout=TIMEOUT)
        if p.returncode != 0:
            raise CaseError("setup `redress %s` failed (%d): %s" % (
                " ".join(setup), p.returncode, p.stderr.decode("utf-8", "replace").strip()))
        prev = ""
        drop = None   # run as nobody once a file was made read-only (root only)
        for lineno, words, stdin, env, checks, files, readonly in self.steps:
            for name, lines in files.items():
                with open(os.path.join(tmp, name), "w", encoding="utf-8") as f:
                    f.write("".join(l + "\n" for l in lines))
            for name in readonly:
                os.chmod(os.path.join(tmp, name), 0o444)
                if os.geteuid() == 0:
                    os.chmod(tmp, 0o755)   # nobody may read, not write, here
                    drop = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"]
            where = "line %d `%s`" % (lineno, " ".join(words))
            before = db_digest(db)
            argv = [os.fsencode(binary)] + [to_arg(w) for w in words[1:]]
            if drop:
                argv = [os.fsencode(w) for w in drop] + argv
            e = dict(base_env)
            e.update(env)
            try:
                p = subprocess.run(argv, cwd=tmp, env=e, input=stdin if stdin is not None else b"",
                                   capture_output=True, timeout=TIMEOUT)
            except subprocess.TimeoutExpired:
                raise CaseError("%s: timed out" % where)
            out = p.stdout.decode("utf-8", "replace")
            err = p.stderr.decode("utf-8", "replace")
            try:
                self.check(p.returncode, out, err, db, before, checks, prev, tmp)
            except CaseError as ce:
                msg = "%s: %s" % (where, ce)
                if verbose:
                    msg += "\n    exit %d\n    stdout: %s\n    stderr: %s" % (
                        p.returncode, short(out, 2000).replace("\n", "\n            "),
                        short(err, 2000).replace("\n", "\n            "))
                raise CaseError(msg)
            prev = out

    @staticmethod
    def check(code, out, err, db, before, checks, prev="", here=None):
        want_exit = 0
        for _, c in checks:
            if c.startswith("exit "):
                want_exit = int(c[5:])
        if code != want_exit:
            raise CaseError("exit %d, expected %d (stderr: %s)" % (code, want_exit, short(err.strip())))
        doc = None
        for lineno, c in checks:
            word, _, rest = c.partition(" ")
            if word == "exit":
                continue
            elif word in ("stdout-has", "stdout-lacks", "stderr-has", "stderr-lacks"):
                text = out if word.startswith("stdout") else err
                found = rest in text
                if found != word.endswith("has"):
                    raise CaseError("%s %r: %s was %r" % (word, rest, word[:6], short(text.strip())))
            elif word in ("stderr-empty", "stdout-empty"):
                text = err if word == "stderr-empty" else out
                if text:
                    raise CaseError("%s not empty: %r" % (word[:6], short(text)))
            elif word == "json":
                if doc is None:
                    try:
                        doc = json.loads(out)
                    except ValueError as e:
                        raise CaseError("stdout is not JSON (%s): %r" % (e, short(out)))
                m = re.match(r"(\S+)\s+(==|!=|length)\s+(.*)$", rest)
                if not m:
                    raise CaseError("line %d: bad json expectation %r" % (lineno, c))
                path, op, lit = m.groups()
                got = json_path(doc, path)
                if op == "length":
                    if not isinstance(got, (list, dict)) or len(got) != int(lit):
                        raise CaseError("json %s has %s items, expected %s: %s" % (
                            path, len(got) if isinstance(got, (list, dict)) else "no", lit, short(got)))
                    continue
                want = json.loads(lit)
                if (got == want) != (op == "=="):
                    raise CaseError("json %s is %s, expected %s %s" % (path, short(got), op, lit))
            elif word == "sql-sqlite" and "://" in db:
                continue
            elif word in ("sql", "sql-sqlite"):
                m = re.match(r"(.*\S)\s+==\s+(.*)$", rest)
                if not m:
                    raise CaseError("line %d: bad sql expectation %r" % (lineno, c))
                got, want = sql_value(db, m.group(1)), json.loads(m.group(2))
                if got != want:
                    raise CaseError("sql %s gave %r, expected %r" % (m.group(1), got, want))
            elif word in ("unchanged", "changed"):
                same = db_digest(db) == before
                if same != (word == "unchanged"):
                    raise CaseError("the database %s" % ("changed" if not same else "did not change"))
            elif word == "python":
                here = here or os.path.dirname(db)
                names = {"out": out, "err": err, "prev": prev, "json": json, "re": re,
                         "ics": ics_events, "csv": csv_rows,
                         "xlsx": lambda name: xlsx_sheet(os.path.join(here, name)),
                         "pdftext": lambda name: pdf_text(os.path.join(here, name)),
                         "pdfinfo": lambda name: pdf_info(os.path.join(here, name)),
                         "exists": lambda name: os.path.exists(os.path.join(here, name)),
                         "read": lambda name: open(os.path.join(here, name), "rb").read()}
                try:
                    ok = eval(rest, names)
                except Exception as e:
                    raise CaseError("python %s: %s: %s" % (rest, type(e).__name__, e))
                if not ok:
                    raise CaseError("python %s is false (stdout: %s)" % (rest, short(out)))
            else:
                raise CaseError("line %d: unknown expectation %r" % (lineno, c))


def main(argv):
    verbose = False
    args = []
    for a in argv[1:]:
        if a in ("-v", "--verbose"):
            verbose = True
        elif a in ("-h", "--help"):
            print(__doc__)
            return 0
        else:
            args.append(a)
    if not args:
        print("usage: run.py [-v] PATH/TO/redress [CASE-FILTER...]", file=sys.stderr)
        return 2
    binary, filters = os.path.abspath(args[0]), args[1:]
    if not os.access(binary, os.X_OK):
        print("run.py: %s is not an executable" % binary, file=sys.stderr)
        return 2
    files = sorted(f for f in os.listdir(CASES) if f.endswith(".t"))
    if filters:
        files = [f for f in files if any(x in f for x in filters)]
    results = {}

    def one(f):
        try:
            Case(os.path.join(CASES, f)).run(binary, verbose)
            return None
        except CaseError as e:
            return str(e)
        except CaseSkip as e:
            return e
        except Exception as e:  # a bug in the runner or the case: report, go on
            return "%s: %s" % (type(e).__name__, e)

    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        futures = {f: pool.submit(one, f) for f in files}
        passed = failed = skipped = 0
        for f in files:
            err = futures[f].result()
            name = f[:-2]
            if isinstance(err, CaseSkip):
                skipped += 1
                print("skip   %s: on PostgreSQL: %s" % (name, err))
                continue
            if err is None:
                passed += 1
                print("ok     %s" % name)
            else:
                failed += 1
                print("FAIL   %s: %s" % (name, err))
            results[f] = err
    if skipped:
        print("%d skipped (they test a SQLite file)" % skipped)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed or not files else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
