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
	installPackedPackage(E2E_DIR, NODES_TEMPLATE);
}

/** Builds, packs and installs this package into `nodesDir` like n8n's community-nodes installer (used by e2e and the demo). */
export function installPackedPackage(workDir: string, nodesDir: string): void {
	run('bash', [path.join(ROOT, 'scripts/install-n8n.sh')], ROOT);
	run('npm', ['run', '--silent', 'build'], ROOT);
	fs.mkdirSync(workDir, { recursive: true });
	for (const f of fs.readdirSync(workDir)) if (f.endsWith('.tgz')) fs.rmSync(path.join(workDir, f));
	const packed = JSON.parse(
		run('npm', ['pack', '--json', '--pack-destination', workDir], ROOT),
	) as Array<{ filename: string }>;
	const tarball = path.join(workDir, path.basename(packed[0].filename));
	const NODES_TEMPLATE = nodesDir;
	fs.rmSync(NODES_TEMPLATE, { recursive: true, force: true });
	fs.mkdirSync(NODES_TEMPLATE, { recursive: true });
	fs.writeFileSync(
		path.join(NODES_TEMPLATE, 'package.json'),
		JSON.stringify({ name: 'installed-nodes', private: true }),
	);
	// Same flags as n8n's installer: production deps only, no scripts, peers come from n8n itself.
	run(
		'npm',
		[
			'install',
			tarball,
			'--omit=dev',
			'--legacy-peer-deps',
			'--ignore-scripts',
			'--no-audit',
			'--no-fund',
			'--prefer-offline',
			'--loglevel=error',
		],
		NODES_TEMPLATE,
	);
}
