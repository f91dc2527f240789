import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
} from 'n8n-workflow';
import { Structure } from '../../../nodes/Structure/Structure.node';
import { compileCategoryMap } from '../../../lib/classify';
import { classifierFor, forgetModels, historyExamples } from '../../../nodes/Structure/training';
import { openSheets, type ServiceAccount } from '../../../nodes/ReportSheets/transport';
import { serveEmulator, type RunningEmulator } from '../../../sandbox/core/server';
import { pasteTab } from '../../../sandbox/seed/history';
import { SheetsEmulator } from '../../../sandbox/sheets/emulator';
import { fetchContext } from '../../helpers/httpContext';
import { testPrivateKey } from '../../helpers/serviceAccount';

const SPREADSHEET = 'mcu-demo-spreadsheet';

/** n8n's execute context, enough for the node: parameters, one credential, real HTTP, a logger that keeps lines. */
function context(
	items: INodeExecutionData[],
	parameters: Record<string, unknown>,
	credentials?: ICredentialDataDecryptedObject,
) {
	const http = fetchContext('МЦУ: Структурирование');
	const log: string[] = [];
	const ctx = {
		...http,
		getInputData: () => items,
		getNodeParameter: (name: string, _item: number, fallback?: unknown) =>
			name in parameters ? parameters[name] : fallback,
		continueOnFail: () => false,
		getCredentials: async () => {
			if (!credentials) throw new Error('no credential in this test');
			return credentials;
		},
		logger: {
			info: (m: string) => log.push(m),
			warn: (m: string) => log.push(m),
			debug: () => undefined,
			error: () => undefined,
		},
	};
	return { ctx: ctx as unknown as IExecuteFunctions, log, requests: http.requests };
}

const appeal = (id: string, text: string, extra: IDataObject = {}): INodeExecutionData => ({
	json: {
		id,
		source: id.split(':')[0],
		text,
		author: { name: 'Жители' },
		address: null,
		flags: [],
		...extra,
	},
});

// Hand-written phrasings the default dictionary does not know, three topics, varied fillers.
const PHRASES: Record<string, string[]> = {
	heating: [
		'в квартире колотун',
		'ходим дома в валенках',
		'дети спят в шубах',
		'изо рта пар в комнате',
		'включили обогреватели',
	],
	water: [
		'из крана рыжая жижа',
		'сухо в кранах',
		'носим вёдра от соседей',
		'стирать невозможно, бежит бурая',
		'в кранах шипит и пусто',
	],
	waste: [
		'баки забиты с горкой',
		'пакеты валяются у площадки',
		'вороны растаскивают пакеты',
		'вонь от баков на всю улицу',
		'за пакетами никто не приезжал',
	],
};
const FILLERS = [
	'уже неделю',
	'с понедельника',
	'который день',
	'никто не реагирует',
	'на Советской',
	'в Вязье',
];

function examples(): Array<{ text: string; topic: string }> {
	const out: Array<{ text: string; topic: string }> = [];
	for (const [topic, phrases] of Object.entries(PHRASES)) {
		phrases.forEach((p, i) =>
			FILLERS.forEach((f, j) =>
				out.push({ text: `${p}, ${f}${(i + j) % 2 ? ', помогите' : ''}`, topic }),
			),
		);
	}
	return out;
}

