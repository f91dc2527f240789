#!/usr/bin/env bash
# The browser test uses Debian's chromium (no browser download): install it when missing.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
echo "chromium: installing Debian's package…"
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
$SUDO apt-get update -qq >/tmp/mcu-apt.log 2>&1
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >>/tmp/mcu-apt.log 2>&1 || { echo "chromium install failed, see /tmp/mcu-apt.log"; exit 1; }
