/**
 * Generates the ready-made workflows in workflows/*.json (run: npx tsx scripts/workflows.ts). The JSON files are
 * what users import; this script keeps node ids, positions and credential references consistent.
 */
import fs from 'node:fs';
import path from 'node:path';

type Json = Record<string, unknown>;

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

export const SPREADSHEET_ID = 'mcu-demo-spreadsheet';

/** Node ids: a prefix per workflow and a counter, so that regenerating keeps every id (and n8n's history) stable. */
let idPrefix = '00000000-0000-4000-8000-';
let counter = 0;
function startIds(start: number, prefix = '00000000-0000-4000-8000-'): void {
	idPrefix = prefix;
	counter = start;
}
function node(name: string, type: string, typeVersion: number, position: [number, number], parameters: Json, extra: Json = {}): Json {
	counter++;
	return { id: `${idPrefix}${String(counter).padStart(12, '0')}`, name, type, typeVersion, position, parameters, ...extra };
}

/** Canvas layout: a node's place by column (left to right, the data's way) and row, on n8n's grid. */
const COLUMN = 220;
const ROW = 120;
const at = (column: number, row = 0): [number, number] => [column * COLUMN, row * ROW];
const mcu = (type: string) => `n8n-nodes-mcu.${type}`;
const cred = (key: keyof typeof CREDENTIALS) => ({ credentials: { [key]: CREDENTIALS[key] } });
const sticky = (name: string, content: string, position: [number, number], width = 380, height = 220) =>
	node(name, 'n8n-nodes-base.stickyNote', 1, position, { content, width, height });

type Connections = Record<string, { main: Array<Array<{ node: string; type: 'main'; index: number }>> }>;
function connect(connections: Connections, from: string, to: string, output = 0, input = 0): void {
	connections[from] ??= { main: [] };
	while (connections[from].main.length <= output) connections[from].main.push([]);
	connections[from].main[output].push({ node: to, type: 'main', index: input });
}

/** Routing of the model district: topic → department, responsible and their Telegram chat (coordinator edits these). */
const ROUTING_RULES = [
	{ name: 'Дороги и транспорт', topics: ['roads', 'transport'], department: 'Отдел дорожного хозяйства и транспорта', responsible: 'Смирнов П. А.', telegramChatId: '5001' },
	{ name: 'Водоснабжение', topics: ['water'], department: 'МУП «Дедовичский водоканал»', responsible: 'Орлов В. И.', telegramChatId: '5002' },
	{ name: 'Отопление', topics: ['heating'], department: 'МУП «Тепловые сети Дедовичи»', responsible: 'Зайцев Р. А.', telegramChatId: '5003' },
	{ name: 'ЖКХ и электроснабжение', topics: ['electricity', 'utilities', 'housing'], department: 'Отдел ЖКХ и строительства', responsible: 'Петров П. С.', telegramChatId: '5004' },
	{ name: 'Благоустройство и мусор', topics: ['improvement', 'lighting', 'waste', 'animals'], department: 'Отдел благоустройства', responsible: 'Федорова И. О.', telegramChatId: '5005' },
	{ name: 'Образование', topics: ['education'], department: 'Управление образования Дедовичского района', responsible: 'Николаева С. И.', telegramChatId: '5006' },
	{ name: 'Соцзащита и здравоохранение', topics: ['social', 'health'], department: 'Отдел социальной защиты', responsible: 'Егорова М. В.', telegramChatId: '5007' },
	{ name: 'Культура и спорт', topics: ['culture_sport'], department: 'Отдел культуры, спорта и молодёжной политики', responsible: 'Соколов Д. Ю.', telegramChatId: '5008' },
	{ name: 'Экономика, связь, безопасность', topics: ['trade', 'communication', 'safety'], department: 'Отдел экономики, торговли и связи', responsible: 'Григорьев А. В.', telegramChatId: '5009' },
];

