import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { actionSubtitle } from '../shared/actions';
import { resources, router } from './actions/router';
import { versionDescription } from './actions/versionDescription';

export { vkRandomId } from './actions/message/send.operation';

/** The community's wall, comments, mentions and messages as appeals, and answers; operations live in actions/<resource>/. */
export class Vk implements INodeType {
	description: INodeTypeDescription = {
		...versionDescription,
		icon: { light: 'file:vk.svg', dark: 'file:vk.dark.svg' },
		subtitle: actionSubtitle(resources),
		usableAsTool: true,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return router.call(this);
	}
}
