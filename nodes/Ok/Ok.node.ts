import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { normalizeOkComment, type OkCommentInput } from '../../lib/sources/ok';
import { executeSource } from '../shared/sourceNode';
import { okOwnComments, okRecentComments } from './reads';
import { writeOnce } from '../shared/writeOnce';
import { okCall, okCredentialTest, okCredentials } from './transport';

export class Ok implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'МЦУ: Одноклассники',
		name: 'ok',
		icon: 'file:ok.svg',
		group: ['input'],
		version: 1,
		subtitle: '={{$parameter["operation"]}}',
		description: 'Комментарии в обсуждениях группы администрации как обращения; ответ в обсуждении',
		defaults: { name: 'МЦУ: Одноклассники' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'mcuOkApi', required: true, testedBy: 'mcuOkCredentialTest' }],
		properties: [
			{
				displayName: 'Ресурс',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Комментарий в обсуждении', value: 'comment' }],
				default: 'comment',
			},
			{
				displayName: 'Операция',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Получить много', value: 'getMany', action: 'Получить комментарии обсуждений' },
					{ name: 'Ответить', value: 'reply', action: 'Ответить в обсуждении' },
				],
				default: 'getMany',
			},
			{
				displayName: 'Сколько последних обсуждений',
				name: 'topics',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 100 },
				default: 20,
				displayOptions: { show: { operation: ['getMany'] } },
			},
			{
				displayName: 'ID обсуждения',
				name: 'discussionId',
				type: 'string',
				required: true,
				default: "={{ $json.parentId ? $json.parentId.replace('ok:', '') : '' }}",
				displayOptions: { show: { operation: ['reply'] } },
			},
			{
				displayName: 'ID комментария',
				name: 'replyToCommentId',
				type: 'string',
				default: '={{ $json.raw?.id ?? "" }}',
				description: 'Комментарий, на который отвечает администрация; пусто — общий комментарий в обсуждении',
				displayOptions: { show: { operation: ['reply'] } },
			},
			{
				displayName: 'Текст',
				name: 'text',
				type: 'string',
				typeOptions: { rows: 5 },
				required: true,
				default: '',
				displayOptions: { show: { operation: ['reply'] } },
			},
		],
	};

	methods = { credentialTest: { mcuOkCredentialTest: okCredentialTest } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const c = okCredentials(await this.getCredentials('mcuOkApi'));
		return executeSource(this, {
			run: async (i) => {
				const operation = this.getNodeParameter('operation', i) as string;
				if (operation === 'getMany') {
					return { records: await okRecentComments(this, c, this.getNodeParameter('topics', i, 20) as number), normalize: true };
				}
				const text = (this.getNodeParameter('text', i) as string).trim();
				if (!text) throw new NodeOperationError(this.getNode(), 'Пустой текст ответа', { itemIndex: i });
				const discussionId = String(this.getNodeParameter('discussionId', i));
				const replyTo = String(this.getNodeParameter('replyToCommentId', i, '') ?? '').trim();
				// OK has no idempotency key: a comment whose answer was lost is looked up before it is sent again.
				const written = await writeOnce({
					node: this.getNode(),
					service: 'Одноклассники',
					find: async () => okOwnComments(this, c, discussionId, replyTo || undefined, text),
					send: async () =>
						okCall<IDataObject>(this, c, 'discussions.addComment', { discussionId, discussionType: 'GROUP_TOPIC', comment: text, reply_to_comment_id: replyTo || undefined }),
				});
				const result = written.applied === 'sent' ? written.value : ({ id: written.id, verified: true } as IDataObject);
				return { records: [{ ok: true, discussionId, result } as IDataObject], normalize: false };
			},
			normalize: (record) => normalizeOkComment(record as OkCommentInput),
			label: (record) => ({ source: 'ok', externalId: (record as OkCommentInput)?.comment?.id }),
		});
	}
}
