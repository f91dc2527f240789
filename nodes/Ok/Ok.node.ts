import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { router } from './actions/router';
import { versionDescription } from './actions/versionDescription';
import { okCredentialTest } from './transport';

/** Comments in the group's discussions as appeals, and replies; operations live in actions/<resource>/. */
export class Ok implements INodeType {
	description: INodeTypeDescription = { ...versionDescription };

	methods = { credentialTest: { mcuOkCredentialTest: okCredentialTest } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return router.call(this);
	}
}
