/**
 * Generates the ready-made workflows in workflows/*.json (run: npx tsx scripts/workflows.ts). The JSON files are
 * what users import; this script keeps node ids, positions and credential references consistent.
 *
 * One job per workflow (issue #17), the register «Реестр обращений» as the hand-off between them:
 * - intake.json — every 15 minutes: what changed at the sources → structuring → routing → deadlines → answer check →
 *   register (plus «ПОС: взять в работу» and the satisfaction follow-up, which need the source's own records);
 * - reminders.json — working days at 9:00: register → deadlines at now → register, overdue tab, reminders;
 * - reports.json — nightly: register → answer errors, ratings, summary, ССТУ;
 * - weekly.json, errors.json, deadlines-demo.json.
 */
import fs from 'node:fs';
import path from 'node:path';

type Json = Record<string, unknown>;
/** A node's parameters: their shape is the node type's own (its description), not known here. */
type NodeParameters = Record<string, unknown>;

type CredentialKey = keyof typeof CREDENTIALS;

/** A node as n8n stores it in a workflow (a type alias, not an interface, so it is also a plain JSON object). */
export type WorkflowNode = {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: NodeParameters;
	credentials?: Partial<Record<CredentialKey, { id: string; name: string }>>;
	onError?: 'continueRegularOutput' | 'continueErrorOutput' | 'stopWorkflow';
	webhookId?: string;
};

type NodeExtra = Omit<
	Partial<WorkflowNode>,
	'id' | 'name' | 'type' | 'typeVersion' | 'position' | 'parameters'
>;

export type Connection = { node: string; type: 'main'; index: number };
export type Connections = Record<string, { main: Connection[][] }>;

export type Workflow = {
	id: string;
	name: string;
	active: false;
	nodes: WorkflowNode[];
	connections: Connections;
	settings: { executionOrder: 'v1'; timezone?: string; saveManualExecutions?: boolean };
	pinData: Record<string, never>;
	tags: string[];
};

/** A workflow as its file holds it: inactive, nothing pinned, no tags. */
function workflowFile<N>(
	id: string,
	name: string,
	nodes: N[],
	connections: Connections,
	settings: Workflow['settings'],
): Omit<Workflow, 'nodes'> & { nodes: N[] } {
	return { id, name, active: false, nodes, connections, settings, pinData: {}, tags: [] };
}

/** Credentials are referenced by these names; the README lists what to create (the demo creates them for the sandbox). */
export const CREDENTIALS = {
	mcuPosApi: { id: 'mcuPosSandbox', name: 'МЦУ: ПОС' },
	mcuImApi: { id: 'mcuImSandbox', name: 'МЦУ: Инцидент-менеджмент' },
	mcuVkApi: { id: 'mcuVkSandbox', name: 'МЦУ: ВКонтакте' },
	mcuOkApi: { id: 'mcuOkSandbox', name: 'МЦУ: Одноклассники' },
	mcuTelegramApi: { id: 'mcuTelegramSandbox', name: 'МЦУ: Telegram-бот' },
	mcuMaxApi: { id: 'mcuMaxSandbox', name: 'МЦУ: MAX' },
	mcuGoogleServiceAccountApi: { id: 'mcuSheetsSandbox', name: 'МЦУ: Google Таблицы' },
} as const;

/**
 * The sandbox's spreadsheet (the demo credential's «Таблица МЦУ»), for tests and the demo. The workflows leave «ID
 * таблицы» empty: every node uses the table of the district's Google credential.
 */
export const SPREADSHEET_ID = 'mcu-demo-spreadsheet';

/** Node ids: a prefix per workflow and a counter, so that regenerating keeps every id (and n8n's history) stable. */
let idPrefix = '00000000-0000-4000-8000-';
let counter = 0;
function startIds(start: number, prefix = '00000000-0000-4000-8000-'): void {
	idPrefix = prefix;
	counter = start;
}
function node(
	name: string,
	type: string,
	typeVersion: number,
	position: [number, number],
	parameters: NodeParameters,
	extra: NodeExtra = {},
): WorkflowNode {
	counter++;
	return {
		id: `${idPrefix}${String(counter).padStart(12, '0')}`,
		name,
		type,
		typeVersion,
		position,
		parameters,
		...extra,
	};
}

/** Canvas layout: a node's place by column (left to right, the data's way) and row, on n8n's grid. */
const COLUMN = 220;
const ROW = 120;
const at = (column: number, row = 0): [number, number] => [column * COLUMN, row * ROW];
const mcu = (type: string) => `n8n-nodes-mcu.${type}`;
const cred = (key: CredentialKey): NodeExtra => ({ credentials: { [key]: CREDENTIALS[key] } });
const sticky = (
	name: string,
	content: string,
	position: [number, number],
	width = 380,
	height = 220,
) => node(name, 'n8n-nodes-base.stickyNote', 1, position, { content, width, height });

function connect(connections: Connections, from: string, to: string, output = 0, input = 0): void {
	connections[from] ??= { main: [] };
	while (connections[from].main.length <= output) connections[from].main.push([]);
	connections[from].main[output].push({ node: to, type: 'main', index: input });
}

/**
 * One workflow's canvas: nodes with fixed numbers (a node keeps its number, hence its id, when others are added or
 * moved to another workflow), placed by column and row, and the connections between them by name.
 */
