import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { normalizeOkComment, type OkCommentInput } from '../../../../lib/sources/ok';
import { executeSource } from '../../../shared/sourceNode';
import { okRecentComments } from '../../reads';
import type { OkCredentials } from '../../transport';

export const option = {
	name: 'Получить комментарии',
	value: 'getMany',
	action: 'Получить комментарии обсуждений',
};

export const description: INodeProperties[] = [
	{
		displayName: 'Сколько последних обсуждений',
		name: 'topics',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 100 },
		default: 20,
	},
];

export async function execute(
	this: IExecuteFunctions,
	c: OkCredentials,
): Promise<INodeExecutionData[][]> {
	return executeSource(this, {
		run: async (i) => ({
			records: await okRecentComments(this, c, this.getNodeParameter('topics', i, 20) as number),
			normalize: true,
		}),
		normalize: (record) => normalizeOkComment(record as OkCommentInput),
		label: (record) => ({ source: 'ok', externalId: (record as OkCommentInput)?.comment?.id }),
	});
}
