/**
 * One run of the shipped intake (`scripts/workflows.ts` `intakeWorkflow()`, issue 16) against history: ПОС and ИМ hold
 * `history` appeals (half each, spread over the 180-day window) and get 10 new ones (5 each); the register already
 * holds the history, written by an earlier run. Measured per run: the source requests of «ПОС» and
 * «Инцидент-менеджмент» with the intake's own parameters (changed since the last run), and what «Реестр обращений»
 * writes with their items — cells, new rows, Sheets calls. For contrast, the same with the full reads of the
 * all-in-one intake before it (ПОС of 180 days, ИМ of everything, all of it upserted every run).
 * VK and OK re-read their last 100 threads whatever the history (bench/sources.ts); Telegram and MAX hand out each
 * update once. Structuring, routing and deadlines make no requests to the sources.
 * Run: npx tsx bench/intake-run.ts [history…]   (default 500 50000)
 */
import type { INode } from 'n8n-workflow';
import { Im } from '../nodes/Im/Im.node.js';
import { Pos } from '../nodes/Pos/Pos.node.js';
import { openSheets } from '../nodes/ReportSheets/transport';
import { writeRegister } from '../nodes/ReportSheets/writer';
import type { Appeal } from '../lib/appeal';
import { SANDBOX_CREDENTIALS } from '../sandbox';
import { serveEmulator } from '../sandbox/core/server';
import { ImEmulator } from '../sandbox/im/emulator';
import { PosEmulator } from '../sandbox/pos/emulator';
import { SheetsEmulator } from '../sandbox/sheets/emulator';
import { intakeWorkflow, SPREADSHEET_ID } from '../scripts/workflows';
import { testPrivateKey } from '../test/helpers/serviceAccount';
import { freshConnection } from './register-writes';
import { DAY, WINDOW_DAYS, ageHistory, runNodeItems } from './sources';

const TITLE = 'Реестр обращений';
const sheetsNode: INode = {
	id: 'b',
	name: 'bench',
	type: 'n8n-nodes-mcu.reportSheets',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/** The intake's parameters of a node, its «now − 180 days» expression evaluated. */
function intakeParameters(name: string): Record<string, unknown> {
	const parameters = intakeWorkflow().nodes.find((n) => n.name === name)!.parameters;
	return JSON.parse(
		JSON.stringify(parameters).replace(
			/"=\{\{ \$now\.minus\(\{ days: 180 \}\)\.toISO\(\) \}\}"/g,
			JSON.stringify(new Date(Date.now() - WINDOW_DAYS * DAY).toISOString()),
		),
	);
}

export interface IntakeRunCost {
	history: number;
	run: string;
	sourceRequests: number;
	sourceItems: number;
	cellsWritten: number;
	inserted: number;
	sheetsCalls: string;
	seconds: number;
}

export async function intakeRunCosts(history: number): Promise<IntakeRunCost[]> {
	const pos = new PosEmulator();
	const im = new ImEmulator();
	pos.insertRecords(Math.ceil(history / 2));
	im.insertRecords(Math.floor(history / 2));
	ageHistory(pos.all());
	ageHistory(im.all());
	const sheets = new SheetsEmulator();
	const servers = await Promise.all([serveEmulator(pos), serveEmulator(im), serveEmulator(sheets)]);
	const [posServer, imServer, sheetsServer] = servers;
	try {
		const p = SANDBOX_CREDENTIALS.pos;
		const posCredentials = {
			baseUrl: posServer.url,
			username: p.username,
			password: p.password,
			scope: p.scope,
		};
		const imCredentials = { baseUrl: imServer.url, token: SANDBOX_CREDENTIALS.im.token };
		const account = {
			email: 'bench@sandbox.iam.gserviceaccount.com',
			privateKey: testPrivateKey(),
			tokenUri: `${sheetsServer.url}/token`,
			sheetsUrl: `${sheetsServer.url}/`,
		};
		const posParameters = intakeParameters('ПОС');
		const imParameters = intakeParameters('Инцидент-менеджмент');
		const state = { pos: {}, im: {} };
		const out: IntakeRunCost[] = [];

		const measure = async (
			run: string,
			reads: () => Promise<Array<{ requests: number; items: Appeal[] }>>,
			record = true,
		) => {
			const t0 = performance.now();
			const results = await reads();
			const items = results.flatMap((r) => r.items);
			const session = await openSheets(account, freshConnection, sheetsNode);
			const written = await writeRegister(session, SPREADSHEET_ID, TITLE, items, true);
			const seconds = (performance.now() - t0) / 1000;
			if (!record) return;
			out.push({
				history,
				run,
				sourceRequests: results.reduce((n, r) => n + r.requests, 0),
				sourceItems: items.length,
				cellsWritten: written.cellsWritten,
				inserted: written.inserted,
				sheetsCalls: Object.entries(session.calls)
					.map(([k, v]) => `${k} ${v}`)
					.join(', '),
				seconds,
			});
		};
		const changedSince = () =>
			Promise.all([
				runNodeItems(new Pos(), posParameters, posCredentials, state.pos),
				runNodeItems(new Im(), imParameters, imCredentials, state.im),
			]);
		const fullRead = () =>
			Promise.all([
				runNodeItems(
					new Pos(),
					{
						resource: 'appeal',
						operation: 'getMany',
						returnAll: true,
						filters: { updatedFrom: new Date(Date.now() - WINDOW_DAYS * DAY).toISOString() },
					},
					posCredentials,
				),
				runNodeItems(new Im(), { operation: 'getMany', returnAll: true }, imCredentials),
			]);

		// The earlier run: reads the window, writes the history into the register (not measured).
		await measure('first run', changedSince, false);
		pos.insertRecords(5);
		im.insertRecords(5);
		await measure('10 new (shipped intake: changed since the last run)', changedSince);
		await measure('nothing new (shipped intake)', changedSince);
		pos.insertRecords(5);
		im.insertRecords(5);
		await measure(
			'10 new, read as the all-in-one intake before did (full reads, everything upserted)',
			fullRead,
		);
		return out;
	} finally {
		await Promise.all(servers.map((s) => s.close()));
	}
}

if (require.main === module) {
	void (async () => {
		const histories = process.argv
			.slice(2)
			.map(Number)
			.filter((n) => n > 0);
		console.log(
			'| history | run | ПОС + ИМ requests | items | register cells written | new rows | Sheets calls | time |\n|---|---|---|---|---|---|---|---|',
		);
		for (const history of histories.length ? histories : [500, 50000]) {
			for (const r of await intakeRunCosts(history)) {
				console.log(
					`| ${r.history.toLocaleString('en')} | ${r.run} | ${r.sourceRequests} | ${r.sourceItems.toLocaleString('en')} | ${r.cellsWritten.toLocaleString('en')} | ${r.inserted} | ${r.sheetsCalls} | ${r.seconds.toFixed(1)} s |`,
				);
			}
		}
	})();
}
