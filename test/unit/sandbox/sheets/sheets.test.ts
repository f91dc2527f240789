import { serveEmulator, type RunningEmulator } from '../../../../sandbox/core/server';
import { SheetsEmulator } from '../../../../sandbox/sheets/emulator';
import { openSheets, type ServiceAccount } from '../../../../nodes/ReportSheets/transport';
import { writeRegister } from '../../../../nodes/ReportSheets/writer';
import { REGISTER_HEADERS } from '../../../../lib/reports';
import { makeAppeal, type Appeal } from '../../../../lib/appeal';
import { testPrivateKey } from '../../../helpers/serviceAccount';
import { fetchContext } from '../../../helpers/httpContext';
import { reportSheetsNode } from '../../../helpers/testNodes';

const postForm = fetchContext().helpers.httpRequest;

const node = reportSheetsNode;
const fastRetry = { retries: 5, baseDelayMs: 5, maxDelayMs: 50 };

function appeals(n: number, status: Appeal['status'] = 'new'): Appeal[] {
	return Array.from({ length: n }, (_, i) =>
		makeAppeal(
			{
				source: 'pos',
				externalId: String(100000 + i),
				kind: 'message',
				receivedAt: '2026-10-01T09:00:00+03:00',
				text: `=HYPERLINK("x") Обращение ${i}: яма`,
				raw: {},
			},
			{
				status,
				author: { name: 'Петрова Анна Сергеевна', contact: '+79110000001' },
				deadline: '2026-10-31T23:59:59+03:00',
			},
		),
	);
}

