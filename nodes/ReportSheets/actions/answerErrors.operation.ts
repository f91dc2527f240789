import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { ANSWER_ERROR_COLUMNS, answerErrorRows } from '../../../lib/reports';
import { rebuildTab, type SheetsTarget } from './common';
import { forOperation, maskProperty, sheetNameProperty } from './fields';
import { appealsOf } from '../../shared/appealJson';

export const defaultTitle = 'Ошибки в ответах';

export const description: INodeProperties[] = [
	sheetNameProperty(defaultTitle, forOperation('answerErrors')),
	maskProperty(forOperation('answerErrors')),
];

/** A row per error «МЦУ: Контроль ответов» found, the tab rebuilt in one write. */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	target: SheetsTarget,
): Promise<INodeExecutionData[]> {
	return rebuildTab(this, items, target, 'answerErrors', (records) => ({
		columns: ANSWER_ERROR_COLUMNS,
		rows: answerErrorRows(appealsOf(records)),
	}));
}