class Canvas {
	readonly nodes: WorkflowNode[] = [];
	readonly connections: Connections = {};
	constructor(private readonly prefix: string) {}

	add(
		n: number,
		name: string,
		type: string,
		typeVersion: number,
		place: [number, number],
		parameters: NodeParameters = {},
		extra: NodeExtra = {},
	): this {
		if (this.nodes.some((x) => x.name === name)) throw new Error(`node «${name}» twice`);
		const id = `${this.prefix}${String(n).padStart(12, '0')}`;
		if (this.nodes.some((x) => x.id === id)) throw new Error(`node number ${n} twice`);
		this.nodes.push({ id, name, type, typeVersion, position: at(...place), parameters, ...extra });
		return this;
	}

	/** A «МЦУ: Отчёт в Google Таблицы» node (version 2) on the spreadsheet of the Google credential. */
	sheets(n: number, name: string, place: [number, number], parameters: NodeParameters): this {
		return this.add(
			n,
			name,
			mcu('reportSheets'),
			2,
			place,
			parameters,
			cred('mcuGoogleServiceAccountApi'),
		);
	}

	note(
		n: number,
		name: string,
		content: string,
		place: [number, number],
		width = 380,
		height = 220,
	): this {
		return this.add(n, name, 'n8n-nodes-base.stickyNote', 1, place, { content, width, height });
	}

	/** `from` (its output) → `to` (its input); several targets at once for a fan-out. */
	link(from: string, to: string | string[], output = 0, input = 0): this {
		for (const target of Array.isArray(to) ? to : [to])
			connect(this.connections, from, target, output, input);
		return this;
	}

	workflow(id: string, name: string, settings: Partial<Workflow['settings']> = {}): Workflow {
		for (const [from, { main }] of Object.entries(this.connections)) {
			for (const c of [{ node: from }, ...main.flat()])
				if (!this.nodes.some((x) => x.name === c.node))
					throw new Error(`connection to unknown node «${c.node}»`);
		}
		return workflowFile(id, name, this.nodes, this.connections, {
			executionOrder: 'v1',
			timezone: 'Europe/Moscow',
			...settings,
		});
	}
}

/**
 * Routing of the model district: topic → department (the coordinator edits these). People and their chats are not
 * here: reminders find a department's «Ответственный» on the tab «Справочник»; a rule may still name a responsible.
 */
const ROUTING_RULES = [
	{
		name: 'Дороги и транспорт',
		topics: ['roads', 'transport'],
		department: 'Отдел дорожного хозяйства и транспорта',
	},
	{ name: 'Водоснабжение', topics: ['water'], department: 'МУП «Дедовичский водоканал»' },
	{ name: 'Отопление', topics: ['heating'], department: 'МУП «Тепловые сети Дедовичи»' },
	{
		name: 'ЖКХ и электроснабжение',
		topics: ['electricity', 'utilities', 'housing'],
		department: 'Отдел ЖКХ и строительства',
	},
	{
		name: 'Благоустройство и мусор',
		topics: ['improvement', 'lighting', 'waste', 'animals'],
		department: 'Отдел благоустройства',
	},
	{
		name: 'Образование',
		topics: ['education'],
		department: 'Управление образования Дедовичского района',
	},
	{
		name: 'Соцзащита и здравоохранение',
		topics: ['social', 'health'],
		department: 'Отдел социальной защиты',
	},
	{
		name: 'Культура и спорт',
		topics: ['culture_sport'],
		department: 'Отдел культуры, спорта и молодёжной политики',
	},
	{
		name: 'Экономика, связь, безопасность',
		topics: ['trade', 'communication', 'safety'],
		department: 'Отдел экономики, торговли и связи',
	},
];

/** The departments of the rules, one per line (names hold commas): the drop-down of «Подразделение (исправлено)». */
const CORRECTION_DEPARTMENTS = [...new Set(ROUTING_RULES.map((r) => r.department))].join('\n');

/** «МЦУ: Отчёт в Google Таблицы» (version 2: «Операция») on the credential's spreadsheet, personal data masked. */
function reportParameters(
	reportKind: string,
	sheetName: string,
	chart?: { title: string; labelHeader: string; valueHeader: string },
	more: NodeParameters = {},
): NodeParameters {
	return {
		spreadsheetId: '',
		operation: reportKind,
		sheetName,
		...more,
		...(chart ? { chart: { settings: chart } } : {}),
		maskPersonalData: true,
	};
}
const REGISTER = 'Реестр обращений';
/** The register written (intake, and the deadlines recomputed by the reminders), its corrections' drop-down filled. */
const writeRegisterParameters = (): NodeParameters =>
	reportParameters('register', REGISTER, undefined, {
		correctionDepartments: CORRECTION_DEPARTMENTS,
	});
const readRegisterParameters = (): NodeParameters => ({
	spreadsheetId: '',
	operation: 'readRegister',
	sheetName: REGISTER,
	correctionDepartments: CORRECTION_DEPARTMENTS,
});

/**
 * How the workflows that work from the register begin: by hand (node 2) or on a schedule (node 3, a cron expression),
 * the register read whole (node 4), deadlines at now (node 5).
 */
