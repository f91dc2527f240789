import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import type { PosCredentials } from '../../transport';
import { COMMENT_FIELD, POS_ID_FIELD, executePosAction } from '../common';

export const option = {
	name: 'Перенаправить',
	value: 'forward',
	action: 'Перенаправить по компетенции',
};

export const description: INodeProperties[] = [
	POS_ID_FIELD,
	{
		displayName: 'Куда',
		name: 'target',
		type: 'options',
		options: [
			{ name: 'Вышестоящей организации', value: 'parent' },
			{ name: 'Подведомственной организации', value: 'subordinate' },
		],
		default: 'subordinate',
	},
	{
		displayName: 'ID организации (OpaId)',
		name: 'opaId',
		type: 'string',
		default: '',
	},
	COMMENT_FIELD,
];

export async function execute(
	this: IExecuteFunctions,
	c: PosCredentials,
): Promise<INodeExecutionData[][]> {
	return executePosAction(this, c, 'forward', 'forward', (i) => ({
		target: this.getNodeParameter('target', i) as string,
		opaId: (this.getNodeParameter('opaId', i, '') as string) || undefined,
		comment: (this.getNodeParameter('comment', i, '') as string) || undefined,
	}));
}
