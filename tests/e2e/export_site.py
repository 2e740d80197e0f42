#!/usr/bin/python3
"""`redress export site` on the demo data: every page parses, has no script
or form, and links only to files of the copy; each client's directory holds
exactly the failures its live portal shows, with the same sections as the
live pages, and nothing internal or of another client; directory names are
random per export; a non-empty DIR is refused and left as it was; --force
replaces it whole; a leftover DIR.tmp or a DIR that is a file are refused.

usage: tests/e2e/export_site.py [PATH/TO/redress]   (default: build/redress)
Ends with `export-site: N passed, N failed`; exits non-zero on any failure.
"""
import html
import html.parser
import http.client
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from urllib.parse import urlsplit

NOW = "2026-11-22T12:00:00Z"
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BIN = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build", "redress"))
TMP = tempfile.mkdtemp(prefix="redress-site-")
sys.path.insert(0, os.path.join(ROOT, "tests", "pg"))
import pgserver  # noqa: E402  (tests/pg/pgserver.py)
PG = pgserver.admin_url() is not None
# With REDRESS_TEST_PG (tests/pg/pgserver.py), a fresh PostgreSQL database instead.
DB = pgserver.fresh_db("rd_site") if PG else os.path.join(TMP, "s.db")
ENV = dict(os.environ, REDRESS_NOW=NOW, REDRESS_DB=DB)
ENV.pop("REDRESS_USER", None)
passed = failed = 0
SECRET = "INTERNAL-ONLY-7f3a"  # must never reach a client's copy


def check(name, cond, info=""):
    global passed, failed
    if cond:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {name} {info}".rstrip())


def run(*args):
    return subprocess.run([BIN, "--db", DB, *args], capture_output=True, text=True, env=ENV, timeout=120)


def cli(*args):
    p = run(*args)
    if p.returncode != 0:
        raise SystemExit(f"redress {' '.join(args)} failed ({p.returncode}): {p.stderr}")
    return p.stdout


