#!/usr/bin/env bash
# npm run demo: installs what it needs (project dependencies, the pinned n8n), then runs scripts/demo.ts.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
bash scripts/install-n8n.sh
exec npx tsx scripts/demo.ts "$@"
