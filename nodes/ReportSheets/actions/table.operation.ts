import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { tableColumns } from '../writer';
import { chartOf, rebuildTab, type SheetsTarget } from './common';
import { chartProperty, forOperation, maskProperty, sheetNameProperty } from './fields';

export const defaultTitle = 'Отчёт';

export const description: INodeProperties[] = [
	sheetNameProperty(defaultTitle, forOperation('table')),
	chartProperty(forOperation('table')),
	maskProperty(forOperation('table')),
];

/** Any items as a table (a row each, their fields as columns), the tab replaced in one write. */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	target: SheetsTarget,
): Promise<INodeExecutionData[]> {
	return rebuildTab(this, items, target, 'table', (records) => ({
		columns: tableColumns(records),
		rows: records,
		chart: chartOf(this),
	}));
}
