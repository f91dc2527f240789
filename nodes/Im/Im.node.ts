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
import { isoFilter, toIsoDateTime } from '../../lib/sources/common';
import { executeSource } from '../shared/sourceNode';
import { readChangedSince } from '../shared/stagedCursor';
import { writeOnce } from '../shared/writeOnce';
import { imCredentials, imListIncidents, imRequest, type ImCredentials } from './transport';

const forOperations = (...operation: string[]) => ({ show: { operation } });

export class Im implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'МЦУ: Инцидент-менеджмент',
		name: 'im',
		icon: { light: 'file:im.svg', dark: 'file:im.dark.svg' },
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
					{ name: 'Взять в работу', value: 'take', action: 'Взять инцидент в работу' },
					{ name: 'Назначить исполнителя', value: 'assign', action: 'Назначить исполнителя' },
					{ name: 'Ответить', value: 'answer', action: 'Ответить автору' },
					{ name: 'Отклонить', value: 'reject', action: 'Отклонить с причиной' },
					{ name: 'Перенаправить', value: 'forward', action: 'Перенаправить в другую организацию' },
					{ name: 'Получить', value: 'get', action: 'Получить инцидент' },
					{ name: 'Получить много', value: 'getMany', action: 'Получить инциденты' },
				],
				default: 'getMany',
			},
			{
				displayName: 'ID инцидента',
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
				displayName: 'Текст ответа',
				name: 'answerText',
				type: 'string',
				typeOptions: { rows: 6 },
				required: true,
				default: '',
				displayOptions: forOperations('answer'),
			},
			{
				displayName: 'Причина отклонения',
				name: 'reason',
				type: 'string',
				required: true,
				default: '',
				displayOptions: forOperations('reject'),
			},
			{
				displayName: 'Вернуть все',
				name: 'returnAll',
				type: 'boolean',
				default: false,
				description: 'Вернуть все найденные записи или не больше заданного числа',
				displayOptions: { ...forOperations('getMany'), hide: { onlyChanged: [true] } },
			},
			{
				displayName: 'Не больше',
				name: 'limit',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 50,
				description: 'Наибольшее число записей в ответе',
				displayOptions: { show: { operation: ['getMany'], returnAll: [false] }, hide: { onlyChanged: [true] } },
			},
			{
				displayName: 'Только изменённые с прошлого запуска',
				name: 'onlyChanged',
				type: 'boolean',
				default: false,
				description:
					'Вернуть только инциденты, новые или изменённые после прошлого запуска этого процесса (по времени изменения, с перекрытием 5 минут, каждое изменение один раз). Первый запуск читает с даты «Изменены после» (если она пуста — все). Запуск с ошибкой не сдвигает позицию: следующий прочитает те же инциденты снова.',
				displayOptions: forOperations('getMany'),
			},
			{
				displayName: 'Изменены после',
				name: 'updatedSince',
				type: 'dateTime',
				default: '',
				displayOptions: forOperations('getMany'),
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const credentials = imCredentials(await this.getCredentials('mcuImApi'));
		const normalize = (record: unknown) => normalizeIm(record);
		const label = (record: unknown) => ({ source: 'im', externalId: (record as IDataObject)?.id });
		if (this.getNodeParameter('operation', 0) === 'getMany' && this.getNodeParameter('onlyChanged', 0, false) === true) {
			// One read per run (not per input item): the cursor belongs to the node.
			return readChangedSince(
				this,
				{
					fetch: async (from) => imListIncidents(this, credentials, { updatedSince: from }) as Promise<IDataObject[]>,
					stamp: (record) => ({ id: String(record.id ?? ''), at: toIsoDateTime(record.updatedAt) ?? toIsoDateTime(record.createdAt) }),
					firstFrom: isoFilter(this.getNodeParameter('updatedSince', 0, '') as string),
				},
				(records) => executeSource(this, { run: async (i) => ({ records: i === 0 ? records : [], normalize: true }), normalize, label }),
			);
		}
		return executeSource(this, {
			run: async (i) => ({ records: await runOperation(this, credentials, i), normalize: true }),
			normalize,
			label,
		});
	}
}

async function runOperation(ctx: IExecuteFunctions, c: ImCredentials, i: number): Promise<unknown[]> {
	const operation = ctx.getNodeParameter('operation', i) as string;
	if (operation === 'getMany') {
		const returnAll = ctx.getNodeParameter('returnAll', i, false) as boolean;
		return imListIncidents(ctx, c, {
			updatedSince: isoFilter(ctx.getNodeParameter('updatedSince', i, '') as string),
			limit: returnAll ? undefined : (ctx.getNodeParameter('limit', i, 50) as number),
		});
	}
	const id = String(ctx.getNodeParameter('incidentId', i) ?? '').trim();
	if (!id) throw new NodeOperationError(ctx.getNode(), 'Не указан ID инцидента', { itemIndex: i });
	const path = `/api/v1/incidents/${encodeURIComponent(id)}`;
	const read = async () => imRequest<ImIncidentState>(ctx, c, { method: 'GET', path });
	if (operation === 'get') return [await read()];
	const body = actionBody(ctx, operation, i);
	// The adapter has no idempotency key: an action whose answer was lost is checked on the incident before a resend.
	await writeOnce({
		node: ctx.getNode(),
		service: 'Инцидент-менеджмент',
		find: async () => ownImChange(await read(), operation, body),
		send: async () => imRequest(ctx, c, { method: 'POST', path: `${path}/${operation}`, body }),
	});
	return [await read()];
}

function actionBody(ctx: IExecuteFunctions, operation: string, i: number): IDataObject {
	const required = (name: string, message: string) => {
		const value = String(ctx.getNodeParameter(name, i) ?? '').trim();
		if (!value) throw new NodeOperationError(ctx.getNode(), message, { itemIndex: i });
		return value;
	};
	switch (operation) {
		case 'take':
			return {};
		case 'assign':
			return { executor: required('executor', 'Не указан исполнитель') };
		case 'forward': {
			const organization = required('organization', 'Не указана организация');
			const comment = String(ctx.getNodeParameter('comment', i, '') ?? '').trim();
			return { organization, comment: comment || undefined };
		}
		case 'answer':
			return { text: required('answerText', 'Пустой текст ответа') };
		case 'reject':
			return { reason: required('reason', 'Не указана причина отклонения') };
		default:
			throw new NodeOperationError(ctx.getNode(), `Неизвестная операция «${operation}»`, { itemIndex: i });
	}
}

interface ImIncidentState {
	status?: string;
	executor?: string | null;
	updatedAt?: string;
	forwardedTo?: { organization?: string } | null;
	answer?: { text?: string } | null;
	rejectReason?: string | null;
}

/** The incident's change this action would have made, as `action@updatedAt` (each write moves updatedAt). */
export function ownImChange(incident: ImIncidentState, operation: string, body: IDataObject): string[] {
	const done: Record<string, boolean> = {
		take: incident?.status === 'in_work',
		assign: incident?.executor === body.executor,
		forward: incident?.status === 'forwarded' && incident.forwardedTo?.organization === body.organization,
		answer: incident?.status === 'answered' && incident.answer?.text === body.text,
		reject: incident?.status === 'rejected' && incident.rejectReason === body.reason,
	};
	return done[operation] ? [`${operation}@${String(incident.updatedAt)}`] : [];
}
