import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	NodeExecutionHint,
} from 'n8n-workflow';
import { ReportSheets } from '../../../nodes/ReportSheets/ReportSheets.node';
import { Reminders } from '../../../nodes/Reminders/Reminders.node';
import { serveEmulator, type RunningEmulator } from '../../../sandbox/core/server';
import { SheetsEmulator } from '../../../sandbox/sheets/emulator';
import { fetchContext } from '../../helpers/httpContext';
import { testPrivateKey } from '../../helpers/serviceAccount';

/** Version 1 (selector `report`), as the saved workflows use it. */
const reportSheetsV1 = new ReportSheets().getNodeType(1) as {
	execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]>;
};

/** Issue 17: the district's contacts live in one tab «Справочник» of the spreadsheet named once, in the credential. */
const ID = 'mcu-demo-spreadsheet';

describe('the directory tab through the nodes, the spreadsheet taken from the credential', () => {
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
			spreadsheetId: `https://docs.google.com/spreadsheets/d/${ID}/edit#gid=0`,
		};
	});
	afterAll(() => server.close());
	beforeEach(() => emulator.reset());

	function context(
		name: string,
		parameters: Record<string, unknown>,
		items: INodeExecutionData[] = [{ json: {} }],
	) {
		const http = fetchContext(name);
		const hints: NodeExecutionHint[] = [];
		const warnings: string[] = [];
		const ctx = {
			...http,
			getInputData: () => items,
			getNodeParameter: (p: string, _i: number, fallback?: unknown) =>
				p in parameters ? parameters[p] : fallback,
			getCredentials: async () => credentials,
			continueOnFail: () => false,
			getMode: () => 'trigger',
			getWorkflowStaticData: () => ({}),
			addExecutionHints: (...h: NodeExecutionHint[]) => hints.push(...h),
			logger: {
				warn: (m: string) => warnings.push(m),
				info: () => undefined,
				debug: () => undefined,
				error: () => undefined,
			},
		};
		return { ctx: ctx as unknown as IExecuteFunctions, hints, warnings };
	}
	const fill = (rows: Array<Array<string | number>>) => {
		const sheet = emulator.get(ID)!.sheets.find((s) => s.properties.title === 'Справочник')!;
		sheet.cells = rows.map((r) => r.map((v) => ({ v })));
	};
	const addTab = async (rows: Array<Array<string | number>>) => {
		await reportSheetsV1.execute.call(context('Справочник', { report: 'directory' }).ctx);
		fill(rows);
	};

	it("«Прочитать справочник» makes a missing tab with headers, widths and the roles' drop-down, then gives a contact per row", async () => {
		const first = context('Справочник', { report: 'directory', spreadsheetId: '' });
		expect(await reportSheetsV1.execute.call(first.ctx)).toEqual([[]]);
		expect(first.hints.map((h) => h.message)).toEqual([
			'Лист «Справочник» создан пустым: заполните в нём подразделения, роли и контакты',
		]);
		expect(emulator.values(ID, 'Справочник')).toEqual([
			['Подразделение', 'Роль', 'ФИО', 'Telegram', 'MAX', 'E-mail'],
		]);
		const sheet = emulator.get(ID)!.sheets.find((s) => s.properties.title === 'Справочник')!;
		expect(sheet.properties.gridProperties.frozenRowCount).toBe(1);
		expect(sheet.columnWidths[0]).toBe(320);
		expect(JSON.stringify(sheet.dataValidations)).toContain('Технический специалист');

		fill([
			['Подразделение', 'Роль', 'ФИО', 'Telegram', 'MAX', 'E-mail'],
			['Отдел ЖКХ', 'Ответственный', 'Петров П. С.', 5004, '', ''],
			['', 'Глава', 'Кто-то', '', '', ''],
			['', 'Куратор', 'Куратор МЦУ', '7002', '', 'curator@dedovichi.example'],
		]);
		const second = context('Справочник', { report: 'directory', spreadsheetId: '' }, [
			{ json: {} },
		]);
		const [items] = await reportSheetsV1.execute.call(second.ctx);
		// Each contact links the spreadsheet actually read (here the credential's), for the weekly message.
		const spreadsheetUrl = `https://docs.google.com/spreadsheets/d/${ID}/edit`;
		expect(items).toEqual([
			{
				json: {
					department: 'Отдел ЖКХ',
					role: 'Ответственный',
					name: 'Петров П. С.',
					telegramChatId: '5004',
					maxChatId: '',
					email: '',
					spreadsheetUrl,
				},
				pairedItem: { item: 0 },
			},
			{
				json: {
					department: '',
					role: 'Куратор',
					name: 'Куратор МЦУ',
					telegramChatId: '7002',
					maxChatId: '',
					email: 'curator@dedovichi.example',
					spreadsheetUrl,
				},
				pairedItem: { item: 0 },
			},
		]);
		const warning =
			'Лист «Справочник», строка 3: неизвестная роль «Глава» (нужна одна из: Руководитель, Ответственный, Координатор, Куратор, Технический специалист) — строка пропущена';
		expect(second.hints).toEqual([{ message: warning, type: 'warning', location: 'outputPane' }]);
		expect(second.warnings).toEqual([warning]);
	});

	it('no spreadsheet in the node nor in the credential stops the node and says where to fill it', async () => {
		const saved = credentials.spreadsheetId;
		credentials.spreadsheetId = '';
		try {
			await expect(
				reportSheetsV1.execute.call(
					context('Справочник', { report: 'directory', spreadsheetId: '' }).ctx,
				),
			).rejects.toThrow('Не указана Google Таблица');
		} finally {
			credentials.spreadsheetId = saved;
		}
	});

	describe('«МЦУ: Напоминания» with «Контакты: Из листа «Справочник»»', () => {
		const appeal = (id: string, extra: IDataObject): INodeExecutionData => ({
			json: {
				id,
				text: `Обращение ${id}`,
				deadline: '2026-11-20T23:59:59+03:00',
				deadlineStatus: 'overdue',
				deadlineInfo: { workingDaysLeft: -6 },
				...extra,
			},
		});
		const input = [
			appeal('pos:1', { department: 'Отдел ЖКХ', responsible: null }),
			appeal('pos:2', { department: 'Отдел дорог', responsible: 'Смирнов П. А.' }),
		];
		const parameters = { contactsFrom: 'sheet', options: { now: '2026-11-25T10:00:00+03:00' } };

		it("reminds the tab's people; the node's own entries add to them", async () => {
			await addTab([
				['Подразделение', 'Роль', 'ФИО', 'Telegram', 'MAX', 'E-mail'],
				['Отдел ЖКХ', 'Руководитель', 'Петров Павел Сергеевич', '6004', '', ''],
				['Отдел ЖКХ', 'Ответственный', 'Петров П. С.', '5004', 'max-5004', ''],
				['Отдел дорог', 'Ответственный', 'Смирнов П. А.', '5001', '', ''],
				['', 'Координатор', 'Координатор МЦУ', '7001', '', ''],
				['', 'Куратор', 'Куратор МЦУ', '7002', '', ''],
				['', 'Технический специалист', 'Техник', '7003', '', ''],
			]);
			const nodeHeads = {
				head: [
					{ department: 'Отдел дорог', name: 'Смирнов Пётр Андреевич', telegramChatId: '6001' },
				],
			};
			const [digests] = await new Reminders().execute.call(
				context('МЦУ: Напоминания', { ...parameters, heads: nodeHeads }, input).ctx,
			);
			expect(
				digests.map((d) => [
					d.json.level,
					d.json.recipient,
					d.json.telegramChatId,
					d.json.maxChatId,
					d.json.appealIds,
				]),
			).toEqual([
				['responsible', 'Петров П. С.', '5004', 'max-5004', ['pos:1']],
				['head', 'Петров Павел Сергеевич', '6004', null, ['pos:1']],
				['coordinator', 'Координатор МЦУ', '7001', null, ['pos:1', 'pos:2']],
				['curator', 'Куратор МЦУ', '7002', null, ['pos:1', 'pos:2']],
				['responsible', 'Смирнов П. А.', '5001', null, ['pos:2']],
				['head', 'Смирнов Пётр Андреевич', '6001', null, ['pos:2']],
			]);
		});

		it('a missing tab stops the node and says how to make it', async () => {
			await expect(
				new Reminders().execute.call(context('МЦУ: Напоминания', parameters, input).ctx),
			).rejects.toThrow('В таблице нет листа «Справочник»');
		});

		it('«В этом узле» (the default) never reads the spreadsheet', async () => {
			const { ctx } = context(
				'МЦУ: Напоминания',
				{
					options: parameters.options,
					coordinator: { contact: { name: 'Координатор', telegramChatId: '300' } },
				},
				input,
			);
			(ctx as unknown as { getCredentials: () => never }).getCredentials = () => {
				throw new Error('no credential read in node mode');
			};
			const [digests] = await new Reminders().execute.call(ctx);
			// pos:1 names nobody and the node knows no head: only the coordinator hears of it.
			expect(digests.map((d) => [d.json.level, d.json.recipient, d.json.appealIds])).toEqual([
				['coordinator', 'Координатор', ['pos:1', 'pos:2']],
				['responsible', 'Смирнов П. А.', ['pos:2']],
			]);
			expect(digests[0].json.unaddressed).toEqual(['pos:1']);
		});
	});
});
