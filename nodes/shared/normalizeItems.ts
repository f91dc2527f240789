import type { INodeExecutionData } from 'n8n-workflow';
import type { Appeal } from '../../lib/appeal';
import { errorItem } from './items';
import { itemJson } from './appealJson';

/**
 * Records as trigger items: each one the appeal, or — when it cannot become one — an error item naming the source,
 * the record and the field, so one bad record neither stops the others nor disappears.
 */
export function normalizeItems<T>(
	records: T[],
	normalize: (record: T) => Appeal,
	label: (record: T) => unknown,
): INodeExecutionData[] {
	return records.map((record) => {
		try {
			return { json: itemJson(normalize(record)) };
		} catch (error) {
			return { json: errorItem(error as Error, label(record), 0).json };
		}
	});
}