function registerAtNow(w: Canvas, schedule: string, cron: string): Canvas {
	return w
		.add(2, 'Запуск вручную', 'n8n-nodes-base.manualTrigger', 1, [0, 0])
		.add(3, schedule, 'n8n-nodes-base.scheduleTrigger', 1.2, [0, 2], {
			rule: { interval: [{ field: 'cronExpression', expression: cron }] },
		})
		.sheets(4, 'Реестр: все обращения', [1, 1], readRegisterParameters())
		.add(
			5,
			'МЦУ: Сроки',
			mcu('deadlines'),
			1,
			[2, 1],
			{ sourceDeadline: 'keep', rules: {}, options: {} },
			{ onError: 'continueRegularOutput' },
		)
		.link('Запуск вручную', 'Реестр: все обращения')
		.link(schedule, 'Реестр: все обращения')
		.link('Реестр: все обращения', 'МЦУ: Сроки');
}

const ifNotEmpty = (id: string, value: string): NodeParameters => ({
	conditions: {
		options: { caseSensitive: true, leftValue: '', typeValidation: 'loose', version: 2 },
		conditions: [
			{
				id,
				leftValue: value,
				rightValue: '',
				operator: { type: 'string', operation: 'notEmpty', singleValue: true },
			},
		],
		combinator: 'and',
	},
	options: {},
});

/**
 * Where each follow-up channel's question is sent, in the order of the «Канал вопроса» outputs: one row per channel,
 * so the switch's outputs and the senders it feeds cannot drift apart.
 */
const FOLLOW_UP: {
	channel: string;
	sender: string;
	type: string;
	credential: CredentialKey;
	parameters: NodeParameters;
}[] = [
	{
		channel: 'vk_comment',
		sender: 'ВК: спросить в комментариях',
		type: 'vk',
		credential: 'mcuVkApi',
		parameters: {
			resource: 'comment',
			operation: 'reply',
			message: '={{ $json.followUpQuestion }}',
		},
	},
	{
		channel: 'vk_message',
		sender: 'ВК: спросить в сообщениях',
		type: 'vk',
		credential: 'mcuVkApi',
		parameters: {
			resource: 'message',
			operation: 'send',
			message: '={{ $json.followUpQuestion }}',
		},
	},
	{
		channel: 'ok_comment',
		sender: 'ОК: спросить в обсуждении',
		type: 'ok',
		credential: 'mcuOkApi',
		parameters: { resource: 'comment', operation: 'reply', text: '={{ $json.followUpQuestion }}' },
	},
	{
		channel: 'telegram_message',
		sender: 'Telegram: спросить',
		type: 'telegram',
		credential: 'mcuTelegramApi',
		parameters: {
			resource: 'message',
			operation: 'send',
			chatId: '={{ $json.author.id }}',
			text: '={{ $json.followUpQuestion }}',
		},
	},
	{
		channel: 'max_message',
		sender: 'MAX: спросить',
		type: 'max',
		credential: 'mcuMaxApi',
		parameters: {
			resource: 'message',
			operation: 'send',
			recipient: 'user',
			userId: '={{ $json.author.id }}',
			text: '={{ $json.followUpQuestion }}',
			idempotencyKey: "={{ $json.id + ':followUp' }}",
			markAnswered: false,
		},
	},
];
const FOLLOW_UP_CHANNELS = FOLLOW_UP.map((f) => f.channel);

const SOURCES = ['ПОС', 'Инцидент-менеджмент', 'ВКонтакте', 'Одноклассники', 'Telegram', 'MAX'];
const INTAKE_IDS = '00000000-0000-4000-8000-';

/**
 * «МЦУ: Приём обращений»: every 15 minutes, what is new or changed at the sources, through structuring, routing,
 * deadlines and the answer check, into the register. ПОС and ИМ read since the last run (staged cursor, 5-minute
 * overlap, each change once); VK and OK re-read their last 100 threads; Telegram and MAX hand out each update once.
 * Node numbers are those of the earlier all-in-one intake, so ids of the nodes that stayed are unchanged.
 */
