#!/usr/bin/env bash
# history-scale.sh: how the gate's history grows and how fast a year of a busy platform is read.
# Simulates a month through the gate's own writer, makes a year of it (twelve shifted months, decision
# lines as heavy as the reference platform's production ones), and times, side by side in the same
# rounds, reading the file's bytes (the floor), the gate's History.read and pyramid metrics' scan and
# computation. Target: a year read, and its metrics computed, in under 1 s.
#
# Usage: bench/history-scale.sh            (about a minute; offline once the build has run)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mvn -B -q -o test -pl reporting -am -Dpyramid.gate.skip=true -Dpyramid.bench=true \
  -Dtest=HistoryScaleBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dsurefire.printSummary=true 2>&1 | grep -v '^\[INFO\]' || { echo "history-scale: FAILED" >&2; exit 1; }
cat reporting/target/surefire-reports/unit/dev.pyramid.reporting.metrics.HistoryScaleBenchmark-output.txt 2>/dev/null \
  || true
