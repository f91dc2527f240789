import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType } from 'n8n-workflow';
import { makeAppeal, type Appeal } from '../../../lib/appeal';
import { ReportSheets } from '../../../nodes/ReportSheets/ReportSheets.node';
import { serveEmulator, type RunningEmulator } from '../../../sandbox/core/server';
import { SheetsEmulator } from '../../../sandbox/sheets/emulator';
import { fetchContext } from '../../helpers/httpContext';
import { testPrivateKey } from '../../helpers/serviceAccount';

/**
 * Issue 17: «МЦУ: Отчёт в Google Таблицы» v2 selects with `operation`, v1 (saved workflows) with `report`. Both run
 * the same operation modules: the same parameters otherwise give the same Google calls, the same tabs and the same
 * output.
 */
const ID = 'mcu-demo-spreadsheet';
const node = new ReportSheets();

const appeals: Appeal[] = [
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
			topic: 'roads',
			department: 'Отдел дорожного хозяйства и транспорта',
			responsible: 'Смирнов П. А.',
			deadline: '2026-10-10T18:00:00+03:00',
			deadlineStatus: 'overdue',
			author: { name: 'Сидорова Анна Петровна' },
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
			department: 'МУП «Дедовичский водоканал»',
			status: 'answered',
			answeredAt: '2026-09-22T10:00:00+03:00',
			answerText: 'Вопрос решён.',
			deadlineStatus: 'due_soon',
			answerCheck: {
				errors: [
					{ code: 'vague', message: 'Ответ без сроков', evidence: ['«решён»'], severity: 'error' },
				],
			},
		},
	),
];

