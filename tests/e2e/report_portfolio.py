#!/usr/bin/python3
"""`redress report portfolio` on the demo data: the PDF's headline figures
read back with pdftotext equal `redress metrics --json` for the same
period, and its most at-risk client is the one `redress trust --json`
names first; the HTML parses, holds one <svg> per chart and escapes names;
each chart drawn as PNG has the expected size and is not one colour; bad
input is refused with a message naming it and writes nothing.

usage: tests/e2e/report_portfolio.py [PATH/TO/redress]   (default: build/redress)
Ends with `report-portfolio: N passed, N failed`; exits non-zero on any failure.
"""
import html.parser
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

NOW = "2026-11-22T12:00:00Z"
FROM = "2026-10-23T12:00:00Z"
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BIN = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build", "redress"))
TMP = tempfile.mkdtemp(prefix="redress-portfolio-")
sys.path.insert(0, os.path.join(ROOT, "tests", "pg"))
import pgserver  # noqa: E402  (tests/pg/pgserver.py)
PG = pgserver.admin_url() is not None


def new_db(name):
    """A fresh database: a file in TMP, or with REDRESS_TEST_PG
    (tests/pg/pgserver.py) an empty PostgreSQL database."""
    return pgserver.fresh_db("rd_portfolio") if PG else os.path.join(TMP, name)


DB = new_db("p.db")
ENV = dict(os.environ, REDRESS_NOW=NOW, REDRESS_DB=DB)
ENV.pop("REDRESS_USER", None)
EVIL = "<b>Bold & Sons</b>"
passed = failed = 0


def check(name, cond, info=""):
    global passed, failed
    if cond:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {name}: {info}")


def run(*args, env=ENV):
    return subprocess.run([BIN, *args], capture_output=True, text=False, env=env)


def text(*args):
    r = run(*args)
    assert r.returncode == 0, (args, r.stderr)
    return r.stdout.decode()


