import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { actionSubtitle } from '../shared/actions';
import { resources, router } from './actions/router';
import { versionDescription } from './actions/versionDescription';

/** Messages of the feedback platform as appeals, and the actions on them; operations live in actions/<resource>/. */
export class Pos implements INodeType {
	description: INodeTypeDescription = {
		...versionDescription,
		icon: { light: 'file:pos.svg', dark: 'file:pos.dark.svg' },
		subtitle: actionSubtitle(resources),
		usableAsTool: true,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return router.call(this);
	}
}
