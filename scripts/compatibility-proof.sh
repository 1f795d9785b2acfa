#!/usr/bin/env bash
# The proof that a candidate is judged against what production runs (README: "Changing an endpoint").
# This build, as `mvn -B verify` just left it, is promoted to production in the proof's own history;
# then real changes to the reference platform, each a patch in scripts/compatibility-proof/, are
# judged by `pyramid gate` against it:
#
#   fleet-core's /v1 replaces requestedAt by pickupAt, which the      -> BLOCK, naming the interaction
#   candidate gateway reads; the deployed gateway still reads requestedAt
#   fleet-core adds an optional field                               -> PROMOTE
#   the gateway's /v1 renames a response field                       -> BLOCK, naming the operation
#   the same change in a version of its own (/v3)                    -> PROMOTE
#   a deprecated /v1 endpoint retired before its sunset date         -> BLOCK, naming the date
#   the same endpoint retired after its sunset date                  -> PROMOTE
#
# The fleet-core changes are built (a copy of the sources, one reactor: nothing is installed, so
# nothing of this build is overwritten) and run through the contract and e2e layers against the
# promoted build:
# the stage's pacts against the candidate, the candidate's pacts against the stage's fleet-core
# started from its kept jar, and the journeys on mixed builds. The /v1 changes are changes to the
# gateway's OpenAPI document, the source of truth that the build holds the code to (spec
# validation); api-compatible judges the document.
#
# Usage: scripts/compatibility-proof.sh [extra mvn arguments]. Maven runs offline: the changed builds
# need nothing the build before them did not already resolve.
# Needs: the results and reporting/target/pyramid of a finished `mvn -B verify`; git (apply), python3.
# Exit 0 when every scenario gets the verdict above; otherwise 1, naming the ones that did not.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
MVN_ARGS=(-o "$@")
PYRAMID="$ROOT/reporting/target/pyramid"
PATCHES="$ROOT/scripts/compatibility-proof"
# Beside the history, which no stamp or gate searches: copies of results here are never read twice.
WORK="$ROOT/.pyramid/compatibility-proof"
GATEWAY_DOC=platform/api-gateway/src/main/resources/openapi/api-gateway.yaml
RESULTS=()
FAILED=0

log() { printf '[proof] %s\n' "$*"; }

# Applies patch $2 in directory $1, which lies inside this checkout: without the ceiling, git would
# apply it relative to the checkout and silently skip every path outside the directory.
apply_patch() {
  (cd "$1" && GIT_CEILING_DIRECTORIES="$ROOT" git apply --verbose "$PATCHES/$2") >>"$WORK/patches.log" 2>&1 \
    || { log "$2 does not apply to $1: see $WORK/patches.log"; exit 1; }
}

[[ -x "$PYRAMID" ]] || { log "no $PYRAMID: run mvn -B verify first"; exit 2; }
[[ -f .pyramid/stamp.json ]] || { log "no .pyramid/stamp.json: run mvn -B verify first"; exit 2; }
rm -rf "$WORK"; mkdir -p "$WORK"

stamp_field() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$1/.pyramid/stamp.json" "$2"; }

# Promotes the stamped results under $1 through every stage into history $2, judged by policy $3.
promote_everywhere() {
  local root="$1" history="$2" policy="$3" commit build
  commit=$(stamp_field "$root" commit); build=$(stamp_field "$root" buildId)
  for stage in dev staging production; do
    "$PYRAMID" gate --stage "$stage" --policy "$policy" --results "$root" --history "$history" \
      --commit "$commit" --build-id "$build" --out "$WORK/promotions/$(basename "$history" .jsonl)-$stage" \
      >"$WORK/promotions.log" 2>&1 || { log "the base build was not promoted to $stage:"; cat "$WORK/promotions.log"; exit 1; }
    "$PYRAMID" promote --stage "$stage" --policy "$policy" --history "$history" --from "$root" \
      --commit "$commit" --build-id "$build" >>"$WORK/promotions.log" 2>&1
  done
  log "$commit/$build promoted to production in $(basename "$history")"
}

# Judges the results under $2 for production against history $3 with policy $4; scenario $1 expects
# exit $5 and, in decision.md, the text $6.
judge() {
  local name="$1" root="$2" history="$3" policy="$4" expected="$5" text="$6" out="$WORK/$1/decision" status=0
  "$PYRAMID" stamp --dir "$root" --policy "$policy" --commit "proof-$name" --build-id "proof-$name" >/dev/null
  "$PYRAMID" gate --stage production --policy "$policy" --results "$root" --history "$history" \
    --commit "proof-$name" --build-id "proof-$name" --out "$out" >"$WORK/$name/gate.log" 2>&1 || status=$?
  local verdict; verdict=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["verdict"])' "$out/decision.json" 2>/dev/null || echo "none")
  if [[ "$status" == "$expected" ]] && grep -qF -- "$text" "$out/decision.md"; then
    RESULTS+=("ok    $name: $verdict (exit $status), decision.md says: $text")
    log "${RESULTS[-1]}"
  else
    RESULTS+=("FAIL  $name: $verdict (exit $status), expected exit $expected and '$text' in $out/decision.md")
    FAILED=1
    cat "$WORK/$name/gate.log"
  fi
}

