import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { normalizePos } from '../../lib/sources/pos';
import { isoFilter, toIsoDateTime } from '../../lib/sources/common';
import { executeSource } from '../shared/sourceNode';
import { readChangedSince } from '../shared/stagedCursor';
import { writeOnce } from '../shared/writeOnce';
import { posProperties } from './description';
import { posActionPath, posCredentials, posListMessages, posRequest, type PosCredentials } from './transport';

const ACTIONS: Record<string, string> = {
	takeToWork: 'take-to-work',
	setExecutor: 'set-executor',
	forward: 'forward',
	postpone: 'postpone',
	sendResponse: 'response',
};

export class Pos implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'МЦУ: ПОС',
		name: 'pos',
		icon: { light: 'file:pos.svg', dark: 'file:pos.dark.svg' },
		group: ['input'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Сообщения Платформы обратной связи («Госуслуги. Решаем вместе»): чтение, взятие в работу, ответ',
		defaults: { name: 'МЦУ: ПОС' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'mcuPosApi', required: true }],
		properties: posProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const credentials = posCredentials(await this.getCredentials('mcuPosApi'));
		const normalize = (record: unknown) => normalizePos(record, { urlTemplate: credentials.urlTemplate || undefined });
		const label = (record: unknown) => ({ source: 'pos', externalId: (record as IDataObject)?.posId });
		if (readsChangedOnly(this)) {
			// One read per run (not per input item): the cursor belongs to the node.
			const filters = this.getNodeParameter('filters', 0, {}) as { updatedFrom?: string; status?: string[] };
			return readChangedSince(
				this,
				{
					fetch: async (from) => posListMessages(this, credentials, { updatedFrom: from, status: filters.status }) as Promise<IDataObject[]>,
					stamp: (record) => ({ id: String(record.posId ?? record.id ?? ''), at: toIsoDateTime(record.updatedAt) ?? toIsoDateTime(record.createdAt) }),
					firstFrom: isoFilter(filters.updatedFrom),
				},
				(records) => executeSource(this, { run: async (i) => ({ records: i === 0 ? records : [], normalize: true }), normalize, label }),
			);
		}
		return executeSource(this, {
			run: async (i) => {
				const resource = this.getNodeParameter('resource', i) as string;
				const operation = this.getNodeParameter('operation', i) as string;
				return { records: await runOperation(this, credentials, resource, operation, i), normalize: resource !== 'category' };
			},
			normalize,
			label,
		});
	}
}

function readsChangedOnly(ctx: IExecuteFunctions): boolean {
	const resource = ctx.getNodeParameter('resource', 0) as string;
	const operation = ctx.getNodeParameter('operation', 0) as string;
	return resource === 'appeal' && operation === 'getMany' && ctx.getNodeParameter('onlyChanged', 0, false) === true;
}


async function runOperation(
	ctx: IExecuteFunctions,
	c: PosCredentials,
	resource: string,
	operation: string,
	i: number,
): Promise<unknown[]> {
	if (resource === 'category') {
		const subjects = await posRequest<unknown[]>(ctx, c, { method: 'GET', path: '/inbox-service/subjects/region/60' });
		return Array.isArray(subjects) ? subjects : [];
	}
	if (operation === 'getMany') {
		const filters = ctx.getNodeParameter('filters', i, {}) as { updatedFrom?: string; status?: string[] };
		const returnAll = ctx.getNodeParameter('returnAll', i, false) as boolean;
		const limit = returnAll ? undefined : (ctx.getNodeParameter('limit', i, 50) as number);
		return posListMessages(ctx, c, { updatedFrom: isoFilter(filters.updatedFrom), status: filters.status, limit });
	}
	const posId = String(ctx.getNodeParameter('posId', i) ?? '').trim();
	if (!posId) throw new NodeOperationError(ctx.getNode(), 'Не указан ID сообщения ПОС', { itemIndex: i });
	if (operation === 'get') {
		return [await posRequest(ctx, c, { method: 'GET', path: `${c.appealsPath}/${encodeURIComponent(posId)}` })];
	}
	const action = ACTIONS[operation];
	if (!action) throw new NodeOperationError(ctx.getNode(), `Неизвестная операция «${operation}»`, { itemIndex: i });
	const body = actionBody(ctx, operation, i);
	const read = async () => posRequest<PosMessageState>(ctx, c, { method: 'GET', path: `${c.appealsPath}/${encodeURIComponent(posId)}` });
	// ПОС has no idempotency key: an action whose answer was lost is looked up in the history before it is sent again.
	await writeOnce({
		node: ctx.getNode(),
		service: 'ПОС',
		find: async () => ownHistoryEntries(await read(), operation, body),
		send: async () => posRequest(ctx, c, { method: 'POST', path: posActionPath(c, posId, action), body }),
	});
	return [await read()];
}

interface PosMessageState {
	history?: Array<{ status?: string; executor?: string; answer?: { comment?: string; newDate?: string } }>;
}

/** Positions of history entries this action would have written: its status, and its executor, date or text. */
export function ownHistoryEntries(message: PosMessageState, operation: string, body: IDataObject): string[] {
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
		if (operation === 'setExecutor' && entry.executor !== undefined && entry.executor !== body.executor) return;
		if (operation === 'postpone' && entry.answer?.newDate !== undefined && Date.parse(entry.answer.newDate) !== Date.parse(String(body.newDate))) return;
		const text = operation === 'forward' || operation === 'sendResponse' ? String(body.comment ?? '') : undefined;
		if (text !== undefined && entry.answer?.comment !== undefined && entry.answer.comment !== text) return;
		out.push(`${index}:${String(entry.status)}`);
	});
	return out;
}

function actionBody(ctx: IExecuteFunctions, operation: string, i: number): IDataObject {
	switch (operation) {
		case 'setExecutor':
			return { executor: ctx.getNodeParameter('executor', i) as string };
		case 'forward':
			return {
				target: ctx.getNodeParameter('target', i) as string,
				opaId: (ctx.getNodeParameter('opaId', i, '') as string) || undefined,
				comment: (ctx.getNodeParameter('comment', i, '') as string) || undefined,
			};
		case 'postpone': {
			const raw = ctx.getNodeParameter('newDate', i) as string;
			return { newDate: toIsoDateTime(raw) ?? raw, comment: ctx.getNodeParameter('comment', i, '') as string };
		}
		case 'sendResponse': {
			const comment = (ctx.getNodeParameter('answerText', i) as string).trim();
			if (!comment) throw new NodeOperationError(ctx.getNode(), 'Пустой текст ответа', { itemIndex: i });
			return { answerType: ctx.getNodeParameter('answerType', i) as string, comment };
		}
		default:
			return {};
	}
}