describe('«МЦУ: Отчёт в Google Таблицы»: version 1 (`report`) and version 2 (`operation`) run the same operations', () => {
	let server: RunningEmulator;
	let emulator: SheetsEmulator;
	let credentials: IDataObject;
	beforeAll(async () => {
		emulator = new SheetsEmulator();
		server = await serveEmulator(emulator);
		credentials = {
			email: 'mcu@sandbox.iam.gserviceaccount.com',
			privateKey: testPrivateKey(),
			grantUrl: `${server.url}/token`,
			sheetsUrl: `${server.url}/`,
			spreadsheetId: ID,
		};
	});
	afterAll(() => server.close());

	/** One run on a fresh spreadsheet (after `seed`): the output, the Sheets calls in order and every tab's values. */
	async function run(
		version: 1 | 2,
		parameters: Record<string, unknown>,
		items: IDataObject[],
		seed?: () => Promise<void>,
	) {
		emulator.reset();
		await seed?.();
		const http = fetchContext('Отчёт');
		const ctx = {
			...http,
			getInputData: (): INodeExecutionData[] => items.map((json) => ({ json })),
			getNodeParameter: (p: string, _i: number, fallback?: unknown) =>
				p in parameters ? parameters[p] : fallback,
			getCredentials: async () => credentials,
			continueOnFail: () => false,
			addExecutionHints: () => undefined,
		} as unknown as IExecuteFunctions;
		const [out] = (await (node.getNodeType(version) as INodeType).execute!.call(
			ctx,
		)) as INodeExecutionData[][];
		// The token request is cached between runs; the Sheets calls are what the operation did.
		const calls = http.requests
			.filter((r) => !r.url.endsWith('/token'))
			.map(
				(r) =>
					`${r.method ?? 'GET'} ${decodeURIComponent(new URL(r.url).pathname)} ${String(r.body ?? '')}`,
			);
		// The tabs the run made or filled (a new spreadsheet's empty «Лист1» aside).
		const tabs = Object.fromEntries(
			emulator
				.get(ID)!
				.sheets.filter((s) => s.properties.title !== 'Лист1')
				.map((s) => [s.properties.title, emulator.values(ID, s.properties.title)]),
		);
		return { out, calls, tabs };
	}

	const writeRegisterFirst = async () => {
		await run(1, { report: 'register' }, appeals as unknown as IDataObject[]);
	};

	const cases: Array<
		[
			operation: string,
			parameters: Record<string, unknown>,
			items: IDataObject[],
			tabs: string[],
			seed?: () => Promise<void>,
		]
	> = [
		[
			'register',
			{ correctionDepartments: 'Отдел ЖКХ' },
			appeals as unknown as IDataObject[],
			['Реестр обращений'],
			undefined,
		],
		['overdue', {}, appeals as unknown as IDataObject[], ['Просроченные и истекающие'], undefined],
		[
			'answerErrors',
			{ sheetName: 'Ошибки (сентябрь)' },
			appeals as unknown as IDataObject[],
			['Ошибки (сентябрь)'],
			undefined,
		],
		[
			'table',
			{
				chart: {
					settings: { title: 'Рейтинг', labelHeader: 'Подразделение', valueHeader: 'Балл' },
				},
				maskPersonalData: false,
			},
			[{ Подразделение: 'Отдел ЖКХ', Балл: 81 }],
			['Отчёт'],
			undefined,
		],
		['readRegister', {}, [{}], ['Реестр обращений'], writeRegisterFirst],
		['directory', {}, [{}], ['Справочник'], undefined],
	];

	it.each(cases)(
		'«%s»: the same calls, tabs and output in both versions',
		async (operation, parameters, items, tabs, seed) => {
			const v1 = await run(1, { report: operation, ...parameters }, items, seed);
			const v2 = await run(2, { operation, ...parameters }, items, seed);
			expect(Object.keys(v1.tabs)).toEqual(tabs);
			expect(v1.calls.length).toBeGreaterThan(0);
			expect(v2.calls).toEqual(v1.calls);
			expect(v2.tabs).toEqual(v1.tabs);
			expect(v2.out).toEqual(v1.out);
		},
	);

	it('the operations do what they are named: a register row per appeal, the overdue first, one error row, two appeals read back', async () => {
		const register = await run(2, { operation: 'register' }, appeals as unknown as IDataObject[]);
		expect(register.out.map((o) => [o.json.report, o.json.inserted, o.pairedItem])).toEqual([
			['register', 2, [{ item: 0 }, { item: 1 }]],
		]);
		expect(register.tabs['Реестр обращений'].slice(1).map((r) => r[0])).toEqual([
			'pos:501',
			'vk:-2026_77',
		]);
		const overdue = await run(2, { operation: 'overdue' }, appeals as unknown as IDataObject[]);
		expect(overdue.tabs['Просроченные и истекающие'].slice(1).map((r) => r[0])).toEqual([
			'pos:501',
			'vk:-2026_77',
		]);
		const errors = await run(2, { operation: 'answerErrors' }, appeals as unknown as IDataObject[]);
		expect(errors.tabs['Ошибки в ответах'].slice(1).map((r) => r[0])).toEqual(['vk:-2026_77']);
		const read = await run(2, { operation: 'readRegister' }, [{}], writeRegisterFirst);
		expect(read.out.map((o) => o.json.id)).toEqual(['pos:501', 'vk:-2026_77']);
	});

	it("directory items link the spreadsheet actually read: the node's own one before the credential's", async () => {
		const otherDistrict = async () => {
			const sheet = emulator.createSpreadsheet('Другой район', 'other-district').sheets[0];
			sheet.properties.title = 'Справочник';
			sheet.cells = [
				['Подразделение', 'Роль', 'ФИО', 'Telegram', 'MAX', 'E-mail'],
				['', 'Куратор', 'Куратор МЦУ', '7002', '', ''],
			].map((r) => r.map((v) => ({ v })));
		};
		const own = await run(
			2,
			{
				operation: 'directory',
				spreadsheetId: 'https://docs.google.com/spreadsheets/d/other-district/edit#gid=5',
			},
			[{}],
			otherDistrict,
		);
		expect(own.out.map((o) => [o.json.name, o.json.spreadsheetUrl])).toEqual([
			['Куратор МЦУ', 'https://docs.google.com/spreadsheets/d/other-district/edit'],
		]);
		const fromCredential = await run(2, { operation: 'directory' }, [{}], otherDistrict);
		expect(fromCredential.out).toEqual([]);
		expect(fromCredential.calls.every((c) => c.includes(`/${ID}`))).toBe(true);
	});

	it('an operation neither version knows stops the node with its name', async () => {
		await expect(run(2, { operation: 'chart' }, [{}])).rejects.toThrow(
			'Неизвестная операция «chart»',
		);
		// v2 does not read v1's selector: a v1 parameter set alone is not a v2 one.
		await expect(run(2, { report: 'register' }, [{}])).rejects.toThrow(
			'Неизвестная операция «undefined»',
		);
	});
});
