#!/usr/bin/env bash
# Real-browser check of the Allure report: serves the generated report on 127.0.0.1 (a free
# port), renders it in headless Chromium (Debian's package; installed with apt-get when missing and
# this runs as root), keeps the rendered DOM and a screenshot, and fails unless the rendered overview
# shows every layer and the gate.
#
#   scripts/report-browser-check.sh [REPORT_DIR] [OUT_DIR]
#     REPORT_DIR  the generated report (default: build-gate/target/allure-report)
#     OUT_DIR     where overview.png and overview.html go (default: build-gate/target/report-check)
#   PYRAMID_REPORT_GROUPS  the groups the overview must list (default: "unit contract e2e ui perf gate")
#   PYRAMID_REPORT_BUDGET_MS  Chromium's virtual time budget for the single-page app (default: 20000)
#   PYRAMID_REPORT_ENDPOINTS  "required" (default): the gate's endpoint map must be in the report (suite
#     gate / endpoint coverage, one result per documented operation); "skip" leaves it unchecked
#
# Runs after `mvn -B verify` (in .ci/run). Exit codes: 0 the overview shows every group; 1 the report
# is missing, empty or broken (the reason is printed); 2 the check could not run (no Chromium, no python3).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
report="${1:-$root/build-gate/target/allure-report}"
out="${2:-$root/build-gate/target/report-check}"
groups="${PYRAMID_REPORT_GROUPS:-unit contract e2e ui perf gate}"
budget="${PYRAMID_REPORT_BUDGET_MS:-20000}"
endpoints="${PYRAMID_REPORT_ENDPOINTS:-required}"

fail() { echo "report-browser-check: FAIL: $*" >&2; exit 1; }
cannot() { echo "report-browser-check: cannot run: $*" >&2; exit 2; }

command -v python3 >/dev/null || cannot "python3 is needed to serve the report and read the DOM"
chromium_bin="$(command -v chromium || command -v chromium-browser || true)"
if [[ -z "$chromium_bin" ]]; then
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
    echo "report-browser-check: installing Debian's chromium package"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    chromium_bin="$(command -v chromium)"
  else
    cannot "no chromium; install Debian's package: sudo apt-get install chromium"
  fi
fi

[[ -d "$report" ]] || fail "no report directory at $report (did 'mvn -B verify' generate it?)"
[[ -f "$report/index.html" ]] || fail "$report has no index.html: the report is empty or was not generated"
mkdir -p "$out"
rm -f "$out/overview.png" "$out/overview.html" "$out"/endpoint*.png "$out"/endpoint*.html

port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
profile="$(mktemp -d)"
python3 -m http.server --bind 127.0.0.1 "$port" --directory "$report" >"$out/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -rf "$profile"' EXIT

# Wait on the condition (the server answers), not on a fixed delay; give up after 10 s.
url="http://127.0.0.1:$port/index.html"
for _ in $(seq 1 100); do
  if python3 -c "import urllib.request, sys; urllib.request.urlopen(sys.argv[1], timeout=1)" "$url" 2>/dev/null; then
    ready=1
    break
  fi
  kill -0 "$server" 2>/dev/null || fail "the report server did not start: $(cat "$out/server.log")"
  sleep 0.1
done
[[ "${ready:-}" == 1 ]] || fail "the report server on $url did not answer within 10 s"

chrome() {
  timeout 120 "$chromium_bin" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --user-data-dir="$profile" \
    --virtual-time-budget="$budget" --window-size=1400,1000 "$@" 2>>"$out/chromium.log"
}
: >"$out/chromium.log"
chrome --dump-dom "$url" >"$out/overview.html" || fail "chromium could not render $url (see $out/chromium.log)"
chrome --screenshot="$out/overview.png" "$url" >/dev/null || fail "chromium could not take a screenshot of $url"
[[ -s "$out/overview.png" ]] || fail "no screenshot written to $out/overview.png"

# The assertions read the rendered page: the overview's Suites widget (parentSuite = layer) and its
# behaviors widget (epic = layer) must list every group, and the summary must count tests.
python3 - "$out/overview.html" $groups <<'PY'
import html, re, sys

dom = open(sys.argv[1], encoding="utf-8").read()
wanted = sys.argv[2:]

def widget(data_id):
    start = dom.find('data-id="%s"' % data_id)
    if start < 0:
        return None
    end = dom.find('data-id="', start + 1)
    return dom[start:end if end > 0 else len(dom)]

def rows(section):
    names = re.findall(r'<div class="table__col">\s*(.*?)\s*</div>', section, re.S)
    texts = [html.unescape(re.sub(r"<[^>]+>", "", name)).strip() for name in names]
    # Each row has the name, then a bar whose text is the count: keep the names.
    return [text for text in texts if text and not text.isdigit()]

