#!/usr/bin/env bash
# What `pyramid gate` makes of each real runner's files kept under reporting/src/test/resources/real/,
# beside the runner's own closing summary (each fixture's expected.properties, copied from its console).
#
# Usage (from anywhere): bench/real-runners-table.sh [--jar-dir DIR]
#   --jar-dir DIR   where the `pyramid` launcher is (default reporting/target; `mvn -B -o package -pl
#                   reporting -DskipTests -Dpyramid.gate.skip=true` builds it)
#
# Each fixture is copied to a scratch root, stamped, and gated for one stage that requires one layer
# and sets no condition, so the gate's answer is about the evidence alone: PROMOTE when it is whole,
# INCOMPLETE naming the file when it is not. Its sources are the runner's files: JUnit XML
# (TEST-*.xml, junit.xml), Allure results, and Surefire's traces (failsafe-summary.xml, *.dump,
# *.dumpstream). Then the crashed forks once more, after the run without the crash was promoted,
# with max-vanished-tests: 0. Prints one Markdown row per fixture: runner's figures, gate's figures, the gate's
# answer and the files it refused.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
jar_dir=$repo/reporting/target
while [[ $# -gt 0 ]]; do
  case $1 in
    --jar-dir) jar_dir=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
pyramid=$jar_dir/pyramid
[[ -x $pyramid ]] || { echo "no launcher at $pyramid: build it first (see the usage)" >&2; exit 2; }

real=$repo/reporting/src/test/resources/real
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

figures() { # the six figures of an expected.properties, "-" where the runner gives none
  local file=$1 out="" key value
  for key in tests passed failed errored skipped flaky; do
    value=$(sed -n "s/^$key=//p" "$file" | head -1)
    out+="${value:--}/"
  done
  echo "${out%/}"
}

policy() { # a one-stage policy reading the fixture's files for the unit layer, with $1 as JUnit globs
  # and $2 as the stage's conditions (none by default)
  cat <<EOF
version: 1
promotion:
  path: [check]
sources:
  unit:
    junit: $1
    allure: ["**/allure-results/*-result.json"]
    surefire-traces: ["**/failsafe-summary.xml", "**/*.dump", "**/*.dumpstream"]
lanes:
  default:
    stages:
      check:
        require: [unit]
        conditions: ${2:-[]}
EOF
}

gate() { # gate folder $1 (name $2) with JUnit globs $3, conditions $4, build $5, history $6; prints the row
  local folder=$1 name=$2 globs=$3 conditions=${4:-[]} build=${5:-1} history=${6:-$scratch/history.jsonl}
  local root=$scratch/$RANDOM$RANDOM
  mkdir -p "$root"
  (cd "$folder" && tar --exclude=./source --exclude=expected.properties --exclude='*.txt' -cf - .) \
    | tar -C "$root/" -xf -
  policy "$globs" "$conditions" > "$scratch/policy.yml"
  "$pyramid" stamp --dir "$root" --commit fixture --build-id "$build" > /dev/null
  local code=0
  "$pyramid" gate --stage check --policy "$scratch/policy.yml" --commit fixture --build-id "$build" \
    --results "$root" --history "$history" --out "$scratch/out" > "$scratch/console" 2>&1 \
    || code=$?
  python3 - "$scratch/out/decision.json" "$code" "$name" "$(figures "$folder/expected.properties")" "$root" <<'PY'
import json, sys
decision, code, name, runner, root = sys.argv[1:]
d = json.load(open(decision))
layer = next(l for l in d["layers"] if l["layer"] == "unit")
gate = "/".join(str(layer[k]) for k in ("tests", "passed", "failed", "errored", "skipped", "flaky"))
answer = {"0": "PROMOTE", "1": "BLOCK", "2": "INCOMPLETE", "3": "USAGE", "4": "MANUAL"}.get(code, code)
refused = "; ".join(
    p["file"].replace(root + "/", "") + ": " + p["reason"][:90] for p in layer["problems"])
for c in d["conditions"]:
    if c["items"]:
        refused += ("; " if refused else "") + f"{c['id']} {c['verdict']}: {c['actual']} vanished ({', '.join(c['items'])})"
print(f"| {name} | {runner} | {gate} | {answer} | {refused} |")
PY
}

echo "| fixture | runner: tests/passed/failed/errored/skipped/flaky | gate | gate's answer | refused |"
echo "| --- | --- | --- | --- | --- |"
while IFS= read -r expected; do
  folder=$(dirname "$expected")
  name=${folder#"$real"/}
  grep -q '^tests=' "$expected" || continue
  if [[ $name == surefire-testng ]]; then
    gate "$folder" "$name (broad glob **/TEST-*.xml)" '["**/TEST-*.xml"]'
    gate "$folder" "$name (Surefire's file only)" '["**/surefire-reports/TEST-*.xml"]'
  else
    gate "$folder" "$name" '["**/TEST-*.xml", "**/junit.xml"]'
  fi
done < <(find "$real" -name expected.properties | sort)

# The crashed forks again, after the run without the crash was promoted: max-vanished-tests compares
# with the tests it executed.
crashed=$real/surefire-crashed-fork
vanished='[{ layer: unit, max-vanished-tests: 0 }]'
for base in baseline failsafe-baseline; do
  history=$scratch/$base-history.jsonl
  gate "$crashed/$base" "surefire-crashed-fork/$base" '["**/TEST-*.xml"]' "$vanished" 0 "$history" \
    > /dev/null
  "$pyramid" promote --stage check --policy "$scratch/policy.yml" --commit fixture --build-id 0 \
    --history "$history" > /dev/null
  runs=(crashed-exit crashed-exit-fork-per-class crashed-oom baseline)
  [[ $base == failsafe-baseline ]] && runs=(failsafe-crashed-exit failsafe-baseline)
  for run in "${runs[@]}"; do
    gate "$crashed/$run" "surefire-crashed-fork/$run, after $base was promoted" '["**/TEST-*.xml"]' \
      "$vanished" 2 "$history"
  done
done