export function intakeWorkflow(): Workflow {
	const w = new Canvas(INTAKE_IDS);
	const sendOptions: NodeExtra = { onError: 'continueRegularOutput' };
	w.note(
		101,
		'О процессе',
		'## МЦУ: приём обращений\nКаждые 15 минут берёт из источников новое и изменённое с прошлого запуска, определяет тему, ТОТК, поселение и признаки конфликта, распределяет по подразделениям, считает сроки по производственному календарю, проверяет ответы и записывает всё в лист «Реестр обращений» общей Google Таблицы.\n\nРеестр — передача дальше: напоминания о сроках («МЦУ: Напоминания о сроках», по рабочим дням в 9:00) и отчёты («МЦУ: Отчёты», каждую ночь) читают его сами.\n\n**Координатор** меняет распределение в узле «МЦУ: Маршрутизация» — по правилу на выход.',
		[-1, -7],
		520,
		340,
	)
		.add(102, 'Запуск вручную', 'n8n-nodes-base.manualTrigger', 1, [0, 0])
		.add(103, 'Каждые 15 минут', 'n8n-nodes-base.scheduleTrigger', 1.2, [0, 2], {
			rule: { interval: [{ field: 'minutes', minutesInterval: 15 }] },
		})
		.note(
			104,
			'Источники',
			'### Источники\nПОС и Инцидент-менеджмент — только изменённое с прошлого запуска (первый запуск — за 180 дней; запуск с ошибкой не сдвигает позицию). ВКонтакте и Одноклассники — последние 100 постов и обсуждений, Telegram и MAX — новые сообщения. Если источник недоступен, остальные обрабатываются, а ошибка уходит в «Ошибки источников».',
			[1, -4],
			340,
			260,
		)
		.add(
			105,
			'ПОС',
			mcu('pos'),
			1,
			[1, -1.5],
			{
				resource: 'appeal',
				operation: 'getMany',
				onlyChanged: true,
				filters: { updatedFrom: '={{ $now.minus({ days: 180 }).toISO() }}' },
			},
			{ ...cred('mcuPosApi'), onError: 'continueErrorOutput' },
		)
		.add(
			106,
			'Инцидент-менеджмент',
			mcu('im'),
			1,
			[1, 0],
			{ resource: 'incident', operation: 'getMany', onlyChanged: true },
			{ ...cred('mcuImApi'), onError: 'continueErrorOutput' },
		)
		.add(
			107,
			'ВКонтакте',
			mcu('vk'),
			1,
			[1, 1.5],
			{ resource: 'comment', operation: 'getMany', count: 100, postId: 0 },
			{ ...cred('mcuVkApi'), onError: 'continueErrorOutput' },
		)
		.add(
			108,
			'Одноклассники',
			mcu('ok'),
			1,
			[1, 3],
			{ resource: 'comment', operation: 'getMany', topics: 100 },
			{ ...cred('mcuOkApi'), onError: 'continueErrorOutput' },
		)
		.add(
			109,
			'Telegram',
			mcu('telegram'),
			1,
			[1, 4.5],
			{ resource: 'message', operation: 'getNew' },
			{ ...cred('mcuTelegramApi'), onError: 'continueErrorOutput' },
		)
		.add(
			110,
			'MAX',
			mcu('max'),
			1,
			[1, 6],
			{ resource: 'message', operation: 'getNew' },
			{ ...cred('mcuMaxApi'), onError: 'continueErrorOutput' },
		)
		.add(111, 'Ошибки источников', 'n8n-nodes-base.noOp', 1, [2.5, 6])
		.add(112, 'Все обращения', 'n8n-nodes-base.merge', 3.2, [2.5, 1], {
			numberInputs: SOURCES.length,
		})
		.add(137, 'Ответы заявителей', mcu('satisfaction'), 1, [3.5, 1], {
			operation: 'link',
			expireDays: 7,
		})
		.add(138, 'Оценки заявителей', 'n8n-nodes-base.noOp', 1, [4.5, 3])
		.add(
			113,
			'МЦУ: Структурирование',
			mcu('structure'),
			1,
			[4.5, 1],
			{
				learnFromSheets: true,
				spreadsheetId: '',
				historySheet: 'История',
				registerSheet: REGISTER,
				options: {},
			},
			cred('mcuGoogleServiceAccountApi'),
		)
		.note(
			146,
			'Структурирование',
			'### Структурирование\nТема берётся из категории ПОС/ИМ, иначе из текста: модель, обученная на листе «История» (выгрузка ПОС/ИМ с категориями или текст и тема) и на исправлениях координатора, затем словарь. Исправления в столбцах «… (исправлено)» листа «Реестр обращений» сильнее расчёта и сохраняются между запусками; распределение учитывает их, когда источник снова присылает обращение, напоминания и отчёты — сразу.',
			[3.5, -4],
			420,
			260,
		)
		.add(114, 'Размеченные', 'n8n-nodes-base.merge', 3.2, [5.5, 1], { numberInputs: 2 })
		.add(115, 'МЦУ: Маршрутизация', mcu('routing'), 1, [6.5, 1], {
			mode: 'rules',
			matchMode: 'first',
			rules: {
				rule: ROUTING_RULES.map((r) => ({
					...r,
					responsible: '',
					telegramChatId: '',
					settlements: '',
					keywords: '',
					sources: [],
					kinds: [],
					flags: [],
					email: '',
					maxChatId: '',
					deadlineDays: 0,
				})),
			},
		})
		.note(
			116,
			'Маршрутизация',
			'### Распределение\nПравила проверяются сверху вниз: тема, поселение, источник, вид, признаки, ключевые слова → подразделение. Ответственного и его чат напоминания берут с листа «Справочник» таблицы из учётных данных Google (правило может и само назвать ответственного). Всё, что не подошло, выходит в «Не распределено». Ветки сходятся в «Распределённые» (до 10 входов; для 10+ правил добавьте второй узел Merge).',
			[5.5, -4],
			400,
			260,
		)
		.add(117, 'Распределённые', 'n8n-nodes-base.merge', 3.2, [7.5, 1], {
			numberInputs: ROUTING_RULES.length + 1,
		})
		.add(
			118,
			'МЦУ: Сроки',
			mcu('deadlines'),
			1,
			[8.5, 1],
			{ sourceDeadline: 'keep', rules: {}, options: {} },
			{ onError: 'continueRegularOutput' },
		)
		.add(125, 'МЦУ: Контроль ответов', mcu('answerCheck'), 1, [9.5, 1], {
			operation: 'check',
			options: {},
		})
		.add(126, 'Ответы вместе', 'n8n-nodes-base.merge', 3.2, [10.5, 1], { numberInputs: 2 })
		// The drop-down of «Подразделение (исправлено)»: the routing rules' departments, one per line (names hold commas).
		.sheets(119, 'Реестр обращений', [11.5, 1], writeRegisterParameters())
		.note(
			149,
			'Реестр',
			'### Реестр обращений\nСтрока на обращение, ключ — ID: запуск дописывает новые строки и меняет только изменившиеся ячейки своих столбцов. «Проверка ответа» — итог узла «МЦУ: Контроль ответов»: «Без замечаний» или «На доработку» с причинами; по нему напоминания возвращают ответ ответственному, а отчёты строят лист «Ошибки в ответах».',
			[10.5, -4],
			420,
			240,
		)
		.add(123, 'Новые в ПОС?', 'n8n-nodes-base.if', 2.2, [9.5, -1.5], {
			conditions: {
				options: { caseSensitive: true, leftValue: '', typeValidation: 'loose', version: 2 },
				conditions: [
					{
						id: 'c1',
						leftValue: '={{ $json.source }}',
						rightValue: 'pos',
						operator: { type: 'string', operation: 'equals' },
					},
					{
						id: 'c2',
						leftValue: '={{ $json.sourceStatus }}',
						rightValue: 'MODERATION_ACCEPT',
						operator: { type: 'string', operation: 'equals' },
					},
				],
				combinator: 'and',
			},
			options: {},
		})
		.add(
			124,
			'ПОС: взять в работу',
			mcu('pos'),
			1,
			[10.5, -1.5],
			{ resource: 'appeal', operation: 'takeToWork', posId: '={{ $json.externalId }}' },
			{ ...cred('mcuPosApi'), onError: 'continueRegularOutput' },
		)
		.note(
			136,
			'Оценка заявителей',
			'### Оценка заявителей\nЧерез сутки после ответа в соцсети автору задаётся вопрос «Проблема решена?» там же, где он писал. Его ответ узел «Ответы заявителей» привязывает к обращению: «нет» открывает обращение снова (статус «В работе», признаки «unsatisfied, reopened»), «да» ставит оценку. Сам ответ не считается новым обращением.\n\nЭта ветка — здесь, а не в процессе по реестру: вопросу нужны ID автора и ветки обсуждения, а в реестре их нет (он обезличен).',
			[9.5, 7.5],
			420,
			300,
		)
		.add(139, 'Кого спросить об оценке', mcu('satisfaction'), 1, [9.5, 4], {
			operation: 'ask',
			delayHours: 24,
			maxAgeDays: 14,
		})
		.add(140, 'Канал вопроса', 'n8n-nodes-base.switch', 3.2, [10.5, 4], {
			mode: 'expression',
			numberOutputs: FOLLOW_UP_CHANNELS.length,
			output: `={{ ${JSON.stringify(FOLLOW_UP_CHANNELS).replace(/"/g, "'")}.indexOf($json.followUpChannel) }}`,
		});
	FOLLOW_UP.forEach((f, i) =>
		w.add(
			141 + i,
			f.sender,
			mcu(f.type),
			1,
			[11.5, 3 + i],
			{ ...f.parameters },
			{
				...cred(f.credential),
				...sendOptions,
			},
		),
	);

	for (const trigger of ['Запуск вручную', 'Каждые 15 минут']) w.link(trigger, SOURCES);
	SOURCES.forEach((source, i) =>
		w.link(source, 'Все обращения', 0, i).link(source, 'Ошибки источников', 1),
	);
	// Replies to «Проблема решена?» are linked to their appeals before anything else sees them.
	w.link('Все обращения', 'Ответы заявителей')
		.link('Ответы заявителей', 'МЦУ: Структурирование', 0)
		.link('Ответы заявителей', 'Оценки заявителей', 1);
	// A node fed from several outputs runs once per output: merges bring the branches back together.
	w.link('МЦУ: Структурирование', 'Размеченные', 0, 0)
		.link('МЦУ: Структурирование', 'Размеченные', 1, 1)
		.link('Размеченные', 'МЦУ: Маршрутизация');
	for (let i = 0; i <= ROUTING_RULES.length; i++)
		w.link('МЦУ: Маршрутизация', 'Распределённые', i, i);
	w.link('Распределённые', 'МЦУ: Сроки').link('МЦУ: Сроки', [
		'МЦУ: Контроль ответов',
		'Новые в ПОС?',
		'Кого спросить об оценке',
	]);
	// Checked or not, every appeal goes on to the register: the verdict is one of its columns.
	w.link('МЦУ: Контроль ответов', 'Ответы вместе', 0, 0)
		.link('МЦУ: Контроль ответов', 'Ответы вместе', 1, 1)
		.link('Ответы вместе', 'Реестр обращений');
	w.link('Новые в ПОС?', 'ПОС: взять в работу', 0);
	w.link('Кого спросить об оценке', 'Канал вопроса');
	FOLLOW_UP.forEach((f, i) => w.link('Канал вопроса', f.sender, i));
	return w.workflow('McuIntake', 'МЦУ: Приём обращений', { saveManualExecutions: true });
}

