/**
 * Once per e2e run: make sure the pinned n8n is installed, build and `npm pack` this package, and install the
 * tarball into a nodes folder the way n8n's community-nodes installer does (`~/.n8n/nodes/node_modules/<pkg>`).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { E2E_DIR, NODES_TEMPLATE, ROOT } from './paths';

function run(cmd: string, args: string[], cwd: string): string {
	return execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
}

export default async function globalSetup(): Promise<void> {
	run('bash', [path.join(ROOT, 'scripts/install-n8n.sh')], ROOT);
	run('npm', ['run', '--silent', 'build'], ROOT);
	fs.mkdirSync(E2E_DIR, { recursive: true });
	for (const f of fs.readdirSync(E2E_DIR)) if (f.endsWith('.tgz')) fs.rmSync(path.join(E2E_DIR, f));
	const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', E2E_DIR], ROOT)) as Array<{ filename: string }>;
	const tarball = path.join(E2E_DIR, path.basename(packed[0].filename));
	fs.rmSync(NODES_TEMPLATE, { recursive: true, force: true });
	fs.mkdirSync(NODES_TEMPLATE, { recursive: true });
	fs.writeFileSync(path.join(NODES_TEMPLATE, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true }));
	// Same flags as n8n's installer: production deps only, no scripts, peers come from n8n itself.
	run(
		'npm',
		['install', tarball, '--omit=dev', '--legacy-peer-deps', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'],
		NODES_TEMPLATE,
	);
}
