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
import { normalizeTelegram } from '../../lib/sources/telegram';
import { executeSource } from '../shared/sourceNode';
import { runFailed } from '../shared/stagedCursor';
import { telegramCall, telegramCredentials, type TelegramCredentials } from './transport';

/**
 * Messages to the official bot read in the scheduled intake, next to the other sources (getUpdates with the
 * offset kept in the workflow's static data and confirmed only after the items are handed over), and replies.
 * Our own node because community packages may not reuse n8n's Telegram credential.
 */
export class Telegram implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'МЦУ: Telegram',
		name: 'telegram',
		icon: 'file:telegram.svg',
		group: ['input'],
		version: 1,
		subtitle: '={{$parameter["operation"]}}',
		description: 'Сообщения официальному боту и комментарии в обсуждениях канала как обращения; ответы от имени бота',
		defaults: { name: 'МЦУ: Telegram' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'mcuTelegramApi', required: true }],
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
					{ name: 'Отправить', value: 'send', action: 'Отправить сообщение' },
				],
				default: 'getNew',
			},
			{
				displayName: 'ID чата',
				name: 'chatId',
				type: 'string',
				required: true,
				default: '={{ $json.telegramChatId ?? $json.author?.id }}',
				displayOptions: { show: { operation: ['send'] } },
			},
			{
				displayName: 'Текст',
				name: 'text',
				type: 'string',
				typeOptions: { rows: 5 },
				required: true,
				default: '={{ $json.text }}',
				displayOptions: { show: { operation: ['send'] } },
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const c = telegramCredentials(await this.getCredentials('mcuTelegramApi'));
		const operation = this.getNodeParameter('operation', 0) as string;
		if (operation === 'getNew') {
			const updates = await readUpdates(this, c);
			const seen = new Set<number>();
			return executeSource(this, {
				run: async (i) => ({ records: i === 0 ? updates.filter((u) => !seen.has(Number(u.update_id)) && seen.add(Number(u.update_id))) : [], normalize: true }),
				normalize: (record) => normalizeTelegram(record as Record<string, unknown>),
				label: (record) => ({ source: 'telegram', externalId: (record as IDataObject).update_id }),
			});
		}
		const state = this.getWorkflowStaticData('node') as TelegramState;
		return executeSource(this, {
			run: async (i) => {
				const chatId = String(this.getNodeParameter('chatId', i) ?? '').trim();
				const text = String(this.getNodeParameter('text', i) ?? '').trim();
				if (!chatId) throw new NodeOperationError(this.getNode(), 'Не указан ID чата', { itemIndex: i });
				if (!text) throw new NodeOperationError(this.getNode(), 'Пустой текст сообщения', { itemIndex: i });
				return { records: await sendInParts(this, c, state, chatId, text), normalize: false };
			},
			label: () => ({ source: 'telegram' }),
		});
	}
}

interface TelegramState {
	/** The offset the next run sends (confirming this run's updates): only where the run's end cannot be observed. */
	offset?: number;
	/** Messages sent in parts: digest key → when, and the message ids of the parts sent so far. */
	sentParts?: Record<string, { at: number; ids: number[] }>;
}

const ALLOWED_UPDATES = ['message', 'edited_message', 'channel_post'];
/** Telegram limits a message to 4096 characters: long digests go in parts of this size. */
export const PART_LENGTH = 4000;
/** How long the parts of a digest are remembered: a retry within it does not send a part again. */
export const SENT_PARTS_KEEP_MS = 24 * 3600000;

/**
 * One page (up to 100) of the updates Telegram still holds. Telegram forgets updates only when a getUpdates sends
 * offset = last + 1, and reading a second page would send exactly that — so a run reads one page and confirms it
 * only once the run has ended without an error (the items are out: the register has them). A failing request, a
 * failing later node or a killed worker leaves them at Telegram and the next run reads them again (the register
 * upserts by id). A backlog drains a page per run.
 *
 * Where the run's end cannot be observed (no execution hooks), the offset is staged in static data instead and
 * the next run confirms it.
 */
async function readUpdates(ctx: IExecuteFunctions, c: TelegramCredentials): Promise<Array<Record<string, unknown>>> {
	const state = ctx.getWorkflowStaticData('node') as TelegramState;
	const batch = await telegramCall<Array<Record<string, unknown>>>(ctx, c, 'getUpdates', {
		...(state.offset ? { offset: state.offset } : {}),
		limit: 100,
		timeout: 0,
		allowed_updates: ALLOWED_UPDATES,
	});
	if (!batch.length) return batch;
	const next = Math.max(...batch.map((u) => Number(u.update_id))) + 1;
	const manual = ctx.getMode() === 'manual';
	if (ctx.onExecutionFinish && runFailed(ctx) !== undefined) {
		delete state.offset;
		// Runs from the editor do not consume updates: the scheduled intake still gets them.
		if (!manual) {
			ctx.onExecutionFinish(async () => {
				if (runFailed(ctx) !== false) return;
				await telegramCall(ctx, c, 'getUpdates', { offset: next, limit: 1, timeout: 0, allowed_updates: ALLOWED_UPDATES });
			});
		}
	} else if (!manual) {
		state.offset = next;
	}
	return batch;
}

const digestKey = (chatId: string, text: string) => createHash('sha256').update(`${chatId}\n${text}`).digest('hex').slice(0, 32);

/**
 * Sends a text, in parts when it is longer than Telegram allows. sendMessage is not idempotent (the transport does
 * not retry it once the request may have been applied), so a digest whose later part failed is retried — by n8n or
 * by the next run — without sending its first parts again: the parts sent are remembered per chat and text for a day
 * (n8n saves static data of failed runs too). A one-part message is not remembered: the same short text may
 * rightly go to the same chat again.
 */
async function sendInParts(ctx: IExecuteFunctions, c: TelegramCredentials, state: TelegramState, chatId: string, text: string): Promise<IDataObject[]> {
	const parts: string[] = [];
	for (let start = 0; start < text.length; start += PART_LENGTH) parts.push(text.slice(start, start + PART_LENGTH));
	const now = Date.now();
	const memory = parts.length > 1 ? (state.sentParts ??= {}) : undefined;
	if (memory) for (const [k, v] of Object.entries(memory)) if (now - v.at > SENT_PARTS_KEEP_MS) delete memory[k];
	const key = digestKey(chatId, text);
	const sent = memory ? (memory[key] ??= { at: now, ids: [] }) : { at: now, ids: [] };
	const results: IDataObject[] = [];
	for (let part = 0; part < parts.length; part++) {
		if (part < sent.ids.length) {
			results.push({ ok: true, chatId, messageId: sent.ids[part], part: part + 1, parts: parts.length, alreadySent: true });
			continue;
		}
		const message = await telegramCall<IDataObject>(ctx, c, 'sendMessage', { chat_id: chatId, text: parts[part] });
		sent.ids.push(Number(message.message_id));
		results.push({ ok: true, chatId, messageId: message.message_id, ...(parts.length > 1 ? { part: part + 1, parts: parts.length } : {}) });
	}
	return results;
}
