#!/usr/bin/env bash
# Real-browser tests of the inbox (issue 10): starts the packaged app on a free port with a fresh
# H2 database and the demo organisation, runs the Node test suite in headless Chromium
# (/usr/bin/chromium, no browser download), stops the app; exits non-zero on any failure.
#
#   src/test/browser/run.sh            # uses target/shequ-flow-*.jar (builds it if missing)
#   CHROMIUM_PATH=/path/to/chromium src/test/browser/run.sh
#   BROWSER_TESTS=tests/06-deadlines.test.mjs src/test/browser/run.sh   # one file
#   SHEQU_JAR=target/operaton/target/shequ-flow-operaton-*.jar src/test/browser/run.sh  # another build
#     (the Operaton variant, docs/operaton.md)
#   BROWSER_PORT=18290 src/test/browser/run.sh    # a fixed port instead of a free one
#
# Screenshots go to target/browser-screenshots/, the app's log to target/browser-app.log.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
cd "$ROOT"

JAR="${SHEQU_JAR:-}"
if [ -n "$JAR" ] && [ ! -f "$JAR" ]; then echo "SHEQU_JAR=$JAR: no such file" >&2; exit 1; fi
[ -n "$JAR" ] || JAR="$(ls target/shequ-flow-*.jar 2>/dev/null | grep -v '\.original$' | head -n 1 || true)"
if [ -z "$JAR" ]; then
  echo "== Packaging the app (mvn package -DskipTests)"
  mvn -B -ntp -q package -DskipTests ${MVN_ARGS:-}
  JAR="$(ls target/shequ-flow-*.jar | grep -v '\.original$' | head -n 1)"
fi

if [ ! -d "$HERE/node_modules/playwright-core" ]; then
  echo "== npm ci (playwright-core, no browser download)"
  (cd "$HERE" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
fi

PORT="${BROWSER_PORT:-$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")}"
WORK="$(mktemp -d /tmp/shequ-browser.XXXXXX)"
LOG="$ROOT/target/browser-app.log"
mkdir -p "$ROOT/target"
APP_PID=""
cleanup() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
    kill -9 "$APP_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "== Starting $JAR on port $PORT (fresh H2 in $WORK, demo organisation)"
START=$(date +%s)
java ${BROWSER_TEST_JAVA_OPTS:--Xmx768m} -jar "$JAR" \
  --server.port="$PORT" \
  "--spring.datasource.url=jdbc:h2:file:$WORK/db;DB_CLOSE_ON_EXIT=FALSE" \
  >"$LOG" 2>&1 &
APP_PID=$!

URL="http://127.0.0.1:$PORT"
for _ in $(seq 1 240); do
  if ! kill -0 "$APP_PID" 2>/dev/null; then
    echo "The app stopped during start-up; last lines of $LOG:" >&2
    tail -n 40 "$LOG" >&2
    exit 1
  fi
  code="$(node -e "fetch(process.argv[1],{redirect:'manual'}).then(r=>console.log(r.status),()=>console.log(0))" "$URL/camunda/app/tasklist/")"
  if [ "$code" = "200" ] || [ "$code" = "302" ]; then break; fi
  sleep 1
done
if [ "$code" != "200" ] && [ "$code" != "302" ]; then
  echo "The app did not answer on $URL within 240 s; last lines of $LOG:" >&2
  tail -n 40 "$LOG" >&2
  exit 1
fi
echo "== App up after $(( $(date +%s) - START )) s"
# The webapps' APIs (Jersey applications) start on their first request. On a busy machine the first
# one can take longer than the 7 s RequireJS gives a plugin module, and the first page then stays on
# its splash ("Load timeout for modules: tasklist-plugin-tasklistPlugins/plugin"): ask each once first.
for app in tasklist cockpit admin; do
  node -e "fetch(process.argv[1]).then(r=>r.text(),()=>{})" "$URL/camunda/api/$app/plugin/${app}Plugins/static/app/plugin.js"
done

rm -rf "$ROOT/target/browser-screenshots"
cd "$HERE"
TESTS_START=$(date +%s)
set +e
SHEQU_BASE_URL="$URL" SHEQU_SHOTS="$ROOT/target/browser-screenshots" \
  node --test --test-concurrency=1 --test-reporter=spec ${BROWSER_TESTS:-tests/}
STATUS=$?
set -e
echo "== Browser tests took $(( $(date +%s) - TESTS_START )) s (exit $STATUS); screenshots in target/browser-screenshots/"
exit $STATUS
