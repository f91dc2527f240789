#!/usr/bin/env node
// Build: tsc, then copy what tsc does not (node icons, codex JSON, ready-made workflows) into dist/.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist');
fs.rmSync(dist, { recursive: true, force: true });
execFileSync(
	process.execPath,
	[require.resolve('typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.json')],
	{
		stdio: 'inherit',
		cwd: root,
	},
);

function copyMatching(fromDir, toDir, test) {
	if (!fs.existsSync(fromDir)) return 0;
	let copied = 0;
	for (const entry of fs.readdirSync(fromDir, { withFileTypes: true })) {
		const from = path.join(fromDir, entry.name);
		const to = path.join(toDir, entry.name);
		if (entry.isDirectory()) copied += copyMatching(from, to, test);
		else if (test(entry.name)) {
			fs.mkdirSync(toDir, { recursive: true });
			fs.copyFileSync(from, to);
			copied++;
		}
	}
	return copied;
}

const assets = (name) => /\.(svg|png)$/.test(name) || /\.node\.json$/.test(name);
let count = copyMatching(path.join(root, 'nodes'), path.join(dist, 'nodes'), assets);
count += copyMatching(path.join(root, 'credentials'), path.join(dist, 'credentials'), assets);
count += copyMatching(path.join(root, 'workflows'), path.join(dist, 'workflows'), (n) =>
	n.endsWith('.json'),
);

// The loader fails on a missing path: check every node and credential listed in package.json exists, and every
// node's codex file (n8n reads <Node>.node.json beside the node for its panel category and documentation link).
const pkg = require(path.join(root, 'package.json'));
const codexFiles = pkg.n8n.nodes.map((p) => p.replace(/\.js$/, '.json'));
const missing = [...pkg.n8n.nodes, ...codexFiles, ...pkg.n8n.credentials].filter(
	(p) => !fs.existsSync(path.join(root, p)),
);
if (missing.length) {
	console.error(`package.json n8n paths missing in dist: ${missing.join(', ')}`);
	process.exit(1);
}
console.log(
	`build: ok (${count} assets copied, ${pkg.n8n.nodes.length} nodes, ${pkg.n8n.credentials.length} credentials)`,
);
