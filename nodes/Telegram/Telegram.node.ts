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
 * Messages to the official bot read in the scheduled intake, next to the other sources (getUpdates, confirmed only
 * after the items are handed over), and replies; operations live in actions/<resource>/. Our own node because
 * community packages may not reuse n8n's Telegram credential.
 */
export class Telegram implements INodeType {
	description: INodeTypeDescription = {
		...versionDescription,
		icon: { light: 'file:telegram.svg', dark: 'file:telegram.dark.svg' },
		subtitle: actionSubtitle(resources),
		usableAsTool: true,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return router.call(this);
	}
}
