import { createHash } from 'node:crypto';
import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import { unixToIso } from '../../lib/sources/common';
import { splitMessage } from '../../lib/text/split';
import { messageTextField } from '../shared/actions';
import { executeSource } from '../shared/sourceNode';
import { sendMaxText, type SentMemory } from './send';
import { MAX_TEXT_LIMIT, type MaxCredentials } from './transport';

/** How many send keys the node remembers (oldest forgotten first). */
export const SENT_MEMORY = 2000;

interface AnswerState {
	sent?: Record<string, SentMemory>;
}

const isAppeal = (json: IDataObject) =>
	typeof json.id === 'string' &&
	typeof json.source === 'string' &&
	typeof json.externalId === 'string';

/** The fields «Отправить» and «Ответить в чате» share, after their own recipient fields. */
export const ANSWER_FIELDS: INodeProperties[] = [
	messageTextField('text', '={{ $json.text }}'),
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
	},
	{
		displayName: 'Ключ повтора',
		name: 'idempotencyKey',
		type: 'string',
		default: '={{ $json.id ?? "" }}',
		description:
			'Один и тот же ключ с тем же текстом тому же адресату отправляется один раз: повторный запуск не дублирует уже отправленные части. Пусто — без запоминания.',
	},
	{
		displayName: 'Отметить обращение отвеченным',
		name: 'markAnswered',
		type: 'boolean',
		default: true,
		description: 'Обращение на входе выходит со статусом «answered», текстом ответа и его временем',
	},
];

/**
 * Sends each item's text to a user or a chat (`reply`: as a reply to a message in a chat) — cut at MAX's 4000
 * characters, each part sent once even when a run is retried. An answer to an appeal comes out as the appeal, answered.
 */
export async function answerInMax(
	ctx: IExecuteFunctions,
	c: MaxCredentials,
	operation: 'send' | 'reply',
): Promise<INodeExecutionData[][]> {
	const state = ctx.getWorkflowStaticData('node') as AnswerState;
	return executeSource(ctx, {
		run: async (i) => {
			const json = ctx.getInputData()[i].json;
			const text = String(ctx.getNodeParameter('text', i) ?? '').trim();
			if (!text)
				throw new NodeOperationError(ctx.getNode(), 'Пустой текст сообщения', { itemIndex: i });
			const recipient =
				operation === 'reply' ? 'chat' : (ctx.getNodeParameter('recipient', i, 'user') as string);
			const id = String(
				ctx.getNodeParameter(recipient === 'user' ? 'userId' : 'chatId', i) ?? '',
			).trim();
			if (!/^-?\d{1,19}$/.test(id)) {
				throw new NodeOperationError(
					ctx.getNode(),
					recipient === 'user'
						? `Не указан ID пользователя MAX (получено «${id}»)`
						: `Не указан ID чата MAX (получено «${id}»)`,
					{ itemIndex: i },
				);
			}
			const replyTo =
				operation === 'reply' ? String(ctx.getNodeParameter('replyTo', i) ?? '').trim() : '';
			if (operation === 'reply' && !replyTo)
				throw new NodeOperationError(ctx.getNode(), 'Не указано сообщение, на которое отвечаем', {
					itemIndex: i,
				});
			const format = String(ctx.getNodeParameter('format', i, '') ?? '');
			const key = String(ctx.getNodeParameter('idempotencyKey', i, '') ?? '').trim();
			const target = recipient === 'user' ? { userId: id } : { chatId: id };
			const parts = splitMessage(text, MAX_TEXT_LIMIT);
			const memoryKey = key
				? createHash('sha256')
						.update(JSON.stringify([key, target, replyTo, text]))
						.digest('hex')
						.slice(0, 32)
				: undefined;
			const sent = (state.sent ??= {});
			const memory: SentMemory = (memoryKey && sent[memoryKey]) || { mids: [], at: '' };
			if (memoryKey && !sent[memoryKey]) {
				sent[memoryKey] = memory;
				forgetOldest(sent, SENT_MEMORY);
			}
			const result = await sendMaxText(ctx, c, {
				...target,
				replyTo: replyTo || undefined,
				format: format || undefined,
				parts,
				memory,
				now: () => unixToIso(Date.now() / 1000),
			});
			const answer = {
				channel: 'max',
				chatId: result.chatId ?? null,
				userId: recipient === 'user' ? id : null,
				messageIds: memory.mids,
				parts: parts.length,
				repeated: result.skipped,
			};
			if (ctx.getNodeParameter('markAnswered', i, true) && isAppeal(json)) {
				const at = memory.at;
				return {
					records: [
						{
							...json,
							status: 'answered',
							answeredAt: json.answeredAt ?? at,
							answerText: text,
							firstReactionAt: json.firstReactionAt ?? at,
							answer,
						},
					],
					normalize: false,
				};
			}
			return { records: [{ ok: true, ...answer }], normalize: false };
		},
		label: () => ({ source: 'max' }),
	});
}

/** Drops the oldest remembered sends beyond `max` (insertion order is the order of first sending). */
function forgetOldest(sent: Record<string, SentMemory>, max: number): void {
	const keys = Object.keys(sent);
	for (let k = 0; k < keys.length - max; k++) delete sent[keys[k]];
}
