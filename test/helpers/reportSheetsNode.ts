import type { INode } from 'n8n-workflow';

/** The Report Sheets node as unit tests hand it to the Sheets transport (errors name it). */
export const reportSheetsNode: INode = {
	id: 'n',
	name: 'report',
	type: 'n8n-nodes-mcu.reportSheets',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};
