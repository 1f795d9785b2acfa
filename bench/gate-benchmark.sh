#!/usr/bin/env bash
# gate-benchmark.sh: how fast `pyramid gate` decides over a large result set, side by side with the
# floor (merely reading the same files) and with Allure 3's `allure quality-gate`, in one run.
#
# Usage (from anywhere; the script finds the repository):
#   bench/gate-benchmark.sh [--runs N] [--allure-runs N] [--out DIR] [--regenerate] [--build]
#                           [--no-allure3] [--no-flags] [--compare DIR] [--policy FILE]
#
#   --runs N         timed runs per contender after one warm-up run (default 5); the median is reported
#   --allure-runs N  rounds of Allure 3's quality-gate, each beside a gate and a floor run (default 3;
#                    about 20 s each here)
#   --out DIR        where the result set and the tools' outputs go (default /tmp/pyramid-bench)
#   --regenerate     regenerate the result set even if DIR holds one made with the same seed
#   --build          rebuild reporting/target/pyramid.jar first (mvn -o package -pl reporting, no tests)
#   --no-allure3     skip Allure 3 (no npm install, no 10x comparison)
#   --no-flags       skip the JVM start-up flag variants
#   --compare DIR    also time another build of the gate, side by side with this one: DIR holds its `pyramid`
#                    launcher, pyramid.jar, pyramid-jit.json and pyramid.jvm-options (a copy of an earlier
#                    reporting/target, say).
#                    Its runs alternate with this build's (JUnit set) and join each Allure 3 round, and the
#                    targets are given for both builds, from the same rounds
#   --policy FILE    the policy the JUnit set is gated with (default: the repository's quality-gate.yml); with
#                    --compare, one that both builds read (an older build refuses condition kinds it
#                    predates: give it the quality-gate.yml of its own commit)
#
# What it does:
#   1. needs the `pyramid` launcher and jar in reporting/target (`mvn -B install -DskipTests` once, or
#      --build), and copies them to DIR/work/gate, so that a build running meanwhile cannot swap them;
#   2. generates, with seed 42, 100,000 JUnit test cases in 2,000 Surefire/Failsafe XML files over
#      4 result roots, 20 pact files with their Pact JVM verification reports, 3 Gatling runs (copies of
#      the real run in reporting/src/test/resources/real/gatling-run) and JaCoCo XML for 2,000 classes;
#      and the same 100,000 test cases as allure-jupiter `<uuid>-result.json` files in one directory
#      (reporting/src/test/java/dev/pyramid/reporting/bench/ResultSetGenerator.java, run as a source file);
#   3. stamps the roots (stamping is not timed; checking is) and trains the launcher's class-data archive
#      (DIR/work/gate/pyramid.jsa) with one gate run, as the Maven build does for reporting/target;
#   4. installs Allure 3 (npm `allure`) and Node 22 (npm `node`) into a tools directory outside the
#      repository (PYRAMID_BENCH_TOOLS, default ~/.cache/pyramid-bench-tools) with npm, and the Debian
#      `time` package when /usr/bin/time is missing;
#   5. runs every contender once to warm the file cache, then N times, and prints a table: median wall
#      time, peak RSS (largest "Maximum resident set size" of the runs), ratio to `pyramid gate` over the
#      same files and ratio to the floor (`find DIR -type f | xargs cat > /dev/null`), then the targets;
#      Allure 3 runs in rounds (--allure-runs, after a warm-up round): Allure 3, the gate and the floor
#      on the Allure set, one right after the other, so that each round's ratios compare runs made under
#      the same load; the Allure set's targets are judged on the median of the rounds' ratios.
#
# Every gate run is the whole process, JVM start included, started as users start it:
# `reporting/target/pyramid gate ...`, the launcher beside the jar, with its JVM options (see the script
# reporting/src/main/launcher/pyramid). With --flags (the default) the rows below it run the same jar as
# `java -jar` with no options and with the options the gate used before the launcher
# (-XX:TieredStopAtLevel=1 -XX:+UseSerialGC), each measured in the same run.
# The gate's exit code is expected to be 1 (BLOCK): the generated set holds failures on purpose.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS=5
ALLURE_RUNS=3
OUT=/tmp/pyramid-bench
REGENERATE=false
BUILD=false
ALLURE3=true
FLAGS=true
COMPARE=""
POLICY=""
SEED=42
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    --allure-runs) ALLURE_RUNS="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    --regenerate) REGENERATE=true; shift ;;
    --build) BUILD=true; shift ;;
    --no-allure3) ALLURE3=false; shift ;;
    --no-flags) FLAGS=false; shift ;;
    --compare) COMPARE="$(cd "$2" && pwd)"; shift 2 ;;
    --policy) POLICY="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

