import { serveEmulator, type RunningEmulator } from '../../../sandbox/core/server';
import { SheetsEmulator } from '../../../sandbox/sheets/emulator';
import {
	openSheets,
	type ServiceAccount,
	type SheetsSession,
} from '../../../nodes/ReportSheets/transport';
import { writeRegister } from '../../../nodes/ReportSheets/writer';
import {
	CORRECTION_HEADERS,
	REGISTER_COLUMNS,
	REGISTER_HEADERS,
	readCorrections,
} from '../../../lib/reports';
import { makeAppeal, type Appeal } from '../../../lib/appeal';
import { snapshotOf } from '../../../lib/satisfaction/followUp';
import { fetchContext } from '../../helpers/httpContext';
import { testPrivateKey } from '../../helpers/serviceAccount';
import { reportSheetsNode } from '../../helpers/testNodes';

const httpRequest = fetchContext().helpers.httpRequest;

/**
 * The register writes only its own cells: changed cells of existing rows, new rows appended. People's columns, their
 * edits made while a run is under way, their formulas, and an overlapping run's rows all survive.
 */
const node = reportSheetsNode;
const fastRetry = { retries: 5, baseDelayMs: 5, maxDelayMs: 50 };
const TITLE = 'Реестр обращений';
const ID = 'mcu-demo-spreadsheet';

function appeals(from: number, to: number, status: Appeal['status'] = 'new'): Appeal[] {
	return Array.from({ length: to - from }, (_, k) =>
		makeAppeal(
			{
				source: 'pos',
				externalId: String(from + k),
				kind: 'message',
				receivedAt: '2026-10-01T09:00:00+03:00',
				text: `Обращение ${from + k}: яма`,
				raw: {},
			},
			{ status, topic: 'roads', deadline: '2026-10-31T23:59:59+03:00' },
		),
	);
}

/** A session that runs `hook` once, right after the first call with `label` returned (a person or a run acting meanwhile). */
function withHook(
	session: SheetsSession,
	label: string,
	hook: () => Promise<void> | void,
): SheetsSession {
	let fired = false;
	return {
		api: session.api,
		calls: session.calls,
		call: async (l, fn, expected) => {
			const result = await session.call(l, fn, expected);
			if (l === label && !fired) {
				fired = true;
				await hook();
			}
			return result;
		},
	};
}

