import {
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import { monthProblem, sstuMonthlyTable } from '../../../lib/rating';
import { appealsOf, tableItems } from './common';

export const option = {
	name: 'Таблица ССТУ за месяц',
	value: 'sstu',
	action: 'Построить таблицу ССТУ',
};

export const description: INodeProperties[] = [
	{
		displayName: 'Месяц (ГГГГ-ММ)',
		name: 'month',
		type: 'string',
		default: "={{ $now.minus({ months: 1 }).toFormat('yyyy-MM') }}",
		description: 'По умолчанию — прошлый месяц',
	},
];

/** The month's table in the form of ССТУ reporting: totals, forms, types, topics, results, late answers. */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const month = String(this.getNodeParameter('month', 0));
	const problem = monthProblem(month);
	if (problem) throw new NodeOperationError(this.getNode(), problem);
	return tableItems(sstuMonthlyTable(appealsOf(items), month), items);
}
