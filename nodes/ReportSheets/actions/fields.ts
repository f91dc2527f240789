import type { IDisplayOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/**
 * The node's fields, written once for both versions: v1 shows them by `report` (its saved layout), v2 declares them
 * in each operation module for its `operation`.
 */
export const spreadsheetIdProperty: INodeProperties = {
	displayName: 'ID таблицы',
	name: 'spreadsheetId',
	type: 'string',
	default: '',
	placeholder: 'Из учётных данных',
	description:
		'ID или адрес таблицы (docs.google.com/spreadsheets/d/&lt;ID&gt;/edit); пусто — «Таблица МЦУ» из учётных данных Google',
};

/** The operations as the editor lists them (alphabetically, by name): the same values and labels in v1 and v2. */
export const OPERATION_OPTIONS = [
	{
		name: 'Ошибки в ответах',
		value: 'answerErrors',
		description:
			'Строка на каждую ошибку, найденную узлом «МЦУ: Контроль ответов»; лист пересобирается',
	},
	{
		name: 'Просроченные и истекающие',
		value: 'overdue',
		description: 'Лист пересобирается каждый запуск',
	},
	{
		name: 'Прочитать реестр',
		value: 'readRegister',
		description:
			'Обращения из реестра (одно чтение) — вход для напоминаний, просроченных, рейтинга и сводки; исправления координатора учтены',
	},
	{
		name: 'Прочитать справочник',
		value: 'directory',
		description:
			'Контакты района с листа «Справочник» (подразделение, роль, ФИО, Telegram, MAX, e-mail) — по элементу на человека; лист с заголовками создаётся, если его нет',
	},
	{
		name: 'Реестр обращений',
		value: 'register',
		description:
			'Строка на обращение; запуск пишет только изменившиеся ячейки и новые строки, ручные столбцы и исправления координатора сохраняются',
	},
	{
		name: 'Таблица из входных элементов',
		value: 'table',
		description:
			'Рейтинг, ошибки ответов, сводка: каждый элемент — строка, поля — столбцы; лист заменяется',
	},
] as const satisfies readonly INodePropertyOptions[];

export type OperationName = (typeof OPERATION_OPTIONS)[number]['value'];

export function sheetNameProperty(
	placeholder: string,
	displayOptions?: IDisplayOptions,
): INodeProperties {
	return {
		displayName: 'Лист',
		name: 'sheetName',
		type: 'string',
		default: '',
		placeholder,
		description:
			'Название листа; пусто — по названию отчёта. Лист создаётся и оформляется при первом запуске.',
		...(displayOptions ? { displayOptions } : {}),
	};
}

export function correctionDepartmentsProperty(displayOptions: IDisplayOptions): INodeProperties {
	return {
		displayName: 'Подразделения для исправлений',
		name: 'correctionDepartments',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		placeholder: 'Отдел благоустройства\nМУП «Дедовичский водоканал»',
		description:
			'По одному в строке (или через «;», или через запятую, если в названиях её нет) — выпадающий список столбца «Подразделение (исправлено)», как в правилах маршрутизации. Задаётся, когда лист или столбец создаётся.',
		displayOptions,
	};
}

export function chartProperty(displayOptions: IDisplayOptions): INodeProperties {
	return {
		displayName: 'Диаграмма',
		name: 'chart',
		type: 'fixedCollection',
		default: {},
		placeholder: 'Добавить диаграмму',
		description: 'Столбчатая диаграмма рядом с таблицей (создаётся вместе с листом)',
		displayOptions,
		options: [
			{
				displayName: 'Диаграмма',
				name: 'settings',
				values: [
					{ displayName: 'Заголовок', name: 'title', type: 'string', default: 'Сводка' },
					{
						displayName: 'Столбец значений',
						name: 'valueHeader',
						type: 'string',
						default: 'Значение',
					},
					{
						displayName: 'Столбец подписей',
						name: 'labelHeader',
						type: 'string',
						default: 'Показатель',
					},
				],
			},
		],
	};
}

export function maskProperty(displayOptions: IDisplayOptions): INodeProperties {
	return {
		displayName: 'Скрывать персональные данные',
		name: 'maskPersonalData',
		type: 'boolean',
		default: true,
		description:
			'Скрыть ФИО, телефоны, электронную почту и номера домов заявителей (152-ФЗ); выключайте только для таблицы с ограниченным доступом',
		displayOptions,
	};
}

/** What v2 shows for one operation. */
export const forOperation = (operation: OperationName): IDisplayOptions => ({
	show: { operation: [operation] },
});