describe('Sheets emulator with googleapis and the report writer', () => {
	let server: RunningEmulator;
	let emulator: SheetsEmulator;
	let account: ServiceAccount;
	const spreadsheetId = 'mcu-demo-spreadsheet';
	beforeAll(async () => {
		emulator = new SheetsEmulator();
		server = await serveEmulator(emulator);
		account = {
			email: 'mcu@sandbox.iam.gserviceaccount.com',
			privateKey: testPrivateKey(),
			tokenUri: `${server.url}/token`,
			sheetsUrl: `${server.url}/`,
		};
	});
	afterAll(() => server.close());
	beforeEach(async () => {
		await fetch(`${server.url}/__sandbox/reset`, { method: 'POST' });
	});

	it('serves the real googleapis client: update, append, batchGet, clear, batchUpdate', async () => {
		const { api } = await openSheets(account, postForm, node, fastRetry);
		await api.spreadsheets.batchUpdate({
			spreadsheetId,
			requestBody: {
				requests: [{ addSheet: { properties: { title: 'Реестр обращений', sheetId: 42 } } }],
			},
		});
		await api.spreadsheets.values.update({
			spreadsheetId,
			range: "'Реестр обращений'!A1",
			valueInputOption: 'USER_ENTERED',
			requestBody: {
				values: [
					['ID', 'Дата'],
					['a', '2026-10-01 12:00:00'],
				],
			},
		});
		const appended = await api.spreadsheets.values.append({
			spreadsheetId,
			range: "'Реестр обращений'!A1",
			valueInputOption: 'RAW',
			requestBody: { values: [['b', '=1+1']] },
		});
		expect(appended.data.updates?.updatedRange).toBe("'Реестр обращений'!A3:B3");
		const got = await api.spreadsheets.values.batchGet({
			spreadsheetId,
			ranges: ["'Реестр обращений'!A1:B", 'Лист1!A1'],
			valueRenderOption: 'UNFORMATTED_VALUE',
		});
		expect(got.data.valueRanges?.[0].values).toEqual([
			['ID', 'Дата'],
			['a', Date.UTC(2026, 9, 1, 12) / 86400000 + 25569],
			['b', '=1+1'],
		]);
		await api.spreadsheets.values.clear({ spreadsheetId, range: "'Реестр обращений'!B2:B3" });
		expect(emulator.values(spreadsheetId, 'Реестр обращений')).toEqual([
			['ID', 'Дата'],
			['a'],
			['b'],
		]);
		const meta = await api.spreadsheets.get({ spreadsheetId });
		expect(meta.data.sheets?.map((s) => s.properties?.title)).toEqual([
			'Лист1',
			'Реестр обращений',
		]);
	});

	it('answers like Google to mistakes: missing valueInputOption, bad range, unknown request, no token', async () => {
		const { api } = await openSheets(account, postForm, node, fastRetry);
		await expect(
			api.spreadsheets.values.update({
				spreadsheetId,
				range: 'Лист1!A1',
				requestBody: { values: [['x']] },
			}),
		).rejects.toMatchObject({ status: 400 });
		await expect(
			api.spreadsheets.values.get({ spreadsheetId, range: "'Нет такого'!A1" }),
		).rejects.toMatchObject({ status: 400 });
		await expect(
			api.spreadsheets.batchUpdate({
				spreadsheetId,
				requestBody: {
					requests: [{ addSheet: { properties: { title: 'X' } } }, { frobnicate: {} } as never],
				},
			}),
		).rejects.toMatchObject({ status: 400 });
		// All or nothing: the first request of the failed batch did not happen.
		expect(emulator.get(spreadsheetId)!.sheets.map((s) => s.properties.title)).toEqual(['Лист1']);
		const res = await fetch(`${server.url}/v4/spreadsheets/${spreadsheetId}`);
		expect(res.status).toBe(401);
		expect(((await res.json()) as { error: { status: string } }).error.status).toBe(
			'UNAUTHENTICATED',
		);
	});

	it('writes a 5,000-row register in 5 calls, then upserts changes and 2 new rows in 4 — no duplicates, hand columns kept', async () => {
		const session = await openSheets(account, postForm, node, fastRetry);
		const first = await writeRegister(
			session,
			spreadsheetId,
			'Реестр обращений',
			appeals(5000),
			true,
		);
		expect(first).toMatchObject({ rows: 5000, inserted: 5000 });
		expect(session.calls).toEqual({
			'values.batchGet': 1,
			'spreadsheets.batchUpdate': 1,
			'values.batchUpdate': 1,
			'values.get': 1,
			'values.append': 1,
		});
		const grid = emulator.values(spreadsheetId, 'Реестр обращений');
		expect(grid[0]).toEqual(REGISTER_HEADERS);
		// Masked by default; a citizen's «=…» text stays text.
		expect(grid[1]).toEqual(
			expect.arrayContaining(['pos:100000', 'П. А. С.', '=HYPERLINK("x") Обращение 0: яма']),
		);
		expect(JSON.stringify(grid)).not.toContain('Петрова');

		// A coordinator adds a column and a note by hand.
		const ss = emulator
			.get(spreadsheetId)!
			.sheets.find((s) => s.properties.title === 'Реестр обращений')!;
		ss.cells[0].push({ v: 'Комментарий куратора' });
		ss.cells[7].push(
			null,
			null,
			null,
			null,
			null,
			null,
			null,
			null,
			null,
			null,
			null,
			null,
			null,
			null,
			null,
			null,
			null,
			null,
			null,
			null,
			null,
			null,
			null,
			null,
			null,
			null,
			null,
		);
		ss.cells[7][REGISTER_HEADERS.length] = { v: 'позвонить заявителю' };

		const again = await openSheets(account, postForm, node, fastRetry);
		const changed = appeals(5000).map((a, i) =>
			i % 10 === 0 ? { ...a, status: 'answered' as const } : a,
		);
		const second = await writeRegister(
			again,
			spreadsheetId,
			'Реестр обращений',
			[...changed, ...appeals(5002).slice(5000)],
			true,
		);
		expect(second).toMatchObject({ rows: 5002, inserted: 2, updated: 500, unchanged: 4500 });
		expect(again.calls).toEqual({
			'values.batchGet': 1,
			'values.batchUpdate': 1,
			'values.get': 1,
			'values.append': 1,
		});
		const after = emulator.values(spreadsheetId, 'Реестр обращений');
		expect(after).toHaveLength(5003);
		expect(new Set(after.slice(1).map((r) => r[0])).size).toBe(5002);
		expect(after[0][REGISTER_HEADERS.length]).toBe('Комментарий куратора');
		expect(after[7][REGISTER_HEADERS.length]).toBe('позвонить заявителю');
	});

	it('a faulty run (429s, then a 500 on the write) ends consistent: retried to completion, nothing doubled', async () => {
		await fetch(`${server.url}/__sandbox/faults`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({
				rules: [
					{ route: 'values.batchGet', kind: 'http_429', retryAfter: 0, times: 2 },
					{ route: 'values.batchUpdate', kind: 'http_500', times: 1 },
				],
			}),
		});
		const session = await openSheets(account, postForm, node, fastRetry);
		await writeRegister(session, spreadsheetId, 'Реестр обращений', appeals(300), true);
		expect(session.calls['values.batchGet']).toBe(3);
		expect(session.calls['values.batchUpdate']).toBe(2);
		const grid = emulator.values(spreadsheetId, 'Реестр обращений');
		expect(grid).toHaveLength(301);
	});

	it('a write that keeps failing leaves the sheet as it was', async () => {
		const session = await openSheets(account, postForm, node, fastRetry);
		await writeRegister(session, spreadsheetId, 'Реестр обращений', appeals(10), true);
		const before = emulator.values(spreadsheetId, 'Реестр обращений');
		await fetch(`${server.url}/__sandbox/faults`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ rules: [{ route: 'values.batchUpdate', kind: 'http_503' }] }),
		});
		const failing = await openSheets(account, postForm, node, {
			retries: 2,
			baseDelayMs: 1,
			maxDelayMs: 5,
		});
		await expect(
			writeRegister(failing, spreadsheetId, 'Реестр обращений', appeals(10, 'answered'), true),
		).rejects.toThrow(/Google Sheets/);
		expect(emulator.values(spreadsheetId, 'Реестр обращений')).toEqual(before);
	});

	it('exports the spreadsheet as XLSX and HTML for people to look at', async () => {
		const session = await openSheets(account, postForm, node, fastRetry);
		await writeRegister(session, spreadsheetId, 'Реестр обращений', appeals(3), true);
		const html = await (await fetch(`${server.url}/export/${spreadsheetId}.html`)).text();
		expect(html).toContain('<h2>Реестр обращений</h2>');
		expect(html).toContain('01.10.2026 09:00');
		const xlsx = Buffer.from(
			await (await fetch(`${server.url}/export/${spreadsheetId}.xlsx`)).arrayBuffer(),
		);
		expect(xlsx.subarray(0, 2).toString()).toBe('PK');
	});
});
