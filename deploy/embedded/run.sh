#!/usr/bin/env bash
# The embedded default: installs what is missing (nats-server from the OS packages, npm
# dependencies), then starts nats-server and the four services with state under ./var.
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! command -v nats-server >/dev/null 2>&1; then
  echo "nats-server is not on PATH; installing it from the OS packages…"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq nats-server
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "installing npm dependencies…"
  npm ci --no-audit --no-fund
fi

exec node --import tsx deploy/embedded/run.ts
