import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { normalizeIm } from '../../lib/sources/im';
import { toIsoDateTime } from '../../lib/sources/common';
import { executeSource } from '../shared/sourceNode';
import { imCredentials, imListIncidents, imRequest, type ImCredentials } from './transport';

const forOperations = (...operation: string[]) => ({ show: { operation } });

export class Im implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'МЦУ: Инцидент-Менеджмент',
		name: 'im',
		icon: 'file:im.svg',
		group: ['input'],
		version: 1,
		subtitle: '={{$parameter["operation"]}}',
		description: 'Инциденты из соцсетей, зарегистрированные ЦУР: чтение, взятие в работу, исполнитель, перенаправление, ответ (публикуется автору), отклонение',
		defaults: { name: 'МЦУ: Инцидент-менеджмент' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'mcuImApi', required: true }],
		properties: [
			{
				displayName: 'Ресурс',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Инцидент', value: 'incident' }],
				default: 'incident',
			},
			{
				displayName: 'Операция',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Взять В Работу', value: 'take', action: 'Взять инцидент в работу' },
					{ name: 'Назначить Исполнителя', value: 'assign', action: 'Назначить исполнителя' },
					{ name: 'Ответить', value: 'answer', action: 'Ответить автору' },
					{ name: 'Отклонить', value: 'reject', action: 'Отклонить с причиной' },
					{ name: 'Перенаправить', value: 'forward', action: 'Перенаправить в другую организацию' },
					{ name: 'Получить', value: 'get', action: 'Получить инцидент' },
					{ name: 'Получить Много', value: 'getMany', action: 'Получить инциденты' },
				],
				default: 'getMany',
			},
			{
				displayName: 'ID Инцидента',
				name: 'incidentId',
				type: 'string',
				required: true,
				default: '={{ $json.externalId }}',
				displayOptions: forOperations('get', 'take', 'assign', 'forward', 'answer', 'reject'),
			},
			{
				displayName: 'Исполнитель',
				name: 'executor',
				type: 'string',
				required: true,
				default: '={{ $json.responsible }}',
				description: 'ФИО или должность исполнителя; по умолчанию — ответственный, назначенный маршрутизацией',
				displayOptions: forOperations('assign'),
			},
			{
				displayName: 'Организация',
				name: 'organization',
				type: 'string',
				required: true,
				default: '',
				placeholder: 'ГБУЗ «Порховская межрайонная больница»',
				description: 'Куда перенаправить инцидент, если вопрос вне компетенции района',
				displayOptions: forOperations('forward'),
			},
			{
				displayName: 'Комментарий',
				name: 'comment',
				type: 'string',
				default: '',
				displayOptions: forOperations('forward'),
			},
			{
				displayName: 'Текст Ответа',
				name: 'answerText',
				type: 'string',
				typeOptions: { rows: 6 },
				required: true,
				default: '',
				displayOptions: forOperations('answer'),
			},
			{
				displayName: 'Причина Отклонения',
				name: 'reason',
				type: 'string',
				required: true,
				default: '',
				displayOptions: forOperations('reject'),
			},
			{
				displayName: 'Вернуть Все',
				name: 'returnAll',
				type: 'boolean',
				default: false,
				description: 'Whether to return all results or only up to a given limit',
				displayOptions: forOperations('getMany'),
			},
			{
				displayName: 'Limit',
				name: 'limit',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 50,
				description: 'Max number of results to return',
				displayOptions: { show: { operation: ['getMany'], returnAll: [false] } },
			},
			{
				displayName: 'Изменены После',
				name: 'updatedSince',
				type: 'dateTime',
				default: '',
				displayOptions: forOperations('getMany'),
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const credentials = imCredentials(await this.getCredentials('mcuImApi'));
		return executeSource(this, {
			run: async (i) => ({ records: await runOperation(this, credentials, i), normalize: true }),
			normalize: (record) => normalizeIm(record),
			label: (record) => ({ source: 'im', externalId: (record as IDataObject)?.id }),
		});
	}
}

async function runOperation(ctx: IExecuteFunctions, c: ImCredentials, i: number): Promise<unknown[]> {
	const operation = ctx.getNodeParameter('operation', i) as string;
	if (operation === 'getMany') {
		const returnAll = ctx.getNodeParameter('returnAll', i, false) as boolean;
		const since = ctx.getNodeParameter('updatedSince', i, '') as string;
		return imListIncidents(ctx, c, {
			updatedSince: since ? (toIsoDateTime(since) ?? since) : undefined,
			limit: returnAll ? undefined : (ctx.getNodeParameter('limit', i, 50) as number),
		});
	}
	const id = String(ctx.getNodeParameter('incidentId', i) ?? '').trim();
	if (!id) throw new NodeOperationError(ctx.getNode(), 'Не указан ID инцидента', { itemIndex: i });
	const path = `/api/v1/incidents/${encodeURIComponent(id)}`;
	if (operation === 'take') await imRequest(ctx, c, { method: 'POST', path: `${path}/take`, body: {} });
	if (operation === 'assign') {
		const executor = String(ctx.getNodeParameter('executor', i) ?? '').trim();
		if (!executor) throw new NodeOperationError(ctx.getNode(), 'Не указан исполнитель', { itemIndex: i });
		await imRequest(ctx, c, { method: 'POST', path: `${path}/assign`, body: { executor } });
	}
	if (operation === 'forward') {
		const organization = String(ctx.getNodeParameter('organization', i) ?? '').trim();
		if (!organization) throw new NodeOperationError(ctx.getNode(), 'Не указана организация', { itemIndex: i });
		const comment = String(ctx.getNodeParameter('comment', i, '') ?? '').trim();
		await imRequest(ctx, c, { method: 'POST', path: `${path}/forward`, body: { organization, comment: comment || undefined } });
	}
	if (operation === 'answer') {
		const text = (ctx.getNodeParameter('answerText', i) as string).trim();
		if (!text) throw new NodeOperationError(ctx.getNode(), 'Пустой текст ответа', { itemIndex: i });
		await imRequest(ctx, c, { method: 'POST', path: `${path}/answer`, body: { text } });
	}
	if (operation === 'reject') {
		const reason = (ctx.getNodeParameter('reason', i) as string).trim();
		if (!reason) throw new NodeOperationError(ctx.getNode(), 'Не указана причина отклонения', { itemIndex: i });
		await imRequest(ctx, c, { method: 'POST', path: `${path}/reject`, body: { reason } });
	}
	return [await imRequest(ctx, c, { method: 'GET', path })];
}