const HEADS = [
	['Отдел дорожного хозяйства и транспорта', 'Смирнов Пётр Андреевич', '6001'],
	['МУП «Дедовичский водоканал»', 'Орлов Виктор Иванович', '6002'],
	['МУП «Тепловые сети Дедовичи»', 'Зайцев Роман Александрович', '6003'],
	['Отдел ЖКХ и строительства', 'Петров Павел Сергеевич', '6004'],
	['Отдел благоустройства', 'Федорова Ирина Олеговна', '6005'],
	['Управление образования Дедовичского района', 'Николаева Светлана Ивановна', '6006'],
	['Отдел социальной защиты', 'Егорова Марина Викторовна', '6007'],
	['Отдел культуры, спорта и молодёжной политики', 'Соколов Дмитрий Юрьевич', '6008'],
	['Отдел экономики, торговли и связи', 'Григорьев Андрей Валерьевич', '6009'],
];

function report(name: string, reportKind: string, sheetName: string, position: [number, number], chart?: { title: string; labelHeader: string; valueHeader: string }, more: Json = {}): Json {
	return node(name, mcu('reportSheets'), 1, position, { spreadsheetId: SPREADSHEET_ID, report: reportKind, sheetName, ...more, ...(chart ? { chart: { settings: chart } } : {}), maskPersonalData: true }, cred('mcuGoogleServiceAccountApi'));
}

/** Where each follow-up channel's question is sent, in the order of the «Канал вопроса» outputs. */
const FOLLOW_UP_CHANNELS = ['vk_comment', 'vk_message', 'ok_comment', 'telegram_message', 'max_message'];
const FOLLOW_UP_SENDERS = ['ВК: спросить в комментариях', 'ВК: спросить в сообщениях', 'ОК: спросить в обсуждении', 'Telegram: спросить', 'MAX: спросить'];

/**
 * The satisfaction follow-up lives in the intake workflow: its question and the author's reply are linked through
 * this workflow's static data, and the replies arrive with the sources this workflow already reads.
 */
function followUpNodes(): Json[] {
	const sendOptions = { onError: 'continueRegularOutput' };
	return [
		sticky('Оценка заявителей', '### Оценка заявителей\nЧерез сутки после ответа в соцсети автору задаётся вопрос «Проблема решена?» там же, где он писал. Его ответ узел «Ответы заявителей» привязывает к обращению: «нет» открывает обращение снова (статус «В работе», признаки «unsatisfied, reopened»), «да» ставит оценку. Сам ответ не считается новым обращением.', [1060, 1040], 320, 260),
		node('Ответы заявителей', mcu('satisfaction'), 1, [220, 330], { operation: 'link', expireDays: 7 }),
		node('Оценки заявителей', 'n8n-nodes-base.noOp', 1, [440, 420], {}),
		node('Кого спросить об оценке', mcu('satisfaction'), 1, [1420, 1120], { operation: 'ask', delayHours: 24, maxAgeDays: 14 }),
		node('Канал вопроса', 'n8n-nodes-base.switch', 3.2, [1660, 1120], {
			mode: 'expression',
			numberOutputs: FOLLOW_UP_CHANNELS.length,
			output: `={{ ${JSON.stringify(FOLLOW_UP_CHANNELS).replace(/"/g, "'")}.indexOf($json.followUpChannel) }}`,
		}),
		node(FOLLOW_UP_SENDERS[0], mcu('vk'), 1, [1900, 1060], { resource: 'comment', operation: 'reply', message: '={{ $json.followUpQuestion }}' }, { ...cred('mcuVkApi'), ...sendOptions }),
		node(FOLLOW_UP_SENDERS[1], mcu('vk'), 1, [1900, 1180], { resource: 'message', operation: 'send', message: '={{ $json.followUpQuestion }}' }, { ...cred('mcuVkApi'), ...sendOptions }),
		node(FOLLOW_UP_SENDERS[2], mcu('ok'), 1, [1900, 1300], { resource: 'comment', operation: 'reply', text: '={{ $json.followUpQuestion }}' }, { ...cred('mcuOkApi'), ...sendOptions }),
		node(FOLLOW_UP_SENDERS[3], mcu('telegram'), 1, [1900, 1420], { resource: 'message', operation: 'send', chatId: '={{ $json.author.id }}', text: '={{ $json.followUpQuestion }}' }, { ...cred('mcuTelegramApi'), ...sendOptions }),
		node(FOLLOW_UP_SENDERS[4], mcu('max'), 1, [1900, 1540], { resource: 'message', operation: 'send', recipient: 'user', userId: '={{ $json.author.id }}', text: '={{ $json.followUpQuestion }}', idempotencyKey: "={{ $json.id + ':followUp' }}", markAnswered: false }, { ...cred('mcuMaxApi'), ...sendOptions }),
	];
}

