import type { INodeProperties } from 'n8n-workflow';
import { DIRECTORY_SHEET } from '../../lib/reports/directory';
import { CALENDAR_OPTION_PROPERTIES } from '../shared/calendar';

/** A person's contact, in the order of the routing rule: who, then Telegram, MAX, e-mail. */
const contactFields: INodeProperties[] = [
	{ displayName: 'ФИО', name: 'name', type: 'string', default: '' },
	{ displayName: 'Telegram (ID чата)', name: 'telegramChatId', type: 'string', default: '' },
	{
		displayName: 'MAX (ID чата)',
		name: 'maxChatId',
		type: 'string',
		default: '',
		description: 'Чат или диалог в MAX, куда тоже отправлять сводки',
	},
	{
		displayName: 'Электронная почта',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
	},
];

const SHEET_SHOWN = { show: { contactsFrom: ['sheet'] } };

export const remindersProperties: INodeProperties[] = [
	{
		displayName: 'Контакты',
		name: 'contactsFrom',
		type: 'options',
		options: [
			{
				name: 'В этом узле',
				value: 'node',
				description: 'Руководители, ответственные, координатор и куратор — в полях ниже',
			},
			{
				name: 'Из листа «Справочник»',
				value: 'sheet',
				description:
					'Из общей Google Таблицы района; заполненные ниже поля дополняют лист (и заменяют его строку для того же подразделения или человека)',
			},
		],
		default: 'node',
	},
	{
		displayName: 'ID таблицы',
		name: 'spreadsheetId',
		type: 'string',
		default: '',
		placeholder: 'Из учётных данных',
		description: 'ID или адрес таблицы; пусто — «Таблица МЦУ» из учётных данных Google',
		displayOptions: SHEET_SHOWN,
	},
	{
		displayName: 'Лист',
		name: 'sheetName',
		type: 'string',
		default: DIRECTORY_SHEET,
		description: 'Столбцы «Подразделение», «Роль», «ФИО», «Telegram», «MAX», «E-mail»',
		displayOptions: SHEET_SHOWN,
	},
	{
		displayName: 'Руководители подразделений',
		name: 'heads',
		type: 'fixedCollection',
		typeOptions: {
			multipleValues: true,
			fixedCollection: { itemTitle: '={{ $collection.item.value.department }}' },
		},
		placeholder: 'Добавить подразделение',
		default: {},
		options: [
			{
				displayName: 'Руководитель',
				name: 'head',
				values: [
					{ displayName: 'Подразделение', name: 'department', type: 'string', default: '' },
					...contactFields,
				],
			},
		],
	},
	{
		displayName: 'Ответственные (контакты)',
		name: 'people',
		type: 'fixedCollection',
		typeOptions: {
			multipleValues: true,
			fixedCollection: { itemTitle: '={{ $collection.item.value.name }}' },
		},
		placeholder: 'Добавить человека',
		default: {},
		description: 'Куда писать ответственным, если в обращении нет контакта из маршрутизации',
		options: [{ displayName: 'Человек', name: 'person', values: contactFields }],
	},
	{
		displayName: 'Координатор МЦУ',
		name: 'coordinator',
		type: 'fixedCollection',
		default: {},
		options: [{ displayName: 'Контакт', name: 'contact', values: contactFields }],
	},
	{
		displayName: 'Куратор',
		name: 'curator',
		type: 'fixedCollection',
		default: {},
		options: [{ displayName: 'Контакт', name: 'contact', values: contactFields }],
	},
	{
		displayName: 'Настройки',
		name: 'options',
		type: 'collection',
		placeholder: 'Добавить настройку',
		default: {},
		// In the order of escalation, then when to send, then the calendar (n8n lists them as declared).
		options: [
			{
				displayName: 'Руководителю — после (рабочих дней просрочки)',
				name: 'headAfter',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 1,
			},
			{
				displayName: 'Координатору — после (рабочих дней просрочки)',
				name: 'coordinatorAfter',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 3,
			},
			{
				displayName: 'Куратору — после (рабочих дней просрочки)',
				name: 'curatorAfter',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 5,
			},
			{
				displayName: 'Только в рабочее время',
				name: 'workingTimeOnly',
				type: 'boolean',
				default: true,
				description: 'Отправлять только в рабочие дни с 9:00 до 18:00 по Москве',
			},
			{
				displayName: 'Момент расчёта',
				name: 'now',
				type: 'string',
				default: '',
				description: 'Дата и время ISO 8601; пусто — текущее время',
			},
			...CALENDAR_OPTION_PROPERTIES,
		],
	},
];
