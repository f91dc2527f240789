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
import { isMaxMessageUpdate, isOwnMaxMessage, maxExternalId, maxUpdateKey, normalizeMax, type MaxUpdate } from '../../lib/sources/max';
import { unixToIso } from '../../lib/sources/common';
import { splitMessage } from '../../lib/text/split';
import { executeSource } from '../shared/sourceNode';
import { readWithStagedCursor, type StagedCursorState } from '../shared/stagedCursor';
import { sendMaxText, type SentMemory } from './send';
import { MAX_TEXT_LIMIT, maxCall, maxCredentials } from './transport';

/** How many send keys the node remembers (oldest forgotten first). */
export const SENT_MEMORY = 2000;

interface NodeState extends StagedCursorState<number> {
	sent?: Record<string, SentMemory>;
}

const isAppeal = (json: IDataObject) => typeof json.id === 'string' && typeof json.source === 'string' && typeof json.externalId === 'string';

/**
 * Messages to the administration's official MAX bot and in chats where it is an administrator, read in the scheduled
 * intake (`GET /updates` with the marker staged in the workflow's static data and confirmed by the next run), and
 * answers: to a user or a chat, or as a reply in a chat — cut at MAX's 4000 characters, each part sent once even
 * when a run is retried. An answer to an appeal comes out as the appeal, answered.
 */
