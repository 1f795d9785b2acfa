#!/usr/bin/env bash
# Times `pyramid gate` of two or more builds over the benchmark's Allure set, runs interleaved: each round
# runs every build once, in an order that turns from round to round, so that the other tenants' load falls
# on all of them alike. Prints each run, then each build's median wall and CPU time and its ratio to the
# first build's.
#
#   bench/compare-gates.sh [--rounds N] [--set DIR] [--work DIR] NAME=BUILD_DIR...
#
#   BUILD_DIR  a directory holding a `pyramid` launcher, pyramid.jar and pyramid-jit.json (reporting/target,
#              or a copy of it); its class-data archive is trained anew in WORK/NAME by one gate run
#   --set DIR  the Allure result set: a directory whose allure-results/ holds the *-result.json files
#              (default /tmp/pyramid-bench/allure, as bench/gate-benchmark.sh generates it)
#   --work DIR where the set is copied and stamped, and where each build runs (default /tmp/pyramid-compare);
#              the set itself is only read
#   --rounds N rounds after one warm-up round (default 9)
set -euo pipefail

ROUNDS=9
SET=/tmp/pyramid-bench/allure
WORK=/tmp/pyramid-compare
BUILDS=()
while (($#)); do
  case "$1" in
    --rounds) ROUNDS="$2"; shift 2 ;;
    --set) SET="$2"; shift 2 ;;
    --work) WORK="$2"; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *=*) BUILDS+=("$1"); shift ;;
    *) echo "unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
((${#BUILDS[@]} >= 1)) || { echo "name at least one build: NAME=BUILD_DIR" >&2; exit 2; }

log() { echo "== $*" >&2; }
mkdir -p "$WORK"
ROOT="$WORK/allure"
NAMES=()
for build in "${BUILDS[@]}"; do
  name="${build%%=*}" dir="${build#*=}"
  NAMES+=("$name")
  rm -rf "${WORK:?}/$name" && mkdir -p "$WORK/$name"
  cp -p "$dir/pyramid" "$dir/pyramid.jar" "$dir/pyramid-jit.json" "$WORK/$name/"
done

# The set's copy, stamped by the first build (a stamp is a manifest of the files' digests: any build reads it).
if [[ ! -f "$WORK/allure.stamped" ]]; then
  log "copying $SET to $ROOT and stamping it"
  rm -rf "$ROOT" && cp -r "$SET" "$ROOT"
  "$WORK/${NAMES[0]}/pyramid" stamp --dir "$ROOT" --commit benchmark --build-id bench-1 > "$WORK/stamp.log"
  touch "$WORK/allure.stamped"
fi

# The Allure set's policy of bench/gate-benchmark.sh: every layer reads the Allure results.
POLICY="$WORK/allure-policy.yml"
cat > "$POLICY" <<'EOF'
version: 1
promotion:
  path: [dev, staging, production]
sources:
  unit: { allure: ["allure-results/*-result.json"] }
  contract: { allure: ["allure-results/*-result.json"] }
  e2e: { allure: ["allure-results/*-result.json"] }
lanes:
  default:
    stages:
      dev:
        require: [unit]
        conditions:
          - { layer: unit, min-tests: 1 }
          - { layer: unit, max-failures: 0 }
      staging:
        require: [unit, contract, e2e]
        conditions:
          - { layer: unit, min-tests: 1 }
          - { layer: unit, max-failures: 0 }
          - { layer: contract, min-tests: 1 }
          - { layer: contract, max-failures: 0 }
          - { layer: e2e, min-tests: 1 }
          - { layer: e2e, max-failures: 0 }
      production:
        require: [unit, contract, e2e]
        conditions:
          - { layer: unit, max-failures: 0 }
EOF

gate() {
  local name="$1"
  "$WORK/$name/pyramid" gate --stage staging --policy "$POLICY" --results "$ROOT" --commit benchmark \
    --build-id bench-1 --history "$WORK/$name/history.jsonl" --out "$WORK/$name/out"
}

for name in "${NAMES[@]}"; do
  log "$name: training its class-data archive (one gate run)"
  PYRAMID_JAVA_OPTS="-XX:ArchiveClassesAtExit=$WORK/$name/pyramid.jsa" gate "$name" > /dev/null 2>&1 || true
done

export WORK POLICY ROOT

# run NAME: one timed gate run; appends "wall_ms cpu_ms" to WORK/NAME/times; the verdict must be BLOCK (1),
# as the set holds failures, and the decision the same for every build.
run() {
  local name="$1" start end code user sys
  start=$(date +%s%N)
  set +e
  /usr/bin/time -f "%U %S" -o "$WORK/$name/time.out" bash -c "$(declare -f gate); gate $name" \
    > "$WORK/$name/last.out" 2>&1
  code=$?
  set -e
  end=$(date +%s%N)
  if ((code != 1)); then
    echo "$name exited $code (expected 1, BLOCK):" >&2; tail -n 20 "$WORK/$name/last.out" >&2; exit 1
  fi
  read -r user sys < <(tail -1 "$WORK/$name/time.out") # after "Command exited with non-zero status 1"
  echo "$(( (end - start) / 1000000 )) $(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%d", (u + s) * 1000}')" \
    >> "$WORK/$name/times"
}

for name in "${NAMES[@]}"; do rm -f "$WORK/$name/times"; done
count=${#NAMES[@]}
for ((round = 0; round <= ROUNDS; round++)); do
  line="round $round:"
  for ((k = 0; k < count; k++)); do
    name="${NAMES[$(( (k + round) % count ))]}"
    run "$name"
    line+=" $name $(tail -1 "$WORK/$name/times" | awk '{printf "%.3f s (CPU %.3f s)", $1 / 1000, $2 / 1000}')"
  done
  if ((round == 0)); then
    for name in "${NAMES[@]}"; do rm -f "$WORK/$name/times"; done # the warm-up round
    line+=" (warm-up)"
  fi
  echo "$line"
done

for name in "${NAMES[@]}"; do
  if ! cmp -s <(sed 's/[0-9.]* ms//g' "$WORK/${NAMES[0]}/out/decision.md") <(sed 's/[0-9.]* ms//g' "$WORK/$name/out/decision.md"); then
    echo "note: $name's decision.md differs from ${NAMES[0]}'s (beyond timings)"
  fi
done
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
echo "Machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) after; $ROUNDS rounds, medians:"
base=""
for name in "${NAMES[@]}"; do
  wall=$(cut -d' ' -f1 "$WORK/$name/times" | median)
  cpu=$(cut -d' ' -f2 "$WORK/$name/times" | median)
  base="${base:-$wall}"
  awk -v n="$name" -v w="$wall" -v c="$cpu" -v b="$base" -v f="${NAMES[0]}" \
    'BEGIN {printf "  %-16s wall %.3f s  CPU %.3f s  %.2fx %s\n", n, w / 1000, c / 1000, w / b, f}'
done