export function intakeWorkflow(): Json {
	startIds(100);
	const c: Connections = {};
	const nodes: Json[] = [
		sticky('О процессе', '## МЦУ: приём и контроль обращений\nКаждые 15 минут читает все источники, определяет тему, ТОТК, поселение и признаки конфликта, распределяет по подразделениям, считает сроки по производственному календарю и обновляет общую Google Таблицу: реестр, просроченные, ошибки в ответах, рейтинг, сводку и таблицу ССТУ. В рабочее время ответственным уходят напоминания о сроках и ответы, возвращённые на доработку с причинами.\n\n**Координатор** меняет распределение в узле «МЦУ: Маршрутизация» — по правилу на выход.', [-560, -700], 460, 300),
		node('Запуск вручную', 'n8n-nodes-base.manualTrigger', 1, [-440, 0], {}),
		node('Каждые 15 минут', 'n8n-nodes-base.scheduleTrigger', 1.2, [-440, 200], { rule: { interval: [{ field: 'minutes', minutesInterval: 15 }] } }),
		sticky('Источники', '### Источники\nПОС, Инцидент-менеджмент, ВКонтакте, Одноклассники, Telegram-бот, бот в MAX. Если источник недоступен, остальные обрабатываются, а ошибка уходит в «Ошибки источников».', [-220, -330], 300, 160),
		node('ПОС', mcu('pos'), 1, [-180, -160], { resource: 'appeal', operation: 'getMany', returnAll: true, filters: { updatedFrom: '={{ $now.minus({ days: 180 }).toISO() }}' } }, { ...cred('mcuPosApi'), onError: 'continueErrorOutput' }),
		node('Инцидент-менеджмент', mcu('im'), 1, [-180, 0], { resource: 'incident', operation: 'getMany', returnAll: true }, { ...cred('mcuImApi'), onError: 'continueErrorOutput' }),
		node('ВКонтакте', mcu('vk'), 1, [-180, 160], { resource: 'comment', operation: 'getMany', count: 100, postId: 0 }, { ...cred('mcuVkApi'), onError: 'continueErrorOutput' }),
		node('Одноклассники', mcu('ok'), 1, [-180, 320], { resource: 'comment', operation: 'getMany', topics: 100 }, { ...cred('mcuOkApi'), onError: 'continueErrorOutput' }),
		node('Telegram', mcu('telegram'), 1, [-180, 480], { resource: 'message', operation: 'getNew' }, { ...cred('mcuTelegramApi'), onError: 'continueErrorOutput' }),
		node('MAX', mcu('max'), 1, [-180, 640], { resource: 'message', operation: 'getNew' }, { ...cred('mcuMaxApi'), onError: 'continueErrorOutput' }),
		node('Ошибки источников', 'n8n-nodes-base.noOp', 1, [80, 640], {}),
		node('Все обращения', 'n8n-nodes-base.merge', 3.2, [100, 120], { numberInputs: 6 }),
		node('МЦУ: Структурирование', mcu('structure'), 1, [320, 120], { learnFromSheets: true, spreadsheetId: SPREADSHEET_ID, historySheet: 'История', registerSheet: 'Реестр обращений', options: {} }, cred('mcuGoogleServiceAccountApi')),
		node('Размеченные', 'n8n-nodes-base.merge', 3.2, [520, 140], { numberInputs: 2 }),
		node('МЦУ: Маршрутизация', mcu('routing'), 1, [720, 120], {
			mode: 'rules',
			matchMode: 'first',
			rules: { rule: ROUTING_RULES.map((r) => ({ ...r, settlements: '', keywords: '', sources: [], kinds: [], flags: [], email: '', maxChatId: '', deadlineDays: 0 })) },
		}),
		sticky('Маршрутизация', '### Распределение\nПравила проверяются сверху вниз: тема, поселение, источник, вид, признаки, ключевые слова → подразделение, ответственный, его Telegram. Всё, что не подошло, выходит в «Не распределено». Ветки сходятся в «Распределённые» (до 10 входов; для 10+ правил добавьте второй узел Merge).', [640, -160], 360, 190),
		node('Распределённые', 'n8n-nodes-base.merge', 3.2, [960, 140], { numberInputs: ROUTING_RULES.length + 1 }),
		node('МЦУ: Сроки', mcu('deadlines'), 1, [1160, 120], { sourceDeadline: 'keep', rules: {}, options: {} }, { onError: 'continueRegularOutput' }),
		// The drop-down of «Подразделение (исправлено)»: the routing rules' departments, one per line (names hold commas).
		report('Реестр обращений', 'register', 'Реестр обращений', [1420, -200], undefined, { correctionDepartments: [...new Set(ROUTING_RULES.map((r) => r.department))].join('\n') }),
		report('Просроченные', 'overdue', 'Просроченные и истекающие', [1420, -40]),
		node('МЦУ: Напоминания', mcu('reminders'), 1, [1420, 120], {
			heads: { head: HEADS.map(([department, name, telegramChatId]) => ({ department, name, telegramChatId, maxChatId: '', email: '' })) },
			people: {},
			coordinator: { contact: { name: 'Координатор МЦУ', telegramChatId: '7001', email: '' } },
			curator: { contact: { name: 'Куратор МЦУ (первый заместитель Главы)', telegramChatId: '7002', email: '' } },
			options: {},
		}),
		node('Отправить напоминания', mcu('telegram'), 1, [1660, 120], { resource: 'message', operation: 'send', chatId: '={{ $json.telegramChatId }}', text: '={{ $json.text }}' }, { ...cred('mcuTelegramApi'), onError: 'continueRegularOutput' }),
		node('Новые в ПОС?', 'n8n-nodes-base.if', 2.2, [1420, 300], {
			conditions: {
				options: { caseSensitive: true, leftValue: '', typeValidation: 'loose', version: 2 },
				conditions: [
					{ id: 'c1', leftValue: '={{ $json.source }}', rightValue: 'pos', operator: { type: 'string', operation: 'equals' } },
					{ id: 'c2', leftValue: '={{ $json.sourceStatus }}', rightValue: 'MODERATION_ACCEPT', operator: { type: 'string', operation: 'equals' } },
				],
				combinator: 'and',
			},
			options: {},
		}),
		node('ПОС: взять в работу', mcu('pos'), 1, [1660, 280], { resource: 'appeal', operation: 'takeToWork', posId: '={{ $json.externalId }}' }, { ...cred('mcuPosApi'), onError: 'continueRegularOutput' }),
		node('МЦУ: Контроль ответов', mcu('answerCheck'), 1, [1420, 480], { operation: 'check', options: {} }),
		node('Ответы вместе', 'n8n-nodes-base.merge', 3.2, [1660, 520], { numberInputs: 2 }),
		report('Ошибки в ответах', 'answerErrors', 'Ошибки в ответах', [1660, 700]),
		node('Рейтинг подразделений', mcu('rating'), 1, [1900, 380], { operation: 'rating', groupBy: 'department', from: "={{ $now.minus({ days: 90 }).startOf('day').toISO() }}", to: '={{ $now.toISO() }}', options: {} }),
		node('Рейтинг поселений', mcu('rating'), 1, [1900, 540], { operation: 'rating', groupBy: 'settlement', from: "={{ $now.minus({ days: 90 }).startOf('day').toISO() }}", to: '={{ $now.toISO() }}', options: {} }),
		node('Сводка', mcu('rating'), 1, [1900, 700], { operation: 'summary', from: "={{ $now.minus({ days: 30 }).startOf('day').toISO() }}", to: '={{ $now.toISO() }}' }),
		node('Таблица ССТУ', mcu('rating'), 1, [1900, 860], { operation: 'sstu', month: "={{ $now.minus({ months: 1 }).toFormat('yyyy-MM') }}" }),
		report('Лист «Рейтинг»', 'table', 'Рейтинг подразделений', [2140, 380], { title: 'Балл подразделений', labelHeader: 'Подразделение', valueHeader: 'Балл' }),
		report('Лист «Рейтинг поселений»', 'table', 'Рейтинг поселений', [2140, 540]),
		report('Лист «Сводка»', 'table', 'Сводка', [2140, 700], { title: 'Обращения по темам и поселениям', labelHeader: 'Показатель', valueHeader: 'Значение' }),
		report('Лист «ССТУ»', 'table', 'ССТУ (прошлый месяц)', [2140, 860]),
		...followUpNodes(),
		sticky('Структурирование', '### Структурирование\nТема берётся из категории ПОС/ИМ, иначе из текста: модель, обученная на листе «История» (выгрузка ПОС/ИМ с категориями или текст и тема) и на исправлениях координатора, затем словарь. Исправления в столбцах «… (исправлено)» листа «Реестр обращений» сильнее расчёта и сохраняются между запусками.', [200, -160], 400, 200),
		// Added after the others so the earlier nodes keep their ids.
		// Digests whose recipient has a MAX chat go there too; the key (level, recipient, day) keeps a retried run from sending twice.
		node('Есть чат в MAX?', 'n8n-nodes-base.if', 2.2, [1660, -40], {
			conditions: {
				options: { caseSensitive: true, leftValue: '', typeValidation: 'loose', version: 2 },
				conditions: [{ id: 'm1', leftValue: '={{ $json.maxChatId }}', rightValue: '', operator: { type: 'string', operation: 'notEmpty', singleValue: true } }],
				combinator: 'and',
			},
			options: {},
		}),
		node('MAX: отправить напоминания', mcu('max'), 1, [1900, -40], { resource: 'message', operation: 'send', recipient: 'chat', chatId: '={{ $json.maxChatId }}', text: '={{ $json.text }}', idempotencyKey: "={{ 'reminder:' + $json.digestKey }}", markAnswered: false }, { ...cred('mcuMaxApi'), onError: 'continueRegularOutput' }),
	];
	connect(c, 'Запуск вручную', 'ПОС');
	connect(c, 'Каждые 15 минут', 'ПОС');
	for (const from of ['Запуск вручную', 'Каждые 15 минут']) for (const to of ['Инцидент-менеджмент', 'ВКонтакте', 'Одноклассники', 'Telegram', 'MAX']) connect(c, from, to);
	['ПОС', 'Инцидент-менеджмент', 'ВКонтакте', 'Одноклассники', 'Telegram', 'MAX'].forEach((source, i) => {
		connect(c, source, 'Все обращения', 0, i);
		connect(c, source, 'Ошибки источников', 1);
	});
	// Replies to «Проблема решена?» are linked to their appeals before anything else sees them.
	connect(c, 'Все обращения', 'Ответы заявителей');
	connect(c, 'Ответы заявителей', 'МЦУ: Структурирование', 0);
	connect(c, 'Ответы заявителей', 'Оценки заявителей', 1);
	// A node fed from several outputs runs once per output: merges bring the branches back together.
	connect(c, 'МЦУ: Структурирование', 'Размеченные', 0, 0);
	connect(c, 'МЦУ: Структурирование', 'Размеченные', 1, 1);
	connect(c, 'Размеченные', 'МЦУ: Маршрутизация');
	for (let i = 0; i <= ROUTING_RULES.length; i++) connect(c, 'МЦУ: Маршрутизация', 'Распределённые', i, i);
	connect(c, 'Распределённые', 'МЦУ: Сроки');
	for (const to of ['Реестр обращений', 'Просроченные', 'Новые в ПОС?', 'МЦУ: Контроль ответов']) connect(c, 'МЦУ: Сроки', to);
	// Reminders see the answer checks too: an answer with errors goes back to the responsible with the reasons.
	connect(c, 'Ответы вместе', 'МЦУ: Напоминания');
	connect(c, 'МЦУ: Напоминания', 'Отправить напоминания');
	connect(c, 'МЦУ: Напоминания', 'Есть чат в MAX?');
	connect(c, 'Есть чат в MAX?', 'MAX: отправить напоминания', 0);
	connect(c, 'МЦУ: Сроки', 'Кого спросить об оценке');
	connect(c, 'Кого спросить об оценке', 'Канал вопроса');
	FOLLOW_UP_SENDERS.forEach((sender, i) => connect(c, 'Канал вопроса', sender, i));
	connect(c, 'Новые в ПОС?', 'ПОС: взять в работу', 0);
	connect(c, 'МЦУ: Контроль ответов', 'Ответы вместе', 0, 0);
	connect(c, 'МЦУ: Контроль ответов', 'Ответы вместе', 1, 1);
	connect(c, 'Ответы вместе', 'Ошибки в ответах');
	for (const [from, to] of [['Рейтинг подразделений', 'Лист «Рейтинг»'], ['Рейтинг поселений', 'Лист «Рейтинг поселений»'], ['Сводка', 'Лист «Сводка»'], ['Таблица ССТУ', 'Лист «ССТУ»']]) {
		connect(c, 'Ответы вместе', from);
		connect(c, from, to);
	}
	return { id: 'McuIntake', name: 'МЦУ: Приём и контроль обращений', active: false, nodes, connections: c, settings: { executionOrder: 'v1', timezone: 'Europe/Moscow', saveManualExecutions: true }, pinData: {}, tags: [] };
}

