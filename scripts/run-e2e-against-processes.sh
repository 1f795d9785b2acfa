#!/usr/bin/env bash
# Runs the e2e suite as a smoke test against the platform started as separate processes, the way
# it runs against a deployed environment: PostgreSQL (the framework's embedded fixture in a
# process of its own), the routing API (WireMock standalone, serving fleet-fixtures' mapping
# files), fleet-core and api-gateway from their fat jars. Nothing starts inside the test JVM:
# the suite gets only pyramid.target.* URLs. Then the ui suite (ui-tests) drives the dashboard the
# gateway process serves, given its URL (pyramid.target.dashboard-url), in Debian's Chromium
# (scripts/browser.sh). Everything is stopped on exit, whatever happens.
#
# Usage: scripts/run-e2e-against-processes.sh [extra mvn arguments, e.g. -o]
# Needs: Java 17, Maven, curl, python3 (to pick free ports). Builds the fat jars if missing.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
MVN_ARGS=("$@")
WORK="$ROOT/target/e2e-against-processes"
WIREMOCK_VERSION=3.13.2
ROUTING_FILES="$ROOT/platform/fleet-fixtures/src/main/resources/dev/pyramid/platform/fixtures/stubs/routing"
PIDS=()

log() { printf '[e2e-processes] %s\n' "$*"; }

