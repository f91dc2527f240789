import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import {
	isRatingAppeal,
	periodProblem,
	type Period,
	type RatingAppeal,
	type TableRow,
} from '../../../lib/rating';

/** Appeals among the input items; anything without a receipt time (an error item, a note) is not counted. */
export function appealsOf(items: INodeExecutionData[]): RatingAppeal[] {
	const appeals: RatingAppeal[] = [];
	for (const { json } of items) if (isRatingAppeal(json)) appeals.push(json);
	return appeals;
}

/** Table rows as output items; each row is built from all input items, so it is paired with all of them. */
export function tableItems(rows: TableRow[], items: INodeExecutionData[]): INodeExecutionData[] {
	const pairedItem = items.map((_, item) => ({ item }));
	return rows.map((json: IDataObject) => ({ json, pairedItem }));
}

/** The «Начало периода» / «Конец периода» parameters, checked. */
export function periodParameter(ctx: IExecuteFunctions): Period {
	const period = {
		from: String(ctx.getNodeParameter('from', 0)),
		to: String(ctx.getNodeParameter('to', 0)),
	};
	const problem = periodProblem(period);
	if (problem) throw new NodeOperationError(ctx.getNode(), problem);
	return period;
}

/** The period parameters of the operations that have one (each shown for its own operation by the router). */
export const PERIOD_PROPERTIES: INodeProperties[] = [
	{
		displayName: 'Начало периода',
		name: 'from',
		type: 'string',
		default: "={{ $now.minus({ months: 1 }).startOf('month').toISO() }}",
		description: 'Дата и время ISO 8601; по умолчанию — начало прошлого месяца',
	},
	{
		displayName: 'Конец периода',
		name: 'to',
		type: 'string',
		default: "={{ $now.minus({ months: 1 }).endOf('month').toISO() }}",
		description: 'Дата и время ISO 8601; по умолчанию — конец прошлого месяца',
	},
];
