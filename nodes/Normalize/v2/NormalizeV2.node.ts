import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeBaseDescription,
	INodeTypeDescription,
} from 'n8n-workflow';
import { router } from './actions/router';
import { versionDescription } from './actions/versionDescription';

/** Version 2: the input is chosen by `operation`, like every node of the package; operations live in actions/. */
// eslint-disable-next-line @n8n/community-nodes/icon-validation -- a version of Normalize: the icon is in the base description, resolved beside Normalize.node.ts
export class NormalizeV2 implements INodeType {
	description: INodeTypeDescription;

	constructor(baseDescription: INodeTypeBaseDescription) {
		this.description = versionDescription(baseDescription);
	}

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return router.call(this);
	}
}
