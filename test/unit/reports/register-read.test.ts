import type { IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';
import { ReportSheets } from '../../../nodes/ReportSheets/ReportSheets.node';
import { serveEmulator, type RunningEmulator } from '../../../sandbox/core/server';
import { SheetsEmulator } from '../../../sandbox/sheets/emulator';
import { openSheets, type ServiceAccount } from '../../../nodes/ReportSheets/transport';
import { readTab, writeRegister } from '../../../nodes/ReportSheets/writer';
import {
	CORRECTION_HEADERS,
	appealsFromRegister,
	fromSheetDateTime,
	sheetDateTime,
} from '../../../lib/reports';
import { makeAppeal, type Appeal } from '../../../lib/appeal';
import { fetchContext } from '../../helpers/httpContext';
import { testPrivateKey } from '../../helpers/serviceAccount';
import { reportSheetsNode } from '../../helpers/testNodes';

/** Version 1 (selector `report`), as the saved workflows use it. */
const reportSheetsV1 = new ReportSheets().getNodeType(1) as {
	execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]>;
};

/**
 * Issue 17: the register is the hand-off — reminders, overdue and reports read every appeal back from it, since the
 * intake now sees only what changed. Read back, an appeal carries what the register shows (codes, ISO dates, the
 * coordinator's corrections winning) and, written again, changes no cell the intake would not.
 */
const node = reportSheetsNode;
const TITLE = 'Реестр обращений';
const ID = 'mcu-demo-spreadsheet';

const sample: Appeal[] = [
	makeAppeal(
		{
			source: 'pos',
			externalId: '501',
			kind: 'message',
			receivedAt: '2026-10-01T09:15:00+03:00',
			text: 'Яма у дома 4, звоните +7 911 555-12-34',
			raw: {},
		},
		{
			registeredAt: '2026-10-01T09:20:00+03:00',
			topic: 'roads',
			totkCode: '0003.0011.0122.0849',
			appealType: 'complaint',
			department: 'Отдел дорожного хозяйства и транспорта',
			responsible: 'Смирнов П. А.',
			status: 'in_progress',
			deadline: '2026-10-30T18:00:00+03:00',
			deadlineStatus: 'on_time',
			settlement: 'dedovichi',
			settlementName: 'Дедовичи',
			author: { name: 'Сидорова Анна Петровна', contact: '+79115551234' },
		},
	),
	makeAppeal(
		{
			source: 'vk',
			externalId: '-2026_77',
			kind: 'comment',
			receivedAt: '2026-09-20T21:05:30+03:00',
			text: 'Когда дадут воду?',
			raw: {},
		},
		{
			topic: 'water',
			department: 'МУП «Дедовичский водоканал»',
			status: 'answered',
			answeredAt: '2026-09-22T10:00:00+03:00',
			answerText: 'Подача воды восстановлена.',
			deadline: '2026-09-21T18:00:00+03:00',
			deadlineStatus: 'answered_late',
			satisfaction: 'satisfied',
			flags: ['repeat', 'conflict_risk'],
		},
	),
	makeAppeal(
		{
			source: 'im',
			externalId: 'INC-9',
			kind: 'incident',
			receivedAt: '2026-10-02T08:00:00+03:00',
			text: 'Нет света на улице',
			raw: {},
		},
		{ status: 'new' },
	),
];

