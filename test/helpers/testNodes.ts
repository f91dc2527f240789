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

/** A node named `name` of a test type, as the stand-in contexts (httpContext, executeContext) answer `getNode()`. */
export function testNode(name: string): INode {
	return { ...reportSheetsNode, id: 'test', name, type: 'n8n-nodes-mcu.test' };
}
