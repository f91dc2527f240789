import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { actionSubtitle } from '../shared/actions';
import { resources, router } from './actions/router';
import { versionDescription } from './actions/versionDescription';
import { okCredentialTest } from './transport';

/** Comments in the group's discussions as appeals, and replies; operations live in actions/<resource>/. */
export class Ok implements INodeType {
	description: INodeTypeDescription = {
		...versionDescription,
		icon: { light: 'file:ok.svg', dark: 'file:ok.dark.svg' },
		subtitle: actionSubtitle(resources),
		usableAsTool: true,
	};

	methods = { credentialTest: { mcuOkCredentialTest: okCredentialTest } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return router.call(this);
	}
}
