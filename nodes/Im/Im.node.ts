import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { actionSubtitle } from '../shared/actions';
import { resources, router } from './actions/router';
import { versionDescription } from './actions/versionDescription';

/** Incidents registered by the regional center as appeals, and the actions on them; operations live in actions/<resource>/. */
export class Im implements INodeType {
	description: INodeTypeDescription = {
		...versionDescription,
		icon: { light: 'file:im.svg', dark: 'file:im.dark.svg' },
		subtitle: actionSubtitle(resources),
		usableAsTool: true,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return router.call(this);
	}
}
