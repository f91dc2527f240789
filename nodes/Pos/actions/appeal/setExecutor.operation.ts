import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import type { PosCredentials } from '../../transport';
import { POS_ID_FIELD, executePosAction } from '../common';

export const option = {
	name: 'Назначить исполнителя',
	value: 'setExecutor',
	action: 'Назначить исполнителя',
};

export const description: INodeProperties[] = [
	POS_ID_FIELD,
	{
		displayName: 'Исполнитель',
		name: 'executor',
		type: 'string',
		required: true,
		default: '={{ $json.responsible }}',
	},
];

export async function execute(
	this: IExecuteFunctions,
	c: PosCredentials,
): Promise<INodeExecutionData[][]> {
	return executePosAction(this, c, 'setExecutor', 'set-executor', (i) => ({
		executor: this.getNodeParameter('executor', i) as string,
	}));
}