/** «Справочник» of the district's spreadsheet (the credential's «Таблица МЦУ»): its contacts, one item each. */
const directory = (position: [number, number]) => node('Справочник', mcu('reportSheets'), 1, position, { spreadsheetId: '', report: 'directory', sheetName: '' }, cred('mcuGoogleServiceAccountApi'));

/** A Filter node keeping the contacts of the roles matched by `rolePattern` that have a Telegram chat. */
function byRole(name: string, rolePattern: string, position: [number, number]): Json {
	return node(name, 'n8n-nodes-base.filter', 2.2, position, {
		conditions: {
			options: { caseSensitive: true, leftValue: '', typeValidation: 'loose', version: 2 },
			conditions: [
				{ id: 'role', leftValue: '={{ $json.role }}', rightValue: rolePattern, operator: { type: 'string', operation: 'regex' } },
				{ id: 'telegram', leftValue: '={{ $json.telegramChatId }}', rightValue: '', operator: { type: 'string', operation: 'notEmpty', singleValue: true } },
			],
			combinator: 'and',
		},
		options: {},
	});
}

export function weeklyWorkflow(): Json {
	startIds(300);
	const c: Connections = {};
	const nodes: Json[] = [
		sticky('О процессе', '## МЦУ: еженедельное сообщение\nПо понедельникам в 8:30 сообщает куратору и координатору, что отчёты обновлены, со ссылкой на таблицу. Кому писать — роли «Куратор» и «Координатор» на листе «Справочник» таблицы из учётных данных Google. Сами листы обновляет процесс «Приём и контроль обращений».', [-460, -260], 440, 200),
		node('По понедельникам', 'n8n-nodes-base.scheduleTrigger', 1.2, [-380, 0], { rule: { interval: [{ field: 'weeks', triggerAtDay: [1], triggerAtHour: 8, triggerAtMinute: 30 }] } }),
		directory([-140, 0]),
		byRole('Куратор и координатор', '^(Куратор|Координатор)$', [100, 0]),
		node('Отправить', mcu('telegram'), 1, [340, 0], {
			resource: 'message',
			operation: 'send',
			chatId: '={{ $json.telegramChatId }}',
			// The link of the spreadsheet «Справочник» was read from (the credential's): the district's own table.
			text: '=Еженедельные отчёты МЦУ обновлены: реестр, просроченные, ошибки в ответах, рейтинг подразделений и поселений, сводка, таблица ССТУ.\n{{ $json.spreadsheetUrl }}',
		}, cred('mcuTelegramApi')),
	];
	connect(c, 'По понедельникам', 'Справочник');
	connect(c, 'Справочник', 'Куратор и координатор');
	connect(c, 'Куратор и координатор', 'Отправить');
	return { id: 'McuWeekly', name: 'МЦУ: Еженедельное сообщение куратору', active: false, nodes, connections: c, settings: { executionOrder: 'v1', timezone: 'Europe/Moscow' }, pinData: {}, tags: [] };
}

