/**
 * Register writes per run against history: the register after 500 and after 50,000 appeals, then a run with the same
 * appeals plus 10 new ones (and, separately, 10 changed). Counts the cells written and the Sheets calls per run — they
 * must follow the new work, not the history. `npx tsx bench/register-writes.ts [500,50000]`
 */
import type { INode } from 'n8n-workflow';
import { serveEmulator } from '../sandbox/core/server';
import { SheetsEmulator } from '../sandbox/sheets/emulator';
import { openSheets } from '../nodes/ReportSheets/transport';
import { writeRegister } from '../nodes/ReportSheets/writer';
import { makeAppeal, type Appeal } from '../lib/appeal';
import { request } from 'node:http';
import type { IHttpRequestOptions } from 'n8n-workflow';
import { testPrivateKey } from '../test/helpers/serviceAccount';

const sizes = (process.argv[2] ?? '500,50000').split(',').map(Number);
const node: INode = {
	id: 'b',
	name: 'bench',
	type: 'n8n-nodes-mcu.reportSheets',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};
const TITLE = 'Реестр обращений';
const ID = 'mcu-demo-spreadsheet';

function appeals(from: number, to: number): Appeal[] {
	return Array.from({ length: to - from }, (_, k) =>
		makeAppeal(
			{
				source: 'pos',
				externalId: String(from + k),
				kind: 'message',
				receivedAt: '2026-10-01T09:00:00+03:00',
				text: `Обращение ${from + k}: яма на дороге у дома`,
				raw: {},
			},
			{ status: 'new', topic: 'roads', deadline: '2026-10-31T23:59:59+03:00' },
		),
	);
}

/**
 * n8n's httpRequest stand-in on a new connection per request: after a many-second call an idle keep-alive socket the
 * emulator already closed would be reused and reset (which the Sheets transport does not retry — see bench notes).
 */
export function freshConnection(options: IHttpRequestOptions): Promise<unknown> {
	const url = new URL(options.url);
	for (const [k, v] of Object.entries((options.qs ?? {}) as Record<string, string>))
		url.searchParams.set(k, String(v));
	return new Promise((resolve, reject) => {
		const req = request(
			url,
			{
				method: options.method ?? 'GET',
				headers: options.headers as Record<string, string>,
				agent: false,
			},
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('end', () => {
					const text = Buffer.concat(chunks).toString('utf8');
					if (!options.returnFullResponse) return resolve(options.json ? JSON.parse(text) : text);
					resolve({ statusCode: res.statusCode, headers: res.headers, body: text });
				});
			},
		);
		req.on('error', reject);
		if (options.body !== undefined) req.write(String(options.body));
		req.end();
	});
}

async function main() {
	const emulator = new SheetsEmulator();
	const server = await serveEmulator(emulator);
	const account = {
		email: 'bench@sandbox.iam.gserviceaccount.com',
		privateKey: testPrivateKey(),
		tokenUri: `${server.url}/token`,
		sheetsUrl: `${server.url}/`,
	};
	const session = () => openSheets(account, freshConnection, node);
	const lines: string[] = [
		'| history (rows) | run | cells written | Sheets calls | time |',
		'|---|---|---|---|---|',
	];
	for (const history of sizes) {
		emulator.reset();
		const base = appeals(0, history);
		// The history: a first run makes the tab, a second appends the rest (not measured).
		await writeRegister(await session(), ID, TITLE, base.slice(0, 10), true);
		await writeRegister(await session(), ID, TITLE, base, true);
		const runs: Array<[string, Appeal[]]> = [
			['10 new appeals', [...base, ...appeals(history, history + 10)]],
			[
				'10 changed appeals',
				[
					...base.map((a, i) =>
						i % Math.floor(history / 10) === 0 ? { ...a, status: 'answered' as const } : a,
					),
					...appeals(history, history + 10),
				],
			],
			[
				'nothing new',
				[
					...base.map((a, i) =>
						i % Math.floor(history / 10) === 0 ? { ...a, status: 'answered' as const } : a,
					),
					...appeals(history, history + 10),
				],
			],
		];
		for (const [label, input] of runs) {
			const s = await session();
			const t0 = performance.now();
			const r = await writeRegister(s, ID, TITLE, input, true);
			const ms = performance.now() - t0;
			const calls = Object.entries(s.calls)
				.map(([k, v]) => `${k} ${v}`)
				.join(', ');
			lines.push(
				`| ${history.toLocaleString('en')} | ${label} | ${r.cellsWritten} | ${calls} | ${(ms / 1000).toFixed(2)} s |`,
			);
		}
	}
	await server.close();
	console.log(lines.join('\n'));
}

if (require.main === module) void main();
