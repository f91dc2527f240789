import {
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import { DIRECTORY_SHEET } from '../../../lib/reports';
import { spreadsheetUrl } from '../../shared/spreadsheet';
import { showWarnings } from '../../shared/warnings';
import { readDirectoryTab } from '../writer';
import type { SheetsTarget } from './common';
import { forOperation, sheetNameProperty } from './fields';

export const defaultTitle = DIRECTORY_SHEET;

export const description: INodeProperties[] = [
	sheetNameProperty(defaultTitle, forOperation('directory')),
];

/**
 * One item per contact of the directory, with the address of the spreadsheet read (a message can link the district's
 * own table); rows left out are shown as warnings (the run goes on with the others).
 */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	target: SheetsTarget,
): Promise<INodeExecutionData[]> {
	const { session, spreadsheetId, title } = target;
	let read;
	try {
		read = await readDirectoryTab(session, spreadsheetId, title);
	} catch (error) {
		throw new NodeOperationError(this.getNode(), error as Error, {
			description: `Лист «${title}» не прочитан`,
		});
	}
	showWarnings(this, read.warnings);
	// Every contact stems from the one read the (usually single) input item triggered.
	const pairedItem = items.length ? { item: 0 } : undefined;
	const url = spreadsheetUrl(spreadsheetId);
	return read.contacts.map((contact) => ({
		json: { ...contact, spreadsheetUrl: url },
		...(pairedItem ? { pairedItem } : {}),
	}));
}
