import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { writeRegister } from '../writer';
import { departmentsOf, writeReport, type SheetsTarget } from './common';
import {
	correctionDepartmentsProperty,
	forOperation,
	maskProperty,
	sheetNameProperty,
} from './fields';
import { appealsOf } from '../../shared/appealJson';

export const defaultTitle = 'Реестр обращений';

export const description: INodeProperties[] = [
	sheetNameProperty(defaultTitle, forOperation('register')),
	correctionDepartmentsProperty(forOperation('register')),
	maskProperty(forOperation('register')),
];

/** A row per appeal, upserted by ID: only changed cells and new rows are written. */
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
		'register',
		async (records, masked) =>
			writeRegister(session, spreadsheetId, title, appealsOf(records), masked, {
				departments: departmentsOf(this),
			}),
		`Реестр «${title}» записан не полностью; повторный запуск допишет его — строки сверяются по ID, ничего не удвоится`,
	);
}
