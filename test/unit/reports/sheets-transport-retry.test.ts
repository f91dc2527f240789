import type { IHttpRequestOptions } from 'n8n-workflow';
import { serveEmulator, type RunningEmulator } from '../../../sandbox/core/server';
import { SheetsEmulator } from '../../../sandbox/sheets/emulator';
import { openSheets, type ServiceAccount } from '../../../nodes/ReportSheets/transport';
import { readTab, writeRegister } from '../../../nodes/ReportSheets/writer';
import { makeAppeal, type Appeal } from '../../../lib/appeal';
import { fetchContext } from '../../helpers/httpContext';
import { testPrivateKey } from '../../helpers/serviceAccount';
import { reportSheetsNode } from '../../helpers/testNodes';

/**
 * A keep-alive connection the server (or a proxy) closed while it sat idle fails the next request on it before the
 * request is read: a reset, "socket hang up", or undici's "fetch failed". Reads and idempotent writes are sent again.
 */
const node = reportSheetsNode;
const fastRetry = { retries: 3, baseDelayMs: 1, maxDelayMs: 5 };
const TITLE = 'Реестр обращений';
const ID = 'mcu-demo-spreadsheet';
const appeals = (n: number, status: Appeal['status'] = 'new'): Appeal[] =>
	Array.from({ length: n }, (_, k) =>
		makeAppeal(
			{
				source: 'pos',
				externalId: String(k),
				kind: 'message',
				receivedAt: '2026-10-01T09:00:00+03:00',
				text: `Обращение ${k}: яма`,
				raw: {},
			},
			{ status, topic: 'roads' },
		),
	);

describe('Sheets transport: a reset reused connection is retried for idempotent calls', () => {
	let server: RunningEmulator;
	let emulator: SheetsEmulator;
	let account: ServiceAccount;
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
	beforeEach(() => {
		emulator.reset();
		server.faults.clear();
	});

	it('the server resets the first connection of a read and of a batch write: both go through on the next one', async () => {
		await writeRegister(
			await openSheets(account, fetchContext().helpers.httpRequest, node, fastRetry),
			ID,
			TITLE,
			appeals(3),
			true,
		);
		server.faults.configure({
			rules: [
				{ emulator: 'sheets', route: 'values.batchGet', kind: 'connection_reset', times: 1 },
				{ emulator: 'sheets', route: 'values.batchUpdate', kind: 'connection_reset', times: 1 },
			],
		});
		const s = await openSheets(account, fetchContext().helpers.httpRequest, node, fastRetry);
		const result = await writeRegister(s, ID, TITLE, appeals(3, 'answered'), true);
		expect(result).toMatchObject({ updated: 3, inserted: 0 });
		expect(server.faults.log.map((f) => f.route)).toEqual([
			'values.batchGet',
			'values.batchUpdate',
		]);
		expect([s.calls['values.batchGet'], s.calls['values.batchUpdate']]).toEqual([2, 2]);
		expect(
			emulator
				.values(ID, TITLE)
				.slice(1)
				.map((r) => r[REGISTER_STATUS(emulator)]),
		).toEqual(['Дан ответ', 'Дан ответ', 'Дан ответ']);
	});

	// The shapes n8n's helper and the global fetch give such a failure, seen through googleapis (gaxios wraps them).
	it.each([
		['ECONNRESET', () => Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
		['socket hang up', () => new Error('socket hang up')],
		[
			'fetch failed',
			() =>
				new TypeError('fetch failed', {
					cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }),
				}),
		],
	])('a GET failing once with %s is sent again', async (_name, failure) => {
		const real = fetchContext().helpers.httpRequest;
		let failed = 0;
		const httpRequest = async (options: IHttpRequestOptions) => {
			if (options.method === 'GET' && !failed++) throw failure();
			return real(options);
		};
		await writeRegister(
			await openSheets(account, real, node, fastRetry),
			ID,
			TITLE,
			appeals(2),
			true,
		);
		const s = await openSheets(account, httpRequest, node, fastRetry);
		const tab = await readTab(s, ID, TITLE);
		expect(tab?.slice(1).map((r) => r[0])).toEqual(['pos:0', 'pos:1']);
		expect([failed, s.calls['values.batchGet']]).toEqual([2, 2]);
	});
});

const REGISTER_STATUS = (emulator: SheetsEmulator) =>
	emulator.values(ID, TITLE)[0].indexOf('Статус');
