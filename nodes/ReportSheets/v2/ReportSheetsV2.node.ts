import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeBaseDescription,
	INodeTypeDescription,
} from 'n8n-workflow';
import { router } from '../actions/router';
import { versionDescription } from '../actions/versionDescription';
import { mcuSheetsCredentialTest } from '../credentialTest';

/** Version 2: the `operation` selector; each operation lives in `actions/<operation>.operation.ts`. */
// eslint-disable-next-line @n8n/community-nodes/icon-validation -- the icon is the base description's (ReportSheets.node.ts), which n8n resolves beside that file
export class ReportSheetsV2 implements INodeType {
	description: INodeTypeDescription;

	constructor(baseDescription: INodeTypeBaseDescription) {
		this.description = { ...baseDescription, ...versionDescription };
	}

	methods = { credentialTest: { mcuSheetsCredentialTest } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this, 'operation');
	}
}