class Page(html.parser.HTMLParser):
    """Links, scripts, forms, event handlers, and the HTML of each <section id=…>."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.links, self.scripts, self.forms, self.handlers = [], 0, 0, []
        self.failures = set()
        self.feed(text)
        self.close()
        self.sections = {m.group(1): m.group(0) for m in
                         re.finditer(r'<section class="card" id="([a-z]+)">.*?</section>', text, re.S)}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script":
            self.scripts += 1
        if tag == "form":
            self.forms += 1
        self.handlers += [k for k in a if k.startswith("on")]
        for k in ("href", "src", "action"):
            if a.get(k) is not None:
                self.links.append(a[k])


def files_under(d):
    out = {}
    for base, _, names in os.walk(d):
        for n in names:
            p = os.path.join(base, n)
            out[os.path.relpath(p, d)] = open(p, "rb").read()
    return out


def portal_session(port, contact):
    url = cli("portal", "invite", contact).strip()
    path = urlsplit(url).path
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    c.request("GET", path)
    r = c.getresponse()
    r.read()
    cookie = r.getheader("Set-Cookie", "").split(";")[0]
    c.close()
    return cookie


def get(port, path, cookie):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    c.request("GET", path, headers={"Cookie": cookie})
    r = c.getresponse()
    body = r.read().decode()
    c.close()
    return r.status, body


try:
    cli("demo")
    # internal material a client copy must never show
    cli("log", "--failure", "1", "--client", "Northwind Logistics", "--kind", "progress", "--channel", "call",
        "--visibility", "internal", "--summary", f"{SECRET} note", "--body", f"{SECRET} body")
    cli("rca", "set", "1", "--findings", f"{SECRET} findings")
    clients = {c["id"]: c for c in json.loads(cli("client", "list", "--json"))}
    contacts = {}
    for k in json.loads(cli("contact", "list", "--json")):
        contacts.setdefault(k["client_id"], k["email"])

    site = os.path.join(TMP, "site")
    p = run("export", "site", site, "--at", NOW, "--json")
    check("export site: exit 0", p.returncode == 0, p.stderr)
    res = json.loads(p.stdout)
    check("every client exported", res["clients"] == len(clients), res)

    # the staff index maps every client to its directory
    index = open(os.path.join(site, "index.html")).read()
    rows = [(d, html.unescape(n)) for d, n in
            re.findall(r'<a href="([0-9a-f]{32})/index\.html">([^<]*)</a>', index)]
    check("staff index lists every client", sorted(n for _, n in rows) ==
          sorted(c["name"] for c in clients.values()), rows)
    check("staff index says it is not for clients", "Do not publish this page" in index)
    dirs = {n: d for d, n in rows}
    check("directory names: 32 hex characters, all different",
          len(set(dirs.values())) == len(clients) and all(re.fullmatch(r"[0-9a-f]{32}", d) for d in dirs.values()))
    check("no directory but the clients' at the top", sorted(e for e in os.listdir(site) if os.path.isdir(
        os.path.join(site, e))) == sorted(dirs.values()))
    check("no DIR.tmp left behind", not os.path.exists(site + ".tmp"))

    # every page: parses, no script, no form, no handler, links resolve inside the copy
    pages = 0
    for rel, data in files_under(site).items():
        if not rel.endswith(".html"):
            continue
        pages += 1
        pg = Page(data.decode())
        check(f"{rel}: no script", pg.scripts == 0)
        check(f"{rel}: no form", pg.forms == 0)
        check(f"{rel}: no on* handler", not pg.handlers, pg.handlers)
        for link in pg.links:
            if link.startswith("mailto:"):
                continue
            u = urlsplit(link)
            ok = not u.scheme and not u.netloc and not link.startswith("/")
            target = os.path.normpath(os.path.join(site, os.path.dirname(rel), u.path))
            check(f"{rel}: link {link} is relative and resolves", ok and os.path.isfile(target) and
                  target.startswith(site + os.sep), link)
    check("page count as reported", pages == res["pages"], (pages, res))

    # each client's copy against its live portal
    srv = subprocess.Popen([BIN, "--db", DB, "serve", "--listen", "127.0.0.1:0", "--access-log", "off"],
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=ENV)
    try:
        port = int(re.match(r"listening on http://127\.0\.0\.1:(\d+)", srv.stdout.readline()).group(1))
        for cid, c in clients.items():
            d = os.path.join(site, dirs.get(c["name"], "?"))
            if not os.path.isdir(d) or cid not in contacts:
                check(f"{c['name']}: a directory and a contact", False, d)
                continue
            cookie = portal_session(port, contacts[cid])
            st, live_home = get(port, "/portal/", cookie)
            live = set(int(x) for x in re.findall(r'href="/portal/failures/(\d+)"', live_home))
            copied = set(int(m.group(1)) for f in os.listdir(d) if (m := re.fullmatch(r"failure-(\d+)\.html", f)))
            check(f"{c['name']}: the same failures as the live portal", st == 200 and live == copied,
                  (live, copied))
            home = open(os.path.join(d, "index.html")).read()
            check(f"{c['name']}: start page names the client",
                  f'<span class="who">{html.escape(c["name"], quote=False)}</span>' in home)
            check(f"{c['name']}: start page says it is a copy while the portal is down",
                  "This is a copy of your service status as of" in home and "live portal is down" in home)
            others = [o["name"] for o in clients.values() if o["id"] != cid and o["name"] not in c["name"]]
            for fid in copied:
                page = open(os.path.join(d, f"failure-{fid}.html")).read()
                st, livepage = get(port, f"/portal/failures/{fid}", cookie)
                sp, lp = Page(page), Page(livepage)
                for sec in ("cause", "updates", "plan", "commitments", "goodwill"):
                    check(f"{c['name']} failure {fid}: section {sec} as on the live portal",
                          sp.sections.get(sec) == lp.sections.get(sec), sec)
                check(f"{c['name']} failure {fid}: the live page has the ask form the copy lacks",
                      lp.forms >= 1 and sp.forms == 0)
                check(f"{c['name']} failure {fid}: nothing internal", SECRET not in page)
                leaked = [o for o in others if html.escape(o, quote=False) in page]
                check(f"{c['name']} failure {fid}: no other client named", not leaked, leaked)
            check(f"{c['name']}: nothing internal on the start page", SECRET not in home)
    finally:
        srv.terminate()
        srv.wait(10)
    check("the internal note exists in the database (the check above can fail)",
          SECRET in cli("comm", "list", "--json"))

    # a non-empty DIR: refused, exit 2, the copy unchanged
    before = files_under(site)
    p = run("export", "site", site)
    check("re-export to a non-empty DIR: exit 2 naming it", p.returncode == 2 and "not empty" in p.stderr
          and site in p.stderr and "--force" in p.stderr, (p.returncode, p.stderr))
    check("... and the copy is unchanged", files_under(site) == before)
    # --force: a whole new copy with new directory names, nothing left over
    p = run("export", "site", site + "/", "--force", "--json")
    after = files_under(site)
    new_dirs = {e for e in os.listdir(site) if os.path.isdir(os.path.join(site, e))}
    check("--force replaces it: exit 0", p.returncode == 0, p.stderr)
    check("--force: new random directory names", not (new_dirs & set(dirs.values())) and
          len(new_dirs) == len(clients), new_dirs)
    check("--force: no .tmp or .old- left beside it", not [e for e in os.listdir(TMP) if e.startswith("site.")],
          os.listdir(TMP))
    # a leftover DIR.tmp: refused naming it, DIR untouched
    os.mkdir(site + ".tmp")
    p = run("export", "site", site, "--force")
    check("a leftover DIR.tmp: exit 2 naming it", p.returncode == 2 and site + ".tmp" in p.stderr, p.stderr)
    check("... and DIR untouched", files_under(site) == after)
    check("... and DIR.tmp is not removed for the user", os.path.isdir(site + ".tmp"))
    os.rmdir(site + ".tmp")
    # DIR is a file; DIR in a missing directory; bad --at
    f = os.path.join(TMP, "afile")
    open(f, "w").write("x")
    p = run("export", "site", f)
    check("DIR is a file: exit 2 naming it", p.returncode == 2 and "not a directory" in p.stderr, p.stderr)
    p = run("export", "site", os.path.join(TMP, "missing", "site"))
    check("DIR under a missing directory: exit 1 naming it", p.returncode == 1 and "missing" in p.stderr
          and not os.path.exists(os.path.join(TMP, "missing")), (p.returncode, p.stderr))
    p = run("export", "site", os.path.join(TMP, "other"), "--at", "yesterday")
    check("a bad --at: exit 2, nothing written", p.returncode == 2 and "yesterday" in p.stderr and
          not os.path.exists(os.path.join(TMP, "other")), p.stderr)
    # an empty DIR is fine
    os.mkdir(os.path.join(TMP, "empty"))
    p = run("export", "site", os.path.join(TMP, "empty"))
    check("an empty DIR: exit 0", p.returncode == 0 and os.path.isfile(os.path.join(TMP, "empty", "index.html")),
          p.stderr)
finally:
    shutil.rmtree(TMP, ignore_errors=True)

print(f"export-site: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
