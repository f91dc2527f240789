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
import { telegramCall, telegramCredentials } from './transport';

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
					{ name: 'Получить Новые', value: 'getNew', action: 'Получить новые сообщения боту' },
					{ name: 'Отправить', value: 'send', action: 'Отправить сообщение' },
				],
				default: 'getNew',
			},
			{
				displayName: 'ID Чата',
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
			const state = this.getWorkflowStaticData('node') as { offset?: number };
			// Telegram forgets updates only when a later getUpdates sends offset = last + 1, i.e. on the next run, after
			// this run's items were handed over. The offset is kept in the workflow's static data (saved by n8n with the
			// execution); a re-read after a failed run is harmless because the register upserts by id.
			const updates: Array<Record<string, unknown>> = [];
			for (let page = 0; page < 100; page++) {
				const batch = await telegramCall<Array<Record<string, unknown>>>(this, c, 'getUpdates', {
					offset: state.offset ?? 0,
					limit: 100,
					timeout: 0,
					allowed_updates: ['message', 'edited_message', 'channel_post'],
				});
				if (!batch.length) break;
				updates.push(...batch);
				state.offset = Math.max(...batch.map((u) => Number(u.update_id))) + 1;
				if (batch.length < 100) break;
			}
			const seen = new Set<number>();
			return executeSource(this, {
				run: async (i) => ({ records: i === 0 ? updates.filter((u) => !seen.has(Number(u.update_id)) && seen.add(Number(u.update_id))) : [], normalize: true }),
				normalize: (record) => normalizeTelegram(record as Record<string, unknown>),
				label: (record) => ({ source: 'telegram', externalId: (record as IDataObject).update_id }),
			});
		}
		return executeSource(this, {
			run: async (i) => {
				const chatId = String(this.getNodeParameter('chatId', i) ?? '').trim();
				const text = String(this.getNodeParameter('text', i) ?? '').trim();
				if (!chatId) throw new NodeOperationError(this.getNode(), 'Не указан ID чата', { itemIndex: i });
				if (!text) throw new NodeOperationError(this.getNode(), 'Пустой текст сообщения', { itemIndex: i });
				// Telegram limits a message to 4096 characters: long digests go in parts.
				const results: IDataObject[] = [];
				for (let start = 0; start < text.length; start += 4000) {
					const message = await telegramCall<IDataObject>(this, c, 'sendMessage', { chat_id: chatId, text: text.slice(start, start + 4000) });
					results.push({ ok: true, chatId, messageId: message.message_id });
				}
				return { records: results, normalize: false };
			},
			label: () => ({ source: 'telegram' }),
		});
	}
}
