import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { OVERDUE_COLUMNS, overdueRows } from '../../../lib/reports';
import { DEADLINE_HIGHLIGHT, replaceTab } from '../writer';
import { REBUILT_TAB_FAILURE, writeReport, type SheetsTarget } from './common';
import { forOperation, maskProperty, sheetNameProperty } from './fields';
import { appealsOf } from '../../shared/appealJson';

export const defaultTitle = 'Просроченные и истекающие';

export const description: INodeProperties[] = [
	sheetNameProperty(defaultTitle, forOperation('overdue')),
	maskProperty(forOperation('overdue')),
];

/** Overdue and expiring appeals, the tab rebuilt in one write. */
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
		'overdue',
		async (records, masked) =>
			replaceTab(
				session,
				spreadsheetId,
				title,
				OVERDUE_COLUMNS,
				overdueRows(appealsOf(records)),
				masked,
				DEADLINE_HIGHLIGHT,
			),
		REBUILT_TAB_FAILURE(title),
	);
}
