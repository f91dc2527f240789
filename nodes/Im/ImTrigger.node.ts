import {
	NodeConnectionTypes,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';
import { normalizeIm } from '../../lib/sources/im';
import { toIsoDateTime } from '../../lib/sources/common';
import { pollAppeals, pollingProperties, SOURCE_OVERLAP_MS } from '../shared/polling';
import { imCredentials, imListIncidents } from './transport';

type ImRecord = Record<string, unknown>;

export class ImTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'МЦУ: Инцидент-менеджмент Trigger',
		name: 'imTrigger',
		icon: { light: 'file:im.svg', dark: 'file:im.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: 'новые инциденты',
		description: 'Запускает процесс на каждый новый инцидент ИМ',
		defaults: { name: 'МЦУ: ИМ — новые инциденты' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'mcuImApi', required: true }],
		properties: pollingProperties,
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const credentials = imCredentials(await this.getCredentials('mcuImApi'));
		return pollAppeals<ImRecord>(this, {
			fetch: async (since) => {
				const records = (await imListIncidents(this, credentials, {
					updatedSince: since,
				})) as ImRecord[];
				return records.flatMap((record) => {
					// The cursor follows the field the source filters by (updatedAt); new is by id.
					const at = toIsoDateTime(record.updatedAt) ?? toIsoDateTime(record.createdAt);
					const id = String(record.id ?? '');
					return id ? [{ id, at, createdAt: toIsoDateTime(record.createdAt), record }] : [];
				});
			},
			// An incident can reach the district after newer ones (routed on from another body).
			newById: { overlapMs: SOURCE_OVERLAP_MS },
			normalize: (record) => normalizeIm(record),
			label: (record) => ({ source: 'im', externalId: record.id }),
		});
	}
}
