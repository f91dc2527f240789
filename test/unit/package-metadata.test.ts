import * as fs from 'node:fs';
import * as path from 'node:path';
import type { INodeType, IVersionedNodeType } from 'n8n-workflow';

const root = path.resolve(__dirname, '../..');
const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));
const pkg = readJson(path.join(root, 'package.json'));
const repoUrl = String(pkg.homepage).replace(/#.*$/, '');

/** Where a dependency resolves from `fromDir`, as Node does: the nearest node_modules up the tree. */
function packageDir(name: string, fromDir: string): string {
	for (let dir = fromDir; ; dir = path.dirname(dir)) {
		const candidate = path.join(dir, 'node_modules', name);
		if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
		if (dir === path.dirname(dir)) throw new Error(`${name} is not installed (from ${fromDir})`);
	}
}

/** The `node` engine ranges of every production dependency, transitively. */
function productionEngines(): Map<string, string> {
	const engines = new Map<string, string>();
	const seen = new Set<string>();
	const visit = (deps: Record<string, string> | undefined, fromDir: string) => {
		for (const name of Object.keys(deps ?? {})) {
			const dir = packageDir(name, fromDir);
			if (seen.has(dir)) continue;
			seen.add(dir);
			const manifest = readJson(path.join(dir, 'package.json'));
			if (manifest.engines?.node) engines.set(`${name}@${manifest.version}`, manifest.engines.node);
			visit(manifest.dependencies, dir);
		}
	};
	visit(pkg.dependencies, root);
	return engines;
}

const lowestMajor = (range: string) => Number(/>=\s*v?(\d+)/.exec(range)?.[1] ?? 0);

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to dashes. */
const slug = (heading: string) =>
	heading
		.trim()
		.toLowerCase()
		.replace(/[^\p{L}\p{N}\s-]/gu, '')
		.replace(/\s/g, '-');
const readmeAnchors = new Set(
	fs
		.readFileSync(path.join(root, 'README.md'), 'utf8')
		.split('\n')
		.filter((line) => /^#{1,6}\s/.test(line))
		.map((line) => slug(line.replace(/^#+/, ''))),
);

/** Categories n8n's node panel groups community nodes by. */
const N8N_CATEGORIES = [
	'Analytics',
	'Communication',
	'Data & Storage',
	'Development',
	'Finance & Accounting',
	'Marketing',
	'Miscellaneous',
	'Productivity',
	'Sales',
	'Utility',
];

describe('package.json tells the truth', () => {
	it('engines.node is at least what every production dependency needs', () => {
		const ours = lowestMajor(pkg.engines.node);
		const needs = [...productionEngines()].filter(([, range]) => lowestMajor(range) > ours);
		expect(needs).toEqual([]);
		// Not vacuous: the Google client's stack does declare its engines.
		expect([...productionEngines().keys()].some((id) => id.startsWith('@googleapis/sheets@'))).toBe(
			true,
		);
	});

	it('n8n-workflow is an optional peer (installing the package as a library pulls no n8n)', () => {
		expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		expect(pkg.peerDependenciesMeta).toEqual({ 'n8n-workflow': { optional: true } });
	});

	it('the whole googleapis bundle is no runtime dependency (the Sheets-only client is)', () => {
		expect(
			Object.keys(pkg.dependencies).filter(
				(name) => name === 'googleapis' || name.startsWith('@googleapis/'),
			),
		).toEqual(['@googleapis/sheets']);
	});

	it('ships an MIT LICENSE and points at its repository and issue tracker', () => {
		expect(pkg.license).toBe('MIT');
		expect(fs.readFileSync(path.join(root, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n/);
		expect(pkg.repository).toEqual({ type: 'git', url: `git+${repoUrl}.git` });
		expect(pkg.bugs).toEqual({ url: `${repoUrl}/issues` });
	});

	it('builds no source maps (the TypeScript sources they would point at are not shipped)', () => {
		const { compilerOptions } = readJson(path.join(root, 'tsconfig.json'));
		expect(
			[
				compilerOptions.sourceMap,
				compilerOptions.inlineSourceMap,
				compilerOptions.declarationMap,
			].filter(Boolean),
		).toEqual([]);
	});

	it('every node and credential in package.json has its source', () => {
		const missing = [...pkg.n8n.nodes, ...pkg.n8n.credentials]
			.map((p: string) => p.replace(/^dist\//, '').replace(/\.js$/, '.ts'))
			.filter((p: string) => !fs.existsSync(path.join(root, p)));
		expect(missing).toEqual([]);
	});
});

describe('codex files', () => {
	const nodes = (pkg.n8n.nodes as string[]).map((distPath) => {
		const source = path.join(root, distPath.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
		const className = path.basename(source, '.node.ts');
		const NodeClass = require(source)[className] as new () => INodeType | IVersionedNodeType;
		const instance = new NodeClass();
		// A versioned node (VersionedNodeType) is described by its default version: the one new nodes get.
		const description =
			'nodeVersions' in instance ? instance.getNodeType().description : instance.description;
		return { source, codexPath: source.replace(/\.ts$/, '.json'), description };
	});

	it('every node has <Node>.node.json beside it, and no codex file is left without its node', () => {
		const codexFiles = fs
			.readdirSync(path.join(root, 'nodes'), { recursive: true, encoding: 'utf8' })
			.filter((f) => f.endsWith('.node.json'))
			.map((f) => path.join(root, 'nodes', f))
			.sort();
		expect(codexFiles).toEqual(nodes.map((n) => n.codexPath).sort());
	});

	it.each(nodes.map((n) => [path.relative(root, n.codexPath), n] as const))(
		'%s names its node and links its README section',
		(_file, node) => {
			const codex = readJson(node.codexPath);
			expect(Object.keys(codex).sort()).toEqual([
				'categories',
				'codexVersion',
				'node',
				'nodeVersion',
				'resources',
			]);
			expect(codex.node).toBe(`${pkg.name}.${node.description.name}`);
			// A versioned node (VersionedNodeType) has no version of its own: its codex names the default one.
			const version =
				'defaultVersion' in node.description && node.description.defaultVersion
					? node.description.defaultVersion
					: node.description.version;
			expect(codex.nodeVersion).toBe(`${version}.0`);
			expect(codex.codexVersion).toBe('1.0');
			expect(codex.categories.length).toBeGreaterThan(0);
			expect(codex.categories.filter((c: string) => !N8N_CATEGORIES.includes(c))).toEqual([]);
			const links = [
				...codex.resources.primaryDocumentation,
				...(codex.resources.credentialDocumentation ?? []),
			].map((r: { url: string }) => r.url);
			expect(codex.resources.primaryDocumentation).toHaveLength(1);
			for (const url of links) {
				const [base, anchor] = url.split('#');
				expect(base).toBe(repoUrl);
				expect(readmeAnchors.has(anchor)).toBe(true);
			}
			expect(Boolean(codex.resources.credentialDocumentation)).toBe(
				(node.description.credentials ?? []).length > 0,
			);
		},
	);
});
