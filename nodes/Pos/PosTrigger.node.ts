import {
	NodeConnectionTypes,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';
import { normalizePos } from '../../lib/sources/pos';
import { toIsoDateTime } from '../../lib/sources/common';
import { pollAppeals, pollingProperties, SOURCE_OVERLAP_MS } from '../shared/polling';
import { posCredentials, posListMessages } from './transport';

type PosRecord = Record<string, unknown>;

export class PosTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'МЦУ: ПОС Trigger',
		name: 'posTrigger',
		icon: { light: 'file:pos.svg', dark: 'file:pos.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"] === "changes" ? "новые и изменённые" : "новые"}}',
		description: 'Запускает процесс на каждое новое (или изменённое) сообщение ПОС',
		defaults: { name: 'МЦУ: ПОС — новые сообщения' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'mcuPosApi', required: true }],
		properties: [
			{
				displayName: 'Событие',
				name: 'event',
				type: 'options',
				options: [
					{ name: 'Новое сообщение', value: 'new' },
					{ name: 'Новое или изменённое (статус, ответ)', value: 'changes' },
				],
				default: 'new',
			},
			...pollingProperties,
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const credentials = posCredentials(await this.getCredentials('mcuPosApi'));
		const event = this.getNodeParameter('event', 'new') as string;
		return pollAppeals<PosRecord>(this, {
			fetch: async (since) => {
				const records = (await posListMessages(this, credentials, {
					updatedFrom: since,
				})) as PosRecord[];
				return records.flatMap((record) => {
					// The cursor follows the field the source filters by (updatedAt), also for «new».
					const at = toIsoDateTime(record.updatedAt) ?? toIsoDateTime(record.createdAt);
					const id = String(record.posId ?? record.id ?? '');
					if (!id) return [];
					return event === 'changes'
						? [{ id: `${id}@${at ?? ''}`, at, record }]
						: [{ id, at, createdAt: toIsoDateTime(record.createdAt), record }];
				});
			},
			// A message becomes visible when it clears moderation, possibly after newer ones: new is by id.
			newById: event === 'new' ? { overlapMs: SOURCE_OVERLAP_MS } : undefined,
			normalize: (record) =>
				normalizePos(record, { urlTemplate: credentials.urlTemplate || undefined }),
			label: (record) => ({ source: 'pos', externalId: record.posId ?? record.id }),
		});
	}
}