BUILT="$REPO/reporting/target"
GENERATOR="$REPO/reporting/src/test/java/dev/pyramid/reporting/bench/ResultSetGenerator.java"
TEMPLATE="$REPO/reporting/src/test/resources/real/gatling-run/ridebookingsimulation-20261126133728677"
TOOLS="${PYRAMID_BENCH_TOOLS:-$HOME/.cache/pyramid-bench-tools}"
JUNIT="$OUT/junit"
ALLURE_DIR="$OUT/allure/allure-results"
WORK="$OUT/work"
mkdir -p "$OUT" "$WORK"

log() { echo "== $*" >&2; }

# --- 1. the launcher and the jar ----------------------------------------------------------------------
if $BUILD || [[ ! -f "$BUILT/pyramid.jar" || ! -x "$BUILT/pyramid" ]]; then
  log "building $BUILT/pyramid and pyramid.jar"
  (cd "$REPO" && mvn -B -q -o package -DskipTests -Dpyramid.gate.skip=true -pl reporting)
fi
GATE="$WORK/gate"
rm -rf "$GATE" && mkdir -p "$GATE"
cp -p "$BUILT/pyramid" "$BUILT/pyramid.jar" "$BUILT/pyramid-jit.json" "$BUILT/pyramid.jvm-options" "$GATE/"
JAR="$GATE/pyramid.jar"
OTHER="$WORK/compare"
if [[ -n "$COMPARE" ]]; then
  rm -rf "$OTHER" && mkdir -p "$OTHER"
  cp -p "$COMPARE/pyramid" "$COMPARE/pyramid.jar" "$COMPARE/pyramid-jit.json" "$OTHER/"
  # A launcher since pyramid.jvm-options reads its options from it; an earlier one has them inline.
  if [[ -f "$COMPARE/pyramid.jvm-options" ]]; then cp -p "$COMPARE/pyramid.jvm-options" "$OTHER/"; fi
fi

# --- 2. /usr/bin/time ---------------------------------------------------------------------------------
if [[ ! -x /usr/bin/time ]]; then
  log "installing the Debian 'time' package"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time
fi

# --- 3. the result set --------------------------------------------------------------------------------
if $REGENERATE || ! grep -qx "seed=$SEED" "$OUT/expected.properties" 2>/dev/null; then
  log "generating the result set into $OUT (about 20-40 s)"
  java "$GENERATOR" --out "$OUT" --seed "$SEED" --gatling-template "$TEMPLATE"
fi
ROOTS=("$JUNIT"/root-*)
RESULTS_ARGS=()
for r in "${ROOTS[@]}"; do RESULTS_ARGS+=(--results "$r"); done

# --- 4. stamps ---------------------------------------------------------------------------------------
log "stamping the result roots (not timed)"
for r in "${ROOTS[@]}" "$OUT/allure"; do
  "$GATE/pyramid" stamp --dir "$r" --commit benchmark --build-id bench-1 > "$WORK/stamp.log" 2>&1 \
    || { cat "$WORK/stamp.log" >&2; exit 1; }
done
STAMP_ARGS=(--commit benchmark --build-id bench-1)
HISTORY_ARGS=(--history "$WORK/history.jsonl")

# A policy for the Allure set: the same conditions as Allure 3's quality gate below (at least one test,
# no failure), per layer, with the Allure results as every layer's source.
ALLURE_POLICY="$WORK/allure-policy.yml"
cat > "$ALLURE_POLICY" <<'EOF'
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

# --- 5. Allure 3 and Node 22, installed by npm outside the repository ---------------------------------
if $ALLURE3; then
  if [[ ! -x "$TOOLS/node_modules/.bin/allure" || ! -x "$TOOLS/node_modules/.bin/node" ]]; then
    log "installing allure@3 and node@22 with npm into $TOOLS"
    mkdir -p "$TOOLS"
    npm install --no-audit --no-fund --prefix "$TOOLS" allure@3 node@22 > "$WORK/npm.log" 2>&1 \
      || { cat "$WORK/npm.log" >&2; exit 1; }
  fi
  NODE22_PATH="$TOOLS/node_modules/.bin:$PATH"
fi

# --- 6. measuring -------------------------------------------------------------------------------------
declare -A MEDIAN RSS EXIT CPU
ORDER=()

