/**
 * Side by side in one run: the 5,000-row register upsert by «МЦУ: Отчёт в Google Таблицы» and by n8n's own Google Sheets
 * node (appendOrUpdate on «ID»), both in real n8n against the Sheets emulator: API calls and time. Needs the e2e
 * install (run `npm test` once, or `npx jest --selectProjects e2e` global setup). Run: npx tsx bench/sheets.ts [rows]
 */
import path from 'node:path';
import { serveEmulator } from '../sandbox/core/server';
import { SheetsEmulator } from '../sandbox/sheets/emulator';
import installPackage from '../test/helpers/e2e-global-setup';
import { N8nInstance } from '../test/helpers/n8n';
import { mcuRegisterWorkflow, n8nSheetsWorkflow } from '../test/helpers/reportWorkflows';
import { testPrivateKey } from '../test/helpers/serviceAccount';

export interface SheetsComparison {
	rows: number;
	ours: { calls: Record<string, number>; seconds: number };
	n8n: { calls: Record<string, number>; seconds: number; error?: string };
}

export async function compareSheets(rows = 5000): Promise<SheetsComparison> {
	await installPackage();
	const emulator = new SheetsEmulator();
	const server = await serveEmulator(emulator);
	const n8n = new N8nInstance('bench-sheets', {
		NODE_OPTIONS: `--require ${path.join(__dirname, '../test/helpers/googleapis-hook.js')}`,
		MCU_GOOGLEAPIS_EMULATOR: server.url,
	});
	const key = testPrivateKey();
	try {
		await n8n.importCredentials([
			{
				id: 'mcuSheets',
				name: 'Sheets',
				type: 'mcuGoogleServiceAccountApi',
				data: {
					email: 'mcu@sandbox.iam.gserviceaccount.com',
					privateKey: key,
					grantUrl: `${server.url}/token`,
					sheetsUrl: `${server.url}/`,
				},
			},
			{
				id: 'googleSa',
				name: 'Google SA',
				type: 'googleApi',
				data: {
					email: 'n8n@sandbox.iam.gserviceaccount.com',
					privateKey: key,
					inpersonate: false,
					httpNode: false,
				},
			},
		]);
		await n8n.importWorkflow(mcuRegisterWorkflow('BenchOurs', rows, 1));
		await n8n.importWorkflow(n8nSheetsWorkflow('BenchN8n', rows, 1));
		await fetch(`${server.url}/__sandbox/reset`, { method: 'POST' });
		// n8n's node needs the tab and a header row to match on.
		const ss = emulator.get('mcu-demo-spreadsheet')!;
		ss.sheets.push({
			...structuredClone(ss.sheets[0]),
			properties: { ...ss.sheets[0].properties, sheetId: 7, title: 'n8n', index: 1 },
			cells: [
				[{ v: 'ID' }, { v: 'Источник' }, { v: 'Статус' }, { v: 'Текст' }, { v: 'Срок ответа' }],
			],
		});

		let t = Date.now();
		await n8n.execute('BenchOurs');
		const oursSeconds = (Date.now() - t) / 1000;
		const oursCalls = server.calls.toJSON();
		server.calls.reset();
		t = Date.now();
		const n8nRun = await n8n.execute('BenchN8n');
		const n8nSeconds = (Date.now() - t) / 1000;
		return {
			rows,
			ours: { calls: oursCalls, seconds: oursSeconds },
			n8n: { calls: server.calls.toJSON(), seconds: n8nSeconds, error: n8nRun.error?.message },
		};
	} finally {
		await server.close();
		n8n.cleanup();
	}
}

if (require.main === module) {
	void compareSheets(Number(process.argv[2] ?? 5000)).then((r) =>
		console.log(JSON.stringify(r, null, 2)),
	);
}
