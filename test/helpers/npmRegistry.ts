/**
 * A local npm registry for the community-install e2e test: serves packuments, version manifests and tarballs of the
 * packages published to it. Loopback only; nothing reaches the public registry.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** Tarballs pass through memory: a dependency can be several megabytes. */
const BIG = { maxBuffer: 256 * 1024 * 1024 };

interface Published {
	manifest: Record<string, unknown>;
	tarball: Buffer;
}

/** The manifest fields npm's resolver reads. */
const MANIFEST_FIELDS = [
	'name',
	'version',
	'dependencies',
	'optionalDependencies',
	'peerDependencies',
	'peerDependenciesMeta',
	'engines',
	'bin',
	'os',
	'cpu',
];

export class NpmRegistry {
	private readonly packages = new Map<string, Map<string, Published>>();
	private readonly latest = new Map<string, string>();
	private server?: http.Server;
	url = '';
	/** Paths requested, in order (for assertions on what the installer fetched). */
	readonly requests: string[] = [];

	/** Publishes a tarball as `npm publish` would: its package.json becomes the version's manifest. */
	publish(tarball: Buffer): { name: string; version: string } {
		const manifest = JSON.parse(
			execFileSync('tar', ['-xzOf', '-', 'package/package.json'], {
				input: tarball,
				...BIG,
			}).toString('utf8'),
		) as Record<string, unknown>;
		const name = String(manifest.name);
		const version = String(manifest.version);
		if (!this.packages.has(name)) this.packages.set(name, new Map());
		this.packages.get(name)!.set(version, { manifest, tarball });
		this.latest.set(name, version);
		return { name, version };
	}

	/** Publishes an installed package folder (its files, without its node_modules). */
	publishInstalled(dir: string): void {
		this.publish(
			execFileSync(
				'tar',
				['-czf', '-', '--exclude=./node_modules', '--transform', 's,^\\.,package,', '-C', dir, '.'],
				BIG,
			),
		);
	}

	/** The tarball path of every published version, as the installer would request it. */
	tarballPaths(): string[] {
		return [...this.packages].flatMap(([name, versions]) =>
			[...versions.keys()].map((version) => `/${name}/-/${name.split('/').pop()}-${version}.tgz`),
		);
	}

	async start(): Promise<string> {
		this.server = http.createServer((req, res) => this.handle(req, res));
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
		return this.url;
	}

	async stop(): Promise<void> {
		if (!this.server) return;
		this.server.closeAllConnections();
		await new Promise<void>((resolve) => this.server!.close(() => resolve()));
	}

	private tarballUrl(name: string, version: string): string {
		return `${this.url}/${name}/-/${name.split('/').pop()}-${version}.tgz`;
	}

	private versionDoc(name: string, version: string, published: Published): Record<string, unknown> {
		const doc: Record<string, unknown> = {};
		for (const field of MANIFEST_FIELDS)
			if (published.manifest[field] !== undefined) doc[field] = published.manifest[field];
		doc.dist = {
			tarball: this.tarballUrl(name, version),
			shasum: createHash('sha1').update(published.tarball).digest('hex'),
			integrity: `sha512-${createHash('sha512').update(published.tarball).digest('base64')}`,
		};
		return doc;
	}

	private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
		const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://registry').pathname);
		this.requests.push(`${req.method} ${pathname}`);
		const json = (status: number, body: unknown) => {
			res.writeHead(status, { 'Content-Type': 'application/json' });
			res.end(JSON.stringify(body));
		};
		if (req.method !== 'GET' && req.method !== 'HEAD') return json(404, { error: 'not found' });
		const tarball = /^\/(.+)\/-\/(.+)\.tgz$/.exec(pathname);
		if (tarball) {
			const version = tarball[2].slice(`${tarball[1].split('/').pop()}-`.length);
			const published = this.packages.get(tarball[1])?.get(version);
			if (!published) return json(404, { error: 'not found' });
			res.writeHead(200, {
				'Content-Type': 'application/octet-stream',
				'Content-Length': published.tarball.length,
			});
			return void res.end(published.tarball);
		}
		const match = /^\/((?:@[^/]+\/)?[^/@]+)(?:\/([^/]+))?$/.exec(pathname);
		const versions = match ? this.packages.get(match[1]) : undefined;
		if (!match || !versions) return json(404, { error: 'not found' });
		const name = match[1];
		if (match[2]) {
			const version = match[2] === 'latest' ? this.latest.get(name)! : match[2];
			const published = versions.get(version);
			return published
				? json(200, this.versionDoc(name, version, published))
				: json(404, { error: 'version not found' });
		}
		json(200, {
			name,
			'dist-tags': { latest: this.latest.get(name) },
			versions: Object.fromEntries(
				[...versions].map(([version, published]) => [
					version,
					this.versionDoc(name, version, published),
				]),
			),
		});
	}
}

/** The production dependency tree of the package at `root`, as installed: one folder per name@version. */
export function installedProductionTree(root: string): string[] {
	const found = new Map<string, string>();
	const visit = (deps: Record<string, string> | undefined, fromDir: string, optional = false) => {
		for (const name of Object.keys(deps ?? {})) {
			let dir = '';
			for (let d = fromDir; !dir; d = path.dirname(d)) {
				const candidate = path.join(d, 'node_modules', name);
				if (fs.existsSync(path.join(candidate, 'package.json'))) dir = candidate;
				else if (d === path.dirname(d)) break;
			}
			if (!dir && optional) continue;
			if (!dir) throw new Error(`${name} is not installed (from ${fromDir})`);
			const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
			const id = `${name}@${manifest.version}`;
			if (found.has(id)) continue;
			found.set(id, dir);
			visit(manifest.dependencies, dir);
			visit(manifest.optionalDependencies, dir, true);
		}
	};
	visit(JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).dependencies, root);
	return [...found.values()];
}

/** The same package tarball with another version in its package.json (an update to publish). */
export function withVersion(tarball: Buffer, version: string): Buffer {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcu-repack-'));
	try {
		execFileSync('tar', ['-xzf', '-', '-C', dir], { input: tarball, ...BIG });
		const manifestPath = path.join(dir, 'package', 'package.json');
		const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
		fs.writeFileSync(manifestPath, JSON.stringify({ ...manifest, version }, null, 2));
		return execFileSync('tar', ['-czf', '-', '-C', dir, 'package'], BIG);
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}
