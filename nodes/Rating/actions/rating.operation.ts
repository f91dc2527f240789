import { DateTime } from 'luxon';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import {
	DEFAULT_WEIGHTS,
	computeRating,
	officeWorkingMinutes,
	previousPeriodOf,
	ratingTable,
	type RatingGroupBy,
	type RatingWeights,
} from '../../../lib/rating';
import { CALENDAR_OPTION_PROPERTIES, loadCalendar } from '../../shared/calendar';
import { PERIOD_PROPERTIES, appealsOf, periodParameter, tableItems } from './common';

export const option = { name: 'Рейтинг', value: 'rating', action: 'Построить рейтинг' };

export const description: INodeProperties[] = [
	...PERIOD_PROPERTIES,
	{
		displayName: 'Кого оценивать',
		name: 'groupBy',
		type: 'options',
		options: [
			{ name: 'Подразделения', value: 'department' },
			{ name: 'Муниципальные организации', value: 'organization' },
			{ name: 'Поселения', value: 'settlement' },
		],
		default: 'department',
	},
	{
		displayName: 'Настройки',
		name: 'options',
		type: 'collection',
		placeholder: 'Добавить настройку',
		default: {},
		options: [
			...CALENDAR_OPTION_PROPERTIES,
			// Literal defaults (the linter wants them): the same as DEFAULT_WEIGHTS in lib/rating.
			{ displayName: 'Вес: Без повторов', name: 'repeats', type: 'number', default: 10 },
			{ displayName: 'Вес: В срок', name: 'onTime', type: 'number', default: 30 },
			{ displayName: 'Вес: Качество ответов', name: 'quality', type: 'number', default: 15 },
			{ displayName: 'Вес: Первая реакция', name: 'reaction', type: 'number', default: 10 },
			{ displayName: 'Вес: Скорость ответа', name: 'speed', type: 'number', default: 20 },
			{ displayName: 'Вес: Удовлетворённость', name: 'satisfaction', type: 'number', default: 15 },
			{
				displayName: 'Минимум обращений для места в рейтинге',
				name: 'minVolume',
				type: 'number',
				default: 2,
				description:
					'С меньшим числом обращений участник показывается, но места не получает (практика ЦУР: от 2 в месяц)',
			},
			{
				displayName: 'Момент расчёта',
				name: 'now',
				type: 'string',
				default: '',
				description: 'Пусто — текущее время',
			},
		],
	},
];

function weightsOf(options: IDataObject): Partial<RatingWeights> {
	const weights: Partial<RatingWeights> = {};
	for (const k of Object.keys(DEFAULT_WEIGHTS) as Array<keyof RatingWeights>) {
		const value = options[k];
		if (typeof value === 'number') weights[k] = value;
	}
	return weights;
}

/** Rating of departments, organizations or settlements for the period, with the change since the period before. */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const period = periodParameter(this);
	const options = this.getNodeParameter('options', 0, {}) as IDataObject;
	const calendar = await loadCalendar(this, options);
	const groupBy = this.getNodeParameter('groupBy', 0) as RatingGroupBy;
	const result = computeRating(appealsOf(items), {
		period,
		previousPeriod: previousPeriodOf(period),
		groupBy,
		weights: weightsOf(options),
		minVolume: typeof options.minVolume === 'number' ? options.minVolume : 2,
		now: String(options.now || DateTime.now().toISO()),
		workingMinutes: officeWorkingMinutes(calendar),
	});
	return tableItems(ratingTable(result.rows, groupBy, result.minVolume), items);
}
