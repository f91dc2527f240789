import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { previousPeriodOf, summarize, summaryTable } from '../../../lib/rating';
import { PERIOD_PROPERTIES, appealsOf, periodParameter, tableItems } from './common';

export const option = { name: 'Сводка за период', value: 'summary', action: 'Построить сводку' };

export const description: INodeProperties[] = PERIOD_PROPERTIES;

/** Totals, top topics and settlements of the period with growth against the period before. */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const period = periodParameter(this);
	return tableItems(
		summaryTable(summarize(appealsOf(items), period, previousPeriodOf(period))),
		items,
	);
}
