import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeBaseDescription,
	INodeTypeDescription,
} from 'n8n-workflow';
import { router } from '../actions/router';
import {
	OPERATION_OPTIONS,
	chartProperty,
	correctionDepartmentsProperty,
	maskProperty,
	sheetNameProperty,
	spreadsheetIdProperty,
} from '../actions/fields';
import { SHARED_DESCRIPTION } from '../actions/sharedDescription';
import { mcuSheetsCredentialTest } from '../credentialTest';

/**
 * Version 1, kept for saved workflows: the selector is `report` and its description is the one they were made with.
 * It runs the same operation modules as version 2.
 */
// eslint-disable-next-line @n8n/community-nodes/icon-validation -- the icon is the base description's (ReportSheets.node.ts), which n8n resolves beside that file
export class ReportSheetsV1 implements INodeType {
	description: INodeTypeDescription;

	constructor(baseDescription: INodeTypeBaseDescription) {
		this.description = {
			...baseDescription,
			version: 1,
			subtitle: '={{$parameter["report"]}}',
			...SHARED_DESCRIPTION,
			properties: [
				spreadsheetIdProperty,
				{
					displayName: 'Отчёт',
					name: 'report',
					type: 'options',
					options: OPERATION_OPTIONS.map((option) => ({ ...option })),
					default: 'register',
				},
				sheetNameProperty('Реестр обращений'),
				correctionDepartmentsProperty({ show: { report: ['register', 'readRegister'] } }),
				chartProperty({ show: { report: ['table'] } }),
				maskProperty({ hide: { report: ['readRegister', 'directory'] } }),
			],
		};
	}

	methods = { credentialTest: { mcuSheetsCredentialTest } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this, 'report');
	}
}
