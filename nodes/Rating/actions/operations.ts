import type { INodeProperties } from 'n8n-workflow';
import * as rating from './rating.operation';
import * as sstu from './sstu.operation';
import * as summary from './summary.operation';

/** The node's operations by the value of its `operation` parameter (the role of Sheets v2's `<Resource>.resource.ts`). */
export const operations = { rating, summary, sstu };

export const OPERATION_LABELS: Record<keyof typeof operations, string> = {
	rating: 'Рейтинг',
	summary: 'Сводка за период',
	sstu: 'Таблица ССТУ за месяц',
};

export const descriptions: INodeProperties[] = [
	{
		displayName: 'Что построить',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: OPERATION_LABELS.rating, value: 'rating', action: 'Построить рейтинг' },
			{ name: OPERATION_LABELS.summary, value: 'summary', action: 'Построить сводку' },
			{ name: OPERATION_LABELS.sstu, value: 'sstu', action: 'Построить таблицу ССТУ' },
		],
		default: 'rating',
	},
	...rating.description,
	...summary.description,
	...sstu.description,
];
