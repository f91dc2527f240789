import type { INodeProperties } from 'n8n-workflow';
import { CALENDAR_OPTION_PROPERTIES } from '../shared/calendar';
import { KIND_OPTIONS, SOURCE_OPTIONS } from '../shared/options';

/** The node's parameters: the moment to compute for, the source's own deadline, rules replacing the defaults, options. */
export const deadlinesProperties: INodeProperties[] = [
	{
		displayName: 'Момент расчёта',
		name: 'now',
		type: 'string',
		default: '',
		placeholder: '2026-05-06T10:00:00+03:00',
		description: 'На какой момент считать статус. Пусто — текущее время.',
	},
	{
		displayName: 'Срок из источника',
		name: 'sourceDeadline',
		type: 'options',
		options: [
			{
				name: 'Использовать, если есть',
				value: 'keep',
				description: 'Срок, который прислал ПОС или ИМ, считается главным',
			},
			{
				name: 'Всегда пересчитывать',
				value: 'recompute',
				description: 'Срок считается по правилам ниже, даже если источник прислал свой',
			},
		],
		default: 'keep',
	},
	{
		displayName: 'Свои правила сроков',
		name: 'rules',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Добавить правило',
		default: {},
		description:
			'Заменяют правила по умолчанию (59-ФЗ: 30 дней; ПОС: 30 дней; ИМ: 8 рабочих часов; соцсети: 1 рабочий день) для выбранного источника и вида',
		options: [
			{
				displayName: 'Правило',
				name: 'rule',
				values: [
					{
						displayName: 'Вид',
						name: 'kind',
						type: 'options',
						options: KIND_OPTIONS,
						default: '*',
					},
					{
						displayName: 'Единица',
						name: 'unit',
						type: 'options',
						options: [
							{ name: 'Календарные дни', value: 'calendar_days' },
							{ name: 'Рабочие дни', value: 'working_days' },
							{ name: 'Рабочие часы', value: 'working_hours' },
						],
						default: 'calendar_days',
					},
					{
						displayName: 'Если срок выпал на выходной',
						name: 'dayOff',
						type: 'options',
						options: [
							{ name: 'Предыдущий рабочий день', value: 'previous' },
							{ name: 'Следующий рабочий день', value: 'next' },
							{ name: 'Не переносить', value: 'keep' },
						],
						default: 'previous',
					},
					{
						displayName: 'Источник',
						name: 'source',
						type: 'options',
						options: SOURCE_OPTIONS,
						default: 'pos',
					},
					{
						displayName: 'Продление (календарных дней)',
						name: 'extensionDays',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 0,
						description: 'Насколько срок можно продлить; 0 — продление не предусмотрено',
					},
					{
						displayName: 'Срок',
						name: 'amount',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: 30,
					},
				],
			},
		],
	},
	{
		displayName: 'Настройки',
		name: 'options',
		type: 'collection',
		placeholder: 'Добавить настройку',
		default: {},
		options: [
			{
				displayName: '«Истекает» за (рабочих дней)',
				name: 'dueSoonDays',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 3,
				description:
					'Для сроков в днях: статус «срок истекает», когда осталось столько рабочих дней или меньше',
			},
			{
				displayName: '«Истекает» за (рабочих часов)',
				name: 'dueSoonHours',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 2,
				description:
					'Для сроков в часах: статус «срок истекает», когда осталось столько рабочих часов или меньше',
			},
			...CALENDAR_OPTION_PROPERTIES,
			{
				displayName: 'Конец рабочего дня',
				name: 'officeEnd',
				type: 'string',
				default: '18:00',
			},
			{
				displayName: 'Начало рабочего дня',
				name: 'officeStart',
				type: 'string',
				default: '09:00',
			},
			{
				displayName: 'Часовой пояс',
				name: 'timeZone',
				type: 'string',
				default: 'Europe/Moscow',
				description: 'Часовой пояс администрации (Псковская область — Europe/Moscow)',
			},
		],
	},
];