describe('reading the register back into appeals', () => {
	let server: RunningEmulator;
	let emulator: SheetsEmulator;
	let account: ServiceAccount;
	const session = () =>
		openSheets(account, fetchContext().helpers.httpRequest, node, {
			retries: 2,
			baseDelayMs: 5,
			maxDelayMs: 20,
		});

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

	it('codes, dates and corrections come back; written again, only what the correction changes is written and personal data is left as it is', async () => {
		await writeRegister(await session(), ID, TITLE, sample, true);
		const grid = () => emulator.values(ID, TITLE);
		const header = grid()[0];
		const row = grid().findIndex((r) => r[0] === 'vk:-2026_77');
		const cells = emulator.get(ID)!.sheets.find((s) => s.properties.title === TITLE)!.cells;
		const set = (column: string, v: string) => {
			const at = header.indexOf(column);
			while (cells[row].length <= at) cells[row].push(null);
			cells[row][at] = { v };
		};
		set(CORRECTION_HEADERS.topic, 'Управление домами и капремонт');
		set(CORRECTION_HEADERS.department, 'Отдел ЖКХ и строительства');

		const read = await session();
		const { appeals, warnings } = appealsFromRegister((await readTab(read, ID, TITLE))!);
		expect(read.calls).toEqual({ 'values.batchGet': 1 });
		expect(warnings).toEqual([]);
		const fields = [
			'id',
			'source',
			'externalId',
			'kind',
			'receivedAt',
			'registeredAt',
			'settlement',
			'appealType',
			'responsible',
			'status',
			'deadline',
			'deadlineStatus',
			'answeredAt',
			'satisfaction',
			'flags',
		] as const;
		const pick = (a: Appeal) => Object.fromEntries(fields.map((f) => [f, a[f] ?? null]));
		expect(appeals.map(pick)).toEqual(sample.map(pick));
		expect(appeals.map((a) => [a.id, a.topic, a.department])).toEqual([
			['pos:501', 'roads', 'Отдел дорожного хозяйства и транспорта'],
			['vk:-2026_77', 'utilities', 'Отдел ЖКХ и строительства'],
			['im:INC-9', null, null],
		]);
		// A corrected topic brings its ТОТК code, as in the intake.
		expect(appeals.map((a) => a.totkCode)).toEqual([
			'0003.0011.0122.0849',
			'0005.0005.0055.1130',
			null,
		]);
		expect((appeals[1].corrections as { computed?: unknown } | undefined)?.computed).toMatchObject({
			topic: 'water',
			department: 'МУП «Дедовичский водоканал»',
		});
		// The shared register is masked: what comes back is the masked text, never the phone.
		expect(JSON.stringify(appeals)).not.toContain('555-12-34');

		// Written again: only the corrected row's ТОТК cell changes; the masked personal cells are left as they are.
		const before = grid().map((r) => [...r]);
		before[row][header.indexOf('Код ТОТК')] = '0005.0005.0055.1130';
		const again = await writeRegister(await session(), ID, TITLE, appeals, true);
		expect(again).toMatchObject({ inserted: 0, cellsWritten: 1 });
		expect(grid()).toEqual(before);
	});

	it("the node's «Прочитать реестр» gives one item per register row, and none before the register exists", async () => {
		const run = async (sheetName: string) => {
			const http = fetchContext('Реестр: все обращения');
			const parameters: Record<string, unknown> = {
				spreadsheetId: ID,
				report: 'readRegister',
				sheetName,
			};
			const ctx = {
				...http,
				getInputData: () => [{ json: {} }, { json: {} }],
				getNodeParameter: (name: string, _i: number, fallback?: unknown) =>
					name in parameters ? parameters[name] : fallback,
				getCredentials: async () => ({
					email: account.email,
					privateKey: account.privateKey,
					grantUrl: account.tokenUri,
					sheetsUrl: account.sheetsUrl,
				}),
			} as unknown as IExecuteFunctions;
			const [out] = await reportSheetsV1.execute.call(ctx);
			return out.map((o) => o.json.id);
		};
		// The default tab is the register's; two input items still give each appeal once.
		expect((await run('')).sort()).toEqual(sample.map((a) => a.id).sort());
		expect(await run('Реестр (новый район)')).toEqual([]);
	});

	it('register dates are local time: read with the district offset they are the same instant', () => {
		expect(fromSheetDateTime(sheetDateTime('2026-05-08T16:05:00+03:00'))).toBe(
			'2026-05-08T16:05:00+03:00',
		);
		expect(fromSheetDateTime(sheetDateTime('2026-05-08T16:05:00+05:00'), '+05:00')).toBe(
			'2026-05-08T16:05:00+05:00',
		);
		expect(fromSheetDateTime('')).toBeNull();
		expect(appealsFromRegister([])).toEqual({ appeals: [], warnings: [] });
	});
});
