#!/usr/bin/env bash
# The whole test suite, from a fresh clone: installs what it needs, then typecheck, lint, build, unit and e2e tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
bash scripts/install-n8n.sh
bash scripts/ensure-chromium.sh
echo "== typecheck"; npx tsc -p tsconfig.test.json --noEmit
echo "== lint"; npm run lint
echo "== format (prettier, the n8n-nodes-starter settings)"; npm run format:check
# vk-io and gaxios load ESM modules with dynamic import(); jest needs this flag to allow that.
export NODE_OPTIONS="--experimental-vm-modules ${NODE_OPTIONS:-}"
echo "== unit"; npx jest --selectProjects unit
echo "== e2e (real n8n)"; npx jest --selectProjects e2e --runInBand
