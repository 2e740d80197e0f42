#!/usr/bin/env bash
# tests/fresh/run.sh — proves the `make run` path works on a machine that has
# only the packages `scripts/install-deps --build` installs (issue: make run
# used to need cmocka). It hides every other package's pkg-config file and
# CMake's package search, configures and builds a new build dir, runs `make
# run` on a temporary database and a free port, waits for /healthz, takes the
# login link the server printed and checks that it signs in (a session
# cookie, then the agenda page). Ends with "fresh: N passed, N failed".
#
#   tests/fresh/run.sh            (run by scripts/test-all; ~40 s of CPU)
#
# It fails if the build requires a test-only package such as cmocka, or if a
# package the build needs is missing from install-deps' build list: the
# pkg-config files visible are those of the listed packages and of what they
# depend on (which apt installs with them), taken from `dpkg -L`.
set -u
cd "$(dirname "$0")/../.."
ROOT=$PWD
PY=/usr/bin/python3
T=$(mktemp -d /tmp/redress-fresh-XXXXXX)
passed=0
failed=0
server=""

ok() { echo "ok     $1"; passed=$((passed + 1)); }
bad() { echo "FAIL   $1"; failed=$((failed + 1)); }
finish() {
  if [ -n "$server" ] && kill -0 -- "-$server" 2>/dev/null; then
    kill -TERM -- "-$server" 2>/dev/null
    for _ in $(seq 50); do kill -0 -- "-$server" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$server" 2>/dev/null
  fi
  rm -rf "$T"
  echo "fresh: $passed passed, $failed failed"
  [ "$failed" -eq 0 ]
  exit
}
trap finish EXIT
trap "exit 1" INT TERM

# 1. The pkg-config files of the build packages and their dependencies.
pkgs=$(scripts/install-deps --list --build)
missing=""
for p in $pkgs; do
  st=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [ "$st" = "install ok installed" ] || missing="$missing $p"
done
if [ -n "$missing" ]; then
  bad "build packages installed (missing:$missing; run scripts/install-deps --build)"
  exit
fi
# shellcheck disable=SC2086
closure=$(apt-cache depends --recurse --installed --no-recommends --no-suggests \
  --no-conflicts --no-breaks --no-replaces --no-enhances $pkgs | grep -v '^[ <]' | sort -u)
mkdir -p "$T/pkgconfig"
for p in $closure; do dpkg -L "$p" 2>/dev/null; done | grep '\.pc$' | sort -u |
  while read -r f; do [ -f "$f" ] && ln -sf "$f" "$T/pkgconfig/"; done
npc=$(find "$T/pkgconfig" -name '*.pc' | wc -l)
if [ "$npc" -gt 0 ] && [ ! -e "$T/pkgconfig/cmocka.pc" ]; then
  ok "pkg-config sees only the build packages' $npc files (no cmocka)"
else
  bad "pkg-config dir of the build packages ($npc files; cmocka.pc must not be one)"
fi
export PKG_CONFIG_LIBDIR="$T/pkgconfig"
unset PKG_CONFIG_PATH
# Meson would also find cmocka (and others) through CMake package files.
printf "[binaries]\ncmake = 'false'\n" > "$T/native.ini"

# 2. Configure with meson's defaults (tests auto), as `make run` does.
B="$T/build"
if meson setup "$B" --native-file "$T/native.ini" > "$T/setup.log" 2>&1; then
  ok "meson setup with only the build packages"
else
  bad "meson setup with only the build packages:"
  sed 's/^/       /' "$T/setup.log" | tail -n 15
  exit
fi
if grep -q "Dependency cmocka skipped\|Run-time dependency cmocka found: NO" "$T/setup.log" &&
   [ "$(meson introspect "$B" --tests)" = "[]" ]; then
  ok "tests skipped without cmocka"
else
  bad "tests skipped without cmocka (cmocka found, or tests registered anyway)"
fi

# 3. `make run` on a new database and a free port, in its own process group.
DB="$T/redress.db"
setsid make -s run BUILD="$B" DB="$DB" LISTEN=127.0.0.1:0 FIRST_ADMIN=first@redress.local \
  > "$T/run.out" 2> "$T/run.err" < /dev/null &
server=$!
port=""
for _ in $(seq 1200); do   # the build happens first: up to 10 minutes
  port=$(sed -n 's|^listening on http://127\.0\.0\.1:\([0-9]*\)$|\1|p' "$T/run.out")
  [ -n "$port" ] && break
  kill -0 "$server" 2>/dev/null || break
  sleep 0.5
done
if [ -n "$port" ]; then
  ok "make run builds and listens on a free port ($port)"
else
  bad "make run builds and listens:"
  tail -n 20 "$T/run.err" | sed 's/^/       /'
  exit
fi
for _ in $(seq 20); do grep -q '/login/link/rdl_' "$T/run.out" && break; sleep 0.25; done
link=$(sed -n 's|^  \(http://.*/login/link/rdl_[0-9a-f]*\)$|\1|p' "$T/run.out")

# 4. /healthz, then the printed link signs in and shows the agenda.
$PY - "$port" "$link" > "$T/http.out" 2>&1 <<'PYEOF'
import http.client, json, sys, time
port, link = int(sys.argv[1]), sys.argv[2]
def get(path, cookie=None):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    c.request("GET", path, headers={"Cookie": cookie} if cookie else {})
    r = c.getresponse()
    body = r.read().decode("utf-8", "replace")
    c.close()
    return r, body
r, body = get("/healthz")
ok = r.status == 200 and json.loads(body).get("status") == "ok"
print(("ok     " if ok else "FAIL   ") + "GET /healthz: %d %s" % (r.status, body.strip()[:80]))
base = "http://127.0.0.1:%d" % port
if not link.startswith(base + "/login/link/rdl_"):
    print("FAIL   make run printed a login link on %s (got %r)" % (base, link))
    sys.exit(0)
print("ok     make run printed a login link on the address it listens on")
r, _ = get(link[len(base):])
cookie = next((v.split(";")[0] for k, v in r.getheaders()
               if k.lower() == "set-cookie" and v.startswith("rd_session=")), None)
ok = r.status == 303 and cookie
print(("ok     " if ok else "FAIL   ") + "the login link answers 303 with a session cookie (%d)" % r.status)
if cookie:
    r, body = get("/", cookie)
    ok = r.status == 200 and "<h1>Agenda</h1>" in body and "first@redress.local" in body
    print(("ok     " if ok else "FAIL   ") + "signed in: the agenda page for first@redress.local (%d)" % r.status)
PYEOF
cat "$T/http.out"
passed=$((passed + $(grep -c '^ok ' "$T/http.out")))
failed=$((failed + $(grep -c '^FAIL ' "$T/http.out")))
grep -qE '^(ok|FAIL) ' "$T/http.out" || { bad "HTTP checks ran"; cat "$T/http.out"; }

# 5. SIGTERM stops it cleanly: every process of the group is gone (make may
# exit before the server it started has finished stopping).
kill -TERM -- "-$server"
for _ in $(seq 200); do kill -0 -- "-$server" 2>/dev/null || break; sleep 0.1; done
if ! kill -0 -- "-$server" 2>/dev/null && grep -q "redress serve: stopped" "$T/run.err"; then
  ok "the server stops on SIGTERM"
else
  bad "the server stops on SIGTERM"
fi