export function errorsWorkflow(): Json {
	startIds(400);
	const c: Connections = {};
	const nodes: Json[] = [
		sticky('О процессе', '## МЦУ: ошибки процессов\nВыберите этот процесс как «Error Workflow» в настройках остальных. Техническому специалисту (роль «Технический специалист» на листе «Справочник») уходит: какой процесс и узел упали и на какой записи.', [-460, -260], 440, 200),
		node('Ошибка процесса', 'n8n-nodes-base.errorTrigger', 1, [-380, 0], {}),
		node('Текст', 'n8n-nodes-base.code', 2, [-140, 0], {
			jsCode: "const e = $json.execution ?? {};\nconst wf = $json.workflow ?? {};\nconst err = e.error ?? {};\nconst text = [`Сбой процесса «${wf.name ?? wf.id}»`, `узел: ${e.lastNodeExecuted ?? err.node?.name ?? '—'}`, `ошибка: ${err.message ?? '—'}`, err.description ? `запись: ${err.description}` : '', e.url ? `выполнение: ${e.url}` : ''].filter(Boolean).join('\\n');\nreturn [{ json: { text } }];",
		}),
		directory([100, 0]),
		byRole('Технический специалист', '^Технический специалист$', [340, 0]),
		node('Техническому специалисту', mcu('telegram'), 1, [580, 0], { resource: 'message', operation: 'send', chatId: '={{ $json.telegramChatId }}', text: "={{ $('Текст').first().json.text }}" }, cred('mcuTelegramApi')),
	];
	connect(c, 'Ошибка процесса', 'Текст');
	connect(c, 'Текст', 'Справочник');
	connect(c, 'Справочник', 'Технический специалист');
	connect(c, 'Технический специалист', 'Техническому специалисту');
	return { id: 'McuErrors', name: 'МЦУ: Ошибки процессов', active: false, nodes, connections: c, settings: { executionOrder: 'v1' }, pinData: {}, tags: [] };
}