/**
 * «МЦУ: Напоминания о сроках»: on working days at 9:00 the whole register is read back, the deadlines recomputed at
 * that moment and written back (so «Контроль срока» and «Осталось» are today's for every open appeal), the overdue
 * tab rebuilt and the reminders sent — to Telegram, and to MAX where the recipient has a chat there.
 */
export function remindersWorkflow(): Workflow {
	const w = new Canvas('00000000-0000-4000-8001-');
	w.note(
		1,
		'О процессе',
		'## МЦУ: напоминания о сроках\nПо рабочим дням в 9:00 читает реестр, пересчитывает сроки на текущий момент и обновляет в реестре «Контроль срока» и «Осталось / просрочено», пересобирает лист «Просроченные и истекающие» и рассылает напоминания: ответственным, руководителям, координатору и куратору по мере просрочки, а ответы, возвращённые на доработку, — ответственным с причинами. Одно напоминание получателю по обращению в день, даже если процесс запущен снова.\n\n**Контакты** — на листе «Справочник» таблицы из учётных данных Google: руководители и ответственные по подразделениям, координатор, куратор.',
		[-1, -5],
		520,
		300,
	);
	// Monday to Friday; holidays and moved working days are skipped by «МЦУ: Напоминания» (production calendar).
	registerAtNow(w, 'По рабочим дням в 9:00', '0 9 * * 1-5')
		.sheets(6, 'Реестр обращений', [3, -0.5], writeRegisterParameters())
		.sheets(7, 'Просроченные', [3, 1], reportParameters('overdue', 'Просроченные и истекающие'))
		.add(
			8,
			'МЦУ: Напоминания',
			mcu('reminders'),
			1,
			[3, 2.5],
			{ contactsFrom: 'sheet', spreadsheetId: '', sheetName: 'Справочник', options: {} },
			cred('mcuGoogleServiceAccountApi'),
		)
		.add(
			9,
			'Отправить напоминания',
			mcu('telegram'),
			1,
			[4, 2],
			{
				resource: 'message',
				operation: 'send',
				chatId: '={{ $json.telegramChatId }}',
				text: '={{ $json.text }}',
			},
			{ ...cred('mcuTelegramApi'), onError: 'continueRegularOutput' },
		)
		// Digests whose recipient has a MAX chat go there too; the key (level, recipient, day) keeps a retried run from sending twice.
		.add(
			10,
			'Есть чат в MAX?',
			'n8n-nodes-base.if',
			2.2,
			[4, 3.5],
			ifNotEmpty('m1', '={{ $json.maxChatId }}'),
		)
		.add(
			11,
			'MAX: отправить напоминания',
			mcu('max'),
			1,
			[5, 3.5],
			{
				resource: 'message',
				operation: 'send',
				recipient: 'chat',
				chatId: '={{ $json.maxChatId }}',
				text: '={{ $json.text }}',
				idempotencyKey: "={{ 'reminder:' + $json.digestKey }}",
				markAnswered: false,
			},
			{ ...cred('mcuMaxApi'), onError: 'continueRegularOutput' },
		);
	w.link('МЦУ: Сроки', ['Реестр обращений', 'Просроченные', 'МЦУ: Напоминания']);
	w.link('МЦУ: Напоминания', ['Отправить напоминания', 'Есть чат в MAX?']).link(
		'Есть чат в MAX?',
		'MAX: отправить напоминания',
		0,
	);
	return w.workflow('McuReminders', 'МЦУ: Напоминания о сроках', { saveManualExecutions: true });
}

