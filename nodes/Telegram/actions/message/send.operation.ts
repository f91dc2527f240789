import { createHash } from 'node:crypto';
import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import { messageTextField } from '../../../shared/actions';
import { executeSource } from '../../../shared/sourceNode';
import { telegramCall, type TelegramCredentials } from '../../transport';

export const option = { name: 'Отправить', value: 'send', action: 'Отправить сообщение' };

export const description: INodeProperties[] = [
	{
		displayName: 'ID чата',
		name: 'chatId',
		type: 'string',
		required: true,
		default: '={{ $json.telegramChatId ?? $json.author?.id }}',
	},
	messageTextField('text', '={{ $json.text }}'),
];

interface SentPartsState {
	/** Messages sent in parts: digest key → when, and the message ids of the parts sent so far. */
	sentParts?: Record<string, { at: number; ids: number[] }>;
}

/** Telegram limits a message to 4096 characters: long digests go in parts of this size. */
export const PART_LENGTH = 4000;
/** How long the parts of a digest are remembered: a retry within it does not send a part again. */
export const SENT_PARTS_KEEP_MS = 24 * 3600000;

export async function execute(
	this: IExecuteFunctions,
	c: TelegramCredentials,
): Promise<INodeExecutionData[][]> {
	const state = this.getWorkflowStaticData('node') as SentPartsState;
	return executeSource(this, {
		run: async (i) => {
			const chatId = String(this.getNodeParameter('chatId', i) ?? '').trim();
			const text = String(this.getNodeParameter('text', i) ?? '').trim();
			if (!chatId)
				throw new NodeOperationError(this.getNode(), 'Не указан ID чата', { itemIndex: i });
			if (!text)
				throw new NodeOperationError(this.getNode(), 'Пустой текст сообщения', { itemIndex: i });
			return { records: await sendInParts(this, c, state, chatId, text), normalize: false };
		},
		label: () => ({ source: 'telegram' }),
	});
}

const digestKey = (chatId: string, text: string) =>
	createHash('sha256').update(`${chatId}\n${text}`).digest('hex').slice(0, 32);

/**
 * Sends a text, in parts when it is longer than Telegram allows. sendMessage is not idempotent (the transport does
 * not retry it once the request may have been applied), so a digest whose later part failed is retried — by n8n or
 * by the next run — without sending its first parts again: the parts sent are remembered per chat and text for a day
 * (n8n saves static data of failed runs too). A one-part message is not remembered: the same short text may
 * rightly go to the same chat again.
 */
async function sendInParts(
	ctx: IExecuteFunctions,
	c: TelegramCredentials,
	state: SentPartsState,
	chatId: string,
	text: string,
): Promise<IDataObject[]> {
	const parts: string[] = [];
	for (let start = 0; start < text.length; start += PART_LENGTH)
		parts.push(text.slice(start, start + PART_LENGTH));
	const now = Date.now();
	const memory = parts.length > 1 ? (state.sentParts ??= {}) : undefined;
	if (memory)
		for (const [k, v] of Object.entries(memory))
			if (now - v.at > SENT_PARTS_KEEP_MS) delete memory[k];
	const key = digestKey(chatId, text);
	const sent = memory ? (memory[key] ??= { at: now, ids: [] }) : { at: now, ids: [] };
	const results: IDataObject[] = [];
	for (let part = 0; part < parts.length; part++) {
		if (part < sent.ids.length) {
			results.push({
				ok: true,
				chatId,
				messageId: sent.ids[part],
				part: part + 1,
				parts: parts.length,
				alreadySent: true,
			});
			continue;
		}
		const message = await telegramCall<IDataObject>(ctx, c, 'sendMessage', {
			chat_id: chatId,
			text: parts[part],
		});
		sent.ids.push(Number(message.message_id));
		results.push({
			ok: true,
			chatId,
			messageId: message.message_id,
			...(parts.length > 1 ? { part: part + 1, parts: parts.length } : {}),
		});
	}
	return results;
}