problems = []
summary = widget("summary")
if summary is None:
    problems.append("the overview did not render (no summary widget): the report is broken or not an Allure report")
else:
    count = re.search(r'splash__title">\s*(\d+)\s*<', summary)
    if not count or int(count.group(1)) == 0:
        problems.append("the summary counts no test cases: the report is empty")
    else:
        print("summary: %s test cases" % count.group(1))
for data_id, label in (("suites", "Suites"), ("behaviors", "Features by stories")):
    section = widget(data_id)
    if section is None:
        problems.append("no %s widget on the overview" % label)
        continue
    listed = rows(section)
    print("%s widget lists: %s" % (label, ", ".join(listed) or "nothing"))
    missing = [group for group in wanted if group not in listed]
    if missing:
        problems.append("the %s widget does not list %s" % (label, ", ".join(missing)))
categories = widget("categories")
if categories is not None:
    print("categories widget lists: %s" % (", ".join(rows(categories)) or "nothing"))
trend = widget("history-trend")
if trend is not None:
    print("trend widget: %s" % ("no history yet" if "nothing to show" in trend else "chart shown"))
if problems:
    for problem in problems:
        print("report-browser-check: FAIL: " + problem, file=sys.stderr)
    sys.exit(1)
PY

# The endpoint map: the report's own data names the gate's "endpoint coverage" results; one of them
# (an operation no layer exercised, if any) is rendered as the report shows it, and its service's
# map (the attachment) as a page of the report.
if [[ "$endpoints" != skip ]]; then
  found="$(python3 - "$report" <<'PY'
import json, sys, os
report = sys.argv[1]
tree = json.load(open(os.path.join(report, "data", "suites.json"), encoding="utf-8"))
def child(node, name):
    return next((c for c in node.get("children", []) if c.get("name") == name), None)
gate = child(tree, "gate")
coverage = gate and child(gate, "endpoint coverage")
if not coverage:
    sys.exit(0)
leaves = [(service, leaf) for service in coverage["children"] for leaf in service.get("children", [])]
skipped = [l for l in leaves if l[1]["status"] == "skipped"]
service, leaf = (skipped or leaves)[0]
case = json.load(open(os.path.join(report, "data", "test-cases", leaf["uid"] + ".json"), encoding="utf-8"))
attachments = case.get("testStage", {}).get("attachments", [])
print(len(leaves), len(skipped), coverage["uid"], leaf["uid"], leaf["name"].replace(" ", "%20"),
      attachments[0]["source"] if attachments else "-", service["name"])
PY
)" || fail "cannot read $report/data/suites.json: the report is broken"
  [[ -n "$found" ]] || fail "no gate / endpoint coverage suite in the report: the gate wrote no endpoint map (no OpenAPI document read?); PYRAMID_REPORT_ENDPOINTS=skip for a report without one"
  read -r total none group uid name source service <<<"$found"
  echo "endpoint coverage: $total documented operations, $none exercised by no layer"
  chrome --dump-dom "$url#suites/$group/$uid" >"$out/endpoint-result.html" || fail "chromium could not render the endpoint result"
  chrome --screenshot="$out/endpoint-result.png" "$url#suites/$group/$uid" >/dev/null || fail "no screenshot of the endpoint result"
  grep -q "endpoint coverage" "$out/endpoint-result.html" || fail "the endpoint result page does not show the endpoint coverage suite"
  grep -q "${name//%20/ }" "$out/endpoint-result.html" || fail "the endpoint result page does not show ${name//%20/ }"
  [[ "$source" != - ]] || fail "the endpoint result of ${name//%20/ } has no map attached"
  chrome --screenshot="$out/endpoint-map.png" "http://127.0.0.1:$port/data/attachments/$source" >/dev/null \
    || fail "no screenshot of $service's endpoint map"
  echo "endpoint map of $service: $out/endpoint-map.png; a result: $out/endpoint-result.png"
fi
echo "report-browser-check: OK: the overview lists $groups; screenshot $out/overview.png, DOM $out/overview.html"

# The page of delivery metrics the gate wrote into the report, which each gate condition links to.
# A fresh checkout's history may hold no deployment yet: the page must be whole, not full.
if [[ -f "$report/metrics/index.html" ]]; then
  grep -rqsE '"url" ?: ?"metrics/index.html"' "$report/data/test-cases" \
    || fail "the report has a metrics page but no gate condition links to it"
  PYRAMID_METRICS_MIN_BARS=0 "$root/scripts/metrics-page-check.sh" "$report/metrics" "$out/metrics"
fi
