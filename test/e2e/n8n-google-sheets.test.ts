import path from 'node:path';
import { serveEmulator, type RunningEmulator } from '../../sandbox/core/server';
import { SheetsEmulator } from '../../sandbox/sheets/emulator';
import { N8nInstance } from '../helpers/n8n';
import { testPrivateKey } from '../helpers/serviceAccount';

/** Fidelity: n8n's own Google Sheets node (service account) works against the Sheets emulator, unchanged. */
describe("n8n's own Google Sheets node against the Sheets emulator", () => {
	let server: RunningEmulator;
	let emulator: SheetsEmulator;
	let n8n: N8nInstance;

	beforeAll(async () => {
		emulator = new SheetsEmulator();
		server = await serveEmulator(emulator);
		n8n = new N8nInstance('gsheets', {
			NODE_OPTIONS: `--require ${path.join(__dirname, '../helpers/googleapis-hook.js')}`,
			MCU_GOOGLEAPIS_EMULATOR: server.url,
		});
		await n8n.importCredentials([
			{
				id: 'googleSa',
				name: 'Google SA',
				type: 'googleApi',
				data: {
					email: 'n8n@sandbox.iam.gserviceaccount.com',
					privateKey: testPrivateKey(),
					inpersonate: false,
					httpNode: false,
				},
			},
		]);
	});
	afterAll(async () => {
		await server.close();
		n8n.cleanup();
	});

	it('appends and updates rows matched by a column, then reads them back', async () => {
		const rows = Array.from({ length: 20 }, (_, i) => ({
			ID: `pos:${i}`,
			Статус: i % 2 ? 'Новое' : 'В работе',
		}));
		const sheetsNode = (
			name: string,
			position: [number, number],
			parameters: Record<string, unknown>,
		) => ({
			id: name,
			name,
			type: 'n8n-nodes-base.googleSheets',
			typeVersion: 4.7,
			position,
			parameters: {
				authentication: 'serviceAccount',
				documentId: { __rl: true, mode: 'id', value: 'mcu-demo-spreadsheet' },
				sheetName: { __rl: true, mode: 'name', value: 'Лист1' },
				...parameters,
			},
			credentials: { googleApi: { id: 'googleSa', name: 'Google SA' } },
		});
		const workflow = {
			id: 'GsheetsFidelity',
			name: 'gsheets fidelity',
			nodes: [
				{
					id: 'start',
					name: 'Start',
					type: 'n8n-nodes-base.manualTrigger',
					typeVersion: 1,
					position: [0, 0],
					parameters: {},
				},
				{
					id: 'rows',
					name: 'Rows',
					type: 'n8n-nodes-base.code',
					typeVersion: 2,
					position: [200, 0],
					parameters: { jsCode: `return ${JSON.stringify(rows)}.map((json) => ({ json }));` },
				},
				sheetsNode('Upsert', [400, 0], {
					operation: 'appendOrUpdate',
					columns: {
						mappingMode: 'autoMapInputData',
						value: {},
						matchingColumns: ['ID'],
						schema: [],
					},
					options: {},
				}),
				sheetsNode('Read', [600, 0], { operation: 'read', options: {} }),
			],
			connections: {
				Start: { main: [[{ node: 'Rows', type: 'main', index: 0 }]] },
				Rows: { main: [[{ node: 'Upsert', type: 'main', index: 0 }]] },
				Upsert: { main: [[{ node: 'Read', type: 'main', index: 0 }]] },
			},
			settings: { executionOrder: 'v1' },
		};
		// The header row the node matches on.
		emulator.get('mcu-demo-spreadsheet')!.sheets[0].cells = [[{ v: 'ID' }, { v: 'Статус' }]];
		const run = await n8n.execute(await n8n.importWorkflow(workflow));
		expect(run.error).toBeUndefined();
		expect(emulator.values('mcu-demo-spreadsheet', 'Лист1')).toHaveLength(21);
		expect(server.calls.get('token')).toBeGreaterThan(0);
		const read = run.items('Read');
		expect(read.length).toBeGreaterThanOrEqual(20);
		expect(read[0]).toMatchObject({ ID: 'pos:0', Статус: 'В работе' });
		// Run again: rows are matched on ID and updated in place, none added.
		emulator.get('mcu-demo-spreadsheet')!.sheets[0].cells[1][1] = { v: 'Изменено вручную' };
		const again = await n8n.execute('GsheetsFidelity');
		expect(again.error).toBeUndefined();
		const values = emulator.values('mcu-demo-spreadsheet', 'Лист1');
		expect(values).toHaveLength(21);
		expect(values[1]).toEqual(['pos:0', 'В работе']);
	});
});