describe('register writer: own cells only, staff columns and overlapping runs kept', () => {
	let server: RunningEmulator;
	let emulator: SheetsEmulator;
	let account: ServiceAccount;
	const session = () => openSheets(account, httpRequest, node, fastRetry);
	const sheet = () => emulator.get(ID)!.sheets.find((s) => s.properties.title === TITLE)!;
	const values = () => emulator.values(ID, TITLE);
	const col = (header: string) => values()[0].indexOf(header);
	const rowOfId = (id: string) => values().findIndex((r) => r[col('ID')] === id);
	const setCell = (row: number, column: number, cell: { v: string | number; f?: string }) => {
		const cells = sheet().cells;
		while (cells[row].length <= column) cells[row].push(null);
		cells[row][column] = cell;
	};

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

	it('a new register: correction columns next to the computed ones, with drop-downs; their cells left empty', async () => {
		const s = await session();
		const result = await writeRegister(s, ID, TITLE, appeals(0, 20), true);
		expect(result).toMatchObject({ rows: 20, inserted: 20, updated: 0 });
		expect(s.calls).toEqual({
			'values.batchGet': 1,
			'spreadsheets.batchUpdate': 1,
			'values.batchUpdate': 1,
			'values.get': 1,
			'values.append': 1,
		});
		const header = values()[0];
		expect(header).toEqual(REGISTER_HEADERS);
		expect(header.slice(header.indexOf('Тема'), header.indexOf('Тема') + 2)).toEqual([
			'Тема',
			CORRECTION_HEADERS.topic,
		]);
		expect(
			header.slice(header.indexOf('Подразделение'), header.indexOf('Подразделение') + 2),
		).toEqual(['Подразделение', CORRECTION_HEADERS.department]);
		expect(header.slice(header.indexOf('Поселение'), header.indexOf('Поселение') + 2)).toEqual([
			'Поселение',
			CORRECTION_HEADERS.settlement,
		]);
		expect(
			header.slice(header.indexOf('Вид обращения'), header.indexOf('Вид обращения') + 2),
		).toEqual(['Вид обращения', CORRECTION_HEADERS.appealType]);
		const validated = (
			sheet().dataValidations as Array<{
				range: { startColumnIndex: number };
				rule: { condition: { values: Array<{ userEnteredValue: string }> } };
			}>
		).map((v) => [header[v.range.startColumnIndex], v.rule.condition.values.length]);
		expect(validated).toEqual(
			expect.arrayContaining([
				[CORRECTION_HEADERS.topic, 18],
				[CORRECTION_HEADERS.appealType, 5],
				[CORRECTION_HEADERS.settlement, 4],
			]),
		);
		for (const h of Object.values(CORRECTION_HEADERS))
			expect(
				values()
					.slice(1)
					.every((r) => (r[col(h)] ?? '') === ''),
			).toBe(true);
		// Cells written: the header and each new row's own cells, nothing in the correction columns.
		expect(result.cellsWritten).toBe(REGISTER_HEADERS.length + 20 * REGISTER_COLUMNS.length);
	});

	it('the departments given make the drop-down of «Подразделение (исправлено)»', async () => {
		await writeRegister(await session(), ID, TITLE, appeals(0, 2), true, {
			departments: ['Отдел ЖКХ', ' Отдел благоустройства ', 'Отдел ЖКХ'],
		});
		const header = values()[0];
		const rule = (
			sheet().dataValidations as Array<{
				range: { startColumnIndex: number };
				rule: { condition: { values: Array<{ userEnteredValue: string }> } };
			}>
		).find((v) => header[v.range.startColumnIndex] === CORRECTION_HEADERS.department);
		expect(rule?.rule.condition.values.map((v) => v.userEnteredValue)).toEqual([
			'Отдел ЖКХ',
			'Отдел благоустройства',
		]);
	});

	it('a re-run writes only changed cells; corrections, formulas and hand columns stay; corrections read back', async () => {
		await writeRegister(await session(), ID, TITLE, appeals(0, 20), true);
		const r5 = rowOfId('pos:5');
		setCell(r5, col(CORRECTION_HEADERS.topic), { v: 'Уличное освещение' });
		setCell(r5, col(CORRECTION_HEADERS.department), { v: 'Отдел ЖКХ' });
		setCell(0, REGISTER_HEADERS.length, { v: 'Дней в работе' });
		setCell(r5, REGISTER_HEADERS.length, { v: 3, f: '=TODAY()-D6' });
		const s = await session();
		const changed = appeals(0, 20).map((a, i) =>
			i === 5 || i === 7 ? { ...a, status: 'answered' as const } : a,
		);
		const result = await writeRegister(s, ID, TITLE, changed, true);
		expect(result).toMatchObject({ inserted: 0, updated: 2, unchanged: 18, cellsWritten: 2 });
		expect(s.calls).toEqual({ 'values.batchGet': 1, 'values.get': 1, 'values.batchUpdate': 1 });
		const row = values()[r5];
		expect([
			row[col('Статус')],
			row[col(CORRECTION_HEADERS.topic)],
			row[col(CORRECTION_HEADERS.department)],
			row[col('Дней в работе')],
		]).toEqual(['Дан ответ', 'Уличное освещение', 'Отдел ЖКХ', 3]);
		expect(sheet().cells[r5][REGISTER_HEADERS.length]).toEqual({ v: 3, f: '=TODAY()-D6' });
		expect([...readCorrections(values()).corrections]).toEqual([
			['pos:5', { topic: 'lighting', department: 'Отдел ЖКХ' }],
		]);
		// Nothing to change: not a single write.
		const idle = await session();
		expect(await writeRegister(idle, ID, TITLE, changed, true)).toMatchObject({
			cellsWritten: 0,
			updated: 0,
		});
		expect(idle.calls).toEqual({ 'values.batchGet': 1 });
	});

	it('edits people make while a run is under way survive it (the old writer put back the grid it had read)', async () => {
		await writeRegister(await session(), ID, TITLE, appeals(0, 10), true);
		const r2 = rowOfId('pos:2');
		const r3 = rowOfId('pos:3');
		const s = withHook(await session(), 'values.batchGet', () => {
			setCell(r2, col(CORRECTION_HEADERS.topic), { v: 'Отопление' });
			setCell(r3, col(CORRECTION_HEADERS.settlement), { v: 'Вязье' });
			setCell(0, REGISTER_HEADERS.length, { v: 'Комментарий' });
			setCell(r3, REGISTER_HEADERS.length, { v: 'перезвонить', f: '=CONCAT("пере";"звонить")' });
		});
		const changed = appeals(0, 12).map((a, i) =>
			i === 2 ? { ...a, status: 'in_progress' as const } : a,
		);
		expect(await writeRegister(s, ID, TITLE, changed, true)).toMatchObject({
			inserted: 2,
			updated: 1,
		});
		const v = values();
		expect([
			v[r2][col('Статус')],
			v[r2][col(CORRECTION_HEADERS.topic)],
			v[r3][col(CORRECTION_HEADERS.settlement)],
			v[0][REGISTER_HEADERS.length],
		]).toEqual(['В работе', 'Отопление', 'Вязье', 'Комментарий']);
		expect(sheet().cells[r3][REGISTER_HEADERS.length]).toEqual({
			v: 'перезвонить',
			f: '=CONCAT("пере";"звонить")',
		});
		expect(v.slice(1).map((r) => r[0])).toEqual(appeals(0, 12).map((a) => a.id));
	});

	it('a person sorting or deleting rows while a run is under way: each update still lands on its own appeal', async () => {
		await writeRegister(await session(), ID, TITLE, appeals(0, 10), true);
		const s = withHook(await session(), 'values.batchGet', () => {
			// Sorted by ID descending with the filter, and the row of pos:4 deleted.
			const cells = sheet().cells;
			const body = cells
				.slice(1)
				.reverse()
				.filter((r) => r[0]?.v !== 'pos:4');
			cells.splice(1, cells.length - 1, ...body);
		});
		const changed = appeals(0, 10).map((a, i) =>
			i % 2 === 0 ? { ...a, status: 'answered' as const } : a,
		);
		await writeRegister(s, ID, TITLE, changed, true);
		const v = values();
		expect(v.slice(1).map((r) => [r[col('ID')], r[col('Статус')]])).toEqual(
			changed
				.filter((a) => a.id !== 'pos:4')
				.reverse()
				.map((a) => [a.id, a.status === 'answered' ? 'Дан ответ' : 'Новое']),
		);
	});

	it('two overlapping runs both land their new rows, and an appeal both add is there once', async () => {
		await writeRegister(await session(), ID, TITLE, appeals(0, 10), true);
		// Run A reads; before it writes, run B (another worker's intake) reads and writes completely.
		const b = await session();
		let bResult: Awaited<ReturnType<typeof writeRegister>> | undefined;
		const a = withHook(await session(), 'values.batchGet', async () => {
			bResult = await writeRegister(b, ID, TITLE, [...appeals(0, 10), ...appeals(20, 25)], true);
		});
		const aResult = await writeRegister(
			a,
			ID,
			TITLE,
			[
				...appeals(0, 10).map((x, i) => (i === 0 ? { ...x, status: 'answered' as const } : x)),
				...appeals(10, 13),
				...appeals(24, 26),
			],
			true,
		);
		expect(bResult).toMatchObject({ inserted: 5 });
		expect(aResult).toMatchObject({ inserted: 4, alreadyInSheet: 1, updated: 1 });
		const ids = values()
			.slice(1)
			.map((r) => r[0]);
		expect([...ids].sort()).toEqual(
			[...appeals(0, 13), ...appeals(20, 26)].map((x) => x.id).sort(),
		);
		expect(values()[rowOfId('pos:0')][col('Статус')]).toBe('Дан ответ');
	});

	it('an append whose answer was lost is retried without doubling its rows', async () => {
		await writeRegister(await session(), ID, TITLE, appeals(0, 5), true);
		await emulatorFaults([
			{ route: 'values.append', kind: 'http_500', afterApply: true, times: 1 },
		]);
		const s = await session();
		expect(await writeRegister(s, ID, TITLE, appeals(0, 8), true)).toMatchObject({
			inserted: 0,
			alreadyInSheet: 3,
		});
		expect(s.calls['values.append']).toBe(2);
		expect(
			values()
				.slice(1)
				.map((r) => r[0]),
		).toEqual(appeals(0, 8).map((a) => a.id));
	});

	it('a register made before the correction columns gets them at the end, laid out, its own columns untouched', async () => {
		const old = [REGISTER_COLUMNS.map((c) => c.header).filter((h) => h !== 'Вид обращения')];
		const s0 = await session();
		await s0.api.spreadsheets.batchUpdate({
			spreadsheetId: ID,
			requestBody: { requests: [{ addSheet: { properties: { title: TITLE, sheetId: 7 } } }] },
		});
		await s0.api.spreadsheets.values.update({
			spreadsheetId: ID,
			range: `'${TITLE}'!A1`,
			valueInputOption: 'RAW',
			requestBody: { values: [...old, ['pos:0']] },
		});
		const s = await session();
		await writeRegister(s, ID, TITLE, appeals(0, 2), true);
		const header = values()[0];
		expect(header).toEqual([
			...old[0],
			'Вид обращения',
			...[
				'Вид (исправлено)',
				'Поселение (исправлено)',
				'Тема (исправлено)',
				'Подразделение (исправлено)',
			],
		]);
		expect(s.calls['spreadsheets.get']).toBe(1);
		const validated = (
			sheet().dataValidations as Array<{ range: { startColumnIndex: number } }>
		).map((v) => header[v.range.startColumnIndex]);
		expect(validated).toEqual([
			CORRECTION_HEADERS.appealType,
			CORRECTION_HEADERS.settlement,
			CORRECTION_HEADERS.topic,
		]);
		expect(
			values()
				.slice(1)
				.map((r) => r[0]),
		).toEqual(['pos:0', 'pos:1']);
	});

	it('a follow-up record without personal data updates status and rating, never blanks the text, applicant or contact', async () => {
		const [first] = appeals(0, 1);
		const full: Appeal = {
			...first,
			author: { name: 'Петров Пётр', contact: '+7 900 111-22-33', anonymous: false },
			address: 'ул. Новая, д. 5',
			answerText: 'Яму засыпали',
			url: 'https://pos.gosuslugi.ru/x/1',
		} as Appeal;
		await writeRegister(await session(), ID, TITLE, [full], false);
		const row = rowOfId(first.id);
		const personal = ['Заявитель', 'Контакт', 'Текст обращения', 'Адрес', 'Ответ'];
		const before = personal.map((h) => values()[row][col(h)]);
		expect(before.every((v) => v !== '' && v !== undefined)).toBe(true);
		// What the follow-up re-emits once the source no longer returns the appeal (lib/satisfaction/followUp.ts).
		const followUp = {
			...snapshotOf({ ...full, status: 'closed', satisfaction: 'satisfied' } as Appeal),
		};
		const result = await writeRegister(await session(), ID, TITLE, [followUp], false);
		expect(result).toMatchObject({ inserted: 0, updated: 1, cellsWritten: 2 });
		expect(personal.map((h) => values()[row][col(h)])).toEqual(before);
		expect([values()[row][col('Статус')], values()[row][col('Оценка заявителя')]]).toEqual([
			'Закрыто',
			'Удовлетворён',
		]);
	});

	it('cells written per run follow the new work, not the history: 10 new appeals on 500 and on 5,000 rows', async () => {
		const cells: number[] = [];
		for (const history of [500, 5000]) {
			await fetch(`${server.url}/__sandbox/reset`, { method: 'POST' });
			await writeRegister(await session(), ID, TITLE, appeals(0, history), true);
			const s = await session();
			const r = await writeRegister(s, ID, TITLE, appeals(0, history + 10), true);
			expect(r).toMatchObject({ inserted: 10, updated: 0, unchanged: history });
			cells.push(r.cellsWritten);
		}
		expect(cells).toEqual([10 * REGISTER_COLUMNS.length, 10 * REGISTER_COLUMNS.length]);
	});

	function emulatorFaults(rules: unknown[]) {
		return fetch(`${server.url}/__sandbox/faults`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ rules }),
		});
	}
});