/** Sample appeals around the May 2026 holidays for the deadlines example; the last has a malformed date. */
const DEADLINE_SAMPLES = [
	{ id: 'pos:100501', source: 'pos', externalId: '100501', kind: 'appeal59', receivedAt: '2026-04-09T20:15:00+03:00', registeredAt: '2026-04-10T09:30:00+03:00', text: 'Прошу отремонтировать дорогу на ул. Советской', answeredAt: null },
	{ id: 'im:77812', source: 'im', externalId: '77812', kind: 'incident', receivedAt: '2026-05-08T16:00:00+03:00', registeredAt: '2026-05-08T16:05:00+03:00', text: 'Нет воды в доме по ул. Октябрьской', answeredAt: null },
	{ id: 'vk:-2026_4410', source: 'vk', externalId: '-2026_4410', kind: 'comment', receivedAt: '2026-04-30T15:00:00+03:00', registeredAt: null, text: 'Когда уберут мусор у остановки?', answeredAt: '2026-05-04T12:00:00+03:00' },
	{ id: 'pos:100777', source: 'pos', externalId: '100777', kind: 'message', receivedAt: '2026-04-20T10:00:00+03:00', registeredAt: '2026-04-20T10:00:00+03:00', text: 'Не горят фонари в пос. Дедовичи', answeredAt: null },
	{ id: 'pos:100999', source: 'pos', externalId: '100999', kind: 'message', receivedAt: '2026-05-10T11:00:00+03:00', registeredAt: '10.05.2026', text: 'Запись с датой не в формате ISO', answeredAt: null },
].map(({ answeredAt, ...a }) => ({ ...a, deadline: null, extendedDeadline: null, answeredAt }));

