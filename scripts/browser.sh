#!/usr/bin/env bash
# Installs the browser the ui layer drives, from Debian's packages: chromium and chromium-driver (its
# chromedriver, the same version), so that Selenium Manager never downloads one. Run as root on a
# Debian or Ubuntu machine (CI does, through .ci/run); elsewhere it says what to install and exits 1.
# Prints the two paths, which the ui layer's defaults already are:
#   pyramid.browser.binary=/usr/bin/chromium, webdriver.chrome.driver=/usr/bin/chromedriver
set -euo pipefail

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)

if (( ${#missing[@]} > 0 )); then
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
    echo "browser: installing Debian's ${missing[*]}" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "browser: missing ${missing[*]}; install Debian's packages: sudo apt-get install chromium chromium-driver" >&2
    exit 1
  fi
fi

echo "browser: $(chromium --version 2>/dev/null | head -1), $(chromedriver --version 2>/dev/null | head -1)" >&2
echo "pyramid.browser.binary=$(command -v chromium)"
echo "webdriver.chrome.driver=$(command -v chromedriver)"
