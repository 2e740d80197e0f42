#!/usr/bin/python3
"""pgserver.py — a throwaway PostgreSQL 15 server for the test suites.

    /usr/bin/python3 tests/pg/pgserver.py -- COMMAND ARGS...
    /usr/bin/python3 tests/pg/pgserver.py --serve URLFILE &   (scripts/test-all)

creates a cluster with initdb in a temporary directory, starts it with pg_ctl
on 127.0.0.1 at a free port, runs COMMAND with REDRESS_TEST_PG set to the
server's admin URL (postgres://redress@127.0.0.1:PORT/postgres), then stops
the server and removes the directory, also when COMMAND fails or the harness
is interrupted. Exits with COMMAND's status. With --serve, it writes the
admin URL to URLFILE once the server is up and keeps it running until it gets
SIGTERM or SIGINT, then stops it the same way: one server for several suites. When run as root (CI), the
server runs as the `postgres` account through runuser: PostgreSQL refuses to
run as root.

The suites import this module for fresh databases: `fresh_db(prefix)` makes
one (CREATE DATABASE … TEMPLATE, fast) from a template that `redress init`
migrated once, so each case starts from an empty schema without paying for
the migrations. Standard library only; talks to the server through psql.
"""
import atexit
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading

BINDIR = os.environ.get("PG_BINDIR", "/usr/lib/postgresql/15/bin")
USER = "redress"   # the cluster's superuser, who owns every test database


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PgServer:
    """A cluster in a temporary directory; start() then stop()."""

    def __init__(self):
        self.dir = None
        self.port = None
        self.started = False

    def _as_owner(self, argv):
        if os.geteuid() == 0:
            return ["runuser", "-u", "postgres", "--"] + argv
        return argv

    def start(self):
        self.dir = tempfile.mkdtemp(prefix="redress-pg-")
        os.chmod(self.dir, 0o755)
        data = os.path.join(self.dir, "data")
        os.mkdir(data, 0o700)
        if os.geteuid() == 0:
            shutil.chown(data, "postgres", "postgres")
        self.port = _free_port()
        subprocess.run(self._as_owner([
            os.path.join(BINDIR, "initdb"), "-D", data, "-U", USER, "-A", "trust",
            "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]),
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        # fsync=off: the suites kill redress, never this throwaway server, so
        # flushing its files buys nothing but time on a shared machine.
        # redress itself still asks for synchronous_commit=on.
        opts = ("-c listen_addresses=127.0.0.1 -c port=%d -c unix_socket_directories='%s' "
                "-c fsync=off -c full_page_writes=off -c max_connections=300 "
                "-c shared_buffers=64MB" % (self.port, data))
        subprocess.run(self._as_owner([
            os.path.join(BINDIR, "pg_ctl"), "-D", data, "-o", opts, "-w", "-t", "60",
            "-l", os.path.join(data, "server.log"), "start"]),
            check=True, stdout=subprocess.DEVNULL)
        self.started = True
        atexit.register(self.stop)
        return self

    def stop(self, mode="fast"):
        if self.started:
            self.started = False
            subprocess.run(self._as_owner([
                os.path.join(BINDIR, "pg_ctl"), "-D", os.path.join(self.dir, "data"), "-m", mode,
                "-w", "stop"]), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if self.dir:
            shutil.rmtree(self.dir, ignore_errors=True)
            self.dir = None

    def restart(self, mode="immediate"):
        """Stops the server (immediate: as a crash would) and starts it again."""
        data = os.path.join(self.dir, "data")
        subprocess.run(self._as_owner([os.path.join(BINDIR, "pg_ctl"), "-D", data, "-m", mode,
                                       "-w", "restart"]), check=True, stdout=subprocess.DEVNULL)

    def url(self, db="postgres"):
        return "postgres://%s@127.0.0.1:%d/%s" % (USER, self.port, db)


def admin_url():
    """The URL of the running harness's server (REDRESS_TEST_PG), or None."""
    return os.environ.get("REDRESS_TEST_PG") or None


def db_url(name):
    base = admin_url()
    return base[:base.rindex("/") + 1] + name


def psql(url, sql, check=True):
    """Runs SQL through psql (unaligned, tuples only); returns stdout."""
    p = subprocess.run(["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", sql],
                       capture_output=True, text=True)
    if check and p.returncode != 0:
        raise RuntimeError("psql: %s" % p.stderr.strip())
    return p.stdout


_lock = threading.Lock()
_template = {}
_count = [0]


def fresh_db(prefix, binary=None):
    """A new database's URL. With BINARY, a copy of a template that
    `BINARY init` migrated (made once per process); without, an empty one."""
    with _lock:
        _count[0] += 1
        name = "%s_%d_%d" % (prefix, os.getpid(), _count[0])
        tpl = None
        if binary:
            tpl = _template.get(binary)
            if tpl is None:
                tpl = "rd_tpl_%d" % os.getpid()
                psql(admin_url(), "CREATE DATABASE %s" % tpl)
                p = subprocess.run([binary, "init", "--db", db_url(tpl)], capture_output=True,
                                   text=True, env=dict(os.environ, REDRESS_NOW="2026-11-22T12:00:00Z"))
                if p.returncode != 0:
                    raise RuntimeError("redress init on the template failed: %s" % p.stderr)
                _template[binary] = tpl
                atexit.register(drop_db, tpl)
    psql(admin_url(), "CREATE DATABASE %s%s" % (name, " TEMPLATE " + tpl if tpl else ""))
    return db_url(name)


def drop_db(url_or_name):
    name = url_or_name.rsplit("/", 1)[-1]
    psql(admin_url(), "DROP DATABASE IF EXISTS %s WITH (FORCE)" % name, check=False)


def rows(url, sql):
    """SQL's rows as tuples, like sqlite3's fetchall(): NULL is None and a
    column of digits an int (every number the suites read is an integer)."""
    p = subprocess.run(["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-F", "\x1f",
                        "-P", "null=\\N", "-d", url, "-c", sql], capture_output=True, text=True)
    if p.returncode != 0:
        raise RuntimeError("psql: %s" % p.stderr.strip())

    def value(v):
        if v == "\\N":
            return None
        return int(v) if v.lstrip("-").isdigit() else v
    return [tuple(value(v) for v in line.split("\x1f")) for line in p.stdout.split("\n") if line]


def digest(url):
    """The schema version and every row of every table, as text, for
    'did this command change the database' checks."""
    tables = psql(url, "SELECT table_name FROM information_schema.tables "
                       "WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1").split()
    if not tables:
        return "empty"
    q = " UNION ALL ".join(
        "SELECT '%s', md5(coalesce(string_agg(x::text, E'\\n' ORDER BY x::text), '')) FROM \"%s\" x"
        % (t, t) for t in tables)
    return psql(url, q)


def serve(urlfile):
    srv = PgServer()
    try:
        srv.start()
    except subprocess.CalledProcessError as e:
        print("pgserver: cannot start PostgreSQL: %s" % (e.stderr or b"").decode(errors="replace"),
              file=sys.stderr)
        srv.stop()
        return 1
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(sig, lambda *_: stop.set())
    try:
        with open(urlfile + ".tmp", "w") as f:
            f.write(srv.url() + "\n")
        os.rename(urlfile + ".tmp", urlfile)
        while not stop.wait(1):
            pass
    finally:
        srv.stop()
        try:
            os.unlink(urlfile)
        except OSError:
            pass
    return 0


def main(argv):
    if len(argv) == 3 and argv[1] == "--serve":
        return serve(argv[2])
    if "--" not in argv or argv.index("--") == len(argv) - 1:
        print("usage: pgserver.py -- COMMAND ARGS...", file=sys.stderr)
        return 2
    cmd = argv[argv.index("--") + 1:]
    srv = PgServer()
    try:
        srv.start()
    except subprocess.CalledProcessError as e:
        print("pgserver: cannot start PostgreSQL: %s" % (e.stderr or b"").decode(errors="replace"),
              file=sys.stderr)
        srv.stop()
        return 1
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        env = dict(os.environ, REDRESS_TEST_PG=srv.url())
        return subprocess.run(cmd, env=env).returncode
    except KeyboardInterrupt:
        return 130
    finally:
        srv.stop()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
