#!/usr/bin/env bash
# build-time.sh: the main job (`mvn -B -o verify`) of two revisions side by side, in fresh clones,
# alternating, so that both meet the same machine noise.
#
# Usage (from anywhere; the script finds the repository):
#   bench/build-time.sh BEFORE AFTER [--rounds N] [--out DIR] [--before-args "ARGS"] [--after-args "ARGS"]
#
#   BEFORE, AFTER  revisions of this repository (a commit, a branch, a tag)
#   --rounds N     builds of each (default 2); the order alternates: BEFORE, AFTER, BEFORE, AFTER...
#   --out DIR      where the clones and each build's log go (default /tmp/pyramid-build-time)
#   --before-args, --after-args  more arguments for that side's mvn, e.g. the same revision on both sides
#                  with --before-args "-Dpyramid.ui.skip=true -Dpyramid.gate.skip=true" and --after-args
#                  "-Dpyramid.gate.skip=true": what the ui layer costs (neither side's gate decides)
#
# Each build starts with no .pyramid/ (no history, no stage builds), as a CI clone does, and runs offline
# (the local repository must hold what the build needs: run `mvn -B verify` once before). Prints one line
# per build and a table of the means; exits 1 when a build fails.
set -euo pipefail

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; }
ROUNDS=2
OUT=/tmp/pyramid-build-time
REVS=()
declare -A ARGS=([before]="" [after]="")
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rounds) ROUNDS="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    --before-args) ARGS[before]="$2"; shift 2 ;;
    --after-args) ARGS[after]="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    -*) echo "unknown option $1 (see --help)" >&2; exit 3 ;;
    *) REVS+=("$1"); shift ;;
  esac
done
[[ ${#REVS[@]} -eq 2 ]] || { echo "give two revisions, BEFORE and AFTER (see --help)" >&2; exit 3; }

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mkdir -p "$OUT"
for side in before after; do
  rev="${REVS[0]}"; [[ "$side" == after ]] && rev="${REVS[1]}"
  rm -rf "$OUT/$side"
  git clone -q "$ROOT" "$OUT/$side"
  git -C "$OUT/$side" checkout -q --detach "$rev"
  echo "$side: $rev = $(git -C "$OUT/$side" rev-parse --short HEAD) ${ARGS[$side]}"
done

declare -A total=([before]=0 [after]=0)
for ((round = 1; round <= ROUNDS; round++)); do
  for side in before after; do
    rm -rf "$OUT/$side/.pyramid"
    start=$(date +%s.%N)
    # shellcheck disable=SC2086 # the extra arguments are words
    if ! (cd "$OUT/$side" && mvn -B -o verify ${ARGS[$side]} > "$OUT/$side-$round.log" 2>&1); then
      echo "$side round $round FAILED: see $OUT/$side-$round.log" >&2
      exit 1
    fi
    seconds=$(echo "$(date +%s.%N) - $start" | bc)
    total[$side]=$(echo "${total[$side]} + $seconds" | bc)
    printf '%s round %d: %.0f s\n' "$side" "$round" "$seconds"
  done
done
before=$(echo "${total[before]} / $ROUNDS" | bc -l)
after=$(echo "${total[after]} / $ROUNDS" | bc -l)
printf '\n| | before | after |\n| --- | --- | --- |\n| mean of %d | %.0f s | %.0f s (%+.1f %%) |\n' \
  "$ROUNDS" "$before" "$after" "$(echo "($after - $before) * 100 / $before" | bc -l)"