export class Max implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'МЦУ: MAX',
		name: 'max',
		icon: 'file:max.svg',
		group: ['input'],
		version: 1,
		subtitle: '={{$parameter["operation"]}}',
		description: 'Сообщения официальному боту в MAX и в чатах, где он администратор, как обращения; ответы от имени бота',
		defaults: { name: 'МЦУ: MAX' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'mcuMaxApi', required: true }],
		properties: [
			{
				displayName: 'Ресурс',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Сообщение', value: 'message' }],
				default: 'message',
			},
			{
				displayName: 'Операция',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Получить новые', value: 'getNew', action: 'Получить новые сообщения боту' },
					{ name: 'Отправить', value: 'send', action: 'Отправить сообщение пользователю или в чат' },
					{ name: 'Ответить в чате', value: 'reply', action: 'Ответить на сообщение в чате' },
				],
				default: 'getNew',
			},
			{
				displayName: 'Не больше, обновлений',
				name: 'batchSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 1000 },
				default: 100,
				description: 'Сколько обновлений прочитать за запуск (MAX отдаёт до 1000); остальные — в следующий запуск',
				displayOptions: { show: { operation: ['getNew'] } },
			},
			{
				displayName: 'Ждать новых, с',
				name: 'timeout',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 90 },
				default: 0,
				description: 'Long polling: сколько секунд ждать, если новых сообщений нет (0 — не ждать)',
				displayOptions: { show: { operation: ['getNew'] } },
			},
			{
				displayName: 'Кому',
				name: 'recipient',
				type: 'options',
				options: [
					{ name: 'Пользователю (личное сообщение)', value: 'user' },
					{ name: 'В чат', value: 'chat' },
				],
				default: 'user',
				displayOptions: { show: { operation: ['send'] } },
			},
			{
				displayName: 'ID пользователя',
				name: 'userId',
				type: 'string',
				required: true,
				default: '={{ $json.author?.id }}',
				displayOptions: { show: { operation: ['send'], recipient: ['user'] } },
			},
			{
				displayName: 'ID чата',
				name: 'chatId',
				type: 'string',
				required: true,
				default: '={{ $json.maxChatId ?? $json.raw?.message?.recipient?.chat_id }}',
				displayOptions: { show: { operation: ['send'], recipient: ['chat'] } },
			},
			{
				displayName: 'ID чата',
				name: 'chatId',
				type: 'string',
				required: true,
				default: '={{ $json.raw?.message?.recipient?.chat_id }}',
				displayOptions: { show: { operation: ['reply'] } },
			},
			{
				displayName: 'ID сообщения, на которое отвечаем',
				name: 'replyTo',
				type: 'string',
				required: true,
				default: '={{ $json.raw?.message?.body?.mid ?? $json.externalId }}',
				displayOptions: { show: { operation: ['reply'] } },
			},
			{
				displayName: 'Текст',
				name: 'text',
				type: 'string',
				typeOptions: { rows: 5 },
				required: true,
				default: '={{ $json.text }}',
				displayOptions: { show: { operation: ['send', 'reply'] } },
			},
			{
				displayName: 'Разметка',
				name: 'format',
				type: 'options',
				options: [
					{ name: 'Без разметки', value: '' },
					{ name: 'Markdown', value: 'markdown' },
					{ name: 'HTML', value: 'html' },
				],
				default: '',
				displayOptions: { show: { operation: ['send', 'reply'] } },
			},
			{
				displayName: 'Ключ повтора',
				name: 'idempotencyKey',
				type: 'string',
				default: '={{ $json.id ?? "" }}',
				description:
					'Один и тот же ключ с тем же текстом тому же адресату отправляется один раз: повторный запуск не дублирует уже отправленные части. Пусто — без запоминания.',
				displayOptions: { show: { operation: ['send', 'reply'] } },
			},
			{
				displayName: 'Отметить обращение отвеченным',
				name: 'markAnswered',
				type: 'boolean',
				default: true,
				description: 'Whether an input appeal comes out with status «answered», the answer text and its time',
				displayOptions: { show: { operation: ['send', 'reply'] } },
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const c = maxCredentials(await this.getCredentials('mcuMaxApi'));
		const operation = this.getNodeParameter('operation', 0) as string;
		const state = this.getWorkflowStaticData('node') as NodeState;
		if (operation === 'getNew') {
			const limit = Math.min(1000, Math.max(1, Number(this.getNodeParameter('batchSize', 0, 100)) || 100));
			const timeout = Math.min(90, Math.max(0, Number(this.getNodeParameter('timeout', 0, 0)) || 0));
			// One request per run: a second one would send the new marker and make MAX forget updates whose items
			// are not out yet. The marker becomes the next run's, or is rolled back after a failed run (readWithStagedCursor).
			return readWithStagedCursor(
				this,
				state,
				async (marker) => {
					const res = await maxCall<{ updates?: MaxUpdate[]; marker?: number | null }>(this, c, {
						method: 'GET',
						path: '/updates',
						qs: { limit, timeout, marker, types: 'message_created,message_edited' },
						timeoutMs: (timeout + 15) * 1000,
					});
					const seen = new Set<string>();
					const records = (Array.isArray(res.updates) ? res.updates : []).filter((u) => {
						if (!u || typeof u !== 'object') return true;
						if (!isMaxMessageUpdate(u) || isOwnMaxMessage(u)) return false;
						const key = `${maxUpdateKey(u)}:${u.timestamp}`;
						return !seen.has(key) && !!seen.add(key);
					});
					return { records, next: typeof res.marker === 'number' ? res.marker : undefined };
				},
				(records) =>
					executeSource(this, {
						run: async (i) => ({ records: i === 0 ? records : [], normalize: true }),
						normalize: (record) => normalizeMax(record as MaxUpdate),
						label: (record) => ({ source: 'max', externalId: maxExternalId(record as MaxUpdate) }),
					}),
			);
		}
		return executeSource(this, {
			run: async (i) => {
				const json = this.getInputData()[i].json;
				const text = String(this.getNodeParameter('text', i) ?? '').trim();
				if (!text) throw new NodeOperationError(this.getNode(), 'Пустой текст сообщения', { itemIndex: i });
				const recipient = operation === 'reply' ? 'chat' : (this.getNodeParameter('recipient', i, 'user') as string);
				const id = String(this.getNodeParameter(recipient === 'user' ? 'userId' : 'chatId', i) ?? '').trim();
				if (!/^-?\d{1,19}$/.test(id)) {
					throw new NodeOperationError(this.getNode(), recipient === 'user' ? `Не указан ID пользователя MAX (получено «${id}»)` : `Не указан ID чата MAX (получено «${id}»)`, { itemIndex: i });
				}
				const replyTo = operation === 'reply' ? String(this.getNodeParameter('replyTo', i) ?? '').trim() : '';
				if (operation === 'reply' && !replyTo) throw new NodeOperationError(this.getNode(), 'Не указано сообщение, на которое отвечаем', { itemIndex: i });
				const format = String(this.getNodeParameter('format', i, '') ?? '');
				const key = String(this.getNodeParameter('idempotencyKey', i, '') ?? '').trim();
				const target = recipient === 'user' ? { userId: id } : { chatId: id };
				const parts = splitMessage(text, MAX_TEXT_LIMIT);
				const memoryKey = key ? createHash('sha256').update(JSON.stringify([key, target, replyTo, text])).digest('hex').slice(0, 32) : undefined;
				const sent = (state.sent ??= {});
				const memory: SentMemory = (memoryKey && sent[memoryKey]) || { mids: [], at: '' };
				if (memoryKey && !sent[memoryKey]) {
					sent[memoryKey] = memory;
					forgetOldest(sent, SENT_MEMORY);
				}
				const result = await sendMaxText(this, c, { ...target, replyTo: replyTo || undefined, format: format || undefined, parts, memory, now: () => unixToIso(Date.now() / 1000) });
				const answer = { channel: 'max', chatId: result.chatId ?? null, userId: recipient === 'user' ? id : null, messageIds: memory.mids, parts: parts.length, repeated: result.skipped };
				if (this.getNodeParameter('markAnswered', i, true) && isAppeal(json)) {
					const at = memory.at;
					return {
						records: [{ ...json, status: 'answered', answeredAt: json.answeredAt ?? at, answerText: text, firstReactionAt: json.firstReactionAt ?? at, answer }],
						normalize: false,
					};
				}
				return { records: [{ ok: true, ...answer }], normalize: false };
			},
			label: () => ({ source: 'max' }),
		});
	}
}

/** Drops the oldest remembered sends beyond `max` (insertion order is the order of first sending). */
function forgetOldest(sent: Record<string, SentMemory>, max: number): void {
	const keys = Object.keys(sent);
	for (let k = 0; k < keys.length - max; k++) delete sent[keys[k]];
}