/**
 * «МЦУ: Отчёты»: nightly, from the whole register — answer errors (its «Проверка ответа» column: every current one,
 * not only the last run's), ratings of departments and settlements, the summary and the ССТУ table.
 */
export function reportsWorkflow(): Workflow {
	const w = new Canvas('00000000-0000-4000-8002-');
	const ratingPeriod = {
		from: "={{ $now.minus({ days: 90 }).startOf('day').toISO() }}",
		to: '={{ $now.toISO() }}',
	};
	w.note(
		1,
		'О процессе',
		'## МЦУ: отчёты\nКаждую ночь в 2:00 читает реестр целиком и пересобирает листы: «Ошибки в ответах» (по столбцу реестра «Проверка ответа» — все ответы на доработку и с замечаниями), рейтинги подразделений и поселений за 90 дней, сводку за 30 дней и таблицу ССТУ за прошлый месяц. Сроки пересчитываются на момент запуска.',
		[-1, -5],
		520,
		240,
	);
	registerAtNow(w, 'Каждую ночь в 2:00', '0 2 * * *')
		.sheets(6, 'Ошибки в ответах', [3, -1], reportParameters('answerErrors', 'Ошибки в ответах'))
		.add(7, 'Рейтинг подразделений', mcu('rating'), 1, [3, 0.5], {
			operation: 'rating',
			groupBy: 'department',
			...ratingPeriod,
			options: {},
		})
		.add(8, 'Рейтинг поселений', mcu('rating'), 1, [3, 2], {
			operation: 'rating',
			groupBy: 'settlement',
			...ratingPeriod,
			options: {},
		})
		.add(9, 'Сводка', mcu('rating'), 1, [3, 3.5], {
			operation: 'summary',
			from: "={{ $now.minus({ days: 30 }).startOf('day').toISO() }}",
			to: '={{ $now.toISO() }}',
		})
		.add(10, 'Таблица ССТУ', mcu('rating'), 1, [3, 5], {
			operation: 'sstu',
			month: "={{ $now.minus({ months: 1 }).toFormat('yyyy-MM') }}",
		})
		.sheets(
			11,
			'Лист «Рейтинг»',
			[4, 0.5],
			reportParameters('table', 'Рейтинг подразделений', {
				title: 'Балл подразделений',
				labelHeader: 'Подразделение',
				valueHeader: 'Балл',
			}),
		)
		.sheets(12, 'Лист «Рейтинг поселений»', [4, 2], reportParameters('table', 'Рейтинг поселений'))
		.sheets(
			13,
			'Лист «Сводка»',
			[4, 3.5],
			reportParameters('table', 'Сводка', {
				title: 'Обращения по темам и поселениям',
				labelHeader: 'Показатель',
				valueHeader: 'Значение',
			}),
		)
		.sheets(14, 'Лист «ССТУ»', [4, 5], reportParameters('table', 'ССТУ (прошлый месяц)'));
	w.link('МЦУ: Сроки', [
		'Ошибки в ответах',
		'Рейтинг подразделений',
		'Рейтинг поселений',
		'Сводка',
		'Таблица ССТУ',
	]);
	for (const [from, to] of [
		['Рейтинг подразделений', 'Лист «Рейтинг»'],
		['Рейтинг поселений', 'Лист «Рейтинг поселений»'],
		['Сводка', 'Лист «Сводка»'],
		['Таблица ССТУ', 'Лист «ССТУ»'],
	])
		w.link(from, to);
	return w.workflow('McuReports', 'МЦУ: Отчёты', { saveManualExecutions: true });
}

