#!/usr/bin/env bash
# The embedded default: installs what is missing, then starts nats-server and the four
# services with their state under ./var.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash deploy/embedded/prerequisites.sh
exec node --import tsx deploy/embedded/run.ts
