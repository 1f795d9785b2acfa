#!/usr/bin/env bash
# Measures what shared fixtures and parallel execution save: runs the e2e module in four modes,
# interleaved, several times, and prints the median wall time of each side by side with ratios,
# and the fixtures' start cost (database, stub server, platform) as the fixtures log it.
#
#   shared/parallel    one database, stub server and platform per JVM; JUnit parallel on (the default)
#   shared/sequential  the same fixtures; -Djunit.jupiter.execution.parallel.enabled=false
#   class/parallel     -Dpyramid.fixtures.scope=class: each test class starts its own fixtures
#   class/sequential   both
#
# Usage: scripts/fixture-benchmark.sh [runs per mode, default 3] [extra mvn arguments, e.g. -o]
# Needs the framework and fleet-fixtures installed (mvn -B install -DskipTests -pl framework,platform/...).
# Wall time is that of `mvn verify -Plevel=e2e -pl e2e-tests`, Maven's own start included
# (the same in every mode). Every run must pass; a failing run is reported and the script fails.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
RUNS="${1:-3}"; shift || true
MVN_ARGS=("$@")
OUT="$ROOT/target/fixture-benchmark"
rm -rf "$OUT"; mkdir -p "$OUT"

declare -A MODE_ARGS=(
  [shared/parallel]=""
  [shared/sequential]="-Djunit.jupiter.execution.parallel.enabled=false"
  [class/parallel]="-Dpyramid.fixtures.scope=class"
  [class/sequential]="-Dpyramid.fixtures.scope=class -Djunit.jupiter.execution.parallel.enabled=false"
)
MODES=(shared/parallel shared/sequential class/parallel class/sequential)

for run in $(seq 1 "$RUNS"); do
  for mode in "${MODES[@]}"; do
    log="$OUT/${mode//\//-}-$run.log"
    start=$(date +%s.%N)
    # shellcheck disable=SC2086
    if mvn -B "${MVN_ARGS[@]}" verify -Plevel=e2e -pl e2e-tests -Dpyramid.testFailureIgnore=false ${MODE_ARGS[$mode]} >"$log" 2>&1; then
      result=ok
    else
      result=FAILED
    fi
    end=$(date +%s.%N)
    printf '%s\t%s\t%s\t%s\n' "$mode" "$run" "$(echo "$end - $start" | bc)" "$result" | tee -a "$OUT/times.tsv"
  done
done

python3 - "$OUT" "${MODES[@]}" <<'PY'
import re, statistics, sys, pathlib
out = pathlib.Path(sys.argv[1]); modes = sys.argv[2:]
rows = [l.split("\t") for l in (out / "times.tsv").read_text().splitlines()]
failed = [r for r in rows if r[3] != "ok"]
wall = {m: [float(r[2]) for r in rows if r[0] == m] for m in modes}
med = {m: statistics.median(v) for m, v in wall.items()}
base = med["shared/parallel"]
print()
print("e2e module, mvn verify wall time (s), %d run(s) per mode, interleaved" % len(wall[modes[0]]))
print("%-18s %8s %8s %8s  %s" % ("mode", "median", "min", "max", "ratio to shared/parallel"))
for m in modes:
    print("%-18s %8.1f %8.1f %8.1f  %.2fx" % (m, med[m], min(wall[m]), max(wall[m]), med[m] / base))
print("parallel vs sequential (shared): %.2fx faster" % (med["shared/sequential"] / base))
print("shared vs per-class (parallel):  %.2fx faster" % (med["class/parallel"] / base))
print("shared vs per-class (sequential): %.2fx faster" % (med["class/sequential"] / med["shared/sequential"]))
start = re.compile(r"Fixture start \((\w+) scope\): postgres (\d+) ms, stubs (\d+) ms, platform (\d+) ms")
stub = re.compile(r"Fixture start: stub server \S+ in (\d+) ms")
print()
print("fixture start cost (ms, median over every start logged), per mode")
print("%-18s %7s %9s %11s %9s %9s" % ("mode", "starts", "postgres", "stub server", "baseline", "platform"))
for m in modes:
    pg, st, pl, sv = [], [], [], []
    for log in sorted(out.glob(m.replace("/", "-") + "-*.log")):
        text = log.read_text(errors="replace")
        for g in start.findall(text):
            pg.append(int(g[1])); st.append(int(g[2])); pl.append(int(g[3]))
        sv += [int(x) for x in stub.findall(text)]
    if pg:
        print("%-18s %7d %9d %11d %9d %9d" % (m, len(pg), statistics.median(pg),
              statistics.median(sv) if sv else -1, statistics.median(st), statistics.median(pl)))
if failed:
    print("\nFAILED runs: " + ", ".join("%s #%s" % (r[0], r[1]) for r in failed) + " (logs in %s)" % out)
    sys.exit(1)
PY
