#!/usr/bin/env bash
# Installs what running or testing needs and a fresh machine lacks: nats-server and openssl
# from the OS packages (and, given `test`, for the browser tests: chromium and a CJK font, without which
# Japanese is drawn as empty boxes; given `screenshots`, also a Devanagari font for नेपाली), and the npm
# dependencies (which also generate the proto code).
set -euo pipefail
cd "$(dirname "$0")/../.."

missing=()
command -v nats-server >/dev/null 2>&1 || missing+=(nats-server)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
if [ "${1:-}" = "test" ] || [ "${1:-}" = "screenshots" ]; then
  # xmllint validates the CAP feed against the OASIS schema in the gateway's tests.
  command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
fi
# The pictures people read show the language menu's नेपाली; the tests do not need its glyphs.
if [ "${1:-}" = "screenshots" ]; then
  dpkg -s fonts-noto-core >/dev/null 2>&1 || missing+=(fonts-noto-core)
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]} from the OS packages…"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq "${missing[@]}"
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "installing npm dependencies…"
  npm ci --no-audit --no-fund
fi
