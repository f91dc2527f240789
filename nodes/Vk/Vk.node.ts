import { createHash } from 'node:crypto';
import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { normalizeVk, type VkRecordInput } from '../../lib/sources/vk';
import { vkOwnReplies, vkPostComments, vkSearchMentions, vkWallPosts } from './reads';
import { writeOnce } from '../shared/writeOnce';
import { executeSource } from '../shared/sourceNode';
import { vkCall, vkCredentials, type VkCredentials } from './transport';

const show = (resource: string, ...operation: string[]) => ({ show: { resource: [resource], operation } });

export class Vk implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'МЦУ: ВКонтакте',
		name: 'vk',
		icon: 'file:vk.svg',
		group: ['input'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Стена и комментарии сообщества, упоминания, сообщения: чтение как обращения, ответы от имени сообщества',
		defaults: { name: 'МЦУ: ВКонтакте' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'mcuVkApi', required: true }],
		properties: [
			{
				displayName: 'Ресурс',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Запись на стене', value: 'post' },
					{ name: 'Комментарий', value: 'comment' },
					{ name: 'Личное сообщение', value: 'message' },
					{ name: 'Упоминание (поиск)', value: 'mention' },
				],
				default: 'comment',
			},
			{
				displayName: 'Операция',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['post'] } },
				options: [{ name: 'Получить много', value: 'getMany', action: 'Получить записи стены' }],
				default: 'getMany',
			},
			{
				displayName: 'Операция',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['comment'] } },
				options: [
					{ name: 'Получить много', value: 'getMany', action: 'Получить комментарии' },
					{ name: 'Ответить', value: 'reply', action: 'Ответить на комментарий' },
				],
				default: 'getMany',
			},
			{
				displayName: 'Операция',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['message'] } },
				options: [{ name: 'Отправить', value: 'send', action: 'Отправить сообщение автору' }],
				default: 'send',
			},
			{
				displayName: 'Операция',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['mention'] } },
				options: [{ name: 'Найти', value: 'search', action: 'Найти упоминания' }],
				default: 'search',
			},
			{
				displayName: 'Сколько последних записей',
				name: 'count',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 100 },
				default: 20,
				displayOptions: { show: { resource: ['post', 'comment'], operation: ['getMany'] } },
			},
			{
				displayName: 'ID записи',
				name: 'postId',
				type: 'number',
				default: 0,
				description: 'Комментарии одной записи; 0 — комментарии к последним записям стены',
				displayOptions: show('comment', 'getMany'),
			},
			{
				displayName: 'ID записи',
				name: 'replyPostId',
				type: 'string',
				required: true,
				default: '={{ $json.raw.post_id }}',
				displayOptions: show('comment', 'reply'),
			},
			{
				displayName: 'ID комментария',
				name: 'replyToComment',
				type: 'string',
				default: '={{ $json.raw.id }}',
				displayOptions: show('comment', 'reply'),
			},
			{
				displayName: 'ID пользователя',
				name: 'userId',
				type: 'string',
				required: true,
				default: '={{ $json.author.id }}',
				displayOptions: show('message', 'send'),
			},
			{
				displayName: 'ID обращения',
				name: 'appealId',
				type: 'string',
				default: '={{ $json.id }}',
				description: 'Вместе с назначением даёт ключ отправки (random_id): повтор той же отправки ВКонтакте не продублирует, а вопрос по другому обращению уйдёт, даже если текст тот же',
				displayOptions: show('message', 'send'),
			},
			{
				displayName: 'Назначение',
				name: 'purpose',
				type: 'string',
				default: "={{ $json.followUpQuestion ? 'followUp' : 'message' }}",
				description: 'Зачем пишем по этому обращению (вопрос о решении, ответ…): разные назначения — разные сообщения',
				displayOptions: show('message', 'send'),
			},
			{
				displayName: 'Текст',
				name: 'message',
				type: 'string',
				typeOptions: { rows: 5 },
				required: true,
				default: '',
				displayOptions: { show: { resource: ['comment', 'message'], operation: ['reply', 'send'] } },
			},
			{
				displayName: 'Ключевые слова',
				name: 'query',
				type: 'string',
				required: true,
				default: 'Дедовичи',
				description: 'Через запятую; каждое ищется отдельно (newsfeed.search), результаты объединяются',
				displayOptions: show('mention', 'search'),
			},
			{
				displayName: 'Начиная с',
				name: 'startTime',
				type: 'dateTime',
				default: '',
				displayOptions: show('mention', 'search'),
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const c = vkCredentials(await this.getCredentials('mcuVkApi'));
		return executeSource(this, {
			run: async (i) => runOperation(this, c, i),
			normalize: (record) => normalizeVk(record as VkRecordInput),
			label: (record) => ({ source: 'vk', externalId: (record as VkRecordInput)?.item?.id }),
		});
	}
}

