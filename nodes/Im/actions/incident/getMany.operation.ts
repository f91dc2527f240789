import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { isoFilter, toIsoDateTime } from '../../../../lib/sources/common';
import { listFields } from '../../../shared/listFields';
import { readChangedSince } from '../../../shared/stagedCursor';
import { imListIncidents, type ImCredentials } from '../../transport';
import { executeIm } from '../common';

export const option = { name: 'Получить много', value: 'getMany', action: 'Получить инциденты' };

export const description: INodeProperties[] = [
	...listFields(
		'инциденты',
		'Первый запуск читает с даты «Изменены после» (если она пуста — все).',
	),
	{
		displayName: 'Изменены после',
		name: 'updatedSince',
		type: 'dateTime',
		default: '',
	},
];

export async function execute(
	this: IExecuteFunctions,
	c: ImCredentials,
): Promise<INodeExecutionData[][]> {
	if (this.getNodeParameter('onlyChanged', 0, false) === true) {
		// One read per run (not per input item): the cursor belongs to the node.
		return readChangedSince(
			this,
			{
				fetch: async (from) =>
					imListIncidents(this, c, { updatedSince: from }) as Promise<IDataObject[]>,
				stamp: (record) => ({
					id: String(record.id ?? ''),
					at: toIsoDateTime(record.updatedAt) ?? toIsoDateTime(record.createdAt),
				}),
				firstFrom: isoFilter(this.getNodeParameter('updatedSince', 0, '') as string),
			},
			(records) =>
				executeIm(this, async (i) => ({ records: i === 0 ? records : [], normalize: true })),
		);
	}
	return executeIm(this, async (i) => {
		const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
		const records = await imListIncidents(this, c, {
			updatedSince: isoFilter(this.getNodeParameter('updatedSince', i, '') as string),
			limit: returnAll ? undefined : (this.getNodeParameter('limit', i, 50) as number),
		});
		return { records, normalize: true };
	});
}
