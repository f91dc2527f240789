import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import { messageTextField } from '../../../shared/actions';
import { executeSource } from '../../../shared/sourceNode';
import { writeOnce } from '../../../shared/writeOnce';
import { okOwnComments } from '../../reads';
import { okCall, type OkCredentials } from '../../transport';

export const option = { name: 'Ответить', value: 'reply', action: 'Ответить в обсуждении' };

export const description: INodeProperties[] = [
	{
		displayName: 'ID обсуждения',
		name: 'discussionId',
		type: 'string',
		required: true,
		default: "={{ $json.parentId ? $json.parentId.replace('ok:', '') : '' }}",
	},
	{
		displayName: 'ID комментария',
		name: 'replyToCommentId',
		type: 'string',
		default: '={{ $json.raw?.id ?? "" }}',
		description:
			'Комментарий, на который отвечает администрация; пусто — общий комментарий в обсуждении',
	},
	messageTextField('text', ''),
];

export async function execute(
	this: IExecuteFunctions,
	c: OkCredentials,
): Promise<INodeExecutionData[][]> {
	return executeSource(this, {
		run: async (i) => {
			const text = (this.getNodeParameter('text', i) as string).trim();
			if (!text)
				throw new NodeOperationError(this.getNode(), 'Пустой текст ответа', { itemIndex: i });
			const discussionId = String(this.getNodeParameter('discussionId', i));
			const replyTo = String(this.getNodeParameter('replyToCommentId', i, '') ?? '').trim();
			// OK has no idempotency key: a comment whose answer was lost is looked up before it is sent again.
			const written = await writeOnce({
				node: this.getNode(),
				service: 'Одноклассники',
				find: async () => okOwnComments(this, c, discussionId, replyTo || undefined, text),
				send: async () =>
					okCall<IDataObject>(this, c, 'discussions.addComment', {
						discussionId,
						discussionType: 'GROUP_TOPIC',
						comment: text,
						reply_to_comment_id: replyTo || undefined,
					}),
			});
			const result =
				written.applied === 'sent'
					? written.value
					: ({ id: written.id, verified: true } as IDataObject);
			return { records: [{ ok: true, discussionId, result } as IDataObject], normalize: false };
		},
		label: () => ({ source: 'ok' }),
	});
}
