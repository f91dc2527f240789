import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { appealsFromRegister } from '../../../lib/reports';
import { readTab } from '../writer';
import { departmentsOf, type SheetsTarget } from './common';
import { correctionDepartmentsProperty, forOperation, sheetNameProperty } from './fields';
import { itemJson } from '../../shared/appealJson';

export const defaultTitle = 'Реестр обращений';

export const description: INodeProperties[] = [
	sheetNameProperty(defaultTitle, forOperation('readRegister')),
	correctionDepartmentsProperty(forOperation('readRegister')),
];

/** The register's rows as appeals (none before the first write): the hand-off from the intake to the other workflows. */
export async function execute(
	this: IExecuteFunctions,
	_items: INodeExecutionData[],
	target: SheetsTarget,
): Promise<INodeExecutionData[]> {
	const grid = (await readTab(target.session, target.spreadsheetId, target.title)) ?? [];
	return appealsFromRegister(grid, { departments: departmentsOf(this) }).appeals.map((appeal) => ({
		json: itemJson(appeal),
	}));
}