/** «Справочник» of the district's spreadsheet (the credential's «Таблица МЦУ»): its contacts, one item each. */
const directory = (position: [number, number]) =>
	node(
		'Справочник',
		mcu('reportSheets'),
		2,
		position,
		{ spreadsheetId: '', operation: 'directory', sheetName: '' },
		cred('mcuGoogleServiceAccountApi'),
	);

/** A Filter node keeping the contacts of the roles matched by `rolePattern` that have a Telegram chat. */
function byRole(name: string, rolePattern: string, position: [number, number]): Json {
	return node(name, 'n8n-nodes-base.filter', 2.2, position, {
		conditions: {
			options: { caseSensitive: true, leftValue: '', typeValidation: 'loose', version: 2 },
			conditions: [
				{
					id: 'role',
					leftValue: '={{ $json.role }}',
					rightValue: rolePattern,
					operator: { type: 'string', operation: 'regex' },
				},
				{
					id: 'telegram',
					leftValue: '={{ $json.telegramChatId }}',
					rightValue: '',
					operator: { type: 'string', operation: 'notEmpty', singleValue: true },
				},
			],
			combinator: 'and',
		},
		options: {},
	});
}

/** A Telegram message to each contact passed on, in the chat «Справочник» gives for them. */
const toContacts = (name: string, position: [number, number], text: string): Json =>
	node(
		name,
		mcu('telegram'),
		1,
		position,
		{ resource: 'message', operation: 'send', chatId: '={{ $json.telegramChatId }}', text },
		cred('mcuTelegramApi'),
	);

export function weeklyWorkflow(): Json {
	startIds(300);
	const c: Connections = {};
	const nodes: Json[] = [
		sticky(
			'О процессе',
			'## МЦУ: еженедельное сообщение\nПо понедельникам в 8:30 сообщает куратору и координатору, что отчёты обновлены, со ссылкой на таблицу. Кому писать — роли «Куратор» и «Координатор» на листе «Справочник» таблицы из учётных данных Google. Сами листы обновляет процесс «Приём и контроль обращений».',
			[-460, -260],
			440,
			200,
		),
		node('По понедельникам', 'n8n-nodes-base.scheduleTrigger', 1.2, [-380, 0], {
			rule: {
				interval: [{ field: 'weeks', triggerAtDay: [1], triggerAtHour: 8, triggerAtMinute: 30 }],
			},
		}),
		directory([-140, 0]),
		byRole('Куратор и координатор', '^(Куратор|Координатор)$', [100, 0]),
		toContacts(
			'Отправить',
			[340, 0],
			// The link of the spreadsheet «Справочник» was read from (the credential's): the district's own table.
			'=Еженедельные отчёты МЦУ обновлены: реестр, просроченные, ошибки в ответах, рейтинг подразделений и поселений, сводка, таблица ССТУ.\n{{ $json.spreadsheetUrl }}',
		),
	];
	connect(c, 'По понедельникам', 'Справочник');
	connect(c, 'Справочник', 'Куратор и координатор');
	connect(c, 'Куратор и координатор', 'Отправить');
	return workflowFile('McuWeekly', 'МЦУ: Еженедельное сообщение куратору', nodes, c, {
		executionOrder: 'v1',
		timezone: 'Europe/Moscow',
	});
}

export function errorsWorkflow(): Json {
	startIds(400);
	const c: Connections = {};
	const nodes: Json[] = [
		sticky(
			'О процессе',
			'## МЦУ: ошибки процессов\nВыберите этот процесс как «Error Workflow» в настройках остальных. Техническому специалисту (роль «Технический специалист» на листе «Справочник») уходит: какой процесс и узел упали и на какой записи.',
			[-460, -260],
			440,
			200,
		),
		node('Ошибка процесса', 'n8n-nodes-base.errorTrigger', 1, [-380, 0], {}),
		node('Текст', 'n8n-nodes-base.code', 2, [-140, 0], {
			jsCode:
				"const e = $json.execution ?? {};\nconst wf = $json.workflow ?? {};\nconst err = e.error ?? {};\nconst text = [`Сбой процесса «${wf.name ?? wf.id}»`, `узел: ${e.lastNodeExecuted ?? err.node?.name ?? '—'}`, `ошибка: ${err.message ?? '—'}`, err.description ? `запись: ${err.description}` : '', e.url ? `выполнение: ${e.url}` : ''].filter(Boolean).join('\\n');\nreturn [{ json: { text } }];",
		}),
		directory([100, 0]),
		byRole('Технический специалист', '^Технический специалист$', [340, 0]),
		toContacts('Техническому специалисту', [580, 0], "={{ $('Текст').first().json.text }}"),
	];
	connect(c, 'Ошибка процесса', 'Текст');
	connect(c, 'Текст', 'Справочник');
	connect(c, 'Справочник', 'Технический специалист');
	connect(c, 'Технический специалист', 'Техническому специалисту');
	return workflowFile('McuErrors', 'МЦУ: Ошибки процессов', nodes, c, { executionOrder: 'v1' });
}

