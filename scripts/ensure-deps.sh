#!/usr/bin/env bash
# Installs the project's own dependencies from package-lock.json when missing or out of date (fresh clone, CI).
set -euo pipefail
cd "$(dirname "$0")/.."
stamp=node_modules/.mcu-installed
if [ -f "$stamp" ] && cmp -s package-lock.json "$stamp"; then exit 0; fi
echo "dependencies: installing from package-lock.json…"
npm ci --no-audit --no-fund --loglevel=error
cp package-lock.json "$stamp"
