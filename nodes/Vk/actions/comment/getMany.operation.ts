import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import type { VkRecordInput } from '../../../../lib/sources/vk';
import { vkPostComments, vkWallPosts } from '../../reads';
import type { VkCredentials } from '../../transport';
import { COUNT_FIELD, executeVk } from '../common';

export const option = {
	name: 'Получить комментарии',
	value: 'getMany',
	action: 'Получить комментарии',
};

export const description: INodeProperties[] = [
	COUNT_FIELD,
	{
		displayName: 'ID записи',
		name: 'postId',
		type: 'number',
		default: 0,
		description: 'Комментарии одной записи; 0 — комментарии к последним записям стены',
	},
];

export async function execute(
	this: IExecuteFunctions,
	c: VkCredentials,
): Promise<INodeExecutionData[][]> {
	return executeVk(this, c, async (i) => {
		const postId = this.getNodeParameter('postId', i, 0) as number;
		if (postId) return { records: await vkPostComments(this, c, postId), normalize: true };
		const posts = await vkWallPosts(this, c, this.getNodeParameter('count', i, 20) as number);
		const records: VkRecordInput[] = [];
		for (const post of posts) {
			// A post VK says has no comments is not asked for them.
			if (Number((post.item.comments as { count?: number })?.count ?? 1) === 0) continue;
			records.push(...(await vkPostComments(this, c, Number(post.item.id))));
		}
		return { records, normalize: true };
	});
}
