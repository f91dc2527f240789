import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { OVERDUE_COLUMNS, overdueRows } from '../../../lib/reports';
import { DEADLINE_HIGHLIGHT } from '../writer';
import { rebuildTab, type SheetsTarget } from './common';
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
	return rebuildTab(this, items, target, 'overdue', (records) => ({
		columns: OVERDUE_COLUMNS,
		rows: overdueRows(appealsOf(records)),
		highlight: DEADLINE_HIGHLIGHT,
	}));
}