async function runOperation(ctx: IExecuteFunctions, c: VkCredentials, i: number): Promise<{ records: unknown[]; normalize: boolean }> {
	const resource = ctx.getNodeParameter('resource', i) as string;
	const operation = ctx.getNodeParameter('operation', i) as string;
	if (!c.groupId && resource !== 'mention') {
		throw new NodeOperationError(ctx.getNode(), 'В учётных данных ВКонтакте не указан ID сообщества', { itemIndex: i });
	}
	if (resource === 'post') return { records: await vkWallPosts(ctx, c, ctx.getNodeParameter('count', i, 20) as number), normalize: true };
	if (resource === 'comment' && operation === 'getMany') {
		const postId = ctx.getNodeParameter('postId', i, 0) as number;
		if (postId) return { records: await vkPostComments(ctx, c, postId), normalize: true };
		const posts = await vkWallPosts(ctx, c, ctx.getNodeParameter('count', i, 20) as number);
		const records: VkRecordInput[] = [];
		for (const post of posts) {
			if (Number((post.item.comments as { count?: number })?.count ?? 1) === 0) continue;
			records.push(...(await vkPostComments(ctx, c, Number(post.item.id))));
		}
		return { records, normalize: true };
	}
	if (resource === 'comment' && operation === 'reply') {
		const message = (ctx.getNodeParameter('message', i) as string).trim();
		if (!message) throw new NodeOperationError(ctx.getNode(), 'Пустой текст ответа', { itemIndex: i });
		const postId = String(ctx.getNodeParameter('replyPostId', i));
		const replyTo = String(ctx.getNodeParameter('replyToComment', i, '') ?? '').trim() || undefined;
		// VK has no idempotency key for comments: a reply whose answer was lost is looked up before it is sent again.
		const result = await writeOnce({
			node: ctx.getNode(),
			service: 'ВКонтакте',
			find: async () => vkOwnReplies(ctx, c, postId, replyTo, message),
			send: async () =>
				vkCall<{ comment_id: number }>(ctx, c, 'wall.createComment', { owner_id: -c.groupId, post_id: postId, reply_to_comment: replyTo, from_group: c.groupId, message }),
		});
		const commentId = result.applied === 'sent' ? result.value.comment_id : Number(result.id);
		return { records: [{ commentId, ok: true, ...(result.applied === 'found' ? { verified: true } : {}) } as IDataObject], normalize: false };
	}
	if (resource === 'message') {
		const message = (ctx.getNodeParameter('message', i) as string).trim();
		const userId = String(ctx.getNodeParameter('userId', i));
		if (!message) throw new NodeOperationError(ctx.getNode(), 'Пустой текст сообщения', { itemIndex: i });
		// random_id makes a retried send idempotent on VK's side; it names the appeal and the purpose, not the text,
		// so the same question about another appeal is a new message. Without an appeal: this execution and item.
		const appealId = String(ctx.getNodeParameter('appealId', i, '') ?? '').trim();
		const purpose = String(ctx.getNodeParameter('purpose', i, '') ?? '').trim() || 'message';
		const randomId = vkRandomId(c.groupId, userId, appealId ? `${appealId}|${purpose}` : `${ctx.getExecutionId()}|${i}|${purpose}`);
		const id = await vkCall<number>(ctx, c, 'messages.send', { user_id: userId, message, random_id: randomId });
		return { records: [{ messageId: id, ok: true } as IDataObject], normalize: false };
	}
	const keywords = (ctx.getNodeParameter('query', i) as string).split(',').map((k) => k.trim()).filter(Boolean);
	const start = ctx.getNodeParameter('startTime', i, '') as string;
	return { records: await vkSearchMentions(ctx, c, keywords, start ? Math.floor(Date.parse(start) / 1000) : undefined), normalize: true };
}

/** A positive int32 (VK's random_id range) from the community, the recipient and what the message is for. */
export function vkRandomId(groupId: number, userId: string, key: string): number {
	return createHash('sha256').update(`${groupId}|${userId}|${key}`).digest().readUInt32BE(0) % 2147483647 || 1;
}
