import type { INodeProperties } from 'n8n-workflow';
import { TOPICS } from '../../lib/topics';

/** Fields shown only when the node learns from the spreadsheet's tabs. */
export const SHEETS_SHOWN = { show: { learnFromSheets: [true] } };

/** The node's fields, in the order a coordinator fills them. */
export const structureProperties: INodeProperties[] = [
	{
		displayName: 'Свои слова тем',
		name: 'terms',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Добавить слова',
		default: {},
		description: 'Дополняют встроенный словарь (слова находятся в любой форме)',
		options: [
			{
				displayName: 'Тема',
				name: 'topic',
				values: [
					{
						displayName: 'Тема',
						name: 'topic',
						type: 'options',
						options: TOPICS.map((t) => ({ name: t.label, value: t.id })),
						default: 'roads',
					},
					{
						displayName: 'Слова',
						name: 'words',
						type: 'string',
						default: '',
						placeholder: 'гравийка, отсыпка:3',
						description:
							'Через запятую, в любой форме. Число после двоеточия — насколько слово указывает на тему: 3 — одного слова достаточно («отсыпка:3»), 2 — сильное слово (так считается слово без числа), 1 — только подсказка.',
					},
				],
			},
		],
	},
	{
		displayName: 'Категории источника → тема',
		name: 'categories',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Добавить категорию',
		default: {},
		description:
			'Тема по категории, которую выбрал житель в ПОС или оператор в ИМ. Дополняют встроенную таблицу категорий ПОС и ИМ; подкатегория точнее категории.',
		options: [
			{
				displayName: 'Категория',
				name: 'rule',
				values: [
					{
						displayName: 'Источник',
						name: 'source',
						type: 'options',
						options: [
							{ name: 'Любой', value: '' },
							{ name: 'ПОС', value: 'pos' },
							{ name: 'ИМ', value: 'im' },
						],
						default: '',
					},
					{
						displayName: 'Категория',
						name: 'category',
						type: 'string',
						default: '',
						placeholder: 'ЖКХ',
					},
					{
						displayName: 'Подкатегория',
						name: 'subcategory',
						type: 'string',
						default: '',
						placeholder: 'Отопление',
						description: 'Пусто — вся категория',
					},
					{
						displayName: 'Тема',
						name: 'topic',
						type: 'options',
						options: [
							{ name: 'Решает текст', value: '' },
							...TOPICS.map((t) => ({ name: t.label, value: t.id })),
						],
						default: '',
					},
				],
			},
		],
	},
	{
		displayName: 'Модель и исправления из Google Таблицы',
		name: 'learnFromSheets',
		type: 'boolean',
		default: false,
		description:
			'Обучить модель на размеченной истории района (лист с текстом и темой или категорией) и применить исправления координатора из реестра',
	},
	{
		displayName: 'ID таблицы',
		name: 'spreadsheetId',
		type: 'string',
		default: '',
		placeholder: 'Из учётных данных',
		displayOptions: SHEETS_SHOWN,
		description:
			'ID или адрес таблицы (docs.google.com/spreadsheets/d/&lt;ID&gt;/edit); пусто — «Таблица МЦУ» из учётных данных Google',
	},
	{
		displayName: 'Лист с историей',
		name: 'historySheet',
		type: 'string',
		default: 'История',
		displayOptions: SHEETS_SHOWN,
		description:
			'Размеченные обращения района: столбец текста («Текст», «Текст сообщения»…) и «Тема» или «Категория»/«Подкатегория» (выгрузка ПОС/ИМ как есть). Пусто — не читать.',
	},
	{
		displayName: 'Лист реестра',
		name: 'registerSheet',
		type: 'string',
		default: 'Реестр обращений',
		displayOptions: SHEETS_SHOWN,
		description:
			'Исправления координатора («Тема (исправлено)» и др.) побеждают расчёт и становятся примерами для модели. Пусто — не читать.',
	},
	{
		displayName: 'Лист категорий',
		name: 'categorySheet',
		type: 'string',
		default: '',
		placeholder: 'Категории',
		displayOptions: SHEETS_SHOWN,
		description:
			'Таблица «категория → тема» координатора: столбцы «Источник», «Категория», «Подкатегория», «Тема». Её строки сильнее строк узла. Пусто — не читать.',
	},
	{
		displayName: 'Настройки',
		name: 'options',
		type: 'collection',
		placeholder: 'Добавить настройку',
		default: {},
		options: [
			{
				displayName: 'Искать конфликты',
				name: 'conflicts',
				type: 'boolean',
				default: true,
				description:
					'Отмечать брань и враждебный тон, угрозы, намерение жаловаться выше, повторные напоминания',
			},
			{
				displayName: 'Искать повторы и очаги',
				name: 'repeats',
				type: 'boolean',
				default: true,
				description:
					'Связывать повторы и дубли в пакете и находить группы обращений об одной проблеме',
			},
			{
				displayName: 'Категории из таблицы (строки)',
				name: 'categoryRows',
				type: 'json',
				default: '[]',
				description:
					'Строки листа со столбцами «Источник» (ПОС, ИМ или пусто), «Категория», «Подкатегория», «Тема» (код или название; пусто — решает текст)',
			},
			{
				displayName: 'Категории источника',
				name: 'categoryMode',
				type: 'options',
				options: [
					{ name: 'Дополняют встроенную таблицу', value: 'extend' },
					{ name: 'Заменяют встроенную таблицу', value: 'replace' },
					{ name: 'Не использовать (решает текст)', value: 'off' },
				],
				default: 'extend',
			},
			{
				displayName: 'Сколько слов нужно для темы',
				name: 'minScore',
				type: 'number',
				default: 3,
				description:
					'Сумма весов найденных слов темы (3 — решающее слово, 2 — сильное, 1 — подсказка). Если меньше, тема «не определено» и обращение уходит на ручную разметку.',
			},
			{
				displayName: 'Минимум примеров для модели',
				name: 'minExamples',
				type: 'number',
				default: 30,
				description: 'Меньше примеров — модель не обучается, решают категории и словарь',
			},
			{
				displayName: 'Окно повторов (дней)',
				name: 'windowDays',
				type: 'number',
				default: 30,
			},
			{
				displayName: 'Примеры для обучения из поля',
				name: 'trainingField',
				type: 'string',
				default: '',
				placeholder: 'trainingExamples',
				description:
					'Поле входных элементов с массивом примеров { text, topic } (тема — код или название); добавляются к истории и исправлениям',
			},
			{
				displayName: 'Расхождение категории и текста — на разметку',
				name: 'mismatchToReview',
				type: 'boolean',
				default: false,
				description:
					'Отправлять на ручную разметку и обращение, текст которого явно о другой теме, чем его категория (признак category_text_mismatch ставится всегда)',
			},
			{
				displayName: 'Словарь из таблицы',
				name: 'dictionaryMode',
				type: 'options',
				options: [
					{ name: 'Дополняет встроенный', value: 'extend' },
					{ name: 'Заменяет встроенный', value: 'replace' },
				],
				default: 'extend',
			},
			{
				displayName: 'Словарь из таблицы (строки)',
				name: 'dictionaryRows',
				type: 'json',
				default: '[]',
				description: 'Строки листа со столбцами «Тема» и «Слова», например из узла Google Sheets',
			},
		],
	},
];
