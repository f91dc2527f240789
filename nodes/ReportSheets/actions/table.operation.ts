import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { replaceTab, tableColumns } from '../writer';
import { REBUILT_TAB_FAILURE, chartOf, writeReport, type SheetsTarget } from './common';
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
	const { session, spreadsheetId, title } = target;
	return writeReport(
		this,
		items,
		target,
		'table',
		async (records, masked) =>
			replaceTab(
				session,
				spreadsheetId,
				title,
				tableColumns(records),
				records,
				masked,
				undefined,
				chartOf(this),
			),
		REBUILT_TAB_FAILURE(title),
	);
}
