import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { toIsoDateTime } from '../../../../lib/sources/common';
import type { PosCredentials } from '../../transport';
import { COMMENT_FIELD, POS_ID_FIELD, executePosAction } from '../common';

export const option = { name: 'Отложить', value: 'postpone', action: 'Отложить с новой датой' };

export const description: INodeProperties[] = [
	POS_ID_FIELD,
	{
		displayName: 'Новая дата',
		name: 'newDate',
		type: 'dateTime',
		required: true,
		default: '',
	},
	COMMENT_FIELD,
];

export async function execute(
	this: IExecuteFunctions,
	c: PosCredentials,
): Promise<INodeExecutionData[][]> {
	return executePosAction(this, c, 'postpone', 'postpone', (i) => {
		const raw = this.getNodeParameter('newDate', i) as string;
		return {
			newDate: toIsoDateTime(raw) ?? raw,
			comment: this.getNodeParameter('comment', i, '') as string,
		};
	});
}