describe('«МЦУ: Структурирование»: categories, training, corrections', () => {
	beforeEach(() => forgetModels());

	it('a category row of the node beats the default table; «решает текст» leaves it to the text', async () => {
		const node = new Structure();
		const items = [
			appeal('pos:1', 'Прошу разобраться поскорее', {
				sourceCategory: { name: 'Дороги', sub: 'Ямы на дорогах' },
			}),
			appeal('pos:2', 'Огромная яма, асфальт разбит', {
				sourceCategory: { name: 'Благоустройство' },
			}),
		];
		const { ctx } = context(items, {
			options: {},
			categories: {
				rule: [
					{
						source: 'pos',
						category: 'Дороги',
						subcategory: 'Ямы на дорогах',
						topic: 'improvement',
					},
					{ source: '', category: 'Благоустройство', subcategory: '', topic: '' },
				],
			},
		});
		const [main] = await node.execute.call(ctx);
		expect(
			main.map((i) => [i.json.id, i.json.topic, (i.json.classification as IDataObject).decidedBy]),
		).toEqual([
			['pos:1', 'improvement', 'category'],
			['pos:2', 'roads', 'dictionary'],
		]);
	});

	it('trains from examples in an input field: the model decides texts the dictionary cannot', async () => {
		const texts = [
			appeal('vk:1', 'Соседи, у нас в квартире колотун, дети спят в шубах'),
			appeal('vk:2', 'Опять из крана рыжая жижа, стирать невозможно'),
		];
		const [, untrained] = await new Structure().execute.call(context(texts, { options: {} }).ctx);
		expect(untrained.map((i) => i.json.topic)).toEqual(['undefined', 'undefined']);

		const withExamples = [
			{ json: { ...texts[0].json, trainingExamples: examples() } },
			{ json: { ...texts[1].json, trainingExamples: examples() } },
		];
		const { ctx, log } = context(withExamples, { options: { trainingField: 'trainingExamples' } });
		const [main, review] = await new Structure().execute.call(ctx);
		expect(review).toEqual([]);
		expect(
			main.map((i) => [i.json.topic, (i.json.classification as IDataObject).decidedBy]),
		).toEqual([
			['heating', 'model'],
			['water', 'model'],
		]);
		expect(log).toEqual([
			expect.stringMatching(/модель [0-9a-f]{16} \(90 примеров, обучена сейчас\)/),
		]);
		// The same examples again in this process: the model comes from memory.
		const again = context(withExamples, { options: { trainingField: 'trainingExamples' } });
		await new Structure().execute.call(again.ctx);
		expect(again.log).toEqual([expect.stringMatching(/\(90 примеров, из памяти процесса\)/)]);
	});

	it('keeps one classifier per settings in the process: the same settings reuse it, other words or thresholds get their own', async () => {
		const settings = { dictionary: {}, mode: 'extend' as const, minScore: 3 };
		const first = classifierFor(settings);
		expect(classifierFor({ ...settings })).toBe(first);
		expect(classifierFor({ ...settings, minScore: 4 })).not.toBe(first);
		expect(classifierFor({ ...settings, dictionary: { roads: [['гравийка', 4]] } })).not.toBe(
			first,
		);

		// A word the coordinator adds in the node between two runs decides the second run.
		const item = [appeal('vk:1', 'Когда уберут шмурдяк за домом?')];
		const [, before] = await new Structure().execute.call(context(item, { options: {} }).ctx);
		expect(before.map((i) => i.json.topic)).toEqual(['undefined']);
		const [after] = await new Structure().execute.call(
			context(item, { options: {}, terms: { topic: [{ topic: 'waste', words: 'шмурдяк:4' }] } })
				.ctx,
		);
		expect(after.map((i) => i.json.topic)).toEqual(['waste']);
		const [, again] = await new Structure().execute.call(context(item, { options: {} }).ctx);
		expect(again.map((i) => i.json.topic)).toEqual(['undefined']);
	});

	it('too few examples: no model, the dictionary decides', async () => {
		const few = examples().slice(0, 10);
		const { ctx, log } = context(
			[{ json: { ...appeal('vk:1', 'в квартире колотун').json, ex: few } }],
			{ options: { trainingField: 'ex' } },
		);
		const [, review] = await new Structure().execute.call(ctx);
		expect(review.map((i) => i.json.id)).toEqual(['vk:1']);
		expect(log).toEqual([]);
	});

	it('refuses malformed examples naming the item and the example', async () => {
		const { ctx } = context(
			[
				appeal('vk:1', 'текст'),
				{
					json: {
						...appeal('vk:2', 'текст').json,
						ex: [
							{ text: 'в квартире колотун', topic: 'heating' },
							{ text: 'x', topic: 'погода' },
						],
					},
				},
			],
			{
				options: { trainingField: 'ex' },
			},
		);
		await expect(new Structure().execute.call(ctx)).rejects.toThrow(
			'Поле «ex» элемента 2, пример 2: нужны текст (text) и тема (topic, код или название)',
		);
	});

	it('history rows: a topic (id or label) or a category the table maps to one topic; other rows counted as skipped', () => {
		const rows = [
			{ 'Текст обращения': 'в квартире колотун', Тема: 'Отопление' },
			{ 'Текст обращения': 'баки забиты с горкой', Тема: 'waste' },
			{ 'Текст обращения': 'из крана рыжая жижа', Категория: 'ЖКХ', Подкатегория: 'Водоснабжение' },
			{ 'Текст обращения': 'сидим при свечах', Источник: 'ИМ', Категория: 'Электроснабжение' },
			{ 'Текст обращения': 'что-то сломалось', Категория: 'ЖКХ' }, // broad: the text would choose — no example
			{ 'Текст обращения': 'непонятно что', Категория: 'Прочее' },
			{ 'Текст обращения': '', Тема: 'roads' },
			{ 'Текст обращения': '', Тема: '', Категория: '' }, // an empty row: not even skipped
		];
		expect(historyExamples(rows, compileCategoryMap())).toEqual({
			examples: [
				{ text: 'в квартире колотун', topic: 'heating' },
				{ text: 'баки забиты с горкой', topic: 'waste' },
				{ text: 'из крана рыжая жижа', topic: 'water' },
				{ text: 'сидим при свечах', topic: 'electricity' },
			],
			skipped: 3,
		});
		// Named columns; categories off: only the topic column counts.
		expect(
			historyExamples(
				[
					{ Сообщение: 'колотун', Рубрика: 'heating', Категория: 'Мусор' },
					{ Сообщение: 'баки', Категория: 'Мусор' },
				],
				null,
				{ text: 'Сообщение', topic: 'Рубрика' },
			),
		).toEqual({
			examples: [{ text: 'колотун', topic: 'heating' }],
			skipped: 1,
		});
	});

	describe('with Google Sheets', () => {
		let server: RunningEmulator;
		let emulator: SheetsEmulator;
		let account: ServiceAccount;
		let credentials: ICredentialDataDecryptedObject;
		beforeAll(async () => {
			emulator = new SheetsEmulator();
			server = await serveEmulator(emulator);
			account = {
				email: 'mcu@sandbox.iam.gserviceaccount.com',
				privateKey: testPrivateKey(),
				tokenUri: `${server.url}/token`,
				sheetsUrl: `${server.url}/`,
			};
			credentials = {
				email: account.email,
				privateKey: account.privateKey,
				grantUrl: account.tokenUri,
				sheetsUrl: account.sheetsUrl,
			};
		});
		afterAll(() => server.close());
		// In-process: an HTTP reset could meet a keep-alive socket the server has just closed.
		beforeEach(() => emulator.reset());

		const sheetsParams = (extra: IDataObject = {}) => ({
			learnFromSheets: true,
			spreadsheetId: SPREADSHEET,
			historySheet: 'История',
			registerSheet: 'Реестр обращений',
			options: {},
			...extra,
		});

		it("trains from a pasted ПОС/ИМ export (category, no topic) and applies and learns the register's corrections", async () => {
			const session = await openSheets(
				account,
				fetchContext().helpers.httpRequest,
				context([], {}).ctx.getNode(),
			);
			// A cabinet export: categories only — the category table gives the topics; a broad «ЖКХ» row and «Прочее» give none.
			const categoryOf: Record<string, [string, string]> = {
				heating: ['ЖКХ', 'Отопление'],
				water: ['ЖКХ', 'Водоснабжение'],
				waste: ['Мусор', 'Вывоз ТКО'],
			};
			const history = examples().map((e, i) => [
				String(1000 + i),
				'ПОС',
				'01.03.2026 10:00',
				...categoryOf[e.topic],
				e.text,
			]);
			await pasteTab(session, SPREADSHEET, 'История', [
				['Номер', 'Источник', 'Дата создания', 'Категория', 'Подкатегория', 'Текст'],
				...history,
				['9', 'ПОС', '01.03.2026', 'ЖКХ', '', 'в квартире колотун'],
				['10', 'ПОС', '01.03.2026', 'Прочее', '', 'что-то'],
			]);
			await pasteTab(session, SPREADSHEET, 'Реестр обращений', [
				['ID', 'Текст обращения', 'Тема', 'Тема (исправлено)', 'Поселение (исправлено)'],
				['vk:3', 'старый текст', 'Не определено', 'Безнадзорные животные', ''],
				[
					'vk:4',
					'свора у школы носится, покусали',
					'Не определено',
					'Безнадзорные животные',
					'Вязьевская волость',
				],
				['vk:5', 'текст', 'Дороги и тротуары', '', ''],
			]);
			const items = [
				appeal('vk:1', 'Соседи, у нас в квартире колотун, дети спят в шубах'),
				appeal('vk:3', 'Во дворе бегают какие-то звери, страшно'),
				appeal('vk:5', 'Огромная яма, асфальт разбит'),
			];
			const { ctx, log, requests } = context(items, sheetsParams(), credentials);
			const [main, review] = await new Structure().execute.call(ctx);
			expect(review).toEqual([]);
			const byId = Object.fromEntries(main.map((i) => [i.json.id, i.json]));
			expect([byId['vk:1'].topic, (byId['vk:1'].classification as IDataObject).decidedBy]).toEqual([
				'heating',
				'model',
			]);
			expect([byId['vk:3'].topic, (byId['vk:3'].classification as IDataObject).decidedBy]).toEqual([
				'animals',
				'correction',
			]);
			expect(byId['vk:3'].corrections).toEqual({
				topic: 'animals',
				computed: expect.objectContaining({ topic: 'undefined', settlement: null }),
			});
			expect([byId['vk:5'].topic, (byId['vk:5'].classification as IDataObject).decidedBy]).toEqual([
				'roads',
				'dictionary',
			]);
			// 90 history rows with a single-topic category + 2 corrections (vk:3's text from the batch, vk:4's from the register).
			expect(log).toEqual([expect.stringMatching(/\(92 примеров, обучена сейчас\)/)]);
			expect(requests.filter((r) => String(r.url).includes('values:batchGet')).length).toBe(2);
		});

		it("reads the coordinator's category tab: its rows beat the default table; a bad row names itself", async () => {
			const session = await openSheets(
				account,
				fetchContext().helpers.httpRequest,
				context([], {}).ctx.getNode(),
			);
			await pasteTab(session, SPREADSHEET, 'Категории', [
				['Источник', 'Категория', 'Подкатегория', 'Тема'],
				['ПОС', 'Дороги', 'Ямы на дорогах', 'Благоустройство дворов и территорий'],
				['', 'Сельское хозяйство', '', 'trade'],
			]);
			const items = [
				appeal('pos:1', 'Прошу разобраться', {
					sourceCategory: { name: 'Дороги', sub: 'Ямы на дорогах' },
				}),
				appeal('pos:2', 'Прошу разобраться', {
					sourceCategory: { name: 'Сельское хозяйство', sub: 'Покосы' },
				}),
			];
			const { ctx } = context(
				items,
				sheetsParams({ categorySheet: 'Категории', historySheet: '', registerSheet: '' }),
				credentials,
			);
			const [main] = await new Structure().execute.call(ctx);
			expect(main.map((i) => [i.json.topic, (i.json.classification as IDataObject).why])).toEqual([
				[
					'improvement',
					expect.objectContaining({ topic: ['категория ПОС: Дороги / Ямы на дорогах'] }),
				],
				[
					'trade',
					expect.objectContaining({ topic: ['категория ПОС: Сельское хозяйство / Покосы'] }),
				],
			]);
			await pasteTab(session, SPREADSHEET, 'Категории 2', [
				['Категория', 'Тема'],
				['Дороги', 'погода'],
			]);
			const bad = context(
				items,
				sheetsParams({ categorySheet: 'Категории 2', historySheet: '', registerSheet: '' }),
				credentials,
			);
			await expect(new Structure().execute.call(bad.ctx)).rejects.toThrow(
				'Категории, строка 2: тема «погода» не найдена',
			);
		});

		it('no tabs yet (a first run): nothing to learn, no corrections, structuring as usual', async () => {
			const { ctx, log } = context(
				[appeal('vk:1', 'Огромная яма, асфальт разбит')],
				sheetsParams(),
				credentials,
			);
			const [main] = await new Structure().execute.call(ctx);
			expect(
				main.map((i) => [i.json.topic, (i.json.classification as IDataObject).decidedBy]),
			).toEqual([['roads', 'dictionary']]);
			expect(log).toEqual([]);
		});

		it("no «ID таблицы» in the node: the credential's «Таблица МЦУ» is read; neither: the node says where to fill it", async () => {
			const session = await openSheets(
				account,
				fetchContext().helpers.httpRequest,
				context([], {}).ctx.getNode(),
			);
			// A mapping no default gives: only the tab read from the credential's spreadsheet makes it «animals».
			await pasteTab(session, SPREADSHEET, 'Категории', [
				['Категория', 'Тема'],
				['Сельское хозяйство', 'animals'],
			]);
			const items = [
				appeal('pos:1', 'Прошу разобраться', {
					sourceCategory: { name: 'Сельское хозяйство', sub: 'Покосы' },
				}),
			];
			const params = sheetsParams({
				spreadsheetId: '',
				categorySheet: 'Категории',
				historySheet: '',
				registerSheet: '',
			});
			const { ctx } = context(items, params, {
				...credentials,
				spreadsheetId: `https://docs.google.com/spreadsheets/d/${SPREADSHEET}/edit`,
			});
			const [main] = await new Structure().execute.call(ctx);
			expect(main.map((i) => i.json.topic)).toEqual(['animals']);
			await expect(
				new Structure().execute.call(context(items, params, credentials).ctx),
			).rejects.toThrow('Не указана Google Таблица');
		});

		it('a spreadsheet that cannot be read stops the node with a clear message', async () => {
			const { ctx } = context(
				[appeal('vk:1', 'текст')],
				sheetsParams({ spreadsheetId: 'no-such-spreadsheet' }),
				credentials,
			);
			await expect(new Structure().execute.call(ctx)).rejects.toThrow(/Google Sheets/);
		});
	});
});