def png_pixels(data):
    """(width, height, set of pixel colours) of an 8-bit RGB(A) PNG, decoded
    here with zlib and the five row filters of the PNG format."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat = 8, b""
    w = h = ctype = None
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
            assert depth == 8
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    bpp = {2: 3, 6: 4}[ctype]
    raw, stride, prev, colours = zlib.decompress(idat), w * bpp, bytearray(w * bpp), set()
    for y in range(h):
        f, row = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = row[i - bpp] if i >= bpp else 0
            b, c = prev[i], (prev[i - bpp] if i >= bpp else 0)
            if f == 1:
                row[i] = (row[i] + a) & 255
            elif f == 2:
                row[i] = (row[i] + b) & 255
            elif f == 3:
                row[i] = (row[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                row[i] = (row[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        colours.update(bytes(row[i:i + 3]) for i in range(0, stride, bpp))
        prev = row
    return w, h, colours


try:
    text("demo")
    text("client", "add", EVIL, "--tier", "standard")
    period = ["--from", FROM, "--to", NOW]
    metrics = json.loads(text("metrics", "--json", *period))["overall"]
    trust = json.loads(text("trust", "--json", "--at", NOW))
    view = json.loads(text("report", "portfolio", "--format", "json", *period))

    # ---- the figures equal `redress metrics` and `redress trust`
    h = view["headline"]
    tta = metrics["time_to_apology"]
    check("json: median time to apology = metrics", h["apology_median_seconds"] == tta["median_seconds"], h)
    check("json: p90 time to apology = metrics", h["apology_p90_seconds"] == tta["p90_seconds"], h)
    check("json: promise-kept rate = metrics", h["promise_kept_rate"] == metrics["promises"]["kept_rate"], h)
    check("json: chases per client = metrics", h["chases_per_client"] == metrics["chases"]["per_affected_client"], h)
    check("json: survey mean = metrics", h["survey_mean"] == metrics["survey"]["mean"], h)
    on = sum(s["on_time"] for s in metrics["steps"])
    due = sum(s["on_time"] + s["late"] + s["overdue"] for s in metrics["steps"])
    check("json: on-time rate = on time / due over every step", due and abs(h["on_time_rate"] - on / due) < 1e-9, h)
    check("json: the portfolio is trust's order", [c["client"] for c in view["portfolio"]] ==
          [c["client"] for c in trust][:20], view["portfolio"][:3])
    check("json: counts every client", view["clients"] == len(trust) and
          view["falling"] + view["rising"] + view["steady"] == len(trust), view["clients"])
    check("json: five charts", [c["kind"] for c in view["charts"]] == ["line", "bar", "bar", "bar", "bar"],
          [c.get("title") for c in view["charts"]])
    check("json: trust over time ends at the portfolio's scores",
          [s["points"][-1][1] for s in view["charts"][0]["series"]] == [c["score"] for c in trust[:5]])

    # ---- the PDF, read back
    pdf = os.path.join(TMP, "p.pdf")
    r = run("report", "portfolio", "--format", "pdf", "-o", pdf, *period)
    check("pdf: exit 0", r.returncode == 0, r.stderr)
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    check("pdf: a PDF titled as the portfolio report", "Title:" in info and "Portfolio report" in info, info)
    pages = int(next(l.split()[-1] for l in info.splitlines() if l.startswith("Pages:")))
    check("pdf: the charts take more than one page", pages >= 2, pages)
    txt = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout
    flat = " ".join(txt.split())
    med, p90 = tta["median_seconds"] / 3600, tta["p90_seconds"] / 3600
    check("pdf: time to apology as metrics says", f"median {med:.1f} h, 90th percentile {p90:.1f} h" in flat,
          (med, p90))
    check("pdf: steps on time as metrics says", f"Steps on time · {100 * on / due:.0f}%" in flat, on / due)
    check("pdf: promises kept as metrics says",
          f"Promises kept · {100 * metrics['promises']['kept_rate']:.0f}%" in flat, metrics["promises"])
    check("pdf: chases as metrics says",
          f"Chases per affected client · {metrics['chases']['per_affected_client']:.2f}" in flat, metrics["chases"])
    check("pdf: survey as metrics says", f"mean {metrics['survey']['mean']:.1f} out of 10" in flat)
    port = flat[flat.index("Trust portfolio"):]
    first = min((port.find(c["client"] + " ·"), c["client"]) for c in trust if port.find(c["client"] + " ·") >= 0)
    check("pdf: the most at-risk client named first, as trust says", first[1] == trust[0]["client"],
          (first, trust[0]["client"]))
    for title in ["Trust over time", "Time to apology by tier", "On-time rate by step", "Chases per affected",
                  "Promise-kept rate by owner"]:
        check(f"pdf: chart '{title}' drawn with its text", title in flat)
    check("pdf: a client's name drawn in the trust chart's legend", trust[0]["client"] in flat[flat.index("Trust over time"):])

    # ---- the HTML
    page = text("report", "portfolio", "--format", "html", *period)

    class Parser(html.parser.HTMLParser):
        def __init__(self):
            super().__init__()
            self.stack, self.svgs, self.bad = [], 0, []

        def handle_starttag(self, tag, attrs):
            if tag == "svg":
                self.svgs += 1
                if not any(k == "viewbox" for k, _ in attrs):
                    self.bad.append("svg without viewBox")
            if tag == "script" or tag == "b":
                self.bad.append(tag)
            if tag not in ("meta", "link", "rect", "line", "br"):
                self.stack.append(tag)

        def handle_endtag(self, tag):
            if tag in ("rect", "line"):
                return
            if not self.stack or self.stack.pop() != tag:
                self.bad.append("unbalanced " + tag)

    p = Parser()
    p.feed(page)
    p.close()
    check("html: parses, balanced, no script and no raw markup from a name", not p.bad and not p.stack, p.bad[:5])
    check("html: one <svg> per chart", p.svgs == 5, p.svgs)
    check("html: a client's name escaped", "&lt;b&gt;Bold &amp; Sons&lt;/b&gt;" in page and EVIL not in page)

    # ---- each chart as PNG
    for n in range(1, 6):
        png = os.path.join(TMP, f"c{n}.png")
        r = run("report", "portfolio", "--format", "png", "--chart", str(n), "-o", png, *period)
        check(f"png {n}: exit 0", r.returncode == 0, r.stderr)
        w, hh, colours = png_pixels(open(png, "rb").read())
        check(f"png {n}: twice the chart's 480 units wide, a sensible height", w == 960 and 150 < hh < 2000, (w, hh))
        check(f"png {n}: drawn, not one colour (bars, lines and text)", len(colours) > 20, len(colours))

    # ---- bad input: a clear message, nothing written
    out = os.path.join(TMP, "never")
    for args, word in [(["--format", "docx"], "--format"), (["--format", "pdf", "--from", NOW, "--to", FROM], "--from"),
                       (["--format", "png", "--chart", "7"], "--chart"), (["--format", "html", "--chart", "2"], "--chart"),
                       (["--format", "pdf", "--to", "someday"], "someday")]:
        r = run("report", "portfolio", *args, "-o", out)
        check(f"bad input {args}: exit 2 naming it, nothing written",
              r.returncode == 2 and word in r.stderr.decode() and not os.path.exists(out), (r.returncode, r.stderr))

    # ---- many failures: the chart keeps the 12 most chased, a title's markup escaped in the SVG
    env = dict(ENV, REDRESS_DB=new_db("many.db"))
    run("init", env=env)
    run("client", "add", "Solo Co", "--tier", "key", env=env)
    for i in range(1, 15):
        title = "<script>x</script> outage" if i == 14 else f"Outage {i}"
        r = run("failure", "open", title, "--severity", "2", "--detected", f"2026-11-{i:02d}T09:00:00Z", env=env)
        r2 = run("impact", "set", str(i), "Solo Co", "--affected", "yes", env=env)
        check(f"many: failure {i} and its impact recorded", r.returncode == 0 and r2.returncode == 0,
              (r.stderr, r2.stderr))
    for _ in range(2):
        run("log", "--failure", "14", "--client", "Solo Co", "--kind", "other", "--channel", "email", "--direction",
            "in", "--chase", "--at", "2026-11-14T10:00:00Z", "--summary", "where are we?", env=env)
    v = json.loads(run("report", "portfolio", "--format", "json", env=env).stdout)
    ch = v["charts"][3]
    check("many: 12 of 14 failures charted, the title says so",
          len(ch["bars"]) == 12 and ch["title"].endswith("the 12 most chased of 14"), ch["title"])
    check("many: the most chased failure first", ch["bars"][0]["label"] == "<script>x</script> outage" and
          ch["bars"][0]["value"] == 2, ch["bars"][0])
    page = run("report", "portfolio", "--format", "html", env=env).stdout.decode()
    check("many: a failure title's markup escaped inside the SVG",
          "&lt;script&gt;x&lt;/script&gt;" in page and "<script>" not in page)

    # ---- an empty database: every chart says so instead of failing
    env = dict(ENV, REDRESS_DB=new_db("empty.db"))
    run("init", env=env)
    r = run("report", "portfolio", "--format", "html", env=env)
    check("empty database: a report that says there is nothing yet", r.returncode == 0 and
          b"No client yet." in r.stdout and r.stdout.count(b"<svg ") == 5, r.stderr)
finally:
    shutil.rmtree(TMP, ignore_errors=True)

print(f"report-portfolio: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