# A copy of this build's contract results and OpenAPI documents, for the document scenarios.
contract_results() {
  local to="$1"
  mkdir -p "$to"
  (cd "$ROOT" && find contract-tests/target/surefire-reports/contract contract-tests/target/failsafe-reports/contract \
      platform/*/target/classes/openapi -type f | tar -cf - -T -) | tar -xf - -C "$to"
}

# Applies patch $2 to the gateway's document, then puts it where the build would: in target/classes.
gateway_document() {
  local root="$1" patch="$2" sunset="${3:-}"
  mkdir -p "$root/$(dirname "$GATEWAY_DOC")"
  cp "$ROOT/$GATEWAY_DOC" "$root/$GATEWAY_DOC"
  apply_patch "$root" "$patch"
  cmp -s "$ROOT/$GATEWAY_DOC" "$root/$GATEWAY_DOC" && { log "$patch changed nothing"; exit 1; }
  [[ -z "$sunset" ]] || sed -i "s/SUNSET_DATE/$sunset/" "$root/$GATEWAY_DOC"
  cp "$root/$GATEWAY_DOC" "$root/platform/api-gateway/target/classes/openapi/api-gateway.yaml"
}

# --- The document scenarios: api-compatible against this build's documents ----------------------
API_POLICY="$PATCHES/policy-api.yml"
promote_everywhere "$ROOT" "$WORK/api/history.jsonl" "$API_POLICY"

for scenario in gateway-v1-field-renamed gateway-v3-with-the-renamed-field; do
  contract_results "$WORK/$scenario/results"
  gateway_document "$WORK/$scenario/results" "$scenario.patch"
done
judge gateway-v1-field-renamed "$WORK/gateway-v1-field-renamed/results" "$WORK/api/history.jsonl" "$API_POLICY" 1 \
  "POST /v1/rides"
judge gateway-v3-with-the-renamed-field "$WORK/gateway-v3-with-the-renamed-field/results" "$WORK/api/history.jsonl" \
  "$API_POLICY" 0 "PROMOTE to production"

# Production runs a gateway whose POST /v1/rides/{id}/cancel is deprecated, with a sunset date in a
# month or a day ago; the candidate retires it.
for when in before after; do
  if [[ $when == before ]]; then sunset=$(date -u -d '+30 days' +%F); else sunset=$(date -u -d '-1 day' +%F); fi
  base="$WORK/sunset-$when/base"
  contract_results "$base"
  gateway_document "$base" gateway-v1-cancel-deprecated.patch "$sunset"
  "$PYRAMID" stamp --dir "$base" --policy "$API_POLICY" --commit "proof-deprecated-$when" \
    --build-id "proof-deprecated-$when" >/dev/null
  promote_everywhere "$base" "$WORK/sunset-$when/history.jsonl" "$API_POLICY"
  contract_results "$WORK/retired-$when-sunset/results"
  gateway_document "$WORK/retired-$when-sunset/results" gateway-v1-cancel-retired.patch
done
judge retired-before-sunset "$WORK/retired-before-sunset/results" "$WORK/sunset-before/history.jsonl" "$API_POLICY" 1 \
  "$(date -u -d '+30 days' +%F)"
judge retired-after-sunset "$WORK/retired-after-sunset/results" "$WORK/sunset-after/history.jsonl" "$API_POLICY" 0 \
  "PROMOTE to production"

# --- The code scenarios: fleet-core changed, built, and verified against what production runs ----
DEPLOYED_POLICY="$PATCHES/policy-deployed.yml"
promote_everywhere "$ROOT" "$WORK/deployed/history.jsonl" "$DEPLOYED_POLICY"

build_variant() {
  local name="$1" copy="$WORK/$1/sources"
  mkdir -p "$copy"
  git -C "$ROOT" ls-files -z --cached --others --exclude-standard | grep -zv '^reporting/src/test/resources/real/' | (cd "$ROOT" && xargs -0 tar -cf -) | tar -xf - -C "$copy"
  apply_patch "$copy" "$name.patch"
  log "$name: building the changed platform and running its contract and e2e layers against production's build"
  (cd "$copy" && mvn -B -q "${MVN_ARGS[@]}" verify -pl contract-tests,e2e-tests -am \
    -Dpyramid.unit.skip=true -Dpyramid.perf.skip=true -Dpyramid.gate.skip=true \
    -Dpyramid.stage=production -Dpyramid.history="$WORK/deployed/history.jsonl") >"$WORK/$name/build.log" 2>&1 \
    || { log "$name: the build failed, see $WORK/$name/build.log"; tail -30 "$WORK/$name/build.log"; exit 1; }
}

build_variant fleet-core-drops-requested-at
judge fleet-core-drops-requested-at "$WORK/fleet-core-drops-requested-at/sources" "$WORK/deployed/history.jsonl" \
  "$DEPLOYED_POLICY" 1 "fails against the candidate fleet-core"
build_variant fleet-core-adds-optional-currency
judge fleet-core-adds-optional-currency "$WORK/fleet-core-adds-optional-currency/sources" "$WORK/deployed/history.jsonl" \
  "$DEPLOYED_POLICY" 0 "PROMOTE to production"

printf '\n'
printf '[proof] %s\n' "${RESULTS[@]}"
exit "$FAILED"
