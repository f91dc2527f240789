import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';
import { resolveSpreadsheetId } from '../../shared/spreadsheet';
import { openSheets, serviceAccountFrom, type SheetsSession } from '../transport';
import * as answerErrors from './answerErrors.operation';
import type { ReportOperation } from './common';
import * as directory from './directory.operation';
import type { OperationName } from './fields';
import * as overdue from './overdue.operation';
import * as readRegister from './readRegister.operation';
import * as register from './register.operation';
import * as table from './table.operation';

/** The operations by the value saved in workflows (v1's `report`, v2's `operation`). */
export const operations: Record<OperationName, ReportOperation> = {
	register,
	readRegister,
	overdue,
	answerErrors,
	table,
	directory,
};

/**
 * Opens the spreadsheet (the node's or the credential's) and runs the operation the selector names: `report` in v1,
 * `operation` in v2. The whole run is one operation on all input items, as a report is.
 */
export async function router(
	this: IExecuteFunctions,
	selector: 'report' | 'operation',
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const credentials = await this.getCredentials('mcuGoogleServiceAccountApi');
	const account = serviceAccountFrom(credentials);
	const spreadsheetId = resolveSpreadsheetId(
		this.getNode(),
		this.getNodeParameter('spreadsheetId', 0, ''),
		credentials,
	);
	const name = this.getNodeParameter(selector, 0) as string;
	const operation = Object.prototype.hasOwnProperty.call(operations, name)
		? operations[name as OperationName]
		: undefined;
	if (!operation) throw new NodeOperationError(this.getNode(), `Неизвестная операция «${name}»`);
	const title =
		(this.getNodeParameter('sheetName', 0, '') as string).trim() || operation.defaultTitle;

	let session: SheetsSession;
	try {
		session = await openSheets(
			account,
			(options) => this.helpers.httpRequest(options),
			this.getNode(),
		);
	} catch (error) {
		throw new NodeOperationError(this.getNode(), error as Error, {
			description: 'Нет доступа к Google Таблицам',
		});
	}
	return [await operation.execute.call(this, items, { session, spreadsheetId, title })];
}
