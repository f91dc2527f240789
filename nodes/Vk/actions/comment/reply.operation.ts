import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import { writeOnce } from '../../../shared/writeOnce';
import { vkOwnReplies } from '../../reads';
import { vkCall, type VkCredentials } from '../../transport';
import { MESSAGE_FIELD, executeVk } from '../common';

export const option = { name: 'Ответить', value: 'reply', action: 'Ответить на комментарий' };

export const description: INodeProperties[] = [
	{
		displayName: 'ID записи',
		name: 'replyPostId',
		type: 'string',
		required: true,
		default: '={{ $json.raw.post_id }}',
	},
	{
		displayName: 'ID комментария',
		name: 'replyToComment',
		type: 'string',
		default: '={{ $json.raw.id }}',
	},
	MESSAGE_FIELD,
];

export async function execute(
	this: IExecuteFunctions,
	c: VkCredentials,
): Promise<INodeExecutionData[][]> {
	return executeVk(this, c, async (i) => {
		const message = (this.getNodeParameter('message', i) as string).trim();
		if (!message)
			throw new NodeOperationError(this.getNode(), 'Пустой текст ответа', { itemIndex: i });
		const postId = String(this.getNodeParameter('replyPostId', i));
		const replyTo =
			String(this.getNodeParameter('replyToComment', i, '') ?? '').trim() || undefined;
		// VK has no idempotency key for comments: a reply whose answer was lost is looked up before it is sent again.
		const result = await writeOnce({
			node: this.getNode(),
			service: 'ВКонтакте',
			find: async () => vkOwnReplies(this, c, postId, replyTo, message),
			send: async () =>
				vkCall<{ comment_id: number }>(this, c, 'wall.createComment', {
					owner_id: -c.groupId,
					post_id: postId,
					reply_to_comment: replyTo,
					from_group: c.groupId,
					message,
				}),
		});
		const commentId = result.applied === 'sent' ? result.value.comment_id : Number(result.id);
		return {
			records: [
				{
					commentId,
					ok: true,
					...(result.applied === 'found' ? { verified: true } : {}),
				} as IDataObject,
			],
			normalize: false,
		};
	});
}
