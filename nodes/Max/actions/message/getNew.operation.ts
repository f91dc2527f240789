import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import {
	isMaxMessageUpdate,
	isOwnMaxMessage,
	maxExternalId,
	maxUpdateKey,
	normalizeMax,
	type MaxUpdate,
} from '../../../../lib/sources/max';
import { executeSource } from '../../../shared/sourceNode';
import { readWithStagedCursor, type StagedCursorState } from '../../../shared/stagedCursor';
import { maxCall, type MaxCredentials } from '../../transport';

export const option = {
	name: 'Получить новые',
	value: 'getNew',
	action: 'Получить новые сообщения боту',
};

export const description: INodeProperties[] = [
	{
		displayName: 'Не больше, обновлений',
		name: 'batchSize',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 1000 },
		default: 100,
		description:
			'Сколько обновлений прочитать за запуск (MAX отдаёт до 1000); остальные — в следующий запуск',
	},
	{
		displayName: 'Ждать новых, с',
		name: 'timeout',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 90 },
		default: 0,
		description: 'Сколько секунд ждать, если новых сообщений пока нет (0 — не ждать)',
	},
];

/**
 * Messages to the bot and in chats where it is an administrator, one `GET /updates` per run: a second one would send
 * the new marker and make MAX forget updates whose items are not out yet. The marker becomes the next run's, or is
 * rolled back after a failed run (readWithStagedCursor).
 */
export async function execute(
	this: IExecuteFunctions,
	c: MaxCredentials,
): Promise<INodeExecutionData[][]> {
	const limit = Math.min(
		1000,
		Math.max(1, Number(this.getNodeParameter('batchSize', 0, 100)) || 100),
	);
	const timeout = Math.min(90, Math.max(0, Number(this.getNodeParameter('timeout', 0, 0)) || 0));
	return readWithStagedCursor(
		this,
		this.getWorkflowStaticData('node') as StagedCursorState<number>,
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
