import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';
import { normalizePos } from '../../../lib/sources/pos';
import { executeSource } from '../../shared/sourceNode';
import { writeOnce } from '../../shared/writeOnce';
import { posActionPath, posRequest, type PosCredentials } from '../transport';

/** Fields more than one ПОС operation has. */
export const POS_ID_FIELD: INodeProperties = {
	displayName: 'ID сообщения',
	name: 'posId',
	type: 'string',
	required: true,
	default: '={{ $json.externalId }}',
	description: 'Номер сообщения в ПОС (externalId обращения)',
};

export const COMMENT_FIELD: INodeProperties = {
	displayName: 'Комментарий',
	name: 'comment',
	type: 'string',
	typeOptions: { rows: 3 },
	default: '',
};

/** Runs a ПОС operation on every input item: messages come out as appeals (categories as they are). */
export function executePos(
	ctx: IExecuteFunctions,
	c: PosCredentials,
	run: (itemIndex: number) => Promise<{ records: unknown[]; normalize: boolean }>,
): Promise<INodeExecutionData[][]> {
	return executeSource(ctx, {
		run,
		normalize: (record) => normalizePos(record, { urlTemplate: c.urlTemplate || undefined }),
		label: (record) => ({ source: 'pos', externalId: (record as IDataObject)?.posId }),
	});
}

/** The message's id from the item, required. */
export function posIdOf(ctx: IExecuteFunctions, i: number): string {
	const posId = String(ctx.getNodeParameter('posId', i) ?? '').trim();
	if (!posId)
		throw new NodeOperationError(ctx.getNode(), 'Не указан ID сообщения ПОС', { itemIndex: i });
	return posId;
}

export const readMessage = async <T = unknown>(
	ctx: IExecuteFunctions,
	c: PosCredentials,
	posId: string,
) =>
	posRequest<T>(ctx, c, { method: 'GET', path: `${c.appealsPath}/${encodeURIComponent(posId)}` });

export type PosAction = 'takeToWork' | 'setExecutor' | 'forward' | 'postpone' | 'sendResponse';

/**
 * Runs an action on the message of every input item (`path` is the gateway's action route) and returns the message
 * as it is afterwards.
 */
export function executePosAction(
	ctx: IExecuteFunctions,
	c: PosCredentials,
	operation: PosAction,
	path: string,
	body: (itemIndex: number) => IDataObject,
): Promise<INodeExecutionData[][]> {
	return executePos(ctx, c, async (i) => {
		const posId = posIdOf(ctx, i);
		const sent = body(i);
		// ПОС has no idempotency key: an action whose answer was lost is looked up in the history before it is sent again.
		await writeOnce({
			node: ctx.getNode(),
			service: 'ПОС',
			find: async () =>
				ownHistoryEntries(await readMessage<PosMessageState>(ctx, c, posId), operation, sent),
			send: async () =>
				posRequest(ctx, c, { method: 'POST', path: posActionPath(c, posId, path), body: sent }),
		});
		return { records: [await readMessage(ctx, c, posId)], normalize: true };
	});
}

interface PosMessageState {
	history?: Array<{
		status?: string;
		executor?: string;
		answer?: { comment?: string; newDate?: string };
	}>;
}

/** Positions of history entries this action would have written: its status, and its executor, date or text. */
export function ownHistoryEntries(
	message: PosMessageState,
	operation: string,
	body: IDataObject,
): string[] {
	const statuses: Record<string, string[]> = {
		takeToWork: ['TAKE_TO_WORK'],
		setExecutor: ['SET_EXECUTOR'],
		forward: [body.target === 'subordinate' ? 'FORWARD_TO_SUBORDINATE' : 'FORWARD_TO_PARENT'],
		postpone: ['POSTPONE'],
		sendResponse: ['SEND_RESPONSE'],
	};
	const out: string[] = [];
	(Array.isArray(message?.history) ? message.history : []).forEach((entry, index) => {
		if (!statuses[operation]?.includes(String(entry?.status))) return;
		if (
			operation === 'setExecutor' &&
			entry.executor !== undefined &&
			entry.executor !== body.executor
		)
			return;
		if (
			operation === 'postpone' &&
			entry.answer?.newDate !== undefined &&
			Date.parse(entry.answer.newDate) !== Date.parse(String(body.newDate))
		)
			return;
		const text =
			operation === 'forward' || operation === 'sendResponse'
				? String(body.comment ?? '')
				: undefined;
		if (text !== undefined && entry.answer?.comment !== undefined && entry.answer.comment !== text)
			return;
		out.push(`${index}:${String(entry.status)}`);
	});
	return out;
}