/** Sample appeals around the May 2026 holidays for the deadlines example; the last has a malformed date. */
const DEADLINE_SAMPLES = [
	{
		id: 'pos:100501',
		source: 'pos',
		externalId: '100501',
		kind: 'appeal59',
		receivedAt: '2026-04-09T20:15:00+03:00',
		registeredAt: '2026-04-10T09:30:00+03:00',
		text: 'Прошу отремонтировать дорогу на ул. Советской',
		answeredAt: null,
	},
	{
		id: 'im:77812',
		source: 'im',
		externalId: '77812',
		kind: 'incident',
		receivedAt: '2026-05-08T16:00:00+03:00',
		registeredAt: '2026-05-08T16:05:00+03:00',
		text: 'Нет воды в доме по ул. Октябрьской',
		answeredAt: null,
	},
	{
		id: 'vk:-2026_4410',
		source: 'vk',
		externalId: '-2026_4410',
		kind: 'comment',
		receivedAt: '2026-04-30T15:00:00+03:00',
		registeredAt: null,
		text: 'Когда уберут мусор у остановки?',
		answeredAt: '2026-05-04T12:00:00+03:00',
	},
	{
		id: 'pos:100777',
		source: 'pos',
		externalId: '100777',
		kind: 'message',
		receivedAt: '2026-04-20T10:00:00+03:00',
		registeredAt: '2026-04-20T10:00:00+03:00',
		text: 'Не горят фонари в пос. Дедовичи',
		answeredAt: null,
	},
	{
		id: 'pos:100999',
		source: 'pos',
		externalId: '100999',
		kind: 'message',
		receivedAt: '2026-05-10T11:00:00+03:00',
		registeredAt: '10.05.2026',
		text: 'Запись с датой не в формате ISO',
		answeredAt: null,
	},
].map(({ answeredAt, ...a }) => ({ ...a, deadline: null, extendedDeadline: null, answeredAt }));

export function deadlinesDemoWorkflow(): Json {
	startIds(0, 'b1d6a0f0-0000-4000-8000-');
	const c: Connections = {};
	const jsCode = `// Обращения вокруг майских праздников 2026 года; последнее — с ошибкой в дате.\nconst appeals = ${JSON.stringify(DEADLINE_SAMPLES, null, 2)};\nreturn appeals.map((json) => ({ json }));`;
	const nodes: Json[] = [
		node('Запуск', 'n8n-nodes-base.manualTrigger', 1, at(0), {}),
		node('Пример обращений', 'n8n-nodes-base.code', 2, at(1), { jsCode }),
		// A fixed «now» keeps the example's statuses the same whenever it runs.
		node(
			'МЦУ: Сроки',
			mcu('deadlines'),
			1,
			at(2),
			{ now: '2026-05-12T10:00:00+03:00', sourceDeadline: 'keep', rules: {}, options: {} },
			{ onError: 'continueErrorOutput' },
		),
		node('Записи с ошибками', 'n8n-nodes-base.noOp', 1, at(3, 1), {}),
		node('Сроки рассчитаны', 'n8n-nodes-base.noOp', 1, at(3, -1), {}),
	];
	connect(c, 'Запуск', 'Пример обращений');
	connect(c, 'Пример обращений', 'МЦУ: Сроки');
	connect(c, 'МЦУ: Сроки', 'Сроки рассчитаны', 0);
	connect(c, 'МЦУ: Сроки', 'Записи с ошибками', 1);
	return workflowFile(
		'McuDeadlinesDemo',
		'МЦУ: Проверка сроков (пример, майские праздники 2026)',
		nodes,
		c,
		{ executionOrder: 'v1', timezone: 'Europe/Moscow' },
	);
}

/** Every shipped workflow by its file in workflows/: the files are exactly this output (a unit test checks it). */
export function shippedWorkflows(): Record<string, Json> {
	return {
		'intake.json': intakeWorkflow(),
		'reminders.json': remindersWorkflow(),
		'reports.json': reportsWorkflow(),
		'weekly.json': weeklyWorkflow(),
		'errors.json': errorsWorkflow(),
		'deadlines-demo.json': deadlinesDemoWorkflow(),
	};
}

export const workflowFileText = (workflow: Json): string =>
	`${JSON.stringify(workflow, null, 2)}\n`;

if (require.main === module) {
	const dir = path.join(__dirname, '..', 'workflows');
	for (const [file, wf] of Object.entries(shippedWorkflows())) {
		fs.writeFileSync(path.join(dir, file), workflowFileText(wf));
		console.log(`workflows/${file}`);
	}
}
