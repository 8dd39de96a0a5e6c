#!/bin/sh
# The browser the web tests drive (tests/test_web_browser.py): Debian's Chromium and its
# driver, installed with apt-get only when /usr/bin/chromium is missing. Playwright (a
# Python test dependency) uses this browser; it never downloads one of its own.
# Idempotent: a second run does nothing. Needs root (or sudo) for apt-get.
set -eu
if [ -x /usr/bin/chromium ]; then
    echo "install-browser: /usr/bin/chromium is there: nothing to do"
    exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
        echo "install-browser: not root and no sudo: install chromium and chromium-driver yourself" >&2
        exit 1
    fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq chromium chromium-driver
/usr/bin/chromium --version
