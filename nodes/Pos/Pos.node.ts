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
import { toIsoDateTime } from '../../lib/sources/common';
import { asNodeError, errorItem } from '../shared/items';
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
		icon: 'file:pos.svg',
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
		const items = this.getInputData();
		const credentials = posCredentials(await this.getCredentials('mcuPosApi'));
		const out: INodeExecutionData[] = [];
		for (let i = 0; i < items.length; i++) {
			try {
				const resource = this.getNodeParameter('resource', i) as string;
				const operation = this.getNodeParameter('operation', i) as string;
				const records = await runOperation(this, credentials, resource, operation, i);
				for (const record of records) {
					if (resource === 'category') {
						out.push({ json: record as IDataObject, pairedItem: { item: i } });
						continue;
					}
					try {
						const appeal = normalizePos(record, { urlTemplate: credentials.urlTemplate || undefined });
						out.push({ json: appeal as unknown as IDataObject, pairedItem: { item: i } });
					} catch (error) {
						// One bad record never stops the others.
						if (!this.continueOnFail()) throw asNodeError(this.getNode(), error, i);
						out.push(errorItem(error as Error, { source: 'pos', externalId: (record as IDataObject)?.posId }, i));
					}
				}
			} catch (error) {
				if (this.continueOnFail()) {
					out.push(errorItem(error as Error, items[i].json, i));
					continue;
				}
				throw asNodeError(this.getNode(), error, i);
			}
		}
		return [out];
	}
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
		const updatedFrom = filters.updatedFrom ? toIsoDateTime(filters.updatedFrom) ?? filters.updatedFrom : undefined;
		return posListMessages(ctx, c, { updatedFrom, status: filters.status, limit });
	}
	const posId = String(ctx.getNodeParameter('posId', i) ?? '').trim();
	if (!posId) throw new NodeOperationError(ctx.getNode(), 'Не указан ID сообщения ПОС', { itemIndex: i });
	if (operation === 'get') {
		return [await posRequest(ctx, c, { method: 'GET', path: `${c.appealsPath}/${encodeURIComponent(posId)}` })];
	}
	const action = ACTIONS[operation];
	if (!action) throw new NodeOperationError(ctx.getNode(), `Неизвестная операция «${operation}»`, { itemIndex: i });
	await posRequest(ctx, c, { method: 'POST', path: posActionPath(c, posId, action), body: actionBody(ctx, operation, i) });
	return [await posRequest(ctx, c, { method: 'GET', path: `${c.appealsPath}/${encodeURIComponent(posId)}` })];
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
