/**
 * Installed the way users install: n8n's own Community Nodes installer (REST API behind Settings → Community Nodes)
 * installs the packed package from a registry, updates it to a newer version and uninstalls it.
 * n8n 2.41.1 Community Edition always asks registry.npmjs.org (a custom registry is a licensed feature), so the
 * preloaded hook sends that host to a local registry on loopback; n8n's installer and npm run unchanged.
 */
import fs from 'node:fs';
import path from 'node:path';
import { N8nInstance } from '../helpers/n8n';
import { E2E_DIR, ROOT } from '../helpers/paths';
import { installedProductionTree, NpmRegistry, withVersion } from '../helpers/npmRegistry';

const OWNER = {
	email: 'installer@dedovichi.example',
	firstName: 'Технический',
	lastName: 'Специалист',
	password: 'Mcu-Install-2026',
};
const PACKAGE = 'n8n-nodes-mcu';

interface InstalledPackage {
	packageName: string;
	installedVersion: string;
	installedNodes: Array<{ name: string; type: string }>;
}

describe("n8n's Community Nodes installer with the packed package", () => {
	const registry = new NpmRegistry();
	const nodesDir = path.join(E2E_DIR, `community-nodes-${process.pid}`);
	let n8n: N8nInstance;
	let url = '';
	let cookie = '';
	const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
	const expectedTypes = (pkg.n8n.nodes as string[]).map(
		(p) => `${PACKAGE}.${path.basename(p, '.node.js').replace(/^./, (c) => c.toLowerCase())}`,
	);

	const rest = async (method: string, route: string, body?: unknown) => {
		const res = await fetch(`${url}/rest${route}`, {
			method,
			headers: { 'Content-Type': 'application/json', cookie, 'browser-id': 'mcu-e2e' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await res.text();
		if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${text}`);
		return text ? (JSON.parse(text) as { data: unknown }).data : undefined;
	};
	/** The package's entries of n8n's node list: one per node version (a versioned node is listed once per version). */
	const nodeEntries = async () => {
		const res = await fetch(`${url}/types/nodes.json`, {
			headers: { cookie, 'browser-id': 'mcu-e2e' },
		});
		const types = (await res.json()) as Array<{ name: string; version: number | number[] }>;
		return types.filter((t) => t.name.startsWith(`${PACKAGE}.`) && !t.name.endsWith('Tool'));
	};
	const nodeTypes = async () => [...new Set((await nodeEntries()).map((t) => t.name))];
	/** The versions n8n lists for a node type, in order. */
	const versionsOf = async (type: string) =>
		(await nodeEntries())
			.filter((t) => t.name === type)
			.flatMap((t) => (Array.isArray(t.version) ? t.version : [t.version]))
			.sort();

	beforeAll(async () => {
		const tarball = fs
			.readdirSync(E2E_DIR)
			.find((f) => f.startsWith(`${PACKAGE}-`) && f.endsWith('.tgz'));
		if (!tarball) throw new Error(`the e2e global setup packs ${PACKAGE} into ${E2E_DIR}`);
		registry.publish(fs.readFileSync(path.join(E2E_DIR, tarball)));
		for (const dir of installedProductionTree(ROOT)) registry.publishInstalled(dir);
		await registry.start();
		fs.rmSync(nodesDir, { recursive: true, force: true });
		fs.mkdirSync(nodesDir, { recursive: true });
		n8n = new N8nInstance(
			'community-install',
			{
				NODE_OPTIONS: `--require ${path.join(ROOT, 'test/helpers/googleapis-hook.js')}`,
				MCU_NPM_REGISTRY_EMULATOR: registry.url,
			},
			{ nodesDir },
		);
		url = await n8n.start();
		const setup = await fetch(`${url}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', 'browser-id': 'mcu-e2e' },
			body: JSON.stringify(OWNER),
		});
		if (!setup.ok) throw new Error(`owner setup: ${setup.status} ${await setup.text()}`);
		cookie = (setup.headers.get('set-cookie') ?? '').split(';')[0];
	});

	afterAll(async () => {
		await n8n?.stop();
		n8n?.cleanup();
		await registry.stop();
		fs.rmSync(nodesDir, { recursive: true, force: true });
	});

	it('installs 0.1.0 with its dependencies from the registry; every node appears in n8n', async () => {
		expect(await nodeTypes()).toEqual([]);
		const installed = (await rest('POST', '/community-packages', {
			name: PACKAGE,
			version: pkg.version,
		})) as InstalledPackage;
		expect(installed.packageName).toBe(PACKAGE);
		expect(installed.installedVersion).toBe(pkg.version);
		expect(installed.installedNodes.map((n) => n.type).sort()).toEqual([...expectedTypes].sort());
		expect((await nodeTypes()).sort()).toEqual([...expectedTypes].sort());
		// The renamed selectors got node versions: both stay loadable for saved workflows.
		expect(await versionsOf(`${PACKAGE}.normalize`)).toEqual([1, 2]);
		expect(await versionsOf(`${PACKAGE}.reportSheets`)).toEqual([1, 2]);
		expect(
			fs.existsSync(
				path.join(
					nodesDir,
					'node_modules',
					PACKAGE,
					'node_modules',
					'@googleapis',
					'sheets',
					'package.json',
				),
			),
		).toBe(true);
		// Everything came from the local registry: the package and each of its dependencies, once.
		const fetched = registry.requests
			.filter((r) => r.endsWith('.tgz'))
			.map((r) => r.replace(/^GET /, ''));
		expect(fetched.sort()).toEqual(registry.tarballPaths().sort());
	});

	it('updates to a newer published version', async () => {
		const tarball = fs.readFileSync(
			path.join(
				E2E_DIR,
				fs.readdirSync(E2E_DIR).find((f) => f.startsWith(`${PACKAGE}-`) && f.endsWith('.tgz'))!,
			),
		);
		const { version } = registry.publish(withVersion(tarball, '0.1.1'));
		const updated = (await rest('PATCH', '/community-packages', {
			name: PACKAGE,
			version,
		})) as InstalledPackage;
		expect(updated.installedVersion).toBe('0.1.1');
		const listed = (await rest('GET', '/community-packages')) as InstalledPackage[];
		expect(listed.map((p) => [p.packageName, p.installedVersion])).toEqual([[PACKAGE, '0.1.1']]);
		expect(
			JSON.parse(
				fs.readFileSync(path.join(nodesDir, 'node_modules', PACKAGE, 'package.json'), 'utf8'),
			).version,
		).toBe('0.1.1');
		expect((await nodeTypes()).sort()).toEqual([...expectedTypes].sort());
	});

	it('uninstalls: the package, its folder and its nodes are gone', async () => {
		await rest('DELETE', `/community-packages?name=${PACKAGE}`);
		expect(await rest('GET', '/community-packages')).toEqual([]);
		expect(fs.existsSync(path.join(nodesDir, 'node_modules', PACKAGE))).toBe(false);
		expect(await nodeTypes()).toEqual([]);
	});
});
