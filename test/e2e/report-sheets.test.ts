import { serveEmulator, type RunningEmulator } from '../../sandbox/core/server';
import { SheetsEmulator } from '../../sandbox/sheets/emulator';
import { REGISTER_COLUMNS, REGISTER_HEADERS } from '../../lib/reports';
import { N8nInstance } from '../helpers/n8n';
import { mcuRegisterWorkflow } from '../helpers/reportWorkflows';
import { testPrivateKey } from '../helpers/serviceAccount';

/** «МЦУ: Отчёт в Google Таблицы» in real n8n: 5,000 rows, a re-run with changes, a faulty run — consistent every time. */
describe('the register node in real n8n against the Sheets emulator', () => {
	let server: RunningEmulator;
	let emulator: SheetsEmulator;
	const n8n = new N8nInstance('report');
	const id = 'mcu-demo-spreadsheet';

	beforeAll(async () => {
		emulator = new SheetsEmulator();
		server = await serveEmulator(emulator);
		await n8n.importCredentials([
			{
				id: 'mcuSheets',
				name: 'Sheets',
				type: 'mcuGoogleServiceAccountApi',
				data: {
					email: 'mcu@sandbox.iam.gserviceaccount.com',
					privateKey: testPrivateKey(),
					grantUrl: `${server.url}/token`,
					sheetsUrl: `${server.url}/`,
				},
			},
		]);
		await n8n.importWorkflow(mcuRegisterWorkflow('RegisterV1', 5000, 1));
		await n8n.importWorkflow(mcuRegisterWorkflow('RegisterV2', 5002, 2));
	});
	afterAll(async () => {
		await server.close();
		n8n.cleanup();
	});

	it('writes 5,000 rows in 5 calls; a re-run with changes and 2 new rows writes only those in 4 calls and keeps a hand-made column', async () => {
		const first = await n8n.execute('RegisterV1');
		expect(first.error).toBeUndefined();
		expect(first.items('Register')[0]).toMatchObject({
			rows: 5000,
			inserted: 5000,
			apiCalls: {
				'values.batchGet': 1,
				'spreadsheets.batchUpdate': 1,
				'values.batchUpdate': 1,
				'values.get': 1,
				'values.append': 1,
			},
		});
		expect(emulator.values(id, 'Реестр обращений')).toHaveLength(5001);
		const sheet = emulator.get(id)!.sheets.find((s) => s.properties.title === 'Реестр обращений')!;
		sheet.cells[0][REGISTER_HEADERS.length] = { v: 'Комментарий куратора' };
		sheet.cells[3][REGISTER_HEADERS.length] = { v: 'перезвонить' };
		const second = await n8n.execute('RegisterV2');
		expect(second.items('Register')[0]).toMatchObject({
			rows: 5002,
			inserted: 2,
			updated: 500,
			unchanged: 4500,
			apiCalls: {
				'values.batchGet': 1,
				'values.batchUpdate': 1,
				'values.get': 1,
				'values.append': 1,
			},
		});
		// Only the changed cells (one status each) and the two new rows' cells are written, not the 5,000-row grid.
		expect(second.items('Register')[0].cellsWritten).toBe(500 + 2 * REGISTER_COLUMNS.length);
		const values = emulator.values(id, 'Реестр обращений');
		expect(values).toHaveLength(5003);
		expect(new Set(values.slice(1).map((r) => r[0])).size).toBe(5002);
		expect(values[3][REGISTER_HEADERS.length]).toBe('перезвонить');
		expect(JSON.stringify(values)).not.toContain('Петрова');
	});

	it('a faulty run (two 429s, a 500 mid-write) is retried to a consistent sheet, nothing doubled', async () => {
		await fetch(`${server.url}/__sandbox/faults`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({
				rules: [
					{ route: 'values.batchGet', kind: 'http_429', retryAfter: 1, times: 2 },
					{ route: 'values.batchUpdate', kind: 'http_500', times: 1 },
				],
			}),
		});
		const sheet = emulator.get(id)!.sheets.find((s) => s.properties.title === 'Реестр обращений')!;
		sheet.cells[5][REGISTER_COLUMNS.length - 9] = { v: 'испорчено вручную' };
		const run = await n8n.execute('RegisterV2');
		expect(run.error).toBeUndefined();
		expect(run.items('Register')[0]).toMatchObject({
			updated: 1,
			inserted: 0,
			apiCalls: { 'values.batchGet': 3, 'values.batchUpdate': 2 },
		});
		const values = emulator.values(id, 'Реестр обращений');
		expect(values).toHaveLength(5003);
		expect(new Set(values.slice(1).map((r) => r[0])).size).toBe(5002);
	});
});
