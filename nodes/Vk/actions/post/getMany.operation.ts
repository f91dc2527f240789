import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { vkWallPosts } from '../../reads';
import type { VkCredentials } from '../../transport';
import { COUNT_FIELD, executeVk } from '../common';

export const option = {
	name: 'Получить записи',
	value: 'getMany',
	action: 'Получить записи стены',
};

export const description: INodeProperties[] = [COUNT_FIELD];

export async function execute(
	this: IExecuteFunctions,
	c: VkCredentials,
): Promise<INodeExecutionData[][]> {
	return executeVk(this, c, async (i) => ({
		records: await vkWallPosts(this, c, this.getNodeParameter('count', i, 20) as number),
		normalize: true,
	}));
}