stop_all() {
  local status=$?
  for ((i=${#PIDS[@]}-1; i>=0; i--)); do
    local pid="${PIDS[$i]}"
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      # Wait for the process to exit (its shutdown hook stops what it started), at most ~20 s.
      for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
      kill -9 "$pid" 2>/dev/null || true
    fi
  done
  log "stopped ${#PIDS[@]} process(es); logs in $WORK"
  exit "$status"
}
trap stop_all EXIT INT TERM

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# Waits until a command succeeds, or fails naming what it waited for and the log to read.
wait_for() {
  local what="$1" logfile="$2" pid="$3"; shift 3
  for _ in $(seq 1 300); do
    if "$@" >/dev/null 2>&1; then log "$what is up"; return 0; fi
    if ! kill -0 "$pid" 2>/dev/null; then log "$what exited before it was up; see $logfile"; tail -20 "$logfile" >&2; exit 1; fi
    sleep 0.2
  done
  log "$what did not come up within 60 s; see $logfile"; tail -20 "$logfile" >&2; exit 1
}

rm -rf "$WORK"; mkdir -p "$WORK"

CORE_JAR=$(ls platform/fleet-core/target/fleet-core-*-all.jar 2>/dev/null | head -1 || true)
GATEWAY_JAR=$(ls platform/api-gateway/target/api-gateway-*-all.jar 2>/dev/null | head -1 || true)
if [[ -z "$CORE_JAR" || -z "$GATEWAY_JAR" ]]; then
  log "fat jars missing: building them (mvn install -DskipTests)"
  mvn -B -q "${MVN_ARGS[@]}" install -DskipTests
  CORE_JAR=$(ls platform/fleet-core/target/fleet-core-*-all.jar | head -1)
  GATEWAY_JAR=$(ls platform/api-gateway/target/api-gateway-*-all.jar | head -1)
fi

log "resolving WireMock standalone $WIREMOCK_VERSION and the fixtures' classpath"
mvn -B -q -N "${MVN_ARGS[@]}" dependency:copy -Dartifact=org.wiremock:wiremock-standalone:$WIREMOCK_VERSION \
  -DoutputDirectory="$WORK" -Dmdep.stripVersion=true
mvn -B -q "${MVN_ARGS[@]}" dependency:build-classpath -pl platform/fleet-fixtures -Dmdep.outputFile="$WORK/fixtures.classpath"
FIXTURES_CP="$(cat "$WORK/fixtures.classpath"):$ROOT/platform/fleet-fixtures/target/classes"

log "starting PostgreSQL (framework fixture, provider ${PYRAMID_POSTGRES_PROVIDER:-embedded})"
java -Dpyramid.postgres.provider="${PYRAMID_POSTGRES_PROVIDER:-embedded}" -cp "$FIXTURES_CP" \
  dev.pyramid.platform.fixtures.process.StandaloneDatabase "$WORK/database.env" >"$WORK/postgres.log" 2>&1 &
PIDS+=($!)
wait_for "PostgreSQL" "$WORK/postgres.log" "${PIDS[-1]}" test -f "$WORK/database.env"
set -a; source "$WORK/database.env"; set +a

ROUTING_PORT=$(free_port)
log "starting the routing API stub (WireMock standalone, files from $ROUTING_FILES)"
java -jar "$WORK/wiremock-standalone.jar" --bind-address 127.0.0.1 --port "$ROUTING_PORT" \
  --root-dir "$ROUTING_FILES" --disable-banner >"$WORK/routing.log" 2>&1 &
PIDS+=($!)
wait_for "routing stub" "$WORK/routing.log" "${PIDS[-1]}" curl -sf "http://127.0.0.1:$ROUTING_PORT/__admin/mappings"

CORE_PORT=$(free_port)
log "starting fleet-core ($CORE_JAR)"
# As a stage runs it: its flag file (production's unless PYRAMID_STAGE says otherwise) through flagd.
ROUTING_URL="http://127.0.0.1:$ROUTING_PORT" PORT="$CORE_PORT" HOST=127.0.0.1 \
  FLAGS_FILE="flags/stages/${PYRAMID_STAGE:-production}.flagd.json" FLAGS_REGISTRY=flags/registry.flagd.json \
  java -jar "$CORE_JAR" >"$WORK/fleet-core.log" 2>&1 &
PIDS+=($!)
wait_for "fleet-core" "$WORK/fleet-core.log" "${PIDS[-1]}" curl -sf "http://127.0.0.1:$CORE_PORT/health"

GATEWAY_PORT=$(free_port)
API_KEY="smoke-$(python3 -c 'import uuid; print(uuid.uuid4())')"
log "starting api-gateway ($GATEWAY_JAR)"
FLEET_CORE_URL="http://127.0.0.1:$CORE_PORT" API_KEYS="$API_KEY" PORT="$GATEWAY_PORT" HOST=127.0.0.1 \
  java -jar "$GATEWAY_JAR" >"$WORK/api-gateway.log" 2>&1 &
PIDS+=($!)
wait_for "api-gateway" "$WORK/api-gateway.log" "${PIDS[-1]}" curl -sf "http://127.0.0.1:$GATEWAY_PORT/health"

log "running the e2e suite against http://127.0.0.1:$GATEWAY_PORT (nothing starts in the test JVM)"
set +e
mvn -B "${MVN_ARGS[@]}" verify -Plevel=e2e -pl e2e-tests -Dpyramid.testFailureIgnore=false \
  -Dpyramid.target.gateway-url="http://127.0.0.1:$GATEWAY_PORT" \
  -Dpyramid.target.fleet-core-url="http://127.0.0.1:$CORE_PORT" \
  -Dpyramid.target.api-key="$API_KEY" | tee "$WORK/mvn.log"
status=${PIPESTATUS[0]}
set -e
grep -v -- '-- in ' "$WORK/mvn.log" | grep -h -o 'Tests run: [0-9]*, Failures: [0-9]*, Errors: [0-9]*, Skipped: [0-9]*' \
  | sed 's/^/[e2e-processes] totals (journeys, then the secret scan): /' || true
for report in e2e-tests/target/failsafe-reports/e2e/TEST-*.xml; do
  grep -o '<skipped message="[^"]*"' "$report" | sed 's/<skipped message=/[e2e-processes] skipped: /' || true
done

log "running the ui suite against the dashboard at http://127.0.0.1:$GATEWAY_PORT/dashboard/"
set +e
mvn -B "${MVN_ARGS[@]}" verify -Plevel=ui -pl ui-tests -Dpyramid.testFailureIgnore=false \
  -Dpyramid.target.gateway-url="http://127.0.0.1:$GATEWAY_PORT" \
  -Dpyramid.target.fleet-core-url="http://127.0.0.1:$CORE_PORT" \
  -Dpyramid.target.api-key="$API_KEY" \
  -Dpyramid.target.dashboard-url="http://127.0.0.1:$GATEWAY_PORT/dashboard/" | tee "$WORK/mvn-ui.log"
ui_status=${PIPESTATUS[0]}
set -e
grep -v -- '-- in ' "$WORK/mvn-ui.log" | grep -h -o 'Tests run: [0-9]*, Failures: [0-9]*, Errors: [0-9]*, Skipped: [0-9]*' \
  | sed 's/^/[e2e-processes] ui totals: /' || true
if [ "$status" -eq 0 ]; then
  status=$ui_status
fi
exit "$status"
