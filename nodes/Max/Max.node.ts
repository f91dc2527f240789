import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { actionSubtitle } from '../shared/actions';
import { resources, router } from './actions/router';
import { versionDescription } from './actions/versionDescription';

/**
 * Messages to the administration's official MAX bot and in chats where it is an administrator, read in the scheduled
 * intake, and answers to a user or a chat; operations live in actions/<resource>/.
 */
export class Max implements INodeType {
	description: INodeTypeDescription = {
		...versionDescription,
		icon: { light: 'file:max.svg', dark: 'file:max.dark.svg' },
		subtitle: actionSubtitle(resources),
		usableAsTool: true,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return router.call(this);
	}
}
