#!/usr/bin/env bash
# Real-browser check of a delivery-metrics page (`pyramid metrics --html DIR`, or the one the gate
# writes into the Allure report's metrics/): renders DIR/index.html in headless Chromium, keeps the
# rendered DOM and a screenshot, and fails unless the page shows the four DORA keys, draws each
# weekly chart and lists the stages.
#
#   scripts/metrics-page-check.sh PAGE_DIR [OUT_DIR]
#     PAGE_DIR  the folder holding index.html
#     OUT_DIR   where metrics.png and metrics.html go (default: PAGE_DIR/../metrics-check)
#   PYRAMID_METRICS_MIN_BARS  how many bars the charts must draw at least (default: 1; 0 for a
#                             history with no deployment yet)
#
# Exit codes: 0 the page is whole; 1 it is missing or broken (the reason is printed); 2 the check
# could not run (no Chromium, no python3).
set -euo pipefail

[[ $# -ge 1 ]] || { echo "usage: $0 PAGE_DIR [OUT_DIR]" >&2; exit 2; }
page_dir="$(cd "$1" 2>/dev/null && pwd)" || { echo "metrics-page-check: FAIL: no folder $1" >&2; exit 1; }
out="${2:-$page_dir/../metrics-check}"
min_bars="${PYRAMID_METRICS_MIN_BARS:-1}"

fail() { echo "metrics-page-check: FAIL: $*" >&2; exit 1; }
cannot() { echo "metrics-page-check: cannot run: $*" >&2; exit 2; }

command -v python3 >/dev/null || cannot "python3 is needed to read the DOM"
chromium_bin="$(command -v chromium || command -v chromium-browser || true)"
[[ -n "$chromium_bin" ]] || cannot "no chromium; install Debian's package: sudo apt-get install chromium (scripts/browser.sh)"
[[ -f "$page_dir/index.html" ]] || fail "$page_dir has no index.html: no page was written"
mkdir -p "$out"
rm -f "$out/metrics.png" "$out/metrics.html"
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT

# The page is one self-contained file (no script, nothing fetched): opened from disk as a CI
# artifact would be.
url="file://$page_dir/index.html"
chrome() {
  timeout 60 "$chromium_bin" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --user-data-dir="$profile" \
    --window-size=1000,1800 "$@" 2>>"$out/chromium.log"
}
: >"$out/chromium.log"
chrome --dump-dom "$url" >"$out/metrics.html" || fail "chromium could not render $url (see $out/chromium.log)"
chrome --screenshot="$out/metrics.png" "$url" >/dev/null || fail "chromium could not take a screenshot of $url"
[[ -s "$out/metrics.png" ]] || fail "no screenshot written to $out/metrics.png"

python3 - "$out/metrics.html" "$min_bars" <<'PY'
import html, re, sys

dom = open(sys.argv[1], encoding="utf-8").read()
min_bars = int(sys.argv[2])
problems = []

def element(element_id):
    match = re.search(r'<(\w+)[^>]*\bid="%s"[^>]*>' % re.escape(element_id), dom)
    if not match:
        return None
    end = dom.find("</%s>" % match.group(1), match.end())
    return dom[match.start():end if end > 0 else len(dom)]

# The tiles are nested divs: read them from the keys' start to the first chart.
start = dom.find('id="keys"')
keys = dom[start:dom.find("<svg", start)] if start >= 0 else ""
names = re.findall(r'class="name">(.*?)<', keys)
values = re.findall(r'class="value">(.*?)<', keys)
if len(names) != 4:
    problems.append("the DORA keys show %d tiles, not 4" % len(names))
for name, value in zip(names, values):
    print("key: %s = %s" % (html.unescape(name), html.unescape(value)))
bars = 0
for chart in ("deployments-per-week", "production-per-week", "lead-time-per-week", "block-rate-per-week"):
    svg = element(chart)
    if svg is None:
        problems.append("no chart %s" % chart)
        continue
    # A value drawn carries its <title> (the legend's swatches do not); a zero bar has no height.
    drawn = len(re.findall(r'<rect [^>]*height="(?!0\.0")[^>]*><title>', svg)) + len(re.findall(r"<circle ", svg))
    axis = len(re.findall(r'class="axis"', svg))
    print("chart %s: %d marks, %d axis labels" % (chart, drawn, axis))
    if axis < 5:
        problems.append("chart %s has no axis" % chart)
    if chart.endswith("per-week") and "deployments" in chart:
        bars += drawn
stages = element("stages")
rows = re.findall(r"<tr><td>(.*?)</td>", stages or "")
print("stages: %s" % ", ".join(html.unescape(r) for r in rows))
if not rows:
    problems.append("the stages table lists no stage")
if bars < min_bars:
    problems.append("the deployment charts draw %d bars, fewer than %d" % (bars, min_bars))
if element("partial") is not None:
    print("the page says it is partial: lines of the history were left out")
if problems:
    for problem in problems:
        print("metrics-page-check: FAIL: " + problem, file=sys.stderr)
    sys.exit(1)
print("metrics-page-check: the page shows the keys, every chart and the stages")
PY
echo "metrics-page-check: screenshot $out/metrics.png"