# run_once NAME EXPECTED_EXITS COMMAND...: one timed run; sets RUN_MS, RUN_CPU (user+sys), RUN_RSS (KB) and
# RUN_EXIT; fails, showing the command's output, when the exit code is not among EXPECTED_EXITS.
run_once() {
  local name="$1" expected="$2" start end user sys; shift 2
  start=$(date +%s%N)
  set +e
  /usr/bin/time -f "%M %U %S" -o "$WORK/time.out" "$@" > "$WORK/last.out" 2> "$WORK/last.err"
  RUN_EXIT=$?
  set -e
  end=$(date +%s%N)
  if [[ " $expected " != *" $RUN_EXIT "* ]]; then
    echo "$name exited $RUN_EXIT (expected $expected):" >&2
    tail -n 20 "$WORK/last.out" "$WORK/last.err" >&2
    return 1
  fi
  RUN_MS=$(( (end - start) / 1000000 ))
  read -r RUN_RSS user sys < <(tail -1 "$WORK/time.out")
  RUN_CPU="$(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%d", (u + s) * 1000}')"
}

# median VALUES...: the median of whole numbers (of an even count, the mean of the middle two, rounded down).
median() {
  printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'
}

# record NAME EXIT [TIMES CPUS RSS_MAX]: a contender's row: the medians of its runs, or n/a without runs.
record() {
  local name="$1"
  EXIT[$name]="$2"
  if (($# > 2)); then
    MEDIAN[$name]=$(median $3); CPU[$name]=$(median $4); RSS[$name]="$5"
  else
    MEDIAN[$name]="n/a"; CPU[$name]="n/a"; RSS[$name]="n/a"
  fi
  ORDER+=("$name")
}

# measure NAME EXPECTED_EXITS RUNS -- COMMAND...: one warm-up, then RUNS timed runs.
measure() {
  local name="$1" expected="$2" runs="$3"; shift 4
  local times=() cpus=() rss_max=0
  log "$name: warm-up + $runs runs"
  for ((i = 0; i <= runs; i++)); do
    run_once "$name" "$expected" "$@" || { record "$name" "$RUN_EXIT"; return 0; }
    ((i == 0)) && { cp "$WORK/last.out" "$WORK/$(tr -c 'a-zA-Z0-9' '_' <<< "$name").out"; continue; }
    times+=("$RUN_MS"); cpus+=("$RUN_CPU"); ((RUN_RSS > rss_max)) && rss_max=$RUN_RSS
  done
  record "$name" "$RUN_EXIT" "${times[*]}" "${cpus[*]}" "$rss_max"
}

# No quarantine: the gate's default, quarantine.yml in the working directory, is the repository's, whose
# format an older --compare build may predate.
printf 'quarantine: []\n' > "$WORK/quarantine.yml"
GATE_JUNIT=(gate --stage production --policy "${POLICY:-$REPO/quality-gate.yml}" "${RESULTS_ARGS[@]}"
  "${STAMP_ARGS[@]}" "${HISTORY_ARGS[@]}" --quarantine "$WORK/quarantine.yml" --out "$WORK/gate-junit")
GATE_ALLURE=(gate --stage staging --policy "$ALLURE_POLICY" --results "$OUT/allure"
  "${STAMP_ARGS[@]}" "${HISTORY_ARGS[@]}" --quarantine "$WORK/quarantine.yml" --out "$WORK/gate-allure")
FLOOR='find "$1" -type f -print0 | xargs -0 cat > /dev/null'
# The --compare build writes its decisions beside this build's, so that the two can be compared.
OTHER_JUNIT=("${GATE_JUNIT[@]/#$WORK\/gate-junit/$WORK/compare-junit}")
OTHER_ALLURE=("${GATE_ALLURE[@]/#$WORK\/gate-allure/$WORK/compare-allure}")

log "training the launcher's class-data archive $GATE/pyramid.jsa (one gate run)"
PYRAMID_JAVA_OPTS="-XX:ArchiveClassesAtExit=$GATE/pyramid.jsa" "$GATE/pyramid" "${GATE_JUNIT[@]}" > /dev/null 2>&1 || true
if [[ -n "$COMPARE" ]]; then
  PYRAMID_JAVA_OPTS="-XX:ArchiveClassesAtExit=$OTHER/pyramid.jsa" "$OTHER/pyramid" "${GATE_JUNIT[@]}" > /dev/null 2>&1 || true
fi
FORMER=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC)

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
measure "floor: cat JUnit set" "0" "$RUNS" -- bash -c "$FLOOR" _ "$JUNIT"
if [[ -n "$COMPARE" ]]; then
  # The two builds alternate, run by run, each going first every other time, so that the machine's load
  # and whatever the previous run leaves behind fall on both alike.
  log "pyramid gate and the --compare build, alternating: warm-up + $RUNS runs each"
  times=() cpus=() rss=0 other_times=() other_cpus=() other_rss=0
  for ((i = 0; i <= RUNS; i++)); do
    for turn in $( ((i % 2 == 0)) && echo "this other" || echo "other this"); do
      if [[ "$turn" == this ]]; then
        run_once "pyramid gate: JUnit set" "0 1 4" "$GATE/pyramid" "${GATE_JUNIT[@]}"
        ((i > 0)) && { times+=("$RUN_MS"); cpus+=("$RUN_CPU"); ((RUN_RSS > rss)) && rss=$RUN_RSS; }
        gate_exit=$RUN_EXIT
      else
        run_once "--compare build: JUnit set" "0 1 4" "$OTHER/pyramid" "${OTHER_JUNIT[@]}"
        ((i > 0)) && { other_times+=("$RUN_MS"); other_cpus+=("$RUN_CPU"); ((RUN_RSS > other_rss)) && other_rss=$RUN_RSS; }
        other_exit=$RUN_EXIT
      fi
    done
  done
  record "pyramid gate: JUnit set" "$gate_exit" "${times[*]}" "${cpus[*]}" "$rss"
  record "  --compare build: JUnit set" "$other_exit" "${other_times[*]}" "${other_cpus[*]}" "$other_rss"
else
  measure "pyramid gate: JUnit set" "0 1 4" "$RUNS" -- "$GATE/pyramid" "${GATE_JUNIT[@]}"
fi
if $FLAGS; then
  measure "  java -jar, no JVM options" "0 1 4" "$RUNS" -- java -jar "$JAR" "${GATE_JUNIT[@]}"
  measure "  java -jar, C1 only + SerialGC" "0 1 4" "$RUNS" -- java "${FORMER[@]}" -jar "$JAR" "${GATE_JUNIT[@]}"
fi
measure "floor: cat Allure set" "0" "$RUNS" -- bash -c "$FLOOR" _ "$ALLURE_DIR"
measure "pyramid gate: Allure set" "0 1 4" "$RUNS" -- "$GATE/pyramid" "${GATE_ALLURE[@]}"
if $FLAGS; then
  measure "  java -jar, no options, Allure set" "0 1 4" "$RUNS" -- java -jar "$JAR" "${GATE_ALLURE[@]}"
  measure "  java -jar, C1+SerialGC, Allure set" "0 1 4" "$RUNS" -- java "${FORMER[@]}" -jar "$JAR" "${GATE_ALLURE[@]}"
fi

# Allure 3 in rounds: each round runs Allure 3, the gate and the floor on the Allure set one right after the
# other, so that each round's two ratios compare runs made under the same load (other tenants' load drifts
# over the minutes the rounds take). The targets are judged on the median of the rounds' ratios.
ROUND_A3=() ROUND_GATE=() ROUND_FLOOR=() ROUND_OTHER=()
if $ALLURE3; then
  name="allure quality-gate (Allure 3)"
  log "$name, in rounds with the gate and the floor: warm-up + $ALLURE_RUNS rounds"
  times=() cpus=() rss_max=0 ok=true
  for ((i = 0; i <= ALLURE_RUNS; i++)); do
    run_once "$name" "0 1" env PATH="$NODE22_PATH" allure quality-gate "$ALLURE_DIR" --max-failures 0 \
      --min-tests-count 1 || { ok=false; break; }
    a3_ms=$RUN_MS a3_cpu=$RUN_CPU a3_rss=$RUN_RSS a3_exit=$RUN_EXIT
    # With --compare, the two builds take turns at running right after Allure 3.
    if [[ -n "$COMPARE" ]] && ((i % 2 == 1)); then
      run_once "--compare build (round $i)" "0 1 4" "$OTHER/pyramid" "${OTHER_ALLURE[@]}" || { ok=false; break; }
      other_ms=$RUN_MS
    fi
    run_once "pyramid gate (round $i)" "0 1 4" "$GATE/pyramid" "${GATE_ALLURE[@]}" || { ok=false; break; }
    gate_ms=$RUN_MS
    if [[ -n "$COMPARE" ]] && ((i % 2 == 0)); then
      run_once "--compare build (round $i)" "0 1 4" "$OTHER/pyramid" "${OTHER_ALLURE[@]}" || { ok=false; break; }
      other_ms=$RUN_MS
    fi
    run_once "floor (round $i)" "0" bash -c "$FLOOR" _ "$ALLURE_DIR" || { ok=false; break; }
    ((i == 0)) && continue
    times+=("$a3_ms"); cpus+=("$a3_cpu"); ((a3_rss > rss_max)) && rss_max=$a3_rss
    ROUND_A3+=("$a3_ms"); ROUND_GATE+=("$gate_ms"); ROUND_FLOOR+=("$RUN_MS")
    [[ -n "$COMPARE" ]] && ROUND_OTHER+=("$other_ms")
  done
  if $ok; then
    record "$name" "$a3_exit" "${times[*]}" "${cpus[*]}" "$rss_max"
  else
    record "$name" "$RUN_EXIT"; ROUND_A3=()
  fi
fi

# --- 7. the table -------------------------------------------------------------------------------------
ratio() { [[ "$1" == n/a || "$2" == n/a || "$2" == 0 ]] && echo "-" || awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2fx", a / b}'; }
secs() { [[ "$1" == n/a ]] && echo "n/a" || awk -v a="$1" 'BEGIN {printf "%.3f s", a / 1000}'; }
mb() { [[ "$1" == n/a ]] && echo "n/a" || awk -v a="$1" 'BEGIN {printf "%.0f MB", a / 1024}'; }

echo
echo "Result set: $(grep -E '^(junit.tests|junit.files|roots|pacts|gatling.runs|jacoco.classes|allure.results)=' "$OUT/expected.properties" | tr '\n' ' ')"
echo "Machine: $(nproc) cores, $(java -version 2>&1 | head -1), load average $LOAD_BEFORE before, $(cut -d' ' -f1-3 /proc/loadavg) after"
echo "Gate: $GATE/pyramid (the launcher; its JVM options: reporting/src/main/launcher/pyramid)"
echo "Runs: $RUNS per contender (Allure 3: $ALLURE_RUNS), after one warm-up; median wall time, median CPU (user+sys),"
echo "peak RSS over the runs. On a shared machine (load above 2) wall times are inflated; CPU time much less so."
echo
printf '| %-34s | %10s | %10s | %8s | %4s | %11s | %9s |\n' "contender" "median" "CPU" "max RSS" "exit" "x pyramid" "x floor"
printf '|%s|%s|%s|%s|%s|%s|%s|\n' "------------------------------------" "------------" "------------" "----------" "------" "-------------" "-----------"
for name in "${ORDER[@]}"; do
  if [[ "$name" == *"Allure"* ]]; then
    base="${MEDIAN[pyramid gate: Allure set]:-n/a}"; fl="${MEDIAN[floor: cat Allure set]:-n/a}"
  else
    base="${MEDIAN[pyramid gate: JUnit set]:-n/a}"; fl="${MEDIAN[floor: cat JUnit set]:-n/a}"
  fi
  printf '| %-34s | %10s | %10s | %8s | %4s | %11s | %9s |\n' "$name" "$(secs "${MEDIAN[$name]}")" "$(secs "${CPU[$name]}")" "$(mb "${RSS[$name]}")" \
    "${EXIT[$name]}" "$(ratio "${MEDIAN[$name]}" "$base")" "$(ratio "${MEDIAN[$name]}" "$fl")"
done

echo
gj="${MEDIAN[pyramid gate: JUnit set]:-n/a}"
ga="${MEDIAN[pyramid gate: Allure set]:-n/a}"
fa="${MEDIAN[floor: cat Allure set]:-n/a}"
a3="${MEDIAN[allure quality-gate (Allure 3)]:-n/a}"
# The median of the rounds' own ratios (each from runs made one after the other), for the Allure set targets.
median_ratio() { # median_ratio NUMERATORS DENOMINATORS (space-separated ms, same order)
  paste -d' ' <(tr ' ' '\n' <<< "$1") <(tr ' ' '\n' <<< "$2") | awk '$2 > 0 {print $1 / $2}' | sort -g \
    | awk '{a[NR]=$1} END {if (NR == 0) print "n/a"; else printf "%.2f", (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'
}
verdict() { if [[ "$1" == n/a ]]; then echo "NOT MEASURED"; elif awk "BEGIN {exit !($2)}"; then echo "met"; else echo "MISSED"; fi; }
if ((${#ROUND_A3[@]} > 0)); then
  echo "Rounds on the Allure set (Allure 3, then the gate$([[ -n "$COMPARE" ]] && echo " and the --compare build, taking turns at going first"), then the floor, one after the other):"
  for ((i = 0; i < ${#ROUND_A3[@]}; i++)); do
    other=""
    ((${#ROUND_OTHER[@]} > 0)) && other=", --compare build $(secs "${ROUND_OTHER[$i]}")"
    echo "  round $((i + 1)): Allure 3 $(secs "${ROUND_A3[$i]}"), gate $(secs "${ROUND_GATE[$i]}")$other, floor $(secs "${ROUND_FLOOR[$i]}"):" \
      "Allure 3 / gate $(ratio "${ROUND_A3[$i]}" "${ROUND_GATE[$i]}"), gate / floor $(ratio "${ROUND_GATE[$i]}" "${ROUND_FLOOR[$i]}")"
  done
  r10=$(median_ratio "${ROUND_A3[*]}" "${ROUND_GATE[*]}")
  r15=$(median_ratio "${ROUND_GATE[*]}" "${ROUND_FLOOR[*]}")
else
  r10=n/a
  r15=$(awk -v g="$ga" -v f="$fa" 'BEGIN {if (g == "n/a" || f == "n/a" || f == 0) print "n/a"; else printf "%.2f", g / f}')
fi
echo
echo "Targets:"
echo "  pyramid gate, JUnit set, <= 2 s:              $(secs "$gj")  $(verdict "$gj" "$gj <= 2000")"
if [[ "$r10" != n/a ]]; then
  echo "  Allure 3 / pyramid gate (Allure set) >= 10x: ${r10}x, median of the rounds  $(verdict "$r10" "$r10 >= 10")"
else
  echo "  Allure 3 / pyramid gate (Allure set) >= 10x: NOT MEASURED (pyramid: $(secs "$ga"), Allure 3: $(secs "$a3"))"
fi
if [[ "$r15" != n/a ]]; then
  echo "  pyramid gate (Allure set) / floor <= 1.5x:   ${r15}x$( ((${#ROUND_A3[@]} > 0)) && echo ", median of the rounds")  $(verdict "$r15" "$r15 <= 1.5")"
else
  echo "  pyramid gate (Allure set) / floor <= 1.5x:   NOT MEASURED (the gate did not decide over the Allure set)"
fi
if [[ -n "$COMPARE" ]]; then
  echo "The --compare build ($COMPARE), from the same runs and rounds:"
  oj="${MEDIAN[  --compare build: JUnit set]:-n/a}"
  echo "  JUnit set, <= 2 s:                            $(secs "$oj")  $(verdict "$oj" "$oj <= 2000");" \
    "this build / --compare build: $(ratio "$gj" "$oj")"
  if ((${#ROUND_OTHER[@]} > 0)); then
    echo "  Allure 3 / --compare build >= 10x:            $(median_ratio "${ROUND_A3[*]}" "${ROUND_OTHER[*]}")x;" \
      "--compare build / floor: $(median_ratio "${ROUND_OTHER[*]}" "${ROUND_FLOOR[*]}")x;" \
      "this build / --compare build: $(median_ratio "${ROUND_GATE[*]}" "${ROUND_OTHER[*]}")x (medians of the rounds)"
  fi
  # Their decisions, but for the times and the file they were written to.
  same() { diff -q <(sed -E 's/"[a-zA-Z]*[Aa]t" *: *"[^"]*"//g; s/(compare|gate)-(junit|allure)/OUT/g' "$1") \
    <(sed -E 's/"[a-zA-Z]*[Aa]t" *: *"[^"]*"//g; s/(compare|gate)-(junit|allure)/OUT/g' "$2") > /dev/null && echo same || echo DIFFERENT; }
  for set in junit allure; do
    [[ -d "$WORK/compare-$set" ]] || continue
    echo "  decisions on the ${set^} set: decision.json $(same "$WORK/gate-$set/decision.json" "$WORK/compare-$set/decision.json")," \
      "decision.md $(same "$WORK/gate-$set/decision.md" "$WORK/compare-$set/decision.md")," \
      "decision-junit.xml $(same "$WORK/gate-$set/decision-junit.xml" "$WORK/compare-$set/decision-junit.xml")"
  done
fi
echo "Gate outputs: $WORK/gate-junit/decision.md, $WORK/gate-allure/decision.md; generated counts: $OUT/expected.properties"