export function deadlinesDemoWorkflow(): Json {
	startIds(0, 'b1d6a0f0-0000-4000-8000-');
	const c: Connections = {};
	const jsCode = `// Обращения вокруг майских праздников 2026 года; последнее — с ошибкой в дате.\nconst appeals = ${JSON.stringify(DEADLINE_SAMPLES, null, 2)};\nreturn appeals.map((json) => ({ json }));`;
	const nodes: Json[] = [
		node('Запуск', 'n8n-nodes-base.manualTrigger', 1, at(0), {}),
		node('Пример обращений', 'n8n-nodes-base.code', 2, at(1), { jsCode }),
		// A fixed «now» keeps the example's statuses the same whenever it runs.
		node('МЦУ: Сроки', mcu('deadlines'), 1, at(2), { now: '2026-05-12T10:00:00+03:00', sourceDeadline: 'keep', rules: {}, options: {} }, { onError: 'continueErrorOutput' }),
		node('Записи с ошибками', 'n8n-nodes-base.noOp', 1, at(3, 1), {}),
		node('Сроки рассчитаны', 'n8n-nodes-base.noOp', 1, at(3, -1), {}),
	];
	connect(c, 'Запуск', 'Пример обращений');
	connect(c, 'Пример обращений', 'МЦУ: Сроки');
	connect(c, 'МЦУ: Сроки', 'Сроки рассчитаны', 0);
	connect(c, 'МЦУ: Сроки', 'Записи с ошибками', 1);
	return { id: 'McuDeadlinesDemo', name: 'МЦУ: Проверка сроков (пример, майские праздники 2026)', active: false, nodes, connections: c, settings: { executionOrder: 'v1', timezone: 'Europe/Moscow' }, pinData: {}, tags: [] };
}

/** Every shipped workflow by its file in workflows/: the files are exactly this output (a unit test checks it). */
export function shippedWorkflows(): Record<string, Json> {
	return { 'intake.json': intakeWorkflow(), 'weekly.json': weeklyWorkflow(), 'errors.json': errorsWorkflow(), 'deadlines-demo.json': deadlinesDemoWorkflow() };
}

export const workflowFileText = (workflow: Json): string => `${JSON.stringify(workflow, null, 2)}\n`;

if (require.main === module) {
	const dir = path.join(__dirname, '..', 'workflows');
	for (const [file, wf] of Object.entries(shippedWorkflows())) {
		fs.writeFileSync(path.join(dir, file), workflowFileText(wf));
		console.log(`workflows/${file}`);
	}
}
