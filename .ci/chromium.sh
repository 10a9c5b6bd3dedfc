#!/usr/bin/env bash
# CI: make sure Debian's chromium and chromium-driver are installed (for tests/e2e). Idempotent:
# does nothing when both are present. Needs root (or sudo) and the Debian apt sources.
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
/usr/bin/chromium --version >&2
